/**
 * Safety recall and false alarms as the assistant decides them: `decideSafety` on the screen's
 * hit and the model's prediction, exactly as the pipeline calls it (bot/policy.ts).
 *   npm run eval:safety -- [--tenant <id>] [--test <file>[,<file>...]] [--json]
 * Defaults: tenant demo, test content/demo/eval/safety-kinds-heldout.json. Several files separated by
 * commas are measured together, as one set (e.g. all the development sets). Items are
 * {"text","intent"} with an optional kind of risk ("kind", "risk" or "category"), "channel" and
 * "lang"; any intent starting "safety." is a disclosure. Headline recall counts a disclosure that
 * is escalated OR asked "Is anyone in danger right now?" (it is not ignored); headline false
 * alarms count ordinary messages escalated; ordinary messages asked the question are reported
 * apart. A measurement only: the test file is never used to change the screen or the model.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContentPack } from '../bot/content-pack/index.js';
import { loadOrTrainModel } from '../intents/index.js';
import { decideSafety, explainSafety, SAFETY_ASK_THRESHOLD, SAFETY_CLASSIFIER_THRESHOLD } from '../intents/safety/index.js';
import { RISK_KINDS, type IntentPrediction, type SafetyDecision } from '../intents/types.js';
import { commandLine, type CommandLine } from './cli.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const USAGE = `npm run eval:safety -- [--tenant <id>] [--test <file>[,<file>...]] [--json]`;

interface Item {
  text: string;
  intent: string;
  kind?: string;
  channel?: string;
  lang?: string;
}

/** Reads [{text,intent,kind?|risk?|category?,channel?,lang?}]; other fields are ignored. */
function readItems(file: string): Item[] {
  const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  if (!Array.isArray(data)) throw new Error(`${file}: expected a JSON array of {"text","intent"}`);
  return data.map((d: Record<string, unknown>, i) => {
    if (!d || typeof d.text !== 'string' || typeof d.intent !== 'string') throw new Error(`${file}: item ${i} is not {"text","intent"}`);
    const kind = [d.kind, d.risk, d.category].find((k): k is string => typeof k === 'string' && (RISK_KINDS as readonly string[]).includes(k));
    const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
    return { text: d.text, intent: d.intent, kind, channel: str(d.channel ?? d.style), lang: str(d.lang) };
  });
}

const pct = (hits: number, n: number) => (n === 0 ? 'n/a' : `${((hits / n) * 100).toFixed(1)}% (${hits}/${n})`);
const ratio = (hits: number, n: number) => (n === 0 ? null : hits / n);

/** hits/total per group, printed as "name 9/10". */
class Tally {
  readonly groups = new Map<string, { hits: number; n: number }>();
  add(group: string | undefined, hit: boolean): void {
    if (!group) return;
    const g = this.groups.get(group) ?? { hits: 0, n: 0 };
    g.n++;
    if (hit) g.hits++;
    this.groups.set(group, g);
  }
  lines(indent: string): string[] {
    return [...this.groups].sort(([a], [b]) => a.localeCompare(b)).map(([k, g]) => `${indent}${k.padEnd(28)} ${pct(g.hits, g.n)}`);
  }
  json(): Record<string, { hits: number; n: number; rate: number | null }> {
    return Object.fromEntries([...this.groups].map(([k, g]) => [k, { ...g, rate: ratio(g.hits, g.n) }]));
  }
}

function describe(d: SafetyDecision, family: string | null, p: IntentPrediction): string {
  const top = `${p.outOfScope ? 'oos, ' : ''}top ${p.ranked[0]?.intent ?? '-'} ${(p.ranked[0]?.confidence ?? 0).toFixed(2)}`;
  if (!d) return `classifier ${top}`;
  const by = d.action === 'escalate' ? `${d.action} by ${d.source}` : 'ask';
  return `${by} as ${d.kind}${family ? `, screen ${family}` : ''}; ${d.reason}; classifier ${top}`;
}

