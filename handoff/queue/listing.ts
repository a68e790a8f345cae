import { openHandoffsForListing, parseSafetyFlag, recordAudit, type Db } from '../../store/index.js';
import { jsonObject, queueOrDefault, seconds, servesQueue, transferTarget } from './common.js';
import { labelledFlag, reasonLabel, type SafetyLabel, type ServiceNames } from './labels.js';
import { sightOf } from './access.js';
import { needsOverflowCheck, OverflowState, type UrgentOverflow } from './overflow.js';
import type { QueueAgent, QueueItem, QueueSettings } from './types.js';

export { transferTarget };

export interface ListOptions {
  /** The council's urgent-overflow policy (settings.urgentOverflow); without it, none. */
  urgentOverflow?: UrgentOverflow;
  /** Catalogue names, for reasons such as `service.waste.missed_collection`. */
  serviceName?: ServiceNames;
}

/**
 * The agent's queue: waiting handoffs in the queues they serve (urgent, then high, then normal;
 * oldest first within a priority), plus anything offered or transferred to them, then the ones
 * they hold. Supervisors and admins see every waiting handoff; under the urgent-overflow policy
 * an available agent also sees urgent ones nobody with the skills is here to take.
 * One query, with each conversation's safety flag (store/safety-flags.ts); the presence query
 * behind the overflow rule runs only when an urgent handoff is closed to this agent otherwise.
 * Who may see what is access.ts's rule. The listing quotes residents' words (summaries), so
 * every read is audited: who, when, how many items and which conversations.
 */
export async function listQueue(
  db: Db,
  tenant: string,
  agent: QueueAgent,
  queues: readonly QueueSettings[],
  now = new Date(),
  options: ListOptions = {},
): Promise<QueueItem[]> {
  const rows = await openHandoffsForListing(db, tenant, agent.id);
  const policy = options.urgentOverflow ?? 'none';
  const overflow =
    policy !== 'none' && rows.some((r) => r.agent_id !== agent.id && needsOverflowCheck(agent, r, queues))
      ? await OverflowState.load(db, tenant, queues, policy, now)
      : undefined;
  const waiting: QueueItem[] = [];
  const mine: QueueItem[] = [];
  const outside: string[] = [];
  for (const r of rows) {
    const queue = queueOrDefault(queues, r.queue);
    const access = sightOf(agent, { ...r, closed_at: null }, queues, overflow);
    const item: QueueItem = {
      id: r.id,
      conversationId: r.conversation_id,
      queue: r.queue,
      queueName: queue.name,
      priority: r.priority,
      reason: r.reason,
      reasonLabel: reasonLabel(r.reason, options.serviceName),
      safety: safetyOf(r.safety_flag, r.reason, r.context),
      overflow: access === 'overflow',
      channel: r.channel,
      summary: r.summary,
      createdAt: r.created_at.toISOString(),
      waitingSeconds: seconds(r.created_at, now),
      offeredTo: r.offered_to,
      agentId: r.agent_id,
      agentName: r.agent_name ?? null,
      acceptedAt: r.accepted_at ? r.accepted_at.toISOString() : null,
    };
    if (access === 'holder') mine.push(item);
    else if (access) waiting.push(item);
    // Shown only by the supervisor role or the urgent-overflow policy, not the agent's skills.
    if ((access === 'supervisor' && !servesQueue(agent.skills, queue)) || access === 'overflow') outside.push(r.conversation_id);
  }
  mine.sort((a, b) => (a.acceptedAt ?? '').localeCompare(b.acceptedAt ?? ''));
  const items = [...waiting, ...mine];
  await recordAudit(db, {
    tenant,
    actorType: 'agent',
    actorId: agent.id,
    action: 'queue.list',
    subjectType: 'queue_listing',
    subjectId: agent.id,
    detail: { agentName: agent.name, items: items.length, conversationIds: items.map((i) => i.conversationId), outsideSkills: outside },
  });
  return items;
}

/**
 * The conversation's highest safety flag from its messages; failing that (a handoff made before
 * messages carried one), the handoff's own safety reason and the kind its context recorded.
 */
export function safetyOf(flag: unknown, reason: string, context: unknown): SafetyLabel | null {
  const fromMessages = parseSafetyFlag(flag);
  if (fromMessages) return labelledFlag(fromMessages);
  if (!reason.startsWith('safety.')) return null;
  return labelledFlag({ category: reason, kind: handoffKind(context) });
}

function handoffKind(context: unknown): string | null {
  const c = jsonObject(context);
  const safety = jsonObject(c.safety);
  const recognised = jsonObject(jsonObject(c.recognition).safety);
  const kind = safety.kind ?? c.kind ?? recognised.kind;
  return typeof kind === 'string' ? kind : null;
}
