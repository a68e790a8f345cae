import { sql } from 'kysely';
import { freshTenant, openTestStore } from '../../test/store.js';
import { createCase, storeInbound, markProcessed, findOrCreateContact, createConversation, transcript, type Store } from '../../store/index.js';
import {
  accept,
  auditTrail,
  close,
  createCaseFor,
  estimateWait,
  handBack,
  heartbeat,
  listCannedResponses,
  listQueue,
  offerNext,
  QueueError,
  reply,
  serviceLevels,
  setStatus,
  transfer,
  updateCase,
  viewConversation,
  abandon,
  startOfDay,
} from './index.js';
import { conversationState, makeAgent, QUEUES, waitingHandoff } from './test-helpers.js';

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => {
  await store.close();
});

async function rejection(p: Promise<unknown>): Promise<QueueError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof QueueError) return err;
    throw err;
  }
  throw new Error('expected a QueueError');
}

describe('listing and routing', () => {
  test('safety first, then high, then oldest; only the queues the agent serves, plus their own', async () => {
    const db = store.db;
    const tenant = await freshTenant(store);
    const agent = await makeAgent(db, tenant, { skills: ['waste', 'safety', 'social_care'] });
    const oldNormal = await waitingHandoff(db, tenant, { priority: 'normal', ageSeconds: 300 });
    const newNormal = await waitingHandoff(db, tenant, { priority: 'normal', ageSeconds: 10, queue: 'waste' });
    const high = await waitingHandoff(db, tenant, { priority: 'high', ageSeconds: 20 });
    const urgent = await waitingHandoff(db, tenant, { priority: 'urgent', ageSeconds: 5, queue: 'safeguarding', reason: 'safety.risk_to_life' });
    const highways = await waitingHandoff(db, tenant, { priority: 'urgent', ageSeconds: 500, queue: 'highways' });

    const items = await listQueue(db, tenant, agent, QUEUES);
    expect(items.map((i) => i.id)).toEqual([urgent.id, high.id, oldNormal.id, newNormal.id]);
    expect(items.map((i) => i.id)).not.toContain(highways.id);
    expect(items[0]).toMatchObject({ queue: 'safeguarding', queueName: 'Safeguarding and duty', priority: 'urgent', channel: 'webchat', agentId: null });
    expect(items[2].waitingSeconds).toBeGreaterThanOrEqual(299);

    // Routing offers in the same order to the one available agent (capacity 3).
    const offers = await offerNext(db, tenant, QUEUES);
    expect(offers.map((o) => o.handoffId)).toEqual([urgent.id, high.id, oldNormal.id]);
    expect(offers.every((o) => o.agentId === agent.id)).toBe(true);

    // Once accepted, their own handoff is listed after the waiting ones.
    await accept(db, tenant, urgent.id, agent, QUEUES);
    const after = await listQueue(db, tenant, agent, QUEUES);
    expect(after[after.length - 1]).toMatchObject({ id: urgent.id, agentId: agent.id, agentName: agent.name });
    expect(after.map((i) => i.id).slice(0, 3)).toEqual([high.id, oldNormal.id, newNormal.id]);

    // A supervisor sees every waiting handoff.
    const supervisor = await makeAgent(db, tenant, { roles: ['supervisor'], status: 'away' });
    expect((await listQueue(db, tenant, supervisor, QUEUES)).map((i) => i.id)).toContain(highways.id);
  });

  test('skills: a queue needs all its skills; the general queue needs none', async () => {
    const db = store.db;
    const tenant = await freshTenant(store);
    const generalist = await makeAgent(db, tenant, { skills: [] });
    const halfSafeguarding = await makeAgent(db, tenant, { skills: ['safety'] });
    const waste = await waitingHandoff(db, tenant, { queue: 'waste' });
    const safe = await waitingHandoff(db, tenant, { queue: 'safeguarding', priority: 'urgent' });
    const general = await waitingHandoff(db, tenant, { queue: 'general' });

    expect((await listQueue(db, tenant, generalist, QUEUES)).map((i) => i.id)).toEqual([general.id]);
    expect((await listQueue(db, tenant, halfSafeguarding, QUEUES)).map((i) => i.id)).toEqual([general.id]);
    // Need-to-know (access.ts): not found, as if it did not exist.
    const err = await rejection(accept(db, tenant, waste.id, generalist, QUEUES));
    expect(err.status).toBe(404);
    expect((await rejection(accept(db, tenant, safe.id, halfSafeguarding, QUEUES))).status).toBe(404);

    const offers = await offerNext(db, tenant, QUEUES);
    expect(offers.map((o) => o.handoffId)).toEqual([general.id]);
    const wasteAgent = await makeAgent(db, tenant, { skills: ['waste'] });
    const more = await offerNext(db, tenant, QUEUES);
    expect(more).toEqual([{ handoffId: waste.id, agentId: wasteAgent.id, conversationId: waste.conversation_id }]);
  });

  test('only available agents seen in the last 60 s are offered work; fewest open conversations first', async () => {
    const db = store.db;
    const tenant = await freshTenant(store);
    const now = new Date();
    await makeAgent(db, tenant, { status: 'available', seenAt: new Date(now.getTime() - 61_000) }); // gone quiet
    await makeAgent(db, tenant, { status: 'busy' });
    await makeAgent(db, tenant, { status: 'away' });
    const busy = await makeAgent(db, tenant, { name: 'Busy Bee', capacity: 3 });
    const idle = await makeAgent(db, tenant, { name: 'Idle Ivy', capacity: 3 });
    const held = await waitingHandoff(db, tenant, { ageSeconds: 100 });
    await accept(db, tenant, held.id, busy, QUEUES, now);

    const h = await waitingHandoff(db, tenant, { ageSeconds: 5 });
    const offers = await offerNext(db, tenant, QUEUES, now);
    expect(offers).toEqual([{ handoffId: h.id, agentId: idle.id, conversationId: h.conversation_id }]);
    // A live offer is left alone; after 30 s it goes to someone else.
    expect(await offerNext(db, tenant, QUEUES, new Date(now.getTime() + 10_000))).toEqual([]);
    await heartbeat(db, tenant, busy.id, new Date(now.getTime() + 31_000));
    await heartbeat(db, tenant, idle.id, new Date(now.getTime() + 31_000));
    const again = await offerNext(db, tenant, QUEUES, new Date(now.getTime() + 31_000));
    expect(again).toEqual([{ handoffId: h.id, agentId: busy.id, conversationId: h.conversation_id }]);

    // Going away takes an agent out of routing.
    await setStatus(db, tenant, busy.id, 'away', new Date(now.getTime() + 31_000));
    await setStatus(db, tenant, idle.id, 'away', new Date(now.getTime() + 31_000));
    expect(await offerNext(db, tenant, QUEUES, new Date(now.getTime() + 70_000))).toEqual([]);
  });

  test('capacity: an agent at capacity is not offered work and cannot accept', async () => {
    const db = store.db;
    const tenant = await freshTenant(store);
    const agent = await makeAgent(db, tenant, { capacity: 2 });
    const a = await waitingHandoff(db, tenant, { ageSeconds: 30 });
    const b = await waitingHandoff(db, tenant, { ageSeconds: 20 });
    const c = await waitingHandoff(db, tenant, { ageSeconds: 10 });
    // Offers reserve slots: two handoffs, not three, for a capacity of two.
    expect((await offerNext(db, tenant, QUEUES)).map((o) => o.handoffId)).toEqual([a.id, b.id]);
    await accept(db, tenant, a.id, agent, QUEUES);
    await accept(db, tenant, b.id, agent, QUEUES);
    expect(await offerNext(db, tenant, QUEUES)).toEqual([]);
    const err = await rejection(accept(db, tenant, c.id, agent, QUEUES));
    expect(err.status).toBe(409);
    expect(err.title).toBe('At capacity');
    expect(await conversationState(db, c.conversation_id)).toBe('queued');
    // Closing one frees a slot.
    await close(db, tenant, a.conversation_id, agent, 'resolved');
    await accept(db, tenant, c.id, agent, QUEUES);
  });

  test('two agents racing to accept: exactly one wins, the other gets 409', async () => {
    const db = store.db;
    const tenant = await freshTenant(store);
    const agents = await Promise.all([1, 2, 3, 4].map(() => makeAgent(db, tenant)));
    const h = await waitingHandoff(db, tenant);
    const results = await Promise.allSettled(agents.map((a) => accept(db, tenant, h.id, a, QUEUES)));
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(3);
    for (const l of lost) expect((l.reason as QueueError).status).toBe(409);
    const messages = (await transcript(db, tenant, h.conversation_id)).filter((m) => m.author === 'system');
    expect(messages).toHaveLength(1);
  });

  test('one agent accepting several at once never exceeds capacity', async () => {
    const db = store.db;
    const tenant = await freshTenant(store);
    const agent = await makeAgent(db, tenant, { capacity: 2 });
    const hs = await Promise.all([1, 2, 3, 4, 5].map(() => waitingHandoff(db, tenant)));
    const results = await Promise.allSettled(hs.map((h) => accept(db, tenant, h.id, agent, QUEUES)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
  });
});

describe('working a conversation', () => {
  test('accept puts the conversation with the agent and tells the resident who they are talking to', async () => {
    const db = store.db;
    const tenant = await freshTenant(store);
    const agent = await makeAgent(db, tenant, { name: 'Sam Okafor', skills: ['waste'] });
    const h = await waitingHandoff(db, tenant, { queue: 'waste' });
    const result = await accept(db, tenant, h.id, agent, QUEUES);
    expect(result.conversationId).toBe(h.conversation_id);
    expect(await conversationState(db, h.conversation_id)).toBe('with_agent');
    const last = (await transcript(db, tenant, h.conversation_id)).at(-1)!;
    expect(last).toMatchObject({ author: 'system', direction: 'out', text: 'Sam from Waste and recycling has joined the conversation.' });
    const again = await rejection(accept(db, tenant, h.id, await makeAgent(db, tenant, { skills: ['waste'] }), QUEUES));
    expect(again.status).toBe(409);
  });

  test('reply: only the holder; stored as the agent, first reply time kept', async () => {
    const db = store.db;
    const tenant = await freshTenant(store);
    const agent = await makeAgent(db, tenant, { name: 'Priya Shah' });
    const other = await makeAgent(db, tenant);
    const h = await waitingHandoff(db, tenant);
    expect((await rejection(reply(db, tenant, h.conversation_id, agent, 'Hello'))).status).toBe(409);
    await accept(db, tenant, h.id, agent, QUEUES);
    const m = await reply(db, tenant, h.conversation_id, agent, '  Hello, how can I help?  ');
    expect(m).toMatchObject({ author: 'agent', direction: 'out', text: 'Hello, how can I help?', channel: 'webchat' });
    const first = await db.selectFrom('handoffs').select('first_reply_at').where('id', '=', h.id).executeTakeFirstOrThrow();
    expect(first.first_reply_at).toBeInstanceOf(Date);
    await reply(db, tenant, h.conversation_id, agent, 'Second');
    const still = await db.selectFrom('handoffs').select('first_reply_at').where('id', '=', h.id).executeTakeFirstOrThrow();
    expect(still.first_reply_at!.getTime()).toBe(first.first_reply_at!.getTime());
    expect((await rejection(reply(db, tenant, h.conversation_id, other, 'Me too'))).status).toBe(409);
    expect((await rejection(reply(db, tenant, h.conversation_id, agent, '   '))).status).toBe(400);
  });

  test('transfer to a queue: waits again in the new queue with the note', async () => {
    const db = store.db;
    const tenant = await freshTenant(store);
    const agent = await makeAgent(db, tenant);
    const highwaysAgent = await makeAgent(db, tenant, { skills: ['highways', 'street_scene'] });
    const h = await waitingHandoff(db, tenant);
    await accept(db, tenant, h.id, agent, QUEUES);
    const t = await transfer(db, tenant, h.conversation_id, agent, { queue: 'highways', note: 'Pothole outside school, needs highways' }, QUEUES);
    expect(t).toMatchObject({ agent_id: null, accepted_at: null, queue: 'highways', note: 'Pothole outside school, needs highways' });
    expect(t.transferred_at).toBeInstanceOf(Date);
    expect(await conversationState(db, h.conversation_id)).toBe('queued');
    expect((await listQueue(db, tenant, agent, QUEUES)).map((i) => i.id)).not.toContain(h.id);
    expect((await listQueue(db, tenant, highwaysAgent, QUEUES)).map((i) => i.id)).toContain(h.id);
    expect((await rejection(transfer(db, tenant, h.conversation_id, agent, { queue: 'general', note: '' }, QUEUES))).status).toBe(409);
    await accept(db, tenant, h.id, highwaysAgent, QUEUES);
    expect((await rejection(transfer(db, tenant, h.conversation_id, highwaysAgent, { queue: 'nope', note: '' }, QUEUES))).status).toBe(400);
  });

  test('transfer to a named agent: it waits for them, not the whole queue', async () => {
    const db = store.db;
    const tenant = await freshTenant(store);
    const from = await makeAgent(db, tenant, { name: 'Ann Lee' });
    const to = await makeAgent(db, tenant, { name: 'Bo Diaz' });
    const bystander = await makeAgent(db, tenant);
    const h = await waitingHandoff(db, tenant);
    await accept(db, tenant, h.id, from, QUEUES);
    const t = await transfer(db, tenant, h.conversation_id, from, { agentId: to.id, note: 'Knows this estate' }, QUEUES);
    expect(t.offered_to).toBe(to.id);
    expect((await listQueue(db, tenant, to, QUEUES)).map((i) => i.id)).toEqual([h.id]);
    expect((await listQueue(db, tenant, bystander, QUEUES)).map((i) => i.id)).toEqual([]);
    expect((await rejection(accept(db, tenant, h.id, bystander, QUEUES))).status).toBe(404);
    // Routing keeps offering it to them while they are here.
    const later = new Date(Date.now() + 31_000);
    await heartbeat(db, tenant, to.id, later);
    await heartbeat(db, tenant, bystander.id, later);
    expect(await offerNext(db, tenant, QUEUES, later)).toEqual([{ handoffId: h.id, agentId: to.id, conversationId: h.conversation_id }]);
    await accept(db, tenant, h.id, to, QUEUES);
    const msgs = await transcript(db, tenant, h.conversation_id);
    expect(msgs.map((m) => m.text)).toContain("I'm passing you to my colleague Bo. Please stay here; they'll reply soon.");
    expect((await rejection(transfer(db, tenant, h.conversation_id, to, { agentId: 'nobody', note: '' }, QUEUES))).status).toBe(400);
  });

  test('hand back: the assistant resumes (state bot) and says so', async () => {
    const db = store.db;
    const tenant = await freshTenant(store);
    const agent = await makeAgent(db, tenant, { name: 'Rae Quinn' });
    const h = await waitingHandoff(db, tenant, { dialogue: { misunderstandings: 2, flow: { id: 'x', phase: 'steps', slots: {}, answered: [], attempts: 0 } } });
    await accept(db, tenant, h.id, agent, QUEUES);
    const closed = await handBack(db, tenant, h.conversation_id, agent);
    expect(closed).toMatchObject({ outcome: 'handed_back' });
    expect(closed.closed_at).toBeInstanceOf(Date);
    expect(await conversationState(db, h.conversation_id)).toBe('bot');
    const last = (await transcript(db, tenant, h.conversation_id)).at(-1)!;
    expect(last).toMatchObject({ author: 'system', direction: 'out', text: "Rae has handed you back to the assistant; I'm here if you need anything else." });
    const conv = await db.selectFrom('conversations').select('dialogue').where('id', '=', h.conversation_id).executeTakeFirstOrThrow();
    expect(conv.dialogue).toEqual({ misunderstandings: 0 });
    expect((await rejection(handBack(db, tenant, h.conversation_id, agent))).status).toBe(409);
  });

  test('close: with an outcome, the conversation is closed', async () => {
    const db = store.db;
    const tenant = await freshTenant(store);
    const agent = await makeAgent(db, tenant);
    const h = await waitingHandoff(db, tenant);
    await accept(db, tenant, h.id, agent, QUEUES);
    expect((await rejection(close(db, tenant, h.conversation_id, agent, 'bogus' as 'resolved'))).status).toBe(400);
    const closed = await close(db, tenant, h.conversation_id, agent, 'signposted');
    expect(closed.outcome).toBe('signposted');
    expect(await conversationState(db, h.conversation_id)).toBe('closed');
    // The resident is told, in the same transaction; nothing promises a call-back.
    const notice = (await transcript(db, tenant, h.conversation_id)).at(-1)!;
    expect(notice).toMatchObject({ author: 'system', direction: 'out', status: 'stored' });
    expect(notice.text).toMatch(/^\S+ has closed this conversation\. If you need us again/);
    expect(notice.text).not.toMatch(/call you|ring you|contact you/i);
    // A supervisor may close a handoff nobody holds; an ordinary agent may not.
    const other = await waitingHandoff(db, tenant);
    expect((await rejection(close(db, tenant, other.conversation_id, agent, 'no_response'))).status).toBe(409);
    const supervisor = await makeAgent(db, tenant, { roles: ['supervisor'] });
    await close(db, tenant, other.conversation_id, supervisor, 'no_response');
    expect(await conversationState(db, other.conversation_id)).toBe('closed');
  });

  test('cases: created for the conversation, updated by reference', async () => {
    const db = store.db;
    const tenant = await freshTenant(store);
    const agent = await makeAgent(db, tenant);
    const h = await waitingHandoff(db, tenant);
    await accept(db, tenant, h.id, agent, QUEUES);
    const row = await createCaseFor(db, tenant, h.conversation_id, agent, {
      serviceId: 'waste.missed_bin',
      summary: 'Missed bin at 4 Harbour Road',
      details: { bin: 'recycling' },
      referencePrefix: 'MBC',
    });
    expect(row.reference).toMatch(/^MBC-\d{6}$/);
    expect(row.conversation_id).toBe(h.conversation_id);
    await updateCase(db, tenant, row.reference.toLowerCase(), agent, { status: 'in_progress', note: 'Crew sent' });
    const updated = await db.selectFrom('cases').select('status').where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(updated.status).toBe('in_progress');
    expect((await rejection(updateCase(db, tenant, 'MBC-000000', agent, { status: 'resolved' }))).status).toBe(404);
    expect((await rejection(updateCase(db, tenant, row.reference, agent, { status: 'nonsense' }))).status).toBe(400);
    const trail = await auditTrail(db, tenant, 'case', row.id);
    expect(trail.map((e) => e.action)).toEqual(['case.create', 'case.update']);
  });

  test('abandoned waits are closed and marked', async () => {
    const db = store.db;
    const tenant = await freshTenant(store);
    const h = await waitingHandoff(db, tenant);
    expect(await abandon(db, tenant, h.id)).toBe(true);
    expect(await abandon(db, tenant, h.id)).toBe(false);
  });
});

describe('context and view', () => {
  test('recognition, flow answers, cases, contact across channels, earlier conversations and cases', async () => {
    const db = store.db;
    const tenant = await freshTenant(store);
    const agent = await makeAgent(db, tenant);
    const contactId = await findOrCreateContact(db, tenant, 'sms', '+447700900123');
    await db.insertInto('contact_identities').values({ tenant_id: tenant, channel: 'whatsapp', channel_user_id: '447700900123', contact_id: contactId }).execute();
    await db.updateTable('contacts').set({ display_name: 'Jo Bloggs', phone: '+447700900123', flags: JSON.stringify(['vulnerable']) }).where('id', '=', contactId).execute();
    // An earlier conversation on WhatsApp, with a case.
    const earlier = await createConversation(db, { tenant, channel: 'whatsapp', channelUserId: '447700900123', contactId });
    await storeInbound(db, { tenant, conversationId: earlier.id, channel: 'whatsapp', providerMessageId: 'w1', text: 'My bin was not collected' });
    const oldCase = await createCase(db, { tenant, referencePrefix: 'MBC', serviceId: 'waste.missed_bin', summary: 'Missed bin', details: {}, location: null, contactId, conversationId: earlier.id, actor: 'assistant' });
    // This conversation on SMS, in a flow, handed off.
    const h = await waitingHandoff(db, tenant, {
      channel: 'sms',
      contactUser: '+447700900123',
      context: { flow: { id: 'fly_tipping', title: 'Report fly-tipping', answers: { location: 'Harbour Road' }, phase: 'steps' } },
      dialogue: { misunderstandings: 0, flow: { id: 'fly_tipping', phase: 'confirm', slots: { location: { kind: 'street', label: 'Harbour Road' }, waste_type: 'sofa', large: true }, answered: [], attempts: 0 } },
    });
    const msg = await storeInbound(db, { tenant, conversationId: h.conversation_id, channel: 'sms', providerMessageId: 's1', text: 'someone dumped a sofa' });
    await markProcessed(db, tenant, msg.message.id, { intent: 'environment.fly_tipping', confidence: 0.91 });
    await storeInbound(db, { tenant, conversationId: h.conversation_id, channel: 'sms', providerMessageId: 's2', text: 'hello?' });
    const thisCase = await createCase(db, { tenant, referencePrefix: 'MBC', serviceId: 'environment.fly_tipping', summary: 'Sofa dumped', details: {}, location: null, contactId, conversationId: h.conversation_id, actor: 'assistant' });

    const view = await viewConversation(db, tenant, h.conversation_id, agent, QUEUES);
    expect(view.conversation).toMatchObject({ id: h.conversation_id, channel: 'sms', state: 'queued' });
    expect(view.handoff).toMatchObject({ id: h.id, queueName: 'Customer services' });
    expect(view.transcript.map((m) => m.text)).toEqual(['someone dumped a sofa', 'hello?']);
    const c = view.context;
    expect(c.recognition).toEqual({ intent: 'environment.fly_tipping', confidence: 0.91 });
    expect(c.flow).toEqual({ title: 'Report fly-tipping', answers: { location: 'Harbour Road', waste_type: 'sofa', large: 'yes' }, phase: 'confirm' });
    expect(c.cases.map((x) => x.reference)).toEqual([thisCase.reference]);
    expect(c.contact).toMatchObject({ id: contactId, displayName: 'Jo Bloggs', phone: '+447700900123', flags: ['vulnerable'] });
    expect(c.contact!.identities).toEqual(
      expect.arrayContaining([
        { channel: 'sms', channelUserId: '+447700900123' },
        { channel: 'whatsapp', channelUserId: '447700900123' },
      ]),
    );
    expect(c.previousConversations).toEqual([
      expect.objectContaining({ id: earlier.id, channel: 'whatsapp', summary: 'My bin was not collected' }),
    ]);
    expect(c.previousCases).toEqual([expect.objectContaining({ reference: oldCase.reference, serviceId: 'waste.missed_bin' })]);

    // The view is audited, for the conversation and the contact's record.
    expect((await auditTrail(db, tenant, 'conversation', h.conversation_id)).map((e) => e.action)).toEqual(['conversation.view']);
    const contactTrail = await auditTrail(db, tenant, 'contact', contactId);
    expect(contactTrail).toEqual([expect.objectContaining({ actorType: 'agent', actorId: agent.id, action: 'contact.view' })]);
  });
});

describe('tenant isolation', () => {
  test("an agent of another tenant can neither see nor change a conversation", async () => {
    const db = store.db;
    const tenantA = await freshTenant(store);
    const tenantB = await freshTenant(store);
    const ours = await makeAgent(db, tenantA);
    const theirs = await makeAgent(db, tenantB, { roles: ['admin'] });
    const h = await waitingHandoff(db, tenantA);
    expect(await listQueue(db, tenantB, theirs, QUEUES)).toEqual([]);
    expect(await offerNext(db, tenantB, QUEUES)).toEqual([]);
    // Even using tenant A's ids, every query is scoped by the agent's own tenant.
    expect((await rejection(accept(db, tenantB, h.id, theirs, QUEUES))).status).toBe(404);
    expect((await rejection(viewConversation(db, tenantB, h.conversation_id, theirs, QUEUES))).status).toBe(404);
    await accept(db, tenantA, h.id, ours, QUEUES);
    expect((await rejection(reply(db, tenantB, h.conversation_id, theirs, 'hi'))).status).toBe(404);
    expect((await rejection(transfer(db, tenantB, h.conversation_id, theirs, { queue: 'general', note: '' }, QUEUES))).status).toBe(404);
    expect((await rejection(handBack(db, tenantB, h.conversation_id, theirs))).status).toBe(404);
    expect((await rejection(close(db, tenantB, h.conversation_id, theirs, 'resolved'))).status).toBe(404);
    // Nor can a tenant A agent be named as a transfer target from tenant B, nor accept tenant B work.
    const hb = await waitingHandoff(db, tenantB);
    expect((await rejection(accept(db, tenantA, hb.id, ours, QUEUES))).status).toBe(404);
    expect(await conversationState(db, h.conversation_id)).toBe('with_agent');
  });
});

describe('waits and service levels', () => {
  test('wait estimate: null with nobody available; otherwise from the queue ahead and today\'s median accept time', async () => {
    const db = store.db;
    const tenant = await freshTenant(store);
    const waste = QUEUES[1];
    expect(await estimateWait(db, tenant, waste)).toBeNull();
    const a = await makeAgent(db, tenant, { skills: ['waste'], capacity: 1 });
    // No accepts yet today: the default.
    expect(await estimateWait(db, tenant, waste)).toBe(60);
    // Today: accepts after 30 s and 50 s → median 40 s.
    for (const age of [30, 50]) {
      const h = await waitingHandoff(db, tenant, { queue: 'waste', ageSeconds: age });
      const helper = await makeAgent(db, tenant, { skills: ['waste'], status: 'away' });
      await accept(db, tenant, h.id, helper, QUEUES);
    }
    expect(await estimateWait(db, tenant, waste)).toBe(40);
    // Two waiting and one agent with one slot: three rounds.
    await waitingHandoff(db, tenant, { queue: 'waste' });
    await waitingHandoff(db, tenant, { queue: 'waste' });
    expect(await estimateWait(db, tenant, waste)).toBe(120);
    // An urgent resident waits only behind urgent ones.
    expect(await estimateWait(db, tenant, waste, { priority: 'urgent' })).toBe(40);
    await setStatus(db, tenant, a.id, 'away');
    expect(await estimateWait(db, tenant, waste)).toBeNull();
  });

  test('service levels per queue for today', async () => {
    const db = store.db;
    const tenant = await freshTenant(store);
    const agent = await makeAgent(db, tenant, { skills: ['safety', 'social_care'], capacity: 10 });
    await makeAgent(db, tenant, { status: 'away' });
    // General: accepted after 5 s and 40 s (standard 20 s); one abandoned; two waiting, oldest 90 s.
    for (const age of [5, 40]) await accept(db, tenant, (await waitingHandoff(db, tenant, { ageSeconds: age })).id, agent, QUEUES);
    await abandon(db, tenant, (await waitingHandoff(db, tenant, { ageSeconds: 100 })).id);
    await waitingHandoff(db, tenant, { ageSeconds: 90 });
    await waitingHandoff(db, tenant, { ageSeconds: 3 });
    // Safeguarding overrides the standard to 10 s: 8 s is within, 15 s is not.
    for (const age of [8, 15]) await accept(db, tenant, (await waitingHandoff(db, tenant, { queue: 'safeguarding', priority: 'urgent', ageSeconds: age })).id, agent, QUEUES);
    // Yesterday's accept does not count today.
    const old = await waitingHandoff(db, tenant, { ageSeconds: 3 * 86400 });
    await accept(db, tenant, old.id, agent, QUEUES);
    await sql`update handoffs set accepted_at = ${new Date(Date.now() - 2 * 86400_000)} where id = ${old.id}`.execute(db);

    const levels = await serviceLevels(db, tenant, QUEUES);
    const general = levels.find((l) => l.id === 'general')!;
    expect(general).toMatchObject({
      name: 'Customer services',
      waiting: 2,
      agentsAvailable: 1,
      acceptedToday: 2,
      withinStandardToday: 1,
      abandonedToday: 1,
      withinStandardShare: 0.5,
      meetsStandard: false,
      standard: { answerWithinSeconds: 20, targetShare: 0.8, maxAbandonedShare: 0.05 },
    });
    expect(general.longestWaitSeconds).toBeGreaterThanOrEqual(89);
    expect(general.longestWaitSeconds).toBeLessThan(100);
    const safeguarding = levels.find((l) => l.id === 'safeguarding')!;
    expect(safeguarding).toMatchObject({ waiting: 0, longestWaitSeconds: 0, agentsAvailable: 1, acceptedToday: 2, withinStandardToday: 1, abandonedToday: 0 });
    expect(safeguarding.standard.answerWithinSeconds).toBe(10);
    expect(levels.find((l) => l.id === 'waste')).toMatchObject({ waiting: 0, agentsAvailable: 0, acceptedToday: 0, meetsStandard: true });
  });

  test('"today" starts at midnight in the council\'s time zone', () => {
    expect(startOfDay(new Date('2026-07-01T10:00:00Z'), 'Europe/London').toISOString()).toBe('2026-06-30T23:00:00.000Z');
    expect(startOfDay(new Date('2026-07-01T23:30:00Z'), 'Europe/London').toISOString()).toBe('2026-07-01T23:00:00.000Z');
    expect(startOfDay(new Date('2026-01-15T10:00:00Z'), 'Europe/London').toISOString()).toBe('2026-01-15T00:00:00.000Z');
  });
});

describe('audit', () => {
  test('every agent action on a conversation is an audit event with who, when and what', async () => {
    const db = store.db;
    const tenant = await freshTenant(store);
    const agent = await makeAgent(db, tenant, { name: 'Ann Lee' });
    const second = await makeAgent(db, tenant, { skills: ['waste'] });
    const h = await waitingHandoff(db, tenant);
    await viewConversation(db, tenant, h.conversation_id, agent, QUEUES);
    await accept(db, tenant, h.id, agent, QUEUES);
    await reply(db, tenant, h.conversation_id, agent, 'Hello');
    await transfer(db, tenant, h.conversation_id, agent, { queue: 'waste', note: 'bins' }, QUEUES);
    await accept(db, tenant, h.id, second, QUEUES);
    await handBack(db, tenant, h.conversation_id, second);
    const trail = await auditTrail(db, tenant, 'conversation', h.conversation_id);
    expect(trail.map((e) => [e.action, e.actorId])).toEqual([
      ['conversation.view', agent.id],
      ['handoff.accept', agent.id],
      ['conversation.reply', agent.id],
      ['conversation.transfer', agent.id],
      ['handoff.accept', second.id],
      ['conversation.hand_back', second.id],
    ]);
    expect(trail.every((e) => e.actorType === 'agent' && e.createdAt instanceof Date)).toBe(true);
    expect(trail[0].detail).toMatchObject({ agentName: 'Ann Lee' });
    expect(trail[3].detail).toMatchObject({ fromQueue: 'general', toQueue: 'waste', note: 'bins' });

    const h2 = await waitingHandoff(db, tenant);
    await accept(db, tenant, h2.id, agent, QUEUES);
    await close(db, tenant, h2.conversation_id, agent, 'resolved');
    expect((await auditTrail(db, tenant, 'conversation', h2.conversation_id)).map((e) => e.action)).toEqual(['handoff.accept', 'conversation.close']);
  });
});

describe('canned responses', () => {
  test('five demo responses are seeded once per tenant, returned raw with placeholders', async () => {
    const db = store.db;
    const tenant = await freshTenant(store);
    const [a, b] = await Promise.all([listCannedResponses(db, tenant), listCannedResponses(db, tenant)]);
    expect(a).toHaveLength(5);
    expect(b).toHaveLength(5);
    expect(a.some((r) => r.body.includes('{resident_name}'))).toBe(true);
    expect(a.some((r) => r.body.includes('{reference}'))).toBe(true);
    const other = await freshTenant(store);
    expect((await listCannedResponses(db, other)).every((r) => r.id.startsWith(`${other}:`))).toBe(true);
  });
});
