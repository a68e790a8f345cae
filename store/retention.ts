import { sql, type RawBuilder } from 'kysely';
import type { Db } from './schema.js';
import { markOrphanRecordingsForDeletion, markRecordingsForDeletion } from './call-recordings.js';
import { forgetSatisfactionComments } from './satisfaction.js';

/**
 * Deletes a tenant's records past their retention, per service (jobs/retention.ts resolves the
 * periods from the content pack and runs this in one transaction). All cut-offs are `now` minus a
 * number of days, computed in SQL.
 */

/** Expired conversations deleted per round of statements. */
const PURGE_SLICE = 200;

/** A contact or identity younger than this is never orphaned: its conversation may be being created. */
const ORPHAN_GRACE_DAYS = 1;

/** Contact flags that must outlive the contact's conversations: an SMS opt-out is a suppression record (PECR). */
export const SUPPRESSION_FLAGS = ['sms_opt_out'] as const;

/** A service's own periods, in days (resolved: no missing field). */
export interface ServiceRetention {
  serviceId: string;
  conversationsDays: number;
  casesDays: number;
}

export interface RetentionRules {
  now: Date;
  /** Periods of anything that touched no service with its own. */
  conversationsDays: number;
  casesDays: number;
  services: ServiceRetention[];
  /** The audit trail's own period; null keeps audit events. */
  auditDays: number | null;
}

export interface PurgeCounts {
  conversations: number;
  messages: number;
  cases: number;
  referrals: number;
  contacts: number;
  identities: number;
  auditEvents: number;
  /** Call recordings marked for deletion at Twilio (the voice channel's job deletes them there, then their rows). */
  recordings: number;
}

/** Meta intents (greetings, thanks, asking for a person) and out-of-scope say nothing about a service. */
const NOT_A_SERVICE = sql`(s.service_id like 'meta.%' or s.service_id = 'out_of_scope')`;

/** The service ids a tenant's conversations and cases name: recognised, acted on, handed off, flagged, or a case's. */
export async function servicesInUse(db: Db, tenant: string): Promise<string[]> {
  const r = await sql<{ service_id: string }>`
    select distinct s.service_id from (
      ${touchedServices(tenant)}
      union select null, service_id from cases where tenant_id = ${tenant}
    ) s
    where s.service_id is not null and not ${NOT_A_SERVICE}
    order by 1`.execute(db);
  return r.rows.map((row) => row.service_id);
}

/** (conversation_id, service_id) for every service a stored recognition names. */
function touchedServices(tenant: string, among?: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`
    select m.conversation_id, s.service_id
    from messages m
    cross join lateral (values (m.recognition->>'intent'), (m.recognition->>'actedOn'),
                               (m.recognition->'handoff'->>'service'), (m.recognition->'safety'->>'category')) s(service_id)
    where m.tenant_id = ${tenant} and m.recognition is not null and s.service_id is not null
      ${among ? sql`and m.conversation_id in (${among})` : sql``}`;
}

/** The per-service periods as a VALUES list (a never-matching row when there are none). */
function periodsTable(rules: RetentionRules): RawBuilder<unknown> {
  const rows = rules.services.length
    ? rules.services.map((p) => sql`(${p.serviceId}::text, ${p.conversationsDays}::int, ${p.casesDays}::int)`)
    : [sql`(null::text, null::int, null::int)`];
  return sql`(values ${sql.join(rows)}) as p(service_id, conversations_days, cases_days)`;
}

function daysBefore(now: Date, days: RawBuilder<unknown> | number): RawBuilder<Date> {
  return sql<Date>`(${now}::timestamptz - (${days})::int * interval '1 day')`;
}

/**
 * Ids of conversations past their period: the longest period among the services it touched (a
 * service without its own counts as the default), the default when it touched none. Only
 * conversations idle longer than the shortest period are examined.
 */
function expiredConversations(tenant: string, rules: RetentionRules): RawBuilder<unknown> {
  const shortest = Math.min(rules.conversationsDays, ...rules.services.map((s) => s.conversationsDays));
  const idle = sql`coalesce(c.last_message_at, c.created_at)`;
  const candidates = sql`select c.id from conversations c where c.tenant_id = ${tenant} and ${idle} < ${daysBefore(rules.now, shortest)}`;
  return sql`
    select c.id from conversations c
    left join (
      select s.conversation_id, max(coalesce(p.conversations_days, ${rules.conversationsDays}::int)) as days
      from (${touchedServices(tenant, candidates)}
            union select conversation_id, service_id from cases where tenant_id = ${tenant} and conversation_id in (${candidates})) s
      left join ${periodsTable(rules)} on p.service_id = s.service_id
      where not ${NOT_A_SERVICE}
      group by s.conversation_id
    ) k on k.conversation_id = c.id
    where c.tenant_id = ${tenant} and c.id in (${candidates})
      and ${idle} < ${daysBefore(rules.now, sql`coalesce(k.days, ${rules.conversationsDays}::int)`)}`;
}

