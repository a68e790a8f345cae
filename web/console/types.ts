/** The console API's shapes, from wire/ (types only), and the few views the console derives from them. */
import type { CloseOutcome, ConsoleMessage, OutboundMessage } from '../../wire/index.js';

export type {
  Agent,
  Article,
  Author,
  CannedResponse,
  CaseSummary,
  ConversationContext,
  ConversationView as ConversationDetail,
  Presence,
  Priority,
  QueueItem,
  QueueServiceLevel as SupervisorQueue,
  Role,
  RotaEntry,
  SafetyFlag,
} from '../../wire/index.js';

/** A console transcript line with its stored parts spread over it (conversation-view.ts withParts). */
export type TranscriptMessage = ConsoleMessage & Partial<Pick<OutboundMessage, 'card' | 'link' | 'suggestions'>> & { agentName?: string | null };

export const OUTCOMES: { value: CloseOutcome; label: string }[] = [
  { value: 'resolved', label: 'Resolved' },
  { value: 'case_created', label: 'Case created' },
  { value: 'signposted', label: 'Signposted elsewhere' },
  { value: 'no_response', label: 'No response from the resident' },
  { value: 'duplicate', label: 'Duplicate' },
];
