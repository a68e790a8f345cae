import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../api/config.js';
import { startServer, type RunningServer, type StartOptions } from '../api/server.js';

export type TestServer = RunningServer & { tenant: string; contentDir: string };

/**
 * A real server on a free port: PostgreSQL and Redis when DATABASE_URL / REDIS_URL are set (CI),
 * else PGlite and in-process jobs. Unless a content folder is given, it serves a copy of the demo
 * pack under a fresh tenant id, so runs sharing one PostgreSQL never see each other's cases.
 */
export async function startTestServer(options: StartOptions = {}): Promise<TestServer> {
  let tenant = 'demo';
  let contentDir = options.contentDir;
  if (contentDir) {
    // Serving a given folder: its (first) council is the one tests talk to.
    const first = fs.readdirSync(contentDir).sort().find((d) => fs.existsSync(path.join(contentDir!, d, 'settings.yaml')));
    const m = first && /^tenant:\s*(\S+)/m.exec(fs.readFileSync(path.join(contentDir, first, 'settings.yaml'), 'utf8'));
    if (m) tenant = m[1];
  } else {
    tenant = `demo-${randomUUID().slice(0, 8)}`;
    contentDir = fs.mkdtempSync(path.join(os.tmpdir(), 'content-'));
    // The held-out and development sets (eval/) are not part of what a server reads: not copied.
    const demo = path.resolve('content/demo');
    fs.cpSync(demo, path.join(contentDir, tenant), { recursive: true, filter: (src) => src !== path.join(demo, 'eval') });
    const settings = path.join(contentDir, tenant, 'settings.yaml');
    fs.writeFileSync(settings, fs.readFileSync(settings, 'utf8').replace(/^tenant: demo$/m, `tenant: ${tenant}`));
  }
  // Rate limits are off: a test file makes far more requests from 127.0.0.1 than a resident would
  // (api/hardening.test.ts tests the limits on a server of its own).
  const config = loadConfig({
    RATE_LIMIT_SIGN_IN_PER_MINUTE: '0',
    RATE_LIMIT_SIGN_IN_PER_IP_PER_MINUTE: '0',
    RATE_LIMIT_CONVERSATIONS_PER_MINUTE: '0',
    RATE_LIMIT_MESSAGES_PER_MINUTE: '0',
    RATE_LIMIT_MESSAGES_PER_IP_PER_MINUTE: '0',
  });
  const server = await startServer({
    port: 0,
    dataDir: null,
    databaseUrl: process.env.DATABASE_URL || undefined,
    redisUrl: process.env.REDIS_URL || undefined,
    log: false,
    seedAgents: false,
    // Each test server has its own job queue in Redis, so test files never run each other's jobs.
    jobsQueue: `test-${randomUUID().slice(0, 8)}`,
    ...options,
    contentDir,
  }, config);
  return Object.assign(server, { tenant, contentDir });
}

export interface Reply {
  text: string;
  suggestions?: { label: string; value: string }[];
  handoff?: { reason: string; priority: string; queue?: string };
  card?: { title: string; body: string; link?: { url: string } };
  askFor?: string;
  feedbackFor?: { articleId: string };
}

/** A resident talking to the API channel. */
export class Resident {
  conversationId = '';
  token = '';
  /** Without a tenant, the server's default council. */
  constructor(private readonly baseUrl: string, private readonly tenant?: string) {}

  async start(): Promise<this> {
    const res = await fetch(`${this.baseUrl}/api/v1/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(this.tenant ? { tenant: this.tenant } : {}),
    });
    if (res.status !== 201) throw new Error(`start failed: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { conversationId: string; token: string };
    this.conversationId = body.conversationId;
    this.token = body.token;
    return this;
  }

  async send(text: string, id?: string): Promise<{ status: number; messages: Reply[]; headers: Headers }> {
    const res = await fetch(`${this.baseUrl}/api/v1/conversations/${this.conversationId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify(id ? { text, id } : { text }),
    });
    const body = (await res.json()) as { messages: Reply[] };
    return { status: res.status, messages: body.messages, headers: res.headers };
  }

  /** Sends and returns the replies, failing loudly on an HTTP error. */
  async say(text: string): Promise<Reply[]> {
    const r = await this.send(text);
    if (r.status !== 200) throw new Error(`"${text}" → HTTP ${r.status}`);
    return r.messages;
  }

  async transcript(): Promise<{ state: string; messages: (Reply & { direction: string; author: string })[] }> {
    const res = await fetch(`${this.baseUrl}/api/v1/conversations/${this.conversationId}/messages`, {
      headers: { authorization: `Bearer ${this.token}` },
    });
    return (await res.json()) as { state: string; messages: (Reply & { direction: string; author: string })[] };
  }
}

export function allText(replies: Reply[]): string {
  return replies.map((r) => r.text).join('\n');
}

/** True where the suite has PostgreSQL and Redis, so two app processes can share one deployment. */
export const canRunTwoProcesses = !!process.env.REDIS_URL && !!process.env.DATABASE_URL;

/**
 * Two app processes serving the same council, as behind a load balancer (one process playing both
 * parts where there is no shared PostgreSQL and Redis). Registers its own beforeAll and afterAll.
 */
export function twoProcessServers(): { a: () => TestServer; b: () => TestServer } {
  let a: TestServer | undefined;
  let b: TestServer | undefined;
  beforeAll(async () => {
    a = await startTestServer();
    b = canRunTwoProcesses ? await startTestServer({ contentDir: a.contentDir }) : a;
  }, 120_000);
  afterAll(async () => {
    if (b && b !== a) await b.close();
    await a?.close();
  });
  return { a: () => a!, b: () => b! };
}
