/** Channel adapters: verify, normalise to InboundMessage, render OutboundMessage for what the channel can show, send. */
export { conversationForIdentity } from './resolve-conversation.js';
