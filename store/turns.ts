/**
 * The statements of one turn, few and folded (issue 11: a simple turn costs about what storing it
 * costs): the conversation's row lock and its unanswered messages in one statement, and what the
 * turn decided (its replies, the message marked answered, the dialogue) in one more.
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
 * The lock, the new inbound message and the ids of the unanswered ones in one statement, one row
 * (compiled once). The insert reads the locked row (the `c` CTE), so it runs once the lock is held,
 * and takes its council from the row; it returns only what the database chose (id, time), the rest
 * is what was given. The unanswered messages come as ids (almost always none: a turn answers its
 * own), read whole only when there are some. Arguments: conversation id, channel (null: the
 * conversation's), provider message id, sealed text, sealed parts, received at (null: now), then
 * the council when by tenant.
 */
function lockAndStoreQuery(byTenant: boolean): CompiledOnce<Record<string, unknown>> {
  return new CompiledOnce((db, v) => {
    const q = db
      .with('c', (d) => {
        let c = d.selectFrom('conversations').select(CONVERSATION_COLUMNS).where('id', '=', v(0));
        if (byTenant) c = c.where('tenant_id', '=', v(6));
        return c.forUpdate();
      })
      .with('i', (d) =>
        d
          .insertInto('messages')
          .columns(['tenant_id', 'conversation_id', 'channel', 'direction', 'author', 'provider_message_id', 'text', 'parts', 'status', 'created_at'])
          .expression((eb) =>
            eb
              .selectFrom('c')
              .select([
                'c.tenant_id',
                'c.id',
                sql<string>`coalesce(cast(${v(1)} as text), c.channel)`.as('channel'),
                sql<string>`'in'`.as('direction'),
                sql<string>`'resident'`.as('author'),
                sql<string | null>`cast(${v(2)} as text)`.as('provider_message_id'),
                sql<string>`cast(${v(3)} as text)`.as('text'),
                sql<unknown>`cast(${v(4)} as jsonb)`.as('parts'),
                sql<string>`'received'`.as('status'),
                sql<Date>`coalesce(cast(${v(5)} as timestamptz), now())`.as('created_at'),
              ]),
          )
          .onConflict((oc) => oc.columns(['tenant_id', 'channel', 'provider_message_id']).where('provider_message_id', 'is not', null).doNothing())
          .returning(['id', 'channel', 'created_at']),
      )
      .selectFrom('c')
      .leftJoin('contacts as k', (join) => join.onRef('k.id', '=', 'c.contact_id').onRef('k.tenant_id', '=', 'c.tenant_id'))
      .leftJoin('i', (join) => join.onTrue())
      .select(CONVERSATION_COLUMNS.map((col) => `c.${col}` as const))
      .select('k.language as k_language')
      .select(
        sql<string[] | null>`(select array_agg(m.id order by m.id) from messages m
          where m.conversation_id = c.id and m.tenant_id = c.tenant_id and m.direction = 'in' and m.processed_at is null)`.as('pending_ids'),
      )
      .select(['i.id as i_id', 'i.channel as i_channel', 'i.created_at as i_created_at']);
    return q as unknown as Compilable<Record<string, unknown>>;
  });
}
const LOCK_AND_STORE_BY_ID = lockAndStoreQuery(false);
const LOCK_AND_STORE_BY_TENANT = lockAndStoreQuery(true);

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
 * `lockWithPending` and `storeInbound` in one statement: the row lock, the unanswered messages (the
 * new one not among them) and the new message, stored under the conversation's council. `inserted`
 * is undefined when its provider id was stored before (the caller looks that one up with
 * `storeInbound`, which finds it). The caller may still refuse the message on the locked row: it
 * rolls the transaction back, and the message with it.
 */
export async function lockAndStoreInbound(db: Db, tenant: string | undefined, id: string, m: InboundToStore): Promise<(LockedConversation & { inserted: MessageRow | undefined }) | undefined> {
  const providerMessageId = m.providerMessageId === null ? null : storableText(m.providerMessageId);
  const text = storableText(m.text);
  const parts = m.parts === undefined ? null : sealParts(m.parts);
  const args: unknown[] = [id, m.channel, providerMessageId, seal('messages.text', text), parts, m.receivedAt ?? null];
  if (tenant !== undefined) args.push(tenant);
  const [row] = await (tenant === undefined ? LOCK_AND_STORE_BY_ID : LOCK_AND_STORE_BY_TENANT).execute(db, args);
  if (!row) return undefined;
  const conversation = {} as Record<string, unknown>;
  for (const col of CONVERSATION_COLUMNS) conversation[col] = row[col];
  const opened = openConversation(conversation as unknown as ConversationRow);
  const ids = row.pending_ids as (string | number)[] | null;
  const pending = ids?.length
    ? (await PENDING_BY_IDS.execute(db, [opened.tenant_id, ids.map(String)])).map((r) => openMessage(r as unknown as MessageRow))
    : [];
  let inserted: MessageRow | undefined;
  if (row.i_id != null) {
    inserted = {
      id: row.i_id,
      tenant_id: opened.tenant_id,
      conversation_id: opened.id,
      channel: row.i_channel,
      direction: 'in',
      author: 'resident',
      provider_message_id: providerMessageId,
      // The text and parts as given, not read back and decrypted: they are what was just sealed.
      text,
      parts: m.parts === undefined ? null : fromJson(toJson(m.parts)),
      recognition: null,
      status: 'received',
      reply_to: null,
      processed_at: null,
      created_at: row.i_created_at,
    } as unknown as MessageRow;
  }
  return { conversation: opened, pending, contactLanguage: (row.k_language as string | null | undefined) ?? null, inserted };
}

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
}

/**
 * The turn's writes in one statement, for `replies` replies (compiled once each: compiled-once.ts).
 * Arguments: now, recognition, tenant, message id, dialogue, conversation id, the language to save
 * (null keeps it), the language to remember on the contact (null: none), then (with replies) the
 * channel and each reply's author, text, parts and status.
 */
function recordQuery(replies: number): CompiledOnce<{ id: string }> {
  return new CompiledOnce((db, v) => {
    const base = db
      .with('answered', (d) =>
        d
          .updateTable('messages')
          .set({ processed_at: v(0), status: 'processed', recognition: v(1) })
          .where('tenant_id', '=', v(2))
          .where('id', '=', v(3))
          .returning('id'),
      )
      .with('saved', (d) =>
        d
          .updateTable('conversations')
          .set({ dialogue: v(4), updated_at: v(0), last_message_at: v(0), language: sql<string | null>`coalesce(cast(${v(6)} as text), language)` })
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
              author: v(9 + 4 * i),
              provider_message_id: null,
              text: v(10 + 4 * i),
              parts: v(11 + 4 * i),
              status: v(12 + 4 * i),
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
const RECORD_QUERIES = Array.from({ length: 9 }, (_, n) => recordQuery(n));

/** Writes a decided turn in one statement: its replies, the message marked answered, the dialogue saved. Returns the replies' ids, in order. */
export async function recordTurn(db: Db, t: TurnRecord): Promise<string[]> {
  const query = RECORD_QUERIES[t.replies.length] ?? recordQuery(t.replies.length);
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
  if (t.replies.length) args.push(t.channel);
  for (const r of t.replies) args.push(r.author, seal('messages.text', storableText(r.text)), sealParts(r.parts), r.status ?? 'stored');
  const rows = await query.execute(db, args);
  return t.replies.length ? rows.map((r) => String(r.id)) : [];
}
