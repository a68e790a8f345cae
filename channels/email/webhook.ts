/**
 * The inbound-mail webhook, for relays that post mail rather than speak SMTP (mounted at
 * /channels/email when EMAIL_WEBHOOK_SECRET is set):
 *
 *   POST /channels/email/inbound
 *   X-Email-Timestamp: <unix seconds>
 *   X-Email-Signature: sha256=<hex HMAC-SHA256, keyed with EMAIL_WEBHOOK_SECRET, of "<timestamp>.<raw body>">
 *   {"recipient": "contact@merebrook.gov.uk", "sender": "resident@example.net" (optional: SMTP's
 *    MAIL FROM, "" for the null sender), "raw": "<the whole RFC 5322 message>", "encoding": "base64" | "utf8" (default utf8)}
 *
 * 202 {"outcome", "conversationId"?, "messageId"} once the mail is stored (or recorded as not to be
 * answered; a repeat answers "duplicate"). 401 bad or stale signature (five minutes either way),
 * 400 malformed JSON or fields, 404 a recipient no council lists, 413 too large, 500 (try again)
 * when it could not be stored. A refused request stores nothing.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import { sendProblem } from '../http.js';
import type { IncomingMail, MailOutcome } from './inbound.js';

const MAX_SKEW_SECONDS = 300;

const body = z
  .object({
    recipient: z.string().trim().min(3).max(320),
    sender: z.string().trim().max(320).optional(),
    raw: z.string().min(1),
    encoding: z.enum(['base64', 'utf8']).default('utf8'),
  })
  .strict();

export function signEmailWebhook(secret: string, timestamp: string, raw: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${raw}`).digest('hex')}`;
}

function verified(secret: string, timestamp: string | undefined, signature: string | undefined, raw: string, now: Date): boolean {
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > MAX_SKEW_SECONDS) return false;
  const expected = Buffer.from(signEmailWebhook(secret, timestamp, raw));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface EmailWebhookDeps {
  secret: string;
  maxBytes: number;
  clock: () => Date;
  councilOf: (address: string) => string | null;
  receive: (mail: IncomingMail) => Promise<MailOutcome>;
  log: { error: (o: object, m: string) => void };
}

export function emailWebhookRouter(deps: EmailWebhookDeps): Router {
  const router = Router();
  // base64 makes the body about 4/3 of the mail, plus the JSON around it.
  const limit = Math.ceil(deps.maxBytes * 1.4) + 64 * 1024;
  router.post('/inbound', express.raw({ type: () => true, limit }), async (req: Request, res: Response) => {
    const raw = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    if (!verified(deps.secret, req.get('x-email-timestamp'), req.get('x-email-signature'), raw, deps.clock())) {
      return sendProblem(res, 401, 'Invalid signature', 'X-Email-Signature must be sha256= and the HMAC-SHA256 of "<X-Email-Timestamp>.<body>" with the shared secret, made within five minutes.');
    }
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return sendProblem(res, 400, 'Malformed JSON', 'The request body is not valid JSON.');
    }
    const parsed = body.safeParse(json);
    if (!parsed.success) return sendProblem(res, 400, 'Invalid request', parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
    const { recipient, sender, encoding } = parsed.data;
    const tenant = deps.councilOf(recipient);
    if (!tenant) return sendProblem(res, 404, 'Unknown recipient', 'No council here lists this address (channels.email.addresses).');
    const mail = encoding === 'base64' ? Buffer.from(parsed.data.raw, 'base64') : Buffer.from(parsed.data.raw, 'utf8');
    if (encoding === 'base64' && !/^[A-Za-z0-9+/=\r\n]+$/.test(parsed.data.raw)) return sendProblem(res, 400, 'Invalid request', 'raw: not base64');
    if (mail.length > deps.maxBytes) return sendProblem(res, 413, 'Message too large', `The mail is larger than ${deps.maxBytes} bytes.`);
    if (!/^[\x21-\x39\x3b-\x7e]{1,76}:/m.test(mail.subarray(0, 4096).toString('latin1'))) return sendProblem(res, 400, 'Invalid request', 'raw: not an e-mail message (no header lines)');
    let outcome: MailOutcome;
    try {
      outcome = await deps.receive({ tenant, councilAddress: recipient.toLowerCase(), envelopeFrom: sender, raw: mail });
    } catch (err) {
      deps.log.error({ err: String(err), tenant }, 'an e-mail posted to the webhook could not be stored');
      return sendProblem(res, 500, 'Not stored', 'The mail could not be stored; send it again.');
    }
    res.status(202).json({ outcome: outcome.outcome, messageId: outcome.messageId, ...(outcome.conversationId ? { conversationId: outcome.conversationId } : {}) });
    void outcome.after();
  });
  // The body parser's refusals (too large, unreadable) as problem details.
  router.use((err: { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    if (err.status === 413) return sendProblem(res, 413, 'Message too large', 'The request body is larger than this server accepts.');
    sendProblem(res, err.status && err.status >= 400 && err.status < 500 ? err.status : 400, 'Invalid request', 'The request body could not be read.');
  });
  return router;
}
