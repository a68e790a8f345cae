import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { toNotifySendError, type NotifySendError, type ReferralSender, type SenderLog } from '../../notify/index.js';
import type { JobQueue } from '../../jobs/index.js';
import {
  acknowledgeReferralByAckHash,
  acknowledgeReferralById,
  claimReferralAttempt,
  insertReferral,
  latestReferralForHandoff,
  recordAudit,
  referralByAckHash,
  referralById,
  stopReferralChain,
  updateReferralStatus,
  type Database,
  type Db,
  type ReferralRow,
  type RotaEntryRow,
} from '../../store/index.js';
import { DEFAULT_DUTY, escalateAfterMs, REFERRAL_ESCALATE_JOB, type DutyFallback, type DutyPolicy } from './duty.js';
import { tellResident } from './follow-up.js';
import { onCall } from './rota.js';

// The console's list of referrals is plain data access.
export { listReferrals, type ReferralListItem } from '../../store/index.js';

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
  /** The council's escalation policy (its pack's `duty:`); defaults when absent. */
  duty?: (tenant: string) => DutyPolicy | undefined;
}

export interface ReferralJobDeps {
  db: Kysely<Database>;
  sender: ReferralSender;
  log: SenderLog;
  clock?: () => Date;
  /** Where escalation steps and their sends are queued (registerReferralJobs sets it). */
  jobs?: JobQueue;
  publicUrl?: string;
  retry?: { attempts?: number; backoffMs?: number };
  duty?: (tenant: string) => DutyPolicy | undefined;
  /** After a follow-up is stored for the resident: refresh web chat, send it on SMS etc. */
  deliver?: (tenant: string, conversationId: string) => void;
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
export interface SendJob {
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

export function policyFor(deps: { duty?: (tenant: string) => DutyPolicy | undefined }, tenant: string): DutyPolicy {
  try {
    return deps.duty?.(tenant) ?? DEFAULT_DUTY;
  } catch {
    return DEFAULT_DUTY; // an unknown tenant (a test's) escalates on the defaults
  }
}

/**
 * Refers a handoff to the on-call duty officer: records the referral, then a job sends it by SMS
 * or e-mail with a one-time acknowledgement link. The job id is the referral id, so it is queued
 * once; a handoff already referred (and not failed) is not referred again. With nobody on call,
 * the referral escalates at once (to the council's fallback contacts, or to telling the resident).
 */
export async function referOutOfHours(deps: ReferralDeps, input: ReferOutOfHoursInput): Promise<ReferralOutcome> {
  const now = deps.clock?.() ?? new Date();
  const summary = input.summary.trim() || 'No summary.';

  if (input.handoffId) {
    const existing = await latestReferralForHandoff(deps.db, input.tenant, input.handoffId, [...UNFINISHED, 'sent']);
    if (existing) {
      return {
        id: existing.id,
        status: existing.status as ReferralStatus,
        duplicate: true,
        onCall: existing.name ? { name: existing.name, channel: existing.channel as 'sms' | 'email', skill: existing.skill ?? '' } : null,
      };
    }
  }

  const skills = [...new Set((Array.isArray(input.skill) ? input.skill : [input.skill]).map((s) => s.toLowerCase()))];
  const entry = await onCall(deps.db, input.tenant, skills, now);
  const step = await createReferralStep(deps, {
    tenant: input.tenant,
    handoffId: input.handoffId ?? null,
    conversationId: input.conversationId ?? null,
    escalationOf: null,
    step: 0,
    target: entry ? { kind: 'rota', entry } : null,
    skills,
    details: { reference: input.reference?.trim() || null, location: input.location?.trim() || null, contact: input.contact?.trim() || null },
    summary,
    now,
  });
  if (!entry) {
    deps.log.error(
      { tenant: input.tenant, referralId: step.id, handoffId: input.handoffId ?? null, skill: input.skill },
      'out-of-hours duty referral NOT sent: nobody is on the rota for this skill or "all" now; escalating to the fallback contacts',
    );
  }
  return { id: step.id, status: step.status, duplicate: false, onCall: entry ? { name: entry.name, channel: entry.channel, skill: entry.skill } : null };
}

export type StepTarget = { kind: 'rota'; entry: RotaEntryRow } | { kind: 'fallback'; index: number; fallback: DutyFallback };

/**
 * Records one step of a chain (the first referral or an escalation) and queues its send. With no
 * target (nobody on call), or when the queue refuses the job, the step is due at once, so the
 * next step follows without waiting (queued now, and found by the sweep if that is lost).
 */
export async function createReferralStep(
  deps: ReferralDeps,
  s: {
    tenant: string;
    handoffId: string | null;
    conversationId: string | null;
    escalationOf: string | null;
    step: number;
    target: StepTarget | null;
    skills: string[];
    details: { reference: string | null; location: string | null; contact: string | null };
    summary: string;
    now: Date;
    /** Audit detail for an escalation step (why, from which step). */
    escalation?: Record<string, unknown>;
  },
): Promise<{ id: string; status: ReferralStatus }> {
  const policy = policyFor(deps, s.tenant);
  const target = s.target;
  const channel = target ? (target.kind === 'rota' ? target.entry.channel : target.fallback.channel) : 'none';
  const destination = target ? (target.kind === 'rota' ? target.entry.destination : target.fallback.destination) : '';
  const name = target ? (target.kind === 'rota' ? target.entry.name : target.fallback.name) : null;
  const status: ReferralStatus = target ? 'pending' : 'no_one_on_call';
  const ackToken = randomBytes(32).toString('base64url');
  const id = randomUUID();
  await insertReferral(deps.db, {
    id,
    tenant: s.tenant,
    handoffId: s.handoffId,
    conversationId: s.conversationId,
    rotaEntryId: target?.kind === 'rota' ? target.entry.id : null,
    channel,
    destination,
    summary: s.summary,
    status,
    ackTokenHash: hashAckToken(ackToken),
    escalationOf: s.escalationOf,
    step: s.step,
    targetKind: target?.kind ?? 'rota',
    targetName: name,
    fallbackIndex: target?.kind === 'fallback' ? target.index : null,
    skills: s.skills,
    details: s.details,
    // Unsent steps escalate at once; a queued one after the interval, even if its send is lost.
    dueAt: target ? new Date(s.now.getTime() + escalateAfterMs(policy)) : s.now,
  });
  await recordAudit(deps.db, {
    tenant: s.tenant,
    actorType: 'system',
    actorId: null,
    action: s.escalationOf ? 'referral.escalated' : 'referral.created',
    subjectType: 'referral',
    subjectId: id,
    detail: {
      handoffId: s.handoffId,
      rotaEntryId: target?.kind === 'rota' ? target.entry.id : null,
      status,
      ...(s.escalationOf ? { escalationOf: s.escalationOf, step: s.step, target: target?.kind ?? null, fallbackIndex: target?.kind === 'fallback' ? target.index : null } : {}),
      ...(s.escalation ?? {}),
    },
  });

  if (!target) {
    await queueEscalation(deps.jobs, s.tenant, id, 0, deps.log);
    return { id, status };
  }
  if (!deps.publicUrl) {
    deps.log.warn({ tenant: s.tenant, referralId: id }, 'PUBLIC_URL is not set: the referral acknowledgement link is relative and will not open from a phone');
  }
  const attempts = deps.retry?.attempts ?? DEFAULT_RETRY.attempts;
  const job: SendJob = {
    tenant: s.tenant,
    referralId: id,
    ackToken,
    ackUrl: `${(deps.publicUrl ?? '').replace(/\/$/, '')}/referrals/ack/${ackToken}`,
    skill: target.kind === 'rota' ? target.entry.skill : (s.skills[0] ?? 'all'),
    name: name!,
    reference: s.details.reference,
    location: s.details.location,
    contact: s.details.contact,
    maxAttempts: attempts,
  };
  try {
    await deps.jobs.add(REFERRAL_SEND_JOB, job, { jobId: id, attempts, backoffMs: deps.retry?.backoffMs ?? DEFAULT_RETRY.backoffMs });
  } catch (err) {
    // The queue (Redis) is down: say so rather than leave a referral "pending" that nobody will send.
    await updateReferralStatus(deps.db, s.tenant, id, { status: 'failed', due_at: s.now });
    deps.log.error({ tenant: s.tenant, referralId: id, err: String(err) }, 'duty referral FAILED: could not queue it; phone the duty officer');
    return { id, status: 'failed' };
  }
  return { id, status: 'pending' };
}

/** Queues the escalation check of a step after `delayMs`; if the queue refuses, the sweep finds the step when due. */
export async function queueEscalation(jobs: JobQueue | undefined, tenant: string, referralId: string, delayMs: number, log: SenderLog): Promise<void> {
  if (!jobs) return;
  try {
    await jobs.add(REFERRAL_ESCALATE_JOB, { tenant, referralId }, { jobId: `escalate-${referralId}`, delayMs, attempts: 3, backoffMs: 2_000 });
  } catch (err) {
    log.warn({ tenant, referralId, err: String(err) }, 'could not queue the escalation check; the periodic sweep will escalate it');
  }
}

// An SMS template with all of this stays well inside Notify's 918-character limit.
const SMS_SUMMARY_CHARS = 400;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Sends one referral: one attempt per run, counted in the store, so the last attempt knows it is the last. */
export async function sendReferral(deps: ReferralJobDeps, job: SendJob): Promise<void> {
  const now = () => deps.clock?.() ?? new Date();
  const row = await claimReferralAttempt(deps.db, job.tenant, job.referralId, UNFINISHED);
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
      const at = now();
      const policy = policyFor(deps, job.tenant);
      // Nobody acknowledges within the interval: the next step. The delayed job is the fast path;
      // the sweep finds the stored due time if the job is lost.
      await setStatus(deps.db, row, { status: 'sent', sent_at: at, provider_id: result.providerId, due_at: new Date(at.getTime() + escalateAfterMs(policy)) });
      deps.log.info({ ...where, providerId: result.providerId }, 'duty referral sent');
      await queueEscalation(deps.jobs, job.tenant, row.id, escalateAfterMs(policy), deps.log);
      await tellResident(deps, row, 'alerted');
    } else {
      await setStatus(deps.db, row, { status: 'not_sent_no_provider', due_at: now() });
      deps.log.error(where, 'duty referral NOT sent: no SMS/e-mail provider is configured (NOTIFY_API_KEY); phone the duty officer');
      await queueEscalation(deps.jobs, job.tenant, row.id, 0, deps.log);
    }
  } catch (err) {
    const e: NotifySendError = toNotifySendError(err);
    const final = !e.retryable || row.attempts >= job.maxAttempts;
    if (final) {
      await setStatus(deps.db, row, { status: 'failed', due_at: now() });
      deps.log.error(
        { ...where, providerStatus: e.status, errors: e.errors, retryable: e.retryable },
        'duty referral FAILED: it was not delivered to the on-call officer; phone them',
      );
      // Not delivered: the next step at once rather than after the interval.
      await queueEscalation(deps.jobs, job.tenant, row.id, 0, deps.log);
      return; // nothing more to retry
    }
    await setStatus(deps.db, row, { status: 'retrying' });
    deps.log.warn({ ...where, providerStatus: e.status, errors: e.errors }, 'duty referral send failed; will retry');
    throw e;
  }
}

