/**
 * The statements of one turn, few and folded (issue 11: a simple turn costs about what storing it
 * costs): the conversation's row lock and its unanswered messages in one statement, and what the
 * turn decided (its replies, the message inserted or marked answered, the dialogue) in one more.
 * A simple turn writes each row once where it can: its new message is inserted already answered,
 * and the conversation's update changes no indexed column (a HOT update; migration 034).
 */
import { seal, sealJson } from './crypto.js';
import { fromJson, storableText, toJson } from './json.js';
import { MESSAGE_COLUMNS, openMessage, sealParts, sealRecognition } from './messages.js';
import { openConversation } from './conversations.js';
import { sql, type Compilable } from 'kysely';
import { CompiledOnce } from './compiled-once.js';
import type { ConversationRow, Db, MessageRow } from './schema.js';

export interface LockedConversation {
  conversation: ConversationRow;
  /** Inbound messages not yet answered, oldest first. */
  pending: MessageRow[];
  /** The language remembered on the resident's contact (migration 032), read with the lock; null when none. */
  contactLanguage: string | null;
}

/**
 * The conversation's columns by name, not `c.*`: a named prepared statement (prepared-statements.ts)
 * keeps its result shape when a later migration adds a column.
 */
const CONVERSATION_COLUMNS = [
  'id',
  'tenant_id',
  'contact_id',
  'channel',
  'channel_user_id',
  'channel_user_sealed',
  'state',
  'token_hash',
  'dialogue',
  'created_at',
  'updated_at',
  'last_message_at',
  'closed_at',
  'language',
] as const;

/** The lock-and-pending statement, by id alone or by tenant and id (compiled once: compiled-once.ts). */
function lockQuery(byTenant: boolean): CompiledOnce<Record<string, unknown>> {
  return new CompiledOnce((db, v) => {
    let q = db
      .selectFrom('conversations as c')
      .leftJoin('messages as m', (join) =>
        join.onRef('m.conversation_id', '=', 'c.id').onRef('m.tenant_id', '=', 'c.tenant_id').on('m.direction', '=', 'in').on('m.processed_at', 'is', null),
      )
      // The contact's remembered language comes with the lock: no statement of its own.
      .leftJoin('contacts as k', (join) => join.onRef('k.id', '=', 'c.contact_id').onRef('k.tenant_id', '=', 'c.tenant_id'))
      .select(CONVERSATION_COLUMNS.map((col) => `c.${col}` as const))
      .select('k.language as k_language')
      .select(MESSAGE_COLUMNS.map((col) => `m.${col} as m_${col}` as const))
      .where('c.id', '=', v(0))
      .orderBy('m.id')
      .forUpdate(['c']);
    if (byTenant) q = q.where('c.tenant_id', '=', v(1));
    return q as unknown as Compilable<Record<string, unknown>>;
  });
}
const LOCK_BY_ID = lockQuery(false);
const LOCK_BY_TENANT = lockQuery(true);

/**
 * Takes the conversation's row lock for the rest of the transaction (one turn at a time, across
 * processes) and reads its unanswered inbound messages with it. `tenant` undefined: by id alone
 * (the caller then checks the row, e.g. its token, before writing anything).
 */
export async function lockWithPending(db: Db, tenant: string | undefined, id: string): Promise<LockedConversation | undefined> {
  const rows = tenant === undefined ? await LOCK_BY_ID.execute(db, [id]) : await LOCK_BY_TENANT.execute(db, [id, tenant]);
  if (!rows.length) return undefined;
  const conversation = {} as Record<string, unknown>;
  const pending: MessageRow[] = [];
  for (const [key, value] of Object.entries(rows[0])) if (!key.startsWith('m_') && key !== 'k_language') conversation[key] = value;
  for (const row of rows) {
    if (row.m_id == null) continue;
    const message = {} as Record<string, unknown>;
    for (const col of MESSAGE_COLUMNS) message[col] = row[`m_${col}`];
    pending.push(openMessage(message as unknown as MessageRow));
  }
  return { conversation: openConversation(conversation as unknown as ConversationRow), pending, contactLanguage: (rows[0].k_language as string | null | undefined) ?? null };
}

