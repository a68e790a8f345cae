/**
 * Messenger and Instagram end to end through the real app, on the one signed Meta webhook:
 * forged and tampered deliveries refused, a missed bin reported with quick replies to a case
 * reference, a postback, an Instagram turn, Meta's retries processed once, a photo kept and thanked, delivery and read events, a handoff and an agent's reply inside and after the 24-hour
 * window (HUMAN_AGENT tag with the Page's permission, refused with a reason without it), and Send
 * API errors retried or not by kind. The Send API is a local stand-in (messenger-stand-in.fixture.ts).
 */
import { sql } from 'kysely';
import { plainJpeg } from '../../files/test-images.fixture.js';
import { signedInAgent } from '../../test/console-client.js';
import type { SendApiRequest } from './messenger-stand-in.fixture.js';
import { IG_ACCOUNT_ID, mid, newUserId, PAGE_ID, sign, startMessengerHarness, type MessengerHarness, type Platform } from './messenger-harness.fixture.js';

let h: MessengerHarness;

beforeAll(async () => {
  h = await startMessengerHarness();
}, 120_000);
afterAll(async () => {
  await h?.close();
});

const db = () => h.server.store.db;
const parts = (row: { parts: unknown }) => (typeof row.parts === 'string' ? JSON.parse(row.parts) : row.parts) as Record<string, any>;

async function messagesOf(platform: Platform, userId: string) {
  return db()
    .selectFrom('messages')
    .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
    .selectAll('messages')
    .where('messages.tenant_id', '=', h.server.tenant)
    .where('conversations.channel', '=', platform)
    .where('conversations.channel_user_id', '=', userId)
    .orderBy('messages.id')
    .execute();
}

type Sent = { text?: string; quick_replies?: { title: string; payload: string }[]; attachment?: { payload: { text: string; buttons: { type: string; title: string; payload?: string; url?: string }[] } } };
const messageOf = (s: SendApiRequest) => s.body.message as Sent;
/** What the resident reads: a text or a button template's text. */
const shown = (sent: SendApiRequest[]) => sent.map((s) => messageOf(s).text ?? messageOf(s).attachment?.payload.text).join('\n');

/** Taps the quick reply or template button whose title matches, as Messenger reports it. */
function tap(sent: SendApiRequest[], choice: RegExp): Record<string, unknown> {
  const last = [...sent].reverse().find((s) => messageOf(s).quick_replies || messageOf(s).attachment);
  if (!last) throw new Error(`no quick replies or buttons in: ${shown(sent)}`);
  const m = messageOf(last);
  if (m.quick_replies) {
    const q = m.quick_replies.find((x) => choice.test(x.title));
    if (!q) throw new Error(`no quick reply ${choice} in ${JSON.stringify(m.quick_replies)}`);
    return { message: { mid: mid(), text: q.title, quick_reply: { payload: q.payload } } };
  }
  const b = m.attachment!.payload.buttons.find((x) => x.type === 'postback' && choice.test(x.title));
  if (!b) throw new Error(`no postback button ${choice} in ${JSON.stringify(m.attachment)}`);
  return { postback: { mid: mid(), title: b.title, payload: b.payload } };
}

