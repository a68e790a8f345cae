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
 *   npm run eval:safety -- --cv [--folds 5] [--detail]
 * Cross-validation over the development items bundled with the safety model (intents/safety/data):
 * k folds and leave-one-set-out, each item scored by a safety model trained without it. This is the
 * honest estimate; measuring the development files with --test only shows the fit.
 * Both modes also compare the kinds (signposting) with and without the kind model (intents/safety/kind-model.ts): kind right
 * before -> after, actions changed (always 0: the kind model changes only the kind) and a confusion table; in --cv each fold's
 * kind model is trained without that fold.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContentPack, type ContentPack } from '../bot/content-pack/index.js';
import { loadOrTrainModel } from '../intents/index.js';
import { decideSafety, explainSafety, SAFETY_ASK_THRESHOLD, SAFETY_CLASSIFIER_THRESHOLD } from '../intents/safety/index.js';
import { SAFETY_MODEL_THRESHOLDS, type SafetyModelThresholds } from '../intents/safety/decision.js';
import { loadOrTrainSafetyModel, loadSafetyData, type SafetyScore } from '../intents/safety/model.js';
import { outOfFoldScores, sourceFolds, stratifiedFolds } from '../intents/safety/cross-validate.js';
import { chooseKind, KIND_MODEL_RULE, type KindModelRule } from '../intents/safety/kinds.js';
import { RISK_KINDS, type IntentPrediction, type RiskKind, type SafetyDecision } from '../intents/types.js';
import { commandLine, type CommandLine } from './cli.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const USAGE = `npm run eval:safety -- [--tenant <id>] [--test <file>[,<file>...] [--classifier-only] | --cv [--folds <k>] [--detail]] [--json]`;

