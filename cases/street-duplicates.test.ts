/**
 * Duplicates on the street (issue 13, item 6): the rule (same service, open, within the service's
 * window and distance by coordinates; a USRN alone never joins), the linked report and `merged`
 * case event it records, the nearby query's index, and the same rule end to end through the
 * assistant on web chat (two residents) and through Open311, with the cluster in the console's
 * context.
 */
import { CompiledQuery, sql, type Kysely } from 'kysely';
import { signedInAgent } from '../test/console-client.js';
import { allText, Resident, startTestServer, type TestServer } from '../test/server.js';
import { freshTenant, openTestStore } from '../test/store.js';
import {
  caseEventsOf,
  createCase,
  createOpen311Client,
  findCaseByReference,
  generateKeySpec,
  linkedReportsOf,
  openCasesNear,
  parseKeyring,
  setKeyring,
  type CaseRow,
  type Database,
  type Store,
} from '../store/index.js';
import * as wire from '../wire/index.js';
import { findLikelyDuplicate, recordRepeatReport } from './index.js';
import { metresApart } from './street-reports.js';

const NOW = new Date('2026-03-10T12:00:00Z');
const DAY = 86_400_000;
/** A point on a road, and degrees of latitude per metre. */
const P = { lat: 50.724, lng: -1.876 };
const PER_METRE = 1 / 111_195;
const north = (m: number) => ({ lat: P.lat + m * PER_METRE, lng: P.lng });

