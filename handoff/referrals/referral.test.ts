import { randomUUID } from 'node:crypto';
import express from 'express';
import type { Server } from 'node:http';
import { pino } from 'pino';
import { referralAckRoutes } from '../../api/console/rota-routes.js';
import type { ConsoleDeps } from '../../api/console/deps.js';
import type { Assistant } from '../../bot/index.js';
import { createReferralSender, loadNotifyConfig, LogOnlySender, type ReferralSender } from '../../notify/index.js';
import { startNotifyStandIn, type NotifyStandIn } from '../../notify/notify-stand-in.fixture.js';
import { InProcessQueue } from '../../jobs/index.js';
import type { Store } from '../../store/index.js';
import { freshTenant, openTestStore } from '../../test/store.js';
import { addRotaEntry, referOutOfHours, registerReferralJobs, REFERRAL_SEND_JOB, rotaEntryInput, type ReferralDeps } from './index.js';
import { eventually, handoffFor, recordingLog } from './test-helpers.fixture.js';

const SMS_TEMPLATE = randomUUID();
const EMAIL_TEMPLATE = randomUUID();
const PUBLIC_URL = 'https://assistant.merebrook.example';

let store: Store;
let notify: NotifyStandIn;
let ackServer: Server;
let ackUrl: string;

beforeAll(async () => {
  store = await openTestStore();
  notify = await startNotifyStandIn();
  notify.templates.set(SMS_TEMPLATE, {
    type: 'sms',
    body: 'Merebrook out-of-hours duty referral for ((name)), ((skill)). Ref ((reference)). Where: ((location)). Contact: ((contact)). ((summary)) Acknowledge: ((ack_link))',
  });
  notify.templates.set(EMAIL_TEMPLATE, { type: 'email', subject: 'Duty referral ((reference))', body: '((summary))\n\nWhere: ((location))\nContact: ((contact))\n\nAcknowledge: ((ack_link))' });
  // The public ack route on its own, as the app mounts it.
  const app = express();
  app.use(
    referralAckRoutes({
      store,
      assistant: { runtime: () => ({ pack: { settings: { openingHours: { timezone: 'Europe/London' } } } }) } as unknown as Assistant,
      jobs: new InProcessQueue(),
      log: pino({ level: 'silent' }),
      secureCookies: false,
      clock: () => new Date(),
    } as ConsoleDeps),
  );
  ackServer = app.listen(0);
  await new Promise((r) => ackServer.once('listening', r));
  ackUrl = `http://127.0.0.1:${(ackServer.address() as { port: number }).port}`;
});
afterAll(async () => {
  await new Promise((r) => ackServer.close(r));
  await notify.close();
  await store.close();
});
beforeEach(() => {
  notify.received.length = 0;
});

/** A tenant with someone on call now, a queue, a sender and the job registered, as the app would compose them. */
async function setUp(options: { sender?: ReferralSender; channel?: 'sms' | 'email'; attempts?: number } = {}) {
  const tenant = await freshTenant(store, 'ref');
  const now = Date.now();
  const channel = options.channel ?? 'sms';
  await addRotaEntry(
    store.db,
    tenant,
    rotaEntryInput.parse({
      skill: 'safety',
      name: 'Sam Duty',
      channel,
      destination: channel === 'sms' ? '07700 900123' : 'duty@merebrook.example',
      startsAt: new Date(now - 3600_000).toISOString(),
      endsAt: new Date(now + 3600_000).toISOString(),
    }),
    'sup-1',
  );
  const log = recordingLog();
  const jobs = new InProcessQueue();
  const sender =
    options.sender ??
    createReferralSender(
      loadNotifyConfig({ NOTIFY_API_KEY: notify.apiKey, NOTIFY_BASE_URL: notify.url, NOTIFY_SMS_TEMPLATE_ID: SMS_TEMPLATE, NOTIFY_EMAIL_TEMPLATE_ID: EMAIL_TEMPLATE }),
      log,
    );
  registerReferralJobs(jobs, { db: store.db, sender, log });
  const deps: ReferralDeps = { db: store.db, jobs, log, publicUrl: PUBLIC_URL, retry: { attempts: options.attempts ?? 4, backoffMs: 20 } };
  const { conversation, handoff } = await handoffFor(store, tenant);
  const input = {
    tenant,
    handoffId: handoff.id,
    conversationId: conversation.id,
    skill: ['safety', 'social_care'],
    reference: 'MBC-2026-0042',
    location: '14 Harbour Road, Merebrook MB1 1AB',
    contact: '07700 900456',
    summary: 'Resident says a ceiling has collapsed onto a child bed; nobody hurt; family needs somewhere safe tonight.',
  };
  const row = (id: string) => store.db.selectFrom('referrals').selectAll().where('tenant_id', '=', tenant).where('id', '=', id).executeTakeFirstOrThrow();
  const settled = (id: string) => eventually(() => row(id), (r) => !['pending', 'sending', 'retrying'].includes(r.status));
  return { tenant, jobs, log, deps, input, row, settled };
}

