/** Meta: the WhatsApp Cloud API channel and the Messenger and Instagram channels (one webhook, signatures, rendering, the Graph and Send APIs), their configuration, numbers and accounts. */
export {
  metaConfigFromEnv,
  messengerConfigFromEnv,
  MetaConfigError,
  DEFAULT_GRAPH_VERSION,
  GRAPH_PRODUCTION_URL,
  councilKey,
  councilTokenVar,
  councilTokenProblems,
  type MetaConfig,
  type MessengerConfig,
} from './config.js';
export { metaGraphErrorsTotal, metaMessagesSentTotal } from './metrics.js';
export { metaSignature, signedByMeta } from './signature.js';
export { councilForPhoneNumberId, phoneNumberIdsOf, residentIdOf, graphRecipientOf } from './phone-ids.js';
export { renderWhatsApp, whatsAppText, MAX_TEXT as WHATSAPP_MAX_TEXT, type WhatsAppBody, type WhatsAppRendering, type WhatsAppOption } from './whatsapp-render.js';
export { GraphError, graphRetryable, sendWhatsApp, whatsappTokenFor } from './graph-client.js';
export { pinAsText, nearestAddress, metresBetween } from './location.js';
export { readMessage, MEDIA_REPLY, UNSUPPORTED_REPLY } from './whatsapp-message.js';
export { whatsappChannel, metaRoutes } from './whatsapp-channel.js';
export { messagingWindowOf, type MessagingWindow } from './console-window.js';
export { conversationWindow, windowOf, WINDOW_MS as WHATSAPP_WINDOW_MS, type WindowState } from './whatsapp-window.js';
export { MEDIA_MAX_BYTES, sniffType, mediaKindOf } from './whatsapp-media.js';
export { whatsAppKeyword, WHATSAPP_OPT_OUT_FLAG } from './whatsapp-opt-out.js';
export { messengerChannel, instagramChannel, MESSENGER, INSTAGRAM } from './messenger-channel.js';
export { renderMessenger, messengerText, clipBytes, MESSENGER_MAX_TEXT, INSTAGRAM_MAX_TEXT_BYTES, type MessengerMessage, type MessengerRendering, type MessagingPlatform } from './messenger-render.js';
export { sendApiRetryable, sendMessengerMessage, sendSenderAction, type MessagingType } from './messenger-send.js';
export { messagingTypeFor, STANDARD_WINDOW_MS, HUMAN_AGENT_WINDOW_MS } from './messenger-window.js';
export { councilForAccountId, accountIdsOf, humanAgentTagAllowed } from './messenger-ids.js';
export { readMessagingEvent } from './messenger-message.js';
