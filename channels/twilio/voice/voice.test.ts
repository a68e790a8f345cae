import twilio from 'twilio';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { postSigned, startVoiceApp, TwilioCall, TEST_AUTH_TOKEN, type TwimlReply } from './twilio-caller.fixture.js';
import { findAll, type XmlElement } from './xml.js';
import { InProcessQueue } from '../../../jobs/index.js';
import { startTwilioStandIn } from '../twilio-stand-in.fixture.js';
import { createVoiceSms } from './voice-sms.js';
import { renderReplies, spellOut, speakableText, plainSpeech } from './speakable.js';
import { makeAgent } from '../../../handoff/queue/test-helpers.js';

// Wednesday 25 November 2026, 10:30 in London: the contact centre is open.
const weekday = () => new Date('2026-11-25T10:30:00Z');
let server: TestServer;
let voice: Awaited<ReturnType<typeof startVoiceApp>>;
const timings: number[] = [];
let nextNumber = 100;
const mobile = () => `+4477009${String(nextNumber++).padStart(5, '0')}`;

beforeAll(async () => {
  server = await startTestServer({ clock: weekday });
  voice = await startVoiceApp(server, { clock: weekday });
}, 120_000);
afterAll(async () => {
  await voice?.close();
  await server?.close();
});

/** Clean-ups of the running test (agents set away again), run after each test. */
const afterThis: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const undo of afterThis.splice(0)) await undo();
});

function call(from = mobile()): TwilioCall {
  return new TwilioCall(voice.url, from);
}

/** Response > Gather[input="speech dtmf"][language="en-GB"] > Say, then a Redirect for silence. */
function expectPrompt(r: TwimlReply): XmlElement {
  timings.push(r.ms);
  expect(r.status).toBe(200);
  const root = r.root!;
  expect(root.name).toBe('Response');
  const gather = root.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === 'Gather');
  expect(gather).toBeDefined();
  expect(gather!.attributes).toMatchObject({ input: 'speech dtmf', language: 'en-GB', speechTimeout: 'auto', method: 'POST' });
  expect(gather!.attributes.action).toMatch(/^\/channels\/twilio\/voice\/gather\?/);
  const say = gather!.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === 'Say');
  expect(say?.attributes).toMatchObject({ language: 'en-GB', voice: 'Polly.Amy-Neural' });
  const after = root.children.filter((c): c is XmlElement => typeof c !== 'string');
  expect(after[after.length - 1].name).toBe('Redirect');
  expect(r.spoken).not.toMatch(/https?:|www\.|\.gov\.uk/i);
  return gather!;
}

test('a request without a valid Twilio signature is refused', async () => {
  const params = { CallSid: 'CA' + 'a'.repeat(32), AccountSid: 'AC' + '0'.repeat(32), From: '+447700900001', To: '+441632960100', CallStatus: 'ringing', Direction: 'inbound', ApiVersion: '2010-04-01' };
  const forged = await postSigned(`${voice.url}/channels/twilio/voice`, params, 'not-the-auth-token');
  expect(forged.status).toBe(403);
  const unsigned = await fetch(`${voice.url}/channels/twilio/voice/gather`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(params).toString() });
  expect(unsigned.status).toBe(403);
  // Signed for another URL (a replay against another endpoint): refused too.
  const signature = twilio.getExpectedTwilioSignature(TEST_AUTH_TOKEN, `${voice.url}/channels/twilio/voice`, params);
  const replayed = await fetch(`${voice.url}/channels/twilio/voice/gather?n=5`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, body: new URLSearchParams(params).toString() });
  expect(replayed.status).toBe(403);
  const genuine = await postSigned(`${voice.url}/channels/twilio/voice`, params, TEST_AUTH_TOKEN);
  expect(genuine.status).toBe(200);
});

test('the greeting names the council and gives the recording notice, with hints from the gazetteer', async () => {
  const c = call();
  const r = await c.start();
  const gather = expectPrompt(r);
  expect(r.spoken).toMatch(/Merebrook Borough Council/);
  expect(r.spoken).toMatch(/Calls are recorded to help us improve our service/);
  expect(gather.attributes.hints).toMatch(/High Street/);
  expect(gather.attributes.hints).toMatch(/missed bin/);
  // The council records calls: the recording starts with the call, after which the notice plays.
  expect(findAll(r.root!, 'Recording')).toHaveLength(1);
});

