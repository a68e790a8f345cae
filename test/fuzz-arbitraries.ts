/**
 * The fuzzer of every public HTTP surface (issue 10), shared by test/fuzz.test.ts (bounded, in the
 * suite) and scripts/bench-fuzz.ts (10,000+ requests): fast-check arbitraries for hostile input,
 * and `FuzzWorld`, whose probes send one input to one surface and throw a `PropertyViolation` when
 * a property breaks. The properties:
 *   - never a 5xx, never a hang, and a 4xx carries problem+json (the referral acknowledgement
 *     pages, which are HTML for a person, answer HTML);
 *   - an accepted resident message (2xx) is stored exactly once and answered, not with the
 *     fault apology; web chat replies are readable with the conversation's own token only;
 *   - no response, and no SMS sent, carries another conversation's text (each conversation first
 *     says a unique "canary" word, looked for everywhere else).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { Kysely } from 'kysely';
import twilio from 'twilio';
import { MAX_INBOUND_CHARS, normaliseInboundText } from '../bot/index.js';
import { smsKeyword } from '../channels/twilio/index.js';
import type { Database } from '../store/index.js';

// ------------------------------------------------------------------ arbitraries

/** Strings that have broken parsers, stores and word tables before. */
export const NASTY = [
  '',
  ' ',
  '\u0000',
  'bin\u0000day',
  '\u0000\u0000\u0000',
  '\ud800',
  'x\udc00y',
  '\udbff\udfff',
  'constructor',
  '__proto__',
  'the constructor dumped rubbish',
  'toString valueOf hasOwnProperty',
  'prototype',
  '%00',
  '%ZZ',
  "'; drop table messages; --",
  '${7*7}{{7*7}}',
  '<script>alert(1)</script>',
  ']]><![CDATA[',
  '\u202e\u200b\ufeff',
  'e\u0301\u0065\u0301',
  '🗑️🚮 bin',
  '\r\n\t',
  'STOP',
  'start',
  'HELP',
  'end',
  '999',
  'my bin was not collected',
  'Talk to a person',
  'x'.repeat(2000),
  'é'.repeat(2001),
  '🚮'.repeat(1500),
  'y'.repeat(20_000),
];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const controlChar = fc.integer({ min: 0, max: 0x9f }).filter((c) => c < 0x20 || c >= 0x7f).map((c) => String.fromCharCode(c));

/** Any text a stranger might send: unicode of every plane, NUL and controls, lone surrogates, huge strings, known troublemakers. */
export const fuzzText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: fc.oneof({ weight: 6, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) }, controlChar, loneSurrogate), maxLength: 60 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.array(fc.oneof(fc.constantFrom(...NASTY.filter((s) => s.length < 100)), fc.string({ maxLength: 8 })), { minLength: 2, maxLength: 5 }).map((a) => a.join(' ')) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('a', '\u0000', 'é', '🚮', '\ud800'), fc.integer({ min: 1900, max: 9000 })).map(([c, n]) => c.repeat(n)) },
);

/** Ids of every odd shape: path segments, client message ids, tokens. */
export const fuzzId: fc.Arbitrary<string> = fc.oneof(
  fc.uuid(),
  fc.constantFrom('', 'seq-7', '0', '-1', '..', '../..', '%2e%2e', '__proto__', 'constructor', 'null', 'undefined', '00000000-0000-0000-0000-000000000000', 'x'.repeat(101), 'a'.repeat(5000)),
  fuzzText.map((s) => s.slice(0, 120)),
);

/** JSON values of any shape, with prototype-named keys. */
export const fuzzJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(fc.oneof(fc.constantFrom('text', 'id', 'tenant', 'channel', '__proto__', 'constructor', 'prototype', 'toString'), fc.string({ maxLength: 6 })), fc.oneof(fuzzText, fc.jsonValue({ maxDepth: 2 })), { maxKeys: 4 }),
);

/** Bodies sent raw, with the content type they claim. */
export const rawBody = fc.record({
  contentType: fc.constantFrom('application/json', 'application/json; charset=utf-16', 'application/merge-patch+json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', ''),
  body: fc.oneof(
    fc.constantFrom('', '{', 'null', '[]', '"text"', '{"text":"hi","text":"again"}', '{"__proto__":{"text":"x"},"text":"hello"}', '{"constructor":{"prototype":{"polluted":1}},"text":"hi"}', 'text=hello', '{"text":"\\ud800"}', '{"text":"\\u0000"}', '{"text":1e999}'),
    fuzzJson.map((v) => JSON.stringify(v) ?? ''),
    fuzzText,
  ),
});

