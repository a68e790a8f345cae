import { sql, type Kysely, type Selectable } from 'kysely';
import { identityKeys } from './conversations.js';
import { seal, sealJson, unseal, unsealJson } from './crypto.js';
import { fromJson, toJson } from './json.js';
import type { MediaFilesTable } from './media-files.js';
import { openMessageIf, sealParts } from './messages.js';
import type { Database, Db, MessageRow } from './schema.js';

/**
 * What Meta's channels (channels/meta) keep and read beyond a message: the resident's last message
 * (WhatsApp's 24-hour customer-service window is measured from it), outbound messages held until
 * the resident opens that window again (and the one template asking them to), the latest case
 * reference a template names, and files residents sent (migration 013: media_files), attached to
 * their conversation's cases.
 */

/** An outbound message waiting for the resident to write (outside the window): not sendable, never swept, released by their next message. */
export const HELD_FOR_WINDOW = 'awaiting_window';

type MetaDatabase = Database & { media_files: MediaFilesTable };
const md = (db: Db) => db as unknown as Kysely<MetaDatabase>;

/** The identity's latest conversation: every message of a channel identity lands in it (a new one is only made for a message). */
function latestConversationId(db: Db, tenant: string, channel: string, channelUserId: string) {
  return db
    .selectFrom('conversations')
    .select('id')
    .where('tenant_id', '=', tenant)
    .where('channel', '=', channel)
    .where('channel_user_id', 'in', identityKeys(channel, channelUserId))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1);
}

/** The resident's latest message on the channel (its time, and its parts, which may carry the platform's own timestamp). */
export async function lastInboundOf(db: Db, tenant: string, channel: string, channelUserId: string): Promise<{ createdAt: Date; parts: unknown } | undefined> {
  const row = await db
    .selectFrom('messages')
    .select(['created_at', 'parts'])
    .where('tenant_id', '=', tenant)
    .where(sql<boolean>`conversation_id = (${latestConversationId(db, tenant, channel, channelUserId)})`)
    .where('direction', '=', 'in')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && { createdAt: new Date(row.created_at), parts: row.parts == null ? null : unsealJson(row.parts) };
}

/** The conversations of a channel identity (every form of its stored id). */
function identityConversations(db: Db, tenant: string, channel: string, channelUserId: string) {
  return db.selectFrom('conversations').select('id').where('tenant_id', '=', tenant).where('channel', '=', channel).where('channel_user_id', 'in', identityKeys(channel, channelUserId));
}

/**
 * Holds a claimed outbound message (still 'dispatching', so a stale claim taken over by another
 * worker is not held twice) until the resident writes; stores `template` beside it when the
 * resident has no held message yet, so one re-engagement template asks for all that waits. Under
 * the conversation's row lock: two messages held at once store one template. Returns what it did.
 */
