import { fromJson, storableText, toJson } from './json.js';
import type { Db, MessageRow } from './schema.js';

export interface StoredInbound {
  message: MessageRow;
  /** True when the provider message id had been stored before: acknowledge and drop. */
  duplicate: boolean;
}

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
  const inserted = await db
    .insertInto('messages')
    .values({
      tenant_id: input.tenant,
      conversation_id: input.conversationId,
      channel: input.channel,
      direction: 'in',
      author: 'resident',
      provider_message_id: input.providerMessageId === null ? null : storableText(input.providerMessageId),
      text: storableText(input.text),
      parts: input.parts === undefined ? null : toJson(input.parts),
      status: 'received',
      ...(input.receivedAt ? { created_at: input.receivedAt } : {}),
    })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'channel', 'provider_message_id']).where('provider_message_id', 'is not', null).doNothing(),
    )
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { message: inserted, duplicate: false };
  const existing = await db
    .selectFrom('messages')
    .selectAll()
    .where('tenant_id', '=', input.tenant)
    .where('channel', '=', input.channel)
    .where('provider_message_id', '=', input.providerMessageId === null ? null : storableText(input.providerMessageId))
    .executeTakeFirstOrThrow();
  return { message: existing, duplicate: true };
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
    .execute();
}

export async function markProcessed(db: Db, tenant: string, id: string, recognition: unknown): Promise<void> {
  await db
    .updateTable('messages')
    .set({ processed_at: new Date(), status: 'processed', recognition: recognition === undefined ? null : toJson(recognition) })
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
      text: storableText(input.text),
      parts: toJson(input.parts),
      status: input.status ?? 'stored',
      reply_to: input.replyTo,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function repliesTo(db: Db, tenant: string, messageId: string): Promise<MessageRow[]> {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('reply_to', '=', messageId)
    .orderBy('id')
    .execute();
}

/** The conversation's most recent outbound message (what the resident was last asked). */
export async function latestOutbound(db: Db, tenant: string, conversationId: string): Promise<MessageRow | undefined> {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('conversation_id', '=', conversationId)
    .where('direction', '=', 'out')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function transcript(db: Db, tenant: string, conversationId: string, limit = 500): Promise<MessageRow[]> {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('conversation_id', '=', conversationId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export function partsOf<T>(row: MessageRow): T | null {
  return row.parts == null ? null : fromJson<T>(row.parts);
}
