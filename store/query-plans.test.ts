/**
 * Every statement a turn, a webhook, the console and the retention purge issue reads the tables
 * that grow with history through an index (issue 11). A throwaway council is seeded with 100,000
 * conversations and 1,000,000 messages (handoffs, cases, contacts, identities, events, audit and
 * feedback in proportion; a year of conversations plus some safeguarding ones kept for years, six
 * years of cases), analysed, and the real product is driven over HTTP: a web-chat conversation and
 * turn, signed Twilio SMS webhooks (a number with history, a new one), the console's queue, a
 * conversation view and the supervisors' service levels, the recovery sweep and the retention
 * purge. Every statement they send is captured with its parameters and EXPLAINed (FORMAT JSON)
 * with them: reading a large table whole (a sequential scan, or every entry of an index that is not
 * partial) fails the test, whose message names the step and the statement. The foreign keys the
 * purge's deletes make PostgreSQL check (`where <column> = $1`; no captured statement shows them)
 * are EXPLAINed first, the same way. QUERY_PLANS_REPORT=1 prints every statement with its indexes.
 * The purge's whole-council examinations (WHOLE_COUNCIL below) are the one exception, by design.
 *
 * On PGlite (one WebAssembly process) the seed is half as large, to keep the file well under a
 * minute beside other test files (100,000 took 48 s alone); at 50,000 conversations and 500,000
 * messages the planner already prefers every index it would at full size.
 *
 * Capture: the server opens its own store (api/server.ts), so the test wraps Kysely's executor
 * `executeQuery` (every compiled statement of every Kysely instance, transactions included) while
 * a step runs; statements of the background jobs that run meanwhile are labelled and checked too.
 */
import { CompiledQuery, sql, type Kysely } from 'kysely';
import { purgeExpired, recoverOnce } from '../jobs/index.js';
import { startSmsHarness, type SmsHarness } from '../channels/twilio/sms-harness.fixture.js';
import { signedInAgent, type ConsoleClient } from '../test/console-client.js';
import { Resident } from '../test/server.js';
import { refreshReportFacts, type Database } from './index.js';

/** The tables that grow with history: reading any of them whole fails. */
const LARGE = new Set(['messages', 'conversations', 'contacts', 'contact_identities', 'handoffs', 'cases', 'case_status_history', 'conversation_events', 'audit_events', 'feedback']);

/**
 * The retention purge's whole-council examinations: once a day, each looks at every row of the
 * council that could have expired or been orphaned (every conversation idle longer than the
 * shortest period, every contact and identity), so the planner rightly reads those tables whole.
 * Bounded work there needs a design change (a retention date kept on each conversation, or
 * examining only what changed since the last run), not an index. Anything else that scans fails.
 */
