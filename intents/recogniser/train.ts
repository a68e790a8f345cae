/** Training entry point: labels, features, classifier, then calibration on held-out data. */
import type { TrainingExample } from '../types.js';
import { fitTemperature, fitThreshold, type HeldOutScores } from './calibration.js';
import { DEFAULT_MEMBERS, featureCounts, Vocabulary, type FeatureConfig, type FeatureCounts } from './features.js';
import { Lexicon } from './lexicon.js';
import { RecogniserModel, type Calibration } from './model.js';
import { createRng, shuffleInPlace } from './random.js';
import { DEFAULT_SOFTMAX, SoftmaxClassifier, type SoftmaxConfig } from './softmax-classifier.js';

/** Bump when features, training or the file format change: it invalidates cached and shipped models. */
export const ALGORITHM_VERSION = 'sgd-softmax-6';

/** Labels that mean "out of scope"; both are trained as one class, stored as OOS_LABEL. */
export const OOS_LABELS = new Set(['oos', 'out_of_scope']);
export const OOS_LABEL = 'out_of_scope';
export const isOosLabel = (intent: string): boolean => OOS_LABELS.has(intent);

export interface TrainOptions {
  seed?: number;
  /** Held-out examples used only for calibration (temperature, out-of-scope threshold). */
  val?: TrainingExample[];
  /** Overrides, for experiments: one feature configuration per ensemble member. */
  members?: FeatureConfig[];
  softmax?: Partial<SoftmaxConfig>;
}

/** Fewer examples than this: train for more epochs so small content packs still converge. */
const MIN_UPDATES = 40_000;
/** From this many examples on, features seen in fewer than `minDf` texts are dropped (CLINC150 val: same accuracy, faster). */
const LARGE_DATASET = 5000;
/** Held-out sets smaller than this are too small to trust a sharpening temperature. */
const SMALL_HELDOUT = 200;
/** Share of each intent held out for calibration when no validation set is given. */
const HOLDOUT_SHARE = 0.15;

export async function trainIntentModel(examples: TrainingExample[], options: TrainOptions = {}): Promise<RecogniserModel> {
  if (examples.length === 0) throw new Error('trainIntentModel: no training examples');
  const seed = options.seed ?? 1;
  const featureCfg: FeatureConfig[] = options.members ?? DEFAULT_MEMBERS;
  const softmaxCfg: SoftmaxConfig = { ...DEFAULT_SOFTMAX, seed, ...options.softmax };
  const val = options.val?.filter((e) => e.text.trim() !== '') ?? [];
  const count = countOnce(featureCfg);
  if (val.length > 0) {
    const model = fit(examples, featureCfg, softmaxCfg, { temperature: 1, threshold: 0 }, count);
    return withCalibration(model, calibrate(model, val));
  }
  // No validation set: calibrate a model trained on most of the data, then refit on all of it.
  const { train, held } = stratifiedSplit(examples, HOLDOUT_SHARE, seed);
  let calibration: Calibration = { temperature: 1, threshold: 0.1 };
  if (held.length >= 5) calibration = calibrate(fit(train, featureCfg, softmaxCfg, calibration, count), held);
  return fit(examples, featureCfg, softmaxCfg, calibration, count);
}

/** A text's feature counts for ensemble member m, counted once per training (the held-out and the final fit share them). */
type Counter = (text: string, m: number) => FeatureCounts;

function countOnce(cfgs: FeatureConfig[]): Counter {
  const seen = cfgs.map(() => new Map<string, FeatureCounts>());
  return (text, m) => {
    let counts = seen[m].get(text);
    if (!counts) seen[m].set(text, (counts = featureCounts(text, cfgs[m])));
    return counts;
  };
}

function fit(examples: TrainingExample[], featureCfgs: FeatureConfig[], softmaxCfg: SoftmaxConfig, calibration: Calibration, count: Counter): RecogniserModel {
  const labels = [...new Set(examples.map((e) => (isOosLabel(e.intent) ? OOS_LABEL : e.intent)))].sort();
  const classOf = new Map(labels.map((l, i) => [l, i]));
  const oosIndex = classOf.get(OOS_LABEL) ?? -1;
  const y = Int32Array.from(examples, (e) => classOf.get(isOosLabel(e.intent) ? OOS_LABEL : e.intent)!);
  const epochs = Math.max(softmaxCfg.epochs, Math.ceil(MIN_UPDATES / examples.length));
  const members = featureCfgs.map((cfg, m) => {
    // Features seen once only pay off on small packs, where every rare word may matter.
    const counted = examples.map((e) => count(e.text, m));
    const vocab = Vocabulary.fitCounts(counted, { ...cfg, minDf: examples.length >= LARGE_DATASET ? cfg.minDf : 1 });
    const X = counted.map((c) => vocab.vectoriseCounts(c));
    const classifier = SoftmaxClassifier.train(X, y, vocab.size, labels.length, { ...softmaxCfg, epochs, seed: softmaxCfg.seed + 101 * m });
    return { vocab, classifier };
  });
  return new RecogniserModel(members, labels, oosIndex, calibration, Lexicon.fromTexts(examples.map((e) => e.text)));
}

function withCalibration(m: RecogniserModel, calibration: Calibration): RecogniserModel {
  return new RecogniserModel(m.members, m.labels, m.oosIndex, calibration, m.lexicon);
}

/** Temperature and out-of-scope threshold fitted on held-out examples. */
export function calibrate(model: RecogniserModel, held: TrainingExample[]): Calibration {
  const classOf = new Map(model.labels.map((l, i) => [l, i]));
  const scores: HeldOutScores = {
    logits: held.map((e) => model.logits(e.text)),
    // Intents the model never saw get -1: they count as errors but cannot shape the temperature.
    gold: Int32Array.from(held, (e) => (isOosLabel(e.intent) ? model.oosIndex : (classOf.get(e.intent) ?? -1))),
    oosIndex: model.oosIndex,
    isOos: held.map((e) => isOosLabel(e.intent)),
  };
  // A temperature fitted on a few dozen items that the model nearly all gets right sharpens
  // the probabilities far too much; with so little evidence, never sharpen.
  const fitted = fitTemperature(scores);
  const temperature = held.length < SMALL_HELDOUT ? Math.max(1, fitted) : fitted;
  return { temperature, threshold: fitThreshold(scores, temperature) };
}

/** Per intent, hold out ~share of the examples (none from intents with fewer than 4), deterministically. */
export function stratifiedSplit(examples: TrainingExample[], share: number, seed: number): { train: TrainingExample[]; held: TrainingExample[] } {
  const byIntent = new Map<string, TrainingExample[]>();
  for (const e of examples) {
    const list = byIntent.get(e.intent) ?? [];
    list.push(e);
    byIntent.set(e.intent, list);
  }
  const rng = createRng(seed ^ 0x5eed);
  const train: TrainingExample[] = [];
  const held: TrainingExample[] = [];
  for (const intent of [...byIntent.keys()].sort()) {
    const list = [...byIntent.get(intent)!];
    shuffleInPlace(list, rng);
    const k = list.length >= 4 ? Math.max(1, Math.round(list.length * share)) : 0;
    held.push(...list.slice(0, k));
    train.push(...list.slice(k));
  }
  return { train, held };
}
