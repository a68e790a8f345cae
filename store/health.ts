import { sql } from 'kysely';
import type { Db } from './schema.js';

/** The store's liveness check (GET /health): rejects when the database cannot answer. */
export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
