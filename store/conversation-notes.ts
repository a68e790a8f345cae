import { randomUUID } from 'node:crypto';
import { sql, type ColumnType, type Kysely } from 'kysely';
import { seal, unseal } from './crypto.js';
import type { Database, Db } from './schema.js';

/**
 * Private notes between agents on a conversation, and what each agent has read of the
 * conversations they hold (migration 031). Notes live apart from `messages`, which every channel's
 * sender reads, so a note can never reach a resident. Their text is sealed as messages' text is:
 * it may quote the resident.
 */

interface ConversationNotesTable {
  id: string;
  tenant_id: string;
  conversation_id: string;
  agent_id: string;
  agent_name: string;
  text: string;
  created_at: ColumnType<Date, Date | undefined, never>;
}
interface ConversationReadsTable {
  tenant_id: string;
  agent_id: string;
  conversation_id: string;
  last_message_id: ColumnType<string, string, string>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}
type NotesDatabase = Database & { conversation_notes: ConversationNotesTable; conversation_reads: ConversationReadsTable };
const nd = (db: Db) => db as unknown as Kysely<NotesDatabase>;

export interface ConversationNote {
  id: string;
  conversationId: string;
  agentId: string;
  agentName: string;
  text: string;
  createdAt: Date;
}

export async function addConversationNote(db: Db, input: { tenant: string; conversationId: string; agentId: string; agentName: string; text: string; now: Date }): Promise<ConversationNote> {
  const id = randomUUID();
  await nd(db)
    .insertInto('conversation_notes')
    .values({ id, tenant_id: input.tenant, conversation_id: input.conversationId, agent_id: input.agentId, agent_name: input.agentName, text: seal('messages.text', input.text), created_at: input.now })
    .execute();
  return { id, conversationId: input.conversationId, agentId: input.agentId, agentName: input.agentName, text: input.text, createdAt: input.now };
}

/** A conversation's notes, oldest first. */
export async function conversationNotes(db: Db, tenant: string, conversationId: string): Promise<ConversationNote[]> {
  const rows = await nd(db)
    .selectFrom('conversation_notes')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('conversation_id', '=', conversationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, conversationId: r.conversation_id, agentId: r.agent_id, agentName: r.agent_name, text: unseal(r.text), createdAt: new Date(r.created_at) }));
}

/** The agent has read the conversation up to this message (never moves back). */
export async function markConversationRead(db: Db, input: { tenant: string; agentId: string; conversationId: string; upTo: string; now: Date }): Promise<void> {
  await nd(db)
    .insertInto('conversation_reads')
    .values({ tenant_id: input.tenant, agent_id: input.agentId, conversation_id: input.conversationId, last_message_id: input.upTo, updated_at: input.now })
    .onConflict((oc) =>
      oc.columns(['agent_id', 'conversation_id']).doUpdateSet({
        last_message_id: sql<string>`greatest(conversation_reads.last_message_id, excluded.last_message_id)`,
        updated_at: input.now,
      }),
    )
    .execute();
}

/**
 * Residents' messages the agent has not read, per conversation they hold: those after the last
 * one they read there, or, before they ever opened it, after they accepted it.
 */
export async function unreadCounts(db: Db, tenant: string, agentId: string): Promise<{ conversationId: string; unread: number }[]> {
  const rows = await sql<{ conversation_id: string; unread: string | number }>`
    select h.conversation_id, count(m.id) as unread
      from handoffs h
      left join conversation_reads r on r.agent_id = ${agentId} and r.conversation_id = h.conversation_id
      join messages m on m.conversation_id = h.conversation_id and m.tenant_id = h.tenant_id and m.direction = 'in'
       and (case when r.last_message_id is not null then m.id > r.last_message_id else m.created_at > coalesce(h.accepted_at, h.created_at) end)
     where h.tenant_id = ${tenant} and h.agent_id = ${agentId} and h.closed_at is null
     group by h.conversation_id`.execute(db);
  return rows.rows.map((r) => ({ conversationId: r.conversation_id, unread: Number(r.unread) })).filter((r) => r.unread > 0);
}
