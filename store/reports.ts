import { sql, type RawBuilder } from 'kysely';
import type { Db } from './schema.js';
import { UPDATED_AT_STEP_MS } from './turns.js';

/**
 * The supervisors' reports (issue 16, item 3): the fact tables of migration 028 and every query
 * that reads them. `refreshReportFacts` copies what changed in the live tables (conversations,
 * messages, handoffs, referrals, cases) into one row per contact, handoff, duty referral chain and
 * case; the retention purge runs it first (jobs/retention.ts), so facts outlive the conversations
 * they came from and a year's reports stay whole. The refresh also sums the local days it touched
 * into rollups (per day and hour, per dimension). Reports read the rollups, or the facts when
 * filtered in a way the rollups cannot answer, grouped by one key. A conversation's changes that
 * matter here (handoff accepted, transferred, closed, abandoned) each move its state, so they
 * bump `conversations.updated_at`, which is what the refresh looks for; a turn moves it only when it
 * is older than UPDATED_AT_STEP_MS (store/turns.ts), so the refresh reads that much further back.
 */

/** Recognition actions that mean the assistant did not understand (bot/policy.ts). */
const MISUNDERSTOOD_ACTIONS = ['not_understood', 'out_of_scope'];

/**
 * Conversations changed this long before the last refresh are read again: a turn's transaction may
 * commit late, and a turn leaves `updated_at` up to UPDATED_AT_STEP_MS behind its time.
 */
const REFRESH_OVERLAP_MS = 10 * 60_000 + UPDATED_AT_STEP_MS;

/**
 * Brings the council's report facts and rollups up to date with its live tables; returns how many
 * contacts it (re)wrote. The mark is the database's clock at the start (`now()`), read back less an
 * overlap, so a conversation changed while this runs is read again next time. `now` stamps the
 * facts; `timeZone` (the council's, remembered for the retention job's runs) makes local days and hours.
 * One refresh per council at a time (an advisory lock), inside the caller's transaction if it has one.
 */
export async function refreshReportFacts(db: Db, tenant: string, now: Date, timeZone?: string): Promise<number> {
  if (db.isTransaction) return refreshIn(db, tenant, now, timeZone);
  return db.transaction().execute((trx) => refreshIn(trx, tenant, now, timeZone));
}

