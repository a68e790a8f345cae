import { Router, type Request } from 'express';
import { z } from 'zod';
import { conversationSight, isSupervisor } from '../../handoff/index.js';
import { localMidnight } from '../../reports/index.js';
import { caseForSearch, conversationForSearch, normalisePostcode, POSTCODE_SHAPE, recordAudit, searchRecords, type RecordSearch, type SearchCandidate } from '../../store/index.js';
import { sendProblem } from '../problem.js';
import type { ConsoleDeps } from './deps.js';
import { requireAgent, type ConsoleAgent } from './session.js';
import { overflowPolicyOf, queuesOf, serviceNamesOf, timeZoneOf } from './socket.js';
import type { SearchResult } from '../../wire/index.js';

/**
 * Search for agents (issue 16, item 5): earlier cases and conversations by reference, name, phone,
 * e-mail, postcode, service and date (store/search.ts says what each can match, and why sealed
 * fields only match exactly). Need-to-know: a result is shown only if the agent may see its
 * conversation by the console's one rule (handoff/queue/access.ts); a case without a conversation
 * is for supervisors. What the agent may not see is left out silently, so its existence is not
 * confirmed. The search is audited (which criteria, never their values), and so is every result opened.
 * The search is a POST, which keeps a phone number or name out of URLs and access logs.
 */

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const text = z.string().trim().max(200);
const searchBody = z
  .object({ reference: text, name: text, phone: text, email: text, postcode: text, service: text, from: day, to: day })
  .partial()
  .strict();

const CRITERIA = ['reference', 'name', 'phone', 'email', 'postcode', 'service'] as const;
const MAX_RESULTS = 50;


