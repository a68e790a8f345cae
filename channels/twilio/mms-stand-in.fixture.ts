import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { TwilioStandIn } from './twilio-stand-in.fixture.js';

/**
 * Twilio's MMS media in front of the REST stand-in (twilio-stand-in.fixture.ts): the Media
 * resources an inbound MMS names (GET /2010-04-01/Accounts/{AccountSid}/Messages/{MessageSid}/Media/{MediaSid},
 * with the account's Basic auth, as "HTTP Basic Authentication for media" requires; 401 with
 * Twilio's error JSON otherwise) answer as Twilio does, with a redirect to where the bytes are kept
 * (here /cdn/<token>, served with their Content-Type). Every other request is passed on to the REST
 * stand-in, so TWILIO_API_BASE_URL names this one origin for sends and media alike.
 */
export interface MmsStandIn {
  url: string;
  /** Adds a file to an inbound message; returns its MediaUrl (as Twilio's webhook gives it). */
  add(messageSid: string, bytes: Buffer, contentType: string): string;
  /** Media fetches: the MediaSid and whether the account's credentials came with it. */
  fetches: { mediaSid: string; authorised: boolean }[];
  close(): Promise<void>;
}

export async function startMmsStandIn(twilio: TwilioStandIn): Promise<MmsStandIn> {
  const media = new Map<string, { bytes: Buffer; contentType: string; token: string }>();
  const byToken = new Map<string, { bytes: Buffer; contentType: string }>();
  const fetches: MmsStandIn['fetches'] = [];
  const target = new URL(twilio.url);
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    const m = /^\/2010-04-01\/Accounts\/(AC[0-9a-f]{32})\/Messages\/(MM[0-9a-f]{32}|SM[0-9a-f]{32})\/Media\/(ME[0-9a-f]{32})$/.exec(path);
    if (m && req.method === 'GET') {
      const [user, pass] = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString().split(':');
      const authorised = m[1] === twilio.accountSid && user === twilio.accountSid && pass === twilio.authToken;
      fetches.push({ mediaSid: m[3], authorised });
      if (!authorised) {
        res.writeHead(401, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ code: 20003, message: 'Authenticate', more_info: 'https://www.twilio.com/docs/errors/20003', status: 401 }));
      }
      const file = media.get(m[3]);
      if (!file) {
        res.writeHead(404, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ code: 20404, message: 'The requested resource was not found', status: 404 }));
      }
      res.writeHead(307, { location: `/cdn/${file.token}` });
      return res.end();
    }
    const cdn = /^\/cdn\/([0-9a-f]{32})$/.exec(path);
    if (cdn && req.method === 'GET') {
      const file = byToken.get(cdn[1]);
      if (!file) {
        res.writeHead(404);
        return res.end();
      }
      res.writeHead(200, { 'content-type': file.contentType, 'content-length': String(file.bytes.length) });
      return res.end(file.bytes);
    }
    // Everything else is the REST API's.
    const upstream = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    url,
    fetches,
    add(messageSid, bytes, contentType) {
      const mediaSid = `ME${randomBytes(16).toString('hex')}`;
      const token = randomBytes(16).toString('hex');
      media.set(mediaSid, { bytes, contentType, token });
      byToken.set(token, { bytes, contentType });
      return `${url}/2010-04-01/Accounts/${twilio.accountSid}/Messages/${messageSid}/Media/${mediaSid}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
