/**
 * The real app with Twilio configured against a local stand-in, and a resident who texts it
 * through the signed SMS webhook: the set-up of the tests that follow an agent's console actions
 * out to a texter's phone.
 */
import twilio from 'twilio';
import { startTestServer, type TestServer } from '../../test/server.js';
import { startTwilioStandIn, type TwilioStandIn, type ReceivedSms } from './twilio-stand-in.fixture.js';

export const COUNCIL_NUMBER = '+441632960100';

export interface TextingApp {
  server: TestServer;
  stand: TwilioStandIn;
  /** Texts the council from `from` (a new MessageSid each time); the webhook's response. */
  text(from: string, body: string): Promise<Response>;
  /** What the council has sent to `to` so far. */
  sentTo(to: string): ReceivedSms[];
  close(): Promise<void>;
}

/** Starts it with the given clock; the environment is restored on close. */
export async function startTextingApp(clock: () => Date): Promise<TextingApp> {
  const saved = { ...process.env };
  const stand = await startTwilioStandIn();
  Object.assign(process.env, { TWILIO_ACCOUNT_SID: stand.accountSid, TWILIO_AUTH_TOKEN: stand.authToken, TWILIO_FROM: COUNCIL_NUMBER, TWILIO_API_BASE_URL: stand.url });
  delete process.env.PUBLIC_URL;
  const server = await startTestServer({ clock });
  let sid = 0;
  return {
    server,
    stand,
    text: (from, body) => {
      const url = `${server.url}/channels/twilio/sms`;
      const params = {
        MessageSid: `SM${String(++sid).padStart(24, '0')}${from.slice(-8)}`,
        AccountSid: stand.accountSid,
        From: from,
        To: COUNCIL_NUMBER,
        Body: body,
        NumMedia: '0',
        NumSegments: '1',
        ApiVersion: '2010-04-01',
      };
      const signature = twilio.getExpectedTwilioSignature(stand.authToken, url, params);
      return fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, body: new URLSearchParams(params) });
    },
    sentTo: (to) => stand.sent.filter((m) => m.to === to),
    close: async () => {
      process.env = saved;
      await server.close();
      await stand.close();
    },
  };
}

/** Polls until `get` gives a value (about `tries` × 100 ms). */
export async function until<T>(get: () => T | undefined | Promise<T | undefined>, what: string, tries = 150): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = await get();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}
