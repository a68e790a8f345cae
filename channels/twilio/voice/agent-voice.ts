/**
 * Answering callers from the console (issue 14): the server's side of the bridge between a caller
 * waiting in a Twilio queue and an agent. It mints short-lived Voice access tokens (the agent's
 * browser registers as Twilio Client `agent-<id>`), moves the caller's leg with Twilio's REST API
 * (`POST …/Calls/{CallSid}.json` with `Url=`: to the dial of the agent, to hold, back to a queue, or
 * `Status=completed`), and answers those TwiML requests, signed by Twilio as the IVR's are.
 * Each bridge is a row in `agent_calls` (store/agent-calls.ts) with its status and times.
 * A leg the agent does not answer sends the caller back to the Twilio queue and the handoff back to
 * its queue for the next agent (handoff `returnUnanswered`).
 * Warm transfer (migration 026): the agent's leg and then the caller move into a named Twilio
 * conference, the caller is held there (Participants `Hold=true`, `HoldUrl`), a second agent is
 * dialled in as a participant (a named one, or a queue's next available agent, the next one again
 * if they do not answer); completing takes the caller off hold and removes the first agent,
 * cancelling removes the second. The handoff's move to the second agent is the console's.
 */
import { Router, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import twilio from 'twilio';
import { returnUnanswered, type UnansweredReason } from '../../../handoff/index.js';
import {
  agentCallById,
  agentCallByLeg,
  agentCallSettings,
  callConsultById,
  openCallConsult,
  setAgentCallLegs,
  setCallConsult,
  startCallConsult,
  type CallConsultRow,
  type ConsultStatus,
  findConversation,
  firstOutbound,
  latestAgentCall,
  openHandoffFor,
  partsOf,
  setAgentCallStatus,
  startAgentCall,
  markAgentCallAnswered,
  type AgentCallRow,
  type Store,
} from '../../../store/index.js';
import { TWILIO_PRODUCTION_API } from '../config.js';
import { TwilioRestClient } from '../rest-client.js';
import { twilioWebhook } from '../signature.js';
import { enqueueResponse, newResponse, say, type Speech } from './twiml.js';
import { sayLanguage, VOICE_WORDS, type VoiceLanguage, type VoiceWords } from './voice-words.js';
import { toSegments } from './speakable.js';
import { satisfactionPrompt } from './satisfaction-call.js';
import { mayAskByPhone, recordPhoneAsk } from '../../../bot/index.js';
import { twilioQueueName } from './voice-channel.js';

type Env = Record<string, string | undefined>;

/** Where the routes are mounted by the app, and the IVR's own (queue-wait, queue-leave). */
export const AGENT_VOICE_MOUNT = '/channels/twilio';
const BASE = `${AGENT_VOICE_MOUNT}/voice`;
/** Access tokens live ten minutes; the console fetches a new one before it expires. */
export const VOICE_TOKEN_TTL_SECONDS = 600;
/** How long the agent's leg rings before the caller goes back to the queue. */
export const AGENT_RING_SECONDS = 20;

export interface AgentVoiceSettings {
  accountSid: string;
  authToken: string;
  apiBaseUrl: string;
  apiKeySid?: string;
  apiKeySecret?: string;
  twimlAppSid?: string;
  /** Music while a caller is held (`<Play loop="0">`); without it a spoken message and a pause, repeated. */
  holdMusicUrl?: string;
}

/** A failure the console shows the agent as a problem (status, title, detail). */
export class AgentVoiceError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'AgentVoiceError';
  }
}

export interface AgentVoiceDeps {
  store: Store;
  log: Logger;
  /** Read at call time (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_API_BASE_URL, TWILIO_API_KEY_SID, TWILIO_API_KEY_SECRET, TWILIO_TWIML_APP_SID, TWILIO_HOLD_MUSIC_URL). */
  env: () => Env;
  /** PUBLIC_URL: the origin Twilio fetches our TwiML from; else the console request's own origin. */
  publicUrl: () => string | undefined;
  clock: () => Date;
  /** The `<Say>` voice of the council. */
  sayVoice?: (tenant: string) => string;
  /** Its Welsh voice (settings.channels.voice.welshVoice); default Polly.Gwyneth. */
  welshVoice?: (tenant: string) => string | undefined;
  /** A queue's name, for the notice of a handoff returned to it. */
  queueName?: (tenant: string, queueId: string) => string | undefined;
  /** The queue's Welsh name (settings.welsh.queues), for a Welsh caller's notice. */
  welshQueueName?: (tenant: string, queueId: string) => string | undefined;
  /** A call or its handoff changed outside a console request (Twilio's callbacks): refresh consoles, route again. */
  changed?: (tenant: string, conversationId: string) => void;
  /** The next available agent of a queue for a consultation, passing over `exclude` (the console's rule of who is free). */
  nextConsultee?: (tenant: string, queueId: string, exclude: string[]) => Promise<string | undefined>;
  /** The council's number, the From of a consulted agent's leg (a desk phone needs a Twilio number). */
  callerId?: (tenant: string) => string | undefined;
}

/** Who a consultation rings: an agent's browser client, or their desk phone. */
export interface Consultee {
  agentId: string;
}

export interface BridgeInput {
  tenant: string;
  conversationId: string;
  handoffId: string;
  agentId: string;
  /** The console request's origin, used when PUBLIC_URL is not set. */
  origin: string;
}

const read = (env: Env, key: string) => env[key]?.trim() || undefined;

export function agentVoiceSettings(env: Env): AgentVoiceSettings | null {
  const accountSid = read(env, 'TWILIO_ACCOUNT_SID');
  const authToken = read(env, 'TWILIO_AUTH_TOKEN');
  if (!accountSid || !authToken) return null;
  return {
    accountSid,
    authToken,
    apiBaseUrl: (read(env, 'TWILIO_API_BASE_URL') ?? TWILIO_PRODUCTION_API).replace(/\/+$/, ''),
    apiKeySid: read(env, 'TWILIO_API_KEY_SID'),
    apiKeySecret: read(env, 'TWILIO_API_KEY_SECRET'),
    twimlAppSid: read(env, 'TWILIO_TWIML_APP_SID'),
    holdMusicUrl: read(env, 'TWILIO_HOLD_MUSIC_URL'),
  };
}

