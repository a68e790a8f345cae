// Throwaway reproducer (not part of the project): posts signed SMS webhooks given as JSON on argv and prints logged errors.
import twilio from 'twilio';
import { startTwilioStandIn } from '../channels/twilio/twilio-stand-in.fixture.js';
import { startTestServer } from '../test/server.js';
const stand = await startTwilioStandIn();
Object.assign(process.env, { TWILIO_ACCOUNT_SID: stand.accountSid, TWILIO_AUTH_TOKEN: stand.authToken, TWILIO_FROM: '+441632960100', TWILIO_API_BASE_URL: stand.url });
delete process.env.PUBLIC_URL;
const server = await startTestServer({ log: true });
const cases = JSON.parse(process.argv[2]) as { path?: string; params: Record<string, string> }[];
for (const c of cases) {
  const url = `${server.url}${c.path ?? '/channels/twilio/sms'}`;
  const params = { AccountSid: stand.accountSid, To: '+441632960100', NumMedia: '0', ...c.params };
  const sig = twilio.getExpectedTwilioSignature(stand.authToken, url, params);
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': sig }, body: new URLSearchParams(params) });
  console.log('RESULT', JSON.stringify(c.params), res.status, (await res.text()).slice(0, 300));
}
await new Promise((r) => setTimeout(r, 3000));
await server.close(); await stand.close();
