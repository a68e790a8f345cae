/**
 * A Welsh notice names the queue by its Welsh name (settings `welsh.queues`, passed by the caller):
 * an agent joining, a transfer to a team, and a phone bridge nobody answered; an English notice,
 * or a queue the council gives no Welsh name, keeps the English one.
 */
import { freshTenant, openTestStore } from '../../test/store.js';
import { transcript, type Db, type Store } from '../../store/index.js';
import { accept, returnUnanswered, transfer } from './index.js';
import { makeAgent, QUEUES, waitingHandoff } from './test-helpers.js';

const WELSH = { general: 'gwasanaethau cwsmeriaid', waste: 'gwastraff ac ailgylchu' };

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => {
  await store.close();
});

async function notices(db: Db, tenant: string, conversationId: string): Promise<{ text: string; language: unknown }[]> {
  const rows = await transcript(db, tenant, conversationId);
  return rows
    .filter((m) => m.direction === 'out' && m.author === 'system')
    .map((m) => ({ text: m.text, language: (m.parts as { language?: unknown } | null)?.language }));
}

test('a Welsh conversation hears the Welsh queue names: joined, transferred to a team, a bridge nobody answered', async () => {
  const db = store.db;
  const tenant = await freshTenant(store);
  const agent = await makeAgent(db, tenant, { name: 'Angharad Jones', skills: ['waste'] });
  const h = await waitingHandoff(db, tenant, { queue: 'general' });
  await db.updateTable('conversations').set({ language: 'cy' }).where('id', '=', h.conversation_id).execute();

  await accept(db, tenant, h.id, agent, QUEUES, new Date(), { welshQueues: WELSH });
  await transfer(db, tenant, h.conversation_id, agent, { queue: 'waste', note: 'Bin' }, QUEUES, new Date(), { welshQueues: WELSH });
  await accept(db, tenant, h.id, agent, QUEUES, new Date(), { welshQueues: WELSH });
  const returned = await returnUnanswered(db, tenant, {
    conversationId: h.conversation_id,
    handoffId: h.id,
    agentId: agent.id,
    reason: 'no-answer',
    now: new Date(),
    teamName: 'Waste and recycling',
    welshTeamName: 'gwastraff ac ailgylchu',
  });
  expect(returned).toBe(true);

  expect(await notices(db, tenant, h.conversation_id)).toEqual([
    { text: "Mae Angharad o gwasanaethau cwsmeriaid wedi ymuno â'r sgwrs.", language: 'cy' },
    { text: expect.stringMatching(/^Rydw i'n eich trosglwyddo chi i gydweithiwr yn gwastraff ac ailgylchu\. /), language: 'cy' },
    { text: "Mae Angharad o gwastraff ac ailgylchu wedi ymuno â'r sgwrs.", language: 'cy' },
    { text: expect.stringMatching(/^Rydw i'n eich trosglwyddo chi i gydweithiwr yn gwastraff ac ailgylchu\. /), language: 'cy' },
  ]);
});

test('an English conversation keeps the English names; a queue without a Welsh name keeps its own', async () => {
  const db = store.db;
  const tenant = await freshTenant(store);
  const agent = await makeAgent(db, tenant, { name: 'Bryn Evans', skills: ['waste', 'highways', 'street_scene'] });
  const english = await waitingHandoff(db, tenant, { queue: 'waste' });
  await accept(db, tenant, english.id, agent, QUEUES, new Date(), { welshQueues: WELSH });
  expect((await notices(db, tenant, english.conversation_id))[0]).toEqual({ text: 'Bryn from Waste and recycling has joined the conversation.', language: undefined });

  const welsh = await waitingHandoff(db, tenant, { queue: 'highways' });
  await db.updateTable('conversations').set({ language: 'cy' }).where('id', '=', welsh.conversation_id).execute();
  await accept(db, tenant, welsh.id, agent, QUEUES, new Date(), { welshQueues: WELSH });
  expect((await notices(db, tenant, welsh.conversation_id))[0].text).toBe("Mae Bryn o Highways and street scene wedi ymuno â'r sgwrs.");
});
