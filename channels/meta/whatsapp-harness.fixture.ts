/**
 * The WhatsApp channel through the real app (startTestServer, the registry, the shared outbox)
 * with the Graph API replaced by the local stand-in: webhooks are built as Meta sends them and
 * signed as Meta signs them (HMAC-SHA256 of the raw body with the app secret).
 */
import { createHmac, randomBytes } from 'node:crypto';
import { startTestServer, type TestServer } from '../../test/server.js';
import { startGraphStandIn, type GraphRequest, type GraphStandIn } from './graph-stand-in.fixture.js';

export const APP_SECRET = 'meta-app-secret-for-tests-0123456789';
export const VERIFY_TOKEN = 'verify-token-for-tests';
/** The demo pack's WhatsApp phone number id (content/demo/settings.yaml). */
export const PHONE_NUMBER_ID = '100000000000001';
const WABA_ID = '200000000000002';

export const sign = (raw: string, secret = APP_SECRET) => `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;

let counter = 0;
export const wamid = () => `wamid.${Buffer.from(`test-${Date.now()}-${++counter}-${randomBytes(4).toString('hex')}`).toString('base64')}`;

/** A webhook body holding one value (messages and/or statuses), as Meta sends it. */
export function whatsappEnvelope(value: Record<string, unknown>, phoneNumberId = PHONE_NUMBER_ID): Record<string, unknown> {
  return {
    object: 'whatsapp_business_account',
    entry: [{ id: WABA_ID, changes: [{ value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '441632960100', phone_number_id: phoneNumberId }, ...value }, field: 'messages' }] }],
  };
}

/** A message from `from` (a wa_id) of a type: `{ type: 'text', text: { body } }`... */
export function whatsappMessage(from: string, content: Record<string, unknown>, id = wamid(), phoneNumberId = PHONE_NUMBER_ID): Record<string, unknown> {
  return whatsappEnvelope({ contacts: [{ profile: { name: 'Test Resident' }, wa_id: from }], messages: [{ from, id, timestamp: String(Math.floor(Date.now() / 1000)), ...content }] }, phoneNumberId);
}

/** Posts a webhook body to a server's Meta route, signed with the app secret as Meta signs it. */
export function postMetaWebhook(serverUrl: string, body: unknown, secret = APP_SECRET): Promise<Response> {
  const raw = JSON.stringify(body);
  return fetch(`${serverUrl}/channels/meta/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(raw, secret) }, body: raw });
}

export interface WhatsAppHarness {
  server: TestServer;
  graph: GraphStandIn;
  /** A webhook body holding one value (messages and/or statuses), as Meta sends it. */
  envelope(value: Record<string, unknown>, phoneNumberId?: string): Record<string, unknown>;
  /** A message from `from` (a wa_id) of a type: `{ type: 'text', text: { body } }`... */
  message(from: string, content: Record<string, unknown>, id?: string): Record<string, unknown>;
  post(body: unknown, opts?: { signature?: string | null; raw?: string }): Promise<Response>;
  /** Sends a message and waits for the turn and its sends to settle; returns what was sent to `from` meanwhile. */
  say(from: string, content: Record<string, unknown>): Promise<GraphRequest[]>;
  sentTo(waId: string): GraphRequest[];
  waitFor(check: () => boolean | Promise<boolean>, what: string, ms?: number): Promise<void>;
  settle(ms?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startWhatsAppHarness(): Promise<WhatsAppHarness> {
  const graph = await startGraphStandIn();
  const server = await startTestServer({
    env: { META_APP_SECRET: APP_SECRET, META_VERIFY_TOKEN: VERIFY_TOKEN, WHATSAPP_ACCESS_TOKEN: graph.token, META_GRAPH_BASE_URL: graph.url, META_GRAPH_API_VERSION: 'v21.0' },
  });
  const waitFor = async (check: () => boolean | Promise<boolean>, what: string, ms = 10_000) => {
    const until = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  const pendingWork = async () =>
    !!(await server.store.db
      .selectFrom('messages')
      .select('id')
      .where('tenant_id', '=', server.tenant)
      .where('channel', '=', 'whatsapp')
      .where((eb) => eb.or([eb.and([eb('direction', '=', 'in'), eb('processed_at', 'is', null)]), eb('status', 'in', ['stored', 'fault', 'dispatching', 'send_retry'])]))
      .executeTakeFirst());

  const h: WhatsAppHarness = {
    server,
    graph,
    envelope: whatsappEnvelope,
    message: (from, content, id) => whatsappMessage(from, content, id),
    post: (body, opts = {}) => {
      const raw = opts.raw ?? JSON.stringify(body);
      const signature = opts.signature === undefined ? sign(raw) : opts.signature;
      return fetch(`${server.url}/channels/meta/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'facebookexternalua', ...(signature === null ? {} : { 'x-hub-signature-256': signature }) },
        body: raw,
      });
    },
    sentTo: (waId) => graph.sent.filter((s) => s.body.to === waId),
    waitFor,
    settle: (ms) => waitFor(async () => !(await pendingWork()), 'the WhatsApp turns and sends to settle', ms),
    say: async (from, content) => {
      const before = h.sentTo(from).length;
      const res = await h.post(h.message(from, content));
      if (res.status !== 200) throw new Error(`webhook answered ${res.status}: ${await res.text()}`);
      await waitFor(() => h.sentTo(from).length > before, `a reply to ${from}`);
      await h.settle();
      return h.sentTo(from).slice(before);
    },
    close: async () => {
      await server.close();
      await graph.close();
    },
  };
  return h;
}
