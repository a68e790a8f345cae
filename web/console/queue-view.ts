import { ApiError } from './api.js';
import type { Workspace } from './workspace.js';
import type { Priority, QueueItem } from './types.js';
import { announcePage, banner, el, errorText, formatWait, humanise, redrawKeepingFocus } from './ui.js';

const RANK: Record<Priority, number> = { urgent: 0, high: 1, normal: 2 };

/** Urgent first, then high, then normal; within a priority, the longest wait first. */
export function sortQueue(items: QueueItem[]): QueueItem[] {
  return [...items].sort((a, b) => (RANK[a.priority] ?? 3) - (RANK[b.priority] ?? 3) || b.waitingSeconds - a.waitingSeconds);
}

export function priorityTag(priority: Priority): HTMLElement {
  const cls = priority === 'urgent' ? 'govuk-tag--red' : priority === 'high' ? 'govuk-tag--orange' : 'govuk-tag--grey';
  return el('strong', { class: `govuk-tag ${cls} ca-priority`, 'data-priority': priority }, priority === 'urgent' ? 'Urgent' : priority === 'high' ? 'High' : 'Normal');
}

/** The conversation's safety flag, as a red tag: "Risk to life: suicide or self-harm". */
export function safetyTag(label: string): HTMLElement {
  // Wraps (unlike other tags): the longest labels would otherwise widen the queue table.
  return el('strong', { class: 'govuk-tag govuk-tag--red ca-safety-flag', style: 'white-space: normal; margin-bottom: 4px' }, label);
}

/** The handoff's reason in words; the safety flag, when there is one, already says it. */
export function reasonText(item: Pick<QueueItem, 'reason' | 'reasonLabel'>): string {
  return item.reasonLabel ?? humanise(item.reason);
}

/** A Welsh conversation's tag ("Cymraeg", read in Welsh), so the agent answers in Welsh; English needs none. */
export function languageTag(language: QueueItem['language']): HTMLElement | null {
  if (language !== 'cy') return null;
  return el('strong', { class: 'govuk-tag govuk-tag--turquoise ca-language', 'data-language': 'cy', title: 'Welsh: reply in Welsh' }, el('span', { lang: 'cy' }, 'Cymraeg'), el('span', { class: 'govuk-visually-hidden' }, ' (Welsh)'));
}

export function channelLabel(channel: string): string {
  return ({ webchat: 'Web chat', api: 'Web chat', sms: 'SMS', voice: 'Phone', whatsapp: 'WhatsApp', messenger: 'Messenger', email: 'E-mail', directline: 'Direct Line' } as Record<string, string>)[channel] ?? humanise(channel);
}

/** The queue: waiting handoffs (live, waiting times ticking) and the agent's own conversations. */
export class QueueView {
  private readonly waitingBody = el('tbody', { class: 'govuk-table__body' });
  private readonly mineBody = el('tbody', { class: 'govuk-table__body' });
  private readonly waitingEmpty = el('p', { class: 'govuk-body ca-empty' }, 'No one is waiting.');
  private readonly mineEmpty = el('p', { class: 'govuk-body ca-empty' }, 'You have no open conversations.');
  private readonly messages = el('div', { class: 'ca-messages' });
  private readonly cleanup: (() => void)[] = [];
  /** When each item's waiting time was measured, by our clock, to tick without refetching. */
  private readonly since = new Map<string, number>();
  private fetching = false;
  private again = false;
  /** The last listing, drawn again when unread counts change. */
  private items: QueueItem[] | null = null;

  constructor(private readonly ws: Workspace) {}

