/**
 * Evaluates the embedded intent recogniser.
 *   npm run eval:intents -- --train <file> --test <file> [--val <file>] [--seed N] [--json]
 *   npm run eval:intents -- --tenant <id> --test <file> [--json]
 * Files are JSON arrays of {"text","intent"}; `oos` / `out_of_scope` mean out of scope.
 * The test file is never trained or tuned on. With --json the last line is the JSON summary.
 * --split <name> keeps only the test items with that `split` field (oos-nearmiss-dev.json: tune, holdout).
 * --misses lists each wrongly decided test item (gold, predicted, text): for development sets only.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateModel, formatReport, readLabelledFile, summarise } from '../intents/eval/evaluate.js';
import { isOosLabel, loadTrainingExamples, OOS_LABEL, trainIntentModel } from '../intents/recogniser/index.js';
import type { TrainingExample } from '../intents/types.js';
import { commandLine, type CommandLine } from './cli.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');


const USAGE = `npm run eval:intents -- --train <file> --test <file> [--val <file>] [--seed N] [--split <name>] [--misses] [--json]
       npm run eval:intents -- --tenant <id> --test <file> [--split <name>] [--misses] [--json]`;

async function main(): Promise<void> {
  // Typed explicitly so that a cli.usage(...) call narrows, as a function returning never.
  const cli: CommandLine = commandLine(USAGE);
  const { args, str } = cli;
  const testFile = str('test');
  if (!testFile) cli.usage('--test is required');
  const tenant = str('tenant');
  const trainFile = str('train');
  if (!tenant === !trainFile) cli.usage('give exactly one of --train or --tenant');
  const seed = str('seed') ? Number(str('seed')) : undefined;

  let train: TrainingExample[];
  let title: string;
  if (tenant) {
    if (!/^[a-z0-9][a-z0-9_-]*$/i.test(tenant)) cli.usage(`bad tenant id: ${tenant}`);
    train = loadTrainingExamples(path.join(repoRoot, 'content', tenant));
    title = `Tenant "${tenant}": ${train.length} training phrases, test ${testFile}`;
  } else {
    train = readLabelledFile(path.resolve(trainFile!));
    title = `Train ${trainFile} (${train.length} items), test ${testFile}`;
  }
  const valFile = str('val');
  const val = valFile ? readLabelledFile(path.resolve(valFile)) : undefined;
  const split = str('split');
  const test = readLabelledFile(path.resolve(testFile), split);

  const start = process.hrtime.bigint();
  const model = await trainIntentModel(train, { seed, val });
  const trainSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  const report = evaluateModel(model, test, trainSeconds);
  if (args.has('misses')) {
    for (const e of test) {
      const p = model.predict(e.text);
      const predicted = p.outOfScope ? OOS_LABEL : (p.ranked[0]?.intent ?? OOS_LABEL);
      const gold = isOosLabel(e.intent) ? OOS_LABEL : e.intent;
      if (predicted !== gold) console.log(`miss  ${gold} -> ${predicted} (${(p.ranked[0]?.confidence ?? 0).toFixed(2)})  ${e.text}`);
    }
  }
  console.log(formatReport(title + (valFile ? `, calibrated on ${valFile}` : '') + (split ? ` (split "${split}")` : ''), report));
  if (args.has('json')) console.log(JSON.stringify(summarise(report)));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
