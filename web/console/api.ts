import type {
  Agent,
  Article,
  CannedResponse,
  ConversationDetail,
  Presence,
  QueueItem,
  RotaEntry,
  SupervisorQueue,
} from './types.js';

/** A failed request, with the problem+json details (field errors from validation when there are any). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly fieldErrors: { path: string; message: string }[] = [],
  ) {
    super(detail || title);
  }
}

const BASE = '/api/console';

/**
 * The console's REST client. The session is a cookie (sent automatically, same origin);
 * every non-GET carries the session's CSRF token, which each sign-in step and GET /me hand out.
 */
export class ConsoleApi {
  csrfToken = '';
  /** Called when the server says the session is gone (expired, signed out elsewhere). */
  onSignedOut: (() => void) | null = null;

  login(email: string, password: string, tenant?: string): Promise<{ stage: 'totp' | 'enrol'; csrfToken: string }> {
    return this.send('POST', '/login', { ...(tenant ? { tenant } : {}), email, password }, { signIn: true });
  }
  enrolment(): Promise<{ otpauthUrl: string; qrDataUrl: string; secret: string }> {
    return this.send('GET', '/totp/enrol', undefined, { signIn: true });
  }
  confirmEnrolment(code: string): Promise<{ recoveryCodes: string[]; agent: Agent; csrfToken: string }> {
    return this.send('POST', '/totp/enrol', { code }, { signIn: true });
  }
  verifyTotp(answer: { code: string } | { recoveryCode: string }): Promise<{ agent: Agent; csrfToken: string }> {
    return this.send('POST', '/totp', answer, { signIn: true });
  }
  logout(): Promise<void> {
    return this.send('POST', '/logout', undefined, { signIn: true });
  }
  logoutEverywhere(): Promise<void> {
    return this.send('POST', '/logout-everywhere', undefined, { signIn: true });
  }
  me(): Promise<{ agent: Agent; csrfToken: string }> {
    return this.send('GET', '/me', undefined, { signIn: true });
  }
  setStatus(status: Presence): Promise<{ agent: Agent }> {
    return this.send('PUT', '/me/status', { status });
  }
  queue(): Promise<{ handoffs: QueueItem[] }> {
    return this.send('GET', '/queue');
  }
  accept(handoffId: string): Promise<{ conversationId: string }> {
    return this.send('POST', `/handoffs/${enc(handoffId)}/accept`);
  }
  conversation(id: string): Promise<ConversationDetail> {
    return this.send('GET', `/conversations/${enc(id)}`);
  }
  reply(id: string, text: string): Promise<{ message: unknown }> {
    return this.send('POST', `/conversations/${enc(id)}/messages`, { text });
  }
  transfer(id: string, to: { queue?: string; agentId?: string; note: string }): Promise<void> {
    return this.send('POST', `/conversations/${enc(id)}/transfer`, to);
  }
  handBack(id: string): Promise<void> {
    return this.send('POST', `/conversations/${enc(id)}/hand-back`);
  }
  close(id: string, outcome: string): Promise<void> {
    return this.send('POST', `/conversations/${enc(id)}/close`, { outcome });
  }
  cannedResponses(): Promise<{ responses: CannedResponse[] }> {
    return this.send('GET', '/canned-responses');
  }
  searchKb(q: string): Promise<{ articles: Article[] }> {
    return this.send('GET', `/kb/search?${new URLSearchParams({ q })}`);
  }
  createCase(conversationId: string, body: { serviceId: string; summary: string; details?: Record<string, unknown> }): Promise<{ reference: string }> {
    return this.send('POST', `/conversations/${enc(conversationId)}/case`, body);
  }
  updateCase(reference: string, body: { status: string; note: string }): Promise<void> {
    return this.send('PATCH', `/cases/${enc(reference)}`, body);
  }
  supervisorQueues(): Promise<{ queues: SupervisorQueue[] }> {
    return this.send('GET', '/supervisor/queues');
  }
  rota(): Promise<{ entries: RotaEntry[] } | RotaEntry[] | { rota: RotaEntry[] }> {
    return this.send('GET', '/rota');
  }
  addRota(entry: Omit<RotaEntry, 'id'>): Promise<unknown> {
    return this.send('POST', '/rota', entry);
  }
  deleteRota(id: string): Promise<void> {
    return this.send('DELETE', `/rota/${enc(id)}`);
  }

  private async send<T>(method: string, path: string, json?: unknown, opts: { signIn?: boolean } = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (json !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && this.csrfToken) headers['X-CSRF-Token'] = this.csrfToken;
    let response: Response;
    try {
      response = await fetch(BASE + path, { method, headers, credentials: 'same-origin', body: json === undefined ? undefined : JSON.stringify(json) });
    } catch {
      throw new ApiError(0, 'Network error', 'The console could not reach the server. Check your connection and try again.');
    }
    if (!response.ok) {
      const problem = (await response.json().catch(() => ({}))) as { title?: string; detail?: string; errors?: { path: string; message: string }[] };
      const error = new ApiError(response.status, problem.title || response.statusText, problem.detail, problem.errors ?? []);
      if (response.status === 401 && !opts.signIn) this.onSignedOut?.();
      throw error;
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    const body = (text ? JSON.parse(text) : undefined) as T & { csrfToken?: string };
    if (body && typeof body === 'object' && typeof body.csrfToken === 'string') this.csrfToken = body.csrfToken;
    return body;
  }
}

function enc(s: string): string {
  return encodeURIComponent(s);
}

/** Rota listings: the contract names the fields, not the envelope. */
export function rotaEntries(body: { entries: RotaEntry[] } | RotaEntry[] | { rota: RotaEntry[] }): RotaEntry[] {
  if (Array.isArray(body)) return body;
  if ('entries' in body && Array.isArray(body.entries)) return body.entries;
  if ('rota' in body && Array.isArray(body.rota)) return body.rota;
  return [];
}
