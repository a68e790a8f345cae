/**
 * Call-backs as work (issue 14, item 2), end to end against the Twilio stand-in: a call-back chosen
 * by voice (keys), by SMS (a numbered list) and in web chat (a suggestion) becomes a work item due
 * at its slot; the console places it (Twilio's Calls resource rings the agent, with TwiML dialling
 * the resident and `action=` our signed outcome route); no answer → missed and due again after the
 * council's interval; attempts used up → failed; overdue → supervisors alerted once; a complaint
 * is due within 60 minutes; need-to-know by queue.
 */
import { io } from 'socket.io-client';
import twilio from 'twilio';
import { startTwilioStandIn, type TwilioStandIn } from '../channels/twilio/twilio-stand-in.fixture.js';
import { TwilioCall } from '../channels/twilio/voice/twilio-sim.js';
import { findAll, parseXml, spokenText } from '../channels/twilio/voice/xml.js';
import { signedInAgent } from '../test/console-client.js';
import { Resident, startTestServer, type TestServer } from '../test/server.js';
import { sweepOverdueCallbacks } from './index.js';
import { eraseSubject, gatherSubject, generateKeySpec, parseKeyring, setKeyring } from '../store/index.js';

// Thursday 3 December 2026, 10:05 in London (GMT): open 08:30-17:00. Slots of 30 minutes from 10:30.
let now = new Date('2026-12-03T10:05:00Z');
const clock = () => now;
const COUNCIL = '+441632960100';
let stand: TwilioStandIn;
let server: TestServer;
const saved: Record<string, string | undefined> = {};
const ENV = ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM', 'TWILIO_API_BASE_URL', 'TWILIO_STATUS_CALLBACK_URL', 'PUBLIC_URL'];

beforeAll(async () => {
  stand = await startTwilioStandIn();
  for (const k of ENV) saved[k] = process.env[k];
  Object.assign(process.env, { TWILIO_ACCOUNT_SID: stand.accountSid, TWILIO_AUTH_TOKEN: stand.authToken, TWILIO_FROM: COUNCIL, TWILIO_API_BASE_URL: stand.url });
  delete process.env.TWILIO_STATUS_CALLBACK_URL;
  delete process.env.PUBLIC_URL;
  server = await startTestServer({ clock });
  // Twilio signs for the public URL: here, the test server itself.
  process.env.PUBLIC_URL = server.url;
}, 120_000);
afterAll(async () => {
  await server?.close();
  await stand?.close();
  for (const k of ENV) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

const callbacksOf = (conversationId: string) =>
  (server.store.db as any).selectFrom('callbacks').selectAll().where('conversation_id', '=', conversationId).execute() as Promise<Record<string, any>[]>;
const conversationOf = (channelUserId: string) =>
  server.store.db.selectFrom('conversations').selectAll().where('tenant_id', '=', server.tenant).where('channel_user_id', '=', channelUserId).executeTakeFirstOrThrow();

async function waitFor<T>(check: () => T | undefined | Promise<T | undefined>, what: string, ms = 8000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Twilio's <Dial action> after the resident's leg, signed as Twilio signs it. */
async function dialOutcome(action: string, callSid: string, dialStatus: string, signature?: string) {
  const url = action.replace(/^https?:\/\/[^/]+/, server.url);
  const params = { CallSid: callSid, AccountSid: stand.accountSid, DialCallStatus: dialStatus, DialCallSid: `CA${'1'.repeat(32)}`, CallStatus: 'in-progress' };
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature ?? twilio.getExpectedTwilioSignature(stand.authToken, action, params) },
    body: new URLSearchParams(params).toString(),
  });
  return { status: res.status, body: await res.text() };
}

