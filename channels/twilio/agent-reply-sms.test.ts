import { signedInAgent } from '../../test/console-client.js';
import { COUNCIL_NUMBER as COUNCIL, startTextingApp, until, type TextingApp } from './texting-app.fixture.js';

/**
 * Through the real app: a texter asks for a person, an agent accepts in the console and replies,
 * and the reply reaches the resident as an SMS through (a stand-in for) Twilio's REST API.
 */
const RESIDENT = '+447700900555';
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

const text = (body: string) => app.text(RESIDENT, body);

test("an agent's console reply to a texter goes out as an SMS", async () => {
  const res = await text('can I talk to a person please');
  expect(res.status).toBe(200);
  await until(() => stand.sent.find((m) => m.to === RESIDENT && /team/i.test(m.body)), 'the handoff notice by SMS');

  const { client } = await signedInAgent(server, { now: wednesdayMorning });
  const queue = await client.call('GET', '/queue');
  const item = queue.body.handoffs.find((h: { channel: string }) => h.channel === 'sms');
  expect(item).toBeDefined();
  expect((await client.call('POST', `/handoffs/${item.id}/accept`)).status).toBe(200);
  const reply = await client.call('POST', `/conversations/${item.conversationId}/messages`, { text: 'Hello, this is Agent from the council. How can I help?' });
  expect(reply.status).toBe(201);

  const sms = await until(() => stand.sent.find((m) => m.to === RESIDENT && m.body.includes('How can I help?')), "the agent's reply by SMS");
  expect(sms.from ?? sms.messagingServiceSid).toBe(COUNCIL);
  // The resident is told who they are talking to, on their channel too.
  expect(stand.sent.some((m) => m.to === RESIDENT && /has joined the conversation/i.test(m.body))).toBe(true);
});
