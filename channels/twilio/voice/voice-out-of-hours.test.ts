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

test('out of hours a request for a person is explained and the call ends politely, not queued', async () => {
  const c = new TwilioCall(voice.url, '+447700900401');
  await c.start();
  const r = await c.say('Can I talk to a person please');
  expect(findAll(r.root!, 'Enqueue')).toHaveLength(0);
  expect(findAll(r.root!, 'Hangup')).toHaveLength(1);
  expect(r.spoken).toMatch(/nobody is here right now/);
  expect(r.spoken).toMatch(/Customer services team, who will see it when they are back/);
  expect(r.spoken).not.toMatch(/reply here|ask for a call-back/);
  expect(r.spoken).toMatch(/Goodbye/);
  expect(r.spoken).not.toMatch(/https?:|www\./);
  const conversation = await server.store.db.selectFrom('conversations').selectAll().where('tenant_id', '=', server.tenant).where('channel_user_id', '=', c.from).executeTakeFirstOrThrow();
  // The conversation waits in the console queue for the morning.
  expect(conversation.state).toBe('queued');
});

test('out of hours a safety disclosure gets the emergency message and the duty officer, then the call ends', async () => {
  const c = new TwilioCall(voice.url, '+447700900402');
  await c.start();
  const r = await c.say('I am going to kill myself');
  expect(findAll(r.root!, 'Enqueue')).toHaveLength(0);
  expect(r.spoken).toMatch(/9 9 9/);
  expect(r.spoken).toMatch(/duty officer/);
  expect(r.spoken).not.toMatch(/passing you to a member of our team/);
  const conversation = await server.store.db.selectFrom('conversations').selectAll().where('tenant_id', '=', server.tenant).where('channel_user_id', '=', c.from).executeTakeFirstOrThrow();
  const handoff = await server.store.db.selectFrom('handoffs').selectAll().where('conversation_id', '=', conversation.id).executeTakeFirstOrThrow();
  expect(handoff.priority).toBe('urgent');
});
