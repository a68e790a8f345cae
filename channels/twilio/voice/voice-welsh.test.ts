/**
 * A Welsh call end to end (issue 17): the demo council offers Welsh and English, so a call starts
 * "Am wasanaeth Cymraeg, pwyswch 1. For English, press 2."; key 1 gives the Welsh greeting in the
 * Welsh voice, the key goes with each message as the resident's choice, and Welsh replies are
 * spoken with <Say language="cy-GB" voice="Polly.Gwyneth">. The words of the replies are bot/'s.
 */
import { jest } from '@jest/globals';
import type { InboundMessage } from '../../../bot/index.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { startVoiceApp, TwilioCall, type TwimlReply } from './twilio-caller.fixture.js';
import { renderReplies, spellOut } from './speakable.js';
import { welshGatherFrom } from './voice-words.js';
import { findAll, type XmlElement } from './xml.js';

// Wednesday 25 November 2026, 10:30 in London: the contact centre is open.
const weekday = () => new Date('2026-11-25T10:30:00Z');
let server: TestServer;
let voice: Awaited<ReturnType<typeof startVoiceApp>>;
let nextNumber = 500;
const mobile = () => `+4477009${String(nextNumber++).padStart(5, '0')}`;
const received: Partial<InboundMessage>[] = [];

beforeAll(async () => {
  server = await startTestServer({ clock: weekday });
  // What the channel hands the assistant: the caller's key must arrive as their choice of language.
  const receive = server.assistant.receive.bind(server.assistant);
  jest.spyOn(server.assistant, 'receive').mockImplementation(((...args: Parameters<typeof receive>) => {
    if (typeof args[1] === 'object' && args[1]) received.push(args[1] as Partial<InboundMessage>);
    return receive(...args);
  }) as typeof receive);
  voice = await startVoiceApp(server, { clock: weekday });
}, 120_000);
afterAll(async () => {
  await voice?.close();
  await server?.close();
});

const elements = (root: XmlElement | null, name: string) => (root ? findAll(root, name) : []);
const says = (r: TwimlReply) => elements(r.root, 'Say');
const gatherOf = (r: TwimlReply) => {
  const g = elements(r.root, 'Gather')[0];
  if (!g) throw new Error(`no Gather in ${r.xml}`);
  return g;
};
const text = (e: XmlElement): string => e.children.map((c) => (typeof c === 'string' ? c : text(c))).join('');

test('the call asks "Cymraeg / English" first, each half in its own language and voice', async () => {
  const c = new TwilioCall(voice.url, mobile());
  const r = await c.start({ language: 'ask' });
  expect(r.status).toBe(200);
  const g = gatherOf(r);
  expect(g.attributes).toMatchObject({ numDigits: '1' });
  expect(g.attributes.action).toMatch(/[?&]m=lang\b/);
  const [welsh, english] = says(r);
  expect(welsh.attributes).toMatchObject({ language: 'cy-GB', voice: 'Polly.Gwyneth' });
  expect(text(welsh)).toMatch(/Am wasanaeth Cymraeg, pwyswch 1\./);
  expect(english.attributes).toMatchObject({ language: 'en-GB' });
  expect(text(english)).toMatch(/For English, press 2\./);
  // The recording starts with the call, before the question.
  expect(elements(r.root, 'Recording')).toHaveLength(1);
});

