/**
 * Field encryption at rest (store/crypto.ts): a resident who uses web chat and SMS with a phone
 * number, an e-mail and a case, who rates an answer, is handed to an agent and transferred, and an
 * agent who enrols TOTP, leave none of those in clear in any column, read by raw SQL over every text
 * and json column; everything still works through the API. Key rotation (with erasure of sealed audit
 * details), the embedded default's key file and production's refusal.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { sql } from 'kysely';
import twilio from 'twilio';
import { ConfigError, loadConfig } from '../api/config.js';
import { dataKeyring } from '../api/server.js';
import { COUNCIL_NUMBER, until } from '../channels/twilio/texting-app.fixture.js';
import { startTwilioStandIn, type TwilioStandIn } from '../channels/twilio/twilio-stand-in.fixture.js';
import { signedInAgent } from '../test/console-client.js';
import { allText, Resident, startTestServer, type TestServer } from '../test/server.js';
import {
  contactById,
  contactIdForIdentity,
  contactPhoneAndEmail,
  createCallback,
  createCase,
  createConversation,
  dialogueOf,
  ensureTenant,
  findAgentById,
  findCaseByReference,
  findConversation,
  findSubjects,
  identityKeys,
  insertStaffAgent,
  insertReferral,
  insertRotaEntry,
  listRota,
  findOrCreateContact,
  latestConversationFor,
  claimsOfContact,
  recordContactClaim,
  auditTrail,
  createHandoff,
  eraseSubject,
  gatherSubject,
  handoffById,
  openHandoffFor,
  recordAudit,
  recordFeedback,
  openStore,
  parseKeyring,
  referralById,
  rotateSealedFields,
  saveDialogue,
  setKeyring,
  setPendingTotpSecret,
  storeInbound,
  transcript,
  updateContactDetails,
  type Db,
  type Store,
} from './index.js';
import { learningExport } from './learning.js';

const spec = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;

/**
 * Every text and json column of every table: where any of `needles` appears, as `table.column`.
 * Only this council's rows (`tenant`): on a shared PostgreSQL other test files' councils run without
 * a key, and their rows are theirs. A table without a tenant column counts a row that names the council.
 */
