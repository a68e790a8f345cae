export { Assistant, UnknownTenantError, type AssistantEvent, type ReceiveResult, type TurnObserver } from './pipeline.js';
export type { TenantRuntime } from './runtime.js';
export type { Understanding, GazetteerPort } from './ports.js';
export * from './messages.js';
export { loadContentPack, ContentPackError, type ContentPack, type PackArticle, type Settings, type Service, type Flow } from './content-pack/index.js';
export { POPULAR_TASKS, spokenNumber } from './replies.js';
export type { DialogueState } from './dialogue.js';
export { topSafety, SAFETY_CLASSIFIER_THRESHOLD } from '../intents/index.js';
export { normaliseInboundText, MAX_INBOUND_CHARS } from './inbound-text.js';
