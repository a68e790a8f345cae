import { openTestStore, freshTenant } from '../test/store.js';
import {
  createCase,
  createConversation,
  findCaseByReference,
  findConversation,
  findOrCreateContact,
  lockConversation,
  pendingInbound,
  storeInbound,
  caseHistory,
  type Store,
} from './index.js';

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => {
  await store.close();
});

test('migrations are idempotent: opening twice keeps the schema', async () => {
  const { migrate } = await import('./open.js');
  await expect(migrate(store.db)).resolves.toBeUndefined();
});

test('an inbound message is stored once per provider id; the repeat is reported as a duplicate', async () => {
  const tenant = await freshTenant(store);
  const conv = await createConversation(store.db, { tenant, channel: 'api' });
  const first = await storeInbound(store.db, {
    tenant,
    conversationId: conv.id,
    channel: 'api',
    providerMessageId: 'p-1',
    text: 'hello',
  });
  const again = await storeInbound(store.db, {
    tenant,
    conversationId: conv.id,
    channel: 'api',
    providerMessageId: 'p-1',
    text: 'hello',
  });
  expect(first.duplicate).toBe(false);
  expect(again.duplicate).toBe(true);
  expect(again.message.id).toBe(first.message.id);
  expect(await pendingInbound(store.db, tenant, conv.id)).toHaveLength(1);
});

test('the same provider id in another tenant is a different message', async () => {
  const a = await freshTenant(store);
  const b = await freshTenant(store);
  const ca = await createConversation(store.db, { tenant: a, channel: 'sms' });
  const cb = await createConversation(store.db, { tenant: b, channel: 'sms' });
  const x = await storeInbound(store.db, { tenant: a, conversationId: ca.id, channel: 'sms', providerMessageId: 'SM1', text: 'x' });
  const y = await storeInbound(store.db, { tenant: b, conversationId: cb.id, channel: 'sms', providerMessageId: 'SM1', text: 'y' });
  expect(x.duplicate || y.duplicate).toBe(false);
});

test('queries are scoped by tenant: another tenant cannot read a conversation or case', async () => {
  const a = await freshTenant(store);
  const b = await freshTenant(store);
  const conv = await createConversation(store.db, { tenant: a, channel: 'api' });
  expect(await findConversation(store.db, a, conv.id)).toBeDefined();
  expect(await findConversation(store.db, b, conv.id)).toBeUndefined();
  const c = await createCase(store.db, {
    tenant: a,
    referencePrefix: 'TST',
    serviceId: 'highways.pothole',
    summary: 'Pothole',
    details: { size: 'large' },
    location: { description: 'by the school' },
    actor: 'test',
  });
  expect(c.reference).toMatch(/^TST-\d{6}$/);
  expect((await findCaseByReference(store.db, a, c.reference))?.id).toBe(c.id);
  expect(await findCaseByReference(store.db, b, c.reference)).toBeUndefined();
  const history = await caseHistory(store.db, a, c.id);
  expect(history.map((h) => h.status)).toEqual(['received']);
});

test('one contact per channel identity, even when created concurrently', async () => {
  const tenant = await freshTenant(store);
  const ids = await Promise.all([1, 2, 3].map(() => findOrCreateContact(store.db, tenant, 'sms', '+447700900001')));
  expect(new Set(ids).size).toBe(1);
});

test('the conversation lock serialises two transactions on the same conversation', async () => {
  const tenant = await freshTenant(store);
  const conv = await createConversation(store.db, { tenant, channel: 'api' });
  const order: string[] = [];
  let aLocked!: () => void;
  const aHolds = new Promise<void>((r) => (aLocked = r));
  const turn = (name: string, holdMs: number) =>
    store.db.transaction().execute(async (trx) => {
      await lockConversation(trx, tenant, conv.id);
      order.push(`${name}:start`);
      if (name === 'a') aLocked();
      await new Promise((r) => setTimeout(r, holdMs));
      order.push(`${name}:end`);
    });
  // b asks for the lock only once a holds it (on a busy machine b could otherwise get there first).
  const a = turn('a', 80);
  await aHolds;
  await Promise.all([a, turn('b', 10)]);
  expect(order).toEqual(['a:start', 'a:end', 'b:start', 'b:end']);
});