describe('Messenger and Instagram on the Meta webhook', () => {
  test('unsigned, forged and tampered deliveries are refused with 403 and nothing is stored', async () => {
    const psid = newUserId();
    const raw = JSON.stringify(h.envelope('messenger', [h.event('messenger', psid, h.text('My bin was not collected'))]));
    expect((await h.post(null, { raw, signature: null })).status).toBe(403);
    const forged = await h.post(null, { raw, signature: sign(raw, 'not-the-app-secret') });
    expect(forged.status).toBe(403);
    expect(forged.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await h.post(null, { raw: raw.replace('bin', 'car'), signature: sign(raw) })).status).toBe(403);
    expect(await messagesOf('messenger', psid)).toHaveLength(0);
    expect(h.sentTo(psid)).toHaveLength(0);
    // A malformed event refuses the whole delivery, none of it kept.
    const bad = h.envelope('messenger', [h.event('messenger', psid, h.text('hello')), { sender: { id: psid }, recipient: { id: PAGE_ID }, message: { text: 'no mid' } }]);
    const shape = await h.post(bad);
    expect(shape.status).toBe(400);
    expect((await shape.json()).detail).toMatch(/entry\.0\.messaging\.1\.message\.mid/);
    expect(await messagesOf('messenger', psid)).toHaveLength(0);
  });

  test('a missed bin reported on Messenger with quick replies gets a case reference', async () => {
    const psid = newUserId();
    expect(shown(await h.say('messenger', psid, h.text('My bin was not collected')))).toMatch(/address|postcode/i);
    let sent = await h.say('messenger', psid, h.text('MB1 1AD'));
    expect(shown(sent)).toMatch(/addresses at MB1 1AD/);
    const offer = sent.find((s) => messageOf(s).quick_replies)!;
    expect(offer.body).toMatchObject({ recipient: { id: psid }, messaging_type: 'RESPONSE' });
    expect(messageOf(offer).quick_replies!.every((q) => q.title.length <= 20)).toBe(true);
    sent = await h.say('messenger', psid, tap(sent, /^2 High Street/));
    expect(shown(sent)).toMatch(/Which bin was missed\?/);
    sent = await h.say('messenger', psid, tap(sent, /^Recycling/));
    expect(shown(sent)).toMatch(/out by 6am/);
    sent = await h.say('messenger', psid, tap(sent, /^Yes$/));
    expect(shown(sent)).toMatch(/Which day/);
    expect(shown(await h.say('messenger', psid, h.text('today')))).toMatch(/crew should know/);
    sent = await h.say('messenger', psid, h.text('no'));
    expect(shown(sent)).toMatch(/updates/);
    sent = await h.say('messenger', psid, tap(sent, /^No thanks/));
    expect(shown(sent)).toMatch(/Please check your report[\s\S]*2 High Street, Merebrook, MB1 1AD[\s\S]*Recycling/);
    const done = shown(await h.say('messenger', psid, tap(sent, /^Yes, send it/)));
    const messages = await messagesOf('messenger', psid);
    const c = await db().selectFrom('cases').selectAll().where('tenant_id', '=', h.server.tenant).where('conversation_id', '=', messages[0].conversation_id).executeTakeFirstOrThrow();
    expect(done).toContain(c.reference);
    expect(c.uprn).toBe('100023450075');
    expect(c.service_id).toBe('waste.missed_collection');
    // A tap is stored as the value it stood for, the title it showed kept beside it.
    const inbound = messages.filter((m) => m.direction === 'in');
    expect(inbound[2].text).toBe('2 High Street, Merebrook, MB1 1AD');
    expect(parts(inbound[2]).messenger).toMatchObject({ type: 'quick_reply', accountId: PAGE_ID, reply: { title: expect.stringMatching(/^2 High Street/) } });
    // Every reply went out once with its mid recorded; each turn was marked seen with "typing…" first.
    const out = messages.filter((m) => m.direction === 'out');
    expect(out.every((m) => m.status === 'sent' && m.provider_message_id?.startsWith('m_'))).toBe(true);
    expect(h.sentTo(psid).map((s) => s.id)).toEqual(out.map((m) => m.provider_message_id));
    const actions = h.graph.messenger.actions.filter((a) => (a.body.recipient as { id: string }).id === psid).map((a) => a.body.sender_action);
    expect(actions.filter((a) => a === 'mark_seen')).toHaveLength(inbound.length);
    expect(actions.filter((a) => a === 'typing_on')).toHaveLength(inbound.length);
    expect(h.graph.messenger.sent.every((s) => s.auth === 'bearer' && s.version === 'v21.0')).toBe(true);
  });

  test('a postback is a turn: its payload is what the resident chose; "Get Started" greets', async () => {
    const psid = newUserId();
    const sent = await h.say('messenger', psid, { postback: { mid: mid(), title: 'Report a missed bin', payload: 'My bin was not collected' } });
    expect(shown(sent)).toMatch(/address|postcode/i);
    const [inbound] = (await messagesOf('messenger', psid)).filter((m) => m.direction === 'in');
    expect(inbound.text).toBe('My bin was not collected');
    expect(parts(inbound).messenger).toMatchObject({ type: 'postback', postback: { title: 'Report a missed bin' } });

    // An older postback without a mid: one made of the sender and Meta's timestamp, which its retry repeats.
    const other = newUserId();
    const stamp = Date.now() - 5000;
    const event = { ...h.event('messenger', other, { postback: { title: 'Get Started', payload: 'GET_STARTED' } }), timestamp: stamp };
    expect((await h.post(h.envelope('messenger', [event]))).status).toBe(200);
    await h.waitFor(() => h.sentTo(other).length > 0, 'the greeting');
    await h.settle();
    const replies = h.sentTo(other).length;
    expect((await h.post(h.envelope('messenger', [event]))).status).toBe(200);
    await h.settle();
    const stored = (await messagesOf('messenger', other)).filter((m) => m.direction === 'in');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ text: 'hello', provider_message_id: `postback.${other}.${stamp}` });
    expect(h.sentTo(other)).toHaveLength(replies);
  });

  test('an Instagram message is a turn on the instagram channel, answered through the Send API', async () => {
    const igsid = newUserId();
    const sent = await h.say('instagram', igsid, h.text('When is my bin collected?'));
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((s) => s.body.messaging_type === 'RESPONSE')).toBe(true);
    // Instagram's text limit is 1,000 bytes.
    expect(sent.every((s) => Buffer.byteLength(messageOf(s).text ?? messageOf(s).attachment!.payload.text, 'utf8') <= 1000)).toBe(true);
    const messages = await messagesOf('instagram', igsid);
    expect(messages[0]).toMatchObject({ direction: 'in', channel: 'instagram', text: 'When is my bin collected?' });
    expect(parts(messages[0]).instagram).toMatchObject({ type: 'text', accountId: IG_ACCOUNT_ID });
    expect(messages.filter((m) => m.direction === 'out').every((m) => m.status === 'sent')).toBe(true);
    expect(await messagesOf('messenger', igsid)).toHaveLength(0);
    // An account id no pack lists reaches nobody.
    const stranger = newUserId();
    const elsewhere = { ...h.event('instagram', stranger, h.text('hello')), recipient: { id: '17841499999999999' } };
    expect((await h.post(h.envelope('instagram', [elsewhere], '17841499999999999'))).status).toBe(200);
    await h.settle();
    expect(await messagesOf('instagram', stranger)).toHaveLength(0);
  });

  test("Meta's retries of a delivery are stored and answered once", async () => {
    const psid = newUserId();
    const body = h.envelope('messenger', [h.event('messenger', psid, h.text('When is my bin day?'))]);
    const [a, b] = await Promise.all([h.post(body), h.post(body)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await h.waitFor(() => h.sentTo(psid).length > 0, 'the reply');
    await h.settle();
    const replies = h.sentTo(psid).length;
    expect((await h.post(body)).status).toBe(200);
    await h.settle();
    const messages = await messagesOf('messenger', psid);
    expect(messages.filter((m) => m.direction === 'in')).toHaveLength(1);
    expect(h.sentTo(psid)).toHaveLength(replies);
    expect(messages.filter((m) => m.direction === 'out')).toHaveLength(replies);
  });

  test('a photo is fetched and kept (messenger-media.test.ts), a retry answered once; stickers and echoes need no answer', async () => {
    const psid = newUserId();
    // Served by the stand-in CDN: a test never reaches Meta's.
    const url = `${h.graph.url}${h.graph.messenger.cdn.add(plainJpeg('messenger-test'), 'image/jpeg')}`;
    const photo = h.event('messenger', psid, { message: { mid: mid(), attachments: [{ type: 'image', payload: { url } }] } });
    expect((await h.post(h.envelope('messenger', [photo]))).status).toBe(200);
    await h.waitFor(() => h.sentTo(psid).length === 1, 'the reply');
    expect(shown(h.sentTo(psid))).toMatch(/Thank you for the photo/);
    expect((await h.post(h.envelope('messenger', [photo]))).status).toBe(200);
    await h.settle();
    expect(h.sentTo(psid)).toHaveLength(1);
    const [inbound] = (await messagesOf('messenger', psid)).filter((m) => m.direction === 'in');
    expect(inbound.text).toBe('(image sent)');
    expect(inbound.processed_at).not.toBeNull();
    expect(parts(inbound).attachments).toEqual([{ contentType: 'image/*', url: expect.stringMatching(/^\/api\/console\/media\/[0-9a-f-]{36}$/) }]);
    expect(parts(inbound).messenger.attachments).toEqual([{ type: 'image', url, keptAs: expect.any(String) }]);
    // Words with a photo are a turn, the photo kept with them.
    await h.say('messenger', psid, { message: { mid: mid(), text: 'There is a pothole on High Street', attachments: [{ type: 'image', payload: { url } }] } });
    const withWords = (await messagesOf('messenger', psid)).filter((m) => m.direction === 'in')[1];
    expect(parts(withWords).attachments).toEqual([{ contentType: 'image/*', url: expect.stringMatching(/^\/api\/console\/media\//) }]);
    // A "like" sticker and the Page's own echo: stored nowhere, answered by nobody.
    const replies = h.sentTo(psid).length;
    const sticker = h.event('messenger', psid, { message: { mid: mid(), attachments: [{ type: 'image', payload: { url, sticker_id: 369239263222822 } }] } });
    const echo = { sender: { id: PAGE_ID }, recipient: { id: psid }, timestamp: Date.now(), message: { mid: mid(), is_echo: true, text: 'an echo' } };
    expect((await h.post(h.envelope('messenger', [sticker, echo]))).status).toBe(200);
    await h.settle();
    expect(h.sentTo(psid)).toHaveLength(replies);
    expect((await messagesOf('messenger', psid)).filter((m) => m.direction === 'in')).toHaveLength(2);
  });

  test('delivery and read events move the message on, never back', async () => {
    const psid = newUserId();
    const [first] = await h.say('messenger', psid, h.text('hello'));
    const row = async (id: string) => db().selectFrom('messages').select(['status', 'parts']).where('tenant_id', '=', h.server.tenant).where('provider_message_id', '=', id).executeTakeFirstOrThrow();
    const delivery = h.event('messenger', psid, { delivery: { mids: [first.id], watermark: Date.now() } });
    expect((await h.post(h.envelope('messenger', [delivery]))).status).toBe(200);
    expect((await row(first.id!)).status).toBe('delivered');
    expect(parts(await row(first.id!)).messenger).toMatchObject({ deliveryStatus: 'delivered' });
    // Messenger's read event is a watermark: the conversation's latest message sent before it.
    const last = h.sentTo(psid).slice(-1)[0];
    await h.post(h.envelope('messenger', [h.event('messenger', psid, { read: { watermark: Date.now() + 1000 } })]));
    expect((await row(last.id!)).status).toBe('read');
    await h.post(h.envelope('messenger', [delivery])); // late, out of order
    expect((await row(last.id!)).status).toBe('read');
    // Instagram's read event names the message.
    const igsid = newUserId();
    const [ig] = await h.say('instagram', igsid, h.text('hello'));
    await h.post(h.envelope('instagram', [h.event('instagram', igsid, { read: { mid: ig.id } })]));
    expect((await row(ig.id!)).status).toBe('read');
  });

  test("a handoff: the agent's reply goes as a response inside 24 hours; after them only with the HUMAN_AGENT tag where the Page may", async () => {
    const psid = newUserId();
    const channels = h.server.assistant.runtime(h.server.tenant).pack.settings.channels;
    await h.say('messenger', psid, h.text('can I talk to a person please'));
    const conversationId = (await messagesOf('messenger', psid))[0].conversation_id;
    const { client } = await signedInAgent(h.server);
    const queue = await client.call('GET', '/queue');
    const item = queue.body.handoffs.find((x: { conversationId: string }) => x.conversationId === conversationId);
    expect(item).toMatchObject({ channel: 'messenger' });
    expect((await client.call('POST', `/handoffs/${item.id}/accept`)).status).toBe(200);
    const reply = (text: string) => client.call('POST', `/conversations/${conversationId}/messages`, { text });
    const agentMessage = async (text: string) => (await messagesOf('messenger', psid)).find((m) => m.author === 'agent' && m.text === text)!;

    expect((await reply('Hello, I can help with that.')).status).toBe(201);
    await h.waitFor(() => h.sentTo(psid).some((s) => messageOf(s).text === 'Hello, I can help with that.'), "the agent's reply");
    expect(h.sentTo(psid).find((s) => messageOf(s).text === 'Hello, I can help with that.')!.body).toMatchObject({ messaging_type: 'RESPONSE' });

    // 25 hours on: the resident last wrote before the standard window closed (Meta refuses untagged messages now).
    const lastWrote = async (hoursAgo: number) =>
      sql`update messages set created_at = ${new Date(Date.now() - hoursAgo * 3600_000)} where tenant_id = ${h.server.tenant} and conversation_id = ${conversationId} and direction = 'in'`.execute(db());
    await lastWrote(25);
    h.graph.messenger.closeWindow(psid);
    const tries = () => h.graph.messenger.requests.filter((r) => (r.body.recipient as { id: string }).id === psid && r.body.message).length;

    // Without the Page's Human Agent permission: refused here, for good, the reason on the message.
    channels.messengerHumanAgentTag = false;
    let before = tries();
    await reply('Sorry for the wait: your bin will be collected tomorrow.');
    await h.waitFor(async () => (await agentMessage('Sorry for the wait: your bin will be collected tomorrow.'))?.status === 'failed', 'the refused reply');
    const refused = await agentMessage('Sorry for the wait: your bin will be collected tomorrow.');
    expect(parts(refused).delivery.error).toMatch(/outside Messenger's 24-hour messaging window \(the resident last wrote 25 hours ago\) and the council's Page has no Human Agent permission/);
    expect(parts(refused).delivery.attempts).toBe(1);
    expect(tries()).toBe(before);

    // With it: sent as a tagged message, which Meta accepts for 7 days.
    channels.messengerHumanAgentTag = true;
    try {
      before = tries();
      await reply('Your bin will be collected tomorrow.');
      await h.waitFor(async () => (await agentMessage('Your bin will be collected tomorrow.'))?.status === 'sent', 'the tagged reply');
      const tagged = h.sentTo(psid).find((s) => messageOf(s).text === 'Your bin will be collected tomorrow.')!;
      expect(tagged.body).toMatchObject({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });
      expect(tries()).toBe(before + 1);

      // Beyond 7 days not even the tag allows it.
      await lastWrote(8 * 24);
      await reply('Are you still there?');
      await h.waitFor(async () => (await agentMessage('Are you still there?'))?.status === 'failed', 'the reply refused after 7 days');
      expect(parts(await agentMessage('Are you still there?')).delivery.error).toMatch(/8 days ago, beyond the 7 days the HUMAN_AGENT tag allows/);
    } finally {
      channels.messengerHumanAgentTag = false;
    }
  });

  test('Send API errors by kind: a rate limit is retried; an unavailable person and an expired token are not', async () => {
    const psid = newUserId();
    h.graph.messenger.failNext(613);
    await h.post(h.envelope('messenger', [h.event('messenger', psid, h.text('hello'))]));
    await h.waitFor(() => h.sentTo(psid).length === 1, 'the retried reply', 20_000);
    await h.settle(20_000);
    const tries = (id: string) => h.graph.messenger.requests.filter((r) => (r.body.recipient as { id: string }).id === id && r.body.message);
    expect(tries(psid).map((r) => r.error?.code ?? r.status)).toEqual([613, 200]);
    const [out] = (await messagesOf('messenger', psid)).filter((m) => m.direction === 'out');
    expect(out.status).toBe('sent');
    expect(parts(out).delivery.attempts).toBe(2);

    for (const code of [551, 190] as const) {
      const other = newUserId();
      h.graph.messenger.failNext(code);
      await h.post(h.envelope('messenger', [h.event('messenger', other, h.text('hello'))]));
      await h.waitFor(async () => (await messagesOf('messenger', other)).some((m) => m.direction === 'out' && m.status === 'failed'), `the reply refused with ${code}`);
      await h.settle();
      const [refused] = (await messagesOf('messenger', other)).filter((m) => m.direction === 'out');
      expect(parts(refused).delivery).toMatchObject({ attempts: 1, status: 400 });
      expect(parts(refused).delivery.error).toMatch(new RegExp(`code ${code}/`));
      expect(tries(other)).toHaveLength(1);
    }
  }, 40_000);
});
