import { randomUUID } from 'node:crypto';
import { createReferralSender, loadNotifyConfig, LogOnlySender, type ReferralSender } from '../../notify/index.js';
import { startNotifyStandIn, type NotifyStandIn } from '../../notify/notify-stand-in.fixture.js';
import { InProcessQueue } from '../../jobs/index.js';
import type { Store } from '../../store/index.js';
import { freshTenant, openTestStore } from '../../test/store.js';
import {
  acknowledgeReferral,
  addRotaEntry,
  referOutOfHours,
  REFERRAL_SWEEP_JOB,
  registerReferralJobs,
  rotaEntryInput,
  sweepReferrals,
  type DutyPolicy,
  type ReferralDeps,
} from './index.js';
import { eventually, handoffFor, recordingLog } from './test-helpers.fixture.js';

/**
 * Escalation until someone acknowledges, against PGlite and the GOV.UK Notify stand-in, with a
 * clock the test moves: an unacknowledged referral goes to the next person on the rota, then to
 * each fallback; an acknowledgement stops it; a send that fails moves on at once; the resident is
 * told once what really happened.
 */
const SMS_TEMPLATE = randomUUID();
const EMAIL_TEMPLATE = randomUUID();
const T0 = new Date('2026-12-24T21:00:00Z');
const MIN = 60_000;

const POLICY: DutyPolicy = {
  escalateAfterMinutes: 10,
  fallback: [
    { name: 'Pat (duty supervisor)', channel: 'sms', destination: '+447700900010' },
    { name: 'Emergency duty team', channel: 'email', destination: 'edt@merebrook.example' },
  ],
  emergencyDutyTeamPhone: '01632 960 999',
  emergencyNumber: '999',
  outOfHoursPhone: '01632 960 999',
};

let store: Store;
let notify: NotifyStandIn;

beforeAll(async () => {
  store = await openTestStore();
  notify = await startNotifyStandIn();
  notify.templates.set(SMS_TEMPLATE, { type: 'sms', body: 'Duty referral for ((name)): ((summary)) Ack: ((ack_link))' });
  notify.templates.set(EMAIL_TEMPLATE, { type: 'email', subject: 'Duty referral ((reference))', body: '((summary)) Ack: ((ack_link))' });
});
afterAll(async () => {
  await notify.close();
  await store.close();
});
beforeEach(() => {
  notify.received.length = 0;
});

const rota = (skill: string, name: string, destination: string) =>
  rotaEntryInput.parse({ skill, name, channel: 'sms', destination, startsAt: new Date(T0.getTime() - 3600_000).toISOString(), endsAt: new Date(T0.getTime() + 12 * 3600_000).toISOString() });

/** A council with Sam on call for safety and Alex for "all", the fallbacks above, and a clock the test moves. */
async function setUp(options: { sender?: ReferralSender; emptyRota?: boolean; policy?: DutyPolicy } = {}) {
  const tenant = await freshTenant(store, 'esc');
  if (!options.emptyRota) {
    await addRotaEntry(store.db, tenant, rota('safety', 'Sam Duty', '07700 900123'), 'sup-1');
    await addRotaEntry(store.db, tenant, rota('all', 'Alex General', '07700 900456'), 'sup-1');
  }
  let now = T0;
  const clock = () => now;
  const advance = (ms: number) => void (now = new Date(now.getTime() + ms));
  const log = recordingLog();
  const jobs = new InProcessQueue();
  const delivered: string[] = [];
  const sender =
    options.sender ??
    createReferralSender(loadNotifyConfig({ NOTIFY_API_KEY: notify.apiKey, NOTIFY_BASE_URL: notify.url, NOTIFY_SMS_TEMPLATE_ID: SMS_TEMPLATE, NOTIFY_EMAIL_TEMPLATE_ID: EMAIL_TEMPLATE }), log);
  const policy = options.policy ?? POLICY;
  const jobDeps = { db: store.db, sender, log, clock, jobs, publicUrl: 'https://assistant.example', duty: () => policy, retry: { attempts: 2, backoffMs: 10 }, deliver: (_t: string, c: string) => void delivered.push(c) };
  registerReferralJobs(jobs, jobDeps);
  const deps: ReferralDeps = { db: store.db, jobs, log, clock, publicUrl: 'https://assistant.example', duty: () => policy, retry: { attempts: 2, backoffMs: 10 } };
  const { conversation, handoff } = await handoffFor(store, tenant);
  const input = { tenant, handoffId: handoff.id, conversationId: conversation.id, skill: ['safety', 'social_care'], reference: 'MBC-2026-0042', location: '14 Harbour Road', contact: '07700 900777', summary: 'Resident says her partner has threatened to kill her tonight.' };
  const chain = () => store.db.selectFrom('referrals').selectAll().where('tenant_id', '=', tenant).orderBy('step').execute();
  /** Waits until the chain has `n` steps and none is still being sent. */
  const settledChain = (n: number) => eventually(chain, (rows) => rows.length === n && rows.every((r) => !['pending', 'sending', 'retrying'].includes(r.status)));
  const residentMessages = () =>
    store.db.selectFrom('messages').select(['text', 'author', 'direction']).where('tenant_id', '=', tenant).where('conversation_id', '=', conversation.id).orderBy('id').execute();
  const audits = async () => (await store.db.selectFrom('audit_events').select(['action', 'detail']).where('tenant_id', '=', tenant).orderBy('id').execute()).map((a) => a.action);
  // This test's council only: other tests' chains in the same store are theirs.
  const sweep = () => sweepReferrals({ ...jobDeps, jobs }, { tenants: [tenant] });
  return { tenant, jobs, log, deps, input, chain, settledChain, residentMessages, audits, advance, sweep, delivered, conversation };
}

