/**
 * Opening the store: PostgreSQL, or PGlite on disk or in memory, brought up to date by the
 * versioned migrations.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { setKeyring, type Keyring } from './crypto.js';
import { migrationProvider, migrations } from './migrations/index.js';
import { runStatements } from './migrations/run-statements.js';
import { PGliteDialect } from './pglite-dialect.js';
import { namePreparedStatements } from './prepared-statements.js';
import { countTransactionStatements, statementCountPlugin } from './statement-count.js';
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

/**
 * Where an in-memory PGlite may start from a migrated template instead of running initdb and every
 * migration (seconds each under WebAssembly, for every store a test opens). Set by the test suite
 * (test/global-setup.js); the product never sets it, so its stores migrate as always.
 */
const PGLITE_TEMPLATE_DIR_ENV = 'PGLITE_TEMPLATE_DIR';

/** Every statement counted (db_statements_total, store/statement-count.ts): statements per turn are a measured budget. */
const STATEMENT_COUNTING = { plugins: [statementCountPlugin], log: countTransactionStatements };

/** Opens the store and brings its schema up to date. */
export async function openStore(options: StoreOptions): Promise<Store> {
  let store: Store;
  if (options.keyring !== undefined) setKeyring(options.keyring);
  if (options.databaseUrl) {
    const pool = namePreparedStatements(new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 }));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), ...STATEMENT_COUNTING });
    store = { db, kind: 'postgres', close: () => db.destroy() };
  } else {
    const { PGlite } = await import('@electric-sql/pglite');
    let pglite;
    if (options.dataDir) {
      const dir = path.resolve(options.dataDir, 'pglite');
      fs.mkdirSync(dir, { recursive: true });
      pglite = new PGlite(dir);
    } else {
      const templateDir = process.env[PGLITE_TEMPLATE_DIR_ENV];
      pglite = new PGlite(templateDir ? { loadDataDir: await memoryTemplate(templateDir) } : {});
    }
    const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite), ...STATEMENT_COUNTING });
    store = { db, kind: 'pglite', close: () => db.destroy() };
  }
  await migrate(store.db);
  return store;
}

export async function migrate(db: Kysely<Database>): Promise<void> {
  // Up to date (every start after the first): one read instead of the migrator's tables, lock and reads.
  if (await migrationsApplied(db)) return;
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${(error as Error).message}`);
  }
}

/** Whether every migration has run (and nothing unknown has): read from Kysely's own table; false when it is not there yet. */
async function migrationsApplied(db: Kysely<Database>): Promise<boolean> {
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    const done = new Set(rows.map((r) => r.name));
    const ours = Object.keys(migrations);
    return done.size === ours.length && ours.every((name) => done.has(name));
  } catch {
    return false; // a fresh database: the migrator creates its tables
  }
}

/** One template per module instance (a jest test file, a process); its file is shared between them. */
const templates = new Map<string, Promise<Blob>>();

/**
 * A migrated, empty data directory (PGlite's dumpDataDir tarball) named by the migrations'
 * fingerprint, so a changed migration never loads an old template. The first store to find none
 * builds it and writes it under a temporary name then renames it: concurrent test workers never read
 * half a file. Migrations still run on the loaded copy (a no-op when it is current).
 */
function memoryTemplate(dir: string): Promise<Blob> {
  let template = templates.get(dir);
  if (!template) {
    template = loadOrBuildTemplate(dir);
    templates.set(dir, template);
    // A failed build (a broken migration) is not remembered: the next store reports it afresh.
    template.catch(() => templates.delete(dir));
  }
  return template;
}

async function loadOrBuildTemplate(dir: string): Promise<Blob> {
  const file = path.join(dir, `pglite-template-${migrationsFingerprint()}.tar`);
  try {
    return new Blob([await fs.promises.readFile(file)]);
  } catch {
    // Not built yet: build it below.
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite = new PGlite();
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  try {
    await migrate(db);
    const tarball = await pglite.dumpDataDir('none');
    try {
      fs.mkdirSync(dir, { recursive: true });
      const partial = `${file}.${randomUUID()}.partial`;
      fs.writeFileSync(partial, Buffer.from(await tarball.arrayBuffer()));
      fs.renameSync(partial, file);
    } catch {
      // An unwritable folder only costs the next process the same build.
    }
    return tarball;
  } finally {
    await db.destroy();
  }
}

/** The migrations' names and code (their SQL is inline), the statement splitter and the PGlite version. */
function migrationsFingerprint(): string {
  const hash = createHash('sha256');
  for (const [name, migration] of Object.entries(migrations)) {
    hash.update(`${name}\0${migration.up.toString()}\0${migration.down?.toString() ?? ''}\0`);
  }
  hash.update(runStatements.toString());
  hash.update(pgliteVersion());
  return hash.digest('hex').slice(0, 24);
}

function pgliteVersion(): string {
  try {
    const require = createRequire(import.meta.url);
    // The package exports no package.json: find it beside the resolved entry point.
    let dir = path.dirname(require.resolve('@electric-sql/pglite'));
    while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
    return (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
