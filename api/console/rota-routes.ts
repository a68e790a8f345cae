import { Router, type Request, type RequestHandler, type Response } from 'express';
import { ZodError } from 'zod';
import {
  acknowledgeReferral,
  addRotaEntry,
  deleteRotaEntry,
  listReferrals,
  listRota,
  onCall,
  rotaEntryInput,
} from '../../handoff/referrals/index.js';
import { recordAudit, type RotaEntryRow } from '../../store/index.js';
import { sendProblem } from '../problem.js';
import type { ConsoleDeps } from './deps.js';
import { requireAgent } from './session.js';

const SUPERVISORS = ['supervisor', 'admin'];

function agentOf(req: Request): { id: string; tenantId: string } {
  // requireAgent has run: it answers 401/403 itself when there is no agent.
  return req.agent!;
}

function sendInvalid(res: Response, err: ZodError): void {
  sendProblem(res, 400, 'Invalid request', 'The rota entry is not valid.', {
    errors: err.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  });
}

function entryJson(e: RotaEntryRow, active: boolean) {
  return {
    id: e.id,
    skill: e.skill,
    name: e.name,
    channel: e.channel,
    destination: e.destination,
    startsAt: e.starts_at,
    endsAt: e.ends_at,
    createdBy: e.created_by,
    createdAt: e.created_at,
    /** This entry is the one a referral would go to now. */
    active,
  };
}

/** Enough of a destination to tell entries apart in the audit trail without copying it there. */
function masked(destination: string): string {
  const at = destination.indexOf('@');
  return at > 0 ? `${destination[0]}…${destination.slice(at)}` : `…${destination.slice(-3)}`;
}

/**
 * On-call rota editing and the referral log (supervisors and admins). `guard` is for tests;
 * the console uses the session middleware.
 */
