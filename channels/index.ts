/**
 * Channels: the seam (adapter.ts), the registry of adapters (registry.ts), one way in
 * (accept.ts) and the shared push outbox (outbox.ts). Twilio SMS and voice, WhatsApp (Meta's
 * Cloud API) and the generic signed webhook channel, are adapters; GOV.UK Notify (duty referrals) lives in notify/.
 */
export { createChannels, type Channels } from './registry.js';
export { acceptInbound, ProviderIdReused, type AcceptInput, type Accepted, type TurnOutcome } from './accept.js';
export { DeliveryError, type ChannelAdapter, type ChannelCapabilities, type ChannelStartContext, type ChannelDeps, type ChannelFactory, type Delivery } from './adapter.js';
export { degrade, pickNumbered, type DegradedMessage } from './degrade.js';
export { DELIVER_JOB } from './outbox.js';
export * from './twilio/index.js';
export * from './meta/index.js';
export * from './directline/index.js';
export * from './email/index.js';
export * from './azure-bot/index.js';