export async function holdForWindow(
  db: Db,
  input: { tenant: string; conversationId: string; messageId: string; parts: unknown; channel: string; channelUserId: string; template: { text: string; parts: unknown } | null },
): Promise<{ held: boolean; templateId?: string }> {
  return db.transaction().execute(async (trx) => {
    await trx.selectFrom('conversations').select('id').where('tenant_id', '=', input.tenant).where('id', '=', input.conversationId).forUpdate().executeTakeFirst();
    const waiting = await trx
      .selectFrom('messages')
      .select('id')
      .where('tenant_id', '=', input.tenant)
      .where('conversation_id', 'in', identityConversations(trx, input.tenant, input.channel, input.channelUserId))
      .where('direction', '=', 'out')
      .where('status', '=', HELD_FOR_WINDOW)
      .limit(1)
      .executeTakeFirst();
    const held = await trx
      .updateTable('messages')
      .set({ status: HELD_FOR_WINDOW, parts: sealParts(input.parts) })
      .where('tenant_id', '=', input.tenant)
      .where('id', '=', input.messageId)
      .where('status', '=', 'dispatching')
      .returning('id')
      .executeTakeFirst();
    if (!held) return { held: false };
    if (waiting || !input.template) return { held: true };
    const template = await trx
      .insertInto('messages')
      .values({
        tenant_id: input.tenant,
        conversation_id: input.conversationId,
        channel: input.channel,
        direction: 'out',
        author: 'system',
        provider_message_id: null,
        text: seal('messages.text', input.template.text),
        parts: sealParts(input.template.parts),
        status: 'stored',
        reply_to: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { held: true, templateId: String(template.id) };
  });
}

/** The resident wrote: their held messages become sendable again, oldest first; returns their conversations (to dispatch). */
export async function releaseHeld(db: Db, tenant: string, channel: string, channelUserId: string): Promise<string[]> {
  const rows = await db
    .updateTable('messages')
    .set({ status: 'stored' })
    .where('tenant_id', '=', tenant)
    .where('conversation_id', 'in', identityConversations(db, tenant, channel, channelUserId))
    .where('direction', '=', 'out')
    .where('status', '=', HELD_FOR_WINDOW)
    .returning('conversation_id')
    .execute();
  return [...new Set(rows.map((r) => r.conversation_id))];
}

/** One outbound message as stored now (its parts opened). */
export async function outboundRow(db: Db, tenant: string, id: string): Promise<MessageRow | undefined> {
  return db.selectFrom('messages').selectAll().where('tenant_id', '=', tenant).where('id', '=', id).where('direction', '=', 'out').executeTakeFirst().then(openMessageIf);
}

/** The reference of the conversation's latest case, if it has one. */
export async function latestCaseReference(db: Db, tenant: string, conversationId: string): Promise<string | undefined> {
  const row = await db.selectFrom('cases').select('reference').where('tenant_id', '=', tenant).where('conversation_id', '=', conversationId).orderBy('created_at', 'desc').limit(1).executeTakeFirst();
  return row?.reference;
}

// ---- Files residents sent

export interface MediaFile {
  id: string;
  tenantId: string;
  conversationId: string;
  messageId: string | null;
  channel: string;
  providerMediaId: string | null;
  /** 'stored' (data kept) or 'refused' (a check failed: `reason`). */
  status: 'stored' | 'refused';
  reason: string | null;
  contentType: string;
  sizeBytes: number | null;
  sha256: string | null;
  name: string | null;
  createdAt: Date;
}

const MEDIA_COLUMNS = ['id', 'tenant_id', 'conversation_id', 'message_id', 'channel', 'provider_media_id', 'status', 'reason', 'content_type', 'size_bytes', 'sha256', 'name', 'created_at'] as const;

/** A media_files row as a file's description (store/media-files.ts adds where its bytes are). */
export function mediaOf(row: Pick<Selectable<MediaFilesTable>, (typeof MEDIA_COLUMNS)[number]>): MediaFile {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    conversationId: row.conversation_id,
    messageId: row.message_id === null ? null : String(row.message_id),
    channel: row.channel,
    providerMediaId: row.provider_media_id,
    status: row.status === 'stored' ? 'stored' : 'refused',
    reason: row.reason,
    contentType: row.content_type,
    sizeBytes: row.size_bytes === null ? null : Number(row.size_bytes),
    sha256: row.sha256,
    name: row.name === null ? null : unseal(row.name),
    createdAt: new Date(row.created_at),
  };
}

/** A file and its bytes (undefined when unknown in this council; no bytes when it was refused). */
export async function mediaFile(db: Db, tenant: string, id: string): Promise<(MediaFile & { data: Buffer | null }) | undefined> {
  const row = await md(db).selectFrom('media_files').select([...MEDIA_COLUMNS, 'data']).where('tenant_id', '=', tenant).where('id', '=', id).executeTakeFirst();
  return row && { ...mediaOf(row), data: row.data === null ? null : Buffer.from(unseal(row.data), 'base64') };
}

/** The files of a conversation, oldest first, without their bytes. */
export async function conversationMedia(db: Db, tenant: string, conversationId: string): Promise<MediaFile[]> {
  const rows = await md(db).selectFrom('media_files').select([...MEDIA_COLUMNS]).where('tenant_id', '=', tenant).where('conversation_id', '=', conversationId).orderBy('created_at').orderBy('id').execute();
  return rows.map(mediaOf);
}

/**
 * Adds attachments (`{ url, ... }`, told apart by url) to `details.attachments` of every case of
 * the conversation; each case row is locked while its details are rewritten. Returns the references changed.
 */
export async function attachToConversationCases(db: Db, tenant: string, conversationId: string, attachments: { url: string }[]): Promise<string[]> {
  if (!attachments.length) return [];
  return db.transaction().execute(async (trx) => {
    const cases = await trx.selectFrom('cases').select(['id', 'reference', 'details']).where('tenant_id', '=', tenant).where('conversation_id', '=', conversationId).forUpdate().execute();
    const changed: string[] = [];
    for (const c of cases) {
      const details = (fromJson<Record<string, unknown> | null>(unsealJson(c.details)) ?? {}) as Record<string, unknown>;
      const existing = Array.isArray(details.attachments) ? (details.attachments as { url?: unknown }[]) : [];
      const fresh = attachments.filter((a) => !existing.some((e) => e?.url === a.url));
      if (!fresh.length) continue;
      await trx
        .updateTable('cases')
        .set({ details: sealJson('cases.details', toJson({ ...details, attachments: [...existing, ...fresh] })), updated_at: new Date() })
        .where('tenant_id', '=', tenant)
        .where('id', '=', c.id)
        .execute();
      changed.push(c.reference);
    }
    return changed;
  });
}
