import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { NotifySendError, toNotifySendError, type ReferralSender, type SenderLog } from '../../channels/notify/index.js';
import type { JobQueue } from '../../jobs/index.js';
import { recordAudit, type Database, type Db, type ReferralRow } from '../../store/index.js';
import { onCall } from './rota.js';

export const REFERRAL_SEND_JOB = 'referral.send';

/**
 * `pending` → `sending` → `sent`, or `retrying` between attempts, or finally `failed`.
 * `not_sent_no_provider`: no Notify key, nothing left the building. `no_one_on_call`: no rota cover.
 */
export type ReferralStatus = 'pending' | 'sending' | 'retrying' | 'sent' | 'failed' | 'not_sent_no_provider' | 'no_one_on_call';

const UNFINISHED: ReferralStatus[] = ['pending', 'sending', 'retrying'];

/** 8 attempts, 5 s doubling: the last try is about 10 minutes after the first. */
export const DEFAULT_RETRY = { attempts: 8, backoffMs: 5_000 };

export interface ReferralDeps {
  db: Kysely<Database>;
  jobs: JobQueue;
  log: SenderLog;
  /** Base of the acknowledgement link (PUBLIC_URL). */
  publicUrl?: string;
  clock?: () => Date;
  retry?: { attempts?: number; backoffMs?: number };
}

export interface ReferralJobDeps {
  db: Kysely<Database>;
  sender: ReferralSender;
  log: SenderLog;
  clock?: () => Date;
}

export interface ReferOutOfHoursInput {
  tenant: string;
  handoffId?: string | null;
  conversationId?: string | null;
  /** The handoff queue's skill or the service's area; a list is tried in order. `all` is the fallback. */
  skill: string | string[];
  /** Case reference, if one was created. */
  reference?: string | null;
  location?: string | null;
  /** How to reach the resident (phone, e-mail), as the resident gave it. */
  contact?: string | null;
  summary: string;
}

export interface ReferralOutcome {
  id: string;
  status: ReferralStatus;
  /** True when this handoff had already been referred: nothing new was sent. */
  duplicate: boolean;
  onCall: { name: string; channel: 'sms' | 'email'; skill: string } | null;
}

/** What the send job carries. The ack token lives here (and in the message) only; the store has its hash. */
interface SendJob {
  tenant: string;
  referralId: string;
  ackToken: string;
  ackUrl: string;
  skill: string;
  name: string;
  reference: string | null;
  location: string | null;
  contact: string | null;
  maxAttempts: number;
}

export function hashAckToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Refers a handoff to the on-call duty officer: records the referral, then a job sends it by SMS
 * or e-mail with a one-time acknowledgement link. The job id is the referral id, so it is queued
 * once; a handoff already referred (and not failed) is not referred again.
 */