async function setStatus(db: Db, row: ReferralRow, values: { status: ReferralStatus; sent_at?: Date; provider_id?: string; due_at?: Date }): Promise<void> {
  await updateReferralStatus(db, row.tenant_id, row.id, values);
}

/** A well-formed link token (32 random bytes, base64url); anything else is not looked up. */
const ACK_TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/**
 * The referral a link belongs to, read only, with who it was sent to: the confirmation page the
 * link opens (GET) shows this and changes nothing, so a link scanner or preview cannot
 * acknowledge. Undefined for an unknown or malformed token.
 */
export async function referralForAckToken(db: Db, token: string): Promise<{ referral: ReferralRow; sentTo: string | null } | undefined> {
  if (!ACK_TOKEN.test(token)) return undefined;
  return referralByAckHash(db, hashAckToken(token));
}

/**
 * The on-call officer pressed Acknowledge on the link's confirmation page (a POST): records the
 * first acknowledgement only, with who (the person the step was sent to) and when. Undefined for
 * an unknown token.
 */
export async function acknowledgeReferral(db: Db, token: string, at: Date): Promise<{ referral: ReferralRow; first: boolean } | undefined> {
  if (!ACK_TOKEN.test(token)) return undefined;
  const hash = hashAckToken(token);
  const updated = await acknowledgeReferralByAckHash(db, hash, at);
  if (updated) {
    await chainAcknowledged(db, updated, { actorType: 'system', actorId: null, via: 'link' });
    return { referral: updated, first: true };
  }
  const existing = await referralByAckHash(db, hash);
  return existing ? { referral: existing.referral, first: false } : undefined;
}

