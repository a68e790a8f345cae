import { ApiError } from './api.js';
import { consoleRequest, problemMessage } from './search-view.js';
import { announcePage, el, ErrorSummary, field, formatDateTime, input, type Field } from './ui.js';
import type { Workspace } from './workspace.js';

/**
 * The audit viewer, for admins (#/audit, issue 16 item 6): the council's audit trail filtered by
 * staff member, resident (phone, e-mail or case reference), action and dates, a hundred events at
 * a time, newest first; and the same filter downloaded as CSV (the export is itself audited).
 * The server refuses anyone without the admin role (api/console/audit-routes.ts).
 */

type AnyField = Field<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>;

interface AuditEvent {
  id: string;
  createdAt: string;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  detail: unknown;
}

type Filter = 'staff' | 'action' | 'residentPhone' | 'residentEmail' | 'residentReference' | 'from' | 'to';

export class AuditView {
  private readonly summary = new ErrorSummary();
  private readonly fields = new Map<Filter, AnyField>();
  private readonly results = el('section', { id: 'audit-results', 'aria-labelledby': 'audit-results-title' });
  private readonly status = el('div', { role: 'status', class: 'govuk-body' });
  private filter: Record<string, string> = {};
  private destroyed = false;

  constructor(private readonly ws: Workspace) {}

  mount(main: HTMLElement): void {
    const h1 = el('h1', { class: 'govuk-heading-l' }, 'Audit trail');
    main.replaceChildren(
      this.summary.node,
      h1,
      el('p', { class: 'govuk-body ca-narrow' }, 'Who did what to which record: searches and records opened, changes to staff, cases and conversations. Filter it, then download what you see as CSV.'),
      this.form(),
      this.status,
      this.results,
    );
    announcePage('Audit trail', h1);
    void this.loadFacets();
    void this.show(false);
  }

  destroy(): void {
    this.destroyed = true;
  }

