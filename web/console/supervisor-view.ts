import { ApiError } from './api.js';
import type { DutyStatus } from '../../wire/index.js';
import type { SupervisorQueue } from './types.js';
import { RecordingDeletionsPanel } from './recordings-view.js';
import { announcePage, button, el, errorText, formatDateTime, formatWait, redrawKeepingFocus, say } from './ui.js';
import type { Workspace } from './workspace.js';

const STEP_STATUS: Record<string, string> = {
  pending: 'waiting to send',
  sending: 'sending',
  retrying: 'send failed, retrying',
  sent: 'sent, not acknowledged',
  failed: 'could not be sent',
  not_sent_no_provider: 'not sent: no SMS or email provider',
  no_one_on_call: 'nobody on call',
};

/** Queues live for supervisors: waiting now, longest wait, agents available, today's service level. */
export class SupervisorView {
  private readonly body = el('tbody', { class: 'govuk-table__body' });
  private readonly status = el('p', { class: 'govuk-body ca-updated' });
  private readonly error = el('div', {});
  /** Standing alarm: out-of-hours safety referrals cannot reach anyone. Text, not colour alone. */
  private readonly alarm = el('div', { id: 'duty-alarm' });
  private alarmKey = '';
  private readonly referrals = el('div', { id: 'duty-referrals' });
  /** Call recordings Twilio has not deleted although asked (issue 14): count, list, retry. */
  private readonly recordingDeletions = new RecordingDeletionsPanel(() => this.ws.api.csrfToken);
  private readonly cleanup: (() => void)[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly ws: Workspace) {}

