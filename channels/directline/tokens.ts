/**
 * Direct Line tokens: short-lived, signed, bound to one conversation, as Microsoft's are. A token is
 * a JWT (HS256) so clients that read its `user` claim (DirectLineJS, Web Chat) can; it is signed
 * with a key derived from its council's Direct Line secret, so changing a secret ends its tokens.
 * Claims: `tenant`, `conv` (the conversation it opens), `user` (when the site gave one), `iat`, `exp`.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface TokenClaims {
  tenant: string;
  conv: string;
  user?: string;
  iat: number;
  exp: number;
}

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: 'malformed' | 'signature' | 'expired' };

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

/** The signing key of a council's tokens: never the secret itself, so a token's signature reveals nothing of it. */
function keyOf(secret: string): Buffer {
  return createHmac('sha256', secret).update('directline-token-v1').digest();
}

export function signToken(secret: string, claims: Omit<TokenClaims, 'iat' | 'exp'>, now: Date, ttlSeconds: number): { token: string; expiresIn: number } {
  const iat = Math.floor(now.getTime() / 1000);
  const body: TokenClaims & { jti: string } = { ...claims, iat, exp: iat + ttlSeconds, jti: randomBytes(9).toString('base64url') };
  const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = b64url(JSON.stringify(body));
  const signature = createHmac('sha256', keyOf(secret)).update(`${head}.${payload}`).digest('base64url');
  return { token: `${head}.${payload}.${signature}`, expiresIn: ttlSeconds };
}

/** The council a token says it is for (unverified: only to choose the key that verifies it). */
export function tokenTenant(token: string): string | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as { tenant?: unknown };
    return typeof claims.tenant === 'string' ? claims.tenant : undefined;
  } catch {
    return undefined;
  }
}

export function verifyToken(secret: string, token: string, now: Date): TokenCheck {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'malformed' };
  const expected = createHmac('sha256', keyOf(secret)).update(`${parts[0]}.${parts[1]}`).digest();
  const given = Buffer.from(parts[2], 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'signature' };
  let claims: TokenClaims;
  try {
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as TokenClaims;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof claims.conv !== 'string' || typeof claims.tenant !== 'string' || typeof claims.exp !== 'number') return { ok: false, reason: 'malformed' };
  if (claims.exp * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}

/** Whether `given` is `secret`, in constant time. */
export function secretMatches(given: string, secret: string): boolean {
  const a = createHmac('sha256', 'directline-secret-compare').update(given).digest();
  const b = createHmac('sha256', 'directline-secret-compare').update(secret).digest();
  return timingSafeEqual(a, b);
}
