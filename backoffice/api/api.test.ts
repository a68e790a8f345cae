/**
 * The back-office pull API (/backoffice/v1) through the real app: keys and scopes, listing and
 * filters, the change log across pages, changes recorded in history, events and audit, and the
 * problem answers (400, 401, 403, 404, 412, 429).
 */
import { createHash } from 'node:crypto';
import express from 'express';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { MemoryCounter, rateLimit } from '../../api/rate-limit.js';
import {
  auditTrail,
  caseEventsOf,
  caseHistory,
  createBackofficeKey,
  createCase,
  createOpen311Contact,
  ensureTenant,
  listBackofficeKeys,
  recordCaseReport,
  revokeBackofficeKey,
  type BackofficeScope,
  type CaseRow,
} from '../../store/index.js';
import { startTestServer, type TestServer } from '../../test/server.js';
import { backofficeApi, backofficeKeyOf } from './index.js';

let server: TestServer;
let reader: string;
let writer: string;
let writerId: string;
let personal: string;
let writeOnly: string;

const db = () => server.store.db;

async function key(scopes: BackofficeScope[], name = 'Back office', tenant = server.tenant) {
  return createBackofficeKey(db(), tenant, name, scopes);
}

beforeAll(async () => {
  server = await startTestServer();
  const r = await key(['cases:read'], 'Reporting');
  reader = r.key;
  const w = await key(['cases:read', 'cases:write'], 'Confirm');
  writer = w.key;
  writerId = w.id;
  personal = (await key(['cases:read', 'cases:personal'], 'Contact centre')).key;
  writeOnly = (await key(['cases:write'], 'Writer only')).key;
}, 120_000);
afterAll(async () => {
  await server?.close();
});

