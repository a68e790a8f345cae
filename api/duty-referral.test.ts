import { randomUUID } from 'node:crypto';
import { startNotifyStandIn, type NotifyStandIn } from '../channels/notify/notify-stand-in.fixture.js';
import { addRotaEntry, rotaEntryInput } from '../handoff/referrals/index.js';
import { Resident, startTestServer, type TestServer } from '../test/server.js';

/**
 * Out of hours, a safety disclosure goes from the resident's message, through the handoff and
 * the job queue, to the on-call duty officer by SMS through (a stand-in for) GOV.UK Notify.
 */
const sundayAfternoon = () => new Date('2026-11-22T14:00:00Z');
const SMS_TEMPLATE = randomUUID();
let notify: NotifyStandIn;
let server: TestServer;
const saved = { ...process.env };

beforeAll(async () => {
  notify = await startNotifyStandIn();
  notify.templates.set(SMS_TEMPLATE, { type: 'sms', body: 'Duty referral ((reference)): ((summary)) Ack: ((ack_link))' });
  Object.assign(process.env, { NOTIFY_API_KEY: notify.apiKey, NOTIFY_BASE_URL: notify.url, NOTIFY_SMS_TEMPLATE_ID: SMS_TEMPLATE });
  server = await startTestServer({ clock: sundayAfternoon });
}, 120_000);
afterAll(async () => {
  process.env = saved;
  await server?.close();
  await notify?.close();
});

test('a safety hit out of hours is referred to the officer on call, with send and acknowledgement times', async () => {
  const entry = rotaEntryInput.parse({
    skill: 'safety',
    name: 'Duty officer Kim',
    channel: 'sms',
    destination: '07700 900321',
    startsAt: '2026-11-20T17:00:00Z',
    endsAt: '2026-11-23T09:00:00Z',
  });
  await addRotaEntry(server.store.db, server.tenant, entry, null);
  const resident = await new Resident(server.url).start();
  const replies = await resident.say("my partner says he will kill me when he gets home and I've got nowhere to go");
  expect(replies.find((m) => m.handoff)?.handoff?.priority).toBe('urgent');

  // The referral is sent by a job after the turn: wait for it.
  let referral;
  for (let i = 0; i < 100; i++) {
    referral = await server.store.db.selectFrom('referrals').selectAll().where('tenant_id', '=', server.tenant).executeTakeFirst();
    if (referral?.sent_at) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(referral?.status).toBe('sent');
  expect(referral?.sent_at).toBeTruthy();
  expect(referral?.conversation_id).toBe(resident.conversationId);
  const sms = notify.received.find((r) => r.path.endsWith('/sms'));
  expect(sms?.body.phone_number).toBe('+447700900321');
  const personalisation = sms?.body.personalisation as Record<string, string>;
  expect(personalisation.summary).toMatch(/safety/i);
  const ackLink = personalisation.ack_link;
  expect(ackLink).toMatch(/\/referrals\/ack\//);

  // The officer opens the link: the acknowledgement time is recorded once.
  const path = ackLink.slice(ackLink.indexOf('/referrals/ack/'));
  const res = await fetch(`${server.url}${path}`);
  expect(res.status).toBe(200);
  expect(await res.text()).toMatch(/acknowledged/i);
  const after = await server.store.db.selectFrom('referrals').select(['acknowledged_at']).where('id', '=', referral!.id).executeTakeFirstOrThrow();
  expect(after.acknowledged_at).toBeTruthy();
});
