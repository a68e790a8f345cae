/**
 * The Graph API calls the WhatsApp channel makes: send a message (POST {base}/{version}/{phone
 * number id}/messages with a Bearer token), mark one read with a typing indicator, and fetch a file
 * a resident sent (GET {base}/{version}/{media id}, then its url, with the token; size-capped).
 * Plain fetch: a few JSON calls do not need an SDK. Graph errors ({error:{message,type,code,error_subcode,
 * error_data,fbtrace_id}}) become DeliveryErrors, retryable by kind:
 * - 130429 (throughput), 131056 (pair rate), 131000 (something went wrong), 131016 (service
 *   unavailable), 1/2 (temporary API errors), 4/80007 (app rate limits), HTTP 429 and 5xx, no answer: retried;
 * - 131026 (undeliverable), 131047 (re-engagement: over 24 hours since the resident wrote; needs a
 *   template), 190 (access token expired or invalid), any other 4xx: not retried.
 * Each call is made with the token of the council the business number belongs to (its own
 * WHATSAPP_ACCESS_TOKEN__<COUNCIL>, else WHATSAPP_ACCESS_TOKEN), and each refusal is counted in
 * the metrics (metrics.ts).
 */
import { DeliveryError } from '../adapter.js';
import { councilTokenVar, tokenForCouncil, WHATSAPP_TOKEN_VAR, type MetaConfig } from './config.js';
import { countGraphError } from './metrics.js';
import type { WhatsAppBody } from './whatsapp-render.js';

const RETRYABLE = new Set([1, 2, 4, 17, 80007, 130429, 131000, 131016, 131056]);
const PERMANENT = new Set([100, 190, 131026, 131047, 131051, 131052, 132000, 132001]);
const TIMEOUT_MS = 10_000;

/** A refused Graph call: its code (the kind of failure), subcode and trace id, for the record. */
export class GraphError extends DeliveryError {
  constructor(
    message: string,
    retryable: boolean,
    status: number | undefined,
    readonly code?: number,
    readonly subcode?: number,
    readonly fbtraceId?: string,
  ) {
    super(message, retryable, status);
    this.name = 'GraphError';
  }
}

export function graphRetryable(code: number | undefined, status: number | undefined): boolean {
  if (code !== undefined && RETRYABLE.has(code)) return true;
  if (code !== undefined && PERMANENT.has(code)) return false;
  return status === undefined || status === 429 || status >= 500;
}

interface GraphErrorBody {
  error?: { message?: unknown; type?: unknown; code?: unknown; error_subcode?: unknown; fbtrace_id?: unknown; error_data?: { details?: unknown } };
}

/**
 * The token for a business number's calls: its council's own, else the deployment's. A council
 * with neither cannot call at all (not retried: nothing changes until someone sets one).
 */
export function whatsappTokenFor(config: MetaConfig, phoneNumberId: string): string {
  const council = config.councilOf?.(phoneNumberId) ?? null;
  const token = tokenForCouncil(config, config.whatsappToken, council);
  if (token) return token;
  throw counted(new GraphError(`no WhatsApp access token for council "${council ?? 'unknown'}" (phone number id ${phoneNumberId}): set ${council ? councilTokenVar(WHATSAPP_TOKEN_VAR, council) : WHATSAPP_TOKEN_VAR} or ${WHATSAPP_TOKEN_VAR}`, false, undefined));
}

/** Every refusal is counted (channel whatsapp, its code, retryable or not) on its way out. */
function counted(err: GraphError): GraphError {
  countGraphError('whatsapp', err);
  return err;
}