/** Query strings of repeated, bracketed, prototype-named keys and values that are not what a route expects. */
export function fuzzQuery(keys: string[]): fc.Arbitrary<string> {
  const value = fc.oneof(
    fuzzText.map((s) => s.slice(0, 300)),
    fc.constantFrom('1.5', '-1', '0', '1e3', 'NaN', 'Infinity', '0x10', ' 5', '5 ', '10000000000000000000000', '[object Object]', 'constructor', '__proto__', 'hasOwnProperty'),
    fc.integer({ min: -5, max: 1000 }).map(String),
  );
  const key = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...keys) }, fc.constantFrom('__proto__', 'constructor', 'q[]', 'limit[a]', 'q[__proto__]', ...keys.map((k) => `${k}[]`)));
  const raw = fc.constantFrom('%', '%ZZ', '%ED%A0%80', '%FF%FE', '&&&', '=', '+%2B+', '%00');
  return fc.array(fc.oneof({ weight: 5, arbitrary: fc.tuple(key, value).map(([k, v]) => `${encode(k)}=${encode(v)}`) }, raw.map((r) => `${keys[0]}=${r}`)), { maxLength: 4 }).map((pairs) => pairs.join('&'));
}

/** encodeURIComponent that survives lone surrogates (sending their UTF-8 replacement, as a browser would). */
export function encode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');
  }
}

// NUL and other controls included: a signed request whose From holds them is a 400 (channels/twilio/signature.ts).
const phoneLike = fc.oneof(
  fc.integer({ min: 7_000_000_000, max: 7_999_999_999 }).map((n) => `+44${n}`),
  fuzzText.map((s) => s.slice(0, 40)),
  fc.constantFrom('', ' ', '+', 'client:alice', 'anonymous', '+441632960100', '+447700900123\u0000'),
);

export type WebProbe =
  | { kind: 'message'; conv: number; text: string; id?: string; extra?: Record<string, unknown> }
  | { kind: 'json'; conv: number; body: unknown }
  | { kind: 'raw'; conv: number; raw: { contentType: string; body: string } }
  | { kind: 'replay'; conv: number; other: number; text: string }
  | { kind: 'wrong-token'; conv: number; other: number; token?: string; method: 'GET' | 'POST' }
  | { kind: 'odd-id'; id: string; method: 'GET' | 'POST'; withToken: boolean }
  | { kind: 'create'; body: unknown; raw?: { contentType: string; body: string } }
  | { kind: 'suggestions'; query: string };

export const webProbe: fc.Arbitrary<WebProbe> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('message' as const), conv: fc.nat(), text: fuzzText, id: fc.option(fuzzId, { nil: undefined }) }, { requiredKeys: ['kind', 'conv', 'text'] }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('message' as const), conv: fc.nat(), text: fuzzText, extra: fc.dictionary(fc.constantFrom('tenant', 'channel', 'author', 'conversationId', '__proto__'), fc.jsonValue({ maxDepth: 1 }), { minKeys: 1, maxKeys: 2 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('json' as const), conv: fc.nat(), body: fuzzJson }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('raw' as const), conv: fc.nat(), raw: rawBody }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replay' as const), conv: fc.nat(), other: fc.nat(), text: fuzzText }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('wrong-token' as const), conv: fc.nat(), other: fc.nat(), token: fc.option(fuzzId, { nil: undefined }), method: fc.constantFrom('GET' as const, 'POST' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('odd-id' as const), id: fuzzId, method: fc.constantFrom('GET' as const, 'POST' as const), withToken: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('create' as const), body: fc.oneof(fuzzJson, fc.record({ tenant: fc.oneof(fuzzId, fc.constant('demo')), channel: fc.constantFrom('api', 'webchat', 'sms', '', 'voice') }, { requiredKeys: [] })), raw: fc.option(rawBody, { nil: undefined }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('suggestions' as const), query: fuzzQuery(['q', 'limit', 'tenant']) }) },
);

export type ConsoleProbe =
  | { kind: 'kb'; query: string }
  | { kind: 'referrals'; query: string }
  | { kind: 'login'; body: unknown }
  | { kind: 'odd'; method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; path: string; body: unknown }
  | { kind: 'ack'; method: 'GET' | 'POST' | 'HEAD'; token: string };

const consolePaths = ['/conversations/:id', '/conversations/:id/messages', '/conversations/:id/case', '/conversations/:id/close', '/cases/:id', '/handoffs/:id/accept', '/rota/:id', '/me/status', '/totp', '/supervisor/referrals/:id/acknowledge', '/queue', '/rota'];

export const consoleProbe: fc.Arbitrary<ConsoleProbe> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('kb' as const), query: fuzzQuery(['q']) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('referrals' as const), query: fuzzQuery(['limit']) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('login' as const),
      body: fc.oneof(fuzzJson, fc.record({ email: fc.oneof(fuzzText.map((s) => s.slice(0, 300)), fc.emailAddress(), fc.constantFrom('agent\u0000@council.example', 'AGENT@COUNCIL.EXAMPLE ', '__proto__@x.y')), password: fc.oneof(fuzzText.map((s) => s.slice(0, 300)), fc.jsonValue({ maxDepth: 1 })), tenant: fc.oneof(fuzzId, fc.constant(undefined)) }, { requiredKeys: ['email', 'password'] })),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('odd' as const), method: fc.constantFrom('GET' as const, 'POST' as const, 'PUT' as const, 'PATCH' as const, 'DELETE' as const), path: fc.tuple(fc.constantFrom(...consolePaths), fuzzId).map(([p, id]) => p.replace(':id', encode(id) || 'x')), body: fuzzJson }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('ack' as const), method: fc.constantFrom('GET' as const, 'POST' as const, 'HEAD' as const), token: fuzzId }) },
);