/** The Twilio Client identity of an agent: what the TwiML dials and the access token names. */
export const clientIdentity = (agentId: string) => `agent-${agentId}`;

export class AgentVoice {
  constructor(private readonly deps: AgentVoiceDeps) {}

  private settings(): AgentVoiceSettings {
    const s = agentVoiceSettings(this.deps.env());
    if (!s) throw new AgentVoiceError(404, 'Telephone not configured', 'Twilio is not configured here (TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN), so calls cannot be bridged.');
    return s;
  }

  /** Whether the browser can take calls: an API key and secret to sign its access tokens. */
  browserCalling(): boolean {
    const s = agentVoiceSettings(this.deps.env());
    return !!(s?.apiKeySid && s.apiKeySecret);
  }

  /** A Voice access token for the agent's browser: incoming calls to `agent-<id>`, ten minutes. */
  tokenFor(agentId: string): { token: string; identity: string; expiresAt: string } {
    const s = this.settings();
    if (!s.apiKeySid || !s.apiKeySecret) {
      throw new AgentVoiceError(
        409,
        'Browser calling not configured',
        'TWILIO_API_KEY_SID and TWILIO_API_KEY_SECRET are not set, so the console cannot answer calls itself: choose "bridge to my phone" to take callers on your phone.',
      );
    }
    const identity = clientIdentity(agentId);
    const AccessToken = twilio.jwt.AccessToken;
    const token = new AccessToken(s.accountSid, s.apiKeySid, s.apiKeySecret, { identity, ttl: VOICE_TOKEN_TTL_SECONDS });
    token.addGrant(new AccessToken.VoiceGrant({ incomingAllow: true, ...(s.twimlAppSid ? { outgoingApplicationSid: s.twimlAppSid } : {}) }));
    const expiresAt = new Date(this.deps.clock().getTime() + VOICE_TOKEN_TTL_SECONDS * 1000).toISOString();
    return { token: token.toJwt(), identity, expiresAt };
  }

  /** The CallSid of a phone conversation's caller (kept with its greeting by the IVR), or null for another channel. */
  async callSidOf(tenant: string, conversationId: string): Promise<string | null> {
    const conversation = await findConversation(this.deps.store.db, tenant, conversationId);
    if (!conversation || conversation.channel !== 'voice') return null;
    const first = await firstOutbound(this.deps.store.db, tenant, conversationId);
    return first ? (partsOf<{ voiceCall?: string }>(first)?.voiceCall ?? null) : null;
  }

  private origin(fallback: string): string {
    return (this.deps.publicUrl() ?? fallback).replace(/\/+$/, '');
  }

  /**
   * One REST request to Twilio through the twilio package; its refusal or absence becomes a 502 for
   * the agent. `gone`: a 404 that means the thing is already over (a participant who left).
   */
  private async viaTwilio<T>(what: string, sid: string, fn: (client: twilio.Twilio) => Promise<T>, options: { goneOn404?: boolean } = {}): Promise<T | 'gone'> {
    const s = this.settings();
    const rest = new TwilioRestClient({ accountSid: s.accountSid, authToken: s.authToken, apiBaseUrl: s.apiBaseUrl });
    try {
      return await fn(rest.client);
    } catch (err) {
      const e = err as { status?: number; code?: number; message?: string };
      if (options.goneOn404 && e.status === 404) return 'gone';
      this.deps.log.warn({ sid, what, status: e.status, code: e.code, err: e.message }, 'Twilio refused a call change');
      const why = typeof e.status === 'number' ? `Twilio answered ${e.status}${e.code ? ` (error ${e.code})` : ''}: ${e.message ?? 'error'}` : `Twilio could not be reached: ${e.message ?? String(err)}`;
      throw new AgentVoiceError(502, 'Twilio refused the call change', why);
    }
  }

  /** Twilio's REST update of a live call (the caller's, or an agent's leg). */
  private async updateCall(callSid: string, params: { url?: string; status?: 'completed'; statusCallback?: string }): Promise<void> {
    await this.viaTwilio('call update', callSid, (client) =>
      client.calls(callSid).update({
        ...(params.url ? { url: params.url, method: 'POST' } : {}),
        ...(params.status ? { status: params.status } : {}),
        ...(params.statusCallback ? { statusCallback: params.statusCallback, statusCallbackMethod: 'POST' } : {}),
      }),
    );
  }

  /** Holds or takes off hold the caller in the call's conference (Participants `Hold`, `HoldUrl`). */
  private async holdInConference(call: AgentCallRow, hold: boolean, origin: string): Promise<void> {
    const conferenceSid = call.conference_sid!;
    await this.viaTwilio('participant hold', call.call_sid, (client) =>
      client
        .conferences(conferenceSid)
        .participants(call.call_sid)
        .update(hold ? { hold: true, holdUrl: `${this.origin(origin)}${BASE}/consult-hold?${this.query(call)}`, holdMethod: 'POST' } : { hold: false }),
    );
  }

  private query(call: Pick<AgentCallRow, 'tenant_id' | 'conversation_id' | 'id'>, extra: Record<string, string> = {}): string {
    return new URLSearchParams({ t: call.tenant_id, c: call.conversation_id, call: call.id, ...extra }).toString();
  }

