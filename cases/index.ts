/** Service requests: lifecycle wording, target dates, duplicate detection. Data access is in store/. */
export { statusLabel, isOpenStatus, addWorkingDays, CASE_STATUSES } from './status.js';
export { findLikelyDuplicate, recordRepeatReport, type DuplicateMatch, type RepeatReport, type ReportPlace } from './duplicates.js';
export { STREET_REPORTS, streetRule, metresApart, type StreetRule } from './street-reports.js';