test('a missed bin reported by voice: spoken postcode, address and answers by keypad, reference read back and texted', async () => {
  const c = call();
  expectPrompt(await c.start());
  let r = await c.say("My bin wasn't collected");
  expectPrompt(r);
  expect(r.spoken).toMatch(/postcode/i);

  r = await c.say('M B one one A D', 0.81);
  let gather = expectPrompt(r);
  expect(r.spoken).toMatch(/addresses at MB1 1AD/);
  expect(r.spoken).toMatch(/For 1 High Street, Merebrook, press 1\./);
  expect(gather.attributes.numDigits).toBe('1');

  r = await c.press('3');
  expectPrompt(r);
  expect(r.spoken).toMatch(/Which bin was missed/);
  // The flow's voice wording already names the keys: they are not read twice.
  expect(r.spoken.match(/press 1/g)).toHaveLength(1);

  r = await c.press('1');
  expectPrompt(r);
  expect(r.spoken).toMatch(/out by six in the morning/);
  r = await c.press('1');
  expectPrompt(r);
  expect(r.spoken).toMatch(/Which day should it have been collected/);
  r = await c.say('Yesterday.');
  expectPrompt(r);
  expect(r.spoken).toMatch(/anything else the crew should know/i);
  r = await c.say('No.');
  expectPrompt(r);
  expect(r.spoken).toMatch(/Would you like updates/);
  r = await c.press('2');
  gather = expectPrompt(r);
  expect(r.spoken).toMatch(/Please check your report/);
  expect(r.spoken).toMatch(/3 High Street/);
  expect(r.spoken).toMatch(/For yes, press 1\. For Go back, press 2\. For Cancel, press 3\./);

  r = await c.press('1');
  expectPrompt(r);
  const row = await server.store.db
    .selectFrom('cases')
    .selectAll()
    .where('tenant_id', '=', server.tenant)
    .where('uprn', '=', '100023450098')
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  expect(row.service_id).toBe('waste.missed_collection');
  const digits = row.reference.replace(/\D/g, '');
  const spelled = `M B C, ${digits.slice(0, 3).split('').join(' ')}, ${digits.slice(3).split('').join(' ')}`;
  // Read back slowly, characters separated, and repeated.
  expect(r.spoken.split(spelled).length - 1).toBe(2);
  const slow = findAll(r.root!, 'prosody').filter((p) => p.attributes.rate === 'slow');
  expect(slow.length).toBeGreaterThanOrEqual(2);
  expect(r.spoken).toMatch(/sent the reference to this phone in a text message/);
  const texts = voice.sent.filter((s) => s.to === c.from);
  expect(texts).toHaveLength(1);
  expect(texts[0].body).toContain(row.reference);

  // Nine messages in the call: the next turn is the tenth.
  expect(findAll(c.last!.root!, 'Gather')[0].attributes.action).toMatch(/[?&]n=10(&|$)/);
});

test('a Twilio retry of the same Gather request is processed once', async () => {
  const c = call();
  expectPrompt(await c.start());
  const action = findAll(c.last!.root!, 'Gather')[0].attributes.action;
  const first = await c.post(action, { SpeechResult: 'When is my bin day?', Confidence: '0.9' });
  const again = await c.post(action, { SpeechResult: 'When is my bin day?', Confidence: '0.9' });
  expect(again.spoken).toBe(first.spoken);
  const inbound = await server.store.db
    .selectFrom('messages')
    .select('provider_message_id')
    .where('tenant_id', '=', server.tenant)
    .where('provider_message_id', 'like', `${c.callSid}:%`)
    .execute();
  expect(inbound).toHaveLength(1);
  expect(inbound[0].provider_message_id).toBe(`${c.callSid}:1`);
});