export type TwilioProbe =
  | { kind: 'sms'; phone: number; from?: string; body: string; sid: 'fresh' | 'repeat' | string; extra: Record<string, string>; signature: 'good' | 'bad' | 'none' }
  | { kind: 'status'; sid: string; status: string; errorCode?: string }
  | { kind: 'call'; from: string; speech?: string; digits?: string; confidence?: string; query?: string; signature: 'good' | 'bad' };

const twilioExtra = fc.dictionary(
  fc.constantFrom('NumMedia', 'MediaUrl0', 'MediaContentType0', 'NumSegments', 'FromCountry', 'OptOutType', 'To', 'AccountSid', '__proto__', 'constructor'),
  fc.oneof(fuzzText.map((s) => s.slice(0, 200)), fc.constantFrom('1', '11', '-1', 'abc', 'STOP', 'https://example.com/x.jpg', '+441632960100')),
  { maxKeys: 3 },
);

export const twilioProbe: fc.Arbitrary<TwilioProbe> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record(
      {
        kind: fc.constant('sms' as const),
        phone: fc.nat(),
        from: fc.option(phoneLike, { nil: undefined, freq: 4 }),
        body: fuzzText.map((s) => s.slice(0, 3000)),
        sid: fc.oneof({ weight: 6, arbitrary: fc.constant('fresh') }, fc.constant('repeat'), fuzzId.map((s) => s.slice(0, 80))),
        extra: twilioExtra,
        signature: fc.oneof({ weight: 8, arbitrary: fc.constant('good' as const) }, fc.constantFrom('bad' as const, 'none' as const)),
      },
      { requiredKeys: ['kind', 'phone', 'body', 'sid', 'extra', 'signature'] },
    ),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('status' as const), sid: fuzzId, status: fc.oneof(fc.constantFrom('delivered', 'failed', 'undelivered', 'sent', 'read', '__proto__', 'constructor', ''), fuzzText), errorCode: fc.option(fc.oneof(fc.constantFrom('21610', '30003', 'abc'), fuzzText), { nil: undefined }) }, { requiredKeys: ['kind', 'sid', 'status'] }) },
  {
    weight: 3,
    arbitrary: fc.record(
      {
        kind: fc.constant('call' as const),
        from: phoneLike,
        speech: fc.option(fuzzText.map((s) => s.slice(0, 3000)), { nil: undefined, freq: 5 }),
        digits: fc.option(fc.oneof(fc.constantFrom('0', '1', '9', '*', '#', '123#', '999', ''), fuzzText.map((s) => s.slice(0, 20))), { nil: undefined, freq: 3 }),
        confidence: fc.option(fc.constantFrom('0.9', '0', '0.1', 'NaN', '', '-1', '1e309', 'abc'), { nil: undefined }),
        query: fc.option(fuzzQuery(['c', 'n', 's', 'm', 'h', 't', 'ls']), { nil: undefined, freq: 3 }),
        signature: fc.oneof({ weight: 8, arbitrary: fc.constant('good' as const) }, fc.constant('bad' as const)),
      },
      { requiredKeys: ['kind', 'from', 'signature'] },
    ),
  },
);

// ------------------------------------------------------------------ the world and its probes

export class PropertyViolation extends Error {}

export interface FuzzTarget {
  url: string;
  db: Kysely<Database>;
  tenant: string;
  /** The Twilio stand-in's auth token: webhooks are signed with it as Twilio signs them. */
  twilioToken: string;
  councilNumber: string;
  /** What the stand-in has sent (to, body), read for leaks and answers. */
  smsSent: () => { to: string; body: string }[];
  /** A signed-in console session (cookie and CSRF token). */
  agent: { cookie: string; csrf: string };
}

interface WebConversation {
  id: string;
  token: string;
  canary: string;
  ids: Set<string>;
  queue: Promise<unknown>;
}

interface SmsResident {
  phone: string;
  canary: string;
  sids: string[];
  queue: Promise<unknown>;
}

/** The fault apology (bot/pipeline.ts) and the voice webhook's fault TwiML: a 5xx in other clothes. */
const FAULT = /something went wrong on our side/i;
const TIMEOUT_MS = 20_000;
let sidCounter = 0;

export class FuzzWorld {
  /** Requests per "endpoint status-class", e.g. "POST /api/v1/conversations/:id/messages 2xx". */
  readonly counts = new Map<string, number>();
  readonly violations: { endpoint: string; input: string; problem: string }[] = [];
  requests = 0;
  accepted = 0;
  hangs = 0;
  lost = 0;
  unanswered = 0;
  leaks = 0;
  private readonly web: WebConversation[] = [];
  private readonly sms: SmsResident[] = [];
  /** Accepted SMS (sid, phone), checked for storage and an answer by `settle()`. */
  private readonly acceptedSms: { sid: string; from: string }[] = [];

