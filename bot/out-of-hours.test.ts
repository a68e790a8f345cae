/**
 * Out of hours, through the real Assistant: an ordinary request is told when the team is back and
 * can book a call-back request; a safety disclosure is told only what will really happen (the
 * duty officer is alerted only when someone is on the rota and a referral can be sent).
 */
import { notifyConfiguredForTests } from '../notify/notify-stand-in.fixture.js';
import { addRotaEntry, rotaEntryInput } from '../handoff/referrals/index.js';
import { allText, Resident, startTestServer, type TestServer } from '../test/server.js';

// Sunday 22 November 2026, 14:00 in London: the contact centre is closed.
const sunday = () => new Date('2026-11-22T14:00:00Z');
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ clock: sunday });
}, 120_000);
afterAll(async () => {
  await server?.close();
});

test('out of hours the resident is told so, and a call-back is a slot chosen from the council\'s hours (issue 14: a work item, not a case)', async () => {
  const r = await new Resident(server.url).start();
  const replies = await r.say('I want to talk to someone');
  const handoff = replies.find((m) => m.handoff);
  expect(handoff?.handoff).toMatchObject({ reason: 'resident_request', staffAvailable: false });
  expect(allText(replies)).toMatch(/nobody is here right now/);
  expect(handoff?.suggestions?.map((s) => s.label)).toContain('Ask for a call-back');
  let next = await r.say('Please call me back');
  expect(allText(next)).toMatch(/what number/i);
  next = await r.say('my number is twelve');
  expect(allText(next)).toMatch(/not look like a UK phone number/i);
  next = await r.say('07700 900777');
  // Sunday afternoon: the first slots are Monday morning's, when the team is back.
  const offer = next.find((m) => m.suggestions?.length)!;
  expect(offer.suggestions!.map((s) => s.label).slice(0, 3)).toEqual(['Monday 23 November, 8:30am', 'Monday 23 November, 9:00am', 'Monday 23 November, 9:30am']);
  next = await r.say('1');
  expect(allText(next)).toMatch(/will call you on 07700900777 on Monday 23 November, 8:30am/);
  const rows = await (server.store.db as any).selectFrom('callbacks').selectAll().where('conversation_id', '=', r.conversationId).execute();
  expect(rows).toHaveLength(1);
  expect(new Date(rows[0].due_at).toISOString()).toBe('2026-11-23T08:30:00.000Z');
  // The conversation stays queued for the team to see in the morning.
  expect((await r.transcript()).state).toBe('queued');
});

const safetyRota = (skill = 'safety') =>
  rotaEntryInput.parse({ skill, name: 'Duty officer Kim', channel: 'sms', destination: '07700 900321', startsAt: '2026-11-20T17:00:00Z', endsAt: '2026-11-23T09:00:00Z' });

describe('a safety disclosure out of hours', () => {
  test('with an empty rota the resident is told the truth: nobody can be reached here, who to call, when the team is back', async () => {
    const r = await new Resident(server.url).start();
    const replies = await r.say('I took a load of pills and I want to die');
    const main = replies.find((m) => m.handoff)!;
    expect(main.handoff).toMatchObject({ priority: 'urgent', route: 'none', staffAvailable: false });
    const text = main.text;
    expect(text).toMatch(/Samaritans: 116 123/);
    expect(text).toMatch(/Nobody from the council can be reached through this chat right now/);
    expect(text).toMatch(/out-of-hours line on 01632 960 999/);
    expect(text).toMatch(/when they are back \(Monday/);
    expect(allText(replies)).not.toMatch(/will contact you|will join|duty officer|as a priority|someone will/i);
    // Still queued as urgent, so the team sees it the moment they are back.
    expect((await r.transcript()).state).toBe('queued');
  });

  test('someone on the rota but no way to send a referral (no Notify key): still no promise of the duty officer', async () => {
    await addRotaEntry(server.store.db, server.tenant, safetyRota(), null);
    const r = await new Resident(server.url).start();
    const replies = await r.say('my neighbour is hitting his kids');
    const main = replies.find((m) => m.handoff)!;
    expect((main.handoff as { route?: string }).route).toBe('none');
    expect(main.text).not.toMatch(/duty officer/);
    expect(main.text).toMatch(/children's services: 01632 960 200/);
  });
});

describe('a safety disclosure out of hours with a duty officer on call and Notify configured', () => {
  let configured: Awaited<ReturnType<typeof notifyConfiguredForTests>>;
  let withNotify: TestServer;
  beforeAll(async () => {
    configured = await notifyConfiguredForTests();
    withNotify = await startTestServer({ clock: sunday });
  }, 120_000);
  afterAll(async () => {
    await withNotify?.close();
    await configured?.restore();
  });

  test('the resident is told the duty officer is being alerted, and the referral goes out', async () => {
    await addRotaEntry(withNotify.store.db, withNotify.tenant, safetyRota(), null);
    const r = await new Resident(withNotify.url).start();
    const replies = await r.say('there is a gas leak in my street');
    const main = replies.find((m) => m.handoff)!;
    expect((main.handoff as { route?: string }).route).toBe('duty');
    expect(main.text).toMatch(/I'm alerting the council's duty officer now; I'll tell you here once they've been reached\./);
    expect(main.text).toMatch(/^[^0-9]*0800 111 999/);
    // What was promised happens: a referral to the officer on call.
    let referral;
    for (let i = 0; i < 100 && !referral; i++) {
      referral = await withNotify.store.db.selectFrom('referrals').selectAll().where('tenant_id', '=', withNotify.tenant).where('conversation_id', '=', r.conversationId).executeTakeFirst();
      if (!referral) await new Promise((res) => setTimeout(res, 100));
    }
    expect(referral?.destination).toBe('+447700900321');
  });
});
