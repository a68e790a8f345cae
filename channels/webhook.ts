/**
 * A generic signed-webhook channel, defined in this one file and one registry line: any chat
 * platform (or a council's own app) can carry conversations by speaking JSON over HTTPS.
 *
 * Settings: WEBHOOK_CHANNEL_SECRET (the shared HMAC key, both ways) and WEBHOOK_CHANNEL_URL (where
 * replies are POSTed). Without both the channel is not mounted.
 *
 * In:  POST /channels/webhook/messages   {"user":"u-1","id":"m-1","text":"missed bin","tenant":"demo"?}
 *      X-Webhook-Timestamp: <unix seconds>; X-Webhook-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">
 *      202 {"conversationId","messageId","duplicate"} once the message is stored; a repeated id is a duplicate.
 * Out: POST WEBHOOK_CHANNEL_URL  {"id","tenant","conversationId","user","author","text","suggestions"?,"link"?,"card"?,"handoff"?,"notice"?}
 *      signed the same way, with Idempotency-Key: the receiver must drop a key it has seen (a delivery
 *      interrupted by a crash is sent again with the same key). 2xx: delivered; 4xx other than 408/429: refused for good.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import express, { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { OutboundMessage } from '../bot/index.js';
import { resumable } from '../store/index.js';
import { acceptInbound } from './accept.js';
import { DeliveryError, type ChannelAdapter, type ChannelDeps, type Delivery } from './adapter.js';
import { degrade } from './degrade.js';
import { sendProblem } from './http.js';

const NAME = 'webhook';
const CAPABILITIES = { buttons: true, cards: true, maxLength: 4000 };
/** A signed request older (or newer) than this is a replay, not a message. */
const MAX_SKEW_SECONDS = 300;
/** A conversation carries on while the resident is active within a day and it is not closed. */
const RESUME_WITHIN_MS = 24 * 3600 * 1000;

const inboundBody = z
  .object({
    tenant: z.string().min(1).max(64).optional(),
    user: z.string().min(1).max(128),
    id: z.string().min(1).max(128),
    text: z.string().max(4000),
  })
  .strict();

export function sign(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

function verified(secret: string, timestamp: string | undefined, signature: string | undefined, body: string, now: Date): boolean {
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > MAX_SKEW_SECONDS) return false;
  const expected = Buffer.from(sign(secret, timestamp, body));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function webhookChannel(deps: ChannelDeps): ChannelAdapter | null {
  const configuredSecret = deps.env.WEBHOOK_CHANNEL_SECRET?.trim();
  const url = deps.env.WEBHOOK_CHANNEL_URL?.trim();
  if (!configuredSecret || !url) return null;
  const secret: string = configuredSecret;
  const endpoint: string = url;

  const rawBody = (req: Request) => (Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '');
  const verify = (req: Request): boolean => verified(secret, req.get('x-webhook-timestamp'), req.get('x-webhook-signature'), rawBody(req), deps.clock());
  const render = (message: OutboundMessage & { notice?: string }) => ({
    ...degrade(message, CAPABILITIES),
    ...(message.handoff ? { handoff: message.handoff } : {}),
    ...(message.notice ? { notice: message.notice } : {}),
  });

  function routes(): Router {
    const router = Router();
    router.post('/messages', express.raw({ type: () => true, limit: '16kb' }), async (req: Request, res: Response) => {
      const raw = rawBody(req);
      if (!verify(req)) {
        return sendProblem(res, 401, 'Invalid signature', 'X-Webhook-Signature must be the HMAC-SHA256 of "<X-Webhook-Timestamp>.<body>" made within five minutes.');
      }
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        return sendProblem(res, 400, 'Malformed JSON', 'The request body is not valid JSON.');
      }
      const parsed = inboundBody.safeParse(json);
      if (!parsed.success) return sendProblem(res, 400, 'Invalid request', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      const { user, id, text } = parsed.data;
      const tenant = parsed.data.tenant ?? deps.defaultTenant;
      if (![...deps.tenantIds()].includes(tenant)) return sendProblem(res, 404, 'Unknown council', `No council "${tenant}" is served here.`);
      const now = deps.clock();
      const accepted = await acceptInbound(deps, {
        tenant,
        channel: NAME,
        channelUserId: user,
        // Scoped to the user: two users' platforms may reuse an id, and one must never be the other's duplicate.
        providerMessageId: `${user}:${id}`,
        text,
        receivedAt: now,
        reuse: (c) => resumable(c, RESUME_WITHIN_MS, now),
      });
      res.status(202).json({ conversationId: accepted.conversation.id, messageId: accepted.stored.message.id, duplicate: accepted.stored.duplicate });
      // Stored before the answer; a turn lost here is answered by the recovery sweep.
      void accepted.answer().catch((err: unknown) => deps.log.error({ err, tenant }, 'webhook turn failed after the request was answered'));
    });
    return router;
  }

  async function deliver(d: Delivery): Promise<{ providerMessageId: string }> {
    const body = JSON.stringify({ id: d.messageId, tenant: d.tenant, conversationId: d.conversationId, user: d.to, author: d.author, ...(d.payload as object) });
    const timestamp = String(Math.floor(deps.clock().getTime() / 1000));
    let res: globalThis.Response;
    try {
      res = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': d.idempotencyKey, 'x-webhook-timestamp': timestamp, 'x-webhook-signature': sign(secret, timestamp, body) },
        body,
        signal: AbortSignal.timeout(10_000),
      });
    } catch (err) {
      throw new DeliveryError(`webhook unreachable: ${String(err)}`, true);
    }
    if (!res.ok) throw new DeliveryError(`webhook answered ${res.status}`, res.status >= 500 || res.status === 408 || res.status === 429, res.status);
    const answer = (await res.json().catch(() => null)) as { id?: unknown } | null;
    return { providerMessageId: typeof answer?.id === 'string' && answer.id ? answer.id.slice(0, 200) : d.idempotencyKey };
  }

  return { name: NAME, capabilities: CAPABILITIES, routes, verify, render, deliver };
}
