/** The conversation lifecycle: the table pinned, and what one transition writes (state, event, notice) together or not at all. */
import { randomUUID } from 'node:crypto';
import { freshTenant, openTestStore } from '../test/store.js';
import {
  abandonHandoff,
  assignHandoff,
  conversationEvents,
  createConversation,
  createHandoff,
  findConversation,
  requeueHandoff,
  resolveHandoff,
  transcript,
  type ConversationRow,
  type Db,
  type Store,
} from '../store/index.js';
import { migrations } from '../store/migrations/index.js';
import {
  agentJoinedNotice,
  allowedTransition,
  CONVERSATION_STATES,
  closedNotice,
  RESIDENT,
  transition,
  transitionIfIn,
  TransitionRefused,
  TRANSITIONS,
  type ConversationState,
  type TransitionCause,
} from './index.js';

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => {
  await store.close();
});

/** The whole table, written out: a change to it must change this list too. */
const EXPECTED = [
  'bot>queued:handoff_created',
  'bot>queued:handoff_escalated',
  'queued>with_agent:agent_accepted',
  'bot>with_agent:agent_accepted',
  'closed>with_agent:agent_accepted',
  'with_agent>queued:transferred',
  'queued>queued:transferred',
  'with_agent>bot:handed_back',
  'queued>bot:handed_back',
  'with_agent>closed:closed_by_agent',
  'queued>closed:closed_by_agent',
  'bot>closed:closed_by_agent',
  'closed>closed:closed_by_agent',
  'bot>closed:resident_ended',
  'queued>closed:resident_ended',
  'with_agent>closed:resident_ended',
  'queued>bot:resident_left_queue',
  'queued>closed:caller_left',
  'closed>bot:message_after_close',
].sort();

const CAUSES = [...new Set(TRANSITIONS.map((t) => t.cause))];
const AGENT = { type: 'agent' as const, id: 'agent-1' };

async function conversationIn(db: Db, tenant: string, state: ConversationState): Promise<ConversationRow> {
  const row = await createConversation(db, { tenant, channel: 'webchat', channelUserId: randomUUID() });
  if (state === 'bot') return row;
  // Reach the state through the lifecycle itself.
  const queued = await transition(db, row, 'queued', 'handoff_created', { now: new Date(), actor: RESIDENT });
  if (state === 'queued') return queued.conversation;
  if (state === 'closed') return (await transition(db, queued.conversation, 'closed', 'resident_ended', { now: new Date(), actor: RESIDENT })).conversation;
  return (await transition(db, queued.conversation, 'with_agent', 'agent_accepted', { now: new Date(), actor: AGENT, notice: agentJoinedNotice('Sam Hill', 'Waste') })).conversation;
}

describe('the table', () => {
  test('lists exactly the allowed changes; every other state, state and cause is refused', () => {
    const allowed: string[] = [];
    for (const from of CONVERSATION_STATES) {
      for (const to of CONVERSATION_STATES) {
        for (const cause of CAUSES) if (allowedTransition(from, to, cause)) allowed.push(`${from}>${to}:${cause}`);
      }
    }
    expect(allowed.sort()).toEqual(EXPECTED);
  });

  test('agent actions are announced by a lifecycle notice; turn changes by the reply; a caller who left and a reopening by nobody', () => {
    const announce = (from: ConversationState, to: ConversationState, cause: TransitionCause) => allowedTransition(from, to, cause)?.announce;
    expect(announce('queued', 'with_agent', 'agent_accepted')).toBe('agent_joined');
    expect(announce('with_agent', 'queued', 'transferred')).toBe('transferred');
    expect(announce('with_agent', 'bot', 'handed_back')).toBe('handed_back');
    expect(announce('with_agent', 'closed', 'closed_by_agent')).toBe('closed');
    expect(announce('closed', 'closed', 'closed_by_agent')).toBe('none');
    expect(announce('bot', 'queued', 'handoff_created')).toBe('turn_reply');
    expect(announce('with_agent', 'closed', 'resident_ended')).toBe('turn_reply');
    expect(announce('queued', 'closed', 'caller_left')).toBe('none');
    expect(announce('closed', 'bot', 'message_after_close')).toBe('none');
  });
});