export async function referOutOfHours(deps: ReferralDeps, input: ReferOutOfHoursInput): Promise<ReferralOutcome> {
  const now = deps.clock?.() ?? new Date();
  const summary = input.summary.trim() || 'No summary.';

  if (input.handoffId) {
    const existing = await deps.db
      .selectFrom('referrals')
      .leftJoin('rota_entries', 'rota_entries.id', 'referrals.rota_entry_id')
      .select(['referrals.id', 'referrals.status', 'referrals.channel', 'rota_entries.name', 'rota_entries.skill'])
      .where('referrals.tenant_id', '=', input.tenant)
      .where('referrals.handoff_id', '=', input.handoffId)
      .where('referrals.status', 'in', [...UNFINISHED, 'sent'])
      .orderBy('referrals.created_at', 'desc')
      .executeTakeFirst();
    if (existing) {
      return {
        id: existing.id,
        status: existing.status as ReferralStatus,
        duplicate: true,
        onCall: existing.name ? { name: existing.name, channel: existing.channel as 'sms' | 'email', skill: existing.skill ?? '' } : null,
      };
    }
  }

  const entry = await onCall(deps.db, input.tenant, input.skill, now);
  const ackToken = randomBytes(32).toString('base64url');
  const id = randomUUID();
  await deps.db
    .insertInto('referrals')
    .values({
      id,
      tenant_id: input.tenant,
      handoff_id: input.handoffId ?? null,
      conversation_id: input.conversationId ?? null,
      rota_entry_id: entry?.id ?? null,
      channel: entry?.channel ?? 'none',
      destination: entry?.destination ?? '',
      summary,
      status: entry ? 'pending' : 'no_one_on_call',
      ack_token_hash: hashAckToken(ackToken),
    })
    .execute();
  await recordAudit(deps.db, {
    tenant: input.tenant,
    actorType: 'system',
    actorId: null,
    action: 'referral.created',
    subjectType: 'referral',
    subjectId: id,
    detail: { handoffId: input.handoffId ?? null, rotaEntryId: entry?.id ?? null, status: entry ? 'pending' : 'no_one_on_call' },
  });

  if (!entry) {
    deps.log.error(
      { tenant: input.tenant, referralId: id, handoffId: input.handoffId ?? null, skill: input.skill },
      'out-of-hours duty referral NOT sent: nobody is on the rota for this skill or "all" now',
    );
    return { id, status: 'no_one_on_call', duplicate: false, onCall: null };
  }

  if (!deps.publicUrl) {
    deps.log.warn({ tenant: input.tenant, referralId: id }, 'PUBLIC_URL is not set: the referral acknowledgement link is relative and will not open from a phone');
  }
  const attempts = deps.retry?.attempts ?? DEFAULT_RETRY.attempts;
  const job: SendJob = {
    tenant: input.tenant,
    referralId: id,
    ackToken,
    ackUrl: `${(deps.publicUrl ?? '').replace(/\/$/, '')}/referrals/ack/${ackToken}`,
    skill: entry.skill,
    name: entry.name,
    reference: input.reference?.trim() || null,
    location: input.location?.trim() || null,
    contact: input.contact?.trim() || null,
    maxAttempts: attempts,
  };
  try {
    await deps.jobs.add(REFERRAL_SEND_JOB, job, { jobId: id, attempts, backoffMs: deps.retry?.backoffMs ?? DEFAULT_RETRY.backoffMs });
  } catch (err) {
    // The queue (Redis) is down: say so rather than leave a referral "pending" that nobody will send.
    await deps.db.updateTable('referrals').set({ status: 'failed' }).where('tenant_id', '=', input.tenant).where('id', '=', id).execute();
    deps.log.error({ tenant: input.tenant, referralId: id, err: String(err) }, 'duty referral FAILED: could not queue it; phone the duty officer');
    return { id, status: 'failed', duplicate: false, onCall: { name: entry.name, channel: entry.channel, skill: entry.skill } };
  }
  return { id, status: 'pending', duplicate: false, onCall: { name: entry.name, channel: entry.channel, skill: entry.skill } };
}

// An SMS template with all of this stays well inside Notify's 918-character limit.
const SMS_SUMMARY_CHARS = 400;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Sends one referral: one attempt per run, counted in the store, so the last attempt knows it is the last. */
export async function sendReferral(deps: ReferralJobDeps, job: SendJob): Promise<void> {
  const now = () => deps.clock?.() ?? new Date();
  const row = await deps.db
    .updateTable('referrals')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), status: 'sending' }))
    .where('tenant_id', '=', job.tenant)
    .where('id', '=', job.referralId)
    .where('status', 'in', UNFINISHED)
    .returningAll()
    .executeTakeFirst();
  // Already sent, failed or not sendable: a redelivered job must not send again.
  if (!row) return;

  const channel = row.channel as 'sms' | 'email';
  const personalisation = {
    name: job.name,
    skill: job.skill.replace(/_/g, ' '),
    reference: job.reference ?? 'none yet',
    location: job.location ?? 'not given',
    contact: job.contact ?? 'not given',
    summary: channel === 'sms' ? clip(row.summary, SMS_SUMMARY_CHARS) : row.summary,
    ack_link: job.ackUrl,
  };
  const where = { tenant: job.tenant, referralId: row.id, channel, attempt: row.attempts };
  try {
    const result = await deps.sender.send({ channel, destination: row.destination, personalisation, reference: row.id });
    if (result.sent) {
      await setStatus(deps.db, row, { status: 'sent', sent_at: now(), provider_id: result.providerId });
      deps.log.info({ ...where, providerId: result.providerId }, 'duty referral sent');
    } else {
      await setStatus(deps.db, row, { status: 'not_sent_no_provider' });
      deps.log.error(where, 'duty referral NOT sent: no SMS/e-mail provider is configured (NOTIFY_API_KEY); phone the duty officer');
    }
  } catch (err) {
    const e: NotifySendError = toNotifySendError(err);
    const final = !e.retryable || row.attempts >= job.maxAttempts;
    if (final) {
      await setStatus(deps.db, row, { status: 'failed' });
      deps.log.error(
        { ...where, providerStatus: e.status, errors: e.errors, retryable: e.retryable },
        'duty referral FAILED: it was not delivered to the on-call officer; phone them',
      );
      return; // nothing more to retry
    }
    await setStatus(deps.db, row, { status: 'retrying' });
    deps.log.warn({ ...where, providerStatus: e.status, errors: e.errors }, 'duty referral send failed; will retry');
    throw e;
  }
}