  /**
   * After an accept: the queued caller is redirected to TwiML that dials the agent (their browser's
   * client, or their desk phone). A refusal by Twilio returns the handoff to the queue, so the agent
   * (or anyone) can accept it again, and is thrown for the agent to see.
   */
  async bridge(input: BridgeInput): Promise<AgentCallRow | null> {
    const callSid = await this.callSidOf(input.tenant, input.conversationId);
    if (!callSid) return null;
    const db = this.deps.store.db;
    const choice = await agentCallSettings(db, input.tenant, input.agentId);
    const target = choice.bridge === 'phone' && choice.deskPhone ? 'phone' : 'client';
    const now = this.deps.clock();
    const call = await startAgentCall(db, { tenant: input.tenant, conversationId: input.conversationId, handoffId: input.handoffId, agentId: input.agentId, callSid, target, now });
    const origin = this.origin(input.origin);
    try {
      this.settings();
      await this.updateCall(callSid, { url: `${origin}${BASE}/bridge?${this.query(call)}`, statusCallback: `${origin}${BASE}/call-status?${this.query(call)}` });
    } catch (err) {
      await setAgentCallStatus(db, input.tenant, call.id, 'failed', this.deps.clock(), { detail: err instanceof Error ? err.message : String(err) });
      await returnUnanswered(db, input.tenant, { conversationId: input.conversationId, handoffId: input.handoffId, agentId: input.agentId, reason: 'rest-error', now: this.deps.clock(), ...(await this.teamNamesOf(input.tenant, input.conversationId)) });
      if (err instanceof AgentVoiceError) {
        throw new AgentVoiceError(err.status, 'Could not connect the caller', `${err.detail}. The conversation is back in the queue and can be accepted again.`);
      }
      throw err;
    }
    return call;
  }

  /** The agent's control of a bridge: hold (music), resume (dial them again), hang up (Status=completed). */
  async control(call: AgentCallRow, action: 'hold' | 'resume' | 'hang-up', origin: string): Promise<AgentCallRow> {
    const db = this.deps.store.db;
    const base = `${this.origin(origin)}${BASE}`;
    if (call.conference_sid && (action === 'hold' || action === 'resume')) {
      // In a conference (after a warm transfer or a cancelled consultation) the caller is held where they are.
      const from = action === 'hold' ? 'connected' : 'held';
      if (call.status !== from) throw new AgentVoiceError(409, 'Not possible now', `The call is ${call.status.replace('_', ' ')}.`);
      await this.holdInConference(call, action === 'hold', origin);
      return (await setAgentCallStatus(db, call.tenant_id, call.id, action === 'hold' ? 'held' : 'connected', this.deps.clock())) ?? call;
    }
    if (action === 'hold') {
      if (call.status !== 'connected' && call.status !== 'bridging') throw new AgentVoiceError(409, 'Not possible now', `The call is ${call.status.replace('_', ' ')}.`);
      // Marked first: the Dial ends when the caller's leg moves, and its action must not take that for a hang-up.
      const held = await setAgentCallStatus(db, call.tenant_id, call.id, 'held', this.deps.clock());
      try {
        await this.updateCall(call.call_sid, { url: `${base}/hold?${this.query(call)}` });
      } catch (err) {
        await setAgentCallStatus(db, call.tenant_id, call.id, call.status, this.deps.clock());
        throw err;
      }
      return held ?? call;
    }
    if (action === 'resume') {
      if (call.status !== 'held') throw new AgentVoiceError(409, 'Not on hold', 'The call is not on hold.');
      await this.updateCall(call.call_sid, { url: `${base}/bridge?${this.query(call)}` });
      return (await setAgentCallStatus(db, call.tenant_id, call.id, 'bridging', this.deps.clock())) ?? call;
    }
    if (FINISHED_STATUSES.has(call.status)) throw new AgentVoiceError(409, 'Call already ended', 'The call has already ended.');
    // Marked as moved on purpose first: the Dial's end that follows the redirect must not be taken for
    // the agent hanging up their own leg (which would ask the question in TwiML Twilio then discards).
    const before = call.status;
    if (!(await setAgentCallStatus(db, call.tenant_id, call.id, 'transferring', this.deps.clock()))) throw new AgentVoiceError(409, 'Call already ended', 'The call has already ended.');
    try {
      await this.updateCall(call.call_sid, await this.afterAdviser(call, base));
    } catch (err) {
      await setAgentCallStatus(db, call.tenant_id, call.id, before, this.deps.clock());
      throw err;
    }
    const ended = await setAgentCallStatus(db, call.tenant_id, call.id, 'ended', this.deps.clock(), { detail: 'agent hung up' });
    // The caller's hang-up may have been reported meanwhile (it marks its own ending).
    return ended ?? (await agentCallById(db, call.tenant_id, call.id)) ?? call;
  }

  /**
   * Where the caller's leg goes when their adviser has hung up and they are still on the line: to
   * "How did we do?" where it may be asked (bot/satisfaction.ts decides: never twice, never after a
   * disclosure), otherwise the call ends. `base`: the absolute voice base Twilio fetches from.
   */
  private async afterAdviser(call: AgentCallRow, base: string): Promise<{ url: string } | { status: 'completed' }> {
    const conversation = await findConversation(this.deps.store.db, call.tenant_id, call.conversation_id);
    const ask = !!conversation && (await mayAskByPhone(this.deps.store.db, conversation, 1));
    return ask ? { url: `${base}/agent-satisfaction?${this.query(call)}` } : { status: 'completed' };
  }

  /**
   * A transfer: the caller's leg goes back to a Twilio queue (`twilioQueue`, the destination's) to wait
   * for whoever accepts the transferred handoff, whose accept bridges them again. Done before the
   * handoff moves: if Twilio refuses, nothing has changed.
   */
  async transferCaller(call: AgentCallRow, twilioQueue: string, origin: string): Promise<void> {
    if (FINISHED_STATUSES.has(call.status)) throw new AgentVoiceError(409, 'Call already ended', 'The caller has already hung up.');
    const db = this.deps.store.db;
    const before = call.status;
    await setAgentCallStatus(db, call.tenant_id, call.id, 'transferring', this.deps.clock());
    try {
      await this.updateCall(call.call_sid, { url: `${this.origin(origin)}${BASE}/requeue?${this.query(call, { q: twilioQueue })}` });
    } catch (err) {
      await setAgentCallStatus(db, call.tenant_id, call.id, before, this.deps.clock());
      throw err;
    }
    await setAgentCallStatus(db, call.tenant_id, call.id, 'ended', this.deps.clock(), { detail: 'transferred' });
  }

