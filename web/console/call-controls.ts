/**
 * The call controls of a phone conversation (issue 14): answer in the browser (Twilio's Voice SDK),
 * mute (in the browser), hold and resume, transfer to another queue or agent (warm: consult them
 * with the caller on hold, then complete or cancel; or cold: straight back to a queue), hang up,
 * with the call's status and duration. Hold, transfer and hang-up are the server's
 * (api/console/call-routes.ts moves the caller's leg through Twilio); Twilio's refusals are shown as
 * they come. Changes arrive as `call:changed` on the console socket; polling only while it is down.
 *
 * The Voice SDK is reached only through `CallDevice`, created by `createCallDevice`: a page may
 * provide `window.CouncilCallDevice` instead (the browser tests' double), as Twilio's signalling
 * cannot be reached from a test. One device serves the whole session.
 */
import { Device, type Call } from '@twilio/voice-sdk';
import { button, el, errorText, field, input, redrawKeepingFocus, say } from './ui.js';

/** What the console needs of a Twilio Voice device. */
export interface CallDevice {
  register(token: string): Promise<void>;
  updateToken(token: string): void;
  onIncoming(handler: (call: DeviceCall) => void): void;
  destroy(): void;
}

/** One call offered to the browser. */
export interface DeviceCall {
  accept(): void;
  reject(): void;
  mute(muted: boolean): void;
  isMuted(): boolean;
  disconnect(): void;
  onEnd(handler: () => void): void;
}

declare global {
  interface Window {
    /** A stand-in for the Voice SDK's device (tests), used when present. */
    CouncilCallDevice?: { create(): CallDevice };
  }
}

/** Twilio's Device behind the small interface. */
function twilioDevice(): CallDevice {
  let device: Device | null = null;
  const handlers: ((call: DeviceCall) => void)[] = [];
  return {
    async register(token) {
      device = new Device(token, { closeProtection: 'A call is in progress. Leaving will end it.' });
      device.on('incoming', (call: Call) => {
        const wrapped: DeviceCall = {
          accept: () => call.accept(),
          reject: () => call.reject(),
          mute: (m) => call.mute(m),
          isMuted: () => call.isMuted(),
          disconnect: () => call.disconnect(),
          onEnd: (h) => {
            call.on('disconnect', h);
            call.on('cancel', h);
            call.on('reject', h);
          },
        };
        handlers.forEach((h) => h(wrapped));
      });
      await device.register();
    },
    updateToken: (token) => device?.updateToken(token),
    onIncoming: (h) => void handlers.push(h),
    destroy: () => device?.destroy(),
  };
}

export function createCallDevice(): CallDevice {
  return window.CouncilCallDevice ? window.CouncilCallDevice.create() : twilioDevice();
}

/** The consultation of a warm transfer, as `GET /api/console/conversations/:id/call` gives it. */
interface ConsultState {
  id: string;
  status: 'starting' | 'ringing' | 'talking' | 'completed' | 'cancelled' | 'failed' | 'ended';
  toAgentId: string | null;
  toAgentName: string | null;
  queue: string | null;
  detail: string | null;
}

/** The console socket, as far as the controls need it (live.ts `LiveConnection`). */
export interface CallLive {
  readonly connected: boolean;
  on(event: 'call:changed', handler: (e: { conversationId: string }) => void): () => void;
}

/** As `GET /api/console/conversations/:id/call` answers. */
interface CallState {
  id: string;
  status: 'bridging' | 'connected' | 'held' | 'consulting' | 'transferring' | 'ended' | 'no_answer' | 'failed';
  target: 'client' | 'phone';
  detail: string | null;
  startedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  /** Whether this agent may control it (theirs, or a supervisor); absent in action answers (then theirs). */
  yours?: boolean;
  /** Who is on it. */
  agentName?: string;
}
interface VoiceSettings {
  bridge: 'client' | 'phone';
  deskPhone: string | null;
  browserCalling: boolean;
  telephone: boolean;
}

/** The session's device: registered once, its token renewed before it expires. */
class Phone {
  device: CallDevice | null = null;
  incoming: DeviceCall | null = null;
  active: DeviceCall | null = null;
  listeners = new Set<() => void>();
  private renew: ReturnType<typeof setTimeout> | undefined;
  error: string | null = null;