  mount(main: HTMLElement, notice?: string): void {
    const h1 = el('h1', { class: 'govuk-heading-l' }, 'Queue');
    main.replaceChildren(
      this.messages,
      h1,
      el('h2', { class: 'govuk-heading-m', id: 'waiting-heading' }, 'Waiting for an adviser'),
      table('Residents waiting for an adviser, most urgent first', ['Priority', 'Reason', 'Channel', 'Queue', 'Waiting', 'Action'], this.waitingBody, 'queue-table'),
      this.waitingEmpty,
      el('h2', { class: 'govuk-heading-m', id: 'mine-heading' }, 'Your conversations'),
      table('Conversations you are handling', ['Priority', 'Reason', 'Channel', 'Queue', 'Accepted', 'Action'], this.mineBody, 'mine-table'),
      this.mineEmpty,
    );
    if (notice) this.messages.replaceChildren(banner('Success', notice, true));
    announcePage('Queue', h1, !notice);
    const live = this.ws.live;
    this.cleanup.push(live.on('queue:changed', () => this.scheduleRefresh()));
    this.cleanup.push(live.on('handoff:new', () => this.scheduleRefresh()));
    this.cleanup.push(live.on('handoff:offered', () => this.scheduleRefresh()));
    this.cleanup.push(this.ws.unread.onChange(() => this.items && this.render(this.items)));
    const tick = setInterval(() => this.tick(), 1000);
    // A fallback for a dropped socket: the list is never more than 30 s stale.
    const poll = setInterval(() => void this.refresh(), 30_000);
    this.cleanup.push(() => clearInterval(tick), () => clearInterval(poll));
    void this.refresh();
  }

  destroy(): void {
    for (const c of this.cleanup.splice(0)) c();
  }

  /**
   * At once, so a new handoff shows without waiting (issue 11: request to console within 250 ms);
   * events that arrive while a refresh runs make one more after it (refresh's `again`), so a burst
   * of events for one handoff costs at most two requests.
   */
  private scheduleRefresh(): void {
    void this.refresh();
  }

