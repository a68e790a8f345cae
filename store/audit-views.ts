import { sql } from 'kysely';
import { unsealJson } from './crypto.js';
import { contactsMatching } from './search.js';
import type { Db } from './schema.js';

/**
 * The audit viewer for admins (issue 16, item 6): the council's audit events filtered by staff
 * member, resident, action and time, newest first, with the staff member's name. A resident is
 * named by phone, e-mail or case reference (the same exact matches as search, store/search.ts) and
 * stands for the records about them: their contacts, conversations and cases.
 */

export interface AuditFilter {
  actorId?: string;
  /** An exact action (`search.open`) or a family (`staff.*`). */
  action?: string;
  resident?: { phone?: string; email?: string; reference?: string };
  from?: Date;
  to?: Date;
  /** Events with an id below this one (the next page). */
  before?: string;
  limit?: number;
}

export interface AuditListing {
  id: string;
  createdAt: Date;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  detail: unknown;
}

interface Subjects {
  contacts: string[];
  conversations: string[];
  cases: string[];
}

/** The records about a resident (empty lists: nobody matched). */
export async function residentSubjects(db: Db, tenant: string, resident: NonNullable<AuditFilter['resident']>): Promise<Subjects> {
  let contacts: string[] = (await contactsMatching(db, tenant, { phone: resident.phone, email: resident.email })) ?? [];
  if (resident.reference?.trim()) {
    const ref = resident.reference.trim().toUpperCase().replace(/\s+/g, '');
    const owners = await sql<{ contact_id: string | null }>`
      select coalesce(s.contact_id, c.contact_id) as contact_id from cases s left join conversations c on c.id = s.conversation_id
      where s.tenant_id = ${tenant} and s.reference = ${ref}`.execute(db);
    const byRef = owners.rows.map((r) => r.contact_id).filter((x): x is string => !!x);
    contacts = resident.phone || resident.email ? contacts.filter((c) => byRef.includes(c)) : byRef;
    if (!owners.rows.length) return { contacts: [], conversations: [], cases: [] };
    if (!contacts.length) {
      // A case with no contact: the case alone is the subject.
      const s = await db.selectFrom('cases').select(['id', 'conversation_id']).where('tenant_id', '=', tenant).where('reference', '=', ref).execute();
      return { contacts: [], conversations: s.flatMap((x) => (x.conversation_id ? [x.conversation_id] : [])), cases: s.map((x) => x.id) };
    }
  }
  if (!contacts.length) return { contacts: [], conversations: [], cases: [] };
  const conversations = (await db.selectFrom('conversations').select('id').where('tenant_id', '=', tenant).where('contact_id', 'in', contacts).execute()).map((r) => r.id);
  const cases = (
    await db
      .selectFrom('cases')
      .select('id')
      .where('tenant_id', '=', tenant)
      .where((eb) => eb.or([eb('contact_id', 'in', contacts), ...(conversations.length ? [eb('conversation_id', 'in', conversations)] : [])]))
      .execute()
  ).map((r) => r.id);
  return { contacts, conversations, cases };
}

/** One page of the council's audit events matching the filter, newest first. */
export async function listAuditEvents(db: Db, tenant: string, f: AuditFilter): Promise<AuditListing[]> {
  let subjects: Subjects | null = null;
  if (f.resident && (f.resident.phone?.trim() || f.resident.email?.trim() || f.resident.reference?.trim())) {
    subjects = await residentSubjects(db, tenant, f.resident);
    if (!subjects.contacts.length && !subjects.conversations.length && !subjects.cases.length) return [];
  }
  let q = db
    .selectFrom('audit_events as e')
    .leftJoin('agents as a', (j) => j.onRef('a.id', '=', 'e.actor_id').on('e.actor_type', '=', 'agent'))
    .select(['e.id', 'e.created_at', 'e.actor_type', 'e.actor_id', 'e.action', 'e.subject_type', 'e.subject_id', 'e.detail', 'a.name'])
    .where('e.tenant_id', '=', tenant);
  if (f.actorId) q = q.where('e.actor_id', '=', f.actorId);
  if (f.action?.endsWith('.*')) q = q.where('e.action', 'like', `${f.action.slice(0, -2).replace(/[\\%_]/g, (c) => `\\${c}`)}.%`);
  else if (f.action) q = q.where('e.action', '=', f.action);
  if (f.from) q = q.where('e.created_at', '>=', f.from);
  if (f.to) q = q.where('e.created_at', '<', f.to);
  if (f.before) q = q.where(sql<boolean>`e.id < ${f.before}::bigint`);
  if (subjects) {
    const s = subjects;
    q = q.where((eb) =>
      eb.or([
        ...(s.contacts.length ? [eb.and([eb('e.subject_type', '=', 'contact'), eb('e.subject_id', 'in', s.contacts)])] : []),
        ...(s.conversations.length ? [eb.and([eb('e.subject_type', '=', 'conversation'), eb('e.subject_id', 'in', s.conversations)])] : []),
        ...(s.cases.length ? [eb.and([eb('e.subject_type', '=', 'case'), eb('e.subject_id', 'in', s.cases)])] : []),
      ]),
    );
  }
  const rows = await q.orderBy('e.id', 'desc').limit(Math.min(Math.max(f.limit ?? 100, 1), 10_000)).execute();
  return rows.map((r) => ({
    id: String(r.id),
    createdAt: r.created_at,
    actorType: r.actor_type,
    actorId: r.actor_id,
    actorName: r.name,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    detail: unsealJson(r.detail),
  }));
}

/** What the viewer's filters offer: the council's staff (names) and the actions recorded. */
export async function auditFacets(db: Db, tenant: string): Promise<{ staff: { id: string; name: string }[]; actions: string[] }> {
  const staff = await db.selectFrom('agents').select(['id', 'name']).where('tenant_id', '=', tenant).orderBy('name').execute();
  const actions = await sql<{ action: string }>`select distinct action from audit_events where tenant_id = ${tenant} order by action`.execute(db);
  return { staff, actions: actions.rows.map((r) => r.action) };
}
