/**
 * The Direct Line WebSocket stream: `streamUrl` is
 * `/v3/directline/conversations/<id>/stream?watermark=<n>&t=<stream token>`, taken on the API's own
 * HTTP server (a `ws` server with `noServer`, answering only that path; every other upgrade, such
 * as socket.io's, is left to its owner). The server sends ActivitySets (`{activities, watermark}`):
 * first what is after the watermark, then each activity as it becomes readable, typing as it
 * happens (without a watermark: it is not kept), and an empty message every `keepaliveMs` so
 * proxies keep the connection; what the client sends is ignored, as Microsoft's service does.
 *
 * A socket is woken in-process when its conversation's log grows (hub.wake) and also looks every
 * few seconds by itself, so an activity made readable by another app process arrives too.
 */
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Activity, ActivitySet } from './activities.js';

export const STREAM_PATH = /^\/v3\/directline\/conversations\/([^/?#]+)\/stream$/;

interface Subscriber {
  wake(): void;
  typing(activity: Activity): void;
}

/** The open streams of each conversation in this process. */
export class StreamHub {
  private readonly subscribers = new Map<string, Set<Subscriber>>();

  add(conversationId: string, s: Subscriber): () => void {
    const set = this.subscribers.get(conversationId) ?? new Set();
    set.add(s);
    this.subscribers.set(conversationId, set);
    return () => {
      set.delete(s);
      if (!set.size) this.subscribers.delete(conversationId);
    };
  }

  wake(conversationId: string): void {
    for (const s of this.subscribers.get(conversationId) ?? []) s.wake();
  }

  typing(conversationId: string, activity: Activity): void {
    for (const s of this.subscribers.get(conversationId) ?? []) s.typing(activity);
  }

  count(): number {
    let n = 0;
    for (const set of this.subscribers.values()) n += set.size;
    return n;
  }
}

export interface StreamDeps {
  hub: StreamHub;
  /** Whether the stream token `t` opens conversation `id` (checked before the upgrade is accepted). */
  authorise(conversationId: string, t: string | null): Promise<{ ok: true } | { ok: false; status: 403 | 404 }>;
  /** The ActivitySet after `watermark` (empty activities when nothing is new). */
  read(conversationId: string, watermark: number): Promise<{ activities: Activity[]; watermark: number }>;
  log: { warn(obj: object, msg: string): void };
  keepaliveMs?: number;
  pollMs?: number;
}

export interface Stream {
  close(): Promise<void>;
}

const reject = (socket: Duplex, status: 403 | 404 | 400 | 500) => {
  const text = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error' }[status];
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
};

/** Attaches the stream to `httpServer`'s upgrades. */
export function attachStream(httpServer: HttpServer, deps: StreamDeps): Stream {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const keepaliveMs = deps.keepaliveMs ?? 25_000;
  const pollMs = deps.pollMs ?? 3_000;

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = STREAM_PATH.exec(url.pathname);
    if (!match) return; // someone else's upgrade (socket.io): not ours to answer
    const conversationId = decodeURIComponent(match[1]);
    const raw = url.searchParams.get('watermark');
    const watermark = raw && /^\d{1,9}$/.test(raw) ? Number(raw) : 0;
    deps.authorise(conversationId, url.searchParams.get('t')).then(
      (auth) => {
        if (!auth.ok) return reject(socket, auth.status);
        wss.handleUpgrade(req, socket, head, (ws) => serve(ws, conversationId, watermark));
      },
      (err: unknown) => {
        deps.log.warn({ err: String(err) }, 'Direct Line stream could not be authorised');
        reject(socket, 500);
      },
    );
  };
  httpServer.on('upgrade', onUpgrade);

  function serve(ws: WebSocket, conversationId: string, from: number): void {
    let sent = from;
    let running = false;
    let again = false;
    const send = (set: ActivitySet) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(set));
    };
    // One read at a time, in order; a wake during a read reads again after it.
    const pump = async () => {
      if (running) return void (again = true);
      running = true;
      try {
        do {
          again = false;
          const next = await deps.read(conversationId, sent);
          if (next.activities.length && next.watermark > sent) {
            sent = next.watermark;
            send({ activities: next.activities, watermark: String(sent) });
          }
        } while (again && ws.readyState === ws.OPEN);
      } catch (err) {
        deps.log.warn({ err: String(err), conversationId }, 'Direct Line stream read failed; it is read again shortly');
      } finally {
        running = false;
      }
    };
    const remove = deps.hub.add(conversationId, { wake: () => void pump(), typing: (activity) => send({ activities: [activity] }) });
    const timers = [setInterval(() => ws.readyState === ws.OPEN && ws.send(''), keepaliveMs), setInterval(() => void pump(), pollMs)];
    for (const t of timers) t.unref();
    ws.on('message', () => undefined); // clients' keepalives
    ws.on('close', () => {
      for (const t of timers) clearInterval(t);
      remove();
    });
    ws.on('error', () => ws.terminate());
    // The backlog first: everything after the watermark the client asked from (all of it for a new stream).
    void pump();
  }

  return {
    async close() {
      httpServer.off('upgrade', onUpgrade);
      for (const ws of wss.clients) ws.close(1001, 'server shutting down');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