function call(method: string, path: string, bearer: string | null, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.url}/backoffice/v1${path}`, {
    method,
    headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}
const get = (path: string, bearer: string | null = reader) => call('GET', path, bearer);

async function problem(res: Response, status: number): Promise<{ title: string; detail?: string; status: number; errors?: { path: string }[] }> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = (await res.json()) as { title: string; detail?: string; status: number };
  expect(body.status).toBe(status);
  return body;
}

let made = 0;
async function newCase(over: Partial<Parameters<typeof createCase>[1]> = {}, tenant = server.tenant): Promise<CaseRow> {
  made++;
  return createCase(db(), {
    tenant,
    referencePrefix: 'MBC',
    serviceId: 'highways.pothole',
    summary: `Pothole ${made}`,
    details: { answers: { 'Where is it': 'Bus stop', Size: 'Large' } },
    location: { kind: 'address', label: '1 High Street, Poole', uprn: '100040000001', usrn: '8000001', postcode: 'BH15 1AA', lat: 50.7214, lng: -1.8827 },
    uprn: '100040000001',
    usrn: '8000001',
    lat: 50.7214,
    lng: -1.8827,
    team: 'highways',
    targetDate: '2026-07-01',
    actor: 'assistant',
    ...over,
  });
}

interface CaseBody {
  id: string;
  reference: string;
  service: { id: string; name: string };
  status: string;
  status_label: string;
  summary: string;
  answers: Record<string, unknown>;
  location: { address: string | null; uprn: string | null; usrn: string | null; lat: number | null; lng: number | null } | null;
  target_date: string | null;
  team: string | null;
  seq: number;
  contact?: { name: string | null; email: string | null; phone: string | null };
  history?: { status: string; note: string | null; actor: string }[];
  changed?: boolean;
}

describe('keys and scopes', () => {
  test('no key, a key nobody issued and a revoked key are 401; the key is stored only as its hash and its use is recorded', async () => {
    const none = await get('/cases', null);
    expect((await problem(none, 401)).detail).toMatch(/Bearer/);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer realm="backoffice"/);
    await problem(await get('/cases', 'bo_not-a-key-anyone-issued-0000000000'), 401);
    await problem(await call('GET', '/cases', null, undefined, { authorization: 'Basic dXNlcjpwYXNz' }), 401);

    const k = await key(['cases:read'], 'Soon revoked');
    expect((await get('/cases', k.key)).status).toBe(200);
    const stored = await sql<Record<string, unknown>>`select * from backoffice_keys where id = ${k.id}`.execute(db());
    expect(stored.rows[0].key_hash).toBe(createHash('sha256').update(k.key).digest('hex'));
    expect(JSON.stringify(stored.rows[0])).not.toContain(k.key);
    const listed = (await listBackofficeKeys(db(), server.tenant)).find((x) => x.id === k.id)!;
    expect(listed.lastUsedAt).toBeInstanceOf(Date);
    expect(listed.scopes).toEqual(['cases:read']);

    expect(await revokeBackofficeKey(db(), k.id, new Date(), server.tenant)).toBe(true);
    expect((await problem(await get('/cases', k.key), 401)).detail).toMatch(/revoked/);
    expect(await revokeBackofficeKey(db(), k.id, new Date(), server.tenant)).toBe(false);
  });

  test('a key without the scope is 403: a read-only key cannot write, a write-only key cannot read', async () => {
    const c = await newCase();
    const refused = await problem(await call('POST', `/cases/${c.reference}/status`, reader, { status: 'in_progress' }), 403);
    expect(refused.detail).toMatch(/cases:write/);
    await problem(await call('POST', `/cases/${c.reference}/notes`, reader, { note: 'hello' }), 403);
    await problem(await call('PATCH', `/cases/${c.reference}`, reader, { team: 'x' }), 403);
    await problem(await get(`/cases/${c.reference}`, writeOnly), 403);
    await problem(await get('/changes', writeOnly), 403);
    // Nothing was changed by the refused calls.
    expect((await caseEventsOf(db(), server.tenant, c.id)).map((e) => e.type)).toEqual(['created']);
  });

  test("residents' contact details only with cases:personal, and that read is audited", async () => {
    const contactId = await createOpen311Contact(db(), server.tenant, { name: 'Pat Reporter', email: 'pat@example.org', phone: '+447700900123' });
    const c = await newCase({ contactId });
    const plain = (await (await get(`/cases/${c.reference}`, reader)).json()) as CaseBody;
    expect(plain).not.toHaveProperty('contact');
    expect(JSON.stringify(plain)).not.toMatch(/pat@example|7700900123|Pat Reporter/);
    const listedPlain = (await (await get('/cases?limit=200', reader)).json()) as { cases: CaseBody[] };
    expect(JSON.stringify(listedPlain)).not.toMatch(/pat@example|7700900123/);

    const full = (await (await get(`/cases/${c.reference}`, personal)).json()) as CaseBody;
    expect(full.contact).toEqual({ name: 'Pat Reporter', email: 'pat@example.org', phone: '+447700900123' });
    const listed = (await (await get('/cases?limit=200', personal)).json()) as { cases: CaseBody[] };
    expect(listed.cases.find((x) => x.reference === c.reference)?.contact?.email).toBe('pat@example.org');
    // A case with no contact says so with nulls, not by leaving the field out.
    const anon = await newCase();
    expect(((await (await get(`/cases/${anon.reference}`, personal)).json()) as CaseBody).contact).toEqual({ name: null, email: null, phone: null });
    const audit = await auditTrail(db(), server.tenant, 'case', c.id);
    expect(audit.map((a) => a.action)).toContain('backoffice.case_read');
  });

  test('the per-key rate limit counts each key on its own and answers 429 problem JSON', async () => {
    const app = express();
    app.use('/backoffice/v1', backofficeApi({ store: server.store, perKeyLimit: rateLimit(new MemoryCounter(), [{ name: 'bo', limit: 2, windowMs: 60_000, key: (req) => backofficeKeyOf(req)?.id, detail: 'Too many.' }]) }));
    const listening = app.listen(0);
    try {
      const base = `http://127.0.0.1:${(listening.address() as AddressInfo).port}/backoffice/v1`;
      const hit = (k: string) => fetch(`${base}/changes?limit=1`, { headers: { authorization: `Bearer ${k}` } });
      expect((await hit(reader)).status).toBe(200);
      expect((await hit(reader)).status).toBe(200);
      const third = await hit(reader);
      expect(third.status).toBe(429);
      expect(third.headers.get('content-type')).toMatch(/problem\+json/);
      expect(third.headers.get('retry-after')).toMatch(/^\d+$/);
      expect((await hit(personal)).status).toBe(200);
      // Unauthenticated requests are refused before they are counted against anyone.
      expect((await fetch(`${base}/changes`)).status).toBe(401);
    } finally {
      listening.close();
    }
  });
});

