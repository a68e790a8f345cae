import { createHash } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { sendProblem } from './problem.js';

/**
 * Fixed-window rate limits, answered with 429 problem+json and Retry-After.
 *
 * In memory by default; in Redis when the deployment has one, so the limit holds across app
 * processes. We write the ~60 lines ourselves rather than take a library: one Lua script (INCR,
 * set the window's expiry on the first hit, read what is left) is all Redis needs, and on a Redis
 * error the limiter falls back to memory, so an outage of Redis never refuses residents.
 */

export interface Hit {
  count: number;
  /** Milliseconds until the window ends. */
  resetMs: number;
}

export interface CounterStore {
  hit(key: string, windowMs: number): Promise<Hit>;
  /** Several counters at once, in order (a request's rules): one round trip where the store is remote. */
  hitAll?(hits: { key: string; windowMs: number }[]): Promise<Hit[]>;
  /** Takes one hit back (a request that turned out not to count), within the same window. */
  refund(key: string): Promise<void>;
}

export class MemoryCounter implements CounterStore {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  private lastSweep = 0;

  constructor(private readonly now: () => number = Date.now) {}

  async hit(key: string, windowMs: number): Promise<Hit> {
    const now = this.now();
    this.sweep(now);
    let w = this.windows.get(key);
    if (!w || w.resetAt <= now) {
      w = { count: 0, resetAt: now + windowMs };
      this.windows.set(key, w);
    }
    w.count++;
    return { count: w.count, resetMs: w.resetAt - now };
  }

  async refund(key: string): Promise<void> {
    const w = this.windows.get(key);
    if (w && w.resetAt > this.now() && w.count > 0) w.count--;
  }

  /** Drops ended windows at most once a second, so a flood of distinct keys cannot grow the map for ever. */
  private sweep(now: number): void {
    if (now - this.lastSweep < 1000) return;
    this.lastSweep = now;
    for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k);
  }
}

// INCR each key (KEYS[i]), set its window's expiry (ARGV[i]) on the first hit, and read what is left: {count, ttl} per key, in
// order. One key for a single counter; all of a request's rules at once, so a message costs one round trip, not one per rule.
const HIT_SCRIPT = `local out = {}
for i, k in ipairs(KEYS) do
  local c = redis.call('INCR', k)
  if c == 1 then redis.call('PEXPIRE', k, ARGV[i]) end
  local t = redis.call('PTTL', k)
  if t < 0 then redis.call('PEXPIRE', k, ARGV[i]); t = tonumber(ARGV[i]) end
  out[#out + 1] = c
  out[#out + 1] = t
end
return out`;
const REFUND_SCRIPT = `if redis.call('EXISTS', KEYS[1]) == 1 and tonumber(redis.call('GET', KEYS[1])) > 0 then redis.call('DECR', KEYS[1]) end
return 0`;

const HIT_SHA = createHash('sha1').update(HIT_SCRIPT).digest('hex');
const REFUND_SHA = createHash('sha1').update(REFUND_SCRIPT).digest('hex');

/** EVALSHA (Redis hashes a script sent with EVAL on every call), falling back to EVAL when Redis has not seen it yet. */
async function runScript(redis: Redis, script: string, sha: string, keys: string[], ...args: string[]): Promise<unknown> {
  try {
    return await redis.evalsha(sha, keys.length, ...keys, ...args);
  } catch (err) {
    if (!/NOSCRIPT/.test((err as Error).message)) throw err;
    return redis.eval(script, keys.length, ...keys, ...args);
  }
}

export class RedisCounter implements CounterStore {
  private readonly fallback = new MemoryCounter();
  private warned = 0;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly log?: Logger,
  ) {}

  async hit(key: string, windowMs: number): Promise<Hit> {
    try {
      return (await this.count([{ key, windowMs }]))[0];
    } catch (err) {
      this.warn(err);
      return this.fallback.hit(key, windowMs);
    }
  }

  async hitAll(hits: { key: string; windowMs: number }[]): Promise<Hit[]> {
    try {
      return await this.count(hits);
    } catch (err) {
      // A Redis Cluster refuses keys of several slots in one script (CROSSSLOT): then one key at a time.
      if (/CROSSSLOT/.test((err as Error).message)) return Promise.all(hits.map((h) => this.hit(h.key, h.windowMs)));
      this.warn(err);
      return Promise.all(hits.map((h) => this.fallback.hit(h.key, h.windowMs)));
    }
  }

  /** The counters' hits in one script run. */
  private async count(hits: { key: string; windowMs: number }[]): Promise<Hit[]> {
    if (!hits.length) return [];
    const pairs = (await runScript(this.redis, HIT_SCRIPT, HIT_SHA, hits.map((h) => `${this.prefix}${h.key}`), ...hits.map((h) => String(h.windowMs)))) as number[];
    return hits.map((_h, i) => ({ count: Number(pairs[2 * i]), resetMs: Number(pairs[2 * i + 1]) }));
  }

  /** Limits per process are better than none, and far better than refusing everyone: said once a minute. */
  private warn(err: unknown): void {
    if (Date.now() - this.warned > 60_000) {
      this.warned = Date.now();
      this.log?.warn({ err: (err as Error).message }, 'rate limit: Redis unavailable, counting in memory');
    }
  }

  async refund(key: string): Promise<void> {
    try {
      await runScript(this.redis, REFUND_SCRIPT, REFUND_SHA, [`${this.prefix}${key}`]);
    } catch {
      await this.fallback.refund(key);
    }
  }
}

