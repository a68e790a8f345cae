import type { Logger } from 'pino';
import type { Assistant } from '../../bot/index.js';
import type { OutboundMessage } from '../../bot/index.js';
import type { JobQueue } from '../../jobs/index.js';
import {
  claimOutbound,
  conversationAddress,
  earlierUnsent,
  laterRepliesParts,
  outboundMessage,
  unattemptedOutboundIds,
  fromJson,
  latestOutbound,
  OUTBOX_SENDABLE,
  partsOf,
  reclaimStale,
  recordedProviderIds,
  setOutboundStatus,
  settleOutbound,
  staleClaims,
  unsentOutbound,
  type Db,
  type MessageRow,
  type OutboxRow,
} from '../../store/index.js';
import { twilioConfigFromEnv, type TwilioConfig } from './config.js';
import { isSmsOptedOut, setSmsOptOut } from './opt-out.js';
import { listSentSms, TwilioRestClient, TwilioSendError } from './rest-client.js';
import { renderSms, type SmsRendering } from './sms-render.js';

export const SMS_SEND_JOB = 'sms.send';

/** Outbound statuses that still wait to be sent ('fault' is the pipeline's apology after a failed turn). */
export const SENDABLE = OUTBOX_SENDABLE;
const SENDABLE_SET = new Set<string>(SENDABLE);

export interface SmsChannelDeps {
  db: Db;
  assistant: Pick<Assistant, 'runtime' | 'receive'>;
  jobs: JobQueue;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** Council used when the `To` number is not in any council's `channels.twilioNumbers`. */
  defaultTenant: string;
  /** Every council served, to find the one owning a `To` number. */
  tenantIds: () => Iterable<string>;
  /** PUBLIC_URL: the origin Twilio calls (signatures are computed against it). Default: process.env.PUBLIC_URL. */
  publicUrl?: () => string | undefined;
  /** Default: twilioConfigFromEnv(process.env), read at each use. */
  twilioConfig?: () => TwilioConfig | null;
  clock?: () => Date;
  /** Attempts in all and the base of the exponential backoff (default 5 and TWILIO_SMS_RETRY_BASE_MS or 2000 ms). */
  retry?: { attempts?: number; backoffMs?: number };
}

export interface SmsSendJob {
  tenant: string;
  messageId: string;
}

/** What the SMS channel records about a send, kept in the outbound message's parts under `sms`. */
export interface SmsSendRecord {
  body?: string;
  options?: SmsRendering['options'];
  segments?: number;
  encoding?: SmsRendering['encoding'];
  attempts?: number;
  sid?: string;
  errorCode?: number | string;
  error?: string;
  /** How a send left unrecorded by a dead process was settled: found at Twilio, or sent again. */
  recovered?: 'found' | 'resent';
}

type PartsWithSms = OutboundMessage & { sms?: SmsSendRecord };

export function configOf(deps: SmsChannelDeps): TwilioConfig | null {
  return (deps.twilioConfig ?? (() => twilioConfigFromEnv(process.env)))();
}

function retryOf(deps: SmsChannelDeps): { attempts: number; backoffMs: number } {
  const envBase = Number(process.env.TWILIO_SMS_RETRY_BASE_MS);
  return {
    attempts: deps.retry?.attempts ?? 5,
    backoffMs: deps.retry?.backoffMs ?? (Number.isFinite(envBase) && envBase > 0 ? envBase : 2000),
  };
}

const clients = new Map<string, TwilioRestClient>();
function clientFor(config: TwilioConfig): TwilioRestClient {
  const key = `${config.accountSid}|${config.apiBaseUrl}|${config.authToken}`;
  let client = clients.get(key);
  if (!client) {
    client = new TwilioRestClient(config);
    clients.set(key, client);
  }
  return client;
}

function smsPartsOf(row: MessageRow): PartsWithSms {
  return partsOf<PartsWithSms>(row) ?? { text: row.text };
}

function withSmsParts(row: MessageRow, patch: SmsSendRecord): PartsWithSms {
  const parts = smsPartsOf(row);
  return { ...parts, sms: { ...(parts.sms ?? {}), ...patch } };
}

