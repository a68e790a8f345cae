import { sql } from 'kysely';
import type { Store } from '../store/index.js';

/**
 * Deletes what a tenant no longer may keep: conversations (with their messages, handoffs and
 * feedback) idle for longer than its retention period. Cases keep their own, longer period.
 */
export async function purgeExpired(store: Store, tenant: string, retention: { conversationsDays: number; casesDays: number }, now = new Date()): Promise<{ conversations: number; cases: number }> {
  const convCutoff = new Date(now.getTime() - retention.conversationsDays * 86400000);
  const caseCutoff = new Date(now.getTime() - retention.casesDays * 86400000);
  return store.db.transaction().execute(async (trx) => {
    const cases = await trx
      .deleteFrom('cases')
      .where('tenant_id', '=', tenant)
      .where('updated_at', '<', caseCutoff)
      .where('status', 'in', ['resolved', 'closed'])
      .executeTakeFirst();
    // Cases that outlive their conversation keep the case and drop the link.
    await trx
      .updateTable('cases')
      .set({ conversation_id: null })
      .where('tenant_id', '=', tenant)
      .where('conversation_id', 'in', (qb) =>
        qb.selectFrom('conversations').select('id').where('tenant_id', '=', tenant).where(sql`coalesce(last_message_at, created_at)`, '<', convCutoff),
      )
      .execute();
    const conversations = await trx
      .deleteFrom('conversations')
      .where('tenant_id', '=', tenant)
      .where(sql`coalesce(last_message_at, created_at)`, '<', convCutoff)
      .executeTakeFirst();
    await trx
      .insertInto('audit_events')
      .values({
        tenant_id: tenant,
        actor_type: 'system',
        actor_id: null,
        action: 'retention.purge',
        subject_type: 'tenant',
        subject_id: tenant,
        detail: JSON.stringify({ conversations: Number(conversations.numDeletedRows), cases: Number(cases.numDeletedRows) }),
      })
      .execute();
    return { conversations: Number(conversations.numDeletedRows), cases: Number(cases.numDeletedRows) };
  });
}
