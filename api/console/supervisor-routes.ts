import { Router } from 'express';
import { acknowledgeReferralByAgent, dutyAlarms, dutyChains, serviceLevels } from '../../handoff/index.js';
import type { DutyStatus, ReferralAcknowledged, Sendable, SupervisorQueues } from '../../wire/index.js';
import { sendProblem } from '../problem.js';
import type { ConsoleDeps } from './deps.js';
import { requireAgent } from './session.js';
import { queuesOf, timeZoneOf } from './socket.js';
import { queueErrors } from './work-routes.js';

/** Duty referral chains shown to supervisors: the last week's. */
const CHAINS_SINCE_MS = 7 * 24 * 3600 * 1000;

/**
 * Supervisors' view of the queues (today's service levels against the standard) and of out-of-hours
 * duty cover: standing alarms (nobody on the safety rota now, no SMS/e-mail provider) and duty
 * referral chains with each escalation step, unacknowledged ones first.
 */
export function supervisorRoutes(deps: ConsoleDeps): Router {
  const router = Router();
  const supervisors = requireAgent(deps, { roles: ['supervisor', 'admin'] });
  router.get('/supervisor/queues', supervisors, async (req, res) => {
    const tenant = req.agent!.tenantId;
    const queues = await serviceLevels(deps.store.db, tenant, queuesOf(deps, tenant), {
      now: deps.clock(),
      timeZone: timeZoneOf(deps, tenant),
    });
    res.setHeader('Cache-Control', 'no-store');
    res.json({ queues } satisfies SupervisorQueues);
  });

  // GET /supervisor/duty → {alarms: [{code, message}], emergencyDutyTeamPhone, chains: DutyChain[]}
  router.get('/supervisor/duty', supervisors, async (req, res) => {
    const tenant = req.agent!.tenantId;
    const now = deps.clock();
    const watch = deps.duty ?? { senderKind: 'log-only' as const, tenants: () => [tenant] };
    const [alarms, chains] = await Promise.all([dutyAlarms(deps.store.db, tenant, now, watch), dutyChains(deps.store.db, tenant, new Date(now.getTime() - CHAINS_SINCE_MS))]);
    let emergencyDutyTeamPhone: string | null = null;
    try {
      emergencyDutyTeamPhone = watch.policy?.(tenant)?.emergencyDutyTeamPhone ?? null;
    } catch {
      emergencyDutyTeamPhone = null;
    }
    res.setHeader('Cache-Control', 'no-store');
    res.json({ alarms, emergencyDutyTeamPhone, chains } satisfies Sendable<DutyStatus>);
  });

  // POST /supervisor/referrals/:id/acknowledge: the duty officer was reached another way (by phone); stops the chain.
  router.post('/supervisor/referrals/:id/acknowledge', supervisors, async (req, res) => {
    const agent = req.agent!;
    const result = await acknowledgeReferralByAgent(deps.store.db, agent.tenantId, String(req.params.id), { id: agent.id, name: agent.name }, deps.clock());
    if (!result) return sendProblem(res, 404, 'Not found', 'No such duty referral.');
    if (!result.first) return sendProblem(res, 409, 'Already acknowledged', `This referral was already acknowledged${result.referral.acknowledged_by ? ` by ${result.referral.acknowledged_by}` : ''}.`);
    res.json({ acknowledgedAt: result.referral.acknowledged_at, acknowledgedBy: result.referral.acknowledged_by } satisfies Sendable<ReferralAcknowledged>);
  });
  router.use(queueErrors);
  return router;
}
