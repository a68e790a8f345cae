import fs from 'node:fs';
import path from 'node:path';
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Field encryption at rest: residents' personal data (and agents' TOTP secrets) are written as
 * AES-256-GCM ciphertext and read back as plain text, inside the store functions only.
 *
 * A sealed value is text, `enc:v1:<keyId>:<iv>:<tag>:<ciphertext>` (base64), so one text column
 * holds either form and rows written before encryption still read (a value without the prefix is
 * returned as it is). jsonb columns hold the sealed JSON text as a JSON string.
 *
 * The keyring is module state, set once by `openStore` (store/open.ts) from DATA_KEYS: one process
 * serves one deployment, and every store function reads the same keys. No keyring: nothing is
 * sealed (an in-memory test store; tests that read raw columns rely on it), and a sealed value
 * read then is an error, not garbage.
 *
 * Blind indexes (HMAC-SHA256 under a key derived from each data key, over the normalised value)
 * let equality lookups find a sealed value: a row stores the index under the current key, and a
 * lookup tries the index under every key in the ring, so a lookup keeps working across a key
 * change until `rotate-keys` rewrites the rows.
 */

export interface DataKey {
  id: string;
  key: Buffer;
}

export interface Keyring {
  /** The key new values are sealed under (the first in DATA_KEYS). */
  current: DataKey;
  /** Every key a stored value may name, current first. */
  all: DataKey[];
}

/**
 * Each field that is sealed when a keyring is set: take one out of this list to store it in
 * clear again (reads accept both forms either way).
 */
export const ENCRYPTED_FIELDS = [
  'agents.totp_secret',
  'messages.text',
  'messages.parts',
  'messages.recognition.personal',
  'contacts.phone',
  'contacts.email',
  'cases.summary',
  'cases.details',
  'cases.location',
  'referrals.summary',
  'referrals.destination',
  'referrals.details',
  'rota_entries.destination',
  'conversations.dialogue',
  'contact_claims.value',
  // Free text that can quote a resident: an agent's transfer note, a case's status note.
  'handoffs.note',
  'case_status_history.note',
  // A case event's data can quote a note or a resident's words, as the history does.
  'case_events.data',
  // A further report joined to a case (migration 017): where it was and what the resident answered.
  'case_reports.details',
  // A back-office webhook's signing secret (migration 018): whoever holds it can forge the council's events.
  'backoffice_webhooks.secret',
  // An agent's desk phone number (migration 021), dialled when they take callers on it.
  'agent_call_settings.desk_phone',
  // A call-back (migration 022): the number to call, and the agent's note of the call.
  'callbacks.phone',
  'callbacks.outcome',
  // Handoffs quote the resident (summary) and carry what the agent must know (context); feedback keeps
  // the question answered; an audit event's detail may name what a resident said or was searched by.
  'handoffs.summary',
  'handoffs.context',
  'feedback.query',
  // A resident's comment on the service (migration 030): free text, it may name them.
  'satisfaction_responses.comment',
  'audit_events.detail',
  // conversations.channel_user_id and contact_identities.channel_user_id of phone channels (sms, voice, whatsapp, phone):
  // a blind index in the column (the lookups' key), the id sealed beside it in channel_user_sealed.
  'phone_identities',
] as const;
export type EncryptedField = (typeof ENCRYPTED_FIELDS)[number];

const PREFIX = 'enc:v1:';
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

let keyring: Keyring | null = null;
let enabled: ReadonlySet<EncryptedField> = new Set(ENCRYPTED_FIELDS);

export class KeyringError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyringError';
  }
}

/**
 * Parses DATA_KEYS: `id:base64key` entries separated by commas, the first current. Each key is 32
 * random bytes (`openssl rand -base64 32`).
 */
export function parseKeyring(spec: string): Keyring {
  const all: DataKey[] = [];
  for (const entry of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const at = entry.indexOf(':');
    const id = at > 0 ? entry.slice(0, at) : '';
    if (!KEY_ID.test(id)) throw new KeyringError(`DATA_KEYS: each key is id:base64 with an id of letters, digits, _ or - (got "${id || entry.slice(0, 8)}…")`);
    const key = Buffer.from(entry.slice(at + 1), 'base64');
    if (key.length !== 32) throw new KeyringError(`DATA_KEYS: key "${id}" must be 32 bytes in base64 (openssl rand -base64 32), got ${key.length}`);
    if (all.some((k) => k.id === id)) throw new KeyringError(`DATA_KEYS: key id "${id}" appears twice`);
    all.push({ id, key });
  }
  if (!all.length) throw new KeyringError('DATA_KEYS: no key given');
  return { current: all[0], all };
}

/** A new DATA_KEYS entry: a dated id and 32 random bytes. */
export function generateKeySpec(now = new Date()): string {
  return `k${now.toISOString().slice(0, 10).replace(/-/g, '')}:${randomBytes(32).toString('base64')}`;
}

/**
 * The embedded default's keyring when DATA_KEYS is unset: the key file in the data folder
 * (`data-keys`, mode 0600), created with a new key on first start. `created` says it was made now.
 */
export function keyringFromKeyFile(dataDir: string): { keyring: Keyring; file: string; created: boolean } {
  const file = path.resolve(dataDir, 'data-keys');
  let created = false;
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, `${generateKeySpec()}\n`, { mode: 0o600, flag: 'wx' });
      created = true;
    } catch (err) {
      // Another process made it first: use theirs.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  return { keyring: parseKeyring(fs.readFileSync(file, 'utf8')), file, created };
}