/**
 * A supervisor records in the console that the duty officer has the referral (reached by phone,
 * say): the same as the link, with the agent as who acknowledged. Undefined for an unknown id.
 */
export async function acknowledgeReferralByAgent(
  db: Db,
  tenant: string,
  id: string,
  agent: { id: string; name: string },
  at: Date,
): Promise<{ referral: ReferralRow; first: boolean } | undefined> {
  const updated = await acknowledgeReferralById(db, tenant, id, `${agent.name} (in the console)`, at);
  if (updated) {
    await chainAcknowledged(db, updated, { actorType: 'agent', actorId: agent.id, via: 'console' });
    return { referral: updated, first: true };
  }
  const existing = await referralById(db, tenant, id);
  return existing ? { referral: existing, first: false } : undefined;
}

/** Any step acknowledged stops its chain: recorded with who, and nothing more is due. */
async function chainAcknowledged(db: Db, row: ReferralRow, actor: { actorType: 'system' | 'agent'; actorId: string | null; via: 'link' | 'console' }): Promise<void> {
  const root = row.escalation_of ?? row.id;
  await stopReferralChain(db, row.tenant_id, root);
  await recordAudit(db, {
    tenant: row.tenant_id,
    actorType: actor.actorType,
    actorId: actor.actorId,
    action: 'referral.acknowledged',
    subjectType: 'referral',
    subjectId: row.id,
    detail: { rotaEntryId: row.rota_entry_id, by: row.acknowledged_by, via: actor.via, escalationOf: row.escalation_of, step: row.step },
  });
}
