import { agentLanguages, offerHandoff, waitingHandoffLanguages, waitingHandoffs, type Db } from '../../store/index.js';
import { queueOrDefault, servesQueue, transferTarget } from './common.js';
import { OverflowState, type UrgentOverflow } from './overflow.js';
import { availableAgents, type AvailableAgent } from './presence.js';
import { OFFER_SECONDS, type QueueSettings } from './types.js';

export interface Offer {
  handoffId: string;
  agentId: string;
  conversationId: string;
  /** Offered outside the queue's skills under the urgent-overflow policy. */
  overflow?: true;
}

/**
 * One routing pass: each waiting handoff, most urgent and then oldest first, is offered to an
 * available agent who serves its queue and has a free slot, fewest open conversations first.
 * An offer stands for 30 s; after that it goes to someone else. Offers only reserve; the
 * agent still accepts, and `accept` enforces capacity. Safe to run on any number of processes:
 * each offer is a conditional update of what this pass read.
 * Under the urgent-overflow policy (overflow.ts), an urgent handoff that no available agent with
 * its skills and a free slot can take is offered to any available agent with room.
 * A handoff in Welsh (its language, else its conversation's: issue 17) goes first to those
 * candidates whose languages include Welsh, then, when none of them has room (or the offer to
 * them lapsed), to the others: a Welsh speaker is preferred, never waited for.
 */
export async function offerNext(
  db: Db,
  tenant: string,
  queues: readonly QueueSettings[],
  now = new Date(),
  options: { urgentOverflow?: UrgentOverflow } = {},
): Promise<Offer[]> {
  const agents = await availableAgents(db, tenant, now);
  if (!agents.length) return [];
  const overflow = new OverflowState(options.urgentOverflow ?? 'none', agents, queues);
  const stale = now.getTime() - OFFER_SECONDS * 1000;
  const waiting = await waitingHandoffs(db, tenant);
  const byId = new Map(agents.map((a) => [a.id, a]));
  const hasRoom = (a: AvailableAgent) => a.open + a.offers < a.capacity;
  const offers: Offer[] = [];
  // Languages matter only for a handoff not in English; read the agents' only when there is one.
  const handoffLanguage = await waitingHandoffLanguages(db, tenant);
  const preferring = [...handoffLanguage.values()].some((l) => l !== 'en');
  const speaks = preferring ? await agentLanguages(db, tenant, agents.map((a) => a.id)) : new Map<string, string[]>();
  for (const h of waiting) {
    if (h.offered_to && h.offered_at && h.offered_at.getTime() > stale) continue; // a live offer
    const queue = queueOrDefault(queues, h.queue);
    const directed = transferTarget(h.context);
    let candidates: AvailableAgent[];
    const target = directed ? byId.get(directed) : undefined;
    // Judged before this pass's own offers take up slots: the same rule the listing applies.
    const overflowing = overflow.overflows(h);
    if (target) {
      // Transferred to a named agent who is here: it waits for them, offered again when it lapses.
      if (!hasRoom(target)) continue;
      candidates = [target];
    } else {
      candidates = agents.filter((a) => (overflowing || servesQueue(a.skills, queue)) && hasRoom(a) && a.id !== h.offered_to);
    }
    if (!candidates.length) continue;
    const language = handoffLanguage.get(h.id);
    const fluent = (a: AvailableAgent) => (language && language !== 'en' && speaks.get(a.id)?.includes(language) ? 0 : 1);
    candidates.sort((a, b) => fluent(a) - fluent(b) || a.open - b.open || a.offers - b.offers || a.id.localeCompare(b.id));
    const chosen = candidates[0];
    if (await offerHandoff(db, tenant, h.id, chosen.id, h.offered_to, now)) {
      chosen.offers++;
      const outside = overflowing && !servesQueue(chosen.skills, queue);
      offers.push({ handoffId: h.id, agentId: chosen.id, conversationId: h.conversation_id, ...(outside ? { overflow: true as const } : {}) });
    }
  }
  return offers;
}