export interface LimitRule {
  /** Name in the key and the problem detail, e.g. "conversations". */
  name: string;
  /** Requests allowed per window; 0 turns the rule off. */
  limit: number;
  windowMs: number;
  /** The key the rule counts by (the IP, an account...); undefined skips the rule for this request. */
  key: (req: Request) => string | undefined;
  /** What the resident or agent reads in the 429's detail. */
  detail: string;
  /** Requests whose answer has this status are taken back, e.g. successful sign-ins: only failures count. */
  refundWhen?: (status: number) => boolean;
}

/**
 * Middleware applying every rule to the request (all are counted, so a refused request still
 * uses up its window). The first rule over its limit answers 429 with the longest wait.
 */
export function rateLimit(store: CounterStore, rules: LimitRule[]): RequestHandler {
  const active = rules.filter((r) => r.limit > 0);
  return async (req: Request, res: Response, next: NextFunction) => {
    if (!active.length) return next();
    let refused: { rule: LimitRule; resetMs: number } | undefined;
    const refundable: { key: string; when: (status: number) => boolean }[] = [];
    const counted: { rule: LimitRule; key: string; windowMs: number }[] = [];
    for (const rule of active) {
      const key = rule.key(req);
      if (key !== undefined) counted.push({ rule, key: `${rule.name}:${key}`, windowMs: rule.windowMs });
    }
    const hits = store.hitAll ? await store.hitAll(counted) : await Promise.all(counted.map((c) => store.hit(c.key, c.windowMs)));
    counted.forEach(({ rule, key }, i) => {
      const { count, resetMs } = hits[i];
      if (rule.refundWhen) refundable.push({ key, when: rule.refundWhen });
      if (count > rule.limit && (!refused || resetMs > refused.resetMs)) refused = { rule, resetMs };
    });
    if (!refused) {
      // Counted up front, so a burst in parallel is limited before any answer; taken back after.
      if (refundable.length) {
        res.on('finish', () => {
          for (const r of refundable) if (r.when(res.statusCode)) void store.refund(r.key).catch(() => undefined);
        });
      }
      return next();
    }
    const seconds = Math.max(1, Math.ceil(refused.resetMs / 1000));
    res.setHeader('Retry-After', String(seconds));
    sendProblem(res, 429, 'Too many requests', refused.rule.detail, { retryAfter: seconds, limit: refused.rule.name });
  };
}

/** The client's address (Express honours TRUST_PROXY for X-Forwarded-For). */
export const byIp = (req: Request): string => req.ip ?? req.socket.remoteAddress ?? 'unknown';

/** A short, non-reversible form of an account name or cookie: keys in Redis hold no personal data. */
export function digest(value: string): string {
  return createHash('sha256').update(value).digest('base64url').slice(0, 22);
}

export interface RateLimits {
  /** Failed sign-in steps (password and code) per IP per minute: a council office shares one address. */
  signInPerIp: number;
  /** Failed sign-in steps per account (e-mail or sign-in session) from one IP per minute. */
  signInPerAccount: number;
  conversationsPerIp: number;
  messagesPerConversation: number;
  messagesPerIp: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  signInPerIp: 60,
  signInPerAccount: 10,
  conversationsPerIp: 30,
  messagesPerConversation: 60,
  messagesPerIp: 600,
};

/**
 * Console sign-in (POST /login, /totp and /totp/enrol, mounted in api/console/index.ts): failed
 * attempts per IP, and per account from that IP (the e-mail at the password step, the sign-in
 * session at the code step). Steps that are not wrong guesses are taken back, so a council office behind one
 * address is not refused for signing in; every attempt counts while it runs, so a parallel
 * burst of (costly) password checks is cut off at once. Counting an account per IP, not
 * globally, means nobody can lock an agent out cheaply from elsewhere; the account's own lock
 * after five wrong passwords or codes (auth-routes) stops a guesser spread over many addresses.
 */
/** Only wrong credentials (401) and attempts on a locked account (423) count; a bad request or a wrong step costs no guess. */
const notAGuess = (status: number) => status !== 401 && status !== 423;

export function signInLimiter(store: CounterStore, limits: Pick<RateLimits, 'signInPerIp' | 'signInPerAccount'>): RequestHandler {
  const detail = 'Too many sign-in attempts. Please wait a minute and try again.';
  return rateLimit(store, [
    { name: 'sign-in-ip', limit: limits.signInPerIp, windowMs: 60_000, key: byIp, detail, refundWhen: notAGuess },
    {
      name: 'sign-in-account',
      refundWhen: notAGuess,
      limit: limits.signInPerAccount,
      windowMs: 60_000,
      detail,
      key: (req) => {
        if (req.path === '/login') {
          const email = (req.body as { email?: unknown } | undefined)?.email;
          return typeof email === 'string' ? `${byIp(req)}:${digest(email.trim().toLowerCase())}` : undefined;
        }
        const cookie = req.headers.cookie;
        return cookie ? `${byIp(req)}:${digest(cookie)}` : undefined;
      },
    },
  ]);
}
