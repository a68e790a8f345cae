/** Azure Bot Service settings: unset is off; a half, malformed or shared configuration stops the start, naming what is wrong and no secret. */
import { azureBotConfigFromEnv, AzureBotConfigError } from './config.js';

const APP = '6f1c1f64-7a3b-4b7e-9a55-0c5d2b8e9f01';
const TENANT = '3b9d7c2e-1f4a-4e6b-8c0d-5a7e9f1b2c3d';
const councils = ['demo', 'west-sussex'];
const problems = (env: Record<string, string>) => {
  try {
    azureBotConfigFromEnv(env, councils, 'demo');
  } catch (err) {
    if (err instanceof AzureBotConfigError) return err.problems;
    throw err;
  }
  return [];
};

test('unset is off; a whole configuration gives each council its bot', () => {
  expect(azureBotConfigFromEnv({}, councils, 'demo')).toBeNull();
  const config = azureBotConfigFromEnv(
    {
      AZURE_BOT_APP_ID: APP,
      AZURE_BOT_APP_PASSWORD: 'secret-one',
      AZURE_BOT_TENANT_ID: TENANT,
      AZURE_BOT_APP_ID__WEST_SUSSEX: 'a1b2c3d4-0000-4000-8000-000000000002',
      AZURE_BOT_APP_PASSWORD__WEST_SUSSEX: 'secret-two',
      AZURE_BOT_TENANT_ID__WEST_SUSSEX: 'westsussex.onmicrosoft.com',
    },
    councils,
    'demo',
  );
  expect(config?.authority).toBe('https://login.microsoftonline.com');
  expect([...config!.apps.keys()].sort()).toEqual(['demo', 'west-sussex']);
  expect(config!.apps.get('west-sussex')).toMatchObject({ appId: 'a1b2c3d4-0000-4000-8000-000000000002', entraTenant: 'westsussex.onmicrosoft.com' });
});

test('half, malformed or shared settings are refused, naming the variable and never the secret', () => {
  expect(problems({ AZURE_BOT_APP_ID: APP })).toEqual([expect.stringMatching(/AZURE_BOT_APP_PASSWORD and AZURE_BOT_TENANT_ID must be set too/)]);
  expect(problems({ AZURE_BOT_APP_ID: APP, AZURE_BOT_APP_PASSWORD: 'has a space', AZURE_BOT_TENANT_ID: 'common' }).join('\n')).toMatch(/spaces[\s\S]*own tenant/);
  expect(problems({ AZURE_BOT_APP_ID: APP, AZURE_BOT_APP_PASSWORD: 's3cret-value', AZURE_BOT_TENANT_ID: TENANT, AZURE_BOT_AUTHORITY: 'http://login.example' })).toEqual([expect.stringMatching(/AZURE_BOT_AUTHORITY must be an https URL/)]);
  const shared = problems({
    AZURE_BOT_APP_ID: APP,
    AZURE_BOT_APP_PASSWORD: 's3cret-value',
    AZURE_BOT_TENANT_ID: TENANT,
    AZURE_BOT_APP_ID__WEST_SUSSEX: APP,
    AZURE_BOT_APP_PASSWORD__WEST_SUSSEX: 's3cret-value',
    AZURE_BOT_TENANT_ID__WEST_SUSSEX: TENANT,
  });
  expect(shared).toEqual([expect.stringMatching(/same app id/)]);
  expect(shared.join()).not.toMatch(/s3cret/);
  expect(problems({ AZURE_BOT_APP_ID__NOWHERE: APP })).toEqual([expect.stringMatching(/names no council served here/)]);
  expect(problems({ AZURE_BOT_AUTHORITY: 'https://login.microsoftonline.us' })).toEqual([expect.stringMatching(/no AZURE_BOT_APP_ID/)]);
});
