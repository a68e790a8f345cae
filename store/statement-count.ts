/**
 * Counts the SQL statements this process sends to its database, so `npm run bench:turns` can report
 * statements per turn (issue 11) from `/metrics` (`db_statements_total`, on prom-client's default
 * registry) and tests can compare `statementCount()` before and after a call.
 *
 * Two hooks, because Kysely runs statements along two paths:
 * - `statementCountPlugin` (a KyselyPlugin) sees every statement its query executor runs: query
 *   builders, `sql` templates, compiled queries, migrations; on the database and in transactions.
 * - `countTransactionStatements` (Kysely's `log` option) sees every statement at the connection,
 *   including what a driver sends on its own, which no plugin sees: `begin`, `commit`, `rollback`
 *   (and savepoints). It counts only those and failed statements, so with both wired each statement
 *   is counted once.
 * Wiring (store/open.ts), for both dialects:
 *   new Kysely<Database>({ dialect, plugins: [statementCountPlugin], log: countTransactionStatements })
 */
import { Counter, register } from 'prom-client';
import type { KyselyPlugin, LogEvent, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';

const NAME = 'db_statements_total';

/** One counter per process: a second copy of this module (a test runner's) reuses the registered one. */
export const dbStatementsTotal: Counter =
  (register.getSingleMetric(NAME) as Counter | undefined) ??
  new Counter({ name: NAME, help: 'SQL statements sent to the database by this process (transaction control included)' });

/** Kept beside the counter: prom-client's own read is asynchronous. */
let statements = 0;

function count(): void {
  statements++;
  dbStatementsTotal.inc();
}

/** Statements sent by this process since it started (every store it opened). */
export function statementCount(): number {
  return statements;
}

class StatementCountPlugin implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }

  // Called once per statement the executor ran and got an answer to (not for one that failed).
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    count();
    return args.result;
  }
}

export const statementCountPlugin: KyselyPlugin = new StatementCountPlugin();

/** Statements a driver sends around a transaction, outside the query executor (and its plugins). */
const TRANSACTION_CONTROL = /^\s*(begin|start\s+transaction|commit|rollback|savepoint|release)\b/i;

/**
 * Kysely's `log` option: counts what the plugin cannot see, once each: transaction control, and any
 * statement that failed (the plugin counts only answered ones).
 */
export function countTransactionStatements(event: LogEvent): void {
  if (event.level === 'error' || TRANSACTION_CONTROL.test(event.query.sql)) count();
}
