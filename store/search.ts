import { sql } from 'kysely';
import { identityKeys, toE164 } from './conversations.js';
import { blindIndex, blindIndexCandidates, currentKeyring, unseal, unsealJson } from './crypto.js';
import { openMessages } from './messages.js';
import type { Database, Db } from './schema.js';
import type { Kysely } from 'kysely';

/**
 * Search for agents (issue 16, item 5): earlier cases and conversations by case reference, name,
 * phone, e-mail, postcode, service and date. What can be searched follows what is held in clear:
 * - case reference, service and dates are plain columns: compared directly;
 * - a contact's name (contacts.display_name) is plain: a part of it is matched with `ilike`
 *   (migration 029's trigram index speeds it up on PostgreSQL);
 * - phone, e-mail and the case's address are sealed at rest (store/crypto.ts): found only by an
 *   exact match of the normalised value's blind index, so a postcode, a whole number or a whole
 *   address. Message text and a case's summary are sealed: they cannot be searched at all.
 * This file answers candidates; who may see each is the console's need-to-know rule
 * (api/console/search-routes.ts), applied before anything is shown.
 */

type SearchDatabase = Database & {
  case_search_keys: { case_id: string; tenant_id: string; postcode_key: string | null; indexed_at: Date };
};

export interface RecordSearch {
  reference?: string;
  name?: string;
  phone?: string;
  email?: string;
  postcode?: string;
  service?: string;
  /** Created on or after. */
  from?: Date;
  /** Created before. */
  to?: Date;
}

