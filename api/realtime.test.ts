import { io } from 'socket.io-client';
import { canRunTwoProcesses, Resident, twoProcessServers } from '../test/server.js';

/**
 * With Redis, live updates cross app processes: a browser connected to one process hears
 * about a message handled by another. Without Redis, one process serves both.
 */
const twoProcesses = canRunTwoProcesses;
const servers = twoProcessServers();

test(`a browser on one process is told of a message handled by ${twoProcesses ? 'another process' : 'the same process'}`, async () => {
  const resident = await new Resident(servers.a().url).start();
  const socket = io(servers.a().url, { auth: { conversationId: resident.conversationId, token: resident.token }, transports: ['websocket'] });
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
    const viaB = new Resident(servers.b().url);
    viaB.conversationId = resident.conversationId;
    viaB.token = resident.token;
    await viaB.say('hello');
    expect((await updated).conversationId).toBe(resident.conversationId);
  } finally {
    socket.close();
  }
});

test('a socket with a wrong token is refused', async () => {
  const resident = await new Resident(servers.a().url).start();
  const socket = io(servers.a().url, { auth: { conversationId: resident.conversationId, token: 'not-the-token' }, transports: ['websocket'] });
  const outcome = await new Promise<string>((resolve) => {
    socket.on('ready', () => resolve('ready'));
    socket.on('disconnect', () => resolve('disconnected'));
    setTimeout(() => resolve('timeout'), 5000);
  });
  socket.close();
  expect(outcome).toBe('disconnected');
});
