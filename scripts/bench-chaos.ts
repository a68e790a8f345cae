/**
 * Crash safety under load: starts the real server as a child process, puts a bounded load of web
 * chat, signed SMS and signed-webhook conversations on it (split three ways), `kill -9`s it
 * mid-load, restarts it, waits for recovery, then counts from the database, the Twilio stand-in
 * and a local webhook receiver (which verifies each delivery's signature and, like the stand-in,
 * answers late so that deliveries are in flight at the kill):
 *
 *   accepted     messages the server answered 2xx (web chat: the reply; SMS and webhook: the 202/200)
 *   lost         accepted but not stored
 *   unanswered   stored inbound messages (accepted or not) with no reply
 *   unsent       replies on SMS / webhook conversations the stand-in / receiver never accepted
 *   duplicates   SMS: sends the stand-in accepted more often than the database holds that message;
 *                webhook: one message delivered under two idempotency keys, or a delivery of a
 *                message the database does not hold
 *   redelivered  webhook deliveries of a key the receiver had already accepted (allowed: the
 *                receiver drops them; a claim a crash left is delivered again with its key)
 *
 * Each count is printed per kind (web, sms, webhook) and folded into the totals. Twice per store:
 * "provider-retries" (the load generator re-posts a webhook or message that failed or hung, as
 * Twilio, a platform and a browser would, with the same MessageSid / message id / client id) and
 * "no-retries". Stores: the embedded default (PGlite in a temp DATA_DIR, the durable jobs table)
 * and PostgreSQL + Redis when reachable (DATABASE_URL / REDIS_URL, else 127.0.0.1 defaults), each
 * run on a fresh database and its own job queue name. Everything is on 127.0.0.1; no Twilio account.
 *
 *   npm run bench:chaos [-- --conversations 40 --messages 3 --store embedded|postgres|both --mode retries|no-retries|both --kinds web,sms,webhook]
 *
 * Prints a table, then ONE JSON line (exit status 1 unless lost, unanswered, unsent and duplicates
 * are all 0). Bounded: at most 200 conversations × 6 messages per run, and each run gives up
 * waiting after a fixed time. BENCH_KEEP=1 keeps the run's folder and database, BENCH_DEBUG=1
 * lists unsent messages, BENCH_LOG_LEVEL sets the server's log level (default warn).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { Redis } from 'ioredis';
import twilio from 'twilio';
import { startTwilioStandIn, type TwilioStandIn } from '../channels/twilio/twilio-stand-in.fixture.js';
import { generateKeySpec, openStore, parseKeyring, unseal, unsealJson, type Store } from '../store/index.js';
import { PRODUCT_NODE_FLAGS } from '../api/node-flags.js';
import { parseArgs } from './cli.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = parseArgs(process.argv.slice(2));
const CONVERSATIONS = Math.max(3, Math.min(200, Number(args.get('conversations') ?? 40)));
const MESSAGES = Math.max(1, Math.min(6, Number(args.get('messages') ?? 3)));
const STORES = String(args.get('store') ?? 'both');
const MODES = String(args.get('mode') ?? 'both');
type Kind = 'web' | 'sms' | 'webhook';
const ALL_KINDS: Kind[] = ['web', 'sms', 'webhook'];
const KINDS = String(args.get('kinds') ?? ALL_KINDS.join(','))
  .split(',')
  .map((k) => k.trim())
  .filter((k): k is Kind => (ALL_KINDS as string[]).includes(k));
if (!KINDS.length) throw new Error('--kinds: a comma-separated list of web, sms, webhook');
const COUNCIL = '+441632960100'; // the demo pack's number (content/demo/settings.yaml)
/** Claims older than this are re-examined (the server's TWILIO_SMS_CLAIM_TIMEOUT_MS; 60 s in production). */
const CLAIM_TIMEOUT_MS = 10_000;
/** The push outbox's claim timeout (channels/outbox.ts CLAIM_TIMEOUT_MS, not configurable): a webhook delivery cut by the kill is re-sent after it. */
const OUTBOX_CLAIM_TIMEOUT_MS = 60_000;
/** The stand-in and the webhook receiver answer this late: sends are in flight when the server is killed. */
const TWILIO_LATENCY_MS = 150;
const RECOVERY_MAX_MS = 150_000;
/** Conversations start spread over this time, so the load goes on after the restart too. */
const SPREAD_MS = 20_000;

