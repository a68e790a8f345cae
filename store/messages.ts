import { sql, type Compilable } from 'kysely';
import { CompiledOnce } from './compiled-once.js';
import { isSealed, seal, sealing, sealJson, unseal, unsealJson } from './crypto.js';
import { fromJson, storableText, toJson } from './json.js';
import type { Db, MessageRow } from './schema.js';

/** A message's columns by name (MessageRow), for statements whose result shape must not follow a migration's new column. */
export const MESSAGE_COLUMNS = [
  'id',
  'tenant_id',
  'conversation_id',
  'channel',
  'direction',
  'author',
  'provider_message_id',
  'text',
  'parts',
  'recognition',
  'status',
  'reply_to',
  'processed_at',
  'created_at',
] as const;

export interface StoredInbound {
  message: MessageRow;
  /** True when the provider message id had been stored before: acknowledge and drop. */
  duplicate: boolean;
}

/**
 * The inbound insert (compiled once: compiled-once.ts), with or without the time it was received.
 * Arguments: tenant, conversation, channel, provider message id, text, parts (, received at).
 */
function insertInboundQuery(receivedAt: boolean): CompiledOnce<Omit<MessageRow, 'text' | 'parts'>> {
  return new CompiledOnce((db, v) =>
    db
      .insertInto('messages')
      .values({
        tenant_id: v(0),
        conversation_id: v(1),
        channel: v(2),
        direction: 'in',
        author: 'resident',
        provider_message_id: v(3),
        text: v(4),
        parts: v(5),
        status: 'received',
        ...(receivedAt ? { created_at: v(6) } : {}),
      })
      .onConflict((oc) => oc.columns(['tenant_id', 'channel', 'provider_message_id']).where('provider_message_id', 'is not', null).doNothing())
      // The text and parts as given, not read back and decrypted: they are what was just sealed.
      .returning(MESSAGE_COLUMNS.filter((c) => c !== 'text' && c !== 'parts')) as unknown as Compilable<Omit<MessageRow, 'text' | 'parts'>>,
  );
}
const INSERT_INBOUND = insertInboundQuery(false);
const INSERT_INBOUND_AT = insertInboundQuery(true);

/** Stores an inbound message before anything else happens to it. */
export async function storeInbound(
  db: Db,
  input: {
    tenant: string;
    conversationId: string;
    channel: string;
    providerMessageId: string | null;
    text: string;
    parts?: unknown;
    receivedAt?: Date;
  },
): Promise<StoredInbound> {
  const args: unknown[] = [
    input.tenant,
    input.conversationId,
    input.channel,
    input.providerMessageId === null ? null : storableText(input.providerMessageId),
    seal('messages.text', storableText(input.text)),
    input.parts === undefined ? null : sealParts(input.parts),
  ];
  if (input.receivedAt) args.push(input.receivedAt);
  const [inserted] = await (input.receivedAt ? INSERT_INBOUND_AT : INSERT_INBOUND).execute(db, args);
  if (inserted) return { message: { ...inserted, text: storableText(input.text), parts: input.parts === undefined ? null : fromJson(toJson(input.parts)) } as MessageRow, duplicate: false };
  const existing = await db
    .selectFrom('messages')
    .selectAll()
    .where('tenant_id', '=', input.tenant)
    .where('channel', '=', input.channel)
    .where('provider_message_id', '=', input.providerMessageId === null ? null : storableText(input.providerMessageId))
    .executeTakeFirstOrThrow();
  return { message: openMessage(existing), duplicate: true };
}

/** Inbound messages of a conversation not yet answered, oldest first. */
export async function pendingInbound(db: Db, tenant: string, conversationId: string): Promise<MessageRow[]> {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('conversation_id', '=', conversationId)
    .where('direction', '=', 'in')
    .where('processed_at', 'is', null)
    .orderBy('id')
    .execute()
    .then(openMessages);
}

export async function markProcessed(db: Db, tenant: string, id: string, recognition: unknown): Promise<void> {
  await db
    .updateTable('messages')
    .set({ processed_at: new Date(), status: 'processed', recognition: recognition === undefined ? null : sealRecognition(recognition) })
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .execute();
}

