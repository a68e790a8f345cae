import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { io as connect } from 'socket.io-client';
import type { Assistant } from '../bot/index.js';
import type { Store } from '../store/index.js';
import { createSession } from '../handoff/agents/index.js';
import { makeAgent } from '../handoff/queue/test-helpers.js';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { consoleOriginAllowed } from './console/socket.js';
import { createLogger } from './logger.js';
import { createMetrics } from './metrics.js';
import express from 'express';
import { byIp, MemoryCounter, rateLimit, RedisCounter } from './rate-limit.js';
import { repoRoot, startServer, type RunningServer } from './server.js';

/**
 * Abuse and hardening (issue 10, item 9): security headers and CSP, /metrics behind a token,
 * rate limits answered 429 with Retry-After, and the staff socket refusing foreign origins.
 * One real server with low limits; addresses come from X-Forwarded-For (TRUST_PROXY=loopback).
 */

const METRICS_TOKEN = 'test-metrics-token-0123456789';
let server: RunningServer;

beforeAll(async () => {
  const config = loadConfig({
    METRICS_TOKEN,
    RATE_LIMIT_CONVERSATIONS_PER_MINUTE: '3',
    RATE_LIMIT_MESSAGES_PER_MINUTE: '4',
    RATE_LIMIT_MESSAGES_PER_IP_PER_MINUTE: '100',
    RATE_LIMIT_SIGN_IN_PER_MINUTE: '3',
    RATE_LIMIT_SIGN_IN_PER_IP_PER_MINUTE: '6',
  });
  server = await startServer({ port: 0, dataDir: null, log: false, seedAgents: false, jobsQueue: `test-${randomUUID().slice(0, 8)}` }, config);
}, 60_000);
afterAll(() => server?.close());

const from = (ip: string, headers: Record<string, string> = {}) => ({ 'x-forwarded-for': ip, ...headers });

async function newConversation(ip: string): Promise<Response> {
  return fetch(`${server.url}/api/v1/conversations`, { method: 'POST', headers: from(ip, { 'content-type': 'application/json' }), body: '{}' });
}

async function expect429(res: Response): Promise<void> {
  expect(res.status).toBe(429);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const wait = Number(res.headers.get('retry-after'));
  expect(wait).toBeGreaterThanOrEqual(1);
  expect(wait).toBeLessThanOrEqual(60);
  const body = (await res.json()) as { status: number; retryAfter: number };
  expect(body).toMatchObject({ status: 429, retryAfter: wait });
}

describe('security headers', () => {
  test('HTML pages carry HSTS, no framing, nosniff and a CSP allowing only what they load', async () => {
    for (const page of ['/', '/console']) {
      const res = await fetch(server.url + page);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("connect-src 'self' ws: wss: https://*.twilio.com");
      // Media only from here and the Voice SDK's sounds; scripts never from Twilio (the SDK is bundled).
      expect(csp).toContain("media-src 'self' blob: https://sdk.twilio.com");
      expect(csp).not.toMatch(/script-src[^;]*twilio/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      // Plain http here: upgrading would send the page's requests to a port nobody listens on.
      expect(csp).not.toContain('upgrade-insecure-requests');
    }
  });

  test('API responses carry them too; the widget script stays loadable by council sites', async () => {
    const api = await fetch(`${server.url}/api/v1/openapi.json`);
    expect(api.headers.get('strict-transport-security')).toBeTruthy();
    expect(api.headers.get('x-frame-options')).toBe('DENY');
    expect(api.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(api.headers.get('x-powered-by')).toBeNull();
    const widget = await fetch(`${server.url}/widget.js`);
    if (widget.status === 200) expect(widget.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const problem = await fetch(`${server.url}/no-such-page`);
    expect(problem.status).toBe(404);
    expect(problem.headers.get('x-content-type-options')).toBe('nosniff');
  });

  test('behind https, the CSP upgrades insecure requests', async () => {
    const app = bareApp(loadConfig({ PUBLIC_URL: 'https://assistant.example.gov.uk' }));
    const res = await request(app, '/metrics');
    expect(res.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    await res.text();
  });
});

describe('/metrics', () => {
  test('needs the bearer token when METRICS_TOKEN is set', async () => {
    const none = await fetch(`${server.url}/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const wrong = await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer not-the-metrics-token-000' } });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(right.status).toBe(200);
    expect(await right.text()).toMatch(/http_request_duration_seconds/);
  });

  test('in production without a token it is not served; in development it stays open', async () => {
    // Production needs a data key (encryption at rest); any well-formed one will do here.
    const prod = await request(bareApp(loadConfig({ NODE_ENV: 'production', DATA_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}` })), '/metrics');
    expect(prod.status).toBe(404);
    await prod.text();
    const dev = await request(bareApp(loadConfig({})), '/metrics');
    expect(dev.status).toBe(200);
    await dev.text();
  });

  test('a weak token and bad rate limits are configuration errors', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(ConfigError);
    expect(() => loadConfig({ RATE_LIMIT_MESSAGES_PER_MINUTE: '-1' })).toThrow(/RATE_LIMIT_MESSAGES_PER_MINUTE/);
    expect(() => loadConfig({ RATE_LIMIT_CONVERSATIONS_PER_MINUTE: 'lots' })).toThrow(/RATE_LIMIT_CONVERSATIONS_PER_MINUTE/);
    expect(loadConfig({}).rateLimits).toEqual({ signInPerAccount: 10, signInPerIp: 60, conversationsPerIp: 30, messagesPerConversation: 60, messagesPerIp: 600 });
  });
});