async function columnsHolding(db: Db, needles: string[], tenant: string): Promise<Map<string, string[]>> {
  const columns = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and data_type in ('text', 'jsonb', 'json', 'character varying') and table_name not like 'kysely_%'
    order by table_name, column_name`.execute(db);
  const tenanted = new Set(
    (await sql<{ table_name: string }>`select table_name from information_schema.columns where table_schema = current_schema() and column_name = 'tenant_id'`.execute(db)).rows.map((r) => r.table_name),
  );
  const found = new Map<string, string[]>();
  for (const c of columns.rows) {
    const ours = tenanted.has(c.table_name) ? sql`t.tenant_id = ${tenant}` : sql`row_to_json(t)::text like ${`%${tenant}%`}`;
    for (const needle of needles) {
      const r = await sql<{ n: string }>`select count(*) as n from ${sql.table(c.table_name)} t where ${ours} and ${sql.ref(`t.${c.column_name}`)}::text ilike ${`%${needle}%`}`.execute(db);
      if (Number(r.rows[0].n) > 0) found.set(`${c.table_name}.${c.column_name}`, [...(found.get(`${c.table_name}.${c.column_name}`) ?? []), needle]);
    }
  }
  return found;
}

describe('with the real server and a data key', () => {
  let server: TestServer;
  let stand: TwilioStandIn;
  const saved = { ...process.env };
  let sid = 0;
  const key = spec('k1');

  beforeAll(async () => {
    stand = await startTwilioStandIn();
    Object.assign(process.env, { TWILIO_ACCOUNT_SID: stand.accountSid, TWILIO_AUTH_TOKEN: stand.authToken, TWILIO_FROM: COUNCIL_NUMBER, TWILIO_API_BASE_URL: stand.url });
    delete process.env.PUBLIC_URL;
    server = await startTestServer({ dataKeys: key });
  }, 120_000);
  afterAll(async () => {
    process.env = saved;
    await server?.close();
    await stand?.close();
  });

  const text = (from: string, body: string) => {
    const url = `${server.url}/channels/twilio/sms`;
    const params = { MessageSid: `SM${String(++sid).padStart(32, '0')}`, AccountSid: stand.accountSid, From: from, To: COUNCIL_NUMBER, Body: body, NumMedia: '0', NumSegments: '1', ApiVersion: '2010-04-01' };
    const signature = twilio.getExpectedTwilioSignature(stand.authToken, url, params);
    return fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, body: new URLSearchParams(params) });
  };

  test('no phone, e-mail, message words or TOTP secret in clear in an encrypted column; the API still reads them', async () => {
    const db = server.store.db;
    // Web chat: a missed bin at an address, updates to a phone number and an e-mail, a case.
    const r = await new Resident(server.url).start();
    await r.say("my bin wasn't collected by the quokka lorry");
    const choose = await r.say('MB1 1AD');
    const high = choose[0].suggestions!.find((s) => /2 High Street/.test(s.label))!;
    await r.say(high.value);
    for (const answer of ['the blue one', 'yes', 'yesterday', 'no', 'yes please']) await r.say(answer);
    const check = allText(await r.say('07700 900123 or quokka.mail@example.org'));
    expect(check).toMatch(/check your report/i);
    const reference = /[A-Z]+-\d{6}/.exec(allText(await r.say('yes')))?.[0];
    expect(reference).toBeDefined();

    // SMS, twice from the same number.
    const sms = '+447700900456';
    expect((await text(sms, 'is the marmalade tip open on sunday')).status).toBe(200);
    await until(() => stand.sent.find((m) => m.to === sms), 'a reply to the first text');
    expect((await text(sms, 'and the marmalade tip on monday')).status).toBe(200);
    await until(() => (stand.sent.filter((m) => m.to === sms).length >= 2 ? true : undefined), 'a reply to the second text');

    // An agent enrols TOTP.
    const agent = await signedInAgent(server);

    // Raw SQL over every text and json column.
    const needles = ['07700 900123', '7700900123', '900123', 'quokka', 'marmalade', agent.secret, '7700900456'];
    const found = await columnsHolding(db, needles, server.tenant);
    if (process.env.SHOW_CLEAR_COLUMNS) console.log([...found]);
    expect([...found]).toEqual([]);
    // What is sealed is really there, sealed.
    const contact = await sql<{ phone: string; email: string; phone_index: string }>`select phone, email, phone_index from contacts where tenant_id = ${server.tenant} and email is not null`.execute(db);
    expect(contact.rows[0].phone).toMatch(/^enc:v1:k1:/);
    expect(contact.rows[0].email).toMatch(/^enc:v1:k1:/);
    expect(contact.rows[0].phone_index).toMatch(/^k1:/);
    const secret = await sql<{ totp_secret: string }>`select totp_secret from agents where id = ${agent.agentId}`.execute(db);
    expect(secret.rows[0].totp_secret).toMatch(/^enc:v1:k1:/);

    // Through the API and the store functions everything reads back.
    const transcriptText = (await r.transcript()).messages.map((m) => m.text).join('\n');
    expect(transcriptText).toContain('quokka lorry');
    const stored = (await findCaseByReference(db, server.tenant, reference!))!;
    expect(await contactPhoneAndEmail(db, stored.contact_id!)).toEqual({ phone: '+447700900123', email: 'quokka.mail@example.org' });
    expect(JSON.stringify(stored.details)).not.toMatch(/enc:v1/);
    // The number is not in clear: the conversations are found by its blind index.
    expect(await db.selectFrom('conversations').select('id').where('channel_user_id', '=', sms).execute()).toEqual([]);
    const conversations = await db.selectFrom('conversations').select(['id', 'contact_id']).where('channel', '=', 'sms').where('channel_user_id', 'in', identityKeys('sms', sms)).execute();
    expect(conversations).toHaveLength(1); // the second text resumed the first conversation
    expect((await findConversation(db, server.tenant, conversations[0].id))!.channel_user_id).toBe(sms);
    expect(conversations.length).toBeGreaterThan(0);
    expect(new Set(conversations.map((c) => c.contact_id)).size).toBe(1);
    expect(await contactIdForIdentity(db, server.tenant, 'phone', sms)).toBe(conversations[0].contact_id);
    const smsText = (await transcript(db, server.tenant, conversations[0].id)).map((m) => m.text).join('\n');
    expect(smsText).toContain('marmalade tip on monday');
    expect((await findAgentById(db, server.tenant, agent.agentId))!.totp_secret).toBe(agent.secret);
    // A search by phone or e-mail finds the contact by its blind index.
    expect((await findSubjects(db, server.tenant, 'phone', '07700 900123')).map((m) => m.contactId)).toContain(stored.contact_id);
    expect((await findSubjects(db, server.tenant, 'email', 'Quokka.Mail@example.org')).map((m) => m.contactId)).toContain(stored.contact_id);
  }, 120_000);

  test('a number typed in web chat is linked to the texts from it by a texted code, all through blind indexes', async () => {
    const db = server.store.db;
    const phone = '+447700900654';
    await text(phone, 'hello');
    const smsContact = await until(() => contactIdForIdentity(db, server.tenant, 'phone', phone), 'the texter');
    const web = await new Resident(server.url).start();
    for (const say of ["my bin wasn't collected", 'MB1 1AD', '3', 'the blue one', 'yes', 'yesterday', 'no', 'yes please', '07700 900654']) await web.say(say);
    expect(allText(await web.say('yes'))).toContain('reply with the 6-digit code');
    const sms = await until(() => stand.sent.find((m) => m.to === phone && /Your code is \d{6}/.test(m.body)), 'the code');
    const code = /Your code is (\d{6})/.exec(sms.body)![1];
    expect(allText(await web.say(code))).toContain('This chat is now linked with your texts and calls from');
    expect((await findConversation(db, server.tenant, web.conversationId))!.contact_id).toBe(smsContact);
    const claims = await sql<{ value: string }>`select value from contact_claims where contact_id = ${smsContact}`.execute(db);
    expect(claims.rows.map((r) => r.value.slice(0, 10))).toEqual(['enc:v1:k1:']);
    const clear = await columnsHolding(db, ['7700900654', '900654'], server.tenant);
    expect([...clear.keys()]).toEqual([]);
  }, 120_000);

  test('an unhelpful answer, a handoff and its transfer: feedback, summary, context and audit details sealed; the console reads them', async () => {
    const db = server.store.db;
    const r = await new Resident(server.url).start();
    const answered = await r.say('how do I apply for a single person discount on council tax for the wombat flat');
    expect(answered.some((m) => m.feedbackFor)).toBe(true);
    await r.say('No');
    const queued = await r.say('can I speak to a real person please about the wombat flat');
    expect(queued.some((m) => m.handoff)).toBe(true);

    // Raw SQL: each of the four columns holds sealed values only, under the current key.
    const handoff = await sql<{ id: string; summary: string; context: string }>`
      select id, summary, context #>> '{}' as context from handoffs where conversation_id = ${r.conversationId}`.execute(db);
    expect(handoff.rows).toHaveLength(1);
    expect(handoff.rows[0].summary).toMatch(/^enc:v1:k1:/);
    expect(handoff.rows[0].context).toMatch(/^enc:v1:k1:/);
    const feedback = await sql<{ query: string }>`select query from feedback where conversation_id = ${r.conversationId}`.execute(db);
    expect(feedback.rows.map((f) => f.query.slice(0, 10))).toEqual(['enc:v1:k1:']);

    // The console: the queue lists the summary, the view shows summary and context, a transfer by name reaches its agent.
    const ann = await signedInAgent(server);
    const bo = await signedInAgent(server);
    const listed = (await ann.client.call('GET', '/queue')).body.handoffs as { id: string; conversationId: string; summary: string }[];
    expect(listed.find((h) => h.conversationId === r.conversationId)?.summary).toContain('wombat flat');
    expect((await ann.client.call('POST', `/handoffs/${handoff.rows[0].id}/accept`)).status).toBe(200);
    const view = (await ann.client.call('GET', `/conversations/${r.conversationId}`)).body;
    expect(view.handoff.summary).toContain('about the wombat flat');
    expect(JSON.stringify(view.handoff.context.recentMessages)).toContain('council tax for the wombat flat');
    expect((await ann.client.call('POST', `/conversations/${r.conversationId}/transfer`, { agentId: bo.agentId, note: 'over to you' })).status).toBe(204);
    const theirs = (await bo.client.call('GET', `/conversations/${r.conversationId}`)).body;
    expect(theirs.handoff.context.transfer).toMatchObject({ toAgentId: bo.agentId });
    expect(theirs.handoff.context.transfers).toEqual([expect.objectContaining({ note: 'over to you' })]);
    // The transfer rewrote the context from the opened one: what was there is kept.
    expect(JSON.stringify(theirs.handoff.context.recentMessages)).toContain('council tax for the wombat flat');
    expect((await openHandoffFor(db, server.tenant, r.conversationId))!.summary).toContain('wombat flat');
    // The transfer note is sealed at rest and read back in clear.
    const note = await sql<{ note: string }>`select note from handoffs where tenant_id = ${server.tenant} and conversation_id = ${r.conversationId} and note is not null`.execute(db);
    expect(note.rows[0].note).toMatch(/^enc:v1:k1:/);
    expect((await openHandoffFor(db, server.tenant, r.conversationId))!.note).toBe('over to you');

    // An audit detail that quotes the resident (an agent's note can), beside those the console wrote.
    await recordAudit(db, { tenant: server.tenant, actorType: 'agent', actorId: ann.agentId, action: 'test.note', subjectType: 'conversation', subjectId: r.conversationId, detail: { note: 'they said the wombat flat leaks' } });
    const details = await sql<{ detail: string }>`select detail #>> '{}' as detail from audit_events where tenant_id = ${server.tenant} and detail is not null`.execute(db);
    expect(details.rows.length).toBeGreaterThan(0);
    expect(details.rows.filter((a) => !a.detail.startsWith('enc:v1:k1:'))).toEqual([]);
    const trail = await auditTrail(db, server.tenant, 'conversation', r.conversationId);
    expect(trail.find((e) => e.action === 'handoff.accept')?.detail).toMatchObject({ handoffId: handoff.rows[0].id });
    expect(trail.find((e) => e.action === 'conversation.transfer')?.detail).toMatchObject({ toAgentId: bo.agentId, note: 'over to you' });
    expect(trail.find((e) => e.action === 'test.note')?.detail).toEqual({ note: 'they said the wombat flat leaks' });

    // The learning export opens the feedback's query and still finds what the assistant thought of it.
    const unhelpful = (await learningExport(db, server.tenant)).find((row) => row.kind === 'unhelpful_answer' && row.text.includes('wombat flat'));
    expect(unhelpful?.topIntents.length).toBeGreaterThan(0);

    expect([...(await columnsHolding(db, ['wombat'], server.tenant)).keys()]).toEqual([]);
  }, 120_000);
});