/**
 * Sends the conversation's stored, unsent outbound messages (bot, agent and system alike) as SMS
 * through the job queue; one job per message with the message id as job id, so dispatching
 * twice sends nothing twice. Conversations on other channels are left alone.
 */
export function createSmsDispatcher(deps: SmsChannelDeps): (tenant: string, conversationId: string) => Promise<void> {
  const { attempts, backoffMs } = retryOf(deps);
  return async (tenant, conversationId) => {
    try {
      const conversation = await conversationAddress(deps.db, tenant, conversationId);
      if (conversation?.channel !== 'sms') return;
      for (const id of await unattemptedOutboundIds(deps.db, tenant, conversationId)) {
        await deps.jobs.add<SmsSendJob>(SMS_SEND_JOB, { tenant, messageId: id }, { jobId: `sms-${id}`, attempts, backoffMs });
      }
    } catch (err) {
      deps.log.error({ err, tenant, conversationId }, 'could not queue SMS replies');
    }
  };
}

/** Registers the `sms.send` job handler; call once at start, in every process that runs jobs. */
export function registerSmsJobs(jobs: JobQueue, deps: Omit<SmsChannelDeps, 'jobs'> & { jobs?: JobQueue }): void {
  const full: SmsChannelDeps = { ...deps, jobs: deps.jobs ?? jobs };
  jobs.register<SmsSendJob>(SMS_SEND_JOB, (job) => sendInOrder(full, job));
}


const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Sends one message, after any earlier unsent messages of its conversation, so a reply's parts
 * reach Twilio in order even though each has its own job. Throws only to ask for a retry.
 */
async function sendInOrder(deps: SmsChannelDeps, job: SmsSendJob): Promise<void> {
  const row = await outboundMessage(deps.db, job.tenant, job.messageId);
  if (!row || row.direction !== 'out' || !SENDABLE_SET.has(row.status)) return;
  for (const e of await earlierUnsent(deps.db, row)) {
    // A retry waits for its own job's backoff; one being sent is another worker's.
    if (e.status === 'dispatching' || e.status === 'send_retry') continue;
    // Its own job retries it if this attempt fails.
    await sendOne(deps, e).catch(() => undefined);
  }
  // An earlier message another job is sending right now: give it a moment to go first.
  for (let waited = 0; waited < 3000; waited += 100) {
    if (!(await earlierUnsent(deps.db, row)).some((e) => e.status === 'dispatching')) break;
    await sleep(100);
  }
  const current = await outboundMessage(deps.db, job.tenant, job.messageId);
  if (current) await sendOne(deps, current);
}

/** Renders and sends one stored message; records the SID and status, or why it was not sent. */
export async function sendOne(deps: SmsChannelDeps, row: MessageRow): Promise<void> {
  if (!SENDABLE_SET.has(row.status)) return;
  const tenant = row.tenant_id;
  const to = await smsRecipient(deps, row);
  if (!to) return;

  if (await isSmsOptedOut(deps.db, tenant, to)) {
    await setOutboundStatus(deps.db, tenant, row.id, 'suppressed_opt_out', smsPartsOf(row), SENDABLE);
    return;
  }
  const config = configOf(deps);
  if (!config) {
    deps.log.warn({ tenant, messageId: row.id }, 'SMS not sent: Twilio is not configured (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM)');
    await setOutboundStatus(deps.db, tenant, row.id, 'failed', withSmsParts(row, { error: 'Twilio is not configured' }), SENDABLE);
    return;
  }

  const rendering = await render(deps, row);
  const attempt = (smsPartsOf(row).sms?.attempts ?? 0) + 1;
  // Claim: only one worker moves it to 'dispatching' (with the claim time); a repeat job finds it claimed and stops.
  const claimed = await claimOutbound(
    deps.db,
    tenant,
    row.id,
    withSmsParts(row, { body: rendering.body, options: rendering.options, segments: rendering.segments, encoding: rendering.encoding, attempts: attempt }),
  );
  if (!claimed) return;
  await deliverClaimed(deps, config, claimed, to, rendering.body, attempt);
}

/** The resident's number for a message of an SMS conversation (undefined: not an SMS conversation). */
async function smsRecipient(deps: SmsChannelDeps, row: MessageRow): Promise<string | undefined> {
  const conversation = await conversationAddress(deps.db, row.tenant_id, row.conversation_id);
  return conversation?.channel === 'sms' ? conversation.channel_user_id : undefined;
}

