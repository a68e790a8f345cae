/**
 * Post-hoc calibration on held-out data: a softmax temperature (so confidences read as
 * probabilities) and the out-of-scope threshold on the top in-scope confidence.
 */
import { OOS_MARGIN } from './model.js';
import { softmax } from './softmax-classifier.js';

export interface HeldOutScores {
  logits: Float64Array[];
  /** Gold class index; the out-of-scope class index when the item is out of scope. */
  gold: Int32Array;
  /** Index of the trained out-of-scope class, or -1 when there is none. */
  oosIndex: number;
  /** True for items that are out of scope (whether or not an oos class was trained). */
  isOos: boolean[];
}

/** Temperature minimising the negative log-likelihood of the gold classes (golden-section search on log T). */
export function fitTemperature(s: HeldOutScores): number {
  const items = s.logits.map((l, i) => ({ l, g: s.gold[i] })).filter((it) => it.g >= 0);
  if (items.length === 0) return 1;
  const probs = new Float64Array(items[0].l.length);
  const nll = (logT: number) => {
    const T = Math.exp(logT);
    let total = 0;
    for (const it of items) {
      softmax(it.l, T, probs);
      total -= Math.log(Math.max(probs[it.g], 1e-12));
    }
    return total;
  };
  let lo = Math.log(0.02);
  let hi = Math.log(20);
  const phi = (Math.sqrt(5) - 1) / 2;
  let a = hi - phi * (hi - lo);
  let b = lo + phi * (hi - lo);
  let fa = nll(a);
  let fb = nll(b);
  for (let iter = 0; iter < 40; iter++) {
    if (fa < fb) {
      hi = b; b = a; fb = fa;
      a = hi - phi * (hi - lo); fa = nll(a);
    } else {
      lo = a; a = b; fa = fb;
      b = lo + phi * (hi - lo); fb = nll(b);
    }
  }
  return Math.exp((lo + hi) / 2);
}

/** The decision of one held-out item at temperature T: best in-scope class and its confidence. */
interface Decision {
  best: number;
  confidence: number;
  oosWon: boolean;
}

function decide(logits: Float64Array, T: number, oosIndex: number, probs: Float64Array): Decision {
  softmax(logits, T, probs);
  let best = -1;
  for (let c = 0; c < probs.length; c++) if (c !== oosIndex && (best < 0 || probs[c] > probs[best])) best = c;
  // The model's own rule (model.ts): the out-of-scope class wins only by OOS_MARGIN.
  return { best, confidence: probs[best], oosWon: oosIndex >= 0 && probs[oosIndex] > probs[best] * OOS_MARGIN };
}

export interface ThresholdOptions {
  /** Reject at most this share of the correctly classified in-scope held-out items (absolute accuracy points / 100). */
  maxInScopeLoss: number;
  /** Never reject above this confidence (a guard for small, noisy held-out sets). */
  ceiling: number;
}

/**
 * The ceiling is low: near misses (other bodies' bins, roads, fines, benefits) are caught by the
 * trained out-of-scope class, so the threshold only has to catch text unlike every intent. Fitted
 * on training-like held-out phrases, a higher one rejected real residents' shorter messages.
 */
export const DEFAULT_THRESHOLD_OPTIONS: ThresholdOptions = { maxInScopeLoss: 0.005, ceiling: 0.1 };

/**
 * Out-of-scope threshold on the top in-scope confidence. Candidates may cost at most
 * `maxInScopeLoss` of held-out in-scope accuracy (a wrongly rejected resident is worse than a
 * missed off-topic message, and the held-out oos sample is small and noisy).
 * With out-of-scope held-out items: among those, maximise in-scope accuracy + oos recall.
 * Without them: the largest such threshold.
 */
export function fitThreshold(s: HeldOutScores, T: number, opts: ThresholdOptions = DEFAULT_THRESHOLD_OPTIONS): number {
  const probs = new Float64Array(s.logits[0]?.length ?? 0);
  const inScope: { conf: number; correct: boolean }[] = [];
  const oos: { conf: number; oosWon: boolean }[] = [];
  s.logits.forEach((l, i) => {
    const d = decide(l, T, s.oosIndex, probs);
    if (s.isOos[i]) oos.push({ conf: d.confidence, oosWon: d.oosWon });
    else inScope.push({ conf: d.confidence, correct: !d.oosWon && d.best === s.gold[i] });
  });
  const correct = inScope.filter((x) => x.correct).map((x) => x.conf).sort((a, b) => a - b);
  if (correct.length === 0) return 0;
  // Rejecting the k least confident correct items is allowed; threshold halfway to the next one.
  const k = Math.floor(inScope.length * opts.maxInScopeLoss);
  const limit = Math.min(opts.ceiling, k >= correct.length ? correct[correct.length - 1] : k === 0 ? correct[0] * 0.999 : (correct[k - 1] + correct[k]) / 2);
  if (oos.length === 0) return limit;
  const oosConfs = oos.filter((x) => !x.oosWon).map((x) => x.conf);
  const candidates = [0, ...correct, ...oosConfs].filter((c) => c <= limit).sort((a, b) => a - b);
  candidates.push(limit);
  let bestT = 0;
  let bestScore = -Infinity;
  for (const t of candidates) {
    // An item is rejected when its confidence is below t.
    const acc = correct.filter((c) => c >= t).length / inScope.length;
    const rec = (oos.length - oosConfs.filter((c) => c >= t).length) / oos.length;
    if (acc + rec > bestScore + 1e-12) {
      bestScore = acc + rec;
      bestT = t;
    }
  }
  return bestT;
}
