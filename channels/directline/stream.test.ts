import http from 'node:http';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import WebSocket, { WebSocketServer } from 'ws';
import type { Activity } from './activities.js';
import { directLineConfigFromEnv, DirectLineConfigError } from './config.js';
import { attachStream, StreamHub, type Stream } from './stream.js';

/**
 * The stream on its own: answers only its path (another WebSocket server on the same HTTP server
 * keeps its upgrades), refuses before upgrading, sends empty keepalives, reads again when woken.
 * And the configuration's checks at start.
 */

let server: http.Server;
let stream: Stream;
let other: WebSocketServer;
let url = '';
const hub = new StreamHub();
let log: Activity[] = [];

beforeAll(async () => {
  server = http.createServer((_req, res) => res.writeHead(404).end());
  stream = attachStream(server, {
    hub,
    log: { warn: () => undefined },
    keepaliveMs: 100,
    pollMs: 60_000,
    authorise: async (id, t) => (id === 'c1' && t === 'good' ? { ok: true } : { ok: false, status: id === 'c1' ? 403 : 404 }),
    read: async (_id, watermark) => ({ activities: log.slice(watermark), watermark: log.length }),
  });
  // Someone else's WebSocket path on the same server (as socket.io is).
  other = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    if (req.url?.startsWith('/other')) other.handleUpgrade(req, socket, head, (ws) => ws.send('other here'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `ws://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await stream.close();
  other.close();
  await new Promise((r) => server.close(r));
});

const message = (n: number): Activity => ({ type: 'message', id: `c1|${String(n).padStart(7, '0')}`, text: `m${n}` });

test('backlog from the watermark, then what a wake finds, with empty keepalives between', async () => {
  log = [message(1), message(2), message(3)];
  const ws = new WebSocket(`${url}/v3/directline/conversations/c1/stream?watermark=1&t=good`);
  const frames: string[] = [];
  ws.on('message', (d) => frames.push(d.toString()));
  await new Promise((r) => ws.once('open', r));
  await new Promise((r) => setTimeout(r, 250));
  expect(JSON.parse(frames[0])).toEqual({ activities: [message(2), message(3)], watermark: '3' });
  expect(frames.slice(1).every((f) => f === '')).toBe(true);
  expect(frames.length).toBeGreaterThan(1);
  log.push(message(4));
  hub.wake('c1');
  hub.typing('c1', { type: 'typing' });
  await new Promise((r) => setTimeout(r, 100));
  const sets = frames.filter(Boolean).map((f) => JSON.parse(f));
  expect(sets).toContainEqual({ activities: [message(4)], watermark: '4' });
  expect(sets).toContainEqual({ activities: [{ type: 'typing' }] });
  ws.close();
  await new Promise((r) => setTimeout(r, 50));
  expect(hub.count()).toBe(0);
});

test('refused before the upgrade, and other paths are left to their owner', async () => {
  const status = (path: string) =>
    new Promise<number>((resolve) => {
      const ws = new WebSocket(`${url}${path}`);
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.once('open', () => resolve(101));
    });
  expect(await status('/v3/directline/conversations/c1/stream?t=bad')).toBe(403);
  expect(await status('/v3/directline/conversations/c2/stream?t=good')).toBe(404);
  const ws = new WebSocket(`${url}/other`);
  expect(await new Promise((r) => ws.once('message', (d) => r(d.toString())))).toBe('other here');
  ws.close();
});

test('configuration: none is off; every problem is listed at start, secrets never echoed', () => {
  expect(directLineConfigFromEnv({}, ['demo'], 'demo')).toBeNull();
  const good = 'a'.repeat(40);
  expect(directLineConfigFromEnv({ DIRECTLINE_SECRET: good, DIRECTLINE_SECRET__WEST_SUSSEX: 'b'.repeat(40) }, ['demo', 'west-sussex'], 'demo')).toEqual({
    secrets: new Map([
      ['demo', good],
      ['west-sussex', 'b'.repeat(40)],
    ]),
    tokenTtlSeconds: 1800,
  });
  let error: DirectLineConfigError | undefined;
  try {
    directLineConfigFromEnv({ DIRECTLINE_SECRET: 'short', DIRECTLINE_SECRET__DEMO: good, DIRECTLINE_SECRET__NOWHERE: good, DIRECTLINE_SECRET__WEST_SUSSEX: good, DIRECTLINE_TOKEN_TTL_SECONDS: '5' }, ['demo', 'west-sussex'], 'demo');
  } catch (err) {
    error = err as DirectLineConfigError;
  }
  expect(error).toBeInstanceOf(DirectLineConfigError);
  expect(error!.problems).toEqual([
    expect.stringMatching(/^DIRECTLINE_SECRET is too short/),
    expect.stringMatching(/^DIRECTLINE_SECRET__NOWHERE names no council/),
    expect.stringMatching(/^DIRECTLINE_SECRET__WEST_SUSSEX is the same secret as DIRECTLINE_SECRET__DEMO/),
    expect.stringMatching(/^DIRECTLINE_TOKEN_TTL_SECONDS must be/),
  ]);
  expect(error!.message).not.toContain(good);
});