  private constructor(readonly target: FuzzTarget) {}

  /** A pool of web chat conversations and SMS residents, each of which has said its canary. */
  static async create(target: FuzzTarget, size = { web: 4, sms: 3 }): Promise<FuzzWorld> {
    const world = new FuzzWorld(target);
    for (let i = 0; i < size.web; i++) {
      const res = await world.fetch('POST /api/v1/conversations', '/api/v1/conversations', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      const { conversationId, token } = res.json as { conversationId: string; token: string };
      const c: WebConversation = { id: conversationId, token, canary: canary(), ids: new Set(), queue: Promise.resolve() };
      world.web.push(c);
      await world.webMessage({ kind: 'message', conv: i, text: `my gate code is ${c.canary} and my bin was not collected` });
    }
    for (let i = 0; i < size.sms; i++) {
      const r: SmsResident = { phone: `+4477009${String(10_000 + i).slice(-5)}${randomBytes(1)[0] % 10}`, canary: canary(), sids: [], queue: Promise.resolve() };
      world.sms.push(r);
      await world.twilio({ kind: 'sms', phone: i, body: `my gate code is ${r.canary}`, sid: 'fresh', extra: {}, signature: 'good' });
    }
    return world;
  }

  get status5xx(): number {
    let n = 0;
    for (const [k, v] of this.counts) if (k.endsWith(' 5xx')) n += v;
    return n;
  }

  private allCanaries(): string[] {
    return [...this.web.map((c) => c.canary), ...this.sms.map((r) => r.canary)];
  }

  private fail(endpoint: string, input: unknown, problem: string): never {
    const shown = JSON.stringify(input, (_k, v) => (typeof v === 'string' && v.length > 200 ? `${v.slice(0, 200)}…(${v.length})` : v));
    this.violations.push({ endpoint, input: shown, problem });
    throw new PropertyViolation(`${endpoint}: ${problem}\n  input: ${shown}`);
  }

  /**
   * One request with the properties every answer has: no 5xx, no hang, problem+json on a 4xx
   * (HTML pages where `html4xx`), and no canary but the ones in `own`.
   */
  async fetch(
    endpoint: string,
    path: string,
    init: RequestInit,
    opts: { own?: string[]; html4xx?: boolean; input?: unknown } = {},
  ): Promise<{ status: number; text: string; json: unknown; headers: Headers }> {
    this.requests++;
    let res: Response;
    let text: string;
    try {
      res = await fetch(`${this.target.url}${path}`, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'manual' });
      text = await res.text();
    } catch (err) {
      const name = (err as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError') {
        this.hangs++;
        this.count(endpoint, 'hang');
        this.fail(endpoint, opts.input ?? path, `no answer within ${TIMEOUT_MS} ms`);
      }
      this.count(endpoint, 'crash');
      this.fail(endpoint, opts.input ?? path, `connection failed: ${String(err)}`);
    }
    this.count(endpoint, `${Math.floor(res.status / 100)}xx`);
    const input = opts.input ?? { path, body: init.body };
    if (res.status >= 500) this.fail(endpoint, input, `HTTP ${res.status}: ${text.slice(0, 300)}`);
    const type = res.headers.get('content-type') ?? '';
    let json: unknown;
    if (/json/.test(type) && init.method !== 'HEAD') {
      try {
        json = JSON.parse(text);
      } catch {
        this.fail(endpoint, input, `HTTP ${res.status} with a body that is not JSON`);
      }
    }
    if (res.status >= 400 && init.method !== 'HEAD') {
      const problem = json as { status?: unknown; title?: unknown } | undefined;
      const isProblem = /application\/problem\+json/.test(type) && problem?.status === res.status && typeof problem?.title === 'string';
      const isPage = !!opts.html4xx && /text\/html/.test(type) && /<h1>/.test(text);
      if (!isProblem && !isPage) this.fail(endpoint, input, `HTTP ${res.status} without problem+json (${type}): ${text.slice(0, 200)}`);
    }
    const own = opts.own ?? [];
    for (const c of this.allCanaries()) {
      if (!own.includes(c) && text.includes(c)) {
        this.leaks++;
        this.fail(endpoint, input, `the answer carries another conversation's text (${c})`);
      }
    }
    return { status: res.status, text, json, headers: res.headers };
  }