/** Sends a message this worker has claimed and settles it: sent (with its SID, in one statement), retry, or failed. */
async function deliverClaimed(deps: SmsChannelDeps, config: TwilioConfig, claimed: OutboxRow, to: string, body: string, attempt: number, recovered?: 'resent'): Promise<void> {
  const { attempts: maxAttempts } = retryOf(deps);
  const tenant = claimed.tenant_id;
  const statusCallback = config.statusCallbackUrl
    ? `${config.statusCallbackUrl}${config.statusCallbackUrl.includes('?') ? '&' : '?'}tenant=${encodeURIComponent(tenant)}`
    : undefined;
  try {
    const result = await clientFor(config).sendSms({ to, from: config.from, body, statusCallback });
    await settleOutbound(deps.db, tenant, claimed.id, {
      status: normaliseStatus(result.status),
      providerMessageId: result.sid,
      parts: withSmsParts(claimed, { sid: result.sid, attempts: attempt, ...(recovered ? { recovered } : {}) }),
    });
    deps.log.info({ tenant, messageId: claimed.id, sid: result.sid }, 'SMS sent');
  } catch (err) {
    const e = err instanceof TwilioSendError ? err : new TwilioSendError(String(err), undefined, undefined, true);
    if (e.code === 21610) {
      // Twilio says the number texted STOP (perhaps before we saw it): remember, and stop trying.
      await setSmsOptOut(deps.db, tenant, to, true, deps.clock?.() ?? new Date());
      await settleOutbound(deps.db, tenant, claimed.id, { status: 'suppressed_opt_out', parts: withSmsParts(claimed, { errorCode: e.code, error: e.message }) });
      return;
    }
    if (e.retryable && attempt < maxAttempts) {
      await settleOutbound(deps.db, tenant, claimed.id, { status: 'send_retry', parts: withSmsParts(claimed, { attempts: attempt, errorCode: e.code ?? e.status, error: e.message }) });
      throw e;
    }
    await settleOutbound(deps.db, tenant, claimed.id, { status: 'failed', parts: withSmsParts(claimed, { attempts: attempt, errorCode: e.code ?? e.status, error: e.message }) });
    deps.log.error({ tenant, messageId: claimed.id, status: e.status, code: e.code, attempts: attempt }, 'SMS could not be sent');
  }
}

/** How long a claim may stay 'dispatching' before it is re-examined (TWILIO_SMS_CLAIM_TIMEOUT_MS, default 60 s; a send times out after 10 s). */
export function claimTimeoutMs(): number {
  const env = Number(process.env.TWILIO_SMS_CLAIM_TIMEOUT_MS);
  return Number.isFinite(env) && env > 0 ? env : 60_000;
}

/**
 * A message left 'dispatching' by a process that died between claim and record: was it sent?
 * The SID, if recorded, says yes; otherwise Twilio is asked (messages to this number from ours
 * since the claim, with this body, whose SID no other message holds). Found: recorded, not sent
 * again. Not found: sent now. The lookup failing leaves the claim for the next sweep: a resend is
 * only ever made after Twilio said it does not have the message.
 */
