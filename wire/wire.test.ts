/**
 * Real server responses and socket events parse with the wire schemas, so a server change the
 * browsers have not caught up with (or the other way round) fails here. Response schemas are
 * strict: a field the server adds without adding it to wire/ fails too.
 */
import { io, type Socket } from 'socket.io-client';
import type { z } from 'zod';
import type { OutboundMessage as BotOutboundMessage } from '../bot/index.js';
import { createAgent, totpCode } from '../handoff/agents/index.js';
import type { CASE_STATUSES as HANDOFF_CASE_STATUSES, CLOSE_OUTCOMES as HANDOFF_CLOSE_OUTCOMES } from '../handoff/queue/index.js';
import { ConsoleClient } from '../test/console-client.js';
import { Resident, startTestServer, type TestServer } from '../test/server.js';
import * as wire from './index.js';

// --- Type-level checks: the server's own types fit the wire's (a failure is a compile error) ---
type Assignable<A, B> = [A] extends [B] ? true : false;
type Same<A, B> = Assignable<A, B> extends true ? Assignable<B, A> : false;
const botRepliesFitWire: Assignable<BotOutboundMessage, wire.OutboundMessage> = true;
const closeOutcomesAgree: Same<(typeof HANDOFF_CLOSE_OUTCOMES)[number], wire.CloseOutcome> = true;
const caseStatusesAgree: Same<(typeof HANDOFF_CASE_STATUSES)[number], wire.CaseStatus> = true;
void [botRepliesFitWire, closeOutcomesAgree, caseStatusesAgree];

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 120_000);
afterAll(async () => {
  await server?.close();
});

/** Parses and reports every issue with its path, so a failure names the drifting field. */
function expectShape<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new Error(`${what} does not match wire/: ${JSON.stringify(result.error.issues, null, 1)}\n${JSON.stringify(value, null, 1).slice(0, 2000)}`);
  return result.data;
}

async function api(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${server.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

/** Records every event a socket receives, to parse them all at the end. */
function recorder(socket: Socket): { name: string; payload: unknown }[] {
  const events: { name: string; payload: unknown }[] = [];
  socket.onAny((name: string, payload: unknown) => events.push({ name, payload }));
  return events;
}

function connected(socket: Socket, readyEvent = 'connect'): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once(readyEvent, () => resolve());
    socket.once('connect_error', reject);
    setTimeout(() => reject(new Error('socket did not connect')), 5000);
  });
}

const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));

test('the web chat API: create, replies (suggestions, card and link, handoff notice), transcript, suggestions', async () => {
  const created = await api('POST', '/api/v1/conversations', { tenant: server.tenant, channel: 'webchat' } satisfies wire.CreateConversationRequest);
  expect(created.status).toBe(201);
  const { conversationId, token } = expectShape(wire.createConversationResponse, created.body, 'create conversation');

  const seen = new Set<string>();
  for (const text of ['hello', 'when is my bin collected', 'how do I apply for a parking permit', 'can I talk to a person please']) {
    const sent = await api('POST', `/api/v1/conversations/${conversationId}/messages`, { text, id: `m-${text.length}` } satisfies wire.PostMessageRequest, token);
    expect(sent.status).toBe(200);
    for (const m of expectShape(wire.postMessageResponse, sent.body, `replies to "${text}"`).messages) {
      for (const part of wire.OUTBOUND_PARTS) if (m[part] !== undefined) seen.add(part);
    }
  }
  // The parts the widget renders were all exercised, so their schemas were checked against real replies.
  expect([...seen]).toEqual(expect.arrayContaining(['suggestions', 'handoff']));
  expect(seen.has('card') || seen.has('link')).toBe(true);

  const read = await api('GET', `/api/v1/conversations/${conversationId}/messages`, undefined, token);
  const transcript = expectShape(wire.transcriptResponse, read.body, 'transcript');
  expect(transcript.state).toBe('queued');
  expect(transcript.messages.some((m) => m.direction === 'in' && m.author === 'resident')).toBe(true);

  const suggestions = await fetch(`${server.url}/api/v1/suggestions?tenant=${server.tenant}&q=bin`).then((r) => r.json());
  expect(expectShape(wire.suggestionsResponse, suggestions, 'suggestions').suggestions.length).toBeGreaterThan(0);
});