// What residents say: each message gets an answer from the bot (no handoff: an agent would answer it).
const WEB_SCRIPT = ['hello', 'when is my bin collected', 'what are the opening hours of the library', 'how do I pay council tax', 'thanks', 'bye'];
const SMS_SCRIPT = ['hi', 'when is my bin collected', 'how do I pay council tax', 'what are the opening hours of the library', 'thank you', 'bye'];
const WEBHOOK_SCRIPT = ['hello there', 'how do I pay council tax', 'when is my bin collected', 'what are the opening hours of the library', 'thanks', 'bye'];

type Mode = 'provider-retries' | 'no-retries';
type StoreKind = 'embedded' | 'postgres+redis';

interface Sent {
  kind: Kind;
  conversationId?: string;
  from?: string;
  sid?: string;
  /** The webhook channel's provider message id as stored: "<user>:<id>". */
  webhookId?: string;
  text: string;
  accepted: boolean;
}

interface KindCounts {
  conversations: number;
  attempted: number;
  accepted: number;
  lost: number;
  unanswered: number;
  unsent: number;
  duplicates: number;
  /** Webhook only: deliveries of a key the receiver had already accepted. */
  redelivered?: number;
}

interface RunResult {
  store: StoreKind;
  mode: Mode;
  conversations: number;
  attempted: number;
  accepted: number;
  lost: number;
  unanswered: number;
  unsent: number;
  duplicates: number;
  killedAfterAccepted: number;
  /** From kill -9 to the restarted server answering /health. */
  downMs: number;
  stored: number;
  smsSent: number;
  /** Inbound messages stored before the kill and answered after it (by the recovery sweep). */
  answeredAfterCrash: number;
  /** Sends left 'dispatching' by the killed process, settled by looking them up at the stand-in (found) or sending (resent). */
  claimsSettled: number;
  recoveryMs: number;
  /** Distinct idempotency keys the webhook receiver accepted. */
  webhookDelivered: number;
  /** Webhook deliveries of a key already accepted (the protocol allows them; not a duplicate). */
  redelivered: number;
  /** Webhook deliveries whose signature did not verify (refused with 401). */
  webhookBadSignatures: number;
  byKind: Record<Kind, KindCounts>;
}

/** One POST the webhook receiver took (signature verified). */
interface WebhookDelivery {
  key: string;
  messageId: string;
  conversationId: string;
  user: string;
  /** A key it had accepted before: dropped, answered 200 again. */
  repeat: boolean;
}

interface WebhookReceiver {
  url: string;
  secret: string;
  deliveries: WebhookDelivery[];
  badSignatures: number;
  close(): Promise<void>;
}

function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * The platform end of the webhook channel: verifies the signature over "<timestamp>.<body>",
 * records the delivery with its Idempotency-Key the moment it arrives (as the Twilio stand-in
 * counts a send), drops a key it has seen, and answers 200 `latencyMs` later.
 */