  async start(): Promise<void> {
    if (this.device) return;
    const device = createCallDevice();
    this.device = device;
    device.onIncoming((call) => {
      this.incoming = call;
      call.onEnd(() => {
        if (this.incoming === call) this.incoming = null;
        if (this.active === call) this.active = null;
        this.changed();
      });
      this.changed();
    });
    try {
      const { token, expiresAt } = await tokenOf();
      await device.register(token);
      this.schedule(expiresAt);
    } catch (err) {
      this.error = errorText(err);
      this.device = null;
    }
    this.changed();
  }

  private schedule(expiresAt: string): void {
    clearTimeout(this.renew);
    const inMs = Math.max(30_000, new Date(expiresAt).getTime() - Date.now() - 60_000);
    this.renew = setTimeout(async () => {
      try {
        const next = await tokenOf();
        this.device?.updateToken(next.token);
        this.schedule(next.expiresAt);
      } catch {
        // The next attempt comes with the next view; the device keeps its current registration meanwhile.
      }
    }, inMs);
  }

  answer(): void {
    if (!this.incoming) return;
    this.active = this.incoming;
    this.incoming = null;
    this.active.accept();
    this.changed();
  }

  changed(): void {
    this.listeners.forEach((l) => l());
  }
}

let phone: Phone | null = null;
/** Call controls on screen now (a phone conversation open): the incoming-call bar gives way to them. */
let controlsShown = 0;

/**
 * The console-wide incoming-call bar: the agent's browser registers for calls as soon as the console
 * starts (where calls ring in the browser), so a caller bridged on accept, or a colleague consulting
 * them in a warm transfer, rings whatever page is open; Answer, then Mute and Hang up, are here
 * while no phone conversation's own controls are on screen.
 */
export class IncomingCallBar {
  readonly element = el('section', { class: 'ca-incoming-call govuk-!-margin-bottom-4', id: 'incoming-call', 'aria-label': 'Phone' });
  private readonly text = el('p', { class: 'govuk-body govuk-!-font-weight-bold', id: 'incoming-call-text', role: 'status' });
  private readonly answer = button('Answer the call', { id: 'incoming-call-answer' });
  private readonly mute = button('Mute', { id: 'incoming-call-mute', 'aria-pressed': 'false' }, 'secondary');
  private readonly hangUp = button('Hang up', { id: 'incoming-call-hang-up' }, 'warning');
  private readonly onPhone = () => this.render();

  constructor() {
    this.element.hidden = true;
    this.element.append(this.text, el('div', { class: 'govuk-button-group' }, this.answer, this.mute, this.hangUp));
    this.answer.addEventListener('click', () => phone?.answer());
    this.mute.addEventListener('click', () => {
      const c = phone?.active;
      if (c) c.mute(!c.isMuted());
      this.render();
    });
    this.hangUp.addEventListener('click', () => phone?.active?.disconnect());
  }

  /** Registers the device where the agent takes calls in this browser; otherwise stays hidden. */
  async start(): Promise<void> {
    try {
      const res = await fetch('/api/console/voice/settings', { credentials: 'same-origin', headers: { accept: 'application/json' } });
      if (!res.ok) return;
      const s = (await res.json()) as VoiceSettings;
      if (!s.telephone || !s.browserCalling || s.bridge !== 'client') return;
    } catch {
      return;
    }
    phone ??= new Phone();
    phone.listeners.add(this.onPhone);
    await phone.start();
  }

  destroy(): void {
    phone?.listeners.delete(this.onPhone);
  }

  render(): void {
    const ringing = !!phone?.incoming;
    const active = phone?.active ?? null;
    this.element.hidden = controlsShown > 0 || (!ringing && !active);
    this.text.textContent = ringing ? 'A call is ringing for you: a caller you accepted, or a colleague consulting you.' : active ? 'On a call' : '';
    this.answer.hidden = !ringing;
    this.mute.hidden = !active;
    this.hangUp.hidden = !active;
    this.mute.textContent = active?.isMuted() ? 'Unmute' : 'Mute';
    this.mute.setAttribute('aria-pressed', String(!!active?.isMuted()));
  }
}

