/**
 * Tokens per council and Meta's failures in the metrics, through the real app (issue 12, items 4
 * and 6): a council with its own WHATSAPP_ACCESS_TOKEN__<COUNCIL> and MESSENGER_PAGE_ACCESS_TOKEN__<COUNCIL>
 * sends, marks read and fetches a photo with them (the deployment-wide token is one the Graph
 * stand-in refuses, so any call made with it would fail); a token naming no council stops the start;
 * /metrics (behind METRICS_TOKEN) counts the messages Meta accepted by channel and the Graph and Send
 * API refusals by channel, code and retryable.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../../api/config.js';
import { startServer, type RunningServer } from '../../api/server.js';
import type { JobQueue } from '../../jobs/index.js';
import { createChannels, type ChannelDeps } from '../index.js';
import { councilKey, metaConfigFromEnv, messengerConfigFromEnv, MetaConfigError } from './config.js';
import { startGraphStandIn, type GraphStandIn } from './graph-stand-in.fixture.js';
import { PAGE_ID } from './messenger-harness.fixture.js';
import { APP_SECRET, sign, VERIFY_TOKEN, whatsappMessage } from './whatsapp-harness.fixture.js';

const METRICS_TOKEN = 'meta-metrics-token-0123456789';
const tenant = `council-${randomUUID().slice(0, 8)}`;
const KEY = councilKey(tenant);
let graph: GraphStandIn;
let server: RunningServer;

beforeAll(async () => {
  graph = await startGraphStandIn();
  // This council alone, with the demo pack's ids.
  const contentDir = fs.mkdtempSync(path.join(os.tmpdir(), 'content-'));
  fs.cpSync(path.resolve('content/demo'), path.join(contentDir, tenant), { recursive: true });
  const settings = path.join(contentDir, tenant, 'settings.yaml');
  fs.writeFileSync(settings, fs.readFileSync(settings, 'utf8').replace(/^tenant: demo$/m, `tenant: ${tenant}`));
  const config = loadConfig({ METRICS_TOKEN, RATE_LIMIT_CONVERSATIONS_PER_MINUTE: '0', RATE_LIMIT_MESSAGES_PER_MINUTE: '0', RATE_LIMIT_MESSAGES_PER_IP_PER_MINUTE: '0' });
  server = await startServer(
    {
      port: 0,
      dataDir: null,
      databaseUrl: process.env.DATABASE_URL || undefined,
      redisUrl: process.env.REDIS_URL || undefined,
      log: false,
      seedAgents: false,
      jobsQueue: `test-${randomUUID().slice(0, 8)}`,
      contentDir,
      env: {
        META_APP_SECRET: APP_SECRET,
        META_VERIFY_TOKEN: VERIFY_TOKEN,
        META_GRAPH_BASE_URL: graph.url,
        // The deployment's tokens: not this council's, refused by the stand-in.
        WHATSAPP_ACCESS_TOKEN: 'EAAG-deployment-token-not-this-councils',
        [`WHATSAPP_ACCESS_TOKEN__${KEY}`]: graph.token,
        [`MESSENGER_PAGE_ACCESS_TOKEN__${KEY}`]: graph.messenger.pageToken,
      },
    },
    config,
  );
}, 120_000);
afterAll(async () => {
  await server?.close();
  await graph?.close();
});

const db = () => server.store.db;

async function waitFor(check: () => boolean | Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Nothing of this council left to answer or send. */
const settled = () =>
  waitFor(
    async () =>
      !(await db()
        .selectFrom('messages')
        .select('id')
        .where('tenant_id', '=', tenant)
        .where((eb) => eb.or([eb.and([eb('direction', '=', 'in'), eb('processed_at', 'is', null)]), eb('status', 'in', ['stored', 'fault', 'dispatching', 'send_retry'])]))
        .executeTakeFirst()),
    'the turns and sends to settle',
  );

