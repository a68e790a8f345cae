import { allText, Resident, startTestServer, type TestServer } from '../test/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 120_000);
afterAll(async () => {
  await server?.close();
});

const resident = () => new Resident(server.url).start();

describe('a missed-bin report from greeting to case reference', () => {
  test('postcode, address choice, answers, consent and confirmation create a case', async () => {
    const r = await resident();
    const greeting = (await r.transcript()).messages[0];
    expect(greeting.text).toMatch(/Merebrook/);

    let replies = await r.say("my bin wasn't collected");
    expect(allText(replies)).toMatch(/address/i);
    expect(replies[0].askFor).toBe('address');

    replies = await r.say('MB1 1AD');
    expect(replies[0].suggestions?.some((s) => /High Street/.test(s.label))).toBe(true);
    replies = await r.say('2');
    expect(allText(replies)).toMatch(/Which bin/i);
    replies = await r.say('the blue one');
    expect(allText(replies)).toMatch(/6am/);
    replies = await r.say('yes');
    expect(allText(replies)).toMatch(/Which day/);
    replies = await r.say('yesterday');
    expect(allText(replies)).toMatch(/anything else/i);
    replies = await r.say('no');
    expect(allText(replies)).toMatch(/updates/i);
    replies = await r.say('yes please');
    replies = await r.say('07700 900123');
    expect(allText(replies)).toMatch(/check your report/i);
    expect(allText(replies)).toMatch(/2 High Street/);
    expect(allText(replies)).toMatch(/Recycling \(blue bin\)/);
    expect(allText(replies)).toMatch(/\+447700900123/);
    replies = await r.say('yes');
    const text = allText(replies);
    const ref = /MBC-\d{6}/.exec(text)?.[0];
    expect(ref).toBeDefined();

    // The case is in the store with the UPRN, the answers and the contact.
    const row = await server.store.db.selectFrom('cases').selectAll().where('tenant_id', '=', server.tenant).where('reference', '=', ref!).executeTakeFirstOrThrow();
    expect(row.service_id).toBe('waste.missed_collection');
    expect(row.uprn).toBe('100023450075');
    expect(row.summary).toMatch(/Recycling/);
    const contact = await server.store.db.selectFrom('contacts').selectAll().where('id', '=', row.contact_id!).executeTakeFirstOrThrow();
    expect(contact.phone).toBe('+447700900123');

    // "What's happening with my report <ref>?" answers its status.
    replies = await r.say(`What's happening with my report ${ref}?`);
    expect(allText(replies)).toContain(ref!);
    expect(allText(replies)).toMatch(/received/i);
  });

  test('details in the first message are not asked again; a typed street address is matched with a spelling slip', async () => {
    const r = await resident();
    const first = await r.say('the green bin was not emptied today');
    expect(allText(first)).toMatch(/address/i);
    const replies = await r.say('4 Hihg Streat');
    // bin type came from the first message, so the next question is about 6am
    expect(allText(replies)).toMatch(/6am/);
  });
});

describe('duplicate reports', () => {
  test('a second report of the same problem at the same property joins the first case', async () => {
    const answers = ['MB1 1AS', '1', 'general rubbish', 'yes', 'skip', 'no', 'no', 'yes'];
    const first = await resident();
    await first.say('report a missed bin');
    let last: string = '';
    for (const a of answers) last = allText(await first.say(a));
    const ref = /Your reference is (MBC-\d{6})/.exec(last)?.[1];
    expect(ref).toBeDefined();
    const second = await resident();
    await second.say('my bin was missed');
    for (const a of answers) last = allText(await second.say(a));
    expect(last).toMatch(/already reported/);
    expect(last).toContain(ref!);
    const cases = await server.store.db.selectFrom('cases').select('id').where('tenant_id', '=', server.tenant).where('reference', '=', ref!).execute();
    const history = await server.store.db.selectFrom('case_status_history').select('note').where('case_id', '=', cases[0].id).execute();
    expect(history.map((h) => h.note).join(' ')).toMatch(/Reported again/);
  });
});

describe('commands inside a flow', () => {
  test('go back undoes the last answer; start again restarts; cancel leaves with nothing sent', async () => {
    const r = await resident();
    await r.say('report a missed bin');
    await r.say('MB1 1AD');
    await r.say('1');
    let replies = await r.say('go back');
    expect(allText(replies)).toMatch(/address/i);
    await r.say('MB1 1AD');
    replies = await r.say('3');
    expect(allText(replies)).toMatch(/Which bin/i);
    replies = await r.say('start again');
    expect(allText(replies)).toMatch(/start again/i);
    expect(allText(replies)).toMatch(/address/i);
    replies = await r.say('cancel');
    expect(allText(replies)).toMatch(/cancelled/i);
    const cases = await server.store.db.selectFrom('cases').select('id').where('conversation_id', '=', r.conversationId).execute();
    expect(cases).toHaveLength(0);
  });

  test('a different question mid-flow is answered, then the flow question is repeated', async () => {
    const r = await resident();
    await r.say('I need to report a pothole');
    const replies = await r.say('how much is a garden waste subscription?');
    expect(replies.length).toBeGreaterThanOrEqual(2);
    expect(allText(replies)).toMatch(/£/);
    expect(replies[replies.length - 1].text).toMatch(/carry on/i);
  });
});

