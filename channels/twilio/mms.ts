/**
 * Pictures and files sent by MMS. Twilio's Messaging webhook names them (NumMedia, MediaUrl0…,
 * MediaContentType0…); each URL is a Media resource of the account's REST API, fetched with the
 * account's Basic auth (AccountSid:AuthToken: "HTTP Basic Authentication for media" may be on) and
 * followed to where Twilio keeps the bytes (the credentials are not sent on to another origin).
 * Only URLs on the configured REST API's origin are fetched: the credentials never go elsewhere.
 * Each file then goes through the same checks, metadata stripping and storage as the widget's and
 * WhatsApp's (files/ keepFile); a refused one is recorded with why, and the resident told.
 */
import { randomUUID } from 'node:crypto';
import type { Attachment } from '../../bot/index.js';
import { baseType, consoleFileUrl, FILE_MAX_BYTES, FileRefused, FileStorageError, keepFile, kindSentAs, refuseFile, tooLarge, type KeepOutcome } from '../../files/index.js';
import type { Db } from '../../store/index.js';
import type { TwilioConfig } from './config.js';

/** Twilio sends at most 10 media per message. */
const MAX_MEDIA = 10;
const TRIES = 3;
const RETRY_MS = 400;

export interface MmsFile {
  /** Our id for it, named by the message's attachment before it is fetched. */
  id: string;
  url: string;
  declaredType: string;
  /** The Media resource's SID (ME…), from its URL. */
  mediaSid: string | null;
  attachment: Attachment;
}

type Params = Record<string, string | string[] | undefined>;
const param = (body: Params, name: string) => {
  const v = body[name];
  return (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
};

/** The files an inbound message announces, each with a new id and the console link that will show it. */
export function mmsFiles(body: Params): MmsFile[] {
  const n = Math.min(Number(param(body, 'NumMedia') ?? 0) || 0, MAX_MEDIA);
  const files: MmsFile[] = [];
  for (let i = 0; i < n; i++) {
    const url = param(body, `MediaUrl${i}`);
    if (!url) continue;
    const declaredType = baseType(param(body, `MediaContentType${i}`)) || 'application/octet-stream';
    const id = randomUUID();
    files.push({ id, url, declaredType, mediaSid: /\/Media\/(ME[0-9a-fA-F]{32})\/?$/.exec(url)?.[1] ?? null, attachment: { url: consoleFileUrl(id), contentType: declaredType } });
  }
  return files;
}

class NotFetched extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The bytes of one Media resource; refuses more than the limit without reading on. */
export async function fetchTwilioMedia(config: Pick<TwilioConfig, 'accountSid' | 'authToken' | 'apiBaseUrl'>, url: string): Promise<Buffer> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new NotFetched('not a URL', false);
  }
  if (target.origin !== new URL(config.apiBaseUrl).origin) throw new NotFetched(`not on Twilio's API (${target.origin})`, false);
  const auth = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64')}`;
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(target, { headers: { authorization: auth }, redirect: 'follow', signal: AbortSignal.timeout(15_000) });
      if (!res.ok) {
        await res.arrayBuffer().catch(() => undefined);
        throw new NotFetched(`Twilio answered ${res.status}`, res.status >= 500 || res.status === 429);
      }
      const length = Number(res.headers.get('content-length'));
      if (Number.isFinite(length) && length > FILE_MAX_BYTES) {
        await res.body?.cancel();
        throw tooLarge();
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        size += chunk.length;
        if (size > FILE_MAX_BYTES) throw tooLarge();
        chunks.push(Buffer.from(chunk));
      }
      return Buffer.concat(chunks);
    } catch (err) {
      const retryable = err instanceof NotFetched ? err.retryable : !(err instanceof FileRefused);
      if (retryable && attempt < TRIES) {
        await sleep(RETRY_MS * attempt);
        continue;
      }
      throw err;
    }
  }
}

/**
 * Fetches, checks and keeps each file of a message (in order). A file that cannot be fetched or
 * stored is recorded refused with why, so the resident can be told and an agent sees it.
 */
export async function keepMmsFiles(
  deps: { db: Db; log: { warn: (o: object, m: string) => void } },
  config: Pick<TwilioConfig, 'accountSid' | 'authToken' | 'apiBaseUrl'> | null,
  where: { tenant: string; conversationId: string; messageId: string | null },
  files: MmsFile[],
): Promise<(KeepOutcome & { tryAgain: boolean })[]> {
  const outcomes: (KeepOutcome & { tryAgain: boolean })[] = [];
  for (const f of files) {
    const base = { tenantId: where.tenant, conversationId: where.conversationId, messageId: where.messageId, channel: 'sms', id: f.id, providerMediaId: f.mediaSid, declaredType: f.declaredType };
    try {
      if (!config) throw new NotFetched('Twilio is not configured', false);
      const bytes = await fetchTwilioMedia(config, f.url);
      outcomes.push({ ...(await keepFile(deps.db, { tenant: where.tenant, conversationId: where.conversationId, messageId: where.messageId, channel: 'sms', id: f.id, providerMediaId: f.mediaSid, declaredType: f.declaredType, bytes })), tryAgain: false });
    } catch (err) {
      if (err instanceof FileRefused) {
        outcomes.push({ ...(await refuseFile(deps.db, { ...base, reason: err.reason, httpStatus: err.status })), tryAgain: false });
        continue;
      }
      const stored = err instanceof FileStorageError;
      const reason = stored ? 'we could not store it just now' : 'we could not fetch it from the phone network';
      deps.log.warn({ tenant: where.tenant, mediaSid: f.mediaSid, err: String(err) }, `MMS ${kindSentAs(f.declaredType)} not kept: ${reason}`);
      outcomes.push({ ...(await refuseFile(deps.db, { ...base, reason })), tryAgain: true });
    }
  }
  return outcomes;
}
