import { io, type Socket } from 'socket.io-client';
import type { ConsoleClientPayloads, ConsoleServerEvents } from '../../wire/index.js';
import type { Presence } from './types.js';

/** The server's events on `/console` (wire/socket.ts). */
export type ConsoleEvents = ConsoleServerEvents;

const HEARTBEAT_MS = 20_000;

/**
 * The `/console` socket: authenticated by the session cookie in the handshake. Sends a heartbeat
 * every 20 s (an agent unseen for 60 s counts as away) and the agent's presence on (re)connect.
 */
export class LiveConnection {
  private readonly socket: Socket;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private presence: Presence | null = null;
  onConnectionChange: ((connected: boolean) => void) | null = null;

  constructor() {
    this.socket = io('/console', { withCredentials: true, transports: ['websocket', 'polling'] });
    this.socket.on('connect', () => {
      if (this.presence) this.socket.emit('presence', { status: this.presence } satisfies ConsoleClientPayloads['presence']);
      this.socket.emit('heartbeat', {});
      this.onConnectionChange?.(true);
    });
    this.socket.on('disconnect', () => this.onConnectionChange?.(false));
    this.heartbeat = setInterval(() => {
      if (this.socket.connected) this.socket.emit('heartbeat', {});
    }, HEARTBEAT_MS);
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  on<E extends keyof ConsoleEvents>(event: E, handler: ConsoleEvents[E]): () => void {
    const listener = handler as (...args: any[]) => void; // eslint-disable-line @typescript-eslint/no-explicit-any
    this.socket.on(event as string, listener);
    return () => void this.socket.off(event as string, listener);
  }

  setPresence(status: Presence): void {
    this.presence = status;
    if (this.socket.connected) this.socket.emit('presence', { status } satisfies ConsoleClientPayloads['presence']);
  }

  typing(conversationId: string, typing: boolean): void {
    if (this.socket.connected) this.socket.emit('typing', { conversationId, typing } satisfies ConsoleClientPayloads['typing']);
  }

  close(): void {
    clearInterval(this.heartbeat);
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }
}

const MUTE_KEY = 'council-assistant-console:muted';

/** A short beep for new handoffs (Web Audio, no sound file), and desktop notifications when allowed. */
export class Alerts {
  private context: AudioContext | null = null;
  muted: boolean;

  constructor() {
    this.muted = read(MUTE_KEY) === 'true';
    // Browsers only let audio start after a user gesture: prepare it on the first one.
    const unlock = () => {
      this.audio();
      document.removeEventListener('pointerdown', unlock);
      document.removeEventListener('keydown', unlock);
    };
    document.addEventListener('pointerdown', unlock);
    document.addEventListener('keydown', unlock);
  }

  setMuted(muted: boolean): void {
    this.muted = muted;
    write(MUTE_KEY, String(muted));
  }

  beep(urgent: boolean): void {
    if (this.muted) return;
    const ctx = this.audio();
    if (!ctx || ctx.state !== 'running') return;
    const tones = urgent ? [880, 0, 880] : [660];
    let at = ctx.currentTime;
    for (const freq of tones) {
      if (freq) {
        const osc = ctx.createOscillator();
        const gain = ctx.createGain();
        osc.type = 'sine';
        osc.frequency.value = freq;
        gain.gain.setValueAtTime(0.0001, at);
        gain.gain.exponentialRampToValueAtTime(0.2, at + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.18);
        osc.connect(gain).connect(ctx.destination);
        osc.start(at);
        osc.stop(at + 0.2);
      }
      at += 0.22;
    }
  }

  get notificationsSupported(): boolean {
    return typeof Notification !== 'undefined';
  }

  get notificationPermission(): NotificationPermission | 'unsupported' {
    return this.notificationsSupported ? Notification.permission : 'unsupported';
  }

  async requestNotifications(): Promise<NotificationPermission | 'unsupported'> {
    if (!this.notificationsSupported) return 'unsupported';
    return Notification.requestPermission();
  }

  notify(title: string, body: string, onClick?: () => void): void {
    if (this.notificationPermission !== 'granted' || document.hasFocus()) return;
    try {
      const n = new Notification(title, { body, tag: 'council-assistant-handoff' });
      n.onclick = () => {
        window.focus();
        onClick?.();
        n.close();
      };
    } catch {
      // Some browsers only allow notifications from a service worker: the sound and live region still tell the agent.
    }
  }

  private audio(): AudioContext | null {
    const Ctor = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctor) return null;
    this.context ??= new Ctor();
    if (this.context.state === 'suspended') void this.context.resume().catch(() => undefined);
    return this.context;
  }
}

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage blocked: the setting lasts for this page.
  }
}
