/**
 * The Direct Line 3.0 channel adapter: Microsoft's own clients (Bot Framework Web Chat,
 * DirectLineJS) talk to the assistant as they would to Azure Bot Service's Direct Line, with only
 * the `domain` changed. REST routes in routes.ts, the WebSocket stream in stream.ts, activities in
 * activities.ts, tokens in tokens.ts, settings in config.ts (DIRECTLINE_SECRET; without one the
 * channel is not served).
 *
 * Delivery: the channel has its own outbox, a log (store/directline.ts): `dispatch` makes every
 * stored, unpublished outbound message of the conversation readable (the next watermark numbers,
 * status `sent`) and wakes its open streams. Every writer of an outbound message already calls the
 * registry's dispatch after committing (a turn, an agent's reply, a lifecycle notice, a referral's
 * follow-up, a case update), so agents' replies and notices after a handoff arrive on the same
 * stream; the sweep (jobs/recovery.ts) publishes what a crash left behind.
 */
import { directLineUnpublished, findDirectLineConversation, publishOutbound } from '../../store/index.js';
import type { ChannelAdapter, ChannelDeps } from '../adapter.js';
import { typingActivity, type BotAccount } from './activities.js';
import { directLineConfigFromEnv, DirectLineConfigError } from './config.js';
import { directLineRoutes, readActivities, type DirectLineContext } from './routes.js';
import { attachStream, StreamHub, type Stream } from './stream.js';
import { tokenTenant, verifyToken } from './tokens.js';

export const DIRECTLINE = 'directline';
/** Replies stored this long ago and still unpublished are published by the sweep. */
const SWEEP_GRACE_MS = 5_000;

export function directLineChannel(deps: ChannelDeps): ChannelAdapter | null {
  const config = directLineConfigFromEnv(deps.env, deps.tenantIds(), deps.defaultTenant);
  if (!config) {
    deps.log.info({}, 'Direct Line is not configured (DIRECTLINE_SECRET): not served');
    return null;
  }
  const councils = [...config.secrets.keys()];
  const unknown = councils.filter((t) => ![...deps.tenantIds()].includes(t));
  if (unknown.length) throw new DirectLineConfigError([`DIRECTLINE_SECRET is for the default council "${unknown[0]}", which is not served here`]);
  deps.log.info({ councils }, 'Direct Line 3.0 is served at /v3/directline');

  const hub = new StreamHub();
  let stream: Stream | undefined;

  const bot = (tenant: string): BotAccount => {
    const settings = deps.assistant.runtime(tenant).pack.settings;
    return { id: `${tenant}-assistant`, name: settings.councilName };
  };

  async function dispatch(tenant: string, conversationId: string): Promise<void> {
    const published = await publishOutbound(deps.db, tenant, conversationId);
    if (published) hub.wake(conversationId);
  }

  const ctx: DirectLineContext = { deps, config, hub, bot, publish: dispatch };

  return {
    name: DIRECTLINE,
    mountPath: '/v3/directline',
    capabilities: { buttons: true, cards: true },
    routes: () => directLineRoutes(ctx),
    dispatch,
    async sweep(tenants) {
      const waiting = await directLineUnpublished(deps.db, tenants, new Date(deps.clock().getTime() - SWEEP_GRACE_MS));
      for (const w of waiting) await dispatch(w.tenant, w.conversationId);
      return { published: waiting.length };
    },
    async start({ httpServer }) {
      stream = attachStream(httpServer, {
        hub,
        log: deps.log,
        async authorise(conversationId, t) {
          const tenant = t ? tokenTenant(t) : undefined;
          const secret = tenant ? config.secrets.get(tenant) : undefined;
          const check = t && secret ? verifyToken(secret, t, deps.clock()) : undefined;
          if (!check?.ok || check.claims.conv !== conversationId) return { ok: false, status: 403 };
          const conv = await findDirectLineConversation(deps.db, conversationId);
          return conv && conv.tenant === tenant ? { ok: true } : { ok: false, status: 404 };
        },
        async read(conversationId, watermark) {
          const conv = await findDirectLineConversation(deps.db, conversationId);
          if (!conv) return { activities: [], watermark };
          const set = await readActivities(ctx, conv, watermark);
          return { activities: set.activities, watermark: Number(set.watermark) };
        },
      });
    },
    async stop() {
      await stream?.close();
      stream = undefined;
    },
    // Direct Line has no "stopped typing": clients hide the indicator after a few seconds.
    typing(tenant, conversationId, who, typing) {
      if (typing) hub.typing(conversationId, typingActivity(conversationId, { id: `${bot(tenant).id}:agent`, name: who.name }));
    },
  };
}
