/**
 * The Azure Bot Service channel adapter: a council's Azure Bot resource (and through it Teams and
 * Azure's other channels) posts Bot Framework activities to `/channels/azure-bot/api/messages`,
 * its "messaging endpoint".
 *
 * In: the bearer JWT is checked by the Microsoft 365 Agents SDK's own `authorizeJWT` (signature
 * against the issuer's keys, audience = one of the councils' app ids, which also names the council,
 * the issuer, expiry), then its `serviceurl` claim must name the activity's `serviceUrl` host: a
 * token for one Connector cannot send replies to another. A message activity is stored through
 * acceptInbound (deduplicated by its activity id) with its conversation reference, answered 200,
 * and the turn runs after. Other activities (conversationUpdate, typing, reactions, invokes) are
 * acknowledged and not kept.
 *
 * Out: every reply (the assistant's, an agent's after a handoff, a notice) is a stored message
 * delivered by the shared push outbox through `deliver`: posted proactively to the Connector
 * service of the conversation's latest reference with the bot's own Entra token (connector.ts).
 */
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type { AuthConfiguration } from '@microsoft/agents-hosting';
import { latestInboundDetail, resumable } from '../../store/index.js';
import { acceptInbound, ProviderIdReused } from '../accept.js';
import { DeliveryError, type ChannelAdapter, type ChannelDeps, type Delivery } from '../adapter.js';
import { sendProblem } from '../http.js';
import { readActivityMessage } from '../directline/index.js';
import { channelUserIdOf, referenceOf, REFERENCE_KEY, renderReply, replyActivity, serviceActivity, withoutMentions, type ConversationReference } from './activity.js';
import { acceptableUrl, azureBotConfigFromEnv, AzureBotConfigError, type AzureBotApp } from './config.js';
import { ConnectorSender } from './connector.js';
import { agentsSdk } from './sdk.js';

export const AZURE_BOT = 'azure-bot';
/** A conversation carries on while the resident is active within a day and it is not closed. */
const RESUME_WITHIN_MS = 24 * 3600 * 1000;

type Claims = { aud?: string | string[]; serviceurl?: unknown };

