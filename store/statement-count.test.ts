// The statement counter counts each statement once: builders and raw SQL through the plugin,
// begin/commit/rollback and failures through the log hook, and /metrics' counter moves with it.
import { PGlite } from '@electric-sql/pglite';
import { Kysely, sql } from 'kysely';
import { PGliteDialect } from './pglite-dialect.js';
import { countTransactionStatements, dbStatementsTotal, statementCount, statementCountPlugin } from './statement-count.js';

interface Db {
  t: { id: number; v: string };
}

let db: Kysely<Db>;
beforeAll(async () => {
  db = new Kysely<Db>({ dialect: new PGliteDialect(new PGlite()), plugins: [statementCountPlugin], log: countTransactionStatements });
  await sql`create table t (id int primary key, v text not null)`.execute(db);
}, 60_000);
afterAll(async () => {
  await db?.destroy();
});

async function counted(work: () => Promise<unknown>): Promise<number> {
  const before = statementCount();
  await work().catch(() => undefined);
  return statementCount() - before;
}

test('a query builder statement and a sql template count one each', async () => {
  expect(await counted(() => db.selectFrom('t').selectAll().execute())).toBe(1);
  expect(await counted(() => sql`select 1`.execute(db))).toBe(1);
});

test('a transaction counts its begin and commit beside its statements', async () => {
  const n = await counted(() =>
    db.transaction().execute(async (trx) => {
      await trx.insertInto('t').values({ id: 1, v: 'a' }).execute();
      await trx.insertInto('t').values({ id: 2, v: 'b' }).execute();
    }),
  );
  expect(n).toBe(4);
});

test('a failed statement counts, and so does the rollback after it', async () => {
  const n = await counted(() =>
    db.transaction().execute(async (trx) => {
      await trx.insertInto('t').values({ id: 1, v: 'duplicate' }).execute();
    }),
  );
  expect(n).toBe(3); // begin, the refused insert, rollback
});

test('a plugin added for a view (withPlugin) does not count twice', async () => {
  expect(await counted(() => db.withPlugin({ transformQuery: (a) => a.node, transformResult: async (a) => a.result }).selectFrom('t').selectAll().execute())).toBe(1);
});

test('the prom-client counter on the default registry moves with the count', async () => {
  const read = async () => (await dbStatementsTotal.get()).values[0]?.value ?? 0;
  const before = await read();
  const counter = statementCount();
  await db.selectFrom('t').select('id').execute();
  expect(await read()).toBe(before + (statementCount() - counter));
  expect(statementCount() - counter).toBe(1);
});
