import { sql, type ColumnType, type Kysely } from 'kysely';
import { inboundByProviderId, lockConversation, resolveConversation, withIdentityLock } from './conversations.js';
import { seal } from './crypto.js';
import { markProcessed, storeInbound, storeOutbound } from './messages.js';
import { mediaOf, type MediaFile } from './meta.js';
import type { ConversationRow, Database, Db } from './schema.js';

/**
 * Files residents sent, as kept in a file storage (files/, migration 016): the media_files row with
 * where the sealed bytes are (`storage`, `object_key`) and under which data key (`key_id`), the
 * queue of objects to delete after their rows went (`file_deletions`, filled by a trigger), the
 * moves of rows written before 016 (bytes in `data`) into the storage, key rotation of stored
 * objects, a case's files (those of its conversation), and the message a file arrives as.
 */

/** media_files as migrations 013 and 016 made it (store/meta.ts writes the rows WhatsApp media start as). */
export interface MediaFilesTable {
  id: string;
  tenant_id: string;
  conversation_id: string;
  message_id: string | null;
  channel: string;
  provider_media_id: string | null;
  status: string;
  reason: string | null;
  content_type: string;
  size_bytes: number | null;
  sha256: string | null;
  name: string | null;
  data: string | null;
  storage: string | null;
  object_key: string | null;
  key_id: string | null;
  metadata_removed: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
}
interface FileDeletionsTable {
  id: ColumnType<string, never, never>;
  tenant_id: string;
  storage: string;
  object_key: string;
  created_at: ColumnType<Date, Date | undefined, never>;
}
type FilesDatabase = Database & { media_files: MediaFilesTable; file_deletions: FileDeletionsTable };
const fd = (db: Db) => db as unknown as Kysely<FilesDatabase>;

/** Where a file's sealed bytes are: the storage's name (`folder`, `s3`, `memory`), the object's key, the data key id (null: clear). */
export interface StoredObject {
  storage: string;
  objectKey: string;
  keyId: string | null;
}

export type StoredFile = MediaFile & {
  object: StoredObject | null;
  metadataRemoved: string | null;
  /** A row written before migration 016: the file's bytes are still in the database (base64, sealed). */
  inlineData: string | null;
};

const COLUMNS = [
  'id',
  'tenant_id',
  'conversation_id',
  'message_id',
  'channel',
  'provider_media_id',
  'status',
  'reason',
  'content_type',
  'size_bytes',
  'sha256',
  'name',
  'storage',
  'object_key',
  'key_id',
  'metadata_removed',
  'created_at',
] as const;
type Row = Pick<MediaFilesTable, Exclude<(typeof COLUMNS)[number], 'created_at'>> & { created_at: Date | string };

function fileOf(row: Row, inlineData: string | null = null): StoredFile {
  return {
    ...mediaOf({ ...row, created_at: new Date(row.created_at) }),
    object: row.storage && row.object_key ? { storage: row.storage, objectKey: row.object_key, keyId: row.key_id } : null,
    metadataRemoved: row.metadata_removed,
    inlineData,
  };
}

/**
 * Records a file: kept (its object already written) or refused (no object, the reason). Once per
 * id: returns false when the id was recorded before (a retry), so the caller can drop its object.
 */