  mount(main: HTMLElement): void {
    const h1 = el('h1', { class: 'govuk-heading-l' }, 'Queues today');
    main.replaceChildren(
      h1,
      this.alarm,
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
      this.referrals,
      this.recordingDeletions.element,
    );
    announcePage('Queues today', h1);
    void this.loadRecordingDeletions();
    const refresh = () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.refresh(), 200);
    };
    this.cleanup.push(this.ws.live.on('queue:changed', refresh), this.ws.live.on('handoff:new', refresh));
    // Presence and "today" figures change without queue events: refresh every 15 s too.
    const poll = setInterval(() => void this.refresh().then(() => this.loadRecordingDeletions()), 15_000);
    this.cleanup.push(() => clearInterval(poll), () => clearTimeout(this.timer));
    void this.refresh();
  }

  destroy(): void {
    for (const c of this.cleanup.splice(0)) c();
  }

  /** The panel redraws itself when what it lists changes: a keyboard user on a Retry button keeps their place. */
  private loadRecordingDeletions(): Promise<void> {
    const panel = this.recordingDeletions.element;
    return redrawKeepingFocus(panel, () => this.recordingDeletions.load(), () => panel.querySelector<HTMLElement>('#recording-deletions-table') ?? panel.querySelector<HTMLElement>('h2'));
  }

  private async refresh(): Promise<void> {
    try {
      const { queues } = await this.ws.api.supervisorQueues();
      for (const q of queues) this.ws.rememberQueue(q.id, q.name);
      redrawKeepingFocus(this.body, () => this.body.replaceChildren(...queues.map((q) => this.row(q))));
      this.error.replaceChildren();
      await this.refreshDuty();
      this.status.textContent = `Updated at ${new Date().toLocaleTimeString('en-GB')}`;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
      const text = err instanceof ApiError && err.status === 403 ? 'You need supervisor access to see this page.' : `Could not load the queues: ${errorText(err)}`;
      this.error.replaceChildren(el('p', { class: 'govuk-error-message', role: 'alert' }, text));
    }
  }

  private async refreshDuty(): Promise<void> {
    // A GET with the session cookie; api.ts has no method for it (this view owns the duty panel).
    const res = await fetch('/api/console/supervisor/duty', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (!res.ok) throw new ApiError(res.status, res.statusText, 'Could not load duty referral cover.');
    const duty = (await res.json()) as DutyStatus;
    // Live events and the 15 s poll redraw these: a keyboard user on the rota link or an acknowledge button stays
    // on it; when it has gone (the alarm ended, the referral was acknowledged), on the page's or the section's heading.
    redrawKeepingFocus(this.alarm, () => this.showAlarm(duty), () => this.alarm.parentElement?.querySelector<HTMLElement>('h1'));
    redrawKeepingFocus(this.referrals, () => this.showReferrals(duty), () => this.referrals.querySelector<HTMLElement>('#duty-referrals-title'));
  }

  private showAlarm(duty: DutyStatus): void {
    const key = JSON.stringify(duty.alarms);
    // Re-rendering a role="alert" re-announces it: only when what it says changes.
    if (key === this.alarmKey) return;
    this.alarmKey = key;
    if (!duty.alarms.length) return void this.alarm.replaceChildren();
    this.alarm.replaceChildren(
      el(
        'div',
        { class: 'govuk-error-summary ca-duty-alarm', role: 'alert', 'aria-labelledby': 'duty-alarm-title' },
        el('h2', { class: 'govuk-error-summary__title', id: 'duty-alarm-title' }, 'Warning: out-of-hours safety referrals may reach nobody'),
        el('ul', { class: 'govuk-list govuk-error-summary__list' }, ...duty.alarms.map((a) => el('li', { 'data-alarm': a.code }, a.message))),
        duty.emergencyDutyTeamPhone ? el('p', { class: 'govuk-body' }, `Emergency duty team: ${duty.emergencyDutyTeamPhone}.`) : null,
        el('p', { class: 'govuk-body' }, el('a', { href: '#/rota', class: 'govuk-link', 'data-control': 'rota' }, 'Add someone to the on-call rota')),
      ),
    );
  }

  private showReferrals(duty: DutyStatus): void {
    const open = duty.chains.filter((c) => c.state === 'escalating' || c.state === 'exhausted');
    const h2 = el('h2', { class: 'govuk-heading-m', id: 'duty-referrals-title' }, 'Duty referrals not acknowledged');
    if (!open.length) return void this.referrals.replaceChildren(h2, el('p', { class: 'govuk-body' }, 'None.'));
    this.referrals.replaceChildren(
      h2,
      ...open.map((c) => {
        const latest = c.steps[c.steps.length - 1];
        const ack = button('Record as acknowledged', { class: 'govuk-button govuk-button--secondary ca-small-button', 'data-control': 'acknowledge' }, 'secondary');
        ack.append(el('span', { class: 'govuk-visually-hidden' }, ` (referral made ${formatDateTime(c.createdAt)})`));
        ack.addEventListener('click', () => void this.acknowledge(latest.id));
        return el(
          'section',
          { class: 'ca-duty-chain', 'data-chain': c.id, 'aria-label': `Referral made ${formatDateTime(c.createdAt)}` },
          el(
            'p',
            { class: 'govuk-body' },
            el('strong', { class: `govuk-tag ${c.state === 'exhausted' ? 'govuk-tag--red' : 'govuk-tag--yellow'}` }, c.state === 'exhausted' ? 'Nobody reached' : 'Escalating'),
            ` Referral made ${formatDateTime(c.createdAt)}`,
          ),
          el(
            'ol',
            { class: 'govuk-list govuk-list--number' },
            ...c.steps.map((st) =>
              el('li', { 'data-step': String(st.step) }, `${st.targetName ?? 'Nobody on call'}${st.channel === 'none' ? '' : ` (${st.channel === 'sms' ? 'SMS' : 'email'})`}: ${STEP_STATUS[st.status] ?? st.status}${st.sentAt ? `, sent ${formatDateTime(st.sentAt)}` : ''}`),
            ),
          ),
          ack,
        );
      }),
    );
  }

  private async acknowledge(referralId: string): Promise<void> {
    const res = await fetch(`/api/console/supervisor/referrals/${encodeURIComponent(referralId)}/acknowledge`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'X-CSRF-Token': this.ws.api.csrfToken },
      credentials: 'same-origin',
    });
    say(document.getElementById(res.ok ? 'announcer' : 'announcer-urgent')!, res.ok ? 'Recorded as acknowledged. The referral will not escalate further.' : 'Could not record the acknowledgement.');
    await this.refresh();
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