export interface CaseCandidate {
  kind: 'case';
  id: string;
  reference: string;
  serviceId: string;
  status: string;
  conversationId: string | null;
  contactName: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ConversationCandidate {
  kind: 'conversation';
  id: string;
  channel: string;
  state: string;
  contactName: string | null;
  caseReferences: string[];
  createdAt: Date;
  lastActivityAt: Date;
}

export type SearchCandidate = CaseCandidate | ConversationCandidate;

const MAX_CANDIDATES = 200;

/** A postcode as compared: letters and digits only, upper case ("sw1a 1aa" and "SW1A1AA" are one). */
export function normalisePostcode(value: string): string {
  return value.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** A UK postcode's shape (normalised): what a postcode search must look like. */
export const POSTCODE_SHAPE = /^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$/;

const UK_POSTCODE_IN_TEXT = /\b([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})\b/i;

/**
 * The key stored for a postcode: its blind index (a domain of its own inside the `identity` kind), or
 * with no keyring (nothing is sealed then, the address is in clear too) the normalised postcode.
 */
function postcodeKey(postcode: string): string {
  const v = `postcode:${normalisePostcode(postcode)}`;
  return blindIndex('identity', v) ?? v;
}

function postcodeKeyCandidates(postcode: string): string[] {
  const v = `postcode:${normalisePostcode(postcode)}`;
  return currentKeyring() ? blindIndexCandidates('identity', v) : [v];
}

/** The postcode of a case's location as stored by the assistant ({postcode}, or one written in its label or text). */
export function postcodeOfLocation(location: unknown): string | null {
  if (!location || typeof location !== 'object') return null;
  const l = location as Record<string, unknown>;
  if (typeof l.postcode === 'string' && normalisePostcode(l.postcode)) return normalisePostcode(l.postcode);
  for (const field of ['label', 'text', 'address']) {
    const m = typeof l[field] === 'string' ? UK_POSTCODE_IN_TEXT.exec(l[field] as string) : null;
    if (m) return normalisePostcode(`${m[1]}${m[2]}`);
  }
  return null;
}

/**
 * Brings the council's postcode keys up to date: cases new or changed since they were indexed (a
 * case's address is only readable here, in the store). Run before a postcode search, so a case
 * written a moment ago is found, and it costs nothing once caught up.
 */
export async function refreshCaseSearchKeys(db: Db, tenant: string, batch = 500): Promise<number> {
  const sdb = db as unknown as Kysely<SearchDatabase>;
  let done = 0;
  for (;;) {
    const rows = await sdb
      .selectFrom('cases as s')
      .leftJoin('case_search_keys as k', 'k.case_id', 's.id')
      .select(['s.id', 's.location', 's.updated_at'])
      .where('s.tenant_id', '=', tenant)
      .where((eb) => eb.or([eb('k.case_id', 'is', null), eb('k.indexed_at', '<', eb.ref('s.updated_at'))]))
      .limit(batch)
      .execute();
    for (const r of rows) {
      const postcode = postcodeOfLocation(unsealJson(r.location));
      const values = { case_id: r.id, tenant_id: tenant, postcode_key: postcode ? postcodeKey(postcode) : null, indexed_at: r.updated_at };
      await sdb
        .insertInto('case_search_keys')
        .values(values)
        .onConflict((oc) => oc.column('case_id').doUpdateSet({ postcode_key: values.postcode_key, indexed_at: values.indexed_at }))
        .execute();
    }
    done += rows.length;
    if (rows.length < batch) return done;
  }
}

/** Contacts whose phone matches (sealed: by blind index over E.164; in clear: by digits), through any channel or claim. */
async function contactsByPhone(db: Db, tenant: string, value: string): Promise<string[]> {
  const e164 = toE164(value);
  const raw = value.replace(/\D/g, '');
  const digits = new Set<string>(raw ? [raw] : []);
  if (e164) {
    digits.add(e164.slice(1));
    if (e164.startsWith('+44')) digits.add(`0${e164.slice(3)}`);
  }
  if (!digits.size) return [];
  const ids = [...new Set([value.trim(), ...(e164 ? [e164] : [])])];
  const indexes = blindIndexCandidates('phone', e164 ?? value).concat('');
  const rows = await sql<{ contact_id: string }>`
    select id as contact_id from contacts where tenant_id = ${tenant} and phone is not null and phone not like 'enc:%'
      and regexp_replace(phone, '[^0-9]', '', 'g') in (${sql.join([...digits])})
    union select id from contacts where tenant_id = ${tenant} and phone_index in (${sql.join(indexes)})
    union select contact_id from contact_identities where tenant_id = ${tenant} and channel_user_id in (${sql.join([...new Set(ids.flatMap((id) => identityKeys('phone', id)))])})
    union select contact_id from contact_claims where tenant_id = ${tenant} and kind = 'phone' and (value in (${sql.join(ids)}) or value_index in (${sql.join(indexes)}))`.execute(db);
  return rows.rows.map((r) => r.contact_id);
}

async function contactsByEmail(db: Db, tenant: string, value: string): Promise<string[]> {
  const e = value.trim().toLowerCase();
  if (!e) return [];
  const indexes = blindIndexCandidates('email', e).concat('');
  const rows = await sql<{ contact_id: string }>`
    select id as contact_id from contacts where tenant_id = ${tenant} and (lower(email) = ${e} or email_index in (${sql.join(indexes)}))
    union select contact_id from contact_identities where tenant_id = ${tenant} and lower(channel_user_id) = ${e}
    union select contact_id from contact_claims where tenant_id = ${tenant} and kind = 'email' and (lower(value) = ${e} or value_index in (${sql.join(indexes)}))`.execute(db);
  return rows.rows.map((r) => r.contact_id);
}

async function contactsByName(db: Db, tenant: string, value: string): Promise<string[]> {
  const v = value.trim();
  if (v.length < 2) return [];
  const like = `%${v.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await sql<{ id: string }>`select id from contacts where tenant_id = ${tenant} and display_name ilike ${like} limit 500`.execute(db);
  return rows.rows.map((r) => r.id);
}

const intersect = (a: string[] | null, b: string[]): string[] => (a === null ? [...new Set(b)] : a.filter((x) => b.includes(x)));

/** The contacts a search names by person (name, phone, e-mail; each given one must match), or null when none is given. */
export async function contactsMatching(db: Db, tenant: string, q: Pick<RecordSearch, 'name' | 'phone' | 'email'>): Promise<string[] | null> {
  let ids: string[] | null = null;
  if (q.phone?.trim()) ids = intersect(ids, await contactsByPhone(db, tenant, q.phone));
  if (q.email?.trim()) ids = intersect(ids, await contactsByEmail(db, tenant, q.email));
  if (q.name?.trim()) ids = intersect(ids, await contactsByName(db, tenant, q.name));
  return ids;
}

/**
 * Cases and conversations matching every criterion given, newest first. Case criteria (reference,
 * postcode, service) find cases, and the conversations those cases came from; person criteria
 * (name, phone, e-mail) find the person's cases and conversations. At least one criterion
 * besides dates must be given (the caller checks).
 */
export async function searchRecords(db: Db, tenant: string, q: RecordSearch): Promise<SearchCandidate[]> {
  const contactIds = await contactsMatching(db, tenant, q);
  if (contactIds !== null && !contactIds.length) return [];
  const caseCriteria = !!(q.reference?.trim() || q.postcode?.trim() || q.service?.trim());
  if (q.postcode?.trim()) await refreshCaseSearchKeys(db, tenant);
  const sdb = db as unknown as Kysely<SearchDatabase>;

  let cq = sdb
    .selectFrom('cases as s')
    .leftJoin('conversations as c', 'c.id', 's.conversation_id')
    .leftJoin('contacts as p', (j) => j.on((eb) => eb('p.id', '=', eb.fn.coalesce('s.contact_id', 'c.contact_id'))))
    .select(['s.id', 's.reference', 's.service_id', 's.status', 's.conversation_id', 's.created_at', 's.updated_at', 'p.display_name'])
    .where('s.tenant_id', '=', tenant);
  if (q.reference?.trim()) cq = cq.where('s.reference', '=', q.reference.trim().toUpperCase().replace(/\s+/g, ''));
  if (q.service?.trim()) cq = cq.where('s.service_id', '=', q.service.trim());
  if (q.postcode?.trim()) {
    const keys = postcodeKeyCandidates(q.postcode);
    cq = cq.where('s.id', 'in', sdb.selectFrom('case_search_keys').select('case_id').where('tenant_id', '=', tenant).where('postcode_key', 'in', keys));
  }
  if (contactIds) cq = cq.where((eb) => eb.or([eb('s.contact_id', 'in', contactIds), eb('c.contact_id', 'in', contactIds)]));
  if (q.from) cq = cq.where('s.created_at', '>=', q.from);
  if (q.to) cq = cq.where('s.created_at', '<', q.to);
  const cases = await cq.orderBy('s.created_at', 'desc').limit(MAX_CANDIDATES).execute();

  let cv = sdb
    .selectFrom('conversations as c')
    .leftJoin('contacts as p', 'p.id', 'c.contact_id')
    .select(['c.id', 'c.channel', 'c.state', 'c.created_at', 'c.last_message_at', 'p.display_name'])
    .where('c.tenant_id', '=', tenant);
  if (caseCriteria) {
    const fromCases = [...new Set(cases.map((s) => s.conversation_id).filter((x): x is string => !!x))];
    if (!fromCases.length) cv = cv.where(sql<boolean>`false`);
    else cv = cv.where('c.id', 'in', fromCases);
  } else if (contactIds) cv = cv.where('c.contact_id', 'in', contactIds);
  if (q.from) cv = cv.where('c.created_at', '>=', q.from);
  if (q.to) cv = cv.where('c.created_at', '<', q.to);
  const conversations = await cv.orderBy('c.created_at', 'desc').limit(MAX_CANDIDATES).execute();

  const refs = new Map<string, string[]>();
  if (conversations.length) {
    const linked = await db
      .selectFrom('cases')
      .select(['conversation_id', 'reference'])
      .where('tenant_id', '=', tenant)
      .where('conversation_id', 'in', conversations.map((c) => c.id))
      .orderBy('reference')
      .execute();
    for (const l of linked) if (l.conversation_id) refs.set(l.conversation_id, [...(refs.get(l.conversation_id) ?? []), l.reference]);
  }

  const found: SearchCandidate[] = [
    ...cases.map((s): CaseCandidate => ({
      kind: 'case',
      id: s.id,
      reference: s.reference,
      serviceId: s.service_id,
      status: s.status,
      conversationId: s.conversation_id,
      contactName: s.display_name,
      createdAt: s.created_at,
      updatedAt: s.updated_at,
    })),
    ...conversations.map((c): ConversationCandidate => ({
      kind: 'conversation',
      id: c.id,
      channel: c.channel,
      state: c.state,
      contactName: c.display_name,
      caseReferences: refs.get(c.id) ?? [],
      createdAt: c.created_at,
      lastActivityAt: c.last_message_at ?? c.created_at,
    })),
  ];
  return found.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

/** A case opened from a search result: what an agent needs to know of it, its sealed fields opened. */
export async function caseForSearch(db: Db, tenant: string, id: string) {
  const row = await db.selectFrom('cases').selectAll().where('tenant_id', '=', tenant).where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const history = await db
    .selectFrom('case_status_history')
    .select(['status', 'note', 'actor', 'created_at'])
    .where('tenant_id', '=', tenant)
    .where('case_id', '=', id)
    .orderBy('id')
    .execute();
  const location = unsealJson(row.location) as Record<string, unknown> | null;
  return {
    id: row.id,
    reference: row.reference,
    serviceId: row.service_id,
    status: row.status,
    summary: unseal(row.summary),
    address: location && typeof location === 'object' ? (typeof location.label === 'string' ? location.label : typeof location.text === 'string' ? location.text : null) : null,
    postcode: postcodeOfLocation(location),
    team: row.team,
    targetDate: row.target_date,
    conversationId: row.conversation_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    history: history.map((h) => ({ status: h.status, note: unseal(h.note), createdAt: h.created_at })),
  };
}

/** A conversation opened from a search result: its channel, state and messages (text opened). */
export async function conversationForSearch(db: Db, tenant: string, id: string) {
  const row = await db.selectFrom('conversations').select(['id', 'channel', 'state', 'created_at', 'closed_at', 'contact_id']).where('tenant_id', '=', tenant).where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const messages = openMessages(
    await db.selectFrom('messages').select(['id', 'direction', 'author', 'text', 'created_at']).where('tenant_id', '=', tenant).where('conversation_id', '=', id).orderBy('id').limit(500).execute(),
  );
  const cases = await db.selectFrom('cases').select(['id', 'reference', 'service_id', 'status']).where('tenant_id', '=', tenant).where('conversation_id', '=', id).orderBy('created_at').execute();
  return {
    id: row.id,
    channel: row.channel,
    state: row.state,
    createdAt: row.created_at,
    closedAt: row.closed_at,
    messages: messages.map((m) => ({ id: String(m.id), direction: m.direction, author: m.author, text: m.text, createdAt: m.created_at })),
    cases: cases.map((c) => ({ id: c.id, reference: c.reference, serviceId: c.service_id, status: c.status })),
  };
}
