import { ApiError } from './api.js';
import { renderContext } from './context-panel.js';
import { fillPlaceholders } from './placeholders.js';
import { channelLabel, priorityTag, safetyTag } from './queue-view.js';
import type { Author, CannedResponse, ConversationDetail, TranscriptMessage } from './types.js';
import type { CaseStatus, CloseOutcome } from '../../wire/index.js';
import { OUTCOMES } from './types.js';
import { announcePage, banner, button, el, errorText, ErrorSummary, field, humanise, input, safeHref, say, type Field } from './ui.js';
import type { Workspace } from './workspace.js';
import { RecordingsView } from './recordings-view.js';
import { CallControls } from './call-controls.js';
import { NotesPanel } from './notes.js';

const TYPING_REPEAT_MS = 3000;
const TYPING_IDLE_MS = 2500;
const RESIDENT_TYPING_TIMEOUT_MS = 8000;
const CASE_STATUSES: readonly CaseStatus[] = ['received', 'assigned', 'in_progress', 'scheduled', 'resolved', 'closed'];

type AnyField = Field<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>;

/** One conversation: transcript, reply box and tools, context panel; live on new messages and typing. */
export class ConversationView {
  private detail: ConversationDetail | null = null;
  private readonly cleanup: (() => void)[] = [];
  private readonly seen = new Set<string>();
  /** Each message's "not sent" note, updated as its delivery changes (a reply refused after it was shown). */
  private readonly deliveryNotes = new Map<string, HTMLElement>();
  /** Looks again shortly after a reply: a channel may refuse it a moment later, with no event to say so. */
  private followUps: ReturnType<typeof setTimeout>[] = [];
  private readonly log = el('div', { class: 'ca-transcript', id: 'transcript', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', 'aria-label': 'Transcript', tabindex: '0' });
  private readonly residentTyping = el('p', { class: 'ca-typing-indicator', id: 'resident-typing', role: 'status' });
  private readonly heading = el('h1', { class: 'govuk-heading-l' }, 'Conversation');
  private readonly caption = el('span', { class: 'govuk-caption-m' });
  private readonly meta = el('p', { class: 'govuk-body ca-conv-meta' });
  /** WhatsApp, Messenger, Instagram: how long free-form replies remain allowed (messagingWindow), kept current each minute. */
  private readonly windowNote = el('p', { class: 'govuk-inset-text ca-window', id: 'messaging-window' });
  private readonly messages = el('div', { class: 'ca-messages' });
  private readonly contextPanel = el('div', { class: 'ca-context__body' });
  private readonly reply = el('textarea', { class: 'govuk-textarea ca-reply', id: 'reply', name: 'reply', rows: '4', spellcheck: 'true', 'aria-describedby': 'reply-hint' });
  private readonly cannedSelect = el('select', { class: 'govuk-select', id: 'canned', name: 'canned' });
  private canned: CannedResponse[] = [];
  private typingSent = 0;
  private typingIdle: ReturnType<typeof setTimeout> | undefined;
  private residentTypingTimer: ReturnType<typeof setTimeout> | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private loading: Promise<void> | null = null;
  /** The call's recordings, played through our server (recordings-view.ts); hidden when there are none. */
  private readonly recordings: RecordingsView;
  /** A phone conversation's call: answer, mute, hold, transfer, hang up (call-controls.ts); hidden for other channels. */
  private readonly callControls: CallControls;
  /** Private notes between advisers (notes.ts): never sent to the resident. */
  private readonly notes: NotesPanel;
  /** The last message marked read (issue 16: unread counts). */
  private readUpTo = '';

  constructor(
    private readonly ws: Workspace,
    private readonly conversationId: string,
  ) {
    this.recordings = new RecordingsView(conversationId);
    this.callControls = new CallControls(conversationId, () => this.ws.api.csrfToken, undefined, this.ws.live);
    this.notes = new NotesPanel(ws.api, conversationId, () => document.getElementById('announcer'));
  }

  mount(main: HTMLElement, notice?: string): void {
    main.replaceChildren(
      el('a', { href: '#/queue', class: 'govuk-back-link' }, 'Back to the queue'),
      this.messages,
      el('div', {}, this.caption, this.heading),
      this.meta,
      this.windowNote,
      this.callControls.element,
      el(
        'div',
        { class: 'ca-conv' },
        el(
          'div',
          { class: 'ca-conv__main' },
          el('h2', { class: 'govuk-heading-m', id: 'transcript-heading' }, 'Transcript'),
          this.log,
          this.residentTyping,
          this.recordings.element,
          this.replyForm(),
          this.notes.element,
          el('h2', { class: 'govuk-heading-m ca-tools-heading' }, 'Tools'),
          this.cannedTool(),
          this.kbTool(),
          this.caseTool(),
          this.transferTool(),
          this.handBackTool(),
          this.closeTool(),
        ),
        el('aside', { class: 'ca-context', 'aria-labelledby': 'context-heading' }, el('h2', { class: 'govuk-heading-m', id: 'context-heading' }, 'Context'), this.contextPanel),
      ),
    );
    if (notice) this.messages.replaceChildren(banner('Success', notice, true));
    announcePage('Conversation', this.heading, false);
    // Just accepted: the agent's next move is to greet the resident.
    if (this.ws.takeFocusReply()) this.reply.focus();
    this.cleanup.push(
      this.ws.live.on('conversation:message', (e) => {
        if (e.conversationId === this.conversationId) this.scheduleRefresh();
      }),
      this.ws.live.on('conversation:typing', (e) => {
        if (e.conversationId === this.conversationId) this.setResidentTyping(e.typing);
      }),
      () => clearTimeout(this.refreshTimer),
      () => this.followUps.forEach(clearTimeout),
      () => clearTimeout(this.residentTypingTimer),
      () => this.callControls.destroy(),
      () => this.stopTyping(),
    );
    const onVisible = () => this.markRead();
    document.addEventListener('visibilitychange', onVisible);
    this.cleanup.push(() => document.removeEventListener('visibilitychange', onVisible));
    // Without the socket, new messages still arrive within 10 s.
    const poll = setInterval(() => {
      if (!this.ws.live.connected) this.scheduleRefresh();
    }, 10_000);
    this.cleanup.push(() => clearInterval(poll));
    const windowTick = setInterval(() => this.renderWindow(), 30_000);
    this.cleanup.push(() => clearInterval(windowTick));
    this.windowNote.hidden = true;
    void this.load(true);
    void this.loadCanned();
    void this.recordings.load();
  }

  destroy(): void {
    for (const c of this.cleanup.splice(0)) c();
  }

  /**
   * What the view shows is read, but only while the page is in sight: an adviser in another tab
   * sees the count in this tab's title until they come back (the listener in mount marks it then).
   */
  private markRead(): void {
    const transcript = this.detail?.transcript ?? [];
    const last = transcript[transcript.length - 1];
    if (!last || String(last.id) === this.readUpTo || document.visibilityState === 'hidden') return;
    this.readUpTo = String(last.id);
    void this.ws.unread.markRead(this.conversationId, this.readUpTo);
  }

  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.load(false), 80);
  }