test('the console API and both sockets, through sign-in, a handoff, a reply, a case and the rota', async () => {
  // Sign-in, step by step, with an agent of our own (so the recovery codes are ours to use).
  const email = `wire.${Date.now()}@council.example`;
  const password = 'Council-desk-2025';
  await createAgent(server.store.db, { tenant: server.tenant, email, name: 'Wren Wire', roles: ['agent', 'supervisor'], skills: ['waste', 'housing', 'safety', 'social_care', 'highways', 'street_scene'], capacity: 3, password });
  const client = new ConsoleClient(server.url);
  const login = await client.call('POST', '/login', { tenant: server.tenant, email, password } satisfies wire.LoginRequest);
  expect(expectShape(wire.loginResponse, login.body, 'login').stage).toBe('enrol');
  const enrolment = expectShape(wire.totpEnrolment, (await client.call('GET', '/totp/enrol')).body, 'enrolment');
  const enrolled = await client.call('POST', '/totp/enrol', { code: totpCode(enrolment.secret, Date.now()) });
  const done = expectShape(wire.enrolmentDone, enrolled.body, 'enrolment done');
  // Every step that signs in names the council, as GET /me does ({council} in canned responses).
  expect(done.agent.councilName).toBeTruthy();
  const me = expectShape(wire.signedIn, (await client.call('GET', '/me')).body, 'me');
  expect(me.agent).toMatchObject({ email, roles: ['agent', 'supervisor'] });
  const second = new ConsoleClient(server.url);
  expectShape(wire.loginResponse, (await second.call('POST', '/login', { tenant: server.tenant, email, password })).body, 'second login');
  const viaRecovery = await second.call('POST', '/totp', { recoveryCode: done.recoveryCodes[0] } satisfies wire.SecondFactorRequest);
  expect(expectShape(wire.signedIn, viaRecovery.body, 'second factor').agent.councilName).toBeTruthy();
  expectShape(wire.agentResponse, (await client.call('PUT', '/me/status', { status: 'available' })).body, 'status');

  // Both sockets, recording everything they hear.
  // Each socket's 'ready' is awaited from the moment it is opened: it may come while the resident starts.
  const consoleSocket = io(`${server.url}/console`, { transports: ['websocket'], extraHeaders: { cookie: `ca_session=${client.cookie}` } });
  const consoleEvents = recorder(consoleSocket);
  const consoleReady = connected(consoleSocket, 'ready');
  const resident = await new Resident(server.url, server.tenant).start();
  const residentSocket = io(server.url, { auth: { conversationId: resident.conversationId, token: resident.token }, transports: ['websocket'] });
  const residentEvents = recorder(residentSocket);
  try {
    await Promise.all([consoleReady, connected(residentSocket, 'ready')]);
    await settle();
    const presenceAck = await consoleSocket.timeout(3000).emitWithAck('presence', { status: 'available' } satisfies wire.ConsoleClientPayloads['presence']);
    expectShape(wire.consoleAck, presenceAck, 'presence ack');
    expectShape(wire.consoleAck, await consoleSocket.timeout(3000).emitWithAck('heartbeat', {}), 'heartbeat ack');

    expect((await resident.say('can I talk to a person please')).some((m) => m.handoff)).toBe(true);
    await settle();
    const queue = expectShape(wire.queueListing, (await client.call('GET', '/queue')).body, 'queue');
    const item = queue.handoffs.find((h) => h.conversationId === resident.conversationId)!;
    expect(item).toBeDefined();
    expectShape(wire.acceptResponse, (await client.call('POST', `/handoffs/${item.id}/accept`)).body, 'accept');
    residentSocket.emit('typing', { typing: true } satisfies wire.ResidentClientPayloads['typing']);
    expectShape(wire.consoleAck, await consoleSocket.timeout(3000).emitWithAck('typing', { conversationId: resident.conversationId, typing: true }), 'typing ack');
    const replied = await client.call('POST', `/conversations/${resident.conversationId}/messages`, { text: 'Hello, I can help with that.' } satisfies wire.ReplyRequest);
    expectShape(wire.replyResponse, replied.body, 'reply');
    await resident.say('my bin was not collected');

    const services = [...server.assistant.runtime(server.tenant).pack.servicesById.keys()];
    const created = await client.call('POST', `/conversations/${resident.conversationId}/case`, { serviceId: services[0], summary: 'Missed bin', details: { notes: 'by the gate' } } satisfies wire.CaseRequest);
    expect(created.status).toBe(201);
    const { reference } = expectShape(wire.caseCreated, created.body, 'case created');
    expect((await client.call('PATCH', `/cases/${reference}`, { status: 'assigned', note: 'Crew told' } satisfies wire.CaseUpdateRequest)).status).toBe(204);

    const view = expectShape(wire.conversationView, (await client.call('GET', `/conversations/${resident.conversationId}`)).body, 'conversation view');
    expect(view.transcript.some((m) => m.author === 'agent')).toBe(true);
    expect(view.context.cases.map((c) => c.reference)).toContain(reference);

    // The resident's transcript: the adviser's first name, never the rest of what is stored with the reply.
    const read = await fetch(`${server.url}/api/v1/conversations/${resident.conversationId}/messages`, { headers: { authorization: `Bearer ${resident.token}` } }).then((r) => r.json());
    const transcript = expectShape(wire.transcriptResponse, read, 'transcript with an adviser');
    expect(transcript.messages.find((m) => m.author === 'agent')).toMatchObject({ agentName: 'Wren', text: 'Hello, I can help with that.' });

    expectShape(wire.cannedResponses, (await client.call('GET', '/canned-responses')).body, 'canned responses');
    expect(expectShape(wire.kbSearchResponse, (await client.call('GET', '/kb/search?q=bin')).body, 'kb search').articles.length).toBeGreaterThan(0);
    expectShape(wire.transferTargets, (await client.call('GET', '/queues')).body, 'queues');
    expect(expectShape(wire.agentDirectory, (await client.call('GET', '/agents')).body, 'agents').agents.some((a) => a.name === 'Wren Wire' && a.skills.includes('waste'))).toBe(true);
    expectShape(wire.supervisorQueues, (await client.call('GET', '/supervisor/queues')).body, 'supervisor queues');

    const startsAt = new Date(Date.now() + 3600_000).toISOString();
    const endsAt = new Date(Date.now() + 7200_000).toISOString();
    const added = await client.call('POST', '/rota', { skill: 'safety', name: 'Dana Duty', channel: 'email', destination: 'dana@council.example', startsAt, endsAt } satisfies wire.NewRotaEntry);
    expect(added.status).toBe(201);
    expectShape(wire.rotaEntryCreated, added.body, 'rota entry');
    expect(expectShape(wire.rotaListing, (await client.call('GET', '/rota')).body, 'rota').entries.length).toBeGreaterThan(0);
    expectShape(wire.referralListing, (await client.call('GET', '/referrals')).body, 'referrals');
    expectShape(wire.dutyStatus, (await client.call('GET', '/supervisor/duty')).body, 'duty');

    expect((await client.call('POST', `/conversations/${resident.conversationId}/close`, { outcome: 'resolved' } satisfies { outcome: wire.CloseOutcome })).status).toBe(204);
    await settle();
  } finally {
    consoleSocket.close();
    residentSocket.close();
  }

  // Every event either socket heard has a wire schema and fits it.
  const consoleSchemas: Record<string, z.ZodType> = wire.consoleServerEvents;
  const residentSchemas: Record<string, z.ZodType> = wire.residentServerEvents;
  for (const e of consoleEvents) {
    expect(Object.keys(consoleSchemas)).toContain(e.name);
    expectShape(consoleSchemas[e.name], e.payload, `console event ${e.name}`);
  }
  for (const e of residentEvents) {
    expect(Object.keys(residentSchemas)).toContain(e.name);
    expectShape(residentSchemas[e.name], e.payload, `resident event ${e.name}`);
  }
  const heard = (events: { name: string }[]) => new Set(events.map((e) => e.name));
  expect([...heard(consoleEvents)]).toEqual(expect.arrayContaining(['ready', 'queue:changed', 'handoff:new', 'conversation:message', 'conversation:typing']));
  expect([...heard(residentEvents)]).toEqual(expect.arrayContaining(['ready', 'conversation:updated', 'typing']));
});

test('a problem response fits the problem schema', async () => {
  const res = await api('POST', '/api/v1/conversations', { tenant: server.tenant, colour: 'blue' });
  expect(res.status).toBe(400);
  expectShape(wire.problem, res.body, 'problem');
});
