import { ApiError, ChatApi } from './api-client.js';
import { FILE_LIMIT_BYTES, kindOfFile } from './attach.js';
import type { WidgetConfig } from './config.js';
import { Conversation } from './conversation.js';
import { el, uuid } from './dom.js';
import { STRINGS, type Language, type Strings } from './i18n.js';
import { applyAskFor } from './input-mode.js';
import { LiveUpdates, type AgentTyping } from './live.js';
import { buildPanel, type PanelElements } from './panel.js';
import { renderMessage, renderSuggestions } from './render-message.js';
import { SessionStore } from './session-store.js';
import { injectStyles } from './styles.js';
import { Typeahead } from './typeahead.js';
import type { ConversationState, HandoffNotice, OutboundMessage, Transcript, TranscriptMessage } from './types.js';

/** How often to look for an adviser's replies while a person holds the conversation and the socket is down. */
const ADVISER_POLL_MS = 4000;
/** The resident's "typing" goes out at most this often, and "stopped" after this long idle. */
const TYPING_REPEAT_MS = 3000;
const TYPING_IDLE_MS = 2500;
/** An adviser's "typing" that never gets its "stopped" (closed tab) fades after this long. */
const AGENT_TYPING_TIMEOUT_MS = 8000;

interface PendingMessage {
  id: string;
  text: string;
  node: HTMLElement;
  /** Run once the server has the message and the replies are shown (End chat's ended state). */
  delivered?: () => void;
  /** Run when it could not be sent (End chat gives the input back). */
  failed?: () => void;
}

