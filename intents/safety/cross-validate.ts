/**
 * Cross-validation of the safety decision over the bundled development items: the honest estimate
 * of how it generalises (`npm run eval:safety -- --cv`). Each fold's items are scored by a safety
 * model trained on the pack's phrases and the other folds only; the screen and the kind cues are
 * fixed rules (they were written against these sets, so their part of the estimate is optimistic).
 * Two splits: k stratified folds, and leave-one-set-out (each development set scored by a model
 * that never saw any of it: closest to a new writer's set).
 */
import type { TrainingExample } from '../types.js';
import { createRng, shuffleInPlace } from '../recogniser/random.js';
import { safetyExamples, trainSafetyModel, type SafetyDataItem, type SafetyScore } from './model.js';
import { kindExamples, trainKindModel } from './kind-model.js';

/** Fold of each item: stratified by label, deterministic for a seed. */
export function stratifiedFolds(items: SafetyDataItem[], k: number, seed = 7): number[] {
  const fold = new Array<number>(items.length).fill(0);
  const byLabel = new Map<string, number[]>();
  items.forEach((it, i) => byLabel.set(it.label, [...(byLabel.get(it.label) ?? []), i]));
  const rng = createRng(seed);
  for (const label of [...byLabel.keys()].sort()) {
    const idx = byLabel.get(label)!;
    shuffleInPlace(idx, rng);
    idx.forEach((i, n) => (fold[i] = n % k));
  }
  return fold;
}

/** Fold of each item: its source set. */
export function sourceFolds(items: SafetyDataItem[]): number[] {
  const sources = [...new Set(items.map((i) => i.source))].sort();
  return items.map((i) => sources.indexOf(i.source));
}

/**
 * Out-of-fold safety model scores: item i scored by a model trained without fold[i]. The kind model (`SafetyScore.kinds`) of each
 * fold is trained without that fold too, unless `kinds` is false.
 */
export async function outOfFoldScores(packTraining: TrainingExample[], items: SafetyDataItem[], fold: number[], kinds = true): Promise<SafetyScore[]> {
  const scores = new Array<SafetyScore>(items.length);
  for (const f of [...new Set(fold)].sort((a, b) => a - b)) {
    const training = items.filter((_, i) => fold[i] !== f);
    const kindModel = kinds ? await trainKindModel(kindExamples(training)) : null;
    const model = await trainSafetyModel(safetyExamples(packTraining, training), packTraining, kindModel);
    items.forEach((it, i) => {
      if (fold[i] === f) scores[i] = model.score(it.text);
    });
  }
  return scores;
}
