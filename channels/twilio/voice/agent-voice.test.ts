/**
 * Answering callers from the console (issue 14), end to end on a real server against the Twilio
 * stand-in: Voice access tokens, accept → REST redirect → TwiML dialling the agent's client (or desk
 * phone), hold, resume, transfer and hang-up, a leg nobody answers (back to the queue, offered to the
 * next agent), Twilio's refusals shown to the agent, the caller hanging up mid-bridge, and
 * abandonment counted once. Webhooks are signed with the twilio package (twilio-sim.ts).
 */
import jwt from 'jsonwebtoken';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { signedInAgent, type ConsoleClient } from '../../../test/console-client.js';
import { agentCallSettings, conversationEvents, parseKeyring, satisfactionFor, saveAgentCallSettings, setKeyring } from '../../../store/index.js';
import { startTwilioStandIn, type TwilioStandIn } from '../twilio-stand-in.fixture.js';
import { TwilioCall } from './twilio-sim.js';
import { findAll, textOf, type XmlElement } from './xml.js';

const weekday = () => new Date('2026-11-25T10:30:00Z');
const API_KEY_SID = `SK${'a'.repeat(32)}`;
const API_KEY_SECRET = 'api-key-secret-0123456789abcdef';
const APP_SID = `AP${'b'.repeat(32)}`;
const saved: Record<string, string | undefined> = {};
const ENV_KEYS = ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM', 'TWILIO_API_BASE_URL', 'TWILIO_API_KEY_SID', 'TWILIO_API_KEY_SECRET', 'TWILIO_TWIML_APP_SID'];

let server: TestServer;
let twilioApi: TwilioStandIn;

