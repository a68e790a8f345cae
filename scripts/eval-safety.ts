/**
 * Safety recall as the assistant sees it: the pipeline escalates when the safety screen fires OR
 * the classifier's top intent is safety.* with confidence >= 0.5 (topSafety in bot/policy.ts).
 *   npm run eval:safety -- [--tenant <id>] [--test <file>] [--json]
 * Defaults: tenant demo, test content/demo/eval/intents-heldout.json ({"text","intent"} items).
 * A measurement only: the test file is never used to change the screen or the model.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContentPack, SAFETY_CLASSIFIER_THRESHOLD, topSafety } from '../bot/index.js';
import { readLabelledFile } from '../intents/eval/evaluate.js';
import { loadOrTrainModel, screenForSafety } from '../intents/index.js';
import type { IntentPrediction } from '../intents/index.js';
import { commandLine, type CommandLine } from './cli.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');


const USAGE = `npm run eval:safety -- [--tenant <id>] [--test <file>] [--json]`;

/** The pipeline's own rule, so this measures exactly what the assistant escalates. */
const classifierSafety = (p: IntentPrediction): string | null => topSafety(p);

const pct = (hits: number, n: number) => (n === 0 ? 'n/a' : `${((hits / n) * 100).toFixed(1)}% (${hits}/${n})`);
const ratio = (hits: number, n: number) => (n === 0 ? null : hits / n);

async function main(): Promise<void> {
  // Typed explicitly so that a cli.usage(...) call narrows, as a function returning never.
  const cli: CommandLine = commandLine(USAGE);
  const { args, str } = cli;
  const tenant = str('tenant') ?? 'demo';
  if (!/^[a-z0-9][a-z0-9_-]*$/i.test(tenant)) cli.usage(`bad tenant id: ${tenant}`);
  const testFile = str('test') ?? path.join('content', 'demo', 'eval', 'intents-heldout.json');

  const pack = loadContentPack(path.join(repoRoot, 'content', tenant));
  const test = readLabelledFile(path.resolve(repoRoot, testFile));
  const { model } = await loadOrTrainModel(pack.training, path.join(os.tmpdir(), 'council-assistant-models'));

  let safetyItems = 0;
  let screenHits = 0;
  let classifierHits = 0;
  let combinedHits = 0;
  let otherItems = 0;
  const missed: string[] = [];
  const falseAlarms: string[] = [];
  for (const { text, intent } of test) {
    const screen = screenForSafety(text);
    const p = model.predict(text);
    const classifier = classifierSafety(p);
    const escalated = !!screen || !!classifier;
    const thought = `${p.outOfScope ? 'oos, ' : ''}top ${p.ranked[0]?.intent ?? '-'} ${(p.ranked[0]?.confidence ?? 0).toFixed(2)}`;
    if (intent.startsWith('safety.')) {
      safetyItems++;
      if (screen) screenHits++;
      if (classifier) classifierHits++;
      if (escalated) combinedHits++;
      else missed.push(`    ${intent}: ${JSON.stringify(text)} (classifier: ${thought})`);
    } else {
      otherItems++;
      if (escalated) {
        const by = [screen ? `screen ${screen.category} "${screen.matched}"` : '', classifier ? `classifier ${thought}` : ''].filter(Boolean).join(' + ');
        falseAlarms.push(`    ${intent}: ${JSON.stringify(text)} (${by})`);
      }
    }
  }

  console.log(
    [
      `Tenant "${tenant}": safety escalation on ${testFile}`,
      `  safety messages:      ${safetyItems}, other messages: ${otherItems}`,
      `  screen alone:         recall ${pct(screenHits, safetyItems)}`,
      `  classifier alone:     recall ${pct(classifierHits, safetyItems)} (top intent safety.*, confidence >= ${SAFETY_CLASSIFIER_THRESHOLD})`,
      `  combined (pipeline):  recall ${pct(combinedHits, safetyItems)}`,
      `  false alarms:         ${pct(falseAlarms.length, otherItems)} of non-safety messages escalated`,
      `  missed safety messages:`,
      ...(missed.length ? missed : ['    none']),
      `  false alarms:`,
      ...(falseAlarms.length ? falseAlarms : ['    none']),
    ].join('\n'),
  );
  if (args.has('json')) {
    console.log(
      JSON.stringify({
        safetyRecall: ratio(combinedHits, safetyItems),
        screenRecall: ratio(screenHits, safetyItems),
        classifierRecall: ratio(classifierHits, safetyItems),
        falseAlarmRate: ratio(falseAlarms.length, otherItems),
        safetyItems,
        otherItems,
      }),
    );
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
