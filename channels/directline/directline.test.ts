import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type * as DirectLineJs from 'botframework-directlinejs';
import { io as connect } from 'socket.io-client';
import WebSocket from 'ws';
import { signedInAgent, type ConsoleClient } from '../../test/console-client.js';
import { startTestServer, type TestServer } from '../../test/server.js';
import { PLAIN_PNG } from '../../files/test-images.fixture.js';
import { FetchXMLHttpRequest } from './node-xhr.fixture.js';

/**
 * Direct Line 3.0 against the real server, no stand-in: Microsoft's DirectLineJS (WebSockets off,
 * polling as a client behind a proxy would) reports a missed bin with button values and typed
 * answers to a case reference; an agent's reply after a handoff and the join notice arrive on the
 * same conversation; the WebSocket stream sends ActivitySets from a watermark, and other upgrades
 * (socket.io) still work; tokens are bound, refreshed and refused as Microsoft's; bad requests are
 * problem details.
 */

const require = createRequire(import.meta.url);
// DirectLineJS speaks through rxjs's ajax, which needs a browser's XMLHttpRequest: one over fetch.
(globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest = FetchXMLHttpRequest;
const { DirectLine, ConnectionStatus } = require('botframework-directlinejs') as typeof DirectLineJs;

const SECRET = 'dl-test-secret-0123456789-abcdefghijklmnopqrstuvwxyz';
const OTHER_SECRET = 'dl-other-secret-0123456789-abcdefghijklmnopqrstuvwxyz';

let server: TestServer;
let base: string;
let agent: ConsoleClient;

beforeAll(async () => {
  server = await startTestServer({ env: { ...process.env, DIRECTLINE_SECRET: SECRET, DIRECTLINE_TOKEN_TTL_SECONDS: '600' } });
  base = `${server.url}/v3/directline`;
  agent = (await signedInAgent(server, { skills: ['waste', 'highways', 'street_scene', 'housing', 'safety', 'social_care'] })).client;
  await server.store.db.updateTable('agents').set({ name: 'Priya Shah' }).where('tenant_id', '=', server.tenant).execute();
}, 60000);
afterAll(async () => {
  await server?.close();
});

interface Activity {
  type: string;
  id?: string;
  text?: string;
  from: { id: string; name?: string; role?: string };
  suggestedActions?: { actions: { type: string; title: string; value: string }[] };
  attachments?: { contentType: string; content?: { title?: string; buttons?: { type: string; value: string }[] } }[];
  channelData?: { clientActivityID?: string; author?: string; notice?: string };
}

async function until<T>(fn: () => T | undefined | Promise<T | undefined>, what: string, ms = 15000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function post(path: string, auth: string | undefined, body?: unknown, raw?: string) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { ...(auth ? { authorization: `Bearer ${auth}` } : {}), 'content-type': 'application/json' },
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: text ? JSON.parse(text) : undefined };
}

async function get(path: string, auth?: string) {
  const res = await fetch(`${base}${path}`, { headers: auth ? { authorization: `Bearer ${auth}` } : {} });
  return { status: res.status, body: await res.json() };
}

/** A resident in DirectLineJS, polling: every activity it read, and a way to say things. */
class Client {
  readonly activities: Activity[] = [];
  readonly dl: InstanceType<typeof DirectLine>;
  private subscription: { unsubscribe(): void };
  constructor(options: { token?: string; secret?: string; conversationId?: string; watermark?: string }) {
    // WebSockets off: it polls GET /activities. (Its services still want a WebSocket class to exist.)
    this.dl = new DirectLine({ ...options, domain: base, webSocket: false, pollingInterval: 200, WebSocket } as never);
    this.subscription = this.dl.activity$.subscribe((a) => this.activities.push(a as unknown as Activity));
  }
  fromBot = () => this.activities.filter((a) => a.type === 'message' && a.from.role === 'bot');
  /** Sends a message (text, or a button's value as Web Chat's messageBack does) and waits for its echo and the bot's answer. */
  async send(message: { text?: string; value?: unknown }): Promise<Activity[]> {
    const before = this.fromBot().length;
    const clientActivityID = `c-${Math.random().toString(36).slice(2)}`;
    const id = await new Promise<string>((resolve, reject) =>
      this.dl.postActivity({ type: 'message', from: { id: 'dl_resident' }, ...message, channelData: { clientActivityID } } as never).subscribe({ next: resolve, error: reject }),
    );
    expect(id).toMatch(/\|\d{7}$/);
    await until(() => this.activities.find((a) => a.channelData?.clientActivityID === clientActivityID), 'the echo');
    await until(() => this.fromBot().length > before || undefined, `an answer to ${JSON.stringify(message)}`);
    await new Promise((r) => setTimeout(r, 700)); // a turn's later replies
    return this.fromBot().slice(before);
  }
  end() {
    this.subscription.unsubscribe();
    this.dl.end();
  }
}

