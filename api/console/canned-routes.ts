import { Router, type ErrorRequestHandler, type Request } from 'express';
import { listCannedResponses, QueueError } from '../../handoff/index.js';
import { cannedResponses, createCannedResponse, deleteCannedResponse, everHadCannedResponses, recordAudit, updateCannedResponse, type CannedResponseRow } from '../../store/index.js';
import { cannedResponseRequest, type CannedResponses, type CannedResponseSaved } from '../../wire/index.js';
import type { ConsoleDeps } from './deps.js';
import { requireAgent, type ConsoleAgent } from './session.js';
import { queuesOf } from './socket.js';
import { sendProblem } from '../problem.js';

/**
 * Canned responses (issue 16, item 7): agents read the council's and their skills' ones (the
 * console fills {resident_name}, {agent_name}, {council} and {reference} on insert); supervisors
 * and admins add, change and remove them, per council or per skill, each change audited.
 * `GET /canned-responses?all=true` lists every skill's, for those who manage them.
 */
export function cannedRoutes(deps: ConsoleDeps): Router {
  const router = Router();
  const db = deps.store.db;
  const auth = requireAgent(deps);
  const managers = requireAgent(deps, { roles: ['supervisor', 'admin'] });
  const manages = (agent: ConsoleAgent) => agent.roles.includes('supervisor') || agent.roles.includes('admin');

  router.get('/canned-responses', auth, async (req, res) => {
    const agent = req.agent!;
    // A council that never had any gets the demo set once (handoff/queue/canned.ts); one that removed them all keeps none.
    if (!(await everHadCannedResponses(db, agent.tenantId))) await listCannedResponses(db, agent.tenantId);
    const all = req.query.all === 'true';
    if (all && !manages(agent)) throw new QueueError(403, 'Forbidden', 'Only supervisors and admins manage canned responses.');
    const rows = await cannedResponses(db, agent.tenantId);
    const shown = all ? rows : rows.filter((r) => r.skill === null || agent.skills.includes(r.skill));
    res.setHeader('Cache-Control', 'no-store');
    res.json({ responses: shown.map(toWire) } satisfies CannedResponses);
  });

  router.post('/canned-responses', managers, async (req, res) => {
    const agent = req.agent!;
    const input = checked(req);
    const row = await createCannedResponse(db, agent.tenantId, input, deps.clock());
    await audit(agent, 'canned_response.create', row);
    res.status(201).json({ response: { ...toWire(row), skill: row.skill } } satisfies CannedResponseSaved);
  });

  router.put('/canned-responses/:id', managers, async (req, res) => {
    const agent = req.agent!;
    const input = checked(req);
    const row = await updateCannedResponse(db, agent.tenantId, String(req.params.id), input, deps.clock());
    if (!row) throw new QueueError(404, 'Canned response not found');
    await audit(agent, 'canned_response.update', row);
    res.json({ response: { ...toWire(row), skill: row.skill } } satisfies CannedResponseSaved);
  });

  router.delete('/canned-responses/:id', managers, async (req, res) => {
    const agent = req.agent!;
    const row = await deleteCannedResponse(db, agent.tenantId, String(req.params.id), deps.clock());
    if (!row) throw new QueueError(404, 'Canned response not found');
    await audit(agent, 'canned_response.delete', row);
    res.status(204).end();
  });

  // As work-routes.ts's queueErrors (which mounts this router, so it is not imported from there).
  router.use(((err, _req, res, next) => {
    if (err instanceof QueueError) return sendProblem(res, err.status, err.title, err.message === err.title ? undefined : err.message);
    next(err);
  }) satisfies ErrorRequestHandler);
  return router;

  /** The body, with a skill that one of the council's queues needs (else a typo would hide it from everyone). */
  function checked(req: Request): { title: string; body: string; skill: string | null } {
    const body = cannedResponseRequest.parse(req.body ?? {});
    const skill = body.skill || null;
    if (skill) {
      const skills = new Set(queuesOf(deps, req.agent!.tenantId).flatMap((q) => q.skills));
      if (!skills.has(skill)) throw new QueueError(400, 'Unknown skill', `No queue of the council needs the skill ${skill}.`);
    }
    return { title: body.title, body: body.body, skill };
  }

  function audit(agent: ConsoleAgent, action: string, row: CannedResponseRow): Promise<void> {
    return recordAudit(db, { tenant: agent.tenantId, actorType: 'agent', actorId: agent.id, action, subjectType: 'canned_response', subjectId: row.id, detail: { agentName: agent.name, title: row.title, skill: row.skill } });
  }
}

/** A council-wide response has no `skill` on the wire, as before skills were added. */
function toWire(r: CannedResponseRow): { id: string; title: string; body: string; skill?: string } {
  return { id: r.id, title: r.title, body: r.body, ...(r.skill ? { skill: r.skill } : {}) };
}
