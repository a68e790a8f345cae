/**
 * One resident, one conversation, one council, through the signed Twilio webhooks on a real store
 * (PGlite, or PostgreSQL when DATABASE_URL is set): texts arriving at once from a new number make
 * one conversation and are answered once; a number that texts and calls is one contact; a call and
 * a text to the same number reach the same council (channels/twilio/numbers.ts).
 */
import { findOrCreateContact, resolveConversation } from '../../store/index.js';
import { councilForNumber } from './numbers.js';
import { startSmsHarness, type SmsHarness } from './sms-harness.fixture.js';
import { startVoiceApp, TwilioCall } from './voice/twilio-caller.fixture.js';

let h: SmsHarness;
let voice: Awaited<ReturnType<typeof startVoiceApp>>;
let phoneCounter = 0;
// Ofcom's drama range; a fresh number per test (the tenant is fresh per run).
const newPhone = () => `+4477009${String(20000 + ++phoneCounter).slice(-5)}`;

beforeAll(async () => {
  h = await startSmsHarness();
  voice = await startVoiceApp(h.server);
});
afterAll(async () => {
  await voice?.close();
  await h?.close();
});

const db = () => h.server.store.db;

async function conversationsOf(phone: string, channel = 'sms') {
  return db().selectFrom('conversations').selectAll().where('tenant_id', '=', h.server.tenant).where('channel', '=', channel).where('channel_user_id', '=', phone).orderBy('created_at').execute();
}

async function messagesIn(conversationId: string) {
  return db().selectFrom('messages').selectAll().where('tenant_id', '=', h.server.tenant).where('conversation_id', '=', conversationId).orderBy('id').execute();
}

/** Lets any second reply that would have been queued go out before counting. */
async function quiet() {
  await h.settle();
  await new Promise((r) => setTimeout(r, 300));
  await h.settle();
}

