/**
 * Times relative to the database's own clock, as SQL fragments: compared in the database, they keep
 * PostgreSQL's microseconds (a time read into JavaScript and compared there loses them).
 */
import { sql, type RawBuilder } from 'kysely';

/** `ms` milliseconds before the database's now(). */
export function msAgo(ms: number): RawBuilder<Date> {
  return sql<Date>`now() - ${ms}::double precision * interval '1 millisecond'`;
}

/** `ms` milliseconds after the database's now(). */
export function msFromNow(ms: number): RawBuilder<Date> {
  return sql<Date>`now() + ${ms}::double precision * interval '1 millisecond'`;
}