  private async load(first: boolean): Promise<void> {
    if (this.loading) {
      await this.loading;
      if (!first) return void this.load(false);
    }
    this.loading = (async () => {
      try {
        const detail = await this.ws.api.conversation(this.conversationId);
        this.detail = detail;
        this.render(detail, first);
        void this.notes.load();
        this.markRead();
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return;
        this.messages.replaceChildren(el('p', { class: 'govuk-error-message', role: 'alert' }, `Could not load the conversation: ${errorText(err)}`));
      }
    })();
    try {
      await this.loading;
    } finally {
      this.loading = null;
    }
  }

  private render(detail: ConversationDetail, first: boolean): void {
    const name = detail.context?.contact?.displayName;
    this.heading.textContent = name ? `Conversation with ${name}` : 'Conversation with a resident';
    const h = detail.handoff;
    this.caption.textContent = channelLabel(detail.conversation.channel);
    void this.callControls.show(detail.conversation.channel);
    this.meta.replaceChildren(
      ...(h
        ? [
            h.priority ? priorityTag(h.priority) : '',
            ' ',
            detail.context?.safetyFlag ? safetyTag(detail.context.safetyFlag.label) : '',
            detail.context?.safetyFlag ? ' ' : '',
            h.reason && !(detail.context?.safetyFlag && h.reason.startsWith('safety.')) ? (h.reasonLabel ?? humanise(h.reason)) : '',
            h.queueName || h.queue ? ` · ${h.queueName || this.ws.queueName(h.queue!)}` : '',
          ]
        : []),
      el('span', { class: 'ca-state' }, ` · ${stateLabel(detail.conversation.state)}`),
    );
    this.renderWindow();
    if (first) document.title = `${this.heading.textContent} – Council assistant console`;
    for (const m of detail.transcript) {
      const key = String(m.id);
      if (this.seen.has(key)) {
        this.renderDelivery(key, m.delivery);
        continue;
      }
      this.seen.add(key);
      this.log.appendChild(this.renderMessage(m));
      if (!first && m.author === 'resident') this.setResidentTyping(false);
    }
    this.log.scrollTop = this.log.scrollHeight;
    this.contextPanel.replaceChildren(...renderContext(detail.context));
    this.refreshCaseSelect();
  }

