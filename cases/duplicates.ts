import { addCaseStatus, findOpenCasesAt, type CaseRow, type Db } from '../store/index.js';

/** How long an open report at the same property counts as the same problem, per service. */
const WINDOW_DAYS: Record<string, number> = {
  'waste.missed_collection': 3,
  'waste.bulky_collection': 0,
};
const DEFAULT_WINDOW_DAYS = 14;

/**
 * An open case for the same service at the same property (UPRN), recent enough to be the same
 * problem. Reports without a UPRN (a described place) are not matched: too easy to get wrong.
 */
export async function findLikelyDuplicate(db: Db, tenant: string, serviceId: string, uprn: string | undefined, now: Date): Promise<CaseRow | null> {
  const days = WINDOW_DAYS[serviceId] ?? DEFAULT_WINDOW_DAYS;
  if (!uprn || days === 0) return null;
  const since = new Date(now.getTime() - days * 86400000);
  const open = await findOpenCasesAt(db, tenant, serviceId, uprn, since);
  return open[0] ?? null;
}

/** Adds a further report to the existing case's history instead of opening a second case. */
export async function recordRepeatReport(db: Db, tenant: string, existing: CaseRow, conversationId: string): Promise<void> {
  await addCaseStatus(db, tenant, existing.id, existing.status, `Reported again through the assistant (conversation ${conversationId})`, 'assistant');
}