test('a Welsh call: key 1, the Welsh greeting and prompts in cy-GB, the choice sent with each message, Welsh replies spoken in Welsh', async () => {
  const c = new TwilioCall(voice.url, mobile());
  const greeting = await c.start({ language: 'cy' });
  const g = gatherOf(greeting);
  // Welsh prompts: keys always, and speech in the best supported recogniser (cy-GB is not a <Gather> language at Twilio).
  expect(g.attributes).toMatchObject({ input: 'speech dtmf', language: 'en-GB' });
  expect(g.attributes.action).toMatch(/[?&]l=cy\b/);
  expect(g.attributes.action).toMatch(/[?&]lk=1\b/);
  const [greetingSay] = says(greeting);
  expect(greetingSay.attributes).toMatchObject({ language: 'cy-GB', voice: 'Polly.Gwyneth' });
  expect(greeting.spoken).toMatch(/Helo, a diolch am ffonio/);
  expect(greeting.spoken).toMatch(/pwyswch 0 i siarad â rhywun/);
  expect(greeting.spoken).toMatch(/recordio/);

  // Silence: re-prompted in Welsh, in the Welsh voice.
  const quiet = await c.silence();
  expect(quiet.spoken).toMatch(/chlywais i ddim byd/);
  expect(says(quiet)[0].attributes).toMatchObject({ language: 'cy-GB' });

  const before = received.length;
  const reply = await c.say('Dydy fy min ddim wedi cael ei gasglu');
  expect(reply.status).toBe(200);
  // The call goes on: a prompt with a Gather (the assistant asks for details, or answers), never an error.
  expect(elements(reply.root, 'Hangup')).toHaveLength(0);
  gatherOf(reply);
  const sent = received.slice(before).find((m) => m.channel === 'voice');
  expect(sent).toMatchObject({ channel: 'voice', language: 'cy', text: 'Dydy fy min ddim wedi cael ei gasglu' });
  // The assistant writes its replies in Welsh on a Welsh call (bot/ sets `language`): they are spoken in Welsh.
  const rows = await server.store.db
    .selectFrom('messages')
    .select(['parts'])
    .where('conversation_id', '=', new URL(gatherOf(reply).attributes.action, 'http://x').searchParams.get('c')!)
    .where('direction', '=', 'out')
    .orderBy('id', 'desc')
    .limit(1)
    .execute();
  const parts = (typeof rows[0].parts === 'string' ? JSON.parse(rows[0].parts) : rows[0].parts) as { language?: string };
  // The caller chose Welsh: the pipeline writes the reply in Welsh and says so, and it is spoken in Welsh.
  expect(parts.language).toBe('cy');
  expect(says(reply)[0].attributes).toMatchObject({ language: 'cy-GB', voice: 'Polly.Gwyneth' });
  expect(gatherOf(reply).attributes).toMatchObject({ language: 'en-GB', input: 'speech dtmf' });
  expect(gatherOf(reply).attributes.action).toMatch(/[?&]l=cy\b/);
});

test('key 2: the call goes on in English as before', async () => {
  const c = new TwilioCall(voice.url, mobile());
  const greeting = await c.start({ language: 'en' });
  expect(says(greeting)[0].attributes).toMatchObject({ language: 'en-GB', voice: 'Polly.Amy-Neural' });
  expect(gatherOf(greeting).attributes).toMatchObject({ language: 'en-GB' });
  expect(gatherOf(greeting).attributes.action).not.toMatch(/[?&]l=cy\b/);
  expect(greeting.spoken).toMatch(/thank you for calling Merebrook Borough Council/i);
});

test('no key after the question, asked twice: the council default (English), not a hang-up', async () => {
  const c = new TwilioCall(voice.url, mobile());
  await c.start({ language: 'ask' });
  const again = await c.silence();
  expect(again.spoken).toMatch(/Am wasanaeth Cymraeg/);
  const fallback = await c.silence();
  expect(fallback.spoken).toMatch(/thank you for calling/i);
  expect(gatherOf(fallback).attributes.action).not.toMatch(/[?&]lk=1\b/);
});