export async function recordFile(
  db: Db,
  file: Omit<MediaFile, 'createdAt'> & { object: StoredObject | null; metadataRemoved: string | null },
): Promise<boolean> {
  const inserted = await fd(db)
    .insertInto('media_files')
    .values({
      id: file.id,
      tenant_id: file.tenantId,
      conversation_id: file.conversationId,
      message_id: file.messageId,
      channel: file.channel,
      provider_media_id: file.providerMediaId,
      status: file.status,
      reason: file.reason,
      content_type: file.contentType,
      size_bytes: file.sizeBytes,
      sha256: file.sha256,
      name: file.name === null ? null : seal('messages.parts', file.name),
      data: null,
      storage: file.object?.storage ?? null,
      object_key: file.object?.objectKey ?? null,
      key_id: file.object?.keyId ?? null,
      metadata_removed: file.metadataRemoved,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return !!inserted;
}

/** One file of a council (undefined when unknown there), with where its bytes are. */
export async function storedFile(db: Db, tenant: string, id: string): Promise<StoredFile | undefined> {
  const row = await fd(db).selectFrom('media_files').select([...COLUMNS, 'data']).where('tenant_id', '=', tenant).where('id', '=', id).executeTakeFirst();
  return row && fileOf(row, row.data);
}

/** The files of a conversation, oldest first (by message, then time). */
export async function conversationFiles(db: Db, tenant: string, conversationId: string): Promise<StoredFile[]> {
  const rows = await fd(db).selectFrom('media_files').select([...COLUMNS]).where('tenant_id', '=', tenant).where('conversation_id', '=', conversationId).orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => fileOf(r));
}

/**
 * The files of each case (by case id): those of the case's conversation (cases.conversation_id)
 * and of the conversations of the reports joined to it (case_reports, migration 017: the same
 * pothole reported again on another channel), oldest first. A case made through Open311 has none
 * of its own.
 */
export async function filesOfCases(db: Db, tenant: string, caseIds: string[]): Promise<Map<string, StoredFile[]>> {
  const out = new Map<string, StoredFile[]>(caseIds.map((id) => [id, []]));
  if (!caseIds.length) return out;
  const ids = sql.join(caseIds);
  const cols = sql.join(COLUMNS.map((c) => sql.ref(`mf.${c}`)));
  const rows = await sql<Row & { case_id: string }>`
    select x.case_id, ${cols}
    from (
      select id as case_id, conversation_id from cases where tenant_id = ${tenant} and id in (${ids}) and conversation_id is not null
      union
      select case_id, conversation_id from case_reports where tenant_id = ${tenant} and case_id in (${ids}) and conversation_id is not null
    ) x
    join media_files mf on mf.conversation_id = x.conversation_id and mf.tenant_id = ${tenant}
    order by mf.created_at, mf.id`.execute(db);
  for (const r of rows.rows) out.get(r.case_id)?.push(fileOf(r));
  return out;
}

// ---- Objects whose rows were deleted (the trigger of migration 016 queues them)

export interface FileDeletion {
  id: string;
  tenantId: string;
  storage: string;
  objectKey: string;
}

export async function pendingFileDeletions(db: Db, limit: number): Promise<FileDeletion[]> {
  const rows = await fd(db).selectFrom('file_deletions').select(['id', 'tenant_id', 'storage', 'object_key']).orderBy('id').limit(limit).execute();
  return rows.map((r) => ({ id: String(r.id), tenantId: r.tenant_id, storage: r.storage, objectKey: r.object_key }));
}

/** Deletions done (the object is gone from its storage). */
export async function clearFileDeletions(db: Db, ids: string[]): Promise<void> {
  if (ids.length) await fd(db).deleteFrom('file_deletions').where('id', 'in', ids as never[]).execute();
}

/** How many objects wait to be deleted (health and tests). */
export async function countFileDeletions(db: Db): Promise<number> {
  const row = await fd(db).selectFrom('file_deletions').select(sql<string>`count(*)`.as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

// ---- Rows written before migration 016: their bytes move into the storage

/** Ids of kept files whose bytes are still in the database, by id after `after`. */
export async function inlineFileIds(db: Db, after: string | null, limit: number): Promise<{ id: string; tenantId: string }[]> {
  let q = fd(db).selectFrom('media_files').select(['id', 'tenant_id']).where('data', 'is not', null).where('object_key', 'is', null);
  if (after !== null) q = q.where('id', '>', after);
  const rows = await q.orderBy('id').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, tenantId: r.tenant_id }));
}

/** A file's inline bytes (base64, as stored: possibly sealed), if still inline. */
export async function inlineFileData(db: Db, id: string): Promise<string | null> {
  const row = await fd(db).selectFrom('media_files').select('data').where('id', '=', id).where('object_key', 'is', null).executeTakeFirst();
  return row?.data ?? null;
}

/** Points the row at its object and drops the inline bytes, if they are still the ones read (first 100 characters: key id and IV). */
export async function markFileMoved(db: Db, id: string, object: StoredObject, dataRead: string): Promise<boolean> {
  const done = await fd(db)
    .updateTable('media_files')
    .set({ storage: object.storage, object_key: object.objectKey, key_id: object.keyId, data: null })
    .where('id', '=', id)
    .where('object_key', 'is', null)
    .where(sql<boolean>`left(data, 100) = ${dataRead.slice(0, 100)}`)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) > 0;
}

// ---- Key rotation of stored objects

/** Kept files in a storage whose object is not sealed under `keyId` (an older key, or clear), by id after `after`. */
export async function filesNotUnderKey(db: Db, keyId: string, after: string | null, limit: number): Promise<({ id: string; tenantId: string } & StoredObject)[]> {
  let q = fd(db)
    .selectFrom('media_files')
    .select(['id', 'tenant_id', 'storage', 'object_key', 'key_id'])
    .where('object_key', 'is not', null)
    .where('storage', 'is not', null)
    .where((eb) => eb.or([eb('key_id', 'is', null), eb('key_id', '!=', keyId)]));
  if (after !== null) q = q.where('id', '>', after);
  const rows = await q.orderBy('id').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, tenantId: r.tenant_id, storage: r.storage!, objectKey: r.object_key!, keyId: r.key_id }));
}

