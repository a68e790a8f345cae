import { ApiError } from './api.js';
import { announcePage, banner, button, el, errorText, field, formatDateTime, humanise, input } from './ui.js';
import type { Workspace } from './workspace.js';

/**
 * The call-back queue (issue 14, item 2): call-backs residents chose, of the queues the agent
 * serves (supervisors: all), soonest due first, overdue ones marked; each with what the
 * conversation was about. "Call now" has Twilio ring the agent (in the console, or on the number
 * given here) and then the resident; once answered, the agent records what was agreed. A missed
 * call comes back due later; one that used its tries is shown as failed. A waiting or missed one
 * can be cancelled with a reason (it leaves the queue, audited). Changes arrive live on the console
 * socket (`callback:changed`, `callback:overdue`); polling only while it is down.
 */

const BASE = '/api/console';

/** A call-back as GET /api/console/callbacks gives it (callbacks/index.ts `CallbackItem`). */
interface CallbackItem {
  id: string;
  kind: 'complaint' | 'standard';
  status: 'pending' | 'calling' | 'completed' | 'missed' | 'cancelled' | 'failed';
  queue: string;
  reason: string;
  phone: string;
  dueAt: string;
  overdue: boolean;
  attempts: number;
  maxAttempts: number;
  lastCallStatus: string | null;
  outcome: string | null;
  summary: string | null;
}

const STATUS_TAG: Record<CallbackItem['status'], [string, string]> = {
  pending: ['Waiting', 'govuk-tag--grey'],
  calling: ['Calling', 'govuk-tag--blue'],
  missed: ['Missed, to try again', 'govuk-tag--yellow'],
  completed: ['Answered', 'govuk-tag--green'],
  failed: ['Failed: no answer', 'govuk-tag--red'],
  cancelled: ['Cancelled', 'govuk-tag--grey'],
};

export class CallbacksView {
  private readonly messages = el('div', {});
  private readonly error = el('div', {});
  private readonly body = el('tbody', { class: 'govuk-table__body' });
  private readonly table = el(
    'table',
    { class: 'govuk-table', id: 'callbacks-table' },
    el('caption', { class: 'govuk-table__caption govuk-table__caption--m' }, 'Call-backs to make, soonest first'),
    el('thead', { class: 'govuk-table__head' }, el('tr', { class: 'govuk-table__row' }, ...['Due', 'Resident', 'About', 'Status', 'Action'].map((h) => el('th', { scope: 'col', class: 'govuk-table__header' }, h)))),
    this.body,
  );
  private readonly empty = el('p', { class: 'govuk-body', id: 'callbacks-empty' }, 'There are no call-backs to make.');
  private readonly phone = field('Ring me on this number instead (optional)', input({ id: 'callback-agent-phone', name: 'phone', type: 'tel', autocomplete: 'tel', class: 'govuk-input govuk-input--width-20' }), {
    hint: 'Leave empty to take the call in the console. Twilio rings you first, then the resident.',
  });
  private timer: ReturnType<typeof setInterval> | undefined;
  private soon: ReturnType<typeof setTimeout> | undefined;
  private readonly cleanup: (() => void)[] = [];

  constructor(private readonly ws: Workspace) {}

  mount(main: HTMLElement): void {
    const h1 = el('h1', { class: 'govuk-heading-l' }, 'Call-backs');
    main.replaceChildren(this.messages, h1, this.error, this.phone.group, this.table, this.empty);
    announcePage('Call-backs', h1);
    const soon = () => {
      clearTimeout(this.soon);
      this.soon = setTimeout(() => void this.refresh(), 200);
    };
    this.cleanup.push(this.ws.live.on('callback:changed', soon), this.ws.live.on('callback:overdue', soon));
    // The socket is the way changes arrive; polling covers it being down (and, slowly, a resident's own cancellation).
    let ticks = 0;
    this.timer = setInterval(() => {
      ticks++;
      if (!this.ws.live.connected || ticks % 4 === 0) void this.refresh();
    }, 15_000);
    void this.refresh();
  }

  destroy(): void {
    clearInterval(this.timer);
    clearTimeout(this.soon);
    for (const c of this.cleanup.splice(0)) c();
  }

  private async refresh(): Promise<void> {
    try {
      const data = (await (await this.request('GET', '/callbacks')).json()) as { callbacks: CallbackItem[] };
      this.error.replaceChildren();
      // Rows with an outcome being typed are kept, so a refresh never wipes a note.
      const typing = new Set(Array.from(this.body.querySelectorAll<HTMLTextAreaElement>('textarea')).filter((t) => t.value).map((t) => t.dataset.callback));
      const kept = new Map(Array.from(this.body.querySelectorAll<HTMLTableRowElement>('tr[data-callback]')).filter((r) => typing.has(r.dataset.callback)).map((r) => [r.dataset.callback!, r]));
      this.body.replaceChildren(...data.callbacks.map((c) => kept.get(c.id) ?? this.row(c)));
      this.table.hidden = data.callbacks.length === 0;
      this.empty.hidden = data.callbacks.length > 0;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
      this.error.replaceChildren(el('p', { class: 'govuk-error-message', role: 'alert' }, `Could not load the call-backs: ${errorText(err)}`));
    }
  }

