/**
 * Trained models by the hash of their training examples and the algorithm version: a disk cache
 * (DATA_DIR/models), then the models shipped in the repository (`models/`, the demo council's),
 * then training. A file is used only when its header names that same hash: a changed phrase, a
 * new training version or a renamed file means training afresh, never a stale model.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TrainingExample } from '../types.js';
import type { RecogniserModel } from './model.js';
import { deserializeModel, serializeModel } from './serialize.js';
import { ALGORITHM_VERSION, trainIntentModel } from './train.js';

/** Where the shipped models are: beside this module from sources; from a compiled dist/, in the sources' folder. */
function shippedModelsDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const beside = path.join(here, 'models');
  const inSources = path.resolve(here, '../../../intents/recogniser/models');
  return existsSync(beside) || !existsSync(inSources) ? beside : inSources;
}

/** The models shipped in the repository (`npx tsx scripts/ship-models.ts` writes them). */
export const SHIPPED_MODELS_DIR = shippedModelsDir();

/** Examples in a canonical order, so the same phrases in another file order give the same model. */
export function canonicalExamples(examples: TrainingExample[]): TrainingExample[] {
  return examples
    .map((e) => ({ text: e.text, intent: e.intent }))
    .sort((a, b) => (a.intent < b.intent ? -1 : a.intent > b.intent ? 1 : a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
}

export function trainingHash(examples: TrainingExample[]): string {
  const h = createHash('sha256');
  h.update(ALGORITHM_VERSION + '\n');
  for (const e of canonicalExamples(examples)) h.update(JSON.stringify([e.intent, e.text]) + '\n');
  return h.digest('hex');
}

/** The file a model trained on data with this hash has, in the cache and among the shipped models. */
export function modelFileName(hash: string): string {
  return `intent-model-${hash.slice(0, 24)}.bin`;
}

/** Where a model came from: the DATA_DIR cache, the repository's shipped models, or training at this start. */
export type ModelSource = 'cache' | 'shipped' | 'trained';

/** The model in `dir` for this hash, or null (missing, unreadable, another version, other data). */
async function readModel(dir: string, hash: string): Promise<RecogniserModel | null> {
  try {
    return deserializeModel(await readFile(path.join(dir, modelFileName(hash))), hash);
  } catch {
    return null;
  }
}

/** Writes the model under its hash, atomically: a concurrent reader never sees half a file. */
export async function writeModel(dir: string, hash: string, model: RecogniserModel): Promise<string> {
  const file = path.join(dir, modelFileName(hash));
  await mkdir(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, serializeModel(model, hash));
  await rename(tmp, file);
  return file;
}

export async function loadOrTrainModel(
  examples: TrainingExample[],
  cacheDir: string,
  options: { shippedDir?: string | null } = {},
): Promise<{ model: RecogniserModel; trained: boolean; source: ModelSource; hash: string }> {
  const hash = trainingHash(examples);
  const cached = await readModel(cacheDir, hash);
  if (cached) return { model: cached, trained: false, source: 'cache', hash };
  const shippedDir = options.shippedDir === undefined ? SHIPPED_MODELS_DIR : options.shippedDir;
  const shipped = shippedDir ? await readModel(shippedDir, hash) : null;
  if (shipped) return { model: shipped, trained: false, source: 'shipped', hash };
  const model = await trainIntentModel(canonicalExamples(examples));
  await writeModel(cacheDir, hash, model);
  return { model, trained: true, source: 'trained', hash };
}
