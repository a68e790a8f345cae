/**
 * "How did we do?" for a caller whose adviser ends the bridge from their own phone or browser
 * (issue 16, item 4), end to end on a real server against the Twilio stand-in with signed
 * webhooks: the Dial's action (DialCallStatus completed, the caller still on the line) answers with
 * the one-key question, the key is stored and counted in the satisfaction report; asked once (not
 * again by the console's hang-up path), never after a disclosure, nothing when the caller hung up
 * first. A Welsh call hears it in the council's configured Welsh voice (settings.channels.voice.welshVoice).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { buildReports, parsePeriod, refreshReportFacts, type ReportTable } from '../../../reports/index.js';
import { satisfactionFor } from '../../../store/index.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { signedInAgent, type ConsoleClient } from '../../../test/console-client.js';
import { startTwilioStandIn, type TwilioStandIn } from '../twilio-stand-in.fixture.js';
import { TwilioCall, type TwimlReply } from './twilio-sim.js';
import { findAll, textOf, type XmlElement } from './xml.js';

const weekday = () => new Date('2026-11-25T10:30:00Z');
// Fictional, so the test shows the council's setting is what is used (the demo says Polly.Gwyneth).
const WELSH_VOICE = 'Polly.Test-Welsh';
const ENV = ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM', 'TWILIO_API_BASE_URL', 'TWILIO_API_KEY_SID', 'TWILIO_API_KEY_SECRET'];
const saved: Record<string, string | undefined> = {};
let server: TestServer;
let twilioApi: TwilioStandIn;

beforeAll(async () => {
  twilioApi = await startTwilioStandIn();
  for (const k of ENV) saved[k] = process.env[k];
  Object.assign(process.env, {
    TWILIO_ACCOUNT_SID: twilioApi.accountSid,
    TWILIO_AUTH_TOKEN: twilioApi.authToken,
    TWILIO_FROM: '+441632960100',
    TWILIO_API_BASE_URL: twilioApi.url,
    TWILIO_API_KEY_SID: `SK${'a'.repeat(32)}`,
    TWILIO_API_KEY_SECRET: 'api-key-secret-0123456789abcdef',
  });
  // The demo pack (English and Welsh) under a fresh council whose Welsh voice is its own.
  const tenant = `hup-${randomBytes(4).toString('hex')}`;
  const contentDir = fs.mkdtempSync(path.join(os.tmpdir(), 'content-'));
  fs.cpSync(path.resolve('content/demo'), path.join(contentDir, tenant), { recursive: true });
  const settings = path.join(contentDir, tenant, 'settings.yaml');
  const yaml = fs.readFileSync(settings, 'utf8');
  expect(yaml).toMatch(/^ {4}welshVoice: Polly\.Gwyneth\b/m);
  fs.writeFileSync(settings, yaml.replace(/^tenant: demo$/m, `tenant: ${tenant}`).replace(/^ {4}welshVoice: Polly\.Gwyneth\b/m, `    welshVoice: ${WELSH_VOICE}`));
  server = await startTestServer({ contentDir, clock: weekday });
}, 120_000);
afterAll(async () => {
  await server?.close();
  await twilioApi?.close();
  for (const k of ENV) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

let n = 0;
async function agent(): Promise<{ client: ConsoleClient; agentId: string }> {
  const a = await signedInAgent(server, { now: weekday, capacity: 5 });
  await server.store.db.updateTable('agents').set({ status: 'available', last_seen_at: weekday() }).where('id', '=', a.agentId).execute();
  return a;
}
const away = (id: string) => server.store.db.updateTable('agents').set({ status: 'away' }).where('id', '=', id).execute();
const lastUpdate = () => twilioApi.callUpdates.at(-1)!;
const gatherOf = (r: TwimlReply): XmlElement | undefined => findAll(r.root!, 'Gather')[0];
const stateOf = async (id: string) => (await server.store.db.selectFrom('conversations').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state;

/**
 * A caller asks for a person, agent `a` accepts, Twilio fetches the Dial and reports the agent's leg
 * answered. `welsh`: the caller pressed 1 for Welsh and 0 for a person.
 */
