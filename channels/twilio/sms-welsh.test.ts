/**
 * A Welsh SMS conversation end to end (issue 17): a text "CYMRAEG" is the resident's choice of
 * language, handed to the assistant as such; the following texts are answered (in Welsh: bot/'s
 * words) through the Twilio stand-in, and a Welsh reply's options are asked for in Welsh.
 */
import { jest } from '@jest/globals';
import type { InboundMessage } from '../../bot/index.js';
import { languageKeyword } from './sms-inbound.js';
import { renderSms } from './sms-render.js';
import { startSmsHarness, type SmsHarness } from './sms-harness.fixture.js';

let h: SmsHarness;
let phoneCounter = 0;
const newPhone = () => `+4477009${String(30000 + ++phoneCounter).slice(-5)}`;
const received: Partial<InboundMessage>[] = [];

beforeAll(async () => {
  h = await startSmsHarness();
  const receive = h.server.assistant.receive.bind(h.server.assistant);
  jest.spyOn(h.server.assistant, 'receive').mockImplementation(((...args: Parameters<typeof receive>) => {
    if (typeof args[1] === 'object' && args[1]) received.push(args[1] as Partial<InboundMessage>);
    return receive(...args);
  }) as typeof receive);
}, 120_000);
afterAll(async () => {
  await h?.close();
});

async function conversationOf(phone: string) {
  return h.server.store.db
    .selectFrom('conversations')
    .selectAll()
    .where('tenant_id', '=', h.server.tenant)
    .where('channel', '=', 'sms')
    .where('channel_user_id', '=', phone)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
}

async function repliesTo(phone: string) {
  const rows = await h.server.store.db
    .selectFrom('messages')
    .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
    .select(['messages.parts', 'messages.text'])
    .where('conversations.channel_user_id', '=', phone)
    .where('messages.direction', '=', 'out')
    .orderBy('messages.id')
    .execute();
  return rows.map((r) => ({ text: r.text, parts: (typeof r.parts === 'string' ? JSON.parse(r.parts) : r.parts) as { language?: string } | null }));
}

test('"CYMRAEG", "ENGLISH" (and "Welsh", "Saesneg") alone are a choice of language; in a sentence they are not', () => {
  expect(languageKeyword('CYMRAEG')).toBe('cy');
  expect(languageKeyword(' cymraeg. ')).toBe('cy');
  expect(languageKeyword('Welsh')).toBe('cy');
  expect(languageKeyword('ENGLISH')).toBe('en');
  expect(languageKeyword('Saesneg')).toBe('en');
  expect(languageKeyword('I want to speak Welsh please')).toBeNull();
  expect(languageKeyword('STOP')).toBeNull();
});

test('a Welsh SMS conversation: CYMRAEG chooses Welsh for the number, the next texts are answered in it', async () => {
  const phone = newPhone();
  const before = received.length;
  const first = await h.text(phone, 'CYMRAEG', 1);
  expect(first).toHaveLength(1);
  const chose = received.slice(before).find((m) => m.text === 'CYMRAEG');
  expect(chose).toMatchObject({ channel: 'sms', language: 'cy' });

  // A Welsh question; no choice is sent with it: the conversation keeps the resident's.
  const n = received.length;
  const answered = await h.text(phone, 'Pryd mae fy min yn cael ei gasglu?', 1);
  expect(answered.length).toBeGreaterThanOrEqual(1);
  expect(received.slice(n).find((m) => m.text?.startsWith('Pryd'))?.language).toBeUndefined();
  const conversation = await conversationOf(phone);
  expect((conversation as { language?: string | null }).language).toBe('cy');
  // Every reply the assistant stored for this number says it is in Welsh.
  const replies = await repliesTo(phone);
  expect(replies.length).toBeGreaterThanOrEqual(2);
  expect(replies.slice(-1)[0].parts?.language).toBe('cy');

  // ENGLISH switches back.
  const m = received.length;
  await h.text(phone, 'ENGLISH', 1);
  expect(received.slice(m).find((x) => x.text === 'ENGLISH')).toMatchObject({ language: 'en' });
  expect((await repliesTo(phone)).slice(-1)[0].parts?.language).toBe('en');
}, 60_000);

test("a Welsh reply's options are asked for in Welsh; an English one's as before", () => {
  const suggestions = [
    { label: 'Ydw', value: 'yes' },
    { label: 'Nac ydw', value: 'no' },
  ];
  const welsh = renderSms({ text: 'Ydych chi am roi gwybod am hyn?', suggestions, language: 'cy' } as Parameters<typeof renderSms>[0]);
  expect(welsh.body).toMatch(/Atebwch 1 \(Ydw\) neu 2 \(Nac ydw\)\./);
  expect(welsh.body).not.toMatch(/Reply/);
  const english = renderSms({ text: 'Do you want to report this?', suggestions: [{ label: 'Yes', value: 'yes' }, { label: 'No', value: 'no' }] });
  expect(english.body).toMatch(/Reply 1 for Yes or 2 for No\./);
});

test('a Welsh question by SMS is answered in Welsh from the Welsh article, with its Welsh page; a missed bin is asked about in Welsh', async () => {
  const phone = newPhone();
  await h.text(phone, 'CYMRAEG', 1);
  let sms = await h.text(phone, "Sut dw i'n cofrestru i bleidleisio?", 1);
  // Should the safety model be unsure of the words, "Nac oes" answers its question and the message is decided as usual.
  if (/^Oes unrhyw un mewn perygl/.test(sms[0].body)) sms = await h.text(phone, 'Nac oes', 1);
  const body = sms.map((m) => m.body).join('\n');
  expect(body).toMatch(/Cofrestrwch i bleidleisio ar-lein yn gov\.uk\/register-to-vote/);
  expect(body).toMatch(/https:\/\/www\.merebrook\.gov\.uk\/cy\/elections\/register-to-vote/);
  expect(body).toMatch(/Oedd hyn yn ddefnyddiol\?/);
  expect(body).not.toMatch(/\b(Register|Was this|useful)\b/);

  let flow = await h.text(phone, 'Dydy fy min ddim wedi cael ei gasglu', 1);
  if (/^Oes unrhyw un mewn perygl/.test(flow[0].body)) flow = await h.text(phone, 'Nac oes', 1);
  // The Welsh flow's intro and its address question (cy/flows/missed-bin.yaml), not the English ones.
  expect(flow.map((m) => m.body).join('\n')).toMatch(/Gallaf roi gwybod am fin heb ei gasglu[\s\S]*Beth yw'r cyfeiriad\?/);
  const choose = (await h.text(phone, 'MB1 1AD', 1)).map((m) => m.body).join('\n');
  expect(choose).toMatch(/Des i o hyd i 8 o gyfeiriadau yn MB1 1AD\. Pa un yw e\?/);
  expect(choose).toMatch(/Dydy fy nghyfeiriad i ddim ar y rhestr/);
}, 60_000);
