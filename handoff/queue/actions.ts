import { sql } from 'kysely';
import {
  addCaseStatus,
  createCase,
  findCaseByReference,
  findConversation,
  lockConversation,
  openHandoffFor,
  saveDialogue,
  storeOutbound,
  toJson,
  transcript,
  type CaseRow,
  type ConversationRow,
  type Db,
  type HandoffRow,
  type MessageRow,
} from '../../store/index.js';
import { auditAgentAction } from './audit.js';
import { findHandoff, findQueue, firstName, inTransaction, isSupervisor, isUuidish, jsonArray, jsonObject, queueOrDefault } from './common.js';
import { conversationContext, type ConversationContext } from './context.js';
import { reasonLabel, type ServiceNames } from './labels.js';
import { agentJoinedNotice, closedNotice, handedBackNotice, storeNotice, transferredNotice } from './notices.js';
import { accessTo, needsOverflowCheck, OverflowState, type UrgentOverflow } from './overflow.js';
import { CLOSE_OUTCOMES, QueueError, type CloseOutcome, type QueueAgent, type QueueSettings } from './types.js';

export async function getConversation(db: Db, tenant: string, id: string): Promise<ConversationRow> {
  const row = isUuidish(id) ? await findConversation(db, tenant, id) : undefined;
  if (!row) throw new QueueError(404, 'Conversation not found', `There is no conversation ${id}.`);
  return row;
}

export interface AcceptResult {
  handoff: HandoffRow;
  conversationId: string;
  message: MessageRow;
}

/**
 * Takes a waiting handoff. Atomic across processes: the agent's row is locked while their open
 * handoffs are counted against capacity, and the handoff is only taken while nobody holds it,
 * so of two agents racing exactly one wins (409 for the other). An agent without the queue's
 * skills may take an urgent handoff under the council's urgent-overflow policy (overflow.ts);
 * the audit event says so.
 */
