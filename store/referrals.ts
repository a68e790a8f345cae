import { sql } from 'kysely';
import type { Db, ReferralRow } from './schema.js';

/**
 * Data access for duty-referral escalation chains. A chain is its first referral (the root)
 * and the steps linked to it by `escalation_of`; the decisions live in handoff/referrals.
 */

/** SQL: no row of this row's chain has been acknowledged (`outer`: the outer query's referrals table or alias). */
const chainUnacknowledged = (outer: string) =>
  sql<boolean>`not exists (select 1 from referrals a where a.tenant_id = ${sql.ref(`${outer}.tenant_id`)} and coalesce(a.escalation_of, a.id) = coalesce(${sql.ref(`${outer}.escalation_of`)}, ${sql.ref(`${outer}.id`)}) and a.acknowledged_at is not null)`;

/** Every row of a chain, first step first. */
export async function referralChain(db: Db, tenant: string, rootId: string): Promise<ReferralRow[]> {
  return db
    .selectFrom('referrals')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where((eb) => eb.or([eb('id', '=', rootId), eb('escalation_of', '=', rootId)]))
    .orderBy('step')
    .orderBy('created_at')
    .execute();
}

/**
 * Takes a step for escalation: only once (escalated_at), only when due, and only while nobody in
 * its chain has acknowledged. Undefined when another process took it, it is not due, or it was
 * acknowledged.
 */
export async function claimReferralEscalation(db: Db, tenant: string, id: string, now: Date): Promise<ReferralRow | undefined> {
  return db
    .updateTable('referrals')
    .set({ escalated_at: now })
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .where('escalated_at', 'is', null)
    .where('due_at', '<=', now)
    .where(chainUnacknowledged('referrals'))
    .returningAll()
    .executeTakeFirst();
}

/** When a step escalates if nobody acknowledges it (null: never). */
export async function setReferralDue(db: Db, tenant: string, id: string, dueAt: Date | null): Promise<void> {
  await db.updateTable('referrals').set({ due_at: dueAt }).where('tenant_id', '=', tenant).where('id', '=', id).where('escalated_at', 'is', null).execute();
}

/** Steps due to escalate now, across tenants (the periodic sweep) or for one, oldest first. */
export async function dueReferrals(db: Db, now: Date, limit = 100, tenant?: string): Promise<{ id: string; tenant_id: string }[]> {
  let q = db.selectFrom('referrals');
  if (tenant) q = q.where('tenant_id', '=', tenant);
  return q
    .select(['id', 'tenant_id'])
    .where('escalated_at', 'is', null)
    .where('due_at', '<=', now)
    .where(chainUnacknowledged('referrals'))
    .orderBy('due_at')
    .limit(limit)
    .execute();
}

/** An acknowledgement stops the chain: nothing in it is due any more. */
export async function stopReferralChain(db: Db, tenant: string, rootId: string): Promise<void> {
  await db
    .updateTable('referrals')
    .set({ due_at: null })
    .where('tenant_id', '=', tenant)
    .where((eb) => eb.or([eb('id', '=', rootId), eb('escalation_of', '=', rootId)]))
    .where('escalated_at', 'is', null)
    .execute();
}

export async function endReferralChain(db: Db, tenant: string, rootId: string, end: 'exhausted' | 'handoff_taken'): Promise<void> {
  await db.updateTable('referrals').set({ chain_end: end }).where('tenant_id', '=', tenant).where('id', '=', rootId).execute();
}

/**
 * Records, once per chain, that the resident was told `kind`; true only for the caller that
 * recorded it (so two processes cannot both tell them).
 */
export async function markResidentTold(db: Db, tenant: string, rootId: string, kind: 'alerted' | 'unreachable', now: Date): Promise<boolean> {
  const column = kind === 'alerted' ? 'resident_alerted_at' : 'resident_unreachable_at';
  const row = await db
    .updateTable('referrals')
    .set({ [column]: now })
    .where('tenant_id', '=', tenant)
    .where('id', '=', rootId)
    .where(column, 'is', null)
    .returning('id')
    .executeTakeFirst();
  return !!row;
}

/** Roots of chains created since `since`, newest first, with all their steps. */
export async function recentReferralChains(db: Db, tenant: string, since: Date, limit = 50): Promise<{ root: ReferralRow; steps: ReferralRow[] }[]> {
  const roots = await db
    .selectFrom('referrals')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('escalation_of', 'is', null)
    .where('created_at', '>=', since)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  if (!roots.length) return [];
  const steps = await db
    .selectFrom('referrals')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('escalation_of', 'in', roots.map((r) => r.id))
    .orderBy('step')
    .execute();
  return roots.map((root) => ({ root, steps: [root, ...steps.filter((s) => s.escalation_of === root.id)] }));
}
