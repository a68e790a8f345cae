/**
 * The Messenger and Instagram channels through the real app (startTestServer, the registry, the
 * shared outbox) with the Send API replaced by the local Graph stand-in: webhooks are built as
 * Meta sends them (`page` and `instagram` objects, entry[].messaging[]) and signed as Meta signs
 * them (HMAC-SHA256 of the raw body with the app secret). WhatsApp is configured too unless asked
 * not to, so the deliveries pass through the one Meta webhook that WhatsApp's router serves.
 */
import { startTestServer, type TestServer } from '../../test/server.js';
import { startGraphStandIn, type GraphStandIn } from './graph-stand-in.fixture.js';
import type { SendApiRequest } from './messenger-stand-in.fixture.js';
import { APP_SECRET, sign, VERIFY_TOKEN } from './whatsapp-harness.fixture.js';

export { APP_SECRET, sign, VERIFY_TOKEN };
/** The demo pack's Facebook Page id and Instagram account id (content/demo/settings.yaml). */
export const PAGE_ID = '300000000000003';
export const IG_ACCOUNT_ID = '17841400000000004';

export type Platform = 'messenger' | 'instagram';
const OBJECT: Record<Platform, string> = { messenger: 'page', instagram: 'instagram' };
const ACCOUNT: Record<Platform, string> = { messenger: PAGE_ID, instagram: IG_ACCOUNT_ID };

let counter = 0;
export const mid = () => `m_${Date.now().toString(36)}${(++counter).toString(36)}${Math.random().toString(36).slice(2, 10)}`;
let psids = 0;
/** A new resident's PSID or IGSID (digits, as Meta's are). */
export const newUserId = () => `7${String(Date.now()).slice(-9)}${String(++psids).padStart(5, '0')}`;

export interface MessengerHarness {
  server: TestServer;
  graph: GraphStandIn;
  /** A webhook body holding these events for the platform's account, as Meta sends it. */
  envelope(platform: Platform, events: Record<string, unknown>[], accountId?: string): Record<string, unknown>;
  /** One event from `from`: `{ message: { mid, text } }`, `{ postback: {...} }`... */
  event(platform: Platform, from: string, content: Record<string, unknown>): Record<string, unknown>;
  text(text: string, extra?: Record<string, unknown>): Record<string, unknown>;
  post(body: unknown, opts?: { signature?: string | null; raw?: string }): Promise<Response>;
  /** Sends an event and waits for the turn and its sends to settle; returns what was sent to `from` meanwhile. */
  say(platform: Platform, from: string, content: Record<string, unknown>): Promise<SendApiRequest[]>;
  sentTo(userId: string): SendApiRequest[];
  waitFor(check: () => boolean | Promise<boolean>, what: string, ms?: number): Promise<void>;
  settle(ms?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startMessengerHarness(options: { whatsapp?: boolean } = {}): Promise<MessengerHarness> {
  const graph = await startGraphStandIn();
  const server = await startTestServer({
    env: {
      META_APP_SECRET: APP_SECRET,
      META_VERIFY_TOKEN: VERIFY_TOKEN,
      MESSENGER_PAGE_ACCESS_TOKEN: graph.messenger.pageToken,
      ...(options.whatsapp === false ? {} : { WHATSAPP_ACCESS_TOKEN: graph.token }),
      META_GRAPH_BASE_URL: graph.url,
      META_GRAPH_API_VERSION: 'v21.0',
    },
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
      .where('channel', 'in', ['messenger', 'instagram'])
      .where((eb) => eb.or([eb.and([eb('direction', '=', 'in'), eb('processed_at', 'is', null)]), eb('status', 'in', ['stored', 'fault', 'dispatching', 'send_retry'])]))
      .executeTakeFirst());

  const h: MessengerHarness = {
    server,
    graph,
    envelope: (platform, events, accountId = ACCOUNT[platform]) => ({
      object: OBJECT[platform],
      entry: [{ id: accountId, time: Date.now(), messaging: events }],
    }),
    event: (platform, from, content) => ({ sender: { id: from }, recipient: { id: ACCOUNT[platform] }, timestamp: Date.now(), ...content }),
    text: (text, extra = {}) => ({ message: { mid: mid(), text, ...extra } }),
    post: (body, opts = {}) => {
      const raw = opts.raw ?? JSON.stringify(body);
      const signature = opts.signature === undefined ? sign(raw) : opts.signature;
      return fetch(`${server.url}/channels/meta/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'facebookexternalua', ...(signature === null ? {} : { 'x-hub-signature-256': signature }) },
        body: raw,
      });
    },
    sentTo: (userId) => graph.messenger.sent.filter((s) => (s.body.recipient as { id: string }).id === userId),
    waitFor,
    settle: (ms) => waitFor(async () => !(await pendingWork()), 'the Messenger turns and sends to settle', ms),
    say: async (platform, from, content) => {
      const before = h.sentTo(from).length;
      const res = await h.post(h.envelope(platform, [h.event(platform, from, content)]));
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
