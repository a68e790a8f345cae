/** The console's queue work: listing, routing offers, accept, reply, transfer, hand back, close, context, service levels, audit. */
export * from './types.js';
export { servesQueue, startOfDay, isSupervisor, firstName } from './common.js';
export {
  accessTo,
  agentCanTakeNow,
  agentsWhoCanOpen,
  OverflowState,
  URGENT_OVERFLOW_POLICIES,
  DEFAULT_URGENT_OVERFLOW,
  type Access,
  type UrgentOverflow,
} from './overflow.js';
export { intentLabel, reasonLabel, safetyLabel, type ServiceNames, type SafetyLabel } from './labels.js';
export { auditAgentAction, auditTrail, type AuditEvent, type AuditSubject } from './audit.js';
export { setStatus, heartbeat, availableAgents, openCount, isPresent, type AvailableAgent, type PresenceRow } from './presence.js';
export { listQueue, transferTarget, safetyOf, type ListOptions } from './listing.js';
export { sightOf, conversationSight, audienceOf, audienceOfHandoff, queuesServedBy, outsideSkills, type Sight, type Audience, type ConversationSight } from './access.js';
export { offerNext, type Offer } from './routing.js';
export { returnUnanswered, type UnansweredReason } from './voice-bridge.js';
export {
  accept,
  reply,
  transfer,
  handBack,
  close,
  abandon,
  viewConversation,
  createCaseFor,
  updateCase,
  getConversation,
  CASE_STATUSES,
  type AcceptResult,
  type TransferInput,
  type ConversationView,
} from './actions.js';
export { conversationContext, type ConversationContext, type CaseSummary } from './context.js';
export { estimateWait, serviceLevels, medianAcceptSeconds, DEFAULT_ACCEPT_SECONDS, type QueueServiceLevel } from './service-levels.js';
export { listCannedResponses, DEMO_CANNED_RESPONSES, type CannedResponse } from './canned.js';
