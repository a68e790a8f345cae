/**
 * A back office's webhook receiver, for the tests: a local HTTP server that checks every request
 * as the README tells receivers to (`verifyWebhook`: the Standard Webhooks signature over the raw
 * body, and the timestamp within five minutes), refuses a bad one with 401, and otherwise answers
 * what the test's plan says (a status, or no answer at all to make the sender time out).
 * Each webhook posts to its own path, with its own secret.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhook } from './signing.js';

export interface Received {
  path: string;
  id: string;
  timestamp: number;
  contentType: string;
  body: string;
  /** When it arrived (ms since the epoch). */
  at: number;
  /** What the receiver answered (0: it did not answer). */
  status: number;
}

export type Plan = (path: string, body: string, nth: number) => number | 'hang';

export class WebhookReceiver {
  url = '';
  /** Every request whose signature and timestamp were good, whatever it was answered. */
  readonly received: Received[] = [];
  /** Requests refused by the check (none, when the sender signs properly). */
  readonly refused: { path: string; reason: string }[] = [];
  plan: Plan = () => 204;
  private readonly secrets = new Map<string, string>();
  private readonly hanging = new Set<http.ServerResponse>();
  private readonly server = http.createServer((req, res) => void this.handle(req, res));

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** The secret a path's requests must be signed with. */
  expect(path: string, secret: string): string {
    this.secrets.set(path, secret);
    return `${this.url}${path}`;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const path = req.url ?? '/';
    const secret = this.secrets.get(path);
    let verified: { id: string; timestamp: number };
    try {
      if (req.method !== 'POST') throw new Error(`method ${req.method}`);
      if (!secret) throw new Error('no webhook at this path');
      verified = verifyWebhook(secret, req.headers, raw, { toleranceSeconds: 300 });
    } catch (err) {
      this.refused.push({ path, reason: (err as Error).message });
      res.writeHead(401).end();
      return;
    }
    const body = raw.toString('utf8');
    const nth = this.received.filter((r) => r.path === path).length + 1;
    const answer = this.plan(path, body, nth);
    this.received.push({ path, id: verified.id, timestamp: verified.timestamp, contentType: String(req.headers['content-type']), body, at: Date.now(), status: answer === 'hang' ? 0 : answer });
    if (answer === 'hang') {
      this.hanging.add(res);
      return;
    }
    res.writeHead(answer, { 'content-type': 'text/plain' }).end(answer >= 200 && answer < 300 ? 'ok' : 'not now');
  }

  /** Requests to a path, oldest first. */
  at(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  /** Requests to a path answered 2xx, oldest first. */
  delivered(path: string): Received[] {
    return this.at(path).filter((r) => r.status >= 200 && r.status < 300);
  }

  async waitFor(what: string, done: () => boolean, timeoutMs = 15_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}; received ${JSON.stringify(this.received.map((r) => [r.path, r.status, r.id]))}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
