import { randomBytes } from 'node:crypto';
import http from 'node:http';

/**
 * A local stand-in for Twilio's REST API (Programmable Messaging), for tests, demos and
 * bench:chaos: it checks Basic auth (AccountSid:AuthToken) as Twilio does, reads the form body
 * and answers with Twilio's 201 message JSON or its error JSON ({code, message, more_info,
 * status}). It also lists messages as Twilio does (GET …/Messages.json?To=…&From=…&DateSent>=…),
 * the lookup the sender makes before resending a message a dead process left unrecorded.
 * Call recordings (issue 14): the media (GET …/Recordings/{RE…}.mp3, with Range), their deletion
 * (DELETE …/Recordings/{RE…}.json: 204, then 404), and pausing or resuming a call's recording
 * (POST …/Calls/{CA…}/Recordings/Twilio.CURRENT.json with Status and PauseBehavior); each checks
 * the account's Basic auth, and `failNext` applies to them too.
 * Conferences (warm transfer, issue 14): a participant dialled into a conference by its SID or
 * friendly name (POST …/Conferences/{CF…|name}/Participants.json: From, To, Label, Timeout,
 * StatusCallback, StatusCallbackEvent repeated, EndConferenceOnExit…), held or taken off hold
 * (POST …/Conferences/{CF…}/Participants/{CA…}.json: Hold, HoldUrl, HoldMethod) and removed
 * (DELETE …/Participants/{CA…}.json: 204, then 404). A conference exists once something joined
 * it: `joinConference` is Twilio putting a call in it by TwiML (<Dial><Conference>).
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

/** A live call's update (Programmable Voice): its CallSid, the form sent, and the status answered. */
export interface ReceivedCallUpdate {
  callSid: string;
  params: URLSearchParams;
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
  /** List requests (GET …/Messages.json), with their query parameters. */
  lists: URLSearchParams[];
  /** Accepts the next `n` sends (they count in `sent`) but never answers them: a send "lost" mid-flight. */
  acceptWithoutAnswer(n: number): void;
  /** Recordings held, by RecordingSid: their MP3 bytes (add one to make it playable and deletable). */
  recordings: Map<string, Buffer>;
  /** While true, every recording DELETE is answered 503 (a Twilio outage that lasts, unlike `failNext`'s next requests). */
  refuseRecordingDeletes: boolean;
  /** Every recordings request (media, delete, update), in arrival order, with the status answered. */
  recordingRequests: { method: string; path: string; status: number; range?: string }[];
  /** Accepted pause/resume updates of a call's current recording. */
  recordingUpdates: { callSid: string; status: string; pauseBehavior?: string }[];
  /** Updates of live calls (POST …/Calls/{CallSid}.json: `Url=` redirects, `Status=completed`), failed ones included. */
  callUpdates: ReceivedCallUpdate[];
  /** Calls created (POST …/Calls.json: call-backs, issue 14 item 2), failed ones included: To, From, Twiml or Url as sent. */
  createdCalls: { sid: string; params: URLSearchParams; status: number }[];
  /** Every Conferences request (participant create, update, delete), failed ones included, in arrival order. */
  conferenceRequests: { method: string; path: string; conference: string; participant?: string; params: URLSearchParams; status: number; callSid?: string }[];
  /** Conferences by friendly name: their ConferenceSid and the CallSids in them. */
  conferences: Map<string, { sid: string; participants: Map<string, { hold: boolean; label?: string }> }>;
  /** A call joins a conference by TwiML (as Twilio does for <Dial><Conference>); returns the ConferenceSid. */
  joinConference(name: string, callSid: string): string;
  close(): Promise<void>;
}