describe('knowledge-base answers and feedback', () => {
  test('an information question is answered from an article, and "Was this useful?" is stored', async () => {
    const r = await resident();
    const replies = await r.say('how do I apply for a single person discount on council tax');
    expect(replies[0].card?.link?.url).toMatch(/^https:\/\/www\.merebrook\.gov\.uk\//);
    const ask = replies.find((m) => m.feedbackFor);
    expect(ask?.text).toMatch(/useful/i);
    const after = await r.say('Yes, it helped');
    expect(allText(after)).toMatch(/thank/i);
    const fb = await server.store.db.selectFrom('feedback').selectAll().where('conversation_id', '=', r.conversationId).execute();
    expect(fb).toHaveLength(1);
    expect(fb[0].useful).toBe(true);
    expect(fb[0].article_id).toBe(ask!.feedbackFor!.articleId);
  });
});

describe('safety, clarification and handoff', () => {
  test('a safety disclosure is signposted and queued as urgent, whatever the flow', async () => {
    const r = await resident();
    await r.say('report a missed bin');
    const replies = await r.say("honestly I can't go on any more");
    const handoff = replies.find((m) => m.handoff)?.handoff;
    expect(handoff?.priority).toBe('urgent');
    expect(allText(replies)).toMatch(/999/);
    expect(allText(replies)).toMatch(/116 123/);
    const t = await r.transcript();
    expect(t.state).toBe('queued');
    const h = await server.store.db.selectFrom('handoffs').selectAll().where('conversation_id', '=', r.conversationId).executeTakeFirstOrThrow();
    expect(h.priority).toBe('urgent');
    expect(h.queue).toBe('safeguarding');
    expect(h.summary).toMatch(/missed bin/i);
  });

  test('asking for a person queues the conversation and says what happens next', async () => {
    const r = await resident();
    const replies = await r.say('can I speak to a real person please');
    const h = replies.find((m) => m.handoff)?.handoff;
    expect(h).toMatchObject({ reason: 'resident_request', priority: 'normal' });
    expect(allText(replies)).toMatch(/team/);
    expect((await r.transcript()).state).toBe('queued');
    const later = await r.say('are you there?');
    expect(allText(later)).toMatch(/queue/i);
  });

  test('two misunderstandings lead to the offer of a person', async () => {
    const r = await resident();
    await r.say('zxqv plorb');
    const replies = await r.say('wibble fnord grx');
    expect(replies.some((m) => m.suggestions?.some((s) => /person/i.test(s.label)))).toBe(true);
    const taken = await r.say('yes');
    expect(taken.some((m) => m.handoff)).toBe(true);
  });

  test('an unknown case reference is reported as not found', async () => {
    const r = await resident();
    const replies = await r.say('any update on MBC-000001?');
    expect(allText(replies)).toMatch(/can't find/i);
  });
});

describe('idempotency and ordering', () => {
  test('a repeated client message id is answered once, with the same replies', async () => {
    const r = await resident();
    const a = await r.send('report a missed bin', 'client-1');
    const b = await r.send('report a missed bin', 'client-1');
    expect(b.status).toBe(200);
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    expect(b.messages).toEqual(a.messages);
    const t = await r.transcript();
    expect(t.messages.filter((m) => m.direction === 'in')).toHaveLength(1);
  });

  test('concurrent messages of one conversation are answered one at a time, in arrival order', async () => {
    const r = await resident();
    await r.say('report a missed bin');
    // Fire three answers at once: each must be processed against the state the previous left.
    const answers = ['MB1 1AD', '2', 'recycling'];
    await Promise.all(answers.map((text, i) => new Promise((res) => setTimeout(res, i * 15)).then(() => r.send(text, `c-${i}`))));
    const t = await r.transcript();
    const inbound = t.messages.filter((m) => m.direction === 'in').map((m) => m.text);
    expect(inbound).toEqual(['report a missed bin', 'MB1 1AD', '2', 'recycling']);
    const out = t.messages.filter((m) => m.direction === 'out').map((m) => m.text);
    expect(out[out.length - 1]).toMatch(/6am/);
  });
});