const sentTo = () => notify.received.filter((r) => r.status === 201).map((r) => r.body.phone_number ?? r.body.email_address);
const ackLinkOf = (i: number) => String((notify.received.filter((r) => r.status === 201)[i].body.personalisation as Record<string, string>).ack_link);

test('unacknowledged: the next person on the rota after the interval, then each fallback, then the resident is told who to call', async () => {
  const t = await setUp();
  const outcome = await referOutOfHours(t.deps, t.input);
  expect(outcome.onCall?.name).toBe('Sam Duty');
  let rows = await t.settledChain(1);
  expect(rows[0]).toMatchObject({ status: 'sent', step: 0, target_name: 'Sam Duty', escalation_of: null });
  expect(rows[0].due_at).toEqual(new Date(T0.getTime() + 10 * MIN));
  expect(sentTo()).toEqual(['+447700900123']);
  // The resident hears, once, that the duty officer has been alerted (a system message, delivered).
  await eventually(t.residentMessages, (m) => m.length === 1);
  expect(await t.residentMessages()).toEqual([{ text: "The council's duty officer has been alerted.", author: 'system', direction: 'out' }]);
  expect(t.delivered).toEqual([t.conversation.id]);

  // Not yet due: nothing happens.
  t.advance(9 * MIN);
  expect(await t.sweep()).toBe(0);
  expect(await t.chain()).toHaveLength(1);

  // Ten minutes without an acknowledgement: Alex (the next on the rota for the skill, not Sam again).
  t.advance(1 * MIN + 1000);
  expect(await t.sweep()).toBe(1);
  rows = await t.settledChain(2);
  expect(rows[1]).toMatchObject({ step: 1, escalation_of: rows[0].id, target_kind: 'rota', target_name: 'Alex General', status: 'sent', destination: '+447700900456' });
  expect(rows[0].escalated_at).toEqual(new Date(T0.getTime() + 10 * MIN + 1000));
  expect(sentTo()).toEqual(['+447700900123', '+447700900456']);
  const escalatedSummary = String((notify.received.at(-1)!.body.personalisation as Record<string, string>).summary);
  expect(escalatedSummary).toMatch(/^ESCALATED \(not acknowledged by Sam Duty within 10 minutes\)\. Resident says/);
  // A second sweep at the same moment does not escalate twice.
  expect(await t.sweep()).toBe(0);

  // Then the first fallback (SMS), then the second (e-mail).
  t.advance(10 * MIN + 1000);
  await t.sweep();
  rows = await t.settledChain(3);
  expect(rows[2]).toMatchObject({ step: 2, target_kind: 'fallback', fallback_index: 0, target_name: 'Pat (duty supervisor)', status: 'sent' });
  t.advance(10 * MIN + 1000);
  await t.sweep();
  rows = await t.settledChain(4);
  expect(rows[3]).toMatchObject({ step: 3, target_kind: 'fallback', fallback_index: 1, channel: 'email', status: 'sent' });
  expect(sentTo()).toEqual(['+447700900123', '+447700900456', '+447700900010', 'edt@merebrook.example']);

  // Nobody left: the chain is exhausted, logged as an error, and the resident told who to call, once.
  t.advance(10 * MIN + 1000);
  await t.sweep();
  await eventually(t.residentMessages, (m) => m.length === 2);
  rows = await t.chain();
  expect(rows).toHaveLength(4);
  expect(rows[0].chain_end).toBe('exhausted');
  const messages = await t.residentMessages();
  expect(messages[1]).toMatchObject({ author: 'system', direction: 'out' });
  expect(messages[1].text).toBe(
    "We alerted the council's duty officer, but nobody has confirmed they have it. If anyone is in danger now, call 999. Otherwise call the council's out-of-hours number, 01632 960 999.",
  );
  expect(t.log.lines.some((l) => l.level === 'error' && /NOBODY acknowledged.*01632 960 999/.test(l.msg))).toBe(true);
  t.advance(60 * MIN);
  expect(await t.sweep()).toBe(0);
  expect(await t.residentMessages()).toHaveLength(2);
  // Only the first send told the resident "alerted"; every step is audited.
  expect(await t.audits()).toEqual([
    'referral.created',
    'referral.resident_told_alerted',
    'referral.escalated',
    'referral.escalated',
    'referral.escalated',
    'referral.chain_exhausted',
    'referral.resident_told_unreachable',
  ]);
  await t.jobs.close();
});

