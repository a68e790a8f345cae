import {
  caseDetails,
  findOpenCasesAt,
  openCasesNear,
  recordCaseEvent,
  recordCaseReport,
  type CaseRow,
  type Db,
} from '../store/index.js';
import { answersDiffer, boxAround, hasCoordinates, metresApart, streetRule } from './street-reports.js';

/** How long an open report at the same property counts as the same problem, per service. */
const WINDOW_DAYS: Record<string, number> = {
  'waste.missed_collection': 3,
  'waste.bulky_collection': 0,
};
const DEFAULT_WINDOW_DAYS = 14;

const DAY_MS = 86_400_000;

/** Where a report is, as far as matching goes (a flow's location slot or an Open311 place). */
export interface ReportPlace {
  uprn?: string | null;
  usrn?: string | null;
  lat?: number | null;
  lng?: number | null;
}

export interface DuplicateMatch {
  case: CaseRow;
  /** `nearby`: a street report within the service's distance; `property`: the same UPRN. */
  basis: 'nearby' | 'property';
  /** Metres between the two places (rounded), when both have coordinates. */
  distanceMetres: number | null;
}

/**
 * An open case that is likely the same problem, or null:
 * - street reports (cases/street-reports.ts): the same service, open, opened within the service's
 *   window, both places with coordinates within its distance, and no answer telling them apart; the
 *   nearest wins. Without coordinates on either side they are not joined (a USRN is a whole road);
 *   the same UPRN still is;
 * - any other service: the same service at the same property (UPRN), within its window. Reports
 *   without a UPRN (a described place) are not matched: too easy to get wrong.
 * `answers`: the new report's answers by slot (the flow's values), for `distinguishBy`.
 */
export async function findLikelyDuplicate(
  db: Db,
  tenant: string,
  serviceId: string,
  place: ReportPlace | undefined,
  now: Date,
  answers?: Record<string, unknown>,
): Promise<DuplicateMatch | null> {
  const rule = streetRule(serviceId);
  const days = rule ? rule.windowDays : (WINDOW_DAYS[serviceId] ?? DEFAULT_WINDOW_DAYS);
  if (!place || days <= 0) return null;
  const since = new Date(now.getTime() - days * DAY_MS);
  const same = (row: CaseRow) => !rule || !answersDiffer(rule, answers, answerValues(row));
  if (rule && hasCoordinates(place)) {
    const near = await openCasesNear(db, tenant, serviceId, boxAround(place.lat, place.lng, rule.metres), since);
    let best: DuplicateMatch | null = null;
    for (const row of near) {
      if (!hasCoordinates(row) || !same(row)) continue;
      const metres = metresApart(place.lat, place.lng, row.lat, row.lng);
      if (metres > rule.metres) continue;
      if (!best || metres < best.distanceMetres!) best = { case: row, basis: 'nearby', distanceMetres: Math.round(metres) };
    }
    if (best) return best;
  }
  if (!place.uprn) return null;
  const open = (await findOpenCasesAt(db, tenant, serviceId, place.uprn, since)).filter(same);
  const row = open[0];
  if (!row) return null;
  const distance = hasCoordinates(place) && hasCoordinates(row) ? Math.round(metresApart(place.lat, place.lng, row.lat, row.lng)) : null;
  return { case: row, basis: 'property', distanceMetres: distance };
}

/** The flow's answers stored on a case (`details.values`). */
function answerValues(row: CaseRow): Record<string, unknown> {
  const values = caseDetails(row)?.values;
  return values && typeof values === 'object' ? (values as Record<string, unknown>) : {};
}

export interface RepeatReport {
  tenant: string;
  case: CaseRow;
  via: 'assistant' | 'open311';
  /** `assistant`, `open311:<client id>`. */
  actor: string;
  /** How it reads in the case's history ("through the assistant", "through Open311 (FixMyStreet)"). */
  source: string;
  conversationId?: string | null;
  contactId?: string | null;
  distanceMetres: number | null;
  /** The place as reported (a flow's location slot, an Open311 place). */
  location: unknown;
  answers?: Record<string, unknown>;
  description?: string | null;
  /** A photo's address given with an Open311 report. */
  mediaUrl?: string | null;
}

/**
 * Joins a further report to the existing case instead of opening a second one: a linked report
 * (who, when, where, how far), a line in its history and a `merged` case event for the back
 * office, in the caller's transaction. Returns the linked report's id.
 */
export async function recordRepeatReport(db: Db, report: RepeatReport): Promise<string> {
  const distance = report.distanceMetres === null ? '' : `, ${report.distanceMetres} m away`;
  const reportId = await recordCaseReport(db, {
    tenant: report.tenant,
    caseId: report.case.id,
    via: report.via,
    actor: report.actor,
    conversationId: report.conversationId ?? null,
    contactId: report.contactId ?? null,
    distanceMetres: report.distanceMetres,
    details: { location: report.location ?? null, answers: report.answers ?? {}, description: report.description ?? null, mediaUrl: report.mediaUrl ?? null },
    historyNote: `Reported again ${report.source}${distance}`,
  });
  await recordCaseEvent(db, {
    tenant: report.tenant,
    caseId: report.case.id,
    type: 'merged',
    data: {
      reportId,
      ...(report.conversationId ? { conversationId: report.conversationId } : {}),
      ...(report.distanceMetres !== null ? { distanceMetres: report.distanceMetres } : {}),
      via: report.via,
    },
    actor: report.actor,
  });
  return reportId;
}
