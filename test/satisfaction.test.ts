/**
 * Satisfaction on every channel (issue 16, item 4), through the real app: web chat (the API), SMS
 * (Twilio replaced by its local stand-in) and a phone call (signed Twilio webhooks, a key press)
 * each store an answer that the supervisors' reports count; asked once per conversation; never
 * after a safety disclosure; a "1" after the question is the answer, not a menu choice; a comment
 * is stored; an adviser's close asks too, and the answer is counted against that adviser.
 */
import { sql } from 'kysely';
import { buildReports, parsePeriod, refreshReportFacts, type ReportTable } from '../reports/index.js';
import { eraseSubject, gatherSubject, satisfactionFor, type SatisfactionRow } from '../store/index.js';
import { startSmsHarness, type SmsHarness } from '../channels/twilio/sms-harness.fixture.js';
import { startVoiceApp, TwilioCall } from '../channels/twilio/voice/twilio-caller.fixture.js';
import { signedInAgent } from './console-client.js';
import { Resident, type Reply } from './server.js';

let h: SmsHarness;
let voice: Awaited<ReturnType<typeof startVoiceApp>>;

beforeAll(async () => {
  h = await startSmsHarness();
  voice = await startVoiceApp(h.server);
}, 120_000);
afterAll(async () => {
  await voice?.close();
  await h?.close();
});

const QUESTION = /how did we do/i;
const asked = (replies: Reply[]) => replies.find((r) => QUESTION.test(r.text));
const answer = (conversationId: string): Promise<SatisfactionRow | null> => satisfactionFor(h.server.store.db, h.server.tenant, conversationId);

/** Today's report tables, as the console's /reports route builds them (facts refreshed first). */
async function reports(): Promise<Map<string, ReportTable>> {
  const db = h.server.store.db;
  const now = new Date();
  const period = parsePeriod({ period: 'day' }, 'Europe/London', now);
  await refreshReportFacts(db, h.server.tenant, now, period.timeZone);
  return new Map((await buildReports(db, h.server.tenant, period, {})).map((t) => [t.id, t]));
}
const row = (t: ReportTable | undefined, name: string) => t?.rows.find((r) => r.name === name);

test('web chat: asked once at the end, with buttons; a "1" is the rating; the comment is stored; reported by channel', async () => {
  const resident = await new Resident(h.server.url).start();
  await resident.say('How do I pay my council tax?');
  const ended = await resident.say('end chat');
  const question = asked(ended);
  expect(question?.suggestions?.map((s) => s.label)).toEqual(['Good', 'Okay', 'Poor']);

  // "1" is the first button: the rating, not a menu choice or a new request.
  const rated = await resident.say('1');
  expect(rated.map((r) => r.text).join(' ')).toMatch(/thank you.*comment/i);
  expect((await answer(resident.conversationId))?.score).toBe('good');
  await resident.say('Quick and clear, thanks');
  const stored = await answer(resident.conversationId);
  expect(stored).toMatchObject({ score: 'good', comment: 'Quick and clear, thanks', channel: 'api', stage: 'done', service: expect.stringMatching(/council_tax/) });

  // Never asked twice in the same conversation, however it ends again.
  await resident.say('When is my bin day?');
  expect(asked(await resident.say('end chat'))).toBeUndefined();

  const tables = await reports();
  const byChannel = row(tables.get('satisfaction-by-channel'), 'api');
  expect(byChannel).toMatchObject({ good: expect.any(Number), answers: expect.any(Number) });
  expect(Number(byChannel!.good)).toBeGreaterThanOrEqual(1);
  expect(byChannel!.goodShare).toBeGreaterThan(0);
  expect(row(tables.get('satisfaction-by-service'), stored!.service)).toBeDefined();

  // The comment is theirs: a subject access export shows it, and an erasure deletes it (the rating stays, unlinked, for the reports).
  const db = h.server.store.db;
  const { rows: [conv] } = await sql<{ contact_id: string }>`select contact_id from conversations where id = ${resident.conversationId}`.execute(db);
  const subject = { contactIds: [conv.contact_id], caseIds: [] };
  expect((await gatherSubject(db, h.server.tenant, subject)).satisfaction).toEqual([expect.objectContaining({ score: 'good', comment: 'Quick and clear, thanks' })]);
  await eraseSubject(db, h.server.tenant, subject, { agentId: 'test', agentName: 'Test' }, 'resident asked');
  const { rows: [kept] } = await sql<{ score: string; comment: string | null; conversation_id: string | null }>`select score, comment, conversation_id from satisfaction_responses where id = ${stored!.id}`.execute(db);
  expect(kept).toEqual({ score: 'good', comment: null, conversation_id: null });
}, 60_000);

test('a resident who ignores the question is not chased: the next message is decided as usual', async () => {
  const resident = await new Resident(h.server.url).start();
  await resident.say('How do I pay my council tax?');
  expect(asked(await resident.say('thank you, bye for now'))).toBeDefined();
  const next = await resident.say('When is my bin day?');
  expect(next.map((r) => r.text).join(' ')).not.toMatch(/thank you for your comment|how did we do/i);
  expect(await answer(resident.conversationId)).toMatchObject({ stage: 'lapsed', score: null });
}, 60_000);

