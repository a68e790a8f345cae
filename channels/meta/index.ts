/** Meta: the WhatsApp Cloud API channel (webhook, signatures, rendering, the Graph API), its configuration and numbers. */
export { metaConfigFromEnv, MetaConfigError, DEFAULT_GRAPH_VERSION, GRAPH_PRODUCTION_URL, type MetaConfig } from './config.js';
export { metaSignature, signedByMeta } from './signature.js';
export { councilForPhoneNumberId, phoneNumberIdsOf, residentIdOf, graphRecipientOf } from './phone-ids.js';
export { renderWhatsApp, whatsAppText, MAX_TEXT as WHATSAPP_MAX_TEXT, type WhatsAppBody, type WhatsAppRendering, type WhatsAppOption } from './whatsapp-render.js';
export { GraphError, graphRetryable, sendWhatsApp } from './graph-client.js';
export { pinAsText, nearestAddress, metresBetween } from './location.js';
export { readMessage, MEDIA_REPLY, UNSUPPORTED_REPLY } from './whatsapp-message.js';
export { whatsappChannel, metaRoutes } from './whatsapp-channel.js';
