/**
 * Questions inside a flow, "start again", "can I send a photo" and the accessibility statement
 * (issue 17), through the real pipeline: web chat (the API), SMS (the Twilio stand-in) and the phone.
 */
import { startSmsHarness, type SmsHarness } from '../channels/twilio/sms-harness.fixture.js';
import { startVoiceApp, TwilioCall } from '../channels/twilio/voice/twilio-caller.fixture.js';
import { allText, Resident, startTestServer, type Reply, type TestServer } from '../test/server.js';

describe('web chat', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  }, 180_000);
  afterAll(async () => {
    await server?.close();
  });

  async function caseOf(reference: string) {
    return server.store.db.selectFrom('cases').selectAll().where('tenant_id', '=', server.tenant).where('reference', '=', reference).executeTakeFirstOrThrow();
  }

  /** Answers the pothole flow after its location, the way a resident would, until the reference. */
  async function finishPothole(r: Resident, last: Reply[]): Promise<string> {
    let replies = last;
    for (let i = 0; i < 10; i++) {
      const text = allText(replies);
      const ref = /MBC-\d{6}/.exec(text);
      if (ref) return ref[0];
      const prompt = replies[replies.length - 1];
      const pick = prompt.suggestions?.find((s) => !/Go back|Cancel|Skip|Talk to a person/.test(s.label));
      replies = await r.say(pick ? pick.value : 'no');
    }
    throw new Error('the pothole flow did not finish');
  }

  test('a question at the pothole location step is answered, the location asked again, and the question never stored', async () => {
    const r = await new Resident(server.url).start();
    const first = allText(await r.say('I want to report a pothole'));
    expect(first).toMatch(/Where is the pothole\?/);

    const photo = await r.say('can I upload a photo of the pothole');
    const text = allText(photo);
    expect(text).toMatch(/Add a photo or file/);
    expect(text).toMatch(/remove hidden details such as where it was taken/);
    // The pending question again, not the next one.
    expect(photo[photo.length - 1].text).toMatch(/^To carry on with your report: Where is the pothole\?/);
    expect(text).not.toMatch(/How big is it\?/);

    const timing = allText(await r.say('how long will it take to fix?'));
    expect(timing).toMatch(/highways team aims to deal with it within 5 working days/);
    expect(timing).toMatch(/Where is the pothole\?/);

    // A real answer still goes through, and the case holds it, not the questions.
    const size = await r.say('opposite the fish market on Harbour Road');
    expect(allText(size)).toMatch(/How big is it\?/);
    const reference = await finishPothole(r, size);
    const row = await caseOf(reference);
    const stored = JSON.stringify([row.location, row.details, row.summary]);
    expect(stored).toMatch(/fish market/);
    expect(stored).not.toMatch(/photo|how long/i);
  }, 60_000);

  test('"what happens next" and "do I need to be in" inside a flow are answered or passed to a person, never taken as the free-text answer', async () => {
    const r = await new Resident(server.url).start();
    await r.say('report fly tipping');
    const next = await r.say('what happens next?');
    expect(allText(next)).toMatch(/I'll send your report to our .+ team and give you a reference number/);
    expect(next[next.length - 1].text).toMatch(/^To carry on with your report:/);
    const presence = await r.say('do I need to be in?');
    // Either the service article says so, or a person is offered; the flow's question comes back either way.
    expect(allText(presence)).toMatch(/Talk to a person|be (in|home|there|present)|leave/i);
    expect(presence[presence.length - 1].text).toMatch(/^To carry on with your report:/);
    const transcript = await r.transcript();
    expect(transcript.state).toBe('bot');
  }, 60_000);

  test('in the bulky waste flow, "do I need to be in?" and "how much does it cost?" are answered from its article, the address step kept', async () => {
    const r = await new Resident(server.url).start();
    await r.say('book a bulky waste collection');
    const presence = await r.say('do I need to be in?');
    expect(presence[0].text).toMatch(/Put the items outside your property/);
    expect(presence[0].text).not.toMatch(/^On the day/);
    const cost = await r.say('how much does it cost?');
    expect(cost[0].text).toMatch(/£30 for up to 3 large items/);
    expect(cost[cost.length - 1].text).toMatch(/^To carry on with your report: What is the address for the collection\?/);
  }, 60_000);

  test('"start again" inside a report restarts it; "start again" outside one, and "start a new chat", reset the conversation', async () => {
    const r = await new Resident(server.url).start();
    await r.say('report a pothole');
    await r.say('opposite the fish market on Harbour Road');
    const restarted = allText(await r.say('start again'));
    expect(restarted).toMatch(/start again/i);
    expect(restarted).toMatch(/Where is the pothole\?/);

    const reset = allText(await r.say('start a new chat'));
    expect(reset).toMatch(/OK, let's start again\. The report you had started has not been sent\. What can I help you with\?/);
    // The report really is gone: a place now is not taken as its answer.
    const after = allText(await r.say('Harbour Road'));
    expect(after).not.toMatch(/How big is it\?/);

    const fresh = await new Resident(server.url).start();
    await fresh.say('how do I pay my council tax');
    const again = allText(await fresh.say('start again'));
    expect(again).toMatch(/^OK, let's start again\. What can I help you with\?$/);
  }, 60_000);

  test('"can I send a photo" and the accessibility statement get real answers outside a flow', async () => {
    const r = await new Resident(server.url).start();
    const photo = allText(await r.say('can I send you a photo?'));
    expect(photo).toMatch(/Add a photo or file/);
    expect(photo).toMatch(/JPEG, PNG or WebP photos and PDF files up to 10 MB/);
    const statement = await r.say('accessibility statement');
    expect(statement[0].card?.link?.url).toBe('https://www.merebrook.gov.uk/accessibility');
    expect(statement[0].text).toMatch(/WCAG 2\.2/);
  }, 60_000);
});

describe('SMS', () => {
  let h: SmsHarness;
  beforeAll(async () => {
    h = await startSmsHarness();
  }, 180_000);
  afterAll(async () => {
    await h?.close();
  });

  test('a photo question by text is told the truth (a UK number takes no picture messages) and where to send one; inside a report the question is asked again', async () => {
    const from = '+447700900746';
    const outside = (await h.text(from, 'can i send a pic', 1)).map((s) => s.body).join('\n');
    expect(outside).toMatch(/Texts to this number cannot carry photos\. You can send one in our web chat, on WhatsApp, by e-mail to contact@merebrook\.gov\.uk/);
    expect(outside).not.toMatch(/picture message/);
    await h.text(from, 'report a pothole', 1);
    const inside = (await h.text(from, 'can I send a photo of it?', 2)).map((s) => s.body).join('\n');
    expect(inside).toMatch(/cannot carry photos/);
    expect(inside).toMatch(/Where is the pothole\?/);
    const reset = (await h.text(from, 'start again from scratch', 1)).map((s) => s.body).join('\n');
    expect(reset).toMatch(/let's start again/);
  }, 60_000);
});

describe('voice', () => {
  // Wednesday 25 November 2026, 10:30 in London: the contact centre is open.
  const weekday = () => new Date('2026-11-25T10:30:00Z');
  let server: TestServer;
  let voice: Awaited<ReturnType<typeof startVoiceApp>>;
  beforeAll(async () => {
    server = await startTestServer({ clock: weekday });
    voice = await startVoiceApp(server, { clock: weekday });
  }, 180_000);
  afterAll(async () => {
    await voice?.close();
    await server?.close();
  });

  test('on the phone, a photo question is answered truthfully (no photos on a call) and the report question asked again', async () => {
    const c = new TwilioCall(voice.url, '+447700900732');
    await c.start();
    await c.say('I want to report a pothole');
    const r = await c.say('can I send you a photo of it');
    expect(r.spoken).toMatch(/can't take photos on a phone call/);
    expect(r.spoken).toMatch(/Where is the pothole\?/);
  }, 60_000);
});