async function call(config: MetaConfig, phoneNumberId: string, path: string, body: unknown): Promise<unknown> {
  const token = whatsappTokenFor(config, phoneNumberId);
  let res: Response;
  try {
    res = await fetch(`${config.graphBaseUrl}/${config.graphVersion}/${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    throw counted(new GraphError(`Graph API unreachable: ${String((err as Error)?.message ?? err)}`, true, undefined));
  }
  const json = (await res.json().catch(() => null)) as unknown;
  if (res.ok) return json;
  throw graphErrorOf(res.status, json);
}

/** A refused Graph call's error body as a GraphError, retryable by its code (and counted). */
function graphErrorOf(status: number, json: unknown): GraphError {
  const res = { status };
  const e = (json as GraphErrorBody | null)?.error;
  const code = typeof e?.code === 'number' ? e.code : undefined;
  const subcode = typeof e?.error_subcode === 'number' ? e.error_subcode : undefined;
  const details = typeof e?.error_data?.details === 'string' ? ` (${e.error_data.details})` : '';
  const text = `Graph ${res.status}${code !== undefined ? ` code ${code}` : ''}: ${typeof e?.message === 'string' ? e.message : 'error'}${details}`;
  return counted(new GraphError(text.slice(0, 500), graphRetryable(code, res.status), res.status, code, subcode, typeof e?.fbtrace_id === 'string' ? e.fbtrace_id : undefined));
}

/** Sends a message; returns its wamid. */
export async function sendWhatsApp(config: MetaConfig, phoneNumberId: string, to: string, message: WhatsAppBody): Promise<string> {
  const { messaging_product, recipient_type, ...rest } = message;
  const answer = (await call(config, phoneNumberId, `${encodeURIComponent(phoneNumberId)}/messages`, { messaging_product, recipient_type, to, ...rest })) as { messages?: { id?: unknown }[] } | null;
  const id = answer?.messages?.[0]?.id;
  // Accepted, perhaps, but unrecordable: failed rather than risk sending it twice.
  if (typeof id !== 'string' || !id) throw counted(new GraphError('Graph answered 200 without a message id', false, 200));
  return id;
}

/** Marks the resident's message read and shows "typing…" while the turn runs (best effort). */
export async function markReadAndTyping(config: MetaConfig, phoneNumberId: string, messageId: string): Promise<void> {
  await call(config, phoneNumberId, `${encodeURIComponent(phoneNumberId)}/messages`, { messaging_product: 'whatsapp', status: 'read', message_id: messageId, typing_indicator: { type: 'text' } });
}

/** What the media endpoint says of a file a resident sent (GET {base}/{version}/{media id}). */
export interface GraphMedia {
  url: string;
  mimeType: string;
  fileSize: number | undefined;
  sha256: string | undefined;
}

/**
 * Looks a media id up: {messaging_product, url, mime_type, sha256, file_size, id}. The url lasts
 * about 5 minutes and needs the same token (downloadMedia).
 */
export async function mediaInfo(config: MetaConfig, mediaId: string, phoneNumberId: string): Promise<GraphMedia> {
  const token = whatsappTokenFor(config, phoneNumberId);
  let res: Response;
  try {
    res = await fetch(`${config.graphBaseUrl}/${config.graphVersion}/${encodeURIComponent(mediaId)}?phone_number_id=${encodeURIComponent(phoneNumberId)}`, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    throw counted(new GraphError(`Graph API unreachable: ${String((err as Error)?.message ?? err)}`, true, undefined));
  }
  const json = (await res.json().catch(() => null)) as { url?: unknown; mime_type?: unknown; file_size?: unknown; sha256?: unknown } | null;
  if (!res.ok) throw graphErrorOf(res.status, json);
  if (typeof json?.url !== 'string' || !/^https?:\/\//.test(json.url) || typeof json.mime_type !== 'string') throw counted(new GraphError('Graph media answer without a url or mime_type', false, res.status));
  const size = Number(json.file_size); // a number, or a string of digits
  return { url: json.url, mimeType: json.mime_type, fileSize: Number.isFinite(size) && size >= 0 ? size : undefined, sha256: typeof json.sha256 === 'string' ? json.sha256 : undefined };
}

/** Downloads a media url with the number's token, refusing (without reading on) anything over `maxBytes`. */
export async function downloadMedia(config: MetaConfig, url: string, maxBytes: number, phoneNumberId: string): Promise<{ bytes: Buffer; contentType: string | undefined }> {
  const token = whatsappTokenFor(config, phoneNumberId);
  let res: Response;
  try {
    res = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(60_000) });
  } catch (err) {
    throw counted(new GraphError(`media download failed: ${String((err as Error)?.message ?? err)}`, true, undefined));
  }
  if (!res.ok) throw graphErrorOf(res.status, await res.json().catch(() => null));
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw new MediaTooLarge(declared, maxBytes);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  const reader = res.body?.getReader();
  for (;;) {
    const chunk = reader ? await reader.read() : { done: true as const, value: undefined };
    if (chunk.done) break;
    total += chunk.value.length;
    if (total > maxBytes) {
      await reader?.cancel().catch(() => undefined);
      throw new MediaTooLarge(total, maxBytes);
    }
    chunks.push(Buffer.from(chunk.value));
  }
  return { bytes: Buffer.concat(chunks), contentType: res.headers.get('content-type') ?? undefined };
}

export class MediaTooLarge extends Error {
  constructor(
    readonly size: number,
    readonly max: number,
  ) {
    super(`the file is larger than ${Math.round(max / 1_000_000)} MB`);
  }
}
