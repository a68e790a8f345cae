/**
 * The channel registry: every channel the product speaks, one line each. The API mounts their
 * routes, the outbox delivers through them, recovery sweeps them. Web chat is the API itself
 * (api/routes/conversations.ts): residents' browsers read their replies, nothing is pushed.
 */
import type { Router } from 'express';
import type { JobQueue } from '../jobs/index.js';
import { conversationAddress } from '../store/index.js';
import type { ChannelAdapter, ChannelDeps, ChannelFactory } from './adapter.js';
import { PushOutbox } from './outbox.js';
import { smsChannel } from './twilio/sms-channel.js';
import { voiceChannel } from './twilio/voice/voice-routes.js';
import { webhookChannel } from './webhook.js';
import { whatsappChannel } from './meta/whatsapp-channel.js';
import { instagramChannel, messengerChannel } from './meta/messenger-channel.js';

const CHANNELS: ChannelFactory[] = [
  smsChannel,
  voiceChannel,
  webhookChannel,
  whatsappChannel,
  messengerChannel, instagramChannel,
];

export interface Channels {
  adapters: ReadonlyMap<string, ChannelAdapter>;
  /** Each adapter's routes and where to mount them (registry order). */
  routes(): { path: string; router: Router }[];
  /** Sends a conversation's stored, unsent outbound messages on its own channel; never throws. */
  dispatch(tenant: string, conversationId: string): Promise<void>;
  /** Sweeps every channel's outbox for what a crash left behind (run by jobs/recovery.ts). */
  sweeps(): ((tenants: string[]) => Promise<unknown>)[];
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

  return {
    adapters,
    routes: () => [...adapters.values()].filter((a) => a.routes).map((a) => ({ path: a.mountPath ?? `/channels/${a.name}`, router: a.routes!() })),
    dispatch,
    sweeps: () =>
      [...adapters.values()].flatMap((a) => (a.sweep ? [a.sweep] : a.deliver ? [(tenants: string[]) => push.sweep(a.name, tenants)] : [])),
  };
}

function registerJobs(jobs: JobQueue, adapters: Map<string, ChannelAdapter>, push: PushOutbox): void {
  for (const a of adapters.values()) a.registerJobs?.(jobs);
  if ([...adapters.values()].some((a) => a.deliver && !a.dispatch)) push.register(jobs);
}
