import type { Logger } from 'pino';
import type { Assistant } from '../../bot/index.js';
import type { OutboundMessage } from '../../bot/messages.js';
import type { JobQueue } from '../../jobs/index.js';
import { fromJson, latestOutbound, partsOf, toJson, type Db, type MessageRow } from '../../store/index.js';
import { twilioConfigFromEnv, type TwilioConfig } from './config.js';
import { isSmsOptedOut, setSmsOptOut } from './opt-out.js';
import { TwilioRestClient, TwilioSendError } from './rest-client.js';
import { renderSms, type SmsRendering } from './sms-render.js';

export const SMS_SEND_JOB = 'sms.send';

/** Outbound statuses that still wait to be sent ('fault' is the pipeline's apology after a failed turn). */
export const SENDABLE = ['stored', 'fault', 'send_retry'] as const;
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

async function withSms(db: Db, row: MessageRow, patch: SmsSendRecord, set: { status?: string; provider_message_id?: string }, onlyIfStatus?: readonly string[]): Promise<MessageRow | undefined> {
  const parts = smsPartsOf(row);
  const next = { ...parts, sms: { ...(parts.sms ?? {}), ...patch } };
  let q = db
    .updateTable('messages')
    .set({ ...set, parts: toJson(next) })
    .where('tenant_id', '=', row.tenant_id)
    .where('id', '=', row.id);
  if (onlyIfStatus) q = q.where('status', 'in', [...onlyIfStatus]);
  return q.returningAll().executeTakeFirst();
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
      const conversation = await deps.db
        .selectFrom('conversations')
        .select(['channel'])
        .where('tenant_id', '=', tenant)
        .where('id', '=', conversationId)
        .executeTakeFirst();
      if (conversation?.channel !== 'sms') return;
      const pending = await deps.db
        .selectFrom('messages')
        .select('id')
        .where('tenant_id', '=', tenant)
        .where('conversation_id', '=', conversationId)
        .where('direction', '=', 'out')
        .where('status', 'in', ['stored', 'fault'])
        .orderBy('id')
        .execute();
      for (const m of pending) {
        await deps.jobs.add<SmsSendJob>(SMS_SEND_JOB, { tenant, messageId: m.id }, { jobId: `sms-${m.id}`, attempts, backoffMs });
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

async function loadMessage(db: Db, tenant: string, id: string): Promise<MessageRow | undefined> {
  return db.selectFrom('messages').selectAll().where('tenant_id', '=', tenant).where('id', '=', id).executeTakeFirst();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Sends one message, after any earlier unsent messages of its conversation, so a reply's parts
 * reach Twilio in order even though each has its own job. Throws only to ask for a retry.
 */
async function sendInOrder(deps: SmsChannelDeps, job: SmsSendJob): Promise<void> {
  const row = await loadMessage(deps.db, job.tenant, job.messageId);
  if (!row || row.direction !== 'out' || !SENDABLE_SET.has(row.status)) return;
  const earlier = await deps.db
    .selectFrom('messages')
    .selectAll()
    .where('tenant_id', '=', job.tenant)
    .where('conversation_id', '=', row.conversation_id)
    .where('direction', '=', 'out')
    .where('id', '<', row.id)
    .where('status', 'in', ['stored', 'fault', 'dispatching'])
    .orderBy('id')
    .execute();
  for (const e of earlier) {
    if (e.status === 'dispatching') continue;
    // Its own job retries it if this attempt fails.
    await sendOne(deps, e).catch(() => undefined);
  }
  // An earlier message another job is sending right now: give it a moment to go first.
  for (let waited = 0; waited < 3000; waited += 100) {
    const busy = await deps.db
      .selectFrom('messages')
      .select('id')
      .where('tenant_id', '=', job.tenant)
      .where('conversation_id', '=', row.conversation_id)
      .where('direction', '=', 'out')
      .where('id', '<', row.id)
      .where('status', '=', 'dispatching')
      .executeTakeFirst();
    if (!busy) break;
    await sleep(100);
  }
  const current = await loadMessage(deps.db, job.tenant, job.messageId);
  if (current) await sendOne(deps, current);
}

/** Renders and sends one stored message; records the SID and status, or why it was not sent. */
export async function sendOne(deps: SmsChannelDeps, row: MessageRow): Promise<void> {
  if (!SENDABLE_SET.has(row.status)) return;
  const { attempts: maxAttempts } = retryOf(deps);
  const tenant = row.tenant_id;
  const conversation = await deps.db
    .selectFrom('conversations')
    .select(['channel', 'channel_user_id'])
    .where('tenant_id', '=', tenant)
    .where('id', '=', row.conversation_id)
    .executeTakeFirst();
  if (!conversation || conversation.channel !== 'sms') return;
  const to = conversation.channel_user_id;

  if (await isSmsOptedOut(deps.db, tenant, to)) {
    await withSms(deps.db, row, {}, { status: 'suppressed_opt_out' }, SENDABLE);
    return;
  }
  const config = configOf(deps);
  if (!config) {
    deps.log.warn({ tenant, messageId: row.id }, 'SMS not sent: Twilio is not configured (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM)');
    await withSms(deps.db, row, { error: 'Twilio is not configured' }, { status: 'failed' }, SENDABLE);
    return;
  }

  const rendering = await render(deps, row);
  const parts = smsPartsOf(row);
  const attempt = (parts.sms?.attempts ?? 0) + 1;
  // Claim: only one worker moves it to 'dispatching'; a repeat job finds it claimed and stops.
  const claimed = await withSms(
    deps.db,
    row,
    { body: rendering.body, options: rendering.options, segments: rendering.segments, encoding: rendering.encoding, attempts: attempt },
    { status: 'dispatching' },
    SENDABLE,
  );
  if (!claimed) return;

  const statusCallback = config.statusCallbackUrl
    ? `${config.statusCallbackUrl}${config.statusCallbackUrl.includes('?') ? '&' : '?'}tenant=${encodeURIComponent(tenant)}`
    : undefined;
  try {
    const result = await clientFor(config).sendSms({ to, from: config.from, body: rendering.body, statusCallback });
    await withSms(deps.db, claimed, { sid: result.sid }, { status: normaliseStatus(result.status), provider_message_id: result.sid }, ['dispatching']);
    deps.log.info({ tenant, messageId: row.id, sid: result.sid, segments: rendering.segments }, 'SMS sent');
  } catch (err) {
    const e = err instanceof TwilioSendError ? err : new TwilioSendError(String(err), undefined, undefined, true);
    if (e.code === 21610) {
      // Twilio says the number texted STOP (perhaps before we saw it): remember, and stop trying.
      await setSmsOptOut(deps.db, tenant, to, true, deps.clock?.() ?? new Date());
      await withSms(deps.db, claimed, { errorCode: e.code, error: e.message }, { status: 'suppressed_opt_out' }, ['dispatching']);
      return;
    }
    if (e.retryable && attempt < maxAttempts) {
      await withSms(deps.db, claimed, { errorCode: e.code ?? e.status, error: e.message }, { status: 'send_retry' }, ['dispatching']);
      throw e;
    }
    await withSms(deps.db, claimed, { errorCode: e.code ?? e.status, error: e.message }, { status: 'failed' }, ['dispatching']);
    deps.log.error({ tenant, messageId: row.id, status: e.status, code: e.code, attempts: attempt }, 'SMS could not be sent');
  }
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
    const later = await deps.db
      .selectFrom('messages')
      .select('parts')
      .where('tenant_id', '=', row.tenant_id)
      .where('conversation_id', '=', row.conversation_id)
      .where('reply_to', '=', row.reply_to)
      .where('direction', '=', 'out')
      .where('id', '>', row.id)
      .execute();
    numbered = !later.some((l) => (fromJson<OutboundMessage | null>(l.parts)?.suggestions?.length ?? 0) > 0);
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
