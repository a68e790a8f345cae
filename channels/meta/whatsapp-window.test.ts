/**
 * WhatsApp's 24-hour customer-service window and STOP, through the real app (webhook, console,
 * outbox) with the Graph API stand-in: an agent's reply inside the window goes as written; outside
 * it the council's approved template goes instead, and the reply follows once the resident writes,
 * once; Meta's 131047 (re-engagement) does the same; the console shows the time left; STOP stops
 * every message but its confirmation until START.
 */
import { sql } from 'kysely';
import { createCase } from '../../store/index.js';
import { signedInAgent } from '../../test/console-client.js';
import type { GraphRequest } from './graph-stand-in.fixture.js';
import { startWhatsAppHarness, type WhatsAppHarness } from './whatsapp-harness.fixture.js';

let h: WhatsAppHarness;
let n = 0;
const newWaId = () => `4477009${String(40000 + ++n).slice(-5)}`;
const text = (body: string) => ({ type: 'text', text: { body } });

beforeAll(async () => {
  h = await startWhatsAppHarness();
}, 120_000);
afterAll(async () => {
  await h?.close();
});

const db = () => h.server.store.db;
const parts = (row: { parts: unknown }) => (typeof row.parts === 'string' ? JSON.parse(row.parts) : row.parts) as Record<string, any>;
const bodyOf = (s: GraphRequest) =>
  s.body.type === 'text' ? (s.body.text as { body: string }).body : s.body.type === 'interactive' ? (s.body.interactive as { body: { text: string } }).body.text : `[template ${(s.body.template as { name: string }).name}]`;
const shown = (sent: GraphRequest[]) => sent.map(bodyOf).join('\n');

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

/** The resident's last message was 25 hours ago (and Meta's timestamp with it). */
async function backdateResident(waId: string): Promise<void> {
  const ids = (await messagesOf(waId)).filter((m) => m.direction === 'in').map((m) => m.id);
  await db().updateTable('messages').set({ created_at: sql`created_at - interval '25 hours'` }).where('id', 'in', ids).execute();
}

