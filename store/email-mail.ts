/**
 * The e-mail channel's data (migration 024): senders (the address sealed, found by its blind
 * index), each conversation's mail thread, and every Message-Id received or sent (dedupe,
 * threading, and a record of mail never answered: auto-replies, bounces, bulk, rate-limited).
 */
import { randomUUID } from 'node:crypto';
import { sql, type ColumnType, type Kysely } from 'kysely';
import { blindIndex, blindIndexCandidates, normaliseForIndex, seal, unseal } from './crypto.js';
import { contactEmailColumns } from './conversations.js';
import type { Database, Db } from './schema.js';

export interface EmailSendersTable {
  id: string;
  tenant_id: string;
  address_key: string;
  address_sealed: string;
  contact_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface EmailThreadsTable {
  conversation_id: string;
  tenant_id: string;
  council_address: string;
  subject: string;
  last_message_id: string | null;
  refs: string;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export type EmailKind = 'message' | 'auto_reply' | 'bounce' | 'bulk' | 'rate_limited' | 'refused' | 'reply';

export interface EmailMessagesTable {
  id: string;
  tenant_id: string;
  direction: 'in' | 'out';
  message_id: string;
  kind: EmailKind;
  reason: string | null;
  sender_id: string | null;
  conversation_id: string | null;
  outbound_message_id: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

type EmailDatabase = Database & { email_senders: EmailSendersTable; email_threads: EmailThreadsTable; email_messages: EmailMessagesTable };
const ed = (db: Db) => db as unknown as Kysely<EmailDatabase>;

/** The id of an e-mail sender as a conversation's channel_user_id: opaque, never the address. */
const SENDER_PREFIX = 'em_';

/** Every key a stored row for this address may carry: its blind index under each data key, or the address in clear (no keyring). */
function addressKeys(address: string): string[] {
  const indexes = blindIndexCandidates('email', address).map((ix) => `hmac:${ix}`);
  return [...indexes, normaliseForIndex('email', address)];
}

/** The sender's id for an address (created on first mail; race-safe: a lost race uses the winner's). */
export async function emailSenderId(db: Db, tenant: string, address: string): Promise<string> {
  const find = () =>
    ed(db).selectFrom('email_senders').select('id').where('tenant_id', '=', tenant).where('address_key', 'in', addressKeys(address)).orderBy('created_at').limit(1).executeTakeFirst();
  const found = await find();
  if (found) return found.id;
  const index = blindIndex('email', address);
  const id = `${SENDER_PREFIX}${randomUUID()}`;
  await ed(db)
    .insertInto('email_senders')
    .values({ id, tenant_id: tenant, address_key: index ? `hmac:${index}` : normaliseForIndex('email', address), address_sealed: seal('contacts.email', address.trim()) })
    .onConflict((oc) => oc.columns(['tenant_id', 'address_key']).doNothing())
    .execute();
  return (await find())!.id;
}

/** The address of a sender id (an e-mail conversation's channel_user_id), opened; undefined when unknown. */
export async function emailSenderAddress(db: Db, tenant: string, senderId: string): Promise<string | undefined> {
  const row = await ed(db).selectFrom('email_senders').select('address_sealed').where('tenant_id', '=', tenant).where('id', '=', senderId).executeTakeFirst();
  return row ? unseal(row.address_sealed) : undefined;
}

/**
 * The sender's contact: the row follows it (erasure and retention delete it with the contact), and a
 * contact without an e-mail address gets this one (sealed, blind-indexed): agents see it, and a
 * subject access request by e-mail address finds the resident's mail.
 */
export async function linkEmailSender(db: Db, tenant: string, senderId: string, contactId: string, address: string, now: Date): Promise<void> {
  await ed(db).updateTable('email_senders').set({ contact_id: contactId }).where('tenant_id', '=', tenant).where('id', '=', senderId).where('contact_id', 'is', null).execute();
  await db.updateTable('contacts').set({ ...contactEmailColumns(address.trim()), updated_at: now }).where('tenant_id', '=', tenant).where('id', '=', contactId).where('email', 'is', null).execute();
}

/** Records a Message-Id received or sent; false when it was recorded before (a repeat). */
export async function recordEmailMessage(
  db: Db,
  row: { tenant: string; direction: 'in' | 'out'; messageId: string; kind: EmailKind; reason?: string | null; senderId?: string | null; conversationId?: string | null; outboundMessageId?: string | null; at?: Date },
): Promise<boolean> {
  const inserted = await ed(db)
    .insertInto('email_messages')
    .values({
      id: randomUUID(),
      tenant_id: row.tenant,
      direction: row.direction,
      message_id: row.messageId,
      kind: row.kind,
      reason: row.reason ?? null,
      sender_id: row.senderId ?? null,
      conversation_id: row.conversationId ?? null,
      outbound_message_id: row.outboundMessageId ?? null,
      ...(row.at ? { created_at: row.at } : {}),
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'direction', 'message_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return !!inserted;
}

/** A Message-Id received before, if any (what became of it). */
export async function inboundEmail(db: Db, tenant: string, messageId: string): Promise<{ kind: EmailKind; conversationId: string | null } | undefined> {
  const row = await ed(db)
    .selectFrom('email_messages')
    .select(['kind', 'conversation_id'])
    .where('tenant_id', '=', tenant)
    .where('direction', '=', 'in')
    .where('message_id', '=', messageId)
    .executeTakeFirst();
  return row && { kind: row.kind, conversationId: row.conversation_id };
}

/** The conversations these Message-Ids (a reply's In-Reply-To and References) belong to, latest mention first. */
export async function conversationsOfMessageIds(db: Db, tenant: string, messageIds: string[]): Promise<string[]> {
  if (!messageIds.length) return [];
  const rows = await ed(db)
    .selectFrom('email_messages')
    .select(['message_id', 'conversation_id'])
    .where('tenant_id', '=', tenant)
    .where('message_id', 'in', messageIds.slice(-50))
    .where('conversation_id', 'is not', null)
    .execute();
  const byId = new Map(rows.map((r) => [r.message_id, r.conversation_id!]));
  return [...messageIds].reverse().flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}

/** Mail from a sender counted towards its rate limit since `since` (answered messages, and those held back). */
export async function emailsFromSenderSince(db: Db, tenant: string, senderId: string, since: Date): Promise<number> {
  const row = await ed(db)
    .selectFrom('email_messages')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('tenant_id', '=', tenant)
    .where('sender_id', '=', senderId)
    .where('direction', '=', 'in')
    .where('kind', 'in', ['message', 'rate_limited'])
    .where('created_at', '>=', since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export interface EmailThread {
  councilAddress: string;
  subject: string;
  lastMessageId: string | null;
  references: string[];
}

/** A conversation's mail thread: where it was written to, its subject, the ids to reply to. */
export async function emailThread(db: Db, tenant: string, conversationId: string): Promise<EmailThread | undefined> {
  const row = await ed(db).selectFrom('email_threads').selectAll().where('tenant_id', '=', tenant).where('conversation_id', '=', conversationId).executeTakeFirst();
  return row && { councilAddress: row.council_address, subject: unseal(row.subject), lastMessageId: row.last_message_id, references: row.refs ? row.refs.split(' ') : [] };
}

/** Records the latest inbound mail of a conversation's thread: where it went, its subject, the ids to reply to. */
export async function saveEmailThread(db: Db, tenant: string, conversationId: string, t: EmailThread, now: Date): Promise<void> {
  const refs = t.references.slice(-20).join(' ');
  await ed(db)
    .insertInto('email_threads')
    .values({ conversation_id: conversationId, tenant_id: tenant, council_address: t.councilAddress, subject: seal('messages.text', t.subject), last_message_id: t.lastMessageId, refs, updated_at: now })
    .onConflict((oc) => oc.column('conversation_id').doUpdateSet({ council_address: t.councilAddress, subject: seal('messages.text', t.subject), last_message_id: t.lastMessageId, refs, updated_at: now }))
    .execute();
}

/** The outbound Message-Id recorded for a stored message (a resend uses the same one). */
export async function outboundEmailId(db: Db, tenant: string, outboundMessageId: string): Promise<string | undefined> {
  const row = await ed(db)
    .selectFrom('email_messages')
    .select('message_id')
    .where('tenant_id', '=', tenant)
    .where('direction', '=', 'out')
    .where('outbound_message_id', '=', outboundMessageId)
    .executeTakeFirst();
  return row?.message_id;
}

/** What was recorded of a sender's mail (newest first): kinds and reasons, for tests and support. */
export async function emailRecords(db: Db, tenant: string, filter: { conversationId?: string; senderId?: string } = {}): Promise<{ direction: string; messageId: string; kind: EmailKind; reason: string | null; conversationId: string | null }[]> {
  let q = ed(db).selectFrom('email_messages').select(['direction', 'message_id', 'kind', 'reason', 'conversation_id']).where('tenant_id', '=', tenant);
  if (filter.conversationId) q = q.where('conversation_id', '=', filter.conversationId);
  if (filter.senderId) q = q.where('sender_id', '=', filter.senderId);
  const rows = await q.orderBy('created_at', 'desc').limit(200).execute();
  return rows.map((r) => ({ direction: r.direction, messageId: r.message_id, kind: r.kind, reason: r.reason, conversationId: r.conversation_id }));
}
