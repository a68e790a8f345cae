/**
 * The e-mail channel adapter. In: an SMTP listener on SMTP_INBOUND_PORT (smtp-listener.ts) and/or
 * the signed inbound-mail webhook at /channels/email/inbound (webhook.ts), both handing the raw
 * mail to inbound.ts. Out: the shared push outbox (retries, a stale claim redelivered, nothing
 * queued twice) calls `deliver`, which renders the reply as a letter (render.ts, with the council's
 * signature) and sends it through SMTP_URL with the thread's headers (send.ts).
 * Configuration is checked when the channel is built (config.ts): a bad value stops the start.
 */
import type { ChannelAdapter, ChannelDeps, Delivery } from '../adapter.js';
import { councilAddressProblems, councilForAddress, emailConfigFromEnv, EmailConfigError, emailSettingsOf } from './config.js';
import { EMAIL, receiveMail, type IncomingMail } from './inbound.js';
import { renderEmail } from './render.js';
import { createTransport, sendEmail } from './send.js';
import { SmtpListener } from './smtp-listener.js';
import { emailWebhookRouter } from './webhook.js';

export function emailChannel(deps: ChannelDeps): ChannelAdapter | null {
  const config = emailConfigFromEnv(deps.env);
  if (!config) {
    deps.log.info({}, 'E-mail is not configured (SMTP_INBOUND_PORT or EMAIL_WEBHOOK_SECRET, and SMTP_URL): no e-mail channel');
    return null;
  }
  const problems = councilAddressProblems(deps);
  if (problems.length) throw new EmailConfigError(problems);
  const transport = createTransport(config);
  const settings = (tenant: string) => emailSettingsOf(deps, tenant);
  const councilOf = (address: string) => councilForAddress(deps, address);
  const receive = (mail: IncomingMail) => receiveMail(deps, mail);
  const listener = config.inboundPort ? new SmtpListener({ config, councilOf, receive, log: deps.log }) : null;
  const referencePrefix = (tenant: string) => {
    try {
      return deps.assistant.runtime(tenant).pack.settings.caseReferencePrefix;
    } catch {
      return undefined;
    }
  };
  const webhookSecret = config.webhookSecret;

  return {
    name: EMAIL,
    mountPath: '/channels/email',
    // Like a letter: suggestions become a numbered list; links and cards are written out.
    capabilities: { buttons: false, cards: true },
    ...(webhookSecret ? { routes: () => emailWebhookRouter({ secret: webhookSecret, maxBytes: config.maxBytes, clock: deps.clock, councilOf, receive, log: deps.log }) } : {}),
    // Rendered when it is sent: the signature is the council's.
    deliver: (d: Delivery) => sendEmail({ db: deps.db, transport, settings, referencePrefix }, { ...d, payload: renderEmail(d.message, settings(d.tenant)?.signature) }),
    async start() {
      await listener?.start();
    },
    async stop() {
      await listener?.stop();
      transport.close();
    },
  };
}
