import { randomUUID } from 'node:crypto';
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
  let watchers: Watchers | undefined;
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
    watchers = new Watchers(pub, pub.duplicate(), (conversationId) => io.to(`conv:${conversationId}`).emit('conversation:updated', { conversationId }), log);
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
      // Known to every process before the browser hears it is ready (see Watchers); a socket gone meanwhile watches nothing.
      if (watchers && socket.connected) {
        watchers.watch(conversation.id);
        socket.once('disconnect', () => watchers?.unwatch(conversation.id));
      }
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
      // With Redis, a publish reaches every process whoever listens: only when a browser watches.
      if (watchers && !watchers.watched(conversationId)) return watchers.skipped(conversationId);
      io.to(`conv:${conversationId}`).emit('conversation:updated', { conversationId });
    },
    async close() {
      closed = true;
      await watchers?.close();
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

/** How long a process publishes every update after it (re)subscribes, until the others have said what they watch. */
const SYNC_GRACE_MS = 2_000;
/** Each process repeats what it watches this often; a process not heard from for three periods is forgotten. */
const REFRESH_MS = 30_000;
/** An update not published is sent after all when a watch for it arrives within this time (the watch was on its way). */
const LATE_WATCH_MS = 10_000;
const WATCH_CHANNEL = 'council-assistant:realtime:watchers';

type WatchMessage = { op: 'watch' | 'unwatch' | 'state'; from: string; ids: string[] } | { op: 'sync'; from: string };

/**
 * Which conversations a resident's browser watches, on any app process (issue 11: the live update
 * of every turn was a Redis publish, about 4% of a turn's CPU, with nobody watching). Each process
 * tells the others, on a Redis channel, when a conversation gets its first socket here and loses
 * its last; says all it watches when a process starts (`sync`) and every REFRESH_MS (so a process
 * that died is forgotten). Nothing is lost in the gaps: a process publishes everything for
 * SYNC_GRACE_MS after (re)subscribing, and an update it did not publish is sent when a watch for
 * that conversation arrives within LATE_WATCH_MS (the browser joined while the update was decided).
 */
class Watchers {
  private readonly id = randomUUID();
  /** Conversation → sockets on this process. */
  private readonly local = new Map<string, number>();
  /** Conversation → process → when it last said it watches. */
  private readonly remote = new Map<string, Map<string, number>>();
  /** Conversation → when an update for it was not published. */
  private readonly unsent = new Map<string, number>();
  private trustedFrom = Number.POSITIVE_INFINITY;
  private readonly timer: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly pub: Redis,
    private readonly sub: Redis,
    private readonly send: (conversationId: string) => void,
    private readonly log: Logger,
  ) {
    sub.on('error', (err) => log.warn({ err: err.message }, 'redis (live-update watchers) error'));
    sub.on('message', (channel: string, text: string) => {
      if (channel === WATCH_CHANNEL) this.heard(text);
    });
    // (Re)subscribed: what the others watch is asked afresh, and until they answer everything is published.
    sub.on('ready', () => void this.subscribe());
    this.timer = setInterval(() => this.refresh(), REFRESH_MS);
    this.timer.unref();
  }

  private async subscribe(): Promise<void> {
    this.trustedFrom = Number.POSITIVE_INFINITY;
    try {
      await this.sub.subscribe(WATCH_CHANNEL);
      this.trustedFrom = Date.now() + SYNC_GRACE_MS;
      this.tell({ op: 'sync', from: this.id });
    } catch (err) {
      if (!this.closed) this.log.warn({ err: (err as Error).message }, 'live-update watchers not subscribed: every update is published');
    }
  }

  private tell(message: WatchMessage): void {
    if (this.closed) return;
    this.pub.publish(WATCH_CHANNEL, JSON.stringify(message)).catch((err: Error) => {
      // Unheard, the others would not publish to this process's browsers: publish everything instead, for good.
      if (!this.closed) this.log.warn({ err: err.message }, 'live-update watch not published: every update is published');
      this.trustedFrom = Number.POSITIVE_INFINITY;
    });
  }

  private heard(text: string): void {
    let m: WatchMessage;
    try {
      m = JSON.parse(text) as WatchMessage;
    } catch {
      return;
    }
    if (!m || m.from === this.id) return;
    if (m.op === 'sync') {
      if (this.local.size) this.tell({ op: 'state', from: this.id, ids: [...this.local.keys()] });
      return;
    }
    if (!Array.isArray(m.ids)) return;
    const now = Date.now();
    for (const id of m.ids) {
      if (typeof id !== 'string') continue;
      if (m.op === 'unwatch') {
        const by = this.remote.get(id);
        by?.delete(m.from);
        if (by && !by.size) this.remote.delete(id);
        continue;
      }
      let by = this.remote.get(id);
      if (!by) this.remote.set(id, (by = new Map()));
      by.set(m.from, now);
      const when = this.unsent.get(id);
      if (when !== undefined) {
        this.unsent.delete(id);
        if (now - when <= LATE_WATCH_MS) this.send(id);
      }
    }
  }

  /** A socket here joined the conversation's room. */
  watch(conversationId: string): void {
    const n = this.local.get(conversationId) ?? 0;
    this.local.set(conversationId, n + 1);
    if (n === 0) this.tell({ op: 'watch', from: this.id, ids: [conversationId] });
  }

  /** A socket here left (disconnected). */
  unwatch(conversationId: string): void {
    const n = (this.local.get(conversationId) ?? 0) - 1;
    if (n > 0) return void this.local.set(conversationId, n);
    this.local.delete(conversationId);
    this.tell({ op: 'unwatch', from: this.id, ids: [conversationId] });
  }

  /** Whether an update to the conversation may reach a browser (or this process cannot yet tell). */
  watched(conversationId: string): boolean {
    if (Date.now() < this.trustedFrom || this.local.has(conversationId)) return true;
    return this.remote.has(conversationId);
  }

  /** An update not published: remembered a while, in case a watch for it is on its way. */
  skipped(conversationId: string): void {
    this.unsent.set(conversationId, Date.now());
  }

  private refresh(): void {
    const now = Date.now();
    if (this.local.size) this.tell({ op: 'state', from: this.id, ids: [...this.local.keys()] });
    for (const [id, by] of this.remote) {
      for (const [from, at] of by) if (now - at > 3 * REFRESH_MS) by.delete(from);
      if (!by.size) this.remote.delete(id);
    }
    for (const [id, at] of this.unsent) if (now - at > LATE_WATCH_MS) this.unsent.delete(id);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    const timer = setTimeout(() => this.sub.disconnect(), 1000);
    await this.sub.quit().catch(() => undefined);
    clearTimeout(timer);
  }
}
