/**
 * The telephone channel adapter: Twilio Voice webhooks answered with TwiML (voice-channel.ts holds
 * the call flow). Nothing is pushed to a caller after the call; texts during a call go by voice-sms.ts.
 */
import { Router, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type { Assistant } from '../../../bot/index.js';
import type { Store } from '../../../store/index.js';
import type { ChannelAdapter, ChannelDeps } from '../../adapter.js';
import { signedByTwilio, twilioWebhook } from '../signature.js';
import { renderReplies } from './speakable.js';
import { VoiceChannel, type TwilioParams, type VoiceSms } from './voice-channel.js';
import { createVoiceSms } from './voice-sms.js';
import { twilioConfigFromEnv } from '../config.js';
import { sendProblem } from '../../http.js';
import { welshGatherFrom, type WelshGather } from './voice-words.js';
import { BadRecordingCallback, recordingControl, registerRecordingJobs, restClientFrom, storeRecordingCallback, type RecordingControl } from './recordings.js';

export function voiceChannel(deps: ChannelDeps): ChannelAdapter {
  const sms = createVoiceSms({ db: deps.db, jobs: deps.jobs, log: deps.log });
  // Recordings: deleted at Twilio from the job queue, paused around the payment line (recordings.ts).
  const rest = restClientFrom(() => twilioConfigFromEnv(deps.env));
  const voice: TwilioVoiceDeps = {
    store: deps.store,
    assistant: deps.assistant,
    log: deps.log as Logger,
    tenantIds: deps.tenantIds,
    publicUrl: deps.publicUrl,
    sms,
    clock: deps.clock,
    recordings: recordingControl(rest, deps.log),
    // How Welsh prompts listen: cy-GB is not a <Gather> speech language at Twilio (voice-words.ts).
    welshGather: welshGatherFrom(deps.env?.TWILIO_WELSH_GATHER_LANGUAGE),
  };
  return {
    name: 'voice',
    mountPath: '/channels/twilio',
    capabilities: { buttons: false, cards: false, voice: true },
    routes: () => twilioVoiceRoutes(voice),
    verify: (req) => signedByTwilio(req, { authToken: voice.authToken, publicUrl: voice.publicUrl }),
    // What the caller hears: speakable text and the keys to press.
    render: (message) => renderReplies([message], { offerLink: false }),
    registerJobs: (jobs) => void registerRecordingJobs({ db: deps.db, jobs, log: deps.log, rest, tenantIds: deps.tenantIds }),
  };
}

export interface TwilioVoiceDeps {
  store: Store;
  assistant: Assistant;
  log: Logger;
  /** The tenants served: a call's `To` picks one by the rule a text's `To` does (channels/twilio/numbers.ts). */
  tenantIds: () => Iterable<string>;
  /** The council TWILIO_FROM belongs to (as for SMS); unset: "demo" when served, else the first. */
  defaultTenant?: string;
  /** Default process.env.TWILIO_FROM. */
  twilioFrom?: () => string | undefined;
  /** Read per request; default TWILIO_AUTH_TOKEN. Without one every webhook is refused. */
  authToken?: () => string | undefined;
  /** The origin Twilio calls, which it signs; default PUBLIC_URL, else the request's own origin. */
  publicUrl?: () => string | undefined;
  /** Texts links and references to callers on UK mobiles; without it nothing is offered. */
  sms?: VoiceSms;
  clock?: () => Date;
  /** Pauses and resumes a call's recording around the payment line. */
  recordings?: RecordingControl;
  /** How Welsh prompts listen (TWILIO_WELSH_GATHER_LANGUAGE): default keys and en-GB speech. */
  welshGather?: WelshGather;
}

/**
 * Twilio Voice webhooks, mounted by the app at /channels/twilio:
 * POST /voice (the number's Voice URL), /voice/gather (our Gather actions and silence redirects),
 * /voice/queue-wait (Enqueue waitUrl), /voice/queue-leave (Enqueue action). Every request must
 * carry a valid X-Twilio-Signature (403 otherwise); every answer is TwiML.
 */
export function twilioVoiceRoutes(deps: TwilioVoiceDeps): Router {
  const channel = new VoiceChannel({
    store: deps.store,
    assistant: deps.assistant,
    log: deps.log,
    tenantIds: deps.tenantIds,
    defaultTenant: deps.defaultTenant,
    twilioFrom: deps.twilioFrom,
    sms: deps.sms,
    clock: deps.clock,
    recordings: deps.recordings,
    welshGather: deps.welshGather,
  });
  const router = Router();
  const verified = twilioWebhook({ authToken: deps.authToken, publicUrl: deps.publicUrl });
  const urls = (req: Request) => ({ base: `${req.baseUrl}/voice` });
  const params = (req: Request) => (req.body ?? {}) as TwilioParams;
  const query = (req: Request) => Object.fromEntries(Object.entries(req.query).map(([k, v]) => [k, typeof v === 'string' ? v : undefined])) as TwilioParams;
  const twiml = (res: Response, xml: string) => void res.type('text/xml').send(xml);

  // A fault must still answer with TwiML, or the caller hears Twilio's application error.
  const safely = (handler: (req: Request) => Promise<string> | string) => async (req: Request, res: Response) => {
    try {
      twiml(res, await handler(req));
    } catch (err) {
      deps.log.error({ err, path: req.path, callSid: params(req).CallSid }, 'voice webhook failed');
      twiml(
        res,
        '<?xml version="1.0" encoding="UTF-8"?><Response><Say language="en-GB">Sorry, something went wrong on our side. Please call again in a few minutes. Goodbye.</Say><Hangup/></Response>',
      );
    }
  };

  router.post('/voice', ...verified, safely((req) => channel.incomingCall(params(req), urls(req))));
  router.post('/voice/gather', ...verified, safely((req) => channel.gatherAction(params(req), query(req), urls(req))));
  router.post('/voice/queue-wait', ...verified, safely((req) => channel.queueWait(params(req), query(req))));
  router.post('/voice/queue-leave', ...verified, safely((req) => channel.queueLeave(params(req), query(req))));
  // The key pressed after "How did we do?" at the end of a call (satisfaction-call.ts).
  router.post('/voice/satisfaction', ...verified, safely((req) => channel.satisfactionKey(params(req), query(req))));
  // The payment line's <Dial> action: the recording resumes, the caller is asked what else.
  router.post('/voice/payment-done', ...verified, safely((req) => channel.paymentDone(params(req), query(req), urls(req))));
  // Twilio's recording status callback (in-progress, completed, absent): kept, idempotently; a malformed one is a 400.
  router.post('/voice/recording-status', ...verified, async (req: Request, res: Response) => {
    try {
      await storeRecordingCallback({ db: deps.store.db, log: deps.log, tenantIds: deps.tenantIds }, params(req), query(req));
      res.status(204).end();
    } catch (err) {
      if (err instanceof BadRecordingCallback) return sendProblem(res, 400, 'Invalid recording callback', err.message);
      deps.log.error({ err, callSid: params(req).CallSid }, 'recording callback not stored');
      // Twilio tries a failed callback again.
      sendProblem(res, 500, 'Recording callback not stored');
    }
  });
  return router;
}
