export { needsDutyReferral } from './decide.js';
export { onCall, addRotaEntry, deleteRotaEntry, listRota, rotaEntryInput, ukMobileNumber, ALL_SKILLS, type RotaEntryInput } from './rota.js';
export {
  referOutOfHours,
  registerReferralJobs,
  sendReferral,
  acknowledgeReferral,
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
