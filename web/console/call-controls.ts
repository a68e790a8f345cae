/**
 * The call controls of a phone conversation (issue 14): answer in the browser (Twilio's Voice SDK),
 * mute (in the browser), hold and resume, transfer to another queue or agent, hang up, with the
 * call's status and duration. Hold, transfer and hang-up are the server's (api/console/call-routes.ts
 * moves the caller's leg through Twilio); Twilio's refusals are shown as they come.
 *
 * The Voice SDK is reached only through `CallDevice`, created by `createCallDevice`: a page may
 * provide `window.CouncilCallDevice` instead (the browser tests' double), as Twilio's signalling
 * cannot be reached from a test. One device serves the whole session.
 */
import { Device, type Call } from '@twilio/voice-sdk';
import { button, el, errorText, field, input, say } from './ui.js';

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

/** As `GET /api/console/conversations/:id/call` answers. */
interface CallState {
  id: string;
  status: 'bridging' | 'connected' | 'held' | 'transferring' | 'ended' | 'no_answer' | 'failed';
  target: 'client' | 'phone';
  detail: string | null;
  startedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
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
  private readonly transferButton = button('Transfer the caller', { id: 'call-transfer' }, 'secondary');
  private readonly bridgeChoice = el('select', { class: 'govuk-select', id: 'call-bridge', name: 'call-bridge' }, el('option', { value: 'client' }, 'In this browser'), el('option', { value: 'phone' }, 'Bridge to my phone'));
  private readonly deskPhone = input({ id: 'call-desk-phone', name: 'call-desk-phone', type: 'tel', autocomplete: 'tel' });
  private readonly saveButton = button('Save how I take calls', { id: 'call-save' }, 'secondary');
  private call: CallState | null = null;
  private settings: VoiceSettings | null = null;
  private timers: ReturnType<typeof setInterval>[] = [];
  private readonly onPhone = () => this.render();
  private active = false;

  constructor(
    private readonly conversationId: string,
    private readonly csrf: () => string,
    private readonly announcer: () => HTMLElement | null = () => document.getElementById('announcer'),
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
    this.saveButton.addEventListener('click', () => void this.saveSettings());
  }

  /** Shown for a phone conversation only: loads its call and the agent's settings, then keeps them current. */
  async show(channel: string): Promise<void> {
    if (channel !== 'voice' || this.active) return;
    this.active = true;
    this.element.hidden = false;
    this.build();
    await Promise.all([this.refresh(), this.loadSettings(), this.loadTargets()]);
    phone?.listeners.add(this.onPhone);
    this.timers.push(setInterval(() => void this.refresh(), 3000), setInterval(() => this.renderDuration(), 1000));
  }

  destroy(): void {
    this.timers.forEach(clearInterval);
    this.timers = [];
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
      el('details', { class: 'govuk-details' }, el('summary', { class: 'govuk-details__summary' }, el('span', { class: 'govuk-details__summary-text' }, 'Transfer the caller')), el('div', { class: 'govuk-details__text' }, transferField.group, noteField.group, this.transferButton)),
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
      const { call } = await this.request<{ call: CallState | null }>('GET', `/conversations/${encodeURIComponent(this.conversationId)}/call`);
      const before = this.call?.status;
      this.call = call;
      if (call && before && before !== call.status) this.tell(`Call: ${STATUS_TEXT[call.status]}`);
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

  private render(): void {
    const c = this.call;
    const live = !!c && !['ended', 'no_answer', 'failed'].includes(c.status);
    const ringing = !!phone?.incoming;
    this.status.textContent = ringing ? 'Incoming call: answer it to speak to the caller' : c ? `${STATUS_TEXT[c.status]}${c.detail && c.status === 'ended' ? ` (${c.detail})` : ''}` : 'No call connected';
    this.answerButton.hidden = !ringing;
    const device = phone?.active ?? null;
    this.muteButton.hidden = !device;
    this.muteButton.textContent = device?.isMuted() ? 'Unmute' : 'Mute';
    this.muteButton.setAttribute('aria-pressed', String(!!device?.isMuted()));
    this.holdButton.textContent = c?.status === 'held' ? 'Resume' : 'Hold';
    this.holdButton.disabled = !live || (c?.status !== 'held' && c?.status !== 'connected');
    this.hangUpButton.disabled = !live;
    this.transferButton.disabled = !live;
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
