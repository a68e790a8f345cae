/** Azure Bot Service's Bot Framework Activity protocol (channel.ts): a council's Azure bot, and through it Teams and Azure's other channels. */
export { azureBotChannel, AZURE_BOT } from './channel.js';
export { azureBotConfigFromEnv, AzureBotConfigError, type AzureBotConfig } from './config.js';