describe('rate limits', () => {
  test('new conversations per IP: 429 with Retry-After, readable by the widget; other addresses unaffected', async () => {
    for (let i = 0; i < 3; i++) expect((await newConversation('203.0.113.10')).status).toBe(201);
    const refused = await fetch(`${server.url}/api/v1/conversations`, {
      method: 'POST',
      headers: from('203.0.113.10', { 'content-type': 'application/json', origin: 'https://www.merebrook.example' }),
      body: '{}',
    });
    expect(refused.headers.get('access-control-allow-origin')).toBeTruthy();
    await expect429(refused);
    expect((await newConversation('203.0.113.11')).status).toBe(201);
  });

  test('messages per conversation: the fifth in a minute is refused, and a stranger cannot use up the allowance', async () => {
    const a = (await (await newConversation('203.0.113.20')).json()) as { conversationId: string; token: string };
    const b = (await (await newConversation('203.0.113.20')).json()) as { conversationId: string; token: string };
    const say = (c: { conversationId: string; token: string }, text: string, token = c.token) =>
      fetch(`${server.url}/api/v1/conversations/${c.conversationId}/messages`, {
        method: 'POST',
        headers: from('203.0.113.20', { 'content-type': 'application/json', authorization: `Bearer ${token}` }),
        body: JSON.stringify({ text }),
      });
    // Someone without b's token hammers it: refused (401, then 429), but b's own allowance is untouched.
    for (let i = 0; i < 6; i++) expect([401, 429]).toContain((await say(b, 'spam', 'x'.repeat(43))).status);
    for (let i = 0; i < 4; i++) expect((await say(a, 'when is my bin day')).status).toBe(200);
    await expect429(await say(a, 'one more'));
    expect((await say(b, 'when is my bin day')).status).toBe(200);
  }, 30_000);

  test('console sign-in: per account from an address, and per address', async () => {
    const login = (ip: string, email: string) =>
      fetch(`${server.url}/api/console/login`, {
        method: 'POST',
        headers: from(ip, { 'content-type': 'application/json' }),
        body: JSON.stringify({ email, password: 'Not-the-password-1' }),
      });
    const victim = `victim.${randomUUID().slice(0, 6)}@council.example`;
    for (let i = 0; i < 3; i++) expect((await login('198.51.100.1', victim)).status).toBe(401);
    await expect429(await login('198.51.100.1', victim));
    // The attacker's address is limited, not the account: the agent signs in from elsewhere.
    expect((await login('198.51.100.2', victim)).status).toBe(401);
    // Many accounts from one address: the address limit (6) applies.
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await login('198.51.100.3', `n${i}.${randomUUID().slice(0, 6)}@council.example`)).status);
    expect(statuses.slice(0, 6)).toEqual([401, 401, 401, 401, 401, 401]);
    expect(statuses[6]).toBe(429);
  }, 60_000);
});

describe('staff socket origin', () => {
  test('a foreign Origin is refused; the console page origin (WebSocket or polling) and non-browser clients connect', async () => {
    const agent = await makeAgent(server.store.db, 'demo', { skills: ['waste'] });
    const { token } = await createSession(server.store.db, { tenant: 'demo', agentId: agent.id, stage: 'full', now: new Date() });
    const cookie = `ca_session=${token}`;
    const attempt = (transport: 'websocket' | 'polling', origin?: string) =>
      new Promise<string>((resolve) => {
        const s = connect(`${server.url}/console`, {
          path: '/socket.io',
          transports: [transport],
          extraHeaders: { cookie, ...(origin ? { origin } : {}) },
          reconnection: false,
          timeout: 5000,
        });
        const done = (result: string) => {
          s.disconnect();
          resolve(result);
        };
        s.on('ready', () => done('ready'));
        s.on('connect_error', (err) => done(`refused: ${err.message}`));
      });
    expect(await attempt('websocket', 'https://evil.example')).toBe('refused: origin not allowed');
    expect(await attempt('polling', 'https://evil.example')).toBe('refused: origin not allowed');
    expect(await attempt('websocket', server.url)).toBe('ready');
    // Long-polling too (where WebSockets are blocked): Express no longer answers engine.io's path with a 404.
    expect(await attempt('polling', server.url)).toBe('ready');
    expect(await attempt('websocket')).toBe('ready');
  }, 30_000);

  test('the origin rule', () => {
    expect(consoleOriginAllowed(undefined, 'a.example')).toBe(true);
    expect(consoleOriginAllowed('https://a.example', 'a.example')).toBe(true);
    expect(consoleOriginAllowed('https://a.example.evil.test', 'a.example')).toBe(false);
    expect(consoleOriginAllowed('null', 'a.example')).toBe(false);
    expect(consoleOriginAllowed('https://assistant.example.gov.uk', 'internal:3000', 'https://assistant.example.gov.uk/')).toBe(true);
    expect(consoleOriginAllowed('https://other.example', 'internal:3000', 'https://assistant.example.gov.uk')).toBe(false);
    expect(consoleOriginAllowed('https://ops.example', 'internal:3000', undefined, ['https://ops.example'])).toBe(true);
  });
});

