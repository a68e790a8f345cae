/**
 * Direct Line 3.0 conversations and their activity log (migration 025): which of the assistant's
 * conversations a Direct Line client holds, and the order in which its messages became readable.
 * A message is readable once it has a number (`seq`, the client's watermark); numbers are taken
 * under the conversation's row lock in the transaction that writes them, so they commit in order
 * and a client reading "after 7" never misses an 8 that commits later.
 */
import { randomUUID } from 'node:crypto';
import type { Generated, Kysely, Transaction } from 'kysely';
import { createConversation, findOrCreateContact } from './conversations.js';
import { openMessages, storeOutbound } from './messages.js';
import { OUTBOX_SENDABLE } from './outbox.js';
import type { Database, Db, MessageRow } from './schema.js';

export const DIRECTLINE_CHANNEL = 'directline';

interface DirectLineConversationsTable {
  conversation_id: string;
  tenant_id: string;
  last_seq: Generated<number>;
  started_at: Date | null;
  created_at: Generated<Date>;
}

interface DirectLineActivitiesTable {
  conversation_id: string;
  seq: number;
  message_id: string;
  created_at: Generated<Date>;
}

type DirectLineDatabase = Database & {
  directline_conversations: DirectLineConversationsTable;
  directline_activities: DirectLineActivitiesTable;
};
type DlDb = Kysely<DirectLineDatabase> | Transaction<DirectLineDatabase>;
const dl = (db: Db) => db as unknown as DlDb;

export interface DirectLineConversation {
  conversationId: string;
  tenant: string;
  /** The resident's id on the channel (what acceptInbound resolves the conversation by). */
  channelUserId: string;
  lastSeq: number;
  startedAt: Date | null;
}

/** A readable activity: its number and the message it shows. */
export interface DirectLineActivityRow {
  seq: number;
  message: MessageRow;
}

/** Runs `fn` in a transaction (or the caller's). */
function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

/** A new Direct Line conversation: the assistant's conversation (its own contact) and its activity log, not started yet. */
export async function createDirectLineConversation(db: Db, tenant: string): Promise<DirectLineConversation> {
  return inTransaction(db, async (trx) => {
    const channelUserId = randomUUID();
    const contactId = await findOrCreateContact(trx, tenant, DIRECTLINE_CHANNEL, channelUserId);
    const conversation = await createConversation(trx, { tenant, channel: DIRECTLINE_CHANNEL, channelUserId, contactId });
    await dl(trx).insertInto('directline_conversations').values({ conversation_id: conversation.id, tenant_id: tenant }).execute();
    return { conversationId: conversation.id, tenant, channelUserId, lastSeq: 0, startedAt: null };
  });
}

/** The Direct Line conversation with this id, or undefined (an id of another channel's conversation is not one). */
export async function findDirectLineConversation(db: Db, conversationId: string): Promise<DirectLineConversation | undefined> {
  const row = await dl(db)
    .selectFrom('directline_conversations as d')
    .innerJoin('conversations as c', 'c.id', 'd.conversation_id')
    .select(['d.conversation_id', 'd.tenant_id', 'd.last_seq', 'd.started_at', 'c.channel_user_id'])
    .where('d.conversation_id', '=', conversationId)
    .executeTakeFirst();
  return row && { conversationId: row.conversation_id, tenant: row.tenant_id, channelUserId: row.channel_user_id, lastSeq: row.last_seq, startedAt: row.started_at };
}

/**
 * Starts the conversation once (`POST /conversations`): the greeting is stored as its first
 * message. Returns false when it had been started before (nothing written).
 */
export async function startDirectLineConversation(db: Db, tenant: string, conversationId: string, greeting: { text: string; parts: unknown }, now: Date): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const started = await dl(trx)
      .updateTable('directline_conversations')
      .set({ started_at: now })
      .where('conversation_id', '=', conversationId)
      .where('tenant_id', '=', tenant)
      .where('started_at', 'is', null)
      .returning('conversation_id')
      .executeTakeFirst();
    if (!started) return false;
    await storeOutbound(trx, { tenant, conversationId, channel: DIRECTLINE_CHANNEL, author: 'bot', text: greeting.text, parts: greeting.parts, replyTo: null });
    return true;
  });
}

/** Locks the conversation's log row and returns its last number. */
async function lockLog(trx: Db, tenant: string, conversationId: string): Promise<number | undefined> {
  const row = await dl(trx)
    .selectFrom('directline_conversations')
    .select('last_seq')
    .where('conversation_id', '=', conversationId)
    .where('tenant_id', '=', tenant)
    .forUpdate()
    .executeTakeFirst();
  return row?.last_seq;
}

