import { ChatApi } from './api-client.js';
import type { WidgetConfig } from './config.js';
import { Conversation } from './conversation.js';
import { el, uuid } from './dom.js';
import { applyAskFor } from './input-mode.js';
import { buildPanel, type PanelElements } from './panel.js';
import { renderMessage, renderSuggestions } from './render-message.js';
import { SessionStore } from './session-store.js';
import { injectStyles } from './styles.js';
import { Typeahead } from './typeahead.js';
import type { ConversationState, OutboundMessage, Transcript, TranscriptMessage } from './types.js';

/** How often to look for an adviser's replies while a person holds the conversation. */
const ADVISER_POLL_MS = 4000;

interface PendingMessage {
  id: string;
  text: string;
  node: HTMLElement;
}

/** The chat widget: opens and closes the panel, sends messages, renders what comes back. */
export class ChatWidget {
  private readonly ui: PanelElements;
  private readonly store: SessionStore;
  private readonly conversation: Conversation;
  private readonly typeahead: Typeahead;
  private loading: Promise<void> | null = null;
  private loaded = false;
  /** Sends go one after another, so replies appear in the order the resident wrote. */
  private queue: Promise<void> = Promise.resolve();
  private inFlight = 0;
  private state: ConversationState = 'bot';
  private readonly seen = new Set<string | number>();
  private pollTimer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly config: WidgetConfig) {
    const api = new ChatApi(config.baseUrl, config.tenant);
    this.store = new SessionStore(config.tenant);
    this.conversation = new Conversation(api, this.store);
    this.ui = buildPanel(config.title);
    this.typeahead = new Typeahead(this.ui.input, (q, signal) => api.suggestions(q, signal), (text) => this.send(text));
    this.ui.form.append(this.typeahead.listbox, this.typeahead.status);
    this.bindEvents();
  }

  mount(): void {
    injectStyles();
    document.body.appendChild(this.ui.root);
    // A reload mid-conversation comes back to where the resident was, input focused.
    if (this.store.wasOpen()) this.open(true);
    else if (this.config.openAtLoad) this.open(false);
  }

  open(focusInput = true): void {
    const { panel, launcher, input } = this.ui;
    if (panel.hidden) {
      panel.hidden = false;
      launcher.hidden = true;
      launcher.setAttribute('aria-expanded', 'true');
      this.store.rememberOpen(true);
      this.startPolling();
    }
    if (focusInput) input.focus();
    if (!this.loaded) void this.load().catch(() => this.showLoadError());
  }

  close(): void {
    const { panel, launcher } = this.ui;
    if (panel.hidden) return;
    this.typeahead.close();
    panel.hidden = true;
    launcher.hidden = false;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
    this.store.rememberOpen(false);
    this.stopPolling();
  }

  /** Sends `text` as the resident's message. What they typed is kept on screen until it is delivered. */
  send(text: string): void {
    const trimmed = text.trim();
    if (!trimmed) return;
    this.typeahead.close();
    this.ui.input.value = '';
    this.removeSuggestions();
    this.ui.log.querySelectorAll('.ca-load-error').forEach((n) => n.remove());
    const node = renderMessage('resident', { text: trimmed });
    this.appendToLog(node);
    const message: PendingMessage = { id: uuid(), text: trimmed, node };
    this.queue = this.queue.then(() => this.deliver(message));
  }

  private bindEvents(): void {
    const { launcher, closeButton, form, input, panel } = this.ui;
    launcher.addEventListener('click', () => this.open());
    closeButton.addEventListener('click', () => this.close());
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.send(input.value);
    });
    panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        this.close();
      }
    });
  }

  /** Loads the transcript once; concurrent callers share the attempt, a failure allows another. */
  private load(): Promise<void> {
    this.loading ??= (async () => {
      this.setTyping(true);
      try {
        this.renderTranscript(await this.conversation.resume());
        this.loaded = true;
      } finally {
        this.setTyping(false);
      }
    })().catch((err: unknown) => {
      this.loading = null;
      throw err;
    });
    return this.loading;
  }

  private async deliver(message: PendingMessage): Promise<void> {
    message.node.classList.remove('ca-msg--failed');
    this.setTyping(true);
    try {
      if (!this.loaded) await this.load();
      const replies = await this.conversation.send(message.text, message.id);
      this.renderReplies(replies);
    } catch (err) {
      this.showSendError(message, err);
    } finally {
      this.setTyping(false);
    }
  }

  private renderTranscript(transcript: Transcript): void {
    const { log } = this.ui;
    log.replaceChildren();
    this.seen.clear();
    const lastInbound = transcript.messages.map((m) => m.direction).lastIndexOf('in');
    transcript.messages.forEach((m, i) => {
      this.seen.add(m.id);
      // Only the replies to the resident's latest message still offer their buttons.
      this.appendMessage(m.direction === 'in' ? 'resident' : m.author, m, i > lastInbound);
    });
    this.applyLatestAskFor(transcript.messages.filter((m) => m.direction === 'out'));
    this.setState(transcript.state);
  }

  private renderReplies(replies: OutboundMessage[]): void {
    for (const reply of replies) this.appendMessage('bot', reply, true);
    this.applyLatestAskFor(replies);
    if (replies.some((r) => r.handoff)) this.setState('queued');
  }

  private appendMessage(author: TranscriptMessage['author'], message: Partial<OutboundMessage> & { text: string }, live: boolean): void {
    this.appendToLog(renderMessage(author, message));
    if (live && message.suggestions?.length) this.appendToLog(renderSuggestions(message.suggestions, (value) => this.pickSuggestion(value)));
  }

  private pickSuggestion(value: string): void {
    this.send(value);
    this.ui.input.focus();
  }

  private applyLatestAskFor(messages: Partial<OutboundMessage>[]): void {
    if (!messages.length) return;
    const askFor = messages[messages.length - 1].askFor;
    applyAskFor(this.ui.input, askFor);
    this.typeahead.enabled = !askFor;
  }

  private removeSuggestions(): void {
    this.ui.log.querySelectorAll('.ca-suggestions').forEach((group) => group.remove());
  }

  private appendToLog(node: HTMLElement): void {
    this.ui.log.appendChild(node);
    this.ui.log.scrollTop = this.ui.log.scrollHeight;
  }

  private setTyping(on: boolean): void {
    this.inFlight += on ? 1 : -1;
    const { typing } = this.ui;
    const busy = this.inFlight > 0;
    typing.classList.toggle('ca-typing--on', busy);
    if (busy && !typing.textContent) typing.textContent = 'Assistant is typing…';
    if (!busy) typing.textContent = '';
  }

  private showSendError(message: PendingMessage, err: unknown): void {
    message.node.classList.add('ca-msg--failed');
    const retry = el('button', { type: 'button', class: 'ca-button ca-button--secondary' }, 'Try again');
    const notice = el('div', { class: 'ca-error' }, el('p', { class: 'ca-p' }, "Sorry, we couldn't send that. Try again."), retry);
    message.node.after(notice);
    this.ui.log.scrollTop = this.ui.log.scrollHeight;
    retry.addEventListener('click', () => {
      notice.remove();
      this.ui.input.focus();
      this.queue = this.queue.then(() => this.deliver(message));
    });
  }

  private showLoadError(): void {
    if (this.ui.log.querySelector('.ca-load-error')) return;
    const retry = el('button', { type: 'button', class: 'ca-button ca-button--secondary' }, 'Try again');
    const notice = el('div', { class: 'ca-error ca-load-error' }, el('p', { class: 'ca-p' }, "Sorry, we couldn't connect to the assistant. Try again."), retry);
    retry.addEventListener('click', () => {
      notice.remove();
      this.ui.input.focus();
      void this.load().catch(() => this.showLoadError());
    });
    this.appendToLog(notice);
  }

  private setState(state: ConversationState): void {
    this.state = state;
    this.startPolling();
  }

  /** Advisers' replies arrive between the resident's turns, so look for them while one is involved. */
  private startPolling(): void {
    const waitingForPerson = this.state === 'queued' || this.state === 'with_agent';
    if (!waitingForPerson || this.ui.panel.hidden) return this.stopPolling();
    this.pollTimer ??= setInterval(() => void this.poll(), ADVISER_POLL_MS);
  }

  private stopPolling(): void {
    clearInterval(this.pollTimer);
    this.pollTimer = undefined;
  }

  private async poll(): Promise<void> {
    if (this.inFlight > 0) return;
    try {
      const transcript = await this.conversation.transcript();
      for (const m of transcript.messages) {
        if (this.seen.has(m.id)) continue;
        this.seen.add(m.id);
        // The resident's own messages and the bot's replies were shown when they were sent.
        if (m.direction === 'out' && (m.author === 'agent' || m.author === 'system')) {
          this.removeSuggestions();
          this.appendMessage(m.author, m, true);
        }
      }
      this.setState(transcript.state);
    } catch {
      // Try again at the next tick.
    }
  }
}