async function tokenOf(): Promise<{ token: string; expiresAt: string }> {
  const res = await fetch('/api/console/voice/token', { credentials: 'same-origin', headers: { accept: 'application/json' } });
  const body = (await res.json().catch(() => ({}))) as { token?: string; expiresAt?: string; detail?: string; title?: string };
  if (!res.ok || !body.token) throw new Error(body.detail || body.title || 'No access token');
  return { token: body.token, expiresAt: body.expiresAt ?? new Date(Date.now() + 600_000).toISOString() };
}

const STATUS_TEXT: Record<CallState['status'], string> = {
  bridging: 'Connecting the caller',
  connected: 'Connected',
  held: 'On hold',
  consulting: 'Consulting: the caller is on hold',
  transferring: 'Transferring',
  ended: 'Call ended',
  no_answer: 'Not answered: the caller is back in the queue',
  failed: 'Could not connect the caller',
};

function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The controls of one phone conversation; hidden for other channels. */
export class CallControls {
  readonly element = el('section', { class: 'ca-call', id: 'call-controls', 'aria-labelledby': 'call-heading' });
  private readonly status = el('p', { class: 'govuk-body govuk-!-font-weight-bold', id: 'call-status', role: 'status' });
  private readonly duration = el('p', { class: 'govuk-body', id: 'call-duration' });
  private readonly note = el('p', { class: 'govuk-inset-text', id: 'call-note' });
  private readonly problem = el('div', { class: 'govuk-error-message', id: 'call-problem', role: 'alert' });
  private readonly answerButton = button('Answer', { id: 'call-answer' });
  private readonly muteButton = button('Mute', { id: 'call-mute', 'aria-pressed': 'false' }, 'secondary');
  private readonly holdButton = button('Hold', { id: 'call-hold' }, 'secondary');
  private readonly hangUpButton = button('Hang up', { id: 'call-hang-up' }, 'warning');
  private readonly transferTo = el('select', { class: 'govuk-select', id: 'call-transfer-to', name: 'call-transfer-to' });
  private readonly transferNote = input({ id: 'call-transfer-note', name: 'call-transfer-note' });
  private readonly transferButton = button('Transfer now (cold)', { id: 'call-transfer' }, 'secondary');
  private readonly consultButton = button('Consult first (warm)', { id: 'call-consult' }, 'secondary');
  private readonly consultStatus = el('p', { class: 'govuk-body', id: 'call-consult-status' });
  private readonly completeButton = button('Complete the transfer', { id: 'call-consult-complete' });
  private readonly cancelConsultButton = button('Cancel: back to the caller', { id: 'call-consult-cancel' }, 'secondary');
  private readonly bridgeChoice = el('select', { class: 'govuk-select', id: 'call-bridge', name: 'call-bridge' }, el('option', { value: 'client' }, 'In this browser'), el('option', { value: 'phone' }, 'Bridge to my phone'));
  private readonly deskPhone = input({ id: 'call-desk-phone', name: 'call-desk-phone', type: 'tel', autocomplete: 'tel' });
  private readonly saveButton = button('Save how I take calls', { id: 'call-save' }, 'secondary');
  private call: CallState | null = null;
  private consult: ConsultState | null = null;
  private settings: VoiceSettings | null = null;
  private timers: ReturnType<typeof setInterval>[] = [];
  private readonly onPhone = () => this.render();
  private active = false;

  constructor(
    private readonly conversationId: string,
    private readonly csrf: () => string,
    private readonly announcer: () => HTMLElement | null = () => document.getElementById('announcer'),
    private readonly live?: CallLive,
  ) {
    this.element.hidden = true;
    this.answerButton.addEventListener('click', () => phone?.answer());
    this.muteButton.addEventListener('click', () => {
      const c = phone?.active;
      if (!c) return;
      c.mute(!c.isMuted());
      this.render();
      this.tell(c.isMuted() ? 'Muted: the caller cannot hear you' : 'Unmuted');
    });
    this.holdButton.addEventListener('click', () => void this.act(this.call?.status === 'held' ? 'resume' : 'hold'));
    this.hangUpButton.addEventListener('click', () => void this.act('hang-up'));
    this.transferButton.addEventListener('click', () => void this.transfer());
    this.consultButton.addEventListener('click', () => void this.startConsult());
    this.completeButton.addEventListener('click', () => void this.consultAction('complete'));
    this.cancelConsultButton.addEventListener('click', () => void this.consultAction('cancel'));
    this.saveButton.addEventListener('click', () => void this.saveSettings());
  }

