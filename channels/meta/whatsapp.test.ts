/**
 * The WhatsApp channel end to end through the real app: Meta's verification handshake, signed
 * webhooks (forged and tampered ones refused), a missed bin reported with a location pin, a list
 * and reply buttons to a case reference, Meta's retries processed once, status webhooks, Graph
 * errors retried or not by kind, unsupported messages answered politely, and the sender being the
 * same contact as their texts. The Graph API is a local stand-in (graph-stand-in.fixture.ts).
 */
import { findOrCreateContact, storeOutbound } from '../../store/index.js';
import type { GraphRequest } from './graph-stand-in.fixture.js';
import { PHONE_NUMBER_ID, sign, startWhatsAppHarness, VERIFY_TOKEN, wamid, type WhatsAppHarness } from './whatsapp-harness.fixture.js';

let h: WhatsAppHarness;
let n = 0;
const newWaId = () => `4477009${String(20000 + ++n).slice(-5)}`;
const text = (body: string) => ({ type: 'text', text: { body } });

beforeAll(async () => {
  h = await startWhatsAppHarness();
}, 120_000);
afterAll(async () => {
  await h?.close();
});

const db = () => h.server.store.db;
const parts = (row: { parts: unknown }) => (typeof row.parts === 'string' ? JSON.parse(row.parts) : row.parts) as Record<string, any>;

async function messagesOf(waId: string) {
  return db()
    .selectFrom('messages')
    .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
    .selectAll('messages')
    .where('messages.tenant_id', '=', h.server.tenant)
    .where('conversations.channel', '=', 'whatsapp')
    .where('conversations.channel_user_id', '=', `+${waId}`)
    .orderBy('messages.id')
    .execute();
}

/** What the resident reads: a text body or an interactive message's body. */
const shown = (sent: GraphRequest[]) => sent.map((s) => (s.body.type === 'text' ? (s.body.text as { body: string }).body : (s.body.interactive as { body: { text: string } }).body.text)).join('\n');

/** Taps the button or list row whose title (or description) matches, as WhatsApp reports it. */
function tap(sent: GraphRequest[], choice: RegExp): Record<string, unknown> {
  const message = [...sent].reverse().find((s) => s.body.type === 'interactive');
  if (!message) throw new Error(`no buttons or list in: ${shown(sent)}`);
  const interactive = message.body.interactive as { type: string; action: { buttons?: { reply: { id: string; title: string } }[]; sections?: { rows: { id: string; title: string; description?: string }[] }[] } };
  const context = { from: '441632960100', id: message.id };
  if (interactive.type === 'button') {
    const b = interactive.action.buttons!.find((x) => choice.test(x.reply.title));
    if (!b) throw new Error(`no button ${choice} in ${JSON.stringify(interactive.action.buttons)}`);
    return { type: 'interactive', context, interactive: { type: 'button_reply', button_reply: { id: b.reply.id, title: b.reply.title } } };
  }
  const row = interactive.action.sections!.flatMap((s) => s.rows).find((r) => choice.test(r.title) || choice.test(r.description ?? ''));
  if (!row) throw new Error(`no row ${choice} in ${JSON.stringify(interactive.action.sections)}`);
  return { type: 'interactive', context, interactive: { type: 'list_reply', list_reply: { id: row.id, title: row.title, ...(row.description ? { description: row.description } : {}) } } };
}

