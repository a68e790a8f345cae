import type { Server } from 'node:http';
import express, { type RequestHandler } from 'express';
import { pino } from 'pino';
import type { ConsoleDeps } from '../../api/console/deps.js';
import { referralAckRoutes, rotaRoutes } from '../../api/console/rota-routes.js';
import type { ConsoleAgent } from '../../api/console/session.js';
import { problemHandler } from '../../api/problem.js';
import type { Assistant } from '../../bot/index.js';
import { LogOnlySender } from '../../notify/index.js';
import { InProcessQueue } from '../../jobs/index.js';
import type { Store } from '../../store/index.js';
import { freshTenant, openTestStore } from '../../test/store.js';
import { referOutOfHours, registerReferralJobs } from './index.js';
import { eventually, handoffFor, recordingLog } from './test-helpers.fixture.js';

/**
 * The rota routes on a test-only app: the guard stands in for the session middleware (tested
 * with sign-in elsewhere) and sets `req.agent` from a header, or answers 403 for a plain agent.
 */
let store: Store;
let server: Server;
let base: string;
let tenant: string;
const NOW = new Date('2026-12-24T20:00:00Z');
const jobs = new InProcessQueue();

const agents: Record<string, ConsoleAgent> = {};
const fakeGuard: RequestHandler = (req, res, next) => {
  const agent = agents[req.get('x-test-agent') ?? ''];
  if (!agent) return void res.status(401).json({ title: 'Not signed in' });
  if (!agent.roles.some((r) => r === 'supervisor' || r === 'admin')) return void res.status(403).json({ title: 'Forbidden' });
  req.agent = agent;
  next();
};

beforeAll(async () => {
  store = await openTestStore();
  tenant = await freshTenant(store, 'rotaapi');
  const other = await freshTenant(store, 'rotaapi');
  const agent = (id: string, t: string, roles: string[]): ConsoleAgent => ({ id, tenantId: t, name: id, email: `${id}@x.example`, roles, skills: [], capacity: 3, sessionId: 's' });
  agents.sup = agent('sup', tenant, ['agent', 'supervisor']);
  agents.plain = agent('plain', tenant, ['agent']);
  agents.otherSup = agent('otherSup', other, ['supervisor']);
  const deps = {
    store,
    assistant: { runtime: () => ({ pack: { settings: { openingHours: { timezone: 'Europe/London' } } } }) } as unknown as Assistant,
    jobs,
    log: pino({ level: 'silent' }),
    secureCookies: false,
    clock: () => NOW,
  } as ConsoleDeps;
  const app = express();
  app.use('/api/console', express.json(), rotaRoutes(deps, fakeGuard));
  app.use(referralAckRoutes(deps));
  app.use(problemHandler(deps.log));
  server = app.listen(0);
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await jobs.close();
  await new Promise((r) => server.close(r));
  await store.close();
});

