import { ApiError, type ConsoleApi } from './api.js';
import { channelLabel } from './queue-view.js';
import { announcePage, el, errorText, ErrorSummary, field, formatDateTime, humanise, input, type Field } from './ui.js';
import type { Workspace } from './workspace.js';
import type { Problem } from '../../wire/index.js';
import type { SearchResult } from '../../wire/index.js';

/**
 * Search for agents (#/search, issue 16 item 5): earlier cases and conversations by reference,
 * name, phone, e-mail, postcode, service and dates; a result opens read-only at
 * #/search/case/<id> or #/search/conversation/<id>. The server shows only what the agent may see
 * and audits every result opened (api/console/search-routes.ts). Phone, e-mail and postcode are
 * sealed at rest, so only a whole one matches: the hints say so. The last search is kept in memory
 * only, so "Back to results" returns to it.
 */

type AnyField = Field<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>;


interface CaseDetail {
  id: string;
  reference: string;
  service: string;
  status: string;
  summary: string;
  address: string | null;
  postcode: string | null;
  team: string | null;
  targetDate: string | null;
  conversationId: string | null;
  createdAt: string;
  updatedAt: string;
  history: { status: string; note: string | null; createdAt: string }[];
}

interface ConversationDetail {
  id: string;
  channel: string;
  state: string;
  createdAt: string;
  closedAt: string | null;
  messages: { id: string; direction: string; author: string; text: string; createdAt: string }[];
  cases: { id: string; reference: string; serviceId: string; status: string }[];
}

/** A JSON request to the console API with the session's CSRF token; a problem becomes an ApiError (401 signs out). */
export async function consoleRequest(api: ConsoleApi, method: 'GET' | 'POST', path: string, json?: unknown): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (json !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && api.csrfToken) headers['X-CSRF-Token'] = api.csrfToken;
  let res: Response;
  try {
    res = await fetch(`/api/console${path}`, { method, headers, credentials: 'same-origin', body: json === undefined ? undefined : JSON.stringify(json) });
  } catch {
    throw new ApiError(0, 'Network error', 'The console could not reach the server. Check your connection and try again.');
  }
  if (res.ok) return res;
  const problem = (await res.json().catch(() => ({}))) as Partial<Problem>;
  if (res.status === 401) api.onSignedOut?.();
  throw new ApiError(res.status, problem.title || res.statusText, problem.detail, problem.errors ?? []);
}

/** The problem's detail when the server gave one (it says which field and why). */
export function problemMessage(err: unknown): string {
  if (err instanceof ApiError && err.detail) return err.detail;
  return errorText(err);
}

const CRITERIA = [
  { key: 'reference', label: 'Case reference', hint: 'The whole reference, for example WST-123456', attrs: { inputmode: 'text' } },
  { key: 'name', label: 'Name', hint: 'Part of the name finds everyone whose name contains it', attrs: {} },
  { key: 'phone', label: 'Phone number', hint: 'The whole number, with or without spaces', attrs: { type: 'tel', inputmode: 'tel', autocomplete: 'off' } },
  { key: 'email', label: 'Email address', hint: 'The whole address', attrs: { type: 'email', autocomplete: 'off' } },
  { key: 'postcode', label: 'Postcode', hint: 'The whole postcode of the address, for example SW1A 1AA', attrs: { autocomplete: 'off', class: 'govuk-input govuk-input--width-10' } },
] as const;

type Criteria = Partial<Record<'reference' | 'name' | 'phone' | 'email' | 'postcode' | 'service' | 'from' | 'to', string>>;

/** The last search and its results, in memory only: "Back to results" shows them again. */
let last: { criteria: Criteria; results: SearchResult[]; limited: boolean } | null = null;

export class SearchView {
  private readonly summary = new ErrorSummary();
  private readonly results = el('section', { id: 'search-results', 'aria-labelledby': 'search-results-title', hidden: true });
  private fields = new Map<string, AnyField>();
  private destroyed = false;

  constructor(
    private readonly ws: Workspace,
    private readonly hash: string,
  ) {}

  mount(main: HTMLElement): void {
    const opened = /^#\/search\/(case|conversation)\/([\w-]+)$/.exec(this.hash);
    if (opened) return void this.open(main, opened[1] as 'case' | 'conversation', opened[2]);
    const h1 = el('h1', { class: 'govuk-heading-l' }, 'Search earlier contacts');
    main.replaceChildren(
      this.summary.node,
      h1,
      el('p', { class: 'govuk-body ca-narrow' }, 'Find earlier cases and conversations you may see. Give one or more of these; dates narrow the search. Phone numbers, email addresses and postcodes are stored encrypted, so only a whole one matches. Every result you open is recorded in the audit trail.'),
      this.form(),
      this.results,
    );
    announcePage('Search', h1);
    if (last) this.showResults(last.results, last.limited, false);
  }

