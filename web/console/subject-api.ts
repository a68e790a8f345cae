import type { EraseRequest, ErasureListing, ErasureResult, Problem, SubjectIds, SubjectSearchRequest, SubjectSearchResponse } from '../../wire/index.js';
import { ApiError, type ConsoleApi } from './api.js';

/**
 * The console's client for subject access and erasure (/api/console/subject-access, admins only).
 * Kept beside its view, as the supervisor view keeps its duty calls: it shares the console's
 * session (cookie), CSRF token and signed-out handling through ConsoleApi.
 */

const BASE = '/api/console/subject-access';

/** `contacts=a,b&cases=c`: the subject as the export route reads it. */
export function subjectQuery(subject: SubjectIds, format: 'json' | 'html'): string {
  const q = new URLSearchParams();
  if (subject.contactIds.length) q.set('contacts', subject.contactIds.join(','));
  if (subject.caseIds.length) q.set('cases', subject.caseIds.join(','));
  q.set('format', format);
  return q.toString();
}

/** Where the printable record is: a plain GET the browser opens in a new tab with the session cookie. */
export function printableUrl(subject: SubjectIds): string {
  return `${BASE}/export?${subjectQuery(subject, 'html')}`;
}

export class SubjectApi {
  constructor(private readonly api: ConsoleApi) {}

  async search(body: SubjectSearchRequest): Promise<SubjectSearchResponse> {
    return (await this.request('POST', '/search', body)).json() as Promise<SubjectSearchResponse>;
  }

  /** The JSON export as a file: its bytes as sent and the name the server gave it. */
  async exportJson(subject: SubjectIds): Promise<{ blob: Blob; filename: string }> {
    const res = await this.request('GET', `/export?${subjectQuery(subject, 'json')}`);
    const filename = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? 'subject-access.json';
    return { blob: await res.blob(), filename };
  }

  async erase(body: EraseRequest): Promise<ErasureResult> {
    return (await this.request('POST', '/erase', body)).json() as Promise<ErasureResult>;
  }

  async erasures(): Promise<ErasureListing> {
    return (await this.request('GET', '/erasures')).json() as Promise<ErasureListing>;
  }

  private async request(method: 'GET' | 'POST', path: string, json?: unknown): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (json !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && this.api.csrfToken) headers['X-CSRF-Token'] = this.api.csrfToken;
    let res: Response;
    try {
      res = await fetch(BASE + path, { method, headers, credentials: 'same-origin', body: json === undefined ? undefined : JSON.stringify(json) });
    } catch {
      throw new ApiError(0, 'Network error', 'The console could not reach the server. Check your connection and try again.');
    }
    if (res.ok) return res;
    const problem = (await res.json().catch(() => ({}))) as Partial<Problem>;
    if (res.status === 401) this.api.onSignedOut?.();
    throw new ApiError(res.status, problem.title || res.statusText, problem.detail, problem.errors ?? []);
  }
}
