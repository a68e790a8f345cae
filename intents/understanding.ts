import type { Entity, GazetteerAddress, IntentModel, IntentPrediction, SafetyHit, TrainingExample } from './types.js';
import { Gazetteer, extractEntities } from './entities/index.js';
import { loadOrTrainModel, type ModelSource } from './recogniser/index.js';
import { screenForSafety } from './safety/index.js';
import { loadOrTrainSafetyModel, type SafetyScore } from './safety/model.js';
import type { RemoteRecogniser } from './remote/types.js';
import { withFallback, type FallbackOptions } from './remote/with-fallback.js';

export interface Understanding {
  recognise(text: string): Promise<IntentPrediction>;
  entities(text: string, now: Date): Entity[];
  safety(text: string): SafetyHit | null;
  /** The dedicated safety model's score (intents/safety/model.ts); `recognise` also carries it as `safetyScore`. */
  safetyScore?(text: string): SafetyScore;
}

export interface TenantUnderstanding {
  understanding: Understanding;
  gazetteer: Gazetteer;
  model: IntentModel;
  /** True when this start trained the model; false when it came from the disk cache or the shipped models. */
  trained: boolean;
  /** Where the intent model came from (the safety model is looked up the same way). */
  modelSource: ModelSource;
}

/** Builds a tenant's understanding from its training phrases and gazetteer; the model is cached on disk. */
export async function buildUnderstanding(input: {
  training: TrainingExample[];
  addresses: GazetteerAddress[];
  casePrefix: string;
  timeZone: string;
  modelCacheDir: string;
  /** Optional remote recogniser (LLM, Azure OpenAI, CLU); the embedded model answers when it fails or is slow. */
  remote?: { recogniser: RemoteRecogniser } & FallbackOptions;
  /** Extra labelled phrases for the safety model ({text, label}: a safety intent id or `none`). */
  safetyTraining?: { text: string; label: string }[];
}): Promise<TenantUnderstanding> {
  const { model, trained, source: modelSource } = await loadOrTrainModel(input.training, input.modelCacheDir);
  const { model: safetyModel } = await loadOrTrainSafetyModel(input.training, input.modelCacheDir, input.safetyTraining);
  const gazetteer = new Gazetteer(input.addresses);
  const remote = input.remote ? withFallback(input.remote.recogniser, model, input.remote) : null;
  // The prediction carries the safety model's score, so decideSafety(hit, prediction, text) uses it (bot/policy.ts).
  // Not enumerable: the prediction still equals, and serialises as, the recogniser's own.
  const withSafety = (text: string, p: IntentPrediction): IntentPrediction =>
    Object.defineProperty({ ...p }, 'safetyScore', { value: safetyModel.score(text), enumerable: false });
  const understanding: Understanding = {
    recognise: remote ? async (text) => withSafety(text, await remote.recognise(text)) : async (text) => withSafety(text, model.predict(text)),
    safetyScore: (text) => safetyModel.score(text),
    entities: (text, now) => extractEntities(text, { now, timeZone: input.timeZone, gazetteer, casePrefixes: [input.casePrefix] }),
    safety: (text) => screenForSafety(text),
  };
  return { understanding, gazetteer, model, trained, modelSource };
}
