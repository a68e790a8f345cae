/**
 * A hot statement built and compiled once (issue 11): building a Kysely query (immutable nodes,
 * frozen at each step) and compiling it to SQL cost more of a turn's Node CPU than sending it. The
 * query is built once with placeholder values ("slots"), compiled, and each later run only fills
 * the parameters in: the same SQL text, so the same named prepared statement
 * (prepared-statements.ts) and the same statement count (statement-count.ts, whose plugin still
 * sees every result). The plugins' `transformQuery` still runs on the cached node for every
 * execution, so a view that refuses writes (read-only.ts) refuses a cached write as it would a
 * built one; a plugin that would change the query makes the run build and compile it afresh.
 */
import { createQueryId, type Compilable, type CompiledQuery } from 'kysely';
import type { Db } from './schema.js';

/** A placeholder for argument `index`; a value Kysely passes through as a parameter. */
class Slot {
  constructor(readonly index: number) {}
}

/** A parameter of the compiled query: a slot's argument, or a constant the builder wrote in. */
type Parameter = { slot: number } | { constant: unknown };

interface Prepared {
  compiled: CompiledQuery;
  parameters: Parameter[];
}

// Kysely's compiled values are `any`; a slot stands for whatever the caller passes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Value = any;

export class CompiledOnce<R> {
  /** Per dialect adapter (one per store opened), so PGlite and PostgreSQL stores keep their own. */
  private readonly prepared = new WeakMap<object, Prepared>();

  /** `build(db, v)`: the query, with `v(i)` wherever argument `i` goes (and nothing that depends on the arguments' values). */
  constructor(private readonly build: (db: Db, v: (index: number) => Value) => Compilable<R>) {}

  /** Runs the query with these arguments; its rows. */
  async execute(db: Db, args: readonly unknown[]): Promise<R[]> {
    const executor = db.getExecutor();
    let p = this.prepared.get(executor.adapter);
    if (!p) {
      p = this.prepare(db, args.length);
      this.prepared.set(executor.adapter, p);
    }
    const queryId = createQueryId();
    if (executor.transformQuery(p.compiled.query, queryId) !== p.compiled.query) {
      // A plugin rewrites this query: build it with the values, as any other query.
      return (await db.executeQuery<R>(this.build(db, (i) => args[i]))).rows;
    }
    const parameters = p.parameters.map((x) => ('slot' in x ? args[x.slot] : x.constant));
    const result = await executor.executeQuery<R>({ query: p.compiled.query, queryId, sql: p.compiled.sql, parameters });
    return result.rows;
  }

  private prepare(db: Db, arity: number): Prepared {
    const compiled = this.build(db, (i) => new Slot(i)).compile();
    const parameters: Parameter[] = compiled.parameters.map((value) => (value instanceof Slot ? { slot: value.index } : { constant: value }));
    // Every argument must land in a parameter: a slot Kysely inlined or dropped would run with the wrong value.
    for (let i = 0; i < arity; i++) {
      if (!parameters.some((x) => 'slot' in x && x.slot === i)) throw new Error(`compiled query: argument ${i} is not a parameter of ${compiled.sql}`);
    }
    return { compiled, parameters };
  }
}