async function refreshIn(db: Db, tenant: string, now: Date, timeZone?: string): Promise<number> {
  await sql`select pg_advisory_xact_lock(hashtext(${`reports:${tenant}`}))`.execute(db);
  const mark = await sql<{ refreshed_to: Date; time_zone: string }>`select refreshed_to, time_zone from report_refresh where tenant_id = ${tenant}`.execute(db);
  const last = mark.rows[0]?.refreshed_to;
  const tz = timeZone ?? mark.rows[0]?.time_zone ?? 'Europe/London';
  const since = last ? new Date(new Date(last).getTime() - REFRESH_OVERLAP_MS) : new Date(0);
  const changed = sql`select id from conversations where tenant_id = ${tenant} and updated_at >= ${since}`;
  const notService = (col: RawBuilder<unknown>) => sql`${col} is not null and ${col} not like 'meta.%' and ${col} <> 'out_of_scope'`;
  const local = (col: RawBuilder<unknown>) => sql`(${col} at time zone ${tz})`;

  const contacts = await sql<{ day: string }>`
    insert into report_contacts (conversation_id, tenant_id, started_at, day, hour, channel, service, queue, agent_id, turns, misunderstood, handed_off, contained, menu_abandoned, refreshed_at)
    select c.id, c.tenant_id, c.created_at, ${local(sql`c.created_at`)}::date, extract(hour from ${local(sql`c.created_at`)})::smallint, c.channel,
      coalesce(svc.service_id, cs.service_id, ''), coalesce(h.queue, ''), coalesce(h.agent_id, ''),
      coalesce(m.turns, 0), coalesce(m.misunderstood, 0),
      h.id is not null,
      h.id is null and not (${menuAbandoned}),
      h.id is null and (${menuAbandoned}),
      ${now}
    from conversations c
    left join lateral (
      select count(*)::int as turns,
             count(*) filter (where m.recognition->>'action' in (${sql.join(MISUNDERSTOOD_ACTIONS)}))::int as misunderstood,
             count(*) filter (where m.recognition is null)::int as unprocessed,
             count(*)::int as inbound
      from messages m where m.conversation_id = c.id and m.direction = 'in'
    ) m on true
    left join lateral (select id, queue, agent_id from handoffs where conversation_id = c.id order by created_at desc limit 1) h on true
    left join lateral (
      select s.service_id from messages m
      cross join lateral (values (1, m.recognition->>'actedOn'), (2, m.recognition->'handoff'->>'service'), (3, m.recognition->>'intent')) s(o, service_id)
      where m.conversation_id = c.id and m.direction = 'in' and m.recognition is not null and ${notService(sql`s.service_id`)}
      order by m.id, s.o limit 1
    ) svc on true
    left join lateral (select service_id from cases where conversation_id = c.id order by created_at limit 1) cs on true
    where c.tenant_id = ${tenant} and c.id in (${changed}) and (c.channel = 'voice' or coalesce(m.inbound, 0) > 0)
    on conflict (conversation_id) do update set
      service = excluded.service, queue = excluded.queue, agent_id = excluded.agent_id, turns = excluded.turns,
      misunderstood = excluded.misunderstood, handed_off = excluded.handed_off, contained = excluded.contained,
      menu_abandoned = excluded.menu_abandoned, refreshed_at = excluded.refreshed_at
    returning day::text as day`.execute(db);

  const handoffs = await sql<{ day: string }>`
    insert into report_handoffs (handoff_id, tenant_id, conversation_id, created_at, day, hour, channel, service, queue, reason, priority, agent_id, wait_seconds, handling_seconds, abandoned, refreshed_at)
    select h.id, h.tenant_id, h.conversation_id, h.created_at, ${local(sql`h.created_at`)}::date, extract(hour from ${local(sql`h.created_at`)})::smallint,
      c.channel, coalesce(rc.service, ''), h.queue, h.reason, h.priority, coalesce(h.agent_id, ''),
      case when h.accepted_at is not null then greatest(0, extract(epoch from (h.accepted_at - coalesce(h.transferred_at, h.created_at)))) end,
      case when h.accepted_at is not null and h.closed_at is not null then greatest(0, extract(epoch from (h.closed_at - h.accepted_at))) end,
      h.abandoned_at is not null and h.accepted_at is null,
      ${now}
    from handoffs h
    join conversations c on c.id = h.conversation_id
    left join report_contacts rc on rc.conversation_id = h.conversation_id
    where h.tenant_id = ${tenant} and h.conversation_id in (${changed})
    on conflict (handoff_id) do update set
      service = excluded.service, queue = excluded.queue, agent_id = excluded.agent_id, wait_seconds = excluded.wait_seconds,
      handling_seconds = excluded.handling_seconds, abandoned = excluded.abandoned, refreshed_at = excluded.refreshed_at
    returning day::text as day`.execute(db);

  await sql`
    insert into report_referrals (referral_id, tenant_id, created_at, service, sent, acknowledged, pass_on_seconds, steps, refreshed_at)
    select r.id, r.tenant_id, r.created_at, coalesce(nullif(rc.service, ''), r.skills->>0, ''),
      chain.sent > 0, chain.acknowledged_at is not null,
      case when chain.acknowledged_at is not null then greatest(0, extract(epoch from (chain.acknowledged_at - r.created_at))) end, chain.steps, ${now}
    from referrals r
    left join report_contacts rc on rc.conversation_id = r.conversation_id
    cross join lateral (
      select count(*)::int as steps, count(s.sent_at)::int as sent, min(s.acknowledged_at) as acknowledged_at
      from referrals s where s.tenant_id = r.tenant_id and (s.id = r.id or s.escalation_of = r.id)
    ) chain
    where r.tenant_id = ${tenant} and r.escalation_of is null and r.id in (
      select coalesce(s.escalation_of, s.id) from referrals s
      where s.tenant_id = ${tenant} and (s.created_at >= ${since} or s.sent_at >= ${since} or s.acknowledged_at >= ${since}))
    on conflict (referral_id) do update set
      service = excluded.service, sent = excluded.sent, acknowledged = excluded.acknowledged,
      pass_on_seconds = excluded.pass_on_seconds, steps = excluded.steps, refreshed_at = excluded.refreshed_at`.execute(db);

  await sql`
    insert into report_cases (case_id, tenant_id, created_at, service, channel, resolved_at, refreshed_at)
    select k.id, k.tenant_id, k.created_at, k.service_id, coalesce(c.channel, ''),
      case when k.status in ('resolved', 'closed') then coalesce(
        (select min(h.created_at) from case_status_history h where h.case_id = k.id and h.status in ('resolved', 'closed')), k.updated_at) end,
      ${now}
    from cases k left join conversations c on c.id = k.conversation_id
    where k.tenant_id = ${tenant} and k.updated_at >= ${since}
    on conflict (case_id) do update set
      service = excluded.service, channel = case when excluded.channel = '' then report_cases.channel else excluded.channel end,
      resolved_at = excluded.resolved_at, refreshed_at = excluded.refreshed_at`.execute(db);

  await rebuildReportRollups(db, tenant, [...new Set([...contacts.rows, ...handoffs.rows].map((r) => r.day))]);
  await sql`
    insert into report_refresh (tenant_id, refreshed_to, time_zone) values (${tenant}, now(), ${tz})
    on conflict (tenant_id) do update set refreshed_to = greatest(report_refresh.refreshed_to, excluded.refreshed_to), time_zone = excluded.time_zone`.execute(db);
  return contacts.rows.length;
}

