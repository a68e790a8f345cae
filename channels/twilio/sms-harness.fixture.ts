import http from 'node:http';
import express from 'express';
import twilio from 'twilio';
import { problemHandler } from '../../api/problem.js';
import { twilioSmsRoutes } from './sms-channel.js';
import { startTestServer, type TestServer } from '../../test/server.js';
import { registerSmsJobs, type SmsChannelDeps } from './index.js';
import { startTwilioStandIn, type ReceivedSms, type TwilioStandIn } from './twilio-stand-in.fixture.js';

/**
 * The SMS channel on a real server and store, with Twilio replaced by a local stand-in: the
 * routes are mounted on their own small app (as the composition root mounts them at
 * /channels/twilio), webhooks are signed exactly as Twilio signs them.
 */
export interface SmsHarness {
  server: TestServer;
  twilio: TwilioStandIn;
  url: string;
  deps: SmsChannelDeps;
  /** Shifts the clock of the assistant and the channel. */
  advance(ms: number): void;
  params(from: string, body: string, extra?: Record<string, string>): Record<string, string>;
  post(path: string, params: Record<string, string>, signature?: string | null): Promise<Response>;
  /** Texts the council and waits for `replies` SMS back (0: waits for the turn to settle). */
  text(from: string, body: string, replies?: number, extra?: Record<string, string>): Promise<ReceivedSms[]>;
  sentTo(phone: string): ReceivedSms[];
  waitFor(check: () => boolean | Promise<boolean>, what: string, ms?: number): Promise<void>;
  settle(): Promise<void>;
  close(): Promise<void>;
}

export const COUNCIL_NUMBER = '+441632960100';
let sidCounter = 0;
export function messageSid(): string {
  return `SM${(Date.now().toString(16) + (++sidCounter).toString(16).padStart(8, '0')).padStart(32, '0')}`;
}

export async function startSmsHarness(): Promise<SmsHarness> {
  const stand = await startTwilioStandIn();
  let offset = 0;
  const clock = () => new Date(Date.now() + offset);
  const server = await startTestServer({ clock });
  const app = express();
  const httpServer = http.createServer(app);
  await new Promise<void>((r) => httpServer.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(httpServer.address() as { port: number }).port}`;
  const saved = Object.fromEntries(['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM', 'TWILIO_API_BASE_URL', 'TWILIO_STATUS_CALLBACK_URL'].map((k) => [k, process.env[k]]));
  Object.assign(process.env, {
    TWILIO_ACCOUNT_SID: stand.accountSid,
    TWILIO_AUTH_TOKEN: stand.authToken,
    TWILIO_FROM: COUNCIL_NUMBER,
    TWILIO_API_BASE_URL: stand.url,
    TWILIO_STATUS_CALLBACK_URL: `${url}/channels/twilio/status`,
  });
  const deps: SmsChannelDeps = {
    db: server.store.db,
    assistant: server.assistant,
    jobs: server.jobs,
    log: server.log,
    defaultTenant: server.tenant,
    tenantIds: () => [server.tenant],
    publicUrl: () => url,
    clock,
    retry: { attempts: 4, backoffMs: 30 },
  };
  registerSmsJobs(server.jobs, deps);
  app.use('/channels/twilio', twilioSmsRoutes(deps));
  app.use(problemHandler(server.log));

  const waitFor = async (check: () => boolean | Promise<boolean>, what: string, ms = 8000) => {
    const until = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  const pendingWork = async () => {
    const row = await server.store.db
      .selectFrom('messages')
      .select('id')
      .where('tenant_id', '=', server.tenant)
      .where((eb) => eb.or([eb.and([eb('direction', '=', 'in'), eb('processed_at', 'is', null)]), eb('status', 'in', ['stored', 'fault', 'dispatching', 'send_retry'])]))
      .where('channel', '=', 'sms')
      .executeTakeFirst();
    return !!row;
  };
  const h: SmsHarness = {
    server,
    twilio: stand,
    url,
    deps,
    advance: (ms) => void (offset += ms),
    params: (from, body, extra = {}) => {
      const sid = messageSid();
      return {
        ToCountry: 'GB', ToState: '', SmsMessageSid: sid, NumMedia: '0', ToCity: '', FromZip: '', SmsSid: sid, FromState: '',
        SmsStatus: 'received', FromCity: '', Body: body, FromCountry: 'GB', To: COUNCIL_NUMBER,
        MessagingServiceSid: `MG${'0'.repeat(31)}1`, ToZip: '', NumSegments: '1', MessageSid: sid, AccountSid: stand.accountSid,
        From: from, ApiVersion: '2010-04-01', ...extra,
      };
    },
    post: async (path, params, signature) => {
      const target = `${url}${path}`;
      const sig = signature === undefined ? twilio.getExpectedTwilioSignature(stand.authToken, target, params) : signature;
      return fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'TwilioProxy/1.1', ...(sig === null ? {} : { 'x-twilio-signature': sig }) },
        body: new URLSearchParams(params).toString(),
      });
    },
    sentTo: (phone) => stand.sent.filter((s) => s.to === phone),
    waitFor,
    settle: async () => {
      // Generous: under CI load (two Jest workers on two cores) a turn and its sends have taken more than 8 s.
      await waitFor(async () => !(await pendingWork()), 'the SMS turn and sends to settle', 30_000);
    },
    text: async (from, body, replies = 0, extra) => {
      const before = h.sentTo(from).length;
      const res = await h.post('/channels/twilio/sms', h.params(from, body, extra));
      if (res.status !== 200) throw new Error(`webhook answered ${res.status}: ${await res.text()}`);
      if (replies > 0) await waitFor(() => h.sentTo(from).length >= before + replies, `${replies} SMS to ${from} after "${body}"`);
      await h.settle();
      return h.sentTo(from).slice(before);
    },
    close: async () => {
      await new Promise<void>((r) => httpServer.close(() => r()));
      httpServer.closeAllConnections();
      await server.close();
      await stand.close();
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    },
  };
  return h;
}
