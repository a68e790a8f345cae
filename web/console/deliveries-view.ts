import type { CaseRedelivered, Problem, PushDeliveries, PushDelivery, PushRedelivered, PushWebhookSummary, RedeliverCaseRequest } from '../../wire/index.js';
import { ApiError } from './api.js';
import { announcePage, banner, button, el, errorText, ErrorSummary, field, formatDateTime, humanise, input, redrawKeepingFocus, say, type Field } from './ui.js';
import type { Workspace } from './workspace.js';

/**
 * Back-office deliveries, for supervisors: how the council's case events are reaching its back
 * office's webhooks; each delivery that failed (after its retries) or is retrying after an error,
 * with the last error, the attempts and how many later events of the case wait behind it; a
 * redeliver button for a failed one, and a form to send a case's whole history to a webhook again.
 * Both redeliveries are recorded in the audit trail by the server.
 */

const BASE = '/api/console/supervisor';

const STATUS_TAG: Record<PushDelivery['status'], [string, string]> = {
  failed: ['Failed', 'govuk-tag--red'],
  retrying: ['Retrying', 'govuk-tag--yellow'],
  pending: ['Waiting', 'govuk-tag--grey'],
  sending: ['Sending', 'govuk-tag--blue'],
  delivered: ['Delivered', 'govuk-tag--grey'],
};

const EVENT_LABEL: Record<string, string> = {
  created: 'Case created',
  updated: 'Case updated',
  status_changed: 'Status changed',
  note_added: 'Note added',
  merged: 'Report joined to it',
};

