import { randomUUID } from 'node:crypto';
import { ensureTenant, openStore, type Store } from '../store/index.js';

/**
 * The store tests run on: PostgreSQL when DATABASE_URL is set (as in CI), otherwise an
 * in-memory PGlite. Tests isolate themselves with fresh tenant ids, which also exercises
 * the rule that every query is scoped by tenant.
 */
export async function openTestStore(): Promise<Store> {
  return openStore({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir: null, poolSize: 4 });
}

export async function freshTenant(store: Store, prefix = 't'): Promise<string> {
  const id = `${prefix}-${randomUUID().slice(0, 8)}`;
  await ensureTenant(store.db, id, `Test council ${id}`, {});
  return id;
}
