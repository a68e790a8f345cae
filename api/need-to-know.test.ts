import { io, type Socket } from 'socket.io-client';
import { auditTrail } from '../store/index.js';
import { signedInAgent, type ConsoleClient } from '../test/console-client.js';
import { Resident, startTestServer, type TestServer } from '../test/server.js';

/**
 * Need-to-know inside a council (issue 10, item 4), on a real server with real sockets: an agent
 * with only waste and highways skills neither lists, opens, acts on nor hears of a safeguarding
 * conversation; a safety-skilled agent does; a supervisor does, and the read is audited as outside
 * their skills; every queue listing read is audited.
 */
let server: TestServer;
const sockets: Socket[] = [];

beforeAll(async () => {
  server = await startTestServer();
}, 120_000);
afterAll(async () => {
  for (const s of sockets) s.close();
  await server?.close();
});

/** A console socket recording every event it hears, available for work once connected. */
async function consoleSocket(client: ConsoleClient): Promise<{ socket: Socket; heard: { event: string; payload: unknown }[] }> {
  const socket = io(`${server.url}/console`, { transports: ['websocket'], extraHeaders: { cookie: `ca_session=${client.cookie}` }, reconnection: false });
  sockets.push(socket);
  const heard: { event: string; payload: unknown }[] = [];
  socket.onAny((event: string, payload: unknown) => heard.push({ event, payload }));
  await new Promise<void>((resolve, reject) => {
    socket.once('ready', () => resolve());
    socket.once('connect_error', reject);
    setTimeout(() => reject(new Error('console socket not ready')), 5000);
  });
  expect(await socket.timeout(5000).emitWithAck('presence', { status: 'available' })).toEqual({ status: 'available' });
  return { socket, heard };
}