  private count(endpoint: string, cls: string): void {
    const key = `${endpoint} ${cls}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** Runs `work` after the previous probe of the same conversation (turns of one resident are sequential). */
  private serial<T>(holder: { queue: Promise<unknown> }, work: () => Promise<T>): Promise<T> {
    const run = holder.queue.then(work, work);
    holder.queue = run.catch(() => undefined);
    return run;
  }

  // ---------------------------------------------------------------- web chat API

  async webProbe(p: WebProbe): Promise<void> {
    switch (p.kind) {
      case 'message':
      case 'json':
      case 'raw':
        return this.webMessage(p);
      case 'replay':
        return this.webReplay(p);
      case 'wrong-token':
        return this.webWrongToken(p);
      case 'odd-id': {
        const c = this.web[0];
        const path = `/api/v1/conversations/${encode(p.id) || 'x'}/messages`;
        const endpoint = `${p.method} /api/v1/conversations/:id/messages`;
        const headers: Record<string, string> = { 'content-type': 'application/json', ...(p.withToken ? { authorization: `Bearer ${c.token}` } : {}) };
        const res = await this.fetch(endpoint, path, { method: p.method, headers, body: p.method === 'POST' ? '{"text":"hello"}' : undefined }, { input: p, own: p.id === c.id ? [c.canary] : [] });
        if (p.id !== c.id && res.status < 400) this.fail(endpoint, p, `HTTP ${res.status} for a conversation that is not the token's`);
        return;
      }
      case 'create': {
        const raw = p.raw;
        const res = await this.fetch('POST /api/v1/conversations', '/api/v1/conversations', {
          method: 'POST',
          headers: raw ? (raw.contentType ? { 'content-type': raw.contentType } : {}) : { 'content-type': 'application/json' },
          body: raw ? raw.body : JSON.stringify(p.body) ?? '',
        }, { input: p });
        if (res.status === 201) {
          const body = res.json as { conversationId?: unknown; token?: unknown };
          if (typeof body?.conversationId !== 'string' || typeof body?.token !== 'string') this.fail('POST /api/v1/conversations', p, '201 without conversationId and token');
        }
        return;
      }
      case 'suggestions':
        await this.fetch('GET /api/v1/suggestions', `/api/v1/suggestions?${p.query}`, { method: 'GET' }, { input: p });
        return;
    }
  }

  private conv(i: number): WebConversation {
    return this.web[i % this.web.length];
  }

  /** Posts a message; when accepted, it is stored once, answered, and readable by its own token only. */
  private webMessage(p: Extract<WebProbe, { kind: 'message' | 'json' | 'raw' }>): Promise<void> {
    const c = this.conv(p.conv);
    return this.serial(c, async () => {
      const endpoint = 'POST /api/v1/conversations/:id/messages';
      let body: string;
      let contentType = 'application/json';
      let valid = false;
      let expected: string | undefined;
      if (p.kind === 'message') {
        const obj: Record<string, unknown> = { ...(p.extra ?? {}), text: p.text, ...(p.id !== undefined ? { id: p.id } : {}) };
        body = JSON.stringify(obj);
        expected = normaliseInboundText(p.text, Number.MAX_SAFE_INTEGER);
        // The documented contract: a text of 1..2000 characters once normalised, an id of 1..100, nothing else, under 16 kB.
        valid = !p.extra && expected.length >= 1 && [...expected].length <= MAX_INBOUND_CHARS && (p.id === undefined || (p.id.length >= 1 && p.id.length <= 100)) && Buffer.byteLength(body) <= 16 * 1024;
      } else if (p.kind === 'json') {
        body = JSON.stringify(p.body) ?? '';
      } else {
        body = p.raw.body;
        contentType = p.raw.contentType;
      }
      const before = await this.inboundCount(c.id);
      const headers: Record<string, string> = { authorization: `Bearer ${c.token}`, ...(contentType ? { 'content-type': contentType } : {}) };
      const res = await this.fetch(endpoint, `/api/v1/conversations/${c.id}/messages`, { method: 'POST', headers, body }, { own: [c.canary], input: p });
      const after = await this.inboundCount(c.id);
      if (res.status >= 300) {
        if (valid) {
          this.lost++;
          this.fail(endpoint, p, `a valid message was refused with ${res.status}: ${res.text.slice(0, 200)}`);
        }
        if (after !== before) this.fail(endpoint, p, `refused with ${res.status} but ${after - before} message(s) stored`);
        return;
      }
      this.accepted++;
      const replayed = res.headers.get('idempotent-replayed') === 'true';
      const replies = ((res.json as { messages?: { text?: string }[] })?.messages ?? []);
      const id = p.kind === 'message' ? p.id : undefined;
      if (replayed) {
        if (id === undefined || !c.ids.has(id)) this.fail(endpoint, p, 'a replay of an id this conversation never sent');
        if (after !== before) this.fail(endpoint, p, 'a replay stored the message again');
        return;
      }
      if (after !== before + 1) {
        this.lost++;
        this.fail(endpoint, p, `accepted with ${res.status}, but ${after - before} messages stored`);
      }
      if (id !== undefined) c.ids.add(id);
      // Over the limit yet accepted: a known defect (text of astral characters is cut, not refused),
      // pinned by a skipped test in test/fuzz.test.ts; the comparison holds within the limit.
      if (expected !== undefined && expected.length <= MAX_INBOUND_CHARS) {
        const stored = await this.latestInbound(c.id);
        if (stored !== expected) this.fail(endpoint, p, `stored ${JSON.stringify(stored?.slice(0, 80))}, not the normalised text`);
      }
      if (!replies.length) {
        this.unanswered++;
        this.fail(endpoint, p, 'accepted without a reply');
      }
      if (replies.some((r) => FAULT.test(r.text ?? ''))) this.fail(endpoint, p, 'answered with the fault apology');
      // The replies are in the conversation's transcript for its own token, and for nobody else.
      const own = await this.fetch('GET /api/v1/conversations/:id/messages', `/api/v1/conversations/${c.id}/messages`, { headers: { authorization: `Bearer ${c.token}` } }, { own: [c.canary], input: p });
      const texts = new Set(((own.json as { messages?: { text: string }[] })?.messages ?? []).map((m) => m.text));
      if (!replies.every((r) => texts.has(r.text ?? ''))) this.fail(endpoint, p, 'a reply is missing from its own transcript');
      const other = this.web.find((o) => o !== c);
      if (other) {
        const res2 = await this.fetch('GET /api/v1/conversations/:id/messages', `/api/v1/conversations/${c.id}/messages`, { headers: { authorization: `Bearer ${other.token}` } }, { input: p });
        if (res2.status !== 401) this.fail('GET /api/v1/conversations/:id/messages', p, `another conversation's token read the transcript (${res2.status})`);
      }
    });
  }

  /** Reuses a client message id another conversation already sent: never a replay of theirs. */
  private async webReplay(p: Extract<WebProbe, { kind: 'replay' }>): Promise<void> {
    const a = this.conv(p.conv);
    const b = this.conv(p.other);
    if (a === b) return;
    const id = `fuzz-${randomUUID().slice(0, 8)}`;
    await this.webMessage({ kind: 'message', conv: this.web.indexOf(a), text: `bins ${a.canary}`, id });
    await this.webMessage({ kind: 'message', conv: this.web.indexOf(b), text: p.text, id });
  }

  private async webWrongToken(p: Extract<WebProbe, { kind: 'wrong-token' }>): Promise<void> {
    const c = this.conv(p.conv);
    const o = this.conv(p.other);
    // Header values are bytes: what a client can send at all (fetch refuses other characters).
    const token = (p.token ?? (o === c ? `${c.token}x` : o.token)).replace(/[^\x20-\x7e\xa0-\xff]/g, '');
    const endpoint = `${p.method} /api/v1/conversations/:id/messages`;
    return this.serial(c, () => this.wrongTokenOn(c, token, endpoint, p));
  }

  private async wrongTokenOn(c: WebConversation, token: string, endpoint: string, p: WebProbe): Promise<void> {
    const before = await this.inboundCount(c.id);
    const res = await this.fetch(endpoint, `/api/v1/conversations/${c.id}/messages`, {
      method: (p as Extract<WebProbe, { kind: 'wrong-token' }>).method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: (p as Extract<WebProbe, { kind: 'wrong-token' }>).method === 'POST' ? JSON.stringify({ text: 'hello' }) : undefined,
    }, { input: p });
    if (res.status !== 401 && res.status !== 400) this.fail(endpoint, p, `a wrong token got ${res.status}`);
    // (p.method decides GET or POST above.)
    if ((await this.inboundCount(c.id)) !== before) this.fail(endpoint, p, 'a wrong token stored a message');
  }

  private async inboundCount(conversationId: string): Promise<number> {
    const row = await this.target.db.selectFrom('messages').select((eb) => eb.fn.countAll<string>().as('n')).where('conversation_id', '=', conversationId).where('direction', '=', 'in').executeTakeFirstOrThrow();
    return Number(row.n);
  }

  private async latestInbound(conversationId: string): Promise<string | undefined> {
    const row = await this.target.db.selectFrom('messages').select('text').where('conversation_id', '=', conversationId).where('direction', '=', 'in').orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
    return row?.text;
  }

  // ---------------------------------------------------------------- console API and referral acknowledgement

  async consoleProbe(p: ConsoleProbe): Promise<void> {
    const { cookie, csrf } = this.target.agent;
    const authed = { cookie: `ca_session=${cookie}`, 'x-csrf-token': csrf };
    switch (p.kind) {
      case 'kb': {
        const res = await this.fetch('GET /api/console/kb/search', `/api/console/kb/search?${p.query}`, { headers: authed }, { input: p });
        if (res.status === 200 && !Array.isArray((res.json as { articles?: unknown })?.articles)) this.fail('GET /api/console/kb/search', p, '200 without articles');
        return;
      }
      case 'referrals':
        await this.fetch('GET /api/console/referrals', `/api/console/referrals?${p.query}`, { headers: authed }, { input: p });
        return;
      case 'login': {
        // A browser of its own: signing in ends whatever session the browser had.
        const res = await this.fetch('POST /api/console/login', '/api/console/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(p.body) ?? '' }, { input: p });
        if (res.status < 300) this.fail('POST /api/console/login', p, `a made-up sign-in was accepted (${res.status})`);
        return;
      }
      case 'odd': {
        const endpoint = `${p.method} /api/console${p.path.replace(/^(\/[a-z-]+(?:\/referrals)?)\/[^/]*/, '$1/:id')}`;
        await this.fetch(endpoint, `/api/console${p.path}`, { method: p.method, headers: { ...authed, 'content-type': 'application/json' }, body: p.method === 'GET' || p.method === 'DELETE' ? undefined : JSON.stringify(p.body) ?? '' }, { input: p });
        return;
      }
      case 'ack': {
        const endpoint = `${p.method} /referrals/ack/:token`;
        const res = await this.fetch(endpoint, `/referrals/ack/${encode(p.token) || 'x'}`, { method: p.method }, { input: p, html4xx: true });
        if (res.status < 300) this.fail(endpoint, p, `a made-up acknowledgement token got ${res.status}`);
        return;
      }
    }
  }

  // ---------------------------------------------------------------- Twilio webhooks

  async twilio(p: TwilioProbe): Promise<void> {
    if (p.kind === 'sms') {
      const r = this.sms[p.phone % this.sms.length];
      return this.serial(r, () => this.smsProbe(p, r));
    }
    if (p.kind === 'status') {
      const params: Record<string, string> = { MessageSid: p.sid, MessageStatus: p.status, AccountSid: 'AC0', ...(p.errorCode !== undefined ? { ErrorCode: p.errorCode } : {}) };
      await this.signedPost('POST /channels/twilio/status', '/channels/twilio/status', params, 'good', p);
      return;
    }
    return this.callProbe(p);
  }

  private async signedPost(endpoint: string, path: string, params: Record<string, string>, signature: 'good' | 'bad' | 'none', input: unknown, own: string[] = []) {
    const url = `${this.target.url}${path}`;
    const sig = twilio.getExpectedTwilioSignature(this.target.twilioToken, url, params);
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    if (signature === 'good') headers['x-twilio-signature'] = sig;
    if (signature === 'bad') headers['x-twilio-signature'] = sig.slice(1) + 'A';
    const res = await this.fetch(endpoint, path, { method: 'POST', headers, body: new URLSearchParams(params).toString() }, { input, own });
    if (signature !== 'good' && res.status !== 403) this.fail(endpoint, input, `a request without a valid signature got ${res.status}`);
    return res;
  }

  private async smsProbe(p: Extract<TwilioProbe, { kind: 'sms' }>, r: SmsResident): Promise<void> {
    const endpoint = 'POST /channels/twilio/sms';
    // A repeat is Twilio's retry: the same sender. (The same MessageSid from another number is a 409, tested in test/fuzz.test.ts.)
    const from = p.sid === 'repeat' ? r.phone : wellFormed(p.from ?? r.phone);
    // An odd sid is made unique to its sender, so the probe's bookkeeping stays simple.
    const sid = wellFormed(p.sid === 'fresh' ? smsSid() : p.sid === 'repeat' ? (r.sids.at(-1) ?? smsSid()) : `${p.sid}${from}`);
    const body = wellFormed(p.body);
    const params: Record<string, string> = {
      ToCountry: 'GB', SmsMessageSid: sid, NumMedia: '0', SmsSid: sid, SmsStatus: 'received', Body: body, FromCountry: 'GB',
      To: this.target.councilNumber, NumSegments: '1', MessageSid: sid, AccountSid: 'AC00000000000000000000000000000000', From: from, ApiVersion: '2010-04-01',
      ...Object.fromEntries(Object.entries(p.extra).map(([k, v]) => [k, wellFormed(v)])),
    };
    const own = from === r.phone ? [r.canary] : [];
    const res = await this.signedPost(endpoint, '/channels/twilio/sms', params, p.signature, p, own);
    if (res.status >= 300 || p.signature !== 'good') return;
    const to = params.To.trim();
    const fromT = from.trim();
    // As the store keeps it (store/json.ts storableText: NUL becomes U+FFFD).
    const sidT = sid.trim().replace(/\u0000/g, '\uFFFD');
    // Stored and answered only when it is a turn for this council: not STOP/START/HELP, not to another number.
    if (!fromT || !sidT || to !== this.target.councilNumber || smsKeyword(body.trim())) return;
    this.accepted++;
    if (p.sid === 'fresh' && from === r.phone) r.sids.push(sid);
    const rows = await this.target.db.selectFrom('messages').select(['id', 'conversation_id']).where('tenant_id', '=', this.target.tenant).where('channel', '=', 'sms').where('direction', '=', 'in').where('provider_message_id', '=', sidT).execute();
    if (rows.length !== 1) {
      if (rows.length === 0) this.lost++;
      this.fail(endpoint, p, `accepted, and stored ${rows.length} times`);
    }
    this.acceptedSms.push({ sid: sidT, from: fromT });
  }

  private async callProbe(p: Extract<TwilioProbe, { kind: 'call' }>): Promise<void> {
    const callSid = `CA${randomBytes(16).toString('hex')}`;
    const base = { CallSid: callSid, AccountSid: 'AC00000000000000000000000000000000', From: wellFormed(p.from), To: this.target.councilNumber, CallStatus: 'in-progress', Direction: 'inbound', ApiVersion: '2010-04-01' };
    const first = await this.signedPost('POST /channels/twilio/voice', '/channels/twilio/voice', base, p.signature, p);
    if (p.signature !== 'good' || first.status !== 200) return;
    if (FAULT.test(first.text)) this.fail('POST /channels/twilio/voice', p, 'the caller heard the fault message');
    const action = /<Gather[^>]*action="([^"]+)"/.exec(first.text)?.[1]?.replace(/&amp;/g, '&');
    if (!action) return; // not in service, or hung up: nothing to answer
    const path = p.query !== undefined ? `${action.split('?')[0]}?${p.query}` : action;
    const params: Record<string, string> = { ...base };
    if (p.speech !== undefined) params.SpeechResult = wellFormed(p.speech);
    if (p.digits !== undefined) params.Digits = wellFormed(p.digits);
    if (p.confidence !== undefined) params.Confidence = p.confidence;
    const res = await this.signedPost('POST /channels/twilio/voice/gather', path, params, 'good', p);
    // A fuzzed query may be refused (a NUL in the address is a 400 problem); what Twilio sends is answered with TwiML.
    if (res.status >= 400 && p.query !== undefined) return;
    if (res.status !== 200 || !/^<\?xml|<Response/.test(res.text)) this.fail('POST /channels/twilio/voice/gather', p, `not TwiML (${res.status})`);
    if (FAULT.test(res.text)) this.fail('POST /channels/twilio/voice/gather', p, 'the caller heard the fault message');
    const rows = await this.target.db.selectFrom('messages').select('id').where('tenant_id', '=', this.target.tenant).where('channel', '=', 'voice').where('direction', '=', 'in').where('provider_message_id', 'like', `${callSid}:%`).execute();
    if (rows.length > 1) this.fail('POST /channels/twilio/voice/gather', p, `one answer stored ${rows.length} times`);
  }

  /**
   * After the load: every accepted SMS is stored and answered (a reply row, no fault apology), and
   * no SMS the stand-in sent carries another resident's canary. Returns the problems found.
   */
  async settle(timeoutMs = 60_000): Promise<string[]> {
    const problems: string[] = [];
    const until = Date.now() + timeoutMs;
    const sids = [...new Set(this.acceptedSms.map((a) => a.sid))];
    let pending: string[] = sids;
    while (pending.length && Date.now() < until) {
      const rows = sids.length
        ? await this.target.db.selectFrom('messages').select(['provider_message_id', 'processed_at']).where('tenant_id', '=', this.target.tenant).where('channel', '=', 'sms').where('direction', '=', 'in').where('provider_message_id', 'in', pending).execute()
        : [];
      const done = new Set(rows.filter((r) => r.processed_at).map((r) => r.provider_message_id));
      pending = pending.filter((s) => !done.has(s));
      if (pending.length) await new Promise((r) => setTimeout(r, 200));
    }
    for (const sid of pending) {
      this.unanswered++;
      problems.push(`SMS ${sid} was not answered within ${timeoutMs} ms`);
    }
    for (const sid of sids) {
      const row = await this.target.db.selectFrom('messages').select('id').where('tenant_id', '=', this.target.tenant).where('channel', '=', 'sms').where('direction', '=', 'in').where('provider_message_id', '=', sid).executeTakeFirst();
      if (!row) {
        this.lost++;
        problems.push(`SMS ${sid} lost`);
        continue;
      }
      const replies = await this.target.db.selectFrom('messages').select('text').where('reply_to', '=', row.id).where('direction', '=', 'out').execute();
      if (replies.some((m) => FAULT.test(m.text))) problems.push(`SMS ${sid} was answered with the fault apology`);
    }
    for (const sent of this.target.smsSent()) {
      const mine = this.sms.find((r) => r.phone === sent.to)?.canary;
      for (const c of this.allCanaries()) {
        if (c !== mine && sent.body.includes(c)) {
          this.leaks++;
          problems.push(`an SMS to ${sent.to} carries another resident's text (${c})`);
        }
      }
    }
    for (const p of problems) this.violations.push({ endpoint: 'settle', input: '', problem: p });
    return problems;
  }
}

/** What a form body carries of a string: URLSearchParams sends lone surrogates as U+FFFD, as browsers and Twilio do. */
function wellFormed(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}

function canary(): string {
  return `zq${randomBytes(6).toString('hex')}`;
}

function smsSid(): string {
  return `SM${(Date.now().toString(16) + (++sidCounter).toString(16).padStart(8, '0') + randomBytes(2).toString('hex')).padStart(32, '0').slice(-32)}`;
}
