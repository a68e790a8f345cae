/**
 * The WhatsApp channel adapter (Meta's WhatsApp Cloud API), mounted at /channels/meta:
 *   GET  /webhook  the subscription handshake: hub.mode=subscribe and hub.verify_token =
 *                  META_VERIFY_TOKEN answer hub.challenge as plain text; anything else 403
 *   POST /webhook  `whatsapp_business_account` deliveries, refused (403) unless X-Hub-Signature-256
 *                  is the HMAC-SHA256 of the raw body with META_APP_SECRET; stored, answered 200,
 *                  then the turns run (whatsapp-inbound.ts). Other objects (page, instagram) are
 *                  handed to the Messenger and Instagram channels (messenger-webhook.ts) when configured.
 * Replies leave through the shared push outbox: rendered (whatsapp-render.ts) and sent from the
 * council's WhatsApp number through the Graph API (graph-client.ts), with the council's own token
 * (WHATSAPP_ACCESS_TOKEN__<COUNCIL>) where it has one; each message Meta accepts is counted.
 */
import type { Router } from 'express';
import type { ChannelAdapter, ChannelDeps, Delivery } from '../adapter.js';
import { DeliveryError } from '../adapter.js';
import { sendProblem } from '../http.js';
import { councilKey as councilKeyOf, councilTokenProblems, councilTokenVar, metaConfigFromEnv, MetaConfigError, tokenForCouncil, WHATSAPP_TOKEN_VAR, type MetaConfig } from './config.js';
import { GraphError, sendWhatsApp } from './graph-client.js';
import { countMessageSent } from './metrics.js';
import { councilForPhoneNumberId, graphRecipientOf, phoneNumberIdsOf } from './phone-ids.js';
import { metaMessagingHandler } from './messenger-channel.js';
import type { MetaObjectHandler } from './messenger-webhook.js';
import { signedByMeta } from './signature.js';
import { metaWebhookRouter, rawOf } from './webhook-router.js';
import { metaWebhookBody, whatsAppEntries } from './webhook-body.js';
import { receiveWhatsApp, WHATSAPP, type WhatsAppDeps } from './whatsapp-inbound.js';
import { renderWhatsApp, type WhatsAppBody } from './whatsapp-render.js';
import { windowedDeliver } from './whatsapp-window.js';


export function whatsappChannel(deps: ChannelDeps): ChannelAdapter | null {
  const configured = metaConfigFromEnv(deps.env);
  if (!configured) {
    deps.log.info({}, 'WhatsApp is not configured (META_APP_SECRET, META_VERIFY_TOKEN, WHATSAPP_ACCESS_TOKEN): its webhook is not mounted');
    return null;
  }
  // Each business number's calls use its council's token: the council is the pack that lists the number.
  const config: MetaConfig = { ...configured, councilOf: (phoneNumberId) => councilForPhoneNumberId(deps, phoneNumberId) };
  const problems = councilTokenProblems(WHATSAPP_TOKEN_VAR, config.councilTokens, deps.tenantIds());
  if (problems.length) throw new MetaConfigError(problems);
  for (const tenant of deps.tenantIds()) {
    if (phoneNumberIdsOf(deps, tenant).length && !tokenForCouncil(config, config.whatsappToken, tenant)) {
      deps.log.warn({ tenant }, `WhatsApp: council "${tenant}" lists phone number ids but has no token (${councilTokenVar(WHATSAPP_TOKEN_VAR, tenant)} or ${WHATSAPP_TOKEN_VAR}): its messages will fail`);
    }
  }
  deps.log.warn(
    { graph: config.graphBaseUrl, version: config.graphVersion, councilTokens: Object.keys(config.councilTokens) },
    'WhatsApp is configured (format checked); the access token is untested until the first send: watch the log for "WhatsApp access token"',
  );
  const wa: WhatsAppDeps = { ...deps, config };

  async function deliver(d: Delivery): Promise<{ providerMessageId: string }> {
    const phoneNumberId = phoneNumberIdsOf(deps, d.tenant)[0];
    if (!phoneNumberId) throw new DeliveryError(`no WhatsApp phone number id is listed for council "${d.tenant}" (channels.whatsappPhoneNumberIds)`, false);
    try {
      const providerMessageId = await sendWhatsApp(config, phoneNumberId, graphRecipientOf(d.to), d.payload as WhatsAppBody);
      countMessageSent(WHATSAPP);
      return { providerMessageId };
    } catch (err) {
      if (err instanceof GraphError && err.code === 190) {
        // Every send fails until someone renews it: an alert for council IT, not a resident's problem.
        const which = config.councilTokens[councilKeyOf(d.tenant)] ? councilTokenVar(WHATSAPP_TOKEN_VAR, d.tenant) : WHATSAPP_TOKEN_VAR;
        deps.log.error({ tenant: d.tenant, fbtraceId: err.fbtraceId }, `WhatsApp access token expired or invalid (Graph code 190): renew ${which}`);
      }
      throw err;
    }
  }

  return {
    name: WHATSAPP,
    mountPath: '/channels/meta',
    capabilities: { buttons: true, cards: true, maxLength: 4096 },
    routes: () => metaRoutes(wa, () => metaMessagingHandler(deps)),
    verify: (req) => signedByMeta(config.appSecret, rawOf(req), req.get('x-hub-signature-256')),
    render: (message) => renderWhatsApp(message).body,
    // STOP and the 24-hour window (a template outside it) before each send: whatsapp-window.ts.
    deliver: windowedDeliver(deps, deliver),
  };
}

export function metaRoutes(deps: WhatsAppDeps & { config: MetaConfig }, otherObjects?: () => MetaObjectHandler | null): Router {
  return metaWebhookRouter(deps.config, async (json, res) => {
    const envelope = metaWebhookBody.safeParse(json);
    if (!envelope.success) return sendProblem(res, 400, 'Invalid Meta webhook', issues(envelope.error.issues));
    if (envelope.data.object !== 'whatsapp_business_account') {
      const other = otherObjects?.();
      if (other?.handles(envelope.data.object)) return other.receive({ object: envelope.data.object, entry: (json as { entry: unknown }).entry }, res);
      deps.log.warn({ object: envelope.data.object }, 'Meta webhook for an object this server does not handle yet: acknowledged, not processed');
      return void res.status(200).type('text/plain').send('EVENT_RECEIVED');
    }
    const entries = whatsAppEntries.safeParse(envelope.data.entry);
    if (!entries.success) return sendProblem(res, 400, 'Invalid WhatsApp webhook', issues(entries.error.issues, 'entry'));
    // Stored before Meta hears back (a failure here is a 500: Meta delivers it again).
    const outcome = await receiveWhatsApp(deps, entries.data);
    res.status(200).type('text/plain').send('EVENT_RECEIVED');
    void outcome.after().catch((err: unknown) => deps.log.error({ err }, 'WhatsApp turns failed after the webhook was answered'));
  });
}

function issues(list: { path: PropertyKey[]; message: string }[], prefix?: string): string {
  return list
    .slice(0, 5)
    .map((i) => `${[prefix, ...i.path.map(String)].filter((p) => p !== undefined).join('.')}: ${i.message}`)
    .join('; ');
}
