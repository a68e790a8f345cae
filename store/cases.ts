import { randomInt, randomUUID } from 'node:crypto';
import { seal, sealJson, unseal, unsealJson } from './crypto.js';
import { recordCaseEvent } from './case-events.js';
import { sql } from 'kysely';
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
  /** How it came in (the created event says so): the assistant (default), an agent, Open311, the back office. */
  via?: string;
  /** The first line of its history (default "Reported through the assistant"). */
  historyNote?: string;
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
  const note = seal('case_status_history.note', input.historyNote ?? 'Reported through the assistant');
  for (let attempt = 0; attempt < (input.reference ? 1 : 8); attempt++) {
    const reference = input.reference ?? newReference(input.referencePrefix);
    const data = sealJson(
      'case_events.data',
      toJson({ status: 'received', serviceId: input.serviceId, reference, targetDate: input.targetDate ?? null, team: input.team ?? null, via: input.via ?? 'assistant' }),
    );
    // The case, the first line of its history and its `created` event (seq 1: the case's first) in
    // one statement (issue 11: four before); nothing but the case when the reference is taken.
    const { rows } = await sql<CaseRow>`
      with c as (
        insert into cases (id, tenant_id, reference, service_id, status, summary, details, location, uprn, usrn, lat, lng, team, target_date, contact_id, conversation_id, event_seq)
        values (${id}, ${input.tenant}, ${reference}, ${input.serviceId}, 'received', ${seal('cases.summary', input.summary)}, ${sealJson('cases.details', toJson(input.details))},
          ${input.location == null ? null : sealJson('cases.location', toJson(input.location))}, ${input.uprn ?? null}, ${input.usrn ?? null}, ${input.lat ?? null}, ${input.lng ?? null},
          ${input.team ?? null}, ${input.targetDate ?? null}, ${input.contactId ?? null}, ${input.conversationId ?? null}, 1)
        on conflict (tenant_id, reference) do nothing
        returning *
      ), history as (
        insert into case_status_history (tenant_id, case_id, status, note, actor)
        select tenant_id, id, 'received', cast(${note} as text), cast(${input.actor} as text) from c
      ), created as (
        insert into case_events (tenant_id, case_id, seq, type, data, actor, internal)
        select tenant_id, id, 1, 'created', cast(${data} as jsonb), cast(${input.actor} as text), false from c
      )
      select * from c`.execute(db);
    if (rows[0]) return openCase(rows[0]);
  }
  throw new Error('could not allocate a unique case reference');
}

/**
 * A case's status, with an optional note, into its history and its event log: `status_changed`
 * when the status moves (residents hear of it), else `note_added` for a note on the same status
 * (nothing when there is neither). `internal`: a note only staff should see.
 */
export async function addCaseStatus(
  db: Db,
  tenant: string,
  caseId: string,
  status: string,
  note: string | null,
  actor: string,
  options: { internal?: boolean; now?: Date } = {},
): Promise<void> {
  const current = await db.selectFrom('cases').select('status').where('tenant_id', '=', tenant).where('id', '=', caseId).forUpdate().executeTakeFirst();
  if (!current) throw new Error(`no case ${caseId}`);
  const moved = current.status !== status;
  if (!moved && !note) return;
  await db
    .insertInto('case_status_history')
    .values({ tenant_id: tenant, case_id: caseId, status, note: seal('case_status_history.note', note), actor })
    .execute();
  await db
    .updateTable('cases')
    .set({ status, updated_at: options.now ?? new Date() })
    .where('tenant_id', '=', tenant)
    .where('id', '=', caseId)
    .execute();
  if (moved) {
    await recordCaseEvent(db, { tenant, caseId, type: 'status_changed', data: { from: current.status, to: status, note }, actor });
  } else {
    await recordCaseEvent(db, { tenant, caseId, type: 'note_added', data: { status, note }, actor, internal: options.internal ?? false });
  }
}

/** A date column as YYYY-MM-DD, however the driver hands it back (a string on one, a Date on another). */
function isoDay(value: unknown): string | null {
  if (value == null) return null;
  if (value instanceof Date) return `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, '0')}-${String(value.getDate()).padStart(2, '0')}`;
  return String(value).slice(0, 10);
}

/** Fields the back office may change besides the status. */
export interface CaseChanges {
  targetDate?: string | null;
  team?: string | null;
}

/**
 * Changes a case's target date or team, recorded in its history and its event log (`updated`,
 * with what each field was). Returns false when nothing changed.
 */
export async function updateCaseFields(db: Db, tenant: string, caseId: string, changes: CaseChanges, actor: string, now = new Date()): Promise<boolean> {
  const current = await db.selectFrom('cases').select(['status', 'target_date', 'team']).where('tenant_id', '=', tenant).where('id', '=', caseId).forUpdate().executeTakeFirst();
  if (!current) throw new Error(`no case ${caseId}`);
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const set: { target_date?: string | null; team?: string | null } = {};
  const currentDay = isoDay(current.target_date);
  if (changes.targetDate !== undefined && currentDay !== changes.targetDate) {
    before.targetDate = currentDay;
    after.targetDate = changes.targetDate;
    set.target_date = changes.targetDate;
  }
  if (changes.team !== undefined && (current.team ?? null) !== changes.team) {
    before.team = current.team ?? null;
    after.team = changes.team;
    set.team = changes.team;
  }
  if (Object.keys(set).length === 0) return false;
  await db.updateTable('cases').set({ ...set, updated_at: now }).where('tenant_id', '=', tenant).where('id', '=', caseId).execute();
  const described = Object.entries(after).map(([k, v]) => `${k === 'targetDate' ? 'target date' : k} ${v ?? 'cleared'}`).join(', ');
  await db
    .insertInto('case_status_history')
    .values({ tenant_id: tenant, case_id: caseId, status: current.status, note: seal('case_status_history.note', `Changed: ${described}`), actor })
    .execute();
  await recordCaseEvent(db, { tenant, caseId, type: 'updated', data: { changes: after, before }, actor });
  return true;
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
