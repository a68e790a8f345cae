/**
 * Who may open a waiting handoff, and the urgent-overflow policy (handoff/README.md):
 * an urgent (safety) handoff that no signed-in, available agent with its queue's skills and a
 * free slot can take is offered to every available agent, so urgent work reaches someone who
 * can act. Per council, `settings.urgentOverflow`: `all_agents` (the default) or `none`.
 * The listing, accept, routing offers and the urgent alert all use this one rule.
 */
import { enabledAgents, type Db } from '../../store/index.js';
import { isSupervisor, jsonArray, queueOrDefault, servesQueue, transferTarget } from './common.js';
import { availableAgents, type AvailableAgent } from './presence.js';
import type { QueueAgent, QueueSettings } from './types.js';

export const URGENT_OVERFLOW_POLICIES = ['all_agents', 'none'] as const;
export type UrgentOverflow = (typeof URGENT_OVERFLOW_POLICIES)[number];
/** What a council gets without saying (bot/content-pack/schemas.ts has the same default). */
export const DEFAULT_URGENT_OVERFLOW: UrgentOverflow = 'all_agents';

/** Why an agent may open a waiting handoff. `overflow`: only under the urgent-overflow policy. */
export type Access = 'supervisor' | 'directed' | 'queue' | 'offered' | 'overflow';

export interface WaitingHandoff {
  priority: string;
  queue: string;
  offered_to: string | null;
  agent_id: string | null;
  context: unknown;
}

/**
 * Who is here to take urgent work: the tenant's available agents (seen in the last 60 s), read
 * once, and the policy. `overflows(h)` says whether an urgent handoff has nobody with its skills.
 */
export class OverflowState {
  private readonly present: Set<string>;

  constructor(
    readonly policy: UrgentOverflow,
    readonly available: readonly AvailableAgent[],
    private readonly queues: readonly QueueSettings[],
  ) {
    this.present = new Set(available.map((a) => a.id));
  }

  static async load(db: Db, tenant: string, queues: readonly QueueSettings[], policy: UrgentOverflow, now = new Date()): Promise<OverflowState> {
    return new OverflowState(policy, policy === 'none' ? [] : await availableAgents(db, tenant, now), queues);
  }

  /** Urgent, waiting, for nobody in particular, and no available agent with the skills and a free slot. */
  overflows(h: WaitingHandoff): boolean {
    if (this.policy !== 'all_agents' || h.priority !== 'urgent' || h.agent_id || transferTarget(h.context)) return false;
    const queue = queueOrDefault(this.queues, h.queue);
    return !this.available.some((a) => servesQueue(a.skills, queue) && a.open < a.capacity);
  }

  /** Overflow goes to agents who are available (and seen in the last minute), not busy or away. */
  isPresent(agentId: string): boolean {
    return this.present.has(agentId);
  }
}

/**
 * Whether (and why) the agent may open a waiting handoff. `overflow` is only consulted for an
 * urgent handoff the agent could not otherwise open; without it, such a handoff is closed to
 * them (callers load it only when `needsOverflowCheck` says so, saving the presence query).
 */
export function accessTo(
  agent: Pick<QueueAgent, 'id' | 'skills' | 'roles'>,
  h: WaitingHandoff,
  queues: readonly QueueSettings[],
  overflow?: OverflowState,
): Access | null {
  if (isSupervisor(agent)) return 'supervisor';
  const directed = transferTarget(h.context);
  if (directed) return directed === agent.id ? 'directed' : null;
  const serves = servesQueue(agent.skills, queueOrDefault(queues, h.queue));
  if (serves) return 'queue';
  // Offered to someone without the skills: routing only does that under the overflow policy.
  if (h.offered_to === agent.id) return h.priority === 'urgent' ? 'overflow' : 'offered';
  if (h.priority !== 'urgent') return null;
  return overflow && overflow.overflows(h) && overflow.isPresent(agent.id) ? 'overflow' : null;
}

/** Only an urgent handoff for nobody in particular that the agent cannot otherwise open can overflow to them. */
export function needsOverflowCheck(agent: Pick<QueueAgent, 'id' | 'skills' | 'roles'>, h: WaitingHandoff, queues: readonly QueueSettings[]): boolean {
  return h.priority === 'urgent' && !h.agent_id && !transferTarget(h.context) && accessTo(agent, h, queues) === null;
}

/**
 * The agents who can open a waiting handoff (and so should hear its alert): supervisors, those
 * with its queue's skills, the one it was transferred or offered to, and, when it overflows,
 * every available agent. Disabled accounts never.
 */
export async function agentsWhoCanOpen(
  db: Db,
  tenant: string,
  h: WaitingHandoff,
  queues: readonly QueueSettings[],
  policy: UrgentOverflow,
  now = new Date(),
): Promise<string[]> {
  const rows = await enabledAgents(db, tenant);
  let state: OverflowState | undefined;
  if (h.priority === 'urgent' && policy !== 'none') state = await OverflowState.load(db, tenant, queues, policy, now);
  return rows
    .filter((r) => accessTo({ id: r.id, roles: jsonArray(r.roles), skills: jsonArray(r.skills) }, h, queues, state) !== null)
    .map((r) => r.id);
}

/**
 * Whether an available agent can take a new handoff for this queue now (what a safety reply may
 * promise as "a person will join now"): one who serves the queue, or for urgent work under the
 * `all_agents` policy any available agent, with room for it beside their open work and offers.
 */
export async function agentCanTakeNow(
  db: Db,
  tenant: string,
  queues: readonly QueueSettings[],
  queueId: string,
  policy: UrgentOverflow,
  urgent: boolean,
  now = new Date(),
): Promise<boolean> {
  const queue = queues.find((q) => q.id === queueId);
  const overflow = urgent && policy === 'all_agents';
  const agents = await availableAgents(db, tenant, now);
  return agents.some((a) => (overflow || servesQueue(a.skills, queue)) && a.open + a.offers < a.capacity);
}
