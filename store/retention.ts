import { sql } from 'kysely';
import type { Db } from './schema.js';

/**
 * Deletes a tenant's records past their retention (jobs/retention.ts decides the cut-offs and
 * runs this in one transaction).
 */

/**
 * Deletes resolved or closed cases last updated before `casesBefore`, then conversations (with
 * their messages, handoffs and feedback) idle since before `conversationsBefore`; cases that
 * outlive their conversation keep the case and drop the link. Returns how many of each went.
 */
export async function deleteExpiredRecords(
  db: Db,
  tenant: string,
  cutoffs: { conversationsBefore: Date; casesBefore: Date },
): Promise<{ conversations: number; cases: number }> {
  const cases = await db
    .deleteFrom('cases')
    .where('tenant_id', '=', tenant)
    .where('updated_at', '<', cutoffs.casesBefore)
    .where('status', 'in', ['resolved', 'closed'])
    .executeTakeFirst();
  await db
    .updateTable('cases')
    .set({ conversation_id: null })
    .where('tenant_id', '=', tenant)
    .where('conversation_id', 'in', (qb) =>
      qb.selectFrom('conversations').select('id').where('tenant_id', '=', tenant).where(sql`coalesce(last_message_at, created_at)`, '<', cutoffs.conversationsBefore),
    )
    .execute();
  const conversations = await db
    .deleteFrom('conversations')
    .where('tenant_id', '=', tenant)
    .where(sql`coalesce(last_message_at, created_at)`, '<', cutoffs.conversationsBefore)
    .executeTakeFirst();
  return { conversations: Number(conversations.numDeletedRows), cases: Number(cases.numDeletedRows) };
}