/** The message End chat sends: the same words a resident may type, so one policy handles both. */
export const END_CHAT_TEXT = 'End chat';

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
  private live: LiveUpdates | null = null;
  private liveFor: string | null = null;
  private typingSent = 0;
  private typingIdle: ReturnType<typeof setTimeout> | undefined;
  private agentTypingTimer: ReturnType<typeof setTimeout> | undefined;
  /** Who the resident is talking to, as far as we know, and the latest wait information. */
  private agentName: string | null = null;
  private waitNotice: (HandoffNotice & Record<string, unknown>) | null = null;
  /** The resident ended the conversation: the input stays disabled until "Start a new chat". */
  private ended = false;
  /** The "How did we do?" buttons last shown (bot/satisfaction.ts), kept for the ended state: End chat asks it last. */
  private rating: NonNullable<OutboundMessage['suggestions']> | null = null;
  private readonly api: ChatApi;
  /** The languages the council offers (its default first), once known: the switch shows with two. */
  private offered: Language[];
  /** The interface language, and the resident's explicit choice with the switch (sent with each message). */
  private language: Language;
  private chosen: Language | null;
  /** Settles when the offered languages are known (at once when the page lists them). */
  private languagesKnown: Promise<void> = Promise.resolve();

  constructor(private readonly config: WidgetConfig) {
    const api = (this.api = new ChatApi(config.baseUrl, config.tenant));
    this.store = new SessionStore(config.tenant);
    this.chosen = this.store.chosenLanguage();
    // Until the council's languages are known, either may be the page's: a Welsh page starts in Welsh.
    this.offered = config.languages ?? ['en', 'cy'];
    this.language = this.initialLanguage();
    // The greeting is asked for in a language only when the resident chose one or the page set
    // `data-language`; the page's own `lang` sets the interface only (the council greets in both).
    this.conversation = new Conversation(api, this.store, () => ({ ui: this.language, chosen: this.chosen, greeting: this.chosen ?? this.config.language }));
    this.ui = buildPanel(this.title);
    this.typeahead = new Typeahead(
      this.ui.input,
      (q, signal) => api.suggestions(q, signal, this.language),
      (text) => this.send(text),
      () => this.t,
    );
    this.ui.form.append(this.typeahead.listbox, this.typeahead.status);
    this.bindEvents();
  }

  /** The interface's words in its current language. */
  private get t(): Strings {
    return STRINGS[this.language];
  }

  private get title(): string {
    return this.config.title[this.language] ?? this.t.launcher;
  }

  /** The resident's earlier choice, else the page's setting, else the page's own language, else the council's default. */
  private initialLanguage(): Language {
    const wanted = [this.chosen, this.config.language, this.config.pageLanguage];
    return wanted.find((l): l is Language => !!l && this.offered.includes(l)) ?? this.offered[0] ?? 'en';
  }

  /** English / Cymraeg: the interface changes at once; the choice goes with each message from now on. */
  chooseLanguage(language: Language): void {
    this.chosen = language;
    this.store.rememberLanguage(language);
    this.applyLanguage(language);
  }

  private applyLanguage(language: Language): void {
    this.language = language;
    this.ui.setLanguage(language, this.t, this.title);
    this.ui.languageSwitch.hidden = this.offered.length < 2;
    this.typeahead.relabel();
    if (!this.ui.endConfirm.hidden) this.ui.endHint.textContent = this.endHint();
    this.renderStatus();
  }

  /** The council's languages: from the page's tag, or asked of the server once (English only if it cannot say). */
  private learnLanguages(): void {
    if (this.config.languages) return this.applyLanguage(this.language);
    this.applyLanguage(this.language);
    this.ui.languageSwitch.hidden = true;
    this.languagesKnown = this.api
      .languages()
      .catch(() => [] as Language[])
      .then((offered) => {
        this.offered = offered.length ? offered : ['en'];
        this.applyLanguage(this.initialLanguage());
      });
  }

  mount(): void {
    injectStyles();
    this.learnLanguages();
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
      // Replies that came while the panel was closed.
      if (this.loaded && this.waitingForPerson) void this.poll();
    }
    if (focusInput) {
      if (this.ended) this.ui.log.querySelector<HTMLElement>('.ca-ended__title')?.focus();
      else input.focus();
    }
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
  send(text: string, callbacks: Pick<PendingMessage, 'delivered' | 'failed'> = {}, shown?: string): void {
    const trimmed = text.trim();
    if (!trimmed || this.ended) return;
    this.typeahead.close();
    this.ui.input.value = '';
    // Only a question asked in answer to this message counts for the ended state.
    this.rating = null;
    this.stopResidentTyping();
    this.removeSuggestions();
    this.ui.log.querySelectorAll('.ca-load-error').forEach((n) => n.remove());
    const node = renderMessage('resident', { text: shown ?? trimmed }, this.renderLanguage(this.language));
    this.appendToLog(node);
    const message: PendingMessage = { id: uuid(), text: trimmed, node, ...callbacks };
    this.queue = this.queue.then(() => this.deliver(message));
  }

  private bindEvents(): void {
    const { launcher, closeButton, form, input, panel, endButton, endYes, endNo, languageButtons } = this.ui;
    launcher.addEventListener('click', () => this.open());
    for (const [language, button] of Object.entries(languageButtons) as [Language, HTMLButtonElement][]) {
      button.addEventListener('click', () => this.chooseLanguage(language));
    }
    closeButton.addEventListener('click', () => this.close());
    endButton.addEventListener('click', () => (this.ui.endConfirm.hidden ? this.askToEnd() : this.cancelEnd()));
    endYes.addEventListener('click', () => this.endChat());
    endNo.addEventListener('click', () => this.cancelEnd());
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.send(input.value);
    });
    input.addEventListener('input', () => this.onResidentTyping());
    for (const picker of [this.ui.photoInput, this.ui.fileInput]) {
      picker.addEventListener('change', () => {
        const file = picker.files?.[0];
        picker.value = ''; // the same file can be chosen again
        if (file) this.sendFile(file);
      });
    }
    panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        // Escape backs out of the confirmation first; only then does it close the panel.
        if (!this.ui.endConfirm.hidden) this.cancelEnd();
        else this.close();
      }
    });
  }

  /** Loads the transcript once; concurrent callers share the attempt, a failure allows another. */
  private load(): Promise<void> {
    this.loading ??= (async () => {
      this.setTyping(true);
      try {
        // A new conversation's greeting is in the interface's language: wait until that is settled.
        await this.languagesKnown;
        this.renderTranscript(await this.conversation.resume());
        this.loaded = true;
        const session = this.conversation.current;
        // Ended with End chat before a reload: still ended, with "Start a new chat" to go on.
        if (session && this.store.endedConversation() === session.conversationId) this.showEnded(document.activeElement === this.ui.input);
        else this.connectLive();
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
      this.connectLive();
      this.renderReplies(replies);
      message.delivered?.();
    } catch {
      message.failed?.();
      this.showSendError(message);
    } finally {
      this.setTyping(false);
    }
  }

  /**
   * Sends a photo or file: shown at once as the resident's, then uploaded in turn with their
   * messages. A refusal (too large, a type we do not keep, damaged) says why, in the server's
   * words; a failure to reach us offers "Try again".
   */
  sendFile(file: File): void {
    if (this.ended) return;
    this.typeahead.close();
    // The question's buttons stay: a photo does not answer it.
    this.ui.log.querySelectorAll('.ca-load-error').forEach((n) => n.remove());
    const kind = kindOfFile(file);
    const t = this.t;
    const name = file.name || t.defaultFileName(kind);
    const node = renderMessage('resident', { text: t.fileMessage(kind, name) }, this.renderLanguage(this.language));
    node.classList.add('ca-msg--file');
    const progress = el('p', { class: 'ca-file-status' }, t.sending);
    node.querySelector('.ca-bubble')?.appendChild(progress);
    this.appendToLog(node);
    if (file.size > FILE_LIMIT_BYTES) return this.showFileRefused(node, progress, t.tooLarge(kind));
    this.queue = this.queue.then(() => this.deliverFile(file, name, node, progress));
  }

  private async deliverFile(file: File, name: string, node: HTMLElement, progress: HTMLElement): Promise<void> {
    node.classList.remove('ca-msg--failed');
    progress.textContent = this.t.sending;
    this.setTyping(true);
    try {
      if (!this.loaded) await this.load();
      const sent = await this.conversation.upload(file, name);
      progress.textContent = this.t.sent;
      this.connectLive();
      this.renderReplies(sent.messages);
    } catch (err) {
      if (err instanceof ApiError && [409, 413, 415, 422].includes(err.status)) this.showFileRefused(node, progress, err.message);
      else this.showFileError(file, name, node, progress);
    } finally {
      this.setTyping(false);
    }
  }

  /** Refused: why, announced; nothing else changes, and another file can be chosen. */
  private showFileRefused(node: HTMLElement, progress: HTMLElement, reason: string): void {
    node.classList.add('ca-msg--failed');
    progress.textContent = this.t.notSent;
    node.after(el('div', { class: 'ca-error', role: 'alert' }, el('p', { class: 'ca-p' }, reason)));
    this.ui.log.scrollTop = this.ui.log.scrollHeight;
  }

  private showFileError(file: File, name: string, node: HTMLElement, progress: HTMLElement): void {
    node.classList.add('ca-msg--failed');
    progress.textContent = this.t.notSent;
    const retry = el('button', { type: 'button', class: 'ca-button ca-button--secondary' }, this.t.tryAgain);
    const notice = el('div', { class: 'ca-error', role: 'alert' }, el('p', { class: 'ca-p' }, this.t.fileFailed(kindOfFile(file))), retry);
    node.after(notice);
    this.ui.log.scrollTop = this.ui.log.scrollHeight;
    retry.addEventListener('click', () => {
      notice.remove();
      this.ui.input.focus();
      this.queue = this.queue.then(() => this.deliverFile(file, name, node, progress));
    });
  }

  /** Opens the inline "End this chat?" step and moves focus into it. */
  private askToEnd(): void {
    const { endConfirm, endButton, endHint, endYes } = this.ui;
    this.typeahead.close();
    endHint.textContent = this.endHint();
    endConfirm.hidden = false;
    endButton.setAttribute('aria-expanded', 'true');
    endYes.focus();
  }

  /** What ending means now. An urgent (safety) handoff stays with the team after the resident leaves (see bot/policy.ts endChat). */
  private endHint(): string {
    const t = this.t;
    const what =
      this.state === 'queued' ? (this.waitNotice?.priority === 'urgent' ? t.endUrgentQueued : t.endQueued) : this.state === 'with_agent' ? t.endWithAgent : t.endBot;
    return `${what} ${t.endAnyTime}`;
  }

  /** "No, keep chatting" or Escape: the step goes away and focus returns to End chat. */
  private cancelEnd(): void {
    const { endConfirm, endButton } = this.ui;
    if (endConfirm.hidden) return;
    endConfirm.hidden = true;
    endButton.setAttribute('aria-expanded', 'false');
    endButton.focus();
  }

  /**
   * Sends "End chat" through the normal message API (the policy closes the conversation in any
   * state: with the bot, queued or with an adviser), then shows the ended state. If it cannot be
   * sent, the usual "Try again" is offered and nothing is shown as ended.
   */
  private endChat(): void {
    const { endConfirm, endButton, log } = this.ui;
    endConfirm.hidden = true;
    endButton.setAttribute('aria-expanded', 'false');
    // The focused button has gone: keep focus in the panel, on the conversation, while it sends.
    log.focus();
    // The policy's words go to the server; the resident sees the button's own words, in their language.
    this.send(
      END_CHAT_TEXT,
      {
        delivered: () => this.showEnded(true),
        // Not ended after all: typing is possible again, and "Try again" resends it.
        failed: () => this.setInputEnabled(true),
      },
      this.t.endChat,
    );
    // Nothing more goes into this conversation while it is being ended.
    this.setInputEnabled(false);
  }

  /** The ended state: what happened, a way to start again, and no input until then. */
  private showEnded(moveFocus: boolean): void {
    const session = this.conversation.current;
    if (session) this.store.markEnded(session.conversationId);
    this.ended = true;
    this.live?.close();
    this.live = null;
    this.liveFor = null;
    this.removeSuggestions();
    this.setState('closed');
    this.setInputEnabled(false);
    this.ui.endButton.hidden = true;
    const t = this.t;
    const title = el('p', { class: 'ca-ended__title', tabindex: '-1' }, t.endedTitle);
    const restart = el('button', { type: 'button', class: 'ca-button' }, t.startNew);
    restart.addEventListener('click', () => void this.startNewChat(restart));
    this.ui.log.querySelectorAll('.ca-ended').forEach((n) => n.remove());
    this.appendToLog(el('div', { class: 'ca-ended', lang: this.language }, title, el('p', { class: 'ca-p' }, t.endedText), restart));
    if (this.rating) this.appendToLog(this.ratingButtons(this.rating));
    this.rating = null;
    if (moveFocus) title.focus();
  }

  /** "Start a new chat": the stored session is forgotten and a new conversation begins. */
  private async startNewChat(button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    this.setTyping(true);
    try {
      const transcript = await this.conversation.startNew();
      this.ended = false;
      this.ui.endButton.hidden = false;
      this.setInputEnabled(true);
      this.renderTranscript(transcript);
      this.connectLive();
      this.ui.input.focus();
    } catch {
      button.disabled = false;
      if (!button.previousElementSibling?.classList.contains('ca-error')) {
        button.before(el('div', { class: 'ca-error', role: 'alert' }, el('p', { class: 'ca-p' }, this.t.startNewFailed)));
      }
    } finally {
      this.setTyping(false);
    }
  }

  private setInputEnabled(enabled: boolean): void {
    const { input, sendButton, photoInput, fileInput } = this.ui;
    input.disabled = !enabled;
    sendButton.disabled = !enabled;
    photoInput.disabled = !enabled;
    fileInput.disabled = !enabled;
    this.typeahead.enabled = enabled;
    if (!enabled) {
      input.value = '';
      this.typeahead.close();
    }
  }

  private renderTranscript(transcript: Transcript): void {
    const { log } = this.ui;
    log.replaceChildren();
    this.seen.clear();
    const lastInbound = transcript.messages.map((m) => m.direction).lastIndexOf('in');
    transcript.messages.forEach((m, i) => {
      this.seen.add(m.id);
      this.learnFrom(m);
      // Only the replies to the resident's latest message still offer their buttons.
      this.appendMessage(m.direction === 'in' ? 'resident' : m.author, m, i > lastInbound);
    });
    this.applyLatestAskFor(transcript.messages.filter((m) => m.direction === 'out'));
    this.setState(transcript.state);
  }

  private renderReplies(replies: OutboundMessage[]): void {
    // The council closed the conversation and the resident wrote again: the assistant starts afresh.
    if (this.state === 'closed' && !this.ended) this.setState('bot');
    for (const reply of replies) this.appendMessage('bot', reply, true);
    this.applyLatestAskFor(replies);
    const handoff = replies.find((r) => r.handoff)?.handoff;
    if (handoff) {
      this.waitNotice = handoff as HandoffNotice & Record<string, unknown>;
      this.setState('queued');
    }
  }

  private appendMessage(author: TranscriptMessage['author'], message: Partial<OutboundMessage> & { text: string }, live: boolean): void {
    const language = this.messageLanguage(author, message);
    this.appendToLog(renderMessage(author, message, this.renderLanguage(language)));
    if (live && message.suggestions?.length) this.rating = isRatingQuestion(message.suggestions) ? message.suggestions : null;
    if (live && message.suggestions?.length) this.appendToLog(renderSuggestions(message.suggestions, (value) => this.pickSuggestion(value), this.t, language));
  }

  /**
   * The `lang` of a message: the reply's own `language`. The resident's are in the interface's
   * language; the assistant's without one (the bilingual greeting, in Welsh and English) and an
   * adviser's (unknown) inherit the widget's.
   */
  private messageLanguage(author: TranscriptMessage['author'], message: Partial<OutboundMessage>): Language | null {
    if (message.language === 'en' || message.language === 'cy') return message.language;
    if (author === 'resident') return this.language;
    return null;
  }

  private renderLanguage(message: Language | null) {
    return { t: this.t, ui: this.language, message };
  }

  /**
   * After End chat the input is closed, but the satisfaction question can still be answered: its
   * buttons send the rating to the ended conversation once, then (when the assistant asks for one)
   * a small labelled box takes the optional comment.
   */
  private ratingButtons(options: NonNullable<OutboundMessage['suggestions']>): HTMLElement {
    const t = this.t;
    const status = el('p', { class: 'ca-p', role: 'status' });
    const group = el('div', { class: 'ca-suggestions ca-rating', role: 'group', 'aria-label': t.howDidWeDo });
    const box = el('div', { class: 'ca-rating-box', lang: this.language }, el('p', { class: 'ca-p' }, t.howDidWeDo), group, status);
    for (const o of options) {
      const button = el('button', { type: 'button', class: 'ca-button ca-button--secondary' }, o.label);
      button.addEventListener('click', async () => {
        group.querySelectorAll('button').forEach((b) => (b.disabled = true));
        try {
          const replies = await this.conversation.send(o.value, uuid());
          group.remove();
          status.textContent = t.ratingThanks;
          // The assistant asks for a comment only when the rating was taken (bot/satisfaction.ts).
          if (replies.some((r) => r.suggestions?.some((x) => NO_COMMENT.has(x.value)))) box.appendChild(this.commentForm(status, t));
        } catch {
          group.querySelectorAll('button').forEach((b) => (b.disabled = false));
          status.textContent = t.ratingFailed;
        }
      });
      group.appendChild(button);
    }
    return box;
  }

  /**
   * The optional comment after a rating in the ended state: one labelled text area, sent once to the
   * ended conversation (the assistant's thanks goes into the status). Focus moves to it, as the
   * rating button that had focus has gone; after sending, focus returns to the status's box.
   */
  private commentForm(status: HTMLElement, t: Strings): HTMLElement {
    const hint = el('p', { id: 'ca-rating-comment-hint', class: 'ca-p' }, t.commentHint);
    const area = el('textarea', { id: 'ca-rating-comment', class: 'ca-input ca-comment', rows: '3', maxlength: '2000', 'aria-describedby': 'ca-rating-comment-hint' });
    const send = el('button', { type: 'submit', class: 'ca-button' }, t.sendComment);
    const form = el('form', { class: 'ca-comment-form', novalidate: '' }, el('label', { class: 'ca-label', for: 'ca-rating-comment' }, t.commentLabel), hint, area, send);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const text = area.value.trim();
      if (!text) {
        status.textContent = t.commentEmpty;
        area.focus();
        return;
      }
      area.disabled = send.disabled = true;
      try {
        const replies = await this.conversation.send(text, uuid());
        const thanks = replies.map((r) => r.text).join(' ').trim();
        form.remove();
        status.textContent = thanks || t.commentThanks;
        status.setAttribute('tabindex', '-1');
        status.focus();
      } catch {
        area.disabled = send.disabled = false;
        status.textContent = t.commentFailed;
        area.focus();
      }
    });
    // Focus moves after the box is in the page (the caller appends it).
    queueMicrotask(() => area.focus());
    return form;
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
    if (busy && !typing.textContent) typing.textContent = this.t.assistantTyping;
    if (!busy) typing.textContent = '';
  }

  private showSendError(message: PendingMessage): void {
    message.node.classList.add('ca-msg--failed');
    const retry = el('button', { type: 'button', class: 'ca-button ca-button--secondary' }, this.t.tryAgain);
    const notice = el('div', { class: 'ca-error' }, el('p', { class: 'ca-p' }, this.t.sendFailed), retry);
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
    const retry = el('button', { type: 'button', class: 'ca-button ca-button--secondary' }, this.t.tryAgain);
    const notice = el('div', { class: 'ca-error ca-load-error' }, el('p', { class: 'ca-p' }, this.t.connectFailed), retry);
    retry.addEventListener('click', () => {
      notice.remove();
      this.ui.input.focus();
      void this.load().catch(() => this.showLoadError());
    });
    this.appendToLog(notice);
  }

  private setState(state: ConversationState): void {
    const was = this.state;
    this.state = state;
    if (state !== 'with_agent') {
      this.stopResidentTyping();
      this.setAgentTyping({ from: 'agent', typing: false });
    }
    if (state === 'bot' || state === 'closed') {
      this.agentName = null;
      this.waitNotice = null;
    }
    if (was !== state || state !== 'bot') this.renderStatus();
    this.startPolling();
  }

  private get waitingForPerson(): boolean {
    return this.state === 'queued' || this.state === 'with_agent';
  }

  /**
   * Advisers' replies arrive between the resident's turns. With the socket connected we refetch
   * when told the conversation changed; polling every 4 s is the fallback while it is not.
   */
  private startPolling(): void {
    if (!this.waitingForPerson || this.ui.panel.hidden || this.live?.connected) return this.stopPolling();
    this.pollTimer ??= setInterval(() => void this.poll(), ADVISER_POLL_MS);
  }

  /** Opens (or re-opens, if the conversation was replaced) the live-updates connection. */
  private connectLive(): void {
    const session = this.conversation.current;
    if (!session || this.liveFor === session.conversationId) return;
    this.live?.close();
    this.liveFor = session.conversationId;
    this.live = new LiveUpdates(this.config.baseUrl, session, {
      updated: () => {
        if (this.waitingForPerson && !this.ui.panel.hidden) void this.poll();
      },
      agentTyping: (e) => this.setAgentTyping(e),
      connected: (connected) => {
        this.startPolling();
        // Anything that happened while the socket was down.
        if (connected && this.waitingForPerson && !this.ui.panel.hidden) void this.poll();
      },
    });
  }

  /** "{name} is typing…": shown while the adviser types, announced once when it starts. */
  private setAgentTyping(e: AgentTyping): void {
    clearTimeout(this.agentTypingTimer);
    const region = this.ui.agentTyping;
    if (e.name && this.state === 'with_agent' && e.name !== this.agentName) {
      this.agentName = e.name;
      this.renderStatus();
    }
    if (!e.typing || this.state !== 'with_agent') {
      if (region.textContent) region.textContent = '';
      return;
    }
    const text = this.t.agentTyping(e.name || this.agentName || null);
    if (region.textContent !== text) region.textContent = text;
    this.agentTypingTimer = setTimeout(() => this.setAgentTyping({ from: 'agent', typing: false }), AGENT_TYPING_TIMEOUT_MS);
  }

  /** Tells the adviser the resident is typing: only while a person holds the conversation, throttled. */
  private onResidentTyping(): void {
    if (this.state !== 'with_agent' || !this.live) return;
    if (!this.ui.input.value.trim()) return this.stopResidentTyping();
    const now = Date.now();
    if (now - this.typingSent > TYPING_REPEAT_MS) {
      this.typingSent = now;
      this.live.typing(true);
    }
    clearTimeout(this.typingIdle);
    this.typingIdle = setTimeout(() => this.stopResidentTyping(), TYPING_IDLE_MS);
  }

  private stopResidentTyping(): void {
    clearTimeout(this.typingIdle);
    if (!this.typingSent) return;
    this.typingSent = 0;
    this.live?.typing(false);
  }

  /** Picks up who the adviser is and the wait information from messages as they are shown. */
  private learnFrom(m: Partial<TranscriptMessage>): void {
    if (m.handoff) this.waitNotice = m.handoff as HandoffNotice & Record<string, unknown>;
    if (m.author === 'agent' && m.agentName) this.agentName = m.agentName;
    if (m.author === 'system' && m.text) {
      const name = agentNameFrom(m.text);
      if (name) this.agentName = name;
    }
  }

  /** The line under the header: who the resident is talking to, or that they wait and roughly how long. */
  private renderStatus(): void {
    const { status } = this.ui;
    const t = this.t;
    if (this.state === 'with_agent') {
      status.replaceChildren(t.talkingTo(this.agentName));
      status.hidden = false;
    } else if (this.state === 'queued') {
      const detail = waitDetail(this.waitNotice, t);
      status.replaceChildren(t.waiting, ...(detail ? [el('span', { class: 'ca-status__detail' }, detail)] : []));
      status.hidden = false;
    } else if (this.state === 'closed' && !this.ended) {
      // Closed by the council (End chat shows its own ended state): the input stays, and a new
      // message starts afresh with the assistant, as the notice in the log says.
      status.replaceChildren(t.closedTitle, el('span', { class: 'ca-status__detail' }, t.closedDetail));
      status.hidden = false;
    } else {
      status.replaceChildren();
      status.hidden = true;
    }
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
          this.learnFrom(m);
          if (m.author === 'agent') this.setAgentTyping({ from: 'agent', typing: false });
          this.removeSuggestions();
          this.appendMessage(m.author, m, true);
        }
      }
      this.setState(transcript.state);
      this.renderStatus();
    } catch {
      // Try again at the next tick.
    }
  }
}

