/**
 * Exports what residents asked that the assistant misunderstood or answered unhelpfully, grouped
 * by text, most frequent first: material for new training phrases and articles.
 *   npm run export:learning -- --tenant <id> [--since YYYY-MM-DD] [--format csv|json] [--out file]
 * Reads DATABASE_URL, else the PGlite store in DATA_DIR (default ./data), as the app does.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../api/config.js';
import { createLogger } from '../api/logger.js';
import { dataKeyring } from '../api/server.js';
import { openStore } from '../store/index.js';
import { learningExport, toCsv, toJsonExport } from '../store/learning.js';
import { commandLine, type CommandLine } from './cli.js';


const USAGE = `npm run export:learning -- --tenant <id> [--since YYYY-MM-DD] [--format csv|json] [--out file]`;

async function main(): Promise<void> {
  // Typed explicitly so that a cli.usage(...) call narrows, as a function returning never.
  const cli: CommandLine = commandLine(USAGE);
  const { str } = cli;
  const tenant = str('tenant');
  if (!tenant) cli.usage('--tenant is required');
  const sinceText = str('since');
  let since: Date | undefined;
  if (sinceText !== undefined) {
    since = new Date(`${sinceText}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(sinceText) || Number.isNaN(since.getTime())) cli.usage(`--since must be a date YYYY-MM-DD, got "${sinceText}"`);
  }
  const format = str('format') ?? 'csv';
  if (format !== 'csv' && format !== 'json') cli.usage(`--format must be csv or json, got "${format}"`);
  const out = str('out');

  const config = loadConfig();
  // The same keys as the server: message text is encrypted at rest.
  const keyring = dataKeyring(config.dataKeys, config.dataDir, createLogger('warn'));
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2, keyring });
  try {
    const known = await store.db.selectFrom('tenants').select('id').where('id', '=', tenant).executeTakeFirst();
    if (!known) throw new Error(`unknown tenant "${tenant}" in ${config.databaseUrl ? 'DATABASE_URL' : path.resolve(config.dataDir)}`);
    const rows = await learningExport(store.db, tenant, { since });
    const text = format === 'csv' ? toCsv(rows) : toJsonExport(rows);
    if (out) {
      writeFileSync(out, text);
      console.error(`${rows.length} rows (${rows.reduce((s, r) => s + r.count, 0)} messages) written to ${out}`);
    } else process.stdout.write(text);
  } finally {
    await store.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
