/**
 * Issue 17: answers written from the council's pages through an OpenAI-compatible endpoint (the
 * local stand-in LLM): cited from retrieved passages only, checked sentence by sentence, falling
 * back to the article, personal data redacted, disclosures never sent.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { allText, Resident, startTestServer, type Reply, type TestServer } from '../../test/server.js';
import { startLlmStandIn, type LlmStandIn } from '../../test/llm-stand-in.js';

let server: TestServer;
let llm: LlmStandIn;

beforeAll(async () => {
  llm = await startLlmStandIn();
  const tenant = `demo-llm-${randomUUID().slice(0, 8)}`;
  const contentDir = fs.mkdtempSync(path.join(os.tmpdir(), 'content-'));
  fs.cpSync(path.resolve('content/demo'), path.join(contentDir, tenant), { recursive: true });
  const settings = path.join(contentDir, tenant, 'settings.yaml');
  fs.writeFileSync(settings, `${fs.readFileSync(settings, 'utf8').replace(/^tenant: demo$/m, `tenant: ${tenant}`)}\nanswers:\n  generate: true\n  maxPassages: 4\n`);
  server = await startTestServer({
    contentDir,
    env: { ...process.env, ANSWERS_LLM: 'llm', LLM_BASE_URL: llm.baseURL, LLM_MODEL: 'stand-in', ANSWERS_EMBEDDING_MODEL: 'stand-in-embeddings', ANSWERS_TIMEOUT_MS: '4000' }, // long enough for a busy CI machine; the stand-in's "timeout" mode never answers
  });
}, 120_000);
afterAll(async () => {
  await server?.close();
  await llm?.close();
});
beforeEach(() => {
  llm.mode = 'answer';
});

type Linked = Reply & { link?: { label: string; url: string } };

/** The passages ("Title: Heading") of the last prompt the stand-in was sent. */
function lastPromptPassages(): string[] {
  const chats = llm.requests.filter((r) => r.path.endsWith('/chat/completions'));
  const user = ((chats.at(-1)?.body.messages ?? []) as { role: string; content: string }[]).find((m) => m.role === 'user')?.content ?? '';
  return [...user.matchAll(/^\[\d+\] (.+)$/gm)].map((m) => m[1]);
}

async function lastRecognition(conversationId: string): Promise<{ answer?: Record<string, unknown> }> {
  const row = await server.store.db
    .selectFrom('messages')
    .select('recognition')
    .where('conversation_id', '=', conversationId)
    .where('direction', '=', 'in')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return (typeof row.recognition === 'string' ? JSON.parse(row.recognition) : row.recognition) as { answer?: Record<string, unknown> };
}

const chatCount = () => llm.requests.filter((r) => r.path.endsWith('/chat/completions')).length;

