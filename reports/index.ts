/**
 * Reports for supervisors (issue 16, item 3): periods, the tables every report shows, their CSV and
 * XLSX. The figures come from the store's report facts (store/reports.ts); the console's routes
 * (api/console/report-routes.ts) and `npm run bench:reports` use this folder.
 */
export { parsePeriod, periodKeys, localMidnight, localToday, PeriodError, MAX_DAYS, type ReportPeriod, type PeriodKind } from './period.js';
export { buildReports, STANDARDS, type ReportTable, type ReportColumn, type ReportFilters, type ReportLabels, type Cell } from './tables.js';
export { tableToCsv, tablesToXlsx, guardCell, fileName } from './export.js';
export { refreshReportFacts, reportDimensions } from '../store/index.js';
