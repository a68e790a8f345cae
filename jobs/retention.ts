import { deleteExpiredRecords, recordAudit, type Store } from '../store/index.js';

/**
 * Deletes what a tenant no longer may keep: conversations (with their messages, handoffs and
 * feedback) idle for longer than its retention period. Cases keep their own, longer period.
 */
export async function purgeExpired(store: Store, tenant: string, retention: { conversationsDays: number; casesDays: number }, now = new Date()): Promise<{ conversations: number; cases: number }> {
  const convCutoff = new Date(now.getTime() - retention.conversationsDays * 86400000);
  const caseCutoff = new Date(now.getTime() - retention.casesDays * 86400000);
  return store.db.transaction().execute(async (trx) => {
    const purged = await deleteExpiredRecords(trx, tenant, { conversationsBefore: convCutoff, casesBefore: caseCutoff });
    await recordAudit(trx, { tenant, actorType: 'system', actorId: null, action: 'retention.purge', subjectType: 'tenant', subjectId: tenant, detail: purged });
    return purged;
  });
}
