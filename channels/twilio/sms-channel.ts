/**
 * The SMS channel adapter (Twilio Programmable Messaging), mounted at /channels/twilio:
 *   POST /sms     the Messaging webhook (answers empty TwiML at once; replies go by REST via jobs)
 *   POST /status  message status callbacks
 * Both refuse requests without a valid X-Twilio-Signature (computed against PUBLIC_URL + path).
 * Replies leave through its own outbox (sms-sender.ts: order, segments, opt-outs, a lookup at
 * Twilio before anything left 'dispatching' by a crash is sent again).
 */
import { Router, type Request, type Response } from 'express';
import type { ChannelAdapter, ChannelDeps } from '../adapter.js';
import { ProviderIdReused } from '../accept.js';
import { sendProblem } from '../http.js';
import { applyStatusCallback, BadTwilioRequest, EMPTY_TWIML, receiveSms } from './sms-inbound.js';
import { configOf, createSmsDispatcher, registerSmsJobs, sweepSmsOutbox, type SmsChannelDeps } from './sms-sender.js';
import { signedByTwilio, twilioWebhook, type TwilioWebhookDeps } from './signature.js';
import { renderSms } from './sms-render.js';
import { twilioConfigFromEnv } from './config.js';

/**
 * Checked at start: a half or malformed Twilio configuration stops the start with every problem
 * listed (TwilioConfigError), instead of accepting texts and failing every reply silently.
 */
export function smsChannel(deps: ChannelDeps): ChannelAdapter {
  const config = twilioConfigFromEnv(deps.env);
  if (config) {
    deps.log.warn(
      { accountSid: config.accountSid, from: config.from, api: config.apiBaseUrl },
      'Twilio is configured (format checked); the credentials are untested until the first send: watch the log for "SMS could not be sent"',
    );
  } else {
    deps.log.info({}, 'Twilio is not configured: texts are refused at the webhook and replies are not sent');
  }
  const sms: SmsChannelDeps = {
    db: deps.db,
    assistant: deps.assistant,
    jobs: deps.jobs,
    log: deps.log,
    defaultTenant: deps.defaultTenant,
    tenantIds: deps.tenantIds,
    publicUrl: deps.publicUrl,
    clock: deps.clock,
  };
  const dispatch = createSmsDispatcher(sms);
  return {
    name: 'sms',
    mountPath: '/channels/twilio',
    capabilities: { buttons: false, cards: false, maxLength: 918 },
    routes: () => twilioSmsRoutes(sms),
    verify: (req) => signedByTwilio(req, smsSigning(sms)),
    // The body as sent (numbered options, GSM-7 where possible, three segments at most).
    render: (message) => renderSms(message).body,
    dispatch,
    sweep: (tenants) => sweepSmsOutbox(sms, tenants),
    registerJobs: (jobs) => registerSmsJobs(jobs, sms),
  };
}

/** The auth token and public origin Twilio signs SMS webhooks with. */
function smsSigning(deps: SmsChannelDeps): TwilioWebhookDeps {
  return {
    authToken: () => {
      try {
        return configOf(deps)?.authToken;
      } catch {
        // Half-configured for sending (say, no TWILIO_FROM): the token still verifies requests.
        return process.env.TWILIO_AUTH_TOKEN?.trim() || undefined;
      }
    },
    publicUrl: () => deps.publicUrl?.() ?? (process.env.PUBLIC_URL?.trim() || undefined),
  };
}

export function twilioSmsRoutes(deps: SmsChannelDeps): Router {
  const router = Router();
  const verify = twilioWebhook(smsSigning(deps));

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
      // A MessageSid already stored for another number: refused (Twilio does not retry a 4xx), never merged.
      if (err instanceof ProviderIdReused) return sendProblem(res, 409, 'Message id already used', err.message);
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
