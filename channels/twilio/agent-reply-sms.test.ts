import twilio from 'twilio';
import { signedInAgent } from '../../test/console-client.js';
import { startTestServer, type TestServer } from '../../test/server.js';
import { startTwilioStandIn, type TwilioStandIn } from './twilio-stand-in.fixture.js';

/**
 * Through the real app: a texter asks for a person, an agent accepts in the console and replies,
 * and the reply reaches the resident as an SMS through (a stand-in for) Twilio's REST API.
 */
const COUNCIL = '+441632960100';
const RESIDENT = '+447700900555';
const wednesdayMorning = () => new Date('2026-11-18T11:00:00Z');
let stand: TwilioStandIn;
let server: TestServer;
const saved = { ...process.env };

beforeAll(async () => {
  stand = await startTwilioStandIn();
  Object.assign(process.env, { TWILIO_ACCOUNT_SID: stand.accountSid, TWILIO_AUTH_TOKEN: stand.authToken, TWILIO_FROM: COUNCIL, TWILIO_API_BASE_URL: stand.url });
  delete process.env.PUBLIC_URL;
  server = await startTestServer({ clock: wednesdayMorning }); // staff are in
}, 120_000);
afterAll(async () => {
  process.env = saved;
  await server?.close();
  await stand?.close();
});

let sid = 0;
async function text(body: string): Promise<Response> {
  const url = `${server.url}/channels/twilio/sms`;
  const params = {
    MessageSid: `SM${String(++sid).padStart(32, '0')}`,
    AccountSid: stand.accountSid,
    From: RESIDENT,
    To: COUNCIL,
    Body: body,
    NumMedia: '0',
    NumSegments: '1',
    ApiVersion: '2010-04-01',
  };
  const signature = twilio.getExpectedTwilioSignature(stand.authToken, url, params);
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, body: new URLSearchParams(params) });
}

async function until<T>(get: () => T | undefined | Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const v = await get();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

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
