import { io } from 'socket.io-client';
import { signedInAgent } from '../test/console-client.js';
import { canRunTwoProcesses, Resident, twoProcessServers } from '../test/server.js';

/**
 * With Redis (and PostgreSQL), a handoff created through one app process reaches an agent whose
 * console is connected to another. Without them, one process plays both parts.
 */
const twoProcesses = canRunTwoProcesses;
const servers = twoProcessServers();

test(`a handoff made on one process appears live on an agent's console connected to ${twoProcesses ? 'another' : 'the same'}`, async () => {
  const { client } = await signedInAgent(servers.b());
  const socket = io(`${servers.b().url}/console`, { transports: ['websocket'], extraHeaders: { cookie: `ca_session=${client.cookie}` } });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.on('connect', () => resolve());
      socket.on('connect_error', reject);
      setTimeout(() => reject(new Error('console socket did not connect')), 5000);
    });
    const seen = new Promise<{ id: string; priority: string }>((resolve, reject) => {
      socket.on('handoff:new', resolve);
      setTimeout(() => reject(new Error('no handoff:new event')), 8000);
    });
    await new Promise((r) => setTimeout(r, 200)); // rooms joined after the async session check
    const resident = await new Resident(servers.a().url).start();
    const replies = await resident.say('can I talk to a person please');
    expect(replies.some((m) => m.handoff)).toBe(true);
    const event = await seen;
    const row = await servers.b().store.db.selectFrom('handoffs').select(['id', 'conversation_id']).where('id', '=', event.id).executeTakeFirstOrThrow();
    expect(row.conversation_id).toBe(resident.conversationId);
    // And the queue on process B lists it.
    const queue = await client.call('GET', '/queue');
    expect(queue.body.handoffs.map((h: { id: string }) => h.id)).toContain(event.id);
  } finally {
    socket.close();
  }
});

test('a console socket without a signed-in session is refused', async () => {
  const socket = io(`${servers.a().url}/console`, { transports: ['websocket'] });
  const outcome = await new Promise<string>((resolve) => {
    socket.on('connect_error', () => resolve('refused'));
    socket.on('disconnect', () => resolve('disconnected'));
    setTimeout(() => resolve('timeout'), 4000);
  });
  socket.close();
  expect(['refused', 'disconnected']).toContain(outcome);
});

test("a resident's typing in web chat reaches the agents' consoles", async () => {
  const { client } = await signedInAgent(servers.a());
  const agentSocket = io(`${servers.a().url}/console`, { transports: ['websocket'], extraHeaders: { cookie: `ca_session=${client.cookie}` } });
  // Listen before anything else is awaited, or the events may come and go unheard.
  const agentConnected = new Promise((resolve, reject) => {
    agentSocket.once('connect', () => resolve(undefined));
    setTimeout(() => reject(new Error('console socket did not connect')), 5000);
  });
  const resident = await new Resident(servers.a().url).start();
  // Handed off to the general queue, which every agent may see (need-to-know: handoff/queue/access.ts).
  await resident.say('can I talk to a person please');
  const residentSocket = io(servers.a().url, { auth: { conversationId: resident.conversationId, token: resident.token }, transports: ['websocket'] });
  const residentReady = new Promise((resolve, reject) => {
    residentSocket.once('ready', () => resolve(undefined));
    setTimeout(() => reject(new Error('resident socket not ready')), 5000);
  });
  try {
    await Promise.all([agentConnected, residentReady]);
    await new Promise((r) => setTimeout(r, 200));
    const typing = new Promise<{ conversationId: string; typing: boolean }>((resolve, reject) => {
      agentSocket.on('conversation:typing', resolve);
      setTimeout(() => reject(new Error('no conversation:typing event')), 5000);
    });
    residentSocket.emit('typing', { typing: true });
    expect(await typing).toEqual({ conversationId: resident.conversationId, typing: true });
  } finally {
    agentSocket.close();
    residentSocket.close();
  }
});