const WHOLE_COUNCIL: { what: string; sql: RegExp }[] = [
  { what: 'the services any message or case names (servicesInUse)', sql: /^\s*select distinct s\.service_id from/ },
  { what: "conversations past their services' periods (expiredConversations)", sql: /^\s*select c\.id from conversations c\s+left join/ },
  { what: 'identities left with no conversation', sql: /^\s*delete from contact_identities i where/ },
  { what: 'contacts with neither a conversation nor a case', sql: /^\s*delete from contacts where tenant_id = \$1 and id in \(/ },
];

interface Captured {
  step: string;
  sql: string;
  parameters: readonly unknown[];
}

let h: SmsHarness;
let db: Kysely<Database>;
let tenant: string;
let conversations = 0;
const captured: Captured[] = [];
let capturing: string | null = null;
let uninstallCapture: () => void = () => undefined;

/** Wraps Kysely's executor once; it records only while a step runs. Returns the undo. */
function installCapture(): () => void {
  let proto = Object.getPrototypeOf(db.getExecutor()) as Record<string, unknown> | null;
  while (proto && !Object.prototype.hasOwnProperty.call(proto, 'executeQuery')) proto = Object.getPrototypeOf(proto) as Record<string, unknown> | null;
  if (!proto) throw new Error("Kysely's executor has no executeQuery");
  const original = proto.executeQuery as (this: unknown, q: CompiledQuery) => Promise<unknown>;
  proto.executeQuery = function (this: unknown, q: CompiledQuery) {
    if (capturing) {
      const background = /[\\/]jobs[\\/](db-queue|recovery)\.ts/.test(new Error().stack ?? '');
      captured.push({ step: background && capturing !== 'recovery sweep' ? `${capturing} (a job meanwhile)` : capturing, sql: q.sql, parameters: q.parameters });
    }
    return original.call(this, q);
  };
  return () => void (proto.executeQuery = original);
}

/** Runs a step with capture on, then waits until its statements stop (an SMS reply is sent after the webhook's answer). */
async function step(name: string, work: () => Promise<unknown>): Promise<void> {
  capturing = name;
  try {
    await work();
    for (let seen = -1; seen !== captured.length; ) {
      seen = captured.length;
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    capturing = null;
  }
}

async function isSuperuser(): Promise<boolean> {
  const { rows } = await sql<{ s: boolean }>`select rolsuper as s from pg_roles where rolname = current_user`.execute(db);
  return !!rows[0]?.s;
}

/**
 * The seed, one statement per table. Ids sort by age, so every index is written in order (lookups by
 * id plan alike with production's random UUIDs). Foreign keys hold by construction, so their
 * per-row checks are skipped where the role may (session_replication_role): they took most of the time.
 */
async function seed(n: number): Promise<void> {
  const T = tenant;
  const recent = Math.round(n * 0.99);
  const numbers = n / 10;
  const superuser = await isSuperuser();
  // A block of message ids, taken while no other session can insert a message (a moment's lock).
  const base = await db.transaction().execute(async (trx) => {
    await sql`lock table messages in exclusive mode`.execute(trx);
    const { rows } = await sql<{ b: string }>`select setval('messages_id_seq', nextval('messages_id_seq') + ${n * 10}) - ${n * 10} as b`.execute(trx);
    return BigInt(rows[0].b);
  });
  let tick = Date.now();
  const lap = (what: string) => {
    if (process.env.QUERY_PLANS_REPORT) console.log(`${what}: ${Date.now() - tick} ms`);
    tick = Date.now();
  };
  await db.transaction().execute(async (trx) => {
    if (superuser) await sql`set local session_replication_role = replica`.execute(trx);
    // One row per conversation with everything derived from its number i (1 is the newest).
    await sql`
      create temp table seed_conv on commit drop as
      select i, id, contact_id, channel, cuid, ts,
        case when i > ${recent} then 'safety.safeguarding_concern'
             when age <= 91 then (array['waste.missed_collection', 'waste.bulky_collection', 'highways.pothole', 'council_tax.pay',
                                        'housing.repairs', 'parking.permit', 'waste.new_bin', 'street_scene.fly_tipping'])[1 + i % 8]
             else (array['highways.pothole', 'council_tax.pay', 'housing.repairs', 'parking.permit', 'street_scene.fly_tipping', 'benefits.apply'])[1 + i % 6]
        end as svc,
        i > ${recent} as safety,
        i <= 300 and i % 10 in (3, 5) as open_handoff
      from (
        select i,
          (lpad(to_hex(${n} - i), 8, '0') || substr(md5(${T} || ':c:' || i), 9))::uuid::text as id,
          case when i % 5 = 0 then (lpad(to_hex((i / 5) % ${numbers}), 8, '0') || substr(md5(${T} || ':p:' || ((i / 5) % ${numbers})), 9))::uuid::text
               else (lpad(to_hex(${n} - i), 8, '0') || substr(md5(${T} || ':k:' || i), 9))::uuid::text end as contact_id,
          case when i % 5 = 0 then 'sms' else 'webchat' end as channel,
          case when i % 5 = 0 then '+447701' || lpad(((i / 5) % ${numbers})::text, 6, '0') else md5(${T} || ':w:' || i)::uuid::text end as cuid,
          now() - a.age * interval '1 day' as ts,
          a.age
        from generate_series(${n}, 1, -1) as i
        cross join lateral (select case when i <= ${recent} then i * 366.0 / ${recent} else 366 + (i - ${recent}) * 2189.0 / ${n - recent} end as age) a
      ) s`.execute(trx);
    lap('temp table');
    await sql`
      insert into contacts (id, tenant_id, created_at, updated_at)
      select contact_id, ${T}, min(ts) - interval '10 minutes', min(ts) from seed_conv group by contact_id order by contact_id`.execute(trx);
    lap('contacts');
    await sql`
      insert into contact_identities (tenant_id, channel, channel_user_id, contact_id, created_at)
      select ${T}, channel, cuid, contact_id, ts from seed_conv where channel = 'webchat'
      union all
      select ${T}, k.channel, cuid, contact_id, min(ts) from seed_conv cross join (values ('sms'), ('phone')) as k(channel)
        where seed_conv.channel = 'sms' group by k.channel, cuid, contact_id`.execute(trx);
    lap('identities');
    await sql`
      insert into conversations (id, tenant_id, contact_id, channel, channel_user_id, state, created_at, updated_at, last_message_at, closed_at)
      select id, ${T}, contact_id, channel, cuid,
        case when open_handoff then 'queued' when i <= 50 then 'bot' else 'closed' end,
        ts - interval '10 minutes', ts, ts, case when open_handoff or i <= 50 then null else ts end
      from seed_conv`.execute(trx);
    lap('conversations');
    // Ten messages a conversation: the resident's five, each answered (reply_to) by the next id.
    // Web chat's replies stay `stored` (the browser reads them); SMS ones were sent.
    await sql`
      insert into messages (id, tenant_id, conversation_id, channel, direction, author, provider_message_id, text, recognition, status, reply_to, processed_at, created_at)
      select ${base.toString()}::bigint + (${n} - c.i) * 10 + k, ${T}, c.id, c.channel,
        case when k % 2 = 0 then 'in' else 'out' end,
        case when k % 2 = 0 then 'resident' else 'bot' end,
        case when k % 2 = 0 then c.id || ':' || k end,
        case when k % 2 = 0 then 'Seeded message' else 'Seeded reply' end,
        case when k % 2 = 1 then null
             when c.safety and k = 0 then jsonb_build_object('intent', c.svc, 'confidence', 0.9, 'safety',
               jsonb_build_object('category', 'safety.safeguarding_concern', 'kind', 'child_at_risk', 'source', 'screen', 'reason', 'seeded', 'action', 'escalate'))
             else jsonb_build_object('intent', c.svc, 'confidence', 0.9) end,
        case when k % 2 = 0 then 'processed' when c.channel = 'sms' then 'sent' else 'stored' end,
        case when k % 2 = 1 then ${base.toString()}::bigint + (${n} - c.i) * 10 + k - 1 end,
        case when k % 2 = 0 then t end,
        t
      from seed_conv c cross join lateral generate_series(0, 9) as k
      cross join lateral (select c.ts - interval '10 minutes' + k * interval '1 minute' as t) x`.execute(trx);
    lap('messages');
    await sql`
      insert into handoffs (id, tenant_id, conversation_id, reason, priority, queue, summary, created_at, accepted_at, abandoned_at, closed_at, status, outcome)
      select (lpad(to_hex(${n} - i), 8, '0') || substr(md5(${T} || ':h:' || i), 9))::uuid::text, ${T}, id,
        case when safety then 'safety' else 'asked_for_person' end,
        case when safety then 'urgent' else 'normal' end,
        case when safety then 'safeguarding' else (array['general', 'waste', 'highways', 'housing'])[1 + i % 4] end,
        'Seeded handoff', ts - interval '5 minutes',
        case when open_handoff or i % 50 = 13 then null else ts - interval '4 minutes' end,
        case when not open_handoff and i % 50 = 13 then ts - interval '3 minutes' end,
        case when open_handoff then null else ts - interval '1 minute' end,
        case when open_handoff then 'pending' else 'resolved' end,
        case when open_handoff then null when i % 50 = 13 then 'abandoned' else 'resolved' end
      from seed_conv where i % 10 in (3, 5)`.execute(trx);
    lap('handoffs');
    // Cases of this year's conversations, and older ones whose conversations are gone (cases are kept six years).
    await sql`
      insert into cases (id, tenant_id, reference, service_id, status, summary, contact_id, conversation_id, created_at, updated_at)
      select (lpad(to_hex(${n} - i), 8, '0') || substr(md5(${T} || ':s:' || i), 9))::uuid::text, ${T}, 'SEED-' || i, svc,
        case when i % 3 = 0 then 'open' else 'resolved' end, 'Seeded case', contact_id, id, ts - interval '5 minutes', least(now(), ts + interval '1 day')
      from seed_conv where i % 7 = 1
      union all
      select (lpad(to_hex(${n * 2} - i), 8, '0') || substr(md5(${T} || ':o:' || i), 9))::uuid::text, ${T}, 'SEED-OLD-' || i,
        (array['highways.pothole', 'council_tax.pay', 'housing.repairs', 'street_scene.fly_tipping'])[1 + i % 4], 'resolved', 'Seeded case', contact_id, null,
        now() - (367 + i % 1820) * interval '1 day', now() - (366 + i % 1820) * interval '1 day'
      from seed_conv where i % 2 = 0`.execute(trx);
    lap('cases');
    await sql`
      insert into case_status_history (tenant_id, case_id, status, actor, created_at)
      select tenant_id, id, status, 'seed', updated_at from cases where tenant_id = ${T}`.execute(trx);
    lap('case history');
    await sql`
      insert into conversation_events (tenant_id, conversation_id, from_state, to_state, cause, actor_type, handoff_id, created_at)
      select tenant_id, conversation_id, 'bot', 'queued', 'handoff_created', 'system', id, created_at from handoffs where tenant_id = ${T}`.execute(trx);
    lap('conversation events');
    await sql`
      insert into audit_events (tenant_id, actor_type, action, subject_type, subject_id, created_at)
      select ${T}, 'agent', 'conversation.read', 'conversation', id, now() - i * 2200.0 / ${n} * interval '1 day' from seed_conv order by i desc`.execute(trx);
    lap('audit events');
    await sql`
      insert into feedback (tenant_id, conversation_id, article_id, useful, created_at)
      select ${T}, id, 'seeded-article', i % 3 <> 0, ts from seed_conv where i % 4 = 2`.execute(trx);
    lap('feedback');
    // Inside the transaction (it counts its own rows), so the statistics arrive with the rows: a
    // sweep planned in between with the old ones (a table of a few rows) ran for minutes.
    await sql`analyze contacts, contact_identities, conversations, messages, handoffs, cases, case_status_history, conversation_events, audit_events, feedback, referrals, contact_claims`.execute(trx);
    lap('analyze');
  });
  lap('commit');
}

const SEEDED_TABLES = ['feedback', 'conversation_events', 'case_status_history', 'referrals', 'audit_events', 'messages', 'handoffs', 'cases', 'conversations', 'contact_claims', 'contact_identities', 'contacts'] as const;

/**
 * Removes the seeded council's rows, children first, from a shared PostgreSQL that outlives the
 * test; then vacuums, so the tables give the space back (where autovacuum is off, as on the test
 * server here, a million dead rows would stay for every later test's scans).
 */
async function unseed(): Promise<void> {
  const superuser = await isSuperuser();
  await db.transaction().execute(async (trx) => {
    if (superuser) await sql`set local session_replication_role = replica`.execute(trx);
    for (const table of SEEDED_TABLES) await sql`delete from ${sql.table(table)} where tenant_id = ${tenant}`.execute(trx);
  });
  await sql`vacuum (analyze) ${sql.join(SEEDED_TABLES.map((t) => sql.table(t)))}`.execute(db);
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Plans?: PlanNode[];
}

/** Partial indexes: read without a condition they hold only their predicate's rows (unanswered messages...). */
let partialIndexes = new Set<string>();

interface Examined {
  step: string;
  sql: string;
  /** Large tables read whole: a sequential scan, or a walk of a whole (not partial) index without a condition. */
  scans: string[];
  /** Small tables read whole (jobs, referrals...: the planner's right choice). */
  small: string[];
  indexes: string[];
}

/** EXPLAINs one statement with its parameters. */
async function examine(step: string, statement: string, parameters: readonly unknown[]): Promise<Examined> {
  const { rows } = await db.executeQuery<{ 'QUERY PLAN': unknown }>(CompiledQuery.raw(`explain (format json) ${statement}`, [...parameters]));
  const raw = rows[0]['QUERY PLAN'];
  const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
  const scans: string[] = [];
  const small: string[] = [];
  const indexes = new Set<string>();
  const walk = (node: PlanNode) => {
    const index = node['Index Name'];
    if (index) indexes.add(index);
    const table = node['Relation Name'];
    if (node['Node Type'] === 'Seq Scan' && table) (LARGE.has(table) ? scans : small).push(table);
    if (index && table && LARGE.has(table) && !node['Index Cond'] && !partialIndexes.has(index)) scans.push(`${table} (every entry of ${index})`);
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(plan[0].Plan);
  return { step, sql: statement.replace(/\s+/g, ' ').trim(), scans, small, indexes: [...indexes].sort() };
}

/**
 * The lookups PostgreSQL makes itself when a purged row goes: for every foreign key into a table
 * the purge deletes from, the referencing rows by that column (to cascade, set null or refuse).
 */
async function foreignKeyChecks(): Promise<Examined[]> {
  const { rows } = await sql<{ child: string; col: string; parent: string; pcol: string }>`
    select c.conrelid::regclass::text as child, a.attname as col, c.confrelid::regclass::text as parent, pa.attname as pcol
    from pg_constraint c
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
    join pg_attribute pa on pa.attrelid = c.confrelid and pa.attnum = c.confkey[1]
    where c.contype = 'f' and c.confrelid::regclass::text in ('conversations', 'messages', 'handoffs', 'cases', 'contacts', 'referrals')
    order by 1, 2`.execute(db);
  const out: Examined[] = [];
  for (const fk of rows) {
    const { rows: sample } = await sql<{ v: string }>`select ${sql.ref(fk.pcol)}::text as v from ${sql.table(fk.parent)} where tenant_id = ${tenant} limit 1`.execute(db);
    const statement = `select 1 from ${fk.child} where ${fk.col} = $1`;
    out.push(await examine(`foreign key ${fk.child}.${fk.col} → ${fk.parent} (checked when a ${fk.parent} row is deleted)`, statement, [sample[0]?.v ?? '0']));
  }
  return out;
}

const DAY = 24 * 3600 * 1000;
const EXPLAINABLE = /^\s*(select|insert|update|delete|with)\b/i;

beforeAll(async () => {
  h = await startSmsHarness();
  db = h.server.store.db;
  tenant = h.server.tenant;
  conversations = h.server.store.kind === 'pglite' ? 50_000 : 100_000;
  // The server purges once at start, then daily: let that run find the council empty, not the seed
  // (a purge without its indexes takes minutes, and on PGlite everything else waits for it).
  await h
    .waitFor(async () => !!(await sql`select 1 from audit_events where tenant_id = ${tenant} and action = 'retention.purge'`.execute(db)).rows.length, 'the first purge', 15_000)
    .catch(() => undefined);
  const t0 = Date.now();
  await seed(conversations);
  console.log(`seeded ${conversations} conversations in ${Date.now() - t0} ms`);
  const { rows: partial } = await sql<{ name: string }>`select indexname as name from pg_indexes where schemaname = current_schema() and indexdef like '% WHERE %'`.execute(db);
  partialIndexes = new Set(partial.map((r) => r.name));
  uninstallCapture = installCapture();
}, 300_000);

afterAll(async () => {
  uninstallCapture();
  const t0 = Date.now();
  if (h && h.server.store.kind === 'postgres' && !process.env.QUERY_PLANS_KEEP) await unseed();
  if (process.env.QUERY_PLANS_REPORT) console.log(`unseeded in ${Date.now() - t0} ms`);
  await h?.close();
}, 300_000);

async function call(client: ConsoleClient, method: string, route: string) {
  const res = await client.call(method, route);
  if (res.status !== 200) throw new Error(`${method} ${route}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Whether the checks of the test below passed: without those indexes the purge runs for minutes. */
let keysIndexed = false;

test("the foreign keys a purge's deletes make PostgreSQL check are indexed", async () => {
  const unindexed = (await foreignKeyChecks()).filter((e) => e.scans.length).map((e) => `${e.step}: reads ${e.scans.join(', ')} whole for \`${e.sql}\``);
  expect(unindexed).toEqual([]);
  keysIndexed = true;
}, 60_000);

test('every statement of a turn, a webhook, the console and the retention purge reads the large tables through an index', async () => {
  if (!keysIndexed) throw new Error('not run: a foreign key is not indexed (the test above), so the purge would run for minutes');
  const { rows: counted } = await sql<{ n: string }>`select count(*) as n from messages where tenant_id = ${tenant}`.execute(db);
  expect(Number(counted[0].n)).toBe(conversations * 10);

  // Web chat: a conversation opened and a knowledge-base turn.
  const resident = new Resident(h.server.url);
  await step('web chat: start', () => resident.start());
  await step('web chat: turn', () => resident.say('how do I pay council tax'));

  // SMS: signed Twilio webhooks from a number with two conversations (one waiting for a person) and from a new one.
  for (const [name, from] of [['SMS webhook: known number', '+447701000001'], ['SMS webhook: new number', '+447702999999']] as const) {
    const before = h.sentTo(from).length;
    await step(name, async () => {
      const res = await h.post('/channels/twilio/sms', h.params(from, 'my bin was not collected'));
      expect(res.status).toBe(200);
      await h.waitFor(() => h.sentTo(from).length > before, `a reply to ${from}`, 20_000);
    });
  }

  // The console: a supervisor's queue, the view of a waiting SMS conversation (the known number's), service levels.
  const { client } = await signedInAgent(h.server, { roles: ['supervisor'] });
  await step('console: queue', async () => expect((await call(client, 'GET', '/queue')).handoffs.length).toBeGreaterThan(0));
  const { rows: waiting } = await sql<{ id: string }>`
    select id from conversations where tenant_id = ${tenant} and state = 'queued' and channel = 'sms' order by created_at desc limit 1`.execute(db);
  await step('console: conversation view', async () => expect((await call(client, 'GET', `/conversations/${waiting[0].id}`)).transcript.length).toBeGreaterThan(0));
  await step('console: service levels', () => call(client, 'GET', '/supervisor/queues'));

  // The recovery sweep (every 5 s in every process) and the retention purge, with the council's own rules.
  const log = { info: () => undefined, warn: () => undefined };
  await step('recovery sweep', () => recoverOnce({ db, tenants: () => [tenant], answer: async () => undefined, answered: () => undefined, outboxes: [], log }));
  // Two days ahead, in case the server's own purge ran on the seed after all (it is daily, from its start).
  const retention = h.server.assistant.runtime(tenant).pack.settings.retention;
  let purged = { conversations: 0 };
  // The reports' facts are brought up to date before each purge from what changed since the last time (store/reports.ts);
  // the seed above wrote 100,000 conversations behind the server's back, so the first catch-up, which rightly reads
  // them all, runs here, and the purge's own catch-up is the daily one: a day's changes.
  await refreshReportFacts(db, tenant, new Date());
  await step('retention purge', async () => (purged = await purgeExpired(h.server.store, tenant, retention, new Date(Date.now() + 2 * DAY))));
  // Two days' worth expired: conversations of a year ago, and of 90 days ago that were only about bins.
  expect(purged.conversations).toBeGreaterThan(0);
  expect(purged.conversations).toBeLessThan(conversations / 50);

  const distinct = new Map<string, Captured>();
  for (const c of captured) if (EXPLAINABLE.test(c.sql) && !distinct.has(`${c.step}\0${c.sql}`)) distinct.set(`${c.step}\0${c.sql}`, c);
  const examined: Examined[] = [];
  for (const c of distinct.values()) examined.push(await examine(c.step, c.sql, c.parameters));
  if (process.env.QUERY_PLANS_REPORT) examined.push(...(await foreignKeyChecks()));
  for (const step of ['web chat: turn', 'SMS webhook: known number', 'SMS webhook: new number', 'console: queue', 'console: conversation view', 'console: service levels', 'retention purge']) {
    expect(examined.some((e) => e.step === step)).toBe(true);
  }

  // By their SQL: the server's own daily purge may run during another step.
  const wholeCouncil = (e: Examined) => WHOLE_COUNCIL.find((w) => w.sql.test(e.sql));
  const describe = (e: Examined) =>
    [e.scans.length ? `READ WHOLE: ${e.scans.join(', ')}${wholeCouncil(e) ? ` (the purge's whole-council examination of ${wholeCouncil(e)!.what})` : ''}` : '', e.indexes.length ? `indexes ${e.indexes.join(', ')}` : '', e.small.length ? `small table read whole: ${e.small.join(', ')}` : '']
      .filter(Boolean)
      .join('; ') || 'no table read (an insert or a function call)';
  const report = examined.map((e) => `[${e.step}] ${describe(e)}\n    ${e.sql.slice(0, 240)}`);
  if (process.env.QUERY_PLANS_REPORT) console.log(report.join('\n'));
  const scanned = examined.filter((e) => e.scans.length && !wholeCouncil(e)).map((e) => `[${e.step}] reads ${e.scans.join(', ')} whole: ${e.sql}`);
  expect(scanned).toEqual([]);
}, 300_000);