  // ---------------------------------------------------------------- TwiML Twilio fetches

  /** The routes Twilio calls (mounted at /channels/twilio); every request must be signed. */
  routes(): Router {
    const router = Router();
    const verified = twilioWebhook();
    // `anyLeg`: the handler checks the CallSid itself (a consulted agent's leg is its own call).
    const answer = (handler: (p: Params, call: AgentCallRow | undefined, req: Request) => Promise<string>, anyLeg = false) => async (req: Request, res: Response) => {
      const p = (req.body ?? {}) as Params;
      const q = Object.fromEntries(Object.entries(req.query).map(([k, v]) => [k, typeof v === 'string' ? v : undefined])) as Params;
      try {
        const call = q.t && q.call && /^[0-9a-f-]{36}$/i.test(q.call) ? await agentCallById(this.deps.store.db, q.t, q.call) : undefined;
        // A call of ours only: the CallSid must be the caller's leg this bridge was made for, or a
        // leg of it (an agent's child call names it as ParentCallSid; a conference names its own).
        const ours = call && (anyLeg || !p.CallSid || p.CallSid === call.call_sid || p.ParentCallSid === call.call_sid || (!!p.ConferenceSid && !!call.conference_name && p.FriendlyName === call.conference_name) || (!!call.agent_leg_sid && p.CallSid === call.agent_leg_sid)) ? call : undefined;
        res.type('text/xml').send(await handler(p, ours, req));
      } catch (err) {
        this.deps.log.error({ err, path: req.path }, 'agent voice webhook failed');
        res.type('text/xml').send('<?xml version="1.0" encoding="UTF-8"?><Response><Say language="en-GB">Sorry, something went wrong on our side. Please call again in a few minutes. Goodbye.</Say><Hangup/></Response>');
      }
    };
    router.post('/voice/bridge', ...verified, answer((p, call) => this.bridgeTwiml(p, call)));
    router.post('/voice/bridge-done', ...verified, answer((p, call, req) => this.bridgeDone(p, call, req)));
    router.post('/voice/agent-leg', ...verified, answer((p, call) => this.agentLeg(p, call)));
    router.post('/voice/hold', ...verified, answer((_p, call) => this.holdTwiml(call)));
    router.post('/voice/requeue', ...verified, answer((_p, call, req) => this.requeueTwiml(call, String(req.query.q ?? ''))));
    router.post('/voice/call-status', ...verified, answer((p, call) => this.callStatus(p, call)));
    router.post('/voice/conference', ...verified, answer((_p, call, req) => Promise.resolve(this.conferenceTwiml(call, req.query.role === 'agent' ? 'agent' : 'caller'))));
    router.post('/voice/conference-status', ...verified, answer((p, call, req) => this.conferenceStatus(p, call, req)));
    router.post('/voice/agent-satisfaction', ...verified, answer((_p, call) => this.satisfactionTwiml(call)));
    router.post('/voice/consult-hold', ...verified, answer((_p, call) => this.consultHoldTwiml(call)));
    router.post('/voice/consult-leg', ...verified, answer((p, call, req) => this.consultLeg(p, call, String(req.query.consult ?? ''), req), true));
    return router;
  }

  private voice(tenant: string): string {
    return this.deps.sayVoice?.(tenant) ?? 'Polly.Amy-Neural';
  }

  /** What the caller hears from us, in their conversation's language (issue 17): the words and the voice. */
  private async spoken(call: AgentCallRow): Promise<{ w: VoiceWords; lang: VoiceLanguage; voice: string | Speech }> {
    const conversation = await findConversation(this.deps.store.db, call.tenant_id, call.conversation_id);
    const lang: VoiceLanguage = (conversation as { language?: string | null } | undefined)?.language === 'cy' ? 'cy' : 'en';
    const voice = lang === 'cy' ? { voice: this.deps.welshVoice?.(call.tenant_id) ?? 'Polly.Gwyneth', say: sayLanguage('cy') } : this.voice(call.tenant_id);
    return { w: VOICE_WORDS[lang], lang, voice };
  }

  /**
   * After the adviser hung up (from the console, their own phone or browser): "How did we do?"
   * (recorded as asked only now that the caller hears it), its key going to the IVR's
   * /voice/satisfaction; otherwise just goodbye.
   */
  private async satisfactionTwiml(call: AgentCallRow | undefined): Promise<string> {
    const db = this.deps.store.db;
    const conversation = call ? await findConversation(db, call.tenant_id, call.conversation_id) : undefined;
    const heard = call && (await this.spoken(call));
    if (call && heard && conversation && (await mayAskByPhone(db, conversation, 1)) && (await recordPhoneAsk(db, conversation, this.deps.clock()))) {
      const q = new URLSearchParams({ c: conversation.id, t: call.tenant_id, ...(heard.lang === 'cy' ? { l: 'cy' } : {}) }).toString();
      return satisfactionPrompt(toSegments(heard.w.adviserEnded, heard.lang), heard.voice, `${BASE}/satisfaction?${q}`, heard.lang);
    }
    const r = newResponse();
    if (heard) say(r, toSegments(heard.w.satisfactionGoodbye, heard.lang), heard.voice);
    r.hangup();
    return r.toString();
  }

  /** Dials the agent: `<Client>agent-<id></Client>`, or `<Number>` their desk phone. */
  private async bridgeTwiml(p: Params, call: AgentCallRow | undefined): Promise<string> {
    const r = newResponse();
    if (!call || FINISHED_STATUSES.has(call.status)) {
      r.hangup();
      return r.toString();
    }
    const q = this.query(call);
    const dial = r.dial({ action: `${BASE}/bridge-done?${q}`, method: 'POST', timeout: AGENT_RING_SECONDS, answerOnBridge: true, ...(call.target === 'phone' && p.To ? { callerId: p.To } : {}) });
    const leg = { statusCallback: `${BASE}/agent-leg?${q}`, statusCallbackEvent: ['answered' as const], statusCallbackMethod: 'POST' as const };
    if (call.target === 'phone') {
      const settings = await agentCallSettings(this.deps.store.db, call.tenant_id, call.agent_id);
      if (settings.deskPhone) dial.number(leg, settings.deskPhone);
      else dial.client(leg, clientIdentity(call.agent_id));
    } else {
      dial.client(leg, clientIdentity(call.agent_id));
    }
    return r.toString();
  }