test('a referral goes out through Notify as an SMS with the details and a one-time ack link', async () => {
  const { jobs, deps, input, row, settled, tenant } = await setUp();
  const before = new Date();
  const outcome = await referOutOfHours(deps, input);
  expect(outcome).toEqual({ id: expect.any(String), status: 'pending', duplicate: false, onCall: { name: 'Sam Duty', channel: 'sms', skill: 'safety' } });

  const sent = await settled(outcome.id);
  expect(sent).toMatchObject({ status: 'sent', attempts: 1, channel: 'sms', destination: '+447700900123', handoff_id: input.handoffId, conversation_id: input.conversationId });
  expect(sent.sent_at!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
  expect(sent.acknowledged_at).toBeNull();

  // what reached Notify
  expect(notify.received).toHaveLength(1);
  const [req] = notify.received;
  expect(req).toMatchObject({ path: '/v2/notifications/sms', status: 201, claims: { iss: notify.serviceId } });
  expect(req.body.template_id).toBe(SMS_TEMPLATE);
  expect(req.body.phone_number).toBe('+447700900123');
  expect(req.body.reference).toBe(outcome.id);
  const p = req.body.personalisation as Record<string, string>;
  expect(p).toMatchObject({ name: 'Sam Duty', reference: 'MBC-2026-0042', location: '14 Harbour Road, Merebrook MB1 1AB', contact: '07700 900456', summary: input.summary });
  expect(p.ack_link).toMatch(new RegExp(`^${PUBLIC_URL}/referrals/ack/[A-Za-z0-9_-]{43}$`));
  // the provider's id is the id Notify answered with
  expect(sent.provider_id).toMatch(/^[0-9a-f-]{36}$/);
  // only the token's hash is stored
  const token = p.ack_link.split('/').pop()!;
  expect(JSON.stringify(sent)).not.toContain(token);

  // opening the link shows the confirmation page; pressing Acknowledge (a POST) works once
  expect((await fetch(`${ackUrl}/referrals/ack/${token}`)).status).toBe(200);
  expect((await row(outcome.id)).acknowledged_at).toBeNull();
  const first = await fetch(`${ackUrl}/referrals/ack/${token}`, { method: 'POST' });
  expect(first.status).toBe(200);
  const html = await first.text();
  expect(html).toMatch(/<html lang="en-GB">/);
  const acked = await row(outcome.id);
  expect(acked.acknowledged_at).not.toBeNull();
  expect(acked.acknowledged_by).toBe('Sam Duty');
  const hhmm = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(acked.acknowledged_at!);
  expect(html).toContain(`<h1>Referral acknowledged at ${hhmm}</h1>`);
  const second = await fetch(`${ackUrl}/referrals/ack/${token}`, { method: 'POST' });
  expect(second.status).toBe(410);
  expect(await second.text()).toContain('already acknowledged');
  expect((await row(outcome.id)).acknowledged_at).toEqual(acked.acknowledged_at);
  // the link opened again afterwards: the same "already acknowledged" page, no button
  const reopened = await fetch(`${ackUrl}/referrals/ack/${token}`);
  expect(reopened.status).toBe(410);
  expect(await reopened.text()).not.toContain('<form');
  // an unknown token is a 404 page
  expect((await fetch(`${ackUrl}/referrals/ack/${'x'.repeat(43)}`)).status).toBe(404);
  expect((await fetch(`${ackUrl}/referrals/ack/${'x'.repeat(43)}`, { method: 'POST' })).status).toBe(404);
  const audit = await store.db.selectFrom('audit_events').select('action').where('tenant_id', '=', tenant).where('subject_id', '=', outcome.id).execute();
  // the resident was told, once, that the duty officer has been alerted (a true follow-up: Notify accepted it)
  expect(audit.map((a) => a.action).sort()).toEqual(['referral.acknowledged', 'referral.created', 'referral.resident_told_alerted']);
  await jobs.close();
});

test('a HEAD request (link preview) does not acknowledge', async () => {
  const { jobs, deps, input, row, settled } = await setUp({ channel: 'email' });
  const outcome = await referOutOfHours(deps, input);
  await settled(outcome.id);
  expect(notify.received[0]).toMatchObject({ path: '/v2/notifications/email', body: { email_address: 'duty@merebrook.example', template_id: EMAIL_TEMPLATE } });
  const token = String((notify.received[0].body.personalisation as Record<string, string>).ack_link).split('/').pop();
  expect((await fetch(`${ackUrl}/referrals/ack/${token}`, { method: 'HEAD' })).status).toBe(200);
  expect((await row(outcome.id)).acknowledged_at).toBeNull();
  await jobs.close();
});

test('opening the link (what an e-mail link scanner does) changes nothing: a confirmation page without resident details', async () => {
  const { jobs, deps, input, row, settled, tenant } = await setUp({ channel: 'email' });
  const outcome = await referOutOfHours(deps, input);
  await settled(outcome.id);
  // The send job goes on to record that the resident was told: let it finish before the snapshot.
  await jobs.drain();
  const before = await row(outcome.id);
  const link = String((notify.received[0].body.personalisation as Record<string, string>).ack_link);
  const url = `${ackUrl}${link.slice(link.indexOf('/referrals/ack/'))}`;
  const audit = () => store.db.selectFrom('audit_events').select('action').where('tenant_id', '=', tenant).where('subject_id', '=', outcome.id).execute();
  const auditBefore = await audit();

  // A scanner opens it several times, follows it with HEAD, prefetches it.
  for (let i = 0; i < 3; i++) expect((await fetch(url)).status).toBe(200);
  expect((await fetch(url, { method: 'HEAD' })).status).toBe(200);
  const res = await fetch(url);
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  expect(res.headers.get('content-security-policy')).toContain("form-action 'self'");
  const html = await res.text();
  expect(html).toContain('<h1>Acknowledge duty referral</h1>');
  expect(html).toContain('sent to Sam Duty at');
  // One form, posting to this same URL (no action: the page's own), with one Acknowledge button.
  expect(html.match(/<form method="post">/g)).toHaveLength(1);
  expect(html).not.toMatch(/action=/);
  expect(html.match(/<button\b[^>]*>([^<]*)<\/button>/g)).toEqual(['<button type="submit">Acknowledge</button>']);
  // Nothing of the resident: not the summary, place, phone number or reference.
  for (const detail of [input.summary, input.location, input.contact, input.reference, 'ceiling', 'Harbour']) expect(html).not.toContain(detail);

  expect(await row(outcome.id)).toEqual(before);
  expect(await audit()).toEqual(auditBefore);
  await jobs.close();
});

test('Acknowledge (a POST) records who and when once, even pressed in parallel; a cross-site POST is refused', async () => {
  const { jobs, deps, input, row, settled, tenant } = await setUp();
  const outcome = await referOutOfHours(deps, input);
  await settled(outcome.id);
  const token = String((notify.received[0].body.personalisation as Record<string, string>).ack_link).split('/').pop();
  const url = `${ackUrl}/referrals/ack/${token}`;

  // A form on another site cannot post it (the browser says so in Sec-Fetch-Site).
  const forged = await fetch(url, { method: 'POST', headers: { 'sec-fetch-site': 'cross-site', 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
  expect(forged.status).toBe(403);
  expect((await row(outcome.id)).acknowledged_at).toBeNull();

  const answers = await Promise.all(
    ['same-origin', 'same-origin', 'none', undefined].map((site) => fetch(url, { method: 'POST', headers: site ? { 'sec-fetch-site': site } : {} })),
  );
  expect(answers.map((a) => a.status).sort()).toEqual([200, 410, 410, 410]);
  const acked = await row(outcome.id);
  expect(acked).toMatchObject({ acknowledged_by: 'Sam Duty', acknowledged_at: expect.any(Date) });
  const acks = await store.db.selectFrom('audit_events').select('detail').where('tenant_id', '=', tenant).where('subject_id', '=', outcome.id).where('action', '=', 'referral.acknowledged').execute();
  expect(acks).toHaveLength(1);
  expect(acks[0].detail).toMatchObject({ by: 'Sam Duty', via: 'link' });
  const again = await fetch(url, { method: 'POST' });
  expect(again.status).toBe(410);
  expect(await again.text()).toContain('by Sam Duty. Nothing more was recorded.');
  expect((await row(outcome.id)).acknowledged_at).toEqual(acked.acknowledged_at);
  await jobs.close();
});

test('a 500 from Notify is retried, and the referral is sent once', async () => {
  const { jobs, deps, input, settled } = await setUp();
  notify.failNext(500);
  const outcome = await referOutOfHours(deps, input);
  // the same job again (a repeat add) is dropped by its job id
  await jobs.add(REFERRAL_SEND_JOB, {}, { jobId: outcome.id });
  const sent = await settled(outcome.id);
  expect(sent).toMatchObject({ status: 'sent', attempts: 2 });
  expect(notify.received.map((r) => r.status)).toEqual([500, 201]);
  await new Promise((r) => setTimeout(r, 150));
  expect(notify.received.filter((r) => r.status === 201)).toHaveLength(1);
  await jobs.close();
});

test('a handoff already referred is not referred twice', async () => {
  const { jobs, deps, input, settled } = await setUp();
  const first = await referOutOfHours(deps, input);
  const again = await referOutOfHours(deps, input);
  expect(again).toMatchObject({ id: first.id, duplicate: true });
  await settled(first.id);
  await new Promise((r) => setTimeout(r, 100));
  expect(notify.received).toHaveLength(1);
  await jobs.close();
});

test('failing on every attempt ends as failed with an error in the log', async () => {
  const { jobs, deps, input, settled, log } = await setUp({ attempts: 3 });
  notify.failNext(500, 429, 500);
  const outcome = await referOutOfHours(deps, input);
  const failed = await settled(outcome.id);
  expect(failed).toMatchObject({ status: 'failed', attempts: 3, sent_at: null });
  expect(notify.received.map((r) => r.status)).toEqual([500, 429, 500]);
  // Then the chain escalates at once; with nobody else on call and no fallbacks it is exhausted (escalation.test.ts).
  await eventually(async () => log.lines.filter((l) => l.level === 'error'), (e) => e.length === 2);
  const errors = log.lines.filter((l) => l.level === 'error');
  expect(errors).toHaveLength(2);
  expect(errors[0].msg).toMatch(/FAILED/);
  expect(errors[1].msg).toMatch(/NOBODY acknowledged/);
  expect(errors[0].obj).toMatchObject({ referralId: outcome.id, providerStatus: 500 });
  // nothing personal in the log lines
  expect(JSON.stringify(log.lines)).not.toMatch(/07700|Harbour Road|ceiling/);
  await jobs.close();
});

test('a 400 (Notify will refuse it again) fails at once without retrying', async () => {
  const { jobs, deps, input, settled } = await setUp();
  notify.failNext(400);
  const outcome = await referOutOfHours(deps, input);
  expect(await settled(outcome.id)).toMatchObject({ status: 'failed', attempts: 1 });
  await new Promise((r) => setTimeout(r, 100));
  expect(notify.received).toHaveLength(1);
  await jobs.close();
});

test('without a provider the referral is recorded as not_sent_no_provider, never as sent', async () => {
  const sender = new LogOnlySender(recordingLog());
  const { jobs, deps, input, settled, log } = await setUp({ sender });
  const outcome = await referOutOfHours(deps, input);
  const row = await settled(outcome.id);
  expect(row).toMatchObject({ status: 'not_sent_no_provider', sent_at: null, provider_id: null, attempts: 1 });
  expect(sender.outbox).toHaveLength(1);
  expect(sender.outbox[0]).toMatchObject({ channel: 'sms', destination: '+447700900123', personalisation: { reference: 'MBC-2026-0042' } });
  expect(log.lines.some((l) => l.level === 'error' && /NOT sent/.test(l.msg))).toBe(true);
  expect(notify.received).toHaveLength(0);
  await jobs.close();
});

test('nobody on call: recorded and logged as an error, nothing queued', async () => {
  const { jobs, deps, input, log } = await setUp();
  const tenant = await freshTenant(store, 'norota');
  const outcome = await referOutOfHours(deps, { ...input, tenant, handoffId: null, conversationId: null });
  expect(outcome).toMatchObject({ status: 'no_one_on_call', onCall: null });
  expect(log.lines.some((l) => l.level === 'error' && /nobody is on the rota/.test(l.msg))).toBe(true);
  const row = await store.db.selectFrom('referrals').selectAll().where('tenant_id', '=', tenant).where('id', '=', outcome.id).executeTakeFirstOrThrow();
  expect(row).toMatchObject({ status: 'no_one_on_call', rota_entry_id: null, attempts: 0 });
  await new Promise((r) => setTimeout(r, 100));
  expect(notify.received).toHaveLength(0);
  await jobs.close();
});