test('silence re-prompts twice, then reads the keypad menu, then says goodbye', async () => {
  const c = call();
  expectPrompt(await c.start());
  let r = await c.silence();
  expectPrompt(r);
  expect(r.spoken).toMatch(/didn't hear anything/);
  r = await c.silence();
  expectPrompt(r);
  expect(r.spoken).toMatch(/didn't hear anything/);
  r = await c.silence();
  const gather = expectPrompt(r);
  expect(r.spoken).toMatch(/keypad/);
  expect(r.spoken).toMatch(/To report a missed bin, press 1\./);
  expect(r.spoken).toMatch(/To speak to someone, press 0\./);
  expect(gather.attributes.action).toMatch(/m=menu/);
  r = await c.silence();
  timings.push(r.ms);
  expect(r.spoken).toMatch(/Goodbye/);
  expect(findAll(r.root!, 'Hangup')).toHaveLength(1);
  expect(findAll(r.root!, 'Gather')).toHaveLength(0);
});

test('the keypad menu starts a service by digit', async () => {
  const c = call();
  expectPrompt(await c.start());
  await c.silence();
  await c.silence();
  await c.silence();
  const r = await c.press('1');
  expectPrompt(r);
  expect(r.spoken).toMatch(/missed bin/i);
  expect(r.spoken).toMatch(/postcode/i);
});

test('a low-confidence address is confirmed before it is used', async () => {
  const c = call();
  expectPrompt(await c.start());
  expectPrompt(await c.say('I need to report a missed bin'));
  let r = await c.say('Elm Grove', 0.31);
  const gather = expectPrompt(r);
  expect(r.spoken).toBe('Did you say Elm Grove? Press 1 for yes, or 2 for no.');
  expect(gather.attributes.numDigits).toBe('1');
  r = await c.press('1');
  expectPrompt(r);
  expect(r.spoken).toMatch(/Which house number on Elm Grove/);

  // "No": asked again, nothing sent to the assistant.
  r = await c.say('fourteen', 0.2);
  expect(r.spoken).toMatch(/Did you say fourteen\?/);
  r = await c.press('2');
  expectPrompt(r);
  expect(r.spoken).toMatch(/Please say it again/);
  expect(r.spoken).toMatch(/Which house number on Elm Grove/);
  // The house number on the keypad instead.
  r = await c.press('14#');
  expectPrompt(r);
  expect(r.spoken).toMatch(/Which bin was missed/);
});

test('a URL is never spoken: the link is offered by text message and sent with the SMS sender', async () => {
  const c = call();
  expectPrompt(await c.start());
  let r = await c.say('How do I pay my council tax?');
  expectPrompt(r);
  expect(r.spoken).toMatch(/I can send you a text message with the link\. Press 1 to get it, or carry on\./);
  expect(r.spoken).toMatch(/Was this useful\?/);
  r = await c.press('1');
  expectPrompt(r);
  expect(r.spoken).toMatch(/I've sent you a text message with the link/);
  const text = voice.sent.find((s) => s.to === c.from);
  expect(text?.body).toMatch(/https:\/\/www\.merebrook\.gov\.uk\//);
  // The question is asked again, without the offer; yes is now 1.
  expect(r.spoken).not.toMatch(/Press 1 to get it/);
  expect(r.spoken).toMatch(/For Yes, it helped, press 1\./);

  // A landline caller is not offered a text message.
  const landline = call('+441632960555');
  await landline.start();
  r = await landline.say('How do I pay my council tax?');
  expectPrompt(r);
  expect(r.spoken).not.toMatch(/text message/);
});

test('asking for a person enqueues the caller, with the handoff and its context in the console queue', async () => {
  const agent = await makeAgent(server.store.db, server.tenant, { name: 'Wes Waste', skills: ['waste'], capacity: 20, seenAt: weekday() });
  afterThis.push(() => server.store.db.updateTable('agents').set({ status: 'away' }).where('id', '=', agent.id).execute());
  const c = call();
  expectPrompt(await c.start());
  expectPrompt(await c.say('my bin was not collected'));
  const r = await c.say('I want to speak to a person');
  timings.push(r.ms);
  expect(findAll(r.root!, 'Gather')).toHaveLength(0);
  const enqueue = findAll(r.root!, 'Enqueue');
  expect(enqueue).toHaveLength(1);
  expect(enqueue[0].attributes.waitUrl).toMatch(/^\/channels\/twilio\/voice\/queue-wait\?/);
  expect(enqueue[0].attributes.action).toMatch(/^\/channels\/twilio\/voice\/queue-leave\?/);
  expect(enqueue[0].children.join('')).toBe(`${server.tenant}-waste`);
  expect(r.spoken).toMatch(/putting you through to our Waste and recycling team/);

  const conversation = await server.store.db.selectFrom('conversations').selectAll().where('tenant_id', '=', server.tenant).where('channel_user_id', '=', c.from).executeTakeFirstOrThrow();
  expect(conversation.state).toBe('queued');
  expect(conversation.channel).toBe('voice');
  const handoff = await server.store.db.selectFrom('handoffs').selectAll().where('conversation_id', '=', conversation.id).executeTakeFirstOrThrow();
  expect(handoff).toMatchObject({ reason: 'resident_request', queue: 'waste', priority: expect.any(String) });
  expect(handoff.closed_at).toBeNull();
  const context = handoff.context as { channel: string; recentMessages: string[]; flow: { id: string } | null };
  expect(context.channel).toBe('voice');
  expect(context.flow?.id).toBe('missed-bin');
  expect(context.recentMessages).toEqual(expect.arrayContaining(['my bin was not collected']));

  // Hold: the caller's place in the queue.
  const wait = await c.post(enqueue[0].attributes.waitUrl, { QueuePosition: '3', QueueSid: 'QU' + '1'.repeat(32), QueueTime: '12', AvgQueueTime: '40', CurrentQueueSize: '3' });
  timings.push(wait.ms);
  expect(wait.spoken).toMatch(/You are number 3 in the queue/);
  expect(findAll(wait.root!, 'Pause')).toHaveLength(1);

  // The caller hangs up while waiting: the handoff is abandoned.
  const leave = await c.post(enqueue[0].attributes.action, { QueueResult: 'hangup', QueueSid: 'QU' + '1'.repeat(32), QueueTime: '30' });
  timings.push(leave.ms);
  const after = await server.store.db.selectFrom('handoffs').selectAll().where('id', '=', handoff.id).executeTakeFirstOrThrow();
  expect(after.outcome).toBe('abandoned');
});

test('a safety disclosure with an agent free: the emergency message first, then the urgent queue', async () => {
  const agent = await makeAgent(server.store.db, server.tenant, { name: 'Uma Urgent', skills: ['safety', 'social_care'], capacity: 20, seenAt: weekday() });
  try {
    const c = call();
    expectPrompt(await c.start());
    // Even heard with low confidence: never held back by a confirmation.
    const r = await c.say('I want to kill myself', 0.4);
    timings.push(r.ms);
    const spoken = r.spoken;
    expect(spoken).toMatch(/9 9 9/);
    expect(spoken).toMatch(/Samaritans/);
    expect(spoken).toMatch(/will join you now/);
    const enqueue = findAll(r.root!, 'Enqueue');
    expect(enqueue).toHaveLength(1);
    expect(enqueue[0].children.join('')).toBe(`${server.tenant}-urgent`);
    // The emergency message comes before the caller is queued.
    const verbs = r.root!.children.filter((x): x is XmlElement => typeof x !== 'string').map((x) => x.name);
    expect(verbs).toEqual(['Say', 'Enqueue']);
    const conversation = await server.store.db.selectFrom('conversations').selectAll().where('tenant_id', '=', server.tenant).where('channel_user_id', '=', c.from).executeTakeFirstOrThrow();
    const handoff = await server.store.db.selectFrom('handoffs').selectAll().where('conversation_id', '=', conversation.id).executeTakeFirstOrThrow();
    expect(handoff.priority).toBe('urgent');
    expect(handoff.reason).toMatch(/^safety\./);
  } finally {
    await server.store.db.updateTable('agents').set({ status: 'away' }).where('id', '=', agent.id).execute();
  }
});

test('a safety disclosure with nobody free: the caller is told the truth and who to call, never queued for no one', async () => {
  const c = call();
  expectPrompt(await c.start());
  const r = await c.say('I want to kill myself', 0.4);
  const spoken = r.spoken;
  expect(spoken).toMatch(/Samaritans/);
  expect(spoken).toMatch(/Nobody from our team is free right now/);
  expect(spoken).toMatch(/hang up and call 9 9 9/);
  expect(spoken).not.toMatch(/duty officer|will join|putting you through/);
  expect(findAll(r.root!, 'Enqueue')).toHaveLength(0);
  expect(findAll(r.root!, 'Hangup')).toHaveLength(1);
  // The team still sees it, as urgent.
  const conversation = await server.store.db.selectFrom('conversations').selectAll().where('tenant_id', '=', server.tenant).where('channel_user_id', '=', c.from).executeTakeFirstOrThrow();
  const handoff = await server.store.db.selectFrom('handoffs').selectAll().where('conversation_id', '=', conversation.id).executeTakeFirstOrThrow();
  expect(handoff.priority).toBe('urgent');
});

test('a caller who says goodbye hears the last words and the call ends', async () => {
  const c = call();
  expectPrompt(await c.start());
  const r = await c.say('bye');
  expect(r.spoken).toMatch(/Goodbye/);
  expect(findAll(r.root!, 'Gather')).toHaveLength(0);
  expect(findAll(r.root!, 'Hangup')).toHaveLength(1);
});

test('a new call from the same number is a new conversation; the same call keeps its own', async () => {
  const from = mobile();
  const a = call(from);
  await a.start();
  await a.say('When is my bin day?');
  const again = await a.start(); // Twilio retried the call's first webhook
  expectPrompt(again);
  const b = call(from);
  await b.start();
  const rows = await server.store.db.selectFrom('conversations').select('id').where('tenant_id', '=', server.tenant).where('channel_user_id', '=', from).execute();
  expect(rows).toHaveLength(2);
});

test('every webhook answered well under Twilio’s limit', () => {
  expect(timings.length).toBeGreaterThan(20);
  expect(Math.max(...timings)).toBeLessThan(1000);
});

test('texts to callers go through the job queue and the Twilio REST client, once per key', async () => {
  const standIn = await startTwilioStandIn();
  const jobs = new InProcessQueue();
  try {
    const sms = createVoiceSms({
      db: server.store.db,
      jobs,
      log: server.log,
      twilioConfig: () => ({ accountSid: standIn.accountSid, authToken: standIn.authToken, from: '+441632960100', apiBaseUrl: standIn.url }),
    });
    expect(sms.available?.()).toBe(true);
    const input = { tenant: server.tenant, conversationId: 'c1', to: '+447700900123', body: 'Merebrook Borough Council: https://www.merebrook.gov.uk/x', key: 'CA1:3:link' };
    await sms.send(input);
    await sms.send(input);
    for (let i = 0; i < 100 && standIn.sent.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    await jobs.drain();
    expect(standIn.sent).toHaveLength(1);
    expect(standIn.sent[0]).toMatchObject({ to: '+447700900123', from: '+441632960100', body: input.body });
    const off = createVoiceSms({ db: server.store.db, jobs: new InProcessQueue(), log: server.log, twilioConfig: () => null });
    expect(off.available?.()).toBe(false);
  } finally {
    await jobs.close();
    await standIn.close();
  }
});

describe('speakable rendering', () => {
  test('URLs and Markdown are removed; phone numbers and references are spelled', () => {
    expect(speakableText('See **this** at https://www.merebrook.gov.uk/tax.\n- Pay online\n- By phone')).toBe('See this at our website. Pay online. By phone.');
    expect(spellOut('MBC-123456')).toBe('M B C, 1 2 3, 4 5 6');
    expect(spellOut('M B C   1 2 3 4 5 6')).toBe('M B C, 1 2 3, 4 5 6');
    const p = renderReplies([{ text: 'Call 01632 960 100 or 999.' }], { offerLink: false });
    expect(plainSpeech(p.segments)).toBe('Call 0 1 6 3 2, 9 6 0, 1 0 0 or 9 9 9.');
  });

  test('options are read with the key to press; the link offer comes first', () => {
    const p = renderReplies(
      [
        { text: 'Pay at https://x.example/pay', card: { title: 'Pay', body: 'b', link: { label: 'Pay', url: 'https://x.example/pay' } } },
        { text: 'Was this useful?', askFor: 'yes_no', suggestions: [{ label: 'Yes', value: 'Yes' }, { label: 'No', value: 'No' }] },
      ],
      { offerLink: true },
    );
    expect(p.options.map((o) => o.digit)).toEqual(['1', '2', '3']);
    expect(plainSpeech(p.segments)).toBe(
      'Pay at our website. Was this useful? I can send you a text message with the link. Press 1 to get it, or carry on. For yes, press 2. For no, press 3.',
    );
  });
});

test('a caller unsure of a pothole\'s size is asked the size again, not whether anyone is in danger', async () => {
  const c = call();
  expectPrompt(await c.start());
  expectPrompt(await c.say('I want to report a pothole'));
  let r = await c.say('outside 4 Mill Lane');
  expectPrompt(r);
  expect(r.spoken).toMatch(/How big is it\?/);
  r = await c.say('not sure');
  expectPrompt(r);
  expect(r.spoken).not.toMatch(/danger/i);
  expect(r.spoken).toMatch(/How big is it\?/);
});
