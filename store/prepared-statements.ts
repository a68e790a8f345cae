/**
 * Named prepared statements on PostgreSQL (issue 11): the product issues a bounded set of distinct
 * SQL texts (Kysely compiles a query the same way each time), so each parameterised text gets a
 * name and PostgreSQL parses and analyses it once per connection instead of once per execution. A
 * turn's folded statements (store/turns.ts: a lock joined to the unanswered messages, a CTE of three
 * writes) cost more to parse than to run. Texts beyond the cap (a query built with a list of
 * unusual length) and statements without parameters (DDL, migrations' multi-statement scripts,
 * begin/commit) go unnamed, as before. So do statements whose result is a wildcard (`select *`,
 * `"c".*`, `returning *`): PostgreSQL refuses to run a prepared statement whose result shape has
 * changed ("cached plan must not change result type"), which a migration adding a column would do
 * to every running process during a rolling deploy. The hot statements name their columns.
 */
import type pg from 'pg';

/** Distinct texts named per process; each is prepared on at most every pooled connection. */
export const PREPARED_STATEMENT_CAP = 2_000;

const NAMED = Symbol('preparedStatementsNamed');

/** A wildcard in a result list: `*` or `"t".*` before a comma, `from`, a parenthesis or the end (not `count(*)`). */
const WILDCARD_RESULT = /(?:^|[\s,])(?:"[^"]+"\.|\w+\.)?\*(?=\s*(?:,|from\b|\)|;|$))/i;

/** Whether a statement may be named: its result columns are fixed by its text. */
export function nameable(text: string): boolean {
  return !WILDCARD_RESULT.test(text);
}

type QueryFn = (...args: unknown[]) => unknown;

/** Names the pool's parameterised queries (patched on each client as the pool first hands it out). */
export function namePreparedStatements(pool: pg.Pool, cap = PREPARED_STATEMENT_CAP): pg.Pool {
  const names = new Map<string, string>();
  const nameFor = (text: string): string | undefined => {
    let name = names.get(text);
    if (name === undefined && names.size < cap && nameable(text)) {
      name = `ca_${names.size.toString(36)}`;
      names.set(text, name);
    }
    return name;
  };
  pool.on('connect', (client) => {
    const target = client as unknown as Record<string | symbol, unknown>;
    if (target[NAMED]) return;
    target[NAMED] = true;
    const query = client.query as unknown as QueryFn;
    target.query = function namedQuery(this: unknown, ...args: unknown[]) {
      const [text, values, callback] = args;
      const plain = args.length === 2 || (args.length === 3 && typeof callback === 'function');
      if (plain && typeof text === 'string' && Array.isArray(values) && values.length > 0) {
        const name = nameFor(text);
        if (name) return query.call(this, { name, text, values }, ...args.slice(2));
      }
      return query.apply(this, args);
    };
  });
  return pool;
}