test('a written answer cites only the passages it was given, with their links', async () => {
  const r = await new Resident(server.url).start();
  const before = chatCount();
  const replies = (await r.say('how can I pay my council tax')) as Linked[];
  expect(chatCount()).toBe(before + 1);
  const [answer] = replies;
  expect(answer.text).toMatch(/\[1\]/);
  const cited = [...answer.text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
  expect(Math.max(...cited)).toBeLessThanOrEqual(2);
  // [1]'s link names a passage the prompt numbered.
  const given = lastPromptPassages();
  expect(given.length).toBeGreaterThan(0);
  expect(given).toContain(answer.link!.label.replace(/^\[1\] /, ''));
  expect(answer.link!.url).toMatch(/^https:\/\/www\.merebrook\.gov\.uk\//);
  expect((await lastRecognition(r.conversationId)).answer).toMatchObject({ kind: 'written', mode: 'article', dropped: 0 });
  expect(replies.at(-1)?.feedbackFor).toBeDefined();
});

test('a follow-up after an article is answered in context by the LLM', async () => {
  const r = await new Resident(server.url).start();
  await r.say('can I get a discount on my council tax');
  const replies = await r.say('I live on my own');
  expect(allText(replies)).toMatch(/25%/);
  expect(allText(replies)).not.toMatch(/isn't something the council deals with/);
  expect((await lastRecognition(r.conversationId)).answer).toMatchObject({ kind: 'written', mode: 'follow_up' });
  // The model was given the earlier question to read the follow-up by.
  expect(llm.chatText()).toMatch(/Earlier messages from the resident:\n- can I get a discount on my council tax/);
});

test('an unsupported sentence is dropped; an answer with no support falls back to the article', async () => {
  llm.mode = 'unsupported';
  const r = await new Resident(server.url).start();
  let replies = await r.say('how can I pay my council tax');
  expect(allText(replies)).toMatch(/\[1\]/);
  expect(allText(replies)).not.toMatch(/Dalmatian|50%/);
  expect((await lastRecognition(r.conversationId)).answer).toMatchObject({ kind: 'written', dropped: 1 });

  llm.mode = 'only_unsupported';
  const s = await new Resident(server.url).start();
  replies = await s.say('how can I pay my council tax');
  expect(allText(replies)).not.toMatch(/Dalmatian|\[1\]/);
  // The article as without an LLM: its summary in a card with its link.
  expect(replies[0].card?.link?.url).toMatch(/merebrook\.gov\.uk/);
  expect((await lastRecognition(s.conversationId)).answer).toMatchObject({ kind: 'fallback', reason: 'unsupported' });
});

test.each([
  ['refuse', 'refused'],
  ['timeout', 'timeout'],
  ['error', 'failed'],
] as const)('when the model does "%s", the article is the answer', async (mode, reason) => {
  llm.mode = mode;
  const r = await new Resident(server.url).start();
  const replies = await r.say('how can I pay my council tax');
  expect(replies[0].card?.link?.url).toMatch(/merebrook\.gov\.uk/);
  expect(replies.at(-1)?.feedbackFor).toBeDefined();
  expect((await lastRecognition(r.conversationId)).answer).toMatchObject({ kind: 'fallback', reason });
});

test('personal data is redacted from what the LLM receives', async () => {
  const r = await new Resident(server.url).start();
  const before = llm.requests.length;
  // Earlier messages go as context, the latest as the question: both redacted.
  await r.say('My name is Jo Bloggs and my postcode is MB1 1AD');
  await r.say('how can I pay my council tax');
  await r.say('I live at 14 Mill Lane, ring 07700 900123 or jo.bloggs@example.com');
  const sent = llm.requests.slice(before);
  expect(sent.filter((q) => q.path.endsWith('/chat/completions')).length).toBeGreaterThanOrEqual(2);
  // What the resident said as it left: the prompt after the passages, and the query's embedding input (passages are the council's words).
  const residentParts = sent.map((q) => {
    if (q.path.endsWith('/embeddings')) return Array.isArray(q.body.input) && q.body.input.length === 1 ? String(q.body.input[0]) : '';
    const user = ((q.body.messages ?? []) as { role: string; content: string }[]).find((m) => m.role === 'user')?.content ?? '';
    return user.slice(Math.max(0, user.search(/Earlier messages from the resident:|Resident's latest message:/)));
  });
  expect(residentParts.join('\n')).toMatch(/council tax/);
  const text = residentParts.join('\n');
  for (const personal of ['Bloggs', 'Jo ', 'Mill Lane', 'MB1 1AD', '07700', '900123', 'example.com']) expect(text).not.toContain(personal);
  expect(text).toContain('[postcode]');
  expect(text).toContain('[name]');
  expect(text).toContain('[address]');
  expect(text).toContain('[phone]');
  expect(text).toContain('[email]');
});

test('a safety disclosure never reaches the LLM', async () => {
  const r = await new Resident(server.url).start();
  const before = llm.requests.length;
  const replies = await r.say('I want to end my life, how do I pay my council tax');
  // Escalated, or asked about first ("Is anyone in danger right now?"): either way the screen came first.
  expect(replies.some((m) => m.handoff?.priority === 'urgent' || /danger/i.test(m.text))).toBe(true);
  // A "no" decides the message as usual, from the article: its words still never go to the LLM.
  if (replies.some((m) => /danger/i.test(m.text))) await r.say('no');
  expect(JSON.stringify(llm.requests.slice(before))).not.toMatch(/end my life/);
  expect(llm.requests.slice(before).filter((q) => q.path.endsWith('/chat/completions'))).toHaveLength(0);
});

test('in Welsh: the prompt asks for Welsh, the passages are the Welsh pages, and the answer links the Welsh page', async () => {
  const r = await new Resident(server.url).start();
  await r.say('Cymraeg');
  const before = chatCount();
  let replies = await r.say("Sut dw i'n cofrestru i bleidleisio?");
  if (/^Oes unrhyw un mewn perygl/.test(allText(replies))) replies = await r.say('Nac oes');
  expect(chatCount()).toBe(before + 1);
  const chat = llm.requests.filter((x) => x.path.endsWith('/chat/completions')).at(-1)!;
  const system = ((chat.body.messages ?? []) as { role: string; content: string }[]).find((m) => m.role === 'system')?.content ?? '';
  expect(system).toMatch(/Write the answer in Welsh \(Cymraeg\)/);
  expect(system).toMatch(/Cyngor Bwrdeistref Merebrook/);
  // Only the Welsh pages' passages were retrieved (their Welsh titles).
  const passages = lastPromptPassages();
  expect(passages.length).toBeGreaterThan(0);
  expect(passages.some((p) => /Cofrestru i bleidleisio/.test(p))).toBe(true);
  expect(passages.join(' ')).not.toMatch(/Register to vote/);
  const answer = replies.find((m) => (m as Linked).link) as Linked | undefined;
  expect(answer?.link?.url).toMatch(/^https:\/\/www\.merebrook\.gov\.uk\/cy\//);
  expect(answer?.text).toMatch(/bleidleisio|Cofrestrwch/);
  expect(replies.every((m) => (m as { language?: string }).language === 'cy')).toBe(true);
  expect((await lastRecognition(r.conversationId)).answer).toMatchObject({ kind: 'written', mode: 'article' });
});
