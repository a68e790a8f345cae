import { sql } from 'kysely';
import type { Db } from '../../store/index.js';
import { jsonArray, servesQueue } from './common.js';
import { OFFER_SECONDS, PRESENCE_SECONDS, QueueError, type AgentStatus, type QueueSettings } from './types.js';

export interface PresenceRow {
  id: string;
  name: string;
  status: AgentStatus;
  lastSeenAt: Date | null;
}

/** Sets an agent's status; choosing one counts as being seen. */
export async function setStatus(db: Db, tenant: string, agentId: string, status: AgentStatus, now = new Date()): Promise<PresenceRow> {
  const row = await db
    .updateTable('agents')
    .set({ status, last_seen_at: now })
    .where('tenant_id', '=', tenant)
    .where('id', '=', agentId)
    .returning(['id', 'name', 'status', 'last_seen_at'])
    .executeTakeFirst();
  if (!row) throw new QueueError(404, 'Agent not found');
  return { id: row.id, name: row.name, status: row.status, lastSeenAt: row.last_seen_at };
}

/** The console's heartbeat (every 20 s): an agent unseen for 60 s counts as away. */
export async function heartbeat(db: Db, tenant: string, agentId: string, now = new Date()): Promise<void> {
  await db.updateTable('agents').set({ last_seen_at: now }).where('tenant_id', '=', tenant).where('id', '=', agentId).execute();
}

export function isPresent(status: string, lastSeenAt: Date | null, now: Date): boolean {
  return status === 'available' && !!lastSeenAt && now.getTime() - lastSeenAt.getTime() <= PRESENCE_SECONDS * 1000;
}

export interface AvailableAgent {
  id: string;
  name: string;
  skills: string[];
  capacity: number;
  /** Accepted, not yet closed handoffs: what capacity is measured against. */
  open: number;
  /** Offers made in the last 30 s not yet accepted: held against capacity so one free slot is not offered twice. */
  offers: number;
}

/**
 * Agents who can take work now: available, seen within 60 s, not disabled. Load comes from the
 * store, so capacity holds however many app processes route and accept at once.
 */
export async function availableAgents(db: Db, tenant: string, now = new Date()): Promise<AvailableAgent[]> {
  const seenSince = new Date(now.getTime() - PRESENCE_SECONDS * 1000);
  const offeredSince = new Date(now.getTime() - OFFER_SECONDS * 1000);
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
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    skills: jsonArray(r.skills),
    capacity: r.capacity,
    open: Number(r.open ?? 0),
    offers: Number(r.offers ?? 0),
  }));
}

export function agentsServing(agents: AvailableAgent[], queue: QueueSettings | undefined): AvailableAgent[] {
  return agents.filter((a) => servesQueue(a.skills, queue));
}

/** Open accepted handoffs of one agent. */
export async function openCount(db: Db, tenant: string, agentId: string): Promise<number> {
  const row = await db
    .selectFrom('handoffs')
    .select(sql<string>`count(*)`.as('n'))
    .where('tenant_id', '=', tenant)
    .where('agent_id', '=', agentId)
    .where('closed_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
