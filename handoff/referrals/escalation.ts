import type { JobQueue } from '../../jobs/index.js';
import { claimReferralEscalation, dueReferrals, endReferralChain, fromJson, handoffById, recordAudit, referralChain, type ReferralRow } from '../../store/index.js';
import { REFERRAL_ESCALATE_JOB, REFERRAL_SWEEP_JOB, type DutyPolicy } from './duty.js';
import { tellResident } from './follow-up.js';
import { createReferralStep, policyFor, REFERRAL_SEND_JOB, sendReferral, type ReferralJobDeps, type SendJob, type StepTarget } from './referral.js';
import { onCallRanked } from './rota.js';

/**
 * Escalation until someone acknowledges. Each step of a chain is a referral row; a step that is
 * not acknowledged by its due time (sent + the council's `duty.escalateAfterMinutes`), or that
 * could not be sent at all (nobody on call, no provider, the provider refused after retries), is
 * escalated: to the next person on the rota for the skill (the order `onCallRanked` gives, never
 * one already tried), then to each of the council's fallback contacts in turn. When nobody is
 * left, the chain is exhausted and the resident is told who to call. An acknowledgement of any
 * step stops the chain. Steps are driven by stored rows: a delayed job per step is the fast path,
 * and a periodic sweep finds any step whose job was lost (a restart of the in-process queue).
 */

export interface EscalationJob {
  tenant: string;
  referralId: string;
}

type Deps = ReferralJobDeps & { jobs: JobQueue };

/** Escalates one step if it is due and nobody in its chain has acknowledged; otherwise does nothing. */
export async function escalateReferral(deps: Deps, job: EscalationJob): Promise<boolean> {
  const now = deps.clock?.() ?? new Date();
  const claimed = await claimReferralEscalation(deps.db, job.tenant, job.referralId, now);
  if (!claimed) return false; // not due yet, already escalated, or acknowledged
  const rootId = claimed.escalation_of ?? claimed.id;
  const chain = await referralChain(deps.db, job.tenant, rootId);
  const root = chain.find((r) => r.id === rootId) ?? claimed;
  const policy = policyFor(deps, job.tenant);
  const reason = claimed.status === 'sent' ? 'not_acknowledged' : UNSENT.includes(claimed.status) ? claimed.status : 'not_sent_in_time';

  // A person has the conversation now (the contact centre opened): nobody needs chasing.
  if (claimed.handoff_id) {
    const handoff = await handoffById(deps.db, job.tenant, claimed.handoff_id);
    if (handoff && (handoff.agent_id || handoff.closed_at)) {
      await endReferralChain(deps.db, job.tenant, rootId, 'handoff_taken');
      await audit(deps, root, 'referral.chain_stopped', { reason: 'handoff_taken', lastStep: claimed.step });
      return true;
    }
  }

  const next = await nextTarget(deps, job.tenant, chain, fromJson<string[]>(root.skills) ?? [], policy, now);
  if (!next) {
    await endReferralChain(deps.db, job.tenant, rootId, 'exhausted');
    const anySent = chain.some((r) => r.sent_at !== null);
    await audit(deps, root, 'referral.chain_exhausted', { steps: chain.length, lastStep: claimed.step, lastReason: reason, anySent });
    deps.log.error(
      { tenant: job.tenant, referralId: rootId, steps: chain.length, lastReason: reason },
      `duty referral: NOBODY acknowledged and nobody is left to try; phone the emergency duty team${policy.emergencyDutyTeamPhone ? ` on ${policy.emergencyDutyTeamPhone}` : ''}`,
    );
    await tellResident(deps, root, 'unreachable', { policy, anySent });
    return true;
  }

  const who = claimed.target_name ?? 'the person on call';
  const why =
    reason === 'not_acknowledged'
      ? `not acknowledged by ${who} within ${policy.escalateAfterMinutes} minutes`
      : reason === 'no_one_on_call'
        ? 'nobody is on the rota for it now'
        : `could not be sent to ${who}`;
  const step = Math.max(...chain.map((r) => r.step)) + 1;
  const details = fromJson<{ reference?: string | null; location?: string | null; contact?: string | null }>(root.details) ?? {};
  await createReferralStep(deps, {
    tenant: job.tenant,
    handoffId: root.handoff_id,
    conversationId: root.conversation_id,
    escalationOf: rootId,
    step,
    target: next,
    skills: fromJson<string[]>(root.skills) ?? [],
    details: { reference: details.reference ?? null, location: details.location ?? null, contact: details.contact ?? null },
    // The next person learns why it reached them.
    summary: `ESCALATED (${why}). ${root.summary}`,
    now,
    escalation: { from: claimed.id, reason },
  });
  return true;
}