async function startWebhookReceiver(latencyMs: number): Promise<WebhookReceiver> {
  const secret = randomBytes(24).toString('hex');
  const deliveries: WebhookDelivery[] = [];
  const seen = new Set<string>();
  const receiver = { url: '', secret, deliveries, badSignatures: 0, close: async () => undefined } as WebhookReceiver;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const timestamp = String(req.headers['x-webhook-timestamp'] ?? '');
      const given = Buffer.from(String(req.headers['x-webhook-signature'] ?? ''));
      const expected = Buffer.from(webhookSignature(secret, timestamp, raw));
      const key = String(req.headers['idempotency-key'] ?? '');
      const fresh = /^\d+$/.test(timestamp) && Math.abs(Date.now() / 1000 - Number(timestamp)) <= 300;
      if (!fresh || !key || given.length !== expected.length || !timingSafeEqual(given, expected)) {
        receiver.badSignatures++;
        res.writeHead(401).end();
        return;
      }
      const body = JSON.parse(raw) as { id: string; conversationId: string; user: string };
      deliveries.push({ key, messageId: String(body.id), conversationId: String(body.conversationId), user: String(body.user), repeat: seen.has(key) });
      seen.add(key);
      setTimeout(() => {
        if (!res.destroyed) res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `wh-${key}` }));
      }, latencyMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/inbox`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function reachable(url: string, kind: 'pg' | 'redis'): Promise<boolean> {
  try {
    if (kind === 'pg') {
      const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
      await c.connect();
      await c.end();
    } else {
      const r = new Redis(url, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0, retryStrategy: () => null });
      await r.connect();
      await r.quit();
    }
    return true;
  } catch {
    return false;
  }
}

/** A database of the run's own on the server of `adminUrl`, dropped afterwards. */
async function withDatabase(adminUrl: string, name: string, action: 'create' | 'drop'): Promise<string> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    if (action === 'create') await c.query(`create database "${name}"`);
    else await c.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await c.end();
  }
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

class ServerProcess {
  child?: ChildProcess;
  exited?: Promise<number | null>;
  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly logFile: string,
    readonly url: string,
  ) {}

  async start(): Promise<void> {
    const log = fs.openSync(this.logFile, 'a');
    // One process (node with tsx's loader), so kill -9 hits the server itself, not a wrapper.
    this.child = spawn(process.execPath, [...PRODUCT_NODE_FLAGS, '--import', 'tsx', 'api/main.ts'], { cwd: root, env: this.env, stdio: ['ignore', log, log] });
    fs.closeSync(log);
    const child = this.child;
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    const until = Date.now() + 180_000;
    while (Date.now() < until) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}; see ${this.logFile}`);
      try {
        const res = await fetch(`${this.url}/health`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await sleep(200);
    }
    throw new Error(`server did not start; see ${this.logFile}`);
  }

  kill9(): void {
    this.child?.kill('SIGKILL');
  }

  async stop(): Promise<void> {
    if (!this.child || this.child.exitCode !== null) return;
    this.child.kill('SIGTERM');
    const done = await Promise.race([this.exited, sleep(20_000).then(() => 'timeout' as const)]);
    if (done === 'timeout') {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }
}

/** Posts with a time limit; null when there was no answer (refused, reset, hung). */
async function post(url: string, init: RequestInit, timeoutMs = 15_000): Promise<Response | null> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch {
    return null;
  }
}

/** Retries an attempt the way a provider does (same payload) until accepted or out of time; once without retries. */
async function deliver(mode: Mode, attempt: () => Promise<boolean>): Promise<boolean> {
  const until = Date.now() + 60_000;
  for (let i = 0; ; i++) {
    if (await attempt()) return true;
    if (mode === 'no-retries' || Date.now() > until) return false;
    await sleep(Math.min(4000, 500 * 2 ** i));
  }
}

