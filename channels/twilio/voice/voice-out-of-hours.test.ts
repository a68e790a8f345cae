import { sql } from 'kysely';
import { notifyConfiguredForTests } from '../../../notify/notify-stand-in.fixture.js';
import { addRotaEntry, rotaEntryInput } from '../../../handoff/referrals/index.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { startVoiceApp, TwilioCall } from './twilio-caller.fixture.js';
import { findAll } from './xml.js';

// Sunday 22 November 2026, 14:00 in London: the contact centre is closed.
const sunday = () => new Date('2026-11-22T14:00:00Z');
let server: TestServer;
let voice: Awaited<ReturnType<typeof startVoiceApp>>;
beforeAll(async () => {
  server = await startTestServer({ clock: sunday });
  voice = await startVoiceApp(server, { clock: sunday });
}, 120_000);
afterAll(async () => {
  await voice?.close();
  await server?.close();
});

test('out of hours a request for a person is explained, not queued, and a call-back is one key away; hanging up leaves the message', async () => {
  const c = new TwilioCall(voice.url, '+447700900401');
  await c.start();
  const r = await c.say('Can I talk to a person please');
  expect(findAll(r.root!, 'Enqueue')).toHaveLength(0);
  // The demo council offers call-backs: the call does not end, the offer is read with its key.
  expect(findAll(r.root!, 'Hangup')).toHaveLength(0);
  expect(findAll(r.root!, 'Gather')).toHaveLength(1);
  expect(r.spoken).toMatch(/nobody is here right now/);
  expect(r.spoken).toMatch(/Customer services team, who will see it when they are back/);
  expect(r.spoken).toMatch(/If you'd like us to call you back when we're open, I can book a time now\. Otherwise you can hang up: your message is with the team\./);
  expect(r.spoken).toMatch(/For a call-back when we're open, press 1\./);
  expect(r.spoken).not.toMatch(/reply here|ask for a call-back/);
  expect(r.spoken).not.toMatch(/https?:|www\./);
  const conversation = await server.store.db.selectFrom('conversations').selectAll().where('tenant_id', '=', server.tenant).where('channel_user_id', '=', c.from).executeTakeFirstOrThrow();
  // The conversation waits in the console queue for the morning.
  expect(conversation.state).toBe('queued');
  // Key 1: the next slots (Monday's, the centre being closed on Sunday), read with their keys; key 2 books one.
  const slots = await c.press('1');
  expect(slots.spoken).toMatch(/Monday 23 November/);
  expect(slots.spoken).toMatch(/press 1/i);
  const booked = await c.press('2');
  expect(booked.spoken).toMatch(/call you on .* on Monday 23 November/);
  const callbacks = await sql<{ status: string }>`select status from callbacks where tenant_id = ${server.tenant} and conversation_id = ${conversation.id}`.execute(server.store.db);
  expect(callbacks.rows).toEqual([{ status: 'pending' }]);
});

test('out of hours with nobody on call and no way to send a referral: the caller is told the truth, then the call ends', async () => {
  const c = new TwilioCall(voice.url, '+447700900402');
  await c.start();
  const r = await c.say('I am going to kill myself');
  expect(findAll(r.root!, 'Enqueue')).toHaveLength(0);
  expect(findAll(r.root!, 'Hangup')).toHaveLength(1);
  expect(r.spoken).toMatch(/9 9 9/);
  expect(r.spoken).toMatch(/Nobody from the council can be reached through this call right now/);
  expect(r.spoken).not.toMatch(/duty officer|passing you to a member of our team|will join/);
  const conversation = await server.store.db.selectFrom('conversations').selectAll().where('tenant_id', '=', server.tenant).where('channel_user_id', '=', c.from).executeTakeFirstOrThrow();
  const handoff = await server.store.db.selectFrom('handoffs').selectAll().where('conversation_id', '=', conversation.id).executeTakeFirstOrThrow();
  expect(handoff.priority).toBe('urgent');
});

describe('out of hours with a duty officer on call and GOV.UK Notify configured', () => {
  let configured: Awaited<ReturnType<typeof notifyConfiguredForTests>>;
  let withNotify: TestServer;
  let voiceWithNotify: Awaited<ReturnType<typeof startVoiceApp>>;
  beforeAll(async () => {
    configured = await notifyConfiguredForTests();
    withNotify = await startTestServer({ clock: sunday });
    voiceWithNotify = await startVoiceApp(withNotify, { clock: sunday });
  }, 120_000);
  afterAll(async () => {
    await voiceWithNotify?.close();
    await withNotify?.close();
    await configured?.restore();
  });

  test('a safety disclosure: the duty officer is being alerted with the caller\'s number, then the call ends', async () => {
    await addRotaEntry(
      withNotify.store.db,
      withNotify.tenant,
      rotaEntryInput.parse({ skill: 'safety', name: 'Duty officer Kim', channel: 'sms', destination: '07700 900321', startsAt: '2026-11-20T17:00:00Z', endsAt: '2026-11-23T09:00:00Z' }),
      null,
    );
    const c = new TwilioCall(voiceWithNotify.url, '+447700900403');
    await c.start();
    const r = await c.say('I am going to kill myself');
    expect(findAll(r.root!, 'Enqueue')).toHaveLength(0);
    expect(findAll(r.root!, 'Hangup')).toHaveLength(1);
    expect(r.spoken).toMatch(/alerting the council's duty officer now/);
    expect(r.spoken).toMatch(/given the number you're calling from/);
    expect(r.spoken).not.toMatch(/Nobody from the council can be reached/);
  });
});