describe('rotate-keys', () => {
  let store: Store;
  const tenant = 'rotation';
  const k1 = parseKeyring(spec('k1'));
  const k2only = parseKeyring(spec('k2'));
  const k2k1 = { current: k2only.current, all: [k2only.current, k1.current] };

  beforeAll(async () => {
    store = await openStore({ dataDir: null, keyring: null });
    await ensureTenant(store.db, tenant, 'Rotation', {});
  }, 60_000);
  afterAll(async () => {
    setKeyring(null);
    await store?.close();
  });

  test('rows under k1 (and rows written in clear) are rewritten under k2; with k1 gone everything still reads', async () => {
    const db = store.db;
    // A row from before encryption, in clear.
    const legacy = await createConversation(db, { tenant, channel: 'api' });
    await storeInbound(db, { tenant, conversationId: legacy.id, channel: 'api', providerMessageId: null, text: 'written before any key' });
    const legacyHandoff = await createHandoff(db, { tenant, conversationId: legacy.id, reason: 'resident_request', priority: 'normal', queue: 'general', summary: 'Last message: "written before any key"', context: { recentMessages: ['written before any key'] } });
    await recordFeedback(db, { tenant, conversationId: legacy.id, articleId: 'tip', useful: false, query: 'a question before any key' });
    await recordAudit(db, { tenant, actorType: 'agent', actorId: null, action: 'test.legacy', subjectType: 'conversation', subjectId: legacy.id, detail: { agentName: 'Ann', note: 'written before any key' } });

    setKeyring(k1);
    const conversation = await createConversation(db, { tenant, channel: 'api' });
    const contactId = (await db.insertInto('contacts').values({ id: 'c-rot', tenant_id: tenant }).returning('id').executeTakeFirstOrThrow()).id;
    await updateContactDetails(db, tenant, contactId, { phone: '07700 900999', email: 'rot@example.org' });
    await storeInbound(db, { tenant, conversationId: conversation.id, channel: 'api', providerMessageId: null, text: 'my secret words' });
    await saveDialogue(db, tenant, conversation.id, { slots: { phone: '07700 900999' } });
    await recordContactClaim(db, tenant, contactId, 'phone', '07700 900999');
    const texter = await findOrCreateContact(db, tenant, 'sms', '+447700900222');
    const smsConversation = await createConversation(db, { tenant, channel: 'sms', channelUserId: '+447700900222', contactId: texter });
    const agent = await insertStaffAgent(db, { tenant, email: 'a@example.org', name: 'A', roles: ['agent'], skills: [], capacity: 1, languages: [], passwordHash: 'x' });
    await setPendingTotpSecret(db, agent.id, 'JBSWY3DPEHPK3PXP');
    const c = await createCase(db, { tenant, referencePrefix: 'ROT', serviceId: 's', summary: 'A case', details: { note: 'gate code 4321' }, location: { address: '1 Rot Lane' }, actor: 'test' });
    await createCallback(db, {
      id: 'cb-rot', tenant, conversationId: conversation.id, contactId, phone: '+447700900999', reason: 'resident_request', serviceId: null,
      queueId: 'general', kind: 'standard', slotAt: null, dueAt: new Date(), maxAttempts: 3, retryAfterMinutes: 30,
    });
    await insertRotaEntry(db, { tenant, skill: 'safety', name: 'Duty', channel: 'sms', destination: '+447700900111', startsAt: new Date(0), endsAt: new Date(Date.now() + 3600_000), createdBy: null });
    await insertReferral(db, {
      id: 'ref-rot', tenant, handoffId: null, conversationId: conversation.id, rotaEntryId: null, channel: 'sms', destination: '+447700900111', summary: 'urgent: gate code 4321',
      status: 'pending', ackTokenHash: 'h', escalationOf: null, step: 0, targetKind: 'fallback', targetName: 'Duty', fallbackIndex: 0, skills: ['safety'],
      details: { reference: c.reference, location: '1 Rot Lane', contact: '07700 900999' }, dueAt: null,
    });
    const handoff = await createHandoff(db, { tenant, conversationId: conversation.id, reason: 'resident_request', priority: 'normal', queue: 'general', summary: 'Last message: "my secret words"', context: { recentMessages: ['my secret words'], transfer: { toAgentId: agent.id } } });
    expect(handoff).toMatchObject({ summary: 'Last message: "my secret words"', context: { recentMessages: ['my secret words'] } });
    await recordFeedback(db, { tenant, conversationId: conversation.id, articleId: 'tip', useful: false, query: 'my secret question' });
    await recordAudit(db, { tenant, actorType: 'agent', actorId: agent.id, action: 'test.note', subjectType: 'conversation', subjectId: conversation.id, detail: { agentName: 'A', note: 'gate code 4321' } });
    const sealedUnder = async (id: string) =>
      (await sql<{ v: string }>`
        select text as v from messages union all select phone from contacts union all select email from contacts
        union all select totp_secret from agents union all select destination from rota_entries
        union all select summary from referrals union all select destination from referrals
        union all select summary from cases union all select details #>> '{}' from cases union all select location #>> '{}' from cases
        union all select details #>> '{}' from referrals union all select dialogue #>> '{}' from conversations where dialogue <> '{}'::jsonb union all select value from contact_claims
        union all select channel_user_sealed from conversations where channel = 'sms' union all select channel_user_sealed from contact_identities
        union all select summary from handoffs union all select context #>> '{}' from handoffs union all select query from feedback
        union all select detail #>> '{}' from audit_events`.execute(db)).rows
        .filter((r) => r.v !== null)
        .every((r) => r.v.startsWith(`enc:v1:${id}:`));
    expect(await sealedUnder('k1')).toBe(false); // the legacy message is in clear

    setKeyring(k2k1);
    const counts = await rotateSealedFields(db, { batchSize: 2 });
    expect(counts['messages.text']).toBe(2);
    expect(counts['contacts.phone']).toBe(1);
    expect(counts['contacts.phone_index']).toBe(1);
    expect(counts['contact_claims.value']).toBe(1);
    expect(counts['contact_claims.value_index']).toBe(1);
    expect(counts['conversations.channel_user_id']).toBe(1);
    expect(counts['contact_identities.channel_user_id']).toBe(2); // the number's sms and phone identities
    expect(counts['agents.totp_secret']).toBe(1);
    expect(counts['cases.details']).toBe(1);
    expect(counts['cases.summary']).toBe(1);
    expect(counts['case_events.data']).toBe(1); // the case's created event
    expect(counts['callbacks.phone']).toBe(1);
    // Every conversation's dialogue: the empty ones written in clear at creation are sealed too.
    expect(counts['conversations.dialogue']).toBe(3);
    // The legacy rows in clear and the rows under k1.
    expect(counts['handoffs.summary']).toBe(2);
    expect(counts['handoffs.context']).toBe(2);
    expect(counts['feedback.query']).toBe(2);
    expect(counts['audit_events.detail']).toBe(2);
    expect(await sealedUnder('k2')).toBe(true);
    // Idempotent.
    expect(Object.values(await rotateSealedFields(db)).every((n) => n === 0)).toBe(true);

    setKeyring(k2only);
    expect((await transcript(db, tenant, legacy.id))[0].text).toBe('written before any key');
    expect((await transcript(db, tenant, conversation.id))[0].text).toBe('my secret words');
    expect(await contactById(db, tenant, contactId)).toMatchObject({ phone: '07700 900999', email: 'rot@example.org' });
    expect(dialogueOf(await findConversation(db, tenant, conversation.id) as never)).toEqual({ slots: { phone: '07700 900999' } });
    expect((await findAgentById(db, tenant, agent.id))!.totp_secret).toBe('JBSWY3DPEHPK3PXP');
    expect((await findCaseByReference(db, tenant, c.reference))!).toMatchObject({ summary: 'A case', details: { note: 'gate code 4321' }, location: { address: '1 Rot Lane' } });
    expect((await listRota(db, tenant, null))[0].destination).toBe('+447700900111');
    // The texter is found again by the number's blind index under k2.
    expect(await findOrCreateContact(db, tenant, 'sms', '+447700900222')).toBe(texter);
    expect((await latestConversationFor(db, tenant, 'sms', '+447700900222'))).toMatchObject({ id: smsConversation.id, channel_user_id: '+447700900222' });
    // The claim is found again by its blind index under k2: the same claim, not a second one.
    const again = await recordContactClaim(db, tenant, contactId, 'phone', '+44 7700 900999');
    expect(again.value).toBe('+447700900999');
    expect(await claimsOfContact(db, tenant, contactId)).toHaveLength(1);
    expect(await referralById(db, tenant, 'ref-rot')).toMatchObject({ summary: 'urgent: gate code 4321', destination: '+447700900111', details: { contact: '07700 900999' } });
    expect((await findSubjects(db, tenant, 'phone', '+447700900999')).map((m) => m.contactId)).toEqual([contactId]);
    expect(await handoffById(db, tenant, handoff.id)).toMatchObject({ summary: 'Last message: "my secret words"', context: { recentMessages: ['my secret words'], transfer: { toAgentId: agent.id } } });
    expect(await openHandoffFor(db, tenant, legacy.id)).toMatchObject({ id: legacyHandoff.id, summary: 'Last message: "written before any key"', context: { recentMessages: ['written before any key'] } });
    expect((await learningExport(db, tenant)).map((row) => row.text).sort()).toEqual(['a question before any key', 'my secret question']);
    expect((await auditTrail(db, tenant, 'conversation', conversation.id)).map((e) => e.detail)).toEqual([{ agentName: 'A', note: 'gate code 4321' }]);
    expect((await auditTrail(db, tenant, 'conversation', legacy.id)).map((e) => e.detail)).toEqual([{ agentName: 'Ann', note: 'written before any key' }]);

    // A value under a key no longer held is an error, not garbage.
    setKeyring(k1);
    await expect(transcript(db, tenant, conversation.id)).rejects.toThrow(/key "k2"/);
  }, 60_000);

  test("a subject's export opens their handoffs, feedback and audit details; erasure keeps only the agent's name, sealed", async () => {
    const db = store.db;
    setKeyring(k2k1);
    const t = 'erasure-sealed';
    await ensureTenant(db, t, 'Erasure', {});
    const contact = await findOrCreateContact(db, t, 'sms', '+447700900333');
    const conv = await createConversation(db, { tenant: t, channel: 'sms', channelUserId: '+447700900333', contactId: contact });
    await createHandoff(db, { tenant: t, conversationId: conv.id, reason: 'resident_request', priority: 'normal', queue: 'general', summary: 'Last message: "the gate code is 2468"', context: { recentMessages: ['the gate code is 2468'] } });
    await recordFeedback(db, { tenant: t, conversationId: conv.id, articleId: 'tip', useful: false, query: 'is the tip open, code 2468?' });
    await recordAudit(db, { tenant: t, actorType: 'agent', actorId: 'ag-1', action: 'conversation.transfer', subjectType: 'conversation', subjectId: conv.id, detail: { agentName: 'Ann', note: 'code 2468' } });
    await recordAudit(db, { tenant: t, actorType: 'resident', actorId: null, action: 'conversation.ended_by_resident', subjectType: 'conversation', subjectId: conv.id, detail: { said: 'code 2468' } });
    expect([...(await columnsHolding(db, ['2468'], t)).keys()]).toEqual([]);

    const record = await gatherSubject(db, t, { contactIds: [contact], caseIds: [] });
    expect(record.handoffs.map((h) => h.summary)).toEqual(['Last message: "the gate code is 2468"']);
    expect(record.feedback.map((f) => f.query)).toEqual(['is the tip open, code 2468?']);
    expect(record.auditEvents.map((a) => a.detail)).toEqual([{ agentName: 'Ann', note: 'code 2468' }, { said: 'code 2468' }]);

    const erased = await eraseSubject(db, t, { contactIds: [contact], caseIds: [] }, { agentId: 'ag-1', agentName: 'Ann' }, 'by letter');
    expect(erased.counts).toMatchObject({ auditEvents: 2, feedback: 1, conversations: 1 });
    const stored = await sql<{ detail: string }>`select detail #>> '{}' as detail from audit_events where tenant_id = ${t} order by id`.execute(db);
    expect(stored.rows.map((r) => r.detail.slice(0, 10))).toEqual(['enc:v1:k2:', 'enc:v1:k2:']);
    expect((await auditTrail(db, t, 'conversation', conv.id)).map((e) => e.detail)).toEqual([{ agentName: 'Ann', erased: true }, { erased: true }]);
  }, 60_000);
});

describe('where the key comes from', () => {
  test('production refuses to start without DATA_KEYS, and with a malformed one', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/DATA_KEYS: required in production/);
    expect(() => loadConfig({ DATA_KEYS: 'k1:c2hvcnQ=' })).toThrow(/32 bytes/);
    expect(loadConfig({ NODE_ENV: 'production', DATA_KEYS: spec('k1') }).dataKeys).toMatch(/^k1:/);
  });

  test('the embedded default generates a key into DATA_DIR once (0600) and says so; an in-memory store without keys seals nothing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'data-keys-'));
    const lines: string[] = [];
    const log = pino({ level: 'warn' }, { write: (l: string) => void lines.push(l) });
    const first = dataKeyring(undefined, dir, log)!;
    const file = path.join(dir, 'data-keys');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(lines.join('')).toMatch(/generated a data key/);
    const second = dataKeyring(undefined, dir, log)!;
    expect(second.current.key.equals(first.current.key)).toBe(true);
    expect(dataKeyring(undefined, null, log)).toBeNull();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
