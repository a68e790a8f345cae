import { availableAgentLoads, markAgentSeen, openHandoffCount, setAgentPresence, type Db } from '../../store/index.js';
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
  const row = await setAgentPresence(db, tenant, agentId, status, now);
  if (!row) throw new QueueError(404, 'Agent not found');
  return { id: row.id, name: row.name, status: row.status, lastSeenAt: row.last_seen_at };
}

/** The console's heartbeat (every 20 s): an agent unseen for 60 s counts as away. */
export async function heartbeat(db: Db, tenant: string, agentId: string, now = new Date()): Promise<void> {
  await markAgentSeen(db, tenant, agentId, now);
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
  const rows = await availableAgentLoads(db, tenant, seenSince, offeredSince);
  return rows.map((r) => ({ ...r, skills: jsonArray(r.skills) }));
}

export function agentsServing(agents: AvailableAgent[], queue: QueueSettings | undefined): AvailableAgent[] {
  return agents.filter((a) => servesQueue(a.skills, queue));
}

/** Open accepted handoffs of one agent. */
export async function openCount(db: Db, tenant: string, agentId: string): Promise<number> {
  return openHandoffCount(db, tenant, agentId);
}