/**
 * The lock, a replay check and the ids of the unanswered messages in one statement, one row
 * (compiled once): nothing is written but the row lock. The new message is not stored here: the
 * turn's record statement inserts it already answered (`recordTurn` with `inbound`), so a simple
 * turn never updates it (issue 11: an insert then an update in one transaction is a second version
 * of the row and new entries in every index). Its id is taken from the sequence here, after the
 * lock, so ids keep the order of turns. `replay_id`: a message with the same provider id stored
 * before (the caller then looks it up with `storeInbound`). Arguments: conversation id, channel
 * (null: the conversation's), provider message id, received at (null: now), then the council when
 * by tenant.
 */
function lockForInboundQuery(byTenant: boolean): CompiledOnce<Record<string, unknown>> {
  return new CompiledOnce((db, v) => {
    const q = db
      .with('c', (d) => {
        let c = d.selectFrom('conversations').select(CONVERSATION_COLUMNS).where('id', '=', v(0));
        if (byTenant) c = c.where('tenant_id', '=', v(4));
        return c.forUpdate();
      })
      .selectFrom('c')
      .leftJoin('contacts as k', (join) => join.onRef('k.id', '=', 'c.contact_id').onRef('k.tenant_id', '=', 'c.tenant_id'))
      .select(CONVERSATION_COLUMNS.map((col) => `c.${col}` as const))
      .select('k.language as k_language')
      .select(
        sql<string[] | null>`(select array_agg(m.id order by m.id) from messages m
          where m.conversation_id = c.id and m.tenant_id = c.tenant_id and m.direction = 'in' and m.processed_at is null)`.as('pending_ids'),
      )
      .select(
        sql<string | null>`(select m.id from messages m
          where m.tenant_id = c.tenant_id and m.channel = coalesce(cast(${v(1)} as text), c.channel) and m.provider_message_id = cast(${v(2)} as text))`.as('replay_id'),
      )
      .select([
        sql<string>`nextval('messages_id_seq')`.as('i_id'),
        sql<string>`coalesce(cast(${v(1)} as text), c.channel)`.as('i_channel'),
        sql<Date>`coalesce(cast(${v(3)} as timestamptz), now())`.as('i_created_at'),
      ]);
    return q as unknown as Compilable<Record<string, unknown>>;
  });
}
const LOCK_FOR_INBOUND_BY_ID = lockForInboundQuery(false);
const LOCK_FOR_INBOUND_BY_TENANT = lockForInboundQuery(true);

/** Unanswered inbound messages by id (the rare turn that finds some), oldest first (compiled once). */
const PENDING_BY_IDS = new CompiledOnce<Record<string, unknown>>(
  (db, v) =>
    db
      .selectFrom('messages')
      .select(MESSAGE_COLUMNS)
      .where('tenant_id', '=', v(0))
      .where('id', '=', sql<string>`any(cast(${v(1)} as bigint[]))`)
      .where('processed_at', 'is', null)
      .orderBy('id') as unknown as Compilable<Record<string, unknown>>,
);

export interface InboundToStore {
  /** null: the conversation's own channel. */
  channel: string | null;
  providerMessageId: string | null;
  text: string;
  parts?: unknown;
  receivedAt?: Date;
}

/**
 * The new message of a turn, not stored yet: its id (taken from the sequence under the lock) and
 * what `recordTurn` (`inbound`) or `storeLockedInbound` writes.
 */
export type UnsavedInbound = MessageRow & { unsaved: true };

/**
 * The row lock, the unanswered messages (the new one not among them) and the new message with its
 * id, in one statement that writes nothing. `inbound` is undefined when its provider id was stored
 * before (the caller looks that one up with `storeInbound`, which finds it). The new message is
 * written by the turn that answers it (`recordTurn`, already processed) or, if something must read
 * it first, by `storeLockedInbound`; a refusal on the locked row or a failed turn leaves nothing.
 */
