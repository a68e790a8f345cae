import { randomBytes } from 'node:crypto';
import http from 'node:http';

/**
 * A local stand-in for Twilio's REST API (Programmable Messaging), for tests, demos and
 * bench:chaos: it checks Basic auth (AccountSid:AuthToken) as Twilio does, reads the form body
 * and answers with Twilio's 201 message JSON or its error JSON ({code, message, more_info,
 * status}). It also lists messages as Twilio does (GET …/Messages.json?To=…&From=…&DateSent>=…),
 * the lookup the sender makes before resending a message a dead process left unrecorded.
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
  /** When it was accepted (Twilio's date_created; the stand-in "sends" at once, so date_sent too). */
  dateCreated: Date;
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
  /** List requests (GET …/Messages.json), with their query parameters. */
  lists: URLSearchParams[];
  /** Accepts the next `n` sends (they count in `sent`) but never answers them: a send "lost" mid-flight. */
  acceptWithoutAnswer(n: number): void;
  close(): Promise<void>;
}

const ERRORS: Record<number, { code: number; message: string }> = {
  400: { code: 21211, message: "The 'To' number is not a valid phone number." },
  401: { code: 20003, message: 'Authenticate' },
  429: { code: 20429, message: 'Too Many Requests' },
  500: { code: 20500, message: 'Internal Server Error' },
  503: { code: 20503, message: 'Service Unavailable' },
};

export interface TwilioStandInOptions {
  /** Delay before answering an accepted send (it counts as sent at once): the window in which a crash leaves a send unrecorded. */
  latencyMs?: number;
}

export async function startTwilioStandIn(options: TwilioStandInOptions = {}): Promise<TwilioStandIn> {
  const accountSid = `AC${randomBytes(16).toString('hex')}`;
  const authToken = randomBytes(16).toString('hex');
  const sent: ReceivedSms[] = [];
  const requests: ReceivedSms[] = [];
  const failures: number[] = [];
  const lists: URLSearchParams[] = [];
  let silent = 0;

  const error = (res: http.ServerResponse, status: number) => {
    const e = ERRORS[status] ?? { code: 20001, message: 'Error' };
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ code: e.code, message: e.message, more_info: `https://www.twilio.com/docs/errors/${e.code}`, status }));
  };

  const messageJson = (record: ReceivedSms) => {
    const created = record.dateCreated.toUTCString();
    return {
      account_sid: accountSid,
      api_version: '2010-04-01',
      body: record.body,
      date_created: created,
      date_sent: created,
      date_updated: created,
      direction: 'outbound-api',
      error_code: null,
      error_message: null,
      from: record.from ?? null,
      messaging_service_sid: record.messagingServiceSid ?? null,
      num_media: '0',
      num_segments: '1',
      price: null,
      price_unit: 'GBP',
      sid: record.sid,
      status: 'queued',
      subresource_uris: { media: `/2010-04-01/Accounts/${accountSid}/Messages/${record.sid}/Media.json` },
      to: record.to,
      uri: `/2010-04-01/Accounts/${accountSid}/Messages/${record.sid}.json`,
    };
  };

  /** Twilio's DateSent filters: `DateSent` (that day), `DateSent>` / `DateSent>=` (on or after), `DateSent<` (before). */
  const sentMatches = (record: ReceivedSms, q: URLSearchParams): boolean => {
    const day = (v: string) => new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v).getTime();
    const t = record.dateCreated.getTime();
    const on = q.get('DateSent');
    if (on && record.dateCreated.toISOString().slice(0, 10) !== on.slice(0, 10)) return false;
    const after = q.get('DateSent>') ?? q.get('DateSent>=');
    if (after && t < day(after)) return false;
    const before = q.get('DateSent<') ?? q.get('DateSent<=');
    if (before && t >= day(before) + (/^\d{4}-\d{2}-\d{2}$/.test(before) ? 86_400_000 : 0)) return false;
    return true;
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const [pathname, search = ''] = (req.url ?? '').split('?', 2);
      const m = /^\/2010-04-01\/Accounts\/(AC[0-9a-f]{32})\/Messages\.json$/.exec(pathname);
      if (!m || (req.method !== 'POST' && req.method !== 'GET')) return error(res, 404);
      const auth = req.headers.authorization ?? '';
      const [user, pass] = Buffer.from(auth.replace(/^Basic /, ''), 'base64').toString().split(':');
      if (!auth.startsWith('Basic ') || user !== accountSid || pass !== authToken || m[1] !== accountSid) return error(res, 401);
      if (req.method === 'GET') {
        const q = new URLSearchParams(search);
        lists.push(q);
        const pageSize = Math.min(1000, Number(q.get('PageSize')) || 50);
        const found = sent
          .filter((r) => (!q.get('To') || r.to === q.get('To')) && (!q.get('From') || r.from === q.get('From')) && sentMatches(r, q))
          .reverse() // newest first, as Twilio lists
          .slice(0, pageSize);
        const uri = `/2010-04-01/Accounts/${accountSid}/Messages.json?${search}`;
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(
          JSON.stringify({
            first_page_uri: uri,
            end: Math.max(0, found.length - 1),
            previous_page_uri: null,
            messages: found.map(messageJson),
            uri,
            page_size: pageSize,
            start: 0,
            next_page_uri: null,
            page: 0,
          }),
        );
      }
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
        dateCreated: new Date(),
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
      if (silent > 0) {
        silent--;
        return; // accepted, but the answer never comes (the caller times out or dies)
      }
      const answer = () => {
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify(messageJson(record)));
      };
      if (options.latencyMs) setTimeout(answer, options.latencyMs);
      else answer();
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
    lists,
    acceptWithoutAnswer: (n) => void (silent += n),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