export function azureBotChannel(deps: ChannelDeps): ChannelAdapter | null {
  const config = azureBotConfigFromEnv(deps.env, deps.tenantIds(), deps.defaultTenant);
  if (!config) {
    deps.log.info({}, 'Azure Bot Service is not configured (AZURE_BOT_APP_ID): not served');
    return null;
  }
  const apps = [...config.apps.values()];
  if (!apps.length) throw new AzureBotConfigError(['no council has a bot']);
  deps.log.info({ councils: [...config.apps.keys()] }, 'Azure Bot Service activities are accepted at /channels/azure-bot/api/messages');

  // One connection per council's bot: the SDK picks the one whose app id is the token's audience,
  // reads that council's signing keys and checks the issuer against its tenant.
  const connections = new Map<string, AuthConfiguration>(
    apps.map((app) => [app.tenant, { clientId: app.appId, tenantId: app.entraTenant, authorityEndpoint: config.authority, validateIssuer: true }]),
  );
  // A top-level client id: without one the SDK lets a request with no token through as "anonymous".
  const authorizer = () => agentsSdk().then(({ hosting }) => hosting.authorizeJWT({ clientId: apps[0].appId, tenantId: apps[0].entraTenant, authorityEndpoint: config.authority, validateIssuer: true, connections }));
  let authorizing: ReturnType<typeof authorizer> | undefined;
  const sender = new ConnectorSender(config.authority, deps.clock);
  const appOfAudience = (aud: Claims['aud']) => apps.find((a) => (Array.isArray(aud) ? aud : [aud]).some((x) => typeof x === 'string' && x.toLowerCase() === a.appId.toLowerCase()));

  /** The SDK's check, its 401 turned into a problem; the verified claims on success. */
  async function verifyJwt(req: Request, res: Response, next: NextFunction): Promise<void> {
    if (!req.get('authorization')) return sendProblem(res, 401, 'Missing token', 'Azure Bot Service sends a bearer JWT in Authorization; none was given.');
    let status = 0;
    let detail = '';
    const capture = {
      status(code: number) {
        status = code;
        return capture;
      },
      send(body?: unknown) {
        const said = (body as Record<string, unknown> | undefined)?.['jwt-auth-error'];
        detail = typeof said === 'string' ? said : '';
        return capture;
      },
      setHeader: () => capture,
      end: () => capture,
      headersSent: false,
      writableEnded: false,
    };
    let passed = false;
    authorizing ??= authorizer();
    const authorize = await authorizing;
    await authorize(req as unknown as Parameters<typeof authorize>[0], capture, () => void (passed = true));
    if (passed && appOfAudience((req as unknown as { user?: Claims }).user?.aud)) return next();
    sendProblem(res, status === 405 ? 405 : 401, 'Invalid token', `The bearer JWT was not accepted${detail ? `: ${detail}` : ''}.`);
  }

  function routes(): Router {
    const router = Router();
    router.post('/api/messages', verifyJwt, express.json({ limit: '256kb', type: () => true }), async (req: Request, res: Response) => {
      const claims = (req as unknown as { user: Claims }).user;
      const app = appOfAudience(claims.aud)!;
      const parsed = serviceActivity.safeParse(req.body);
      if (!parsed.success) return sendProblem(res, 400, 'Invalid activity', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      const activity = parsed.data;
      if (!acceptableUrl(activity.serviceUrl)) return sendProblem(res, 400, 'Invalid activity', 'serviceUrl must be an https URL.');
      // The Connector a token was issued for is the only one its activities may send replies to.
      const claimed = typeof claims.serviceurl === 'string' ? hostOf(claims.serviceurl) : undefined;
      if (!claimed || claimed !== hostOf(activity.serviceUrl)) {
        return sendProblem(res, 403, 'Service URL mismatch', "The activity's serviceUrl is not the Connector service the token's serviceurl claim names.");
      }
      if (activity.type !== 'message') return void res.status(200).json({});
      if (!activity.id) return sendProblem(res, 400, 'Invalid activity', 'id: a message activity needs its id.');
      const message = readActivityMessage({ ...activity, text: withoutMentions(activity.text) });
      if ('problem' in message) return sendProblem(res, 400, 'Invalid activity', message.problem);
      const now = deps.clock();
      const channelUserId = channelUserIdOf(activity);
      const reference: ConversationReference = referenceOf(activity);
      let accepted;
      try {
        accepted = await acceptInbound(deps, {
          tenant: app.tenant,
          channel: AZURE_BOT,
          channelUserId,
          // Activity ids are unique within their conversation: scoped to it, as the identity is.
          providerMessageId: `${channelUserId}:${activity.id}`,
          text: message.text,
          attachments: message.attachments,
          receivedAt: now,
          reuse: (c) => resumable(c, RESUME_WITHIN_MS, now),
          details: () => ({ [REFERENCE_KEY]: reference }),
        });
      } catch (err) {
        if (err instanceof ProviderIdReused) return sendProblem(res, 409, 'Activity id reused', err.message);
        throw err;
      }
      res.status(200).json({});
      // Stored before the answer; a turn lost here is answered by the recovery sweep.
      void accepted.answer().catch((err: unknown) => deps.log.error({ err, tenant: app.tenant }, 'Azure Bot Service turn failed after the activity was acknowledged'));
    });
    return router;
  }

  async function deliver(d: Delivery): Promise<{ providerMessageId: string }> {
    const app: AzureBotApp | undefined = config!.apps.get(d.tenant);
    if (!app) throw new DeliveryError(`council "${d.tenant}" has no Azure bot configured`, false);
    const reference = await latestInboundDetail<ConversationReference>(deps.db, d.tenant, d.conversationId, REFERENCE_KEY);
    if (!reference) throw new DeliveryError('no Bot Framework conversation reference is stored for this conversation', false);
    const id = await sender.send(app, reference.serviceUrl, reference.conversation.id, replyActivity(reference, d.payload as Record<string, unknown>));
    return { providerMessageId: id || d.idempotencyKey };
  }

  return {
    name: AZURE_BOT,
    capabilities: { buttons: true, cards: true },
    routes,
    render: renderReply,
    deliver,
    // The SDK is loaded at start where a bot is configured: a missing package stops the start, not the first activity.
    start: async () => void (await agentsSdk()),
  };
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return undefined;
  }
}
