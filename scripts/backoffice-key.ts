/**
 * Back-office API keys for a council (the pull API at /backoffice/v1). A new key is printed once:
 * only its SHA-256 is stored, so a lost key is revoked and replaced, never shown again.
 *   npm run backoffice:key -- create --tenant demo --name "Confirm" --scope cases:read --scope cases:write
 *   npm run backoffice:key -- list [--tenant demo]
 *   npm run backoffice:key -- revoke <key id> [--tenant demo]
 * Scopes: cases:read (default), cases:write, cases:personal (residents' contact details).
 * Reads DATABASE_URL, else the PGlite store in DATA_DIR, as the app does (stop an embedded server
 * first: PGlite has one process at a time).
 */
import { parseArgs } from 'node:util';
import pino from 'pino';
import { loadConfig } from '../api/config.js';
import { dataKeyring } from '../api/server.js';
import { BACKOFFICE_SCOPES, createBackofficeKey, isBackofficeScope, listBackofficeKeys, openStore, revokeBackofficeKey } from '../store/index.js';

const USAGE = 'usage: npm run backoffice:key -- create --tenant <council> --name <name> [--scope cases:read] [--scope cases:write] [--scope cases:personal] | list [--tenant <council>] | revoke <key id> [--tenant <council>]';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { tenant: { type: 'string' }, name: { type: 'string' }, scope: { type: 'string', multiple: true } },
  });
  const [command, id] = positionals;
  if (!['create', 'list', 'revoke'].includes(command ?? '')) throw new Error(USAGE);
  const scopes = (values.scope ?? ['cases:read']).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  const unknown = scopes.filter((s) => !isBackofficeScope(s));
  if (unknown.length) throw new Error(`unknown scope ${unknown.join(', ')}; the scopes are ${BACKOFFICE_SCOPES.join(', ')}`);
  if (command === 'create' && !values.name?.trim()) throw new Error('give the key a name: --name "Confirm"');
  if (command === 'revoke' && !id) throw new Error('give the id of the key to revoke (npm run backoffice:key -- list)');

  const config = loadConfig();
  const keyring = dataKeyring(config.dataKeys, config.dataDir, pino({ level: 'warn' }));
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2, keyring });
  try {
    const tenant = values.tenant?.trim();
    if (command === 'create') {
      const created = await createBackofficeKey(store.db, tenant ?? 'demo', values.name!.trim(), scopes.filter(isBackofficeScope));
      console.log(`Back-office API key "${created.name}" for council "${created.tenant}" (id ${created.id}, scopes ${created.scopes.join(' ')}). It is shown only now:`);
      console.log(created.key);
    } else if (command === 'list') {
      const keys = await listBackofficeKeys(store.db, tenant);
      if (keys.length === 0) console.log('No back-office API keys.');
      for (const k of keys) {
        const state = k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : 'active';
        console.log(`${k.id}  ${k.tenant}  "${k.name}"  ${k.scopes.join(' ')}  created ${k.createdAt.toISOString()}  last used ${k.lastUsedAt?.toISOString() ?? 'never'}  ${state}`);
      }
    } else {
      const revoked = await revokeBackofficeKey(store.db, id!, new Date(), tenant);
      if (!revoked) throw new Error(`no active key ${id}${tenant ? ` at council "${tenant}"` : ''}`);
      console.log(`Revoked back-office API key ${id}: it is refused from now on.`);
    }
  } finally {
    await store.close();
  }
}

main().catch((err: unknown) => {
  const message = (err as Error).message;
  // The tenants table holds a council once the server has started with its content pack.
  console.error(`backoffice:key failed: ${/foreign key/i.test(message) ? 'no such council (start the server once with its content pack)' : message}`);
  process.exit(1);
});