  destroy(): void {
    this.destroyed = true;
  }

  private form(): HTMLFormElement {
    const groups: HTMLElement[] = [];
    for (const c of CRITERIA) {
      const f = field(c.label, input({ id: `search-${c.key}`, name: c.key, spellcheck: 'false', maxlength: '200', class: 'govuk-input govuk-input--width-20', ...c.attrs }), { hint: c.hint });
      f.control.value = last?.criteria[c.key] ?? '';
      this.fields.set(c.key, f as AnyField);
      groups.push(f.group);
    }
    const service = field('Service', el('select', { class: 'govuk-select', id: 'search-service', name: 'service' }, el('option', { value: '' }, 'Any service')));
    this.fields.set('service', service as AnyField);
    void this.loadServices(service.control);
    for (const [key, label] of [
      ['from', 'From (date)'],
      ['to', 'To (date)'],
    ] as const) {
      const f = field(label, input({ id: `search-${key}`, name: key, type: 'date', class: 'govuk-input govuk-input--width-10' }));
      f.control.value = last?.criteria[key] ?? '';
      this.fields.set(key, f as AnyField);
    }
    const submit = el('button', { type: 'submit', class: 'govuk-button', id: 'search-button' }, 'Search');
    const form = el(
      'form',
      { novalidate: true, id: 'search-form', class: 'ca-narrow' },
      ...groups,
      service.group,
      el('div', { class: 'ca-search-dates' }, this.fields.get('from')!.group, this.fields.get('to')!.group),
      submit,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.search();
    });
    return form;
  }

  private async loadServices(select: HTMLSelectElement): Promise<void> {
    try {
      const { services } = (await (await consoleRequest(this.ws.api, 'GET', '/search/services')).json()) as { services: { id: string; name: string }[] };
      select.append(...services.map((s) => el('option', { value: s.id }, s.name)));
      if (last?.criteria.service) select.value = last.criteria.service;
    } catch {
      // Searching without the service list still works.
    }
  }

  private async search(): Promise<void> {
    const criteria: Criteria = {};
    for (const [key, f] of this.fields) {
      const v = f.control.value.trim();
      if (v) criteria[key as keyof Criteria] = v;
    }
    const all = [...this.fields.values()];
    if (!CRITERIA.some((c) => criteria[c.key]) && !criteria.service) {
      return this.summary.show([{ message: 'Enter a case reference, name, phone number, email address or postcode, or choose a service', field: this.fields.get('reference') }], all);
    }
    this.summary.clear(all);
    try {
      const body = (await (await consoleRequest(this.ws.api, 'POST', '/search', criteria)).json()) as { results: SearchResult[]; limited: boolean };
      if (this.destroyed) return;
      last = { criteria, results: body.results, limited: body.limited };
      this.showResults(body.results, body.limited, true);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
      this.summary.show([{ message: `Could not search: ${problemMessage(err)}` }], all);
    }
  }

  private showResults(results: SearchResult[], limited: boolean, focus: boolean): void {
    const heading = el('h2', { class: 'govuk-heading-m', id: 'search-results-title', tabindex: '-1' }, results.length ? `${results.length} ${results.length === 1 ? 'result' : 'results'}` : 'No results');
    const children: Node[] = [heading];
    if (!results.length) {
      children.push(el('p', { class: 'govuk-body' }, 'Nothing you may see matches. Check what you entered: a phone number, email address or postcode must be whole.'));
    } else {
      if (limited) children.push(el('p', { class: 'govuk-body' }, 'Only the newest results are shown: narrow the search to see others.'));
      const row = (r: SearchResult) =>
        el(
          'tr',
          { class: 'govuk-table__row' },
          el(
            'th',
            { scope: 'row', class: 'govuk-table__header' },
            el('a', { class: 'govuk-link', href: `#/search/${r.kind}/${encodeURIComponent(r.id)}` }, r.kind === 'case' ? `Case ${r.title}` : `Conversation by ${channelLabel(r.channel ?? '')}`),
          ),
          el('td', { class: 'govuk-table__cell' }, r.contactName ?? 'Not known'),
          el('td', { class: 'govuk-table__cell' }, r.kind === 'case' ? (r.service ?? '') : r.caseReferences.join(', ') || 'No case'),
          el('td', { class: 'govuk-table__cell' }, humanise(r.status)),
          el('td', { class: 'govuk-table__cell' }, formatDateTime(r.createdAt)),
        );
      children.push(
        el(
          'table',
          { class: 'govuk-table', id: 'search-table' },
          el('caption', { class: 'govuk-table__caption govuk-visually-hidden' }, 'Search results, newest first'),
          el(
            'thead',
            { class: 'govuk-table__head' },
            el('tr', { class: 'govuk-table__row' }, ...['Record', 'Resident', 'Service or cases', 'Status', 'Started'].map((h) => el('th', { scope: 'col', class: 'govuk-table__header' }, h))),
          ),
          el('tbody', { class: 'govuk-table__body' }, ...results.map(row)),
        ),
      );
    }
    this.results.replaceChildren(...children);
    this.results.hidden = false;
    if (focus) heading.focus();
  }

  // --- A result opened ---------------------------------------------------------------------------

  private async open(main: HTMLElement, kind: 'case' | 'conversation', id: string): Promise<void> {
    const back = el('a', { class: 'govuk-back-link', href: '#/search' }, 'Back to search results');
    main.replaceChildren(back, el('p', { class: 'govuk-body', role: 'status' }, 'Opening…'));
    try {
      const res = await consoleRequest(this.ws.api, 'GET', `/search/${kind}s/${encodeURIComponent(id)}`);
      if (this.destroyed) return;
      if (kind === 'case') this.showCase(main, back, ((await res.json()) as { case: CaseDetail }).case);
      else this.showConversation(main, back, ((await res.json()) as { conversation: ConversationDetail }).conversation);
    } catch (err) {
      if (this.destroyed || (err instanceof ApiError && err.status === 401)) return;
      const h1 = el('h1', { class: 'govuk-heading-l' }, err instanceof ApiError && err.status === 404 ? `${kind === 'case' ? 'Case' : 'Conversation'} not found` : 'Could not open it');
      main.replaceChildren(back, h1, el('p', { class: 'govuk-body' }, err instanceof ApiError && err.status === 404 ? 'It does not exist, or it is not one you may see.' : problemMessage(err)));
      announcePage('Search', h1);
    }
  }

  private showCase(main: HTMLElement, back: HTMLElement, c: CaseDetail): void {
    const h1 = el('h1', { class: 'govuk-heading-l', id: 'search-opened-title' }, `Case ${c.reference}`);
    const rows: [string, string][] = [
      ['Service', c.service],
      ['Status', humanise(c.status)],
      ['What was reported', c.summary],
      ['Address', c.address ?? 'Not given'],
      ['Team', c.team ?? 'Not assigned'],
      ['Target date', c.targetDate ?? 'None'],
      ['Reported', formatDateTime(c.createdAt)],
      ['Last updated', formatDateTime(c.updatedAt)],
    ];
    main.replaceChildren(
      back,
      h1,
      summaryList(rows),
      el('h2', { class: 'govuk-heading-m' }, 'History'),
      el('ol', { class: 'govuk-list govuk-list--number', id: 'search-case-history' }, ...c.history.map((h) => el('li', {}, `${formatDateTime(h.createdAt)}: ${humanise(h.status)}${h.note ? ` – ${h.note}` : ''}`))),
      c.conversationId ? el('p', { class: 'govuk-body' }, el('a', { class: 'govuk-link', href: `#/search/conversation/${encodeURIComponent(c.conversationId)}` }, 'Open the conversation it came from')) : el('p', { class: 'govuk-body' }, 'It did not come from a conversation.'),
    );
    announcePage(`Case ${c.reference}`, h1);
  }

  private showConversation(main: HTMLElement, back: HTMLElement, c: ConversationDetail): void {
    const h1 = el('h1', { class: 'govuk-heading-l', id: 'search-opened-title' }, `Conversation by ${channelLabel(c.channel)}`);
    const who = (a: string) => (a === 'resident' ? 'Resident' : a === 'bot' ? 'Assistant' : a === 'agent' ? 'Adviser' : 'System');
    main.replaceChildren(
      back,
      h1,
      summaryList([
        ['State', humanise(c.state)],
        ['Started', formatDateTime(c.createdAt)],
        ['Closed', c.closedAt ? formatDateTime(c.closedAt) : 'Not closed'],
      ]),
      el('p', { class: 'govuk-body' }, ...(c.cases.length ? ['Cases: ', ...c.cases.flatMap((s, i) => [i ? ', ' : '', el('a', { class: 'govuk-link', href: `#/search/case/${encodeURIComponent(s.id)}` }, s.reference)])] : ['No case came from it.'])),
      el('h2', { class: 'govuk-heading-m' }, 'Messages'),
      el('ol', { class: 'govuk-list', id: 'search-transcript' }, ...c.messages.map((m) => el('li', {}, el('strong', {}, `${who(m.author)}, ${formatDateTime(m.createdAt)}: `), m.text))),
    );
    announcePage('Conversation', h1);
  }
}

function summaryList(rows: [string, string][]): HTMLElement {
  return el('dl', { class: 'govuk-summary-list' }, ...rows.map(([k, v]) => el('div', { class: 'govuk-summary-list__row' }, el('dt', { class: 'govuk-summary-list__key' }, k), el('dd', { class: 'govuk-summary-list__value' }, v))));
}
