/**
 * The channel registry: every channel the product speaks, one line each. The API mounts their
 * routes, the outbox delivers through them, recovery sweeps them. Web chat is the API itself
 * (api/routes/conversations.ts): residents' browsers read their replies, nothing is pushed.
 */
import type { Router } from 'express';
import type { Server as HttpServer } from 'node:http';
import type { JobQueue } from '../jobs/index.js';
import { conversationAddress } from '../store/index.js';
import type { ChannelAdapter, ChannelDeps, ChannelFactory } from './adapter.js';
import { PushOutbox } from './outbox.js';
import { smsChannel } from './twilio/sms-channel.js';
import { voiceChannel } from './twilio/voice/voice-routes.js';
import { webhookChannel } from './webhook.js';
import { whatsappChannel } from './meta/whatsapp-channel.js';
import { instagramChannel, messengerChannel } from './meta/messenger-channel.js';
import { directLineChannel } from './directline/channel.js';
import { emailChannel } from './email/index.js';
import { azureBotChannel } from './azure-bot/index.js';

const CHANNELS: ChannelFactory[] = [
  smsChannel,
  voiceChannel,
  webhookChannel,
  whatsappChannel,
  messengerChannel, instagramChannel,
  directLineChannel,
  emailChannel,
  azureBotChannel,
];

export interface Channels {
  adapters: ReadonlyMap<string, ChannelAdapter>;
  /** Each adapter's routes and where to mount them (registry order). */
  routes(): { path: string; router: Router }[];
  /** Sends a conversation's stored, unsent outbound messages on its own channel; never throws. */
  dispatch(tenant: string, conversationId: string): Promise<void>;
  /** Sweeps every channel's outbox for what a crash left behind (run by jobs/recovery.ts). */
  sweeps(): ((tenants: string[]) => Promise<unknown>)[];
  /** Starts the channels' own listeners (adapter `start`); a failure stops what started and throws. */
  start(httpServer: HttpServer): Promise<void>;
  /** Stops them, in reverse order; never throws. */
  stop(): Promise<void>;
  /** An agent's typing indicator, to the conversation's channel when it shows one (adapter `typing`); never throws. */
  typing(tenant: string, conversationId: string, who: { name: string }, typing: boolean): Promise<void>;
}

/** Builds the configured channels; `deps.dispatch` is filled in with the registry's own. */
export function createChannels(deps: Omit<ChannelDeps, 'dispatch'>, factories: ChannelFactory[] = CHANNELS): Channels {
  const adapters = new Map<string, ChannelAdapter>();
  const full: ChannelDeps = { ...deps, dispatch: (tenant, conversationId) => dispatch(tenant, conversationId) };
  for (const factory of factories) {
    const adapter = factory(full);
    if (!adapter) continue;
    if (adapters.has(adapter.name)) throw new Error(`two channels are named "${adapter.name}"`);
    adapters.set(adapter.name, adapter);
  }
  const push = new PushOutbox(deps, adapters);
  registerJobs(deps.jobs, adapters, push);

  async function dispatch(tenant: string, conversationId: string): Promise<void> {
    try {
      const address = await conversationAddress(deps.db, tenant, conversationId);
      const adapter = address && adapters.get(address.channel);
      if (!adapter) return; // web chat: the browser reads its replies
      if (adapter.dispatch) await adapter.dispatch(tenant, conversationId);
      else if (adapter.deliver) await push.dispatch(tenant, conversationId);
    } catch (err) {
      // Stored messages are never lost: the recovery sweep queues them again.
      deps.log.error({ err, tenant, conversationId }, 'could not queue outbound messages');
    }
  }

  const started: ChannelAdapter[] = [];
  async function stop(): Promise<void> {
    for (const adapter of started.splice(0).reverse()) {
      await adapter.stop?.().catch((err: unknown) => deps.log.warn({ err: String(err), channel: adapter.name }, 'channel did not stop cleanly'));
    }
  }

  return {
    adapters,
    routes: () => [...adapters.values()].filter((a) => a.routes).map((a) => ({ path: a.mountPath ?? `/channels/${a.name}`, router: a.routes!() })),
    dispatch,
    sweeps: () =>
      [...adapters.values()].flatMap((a) => (a.sweep ? [a.sweep] : a.deliver ? [(tenants: string[]) => push.sweep(a.name, tenants)] : [])),
    async start(httpServer) {
      for (const adapter of adapters.values()) {
        if (!adapter.start) continue;
        try {
          await adapter.start({ httpServer });
        } catch (err) {
          await stop();
          throw err;
        }
        started.push(adapter);
      }
    },
    stop,
    async typing(tenant, conversationId, who, typing) {
      try {
        const address = await conversationAddress(deps.db, tenant, conversationId);
        const adapter = address && adapters.get(address.channel);
        adapter?.typing?.(tenant, conversationId, who, typing);
      } catch (err) {
        deps.log.warn({ err: String(err), tenant, conversationId }, 'typing indicator not relayed');
      }
    },
  };
}

function registerJobs(jobs: JobQueue, adapters: Map<string, ChannelAdapter>, push: PushOutbox): void {
  for (const a of adapters.values()) a.registerJobs?.(jobs);
  if ([...adapters.values()].some((a) => a.deliver && !a.dispatch)) push.register(jobs);
}
