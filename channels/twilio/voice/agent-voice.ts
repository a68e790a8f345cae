/**
 * Answering callers from the console (issue 14): the server's side of the bridge between a caller
 * waiting in a Twilio queue and an agent. It mints short-lived Voice access tokens (the agent's
 * browser registers as Twilio Client `agent-<id>`), moves the caller's leg with Twilio's REST API
 * (`POST …/Calls/{CallSid}.json` with `Url=`: to the dial of the agent, to hold, back to a queue, or
 * `Status=completed`), and answers those TwiML requests, signed by Twilio as the IVR's are.
 * Each bridge is a row in `agent_calls` (store/agent-calls.ts) with its status and times.
 * A leg the agent does not answer sends the caller back to the Twilio queue and the handoff back to
 * its queue for the next agent (handoff `returnUnanswered`).
 */
import { Router, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import twilio from 'twilio';
import { returnUnanswered, type UnansweredReason } from '../../../handoff/index.js';
import {
  agentCallById,
  agentCallSettings,
  findConversation,
  firstOutbound,
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
import { enqueueResponse, newResponse, say } from './twiml.js';
import { toSegments } from './speakable.js';
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
  /** A queue's name, for the notice of a handoff returned to it. */
  queueName?: (tenant: string, queueId: string) => string | undefined;
  /** A call or its handoff changed outside a console request (Twilio's callbacks): refresh consoles, route again. */
  changed?: (tenant: string, conversationId: string) => void;
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

  /** Twilio's REST update of the caller's call; its refusal or absence becomes a 502 for the agent. */
  private async updateCall(callSid: string, params: { url?: string; status?: 'completed'; statusCallback?: string }): Promise<void> {
    const s = this.settings();
    const rest = new TwilioRestClient({ accountSid: s.accountSid, authToken: s.authToken, apiBaseUrl: s.apiBaseUrl });
    try {
      await rest.client.calls(callSid).update({
        ...(params.url ? { url: params.url, method: 'POST' } : {}),
        ...(params.status ? { status: params.status } : {}),
        ...(params.statusCallback ? { statusCallback: params.statusCallback, statusCallbackMethod: 'POST' } : {}),
      });
    } catch (err) {
      const e = err as { status?: number; code?: number; message?: string };
      this.deps.log.warn({ callSid, status: e.status, code: e.code, err: e.message }, 'Twilio refused a call update');
      const why = typeof e.status === 'number' ? `Twilio answered ${e.status}${e.code ? ` (error ${e.code})` : ''}: ${e.message ?? 'error'}` : `Twilio could not be reached: ${e.message ?? String(err)}`;
      throw new AgentVoiceError(502, 'Twilio refused the call change', why);
    }
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
      await returnUnanswered(db, input.tenant, { conversationId: input.conversationId, handoffId: input.handoffId, agentId: input.agentId, reason: 'rest-error', now: this.deps.clock(), teamName: await this.teamOf(input.tenant, input.conversationId) });
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
    await this.updateCall(call.call_sid, { status: 'completed' });
    return (await setAgentCallStatus(db, call.tenant_id, call.id, 'ended', this.deps.clock(), { detail: 'agent hung up' })) ?? call;
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
    const answer = (handler: (p: Params, call: AgentCallRow | undefined, req: Request) => Promise<string>) => async (req: Request, res: Response) => {
      const p = (req.body ?? {}) as Params;
      const q = Object.fromEntries(Object.entries(req.query).map(([k, v]) => [k, typeof v === 'string' ? v : undefined])) as Params;
      try {
        const call = q.t && q.call && /^[0-9a-f-]{36}$/i.test(q.call) ? await agentCallById(this.deps.store.db, q.t, q.call) : undefined;
        // A call of ours only: the CallSid must be the caller's leg this bridge was made for.
        const ours = call && (!p.CallSid || p.CallSid === call.call_sid) ? call : undefined;
        res.type('text/xml').send(await handler(p, ours, req));
      } catch (err) {
        this.deps.log.error({ err, path: req.path }, 'agent voice webhook failed');
        res.type('text/xml').send('<?xml version="1.0" encoding="UTF-8"?><Response><Say language="en-GB">Sorry, something went wrong on our side. Please call again in a few minutes. Goodbye.</Say><Hangup/></Response>');
      }
    };
    router.post('/voice/bridge', ...verified, answer((p, call) => this.bridgeTwiml(p, call)));
    router.post('/voice/bridge-done', ...verified, answer((p, call, req) => this.bridgeDone(p, call, req)));
    router.post('/voice/agent-leg', ...verified, answer((p, call) => this.agentLeg(p, call)));
    router.post('/voice/hold', ...verified, answer((_p, call) => Promise.resolve(this.holdTwiml(call))));
    router.post('/voice/requeue', ...verified, answer((_p, call, req) => Promise.resolve(this.requeueTwiml(call, String(req.query.q ?? '')))));
    router.post('/voice/call-status', ...verified, answer((p, call) => this.callStatus(p, call)));
    return router;
  }

  private voice(tenant: string): string {
    return this.deps.sayVoice?.(tenant) ?? 'Polly.Amy-Neural';
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
    // Moved on purpose (hold, transfer) or already over: the redirect or the hang-up has taken the call elsewhere.
    if (call.status === 'held' || call.status === 'transferring' || FINISHED_STATUSES.has(call.status)) return r.toString();
    const db = this.deps.store.db;
    const now = this.deps.clock();
    const dialStatus = p.DialCallStatus ?? '';
    if (dialStatus === 'completed' || dialStatus === 'answered') {
      const callerGone = p.CallStatus === 'completed';
      if (await setAgentCallStatus(db, call.tenant_id, call.id, 'ended', now, { detail: callerGone ? 'caller hung up' : 'agent hung up' })) {
        this.deps.changed?.(call.tenant_id, call.conversation_id);
      }
      if (!callerGone) say(r, toSegments('Thank you for calling. Goodbye.'), this.voice(call.tenant_id));
      r.hangup();
      return r.toString();
    }
    const reason: UnansweredReason = dialStatus === 'busy' || dialStatus === 'failed' || dialStatus === 'canceled' ? dialStatus : 'no-answer';
    const changed = await setAgentCallStatus(db, call.tenant_id, call.id, reason === 'failed' ? 'failed' : 'no_answer', now, { detail: reason });
    if (changed) {
      await returnUnanswered(db, call.tenant_id, { conversationId: call.conversation_id, handoffId: call.handoff_id, agentId: call.agent_id, reason, now, teamName: await this.teamOf(call.tenant_id, call.conversation_id) });
      this.deps.changed?.(call.tenant_id, call.conversation_id);
    }
    if (p.CallStatus === 'completed') {
      r.hangup();
      return r.toString();
    }
    return this.enqueueAgain(call, await this.queueOf(call), 'Sorry, nobody could take your call just then. Please stay on the line for the next adviser.');
  }

  /** The name of the queue the conversation's handoff is in, for its notice. */
  private async teamOf(tenant: string, conversationId: string): Promise<string> {
    const handoff = await openHandoffFor(this.deps.store.db, tenant, conversationId);
    return (handoff && this.deps.queueName?.(tenant, handoff.queue)) ?? 'our team';
  }

  /** The Twilio queue the call's handoff waits in now. */
  private async queueOf(call: AgentCallRow): Promise<string> {
    const handoff = await openHandoffFor(this.deps.store.db, call.tenant_id, call.conversation_id);
    return twilioQueueName(call.tenant_id, { priority: handoff?.priority ?? 'normal', queue: handoff?.queue ?? 'general' });
  }

  private enqueueAgain(call: AgentCallRow, queueName: string, words: string): string {
    const q = new URLSearchParams({ c: call.conversation_id, t: call.tenant_id }).toString();
    return enqueueResponse(toSegments(words), this.voice(call.tenant_id), queueName, `${BASE}/queue-wait?${q}`, `${BASE}/queue-leave?${q}`);
  }

  private holdTwiml(call: AgentCallRow | undefined): string {
    const r = newResponse();
    if (!call || call.status !== 'held') {
      // Resumed or ended meanwhile: nothing to hold.
      if (!call) r.hangup();
      return r.toString();
    }
    const music = agentVoiceSettings(this.deps.env())?.holdMusicUrl;
    say(r, toSegments('Please hold. Your adviser will be back with you shortly.'), this.voice(call.tenant_id));
    if (music) r.play({ loop: 0 }, music);
    else {
      r.pause({ length: 20 });
      r.redirect({ method: 'POST' }, `${BASE}/hold?${this.query(call)}`);
    }
    return r.toString();
  }

  private requeueTwiml(call: AgentCallRow | undefined, queueName: string): string {
    if (!call || !/^[A-Za-z0-9_-]{1,64}$/.test(queueName)) {
      const r = newResponse();
      r.hangup();
      return r.toString();
    }
    return this.enqueueAgain(call, queueName, "I'm transferring you now. Please stay on the line.");
  }

  /** The caller's call ended (hung up while held, or anywhere else after the redirect): the bridge is over. */
  private async callStatus(p: Params, call: AgentCallRow | undefined): Promise<string> {
    if (call && p.CallStatus === 'completed' && call.status !== 'transferring') {
      if (await setAgentCallStatus(this.deps.store.db, call.tenant_id, call.id, 'ended', this.deps.clock(), { detail: 'caller hung up' })) {
        this.deps.changed?.(call.tenant_id, call.conversation_id);
      }
    }
    return newResponse().toString();
  }
}

type Params = Record<string, string | undefined>;
const FINISHED_STATUSES = new Set<string>(['ended', 'no_answer', 'failed']);
