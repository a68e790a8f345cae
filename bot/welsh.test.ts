/**
 * Welsh parity of what the assistant itself says (issue 17): the language chosen per turn, kept per
 * conversation and per contact, never flipped by "ok" or a postcode, Welsh replies from the Welsh
 * articles and flows, every reply marked with its language, a Welsh handoff stored as Welsh.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { createConversation, findConversation, partsOf, transcript, type ConversationRow } from '../store/index.js';
import { startTestServer, type TestServer } from '../test/server.js';
import type { InboundMessage, Language } from './messages.js';

// A Wednesday morning: the council is open.
const weekday = () => new Date('2026-11-25T10:30:00Z');

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ clock: weekday });
}, 180_000);
afterAll(async () => {
  await server?.close();
});

const db = () => server.store.db;

async function conversation(channel = 'webchat', channelUserId?: string, contactId?: string): Promise<ConversationRow> {
  return createConversation(db(), { tenant: server.tenant, channel, channelUserId, contactId });
}

async function say(c: ConversationRow, text: string, language?: Language) {
  const fresh = (await findConversation(db(), server.tenant, c.id))!;
  const inbound: InboundMessage = {
    tenant: server.tenant,
    channel: fresh.channel,
    channelUserId: fresh.channel_user_id,
    providerMessageId: randomUUID(),
    text,
    receivedAt: weekday(),
    ...(language ? { language } : {}),
  };
  return server.assistant.receive(fresh, inbound);
}

const text = (r: { replies: { text: string }[] }) => r.replies.map((m) => m.text).join('\n');

/**
 * Says `words`; should the safety model be unsure of them (it is retrained as the pack's phrases
 * change), the Welsh question is answered "Nac oes" and the message is then decided as usual.
 */
async function sayPastDangerCheck(c: ConversationRow, words: string) {
  const r = await say(c, words);
  if (r.action !== 'danger_check') return r;
  expect(text(r)).toMatch(/^Oes unrhyw un mewn perygl ar hyn o bryd\?/);
  expect(r.replies[0].suggestions?.map((s) => s.label)).toEqual(['Oes', 'Nac oes']);
  return say(c, 'Nac oes');
}

async function languages(c: ConversationRow): Promise<{ conversation: string | null; contact: string | null }> {
  const row = await sql<{ conversation: string | null; contact: string | null }>`
    select c.language as conversation, k.language as contact
    from conversations c left join contacts k on k.id = c.contact_id
    where c.id = ${c.id}`.execute(db());
  return row.rows[0];
}

/** A contact of its own for a web chat conversation (web chats get one at start in the API). */
async function contact(): Promise<string> {
  const id = randomUUID();
  await sql`insert into contacts (id, tenant_id) values (${id}, ${server.tenant})`.execute(db());
  return id;
}

