import {
  agentJoinedNotice,
  announcement,
  closedNotice,
  handedBackNotice,
  noticeLanguage,
  transferredNotice,
  transition,
  TransitionRefused,
  type Actor,
  type ConversationState,
  type Notice,
  type NoticeLanguage,
  type TransitionCause,
} from '../../conversations/index.js';
import {
  abandonHandoff,
  conversationSafetyFlag,
  addCaseStatus,
  assignHandoff,
  createCase,
  findCaseByReference,
  findConversation,
  lockAgentLoad,
  lockConversation,
  openHandoffFor,
  recordFirstReply,
  requeueHandoff,
  resolveHandoff,
  saveDialogue,
  storeOutbound,
  touchConversation,
  transcript,
  transferTargetAgent,
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
import { conversationSight, sightOf } from './access.js';
import { accessTo, needsOverflowCheck, OverflowState, type UrgentOverflow } from './overflow.js';
import { CLOSE_OUTCOMES, QueueError, type CloseOutcome, type QueueAgent, type QueueSettings } from './types.js';

export async function getConversation(db: Db, tenant: string, id: string): Promise<ConversationRow> {
  const row = isUuidish(id) ? await findConversation(db, tenant, id) : undefined;
  if (!row) throw new QueueError(404, 'Conversation not found', `There is no conversation ${id}.`);
  return row;
}

/** The conversation's row under its lock, for the rest of the transaction. */
async function locked(trx: Db, tenant: string, conversationId: string): Promise<ConversationRow> {
  const row = await lockConversation(trx, tenant, conversationId);
  if (!row) throw new QueueError(404, 'Conversation not found');
  return row;
}

/**
 * The agent's change of the conversation's state, through the lifecycle (conversations/): a
 * change the lifecycle refuses is a conflict for the console (409), not a server fault.
 */
async function change(
  trx: Db,
  conversation: ConversationRow,
  to: ConversationState,
  cause: TransitionCause,
  agent: QueueAgent,
  handoffId: string,
  now: Date,
  notice?: Notice,
) {
  const actor: Actor = { type: 'agent', id: agent.id };
  try {
    return await transition(trx, conversation, to, cause, { now, actor, handoffId, notice });
  } catch (err) {
    if (err instanceof TransitionRefused) throw new QueueError(409, 'Not possible now', err.message);
    throw err;
  }
}

/**
 * The council's Welsh queue names by queue id (its settings' `welsh.queues`), passed by the
 * caller with the queues: this folder does not read the bot's settings itself.
 */
export type WelshQueueNames = Readonly<Record<string, string>>;

/** A queue's name in the resident's notice: its Welsh name in a Welsh notice where the council gives one, else its own. */
function noticeQueueName(queue: QueueSettings, language: NoticeLanguage, welshQueues: WelshQueueNames | undefined): string {
  return (language === 'cy' ? welshQueues?.[queue.id] : undefined) ?? queue.name;
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
 * the audit event says so. A handoff the agent may not open is not found (404, as for one that
 * does not exist: need-to-know, access.ts), whatever its state.
 */
export async function accept(
  db: Db,
  tenant: string,
  handoffId: string,
  agent: QueueAgent,
  queues: readonly QueueSettings[],
  now = new Date(),
  options: { urgentOverflow?: UrgentOverflow; welshQueues?: WelshQueueNames } = {},
): Promise<AcceptResult> {
  const found = await findHandoff(db, tenant, handoffId);
  const queue = queueOrDefault(queues, found.queue);
  const policy = options.urgentOverflow ?? 'none';
  const waiting = !found.closed_at && !found.agent_id;
  const overflow =
    waiting && policy !== 'none' && needsOverflowCheck(agent, found, queues) ? await OverflowState.load(db, tenant, queues, policy, now) : undefined;
  if (!sightOf(agent, found, queues, overflow)) throw new QueueError(404, 'Handoff not found', `There is no handoff ${handoffId}.`);
  if (found.closed_at) throw new QueueError(409, 'Handoff closed', 'This conversation is no longer waiting.');
  if (found.agent_id) throw new QueueError(409, 'Already taken', 'Someone else has taken this conversation.');
  const access = accessTo(agent, found, queues, overflow);
  if (!access) throw new QueueError(404, 'Handoff not found', `There is no handoff ${handoffId}.`);

  const result = await inTransaction(db, async (trx) => {
    // Lock order: conversation, agent, handoff (the turn pipeline locks the conversation first too).
    const conversation = await locked(trx, tenant, found.conversation_id);
    const me = await lockAgentLoad(trx, tenant, agent.id);
    if (!me || me.disabled_at) throw new QueueError(403, 'Agent not found');
    if (me.open >= me.capacity) {
      throw new QueueError(409, 'At capacity', `You already have ${me.open} open conversations (your capacity is ${me.capacity}).`);
    }
    const handoff = await assignHandoff(trx, tenant, handoffId, agent.id, now);
    if (!handoff) throw new QueueError(409, 'Already taken', 'Someone else has taken this conversation.');
    // The resident's notice commits with the change; the route delivers it after commit.
    const language = noticeLanguage(conversation);
    const notice = agentJoinedNotice(me.name, noticeQueueName(queue, language, options.welshQueues), language);
    const joined = await change(trx, conversation, 'with_agent', 'agent_accepted', agent, handoffId, now, notice);
    await auditAgentAction(trx, tenant, agent, 'handoff.accept', { type: 'conversation', id: conversation.id }, {
      handoffId,
      queue: handoff.queue,
      priority: handoff.priority,
      waitedSeconds: Math.round((now.getTime() - handoff.created_at.getTime()) / 1000),
      // Opened by an agent without the queue's skills because nobody with them was available.
      ...(access === 'overflow' ? { overflow: { policy: 'all_agents', agentSkills: agent.skills, queueSkills: queue.skills } } : {}),
    });
    return { handoff, conversationId: conversation.id, message: joined.notice! };
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
    await recordFirstReply(trx, tenant, handoff.id, now);
    await touchConversation(trx, tenant, conversation.id, now);
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
 * (state `queued`, handoff `pending`): nobody holds it until the new side accepts.
 */
export async function transfer(
  db: Db,
  tenant: string,
  conversationId: string,
  agent: QueueAgent,
  input: TransferInput,
  queues: readonly QueueSettings[],
  now = new Date(),
  options: { welshQueues?: WelshQueueNames } = {},
): Promise<HandoffRow> {
  const note = input.note.trim();
  if (!input.queue && !input.agentId) throw new QueueError(400, 'Transfer needs a destination', 'Choose a queue or an agent.');
  const conversation = await getConversation(db, tenant, conversationId);
  let targetAgent: { id: string; name: string; skills: string[] } | undefined;
  if (input.agentId) {
    const row = await transferTargetAgent(db, tenant, input.agentId);
    if (!row || row.disabled_at) throw new QueueError(400, 'Unknown agent', `There is no agent ${input.agentId}.`);
    targetAgent = { id: row.id, name: row.name, skills: jsonArray(row.skills) };
  }
  const result = await inTransaction(db, async (trx) => {
    const current = await locked(trx, tenant, conversation.id);
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
    const updated = await requeueHandoff(trx, tenant, handoff.id, { queue: queueId, note: note || null, offeredTo: targetAgent?.id ?? null, context: nextContext, now });
    if (!updated) throw new QueueError(409, 'Already closed', 'This handoff has already been closed.');
    // In the conversation's language (issue 17).
    const language = noticeLanguage(current);
    const notice = targetAgent
      ? transferredNotice({ agentName: targetAgent.name }, language)
      : transferredNotice({ teamName: noticeQueueName(queueOrDefault(queues, queueId), language, options.welshQueues) }, language);
    await change(trx, current, 'queued', 'transferred', agent, handoff.id, now, notice);
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
    const current = await locked(trx, tenant, conversation.id);
    const handoff = await heldHandoff(trx, tenant, conversation.id, agent, true);
    const closed = await closeHandoffRow(trx, tenant, handoff.id, 'handed_back', now);
    await saveDialogue(trx, tenant, conversation.id, { misunderstandings: 0 });
    await change(trx, current, 'bot', 'handed_back', agent, handoff.id, now, handedBackNotice(agent.name, noticeLanguage(current)));
    await auditAgentAction(trx, tenant, agent, 'conversation.hand_back', { type: 'conversation', id: conversation.id }, { handoffId: handoff.id });
    return closed;
  });
}

/**
 * Closes the handoff with an outcome and the conversation with it, telling the resident. Their
 * next message starts afresh: the pipeline moves a closed conversation back to the assistant with
 * a reset dialogue (web chat) and SMS opens a new conversation after a close. A handoff kept open
 * after the resident ended the chat is closed without a notice: they have already gone.
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
    const current = await locked(trx, tenant, conversation.id);
    const handoff = await heldHandoff(trx, tenant, conversation.id, agent, true);
    const closed = await closeHandoffRow(trx, tenant, handoff.id, outcome, now);
    const notice = announcement(current.state, 'closed', 'closed_by_agent') === 'closed' ? closedNotice(agent.name, noticeLanguage(current)) : undefined;
    await change(trx, current, 'closed', 'closed_by_agent', agent, handoff.id, now, notice);
    await auditAgentAction(trx, tenant, agent, 'conversation.close', { type: 'conversation', id: conversation.id }, { handoffId: handoff.id, outcome });
    return closed;
  });
}

async function closeHandoffRow(db: Db, tenant: string, id: string, outcome: string, now: Date): Promise<HandoffRow> {
  const row = await resolveHandoff(db, tenant, id, outcome, now);
  if (!row) throw new QueueError(409, 'Already closed', 'This handoff has already been closed.');
  return row;
}

/** Marks a waiting handoff as given up by the resident (counts as abandoned in service levels). */
export async function abandon(db: Db, tenant: string, handoffId: string, now = new Date()): Promise<boolean> {
  return abandonHandoff(db, tenant, handoffId, now);
}

export interface ConversationView {
  conversation: {
    id: string;
    channel: string;
    state: ConversationState;
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

/**
 * Everything an agent sees of a conversation; the view itself is audited (and the contact's record
 * with it), with why the agent may see it and whether a supervisor looked outside their own skills.
 * A conversation the agent may not see (access.ts) is not found, exactly as one that does not exist.
 */
export async function viewConversation(
  db: Db,
  tenant: string,
  conversationId: string,
  agent: QueueAgent,
  queues: readonly QueueSettings[],
  flowTitle?: (id: string) => string | undefined,
  serviceName?: ServiceNames,
  options: { urgentOverflow?: UrgentOverflow; now?: Date } = {},
): Promise<ConversationView> {
  const conversation = await getConversation(db, tenant, conversationId);
  const seen = await conversationSight(db, tenant, conversation.id, agent, queues, options);
  if (!seen.sight) throw new QueueError(404, 'Conversation not found', `There is no conversation ${conversationId}.`);
  const handoff = seen.handoff;
  const messages = await transcript(db, tenant, conversation.id);
  // An earlier conversation of the resident: by the same rule when it was handed off; never handed
  // off (the assistant alone answered), shown unless it carries a safety flag.
  const visible = async (id: string) => {
    const earlier = await conversationSight(db, tenant, id, agent, queues, options);
    if (earlier.sight) return true;
    return !earlier.handoff && !(await conversationSafetyFlag(db, tenant, id));
  };
  const context = await conversationContext(db, tenant, conversation, handoff, flowTitle, serviceName, visible);
  await auditAgentAction(db, tenant, agent, 'conversation.view', { type: 'conversation', id: conversation.id }, {
    handoffId: handoff?.id ?? null,
    cases: context.cases.map((c) => c.reference),
    access: seen.sight,
    ...(seen.outsideSkills ? { outsideSkills: true, agentSkills: agent.skills, queue: handoff?.queue ?? null } : {}),
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
      via: 'agent',
      historyNote: `Raised by ${agent.name}`,
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
