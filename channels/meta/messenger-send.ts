/**
 * The Messenger Platform Send API as the Messenger and Instagram channels use it:
 * POST {base}/{version}/me/messages with the Page access token as a Bearer token, body
 * { recipient: { id }, messaging_type, tag?, message } for a message (answer { recipient_id,
 * message_id }) or { recipient: { id }, sender_action } for mark_seen / typing_on. Plain fetch:
 * one JSON call needs no SDK. Graph errors ({error:{message,type,code,error_subcode,fbtrace_id}})
 * become GraphErrors, retryable by kind:
 * - 613 (calls exceeded the rate limit), 4 (application request limit), 17 (user request limit),
 *   32 (Page request limit), 1200 (temporary send message failure), 2 (temporary), 1 (unknown),
 *   HTTP 429 and 5xx, no answer: retried with the outbox's backoff;
 * - 10 (permission: e.g. subcode 2018278, sent outside the allowed window), 551 (this person isn't
 *   available right now), 100 (invalid parameter, e.g. subcode 2018001: no matching user), 190
 *   (access token expired or invalid), 200 (permissions), any other 4xx: not retried.
 * Each call uses the council's own Page token (MESSENGER_PAGE_ACCESS_TOKEN__<COUNCIL>), else the
 * deployment's; each refusal is counted in the metrics by platform and code (metrics.ts).
 */
import { councilTokenVar, MESSENGER_TOKEN_VAR, tokenForCouncil, type MessengerConfig } from './config.js';
import { GraphError } from './graph-client.js';
import { countGraphError } from './metrics.js';
import type { MessagingPlatform, MessengerMessage } from './messenger-render.js';

const RETRYABLE = new Set([1, 2, 4, 17, 32, 613, 1200]);
const PERMANENT = new Set([10, 100, 190, 200, 230, 551]);
const TIMEOUT_MS = 10_000;
/** Graph's subcode for a message sent outside the allowed window (Meta's own check of ours). */
export const OUTSIDE_WINDOW_SUBCODE = 2018278;

export type MessagingType = { messaging_type: 'RESPONSE' } | { messaging_type: 'UPDATE' } | { messaging_type: 'MESSAGE_TAG'; tag: 'HUMAN_AGENT' };
export type SenderAction = 'mark_seen' | 'typing_on' | 'typing_off';

export function sendApiRetryable(code: number | undefined, status: number | undefined): boolean {
  if (code !== undefined && RETRYABLE.has(code)) return true;
  if (code !== undefined && PERMANENT.has(code)) return false;
  return status === undefined || status === 429 || status >= 500;
}

interface GraphErrorBody {
  error?: { message?: unknown; code?: unknown; error_subcode?: unknown; fbtrace_id?: unknown };
}

/** Who a call is for: the council (its token) and the platform (the metrics' channel). */
export interface SendScope {
  tenant: string;
  platform: MessagingPlatform;
}

function counted(scope: SendScope, err: GraphError): GraphError {
  countGraphError(scope.platform, err);
  return err;
}

/** The council's own Page token, else the deployment's; neither: not sent (and not retried). */
export function pageTokenFor(config: MessengerConfig, scope: SendScope): string {
  const token = tokenForCouncil(config, config.pageToken, scope.tenant);
  if (token) return token;
  throw counted(scope, new GraphError(`no Page access token for council "${scope.tenant}": set ${councilTokenVar(MESSENGER_TOKEN_VAR, scope.tenant)} or ${MESSENGER_TOKEN_VAR}`, false, undefined));
}

async function post(config: MessengerConfig, scope: SendScope, body: unknown): Promise<Record<string, unknown> | null> {
  const token = pageTokenFor(config, scope);
  let res: Response;
  try {
    res = await fetch(`${config.graphBaseUrl}/${config.graphVersion}/me/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    throw counted(scope, new GraphError(`Send API unreachable: ${String((err as Error)?.message ?? err)}`, true, undefined));
  }
  const json = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  if (res.ok) return json;
  const e = (json as GraphErrorBody | null)?.error;
  const code = typeof e?.code === 'number' ? e.code : undefined;
  const subcode = typeof e?.error_subcode === 'number' ? e.error_subcode : undefined;
  const text = `Send API ${res.status}${code !== undefined ? ` code ${code}` : ''}${subcode !== undefined ? `/${subcode}` : ''}: ${typeof e?.message === 'string' ? e.message : 'error'}`;
  throw counted(scope, new GraphError(text.slice(0, 500), sendApiRetryable(code, res.status), res.status, code, subcode, typeof e?.fbtrace_id === 'string' ? e.fbtrace_id : undefined));
}

/** Sends a message to a PSID or IGSID for the council; returns its message id (mid). */
export async function sendMessengerMessage(config: MessengerConfig, scope: SendScope, recipientId: string, type: MessagingType, message: MessengerMessage): Promise<string> {
  const answer = await post(config, scope, { recipient: { id: recipientId }, ...type, message });
  const id = answer?.message_id;
  // Accepted, perhaps, but unrecordable: failed rather than risk sending it twice.
  if (typeof id !== 'string' || !id) throw counted(scope, new GraphError('Send API answered 200 without a message_id', false, 200));
  return id;
}

/** "Seen" and "typing…" while a turn runs (best effort: the caller ignores a failure). */
export async function sendSenderAction(config: MessengerConfig, scope: SendScope, recipientId: string, action: SenderAction): Promise<void> {
  await post(config, scope, { recipient: { id: recipientId }, sender_action: action });
}
