import { ApiError } from './api.js';
import type { SupervisorQueue } from './types.js';
import { announcePage, el, errorText, formatWait } from './ui.js';
import type { Workspace } from './workspace.js';

/** Queues live for supervisors: waiting now, longest wait, agents available, today's service level. */
export class SupervisorView {
  private readonly body = el('tbody', { class: 'govuk-table__body' });
  private readonly status = el('p', { class: 'govuk-body ca-updated' });
  private readonly error = el('div', {});
  private readonly cleanup: (() => void)[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly ws: Workspace) {}

  mount(main: HTMLElement): void {
    const h1 = el('h1', { class: 'govuk-heading-l' }, 'Queues today');
    main.replaceChildren(
      h1,
      this.error,
      el(
        'table',
        { class: 'govuk-table', id: 'supervisor-table' },
        el('caption', { class: 'govuk-table__caption govuk-table__caption--m' }, 'Queues, live'),
        el(
          'thead',
          { class: 'govuk-table__head' },
          el('tr', { class: 'govuk-table__row' }, ...['Queue', 'Waiting now', 'Longest wait', 'Advisers available', 'Answered today', 'Answered within standard', 'Abandoned today'].map((h) => el('th', { scope: 'col', class: 'govuk-table__header' }, h))),
        ),
        this.body,
      ),
      this.status,
    );
    announcePage('Queues today', h1);
    const refresh = () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.refresh(), 200);
    };
    this.cleanup.push(this.ws.live.on('queue:changed', refresh), this.ws.live.on('handoff:new', refresh));
    // Presence and "today" figures change without queue events: refresh every 15 s too.
    const poll = setInterval(() => void this.refresh(), 15_000);
    this.cleanup.push(() => clearInterval(poll), () => clearTimeout(this.timer));
    void this.refresh();
  }

  destroy(): void {
    for (const c of this.cleanup.splice(0)) c();
  }

  private async refresh(): Promise<void> {
    try {
      const { queues } = await this.ws.api.supervisorQueues();
      for (const q of queues) this.ws.rememberQueue(q.id, q.name);
      this.body.replaceChildren(...queues.map((q) => this.row(q)));
      this.error.replaceChildren();
      this.status.textContent = `Updated at ${new Date().toLocaleTimeString('en-GB')}`;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
      const text = err instanceof ApiError && err.status === 403 ? 'You need supervisor access to see this page.' : `Could not load the queues: ${errorText(err)}`;
      this.error.replaceChildren(el('p', { class: 'govuk-error-message', role: 'alert' }, text));
    }
  }

  private row(q: SupervisorQueue): HTMLTableRowElement {
    const share = q.acceptedToday ? Math.round((q.withinStandardToday / q.acceptedToday) * 100) : null;
    const target = typeof q.standard === 'object' && q.standard && Number.isFinite(q.standard.targetShare) ? q.standard.targetShare! * 100 : 80;
    const below = share !== null && share < target;
    return el(
      'tr',
      { class: 'govuk-table__row', 'data-queue': q.id },
      el('th', { scope: 'row', class: 'govuk-table__header' }, q.name),
      el('td', { class: 'govuk-table__cell govuk-table__cell--numeric' }, String(q.waiting)),
      el('td', { class: 'govuk-table__cell govuk-table__cell--numeric' }, q.waiting ? formatWait(q.longestWaitSeconds) : '–'),
      el('td', { class: 'govuk-table__cell govuk-table__cell--numeric' }, String(q.agentsAvailable)),
      el('td', { class: 'govuk-table__cell govuk-table__cell--numeric' }, String(q.acceptedToday)),
      el(
        'td',
        { class: 'govuk-table__cell govuk-table__cell--numeric' },
        share === null ? '–' : `${share}%`,
        share !== null && below ? el('strong', { class: 'govuk-tag govuk-tag--red ca-below' }, 'Below target') : null,
        standardText(q.standard) ? el('span', { class: 'ca-summary' }, standardText(q.standard)) : null,
      ),
      el('td', { class: 'govuk-table__cell govuk-table__cell--numeric' }, String(q.abandonedToday)),
    );
  }
}

/** The standard is a number of seconds, or {answerWithinSeconds, targetShare}. */
function standardText(standard: SupervisorQueue['standard']): string | null {
  if (typeof standard === 'number') return Number.isFinite(standard) ? `standard: answered within ${formatWait(standard)}` : null;
  if (standard && typeof standard === 'object' && Number.isFinite(standard.answerWithinSeconds)) {
    const share = Number.isFinite(standard.targetShare) ? `${Math.round(standard.targetShare! * 100)}% ` : '';
    return `target: ${share}answered within ${formatWait(standard.answerWithinSeconds)}`;
  }
  return null;
}