export async function lockForInbound(db: Db, tenant: string | undefined, id: string, m: InboundToStore): Promise<(LockedConversation & { inbound: UnsavedInbound | undefined }) | undefined> {
  const providerMessageId = m.providerMessageId === null ? null : storableText(m.providerMessageId);
  const args: unknown[] = [id, m.channel, providerMessageId, m.receivedAt ?? null];
  if (tenant !== undefined) args.push(tenant);
  const [row] = await (tenant === undefined ? LOCK_FOR_INBOUND_BY_ID : LOCK_FOR_INBOUND_BY_TENANT).execute(db, args);
  if (!row) return undefined;
  const conversation = {} as Record<string, unknown>;
  for (const col of CONVERSATION_COLUMNS) conversation[col] = row[col];
  const opened = openConversation(conversation as unknown as ConversationRow);
  const ids = row.pending_ids as (string | number)[] | null;
  const pending = ids?.length
    ? (await PENDING_BY_IDS.execute(db, [opened.tenant_id, ids.map(String)])).map((r) => openMessage(r as unknown as MessageRow))
    : [];
  let inbound: UnsavedInbound | undefined;
  if (row.replay_id == null) {
    inbound = {
      id: row.i_id,
      tenant_id: opened.tenant_id,
      conversation_id: opened.id,
      channel: row.i_channel,
      direction: 'in',
      author: 'resident',
      provider_message_id: providerMessageId,
      text: storableText(m.text),
      parts: m.parts === undefined ? null : fromJson(toJson(m.parts)),
      recognition: null,
      status: 'received',
      reply_to: null,
      processed_at: null,
      created_at: row.i_created_at,
      unsaved: true,
    } as unknown as UnsavedInbound;
  }
  return { conversation: opened, pending, contactLanguage: (row.k_language as string | null | undefined) ?? null, inbound };
}

/**
 * Stores a message from `lockForInbound` as received (not answered yet), with its id, for a turn
 * whose decision reads the conversation's messages (it must find this one among them) or writes
 * more than its replies. One statement; the turn then records with an update, as for a message
 * stored before its turn.
 */
const STORE_LOCKED_INBOUND = new CompiledOnce<Record<string, unknown>>(
  (db, v) =>
    db.insertInto('messages').values({
      id: v(0),
      tenant_id: v(1),
      conversation_id: v(2),
      channel: v(3),
      direction: 'in',
      author: 'resident',
      provider_message_id: v(4),
      text: v(5),
      parts: v(6),
      status: 'received',
      created_at: v(7),
    }) as unknown as Compilable<Record<string, unknown>>,
);

export async function storeLockedInbound(db: Db, m: UnsavedInbound): Promise<MessageRow> {
  await STORE_LOCKED_INBOUND.execute(db, [m.id, m.tenant_id, m.conversation_id, m.channel, m.provider_message_id, seal('messages.text', m.text), m.parts === null ? null : sealParts(m.parts), m.created_at]);
  const { unsaved: _, ...stored } = m;
  return stored as MessageRow;
}

/**
 * A turn moves `conversations.updated_at` only when it is older than this (issue 11): the report
 * facts' refresh, which finds changed conversations by it, reads this much further back
 * (store/reports.ts). `last_message_at` is exact.
 */
export const UPDATED_AT_STEP_MS = 5 * 60_000;

export interface TurnRecord {
  tenant: string;
  conversationId: string;
  messageId: string;
  channel: string;
  recognition: unknown;
  dialogue: unknown;
  replies: { author: 'bot' | 'system'; text: string; parts: unknown; status?: string }[];
  now: Date;
  /** The turn's language, saved as the conversation's (undefined or null: kept as it is). */
  language?: string | null;
  /** Also remember it on the resident's contact, for their next conversation (a choice, or a confident detection). */
  rememberLanguage?: boolean;
  /** The message answered, not stored yet (`lockForInbound`): inserted already processed, instead of updated. */
  inbound?: UnsavedInbound;
}

/**
 * The turn's writes in one statement, for `replies` replies (compiled once each: compiled-once.ts).
 * Arguments: now, recognition, tenant, message id, dialogue, conversation id, the language to save
 * (null keeps it), the language to remember on the contact (null: none), then (with replies or
 * `insert`) the channel, then (`insert`: the message is new, inserted answered rather than updated)
 * its provider id, sealed text, sealed parts and time, then each reply's author, text, parts and
 * status. The replies' `reply_to` names the message inserted by the same statement: the foreign
 * key is checked at its end.
 */