  private async refresh(): Promise<void> {
    if (this.fetching) {
      this.again = true;
      return;
    }
    this.fetching = true;
    try {
      const { handoffs } = await this.ws.api.queue();
      this.render(handoffs);
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 401)) this.messages.replaceChildren(el('p', { class: 'govuk-error-message', role: 'alert' }, `Could not load the queue: ${errorText(err)}`));
    } finally {
      this.fetching = false;
      if (this.again) {
        this.again = false;
        void this.refresh();
      }
    }
  }

  private render(items: QueueItem[]): void {
    this.items = items;
    const me = this.ws.agent.id;
    for (const item of items) this.ws.rememberQueue(item.queue, item.queueName);
    const mine = sortQueue(items.filter((i) => i.agentId === me));
    const waiting = sortQueue(items.filter((i) => !i.agentId));
    const now = Date.now();
    this.since.clear();
    for (const i of items) this.since.set(i.id, now - i.waitingSeconds * 1000);
    // Live updates redraw the rows: a keyboard user's focus (on an Accept button or an Open link) moves to the same control
    // in the redrawn row, instead of falling to the page's body between Tab and Enter; if that row has gone, to its table
    // (or, when the table empties, to the words saying so).
    redrawKeepingFocus(
      [this.waitingBody, this.mineBody],
      () => {
        this.waitingBody.replaceChildren(...waiting.map((i) => this.row(i, false)));
        this.mineBody.replaceChildren(...mine.map((i) => this.row(i, true)));
        this.waitingEmpty.hidden = waiting.length > 0;
        this.mineEmpty.hidden = mine.length > 0;
        this.waitingBody.closest('table')!.hidden = waiting.length === 0;
        this.mineBody.closest('table')!.hidden = mine.length === 0;
      },
      (from) => (from === this.waitingBody ? (waiting.length ? from.closest('table') : this.waitingEmpty) : mine.length ? from.closest('table') : this.mineEmpty),
    );
  }

  private row(item: QueueItem, mine: boolean): HTMLTableRowElement {
    // A safety handoff's reason is its flag: the tag says it once.
    const flagIsReason = !!item.safety && item.reason.startsWith('safety.');
    const what = flagIsReason ? item.safety!.label : reasonText(item);
    const reason = el(
      'td',
      { class: 'govuk-table__cell' },
      item.safety ? safetyTag(item.safety.label) : null,
      flagIsReason ? null : el('span', { class: 'ca-reason' }, what),
      item.overflow ? el('span', { class: 'ca-summary ca-overflow' }, 'Shown to you because no one with the right skills is available.') : null,
      item.summary ? el('span', { class: 'ca-summary' }, item.summary) : null,
    );
    let action: HTMLElement;
    if (mine) {
      const unread = this.ws.unread.of(item.conversationId);
      action = el(
        'div',
        {},
        el('a', { class: 'govuk-link', href: `#/conversation/${encodeURIComponent(item.conversationId)}`, 'data-control': 'open' }, 'Open', el('span', { class: 'govuk-visually-hidden' }, ` conversation: ${what}`)),
        unread ? el('strong', { class: 'govuk-tag govuk-tag--blue ca-unread', 'data-unread': String(unread) }, `${unread} new message${unread === 1 ? '' : 's'}`) : null,
      );
    } else {
      const accept = el('button', { type: 'button', class: 'govuk-button govuk-button--secondary ca-accept', 'data-handoff': item.id, 'data-control': 'accept' }, 'Accept', el('span', { class: 'govuk-visually-hidden' }, `: ${what}, ${item.queueName}`));
      accept.addEventListener('click', () => void this.accept(item, accept));
      action = accept;
      if (item.offeredTo === this.ws.agent.id) action = el('div', {}, el('strong', { class: 'govuk-tag govuk-tag--blue' }, 'Offered to you'), ' ', accept);
    }
    const waited = mine && item.acceptedAt ? el('td', { class: 'govuk-table__cell' }, new Date(item.acceptedAt).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })) : el('td', { class: 'govuk-table__cell ca-wait', 'data-id': item.id }, formatWait(item.waitingSeconds));
    const row = el(
      'tr',
      { class: `govuk-table__row ca-queue-row${item.priority === 'urgent' ? ' ca-row--urgent' : ''}`, 'data-handoff': item.id, 'data-conversation': item.conversationId, 'data-priority': item.priority },
      el('td', { class: 'govuk-table__cell' }, priorityTag(item.priority)),
      reason,
      el(
        'td',
        { class: 'govuk-table__cell' },
        channelLabel(item.channel),
        item.language === 'cy' ? ' ' : null,
        languageTag(item.language),
        // E-mail waits for the resident in days, not minutes: no hurry to "are you still there?".
        item.channel === 'email' ? el('span', { class: 'ca-summary ca-email-pace' }, 'Answers by e-mail: may take days') : null,
      ),
      el('td', { class: 'govuk-table__cell' }, item.queueName || item.queue),
      waited,
      el('td', { class: 'govuk-table__cell' }, action),
    );
    return row;
  }

  private tick(): void {
    const now = Date.now();
    this.waitingBody.querySelectorAll<HTMLElement>('.ca-wait').forEach((cell) => {
      const since = this.since.get(cell.dataset.id ?? '');
      if (since !== undefined) cell.textContent = formatWait((now - since) / 1000);
    });
  }

  private async accept(item: QueueItem, button: HTMLButtonElement): Promise<void> {
    if (button.getAttribute('aria-disabled') === 'true') return;
    button.setAttribute('aria-disabled', 'true');
    try {
      const { conversationId } = await this.ws.api.accept(item.id);
      this.ws.focusReplyOnOpen();
      this.ws.navigate(`#/conversation/${encodeURIComponent(conversationId || item.conversationId)}`);
    } catch (err) {
      button.removeAttribute('aria-disabled');
      const text =
        err instanceof ApiError && err.status === 409
          ? `You could not accept this conversation: ${err.detail || 'someone else has taken it, or you are at capacity.'}`
          : `You could not accept this conversation: ${errorText(err)}`;
      const box = el('div', { class: 'govuk-error-summary', role: 'alert', tabindex: '-1' }, el('h2', { class: 'govuk-error-summary__title' }, 'There is a problem'), el('div', { class: 'govuk-error-summary__body' }, el('p', { class: 'govuk-body' }, text)));
      this.messages.replaceChildren(box);
      box.focus();
      void this.refresh();
    }
  }
}

function table(caption: string, headings: string[], body: HTMLTableSectionElement, id: string): HTMLTableElement {
  return el(
    'table',
    { class: 'govuk-table', id },
    el('caption', { class: 'govuk-table__caption govuk-visually-hidden' }, caption),
    el('thead', { class: 'govuk-table__head' }, el('tr', { class: 'govuk-table__row' }, ...headings.map((h) => el('th', { scope: 'col', class: 'govuk-table__header' }, h)))),
    body,
  );
}
