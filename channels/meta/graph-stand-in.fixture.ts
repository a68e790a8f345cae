/**
 * A local stand-in for Meta's Graph API as the WhatsApp channel uses it, for tests and demos:
 * POST /{version}/{phone_number_id}/messages with `Authorization: Bearer <token>` and a JSON body
 * checked as the Cloud API checks it (messaging_product "whatsapp", `to`, a text body ≤ 4,096, reply
 * buttons 1–3 with unique titles ≤ 20 and ids ≤ 256, a list's button ≤ 20 and 1–10 rows with titles
 * ≤ 24, descriptions ≤ 72, ids ≤ 200; unknown parameters refused), answering
 * {messaging_product, contacts:[{input, wa_id}], messages:[{id:"wamid.…"}]}, or a read receipt
 * ({status:"read", message_id, typing_indicator?}) with {success:true}. Failures are Graph's error
 * bodies: {error:{message, type, code, error_subcode?, error_data?, fbtrace_id}}. The HTTP statuses
 * given for each code are the usual ones (Meta uses 400 for most refusals).
 * Also template messages (approved ones only) and location requests, and the media endpoints
 * (GET /{version}/{media id}, then its url): whatsapp-stand-in.fixture.ts.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { createMediaStandIn, DEMO_TEMPLATES, templateRefusal, type ApprovedTemplate, type MediaStandIn } from './whatsapp-stand-in.fixture.js';
import { createSendApiStandIn, type SendApiStandIn } from './messenger-stand-in.fixture.js';

export interface GraphRequest {
  phoneNumberId: string;
  version: string;
  body: Record<string, unknown>;
  status: number;
  /** The wamid given, when it was accepted. */
  id?: string;
  error?: { code: number; message: string };
}

export type GraphFailure = 2 | 130429 | 131000 | 131016 | 131026 | 131047 | 190;

export interface GraphStandIn {
  url: string;
  token: string;
  /** Accepted sends (not read receipts), in arrival order. */
  sent: GraphRequest[];
  /** Read receipts with typing indicators. */
  reads: GraphRequest[];
  /** Every request, refused ones included. */
  requests: GraphRequest[];
  /** Answers the next sends with these Graph errors (then normally again). */
  failNext(...codes: GraphFailure[]): void;
  /** WhatsApp's media endpoint and downloads: add files residents "sent" (whatsapp-stand-in.fixture.ts). */
  media: MediaStandIn;
  /** Templates approved for the business account (name → language and body parameter count); the demo's by default. */
  templates: Record<string, ApprovedTemplate>;
  /** The Messenger Platform Send API (POST /{version}/me/messages with the Page token): messenger-stand-in.fixture.ts. */
  messenger: SendApiStandIn;
  close(): Promise<void>;
}