  /** The messaging window's time left, or that it has closed and what then happens to a reply. */
  private renderWindow(): void {
    const w = this.detail?.messagingWindow;
    this.windowNote.hidden = !w;
    if (!w) return;
    const left = w.closesAt ? new Date(w.closesAt).getTime() - Date.now() : -1;
    const text = w.channel === 'whatsapp' ? whatsappWindowText(left, w.closesAt) : w.channel === 'email' ? emailWindowText(left, w.closesAt) : messagingWindowText(w, left);
    if (this.windowNote.textContent !== text) this.windowNote.textContent = text;
    this.windowNote.dataset.open = String(left > 0);
  }

  /** A message that has not reached the resident says why ("Not sent: …"); once it goes, the note goes. */
  private renderDelivery(id: string, delivery: TranscriptMessage['delivery']): void {
    const note = this.deliveryNotes.get(id);
    if (!note) return;
    const label = delivery ? DELIVERY_LABELS[delivery.status] : null;
    const text = delivery && label ? `${label.text}: ${delivery.reason}` : '';
    if (note.dataset.text === text) return;
    note.dataset.text = text;
    note.hidden = !text;
    note.dataset.status = delivery?.status ?? '';
    note.replaceChildren(...(delivery && label ? [el('strong', { class: `govuk-tag ${label.tag}` }, label.text), el('span', { class: 'govuk-visually-hidden' }, ':'), ` ${delivery.reason}`] : []));
  }

  private renderMessage(raw: TranscriptMessage): HTMLElement {
    const m = withParts(raw);
    const author: Author = m.direction === 'in' ? 'resident' : m.author;
    const who = author === 'resident' ? 'Resident' : author === 'bot' ? 'Assistant' : author === 'agent' ? (m.agentName ? `Adviser (${m.agentName})` : 'Adviser') : 'System';
    const link = m.card?.link ?? m.link;
    const href = link ? safeHref(link.url) : null;
    return el(
      'div',
      { class: `ca-message ca-message--${author}`, 'data-author': author },
      el('p', { class: 'ca-message__who' }, el('span', { class: 'ca-message__label' }, who), m.createdAt ? el('span', { class: 'ca-message__time' }, ` ${new Date(m.createdAt).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}`) : null),
      el('p', { class: 'ca-message__text' }, m.text),
      m.card && m.card.title !== m.text ? el('p', { class: 'ca-message__card' }, m.card.title) : null,
      href ? el('p', { class: 'ca-message__link' }, el('a', { class: 'govuk-link', href, target: '_blank', rel: 'noopener noreferrer' }, link!.label || link!.url, el('span', { class: 'govuk-visually-hidden' }, ' (opens in new tab)'))) : null,
      m.suggestions?.length ? el('p', { class: 'ca-message__options' }, `Options offered: ${m.suggestions.map((s) => s.label).join(', ')}`) : null,
      ...attachmentLinks(m),
      this.deliveryNote(String(raw.id), raw.delivery),
    );
  }

  private deliveryNote(id: string, delivery: TranscriptMessage['delivery']): HTMLElement {
    const note = el('p', { class: 'ca-message__options ca-message__delivery' });
    note.hidden = true;
    this.deliveryNotes.set(id, note);
    this.renderDelivery(id, delivery);
    return note;
  }

  private setResidentTyping(typing: boolean): void {
    clearTimeout(this.residentTypingTimer);
    const text = typing ? 'The resident is typing…' : '';
    if (this.residentTyping.textContent !== text) this.residentTyping.textContent = text;
    // The resident's "stopped" can be lost (closed tab): do not show typing for ever.
    if (typing) this.residentTypingTimer = setTimeout(() => this.setResidentTyping(false), RESIDENT_TYPING_TIMEOUT_MS);
  }

  // --- Reply -----------------------------------------------------------------------------------