/** "Sam has joined the conversation", "You're now talking to Sam": the server's wording names the adviser. */
export function agentNameFrom(text: string): string | null {
  const patterns = [
    /\b(?:talking|chatting|speaking) (?:to|with) ([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?)/,
    /^([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?) (?:from [^,.]+ )?(?:has joined|joined|is now|will help)/,
    // The same notices in Welsh: "Rydych chi'n siarad gyda Sam", "Mae Sam wedi ymuno â'r sgwrs".
    /\bsiarad (?:gyda|gydag|â|ag) ([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?)/,
    /^Mae ([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?) (?:o [^,.]+ )?(?:wedi ymuno|yn ymuno)/,
  ];
  for (const p of patterns) {
    const m = p.exec(text.trim());
    if (m && !/^(You|We|The|Our|A|An|Yr|Y|Ein|Un)$/.test(m[1])) return m[1];
  }
  return null;
}

/** Wait information a handoff notice may carry beyond the contract's fields (position, estimate). */
function waitDetail(notice: (HandoffNotice & Record<string, unknown>) | null, t: Strings): string | null {
  if (!notice) return null;
  // Only what the handoff's route delivers: nobody here means nobody is promised.
  if (notice.staffAvailable === false || notice.route === 'none' || notice.route === 'duty') return t.unavailable;
  if (notice.route === 'queue') return t.inTeamQueue;
  const parts: string[] = [];
  const position = Number(notice.position ?? notice.queuePosition);
  if (Number.isFinite(position) && position > 0) parts.push(position === 1 ? t.next : t.queuePosition(position));
  const seconds = Number(notice.estimatedWaitSeconds ?? notice.waitSeconds ?? notice.expectedWaitSeconds);
  if (Number.isFinite(seconds) && seconds > 0) parts.push(t.aboutMinutes(Math.max(1, Math.round(seconds / 60))));
  if (parts.length) return parts.join(', ') + '.';
  return notice.priority === 'urgent' ? t.asSoonAsPossible : t.fewMinutes;
}

/** The satisfaction question's buttons (bot/satisfaction.ts, in English or Welsh): good, okay, poor. */
function isRatingQuestion(suggestions: OutboundMessage['suggestions']): boolean {
  const values = suggestions?.map((x) => x.value).join('|');
  return values === 'Good|Okay|Poor' || values === 'Da|Iawn|Gwael';
}

/** "No comment" after a rating, in either language: the assistant is asking for the optional comment. */
const NO_COMMENT = new Set(['No comment', 'Dim sylw']);
