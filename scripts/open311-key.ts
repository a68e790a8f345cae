/**
 * Issues an Open311 API key to a client (FixMyStreet, say) for one council and prints it once:
 * only its SHA-256 is stored, so a lost key is replaced by a new one, never shown again.
 *   npm run open311:key -- --tenant demo --name "FixMyStreet"
 *   npm run open311:key -- --tenant demo --list
 *   npm run open311:key -- --tenant demo --revoke <client id>
 * Reads DATABASE_URL, else the PGlite store in DATA_DIR, as the app does (stop an embedded server first:
 * PGlite has one process at a time).
 */
import { parseArgs } from 'node:util';
import pino from 'pino';
import { loadConfig } from '../api/config.js';
import { dataKeyring } from '../api/server.js';
import { createOpen311Client, listOpen311Clients, openStore, revokeOpen311Client } from '../store/index.js';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { tenant: { type: 'string', default: 'demo' }, name: { type: 'string' }, list: { type: 'boolean' }, revoke: { type: 'string' } } });
  const tenant = values.tenant!.trim();
  const name = values.name?.trim();
  if (!name && !values.list && !values.revoke) throw new Error('give the client a name: --name "FixMyStreet" (or --list, or --revoke <client id>)');
  const config = loadConfig();
  const keyring = dataKeyring(config.dataKeys, config.dataDir, pino({ level: 'warn' }));
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2, keyring });
  try {
    if (values.list) {
      for (const c of await listOpen311Clients(store.db, tenant)) {
        console.log(`${c.id}\t${c.name}\tissued ${new Date(c.created_at).toISOString()}\t${c.revoked_at ? `revoked ${new Date(c.revoked_at).toISOString()}` : 'live'}`);
      }
      return;
    }
    if (values.revoke) {
      if (!(await revokeOpen311Client(store.db, tenant, values.revoke.trim()))) throw new Error(`no live client ${values.revoke} at council "${tenant}"`);
      console.log(`Revoked client ${values.revoke}: its key no longer works.`);
      return;
    }
    const client = await createOpen311Client(store.db, tenant, name!);
    console.log(`Open311 API key for "${client.name}" at council "${tenant}" (client ${client.id}). It is shown only now:`);
    console.log(client.key);
  } finally {
    await store.close();
  }
}

main().catch((err: unknown) => {
  const message = (err as Error).message;
  // The tenants table holds a council once the server has started with its content pack.
  console.error(`open311:key failed: ${/foreign key/i.test(message) ? 'no such council (start the server once with its content pack)' : message}`);
  process.exit(1);
});