async function main(): Promise<void> {
  // Typed explicitly so that a cli.usage(...) call narrows, as a function returning never.
  const cli: CommandLine = commandLine(USAGE);
  const { args, str } = cli;
  const tenant = str('tenant') ?? 'demo';
  if (!/^[a-z0-9][a-z0-9_-]*$/i.test(tenant)) cli.usage(`bad tenant id: ${tenant}`);
  const testFile = str('test') ?? path.join('content', 'demo', 'eval', 'safety-kinds-heldout.json');

  const pack = loadContentPack(path.join(repoRoot, 'content', tenant));
  const test = testFile.split(',').filter(Boolean).flatMap((f) => readItems(path.resolve(repoRoot, f.trim())));
  const { model } = await loadOrTrainModel(pack.training, path.join(os.tmpdir(), 'council-assistant-models'));

  let disclosures = 0;
  let caught = 0; // escalated or asked
  let escalated = 0;
  let screenHits = 0;
  let kindLabelled = 0;
  let kindRight = 0;
  let ordinary = 0;
  const byKind = new Tally();
  const byChannel = new Tally();
  const byLang = new Tally();
  const alarmsByChannel = new Tally();
  const alarmsByLang = new Tally();
  const missed: string[] = [];
  const askedDisclosures: string[] = [];
  const wrongKind: string[] = [];
  const falseAlarms: string[] = [];
  const askedOrdinary: string[] = [];
  for (const item of test) {
    const explained = explainSafety(item.text);
    const p = model.predict(item.text);
    const d = decideSafety(explained?.hit ?? null, p, item.text);
    const how = describe(d, explained?.family ?? null, p);
    const label = `${item.kind ?? item.intent}${item.channel ? ` ${item.channel}` : ''}${item.lang && item.lang !== 'en' ? ` ${item.lang}` : ''}`;
    const line = `    ${label}: ${JSON.stringify(item.text)} (${how})`;
    if (item.intent.startsWith('safety.')) {
      disclosures++;
      const hit = !!d;
      if (hit) caught++;
      if (d?.action === 'escalate') escalated++;
      if (explained) screenHits++;
      byKind.add(item.kind ?? item.intent, hit);
      byChannel.add(item.channel, hit);
      byLang.add(item.lang, hit);
      if (!d) missed.push(line);
      else if (d.action === 'ask') askedDisclosures.push(line);
      if (d && item.kind) {
        kindLabelled++;
        if (d.kind === item.kind) kindRight++;
        else wrongKind.push(`    ${item.kind} -> ${d.kind}: ${JSON.stringify(item.text)} (${how})`);
      }
    } else {
      ordinary++;
      alarmsByChannel.add(item.channel, d?.action === 'escalate');
      alarmsByLang.add(item.lang, d?.action === 'escalate');
      if (d?.action === 'escalate') falseAlarms.push(line);
      else if (d?.action === 'ask') askedOrdinary.push(line);
    }
  }

  const list = (xs: string[]) => (xs.length ? xs : ['    none']);
  console.log(
    [
      `Tenant "${tenant}": safety decisions (decideSafety) on ${testFile}`,
      `  thresholds: escalate at safety confidence >= ${SAFETY_CLASSIFIER_THRESHOLD}, ask from ${SAFETY_ASK_THRESHOLD}`,
      `  disclosures: ${disclosures}, ordinary messages: ${ordinary}`,
      `  RECALL (escalated or asked):  ${pct(caught, disclosures)}`,
      `  recall, escalated directly:   ${pct(escalated, disclosures)}`,
      `  recall, screen alone:         ${pct(screenHits, disclosures)}`,
      `  FALSE ALARMS (ordinary escalated): ${pct(falseAlarms.length, ordinary)}`,
      `  ordinary messages asked the danger question: ${pct(askedOrdinary.length, ordinary)}`,
      `  signposting (kind inferred = kind labelled): ${pct(kindRight, kindLabelled)}`,
      `  recall by kind:`,
      ...byKind.lines('    '),
      ...(byChannel.groups.size ? ['  recall by channel:', ...byChannel.lines('    ')] : []),
      ...(byLang.groups.size ? ['  recall by language:', ...byLang.lines('    ')] : []),
      ...(alarmsByChannel.groups.size ? ['  false alarms by channel:', ...alarmsByChannel.lines('    ')] : []),
      ...(alarmsByLang.groups.size ? ['  false alarms by language:', ...alarmsByLang.lines('    ')] : []),
      `  missed disclosures:`,
      ...list(missed),
      `  disclosures asked (not escalated):`,
      ...list(askedDisclosures),
      `  wrong kind (signposting):`,
      ...list(wrongKind),
      `  false alarms:`,
      ...list(falseAlarms),
      `  ordinary messages asked:`,
      ...list(askedOrdinary),
    ].join('\n'),
  );
  if (args.has('json')) {
    console.log(
      JSON.stringify({
        testFile,
        safetyRecall: ratio(caught, disclosures),
        escalateRecall: ratio(escalated, disclosures),
        screenRecall: ratio(screenHits, disclosures),
        falseAlarmRate: ratio(falseAlarms.length, ordinary),
        askRate: ratio(askedOrdinary.length, ordinary),
        kindAccuracy: ratio(kindRight, kindLabelled),
        recallByKind: byKind.json(),
        recallByChannel: byChannel.json(),
        recallByLang: byLang.json(),
        falseAlarmsByChannel: alarmsByChannel.json(),
        falseAlarmsByLang: alarmsByLang.json(),
        disclosures,
        ordinary,
        missed: missed.length,
        falseAlarms: falseAlarms.length,
        askedOrdinary: askedOrdinary.length,
        thresholds: { escalate: SAFETY_CLASSIFIER_THRESHOLD, ask: SAFETY_ASK_THRESHOLD },
      }),
    );
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