/**
 * Deletes, in order: resolved or closed cases past their service's period; conversations past
 * theirs, with their messages, handoffs, events, feedback and duty referrals (a case that outlives
 * its conversation keeps the case and drops the link); referrals left without a conversation past
 * the default period; channel identities with no conversation left on them and contacts with
 * neither a conversation nor a case (both older than a day, so one whose conversation is being
 * created is never caught; an opt-out's contact and its identities stay); audit events past their period.
 */
export async function deleteExpiredRecords(db: Db, tenant: string, rules: RetentionRules): Promise<PurgeCounts> {
  const defaultCutoff = daysBefore(rules.now, rules.conversationsDays);
  // Only cases past the shortest period are examined (through cases_closed), then each against its own.
  const shortestCases = Math.min(rules.casesDays, ...rules.services.map((s) => s.casesDays));
  const cases = await sql`
    delete from cases c where c.tenant_id = ${tenant} and c.status in ('resolved', 'closed')
      and c.updated_at < ${daysBefore(rules.now, shortestCases)}
      and c.updated_at < ${daysBefore(rules.now, sql`coalesce((select p.cases_days from ${periodsTable(rules)} where p.service_id = c.service_id), ${rules.casesDays}::int)`)}`.execute(db);

  const expired = await sql<{ id: string }>`${expiredConversations(tenant, rules)}`.execute(db);
  const ids = expired.rows.map((r) => r.id);
  let messages = 0;
  let referrals = 0;
  let recordings = 0;
  // In slices: a parameter list stays well under PostgreSQL's limit however much expired at once,
  // and small enough that each statement goes through the indexes (with a thousand ids the planner
  // read all of a council's cases rather than look up each: store/query-plans.test.ts).
  for (let i = 0; i < ids.length; i += PURGE_SLICE) {
    const slice = ids.slice(i, i + PURGE_SLICE);
    const counted = await sql<{ n: string }>`select count(*) as n from messages where tenant_id = ${tenant} and conversation_id in (${sql.join(slice)})`.execute(db);
    messages += Number(counted.rows[0]?.n ?? 0);
    const refs = await sql`delete from referrals where tenant_id = ${tenant} and escalation_of is null and conversation_id in (${sql.join(slice)})`.execute(db);
    referrals += Number(refs.numAffectedRows ?? 0);
    // Before the conversations go: their recordings wait, unlinked, until Twilio confirms the audio is deleted.
    recordings += await markRecordingsForDeletion(db, tenant, slice, rules.now);
    await forgetSatisfactionComments(db, tenant, slice);
    await sql`update cases set conversation_id = null where tenant_id = ${tenant} and conversation_id in (${sql.join(slice)})`.execute(db);
    await sql`delete from conversations where tenant_id = ${tenant} and id in (${sql.join(slice)})`.execute(db);
  }
  const orphanReferrals = await sql`
    delete from referrals where tenant_id = ${tenant} and escalation_of is null and conversation_id is null and created_at < ${defaultCutoff}`.execute(db);
  referrals += Number(orphanReferrals.numAffectedRows ?? 0);
  recordings += await markOrphanRecordingsForDeletion(db, tenant, new Date(rules.now.getTime() - rules.conversationsDays * 86_400_000), rules.now);

  const graceCutoff = daysBefore(rules.now, ORPHAN_GRACE_DAYS);
  const suppressed = sql`select id from contacts where tenant_id = ${tenant} and flags ?| array[${sql.join(SUPPRESSION_FLAGS.map((f) => sql`${f}`))}]::text[]`;
  const orphanContacts = sql`
    select k.id from contacts k where k.tenant_id = ${tenant} and k.updated_at < ${graceCutoff}
      and k.id not in (${suppressed})
      and not exists (select 1 from conversations c where c.contact_id = k.id)
      and not exists (select 1 from cases s where s.contact_id = k.id)
      and not exists (select 1 from case_reports r where r.contact_id = k.id)`;
  // The `phone` identity joins a number's channels: it has no conversations of its own and goes with its contact.
  const identities = await sql`
    delete from contact_identities i where i.tenant_id = ${tenant}
      and (i.contact_id in (${orphanContacts})
        or (i.channel <> 'phone' and i.created_at < ${graceCutoff} and i.contact_id not in (${suppressed})
            and not exists (select 1 from conversations c where c.tenant_id = i.tenant_id and c.channel = i.channel and c.channel_user_id = i.channel_user_id)))`.execute(db);
  const contacts = await sql`delete from contacts where tenant_id = ${tenant} and id in (${orphanContacts})`.execute(db);
  const audit =
    rules.auditDays === null
      ? null
      : await sql`delete from audit_events where tenant_id = ${tenant} and created_at < ${daysBefore(rules.now, rules.auditDays)}`.execute(db);
  return {
    conversations: ids.length,
    messages,
    cases: Number(cases.numAffectedRows ?? 0),
    referrals,
    contacts: Number(contacts.numAffectedRows ?? 0),
    identities: Number(identities.numAffectedRows ?? 0),
    auditEvents: Number(audit?.numAffectedRows ?? 0),
    recordings,
  };
}