const UNSENT = ['failed', 'not_sent_no_provider', 'no_one_on_call'];

/**
 * Who comes next: the next person on call for the chain's skills who has not been tried (by rota
 * entry and by destination: one person on two entries is tried once), then the fallbacks in
 * their order. Once a fallback has been tried, the chain only goes further down the fallbacks.
 */
export async function nextTarget(deps: Pick<Deps, 'db'>, tenant: string, chain: ReferralRow[], skills: string[], policy: DutyPolicy, now: Date): Promise<StepTarget | null> {
  const triedEntries = new Set(chain.map((r) => r.rota_entry_id).filter(Boolean));
  const triedDestinations = new Set(chain.filter((r) => r.destination).map((r) => `${r.channel}:${r.destination.toLowerCase()}`));
  const fallbackIndexes = chain.map((r) => r.fallback_index).filter((i): i is number => i !== null);
  if (!fallbackIndexes.length) {
    for (const entry of await onCallRanked(deps.db, tenant, skills.length ? skills : ['all'], now)) {
      if (!triedEntries.has(entry.id) && !triedDestinations.has(`${entry.channel}:${entry.destination.toLowerCase()}`)) return { kind: 'rota', entry };
    }
  }
  const after = fallbackIndexes.length ? Math.max(...fallbackIndexes) : -1;
  for (let index = after + 1; index < policy.fallback.length; index++) {
    const fallback = policy.fallback[index];
    if (!triedDestinations.has(`${fallback.channel}:${fallback.destination.toLowerCase()}`)) return { kind: 'fallback', index, fallback };
  }
  return null;
}

/**
 * Escalates every step that is due (the periodic job): recovers from lost delayed jobs and
 * restarts. `tenants`: the councils this process serves (all in the database when not given).
 */
export async function sweepReferrals(deps: Deps, options: { tenants?: Iterable<string> } = {}): Promise<number> {
  const now = deps.clock?.() ?? new Date();
  let done = 0;
  for (const row of await dueReferrals(deps.db, now, { tenants: options.tenants && [...options.tenants] })) {
    try {
      if (await escalateReferral(deps, { tenant: row.tenant_id, referralId: row.id })) done++;
    } catch (err) {
      deps.log.error({ tenant: row.tenant_id, referralId: row.id, err: String(err) }, 'duty referral escalation failed; the next sweep retries it');
    }
  }
  return done;
}

async function audit(deps: Pick<Deps, 'db'>, root: ReferralRow, action: string, detail: Record<string, unknown>): Promise<void> {
  await recordAudit(deps.db, { tenant: root.tenant_id, actorType: 'system', actorId: null, action, subjectType: 'referral', subjectId: root.id, detail: { handoffId: root.handoff_id, ...detail } });
}

/**
 * Registers `referral.send`, `referral.escalate` and `referral.sweep` on the queue; call once at
 * start, before any referral is made. The caller schedules the sweep (`jobs.every`).
 * `servedTenants`: the councils this process serves, the only ones its sweep escalates (every
 * council in the database when not given).
 */
export function registerReferralJobs(jobs: JobQueue, deps: ReferralJobDeps, options: { servedTenants?: () => Iterable<string> } = {}): void {
  const full: Deps = { ...deps, jobs: deps.jobs ?? jobs };
  jobs.register<SendJob>(REFERRAL_SEND_JOB, (job) => sendReferral(full, job));
  jobs.register<EscalationJob>(REFERRAL_ESCALATE_JOB, async (job) => void (await escalateReferral(full, job)));
  // Processes or deployments sharing a database each escalate only their own councils' steps: another
  // council's step escalated here would follow this process's idea of its duty policy (the default
  // rota and fallbacks when it does not know the council), and could tell its resident nobody answered.
  jobs.register(REFERRAL_SWEEP_JOB, async () => void (await sweepReferrals(full, { tenants: options.servedTenants?.() })));
}