/** Records the key a file's object is now sealed under (only if the row still names the key it was read with). */
export async function setFileKey(db: Db, id: string, from: string | null, to: string): Promise<boolean> {
  const done = await fd(db)
    .updateTable('media_files')
    .set({ key_id: to })
    .where('id', '=', id)
    .where((eb) => (from === null ? eb('key_id', 'is', null) : eb('key_id', '=', from)))
    .executeTakeFirst();
  return Number(done.numUpdatedRows) > 0;
}

// ---- The message a file arrives as

export interface FileMessageInput {
  tenant: string;
  channel: string;
  providerMessageId: string | null;
  /** What the transcript shows for it ("(photo sent)"). */
  text: string;
  parts: Record<string, unknown>;
  receivedAt: Date;
  /** Files already recorded (kept before their message): linked to it. */
  fileIds?: string[];
}

/** What a file message was stored in, and the conversation's latest case (the resident's report it joins). */
export interface FileMessage {
  conversation: ConversationRow;
  messageId: string;
  caseReference: string | null;
}

async function storeAnsweredFile(trx: Db, conversation: ConversationRow, input: FileMessageInput): Promise<FileMessage | null> {
  const stored = await storeInbound(trx, {
    tenant: input.tenant,
    conversationId: conversation.id,
    channel: input.channel,
    providerMessageId: input.providerMessageId,
    text: input.text,
    parts: input.parts,
    receivedAt: input.receivedAt,
  });
  if (stored.duplicate) return null;
  // Answered as it is stored: no turn (nor the recovery sweep) ever reads "(photo sent)" as words.
  await markProcessed(trx, input.tenant, String(stored.message.id), undefined);
  if (input.fileIds?.length) {
    await fd(trx).updateTable('media_files').set({ message_id: String(stored.message.id) }).where('tenant_id', '=', input.tenant).where('id', 'in', input.fileIds).execute();
  }
  await trx.updateTable('conversations').set({ last_message_at: input.receivedAt, updated_at: input.receivedAt }).where('id', '=', conversation.id).execute();
  const latest = await trx.selectFrom('cases').select('reference').where('tenant_id', '=', input.tenant).where('conversation_id', '=', conversation.id).orderBy('created_at', 'desc').limit(1).executeTakeFirst();
  return { conversation, messageId: String(stored.message.id), caseReference: latest?.reference ?? null };
}

/**
 * A file sent in a conversation the caller already holds (web chat: the conversation's token was
 * checked): stored answered under the conversation's row lock (in order with its turns), with the
 * reply `reply` chooses (none: a person holds it, and says what they will). Returns undefined for
 * an unknown conversation.
 */
export async function storeConversationFileMessage(
  db: Db,
  conversationId: string,
  input: FileMessageInput,
  reply: (m: FileMessage) => string | null,
): Promise<(FileMessage & { replyText: string | null }) | undefined> {
  return db.transaction().execute(async (trx) => {
    const conversation = await lockConversation(trx, input.tenant, conversationId);
    if (!conversation) return undefined;
    const m = await storeAnsweredFile(trx, conversation, input);
    if (!m) return undefined;
    const text = reply(m);
    if (text) await storeOutbound(trx, { tenant: input.tenant, conversationId, channel: input.channel, author: 'bot', text, parts: { text }, replyTo: m.messageId });
    return { ...m, replyText: text };
  });
}

/**
 * A file sent without words on a channel that names the resident (an MMS): stored answered once
 * (its provider id de-duplicates retries), in the identity's conversation, under its lock. The
 * reply is stored later, once the file has been fetched and checked, so it says what happened.
 * Returns null when it was stored before.
 */
export async function storeIdentityFileMessage(
  db: Db,
  identity: { channelUserId: string; reuse: (latest: ConversationRow, trx: Db) => boolean | Promise<boolean> },
  input: FileMessageInput,
): Promise<FileMessage | null> {
  const { tenant, channel } = input;
  return withIdentityLock(db, { tenant, channel, channelUserId: identity.channelUserId }, async (trx) => {
    if (input.providerMessageId && (await inboundByProviderId(trx, tenant, channel, input.providerMessageId))) return null;
    const { conversation } = await resolveConversation(trx, { tenant, channel, channelUserId: identity.channelUserId, reuse: identity.reuse });
    return storeAnsweredFile(trx, conversation, input);
  });
}
