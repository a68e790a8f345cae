/**
 * The Messenger Platform Send API in the local Graph API stand-in (graph-stand-in.fixture.ts routes
 * POST /{version}/me/messages here): the Page access token as `Authorization: Bearer` or the
 * `access_token` query parameter; a JSON body checked as the Send API checks it — { recipient: { id },
 * messaging_type RESPONSE | UPDATE | MESSAGE_TAG (with a tag), message } where the message is text
 * (1–2,000 characters) or a button template (text 1–640, 1–3 postback or web_url buttons, titles
 * 1–20, payloads up to 1,000), with up to 13 quick replies (content_type "text", title 1–20, payload
 * 1–1,000); or { recipient, sender_action: mark_seen | typing_on | typing_off }; unknown parameters
 * refused — answering { recipient_id, message_id: "m_…" } (a sender action: { recipient_id }).
 * A recipient whose standard window was closed (`closeWindow`) gets only HUMAN_AGENT-tagged
 * messages, as Meta enforces it (code 10, subcode 2018278). Failures are Graph's error bodies.
 * Also the CDN residents' attachments are served from (`cdn`): GET /cdn/{id}/{name} answers the
 * bytes with their type and length and no token (Meta's CDN links are signed in themselves), or a
 * redirect to another of its links, or a failure; over http here, as the test base allows.
 */
import { randomBytes } from 'node:crypto';
import type http from 'node:http';

export interface SendApiRequest {
  version: string;
  body: Record<string, unknown>;
  status: number;
  /** How the token came: a Bearer header or the access_token query parameter. */
  auth: 'bearer' | 'query' | 'none';
  /** The message id given, when a message was accepted. */
  id?: string;
  error?: { code: number; subcode?: number; message: string };
}

/** Attachments "sent" by residents, served as Meta's CDN serves them. */
export interface AttachmentCdn {
  /** Serves these bytes; the path to put after the stand-in's url. `redirects`: reached through that many 302s; `status`: answered with it instead. */
  add(bytes: Buffer, contentType: string, options?: { name?: string; redirects?: number; status?: number }): string;
  /** GET requests per path (redirect hops included), to show what was fetched and how often. */
  hits: Map<string, number>;
  handles(req: http.IncomingMessage): boolean;
  handle(req: http.IncomingMessage, res: http.ServerResponse): void;
}

export function createAttachmentCdn(): AttachmentCdn {
  const files = new Map<string, { bytes: Buffer; contentType: string; status?: number; next?: string }>();
  const hits = new Map<string, number>();
  const add: AttachmentCdn['add'] = (bytes, contentType, options = {}) => {
    const path = `/cdn/${randomBytes(12).toString('hex')}/${options.name ?? 'attachment'}?_nc_sig=${randomBytes(8).toString('hex')}`;
    const next = options.redirects ? add(bytes, contentType, { ...options, redirects: options.redirects - 1 }) : undefined;
    files.set(path, { bytes, contentType, status: options.status, next });
    return path;
  };
  return {
    add,
    hits,
    handles: (req) => (req.url ?? '').startsWith('/cdn/'),
    handle(req, res) {
      const path = req.url ?? '';
      hits.set(path, (hits.get(path) ?? 0) + 1);
      const f = files.get(path);
      if (req.method !== 'GET' || !f) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        return res.end('URL signature mismatch');
      }
      if (req.headers.authorization) {
        res.writeHead(400, { 'content-type': 'text/plain' });
        return res.end('a CDN link needs no token');
      }
      if (f.next) {
        res.writeHead(302, { location: f.next });
        return res.end();
      }
      if (f.status) {
        res.writeHead(f.status, { 'content-type': 'text/plain' });
        return res.end('Bad URL timestamp');
      }
      res.writeHead(200, { 'content-type': f.contentType, 'content-length': String(f.bytes.length) });
      res.end(f.bytes);
    },
  };
}

export type SendApiFailure = 2 | 4 | 10 | 17 | 32 | 100 | 190 | 551 | 613 | 1200;

export interface SendApiStandIn {
  pageToken: string;
  /** Accepted messages (not sender actions), in arrival order. */
  sent: SendApiRequest[];
  /** Accepted sender actions. */
  actions: SendApiRequest[];
  /** Every Send API request, refused ones included. */
  requests: SendApiRequest[];
  /** Answers the next messages (not sender actions) with these Graph errors, then normally again. */
  failNext(...codes: SendApiFailure[]): void;
  /** From now on this recipient's standard 24-hour window is over: only HUMAN_AGENT-tagged messages pass. */
  closeWindow(recipientId: string): void;
  /** Residents' attachments, served as Meta's CDN serves them. */
  cdn: AttachmentCdn;
  handles(req: http.IncomingMessage): boolean;
  handle(req: http.IncomingMessage, raw: Buffer, res: http.ServerResponse): void;
}

