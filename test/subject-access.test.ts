/**
 * Subject access and erasure end to end: a resident who used web chat, SMS and voice is found by
 * phone, exported (JSON and a printable page) and erased by an admin; afterwards the database, read
 * directly table by table, holds nothing of them but the anonymised case facts and the erasure
 * record. Agents and supervisors without the admin role get 403.
 */
import { sql } from 'kysely';
import { startSmsHarness, type SmsHarness } from '../channels/twilio/sms-harness.fixture.js';
import { startVoiceApp, TwilioCall } from '../channels/twilio/voice/twilio-caller.fixture.js';
import { signedInAgent, type ConsoleClient } from './console-client.js';
import { allText, Resident } from './server.js';

let h: SmsHarness;
let voice: Awaited<ReturnType<typeof startVoiceApp>>;
let admin: ConsoleClient;
let supervisor: ConsoleClient;

const PHONE = '+447700900456';
const NATIONAL = '07700 900456';

beforeAll(async () => {
  h = await startSmsHarness();
  voice = await startVoiceApp(h.server);
  admin = (await signedInAgent(h.server, { roles: ['admin'] as never })).client;
  supervisor = (await signedInAgent(h.server, { roles: ['supervisor', 'agent'] })).client;
}, 120_000);
afterAll(async () => {
  await voice?.close();
  await h?.close();
});

const db = () => h.server.store.db;

/**
 * Every row of this council of every table of ours as JSON text, with its table's name (on a shared
 * PostgreSQL other test files' councils use the same fictional numbers); a table without a tenant
 * column counts a row that names the council.
 */