  /** The agent's leg answered: the call is connected (its duration counts from the first answer). */
  private async agentLeg(p: Params, call: AgentCallRow | undefined): Promise<string> {
    // The agent's own leg (the Dial's child call): kept, so a warm transfer can move it into a conference.
    if (call && p.CallSid && p.CallSid !== call.call_sid && p.ParentCallSid === call.call_sid) {
      await setAgentCallLegs(this.deps.store.db, call.tenant_id, call.id, { agentLegSid: p.CallSid }, this.deps.clock());
    }
    if (call && (p.CallStatus === 'in-progress' || p.CallStatus === 'answered')) {
      await markAgentCallAnswered(this.deps.store.db, call.tenant_id, call.id, this.deps.clock());
      if (await setAgentCallStatus(this.deps.store.db, call.tenant_id, call.id, 'connected', this.deps.clock())) this.deps.changed?.(call.tenant_id, call.conversation_id);
    }
    return newResponse().toString();
  }

  /**
   * The Dial ended. Answered and over: the caller or the agent hung up, the work ends (the agent closes
   * the conversation with its outcome). Not answered (no-answer, busy, failed, canceled): the caller
   * goes back to the Twilio queue and the handoff to its queue, offered to the next agent.
   */
  private async bridgeDone(p: Params, call: AgentCallRow | undefined, _req: Request): Promise<string> {
    const r = newResponse();
    if (!call) {
      r.hangup();
      return r.toString();
    }
    // A warm transfer began: the agent's leg went to the conference, so the caller follows it there.
    if (call.status === 'consulting' && call.conference_name && p.CallStatus !== 'completed') return this.conferenceTwiml(call, 'caller');
    // Moved on purpose (hold, transfer) or already over: the redirect or the hang-up has taken the call elsewhere.
    if (call.status === 'held' || call.status === 'consulting' || call.status === 'transferring' || FINISHED_STATUSES.has(call.status)) return r.toString();
    const db = this.deps.store.db;
    const now = this.deps.clock();
    const dialStatus = p.DialCallStatus ?? '';
    if (dialStatus === 'completed' || dialStatus === 'answered') {
      const callerGone = p.CallStatus === 'completed';
      const ended = await setAgentCallStatus(db, call.tenant_id, call.id, 'ended', now, { detail: callerGone ? 'caller hung up' : 'agent hung up' });
      if (ended) this.deps.changed?.(call.tenant_id, call.conversation_id);
      // The adviser hung up their own phone or browser with the caller still on the line: the same
      // question as after a hang-up from the console (this response is the caller's next TwiML).
      if (ended && !callerGone) return this.satisfactionTwiml(call);
      if (!callerGone) {
        const heard = await this.spoken(call);
        say(r, toSegments(heard.w.satisfactionGoodbye, heard.lang), heard.voice);
      }
      r.hangup();
      return r.toString();
    }
    const reason: UnansweredReason = dialStatus === 'busy' || dialStatus === 'failed' || dialStatus === 'canceled' ? dialStatus : 'no-answer';
    const changed = await setAgentCallStatus(db, call.tenant_id, call.id, reason === 'failed' ? 'failed' : 'no_answer', now, { detail: reason });
    if (changed) {
      await returnUnanswered(db, call.tenant_id, { conversationId: call.conversation_id, handoffId: call.handoff_id, agentId: call.agent_id, reason, now, ...(await this.teamNamesOf(call.tenant_id, call.conversation_id)) });
      this.deps.changed?.(call.tenant_id, call.conversation_id);
    }
    if (p.CallStatus === 'completed') {
      r.hangup();
      return r.toString();
    }
    return this.enqueueAgain(call, await this.queueOf(call), 'nobodyCouldTake');
  }

  /** The name of the queue the conversation's handoff is in, for its notice. */
  /** The team's name for the resident's notice, in English and (where the council names it) Welsh. */
  private async teamNamesOf(tenant: string, conversationId: string): Promise<{ teamName: string; welshTeamName?: string }> {
    const handoff = await openHandoffFor(this.deps.store.db, tenant, conversationId);
    const welsh = handoff ? this.deps.welshQueueName?.(tenant, handoff.queue) : undefined;
    return { teamName: (handoff && this.deps.queueName?.(tenant, handoff.queue)) ?? 'our team', ...(welsh ? { welshTeamName: welsh } : {}) };
  }

  /** The Twilio queue the call's handoff waits in now. */
  private async queueOf(call: AgentCallRow): Promise<string> {
    const handoff = await openHandoffFor(this.deps.store.db, call.tenant_id, call.conversation_id);
    return twilioQueueName(call.tenant_id, { priority: handoff?.priority ?? 'normal', queue: handoff?.queue ?? 'general' });
  }

  private async enqueueAgain(call: AgentCallRow, queueName: string, words: 'nobodyCouldTake' | 'transferring'): Promise<string> {
    const heard = await this.spoken(call);
    const q = new URLSearchParams({ c: call.conversation_id, t: call.tenant_id, ...(heard.lang === 'cy' ? { l: 'cy' } : {}) }).toString();
    return enqueueResponse(toSegments(heard.w[words], heard.lang), heard.voice, queueName, `${BASE}/queue-wait?${q}`, `${BASE}/queue-leave?${q}`);
  }

  private async holdTwiml(call: AgentCallRow | undefined): Promise<string> {
    const r = newResponse();
    if (!call || call.status !== 'held') {
      // Resumed or ended meanwhile: nothing to hold.
      if (!call) r.hangup();
      return r.toString();
    }
    const music = agentVoiceSettings(this.deps.env())?.holdMusicUrl;
    const heard = await this.spoken(call);
    say(r, toSegments(heard.w.pleaseHold, heard.lang), heard.voice);
    if (music) r.play({ loop: 0 }, music);
    else {
      r.pause({ length: 20 });
      r.redirect({ method: 'POST' }, `${BASE}/hold?${this.query(call)}`);
    }
    return r.toString();
  }

