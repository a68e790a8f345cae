/**
 * The back-office pull API's reads of cases (backoffice/api): a council's cases filtered and
 * paged in (updated_at, id) order with an opaque cursor, a case locked for a change, the
 * references of the cases an event page names, and residents' contact details for a page.
 */
import { sql } from 'kysely';
import { BadCursor } from './case-events.js';
import { openCase } from './cases.js';
import { openContact } from './contacts.js';
import type { CaseRow, Db } from './schema.js';

export interface BackofficeCaseFilter {
  statuses?: readonly string[];
  serviceIds?: readonly string[];
  /** Cases changed at or after this time. */
  updatedSince?: Date;
  /** From a previous page's `next`. */
  cursor?: string | null;
  limit: number;
}

export interface BackofficeCasePage {
  cases: CaseRow[];
  /** Where the next page starts; null when this was the last. */
  next: string | null;
}

/**
 * The cursor holds the last case's updated_at as PostgreSQL printed it (to the microsecond, with
 * its offset: a JavaScript Date would round it to the millisecond and repeat or skip a case) and id.
 */
function encodePosition(updated: string, id: string): string {
  return Buffer.from(JSON.stringify([updated, id]), 'utf8').toString('base64url');
}

function decodePosition(cursor: string): { updated: string; id: string } {
  try {
    if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) throw new BadCursor();
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[0] !== 'string' || typeof parsed[1] !== 'string') throw new BadCursor();
    const [updated, id] = parsed as [string, string];
    if (!/^\d{4}-\d\d-\d\d[ T][\d:.]+([+-]\d\d(:?\d\d)?|Z)?$/.test(updated) || id.length > 100) throw new BadCursor();
    return { updated, id };
  } catch {
    throw new BadCursor();
  }
}

/**
 * A council's cases, least recently changed first (so a client following `updated_since` reads
 * on from where it stopped; a case changed while it pages moves to the end and is read again,
 * never missed). Throws BadCursor for a cursor this did not give out.
 */
export async function listBackofficeCases(db: Db, tenant: string, filter: BackofficeCaseFilter): Promise<BackofficeCasePage> {
  const after = filter.cursor ? decodePosition(filter.cursor) : null;
  if (filter.statuses && filter.statuses.length === 0) return { cases: [], next: null };
  if (filter.serviceIds && filter.serviceIds.length === 0) return { cases: [], next: null };
  let q = db
    .selectFrom('cases')
    .selectAll()
    .select(sql<string>`updated_at::text`.as('updated_key'))
    .where('tenant_id', '=', tenant);
  if (filter.statuses) q = q.where('status', 'in', [...filter.statuses]);
  if (filter.serviceIds) q = q.where('service_id', 'in', [...filter.serviceIds]);
  if (filter.updatedSince) q = q.where('updated_at', '>=', filter.updatedSince);
  if (after) q = q.where(sql<boolean>`(updated_at, id) > (${after.updated}::timestamptz, ${after.id})`);
  const rows = await q.orderBy('updated_at').orderBy('id').limit(filter.limit + 1).execute();
  const more = rows.length > filter.limit;
  const page = more ? rows.slice(0, filter.limit) : rows;
  const last = page[page.length - 1];
  return {
    cases: page.map(({ updated_key: _key, ...row }) => openCase(row)),
    next: more && last ? encodePosition(last.updated_key, last.id) : null,
  };
}

/** A council's case by reference, its row locked until the caller's transaction ends (a change checks and writes under it). */
export async function lockCaseByReference(db: Db, tenant: string, reference: string): Promise<CaseRow | undefined> {
  const row = await db.selectFrom('cases').selectAll().where('tenant_id', '=', tenant).where('reference', '=', reference.toUpperCase()).forUpdate().executeTakeFirst();
  return row && openCase(row);
}

/** The references of a council's cases, by id. */
export async function caseReferencesById(db: Db, tenant: string, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('cases').select(['id', 'reference']).where('tenant_id', '=', tenant).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.reference]));
}

/** The contact details of a council's contacts, by id (name, phone and e-mail opened from their sealed form). */
export async function contactDetailsById(db: Db, tenant: string, ids: readonly string[]): Promise<Map<string, { name: string | null; email: string | null; phone: string | null }>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('contacts').select(['id', 'display_name', 'email', 'phone']).where('tenant_id', '=', tenant).where('id', 'in', unique).execute();
  return new Map(rows.map(openContact).map((r) => [r.id, { name: r.display_name, email: r.email, phone: r.phone }]));
}