export async function recoverStaleClaim(deps: SmsChannelDeps, stale: OutboxRow): Promise<'found' | 'resent' | 'recorded' | 'skipped'> {
  const mine = await reclaimStale(deps.db, stale, claimTimeoutMs());
  if (!mine) return 'skipped'; // another sweeper took it
  const tenant = mine.tenant_id;
  const parts = smsPartsOf(mine);
  if (mine.provider_message_id) {
    await settleOutbound(deps.db, tenant, mine.id, { status: 'queued', parts });
    return 'recorded';
  }
  const config = configOf(deps);
  const to = await smsRecipient(deps, mine);
  if (!to) return 'skipped';
  if (!config) {
    await settleOutbound(deps.db, tenant, mine.id, { status: 'failed', parts: withSmsParts(mine, { error: 'Twilio is not configured' }) });
    return 'skipped';
  }
  const body = parts.sms?.body ?? (await render(deps, mine)).body;
  // Since the message was stored: an earlier attempt whose answer was lost may be the one Twilio has.
  const since = mine.created_at;
  const candidates = (await listSentSms(clientFor(config), { to, from: config.from, since })).filter(
    (m) => m.body === body && (!m.dateCreated || m.dateCreated.getTime() >= since.getTime() - 60_000),
  );
  const taken = await recordedProviderIds(deps.db, tenant, 'sms', candidates.map((c) => c.sid));
  const found = candidates.find((c) => !taken.has(c.sid));
  if (found) {
    await settleOutbound(deps.db, tenant, mine.id, {
      status: normaliseStatus(found.status),
      providerMessageId: found.sid,
      parts: withSmsParts(mine, { sid: found.sid, recovered: 'found' }),
    });
    deps.log.info({ tenant, messageId: mine.id, sid: found.sid }, 'SMS left dispatching was found at Twilio: recorded, not resent');
    return 'found';
  }
  const attempt = (parts.sms?.attempts ?? 0) + 1;
  await deliverClaimed(deps, config, mine, to, body, attempt, 'resent').catch(() => undefined); // a retry status is left for the sweep
  deps.log.info({ tenant, messageId: mine.id }, 'SMS left dispatching was not at Twilio: sent');
  return 'resent';
}

export const SMS_SWEEP_GRACE_MS = 5_000;

/**
 * The SMS outbox sweep (run by the recovery job, once across processes): stale claims are
 * re-examined, and every message still waiting to be sent (never queued because the process
 * stopped, produced by recovery, or whose retry job was lost) gets a send job.
 */
export async function sweepSmsOutbox(deps: SmsChannelDeps, tenants: string[]): Promise<{ stale: number; queued: number }> {
  const { attempts, backoffMs } = retryOf(deps);
  const stale = await staleClaims(deps.db, { tenants, channel: 'sms', olderThanMs: claimTimeoutMs(), limit: 100 });
  for (const row of stale) {
    try {
      await recoverStaleClaim(deps, row);
    } catch (err) {
      deps.log.warn({ err: String(err), tenant: row.tenant_id, messageId: row.id }, 'could not settle an SMS left dispatching; will look again');
    }
  }
  // A retry waits for its own job's backoff (at most ~30 s with the defaults) before the sweep steps in.
  const unsent = await unsentOutbound(deps.db, { tenants, channel: 'sms', graceMs: SMS_SWEEP_GRACE_MS, retryAfterMs: Math.max(60_000, backoffMs * 2 ** attempts), limit: 500 });
  for (const m of unsent) {
    const generation = smsPartsOf(m).sms?.attempts ?? 0;
    await deps.jobs.add<SmsSendJob>(SMS_SEND_JOB, { tenant: m.tenant_id, messageId: m.id }, { jobId: `sms-${m.id}-sweep${generation}`, attempts, backoffMs });
  }
  return { stale: stale.length, queued: unsent.length };
}

/** Twilio's answer to a create is `queued` or `accepted` (Messaging Services); keep those words. */
function normaliseStatus(status: string): string {
  return status && /^[a-z_]+$/.test(status) ? status : 'queued';
}

/** Only the last message of a reply numbers its suggestions, so "2" always means one thing. */
async function render(deps: SmsChannelDeps, row: MessageRow): Promise<SmsRendering> {
  const parts = smsPartsOf(row);
  let numbered = true;
  if (row.reply_to) {
    const later = await laterRepliesParts(deps.db, row);
    numbered = !later.some((l) => (fromJson<OutboundMessage | null>(l)?.suggestions?.length ?? 0) > 0);
  }
  let fallbackUrl: string | undefined;
  try {
    fallbackUrl = deps.assistant.runtime(row.tenant_id).pack.settings.siteUrl;
  } catch {
    fallbackUrl = undefined;
  }
  return renderSms(parts, { numbered, fallbackUrl });
}

/** The numbered options of the conversation's latest outbound message, for reading a reply of "2". */
export async function lastNumberedOptions(deps: SmsChannelDeps, tenant: string, conversationId: string): Promise<SmsRendering['options']> {
  const last = await latestOutbound(deps.db, tenant, conversationId);
  if (!last) return [];
  const parts = smsPartsOf(last);
  if (parts.sms?.options) return parts.sms.options;
  return (await render(deps, last)).options;
}
