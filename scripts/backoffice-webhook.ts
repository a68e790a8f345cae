/**
 * A council's back-office webhooks: add one (its signing secret is printed once: only a sealed copy
 * is kept, and a lost secret means a new webhook), list them, disable or enable one.
 *   npm run backoffice:webhook -- add --tenant demo --name "Highways CRM" --url https://crm.council.example/hooks/cases
 *        [--format json|xml] [--services highways,waste.missed_collection] [--personal] [--allow-http]
 *   npm run backoffice:webhook -- list --tenant demo
 *   npm run backoffice:webhook -- disable --tenant demo --id <webhook id>
 *   npm run backoffice:webhook -- enable --tenant demo --id <webhook id>
 * Reads DATABASE_URL, else the PGlite store in DATA_DIR, as the app does (stop an embedded server
 * first: PGlite has one process at a time).
 */
import { parseArgs } from 'node:util';
import pino from 'pino';
import { loadConfig } from '../api/config.js';
import { dataKeyring } from '../api/server.js';
import { addWebhook, disableWebhook, enableWebhook, listWebhooks, WebhookInputError } from '../backoffice/index.js';
import { openStore } from '../store/index.js';

const USAGE = 'usage: npm run backoffice:webhook -- add|list|disable|enable --tenant <council> [--name --url --format json|xml --services a,b --personal --allow-http | --id <id>]';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      tenant: { type: 'string', default: 'demo' },
      name: { type: 'string' },
      url: { type: 'string' },
      format: { type: 'string', default: 'json' },
      services: { type: 'string' },
      personal: { type: 'boolean', default: false },
      'allow-http': { type: 'boolean', default: false },
      id: { type: 'string' },
    },
  });
  const command = positionals[0];
  if (!['add', 'list', 'disable', 'enable'].includes(command ?? '')) throw new WebhookInputError(USAGE);
  const tenant = values.tenant!.trim();
  if ((command === 'disable' || command === 'enable') && !values.id) throw new WebhookInputError(`give the webhook's id: --id (npm run backoffice:webhook -- list --tenant ${tenant})`);
  if (command === 'add' && (!values.name || !values.url)) throw new WebhookInputError('give the webhook a name and an address: --name "Highways CRM" --url https://…');
  const config = loadConfig();
  const keyring = dataKeyring(config.dataKeys, config.dataDir, pino({ level: 'warn' }));
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2, keyring });
  try {
    if (command === 'add') {
      const { webhook, secret } = await addWebhook(store.db, {
        tenant,
        name: values.name!,
        url: values.url!,
        format: values.format as 'json' | 'xml',
        services: values.services ? values.services.split(',') : null,
        personal: values.personal,
        allowHttp: values['allow-http'],
      });
      console.log(`Webhook "${webhook.name}" for council "${tenant}" (id ${webhook.id}): ${webhook.format} to ${webhook.url}, ${webhook.services ? `services ${webhook.services.join(', ')}` : 'every service'}${webhook.personal ? ', with residents’ contact details' : ''}.`);
      console.log('Its signing secret, shown only now (give it to the receiver: README, "Back-office events"):');
      console.log(secret);
      console.log('It receives case events from now on; a case made earlier can be sent from the console (Back-office deliveries).');
    } else if (command === 'list') {
      const hooks = await listWebhooks(store.db, tenant);
      if (!hooks.length) console.log(`Council "${tenant}" has no back-office webhooks.`);
      for (const w of hooks) {
        console.log(`${w.id}  ${w.disabledAt ? 'disabled' : 'enabled '}  ${w.format}  ${w.name}  ${w.url}  ${w.services ? w.services.join(',') : 'all services'}${w.personal ? '  personal' : ''}`);
      }
    } else {
      const done = command === 'disable' ? await disableWebhook(store.db, tenant, values.id!) : await enableWebhook(store.db, tenant, values.id!);
      if (!done) throw new WebhookInputError(`council "${tenant}" has no webhook ${values.id}`);
      console.log(command === 'disable' ? `Disabled: nothing more is sent to it (what waits is kept, and goes if it is enabled again).` : 'Enabled: what waited is sent now, in order.');
    }
  } finally {
    await store.close();
  }
}

main().catch((err: unknown) => {
  const message = (err as Error).message;
  // The tenants table holds a council once the server has started with its content pack.
  console.error(`backoffice:webhook failed: ${/foreign key/i.test(message) ? 'no such council (start the server once with its content pack)' : message}`);
  process.exit(err instanceof WebhookInputError ? 2 : 1);
});