describe('WhatsApp webhook', () => {
  test("Meta's verification handshake answers the challenge only for the right verify token", async () => {
    const get = (q: Record<string, string>) => fetch(`${h.server.url}/channels/meta/webhook?${new URLSearchParams(q)}`);
    const ok = await get({ 'hub.mode': 'subscribe', 'hub.verify_token': VERIFY_TOKEN, 'hub.challenge': '1158201444' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await ok.text()).toBe('1158201444');
    expect((await get({ 'hub.mode': 'subscribe', 'hub.verify_token': 'wrong', 'hub.challenge': '1' })).status).toBe(403);
    expect((await get({ 'hub.mode': 'unsubscribe', 'hub.verify_token': VERIFY_TOKEN, 'hub.challenge': '1' })).status).toBe(403);
  });

  test('unsigned, forged and tampered deliveries are refused with 403 and nothing is stored', async () => {
    const waId = newWaId();
    const raw = JSON.stringify(h.message(waId, text('My bin was not collected')));
    expect((await h.post(null, { raw, signature: null })).status).toBe(403);
    const forged = await h.post(null, { raw, signature: sign(raw, 'not-the-app-secret') });
    expect(forged.status).toBe(403);
    expect(forged.headers.get('content-type')).toMatch(/application\/problem\+json/);
    // Signed for one body, carrying another (a changed word in transit).
    expect((await h.post(null, { raw: raw.replace('bin', 'car'), signature: sign(raw) })).status).toBe(403);
    expect((await h.post(null, { raw, signature: 'sha256=xyz' })).status).toBe(403);
    expect(await messagesOf(waId)).toHaveLength(0);
    expect(h.sentTo(waId)).toHaveLength(0);
  });

  test('malformed JSON or a malformed delivery is a clear 400 and nothing of it is stored', async () => {
    const waId = newWaId();
    const bad = await h.post(null, { raw: '{"object":"whatsapp_business_account","entry":[' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ title: 'Malformed JSON', status: 400 });
    // Two messages, the second without its id: the whole delivery is refused, the first not kept.
    const body = h.envelope({ messages: [{ from: waId, id: wamid(), type: 'text', text: { body: 'hello' } }, { from: waId, type: 'text', text: { body: 'again' } }] });
    const shape = await h.post(body);
    expect(shape.status).toBe(400);
    expect((await shape.json()).detail).toMatch(/entry\.0\.changes\.0\.value\.messages\.1\.id/);
    expect(await messagesOf(waId)).toHaveLength(0);
  });

  test('a missed bin reported with a location pin, a list and reply buttons gets a case reference', async () => {
    const waId = newWaId();
    expect(shown(await h.say(waId, text('My bin was not collected')))).toMatch(/address/i);
    // A pin at 2 High Street: the addresses at its postcode are offered to choose from, as a list.
    let sent = await h.say(waId, { type: 'location', location: { latitude: 50.72137, longitude: -1.88279 } });
    expect(shown(sent)).toMatch(/addresses at MB1 1AD/);
    const list = sent.find((s) => (s.body.interactive as { type?: string } | undefined)?.type === 'list')!;
    expect(list.body).toMatchObject({ messaging_product: 'whatsapp', recipient_type: 'individual', to: waId, type: 'interactive' });
    sent = await h.say(waId, tap(sent, /^2 High Street/));
    expect(shown(sent)).toMatch(/Which bin was missed\?/);
    sent = await h.say(waId, tap(sent, /^Recycling/));
    expect(shown(sent)).toMatch(/out by 6am/);
    expect(sent.slice(-1)[0].body.interactive).toMatchObject({ type: 'button' });
    sent = await h.say(waId, tap(sent, /^Yes$/));
    expect(shown(sent)).toMatch(/Which day/);
    expect(shown(await h.say(waId, text('today')))).toMatch(/crew should know/);
    sent = await h.say(waId, text('no'));
    expect(shown(sent)).toMatch(/updates/);
    sent = await h.say(waId, tap(sent, /^No thanks/));
    expect(shown(sent)).toMatch(/Please check your report[\s\S]*2 High Street, Merebrook, MB1 1AD[\s\S]*Recycling/);
    const done = shown(await h.say(waId, tap(sent, /^Yes, send it/)));
    const messages = await messagesOf(waId);
    const c = await db().selectFrom('cases').selectAll().where('tenant_id', '=', h.server.tenant).where('conversation_id', '=', messages[0].conversation_id).executeTakeFirstOrThrow();
    expect(done).toContain(c.reference);
    expect(c.uprn).toBe('100023450075');
    expect(c.service_id).toBe('waste.missed_collection');
    // The pin and the taps are kept beside the answers they stood for.
    const inbound = messages.filter((m) => m.direction === 'in');
    expect(inbound[1].text).toBe('MB1 1AD');
    expect(parts(inbound[1]).whatsapp).toMatchObject({ type: 'location', location: { latitude: 50.72137 }, nearest: { uprn: '100023450075', postcode: 'MB1 1AD' } });
    expect(inbound[2].text).toBe('2 High Street, Merebrook, MB1 1AD');
    expect(parts(inbound[2]).whatsapp.reply).toMatchObject({ kind: 'list_reply' });
    // Every reply went out once, recorded with its wamid; each message was marked read.
    const out = messages.filter((m) => m.direction === 'out');
    expect(out.every((m) => m.status === 'sent' && m.provider_message_id?.startsWith('wamid.'))).toBe(true);
    expect(h.sentTo(waId).map((s) => s.id)).toEqual(out.map((m) => m.provider_message_id));
    expect(h.graph.reads.filter((r) => inbound.some((m) => m.provider_message_id === r.body.message_id))).toHaveLength(inbound.length);
    expect(h.graph.sent.every((s) => s.phoneNumberId === PHONE_NUMBER_ID && s.version === 'v21.0')).toBe(true);
  });

  test("Meta's retries of a delivery are stored and answered once", async () => {
    const waId = newWaId();
    const body = h.message(waId, text('When is my bin day?'));
    const [a, b] = await Promise.all([h.post(body), h.post(body)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await h.waitFor(() => h.sentTo(waId).length > 0, 'the reply');
    await h.settle();
    const replies = h.sentTo(waId).length;
    expect((await h.post(body)).status).toBe(200);
    await h.settle();
    const messages = await messagesOf(waId);
    expect(messages.filter((m) => m.direction === 'in')).toHaveLength(1);
    expect(h.sentTo(waId)).toHaveLength(replies);
    expect(messages.filter((m) => m.direction === 'out')).toHaveLength(replies);
  });

  test('status webhooks move the message on, never back, and keep a failure\'s code', async () => {
    const waId = newWaId();
    const [first] = await h.say(waId, text('hello'));
    const status = (id: string, s: string, extra: Record<string, unknown> = {}) =>
      h.post(h.envelope({ statuses: [{ id, status: s, timestamp: String(Math.floor(Date.now() / 1000)), recipient_id: waId, ...extra }] }));
    const row = async (id: string) => db().selectFrom('messages').select(['status', 'parts']).where('tenant_id', '=', h.server.tenant).where('provider_message_id', '=', id).executeTakeFirstOrThrow();
    expect((await status(first.id!, 'delivered')).status).toBe(200);
    expect((await row(first.id!)).status).toBe('delivered');
    await status(first.id!, 'read');
    await status(first.id!, 'delivered'); // late, out of order
    await status(first.id!, 'sent');
    expect((await row(first.id!)).status).toBe('read');

    const other = newWaId();
    const [second] = await h.say(other, text('hello'));
    await status(second.id!, 'failed', { errors: [{ code: 131026, title: 'Message undeliverable', message: 'Message undeliverable', error_data: { details: 'Unable to deliver message.' } }] });
    const failed = await row(second.id!);
    expect(failed.status).toBe('failed');
    expect(parts(failed).whatsapp).toMatchObject({ deliveryStatus: 'failed', errors: [{ code: 131026 }] });
  });

  // A re-engagement refusal (131047) is held for a template: whatsapp-window.test.ts.
  test('a rate-limited or unavailable Graph API is retried', async () => {
    const waId = newWaId();
    h.graph.failNext(130429);
    await h.post(h.message(waId, text('hello')));
    await h.waitFor(() => h.sentTo(waId).length === 1, 'the retried reply', 20_000);
    await h.settle(20_000);
    const tries = h.graph.requests.filter((r) => r.body.to === waId);
    expect(tries.map((r) => r.error?.code ?? r.status)).toEqual([130429, 200]);
    const [out] = (await messagesOf(waId)).filter((m) => m.direction === 'out');
    expect(out.status).toBe('sent');
    expect(parts(out).delivery.attempts).toBe(2);
  }, 40_000);

  // Photos, PDFs and voice notes are fetched and kept: whatsapp-media.test.ts.
  test('a video is answered politely, kept with its media id, and answered once when retried', async () => {
    const waId = newWaId();
    const body = h.message(waId, { type: 'video', video: { id: '1479537139650973', mime_type: 'video/mp4', sha256: 'abc', caption: 'the pothole' } });
    expect((await h.post(body)).status).toBe(200);
    await h.waitFor(() => h.sentTo(waId).length === 1, 'the polite reply');
    expect(shown(h.sentTo(waId))).toMatch(/can only keep photos/);
    expect((await h.post(body)).status).toBe(200);
    await h.settle();
    expect(h.sentTo(waId)).toHaveLength(1);
    const [inbound] = (await messagesOf(waId)).filter((m) => m.direction === 'in');
    expect(inbound.text).toBe('(video sent: the pothole)');
    expect(inbound.processed_at).not.toBeNull();
    expect(parts(inbound).whatsapp.media).toMatchObject({ id: '1479537139650973', mime_type: 'video/mp4' });
    // A reaction is acknowledged politely, once (Meta's retry is the same message); taking it back is not answered.
    const reaction = h.message(waId, { type: 'reaction', reaction: { message_id: h.sentTo(waId)[0].id, emoji: '👍' } });
    await h.post(reaction);
    await h.waitFor(() => h.sentTo(waId).length === 2, 'the acknowledgement');
    expect(shown(h.sentTo(waId).slice(1))).toMatch(/anything else, just send a message/);
    await h.post(reaction);
    await h.post(h.message(waId, { type: 'reaction', reaction: { message_id: h.sentTo(waId)[0].id, emoji: '' } }));
    await h.settle();
    expect(h.sentTo(waId)).toHaveLength(2);
    const reacted = (await messagesOf(waId)).find((m) => m.direction === 'in' && m.text === '(reacted 👍)');
    expect(parts(reacted!).whatsapp).toMatchObject({ reaction: { emoji: '👍' } });
  });

  test('a reply of "2" under a numbered list (more options than a list holds) is the second option', async () => {
    const waId = newWaId();
    await h.say(waId, text('hello'));
    const conversationId = (await messagesOf(waId))[0].conversation_id;
    const suggestions = Array.from({ length: 12 }, (_, i) => ({ label: `Option ${i + 1}`, value: `option-${i + 1}` }));
    await storeOutbound(db(), { tenant: h.server.tenant, conversationId, channel: 'whatsapp', author: 'agent', text: 'Which one?', parts: { text: 'Which one?', suggestions }, replyTo: null });
    await h.post(h.message(waId, text('2')));
    await h.settle();
    const inbound = (await messagesOf(waId)).filter((m) => m.direction === 'in');
    expect(inbound.slice(-1)[0].text).toBe('option-2');
    expect(parts(inbound.slice(-1)[0]).whatsapp.typed).toBe('2');
    expect(shown(h.sentTo(waId))).toMatch(/Reply with a number:\n1\. Option 1/);
  });

  test('the WhatsApp sender is the same contact as their texts; an unknown business number reaches nobody', async () => {
    const waId = newWaId();
    await h.say(waId, text('hello'));
    const [conversation] = await db().selectFrom('conversations').select('contact_id').where('tenant_id', '=', h.server.tenant).where('channel', '=', 'whatsapp').where('channel_user_id', '=', `+${waId}`).execute();
    expect(await findOrCreateContact(db(), h.server.tenant, 'sms', `+${waId}`)).toBe(conversation.contact_id);

    const stranger = newWaId();
    expect((await h.post(h.envelope({ messages: [{ from: stranger, id: wamid(), type: 'text', text: { body: 'hello' } }] }, '999999999999999'))).status).toBe(200);
    await h.settle();
    expect(await messagesOf(stranger)).toHaveLength(0);
  });
});
