import { randomInt, randomUUID } from 'node:crypto';
import { seal, sealJson, unseal, unsealJson } from './crypto.js';
import { fromJson, toJson } from './json.js';
import type { CaseRow, Db } from './schema.js';

export interface NewCase {
  tenant: string;
  referencePrefix: string;
  serviceId: string;
  summary: string;
  details: Record<string, unknown>;
  location: unknown;
  uprn?: string | null;
  usrn?: string | null;
  lat?: number | null;
  lng?: number | null;
  team?: string | null;
  targetDate?: string | null;
  contactId?: string | null;
  conversationId?: string | null;
  actor: string;
  /** Chosen by the caller (the assistant decides a case before it is written): tried as given, once. */
  id?: string;
  reference?: string;
}

/** References are short enough to read out on a phone: PREFIX-6 digits, unique per tenant. */
function newReference(prefix: string): string {
  return `${prefix}-${String(randomInt(100000, 1000000))}`;
}

/**
 * A reference no case of the council holds yet, for a case about to be created with it (a read:
 * the insert still refuses a reference another turn took in between, which then fails that turn).
 */
export async function freeCaseReference(db: Db, tenant: string, prefix: string): Promise<string> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const reference = newReference(prefix);
    const taken = await db.selectFrom('cases').select('id').where('tenant_id', '=', tenant).where('reference', '=', reference).executeTakeFirst();
    if (!taken) return reference;
  }
  throw new Error('could not find a free case reference');
}

export async function createCase(db: Db, input: NewCase): Promise<CaseRow> {
  const id = input.id ?? randomUUID();
  for (let attempt = 0; attempt < (input.reference ? 1 : 8); attempt++) {
    const reference = input.reference ?? newReference(input.referencePrefix);
    const row = await db
      .insertInto('cases')
      .values({
        id,
        tenant_id: input.tenant,
        reference,
        service_id: input.serviceId,
        status: 'received',
        summary: seal('cases.summary', input.summary),
        details: sealJson('cases.details', toJson(input.details)),
        location: input.location == null ? null : sealJson('cases.location', toJson(input.location)),
        uprn: input.uprn ?? null,
        usrn: input.usrn ?? null,
        lat: input.lat ?? null,
        lng: input.lng ?? null,
        team: input.team ?? null,
        target_date: input.targetDate ?? null,
        contact_id: input.contactId ?? null,
        conversation_id: input.conversationId ?? null,
      })
      .onConflict((oc) => oc.columns(['tenant_id', 'reference']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (row) {
      await addCaseStatus(db, input.tenant, id, 'received', 'Reported through the assistant', input.actor);
      return openCase(row);
    }
  }
  throw new Error('could not allocate a unique case reference');
}

export async function addCaseStatus(
  db: Db,
  tenant: string,
  caseId: string,
  status: string,
  note: string | null,
  actor: string,
): Promise<void> {
  await db
    .insertInto('case_status_history')
    .values({ tenant_id: tenant, case_id: caseId, status, note: seal('case_status_history.note', note), actor })
    .execute();
  await db
    .updateTable('cases')
    .set({ status, updated_at: new Date() })
    .where('tenant_id', '=', tenant)
    .where('id', '=', caseId)
    .execute();
}

export async function findCaseByReference(db: Db, tenant: string, reference: string): Promise<CaseRow | undefined> {
  return db
    .selectFrom('cases')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('reference', '=', reference.toUpperCase())
    .executeTakeFirst()
    .then((row) => row && openCase(row));
}

export async function caseHistory(db: Db, tenant: string, caseId: string) {
  return db
    .selectFrom('case_status_history')
    .select(['status', 'note', 'actor', 'created_at'])
    .where('tenant_id', '=', tenant)
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, note: unseal(r.note) })));
}

/** Open cases for the same service at the same property: likely the same problem reported twice. */
export async function findOpenCasesAt(
  db: Db,
  tenant: string,
  serviceId: string,
  uprn: string,
  since: Date,
): Promise<CaseRow[]> {
  return db
    .selectFrom('cases')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('service_id', '=', serviceId)
    .where('uprn', '=', uprn)
    .where('status', 'not in', ['resolved', 'closed'])
    .where('created_at', '>=', since)
    .orderBy('created_at', 'desc')
    .execute()
    .then((rows) => rows.map(openCase));
}

export function caseDetails(row: CaseRow): Record<string, unknown> {
  return fromJson<Record<string, unknown>>(row.details);
}

/** A case row as read: its summary, details and location (sealed at rest, store/crypto.ts) as their JSON values. */
export function openCase(row: CaseRow): CaseRow {
  return { ...row, summary: unseal(row.summary), details: unsealJson(row.details), location: unsealJson(row.location) };
}
