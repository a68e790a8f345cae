/**
 * A model that is loaded (from the shipped models or the DATA_DIR cache) predicts exactly as a
 * freshly trained one, and is used only for the phrases and training version it was trained on.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContentPack } from '../../bot/content-pack/index.js';
import { loadSafetyData, safetyExamples } from '../safety/model.js';
import type { TrainingExample } from '../types.js';
import {
  ALGORITHM_VERSION,
  canonicalExamples,
  loadOrTrainModel,
  modelFileName,
  serializeModel,
  SHIPPED_MODELS_DIR,
  trainingHash,
  trainIntentModel,
  writeModel,
  type RecogniserModel,
} from './index.js';

const PHRASES: Record<string, string[]> = {
  'waste.missed_collection': ["my bin wasn't emptied today", 'bin not collected again', 'the bin men missed my house', 'you missed my recycling bin', 'my rubbish was not picked up', 'report a missed bin collection'],
  'council_tax.pay': ['i want to pay my council tax', 'how do i pay council tax', 'pay my council tax bill online', 'can i pay council tax by card', 'make a council tax payment', 'set up a direct debit for council tax'],
  'highways.pothole': ['there is a pothole on my road', 'report a pothole', 'huge hole in the road outside my house', 'pothole damaged my car tyre', 'deep pothole on the high street', 'potholes on the main road need fixing'],
  out_of_scope: ['what is the capital of france', 'tell me a joke', 'who won the football', 'recipe for pancakes', 'play some music', 'what is the weather like'],
};
const EXAMPLES: TrainingExample[] = Object.entries(PHRASES).flatMap(([intent, texts]) => texts.map((text) => ({ text, intent })));
/** Seen, unseen, misspelt and meaningless messages. */
const SAMPLE = [...EXAMPLES.filter((_, i) => i % 3 === 0).map((e) => e.text), 'bnis not colected', 'how much is council tax', 'hole in road', 'asdkjh qwpeoiru', ''];

/** The model's weights and calibration as bytes, without the file's training hash. */
const bytesOf = (model: RecogniserModel) => serializeModel(model);

describe('shipped and cached models', () => {
  let dir: string;
  let shippedDir: string;
  let cacheDir: string;
  let fresh: RecogniserModel;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'shipped-models-'));
    shippedDir = path.join(dir, 'shipped');
    cacheDir = path.join(dir, 'cache');
    fresh = await trainIntentModel(canonicalExamples(EXAMPLES));
    await writeModel(shippedDir, trainingHash(EXAMPLES), fresh);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves the shipped model for its phrases, predicting as training does, without training', async () => {
    const loaded = await loadOrTrainModel([...EXAMPLES].reverse(), cacheDir, { shippedDir });
    expect(loaded.source).toBe('shipped');
    expect(loaded.trained).toBe(false);
    for (const text of SAMPLE) expect(loaded.model.predict(text)).toEqual(fresh.predict(text));
    expect(bytesOf(loaded.model).equals(bytesOf(fresh))).toBe(true);
    expect(existsSync(cacheDir) ? readdirSync(cacheDir) : []).toHaveLength(0);
  });

  it('trains a changed phrase set instead of serving the stale model, then serves it from the cache', async () => {
    const changed = EXAMPLES.map((e, i) => (i === 0 ? { ...e, text: 'bins not emptied for two weeks' } : e));
    const retrained = await loadOrTrainModel(changed, cacheDir, { shippedDir });
    expect(retrained.source).toBe('trained');
    const reference = await trainIntentModel(canonicalExamples(changed));
    expect(bytesOf(reference).equals(bytesOf(fresh))).toBe(false); // the stale model really is another model
    expect(bytesOf(retrained.model).equals(bytesOf(reference))).toBe(true);

    const again = await loadOrTrainModel(changed, cacheDir, { shippedDir });
    expect(again.source).toBe('cache');
    for (const text of SAMPLE) expect(again.model.predict(text)).toEqual(reference.predict(text));
  });

  it('refuses a file whose header names other phrases or another training version', async () => {
    const other = [...EXAMPLES, { text: 'my green bin was skipped', intent: 'waste.missed_collection' }];
    const otherDir = path.join(dir, 'tampered');
    const emptyCache = path.join(dir, 'empty-cache');
    // The right name for `other`, but the content of the model for EXAMPLES (a renamed or copied file).
    await writeModel(otherDir, trainingHash(EXAMPLES), fresh);
    copyFileSync(path.join(otherDir, modelFileName(trainingHash(EXAMPLES))), path.join(otherDir, modelFileName(trainingHash(other))));
    expect((await loadOrTrainModel(other, emptyCache, { shippedDir: otherDir })).source).toBe('trained');

    // The right phrases, but written by another version of the training code.
    const file = path.join(otherDir, modelFileName(trainingHash(EXAMPLES)));
    const older = readFileSync(file).toString('latin1').replace(`"version":"${ALGORITHM_VERSION}"`, `"version":"${ALGORITHM_VERSION.replace(/.$/, 'x')}"`);
    writeFileSync(file, Buffer.from(older, 'latin1'));
    rmSync(emptyCache, { recursive: true, force: true });
    expect((await loadOrTrainModel(EXAMPLES, emptyCache, { shippedDir: otherDir })).source).toBe('trained');
  });
});

// The demo council's models in intents/recogniser/models: what training gives today, or not used at all.
describe('the shipped demo models', () => {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const pack = loadContentPack(path.join(root, 'content', 'demo'));
  // The intent model is not shipped (scripts/ship-models.ts says why).
  const sets: [string, TrainingExample[]][] = [['safety', safetyExamples(pack.training, loadSafetyData())]];
  let cacheDir: string;
  beforeAll(() => {
    cacheDir = mkdtempSync(path.join(tmpdir(), 'shipped-demo-'));
  });
  afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

  it.each(sets)('%s model: loaded, it predicts as a freshly trained one', async (name, examples) => {
    const shipped = existsSync(path.join(SHIPPED_MODELS_DIR, modelFileName(trainingHash(examples))));
    const loaded = await loadOrTrainModel(examples, path.join(cacheDir, name));
    if (!shipped) {
      // Phrases or training changed since the models were shipped: trained at start, as before (npx tsx scripts/ship-models.ts refreshes them).
      console.warn(`the shipped demo ${name} model is stale: run npx tsx scripts/ship-models.ts`);
      expect(loaded.source).toBe('trained');
      return;
    }
    expect(loaded.source).toBe('shipped');
    const fresh = await trainIntentModel(canonicalExamples(examples));
    expect(bytesOf(loaded.model).equals(bytesOf(fresh))).toBe(true);
    const sample = [...examples.filter((_, i) => i % 41 === 0).map((e) => e.text), 'my bins werent collected 2day pls', 'where do I get a parking permit', 'I feel like ending it all', 'zzzz qqqq'];
    for (const text of sample) expect(loaded.model.predict(text)).toEqual(fresh.predict(text));
  }, 300_000);
});
