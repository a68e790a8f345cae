import { createHash, randomUUID } from 'node:crypto';
import {
  attachToConversationCases,
  conversationFiles,
  filesOfCases,
  recordFile,
  storedFile,
  unseal,
  type Db,
  type StoredFile,
} from '../store/index.js';
import { baseType, checkFile, FileRefused, kindOf, kindSentAs, sniffType, type FileKind } from './checks.js';
import { DEFAULT_LINK_TTL_SECONDS, signedFileUrl } from './links.js';
import { openSealedFile, sealFile } from './sealing.js';
import { currentFileStorage, FileStorageError, storageNamed } from './storage.js';
import { stripMetadata } from './strip.js';

/**
 * Keeping a file a resident sent, the same for every channel (web chat upload, MMS, WhatsApp):
 * checked (files/checks.ts), its metadata stripped (files/strip.ts), sealed (files/sealing.ts),
 * written to the storage, then recorded (media_files, store/media-files.ts); a refused file is
 * recorded with its reason and nothing is stored. Reading one back goes by the storage its row names.
 */

/** Where the console shows a file to agents who may see its conversation (api/console/work-routes.ts). */
export const consoleFileUrl = (id: string) => `/api/console/media/${id}`;

/** The object key of a file: its council and id, nothing about the resident. */
export const objectKeyOf = (tenant: string, fileId: string) => `${tenant}/${fileId}`;

export interface IncomingFile {
  tenant: string;
  conversationId: string;
  messageId: string | null;
  channel: string;
  /** Our id for it (an attachment may name it before it is kept); default a new one. */
  id?: string;
  providerMediaId?: string | null;
  name?: string | null;
  /** The type it was sent as (a browser's guess from the name, a provider's header). */
  declaredType?: string | null;
  bytes: Buffer;
  /** Types kept (default photos and PDF) and how to name them to the resident. */
  allowed?: readonly string[];
  allowedDescription?: string;
  /** Refuse a file that is not what it was sent as (WhatsApp, whose mime type is its own). */
  declaredMustMatch?: boolean;
}

export type KeepOutcome =
  | { status: 'stored'; id: string; kind: FileKind; contentType: string; sizeBytes: number; sha256: string; metadataRemoved: string[] }
  | { status: 'refused'; id: string; kind: FileKind; reason: string; httpStatus: 413 | 415 | 422 };

/** A file name as kept: no path, no control characters, at most 120 characters. */
export function cleanName(name: string | null | undefined): string | null {
  if (!name) return null;
  const base = name.split(/[\\/]/).pop()!.normalize('NFC').replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim();
  return base ? base.slice(0, 120) : null;
}

/**
 * Checks, cleans and keeps a file, or records why it was refused. A storage failure is thrown
 * (FileStorageError) with nothing recorded, so the file can be sent again.
 */
export async function keepFile(db: Db, f: IncomingFile): Promise<KeepOutcome> {
  const id = f.id ?? randomUUID();
  const name = cleanName(f.name);
  const base = { id, tenantId: f.tenant, conversationId: f.conversationId, messageId: f.messageId, channel: f.channel, providerMediaId: f.providerMediaId ?? null, name };
  let type: string;
  let clean: { bytes: Buffer; removed: string[] };
  try {
    type = checkFile(f.bytes, { allowed: f.allowed, allowedDescription: f.allowedDescription, declared: f.declaredType ?? undefined, declaredMustMatch: f.declaredMustMatch }).type;
    clean = stripMetadata(f.bytes, type);
  } catch (err) {
    if (!(err instanceof FileRefused)) throw err;
    return refuseFile(db, { ...base, declaredType: sniffType(f.bytes) ?? f.declaredType ?? null, sizeBytes: f.bytes.length, reason: err.reason, httpStatus: err.status });
  }
  const { sealed, keyId } = sealFile(clean.bytes, f.tenant, id);
  const storage = currentFileStorage();
  const objectKey = objectKeyOf(f.tenant, id);
  await storage.put(objectKey, sealed);
  const sha256 = createHash('sha256').update(clean.bytes).digest('hex');
  const metadataRemoved = clean.removed.length ? clean.removed.join(', ') : null;
  try {
    const recorded = await recordFile(db, { ...base, status: 'stored', reason: null, contentType: type, sizeBytes: clean.bytes.length, sha256, object: { storage: storage.name, objectKey, keyId }, metadataRemoved });
    // Recorded before under this id (a retry): the object stays only if that row names it.
    if (!recorded && !(await storedFile(db, f.tenant, id))?.object) await storage.delete(objectKey);
  } catch (err) {
    // Not recorded: the object would be nobody's.
    await storage.delete(objectKey).catch(() => undefined);
    throw err;
  }
  return { status: 'stored', id, kind: kindOf(type), contentType: type, sizeBytes: clean.bytes.length, sha256, metadataRemoved: clean.removed };
}

