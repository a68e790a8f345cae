export { needsDutyReferral, referralSkills } from './decide.js';
export { onCall, onCallRanked, addRotaEntry, deleteRotaEntry, listRota, rotaEntryInput, ukMobileNumber, ALL_SKILLS, type RotaEntryInput } from './rota.js';
export {
  referOutOfHours,
  sendReferral,
  acknowledgeReferral,
  acknowledgeReferralByAgent,
  listReferrals,
  hashAckToken,
  REFERRAL_SEND_JOB,
  DEFAULT_RETRY,
  type ReferralDeps,
  type ReferralJobDeps,
  type ReferOutOfHoursInput,
  type ReferralOutcome,
  type ReferralStatus,
  type ReferralListItem,
} from './referral.js';
export { registerReferralJobs, escalateReferral, sweepReferrals, nextTarget, type EscalationJob } from './escalation.js';
export {
  dutyPolicyOf,
  residentUnreachableText,
  RESIDENT_ALERTED_TEXT,
  DEFAULT_DUTY,
  REFERRAL_ESCALATE_JOB,
  REFERRAL_SWEEP_JOB,
  REFERRAL_SWEEP_EVERY_MS,
  type DutyPolicy,
  type DutyFallback,
} from './duty.js';
export { dutyAlarms, dutyHealth, dutyChains, type DutyAlarm, type DutyWatch, type DutyChain } from './alarms.js';
