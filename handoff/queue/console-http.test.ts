import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { Server } from 'socket.io';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import { createSession } from '../agents/index.js';
import { freshTenant, openTestStore } from '../../test/store.js';
import { transcript, type Store } from '../../store/index.js';
import type { Assistant } from '../../bot/index.js';
import type { JobQueue } from '../../jobs/index.js';
import { createLogger } from '../../api/logger.js';
import { problemHandler } from '../../api/problem.js';
import type { ConsoleDeps } from '../../api/console/deps.js';
import { workRoutes } from '../../api/console/work-routes.js';
import { supervisorRoutes } from '../../api/console/supervisor-routes.js';
import { attachConsoleNamespace, relayResidentTyping } from '../../api/console/socket.js';
import { conversationState, makeAgent, QUEUES, waitingHandoff } from './test-helpers.js';

/**
 * The console's HTTP routes and `/console` namespace over a real store and real sessions,
 * with a small stand-in for the assistant (queues, catalogue, article search).
 */
let store: Store;
let server: http.Server;
let io: Server;
let base: string;
let tenant: string;
let otherTenant: string;
const emitted: { room: string; event: string; data: unknown }[] = [];
const updated: string[] = [];

function fakeAssistant(): Assistant {
  const runtime = {
    pack: {
      settings: { queues: QUEUES, caseReferencePrefix: 'MBC', openingHours: { timezone: 'Europe/London' } },
      flows: [{ id: 'fly_tipping', title: 'Report fly-tipping' }],
      servicesById: new Map([['waste.missed_bin', { id: 'waste.missed_bin' }]]),
    },
    articles: {
      search: (q: string) =>
        q.includes('bin') ? [{ article: { id: 'bin-day', title: 'Bin collection days', summary: 'Find your bin day.', url: 'https://example.gov.uk/bins', body: 'x' }, score: 1 }] : [],
    },
  };
  return { runtime: (t: string) => {
    if (t !== tenant && t !== otherTenant) throw new Error('unknown tenant');
    return runtime;
  } } as unknown as Assistant;
}

beforeAll(async () => {
  store = await openTestStore();
  tenant = await freshTenant(store);
  otherTenant = await freshTenant(store);
  server = http.createServer();
  io = new Server(server, { path: '/socket.io' });
  // Residents' namespace, as api/realtime.ts joins them.
  io.on('connection', (socket) => void socket.join(`conv:${String(socket.handshake.auth.conversationId)}`));
  const realNsp = () => io.of('/console');
  const deps: ConsoleDeps = {
    store,
    assistant: fakeAssistant(),
    jobs: {} as JobQueue,
    log: createLogger('silent'),
    realtime: { io, conversationUpdated: (id: string) => void updated.push(id), onResidentTyping: () => undefined, close: async () => undefined },
    // Record what the routes announce, and pass it on to real sockets.
    consoleNamespace: () => {
      const nsp = realNsp();
      return new Proxy(nsp, {
        get(target, prop) {
          if (prop === 'to') {
            return (room: string) => ({
              emit: (event: string, data: unknown) => {
                emitted.push({ room, event, data });
                return target.to(room).emit(event, data);
              },
            });
          }
          return Reflect.get(target, prop);
        },
      });
    },
    secureCookies: false,
    clock: () => new Date(),
  };
  attachConsoleNamespace(io, deps);
  const app = express();
  const api = express.Router();
  api.use(express.json());
  api.use(workRoutes(deps));
  api.use(supervisorRoutes(deps));
  app.use('/api/console', api);
  app.use(problemHandler(deps.log));
  server.on('request', app);
  await new Promise<void>((resolve) => server.listen(0, resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => io.close(() => resolve()));
  await store.close();
});

interface Signed {
  id: string;
  name: string;
  cookie: string;
  csrf: string;
}

async function signedIn(t: string, input: Parameters<typeof makeAgent>[2] = {}): Promise<Signed> {
  const agent = await makeAgent(store.db, t, input);
  const { token, session } = await createSession(store.db, { tenant: t, agentId: agent.id, stage: 'full', now: new Date() });
  return { id: agent.id, name: agent.name, cookie: `ca_session=${token}`, csrf: session.csrf_token };
}

async function call(who: Signed | null, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = {};
  if (who) {
    headers.cookie = who.cookie;
    headers['x-csrf-token'] = who.csrf;
  }
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}/api/console${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, type: res.headers.get('content-type') };
}

