/**
 * Open311 GeoReport v2 data (migration 014): client API keys (kept as SHA-256 only), the link from
 * a case to the client that created it, a contact for a reporter's details, and the listing of
 * Open311 cases with the filters the GET requests call takes.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { ColumnType, Kysely } from 'kysely';
import { contactEmailColumns, contactPhoneColumns } from './conversations.js';
import { openCase } from './cases.js';
import type { CaseRow, Database, Db } from './schema.js';

export interface Open311ClientsTable {
  id: string;
  tenant_id: string;
  name: string;
  key_hash: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface Open311RequestsTable {
  case_id: string;
  tenant_id: string;
  client_id: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

/** The schema with migration 014's tables (typed here, beside the only code that reads them, as store/meta.ts does). */
type Open311Database = Database & { open311_clients: Open311ClientsTable; open311_requests: Open311RequestsTable };
const od = (db: Db) => db as unknown as Kysely<Open311Database>;

export interface Open311Client {
  id: string;
  tenant: string;
  name: string;
}

/** The stored form of a key: its SHA-256 (a random 32-byte key needs no slow hash). */
export function open311KeyHash(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Registers a client of a council and returns its key, which is not kept and cannot be shown again. */
export async function createOpen311Client(db: Db, tenant: string, name: string): Promise<Open311Client & { key: string }> {
  const key = `o311_${randomBytes(32).toString('base64url')}`;
  const id = randomUUID();
  await od(db).insertInto('open311_clients').values({ id, tenant_id: tenant, name, key_hash: open311KeyHash(key) }).execute();
  return { id, tenant, name, key };
}

/** The client holding this key, unless revoked. Looked up by hash, so the key is never compared in clear. */
export async function open311ClientByKey(db: Db, key: string): Promise<Open311Client | undefined> {
  const row = await od(db)
    .selectFrom('open311_clients')
    .select(['id', 'tenant_id', 'name'])
    .where('key_hash', '=', open311KeyHash(key))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row && { id: row.id, tenant: row.tenant_id, name: row.name };
}

/**
 * A contact for the person a client reported for: phone and e-mail sealed with their blind
 * indexes, as the assistant keeps them; the name in `display_name`, as for every contact (subject
 * access finds people by it). Not joined to any channel identity: nothing vouches for these details.
 */
/** A council's clients, newest first, with whether each key still works (never the key: only its hash is kept). */
export async function listOpen311Clients(db: Db, tenant: string): Promise<{ id: string; name: string; created_at: Date; revoked_at: Date | null }[]> {
  return od(db).selectFrom('open311_clients').select(['id', 'name', 'created_at', 'revoked_at']).where('tenant_id', '=', tenant).orderBy('created_at', 'desc').execute();
}

/** Stops a client's key working at once (its requests stay readable). False when there is no such live client. */
export async function revokeOpen311Client(db: Db, tenant: string, clientId: string, now = new Date()): Promise<boolean> {
  const done = await od(db).updateTable('open311_clients').set({ revoked_at: now }).where('tenant_id', '=', tenant).where('id', '=', clientId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

export async function createOpen311Contact(db: Db, tenant: string, details: { name?: string; email?: string; phone?: string }): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('contacts')
    .values({
      id,
      tenant_id: tenant,
      display_name: details.name ?? null,
      ...(details.phone ? contactPhoneColumns(details.phone) : {}),
      ...(details.email ? contactEmailColumns(details.email) : {}),
    })
    .execute();
  return id;
}

/** Marks a case as created through Open311 by this client. */
export async function recordOpen311Request(db: Db, tenant: string, caseId: string, clientId: string): Promise<void> {
  await od(db).insertInto('open311_requests').values({ case_id: caseId, tenant_id: tenant, client_id: clientId }).onConflict((oc) => oc.doNothing()).execute();
}

export interface Open311CaseFilter {
  references?: string[];
  serviceIds?: string[];
  start?: Date;
  end?: Date;
  /** Statuses to keep, or to leave out with `excludeStatuses`. */
  statuses?: string[];
  excludeStatuses?: boolean;
  limit: number;
}

/** Cases of the council created through Open311, newest first. */
export async function listOpen311Cases(db: Db, tenant: string, filter: Open311CaseFilter): Promise<CaseRow[]> {
  let q = od(db)
    .selectFrom('cases')
    .innerJoin('open311_requests', 'open311_requests.case_id', 'cases.id')
    .selectAll('cases')
    .where('cases.tenant_id', '=', tenant)
    .where('open311_requests.tenant_id', '=', tenant);
  if (filter.references) {
    if (filter.references.length === 0) return [];
    q = q.where('cases.reference', 'in', filter.references.map((r) => r.toUpperCase()));
  }
  if (filter.serviceIds) {
    if (filter.serviceIds.length === 0) return [];
    q = q.where('cases.service_id', 'in', filter.serviceIds);
  }
  if (filter.start) q = q.where('cases.created_at', '>=', filter.start);
  if (filter.end) q = q.where('cases.created_at', '<=', filter.end);
  if (filter.statuses?.length) q = q.where('cases.status', filter.excludeStatuses ? 'not in' : 'in', filter.statuses);
  const rows = await q.orderBy('cases.created_at', 'desc').limit(filter.limit).execute();
  return rows.map(openCase);
}
