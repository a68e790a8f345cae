/** Service requests: lifecycle wording, target dates, duplicate detection. Data access is in store/. */
export { statusLabel, isOpenStatus, addWorkingDays } from './status.js';
export { findLikelyDuplicate, recordRepeatReport } from './duplicates.js';