  private row(c: CallbackItem): HTMLTableRowElement {
    const [label, tag] = STATUS_TAG[c.status];
    const due = el(
      'td',
      { class: 'govuk-table__cell' },
      formatDateTime(c.dueAt),
      c.overdue ? el('strong', { class: 'govuk-tag govuk-tag--red ca-overdue', 'data-overdue': 'true' }, 'Overdue') : null,
      c.kind === 'complaint' ? el('strong', { class: 'govuk-tag govuk-tag--purple' }, 'Complaint: 60-minute target') : null,
    );
    const about = el('td', { class: 'govuk-table__cell' }, el('span', {}, c.summary ?? humanise(c.reason)), el('span', { class: 'govuk-hint govuk-!-display-block' }, `Queue: ${this.ws.queueName(c.queue)}`));
    const status = el(
      'td',
      { class: 'govuk-table__cell' },
      el('strong', { class: `govuk-tag ${tag}` }, label),
      el('span', { class: 'govuk-!-display-block' }, `Calls made: ${c.attempts} of ${c.maxAttempts}`),
      c.lastCallStatus ? el('span', { class: 'govuk-!-display-block' }, `Last call: ${humanise(c.lastCallStatus)}`) : null,
    );
    const action = el('td', { class: 'govuk-table__cell' });
    if (c.status === 'pending' || c.status === 'missed') {
      const call = button('Call now', { class: 'govuk-button ca-small-button', 'data-action': 'call' });
      call.append(el('span', { class: 'govuk-visually-hidden' }, ` ${c.phone}`));
      call.addEventListener('click', () => void this.call(c, call));
      action.append(call, this.cancelForm(c));
    } else if (c.status === 'calling' || (c.status === 'completed' && !c.outcome)) {
      action.append(this.outcomeForm(c));
    }
    return el('tr', { class: 'govuk-table__row', 'data-callback': c.id, ...(c.overdue ? { 'data-overdue': 'true' } : {}) }, due, el('th', { scope: 'row', class: 'govuk-table__header' }, c.phone), about, status, action);
  }

  /** "Cancel this call-back", with the reason asked for (kept with it, audited who cancelled). */
  private cancelForm(c: CallbackItem): HTMLElement {
    const reason = field('Why is it cancelled?', el('textarea', { class: 'govuk-textarea', rows: '2', id: `callback-cancel-${c.id}`, name: 'reason', 'data-callback': c.id }));
    const go = button('Cancel this call-back', { class: 'govuk-button govuk-button--warning ca-small-button', 'data-action': 'cancel' }, 'warning');
    go.append(el('span', { class: 'govuk-visually-hidden' }, ` to ${c.phone}`));
    go.addEventListener('click', async () => {
      if (!reason.control.value.trim()) return reason.setError('Enter why the call-back is cancelled');
      reason.setError(null);
      try {
        await this.request('POST', `/callbacks/${encodeURIComponent(c.id)}/cancel`, { reason: reason.control.value });
        reason.control.value = '';
        this.messages.replaceChildren(banner('Cancelled', `The call-back to ${c.phone} is cancelled and out of the queue.`, true));
        await this.refresh();
      } catch (err) {
        reason.setError(err instanceof ApiError && err.detail ? err.detail : errorText(err));
      }
    });
    return el(
      'details',
      { class: 'govuk-details govuk-!-margin-top-2 govuk-!-margin-bottom-0' },
      el('summary', { class: 'govuk-details__summary' }, el('span', { class: 'govuk-details__summary-text' }, 'Cancel', el('span', { class: 'govuk-visually-hidden' }, ` the call-back to ${c.phone}`))),
      el('div', { class: 'govuk-details__text' }, reason.group, go),
    );
  }

  private outcomeForm(c: CallbackItem): HTMLElement {
    const note = field('What was agreed', el('textarea', { class: 'govuk-textarea', rows: '2', id: `callback-outcome-${c.id}`, name: 'outcome', 'data-callback': c.id }));
    const save = button('Save outcome', { class: 'govuk-button govuk-button--secondary ca-small-button', 'data-action': 'outcome' }, 'secondary');
    save.addEventListener('click', async () => {
      if (!note.control.value.trim()) return note.setError('Enter what was agreed on the call');
      note.setError(null);
      try {
        await this.request('POST', `/callbacks/${encodeURIComponent(c.id)}/outcome`, { outcome: note.control.value });
        note.control.value = '';
        this.messages.replaceChildren(banner('Done', `The outcome of the call to ${c.phone} is recorded.`, true));
        await this.refresh();
      } catch (err) {
        note.setError(errorText(err));
      }
    });
    return el('div', {}, note.group, save);
  }

  private async call(c: CallbackItem, control: HTMLButtonElement): Promise<void> {
    control.disabled = true;
    this.phone.setError(null);
    const phone = this.phone.control.value.trim();
    try {
      await this.request('POST', `/callbacks/${encodeURIComponent(c.id)}/call`, phone ? { phone } : {});
      this.messages.replaceChildren(banner('Calling', phone ? `Your phone ${phone} will ring first; then the resident on ${c.phone}.` : `The console will ring first; then the resident on ${c.phone}.`, true));
      await this.refresh();
    } catch (err) {
      control.disabled = false;
      if (err instanceof ApiError && err.status === 400) this.phone.setError(err.detail || errorText(err));
      else this.messages.replaceChildren(el('p', { class: 'govuk-error-message', role: 'alert' }, `Could not place the call: ${err instanceof ApiError && err.detail ? err.detail : errorText(err)}`));
    }
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
    const problem = (await res.json().catch(() => ({}))) as { title?: string; detail?: string };
    if (res.status === 401) this.ws.api.onSignedOut?.();
    throw new ApiError(res.status, problem.title || res.statusText, problem.detail, []);
  }
}
