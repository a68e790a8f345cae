/**
 * Duplicates on the street (migration 017): open cases near a point, for the duplicate rule in
 * cases/duplicates.ts, and the linked reports of a case (a further report joined to it instead of
 * opening a second case), for the back office and the agent console.
 */
import { randomUUID } from 'node:crypto';
import type { ColumnType, Kysely } from 'kysely';
import { openCase } from './cases.js';
import { seal, sealJson, unsealJson } from './crypto.js';
import { fromJson, toJson } from './json.js';
import type { CaseRow, Database, Db } from './schema.js';

export interface CaseReportsTable {
  id: string;
  tenant_id: string;
  case_id: string;
  via: string;
  actor: string;
  conversation_id: string | null;
  contact_id: string | null;
  distance_metres: number | null;
  details: ColumnType<unknown, string | null, string | null>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

/** The schema with migration 017's table (typed here, beside the only code that reads it, as store/open311.ts does). */
type CaseLinksDatabase = Database & { case_reports: CaseReportsTable };
const ld = (db: Db) => db as unknown as Kysely<CaseLinksDatabase>;

/** A box of latitudes and longitudes (degrees, WGS84). */
export interface LatLngBox {
  south: number;
  north: number;
  west: number;
  east: number;
}

/**
 * Open cases of a service whose coordinates fall in the box, created since `since`, newest first
 * (at most `limit`: a box of a few hundred metres holds few). Read through `cases_nearby`.
 */
export async function openCasesNear(db: Db, tenant: string, serviceId: string, box: LatLngBox, since: Date, limit = 50): Promise<CaseRow[]> {
  return db
    .selectFrom('cases')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('service_id', '=', serviceId)
    .where('lat', 'is not', null)
    .where('lng', 'is not', null)
    .where('lat', '>=', box.south)
    .where('lat', '<=', box.north)
    .where('lng', '>=', box.west)
    .where('lng', '<=', box.east)
    .where('status', 'not in', ['resolved', 'closed'])
    .where('created_at', '>=', since)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute()
    .then((rows) => rows.map(openCase));
}

export interface NewCaseReport {
  tenant: string;
  caseId: string;
  via: 'assistant' | 'open311';
  /** Who recorded it, as in a case's history: `assistant`, `open311:<client id>`. */
  actor: string;
  conversationId?: string | null;
  contactId?: string | null;
  /** How far this report's place is from the case's (null: matched by property, or no coordinates). */
  distanceMetres?: number | null;
  /** Where it was reported and what was answered (sealed). */
  details: { location: unknown; answers?: Record<string, unknown>; description?: string | null; mediaUrl?: string | null };
  /** The line added to the case's history (residents asking for the status may hear the latest). */
  historyNote: string;
}

/**
 * Records a further report on an open case, in the caller's transaction: the linked report, a
 * line in its history (no `note_added` event: the caller records the `merged` event), and the
 * case's updated time. Returns the report's id.
 */
export async function recordCaseReport(db: Db, report: NewCaseReport): Promise<string> {
  const id = randomUUID();
  await ld(db)
    .insertInto('case_reports')
    .values({
      id,
      tenant_id: report.tenant,
      case_id: report.caseId,
      via: report.via,
      actor: report.actor,
      conversation_id: report.conversationId ?? null,
      contact_id: report.contactId ?? null,
      distance_metres: report.distanceMetres ?? null,
      details: sealJson('case_reports.details', toJson(report.details)),
    })
    .execute();
  const row = await db
    .updateTable('cases')
    .set({ updated_at: new Date() })
    .where('tenant_id', '=', report.tenant)
    .where('id', '=', report.caseId)
    .returning('status')
    .executeTakeFirst();
  if (!row) throw new Error(`no case ${report.caseId} to link a report to`);
  await db
    .insertInto('case_status_history')
    .values({ tenant_id: report.tenant, case_id: report.caseId, status: row.status, note: seal('case_status_history.note', report.historyNote), actor: report.actor })
    .execute();
  return id;
}

export interface LinkedReport {
  id: string;
  caseId: string;
  via: string;
  actor: string;
  conversationId: string | null;
  contactId: string | null;
  distanceMetres: number | null;
  details: { location?: unknown; answers?: Record<string, unknown>; description?: string | null; mediaUrl?: string | null };
  at: Date;
}

/** The linked reports of these cases, oldest first, by case id (cases without any are absent). */
export async function linkedReportsOf(db: Db, tenant: string, caseIds: string[]): Promise<Map<string, LinkedReport[]>> {
  const out = new Map<string, LinkedReport[]>();
  if (!caseIds.length) return out;
  const rows = await ld(db)
    .selectFrom('case_reports')
    .selectAll()
    .where('case_id', 'in', caseIds)
    .where('tenant_id', '=', tenant)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const list = out.get(r.case_id) ?? [];
    list.push({
      id: r.id,
      caseId: r.case_id,
      via: r.via,
      actor: r.actor,
      conversationId: r.conversation_id,
      contactId: r.contact_id,
      distanceMetres: r.distance_metres,
      details: fromJson<LinkedReport['details'] | null>(unsealJson(r.details)) ?? {},
      at: r.created_at,
    });
    out.set(r.case_id, list);
  }
  return out;
}

/** The linked reports of the council's cases with these references, by reference (for the console, which lists cases by reference). */
export async function linkedReportsByReference(db: Db, tenant: string, references: string[]): Promise<Map<string, LinkedReport[]>> {
  const out = new Map<string, LinkedReport[]>();
  if (!references.length) return out;
  const cases = await db.selectFrom('cases').select(['id', 'reference']).where('tenant_id', '=', tenant).where('reference', 'in', references).execute();
  const byId = await linkedReportsOf(db, tenant, cases.map((c) => c.id));
  for (const c of cases) {
    const list = byId.get(c.id);
    if (list) out.set(c.reference, list);
  }
  return out;
}

/** Cases this conversation's reports were joined to (not raised in it), oldest report first. */
export async function casesJoinedFrom(db: Db, tenant: string, conversationId: string): Promise<(CaseRow & { joined_at: Date; distance_metres: number | null })[]> {
  const rows = await ld(db)
    .selectFrom('case_reports as r')
    .innerJoin('cases as c', 'c.id', 'r.case_id')
    .selectAll('c')
    .select(['r.created_at as joined_at', 'r.distance_metres'])
    .where('r.conversation_id', '=', conversationId)
    .where('r.tenant_id', '=', tenant)
    .where('c.tenant_id', '=', tenant)
    .orderBy('r.created_at')
    .execute();
  return rows.map((r) => ({ ...openCase(r), joined_at: r.joined_at, distance_metres: r.distance_metres }));
}
