/** Channel adapters: verify, normalise to InboundMessage, render OutboundMessage for what the channel can show, send. */
export * from './twilio/index.js';