  private replyForm(): HTMLElement {
    const summary = new ErrorSummary();
    const f = field('Your reply', this.reply, { id: 'reply' });
    f.group.querySelector('label')!.classList.add('govuk-label--s');
    f.group.insertBefore(el('div', { class: 'govuk-hint', id: 'reply-hint' }, 'Enter sends. Shift and Enter starts a new line.'), f.error);
    const send = el('button', { type: 'submit', class: 'govuk-button ca-send' }, 'Send reply');
    const form = el('form', { class: 'ca-reply-form', novalidate: true }, summary.node, f.group, send);
    this.reply.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        form.requestSubmit();
      }
    });
    this.reply.addEventListener('input', () => this.onTyping());
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const text = this.reply.value.trim();
      if (!text) return summary.show([{ message: 'Enter a reply', field: f }], [f]);
      const unfilled = /\{(resident_name|agent_name|council|reference)\}/.exec(text);
      if (unfilled) return summary.show([{ message: `Replace ${unfilled[0]} with the right text before sending`, field: f }], [f]);
      if (send.getAttribute('aria-disabled') === 'true') return;
      send.setAttribute('aria-disabled', 'true');
      this.stopTyping();
      try {
        await this.ws.api.reply(this.conversationId, text);
        summary.clear([f]);
        this.reply.value = '';
        await this.load(false);
        this.followUps.forEach(clearTimeout);
        this.followUps = [1500, 5000].map((ms) => setTimeout(() => this.scheduleRefresh(), ms));
      } catch (err) {
        summary.show([{ message: `Your reply was not sent: ${errorText(err)}`, field: f }], [f]);
      } finally {
        send.removeAttribute('aria-disabled');
        this.reply.focus();
      }
    });
    return form;
  }

  /** Tells the resident we are typing: at most every 3 s while typing, and "stopped" after a pause. */
  private onTyping(): void {
    const now = Date.now();
    if (!this.reply.value.trim()) return this.stopTyping();
    if (now - this.typingSent > TYPING_REPEAT_MS) {
      this.typingSent = now;
      this.ws.live.typing(this.conversationId, true);
    }
    clearTimeout(this.typingIdle);
    this.typingIdle = setTimeout(() => this.stopTyping(), TYPING_IDLE_MS);
  }

  private stopTyping(): void {
    clearTimeout(this.typingIdle);
    if (this.typingSent) {
      this.typingSent = 0;
      this.ws.live.typing(this.conversationId, false);
    }
  }

  private insertIntoReply(text: string): void {
    const r = this.reply;
    const start = r.selectionStart ?? r.value.length;
    const end = r.selectionEnd ?? r.value.length;
    const before = r.value.slice(0, start);
    const sep = before && !/\s$/.test(before) ? ' ' : '';
    r.value = before + sep + text + r.value.slice(end);
    const caret = (before + sep + text).length;
    r.focus();
    r.setSelectionRange(caret, caret);
    this.onTyping();
  }

  // --- Tools -----------------------------------------------------------------------------------

  private tool(title: string, id: string, ...body: (Node | null)[]): HTMLDetailsElement {
    return el('details', { class: 'govuk-details ca-tool', id }, el('summary', { class: 'govuk-details__summary' }, el('span', { class: 'govuk-details__summary-text' }, title)), el('div', { class: 'govuk-details__text' }, ...body));
  }

  private cannedTool(): HTMLElement {
    const f = field('Canned response', this.cannedSelect, { id: 'canned' });
    const insert = button('Insert into reply', { id: 'insert-canned' }, 'secondary');
    const status = el('p', { class: 'govuk-body ca-tool-status', role: 'status' });
    insert.addEventListener('click', () => {
      const chosen = this.canned.find((c) => c.id === this.cannedSelect.value);
      if (!chosen) return;
      const d = this.detail;
      const filled = fillPlaceholders(chosen.body, {
        resident_name: d?.context?.contact?.displayName,
        agent_name: this.ws.agent.name,
        council: this.ws.agent.councilName ?? councilFromPage(),
        reference: d?.context?.cases?.length ? d.context.cases[d.context.cases.length - 1].reference : null,
      });
      this.insertIntoReply(filled.text);
      status.textContent = filled.missing.length ? `Inserted. Fill in ${filled.missing.map((m) => `{${m}}`).join(', ')} before sending.` : 'Inserted into your reply.';
    });
    return this.tool('Canned responses', 'tool-canned', f.group, insert, status);
  }

  private async loadCanned(): Promise<void> {
    try {
      const { responses } = await this.ws.api.cannedResponses();
      this.canned = responses;
      this.cannedSelect.replaceChildren(...responses.map((r) => el('option', { value: r.id }, r.title)));
      if (!responses.length) this.cannedSelect.appendChild(el('option', { value: '' }, 'No canned responses'));
    } catch {
      this.cannedSelect.replaceChildren(el('option', { value: '' }, 'Could not load canned responses'));
    }
  }

  private kbTool(): HTMLElement {
    const q = field('Search the knowledge base', input({ type: 'search', id: 'kb-q', name: 'q', autocomplete: 'off' }));
    const results = el('ul', { class: 'govuk-list ca-kb-results', id: 'kb-results', 'aria-label': 'Knowledge base results' });
    const status = el('p', { class: 'govuk-body ca-tool-status', role: 'status' });
    const form = el('form', { role: 'search', novalidate: true, 'aria-label': 'Knowledge base' }, q.group, el('button', { type: 'submit', class: 'govuk-button govuk-button--secondary' }, 'Search'), status, results);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const text = q.control.value.trim();
      if (!text) return q.setError('Enter words to search for');
      q.setError(null);
      status.textContent = 'Searching…';
      try {
        const { articles } = await this.ws.api.searchKb(text);
        results.replaceChildren(
          ...articles.map((a) => {
            const insert = button('Insert', { class: 'govuk-button govuk-button--secondary ca-kb-insert' }, 'secondary');
            insert.append(el('span', { class: 'govuk-visually-hidden' }, ` “${a.title}” into reply`));
            insert.addEventListener('click', () => {
              this.insertIntoReply(`${a.summary}\n${a.title}: ${a.url}`);
              status.textContent = `Inserted “${a.title}” into your reply.`;
            });
            const href = safeHref(a.url);
            return el('li', { class: 'ca-kb-result' }, el('p', { class: 'govuk-body govuk-!-font-weight-bold' }, href ? el('a', { class: 'govuk-link', href, target: '_blank', rel: 'noopener noreferrer' }, a.title, el('span', { class: 'govuk-visually-hidden' }, ' (opens in new tab)')) : a.title), el('p', { class: 'govuk-body' }, a.summary), insert);
          }),
        );
        status.textContent = articles.length ? `${articles.length} article${articles.length === 1 ? '' : 's'} found.` : 'No articles found.';
      } catch (err) {
        status.textContent = `Search failed: ${errorText(err)}`;
      }
    });
    return this.tool('Knowledge base', 'tool-kb', form);
  }

  private readonly caseSelect = el('select', { class: 'govuk-select', id: 'case-ref', name: 'reference' });

  private refreshCaseSelect(): void {
    const cases = this.detail?.context?.cases ?? [];
    const current = this.caseSelect.value;
    this.caseSelect.replaceChildren(...cases.map((c) => el('option', { value: c.reference }, `${c.reference}${c.status ? ` (${humanise(c.status)})` : ''}`)));
    if (cases.some((c) => c.reference === current)) this.caseSelect.value = current;
    this.caseSelect.closest('form')?.toggleAttribute('hidden', cases.length === 0);
  }

  private caseTool(): HTMLElement {
    // Create
    const cSummary = new ErrorSummary();
    const service = field('Service', input({ id: 'case-service', name: 'serviceId', autocomplete: 'off', spellcheck: 'false' }), { hint: 'The service id, for example missed_bin' });
    const summaryText = field('Summary', input({ id: 'case-summary', name: 'summary' }));
    const details = field('Details (optional)', el('textarea', { class: 'govuk-textarea', id: 'case-details', name: 'details', rows: '3' }));
    const create = el('form', { novalidate: true, id: 'case-create' }, el('h3', { class: 'govuk-heading-s' }, 'Create a case'), cSummary.node, service.group, summaryText.group, details.group, el('button', { type: 'submit', class: 'govuk-button govuk-button--secondary' }, 'Create case'));
    const createFields = [service, summaryText, details] as AnyField[];
    create.addEventListener('submit', async (event) => {
      event.preventDefault();
      const errors: { message: string; field: AnyField }[] = [];
      if (!service.control.value.trim()) errors.push({ message: 'Enter the service', field: service });
      if (!summaryText.control.value.trim()) errors.push({ message: 'Enter a summary of the case', field: summaryText });
      if (errors.length) return cSummary.show(errors, createFields);
      try {
        const { reference } = await this.ws.api.createCase(this.conversationId, {
          serviceId: service.control.value.trim(),
          summary: summaryText.control.value.trim(),
          // The API takes details as an object (a flow's answers); the agent's free text goes in as notes.
          ...(details.control.value.trim() ? { details: { notes: details.control.value.trim() } } : {}),
        });
        cSummary.clear(createFields);
        create.reset();
        this.flash(`Case ${reference} created.`);
        await this.load(false);
      } catch (err) {
        cSummary.show(fieldErrors(err, { serviceId: service, summary: summaryText, details }), createFields);
      }
    });
    // Update
    const uSummary = new ErrorSummary();
    const ref = field('Case', this.caseSelect, { id: 'case-ref' });
    const status = field('New status', el('select', { class: 'govuk-select', id: 'case-status', name: 'status' }, ...CASE_STATUSES.map((s) => el('option', { value: s }, humanise(s)))), { id: 'case-status' });
    const note = field('Note', el('textarea', { class: 'govuk-textarea', id: 'case-note', name: 'note', rows: '3' }));
    const update = el('form', { novalidate: true, id: 'case-update' }, el('h3', { class: 'govuk-heading-s' }, 'Update a case'), uSummary.node, ref.group, status.group, note.group, el('button', { type: 'submit', class: 'govuk-button govuk-button--secondary' }, 'Update case'));
    update.hidden = true;
    const updateFields = [ref, status, note] as AnyField[];
    update.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (!note.control.value.trim()) return uSummary.show([{ message: 'Enter a note about the change', field: note }], updateFields);
      try {
        await this.ws.api.updateCase(this.caseSelect.value, { status: status.control.value as CaseStatus, note: note.control.value.trim() });
        uSummary.clear(updateFields);
        note.control.value = '';
        this.flash(`Case ${this.caseSelect.value} updated.`);
        await this.load(false);
      } catch (err) {
        uSummary.show(fieldErrors(err, { status, note }), updateFields);
      }
    });
    return this.tool('Case', 'tool-case', create, update);
  }

  private transferTool(): HTMLElement {
    const summary = new ErrorSummary();
    // Every queue of the council (from its settings, not only those seen in the listing), and its available advisers by name.
    const queueSelect = el('select', { class: 'govuk-select', id: 'transfer-queue', name: 'queue' }, el('option', { value: '' }, 'Choose a queue'), ...this.ws.knownQueues().map(([id, name]) => el('option', { value: id }, name)));
    const agentSelect = el('select', { class: 'govuk-select', id: 'transfer-agent', name: 'agentId' }, el('option', { value: '' }, 'No particular adviser'));
    const queue = field('Queue', queueSelect, { id: 'transfer-queue', hint: 'Or choose an adviser below' });
    const agent = field('Adviser (optional)', agentSelect, { id: 'transfer-agent', hint: 'Advisers who are available now, to pass the conversation to a particular person' });
    const note = field('Note for whoever picks it up', el('textarea', { class: 'govuk-textarea', id: 'transfer-note', name: 'note', rows: '3' }));
    const form = el('form', { novalidate: true }, summary.node, queue.group, agent.group, note.group, el('button', { type: 'submit', class: 'govuk-button govuk-button--secondary' }, 'Transfer'));
    const fields = [queue, agent, note] as AnyField[];
    const fill = async () => {
      const [queues, agents] = await Promise.allSettled([this.ws.api.transferQueues(), this.ws.api.transferAgents()]);
      if (queues.status === 'fulfilled' && queues.value.queues.length) {
        const chosen = queueSelect.value;
        for (const q of queues.value.queues) this.ws.rememberQueue(q.id, q.name);
        queueSelect.replaceChildren(el('option', { value: '' }, 'Choose a queue'), ...queues.value.queues.map((q) => el('option', { value: q.id }, q.name)));
        queueSelect.value = chosen;
      }
      if (agents.status === 'fulfilled') {
        const chosen = agentSelect.value;
        const others = agents.value.agents.filter((a) => a.id !== this.ws.agent.id && a.status === 'available');
        agentSelect.replaceChildren(el('option', { value: '' }, others.length ? 'No particular adviser' : 'No other adviser is available'), ...others.map((a) => el('option', { value: a.id }, a.name)));
        if (others.some((a) => a.id === chosen)) agentSelect.value = chosen;
      }
    };
    void fill();
    const details = this.tool('Transfer', 'tool-transfer', form);
    // Presence changes: the list is fetched again each time the tool is opened.
    details.addEventListener('toggle', () => details.open && void fill());
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const errors: { message: string; field: AnyField }[] = [];
      if (!queueSelect.value && !agentSelect.value) errors.push({ message: 'Choose a queue or an adviser', field: queue });
      if (!note.control.value.trim()) errors.push({ message: 'Enter a note for whoever picks it up', field: note });
      if (errors.length) return summary.show(errors, fields);
      const to = agentSelect.value ? agentSelect.selectedOptions[0]?.textContent : queueSelect.selectedOptions[0]?.textContent;
      try {
        await this.ws.api.transfer(this.conversationId, {
          ...(queueSelect.value ? { queue: queueSelect.value } : {}),
          ...(agentSelect.value ? { agentId: agentSelect.value } : {}),
          note: note.control.value.trim(),
        });
        this.ws.navigate('#/queue', `Conversation transferred${to ? ` to ${to}` : ''}.`);
      } catch (err) {
        summary.show(fieldErrors(err, { queue, agentId: agent, note }), fields);
      }
    });
    return details;
  }

  private handBackTool(): HTMLElement {
    const go = button('Hand back to the assistant', { id: 'hand-back' }, 'secondary');
    const status = el('p', { class: 'govuk-error-message', role: 'alert' });
    go.addEventListener('click', async () => {
      try {
        this.stopTyping();
        await this.ws.api.handBack(this.conversationId);
        this.ws.navigate('#/queue', 'Conversation handed back to the assistant.');
      } catch (err) {
        status.textContent = `Could not hand back: ${errorText(err)}`;
      }
    });
    return this.tool('Hand back to the assistant', 'tool-hand-back', el('p', { class: 'govuk-body' }, 'The assistant answers the resident’s next messages. The transcript stays with the conversation.'), go, status);
  }

  private closeTool(): HTMLElement {
    const summary = new ErrorSummary();
    const name = 'outcome';
    const radios = OUTCOMES.map((o, i) => {
      const id = `outcome-${i}`;
      return el('div', { class: 'govuk-radios__item' }, el('input', { class: 'govuk-radios__input', id, name, type: 'radio', value: o.value }), el('label', { class: 'govuk-label govuk-radios__label', for: id }, o.label));
    });
    const first = radios[0].querySelector('input')!;
    const error = el('p', { class: 'govuk-error-message', id: 'outcome-error' });
    error.hidden = true;
    const group = el('div', { class: 'govuk-form-group' }, el('fieldset', { class: 'govuk-fieldset', 'aria-describedby': 'outcome-error' }, el('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, 'Outcome'), error, el('div', { class: 'govuk-radios govuk-radios--small' }, ...radios)));
    const outcomeField: AnyField = {
      group,
      control: first,
      error,
      label: 'Outcome',
      setError(message) {
        group.classList.toggle('govuk-form-group--error', !!message);
        error.replaceChildren(...(message ? [el('span', { class: 'govuk-visually-hidden' }, 'Error: '), message] : []));
        error.hidden = !message;
      },
    };
    const form = el('form', { novalidate: true, id: 'close-form' }, summary.node, group, el('button', { type: 'submit', class: 'govuk-button govuk-button--warning' }, 'Close conversation'));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const chosen = form.querySelector<HTMLInputElement>('input[name="outcome"]:checked');
      if (!chosen) return summary.show([{ message: 'Choose an outcome', field: outcomeField }], [outcomeField]);
      try {
        this.stopTyping();
        await this.ws.api.close(this.conversationId, chosen.value as CloseOutcome);
        this.ws.navigate('#/queue', 'Conversation closed.');
      } catch (err) {
        summary.show([{ message: `Could not close the conversation: ${errorText(err)}`, field: outcomeField }], [outcomeField]);
      }
    });
    return this.tool('Close the conversation', 'tool-close', form);
  }

  private flash(text: string): void {
    this.messages.replaceChildren(banner('Success', text, true));
    say(document.getElementById('announcer')!, text);
  }
}