export function searchRoutes(deps: ConsoleDeps): Router {
  const router = Router();
  const auth = requireAgent(deps);
  const db = deps.store.db;

  /** Whether the agent may see a conversation (the console's need-to-know rule); memoised per request. */
  const seer = (agent: ConsoleAgent) => {
    const seen = new Map<string, boolean>();
    return async (conversationId: string | null): Promise<boolean> => {
      if (!conversationId) return isSupervisor(agent);
      if (!seen.has(conversationId)) {
        const { sight } = await conversationSight(db, agent.tenantId, conversationId, agent, queuesOf(deps, agent.tenantId), {
          urgentOverflow: overflowPolicyOf(deps, agent.tenantId),
          now: deps.clock(),
        });
        seen.set(conversationId, !!sight);
      }
      return seen.get(conversationId)!;
    };
  };

  const audit = (agent: ConsoleAgent, action: string, subjectType: string, subjectId: string, detail: Record<string, unknown>) =>
    recordAudit(db, { tenant: agent.tenantId, actorType: 'agent', actorId: agent.id, action, subjectType, subjectId, detail: { agentName: agent.name, ...detail } });

  // The services a search may be narrowed to (the council's catalogue).
  router.get('/search/services', auth, (req, res) => {
    let services: { id: string; name: string }[] = [];
    try {
      const byId = deps.assistant.runtime(req.agent!.tenantId).pack.servicesById as Map<string, { name?: string }>;
      services = [...byId].map(([id, s]) => ({ id, name: s.name ?? id })).sort((a, b) => a.name.localeCompare(b.name));
    } catch {
      // No content pack for the council: no services to offer.
    }
    res.json({ services });
  });

  router.post('/search', auth, async (req: Request, res) => {
    const agent = req.agent!;
    const parsed = searchBody.safeParse(req.body ?? {});
    if (!parsed.success) {
      return sendProblem(res, 400, 'Invalid search', parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
    }
    const body = parsed.data;
    const given = CRITERIA.filter((k) => body[k]);
    if (!given.length) return sendProblem(res, 400, 'Invalid search', 'Give at least one of reference, name, phone, e-mail, postcode or service (dates only narrow a search).');
    const problems: string[] = [];
    if (body.postcode && !POSTCODE_SHAPE.test(normalisePostcode(body.postcode))) problems.push('postcode: a whole postcode, such as SW1A 1AA (postcodes are sealed, so only a whole one can match)');
    if (body.phone && body.phone.replace(/\D/g, '').length < 6) problems.push('phone: a whole number (phone numbers are sealed, so only a whole one can match)');
    if (body.email && !/^[^@\s]+@[^@\s]+$/.test(body.email)) problems.push('email: a whole address (e-mail addresses are sealed, so only a whole one can match)');
    if (body.name && body.name.length < 2) problems.push('name: at least 2 letters');
    const tz = timeZoneOf(deps, agent.tenantId);
    const dayStart = (d: string) => localMidnight(new Date(`${d}T00:00:00Z`), tz);
    const from = body.from ? dayStart(body.from) : undefined;
    // `to` is the last day searched: up to the midnight after it.
    const to = body.to ? localMidnight(new Date(new Date(`${body.to}T00:00:00Z`).getTime() + 86_400_000), tz) : undefined;
    if ((from && isNaN(from.getTime())) || (to && isNaN(to.getTime()))) problems.push('from/to: real dates');
    else if (from && to && from >= to) problems.push('from: on or before to');
    if (problems.length) return sendProblem(res, 400, 'Invalid search', problems.join('; '));

    const query: RecordSearch = { ...body, from, to };
    const candidates = await searchRecords(db, agent.tenantId, query);
    const maySee = seer(agent);
    const visible: SearchCandidate[] = [];
    for (const c of candidates) {
      if (visible.length >= MAX_RESULTS) break;
      if (await maySee(c.kind === 'case' ? c.conversationId : c.id)) visible.push(c);
    }
    const serviceName = serviceNamesOf(deps, agent.tenantId);
    const results: SearchResult[] = visible.map((c) =>
      c.kind === 'case'
        ? { kind: 'case', id: c.id, title: c.reference, service: serviceName(c.serviceId) ?? c.serviceId, status: c.status, channel: null, contactName: c.contactName, caseReferences: [c.reference], createdAt: c.createdAt.toISOString() }
        : { kind: 'conversation', id: c.id, title: `Conversation by ${c.channel}`, service: null, status: c.state, channel: c.channel, contactName: c.contactName, caseReferences: c.caseReferences, createdAt: c.createdAt.toISOString() },
    );
    await audit(agent, 'search.query', 'tenant', agent.tenantId, { criteria: [...given, ...(body.from ? ['from'] : []), ...(body.to ? ['to'] : [])], results: results.length });
    res.setHeader('Cache-Control', 'no-store');
    res.json({ results, limited: visible.length >= MAX_RESULTS });
  });

  // A case opened from the results: 404 unless the agent may see it; every opening audited.
  router.get('/search/cases/:id', auth, async (req, res) => {
    const agent = req.agent!;
    const found = await caseForSearch(db, agent.tenantId, String(req.params.id));
    if (!found || !(await seer(agent)(found.conversationId))) return sendProblem(res, 404, 'Case not found');
    await audit(agent, 'search.open', 'case', found.id, { reference: found.reference });
    res.setHeader('Cache-Control', 'no-store');
    res.json({
      case: {
        ...found,
        service: serviceNamesOf(deps, agent.tenantId)(found.serviceId) ?? found.serviceId,
        createdAt: found.createdAt.toISOString(),
        updatedAt: found.updatedAt.toISOString(),
        history: found.history.map((h) => ({ ...h, createdAt: h.createdAt.toISOString() })),
      },
    });
  });

  // A conversation opened from the results (read only): 404 unless the agent may see it; every opening audited.
  router.get('/search/conversations/:id', auth, async (req, res) => {
    const agent = req.agent!;
    const id = String(req.params.id);
    if (!/^[0-9a-f-]{36}$/i.test(id) || !(await seer(agent)(id))) return sendProblem(res, 404, 'Conversation not found');
    const found = await conversationForSearch(db, agent.tenantId, id);
    if (!found) return sendProblem(res, 404, 'Conversation not found');
    await audit(agent, 'search.open', 'conversation', found.id, {});
    res.setHeader('Cache-Control', 'no-store');
    res.json({
      conversation: {
        ...found,
        createdAt: found.createdAt.toISOString(),
        closedAt: found.closedAt?.toISOString() ?? null,
        messages: found.messages.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
      },
    });
  });

  return router;
}
