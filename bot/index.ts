/** The assistant: the turn pipeline, its ports, the message model, content packs and the replies channels and the API reuse. */
export { Assistant, UnknownConversationError, UnknownTenantError, type AssistantEvent, type ReceiveResult, type TurnObserver } from './pipeline.js';
export type { TenantRuntime } from './runtime.js';
export type { Understanding, GazetteerPort, SafetyRoutes } from './ports.js';
export * from './messages.js';
export { loadContentPack, ContentPackError, type ContentPack, type PackArticle, type Settings, type Service, type Flow } from './content-pack/index.js';
export { POPULAR_TASKS, spokenNumber, greeting } from './replies.js';
export { yesNo } from './matching.js';
export type { DialogueState } from './dialogue.js';
export { topSafety, SAFETY_CLASSIFIER_THRESHOLD } from '../intents/index.js';
export { normaliseInboundText, MAX_INBOUND_CHARS } from './inbound-text.js';
export { askAfterAgentClose, mayAskByPhone, recordPhoneAsk, recordKey, PHONE_QUESTION, ratingIn } from './satisfaction.js';