  /** Shown for a phone conversation only: loads its call and the agent's settings, then keeps them current. */
  async show(channel: string): Promise<void> {
    if (channel !== 'voice' || this.active) return;
    this.active = true;
    controlsShown++;
    phone?.changed();
    this.element.hidden = false;
    this.build();
    await Promise.all([this.refresh(), this.loadSettings(), this.loadTargets()]);
    phone?.listeners.add(this.onPhone);
    if (this.live) this.unsubscribe = this.live.on('call:changed', (e) => void (e.conversationId === this.conversationId && this.refresh()));
    // Polling is the fallback: only while the socket is down (or where there is none).
    this.timers.push(
      setInterval(() => void (!this.live?.connected && this.refresh()), 3000),
      setInterval(() => this.renderDuration(), 1000),
    );
  }

  private unsubscribe: (() => void) | null = null;

  destroy(): void {
    if (this.active) {
      this.active = false;
      controlsShown--;
      phone?.changed();
    }
    this.timers.forEach(clearInterval);
    this.timers = [];
    this.unsubscribe?.();
    this.unsubscribe = null;
    phone?.listeners.delete(this.onPhone);
  }

  private build(): void {
    const transferField = field('Transfer to', this.transferTo, { id: 'call-transfer-to' });
    const noteField = field('Note for whoever takes the call (optional)', this.transferNote, { id: 'call-transfer-note' });
    const bridgeField = field('Take calls', this.bridgeChoice, { id: 'call-bridge' });
    const phoneField = field('Your phone number', this.deskPhone, { id: 'call-desk-phone', hint: 'In international form, for example +441632960123' });
    this.element.replaceChildren(
      el('h2', { class: 'govuk-heading-m', id: 'call-heading' }, 'Call'),
      this.status,
      this.duration,
      this.problem,
      el('div', { class: 'govuk-button-group' }, this.answerButton, this.muteButton, this.holdButton, this.hangUpButton),
      this.consultStatus,
      el('div', { class: 'govuk-button-group' }, this.completeButton, this.cancelConsultButton),
      el(
        'details',
        { class: 'govuk-details' },
        el('summary', { class: 'govuk-details__summary' }, el('span', { class: 'govuk-details__summary-text' }, 'Transfer the caller')),
        el(
          'div',
          { class: 'govuk-details__text' },
          el('p', { class: 'govuk-body' }, 'Consult first: the caller is held while you speak to the other agent, then you complete the transfer or go back to the caller. Transfer now: the caller waits in that queue for whoever takes them.'),
          transferField.group,
          noteField.group,
          el('div', { class: 'govuk-button-group' }, this.consultButton, this.transferButton),
        ),
      ),
      el('details', { class: 'govuk-details' }, el('summary', { class: 'govuk-details__summary' }, el('span', { class: 'govuk-details__summary-text' }, 'How I take calls')), el('div', { class: 'govuk-details__text' }, this.note, bridgeField.group, phoneField.group, this.saveButton)),
    );
    this.render();
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET') headers['x-csrf-token'] = this.csrf();
    const res = await fetch(`/api/console${path}`, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    const parsed = (text ? JSON.parse(text) : undefined) as (T & { title?: string; detail?: string }) | undefined;
    if (!res.ok) throw new Error(parsed?.detail ? `${parsed.title ?? 'Problem'}: ${parsed.detail}` : (parsed?.title ?? `The server answered ${res.status}`));
    return parsed as T;
  }

  private async refresh(): Promise<void> {
    try {
      const { call, consult } = await this.request<{ call: CallState | null; consult: ConsultState | null }>('GET', `/conversations/${encodeURIComponent(this.conversationId)}/call`);
      const before = this.call?.status;
      const consultBefore = this.consult?.status;
      this.call = call;
      this.consult = consult ?? null;
      if (call && before && before !== call.status) this.tell(`Call: ${STATUS_TEXT[call.status]}`);
      else if (consult && consultBefore && consultBefore !== consult.status) this.tell(this.consultText() ?? '');
      this.render();
    } catch {
      // Shown on the next refresh; the transcript view reports a lost connection.
    }
  }

  private async loadSettings(): Promise<void> {
    try {
      this.settings = await this.request<VoiceSettings>('GET', '/voice/settings');
    } catch (err) {
      this.problem.textContent = errorText(err);
      return;
    }
    this.bridgeChoice.value = this.settings.bridge;
    this.deskPhone.value = this.settings.deskPhone ?? '';
    if (this.settings.browserCalling && this.settings.bridge === 'client') {
      phone ??= new Phone();
      phone.listeners.add(this.onPhone);
      await phone.start();
    }
    this.render();
  }

  private async loadTargets(): Promise<void> {
    try {
      const [{ queues }, { agents }] = await Promise.all([
        this.request<{ queues: { id: string; name: string }[] }>('GET', '/queues'),
        this.request<{ agents: { id: string; name: string }[] }>('GET', '/agents'),
      ]);
      this.transferTo.replaceChildren(
        el('optgroup', { label: 'Queues' }, ...queues.map((q) => el('option', { value: `queue:${q.id}` }, q.name))),
        el('optgroup', { label: 'Agents' }, ...agents.map((a) => el('option', { value: `agent:${a.id}` }, a.name))),
      );
    } catch {
      // Without targets, transfer stays unavailable.
    }
  }

  private async act(action: 'hold' | 'resume' | 'hang-up'): Promise<void> {
    this.problem.textContent = '';
    try {
      const { call } = await this.request<{ call: CallState }>('POST', `/conversations/${encodeURIComponent(this.conversationId)}/call/${action}`);
      this.call = call;
      if (action === 'hang-up') phone?.active?.disconnect();
      this.tell(action === 'hold' ? 'The caller is on hold' : action === 'resume' ? 'Reconnecting the caller' : 'You hung up');
    } catch (err) {
      this.problem.textContent = errorText(err);
    }
    this.render();
  }

  private async transfer(): Promise<void> {
    this.problem.textContent = '';
    const [kind, id] = this.transferTo.value.split(':', 2);
    if (!id) return;
    try {
      await this.request('POST', `/conversations/${encodeURIComponent(this.conversationId)}/call/transfer`, { ...(kind === 'queue' ? { queue: id } : { agentId: id }), note: this.transferNote.value });
      phone?.active?.disconnect();
      this.tell('The caller has been transferred');
      await this.refresh();
    } catch (err) {
      this.problem.textContent = errorText(err);
      this.render();
    }
  }

  private async startConsult(): Promise<void> {
    this.problem.textContent = '';
    const [kind, id] = this.transferTo.value.split(':', 2);
    if (!id) return;
    try {
      const { consult } = await this.request<{ consult: ConsultState }>('POST', `/conversations/${encodeURIComponent(this.conversationId)}/call/consult`, { ...(kind === 'queue' ? { queue: id } : { agentId: id }), note: this.transferNote.value });
      this.consult = consult;
      this.tell('The caller is on hold while the other agent is rung');
      await this.refresh();
    } catch (err) {
      this.problem.textContent = errorText(err);
      this.render();
    }
  }

  private async consultAction(action: 'complete' | 'cancel'): Promise<void> {
    this.problem.textContent = '';
    try {
      const r = await this.request<{ consult: ConsultState; call?: CallState }>('POST', `/conversations/${encodeURIComponent(this.conversationId)}/call/consult/${action}`);
      this.consult = r.consult;
      if (action === 'complete') {
        // The caller is the other agent's now; this browser's leg was removed by Twilio.
        phone?.active?.disconnect();
        this.tell(`Transferred to ${r.consult.toAgentName ?? 'the other agent'}`);
      } else this.tell('Consultation cancelled: you are back with the caller');
      await this.refresh();
    } catch (err) {
      this.problem.textContent = errorText(err);
      this.render();
    }
  }

  /** What the consultation is doing, in words; null when there is nothing to say. */
  private consultText(): string | null {
    const c = this.consult;
    if (!c) return null;
    const who = c.toAgentName ?? 'the other agent';
    switch (c.status) {
      case 'starting':
        return 'Moving the caller to hold…';
      case 'ringing':
        return `Ringing ${who}; the caller is on hold`;
      case 'talking':
        return `Talking to ${who}; the caller is on hold. Complete the transfer, or cancel to go back to the caller.`;
      case 'completed':
        return `Transferred to ${who}`;
      case 'failed':
        return `${who} could not be reached (${c.detail ?? 'no answer'}): you are back with the caller`;
      case 'cancelled':
        return c.detail && c.detail !== 'cancelled' ? `Consultation ended (${c.detail}): you are back with the caller` : 'Consultation cancelled';
      default:
        return 'Consultation ended';
    }
  }

  private async saveSettings(): Promise<void> {
    this.problem.textContent = '';
    try {
      await this.request('PUT', '/voice/settings', { bridge: this.bridgeChoice.value, deskPhone: this.deskPhone.value.trim() || null });
      this.tell('Saved: the next caller you accept is bridged that way');
      await this.loadSettings();
    } catch (err) {
      this.problem.textContent = errorText(err);
    }
  }

  private tell(text: string): void {
    const region = this.announcer();
    if (region) say(region, text);
  }

  /**
   * Refreshes (on `call:changed`, or every 3 s while the socket is down) hide and disable buttons: a keyboard user on one
   * that goes (Hold once the call ends, Complete once the consultation does) is put on the call's heading, not the page's body.
   */
  private render(): void {
    redrawKeepingFocus(this.element, () => this.draw(), () => this.element.querySelector<HTMLElement>('#call-heading'));
  }

  private draw(): void {
    const c = this.call;
    const others = !!c && c.yours === false;
    const live = !!c && !['ended', 'no_answer', 'failed'].includes(c.status) && !others;
    const ringing = !!phone?.incoming;
    this.status.textContent = ringing
      ? 'Incoming call: answer it to speak to the caller'
      : c
        ? `${STATUS_TEXT[c.status]}${c.detail && c.status === 'ended' ? ` (${c.detail})` : ''}${others ? ` (with ${c.agentName ?? 'another agent'})` : ''}`
        : 'No call connected';
    this.answerButton.hidden = !ringing;
    const device = phone?.active ?? null;
    this.muteButton.hidden = !device;
    this.muteButton.textContent = device?.isMuted() ? 'Unmute' : 'Mute';
    this.muteButton.setAttribute('aria-pressed', String(!!device?.isMuted()));
    this.holdButton.textContent = c?.status === 'held' ? 'Resume' : 'Hold';
    this.holdButton.disabled = !live || (c?.status !== 'held' && c?.status !== 'connected');
    this.hangUpButton.disabled = !live;
    const consulting = !!this.consult && ['starting', 'ringing', 'talking'].includes(this.consult.status);
    this.transferButton.disabled = !live || consulting;
    this.consultButton.disabled = !live || c?.status !== 'connected' || consulting;
    this.completeButton.hidden = !consulting;
    this.completeButton.disabled = this.consult?.status !== 'talking';
    this.cancelConsultButton.hidden = !consulting;
    const text = this.consultText();
    this.consultStatus.textContent = text ?? '';
    this.consultStatus.hidden = !text || (!consulting && !live);
    const s = this.settings;
    this.note.textContent = !s?.telephone
      ? 'Calls cannot be bridged on this server.'
      : !s.browserCalling
        ? 'This console cannot take calls itself here: callers you accept are bridged to your phone.'
        : phone?.error
          ? `Your browser could not register for calls (${phone.error}). Choose "Bridge to my phone" to take callers on your phone.`
          : s.bridge === 'phone'
            ? `Callers you accept are bridged to ${s.deskPhone ?? 'your phone'}.`
            : 'Callers you accept ring in this browser.';
    this.renderDuration();
  }

  private renderDuration(): void {
    const c = this.call;
    if (!c?.answeredAt) {
      this.duration.textContent = '';
      return;
    }
    const end = c.endedAt ? new Date(c.endedAt).getTime() : Date.now();
    this.duration.textContent = `Duration ${clock((end - new Date(c.answeredAt).getTime()) / 1000)}`;
  }
}
