/**
 * The channel seam end to end, through a channel defined in one file (channels/webhook.ts) and one
 * registry line: signed messages in, a turn, a handoff, an agent's join notice and reply, a hand
 * back, a close and a message after it, every reply and notice delivered once to the platform's
 * endpoint (a local receiver that checks the signature and drops repeated idempotency keys).
 */
import http from 'node:http';
import { createHmac } from 'node:crypto';
import { signedInAgent } from '../test/console-client.js';
import { startTestServer, type TestServer } from '../test/server.js';

const SECRET = 'webhook-test-secret-0123456789';
const wednesdayMorning = () => new Date('2026-11-18T11:00:00Z'); // staff are in
const sign = (timestamp: string, body: string) => `sha256=${createHmac('sha256', SECRET).update(`${timestamp}.${body}`).digest('hex')}`;

interface Delivered {
  id: string;
  conversationId: string;
  user: string;
  author: string;
  text: string;
  notice?: string;
  handoff?: { priority: string };
  suggestions?: { label: string; value: string }[];
}

let server: TestServer;
let receiver: http.Server;
const delivered: Delivered[] = [];
const keys = new Set<string>();
let attempts = 0;
let failNext = 0;

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      attempts++;
      if (req.headers['x-webhook-signature'] !== sign(String(req.headers['x-webhook-timestamp']), body)) return void res.writeHead(401).end();
      if (failNext > 0) {
        failNext--;
        return void res.writeHead(503).end();
      }
      const key = String(req.headers['idempotency-key']);
      if (!keys.has(key)) {
        keys.add(key);
        delivered.push(JSON.parse(body) as Delivered);
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `platform-${keys.size}` }));
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/inbox`;
  server = await startTestServer({ clock: wednesdayMorning, env: { WEBHOOK_CHANNEL_SECRET: SECRET, WEBHOOK_CHANNEL_URL: url } });
}, 120_000);

afterAll(async () => {
  await server?.close();
  await new Promise<void>((r) => receiver?.close(() => r()));
});

async function send(user: string, id: string, text: string, opts: { signature?: string; raw?: string } = {}) {
  const body = opts.raw ?? JSON.stringify({ tenant: server.tenant, user, id, text });
  const timestamp = String(Math.floor(wednesdayMorning().getTime() / 1000));
  return fetch(`${server.url}/channels/webhook/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-webhook-timestamp': timestamp, 'x-webhook-signature': opts.signature ?? sign(timestamp, body) },
    body,
  });
}

