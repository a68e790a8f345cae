/**
 * Azure Bot Service's Activity protocol end to end, against local stand-ins for Azure (Entra's
 * metadata, keys and token endpoint; the Bot Connector service) in azure-stand-in.fixture.ts:
 * activities posted with an RS256 JWT checked by the Microsoft 365 Agents SDK's authorizeJWT, a
 * conversation and its replies posted proactively to the Connector with suggested actions, a
 * missed bin reported to a case reference, refusals (no token, another key, another audience,
 * expired, another issuer, a serviceUrl the token does not name) storing nothing, a repeated
 * activity id answered once, and an agent's reply after a handoff.
 */
import { randomUUID } from 'node:crypto';
import { generateKeyPairSync } from 'node:crypto';
import { signedInAgent, type ConsoleClient } from '../../test/console-client.js';
import { startTestServer, type TestServer } from '../../test/server.js';
import { startAzureStandIn, type AzureStandIn, type PostedActivity } from './azure-stand-in.fixture.js';

const APP_ID = '6f1c1f64-7a3b-4b7e-9a55-0c5d2b8e9f01';
const PASSWORD = 'stand-in-client-secret~0123456789';
const ENTRA_TENANT = '3b9d7c2e-1f4a-4e6b-8c0d-5a7e9f1b2c3d';

let server: TestServer;
let azure: AzureStandIn;
let agent: ConsoleClient;

beforeAll(async () => {
  azure = await startAzureStandIn({ tenant: ENTRA_TENANT, appId: APP_ID, password: PASSWORD });
  server = await startTestServer({
    env: { ...process.env, AZURE_BOT_APP_ID: APP_ID, AZURE_BOT_APP_PASSWORD: PASSWORD, AZURE_BOT_TENANT_ID: ENTRA_TENANT, AZURE_BOT_AUTHORITY: azure.authority },
  });
  agent = (await signedInAgent(server, { skills: ['waste', 'highways', 'street_scene', 'housing', 'safety', 'social_care'] })).client;
  await server.store.db.updateTable('agents').set({ name: 'Priya Shah' }).where('tenant_id', '=', server.tenant).execute();
}, 120_000);

afterAll(async () => {
  await server?.close();
  await azure?.close();
});

