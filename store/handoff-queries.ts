import { openHandoffIf } from './handoffs.js';
import type { Db, HandoffRow } from './schema.js';

/**
 * Single-handoff reads and the routing offer, used by handoff/ (queue, referrals) and the
 * duty-referral wiring. Creation and the lifecycle's writes are in handoffs.ts.
 */

/** One handoff of the tenant, by id (the caller checks the id's form). */
export async function handoffById(db: Db, tenant: string, id: string): Promise<HandoffRow | undefined> {
  return db.selectFrom('handoffs').selectAll().where('tenant_id', '=', tenant).where('id', '=', id).executeTakeFirst().then(openHandoffIf);
}

/**
 * Offers a waiting handoff to an agent, only if it is still waiting and still offered to
 * `previouslyOfferedTo` (what the routing pass read): two passes cannot both offer it. True when
 * this call made the offer.
 */
export async function offerHandoff(db: Db, tenant: string, handoffId: string, agentId: string, previouslyOfferedTo: string | null, now: Date): Promise<boolean> {
  const updated = await db
    .updateTable('handoffs')
    .set({ offered_to: agentId, offered_at: now })
    .where('tenant_id', '=', tenant)
    .where('id', '=', handoffId)
    .where('agent_id', 'is', null)
    .where('closed_at', 'is', null)
    .where((eb) => (previouslyOfferedTo ? eb('offered_to', '=', previouslyOfferedTo) : eb('offered_to', 'is', null)))
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}