async function until<T>(check: () => T | undefined | Promise<T | undefined>, what: string, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const to = (user: string) => delivered.filter((d) => d.user === user);

test('unsigned, stale or malformed requests are refused with a problem and nothing is stored', async () => {
  const bad = await send('u-bad', 'm-1', 'hello', { signature: 'sha256=00' });
  expect(bad.status).toBe(401);
  expect(bad.headers.get('content-type')).toMatch(/problem\+json/);
  const timestamp = String(Math.floor(wednesdayMorning().getTime() / 1000) - 3600);
  const body = JSON.stringify({ tenant: server.tenant, user: 'u-bad', id: 'm-2', text: 'hello' });
  const stale = await fetch(`${server.url}/channels/webhook/messages`, {
    method: 'POST',
    headers: { 'x-webhook-timestamp': timestamp, 'x-webhook-signature': sign(timestamp, body) },
    body,
  });
  expect(stale.status).toBe(401);
  expect((await send('u-bad', 'm-3', '', { raw: '{"user":' })).status).toBe(400);
  expect((await send('u-bad', 'm-4', '', { raw: JSON.stringify({ user: 'u-bad', id: 'm-4', text: 3 }) })).status).toBe(400);
  const stored = await server.store.db.selectFrom('conversations').select('id').where('channel_user_id', '=', 'u-bad').execute();
  expect(stored).toHaveLength(0);
});

test('a turn is answered on the channel; a repeated message id is a duplicate, answered once', async () => {
  failNext = 1; // the platform is briefly down: the delivery is retried, and arrives once
  const first = await send('u-1', 'm-1', 'when is my bin collected');
  expect(first.status).toBe(202);
  const accepted = (await first.json()) as { conversationId: string; messageId: string; duplicate: boolean };
  expect(accepted.duplicate).toBe(false);
  const again = (await (await send('u-1', 'm-1', 'when is my bin collected')).json()) as { conversationId: string; duplicate: boolean };
  expect(again).toMatchObject({ conversationId: accepted.conversationId, duplicate: true });
  await until(() => to('u-1')[0], 'the reply on the channel');
  await new Promise((r) => setTimeout(r, 500));
  const replies = await server.store.db.selectFrom('messages').select(['status', 'provider_message_id']).where('conversation_id', '=', accepted.conversationId).where('direction', '=', 'out').execute();
  expect(to('u-1')).toHaveLength(replies.length);
  expect(replies.every((r) => r.status === 'sent' && r.provider_message_id?.startsWith('platform-'))).toBe(true);
  expect(attempts).toBeGreaterThan(to('u-1').length); // the 503 was retried
  // Another user reusing the same message id is their own message, not a duplicate of u-1's.
  const other = (await (await send('u-2', 'm-1', 'hello')).json()) as { conversationId: string; duplicate: boolean };
  expect(other.duplicate).toBe(false);
  expect(other.conversationId).not.toBe(accepted.conversationId);
});

test('handoff, agent joins and replies, hands back, closes; notices arrive once each; a message after the close starts afresh', async () => {
  const { client } = await signedInAgent(server, { now: wednesdayMorning });
  const user = 'u-handoff';
  let n = 0;
  const say = async (text: string) => expect((await send(user, `h-${++n}`, text)).status).toBe(202);

  await say('can I talk to a person please');
  await until(() => to(user).find((d) => d.handoff), 'the handoff reply');
  const waiting = async () => ((await client.call('GET', '/queue')).body.handoffs as { id: string; channel: string; conversationId: string }[]).find((h) => h.channel === 'webhook');
  const handoff = await until(waiting, 'the handoff in the queue');
  expect((await client.call('POST', `/handoffs/${handoff.id}/accept`)).status).toBe(200);
  await until(() => to(user).find((d) => d.notice === 'agent_joined'), 'the join notice');
  expect((await client.call('POST', `/conversations/${handoff.conversationId}/messages`, { text: 'Hello, I can help with that.' })).status).toBeLessThan(300);
  const reply = await until(() => to(user).find((d) => d.author === 'agent'), "the agent's reply");
  expect(reply.text).toBe('Hello, I can help with that.');
  expect((await client.call('POST', `/conversations/${handoff.conversationId}/hand-back`)).status).toBe(204);
  await until(() => to(user).find((d) => d.notice === 'handed_back'), 'the hand-back notice');

  await say('can I talk to a person please');
  const second = await until(async () => {
    const h = await waiting();
    return h && h.id !== handoff.id ? h : undefined;
  }, 'the second handoff');
  expect((await client.call('POST', `/handoffs/${second.id}/accept`)).status).toBe(200);
  expect((await client.call('POST', `/conversations/${second.conversationId}/close`, { outcome: 'resolved' })).status).toBe(204);
  await until(() => to(user).find((d) => d.notice === 'closed'), 'the close notice');

  await new Promise((r) => setTimeout(r, 1000));
  const notices = to(user).map((d) => d.notice).filter(Boolean);
  expect(notices).toEqual(['agent_joined', 'handed_back', 'agent_joined', 'closed']);

  const before = to(user).length;
  await say('hello again');
  const fresh = await until(() => to(user).slice(before)[0], 'the reply after the close');
  expect(fresh.conversationId).not.toBe(handoff.conversationId);
  const states = await server.store.db.selectFrom('conversations').select(['id', 'state']).where('channel_user_id', '=', user).orderBy('created_at').execute();
  expect(states.map((s) => s.state)).toEqual(['closed', 'bot']);
}, 90_000);
