/**
 * The Meta webhook's HTTP side, one for WhatsApp, Messenger and Instagram: the subscription
 * handshake (GET: hub.mode=subscribe, the verify token, hub.challenge echoed), and for a delivery
 * (POST) the raw body checked against X-Hub-Signature-256 (HMAC-SHA256 with the app secret) and
 * parsed as JSON before the channel reads it. Refused: 403 for a missing or wrong signature or
 * token, 400 for a body that is not JSON.
 */
import express, { Router, type Request, type Response } from 'express';
import { sendProblem } from '../http.js';
import { sameToken, signedByMeta } from './signature.js';

/** Meta's own limit for a webhook delivery is far lower; this only bounds what is buffered. */
const BODY_LIMIT = '3mb';

/** The raw body express.raw kept (empty when there was none). */
export const rawOf = (req: Request): Buffer => (Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));

export function metaWebhookRouter(config: { appSecret: string; verifyToken: string }, onDelivery: (json: unknown, res: Response) => Promise<void> | void): Router {
  const router = Router();

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
    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      return sendProblem(res, 400, 'Malformed JSON', 'The request body is not valid JSON.');
    }
    await onDelivery(json, res);
  });

  return router;
}