describe('the rule', () => {
  let store: Store;
  let tenant: string;
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(async () => store?.close());
  beforeEach(async () => {
    tenant = await freshTenant(store, 'street');
  });

  async function report(serviceId: string, at: { lat: number; lng: number } | null, opts: { usrn?: string; uprn?: string; daysAgo?: number; status?: string; values?: Record<string, unknown> } = {}): Promise<CaseRow> {
    const row = await createCase(store.db, {
      tenant,
      referencePrefix: 'ST',
      serviceId,
      summary: `${serviceId} report`,
      details: { values: opts.values ?? {} },
      location: { kind: 'street', label: 'somewhere' },
      lat: at?.lat ?? null,
      lng: at?.lng ?? null,
      usrn: opts.usrn ?? '21760700',
      uprn: opts.uprn ?? null,
      actor: 'test',
    });
    const created = new Date(NOW.getTime() - (opts.daysAgo ?? 1) * DAY);
    await store.db.updateTable('cases').set({ created_at: created, ...(opts.status ? { status: opts.status } : {}) } as never).where('id', '=', row.id).execute();
    return row;
  }

  test('two pothole reports 15 m apart on one road are joined; 300 m apart they are not', async () => {
    const first = await report('highways.pothole', P);
    const near = north(15);
    expect(Math.round(metresApart(P.lat, P.lng, near.lat, near.lng))).toBe(15);
    const match = await findLikelyDuplicate(store.db, tenant, 'highways.pothole', { ...near, usrn: '21760700' }, NOW);
    expect(match).toMatchObject({ basis: 'nearby', distanceMetres: 15 });
    expect(match!.case.id).toBe(first.id);
    expect(await findLikelyDuplicate(store.db, tenant, 'highways.pothole', { ...north(300), usrn: '21760700' }, NOW)).toBeNull();
    // Just inside and just outside the pothole's 50 m.
    expect(await findLikelyDuplicate(store.db, tenant, 'highways.pothole', north(49), NOW)).not.toBeNull();
    expect(await findLikelyDuplicate(store.db, tenant, 'highways.pothole', north(52), NOW)).toBeNull();
  });

  test('not once the window has passed, nor for another service, nor a closed or resolved case', async () => {
    await report('highways.pothole', P, { daysAgo: 29 });
    expect(await findLikelyDuplicate(store.db, tenant, 'highways.pothole', north(15), NOW)).toBeNull();
    // Fly-tipping's window is a week.
    await report('street.fly_tipping', P, { daysAgo: 8 });
    expect(await findLikelyDuplicate(store.db, tenant, 'street.fly_tipping', north(10), NOW)).toBeNull();
    const recent = await report('street.fly_tipping', P, { daysAgo: 6 });
    expect((await findLikelyDuplicate(store.db, tenant, 'street.fly_tipping', north(10), NOW))?.case.id).toBe(recent.id);
    // A graffiti report at the very spot of the fly-tipping: another service, another case.
    expect(await findLikelyDuplicate(store.db, tenant, 'street.graffiti', P, NOW)).toBeNull();
    await report('highways.pothole', north(100), { status: 'resolved' });
    await report('highways.pothole', north(100), { status: 'closed' });
    expect(await findLikelyDuplicate(store.db, tenant, 'highways.pothole', north(105), NOW)).toBeNull();
    const open = await report('highways.pothole', north(100), { status: 'in_progress' });
    expect((await findLikelyDuplicate(store.db, tenant, 'highways.pothole', north(105), NOW))?.case.id).toBe(open.id);
  });

  test('a street without coordinates (its USRN only) is never joined, on either side', async () => {
    await report('highways.pothole', null, { usrn: '21760700' });
    expect(await findLikelyDuplicate(store.db, tenant, 'highways.pothole', { usrn: '21760700' }, NOW)).toBeNull();
    expect(await findLikelyDuplicate(store.db, tenant, 'highways.pothole', { ...P, usrn: '21760700' }, NOW)).toBeNull();
    await report('highways.pothole', P, { usrn: '21760700' });
    expect(await findLikelyDuplicate(store.db, tenant, 'highways.pothole', { usrn: '21760700' }, NOW)).toBeNull();
  });

  test('the nearest open case wins; answers that differ keep nearby reports apart', async () => {
    await report('highways.pothole', north(40));
    const nearer = await report('highways.pothole', north(-10));
    expect(await findLikelyDuplicate(store.db, tenant, 'highways.pothole', P, NOW)).toMatchObject({ case: { id: nearer.id }, distanceMetres: 10 });
    // Two lamp posts with their numbers: different lights; an unnumbered report joins the nearest.
    const light = await report('highways.street_lighting', P, { values: { columnNumber: 'MB 114', fault: 'out' } });
    expect(await findLikelyDuplicate(store.db, tenant, 'highways.street_lighting', north(8), NOW, { columnNumber: 'MB115' })).toBeNull();
    expect((await findLikelyDuplicate(store.db, tenant, 'highways.street_lighting', north(8), NOW, { columnNumber: 'mb114' }))?.case.id).toBe(light.id);
    expect((await findLikelyDuplicate(store.db, tenant, 'highways.street_lighting', north(8), NOW, {}))?.case.id).toBe(light.id);
    // A damaged sign and a blocked drain on the same corner are two jobs.
    await report('highways.road_pavement_defect', P, { values: { defectType: 'drain' } });
    expect(await findLikelyDuplicate(store.db, tenant, 'highways.road_pavement_defect', P, NOW, { defectType: 'sign' })).toBeNull();
    expect(await findLikelyDuplicate(store.db, tenant, 'highways.road_pavement_defect', P, NOW, { defectType: 'drain' })).not.toBeNull();
  });

  test('property services keep the UPRN rule', async () => {
    const bin = await report('waste.missed_collection', P, { uprn: '100023462413' });
    expect(await findLikelyDuplicate(store.db, tenant, 'waste.missed_collection', { uprn: '100023462413' }, NOW)).toMatchObject({ case: { id: bin.id }, basis: 'property' });
    // A neighbour's bin 15 m away is another property.
    expect(await findLikelyDuplicate(store.db, tenant, 'waste.missed_collection', { ...north(15), uprn: '100023462424' }, NOW)).toBeNull();
  });

  test('a repeat report is a linked report of the case, with its history line and a merged event; its details sealed', async () => {
    const first = await report('highways.pothole', P);
    setKeyring(parseKeyring(generateKeySpec()));
    try {
      const reportId = await recordRepeatReport(store.db, {
        tenant,
        case: first,
        via: 'assistant',
        actor: 'assistant',
        source: 'through the assistant',
        distanceMetres: 15,
        location: { kind: 'address', label: '4 Cliff Terrace', ...north(15) },
        answers: { size: 'Large' },
      });
      const raw = await sql<{ details: unknown }>`select details from case_reports where id = ${reportId}`.execute(store.db);
      expect(JSON.stringify(raw.rows[0].details)).toMatch(/enc:v1:/);
      expect(JSON.stringify(raw.rows[0].details)).not.toMatch(/Cliff/);
      const linked = (await linkedReportsOf(store.db, tenant, [first.id])).get(first.id)!;
      expect(linked).toHaveLength(1);
      expect(linked[0]).toMatchObject({ id: reportId, via: 'assistant', distanceMetres: 15, details: { location: { label: '4 Cliff Terrace' }, answers: { size: 'Large' } } });
      const events = await caseEventsOf(store.db, tenant, first.id);
      expect(events.map((e) => e.type)).toEqual(['created', 'merged']);
      expect(events[1].data).toEqual({ reportId, distanceMetres: 15, via: 'assistant' });
      const history = await store.db.selectFrom('case_status_history').select(['note', 'status']).where('case_id', '=', first.id).orderBy('id').execute();
      expect(history.at(-1)).toMatchObject({ status: 'received' });
    } finally {
      setKeyring(null);
    }
  });

  test('the nearby lookup reads cases through the cases_nearby index', async () => {
    // Enough cases that the planner has a choice: 20,000 potholes and other reports scattered over 20 km.
    await sql`
      insert into cases (id, tenant_id, reference, service_id, status, summary, lat, lng, created_at)
      select md5(${tenant} || i)::uuid::text, ${tenant}, 'PL-' || i,
        (array['highways.pothole', 'street.fly_tipping', 'waste.missed_collection', 'street.graffiti'])[1 + i % 4],
        case when i % 3 = 0 then 'resolved' else 'received' end, 'seeded',
        50.6 + (i % 200) * 0.001, -1.95 + (i / 200) * 0.0015, now() - (i % 90) * interval '1 day'
      from generate_series(1, 20000) i`.execute(store.db);
    await sql`analyze cases`.execute(store.db);
    const db = store.db as Kysely<Database>;
    const captured: CompiledQuery[] = [];
    let proto = Object.getPrototypeOf(db.getExecutor()) as Record<string, unknown> | null;
    while (proto && !Object.prototype.hasOwnProperty.call(proto, 'executeQuery')) proto = Object.getPrototypeOf(proto) as Record<string, unknown> | null;
    const original = proto!.executeQuery as (this: unknown, q: CompiledQuery) => Promise<unknown>;
    proto!.executeQuery = function (this: unknown, q: CompiledQuery) {
      captured.push(q);
      return original.call(this, q);
    };
    try {
      await openCasesNear(db, tenant, 'highways.pothole', { south: 50.65, north: 50.6505, west: -1.9, east: -1.8993 }, new Date(Date.now() - 28 * DAY));
    } finally {
      proto!.executeQuery = original;
    }
    const q = captured.find((c) => /from "cases"/.test(c.sql))!;
    const { rows } = await db.executeQuery<{ 'QUERY PLAN': unknown }>(CompiledQuery.raw(`explain (format json) ${q.sql}`, [...q.parameters]));
    const raw = rows[0]['QUERY PLAN'];
    const plan = JSON.stringify(typeof raw === 'string' ? JSON.parse(raw) : raw);
    expect(plan).toContain('"Index Name":"cases_nearby"');
    expect(plan).not.toContain('Seq Scan');
  }, 60_000);
});

