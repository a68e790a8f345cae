import type { HandoffRow } from '../../store/index.js';

/** A queue as the content pack's settings describe it; `standard` is an optional per-queue override. */
export interface QueueSettings {
  id: string;
  name: string;
  skills: string[];
  standard?: Partial<ServiceStandard>;
}

/** The signed-in agent as the console's session middleware gives it (`req.agent`). */
export interface QueueAgent {
  id: string;
  tenantId?: string;
  name: string;
  roles?: string[];
  skills: string[];
  capacity: number;
}

export type Priority = HandoffRow['priority'];
export type AgentStatus = 'available' | 'busy' | 'away';

export const CLOSE_OUTCOMES = ['resolved', 'case_created', 'signposted', 'no_response', 'duplicate'] as const;
export type CloseOutcome = (typeof CLOSE_OUTCOMES)[number];

export interface ServiceStandard {
  /** An accept within this many seconds of joining the queue meets the standard. */
  answerWithinSeconds: number;
  /** The share of accepts that should meet it. */
  targetShare: number;
  /** The largest acceptable share of residents who give up waiting. */
  maxAbandonedShare: number;
}

export const DEFAULT_STANDARD: ServiceStandard = { answerWithinSeconds: 20, targetShare: 0.8, maxAbandonedShare: 0.05 };

/** An offer stands this long before routing gives the handoff to someone else. */
export const OFFER_SECONDS = 30;
/** An agent unseen (no heartbeat) for this long counts as away. */
export const PRESENCE_SECONDS = 60;

export interface QueueItem {
  id: string;
  conversationId: string;
  queue: string;
  queueName: string;
  priority: Priority;
  /** Internal reason (`safety.risk_to_life`, `service.waste.missed_collection`, `resident_request`). */
  reason: string;
  /** The reason in words an agent understands ("Asked for a person", the service's name). */
  reasonLabel: string;
  /** The conversation's highest safety flag (any message), labelled; null when none. */
  safety: { category: string; kind: string | null; label: string } | null;
  /** Listed to this agent only under the urgent-overflow policy (nobody with the skills is here). */
  overflow: boolean;
  channel: string;
  summary: string;
  createdAt: string;
  waitingSeconds: number;
  offeredTo: string | null;
  agentId: string | null;
  agentName: string | null;
  acceptedAt: string | null;
}

/** A rule the caller broke; the HTTP layer turns it into a problem response with this status. */
export class QueueError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    readonly title: string,
    detail?: string,
  ) {
    super(detail ?? title);
    this.name = 'QueueError';
  }
}
