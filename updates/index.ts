/**
 * Residents told when their case moves (issue 13, item 4): the follower of the case event log
 * that turns each status change into one message per resident who asked, on the channel they
 * chose, with the council's quiet hours; the e-mail sender through GOV.UK Notify; the wording.
 */
export {
  ResidentUpdates,
  tellsResident,
  RESIDENT_UPDATES_CONSUMER,
  RESIDENT_UPDATES_JOB,
  RESIDENT_UPDATES_EVERY_MS,
  UPDATE_EMAIL_JOB,
  type CouncilUpdates,
  type ResidentUpdatesDeps,
} from './resident-updates.js';
export { quietUntil, localMinutes, type QuietHours } from './quiet-hours.js';
export { updateMessage, updateEmail, updateLine, STOP_UPDATES_LABEL, STOP_UPDATES_LABEL_CY, type UpdateFacts, type UpdateLanguage } from './wording.js';
export { updateEmailSender, UpdatesConfigError, UPDATES_TEMPLATE_VARIABLE } from './email.js';