describe('end to end', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  }, 120_000);
  afterAll(async () => server?.close());

  /** A resident reporting a pothole in web chat, to the end; returns the resident and the last reply. */
  async function potholeAt(place: string): Promise<{ resident: Resident; last: string }> {
    const resident = await new Resident(server.url).start();
    await resident.say('I want to report a pothole');
    let last = '';
    for (const answer of [place, 'large', 'in the road', 'no', 'no', 'no', 'yes']) {
      last = allText(await resident.say(answer));
      if (/reference is|already reported|same problem/i.test(last)) break;
    }
    return { resident, last };
  }

  async function caseCount(): Promise<number> {
    const rows = await server.store.db.selectFrom('cases').select('id').where('tenant_id', '=', server.tenant).where('service_id', '=', 'highways.pothole').execute();
    return rows.length;
  }

  test('web chat: the second resident, 15 m along the road, is told it is already reported and joins the case; 300 m away is a new case', async () => {
    const before = await caseCount();
    const a = await potholeAt('outside 3 Cliff Terrace');
    const ref = /Your reference is ([A-Z]+-\d{6})/.exec(a.last)?.[1];
    expect(ref).toBeDefined();
    const b = await potholeAt('outside 4 Cliff Terrace');
    expect(b.last).toMatch(/This looks like the same problem as one reported on \w+ \d+ \w+, about 15 metres from the place you gave, so I've added your report to it rather than open a new one\./);
    expect(b.last).toContain(`The reference is ${ref}. It is received and waiting to be looked at.`);
    // The other resident's place is not quoted.
    expect(b.last).not.toMatch(/3 Cliff Terrace/);
    expect(await caseCount()).toBe(before + 1);

    const row = (await findCaseByReference(server.store.db, server.tenant, ref!))!;
    const linked = (await linkedReportsOf(server.store.db, server.tenant, [row.id])).get(row.id)!;
    expect(linked).toHaveLength(1);
    expect(linked[0]).toMatchObject({ via: 'assistant', conversationId: b.resident.conversationId, distanceMetres: 15 });
    expect(linked[0].details.answers).toMatchObject({ size: expect.stringMatching(/^Large/) });
    const events = await caseEventsOf(server.store.db, server.tenant, row.id);
    expect(events.at(-1)).toMatchObject({ type: 'merged', data: { reportId: linked[0].id, conversationId: b.resident.conversationId, distanceMetres: 15, via: 'assistant' } });

    // 1 and 28 High Street are 307 m apart on one road (one USRN): two cases.
    const c = await potholeAt('outside 1 High Street');
    const d = await potholeAt('outside 28 High Street');
    expect(c.last).toMatch(/Your reference is/);
    expect(d.last).toMatch(/Your reference is/);
    expect(await caseCount()).toBe(before + 3);

    // The agent sees the cluster: on the first resident's case, and on the second's conversation.
    const { client } = await signedInAgent(server, { roles: ['agent', 'supervisor'] });
    const viewB = await client.call('GET', `/conversations/${b.resident.conversationId}`);
    expect(viewB.status).toBe(200);
    const ctxB = wire.conversationContext.parse(viewB.body.context);
    expect(ctxB.cases).toHaveLength(1);
    expect(ctxB.cases[0]).toMatchObject({ reference: ref, joined: { distanceMetres: 15 }, linkedReports: [{ distanceMetres: 15, via: 'assistant', fromThisConversation: true }] });
    const viewA = await client.call('GET', `/conversations/${a.resident.conversationId}`);
    const ctxA = wire.conversationContext.parse(viewA.body.context);
    expect(ctxA.cases[0]).toMatchObject({ reference: ref, linkedReports: [{ distanceMetres: 15, fromThisConversation: false }] });
    expect(ctxA.cases[0].joined).toBeUndefined();
  }, 120_000);

  test('a place given as coordinates (a WhatsApp pin far from any address) keeps them: 12 m apart joined, 300 m apart not', async () => {
    const before = await caseCount();
    const a = await potholeAt('Lay-by on the A35 (50.80000, -1.95000)');
    const ref = /Your reference is ([A-Z]+-\d{6})/.exec(a.last)?.[1];
    expect(ref).toBeDefined();
    const row = (await findCaseByReference(server.store.db, server.tenant, ref!))!;
    expect([row.lat, row.lng]).toEqual([50.8, -1.95]);
    expect(row.location).toMatchObject({ kind: 'description', label: 'Lay-by on the A35' });
    const b = await potholeAt('50.8001,-1.95005');
    expect(b.last).toMatch(/about 10 metres from the place you gave/); // 11.7 m, said to the nearest 5
    expect(b.last).toContain(`The reference is ${ref}.`);
    const c = await potholeAt('50.8027,-1.95');
    expect(c.last).toMatch(/Your reference is/);
    expect(await caseCount()).toBe(before + 2);
  }, 120_000);

  test('Open311: 15 m from an open report joins it (and the client can read it back); 300 m away is a new request', async () => {
    const { key } = await createOpen311Client(server.store.db, server.tenant, 'FixMyStreet');
    const post = async (at: { lat: number; lng: number }, extra: Record<string, string> = {}) => {
      const res = await fetch(`${server.url}/open311/v2/requests.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          jurisdiction_id: server.tenant,
          api_key: key,
          service_code: '557',
          lat: at.lat.toFixed(7),
          long: at.lng.toFixed(7),
          'attribute[size]': 'medium',
          'attribute[position]': 'carriageway',
          'attribute[atRisk]': 'no',
          ...extra,
        }).toString(),
      });
      return { status: res.status, body: (await res.json()) as { service_request_id: string; service_notice: string }[] };
    };
    // Near Westholme Road, away from the web chat test's reports.
    const base = { lat: 50.7285, lng: -1.8712 };
    const first = await post(base);
    expect(first.status).toBe(201);
    const id = first.body[0].service_request_id;
    const again = await post({ lat: base.lat + 15 * PER_METRE, lng: base.lng }, { email: 'sam@example.org', first_name: 'Sam' });
    expect(again.status).toBe(201);
    expect(again.body[0]).toMatchObject({ service_request_id: id, service_notice: expect.stringMatching(/^Already reported 15 m away on .*: this report was added to it\. It is received/) });
    const far = await post({ lat: base.lat + 300 * PER_METRE, lng: base.lng });
    expect(far.body[0].service_request_id).not.toBe(id);

    const row = (await findCaseByReference(server.store.db, server.tenant, id))!;
    const linked = (await linkedReportsOf(server.store.db, server.tenant, [row.id])).get(row.id)!;
    expect(linked).toHaveLength(1);
    expect(linked[0]).toMatchObject({ via: 'open311', distanceMetres: 15, conversationId: null });
    // The second reporter's details are kept with their report, for updates.
    expect(linked[0].contactId).toBeTruthy();
    expect((await caseEventsOf(server.store.db, server.tenant, row.id)).at(-1)).toMatchObject({ type: 'merged', data: { via: 'open311', distanceMetres: 15 } });

    // A report next to one the assistant took joins it, and the client can read that case's status.
    const chat = await potholeAt('outside 10 Cliff Terrace');
    const chatRef = /Your reference is ([A-Z]+-\d{6})/.exec(chat.last)![1];
    const chatCase = (await findCaseByReference(server.store.db, server.tenant, chatRef))!;
    const joined = await post({ lat: chatCase.lat! + 5 * PER_METRE, lng: chatCase.lng! });
    expect(joined.body[0].service_request_id).toBe(chatRef);
    const got = await fetch(`${server.url}/open311/v2/requests/${chatRef}.json?jurisdiction_id=${server.tenant}`);
    expect(got.status).toBe(200);
    expect(((await got.json()) as { status: string }[])[0].status).toBe('open');
  }, 120_000);
});
