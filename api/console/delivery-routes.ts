/**
 * Supervisors' view of back-office webhook deliveries (the console's "Back-office deliveries"
 * panel): the council's webhooks, deliveries by state, the failed and retrying ones with their
 * last error and attempts, and the two redeliveries (a failed delivery; a case's whole event
 * history to one webhook), each audited by backoffice/webhooks.ts.
 */
import { Router, type Response } from 'express';
import { redeliverCase, redeliverDelivery } from '../../backoffice/index.js';
import { listPushWebhooks, pushDeliveryCounts, troubledPushDeliveries, type PushDeliveryListing, type PushWebhook } from '../../store/index.js';
import { redeliverCaseRequest, type CaseRedelivered, type PushDeliveries, type PushDelivery, type PushRedelivered, type PushWebhookSummary, type Sendable } from '../../wire/index.js';
import { sendProblem } from '../problem.js';
import type { ConsoleDeps } from './deps.js';
import { requireAgent } from './session.js';

function deliveryJson(d: PushDeliveryListing): Sendable<PushDelivery> {
  return {
    id: d.id,
    webhookId: d.webhookId,
    webhookName: d.webhookName,
    caseReference: d.caseReference,
    eventId: d.eventId,
    eventType: d.eventType,
    seq: d.seq,
    status: d.status,
    attempts: d.attempts,
    lastError: d.lastError,
    lastStatus: d.lastStatus,
    lastAttemptAt: d.lastAttemptAt,
    nextAttemptAt: d.nextAttemptAt,
    createdAt: d.createdAt,
    held: d.held,
  };
}

function webhookJson(w: PushWebhook): PushWebhookSummary {
  return { id: w.id, name: w.name, url: w.url, format: w.format, services: w.services, personal: w.personal, enabled: !w.disabledAt };
}

const CASE_REFUSALS: Record<string, [number, string, string]> = {
  no_webhook: [404, 'Not found', 'No such webhook.'],
  webhook_disabled: [409, 'Webhook disabled', 'This webhook is disabled: enable it before redelivering to it.'],
  no_case: [404, 'Not found', 'No case has that reference.'],
  service_not_taken: [422, 'Not for this webhook', 'This webhook does not take cases of this service.'],
};

export function deliveryRoutes(deps: ConsoleDeps): Router {
  const router = Router();
  const supervisors = requireAgent(deps, { roles: ['supervisor', 'admin'] });
  const db = deps.store.db;

  // GET /supervisor/deliveries → {counts, webhooks, deliveries: failed first, then retrying after an error}
  router.get('/supervisor/deliveries', supervisors, async (req, res) => {
    const tenant = req.agent!.tenantId;
    const [counts, webhooks, deliveries] = await Promise.all([pushDeliveryCounts(db, tenant), listPushWebhooks(db, tenant), troubledPushDeliveries(db, tenant)]);
    res.setHeader('Cache-Control', 'no-store');
    res.json({ counts, webhooks: webhooks.map(webhookJson), deliveries: deliveries.map(deliveryJson) } satisfies Sendable<PushDeliveries>);
  });

  // POST /supervisor/deliveries/:id/redeliver: a failed delivery, now, with a new retry budget.
  router.post('/supervisor/deliveries/:id/redeliver', supervisors, async (req, res) => {
    const agent = req.agent!;
    const delivery = await redeliverDelivery({ db, jobs: deps.jobs }, agent.tenantId, String(req.params.id), { id: agent.id, name: agent.name });
    if (!delivery) return sendProblem(res, 404, 'Not found', 'No failed delivery has that id: it may have been redelivered already.');
    res.json({ delivery: deliveryJson(delivery) } satisfies Sendable<PushRedelivered>);
  });

  // POST /supervisor/webhooks/:id/redeliver {reference}: the case's whole event history, in order.
  router.post('/supervisor/webhooks/:id/redeliver', supervisors, async (req, res: Response) => {
    const agent = req.agent!;
    const body = redeliverCaseRequest.safeParse(req.body ?? {});
    if (!body.success) {
      return sendProblem(res, 400, 'Invalid request', 'Enter the case reference.', { errors: body.error.issues.map((i) => ({ path: i.path.join('.'), message: 'Enter the case reference' })) });
    }
    const done = await redeliverCase({ db, jobs: deps.jobs }, agent.tenantId, String(req.params.id), body.data.reference, { id: agent.id, name: agent.name });
    if (!done.ok) {
      const [status, title, detail] = CASE_REFUSALS[done.reason];
      return sendProblem(res, status, title, detail, done.reason === 'no_case' ? { errors: [{ path: 'reference', message: 'No case has that reference' }] } : {});
    }
    res.json({ caseReference: done.caseReference, webhookName: done.webhook.name, events: done.events } satisfies CaseRedelivered);
  });
  return router;
}