function post(body: unknown): Promise<Response> {
  const raw = JSON.stringify(body);
  return fetch(`${server.url}/channels/meta/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(raw) }, body: raw });
}

const whatsapp = (from: string, content: Record<string, unknown>) => whatsappMessage(from, content);

const messenger = (psid: string, text: string) => ({
  object: 'page',
  entry: [{ id: PAGE_ID, time: Date.now(), messaging: [{ sender: { id: psid }, recipient: { id: PAGE_ID }, timestamp: Date.now(), message: { mid: `m_${randomUUID()}`, text } }] }],
});

/** The value of one series of /metrics (0 when absent), read with the metrics token. */
async function metric(name: string, labels: Record<string, string>): Promise<number> {
  const res = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(res.status).toBe(200);
  const text = await res.text();
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
  return line ? Number(line.split(' ').pop()) : 0;
}

test('the council’s own tokens are used for its WhatsApp sends, read receipts and media, and its Messenger sends', async () => {
  const waId = '447700988001';
  expect((await post(whatsapp(waId, { type: 'text', text: { body: 'hello' } }))).status).toBe(200);
  await waitFor(() => graph.sent.some((s) => s.body.to === waId), 'a WhatsApp reply');
  expect(graph.reads.length).toBeGreaterThan(0);
  const photo = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
  expect((await post(whatsapp(waId, { type: 'image', image: { id: graph.media.add(photo, 'image/jpeg'), mime_type: 'image/jpeg' } }))).status).toBe(200);
  await waitFor(async () => (await sql<{ n: number }>`select count(*)::int as n from media_files where tenant_id = ${tenant} and status = 'stored'`.execute(db())).rows[0].n === 1, 'the photo kept');

  const psid = `7${Date.now().toString().slice(-9)}00001`;
  expect((await post(messenger(psid, 'hello'))).status).toBe(200);
  await waitFor(() => graph.messenger.sent.some((s) => (s.body.recipient as { id: string }).id === psid), 'a Messenger reply');
  await settled();
  // Nothing went out as the deployment: every outbound message of the council was sent.
  const failed = await db().selectFrom('messages').select('id').where('tenant_id', '=', tenant).where('direction', '=', 'out').where('status', '=', 'failed').execute();
  expect(failed).toEqual([]);
  expect(await metric('meta_messages_sent_total', { channel: 'whatsapp' })).toBeGreaterThanOrEqual(1);
  expect(await metric('meta_messages_sent_total', { channel: 'messenger' })).toBeGreaterThanOrEqual(1);
}, 60_000);

test('Graph and Send API refusals are counted by channel, code and retryable', async () => {
  const before = {
    undeliverable: await metric('meta_graph_errors_total', { channel: 'whatsapp', code: '131026', retryable: 'false' }),
    rateLimit: await metric('meta_graph_errors_total', { channel: 'whatsapp', code: '130429', retryable: 'true' }),
    unavailable: await metric('meta_graph_errors_total', { channel: 'messenger', code: '551', retryable: 'false' }),
    sent: await metric('meta_messages_sent_total', { channel: 'whatsapp' }),
  };
  // A rate limit (retried, then sent), and an invalid recipient (not retried).
  graph.failNext(130429);
  expect((await post(whatsapp('447700988002', { type: 'text', text: { body: 'hello' } }))).status).toBe(200);
  await waitFor(() => graph.sent.some((s) => s.body.to === '447700988002'), 'the reply after the rate limit', 20_000);
  await settled();
  graph.failNext(131026);
  expect((await post(whatsapp('447700988003', { type: 'text', text: { body: 'hello' } }))).status).toBe(200);
  await waitFor(() => graph.requests.some((r) => r.body.to === '447700988003' && r.error?.code === 131026), 'the refused reply');
  graph.messenger.failNext(551);
  expect((await post(messenger(`7${Date.now().toString().slice(-9)}00002`, 'hello'))).status).toBe(200);
  await settled();
  expect(await metric('meta_graph_errors_total', { channel: 'whatsapp', code: '130429', retryable: 'true' })).toBe(before.rateLimit + 1);
  expect(await metric('meta_graph_errors_total', { channel: 'whatsapp', code: '131026', retryable: 'false' })).toBe(before.undeliverable + 1);
  expect(await metric('meta_graph_errors_total', { channel: 'messenger', code: '551', retryable: 'false' })).toBe(before.unavailable + 1);
  expect(await metric('meta_messages_sent_total', { channel: 'whatsapp' })).toBeGreaterThan(before.sent);
}, 60_000);

describe('council tokens at start', () => {
  const jobs: JobQueue = { kind: 'in-process', register: () => {}, add: async () => {}, every: async () => {}, purge: async () => 0, close: async () => {} };
  const log = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} };
  const assistant = { runtime: () => ({ pack: { settings: { channels: { whatsappPhoneNumberIds: ['100000000000001'], messengerPageIds: ['300000000000003'] } }, gazetteer: [] } }) };
  const deps = (env: Record<string, string>): Omit<ChannelDeps, 'dispatch'> =>
    ({ store: {} as never, db: {} as never, assistant, jobs, log, defaultTenant: 'west-sussex', tenantIds: () => ['west-sussex', 'torbay'], publicUrl: () => undefined, env, clock: () => new Date() }) as unknown as Omit<ChannelDeps, 'dispatch'>;
  const meta = { META_APP_SECRET: 's', META_VERIFY_TOKEN: 'v' };

  test('a council’s own token alone configures its channel; the variable is the council id upper-cased, other characters as _', () => {
    expect(councilKey('west-sussex')).toBe('WEST_SUSSEX');
    expect(metaConfigFromEnv({ ...meta, WHATSAPP_ACCESS_TOKEN__WEST_SUSSEX: 'w1' })).toMatchObject({ whatsappToken: undefined, councilTokens: { WEST_SUSSEX: 'w1' } });
    expect(messengerConfigFromEnv({ ...meta, MESSENGER_PAGE_ACCESS_TOKEN__TORBAY: 'p1' })).toMatchObject({ pageToken: undefined, councilTokens: { TORBAY: 'p1' } });
    expect(metaConfigFromEnv({ ...meta, MESSENGER_PAGE_ACCESS_TOKEN__TORBAY: 'p1' })).toBeNull();
    const channels = createChannels(deps({ ...meta, WHATSAPP_ACCESS_TOKEN__WEST_SUSSEX: 'w1', MESSENGER_PAGE_ACCESS_TOKEN__TORBAY: 'p1' }));
    expect([...channels.adapters.keys()]).toEqual(['sms', 'voice', 'whatsapp', 'messenger', 'instagram']);
  });

  test('a token naming no council served, or with spaces in it, stops the start with each problem named', () => {
    const bad = { ...meta, WHATSAPP_ACCESS_TOKEN: 'w', WHATSAPP_ACCESS_TOKEN__WEST_SUSEX: 'w1', WHATSAPP_ACCESS_TOKEN__TORBAY: 'w2 w3' };
    expect(() => createChannels(deps(bad))).toThrow(MetaConfigError);
    try {
      createChannels(deps(bad));
    } catch (err) {
      expect((err as Error).message).toMatch(/WHATSAPP_ACCESS_TOKEN__TORBAY has spaces[\s\S]*WHATSAPP_ACCESS_TOKEN__WEST_SUSEX names no council served here \(councils: west-sussex, torbay/);
      expect((err as Error).message).not.toMatch(/w2 w3/);
    }
    expect(() => createChannels(deps({ ...meta, MESSENGER_PAGE_ACCESS_TOKEN__DEMO: 'p' }))).toThrow(/MESSENGER_PAGE_ACCESS_TOKEN__DEMO names no council/);
  });
});
