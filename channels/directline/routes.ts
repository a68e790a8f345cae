/**
 * Direct Line 3.0's REST side, mounted at /v3/directline as Microsoft's service is (so a client
 * needs only its `domain` changed):
 *   POST /tokens/generate            Bearer <council secret>, body {user?:{id,name}} → {conversationId, token, expires_in}
 *   POST /tokens/refresh             Bearer <token> → the same, with a fresh token for the same conversation
 *   POST /conversations              Bearer <secret or token> → 201 {conversationId, token, expires_in, streamUrl} (200 when the token's conversation had started)
 *   GET  /conversations/:id          ?watermark= → the conversation again with a fresh streamUrl (a reconnect)
 *   POST /conversations/:id/activities   a message (text, a button's value, attachments) or typing → {id}
 *   GET  /conversations/:id/activities   ?watermark= → {activities, watermark} (polling)
 *   POST /conversations/:id/upload       files, multipart with an `activity` part (upload.ts) → {id}
 * A secret opens any conversation of its council; a token only its own. Failures are RFC 9457
 * problem details that also carry Direct Line's own `{error: {code, message}}`: 401 without a
 * Bearer credential, 403 for a wrong or expired one (DirectLineJS treats 403 as an expired token),
 * 404 for a conversation that is not there, 400 for a body that is not an activity, 429 (with
 * Retry-After) past 30 messages a minute in one conversation. CORS is open:
 * councils embed Web Chat on their own sites, and the credential is a header, never a cookie.
 */
import { randomUUID } from 'node:crypto';
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import { greeting, normaliseInboundText } from '../../bot/index.js';
import {
  activitiesAfter,
  createDirectLineConversation,
  DIRECTLINE_CHANNEL,
  findDirectLineConversation,
  logInbound,
  startDirectLineConversation,
  type DirectLineConversation,
} from '../../store/index.js';
import { acceptInbound, ProviderIdReused } from '../accept.js';
import type { ChannelDeps } from '../adapter.js';
import { activityId, inboundActivity, readMessage, toActivity, typingActivity, type Activity, type BotAccount } from './activities.js';
import type { DirectLineConfig } from './config.js';
import type { StreamHub } from './stream.js';
import { acceptUpload, UploadProblem } from './upload.js';
import { secretMatches, signToken, tokenTenant, verifyToken, type TokenClaims } from './tokens.js';

/** A stream token opens its stream within this long; the open stream then stays. */
const STREAM_TOKEN_TTL_SECONDS = 120;
/**
 * Messages (and uploads) one conversation may send a minute, in this process: a token is held by
 * an anonymous browser, and each message runs a turn. Past it, 429 with Retry-After, which
 * DirectLineJS waits for before it retries.
 */
const MESSAGES_PER_MINUTE = 30;

/** A sliding minute of message times per conversation. */
class ConversationLimiter {
  private readonly sent = new Map<string, number[]>();
  /** Seconds to wait, or 0 when the message may go now (and is counted). */
  take(conversationId: string, now: number): number {
    const recent = (this.sent.get(conversationId) ?? []).filter((t) => now - t < 60_000);
    if (recent.length >= MESSAGES_PER_MINUTE) {
      this.sent.set(conversationId, recent);
      return Math.max(1, Math.ceil((recent[0] + 60_000 - now) / 1000));
    }
    recent.push(now);
    this.sent.set(conversationId, recent);
    if (this.sent.size > 10_000) for (const [id, times] of this.sent) if (!times.some((t) => now - t < 60_000)) this.sent.delete(id);
    return 0;
  }
}

export interface DirectLineContext {
  deps: ChannelDeps;
  config: DirectLineConfig;
  hub: StreamHub;
  bot(tenant: string): BotAccount;
  /** Publishes the conversation's stored replies (the adapter's dispatch). */
  publish(tenant: string, conversationId: string): Promise<void>;
}

type Caller = { kind: 'secret'; tenant: string } | { kind: 'token'; tenant: string; claims: TokenClaims; token: string };

class DirectLineProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
  ) {
    super(detail);
  }
}

