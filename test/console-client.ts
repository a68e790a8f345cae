import { createAgent, totpCode } from '../handoff/agents/index.js';
import type { TestServer } from './server.js';

/** The console API as a browser uses it: one session cookie and the CSRF token it was given. */
export class ConsoleClient {
  cookie = '';
  csrf = '';
  constructor(readonly base: string) {}

  /** `opts.csrf` sends another CSRF token than the session's (null: none), to test the check. */
  async call(method: string, route: string, body?: unknown, opts: { csrf?: string | null } = {}): Promise<{ status: number; body: any; headers: Headers }> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.cookie) headers.cookie = `ca_session=${this.cookie}`;
    const csrf = opts.csrf === undefined ? this.csrf : opts.csrf;
    if (csrf && method !== 'GET') headers['x-csrf-token'] = csrf;
    const res = await fetch(`${this.base}/api/console${route}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    for (const c of res.headers.getSetCookie()) {
      const m = /^ca_session=([^;]*)/.exec(c);
      if (m) this.cookie = /Max-Age=0/i.test(c) ? '' : m[1];
    }
    const text = await res.text();
    const parsed = text ? JSON.parse(text) : undefined;
    if (parsed?.csrfToken) this.csrf = parsed.csrfToken;
    return { status: res.status, body: parsed, headers: res.headers };
  }
}

let counter = 0;

/** A new agent of the server's council, signed in with password and an enrolled TOTP. */
export async function signedInAgent(
  server: TestServer,
  options: { roles?: ('agent' | 'supervisor')[]; skills?: string[]; capacity?: number; now?: () => Date } = {},
): Promise<{ client: ConsoleClient; agentId: string; email: string; password: string; secret: string }> {
  const email = `agent${++counter}.${Date.now()}@council.example`;
  const password = 'Council-desk-2025';
  const agent = await createAgent(server.store.db, {
    tenant: server.tenant,
    email,
    name: `Agent ${counter}`,
    roles: options.roles ?? ['agent'],
    skills: options.skills ?? ['waste', 'highways', 'street_scene', 'housing', 'safety', 'social_care'],
    capacity: options.capacity ?? 3,
    password,
  });
  const client = new ConsoleClient(server.url);
  const login = await client.call('POST', '/login', { tenant: server.tenant, email, password });
  if (login.body?.stage !== 'enrol') throw new Error(`login: ${JSON.stringify(login.body)}`);
  const { secret } = (await client.call('GET', '/totp/enrol')).body;
  const done = await client.call('POST', '/totp/enrol', { code: totpCode(secret, (options.now?.() ?? new Date()).getTime()) });
  if (done.status !== 200) throw new Error(`enrol: ${JSON.stringify(done.body)}`);
  return { client, agentId: agent.id, email, password, secret };
}