async function until<T>(check: () => T | undefined | Promise<T | undefined>, what: string, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A Teams personal chat as Azure Bot Service addresses it. */
function chat(name: string) {
  const conversationId = `a:1${name}-${randomUUID()}`;
  const user = { id: `29:1${name}-user`, name: 'Resident', aadObjectId: randomUUID() };
  let n = 0;
  const activity = (fields: Record<string, unknown>) => ({
    type: 'message',
    id: `f:${name}-${++n}`,
    timestamp: new Date().toISOString(),
    serviceUrl: azure.serviceUrl,
    channelId: 'msteams',
    from: user,
    recipient: { id: `28:${APP_ID}`, name: 'Council assistant' },
    conversation: { id: conversationId, conversationType: 'personal', tenantId: ENTRA_TENANT },
    locale: 'en-GB',
    ...fields,
  });
  const received = () => azure.posted.filter((p) => p.conversationId === conversationId);
  return { conversationId, activity, received };
}

async function post(body: unknown, token: string | null = azure.sign()) {
  return fetch(`${server.url}/channels/azure-bot/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

/** Waits until every reply of the conversation's turns has reached the Connector, and returns the new ones. */
async function answered(c: ReturnType<typeof chat>, before: number): Promise<PostedActivity['activity'][]> {
  await until(async () => {
    const conv = await server.store.db.selectFrom('conversations').select('id').where('channel', '=', 'azure-bot').where('tenant_id', '=', server.tenant).orderBy('created_at', 'desc').execute();
    for (const { id } of conv) {
      const rows = await server.store.db.selectFrom('messages').select(['direction', 'status', 'processed_at']).where('conversation_id', '=', id).execute();
      const pending = rows.some((r) => (r.direction === 'in' && !r.processed_at) || (r.direction === 'out' && r.status !== 'sent' && r.status !== 'failed'));
      if (pending) return undefined;
    }
    return c.received().length > before ? true : undefined;
  }, 'the replies at the Connector');
  return c.received().slice(before).map((p) => p.activity);
}

async function say(c: ReturnType<typeof chat>, fields: Record<string, unknown>) {
  const before = c.received().length;
  const res = await post(c.activity(fields));
  expect(res.status).toBe(200);
  return answered(c, before);
}

const texts = (as: { text?: string }[]) => as.map((a) => a.text ?? '').join('\n');
const button = (as: PostedActivity['activity'][], title: RegExp) => {
  const last = [...as].reverse().find((a) => a.suggestedActions);
  const action = last?.suggestedActions?.actions.find((x) => title.test(x.title));
  if (!action) throw new Error(`no button ${title}; have ${JSON.stringify(last?.suggestedActions)}`);
  expect(action.type).toBe('imBack');
  return action.value;
};
const stored = async () => (await server.store.db.selectFrom('messages').select('id').where('channel', '=', 'azure-bot').execute()).length;

test('a message activity becomes a conversation; the reply reaches the Connector with suggested actions', async () => {
  const c = chat('hello');
  const replies = await say(c, { text: 'hello' });
  expect(replies.length).toBeGreaterThan(0);
  const first = replies[0];
  expect(first).toMatchObject({
    type: 'message',
    channelId: 'msteams',
    conversation: { id: c.conversationId, tenantId: ENTRA_TENANT },
    from: { id: `28:${APP_ID}` },
    recipient: { id: expect.stringMatching(/^29:1hello-user$/) },
  });
  const withButtons = replies.find((r) => r.suggestedActions);
  expect(withButtons?.suggestedActions?.actions.length).toBeGreaterThan(0);
  expect(withButtons?.suggestedActions?.actions.every((a) => a.type === 'imBack' && a.value)).toBe(true);
  expect(withButtons?.suggestedActions).toMatchObject({ to: ['29:1hello-user'] });
  // The bot's own Entra token, asked for once with client credentials and the Connector's scope.
  expect(azure.tokenRequests.length).toBe(1);
  expect(azure.tokenRequests[0].get('client_id')).toBe(APP_ID);
  const conversations = await server.store.db.selectFrom('conversations').select(['channel', 'channel_user_id']).where('channel', '=', 'azure-bot').execute();
  expect(conversations).toHaveLength(1);
  // Neither platform id is kept in the clear on the row.
  expect(conversations[0].channel_user_id).toMatch(/^msteams:[A-Za-z0-9_-]{32}$/);
});

test('reports a missed bin to a case reference with button values and typed answers; a mention is not part of the text', async () => {
  const c = chat('bins');
  let replies = await say(c, { text: '<at>Council assistant</at> hello' });
  replies = await say(c, { text: button(replies, /missed bin/i) });
  expect(texts(replies)).toMatch(/postcode/i);
  replies = await say(c, { text: 'MB1 1AD' });
  replies = await say(c, { text: replies.some((r) => r.suggestedActions) ? button(replies, /.+/) : '1' });
  for (const answer of ['general rubbish', 'yes', 'skip', 'no', 'no']) replies = await say(c, { text: answer });
  replies = await say(c, { value: { text: 'yes' } }); // a card's button sends a value
  const reference = /MBC-\d{6}/.exec(texts(replies))?.[0];
  expect(reference).toBeDefined();
  const cases = await server.store.db.selectFrom('cases').select('reference').where('reference', '=', reference!).execute();
  expect(cases).toHaveLength(1);
}, 60_000);

test('a bad or absent JWT is refused 401 and stores nothing', async () => {
  const c = chat('refused');
  const before = await stored();
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const cases: [string, string | null][] = [
    ['no token', null],
    ['not a JWT', 'not-a-jwt'],
    ['an unknown key', azure.sign({}, { key: other, kid: 'unknown-kid' })],
    ['another key under the known kid', azure.sign({}, { key: other })],
    ['another audience', azure.sign({ aud: '11111111-2222-3333-4444-555555555555' })],
    ['expired', azure.sign({}, { expiresIn: -3600 })],
    ['another issuer', azure.sign({ iss: 'https://issuer.example/v2.0' })],
  ];
  for (const [what, token] of cases) {
    const res = await post(c.activity({ text: 'hello' }), token);
    expect({ what, status: res.status }).toEqual({ what, status: 401 });
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
  }
  // A token for one Connector cannot send replies to another.
  const elsewhere = await post(c.activity({ text: 'hello', serviceUrl: 'https://smba.trafficmanager.net/emea/' }));
  expect(elsewhere.status).toBe(403);
  // Authenticated but not an activity.
  expect((await post({ type: 'message', text: 'hello' })).status).toBe(400);
  const malformed = await fetch(`${server.url}/channels/azure-bot/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${azure.sign()}` }, body: '{"type":' });
  expect(malformed.status).toBe(400);
  await new Promise((r) => setTimeout(r, 300));
  expect(await stored()).toBe(before);
  expect(c.received()).toHaveLength(0);
});

test('a repeated activity id is stored and answered once', async () => {
  const c = chat('repeat');
  const activity = c.activity({ text: 'when is my bin collected' });
  const [a, b] = await Promise.all([post(activity), post(activity)]);
  expect([a.status, b.status]).toEqual([200, 200]);
  const replies = await answered(c, 0);
  expect((await post(activity)).status).toBe(200);
  await new Promise((r) => setTimeout(r, 1000));
  expect(c.received()).toHaveLength(replies.length);
  const inbound = await server.store.db.selectFrom('messages').select('id').where('channel', '=', 'azure-bot').where('direction', '=', 'in').where('provider_message_id', 'like', `%:${activity.id}`).execute();
  expect(inbound).toHaveLength(1);
});

test("an agent's reply after a handoff is posted proactively; a Connector failure is retried and the reply arrives once", async () => {
  const c = chat('handoff');
  const replies = await say(c, { text: 'I want to speak to a real person' });
  expect(texts(replies)).toMatch(/adviser|team|person/i);
  const conversation = await until(
    () => server.store.db.selectFrom('messages').select('conversation_id').where('provider_message_id', 'like', '%:f:handoff-1').executeTakeFirst(),
    'the conversation',
  );
  const handoff = await until(async () => ((await agent.call('GET', '/queue')).body.handoffs as { id: string; conversationId: string }[]).find((h) => h.conversationId === conversation.conversation_id), 'the handoff');
  expect((await agent.call('POST', `/handoffs/${handoff.id}/accept`)).status).toBe(200);
  await until(() => c.received().find((p) => /Priya from .+ has joined/.test(p.activity.text ?? '')), 'the join notice');
  azure.failNext(1, 503);
  expect((await agent.call('POST', `/conversations/${conversation.conversation_id}/messages`, { text: 'Hello, I can help with that.' })).status).toBe(201);
  const reply = await until(() => c.received().find((p) => p.activity.text === 'Hello, I can help with that.'), "the agent's reply", 20_000);
  expect(reply.activity).toMatchObject({ type: 'message', conversation: { id: c.conversationId }, recipient: { id: '29:1handoff-user' } });
  await new Promise((r) => setTimeout(r, 500));
  expect(c.received().filter((p) => p.activity.text === 'Hello, I can help with that.')).toHaveLength(1);
  const sent = await server.store.db.selectFrom('messages').select(['status', 'provider_message_id']).where('conversation_id', '=', conversation.conversation_id).where('author', '=', 'agent').execute();
  expect(sent).toEqual([{ status: 'sent', provider_message_id: expect.stringMatching(/^connector-\d+$/) }]);
}, 60_000);