async function bridgedCaller(a: { client: ConsoleClient; agentId: string }, options: { welsh?: boolean } = {}) {
  const call = new TwilioCall(server.url, `+4477009${String(30000 + ++n).padStart(5, '0')}`, twilioApi.authToken);
  if (options.welsh) {
    await call.start({ language: 'cy' });
    expect(findAll((await call.press('0')).root!, 'Enqueue')).toHaveLength(1);
  } else {
    await call.start();
    await call.say('my bin was not collected');
    expect(findAll((await call.say('I want to speak to a person')).root!, 'Enqueue')).toHaveLength(1);
  }
  const db = server.store.db;
  const conversation = await db.selectFrom('conversations').selectAll().where('tenant_id', '=', server.tenant).where('channel_user_id', '=', call.from).executeTakeFirstOrThrow();
  const handoff = await db.selectFrom('handoffs').selectAll().where('conversation_id', '=', conversation.id).executeTakeFirstOrThrow();
  expect((await a.client.call('POST', `/handoffs/${handoff.id}/accept`)).status).toBe(200);
  const dial = findAll((await call.post(lastUpdate().params.get('Url')!)).root!, 'Dial')[0];
  const client = findAll(dial, 'Client')[0];
  await call.post(client.attributes.statusCallback, { CallSid: `CA${randomBytes(16).toString('hex')}`, ParentCallSid: call.callSid, CallStatus: 'in-progress', Direction: 'outbound-dial' });
  expect((await a.client.call('GET', `/conversations/${conversation.id}/call`)).body.call.status).toBe('connected');
  return { call, conversation, dial };
}

/** Today's report tables, as the console's /reports route builds them (facts refreshed first). */
async function reports(): Promise<Map<string, ReportTable>> {
  const period = parsePeriod({ period: 'day' }, 'Europe/London', weekday());
  await refreshReportFacts(server.store.db, server.tenant, weekday(), period.timeZone);
  return new Map((await buildReports(server.store.db, server.tenant, period, {})).map((t) => [t.id, t]));
}

test('the adviser hangs up from their browser, the caller still on the line: the Dial action asks for a key, which is stored and reported', async () => {
  const a = await agent();
  const { call, conversation, dial } = await bridgedCaller(a);
  const updates = twilioApi.callUpdates.length;

  // Twilio: the agent's leg ended, the caller's call goes on (CallStatus in-progress) with our answer.
  const asked = await call.post(dial.attributes.action, { DialCallStatus: 'completed', DialCallDuration: '95' });
  const gather = gatherOf(asked)!;
  expect(gather.attributes).toMatchObject({ input: 'dtmf', numDigits: '1' });
  expect(gather.attributes.action).toMatch(new RegExp(`^/channels/twilio/voice/satisfaction\\?c=${conversation.id}&t=${server.tenant}$`));
  expect(textOf(gather)).toMatch(/^The adviser has ended the call\..*how did we do today\? Press 1 for good, 2 for okay,? or 3 for poor/i);
  // No key: goodbye, and the call ends.
  expect(asked.spoken).toMatch(/Thank you for calling\. Goodbye\.$/);
  expect(findAll(asked.root!, 'Hangup')).toHaveLength(1);
  // The caller's leg is not moved by REST: the action's TwiML is what they hear.
  expect(twilioApi.callUpdates).toHaveLength(updates);
  expect((await a.client.call('GET', `/conversations/${conversation.id}/call`)).body.call).toMatchObject({ status: 'ended', detail: 'agent hung up' });

  const thanks = await call.post(gather.attributes.action, { Digits: '3' });
  expect(thanks.spoken).toBe('Thank you for telling us. Goodbye.');
  expect(findAll(thanks.root!, 'Hangup')).toHaveLength(1);
  expect(await satisfactionFor(server.store.db, server.tenant, conversation.id)).toMatchObject({ score: 'poor', channel: 'voice', agentId: a.agentId, stage: 'done' });
  const tables = await reports();
  expect(tables.get('satisfaction-by-channel')?.rows.find((r) => r.name === 'voice')).toMatchObject({ poor: 1, answers: 1 });
  expect(tables.get('satisfaction-by-agent')?.rows.find((r) => r.name === a.agentId)).toMatchObject({ poor: 1, answers: 1, goodShare: 0 });

  // Never twice: Twilio repeating the action, or the console's hang-up path, asks nothing more.
  expect(gatherOf(await call.post(dial.attributes.action, { DialCallStatus: 'completed' }))).toBeUndefined();
  expect((await a.client.call('POST', `/conversations/${conversation.id}/call/hang-up`)).status).toBe(409);
  const again = await call.post(`/channels/twilio/voice/agent-satisfaction?t=${server.tenant}&c=${conversation.id}&call=${(await a.client.call('GET', `/conversations/${conversation.id}/call`)).body.call.id}`);
  expect(gatherOf(again)).toBeUndefined();
  expect(again.spoken).toBe('Thank you for calling. Goodbye.');
  // A second key press records nothing new.
  await call.post(gather.attributes.action, { Digits: '1' });
  expect(await satisfactionFor(server.store.db, server.tenant, conversation.id)).toMatchObject({ score: 'poor' });
  // The work stays the agent's to close with its outcome.
  expect(await stateOf(conversation.id)).toBe('with_agent');
  await away(a.agentId);
});

