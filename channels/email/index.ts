/**
 * The e-mail channel: SMTP in (a listener for the council's relay) and a signed inbound-mail
 * webhook, replies out through the council's SMTP relay via the shared push outbox.
 */
export { emailChannel } from './email-channel.js';
export { EmailConfigError, emailConfigFromEnv } from './config.js';
export { emailWindowOf } from './console-window.js';
export { signEmailWebhook } from './webhook.js';
export { stripQuoted, baseSubject } from './quotes.js';
export { renderEmail } from './render.js';