test('a disclosure after the question withdraws it: a "1" then is not taken as a rating', async () => {
  const resident = await new Resident(h.server.url).start();
  await resident.say('How do I pay my council tax?');
  expect(asked(await resident.say('thanks, that is all'))).toBeDefined();
  await resident.say('I want to kill myself');
  await resident.say('1');
  expect(await answer(resident.conversationId)).toMatchObject({ stage: 'lapsed', score: null });
}, 60_000);

test('never asked after a safety disclosure', async () => {
  const resident = await new Resident(h.server.url).start();
  await resident.say('How do I pay my council tax?');
  await resident.say('I want to kill myself');
  const ended = await resident.say('end chat');
  expect(asked(ended)).toBeUndefined();
  expect(await answer(resident.conversationId)).toBeNull();
}, 60_000);

test("after an adviser closes the conversation: asked, answered, counted against the adviser", async () => {
  const { client, agentId } = await signedInAgent(h.server);
  const resident = await new Resident(h.server.url).start();
  await resident.say('How do I pay my council tax?');
  await resident.say('Talk to a person');
  const queue = (await client.call('GET', '/queue')).body.handoffs as { id: string; conversationId: string }[];
  const handoff = queue.find((x) => x.conversationId === resident.conversationId)!;
  expect((await client.call('POST', `/handoffs/${handoff.id}/accept`)).status).toBe(200);
  expect((await client.call('POST', `/conversations/${resident.conversationId}/close`, { outcome: 'resolved' })).status).toBe(204);
  const transcript = await resident.transcript();
  const question = transcript.messages.filter((m) => QUESTION.test(m.text));
  expect(question).toHaveLength(1);
  expect(question[0].suggestions?.map((s) => s.value)).toEqual(['Good', 'Okay', 'Poor']);

  await resident.say('Okay');
  await resident.say('No comment');
  expect(await answer(resident.conversationId)).toMatchObject({ score: 'okay', comment: null, agentId, stage: 'done' });
  const byAgent = (await reports()).get('satisfaction-by-agent');
  expect(byAgent?.rows.find((r) => r.okay === 1 && r.answers === 1)).toBeDefined();
}, 60_000);

test('SMS: a numbered list; a reply of 3 (in the new conversation a text after the close opens) is the answer; a comment', async () => {
  const phone = '+447700900771';
  await h.text(phone, 'How do I pay my council tax?', 1);
  const ended = await h.text(phone, 'end', 2);
  const question = ended.find((m) => QUESTION.test(m.body));
  expect(question?.body).toMatch(/Reply 1 for Good, 2 for Okay or 3 for Poor/);
  const first = await h.server.store.db.selectFrom('conversations').select('id').where('tenant_id', '=', h.server.tenant).where('channel', '=', 'sms').orderBy('created_at').executeTakeFirstOrThrow();

  const rated = await h.text(phone, '3', 1);
  expect(rated[0].body).toMatch(/thank you.*comment/i);
  let commented = await h.text(phone, 'Took too long to find', 1);
  // The safety screen still comes first: an unsure reading of a comment is asked about, and "no" decides it as usual.
  if (/in danger right now/i.test(commented[0]?.body ?? '')) commented = await h.text(phone, 'No', 1);
  expect(commented[0]?.body).toMatch(/thank you for your comment/i);
  expect(await answer(first.id)).toMatchObject({ score: 'poor', comment: 'Took too long to find', channel: 'sms' });

  expect(row((await reports()).get('satisfaction-by-channel'), 'sms')).toMatchObject({ poor: 1, answers: 1, goodShare: 0 });
}, 60_000);

test('phone: a key before the call ends is stored and reported; asked once; not after a disclosure', async () => {
  const call = new TwilioCall(voice.url, '+447700900882');
  await call.start();
  await call.say('How do I pay my council tax?');
  const end = await call.say('goodbye');
  expect(end.spoken).toMatch(/press 1 for good, 2 for okay, or 3 for poor/i);
  const thanks = await call.press('2');
  expect(thanks.spoken).toMatch(/thank you for telling us/i);
  expect(thanks.xml).toMatch(/<Hangup\/>/);
  const conversation = await h.server.store.db.selectFrom('conversations').select('id').where('tenant_id', '=', h.server.tenant).where('channel', '=', 'voice').executeTakeFirstOrThrow();
  expect(await answer(conversation.id)).toMatchObject({ score: 'okay', channel: 'voice', stage: 'done' });
  // A second press of the same prompt records nothing more.
  await call.post(`/channels/twilio/voice/satisfaction?c=${conversation.id}&t=${h.server.tenant}`, { Digits: '1' });
  expect((await answer(conversation.id))?.score).toBe('okay');
  expect(row((await reports()).get('satisfaction-by-channel'), 'voice')).toMatchObject({ okay: 1, answers: 1 });

  // A caller who disclosed a risk: asked to call for help, never "how did we do?", and nothing stored.
  const risky = new TwilioCall(voice.url, '+447700900883');
  await risky.start();
  await risky.say('How do I pay my council tax?');
  const disclosed = await risky.say('I want to kill myself');
  expect(disclosed.spoken).toMatch(/Samaritans/);
  expect(disclosed.spoken).not.toMatch(/how did we do/i);
  const calls = await h.server.store.db.selectFrom('conversations').select('id').where('tenant_id', '=', h.server.tenant).where('channel', '=', 'voice').execute();
  for (const c of calls.filter((x) => x.id !== conversation.id)) expect(await answer(c.id)).toBeNull();
}, 60_000);