describe('a Welsh conversation through Assistant.receive', () => {
  test('the choice, a Welsh article, a Welsh flow, and "gorffen sgwrs"', async () => {
    const c = await conversation('webchat', undefined, await contact());

    const chosen = await say(c, 'Cymraeg');
    expect(chosen.action).toBe('language_chosen');
    expect(text(chosen)).toMatch(/fe wnawn ni barhau yn Gymraeg/);
    expect(chosen.replies[0].language).toBe('cy');
    expect(chosen.replies[0].suggestions?.map((s) => s.label)).toContain('Siarad â pherson');
    expect(await languages(c)).toEqual({ conversation: 'cy', contact: 'cy' });

    // A Welsh question: answered from the Welsh article (its Welsh page), in Welsh.
    const answer = await sayPastDangerCheck(c, "Sut dw i'n cofrestru i bleidleisio?");
    expect(answer.action).toBe('answer');
    expect(answer.replies[0].card?.link?.url).toMatch(/merebrook\.gov\.uk\/cy\//);
    expect(answer.replies[0].card?.link?.label).toMatch(/ar ein gwefan$/);
    expect(text(answer)).toMatch(/Oedd hyn yn ddefnyddiol\?/);
    expect(answer.replies.every((r) => r.language === 'cy')).toBe(true);

    // A Welsh flow: its Welsh prompt, the engine's own words in Welsh, a Welsh short answer understood.
    const flow = await sayPastDangerCheck(c, 'Dw i eisiau rhoi gwybod am dwll yn y ffordd');
    expect(flow.action).toBe('flow_start:pothole');
    expect(text(flow)).toMatch(/Ble mae'r twll\?/);
    expect(text(flow)).toMatch(/Gallwch chi ddweud "canslo"/);
    const size = await say(c, 'y tu allan i 14 Kings Road');
    expect(text(size)).toMatch(/Pa mor fawr yw e\?/);
    expect(size.replies[0].suggestions?.some((s) => s.label === 'Mynd yn ôl')).toBe(true);
    const back = await say(c, 'Mynd yn ôl');
    expect(text(back)).toMatch(/Iawn, yn ôl â ni\.[\s\S]*Ble mae'r twll\?/);
    const cancelled = await say(c, 'Canslo');
    expect(text(cancelled)).toMatch(/rydw i wedi canslo hynny/);

    // "End chat" in Welsh closes the conversation, in Welsh.
    const ended = await say(c, 'gorffen sgwrs');
    expect(ended.action).toBe('chat_ended');
    expect(ended.state).toBe('closed');
    expect(text(ended)).toMatch(/Rydych chi wedi dod â'r sgwrs hon i ben\./);
    expect(ended.replies.every((r) => r.language === 'cy')).toBe(true);

    // The stored replies carry the language too (what web chat reads back and channels render).
    const stored = (await transcript(db(), server.tenant, c.id)).filter((m) => m.direction === 'out');
    expect(stored.length).toBeGreaterThan(5);
    expect(stored.map((m) => partsOf<{ language?: string }>(m)?.language)).toEqual(stored.map(() => 'cy'));
  });

  test('a Welsh request for a person is a handoff stored as Welsh, told in Welsh', async () => {
    const c = await conversation();
    await say(c, 'Cymraeg');
    const handed = await say(c, 'Siarad â pherson');
    expect(handed.state).toBe('queued');
    expect(text(handed)).toMatch(/tîm|ciw/);
    expect(handed.replies[0].language).toBe('cy');
    const row = await sql<{ language: string | null }>`select language from handoffs where conversation_id = ${c.id}`.execute(db());
    expect(row.rows).toEqual([{ language: 'cy' }]);
  });
});

describe('the language per turn', () => {
  test('remembered on the contact: their next conversation starts in Welsh', async () => {
    const number = `+4477009${String(Math.floor(Math.random() * 100000)).padStart(5, '0')}`;
    const k = await contact();
    const first = await conversation('sms', number, k);
    await say(first, 'Cymraeg');
    expect((await languages(first)).contact).toBe('cy');

    const second = await conversation('sms', number, k);
    const reply = await say(second, 'helo');
    expect(reply.replies[0].language).toBe('cy');
    expect(await languages(second)).toEqual({ conversation: 'cy', contact: 'cy' });
  });

  test('"ok", a postcode or a reference never switch a Welsh conversation; a Welsh sentence switches an English one', async () => {
    const c = await conversation();
    await say(c, 'Cymraeg');
    for (const t of ['ok', 'MB1 1AD', 'yes']) {
      const r = await say(c, t);
      expect(r.replies.every((m) => m.language === 'cy')).toBe(true);
    }
    expect((await languages(c)).conversation).toBe('cy');

    const english = await conversation();
    const en = await say(english, 'ok');
    expect(en.replies.every((m) => m.language === 'en')).toBe(true);
    const cy = await sayPastDangerCheck(english, "Mae'r bin ailgylchu wedi torri ac mae angen un newydd arna i");
    expect(cy.replies.every((m) => m.language === 'cy')).toBe(true);
    expect((await languages(english)).conversation).toBe('cy');
    // "English" switches back, and says so in English.
    const back = await say(english, 'English');
    expect(text(back)).toMatch(/we'll carry on in English/);
    expect((await languages(english)).conversation).toBe('en');
  });

  test("the widget's explicit choice outranks what the message looks like", async () => {
    const c = await conversation();
    const r = await say(c, 'When is my bin day?', 'cy');
    expect(r.replies.every((m) => m.language === 'cy')).toBe(true);
    expect((await languages(c)).conversation).toBe('cy');
  });

  test('English conversations answer exactly as before, marked English', async () => {
    const c = await conversation();
    const r = await say(c, 'can I speak to a real person please');
    expect(r.replies[0].text).toMatch(/^I'm passing you to our|^Nobody in our/);
    expect(r.replies[0].language).toBe('en');
  });
});

describe('Welsh end to end: lookups, addresses, names and the case staff read', () => {
  test('the bin-day answer is Welsh (days, dates, the missed-bin button), and finding the address speaks Welsh', async () => {
    const c = await conversation();
    await say(c, 'Cymraeg');
    const asked = await sayPastDangerCheck(c, 'Pryd mae fy niwrnod bin?');
    expect(asked.action).toBe('flow_start:bin-day');
    // A postcode with several addresses: the gazetteer's reply and its "not listed" button in Welsh.
    const choose = await say(c, 'MB1 1AD');
    expect(text(choose)).toMatch(/^Des i o hyd i 8 o gyfeiriadau yn MB1 1AD\. Pa un yw e\?/);
    const labels = choose.replies[0].suggestions?.map((s) => s.label) ?? [];
    expect(labels).toContain('Dydy fy nghyfeiriad i ddim ar y rhestr');
    expect(labels.join(' ')).not.toMatch(/not listed/);
    const notListed = await say(c, 'Dydy fy nghyfeiriad i ddim ar y rhestr');
    expect(text(notListed)).toMatch(/Teipiwch rif eich tŷ ac enw'r stryd\./);
    const answer = await say(c, '1 High Street, MB1 1AD');
    expect(answer.action).toBe('lookup');
    const words = text(answer);
    // 25 November 2026 is a Wednesday; the address is collected on Tuesdays (week A).
    expect(words).toMatch(/^Mae'r biniau yn 1 High Street.* yn cael eu casglu bob dydd Mawrth\. Mae cadis gwastraff bwyd yn cael eu casglu bob wythnos\./);
    expect(words).toMatch(/- Y casgliad sbwriel cyffredinol nesaf \(bin gwyrdd\): dydd Mawrth, \d+ Rhagfyr/);
    expect(words).toMatch(/- Y casgliad ailgylchu nesaf \(bin glas\): dydd Mawrth, \d+ Rhagfyr/);
    expect(words).toMatch(/Rhowch eich biniau allan erbyn 6am ar y diwrnod casglu\./);
    expect(words).not.toMatch(/\b(Bins|collected|Next|Tuesday|December)\b/);
    expect(answer.replies[0].suggestions).toEqual([{ label: 'Rhoi gwybod am fin heb ei gasglu', value: 'Rhoi gwybod am fin heb ei gasglu' }]);
  });

  test('a Welsh pothole report: Welsh replies naming the Welsh team; the case summary and fields are the English flow\'s labels with the resident\'s own words', async () => {
    const c = await conversation('webchat', undefined, await contact());
    await say(c, 'Cymraeg');
    const flow = await sayPastDangerCheck(c, 'Dw i eisiau rhoi gwybod am dwll yn y ffordd');
    expect(flow.action).toBe('flow_start:pothole');
    expect(text(await say(c, 'wrth y safle bws ar Mill Lane gyferbyn â’r ysgol'))).toMatch(/Pa mor fawr yw e\?/);
    expect(text(await say(c, 'mawr'))).toMatch(/Ble yn y ffordd mae e\?/);
    expect(text(await say(c, 'lôn feiciau'))).toMatch(/Ydy'r twll yn peryglu unrhyw un/);
    expect(text(await say(c, 'na'))).toMatch(/Oes unrhyw beth arall/);
    expect(text(await say(c, 'Mae’r twll tua troedfedd o led, ger y draen'))).toMatch(/Hoffech chi gael diweddariadau/);
    const check = await say(c, 'na');
    expect(check.replies.at(-1)?.suggestions?.map((x) => x.label)).toEqual(['Ie, anfonwch e', 'Mynd yn ôl', 'Canslo']);
    // The resident's check is in Welsh: the Welsh option labels.
    expect(text(check)).toMatch(/Mawr - mwy na phlât cinio/);
    const sent = await say(c, 'ie');
    expect(sent.action).toBe('case_created');
    expect(text(sent)).toMatch(/^Diolch\. Mae eich adroddiad wedi'i anfon\. Eich cyfeirnod yw MBC-/);
    // The team in the Welsh sentence is its Welsh name (settings welsh.queues), never "highways".
    expect(text(sent)).toMatch(/mae ein tîm priffyrdd a'r strydlun yn anelu/);
    const reference = /MBC-[0-9A-Z-]+/.exec(text(sent))![0];
    const row = await db().selectFrom('cases').selectAll().where('tenant_id', '=', server.tenant).where('reference', '=', reference).executeTakeFirstOrThrow();
    // Staff and back offices read English option labels; what the resident typed stays as they wrote it.
    expect(row.summary).toMatch(/^Pothole \(Large - bigger than a dinner plate and deeper than a brick, In a cycle lane\) at wrth y safle bws ar Mill Lane gyferbyn â’r ysgol.*; risk or injury: no$/);
    const stored = (typeof row.details === 'string' ? JSON.parse(row.details) : row.details) as { answers: Record<string, string>; values: Record<string, unknown> };
    expect(stored.answers).toMatchObject({ size: 'Large - bigger than a dinner plate and deeper than a brick', position: 'In a cycle lane', atRisk: 'no', details: 'Mae’r twll tua troedfedd o led, ger y draen' });
    expect(stored.values).toMatchObject({ size: 'large', position: 'cycle_lane', atRisk: 'no' });
    // Asked about later in Welsh, the report is named by the service's Welsh name (cy/services.json).
    const status = await say(c, `Beth yw hanes ${reference}?`);
    expect(text(status)).toMatch(new RegExp(`${reference} \\(Rhoi gwybod am dwll yn y ffordd\\)`));
    expect(text(status)).not.toMatch(/Report a pothole/);
  });

  test('a Welsh follow-up by SMS (no LLM): the Welsh article\'s passage, its link named "Rhagor"', async () => {
    const number = `+4477008${String(Math.floor(Math.random() * 100000)).padStart(5, '0')}`;
    const c = await conversation('sms', number, await contact());
    await say(c, 'Cymraeg');
    let first = await sayPastDangerCheck(c, 'Alla i gael disgownt ar fy nhreth gyngor?');
    if (first.action === 'clarify') {
      // The choices name the services in Welsh; the Welsh name selects the service.
      expect(first.replies[0].suggestions?.map((x) => x.label)).toContain("Gostyngiadau ac eithriadau'r dreth gyngor");
      first = await say(c, "Gostyngiadau ac eithriadau'r dreth gyngor");
    }
    expect(first.action).toBe('answer');
    const follow = await say(c, 'Beth am fyfyrwyr llawn amser?');
    expect(follow.action).toBe('answer');
    expect(follow.replies[0].text).toMatch(/myfyrwyr llawn amser/);
    expect(follow.replies[0].link).toEqual({ label: 'Rhagor', url: expect.stringMatching(/^https:\/\/www\.merebrook\.gov\.uk\/cy\//) });
  });

  test('a Welsh handoff names the queue in Welsh', async () => {
    const c = await conversation();
    await say(c, 'Cymraeg');
    const handed = await say(c, 'Siarad â pherson');
    expect(text(handed)).toMatch(/tîm gwasanaethau cwsmeriaid/);
    expect(text(handed)).not.toMatch(/Customer services/);
  });
});
