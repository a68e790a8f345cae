/**
 * Reads for "what is happening with my case?" (issue 13, item 7; bot/case-status.ts): who a
 * resident is across channels (the numbers a channel or a one-time code vouched for), what phone
 * numbers and e-mails a case's contact gave (to check one a resident repeats), a resident's cases,
 * a case's last note a resident may read, and how many checks on a case failed lately. All reads:
 * the turn's policy uses them on its read-only view.
 */
import { sql } from 'kysely';
import { blindIndexCandidates, unseal, unsealJson } from './crypto.js';
import { fromJson } from './json.js';
import { contactIdForIdentity, openIdentity, PHONE_IDENTITY, PHONE_VOUCHED_CHANNELS, toE164 } from './conversations.js';
import { claimValue } from './contacts.js';
import type { CaseRow, Db } from './schema.js';

/**
 * The phone numbers (E.164) vouched for as this contact's: by a channel (they texted, called or
 * used WhatsApp from it) or by a one-time code texted to a number they typed.
 */
export async function verifiedPhonesOf(db: Db, tenant: string, contactId: string): Promise<string[]> {
  const identities = await db
    .selectFrom('contact_identities')
    .select(['channel', 'channel_user_id', 'channel_user_sealed'])
    .where('tenant_id', '=', tenant)
    .where('contact_id', '=', contactId)
    .where('channel', 'in', [PHONE_IDENTITY, ...PHONE_VOUCHED_CHANNELS])
    .execute();
  const claims = await db
    .selectFrom('contact_claims')
    .select('value')
    .where('tenant_id', '=', tenant)
    .where('contact_id', '=', contactId)
    .where('kind', '=', 'phone')
    .where('verified_at', 'is not', null)
    .execute();
  const phones = [...identities.map((r) => openIdentity(r).channel_user_id), ...claims.map((c) => unseal(c.value))];
  return [...new Set(phones.map((p) => toE164(p)).filter((p): p is string => !!p))];
}

/**
 * One resident across contacts: this contact, and any other holding one of its vouched numbers
 * (as the channel identity, or verified by a code). A code normally merges the two; this finds
 * them where that has not happened.
 */
export async function residentContactIds(db: Db, tenant: string, contactId: string): Promise<string[]> {
  const ids = new Set([contactId]);
  for (const phone of await verifiedPhonesOf(db, tenant, contactId)) {
    const holder = await contactIdForIdentity(db, tenant, PHONE_IDENTITY, phone);
    if (holder) ids.add(holder);
    const value = claimValue('phone', phone);
    const verified = await db
      .selectFrom('contact_claims')
      .select('contact_id')
      .where('tenant_id', '=', tenant)
      .where('kind', '=', 'phone')
      .where('verified_at', 'is not', null)
      .where((eb) => eb.or([eb('value', '=', value), ...blindIndexCandidates('phone', value).map((ix) => eb('value_index', '=', ix))]))
      .execute();
    for (const v of verified) ids.add(v.contact_id);
  }
  return [...ids];
}

/**
 * Every phone number (E.164 where it is one) and e-mail (lower case) a contact gave or used: its
 * details, its claims (typed, verified or not) and the numbers it texted or called from.
 */
export async function contactDetailsHeld(db: Db, tenant: string, contactId: string): Promise<{ phones: string[]; emails: string[] }> {
  const contact = await db.selectFrom('contacts').select(['phone', 'email']).where('tenant_id', '=', tenant).where('id', '=', contactId).executeTakeFirst();
  const claims = await db.selectFrom('contact_claims').select(['kind', 'value']).where('tenant_id', '=', tenant).where('contact_id', '=', contactId).execute();
  const identities = await db
    .selectFrom('contact_identities')
    .select(['channel', 'channel_user_id', 'channel_user_sealed'])
    .where('tenant_id', '=', tenant)
    .where('contact_id', '=', contactId)
    .where('channel', 'in', [PHONE_IDENTITY, ...PHONE_VOUCHED_CHANNELS])
    .execute();
  const phones = [unseal(contact?.phone ?? null), ...claims.filter((c) => c.kind === 'phone').map((c) => unseal(c.value)), ...identities.map((r) => openIdentity(r).channel_user_id)];
  const emails = [unseal(contact?.email ?? null), ...claims.filter((c) => c.kind === 'email').map((c) => unseal(c.value))];
  return {
    phones: [...new Set(phones.filter((p): p is string => !!p).map((p) => toE164(p) ?? p.replace(/\s+/g, '')))],
    emails: [...new Set(emails.filter((e): e is string => !!e).map((e) => e.trim().toLowerCase()))],
  };
}

/**
 * A resident's cases, newest first: what a list of them shows (through cases_contact), with the
 * cases their own report was joined to (a duplicate on the street: case_reports, migration 017).
 */
export async function casesOfContacts(
  db: Db,
  tenant: string,
  contactIds: string[],
  limit: number,
): Promise<Pick<CaseRow, 'id' | 'reference' | 'service_id' | 'status' | 'created_at'>[]> {
  if (!contactIds.length) return [];
  return db
    .selectFrom('cases')
    .select(['id', 'reference', 'service_id', 'status', 'created_at'])
    .where('tenant_id', '=', tenant)
    .where((eb) =>
      eb.or([
        eb('contact_id', 'in', contactIds),
        eb('id', 'in', sql<string>`(select r.case_id from case_reports r where r.tenant_id = ${tenant} and r.contact_id in (${sql.join(contactIds)}))`),
      ]),
    )
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/**
 * The note a resident may read with a case's status: the latest status change's or note's, never
 * an internal one (the case event log, migration 015). A case from before the log: its history's
 * last note, unless that is the first one ("Reported through the assistant").
 */
export async function residentCaseNote(db: Db, tenant: string, caseId: string): Promise<string | null> {
  const events = await sql<{ type: string; data: unknown; internal: boolean }>`
    select type, data, internal from case_events
     where tenant_id = ${tenant} and case_id = ${caseId}
     order by seq desc limit 50`.execute(db);
  if (events.rows.length) {
    const latest = events.rows.find((e) => !e.internal && (e.type === 'status_changed' || e.type === 'note_added'));
    const note = latest ? fromJson<Record<string, unknown>>(unsealJson(latest.data))?.note : null;
    return typeof note === 'string' && note.trim() ? note.trim() : null;
  }
  const last = await db
    .selectFrom('case_status_history')
    .select(['status', 'note'])
    .where('tenant_id', '=', tenant)
    .where('case_id', '=', caseId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const note = unseal(last?.note ?? null);
  return last && last.status !== 'received' && note ? note : null;
}

/** How many checks of a case's phone or e-mail failed since `since` (audited as `case.status_check_failed`), across conversations. */
export async function failedCaseChecks(db: Db, tenant: string, caseId: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', tenant)
    .where('subject_type', '=', 'case')
    .where('subject_id', '=', caseId)
    .where('action', '=', 'case.status_check_failed')
    .where('created_at', '>=', since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

