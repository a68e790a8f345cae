import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from './config.js';
import { startServer, type RunningServer } from './server.js';
import { Resident, startTestServer } from '../test/server.js';

let server: RunningServer;
let contentDir: string;

// Two councils: the demo and a copy under another tenant id, to prove one cannot see the other.
beforeAll(async () => {
  contentDir = fs.mkdtempSync(path.join(os.tmpdir(), 'content-'));
  fs.cpSync(path.resolve('content/demo'), path.join(contentDir, 'demo'), { recursive: true });
  fs.cpSync(path.resolve('content/demo'), path.join(contentDir, 'other'), { recursive: true });
  const settings = path.join(contentDir, 'other', 'settings.yaml');
  fs.writeFileSync(
    settings,
    fs.readFileSync(settings, 'utf8').replace('tenant: demo', 'tenant: other').replace('caseReferencePrefix: MBC', 'caseReferencePrefix: OTH').replace('councilName: Merebrook Borough Council', 'councilName: Otherton District Council'),
  );
  server = await startTestServer({ contentDir });
}, 120_000);
afterAll(async () => {
  await server?.close();
});

const post = (p: string, body: string | undefined, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${p}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('conversations API', () => {
  test('creating with {} uses the demo council; with a tenant uses that one', async () => {
    let res = await post('/api/v1/conversations', '{}');
    expect(res.status).toBe(201);
    const a = (await res.json()) as { conversationId: string; token: string };
    expect(a.conversationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.token.length).toBeGreaterThan(20);
    res = await post('/api/v1/conversations', JSON.stringify({ tenant: 'other' }));
    expect(res.status).toBe(201);
    res = await fetch(`${server.url}/api/v1/conversations`, { method: 'POST' });
    expect(res.status).toBe(201);
  });

  test('transcript: the greeting, then each message and its replies in order', async () => {
    const r = await new Resident(server.url, 'other').start();
    await r.say('hello');
    const t = await r.transcript();
    expect(t.state).toBe('bot');
    expect(t.messages[0].text).toMatch(/Otherton/);
    expect(t.messages.map((m) => m.direction)).toEqual(['out', 'in', 'out']);
  });
});

describe('bad input gets a clear problem response and loses nothing', () => {
  let r: Resident;
  beforeAll(async () => {
    r = await new Resident(server.url).start();
  });
  const messages = (body: string | undefined, headers: Record<string, string> = {}) =>
    post(`/api/v1/conversations/${r.conversationId}/messages`, body, { authorization: `Bearer ${r.token}`, ...headers });

  async function expectProblem(res: Response, status: number, title?: RegExp) {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const body = (await res.json()) as { title: string; status: number; detail?: string };
    expect(body.status).toBe(status);
    if (title) expect(body.title).toMatch(title);
    return body;
  }

  test('wrong types, missing text, empty text, unknown fields', async () => {
    const body = (await expectProblem(await messages(JSON.stringify({ text: 42 })), 400)) as unknown as { errors: { path: string }[] };
    expect(body.errors[0].path).toBe('text');
    await expectProblem(await messages(JSON.stringify({})), 400);
    await expectProblem(await messages(JSON.stringify({ text: '   ' })), 400);
    await expectProblem(await messages(JSON.stringify({ text: 'hi', admin: true })), 400);
    await expectProblem(await messages(JSON.stringify(['text'])), 400);
  });

  test('malformed JSON, oversize bodies, and bodies that are not JSON', async () => {
    await expectProblem(await messages('{"text": "unclosed'), 400, /Malformed JSON/);
    await expectProblem(await messages(JSON.stringify({ text: 'x'.repeat(20_000) })), 413);
    await expectProblem(await messages(JSON.stringify({ text: 'y'.repeat(2001) })), 400);
    await expectProblem(await messages('text=hello', { 'content-type': 'application/x-www-form-urlencoded' }), 415);
  });

  test('unknown conversations, missing and wrong tokens, unknown tenants', async () => {
    await expectProblem(await post('/api/v1/conversations/00000000-0000-4000-8000-000000000000/messages', JSON.stringify({ text: 'hi' }), { authorization: `Bearer ${r.token}` }), 404);
    await expectProblem(await post('/api/v1/conversations/not-a-uuid/messages', JSON.stringify({ text: 'hi' }), { authorization: `Bearer ${r.token}` }), 404);
    await expectProblem(await post(`/api/v1/conversations/${r.conversationId}/messages`, JSON.stringify({ text: 'hi' })), 401);
    await expectProblem(await messages(JSON.stringify({ text: 'hi' }), { authorization: 'Bearer wrong-token-wrong-token' }), 401);
    const other = await new Resident(server.url).start();
    await expectProblem(await messages(JSON.stringify({ text: 'hi' }), { authorization: `Bearer ${other.token}` }), 401);
    await expectProblem(await post('/api/v1/conversations', JSON.stringify({ tenant: 'atlantis' })), 404, /Unknown tenant/);
    await expectProblem(await post('/api/v1/conversations', JSON.stringify({ tenant: 7 })), 400);
    await expectProblem(await fetch(`${server.url}/api/v1/nope`), 404);
  });

  test('after all that, the conversation still works and nothing was stored from the refused requests', async () => {
    const replies = await r.say('hello');
    expect(replies[0].text).toMatch(/Merebrook/);
    const t = await r.transcript();
    expect(t.messages.filter((m) => m.direction === 'in').map((m) => m.text)).toEqual(['hello']);
  });
});

describe('tenant scoping', () => {
  test("one council's case reference is unknown to another council's assistant", async () => {
    const demo = await new Resident(server.url, 'demo').start();
    await demo.say('report a missed bin');
    for (const answer of ['MB1 1AD', '1', 'general rubbish', 'yes', 'skip', 'no', 'no', 'yes']) await demo.say(answer);
    const ref = /MBC-\d{6}/.exec((await demo.transcript()).messages.map((m) => m.text).join('\n'))?.[0];
    expect(ref).toBeDefined();
    const other = await new Resident(server.url, 'other').start();
    const replies = await other.say(`what's happening with my report ${ref}`);
    expect(replies[0].text).toMatch(/can't find/i);
    const same = await demo.say(`what's happening with my report ${ref}`);
    expect(same[0].text).toContain(ref);
  });
});

describe('operational endpoints', () => {
  test('health, metrics and the OpenAPI document', async () => {
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    // The demo council has nobody on its on-call rota (and no Notify key here): 'degraded', still 200.
    expect(((await health.json()) as { status: string }).status).toBe('degraded');
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/assistant_turns_total\{tenant="demo"/);
    expect(metrics).toMatch(/http_request_duration_seconds_bucket/);
    const doc = (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/conversations', '/api/v1/conversations/{id}/messages']));
  });

  test('typeahead suggestions are fast and relevant', async () => {
    const started = performance.now();
    const res = await fetch(`${server.url}/api/v1/suggestions?tenant=demo&q=council%20ta`);
    const body = (await res.json()) as { suggestions: { text: string }[] };
    expect(performance.now() - started).toBeLessThan(200);
    expect(body.suggestions.length).toBeGreaterThan(0);
    expect(body.suggestions.every((s) => /council tax/i.test(s.text))).toBe(true);
  });
});

describe('configuration', () => {
  test('defaults with nothing set', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, dataDir: './data', databaseUrl: undefined, redisUrl: undefined });
  });
  test('every bad value is reported with its name', () => {
    let err: ConfigError | undefined;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', REDIS_URL: 'http://x', PUBLIC_URL: 'not a url' });
    } catch (e) {
      err = e as ConfigError;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const text = err!.problems.join('\n');
    for (const name of ['PORT', 'DATABASE_URL', 'REDIS_URL', 'PUBLIC_URL']) expect(text).toContain(name);
  });
  test('a broken content pack stops the start with the file and line', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'content-'));
    fs.cpSync(path.resolve('content/demo'), path.join(dir, 'demo'), { recursive: true });
    fs.appendFileSync(path.join(dir, 'demo', 'flows', 'noise.yaml'), '\nsteps: [\n');
    await expect(startServer({ port: 0, dataDir: null, contentDir: dir, log: false })).rejects.toThrow(/flows\/noise\.yaml:\d+/);
  });
});
