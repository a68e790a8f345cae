import { storeOutbound } from '../../store/index.js';
import { countSegments, createSmsDispatcher, SMS_OPT_OUT_FLAG } from './index.js';
import { startSmsHarness, type SmsHarness } from './sms-harness.fixture.js';

let h: SmsHarness;
let phoneCounter = 0;
const newPhone = () => `+4477009${String(10000 + ++phoneCounter).slice(-5)}`;

beforeAll(async () => {
  h = await startSmsHarness();
});
afterAll(async () => {
  await h?.close();
});

async function conversationsOf(phone: string) {
  return h.server.store.db
    .selectFrom('conversations')
    .selectAll()
    .where('tenant_id', '=', h.server.tenant)
    .where('channel', '=', 'sms')
    .where('channel_user_id', '=', phone)
    .orderBy('created_at')
    .execute();
}

async function messagesOf(phone: string) {
  return h.server.store.db
    .selectFrom('messages')
    .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
    .selectAll('messages')
    .where('messages.tenant_id', '=', h.server.tenant)
    .where('conversations.channel_user_id', '=', phone)
    .orderBy('messages.id')
    .execute();
}

const parts = (row: { parts: unknown }) => (typeof row.parts === 'string' ? JSON.parse(row.parts) : row.parts) as Record<string, any>;