/** Days rebuilt per statement: a year's rebuild stays a handful of statements of bounded size. */
const ROLLUP_SLICE = 62;

/**
 * Recomputes the rollups of the given local days (all days when `days` is left out) from the facts:
 * per day and hour, once over all (dim 'all') and once per service, channel, queue and agent (and
 * reason, for handoffs). Called by the refresh for the days it touched, and by the bench.
 */
export async function rebuildReportRollups(db: Db, tenant: string, days?: string[]): Promise<void> {
  if (!days) {
    const r = await sql<{ day: string }>`select distinct day::text as day from report_contacts where tenant_id = ${tenant}
      union select distinct day::text from report_handoffs where tenant_id = ${tenant}`.execute(db);
    days = r.rows.map((row) => row.day);
  }
  days.sort();
  for (let i = 0; i < days.length; i += ROLLUP_SLICE) {
    const slice = days.slice(i, i + ROLLUP_SLICE);
    const list = sql.join(slice.map((d) => sql`${d}::date`));
    const inDays = sql`day in (${list})`;
    await sql`delete from report_contact_rollup where tenant_id = ${tenant} and ${inDays}`.execute(db);
    await sql`delete from report_handoff_rollup where tenant_id = ${tenant} and ${inDays}`.execute(db);
    await sql`
      insert into report_contact_rollup (tenant_id, dim, day, hour, value, contacts, voice, contained, handed_off, menu, turns, misunderstood)
      select ${tenant}, d.dim, f.day, f.hour, d.value, count(*), count(*) filter (where f.channel = 'voice'), count(*) filter (where f.contained),
        count(*) filter (where f.handed_off), count(*) filter (where f.menu_abandoned), sum(f.turns), sum(f.misunderstood)
      from report_contacts f
      cross join lateral (values ('all', ''), ('service', f.service), ('channel', f.channel), ('queue', f.queue), ('agent', f.agent_id)) d(dim, value)
      where f.tenant_id = ${tenant} and f.day in (${list})
      group by d.dim, f.day, f.hour, d.value`.execute(db);
    await sql`
      insert into report_handoff_rollup (tenant_id, dim, day, hour, value, handoffs, answered, w20, w30, w60, abandoned, wait_sum, handling_sum, handling_n)
      select ${tenant}, d.dim, f.day, f.hour, d.value, count(*), count(f.wait_seconds), count(*) filter (where f.wait_seconds <= 20),
        count(*) filter (where f.wait_seconds <= 30), count(*) filter (where f.wait_seconds <= 60), count(*) filter (where f.abandoned),
        coalesce(sum(f.wait_seconds), 0), coalesce(sum(f.handling_seconds), 0), count(f.handling_seconds)
      from report_handoffs f
      cross join lateral (values ('all', ''), ('service', f.service), ('channel', f.channel), ('queue', f.queue), ('agent', f.agent_id), ('reason', f.reason)) d(dim, value)
      where f.tenant_id = ${tenant} and f.day in (${list})
      group by d.dim, f.day, f.hour, d.value`.execute(db);
  }
}

/**
 * A phone call that ended in the menu: nothing understood, no case, no handoff. Twilio's status of
 * an IVR call is not stored, so this is read from the conversation: every turn a fallback (or none).
 */