/** Records a file refused before (or instead of) reading it, such as one announced as too large. */
export async function refuseFile(
  db: Db,
  f: { id?: string; tenantId: string; conversationId: string; messageId: string | null; channel: string; providerMediaId?: string | null; name?: string | null; declaredType?: string | null; sizeBytes?: number | null; reason: string; httpStatus?: 413 | 415 | 422 },
): Promise<Extract<KeepOutcome, { status: 'refused' }>> {
  const id = f.id ?? randomUUID();
  const contentType = baseType(f.declaredType) || 'application/octet-stream';
  await recordFile(db, {
    id,
    tenantId: f.tenantId,
    conversationId: f.conversationId,
    messageId: f.messageId,
    channel: f.channel,
    providerMediaId: f.providerMediaId ?? null,
    status: 'refused',
    reason: f.reason,
    contentType,
    sizeBytes: f.sizeBytes ?? null,
    sha256: null,
    name: cleanName(f.name),
    object: null,
    metadataRemoved: null,
  });
  return { status: 'refused', id, kind: kindSentAs(contentType), reason: f.reason, httpStatus: f.httpStatus ?? 415 };
}

/** A file and its bytes (null when refused); undefined when the council has no such file. */
export async function openFile(db: Db, tenant: string, id: string): Promise<{ file: StoredFile; data: Buffer | null } | undefined> {
  const file = await storedFile(db, tenant, id);
  if (!file) return undefined;
  if (file.status !== 'stored') return { file, data: null };
  if (file.object) {
    const storage = storageNamed(file.object.storage);
    if (!storage) throw new FileStorageError(`file ${id} is in the "${file.object.storage}" storage, which is not configured here`, false);
    const stored = await storage.get(file.object.objectKey);
    return { file, data: stored ? openSealedFile(stored, tenant, id) : null };
  }
  // Written before migration 016 and not moved yet: its bytes are in the row.
  return { file, data: file.inlineData ? Buffer.from(unseal(file.inlineData), 'base64') : null };
}

/** The files of a case: those of its conversation (kept and refused), oldest first. */
export async function caseFiles(db: Db, tenant: string, caseId: string): Promise<StoredFile[]> {
  return (await filesOfCases(db, tenant, [caseId])).get(caseId) ?? [];
}

export { filesOfCases };

/**
 * A signed link (an hour by default) to each case's first kept photo, for Open311's `media_url`:
 * photos only, as the specification's media_url is an image and a PDF is likelier to carry personal details.
 */
export async function casePhotoLinks(db: Db, tenant: string, caseIds: string[], baseUrl: string, ttlSeconds = 3600, now = Date.now()): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const [caseId, files] of await filesOfCases(db, tenant, caseIds)) {
    const photo = files.find((f) => f.status === 'stored' && f.contentType.startsWith('image/'));
    if (photo) out.set(caseId, signedFileUrl(baseUrl, tenant, photo.id, ttlSeconds, now));
  }
  return out;
}

/**
 * Signed links to every kept file of a case (photos and documents, in the order sent): for the
 * council's own back office, which has the case's details anyway (the back-office push and API).
 */
export async function caseFileLinks(db: Db, tenant: string, caseId: string, baseUrl: string, ttlSeconds = DEFAULT_LINK_TTL_SECONDS, now = Date.now()): Promise<string[]> {
  return (await caseFiles(db, tenant, caseId)).filter((f) => f.status === 'stored').map((f) => signedFileUrl(baseUrl, tenant, f.id, ttlSeconds, now));
}

/**
 * Every kept file of the conversation onto its cases' `details.attachments` (console links, type,
 * size, checksum): after a file is kept, and after a turn made a case.
 */
export async function attachFilesToCases(db: Db, tenant: string, conversationId: string): Promise<string[]> {
  const kept = (await conversationFiles(db, tenant, conversationId)).filter((m) => m.status === 'stored');
  const attachments = kept.map((m) => ({ url: consoleFileUrl(m.id), contentType: m.contentType, ...(m.name ? { name: m.name } : {}), size: m.sizeBytes, sha256: m.sha256 }));
  return attachToConversationCases(db, tenant, conversationId, attachments);
}
