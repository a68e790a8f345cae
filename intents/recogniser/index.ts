/** The embedded intent recogniser: pure TypeScript, no network, deterministic for a seed. */
export { trainIntentModel, ALGORITHM_VERSION, OOS_LABEL, isOosLabel, type TrainOptions } from './train.js';
export { serializeModel, deserializeModel } from './serialize.js';
export { loadOrTrainModel, trainingHash, canonicalExamples, modelFileName, writeModel, SHIPPED_MODELS_DIR, type ModelSource } from './cache.js';
export { loadTrainingExamples } from './training-data.js';
export { RecogniserModel } from './model.js';
