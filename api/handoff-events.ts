import type { Assistant, AssistantEvent } from '../bot/index.js';
import { isOpen } from '../handoff/index.js';
import { needsDutyReferral, referOutOfHours } from '../handoff/referrals/index.js';
import { routeAndNotify, type ConsoleDeps } from './console/index.js';

/**
 * What follows a committed turn: agents' consoles hear of new handoffs and of residents'
 * messages, residents' browsers refresh, and out of hours a safety hit or an `ooh` service is
 * referred to the duty officer on call. Emits go through socket.io's adapter, so with Redis
 * they reach consoles connected to any app process.
 */
export function wireHandoffEvents(assistant: Assistant, deps: ConsoleDeps): void {
  assistant.onEvent((event) => {
    const ns = deps.consoleNamespace?.();
    if (event.type === 'handoff') {
      ns?.to(`tenant:${event.tenant}`).emit('handoff:new', { id: event.handoffId, priority: event.priority, queue: event.queue, reason: event.reason });
      ns?.to(`tenant:${event.tenant}`).emit('queue:changed', { tenant: event.tenant });
      void routeAndNotify(deps, event.tenant);
      void referIfOutOfHours(assistant, deps, event).catch((err) => deps.log.error({ err, handoffId: event.handoffId }, 'duty referral failed'));
      return;
    }
    deps.realtime?.conversationUpdated(event.conversationId);
    if (event.state === 'with_agent' || event.state === 'queued') {
      ns?.to(`tenant:${event.tenant}`).emit('conversation:message', { conversationId: event.conversationId });
    }
  });
}

async function referIfOutOfHours(assistant: Assistant, deps: ConsoleDeps, event: Extract<AssistantEvent, { type: 'handoff' }>): Promise<void> {
  const runtime = assistant.runtime(event.tenant);
  const settings = runtime.pack.settings;
  const open = isOpen(settings.openingHours, deps.clock());
  const safety = event.reason.startsWith('safety.');
  if (!needsDutyReferral({ open, serviceOoh: event.ooh, safety })) return;
  const db = deps.store.db;
  const handoff = await db.selectFrom('handoffs').selectAll().where('tenant_id', '=', event.tenant).where('id', '=', event.handoffId).executeTakeFirst();
  if (!handoff) return;
  const queue = settings.queues.find((q) => q.id === handoff.queue);
  const service = event.service ? runtime.pack.servicesById.get(event.service) : undefined;
  const latestCase = await db
    .selectFrom('cases')
    .select(['reference', 'location'])
    .where('tenant_id', '=', event.tenant)
    .where('conversation_id', '=', event.conversationId)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  const conversation = await db.selectFrom('conversations').select(['contact_id', 'channel', 'channel_user_id']).where('id', '=', event.conversationId).executeTakeFirst();
  const contact = conversation?.contact_id
    ? await db.selectFrom('contacts').select(['phone', 'email']).where('id', '=', conversation.contact_id).executeTakeFirst()
    : undefined;
  const phoneChannel = conversation && (conversation.channel === 'sms' || conversation.channel === 'voice') ? conversation.channel_user_id : null;
  await referOutOfHours(
    { db, jobs: deps.jobs, log: deps.log, publicUrl: deps.publicUrl, clock: deps.clock },
    {
      tenant: event.tenant,
      handoffId: handoff.id,
      conversationId: event.conversationId,
      skill: [...(queue?.skills ?? []), ...(service ? [service.area] : []), ...(safety ? ['safety'] : [])],
      reference: latestCase?.reference ?? null,
      location: (latestCase?.location as { label?: string } | null)?.label ?? null,
      contact: contact?.phone ?? contact?.email ?? phoneChannel,
      summary: handoff.summary,
    },
  );
}
