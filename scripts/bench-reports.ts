/**
 * Times every report query over a year of a county-sized council (issue 16, item 3): creates a
 * fresh PostgreSQL database (dropped at the end), runs the migrations, generates a year of report
 * facts (the rows store/reports.ts `refreshReportFacts` writes as contacts happen: ~1 million
 * contacts, their handoffs, cases and duty referrals, fictional), then runs each query of a year's,
 * a month's and a day's report and prints its time (the slowest of three runs), ending with one JSON line.
 *   npm run bench:reports [-- --contacts 1000000] [-- --runs 3]
 * DATABASE_URL names the server (default postgres://postgres@127.0.0.1:5432/test); each query must answer in under a second.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { buildReports, parsePeriod, reportDimensions } from '../reports/index.js';
import { caseFigures, contactFigures, handoffFigures, handoffReasons, migrate, openStore, rebuildReportRollups, referralFigures, type Db, type ReportKey, type ReportRange } from '../store/index.js';
import { parseArgs } from './cli.js';

const args = parseArgs(process.argv.slice(2));
const contacts = Number(args.get('contacts') ?? 1_000_000);
const runs = Number(args.get('runs') ?? 3);
const LIMIT_MS = 1000;
const TENANT = 'bench-county';
const TZ = 'Europe/London';

const base = new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test');
const dbName = `bench_reports_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: base.toString() });
await admin.connect();
await admin.query(`create database ${dbName}`);
const url = new URL(base.toString());
url.pathname = `/${dbName}`;
const store = await openStore({ databaseUrl: url.toString(), keyring: null });
const results: Record<string, number> = {};

async function generate(db: Db): Promise<void> {
  await migrate(store.db);
  await sql`insert into tenants (id, name) values (${TENANT}, 'Bench County Council')`.execute(db);
  // A year ending at the start of this month, local days weighted to office hours.
  const started = performance.now();
  const services = ['waste.missed_bin', 'waste.bulky', 'roads.pothole', 'roads.streetlight', 'council_tax.pay', 'council_tax.discount', 'housing.repairs', 'housing.homeless', 'benefits.housing', 'parking.permit', 'parking.fine', 'planning.application', 'environment.flytipping', 'environment.noise', 'libraries.renew', 'schools.admissions', 'social_care.adult', 'social_care.children', 'registrars.birth', 'licensing.taxi'];
  const serviceArray = sql`array[${sql.join(services)}]::text[]`;
  const chunk = 250_000;
  for (let offset = 0; offset < contacts; offset += chunk) {
    const n = Math.min(chunk, contacts - offset);
    await sql`
      insert into report_contacts (conversation_id, tenant_id, started_at, day, hour, channel, service, queue, agent_id, turns, misunderstood, handed_off, contained, menu_abandoned)
      select 'c' || g, ${TENANT}, t.at, (t.at at time zone ${TZ})::date, extract(hour from t.at at time zone ${TZ})::smallint, ch.channel, s.service, case when h.handed then 'q' || (abs(hashtext(s.service)) % 6) else '' end,
        case when h.handed then 'agent-' || (g % 60) else '' end, 1 + (g % 6), case when g % 9 = 0 then 1 else 0 end,
        h.handed, not h.handed and not (ch.channel = 'voice' and g % 31 = 0), not h.handed and ch.channel = 'voice' and g % 31 = 0
      from generate_series(${offset + 1}::int, ${offset + n}::int) g
      cross join lateral (select random() as r1, random() as r2, random() as r3) r
      cross join lateral (select date_trunc('month', now()) - interval '365 days' + (g % 365) * interval '1 day'
        + (case when r.r1 < 0.85 then 8 + r.r2 * 10 else r.r2 * 24 end) * interval '1 hour' as at) t
      cross join lateral (select case when r.r3 < 0.45 then 'web' when r.r3 < 0.75 then 'voice' when r.r3 < 0.85 then 'sms' when r.r3 < 0.93 then 'whatsapp' when r.r3 < 0.98 then 'email' else 'messenger' end as channel) ch
      cross join lateral (select (${serviceArray})[1 + (g * 7) % ${services.length}] as service) s
      cross join lateral (select (g % 10) < 3 as handed) h`.execute(db);
  }
  await sql`
    insert into report_handoffs (handoff_id, tenant_id, conversation_id, created_at, day, hour, channel, service, queue, reason, priority, agent_id, wait_seconds, handling_seconds, abandoned)
    select 'h' || c.conversation_id, c.tenant_id, c.conversation_id, c.started_at + interval '2 minutes', c.day, c.hour, c.channel, c.service, c.queue,
      (array['asked_for_person', 'not_understood', 'safety', 'complaint', 'flow_handoff'])[1 + abs(hashtext(c.conversation_id)) % 5],
      case when abs(hashtext(c.conversation_id)) % 50 = 0 then 'urgent' else 'normal' end,
      case when x.abandoned then '' else c.agent_id end,
      case when x.abandoned then null else round((-ln(1 - random() * 0.999) * 25)::numeric, 1) end,
      case when x.abandoned then null else 120 + random() * 900 end,
      x.abandoned
    from report_contacts c cross join lateral (select random() < 0.08 as abandoned) x
    where c.tenant_id = ${TENANT} and c.handed_off`.execute(db);
  await sql`
    insert into report_cases (case_id, tenant_id, created_at, service, channel, resolved_at)
    select 'k' || c.conversation_id, c.tenant_id, c.started_at + interval '5 minutes', c.service, c.channel,
      case when random() < 0.8 then c.started_at + (1 + random() * 20) * interval '1 day' end
    from report_contacts c where c.tenant_id = ${TENANT} and abs(hashtext(c.conversation_id)) % 100 < 15`.execute(db);
  await sql`
    insert into report_referrals (referral_id, tenant_id, created_at, service, sent, acknowledged, pass_on_seconds, steps)
    select 'r' || c.conversation_id, c.tenant_id, c.started_at, c.service, true, x.ack, case when x.ack then 60 + random() * 1200 end, 1 + (abs(hashtext(c.conversation_id)) % 3)
    from report_contacts c cross join lateral (select random() < 0.9 as ack) x
    where c.tenant_id = ${TENANT} and abs(hashtext(c.conversation_id)) % 200 = 0`.execute(db);
  const rollup = performance.now();
  await rebuildReportRollups(db, TENANT);
  console.log(`Rolled up by local day and hour in ${((performance.now() - rollup) / 1000).toFixed(1)} s`);
  await sql`analyze`.execute(db);
  const counts = await sql<{ c: string; h: string; k: string; r: string }>`
    select (select count(*) from report_contacts) as c, (select count(*) from report_handoffs) as h, (select count(*) from report_cases) as k, (select count(*) from report_referrals) as r`.execute(db);
  const row = counts.rows[0];
  console.log(`Generated ${row.c} contacts, ${row.h} handoffs, ${row.k} cases, ${row.r} duty referrals in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** The slowest of `runs` runs, in milliseconds. */
