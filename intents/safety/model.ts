/**
 * The dedicated safety model: a 3-way classifier (risk to life / safeguarding concern / none) that
 * scores every message, beside the pattern screen. It reuses the recogniser's training code (hashed
 * word + character n-grams, logistic regression, calibration, disk cache), so it trains in seconds
 * at start and is deterministic.
 *
 * Why a model of its own: the 65-intent classifier learned style shortcuts from the safety phrases
 * (it gave risk to life 0.96 to "Right, I'm going. Ta"). Here every other intent's phrase is a hard
 * negative, and the development sets' ordinary messages (≈ 700 of them chosen to look alarming)
 * teach it what is not a risk. Its thresholds are chosen by cross-validation
 * (`npm run eval:safety -- --cv`), never by fit to the data it was trained on.
 *
 * Training data: the pack's `safety.*` phrases (positives) and every other phrase (negatives), plus
 * `data/dev-items.json` (see data/README.md for provenance), plus any phrases a council adds.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SafetyHit, TrainingExample } from '../types.js';
import { loadOrTrainModel, trainIntentModel, type RecogniserModel } from '../recogniser/index.js';

export const SAFETY_NONE = 'none';
const SAFETY_LABELS = new Set(['safety.risk_to_life', 'safety.safeguarding_concern']);

/** The safety model's opinion of one message. */
export interface SafetyScore {
  /** Probability that the message discloses a risk (either safety class), 0..1. */
  score: number;
  /** The likelier safety class. */
  category: SafetyHit['category'];
}

export interface SafetyModel {
  score(text: string): SafetyScore;
}

/** One item of the bundled development data. */
export interface SafetyDataItem {
  text: string;
  /** `safety.risk_to_life`, `safety.safeguarding_concern` or `none`. */
  label: string;
  kind?: string;
  /** The development set it was copied from. */
  source: string;
}

const DATA_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data', 'dev-items.json');

/** The bundled development items (disclosures and ordinary messages, lookalikes included). */
export function loadSafetyData(file = DATA_FILE): SafetyDataItem[] {
  return JSON.parse(readFileSync(file, 'utf8')) as SafetyDataItem[];
}

/** The pack's phrases relabelled for the safety model: safety intents keep their id, all others are `none`. */
export function safetyExamples(packTraining: TrainingExample[], extra: { text: string; label: string }[] = []): TrainingExample[] {
  const relabel = (intent: string) => (SAFETY_LABELS.has(intent) ? intent : SAFETY_NONE);
  return [
    ...packTraining.map((e) => ({ text: e.text, intent: relabel(e.intent) })),
    ...extra.map((e) => ({ text: e.text, intent: relabel(e.label) })),
  ];
}

/** Wraps a trained 3-way recogniser as a safety scorer. */
export function asSafetyModel(model: RecogniserModel): SafetyModel {
  return {
    score(text) {
      const p = model.predict(text);
      const rtl = p.ranked.find((r) => r.intent === 'safety.risk_to_life')?.confidence ?? 0;
      const sg = p.ranked.find((r) => r.intent === 'safety.safeguarding_concern')?.confidence ?? 0;
      return { score: rtl + sg, category: rtl >= sg ? 'safety.risk_to_life' : 'safety.safeguarding_concern' };
    },
  };
}

/** Trains (no cache): for cross-validation. */
export async function trainSafetyModel(examples: TrainingExample[]): Promise<SafetyModel> {
  return asSafetyModel(await trainIntentModel(examples));
}

/** Trains the tenant's safety model, or loads it from the disk cache (keyed by its training data). */
export async function loadOrTrainSafetyModel(
  packTraining: TrainingExample[],
  cacheDir: string,
  extra: { text: string; label: string }[] = [],
): Promise<{ model: SafetyModel; trained: boolean }> {
  const { model, trained } = await loadOrTrainModel(safetyExamples(packTraining, [...loadSafetyData(), ...extra]), cacheDir);
  return { model: asSafetyModel(model), trained };
}
