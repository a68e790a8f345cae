import { io, type Socket } from 'socket.io-client';
import type { ResidentServerPayloads } from '../../wire/index.js';
import type { Session } from './types.js';

type WireAgentTyping = ResidentServerPayloads['typing'];
/** The server's event; the widget also clears the indicator itself, without a name. */
export type AgentTyping = Omit<WireAgentTyping, 'name'> & Partial<Pick<WireAgentTyping, 'name'>>;

/**
 * The conversation's socket.io connection (default namespace, authenticated with the
 * conversation token). It only signals: the transcript itself is always fetched over HTTP.
 */
export class LiveUpdates {
  private readonly socket: Socket;

  constructor(
    baseUrl: string,
    session: Session,
    handlers: { updated: () => void; agentTyping: (e: AgentTyping) => void; connected: (connected: boolean) => void },
  ) {
    this.socket = io(baseUrl, {
      auth: { conversationId: session.conversationId, token: session.token },
      transports: ['websocket', 'polling'],
      reconnectionDelayMax: 10_000,
    });
    this.socket.on('connect', () => handlers.connected(true));
    this.socket.on('disconnect', () => handlers.connected(false));
    this.socket.on('connect_error', () => handlers.connected(false));
    this.socket.on('conversation:updated', (e: Partial<ResidentServerPayloads['conversation:updated']>) => {
      if (!e?.conversationId || e.conversationId === session.conversationId) handlers.updated();
    });
    this.socket.on('typing', (e: AgentTyping) => {
      if (e && e.from === 'agent') handlers.agentTyping(e);
    });
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  typing(typing: boolean): void {
    if (this.socket.connected) this.socket.emit('typing', { typing });
  }

  close(): void {
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }
}
