import pino, { type Logger } from 'pino';

/** Personal data never reaches the logs: message text, contact details and tokens are redacted. */
export const REDACT_PATHS = [
  'text',
  '*.text',
  'body.text',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'token',
  '*.token',
  'phone',
  '*.phone',
  'email',
  '*.email',
  'From',
  'To',
  'Body',
];

export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    base: { service: 'council-assistant' },
  });
}