/** Sets the process's keyring (null: seal nothing) and, optionally, which fields are sealed. */
export function setKeyring(ring: Keyring | null, fields: readonly EncryptedField[] = ENCRYPTED_FIELDS): void {
  keyring = ring;
  enabled = new Set(fields);
}

export function currentKeyring(): Keyring | null {
  return keyring;
}

/** Whether values of `field` are written sealed now. */
export function sealing(field: EncryptedField): boolean {
  return !!keyring && enabled.has(field);
}

export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(PREFIX);
}

/** The id of the key a sealed value is under (undefined for clear text). */
export function sealedKeyId(value: unknown): string | undefined {
  return isSealed(value) ? value.slice(PREFIX.length).split(':', 1)[0] : undefined;
}

/** The value as stored for `field`: sealed under the current key when the field is encrypted. */
export function seal(field: EncryptedField, value: string): string;
export function seal(field: EncryptedField, value: string | null): string | null;
export function seal(field: EncryptedField, value: string | null): string | null {
  if (value === null || !sealing(field) || isSealed(value)) return value;
  return sealUnder(keyring!.current, value);
}

/**
 * Random IVs cut from a pooled block of CSPRNG bytes: one `randomBytes` call per 341 seals instead of
 * one per seal (a call into OpenSSL showed in a turn's profile). Each IV is still 96 fresh random
 * bits, used once.
 */
const IV_BYTES = 12;
let ivPool = Buffer.alloc(0);
let ivOffset = 0;
function freshIv(): Buffer {
  if (ivOffset + IV_BYTES > ivPool.length) {
    ivPool = randomBytes(IV_BYTES * 341);
    ivOffset = 0;
  }
  const iv = ivPool.subarray(ivOffset, ivOffset + IV_BYTES);
  ivOffset += IV_BYTES;
  return iv;
}

function sealUnder(k: DataKey, value: string): string {
  const iv = freshIv();
  const cipher = createCipheriv('aes-256-gcm', k.key, iv);
  const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return `${PREFIX}${k.id}:${iv.toString('base64')}:${cipher.getAuthTag().toString('base64')}:${body.toString('base64')}`;
}

/** The plain value: sealed text decrypted, anything else as it is. */
export function unseal(value: string): string;
export function unseal(value: string | null): string | null;
export function unseal(value: string | null): string | null {
  if (!isSealed(value)) return value;
  const [id, iv, tag, body] = value.slice(PREFIX.length).split(':');
  const k = keyring?.all.find((x) => x.id === id);
  if (!k) throw new KeyringError(`a stored value is sealed under key "${id}", which DATA_KEYS does not hold`);
  const decipher = createDecipheriv('aes-256-gcm', k.key, Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
}

/**
 * A jsonb column's value as stored (JSON text, as `toJson` gives): when the field is encrypted,
 * the JSON string of the sealed JSON text.
 */
export function sealJson(field: EncryptedField, json: string): string {
  return sealing(field) ? JSON.stringify(seal(field, json)) : json;
}

/** A jsonb column's value as read: a sealed string becomes the value it sealed; anything else is left. */
export function unsealJson(value: unknown): unknown {
  if (isSealed(value)) return JSON.parse(unseal(value));
  if (typeof value === 'string' && value.startsWith(`"${PREFIX}`)) return JSON.parse(unseal(JSON.parse(value) as string));
  return value;
}

/** Re-seals a stored value under the current key (clear text of an encrypted field is sealed); unchanged when already current. */
export function reseal(field: EncryptedField, value: string): string {
  if (!sealing(field) || sealedKeyId(value) === keyring!.current.id) return value;
  return sealUnder(keyring!.current, unseal(value));
}

// ---- Blind indexes

/** `identity`: a channel's id for a resident (an SMS number), compared exactly as the channel gives it. */
export type BlindIndexKind = 'phone' | 'email' | 'identity';

/** Derived once per data key: HKDF on every lookup was needless work. */
const indexKeys = new WeakMap<DataKey, Buffer>();
function indexKey(k: DataKey): Buffer {
  let key = indexKeys.get(k);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', k.key, Buffer.alloc(0), 'council-assistant blind index v1', 32));
    indexKeys.set(k, key);
  }
  return key;
}

/** A value as it is compared: an e-mail lower case, a phone with only its digits and a leading +. */
export function normaliseForIndex(kind: BlindIndexKind, value: string): string {
  if (kind === 'identity') return value;
  return kind === 'email' ? value.trim().toLowerCase() : value.trim().replace(/[^\d+]/g, '');
}

function indexUnder(k: DataKey, kind: BlindIndexKind, value: string): string {
  const mac = createHmac('sha256', indexKey(k)).update(`${kind}:${normaliseForIndex(kind, value)}`).digest('base64url');
  return `${k.id}:${mac}`;
}

/** The blind index stored beside a value (under the current key); null without a keyring or a value. */
export function blindIndex(kind: BlindIndexKind, value: string | null | undefined): string | null {
  if (!keyring || !value || !normaliseForIndex(kind, value)) return null;
  return indexUnder(keyring.current, kind, value);
}

/** Every blind index a stored row for this value may carry (one per key in the ring). */
export function blindIndexCandidates(kind: BlindIndexKind, value: string): string[] {
  if (!keyring || !normaliseForIndex(kind, value)) return [];
  return keyring.all.map((k) => indexUnder(k, kind, value));
}