describe('texts arriving at once from a new number', () => {
  test('the same MessageSid delivered three times at once: one conversation, one stored message, one reply', async () => {
    const phone = newPhone();
    const params = h.params(phone, 'hello');
    const answers = await Promise.all([0, 1, 2].map(() => h.post('/channels/twilio/sms', params)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    await h.waitFor(() => h.sentTo(phone).length >= 1, 'the reply');
    await quiet();

    const conversations = await conversationsOf(phone);
    expect(conversations).toHaveLength(1);
    const messages = await messagesIn(conversations[0].id);
    const inbound = messages.filter((m) => m.direction === 'in');
    expect(inbound).toHaveLength(1);
    expect(inbound[0].provider_message_id).toBe(params.MessageSid);
    expect(inbound[0].processed_at).not.toBeNull();
    const replies = messages.filter((m) => m.direction === 'out');
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.every((r) => r.reply_to === inbound[0].id)).toBe(true);
    // Each reply sent once.
    expect(h.sentTo(phone)).toHaveLength(replies.length);

    // The resident's next text lands in the same conversation and is answered.
    expect(await h.text(phone, 'When is my bin day?', 1)).toHaveLength(1);
    expect(await conversationsOf(phone)).toHaveLength(1);
  });

  test('four different texts from a new number at once: one conversation, each stored and answered once', async () => {
    const phone = newPhone();
    const all = ['hello', 'hi there', 'good morning', 'hello again'].map((text) => h.params(phone, text));
    const answers = await Promise.all(all.map((p) => h.post('/channels/twilio/sms', p)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    await h.waitFor(() => h.sentTo(phone).length >= 4, 'four replies');
    await quiet();

    const conversations = await conversationsOf(phone);
    expect(conversations).toHaveLength(1);
    const messages = await messagesIn(conversations[0].id);
    const inbound = messages.filter((m) => m.direction === 'in');
    expect(inbound.map((m) => m.provider_message_id).sort()).toEqual(all.map((p) => p.MessageSid).sort());
    expect(inbound.every((m) => m.processed_at)).toBe(true);
    for (const m of inbound) expect(messages.some((r) => r.reply_to === m.id)).toBe(true);
    expect(h.sentTo(phone)).toHaveLength(messages.filter((m) => m.direction === 'out').length);
  });

  test('resolving the conversation five times at once (the store, on any database) finds one', async () => {
    const phone = newPhone();
    const found = await Promise.all(
      [0, 1, 2, 3, 4].map(() => resolveConversation(db(), { tenant: h.server.tenant, channel: 'sms', channelUserId: phone, reuse: (c) => c.state !== 'closed' })),
    );
    expect(new Set(found.map((f) => f.conversation.id)).size).toBe(1);
    expect(found.filter((f) => f.created)).toHaveLength(1);
    expect(await conversationsOf(phone)).toHaveLength(1);
  });

  test('a message is stored once, with the SMS details, and answered', async () => {
    const phone = newPhone();
    await h.text(phone, 'hello', 1);
    const [conversation] = await conversationsOf(phone);
    const inbound = (await messagesIn(conversation.id)).filter((m) => m.direction === 'in');
    expect(inbound).toHaveLength(1);
    expect(inbound[0].parts).toMatchObject({ sms: { to: '+441632960100', numSegments: '1', fromCountry: 'GB' } });
  });
});

describe('one resident across SMS and voice', () => {
  async function contactOf(channel: string, phone: string) {
    const [c] = await conversationsOf(phone, channel);
    expect(c?.contact_id).toBeTruthy();
    return c.contact_id!;
  }

  test('a number that texts, then calls, is one contact, and the agent sees both identities', async () => {
    const phone = newPhone();
    await h.text(phone, 'hello', 1);
    const call = new TwilioCall(voice.url, phone);
    expect((await call.start()).spoken).toMatch(/thank you for calling Merebrook Borough Council/i);
    const contact = await contactOf('sms', phone);
    expect(await contactOf('voice', phone)).toBe(contact);
    const identities = await db().selectFrom('contact_identities').select(['channel', 'channel_user_id']).where('tenant_id', '=', h.server.tenant).where('contact_id', '=', contact).execute();
    expect(identities.map((i) => `${i.channel}:${i.channel_user_id}`).sort()).toEqual([`phone:${phone}`, `sms:${phone}`, `voice:${phone}`]);
  });

  test('a first call and a first text from a new number at the same moment are one contact', async () => {
    const phone = newPhone();
    const call = new TwilioCall(voice.url, phone);
    const [greeting, texted] = await Promise.all([call.start(), h.post('/channels/twilio/sms', h.params(phone, 'hello'))]);
    expect(greeting.status).toBe(200);
    expect(texted.status).toBe(200);
    await h.waitFor(() => h.sentTo(phone).length >= 1, 'the reply');
    await h.settle();
    expect(await contactOf('voice', phone)).toBe(await contactOf('sms', phone));
    const contacts = await db().selectFrom('contact_identities').select('contact_id').distinct().where('tenant_id', '=', h.server.tenant).where('channel_user_id', '=', phone).execute();
    expect(contacts).toHaveLength(1);
  });

  test('the same call start delivered twice at once makes one conversation', async () => {
    const phone = newPhone();
    const call = new TwilioCall(voice.url, phone);
    const [a, b] = await Promise.all([call.start(), call.start()]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(await conversationsOf(phone, 'voice')).toHaveLength(1);
  });

  test('a withheld caller and a number typed in web chat are not joined to anyone', async () => {
    const phone = newPhone();
    await h.text(phone, 'hello', 1);
    const sms = await contactOf('sms', phone);
    const withheld = new TwilioCall(voice.url, 'anonymous');
    expect((await withheld.start()).status).toBe(200);
    const [call] = await db().selectFrom('conversations').selectAll().where('tenant_id', '=', h.server.tenant).where('channel', '=', 'voice').where('channel_user_id', '=', `withheld:${withheld.callSid}`).execute();
    expect(call.contact_id).not.toBe(sms);
    // Web chat identities are the channel's own: a number typed there is not vouched for.
    expect(await findOrCreateContact(db(), h.server.tenant, 'web', phone)).not.toBe(sms);
  });

  test('a UK number written nationally or with spaces is the same resident', async () => {
    const phone = newPhone();
    const national = `0${phone.slice(3, 7)} ${phone.slice(7)}`;
    const a = await findOrCreateContact(db(), h.server.tenant, 'sms', phone);
    expect(await findOrCreateContact(db(), h.server.tenant, 'whatsapp', national)).toBe(a);
  });
});

describe("a council's numbers: one rule for SMS and voice", () => {
  const SENDING = '+441632960999'; // TWILIO_FROM, not listed in the pack
  const STRANGER = '+441632960998'; // nobody's
  let saved: string | undefined;
  beforeAll(() => {
    saved = process.env.TWILIO_FROM;
    process.env.TWILIO_FROM = SENDING;
  });
  afterAll(() => {
    process.env.TWILIO_FROM = saved;
  });

  test('a call to TWILIO_FROM reaches the default council, as a text to it does', async () => {
    const phone = newPhone();
    const call = new TwilioCall(voice.url, phone, SENDING);
    const greeting = await call.start();
    expect(greeting.spoken).toMatch(/thank you for calling Merebrook Borough Council/i);
    expect(greeting.spoken).not.toMatch(/not in service/i);
    expect(await conversationsOf(phone, 'voice')).toHaveLength(1);

    const replies = await h.text(phone, 'hello', 1, { To: SENDING });
    expect(replies).toHaveLength(1);
    expect(await conversationsOf(phone, 'sms')).toHaveLength(1);
  });

  test('a number no council has is not in service for a call and for a text alike', async () => {
    const phone = newPhone();
    const call = await new TwilioCall(voice.url, phone, STRANGER).start();
    expect(call.spoken).toMatch(/not in service/i);
    const text = await h.post('/channels/twilio/sms', h.params(phone, 'hello', { To: STRANGER }));
    expect(text.status).toBe(200);
    expect(await text.text()).toMatch(/<Message>Sorry, this number is not in service/);
    expect(await conversationsOf(phone, 'sms')).toHaveLength(0);
    expect(await conversationsOf(phone, 'voice')).toHaveLength(0);
  });

  test('councilForNumber: a pack lists its numbers; TWILIO_FROM is the default council’s; nothing listed means the default council', () => {
    const packs: Record<string, string[]> = { demo: ['+441632960100'], other: ['+441632960200', '+441632960999'] };
    const deps = (numbers: Record<string, string[]>, from?: string) => ({
      assistant: { runtime: (t: string) => ({ pack: { settings: { channels: { twilioNumbers: numbers[t] } } } }) } as never,
      tenantIds: () => Object.keys(numbers),
      twilioFrom: () => from,
    });
    expect(councilForNumber(deps(packs, '+441632960300'), '+441632960200')).toBe('other');
    expect(councilForNumber(deps(packs, '+441632960300'), '01632 960300')).toBe('demo');
    // Another council's own listing wins over TWILIO_FROM.
    expect(councilForNumber(deps(packs, '+441632960999'), '+441632960999')).toBe('other');
    expect(councilForNumber(deps(packs, '+441632960300'), '+441632960400')).toBeNull();
    // A Messaging Service SID is no number; with nothing listed anywhere, the default council answers.
    expect(councilForNumber(deps({ demo: [], other: [] }, `MG${'0'.repeat(32)}`), '+441632960400')).toBe('demo');
    expect(councilForNumber(deps({ demo: [], other: [] }, '+441632960300'), '+441632960400')).toBeNull();
  });
});
