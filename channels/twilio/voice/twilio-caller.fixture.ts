/** The voice routes on a test listener, with a recording SMS sender (tests and the benchmark). */
import http from 'node:http';
import express from 'express';
import { twilioVoiceRoutes } from './voice-routes.js';
import type { RunningServer } from '../../../api/server.js';
import type { VoiceSms } from './voice-channel.js';
import { postSigned as postSignedWith, TwilioCall as SimCall } from './twilio-sim.js';

export const TEST_AUTH_TOKEN = 'voice-test-auth-token-0123456789ab';
export { callSid, ACCOUNT_SID, type TwimlReply } from './twilio-sim.js';

export function postSigned(url: string, params: Record<string, string>, token = TEST_AUTH_TOKEN) {
  return postSignedWith(url, params, token);
}

export class TwilioCall extends SimCall {
  constructor(origin: string, from: string, to = '+441632960100') {
    super(origin, from, TEST_AUTH_TOKEN, to);
  }
}

export interface SentSms {
  tenant: string;
  conversationId: string;
  to: string;
  body: string;
  key: string;
}

/**
 * The voice routes on their own HTTP listener, sharing a running server's store and assistant
 * (the lead mounts the same router inside the app at /channels/twilio).
 */
export async function startVoiceApp(server: RunningServer & { tenant: string }, options: { clock?: () => Date } = {}) {
  const sent: SentSms[] = [];
  const sms: VoiceSms = {
    async send(input) {
      if (!sent.some((s) => s.key === input.key)) sent.push(input);
    },
  };
  const app = express();
  app.set('trust proxy', 'loopback');
  app.use(
    '/channels/twilio',
    twilioVoiceRoutes({
      store: server.store,
      assistant: server.assistant,
      log: server.log,
      tenantIds: () => [server.tenant],
      authToken: () => TEST_AUTH_TOKEN,
      publicUrl: () => undefined,
      sms,
      clock: options.clock,
    }),
  );
  const listener = http.createServer(app);
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const port = (listener.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    close: () => new Promise<void>((resolve) => {
      listener.close(() => resolve());
      listener.closeAllConnections();
    }),
  };
}
