/**
 * Evaluates knowledge-base retrieval as the assistant does it: recogniser beliefs + ArticleIndex.
 *   npm run eval:kb -- --tenant <id> --test <file> [--json]
 * The file is a JSON array of {"text","service"}; a hit is an article of that service.
 * The test file is never tuned on. With --json the last line is the JSON summary.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContentPack, POPULAR_TASKS } from '../bot/index.js';
import { loadOrTrainModel } from '../intents/index.js';
import { ArticleIndex, Typeahead } from '../knowledge-base/index.js';
import { assistantRanking, evaluateRetrieval, evaluateTypeahead, formatKbReport, readKbTestFile } from '../knowledge-base/eval.js';
import { commandLine, type CommandLine } from './cli.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');


const USAGE = `npm run eval:kb -- --tenant <id> --test <file> [--json]`;

async function main(): Promise<void> {
  // Typed explicitly so that a cli.usage(...) call narrows, as a function returning never.
  const cli: CommandLine = commandLine(USAGE);
  const { args, str } = cli;
  const tenant = str('tenant');
  const testFile = str('test');
  if (!tenant) cli.usage('--tenant is required');
  if (!testFile) cli.usage('--test is required');
  if (!/^[a-z0-9][a-z0-9_-]*$/i.test(tenant)) cli.usage(`bad tenant id: ${tenant}`);

  const pack = loadContentPack(path.join(repoRoot, 'content', tenant));
  const test = readKbTestFile(path.resolve(testFile));
  const { model } = await loadOrTrainModel(pack.training, path.join(os.tmpdir(), 'council-assistant-models'));
  const index = new ArticleIndex(pack.articles);
  const answerAbove = pack.settings.assistant.answerAbove;

  const report = evaluateRetrieval((text) => assistantRanking(index, model.predict(text), text, answerAbove), test);
  // Search without the recogniser's beliefs: how much the wording of the articles carries alone.
  const searchOnly = evaluateRetrieval((text) => index.search(text, { limit: 10 }).map((h) => h.article), test);
  // The same suggestions the web widget gets (api/tenants.ts builds it this way).
  const typeahead = new Typeahead(pack.articles, POPULAR_TASKS.filter((t) => !/person/i.test(t.label)).map((t) => t.value));
  const typing = evaluateTypeahead(typeahead, test.map((t) => t.text));

  console.log(formatKbReport(`Tenant "${tenant}": ${pack.articles.length} articles, test ${testFile}`, report, typing));
  const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
  console.log(
    `  search alone (no recogniser): recall@1 ${pct(searchOnly.recallAt1)}, recall@3 ${pct(searchOnly.recallAt3)}, MRR ${searchOnly.mrr.toFixed(3)}`,
  );
  if (args.has('json')) {
    console.log(
      JSON.stringify({
        recallAt1: report.recallAt1,
        recallAt3: report.recallAt3,
        mrr: report.mrr,
        meanMs: report.meanMs,
        p99Ms: report.p99Ms,
        typeaheadMeanMs: typing.meanMs,
        typeaheadP99Ms: typing.p99Ms,
        searchOnlyRecallAt1: searchOnly.recallAt1,
        searchOnlyRecallAt3: searchOnly.recallAt3,
        items: report.items,
      }),
    );
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