  private async requeueTwiml(call: AgentCallRow | undefined, queueName: string): Promise<string> {
    if (!call || !/^[A-Za-z0-9_-]{1,64}$/.test(queueName)) {
      const r = newResponse();
      r.hangup();
      return r.toString();
    }
    return this.enqueueAgain(call, queueName, 'transferring');
  }

  /** The caller's call ended (hung up while held, or anywhere else after the redirect): the bridge is over. */
  private async callStatus(p: Params, call: AgentCallRow | undefined): Promise<string> {
    if (call && p.CallStatus === 'completed' && call.status !== 'transferring') await this.callerLeft(call);
    return newResponse().toString();
  }

  /** The caller's call is over (hung up anywhere, a consultation included): the bridge and any consultation end. */
  private async callerLeft(call: AgentCallRow): Promise<void> {
    const db = this.deps.store.db;
    const now = this.deps.clock();
    // Twilio's callbacks name the first bridge; after a warm transfer the live one is the second agent's.
    const live = await latestAgentCall(db, call.tenant_id, call.conversation_id);
    const bridges = live && live.id !== call.id && live.call_sid === call.call_sid ? [call, live] : [call];
    let changed = false;
    for (const b of bridges) {
      // Moved on purpose (a hang-up or transfer from the console): its leaving the conference is that move's doing.
      if (b.status === 'transferring') continue;
      const consult = await openCallConsult(db, b.tenant_id, b.id);
      if (consult && (await setCallConsult(db, b.tenant_id, consult.id, OPEN_CONSULT, 'ended', now, { detail: 'caller hung up' }))) changed = true;
      if (await setAgentCallStatus(db, b.tenant_id, b.id, 'ended', now, { detail: 'caller hung up' })) changed = true;
    }
    // The conference ends with the caller (EndConferenceOnExit), so a consulted agent's leg ends with it.
    if (changed) this.deps.changed?.(call.tenant_id, call.conversation_id);
  }

  // ---------------------------------------------------------------- warm transfer (consultation)

  private conferenceName(call: AgentCallRow): string {
    return call.conference_name ?? `call-${call.id}`;
  }

  /**
   * Starts a consultation of `consultee` (the console chose them: a named agent, or `queue`'s next
   * available one). The caller must be connected to the agent. Not yet in a conference: the agent's
   * own leg is redirected into one (the caller's Dial then ends and its action puts the caller in
   * it too; once the caller has joined they are held and the consultee dialled in). Already in
   * one: the caller is held and the consultee dialled in now. Twilio refusing: nothing has changed.
   */
  async startConsult(call: AgentCallRow, consultee: Consultee, options: { queue: string | null; note: string | null; origin: string }): Promise<CallConsultRow> {
    const db = this.deps.store.db;
    if (call.status !== 'connected') throw new AgentVoiceError(409, 'Not possible now', call.status === 'held' ? 'Take the caller off hold first.' : `The call is ${call.status.replace('_', ' ')}.`);
    if (await openCallConsult(db, call.tenant_id, call.id)) throw new AgentVoiceError(409, 'Already consulting', 'Finish or cancel the consultation first.');
    if (consultee.agentId === call.agent_id) throw new AgentVoiceError(400, 'Choose someone else', 'You cannot consult yourself.');
    if (!call.conference_sid && !call.agent_leg_sid) throw new AgentVoiceError(409, 'Not possible yet', 'Twilio has not reported your leg of the call yet; try again in a moment.');
    this.settings();
    const now = this.deps.clock();
    const name = this.conferenceName(call);
    const consult = await startCallConsult(db, { tenant: call.tenant_id, conversationId: call.conversation_id, agentCallId: call.id, fromAgentId: call.agent_id, toAgentId: consultee.agentId, targetQueue: options.queue, note: options.note, now });
    const moved = await setAgentCallStatus(db, call.tenant_id, call.id, 'consulting', now);
    const current = (await setAgentCallLegs(db, call.tenant_id, call.id, { conferenceName: name }, now)) ?? moved ?? call;
    try {
      if (call.conference_sid) await this.ringConsultee(current, consult, options.origin);
      else await this.updateCall(call.agent_leg_sid!, { url: `${this.origin(options.origin)}${BASE}/conference?${this.query(call, { role: 'agent' })}` });
    } catch (err) {
      await setCallConsult(db, call.tenant_id, consult.id, OPEN_CONSULT, 'failed', this.deps.clock(), { detail: err instanceof Error ? err.message : String(err) });
      await setAgentCallStatus(db, call.tenant_id, call.id, 'connected', this.deps.clock());
      throw err;
    }
    return (await callConsultById(db, call.tenant_id, consult.id)) ?? consult;
  }

  /** Holds the caller and dials the consultee into the conference (a participant with its own status callback). */
  private async ringConsultee(call: AgentCallRow, consult: CallConsultRow, origin: string): Promise<void> {
    const db = this.deps.store.db;
    if (!call.conference_sid || !consult.to_agent_id) return;
    if (consult.status === 'starting') await this.holdInConference(call, true, origin);
    const settings = await agentCallSettings(db, call.tenant_id, consult.to_agent_id);
    const phone = settings.bridge === 'phone' && settings.deskPhone ? settings.deskPhone : null;
    const envFrom = read(this.deps.env(), 'TWILIO_FROM');
    const from = this.deps.callerId?.(call.tenant_id) ?? (envFrom && /^\+[1-9]\d{6,14}$/.test(envFrom) ? envFrom : undefined);
    if (phone && !from) throw new AgentVoiceError(409, 'No number to call from', 'The council has no Twilio number to ring a desk phone from.');
    const conferenceSid = call.conference_sid;
    const created = await this.viaTwilio('participant create', call.call_sid, (client) =>
      client.conferences(conferenceSid).participants.create({
        from: phone ? from! : (from ?? 'council'),
        to: phone ?? `client:${clientIdentity(consult.to_agent_id!)}`,
        label: 'consultee',
        timeout: AGENT_RING_SECONDS,
        beep: 'false',
        startConferenceOnEnter: true,
        endConferenceOnExit: false,
        statusCallback: `${this.origin(origin)}${BASE}/consult-leg?${this.query(call, { consult: consult.id })}`,
        statusCallbackMethod: 'POST',
        statusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'],
      }),
    );
    const legSid = created === 'gone' ? null : created.callSid;
    await setCallConsult(db, call.tenant_id, consult.id, ['starting', 'ringing'], 'ringing', this.deps.clock(), { consulteeCallSid: legSid });
  }

