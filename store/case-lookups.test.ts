/** A resident's own cases: those they opened, and those their report was joined to (a duplicate on the street). */
import { openTestStore, freshTenant } from '../test/store.js';
import { casesOfContacts, createCase, findOrCreateContact, recordCaseReport, type Store } from './index.js';

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => {
  await store.close();
});

test('a report joined to another resident\'s case is listed among the reporter\'s own, once, newest first', async () => {
  const tenant = await freshTenant(store);
  const first = await findOrCreateContact(store.db, tenant, 'sms', '+447700900111');
  const second = await findOrCreateContact(store.db, tenant, 'sms', '+447700900222');
  const pothole = await createCase(store.db, { tenant, referencePrefix: 'CL', serviceId: 'highways.pothole', summary: 'Pothole', details: {}, location: null, contactId: first, actor: 'test' });
  const light = await createCase(store.db, { tenant, referencePrefix: 'CL', serviceId: 'highways.street_light', summary: 'Light out', details: {}, location: null, contactId: second, actor: 'test' });
  expect((await casesOfContacts(store.db, tenant, [second], 10)).map((c) => c.reference)).toEqual([light.reference]);
  await recordCaseReport(store.db, { tenant, caseId: pothole.id, via: 'assistant', actor: 'assistant', contactId: second, distanceMetres: 15, details: { location: null }, historyNote: 'Reported again' });
  await recordCaseReport(store.db, { tenant, caseId: pothole.id, via: 'assistant', actor: 'assistant', contactId: second, distanceMetres: 12, details: { location: null }, historyNote: 'Reported again' });
  expect((await casesOfContacts(store.db, tenant, [second], 10)).map((c) => c.reference)).toEqual([light.reference, pothole.reference]);
  expect((await casesOfContacts(store.db, tenant, [first], 10)).map((c) => c.reference)).toEqual([pothole.reference]);
});