describe('a resident chooses a call-back slot', () => {
  test('web chat: asked for a number, then offered the next three slots as suggestions; the one chosen is a work item due then', async () => {
    setKeyring(parseKeyring(generateKeySpec()));
    try {
      await webChatChoice();
    } finally {
      setKeyring(null);
    }
  });

  async function webChatChoice() {
    const r = await new Resident(server.url, server.tenant).start();
    const ask = await r.say('Can you call me back please?');
    expect(ask.map((m) => m.text).join(' ')).toMatch(/What number should we call you on\?/);
    const offer = await r.say('07700 900123');
    const slots = offer.find((m) => m.suggestions?.length)!;
    expect(slots.text).toMatch(/When should we call you on 07700900123\?/);
    expect(slots.suggestions!.map((s) => s.label)).toEqual(['Thursday 3 December, 10:30am', 'Thursday 3 December, 11:00am', 'Thursday 3 December, 11:30am', 'None of these']);
    const booked = await r.say(slots.suggestions![1].value);
    expect(booked.map((m) => m.text).join(' ')).toMatch(/call you on 07700900123 on Thursday 3 December, 11:00am \(between then and 11:30am\)\. If we miss you, we'll try again up to 2 more times, 30 minutes apart\./);
    const [row] = await callbacksOf(r.conversationId);
    expect(row).toMatchObject({ status: 'pending', kind: 'standard', attempts: 0, max_attempts: 3, retry_after_minutes: 30 });
    expect(new Date(row.due_at).toISOString()).toBe('2026-12-03T11:00:00.000Z');
    expect(new Date(row.slot_at).toISOString()).toBe('2026-12-03T11:00:00.000Z');
    // Sealed at rest: the number is not in the row in clear.
    expect(row.phone).toMatch(/^enc:v1:/);
    expect(row.phone).not.toContain('7700900123');
    // (Key rotation of callbacks.phone is pinned in store/encryption.test.ts, on a database of its own:
    // rotating here would reseal other test files' rows in a shared PostgreSQL.)
    // Subject access shows it, opened; erasure removes it.
    const conversation = await server.store.db.selectFrom('conversations').select('contact_id').where('id', '=', r.conversationId).executeTakeFirstOrThrow();
    const subject = { contactIds: conversation.contact_id ? [conversation.contact_id] : [], caseIds: [] };
    const record = await gatherSubject(server.store.db, server.tenant, subject);
    expect(record.callbacks).toEqual([expect.objectContaining({ phone: '+447700900123', status: 'pending' })]);
    const erased = await eraseSubject(server.store.db, server.tenant, subject, { agentId: 'test', agentName: 'Test' }, 'test');
    expect(erased).toBeDefined();
    expect(await callbacksOf(r.conversationId)).toHaveLength(0);
  }

  test('SMS: the slots come as a numbered list by text; replying 1 books the first, for the texting number', async () => {
    const from = '+447700900222';
    const sms = async (body: string) => {
      const params = { MessageSid: `SM${Math.random().toString(16).slice(2).padEnd(32, '0').slice(0, 32)}`, AccountSid: stand.accountSid, From: from, To: COUNCIL, Body: body, NumMedia: '0' };
      const url = `${server.url}/channels/twilio/sms`;
      const before = stand.sent.filter((s) => s.to === from).length;
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilio.getExpectedTwilioSignature(stand.authToken, url, params) }, body: new URLSearchParams(params).toString() });
      expect(res.status).toBe(200);
      return waitFor(() => stand.sent.filter((s) => s.to === from).slice(before)[0], `a text to ${from}`);
    };
    const list = await sms('Please call me back');
    expect(list.body).toMatch(/When should we call you on 07700900222\?/);
    expect(list.body).toMatch(/1[.):]? *Thursday 3 December, 10:30am/);
    expect(list.body).toMatch(/2[.):]? *Thursday 3 December, 11:00am/);
    expect(list.body).toMatch(/3[.):]? *Thursday 3 December, 11:30am/);
    const done = await sms('1');
    expect(done.body).toMatch(/call you on 07700900222 on Thursday 3 December, 10:30am/);
    const conversation = await conversationOf(from);
    const [row] = await callbacksOf(conversation.id);
    expect(new Date(row.due_at).toISOString()).toBe('2026-12-03T10:30:00.000Z');
  });

  test('voice: the next slots are read with keys 1 to 3; pressing 2 books the second for the caller\'s number', async () => {
    const c = new TwilioCall(server.url, '+447700900333', stand.authToken, COUNCIL);
    await c.start();
    const offer = await c.say('Please call me back');
    expect(offer.spoken).toMatch(/Thursday 3 December, 10:30am/);
    expect(offer.spoken).toMatch(/press 1/i);
    expect(offer.spoken).toMatch(/press 3/i);
    const booked = await c.press('2');
    expect(booked.spoken).toMatch(/call you on 0 7 7 0 0, 9 0 0, 3 3 3 on Thursday 3 December, 11:00am/);
    const conversation = await conversationOf('+447700900333');
    const [row] = await callbacksOf(conversation.id);
    expect(new Date(row.due_at).toISOString()).toBe('2026-12-03T11:00:00.000Z');
  });

  test('a complaint is due within 60 minutes, without a slot', async () => {
    const r = await new Resident(server.url, server.tenant).start();
    const booked = await r.say("I'd like a call back about my complaint on 07700 900456");
    expect(booked.map((m) => m.text).join(' ')).toMatch(/call you on 07700900456 about your complaint within 60 minutes/);
    const [row] = await callbacksOf(r.conversationId);
    expect(row).toMatchObject({ kind: 'complaint', slot_at: null, status: 'pending' });
    expect(new Date(row.due_at).getTime() - now.getTime()).toBe(60 * 60_000);
  });

  test('a full slot is not offered; with none free the resident is told so and nothing is booked', async () => {
    // Fill every slot of the next three days through the store, as other residents would.
    const full = new Resident(server.url, server.tenant);
    await full.start();
    const { freeSlots } = await import('../bot/callbacks.js');
    const settings = server.assistant.runtime(server.tenant).pack.settings;
    const { createCallback } = await import('../store/index.js');
    const { randomUUID } = await import('node:crypto');
    for (;;) {
      const free = await freeSlots(server.store.db, settings, server.tenant, now, 50);
      if (!free.length) break;
      for (const s of free) {
        await createCallback(server.store.db, { id: randomUUID(), tenant: server.tenant, conversationId: full.conversationId, contactId: null, phone: '+447700900999', reason: 'filler', serviceId: null, queueId: 'general', kind: 'standard', slotAt: new Date(s.at), dueAt: new Date('2026-12-10T00:00:00Z'), maxAttempts: 3, retryAfterMinutes: 30 });
      }
    }
    const r = await new Resident(server.url, server.tenant).start();
    const reply = await r.say('Can you call me back on 07700 900777?');
    expect(reply.map((m) => m.text).join(' ')).toMatch(/no call-back times free in the next 3 days, so I can't book one\. You can call us on 01632 960 100/);
    expect(await callbacksOf(r.conversationId)).toHaveLength(0);
    // The fillers go again, so the console tests below see only real work.
    await (server.store.db as any).deleteFrom('callbacks').where('reason', '=', 'filler').execute();
  });
});

