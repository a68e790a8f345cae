import { sql } from 'kysely';
import { openHandoff } from './handoffs.js';
import { safetyFlagSql } from './safety-flags.js';
import type { Db } from './schema.js';

/**
 * The console queue's reads of open handoffs, most urgent first: the agent's listing and the
 * routing pass's waiting list. Who may see or be offered what is decided in handoff/queue, from
 * the handoffs' context opened here (sealed at rest: store/handoffs.ts), never in SQL.
 */

/** urgent (safety) first, then high, then normal. */
const priorityRank = sql<number>`case h.priority when 'urgent' then 0 when 'high' then 1 else 2 end`;

/**
 * Open handoffs nobody holds, plus those `agentId` holds: urgent, then high, then normal; oldest
 * first within a priority. Each with its channel, its holder's name and its conversation's
 * highest safety flag (store/safety-flags.ts), in one query.
 */
export async function openHandoffsForListing(db: Db, tenant: string, agentId: string) {
  return db
    .selectFrom('handoffs as h')
    .innerJoin('conversations as c', (j) => j.onRef('c.id', '=', 'h.conversation_id').onRef('c.tenant_id', '=', 'h.tenant_id'))
    .leftJoin('agents as a', (j) => j.onRef('a.id', '=', 'h.agent_id').onRef('a.tenant_id', '=', 'h.tenant_id'))
    .select([
      'h.id',
      'h.conversation_id',
      'h.queue',
      'h.priority',
      'h.reason',
      'h.summary',
      'h.context',
      'h.created_at',
      'h.offered_to',
      'h.agent_id',
      'h.accepted_at',
      'c.channel',
      'a.name as agent_name',
      safetyFlagSql(sql.ref('h.tenant_id'), sql.ref('h.conversation_id')).as('safety_flag'),
    ])
    .where('h.tenant_id', '=', tenant)
    .where('h.closed_at', 'is', null)
    .where((eb) => eb.or([eb('h.agent_id', 'is', null), eb('h.agent_id', '=', agentId)]))
    .orderBy(priorityRank)
    .orderBy('h.created_at')
    .orderBy('h.id')
    .execute()
    .then((rows) => rows.map(openHandoff));
}

/** Open handoffs nobody holds, in the order routing offers them: most urgent, then oldest, first. */
export async function waitingHandoffs(db: Db, tenant: string) {
  return db
    .selectFrom('handoffs as h')
    .select(['h.id', 'h.conversation_id', 'h.queue', 'h.priority', 'h.agent_id', 'h.offered_to', 'h.offered_at', 'h.context'])
    .where('h.tenant_id', '=', tenant)
    .where('h.agent_id', 'is', null)
    .where('h.closed_at', 'is', null)
    .orderBy(priorityRank)
    .orderBy('h.created_at')
    .orderBy('h.id')
    .execute()
    .then((rows) => rows.map(openHandoff));
}
