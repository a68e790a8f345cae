import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import twilio from 'twilio';
import { sendProblem } from '../http.js';

/**
 * True when the request carries a valid X-Twilio-Signature. The URL signed is the public one
 * (PUBLIC_URL + the path and query as received), so TLS offload or a proxy changing the host
 * does not break validation; req.body must hold every form field as posted.
 */
export function verifyTwilioRequest(req: Request, authToken: string, publicUrl: string): boolean {
  const signature = req.header('x-twilio-signature');
  if (!signature || !authToken) return false;
  const url = publicUrl.replace(/\/+$/, '') + req.originalUrl;
  const params = req.method === 'GET' ? {} : ((req.body ?? {}) as Record<string, unknown>);
  return twilio.validateRequest(authToken, signature, url, params);
}

export interface TwilioWebhookDeps {
  /** Read per request so configuration (and tests) can change it without a restart. Default: TWILIO_AUTH_TOKEN. */
  authToken: () => string | undefined;
  /** PUBLIC_URL, the origin Twilio is configured to call. Default: PUBLIC_URL; without it, the request's own origin. */
  publicUrl: () => string | undefined;
}

const fromEnv = (key: string) => () => process.env[key]?.trim() || undefined;

/** True when the request is signed with the configured token for the public URL (the middleware's test, for the channel seam). */
export function signedByTwilio(req: Request, deps: Partial<TwilioWebhookDeps>): boolean {
  const authToken = (deps.authToken ?? fromEnv('TWILIO_AUTH_TOKEN'))();
  const publicUrl = (deps.publicUrl ?? fromEnv('PUBLIC_URL'))() ?? `${req.protocol}://${req.get('host')}`;
  return !!authToken && verifyTwilioRequest(req, authToken, publicUrl);
}

/** What the resident said or typed: normalised and stored, never refused for its characters. */
const FREE_TEXT = new Set(['Body', 'SpeechResult', 'UnstableSpeechResult', 'Digits']);
// NUL, other C0 controls but tab and line breaks, DEL, and lone surrogates: nothing Twilio puts in an id or a number.
const NOT_AN_IDENTIFIER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first parameter (other than free text) holding characters no Twilio id, number or status has. */
function malformedParameter(params: Record<string, unknown>): string | undefined {
  for (const [key, value] of Object.entries(params)) {
    if (FREE_TEXT.has(key)) continue;
    const values = Array.isArray(value) ? value : [value];
    if (values.some((v) => typeof v === 'string' && NOT_AN_IDENTIFIER.test(v))) return key;
  }
  return undefined;
}

/**
 * Express middleware for Twilio webhooks: parses the form body (keeping every field: Twilio
 * adds parameters without notice and all of them are signed), then refuses unsigned or
 * wrongly signed requests with a 403 problem, and a 503 when no auth token is configured; a signed
 * request whose ids or numbers hold control characters is a 400 (the store cannot hold them).
 */
export function twilioWebhook(options: Partial<TwilioWebhookDeps> = {}): RequestHandler[] {
  const deps: TwilioWebhookDeps = { authToken: options.authToken ?? fromEnv('TWILIO_AUTH_TOKEN'), publicUrl: options.publicUrl ?? fromEnv('PUBLIC_URL') };
  return [
    express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 1000 }),
    (req: Request, res: Response, next: NextFunction) => {
      const authToken = deps.authToken();
      if (!authToken) {
        return sendProblem(res, 503, 'Twilio not configured', 'TWILIO_AUTH_TOKEN is not set, so Twilio webhooks cannot be verified and are refused.');
      }
      if (!req.header('x-twilio-signature')) {
        return sendProblem(res, 403, 'Forbidden', 'The X-Twilio-Signature header is missing.');
      }
      if (!signedByTwilio(req, deps)) {
        return sendProblem(res, 403, 'Forbidden', 'The X-Twilio-Signature header does not match this request.');
      }
      const bad = malformedParameter((req.body ?? {}) as Record<string, unknown>);
      if (bad) return sendProblem(res, 400, 'Invalid Twilio request', `The ${bad} parameter holds characters no Twilio value has.`);
      next();
    },
  ];
}
