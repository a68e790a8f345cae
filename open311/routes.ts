/**
 * The Open311 GeoReport v2 endpoints (http://wiki.open311.org/GeoReport_v2), mounted at /open311:
 * discovery, services, service definitions, and service requests (create, list, one), each in JSON
 * or XML by the path's extension. `jurisdiction_id` is the council's tenant id (default: the
 * server's default council). Creating a request needs a client's `api_key` for that council.
 */
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type { Assistant, TenantRuntime } from '../bot/index.js';
import { listOpen311Cases, open311ClientByKey, type Open311CaseFilter, type Store } from '../store/index.js';
import { Open311Error, send, sendError, splitFormat, type Format } from './format.js';
import { createRequest, requestView, type RequestForm } from './requests.js';
import { findService, open311Services, serviceDefinition, serviceListing } from './services.js';

export interface Open311Deps {
  store: Store;
  assistant: Assistant;
  defaultTenant: string;
  /** The server's public base URL, for discovery; else the request's own host. */
  publicUrl?: string;
  log?: { error: (o: object, m: string) => void };
  now?: () => Date;
  /** Signed links to cases' photos by case id (files/ casePhotoLinks, wired in api/app.ts): a request's media_url when its client gave none. */
  photoLinks?: (tenant: string, caseIds: string[], baseUrl: string) => Promise<Map<string, string>>;
}

/** The most requests one GET returns, and the span it covers by default (as the specification suggests). */
const MAX_RESULTS = 1000;
const DEFAULT_DAYS = 90;
const CLOSED = ['resolved', 'closed'];

function one(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && typeof v[0] === 'string') return v[0];
  return undefined;
}

/** A request's format from its last path segment; anything but .json/.xml is not an endpoint. */
function formatOf(req: Request, expected: string): Format {
  const parsed = splitFormat(String(req.params.file ?? ''));
  if (!parsed || parsed.name !== expected) throw new Open311Error(404, 'there is no such Open311 endpoint');
  return parsed.format;
}

