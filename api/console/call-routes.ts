/**
 * The console's side of answering callers (issue 14): the agent's Voice access token, their choice
 * of browser or desk phone, and the controls of a bridged call (status, hold, resume, transfer,
 * hang-up). The bridge itself starts on accept (`bridgeOnAccept`, called by work-routes.ts); Twilio
 * is reached only through `deps.agentVoice` (channels/twilio/voice/agent-voice.ts, wired in
 * api/server.ts), so handoff/ never knows about calls. Twilio's refusals are problems the agent sees.
 * A warm transfer is a consultation (`…/call/consult`, then `complete` or `cancel`): the caller held
 * in a conference while a second agent is rung; completing moves the handoff to that agent (a
 * transfer to them by name, accepted as them) once Twilio has the caller with them.
 * Every change is pushed as `call:changed` to those who may see the conversation (and the
 * consulted agent); the console's polling is only its fallback.
 */
import { Router, type ErrorRequestHandler, type Request } from 'express';
import { z } from 'zod';
import { accept, audienceOf, conversationSight, isSupervisor, queuesServedBy, QueueError, transfer } from '../../handoff/index.js';
import { AgentVoiceError, twilioQueueName } from '../../channels/index.js';
import {
  agentCallSettings,
  availableAgentLoads,
  findAgentById,
  latestAgentCall,
  latestCallConsult,
  openHandoffFor,
  saveAgentCallSettings,
  type AgentCallRow,
  type CallConsultRow,
} from '../../store/index.js';
import { transferRequest } from '../../wire/index.js';
import { sendProblem } from '../problem.js';
import type { ConsoleDeps } from './deps.js';
import { requireAgent, type ConsoleAgent } from './session.js';
import { consoleRooms, emitToConsoles, notifyConversationMessage, notifyQueueChanged, overflowPolicyOf, queuesOf, roomsOfAudience, routeAndNotify } from './socket.js';

const settingsBody = z.strictObject({
  bridge: z.enum(['client', 'phone']),
  deskPhone: z
    .string()
    .trim()
    .regex(/^\+[1-9]\d{6,14}$/, 'a phone number in international form, such as +441632960123')
    .nullable()
    .optional(),
});

/** What the console shows of a bridged call. */
export function callView(call: AgentCallRow | undefined) {
  if (!call) return null;
  return {
    id: call.id,
    status: call.status,
    target: call.target,
    detail: call.detail,
    startedAt: call.created_at.toISOString(),
    answeredAt: call.answered_at?.toISOString() ?? null,
    endedAt: call.ended_at?.toISOString() ?? null,
  };
}

/** What the console shows of a consultation (warm transfer), with the consulted agent's name. */
export async function consultView(deps: Pick<ConsoleDeps, 'store'>, tenant: string, consult: CallConsultRow | undefined) {
  if (!consult) return null;
  const to = consult.to_agent_id ? await findAgentById(deps.store.db, tenant, consult.to_agent_id) : undefined;
  return {
    id: consult.id,
    status: consult.status,
    toAgentId: consult.to_agent_id,
    toAgentName: to?.name ?? null,
    queue: consult.target_queue,
    detail: consult.detail,
    startedAt: consult.created_at.toISOString(),
    answeredAt: consult.answered_at?.toISOString() ?? null,
  };
}

const originOf = (req: Request) => `${req.protocol}://${req.get('host')}`;

/** Agents seen within this long count as present (handoff/queue PRESENCE_SECONDS). */
const PRESENT_WITHIN_MS = 60_000;

/**
 * The next agent of a queue free to be consulted now: available, seen lately, serving the queue,
 * with room beside their open work, least loaded first; none of `exclude`.
 */
export async function nextConsultee(deps: Pick<ConsoleDeps, 'store' | 'assistant' | 'clock'>, tenant: string, queueId: string, exclude: string[]): Promise<string | undefined> {
  const now = deps.clock();
  const queues = queuesOf(deps, tenant);
  const loads = await availableAgentLoads(deps.store.db, tenant, new Date(now.getTime() - PRESENT_WITHIN_MS), new Date(now.getTime() - 30_000));
  const free = loads
    .filter((a) => !exclude.includes(a.id) && a.open < a.capacity)
    .filter((a) => queuesServedBy({ skills: Array.isArray(a.skills) ? (a.skills as string[]) : typeof a.skills === 'string' ? (JSON.parse(a.skills) as string[]) : [] }, queues).includes(queueId))
    .sort((a, b) => a.open - b.open);
  return free[0]?.id;
}

