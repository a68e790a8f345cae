export type * from './types.js';
export { RISK_KINDS, RISK_KIND_LABELS } from './types.js';
export { buildUnderstanding, type Understanding, type TenantUnderstanding } from './understanding.js';
export { Gazetteer, extractEntities, parseSpokenReference, numberWordsToDigits, normalisePhone, normaliseEmail } from './entities/index.js';
export { formatPhone } from './entities/phone.js';
export { screenForSafety, decideSafety, topSafety, SAFETY_CLASSIFIER_THRESHOLD, SAFETY_ASK_THRESHOLD } from './safety/index.js';
export { trainIntentModel, loadOrTrainModel, loadTrainingExamples } from './recogniser/index.js';
export { loadRecogniserConfig, remoteRecogniserFromConfig, RecogniserConfigError, type RecogniserConfig } from './remote/index.js';
export { wordTable } from './word-table.js';
