import type { Assistant, AssistantEvent } from '../bot/index.js';
import { dutyPolicyOf, isOpen, needsDutyReferral, referOutOfHours, referralSkills, type DutyPolicy } from '../handoff/index.js';
import { contactPhoneAndEmail, findConversationById, handoffById, latestCaseOfConversation } from '../store/index.js';
import { type ConsoleDeps } from './console/index.js';
import { notifyConversationMessage, notifyHandoffCreated, notifyQueueChanged } from './console/socket.js';

/**
 * What follows a committed turn: agents' consoles hear of new handoffs and of residents'
 * messages, residents' browsers refresh, and out of hours a safety hit or an `ooh` service is
 * referred to the duty officer on call. Emits go through socket.io's adapter, so with Redis
 * they reach consoles connected to any app process.
 */
export function wireHandoffEvents(assistant: Assistant, deps: ConsoleDeps): void {
  assistant.onEvent((event) => {
    if (event.type === 'handoff') {
      // The alert goes only to agents who can open it (handoff/README.md); every console refreshes; routing offers it.
      void notifyHandoffCreated(deps, event.tenant, { id: event.handoffId, priority: event.priority, queue: event.queue, reason: event.reason });
      void referIfOutOfHours(assistant, deps, event).catch((err) => deps.log.error({ err, handoffId: event.handoffId }, 'duty referral failed'));
      return;
    }
    deps.realtime?.conversationUpdated(event.conversationId);
    // Only the consoles that may see the conversation hear of it (handoff/queue/access.ts).
    if (event.state === 'with_agent' || event.state === 'queued' || event.state === 'closed') {
      void notifyConversationMessage(deps, event.tenant, event.conversationId);
    }
    // Only a turn that ends the chat leaves it closed: its handoff left the queue (or is marked).
    if (event.state === 'closed') notifyQueueChanged(deps, event.tenant);
  });
}

async function referIfOutOfHours(assistant: Assistant, deps: ConsoleDeps, event: Extract<AssistantEvent, { type: 'handoff' }>): Promise<void> {
  const runtime = assistant.runtime(event.tenant);
  const settings = runtime.pack.settings;
  const open = isOpen(settings.openingHours, deps.clock());
  const safety = event.reason.startsWith('safety.');
  if (!needsDutyReferral({ open, serviceOoh: event.ooh, safety })) return;
  const db = deps.store.db;
  const handoff = await handoffById(db, event.tenant, event.handoffId);
  if (!handoff) return;
  const queue = settings.queues.find((q) => q.id === handoff.queue);
  const service = event.service ? runtime.pack.servicesById.get(event.service) : undefined;
  const latestCase = await latestCaseOfConversation(db, event.tenant, event.conversationId);
  const conversation = await findConversationById(db, event.conversationId);
  const contact = conversation?.contact_id ? await contactPhoneAndEmail(db, conversation.contact_id) : undefined;
  const phoneChannel = conversation && (conversation.channel === 'sms' || conversation.channel === 'voice') ? conversation.channel_user_id : null;
  await referOutOfHours(
    { db, jobs: deps.jobs, log: deps.log, publicUrl: deps.publicUrl, clock: deps.clock, duty: dutyPolicyFor(assistant) },
    {
      tenant: event.tenant,
      handoffId: handoff.id,
      conversationId: event.conversationId,
      skill: referralSkills(queue?.skills, service?.area, safety),
      reference: latestCase?.reference ?? null,
      location: (latestCase?.location as { label?: string } | null)?.label ?? null,
      contact: contact?.phone ?? contact?.email ?? phoneChannel,
      summary: handoff.summary,
    },
  );
}

/** Each council's escalation policy, from its content pack (read at use, so a reloaded pack counts). */
export function dutyPolicyFor(assistant: Assistant): (tenant: string) => DutyPolicy {
  return (tenant) => dutyPolicyOf(assistant.runtime(tenant).pack.settings);
}

/**
 * Delivers a follow-up already stored for the resident (what became of their duty referral):
 * web chat refreshes, SMS and other channels send it.
 */
export function deliverFollowUp(deps: Pick<ConsoleDeps, 'realtime' | 'dispatchOutbound'>): (tenant: string, conversationId: string) => void {
  return (tenant, conversationId) => {
    deps.realtime?.conversationUpdated(conversationId);
    deps.dispatchOutbound?.(tenant, conversationId);
  };
}
