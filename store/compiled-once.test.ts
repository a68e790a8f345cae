// A query compiled once runs as the built query would: each run's own values, the same SQL text,
// counted once, refused by a read-only view when it writes; and a web start in one statement
// writes what the five separate statements wrote.
import { sql } from 'kysely';
import { openTestStore, freshTenant } from '../test/store.js';
import { CompiledOnce } from './compiled-once.js';
import { dialogueOf, startConversation } from './conversations.js';
import { readOnly, WriteRefused } from './read-only.js';
import { statementCount } from './statement-count.js';
import type { Db, Store } from './index.js';

let store: Store;
let tenant: string;
beforeAll(async () => {
  store = await openTestStore();
  tenant = await freshTenant(store, 'compiled');
}, 120_000);
afterAll(async () => {
  await store?.close();
});

const TENANT_NAME = new CompiledOnce<{ name: string; asked: string }>((db, v) =>
  db.selectFrom('tenants').select(['name', sql<string>`${v(1)}::text`.as('asked')]).where('id', '=', v(0)),
);

test('each run fills in its own values, in one statement, with the SQL of the built query', async () => {
  const before = statementCount();
  const first = await TENANT_NAME.execute(store.db, [tenant, 'one']);
  const second = await TENANT_NAME.execute(store.db, ['no-such-tenant', 'two']);
  const third = await TENANT_NAME.execute(store.db, [tenant, 'three']);
  expect(statementCount() - before).toBe(3);
  expect(first).toEqual([{ name: expect.any(String), asked: 'one' }]);
  expect(second).toEqual([]);
  expect(third).toEqual([{ name: first[0].name, asked: 'three' }]);
});

test('a cached write is refused by a read-only view, as a built one is; a cached read is not', async () => {
  const write = new CompiledOnce<{ id: string }>((db, v) => db.updateTable('tenants').set({ name: v(1) }).where('id', '=', v(0)).returning('id'));
  await write.execute(store.db, [tenant, 'Compiled Council']);
  await expect(write.execute(readOnly(store.db), [tenant, 'Written through a read-only view'])).rejects.toThrow(WriteRefused);
  expect(await TENANT_NAME.execute(readOnly(store.db), [tenant, 'read'])).toEqual([{ name: 'Compiled Council', asked: 'read' }]);
});

test('a builder that leaves an argument out of the parameters is an error, not a wrong query', async () => {
  const dropsOne = new CompiledOnce<{ id: string }>((db, v) => db.selectFrom('tenants').select('id').where('id', '=', v(0)));
  await expect(dropsOne.execute(store.db, [tenant, 'unused'])).rejects.toThrow(/argument 1 is not a parameter/);
});

test('a web start stores the contact, its identity, the conversation and the greeting in one statement', async () => {
  const before = statementCount();
  const id = await startConversation(store.db, {
    tenant,
    channel: 'webchat',
    channelUserId: 'web-resident-1',
    tokenHash: 'hash-1',
    greeting: { text: 'Hello, how can I help?', parts: { text: 'Hello, how can I help?', suggestions: [{ label: 'Bins', value: 'Bins' }] } },
  });
  expect(statementCount() - before).toBe(1);
  const db: Db = store.db;
  const conversation = await db.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  expect(conversation).toMatchObject({ tenant_id: tenant, channel: 'webchat', channel_user_id: 'web-resident-1', token_hash: 'hash-1', state: 'bot' });
  expect(dialogueOf(conversation)).toEqual({});
  const identity = await db.selectFrom('contact_identities').selectAll().where('tenant_id', '=', tenant).where('channel_user_id', '=', 'web-resident-1').executeTakeFirstOrThrow();
  expect(identity).toMatchObject({ channel: 'webchat', contact_id: conversation.contact_id });
  expect(await db.selectFrom('contacts').select('tenant_id').where('id', '=', conversation.contact_id!).executeTakeFirst()).toEqual({ tenant_id: tenant });
  const messages = await db.selectFrom('messages').selectAll().where('conversation_id', '=', id).execute();
  expect(messages).toHaveLength(1);
  expect(messages[0]).toMatchObject({ text: 'Hello, how can I help?', direction: 'out', author: 'bot', status: 'stored', reply_to: null, provider_message_id: null, channel: 'webchat' });
});

test('a start on a channel that identifies residents by phone number is refused (it goes through findOrCreateContact)', async () => {
  await expect(
    startConversation(store.db, { tenant, channel: 'sms', channelUserId: '+447700900123', tokenHash: 'h', greeting: { text: 'Hi', parts: { text: 'Hi' } } }),
  ).rejects.toThrow(/phone number/);
});
