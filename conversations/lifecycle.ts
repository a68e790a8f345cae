/**
 * The conversation lifecycle: its states, the transitions allowed between them (one table), and
 * the one function that changes a conversation's state. Every state write in the assistant goes
 * through `transition`: it refuses what the table does not allow, writes the state, records the
 * change in the conversation's history (conversation_events) and stores the resident's notice,
 * all in one transaction; the caller publishes the returned change after commit.
 */
import {
  lockConversation,
  recordConversationEvent,
  setConversationState,
  storeOutbound,
  type ConversationRow,
  type ConversationState,
  type Db,
  type MessageRow,
} from '../store/index.js';
import type { Notice, NoticeKind } from './notices.js';

export type { ConversationState };

export const CONVERSATION_STATES: readonly ConversationState[] = ['bot', 'queued', 'with_agent', 'closed'];

export type TransitionCause =
  | 'handoff_created'
  | 'handoff_escalated'
  | 'agent_accepted'
  | 'transferred'
  | 'handed_back'
  | 'closed_by_agent'
  | 'resident_ended'
  | 'resident_left_queue'
  | 'caller_left'
  | 'message_after_close';

/**
 * How the resident hears of a change: a lifecycle notice of that kind (notices.ts), the
 * assistant's own reply in the same turn (its wording depends on opening hours, who is free and
 * the risk, which the bot decides), or nothing (nobody is there to tell).
 */
export type Announcement = NoticeKind | 'turn_reply' | 'none';

export interface Transition {
  from: readonly ConversationState[];
  to: ConversationState;
  cause: TransitionCause;
  announce: Announcement;
}

/**
 * Every allowed change. A handoff can stay open while the conversation is `bot` or `closed`: an
 * urgent (safety) handoff is kept for the team when the resident ends the chat, so an agent may
 * still take or close it from there.
 */
export const TRANSITIONS: readonly Transition[] = [
  // The assistant queues the conversation for a person (a request, a safety disclosure).
  { from: ['bot'], to: 'queued', cause: 'handoff_created', announce: 'turn_reply' },
  // A new disclosure on a conversation whose urgent handoff was kept open: it is raised and queued again.
  { from: ['bot'], to: 'queued', cause: 'handoff_escalated', announce: 'turn_reply' },
  { from: ['queued', 'bot', 'closed'], to: 'with_agent', cause: 'agent_accepted', announce: 'agent_joined' },
  // To another queue or a named colleague; a supervisor may also move a handoff nobody holds yet.
  { from: ['with_agent', 'queued'], to: 'queued', cause: 'transferred', announce: 'transferred' },
  { from: ['with_agent', 'queued'], to: 'bot', cause: 'handed_back', announce: 'handed_back' },
  { from: ['with_agent', 'queued', 'bot'], to: 'closed', cause: 'closed_by_agent', announce: 'closed' },
  // A kept urgent handoff closed after the resident ended the chat: they have gone, nothing to tell.
  { from: ['closed'], to: 'closed', cause: 'closed_by_agent', announce: 'none' },
  // "End chat" (typed, the widget's button, SMS "end") in any open state.
  { from: ['bot', 'queued', 'with_agent'], to: 'closed', cause: 'resident_ended', announce: 'turn_reply' },
  // "Stop waiting" before anyone accepted: the assistant answers again.
  { from: ['queued'], to: 'bot', cause: 'resident_left_queue', announce: 'turn_reply' },
  // A caller who hung up (or left) while waiting in the Twilio queue.
  { from: ['queued'], to: 'closed', cause: 'caller_left', announce: 'none' },
  // A message after a close starts afresh with the assistant.
  { from: ['closed'], to: 'bot', cause: 'message_after_close', announce: 'none' },
];

/** The table's row for a change, if it is allowed. */
export function allowedTransition(from: ConversationState, to: ConversationState, cause: TransitionCause): Transition | undefined {
  return TRANSITIONS.find((t) => t.cause === cause && t.to === to && t.from.includes(from));
}

/** How the table announces a change to the resident (undefined when the change is not allowed). */
export function announcement(from: ConversationState, to: ConversationState, cause: TransitionCause): Announcement | undefined {
  return allowedTransition(from, to, cause)?.announce;
}

/** The states a conversation in `from` may move to, with the causes that move it there. */
export function transitionsFrom(from: ConversationState): { to: ConversationState; cause: TransitionCause }[] {
  return TRANSITIONS.filter((t) => t.from.includes(from)).map((t) => ({ to: t.to, cause: t.cause }));
}