  /** Completing: the caller off hold, the first agent out of the conference; the consultee's new bridge is returned. */
  async completeConsult(call: AgentCallRow, origin: string): Promise<{ consult: CallConsultRow; call: AgentCallRow }> {
    const db = this.deps.store.db;
    const consult = await openCallConsult(db, call.tenant_id, call.id);
    if (!consult || consult.status !== 'talking' || !consult.consultee_call_sid || !consult.to_agent_id) {
      throw new AgentVoiceError(409, 'Not possible now', consult ? 'The other agent has not answered yet: wait, or cancel.' : 'There is no consultation to complete.');
    }
    // Claimed first: the first agent leaving the conference must not be taken for a hang-up.
    const claimed = await setCallConsult(db, call.tenant_id, consult.id, ['talking'], 'completed', this.deps.clock());
    if (!claimed) throw new AgentVoiceError(409, 'Not possible now', 'The consultation has just ended.');
    try {
      await this.holdInConference(call, false, origin);
      if (call.agent_leg_sid) await this.viaTwilio('participant remove', call.agent_leg_sid, (client) => client.conferences(call.conference_sid!).participants(call.agent_leg_sid!).remove(), { goneOn404: true });
    } catch (err) {
      await setCallConsult(db, call.tenant_id, consult.id, ['completed'], 'talking', this.deps.clock(), {});
      throw err;
    }
    const now = this.deps.clock();
    const target = (await agentCallSettings(db, call.tenant_id, consult.to_agent_id)).bridge === 'phone' ? 'phone' : 'client';
    await setAgentCallStatus(db, call.tenant_id, call.id, 'ended', now, { detail: 'warm transfer' });
    const next = await startAgentCall(db, {
      tenant: call.tenant_id,
      conversationId: call.conversation_id,
      handoffId: call.handoff_id,
      agentId: consult.to_agent_id,
      callSid: call.call_sid,
      target,
      now,
      conference: { name: this.conferenceName(call), sid: call.conference_sid, agentLegSid: consult.consultee_call_sid },
    });
    return { consult: claimed, call: next };
  }

  /** Cancelling: the consultee out of the conference (ringing or talking), the caller back with the agent. */
  async cancelConsult(call: AgentCallRow, origin: string, detail = 'cancelled'): Promise<CallConsultRow> {
    const db = this.deps.store.db;
    const consult = await openCallConsult(db, call.tenant_id, call.id);
    if (!consult) throw new AgentVoiceError(409, 'Not possible now', 'There is no consultation to cancel.');
    const claimed = await setCallConsult(db, call.tenant_id, consult.id, [consult.status], 'cancelled', this.deps.clock(), { detail });
    if (!claimed) throw new AgentVoiceError(409, 'Not possible now', 'The consultation has just changed; look again.');
    try {
      await this.backToCaller(call, consult, origin);
    } catch (err) {
      await setCallConsult(db, call.tenant_id, consult.id, ['cancelled'], consult.status, this.deps.clock(), { detail: consult.detail });
      throw err;
    }
    return claimed;
  }

  /** The consultee out (if dialled), the caller off hold (if held), the bridge connected again. */
  private async backToCaller(call: AgentCallRow, consult: CallConsultRow, origin: string): Promise<void> {
    const sid = consult.consultee_call_sid;
    if (sid && call.conference_sid) await this.viaTwilio('participant remove', sid, (client) => client.conferences(call.conference_sid!).participants(sid).remove(), { goneOn404: true });
    if (call.conference_sid && consult.status !== 'starting') await this.holdInConference(call, false, origin);
    await setAgentCallStatus(this.deps.store.db, call.tenant_id, call.id, 'connected', this.deps.clock());
  }

  /** `<Dial><Conference>` for the caller (ends the conference when they leave) or the agent (does not). */
  private conferenceTwiml(call: AgentCallRow | undefined, role: 'caller' | 'agent'): string {
    const r = newResponse();
    if (!call || FINISHED_STATUSES.has(call.status) || !call.conference_name) {
      r.hangup();
      return r.toString();
    }
    const dial = r.dial({});
    dial.conference(
      {
        beep: 'false',
        startConferenceOnEnter: true,
        endConferenceOnExit: role === 'caller',
        statusCallback: `${BASE}/conference-status?${this.query(call)}`,
        statusCallbackMethod: 'POST',
        statusCallbackEvent: ['start', 'end', 'join', 'leave'],
      },
      call.conference_name,
    );
    return r.toString();
  }

  /** HoldUrl: what a held caller hears (music, else a message and a pause, repeated). */
  private async consultHoldTwiml(call: AgentCallRow | undefined): Promise<string> {
    const r = newResponse();
    if (!call) return r.toString();
    const music = agentVoiceSettings(this.deps.env())?.holdMusicUrl;
    const heard = await this.spoken(call);
    say(r, toSegments(heard.w.pleaseHold, heard.lang), heard.voice);
    if (music) r.play({ loop: 0 }, music);
    else {
      r.pause({ length: 20 });
      r.redirect({ method: 'POST' }, `${BASE}/consult-hold?${this.query(call)}`);
    }
    return r.toString();
  }