async function setStatus(db: Db, row: ReferralRow, values: { status: ReferralStatus; sent_at?: Date; provider_id?: string }): Promise<void> {
  await db.updateTable('referrals').set(values).where('tenant_id', '=', row.tenant_id).where('id', '=', row.id).execute();
}

/** Registers `referral.send` on the queue; call once at start, before any referral is made. */
export function registerReferralJobs(jobs: JobQueue, deps: ReferralJobDeps): void {
  jobs.register<SendJob>(REFERRAL_SEND_JOB, (job) => sendReferral(deps, job));
}

/**
 * The on-call officer opened the link: records the first acknowledgement only. Undefined for an
 * unknown token.
 */
export async function acknowledgeReferral(db: Db, token: string, at: Date): Promise<{ referral: ReferralRow; first: boolean } | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const hash = hashAckToken(token);
  const updated = await db
    .updateTable('referrals')
    .set({ acknowledged_at: at })
    .where('ack_token_hash', '=', hash)
    .where('acknowledged_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  if (updated) {
    await recordAudit(db, {
      tenant: updated.tenant_id,
      actorType: 'system',
      actorId: null,
      action: 'referral.acknowledged',
      subjectType: 'referral',
      subjectId: updated.id,
      detail: { rotaEntryId: updated.rota_entry_id },
    });
    return { referral: updated, first: true };
  }
  const existing = await db.selectFrom('referrals').selectAll().where('ack_token_hash', '=', hash).executeTakeFirst();
  return existing ? { referral: existing, first: false } : undefined;
}

export interface ReferralListItem {
  id: string;
  handoffId: string | null;
  conversationId: string | null;
  skill: string | null;
  onCallName: string | null;
  channel: string;
  summary: string;
  status: string;
  attempts: number;
  providerId: string | null;
  createdAt: Date;
  sentAt: Date | null;
  acknowledgedAt: Date | null;
}

/** The tenant's recent referrals, newest first. */
export async function listReferrals(db: Db, tenant: string, limit = 100): Promise<ReferralListItem[]> {
  const rows = await db
    .selectFrom('referrals')
    .leftJoin('rota_entries', 'rota_entries.id', 'referrals.rota_entry_id')
    .select([
      'referrals.id',
      'referrals.handoff_id',
      'referrals.conversation_id',
      'referrals.channel',
      'referrals.summary',
      'referrals.status',
      'referrals.attempts',
      'referrals.provider_id',
      'referrals.created_at',
      'referrals.sent_at',
      'referrals.acknowledged_at',
      'rota_entries.name',
      'rota_entries.skill',
    ])
    .where('referrals.tenant_id', '=', tenant)
    .orderBy('referrals.created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    handoffId: r.handoff_id,
    conversationId: r.conversation_id,
    skill: r.skill,
    onCallName: r.name,
    channel: r.channel,
    summary: r.summary,
    status: r.status,
    attempts: r.attempts,
    providerId: r.provider_id,
    createdAt: r.created_at,
    sentAt: r.sent_at,
    acknowledgedAt: r.acknowledged_at,
  }));
}