const FAILURES: Record<GraphFailure, { status: number; message: string; type: string; subcode?: number; details?: string }> = {
  130429: { status: 400, message: '(#130429) Rate limit hit', type: 'OAuthException', details: 'Cloud API message throughput has been reached.' },
  131000: { status: 500, message: '(#131000) Something went wrong', type: 'OAuthException', details: 'Message failed to send due to an unknown error.' },
  131016: { status: 503, message: '(#131016) Service unavailable', type: 'OAuthException', details: 'A service is temporarily unavailable.' },
  131026: { status: 400, message: '(#131026) Message undeliverable', type: 'OAuthException', details: 'Unable to deliver message.' },
  131047: { status: 400, message: '(#131047) Re-engagement message', type: 'OAuthException', details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.' },
  190: { status: 401, message: 'Error validating access token: Session has expired.', type: 'OAuthException', subcode: 463 },
  2: { status: 503, message: 'An unexpected error has occurred. Please retry your request later.', type: 'OAuthException' },
};

const TOP_LEVEL = new Set(['messaging_product', 'recipient_type', 'to', 'type', 'text', 'interactive', 'context', 'biz_opaque_callback_data', 'status', 'message_id', 'typing_indicator', 'template']);

const len = (v: unknown) => (typeof v === 'string' ? [...v].length : -1);

/** The first thing the Cloud API would refuse in this body, or null. */
export function graphProblem(body: Record<string, unknown>): string | null {
  const unknown = Object.keys(body).find((k) => !TOP_LEVEL.has(k));
  if (unknown) return `Param ${unknown} is not a valid parameter`;
  if (body.messaging_product !== 'whatsapp') return 'messaging_product must be "whatsapp"';
  if (body.status !== undefined) {
    if (body.status !== 'read' || len(body.message_id) < 1) return 'a read receipt needs status "read" and message_id';
    const typing = body.typing_indicator as { type?: unknown } | undefined;
    return typing === undefined || typing.type === 'text' ? null : 'typing_indicator.type must be "text"';
  }
  if (!/^\+?\d{7,15}$/.test(String(body.to ?? ''))) return 'to must be a phone number';
  if (body.recipient_type !== undefined && body.recipient_type !== 'individual') return 'recipient_type must be "individual"';
  if (body.type === 'text') {
    const text = body.text as { body?: unknown; preview_url?: unknown } | undefined;
    if (len(text?.body) < 1 || len(text?.body) > 4096) return 'text.body must be 1 to 4096 characters';
    if (text?.preview_url !== undefined && typeof text.preview_url !== 'boolean') return 'text.preview_url must be a boolean';
    return null;
  }
  if (body.type === 'template') {
    const t = body.template as { name?: unknown; language?: { code?: unknown }; components?: unknown } | undefined;
    if (!t || typeof t.name !== 'string' || !/^[a-z0-9_]{1,512}$/.test(t.name)) return 'template.name is required';
    if (typeof t.language?.code !== 'string' || !t.language.code) return 'template.language.code is required';
    if (t.components !== undefined && !Array.isArray(t.components)) return 'template.components must be an array';
    for (const c of (t.components ?? []) as { type?: unknown; parameters?: { type?: unknown; text?: unknown }[] }[]) {
      if (c.type !== 'body' && c.type !== 'header' && c.type !== 'button') return 'component type must be header, body or button';
      for (const p of c.parameters ?? []) {
        if (p.type !== 'text' || len(p.text) < 1) return 'a text parameter needs its text';
        if (/[\n\t]| {5,}/.test(String(p.text))) return 'Param text cannot have new-line/tab characters or more than 4 consecutive spaces';
      }
    }
    return null;
  }
  if (body.type !== 'interactive') return `type "${String(body.type)}" is not supported here`;
  const i = body.interactive as { type?: unknown; body?: { text?: unknown }; action?: Record<string, unknown> } | undefined;
  if (i?.type === 'button') {
    if (len(i.body?.text) < 1 || len(i.body?.text) > 1024) return 'interactive.body.text must be 1 to 1024 characters';
    const buttons = (i.action?.buttons ?? []) as { type?: unknown; reply?: { id?: unknown; title?: unknown } }[];
    if (!Array.isArray(buttons) || buttons.length < 1 || buttons.length > 3) return 'action.buttons must hold 1 to 3 buttons';
    for (const b of buttons) {
      if (b.type !== 'reply') return 'button type must be "reply"';
      if (len(b.reply?.title) < 1 || len(b.reply?.title) > 20) return 'button title must be 1 to 20 characters';
      if (len(b.reply?.id) < 1 || len(b.reply?.id) > 256) return 'button id must be 1 to 256 characters';
    }
    if (new Set(buttons.map((b) => b.reply?.title)).size !== buttons.length) return 'button titles must be unique';
    if (new Set(buttons.map((b) => b.reply?.id)).size !== buttons.length) return 'button ids must be unique';
    return null;
  }
  if (i?.type === 'list') {
    if (len(i.body?.text) < 1 || len(i.body?.text) > 4096) return 'interactive.body.text must be 1 to 4096 characters';
    if (len(i.action?.button) < 1 || len(i.action?.button) > 20) return 'action.button must be 1 to 20 characters';
    const sections = (i.action?.sections ?? []) as { title?: unknown; rows?: { id?: unknown; title?: unknown; description?: unknown }[] }[];
    if (!Array.isArray(sections) || sections.length < 1 || sections.length > 10) return 'action.sections must hold 1 to 10 sections';
    if (sections.some((s) => (sections.length > 1 && len(s.title) < 1) || len(s.title) > 24)) return 'section titles must be up to 24 characters (required with several sections)';
    const rows = sections.flatMap((s) => s.rows ?? []);
    if (rows.length < 1 || rows.length > 10) return 'a list must have 1 to 10 rows in all';
    for (const r of rows) {
      if (len(r.title) < 1 || len(r.title) > 24) return 'row title must be 1 to 24 characters';
      if (len(r.id) < 1 || len(r.id) > 200) return 'row id must be 1 to 200 characters';
      if (r.description !== undefined && len(r.description) > 72) return 'row description must be up to 72 characters';
    }
    if (new Set(rows.map((r) => r.id)).size !== rows.length) return 'row ids must be unique';
    return null;
  }
  if (i?.type === 'location_request_message') {
    if (len(i.body?.text) < 1 || len(i.body?.text) > 1024) return 'interactive.body.text must be 1 to 1024 characters';
    if (i.action?.name !== 'send_location') return 'action.name must be "send_location"';
    return null;
  }
  return 'interactive.type must be "button", "list" or "location_request_message" here';
}

export async function startGraphStandIn(): Promise<GraphStandIn> {
  const token = `EAAG${randomBytes(24).toString('hex')}`;
  const sent: GraphRequest[] = [];
  const reads: GraphRequest[] = [];
  const requests: GraphRequest[] = [];
  const failures: GraphFailure[] = [];
  const templates: Record<string, ApprovedTemplate> = { ...DEMO_TEMPLATES };
  const messenger = createSendApiStandIn();

  const fail = (res: http.ServerResponse, status: number, code: number, message: string, extra: { type?: string; subcode?: number; details?: string } = {}) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        error: {
          message,
          type: extra.type ?? 'OAuthException',
          code,
          ...(extra.subcode ? { error_subcode: extra.subcode } : {}),
          ...(extra.details ? { error_data: { messaging_product: 'whatsapp', details: extra.details } } : {}),
          fbtrace_id: `A${randomBytes(10).toString('base64url')}`,
        },
      }),
    );
  };
  const media = createMediaStandIn(token, fail);

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (messenger.handles(req)) return messenger.handle(req, Buffer.concat(chunks), res);
      if (media.handles(req)) return media.handle(req, res);
      const m = /^\/(v\d+\.\d+)\/(\d{1,32})\/messages$/.exec(req.url ?? '');
      if (!m || req.method !== 'POST') return fail(res, 400, 100, 'Unsupported request - method type or path not supported', { type: 'GraphMethodException', subcode: 33 });
      if (req.headers.authorization !== `Bearer ${token}`) return fail(res, 401, 190, 'Invalid OAuth access token - Cannot parse access token');
      let body: Record<string, unknown>;
      try {
        if (!/^application\/json/.test(req.headers['content-type'] ?? '')) throw new Error('not JSON');
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        return fail(res, 400, 100, '(#100) The parameter messaging_product is required.');
      }
      const record: GraphRequest = { version: m[1], phoneNumberId: m[2], body, status: 200 };
      requests.push(record);
      const problem = graphProblem(body);
      if (problem) {
        Object.assign(record, { status: 400, error: { code: 100, message: problem } });
        return fail(res, 400, 100, `(#100) Invalid parameter`, { details: problem });
      }
      if (body.status === 'read') {
        reads.push(record);
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ success: true }));
      }
      const refused = body.type === 'template' ? templateRefusal(body, templates) : null;
      if (refused) {
        Object.assign(record, { status: 400, error: { code: refused[0], message: refused[1] } });
        return fail(res, 400, refused[0], refused[1]);
      }
      const failure = failures.shift();
      if (failure) {
        const f = FAILURES[failure];
        Object.assign(record, { status: f.status, error: { code: failure, message: f.message } });
        return fail(res, f.status, failure, f.message, f);
      }
      record.id = `wamid.${Buffer.from(`${m[2]}:${randomBytes(12).toString('hex')}`).toString('base64')}`;
      sent.push(record);
      const to = String(body.to);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ messaging_product: 'whatsapp', contacts: [{ input: to, wa_id: to.replace(/^\+/, '') }], messages: [{ id: record.id }] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    sent,
    reads,
    requests,
    failNext: (...codes) => void failures.push(...codes),
    media,
    templates,
    messenger,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
