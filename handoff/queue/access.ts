/**
 * Need-to-know (issue 10): the one rule for which handoffs and conversations an agent may see.
 * A conversation is seen through its current handoff (the open one, else the latest):
 * - its holder sees it (open or closed: they worked on it);
 * - while it waits, whoever overflow.ts `accessTo` lets open it (the queue's skills, the agent it
 *   was transferred or offered to by name, urgent overflow);
 * - once held by someone else or closed, those whose skills serve its queue;
 * - supervisors and admins see everything (their reads outside their own skills are audited as such).
 * A conversation that never had a handoff is for supervisors only. The listing, every conversation
 * route and the console's live events (through `audienceOf`) all use this rule.
 */
import { latestHandoffFor, type Db } from '../../store/index.js';
import { isSupervisor, isUuidish, queueOrDefault, servesQueue, transferTarget } from './common.js';
import { accessTo, needsOverflowCheck, OverflowState, type Access, type UrgentOverflow, type WaitingHandoff } from './overflow.js';
import type { QueueAgent, QueueSettings } from './types.js';

/** Why an agent may see a handoff: `holder` beside overflow.ts's reasons to open a waiting one. */
export type Sight = Access | 'holder';

export interface SeenHandoff extends WaitingHandoff {
  closed_at: Date | null;
}

type Viewer = Pick<QueueAgent, 'id' | 'skills' | 'roles'>;

/** Whether (and why) the agent may see this handoff and its conversation. */
export function sightOf(agent: Viewer, h: SeenHandoff, queues: readonly QueueSettings[], overflow?: OverflowState): Sight | null {
  if (h.agent_id === agent.id) return 'holder';
  if (!h.agent_id && !h.closed_at) return accessTo(agent, h, queues, overflow);
  if (isSupervisor(agent)) return 'supervisor';
  return servesQueue(agent.skills, queueOrDefault(queues, h.queue)) ? 'queue' : null;
}

/** A supervisor seeing what their own skills would not show them: audited as such. */
export function outsideSkills(agent: Viewer, h: SeenHandoff | undefined, queues: readonly QueueSettings[]): boolean {
  if (!isSupervisor(agent)) return false;
  if (!h) return true;
  return h.agent_id !== agent.id && !servesQueue(agent.skills, queueOrDefault(queues, h.queue));
}

export interface ConversationSight {
  sight: Sight | null;
  /** The handoff the decision was made on (the open one, else the latest); none: never handed off. */
  handoff: Awaited<ReturnType<typeof latestHandoffFor>>;
  outsideSkills: boolean;
}

/**
 * The rule applied to a conversation, reading its current handoff (and, only for an urgent one
 * the agent could not otherwise open, who is available: the overflow policy).
 */
export async function conversationSight(
  db: Db,
  tenant: string,
  conversationId: string,
  agent: Viewer,
  queues: readonly QueueSettings[],
  options: { urgentOverflow?: UrgentOverflow; now?: Date } = {},
): Promise<ConversationSight> {
  if (!isUuidish(conversationId)) return { sight: null, handoff: undefined, outsideSkills: false };
  const handoff = await latestHandoffFor(db, tenant, conversationId);
  if (!handoff) return { sight: isSupervisor(agent) ? 'supervisor' : null, handoff, outsideSkills: outsideSkills(agent, undefined, queues) };
  const policy = options.urgentOverflow ?? 'none';
  const waiting = !handoff.agent_id && !handoff.closed_at;
  const overflow =
    waiting && policy !== 'none' && needsOverflowCheck(agent, handoff, queues)
      ? await OverflowState.load(db, tenant, queues, policy, options.now ?? new Date())
      : undefined;
  return { sight: sightOf(agent, handoff, queues, overflow), handoff, outsideSkills: outsideSkills(agent, handoff, queues) };
}

/**
 * Who may hear of a conversation live, in the console's rooms: supervisors always; the agents who
 * serve `queue` (null: none by queue; `everyone`: a queue without skills, which every agent
 * serves); and the named agents (its holder, the one it waits for or was offered to, and the
 * available agents an urgent one overflows to). Mirrors `sightOf` (access.test.ts pins that).
 */
export interface Audience {
  queue: string | null;
  everyone: boolean;
  agents: string[];
}

export function audienceOfHandoff(h: SeenHandoff | undefined, queues: readonly QueueSettings[], overflow?: OverflowState): Audience {
  if (!h) return { queue: null, everyone: false, agents: [] };
  const byQueue = (): Audience => {
    const queue = queueOrDefault(queues, h.queue);
    return { queue: queue.id, everyone: queue.skills.length === 0, agents: [] };
  };
  if (h.agent_id || h.closed_at) {
    const audience = byQueue();
    return h.agent_id ? { ...audience, agents: [h.agent_id] } : audience;
  }
  // Waiting: as overflow.ts `accessTo` opens it.
  const directed = transferTarget(h.context);
  if (directed) return { queue: null, everyone: false, agents: [directed] };
  const agents = new Set<string>();
  if (h.offered_to) agents.add(h.offered_to);
  if (overflow && h.priority === 'urgent' && overflow.overflows(h)) {
    for (const a of overflow.available) if (overflow.isPresent(a.id)) agents.add(a.id);
  }
  return { ...byQueue(), agents: [...agents] };
}

/** The audience of a conversation's live events (typing, new messages), read from its current handoff. */
export async function audienceOf(
  db: Db,
  tenant: string,
  conversationId: string,
  queues: readonly QueueSettings[],
  options: { urgentOverflow?: UrgentOverflow; now?: Date } = {},
): Promise<Audience> {
  const handoff = isUuidish(conversationId) ? await latestHandoffFor(db, tenant, conversationId) : undefined;
  const policy = options.urgentOverflow ?? 'none';
  const overflow =
    handoff && handoff.priority === 'urgent' && !handoff.agent_id && !handoff.closed_at && policy !== 'none'
      ? await OverflowState.load(db, tenant, queues, policy, options.now ?? new Date())
      : undefined;
  return audienceOfHandoff(handoff, queues, overflow);
}

/** The queues whose rooms an agent joins: those their skills serve (the same `servesQueue` rule). */
export function queuesServedBy(agent: Pick<QueueAgent, 'skills'>, queues: readonly QueueSettings[]): string[] {
  return queues.filter((q) => servesQueue(agent.skills, q)).map((q) => q.id);
}
