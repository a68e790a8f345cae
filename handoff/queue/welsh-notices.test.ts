/**
 * The resident's notices in the conversation's language (issue 17): an agent joining, a transfer, a
 * hand-back and a close in a Welsh conversation are told in Welsh; in an English one as before.
 */
import { freshTenant, openTestStore } from '../../test/store.js';
import { transcript, type Db, type Store } from '../../store/index.js';
import { accept, close, handBack, transfer } from './index.js';
import { makeAgent, QUEUES, waitingHandoff } from './test-helpers.js';

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => {
  await store.close();
});

async function notices(db: Db, tenant: string, conversationId: string): Promise<{ text: string }[]> {
  const rows = await transcript(db, tenant, conversationId);
  return rows.filter((m) => m.direction === 'out' && m.author === 'system').map((m) => ({ text: m.text }));
}

test('a Welsh conversation: joined, transferred, handed back, and closed, each told in Welsh', async () => {
  const db = store.db;
  const tenant = await freshTenant(store);
  const agent = await makeAgent(db, tenant, { name: 'Angharad Jones', skills: ['waste'] });
  const first = await waitingHandoff(db, tenant);
  await db.updateTable('conversations').set({ language: 'cy' }).where('id', '=', first.conversation_id).execute();

  await accept(db, tenant, first.id, agent, QUEUES);
  await transfer(db, tenant, first.conversation_id, agent, { queue: 'waste', note: 'Bin' }, QUEUES);
  await accept(db, tenant, first.id, agent, QUEUES);
  await handBack(db, tenant, first.conversation_id, agent);
  const said = await notices(db, tenant, first.conversation_id);
  expect(said.map((n) => n.text)).toEqual([
    expect.stringMatching(/^Mae Angharad o .* wedi ymuno â'r sgwrs\.$/),
    expect.stringMatching(/^Rydw i'n eich trosglwyddo chi i gydweithiwr yn /),
    expect.stringMatching(/^Mae Angharad o .* wedi ymuno â'r sgwrs\.$/),
    expect.stringMatching(/^Mae Angharad wedi eich trosglwyddo chi'n ôl i'r cynorthwyydd/),
  ]);

  const second = await waitingHandoff(db, tenant);
  await db.updateTable('conversations').set({ language: 'cy' }).where('id', '=', second.conversation_id).execute();
  await accept(db, tenant, second.id, agent, QUEUES);
  await close(db, tenant, second.conversation_id, agent, 'resolved');
  const closed = (await notices(db, tenant, second.conversation_id)).at(-1)!;
  expect(closed.text).toMatch(/^Mae Angharad wedi cau'r sgwrs hon\./);
});

test('an English conversation (or one with no language) is told in English, unmarked as before', async () => {
  const db = store.db;
  const tenant = await freshTenant(store);
  const agent = await makeAgent(db, tenant, { name: 'Bryn Evans' });
  const h = await waitingHandoff(db, tenant);
  await accept(db, tenant, h.id, agent, QUEUES);
  await close(db, tenant, h.conversation_id, agent, 'resolved');
  const said = await notices(db, tenant, h.conversation_id);
  expect(said.map((n) => n.text)).toEqual([expect.stringMatching(/^Bryn from Customer services has joined/), expect.stringMatching(/^Bryn has closed this conversation/)]);
});
