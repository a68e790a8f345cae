import type {
  AcceptResponse,
  AgentDirectory,
  CannedResponseRequest,
  CannedResponseSaved,
  ConversationNotes,
  NoteAdded,
  TransferTargets,
  UnreadCounts,
  AgentResponse,
  CannedResponses,
  CaseCreated,
  CaseRequest,
  CaseUpdateRequest,
  CloseOutcome,
  ConversationView,
  EnrolmentDone,
  KbSearchResponse,
  LoginRequest,
  LoginResponse,
  NewRotaEntry,
  Presence,
  Problem,
  QueueListing,
  ReplyResponse,
  RotaEntry,
  RotaEntryCreated,
  RotaListing,
  SecondFactorRequest,
  SignedIn,
  SupervisorQueues,
  TotpEnrolment,
  TransferRequest,
} from '../../wire/index.js';

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

  login(email: string, password: string, tenant?: string): Promise<LoginResponse> {
    return this.send('POST', '/login', { ...(tenant ? { tenant } : {}), email, password } satisfies LoginRequest, { signIn: true });
  }
  enrolment(): Promise<TotpEnrolment> {
    return this.send('GET', '/totp/enrol', undefined, { signIn: true });
  }
  confirmEnrolment(code: string): Promise<EnrolmentDone> {
    return this.send('POST', '/totp/enrol', { code }, { signIn: true });
  }
  verifyTotp(answer: SecondFactorRequest): Promise<SignedIn> {
    return this.send('POST', '/totp', answer, { signIn: true });
  }
  logout(): Promise<void> {
    return this.send('POST', '/logout', undefined, { signIn: true });
  }
  logoutEverywhere(): Promise<void> {
    return this.send('POST', '/logout-everywhere', undefined, { signIn: true });
  }
  me(): Promise<SignedIn> {
    return this.send('GET', '/me', undefined, { signIn: true });
  }
  setStatus(status: Presence): Promise<AgentResponse> {
    return this.send('PUT', '/me/status', { status });
  }
  queue(): Promise<QueueListing> {
    return this.send('GET', '/queue');
  }
  accept(handoffId: string): Promise<AcceptResponse> {
    return this.send('POST', `/handoffs/${enc(handoffId)}/accept`);
  }
  conversation(id: string): Promise<ConversationView> {
    return this.send('GET', `/conversations/${enc(id)}`);
  }
  reply(id: string, text: string): Promise<ReplyResponse> {
    return this.send('POST', `/conversations/${enc(id)}/messages`, { text });
  }
  transfer(id: string, to: TransferRequest): Promise<void> {
    return this.send('POST', `/conversations/${enc(id)}/transfer`, to);
  }
  handBack(id: string): Promise<void> {
    return this.send('POST', `/conversations/${enc(id)}/hand-back`);
  }
  close(id: string, outcome: CloseOutcome): Promise<void> {
    return this.send('POST', `/conversations/${enc(id)}/close`, { outcome });
  }
  /** `all`: every skill's (supervisors and admins, who manage them); else the council's and the agent's skills'. */
  cannedResponses(all = false): Promise<CannedResponses> {
    return this.send('GET', `/canned-responses${all ? '?all=true' : ''}`);
  }
  saveCannedResponse(id: string | null, body: CannedResponseRequest): Promise<CannedResponseSaved> {
    return id ? this.send('PUT', `/canned-responses/${enc(id)}`, body) : this.send('POST', '/canned-responses', body);
  }
  deleteCannedResponse(id: string): Promise<void> {
    return this.send('DELETE', `/canned-responses/${enc(id)}`);
  }
  /** Transfer targets: every queue of the council (the pack's), and its agents with their presence. */
  transferQueues(): Promise<TransferTargets> {
    return this.send('GET', '/queues');
  }
  transferAgents(): Promise<AgentDirectory> {
    return this.send('GET', '/agents');
  }
  notes(conversationId: string): Promise<ConversationNotes> {
    return this.send('GET', `/conversations/${enc(conversationId)}/notes`);
  }
  addNote(conversationId: string, text: string): Promise<NoteAdded> {
    return this.send('POST', `/conversations/${enc(conversationId)}/notes`, { text });
  }
  markRead(conversationId: string, upTo: string): Promise<void> {
    return this.send('POST', `/conversations/${enc(conversationId)}/read`, { upTo });
  }
  unread(): Promise<UnreadCounts> {
    return this.send('GET', '/unread');
  }
  searchKb(q: string): Promise<KbSearchResponse> {
    return this.send('GET', `/kb/search?${new URLSearchParams({ q })}`);
  }
  createCase(conversationId: string, body: CaseRequest): Promise<CaseCreated> {
    return this.send('POST', `/conversations/${enc(conversationId)}/case`, body);
  }
  updateCase(reference: string, body: CaseUpdateRequest): Promise<void> {
    return this.send('PATCH', `/cases/${enc(reference)}`, body);
  }
  supervisorQueues(): Promise<SupervisorQueues> {
    return this.send('GET', '/supervisor/queues');
  }
  rota(): Promise<RotaListing> {
    return this.send('GET', '/rota');
  }
  addRota(entry: NewRotaEntry): Promise<RotaEntryCreated> {
    return this.send('POST', '/rota', entry);
  }
  deleteRota(id: string): Promise<void> {
    return this.send('DELETE', `/rota/${enc(id)}`);
  }

  /** A JSON request to /api/console with the session's CSRF token (a new one is kept); a problem becomes an ApiError, a 401 signs out unless signing in. */
  async send<T>(method: string, path: string, json?: unknown, opts: { signIn?: boolean } = {}): Promise<T> {
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
      const problem = (await response.json().catch(() => ({}))) as Partial<Problem>;
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

/** Rota listings: GET /rota answers {entries}; the other envelopes are tolerated from older servers. */
export function rotaEntries(body: RotaListing | RotaEntry[] | { rota: RotaEntry[] }): RotaEntry[] {
  if (Array.isArray(body)) return body;
  if ('entries' in body && Array.isArray(body.entries)) return body.entries;
  if ('rota' in body && Array.isArray(body.rota)) return body.rota;
  return [];
}
