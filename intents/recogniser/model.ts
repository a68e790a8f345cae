/** The trained recogniser: features -> linear softmax -> temperature -> out-of-scope decision. */
import type { IntentModel, IntentPrediction, IntentScore } from '../types.js';
import { Vocabulary } from './features.js';
import { SoftmaxClassifier, softmax } from './softmax-classifier.js';

export interface Calibration {
  temperature: number;
  /** Out of scope when the top in-scope confidence is below this. */
  threshold: number;
}

export class RecogniserModel implements IntentModel {
  /** In-scope intents, in class order. */
  readonly intents: string[];
  private readonly logitsBuf: Float64Array;
  private readonly probsBuf: Float64Array;

  constructor(
    readonly vocab: Vocabulary,
    readonly classifier: SoftmaxClassifier,
    /** All class labels, including the out-of-scope class (as `oosLabel`) when one was trained. */
    readonly labels: string[],
    /** Index of the trained out-of-scope class, -1 when none. */
    readonly oosIndex: number,
    readonly calibration: Calibration,
  ) {
    this.intents = labels.filter((_, i) => i !== oosIndex);
    this.logitsBuf = new Float64Array(labels.length);
    this.probsBuf = new Float64Array(labels.length);
  }

  /** Uncalibrated class scores; exposed for calibration on held-out data. */
  logits(text: string): Float64Array {
    const out = new Float64Array(this.labels.length);
    this.classifier.logits(this.vocab.vectorise(text), out);
    return out;
  }

  predict(text: string): IntentPrediction {
    const x = this.vocab.vectorise(text);
    const probs = this.probsBuf;
    if (x.idx.length === 0) {
      // Nothing we have ever seen (empty, emoji only, another script): out of scope, no opinion.
      return { ranked: this.intents.map((intent) => ({ intent, confidence: 0 })), outOfScope: true };
    }
    this.classifier.logits(x, this.logitsBuf);
    softmax(this.logitsBuf, this.calibration.temperature, probs);
    const ranked: IntentScore[] = [];
    for (let c = 0; c < probs.length; c++) if (c !== this.oosIndex) ranked.push({ intent: this.labels[c], confidence: probs[c] });
    ranked.sort((a, b) => b.confidence - a.confidence);
    const top = ranked[0]?.confidence ?? 0;
    const oosWon = this.oosIndex >= 0 && probs[this.oosIndex] > top;
    return { ranked, outOfScope: oosWon || top < this.calibration.threshold };
  }
}
