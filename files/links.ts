import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { currentKeyring, type DataKey } from '../store/index.js';

/**
 * Short-lived links to a kept file for those outside the console (a back office, an Open311
 * client): `{base}/files/v1/{council}/{file id}?expires={unix seconds}&signature={HMAC}`, the HMAC-SHA256 of
 * "v1", the council, the file id and the expiry, under a key derived from the data key (so every
 * process of a deployment signs alike, and no new secret is needed); links signed under an older
 * key in DATA_KEYS still verify until it leaves. The route (api/routes/files.ts) serves the file
 * only to a valid, unexpired link: anything else is 403.
 */

export const DEFAULT_LINK_TTL_SECONDS = 15 * 60;
/** Longest a link may live: a week. */
export const MAX_LINK_TTL_SECONDS = 7 * 24 * 3600;

const linkKeys = new WeakMap<DataKey, Buffer>();
function keyOf(k: DataKey): Buffer {
  let key = linkKeys.get(k);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', k.key, Buffer.alloc(0), 'council-assistant file links v1', 32));
    linkKeys.set(k, key);
  }
  return key;
}

/** Without a keyring (an in-memory test server) links are signed under a key of this process alone. */
const processKey = randomBytes(32);

function keys(): Buffer[] {
  const ring = currentKeyring();
  return ring ? ring.all.map(keyOf) : [processKey];
}

const mac = (key: Buffer, tenant: string, fileId: string, expires: number) => createHmac('sha256', key).update(`v1\n${tenant}\n${fileId}\n${expires}`).digest();

/** The path of a file's link (after the base URL), without its query. */
export const filePath = (tenant: string, fileId: string) => `/files/v1/${encodeURIComponent(tenant)}/${encodeURIComponent(fileId)}`;

/**
 * A link to a kept file that works for `ttlSeconds` (default 15 minutes, at most a week):
 * `baseUrl` is the server's public origin (PUBLIC_URL).
 */
export function signedFileUrl(baseUrl: string, tenant: string, fileId: string, ttlSeconds = DEFAULT_LINK_TTL_SECONDS, now = Date.now()): string {
  if (!(ttlSeconds > 0) || ttlSeconds > MAX_LINK_TTL_SECONDS) throw new RangeError(`a file link lasts 1 second to ${MAX_LINK_TTL_SECONDS} seconds (got ${ttlSeconds})`);
  const expires = Math.floor(now / 1000) + Math.ceil(ttlSeconds);
  const signature = mac(keys()[0], tenant, fileId, expires).toString('base64url');
  return `${baseUrl.replace(/\/+$/, '')}${filePath(tenant, fileId)}?expires=${expires}&signature=${signature}`;
}

export type LinkCheck = 'valid' | 'expired' | 'invalid';

/** Whether a link's expiry and signature are the server's own, and still in time. An expired link is only reported as such if its signature is good. */
export function checkFileLink(tenant: string, fileId: string, expires: unknown, signature: unknown, now = Date.now()): LinkCheck {
  if (typeof expires !== 'string' || typeof signature !== 'string' || !/^\d{1,12}$/.test(expires) || !/^[A-Za-z0-9_-]{43}$/.test(signature)) return 'invalid';
  const given = Buffer.from(signature, 'base64url');
  const at = Number(expires);
  const good = keys().some((k) => {
    const expected = mac(k, tenant, fileId, at);
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  if (!good) return 'invalid';
  return at * 1000 > now ? 'valid' : 'expired';
}