  private form(): HTMLFormElement {
    const staff = field('Staff member', el('select', { class: 'govuk-select', id: 'audit-staff', name: 'staff' }, el('option', { value: '' }, 'Anyone')));
    const action = field('Action', el('select', { class: 'govuk-select', id: 'audit-action', name: 'action' }, el('option', { value: '' }, 'Any action')));
    const text = (key: string, label: string, attrs: Record<string, string> = {}) =>
      field(label, input({ id: `audit-${key}`, name: key, autocomplete: 'off', spellcheck: 'false', maxlength: '200', class: 'govuk-input govuk-input--width-20', ...attrs }));
    const phone = text('residentPhone', 'Phone number', { type: 'tel' });
    const email = text('residentEmail', 'Email address', { type: 'email' });
    const reference = text('residentReference', 'Case reference');
    const from = field('From (date)', input({ id: 'audit-from', name: 'from', type: 'date', class: 'govuk-input govuk-input--width-10' }));
    const to = field('To (date)', input({ id: 'audit-to', name: 'to', type: 'date', class: 'govuk-input govuk-input--width-10' }));
    for (const [k, f] of [
      ['staff', staff],
      ['action', action],
      ['residentPhone', phone],
      ['residentEmail', email],
      ['residentReference', reference],
      ['from', from],
      ['to', to],
    ] as const) this.fields.set(k, f as AnyField);
    const resident = el(
      'fieldset',
      { class: 'govuk-fieldset' },
      el('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, 'Resident (the records about them)'),
      el('div', { class: 'govuk-hint' }, 'Their whole phone number, email address or a case reference'),
      phone.group,
      email.group,
      reference.group,
    );
    const submit = el('button', { type: 'submit', class: 'govuk-button', id: 'audit-show' }, 'Show events');
    const download = el('button', { type: 'button', class: 'govuk-button govuk-button--secondary', id: 'audit-csv' }, 'Download CSV');
    download.addEventListener('click', () => void this.download());
    const form = el('form', { novalidate: true, id: 'audit-form', class: 'ca-narrow' }, staff.group, action.group, el('div', { class: 'govuk-form-group' }, resident), from.group, to.group, el('div', { class: 'govuk-button-group' }, submit, download));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.show(true);
    });
    return form;
  }

  private async loadFacets(): Promise<void> {
    try {
      const facets = (await (await consoleRequest(this.ws.api, 'GET', '/audit/facets')).json()) as { staff: { id: string; name: string }[]; actions: string[] };
      this.fields.get('staff')!.control.append(...facets.staff.map((s) => el('option', { value: s.id }, s.name)));
      this.fields.get('action')!.control.append(...facets.actions.map((a) => el('option', { value: a }, a)));
    } catch {
      // The filters still work by typing nothing: all events are shown.
    }
  }

  private readFilter(): Record<string, string> {
    const f: Record<string, string> = {};
    for (const [k, fieldOf] of this.fields) {
      const v = fieldOf.control.value.trim();
      if (v) f[k] = v;
    }
    return f;
  }

  private async show(focus: boolean, before?: string): Promise<void> {
    const all = [...this.fields.values()];
    if (!before) this.filter = this.readFilter();
    try {
      const body = (await (await consoleRequest(this.ws.api, 'POST', '/audit/events', { ...this.filter, ...(before ? { before } : {}) })).json()) as { events: AuditEvent[]; nextBefore: string | null };
      if (this.destroyed) return;
      this.summary.clear(all);
      this.render(body.events, body.nextBefore, !!before, focus);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
      this.summary.show([{ message: `Could not show the audit trail: ${problemMessage(err)}` }], all);
    }
  }

  private render(events: AuditEvent[], nextBefore: string | null, more: boolean, focus: boolean): void {
    const row = (e: AuditEvent) =>
      el(
        'tr',
        { class: 'govuk-table__row' },
        el('td', { class: 'govuk-table__cell' }, formatDateTime(e.createdAt)),
        el('td', { class: 'govuk-table__cell' }, e.actorName ?? (e.actorType === 'agent' ? 'Former staff member' : e.actorType)),
        el('td', { class: 'govuk-table__cell' }, e.action),
        el('td', { class: 'govuk-table__cell' }, `${e.subjectType}${e.subjectId ? ` ${e.subjectId}` : ''}`),
        el('td', { class: 'govuk-table__cell ca-audit-detail' }, e.detail == null ? '' : JSON.stringify(e.detail)),
      );
    let tbody = this.results.querySelector('tbody');
    if (!more || !tbody) {
      const heading = el('h2', { class: 'govuk-heading-m', id: 'audit-results-title', tabindex: '-1' }, events.length ? 'Events, newest first' : 'No events match');
      tbody = el('tbody', { class: 'govuk-table__body', id: 'audit-rows' });
      const table = el(
        'table',
        { class: 'govuk-table', id: 'audit-table' },
        el('caption', { class: 'govuk-table__caption govuk-visually-hidden' }, 'Audit events'),
        el('thead', { class: 'govuk-table__head' }, el('tr', { class: 'govuk-table__row' }, ...['Time', 'Staff member', 'Action', 'Record', 'Detail'].map((h) => el('th', { scope: 'col', class: 'govuk-table__header' }, h)))),
        tbody,
      );
      this.results.replaceChildren(heading, ...(events.length ? [el('div', { class: 'ca-report-scroll', role: 'region', 'aria-labelledby': 'audit-results-title', tabindex: '0' }, table)] : []));
      if (focus) heading.focus();
    }
    tbody.append(...events.map(row));
    this.results.querySelector('#audit-more')?.remove();
    if (nextBefore) {
      const older = el('button', { type: 'button', class: 'govuk-button govuk-button--secondary', id: 'audit-more' }, 'Show older events');
      older.addEventListener('click', () => void this.show(false, nextBefore));
      this.results.append(older);
    }
    this.status.textContent = `${tbody.children.length} ${tbody.children.length === 1 ? 'event' : 'events'} shown`;
  }

  private async download(): Promise<void> {
    const all = [...this.fields.values()];
    try {
      const res = await consoleRequest(this.ws.api, 'POST', '/audit/export', this.readFilter());
      const filename = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? 'audit.csv';
      const url = URL.createObjectURL(await res.blob());
      const link = el('a', { href: url, download: filename, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      this.status.textContent = `Downloaded ${filename}. Check your downloads.`;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
      this.summary.show([{ message: `Could not download the audit trail: ${problemMessage(err)}` }], all);
    }
  }
}