describe('reading cases', () => {
  test('a case with its history, in the documented shape, with its seq as ETag', async () => {
    const c = await newCase();
    const res = await get(`/cases/${c.reference.toLowerCase()}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as CaseBody;
    expect(body).toMatchObject({
      id: c.id,
      reference: c.reference,
      service: { id: 'highways.pothole', name: expect.stringMatching(/pothole/i) },
      status: 'received',
      status_label: 'received and waiting to be looked at',
      summary: c.summary,
      answers: { Size: 'Large' },
      location: { address: '1 High Street, Poole', uprn: '100040000001', usrn: '8000001', lat: 50.7214, lng: -1.8827 },
      target_date: '2026-07-01',
      team: 'highways',
      seq: 1,
      media_urls: [],
      linked_reports: [],
    });
    expect(body.history).toEqual([expect.objectContaining({ status: 'received', note: 'Reported through the assistant', actor: 'assistant' })]);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  test('a case joined by further reports lists them: how and how far, their place only with cases:personal', async () => {
    const c = await newCase();
    await recordCaseReport(db(), {
      tenant: server.tenant,
      caseId: c.id,
      via: 'assistant',
      actor: 'assistant',
      distanceMetres: 14.6,
      details: { location: { label: 'Outside 3 High Street' }, answers: { Size: 'Large' } },
      historyNote: 'Reported again nearby',
    });
    const plain = (await (await get(`/cases/${c.reference}`)).json()) as CaseBody & { linked_reports: Record<string, unknown>[] };
    expect(plain.linked_reports).toEqual([{ id: expect.any(String), via: 'assistant', distance_metres: 15, reported_at: expect.any(String), answers: { Size: 'Large' } }]);
    const withPersonal = (await (await get(`/cases/${c.reference}`, personal)).json()) as CaseBody & { linked_reports: Record<string, unknown>[] };
    expect(withPersonal.linked_reports[0].location).toEqual({ label: 'Outside 3 High Street' });
  });

  test('listing: filters by status, service and updated_since, paged without a case twice or missed', async () => {
    const since = new Date();
    await new Promise((r) => setTimeout(r, 5));
    const a = await newCase();
    const b = await newCase({ serviceId: 'waste.missed_collection' });
    const c = await newCase();
    await call('POST', `/cases/${c.reference}/status`, writer, { status: 'in_progress' });
    const q = `updated_since=${encodeURIComponent(since.toISOString())}`;

    const all = (await (await get(`/cases?${q}`)).json()) as { cases: CaseBody[]; next_cursor: string | null };
    expect(all.cases.map((x) => x.reference)).toEqual([a.reference, b.reference, c.reference]);
    expect(all.next_cursor).toBeNull();
    const potholes = (await (await get(`/cases?${q}&service=highways.pothole`)).json()) as { cases: CaseBody[] };
    expect(potholes.cases.map((x) => x.reference)).toEqual([a.reference, c.reference]);
    const working = (await (await get(`/cases?${q}&status=in_progress`)).json()) as { cases: CaseBody[] };
    expect(working.cases.map((x) => x.reference)).toEqual([c.reference]);
    const either = (await (await get(`/cases?${q}&status=in_progress,received&service=waste.missed_collection`)).json()) as { cases: CaseBody[] };
    expect(either.cases.map((x) => x.reference)).toEqual([b.reference]);

    // Pages of one: every case once, in order, then no cursor.
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page = (await (await get(`/cases?${q}&limit=1${cursor ? `&cursor=${cursor}` : ''}`)).json()) as { cases: CaseBody[]; next_cursor: string | null };
      seen.push(...page.cases.map((x) => x.reference));
      cursor = page.next_cursor;
      if (!cursor) break;
    }
    expect(seen).toEqual([a.reference, b.reference, c.reference]);

    await problem(await get(`/cases?status=lost`), 400);
    await problem(await get(`/cases?colour=red`), 400);
    await problem(await get(`/cases?updated_since=yesterday`), 400);
    await problem(await get(`/cases?limit=0`), 400);
    expect((await problem(await get(`/cases?cursor=not-a-cursor!`), 400)).title).toBe('Bad cursor');
    await problem(await get(`/cases?cursor=${Buffer.from('["x","y"]').toString('base64url')}`), 400);
  });

  test('the change log since a cursor, across pages, with changes made while reading: no event twice or missed', async () => {
    const start = (await (await get('/changes?limit=500')).json()) as { events: unknown[]; next_cursor: string; has_more: boolean };
    expect(start.has_more).toBe(false);
    let cursor = start.next_cursor;

    const x = await newCase();
    const y = await newCase();
    await call('POST', `/cases/${x.reference}/status`, writer, { status: 'assigned', note: 'To the north crew' });
    await call('POST', `/cases/${y.reference}/notes`, writer, { note: 'Caller is a councillor', internal: true });
    await call('PATCH', `/cases/${x.reference}`, writer, { target_date: '2026-08-01' });

    type Ev = { id: string; reference: string; type: string; seq: number; internal: boolean; actor: string; data: Record<string, unknown> };
    const got: Ev[] = [];
    let pages = 0;
    let madeMore = false;
    for (;;) {
      const page = (await (await get(`/changes?limit=2&cursor=${cursor}`)).json()) as { events: Ev[]; next_cursor: string; has_more: boolean };
      got.push(...page.events);
      cursor = page.next_cursor;
      pages++;
      if (!madeMore) {
        // Changes made between pages are read in a later page.
        madeMore = true;
        await call('POST', `/cases/${y.reference}/status`, writer, { status: 'resolved' });
      }
      if (!page.has_more) break;
    }
    expect(pages).toBeGreaterThanOrEqual(3);
    const ids = got.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const expected = [...(await caseEventsOf(db(), server.tenant, x.id)), ...(await caseEventsOf(db(), server.tenant, y.id))].map((e) => e.id).sort();
    expect([...ids].sort()).toEqual(expected);
    const ofX = got.filter((e) => e.reference === x.reference);
    expect(ofX.map((e) => [e.seq, e.type])).toEqual([
      [1, 'created'],
      [2, 'status_changed'],
      [3, 'updated'],
    ]);
    expect(ofX[1]).toMatchObject({ actor: `backoffice:${writerId}`, data: { from: 'received', to: 'assigned', note: 'To the north crew' } });
    // Staff read internal notes too.
    expect(got.find((e) => e.reference === y.reference && e.type === 'note_added')).toMatchObject({ internal: true, data: { note: 'Caller is a councillor' } });
    // Nothing new: the same cursor back, no events.
    const after = (await (await get(`/changes?cursor=${cursor}`)).json()) as { events: Ev[]; next_cursor: string };
    expect(after.events).toEqual([]);
    expect(after.next_cursor).toBe(cursor);

    expect((await problem(await get('/changes?cursor=abc'), 400)).title).toBe('Bad cursor');
    await problem(await get('/changes?limit=100000'), 400);
  });
});

describe('changes', () => {
  test('status, note and target date changes are in the history, the events and the audit trail, with the key as actor', async () => {
    const c = await newCase();
    const actor = `backoffice:${writerId}`;
    const moved = await call('POST', `/cases/${c.reference}/status`, writer, { status: 'in_progress', note: 'Crew booked for Tuesday' });
    expect(moved.status).toBe(200);
    const movedBody = (await moved.json()) as CaseBody;
    expect(movedBody).toMatchObject({ status: 'in_progress', status_label: 'being worked on', seq: 2, changed: true });
    expect(moved.headers.get('etag')).toBe('"2"');

    const noted = (await (await call('POST', `/cases/${c.reference}/notes`, writer, { note: 'Cones placed', internal: true })).json()) as CaseBody;
    expect(noted.seq).toBe(3);
    const patched = (await (await call('PATCH', `/cases/${c.reference}`, writer, { target_date: '2026-09-30', team: 'highways_north' })).json()) as CaseBody;
    expect(patched).toMatchObject({ target_date: '2026-09-30', team: 'highways_north', seq: 4 });
    // The same values again change nothing: no event, no audit.
    const same = (await (await call('PATCH', `/cases/${c.reference}`, writer, { target_date: '2026-09-30' })).json()) as CaseBody;
    expect(same).toMatchObject({ seq: 4, changed: false });
    const unmoved = (await (await call('POST', `/cases/${c.reference}/status`, writer, { status: 'in_progress' })).json()) as CaseBody;
    expect(unmoved).toMatchObject({ seq: 4, changed: false });
    // Clearing the team.
    expect(((await (await call('PATCH', `/cases/${c.reference}`, writer, { team: null })).json()) as CaseBody).team).toBeNull();

    const history = await caseHistory(db(), server.tenant, c.id);
    expect(history.map((h) => [h.status, h.note, h.actor])).toEqual([
      ['received', 'Reported through the assistant', 'assistant'],
      ['in_progress', 'Crew booked for Tuesday', actor],
      ['in_progress', 'Cones placed', actor],
      ['in_progress', 'Changed: target date 2026-09-30, team highways_north', actor],
      ['in_progress', 'Changed: team cleared', actor],
    ]);
    const events = await caseEventsOf(db(), server.tenant, c.id);
    expect(events.map((e) => [e.seq, e.type, e.internal, e.actor])).toEqual([
      [1, 'created', false, 'assistant'],
      [2, 'status_changed', false, actor],
      [3, 'note_added', true, actor],
      [4, 'updated', false, actor],
      [5, 'updated', false, actor],
    ]);
    expect(events[3].data).toEqual({ changes: { targetDate: '2026-09-30', team: 'highways_north' }, before: { targetDate: '2026-07-01', team: 'highways' } });
    const audit = await auditTrail(db(), server.tenant, 'case', c.id);
    expect(audit.map((a) => [a.action, a.actorType, a.actorId])).toEqual([
      ['backoffice.case_status', 'system', actor],
      ['backoffice.case_note', 'system', actor],
      ['backoffice.case_updated', 'system', actor],
      ['backoffice.case_updated', 'system', actor],
    ]);
    expect(audit[0].detail).toMatchObject({ reference: c.reference, from: 'received', to: 'in_progress' });
    // The case as read shows it all.
    const read = (await (await get(`/cases/${c.reference}`)).json()) as CaseBody;
    expect(read.history?.map((h) => h.note)).toContain('Cones placed');
  });

  test('an internal note given with a status change is kept out of the change residents hear of', async () => {
    const c = await newCase();
    const res = await call('POST', `/cases/${c.reference}/status`, writer, { status: 'resolved', note: 'Resident was rude on the phone', internal: true });
    expect(res.status).toBe(200);
    const events = await caseEventsOf(db(), server.tenant, c.id);
    expect(events.map((e) => [e.type, e.internal])).toEqual([
      ['created', false],
      ['status_changed', false],
      ['note_added', true],
    ]);
    expect(JSON.stringify(events[1].data)).not.toContain('rude');
    expect(events[2].data).toMatchObject({ note: 'Resident was rude on the phone' });
  });

  test('If-Match: a change on a case that moved on since is 412 and changes nothing', async () => {
    const c = await newCase();
    const read = await get(`/cases/${c.reference}`);
    const tag = read.headers.get('etag')!;
    expect((await call('POST', `/cases/${c.reference}/notes`, writer, { note: 'first' }, { 'if-match': tag })).status).toBe(200);
    const stale = await problem(await call('POST', `/cases/${c.reference}/status`, writer, { status: 'closed' }, { 'if-match': tag }), 412);
    expect(stale.detail).toMatch(/"2"/);
    expect((await caseEventsOf(db(), server.tenant, c.id)).map((e) => e.type)).toEqual(['created', 'note_added']);
    expect((await call('POST', `/cases/${c.reference}/status`, writer, { status: 'closed' }, { 'if-match': '"2"' })).status).toBe(200);
    await problem(await call('PATCH', `/cases/${c.reference}`, writer, { team: 'x' }, { 'if-match': 'yesterday' }), 400);
  });

  test('bad input is a 400 problem and changes nothing; an unknown reference or another council\'s case is 404', async () => {
    const c = await newCase();
    const bad = await problem(await call('POST', `/cases/${c.reference}/status`, writer, { status: 'lost' }), 400);
    expect(bad.detail).toMatch(/received, assigned, in_progress/);
    await problem(await call('POST', `/cases/${c.reference}/status`, writer, {}), 400);
    await problem(await call('POST', `/cases/${c.reference}/status`, writer, { status: 'closed', extra: 1 }), 400);
    await problem(await call('POST', `/cases/${c.reference}/notes`, writer, { note: '   ' }), 400);
    await problem(await call('POST', `/cases/${c.reference}/notes`, writer, '{"note": '), 400);
    await problem(await call('PATCH', `/cases/${c.reference}`, writer, { target_date: '2026-02-30' }), 400);
    await problem(await call('PATCH', `/cases/${c.reference}`, writer, { target_date: 'next week' }), 400);
    await problem(await call('PATCH', `/cases/${c.reference}`, writer, {}), 400);
    expect((await caseEventsOf(db(), server.tenant, c.id)).map((e) => e.type)).toEqual(['created']);

    await problem(await get('/cases/MBC-000000'), 404);
    await problem(await get('/cases/..%2F..%2Fetc'), 404);
    await problem(await call('POST', '/cases/MBC-000000/status', writer, { status: 'closed' }), 404);
    await problem(await get('/nothing-here'), 404);

    const other = `other-${server.tenant}`;
    await ensureTenant(db(), other, 'Other council', {});
    const theirs = await newCase({}, other);
    await problem(await get(`/cases/${theirs.reference}`), 404);
    await problem(await call('POST', `/cases/${theirs.reference}/status`, writer, { status: 'closed' }), 404);
    await problem(await call('PATCH', `/cases/${theirs.reference}`, writer, { team: 'mine' }), 404);
    const listed = (await (await get('/cases?limit=200')).json()) as { cases: CaseBody[] };
    expect(listed.cases.some((x) => x.id === theirs.id)).toBe(false);
    const changes = (await (await get('/changes?limit=500')).json()) as { events: { case_id: string }[] };
    expect(changes.events.some((e) => e.case_id === theirs.id)).toBe(false);
    expect((await caseEventsOf(db(), other, theirs.id)).map((e) => e.type)).toEqual(['created']);
    // Their own key reads it.
    const theirKey = await key(['cases:read'], 'Other', other);
    expect((await get(`/cases/${theirs.reference}`, theirKey.key)).status).toBe(200);
  });
});

test('the OpenAPI document lists the back-office calls with their scopes and statuses', async () => {
  const doc = (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as {
    paths: Record<string, Record<string, { security?: { backofficeKey: string[] }[]; requestBody?: { content: Record<string, { schema: { properties: Record<string, { enum?: string[] }> } }> } }>>;
  };
  expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/backoffice/v1/cases', '/backoffice/v1/cases/{reference}', '/backoffice/v1/cases/{reference}/status', '/backoffice/v1/cases/{reference}/notes', '/backoffice/v1/changes']));
  expect(doc.paths['/backoffice/v1/cases/{reference}'].patch.security).toEqual([{ backofficeKey: ['cases:write'] }]);
  expect(doc.paths['/backoffice/v1/cases/{reference}/status'].post.requestBody!.content['application/json'].schema.properties.status.enum).toContain('in_progress');
});
