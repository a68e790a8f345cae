/**
 * The back-office pull API, mounted at /backoffice/v1 (README "Back-office API"): a council's
 * back-office system reads cases and the change log since a cursor, and sets status, notes,
 * target dates and teams. Every change is made by the store's functions (history and the event
 * log in the same transaction) and audited with the key as actor; a change may be conditional on
 * the case's event count (If-Match, answered 412 when the case moved on).
 */
import express, { Router, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import {
  addCaseStatus,
  caseEventsSince,
  caseHistory,
  caseReferencesById,
  contactDetailsById,
  findCaseByReference,
  linkedReportsOf,
  listBackofficeCases,
  lockCaseByReference,
  recordAudit,
  updateCaseFields,
  type BackofficeKey,
  type CaseEvent,
  type CaseRow,
  type Db,
  type Store,
} from '../../store/index.js';
import { caseJson, type CaseJson } from '../case-json.js';
import { authenticate, requireKey, requireScope } from './auth.js';
import { Problem, problemHandler, sendProblem } from './problem.js';
import { caseListQuery, changesQuery, noteBody, patchBody, REFERENCE, statusBody } from './schemas.js';

export interface BackofficeApiDeps {
  store: Store;
  /** The name of a council's service (its catalogue), for the JSON; default: the service id. */
  serviceName?: (tenant: string, serviceId: string) => string | undefined;
  /** Links to a case's files (short-lived signed links) under `baseUrl`, where files are served. */
  mediaUrls?: (db: Db, tenant: string, caseId: string, baseUrl: string) => Promise<string[]>;
  /** The server's public address for those links (PUBLIC_URL); default: the request's own. */
  publicUrl?: string;
  /** Runs after the key is known (a per-key rate limit reading `backofficeKeyOf`). */
  perKeyLimit?: RequestHandler;
  now?: () => Date;
}

/** Requests a key may make a minute, by default (the per-key limit the app mounts). */
export const BACKOFFICE_REQUESTS_PER_MINUTE = 600;

/** The actor of a key's changes, in a case's history, its events and the audit trail. */
export function backofficeActor(key: Pick<BackofficeKey, 'id'>): string {
  return `backoffice:${key.id}`;
}

function eventJson(e: CaseEvent, reference: string | undefined) {
  return { id: e.id, case_id: e.caseId, reference: reference ?? null, type: e.type, seq: e.seq, internal: e.internal, actor: e.actor, at: e.at.toISOString(), data: e.data };
}

/** `If-Match: "7"` (or W/"7", or *): the event count the caller last saw. */
function ifMatch(req: Request): { any: true } | { seq: number } | null {
  const header = req.headers['if-match'];
  if (header === undefined) return null;
  const value = String(header).trim();
  if (value === '*') return { any: true };
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(value);
  if (!m) throw new Problem(400, 'Bad If-Match', 'If-Match must be the ETag of the case ("<seq>", its last event\'s seq).');
  return { seq: Number(m[1]) };
}

function etag(seq: number): string {
  return `"${seq}"`;
}

export function backofficeApi(deps: BackofficeApiDeps): Router {
  const router = Router();
  const db = (): Db => deps.store.db;
  const now = deps.now ?? (() => new Date());

  router.use((_req, res, next) => {
    // Answers hold case details (and, with the scope, residents' contact details): never cached.
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  router.use(authenticate(db, now));
  if (deps.perKeyLimit) router.use(deps.perKeyLimit);
  router.use(express.json({ limit: '16kb', type: ['application/json', 'application/*+json'] }));

  const baseOf = (req: Request) => deps.publicUrl?.replace(/\/$/, '') ?? `${req.protocol}://${req.get('host')}`;

  async function present(req: Request, d: Db, key: BackofficeKey, row: CaseRow, withHistory: boolean): Promise<CaseJson> {
    const personal = key.scopes.includes('cases:personal');
    const contact = personal && row.contact_id ? (await contactDetailsById(d, key.tenant, [row.contact_id])).get(row.contact_id) : null;
    return caseJson(row, withHistory ? await caseHistory(d, key.tenant, row.id) : null, {
      serviceName: deps.serviceName?.(key.tenant, row.service_id),
      personal,
      contact,
      // Read through the caller's handle: inside a change's transaction on PGlite, another would wait on it.
      mediaUrls: deps.mediaUrls ? await deps.mediaUrls(d, key.tenant, row.id, baseOf(req)) : undefined,
      linkedReports: (await linkedReportsOf(d, key.tenant, [row.id])).get(row.id),
    });
  }

  function referenceOf(req: Request): string {
    const reference = String(req.params.reference ?? '');
    if (!REFERENCE.test(reference)) throw new Problem(404, 'Not found', 'There is no case with this reference.');
    return reference;
  }

  router.get('/cases', requireScope('cases:read'), async (req, res) => {
    const key = requireKey(req);
    const q = caseListQuery.parse(req.query);
    const page = await listBackofficeCases(db(), key.tenant, { statuses: q.status, serviceIds: q.service, updatedSince: q.updated_since, cursor: q.cursor ?? null, limit: q.limit });
    const personal = key.scopes.includes('cases:personal');
    const contacts = personal ? await contactDetailsById(db(), key.tenant, page.cases.flatMap((c) => (c.contact_id ? [c.contact_id] : []))) : new Map();
    const linked = await linkedReportsOf(db(), key.tenant, page.cases.map((c) => c.id));
    const cases = await Promise.all(
      page.cases.map(async (row) =>
        caseJson(row, null, {
          serviceName: deps.serviceName?.(key.tenant, row.service_id),
          personal,
          contact: row.contact_id ? contacts.get(row.contact_id) : null,
          mediaUrls: deps.mediaUrls ? await deps.mediaUrls(db(), key.tenant, row.id, baseOf(req)) : undefined,
          linkedReports: linked.get(row.id),
        }),
      ),
    );
    if (personal && cases.length) {
      await recordAudit(db(), { tenant: key.tenant, actorType: 'system', actorId: backofficeActor(key), action: 'backoffice.cases_listed', subjectType: 'case_list', subjectId: null, detail: { personal: true, references: cases.map((c) => c.reference) } });
    }
    res.json({ cases, next_cursor: page.next });
  });

  router.get('/cases/:reference', requireScope('cases:read'), async (req, res) => {
    const key = requireKey(req);
    const row = await findCaseByReference(db(), key.tenant, referenceOf(req));
    if (!row) throw new Problem(404, 'Not found', 'There is no case with this reference.');
    const body = await present(req, db(), key, row, true);
    if (body.contact) await recordAudit(db(), { tenant: key.tenant, actorType: 'system', actorId: backofficeActor(key), action: 'backoffice.case_read', subjectType: 'case', subjectId: row.id, detail: { personal: true } });
    res.setHeader('ETag', etag(body.seq));
    res.json(body);
  });

  router.get('/changes', requireScope('cases:read'), async (req, res) => {
    const key = requireKey(req);
    const q = changesQuery.parse(req.query);
    const page = await caseEventsSince(db(), key.tenant, q.cursor ?? null, q.limit);
    const references = await caseReferencesById(db(), key.tenant, page.events.map((e) => e.caseId));
    res.json({ events: page.events.map((e) => eventJson(e, references.get(e.caseId))), next_cursor: page.cursor, has_more: page.events.length === q.limit });
  });

  /**
   * One change to one case, in one transaction: the case locked, If-Match checked, the change
   * made (by the store, with its history and events), audited when something changed, and the
   * case as it now is answered (200, its new ETag).
   */
  async function change(req: Request, res: Response, action: string, apply: (trx: Db, row: CaseRow, actor: string) => Promise<Record<string, unknown> | null>): Promise<void> {
    const key = requireKey(req);
    const reference = referenceOf(req);
    const condition = ifMatch(req);
    const body = await deps.store.db.transaction().execute(async (trx) => {
      const row = await lockCaseByReference(trx, key.tenant, reference);
      if (!row) throw new Problem(404, 'Not found', 'There is no case with this reference.');
      if (condition && 'seq' in condition && condition.seq !== row.event_seq) {
        throw new Problem(412, 'Precondition failed', `The case has changed since (its ETag is now "${row.event_seq}"): read it again and retry.`, { seq: row.event_seq });
      }
      const actor = backofficeActor(key);
      const changed = await apply(trx, row, actor);
      if (changed) await recordAudit(trx, { tenant: key.tenant, actorType: 'system', actorId: actor, action, subjectType: 'case', subjectId: row.id, detail: { reference: row.reference, key: key.name, ...changed } });
      const after = (await findCaseByReference(trx, key.tenant, row.reference))!;
      return { ...(await present(req, trx, key, after, true)), changed: !!changed };
    });
    res.setHeader('ETag', etag(body.seq));
    res.json(body);
  }

  router.post('/cases/:reference/status', requireScope('cases:write'), (req, res) =>
    change(req, res, 'backoffice.case_status', async (trx, row, actor) => {
      const b = statusBody.parse(req.body ?? {});
      const note = b.note ?? null;
      if (b.status === row.status && !note) return null;
      if (b.internal && note && b.status !== row.status) {
        // Residents hear of a status change: an internal note goes on a line of its own, not in it.
        await addCaseStatus(trx, row.tenant_id, row.id, b.status, null, actor, { now: now() });
        await addCaseStatus(trx, row.tenant_id, row.id, b.status, note, actor, { internal: true, now: now() });
      } else {
        await addCaseStatus(trx, row.tenant_id, row.id, b.status, note, actor, { internal: b.internal ?? false, now: now() });
      }
      return { from: row.status, to: b.status, note: note !== null, internal: b.internal ?? false };
    }),
  );

  router.post('/cases/:reference/notes', requireScope('cases:write'), (req, res) =>
    change(req, res, 'backoffice.case_note', async (trx, row, actor) => {
      const b = noteBody.parse(req.body ?? {});
      await addCaseStatus(trx, row.tenant_id, row.id, row.status, b.note, actor, { internal: b.internal ?? false, now: now() });
      return { internal: b.internal ?? false };
    }),
  );

  router.patch('/cases/:reference', requireScope('cases:write'), (req, res) =>
    change(req, res, 'backoffice.case_updated', async (trx, row, actor) => {
      const b = patchBody.parse(req.body ?? {});
      const changed = await updateCaseFields(trx, row.tenant_id, row.id, { targetDate: b.target_date, team: b.team }, actor, now());
      return changed ? { target_date: b.target_date, team: b.team } : null;
    }),
  );

  router.use((_req: Request, res: Response) => sendProblem(res, 404, 'Not found', 'There is no such back-office endpoint.'));
  router.use(problemHandler());
  // Anything else (a store failure) goes on to the app's handler: a 500 problem, logged.
  router.use((err: unknown, _req: Request, _res: Response, next: NextFunction) => next(err));
  return router;
}
