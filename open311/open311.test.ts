/** The Open311 GeoReport v2 server through the real app: a client that follows the specification, in JSON and XML. */
import { addWorkingDays } from '../cases/index.js';
import { addCaseStatus, contactById, createOpen311Client, findCaseByReference, listOpen311Clients, revokeOpen311Client } from '../store/index.js';
import { startTestServer, type TestServer } from '../test/server.js';

let server: TestServer;
let key: string;

beforeAll(async () => {
  server = await startTestServer();
  key = (await createOpen311Client(server.store.db, server.tenant, 'FixMyStreet')).key;
}, 120_000);
afterAll(async () => {
  await server?.close();
});

const url = (p: string, query: Record<string, string> = {}) => `${server.url}/open311${p}?${new URLSearchParams({ jurisdiction_id: server.tenant, ...query })}`;
const get = (p: string, query?: Record<string, string>) => fetch(url(p, query));
function postForm(p: string, fields: Record<string, string>): Promise<Response> {
  return fetch(`${server.url}/open311${p}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ jurisdiction_id: server.tenant, ...fields }).toString(),
  });
}

const pothole = {
  service_code: '557',
  lat: '50.721400',
  long: '-1.882700',
  description: 'Deep hole by the bus stop',
  email: 'pat@example.org',
  phone: '07700 900123',
  first_name: 'Pat',
  last_name: 'Reporter',
  media_url: 'https://fixmystreet.example/photo/1.jpeg',
  'attribute[size]': 'large',
  'attribute[position]': 'carriageway',
  'attribute[atRisk]': 'no',
};

interface ServiceRequest {
  service_request_id: string;
  status: string;
  service_code: string;
  service_name: string;
  description: string | null;
  expected_datetime: string | null;
  address: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

describe('Open311 GeoReport v2', () => {
  test('discovery lists the v2 endpoint in JSON and XML', async () => {
    const res = await get('/discovery.json');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { endpoints: { url: string; specification: string; formats: string[] }[] };
    expect(body.endpoints[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', formats: ['application/json', 'text/xml'] });
    expect(body.endpoints[0].url).toMatch(/\/open311\/v2\/$/);
    const xml = await (await get('/discovery.xml')).text();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?><discovery>.*<endpoints><endpoint>.*<formats><format>application\/json<\/format>/);
  });

  test('services: the flows that create cases, with LGSL codes, in JSON and XML', async () => {
    const res = await get('/v2/services.json');
    expect(res.status).toBe(200);
    const services = (await res.json()) as { service_code: string; service_name: string; metadata: boolean; type: string; group: string; keywords: string }[];
    const pot = services.find((s) => s.service_code === '557');
    expect(pot).toMatchObject({ service_name: expect.stringMatching(/pothole/i), metadata: true, type: 'realtime', group: 'highways' });
    expect(pot!.keywords).toContain('highways.pothole');
    expect(services.find((s) => s.service_code === '524')?.service_name).toMatch(/missed bin/i);
    // The bin-day lookup creates no case, so it is no Open311 service.
    expect(services.some((s) => /bin collection day/i.test(s.service_name))).toBe(false);
    const xres = await get('/v2/services.xml');
    expect(xres.headers.get('content-type')).toMatch(/application\/xml/);
    const xml = await xres.text();
    expect(xml).toContain('<services><service><service_code>');
    expect(xml).toMatch(/<service><service_code>557<\/service_code><service_name>[^<]*<\/service_name>.*?<metadata>true<\/metadata><type>realtime<\/type>/);
  });

  test('service definition: the flow questions as attributes, choices with their values', async () => {
    const res = await get('/v2/services/557.json');
    expect(res.status).toBe(200);
    const def = (await res.json()) as { service_code: string; attributes: { code: string; datatype: string; required: boolean; order: number; description: string; values?: { key: string; name: string }[] }[] };
    expect(def.service_code).toBe('557');
    expect(def.attributes.map((a) => a.code)).toEqual(['size', 'position', 'atRisk', 'details']);
    expect(def.attributes[0]).toMatchObject({ datatype: 'singlevaluelist', required: true, order: 1 });
    expect(def.attributes[0].values?.map((v) => v.key)).toEqual(['small', 'medium', 'large']);
    expect(def.attributes[2].values).toEqual([{ key: 'yes', name: 'Yes' }, { key: 'no', name: 'No' }]);
    expect(def.attributes[3]).toMatchObject({ datatype: 'text', required: false });
    // The service id is accepted as a code too.
    expect((await get('/v2/services/highways.pothole.json')).status).toBe(200);
    const xml = await (await get('/v2/services/557.xml')).text();
    expect(xml).toMatch(/<service_definition><service_code>557<\/service_code><attributes><attribute><variable>true<\/variable><code>size<\/code>/);
    expect(xml).toContain('<values><value><key>small</key>');
    const missing = await get('/v2/services/999999.json');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual([{ code: 404, description: expect.stringMatching(/service_code 999999 not found/) }]);
  });

  test('POST requests (JSON) creates a case with its service, place and target date; GET returns it', async () => {
    const before = new Date();
    const res = await postForm('/v2/requests.json', { api_key: key, ...pothole });
    expect(res.status).toBe(201);
    const [created] = (await res.json()) as { service_request_id: string; service_notice: string; account_id: null }[];
    expect(created.service_request_id).toMatch(/^[A-Z]{2,4}-\d{6}$/);
    expect(created.service_notice).toMatch(/aims to deal with it by/);
    const row = (await findCaseByReference(server.store.db, server.tenant, created.service_request_id))!;
    expect(row.service_id).toBe('highways.pothole');
    expect([row.lat, row.lng]).toEqual([50.7214, -1.8827]);
    expect(row.usrn).toBe('21698175');
    expect(row.uprn).toBeNull();
    expect(row.team).toBeTruthy();
    const target = addWorkingDays(before, 5).toISOString().slice(0, 10);
    // node-postgres reads a date as local midnight, PGlite as UTC midnight.
    const targetOf = (d: unknown) => (d instanceof Date ? (d.getUTCHours() === 0 ? d : new Date(d.getTime() - d.getTimezoneOffset() * 60000)).toISOString().slice(0, 10) : String(d));
    expect(targetOf(row.target_date)).toBe(target);
    expect(row.summary).toMatch(/Large/);
    // The reporter's details are on the case's contact, as the assistant keeps them.
    const contact = (await contactById(server.store.db, server.tenant, row.contact_id!))!;
    expect(contact).toMatchObject({ email: 'pat@example.org', phone: '07700 900123', display_name: 'Pat Reporter' });

    const got = await get(`/v2/requests/${created.service_request_id}.json`);
    expect(got.status).toBe(200);
    const [req] = (await got.json()) as ServiceRequest[];
    expect(req).toMatchObject({
      service_request_id: created.service_request_id,
      status: 'open',
      service_code: '557',
      description: 'Deep hole by the bus stop',
      lat: 50.7214,
      long: -1.8827,
      media_url: 'https://fixmystreet.example/photo/1.jpeg',
      expected_datetime: `${target}T23:59:59Z`,
    });
    expect(req.address).toMatch(/^Near .*High Street/);
    // Nothing personal is read back.
    expect(JSON.stringify(req)).not.toMatch(/pat@example|07700|Reporter/);
  });

  test('POST requests (XML) at a UPRN; a second report there joins the first', async () => {
    const fields = { api_key: key, service_code: '524', address_id: '100023450038', 'attribute[binType]': 'recycling', 'attribute[outBy6am]': 'yes' };
    const res = await postForm('/v2/requests.xml', fields);
    expect(res.status).toBe(201);
    const xml = await res.text();
    const id = /<service_request_id>([^<]+)<\/service_request_id>/.exec(xml)![1];
    expect(xml).toMatch(/^<\?xml[^>]*><service_requests><request><service_request_id>[A-Z]+-\d{6}<\/service_request_id><service_notice>[^<]+<\/service_notice><account_id\/><\/request><\/service_requests>$/);
    const row = (await findCaseByReference(server.store.db, server.tenant, id))!;
    expect(row).toMatchObject({ service_id: 'waste.missed_collection', uprn: '100023450038', usrn: '21698175', contact_id: null });
    const again = await (await postForm('/v2/requests.xml', fields)).text();
    expect(again).toContain(`<service_request_id>${id}</service_request_id>`);
    expect(again).toMatch(/Already reported/);
    const got = await (await get(`/v2/requests/${id}.xml`)).text();
    expect(got).toMatch(new RegExp(`<service_requests><request><service_request_id>${id}</service_request_id><status>open</status>`));
    expect(got).toContain('<address_id>100023450038</address_id>');
  });

  test('a missing or invalid api_key is 403, in the format asked', async () => {
    const none = await postForm('/v2/requests.json', pothole);
    expect(none.status).toBe(403);
    expect(await none.json()).toEqual([{ code: 403, description: 'api_key is required' }]);
    const wrong = await postForm('/v2/requests.xml', { ...pothole, api_key: 'o311_not-a-key' });
    expect(wrong.status).toBe(403);
    expect(await wrong.text()).toBe('<?xml version="1.0" encoding="utf-8"?><errors><error><code>403</code><description>api_key is not valid</description></error></errors>');
  });

  test('a revoked key stops working at once; the council\'s other keys do not', async () => {
    const spare = await createOpen311Client(server.store.db, server.tenant, 'Spare client');
    expect((await listOpen311Clients(server.store.db, server.tenant)).find((c) => c.id === spare.id)?.revoked_at).toBeNull();
    expect(await revokeOpen311Client(server.store.db, server.tenant, spare.id)).toBe(true);
    expect(await revokeOpen311Client(server.store.db, server.tenant, spare.id)).toBe(false);
    const refused = await postForm('/v2/requests.json', { ...pothole, api_key: spare.key });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual([{ code: 403, description: 'api_key is not valid' }]);
    expect((await postForm('/v2/requests.json', { ...pothole, api_key: key, lat: '50.7301', long: '-1.8702' })).status).toBe(201);
  });

  test('unknown service 404, missing fields 400, unknown council 404', async () => {
    const unknown = await postForm('/v2/requests.json', { ...pothole, api_key: key, service_code: '999999' });
    expect(unknown.status).toBe(404);
    const noCode = await postForm('/v2/requests.json', { api_key: key, lat: '50.7214', long: '-1.8827' });
    expect(noCode.status).toBe(400);
    expect(await noCode.json()).toEqual([{ code: 400, description: 'service_code is required' }]);
    const noPlace = await postForm('/v2/requests.json', { ...pothole, api_key: key, lat: '', long: '' });
    expect(noPlace.status).toBe(400);
    const badChoice = await postForm('/v2/requests.json', { ...pothole, api_key: key, 'attribute[size]': 'enormous' });
    expect(badChoice.status).toBe(400);
    expect(((await badChoice.json()) as { description: string }[])[0].description).toMatch(/attribute\[size\] must be one of: small, medium, large/);
    const missingAttr = await postForm('/v2/requests.json', { ...pothole, api_key: key, 'attribute[position]': '' });
    expect(missingAttr.status).toBe(400);
    // A missed bin needs the property, not a pin.
    const pin = await postForm('/v2/requests.json', { api_key: key, service_code: '524', lat: '50.7214', long: '-1.8827', 'attribute[binType]': 'food', 'attribute[outBy6am]': 'yes' });
    expect(pin.status).toBe(400);
    const council = await get('/v2/services.json', { jurisdiction_id: 'no-such-council' });
    expect(council.status).toBe(404);
    expect(await council.json()).toEqual([{ code: 404, description: 'jurisdiction_id no-such-council not found' }]);
    expect((await get('/v2/requests/MBC-000000.json')).status).toBe(404);
  });

  test('GET requests filters by service_code and status; by id ignores the rest', async () => {
    const all = (await (await get('/v2/requests.json')).json()) as ServiceRequest[];
    expect(all.length).toBeGreaterThanOrEqual(2);
    const potholes = (await (await get('/v2/requests.json', { service_code: '557' })).json()) as ServiceRequest[];
    expect(potholes.length).toBeGreaterThanOrEqual(1);
    expect(potholes.every((r) => r.service_code === '557')).toBe(true);
    const bins = (await (await get('/v2/requests.json', { service_code: '524', status: 'open' })).json()) as ServiceRequest[];
    expect(bins).toHaveLength(1);
    expect((await (await get('/v2/requests.json', { status: 'closed' })).json()) as ServiceRequest[]).toEqual([]);
    // Resolved by the council: closed from then on.
    const row = (await findCaseByReference(server.store.db, server.tenant, potholes[0].service_request_id))!;
    await addCaseStatus(server.store.db, server.tenant, row.id, 'resolved', 'Filled', 'agent');
    const closed = (await (await get('/v2/requests.json', { status: 'closed' })).json()) as ServiceRequest[];
    expect(closed.map((r) => [r.service_request_id, r.status])).toEqual([[row.reference, 'closed']]);
    expect(((await (await get('/v2/requests.json', { status: 'open' })).json()) as ServiceRequest[]).some((r) => r.service_request_id === row.reference)).toBe(false);
    const ids = all.map((r) => r.service_request_id).join(',');
    const byId = (await (await get('/v2/requests.json', { service_request_id: ids, status: 'closed' })).json()) as ServiceRequest[];
    expect(byId.map((r) => r.service_request_id).sort()).toEqual(all.map((r) => r.service_request_id).sort());
    const future = (await (await get('/v2/requests.json', { start_date: '2999-01-01T00:00:00Z' })).json()) as ServiceRequest[];
    expect(future).toEqual([]);
    const bad = await get('/v2/requests.json', { status: 'pending' });
    expect(bad.status).toBe(400);
    expect((await get('/v2/requests.json', { start_date: 'yesterday' })).status).toBe(400);
  });
});