/**
 * A call changed: `call:changed` to the consoles that may see the conversation (and to `also`,
 * a consulted agent), then the usual refresh and a routing pass. Never throws.
 */
export async function callChanged(deps: ConsoleDeps, tenant: string, conversationId: string, also: string[] = []): Promise<void> {
  try {
    const audience = await audienceOf(deps.store.db, tenant, conversationId, queuesOf(deps, tenant), { urgentOverflow: overflowPolicyOf(deps, tenant), now: deps.clock() });
    const consult = await latestCallConsult(deps.store.db, tenant, conversationId);
    const consulted = consult?.to_agent_id ? [consult.to_agent_id] : [];
    emitToConsoles(deps.consoleNamespace?.(), [...roomsOfAudience(tenant, audience), ...[...also, ...consulted].map(consoleRooms.agent)], 'call:changed', { conversationId });
  } catch (err) {
    deps.log.warn({ err, tenant, conversationId }, 'console call:changed not sent');
  }
  notifyQueueChanged(deps, tenant);
  await notifyConversationMessage(deps, tenant, conversationId);
  await routeAndNotify(deps, tenant);
}

/**
 * After an accept of a phone handoff: the caller is bridged to the agent. When Twilio refuses, the
 * handoff is back in the queue (acceptable again) and the problem for the agent is returned (502).
 */
export async function bridgeOnAccept(
  deps: ConsoleDeps,
  req: Request,
  agent: ConsoleAgent,
  result: { conversationId: string; handoff: { id: string } },
): Promise<AgentVoiceError | null> {
  if (!deps.agentVoice) return null;
  try {
    await deps.agentVoice.bridge({ tenant: agent.tenantId, conversationId: result.conversationId, handoffId: result.handoff.id, agentId: agent.id, origin: originOf(req) });
    return null;
  } catch (err) {
    if (!(err instanceof AgentVoiceError)) throw err;
    await callChanged(deps, agent.tenantId, result.conversationId);
    return err;
  }
}

