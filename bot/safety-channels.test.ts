/**
 * The safety reply and ending a chat on SMS and the telephone: the same pipeline, each channel's
 * own harness (a Twilio stand-in for SMS, signed voice webhooks for calls).
 */
import { startSmsHarness, type SmsHarness } from '../channels/twilio/sms-harness.fixture.js';
import { startVoiceApp, TwilioCall } from '../channels/twilio/voice/twilio-caller.fixture.js';
import { startTestServer, type TestServer } from '../test/server.js';

describe('SMS', () => {
  let h: SmsHarness;
  beforeAll(async () => {
    h = await startSmsHarness();
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  test('a gas leak texted in gets the gas emergency number first, written plainly', async () => {
    const from = '+447700900611';
    const sent = await h.text(from, 'there is a gas leak in my street', 1);
    const body = sent.map((s) => s.body).join('\n');
    const numbers = body.match(/\b0800 111 999\b|\b999\b/g) ?? [];
    expect(numbers[0]).toBe('0800 111 999');
    expect(body).toMatch(/National Gas Emergency/);
    expect(body).not.toMatch(/tel:|Samaritans/);
    const conversation = await h.server.store.db.selectFrom('conversations').selectAll().where('tenant_id', '=', h.server.tenant).where('channel_user_id', '=', from).executeTakeFirstOrThrow();
    const handoff = await h.server.store.db.selectFrom('handoffs').selectAll().where('conversation_id', '=', conversation.id).executeTakeFirstOrThrow();
    expect(handoff.priority).toBe('urgent');
  });

  test('"end chat" by text closes the conversation; the next text starts a new one', async () => {
    const from = '+447700900612';
    await h.text(from, 'report a missed bin', 1);
    const ended = await h.text(from, 'end chat', 1);
    expect(ended.map((s) => s.body).join('\n')).toMatch(/You've ended this chat\. If you need us again, just send a new text\./);
    const first = await h.server.store.db.selectFrom('conversations').selectAll().where('tenant_id', '=', h.server.tenant).where('channel_user_id', '=', from).executeTakeFirstOrThrow();
    expect(first.state).toBe('closed');
    const next = await h.text(from, 'When is my bin day?', 1);
    expect(next.map((s) => s.body).join('\n')).not.toMatch(/Which bin/);
    const all = await h.server.store.db.selectFrom('conversations').select(['id', 'state']).where('tenant_id', '=', h.server.tenant).where('channel_user_id', '=', from).execute();
    expect(all).toHaveLength(2);
  });
});

describe('voice', () => {
  // Wednesday 25 November 2026, 10:30 in London: the contact centre is open.
  const weekday = () => new Date('2026-11-25T10:30:00Z');
  let server: TestServer;
  let voice: Awaited<ReturnType<typeof startVoiceApp>>;
  beforeAll(async () => {
    server = await startTestServer({ clock: weekday });
    voice = await startVoiceApp(server, { clock: weekday });
  }, 120_000);
  afterAll(async () => {
    await voice?.close();
    await server?.close();
  });

  test('a gas leak on the phone: the gas emergency line first, its number read digit by digit', async () => {
    const c = new TwilioCall(voice.url, '+447700900613');
    await c.start();
    const r = await c.say('there is a gas leak in my street');
    const spoken = r.spoken;
    expect(spoken).toMatch(/National Gas Emergency/);
    expect(spoken.indexOf('National Gas Emergency')).toBeLessThan(spoken.indexOf('Emergency services'));
    expect(spoken).toMatch(/0 8 0 0,? 1 1 1,? 9 9 9/);
    expect(spoken).not.toMatch(/0800/);
    expect(spoken).not.toMatch(/Samaritans/);
  });
});