describe('the 24-hour window', () => {
  test("an agent's reply inside the window goes as written; outside it the template goes, and the reply once the resident writes", async () => {
    const waId = newWaId();
    await h.say(waId, text('Can I speak to a person please'));
    const conversationId = (await messagesOf(waId))[0].conversation_id;
    const { client } = await signedInAgent(h.server);
    const item = (await client.call('GET', '/queue')).body.handoffs.find((x: { conversationId: string }) => x.conversationId === conversationId);
    expect(item).toMatchObject({ channel: 'whatsapp' });
    expect((await client.call('POST', `/handoffs/${item.id}/accept`)).status).toBe(200);

    // Inside the window: as written; the console says how long is left.
    let view = await client.call('GET', `/conversations/${conversationId}`);
    expect(view.body.messagingWindow).toMatchObject({ channel: 'whatsapp', open: true });
    const left = new Date(view.body.messagingWindow.closesAt).getTime() - Date.now();
    expect(left).toBeGreaterThan(23.9 * 3600_000);
    expect(left).toBeLessThanOrEqual(24 * 3600_000);
    expect((await client.call('POST', `/conversations/${conversationId}/messages`, { text: 'Hello, I can help with that.' })).status).toBe(201);
    await h.waitFor(() => h.sentTo(waId).some((s) => bodyOf(s) === 'Hello, I can help with that.'), "the agent's reply");
    await h.settle();

    // A day later: the window has closed. The case reference is what the template names.
    const c = await createCase(db(), { tenant: h.server.tenant, referencePrefix: 'MBC', serviceId: 'waste.missed_collection', summary: 'Missed bin', details: {}, location: null, conversationId, actor: 'test' });
    await backdateResident(waId);
    view = await client.call('GET', `/conversations/${conversationId}`);
    expect(view.body.messagingWindow).toMatchObject({ open: false });
    const before = h.sentTo(waId).length;
    await client.call('POST', `/conversations/${conversationId}/messages`, { text: 'Your bin will be collected tomorrow.' });
    await client.call('POST', `/conversations/${conversationId}/messages`, { text: 'Sorry for the wait.' });
    await h.waitFor(async () => (await messagesOf(waId)).filter((m) => m.status === 'awaiting_window').length === 2, 'both replies held');
    await h.settle();
    const waiting = h.sentTo(waId).slice(before);
    // One template for both, with the case reference; neither reply.
    expect(waiting).toHaveLength(1);
    expect(waiting[0].body).toMatchObject({
      type: 'template',
      template: { name: 'case_reply_waiting', language: { code: 'en_GB' }, components: [{ type: 'body', parameters: [{ type: 'text', text: c.reference }] }] },
    });
    const template = (await messagesOf(waId)).find((m) => m.provider_message_id === waiting[0].id)!;
    expect(template).toMatchObject({ author: 'system', status: 'sent', text: `We have replied about ${c.reference}. Reply to this message to see it.` });
    const held = (await messagesOf(waId)).filter((m) => m.status === 'awaiting_window');
    expect(held.map((m) => m.text)).toEqual(['Your bin will be collected tomorrow.', 'Sorry for the wait.']);
    expect(parts(held[0]).whatsapp.held.why).toMatch(/24-hour window closed/);

    // The resident writes: both replies go, in order, once; no second template.
    await h.post(h.message(waId, { type: 'button', button: { payload: 'See reply', text: 'See reply' } }));
    await h.waitFor(() => h.sentTo(waId).some((s) => bodyOf(s) === 'Sorry for the wait.'), 'the held replies');
    await h.settle();
    const after = h.sentTo(waId).slice(before).map(bodyOf);
    expect(after).toEqual(['[template case_reply_waiting]', 'Your bin will be collected tomorrow.', 'Sorry for the wait.']);
    expect((await messagesOf(waId)).filter((m) => m.direction === 'out').every((m) => m.status === 'sent')).toBe(true);
    view = await client.call('GET', `/conversations/${conversationId}`);
    expect(view.body.messagingWindow).toMatchObject({ open: true });
  }, 60_000);

  test("Meta's 131047 (re-engagement) holds the message and sends the template; the resident's reply releases it once", async () => {
    const waId = newWaId();
    h.graph.failNext(131047);
    await h.post(h.message(waId, text('hello')));
    await h.waitFor(() => h.sentTo(waId).some((s) => s.body.type === 'template'), 'the template');
    await h.settle();
    const [refused] = h.graph.requests.filter((r) => r.body.to === waId);
    expect(refused.error?.code).toBe(131047);
    const held = (await messagesOf(waId)).filter((m) => m.status === 'awaiting_window');
    expect(held).toHaveLength(1);
    expect(parts(held[0]).whatsapp.held.why).toMatch(/131047/);
    // No case in this conversation: the template says "your message".
    expect(h.sentTo(waId)[0].body).toMatchObject({ template: { components: [{ parameters: [{ text: 'your message' }] }] } });

    await h.post(h.message(waId, text('thanks')));
    await h.waitFor(async () => (await messagesOf(waId)).find((m) => m.id === held[0].id)?.status === 'sent', 'the held reply');
    await h.settle();
    const heldRow = (await messagesOf(waId)).find((m) => m.id === held[0].id)!;
    expect(h.sentTo(waId).filter((s) => s.id === heldRow.provider_message_id)).toHaveLength(1);
    expect(shown(h.sentTo(waId).filter((s) => s.id === heldRow.provider_message_id))).toBe(shown([{ ...refused, id: undefined }]));
    expect(h.sentTo(waId).filter((s) => s.body.type === 'template')).toHaveLength(1);
  }, 40_000);
});

describe('STOP on WhatsApp', () => {
  test('STOP is confirmed once and nothing more is sent until START', async () => {
    const waId = newWaId();
    await h.say(waId, text('hello'));
    expect(shown(await h.say(waId, text('STOP')))).toMatch(/won't get any more WhatsApp messages/);
    const flags = async () =>
      (await db().selectFrom('contacts').innerJoin('conversations', 'conversations.contact_id', 'contacts.id').select('contacts.flags').where('conversations.tenant_id', '=', h.server.tenant).where('conversations.channel_user_id', '=', `+${waId}`).executeTakeFirstOrThrow()).flags;
    expect(JSON.stringify(await flags())).toContain('whatsapp_opt_out');

    // The assistant still reads and answers (for the record), but nothing leaves.
    const before = h.sentTo(waId).length;
    await h.post(h.message(waId, text('My bin was not collected')));
    await h.settle();
    expect(h.sentTo(waId)).toHaveLength(before);
    const suppressed = (await messagesOf(waId)).filter((m) => m.status === 'suppressed_opt_out');
    expect(suppressed.length).toBeGreaterThan(0);
    // A retried STOP changes nothing and sends nothing.
    expect(JSON.stringify(await flags())).toContain('whatsapp_opt_out');

    expect(shown(await h.say(waId, text('START')))).toMatch(/WhatsApp messages from us again/);
    expect(JSON.stringify(await flags())).not.toContain('whatsapp_opt_out');
    expect(shown(await h.say(waId, text('hello')))).not.toBe('');
    expect((await messagesOf(waId)).filter((m) => m.status === 'suppressed_opt_out')).toHaveLength(suppressed.length);
  }, 40_000);
});
