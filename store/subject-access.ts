import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { sealAuditDetail } from './audit.js';
import { markRecordingsForDeletion, recordingsOfConversations } from './call-recordings.js';
import { identityKeys, openIdentity, toE164 } from './conversations.js';
import { blindIndexCandidates, isSealed, unseal, unsealJson } from './crypto.js';
import { fromJson, toJson } from './json.js';
import { openRecognition } from './messages.js';
import { SUPPRESSION_FLAGS } from './retention.js';
import { forgetSatisfactionComments, satisfactionOfConversations } from './satisfaction.js';
import type { Db } from './schema.js';

/**
 * Subject access and erasure (UK GDPR articles 15 and 17), for admins through
 * api/console/subject-routes.ts: find a resident by phone, e-mail, case reference or name; gather
 * everything held about them; erase it. A subject is the contacts staff chose from the matches
 * (one person may be several: a web chat contact with a number typed, and the number's own), plus
 * cases found by reference that have no contact.
 */

export type SubjectSearchBy = 'phone' | 'email' | 'reference' | 'name';

export interface Subject {
  contactIds: string[];
  caseIds: string[];
}

export interface SubjectMatch {
  /** Null for a case found by reference that has no contact. */
  contactId: string | null;
  caseId: string | null;
  displayName: string | null;
  phone: string | null;
  email: string | null;
  identities: { channel: string; channelUserId: string }[];
  conversations: number;
  caseReferences: string[];
  lastActivityAt: Date | null;
}

const MAX_MATCHES = 50;

function phoneForms(value: string): { e164: string | null; digits: string[] } {
  const e164 = toE164(value);
  const raw = value.replace(/\D/g, '');
  const digits = new Set<string>(raw ? [raw] : []);
  if (e164) {
    digits.add(e164.slice(1));
    if (e164.startsWith('+44')) digits.add(`0${e164.slice(3)}`);
  }
  return { e164, digits: [...digits] };
}

