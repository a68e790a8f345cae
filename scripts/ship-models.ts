/**
 * Writes the demo council's trained safety model and kind model into
 * intents/recogniser/models/, so a first start loads them instead of training (tens of seconds on
 * two busy cores). Each file carries the hash of its training data and the training version; the
 * server uses it only when that hash matches (intents/recogniser/cache.ts), so a stale file is
 * never served, only useless: run this again after changing the demo's phrases or the training.
 *
 *   npx tsx scripts/ship-models.ts           write the current models, remove stale ones
 *   npx tsx scripts/ship-models.ts --check   exit 1 when the shipped models do not match
 */
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContentPack } from '../bot/index.js';
import { canonicalExamples, modelFileName, SHIPPED_MODELS_DIR, trainingHash, trainIntentModel, writeModel } from '../intents/recogniser/index.js';
import { loadSafetyData, safetyExamples } from '../intents/safety/model.js';
import { kindExamples } from '../intents/safety/kind-model.js';
import { parseArgs } from './cli.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = parseArgs(process.argv.slice(2));
const pack = loadContentPack(path.join(repoRoot, 'content', 'demo'));
// The same example sets the server trains from (intents/understanding.ts, intents/safety/model.ts).
// Only the safety model (0.8 MB) is shipped: the intent model is 10.7 MB of dense weights (9.5 MB
// gzipped), which every phrase change would add to the repository's history again; it is trained
// at first start and cached in DATA_DIR. The kind model (intents/safety/kind-model.ts: which kind of risk
// a disclosure is, from the development items' kinds) is shipped beside the safety model, under its own hash.
const data = loadSafetyData();
const sets = [
  { name: 'safety', examples: safetyExamples(pack.training, data) },
  { name: 'kind', examples: kindExamples(data) },
].map((s) => ({ ...s, hash: trainingHash(s.examples) }));
const wanted = new Set(sets.map((s) => modelFileName(s.hash)));
const present = readdirSync(SHIPPED_MODELS_DIR).filter((f) => f.endsWith('.bin'));

if (args.get('check') === true) {
  const missing = sets.filter((s) => !present.includes(modelFileName(s.hash)));
  for (const s of missing) console.error(`${s.name} model: none shipped for the current phrases (${modelFileName(s.hash)}); run npx tsx scripts/ship-models.ts`);
  if (missing.length === 0) console.log('shipped models match the demo council');
  process.exit(missing.length ? 1 : 0);
}

for (const s of sets) {
  const started = performance.now();
  const file = await writeModel(SHIPPED_MODELS_DIR, s.hash, await trainIntentModel(canonicalExamples(s.examples)));
  console.log(`${s.name} model: ${path.relative(repoRoot, file)} (${s.examples.length} phrases, ${Math.round(performance.now() - started)} ms)`);
}
for (const f of present.filter((f) => !wanted.has(f))) {
  rmSync(path.join(SHIPPED_MODELS_DIR, f));
  console.log(`removed stale ${f}`);
}
