import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient.js';
import type { TwilioConfig } from './config.js';
import { TWILIO_PRODUCTION_API } from './config.js';

/**
 * twilio-node's HTTP client with every https://*.twilio.com request re-pointed at another
 * origin (a local stand-in in tests and demos). twilio-node has no base-URL option; a custom
 * httpClient is its documented extension point, so everything else (auth, form encoding,
 * errors as RestException) stays the SDK's own.
 */
type RequestOptions<T> = RequestClient.RequestOptions<T>;

class RebasedRequestClient extends twilio.RequestClient {
  constructor(private readonly origin: string) {
    super({ timeout: 10_000 });
  }

  override request<TData>(opts: RequestOptions<TData>) {
    const uri = opts.uri.replace(/^https:\/\/[a-z0-9.-]*twilio\.com(?::443)?/i, this.origin);
    return super.request<TData>({ ...opts, uri });
  }
}

export interface SendSmsInput {
  to: string;
  /** An E.164 number, or a Messaging Service SID (MG…). */
  from: string;
  body: string;
  statusCallback?: string;
}

export interface SendSmsResult {
  sid: string;
  status: string;
}

/** A failure from Twilio's REST API, classified for the job queue's retry decision. */
export class TwilioSendError extends Error {
  constructor(
    message: string,
    /** HTTP status, or undefined for a network error. */
    readonly status: number | undefined,
    /** Twilio error code (21610 = recipient unsubscribed, 21211 = invalid number...). */
    readonly code: number | undefined,
    /** 429, 5xx and network errors are worth another try; other 4xx are not. */
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'TwilioSendError';
  }
}

/** Twilio's REST API (Messages now; the voice channel uses `client` for calls) through the twilio package. */
export class TwilioRestClient {
  readonly client: twilio.Twilio;

  constructor(readonly config: Pick<TwilioConfig, 'accountSid' | 'authToken' | 'apiBaseUrl'>) {
    const custom = config.apiBaseUrl.replace(/\/+$/, '') !== TWILIO_PRODUCTION_API;
    this.client = twilio(config.accountSid, config.authToken, {
      ...(custom ? { httpClient: new RebasedRequestClient(config.apiBaseUrl.replace(/\/+$/, '')) } : { timeout: 10_000 }),
      // Retries are the job queue's: one attempt per job run keeps "sent twice" impossible to hide.
      autoRetry: false,
    });
  }

  async sendSms(input: SendSmsInput): Promise<SendSmsResult> {
    const sender = /^MG[0-9a-fA-F]{32}$/.test(input.from) ? { messagingServiceSid: input.from } : { from: input.from };
    try {
      const m = await this.client.messages.create({
        to: input.to,
        ...sender,
        body: input.body,
        ...(input.statusCallback ? { statusCallback: input.statusCallback } : {}),
      });
      return { sid: m.sid, status: m.status };
    } catch (err) {
      throw toSendError(err);
    }
  }
}

export interface SentSms {
  sid: string;
  status: string;
  body: string;
  dateCreated?: Date;
}

/** What to look for at Twilio: a message to `to` from `from` (number or MG… service) sent since `since`. */
export interface FindSmsInput {
  to: string;
  from: string;
  since: Date;
}

/** Lists messages (GET …/Messages.json?To=…&From=…&DateSent>=…), the lookup before a resend. */
export async function listSentSms(client: TwilioRestClient, input: FindSmsInput): Promise<SentSms[]> {
  const service = /^MG[0-9a-fA-F]{32}$/.test(input.from);
  try {
    const list = await client.client.messages.list({
      to: input.to,
      ...(service ? {} : { from: input.from }),
      // Twilio filters on the day: a minute's slack covers clocks a little apart.
      dateSentAfter: new Date(input.since.getTime() - 60_000),
      limit: 200,
    });
    return list
      .filter((m) => !service || m.messagingServiceSid === input.from)
      .map((m) => ({ sid: m.sid, status: m.status, body: m.body, dateCreated: m.dateCreated ?? undefined }));
  } catch (err) {
    throw toSendError(err);
  }
}

function toSendError(err: unknown): TwilioSendError {
  if (err instanceof TwilioSendError) return err;
  const e = err as { status?: unknown; code?: unknown; message?: unknown };
  if (err instanceof twilio.RestException || typeof e.status === 'number') {
    const status = typeof e.status === 'number' ? e.status : undefined;
    const code = typeof e.code === 'number' ? e.code : undefined;
    const retryable = status === undefined || status === 429 || status >= 500;
    return new TwilioSendError(`Twilio ${status ?? ''} ${code ?? ''}: ${String(e.message ?? 'error')}`.replace(/\s+/g, ' '), status, code, retryable);
  }
  // No HTTP answer at all (connection refused, timeout, DNS): try again later.
  return new TwilioSendError(`Twilio unreachable: ${String(e.message ?? err)}`, undefined, undefined, true);
}