interface Item {
  text: string;
  intent: string;
  kind?: string;
  channel?: string;
  lang?: string;
  /** The development set an item came from (cross-validation only). */
  source?: string;
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

function describe(d: SafetyDecision, family: string | null, p: IntentPrediction, score: SafetyScore | null): string {
  const top = `${score ? `safety model ${score.score.toFixed(2)}, ` : ''}${p.outOfScope ? 'oos, ' : ''}top ${p.ranked[0]?.intent ?? '-'} ${(p.ranked[0]?.confidence ?? 0).toFixed(2)}`;
  if (!d) return `classifier ${top}`;
  const by = d.action === 'escalate' ? `${d.action} by ${d.source}` : 'ask';
  return `${by} as ${d.kind}${family ? `, screen ${family}` : ''}; ${d.reason}; classifier ${top}`;
}

/** What one message was decided, for the report. */
interface Decided {
  item: Item;
  d: SafetyDecision;
  how: string;
  screened: boolean;
}

interface Measured {
  lines: string[];
  json: Record<string, unknown>;
  recall: number | null;
  escalateRecall: number | null;
  falseAlarmRate: number | null;
  askRate: number | null;
  kindAccuracy: number | null;
}

/** Recall, false alarms, asks and kinds over decided items; `detail` adds the lists of errors. */
function measure(decided: Decided[], detail: boolean): Measured {
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
  const bySource = new Tally();
  const alarmsBySource = new Tally();
  const missed: string[] = [];
  const askedDisclosures: string[] = [];
  const wrongKind: string[] = [];
  const falseAlarms: string[] = [];
  const askedOrdinary: string[] = [];
  let askedUnreadable = 0;
  for (const { item, d, how, screened } of decided) {
    const label = `${item.kind ?? item.intent}${item.channel ? ` ${item.channel}` : ''}${item.lang && item.lang !== 'en' ? ` ${item.lang}` : ''}`;
    const line = `    ${label}${item.source ? ` [${item.source}]` : ''}: ${JSON.stringify(item.text)} (${how})`;
    if (item.intent.startsWith('safety.')) {
      disclosures++;
      const hit = !!d;
      if (hit) caught++;
      if (d?.action === 'escalate') escalated++;
      if (screened) screenHits++;
      byKind.add(item.kind ?? item.intent, hit);
      byChannel.add(item.channel, hit);
      byLang.add(item.lang, hit);
      bySource.add(item.source, hit);
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
      alarmsBySource.add(item.source, d?.action === 'escalate');
      if (d?.action === 'escalate') falseAlarms.push(line);
      else if (d?.action === 'ask') {
        askedOrdinary.push(line);
        if (d.unreadable) askedUnreadable++;
      }
    }
  }
  const list = (xs: string[]) => (xs.length ? xs : ['    none']);
  const lines = [
    `  disclosures: ${disclosures}, ordinary messages: ${ordinary}`,
    `  RECALL (escalated or asked):  ${pct(caught, disclosures)}`,
    `  recall, escalated directly:   ${pct(escalated, disclosures)}`,
    `  recall, screen alone:         ${pct(screenHits, disclosures)}`,
    `  FALSE ALARMS (ordinary escalated): ${pct(falseAlarms.length, ordinary)}`,
    `  ordinary messages asked the danger question: ${pct(askedOrdinary.length, ordinary)}`,
    `    of which in a script or language the assistant does not read: ${askedUnreadable}`,
    `  signposting (kind inferred = kind labelled): ${pct(kindRight, kindLabelled)}`,
    `  recall by kind:`,
    ...byKind.lines('    '),
    ...(byChannel.groups.size ? ['  recall by channel:', ...byChannel.lines('    ')] : []),
    ...(byLang.groups.size ? ['  recall by language:', ...byLang.lines('    ')] : []),
    ...(alarmsByChannel.groups.size ? ['  false alarms by channel:', ...alarmsByChannel.lines('    ')] : []),
    ...(alarmsByLang.groups.size ? ['  false alarms by language:', ...alarmsByLang.lines('    ')] : []),
    ...(bySource.groups.size ? ['  recall by development set:', ...bySource.lines('    ')] : []),
    ...(alarmsBySource.groups.size ? ['  false alarms by development set:', ...alarmsBySource.lines('    ')] : []),
    ...(detail
      ? [
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
        ]
      : []),
  ];
  const json = {
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
    askedOrdinaryUnreadable: askedUnreadable,
  };
  return { lines, json, recall: json.safetyRecall, escalateRecall: json.escalateRecall, falseAlarmRate: json.falseAlarmRate, askRate: json.askRate, kindAccuracy: json.kindAccuracy };
}

/** Decides every item with the screen, the main model's prediction and (when given) the safety model's score. */
function decideAll(items: Item[], predict: (text: string) => IntentPrediction, scores: (SafetyScore | null)[], thresholds?: SafetyModelThresholds): Decided[] {
  return items.map((item, i) => {
    const explained = explainSafety(item.text);
    const p = predict(item.text);
    const score = scores[i] ?? null;
    const d = decideSafety(explained?.hit ?? null, p, item.text, score, thresholds);
    return { item, d, how: describe(d, explained?.family ?? null, p, score), screened: !!explained };
  });
}

/** The safety model's scores without the kind model's probabilities: the cues alone decide the kind. */
const withoutKinds = (scores: (SafetyScore | null)[]) => scores.map((s) => (s ? (({ kinds: _kinds, ...rest }) => rest)(s) : s));
const SHORT_KIND: Record<RiskKind, string> = { suicide_self_harm: 'suic', danger_now: 'dngr', fire_gas_co: 'fire', crime_violence: 'crim', domestic_abuse: 'dome', child_at_risk: 'chld', adult_at_risk: 'adlt' };
const NINE_NINE_NINE = new Set<RiskKind>(['danger_now', 'fire_gas_co', 'crime_violence']);

/**
 * Issue 8: the kind model against the cues alone, item by item: the same decisions with and without `SafetyScore.kinds`. The kind
 * model may change a decision's kind only, never its action (counted: must be 0). With `confusion`, the labelled kind against the
 * decided kind of every disclosure caught (rows: labelled; columns: decided).
 */
function kindModelReport(before: Decided[], after: Decided[], confusion: boolean, detail: boolean): { lines: string[]; json: Record<string, unknown> } {
  let labelled = 0;
  let rightBefore = 0;
  let rightAfter = 0;
  let actionsChanged = 0;
  let moved = 0;
  let fixed = 0;
  let broke = 0;
  let leftNine = 0;
  const changedLines: string[] = [];
  const matrix = new Map<RiskKind, Map<RiskKind, number>>(RISK_KINDS.map((k) => [k, new Map()]));
  const cuesRight = new Map<RiskKind, number>();
  after.forEach(({ item, d, how }, i) => {
    const b = before[i].d;
    if ((b?.action ?? null) !== (d?.action ?? null)) actionsChanged++;
    if (!b || !d) return;
    const gold = item.intent.startsWith('safety.') ? (item.kind as RiskKind | undefined) : undefined;
    if (b.kind !== d.kind) {
      moved++;
      if (gold && d.kind === gold) fixed++;
      if (gold && b.kind === gold) broke++;
      if (NINE_NINE_NINE.has(b.kind) && !NINE_NINE_NINE.has(d.kind)) leftNine++;
      if (detail) changedLines.push(`    ${gold ?? item.intent}: ${b.kind} -> ${d.kind}${gold ? (d.kind === gold ? ' (fixed)' : b.kind === gold ? ' (broke)' : '') : ''}: ${JSON.stringify(item.text)} (${how})`);
    }
    if (!gold) return;
    labelled++;
    if (b.kind === gold) {
      rightBefore++;
      cuesRight.set(gold, (cuesRight.get(gold) ?? 0) + 1);
    }
    if (d.kind === gold) rightAfter++;
    const row = matrix.get(gold)!;
    row.set(d.kind, (row.get(d.kind) ?? 0) + 1);
  });
  const lines = [
    `  kind model: kind right, cues alone -> with the kind model: ${pct(rightBefore, labelled)} -> ${pct(rightAfter, labelled)}`,
    `    actions changed by the kind model: ${actionsChanged} of ${after.length} items; kinds changed ${moved} (fixed ${fixed}, broke ${broke}), away from a 999 kind (danger now, fire, crime) ${leftNine}`,
  ];
  if (confusion) {
    lines.push(`    confusion with the kind model (rows labelled, columns decided): ${' '.repeat(0)}${RISK_KINDS.map((k) => SHORT_KIND[k].padStart(5)).join('')}   right (cues alone)`);
    for (const gold of RISK_KINDS) {
      const row = matrix.get(gold)!;
      const n = [...row.values()].reduce((a, b) => a + b, 0);
      lines.push(`      ${gold.padEnd(61)}${RISK_KINDS.map((k) => String(row.get(k) ?? 0).padStart(5)).join('')}   ${pct(row.get(gold) ?? 0, n)} (${pct(cuesRight.get(gold) ?? 0, n)})`);
    }
  }
  if (detail) lines.push('    kinds changed by the kind model:', ...(changedLines.length ? changedLines : ['      none']));
  return {
    lines,
    json: { labelled, kindRightCues: rightBefore, kindRightModel: rightAfter, actionsChanged, kindsChanged: moved, fixed, broke, leftNineNineNine: leftNine, confusion: Object.fromEntries([...matrix].map(([k, row]) => [k, Object.fromEntries(row)])) },
  };
}

/** Issue 8: kind right over the decisions made without the kind model, for a few kind rules (`chooseKind`). */
function kindRuleSweep(before: Decided[], scores: (SafetyScore | null)[]): string[] {
  const caught = before.map((x, i) => ({ ...x, i })).filter(({ item, d }) => d && item.kind && item.intent.startsWith('safety.'));
  const screenKinds = caught.map(({ item }) => explainSafety(item.text)?.hit.kind ?? null);
  const right = (rule: KindModelRule) =>
    caught.filter(({ item, d, i }, n) => chooseKind(d!.kind, item.text, scores[i]?.kinds, screenKinds[n], scores[i]?.readable, rule) === item.kind).length;
  const lines = ['  kind rule sweep (no cue / several or other cues / the chosen kind alone / leaving a 999 kind: kind right of ' + caught.length + '):'];
  for (const sureAt of [0.9, 0.95, 1.01]) {
    const row: string[] = [];
    for (const absentAt of [0.3, 0.5, 0.7]) for (const leave999At of [0.9, 0.95, 0.98]) {
      for (const conflictAt of [0.7, 0.8]) row.push(`${absentAt}/${conflictAt}/${sureAt}/${leave999At}: ${right({ ...KIND_MODEL_RULE, absentAt, conflictAt, sureAt, leave999At })}`);
    }
    lines.push(`    ${row.join(' | ')}`);
  }
  return lines;
}

const thresholdLine = (t: SafetyModelThresholds) => `  thresholds: safety model escalates at >= ${t.escalateAt}, asks from ${t.askAt}; a screen hit escalates`;

/**
 * Cross-validation over the bundled development items: k stratified folds and leave-one-set-out, each item scored by a
 * safety model that never saw it. Prints the headline figures at the shipped thresholds and a threshold sweep.
 */
async function crossValidate(pack: ContentPack, k: number, detail: boolean, asJson: boolean): Promise<void> {
  const data = loadSafetyData();
  const items: Item[] = data.map((d) => ({ text: d.text, intent: d.label === 'none' ? 'none' : d.label, kind: d.kind, source: d.source }) as Item);
  // The main classifier's predictions, as the pipeline passes them (trained on the pack only, never on these items).
  const { model: classifier } = await loadOrTrainModel(pack.training, path.join(os.tmpdir(), 'council-assistant-models'));
  const predictions = new Map(items.map((it) => [it.text, classifier.predict(it.text)]));
  const noPrediction = (text: string): IntentPrediction => predictions.get(text) ?? { ranked: [], outOfScope: true };
  const out: Record<string, unknown> = {};
  for (const [name, fold] of [
    [`${k}-fold (stratified)`, stratifiedFolds(data, k)],
    ['leave-one-set-out', sourceFolds(data)],
  ] as const) {
    const started = performance.now();
    const scores = await outOfFoldScores(pack.training, data, fold as number[]);
    const secs = ((performance.now() - started) / 1000).toFixed(1);
    const decided = decideAll(items, noPrediction, scores);
    const m = measure(decided, detail);
    const cuesOnly = decideAll(items, noPrediction, withoutKinds(scores));
    const kinds = kindModelReport(cuesOnly, decided, true, detail);
    console.log(
      [`Cross-validation, ${name}, ${items.length} development items (${secs}s, ${new Set(fold).size} models, each with its kind model)`, thresholdLine(SAFETY_MODEL_THRESHOLDS), ...m.lines, ...kinds.lines, ...kindRuleSweep(cuesOnly, scores)].join('\n'),
    );
    console.log('  threshold sweep (escalate at / ask from: recall, escalated, false alarms, ordinary asked):');
    for (const escalateAt of [0.3, 0.4, 0.5, 0.6, 0.7]) {
      const row: string[] = [];
      for (const askAt of [0.05, 0.1, 0.15, 0.2]) {
        const s = measure(decideAll(items, noPrediction, scores, { escalateAt, askAt }), false);
        const f = (x: number | null) => (x === null ? 'n/a' : (x * 100).toFixed(1));
        row.push(`${escalateAt}/${askAt}: ${f(s.recall)} ${f(s.escalateRecall)} ${f(s.falseAlarmRate)} ${f(s.askRate)}`);
      }
      console.log(`    ${row.join(' | ')}`);
    }
    // Round 4: an idiom-prone screen hit the model disagrees with (scores below disagreeAt) is asked; 0 = off.
    console.log('  screen/model disagreement and ask threshold at escalate 0.6 (disagree below / ask from: recall, escalated, false alarms, ordinary asked):');
    for (const disagreeAt of [0, 0.05, 0.1, 0.15, 0.2]) {
      const row: string[] = [];
      for (const askAt of [0.1, 0.12, 0.15, 0.18, 0.2]) {
        const s = measure(decideAll(items, noPrediction, scores, { escalateAt: SAFETY_MODEL_THRESHOLDS.escalateAt, askAt, disagreeAt }), false);
        const f = (x: number | null) => (x === null ? 'n/a' : (x * 100).toFixed(1));
        row.push(`${disagreeAt}/${askAt}: ${f(s.recall)} ${f(s.escalateRecall)} ${f(s.falseAlarmRate)} ${f(s.askRate)}`);
      }
      console.log(`    ${row.join(' | ')}`);
    }
    // Round 5: a defeated screen hit is dropped below defeatNearZero (asked above it); the model alone only asks below knownMin.
    console.log('  defeaters and unknown words at 0.6/0.1 (drop defeated hit below / known words needed: recall, escalated, false alarms, ordinary asked):');
    for (const defeatNearZero of [0, 0.05, 0.1, 0.2]) {
      const row: string[] = [];
      for (const knownMin of [0, 0.3, 0.5, 0.7]) {
        const s = measure(decideAll(items, noPrediction, scores, { ...SAFETY_MODEL_THRESHOLDS, defeatNearZero, knownMin }), false);
        const f = (x: number | null) => (x === null ? 'n/a' : (x * 100).toFixed(1));
        row.push(`${defeatNearZero}/${knownMin}: ${f(s.recall)} ${f(s.escalateRecall)} ${f(s.falseAlarmRate)} ${f(s.askRate)}`);
      }
      console.log(`    ${row.join(' | ')}`);
    }
    // Round 6: a confident main-classifier safety intent asks when the safety model is low; an unknown-words message asks.
    console.log('  classifier asks at / unknown words ask below (recall, escalated, false alarms, ordinary asked):');
    for (const classifierAskAt of [1.01, 0.9, 0.8, 0.7]) {
      const row: string[] = [];
      for (const unknownAskBelow of [0, 0.2, 0.3, 0.4]) {
        const s = measure(decideAll(items, noPrediction, scores, { ...SAFETY_MODEL_THRESHOLDS, classifierAskAt, unknownAskBelow }), false);
        const f = (x: number | null) => (x === null ? 'n/a' : (x * 100).toFixed(1));
        row.push(`${classifierAskAt}/${unknownAskBelow}: ${f(s.recall)} ${f(s.escalateRecall)} ${f(s.falseAlarmRate)} ${f(s.askRate)}`);
      }
      console.log(`    ${row.join(' | ')}`);
    }
    // Round 7: a Latin-script message with less than this share of its words in the pack's phrases is unreadable, and asked.
    console.log('  unreadable below this share of words in the pack (0 = scripts only; recall, escalated, false alarms, ordinary asked):');
    console.log(`    ${[0, 0.3, 0.4, 0.5, 0.6].map((readableMin) => {
      const s = measure(decideAll(items, noPrediction, scores, { ...SAFETY_MODEL_THRESHOLDS, readableMin }), false);
      const f = (x: number | null) => (x === null ? 'n/a' : (x * 100).toFixed(1));
      return `${readableMin}: ${f(s.recall)} ${f(s.escalateRecall)} ${f(s.falseAlarmRate)} ${f(s.askRate)}`;
    }).join(' | ')}`);
    console.log('  defeaters demote the model alone below (recall, escalated, false alarms, ordinary asked):');
    console.log(`    ${[0.6, 0.7, 0.8, 0.9, 0.95, 1.01].map((defeatSure) => {
      const s = measure(decideAll(items, noPrediction, scores, { ...SAFETY_MODEL_THRESHOLDS, defeatSure }), false);
      const f = (x: number | null) => (x === null ? 'n/a' : (x * 100).toFixed(1));
      return `${defeatSure}: ${f(s.recall)} ${f(s.escalateRecall)} ${f(s.falseAlarmRate)} ${f(s.askRate)}`;
    }).join(' | ')}`);
    // Round 8: a safety model at or above this score escalates even when the message also names a service.
    console.log('  a sure model inside a service message escalates from (recall, escalated, false alarms, ordinary asked):');
    console.log(`    ${[0.8, 0.85, 0.9, 0.95, 1.01].map((serviceSure) => {
      const s = measure(decideAll(items, noPrediction, scores, { ...SAFETY_MODEL_THRESHOLDS, serviceSure }), false);
      const f = (x: number | null) => (x === null ? 'n/a' : (x * 100).toFixed(1));
      return `${serviceSure}: ${f(s.recall)} ${f(s.escalateRecall)} ${f(s.falseAlarmRate)} ${f(s.askRate)}`;
    }).join(' | ')}`);
    // Round 20 (K3): segments of a longer message scored by the same fold's model; a let-through message asked when one would escalate.
    const off = decideAll(items, noPrediction, scores, { ...SAFETY_MODEL_THRESHOLDS, segmentAsk: false });
    const on = decideAll(items, noPrediction, scores, { ...SAFETY_MODEL_THRESHOLDS, segmentAsk: true });
    const gained = on.filter((x, i) => x.item.intent.startsWith('safety.') && !off[i].d && x.d);
    const newlyAsked = on.filter((x, i) => !x.item.intent.startsWith('safety.') && !off[i].d && x.d?.action === 'ask');
    const newAlarms = on.filter((x, i) => !x.item.intent.startsWith('safety.') && off[i].d?.action !== 'escalate' && x.d?.action === 'escalate');
    const ordinaryCount = items.filter((it) => !it.intent.startsWith('safety.')).length;
    const mOff = measure(off, false);
    const mOn = measure(on, false);
    const f1 = (x: number | null) => (x === null ? 'n/a' : (x * 100).toFixed(1));
    console.log(`  K3 segments off -> on: recall ${f1(mOff.recall)} -> ${f1(mOn.recall)}, escalated ${f1(mOff.escalateRecall)} -> ${f1(mOn.escalateRecall)}, false alarms ${f1(mOff.falseAlarmRate)} -> ${f1(mOn.falseAlarmRate)}, ordinary asked ${f1(mOff.askRate)} -> ${f1(mOn.askRate)}; disclosures gained ${gained.length}, ordinary newly asked ${newlyAsked.length}/${ordinaryCount} (+${((newlyAsked.length / ordinaryCount) * 100).toFixed(2)} points), new false alarms ${newAlarms.length}`);
    if (detail) {
      for (const x of gained) console.log(`    K3 gained ${x.item.kind ?? x.item.intent} [${x.item.source}]: ${JSON.stringify(x.item.text)} (${x.how})`);
      for (const x of newlyAsked) console.log(`    K3 asked ordinary [${x.item.source}]: ${JSON.stringify(x.item.text)} (${x.how})`);
    }
    out[name] = { ...m.json, kindModel: kinds.json };
  }
  if (asJson) console.log(JSON.stringify({ crossValidation: out, thresholds: SAFETY_MODEL_THRESHOLDS }));
}

async function main(): Promise<void> {
  // Typed explicitly so that a cli.usage(...) call narrows, as a function returning never.
  const cli: CommandLine = commandLine(USAGE);
  const { args, str } = cli;
  const tenant = str('tenant') ?? 'demo';
  if (!/^[a-z0-9][a-z0-9_-]*$/i.test(tenant)) cli.usage(`bad tenant id: ${tenant}`);
  const pack = loadContentPack(path.join(repoRoot, 'content', tenant));
  if (args.has('cv')) {
    const k = Number(str('folds') ?? 5);
    if (!Number.isInteger(k) || k < 2) cli.usage('--folds must be an integer of at least 2');
    return crossValidate(pack, k, args.has('detail'), args.has('json'));
  }
  const testFile = str('test') ?? path.join('content', 'demo', 'eval', 'safety-kinds-heldout.json');
  const test = testFile.split(',').filter(Boolean).flatMap((f) => readItems(path.resolve(repoRoot, f.trim())));
  const cacheDir = path.join(os.tmpdir(), 'council-assistant-models');
  const { model } = await loadOrTrainModel(pack.training, cacheDir);
  // --classifier-only: round 2's rule (no safety model), for comparison.
  const safety = args.has('classifier-only') ? null : (await loadOrTrainSafetyModel(pack.training, cacheDir)).model;
  const scores = test.map((item) => safety?.score(item.text) ?? null);
  const decided = decideAll(test, (t) => model.predict(t), scores);
  const m = measure(decided, true);
  const kinds = kindModelReport(decideAll(test, (t) => model.predict(t), withoutKinds(scores)), decided, true, true);
  console.log(
    [
      `Tenant "${tenant}": safety decisions (decideSafety) on ${testFile}`,
      safety ? thresholdLine(SAFETY_MODEL_THRESHOLDS) : `  thresholds (classifier only): escalate at safety confidence >= ${SAFETY_CLASSIFIER_THRESHOLD}, ask from ${SAFETY_ASK_THRESHOLD}`,
      ...m.lines,
      ...kinds.lines,
    ].join('\n'),
  );
  if (args.has('json')) {
    console.log(JSON.stringify({ testFile, ...m.json, kindModel: kinds.json, thresholds: safety ? SAFETY_MODEL_THRESHOLDS : { escalate: SAFETY_CLASSIFIER_THRESHOLD, ask: SAFETY_ASK_THRESHOLD } }));
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
