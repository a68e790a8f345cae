import { Router, type Request, type Response } from 'express';
import {
  buildReports,
  fileName,
  parsePeriod,
  PeriodError,
  refreshReportFacts,
  reportDimensions,
  tablesToXlsx,
  tableToCsv,
  type ReportFilters,
  type ReportPeriod,
  type ReportTable,
} from '../../reports/index.js';
import { recordAudit } from '../../store/index.js';
import { sendProblem } from '../problem.js';
import type { ConsoleDeps } from './deps.js';
import { requireAgent } from './session.js';
import { queuesOf, timeZoneOf } from './socket.js';

/**
 * Reports for supervisors and admins of their own council (issue 16, item 3):
 *   GET /reports?period=day|week|month|custom&date=|from=&to=&service=&channel=&queue=&agent=
 *       → { period, filters (the values seen in the period), tables, notes }
 *   GET /reports/csv/:table?…  one table as CSV;   GET /reports/xlsx?…  every table, one sheet each.
 * Each request first brings the council's report facts up to date (store/reports.ts). Exports are audited.
 */

/** Said with every report: what the figures are made of, where it is not obvious. */
const NOTES = [
  'Satisfaction counts the answers to "How did we do?" (good, okay, poor) given in the period; it is asked once per conversation, never after a safety disclosure, and the agent table counts conversations an adviser handled.',
  'Calls ended in the phone menu are telephone contacts where nothing was understood and no case or handoff followed (the telephone provider’s call status is not stored).',
  'Answered within 20, 30 and 60 seconds (Gold, Silver, Bronze) and queue abandonment are shares of handoffs answered or abandoned.',
];

const FILTER_NAMES = ['service', 'channel', 'queue', 'agent'] as const;

interface Loaded {
  tenant: string;
  period: ReportPeriod;
  filters: ReportFilters;
  tables: ReportTable[];
  /** The values seen in the period, for the console's filter lists; the council's queue names. */
  dims: Awaited<ReturnType<typeof reportDimensions>>;
  queues: Map<string, string>;
}

function filtersFrom(query: Request['query']): ReportFilters {
  const filters: ReportFilters = {};
  for (const name of FILTER_NAMES) {
    const v = query[name];
    if (typeof v === 'string' && v.trim() && v.length <= 200) filters[name] = v.trim();
  }
  return filters;
}

export function reportRoutes(deps: ConsoleDeps): Router {
  const router = Router();
  const supervisors = requireAgent(deps, { roles: ['supervisor', 'admin'] });

  /** The period, filters and tables of a request, or a 400 sent. */
  async function load(req: Request, res: Response): Promise<Loaded | null> {
    const tenant = req.agent!.tenantId;
    let period: ReportPeriod;
    try {
      period = parsePeriod(req.query, timeZoneOf(deps, tenant), deps.clock());
    } catch (err) {
      if (err instanceof PeriodError) {
        sendProblem(res, 400, 'Invalid period', err.message);
        return null;
      }
      throw err;
    }
    const db = deps.store.db;
    await refreshReportFacts(db, tenant, deps.clock(), period.timeZone);
    const queues = new Map(queuesOf(deps, tenant).map((q) => [q.id, q.name]));
    const dims = await reportDimensions(db, tenant, period.firstDay, period.lastDay);
    const agents = new Map(dims.agents.map((a) => [a.id, a.name]));
    const filters = filtersFrom(req.query);
    const tables = await buildReports(db, tenant, period, filters, { queue: (id) => queues.get(id) ?? id, agent: (id) => agents.get(id) ?? id });
    return { tenant, period, filters, tables, dims, queues };
  }

  async function audit(req: Request, report: string, format: 'csv' | 'xlsx', period: ReportPeriod): Promise<void> {
    const agent = req.agent!;
    await recordAudit(deps.store.db, {
      tenant: agent.tenantId,
      actorType: 'agent',
      actorId: agent.id,
      action: 'report.export',
      subjectType: 'report',
      subjectId: report,
      detail: { format, from: period.firstDay, to: period.lastDay, filters: filtersFrom(req.query) },
    });
  }

  router.get('/reports', supervisors, async (req, res) => {
    const loaded = await load(req, res);
    if (!loaded) return;
    const { period, filters, tables, dims, queues } = loaded;
    res.setHeader('Cache-Control', 'no-store');
    res.json({
      period: { kind: period.kind, from: period.firstDay, to: period.lastDay, label: period.label, grouping: period.grouping, timeZone: period.timeZone },
      applied: filters,
      filters: {
        services: dims.services,
        channels: dims.channels,
        queues: [...new Set([...queues.keys(), ...dims.queues])].map((id) => ({ id, name: queues.get(id) ?? id })),
        agents: dims.agents,
      },
      tables,
      notes: NOTES,
    });
  });

  router.get('/reports/csv/:table', supervisors, async (req, res) => {
    const loaded = await load(req, res);
    if (!loaded) return;
    const table = loaded.tables.find((t) => t.id === req.params.table);
    if (!table) return sendProblem(res, 404, 'No such report', `There is no report called "${String(req.params.table).slice(0, 60)}".`);
    await audit(req, table.id, 'csv', loaded.period);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${fileName('report', loaded.tenant, table.id, loaded.period.firstDay, 'to', loaded.period.lastDay)}.csv"`);
    res.send(tableToCsv(table));
  });

  router.get('/reports/xlsx', supervisors, async (req, res) => {
    const loaded = await load(req, res);
    if (!loaded) return;
    await audit(req, 'all', 'xlsx', loaded.period);
    const body = await tablesToXlsx(loaded.tables, { title: `Reports: ${loaded.period.label}`, council: loaded.tenant });
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename="${fileName('report', loaded.tenant, loaded.period.firstDay, 'to', loaded.period.lastDay)}.xlsx"`);
    res.send(body);
  });
  return router;
}