async function runOnce(storeKind: StoreKind, mode: Mode, urls: { pg?: string; redis?: string }): Promise<RunResult> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-chaos-'));
  // The intent model is trained once and reused by every run (it is keyed by its training phrases).
  const models = path.join(os.tmpdir(), 'council-assistant-bench-models');
  fs.mkdirSync(models, { recursive: true });
  fs.symlinkSync(models, path.join(work, 'models'));
  const stand: TwilioStandIn = await startTwilioStandIn({ latencyMs: TWILIO_LATENCY_MS });
  const receiver = await startWebhookReceiver(TWILIO_LATENCY_MS);
  // Production refuses to start without DATA_KEYS (personal data is sealed at rest); the count reads it back with the same keys.
  const dataKeys = generateKeySpec();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const queueName = `bench-chaos-${randomBytes(4).toString('hex')}`;
  const dbName = `bench_chaos_${randomBytes(4).toString('hex')}`;
  let databaseUrl: string | undefined;
  if (storeKind === 'postgres+redis') databaseUrl = await withDatabase(urls.pg!, dbName, 'create');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    PORT: String(port),
    DATA_DIR: work,
    PUBLIC_URL: url,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    JOBS_QUEUE_NAME: queueName,
    TWILIO_ACCOUNT_SID: stand.accountSid,
    TWILIO_AUTH_TOKEN: stand.authToken,
    TWILIO_FROM: COUNCIL,
    TWILIO_API_BASE_URL: stand.url,
    TWILIO_SMS_RETRY_BASE_MS: '500',
    TWILIO_SMS_CLAIM_TIMEOUT_MS: String(CLAIM_TIMEOUT_MS),
    WEBHOOK_CHANNEL_SECRET: receiver.secret,
    WEBHOOK_CHANNEL_URL: receiver.url,
    DATA_KEYS: dataKeys,
    // The load comes from one address: per-address limits would refuse it as abuse.
    RATE_LIMIT_CONVERSATIONS_PER_MINUTE: '0',
    RATE_LIMIT_MESSAGES_PER_IP_PER_MINUTE: '0',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl, REDIS_URL: urls.redis } : {}),
  };
  const server = new ServerProcess(env, path.join(work, 'server.log'), url);
  const sent: Sent[] = [];
  let killedAfterAccepted = 0;
  let recoveryMs = 0;
  let downMs = 0;
  let killedAt = new Date();
  try {
    await server.start();
    const total = CONVERSATIONS * MESSAGES;
    const acceptedCount = () => sent.filter((s) => s.accepted).length;
    let killed = false;
    let restarted: Promise<void> | undefined;
    const think = () => sleep(500 + Math.random() * 1000);
    const startAt = (i: number) => sleep((i / CONVERSATIONS) * SPREAD_MS);

    const web = async (k: number) => {
      await startAt(k);
      let conversation: { conversationId: string; token: string } | undefined;
      await deliver(mode, async () => {
        const res = await post(`${url}/api/v1/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
        if (res?.status === 201) conversation = (await res.json()) as { conversationId: string; token: string };
        return !!conversation;
      });
      if (!conversation) return;
      for (let m = 0; m < MESSAGES; m++) {
        const text = WEB_SCRIPT[m];
        const record: Sent = { kind: 'web', conversationId: conversation.conversationId, text, accepted: false };
        sent.push(record);
        const id = randomUUID(); // the client's message id: a retry is the same message
        record.accepted = await deliver(mode, async () => {
          const res = await post(`${url}/api/v1/conversations/${conversation!.conversationId}/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${conversation!.token}` },
            body: JSON.stringify({ text, id }),
          });
          return !!res && res.status >= 200 && res.status < 300;
        });
        await think();
      }
    };

    const sms = async (i: number, k: number) => {
      await startAt(k);
      const from = `+447700900${String(100 + i).padStart(3, '0')}`;
      for (let m = 0; m < MESSAGES; m++) {
        const sid = `SM${randomBytes(16).toString('hex')}`;
        const params = { MessageSid: sid, SmsSid: sid, AccountSid: stand.accountSid, From: from, To: COUNCIL, Body: SMS_SCRIPT[m], NumMedia: '0', NumSegments: '1', ApiVersion: '2010-04-01' };
        const target = `${url}/channels/twilio/sms`;
        const signature = twilio.getExpectedTwilioSignature(stand.authToken, target, params);
        const record: Sent = { kind: 'sms', from, sid, text: SMS_SCRIPT[m], accepted: false };
        sent.push(record);
        record.accepted = await deliver(mode, async () => {
          const res = await post(target, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
            body: new URLSearchParams(params).toString(),
          });
          return !!res && res.status >= 200 && res.status < 300;
        });
        await think();
      }
    };

    const webhook = async (i: number, k: number) => {
      await startAt(k);
      const user = `bench-user-${i}`;
      const target = `${url}/channels/webhook/messages`;
      for (let m = 0; m < MESSAGES; m++) {
        const id = `m-${randomUUID()}`; // the platform's message id: a retry is the same message
        const body = JSON.stringify({ user, id, text: WEBHOOK_SCRIPT[m] });
        const record: Sent = { kind: 'webhook', webhookId: `${user}:${id}`, text: WEBHOOK_SCRIPT[m], accepted: false };
        sent.push(record);
        record.accepted = await deliver(mode, async () => {
          const timestamp = String(Math.floor(Date.now() / 1000)); // signed afresh per attempt, as a platform would
          const res = await post(target, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-webhook-timestamp': timestamp, 'x-webhook-signature': webhookSignature(receiver.secret, timestamp, body) },
            body,
          });
          return !!res && res.status >= 200 && res.status < 300;
        });
        await think();
      }
    };

    // The killer: once about 35 % of the messages are accepted, kill -9, then start again at once.
    const killer = (async () => {
      const until = Date.now() + 60_000;
      while (acceptedCount() < total * 0.35 && Date.now() < until) await sleep(20);
      killedAfterAccepted = acceptedCount();
      killedAt = new Date();
      server.kill9();
      killed = true;
      await server.exited;
      const down = Date.now();
      restarted = server.start();
      await restarted;
      downMs = Date.now() - down;
    })();

    // Conversation k is of kind KINDS[k % KINDS.length] and starts at k's place in the spread.
    const perKind = new Map<Kind, number>();
    const conversations = Array.from({ length: CONVERSATIONS }, (_, k) => {
      const kind = KINDS[k % KINDS.length];
      const i = perKind.get(kind) ?? 0;
      perKind.set(kind, i + 1);
      return kind === 'web' ? web(k) : kind === 'sms' ? sms(i, k) : webhook(i, k);
    });
    await Promise.all([...conversations, killer]);
    if (!killed) throw new Error('the load ended before the server was killed');
    await restarted;

    // Recovery: a claim must time out and two sweeps run; then nothing more is sent for a while.
    const started = Date.now();
    // A webhook delivery cut by the kill waits for the push outbox's (longer) claim timeout.
    const claimTimeout = KINDS.includes('webhook') ? Math.max(CLAIM_TIMEOUT_MS, OUTBOX_CLAIM_TIMEOUT_MS - (Date.now() - killedAt.getTime())) : CLAIM_TIMEOUT_MS;
    const sends = () => stand.sent.length + receiver.deliveries.length;
    let last = sends();
    let stableSince = Date.now();
    while (Date.now() - started < RECOVERY_MAX_MS) {
      await sleep(500);
      if (sends() !== last) {
        last = sends();
        stableSince = Date.now();
      }
      if (Date.now() - started > claimTimeout + 12_000 && Date.now() - stableSince > 10_000) break;
    }
    recoveryMs = Date.now() - started;
    await server.stop();

    // Count from the database (the server is stopped: PGlite's folder is ours now) and the stand-in.
    const store: Store = await openStore({ databaseUrl, dataDir: databaseUrl ? null : work, keyring: parseKeyring(dataKeys) });
    try {
      return { store: storeKind, mode, conversations: CONVERSATIONS, attempted: sent.length, killedAfterAccepted, downMs, recoveryMs, ...(await count(store, sent, stand, receiver, killedAt, perKind)) };
    } finally {
      await store.close();
    }
  } finally {
    server.kill9();
    await stand.close();
    await receiver.close();
    if (databaseUrl && !process.env.BENCH_KEEP) {
      await withDatabase(urls.pg!, dbName, 'drop').catch(() => undefined);
      const r = new Redis(urls.redis!, { maxRetriesPerRequest: 1 });
      try {
        const keys = await r.keys(`bull:${queueName}:*`);
        if (keys.length) await r.del(...keys);
      } finally {
        await r.quit();
      }
    }
    if (!process.env.BENCH_KEEP) fs.rmSync(work, { recursive: true, force: true });
    else console.error(`kept ${work}`);
  }
}

/** A stored jsonb value as an object, whether it was written sealed or in clear. */
function plainParts<T>(raw: unknown): T | null {
  const value = unsealJson(raw);
  return (typeof value === 'string' ? JSON.parse(value) : value) as T | null;
}

function kindOfChannel(channel: string): Kind {
  return channel === 'sms' || channel === 'webhook' ? channel : 'web';
}

async function count(store: Store, sent: Sent[], stand: TwilioStandIn, receiver: WebhookReceiver, killedAt: Date, perKind: Map<Kind, number>) {
  const db = store.db;
  const byKind = Object.fromEntries(
    ALL_KINDS.map((k) => {
      const mine = sent.filter((s) => s.kind === k);
      const counts: KindCounts = { conversations: perKind.get(k) ?? 0, attempted: mine.length, accepted: mine.filter((s) => s.accepted).length, lost: 0, unanswered: 0, unsent: 0, duplicates: 0 };
      if (k === 'webhook') counts.redelivered = 0;
      return [k, counts];
    }),
  ) as Record<Kind, KindCounts>;
  const inbound = (
    await db
      .selectFrom('messages')
      .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
      .select(['messages.id', 'messages.conversation_id', 'messages.provider_message_id', 'messages.text', 'messages.processed_at', 'messages.created_at', 'conversations.channel'])
      .where('messages.direction', '=', 'in')
      .execute()
  ).map((m) => ({ ...m, text: unseal(m.text) }));
  for (const s of sent.filter((x) => x.accepted)) {
    const found =
      s.kind === 'sms'
        ? inbound.some((m) => m.provider_message_id === s.sid)
        : s.kind === 'webhook'
          ? inbound.some((m) => m.channel === 'webhook' && m.provider_message_id === s.webhookId)
          : inbound.some((m) => m.conversation_id === s.conversationId && m.text === s.text);
    if (!found) byKind[s.kind].lost++;
  }
  const replied = new Set(
    (await db.selectFrom('messages').select('reply_to').where('direction', '=', 'out').where('reply_to', 'is not', null).execute()).map((r) => String(r.reply_to)),
  );
  for (const m of inbound) if (!m.processed_at || !replied.has(String(m.id))) byKind[kindOfChannel(m.channel)].unanswered++;
  const pushedOut = (
    await db
      .selectFrom('messages')
      .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
      .select(['messages.id', 'messages.tenant_id', 'messages.provider_message_id', 'messages.parts', 'messages.status', 'messages.created_at', 'messages.author', 'conversations.channel', 'conversations.channel_user_id', 'conversations.channel_user_sealed'])
      .where('conversations.channel', 'in', ['sms', 'webhook'])
      .where('messages.direction', '=', 'out')
      .execute()
  ).map((m) => ({ ...m, channel_user_id: m.channel_user_sealed ? unseal(m.channel_user_sealed) : m.channel_user_id, parts: plainParts<{ sms?: { body?: string; recovered?: string } }>(m.parts) }));
  const smsOut = pushedOut.filter((m) => m.channel === 'sms');
  const webhookOut = pushedOut.filter((m) => m.channel === 'webhook');

  // SMS: a reply is sent when the stand-in accepted the SID recorded for it.
  const acceptedSids = new Set(stand.sent.map((s) => s.sid));
  const unsentSms = smsOut.filter((m) => !m.provider_message_id || !acceptedSids.has(m.provider_message_id));
  byKind.sms.unsent = unsentSms.length;
  // A duplicate: the stand-in accepted a (number, text) more often than the database holds it.
  const key = (to: string, body: string) => `${to}\u0000${body}`;
  const held = new Map<string, number>();
  for (const m of smsOut) {
    const body = m.parts?.sms?.body;
    if (body) held.set(key(m.channel_user_id, body), (held.get(key(m.channel_user_id, body)) ?? 0) + 1);
  }
  const got = new Map<string, number>();
  for (const s of stand.sent) got.set(key(s.to, s.body), (got.get(key(s.to, s.body)) ?? 0) + 1);
  for (const [k, n] of got) byKind.sms.duplicates += Math.max(0, n - (held.get(k) ?? 0));
  // Every recorded SID is a distinct send.
  const sids = smsOut.map((m) => m.provider_message_id).filter(Boolean);
  byKind.sms.duplicates += sids.length - new Set(sids).size;

  // Webhook: a reply is sent when the receiver accepted a delivery of it (its id is the message id).
  const delivered = new Map<string, Set<string>>(); // message id -> the idempotency keys it came under
  for (const d of receiver.deliveries) delivered.set(d.messageId, (delivered.get(d.messageId) ?? new Set()).add(d.key));
  const unsentWebhook = webhookOut.filter((m) => !delivered.has(String(m.id)));
  byKind.webhook.unsent = unsentWebhook.length;
  const heldWebhook = new Set(webhookOut.map((m) => String(m.id)));
  for (const [id, keys] of delivered) byKind.webhook.duplicates += heldWebhook.has(id) ? keys.size - 1 : keys.size;
  byKind.webhook.redelivered = receiver.deliveries.filter((d) => d.repeat).length;
  if (process.env.BENCH_DEBUG) for (const m of [...unsentSms, ...unsentWebhook]) console.error('unsent', JSON.stringify(m));

  // What the crash left for recovery: messages stored before the kill and answered after it, and sends settled by a claim's re-examination.
  const answeredAfterCrash = inbound.filter((m) => m.processed_at && m.created_at < killedAt && m.processed_at > killedAt).length;
  const claimsSettled = smsOut.filter((m) => m.parts?.sms?.recovered).length;
  const stored = Number((await sql<{ n: string }>`select count(*) as n from messages where direction = 'in'`.execute(db)).rows[0].n);
  const total = (c: keyof KindCounts) => ALL_KINDS.reduce((n, k) => n + (byKind[k][c] ?? 0), 0);
  return {
    accepted: total('accepted'),
    lost: total('lost'),
    unanswered: total('unanswered'),
    unsent: total('unsent'),
    duplicates: total('duplicates'),
    stored,
    smsSent: stand.sent.length,
    answeredAfterCrash,
    claimsSettled,
    webhookDelivered: new Set(receiver.deliveries.map((d) => d.key)).size,
    redelivered: byKind.webhook.redelivered ?? 0,
    webhookBadSignatures: receiver.badSignatures,
    byKind,
  };
}

async function main(): Promise<void> {
  const pgUrl = process.env.DATABASE_URL || 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
  const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  const stores: StoreKind[] = [];
  const skipped: string[] = [];
  if (STORES === 'both' || STORES === 'embedded') stores.push('embedded');
  if (STORES === 'both' || STORES === 'postgres') {
    if ((await reachable(pgUrl, 'pg')) && (await reachable(redisUrl, 'redis'))) stores.push('postgres+redis');
    else skipped.push('postgres+redis (PostgreSQL or Redis not reachable)');
  }
  const modes: Mode[] = MODES === 'retries' ? ['provider-retries'] : MODES === 'no-retries' ? ['no-retries'] : ['provider-retries', 'no-retries'];
  const split = KINDS.map((k) => `${KINDS.length > 1 ? `${Math.ceil((CONVERSATIONS - KINDS.indexOf(k)) / KINDS.length)} ` : ''}${k === 'web' ? 'web chat' : k === 'sms' ? 'signed SMS' : 'signed webhook'}`).join(', ');
  console.log(`bench:chaos: ${CONVERSATIONS} conversations (${split}) × ${MESSAGES} messages per run, kill -9 at 35 % accepted, restart, recovery`);
  const results: RunResult[] = [];
  for (const store of stores) {
    for (const mode of modes) {
      process.stdout.write(`  ${store} / ${mode} … `);
      const t = Date.now();
      const r = await runOnce(store, mode, { pg: pgUrl, redis: redisUrl });
      results.push(r);
      console.log(`done in ${Math.round((Date.now() - t) / 1000)} s`);
    }
  }
  console.log('');
  const cols = ['store', 'mode', 'attempted', 'accepted', 'lost', 'unanswered', 'unsent', 'duplicates', 'killedAfterAccepted', 'downMs', 'smsSent', 'webhookDelivered', 'redelivered', 'answeredAfterCrash', 'claimsSettled'] as const;
  const width = (c: string) => Math.max(c.length, ...results.map((r) => String(r[c as keyof RunResult]).length));
  console.log(cols.map((c) => c.padEnd(width(c))).join('  '));
  for (const r of results) console.log(cols.map((c) => String(r[c]).padEnd(width(c))).join('  '));
  // The same counts per kind of conversation.
  const kindCols = ['conversations', 'attempted', 'accepted', 'lost', 'unanswered', 'unsent', 'duplicates', 'redelivered'] as const;
  const rows = results.flatMap((r) => KINDS.map((k) => [`${r.store} / ${r.mode}`, k, ...kindCols.map((c) => String(r.byKind[k][c] ?? '-'))]));
  const header = ['run', 'kind', ...kindCols];
  const kindWidth = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  console.log('');
  for (const row of [header, ...rows]) console.log(row.map((v, i) => v.padEnd(kindWidth[i])).join('  '));
  for (const s of skipped) console.log(`skipped: ${s}`);
  const ok = results.length > 0 && results.every((r) => r.lost === 0 && r.unanswered === 0 && r.unsent === 0 && r.duplicates === 0);
  console.log(JSON.stringify({ bench: 'chaos', ok, conversations: CONVERSATIONS, messages: MESSAGES, runs: results, skipped, kinds: KINDS }));
  process.exitCode = ok ? 0 : 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