const menuAbandoned = sql`c.channel = 'voice' and cs.service_id is null and coalesce(m.turns, 0) - coalesce(m.misunderstood, 0) - coalesce(m.unprocessed, 0) <= 0`;

// ------------------------------------------------------------------------------------------ queries

/** What a report's rows are grouped by. */
export type ReportKey = 'all' | 'hour' | 'day' | 'month' | 'hour_of_day' | 'day_of_week' | 'service' | 'channel' | 'queue' | 'agent';

export interface ReportRange {
  /** The period's first and last local dates (YYYY-MM-DD), inclusive: contacts and handoffs are read by local day. */
  firstDay: string;
  lastDay: string;
  /** The same period as instants (the last exclusive), for cases and referrals. */
  from: Date;
  to: Date;
  /** The council's IANA time zone. */
  timeZone: string;
  service?: string;
  channel?: string;
  queue?: string;
  agent?: string;
}

export interface ContactFigures {
  key: string;
  contacts: number;
  voiceContacts: number;
  contained: number;
  handedOff: number;
  menuAbandoned: number;
  turns: number;
  misunderstood: number;
}

export interface HandoffFigures {
  key: string;
  handoffs: number;
  answered: number;
  within20: number;
  within30: number;
  within60: number;
  abandoned: number;
  avgWaitSeconds: number | null;
  avgHandlingSeconds: number | null;
}

export interface ReasonFigures {
  reason: string;
  handoffs: number;
  answered: number;
  abandoned: number;
}

export interface CaseFigures {
  key: string;
  created: number;
  resolved: number;
}

export interface ReferralFigures {
  key: string;
  referrals: number;
  sent: number;
  acknowledged: number;
  avgPassOnSeconds: number | null;
}

type Dimension = 'service' | 'channel' | 'queue' | 'agent';
const DIMENSIONS: Dimension[] = ['service', 'channel', 'queue', 'agent'];
/** The fact tables' columns of each dimension (contacts and handoffs alike). */
const FACT_COLUMNS: Record<Dimension, string> = { service: 'service', channel: 'channel', queue: 'queue', agent: 'agent_id' };

/** The grouping expression over a table with local `day` and `hour` columns (facts and rollups alike). */
function localKey(key: ReportKey, dimension: (d: Dimension) => RawBuilder<unknown>): RawBuilder<string> {
  switch (key) {
    case 'all':
      return sql<string>`''`;
    case 'hour':
      return sql<string>`day::text || ' ' || lpad(hour::text, 2, '0') || ':00'`;
    case 'day':
      return sql<string>`day::text`;
    case 'month':
      return sql<string>`to_char(day, 'YYYY-MM')`;
    case 'hour_of_day':
      return sql<string>`hour::text`;
    case 'day_of_week':
      return sql<string>`extract(isodow from day)::int::text`;
    default:
      return sql<string>`${dimension(key)}`;
  }
}

/** The grouping expression over a table with instants only (cases, referrals). */
function instantKey(key: ReportKey, time: RawBuilder<unknown>, tz: string, columns: Partial<Record<Dimension, string>>): RawBuilder<string> {
  const local = sql`(${time} at time zone ${tz})`;
  switch (key) {
    case 'all':
      return sql<string>`''`;
    case 'hour':
      return sql<string>`to_char(date_trunc('hour', ${local}), 'YYYY-MM-DD HH24:00')`;
    case 'day':
      return sql<string>`(${local})::date::text`;
    case 'month':
      return sql<string>`to_char(date_trunc('month', ${local}), 'YYYY-MM')`;
    case 'hour_of_day':
      return sql<string>`extract(hour from ${local})::int::text`;
    case 'day_of_week':
      return sql<string>`extract(isodow from ${local})::int::text`;
    default: {
      const column = columns[key];
      return column ? sql<string>`${sql.ref(column)}` : sql<string>`''`;
    }
  }
}

function filters(range: ReportRange, columns: Partial<Record<Dimension, string>>): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  for (const f of DIMENSIONS) {
    const value = range[f];
    if (value === undefined) continue;
    const column = columns[f];
    // A fact without that column (a case has no queue) cannot match a filter on it.
    parts.push(column ? sql`and ${sql.ref(column)} = ${value}` : sql`and false`);
  }
  return sql.join(parts, sql` `);
}

const num = (v: unknown): number => Number(v ?? 0);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

const TIME_KEYS: ReportKey[] = ['all', 'hour', 'day', 'month', 'hour_of_day', 'day_of_week'];