describe('transition', () => {
  test('writes the state, records the event and stores the notice, returning what to publish', async () => {
    const db = store.db;
    const tenant = await freshTenant(store);
    const queued = await conversationIn(db, tenant, 'queued');
    const now = new Date('2025-03-04T10:00:00Z');
    const handoff = await createHandoff(db, { tenant, conversationId: queued.id, reason: 'resident_request', priority: 'normal', queue: 'general', summary: 's', context: {} });
    const change = await db.transaction().execute((trx) =>
      transition(trx, queued, 'with_agent', 'agent_accepted', { now, actor: AGENT, handoffId: handoff.id, notice: agentJoinedNotice('Sam Hill', 'Waste and recycling') }),
    );
    expect(change).toMatchObject({ tenant, conversationId: queued.id, from: 'queued', to: 'with_agent', cause: 'agent_accepted', handoffId: handoff.id });
    expect(change.conversation.state).toBe('with_agent');
    expect((await findConversation(db, tenant, queued.id))!.state).toBe('with_agent');
    expect(change.notice).toMatchObject({ author: 'system', direction: 'out', status: 'stored', text: 'Sam from Waste and recycling has joined the conversation.' });
    expect(change.notice!.parts).toEqual({ text: 'Sam from Waste and recycling has joined the conversation.', notice: 'agent_joined' });
    const events = await conversationEvents(db, tenant, queued.id);
    expect(events.at(-1)).toMatchObject({
      from_state: 'queued',
      to_state: 'with_agent',
      cause: 'agent_accepted',
      actor_type: 'agent',
      actor_id: 'agent-1',
      handoff_id: handoff.id,
      notice_message_id: change.notice!.id,
    });
    expect(events.at(-1)!.created_at.getTime()).toBe(now.getTime());
  });

  test("a Welsh notice is stored marked cy (the widget's lang, the voice); an English one as before", async () => {
    const db = store.db;
    const tenant = await freshTenant(store);
    const queued = await conversationIn(db, tenant, 'queued');
    const change = await transition(db, queued, 'with_agent', 'agent_accepted', {
      now: new Date(),
      actor: AGENT,
      notice: agentJoinedNotice('Angharad Jones', 'gwastraff ac ailgylchu', 'cy'),
    });
    const text = "Mae Angharad o gwastraff ac ailgylchu wedi ymuno â'r sgwrs.";
    expect(change.notice!.parts).toEqual({ text, notice: 'agent_joined', language: 'cy' });
    // As read back, where the widget and the voice channel find it.
    const stored = (await transcript(db, tenant, queued.id)).find((m) => m.id === change.notice!.id)!;
    expect(stored.parts).toEqual({ text, notice: 'agent_joined', language: 'cy' });
    const closed = await transition(db, change.conversation, 'closed', 'closed_by_agent', { now: new Date(), actor: AGENT, notice: closedNotice('Angharad Jones', 'en') });
    expect(closed.notice!.parts).not.toHaveProperty('language');
  });

  test.each([
    ['bot', 'with_agent', 'transferred'],
    ['closed', 'queued', 'handoff_created'],
    ['with_agent', 'bot', 'resident_left_queue'],
    ['queued', 'with_agent', 'handed_back'],
    ['with_agent', 'with_agent', 'agent_accepted'],
    ['bot', 'closed', 'caller_left'],
    ['with_agent', 'closed', 'caller_left'],
    ['bot', 'bot', 'message_after_close'],
  ] as [ConversationState, ConversationState, TransitionCause][])('refuses %s -> %s (%s) and writes nothing', async (from, to, cause) => {
    const db = store.db;
    const tenant = await freshTenant(store);
    const row = await conversationIn(db, tenant, from);
    const before = (await conversationEvents(db, tenant, row.id)).length;
    const err = await transition(db, row, to, cause, { now: new Date(), actor: AGENT }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransitionRefused);
    expect(err).toMatchObject({ from, to, cause, why: 'not_allowed' });
    expect((await findConversation(db, tenant, row.id))!.state).toBe(from);
    expect(await conversationEvents(db, tenant, row.id)).toHaveLength(before);
  });

  test('the notice must fit the table: required for an agent action, refused for a turn change', async () => {
    const db = store.db;
    const tenant = await freshTenant(store);
    const queued = await conversationIn(db, tenant, 'queued');
    const missing = await transition(db, queued, 'with_agent', 'agent_accepted', { now: new Date(), actor: AGENT }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ why: 'notice' });
    const wrongKind = await transition(db, queued, 'closed', 'closed_by_agent', { now: new Date(), actor: AGENT, notice: agentJoinedNotice('Sam', 'Waste') }).catch((e: unknown) => e);
    expect(wrongKind).toMatchObject({ why: 'notice' });
    const unwanted = await transition(db, queued, 'closed', 'caller_left', { now: new Date(), actor: RESIDENT, notice: closedNotice('Sam') }).catch((e: unknown) => e);
    expect(unwanted).toMatchObject({ why: 'notice' });
    expect((await findConversation(db, tenant, queued.id))!.state).toBe('queued');
    expect(await transcript(db, tenant, queued.id)).toHaveLength(0);
  });

  test('a stale row (the state moved on since it was read) is refused', async () => {
    const db = store.db;
    const tenant = await freshTenant(store);
    const queued = await conversationIn(db, tenant, 'queued');
    const stale = { ...queued, state: 'bot' as const };
    await transition(db, queued, 'closed', 'caller_left', { now: new Date(), actor: RESIDENT });
    const err = await transition(db, stale, 'queued', 'handoff_created', { now: new Date(), actor: RESIDENT }).catch((e: unknown) => e);
    expect(err).toMatchObject({ why: 'stale' });
    expect((await findConversation(db, tenant, queued.id))!.state).toBe('closed');
  });

  test('a rolled-back transaction leaves neither the state, the event nor the notice', async () => {
    const db = store.db;
    const tenant = await freshTenant(store);
    const withAgent = await conversationIn(db, tenant, 'with_agent');
    const events = (await conversationEvents(db, tenant, withAgent.id)).length;
    const messages = (await transcript(db, tenant, withAgent.id)).length;
    const boom = new Error('after the change, before commit');
    await expect(
      db.transaction().execute(async (trx) => {
        const change = await transition(trx, withAgent, 'closed', 'closed_by_agent', { now: new Date(), actor: AGENT, notice: closedNotice('Sam Hill') });
        // Inside the transaction all three are there...
        expect(change.notice).not.toBeNull();
        expect((await findConversation(trx, tenant, withAgent.id))!.state).toBe('closed');
        expect(await conversationEvents(trx, tenant, withAgent.id)).toHaveLength(events + 1);
        throw boom;
      }),
    ).rejects.toBe(boom);
    // ...and after the rollback none of them.
    expect((await findConversation(db, tenant, withAgent.id))!.state).toBe('with_agent');
    expect(await conversationEvents(db, tenant, withAgent.id)).toHaveLength(events);
    expect(await transcript(db, tenant, withAgent.id)).toHaveLength(messages);
  });

  test('closing sets closed_at; a message after a close reopens with the assistant and clears it', async () => {
    const db = store.db;
    const tenant = await freshTenant(store);
    const closed = await conversationIn(db, tenant, 'closed');
    expect(closed.closed_at).toBeInstanceOf(Date);
    const reopened = await transition(db, closed, 'bot', 'message_after_close', { now: new Date(), actor: RESIDENT });
    expect(reopened.conversation).toMatchObject({ state: 'bot', closed_at: null });
    expect(reopened.notice).toBeNull();
    expect((await conversationEvents(db, tenant, closed.id)).map((e) => `${e.from_state}>${e.to_state}:${e.cause}`)).toEqual([
      'bot>queued:handoff_created',
      'queued>closed:resident_ended',
      'closed>bot:message_after_close',
    ]);
  });

  test('transitionIfIn changes only a conversation still in the given state', async () => {
    const db = store.db;
    const tenant = await freshTenant(store);
    const queued = await conversationIn(db, tenant, 'queued');
    const left = await transitionIfIn(db, tenant, queued.id, { from: 'queued', to: 'closed', cause: 'caller_left', now: new Date(), actor: RESIDENT });
    expect(left).toMatchObject({ from: 'queued', to: 'closed', cause: 'caller_left', notice: null });
    expect(await transitionIfIn(db, tenant, queued.id, { from: 'queued', to: 'closed', cause: 'caller_left', now: new Date(), actor: RESIDENT })).toBeNull();
    const withAgent = await conversationIn(db, tenant, 'with_agent');
    expect(await transitionIfIn(db, tenant, withAgent.id, { from: 'queued', to: 'closed', cause: 'caller_left', now: new Date(), actor: RESIDENT })).toBeNull();
    expect((await findConversation(db, tenant, withAgent.id))!.state).toBe('with_agent');
  });
});