test('the work of one handoff over HTTP: queue, accept, view, reply, case, close', async () => {
  const ann = await signedIn(tenant, { name: 'Ann Lee', skills: ['waste'] });
  const h = await waitingHandoff(store.db, tenant, { queue: 'waste', priority: 'high' });
  expect((await call(null, 'GET', '/queue')).status).toBe(401);

  const queue = await call(ann, 'GET', '/queue');
  expect(queue.status).toBe(200);
  expect(queue.body.handoffs).toEqual([expect.objectContaining({ id: h.id, conversationId: h.conversation_id, queueName: 'Waste and recycling', priority: 'high' })]);

  emitted.length = 0;
  const accepted = await call(ann, 'POST', `/handoffs/${h.id}/accept`);
  expect(accepted).toMatchObject({ status: 200, body: { conversationId: h.conversation_id } });
  expect(emitted).toEqual(
    expect.arrayContaining([
      { room: `tenant:${tenant}`, event: 'queue:changed', data: { tenant } },
      // Only those who may see it (handoff/queue/access.ts): supervisors, the queue's agents, its holder.
      { room: [`supervisors:${tenant}`, `queue:${tenant}:waste`, `agent:${ann.id}`], event: 'conversation:message', data: { conversationId: h.conversation_id } },
    ]),
  );
  expect(updated).toContain(h.conversation_id);
  const again = await call(await signedIn(tenant, { skills: ['waste'] }), 'POST', `/handoffs/${h.id}/accept`);
  expect(again.status).toBe(409);
  expect(again.type).toContain('application/problem+json');

  const view = await call(ann, 'GET', `/conversations/${h.conversation_id}`);
  expect(view.status).toBe(200);
  expect(Object.keys(view.body).sort()).toEqual(['context', 'conversation', 'handoff', 'transcript']);
  expect(view.body.context).toEqual(expect.objectContaining({ recognition: null, flow: null, cases: [], previousConversations: [], previousCases: [] }));

  const sent = await call(ann, 'POST', `/conversations/${h.conversation_id}/messages`, { text: 'Hello, I can help with that.' });
  expect(sent.status).toBe(201);
  expect(sent.body.message).toMatchObject({ author: 'agent', text: 'Hello, I can help with that.' });
  expect((await call(ann, 'POST', `/conversations/${h.conversation_id}/messages`, { text: '' })).status).toBe(400);

  expect((await call(ann, 'POST', `/conversations/${h.conversation_id}/case`, { serviceId: 'nope.nope', summary: 'x' })).status).toBe(400);
  const made = await call(ann, 'POST', `/conversations/${h.conversation_id}/case`, { serviceId: 'waste.missed_bin', summary: 'Missed recycling' });
  expect(made.status).toBe(201);
  expect(made.body.reference).toMatch(/^MBC-\d{6}$/);
  expect((await call(ann, 'PATCH', `/cases/${made.body.reference}`, { status: 'assigned', note: 'To the crew' })).status).toBe(204);

  expect((await call(ann, 'POST', `/conversations/${h.conversation_id}/close`, { outcome: 'maybe' })).status).toBe(400);
  expect((await call(ann, 'POST', `/conversations/${h.conversation_id}/close`, { outcome: 'case_created' })).status).toBe(204);
  expect(await conversationState(store.db, h.conversation_id)).toBe('closed');
});

