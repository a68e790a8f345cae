import { io } from 'socket.io-client';
import { Resident, startTestServer, type TestServer } from '../test/server.js';

/**
 * With Redis, live updates cross app processes: a browser connected to one process hears
 * about a message handled by another. Without Redis, one process serves both.
 */
const twoProcesses = !!process.env.REDIS_URL && !!process.env.DATABASE_URL;

let a: TestServer;
let b: TestServer;
beforeAll(async () => {
  a = await startTestServer();
  // Both processes serve the same council (same content folder), as behind a load balancer.
  b = twoProcesses ? await startTestServer({ contentDir: a.contentDir }) : a;
}, 120_000);
afterAll(async () => {
  if (b !== a) await b?.close();
  await a?.close();
});

test(`a browser on one process is told of a message handled by ${twoProcesses ? 'another process' : 'the same process'}`, async () => {
  const resident = await new Resident(a.url).start();
  const socket = io(a.url, { auth: { conversationId: resident.conversationId, token: resident.token }, transports: ['websocket'] });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.on('ready', () => resolve());
      socket.on('connect_error', reject);
      setTimeout(() => reject(new Error('no ready event')), 5000);
    });
    const updated = new Promise<{ conversationId: string }>((resolve, reject) => {
      socket.on('conversation:updated', resolve);
      setTimeout(() => reject(new Error('no update event')), 5000);
    });
    const viaB = new Resident(b.url);
    viaB.conversationId = resident.conversationId;
    viaB.token = resident.token;
    await viaB.say('hello');
    expect((await updated).conversationId).toBe(resident.conversationId);
  } finally {
    socket.close();
  }
});

test('a socket with a wrong token is refused', async () => {
  const resident = await new Resident(a.url).start();
  const socket = io(a.url, { auth: { conversationId: resident.conversationId, token: 'not-the-token' }, transports: ['websocket'] });
  const outcome = await new Promise<string>((resolve) => {
    socket.on('ready', () => resolve('ready'));
    socket.on('disconnect', () => resolve('disconnected'));
    setTimeout(() => resolve('timeout'), 5000);
  });
  socket.close();
  expect(outcome).toBe('disconnected');
});