test("Welsh rendering: options read with 'pwyswch', the link offer in Welsh, 'plws' for +44, and keys only when configured", () => {
  const prompt = renderReplies(
    [{ text: "Pa fath o fin oedd e? Gweler https://www.merebrook.gov.uk/cy/biniau", suggestions: [{ label: 'Gwastraff cyffredinol', value: 'general' }, { label: 'Ailgylchu', value: 'recycling' }] }],
    { offerLink: true, language: 'cy' },
  );
  const words = prompt.segments.map((s) => s.text).join(' ');
  expect(words).toMatch(/ein gwefan/);
  expect(words).not.toMatch(/our website|press/);
  expect(words).toMatch(/Galla i anfon neges destun/);
  expect(words).toMatch(/Gwastraff cyffredinol, pwyswch 2\. Ailgylchu, pwyswch 3\./);
  const yesNo = renderReplies([{ text: 'Ydy hynny’n iawn?', askFor: 'yes_no', suggestions: [{ label: 'Ydy', value: 'yes' }, { label: 'Nac ydy', value: 'no' }] }], { offerLink: false, language: 'cy' });
  expect(yesNo.segments.map((s) => s.text).join(' ')).toMatch(/I ddweud ie, pwyswch 1\. I ddweud na, pwyswch 2\./);
  expect(spellOut('+447700900123', 'cy')).toMatch(/^plws, 4 4/);
  expect(welshGatherFrom('dtmf')).toEqual({ input: 'dtmf' });
  expect(welshGatherFrom('cy-GB')).toEqual({ input: 'dtmf speech', language: 'cy-GB' });
  expect(welshGatherFrom(undefined)).toEqual({ input: 'dtmf speech', language: 'en-GB' });
});

test('a Welsh caller waiting in the Twilio queue hears the hold message in Welsh; a full queue says goodbye in Welsh', async () => {
  const c = new TwilioCall(voice.url, mobile());
  await c.start({ language: 'cy' });
  const conversation = new URL(gatherOf(c.last!).attributes.action, 'http://x').searchParams.get('c')!;
  const q = `c=${conversation}&t=${server.tenant}&l=cy`;
  const hold = await c.post(`/channels/twilio/voice/queue-wait?${q}`, { QueuePosition: '2' });
  expect(says(hold)[0].attributes).toMatchObject({ language: 'cy-GB', voice: 'Polly.Gwyneth' });
  expect(hold.spoken).toMatch(/Rydych chi'n rhif 2 yn y ciw\. Diolch am aros\./);
  const full = await c.post(`/channels/twilio/voice/queue-leave?${q}`, { QueueResult: 'queue-full' });
  expect(full.spoken).toMatch(/mae ein holl linellau'n brysur[\s\S]*Hwyl fawr\./);
  expect(elements(full.root, 'Hangup')).toHaveLength(1);
  // Without l=cy: English as before.
  const english = await c.post(`/channels/twilio/voice/queue-wait?c=${conversation}&t=${server.tenant}`, { QueuePosition: '1' });
  expect(english.spoken).toMatch(/You are next in the queue/);
});

test('a Welsh call: a Welsh question is answered from the Welsh article, and a missed bin is asked about with the Welsh flow\'s spoken prompt, all in the Welsh voice', async () => {
  const c = new TwilioCall(voice.url, mobile());
  await c.start({ language: 'cy' });
  // Should the safety model be unsure of the words, "Nac oes" answers its question and the message is decided as usual.
  const pastDangerCheck = async (words: string) => {
    const r = await c.say(words);
    return /Oes unrhyw un mewn perygl/.test(r.spoken) ? c.say('Nac oes') : r;
  };

  const answer = await pastDangerCheck("Sut dw i'n cofrestru i bleidleisio?");
  // The Welsh article's summary, spoken in Welsh (web addresses and all), never the English page.
  expect(answer.spoken).toMatch(/Cofrestrwch i bleidleisio ar-lein/);
  expect(answer.spoken).toMatch(/Oedd hyn yn ddefnyddiol\?/);
  expect(answer.spoken).not.toMatch(/\bRegister to vote\b|\bWas this useful\b/);
  expect(says(answer).every((s) => s.attributes.language === 'cy-GB')).toBe(true);

  const flow = await pastDangerCheck('Dydy fy min ddim wedi cael ei gasglu');
  // The Welsh missed-bin flow's voice prompt (cy/flows/missed-bin.yaml).
  expect(flow.spoken).toMatch(/Beth yw cyfeiriad y bin na chafodd ei gasglu\? Dywedwch y cod post, neu rif y tŷ ac enw'r stryd\./);
  expect(flow.spoken).not.toMatch(/What is the address/);
  expect(says(flow)[0].attributes).toMatchObject({ language: 'cy-GB', voice: 'Polly.Gwyneth' });
});
