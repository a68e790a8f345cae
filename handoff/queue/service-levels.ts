import { abandonedByQueueSince, acceptWaitsSince, medianAcceptSeconds, waitingByQueue, waitingHandoffCount, type Db } from '../../store/index.js';
import { queueOrDefault, seconds, standardFor, startOfDay } from './common.js';
import { agentsServing, availableAgents } from './presence.js';
import type { Priority, QueueSettings, ServiceStandard } from './types.js';

/** Used for a wait estimate before anyone has been answered today. */
export const DEFAULT_ACCEPT_SECONDS = 60;

export { medianAcceptSeconds };

/**
 * Seconds a resident joining `queue` now can expect to wait: the handoffs ahead of them
 * (at their priority or above), shared among the agents available for the queue, at today's
 * median time to accept. Null when nobody who serves the queue is available.
 */
export async function estimateWait(
  db: Db,
  tenant: string,
  queue: QueueSettings,
  options: { now?: Date; timeZone?: string; priority?: Priority } = {},
): Promise<number | null> {
  const now = options.now ?? new Date();
  const agents = agentsServing(await availableAgents(db, tenant, now), queue);
  if (!agents.length) return null;
  const priorities: Priority[] = options.priority === 'urgent' ? ['urgent'] : options.priority === 'high' ? ['urgent', 'high'] : ['urgent', 'high', 'normal'];
  const waiting = await waitingHandoffCount(db, tenant, queue.id, priorities);
  const since = startOfDay(now, options.timeZone);
  const median =
    (await medianAcceptSeconds(db, tenant, since, queue.id)) ?? (await medianAcceptSeconds(db, tenant, since)) ?? DEFAULT_ACCEPT_SECONDS;
  const freeSlots = agents.reduce((n, a) => n + Math.max(0, a.capacity - a.open), 0);
  // Someone with a free slot answers about as fast as the median; otherwise wait for rounds of the queue to clear.
  const rounds = waiting < freeSlots ? 1 : Math.ceil((waiting + 1) / agents.length);
  return Math.round(median * rounds);
}

export interface QueueServiceLevel {
  id: string;
  name: string;
  waiting: number;
  longestWaitSeconds: number;
  agentsAvailable: number;
  acceptedToday: number;
  withinStandardToday: number;
  abandonedToday: number;
  /** withinStandardToday / acceptedToday (null before the first accept). */
  withinStandardShare: number | null;
  /** abandonedToday / (acceptedToday + abandonedToday). */
  abandonedShare: number | null;
  /** Whether today's figures meet the standard so far. */
  meetsStandard: boolean;
  standard: ServiceStandard;
}

/**
 * Today's service levels per queue (midnight in the council's time zone): who waits now and
 * for how long, who can answer, and how today's accepts compare with the standard.
 * Handoffs in a queue the settings no longer list are shown under that queue's id.
 */
export async function serviceLevels(
  db: Db,
  tenant: string,
  queues: readonly QueueSettings[],
  options: { now?: Date; timeZone?: string } = {},
): Promise<QueueServiceLevel[]> {
  const now = options.now ?? new Date();
  const since = startOfDay(now, options.timeZone);
  const waiting = await waitingByQueue(db, tenant);
  const accepted = await acceptWaitsSince(db, tenant, since);
  const abandoned = await abandonedByQueueSince(db, tenant, since);
  const agents = await availableAgents(db, tenant, now);

  const ids = [...queues.map((q) => q.id)];
  for (const r of [...waiting, ...accepted, ...abandoned]) if (!ids.includes(r.queue)) ids.push(r.queue);
  return ids.map((id) => {
    const queue = queueOrDefault(queues, id);
    const standard = standardFor(queue);
    const w = waiting.find((r) => r.queue === id);
    const mine = accepted.filter((r) => r.queue === id);
    const within = mine.filter((r) => r.wait <= standard.answerWithinSeconds).length;
    const gaveUp = abandoned.find((r) => r.queue === id)?.n ?? 0;
    const withinShare = mine.length ? within / mine.length : null;
    const abandonedShare = mine.length + gaveUp ? gaveUp / (mine.length + gaveUp) : null;
    return {
      id,
      name: queue.name,
      waiting: w?.n ?? 0,
      longestWaitSeconds: w?.oldest ? seconds(new Date(w.oldest), now) : 0,
      agentsAvailable: agentsServing(agents, queue).length,
      acceptedToday: mine.length,
      withinStandardToday: within,
      abandonedToday: gaveUp,
      withinStandardShare: withinShare,
      abandonedShare,
      meetsStandard: (withinShare ?? 1) >= standard.targetShare && (abandonedShare ?? 0) <= standard.maxAbandonedShare,
      standard,
    };
  });
}