const ERRORS: Record<number, { code: number; message: string }> = {
  400: { code: 21211, message: "The 'To' number is not a valid phone number." },
  401: { code: 20003, message: 'Authenticate' },
  404: { code: 20404, message: 'The requested resource was not found' },
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
  const recordings = new Map<string, Buffer>();
  const recordingRequests: TwilioStandIn['recordingRequests'] = [];
  const recordingUpdates: TwilioStandIn['recordingUpdates'] = [];

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

  const callUpdates: ReceivedCallUpdate[] = [];
  /** Twilio's call update: 200 with the call's JSON; a Url must be absolute, a Status only completed or canceled. */
  const updateCall = (req: http.IncomingMessage, res: http.ServerResponse, account: string, callSid: string, params: URLSearchParams) => {
    const auth = req.headers.authorization ?? '';
    const [user, pass] = Buffer.from(auth.replace(/^Basic /, ''), 'base64').toString().split(':');
    if (!auth.startsWith('Basic ') || user !== accountSid || pass !== authToken || account !== accountSid) return error(res, 401);
    const failure = failures.shift();
    const url = params.get('Url');
    const status = params.get('Status');
    const bad = (!url && !status) || (url !== null && !/^https?:\/\//.test(url)) || (status !== null && !['completed', 'canceled'].includes(status));
    const answered = failure ?? (bad ? 400 : 200);
    callUpdates.push({ callSid, params, status: answered });
    if (answered !== 200) return error(res, answered);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ sid: callSid, account_sid: accountSid, status: status ?? 'in-progress', api_version: '2010-04-01', uri: `/2010-04-01/Accounts/${accountSid}/Calls/${callSid}.json` }));
  };

  const createdCalls: TwilioStandIn['createdCalls'] = [];
  /** Twilio's call creation: To, From and one of Url, Twiml or ApplicationSid, else 400 (21205-like); 201 with the call's JSON. */
  const createCall = (req: http.IncomingMessage, res: http.ServerResponse, account: string, params: URLSearchParams) => {
    const auth = req.headers.authorization ?? '';
    const [user, pass] = Buffer.from(auth.replace(/^Basic /, ''), 'base64').toString().split(':');
    if (!auth.startsWith('Basic ') || user !== accountSid || pass !== authToken || account !== accountSid) return error(res, 401);
    const sid = `CA${randomBytes(16).toString('hex')}`;
    const failure = failures.shift();
    const bad = !params.get('To') || !params.get('From') || (!params.get('Url') && !params.get('Twiml') && !params.get('ApplicationSid'));
    const answered = failure ?? (bad ? 400 : 201);
    createdCalls.push({ sid, params, status: answered });
    if (answered !== 201) return error(res, answered);
    res.writeHead(201, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ sid, account_sid: accountSid, to: params.get('To'), from: params.get('From'), status: 'queued', direction: 'outbound-api', api_version: '2010-04-01', uri: `/2010-04-01/Accounts/${accountSid}/Calls/${sid}.json` }));
  };

  const conferenceRequests: TwilioStandIn['conferenceRequests'] = [];
  const conferences: TwilioStandIn['conferences'] = new Map();
  const joinConference = (name: string, callSid: string): string => {
    let c = conferences.get(name);
    if (!c) {
      c = { sid: `CF${randomBytes(16).toString('hex')}`, participants: new Map() };
      conferences.set(name, c);
    }
    c.participants.set(callSid, c.participants.get(callSid) ?? { hold: false });
    return c.sid;
  };
  const conferenceBySidOrName = (key: string) => conferences.get(key) ?? [...conferences.values()].find((c) => c.sid === key);
  /** Twilio's Conference Participants: create (by SID or friendly name), update (Hold, HoldUrl; by SID only), delete. */
  const conferenceRoute = (req: http.IncomingMessage, res: http.ServerResponse, m: RegExpExecArray, params: URLSearchParams) => {
    const [, account, conferenceKey, participant] = m;
    const method = req.method ?? 'GET';
    const record = (status: number, callSid?: string) => conferenceRequests.push({ method, path: m[0], conference: decodeURIComponent(conferenceKey), ...(participant ? { participant } : {}), params, status, ...(callSid ? { callSid } : {}) });
    const auth = req.headers.authorization ?? '';
    const [user, pass] = Buffer.from(auth.replace(/^Basic /, ''), 'base64').toString().split(':');
    if (!auth.startsWith('Basic ') || user !== accountSid || pass !== authToken || account !== accountSid) {
      record(401);
      return error(res, 401);
    }
    const failure = failures.shift();
    if (failure) {
      record(failure);
      return error(res, failure);
    }
    const participantJson = (conferenceSid: string, callSid: string, p: { hold: boolean; label?: string }, status: string) => ({
      account_sid: accountSid,
      call_sid: callSid,
      conference_sid: conferenceSid,
      label: p.label ?? null,
      hold: p.hold,
      muted: false,
      coaching: false,
      status,
      date_created: new Date().toUTCString(),
      date_updated: new Date().toUTCString(),
      uri: `/2010-04-01/Accounts/${accountSid}/Conferences/${conferenceSid}/Participants/${callSid}.json`,
    });
    const bool = (v: string | null) => v === null || v === 'true' || v === 'false';
    if (!participant && method === 'POST') {
      // Create: From and To required; a conference named but not yet started is created (Twilio does so for a friendly name).
      const name = decodeURIComponent(conferenceKey);
      const bad = !params.get('From') || !params.get('To') || !bool(params.get('EndConferenceOnExit')) || !bool(params.get('StartConferenceOnEnter')) || (params.get('StatusCallback') !== null && !/^https?:\/\//.test(params.get('StatusCallback')!));
      if (bad) {
        record(400);
        return error(res, 400);
      }
      const existing = conferenceBySidOrName(name);
      if (!existing && /^CF[0-9a-f]{32}$/.test(name)) {
        record(404);
        return error(res, 404);
      }
      const callSid = `CA${randomBytes(16).toString('hex')}`;
      const conferenceSid = existing ? existing.sid : joinConference(name, callSid);
      const conference = conferenceBySidOrName(conferenceSid)!;
      const p = { hold: false, ...(params.get('Label') ? { label: params.get('Label')! } : {}) };
      conference.participants.set(callSid, p);
      record(201, callSid);
      res.writeHead(201, { 'content-type': 'application/json' });
      return res.end(JSON.stringify(participantJson(conferenceSid, callSid, p, 'queued')));
    }
    const conference = /^CF[0-9a-f]{32}$/.test(conferenceKey) ? conferenceBySidOrName(conferenceKey) : undefined;
    const key = participant ? decodeURIComponent(participant) : '';
    const found = conference && ([...conference.participants.entries()].find(([sid, p]) => sid === key || p.label === key) ?? undefined);
    if (!conference || !found) {
      record(404);
      return error(res, 404);
    }
    if (method === 'POST') {
      const hold = params.get('Hold');
      const holdUrl = params.get('HoldUrl');
      if (!bool(hold) || (holdUrl !== null && !/^https?:\/\//.test(holdUrl)) || (hold === null && params.get('Muted') === null && holdUrl === null)) {
        record(400);
        return error(res, 400);
      }
      if (hold !== null) found[1].hold = hold === 'true';
      record(200, found[0]);
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify(participantJson(conference.sid, found[0], found[1], 'connected')));
    }
    if (method === 'DELETE') {
      conference.participants.delete(found[0]);
      record(204, found[0]);
      res.writeHead(204);
      return res.end();
    }
    record(405);
    return error(res, 404);
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const [pathname, search = ''] = (req.url ?? '').split('?', 2);
      if (/^\/2010-04-01\/Accounts\/[^/]+\/(Recordings\/|Calls\/[^/]+\/Recordings\/)/.test(pathname)) return recordingRoute(req, res, pathname, Buffer.concat(chunks));
      const conference = /^\/2010-04-01\/Accounts\/(AC[0-9a-f]{32})\/Conferences\/([^/]+)\/Participants(?:\/([^/]+))?\.json$/.exec(pathname);
      if (conference) return conferenceRoute(req, res, conference, new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      const call = /^\/2010-04-01\/Accounts\/(AC[0-9a-f]{32})\/Calls\/(CA[0-9a-f]{32})\.json$/.exec(pathname);
      if (call && req.method === 'POST') return updateCall(req, res, call[1], call[2], new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      const newCall = /^\/2010-04-01\/Accounts\/(AC[0-9a-f]{32})\/Calls\.json$/.exec(pathname);
      if (newCall && req.method === 'POST') return createCall(req, res, newCall[1], new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
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
  /** Twilio's Recordings resources: media, delete, and a call's recording paused or resumed. */
  function recordingRoute(req: http.IncomingMessage, res: http.ServerResponse, pathname: string, body: Buffer) {
    const method = req.method ?? 'GET';
    const range = typeof req.headers.range === 'string' ? req.headers.range : undefined;
    const answer = (status: number) => recordingRequests.push({ method, path: pathname, status, ...(range ? { range } : {}) });
    const auth = req.headers.authorization ?? '';
    const [user, pass] = Buffer.from(auth.replace(/^Basic /, ''), 'base64').toString().split(':');
    const account = /^\/2010-04-01\/Accounts\/([^/]+)\//.exec(pathname)?.[1];
    if (!auth.startsWith('Basic ') || user !== accountSid || pass !== authToken || account !== accountSid) {
      answer(401);
      return error(res, 401);
    }
    const failure = failures.shift();
    if (failure) {
      answer(failure);
      return error(res, failure);
    }
    const media = /^\/2010-04-01\/Accounts\/AC[0-9a-f]{32}\/Recordings\/(RE[0-9a-f]{32})\.(mp3|wav|json)$/.exec(pathname);
    if (media && method === 'GET' && media[2] !== 'json') {
      const bytes = recordings.get(media[1]);
      if (!bytes) {
        answer(404);
        return error(res, 404);
      }
      const r = range && /^bytes=(\d*)-(\d*)$/.exec(range);
      if (r) {
        const start = r[1] === '' ? Math.max(0, bytes.length - Number(r[2])) : Number(r[1]);
        const end = r[1] === '' || r[2] === '' ? bytes.length - 1 : Math.min(Number(r[2]), bytes.length - 1);
        if (start >= bytes.length || start > end) {
          answer(416);
          res.writeHead(416, { 'content-range': `bytes */${bytes.length}` });
          return res.end();
        }
        answer(206);
        res.writeHead(206, { 'content-type': 'audio/mpeg', 'content-length': String(end - start + 1), 'content-range': `bytes ${start}-${end}/${bytes.length}`, 'accept-ranges': 'bytes' });
        return res.end(bytes.subarray(start, end + 1));
      }
      answer(200);
      res.writeHead(200, { 'content-type': 'audio/mpeg', 'content-length': String(bytes.length), 'accept-ranges': 'bytes' });
      return res.end(bytes);
    }
    if (media && method === 'DELETE' && media[2] === 'json') {
      if (standIn.refuseRecordingDeletes) {
        answer(503);
        return error(res, 503);
      }
      if (!recordings.delete(media[1])) {
        answer(404);
        return error(res, 404);
      }
      answer(204);
      res.writeHead(204);
      return res.end();
    }
    const update = /^\/2010-04-01\/Accounts\/AC[0-9a-f]{32}\/Calls\/(CA[0-9a-f]{32})\/Recordings\/(Twilio\.CURRENT|RE[0-9a-f]{32})\.json$/.exec(pathname);
    if (update && method === 'POST') {
      const form = new URLSearchParams(body.toString('utf8'));
      const status = form.get('Status') ?? '';
      if (!['paused', 'in-progress', 'stopped'].includes(status)) {
        answer(400);
        return error(res, 400);
      }
      recordingUpdates.push({ callSid: update[1], status, ...(form.get('PauseBehavior') ? { pauseBehavior: form.get('PauseBehavior')! } : {}) });
      answer(200);
      const now = new Date().toUTCString();
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(
        JSON.stringify({
          account_sid: accountSid,
          api_version: '2010-04-01',
          call_sid: update[1],
          conference_sid: null,
          date_created: now,
          date_updated: now,
          start_time: now,
          duration: null,
          sid: `RE${randomBytes(16).toString('hex')}`,
          price: null,
          uri: pathname,
          encryption_details: null,
          price_unit: 'USD',
          status,
          channels: 2,
          source: 'StartCallRecordingTwiML',
          error_code: null,
          track: 'both',
        }),
      );
    }
    answer(404);
    return error(res, 404);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const standIn: TwilioStandIn = {
    url: `http://127.0.0.1:${port}`,
    accountSid,
    authToken,
    sent,
    requests,
    failNext: (...statuses) => void failures.push(...statuses),
    lists,
    acceptWithoutAnswer: (n) => void (silent += n),
    recordings,
    refuseRecordingDeletes: false,
    recordingRequests,
    recordingUpdates,
    callUpdates,
    createdCalls,
    conferenceRequests,
    conferences,
    joinConference,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return standIn;
}
