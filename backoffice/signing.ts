/**
 * Webhook signing as the Standard Webhooks specification (standardwebhooks.com) has it, so a
 * receiver can use any of its libraries or the few lines in the README:
 *   webhook-id         the message id (the case event's id: the same on every retry)
 *   webhook-timestamp  seconds since the epoch when this attempt was signed
 *   webhook-signature  `v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`
 * The secret is `whsec_` and 32 random bytes in base64; the HMAC key is those bytes.
 * `verifyWebhook` is the receiver's check, with a replay window on the timestamp.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SECRET_PREFIX = 'whsec_';
/** A receiver refuses a timestamp further than this from its own clock, either way. */
export const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

export function newWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}

/** The HMAC key: the bytes a `whsec_` secret encodes (a secret without the prefix is taken as base64 too). */
function keyOf(secret: string): Buffer {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  const key = Buffer.from(encoded, 'base64');
  if (key.length < 16) throw new Error('a webhook secret must hold at least 16 bytes (whsec_ and base64)');
  return key;
}

/** `v1,<signature>` over `<id>.<timestamp>.<body>`. */
export function signWebhook(secret: string, id: string, timestamp: number, body: string | Buffer): string {
  const mac = createHmac('sha256', keyOf(secret));
  mac.update(`${id}.${timestamp}.`);
  mac.update(body);
  return `v1,${mac.digest('base64')}`;
}

/** The three headers of one attempt, signed now. */
export function webhookHeaders(secret: string, id: string, body: string, now: Date = new Date()): Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signWebhook(secret, id, timestamp, body) };
}

export class WebhookVerificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookVerificationError';
  }
}

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const record = headers as Record<string, string | string[] | undefined>;
  const key = Object.keys(record).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : record[key];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The receiver's check: the three headers are present, the timestamp is within `toleranceSeconds`
 * of `now` (a replayed request is refused once it is older), and one of the `v1` signatures in
 * `webhook-signature` (space-separated: there are two while a secret is being changed) is the
 * HMAC of `<id>.<timestamp>.<body>` over the raw body as received. Throws
 * WebhookVerificationError; returns the id (to drop a repeat) and the timestamp.
 */
export function verifyWebhook(
  secret: string,
  headers: HeaderSource,
  body: string | Buffer,
  options: { toleranceSeconds?: number; now?: Date } = {},
): { id: string; timestamp: number } {
  const id = header(headers, 'webhook-id');
  const stamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !stamp || !signatures) throw new WebhookVerificationError('missing webhook-id, webhook-timestamp or webhook-signature');
  if (!/^\d{1,12}$/.test(stamp)) throw new WebhookVerificationError('webhook-timestamp is not a number of seconds');
  const timestamp = Number(stamp);
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (Math.abs(now - timestamp) > tolerance) throw new WebhookVerificationError('webhook-timestamp is outside the replay window');
  const expected = Buffer.from(signWebhook(secret, id, timestamp, body).slice(3), 'base64');
  for (const entry of signatures.split(' ')) {
    const [version, value] = entry.split(',', 2);
    if (version !== 'v1' || !value) continue;
    const given = Buffer.from(value, 'base64');
    if (given.length === expected.length && timingSafeEqual(given, expected)) return { id, timestamp };
  }
  throw new WebhookVerificationError('no webhook-signature matches');
}
