/**
 * Handoff to people: opening hours, routing, the console's queue work, agents and sign-in, duty
 * referrals. The one entry point for other folders; each group below is what they use of a subfolder.
 */
export { isOpen, describeHours, type OpeningHours } from './opening-hours.js';
export { queueFor, priorityFor, type HandoffPriority, type QueueConfig, type ServiceInfo } from './routing.js';

// The queue (handoff/queue): presence, routing offers and the agent's actions, for the bot, the
// channels and the console API.
export {
  abandon,
  estimateWait,
  agentCanTakeNow,
  agentsWhoCanOpen,
  DEFAULT_URGENT_OVERFLOW,
  firstName,
  heartbeat,
  setStatus,
  offerNext,
  reasonLabel,
  serviceLevels,
  listQueue,
  listCannedResponses,
  accept,
  reply,
  transfer,
  handBack,
  close,
  createCaseFor,
  updateCase,
  viewConversation,
  QueueError,
  type QueueSettings,
  type ServiceNames,
  type UrgentOverflow,
} from './queue/index.js';
// Need-to-know (handoff/queue/access.ts): who may see a conversation, and who hears of it live.
export { conversationSight, audienceOf, queuesServedBy, isSupervisor, type Audience } from './queue/index.js';
// A phone handoff whose bridge to the agent was not answered waits again for the next agent (issue 14).
export { returnUnanswered, type UnansweredReason } from './queue/index.js';

// Agents and sign-in (handoff/agents), for the console API and the demo seed.
export {
  agentRoles,
  agentSkills,
  burnPasswordCheck,
  verifyPassword,
  findAgentByEmail,
  findAgentById,
  isLockedOut,
  recordSignInFailure,
  resetSignInFailures,
  setAgentStatus,
  generateTotpSecret,
  setPendingTotpSecret,
  completeTotpEnrolment,
  claimTotpStep,
  verifyTotp,
  otpauthUrl,
  totpQrDataUrl,
  generateRecoveryCodes,
  consumeRecoveryCode,
  createSession,
  sessionFromToken,
  upgradeSession,
  revokeSession,
  revokeAll,
  hashSessionToken,
  seedDemoAgents,
  type SessionStage,
} from './agents/index.js';
// Staff administration and single sign-on (issue 16): the console's admin routes, `staff:admin`, the content pack's `staff:` settings.
export {
  passwordProblems,
  randomPassword,
  createStaffAccount,
  issueInvite,
  invitedAccount,
  acceptInvite,
  assertAdminRemains,
  checkRoles,
  inviteUrl,
  StaffAdminError,
  MAX_CAPACITY,
  staffSettingsSchema,
  DEFAULT_STAFF_SETTINGS,
  SsoClient,
  SsoError,
  SSO_ERROR_TEXT,
  ssoAccount,
  mfaClaimed,
  clientSecretVariable,
  type StaffSettings,
  type SsoSettings,
  type SsoErrorCode,
} from './agents/index.js';

// Duty referrals (handoff/referrals). `needsDutyReferral` and `referralSkills` are the pure rule
// (no sender, no store), so the bot can promise exactly what the wiring does.
export {
  needsDutyReferral,
  referralSkills,
  ukMobileNumber,
  onCall,
  listRota,
  addRotaEntry,
  deleteRotaEntry,
  rotaEntryInput,
  referOutOfHours,
  acknowledgeReferral,
  acknowledgeReferralByAgent,
  listReferrals,
  registerReferralJobs,
  REFERRAL_SWEEP_JOB,
  REFERRAL_SWEEP_EVERY_MS,
  dutyPolicyOf,
  dutyAlarms,
  dutyHealth,
  dutyChains,
  type DutyPolicy,
  type DutyWatch,
} from './referrals/index.js';
export { referralForAckToken } from './referrals/referral.js';
