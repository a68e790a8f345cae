/**
 * Search for agents and the audit viewer (issue 16, items 5 and 6) through the console API, with
 * personal data sealed (a keyring is set): a postcode, phone or e-mail is found through its blind
 * index; an agent finds only what they may see (need-to-know), and opening what they may not is a
 * 404; every result opened is audited; the audit viewer is for admins only, its filters narrow
 * known data, and its CSV export parses back to the same events.
 */
import { sql } from 'kysely';
import { createStaffAccount, totpCode } from '../../handoff/agents/index.js';
import { waitingHandoff } from '../../handoff/queue/test-helpers.js';
import { blindIndex, createCase, generateKeySpec, seal, type CaseRow } from '../../store/index.js';
import { ConsoleClient, signedInAgent } from '../../test/console-client.js';
import { startTestServer, type TestServer } from '../../test/server.js';

const PASSWORD = 'Council-desk-2025';
let server: TestServer;
let admin: ConsoleClient;
let wasteAgent: Awaited<ReturnType<typeof signedInAgent>>;
let supervisor: Awaited<ReturnType<typeof signedInAgent>>;
let wasteCase: CaseRow;
let dutyCase: CaseRow;
let wasteConversation: string;
let dutyConversation: string;

/** A resident's closed conversation, handed off to `queue`, with their name (and e-mail) and a case at `postcode`. */
async function earlierContact(input: { queue: string; name: string; phone: string; email?: string; postcode: string; service: string; prefix: string }) {
  const db = server.store.db;
  const handoff = await waitingHandoff(db, server.tenant, { queue: input.queue, channel: 'sms', contactUser: input.phone });
  await sql`update handoffs set closed_at = now(), status = 'resolved' where id = ${handoff.id}`.execute(db);
  const conversation = await db.selectFrom('conversations').select(['id', 'contact_id']).where('id', '=', handoff.conversation_id).executeTakeFirstOrThrow();
  await db
    .updateTable('contacts')
    .set({ display_name: input.name, ...(input.email ? { email: seal('contacts.email', input.email), email_index: blindIndex('email', input.email) } : {}) })
    .where('id', '=', conversation.contact_id!)
    .execute();
  const made = await createCase(db, {
    tenant: server.tenant,
    referencePrefix: input.prefix,
    serviceId: input.service,
    summary: 'Reported through the assistant',
    details: {},
    location: { kind: 'address', label: `1 Fictional Row, Demo Town, ${input.postcode}`, postcode: input.postcode },
    contactId: conversation.contact_id,
    conversationId: conversation.id,
    actor: 'assistant',
  });
  return { conversationId: conversation.id, case: made };
}

