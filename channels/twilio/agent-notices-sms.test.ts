import { signedInAgent } from '../../test/console-client.js';
import { startTextingApp, until, type TextingApp } from './texting-app.fixture.js';

/**
 * Through the real app, a texter's view of an agent's actions (conversations/notices.ts): the
 * agent joining, handing back and closing each reach the resident as exactly one SMS, through (a
 * stand-in for) Twilio's REST API; and a text after the close starts afresh (a new conversation,
 * not the report the resident was half-way through when they asked for a person).
 */
const RESIDENT = '+447700900556';
const wednesdayMorning = () => new Date('2026-11-18T11:00:00Z');
let app: TextingApp;
let server: TextingApp['server'];
let stand: TextingApp['stand'];

beforeAll(async () => {
  app = await startTextingApp(wednesdayMorning); // staff are in
  ({ server, stand } = app);
}, 120_000);
afterAll(async () => {
  await app?.close();
});

const text = async (body: string) => expect((await app.text(RESIDENT, body)).status).toBe(200);

const toResident = () => stand.sent.filter((m) => m.to === RESIDENT);
const count = (pattern: RegExp) => toResident().filter((m) => pattern.test(m.body)).length;
const since = (n: number) => toResident().slice(n);

const JOINED = /^Priya from .+ has joined the conversation\.$/;
const HANDED_BACK = /^Priya has handed you back to the assistant; I'm here if you need anything else\.$/;
const CLOSED = /^Priya has closed this conversation\. If you need us again, just send a message and the assistant will start afresh\.$/;

test('join, hand back and close notices arrive by SMS once each; a text after the close starts afresh', async () => {
  const { client, agentId } = await signedInAgent(server, { now: wednesdayMorning });
  await server.store.db.updateTable('agents').set({ name: 'Priya Shah' }).where('id', '=', agentId).execute();

  // First handoff: ask for a person, the agent accepts, then hands back.
  await text('can I talk to a person please');
  await until(() => toResident().find((m) => /team/i.test(m.body)), 'the handoff notice by SMS');
  const waiting = async () =>
    ((await client.call('GET', '/queue')).body.handoffs as { id: string; channel: string; conversationId: string }[]).find((h) => h.channel === 'sms');
  const first = await until(waiting, 'the handoff in the queue');
  expect((await client.call('POST', `/handoffs/${first.id}/accept`)).status).toBe(200);
  await until(() => count(JOINED) === 1 || undefined, 'the join notice by SMS');
  expect((await client.call('POST', `/conversations/${first.conversationId}/hand-back`)).status).toBe(204);
  await until(() => count(HANDED_BACK) === 1 || undefined, 'the hand-back notice by SMS');

  // Mid-report, a second handoff (the same conversation, answered by the assistant again), closed.
  let before = toResident().length;
  await text("my bin wasn't collected");
  await until(() => since(before).find((m) => /postcode|address/i.test(m.body)), 'the report asking where');
  await text('can I talk to a person please');
  const second = await until(waiting, 'the second handoff in the queue');
  expect(second.conversationId).toBe(first.conversationId);
  expect((await client.call('POST', `/handoffs/${second.id}/accept`)).status).toBe(200);
  await until(() => count(JOINED) === 2 || undefined, 'the second join notice by SMS');
  expect((await client.call('POST', `/conversations/${second.conversationId}/close`, { outcome: 'resolved' })).status).toBe(204);
  await until(() => count(CLOSED) === 1 || undefined, 'the close notice by SMS');

  // Sent once each: a later dispatch or outbox sweep finds nothing left to send.
  await new Promise((r) => setTimeout(r, 1500));
  expect([count(JOINED), count(HANDED_BACK), count(CLOSED)]).toEqual([2, 1, 1]);
  const stored = await server.store.db
    .selectFrom('messages')
    .select(['text', 'status', 'author'])
    .where('conversation_id', '=', first.conversationId)
    .where('direction', '=', 'out')
    .where('author', '=', 'system')
    .execute();
  const notices = stored.filter((m) => JOINED.test(m.text) || HANDED_BACK.test(m.text) || CLOSED.test(m.text));
  expect(notices).toHaveLength(4);
  expect(notices.every((m) => m.status !== 'stored' && m.status !== 'dispatching')).toBe(true);

  // A text after the close starts afresh: a new conversation, not the report's "where?" step.
  before = toResident().length;
  await text('hello again');
  const reply = await until(() => since(before)[0], 'the reply to a text after the close');
  expect(reply.body).not.toMatch(/postcode|address|which bin|couldn't find/i);
  const conversations = await server.store.db
    .selectFrom('conversations')
    .select(['id', 'state'])
    .where('channel_user_id', '=', RESIDENT)
    .where('tenant_id', '=', server.tenant)
    .orderBy('created_at')
    .execute();
  expect(conversations).toHaveLength(2);
  expect(conversations[0]).toEqual({ id: first.conversationId, state: 'closed' });
  expect(conversations[1].state).toBe('bot');
}, 60_000);
