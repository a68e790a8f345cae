/**
 * Messenger and Instagram deliveries on the council's one Meta webhook (/channels/meta/webhook):
 * `page` and `instagram` objects, each entry's messaging events (messenger-inbound.ts), stored,
 * answered 200 "EVENT_RECEIVED", then the turns. Where WhatsApp is configured its router owns the
 * webhook (signature, handshake) and hands these objects here (`MetaObjectHandler`); where only
 * Messenger is, `messengerRoutes` serves the same webhook itself, with the same checks.
 */
import express, { Router, type Request, type Response } from 'express';
import { sendProblem } from '../http.js';
import { receiveMessaging, type MessagingDeps } from './messenger-inbound.js';
import type { MessagingPlatform } from './messenger-render.js';
import { sameToken, signedByMeta } from './signature.js';
import { messagingEntries } from './webhook-body.js';

const BODY_LIMIT = '3mb';
const OBJECTS: Record<string, MessagingPlatform> = { page: 'messenger', instagram: 'instagram' };

/** What the WhatsApp router hands a signed, parsed delivery of another object to. */
export interface MetaObjectHandler {
  handles(object: string): boolean;
  /** Stores the delivery, answers Meta, then runs the turns. */
  receive(json: { object: string; entry: unknown }, res: Response): Promise<void>;
}

function issues(list: { path: PropertyKey[]; message: string }[]): string {
  return list
    .slice(0, 5)
    .map((i) => `${['entry', ...i.path.map(String)].join('.')}: ${i.message}`)
    .join('; ');
}

export function messagingWebhook(deps: MessagingDeps): MetaObjectHandler {
  return {
    handles: (object) => object in OBJECTS,
    async receive(json, res) {
      const platform = OBJECTS[json.object];
      const entries = messagingEntries.safeParse(json.entry);
      if (!entries.success) return sendProblem(res, 400, `Invalid ${platform === 'instagram' ? 'Instagram' : 'Messenger'} webhook`, issues(entries.error.issues));
      // Stored before Meta hears back (a failure here is a 500: Meta delivers it again).
      const outcome = await receiveMessaging(deps, platform, entries.data);
      res.status(200).type('text/plain').send('EVENT_RECEIVED');
      void outcome.after().catch((err: unknown) => deps.log.error({ err }, `${platform} turns failed after the webhook was answered`));
    },
  };
}

const rawOf = (req: Request): Buffer => (Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));

/** The Meta webhook when Messenger is configured and WhatsApp is not. */
export function messengerRoutes(deps: MessagingDeps, handler: MetaObjectHandler): Router {
  const router = Router();
  const { config } = deps;

  router.get('/webhook', (req: Request, res: Response) => {
    const challenge = req.query['hub.challenge'];
    if (req.query['hub.mode'] === 'subscribe' && sameToken(config.verifyToken, req.query['hub.verify_token']) && typeof challenge === 'string' && /^[\w.-]{1,512}$/.test(challenge)) {
      return void res.status(200).type('text/plain').send(challenge);
    }
    sendProblem(res, 403, 'Forbidden', 'hub.mode must be "subscribe", hub.verify_token must be the configured verify token, and hub.challenge given.');
  });

  router.post('/webhook', express.raw({ type: () => true, limit: BODY_LIMIT }), async (req: Request, res: Response) => {
    const raw = rawOf(req);
    const signature = req.get('x-hub-signature-256');
    if (!signature) return sendProblem(res, 403, 'Forbidden', 'The X-Hub-Signature-256 header is missing.');
    if (!signedByMeta(config.appSecret, raw, signature)) return sendProblem(res, 403, 'Forbidden', 'X-Hub-Signature-256 is not the HMAC-SHA256 of this body with the app secret.');
    let json: { object?: unknown; entry?: unknown };
    try {
      json = JSON.parse(raw.toString('utf8')) as typeof json;
    } catch {
      return sendProblem(res, 400, 'Malformed JSON', 'The request body is not valid JSON.');
    }
    if (typeof json?.object !== 'string' || !Array.isArray(json.entry)) return sendProblem(res, 400, 'Invalid Meta webhook', 'object (a string) and entry (an array) are required.');
    if (handler.handles(json.object)) return handler.receive({ object: json.object, entry: json.entry }, res);
    deps.log.warn({ object: json.object }, 'Meta webhook for an object this server does not handle (WhatsApp is not configured): acknowledged, not processed');
    res.status(200).type('text/plain').send('EVENT_RECEIVED');
  });

  return router;
}