const call = (method: string, path: string, as: string, body?: unknown) =>
  fetch(`${base}/api/console${path}`, {
    method,
    headers: { 'x-test-agent': as, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });

test('supervisors add, list and remove rota entries, future-dated ones included; each change is audited', async () => {
  const tonight = { skill: 'safety', name: 'Sam Duty', channel: 'sms', destination: '07700 900123', startsAt: '2026-12-24T17:00:00Z', endsAt: '2026-12-25T09:00:00Z' };
  const nextWeek = { skill: 'safety', name: 'Chris Duty', channel: 'email', destination: 'chris@merebrook.example', startsAt: '2026-12-31T17:00:00Z', endsAt: '2027-01-01T09:00:00Z' };
  const a = await call('POST', '/rota', 'sup', tonight);
  expect(a.status).toBe(201);
  const { entry } = (await a.json()) as { entry: { id: string; destination: string; active: boolean } };
  expect(entry).toMatchObject({ destination: '+447700900123', active: true });
  const b = await call('POST', '/rota', 'sup', nextWeek);
  expect(b.status).toBe(201);
  const future = ((await b.json()) as { entry: { id: string; active: boolean } }).entry;
  expect(future.active).toBe(false);

  const list = (await (await call('GET', '/rota', 'sup')).json()) as { entries: { id: string; name: string; active: boolean; startsAt: string }[] };
  expect(list.entries.map((e) => [e.name, e.active])).toEqual([
    ['Sam Duty', true],
    ['Chris Duty', false],
  ]);
  // another council's supervisor sees none of it
  expect(((await (await call('GET', '/rota', 'otherSup')).json()) as { entries: unknown[] }).entries).toEqual([]);
  expect((await call('DELETE', `/rota/${future.id}`, 'otherSup')).status).toBe(404);

  expect((await call('DELETE', `/rota/${future.id}`, 'sup')).status).toBe(204);
  expect((await call('DELETE', `/rota/${future.id}`, 'sup')).status).toBe(404);
  const audit = await store.db.selectFrom('audit_events').selectAll().where('tenant_id', '=', tenant).where('subject_type', '=', 'rota_entry').orderBy('id').execute();
  expect(audit.map((e) => [e.action, e.actor_id, e.subject_id])).toEqual([
    ['rota.entry_added', 'sup', entry.id],
    ['rota.entry_added', 'sup', future.id],
    ['rota.entry_removed', 'sup', future.id],
  ]);
  expect(JSON.stringify(audit)).not.toContain('900123'); // destinations are masked in the audit trail
});

test('bad entries are refused with problem details naming the field', async () => {
  const ok = { skill: 'housing', name: 'Hana', channel: 'sms', destination: '07700900123', startsAt: '2026-12-24T17:00:00Z', endsAt: '2026-12-25T09:00:00Z' };
  const problems = async (body: unknown) => {
    const res = await call('POST', '/rota', 'sup', body);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    return ((await res.json()) as { errors: { path: string; message: string }[] }).errors;
  };
  expect(await problems({ ...ok, destination: '01632 960100' })).toEqual([{ path: 'destination', message: expect.stringMatching(/UK mobile/) }]);
  expect(await problems({ ...ok, channel: 'email', destination: '07700900123' })).toEqual([{ path: 'destination', message: expect.stringMatching(/e-mail/) }]);
  expect(await problems({ ...ok, endsAt: '2026-12-24T16:00:00Z' })).toEqual([{ path: 'endsAt', message: 'endsAt must be after startsAt' }]);
  expect(await problems({ ...ok, startsAt: '2026-12-20T17:00:00Z', endsAt: '2026-12-21T09:00:00Z' })).toEqual([{ path: 'endsAt', message: expect.stringMatching(/past/) }]);
  expect(await problems({})).not.toHaveLength(0);
});

test('only supervisors and admins reach the rota', async () => {
  expect((await call('GET', '/rota', 'plain')).status).toBe(403);
  expect((await call('GET', '/referrals', 'plain')).status).toBe(403);
  expect((await call('GET', '/rota', 'nobody')).status).toBe(401);
});

test('GET /referrals lists recent referrals with sent and acknowledged times', async () => {
  const log = recordingLog();
  registerReferralJobs(jobs, { db: store.db, sender: new LogOnlySender(log), log });
  const { conversation, handoff } = await handoffFor(store, tenant);
  const outcome = await referOutOfHours(
    { db: store.db, jobs, log, publicUrl: 'https://a.example', clock: () => NOW },
    { tenant, handoffId: handoff.id, conversationId: conversation.id, skill: 'safety', summary: 'Child at risk reported at 20:00.' },
  );
  expect(outcome.onCall?.name).toBe('Sam Duty');
  await eventually(
    () => store.db.selectFrom('referrals').select('status').where('id', '=', outcome.id).executeTakeFirstOrThrow(),
    (r) => r.status === 'not_sent_no_provider',
  );
  const res = await call('GET', '/referrals', 'sup');
  expect(res.status).toBe(200);
  const { referrals } = (await res.json()) as { referrals: Record<string, unknown>[] };
  expect(referrals[0]).toMatchObject({
    id: outcome.id,
    handoffId: handoff.id,
    onCallName: 'Sam Duty',
    skill: 'safety',
    channel: 'sms',
    status: 'not_sent_no_provider',
    sentAt: null,
    acknowledgedAt: null,
    summary: 'Child at risk reported at 20:00.',
  });
  expect(referrals[0]).not.toHaveProperty('destination');
  const views = await store.db.selectFrom('audit_events').select('action').where('tenant_id', '=', tenant).where('action', '=', 'referrals.viewed').execute();
  expect(views).toHaveLength(1);
});

test('an unknown or malformed acknowledgement token is a 404 page, opened or posted', async () => {
  for (const token of ['nope', 'A'.repeat(43)]) {
    for (const method of ['GET', 'POST']) {
      const res = await fetch(`${base}/referrals/ack/${token}`, { method });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(await res.text()).toContain('<h1>Link not recognised</h1>');
    }
  }
});