export interface Actor {
  type: 'resident' | 'agent' | 'system';
  id: string | null;
}

export const RESIDENT: Actor = { type: 'resident', id: null };

export interface TransitionOptions {
  now: Date;
  actor: Actor;
  /** The handoff the change concerns, kept with the event. */
  handoffId?: string | null;
  /** Required exactly when the table announces the change with a lifecycle notice of that kind. */
  notice?: Notice;
}

/**
 * What a committed change must publish: the conversation's new state to the console and the
 * resident's browser, and the stored notice to deliver (web chat refresh, SMS dispatch; the SMS
 * outbox sweep sends it if that is lost).
 */
export interface ConversationChange {
  tenant: string;
  conversationId: string;
  from: ConversationState;
  to: ConversationState;
  cause: TransitionCause;
  handoffId: string | null;
  conversation: ConversationRow;
  notice: MessageRow | null;
}

/** A change the table does not allow, a notice that does not fit it, or a conversation that has moved on meanwhile. */
export class TransitionRefused extends Error {
  constructor(
    readonly from: ConversationState,
    readonly to: ConversationState,
    readonly cause: TransitionCause,
    readonly why: 'not_allowed' | 'notice' | 'stale',
  ) {
    super(
      why === 'stale'
        ? `The conversation is no longer ${from}.`
        : why === 'notice'
          ? `A ${cause} change from ${from} to ${to} is announced differently.`
          : `A conversation cannot go from ${from} to ${to} (${cause}).`,
    );
    this.name = 'TransitionRefused';
  }
}

/**
 * Changes the conversation's state. `conversation` is the row as read under its lock
 * (`lockConversation`): the write is conditional on that state, so a stale row is refused.
 * Runs in `db`'s transaction (or one of its own): the state, the event and the notice commit together.
 */
export async function transition(
  db: Db,
  conversation: ConversationRow,
  to: ConversationState,
  cause: TransitionCause,
  options: TransitionOptions,
): Promise<ConversationChange> {
  const from = conversation.state;
  const rule = allowedTransition(from, to, cause);
  if (!rule) throw new TransitionRefused(from, to, cause, 'not_allowed');
  const noticeWanted = rule.announce !== 'turn_reply' && rule.announce !== 'none';
  if (noticeWanted ? options.notice?.kind !== rule.announce : options.notice) throw new TransitionRefused(from, to, cause, 'notice');
  const apply = async (trx: Db): Promise<ConversationChange> => {
    const tenant = conversation.tenant_id;
    const updated = await setConversationState(trx, tenant, conversation.id, { from, to, now: options.now });
    if (!updated) throw new TransitionRefused(from, to, cause, 'stale');
    const notice = options.notice
      ? await storeOutbound(trx, {
          tenant,
          conversationId: conversation.id,
          channel: conversation.channel,
          author: 'system',
          text: options.notice.text,
          // The notice's language, as the pipeline's replies carry theirs (the widget's lang, the voice).
          parts: { text: options.notice.text, notice: options.notice.kind, ...(options.notice.language ? { language: options.notice.language } : {}) },
          replyTo: null,
        })
      : null;
    const handoffId = options.handoffId ?? null;
    await recordConversationEvent(trx, {
      tenant,
      conversationId: conversation.id,
      from,
      to,
      cause,
      actor: options.actor,
      handoffId,
      noticeMessageId: notice?.id ?? null,
      at: options.now,
    });
    return { tenant, conversationId: conversation.id, from, to, cause, handoffId, conversation: updated, notice };
  };
  return db.isTransaction ? apply(db) : db.transaction().execute(apply);
}

/**
 * Locks the conversation and changes it only if it is still in `from` (null otherwise, e.g. an
 * agent took the call meanwhile): for events that arrive from outside a turn, such as a caller
 * leaving the Twilio queue.
 */
export async function transitionIfIn(
  db: Db,
  tenant: string,
  conversationId: string,
  change: { from: ConversationState; to: ConversationState; cause: TransitionCause } & TransitionOptions,
): Promise<ConversationChange | null> {
  const run = async (trx: Db) => {
    const locked = await lockConversation(trx, tenant, conversationId);
    if (!locked || locked.state !== change.from) return null;
    return transition(trx, locked, change.to, change.cause, change);
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}
