/**
 * In-memory stores started from the migrated template (store/open.ts, used by the test suite):
 * the template is written once, later stores load it with every migration applied, and each store
 * is its own database (a row in one is not in another).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { migrations } from './migrations/index.js';
import { openStore, type Store } from './index.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pglite-template-test-'));
const stores: Store[] = [];
const previous = process.env.PGLITE_TEMPLATE_DIR;

beforeAll(() => {
  process.env.PGLITE_TEMPLATE_DIR = dir;
});
afterAll(async () => {
  for (const store of stores) await store.close();
  if (previous === undefined) delete process.env.PGLITE_TEMPLATE_DIR;
  else process.env.PGLITE_TEMPLATE_DIR = previous;
  fs.rmSync(dir, { recursive: true, force: true });
});

async function open(): Promise<Store> {
  const store = await openStore({ dataDir: null });
  stores.push(store);
  return store;
}

async function applied(store: Store): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(store.db);
  return rows.map((r) => r.name);
}

test('the first store writes the template; stores from it have every migration and are separate databases', async () => {
  const first = await open();
  const written = fs.readdirSync(dir);
  expect(written).toEqual([expect.stringMatching(/^pglite-template-[0-9a-f]{24}\.tar$/)]);
  const second = await open();
  expect(fs.readdirSync(dir)).toEqual(written);
  for (const store of [first, second]) expect(await applied(store)).toEqual(Object.keys(migrations).sort());
  await sql`insert into tenants (id, name) values ('template-only-first', 'First')`.execute(first.db);
  const seen = await sql<{ n: number }>`select count(*)::int as n from tenants where id = 'template-only-first'`.execute(second.db);
  expect(seen.rows[0].n).toBe(0);
  // Builds a template from scratch (initdb and every migration under WebAssembly): slow on a busy machine.
}, 180_000);
