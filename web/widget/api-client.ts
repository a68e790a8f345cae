import type { CreateConversationRequest, Language, LanguagesResponse, PostMessageRequest, PostMessageResponse, SuggestionsResponse, UploadFileResponse } from '../../wire/index.js';
import type { OutboundMessage, Session, Transcript, TypeaheadSuggestion } from './types.js';

/** A failed request. status 0 means the network failed before any answer came back. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }

  /** The stored conversation no longer exists for us: start a new one. */
  get conversationGone(): boolean {
    return this.status === 401 || this.status === 403 || this.status === 404;
  }
}

/** The web-chat endpoints of the HTTP API (see api/). */
export class ChatApi {
  constructor(
    private readonly baseUrl: string,
    private readonly tenant: string,
  ) {}

  /** `language`: the resident's choice (the switch, or the page's `data-language`), so the greeting is in it; absent, a bilingual council greets in both. */
  async createConversation(language?: Language): Promise<Session> {
    const body = await this.request<Session>('POST', '/api/v1/conversations', { tenant: this.tenant, channel: 'webchat', ...(language ? { language } : {}) } satisfies CreateConversationRequest);
    return { conversationId: body.conversationId, token: body.token };
  }

  /** The languages the council offers, its default first (for the English / Cymraeg switch). */
  async languages(): Promise<Language[]> {
    const body = await this.request<Partial<LanguagesResponse>>('GET', `/api/v1/languages?${new URLSearchParams({ tenant: this.tenant })}`);
    return (body.languages ?? []).filter((l): l is Language => l === 'en' || l === 'cy');
  }

  transcript(session: Session): Promise<Transcript> {
    return this.request<Transcript>('GET', `/api/v1/conversations/${encodeURIComponent(session.conversationId)}/messages`, undefined, session);
  }

  /** `id` is generated once per message, so a retry after a lost answer is not a second message. */
  /** `language`: the resident's choice with the switch, when they made one. */
  async send(session: Session, text: string, id: string, language?: Language): Promise<OutboundMessage[]> {
    const path = `/api/v1/conversations/${encodeURIComponent(session.conversationId)}/messages`;
    const body = await this.request<Partial<PostMessageResponse>>('POST', path, { text, id, ...(language ? { language } : {}) } satisfies PostMessageRequest, session);
    return body.messages ?? [];
  }

  /** A photo or file: the body is the file itself, its name in the query (api/routes/files.ts). A refusal is an ApiError whose message says why. */
  upload(session: Session, file: Blob, name: string): Promise<UploadFileResponse> {
    const query = name ? `?${new URLSearchParams({ name: name.slice(0, 200) })}` : '';
    const path = `/api/v1/conversations/${encodeURIComponent(session.conversationId)}/files${query}`;
    return this.request<UploadFileResponse>('POST', path, undefined, session, undefined, { body: file, type: file.type || 'application/octet-stream' });
  }

  async suggestions(q: string, signal: AbortSignal, language?: Language): Promise<TypeaheadSuggestion[]> {
    // The API caps q at 200 characters; the start of a long question is enough to suggest from.
    const query = new URLSearchParams({ tenant: this.tenant, q: q.slice(0, 200), ...(language ? { language } : {}) });
    const body = await this.request<Partial<SuggestionsResponse>>('GET', `/api/v1/suggestions?${query}`, undefined, undefined, signal);
    return body.suggestions ?? [];
  }

  private async request<T>(method: string, path: string, json?: unknown, session?: Session, signal?: AbortSignal, raw?: { body: Blob; type: string }): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (json !== undefined) headers['Content-Type'] = 'application/json';
    if (raw) headers['Content-Type'] = raw.type;
    if (session) headers.Authorization = `Bearer ${session.token}`;
    let response: Response;
    try {
      response = await fetch(this.baseUrl + path, { method, headers, body: raw ? raw.body : json === undefined ? undefined : JSON.stringify(json), signal });
    } catch (err) {
      if (signal?.aborted) throw err;
      throw new ApiError(0, 'network error');
    }
    if (!response.ok) throw new ApiError(response.status, await problemTitle(response));
    try {
      return (await response.json()) as T;
    } catch {
      throw new ApiError(response.status, 'unreadable response');
    }
  }
}

/** Errors are application/problem+json; the title is only for diagnostics, never shown as HTML. */
async function problemTitle(response: Response): Promise<string> {
  try {
    const problem = (await response.json()) as { title?: string; detail?: string };
    return problem.detail || problem.title || response.statusText;
  } catch {
    return response.statusText;
  }
}