async function append(trx: Db, conversationId: string, last: number, messageIds: string[]): Promise<number> {
  let seq = last;
  for (const id of messageIds) {
    seq += 1;
    await dl(trx).insertInto('directline_activities').values({ conversation_id: conversationId, seq, message_id: id }).execute();
  }
  return seq;
}

/**
 * Makes the resident's stored message readable (the echo Microsoft's clients wait for), once:
 * a message already in the log keeps its number. Returns its number.
 */
export async function logInbound(db: Db, tenant: string, conversationId: string, messageId: string): Promise<number | undefined> {
  return inTransaction(db, async (trx) => {
    const last = await lockLog(trx, tenant, conversationId);
    if (last === undefined) return undefined;
    const had = await dl(trx).selectFrom('directline_activities').select('seq').where('message_id', '=', messageId).executeTakeFirst();
    if (had) return had.seq;
    const seq = await append(trx, conversationId, last, [messageId]);
    await dl(trx).updateTable('directline_conversations').set({ last_seq: seq }).where('conversation_id', '=', conversationId).execute();
    return seq;
  });
}

/**
 * The Direct Line "delivery": every outbound message of the conversation not yet readable (the
 * assistant's replies, agents' messages, notices) gets the next numbers, oldest first, and is
 * marked sent, in one transaction. Returns how many became readable.
 */
export async function publishOutbound(db: Db, tenant: string, conversationId: string): Promise<number> {
  return inTransaction(db, async (trx) => {
    const last = await lockLog(trx, tenant, conversationId);
    if (last === undefined) return 0;
    const waiting = await dl(trx)
      .selectFrom('messages')
      .select('id')
      .where('tenant_id', '=', tenant)
      .where('conversation_id', '=', conversationId)
      .where('direction', '=', 'out')
      .where('status', 'in', [...OUTBOX_SENDABLE])
      .where((eb) => eb.not(eb.exists(eb.selectFrom('directline_activities as a').select('a.seq').whereRef('a.message_id', '=', 'messages.id'))))
      .orderBy('id')
      .execute();
    if (!waiting.length) return 0;
    const ids = waiting.map((w) => String(w.id));
    const seq = await append(trx, conversationId, last, ids);
    await dl(trx).updateTable('directline_conversations').set({ last_seq: seq }).where('conversation_id', '=', conversationId).execute();
    await dl(trx).updateTable('messages').set({ status: 'sent' }).where('tenant_id', '=', tenant).where('id', 'in', ids).execute();
    return ids.length;
  });
}

/** The readable activities after `afterSeq`, in order (at most `limit`). */
export async function activitiesAfter(db: Db, tenant: string, conversationId: string, afterSeq: number, limit = 200): Promise<DirectLineActivityRow[]> {
  const rows = await dl(db)
    .selectFrom('directline_activities as a')
    .innerJoin('messages as m', 'm.id', 'a.message_id')
    .selectAll('m')
    .select('a.seq as dl_seq')
    .where('a.conversation_id', '=', conversationId)
    .where('m.tenant_id', '=', tenant)
    .where('a.seq', '>', afterSeq)
    .orderBy('a.seq')
    .limit(limit)
    .execute();
  const opened = openMessages(rows.map(({ dl_seq: _seq, ...m }) => m as MessageRow));
  return opened.map((message, i) => ({ seq: rows[i].dl_seq, message }));
}

/** Direct Line conversations with outbound messages stored a while ago and still not readable (a crash between a turn and its publishing). */
export async function directLineUnpublished(db: Db, tenants: string[], olderThan: Date, limit = 200): Promise<{ tenant: string; conversationId: string }[]> {
  if (!tenants.length) return [];
  const rows = await dl(db)
    .selectFrom('messages as m')
    .innerJoin('directline_conversations as d', 'd.conversation_id', 'm.conversation_id')
    .select(['m.tenant_id', 'm.conversation_id'])
    .distinct()
    .where('m.tenant_id', 'in', tenants)
    .where('m.direction', '=', 'out')
    .where('m.status', 'in', [...OUTBOX_SENDABLE])
    .where('m.created_at', '<', olderThan)
    .limit(limit)
    .execute();
  return rows.map((r) => ({ tenant: r.tenant_id, conversationId: r.conversation_id }));
}