function recordQuery(replies: number, insert: boolean): CompiledOnce<{ id: string }> {
  const first = insert ? 13 : 9;
  return new CompiledOnce((db, v) => {
    const base = db
      .with('answered', (d) =>
        insert
          ? d
              .insertInto('messages')
              .values({
                id: v(3),
                tenant_id: v(2),
                conversation_id: v(5),
                channel: v(8),
                direction: 'in',
                author: 'resident',
                provider_message_id: v(9),
                text: v(10),
                parts: v(11),
                recognition: v(1),
                status: 'processed',
                processed_at: v(0),
                created_at: v(12),
              })
              .returning('id')
          : d
              .updateTable('messages')
              .set({ processed_at: v(0), status: 'processed', recognition: v(1) })
              .where('tenant_id', '=', v(2))
              .where('id', '=', v(3))
              .returning('id'),
      )
      .with('saved', (d) =>
        d
          .updateTable('conversations')
          // `updated_at` is indexed (conversations_updated): moved only when older than UPDATED_AT_STEP_MS, so
          // most turns leave every indexed column alone and the update is HOT (no new index entries).
          .set({
            dialogue: v(4),
            updated_at: sql<Date>`case when updated_at < cast(${v(0)} as timestamptz) - ${sql.raw(`interval '${UPDATED_AT_STEP_MS / 1000} seconds'`)} then cast(${v(0)} as timestamptz) else updated_at end`,
            last_message_at: v(0),
            language: sql<string | null>`coalesce(cast(${v(6)} as text), language)`,
          })
          .where('tenant_id', '=', v(2))
          .where('id', '=', v(5))
          .returning(['id', 'contact_id']),
      )
      // The resident's remembered language, in the same statement (no row when there is nothing to remember).
      .with('remembered', (d) =>
        d
          .updateTable('contacts')
          .set({ language: sql<string>`cast(${v(7)} as text)`, updated_at: v(0) })
          .where('tenant_id', '=', v(2))
          .where('id', '=', (q) => q.selectFrom('saved').select('saved.contact_id'))
          .where(sql<boolean>`cast(${v(7)} as text) is not null`)
          .where(sql<boolean>`language is distinct from cast(${v(7)} as text)`)
          .returning('id'),
      );
    if (!replies) return base.selectFrom('answered').select('id') as unknown as Compilable<{ id: string }>;
    return base
      .with('replies', (d) =>
        d
          .insertInto('messages')
          .values(
            Array.from({ length: replies }, (_, i) => ({
              tenant_id: v(2),
              conversation_id: v(5),
              channel: v(8),
              direction: 'out' as const,
              author: v(first + 4 * i),
              provider_message_id: null,
              text: v(first + 1 + 4 * i),
              parts: v(first + 2 + 4 * i),
              status: v(first + 3 + 4 * i),
              reply_to: v(3),
            })),
          )
          .returning('id'),
      )
      .selectFrom('replies')
      .select('id')
      .orderBy('id') as unknown as Compilable<{ id: string }>;
  });
}

/** One compiled statement per number of replies, up to this many (a turn gives one to three). */
const RECORD_QUERIES = Array.from({ length: 9 }, (_, n) => recordQuery(n, false));
const RECORD_INSERTING_QUERIES = Array.from({ length: 9 }, (_, n) => recordQuery(n, true));

/**
 * Writes a decided turn in one statement: its replies, the message marked answered (or, with
 * `inbound`, inserted answered), the dialogue saved. Returns the replies' ids, in order.
 */
export async function recordTurn(db: Db, t: TurnRecord): Promise<string[]> {
  const insert = t.inbound !== undefined;
  const query = (insert ? RECORD_INSERTING_QUERIES : RECORD_QUERIES)[t.replies.length] ?? recordQuery(t.replies.length, insert);
  const args: unknown[] = [
    t.now,
    t.recognition === undefined ? null : sealRecognition(t.recognition),
    t.tenant,
    t.messageId,
    sealJson('conversations.dialogue', toJson(t.dialogue)),
    t.conversationId,
    t.language ?? null,
    t.rememberLanguage && t.language ? t.language : null,
  ];
  if (t.replies.length || t.inbound) args.push(t.channel);
  if (t.inbound) {
    const m = t.inbound;
    args.push(m.provider_message_id, seal('messages.text', m.text), m.parts === null ? null : sealParts(m.parts), m.created_at);
  }
  for (const r of t.replies) args.push(r.author, seal('messages.text', storableText(r.text)), sealParts(r.parts), r.status ?? 'stored');
  const rows = await query.execute(db, args);
  return t.replies.length ? rows.map((r) => String(r.id)) : [];
}
