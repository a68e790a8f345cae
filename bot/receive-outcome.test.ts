/** Assistant.receive returns the turn's outcome (state, handoff), and the turn's state changes go through the lifecycle. */
import { randomUUID } from 'node:crypto';
import { conversationEvents, createConversation, findConversation, type ConversationRow } from '../store/index.js';
import { startTestServer, type TestServer } from '../test/server.js';

const weekday = () => new Date('2026-11-25T10:30:00Z');

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ clock: weekday });
}, 120_000);
afterAll(async () => {
  await server?.close();
});

async function conversation(): Promise<ConversationRow> {
  return createConversation(server.store.db, { tenant: server.tenant, channel: 'webchat' });
}

const say = async (c: ConversationRow, text: string, id: string = randomUUID()) => {
  const fresh = (await findConversation(server.store.db, server.tenant, c.id))!;
  return server.assistant.receive(fresh, { tenant: server.tenant, channel: 'webchat', channelUserId: c.channel_user_id, providerMessageId: id, text, receivedAt: new Date() });
};

test('the outcome carries the state after the turn and the handoff made in it; a repeat carries them too', async () => {
  const c = await conversation();
  const hello = await say(c, 'hello');
  expect(hello).toMatchObject({ duplicate: false, state: 'bot' });
  expect(hello.handoff).toBeUndefined();

  const asked = await say(c, 'can I speak to a real person please', 'm-2');
  expect(asked.state).toBe('queued');
  expect(asked.handoff).toMatchObject({ reason: 'resident_request', priority: expect.any(String), queue: expect.any(String) });
  expect(asked.handoff).toEqual(asked.replies.find((r) => r.handoff)?.handoff);

  const again = await say(c, 'can I speak to a real person please', 'm-2');
  expect(again).toMatchObject({ duplicate: true, state: 'queued', handoff: asked.handoff, messageId: asked.messageId });
});

test('ending the chat closes it through the lifecycle; the next message starts afresh', async () => {
  const c = await conversation();
  await say(c, 'can I speak to a real person please');
  const ended = await say(c, 'End chat');
  expect(ended.state).toBe('closed');
  const after = await say(c, 'When is my bin day?');
  expect(after.state).toBe('bot');
  const events = await conversationEvents(server.store.db, server.tenant, c.id);
  expect(events.map((e) => `${e.from_state}>${e.to_state}:${e.cause}`)).toEqual([
    'bot>queued:handoff_created',
    'queued>closed:resident_ended',
    'closed>bot:message_after_close',
  ]);
  // The handoff the turn made, then abandoned, is named on its events.
  expect(events[0].handoff_id).toBe(events[1].handoff_id);
  expect(events[0].handoff_id).not.toBeNull();
  expect(events.every((e) => e.actor_type === 'resident')).toBe(true);
  // The turn's own reply announced each change: no lifecycle notice was stored.
  expect(events.every((e) => e.notice_message_id === null)).toBe(true);
});

test('"stop waiting" while queued goes back to the assistant', async () => {
  const c = await conversation();
  await say(c, 'can I speak to a real person please');
  const left = await say(c, 'Cancel');
  expect(left.state).toBe('bot');
  const events = await conversationEvents(server.store.db, server.tenant, c.id);
  expect(events.at(-1)).toMatchObject({ from_state: 'queued', to_state: 'bot', cause: 'resident_left_queue' });
  const handoff = await server.store.db.selectFrom('handoffs').select(['status', 'outcome']).where('id', '=', events.at(-1)!.handoff_id!).executeTakeFirstOrThrow();
  expect(handoff).toEqual({ status: 'resolved', outcome: 'abandoned' });
});
