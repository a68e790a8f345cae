import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { currentKeyring, KeyringError, type DataKey } from '../store/index.js';

/**
 * A file's bytes sealed at rest under the data keys (DATA_KEYS, or the embedded default's key
 * file): AES-256-GCM under a key derived from the data key for files alone (HKDF), a fresh IV per
 * file, and the file's council and id as associated data, so an object copied onto another row
 * does not open. The object names its key, so it opens whatever its row says (rotate-keys rewrites
 * it under the current key). Layout: "CAF1", key id length (1 byte), key id, IV (12), tag (16),
 * ciphertext. Without a keyring (an in-memory test server) a file is kept in clear: "CAF0", bytes.
 */

const SEALED = Buffer.from('CAF1', 'latin1');
const CLEAR = Buffer.from('CAF0', 'latin1');

const fileKeys = new WeakMap<DataKey, Buffer>();
function fileKey(k: DataKey): Buffer {
  let key = fileKeys.get(k);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', k.key, Buffer.alloc(0), 'council-assistant files v1', 32));
    fileKeys.set(k, key);
  }
  return key;
}

/** The associated data binding an object to its row. */
const aadOf = (tenant: string, fileId: string) => Buffer.from(`${tenant}/${fileId}`, 'utf8');

/** The file as stored, and the key id it is under (null: clear, no keyring). */
export function sealFile(bytes: Buffer, tenant: string, fileId: string): { sealed: Buffer; keyId: string | null } {
  const ring = currentKeyring();
  if (!ring) return { sealed: Buffer.concat([CLEAR, bytes]), keyId: null };
  const k = ring.current;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', fileKey(k), iv);
  cipher.setAAD(aadOf(tenant, fileId));
  const body = Buffer.concat([cipher.update(bytes), cipher.final()]);
  const id = Buffer.from(k.id, 'utf8');
  return { sealed: Buffer.concat([SEALED, Buffer.from([id.length]), id, iv, cipher.getAuthTag(), body]), keyId: k.id };
}

export class DamagedObject extends Error {}

/** The key id a stored object is sealed under (null: clear). */
export function sealedFileKeyId(stored: Buffer): string | null {
  if (stored.subarray(0, 4).equals(CLEAR)) return null;
  if (!stored.subarray(0, 4).equals(SEALED) || stored.length < 6) throw new DamagedObject('not a stored file');
  return stored.subarray(5, 5 + stored[4]).toString('utf8');
}

/** The file's bytes: opened under the key it names (a missing key, or a changed object, is an error). */
export function openSealedFile(stored: Buffer, tenant: string, fileId: string): Buffer {
  const keyId = sealedFileKeyId(stored);
  if (keyId === null) return stored.subarray(4);
  const k = currentKeyring()?.all.find((x) => x.id === keyId);
  if (!k) throw new KeyringError(`a stored file is sealed under key "${keyId}", which DATA_KEYS does not hold`);
  const at = 5 + stored[4];
  if (stored.length < at + 28) throw new DamagedObject('stored file is truncated');
  const decipher = createDecipheriv('aes-256-gcm', fileKey(k), stored.subarray(at, at + 12));
  decipher.setAAD(aadOf(tenant, fileId));
  decipher.setAuthTag(stored.subarray(at + 12, at + 28));
  try {
    return Buffer.concat([decipher.update(stored.subarray(at + 28)), decipher.final()]);
  } catch {
    throw new DamagedObject('stored file does not open: changed, or not this file');
  }
}
