/** Microsoft's Direct Line 3.0, served by the assistant (channel.ts): Web Chat and DirectLineJS work against it unchanged. */
export { directLineChannel, DIRECTLINE } from './channel.js';
export { directLineConfigFromEnv, DirectLineConfigError, type DirectLineConfig } from './config.js';
// Shared with the Azure Bot Service channel (channels/azure-bot): the same Activity schema both ways.
export { inboundActivity, readMessage as readActivityMessage, renderOutbound, type Activity, type InboundActivity } from './activities.js';