async function everyRow(): Promise<{ table: string; json: string }[]> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'
      and table_name not like 'kysely_%'`.execute(db());
  const tenanted = new Set(
    (await sql<{ table_name: string }>`select table_name from information_schema.columns where table_schema = current_schema() and column_name = 'tenant_id'`.execute(db())).rows.map((r) => r.table_name),
  );
  const tenant = h.server.tenant;
  const out: { table: string; json: string }[] = [];
  for (const { table_name } of tables.rows) {
    const ours = tenanted.has(table_name) ? sql`t.tenant_id = ${tenant}` : sql`row_to_json(t)::text like ${`%${tenant}%`}`;
    const rows = await sql<{ j: string }>`select row_to_json(t)::text as j from ${sql.table(table_name)} t where ${ours}`.execute(db());
    out.push(...rows.rows.map((r) => ({ table: table_name, json: r.j })));
  }
  return out;
}

/** Rows holding anything of the resident: their number in any form, or the words only they used. */
function traces(rows: { table: string; json: string }[]) {
  return rows.filter(({ json }) => /7700\s?900\s?456|quokka|wombat|platypus/i.test(json));
}

let reference = '';

test('a resident of web chat, SMS and voice: found by phone, exported, erased, and nothing of them remains', async () => {
  // Web chat: a missed bin reported, with the number given for updates.
  const web = await new Resident(h.server.url).start();
  await web.say('Quokka here: my bin was not collected');
  await web.say('MB1 1AD');
  await web.say('2');
  await web.say('the blue one');
  await web.say('yes');
  await web.say('yesterday');
  await web.say('no');
  await web.say('yes please');
  await web.say(NATIONAL);
  reference = /MBC-\d{6}/.exec(allText(await web.say('yes')))?.[0] ?? '';
  expect(reference).toMatch(/^MBC-/);
  // SMS and a phone call from the same number.
  expect((await h.text(PHONE, 'Wombat question: when is my bin day?', 1)).length).toBeGreaterThan(0);
  const call = new TwilioCall(voice.url, PHONE);
  await call.start();
  await call.say('platypus: how do I pay my council tax');
  expect(traces(await everyRow()).length).toBeGreaterThan(3);

  // A supervisor is not an admin.
  expect((await supervisor.call('POST', '/subject-access/search', { by: 'phone', value: PHONE })).status).toBe(403);

  const found = await admin.call('POST', '/subject-access/search', { by: 'phone', value: NATIONAL });
  expect(found.status).toBe(200);
  const matches = found.body.matches as { contactId: string; caseReferences: string[]; identities: { channel: string }[] }[];
  const contactIds = matches.map((m) => m.contactId);
  expect(matches.flatMap((m) => m.caseReferences)).toContain(reference);
  expect(matches.flatMap((m) => m.identities.map((i) => i.channel))).toEqual(expect.arrayContaining(['sms', 'voice']));
  // Found by case reference too: the web chat's contact.
  const byReference = await admin.call('POST', '/subject-access/search', { by: 'reference', value: reference.toLowerCase() });
  expect(byReference.body.matches.map((m: { contactId: string }) => m.contactId).every((id: string) => contactIds.includes(id))).toBe(true);

  expect((await supervisor.call('GET', `/subject-access/export?contacts=${contactIds.join(',')}`)).status).toBe(403);
  const exported = await admin.call('GET', `/subject-access/export?contacts=${contactIds.join(',')}&format=json`);
  expect(exported.status).toBe(200);
  expect(exported.headers.get('content-disposition')).toMatch(/attachment/);
  const record = exported.body.record;
  const texts = (record.messages as { channel: string; text: string }[]).map((m) => `${m.channel}: ${m.text}`).join('\n');
  expect(texts).toMatch(/sms: Wombat question/);
  expect(texts).toMatch(/voice: platypus/i);
  expect(new Set(record.messages.map((m: { channel: string }) => m.channel)).size).toBe(3);
  expect(texts).toMatch(/Quokka here/);
  expect(record.cases.map((c: { reference: string }) => c.reference)).toEqual([reference]);
  expect(record.conversations).toHaveLength(3);

  const page = await fetch(`${h.server.url}/api/console/subject-access/export?contacts=${contactIds.join(',')}&format=html`, { headers: { cookie: `ca_session=${admin.cookie}` } });
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toMatch(/<html lang="en-GB">/);
  expect(html).toContain('Wombat question');
  expect(html).toContain(reference);
  expect(html).not.toMatch(/<script/i);

  // Erasure needs the admin role, a reason and the typed confirmation.
  const erase = { contactIds, reason: `Erasure request received by phone from ${NATIONAL}`, confirm: 'ERASE' };
  expect((await supervisor.call('POST', '/subject-access/erase', erase)).status).toBe(403);
  expect((await admin.call('POST', '/subject-access/erase', { ...erase, confirm: 'yes' })).status).toBe(400);
  expect((await admin.call('POST', '/subject-access/erase', { ...erase, reason: '' })).status).toBe(400);
  // Jobs waiting in the queue (BullMQ in CI, the database queue or memory elsewhere): one carrying
  // the resident's number, one not. Erasure removes the first and leaves the second.
  const hour = 3_600_000;
  await h.server.jobs.add('erasure.probe', { to: PHONE, body: 'Pangolin follow-up' }, { jobId: 'erasure-probe-resident', delayMs: hour });
  await h.server.jobs.add('erasure.probe', { to: '+447700900999', body: 'Control follow-up' }, { jobId: 'erasure-probe-control', delayMs: hour });
  const erased = await admin.call('POST', '/subject-access/erase', erase);
  expect(erased.status).toBe(200);
  const mentions = (word: string) => (_name: string, data: unknown) => JSON.stringify(data).includes(word);
  expect(await h.server.jobs.purge(mentions('Pangolin'))).toBe(0);
  expect(await h.server.jobs.purge(mentions('Control follow-up'))).toBe(1);
  expect(erased.body.keptCaseReferences).toEqual([reference]);
  expect(erased.body.counts).toMatchObject({ conversations: 3, cases: 1 });

  // Read the database directly: nothing of them anywhere.
  expect(traces(await everyRow())).toEqual([]);
  expect(await db().selectFrom('contacts').select('id').where('id', 'in', contactIds).execute()).toEqual([]);
  expect(await db().selectFrom('contact_identities').select('channel').where('contact_id', 'in', contactIds).execute()).toEqual([]);
  expect(await db().selectFrom('conversations').select('id').where('tenant_id', '=', h.server.tenant).where('contact_id', 'in', contactIds).execute()).toEqual([]);
  // Only the case's facts, without identity.
  const kept = await db().selectFrom('cases').selectAll().where('tenant_id', '=', h.server.tenant).where('reference', '=', reference).executeTakeFirstOrThrow();
  expect(kept).toMatchObject({ service_id: 'waste.missed_collection', contact_id: null, conversation_id: null, uprn: null, details: {} });
  expect(kept.summary).not.toMatch(/High Street|Recycling/);
  expect(kept.location).toMatchObject({ postcodeDistrict: 'MB1' });
  // The record that it happened, without their number.
  const records = await admin.call('GET', '/subject-access/erasures');
  expect(records.body.erasures).toHaveLength(1);
  expect(records.body.erasures[0]).toMatchObject({ reason: 'Erasure request received by phone from [erased]', keptCaseReferences: [reference] });
  // Each read and the erasure are audited against the records, never with the number searched for.
  const audit = await db().selectFrom('audit_events').select(['action', 'subject_type']).where('tenant_id', '=', h.server.tenant).where('action', 'like', 'subject_access.%').execute();
  expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['subject_access.search', 'subject_access.export', 'subject_access.erase', 'subject_access.erased']));
  // A search now finds nobody, and that search is audited too.
  expect((await admin.call('POST', '/subject-access/search', { by: 'phone', value: PHONE })).body.matches).toEqual([]);
}, 120_000);

test('an agent without the admin role is refused every subject-access route', async () => {
  const { client } = await signedInAgent(h.server);
  expect((await client.call('POST', '/subject-access/search', { by: 'name', value: 'Smith' })).status).toBe(403);
  expect((await client.call('GET', '/subject-access/erasures')).status).toBe(403);
  expect((await client.call('POST', '/subject-access/erase', { contactIds: ['x'], reason: 'asked to', confirm: 'ERASE' })).status).toBe(403);
});
