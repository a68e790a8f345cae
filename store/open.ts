import fs from 'node:fs';
import path from 'node:path';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import pg from 'pg';
import { setKeyring, type Keyring } from './crypto.js';
import { migrationProvider } from './migrations/index.js';
import { PGliteDialect } from './pglite-dialect.js';
import type { Database } from './schema.js';

// bigserial ids come back as strings (int8); timestamps as Date.
export interface Store {
  db: Kysely<Database>;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export interface StoreOptions {
  /** PostgreSQL connection string; without it, PGlite in `dataDir` (or in memory when dataDir is null). */
  databaseUrl?: string;
  dataDir?: string | null;
  poolSize?: number;
  /**
   * The keys personal data is sealed under (store/crypto.ts). Given (null included), it becomes the
   * process's keyring, which every store function uses; left out, the keyring is unchanged.
   */
  keyring?: Keyring | null;
}

/** Opens the store and brings its schema up to date. */
export async function openStore(options: StoreOptions): Promise<Store> {
  let store: Store;
  if (options.keyring !== undefined) setKeyring(options.keyring);
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    store = { db, kind: 'postgres', close: () => db.destroy() };
  } else {
    const { PGlite } = await import('@electric-sql/pglite');
    let pglite;
    if (options.dataDir) {
      const dir = path.resolve(options.dataDir, 'pglite');
      fs.mkdirSync(dir, { recursive: true });
      pglite = new PGlite(dir);
    } else {
      pglite = new PGlite();
    }
    const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
    store = { db, kind: 'pglite', close: () => db.destroy() };
  }
  await migrate(store.db);
  return store;
}

export async function migrate(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${(error as Error).message}`);
  }
}
