/**
 * The Messenger and Instagram channel adapters (Meta's Messenger Platform), two names on one
 * configuration: `messenger` (a Facebook Page's conversations, residents known by their PSID) and
 * `instagram` (the Page's linked Instagram account, residents known by their IGSID). Both arrive on
 * the council's one signed Meta webhook (messenger-webhook.ts: through WhatsApp's router where
 * WhatsApp is configured, else mounted here at /channels/meta) and both reply through the shared
 * push outbox with the Send API (messenger-send.ts), rendered by messenger-render.ts, each message
 * sent as a response inside the 24-hour window or as an agent's HUMAN_AGENT-tagged reply after it
 * (messenger-window.ts). Configured by MESSENGER_PAGE_ACCESS_TOKEN and/or councils' own Page tokens
 * (MESSENGER_PAGE_ACCESS_TOKEN__<COUNCIL>) with the shared Meta settings; each message Meta accepts is counted.
 */
import type { ChannelAdapter, ChannelDeps, Delivery } from '../adapter.js';
import { councilKey, councilTokenProblems, councilTokenVar, MESSENGER_TOKEN_VAR, messengerConfigFromEnv, metaConfigFromEnv, MetaConfigError, tokenForCouncil, type MessengerConfig } from './config.js';
import { GraphError } from './graph-client.js';
import { countMessageSent } from './metrics.js';
import { accountIdsOf } from './messenger-ids.js';
import { humanAgentTagAllowed } from './messenger-ids.js';
import type { MessagingDeps } from './messenger-inbound.js';
import { registerMessagingMediaJob } from './messenger-media.js';
import { INSTAGRAM_MAX_TEXT_BYTES, MESSENGER_MAX_TEXT, renderMessenger, type MessagingPlatform, type MessengerMessage } from './messenger-render.js';
import { OUTSIDE_WINDOW_SUBCODE, sendMessengerMessage } from './messenger-send.js';
import { messagingWebhook, messengerRoutes, type MetaObjectHandler } from './messenger-webhook.js';
import { messagingTypeFor, residentLastWrote } from './messenger-window.js';
import { signedByMeta } from './signature.js';

export const MESSENGER = 'messenger';
export const INSTAGRAM = 'instagram';
const DISPLAY: Record<MessagingPlatform, string> = { messenger: 'Messenger', instagram: 'Instagram' };

interface Messaging {
  deps: MessagingDeps;
  webhook: MetaObjectHandler;
}

// One configuration per set of channel deps (one app), shared by both adapters and found by WhatsApp's router.
const configured = new WeakMap<object, Messaging | null>();

function messagingFor(deps: ChannelDeps): Messaging | null {
  if (configured.has(deps)) return configured.get(deps)!;
  const config = messengerConfigFromEnv(deps.env);
  let messaging: Messaging | null = null;
  if (!config) {
    deps.log.info({}, 'Messenger and Instagram are not configured (MESSENGER_PAGE_ACCESS_TOKEN with META_APP_SECRET, META_VERIFY_TOKEN): not served');
  } else {
    const problems = councilTokenProblems(MESSENGER_TOKEN_VAR, config.councilTokens, deps.tenantIds());
    if (problems.length) throw new MetaConfigError(problems);
    for (const tenant of deps.tenantIds()) {
      const ids = [...accountIdsOf(deps, tenant, 'messenger'), ...accountIdsOf(deps, tenant, 'instagram')];
      if (ids.length && !tokenForCouncil(config, config.pageToken, tenant)) {
        deps.log.warn({ tenant }, `Messenger: council "${tenant}" lists Page or Instagram ids but has no Page token (${councilTokenVar(MESSENGER_TOKEN_VAR, tenant)} or ${MESSENGER_TOKEN_VAR}): its messages will fail`);
      }
    }
    deps.log.warn(
      { graph: config.graphBaseUrl, version: config.graphVersion, councilTokens: Object.keys(config.councilTokens) },
      'Messenger and Instagram are configured (format checked); the Page access token is untested until the first send',
    );
    const messagingDeps: MessagingDeps = { ...deps, config };
    messaging = { deps: messagingDeps, webhook: messagingWebhook(messagingDeps) };
  }
  configured.set(deps, messaging);
  return messaging;
}

/** The handler for `page` and `instagram` deliveries, for the WhatsApp router to hand them to (null: not configured). */
export function metaMessagingHandler(deps: ChannelDeps): MetaObjectHandler | null {
  return configured.get(deps)?.webhook ?? null;
}

function adapter(deps: ChannelDeps, platform: MessagingPlatform): ChannelAdapter | null {
  const messaging = messagingFor(deps);
  if (!messaging) return null;
  const config: MessengerConfig = messaging.deps.config;
  const name = DISPLAY[platform];

  async function deliver(d: Delivery): Promise<{ providerMessageId: string }> {
    const lastWrote = await residentLastWrote(deps.db, d.tenant, d.conversationId);
    // Throws (not retryable, the reason recorded on the message) when the window does not allow it.
    const type = messagingTypeFor({ platform: name, author: d.author, lastWrote, now: deps.clock(), humanAgentTag: humanAgentTagAllowed(deps, d.tenant) });
    try {
      const providerMessageId = await sendMessengerMessage(config, { tenant: d.tenant, platform }, d.to, type, d.payload as MessengerMessage);
      countMessageSent(platform);
      return { providerMessageId };
    } catch (err) {
      if (err instanceof GraphError && err.code === 190) {
        // Every send fails until someone renews it: an alert for council IT, not a resident's problem.
        const which = config.councilTokens[councilKey(d.tenant)] ? councilTokenVar(MESSENGER_TOKEN_VAR, d.tenant) : MESSENGER_TOKEN_VAR;
        deps.log.error({ tenant: d.tenant, platform, fbtraceId: err.fbtraceId }, `Messenger Page access token expired or invalid (Graph code 190): renew ${which}`);
      }
      if (err instanceof GraphError && err.code === 10 && err.subcode === OUTSIDE_WINDOW_SUBCODE) {
        throw new GraphError(`Not sent: Meta says it is outside ${name}'s messaging window (${err.message})`, false, err.status, err.code, err.subcode, err.fbtraceId);
      }
      throw err;
    }
  }

  // One webhook for both: mounted here only when WhatsApp's router (which hands these objects on) is not.
  const whatsappServes = (() => {
    try {
      return !!metaConfigFromEnv(deps.env);
    } catch {
      return false;
    }
  })();
  return {
    name: platform,
    mountPath: '/channels/meta',
    capabilities: { buttons: true, cards: true, maxLength: platform === 'instagram' ? INSTAGRAM_MAX_TEXT_BYTES : MESSENGER_MAX_TEXT },
    ...(platform === 'messenger' && !whatsappServes ? { routes: () => messengerRoutes(messaging.deps, messaging.webhook) } : {}),
    // Both platforms' photos and files are fetched by one job (messenger-media.ts), registered once.
    ...(platform === 'messenger' ? { registerJobs: (jobs: ChannelDeps['jobs']) => registerMessagingMediaJob(jobs, messaging.deps) } : {}),
    verify: (req) => signedByMeta(config.appSecret, Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0), req.get('x-hub-signature-256')),
    render: (message) => renderMessenger(message, platform).message,
    deliver,
  };
}

export const messengerChannel = (deps: ChannelDeps): ChannelAdapter | null => adapter(deps, 'messenger');
export const instagramChannel = (deps: ChannelDeps): ChannelAdapter | null => adapter(deps, 'instagram');