async function time(name: string, fn: () => Promise<unknown>): Promise<void> {
  let worst = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    worst = Math.max(worst, performance.now() - t);
  }
  results[name] = Math.round(worst);
  console.log(`  ${name.padEnd(44)} ${worst.toFixed(0).padStart(6)} ms${worst >= LIMIT_MS ? '  OVER ONE SECOND' : ''}`);
}

try {
  const db = store.db;
  await generate(db);
  const now = new Date();
  const periods = {
    year: parsePeriod({ period: 'custom', from: new Date(now.getTime() - 365 * 86_400_000).toISOString().slice(0, 10), to: now.toISOString().slice(0, 10) }, TZ, now),
    month: parsePeriod({ period: 'month', date: new Date(now.getTime() - 40 * 86_400_000).toISOString().slice(0, 10) }, TZ, now),
    day: parsePeriod({ period: 'day', date: new Date(now.getTime() - 10 * 86_400_000).toISOString().slice(0, 10) }, TZ, now),
  };
  const keys: ReportKey[] = ['all', 'month', 'day', 'hour_of_day', 'day_of_week', 'service', 'channel', 'queue', 'agent'];
  for (const [name, period] of Object.entries(periods)) {
    console.log(`${name}: ${period.label}`);
    const range: ReportRange = { firstDay: period.firstDay, lastDay: period.lastDay, from: period.from, to: period.to, timeZone: TZ };
    for (const key of keys) {
      if (name !== 'year' && key === 'month') continue;
      await time(`${name} contacts by ${key}`, () => contactFigures(db, TENANT, range, key));
      await time(`${name} handoffs by ${key}`, () => handoffFigures(db, TENANT, range, key));
    }
    await time(`${name} handoff reasons`, () => handoffReasons(db, TENANT, range));
    await time(`${name} cases by service`, () => caseFigures(db, TENANT, range, 'service'));
    await time(`${name} duty referrals by ${period.grouping}`, () => referralFigures(db, TENANT, range, period.grouping));
    await time(`${name} filter values`, () => reportDimensions(db, TENANT, period.firstDay, period.lastDay));
    await time(`${name} one service, by channel`, () => contactFigures(db, TENANT, { ...range, service: 'roads.pothole' }, 'channel'));
    await time(`${name} web chat only, by ${period.grouping}`, () => contactFigures(db, TENANT, { ...range, channel: 'web' }, period.grouping));
    await time(`${name} web chat only, by service`, () => contactFigures(db, TENANT, { ...range, channel: 'web' }, 'service'));
    await time(`${name} web chat only, handoffs by queue`, () => handoffFigures(db, TENANT, { ...range, channel: 'web' }, 'queue'));
    await time(`${name} one agent, by day of week`, () => handoffFigures(db, TENANT, { ...range, agent: 'agent-7' }, 'day_of_week'));
  }
  const total = await contactFigures(db, TENANT, { firstDay: periods.year.firstDay, lastDay: periods.year.lastDay, from: periods.year.from, to: periods.year.to, timeZone: TZ }, 'all');
  console.log(`The year's report counts ${total[0]?.contacts ?? 0} contacts.`);
  const whole = performance.now();
  await buildReports(db, TENANT, periods.year, {});
  const wholeMs = Math.round(performance.now() - whole);
  console.log(`The whole year's report page (every table, one after another): ${wholeMs} ms`);
  const maxMs = Math.max(...Object.values(results));
  console.log(JSON.stringify({ contacts, queries: Object.keys(results).length, maxQueryMs: maxMs, allUnderOneSecond: maxMs < LIMIT_MS, yearPageMs: wholeMs, store: 'postgres', results }));
  if (maxMs >= LIMIT_MS) process.exitCode = 1;
} finally {
  await store.close();
  await admin.query(`drop database if exists ${dbName}`);
  await admin.end();
}