/** The transcript carries a message's structured parts (card, link, suggestions) as `parts`. */
function withParts(m: TranscriptMessage): TranscriptMessage {
  let parts: unknown = m.parts;
  if (typeof parts === 'string') {
    try {
      parts = JSON.parse(parts);
    } catch {
      parts = null;
    }
  }
  return parts && typeof parts === 'object' ? { ...(parts as Partial<TranscriptMessage>), ...m, text: m.text } : m;
}

/** Files the resident sent (a WhatsApp photo, PDF or voice note; an MMS picture): a link each, opening in a new tab. */
function attachmentLinks(m: object): HTMLElement[] {
  const list = (m as { attachments?: unknown }).attachments;
  if (!Array.isArray(list)) return [];
  return list.flatMap((a: { url?: unknown; contentType?: unknown; name?: unknown }) => {
    const href = typeof a?.url === 'string' ? safeHref(a.url) : null;
    if (!href) return [];
    const type = typeof a.contentType === 'string' ? a.contentType : '';
    const kind = type.startsWith('image/') ? 'Photo' : type.startsWith('audio/') ? 'Voice note' : type === 'application/pdf' ? 'PDF file' : 'File';
    const label = typeof a.name === 'string' && a.name ? `${kind}: ${a.name}` : `${kind} sent by the resident`;
    return [el('p', { class: 'ca-message__attachment' }, el('a', { class: 'govuk-link', href, target: '_blank', rel: 'noopener noreferrer' }, label, el('span', { class: 'govuk-visually-hidden' }, ' (opens in new tab)')))];
  });
}

