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

// ---------------------------------------------------------------- call recordings (issue 14)

const RECORDING_SID = /^RE[0-9a-fA-F]{32}$/;
const CALL_SID = /^CA[0-9a-fA-F]{32}$/;

/** The recording's audio as Twilio serves it: the status (200, or 206 for a range), its headers and a body to stream. */
export interface RecordingMedia {
  status: number;
  contentType: string;
  contentLength?: string;
  contentRange?: string;
  body: ReadableStream<Uint8Array>;
}

/**
 * GET /2010-04-01/Accounts/{sid}/Recordings/{RecordingSid}.mp3 with the account's Basic auth,
 * passing a Range on (the browser's <audio> seeks with one). Plain fetch, not twilio-node: its
 * client reads whole bodies as text, and the audio is streamed to the agent, never buffered.
 * A redirect to Twilio's storage is followed without the Authorization header (fetch drops it
 * across origins).
 */
export async function fetchRecordingMedia(client: TwilioRestClient, recordingSid: string, range?: string): Promise<RecordingMedia> {
  if (!RECORDING_SID.test(recordingSid)) throw new TwilioSendError(`not a recording sid: ${recordingSid}`, 400, undefined, false);
  const { accountSid, authToken, apiBaseUrl } = client.config;
  const url = `${apiBaseUrl.replace(/\/+$/, '')}/2010-04-01/Accounts/${accountSid}/Recordings/${recordingSid}.mp3`;
  let res: Response;
  try {
    res = await fetch(url, {
      headers: {
        authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`,
        ...(range && /^bytes=\d*-\d*$/.test(range) ? { range } : {}),
      },
      signal: AbortSignal.timeout(15_000),
    });
  } catch (err) {
    throw toSendError(err);
  }
  if (!res.ok || !res.body) {
    let message = res.statusText;
    let code: number | undefined;
    try {
      const j = (await res.json()) as { message?: string; code?: number };
      message = j.message ?? message;
      code = j.code;
    } catch {
      /* not JSON */
    }
    throw new TwilioSendError(`Twilio ${res.status} ${code ?? ''}: ${message}`.replace(/\s+/g, ' '), res.status, code, res.status === 429 || res.status >= 500);
  }
  return {
    status: res.status,
    contentType: res.headers.get('content-type') ?? 'audio/mpeg',
    contentLength: res.headers.get('content-length') ?? undefined,
    contentRange: res.headers.get('content-range') ?? undefined,
    body: res.body,
  };
}

/** DELETE /2010-04-01/Accounts/{sid}/Recordings/{sid}.json; 'gone' when Twilio no longer has it (404 counts as deleted). */
export async function deleteRecording(client: TwilioRestClient, recordingSid: string): Promise<'deleted' | 'gone'> {
  if (!RECORDING_SID.test(recordingSid)) throw new TwilioSendError(`not a recording sid: ${recordingSid}`, 400, undefined, false);
  try {
    await client.client.recordings(recordingSid).remove();
    return 'deleted';
  } catch (err) {
    const e = toSendError(err);
    if (e.status === 404) return 'gone';
    throw e;
  }
}

/**
 * Pauses or resumes the call's current recording: POST …/Calls/{CallSid}/Recordings/Twilio.CURRENT.json
 * with Status=paused (PauseBehavior=skip: the pause is left out, not silence) or Status=in-progress.
 */
export async function setCallRecording(client: TwilioRestClient, callSid: string, status: 'paused' | 'in-progress'): Promise<void> {
  if (!CALL_SID.test(callSid)) throw new TwilioSendError(`not a call sid: ${callSid}`, 400, undefined, false);
  try {
    await client.client
      .calls(callSid)
      .recordings('Twilio.CURRENT')
      .update(status === 'paused' ? { status, pauseBehavior: 'skip' } : { status });
  } catch (err) {
    throw toSendError(err);
  }
}
