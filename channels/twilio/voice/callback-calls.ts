/**
 * Placing a call-back through Twilio (issue 14, item 2): the REST call that rings the agent first
 * (their Voice SDK client identity `client:agent-<id>`, or a desk phone number), with TwiML that
 * then dials the resident from the council's number, and the signed route Twilio posts the
 * resident leg's outcome to (`<Dial action>`: DialCallStatus). What the outcome means for the
 * call-back (answered, missed and retried, failed) is callbacks/'s; this file speaks Twilio only. The agent's leg's own status callback comes to the same route (`leg=agent`):
 * an agent who never answered leaves the call-back in the queue, the attempt not counted.
 */
import { Router, type Request, type Response } from 'express';
import type { TwilioRestClient } from '../rest-client.js';
import { TwilioSendError } from '../rest-client.js';
import { twilioWebhook, type TwilioWebhookDeps } from '../signature.js';
import { LANGUAGE, newResponse } from './twiml.js';

export const CALLBACK_STATUS_PATH = '/voice/callback-status';

/** Where an agent is rung: a client identity (`agent-<id>`, item 1's Voice SDK device) or an E.164 number. */
export function agentDestination(to: string): string {
  return /^\+[1-9]\d{6,14}$/.test(to) ? to : `client:${to}`;
}

/** TwiML for the agent's leg once answered: say who is being called, then dial the resident; the outcome goes to `action`. */
export function callbackBridgeTwiml(input: { residentNumber: string; callerId: string; action: string; voice?: string }): string {
  const r = newResponse();
  r.say({ voice: (input.voice ?? 'Polly.Amy-Neural') as never, language: LANGUAGE as never }, 'Calling the resident back now.');
  const dial = r.dial({ callerId: input.callerId, action: input.action, method: 'POST', timeout: 30, answerOnBridge: true });
  dial.number(input.residentNumber);
  return r.toString();
}

export interface CallbackDiallerOptions {
  client: TwilioRestClient;
  /** The council's number the resident sees (its first `twilioNumbers`, else TWILIO_FROM). */
  callerId: (tenant: string) => string | undefined;
  /** PUBLIC_URL: Twilio posts the outcome to PUBLIC_URL + /channels/twilio/voice/callback-status. */
  publicUrl: () => string | undefined;
  mountPath?: string;
}

/** The dialler callbacks/ places calls through: Twilio's Calls resource, TwiML inline. */
export function twilioCallbackDialler(options: CallbackDiallerOptions) {
  return {
    async placeCall(input: { tenant: string; callbackId: string; agentTo: string; residentNumber: string }): Promise<{ callSid: string }> {
      const callerId = options.callerId(input.tenant);
      const base = options.publicUrl()?.replace(/\/+$/, '');
      if (!callerId) throw new TwilioSendError('No Twilio number is configured for this council', undefined, undefined, false);
      if (!base) throw new TwilioSendError('PUBLIC_URL is not set: Twilio could not report the call', undefined, undefined, false);
      const action = `${base}${options.mountPath ?? '/channels/twilio'}${CALLBACK_STATUS_PATH}?cb=${encodeURIComponent(input.callbackId)}`;
      try {
        const call = await options.client.client.calls.create({
          to: agentDestination(input.agentTo),
          from: callerId,
          twiml: callbackBridgeTwiml({ residentNumber: input.residentNumber, callerId, action }),
          // The agent's leg ending (unanswered, busy, hung up before the resident was dialled) comes here too, without DialCallStatus.
          statusCallback: `${action}&leg=agent`,
          statusCallbackEvent: ['completed'],
          statusCallbackMethod: 'POST',
        });
        return { callSid: call.sid };
      } catch (err) {
        const e = err as { status?: number; code?: number; message?: string };
        throw new TwilioSendError(`Twilio ${e.status ?? ''} ${e.code ?? ''}: ${e.message ?? String(err)}`.replace(/\s+/g, ' '), e.status, e.code, e.status === undefined || e.status === 429 || e.status >= 500);
      }
    },
  };
}

/** What the route reports: the agent's call (CallSid) and Twilio's DialCallStatus for the resident's leg. */
export type CallbackStatusHandler = (callSid: string, dialStatus: string) => Promise<{ spoken: string } | undefined>;
/** The agent's leg ended (Twilio's status callback: CallStatus, no DialCallStatus). */
export type AgentLegHandler = (callSid: string, callStatus: string) => Promise<void>;

/**
 * POST /voice/callback-status: Twilio's `<Dial action>` after the resident's leg, signed as every
 * Twilio webhook (403 otherwise). Answers the agent's leg with what happened, then hangs up.
 */
export function callbackStatusRoutes(deps: Partial<TwilioWebhookDeps> & { onStatus: CallbackStatusHandler; onAgentLeg: AgentLegHandler }): Router {
  const router = Router();
  router.post(CALLBACK_STATUS_PATH, ...twilioWebhook(deps), async (req: Request, res: Response) => {
    const body = req.body as Record<string, string | undefined>;
    const callSid = body.CallSid ?? '';
    const dialStatus = body.DialCallStatus ?? '';
    // The status callback of the agent's leg: nothing to say, only to record.
    if (!dialStatus && req.query.leg === 'agent' && /^CA[0-9a-fA-F]{32}$/.test(callSid) && /^[a-z-]{1,20}$/.test(body.CallStatus ?? '')) {
      await deps.onAgentLeg(callSid, body.CallStatus!);
      res.status(204).end();
      return;
    }
    if (!/^CA[0-9a-fA-F]{32}$/.test(callSid) || !/^[a-z-]{1,20}$/.test(dialStatus)) {
      res.status(400).type('text/plain').send('CallSid and DialCallStatus are required');
      return;
    }
    const settled = await deps.onStatus(callSid, dialStatus);
    const r = newResponse();
    if (settled) r.say({ language: LANGUAGE as never }, settled.spoken);
    r.hangup();
    res.type('text/xml').send(r.toString());
  });
  return router;
}
