/** A caller who leaves the Twilio queue: the waiting handoff is abandoned and the conversation closed through the lifecycle. */
import { startTestServer, type TestServer } from '../../../test/server.js';
import { conversationEvents } from '../../../store/index.js';
import { startVoiceApp, TwilioCall } from './twilio-caller.fixture.js';
import { findAll } from './xml.js';
import { makeAgent } from '../../../handoff/queue/test-helpers.js';

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

test('hanging up while queued abandons the handoff and closes the conversation (caller_left); a second leave changes nothing', async () => {
  const agent = await makeAgent(server.store.db, server.tenant, { name: 'Wes Waste', skills: ['waste'], capacity: 20, seenAt: weekday() });
  try {
    const c = new TwilioCall(voice.url, '+447700912345');
    await c.start();
    await c.say('my bin was not collected');
    const r = await c.say('I want to speak to a person');
    const [enqueue] = findAll(r.root!, 'Enqueue');
    expect(enqueue).toBeDefined();

    const left = await c.post(enqueue.attributes.action, { QueueResult: 'hangup', QueueTime: '30' });
    expect(findAll(left.root!, 'Hangup')).toHaveLength(1);
    const db = server.store.db;
    const conversation = await db.selectFrom('conversations').selectAll().where('tenant_id', '=', server.tenant).where('channel_user_id', '=', c.from).executeTakeFirstOrThrow();
    expect(conversation.state).toBe('closed');
    expect(conversation.closed_at).toBeInstanceOf(Date);
    const handoff = await db.selectFrom('handoffs').selectAll().where('conversation_id', '=', conversation.id).executeTakeFirstOrThrow();
    expect(handoff).toMatchObject({ status: 'resolved', outcome: 'abandoned' });
    const events = await conversationEvents(db, server.tenant, conversation.id);
    expect(events.at(-1)).toMatchObject({ from_state: 'queued', to_state: 'closed', cause: 'caller_left', handoff_id: handoff.id, notice_message_id: null });

    // Twilio may repeat the callback: nothing more happens.
    await c.post(enqueue.attributes.action, { QueueResult: 'hangup', QueueTime: '30' });
    expect(await conversationEvents(db, server.tenant, conversation.id)).toHaveLength(events.length);
  } finally {
    await server.store.db.updateTable('agents').set({ status: 'away' }).where('id', '=', agent.id).execute();
  }
});
