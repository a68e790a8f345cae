/**
 * The case event log: every change to a case is one event in the change's transaction, numbered
 * per case, sealed at rest, and read through cursors that never skip an event committed late.
 */
import { sql } from 'kysely';
import { openTestStore, freshTenant } from '../test/store.js';
import {
  addCaseStatus,
  advanceEventCursor,
  BadCursor,
  generateKeySpec,
  parseKeyring,
  setKeyring,
  caseEventsOf,
  caseEventsSince,
  createCase,
  readEventCursor,
  updateCaseFields,
  type Store,
} from './index.js';

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => {
  await store.close();
});

const newCase = (tenant: string, summary = 'Pothole') =>
  createCase(store.db, { tenant, referencePrefix: 'EV', serviceId: 'highways.pothole', summary, details: { depth: 'deep' }, location: null, actor: 'test' });

test('create, status, note and field changes are events in order, with what changed', async () => {
  const tenant = await freshTenant(store);
  const c = await newCase(tenant);
  await addCaseStatus(store.db, tenant, c.id, 'in_progress', 'Crew booked', 'backoffice:k1');
  await addCaseStatus(store.db, tenant, c.id, 'in_progress', 'Cones placed', 'backoffice:k1', { internal: true });
  await addCaseStatus(store.db, tenant, c.id, 'in_progress', null, 'backoffice:k1'); // nothing: no move, no note
  expect(await updateCaseFields(store.db, tenant, c.id, { targetDate: '2026-12-24' }, 'backoffice:k1')).toBe(true);
  expect(await updateCaseFields(store.db, tenant, c.id, { targetDate: '2026-12-24' }, 'backoffice:k1')).toBe(false);
  const events = await caseEventsOf(store.db, tenant, c.id);
  expect(events.map((e) => [e.seq, e.type, e.internal])).toEqual([
    [1, 'created', false],
    [2, 'status_changed', false],
    [3, 'note_added', true],
    [4, 'updated', false],
  ]);
  expect(events[0].data).toMatchObject({ status: 'received', serviceId: 'highways.pothole', reference: c.reference, via: 'assistant' });
  expect(events[1].data).toEqual({ from: 'received', to: 'in_progress', note: 'Crew booked' });
  expect(events[3].data).toEqual({ changes: { targetDate: '2026-12-24' }, before: { targetDate: null } });
  // Notes can quote a resident: with a key configured, the stored data is sealed.
  setKeyring(parseKeyring(generateKeySpec()));
  try {
    await addCaseStatus(store.db, tenant, c.id, 'resolved', 'Crew booked', 'backoffice:k1');
  } finally {
    setKeyring(null);
  }
  const raw = await sql<{ data: unknown }>`select data from case_events where tenant_id = ${tenant} and type = 'status_changed' order by seq desc`.execute(store.db);
  expect(JSON.stringify(raw.rows[0].data)).not.toContain('Crew booked');
});

test('a cursor pages through a council\'s log, oldest first, and sees only that council', async () => {
  const tenant = await freshTenant(store);
  const other = await freshTenant(store);
  const a = await newCase(tenant, 'A');
  await newCase(other, 'elsewhere');
  const b = await newCase(tenant, 'B');
  await addCaseStatus(store.db, tenant, a.id, 'resolved', 'Filled', 'test');
  const first = await caseEventsSince(store.db, tenant, null, 2);
  expect(first.events.map((e) => [e.caseId, e.type])).toEqual([
    [a.id, 'created'],
    [b.id, 'created'],
  ]);
  const second = await caseEventsSince(store.db, tenant, first.cursor, 2);
  expect(second.events.map((e) => [e.caseId, e.type])).toEqual([[a.id, 'status_changed']]);
  const third = await caseEventsSince(store.db, tenant, second.cursor, 2);
  expect(third.events).toEqual([]);
  expect(third.cursor).toBe(second.cursor);
  expect((await caseEventsSince(store.db, tenant, null, 10, b.id)).events.map((e) => e.type)).toEqual(['created']);
  await expect(caseEventsSince(store.db, tenant, 'not-a-cursor', 10)).rejects.toBeInstanceOf(BadCursor);
});

test('a consumer\'s cursor moves only from where it read (a second process that moved first wins)', async () => {
  const tenant = await freshTenant(store);
  await newCase(tenant);
  expect(await readEventCursor(store.db, 'test', tenant)).toBeNull();
  const page = await caseEventsSince(store.db, tenant, null, 10);
  expect(await advanceEventCursor(store.db, 'test', tenant, null, page.cursor)).toBe(true);
  expect(await advanceEventCursor(store.db, 'test', tenant, null, page.cursor)).toBe(false);
  expect(await readEventCursor(store.db, 'test', tenant)).toBe(page.cursor);
  await newCase(tenant);
  const next = await caseEventsSince(store.db, tenant, page.cursor, 10);
  expect(next.events).toHaveLength(1);
  expect(await advanceEventCursor(store.db, 'test', tenant, page.cursor, next.cursor)).toBe(true);
  expect(await advanceEventCursor(store.db, 'test', tenant, page.cursor, next.cursor)).toBe(false);
});

test('a rolled-back change leaves no event', async () => {
  const tenant = await freshTenant(store);
  const c = await newCase(tenant);
  await expect(
    store.db.transaction().execute(async (trx) => {
      await addCaseStatus(trx, tenant, c.id, 'closed', 'oops', 'test');
      throw new Error('rolled back');
    }),
  ).rejects.toThrow('rolled back');
  expect((await caseEventsOf(store.db, tenant, c.id)).map((e) => e.type)).toEqual(['created']);
});

// Needs two connections at once: PostgreSQL only (PGlite runs one transaction at a time).
const onPostgres = process.env.DATABASE_URL ? test : test.skip;
onPostgres('an event committed after a later one is never skipped by a cursor', async () => {
  const tenant = await freshTenant(store);
  const a = await newCase(tenant, 'A');
  const b = await newCase(tenant, 'B');
  const start = (await caseEventsSince(store.db, tenant, null, 10)).cursor;
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let written!: () => void;
  const wrote = new Promise<void>((r) => (written = r));
  // T1 writes its event first (the lower id) and stays open; T2 writes a later one and commits.
  const t1 = store.db.transaction().execute(async (trx) => {
    await addCaseStatus(trx, tenant, a.id, 'in_progress', null, 'test');
    written();
    await held;
  });
  await wrote;
  await addCaseStatus(store.db, tenant, b.id, 'in_progress', null, 'test');
  const during = await caseEventsSince(store.db, tenant, start, 10);
  // T2's event is not handed out while T1, older, is still running.
  expect(during.events).toEqual([]);
  release();
  await t1;
  const after = await caseEventsSince(store.db, tenant, during.cursor, 10);
  expect(after.events.map((e) => e.caseId).sort()).toEqual([a.id, b.id].sort());
});