async function signInAdmin(): Promise<ConsoleClient> {
  const email = `admin.${Date.now()}@council.example`;
  await createStaffAccount(server.store.db, { tenant: server.tenant, email, name: 'Audit Admin', roles: ['admin', 'agent'], password: PASSWORD });
  const client = new ConsoleClient(server.url);
  expect((await client.call('POST', '/login', { tenant: server.tenant, email, password: PASSWORD })).body.stage).toBe('enrol');
  const { secret } = (await client.call('GET', '/totp/enrol')).body;
  expect((await client.call('POST', '/totp/enrol', { code: totpCode(secret, Date.now()) })).status).toBe(200);
  return client;
}

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF) back into rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\ufeff/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && s[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

beforeAll(async () => {
  server = await startTestServer({ dataKeys: generateKeySpec() });
  const a = await earlierContact({ queue: 'waste', name: 'Alys Fictional', phone: '+447700900111', email: 'alys@example.org', postcode: 'ZZ1 1AA', service: 'waste.missed_collection', prefix: 'WST' });
  const b = await earlierContact({ queue: 'safeguarding', name: 'Bryn Fictional', phone: '+447700900222', postcode: 'ZZ1 1AA', service: 'waste.new_bin', prefix: 'DTY' });
  wasteCase = a.case;
  wasteConversation = a.conversationId;
  dutyCase = b.case;
  dutyConversation = b.conversationId;
  wasteAgent = await signedInAgent(server, { roles: ['agent'], skills: ['waste'] });
  supervisor = await signedInAgent(server, { roles: ['supervisor', 'agent'], skills: ['waste'] });
  admin = await signInAdmin();
});

afterAll(async () => {
  await server?.close();
});

const ids = (body: { results: { kind: string; id: string }[] }) => body.results.map((r) => `${r.kind}:${r.id}`).sort();

describe('search for agents', () => {
  it('stores the address sealed, yet finds the case by its postcode in any spacing or case', async () => {
    const raw = await server.store.db.selectFrom('cases').select('location').where('id', '=', wasteCase.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(raw.location)).not.toContain('ZZ1');
    const res = await wasteAgent.client.call('POST', '/search', { postcode: 'zz11aa' });
    expect(res.status).toBe(200);
    expect(ids(res.body)).toEqual([`case:${wasteCase.id}`, `conversation:${wasteConversation}`].sort());
    expect(res.body.results.find((r: { kind: string }) => r.kind === 'case')).toMatchObject({ title: wasteCase.reference, contactName: 'Alys Fictional' });
  });

  it('need-to-know: an agent cannot find or open what their skills do not serve; a supervisor can', async () => {
    // Bryn's case and conversation went to the safeguarding queue: not the waste agent's.
    expect((await wasteAgent.client.call('POST', '/search', { phone: '07700 900222' })).body.results).toEqual([]);
    expect((await wasteAgent.client.call('POST', '/search', { reference: dutyCase.reference })).body.results).toEqual([]);
    expect((await wasteAgent.client.call('GET', `/search/cases/${dutyCase.id}`)).status).toBe(404);
    expect((await wasteAgent.client.call('GET', `/search/conversations/${dutyConversation}`)).status).toBe(404);
    const all = await supervisor.client.call('POST', '/search', { postcode: 'ZZ1 1AA' });
    expect(ids(all.body)).toEqual([`case:${wasteCase.id}`, `case:${dutyCase.id}`, `conversation:${wasteConversation}`, `conversation:${dutyConversation}`].sort());
  });

  it('finds by name part, whole phone, whole e-mail, reference, service and date', async () => {
    const search = async (body: object) => ids((await wasteAgent.client.call('POST', '/search', body)).body);
    const alys = [`case:${wasteCase.id}`, `conversation:${wasteConversation}`].sort();
    expect(await search({ name: 'alys fict' })).toEqual(alys);
    expect(await search({ phone: '07700900111' })).toEqual(alys);
    expect(await search({ email: 'ALYS@example.org' })).toEqual(alys);
    expect(await search({ reference: wasteCase.reference.toLowerCase() })).toEqual(alys);
    expect(await search({ service: 'waste.missed_collection' })).toEqual(alys);
    expect(await search({ service: 'waste.bulky_collection' })).toEqual([]);
    // Criteria combine: the name with someone else's number finds nobody.
    expect(await search({ name: 'Alys', phone: '+447700900222' })).toEqual([]);
    const nextYear = `${new Date().getUTCFullYear() + 1}-01-01`;
    expect(await search({ name: 'Alys', from: '2000-01-01', to: nextYear })).toEqual(alys);
    expect(await search({ name: 'Alys', from: nextYear })).toEqual([]);
    expect(await search({ name: 'Alys', to: '2000-01-01' })).toEqual([]);
  });

  it('refuses a search it cannot answer honestly, with problem details', async () => {
    for (const body of [{}, { from: '2025-01-01' }, { postcode: 'ZZ1' }, { phone: '0770' }, { email: 'alys' }, { name: 'A' }, { name: 'Alys', from: 'yesterday' }, { name: 'Alys', colour: 'red' }]) {
      const res = await wasteAgent.client.call('POST', '/search', body);
      expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), 400]);
      expect(res.body.title).toBe('Invalid search');
    }
    expect((await new ConsoleClient(server.url).call('POST', '/search', { name: 'Alys' })).status).toBe(401);
  });

  it('audits every result opened, and the search without its values', async () => {
    const opened = await wasteAgent.client.call('GET', `/search/cases/${wasteCase.id}`);
    expect(opened.status).toBe(200);
    expect(opened.body.case).toMatchObject({ reference: wasteCase.reference, postcode: 'ZZ11AA', address: '1 Fictional Row, Demo Town, ZZ1 1AA', conversationId: wasteConversation });
    const conversation = await wasteAgent.client.call('GET', `/search/conversations/${wasteConversation}`);
    expect(conversation.status).toBe(200);
    expect(conversation.body.conversation.cases.map((c: { reference: string }) => c.reference)).toEqual([wasteCase.reference]);
    const events = await server.store.db
      .selectFrom('audit_events')
      .select(['action', 'subject_type', 'subject_id', 'detail'])
      .where('actor_id', '=', wasteAgent.agentId)
      .orderBy('id')
      .execute();
    expect(events.filter((e) => e.action === 'search.open').map((e) => `${e.subject_type}:${e.subject_id}`)).toEqual([`case:${wasteCase.id}`, `conversation:${wasteConversation}`]);
    // Refused openings (404) are not recorded as openings.
    expect(events.some((e) => e.subject_id === dutyCase.id)).toBe(false);
    expect(events.filter((e) => e.action === 'search.query').length).toBeGreaterThan(5);
    // The audit detail is sealed at rest, like any other.
    expect(JSON.stringify(events.map((e) => e.detail))).not.toContain('Alys');
  });
});