const DELIVERY_LABELS: Record<NonNullable<TranscriptMessage['delivery']>['status'], { text: string; tag: string }> = {
  failed: { text: 'Not sent', tag: 'govuk-tag--red' },
  retrying: { text: 'Not sent yet, trying again', tag: 'govuk-tag--orange' },
  held: { text: 'Waiting for the resident to write', tag: 'govuk-tag--yellow' },
  suppressed: { text: 'Not sent', tag: 'govuk-tag--grey' },
};

const clock = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
const dayAndClock = (iso: string) => `${new Date(iso).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short' })} ${clock(iso)}`;

/** WhatsApp: outside the window a reply waits, and a template asks the resident to write. */
function whatsappWindowText(left: number, closesAt: string | null): string {
  const after = 'the resident is sent a message asking them to write, and your reply goes to them when they do.';
  return left > 0
    ? `WhatsApp reply window: ${timeLeft(left)} left (until ${clock(closesAt!)}). After that, ${after}`
    : `The WhatsApp reply window has closed: the resident last wrote more than 24 hours ago. If you reply, ${after}`;
}

/** E-mail: residents answer in days; a reply can go at any time, and their next mail lands here until the window closes. */
function emailWindowText(left: number, closesAt: string | null): string {
  return left > 0 && closesAt
    ? `E-mail: the resident may take days to answer. Their next e-mail continues this conversation until ${dayAndClock(closesAt)} (${timeLeft(left)}); your reply is sent by e-mail whenever you send it.`
    : 'E-mail: this conversation has been quiet too long for the resident\'s next e-mail to continue it (it starts a new one, unless they reply to our e-mail). Your reply is still sent by e-mail.';
}

