import { sql } from 'kysely';
import type { Db, HandoffRow } from './schema.js';

/**
 * The handoff figures behind service levels and wait estimates: waiting counts, times to accept,
 * abandonments. The standards they are judged against live in handoff/queue/service-levels.ts.
 */

/** Seconds from joining the queue (or being transferred into it) to being accepted. */
const acceptSeconds = sql<number>`extract(epoch from (accepted_at - coalesce(transferred_at, created_at)))`;

/** Today's median time to accept, for one queue (or all), or null before the first accept. */
export async function medianAcceptSeconds(db: Db, tenant: string, since: Date, queueId?: string): Promise<number | null> {
  let q = db
    .selectFrom('handoffs')
    .select(sql<string | number | null>`percentile_cont(0.5) within group (order by ${acceptSeconds})`.as('median'))
    .where('tenant_id', '=', tenant)
    .where('accepted_at', '>=', since);
  if (queueId) q = q.where('queue', '=', queueId);
  const row = await q.executeTakeFirst();
  return row?.median == null ? null : Number(row.median);
}

/** Handoffs waiting (nobody holds them, not closed) in one queue at any of `priorities`. */
export async function waitingHandoffCount(db: Db, tenant: string, queueId: string, priorities: readonly HandoffRow['priority'][]): Promise<number> {
  const row = await db
    .selectFrom('handoffs')
    .select(sql<string>`count(*)`.as('n'))
    .where('tenant_id', '=', tenant)
    .where('queue', '=', queueId)
    .where('agent_id', 'is', null)
    .where('closed_at', 'is', null)
    .where('priority', 'in', [...priorities])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Per queue with any: how many handoffs wait now, and since when the oldest has. */
export async function waitingByQueue(db: Db, tenant: string): Promise<{ queue: string; n: number; oldest: Date }[]> {
  const rows = await db
    .selectFrom('handoffs')
    .select(['queue', sql<string>`count(*)`.as('n'), sql<Date>`min(created_at)`.as('oldest')])
    .where('tenant_id', '=', tenant)
    .where('agent_id', 'is', null)
    .where('closed_at', 'is', null)
    .groupBy('queue')
    .execute();
  return rows.map((r) => ({ queue: r.queue, n: Number(r.n), oldest: r.oldest }));
}

/** Every handoff accepted since `since`: its queue and how many seconds it waited to be accepted. */
export async function acceptWaitsSince(db: Db, tenant: string, since: Date): Promise<{ queue: string; wait: number }[]> {
  const rows = await db.selectFrom('handoffs').select(['queue', acceptSeconds.as('wait')]).where('tenant_id', '=', tenant).where('accepted_at', '>=', since).execute();
  return rows.map((r) => ({ queue: r.queue, wait: Number(r.wait) }));
}

/** Per queue with any: handoffs abandoned since `since` without ever being accepted. */
export async function abandonedByQueueSince(db: Db, tenant: string, since: Date): Promise<{ queue: string; n: number }[]> {
  const rows = await db
    .selectFrom('handoffs')
    .select(['queue', sql<string>`count(*)`.as('n')])
    .where('tenant_id', '=', tenant)
    .where('abandoned_at', '>=', since)
    .where('accepted_at', 'is', null)
    .groupBy('queue')
    .execute();
  return rows.map((r) => ({ queue: r.queue, n: Number(r.n) }));
}
