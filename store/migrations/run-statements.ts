import { sql, type Kysely } from 'kysely';

/** PGlite's extended protocol takes one statement per query, so a script runs statement by statement. */
export async function runStatements(db: Kysely<any>, script: string): Promise<void> {
  const statements = script
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
  for (const statement of statements) await sql.raw(statement).execute(db);
}
