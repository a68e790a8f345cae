import type { Kysely } from 'kysely';
import { recentReferralChains, type Database, type ReferralRow } from '../../store/index.js';
import type { DutyPolicy } from './duty.js';
import { onCallRanked } from './rota.js';

/**
 * Standing alarms: a council that cannot get an out-of-hours safety referral to anyone. Shown on
 * the supervisor view and reported by /health as degraded (the service still answers residents).
 */
export interface DutyWatch {
  /** The referral sender in use: 'log-only' means no GOV.UK Notify key, so nothing is sent. */
  senderKind: 'notify' | 'log-only';
  tenants: () => Iterable<string>;
  policy?: (tenant: string) => DutyPolicy | undefined;
}

export interface DutyAlarm {
  code: 'no_safety_cover' | 'no_sender';
  message: string;
}

/** The skills a safety referral is sent for: 'safety' itself, or anyone covering 'all'. */
const SAFETY_SKILLS = ['safety'];

export async function dutyAlarms(db: Kysely<Database>, tenant: string, now: Date, watch: DutyWatch): Promise<DutyAlarm[]> {
  const alarms: DutyAlarm[] = [];
  const cover = await onCallRanked(db, tenant, SAFETY_SKILLS, now);
  if (!cover.length) {
    let fallbacks = 0;
    try {
      fallbacks = watch.policy?.(tenant)?.fallback.length ?? 0;
    } catch {
      fallbacks = 0;
    }
    alarms.push({
      code: 'no_safety_cover',
      message:
        'Nobody is on the on-call rota for safety (or "all") now. ' +
        (fallbacks
          ? `An out-of-hours safety referral goes straight to the ${fallbacks === 1 ? 'fallback contact' : `${fallbacks} fallback contacts`}.`
          : 'An out-of-hours safety referral reaches nobody: add someone to the rota.'),
    });
  }
  if (watch.senderKind !== 'notify') {
    alarms.push({
      code: 'no_sender',
      message: 'No SMS or e-mail provider is configured (GOV.UK Notify key): duty referrals are recorded but NOT sent to anyone.',
    });
  }
  return alarms;
}

/** Every council's alarms, for /health: degraded when any council has one. */
export async function dutyHealth(db: Kysely<Database>, now: Date, watch: DutyWatch): Promise<{ degraded: boolean; checks: Record<string, { status: 'ok' | 'degraded'; reasons: string[] }> }> {
  const checks: Record<string, { status: 'ok' | 'degraded'; reasons: string[] }> = {};
  for (const tenant of watch.tenants()) {
    const alarms = await dutyAlarms(db, tenant, now, watch);
    checks[tenant] = { status: alarms.length ? 'degraded' : 'ok', reasons: alarms.map((a) => a.code) };
  }
  return { degraded: Object.values(checks).some((c) => c.status === 'degraded'), checks };
}

export interface DutyChain {
  id: string;
  handoffId: string | null;
  conversationId: string | null;
  createdAt: Date;
  /** `escalating`: waiting for an acknowledgement; `exhausted`: nobody left; `handoff_taken`: an agent has it. */
  state: 'escalating' | 'acknowledged' | 'exhausted' | 'handoff_taken';
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  steps: {
    id: string;
    step: number;
    targetName: string | null;
    target: 'rota' | 'fallback';
    channel: string;
    status: string;
    createdAt: Date;
    sentAt: Date | null;
    dueAt: Date | null;
    escalatedAt: Date | null;
    acknowledgedAt: Date | null;
    acknowledgedBy: string | null;
  }[];
}

/**
 * Recent referral chains (no summaries or destinations: the list is for seeing who has been
 * tried and whether anyone has acknowledged), unacknowledged ones first.
 */
export async function dutyChains(db: Kysely<Database>, tenant: string, since: Date): Promise<DutyChain[]> {
  const chains = (await recentReferralChains(db, tenant, since)).map(({ root, steps }) => toChain(root, steps));
  const rank = { escalating: 0, exhausted: 1, handoff_taken: 2, acknowledged: 3 } as const;
  return chains.sort((a, b) => rank[a.state] - rank[b.state] || b.createdAt.getTime() - a.createdAt.getTime());
}

function toChain(root: ReferralRow, steps: ReferralRow[]): DutyChain {
  const acked = steps.find((s) => s.acknowledged_at);
  return {
    id: root.id,
    handoffId: root.handoff_id,
    conversationId: root.conversation_id,
    createdAt: root.created_at,
    state: acked ? 'acknowledged' : (root.chain_end ?? 'escalating'),
    acknowledgedAt: acked?.acknowledged_at ?? null,
    acknowledgedBy: acked?.acknowledged_by ?? null,
    steps: steps.map((s) => ({
      id: s.id,
      step: s.step,
      targetName: s.target_name,
      target: s.target_kind,
      channel: s.channel,
      status: s.status,
      createdAt: s.created_at,
      sentAt: s.sent_at,
      dueAt: s.due_at,
      escalatedAt: s.escalated_at,
      acknowledgedAt: s.acknowledged_at,
      acknowledgedBy: s.acknowledged_by,
    })),
  };
}
