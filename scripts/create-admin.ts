/**
 * Creates a council's first console admin (or another), without SQL, and prints a one-time
 * invitation link once (only its hash is stored): the admin opens it, sets a password and enrols
 * an authenticator app. With --password, a random password is printed once instead. The account
 * is made by the same code as the console's staff administration and the demo seeding.
 *   npm run staff:admin -- --tenant demo --email it.lead@merebrook.gov.uk [--name "Ada Lovelace"] [--password]
 * Reads DATABASE_URL, else the PGlite store in DATA_DIR, as the app does (stop an embedded server
 * first: PGlite has one process at a time). The council must have been started once with its pack.
 */
import { parseArgs } from 'node:util';
import pino from 'pino';
import { loadConfig } from '../api/config.js';
import { dataKeyring } from '../api/server.js';
import { createStaffAccount, inviteUrl, randomPassword } from '../handoff/index.js';
import { openStore, recordAudit } from '../store/index.js';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { tenant: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' }, password: { type: 'boolean' } } });
  const tenant = values.tenant?.trim();
  const email = values.email?.trim();
  if (!tenant || !email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    console.error('usage: npm run staff:admin -- --tenant <council id> --email <address> [--name "Full Name"] [--password]');
    process.exit(2);
  }
  const config = loadConfig();
  const keyring = dataKeyring(config.dataKeys, config.dataDir, pino({ level: 'warn' }));
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2, keyring });
  try {
    const password = values.password ? randomPassword() : undefined;
    const name = values.name?.trim() || email.split('@')[0];
    const made = await createStaffAccount(store.db, { tenant, email, name, roles: ['admin', 'supervisor', 'agent'], password, createdBy: null });
    // Audited as the system's doing: no admin signed in made it.
    const audit = (action: string, detail: Record<string, unknown>) =>
      recordAudit(store.db, { tenant, actorType: 'system', actorId: null, action, subjectType: 'agent', subjectId: made.agent.id, detail: { ...detail, by: 'npm run staff:admin' } });
    await audit('staff.created', { roles: ['admin', 'supervisor', 'agent'] });
    if (made.invite) await audit('staff.invited', { expiresAt: made.invite.expiresAt.toISOString() });
    console.log(`Console admin created for council "${tenant}": ${made.agent.email} (account ${made.agent.id}).`);
    if (password) {
      console.log(`One-time password (shown only now; sign in at ${config.publicUrl ?? ''}/console and enrol an authenticator app):`);
      console.log(password);
    } else {
      console.log(`Invitation link (shown only now; works once, until ${made.invite!.expiresAt.toISOString()}):`);
      console.log(inviteUrl(config.publicUrl, tenant, made.invite!.token));
      if (!config.publicUrl) console.log('(PUBLIC_URL is not set: put the server address in front of the link.)');
    }
  } finally {
    await store.close();
  }
}

main().catch((err: unknown) => {
  const message = (err as Error).message;
  console.error(`staff:admin failed: ${/foreign key/i.test(message) ? 'no such council (start the server once with its content pack)' : message}`);
  process.exit(1);
});
