/** Shapes of the console API (handoff/README.md). Fields the contract leaves open are optional. */

export type Role = 'agent' | 'supervisor' | 'admin';
export type Presence = 'available' | 'busy' | 'away';
export type Priority = 'urgent' | 'high' | 'normal';

export interface Agent {
  id: string;
  tenantId: string;
  name: string;
  email: string;
  roles: Role[];
  skills: string[];
  capacity: number;
  status?: Presence;
  /** Not in the contract; used for {council} when the server sends it. */
  councilName?: string;
}

export interface QueueItem {
  id: string;
  conversationId: string;
  queue: string;
  queueName: string;
  priority: Priority;
  reason: string;
  /** The reason in words ("Asked for a person", the service's name): show this, not `reason`. */
  reasonLabel?: string;
  /** The conversation's highest safety flag from any message, labelled by the server. */
  safety?: SafetyFlag | null;
  /** Listed to this agent only because nobody with the queue's skills is available (urgent overflow). */
  overflow?: boolean;
  channel: string;
  summary: string | null;
  createdAt: string;
  waitingSeconds: number;
  offeredTo: string | null;
  agentId: string | null;
  agentName: string | null;
  acceptedAt: string | null;
}

export interface SafetyFlag {
  category: string;
  kind: string | null;
  /** "Risk to life: suicide or self-harm". */
  label: string;
}

export type Author = 'resident' | 'bot' | 'agent' | 'system';

export interface TranscriptMessage {
  id: string | number;
  direction: 'in' | 'out';
  author: Author;
  text: string;
  createdAt?: string;
  agentName?: string | null;
  card?: { title: string; body?: string; link?: { label: string; url: string } };
  link?: { label: string; url: string };
  suggestions?: { label: string; value: string }[];
  /** Structured parts of an outbound message, as stored. */
  parts?: unknown;
}

export interface CaseSummary {
  reference: string;
  serviceId?: string;
  status?: string;
  createdAt?: string;
  summary?: string | null;
}

export interface ConversationContext {
  recognition: {
    intent?: string | null;
    confidence?: number;
    ranked?: { intent: string; confidence: number }[];
    entities?: { type: string; value: unknown }[];
    safety?: { category: string; kind?: string; reason?: string } | null;
  } | null;
  /** The recognition in words (catalogue names, plain labels): what the panel shows. */
  understood?: {
    intent: { label: string; confidence: number } | null;
    others: { label: string; confidence: number }[];
    safety: string | null;
  } | null;
  /** The highest safety flag of any message in the conversation. */
  safetyFlag?: (SafetyFlag & { reason: string | null; at: string }) | null;
  flow: { title: string; answers: Record<string, unknown> | { label?: string; slot?: string; value: unknown }[]; phase?: string } | null;
  cases: CaseSummary[];
  contact: {
    id: string;
    displayName: string | null;
    phone: string | null;
    email: string | null;
    flags: string[] | Record<string, unknown> | null;
    identities: { channel: string; channelUserId: string }[];
  } | null;
  previousConversations: { id: string; channel: string; createdAt: string; state: string; summary: string | null }[];
  previousCases: CaseSummary[];
  councilName?: string;
}

export interface ConversationDetail {
  conversation: { id: string; channel: string; state: string; createdAt?: string; tenantId?: string; councilName?: string };
  handoff: (Partial<QueueItem> & { id: string }) | null;
  transcript: TranscriptMessage[] | { messages: TranscriptMessage[] };
  context: ConversationContext;
}

export interface SupervisorQueue {
  id: string;
  name: string;
  waiting: number;
  longestWaitSeconds: number;
  agentsAvailable: number;
  acceptedToday: number;
  withinStandardToday: number;
  abandonedToday: number;
  standard: number | { answerWithinSeconds: number; targetShare?: number; maxAbandonedShare?: number };
}

export interface RotaEntry {
  id: string;
  skill: string;
  name: string;
  channel: 'sms' | 'email';
  destination: string;
  startsAt: string;
  endsAt: string;
}

export interface CannedResponse {
  id: string;
  title: string;
  body: string;
}

export interface Article {
  id: string;
  title: string;
  summary: string;
  url: string;
}

export const OUTCOMES: { value: string; label: string }[] = [
  { value: 'resolved', label: 'Resolved' },
  { value: 'case_created', label: 'Case created' },
  { value: 'signposted', label: 'Signposted elsewhere' },
  { value: 'no_response', label: 'No response from the resident' },
  { value: 'duplicate', label: 'Duplicate' },
];