const texts = (as: Activity[]) => as.map((a) => a.text ?? '').join('\n');
const button = (as: Activity[], title: RegExp) => {
  const last = [...as].reverse().find((a) => a.suggestedActions);
  const action = last?.suggestedActions?.actions.find((x) => title.test(x.title));
  if (!action) throw new Error(`no button ${title}; have ${JSON.stringify(last?.suggestedActions)}`);
  expect(action.type).toBe('imBack');
  return action.value;
};

describe('DirectLineJS, polling', () => {
  test('reports a missed bin to a case reference with button values and typed answers', async () => {
    const generated = await post('/tokens/generate', SECRET, { user: { id: 'dl_resident' } });
    expect(generated.status).toBe(200);
    expect(generated.body).toEqual({ conversationId: expect.any(String), token: expect.any(String), expires_in: 600 });
    const client = new Client({ token: generated.body.token });
    try {
      const greeting = await until(() => client.fromBot()[0], 'the greeting');
      expect(greeting.text).toMatch(/online assistant/);
      expect(greeting.from).toMatchObject({ role: 'bot', name: expect.any(String) });
      expect(client.dl.connectionStatus$.getValue()).toBe(ConnectionStatus.Online);

      let replies = await client.send({ value: button([greeting], /missed bin/i) });
      expect(texts(replies)).toMatch(/postcode/i);
      replies = await client.send({ text: 'MB1 1AD' });
      replies = await client.send({ value: replies.some((r) => r.suggestedActions) ? button(replies, /.+/) : '1' });
      for (const answer of ['general rubbish', 'yes', 'skip', 'no', 'no']) replies = await client.send({ text: answer });
      replies = await client.send({ text: 'yes' });
      const reference = /MBC-\d{6}/.exec(texts(replies))?.[0];
      expect(reference).toBeDefined();
      const cases = await server.store.db.selectFrom('cases').select(['reference', 'conversation_id']).where('reference', '=', reference!).execute();
      expect(cases).toEqual([{ reference, conversation_id: generated.body.conversationId }]);

      // Polling read each activity once, in order; the resident's own messages came back as echoes.
      const ids = client.activities.map((a) => a.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(client.activities.filter((a) => a.from.role === 'user').every((a) => a.from.id === 'dl_resident')).toBe(true);
    } finally {
      client.end();
    }
  });

  test("an agent's reply and the join notice after a handoff arrive in the same conversation", async () => {
    const client = new Client({ secret: SECRET });
    try {
      await until(() => client.fromBot()[0], 'the greeting');
      const replies = await client.send({ text: 'I want to speak to a real person' });
      expect(texts(replies)).toMatch(/adviser|team|person/i);
      const conversationId = (client.dl as unknown as { conversationId: string }).conversationId;
      const handoff = await until(async () => ((await agent.call('GET', '/queue')).body.handoffs as { id: string; conversationId: string }[]).find((h) => h.conversationId === conversationId), 'the handoff');
      expect((await agent.call('POST', `/handoffs/${handoff.id}/accept`)).status).toBe(200);
      const joined = await until(() => client.fromBot().find((a) => /Priya from .+ has joined/.test(a.text ?? '')), 'the join notice');
      expect(joined.channelData).toMatchObject({ author: 'system', notice: 'agent_joined' });
      expect((await agent.call('POST', `/conversations/${conversationId}/messages`, { text: 'Hello, I can help with that.' })).status).toBe(201);
      const reply = await until(() => client.fromBot().find((a) => a.text === 'Hello, I can help with that.'), "the agent's reply");
      expect(reply.from).toMatchObject({ name: 'Priya', role: 'bot' });
      expect(reply.channelData?.author).toBe('agent');
      // The resident's answer reaches the agent, and the assistant stays quiet.
      const before = client.fromBot().length;
      await new Promise<string>((resolve, reject) => client.dl.postActivity({ type: 'message', from: { id: 'r' }, text: 'Thank you' } as never).subscribe({ next: resolve, error: reject }));
      const transcript = await until(async () => {
        const t = await agent.call('GET', `/conversations/${conversationId}`);
        return JSON.stringify(t.body).includes('Thank you') ? t : undefined;
      }, 'the message in the console');
      expect(transcript.status).toBe(200);
      await new Promise((r) => setTimeout(r, 600));
      expect(client.fromBot().length).toBe(before);
    } finally {
      client.end();
    }
  });
});

describe('the WebSocket stream', () => {
  test('sends ActivitySets from the watermark, a resume gets a new streamUrl, and socket.io still upgrades', async () => {
    const started = await post('/conversations', SECRET);
    expect(started.status).toBe(201);
    const { conversationId, token, streamUrl } = started.body as { conversationId: string; token: string; streamUrl: string };
    expect(streamUrl).toMatch(new RegExp(`^ws://127\\.0\\.0\\.1:\\d+/v3/directline/conversations/${conversationId}/stream\\?watermark=0&t=`));
    const sets: { activities: Activity[]; watermark?: string }[] = [];
    const ws = new WebSocket(streamUrl);
    ws.on('message', (data) => {
      const text = data.toString();
      if (!text) return; // a keepalive
      sets.push(JSON.parse(text));
    });
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    await until(() => sets.find((s) => s.activities.some((a) => /online assistant/.test(a.text ?? ''))), 'the greeting on the stream');
    expect(sets[0].watermark).toBe('1');

    const sent = await post(`/conversations/${conversationId}/activities`, token, { type: 'message', from: { id: 'u1' }, text: 'When is my bin day?', channelData: { clientActivityID: 'x1' } });
    expect(sent.status).toBe(200);
    expect(sent.body.id).toBe(`${conversationId}|0000002`);
    await until(() => sets.find((s) => s.activities.some((a) => a.channelData?.clientActivityID === 'x1')), 'the echo on the stream');
    await until(() => sets.find((s) => s.activities.some((a) => a.type === 'typing')), 'typing on the stream');
    const answer = await until(() => sets.find((s) => s.watermark && Number(s.watermark) >= 3), 'the answer on the stream');
    expect(answer.activities.every((a) => a.type === 'message')).toBe(true);
    ws.close();

    // A repeat of the same client id is the same activity: not stored or answered twice.
    const again = await post(`/conversations/${conversationId}/activities`, token, { type: 'message', from: { id: 'u1' }, text: 'When is my bin day?', channelData: { clientActivityID: 'x1' } });
    expect(again.body.id).toBe(`${conversationId}|0000002`);
    const all = await get(`/conversations/${conversationId}/activities`, token);
    expect(all.body.activities.filter((a: Activity) => a.channelData?.clientActivityID === 'x1')).toHaveLength(1);

    // Resuming from a watermark: a new streamUrl that sends only what came after it.
    const watermark = Number(all.body.watermark);
    const resumed = await get(`/conversations/${conversationId}?watermark=${watermark - 1}`, token);
    expect(resumed.status).toBe(200);
    expect(resumed.body).toMatchObject({ conversationId, token, streamUrl: expect.stringContaining(`watermark=${watermark - 1}&t=`) });
    const ws2 = new WebSocket(resumed.body.streamUrl);
    const first = await new Promise<{ activities: Activity[]; watermark: string }>((resolve, reject) => ws2.once('message', (d) => resolve(JSON.parse(d.toString()))).once('error', reject));
    expect(first.activities).toHaveLength(1);
    expect(first.watermark).toBe(String(watermark));
    ws2.close();

    // A stream token for another conversation, or none, is refused before the upgrade.
    const refused = new WebSocket(streamUrl.replace(conversationId, resumed.body.conversationId === conversationId ? 'not-a-conversation' : conversationId).replace(/t=[^&]+/, 't=nope'));
    const status = await new Promise<number>((resolve) => refused.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)).once('error', () => resolve(-1)));
    expect(status).toBe(403);

    // socket.io's upgrades on the same server are untouched.
    const io = new WebSocket(`${server.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
    const opened = await new Promise<string>((resolve, reject) => io.once('message', (d) => resolve(d.toString())).once('error', reject));
    expect(opened).toMatch(/^0\{"sid"/);
    io.close();
  });

  test("an agent's typing and reply after a handoff arrive on the stream", async () => {
    const { body } = await post('/conversations', SECRET);
    const sets: { activities: Activity[]; watermark?: string }[] = [];
    const ws = new WebSocket(body.streamUrl);
    ws.on('message', (d) => d.toString() && sets.push(JSON.parse(d.toString())));
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    await post(`/conversations/${body.conversationId}/activities`, body.token, { type: 'message', from: { id: 'u' }, text: 'I want to speak to a real person' });
    const handoff = await until(async () => ((await agent.call('GET', '/queue')).body.handoffs as { id: string; conversationId: string }[]).find((h) => h.conversationId === body.conversationId), 'the handoff');
    expect((await agent.call('POST', `/handoffs/${handoff.id}/accept`)).status).toBe(200);
    await until(() => sets.find((s) => s.activities.some((a) => /has joined/.test(a.text ?? ''))), 'the join notice on the stream');
    const consoleSocket = connect(`${server.url}/console`, { path: '/socket.io', transports: ['websocket'], extraHeaders: { cookie: `ca_session=${agent.cookie}` }, reconnection: false });
    try {
      await new Promise<void>((resolve, reject) => consoleSocket.once('connect', () => resolve()).once('connect_error', reject));
      expect(await consoleSocket.emitWithAck('typing', { conversationId: body.conversationId, typing: true })).toEqual({ ok: true });
      const typing = await until(() => sets.flatMap((s) => s.activities).find((a) => a.type === 'typing' && a.from.name === 'Priya'), "the agent's typing");
      expect(typing.from.role).toBe('bot');
      await agent.call('POST', `/conversations/${body.conversationId}/messages`, { text: 'Typing done: how can I help?' });
      await until(() => sets.flatMap((s) => s.activities).find((a) => a.text === 'Typing done: how can I help?'), "the agent's reply on the stream");
    } finally {
      consoleSocket.close();
      ws.close();
    }
  });
});

describe('files', () => {
  test("an upload as Web Chat sends it is kept, echoed and answered; a type not kept is refused in the resident's words", async () => {
    const { body } = await post('/conversations', SECRET);
    const upload = (file: Blob, name: string, clientActivityID: string) => {
      const form = new FormData();
      form.append('activity', new Blob([JSON.stringify({ type: 'message', from: { id: 'dl_resident' }, channelData: { clientActivityID }, attachments: [{ contentType: file.type, name }] })], { type: 'application/vnd.microsoft.activity' }));
      form.append('file', file, name);
      return fetch(`${base}/conversations/${body.conversationId}/upload?userId=dl_resident`, { method: 'POST', headers: { authorization: `Bearer ${body.token}` }, body: form });
    };
    const res = await upload(new Blob([new Uint8Array(PLAIN_PNG)], { type: 'image/png' }), 'bin.png', 'f1');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { id: string }).id).toBe(`${body.conversationId}|0000002`);
    const read = await until(async () => {
      const r = await get(`/conversations/${body.conversationId}/activities?watermark=1`, body.token);
      return r.body.activities.length >= 2 ? r.body : undefined;
    }, 'the echo and the answer');
    expect(read.activities[0]).toMatchObject({ from: { id: 'dl_resident', role: 'user' }, text: '(photo sent: bin.png)', channelData: { clientActivityID: 'f1' } });
    expect(read.activities[1].text).toMatch(/Thank you for the photo/);
    const files = await server.store.db.selectFrom('media_files' as never).select(['status' as never, 'message_id' as never]).where('conversation_id' as never, '=', body.conversationId as never).execute();
    expect(files).toEqual([{ status: 'stored', message_id: expect.anything() }]);

    const gif = await upload(new Blob([Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1')], { type: 'image/gif' }), 'x.gif', 'f2');
    expect(gif.status).toBe(415);
    expect(((await gif.json()) as { detail: string }).detail).toMatch(/^Sorry, I couldn't keep the photo you sent/);
    const notMultipart = await post(`/conversations/${body.conversationId}/upload`, body.token, { type: 'message' });
    expect(notMultipart.status).toBe(415);
  });
});

describe('tokens and refusals', () => {
  test('a token is bound to its conversation, refreshes, and is refused when forged, foreign or expired', async () => {
    const a = await post('/tokens/generate', SECRET);
    const b = await post('/tokens/generate', SECRET);
    const refreshed = await post('/tokens/refresh', a.body.token);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toMatchObject({ conversationId: a.body.conversationId, expires_in: 600 });
    expect(refreshed.body.token).not.toBe(a.body.token);
    // A token opens only its own conversation.
    const foreign = await get(`/conversations/${b.body.conversationId}/activities`, a.body.token);
    expect(foreign.status).toBe(403);
    expect(foreign.body).toMatchObject({ status: 403, error: { code: 'BadArgument' } });
    // A forged signature, a wrong secret, a refresh with the secret, generating with a token.
    const forged = a.body.token.replace(/.{4}$/, 'AAAA');
    expect((await post('/tokens/refresh', forged)).status).toBe(403);
    expect((await post('/tokens/generate', OTHER_SECRET)).status).toBe(403);
    expect((await post('/tokens/refresh', SECRET)).status).toBe(403);
    expect((await post('/tokens/generate', a.body.token)).status).toBe(403);
    // No credential at all.
    const none = await post('/conversations', undefined);
    expect(none.status).toBe(401);
    expect(none.type).toMatch(/application\/problem\+json/);
  });

  test('an expired token is refused as expired', async () => {
    const { signToken } = await import('./tokens.js');
    const { body } = await post('/tokens/generate', SECRET);
    const old = signToken(SECRET, { tenant: server.tenant, conv: body.conversationId }, new Date(Date.now() - 3600_000), 600).token;
    const res = await get(`/conversations/${body.conversationId}/activities`, old);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('TokenExpired');
  });

  test('unknown conversations are 404, bad bodies 400, and nothing is stored from them', async () => {
    const unknown = await get('/conversations/00000000-0000-4000-8000-000000000000', SECRET);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ title: 'Conversation not found', status: 404 });
    expect((await post('/conversations/00000000-0000-4000-8000-000000000000/activities', SECRET, { type: 'message', text: 'hi' })).status).toBe(404);

    const { body } = await post('/conversations', SECRET);
    const path = `/conversations/${body.conversationId}/activities`;
    const bad = [
      [undefined, '{"type":'],
      [{ text: 'no type' }],
      [{ type: 'message' }],
      [{ type: 'message', text: 'x'.repeat(5000) }],
      [{ type: 'message', value: { nothing: 1 } }],
      [{ type: 'message', text: 'a photo', attachments: [{ contentType: 'image/png', contentUrl: 'file:///etc/passwd' }] }],
    ] as const;
    for (const [json, raw] of bad) {
      const res = await post(path, body.token, json, raw);
      expect({ sent: raw ?? json, status: res.status }).toEqual({ sent: raw ?? json, status: 400 });
      expect(res.type).toMatch(/application\/problem\+json/);
      expect(res.body.detail).toEqual(expect.any(String));
    }
    expect((await get(`/conversations/${body.conversationId}/activities?watermark=abc`, body.token)).status).toBe(400);
    const stored = await server.store.db.selectFrom('messages').select('id').where('conversation_id', '=', body.conversationId).where('direction', '=', 'in').execute();
    expect(stored).toEqual([]);
    // Typing is acknowledged and not kept.
    const typing = await post(path, body.token, { type: 'typing', from: { id: 'u' } });
    expect(typing.status).toBe(200);
    expect(typing.body.id).toEqual(expect.any(String));
  });

  test('a conversation sending faster than anyone types is throttled with Retry-After', async () => {
    const { body } = await post('/conversations', SECRET);
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await post(`/conversations/${body.conversationId}/activities`, body.token, { type: 'message', text: `hello ${i}` })).status);
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    const res = await fetch(`${base}/conversations/${body.conversationId}/activities`, { method: 'POST', headers: { authorization: `Bearer ${body.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ type: 'message', text: 'one more' }) });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another conversation is not held back by it.
    const other = await post('/conversations', SECRET);
    expect((await post(`/conversations/${other.body.conversationId}/activities`, other.body.token, { type: 'message', text: 'hello' })).status).toBe(200);
  });

  test('CORS lets a council site call it with a bearer token', async () => {
    const res = await fetch(`${base}/conversations`, { method: 'OPTIONS', headers: { origin: 'https://www.council.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,x-ms-bot-agent' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
  });
});