describe('the audit viewer', () => {
  it('is for admins only: agents and supervisors 403, the signed-out 401', async () => {
    for (const [method, route] of [
      ['GET', '/audit/facets'],
      ['POST', '/audit/events'],
      ['POST', '/audit/export'],
    ]) {
      const body = method === 'POST' ? {} : undefined;
      expect([route, (await wasteAgent.client.call(method, route, body)).status]).toEqual([route, 403]);
      expect([route, (await supervisor.client.call(method, route, body)).status]).toEqual([route, 403]);
      expect([route, (await new ConsoleClient(server.url).call(method, route, body)).status]).toEqual([route, 401]);
    }
  });

  it('filters by staff member, resident, action and date', async () => {
    const list = async (body: object) => {
      const res = await admin.call('POST', '/audit/events', body);
      expect(res.status).toBe(200);
      return res.body.events as { actorId: string; actorName: string; action: string; subjectType: string; subjectId: string }[];
    };
    const byAgent = await list({ staff: wasteAgent.agentId });
    expect(byAgent.length).toBeGreaterThan(0);
    expect(byAgent.every((e) => e.actorId === wasteAgent.agentId)).toBe(true);
    expect(byAgent[0].actorName).toMatch(/^Agent /);
    const opens = await list({ staff: wasteAgent.agentId, action: 'search.open' });
    expect(opens.map((e) => `${e.subjectType}:${e.subjectId}`)).toEqual([`conversation:${wasteConversation}`, `case:${wasteCase.id}`]);
    expect((await list({ action: 'search.*', staff: wasteAgent.agentId })).length).toBe(byAgent.filter((e) => e.action.startsWith('search.')).length);
    // A resident by case reference, phone or e-mail: the records about them.
    for (const resident of [{ residentReference: wasteCase.reference }, { residentPhone: '07700 900111' }, { residentEmail: 'alys@example.org' }]) {
      const about = await list({ ...resident, action: 'search.open' });
      expect(about.map((e) => e.subjectId).sort()).toEqual([wasteCase.id, wasteConversation].sort());
    }
    expect(await list({ residentReference: 'NOPE-0000' })).toEqual([]);
    expect(await list({ staff: wasteAgent.agentId, to: '2000-01-01' })).toEqual([]);
    expect((await list({ staff: wasteAgent.agentId, from: '2000-01-01' })).length).toBe(byAgent.length);
    const bad = await admin.call('POST', '/audit/events', { action: 'drop table;' });
    expect(bad.status).toBe(400);
    const facets = await admin.call('GET', '/audit/facets');
    expect(facets.body.actions).toEqual(expect.arrayContaining(['search.open', 'search.query']));
    expect(facets.body.staff.map((s: { id: string }) => s.id)).toContain(wasteAgent.agentId);
  });

  it('exports CSV that parses back to the same events, and audits the export', async () => {
    const filter = { staff: wasteAgent.agentId };
    const listed = (await admin.call('POST', '/audit/events', filter)).body.events as { id: string; action: string; subjectId: string }[];
    const res = await fetch(`${server.url}/api/console/audit/export`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `ca_session=${admin.cookie}`, 'x-csrf-token': admin.csrf },
      body: JSON.stringify(filter),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="audit-.*\.csv"/);
    const [header, ...rows] = parseCsv(await res.text());
    expect(header).toEqual(['Event', 'Time (UTC)', 'Actor type', 'Staff member', 'Actor id', 'Action', 'Subject type', 'Subject id', 'Detail']);
    expect(rows.map((r) => [r[0], r[5], r[7]])).toEqual(listed.map((e) => [e.id, e.action, e.subjectId]));
    expect(rows.every((r) => r[4] === wasteAgent.agentId && r.length === header.length)).toBe(true);
    expect(JSON.parse(rows.find((r) => r[5] === 'search.open')![8])).toMatchObject({ agentName: expect.stringMatching(/^Agent /) });
    const exported = await admin.call('POST', '/audit/events', { action: 'audit.export' });
    expect(exported.body.events.length).toBe(1);
  });
});
