/**
 * Multinomial logistic regression over sparse vectors, trained with plain SGD, a linearly
 * decaying learning rate and L2 weight decay. Weights are stored feature-major
 * (W[feature * C + class]) so one active feature touches one contiguous run of memory.
 */
import type { SparseVector } from './features.js';
import { createRng, shuffleInPlace } from './random.js';

export interface SoftmaxConfig {
  epochs: number;
  learningRate: number;
  /** L2 penalty per example (weight decay). */
  l2: number;
  seed: number;
  /** Learn per-class biases (without them text unlike any intent gets a flatter distribution). */
  bias: boolean;
}

export const DEFAULT_SOFTMAX: SoftmaxConfig = { epochs: 12, learningRate: 1, l2: 1e-6, seed: 1, bias: true };

/** Classes whose gradient is below this are skipped: most classes are confidently wrong after an epoch or two. */
const GRAD_EPS = 1e-4;

export class SoftmaxClassifier {
  constructor(
    readonly numFeatures: number,
    readonly numClasses: number,
    readonly weights: Float32Array,
    readonly bias: Float32Array,
  ) {}

  /** Raw class scores (logits) into `out`. */
  logits(x: SparseVector, out: Float64Array): void {
    const C = this.numClasses;
    for (let c = 0; c < C; c++) out[c] = this.bias[c];
    const W = this.weights;
    for (let k = 0; k < x.idx.length; k++) {
      const base = x.idx[k] * C;
      const v = x.val[k];
      for (let c = 0; c < C; c++) out[c] += v * W[base + c];
    }
  }

  static train(X: SparseVector[], y: Int32Array, numFeatures: number, numClasses: number, cfg: SoftmaxConfig): SoftmaxClassifier {
    const C = numClasses;
    const V = new Float32Array(numFeatures * C);
    const bias = new Float32Array(C);
    const rng = createRng(cfg.seed);
    const order = Int32Array.from({ length: X.length }, (_, i) => i);
    const scores = new Float64Array(C);
    const grad = new Float64Array(C);
    const active = new Int32Array(C);
    const total = cfg.epochs * X.length;
    let scale = 1; // true weights = scale * V, so weight decay costs O(1) per step
    let t = 0;
    for (let epoch = 0; epoch < cfg.epochs; epoch++) {
      shuffleInPlace(order, rng);
      for (let n = 0; n < order.length; n++, t++) {
        const i = order[n];
        const x = X[i];
        const lr = cfg.learningRate * (1 - t / total);
        // Forward pass.
        for (let c = 0; c < C; c++) scores[c] = 0;
        for (let k = 0; k < x.idx.length; k++) {
          const base = x.idx[k] * C;
          const v = x.val[k];
          for (let c = 0; c < C; c++) scores[c] += v * V[base + c];
        }
        let max = -Infinity;
        for (let c = 0; c < C; c++) {
          scores[c] = scores[c] * scale + bias[c];
          if (scores[c] > max) max = scores[c];
        }
        let sum = 0;
        for (let c = 0; c < C; c++) sum += scores[c] = Math.exp(scores[c] - max);
        let nActive = 0;
        for (let c = 0; c < C; c++) {
          const g = scores[c] / sum - (c === y[i] ? 1 : 0);
          if (g > GRAD_EPS || g < -GRAD_EPS) {
            grad[nActive] = g;
            active[nActive++] = c;
          }
        }
        // Backward pass: weight decay through the scale, sparse update of the active classes.
        scale *= 1 - lr * cfg.l2;
        const step = lr / scale;
        for (let k = 0; k < x.idx.length; k++) {
          const base = x.idx[k] * C;
          const v = x.val[k] * step;
          for (let a = 0; a < nActive; a++) V[base + active[a]] -= v * grad[a];
        }
        if (cfg.bias) for (let a = 0; a < nActive; a++) bias[active[a]] -= lr * grad[a];
        if (scale < 1e-6) {
          for (let j = 0; j < V.length; j++) V[j] *= scale;
          scale = 1;
        }
      }
    }
    for (let j = 0; j < V.length; j++) V[j] *= scale;
    return new SoftmaxClassifier(numFeatures, C, V, bias);
  }
}

/** Numerically stable softmax of logits / temperature, in place into `out`. */
export function softmax(logits: Float64Array, temperature: number, out: Float64Array): void {
  let max = -Infinity;
  for (let c = 0; c < logits.length; c++) if (logits[c] > max) max = logits[c];
  let sum = 0;
  for (let c = 0; c < logits.length; c++) sum += out[c] = Math.exp((logits[c] - max) / temperature);
  for (let c = 0; c < logits.length; c++) out[c] /= sum;
}
