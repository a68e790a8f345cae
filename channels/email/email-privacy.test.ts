/**
 * E-mail addresses are personal data: with data keys set, a resident's address is sealed at rest
 * (the sender row and the contact), found by its blind index (the same contact on the next mail, a
 * subject access request by address), never in a conversation's row, and erased with the contact.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { eraseSubject, findSubjects, setKeyring } from '../../store/index.js';
import { startEmailHarness, type EmailHarness } from './email-harness.fixture.js';

let h: EmailHarness;

beforeAll(async () => {
  h = await startEmailHarness({ dataKeys: `k1:${randomBytes(32).toString('base64')}` });
}, 120_000);
afterAll(async () => {
  setKeyring(null);
  await h?.close();
});

test('sealed at rest, found by its blind index, erased with the contact', async () => {
  const db = h.server.store.db;
  const tenant = h.server.tenant;
  const address = `Private.Person.${Date.now()}@Example.net`;
  await h.send({ from: address, subject: 'Council tax', text: 'How do I pay my council tax?' });
  await h.waitFor(() => h.mailsTo(address.toLowerCase()).length > 0, 'the reply');
  await h.settle();
  // The same address in other letters' case, later: the same contact, the same conversation.
  await h.send({ from: address.toUpperCase(), subject: 'Again', text: 'And when is it due?' });
  await h.waitFor(() => h.mailsTo(address.toLowerCase()).length > 1 || h.mailsTo(address.toUpperCase()).length > 0, 'the second reply');
  await h.settle();

  const raw = async (q: ReturnType<typeof sql>) => JSON.stringify((await q.execute(db)).rows);
  const needle = address.toLowerCase().split('@')[0];
  const senders = await raw(sql`select * from email_senders where tenant_id = ${tenant}`);
  const conversations = await raw(sql`select * from conversations where tenant_id = ${tenant} and channel = 'email'`);
  const contacts = await raw(sql`select * from contacts where tenant_id = ${tenant}`);
  for (const stored of [senders, conversations, contacts]) expect(stored.toLowerCase()).not.toContain(needle);
  expect(senders).toMatch(/"address_sealed":"enc:v1:/);
  expect(senders).toMatch(/"address_key":"hmac:k1:/);
  const rows = (await sql<{ id: string; contact_id: string }>`select id, contact_id from conversations where tenant_id = ${tenant} and channel = 'email'`.execute(db)).rows;
  expect(rows).toHaveLength(1);

  const [match] = await findSubjects(db, tenant, 'email', address.toLowerCase());
  expect(match).toMatchObject({ contactId: rows[0].contact_id, email: address.toLowerCase() });
  await eraseSubject(db, tenant, { contactIds: [rows[0].contact_id], caseIds: [] }, { agentId: 'a', agentName: 'Admin' }, 'test erasure');
  expect((await sql<{ n: number }>`select count(*)::int as n from email_senders where tenant_id = ${tenant}`.execute(db)).rows[0].n).toBe(0);
});