/**
 * Where a contacts or handoffs query reads, and whether that is a rollup (rows already summed):
 * without filters, the rollup rows of the key's dimension (the 'all' rows for a time key); with one
 * filter and a time key (or the filter's own dimension), that dimension's rollup rows of the filtered
 * value; otherwise the facts, through the filter's index.
 */
function source(kind: 'contact' | 'handoff', tenant: string, range: ReportRange, key: ReportKey | 'reason'): { from: RawBuilder<unknown>; key: RawBuilder<string>; rolled: boolean } {
  const days = sql`day >= ${range.firstDay}::date and day <= ${range.lastDay}::date`;
  const rollup = sql.table(kind === 'contact' ? 'report_contact_rollup' : 'report_handoff_rollup');
  const set = DIMENSIONS.filter((d) => range[d] !== undefined);
  if (!set.length) {
    const dim = key === 'reason' || (DIMENSIONS as string[]).includes(key) ? key : 'all';
    return { from: sql`${rollup} where tenant_id = ${tenant} and dim = ${dim} and ${days}`, key: key === 'reason' ? sql<string>`value` : localKey(key, () => sql`value`), rolled: true };
  }
  const only = set.length === 1 ? set[0] : null;
  if (only && (TIME_KEYS.includes(key as ReportKey) || key === only)) {
    return { from: sql`${rollup} where tenant_id = ${tenant} and dim = ${only} and value = ${range[only]} and ${days}`, key: localKey(key as ReportKey, () => sql`value`), rolled: true };
  }
  const table = sql.table(kind === 'contact' ? 'report_contacts' : 'report_handoffs');
  return {
    from: sql`${table} where tenant_id = ${tenant} and ${days} ${filters(range, FACT_COLUMNS)}`,
    key: key === 'reason' ? sql<string>`reason` : localKey(key, (d) => sql.ref(FACT_COLUMNS[d])),
    rolled: false,
  };
}

export async function contactFigures(db: Db, tenant: string, range: ReportRange, key: ReportKey): Promise<ContactFigures[]> {
  const src = source('contact', tenant, range, key);
  // The same sums from rollup rows (already counted) or from facts (one row per contact).
  const r = src.rolled
    ? await sql<Record<string, unknown>>`
        select ${src.key} as key, sum(contacts) as contacts, sum(voice) as voice, sum(contained) as contained, sum(handed_off) as handed_off,
          sum(menu) as menu, sum(turns) as turns, sum(misunderstood) as misunderstood
        from ${src.from} group by 1 order by 1`.execute(db)
    : await sql<Record<string, unknown>>`
        select ${src.key} as key, count(*) as contacts, count(*) filter (where channel = 'voice') as voice, count(*) filter (where contained) as contained,
          count(*) filter (where handed_off) as handed_off, count(*) filter (where menu_abandoned) as menu, sum(turns) as turns, sum(misunderstood) as misunderstood
        from ${src.from} group by 1 order by 1`.execute(db);
  return r.rows.map((row) => ({
    key: String(row.key),
    contacts: num(row.contacts),
    voiceContacts: num(row.voice),
    contained: num(row.contained),
    handedOff: num(row.handed_off),
    menuAbandoned: num(row.menu),
    turns: num(row.turns),
    misunderstood: num(row.misunderstood),
  }));
}

async function handoffRows(db: Db, tenant: string, range: ReportRange, key: ReportKey | 'reason'): Promise<Record<string, unknown>[]> {
  const src = source('handoff', tenant, range, key);
  const r = src.rolled
    ? await sql<Record<string, unknown>>`
        select ${src.key} as key, sum(handoffs) as handoffs, sum(answered) as answered, sum(w20) as w20, sum(w30) as w30, sum(w60) as w60,
          sum(abandoned) as abandoned, sum(wait_sum) / nullif(sum(answered), 0) as avg_wait, sum(handling_sum) / nullif(sum(handling_n), 0) as avg_handling
        from ${src.from} group by 1 order by 1`.execute(db)
    : await sql<Record<string, unknown>>`
        select ${src.key} as key, count(*) as handoffs, count(wait_seconds) as answered,
          count(*) filter (where wait_seconds <= 20) as w20, count(*) filter (where wait_seconds <= 30) as w30,
          count(*) filter (where wait_seconds <= 60) as w60, count(*) filter (where abandoned) as abandoned,
          avg(wait_seconds) as avg_wait, avg(handling_seconds) as avg_handling
        from ${src.from} group by 1 order by 1`.execute(db);
  return r.rows;
}

