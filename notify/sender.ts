import notifyClientPackage from 'notifications-node-client';
import type { NotifyConfig } from './config.js';

const { NotifyClient } = notifyClientPackage;

/** One referral to one on-call person; `personalisation` fills the Notify template's ((placeholders)). */
export interface ReferralMessage {
  channel: 'sms' | 'email';
  destination: string;
  personalisation: Record<string, string>;
  /** Our id for the notification (Notify stores it; it shows in Notify's own logs and searches). */
  reference: string;
}

export type SendResult = { sent: true; providerId: string } | { sent: false; reason: 'no_provider' };

export interface ReferralSender {
  readonly kind: 'notify' | 'log-only';
  send(message: ReferralMessage): Promise<SendResult>;
}

/** Minimal logger (pino's shape) so tests can pass their own. */
export interface SenderLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/**
 * A failed send. `retryable`: no answer, a timeout, 429 or 5xx. A 400 (bad number, missing
 * personalisation, unknown template) or 403 (bad key, clock skew) will fail the same way again.
 */
export class NotifySendError extends Error {
  constructor(
    readonly status: number | null,
    readonly retryable: boolean,
    readonly errors: { error: string; message: string }[],
  ) {
    super(
      status === null
        ? `GOV.UK Notify did not answer: ${errors.map((e) => e.message).join('; ')}`
        : `GOV.UK Notify answered ${status}: ${errors.map((e) => `${e.error}: ${e.message}`).join('; ') || 'no details'}`,
    );
    this.name = 'NotifySendError';
  }
}

/**
 * Turns what the client throws (an axios error) into a NotifySendError. Only status and Notify's
 * `errors` are kept: the axios error also holds the request, with its bearer token.
 */
export function toNotifySendError(err: unknown): NotifySendError {
  if (err instanceof NotifySendError) return err;
  const e = err as { response?: { status?: number; data?: unknown }; code?: string; message?: string };
  const status = e?.response?.status;
  if (typeof status === 'number') {
    const data = e.response?.data as { errors?: { error?: unknown; message?: unknown }[] } | undefined;
    const errors = Array.isArray(data?.errors)
      ? data!.errors.map((x) => ({ error: String(x?.error ?? 'Error'), message: String(x?.message ?? '') }))
      : [];
    return new NotifySendError(status, status === 429 || status >= 500, errors);
  }
  return new NotifySendError(null, true, [{ error: e?.code ?? 'NetworkError', message: e?.code ?? e?.message ?? String(err) }]);
}

export interface NotifySenderOptions {
  /** Per request; the client has none of its own. */
  timeoutMs?: number;
}

/** Sends through GOV.UK Notify with the official client (`notifications-node-client`). */
export class NotifySender implements ReferralSender {
  readonly kind = 'notify' as const;
  private readonly client: InstanceType<typeof NotifyClient>;

  constructor(
    private readonly config: NotifyConfig & { apiKey: string },
    options: NotifySenderOptions = {},
  ) {
    // Two arguments (base URL, key): the client slices service id and secret off the key itself.
    this.client = new NotifyClient(config.baseUrl, config.apiKey);
    const timeout = options.timeoutMs ?? 15_000;
    // The client calls axios with no timeout; wrap its request function so a hung connection fails and is retried.
    const api = (this.client as unknown as { apiClient?: { restClient?: unknown } }).apiClient;
    const request = api?.restClient;
    if (typeof request === 'function') {
      const withTimeout = (opts: Record<string, unknown>) => (request as (o: Record<string, unknown>) => unknown)({ timeout, ...opts });
      this.client.setClient(withTimeout as unknown as Parameters<typeof this.client.setClient>[0]);
    }
  }

  async send(message: ReferralMessage): Promise<SendResult> {
    const templateId = message.channel === 'sms' ? this.config.smsTemplateId : this.config.emailTemplateId;
    if (!templateId) {
      const variable = message.channel === 'sms' ? 'NOTIFY_SMS_TEMPLATE_ID' : 'NOTIFY_EMAIL_TEMPLATE_ID';
      throw new NotifySendError(null, false, [{ error: 'ConfigError', message: `${variable} is not set, so ${message.channel} referrals cannot be sent` }]);
    }
    const options = { personalisation: message.personalisation, reference: message.reference };
    try {
      const res =
        message.channel === 'sms'
          ? await this.client.sendSms(templateId, message.destination, options)
          : await this.client.sendEmail(templateId, message.destination, options);
      return { sent: true, providerId: String(res.data.id) };
    } catch (err) {
      throw toNotifySendError(err);
    }
  }
}

/**
 * Without a Notify key nothing leaves the building: this records what would have been sent and
 * says so in the log, and the caller marks the referral `not_sent_no_provider` — never "sent".
 */
export class LogOnlySender implements ReferralSender {
  readonly kind = 'log-only' as const;
  /** What would have been sent (newest last); tests and a local demo read it. */
  readonly outbox: ReferralMessage[] = [];

  constructor(private readonly log?: SenderLog) {}

  async send(message: ReferralMessage): Promise<SendResult> {
    this.outbox.push(message);
    if (this.outbox.length > 100) this.outbox.shift();
    // Destination and content are personal data: the reference is enough to find the referral.
    this.log?.warn(
      { reference: message.reference, channel: message.channel, template: Object.keys(message.personalisation) },
      'log-only sender: would have sent this referral, but GOV.UK Notify is not configured (NOTIFY_API_KEY): nothing was sent',
    );
    return { sent: false, reason: 'no_provider' };
  }
}

/** Notify when a key is configured, otherwise log-only (with a warning at start). */
export function createReferralSender(config: NotifyConfig, log?: SenderLog, options?: NotifySenderOptions): ReferralSender {
  if (config.apiKey) {
    // The key's format was checked (loadNotifyConfig); whether Notify accepts it is known only at the first send.
    log?.warn(
      { baseUrl: config.baseUrl, sms: Boolean(config.smsTemplateId), email: Boolean(config.emailTemplateId) },
      'duty referrals send through GOV.UK Notify (key format checked); the key and templates are untested until the first send: watch for "duty referral send failed" or "duty referral FAILED"',
    );
    return new NotifySender({ ...config, apiKey: config.apiKey }, options);
  }
  log?.warn({}, 'NOTIFY_API_KEY is not set: out-of-hours duty referrals will be recorded but NOT sent');
  return new LogOnlySender(log);
}
