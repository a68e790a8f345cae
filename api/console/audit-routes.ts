import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { fileName, localMidnight, tableToCsv, type ReportTable } from '../../reports/index.js';
import { auditFacets, listAuditEvents, recordAudit, type AuditFilter, type AuditListing } from '../../store/index.js';
import { sendProblem } from '../problem.js';
import type { ConsoleDeps } from './deps.js';
import { requireAgent } from './session.js';
import { timeZoneOf } from './socket.js';

/**
 * The audit viewer (issue 16, item 6), for admins only: the council's audit trail filtered by staff
 * member, resident (phone, e-mail or case reference: the records about them), action and dates,
 * a page at a time, and the same as CSV (the reports' CSV writer: spreadsheet-safe cells). Filters
 * come in a POST body, as a resident's number must stay out of URLs and logs. Exporting the trail
 * is itself audited.
 */

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const text = z.string().trim().max(200);
const filterBody = z
  .object({
    staff: z.string().trim().max(100),
    action: z.string().trim().max(100).regex(/^[\w.:-]+(\.\*)?$/, 'an action such as search.open, or a family such as staff.*'),
    residentPhone: text,
    residentEmail: text,
    residentReference: text,
    from: day,
    to: day,
    before: z.string().regex(/^\d{1,19}$/, 'an event id'),
  })
  .partial()
  .strict();

const PAGE = 100;
const EXPORT_MAX = 10_000;

const wire = (e: AuditListing) => ({ ...e, createdAt: e.createdAt.toISOString() });

export function auditRoutes(deps: ConsoleDeps): Router {
  const router = Router();
  const admins = requireAgent(deps, { roles: ['admin'] });
  const db = deps.store.db;

  /** The filter from the body, or a 400 sent (undefined). */
  function filterOf(req: Request, res: Response): AuditFilter | undefined {
    const parsed = filterBody.safeParse(req.body ?? {});
    if (!parsed.success) {
      sendProblem(res, 400, 'Invalid filter', parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
      return undefined;
    }
    const b = parsed.data;
    const tz = timeZoneOf(deps, req.agent!.tenantId);
    const from = b.from ? localMidnight(new Date(`${b.from}T00:00:00Z`), tz) : undefined;
    const to = b.to ? localMidnight(new Date(new Date(`${b.to}T00:00:00Z`).getTime() + 86_400_000), tz) : undefined;
    if ((from && isNaN(from.getTime())) || (to && isNaN(to.getTime())) || (from && to && from >= to)) {
      sendProblem(res, 400, 'Invalid filter', 'from and to are real dates, from on or before to.');
      return undefined;
    }
    const resident = b.residentPhone || b.residentEmail || b.residentReference ? { phone: b.residentPhone, email: b.residentEmail, reference: b.residentReference } : undefined;
    return { actorId: b.staff || undefined, action: b.action || undefined, resident, from, to, before: b.before };
  }

  router.get('/audit/facets', admins, async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(await auditFacets(db, req.agent!.tenantId));
  });

  router.post('/audit/events', admins, async (req, res) => {
    const filter = filterOf(req, res);
    if (!filter) return;
    const events = await listAuditEvents(db, req.agent!.tenantId, { ...filter, limit: PAGE + 1 });
    const page = events.slice(0, PAGE);
    res.setHeader('Cache-Control', 'no-store');
    res.json({ events: page.map(wire), nextBefore: events.length > PAGE ? page[page.length - 1].id : null });
  });

  router.post('/audit/export', admins, async (req, res) => {
    const filter = filterOf(req, res);
    if (!filter) return;
    const agent = req.agent!;
    const events = await listAuditEvents(db, agent.tenantId, { ...filter, limit: EXPORT_MAX });
    const table: ReportTable = {
      id: 'audit',
      title: 'Audit trail',
      description: 'Who did what to which record',
      chart: null,
      columns: [
        { key: 'id', label: 'Event', kind: 'text' },
        { key: 'at', label: 'Time (UTC)', kind: 'text' },
        { key: 'actorType', label: 'Actor type', kind: 'text' },
        { key: 'actor', label: 'Staff member', kind: 'text' },
        { key: 'actorId', label: 'Actor id', kind: 'text' },
        { key: 'action', label: 'Action', kind: 'text' },
        { key: 'subjectType', label: 'Subject type', kind: 'text' },
        { key: 'subjectId', label: 'Subject id', kind: 'text' },
        { key: 'detail', label: 'Detail', kind: 'text' },
      ],
      rows: events.map((e) => ({
        id: e.id,
        at: e.createdAt.toISOString(),
        actorType: e.actorType,
        actor: e.actorName,
        actorId: e.actorId,
        action: e.action,
        subjectType: e.subjectType,
        subjectId: e.subjectId,
        detail: e.detail == null ? null : JSON.stringify(e.detail),
      })),
    };
    await recordAudit(db, { tenant: agent.tenantId, actorType: 'agent', actorId: agent.id, action: 'audit.export', subjectType: 'tenant', subjectId: agent.tenantId, detail: { agentName: agent.name, rows: events.length } });
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Disposition', `attachment; filename="${fileName('audit', agent.tenantId, new Date(deps.clock()).toISOString().slice(0, 10))}.csv"`);
    res.type('text/csv; charset=utf-8').send(tableToCsv(table));
  });

  return router;
}
