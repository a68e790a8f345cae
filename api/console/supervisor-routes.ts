import { Router } from 'express';
import { serviceLevels } from '../../handoff/queue/index.js';
import type { ConsoleDeps } from './deps.js';
import { requireAgent } from './session.js';
import { queuesOf, timeZoneOf } from './socket.js';
import { queueErrors } from './work-routes.js';

/** Supervisors' view of the queues: today's service levels against the standard. */
export function supervisorRoutes(deps: ConsoleDeps): Router {
  const router = Router();
  router.get('/supervisor/queues', requireAgent(deps, { roles: ['supervisor', 'admin'] }), async (req, res) => {
    const tenant = req.agent!.tenantId;
    const queues = await serviceLevels(deps.store.db, tenant, queuesOf(deps, tenant), {
      now: deps.clock(),
      timeZone: timeZoneOf(deps, tenant),
    });
    res.setHeader('Cache-Control', 'no-store');
    res.json({ queues });
  });
  router.use(queueErrors);
  return router;
}
