import { unseal, unsealJson } from './crypto.js';
import { openRecognition } from './messages.js';
import type { Db } from './schema.js';

/**
 * What an agent is shown about a conversation's history: the last recognition, its cases, and
 * the contact's earlier conversations and cases (the contact itself: contacts.ts). The wording
 * and labels are made in handoff/queue/context.ts.
 */

export interface CaseBrief {
  reference: string;
  service_id: string;
  status: string;
  created_at: Date;
  summary: string;
}

/** The recognition of the conversation's latest recognised inbound message (raw JSON), or undefined. */
export async function lastRecognition(db: Db, tenant: string, conversationId: string): Promise<unknown> {
  const row = await db
    .selectFrom('messages')
    .select('recognition')
    .where('tenant_id', '=', tenant)
    .where('conversation_id', '=', conversationId)
    .where('direction', '=', 'in')
    .where('recognition', 'is not', null)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return openRecognition(row?.recognition);
}

/** Cases raised in the conversation, oldest first. */
export async function casesOfConversation(db: Db, tenant: string, conversationId: string): Promise<CaseBrief[]> {
  return db
    .selectFrom('cases')
    .select(['reference', 'service_id', 'status', 'created_at', 'summary'])
    .where('tenant_id', '=', tenant)
    .where('conversation_id', '=', conversationId)
    .orderBy('created_at')
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, summary: unseal(r.summary) })));
}

/** The conversation's most recent case: its reference and location (the duty referral's message). */
export async function latestCaseOfConversation(db: Db, tenant: string, conversationId: string): Promise<{ reference: string; location: unknown } | undefined> {
  return db
    .selectFrom('cases')
    .select(['reference', 'location'])
    .where('tenant_id', '=', tenant)
    .where('conversation_id', '=', conversationId)
    .orderBy('created_at', 'desc')
    .executeTakeFirst()
    .then((row) => row && { ...row, location: unsealJson(row.location) });
}

/**
 * The contact's other conversations, newest first, at most `limit`: each with its latest
 * handoff's summary and its first inbound message's text (either may be null).
 */
export async function otherConversationsOfContact(
  db: Db,
  tenant: string,
  contactId: string,
  exceptConversationId: string,
  limit: number,
): Promise<{ id: string; channel: string; created_at: Date; state: string; handoff_summary: string | null; first_message: string | null }[]> {
  return db
    .selectFrom('conversations as c')
    .select([
      'c.id',
      'c.channel',
      'c.created_at',
      'c.state',
      (eb) =>
        eb
          .selectFrom('handoffs as h')
          .select('h.summary')
          .where('h.tenant_id', '=', tenant)
          .whereRef('h.conversation_id', '=', 'c.id')
          .orderBy('h.created_at', 'desc')
          .limit(1)
          .as('handoff_summary'),
      (eb) =>
        eb
          .selectFrom('messages as m')
          .select('m.text')
          .where('m.tenant_id', '=', tenant)
          .whereRef('m.conversation_id', '=', 'c.id')
          .where('m.direction', '=', 'in')
          .orderBy('m.id')
          .limit(1)
          .as('first_message'),
    ])
    .where('c.tenant_id', '=', tenant)
    .where('c.contact_id', '=', contactId)
    .where('c.id', '!=', exceptConversationId)
    .orderBy('c.created_at', 'desc')
    .limit(limit)
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, handoff_summary: unseal(r.handoff_summary), first_message: unseal(r.first_message) })));
}

/** The contact's cases not raised in `exceptConversationId` (including those whose conversation was purged), newest first. */
export async function otherCasesOfContact(db: Db, tenant: string, contactId: string, exceptConversationId: string, limit: number): Promise<(CaseBrief & { conversation_id: string | null })[]> {
  return db
    .selectFrom('cases')
    .select(['reference', 'service_id', 'status', 'created_at', 'summary', 'conversation_id'])
    .where('tenant_id', '=', tenant)
    .where('contact_id', '=', contactId)
    .where((eb) => eb.or([eb('conversation_id', 'is', null), eb('conversation_id', '!=', exceptConversationId)]))
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, summary: unseal(r.summary) })));
}
