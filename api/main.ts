import { ContentPackError } from '../bot/index.js';
import { RecogniserConfigError } from '../intents/index.js';
import { NotifyConfigError } from '../notify/index.js';
import { AzureBotConfigError, DirectLineConfigError, EmailConfigError, MetaConfigError, TwilioConfigError } from '../channels/index.js';
import { FilesConfigError } from '../files/index.js';
import { ConfigError, loadConfig } from './config.js';
import { missingNodeFlags } from './node-flags.js';
import { startServer } from './server.js';

/** The entry point: configuration from the environment, clear messages for what is wrong. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  try {
    const server = await startServer({}, config);
    const missing = missingNodeFlags();
    if (missing.length) server.log.warn({ missing }, `node was started without ${missing.join(' ')}: the safety screen costs about twice the CPU (README, "Performance")`);
    const stop = async (signal: string) => {
      server.log.info({ signal }, 'shutting down');
      await server.close();
      process.exit(0);
    };
    process.on('SIGTERM', () => void stop('SIGTERM'));
    process.on('SIGINT', () => void stop('SIGINT'));
    console.log(`Council assistant: demo at ${config.publicUrl ?? `http://localhost:${server.port}`}/`);
  } catch (err) {
    if (err instanceof RecogniserConfigError || err instanceof NotifyConfigError || err instanceof TwilioConfigError || err instanceof MetaConfigError || err instanceof EmailConfigError || err instanceof DirectLineConfigError || err instanceof AzureBotConfigError || err instanceof FilesConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    if (err instanceof ContentPackError) {
      console.error(`Content pack error in ${err.file}${err.line ? ` line ${err.line}` : ''}: ${err.detail}`);
      process.exit(3);
    }
    console.error(`Could not start: ${(err as Error).message}`);
    process.exit(1);
  }
}

void main();