test('an acknowledgement of any step stops the chain, recording who acknowledged', async () => {
  const t = await setUp();
  await referOutOfHours(t.deps, t.input);
  await t.settledChain(1);
  t.advance(10 * MIN);
  await t.sweep();
  let rows = await t.settledChain(2);

  // Alex (step 1) opens the link three minutes later.
  t.advance(3 * MIN);
  const token = ackLinkOf(1).split('/').pop()!;
  const acked = await acknowledgeReferral(store.db, token, new Date(T0.getTime() + 13 * MIN));
  expect(acked).toMatchObject({ first: true, referral: { id: rows[1].id, acknowledged_by: 'Alex General' } });

  // Long after both steps were due: nothing more is sent, and nobody is told "could not reach".
  t.advance(60 * MIN);
  expect(await t.sweep()).toBe(0);
  await new Promise((r) => setTimeout(r, 100));
  rows = await t.chain();
  expect(rows).toHaveLength(2);
  expect(rows.map((r) => r.due_at)).toEqual([rows[0].due_at, null]);
  expect(rows[0].chain_end).toBeNull();
  expect(sentTo()).toEqual(['+447700900123', '+447700900456']);
  expect((await t.residentMessages()).map((m) => m.text)).toEqual(["The council's duty officer has been alerted."]);
  const ack = await store.db.selectFrom('audit_events').select(['detail']).where('tenant_id', '=', t.tenant).where('action', '=', 'referral.acknowledged').executeTakeFirstOrThrow();
  expect(ack.detail).toMatchObject({ by: 'Alex General', via: 'link', escalationOf: rows[0].id, step: 1 });
  await t.jobs.close();
});

test('a send that fails after its retries escalates at once, without waiting for the interval', async () => {
  const t = await setUp();
  notify.failNext(400); // Notify refuses Sam's message (a 400 is not retried)
  await referOutOfHours(t.deps, t.input);
  // No clock movement at all: Alex gets it straight away.
  const rows = await t.settledChain(2);
  expect(rows[0]).toMatchObject({ status: 'failed', escalated_at: T0 });
  expect(rows[1]).toMatchObject({ step: 1, target_name: 'Alex General', status: 'sent' });
  expect(notify.received.map((r) => r.status)).toEqual([400, 201]);
  const escalated = await store.db.selectFrom('audit_events').select(['detail']).where('tenant_id', '=', t.tenant).where('action', '=', 'referral.escalated').executeTakeFirstOrThrow();
  expect(escalated.detail).toMatchObject({ from: rows[0].id, reason: 'failed', step: 1 });
  // Sent to Alex: now the resident is told, once.
  await eventually(t.residentMessages, (m) => m.length === 1);
  expect((await t.residentMessages()).map((m) => m.text)).toEqual(["The council's duty officer has been alerted."]);
  await t.jobs.close();
});

test('nobody on call and no provider: every step fails at once and the resident is told, once, that nobody could be reached', async () => {
  const sender = new LogOnlySender(recordingLog());
  const t = await setUp({ sender, emptyRota: true });
  const outcome = await referOutOfHours(t.deps, t.input);
  expect(outcome).toMatchObject({ status: 'no_one_on_call', onCall: null });
  await eventually(t.residentMessages, (m) => m.length === 1);
  const rows = await t.chain();
  expect(rows.map((r) => [r.step, r.status, r.target_name])).toEqual([
    [0, 'no_one_on_call', null],
    [1, 'not_sent_no_provider', 'Pat (duty supervisor)'],
    [2, 'not_sent_no_provider', 'Emergency duty team'],
  ]);
  expect(rows[0].chain_end).toBe('exhausted');
  expect(rows[1].summary).toMatch(/^ESCALATED \(nobody is on the rota for it now\)\. /);
  // What would have gone out is kept by the log-only sender: nothing was sent.
  expect(sender.outbox.map((m) => m.destination)).toEqual(['+447700900010', 'edt@merebrook.example']);
  expect((await t.residentMessages()).map((m) => m.text)).toEqual([
    "We could not reach the council's duty officer. If anyone is in danger now, call 999. Otherwise call the council's out-of-hours number, 01632 960 999.",
  ]);
  // The sweep later finds nothing and tells nobody again.
  t.advance(60 * MIN);
  expect(await t.sweep()).toBe(0);
  expect(await t.residentMessages()).toHaveLength(1);
  await t.jobs.close();
});