export async function storeOutbound(
  db: Db,
  input: {
    tenant: string;
    conversationId: string;
    channel: string;
    author: 'bot' | 'agent' | 'system';
    text: string;
    parts: unknown;
    replyTo: string | null;
    status?: string;
  },
): Promise<MessageRow> {
  return db
    .insertInto('messages')
    .values({
      tenant_id: input.tenant,
      conversation_id: input.conversationId,
      channel: input.channel,
      direction: 'out',
      author: input.author,
      provider_message_id: null,
      text: seal('messages.text', storableText(input.text)),
      parts: sealParts(input.parts),
      status: input.status ?? 'stored',
      reply_to: input.replyTo,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
    .then(openMessage);
}

export async function repliesTo(db: Db, tenant: string, messageId: string): Promise<MessageRow[]> {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('reply_to', '=', messageId)
    .orderBy('id')
    .execute()
    .then(openMessages);
}

/**
 * What the resident was last told, in one statement: every reply to the message the latest outbound
 * message answered, in order, or that message alone when it answered none (a greeting, an agent's
 * message). The voice channel reads it for each keypad press (its options are what a key means now).
 */
export async function latestReplies(db: Db, tenant: string, conversationId: string): Promise<MessageRow[]> {
  const cols = sql.join(MESSAGE_COLUMNS.map((c) => sql.ref(`m.${c}`)));
  const { rows } = await sql<MessageRow>`
    with latest as (
      select id, reply_to from messages
      where tenant_id = ${tenant} and conversation_id = ${conversationId} and direction = 'out'
      order by id desc limit 1
    )
    select ${cols} from messages m join latest on m.reply_to = latest.reply_to where m.tenant_id = ${tenant}
    union all
    select ${cols} from messages m join latest on m.id = latest.id where latest.reply_to is null and m.tenant_id = ${tenant}
    order by id`.execute(db);
  return openMessages(rows);
}

/** The conversation's most recent outbound message (what the resident was last asked). */
export function latestOutbound(db: Db, tenant: string, conversationId: string): Promise<MessageRow | undefined> {
  return edgeOutbound(db, tenant, conversationId, 'desc');
}

/** A conversation's first outbound message (a call's greeting, which records its CallSid). */
export function firstOutbound(db: Db, tenant: string, conversationId: string): Promise<MessageRow | undefined> {
  return edgeOutbound(db, tenant, conversationId, 'asc');
}

function edgeOutbound(db: Db, tenant: string, conversationId: string, order: 'asc' | 'desc'): Promise<MessageRow | undefined> {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('conversation_id', '=', conversationId)
    .where('direction', '=', 'out')
    .orderBy('id', order)
    .limit(1)
    .executeTakeFirst()
    .then(openMessageIf);
}

export async function transcript(db: Db, tenant: string, conversationId: string, limit = 500): Promise<MessageRow[]> {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('conversation_id', '=', conversationId)
    .orderBy('id')
    .limit(limit)
    .execute()
    .then(openMessages);
}

export function partsOf<T>(row: MessageRow): T | null {
  return row.parts == null ? null : fromJson<T>(row.parts);
}

/** The parts of a recognition that repeat what the resident typed (numbers, e-mails, addresses). */
const PERSONAL_RECOGNITION_KEYS = ['entities', 'contactLinked'] as const;

/**
 * A recognition as stored: its personal parts (the entities found in the message, a number linked)
 * sealed, each as a sealed JSON string; the rest (intent, confidence, safety, action) stays in
 * clear, as SQL reads it (safety flags, retention per service, the learning export).
 */
export function sealRecognition(recognition: unknown): string {
  if (!sealing('messages.recognition.personal') || !recognition || typeof recognition !== 'object') return toJson(recognition);
  const r = { ...(recognition as Record<string, unknown>) };
  for (const key of PERSONAL_RECOGNITION_KEYS) {
    const v = r[key];
    if (v == null || isSealed(v) || (Array.isArray(v) && !v.length)) continue;
    r[key] = seal('messages.recognition.personal', toJson(v));
  }
  return toJson(r);
}

/** A recognition as read (raw JSON or parsed): its sealed parts opened. */
export function openRecognition<T>(value: T): T {
  if (value == null) return value;
  const r = fromJson<unknown>(value);
  if (!r || typeof r !== 'object') return value;
  const sealedKeys = PERSONAL_RECOGNITION_KEYS.filter((k) => isSealed((r as Record<string, unknown>)[k]));
  if (!sealedKeys.length) return value;
  const out = { ...(r as Record<string, unknown>) };
  for (const k of sealedKeys) out[k] = JSON.parse(unseal(out[k] as string));
  return out as T;
}

/** A message's parts (its rendering, buttons and send state) as stored: sealed, as they repeat its text. */
export function sealParts(parts: unknown): string {
  return sealJson('messages.parts', toJson(parts));
}

/** A message row as read: its text (sealed at rest, store/crypto.ts) in clear. */
export function openMessage<T extends { text: string }>(row: T): T {
  return {
    ...row,
    text: unseal(row.text),
    ...('parts' in row ? { parts: unsealJson(row.parts) } : {}),
    ...('recognition' in row ? { recognition: openRecognition(row.recognition) } : {}),
  };
}

export function openMessageIf<T extends { text: string }>(row: T | undefined): T | undefined {
  return row && openMessage(row);
}

export function openMessages<T extends { text: string }>(rows: T[]): T[] {
  return rows.map(openMessage);
}