describe('counters', () => {
  test('memory: a window ends and counting restarts', async () => {
    let now = 1_000_000;
    const c = new MemoryCounter(() => now);
    expect(await c.hit('k', 60_000)).toEqual({ count: 1, resetMs: 60_000 });
    now += 59_000;
    expect(await c.hit('k', 60_000)).toEqual({ count: 2, resetMs: 1_000 });
    now += 1_000;
    expect(await c.hit('k', 60_000)).toEqual({ count: 1, resetMs: 60_000 });
  });

  test('refunded answers do not count: only failures use up a sign-in allowance', async () => {
    const app = express();
    const rule = { name: 't', limit: 2, windowMs: 60_000, key: byIp, detail: 'slow down', refundWhen: (s: number) => s < 400 };
    app.post('/try', rateLimit(new MemoryCounter(), [rule]), (req, res) => void res.status(req.query.ok ? 200 : 401).end());
    const statuses: number[] = [];
    for (const ok of [true, true, true, false, true, false, false, true]) statuses.push((await request(app, `/try${ok ? '?ok=1' : ''}`, 'POST')).status);
    // Successes never count; the third failure is refused, and from then on everything is until the window ends.
    expect(statuses).toEqual([200, 200, 200, 401, 200, 401, 429, 429]);
  });

  const redisUrl = process.env.REDIS_URL;
  (redisUrl ? test : test.skip)('Redis: two processes share one count, and an unreachable Redis falls back to memory', async () => {
    const a = new Redis(redisUrl!);
    const b = new Redis(redisUrl!);
    const dead = new Redis('redis://127.0.0.1:1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    try {
      const prefix = `rl:test-${randomUUID().slice(0, 8)}:`;
      const one = new RedisCounter(a, prefix);
      const two = new RedisCounter(b, prefix);
      expect((await one.hit('ip', 60_000)).count).toBe(1);
      const second = await two.hit('ip', 60_000);
      expect(second.count).toBe(2);
      expect(second.resetMs).toBeGreaterThan(50_000);
      expect(second.resetMs).toBeLessThanOrEqual(60_000);
      // A request's rules in one round trip: each key counted with its own window, the shared count included.
      const both = await one.hitAll([
        { key: 'ip', windowMs: 60_000 },
        { key: 'conversation', windowMs: 5_000 },
      ]);
      expect(both.map((h) => h.count)).toEqual([3, 1]);
      expect(both[1].resetMs).toBeLessThanOrEqual(5_000);
      expect(both[0].resetMs).toBeGreaterThan(5_000);
      const fallback = new RedisCounter(dead, prefix);
      expect((await fallback.hit('ip', 60_000)).count).toBe(1);
      expect((await fallback.hit('ip', 60_000)).count).toBe(2);
      expect((await fallback.hitAll([{ key: 'ip', windowMs: 60_000 }, { key: 'conversation', windowMs: 5_000 }])).map((h) => h.count)).toEqual([3, 1]);
      await a.del(`${prefix}ip`, `${prefix}conversation`);
    } finally {
      a.disconnect();
      b.disconnect();
      dead.disconnect();
    }
  });
});

/** createApp over stand-ins that the routes under test (/metrics, headers) never touch. */
function bareApp(config: ReturnType<typeof loadConfig>) {
  const log = createLogger('silent');
  return createApp({ config, store: {} as Store, assistant: {} as Assistant, metrics: createMetrics(log), log, defaultTenant: 'demo', webDir: path.join(repoRoot, 'web') });
}

async function request(app: express.Express, url: string, method = 'GET'): Promise<Response> {
  const http = await import('node:http');
  const srv = http.createServer(app);
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  try {
    const res = await fetch(`http://127.0.0.1:${(srv.address() as { port: number }).port}${url}`, { method });
    const body = await res.text();
    return new Response(body, { status: res.status, headers: res.headers });
  } finally {
    srv.closeAllConnections();
    await new Promise<void>((resolve) => srv.close(() => resolve()));
  }
}