/** Contact ids (and contact-less case ids) matching a search, most recently active first. */
async function matchingIds(db: Db, tenant: string, by: SubjectSearchBy, value: string): Promise<{ contactIds: string[]; caseIds: string[] }> {
  const v = value.trim();
  if (!v) return { contactIds: [], caseIds: [] };
  let rows: { contact_id: string | null; case_id: string | null }[] = [];
  if (by === 'phone') {
    const { e164, digits } = phoneForms(v);
    if (!digits.length) return { contactIds: [], caseIds: [] };
    const ids = [...new Set([v, ...(e164 ? [e164] : [])])];
    // A sealed phone is found by its blind index (over E.164); one stored in clear by its digits.
    const indexes = blindIndexCandidates('phone', e164 ?? v);
    rows = (
      await sql<{ contact_id: string; case_id: null }>`
        select id as contact_id, null as case_id from contacts where tenant_id = ${tenant} and phone is not null and phone not like 'enc:%'
          and regexp_replace(phone, '[^0-9]', '', 'g') in (${sql.join(digits)})
        union select id, null from contacts where tenant_id = ${tenant} and phone_index in (${sql.join(indexes.length ? indexes : [''])})
        union select contact_id, null from contact_identities where tenant_id = ${tenant} and channel_user_id in (${sql.join([...new Set(ids.flatMap((id) => identityKeys('phone', id)))])})
        union select contact_id, null from contact_claims where tenant_id = ${tenant} and kind = 'phone' and value in (${sql.join(ids)})
        union select contact_id, null from contact_claims where tenant_id = ${tenant} and kind = 'phone' and value_index in (${sql.join(indexes.length ? indexes : [''])})`.execute(db)
    ).rows;
  } else if (by === 'email') {
    const e = v.toLowerCase();
    rows = (
      await sql<{ contact_id: string; case_id: null }>`
        select id as contact_id, null as case_id from contacts where tenant_id = ${tenant} and lower(email) = ${e}
        union select id, null from contacts where tenant_id = ${tenant} and email_index in (${sql.join(blindIndexCandidates('email', e).concat(''))})
        union select contact_id, null from contact_identities where tenant_id = ${tenant} and lower(channel_user_id) = ${e}
        union select contact_id, null from contact_claims where tenant_id = ${tenant} and kind = 'email' and lower(value) = ${e}
        union select contact_id, null from contact_claims where tenant_id = ${tenant} and kind = 'email' and value_index in (${sql.join(blindIndexCandidates('email', e).concat(''))})`.execute(db)
    ).rows;
  } else if (by === 'reference') {
    rows = (
      await sql<{ contact_id: string | null; case_id: string | null }>`
        select coalesce(s.contact_id, c.contact_id) as contact_id, case when coalesce(s.contact_id, c.contact_id) is null then s.id end as case_id
        from cases s left join conversations c on c.id = s.conversation_id
        where s.tenant_id = ${tenant} and upper(s.reference) = ${v.toUpperCase().replace(/\s+/g, '')}`.execute(db)
    ).rows;
  } else {
    if (v.length < 2) return { contactIds: [], caseIds: [] };
    const like = `%${v.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    rows = (await sql<{ contact_id: string; case_id: null }>`select id as contact_id, null as case_id from contacts where tenant_id = ${tenant} and display_name ilike ${like}`.execute(db)).rows;
  }
  return {
    contactIds: [...new Set(rows.map((r) => r.contact_id).filter((x): x is string => !!x))].slice(0, MAX_MATCHES),
    caseIds: [...new Set(rows.map((r) => r.case_id).filter((x): x is string => !!x))].slice(0, MAX_MATCHES),
  };
}

/** Who a search finds, each with enough for staff to tell the right person (and no message text). */
export async function findSubjects(db: Db, tenant: string, by: SubjectSearchBy, value: string): Promise<SubjectMatch[]> {
  const { contactIds, caseIds } = await matchingIds(db, tenant, by, value);
  const matches: SubjectMatch[] = [];
  for (const id of contactIds) {
    const contact = await db.selectFrom('contacts').selectAll().where('tenant_id', '=', tenant).where('id', '=', id).executeTakeFirst();
    if (!contact) continue;
    const identities = await db.selectFrom('contact_identities').select(['channel', 'channel_user_id', 'channel_user_sealed']).where('tenant_id', '=', tenant).where('contact_id', '=', id).orderBy('created_at').execute();
    const conv = await sql<{ n: string; last: Date | null }>`
      select count(*) as n, max(coalesce(last_message_at, created_at)) as last from conversations where tenant_id = ${tenant} and contact_id = ${id}`.execute(db);
    const cases = await sql<{ reference: string }>`
      select distinct s.reference from cases s left join conversations c on c.id = s.conversation_id
      where s.tenant_id = ${tenant} and (s.contact_id = ${id} or c.contact_id = ${id}) order by 1`.execute(db);
    matches.push({
      contactId: id,
      caseId: null,
      displayName: contact.display_name,
      phone: unseal(contact.phone),
      email: unseal(contact.email),
      identities: identities.map(openIdentity).map((i) => ({ channel: i.channel, channelUserId: i.channel_user_id })),
      conversations: Number(conv.rows[0]?.n ?? 0),
      caseReferences: cases.rows.map((r) => r.reference),
      lastActivityAt: conv.rows[0]?.last ?? contact.updated_at,
    });
  }
  for (const id of caseIds) {
    const s = await db.selectFrom('cases').select(['reference', 'updated_at']).where('tenant_id', '=', tenant).where('id', '=', id).executeTakeFirst();
    if (s) matches.push({ contactId: null, caseId: id, displayName: null, phone: null, email: null, identities: [], conversations: 0, caseReferences: [s.reference], lastActivityAt: s.updated_at });
  }
  return matches.sort((a, b) => (b.lastActivityAt?.getTime() ?? 0) - (a.lastActivityAt?.getTime() ?? 0));
}

/** Everything held about a subject, as stored (secrets such as a conversation's token hash and a claim's code hash left out). */
export interface SubjectRecord {
  contacts: Record<string, unknown>[];
  identities: Record<string, unknown>[];
  contactClaims: Record<string, unknown>[];
  conversations: Record<string, unknown>[];
  messages: Record<string, unknown>[];
  conversationEvents: Record<string, unknown>[];
  cases: Record<string, unknown>[];
  caseHistory: Record<string, unknown>[];
  /** Their reports joined to a case someone else opened (a duplicate on the street: case_reports). */
  linkedReports: Record<string, unknown>[];
  /** Their answers to "shall I tell you when it moves?" and what each became (case_subscriptions). */
  caseUpdates: Record<string, unknown>[];
  /** Call-backs they asked for (callbacks, migration 022): the number, the slot, what became of it. */
  callbacks: Record<string, unknown>[];
  handoffs: Record<string, unknown>[];
  referrals: Record<string, unknown>[];
  feedback: Record<string, unknown>[];
  auditEvents: Record<string, unknown>[];
  pendingJobs: Record<string, unknown>[];
  /**
   * Files they sent (a WhatsApp photo, PDF or voice note: media_files), described without their
   * bytes (an export holds up to 50 residents' records); each is fetched by its id
   * (api/console/subject-routes.ts `/subject-access/files/:id`). A refused one has its reason and no file.
   */
  mediaFiles: Record<string, unknown>[];
  /** Recordings of their calls (call_recordings, migration 023): ids, status, duration; the audio is at Twilio, played or exported through the console. */
  callRecordings: Record<string, unknown>[];
  /** Agents' private notes on their conversations (conversation_notes, migration 031): about them, so theirs to see. */
  agentNotes: Record<string, unknown>[];
  /** Their answers to "How did we do?" (satisfaction_responses, migration 030), with any comment. */
  satisfaction: Record<string, unknown>[];
}

/** The ids a subject's records hang from. */
interface SubjectIds {
  contactIds: string[];
  conversationIds: string[];
  caseIds: string[];
  handoffIds: string[];
  referralIds: string[];
  messageIds: string[];
}

/** `in (…)` that stays valid SQL for an empty list. */
function inList(ids: string[]) {
  return ids.length ? sql`(${sql.join(ids)})` : sql`(select null::text where false)`;
}

async function subjectIds(db: Db, tenant: string, subject: Subject): Promise<SubjectIds> {
  const contactIds = [...new Set(subject.contactIds)];
  const caseIds = [...new Set(subject.caseIds)];
  const conversations = await sql<{ id: string }>`
    select id from conversations where tenant_id = ${tenant}
      and (contact_id in ${inList(contactIds)} or id in (select conversation_id from cases where tenant_id = ${tenant} and id in ${inList(caseIds)}))`.execute(db);
  const conversationIds = conversations.rows.map((r) => r.id);
  const cases = await sql<{ id: string }>`
    select id from cases where tenant_id = ${tenant}
      and (id in ${inList(caseIds)} or contact_id in ${inList(contactIds)} or conversation_id in ${inList(conversationIds)})`.execute(db);
  const handoffs = await sql<{ id: string }>`select id from handoffs where tenant_id = ${tenant} and conversation_id in ${inList(conversationIds)}`.execute(db);
  const handoffIds = handoffs.rows.map((r) => r.id);
  const referrals = await sql<{ id: string }>`
    select id from referrals where tenant_id = ${tenant} and (conversation_id in ${inList(conversationIds)} or handoff_id in ${inList(handoffIds)})`.execute(db);
  const messages = await sql<{ id: string }>`select id::text as id from messages where tenant_id = ${tenant} and conversation_id in ${inList(conversationIds)}`.execute(db);
  return {
    contactIds,
    conversationIds,
    caseIds: cases.rows.map((r) => r.id),
    handoffIds,
    referralIds: referrals.rows.map((r) => r.id),
    messageIds: messages.rows.map((r) => r.id),
  };
}

/** Audit events about any of the subject's records (the subject-access trail itself included). */
function auditNaming(tenant: string, ids: SubjectIds) {
  return sql`
    tenant_id = ${tenant} and (
      (subject_type = 'contact' and subject_id in ${inList(ids.contactIds)})
      or (subject_type = 'conversation' and subject_id in ${inList(ids.conversationIds)})
      or (subject_type = 'case' and subject_id in ${inList(ids.caseIds)})
      or (subject_type = 'handoff' and subject_id in ${inList(ids.handoffIds)})
      or (subject_type = 'referral' and subject_id in ${inList(ids.referralIds)}))`;
}

/** Rows of the durable job queue naming the subject (a message to send, a call's follow-up text, a duty referral). */
function jobsNaming(ids: SubjectIds) {
  return sql`(data->>'conversationId' in ${inList(ids.conversationIds)}
    or data->>'messageId' in ${inList(ids.messageIds)}
    or data->>'referralId' in ${inList(ids.referralIds)})`;
}

type Row = Record<string, unknown>;
async function rows(db: Db, query: ReturnType<typeof sql>): Promise<Row[]> {
  return (await query.execute(db)).rows as Row[];
}

/** Rows with their sealed text and jsonb columns (store/crypto.ts) in clear. */
function opened(text: string[], json: string[], list: Row[]): Row[] {
  return list.map((r) => {
    const out = { ...r };
    for (const c of text) if (typeof out[c] === 'string') out[c] = unseal(out[c] as string);
    for (const c of json) out[c] = unsealJson(out[c]);
    if ('recognition' in out) out.recognition = openRecognition(out.recognition);
    return out;
  });
}

/** Rows with a phone channel's id (a blind index) replaced by the id itself, and the sealed copy left out. */
function withIdentities(list: Row[]): Row[] {
  return list.map((r) => {
    const { channel_user_sealed: sealedId, ...rest } = r;
    return sealedId ? { ...rest, channel_user_id: unseal(sealedId as string) } : rest;
  });
}

export async function gatherSubject(db: Db, tenant: string, subject: Subject): Promise<SubjectRecord> {
  const ids = await subjectIds(db, tenant, subject);
  const convs = inList(ids.conversationIds);
  return {
    contacts: opened(['phone', 'email'], [], await rows(db, sql`select id, display_name, phone, email, flags, created_at, updated_at from contacts where tenant_id = ${tenant} and id in ${inList(ids.contactIds)} order by created_at`)),
    identities: withIdentities(await rows(db, sql`select contact_id, channel, channel_user_id, channel_user_sealed, created_at from contact_identities where tenant_id = ${tenant} and contact_id in ${inList(ids.contactIds)} order by created_at`)),
    contactClaims: opened(['value'], [], await rows(db, sql`select contact_id, kind, value, created_at, verified_at from contact_claims where tenant_id = ${tenant} and contact_id in ${inList(ids.contactIds)} order by created_at`)),
    conversations: withIdentities(opened([], ['dialogue'], await rows(db, sql`select id, contact_id, channel, channel_user_id, channel_user_sealed, state, dialogue, created_at, updated_at, last_message_at, closed_at from conversations where tenant_id = ${tenant} and id in ${convs} order by created_at`))),
    messages: opened(['text'], ['parts'], await rows(db, sql`select id::text as id, conversation_id, channel, direction, author, text, parts, recognition, status, created_at from messages where tenant_id = ${tenant} and conversation_id in ${convs} order by created_at, id`)),
    conversationEvents: await rows(db, sql`select conversation_id, from_state, to_state, cause, actor_type, actor_id, created_at from conversation_events where tenant_id = ${tenant} and conversation_id in ${convs} order by id`),
    cases: opened(['summary'], ['details', 'location'], await rows(db, sql`select id, reference, service_id, status, summary, details, location, uprn, usrn, lat, lng, team, target_date::text as target_date, contact_id, conversation_id, created_at, updated_at from cases where tenant_id = ${tenant} and id in ${inList(ids.caseIds)} order by created_at`)),
    caseHistory: opened(['note'], [], await rows(db, sql`select case_id, status, note, actor, created_at from case_status_history where tenant_id = ${tenant} and case_id in ${inList(ids.caseIds)} order by id`)),
    linkedReports: opened([], ['details'], await rows(db, sql`
      select r.id, c.reference, r.via, r.conversation_id, r.contact_id, r.distance_metres, r.details, r.created_at
        from case_reports r join cases c on c.id = r.case_id
       where r.tenant_id = ${tenant} and (r.contact_id in ${inList(ids.contactIds)} or r.conversation_id in ${convs}) order by r.created_at`)),
    caseUpdates: await rows(db, sql`
      select c.reference, s.channel, s.status, s.consent_text, s.consented_at, s.stopped_at
        from case_subscriptions s join cases c on c.id = s.case_id
       where s.tenant_id = ${tenant} and (s.contact_id in ${inList(ids.contactIds)} or s.conversation_id in ${convs}) order by s.consented_at`),
    callbacks: opened(['phone', 'outcome'], [], await rows(db, sql`
      select id, conversation_id, phone, reason, kind, slot_at, due_at, status, attempts, outcome, created_at from callbacks
       where tenant_id = ${tenant} and (contact_id in ${inList(ids.contactIds)} or conversation_id in ${convs}) order by created_at`)),
    handoffs: opened(['summary', 'note'], [], await rows(db, sql`select id, conversation_id, reason, priority, queue, summary, status, outcome, note, created_at, accepted_at, closed_at from handoffs where tenant_id = ${tenant} and id in ${inList(ids.handoffIds)} order by created_at`)),
    referrals: opened(['summary'], ['details'], await rows(db, sql`select id, conversation_id, handoff_id, channel, summary, details, status, created_at, sent_at, acknowledged_at from referrals where tenant_id = ${tenant} and id in ${inList(ids.referralIds)} order by created_at`)),
    feedback: opened(['query'], [], await rows(db, sql`select conversation_id, article_id, useful, query, created_at from feedback where tenant_id = ${tenant} and conversation_id in ${convs} order by id`)),
    auditEvents: opened([], ['detail'], await rows(db, sql`select actor_type, actor_id, action, subject_type, subject_id, detail, created_at from audit_events where ${auditNaming(tenant, ids)} order by id`)),
    pendingJobs: await rows(db, sql`select queue, id, name, status, run_at from jobs where ${jobsNaming(ids)} order by run_at`),
    mediaFiles: opened(
      ['name'],
      [],
      await rows(db, sql`
        select id, conversation_id, message_id::text as message_id, channel, status, reason, content_type, size_bytes, sha256, name, created_at
        from media_files where tenant_id = ${tenant} and conversation_id in ${convs} order by message_id nulls last, created_at, id`),
    ),
    callRecordings: (await recordingsOfConversations(db, tenant, ids.conversationIds)).map((r) => ({
      id: r.id,
      conversation_id: r.conversationId,
      recording_sid: r.recordingSid,
      call_sid: r.callSid,
      status: r.status,
      duration_seconds: r.durationSeconds,
      channels: r.channels,
      started_at: r.startedAt,
      created_at: r.createdAt,
    })),
    agentNotes: opened(['text'], [], await rows(db, sql`select id, conversation_id, agent_name, text, created_at from conversation_notes where tenant_id = ${tenant} and conversation_id in ${convs} order by created_at, id`)),
    satisfaction: await satisfactionOfConversations(db, tenant, ids.conversationIds),
  };
}

/** One file of a subject's conversations, with its bytes (null when it was refused), for an admin's export; undefined when it is not theirs. */
export async function subjectMediaFile(db: Db, tenant: string, subject: Subject, id: string): Promise<{ id: string; contentType: string; name: string | null; data: Buffer | null } | undefined> {
  const ids = await subjectIds(db, tenant, subject);
  const row = (
    await sql<{ id: string; content_type: string; name: string | null; data: string | null }>`
      select id, content_type, name, data from media_files where tenant_id = ${tenant} and id = ${id} and conversation_id in ${inList(ids.conversationIds)}`.execute(db)
  ).rows[0];
  return row && { id: row.id, contentType: row.content_type, name: unseal(row.name), data: row.data === null ? null : Buffer.from(unseal(row.data), 'base64') };
}

export interface ErasureResult {
  erasureId: string;
  counts: Record<string, number>;
  keptCaseReferences: string[];
}

/** Strikes the resident's own details (phones, e-mails, names) out of staff's free text. */
function strike(text: string, details: string[]): string {
  let out = text;
  for (const d of details.filter((x) => x.trim().length >= 3).sort((a, b) => b.length - a.length)) {
    out = out.replace(new RegExp(d.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), '[erased]');
    // A number however written: +44 7700 900123, 07700-900123, (0)7700 900123.
    const e164 = toE164(d);
    if (e164) {
      const national = e164.startsWith('+44') ? e164.slice(3) : e164.slice(1);
      const sep = '[\\s().-]*';
      out = out.replace(new RegExp(`(?:\\+?${sep}44${sep}(?:\\(0\\))?${sep}|0${sep})?${national.split('').join(sep)}`, 'g'), '[erased]');
    }
  }
  return out;
}

const n = (r: { numAffectedRows?: bigint }) => Number(r.numAffectedRows ?? 0);

/** What an erased subject's audit event keeps of its detail: the agent's name, if it had one, and that it was erased. */
function erasedDetail(detail: unknown): Record<string, unknown> {
  const named = !!detail && typeof detail === 'object' && !Array.isArray(detail) && 'agentName' in detail;
  return named ? { agentName: (detail as { agentName: unknown }).agentName ?? null, erased: true } : { erased: true };
}

/**
 * Erases a subject in the caller's transaction. Deleted: their pending jobs in the `jobs` table,
 * feedback, duty referrals' summaries and details (the referral's own facts stay), conversations
 * with their messages, files they sent, handoffs and events, channel identities, claims and contacts. Cases are kept
 * as facts without identity: service, status, team, dates, reference, the street (USRN), the
 * postcode district and a position rounded to about a kilometre; their summary, details, address,
 * UPRN, contact and conversation go, and so do status notes. Audit events about them keep who did
 * what and when, with their detail reduced to the agent's name. An SMS opt-out is kept as a bare
 * suppression record (the number's `sms` identity and the flag), as the law requires it be honoured.
 * Writes the erasure record; returns it.
 */
export async function eraseSubject(db: Db, tenant: string, subject: Subject, by: { agentId: string; agentName: string }, reason: string, now = new Date()): Promise<ErasureResult> {
  const ids = await subjectIds(db, tenant, subject);
  const contactsIn = inList(ids.contactIds);
  const convs = inList(ids.conversationIds);
  const details = (await sql<{ v: string | null }>`
    select phone as v from contacts where tenant_id = ${tenant} and id in ${contactsIn}
    union select email from contacts where tenant_id = ${tenant} and id in ${contactsIn}
    union select display_name from contacts where tenant_id = ${tenant} and id in ${contactsIn}
    union select coalesce(channel_user_sealed, channel_user_id) from contact_identities where tenant_id = ${tenant} and contact_id in ${contactsIn}
    union select value from contact_claims where tenant_id = ${tenant} and contact_id in ${contactsIn}`.execute(db)).rows
    .map((r) => unseal(r.v))
    .filter((v): v is string => !!v);

  const counts: Record<string, number> = {};
  counts.jobs = n(await sql`delete from jobs where ${jobsNaming(ids)}`.execute(db));
  counts.messages = ids.messageIds.length;
  counts.feedback = n(await sql`delete from feedback where tenant_id = ${tenant} and conversation_id in ${convs}`.execute(db));
  counts.referrals = n(
    await sql`update referrals set summary = '', details = '{}'::jsonb, conversation_id = null where tenant_id = ${tenant} and id in ${inList(ids.referralIds)}`.execute(db),
  );
  // An audit event's detail is sealed at rest (store/audit.ts), so it is opened here to keep only the agent's name.
  const audited = await sql<{ id: string; detail: unknown }>`
    select id::text as id, detail from audit_events where ${auditNaming(tenant, ids)} and action not like 'subject_access.%' order by id`.execute(db);
  counts.auditEvents = 0;
  for (const a of audited.rows) {
    counts.auditEvents += n(await sql`update audit_events set detail = ${sealAuditDetail(erasedDetail(unsealJson(a.detail)))}::jsonb where id = ${a.id}`.execute(db));
  }
  // A sealed location is opened in place first, so the reduction below can read its kind and postcode in SQL.
  const located = await sql<{ id: string; location: unknown }>`select id, location from cases where tenant_id = ${tenant} and id in ${inList(ids.caseIds)} and location is not null`.execute(db);
  for (const c of located.rows.filter((r) => isSealed(r.location))) {
    await sql`update cases set location = ${toJson(unsealJson(c.location))}::jsonb where id = ${c.id}`.execute(db);
  }
  const kept = await sql<{ reference: string }>`select reference from cases where tenant_id = ${tenant} and id in ${inList(ids.caseIds)} order by reference`.execute(db);
  counts.cases = n(
    await sql`update cases set summary = 'Details erased at the resident''s request', details = '{}'::jsonb,
        location = case when location is null then null else jsonb_strip_nulls(jsonb_build_object('kind', location->>'kind',
          'postcodeDistrict', nullif(split_part(upper(trim(coalesce(location->>'postcode', ''))), ' ', 1), ''))) end,
        uprn = null, lat = round(lat::numeric, 2)::double precision, lng = round(lng::numeric, 2)::double precision,
        contact_id = null, conversation_id = null, updated_at = ${now}
      where tenant_id = ${tenant} and id in ${inList(ids.caseIds)}`.execute(db),
  );
  await sql`update case_status_history set note = null where tenant_id = ${tenant} and case_id in ${inList(ids.caseIds)}`.execute(db);
  // The event log keeps that each change happened (the back office's order), not what it said.
  // Their reports joined to other residents' cases: the case keeps that a report was made, not where or by whom.
  await sql`update case_reports set details = null, contact_id = null, conversation_id = null
    where tenant_id = ${tenant} and (contact_id in ${inList(ids.contactIds)} or conversation_id in ${convs})`.execute(db);
  await sql`update case_events set data = '{"erased":true}'::jsonb where tenant_id = ${tenant} and case_id in ${inList(ids.caseIds)}`.execute(db);
  counts.callbacks = n(await sql`delete from callbacks where tenant_id = ${tenant} and (contact_id in ${inList(ids.contactIds)} or conversation_id in ${convs})`.execute(db));
  // Files they sent go with their conversations (media_files cascades); counted first.
  counts.mediaFiles = Number((await sql<{ n: string }>`select count(*) as n from media_files where tenant_id = ${tenant} and conversation_id in ${convs}`.execute(db)).rows[0]?.n ?? 0);
  // Their call recordings: unlinked and marked, deleted at Twilio by the voice channel's job (retried until Twilio confirms).
  counts.callRecordings = await markRecordingsForDeletion(db, tenant, ids.conversationIds, now);
  // Their comments on "How did we do?" go; the rating stays, unlinked, for the reports.
  await forgetSatisfactionComments(db, tenant, ids.conversationIds);
  counts.conversations = n(await sql`delete from conversations where tenant_id = ${tenant} and id in ${convs}`.execute(db));
  // An opted-out number keeps its flag and `sms` identity (what channels/twilio/opt-out.ts reads), nothing else.
  const suppressed = await sql<{ id: string }>`
    select id from contacts where tenant_id = ${tenant} and id in ${contactsIn}
      and flags ?| array[${sql.join(SUPPRESSION_FLAGS.map((f) => sql`${f}`))}]::text[]`.execute(db);
  const suppressedIds = suppressed.rows.map((r) => r.id);
  counts.identities = n(
    await sql`delete from contact_identities where tenant_id = ${tenant} and contact_id in ${contactsIn}
      and not (contact_id in ${inList(suppressedIds)} and channel = 'sms')`.execute(db),
  );
  counts.contactClaims = n(await sql`delete from contact_claims where tenant_id = ${tenant} and contact_id in ${contactsIn}`.execute(db));
  await sql`update contacts set display_name = null, phone = null, email = null, phone_index = null, email_index = null,
      flags = (select coalesce(jsonb_agg(f), '[]'::jsonb) from jsonb_array_elements_text(flags) f where f in (${sql.join(SUPPRESSION_FLAGS.map((f) => sql`${f}`))}))
    where tenant_id = ${tenant} and id in ${inList(suppressedIds)}`.execute(db);
  counts.suppressionsKept = suppressedIds.length;
  counts.contacts = n(
    await sql`delete from contacts where tenant_id = ${tenant} and id in ${contactsIn} and id not in ${inList(suppressedIds)}`.execute(db),
  );

  const erasureId = randomUUID();
  const keptCaseReferences = kept.rows.map((r) => r.reference);
  await db
    .insertInto('subject_erasures')
    .values({
      id: erasureId,
      tenant_id: tenant,
      erased_at: now,
      erased_by: by.agentId,
      erased_by_name: by.agentName,
      reason: strike(reason, details),
      counts: toJson(counts),
      kept_case_references: toJson(keptCaseReferences),
    })
    .execute();
  return { erasureId, counts, keptCaseReferences };
}

export interface ErasureRecord {
  id: string;
  erasedAt: Date;
  erasedBy: string;
  erasedByName: string;
  reason: string;
  counts: Record<string, number>;
  keptCaseReferences: string[];
}

/** The council's erasure records, newest first. */
export async function erasureRecords(db: Db, tenant: string, limit = 100): Promise<ErasureRecord[]> {
  const rowsFound = await db.selectFrom('subject_erasures').selectAll().where('tenant_id', '=', tenant).orderBy('erased_at', 'desc').limit(limit).execute();
  return rowsFound.map((r) => ({
    id: r.id,
    erasedAt: r.erased_at,
    erasedBy: r.erased_by,
    erasedByName: r.erased_by_name,
    reason: r.reason,
    counts: fromJson<Record<string, number>>(r.counts),
    keptCaseReferences: fromJson<string[]>(r.kept_case_references),
  }));
}