beforeAll(async () => {
  twilioApi = await startTwilioStandIn();
  for (const k of ENV_KEYS) saved[k] = process.env[k];
  Object.assign(process.env, {
    TWILIO_ACCOUNT_SID: twilioApi.accountSid,
    TWILIO_AUTH_TOKEN: twilioApi.authToken,
    TWILIO_FROM: '+441632960100',
    TWILIO_API_BASE_URL: twilioApi.url,
    TWILIO_API_KEY_SID: API_KEY_SID,
    TWILIO_API_KEY_SECRET: API_KEY_SECRET,
    TWILIO_TWIML_APP_SID: APP_SID,
  });
  server = await startTestServer({ clock: weekday });
}, 120_000);
afterAll(async () => {
  await server?.close();
  await twilioApi?.close();
  for (const k of ENV_KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

let n = 0;
async function agent(): Promise<{ client: ConsoleClient; agentId: string }> {
  const a = await signedInAgent(server, { now: weekday, capacity: 5 });
  await server.store.db.updateTable('agents').set({ status: 'available', last_seen_at: weekday() }).where('id', '=', a.agentId).execute();
  return a;
}
async function away(agentId: string) {
  await server.store.db.updateTable('agents').set({ status: 'away' }).where('id', '=', agentId).execute();
}

/** A caller who asks for a person and waits in the Twilio queue; their conversation and handoff. */
async function queuedCaller() {
  const call = new TwilioCall(server.url, `+4477009${String(10000 + ++n).padStart(5, '0')}`, twilioApi.authToken);
  await call.start();
  await call.say('my bin was not collected');
  const r = await call.say('I want to speak to a person');
  const [enqueue] = findAll(r.root!, 'Enqueue');
  expect(enqueue).toBeDefined();
  const db = server.store.db;
  const conversation = await db.selectFrom('conversations').selectAll().where('tenant_id', '=', server.tenant).where('channel', '=', 'voice').orderBy('created_at', 'desc').limit(1).executeTakeFirstOrThrow();
  const handoff = await db.selectFrom('handoffs').selectAll().where('conversation_id', '=', conversation.id).executeTakeFirstOrThrow();
  return { call, conversation, handoff, enqueue };
}

const handoffRow = (id: string) => server.store.db.selectFrom('handoffs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const stateOf = async (id: string) => (await server.store.db.selectFrom('conversations').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state;
const lastUpdate = () => twilioApi.callUpdates.at(-1)!;
const dialOf = (root: XmlElement) => findAll(root, 'Dial')[0];

test('the Voice access token: signed with the API key, identity agent-<id>, incoming allowed, the TwiML app, ten minutes', async () => {
  const a = await agent();
  const res = await a.client.call('GET', '/voice/token');
  expect(res.status).toBe(200);
  expect(res.body.identity).toBe(`agent-${a.agentId}`);
  const claims = jwt.verify(res.body.token, API_KEY_SECRET, { algorithms: ['HS256'] }) as jwt.JwtPayload & { grants: any };
  expect(claims.iss).toBe(API_KEY_SID);
  expect(claims.sub).toBe(twilioApi.accountSid);
  expect(claims.exp! - claims.iat!).toBe(600);
  expect(claims.grants.identity).toBe(`agent-${a.agentId}`);
  expect(claims.grants.voice).toEqual({ incoming: { allow: true }, outgoing: { application_sid: APP_SID } });
  expect(() => jwt.verify(res.body.token, 'another-secret')).toThrow();

  // Without an API key the browser cannot register: a clear problem, and the console offers the phone.
  delete process.env.TWILIO_API_KEY_SECRET;
  try {
    const none = await a.client.call('GET', '/voice/token');
    expect(none.status).toBe(409);
    expect(none.body.detail).toMatch(/TWILIO_API_KEY_SECRET/);
    expect((await a.client.call('GET', '/voice/settings')).body).toMatchObject({ browserCalling: false, telephone: true, bridge: 'client' });
  } finally {
    process.env.TWILIO_API_KEY_SECRET = API_KEY_SECRET;
  }
  await away(a.agentId);
});

test('accepting a phone handoff redirects the queued caller to TwiML that dials the agent\'s client; hold, resume and hang-up move the caller\'s leg', async () => {
  const a = await agent();
  const { call, conversation, handoff } = await queuedCaller();
  const before = twilioApi.callUpdates.length;
  expect((await a.client.call('POST', `/handoffs/${handoff.id}/accept`)).status).toBe(200);
  expect(twilioApi.callUpdates).toHaveLength(before + 1);
  const redirect = lastUpdate();
  expect(redirect).toMatchObject({ callSid: call.callSid, status: 200 });
  expect(redirect.params.get('Method')).toBe('POST');
  expect(redirect.params.get('Url')).toMatch(new RegExp(`^${server.url}/channels/twilio/voice/bridge\\?`));
  expect(redirect.params.get('StatusCallback')).toMatch(/\/channels\/twilio\/voice\/call-status\?/);

  // Twilio fetches the Url (signed): the Dial of the agent's browser client.
  const bridged = await call.post(redirect.params.get('Url')!);
  const dial = dialOf(bridged.root!);
  expect(dial.attributes).toMatchObject({ timeout: '20', answerOnBridge: 'true' });
  expect(dial.attributes.action).toMatch(/\/voice\/bridge-done\?/);
  const [client] = findAll(dial, 'Client');
  expect(textOf(client).trim()).toBe(`agent-${a.agentId}`);
  expect((await a.client.call('GET', `/conversations/${conversation.id}/call`)).body.call).toMatchObject({ status: 'bridging', target: 'client', answeredAt: null });

  // The agent's browser answers.
  await call.post(client.attributes.statusCallback, { CallStatus: 'in-progress' });
  const connected = (await a.client.call('GET', `/conversations/${conversation.id}/call`)).body.call;
  expect(connected).toMatchObject({ status: 'connected' });
  expect(connected.answeredAt).toBe(weekday().toISOString());

  // Hold: the caller's leg goes to hold TwiML; the Dial's end that follows is not a hang-up.
  const held = await a.client.call('POST', `/conversations/${conversation.id}/call/hold`);
  expect(held.status).toBe(200);
  expect(held.body.call.status).toBe('held');
  expect(lastUpdate().params.get('Url')).toMatch(/\/channels\/twilio\/voice\/hold\?/);
  const holdTwiml = await call.post(lastUpdate().params.get('Url')!);
  expect(holdTwiml.spoken).toMatch(/Please hold/);
  expect(findAll(holdTwiml.root!, 'Redirect')).toHaveLength(1);
  const afterHold = await call.post(dial.attributes.action, { DialCallStatus: 'completed' });
  expect(findAll(afterHold.root!, 'Hangup')).toHaveLength(0);
  expect((await a.client.call('GET', `/conversations/${conversation.id}/call`)).body.call.status).toBe('held');
  expect((await a.client.call('POST', `/conversations/${conversation.id}/call/hold`)).status).toBe(409);

  // Resume: back to the Dial of the agent.
  const resumed = await a.client.call('POST', `/conversations/${conversation.id}/call/resume`);
  expect(resumed.body.call.status).toBe('bridging');
  expect(lastUpdate().params.get('Url')).toMatch(/\/channels\/twilio\/voice\/bridge\?/);
  expect(textOf(findAll((await call.post(lastUpdate().params.get('Url')!)).root!, 'Client')[0]).trim()).toBe(`agent-${a.agentId}`);

  // Hang up: the caller's leg (not hung up) moves to "How did we do?", as it was not asked yet.
  const hung = await a.client.call('POST', `/conversations/${conversation.id}/call/hang-up`);
  expect(hung.body.call).toMatchObject({ status: 'ended', detail: 'agent hung up' });
  expect(lastUpdate().params.get('Status')).toBeNull();
  expect(lastUpdate().params.get('Url')).toMatch(/\/channels\/twilio\/voice\/agent-satisfaction\?/);
  expect(lastUpdate().callSid).toBe(call.callSid);
  expect((await a.client.call('POST', `/conversations/${conversation.id}/call/hang-up`)).status).toBe(409);
  const askUrl = lastUpdate().params.get('Url')!;
  const asked = await call.post(askUrl);
  expect(asked.spoken).toMatch(/how did we do today\? Press 1 for good/);
  const [gather] = findAll(asked.root!, 'Gather');
  expect(gather.attributes.action).toMatch(/^\/channels\/twilio\/voice\/satisfaction\?/);
  // The Dial's end that follows the redirect is not a second ending.
  expect(findAll((await call.post(dial.attributes.action, { DialCallStatus: 'completed' })).root!, 'Say')).toHaveLength(0);
  const thanks = await call.post(gather.attributes.action, { Digits: '1' });
  expect(thanks.spoken).toMatch(/Thank you for telling us/);
  expect(await satisfactionFor(server.store.db, server.tenant, conversation.id)).toMatchObject({ score: 'good', channel: 'voice' });
  // Never asked twice: the same TwiML again is only goodbye.
  const again = await call.post(askUrl);
  expect(findAll(again.root!, 'Gather')).toHaveLength(0);
  expect(again.spoken).toMatch(/Goodbye/);
  // The work stays the agent's to close with its outcome.
  expect(await stateOf(conversation.id)).toBe('with_agent');
  await away(a.agentId);
});

test('an adviser hanging up after a safety disclosure ends the caller\'s call: "How did we do?" is not asked', async () => {
  const a = await agent();
  const { call, conversation, handoff } = await queuedCaller();
  expect((await a.client.call('POST', `/handoffs/${handoff.id}/accept`)).status).toBe(200);
  const [client] = findAll(dialOf((await call.post(lastUpdate().params.get('Url')!)).root!), 'Client');
  await call.post(client.attributes.statusCallback, { CallStatus: 'in-progress' });
  // The caller's words were kept as a safeguarding disclosure (the conversation's safety flag).
  const safety = { safety: { category: 'safety.safeguarding_concern', action: 'escalate', kind: 'screen' } };
  await server.store.db.updateTable('messages').set({ recognition: JSON.stringify(safety) } as never).where('conversation_id', '=', conversation.id).where('direction', '=', 'in').execute();
  const hung = await a.client.call('POST', `/conversations/${conversation.id}/call/hang-up`);
  expect(hung.body.call).toMatchObject({ status: 'ended', detail: 'agent hung up' });
  expect(lastUpdate()).toMatchObject({ callSid: call.callSid });
  expect(lastUpdate().params.get('Status')).toBe('completed');
  expect(await satisfactionFor(server.store.db, server.tenant, conversation.id)).toBeNull();
  await away(a.agentId);
});

test('an agent who chose "bridge to my phone" is dialled on their desk phone', async () => {
  const a = await agent();
  expect((await a.client.call('PUT', '/voice/settings', { bridge: 'phone' })).status).toBe(400);
  expect((await a.client.call('PUT', '/voice/settings', { bridge: 'phone', deskPhone: '01632 960999' })).status).toBe(400);
  expect((await a.client.call('PUT', '/voice/settings', { bridge: 'phone', deskPhone: '+441632960999' })).status).toBe(204);
  expect((await a.client.call('GET', '/voice/settings')).body).toMatchObject({ bridge: 'phone', deskPhone: '+441632960999' });
  // Sealed at rest where a data key is set (this test server has none: seal it under one here).
  setKeyring(parseKeyring(`k1:${Buffer.alloc(32, 7).toString('base64')}`));
  try {
    await saveAgentCallSettings(server.store.db, server.tenant, a.agentId, { bridge: 'phone', deskPhone: '+441632960999' }, weekday());
    const raw = await server.store.db.selectFrom('agent_call_settings' as never).select('desk_phone' as never).where('agent_id' as never, '=', a.agentId as never).executeTakeFirstOrThrow();
    expect(String((raw as { desk_phone: string }).desk_phone)).toMatch(/^enc:v1:/);
    expect(await agentCallSettings(server.store.db, server.tenant, a.agentId)).toEqual({ bridge: 'phone', deskPhone: '+441632960999' });
  } finally {
    setKeyring(null);
  }
  await saveAgentCallSettings(server.store.db, server.tenant, a.agentId, { bridge: 'phone', deskPhone: '+441632960999' }, weekday());

  const { call, handoff } = await queuedCaller();
  expect((await a.client.call('POST', `/handoffs/${handoff.id}/accept`)).status).toBe(200);
  const dial = dialOf((await call.post(lastUpdate().params.get('Url')!)).root!);
  expect(findAll(dial, 'Client')).toHaveLength(0);
  expect(textOf(findAll(dial, 'Number')[0]).trim()).toBe('+441632960999');
  expect(dial.attributes.callerId).toBe(call.to);
  await away(a.agentId);
});

test('a warm transfer to another queue puts the caller back in that Twilio queue and transfers the handoff', async () => {
  const a = await agent();
  const { call, conversation, handoff } = await queuedCaller();
  await a.client.call('POST', `/handoffs/${handoff.id}/accept`);
  await call.post(lastUpdate().params.get('Url')!);
  expect((await a.client.call('POST', `/conversations/${conversation.id}/call/transfer`, { queue: 'nowhere', note: '' })).status).toBe(400);
  const res = await a.client.call('POST', `/conversations/${conversation.id}/call/transfer`, { queue: 'general', note: 'Council tax question' });
  expect(res.status).toBe(204);
  const url = lastUpdate().params.get('Url')!;
  expect(url).toMatch(new RegExp(`/channels/twilio/voice/requeue\\?.*q=${server.tenant}-general`));
  const requeued = await call.post(url);
  const [enqueue] = findAll(requeued.root!, 'Enqueue');
  expect(textOf(enqueue).trim()).toBe(`${server.tenant}-general`);
  expect(enqueue.attributes.action).toMatch(/\/voice\/queue-leave\?/);
  expect(await handoffRow(handoff.id)).toMatchObject({ status: 'pending', agent_id: null, queue: 'general' });
  expect(await stateOf(conversation.id)).toBe('queued');
  expect((await a.client.call('GET', `/conversations/${conversation.id}/call`)).body.call).toMatchObject({ status: 'ended', detail: 'transferred' });
  await away(a.agentId);
});

test('an agent who does not answer: the caller goes back to the queue and the handoff is offered to the next agent', async () => {
  const first = await agent();
  const { call, conversation, handoff } = await queuedCaller();
  expect((await first.client.call('POST', `/handoffs/${handoff.id}/accept`)).status).toBe(200);
  const dial = dialOf((await call.post(lastUpdate().params.get('Url')!)).root!);
  const second = await agent();

  const back = await call.post(dial.attributes.action, { DialCallStatus: 'no-answer' });
  const [enqueue] = findAll(back.root!, 'Enqueue');
  expect(textOf(enqueue).trim()).toBe(`${server.tenant}-${handoff.queue}`);
  expect(back.spoken).toMatch(/stay on the line/);
  expect(await handoffRow(handoff.id)).toMatchObject({ status: 'pending', agent_id: null });
  expect(await stateOf(conversation.id)).toBe('queued');
  expect((await first.client.call('GET', `/conversations/${conversation.id}/call`)).body.call).toMatchObject({ status: 'no_answer', detail: 'no-answer' });
  // Routing passes over the agent who did not answer.
  for (let i = 0; i < 50 && (await handoffRow(handoff.id)).offered_to !== second.agentId; i++) await new Promise((r) => setTimeout(r, 50));
  expect((await handoffRow(handoff.id)).offered_to).toBe(second.agentId);
  // Twilio repeats the callback: nothing more happens.
  const events = (await conversationEvents(server.store.db, server.tenant, conversation.id)).length;
  await call.post(dial.attributes.action, { DialCallStatus: 'no-answer' });
  expect(await conversationEvents(server.store.db, server.tenant, conversation.id)).toHaveLength(events);

  // The next agent accepts: the caller is bridged to them.
  expect((await second.client.call('POST', `/handoffs/${handoff.id}/accept`)).status).toBe(200);
  const again = dialOf((await call.post(lastUpdate().params.get('Url')!)).root!);
  expect(textOf(findAll(again, 'Client')[0]).trim()).toBe(`agent-${second.agentId}`);

  // The caller hangs up mid-bridge: the bridge ends cleanly, the conversation stays with the agent to close.
  const gone = await call.post(again.attributes.action, { DialCallStatus: 'completed', CallStatus: 'completed' });
  expect(findAll(gone.root!, 'Hangup')).toHaveLength(1);
  expect((await second.client.call('GET', `/conversations/${conversation.id}/call`)).body.call).toMatchObject({ status: 'ended', detail: 'caller hung up' });
  expect(await handoffRow(handoff.id)).toMatchObject({ status: 'assigned', agent_id: second.agentId, abandoned_at: null });
  expect((await second.client.call('POST', `/conversations/${conversation.id}/close`, { outcome: 'resolved' })).status).toBe(204);
  await away(first.agentId);
  await away(second.agentId);
});

test('Twilio refusing the redirect is shown to the agent and the handoff stays acceptable', async () => {
  const a = await agent();
  const { call, handoff, conversation } = await queuedCaller();
  twilioApi.failNext(500);
  const refused = await a.client.call('POST', `/handoffs/${handoff.id}/accept`);
  expect(refused.status).toBe(502);
  expect(refused.body.title).toBe('Could not connect the caller');
  expect(refused.body.detail).toMatch(/Twilio answered 500.*back in the queue/);
  expect(await handoffRow(handoff.id)).toMatchObject({ status: 'pending', agent_id: null });
  expect(await stateOf(conversation.id)).toBe('queued');
  expect((await a.client.call('GET', `/conversations/${conversation.id}/call`)).body.call.status).toBe('failed');
  // Accepted again once Twilio answers.
  expect((await a.client.call('POST', `/handoffs/${handoff.id}/accept`)).status).toBe(200);
  expect(lastUpdate()).toMatchObject({ callSid: call.callSid, status: 200 });
  await away(a.agentId);
});

test('a caller who hangs up while queued is abandoned once, and never after an agent took them', async () => {
  const { call, conversation, handoff, enqueue } = await queuedCaller();
  await call.post(enqueue.attributes.action, { QueueResult: 'hangup', QueueTime: '12' });
  await call.post(enqueue.attributes.action, { QueueResult: 'hangup', QueueTime: '12' });
  expect(await handoffRow(handoff.id)).toMatchObject({ status: 'resolved', outcome: 'abandoned' });
  const abandoned = (await conversationEvents(server.store.db, server.tenant, conversation.id)).filter((e) => e.cause === 'caller_left');
  expect(abandoned).toHaveLength(1);

  // Taken by an agent: Twilio's queue-leave (the redirect out of the queue, then a hang-up) abandons nothing.
  const a = await agent();
  const taken = await queuedCaller();
  await a.client.call('POST', `/handoffs/${taken.handoff.id}/accept`);
  await taken.call.post(taken.enqueue.attributes.action, { QueueResult: 'redirected', QueueTime: '5' });
  await taken.call.post(taken.enqueue.attributes.action, { QueueResult: 'hangup', QueueTime: '5' });
  expect(await handoffRow(taken.handoff.id)).toMatchObject({ status: 'assigned', abandoned_at: null });
  expect(await stateOf(taken.conversation.id)).toBe('with_agent');
  await away(a.agentId);
});