export function callRoutes(deps: ConsoleDeps): Router {
  const router = Router();
  const auth = requireAgent(deps);
  const db = deps.store.db;
  const agentOf = (req: Request): ConsoleAgent => {
    if (!req.agent) throw new QueueError(403, 'Not signed in');
    return req.agent;
  };
  const voice = () => {
    if (!deps.agentVoice) throw new AgentVoiceError(404, 'Telephone not configured', 'Calls cannot be bridged on this server.');
    return deps.agentVoice;
  };
  /** The conversation's call, which the agent must be on (or supervise) to control. */
  const callFor = async (agent: ConsoleAgent, conversationId: string): Promise<AgentCallRow> => {
    const { sight } = await conversationSight(db, agent.tenantId, conversationId, agent, queuesOf(deps, agent.tenantId), { urgentOverflow: overflowPolicyOf(deps, agent.tenantId), now: deps.clock() });
    if (!sight) throw new QueueError(404, 'Conversation not found');
    const call = await latestAgentCall(db, agent.tenantId, conversationId);
    if (!call) throw new QueueError(409, 'No call', 'This conversation has no call bridged to an agent.');
    if (call.agent_id !== agent.id && !isSupervisor(agent)) throw new QueueError(409, 'Not yours', 'Another agent is on this call.');
    return call;
  };

  router.get('/voice/token', auth, (req, res) => {
    const agent = agentOf(req);
    res.setHeader('Cache-Control', 'no-store');
    res.json(voice().tokenFor(agent.id));
  });

  router.get('/voice/settings', auth, async (req, res) => {
    const agent = agentOf(req);
    const settings = await agentCallSettings(db, agent.tenantId, agent.id);
    res.setHeader('Cache-Control', 'no-store');
    res.json({ ...settings, browserCalling: deps.agentVoice?.browserCalling() ?? false, telephone: !!deps.agentVoice });
  });

  router.put('/voice/settings', auth, async (req, res) => {
    const agent = agentOf(req);
    const body = settingsBody.parse(req.body ?? {});
    if (body.bridge === 'phone' && !body.deskPhone) throw new QueueError(400, 'Phone number needed', 'Give the number of the phone to bridge callers to.');
    await saveAgentCallSettings(db, agent.tenantId, agent.id, { bridge: body.bridge, deskPhone: body.deskPhone ?? null }, deps.clock());
    res.status(204).end();
  });

  router.get('/conversations/:id/call', auth, async (req, res) => {
    const agent = agentOf(req);
    const id = String(req.params.id);
    const { sight } = await conversationSight(db, agent.tenantId, id, agent, queuesOf(deps, agent.tenantId), { urgentOverflow: overflowPolicyOf(deps, agent.tenantId), now: deps.clock() });
    if (!sight) throw new QueueError(404, 'Conversation not found');
    res.setHeader('Cache-Control', 'no-store');
    const call = await latestAgentCall(db, agent.tenantId, id);
    // Whose call it is (after a warm transfer, another agent's): the console disables what this agent may not do.
    const holder = call && call.agent_id !== agent.id ? await findAgentById(db, agent.tenantId, call.agent_id) : undefined;
    const view = callView(call);
    res.json({
      call: view && { ...view, yours: call!.agent_id === agent.id || isSupervisor(agent), agentName: holder?.name ?? agent.name },
      consult: await consultView(deps, agent.tenantId, await latestCallConsult(db, agent.tenantId, id)),
    });
  });

  for (const action of ['hold', 'resume', 'hang-up'] as const) {
    router.post(`/conversations/:id/call/${action}`, auth, async (req, res) => {
      const agent = agentOf(req);
      const call = await callFor(agent, String(req.params.id));
      const after = await voice().control(call, action, originOf(req));
      await callChanged(deps, agent.tenantId, call.conversation_id);
      res.json({ call: callView(after) });
    });
  }

  // A transfer of a caller: back to a Twilio queue first (nothing changes if Twilio refuses), then the handoff the normal way.
  router.post('/conversations/:id/call/transfer', auth, async (req, res) => {
    const agent = agentOf(req);
    const body = transferRequest.parse(req.body ?? {});
    const call = await callFor(agent, String(req.params.id));
    const queues = queuesOf(deps, agent.tenantId);
    if (body.queue && !queues.some((q) => q.id === body.queue)) throw new QueueError(400, 'Unknown queue', `There is no queue ${body.queue}.`);
    const handoff = await openHandoffFor(db, agent.tenantId, call.conversation_id);
    if (!handoff || handoff.agent_id !== agent.id) throw new QueueError(409, 'Not yours', 'Accept the conversation first.');
    await voice().transferCaller(call, twilioQueueName(agent.tenantId, { priority: handoff.priority, queue: body.queue ?? handoff.queue }), originOf(req));
    const moved = await transfer(db, agent.tenantId, call.conversation_id, agent, body, queues, deps.clock());
    notifyQueueChanged(deps, agent.tenantId);
    deps.realtime?.conversationUpdated(moved.conversation_id);
    await notifyConversationMessage(deps, agent.tenantId, moved.conversation_id);
    if (moved.offered_to) emitToConsoles(deps.consoleNamespace?.(), `agent:${moved.offered_to}`, 'handoff:offered', { id: moved.id });
    await routeAndNotify(deps, agent.tenantId);
    res.status(204).end();
  });

  // Warm transfer: consult a named agent, or a queue's next available one, with the caller held.
  router.post('/conversations/:id/call/consult', auth, async (req, res) => {
    const agent = agentOf(req);
    const body = transferRequest.parse(req.body ?? {});
    const call = await callFor(agent, String(req.params.id));
    if (call.agent_id !== agent.id) throw new QueueError(409, 'Not yours', 'Only the agent on the call can consult someone.');
    const queues = queuesOf(deps, agent.tenantId);
    let consulteeId: string | undefined;
    if (body.agentId) {
      const target = await findAgentById(db, agent.tenantId, body.agentId);
      if (!target || target.disabled_at) throw new QueueError(400, 'Unknown agent', `There is no agent ${body.agentId}.`);
      if (target.id === agent.id) throw new QueueError(400, 'Choose someone else', 'You cannot consult yourself.');
      const present = target.status === 'available' && !!target.last_seen_at && deps.clock().getTime() - new Date(target.last_seen_at).getTime() <= PRESENT_WITHIN_MS;
      if (!present) throw new QueueError(409, 'Not available', `${target.name} is not available to take a call now.`);
      consulteeId = target.id;
    } else {
      const queue = queues.find((q) => q.id === body.queue);
      if (!queue) throw new QueueError(400, 'Unknown queue', `There is no queue ${body.queue}.`);
      consulteeId = await nextConsultee(deps, agent.tenantId, queue.id, [agent.id]);
      if (!consulteeId) throw new QueueError(409, 'Nobody free', `Nobody in ${queue.name} is free to take a call now.`);
    }
    const consult = await voice().startConsult(call, { agentId: consulteeId }, { queue: body.agentId ? null : (body.queue ?? null), note: body.note || null, origin: originOf(req) });
    await callChanged(deps, agent.tenantId, call.conversation_id, [consulteeId]);
    res.status(201).json({ consult: await consultView(deps, agent.tenantId, consult) });
  });

  router.post('/conversations/:id/call/consult/cancel', auth, async (req, res) => {
    const agent = agentOf(req);
    const call = await callFor(agent, String(req.params.id));
    const consult = await voice().cancelConsult(call, originOf(req));
    await callChanged(deps, agent.tenantId, call.conversation_id);
    res.json({ consult: await consultView(deps, agent.tenantId, consult) });
  });

  // Completing: Twilio first (the caller with the consulted agent, this agent out), then the handoff moves to them.
  router.post('/conversations/:id/call/consult/complete', auth, async (req, res) => {
    const agent = agentOf(req);
    const call = await callFor(agent, String(req.params.id));
    const handoff = await openHandoffFor(db, agent.tenantId, call.conversation_id);
    if (!handoff || handoff.agent_id !== call.agent_id) throw new QueueError(409, 'Not yours', 'Accept the conversation first.');
    const done = await voice().completeConsult(call, originOf(req));
    const to = await findAgentById(db, agent.tenantId, done.call.agent_id);
    const queues = queuesOf(deps, agent.tenantId);
    const note = done.consult.note ?? 'Warm transfer of a caller';
    let accepted = false;
    try {
      await transfer(db, agent.tenantId, call.conversation_id, agent, { agentId: done.call.agent_id, note }, queues, deps.clock());
      if (to) {
        const me = { id: to.id, tenantId: agent.tenantId, name: to.name, roles: jsonList(to.roles), skills: jsonList(to.skills), capacity: to.capacity };
        await accept(db, agent.tenantId, handoff.id, me, queues, deps.clock(), { urgentOverflow: overflowPolicyOf(deps, agent.tenantId) });
        accepted = true;
      }
    } catch (err) {
      // The caller is already with them at Twilio: the handoff waits, offered to them by name, for them to accept.
      deps.log.warn({ err: String(err), conversation: call.conversation_id }, 'warm transfer: the handoff could not be accepted for the consulted agent');
    }
    deps.realtime?.conversationUpdated(call.conversation_id);
    await callChanged(deps, agent.tenantId, call.conversation_id, [done.call.agent_id]);
    if (!accepted) emitToConsoles(deps.consoleNamespace?.(), consoleRooms.agent(done.call.agent_id), 'handoff:offered', { id: handoff.id });
    res.json({ call: callView(done.call), consult: await consultView(deps, agent.tenantId, done.consult), handoffAccepted: accepted });
  });

  router.use(callErrors);
  return router;
}

const jsonList = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : typeof v === 'string' ? (JSON.parse(v) as string[]) : []);

/** Twilio's refusals and the queue's rules become problem responses. */
export const callErrors: ErrorRequestHandler = (err, _req, res, next) => {
  if (err instanceof AgentVoiceError) return sendProblem(res, err.status, err.title, err.detail);
  if (err instanceof QueueError) return sendProblem(res, err.status, err.title, err.message === err.title ? undefined : err.message);
  next(err);
};
