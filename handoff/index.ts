export { isOpen, describeHours, type OpeningHours } from './opening-hours.js';
export { queueFor, priorityFor, type QueueConfig, type ServiceInfo } from './routing.js';
export { abandon, estimateWait, agentCanTakeNow } from './queue/index.js';
// The pure rule only (no sender, no store), so the bot can promise exactly what the wiring does.
export { needsDutyReferral, referralSkills } from './referrals/decide.js';