test('transfer and hand back over HTTP', async () => {
  const bo = await signedIn(tenant, { name: 'Bo Diaz' });
  const h = await waitingHandoff(store.db, tenant);
  await call(bo, 'POST', `/handoffs/${h.id}/accept`);
  expect((await call(bo, 'POST', `/conversations/${h.conversation_id}/transfer`, { note: 'nowhere' })).status).toBe(400);
  expect((await call(bo, 'POST', `/conversations/${h.conversation_id}/transfer`, { queue: 'waste', note: 'Bins' })).status).toBe(204);
  expect(await conversationState(store.db, h.conversation_id)).toBe('queued');
  const cy = await signedIn(tenant, { skills: ['waste'] });
  await call(cy, 'POST', `/handoffs/${h.id}/accept`);
  expect((await call(cy, 'POST', `/conversations/${h.conversation_id}/hand-back`)).status).toBe(204);
  expect(await conversationState(store.db, h.conversation_id)).toBe('bot');
  const last = (await transcript(store.db, tenant, h.conversation_id)).at(-1)!;
  expect(last.text).toMatch(/^\S+ has handed you back to the assistant; I'm here if you need anything else\.$/);
});

test('CSRF: a change without the token is refused', async () => {
  const dee = await signedIn(tenant);
  const h = await waitingHandoff(store.db, tenant);
  const res = await fetch(`${base}/api/console/handoffs/${h.id}/accept`, { method: 'POST', headers: { cookie: dee.cookie } });
  expect(res.status).toBe(403);
  expect(await conversationState(store.db, h.conversation_id)).toBe('queued');
});

test('another tenant\'s agent gets 404 for everything about the conversation', async () => {
  const ours = await signedIn(tenant);
  const theirs = await signedIn(otherTenant, { roles: ['admin'] });
  const h = await waitingHandoff(store.db, tenant);
  expect((await call(theirs, 'GET', '/queue')).body.handoffs).toEqual([]);
  expect((await call(theirs, 'POST', `/handoffs/${h.id}/accept`)).status).toBe(404);
  expect((await call(theirs, 'GET', `/conversations/${h.conversation_id}`)).status).toBe(404);
  await call(ours, 'POST', `/handoffs/${h.id}/accept`);
  for (const [method, path, body] of [
    ['POST', `/conversations/${h.conversation_id}/messages`, { text: 'hi' }],
    ['POST', `/conversations/${h.conversation_id}/transfer`, { queue: 'general', note: '' }],
    ['POST', `/conversations/${h.conversation_id}/hand-back`, undefined],
    ['POST', `/conversations/${h.conversation_id}/close`, { outcome: 'resolved' }],
    ['POST', `/conversations/${h.conversation_id}/case`, { serviceId: 'waste.missed_bin', summary: 'x' }],
    ['GET', '/conversations/not-a-uuid', undefined],
  ] as const) {
    expect([method, path, (await call(theirs, method, path, body)).status]).toEqual([method, path, 404]);
  }
  expect(await conversationState(store.db, h.conversation_id)).toBe('with_agent');
});

test('canned responses, knowledge-base search and the supervisor view', async () => {
  const eve = await signedIn(tenant);
  const canned = await call(eve, 'GET', '/canned-responses');
  expect(canned.body.responses).toHaveLength(5);
  expect(canned.body.responses[0]).toEqual({ id: expect.any(String), title: expect.any(String), body: expect.any(String) });
  const kb = await call(eve, 'GET', '/kb/search?q=bin%20day');
  expect(kb.body.articles).toEqual([{ id: 'bin-day', title: 'Bin collection days', summary: 'Find your bin day.', url: 'https://example.gov.uk/bins' }]);
  expect((await call(eve, 'GET', '/kb/search')).body.articles).toEqual([]);

  expect((await call(eve, 'GET', '/supervisor/queues')).status).toBe(403);
  const sue = await signedIn(tenant, { roles: ['supervisor'] });
  const levels = await call(sue, 'GET', '/supervisor/queues');
  expect(levels.status).toBe(200);
  expect(levels.body.queues.map((q: { id: string }) => q.id)).toEqual(expect.arrayContaining(['general', 'waste', 'highways', 'safeguarding']));
  expect(levels.body.queues[0]).toEqual(
    expect.objectContaining({ id: 'general', name: 'Customer services', waiting: expect.any(Number), longestWaitSeconds: expect.any(Number), agentsAvailable: expect.any(Number), acceptedToday: expect.any(Number), withinStandardToday: expect.any(Number), abandonedToday: expect.any(Number), standard: { answerWithinSeconds: 20, targetShare: 0.8, maxAbandonedShare: 0.05 } }),
  );
});

describe('the /console namespace', () => {
  const sockets: ClientSocket[] = [];
  afterAll(() => sockets.forEach((s) => s.disconnect()));

  function agentSocket(cookie?: string): ClientSocket {
    const s = connect(`${base}/console`, { path: '/socket.io', transports: ['websocket'], extraHeaders: cookie ? { cookie } : {}, reconnection: false });
    sockets.push(s);
    return s;
  }
  const once = <T>(s: ClientSocket, event: string) => new Promise<T>((resolve) => s.once(event, resolve));

  test('refuses a handshake without a session', async () => {
    const s = agentSocket();
    const err = await once<Error>(s, 'connect_error');
    expect(err.message).toBe('unauthorised');
  });

  test('presence, heartbeat, typing both ways', async () => {
    const fay = await signedIn(tenant, { name: 'Fay Wong', status: 'away' });
    const gus = await signedIn(tenant);
    const h = await waitingHandoff(store.db, tenant);
    await call(fay, 'POST', `/handoffs/${h.id}/accept`);

    const s = agentSocket(fay.cookie);
    await once(s, 'ready');
    const status = await s.emitWithAck('presence', { status: 'available' });
    expect(status).toEqual({ status: 'available' });
    const row = await store.db.selectFrom('agents').select(['status', 'last_seen_at']).where('id', '=', fay.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('available');
    expect(await s.emitWithAck('heartbeat', {})).toEqual({ ok: true });
    expect(await s.emitWithAck('presence', { status: 'asleep' })).toEqual({ ok: false, error: 'invalid' });

    // Agent typing reaches the resident, only from the agent holding the conversation.
    const resident = connect(base, { path: '/socket.io', transports: ['websocket'], auth: { conversationId: h.conversation_id }, reconnection: false });
    sockets.push(resident);
    await once(resident, 'connect');
    const typing = once<unknown>(resident, 'typing');
    expect(await s.emitWithAck('typing', { conversationId: h.conversation_id, typing: true })).toEqual({ ok: true });
    expect(await typing).toEqual({ from: 'agent', name: 'Fay', typing: true });
    const g = agentSocket(gus.cookie);
    await once(g, 'ready');
    expect(await g.emitWithAck('typing', { conversationId: h.conversation_id, typing: true })).toEqual({ ok: false });

    // Resident typing reaches the tenant's consoles.
    const seen = once<unknown>(s, 'conversation:typing');
    relayResidentTyping(io, h.conversation_id, tenant, true);
    expect(await seen).toEqual({ conversationId: h.conversation_id, typing: true });
  });
});