export class DeliveriesView {
  private readonly messages = el('div', {});
  private readonly error = el('div', {});
  private readonly counts = el('dl', { class: 'govuk-summary-list', id: 'delivery-counts' });
  private readonly body = el('tbody', { class: 'govuk-table__body' });
  private readonly table = el(
    'table',
    { class: 'govuk-table', id: 'deliveries-table' },
    el('caption', { class: 'govuk-table__caption govuk-table__caption--m' }, 'Deliveries that failed or are being retried'),
    el(
      'thead',
      { class: 'govuk-table__head' },
      el('tr', { class: 'govuk-table__row' }, ...['Case', 'Event', 'Webhook', 'Status', 'Attempts', 'Last error', 'Last attempt', 'Waiting behind it', 'Action'].map((h) => el('th', { scope: 'col', class: 'govuk-table__header' }, h))),
    ),
    this.body,
  );
  private readonly empty = el('p', { class: 'govuk-body', id: 'deliveries-empty' }, 'No delivery has failed or is being retried.');
  private readonly webhooks = el('div', { id: 'delivery-webhooks' });
  private readonly historyForm = el('div', { id: 'delivery-history' });
  private webhookList: PushWebhookSummary[] = [];
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly ws: Workspace) {}

  mount(main: HTMLElement): void {
    const h1 = el('h1', { class: 'govuk-heading-l' }, 'Back-office deliveries');
    main.replaceChildren(
      this.messages,
      h1,
      el('p', { class: 'govuk-body' }, 'Every change to a case is sent to the back-office systems set up for this council. A delivery that keeps failing holds back the later changes to that case for that system until it is redelivered.'),
      this.error,
      el('h2', { class: 'govuk-heading-m' }, 'All deliveries'),
      this.counts,
      this.table,
      this.empty,
      this.historyForm,
      this.webhooks,
    );
    announcePage('Back-office deliveries', h1);
    this.timer = setInterval(() => void this.refresh(), 15_000);
    void this.refresh();
  }

  destroy(): void {
    clearInterval(this.timer);
  }

  private async refresh(): Promise<void> {
    try {
      const data = (await (await this.request('GET', '/deliveries')).json()) as PushDeliveries;
      this.error.replaceChildren();
      this.showCounts(data.counts);
      // Every 15 s: a keyboard user on a Redeliver button stays on it (or, when its row has gone, on the table).
      redrawKeepingFocus(
        this.body,
        () => {
          this.body.replaceChildren(...data.deliveries.map((d) => this.row(d)));
          this.table.hidden = data.deliveries.length === 0;
          this.empty.hidden = data.deliveries.length > 0;
        },
        () => (data.deliveries.length ? this.table : this.empty),
      );
      const changed = JSON.stringify(data.webhooks) !== JSON.stringify(this.webhookList);
      this.webhookList = data.webhooks;
      this.showWebhooks();
      // Rebuilt only when the webhooks change: a refresh must not wipe what someone is typing.
      if (changed || !this.historyForm.firstChild) redrawKeepingFocus(this.historyForm, () => this.showHistoryForm());
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
      const text = err instanceof ApiError && err.status === 403 ? 'You need supervisor access to see this page.' : `Could not load the deliveries: ${errorText(err)}`;
      this.error.replaceChildren(el('p', { class: 'govuk-error-message', role: 'alert' }, text));
    }
  }

  private showCounts(counts: PushDeliveries['counts']): void {
    const rows: [string, number][] = [
      ['Delivered', counts.delivered],
      ['Waiting to be sent', counts.pending + counts.sending],
      ['Being retried', counts.retrying],
      ['Failed', counts.failed],
    ];
    this.counts.replaceChildren(
      ...rows.map(([label, n]) =>
        el('div', { class: 'govuk-summary-list__row' }, el('dt', { class: 'govuk-summary-list__key' }, label), el('dd', { class: 'govuk-summary-list__value', 'data-count': label }, String(n))),
      ),
    );
  }

  private row(d: PushDelivery): HTMLTableRowElement {
    const [label, tag] = STATUS_TAG[d.status];
    let action: HTMLElement | string = '';
    if (d.status === 'failed') {
      const redeliver = button('Redeliver', { class: 'govuk-button govuk-button--secondary ca-small-button', 'data-action': 'redeliver', 'data-control': 'redeliver' }, 'secondary');
      redeliver.append(el('span', { class: 'govuk-visually-hidden' }, ` ${EVENT_LABEL[d.eventType] ?? humanise(d.eventType)} of case ${d.caseReference} to ${d.webhookName}`));
      redeliver.addEventListener('click', () => void this.redeliver(d, redeliver));
      action = redeliver;
    }
    const cell = (content: HTMLElement | string, numeric = false) => el('td', { class: `govuk-table__cell${numeric ? ' govuk-table__cell--numeric' : ''}` }, content);
    return el(
      'tr',
      { class: 'govuk-table__row', 'data-delivery': d.id },
      el('th', { scope: 'row', class: 'govuk-table__header', style: 'white-space: nowrap' }, d.caseReference),
      cell(`${EVENT_LABEL[d.eventType] ?? humanise(d.eventType)} (change ${d.seq})`),
      cell(d.webhookName),
      cell(el('strong', { class: `govuk-tag ${tag}` }, label)),
      cell(String(d.attempts), true),
      cell(d.lastError ?? '–'),
      cell(d.lastAttemptAt ? formatDateTime(d.lastAttemptAt) : '–'),
      cell(d.held ? `${d.held} later ${d.held === 1 ? 'change' : 'changes'}` : 'None'),
      cell(action),
    );
  }

  private async redeliver(d: PushDelivery, trigger: HTMLButtonElement): Promise<void> {
    trigger.disabled = true;
    try {
      await ((await this.request('POST', `/deliveries/${encodeURIComponent(d.id)}/redeliver`)).json() as Promise<PushRedelivered>);
      const text = `Redelivering case ${d.caseReference} to ${d.webhookName}${d.held ? `; the ${d.held} later ${d.held === 1 ? 'change follows' : 'changes follow'} once it is delivered` : ''}.`;
      this.messages.replaceChildren(banner('Success', text, true));
      await this.refresh();
      document.querySelector<HTMLElement>('#deliveries-table button, #delivery-history-reference')?.focus();
    } catch (err) {
      trigger.disabled = false;
      say(document.getElementById('announcer-urgent')!, `Could not redeliver: ${errorText(err)}`);
    }
  }

  private showWebhooks(): void {
    const h2 = el('h2', { class: 'govuk-heading-m' }, 'Back-office systems');
    if (!this.webhookList.length) {
      this.webhooks.replaceChildren(h2, el('p', { class: 'govuk-body' }, 'None is set up. An administrator adds one with npm run backoffice:webhook.'));
      return;
    }
    this.webhooks.replaceChildren(
      h2,
      el(
        'table',
        { class: 'govuk-table', id: 'webhooks-table' },
        el('caption', { class: 'govuk-table__caption govuk-visually-hidden' }, 'Back-office systems'),
        el('thead', { class: 'govuk-table__head' }, el('tr', { class: 'govuk-table__row' }, ...['Name', 'Address', 'Format', 'Services', 'Contact details', 'State'].map((h) => el('th', { scope: 'col', class: 'govuk-table__header' }, h)))),
        el(
          'tbody',
          { class: 'govuk-table__body' },
          ...this.webhookList.map((w) =>
            el(
              'tr',
              { class: 'govuk-table__row', 'data-webhook': w.id },
              el('th', { scope: 'row', class: 'govuk-table__header' }, w.name),
              el('td', { class: 'govuk-table__cell', style: 'overflow-wrap: anywhere' }, w.url),
              el('td', { class: 'govuk-table__cell' }, w.format.toUpperCase()),
              el('td', { class: 'govuk-table__cell' }, w.services ? w.services.join(', ') : 'All'),
              el('td', { class: 'govuk-table__cell' }, w.personal ? 'Sent' : 'Not sent'),
              el('td', { class: 'govuk-table__cell' }, w.enabled ? 'Enabled' : 'Disabled'),
            ),
          ),
        ),
      ),
    );
  }

  private showHistoryForm(): void {
    const enabled = this.webhookList.filter((w) => w.enabled);
    if (!enabled.length) return void this.historyForm.replaceChildren();
    const summary = new ErrorSummary();
    const target = field(
      'Back-office system',
      el('select', { class: 'govuk-select', id: 'delivery-history-webhook', name: 'webhook' }, ...enabled.map((w) => el('option', { value: w.id }, w.name))),
      { id: 'delivery-history-webhook' },
    );
    const reference = field('Case reference', input({ id: 'delivery-history-reference', name: 'reference', autocomplete: 'off', spellcheck: 'false', class: 'govuk-input govuk-input--width-10' }), {
      hint: 'For example MBC-123456',
    });
    const fields = [target, reference] as Field<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>[];
    const form = el(
      'form',
      { novalidate: true, id: 'delivery-history-form' },
      el('h2', { class: 'govuk-heading-m' }, 'Send a case’s history again'),
      el('p', { class: 'govuk-body' }, 'Every change to the case is sent again, in order: for a system that lost it, or was set up after the case was made.'),
      summary.node,
      ...fields.map((f) => f.group),
      el('button', { type: 'submit', class: 'govuk-button' }, 'Send history again'),
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const ref = reference.control.value.trim();
      if (!ref) return summary.show([{ message: 'Enter the case reference', field: reference }], fields);
      try {
        const res = await this.request('POST', `/webhooks/${encodeURIComponent(target.control.value)}/redeliver`, { reference: ref } satisfies RedeliverCaseRequest);
        const done = (await res.json()) as CaseRedelivered;
        summary.clear(fields);
        reference.control.value = '';
        const text = `Sending ${done.events} ${done.events === 1 ? 'change' : 'changes'} of case ${done.caseReference} to ${done.webhookName} again.`;
        this.messages.replaceChildren(banner('Success', text, true));
        say(document.getElementById('announcer')!, text);
        await this.refresh();
      } catch (err) {
        const message = err instanceof ApiError && err.status === 404 && err.fieldErrors.length ? 'No case has that reference' : errorText(err);
        summary.show([{ message, field: err instanceof ApiError && err.status === 404 && err.fieldErrors.length ? reference : undefined }], fields);
      }
    });
    this.historyForm.replaceChildren(form);
  }

  /** A request with the console's session cookie and CSRF token; a problem answer becomes an ApiError. */
  private async request(method: 'GET' | 'POST', path: string, json?: unknown): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (json !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && this.ws.api.csrfToken) headers['X-CSRF-Token'] = this.ws.api.csrfToken;
    let res: Response;
    try {
      res = await fetch(BASE + path, { method, headers, credentials: 'same-origin', body: json === undefined ? undefined : JSON.stringify(json) });
    } catch {
      throw new ApiError(0, 'Network error', 'The console could not reach the server. Check your connection and try again.');
    }
    if (res.ok) return res;
    const problem = (await res.json().catch(() => ({}))) as Partial<Problem>;
    if (res.status === 401) this.ws.api.onSignedOut?.();
    throw new ApiError(res.status, problem.title || res.statusText, problem.detail, problem.errors ?? []);
  }
}