  /**
   * The conference's status callback. The caller joined: their conference is known, and a
   * consultation waiting for it holds them and rings the consultee. The agent holding the call
   * left it (hung up their leg, not by a completed transfer): the caller, alone, is hung up.
   */
  private async conferenceStatus(p: Params, call: AgentCallRow | undefined, req: Request): Promise<string> {
    const ok = newResponse().toString();
    if (!call || !p.ConferenceSid || !/^CF[0-9a-fA-F]{32}$/.test(p.ConferenceSid) || p.FriendlyName !== call.conference_name) return ok;
    const db = this.deps.store.db;
    const origin = this.deps.publicUrl() ?? `${req.protocol}://${req.get('host')}`;
    const known = call.conference_sid ? call : ((await setAgentCallLegs(db, call.tenant_id, call.id, { conferenceSid: p.ConferenceSid }, this.deps.clock())) ?? call);
    const event = p.StatusCallbackEvent;
    if (event === 'participant-join' && p.CallSid === call.call_sid) {
      const consult = await openCallConsult(db, call.tenant_id, call.id);
      if (consult?.status === 'starting') {
        try {
          await this.ringConsultee(known, consult, origin);
        } catch (err) {
          this.deps.log.warn({ err: String(err), consult: consult.id }, 'consultation could not ring the other agent');
          await setCallConsult(db, call.tenant_id, consult.id, OPEN_CONSULT, 'failed', this.deps.clock(), { detail: err instanceof Error ? err.message : String(err) });
          await this.backToCaller(known, { ...consult, status: 'ringing' }, origin).catch(() => undefined);
        }
        this.deps.changed?.(call.tenant_id, call.conversation_id);
      }
      return ok;
    }
    if (event === 'participant-leave' && p.CallSid === call.call_sid) {
      await this.callerLeft(known);
      return ok;
    }
    if (event === 'participant-leave' && p.CallSid) {
      // The agent who holds the call now hung up their own leg: nobody is left to talk to the caller,
      // who leaves the conference for "How did we do?" where it may be asked, else is hung up.
      const holder = await agentCallByLeg(db, call.tenant_id, p.CallSid);
      if (holder && holder.call_sid === call.call_sid && holder.status !== 'consulting') {
        if (await setAgentCallStatus(db, holder.tenant_id, holder.id, 'ended', this.deps.clock(), { detail: 'agent hung up' })) {
          const next = await this.afterAdviser(holder, `${this.origin(origin)}${BASE}`);
          await this.updateCall(holder.call_sid, next).catch((err) => this.deps.log.warn({ err: String(err) }, 'could not end the caller\'s call'));
          this.deps.changed?.(holder.tenant_id, holder.conversation_id);
        }
      }
    }
    return ok;
  }

  /**
   * The consultee's leg (a participant's status callback). Answered: they are talking. Not
   * answered: a queue's next available agent is rung (passing over those tried), else the caller is
   * back with the agent. Hung up while talking: back to the caller too.
   */
  private async consultLeg(p: Params, call: AgentCallRow | undefined, consultId: string, req: Request): Promise<string> {
    const ok = newResponse().toString();
    if (!call || !/^[0-9a-f-]{36}$/i.test(consultId)) return ok;
    const db = this.deps.store.db;
    const consult = await callConsultById(db, call.tenant_id, consultId);
    if (!consult || consult.agent_call_id !== call.id || !p.CallSid || p.CallSid !== consult.consultee_call_sid) return ok;
    const origin = this.deps.publicUrl() ?? `${req.protocol}://${req.get('host')}`;
    const now = this.deps.clock();
    const status = p.CallStatus ?? '';
    if (status === 'in-progress' || status === 'answered') {
      if (await setCallConsult(db, call.tenant_id, consult.id, ['ringing'], 'talking', now, { answered: true })) this.deps.changed?.(call.tenant_id, call.conversation_id);
      return ok;
    }
    if (!['completed', 'no-answer', 'busy', 'failed', 'canceled'].includes(status)) return ok;
    const current = (await agentCallById(db, call.tenant_id, call.id)) ?? call;
    if (consult.status === 'ringing') {
      const next = consult.target_queue ? await this.deps.nextConsultee?.(call.tenant_id, consult.target_queue, [call.agent_id, ...consult.tried]) : undefined;
      if (next) {
        const moved = await setCallConsult(db, call.tenant_id, consult.id, ['ringing'], 'ringing', now, { toAgentId: next, tried: [...consult.tried, next], consulteeCallSid: null, detail: `${status}: trying the next agent` });
        if (moved) {
          try {
            await this.ringConsultee(current, moved, origin);
          } catch (err) {
            await setCallConsult(db, call.tenant_id, consult.id, OPEN_CONSULT, 'failed', this.deps.clock(), { detail: err instanceof Error ? err.message : String(err) });
            await this.backToCaller(current, moved, origin).catch(() => undefined);
          }
          this.deps.changed?.(call.tenant_id, call.conversation_id);
        }
        return ok;
      }
      if (await setCallConsult(db, call.tenant_id, consult.id, ['ringing'], 'failed', now, { detail: status === 'completed' ? 'no-answer' : status })) {
        await this.backToCaller(current, { ...consult, consultee_call_sid: null }, origin).catch((err) => this.deps.log.warn({ err: String(err) }, 'could not take the caller off hold'));
        this.deps.changed?.(call.tenant_id, call.conversation_id);
      }
      return ok;
    }
    if (consult.status === 'talking' && (await setCallConsult(db, call.tenant_id, consult.id, ['talking'], 'cancelled', now, { detail: 'the other agent hung up' }))) {
      await this.backToCaller(current, { ...consult, consultee_call_sid: null }, origin).catch((err) => this.deps.log.warn({ err: String(err) }, 'could not take the caller off hold'));
      this.deps.changed?.(call.tenant_id, call.conversation_id);
    }
    return ok;
  }
}

const OPEN_CONSULT: readonly ConsultStatus[] = ['starting', 'ringing', 'talking'];

type Params = Record<string, string | undefined>;
const FINISHED_STATUSES = new Set<string>(['ended', 'no_answer', 'failed']);