describe('the console places, retries and closes call-backs', () => {
  test('Call now: Twilio rings the agent, then TwiML dials the resident; no answer is missed and due after 30 minutes; the last try fails', async () => {
    const r = await new Resident(server.url, server.tenant).start();
    await r.say('Can you call me back on 07700 900888?');
    const offer = (await r.transcript()).messages.filter((m) => m.suggestions?.length).pop()!;
    await r.say(offer.suggestions![0].value);
    const [row] = await callbacksOf(r.conversationId);

    const { client, agentId } = await signedInAgent(server, { skills: [], now: clock });
    const list = await client.call('GET', '/callbacks');
    expect(list.status).toBe(200);
    const item = list.body.callbacks.find((c: { id: string }) => c.id === row.id);
    expect(item).toMatchObject({ status: 'pending', phone: '+447700900888', overdue: false, attempts: 0, queue: 'general' });

    // Without the CSRF token: refused, nothing placed.
    expect((await client.call('POST', `/callbacks/${row.id}/call`, {}, { csrf: null })).status).toBe(403);
    expect((await client.call('POST', `/callbacks/${row.id}/call`, { phone: 'not a number' })).status).toBe(400);

    const attempt = async (n: number, dialStatus: string) => {
      const before = stand.createdCalls.length;
      const placed = await client.call('POST', `/callbacks/${row.id}/call`, {});
      expect(placed.status).toBe(202);
      expect(placed.body.callback).toMatchObject({ status: 'calling', attempts: n });
      const created = stand.createdCalls.slice(before);
      expect(created).toHaveLength(1);
      const call = created[0];
      expect(call.params.get('To')).toBe(`client:agent-${agentId}`);
      expect(call.params.get('From')).toBe(COUNCIL);
      const twiml = parseXml(call.params.get('Twiml')!);
      const dial = findAll(twiml, 'Dial')[0];
      expect(dial.attributes.callerId).toBe(COUNCIL);
      expect(dial.attributes.action).toBe(`${server.url}/channels/twilio/voice/callback-status?cb=${row.id}`);
      expect(findAll(dial, 'Number')[0].children.join('').trim()).toBe('+447700900888');
      // A second "Call now" while it rings: refused, no second call.
      expect((await client.call('POST', `/callbacks/${row.id}/call`, {})).status).toBe(409);
      // The outcome must be Twilio's own.
      expect((await dialOutcome(dial.attributes.action, call.sid, dialStatus, 'bm90IGEgc2lnbmF0dXJl')).status).toBe(403);
      const outcome = await dialOutcome(dial.attributes.action, call.sid, dialStatus);
      expect(outcome.status).toBe(200);
      // Twilio repeating the callback changes nothing.
      expect((await dialOutcome(dial.attributes.action, call.sid, dialStatus)).status).toBe(200);
      return spokenText(parseXml(outcome.body));
    };

    expect(await attempt(1, 'no-answer')).toMatch(/did not answer/);
    let [after] = await callbacksOf(r.conversationId);
    expect(after).toMatchObject({ status: 'missed', attempts: 1, last_call_status: 'no-answer' });
    expect(new Date(after.due_at).getTime()).toBe(now.getTime() + 30 * 60_000);

    await attempt(2, 'busy');
    [after] = await callbacksOf(r.conversationId);
    expect(after).toMatchObject({ status: 'missed', attempts: 2 });

    expect(await attempt(3, 'failed')).toMatch(/no tries are left/);
    [after] = await callbacksOf(r.conversationId);
    expect(after).toMatchObject({ status: 'failed', attempts: 3 });
    // Failed stays visible in the queue, and cannot be called again.
    const shown = (await client.call('GET', '/callbacks')).body.callbacks.find((c: { id: string }) => c.id === row.id);
    expect(shown).toMatchObject({ status: 'failed', attempts: 3, maxAttempts: 3 });
    expect((await client.call('POST', `/callbacks/${row.id}/call`, {})).status).toBe(409);
  });

  test('an answered call-back is completed and the agent records the outcome; a Twilio error leaves it in the queue', async () => {
    const r = await new Resident(server.url, server.tenant).start();
    await r.say('Can you call me back on 07700 900889?');
    const offer = (await r.transcript()).messages.filter((m) => m.suggestions?.length).pop()!;
    await r.say(offer.suggestions![2].value);
    const [row] = await callbacksOf(r.conversationId);
    const { client } = await signedInAgent(server, { skills: [], now: clock });

    stand.failNext(500);
    const refused = await client.call('POST', `/callbacks/${row.id}/call`, { phone: '07700 900100' });
    expect(refused.status).toBe(502);
    let [after] = await callbacksOf(r.conversationId);
    expect(after).toMatchObject({ status: 'pending', attempts: 0 });

    const before = stand.createdCalls.length;
    const placed = await client.call('POST', `/callbacks/${row.id}/call`, { phone: '07700 900100' });
    expect(placed.status).toBe(202);
    const call = stand.createdCalls[before];
    // A desk phone given: Twilio rings that number, not the console.
    expect(call.params.get('To')).toBe('+447700900100');
    const action = findAll(parseXml(call.params.get('Twiml')!), 'Dial')[0].attributes.action;
    expect(await dialOutcome(action, call.sid, 'completed').then((o) => spokenText(parseXml(o.body)))).toMatch(/record the outcome/);
    [after] = await callbacksOf(r.conversationId);
    expect(after.status).toBe('completed');
    expect((await client.call('POST', `/callbacks/${row.id}/outcome`, { outcome: '' })).status).toBe(400);
    const noted = await client.call('POST', `/callbacks/${row.id}/outcome`, { outcome: 'Bin collection rebooked for Friday.' });
    expect(noted.status).toBe(200);
    expect(noted.body.callback).toMatchObject({ status: 'completed', outcome: 'Bin collection rebooked for Friday.' });
    // Completed work leaves the queue.
    expect((await client.call('GET', '/callbacks')).body.callbacks.some((c: { id: string }) => c.id === row.id)).toBe(false);
  });

  test('an agent who does not answer their own leg: the call-back goes back in the queue, the attempt not counted', async () => {
    const r = await new Resident(server.url, server.tenant).start();
    await r.say('Can you call me back on 07700 900893?');
    const offer = (await r.transcript()).messages.filter((m) => m.suggestions?.length).pop()!;
    await r.say(offer.suggestions![1].value);
    const [row] = await callbacksOf(r.conversationId);
    const { client } = await signedInAgent(server, { skills: [], now: clock });
    const before = stand.createdCalls.length;
    expect((await client.call('POST', `/callbacks/${row.id}/call`, {})).status).toBe(202);
    const call = stand.createdCalls[before];
    const statusCallback = call.params.get('StatusCallback')!;
    expect(statusCallback).toBe(`${server.url}/channels/twilio/voice/callback-status?cb=${row.id}&leg=agent`);
    expect(call.params.getAll('StatusCallbackEvent')).toEqual(['completed']);
    const params = { CallSid: call.sid, AccountSid: stand.accountSid, CallStatus: 'no-answer' };
    const res = await fetch(statusCallback, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilio.getExpectedTwilioSignature(stand.authToken, statusCallback, params) }, body: new URLSearchParams(params).toString() });
    expect(res.status).toBe(204);
    const [after] = await callbacksOf(r.conversationId);
    expect(after).toMatchObject({ status: 'pending', attempts: 0, last_call_status: 'agent leg no-answer' });
    expect(new Date(after.due_at).toISOString()).toBe(new Date(row.due_at).toISOString());
  });

  test('need-to-know: an agent who does not serve the queue neither sees nor calls it (404)', async () => {
    const r = await new Resident(server.url, server.tenant).start();
    await r.say('Can you call me back on 07700 900890?');
    const offer = (await r.transcript()).messages.filter((m) => m.suggestions?.length).pop()!;
    await r.say(offer.suggestions![0].value);
    const [row] = await callbacksOf(r.conversationId);
    // Only the waste queue's skill: the general queue has no skills, so everyone serves it. Move this one to highways.
    await (server.store.db as any).updateTable('callbacks').set({ queue_id: 'highways' }).where('id', '=', row.id).execute();
    const { client } = await signedInAgent(server, { skills: ['waste'], now: clock });
    expect((await client.call('GET', '/callbacks')).body.callbacks.some((c: { id: string }) => c.id === row.id)).toBe(false);
    expect((await client.call('GET', `/callbacks/${row.id}`)).status).toBe(404);
    expect((await client.call('POST', `/callbacks/${row.id}/call`, {})).status).toBe(404);
    const supervisor = await signedInAgent(server, { roles: ['supervisor'], skills: [], now: clock });
    expect((await supervisor.client.call('GET', `/callbacks/${row.id}`)).status).toBe(200);
  });

  test('overdue call-backs are shown as overdue and alert supervisors once', async () => {
    const r = await new Resident(server.url, server.tenant).start();
    await r.say('Can you call me back on 07700 900891?');
    const offer = (await r.transcript()).messages.filter((m) => m.suggestions?.length).pop()!;
    await r.say(offer.suggestions![0].value);
    const [row] = await callbacksOf(r.conversationId);
    now = new Date(new Date(row.due_at).getTime() + 5 * 60_000);
    try {
      const alerts: { id: string }[] = [];
      // A process sweeps only the councils it serves: another council's sweep leaves this one's call-back alone.
      await sweepOverdueCallbacks(server.store.db, now, (a) => alerts.push(a), { tenants: ['another-council'] });
      expect(alerts.filter((a) => a.id === row.id)).toHaveLength(0);
      await sweepOverdueCallbacks(server.store.db, now, (a) => alerts.push(a), { tenants: [server.tenant] });
      await sweepOverdueCallbacks(server.store.db, now, (a) => alerts.push(a));
      expect(alerts.filter((a) => a.id === row.id)).toHaveLength(1);
      const { client } = await signedInAgent(server, { roles: ['supervisor'], skills: [], now: clock });
      const shown = (await client.call('GET', '/callbacks')).body.callbacks.find((c: { id: string }) => c.id === row.id);
      expect(shown).toMatchObject({ overdue: true });
    } finally {
      now = new Date('2026-12-03T10:05:00Z');
    }
  });

  test('the overdue sweep job tells the supervisors\' room once, naming no number', async () => {
    const r = await new Resident(server.url, server.tenant).start();
    await r.say('Can you call me back on 07700 900892?');
    const offer = (await r.transcript()).messages.filter((m) => m.suggestions?.length).pop()!;
    await r.say(offer.suggestions![0].value);
    const [row] = await callbacksOf(r.conversationId);
    const { client } = await signedInAgent(server, { roles: ['supervisor'], skills: [], now: clock });
    const socket = io(`${server.url}/console`, { transports: ['websocket'], extraHeaders: { cookie: `ca_session=${client.cookie}` }, reconnection: false });
    const heard: Record<string, unknown>[] = [];
    socket.on('callback:overdue', (a: Record<string, unknown>) => heard.push(a));
    // 'ready' comes after the socket has joined its rooms: the alert is not sent before the supervisor can hear it.
    await new Promise<void>((resolve) => socket.on('ready', () => resolve()));
    now = new Date(new Date(row.due_at).getTime() + 60_000);
    try {
      await server.jobs.add('callbacks.overdue', {});
      // The job runs on the shared queue's worker: on a loaded CI machine it can take longer than the default wait.
      await waitFor(() => heard.find((a) => a.id === row.id), 'the overdue alert', 20_000);
      await server.jobs.add('callbacks.overdue', {});
      await new Promise((r) => setTimeout(r, 1000));
      expect(heard.filter((a) => a.id === row.id)).toEqual([{ tenant: server.tenant, id: row.id, kind: 'standard', queue: 'general', dueAt: new Date(row.due_at).toISOString(), attempts: 0 }]);
    } finally {
      now = new Date('2026-12-03T10:05:00Z');
      socket.close();
    }
  });

  test('cancelled by an agent with a reason (audited, out of the queue, pushed live) and by the resident in web chat and by SMS', async () => {
    const r = await new Resident(server.url, server.tenant).start();
    await r.say('Can you call me back on 07700 900893?');
    const offer = (await r.transcript()).messages.filter((m) => m.suggestions?.length).pop()!;
    await r.say(offer.suggestions![0].value);
    const [row] = await callbacksOf(r.conversationId);
    const { client, agentId } = await signedInAgent(server, { skills: [], now: clock });
    const socket = io(`${server.url}/console`, { transports: ['websocket'], extraHeaders: { cookie: `ca_session=${client.cookie}` }, reconnection: false });
    const heard: { id: string }[] = [];
    socket.on('callback:changed', (e: { id: string }) => heard.push(e));
    await new Promise<void>((resolve) => socket.on('ready', () => resolve()));
    try {
      expect((await client.call('POST', `/callbacks/${row.id}/cancel`, {})).status).toBe(400);
      expect((await client.call('POST', `/callbacks/${row.id}/cancel`, { reason: '   ' })).status).toBe(400);
      expect((await client.call('POST', `/callbacks/${row.id}/cancel`, { reason: 'x' }, { csrf: null })).status).toBe(403);
      const other = await signedInAgent(server, { skills: ['waste'], now: clock });
      await (server.store.db as any).updateTable('callbacks').set({ queue_id: 'highways' }).where('id', '=', row.id).execute();
      expect((await other.client.call('POST', `/callbacks/${row.id}/cancel`, { reason: 'Resolved already' })).status).toBe(404);
      await (server.store.db as any).updateTable('callbacks').set({ queue_id: 'general' }).where('id', '=', row.id).execute();
      const done = await client.call('POST', `/callbacks/${row.id}/cancel`, { reason: 'Resident rang in; resolved on that call' });
      expect(done.status).toBe(200);
      expect(done.body.callback).toMatchObject({ id: row.id, status: 'cancelled' });
      expect((await client.call('GET', '/callbacks')).body.callbacks.some((c: { id: string }) => c.id === row.id)).toBe(false);
      expect((await client.call('POST', `/callbacks/${row.id}/cancel`, { reason: 'again' })).status).toBe(409);
      expect((await client.call('POST', `/callbacks/${row.id}/call`, {})).status).toBe(409);
      const [after] = await callbacksOf(r.conversationId);
      expect(after).toMatchObject({ status: 'cancelled', agent_id: agentId });
      const audit = await (server.store.db as any).selectFrom('audit_events').selectAll().where('action', '=', 'callback.cancelled').where('subject_id', '=', r.conversationId).execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actor_type: 'agent', actor_id: agentId });
      expect(JSON.stringify(audit[0].detail)).not.toMatch(/resolved on that call/);
      await waitFor(() => heard.find((e) => e.id === row.id), 'callback:changed');
    } finally {
      socket.close();
    }

    // The resident in web chat: their waiting call-back is cancelled; a second ask finds none.
    const w = await new Resident(server.url, server.tenant).start();
    await w.say('Can you call me back on 07700 900894?');
    const slots = (await w.transcript()).messages.filter((m) => m.suggestions?.length).pop()!;
    await w.say(slots.suggestions![0].value);
    const said = await w.say('Please cancel my call back');
    expect(said.map((m) => m.text).join(' ')).toContain(`I've cancelled your call-back for ${slots.suggestions![0].label}.`);
    expect((await callbacksOf(w.conversationId))[0]).toMatchObject({ status: 'cancelled' });
    const none = await w.say('cancel the call-back');
    expect(none.map((m) => m.text).join(' ')).toMatch(/You don't have a call-back booked/);
    const byResident = await (server.store.db as any).selectFrom('audit_events').selectAll().where('action', '=', 'callback.cancelled').where('subject_id', '=', w.conversationId).execute();
    expect(byResident).toEqual([expect.objectContaining({ actor_type: 'resident' })]);

    // By SMS.
    const from = '+447700900895';
    const sms = async (body: string) => {
      const params = { MessageSid: `SM${Math.random().toString(16).slice(2).padEnd(32, '0').slice(0, 32)}`, AccountSid: stand.accountSid, From: from, To: COUNCIL, Body: body, NumMedia: '0' };
      const url = `${server.url}/channels/twilio/sms`;
      const before = stand.sent.filter((s) => s.to === from).length;
      await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilio.getExpectedTwilioSignature(stand.authToken, url, params) }, body: new URLSearchParams(params).toString() });
      return waitFor(() => stand.sent.filter((s) => s.to === from).slice(before)[0], `a text to ${from}`);
    };
    await sms('Please call me back');
    await sms('2');
    const cancelled = await sms('cancel my callback');
    expect(cancelled.body).toMatch(/I've cancelled your call-back/);
    const conversation = await conversationOf(from);
    expect((await callbacksOf(conversation.id))[0]).toMatchObject({ status: 'cancelled' });
  });
});
