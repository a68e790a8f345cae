/**
 * Routing by language (issue 17): a Welsh handoff is offered first to available agents who speak
 * Welsh, then to the others; an English one is routed as before (fewest open conversations first).
 */
import { freshTenant, openTestStore } from '../../test/store.js';
import { toJson, type Db, type Store } from '../../store/index.js';
import { offerNext } from './index.js';
import { makeAgent, QUEUES, waitingHandoff } from './test-helpers.js';
import { OFFER_SECONDS } from './types.js';

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => {
  await store.close();
});

async function speaks(db: Db, agentId: string, languages: string[]): Promise<void> {
  await db.updateTable('agents').set({ languages: toJson(languages) } as never).where('id', '=', agentId).execute();
}

async function inLanguage(db: Db, handoff: { id: string; conversation_id: string }, language: string, where: 'handoff' | 'conversation' = 'handoff'): Promise<void> {
  if (where === 'handoff') await db.updateTable('handoffs').set({ language }).where('id', '=', handoff.id).execute();
  else await db.updateTable('conversations').set({ language }).where('id', '=', handoff.conversation_id).execute();
}

test('a Welsh handoff goes to the Welsh speaker even when an English speaker has fewer open conversations', async () => {
  const db = store.db;
  const tenant = await freshTenant(store);
  const welshSpeaker = await makeAgent(db, tenant, { name: 'Welsh Speaker', capacity: 3 });
  await speaks(db, welshSpeaker.id, ['en', 'cy']);
  const busyWithOne = await waitingHandoff(db, tenant, { ageSeconds: 300 });
  // The Welsh speaker already holds a conversation: on load alone the other agent would be chosen.
  await db.updateTable('handoffs').set({ agent_id: welshSpeaker.id, accepted_at: new Date(), status: 'assigned' }).where('id', '=', busyWithOne.id).execute();
  const englishOnly = await makeAgent(db, tenant, { name: 'English Only', capacity: 3 });
  await speaks(db, englishOnly.id, ['en']);

  const welsh = await waitingHandoff(db, tenant, { ageSeconds: 60 });
  await inLanguage(db, welsh, 'cy');
  const english = await waitingHandoff(db, tenant, { ageSeconds: 30 });

  const offers = await offerNext(db, tenant, QUEUES);
  expect(offers.find((o) => o.handoffId === welsh.id)?.agentId).toBe(welshSpeaker.id);
  // The English one is routed by load as before.
  expect(offers.find((o) => o.handoffId === english.id)?.agentId).toBe(englishOnly.id);
});

test("the conversation's language counts when the handoff has none; with no Welsh speaker free, the others get it", async () => {
  const db = store.db;
  const tenant = await freshTenant(store);
  const welshSpeaker = await makeAgent(db, tenant, { name: 'Welsh Speaker', capacity: 1 });
  await speaks(db, welshSpeaker.id, ['cy']);
  const other = await makeAgent(db, tenant, { name: 'Other', capacity: 3 });

  const first = await waitingHandoff(db, tenant, { ageSeconds: 120 });
  await inLanguage(db, first, 'cy', 'conversation');
  const second = await waitingHandoff(db, tenant, { ageSeconds: 60 });
  await inLanguage(db, second, 'cy');

  const offers = await offerNext(db, tenant, QUEUES);
  // The Welsh speaker's one slot goes to the older Welsh handoff; the next is not held back for them.
  expect(offers).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ handoffId: first.id, agentId: welshSpeaker.id }),
      expect.objectContaining({ handoffId: second.id, agentId: other.id }),
    ]),
  );
});

test('a Welsh offer that lapses goes to the next agent, Welsh speakers first', async () => {
  const db = store.db;
  const tenant = await freshTenant(store);
  const a = await makeAgent(db, tenant, { name: 'Angharad', capacity: 3 });
  const b = await makeAgent(db, tenant, { name: 'Bryn', capacity: 3 });
  const c = await makeAgent(db, tenant, { name: 'Carys', capacity: 3 });
  await speaks(db, a.id, ['cy']);
  await speaks(db, c.id, ['en', 'cy']);
  const welsh = await waitingHandoff(db, tenant);
  await inLanguage(db, welsh, 'cy');

  const now = new Date();
  const [first] = await offerNext(db, tenant, QUEUES, now);
  expect([a.id, c.id]).toContain(first.agentId);
  // Not accepted within the offer's time: offered again, to the other Welsh speaker, not to Bryn.
  const later = new Date(now.getTime() + (OFFER_SECONDS + 1) * 1000);
  await db.updateTable('agents').set({ last_seen_at: later }).where('tenant_id', '=', tenant).execute();
  const [second] = await offerNext(db, tenant, QUEUES, later);
  expect(second.agentId).toBe(first.agentId === a.id ? c.id : a.id);
  expect(second.agentId).not.toBe(b.id);
});
