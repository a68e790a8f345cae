import { randomBytes } from 'node:crypto';
import http from 'node:http';

/**
 * A local stand-in for Twilio's REST API (Programmable Messaging), for tests and demos: it
 * checks Basic auth (AccountSid:AuthToken) as Twilio does, reads the form body and answers
 * with Twilio's 201 message JSON or its error JSON ({code, message, more_info, status}).
 */
export interface ReceivedSms {
  accountSid: string;
  to: string;
  from?: string;
  messagingServiceSid?: string;
  body: string;
  statusCallback?: string;
  sid: string;
  status: number;
}

export interface TwilioStandIn {
  url: string;
  accountSid: string;
  authToken: string;
  /** Successful sends, in arrival order. */
  sent: ReceivedSms[];
  /** Every request, failed ones included. */
  requests: ReceivedSms[];
  /** Answers the next requests with these statuses (then normally again). */
  failNext(...statuses: (400 | 429 | 500 | 503)[]): void;
  close(): Promise<void>;
}

const ERRORS: Record<number, { code: number; message: string }> = {
  400: { code: 21211, message: "The 'To' number is not a valid phone number." },
  401: { code: 20003, message: 'Authenticate' },
  429: { code: 20429, message: 'Too Many Requests' },
  500: { code: 20500, message: 'Internal Server Error' },
  503: { code: 20503, message: 'Service Unavailable' },
};

export async function startTwilioStandIn(): Promise<TwilioStandIn> {
  const accountSid = `AC${randomBytes(16).toString('hex')}`;
  const authToken = randomBytes(16).toString('hex');
  const sent: ReceivedSms[] = [];
  const requests: ReceivedSms[] = [];
  const failures: number[] = [];

  const error = (res: http.ServerResponse, status: number) => {
    const e = ERRORS[status] ?? { code: 20001, message: 'Error' };
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ code: e.code, message: e.message, more_info: `https://www.twilio.com/docs/errors/${e.code}`, status }));
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const m = /^\/2010-04-01\/Accounts\/(AC[0-9a-f]{32})\/Messages\.json$/.exec(req.url ?? '');
      if (req.method !== 'POST' || !m) return error(res, 404);
      const auth = req.headers.authorization ?? '';
      const [user, pass] = Buffer.from(auth.replace(/^Basic /, ''), 'base64').toString().split(':');
      if (!auth.startsWith('Basic ') || user !== accountSid || pass !== authToken || m[1] !== accountSid) return error(res, 401);
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const sid = `SM${randomBytes(16).toString('hex')}`;
      const record: ReceivedSms = {
        accountSid: m[1],
        to: form.get('To') ?? '',
        from: form.get('From') ?? undefined,
        messagingServiceSid: form.get('MessagingServiceSid') ?? undefined,
        body: form.get('Body') ?? '',
        statusCallback: form.get('StatusCallback') ?? undefined,
        sid,
        status: 201,
      };
      const failure = failures.shift();
      if (failure) {
        requests.push({ ...record, status: failure });
        return error(res, failure);
      }
      if (!record.to || (!record.from && !record.messagingServiceSid) || !record.body) {
        requests.push({ ...record, status: 400 });
        return error(res, 400);
      }
      requests.push(record);
      sent.push(record);
      const now = new Date().toUTCString();
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          account_sid: accountSid,
          api_version: '2010-04-01',
          body: record.body,
          date_created: now,
          date_sent: null,
          date_updated: now,
          direction: 'outbound-api',
          error_code: null,
          error_message: null,
          from: record.from ?? null,
          messaging_service_sid: record.messagingServiceSid ?? null,
          num_media: '0',
          num_segments: '1',
          price: null,
          price_unit: 'GBP',
          sid,
          status: 'queued',
          subresource_uris: { media: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}/Media.json` },
          to: record.to,
          uri: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`,
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    accountSid,
    authToken,
    sent,
    requests,
    failNext: (...statuses) => void failures.push(...statuses),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
