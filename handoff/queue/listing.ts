import type { Db } from '../../store/index.js';
import { isSupervisor, jsonObject, priorityRank, queueOrDefault, seconds, servesQueue } from './common.js';
import type { QueueAgent, QueueItem, QueueSettings } from './types.js';

/**
 * The agent's queue: waiting handoffs in the queues they serve (urgent, then high, then normal;
 * oldest first within a priority), plus anything offered or transferred to them, then the ones
 * they hold. Supervisors and admins see every waiting handoff.
 */
export async function listQueue(
  db: Db,
  tenant: string,
  agent: QueueAgent,
  queues: readonly QueueSettings[],
  now = new Date(),
): Promise<QueueItem[]> {
  const rows = await db
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
    ])
    .where('h.tenant_id', '=', tenant)
    .where('h.closed_at', 'is', null)
    .where((eb) => eb.or([eb('h.agent_id', 'is', null), eb('h.agent_id', '=', agent.id)]))
    .orderBy(priorityRank)
    .orderBy('h.created_at')
    .orderBy('h.id')
    .execute();
  const supervisor = isSupervisor(agent);
  const waiting: QueueItem[] = [];
  const mine: QueueItem[] = [];
  for (const r of rows) {
    const queue = queueOrDefault(queues, r.queue);
    const item: QueueItem = {
      id: r.id,
      conversationId: r.conversation_id,
      queue: r.queue,
      queueName: queue.name,
      priority: r.priority,
      reason: r.reason,
      channel: r.channel,
      summary: r.summary,
      createdAt: r.created_at.toISOString(),
      waitingSeconds: seconds(r.created_at, now),
      offeredTo: r.offered_to,
      agentId: r.agent_id,
      agentName: r.agent_name ?? null,
      acceptedAt: r.accepted_at ? r.accepted_at.toISOString() : null,
    };
    if (r.agent_id === agent.id) {
      mine.push(item);
      continue;
    }
    const directedTo = transferTarget(r.context);
    const visible =
      supervisor || r.offered_to === agent.id || directedTo === agent.id || (!directedTo && servesQueue(agent.skills, queue));
    if (visible) waiting.push(item);
  }
  mine.sort((a, b) => (a.acceptedAt ?? '').localeCompare(b.acceptedAt ?? ''));
  return [...waiting, ...mine];
}

/** The agent a handoff was transferred to by name, if any: it waits for them rather than the whole queue. */
export function transferTarget(context: unknown): string | null {
  const transfer = jsonObject(context).transfer as { toAgentId?: unknown } | undefined;
  return transfer && typeof transfer.toAgentId === 'string' ? transfer.toAgentId : null;
}