describe('handoff status in the store', () => {
  test('pending, assigned, pending again on transfer, resolved on close; abandoned is resolved', async () => {
    const db = store.db;
    const tenant = await freshTenant(store);
    const conversation = await createConversation(db, { tenant, channel: 'webchat' });
    const h = await createHandoff(db, { tenant, conversationId: conversation.id, reason: 'resident_request', priority: 'normal', queue: 'general', summary: 's', context: {} });
    expect(h.status).toBe('pending');
    const agentId = randomUUID();
    await db.insertInto('agents').values({ id: agentId, tenant_id: tenant, email: `${agentId}@example.gov.uk`, name: 'Sam Hill' }).execute();
    const now = new Date();
    expect((await assignHandoff(db, tenant, h.id, agentId, now))!.status).toBe('assigned');
    expect(await assignHandoff(db, tenant, h.id, agentId, now)).toBeUndefined();
    expect(await abandonHandoff(db, tenant, h.id, now)).toBe(false);
    expect((await requeueHandoff(db, tenant, h.id, { queue: 'waste', note: null, offeredTo: null, context: {}, now }))!).toMatchObject({ status: 'pending', agent_id: null });
    expect((await resolveHandoff(db, tenant, h.id, 'resolved', now))!).toMatchObject({ status: 'resolved', outcome: 'resolved' });
    expect(await resolveHandoff(db, tenant, h.id, 'resolved', now)).toBeUndefined();

    const waiting = await createHandoff(db, { tenant, conversationId: conversation.id, reason: 'resident_request', priority: 'normal', queue: 'general', summary: 's', context: {} });
    expect(await abandonHandoff(db, tenant, waiting.id, now)).toBe(true);
    const row = await db.selectFrom('handoffs').select(['status', 'outcome']).where('id', '=', waiting.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'resolved', outcome: 'abandoned' });
  });

  // Runs the real migration down and up again, so only on a private in-memory PGlite (never on a shared PostgreSQL).
  (process.env.DATABASE_URL ? test.skip : test)('migration 008 backfills status from the timestamps', async () => {
    const own = await openTestStore();
    try {
      const db = own.db;
      const tenant = await freshTenant(own);
      const conversation = await createConversation(db, { tenant, channel: 'webchat' });
      const agentId = randomUUID();
      await db.insertInto('agents').values({ id: agentId, tenant_id: tenant, email: `${agentId}@example.gov.uk`, name: 'Sam Hill' }).execute();
      const make = () => createHandoff(db, { tenant, conversationId: conversation.id, reason: 'r', priority: 'normal', queue: 'general', summary: 's', context: {} });
      const [waiting, held, closed] = [await make(), await make(), await make()];
      await migrations['008_handoff_status'].down!(db);
      await db.updateTable('handoffs').set({ agent_id: agentId, accepted_at: new Date() }).where('id', '=', held.id).execute();
      await db.updateTable('handoffs').set({ accepted_at: new Date(), closed_at: new Date() }).where('id', '=', closed.id).execute();
      await migrations['008_handoff_status'].up(db);
      const rows = await db.selectFrom('handoffs').select(['id', 'status']).where('tenant_id', '=', tenant).execute();
      const statusOf = (id: string) => rows.find((r) => r.id === id)?.status;
      expect([statusOf(waiting.id), statusOf(held.id), statusOf(closed.id)]).toEqual(['pending', 'assigned', 'resolved']);
    } finally {
      await own.close();
    }
  });
});