const FAILURES: Record<SendApiFailure, { status: number; message: string; type: string; subcode?: number }> = {
  2: { status: 503, message: 'An unexpected error has occurred. Please retry your request later.', type: 'OAuthException' },
  4: { status: 400, message: '(#4) Application request limit reached', type: 'OAuthException' },
  10: { status: 400, message: '(#10) This message is sent outside of allowed window.', type: 'OAuthException', subcode: 2018278 },
  17: { status: 400, message: '(#17) User request limit reached', type: 'OAuthException' },
  32: { status: 400, message: '(#32) Page request limit reached', type: 'OAuthException' },
  100: { status: 400, message: '(#100) No matching user found', type: 'OAuthException', subcode: 2018001 },
  190: { status: 400, message: 'Error validating access token: Session has expired.', type: 'OAuthException', subcode: 463 },
  551: { status: 400, message: "(#551) This person isn't available right now.", type: 'OAuthException', subcode: 1545041 },
  613: { status: 400, message: '(#613) Calls to this api have exceeded the rate limit.', type: 'OAuthException' },
  1200: { status: 500, message: '(#1200) Temporary send message failure. Please try again later', type: 'OAuthException' },
};

const TOP_LEVEL = new Set(['recipient', 'messaging_type', 'tag', 'message', 'sender_action', 'notification_type', 'persona_id']);
const TYPES = new Set(['RESPONSE', 'UPDATE', 'MESSAGE_TAG']);
const TAGS = new Set(['HUMAN_AGENT', 'ACCOUNT_UPDATE', 'CONFIRMED_EVENT_UPDATE', 'POST_PURCHASE_UPDATE', 'CUSTOMER_FEEDBACK']);
const ACTIONS = new Set(['mark_seen', 'typing_on', 'typing_off']);

const len = (v: unknown) => (typeof v === 'string' ? [...v].length : -1);
const within = (v: unknown, min: number, max: number) => len(v) >= min && len(v) <= max;

function quickRepliesProblem(replies: unknown): string | null {
  if (replies === undefined) return null;
  if (!Array.isArray(replies) || replies.length < 1 || replies.length > 13) return 'message.quick_replies must hold 1 to 13 quick replies';
  for (const q of replies as { content_type?: unknown; title?: unknown; payload?: unknown }[]) {
    if (q.content_type === 'user_phone_number' || q.content_type === 'user_email') continue;
    if (q.content_type !== 'text') return 'quick reply content_type must be "text", "user_phone_number" or "user_email"';
    if (!within(q.title, 1, 20)) return 'quick reply title must be 1 to 20 characters';
    if (!within(q.payload, 1, 1000)) return 'quick reply payload must be 1 to 1000 characters';
  }
  return null;
}

/** The first thing the Send API would refuse in this body, or null. */
export function sendApiProblem(body: Record<string, unknown>): string | null {
  const unknown = Object.keys(body).find((k) => !TOP_LEVEL.has(k));
  if (unknown) return `Param ${unknown} is not a valid parameter`;
  const recipient = body.recipient as { id?: unknown } | undefined;
  if (!recipient || !/^\d{1,32}$/.test(String(recipient.id ?? ''))) return 'recipient.id must be a PSID or IGSID';
  if (body.sender_action !== undefined) {
    if (body.message !== undefined) return 'Cannot send both message and sender_action at the same time';
    return ACTIONS.has(String(body.sender_action)) ? null : 'sender_action must be mark_seen, typing_on or typing_off';
  }
  if (!TYPES.has(String(body.messaging_type))) return 'messaging_type must be RESPONSE, UPDATE or MESSAGE_TAG';
  if (body.messaging_type === 'MESSAGE_TAG' ? !TAGS.has(String(body.tag)) : body.tag !== undefined) return 'tag is required with MESSAGE_TAG, and only then';
  const message = body.message as { text?: unknown; attachment?: { type?: unknown; payload?: Record<string, unknown> }; quick_replies?: unknown } | undefined;
  if (!message || typeof message !== 'object') return 'message is required';
  const extra = Object.keys(message).find((k) => !['text', 'attachment', 'quick_replies', 'metadata'].includes(k));
  if (extra) return `Param message[${extra}] is not a valid parameter`;
  if ((message.text === undefined) === (message.attachment === undefined)) return 'message must have exactly one of text or attachment';
  if (message.text !== undefined && !within(message.text, 1, 2000)) return 'message.text must be 1 to 2000 characters';
  if (message.attachment !== undefined) {
    const a = message.attachment;
    if (a.type !== 'template' || a.payload?.template_type !== 'button') return 'only button templates are supported here';
    if (!within(a.payload.text, 1, 640)) return 'button template text must be 1 to 640 characters';
    const buttons = a.payload.buttons as { type?: unknown; title?: unknown; payload?: unknown; url?: unknown }[] | undefined;
    if (!Array.isArray(buttons) || buttons.length < 1 || buttons.length > 3) return 'a button template must hold 1 to 3 buttons';
    for (const b of buttons) {
      if (!within(b.title, 1, 20)) return 'button title must be 1 to 20 characters';
      if (b.type === 'postback') {
        if (!within(b.payload, 1, 1000)) return 'postback button payload must be 1 to 1000 characters';
      } else if (b.type === 'web_url') {
        if (!/^https?:\/\/\S+$/.test(String(b.url ?? ''))) return 'web_url button url must be an http(s) URL';
      } else return 'button type must be "postback" or "web_url" here';
    }
  }
  return quickRepliesProblem(message.quick_replies);
}

