/**
 * On PostgreSQL the store's parameterised statements are named prepared statements (parsed once per
 * connection); statements without parameters (begin, commit, DDL) and texts beyond the cap go
 * unnamed. Needs PostgreSQL (DATABASE_URL, as in CI): PGlite runs statements in-process.
 */
import { sql } from 'kysely';
import pg from 'pg';
import { openStore, type Store } from './open.js';
import { nameable, namePreparedStatements } from './prepared-statements.js';

const url = process.env.DATABASE_URL;
const onPostgres = url ? test : test.skip;

let store: Store | undefined;
afterAll(async () => {
  await store?.close();
});

onPostgres('a repeated parameterised statement is prepared once on its connection, under one name', async () => {
  store = await openStore({ databaseUrl: url, poolSize: 1 });
  const tag = `probe-${Date.now()}`;
  for (let i = 0; i < 3; i++) await sql`select ${tag}::text as tag, ${i}::int as n`.execute(store.db);
  const { rows } = await sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements where statement like ${'%::text as tag, %'}`.execute(store.db);
  expect(rows).toHaveLength(1);
  expect(rows[0].name).toMatch(/^ca_/);
  // The query above had a parameter too, so it is named; a statement without one is not.
  await sql`select 1 as unnamed_probe`.execute(store.db);
  const unnamed = await sql<{ n: number }>`select count(*)::int as n from pg_prepared_statements where statement like ${'%unnamed_probe%'} and statement not like ${'%pg_prepared%'}`.execute(store.db);
  expect(unnamed.rows[0].n).toBe(0);
});

onPostgres('past the cap, texts go unnamed and still run', async () => {
  const pool = namePreparedStatements(new pg.Pool({ connectionString: url, max: 1 }), 1);
  try {
    const first = await pool.query('select $1::int + 1 as n', [1]);
    const second = await pool.query('select $1::int + 2 as n', [1]);
    expect([first.rows[0].n, second.rows[0].n]).toEqual([2, 3]);
    const named = await pool.query("select count(*)::int as n from pg_prepared_statements where statement like 'select $1::int + %'");
    expect(named.rows[0].n).toBe(1);
  } finally {
    await pool.end();
  }
});

test('a statement whose result is a wildcard is never named (a migration adding a column would break it)', () => {
  expect(nameable('select * from "messages" where "id" = $1')).toBe(false);
  expect(nameable('select "c".*, "m"."id" as "m_id" from "conversations" as "c"')).toBe(false);
  expect(nameable('insert into "messages" ("id") values ($1) returning *')).toBe(false);
  expect(nameable('select "messages".* from "messages" where "id" = $1')).toBe(false);
  expect(nameable('select count(*) as "n" from "messages" where "id" = $1')).toBe(true);
  expect(nameable('select "c"."id", "c"."state" from "conversations" as "c" where "c"."id" = $1 for update of "c"')).toBe(true);
  expect(nameable('insert into "messages" ("id") values ($1) returning "id", "created_at"')).toBe(true);
});

onPostgres('after a column is added, the running process still runs its named statements', async () => {
  const table = `prep_probe_${Date.now()}`;
  const s = await openStore({ databaseUrl: url, poolSize: 1 });
  try {
    await sql.raw(`create table ${table} (id int primary key, a text)`).execute(s.db);
    await sql`insert into ${sql.table(table)} values (${1}, ${'x'})`.execute(s.db);
    const read = () => sql<{ a: string }>`select a from ${sql.table(table)} where id = ${1}`.execute(s.db);
    const all = () => sql<{ a: string }>`select * from ${sql.table(table)} where id = ${1}`.execute(s.db);
    await read();
    await all();
    await sql.raw(`alter table ${table} add column b text`).execute(s.db);
    expect((await read()).rows[0].a).toBe('x');
    expect((await all()).rows[0]).toEqual({ id: 1, a: 'x', b: null });
  } finally {
    await sql.raw(`drop table if exists ${table}`).execute(s.db);
    await s.close();
  }
});