export function rotaRoutes(deps: ConsoleDeps, guard: RequestHandler = requireAgent(deps, { roles: SUPERVISORS })): Router {
  const router = Router();
  const db = deps.store.db;

  // GET /rota: entries not yet ended (with ?include=past, all of them).
  router.get('/rota', guard, async (req, res) => {
    const agent = agentOf(req);
    const now = deps.clock();
    const entries = await listRota(db, agent.tenantId, req.query.include === 'past' ? null : now);
    const activeIds = new Set<string>();
    for (const skill of new Set(entries.map((e) => e.skill))) {
      const winner = await onCall(db, agent.tenantId, skill, now);
      if (winner && winner.skill === skill) activeIds.add(winner.id);
    }
    res.json({ entries: entries.map((e) => entryJson(e, activeIds.has(e.id))) });
  });

  router.post('/rota', guard, async (req, res) => {
    const agent = agentOf(req);
    const parsed = rotaEntryInput.safeParse(req.body ?? {});
    if (!parsed.success) return sendInvalid(res, parsed.error);
    if (parsed.data.endsAt.getTime() <= deps.clock().getTime()) {
      return sendProblem(res, 400, 'Invalid request', 'The rota entry is not valid.', {
        errors: [{ path: 'endsAt', message: 'endsAt is in the past: the entry would never apply' }],
      });
    }
    const entry = await addRotaEntry(db, agent.tenantId, parsed.data, agent.id);
    await recordAudit(db, {
      tenant: agent.tenantId,
      actorType: 'agent',
      actorId: agent.id,
      action: 'rota.entry_added',
      subjectType: 'rota_entry',
      subjectId: entry.id,
      detail: { skill: entry.skill, name: entry.name, channel: entry.channel, destination: masked(entry.destination), startsAt: entry.starts_at, endsAt: entry.ends_at },
    });
    const winner = await onCall(db, agent.tenantId, entry.skill, deps.clock());
    res.status(201).location(`rota/${entry.id}`).json({ entry: entryJson(entry, winner?.id === entry.id) });
  });

  router.delete('/rota/:id', guard, async (req, res) => {
    const agent = agentOf(req);
    const id = String(req.params.id);
    const removed = await deleteRotaEntry(db, agent.tenantId, id);
    if (!removed) return sendProblem(res, 404, 'Not found', 'No such rota entry.');
    await recordAudit(db, {
      tenant: agent.tenantId,
      actorType: 'agent',
      actorId: agent.id,
      action: 'rota.entry_removed',
      subjectType: 'rota_entry',
      subjectId: removed.id,
      detail: { skill: removed.skill, name: removed.name, channel: removed.channel, destination: masked(removed.destination), startsAt: removed.starts_at, endsAt: removed.ends_at },
    });
    res.status(204).end();
  });

  // GET /referrals: recent duty referrals with their send and acknowledgement times.
  router.get('/referrals', guard, async (req, res) => {
    const agent = agentOf(req);
    // A whole number 1..500, or a clear 400 ("1.5" once reached SQL's LIMIT and failed there).
    const raw = req.query.limit;
    if (raw !== undefined && (typeof raw !== 'string' || !/^[1-9][0-9]{0,2}$/.test(raw) || Number(raw) > 500)) {
      return void sendProblem(res, 400, 'Bad request', 'limit must be a whole number from 1 to 500.');
    }
    const limit = raw === undefined ? 100 : Number(raw);
    const referrals = await listReferrals(db, agent.tenantId, limit);
    // Summaries hold residents' details: reading them is audited like any record view.
    await recordAudit(db, {
      tenant: agent.tenantId,
      actorType: 'agent',
      actorId: agent.id,
      action: 'referrals.viewed',
      subjectType: 'referral',
      subjectId: null,
      detail: { count: referrals.length },
    });
    res.json({ referrals });
  });

  return router;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function page(title: string, paragraphs: string[]): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: Arial, Helvetica, sans-serif; font-size: 1.1875rem; line-height: 1.5; color: #0b0c0c; background: #fff; margin: 0; }
main { max-width: 40rem; margin: 0 auto; padding: 1.5rem 1rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 1rem; }
</style>
</head>
<body>
<main id="main-content">
<h1>${escapeHtml(title)}</h1>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</main>
</body>
</html>
`;
}

function timeZoneOf(deps: ConsoleDeps, tenant: string): string {
  try {
    return deps.assistant.runtime(tenant).pack.settings.openingHours.timezone;
  } catch {
    return 'Europe/London';
  }
}

/** The public acknowledgement link sent in a duty referral (`/referrals/ack/:token`). */
export function referralAckRoutes(deps: ConsoleDeps): Router {
  const router = Router();

  const headers = (res: Response) => {
    res.set({
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      'X-Robots-Tag': 'noindex',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    });
    res.type('html');
  };

  // Link checkers often send HEAD first: answer without acknowledging (Express would otherwise run the GET).
  router.head('/referrals/ack/:token', (_req, res) => {
    headers(res);
    res.status(200).end();
  });

  router.get('/referrals/ack/:token', async (req, res) => {
    headers(res);
    const result = await acknowledgeReferral(deps.store.db, String(req.params.token), deps.clock());
    if (!result) {
      res
        .status(404)
        .send(
          page('Link not recognised', [
            'This acknowledgement link is not valid. Check that you opened the whole link from the message.',
            'If you are the duty officer and need to acknowledge a referral, phone the contact centre.',
          ]),
        );
      return;
    }
    const at = result.referral.acknowledged_at!;
    const timeZone = timeZoneOf(deps, result.referral.tenant_id);
    const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
    const date = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(at);
    if (result.first) {
      res.send(
        page(`Referral acknowledged at ${time}`, [
          `Thank you. Your acknowledgement was recorded at ${time} on ${date}, and the contact centre can see it.`,
          'You can close this page.',
        ]),
      );
    } else {
      res.send(
        page('Referral already acknowledged', [
          `This referral was acknowledged at ${time} on ${date}. Nothing more was recorded.`,
          'You can close this page.',
        ]),
      );
    }
  });

  return router;
}
