/** The console's actions through the conversation lifecycle: handoff status, the conversation's events and the notices they stored. */
import { freshTenant, openTestStore } from '../../test/store.js';
import { conversationEvents, transcript, type Db, type Store } from '../../store/index.js';
import { RESIDENT, transition } from '../../conversations/index.js';
import { abandon, accept, close, handBack, QueueError, transfer } from './index.js';
import { conversationState, makeAgent, QUEUES, waitingHandoff } from './test-helpers.js';

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => {
  await store.close();
});

const statusOf = async (db: Db, id: string) => (await db.selectFrom('handoffs').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

test('accept, transfer, accept, close: pending, assigned, pending, assigned, resolved; each change an event with its notice', async () => {
  const db = store.db;
  const tenant = await freshTenant(store);
  const first = await makeAgent(db, tenant, { name: 'Ann Lee' });
  const second = await makeAgent(db, tenant, { name: 'Bo Diaz', skills: ['waste'] });
  const h = await waitingHandoff(db, tenant);
  expect(await statusOf(db, h.id)).toBe('pending');

  const accepted = await accept(db, tenant, h.id, first, QUEUES);
  expect(accepted.handoff.status).toBe('assigned');
  const moved = await transfer(db, tenant, h.conversation_id, first, { queue: 'waste', note: 'bins' }, QUEUES);
  expect(moved.status).toBe('pending');
  expect(await conversationState(db, h.conversation_id)).toBe('queued');
  await accept(db, tenant, h.id, second, QUEUES);
  expect(await statusOf(db, h.id)).toBe('assigned');
  const closed = await close(db, tenant, h.conversation_id, second, 'resolved');
  expect(closed.status).toBe('resolved');
  expect(await conversationState(db, h.conversation_id)).toBe('closed');

  const events = await conversationEvents(db, tenant, h.conversation_id);
  expect(events.map((e) => [e.from_state, e.to_state, e.cause, e.actor_id, e.handoff_id])).toEqual([
    ['queued', 'with_agent', 'agent_accepted', first.id, h.id],
    ['with_agent', 'queued', 'transferred', first.id, h.id],
    ['queued', 'with_agent', 'agent_accepted', second.id, h.id],
    ['with_agent', 'closed', 'closed_by_agent', second.id, h.id],
  ]);
  // Each event points at the notice stored with it, in the transcript in the same order.
  const notices = (await transcript(db, tenant, h.conversation_id)).filter((m) => m.author === 'system');
  expect(events.map((e) => e.notice_message_id)).toEqual(notices.map((m) => m.id));
  expect(notices.map((m) => m.text)).toEqual([
    'Ann from Customer services has joined the conversation.',
    "I'm passing you to a colleague in Waste and recycling. Please stay here; they'll reply soon.",
    'Bo from Waste and recycling has joined the conversation.',
    'Bo has closed this conversation. If you need us again, just send a message and the assistant will start afresh.',
  ]);
});

test('hand back and abandon resolve the handoff', async () => {
  const db = store.db;
  const tenant = await freshTenant(store);
  const agent = await makeAgent(db, tenant, { name: 'Rae Quinn' });
  const h = await waitingHandoff(db, tenant);
  await accept(db, tenant, h.id, agent, QUEUES);
  expect((await handBack(db, tenant, h.conversation_id, agent)).status).toBe('resolved');
  expect((await conversationEvents(db, tenant, h.conversation_id)).at(-1)).toMatchObject({ from_state: 'with_agent', to_state: 'bot', cause: 'handed_back' });

  const waiting = await waitingHandoff(db, tenant);
  expect(await abandon(db, tenant, waiting.id)).toBe(true);
  expect(await statusOf(db, waiting.id)).toBe('resolved');
});

test('an urgent handoff kept after the resident ended the chat: taken from closed, or closed by a supervisor without a notice', async () => {
  const db = store.db;
  const tenant = await freshTenant(store);
  const supervisor = await makeAgent(db, tenant, { name: 'Sue Pervis', roles: ['supervisor'], skills: ['safety', 'social_care'] });
  const endedBy = async () => {
    const h = await waitingHandoff(db, tenant, { priority: 'urgent', queue: 'safeguarding', reason: 'safety.risk_to_life' });
    const row = await db.selectFrom('conversations').selectAll().where('id', '=', h.conversation_id).executeTakeFirstOrThrow();
    await transition(db, row, 'closed', 'resident_ended', { now: new Date(), actor: RESIDENT, handoffId: h.id });
    return h;
  };

  const kept = await endedBy();
  await close(db, tenant, kept.conversation_id, supervisor, 'no_response');
  expect(await statusOf(db, kept.id)).toBe('resolved');
  expect((await transcript(db, tenant, kept.conversation_id)).filter((m) => m.author === 'system')).toHaveLength(0);
  expect((await conversationEvents(db, tenant, kept.conversation_id)).at(-1)).toMatchObject({ from_state: 'closed', to_state: 'closed', cause: 'closed_by_agent', notice_message_id: null });

  // The table does not hand a closed conversation back to the assistant: a conflict, and nothing changes.
  const other = await endedBy();
  const err = await handBack(db, tenant, other.conversation_id, supervisor).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(QueueError);
  expect((err as QueueError).status).toBe(409);
  expect(await statusOf(db, other.id)).toBe('pending');

  // Taking it reopens the conversation with the agent, and the resident is told who joined.
  await accept(db, tenant, other.id, supervisor, QUEUES);
  expect(await conversationState(db, other.conversation_id)).toBe('with_agent');
  expect((await transcript(db, tenant, other.conversation_id)).at(-1)!.text).toBe('Sue from Safeguarding and duty has joined the conversation.');
});
