/**
 * The console's side of answering callers (issue 14): the agent's Voice access token, their choice
 * of browser or desk phone, and the controls of a bridged call (status, hold, resume, transfer,
 * hang-up). The bridge itself starts on accept (`bridgeOnAccept`, called by work-routes.ts); Twilio
 * is reached only through `deps.agentVoice` (channels/twilio/voice/agent-voice.ts, wired in
 * api/server.ts), so handoff/ never knows about calls. Twilio's refusals are problems the agent sees.
 */
import { Router, type ErrorRequestHandler, type Request } from 'express';
import { z } from 'zod';
import { conversationSight, isSupervisor, QueueError, transfer } from '../../handoff/index.js';
import { AgentVoiceError, twilioQueueName } from '../../channels/index.js';
import { agentCallSettings, latestAgentCall, openHandoffFor, saveAgentCallSettings, type AgentCallRow } from '../../store/index.js';
import { transferRequest } from '../../wire/index.js';
import { sendProblem } from '../problem.js';
import type { ConsoleDeps } from './deps.js';
import { requireAgent, type ConsoleAgent } from './session.js';
import { emitToConsoles, notifyConversationMessage, notifyQueueChanged, overflowPolicyOf, queuesOf, routeAndNotify } from './socket.js';

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

const originOf = (req: Request) => `${req.protocol}://${req.get('host')}`;

/** Consoles refresh and routing runs again after a call or its handoff changed. */
export async function callChanged(deps: ConsoleDeps, tenant: string, conversationId: string): Promise<void> {
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
    res.json({ call: callView(await latestAgentCall(db, agent.tenantId, id)) });
  });

  for (const action of ['hold', 'resume', 'hang-up'] as const) {
    router.post(`/conversations/:id/call/${action}`, auth, async (req, res) => {
      const agent = agentOf(req);
      const call = await callFor(agent, String(req.params.id));
      const after = await voice().control(call, action, originOf(req));
      await notifyConversationMessage(deps, agent.tenantId, call.conversation_id);
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

  router.use(callErrors);
  return router;
}

/** Twilio's refusals and the queue's rules become problem responses. */
export const callErrors: ErrorRequestHandler = (err, _req, res, next) => {
  if (err instanceof AgentVoiceError) return sendProblem(res, err.status, err.title, err.detail);
  if (err instanceof QueueError) return sendProblem(res, err.status, err.title, err.message === err.title ? undefined : err.message);
  next(err);
};
