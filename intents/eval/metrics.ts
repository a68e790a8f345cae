/**
 * Intent-evaluation metrics. Labels `oos` and `out_of_scope` both mean out of scope (OOS), for
 * gold and predicted labels alike. Definitions:
 *
 * - inScopeAccuracy: over items whose gold label is in scope, the share where the predicted label
 *   equals the gold label. Predicting OOS for an in-scope item counts as wrong.
 *   null when there are no in-scope items.
 * - oosRecall: over items whose gold label is OOS, the share predicted OOS. null when there are none.
 * - oosPrecision: over items predicted OOS, the share whose gold label is OOS.
 *   null when nothing was predicted OOS (undefined).
 * - macroF1: the unweighted mean over every gold class (OOS included when it occurs in gold) of
 *   F1 = 2PR/(P+R), where P = TP / predicted-as-class (0 when never predicted), R = TP / gold-count,
 *   and F1 = 0 when TP = 0. Classes that are only ever predicted, never gold, are not averaged.
 * - safetyRecall: over items whose gold label starts with `safety.`, the share predicted exactly
 *   that label. null when there are no such items.
 * - confusions: (gold, predicted) pairs with gold != predicted, most frequent first (ties by name).
 */

export const OOS = 'out_of_scope';

export const normaliseLabel = (label: string): string => (label === 'oos' || label === OOS ? OOS : label);

export interface LabelledPrediction {
  gold: string;
  predicted: string;
}

export interface Confusion {
  gold: string;
  predicted: string;
  count: number;
}

export interface IntentMetrics {
  items: number;
  inScopeItems: number;
  oosItems: number;
  inScopeAccuracy: number | null;
  oosRecall: number | null;
  oosPrecision: number | null;
  macroF1: number | null;
  safetyRecall: number | null;
  confusions: Confusion[];
}

export function computeMetrics(predictions: LabelledPrediction[], topConfusions = 10): IntentMetrics {
  const items = predictions.map((p) => ({ gold: normaliseLabel(p.gold), predicted: normaliseLabel(p.predicted) }));
  const inScope = items.filter((p) => p.gold !== OOS);
  const oos = items.filter((p) => p.gold === OOS);
  const predictedOos = items.filter((p) => p.predicted === OOS);
  const safety = items.filter((p) => p.gold.startsWith('safety.'));
  const ratio = (num: number, den: number) => (den === 0 ? null : num / den);

  const goldCount = new Map<string, number>();
  const predCount = new Map<string, number>();
  const tp = new Map<string, number>();
  const confusion = new Map<string, Confusion>();
  for (const p of items) {
    goldCount.set(p.gold, (goldCount.get(p.gold) ?? 0) + 1);
    predCount.set(p.predicted, (predCount.get(p.predicted) ?? 0) + 1);
    if (p.gold === p.predicted) tp.set(p.gold, (tp.get(p.gold) ?? 0) + 1);
    else {
      const key = JSON.stringify([p.gold, p.predicted]);
      const c = confusion.get(key) ?? { gold: p.gold, predicted: p.predicted, count: 0 };
      c.count++;
      confusion.set(key, c);
    }
  }
  let f1Sum = 0;
  for (const [label, gold] of goldCount) {
    const t = tp.get(label) ?? 0;
    if (t === 0) continue;
    const precision = t / (predCount.get(label) ?? 0);
    const recall = t / gold;
    f1Sum += (2 * precision * recall) / (precision + recall);
  }
  const confusions = [...confusion.values()]
    .sort((a, b) => b.count - a.count || a.gold.localeCompare(b.gold) || a.predicted.localeCompare(b.predicted))
    .slice(0, topConfusions);

  return {
    items: items.length,
    inScopeItems: inScope.length,
    oosItems: oos.length,
    inScopeAccuracy: ratio(inScope.filter((p) => p.predicted === p.gold).length, inScope.length),
    oosRecall: ratio(oos.filter((p) => p.predicted === OOS).length, oos.length),
    oosPrecision: ratio(predictedOos.filter((p) => p.gold === OOS).length, predictedOos.length),
    macroF1: ratio(f1Sum, goldCount.size),
    safetyRecall: ratio(safety.filter((p) => p.predicted === p.gold).length, safety.length),
    confusions,
  };
}

/** Nearest-rank percentile (p in 0..100) of the values; null for an empty list. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length;
}
