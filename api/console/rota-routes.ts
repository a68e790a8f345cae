import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { ZodError } from 'zod';
import {
  acknowledgeReferral,
  addRotaEntry,
  deleteRotaEntry,
  listReferrals,
  listRota,
  onCall,
  referralForAckToken,
  rotaEntryInput,
} from '../../handoff/index.js';
import { recordAudit, type ReferralRow, type RotaEntryRow } from '../../store/index.js';
import type { ReferralListing, RotaEntry, RotaEntryCreated, RotaListing, Sendable } from '../../wire/index.js';
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

function entryJson(e: RotaEntryRow, active: boolean): Sendable<RotaEntry> {
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
    res.json({ entries: entries.map((e) => entryJson(e, activeIds.has(e.id))) } satisfies Sendable<RotaListing>);
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
    res.status(201).location(`rota/${entry.id}`).json({ entry: entryJson(entry, winner?.id === entry.id) } satisfies Sendable<RotaEntryCreated>);
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
    res.json({ referrals } satisfies Sendable<ReferralListing>);
  });

  return router;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * A plain GOV.UK-styled page. `form` adds the Acknowledge button: a POST to the page's own URL
 * (no action attribute, so the token is not repeated in the markup).
 */
function page(title: string, paragraphs: string[], form = false): string {
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
button { font: inherit; font-weight: 700; color: #fff; background: #00703c; border: 2px solid transparent; border-radius: 0; box-shadow: 0 2px 0 #002d18; padding: 0.5rem 1rem; margin: 0.5rem 0 1rem; cursor: pointer; }
button:hover { background: #005a30; }
button:focus { outline: 3px solid transparent; color: #0b0c0c; background: #ffdd00; box-shadow: 0 -2px #ffdd00, 0 4px #0b0c0c; }
</style>
</head>
<body>
<main id="main-content">
<h1>${escapeHtml(title)}</h1>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${form ? '<form method="post">\n<button type="submit">Acknowledge</button>\n</form>' : ''}
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

/**
 * The public acknowledgement link sent in a duty referral (`/referrals/ack/:token`).
 *
 * GET shows a confirmation page and changes nothing: e-mail link scanners, previews and
 * prefetchers open links, so opening one must not acknowledge. The Acknowledge button POSTs to
 * the same URL, and only that records the acknowledgement (who and when, once).
 *
 * CSRF: the token in the path is the secret (32 random bytes; only its hash is stored), so another
 * site cannot build the POST without it. Browsers also say where a form came from: a POST whose
 * `Sec-Fetch-Site` is not same-origin (or `none`, typed or bookmarked) is refused. (`Origin` cannot
 * be used: with `Referrer-Policy: no-referrer` a form's POST sends `Origin: null`.) Clients that
 * send no fetch metadata, such as scripts, are judged by the token alone.
 */
export function referralAckRoutes(deps: ConsoleDeps): Router {
  const router = Router();
  const db = deps.store.db;
  const path = '/referrals/ack/:token';

  const headers = (res: Response) => {
    res.set({
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      'X-Robots-Tag': 'noindex',
      'X-Frame-Options': 'DENY',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    });
    res.type('html');
  };

  const when = (tenant: string, at: Date) => {
    const timeZone = timeZoneOf(deps, tenant);
    return {
      time: new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at),
      date: new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(at),
    };
  };

  const notRecognised = (res: Response) =>
    void res
      .status(404)
      .send(
        page('Link not recognised', [
          'This acknowledgement link is not valid. Check that you opened the whole link from the message.',
          'If you are the duty officer and need to acknowledge a referral, phone the contact centre.',
        ]),
      );

  /** 410: the link has done its job; the page says when, and that nothing more was recorded. */
  const alreadyAcknowledged = (res: Response, referral: ReferralRow) => {
    const { time, date } = when(referral.tenant_id, referral.acknowledged_at!);
    res.status(410).send(
      page('Referral already acknowledged', [
        `This referral was acknowledged at ${time} on ${date}${referral.acknowledged_by ? ` by ${referral.acknowledged_by}` : ''}. Nothing more was recorded.`,
        'You can close this page.',
      ]),
    );
  };

  // HEAD (link checkers) runs this GET handler without a body: neither changes anything.
  router.get(path, async (req, res) => {
    headers(res);
    const found = await referralForAckToken(db, String(req.params.token));
    if (!found) return notRecognised(res);
    const { referral, sentTo } = found;
    if (referral.acknowledged_at) return alreadyAcknowledged(res, referral);
    // Who it is for and when it was sent; never the resident's details (the message has those).
    const sent = when(referral.tenant_id, referral.sent_at ?? referral.created_at);
    res.send(
      page(
        'Acknowledge duty referral',
        [
          `This out-of-hours duty referral was sent to ${sentTo ?? 'the duty officer'} at ${sent.time} on ${sent.date}.`,
          'Acknowledge it to tell the contact centre that you have it. It then stops being passed on to the next person on the rota.',
          'The details are in the message you were sent.',
        ],
        true,
      ),
    );
  });

  router.post(path, async (req, res) => {
    headers(res);
    const site = req.get('sec-fetch-site');
    if (site !== undefined && site !== 'same-origin' && site !== 'none') {
      res.status(403).send(page('Acknowledgement refused', ['This acknowledgement did not come from its own page. Open the link from the message and press Acknowledge there.']));
      return;
    }
    const result = await acknowledgeReferral(db, String(req.params.token), deps.clock());
    if (!result) return notRecognised(res);
    if (!result.first) return alreadyAcknowledged(res, result.referral);
    const { time, date } = when(result.referral.tenant_id, result.referral.acknowledged_at!);
    res.send(
      page(`Referral acknowledged at ${time}`, [
        `Thank you. Your acknowledgement was recorded at ${time} on ${date}, and the contact centre can see it.`,
        'You can close this page.',
      ]),
    );
  });

  return router;
}
