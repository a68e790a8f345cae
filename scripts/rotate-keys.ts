/**
 * Re-encrypts every encrypted field under the current data key (the first in DATA_KEYS), files
 * residents sent included (media_files: `media_files.name`, `media_files.data` in the counts, and the
 * files in the file storage, `files.stored`, read from FILES_DIR or FILES_S3_* as the app does), and
 * recomputes contacts' blind indexes, in batches; values stored in clear before encryption are
 * sealed too. Idempotent: a second run changes nothing. After it, older keys can leave DATA_KEYS.
 *   DATA_KEYS=k2:<new>,k1:<old> npm run rotate-keys
 * Reads DATABASE_URL, else the PGlite store in DATA_DIR (and its generated key file), as the app does.
 * Prints counts per field, then one JSON line.
 */
import pino from 'pino';
import { loadConfig } from '../api/config.js';
import { dataKeyring } from '../api/server.js';
import { openStore, rotateSealedFields } from '../store/index.js';
import { configureFiles, resealStoredFiles } from '../files/index.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const keyring = dataKeyring(config.dataKeys, config.dataDir, pino({ level: 'warn' }));
  if (!keyring) throw new Error('no data key: set DATA_KEYS');
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2, keyring });
  const started = Date.now();
  try {
    const counts = await rotateSealedFields(store.db);
    configureFiles(process.env, config.dataDir);
    const files = await resealStoredFiles(store.db);
    counts['files.stored'] = files.rewritten;
    if (files.missing) console.warn(`${files.missing} stored file(s) were missing from the file storage`);
    for (const [field, n] of Object.entries(counts)) console.log(`${field.padEnd(36)} ${n}`);
    console.log(JSON.stringify({ currentKey: keyring.current.id, keys: keyring.all.map((k) => k.id), rewritten: counts, ms: Date.now() - started }));
  } finally {
    await store.close();
  }
}

main().catch((err: unknown) => {
  console.error(`rotate-keys failed: ${(err as Error).message}`);
  process.exit(1);
});