async function until(what: string, check: () => boolean, ms = 8000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const names = (heard: { payload: unknown }[], id: string) => heard.some((e) => JSON.stringify(e.payload ?? null).includes(id));

test('a safeguarding conversation is seen only by those with the skills, and by supervisors (audited)', async () => {
  const waste = await signedInAgent(server, { skills: ['waste', 'highways', 'street_scene'] });
  const safety = await signedInAgent(server, { skills: ['safety', 'social_care'] });
  const supervisor = await signedInAgent(server, { roles: ['supervisor'], skills: ['waste'] });
  // All three are here and available: the urgent handoff has someone with its skills, so it does not overflow.
  const [wasteLive, safetyLive, supervisorLive] = await Promise.all([consoleSocket(waste.client), consoleSocket(safety.client), consoleSocket(supervisor.client)]);

  // A conversation every agent may see (the general queue), as a control that the waste agent's socket hears things.
  const general = await new Resident(server.url, server.tenant).start();
  expect((await general.say('can I speak to a real person please')).some((m) => m.handoff)).toBe(true);

  const resident = await new Resident(server.url, server.tenant).start();
  const replies = await resident.say("I can't go on, I'm going to kill myself tonight");
  expect(replies.some((m) => m.handoff?.priority === 'urgent')).toBe(true);
  const handoff = await server.store.db
    .selectFrom('handoffs')
    .select(['id', 'queue'])
    .where('conversation_id', '=', resident.conversationId)
    .executeTakeFirstOrThrow();
  expect(handoff.queue).toBe('safeguarding');
  const secret = resident.conversationId;

  // Live: the resident types and writes again, and so does the general one.
  const residentSocket = io(server.url, { auth: { conversationId: resident.conversationId, token: resident.token }, transports: ['websocket'], reconnection: false });
  sockets.push(residentSocket);
  await new Promise<void>((resolve) => residentSocket.once('ready', () => resolve()));
  residentSocket.emit('typing', { typing: true });
  await resident.say('please someone help');
  await general.say('hello?');
  const heardAbout = (live: { heard: { event: string; payload: unknown }[] }, event: string, id: string) =>
    live.heard.some((e) => e.event === event && (e.payload as { conversationId?: string }).conversationId === id);
  await until('the safety agent and the supervisor to hear of it', () =>
    [safetyLive, supervisorLive].every((l) => heardAbout(l, 'conversation:typing', secret) && heardAbout(l, 'conversation:message', secret)),
  );
  await until('the waste agent to hear of the general conversation', () => heardAbout(wasteLive, 'conversation:message', general.conversationId));
  expect(safetyLive.heard.some((e) => e.event === 'handoff:new' && (e.payload as { id: string }).id === handoff.id)).toBe(true);
  // Nothing the waste agent heard names the safeguarding conversation or its handoff.
  expect(names(wasteLive.heard, secret)).toBe(false);
  expect(names(wasteLive.heard, handoff.id)).toBe(false);

  // The listing.
  const listed = async (client: ConsoleClient) => ((await client.call('GET', '/queue')).body.handoffs as { conversationId: string }[]).map((h) => h.conversationId);
  const wasteList = await listed(waste.client);
  expect(wasteList).toContain(general.conversationId);
  expect(wasteList).not.toContain(secret);
  expect(await listed(safety.client)).toContain(secret);
  expect(await listed(supervisor.client)).toContain(secret);

  // The transcript and every action: not found, exactly as for a conversation that does not exist.
  const nobody = '00000000-0000-4000-8000-000000000000';
  const attempts = (id: string, handoffId: string): [string, string, unknown?][] => [
    ['GET', `/conversations/${id}`],
    ['POST', `/conversations/${id}/messages`, { text: 'Hello' }],
    ['POST', `/conversations/${id}/transfer`, { queue: 'waste', note: 'x' }],
    ['POST', `/conversations/${id}/hand-back`],
    ['POST', `/conversations/${id}/close`, { outcome: 'resolved' }],
    ['POST', `/conversations/${id}/case`, { serviceId: 'waste.missed_collection', summary: 'x' }],
    ['POST', `/handoffs/${handoffId}/accept`],
  ];
  const refusals = async () => {
    for (const [[method, route, body], [, control, controlBody]] of attempts(secret, handoff.id).map((a, i) => [a, attempts(nobody, nobody)[i]] as const)) {
      const res = await waste.client.call(method, route, body);
      const missing = await waste.client.call(method, control, controlBody);
      expect({ route, status: res.status }).toEqual({ route, status: 404 });
      expect(res.body?.title).toBe(missing.body?.title);
    }
  };
  await refusals();

  // The safety agent opens it and takes it; the waste agent is still refused once it is held.
  expect((await safety.client.call('GET', `/conversations/${secret}`)).status).toBe(200);
  expect((await safety.client.call('POST', `/handoffs/${handoff.id}/accept`)).status).toBe(200);
  expect((await safety.client.call('POST', `/conversations/${secret}/messages`, { text: 'I am here with you.' })).status).toBe(201);
  await refusals();
  expect(names(wasteLive.heard, secret)).toBe(false);

  // The supervisor (skills: waste only) reads it; the read is audited as outside their skills.
  expect((await supervisor.client.call('GET', `/conversations/${secret}`)).status).toBe(200);
  const trail = await auditTrail(server.store.db, server.tenant, 'conversation', secret);
  const views = trail.filter((e) => e.action === 'conversation.view');
  expect(views.map((e) => e.actorId).sort()).toEqual([safety.agentId, supervisor.agentId].sort());
  expect(views.find((e) => e.actorId === supervisor.agentId)?.detail).toMatchObject({ access: 'supervisor', outsideSkills: true, agentSkills: ['waste'], queue: 'safeguarding' });
  expect(views.find((e) => e.actorId === safety.agentId)?.detail).not.toHaveProperty('outsideSkills');
  // Nothing the waste agent tried was done.
  expect(trail.some((e) => e.actorId === waste.agentId)).toBe(false);
});

test('every queue listing read is audited: who, when, how many items and which conversations', async () => {
  const agent = await signedInAgent(server, { skills: ['waste'] });
  const resident = await new Resident(server.url, server.tenant).start();
  await resident.say('can I speak to a real person please');
  const before = new Date(Date.now() - 1000);
  const first = await agent.client.call('GET', '/queue');
  await agent.client.call('GET', '/queue');
  const reads = (await auditTrail(server.store.db, server.tenant, 'queue_listing', agent.agentId)).filter((e) => e.action === 'queue.list');
  expect(reads).toHaveLength(2);
  expect(reads[0]).toMatchObject({ actorType: 'agent', actorId: agent.agentId });
  expect(reads[0].createdAt.getTime()).toBeGreaterThanOrEqual(before.getTime());
  expect(reads[0].detail).toMatchObject({
    items: first.body.handoffs.length,
    conversationIds: first.body.handoffs.map((h: { conversationId: string }) => h.conversationId),
  });
  expect((reads[0].detail as { conversationIds: string[] }).conversationIds).toContain(resident.conversationId);
});

test("a resident's earlier safeguarding conversation is left out of a waste agent's context panel, not a supervisor's", async () => {
  const waste = await signedInAgent(server, { skills: ['waste', 'highways', 'street_scene'] });
  const supervisor = await signedInAgent(server, { roles: ['supervisor'], skills: ['waste'] });
  const earlier = await new Resident(server.url, server.tenant).start();
  await earlier.say("my neighbour's children are being hit and left alone at night");
  const later = await new Resident(server.url, server.tenant).start();
  expect((await later.say('can I speak to a real person please')).some((m) => m.handoff)).toBe(true);
  // The same resident (as one contact across channels would be): the later conversation joins the earlier one's contact.
  const contact = await server.store.db.selectFrom('conversations').select('contact_id').where('id', '=', earlier.conversationId).executeTakeFirstOrThrow();
  await server.store.db.updateTable('conversations').set({ contact_id: contact.contact_id }).where('id', '=', later.conversationId).execute();

  const previous = async (client: ConsoleClient) => {
    const res = await client.call('GET', `/conversations/${later.conversationId}`);
    expect(res.status).toBe(200);
    return (res.body.context.previousConversations as { id: string }[]).map((c) => c.id);
  };
  expect(await previous(waste.client)).not.toContain(earlier.conversationId);
  expect(await previous(supervisor.client)).toContain(earlier.conversationId);
}, 60_000);