/** Messenger and Instagram: after 24 hours only an adviser's reply, tagged as a human agent's, for up to 7 days where the Page may. */
function messagingWindowText(w: NonNullable<ConversationDetail['messagingWindow']>, left: number): string {
  const name = channelLabel(w.channel);
  const agentLeft = w.agentClosesAt ? new Date(w.agentClosesAt).getTime() - Date.now() : -1;
  const tagged = w.humanAgentTag && w.agentClosesAt && w.agentClosesAt !== w.closesAt;
  const blocked = 'a reply cannot be sent until the resident writes again.';
  if (left > 0) {
    const after = tagged ? `only your replies can be sent (as a human agent's reply) until ${dayAndClock(w.agentClosesAt!)}; then ${blocked}` : blocked;
    return `${name} reply window: ${timeLeft(left)} left (until ${clock(w.closesAt!)}). After that, ${after}`;
  }
  if (tagged && agentLeft > 0) return `The ${name} 24-hour window has closed: your reply is sent as a human agent's reply, possible for ${timeLeft(agentLeft)} more (until ${dayAndClock(w.agentClosesAt!)}). After that, ${blocked}`;
  const why = !w.closesAt ? 'the resident has not written' : tagged ? 'the resident last wrote more than 7 days ago' : "the resident last wrote more than 24 hours ago and the council's Page may not send an adviser's reply after that";
  return `The ${name} reply window has closed: ${why}, so ${blocked}`;
}

/** "6 days 23 h", "23 h 5 min", "12 min", "less than a minute". */
function timeLeft(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'less than a minute';
  const h = Math.floor(minutes / 60);
  if (h >= 48) return `${Math.floor(h / 24)} days ${h % 24} h`;
  return h ? `${h} h ${minutes % 60} min` : `${minutes} min`;
}

function stateLabel(state: string): string {
  return ({ bot: 'With the assistant', queued: 'Waiting in the queue', with_agent: 'With an adviser', closed: 'Closed' } as Record<string, string>)[state] ?? humanise(state);
}

function councilFromPage(): string | null {
  return document.querySelector<HTMLMetaElement>('meta[name="council-name"]')?.content || null;
}

/** Maps the server's validation errors to fields; anything else is one summary message. */
function fieldErrors(err: unknown, byPath: Record<string, AnyField>): { message: string; field?: AnyField }[] {
  if (err instanceof ApiError && err.fieldErrors.length) {
    return err.fieldErrors.map((e) => ({ message: `${humanise(e.path || 'request')}: ${e.message}`, field: byPath[e.path] }));
  }
  return [{ message: errorText(err) }];
}