export function open311Routes(deps: Open311Deps): Router {
  const router = Router();
  const now = deps.now ?? (() => new Date());

  function council(jurisdiction: string | undefined): TenantRuntime {
    const tenant = jurisdiction?.trim() || deps.defaultTenant;
    try {
      return deps.assistant.runtime(tenant);
    } catch {
      throw new Open311Error(404, `jurisdiction_id ${tenant.slice(0, 64)} not found`);
    }
  }

  // Every answer is in the format of the path, errors included; keep it for the error handler.
  router.use((req, res, next) => {
    const last = req.path.split('/').pop() ?? '';
    res.locals.open311Format = splitFormat(last)?.format ?? 'json';
    // Open311 clients are often browser apps on other origins; nothing here rides on cookies.
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', 'Content-Type');
      return void res.status(204).end();
    }
    next();
  });

  router.get('/:file', (req, res) => {
    const format = formatOf(req, 'discovery');
    const base = (deps.publicUrl?.replace(/\/$/, '') ?? `${req.protocol}://${req.get('host')}`) + '/open311/v2/';
    const pack = council(one(req.query.jurisdiction_id)).pack;
    send(res, format, 'discovery', {
      changeset: '2026-01-01T00:00:00Z',
      contact: `${pack.settings.councilName}: ${pack.settings.contact.email}`,
      key_service: `Ask ${pack.settings.councilName} for an API key (npm run open311:key).`,
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: base,
          changeset: '2026-01-01T00:00:00Z',
          type: 'production',
          formats: ['application/json', 'text/xml'],
        },
      ],
    });
  });

  router.get('/v2/services/:file', (req, res) => {
    const parsed = splitFormat(String(req.params.file));
    if (!parsed) throw new Open311Error(404, 'there is no such Open311 endpoint');
    const pack = council(one(req.query.jurisdiction_id)).pack;
    const s = findService(pack, parsed.name);
    if (!s) throw new Open311Error(404, `service_code ${parsed.name.slice(0, 64)} not found`);
    send(res, parsed.format, 'service_definition', serviceDefinition(s));
  });

  router.get('/v2/requests/:file', async (req, res) => {
    const parsed = splitFormat(String(req.params.file));
    if (!parsed) throw new Open311Error(404, 'there is no such Open311 endpoint');
    const pack = council(one(req.query.jurisdiction_id)).pack;
    const rows = await listOpen311Cases(deps.store.db, pack.tenant, { references: [parsed.name.slice(0, 32)], limit: 1 });
    if (!rows.length) throw new Open311Error(404, `service_request_id ${parsed.name.slice(0, 32)} not found`);
    const photos = await photosOf(req, pack.tenant, rows);
    send(res, parsed.format, 'service_requests', [requestView(pack, rows[0], photos.get(rows[0].id))]);
  });

  router.get('/v2/:file', async (req, res) => {
    const parsed = splitFormat(String(req.params.file));
    if (parsed?.name === 'services') {
      const pack = council(one(req.query.jurisdiction_id)).pack;
      return send(res, parsed.format, 'services', open311Services(pack).map(serviceListing));
    }
    if (parsed?.name !== 'requests') throw new Open311Error(404, 'there is no such Open311 endpoint');
    const pack = council(one(req.query.jurisdiction_id)).pack;
    const filter = listFilter(req, pack);
    const rows = await listOpen311Cases(deps.store.db, pack.tenant, filter);
    const photos = await photosOf(req, pack.tenant, rows);
    send(res, parsed.format, 'service_requests', rows.map((r) => requestView(pack, r, photos.get(r.id))));
  });

  /** Links to the cases' photos, signed for the origin the client called (or PUBLIC_URL). */
  async function photosOf(req: Request, tenant: string, rows: { id: string }[]): Promise<Map<string, string>> {
    if (!deps.photoLinks || !rows.length) return new Map();
    const base = deps.publicUrl?.replace(/\/$/, '') ?? `${req.protocol}://${req.get('host')}`;
    return deps.photoLinks(tenant, rows.map((r) => r.id), base);
  }

  function listFilter(req: Request, pack: TenantRuntime['pack']): Open311CaseFilter {
    const ids = one(req.query.service_request_id);
    // With ids, the other filters are ignored (as the specification says).
    if (ids?.trim()) return { references: ids.split(',').map((s) => s.trim()).filter(Boolean).slice(0, MAX_RESULTS), limit: MAX_RESULTS };
    const date = (field: string): Date | undefined => {
      const v = one(req.query[field])?.trim();
      if (!v) return undefined;
      const d = new Date(v);
      if (Number.isNaN(d.getTime())) throw new Open311Error(400, `${field} must be a W3C date and time, such as 2026-01-31T09:00:00Z`);
      return d;
    };
    const end = date('end_date');
    const start = date('start_date') ?? new Date((end ?? now()).getTime() - DEFAULT_DAYS * 86400000);
    const filter: Open311CaseFilter = { start, end, limit: MAX_RESULTS };
    const codes = one(req.query.service_code)?.trim();
    if (codes) filter.serviceIds = codes.split(',').map((c) => findService(pack, c.trim())?.service.id).filter((id): id is string => !!id);
    const status = one(req.query.status)?.trim().toLowerCase();
    if (status) {
      const wanted = new Set(status.split(',').map((s) => s.trim()));
      for (const w of wanted) if (w !== 'open' && w !== 'closed') throw new Open311Error(400, 'status must be open, closed, or both');
      if (wanted.size === 1) {
        filter.statuses = CLOSED;
        filter.excludeStatuses = wanted.has('open');
      }
    }
    return filter;
  }

  router.post('/v2/:file', express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 200 }), async (req, res) => {
    const format = formatOf(req, 'requests');
    const body = (req.body ?? {}) as Record<string, unknown>;
    const field = (name: string) => one(body[name]);
    const key = field('api_key') ?? one(req.query.api_key);
    // The key is checked before anything else is said about the council or its services.
    const client = key?.trim() ? await open311ClientByKey(deps.store.db, key.trim()) : undefined;
    if (!client) throw new Open311Error(403, key?.trim() ? 'api_key is not valid' : 'api_key is required');
    const runtime = council(field('jurisdiction_id') ?? one(req.query.jurisdiction_id));
    if (client.tenant !== runtime.pack.tenant) throw new Open311Error(403, 'api_key is not valid for this jurisdiction_id');
    const code = field('service_code')?.trim();
    if (!code) throw new Open311Error(400, 'service_code is required');
    const service = findService(runtime.pack, code);
    if (!service) throw new Open311Error(404, `service_code ${code.slice(0, 64)} not found`);
    const attributes: Record<string, string> = {};
    for (const [k, v] of Object.entries(body)) {
      const m = /^attribute\[([^\]]{1,64})\]$/.exec(k);
      const value = one(v);
      if (m && value !== undefined) attributes[m[1]] = value;
    }
    const form: RequestForm = {
      lat: field('lat'),
      long: field('long'),
      address_string: field('address_string'),
      address_id: field('address_id'),
      email: field('email'),
      phone: field('phone'),
      first_name: field('first_name'),
      last_name: field('last_name'),
      description: field('description'),
      media_url: field('media_url'),
      attributes,
    };
    const created = await deps.store.db
      .transaction()
      .execute((trx) => createRequest(trx, runtime.pack, runtime.gazetteer, client, service, form, now()));
    send(res, format, 'service_requests', [created], 201);
  });

  router.use((_req: Request, _res: Response, next: NextFunction) => next(new Open311Error(404, 'there is no such Open311 endpoint')));

  // Errors in the specification's format, with their HTTP status.
  router.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    void _next;
    const format = (res.locals.open311Format as Format | undefined) ?? 'json';
    if (err instanceof Open311Error) return sendError(res, format, err.status, err.description);
    const status = (err as { status?: number; type?: string }).status;
    if (status === 413) return sendError(res, format, 413, 'the request is too large');
    if (status && status >= 400 && status < 500) return sendError(res, format, 400, 'the request could not be read');
    deps.log?.error({ err }, 'open311 request failed');
    sendError(res, format, 500, 'the request failed on our side; please try again');
  });
  return router;
}