export async function accept(
  db: Db,
  tenant: string,
  handoffId: string,
  agent: QueueAgent,
  queues: readonly QueueSettings[],
  now = new Date(),
  options: { urgentOverflow?: UrgentOverflow } = {},
): Promise<AcceptResult> {
  const found = await findHandoff(db, tenant, handoffId);
  if (found.closed_at) throw new QueueError(409, 'Handoff closed', 'This conversation is no longer waiting.');
  if (found.agent_id) throw new QueueError(409, 'Already taken', 'Someone else has taken this conversation.');
  const queue = queueOrDefault(queues, found.queue);
  const policy = options.urgentOverflow ?? 'none';
  const overflow =
    policy !== 'none' && needsOverflowCheck(agent, found, queues) ? await OverflowState.load(db, tenant, queues, policy, now) : undefined;
  const access = accessTo(agent, found, queues, overflow);
  if (!access) throw new QueueError(403, 'Not in your queues', `You do not have the skills for ${queue.name}.`);

  const result = await inTransaction(db, async (trx) => {
    // Lock order: conversation, agent, handoff (the turn pipeline locks the conversation first too).
    const conversation = await lockConversation(trx, tenant, found.conversation_id);
    if (!conversation) throw new QueueError(404, 'Conversation not found');
    const me = await trx
      .selectFrom('agents')
      .select(['id', 'name', 'capacity', 'disabled_at'])
      .where('tenant_id', '=', tenant)
      .where('id', '=', agent.id)
      .forUpdate()
      .executeTakeFirst();
    if (!me || me.disabled_at) throw new QueueError(403, 'Agent not found');
    const open = await trx
      .selectFrom('handoffs')
      .select(sql<string>`count(*)`.as('n'))
      .where('tenant_id', '=', tenant)
      .where('agent_id', '=', agent.id)
      .where('closed_at', 'is', null)
      .executeTakeFirstOrThrow();
    if (Number(open.n) >= me.capacity) {
      throw new QueueError(409, 'At capacity', `You already have ${open.n} open conversations (your capacity is ${me.capacity}).`);
    }
    const handoff = await trx
      .updateTable('handoffs')
      .set({ agent_id: agent.id, accepted_at: now })
      .where('tenant_id', '=', tenant)
      .where('id', '=', handoffId)
      .where('agent_id', 'is', null)
      .where('closed_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    if (!handoff) throw new QueueError(409, 'Already taken', 'Someone else has taken this conversation.');
    await setState(trx, tenant, conversation.id, 'with_agent', now);
    // The resident's notice commits with the change; the route delivers it after commit.
    const message = await storeNotice(trx, conversation, agentJoinedNotice(me.name, queue.name));
    await auditAgentAction(trx, tenant, agent, 'handoff.accept', { type: 'conversation', id: conversation.id }, {
      handoffId,
      queue: handoff.queue,
      priority: handoff.priority,
      waitedSeconds: Math.round((now.getTime() - handoff.created_at.getTime()) / 1000),
      // Opened by an agent without the queue's skills because nobody with them was available.
      ...(access === 'overflow' ? { overflow: { policy: 'all_agents', agentSkills: agent.skills, queueSkills: queue.skills } } : {}),
    });
    return { handoff, conversationId: conversation.id, message };
  });
  return result;
}

/** The open handoff of a conversation, which the agent must hold (or supervise) to act on it. */
async function heldHandoff(db: Db, tenant: string, conversationId: string, agent: QueueAgent, allowSupervisor: boolean) {
  const handoff = await openHandoffFor(db, tenant, conversationId);
  if (!handoff) throw new QueueError(409, 'Not handed off', 'This conversation has no open handoff.');
  if (handoff.agent_id !== agent.id && !(allowSupervisor && isSupervisor(agent))) {
    throw new QueueError(409, 'Not yours', handoff.agent_id ? 'Another agent holds this conversation.' : 'Accept the conversation first.');
  }
  return handoff;
}

async function setState(db: Db, tenant: string, conversationId: string, state: ConversationRow['state'], now: Date, extra: { closed_at?: Date | null } = {}) {
  await db
    .updateTable('conversations')
    .set({ state, updated_at: now, ...extra })
    .where('tenant_id', '=', tenant)
    .where('id', '=', conversationId)
    .execute();
}

/** An agent's reply, stored as an outbound message on the resident's channel. */
export async function reply(db: Db, tenant: string, conversationId: string, agent: QueueAgent, text: string, now = new Date()): Promise<MessageRow> {
  const body = text.trim();
  if (!body) throw new QueueError(400, 'Empty message', 'Write a message first.');
  const conversation = await getConversation(db, tenant, conversationId);
  return inTransaction(db, async (trx) => {
    // The conversation first, as everywhere: the turn pipeline holds it while it touches the handoff.
    await lockConversation(trx, tenant, conversation.id);
    const handoff = await heldHandoff(trx, tenant, conversation.id, agent, false);
    const message = await storeOutbound(trx, {
      tenant,
      conversationId: conversation.id,
      channel: conversation.channel,
      author: 'agent',
      text: body,
      parts: { text: body, agent: { id: agent.id, name: firstName(agent.name) } },
      replyTo: null,
    });
    await trx
      .updateTable('handoffs')
      .set({ first_reply_at: now })
      .where('tenant_id', '=', tenant)
      .where('id', '=', handoff.id)
      .where('first_reply_at', 'is', null)
      .execute();
    await trx
      .updateTable('conversations')
      .set({ last_message_at: now, updated_at: now })
      .where('tenant_id', '=', tenant)
      .where('id', '=', conversation.id)
      .execute();
    await auditAgentAction(trx, tenant, agent, 'conversation.reply', { type: 'conversation', id: conversation.id }, {
      handoffId: handoff.id,
      messageId: message.id,
      length: body.length,
    });
    return message;
  });
}

export interface TransferInput {
  queue?: string;
  agentId?: string;
  note: string;
}

/**
 * Passes the conversation to another queue or a named agent with a note. It waits again
 * (state `queued`): nobody holds it until the new side accepts.
 */
export async function transfer(
  db: Db,
  tenant: string,
  conversationId: string,
  agent: QueueAgent,
  input: TransferInput,
  queues: readonly QueueSettings[],
  now = new Date(),
): Promise<HandoffRow> {
  const note = input.note.trim();
  if (!input.queue && !input.agentId) throw new QueueError(400, 'Transfer needs a destination', 'Choose a queue or an agent.');
  const conversation = await getConversation(db, tenant, conversationId);
  let targetAgent: { id: string; name: string; skills: string[] } | undefined;
  if (input.agentId) {
    const row = await db
      .selectFrom('agents')
      .select(['id', 'name', 'skills', 'disabled_at'])
      .where('tenant_id', '=', tenant)
      .where('id', '=', input.agentId)
      .executeTakeFirst();
    if (!row || row.disabled_at) throw new QueueError(400, 'Unknown agent', `There is no agent ${input.agentId}.`);
    targetAgent = { id: row.id, name: row.name, skills: jsonArray(row.skills) };
  }
  const result = await inTransaction(db, async (trx) => {
    await lockConversation(trx, tenant, conversation.id);
    const handoff = await heldHandoff(trx, tenant, conversation.id, agent, true);
    if (input.queue && !findQueue(queues, input.queue)) throw new QueueError(400, 'Unknown queue', `There is no queue ${input.queue}.`);
    const queueId = input.queue ?? handoff.queue;
    const context = jsonObject(handoff.context);
    const history = Array.isArray(context.transfers) ? (context.transfers as unknown[]) : [];
    const record = {
      from: { agentId: agent.id, name: agent.name, queue: handoff.queue },
      toQueue: queueId,
      toAgentId: targetAgent?.id ?? null,
      note,
      at: now.toISOString(),
    };
    const nextContext: Record<string, unknown> = { ...context, transfers: [...history, record] };
    if (targetAgent) nextContext.transfer = { toAgentId: targetAgent.id, at: now.toISOString() };
    else delete nextContext.transfer;
    const updated = await trx
      .updateTable('handoffs')
      .set({
        agent_id: null,
        accepted_at: null,
        queue: queueId,
        note: note || null,
        transferred_at: now,
        offered_to: targetAgent?.id ?? null,
        offered_at: targetAgent ? now : null,
        context: toJson(nextContext),
      })
      .where('tenant_id', '=', tenant)
      .where('id', '=', handoff.id)
      .where('closed_at', 'is', null)
      .returningAll()
      .executeTakeFirstOrThrow();
    await setState(trx, tenant, conversation.id, 'queued', now);
    const notice = targetAgent ? transferredNotice({ agentName: targetAgent.name }) : transferredNotice({ teamName: queueOrDefault(queues, queueId).name });
    await storeNotice(trx, conversation, notice);
    await auditAgentAction(trx, tenant, agent, 'conversation.transfer', { type: 'conversation', id: conversation.id }, {
      handoffId: handoff.id,
      fromQueue: handoff.queue,
      toQueue: queueId,
      toAgentId: targetAgent?.id ?? null,
      note,
    });
    return updated;
  });
  return result;
}

/** Ends the person's part: the assistant answers again (state `bot`), with a fresh dialogue; the resident is told. */
export async function handBack(db: Db, tenant: string, conversationId: string, agent: QueueAgent, now = new Date()): Promise<HandoffRow> {
  const conversation = await getConversation(db, tenant, conversationId);
  return inTransaction(db, async (trx) => {
    await lockConversation(trx, tenant, conversation.id);
    const handoff = await heldHandoff(trx, tenant, conversation.id, agent, true);
    const closed = await closeHandoffRow(trx, tenant, handoff.id, 'handed_back', now);
    await saveDialogue(trx, tenant, conversation.id, { misunderstandings: 0 }, 'bot');
    await storeNotice(trx, conversation, handedBackNotice(agent.name));
    await auditAgentAction(trx, tenant, agent, 'conversation.hand_back', { type: 'conversation', id: conversation.id }, { handoffId: handoff.id });
    return closed;
  });
}

/**
 * Closes the handoff with an outcome and the conversation with it, telling the resident. Their
 * next message starts afresh: the policy resets the dialogue of a closed conversation (web chat)
 * and SMS opens a new conversation after a close.
 */
export async function close(
  db: Db,
  tenant: string,
  conversationId: string,
  agent: QueueAgent,
  outcome: CloseOutcome,
  now = new Date(),
): Promise<HandoffRow> {
  if (!(CLOSE_OUTCOMES as readonly string[]).includes(outcome)) {
    throw new QueueError(400, 'Unknown outcome', `Outcome must be one of ${CLOSE_OUTCOMES.join(', ')}.`);
  }
  const conversation = await getConversation(db, tenant, conversationId);
  return inTransaction(db, async (trx) => {
    await lockConversation(trx, tenant, conversation.id);
    const handoff = await heldHandoff(trx, tenant, conversation.id, agent, true);
    const closed = await closeHandoffRow(trx, tenant, handoff.id, outcome, now);
    await setState(trx, tenant, conversation.id, 'closed', now, { closed_at: now });
    await storeNotice(trx, conversation, closedNotice(agent.name));
    await auditAgentAction(trx, tenant, agent, 'conversation.close', { type: 'conversation', id: conversation.id }, { handoffId: handoff.id, outcome });
    return closed;
  });
}

async function closeHandoffRow(db: Db, tenant: string, id: string, outcome: string, now: Date): Promise<HandoffRow> {
  const row = await db
    .updateTable('handoffs')
    .set({ closed_at: now, outcome })
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .where('closed_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new QueueError(409, 'Already closed', 'This handoff has already been closed.');
  return row;
}

/** Marks a waiting handoff as given up by the resident (counts as abandoned in service levels). */
export async function abandon(db: Db, tenant: string, handoffId: string, now = new Date()): Promise<boolean> {
  const r = await db
    .updateTable('handoffs')
    .set({ closed_at: now, abandoned_at: now, outcome: 'abandoned' })
    .where('tenant_id', '=', tenant)
    .where('id', '=', handoffId)
    .where('agent_id', 'is', null)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface ConversationView {
  conversation: {
    id: string;
    channel: string;
    state: string;
    createdAt: string;
    lastMessageAt: string | null;
    contactId: string | null;
  };
  handoff: {
    id: string;
    queue: string;
    queueName: string;
    priority: string;
    reason: string;
    reasonLabel: string;
    summary: string;
    note: string | null;
    createdAt: string;
    acceptedAt: string | null;
    agentId: string | null;
    offeredTo: string | null;
    transferredAt: string | null;
    firstReplyAt: string | null;
    context: Record<string, unknown>;
  } | null;
  transcript: { id: string; direction: string; author: string; text: string; parts: unknown; createdAt: string }[];
  context: ConversationContext;
}

/** Everything an agent sees of a conversation; the view itself is audited (and the contact's record with it). */
export async function viewConversation(
  db: Db,
  tenant: string,
  conversationId: string,
  agent: QueueAgent,
  queues: readonly QueueSettings[],
  flowTitle?: (id: string) => string | undefined,
  serviceName?: ServiceNames,
): Promise<ConversationView> {
  const conversation = await getConversation(db, tenant, conversationId);
  const handoff =
    (await openHandoffFor(db, tenant, conversation.id)) ??
    (await db
      .selectFrom('handoffs')
      .selectAll()
      .where('tenant_id', '=', tenant)
      .where('conversation_id', '=', conversation.id)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst());
  const messages = await transcript(db, tenant, conversation.id);
  const context = await conversationContext(db, tenant, conversation, handoff, flowTitle, serviceName);
  await auditAgentAction(db, tenant, agent, 'conversation.view', { type: 'conversation', id: conversation.id }, {
    handoffId: handoff?.id ?? null,
    cases: context.cases.map((c) => c.reference),
  });
  if (context.contact) {
    await auditAgentAction(db, tenant, agent, 'contact.view', { type: 'contact', id: context.contact.id }, {
      conversationId: conversation.id,
      previousCases: context.previousCases.map((c) => c.reference),
    });
  }
  return {
    conversation: {
      id: conversation.id,
      channel: conversation.channel,
      state: conversation.state,
      createdAt: conversation.created_at.toISOString(),
      lastMessageAt: conversation.last_message_at ? conversation.last_message_at.toISOString() : null,
      contactId: conversation.contact_id,
    },
    handoff: handoff
      ? {
          id: handoff.id,
          queue: handoff.queue,
          queueName: queueOrDefault(queues, handoff.queue).name,
          priority: handoff.priority,
          reason: handoff.reason,
          reasonLabel: reasonLabel(handoff.reason, serviceName),
          summary: handoff.summary,
          note: handoff.note,
          createdAt: handoff.created_at.toISOString(),
          acceptedAt: handoff.accepted_at?.toISOString() ?? null,
          agentId: handoff.agent_id,
          offeredTo: handoff.offered_to,
          transferredAt: handoff.transferred_at?.toISOString() ?? null,
          firstReplyAt: handoff.first_reply_at?.toISOString() ?? null,
          context: jsonObject(handoff.context),
        }
      : null,
    transcript: messages.map((m) => ({
      id: m.id,
      direction: m.direction,
      author: m.author,
      text: m.text,
      parts: m.parts,
      createdAt: m.created_at.toISOString(),
    })),
    context,
  };
}

/** A case raised by the agent for the conversation's resident. */
export async function createCaseFor(
  db: Db,
  tenant: string,
  conversationId: string,
  agent: QueueAgent,
  input: { serviceId: string; summary: string; details?: Record<string, unknown>; referencePrefix: string },
): Promise<CaseRow> {
  const conversation = await getConversation(db, tenant, conversationId);
  return inTransaction(db, async (trx) => {
    await heldHandoff(trx, tenant, conversation.id, agent, true);
    const row = await createCase(trx, {
      tenant,
      referencePrefix: input.referencePrefix,
      serviceId: input.serviceId,
      summary: input.summary.trim(),
      details: { ...(input.details ?? {}), channel: conversation.channel, raisedBy: { agentId: agent.id, name: agent.name } },
      location: null,
      contactId: conversation.contact_id,
      conversationId: conversation.id,
      actor: `agent:${agent.id}`,
    });
    await auditAgentAction(trx, tenant, agent, 'case.create', { type: 'case', id: row.id }, {
      reference: row.reference,
      serviceId: row.service_id,
      conversationId: conversation.id,
    });
    return row;
  });
}

export const CASE_STATUSES = ['received', 'assigned', 'in_progress', 'scheduled', 'resolved', 'closed'] as const;

/** A status change with a note on a case of this tenant. */
export async function updateCase(
  db: Db,
  tenant: string,
  reference: string,
  agent: QueueAgent,
  input: { status: string; note?: string | null },
): Promise<CaseRow> {
  if (!(CASE_STATUSES as readonly string[]).includes(input.status)) {
    throw new QueueError(400, 'Unknown status', `Status must be one of ${CASE_STATUSES.join(', ')}.`);
  }
  const found = await findCaseByReference(db, tenant, reference);
  if (!found) throw new QueueError(404, 'Case not found', `There is no case ${reference}.`);
  return inTransaction(db, async (trx) => {
    const note = input.note?.trim() || null;
    await addCaseStatus(trx, tenant, found.id, input.status, note, `agent:${agent.id}`);
    await auditAgentAction(trx, tenant, agent, 'case.update', { type: 'case', id: found.id }, {
      reference: found.reference,
      from: found.status,
      to: input.status,
      note,
    });
    return { ...found, status: input.status };
  });
}
