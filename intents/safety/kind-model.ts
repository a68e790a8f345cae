/**
 * The kind model (issue 8, "the right help signposted"): a 7-way classifier of which kind of risk a disclosure is
 * (suicide_self_harm, danger_now, fire_gas_co, crime_violence, domestic_abuse, child_at_risk, adult_at_risk), beside the
 * regex cues of kinds.ts. It reuses the recogniser's training code (hashed word + character n-grams, logistic regression,
 * calibration, the disk cache and the shipped models), so it is deterministic and a loaded model predicts exactly as a trained one.
 *
 * Trained on the development items that carry a kind (data/dev-items/: disclosures only; ordinary messages have no kind),
 * plus any council phrases that carry one. Its probabilities reach decideSafety through the safety model's score
 * (`SafetyScore.kinds`), and are combined with the cues at one place (`chooseKind` in kinds.ts). With too few labelled
 * disclosures (a pack without the development data) there is no kind model, and the cues decide alone.
 */
import type { RiskKind, TrainingExample } from '../types.js';
import { RISK_KINDS } from '../types.js';
import { loadOrTrainModel, trainIntentModel, type ModelSource, type RecogniserModel } from '../recogniser/index.js';

/** The kind model's probability of each kind for one message (they sum to 1). */
export type KindProbabilities = Record<RiskKind, number>;

export interface KindModel {
  /** The probability of each kind; null when the model recognises none of the message's words (no opinion). */
  kinds(text: string): KindProbabilities | null;
}

/** No kind model unless every kind has at least this many labelled disclosures. */
export const KIND_MODEL_MIN_PER_KIND = 20;

const isRiskKind = (k: unknown): k is RiskKind => typeof k === 'string' && (RISK_KINDS as readonly string[]).includes(k);

/** The labelled disclosures as training examples (the intent is the kind); items without a kind are left out. */
export function kindExamples(items: { text: string; kind?: string }[]): TrainingExample[] {
  return items.filter((i) => isRiskKind(i.kind) && i.text.trim() !== '').map((i) => ({ text: i.text, intent: i.kind! }));
}

/** Enough labelled disclosures of every kind to train a kind model. */
export function enoughForKindModel(examples: TrainingExample[]): boolean {
  const counts = new Map<string, number>();
  for (const e of examples) counts.set(e.intent, (counts.get(e.intent) ?? 0) + 1);
  return RISK_KINDS.every((k) => (counts.get(k) ?? 0) >= KIND_MODEL_MIN_PER_KIND);
}

/** Wraps a trained 7-way recogniser as a kind model. */
export function asKindModel(model: RecogniserModel): KindModel {
  return {
    kinds(text) {
      const p = model.predict(text);
      const probs = Object.fromEntries(RISK_KINDS.map((k) => [k, 0])) as KindProbabilities;
      let total = 0;
      for (const r of p.ranked) {
        if (isRiskKind(r.intent)) {
          probs[r.intent] = r.confidence;
          total += r.confidence;
        }
      }
      return total > 0 ? probs : null;
    },
  };
}

/** Trains (no cache): for cross-validation. Null when the examples are too few (`enoughForKindModel`). */
export async function trainKindModel(examples: TrainingExample[]): Promise<KindModel | null> {
  return enoughForKindModel(examples) ? asKindModel(await trainIntentModel(examples)) : null;
}

/** The tenant's kind model from the disk cache, the shipped models or training (keyed by its training data); null when too few. */
export async function loadOrTrainKindModel(
  examples: TrainingExample[],
  cacheDir: string,
): Promise<{ model: KindModel | null; trained: boolean; source: ModelSource | null }> {
  if (!enoughForKindModel(examples)) return { model: null, trained: false, source: null };
  const { model, trained, source } = await loadOrTrainModel(examples, cacheDir);
  return { model: asKindModel(model), trained, source };
}