describe('Twilio SMS webhook', () => {
  test('a missing or wrong signature is refused with 403 and nothing is stored', async () => {
    const phone = newPhone();
    const params = h.params(phone, 'My bin was not collected');
    const missing = await h.post('/channels/twilio/sms', params, null);
    expect(missing.status).toBe(403);
    expect(missing.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(await h.post('/channels/twilio/sms', params, 'bm90IGEgc2lnbmF0dXJl')).toHaveProperty('status', 403);
    // Signed for other parameters (a field changed in transit).
    const twilio = (await import('twilio')).default;
    const forged = twilio.getExpectedTwilioSignature(h.twilio.authToken, `${h.url}/channels/twilio/sms`, { ...params, Body: 'hello' });
    expect(await h.post('/channels/twilio/sms', params, forged)).toHaveProperty('status', 403);
    expect(await conversationsOf(phone)).toHaveLength(0);
    expect(await messagesOf(phone)).toHaveLength(0);
    expect(h.sentTo(phone)).toHaveLength(0);
  });

  test('a signed webhook is answered at once with empty TwiML', async () => {
    const phone = newPhone();
    const res = await h.post('/channels/twilio/sms', h.params(phone, 'hello'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/xml/);
    expect(await res.text()).toMatch(/<Response\/>$/);
    await h.waitFor(() => h.sentTo(phone).length > 0, 'a reply by REST');
    const sent = h.sentTo(phone)[0];
    expect(sent.from).toBe('+441632960100');
    expect(sent.statusCallback).toBe(`${h.url}/channels/twilio/status?tenant=${encodeURIComponent(h.server.tenant)}`);
  });

  test('a missed bin reported by SMS, choosing the address by number, gets a case reference', async () => {
    const phone = newPhone();
    const say = async (text: string) => (await h.text(phone, text, 1)).map((s) => s.body).join('\n');
    expect(await say('My bin was not collected')).toMatch(/Which address was missed\?/);
    const list = await say('MB1 1AD');
    expect(list).toMatch(/Reply with a number:\n1\) 1 High Street, Merebrook\n2\) 2 High Street, Merebrook/);
    expect(await say('2')).toMatch(/Which bin was missed\?[\s\S]*\n2\) Recycling \(blue bin\)/);
    expect(await say('recycling')).toMatch(/out by 6am/);
    expect(await say('1')).toMatch(/Which day/); // "1" = Yes
    expect(await say('today')).toMatch(/crew should know/);
    expect(await say('no')).toMatch(/updates/);
    expect(await say('2')).toMatch(/Please check your report[\s\S]*2 High Street, Merebrook, MB1 1AD[\s\S]*Recycling/); // "2" = No thanks
    const done = await say('1'); // "1" = Yes, send it
    const ref = /\b([A-Z]{2,5}-?\d[\w-]*)\b/.exec(done.replace(/https?:\S+/g, ''));
    expect(done).toMatch(/MBC/);
    const c = await h.server.store.db.selectFrom('cases').selectAll().where('tenant_id', '=', h.server.tenant).where('conversation_id', '=', (await conversationsOf(phone))[0].id).executeTakeFirstOrThrow();
    expect(done).toContain(c.reference);
    expect(ref).not.toBeNull();
    expect(c.uprn).toBe('100023450075');
    expect(c.service_id).toBe('waste.missed_collection');
    // What the resident typed is kept beside the choice it meant.
    const inbound = (await messagesOf(phone)).filter((m) => m.direction === 'in');
    const addressAnswer = inbound[2];
    expect(addressAnswer.text).toBe('2 High Street, Merebrook, MB1 1AD');
    expect(parts(addressAnswer).sms.typed).toBe('2');
    // Every reply went out once, in order, and is recorded with its SID.
    const out = (await messagesOf(phone)).filter((m) => m.direction === 'out');
    expect(out.every((m) => m.status === 'queued' && m.provider_message_id?.startsWith('SM'))).toBe(true);
    expect(h.sentTo(phone).map((s) => s.sid)).toEqual(out.map((m) => m.provider_message_id));
    for (const s of h.sentTo(phone)) expect(countSegments(s.body).segments).toBeLessThanOrEqual(3);
  });

  test('a repeated MessageSid is acknowledged and processed once', async () => {
    const phone = newPhone();
    const params = h.params(phone, 'When is my bin day?');
    const [a, b] = await Promise.all([h.post('/channels/twilio/sms', params), h.post('/channels/twilio/sms', params)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await h.waitFor(() => h.sentTo(phone).length > 0, 'the reply');
    await h.settle();
    const third = await h.post('/channels/twilio/sms', params);
    expect(third.status).toBe(200);
    await h.settle();
    const inbound = (await messagesOf(phone)).filter((m) => m.direction === 'in');
    expect(inbound).toHaveLength(1);
    const out = (await messagesOf(phone)).filter((m) => m.direction === 'out');
    expect(h.sentTo(phone)).toHaveLength(out.length);
  });

  test('replies are sent once even when dispatched again and again', async () => {
    const phone = newPhone();
    await h.text(phone, 'How do I pay my council tax?', 1);
    const conversation = (await conversationsOf(phone))[0];
    const dispatch = createSmsDispatcher(h.deps);
    // Agent reply, then three dispatches at once (the console calls it after every reply).
    await storeOutbound(h.server.store.db, { tenant: h.server.tenant, conversationId: conversation.id, channel: 'sms', author: 'agent', text: 'Hello, this is Sam from the council.', parts: { text: 'Hello, this is Sam from the council.' }, replyTo: null });
    const before = h.sentTo(phone).length;
    await Promise.all([dispatch(h.server.tenant, conversation.id), dispatch(h.server.tenant, conversation.id), dispatch(h.server.tenant, conversation.id)]);
    await h.waitFor(() => h.sentTo(phone).length > before, 'the agent reply');
    await h.settle();
    await dispatch(h.server.tenant, conversation.id);
    await h.settle();
    const bodies = h.sentTo(phone).map((s) => s.body);
    expect(bodies.filter((b) => b === 'Hello, this is Sam from the council.')).toHaveLength(1);
    expect(new Set(h.sentTo(phone).map((s) => s.sid)).size).toBe(h.sentTo(phone).length);
  });

  test('a 500 or 429 from Twilio is retried with backoff; a lasting failure marks the message failed', async () => {
    const phone = newPhone();
    h.twilio.failNext(500, 429);
    const replies = await h.text(phone, 'hello', 1);
    expect(replies).toHaveLength(1);
    const attempts = h.twilio.requests.filter((r) => r.to === phone);
    expect(attempts.map((r) => r.status)).toEqual([500, 429, 201]);
    const [out] = (await messagesOf(phone)).filter((m) => m.direction === 'out');
    expect(out.status).toBe('queued');
    expect(parts(out).sms.attempts).toBe(3);

    const other = newPhone();
    h.twilio.failNext(500, 500, 500, 500);
    await h.text(other, 'hello');
    const [failed] = (await messagesOf(other)).filter((m) => m.direction === 'out');
    expect(failed.status).toBe('failed');
    expect(parts(failed).sms.errorCode).toBe(20500);
    expect(h.sentTo(other)).toHaveLength(0);
  });

  test('status callbacks update the message and never move it back', async () => {
    const phone = newPhone();
    const [sent] = await h.text(phone, 'hello', 1);
    const status = (MessageStatus: string, extra: Record<string, string> = {}) =>
      h.post(`/channels/twilio/status?tenant=${encodeURIComponent(h.server.tenant)}`, {
        SmsSid: sent.sid, SmsStatus: MessageStatus, MessageStatus, To: phone, MessagingServiceSid: '', MessageSid: sent.sid,
        AccountSid: h.twilio.accountSid, From: '+441632960100', ApiVersion: '2010-04-01', ...extra,
      });
    const statusOf = async () => (await h.server.store.db.selectFrom('messages').select(['status', 'parts']).where('provider_message_id', '=', sent.sid).executeTakeFirstOrThrow());
    expect((await status('sent')).status).toBe(200);
    expect((await statusOf()).status).toBe('sent');
    expect((await status('delivered')).status).toBe(200);
    expect((await statusOf()).status).toBe('delivered');
    await status('sent'); // late and out of order
    await status('queued');
    expect((await statusOf()).status).toBe('delivered');
    // Unsigned callbacks change nothing.
    const unsigned = await h.post('/channels/twilio/status', { MessageSid: sent.sid, MessageStatus: 'failed' }, null);
    expect(unsigned.status).toBe(403);
    expect((await statusOf()).status).toBe('delivered');

    const other = newPhone();
    const [second] = await h.text(other, 'hello', 1);
    await h.post('/channels/twilio/status', { MessageSid: second.sid, MessageStatus: 'undelivered', ErrorCode: '30003', AccountSid: h.twilio.accountSid, To: other, From: '+441632960100', ApiVersion: '2010-04-01' });
    const row = await h.server.store.db.selectFrom('messages').select(['status', 'parts']).where('provider_message_id', '=', second.sid).executeTakeFirstOrThrow();
    expect(row.status).toBe('undelivered');
    expect(parts(row).sms.errorCode).toBe(30003);
  });

  test('STOP records the opt-out and nothing is sent until START', async () => {
    const phone = newPhone();
    await h.text(phone, 'hello', 1);
    const stop = await h.post('/channels/twilio/sms', h.params(phone, 'stop'));
    expect(await stop.text()).toMatch(/<Response\/>$/);
    const contact = await h.server.store.db
      .selectFrom('contacts')
      .innerJoin('contact_identities', 'contact_identities.contact_id', 'contacts.id')
      .select('contacts.flags')
      .where('contact_identities.tenant_id', '=', h.server.tenant)
      .where('contact_identities.channel_user_id', '=', phone)
      .executeTakeFirstOrThrow();
    expect(contact.flags).toContain(SMS_OPT_OUT_FLAG);
    const before = h.sentTo(phone).length;
    // The resident still writes; the bot answers in the record, but nothing goes out.
    await h.text(phone, 'When is my bin day?');
    const suppressed = (await messagesOf(phone)).filter((m) => m.direction === 'out').slice(-1)[0];
    expect(suppressed.status).toBe('suppressed_opt_out');
    // Nor do agents' replies.
    const conversation = (await conversationsOf(phone))[0];
    await storeOutbound(h.server.store.db, { tenant: h.server.tenant, conversationId: conversation.id, channel: 'sms', author: 'agent', text: 'Are you there?', parts: { text: 'Are you there?' }, replyTo: null });
    await createSmsDispatcher(h.deps)(h.server.tenant, conversation.id);
    await h.settle();
    // HELP gets nothing either while opted out.
    expect(await (await h.post('/channels/twilio/sms', h.params(phone, 'HELP'))).text()).toMatch(/<Response\/>$/);
    expect(h.sentTo(phone)).toHaveLength(before);

    expect(await (await h.post('/channels/twilio/sms', h.params(phone, 'START'))).text()).toMatch(/<Response\/>$/);
    const replies = await h.text(phone, 'hello', 1);
    expect(replies).toHaveLength(1);
    expect(h.sentTo(phone)).toHaveLength(before + 1);
  });

  test('"end" (any case, alone) reaches the assistant and ends the chat: it is not an opt-out and the reply is sent', async () => {
    const phone = newPhone();
    await h.text(phone, 'hello', 1);
    // The chat's end and, after it, "how did we do?" (bot/satisfaction.ts).
    const replies = await h.text(phone, 'END', 2);
    const reply = replies.find((r) => /ended this chat/i.test(r.body));
    expect(reply).toBeDefined();
    expect(replies.map((r) => r.body).join(' ')).not.toMatch(/tel:/);
    const inbound = (await messagesOf(phone)).filter((m) => m.direction === 'in');
    expect(inbound.map((m) => m.text)).toEqual(['hello', 'END']);
    expect(inbound[1].processed_at).not.toBeNull();
    expect((await conversationsOf(phone))[0].state).toBe('closed');
    const flags = await h.server.store.db
      .selectFrom('contacts')
      .innerJoin('contact_identities', 'contact_identities.contact_id', 'contacts.id')
      .select('contacts.flags')
      .where('contact_identities.tenant_id', '=', h.server.tenant)
      .where('contact_identities.channel_user_id', '=', phone)
      .executeTakeFirstOrThrow();
    expect(flags.flags).not.toContain(SMS_OPT_OUT_FLAG);
    // Texting again starts a new conversation, and is answered.
    expect(await h.text(phone, 'When is my bin day?', 1)).toHaveLength(1);
    expect(await conversationsOf(phone)).toHaveLength(2);
  });

  test('an END Twilio treated as an opt-out (OptOutType=STOP) is recorded as one; the chat still ends, nothing is sent', async () => {
    const phone = newPhone();
    await h.text(phone, 'hello', 1);
    await h.text(phone, 'end', 0, { OptOutType: 'STOP' });
    expect(h.sentTo(phone)).toHaveLength(1);
    const out = (await messagesOf(phone)).filter((m) => m.direction === 'out');
    expect(out.slice(-1)[0]).toMatchObject({ status: 'suppressed_opt_out' });
    expect(out.slice(-1)[0].text).toMatch(/ended this chat/i);
    expect((await conversationsOf(phone))[0].state).toBe('closed');
  });

  test('only an exact single word is a keyword: "stop please" is an ordinary message', async () => {
    const phone = newPhone();
    expect(await h.text(phone, 'stop please', 1)).toHaveLength(1);
    expect(await h.text(phone, 'hello', 1)).toHaveLength(1);
  });

  test('HELP is answered with a short help text in TwiML', async () => {
    const res = await h.post('/channels/twilio/sms', h.params(newPhone(), 'help'));
    const xml = await res.text();
    expect(res.headers.get('content-type')).toMatch(/^text\/xml/);
    expect(xml).toMatch(/<Response><Message>Merebrook Borough Council: this is our automated assistant\..*STOP.*<\/Message><\/Response>$/);
  });

  test('a long agent answer is trimmed to a summary with a link, within three segments', async () => {
    const phone = newPhone();
    await h.text(phone, 'hello', 1);
    const conversation = (await conversationsOf(phone))[0];
    const long = Array.from({ length: 25 }, (_, i) => `Point ${i + 1}: the team will look at the details you gave and write back to you.`).join(' ');
    await storeOutbound(h.server.store.db, { tenant: h.server.tenant, conversationId: conversation.id, channel: 'sms', author: 'agent', text: long, parts: { text: long }, replyTo: null });
    await createSmsDispatcher(h.deps)(h.server.tenant, conversation.id);
    await h.waitFor(() => h.sentTo(phone).length === 2, 'the agent reply');
    const body = h.sentTo(phone)[1].body;
    expect(countSegments(body).segments).toBeLessThanOrEqual(3);
    expect(body).toMatch(/^Point 1: /);
    expect(body.endsWith('More: https://www.merebrook.gov.uk')).toBe(true);
  });

  test('a resident texting again resumes the conversation within the window; later a new one starts for the same contact', async () => {
    const phone = newPhone();
    await h.text(phone, 'hello', 1);
    h.advance(60 * 60_000);
    await h.text(phone, 'When is my bin day?', 1);
    expect(await conversationsOf(phone)).toHaveLength(1);
    h.advance(25 * 60 * 60_000); // resumeWithinMinutes is 1440 in the demo settings
    await h.text(phone, 'hello', 1);
    const conversations = await conversationsOf(phone);
    expect(conversations).toHaveLength(2);
    expect(conversations[1].contact_id).toBe(conversations[0].contact_id);
  });
});
