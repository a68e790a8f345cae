/** Issue 17: a follow-up right after an article is answered in context, with no LLM configured (the default). */
import { allText, Resident, startTestServer, type TestServer } from '../../test/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 120_000);
afterAll(async () => {
  await server?.close();
});

test('"I live on my own" after the council tax discount answer is answered from that article, with its link', async () => {
  const r = await new Resident(server.url).start();
  const first = await r.say('can I get a discount on my council tax');
  expect(first.some((m) => m.feedbackFor)).toBe(true);
  const replies = await r.say('I live on my own');
  const text = allText(replies);
  expect(text).not.toMatch(/isn't something the council deals with/);
  expect(text).toMatch(/25%/);
  expect(text).toMatch(/only adult/);
  const link = replies.find((m) => (m as { link?: { url: string } }).link) as { link: { url: string } } | undefined;
  expect(link?.link.url).toMatch(/^https:\/\/www\.merebrook\.gov\.uk\/council-tax\//);
  // The follow-up path answered it (not the recogniser's own placing of the message).
  const row = await server.store.db
    .selectFrom('messages')
    .select('recognition')
    .where('conversation_id', '=', r.conversationId)
    .where('direction', '=', 'in')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  const recognition = (typeof row.recognition === 'string' ? JSON.parse(row.recognition) : row.recognition) as { answer?: { kind: string; mode: string } };
  expect(recognition.answer).toMatchObject({ kind: 'passage', mode: 'follow_up' });
  // It asks again whether the answer was useful: a "no" is feedback, as after the article.
  expect(replies.at(-1)?.feedbackFor).toBeDefined();
});

test('a message after an article that is about something else is not forced into it', async () => {
  const r = await new Resident(server.url).start();
  await r.say('can I get a discount on my council tax');
  const replies = await r.say('what is the capital of France');
  expect(allText(replies)).not.toMatch(/25%/);
});

test('in Welsh: "what about full-time students?" after the Welsh discount answer is answered from the Welsh article, with its Welsh page', async () => {
  const r = await new Resident(server.url).start();
  await r.say('Cymraeg');
  let first = await r.say('Alla i gael disgownt ar fy nhreth gyngor?');
  // Asked which service it is: the buttons name the services in Welsh, and the Welsh name picks the service.
  if (first[0].suggestions?.some((s) => s.label === "Gostyngiadau ac eithriadau'r dreth gyngor")) {
    expect(first[0].suggestions.map((s) => s.label)).not.toContain('Council tax discounts and exemptions');
    first = await r.say("Gostyngiadau ac eithriadau'r dreth gyngor");
  }
  expect(first.some((m) => m.feedbackFor)).toBe(true);
  const replies = await r.say('Beth am fyfyrwyr llawn amser?');
  const text = allText(replies);
  expect(text).toMatch(/myfyrwyr llawn amser/);
  expect(text).not.toMatch(/only adult|isn't something the council deals with/);
  const link = replies.find((m) => (m as { link?: { url: string } }).link) as { link: { label: string; url: string } } | undefined;
  expect(link?.link.url).toMatch(/^https:\/\/www\.merebrook\.gov\.uk\/cy\/council-tax\//);
  // The link is named by the Welsh page's title.
  expect(link?.link.label).toMatch(/treth gyngor|Disgownt|Gostyngiadau/i);
  expect(replies.every((m) => (m as { language?: string }).language === 'cy')).toBe(true);
  const row = await server.store.db
    .selectFrom('messages')
    .select('recognition')
    .where('conversation_id', '=', r.conversationId)
    .where('direction', '=', 'in')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  const recognition = (typeof row.recognition === 'string' ? JSON.parse(row.recognition) : row.recognition) as { answer?: { kind: string; mode: string } };
  expect(recognition.answer).toMatchObject({ kind: 'passage', mode: 'follow_up' });
});

test('in Welsh: "I live on my own" after the Welsh discount answer is the single person discount, not a risk', async () => {
  const r = await new Resident(server.url).start();
  await r.say('Cymraeg');
  let first = await r.say('Alla i gael disgownt ar fy nhreth gyngor?');
  if (first[0].suggestions?.some((s) => s.label === "Gostyngiadau ac eithriadau'r dreth gyngor")) first = await r.say("Gostyngiadau ac eithriadau'r dreth gyngor");
  expect(first.some((m) => m.feedbackFor)).toBe(true);
  const text = allText(await r.say("Dw i'n byw ar fy mhen fy hun"));
  expect(text).toMatch(/25%/);
  expect(text).not.toMatch(/perygl|999/);
});
