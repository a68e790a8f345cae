/**
 * The Graph API calls the WhatsApp channel makes: send a message (POST {base}/{version}/{phone
 * number id}/messages with a Bearer token) and mark one read with a typing indicator. Plain fetch:
 * two JSON calls do not need an SDK. Graph errors ({error:{message,type,code,error_subcode,
 * error_data,fbtrace_id}}) become DeliveryErrors, retryable by kind:
 * - 130429 (throughput), 131056 (pair rate), 131000 (something went wrong), 131016 (service
 *   unavailable), 1/2 (temporary API errors), 4/80007 (app rate limits), HTTP 429 and 5xx, no answer: retried;
 * - 131026 (undeliverable), 131047 (re-engagement: over 24 hours since the resident wrote; needs a
 *   template), 190 (access token expired or invalid), any other 4xx: not retried.
 */
import { DeliveryError } from '../adapter.js';
import type { MetaConfig } from './config.js';
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

async function call(config: MetaConfig, path: string, body: unknown): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(`${config.graphBaseUrl}/${config.graphVersion}/${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${config.whatsappToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    throw new GraphError(`Graph API unreachable: ${String((err as Error)?.message ?? err)}`, true, undefined);
  }
  const json = (await res.json().catch(() => null)) as unknown;
  if (res.ok) return json;
  const e = (json as GraphErrorBody | null)?.error;
  const code = typeof e?.code === 'number' ? e.code : undefined;
  const subcode = typeof e?.error_subcode === 'number' ? e.error_subcode : undefined;
  const details = typeof e?.error_data?.details === 'string' ? ` (${e.error_data.details})` : '';
  const text = `Graph ${res.status}${code !== undefined ? ` code ${code}` : ''}: ${typeof e?.message === 'string' ? e.message : 'error'}${details}`;
  throw new GraphError(text.slice(0, 500), graphRetryable(code, res.status), res.status, code, subcode, typeof e?.fbtrace_id === 'string' ? e.fbtrace_id : undefined);
}

/** Sends a message; returns its wamid. */
export async function sendWhatsApp(config: MetaConfig, phoneNumberId: string, to: string, message: WhatsAppBody): Promise<string> {
  const { messaging_product, recipient_type, ...rest } = message;
  const answer = (await call(config, `${encodeURIComponent(phoneNumberId)}/messages`, { messaging_product, recipient_type, to, ...rest })) as { messages?: { id?: unknown }[] } | null;
  const id = answer?.messages?.[0]?.id;
  // Accepted, perhaps, but unrecordable: failed rather than risk sending it twice.
  if (typeof id !== 'string' || !id) throw new GraphError('Graph answered 200 without a message id', false, 200);
  return id;
}

/** Marks the resident's message read and shows "typing…" while the turn runs (best effort). */
export async function markReadAndTyping(config: MetaConfig, phoneNumberId: string, messageId: string): Promise<void> {
  await call(config, `${encodeURIComponent(phoneNumberId)}/messages`, { messaging_product: 'whatsapp', status: 'read', message_id: messageId, typing_indicator: { type: 'text' } });
}
