/**
 * Messenger and Instagram deliveries on the council's one Meta webhook (/channels/meta/webhook):
 * `page` and `instagram` objects, each entry's messaging events (messenger-inbound.ts), stored,
 * answered 200 "EVENT_RECEIVED", then the turns. Where WhatsApp is configured its router owns the
 * webhook (signature, handshake) and hands these objects here (`MetaObjectHandler`); where only
 * Messenger is, `messengerRoutes` serves the same webhook itself, with the same checks.
 */
import type { Router, Response } from 'express';
import { sendProblem } from '../http.js';
import { receiveMessaging, type MessagingDeps } from './messenger-inbound.js';
import type { MessagingPlatform } from './messenger-render.js';
import { metaWebhookRouter } from './webhook-router.js';
import { messagingEntries } from './webhook-body.js';

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

export function messengerRoutes(deps: MessagingDeps, handler: MetaObjectHandler): Router {
  return metaWebhookRouter(deps.config, (body, res) => {
    const json = body as { object?: unknown; entry?: unknown } | null;
    if (typeof json?.object !== 'string' || !Array.isArray(json.entry)) return sendProblem(res, 400, 'Invalid Meta webhook', 'object (a string) and entry (an array) are required.');
    if (handler.handles(json.object)) return handler.receive({ object: json.object, entry: json.entry }, res);
    deps.log.warn({ object: json.object }, 'Meta webhook for an object this server does not handle (WhatsApp is not configured): acknowledged, not processed');
    res.status(200).type('text/plain').send('EVENT_RECEIVED');
  });
}
