import { Router, type Request, type Response } from 'express';
import {
  applyStatusCallback,
  BadTwilioRequest,
  configOf,
  EMPTY_TWIML,
  receiveSms,
  twilioWebhook,
  type SmsChannelDeps,
} from '../../channels/twilio/index.js';
import { sendProblem } from '../problem.js';

/**
 * Twilio Programmable Messaging endpoints, mounted at /channels/twilio:
 *   POST /sms     the Messaging webhook (answers empty TwiML at once; replies go by REST via jobs)
 *   POST /status  message status callbacks
 * Both refuse requests without a valid X-Twilio-Signature (computed against PUBLIC_URL + path).
 */
export function twilioSmsRoutes(deps: SmsChannelDeps): Router {
  const router = Router();
  const verify = twilioWebhook({
    authToken: () => {
      try {
        return configOf(deps)?.authToken;
      } catch {
        // Half-configured for sending (say, no TWILIO_FROM): the token still verifies requests.
        return process.env.TWILIO_AUTH_TOKEN?.trim() || undefined;
      }
    },
    publicUrl: () => deps.publicUrl?.() ?? (process.env.PUBLIC_URL?.trim() || undefined),
  });

  const twiml = (res: Response, body: string) => void res.status(200).type('text/xml').send(body);

  router.post('/sms', ...verify, async (req: Request, res: Response) => {
    try {
      const outcome = await receiveSms(deps, req.body ?? {});
      twiml(res, outcome.twiml);
      if (outcome.after) {
        void outcome.after().catch((err: unknown) => deps.log.error({ err }, 'SMS turn failed after the webhook was answered'));
      }
    } catch (err) {
      if (err instanceof BadTwilioRequest) return sendProblem(res, 400, 'Invalid Twilio request', err.message);
      throw err;
    }
  });

  router.post('/status', ...verify, async (req: Request, res: Response) => {
    try {
      const tenant = typeof req.query.tenant === 'string' ? req.query.tenant : undefined;
      await applyStatusCallback(deps, req.body ?? {}, tenant);
      twiml(res, EMPTY_TWIML);
    } catch (err) {
      if (err instanceof BadTwilioRequest) return sendProblem(res, 400, 'Invalid Twilio request', err.message);
      throw err;
    }
  });

  return router;
}

export { registerSmsJobs, createSmsDispatcher, type SmsChannelDeps } from '../../channels/twilio/index.js';
