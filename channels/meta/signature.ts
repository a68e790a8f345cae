/**
 * Meta's webhook signature: `X-Hub-Signature-256: sha256=<hex>`, the HMAC-SHA256 of the raw
 * request body bytes keyed with the app secret. It must be computed on the bytes as received:
 * Meta escapes non-ASCII as \uXXXX, so re-serialised JSON would not match.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function metaSignature(appSecret: string, rawBody: Buffer | string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

/** Constant-time check of the header against the body; false for a missing or malformed header. */
export function signedByMeta(appSecret: string, rawBody: Buffer, header: string | undefined): boolean {
  if (!appSecret || !header || !/^sha256=[0-9a-fA-F]{64}$/.test(header)) return false;
  const expected = Buffer.from(metaSignature(appSecret, rawBody).slice(7), 'hex');
  const given = Buffer.from(header.slice(7), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The verify-token comparison of the subscription handshake, in constant time. */
export function sameToken(expected: string, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const a = createHmac('sha256', 'verify-token').update(expected).digest();
  const b = createHmac('sha256', 'verify-token').update(given).digest();
  return timingSafeEqual(a, b);
}
