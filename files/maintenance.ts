import {
  clearFileDeletions,
  currentKeyring,
  filesNotUnderKey,
  inlineFileData,
  inlineFileIds,
  markFileMoved,
  pendingFileDeletions,
  setFileKey,
  storedFile,
  unseal,
  type Db,
} from '../store/index.js';
import { objectKeyOf } from './keep.js';
import { openSealedFile, sealedFileKeyId, sealFile } from './sealing.js';
import { currentFileStorage, storageNamed } from './storage.js';

/**
 * The storage kept in step with the database: objects whose rows were deleted (retention, erasure:
 * queued by migration 016's trigger) are deleted; files from before 016 move out of the database;
 * rotate-keys reseals stored objects under the current key.
 */

const BATCH = 100;

/**
 * Deletes the objects whose rows are gone, oldest first, until none is left. An object in a
 * storage this process does not have, or whose deletion fails, stays queued for the next sweep.
 */
export async function sweepDeletedFiles(db: Db, log?: { warn: (o: object, m: string) => void }): Promise<{ deleted: number; failed: number }> {
  let deleted = 0;
  let failed = 0;
  const skipped = new Set<string>();
  for (;;) {
    const batch = (await pendingFileDeletions(db, BATCH + skipped.size)).filter((d) => !skipped.has(d.id));
    if (!batch.length) break;
    const done: string[] = [];
    for (const d of batch) {
      const storage = storageNamed(d.storage);
      try {
        if (!storage) throw new Error(`the "${d.storage}" storage is not configured here`);
        await storage.delete(d.objectKey);
        done.push(d.id);
      } catch (err) {
        failed++;
        skipped.add(d.id);
        log?.warn({ tenant: d.tenantId, objectKey: d.objectKey, err: String(err) }, 'a deleted file could not be removed from its storage yet');
      }
    }
    await clearFileDeletions(db, done);
    deleted += done.length;
  }
  return { deleted, failed };
}

/** Moves files written before migration 016 (bytes sealed in media_files.data) into the storage; returns how many moved. */
export async function moveInlineFiles(db: Db): Promise<number> {
  let moved = 0;
  const storage = currentFileStorage();
  for (let after: string | null = null; ; ) {
    const ids = await inlineFileIds(db, after, BATCH);
    if (!ids.length) break;
    for (const { id, tenantId } of ids) {
      const data = await inlineFileData(db, id);
      if (!data) continue;
      const { sealed, keyId } = sealFile(Buffer.from(unseal(data), 'base64'), tenantId, id);
      const objectKey = objectKeyOf(tenantId, id);
      await storage.put(objectKey, sealed);
      if (await markFileMoved(db, id, { storage: storage.name, objectKey, keyId }, data)) moved++;
      // Not moved by us: another process moved it (to this same key: its object stands) or the row went (the object is nobody's).
      else if (!(await storedFile(db, tenantId, id))) await storage.delete(objectKey);
    }
    after = ids[ids.length - 1].id;
  }
  return moved;
}

/**
 * Reseals every stored object not under the current data key (rotate-keys), one at a time: read,
 * opened under the key it names, sealed under the current one, written back, then its row's key
 * id updated. A crash between the two leaves an object that names its own key: still readable,
 * and done again by the next run. Returns how many objects were rewritten.
 */
export async function resealStoredFiles(db: Db, onBatch?: (done: number) => void): Promise<{ rewritten: number; missing: number }> {
  const ring = currentKeyring();
  if (!ring) return { rewritten: 0, missing: 0 };
  let rewritten = 0;
  let missing = 0;
  for (let after: string | null = null; ; ) {
    const rows = await filesNotUnderKey(db, ring.current.id, after, BATCH);
    if (!rows.length) break;
    for (const r of rows) {
      const storage = storageNamed(r.storage);
      if (!storage) throw new Error(`file ${r.id} is in the "${r.storage}" storage, which is not configured here: configure it (FILES_DIR, FILES_S3_*) and run again`);
      const stored = await storage.get(r.objectKey);
      if (!stored) {
        missing++;
        continue;
      }
      if (sealedFileKeyId(stored) !== ring.current.id) {
        const { sealed } = sealFile(openSealedFile(stored, r.tenantId, r.id), r.tenantId, r.id);
        await storage.put(r.objectKey, sealed);
        rewritten++;
      }
      await setFileKey(db, r.id, r.keyId, ring.current.id);
    }
    after = rows[rows.length - 1].id;
    onBatch?.(rewritten);
  }
  return { rewritten, missing };
}