test('the caller hung up first: nothing is asked and nothing stored', async () => {
  const a = await agent();
  const { call, conversation, dial } = await bridgedCaller(a);
  const gone = await call.post(dial.attributes.action, { DialCallStatus: 'completed', CallStatus: 'completed' });
  expect(gatherOf(gone)).toBeUndefined();
  expect(findAll(gone.root!, 'Say')).toHaveLength(0);
  expect(findAll(gone.root!, 'Hangup')).toHaveLength(1);
  expect((await a.client.call('GET', `/conversations/${conversation.id}/call`)).body.call).toMatchObject({ status: 'ended', detail: 'caller hung up' });
  expect(await satisfactionFor(server.store.db, server.tenant, conversation.id)).toBeNull();
  await away(a.agentId);
});

test('after a safety disclosure the adviser hanging up from their phone only says goodbye', async () => {
  const a = await agent();
  const { call, conversation, dial } = await bridgedCaller(a);
  // The caller's words were kept as a safeguarding disclosure (the conversation's safety flag).
  const safety = { safety: { category: 'safety.safeguarding_concern', action: 'escalate', kind: 'screen' } };
  await server.store.db.updateTable('messages').set({ recognition: JSON.stringify(safety) } as never).where('conversation_id', '=', conversation.id).where('direction', '=', 'in').execute();
  const ended = await call.post(dial.attributes.action, { DialCallStatus: 'completed' });
  expect(gatherOf(ended)).toBeUndefined();
  expect(ended.spoken).toBe('Thank you for calling. Goodbye.');
  expect(findAll(ended.root!, 'Hangup')).toHaveLength(1);
  expect(await satisfactionFor(server.store.db, server.tenant, conversation.id)).toBeNull();
  await away(a.agentId);
});

test('a console hang-up Twilio refuses leaves the call connected; the adviser then hanging up their own leg is asked once', async () => {
  const a = await agent();
  const { call, conversation, dial } = await bridgedCaller(a);
  twilioApi.failNext(500);
  const refused = await a.client.call('POST', `/conversations/${conversation.id}/call/hang-up`);
  expect(refused.status).toBe(502);
  expect((await a.client.call('GET', `/conversations/${conversation.id}/call`)).body.call).toMatchObject({ status: 'connected' });
  expect(await satisfactionFor(server.store.db, server.tenant, conversation.id)).toBeNull();
  const asked = await call.post(dial.attributes.action, { DialCallStatus: 'completed' });
  expect(textOf(gatherOf(asked)!)).toMatch(/how did we do today\?/i);
  expect(await satisfactionFor(server.store.db, server.tenant, conversation.id)).toMatchObject({ stage: 'rating', score: null });
  await away(a.agentId);
});

test('while the console hang-up moves the caller, the Dial\'s end is not a second ending: the question is the redirect\'s', async () => {
  const a = await agent();
  const { call, conversation, dial } = await bridgedCaller(a);
  expect((await a.client.call('POST', `/conversations/${conversation.id}/call/hang-up`)).body.call).toMatchObject({ status: 'ended', detail: 'agent hung up' });
  const redirect = lastUpdate();
  expect(redirect.params.get('Url')).toMatch(/\/channels\/twilio\/voice\/agent-satisfaction\?/);
  // Twilio reports the Dial's end (its TwiML is discarded): nothing is recorded as asked by it.
  expect(gatherOf(await call.post(dial.attributes.action, { DialCallStatus: 'completed' }))).toBeUndefined();
  expect(await satisfactionFor(server.store.db, server.tenant, conversation.id)).toBeNull();
  const asked = await call.post(redirect.params.get('Url')!);
  expect(textOf(gatherOf(asked)!)).toMatch(/^The adviser has ended the call\./);
  expect(await satisfactionFor(server.store.db, server.tenant, conversation.id)).toMatchObject({ stage: 'rating' });
  await away(a.agentId);
});

test('a Welsh call: the adviser hanging up from their phone is asked in Welsh, in the council\'s Welsh voice', async () => {
  const a = await agent();
  const { call, conversation, dial } = await bridgedCaller(a, { welsh: true });
  const asked = await call.post(dial.attributes.action, { DialCallStatus: 'completed' });
  const gather = gatherOf(asked)!;
  expect(gather.attributes.action).toMatch(/[?&]l=cy$/);
  const [question] = findAll(gather, 'Say');
  expect(question.attributes).toMatchObject({ language: 'cy-GB', voice: WELSH_VOICE });
  expect(textOf(question)).toMatch(/^Mae'r ymgynghorydd wedi dod â'r alwad i ben\./);
  // Every phrase of the bridge's answer is in the Welsh voice (the goodbye after silence too).
  for (const s of findAll(asked.root!, 'Say')) expect(s.attributes).toMatchObject({ language: 'cy-GB', voice: WELSH_VOICE });
  const thanks = await call.post(gather.attributes.action, { Digits: '1' });
  expect(thanks.spoken).toMatch(/Diolch am roi gwybod i ni/);
  expect(await satisfactionFor(server.store.db, server.tenant, conversation.id)).toMatchObject({ score: 'good', channel: 'voice', agentId: a.agentId });
  await away(a.agentId);
});