export async function handoffFigures(db: Db, tenant: string, range: ReportRange, key: ReportKey): Promise<HandoffFigures[]> {
  const rows = await handoffRows(db, tenant, range, key);
  return rows.map((row) => ({
    key: String(row.key),
    handoffs: num(row.handoffs),
    answered: num(row.answered),
    within20: num(row.w20),
    within30: num(row.w30),
    within60: num(row.w60),
    abandoned: num(row.abandoned),
    avgWaitSeconds: numOrNull(row.avg_wait),
    avgHandlingSeconds: numOrNull(row.avg_handling),
  }));
}

export async function handoffReasons(db: Db, tenant: string, range: ReportRange): Promise<ReasonFigures[]> {
  const rows = await handoffRows(db, tenant, range, 'reason');
  return rows
    .map((row) => ({ reason: String(row.key), handoffs: num(row.handoffs), answered: num(row.answered), abandoned: num(row.abandoned) }))
    .sort((a, b) => b.handoffs - a.handoffs || a.reason.localeCompare(b.reason));
}

/** Cases created in the period and cases resolved in it (whenever created), by the key. */
export async function caseFigures(db: Db, tenant: string, range: ReportRange, key: ReportKey): Promise<CaseFigures[]> {
  const cols = { service: 'service', channel: 'channel' };
  const r = await sql<Record<string, unknown>>`
    select key, sum(created) as created, sum(resolved) as resolved from (
      select ${instantKey(key, sql`created_at`, range.timeZone, cols)} as key, count(*) as created, 0 as resolved
      from report_cases where tenant_id = ${tenant} and created_at >= ${range.from} and created_at < ${range.to} ${filters(range, cols)}
      group by 1
      union all
      select ${instantKey(key, sql`resolved_at`, range.timeZone, cols)} as key, 0, count(*)
      from report_cases where tenant_id = ${tenant} and resolved_at >= ${range.from} and resolved_at < ${range.to} ${filters(range, cols)}
      group by 1
    ) x group by 1 order by 1`.execute(db);
  return r.rows.map((row) => ({ key: String(row.key), created: num(row.created), resolved: num(row.resolved) }));
}

export async function referralFigures(db: Db, tenant: string, range: ReportRange, key: ReportKey): Promise<ReferralFigures[]> {
  const cols = { service: 'service' };
  const r = await sql<Record<string, unknown>>`
    select ${instantKey(key, sql`created_at`, range.timeZone, cols)} as key, count(*) as referrals, count(*) filter (where sent) as sent,
      count(*) filter (where acknowledged) as acknowledged, avg(pass_on_seconds) as avg_pass_on
    from report_referrals
    where tenant_id = ${tenant} and created_at >= ${range.from} and created_at < ${range.to} ${filters(range, cols)}
    group by 1 order by 1`.execute(db);
  return r.rows.map((row) => ({
    key: String(row.key),
    referrals: num(row.referrals),
    sent: num(row.sent),
    acknowledged: num(row.acknowledged),
    avgPassOnSeconds: numOrNull(row.avg_pass_on),
  }));
}

/** The values seen in a period (its local days), for the report's filter lists. */
export async function reportDimensions(db: Db, tenant: string, firstDay: string, lastDay: string): Promise<{ services: string[]; channels: string[]; queues: string[]; agents: { id: string; name: string }[] }> {
  const r = await sql<{ dim: string; value: string }>`
    select distinct dim, value from report_contact_rollup
    where tenant_id = ${tenant} and dim in ('service', 'channel', 'queue', 'agent') and day >= ${firstDay}::date and day <= ${lastDay}::date and value <> ''
    order by 1, 2`.execute(db);
  const of = (dim: string) => r.rows.filter((row) => row.dim === dim).map((row) => row.value);
  const agentIds = of('agent');
  const names = agentIds.length
    ? (await sql<{ id: string; name: string }>`select id, name from agents where tenant_id = ${tenant} and id in (${sql.join(agentIds)})`.execute(db)).rows
    : [];
  const byId = new Map(names.map((a) => [a.id, a.name]));
  return { services: of('service'), channels: of('channel'), queues: of('queue'), agents: agentIds.map((id) => ({ id, name: byId.get(id) ?? id })).sort((a, b) => a.name.localeCompare(b.name)) };
}
