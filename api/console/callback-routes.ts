/**
 * The console's call-back queue (issue 14, item 2): the call-backs of the queues an agent serves
 * (supervisors: all), "Call now" (Twilio rings the agent, then bridges the resident), and the
 * agent's note of the outcome. Need-to-know as for handoffs (handoff/queue/access.ts `queuesServedBy`):
 * a call-back of another queue answers 404, as if it did not exist. Signed-in agents only, with the
 * console's CSRF check on every POST (session.ts `requireAgent`).
 */
import { Router } from 'express';
import { callbackFor, callbackQueue, CallbackCallFailed, cancelCallback, placeCallback, recordOutcome } from '../../callbacks/index.js';
import { isSupervisor, queuesServedBy } from '../../handoff/index.js';
import { agentCallSettings, recordAudit, toE164 } from '../../store/index.js';
import { sendProblem } from '../problem.js';
import type { ConsoleDeps } from './deps.js';
import { requireAgent, type ConsoleAgent } from './session.js';
import { consoleRooms, queuesOf } from './socket.js';

const MAX_OUTCOME = 2000;
const MAX_REASON = 500;

export function callbackRoutes(deps: ConsoleDeps): Router {
  const router = Router();
  const auth = requireAgent(deps);
  const scope = (agent: ConsoleAgent): string[] | null => (isSupervisor(agent) ? null : queuesServedBy(agent, queuesOf(deps, agent.tenantId)));

  // GET /callbacks → {callbacks: CallbackItem[]}: soonest due first, overdue flagged.
  router.get('/callbacks', auth, async (req, res) => {
    const agent = req.agent!;
    const callbacks = await callbackQueue(deps.store.db, agent.tenantId, scope(agent), deps.clock());
    await recordAudit(deps.store.db, { tenant: agent.tenantId, actorType: 'agent', actorId: agent.id, action: 'callbacks.listed', subjectType: 'queue', subjectId: 'callbacks', detail: { count: callbacks.length } });
    res.setHeader('Cache-Control', 'no-store');
    res.json({ callbacks });
  });

  router.get('/callbacks/:id', auth, async (req, res) => {
    const agent = req.agent!;
    const item = await callbackFor(deps.store.db, agent.tenantId, String(req.params.id), scope(agent), deps.clock());
    if (!item) return sendProblem(res, 404, 'Not found', 'No such call-back.');
    res.setHeader('Cache-Control', 'no-store');
    res.json({ callback: item });
  });

  // POST /callbacks/:id/call {phone?}: rings the agent (a number given now, else their chosen desk phone, else their console's client), then the resident.
  router.post('/callbacks/:id/call', auth, async (req, res) => {
    const agent = req.agent!;
    const dialler = deps.callbackDialler;
    if (!dialler) return sendProblem(res, 503, 'Calls not configured', 'Twilio is not configured here, so the console cannot place calls. Call the resident from a desk phone.');
    const given = (req.body as { phone?: unknown } | undefined)?.phone;
    // The agent's own choice (item 1's call settings: their console, or a desk phone), unless a number is given now.
    const choice = await agentCallSettings(deps.store.db, agent.tenantId, agent.id);
    let agentTo = choice.bridge === 'phone' && choice.deskPhone ? choice.deskPhone : `agent-${agent.id}`;
    if (given !== undefined && given !== null && given !== '') {
      const phone = typeof given === 'string' ? toE164(given) : null;
      if (!phone) return sendProblem(res, 400, 'Invalid phone number', 'Give your phone number as 07700 900123 or +447700900123, or leave it out to be called in the console.');
      agentTo = phone;
    }
    try {
      const placed = await placeCallback(deps.store.db, dialler, { tenant: agent.tenantId, id: String(req.params.id), agent: { id: agent.id, name: agent.name }, agentTo, queues: scope(agent), now: deps.clock() });
      if (!placed.ok && placed.reason === 'not_found') return sendProblem(res, 404, 'Not found', 'No such call-back.');
      if (!placed.ok) return sendProblem(res, 409, 'Not callable', 'This call-back is already being called, or is finished.');
      res.status(202).json({ callback: placed.item, callSid: placed.callSid });
    } catch (err) {
      if (err instanceof CallbackCallFailed) return sendProblem(res, 502, 'Call not placed', `Twilio did not place the call (${err.message}). The call-back is still in the queue; try again.`);
      throw err;
    }
  });

  // POST /callbacks/:id/outcome {outcome}: what was agreed on the call.
  router.post('/callbacks/:id/outcome', auth, async (req, res) => {
    const agent = req.agent!;
    const outcome = (req.body as { outcome?: unknown } | undefined)?.outcome;
    if (typeof outcome !== 'string' || !outcome.trim() || outcome.length > MAX_OUTCOME) {
      return sendProblem(res, 400, 'Invalid outcome', `Say what happened on the call (1 to ${MAX_OUTCOME} characters).`);
    }
    const id = String(req.params.id);
    const before = await callbackFor(deps.store.db, agent.tenantId, id, scope(agent), deps.clock());
    if (!before) return sendProblem(res, 404, 'Not found', 'No such call-back.');
    const item = await recordOutcome(deps.store.db, { tenant: agent.tenantId, id, agentId: agent.id, outcome: outcome.trim(), queues: scope(agent), now: deps.clock() });
    if (!item) return sendProblem(res, 409, 'No call to record', 'An outcome is recorded once the resident has answered.');
    res.json({ callback: item });
  });

  // POST /callbacks/:id/cancel {reason}: taken out of the queue (waiting or missed ones), audited.
  router.post('/callbacks/:id/cancel', auth, async (req, res) => {
    const agent = req.agent!;
    const reason = (req.body as { reason?: unknown } | undefined)?.reason;
    if (typeof reason !== 'string' || !reason.trim() || reason.length > MAX_REASON) {
      return sendProblem(res, 400, 'Reason needed', `Say why the call-back is cancelled (1 to ${MAX_REASON} characters).`);
    }
    const done = await cancelCallback(deps.store.db, { tenant: agent.tenantId, id: String(req.params.id), agent: { id: agent.id }, reason: reason.trim(), queues: scope(agent), now: deps.clock() });
    if (!done.ok && done.reason === 'not_found') return sendProblem(res, 404, 'Not found', 'No such call-back.');
    if (!done.ok) return sendProblem(res, 409, 'Not cancellable', 'Only a waiting or missed call-back can be cancelled; one being called ends with its call.');
    deps.consoleNamespace?.()?.to([consoleRooms.supervisors(agent.tenantId), consoleRooms.queue(agent.tenantId, done.item.queue)]).emit('callback:changed', { id: done.item.id });
    res.json({ callback: done.item });
  });
  return router;
}