test('a restart loses the delayed job, not the escalation: the sweep job on a new queue finds the due step', async () => {
  const t = await setUp();
  await referOutOfHours(t.deps, t.input);
  await t.settledChain(1);
  // The process stops: its in-process queue (and the delayed escalation job in it) is gone.
  await t.jobs.close();

  const jobs = new InProcessQueue();
  t.advance(11 * MIN);
  const sender = createReferralSender(loadNotifyConfig({ NOTIFY_API_KEY: notify.apiKey, NOTIFY_BASE_URL: notify.url, NOTIFY_SMS_TEMPLATE_ID: SMS_TEMPLATE, NOTIFY_EMAIL_TEMPLATE_ID: EMAIL_TEMPLATE }));
  const clock = () => new Date(T0.getTime() + 11 * MIN);
  registerReferralJobs(jobs, { db: store.db, sender, log: t.log, clock, jobs, publicUrl: 'https://assistant.example', duty: () => POLICY });
  await jobs.add(REFERRAL_SWEEP_JOB, {});
  const rows = await t.settledChain(2);
  expect(rows[1]).toMatchObject({ step: 1, target_name: 'Alex General', status: 'sent' });
  // (The sweep serves every council in the store: only this chain's notifications are looked at.)
  const ids = new Set(rows.map((r) => r.id));
  expect(notify.received.filter((r) => r.status === 201 && ids.has(String(r.body.reference))).map((r) => r.body.phone_number)).toEqual(['+447700900123', '+447700900456']);
  await jobs.close();
});

test("a process's sweep escalates only the councils it serves: another council's due step is left to that council's own process", async () => {
  const a = await setUp();
  const b = await setUp();
  await referOutOfHours(a.deps, a.input);
  await referOutOfHours(b.deps, b.input);
  await a.settledChain(1);
  const [bStep] = await b.settledChain(1);
  // B's step is due first, so an unscoped sweep would take it before A's.
  await store.db.updateTable('referrals').set({ due_at: new Date(T0.getTime() + 5 * MIN) }).where('id', '=', bStep.id).execute();

  // A process serving only council A: its sweep job (as api/server.ts registers it), 11 minutes on.
  const jobs = new InProcessQueue();
  const clock = () => new Date(T0.getTime() + 11 * MIN);
  const sender = createReferralSender(loadNotifyConfig({ NOTIFY_API_KEY: notify.apiKey, NOTIFY_BASE_URL: notify.url, NOTIFY_SMS_TEMPLATE_ID: SMS_TEMPLATE, NOTIFY_EMAIL_TEMPLATE_ID: EMAIL_TEMPLATE }));
  registerReferralJobs(jobs, { db: store.db, sender, log: a.log, clock, jobs, publicUrl: 'https://assistant.example', duty: () => POLICY }, { servedTenants: () => [a.tenant] });
  await jobs.add(REFERRAL_SWEEP_JOB, {});
  const rows = await a.settledChain(2);
  expect(rows[0].escalated_at).toEqual(clock());
  expect(rows[1]).toMatchObject({ step: 1, target_name: 'Alex General', status: 'sent' });
  await jobs.drain();
  const bRows = await b.chain();
  expect(bRows).toHaveLength(1);
  expect(bRows[0]).toMatchObject({ id: bStep.id, escalated_at: null, chain_end: null });

  // On B's clock it is due too: a sweep serving only A, or no council, leaves it, and B's own
  // process (the sweep for its council) escalates it.
  b.advance(11 * MIN);
  const bDeps = { ...b.deps, sender: new LogOnlySender(recordingLog()), jobs: b.jobs };
  expect(await sweepReferrals(bDeps, { tenants: [a.tenant] })).toBe(0);
  expect(await sweepReferrals(bDeps, { tenants: [] })).toBe(0);
  expect(await b.chain()).toHaveLength(1);
  expect(await b.sweep()).toBe(1);
  await b.settledChain(2);
  await jobs.close();
  await a.jobs.close();
  await b.jobs.close();
});

test('an agent taking the handoff stops the chain', async () => {
  const t = await setUp();
  await referOutOfHours(t.deps, t.input);
  await t.settledChain(1);
  await store.db.updateTable('handoffs').set({ agent_id: null, accepted_at: T0, closed_at: T0 }).where('id', '=', t.input.handoffId).execute();
  t.advance(11 * MIN);
  await t.sweep();
  const rows = await t.chain();
  expect(rows).toHaveLength(1);
  expect(rows[0].chain_end).toBe('handoff_taken');
  expect(await t.audits()).toContain('referral.chain_stopped');
  await t.jobs.close();
});