function sendDirectLineProblem(res: Response, p: DirectLineProblem): void {
  res
    .status(p.status)
    .type('application/problem+json')
    .json({
      type: `https://council-assistant.dev/problems/${p.title.toLowerCase().replace(/[^a-z]+/g, '-')}`,
      title: p.title,
      status: p.status,
      detail: p.detail,
      // Direct Line's own error shape, for Microsoft's clients and tools.
      error: { code: p.code, message: p.detail },
    });
}

const unauthorised = () => new DirectLineProblem(401, 'BadArgument', 'Unauthorised', 'Send the Direct Line secret or token as "Authorization: Bearer <secret or token>".');
const forbidden = (detail: string, code = 'BadArgument') => new DirectLineProblem(403, code, 'Forbidden', detail);
const notFound = (id: string) => new DirectLineProblem(404, 'BadArgument', 'Conversation not found', `There is no Direct Line conversation "${id.slice(0, 80)}".`);
const badRequest = (detail: string) => new DirectLineProblem(400, 'BadArgument', 'Invalid activity', detail);

const generateBody = z
  .object({ user: z.object({ id: z.string().min(1).max(128).optional(), name: z.string().max(256).optional() }).loose().optional() })
  .loose();

export function directLineRoutes(ctx: DirectLineContext): Router {
  const { deps, config } = ctx;
  const router = Router();
  const limiter = new ConversationLimiter();
  const limit = (res: Response, conversationId: string) => {
    const wait = limiter.take(conversationId, deps.clock().getTime());
    if (!wait) return;
    res.setHeader('Retry-After', String(wait));
    throw new DirectLineProblem(429, 'Throttled', 'Too many messages', `This conversation is sending messages faster than anyone types: wait ${wait} s.`);
  };

  router.use((req, res, next) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, Accept, x-ms-bot-agent, x-requested-with');
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    res.setHeader('Access-Control-Max-Age', '600');
    res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
    res.setHeader('Cache-Control', 'no-store');
    if (req.method === 'OPTIONS') return void res.status(204).end();
    next();
  });
  // Every body is JSON but an upload's (multipart, read by upload.ts).
  router.use(express.json({ limit: '64kb', type: (req) => !/^multipart\//i.test(String(req.headers['content-type'] ?? '')) }));

  /** Who is calling: a council's secret, or a valid token (expired or forged ones are refused). */
  function caller(req: Request): Caller {
    const header = req.get('authorization') ?? '';
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m) throw unauthorised();
    const given = m[1];
    for (const [tenant, secret] of config.secrets) if (secretMatches(given, secret)) return { kind: 'secret', tenant };
    const tenant = tokenTenant(given);
    const secret = tenant ? config.secrets.get(tenant) : undefined;
    if (!tenant || !secret) throw forbidden('The secret or token is not valid here.');
    const check = verifyToken(secret, given, deps.clock());
    if (!check.ok) throw check.reason === 'expired' ? forbidden('The token has expired: refresh it before it does, or start again with a new one.', 'TokenExpired') : forbidden('The secret or token is not valid here.');
    return { kind: 'token', tenant, claims: check.claims, token: given };
  }

  /** The conversation a caller may open: a token its own, a secret any of its council's. */
  async function conversationFor(c: Caller, id: string): Promise<DirectLineConversation> {
    if (c.kind === 'token' && c.claims.conv !== id) throw forbidden('The token belongs to another conversation.');
    const conv = await findDirectLineConversation(deps.db, id);
    if (!conv || conv.tenant !== c.tenant) throw notFound(id);
    return conv;
  }

  function tokenFor(c: Caller, conv: DirectLineConversation): { token: string; expires_in: number } {
    if (c.kind === 'token') return { token: c.token, expires_in: Math.max(0, c.claims.exp - Math.floor(deps.clock().getTime() / 1000)) };
    const { token, expiresIn } = signToken(config.secrets.get(conv.tenant)!, { tenant: conv.tenant, conv: conv.conversationId }, deps.clock(), config.tokenTtlSeconds);
    return { token, expires_in: expiresIn };
  }

  function streamUrl(req: Request, conv: DirectLineConversation, watermark: number): string {
    const origin = (deps.publicUrl() ?? `${req.protocol}://${req.get('host')}`).replace(/\/+$/, '').replace(/^http/i, 'ws');
    const { token } = signToken(config.secrets.get(conv.tenant)!, { tenant: conv.tenant, conv: conv.conversationId }, deps.clock(), STREAM_TOKEN_TTL_SECONDS);
    return `${origin}/v3/directline/conversations/${encodeURIComponent(conv.conversationId)}/stream?watermark=${watermark}&t=${token}`;
  }

  const watermarkOf = (req: Request): number => {
    const raw = req.query.watermark;
    if (raw === undefined || raw === '' || raw === '-' || raw === 'null' || raw === 'undefined') return 0;
    if (typeof raw !== 'string' || !/^\d{1,9}$/.test(raw)) throw badRequest('watermark must be the watermark a previous answer gave.');
    return Number(raw);
  };

  const route = (fn: (req: Request, res: Response) => Promise<void>) => (req: Request, res: Response, next: NextFunction) =>
    fn(req, res).catch((err: unknown) => (err instanceof DirectLineProblem ? sendDirectLineProblem(res, err) : next(err)));

  router.post(
    '/tokens/generate',
    route(async (req, res) => {
      const c = caller(req);
      if (c.kind !== 'secret') throw forbidden('Generate tokens with the Direct Line secret, not a token.');
      const body = generateBody.safeParse(req.body ?? {});
      if (!body.success) throw badRequest(body.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      const conv = await createDirectLineConversation(deps.db, c.tenant);
      const userId = body.data.user?.id;
      const { token, expiresIn } = signToken(config.secrets.get(c.tenant)!, { tenant: c.tenant, conv: conv.conversationId, ...(userId ? { user: userId } : {}) }, deps.clock(), config.tokenTtlSeconds);
      res.json({ conversationId: conv.conversationId, token, expires_in: expiresIn });
    }),
  );

  router.post(
    '/tokens/refresh',
    route(async (req, res) => {
      const c = caller(req);
      if (c.kind !== 'token') throw forbidden('Refresh a token, not the secret: the secret does not expire.');
      const conv = await conversationFor(c, c.claims.conv);
      const { token, expiresIn } = signToken(config.secrets.get(c.tenant)!, { tenant: c.tenant, conv: conv.conversationId, ...(c.claims.user ? { user: c.claims.user } : {}) }, deps.clock(), config.tokenTtlSeconds);
      res.json({ conversationId: conv.conversationId, token, expires_in: expiresIn });
    }),
  );

  router.post(
    '/conversations',
    route(async (req, res) => {
      const c = caller(req);
      const conv = c.kind === 'token' ? await conversationFor(c, c.claims.conv) : await createDirectLineConversation(deps.db, c.tenant);
      const hello = greeting(deps.assistant.runtime(conv.tenant).pack.settings);
      const first = await startDirectLineConversation(deps.db, conv.tenant, conv.conversationId, { text: hello.text, parts: hello }, deps.clock());
      if (first) await ctx.publish(conv.tenant, conv.conversationId);
      res.status(first ? 201 : 200).json({ conversationId: conv.conversationId, ...tokenFor(c, conv), streamUrl: streamUrl(req, conv, 0) });
    }),
  );

  router.get(
    '/conversations/:id',
    route(async (req, res) => {
      const c = caller(req);
      const conv = await conversationFor(c, String(req.params.id));
      res.json({ conversationId: conv.conversationId, ...tokenFor(c, conv), streamUrl: streamUrl(req, conv, watermarkOf(req)) });
    }),
  );

  router.get(
    '/conversations/:id/activities',
    route(async (req, res) => {
      const c = caller(req);
      const conv = await conversationFor(c, String(req.params.id));
      res.json(await readActivities(ctx, conv, watermarkOf(req)));
    }),
  );

  router.post(
    '/conversations/:id/activities',
    route(async (req, res) => {
      const c = caller(req);
      const conv = await conversationFor(c, String(req.params.id));
      const parsed = inboundActivity.safeParse(req.body);
      if (!parsed.success) throw badRequest(parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
      const activity = parsed.data;
      if (activity.type !== 'message') {
        // Typing and events are acknowledged and not kept: nothing for the assistant to answer.
        res.json({ id: `${conv.conversationId}|${activity.type}-${randomUUID().slice(0, 8)}` });
        return;
      }
      const read = readMessage(activity);
      if ('problem' in read) throw badRequest(read.problem);
      limit(res, conv.conversationId);
      const fromId = (c.kind === 'token' && c.claims.user) || activity.from?.id || 'resident';
      const clientId = activity.channelData?.clientActivityID ?? activity.id;
      const now = deps.clock();
      const accepted = await acceptInbound(deps, {
        tenant: conv.tenant,
        channel: DIRECTLINE_CHANNEL,
        channelUserId: conv.channelUserId,
        // A client's id is unique within its conversation only: scoped to it. Without one, never a duplicate.
        providerMessageId: clientId ? `${conv.conversationId}:${clientId}` : `${conv.conversationId}:${randomUUID()}`,
        text: normaliseInboundText(read.text),
        ...(read.attachments.length ? { attachments: read.attachments } : {}),
        receivedAt: now,
        // One Direct Line conversation is one of ours, closed or not (a message after a close starts afresh in it).
        reuse: () => true,
        details: () => ({
          directline: {
            from: { id: fromId.slice(0, 128), ...(activity.from?.name ? { name: activity.from.name.slice(0, 128) } : {}) },
            ...(clientId ? { clientActivityID: clientId } : {}),
            ...(activity.value !== undefined && !activity.text ? { value: activity.value } : {}),
          },
        }),
      }).catch((err: unknown) => {
        if (err instanceof ProviderIdReused) throw badRequest('That activity id was already used by another conversation.');
        throw err;
      });
      // The echo first (Web Chat marks the message sent when it reads it back), then the assistant is typing.
      const seq = await logInbound(deps.db, conv.tenant, conv.conversationId, accepted.stored.message.id);
      ctx.hub.wake(conv.conversationId);
      res.json({ id: seq ? activityId(conv.conversationId, seq) : `${conv.conversationId}|${accepted.stored.message.id}` });
      if (accepted.stored.duplicate && accepted.stored.message.processed_at) return;
      ctx.hub.typing(conv.conversationId, typingActivity(conv.conversationId, ctx.bot(conv.tenant)));
      // Stored before the answer; a turn lost here is answered by the recovery sweep, and its replies published by ours.
      void accepted.answer().catch((err: unknown) => deps.log.error({ err, tenant: conv.tenant }, 'Direct Line turn failed after the activity was accepted'));
    }),
  );

  router.post(
    '/conversations/:id/upload',
    route(async (req, res) => {
      const c = caller(req);
      const conv = await conversationFor(c, String(req.params.id));
      limit(res, conv.conversationId);
      let answer: { id: string };
      try {
        answer = await acceptUpload(deps, conv, req, c.kind === 'token' ? c.claims.user : undefined);
      } catch (err) {
        if (!(err instanceof UploadProblem)) throw err;
        if (err.status === 413) res.setHeader('Connection', 'close'); // the rest of the body is not read
        throw new DirectLineProblem(err.status, err.status === 413 ? 'MessageSizeTooBig' : 'BadArgument', err.title, err.detail);
      }
      ctx.hub.wake(conv.conversationId);
      await ctx.publish(conv.tenant, conv.conversationId);
      res.json(answer);
    }),
  );

  router.use((_req: Request, res: Response) => sendDirectLineProblem(res, new DirectLineProblem(404, 'NotFound', 'Not found', 'There is no such Direct Line endpoint.')));
  // A body that is not JSON (express.json's error) is a bad request, as Direct Line answers it.
  router.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    const e = err as { type?: string; status?: number };
    if (e?.type === 'entity.parse.failed') return sendDirectLineProblem(res, badRequest('The body is not valid JSON.'));
    if (e?.type === 'entity.too.large') return sendDirectLineProblem(res, new DirectLineProblem(413, 'MessageSizeTooBig', 'Activity too large', 'An activity may be at most 64 KB.'));
    next(err);
  });
  return router;
}

/** The activities after `watermark` and the new watermark (unchanged when nothing is new). */
export async function readActivities(ctx: Pick<DirectLineContext, 'deps' | 'bot'>, conv: Pick<DirectLineConversation, 'tenant' | 'conversationId'>, watermark: number): Promise<{ activities: Activity[]; watermark: string }> {
  const rows = await activitiesAfter(ctx.deps.db, conv.tenant, conv.conversationId, watermark);
  const bot = ctx.bot(conv.tenant);
  return {
    activities: rows.map((r) => toActivity(conv.conversationId, r.seq, r.message, bot)),
    watermark: String(rows.length ? rows[rows.length - 1].seq : watermark),
  };
}
