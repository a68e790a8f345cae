/** The assistant: the turn pipeline, its ports, the message model, content packs and the replies channels and the API reuse. */
export { Assistant, UnknownConversationError, UnknownTenantError, type AssistantEvent, type MessageToConversation, type ReceiveResult, type TurnObserver } from './pipeline.js';
export { prepareLanguages, contentFor, type TenantRuntime, type LanguageContent } from './runtime.js';
export type { Understanding, GazetteerPort, SafetyRoutes } from './ports.js';
export * from './messages.js';
export { loadContentPack, localisedContent, ContentPackError, type ContentPack, type LocalisedContent, type PackArticle, type Settings, type Service, type Flow } from './content-pack/index.js';
export { POPULAR_TASKS, spokenNumber, greeting, namesIn } from './replies.js';
// Languages (issue 17): the assistant's words in English and Welsh, which languages a council offers, detection.
export { messagesIn, offeredLanguages, isBilingual, languageChoice, detectLanguage, type Messages } from './i18n/index.js';
export { yesNo } from './matching.js';
export type { DialogueState } from './dialogue.js';
export { topSafety, SAFETY_CLASSIFIER_THRESHOLD } from '../intents/index.js';
export { normaliseInboundText, MAX_INBOUND_CHARS } from './inbound-text.js';
export { askAfterAgentClose, mayAskByPhone, recordPhoneAsk, recordKey, PHONE_QUESTION, phoneQuestion, ratingIn } from './satisfaction.js';