export function createSendApiStandIn(): SendApiStandIn {
  const pageToken = `EAAP${randomBytes(24).toString('hex')}`;
  const sent: SendApiRequest[] = [];
  const actions: SendApiRequest[] = [];
  const requests: SendApiRequest[] = [];
  const failures: SendApiFailure[] = [];
  const closed = new Set<string>();
  const cdn = createAttachmentCdn();

  const fail = (res: http.ServerResponse, status: number, code: number, message: string, extra: { type?: string; subcode?: number } = {}) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message, type: extra.type ?? 'OAuthException', code, ...(extra.subcode ? { error_subcode: extra.subcode } : {}), fbtrace_id: `A${randomBytes(10).toString('base64url')}` } }));
  };
  const ok = (res: http.ServerResponse, body: unknown) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  return {
    pageToken,
    sent,
    actions,
    requests,
    failNext: (...codes) => void failures.push(...codes),
    closeWindow: (id) => void closed.add(id),
    cdn,
    handles: (req) => cdn.handles(req) || /^\/v\d+\.\d+\/me\/messages(\?|$)/.test(req.url ?? ''),
    handle(req, raw, res) {
      if (cdn.handles(req)) return cdn.handle(req, res);
      const url = new URL(req.url ?? '/', 'http://stand-in');
      const version = url.pathname.split('/')[1];
      if (req.method !== 'POST') return fail(res, 400, 100, 'Unsupported request - method type or path not supported', { type: 'GraphMethodException', subcode: 33 });
      const auth = req.headers.authorization === `Bearer ${pageToken}` ? 'bearer' : url.searchParams.get('access_token') === pageToken ? 'query' : 'none';
      if (auth === 'none') return fail(res, 400, 190, 'Invalid OAuth access token - Cannot parse access token');
      let body: Record<string, unknown>;
      try {
        if (!/^application\/json/.test(req.headers['content-type'] ?? '')) throw new Error('not JSON');
        body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
      } catch {
        return fail(res, 400, 100, '(#100) The parameter recipient is required');
      }
      const record: SendApiRequest = { version, body, status: 200, auth };
      requests.push(record);
      const problem = sendApiProblem(body);
      if (problem) {
        Object.assign(record, { status: 400, error: { code: 100, message: problem } });
        return fail(res, 400, 100, `(#100) ${problem}`);
      }
      const recipientId = String((body.recipient as { id: string }).id);
      if (body.sender_action !== undefined) {
        actions.push(record);
        return ok(res, { recipient_id: recipientId });
      }
      const failure = failures.shift();
      if (failure) {
        const f = FAILURES[failure];
        Object.assign(record, { status: f.status, error: { code: failure, subcode: f.subcode, message: f.message } });
        return fail(res, f.status, failure, f.message, f);
      }
      if (closed.has(recipientId) && !(body.messaging_type === 'MESSAGE_TAG' && body.tag === 'HUMAN_AGENT')) {
        const f = FAILURES[10];
        Object.assign(record, { status: f.status, error: { code: 10, subcode: f.subcode, message: f.message } });
        return fail(res, f.status, 10, f.message, f);
      }
      record.id = `m_${randomBytes(24).toString('base64url')}`;
      sent.push(record);
      ok(res, { recipient_id: recipientId, message_id: record.id });
    },
  };
}
