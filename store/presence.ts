import { sql } from 'kysely';
import type { AgentRow, Db } from './schema.js';

/**
 * Data access for agents' presence and load: status, last seen, and the open and offered
 * handoffs counted against their capacity. What counts as present is decided in
 * handoff/queue/presence.ts.
 */

/** Sets an agent's status and last-seen time; undefined for an agent not in the tenant. */
export async function setAgentPresence(
  db: Db,
  tenant: string,
  agentId: string,
  status: AgentRow['status'],
  now: Date,
): Promise<Pick<AgentRow, 'id' | 'name' | 'status' | 'last_seen_at'> | undefined> {
  return db
    .updateTable('agents')
    .set({ status, last_seen_at: now })
    .where('tenant_id', '=', tenant)
    .where('id', '=', agentId)
    .returning(['id', 'name', 'status', 'last_seen_at'])
    .executeTakeFirst();
}

/** Records that the agent was seen at `now`. */
export async function markAgentSeen(db: Db, tenant: string, agentId: string, now: Date): Promise<void> {
  await db.updateTable('agents').set({ last_seen_at: now }).where('tenant_id', '=', tenant).where('id', '=', agentId).execute();
}

/**
 * Agents with status available, seen since `seenSince` and not disabled, by id, with their load:
 * `open`, accepted handoffs not closed; `offers`, offers made since `offeredSince` not yet
 * accepted. Read from the store, so capacity holds across app processes.
 */
export async function availableAgentLoads(
  db: Db,
  tenant: string,
  seenSince: Date,
  offeredSince: Date,
): Promise<{ id: string; name: string; skills: unknown; capacity: number; open: number; offers: number }[]> {
  const rows = await db
    .selectFrom('agents as a')
    .select([
      'a.id',
      'a.name',
      'a.skills',
      'a.capacity',
      (eb) =>
        eb
          .selectFrom('handoffs as h')
          .select(sql<string>`count(*)`.as('n'))
          .where('h.tenant_id', '=', tenant)
          .whereRef('h.agent_id', '=', 'a.id')
          .where('h.closed_at', 'is', null)
          .as('open'),
      (eb) =>
        eb
          .selectFrom('handoffs as h')
          .select(sql<string>`count(*)`.as('n'))
          .where('h.tenant_id', '=', tenant)
          .whereRef('h.offered_to', '=', 'a.id')
          .where('h.agent_id', 'is', null)
          .where('h.closed_at', 'is', null)
          .where('h.offered_at', '>=', offeredSince)
          .as('offers'),
    ])
    .where('a.tenant_id', '=', tenant)
    .where('a.status', '=', 'available')
    .where('a.last_seen_at', '>=', seenSince)
    .where('a.disabled_at', 'is', null)
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, skills: r.skills, capacity: r.capacity, open: Number(r.open ?? 0), offers: Number(r.offers ?? 0) }));
}

/** Open accepted handoffs of one agent. */
export async function openHandoffCount(db: Db, tenant: string, agentId: string): Promise<number> {
  const row = await db
    .selectFrom('handoffs')
    .select(sql<string>`count(*)`.as('n'))
    .where('tenant_id', '=', tenant)
    .where('agent_id', '=', agentId)
    .where('closed_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
