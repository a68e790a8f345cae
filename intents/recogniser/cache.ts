/** Disk cache of trained models, keyed by a hash of the training examples and the algorithm version. */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TrainingExample } from '../types.js';
import type { RecogniserModel } from './model.js';
import { deserializeModel, serializeModel } from './serialize.js';
import { ALGORITHM_VERSION, trainIntentModel } from './train.js';

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

export async function loadOrTrainModel(
  examples: TrainingExample[],
  cacheDir: string,
): Promise<{ model: RecogniserModel; trained: boolean; hash: string }> {
  const hash = trainingHash(examples);
  const file = path.join(cacheDir, `intent-model-${hash.slice(0, 24)}.bin`);
  try {
    return { model: deserializeModel(await readFile(file)), trained: false, hash };
  } catch {
    // Missing, unreadable or from another version: train afresh.
  }
  const model = await trainIntentModel(canonicalExamples(examples));
  await mkdir(cacheDir, { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, serializeModel(model));
  await rename(tmp, file); // atomic: a concurrent reader never sees half a file
  return { model, trained: true, hash };
}
