import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { Server } from 'socket.io';
import type { Logger } from 'pino';
import { findConversationById, type Store } from '../store/index.js';
import { tokenMatches } from './auth.js';

export interface Realtime {
  io: Server;
  /** The Redis connection of the socket.io adapter (when there is one), for other shared counters such as rate limits. */
  redis?: Redis;
  /** Tells browsers watching the conversation (on any app process) that it changed. */
  conversationUpdated(conversationId: string): void;
  /** A resident's typing indicator, for the agent holding the conversation. */
  onResidentTyping(listener: (tenant: string, conversationId: string, typing: boolean) => void): void;
  close(): Promise<void>;
}

/**
 * Live updates over socket.io. With Redis, its adapter relays events between app processes,
 * so a browser connected to one process hears about a change made on another.
 */
export function createRealtime(http: HttpServer, store: Store, log: Logger, redisUrl?: string): Realtime {
  const io = new Server(http, { path: '/socket.io', cors: { origin: true }, serveClient: true });
  let pub: Redis | undefined;
  let sub: Redis | undefined;
  let closed = false;
  if (redisUrl) {
    pub = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
    sub = pub.duplicate();
    pub.on('error', (err) => log.warn({ err: err.message }, 'redis (socket.io) error'));
    sub.on('error', (err) => log.warn({ err: err.message }, 'redis (socket.io) error'));
    // The adapter publishes without handling a failure: a live update sent while the server shuts
    // down (a turn still finishing) would be an unhandled rejection. It is logged and dropped; the
    // update itself is only a nudge, the message is already stored.
    const publish = pub.publish.bind(pub) as (channel: string, message: string | Buffer) => Promise<number>;
    (pub as unknown as { publish: typeof publish }).publish = (channel, message) =>
      publish(channel, message).catch((err: Error) => {
        if (!closed) log.warn({ err: err.message }, 'live update not published');
        return 0;
      });
    io.adapter(createAdapter(pub, sub));
  }
  const typingListeners: ((tenant: string, conversationId: string, typing: boolean) => void)[] = [];
  io.on('connection', async (socket) => {
    const { conversationId, token } = (socket.handshake.auth ?? {}) as { conversationId?: string; token?: string };
    try {
      const conversation = conversationId && token ? await findConversationById(store.db, conversationId) : undefined;
      if (!conversation || !tokenMatches(String(token), conversation.token_hash)) {
        socket.emit('error_message', { title: 'Unauthorised' });
        socket.disconnect(true);
        return;
      }
      await socket.join(`conv:${conversation.id}`);
      socket.on('typing', (payload: { typing?: unknown }) => {
        for (const l of typingListeners) l(conversation.tenant_id, conversation.id, payload?.typing === true);
      });
      socket.emit('ready', { conversationId: conversation.id });
    } catch {
      socket.disconnect(true);
    }
  });
  return {
    io,
    redis: pub,
    onResidentTyping(listener) {
      typingListeners.push(listener);
    },
    conversationUpdated(conversationId) {
      io.to(`conv:${conversationId}`).emit('conversation:updated', { conversationId });
    },
    async close() {
      closed = true;
      await new Promise<void>((resolve) => io.close(() => resolve()));
      // QUIT, not a hard disconnect: commands still in flight (the adapter's subscriptions right after
      // start, a last publish) get their replies instead of rejecting with "Connection is closed".
      // A Redis that no longer answers must not hold the shutdown: after a second, disconnect.
      const quit = async (client?: Redis) => {
        if (!client) return;
        const timer = setTimeout(() => client.disconnect(), 1000);
        await client.quit().catch(() => undefined);
        clearTimeout(timer);
      };
      await Promise.all([quit(pub), quit(sub)]);
    },
  };
}
