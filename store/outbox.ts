import { sql, type ColumnType, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import { openMessageIf, openMessages, sealParts } from './messages.js';
import { unsealJson } from './crypto.js';
import { openConversation, openIdentity } from './conversations.js';
import { msAgo } from './sql-time.js';
import type { ConversationRow, Database, Db, MessageRow, MessagesTable } from './schema.js';

/**
 * The outbox: outbound messages are rows of `messages` that a channel worker claims
 * ('dispatching' with `claimed_at`), sends, and marks sent with the provider's id in the same
 * statement. A claim older than a timeout belongs to a process that died mid-send; the sweeper
 * re-examines it (was it sent?) before anything is sent again. Also here: the unanswered inbound
 * messages the recovery sweep answers.
 */

/** Outbound statuses still waiting to be sent ('fault' is the pipeline's apology after a failed turn). */
export const OUTBOX_SENDABLE = ['stored', 'fault', 'send_retry'] as const;

type OutboxDatabase = Omit<Database, 'messages'> & {
  messages: MessagesTable & { claimed_at: ColumnType<Date | null, Date | null | undefined, Date | null> };
};
export type OutboxRow = MessageRow & { claimed_at: Date | null };

/** `claimed_at` came with migration 005; it is typed here rather than in every message row. */
function ob(db: Db): Kysely<OutboxDatabase> {
  return db as unknown as Kysely<OutboxDatabase>;
}

/**
 * Claims a sendable message for one send attempt (only one worker wins), writing `parts` (the
 * rendering and attempt count) with it; undefined when it was not in a sendable status.
 */
export async function claimOutbound(db: Db, tenant: string, id: string, parts: unknown): Promise<OutboxRow | undefined> {
  return ob(db)
    .updateTable('messages')
    .set({ status: 'dispatching', claimed_at: sql<Date>`now()`, parts: sealParts(parts) })
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .where('direction', '=', 'out')
    .where('status', 'in', [...OUTBOX_SENDABLE])
    .returningAll()
    .executeTakeFirst()
    .then(openMessageIf);
}

/**
 * Settles a claimed message: sent (status and provider id in one statement, so a recorded id
 * always means "sent"), to be retried, or failed. Only while still claimed ('dispatching').
 */
export async function settleOutbound(
  db: Db,
  tenant: string,
  id: string,
  set: { status: string; providerMessageId?: string; parts: unknown },
): Promise<OutboxRow | undefined> {
  return ob(db)
    .updateTable('messages')
    .set({
      status: set.status,
      parts: sealParts(set.parts),
      ...(set.providerMessageId ? { provider_message_id: set.providerMessageId } : {}),
    })
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .where('status', '=', 'dispatching')
    .returningAll()
    .executeTakeFirst()
    .then(openMessageIf);
}

/** Sets the status (and parts) of a message still in one of `onlyIfStatus` (suppressions, not-configured). */
export async function setOutboundStatus(db: Db, tenant: string, id: string, status: string, parts: unknown, onlyIfStatus: readonly string[]): Promise<OutboxRow | undefined> {
  return ob(db)
    .updateTable('messages')
    .set({ status, parts: sealParts(parts) })
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .where('status', 'in', [...onlyIfStatus])
    .returningAll()
    .executeTakeFirst()
    .then(openMessageIf);
}

/**
 * Outbound messages of these councils in conversations on `channel` that are `waiting` (the sweeps'
 * common part), oldest first. The waiting ones' ids are read first, all of them, through the partial
 * index messages_outbox_channel (a message carries its conversation's channel), then each row by its
 * key: web chat's replies stay `stored` for good, and the planner's choice for `order by id limit n`
 * walked every message in id order to find the few waiting (about a second per sweep at 1,000,000).
 */
function outboundOnChannel(
  db: Db,
  tenants: string[],
  channel: string,
  limit: number,
  waiting: (eb: ExpressionBuilder<OutboxDatabase, 'messages'>) => Expression<SqlBool>,
) {
  const waitingIds = ob(db)
    .selectFrom('messages')
    .select('messages.id')
    .where('messages.tenant_id', 'in', tenants)
    .where('messages.direction', '=', 'out')
    .where('messages.channel', '=', channel)
    .where(waiting);
  return ob(db)
    .selectFrom('messages')
    .innerJoin('conversations', (j) => j.onRef('conversations.id', '=', 'messages.conversation_id').onRef('conversations.tenant_id', '=', 'messages.tenant_id'))
    .selectAll('messages')
    .where(sql<SqlBool>`messages.id = any(array(${waitingIds}))`)
    .where('conversations.channel', '=', channel)
    .orderBy('messages.id')
    .limit(limit);
}

/**
 * Outbound messages of the given councils on `channel` conversations still waiting to be sent:
 * never attempted (older than `graceMs`, so the live dispatch goes first) or waiting for a retry
 * whose last claim is older than `retryAfterMs` (its job was lost).
 */
export async function unsentOutbound(
  db: Db,
  input: { tenants: string[]; channel: string; graceMs: number; retryAfterMs: number; limit: number },
): Promise<OutboxRow[]> {
  if (!input.tenants.length) return [];
  return outboundOnChannel(db, input.tenants, input.channel, input.limit, (eb) =>
    eb.or([
      eb.and([
        eb('messages.status', 'in', ['stored', 'fault']),
        eb('messages.created_at', '<', msAgo(input.graceMs)),
      ]),
      eb.and([
        eb('messages.status', '=', 'send_retry'),
        eb(sql`coalesce(messages.claimed_at, messages.created_at)`, '<', msAgo(input.retryAfterMs)),
      ]),
    ]),
  )
    .execute()
    .then(openMessages);
}

/** Messages left 'dispatching' for longer than `olderThanMs` (a process died between claim and record). */
export async function staleClaims(db: Db, input: { tenants: string[]; channel: string; olderThanMs: number; limit: number }): Promise<OutboxRow[]> {
  if (!input.tenants.length) return [];
  return outboundOnChannel(db, input.tenants, input.channel, input.limit, (eb) =>
    eb.and([eb('messages.status', '=', 'dispatching'), eb(sql`coalesce(messages.claimed_at, messages.created_at)`, '<', msAgo(input.olderThanMs))]),
  )
    .execute()
    .then(openMessages);
}

/**
 * Takes over a claim still stale now (its time is re-checked in the update and renewed, so of two
 * sweepers only one wins; comparing times in JavaScript would lose PostgreSQL's microseconds).
 */
export async function reclaimStale(db: Db, row: OutboxRow, olderThanMs: number): Promise<OutboxRow | undefined> {
  return ob(db)
    .updateTable('messages')
    .set({ claimed_at: sql<Date>`now()` })
    .where('tenant_id', '=', row.tenant_id)
    .where('id', '=', row.id)
    .where('status', '=', 'dispatching')
    .where(sql`coalesce(claimed_at, created_at)`, '<', msAgo(olderThanMs))
    .returningAll()
    .executeTakeFirst()
    .then(openMessageIf);
}

/** Which of these provider ids are already recorded on a message (a lookup must not match those). */
export async function recordedProviderIds(db: Db, tenant: string, channel: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .selectFrom('messages')
    .select('provider_message_id')
    .where('tenant_id', '=', tenant)
    .where('channel', '=', channel)
    .where('provider_message_id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.provider_message_id!));
}

/**
 * Conversations of the given councils with an inbound message stored more than `graceMs` ago and
 * never answered (the process stopped mid-turn, or the turn was never started).
 */
export async function conversationsWithUnanswered(db: Db, input: { tenants: string[]; graceMs: number; limit: number }): Promise<ConversationRow[]> {
  if (!input.tenants.length) return [];
  return db
    .selectFrom('conversations')
    .selectAll()
    .where('conversations.tenant_id', 'in', input.tenants)
    // The unanswered messages' conversations first, read in the order of the partial index
    // messages_unprocessed (so only unanswered messages are read), then each by its primary key.
    // Not `id in (subquery)`: the planner counts every outbound message (processed_at null too) as
    // possibly unanswered and then walked the whole conversations table looking for them.
    .where(
      sql<boolean>`conversations.id = any(array(${db
        .selectFrom('messages')
        .select('messages.conversation_id')
        .distinct()
        .where('messages.tenant_id', 'in', input.tenants)
        .where('messages.direction', '=', 'in')
        .where('messages.processed_at', 'is', null)
        .where('messages.created_at', '<', msAgo(input.graceMs))
        .orderBy('messages.conversation_id')
        .limit(input.limit)}))`,
    )
    // A conversation whose turn is running now holds its row lock: skip it, that turn answers it.
    .forUpdate()
    .skipLocked()
    .limit(input.limit)
    .execute()
    .then((rows) => rows.map(openConversation));
}

/** One outbound message by id. */
export async function outboundMessage(db: Db, tenant: string, id: string): Promise<MessageRow | undefined> {
  return db.selectFrom('messages').selectAll().where('tenant_id', '=', tenant).where('id', '=', id).where('direction', '=', 'out').executeTakeFirst().then(openMessageIf);
}

/** Where a conversation's messages go: its channel and the resident's id on it. */
export async function conversationAddress(db: Db, tenant: string, conversationId: string): Promise<{ channel: string; channel_user_id: string } | undefined> {
  const row = await db.selectFrom('conversations').select(['channel', 'channel_user_id', 'channel_user_sealed']).where('tenant_id', '=', tenant).where('id', '=', conversationId).executeTakeFirst();
  if (!row) return undefined;
  const { channel, channel_user_id } = openIdentity(row);
  return { channel, channel_user_id };
}

/** A conversation's outbound messages never attempted yet, oldest first (what a dispatch queues). */
export async function unattemptedOutboundIds(db: Db, tenant: string, conversationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('messages')
    .select('id')
    .where('tenant_id', '=', tenant)
    .where('conversation_id', '=', conversationId)
    .where('direction', '=', 'out')
    .where('status', 'in', ['stored', 'fault'])
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * A conversation's outbound messages waiting for their first send, oldest first (what the push
 * outbox's dispatch queues): never attempted (`claimedAt` null), or claimed once, held by their
 * channel and released since (WhatsApp's 24-hour window: store/meta.ts releaseHeld), with the time
 * of the claim they were held in.
 */
export async function queueableOutbound(db: Db, tenant: string, conversationId: string): Promise<{ id: string; claimedAt: Date | null }[]> {
  const rows = await ob(db)
    .selectFrom('messages')
    .select(['id', 'claimed_at'])
    .where('tenant_id', '=', tenant)
    .where('conversation_id', '=', conversationId)
    .where('direction', '=', 'out')
    .where('status', 'in', ['stored', 'fault'])
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, claimedAt: r.claimed_at === null ? null : new Date(r.claimed_at) }));
}

/**
 * The conversation's outbound messages before `beforeId` still unsent or being sent, oldest first:
 * a message goes out only after those before it, so a reply's parts arrive in order.
 */
export async function earlierUnsent(db: Db, row: Pick<MessageRow, 'tenant_id' | 'conversation_id' | 'id'>): Promise<MessageRow[]> {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('tenant_id', '=', row.tenant_id)
    .where('conversation_id', '=', row.conversation_id)
    .where('direction', '=', 'out')
    .where('id', '<', row.id)
    .where('status', 'in', ['stored', 'fault', 'send_retry', 'dispatching'])
    .orderBy('id')
    .execute()
    .then(openMessages);
}

/** The parts of the outbound messages answering the same inbound message after this one. */
export async function laterRepliesParts(db: Db, row: Pick<MessageRow, 'tenant_id' | 'conversation_id' | 'id' | 'reply_to'>): Promise<unknown[]> {
  if (!row.reply_to) return [];
  const rows = await db
    .selectFrom('messages')
    .select('parts')
    .where('tenant_id', '=', row.tenant_id)
    .where('conversation_id', '=', row.conversation_id)
    .where('reply_to', '=', row.reply_to)
    .where('direction', '=', 'out')
    .where('id', '>', row.id)
    .execute();
  return rows.map((r) => unsealJson(r.parts));
}

/** The outbound message a provider knows by `providerMessageId` (a status callback's subject). */
export async function outboundByProviderId(db: Db, channel: string, providerMessageId: string, tenant?: string): Promise<MessageRow | undefined> {
  let q = db.selectFrom('messages').selectAll().where('provider_message_id', '=', providerMessageId).where('channel', '=', channel).where('direction', '=', 'out');
  if (tenant) q = q.where('tenant_id', '=', tenant);
  return q.executeTakeFirst().then(openMessageIf);
}

/** Moves a message from the status it was read in to `status` (false: another writer moved it first). */
export async function advanceOutboundStatus(db: Db, row: Pick<MessageRow, 'tenant_id' | 'id' | 'status'>, status: string, parts: unknown): Promise<boolean> {
  const done = await db
    .updateTable('messages')
    .set({ status, parts: sealParts(parts) })
    .where('tenant_id', '=', row.tenant_id)
    .where('id', '=', row.id)
    .where('status', '=', row.status)
    .returning('id')
    .executeTakeFirst();
  return !!done;
}
