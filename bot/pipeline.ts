import { RESIDENT, transition, type ConversationState } from '../conversations/index.js';
import {
  dialogueOf,
  findConversation,
  lockConversation,
  markProcessed,
  partsOf,
  pendingInbound,
  repliesTo,
  saveDialogue,
  storeInbound,
  storeOutbound,
  type ConversationRow,
  type Db,
  type MessageRow,
  type Store,
  type StoredInbound,
} from '../store/index.js';
import { emptyDialogue, type DialogueState } from './dialogue.js';
import type { ChannelName, HandoffNotice, InboundMessage, OutboundMessage } from './messages.js';
import { decideTurn } from './policy.js';
import type { TenantRuntime } from './runtime.js';
import { normaliseInboundText } from './inbound-text.js';

export interface TurnObserver {
  turn(tenant: string, channel: string, action: string, ms: number): void;
  error(err: unknown, context: Record<string, unknown>): void;
}

/** What happened in a turn that other parts (the console, referrals) react to, after it is committed. */
export type AssistantEvent =
  | { type: 'handoff'; tenant: string; conversationId: string; handoffId: string; reason: string; priority: string; queue: string; service: string | null; ooh: boolean; escalated?: boolean }
  | { type: 'activity'; tenant: string; conversationId: string; state: string };

export interface ReceiveResult {
  duplicate: boolean;
  /** The replies to this message (for a duplicate, the replies already given). */
  replies: OutboundMessage[];
  messageId: string;
  /** The conversation's state after the turn (for a duplicate, as it is now). */
  state: ConversationState;
  /** The handoff this message's turn made or raised, as the resident was told of it; undefined when none. */
  handoff?: HandoffNotice;
  /** What the turn did (`answer`, `case_created`, `goodbye`, `chat_ended`, `fault`...) and a case reference it gave. */
  action?: string;
  caseReference?: string;
}

interface TurnDone {
  action?: string;
  caseReference?: string;
}

function turnDone(recognition: unknown): TurnDone {
  const r = ((typeof recognition === 'string' ? JSON.parse(recognition) : recognition) ?? {}) as { action?: unknown; caseReference?: unknown };
  return {
    ...(typeof r.action === 'string' ? { action: r.action } : {}),
    ...(typeof r.caseReference === 'string' ? { caseReference: r.caseReference } : {}),
  };
}

export class UnknownTenantError extends Error {}

/**
 * The turn pipeline (ARCHITECTURE.md, "One turn"): store first, drop repeats, one turn at a time per
 * conversation (a row lock in the store, so it holds across processes), then decide.
 */
export class Assistant {
  constructor(
    private readonly store: Store,
    private readonly tenants: Map<string, TenantRuntime>,
    private readonly observer?: TurnObserver,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private listeners: ((e: AssistantEvent) => void)[] = [];

  /** Called after each committed turn, never inside its transaction. */
  onEvent(listener: (e: AssistantEvent) => void): void {
    this.listeners.push(listener);
  }

  private emit(events: AssistantEvent[]): void {
    for (const e of events) {
      for (const l of this.listeners) {
        try {
          l(e);
        } catch (err) {
          this.observer?.error(err, { event: e.type });
        }
      }
    }
  }

  runtime(tenant: string): TenantRuntime {
    const r = this.tenants.get(tenant);
    if (!r) throw new UnknownTenantError(`unknown tenant "${tenant}"`);
    return r;
  }

  /**
   * `already`: the message as a channel stored it before answering its provider (SMS stores it,
   * with the channel's own details, under the number's lock): taken as it is, never stored twice.
   */
  async receive(conversation: ConversationRow, inbound: InboundMessage, already?: StoredInbound): Promise<ReceiveResult> {
    const runtime = this.runtime(inbound.tenant);
    const stored =
      already ??
      (await storeInbound(this.store.db, {
        tenant: inbound.tenant,
        conversationId: conversation.id,
        channel: inbound.channel,
        providerMessageId: inbound.providerMessageId,
        text: normaliseInboundText(inbound.text),
        parts: inbound.attachments?.length ? { attachments: inbound.attachments } : undefined,
        receivedAt: inbound.receivedAt,
      }));
    // A provider id already used in another conversation is not this resident's message: never
    // answer with another conversation's replies (channels scope their ids; this is the backstop).
    if (stored.duplicate && stored.message.conversation_id !== conversation.id) {
      return { duplicate: true, replies: [], messageId: stored.message.id, state: conversation.state };
    }
    const done = new Map<string, TurnDone>();
    const after = stored.message.processed_at ? undefined : await this.answerPending(conversation, runtime, done);
    const rows = await repliesTo(this.store.db, inbound.tenant, stored.message.id);
    const replies = rows.map((r) => partsOf<OutboundMessage>(r) ?? { text: r.text });
    // Answered earlier (a duplicate) or by a failed turn: the state as it stands.
    const state = after ?? (await findConversation(this.store.db, inbound.tenant, conversation.id))?.state ?? conversation.state;
    return {
      duplicate: stored.duplicate,
      replies,
      messageId: stored.message.id,
      state,
      handoff: replies.find((r) => r.handoff)?.handoff,
      // This turn's own result; a duplicate's is the one recorded when it was first answered.
      ...(done.get(stored.message.id) ?? turnDone(stored.message.recognition)),
    };
  }

  /** Answers every stored, unanswered message of the conversation, oldest first. */
  async processPending(conversation: ConversationRow, runtime: TenantRuntime): Promise<void> {
    await this.answerPending(conversation, runtime);
  }

  /** processPending, returning the conversation's state after the turns (undefined when they failed). */
  private async answerPending(conversation: ConversationRow, runtime: TenantRuntime, done?: Map<string, TurnDone>): Promise<ConversationState | undefined> {
    const tenant = conversation.tenant_id;
    const events: AssistantEvent[] = [];
    try {
      const state = await this.store.db.transaction().execute(async (trx) => {
        const locked = await lockConversation(trx, tenant, conversation.id);
        if (!locked) return undefined;
        let current = locked;
        for (const message of await pendingInbound(trx, tenant, conversation.id)) {
          current = await this.turn(trx, runtime, current, message, events, done);
        }
        return current.state;
      });
      this.emit(events);
      return state;
    } catch (err) {
      // A fault in one turn must not lose the message or leave the resident unanswered.
      this.observer?.error(err, { tenant, conversationId: conversation.id });
      done?.clear(); // the turns rolled back: what they did never happened
      await this.answerAfterFault(conversation, tenant);
      return undefined;
    }
  }

  private async turn(trx: Db, runtime: TenantRuntime, conversation: ConversationRow, message: MessageRow, events: AssistantEvent[], done?: Map<string, TurnDone>): Promise<ConversationRow> {
    const started = performance.now();
    const now = this.clock();
    const dialogue: DialogueState = { ...emptyDialogue(), ...dialogueOf<DialogueState>(conversation) };
    const result = await decideTurn({
      db: trx,
      runtime,
      conversation,
      dialogue,
      text: message.text,
      channel: conversation.channel as ChannelName,
      now,
    });
    for (const reply of result.replies) {
      await storeOutbound(trx, {
        tenant: conversation.tenant_id,
        conversationId: conversation.id,
        channel: message.channel,
        author: 'bot',
        text: reply.text,
        parts: reply,
        replyTo: message.id,
      });
    }
    await markProcessed(trx, conversation.tenant_id, message.id, result.recognition);
    done?.set(message.id, turnDone(result.recognition));
    await saveDialogue(trx, conversation.tenant_id, conversation.id, result.dialogue);
    const h = result.recognition.handoff as Omit<Extract<AssistantEvent, { type: 'handoff' }>, 'type' | 'tenant' | 'conversationId' | 'handoffId'> & { id: string } | undefined;
    // The state changes through the lifecycle: a message after a close starts afresh, then the policy's move applies.
    let state = conversation.state;
    if (state === 'closed') state = (await transition(trx, conversation, 'bot', 'message_after_close', { now, actor: RESIDENT })).to;
    const move = result.move;
    if (move && move.to !== state) {
      state = (await transition(trx, { ...conversation, state }, move.to, move.cause, { now, actor: RESIDENT, handoffId: move.handoffId })).to;
    }
    this.observer?.turn(conversation.tenant_id, message.channel, String(result.recognition.action ?? 'none'), performance.now() - started);
    if (h) events.push({ type: 'handoff', tenant: conversation.tenant_id, conversationId: conversation.id, handoffId: h.id, reason: h.reason, priority: h.priority, queue: h.queue, service: h.service, ooh: h.ooh, escalated: h.escalated });
    events.push({ type: 'activity', tenant: conversation.tenant_id, conversationId: conversation.id, state });
    return { ...conversation, state, dialogue: result.dialogue };
  }

  private async answerAfterFault(conversation: ConversationRow, tenant: string): Promise<void> {
    await this.store.db.transaction().execute(async (trx) => {
      await lockConversation(trx, tenant, conversation.id);
      for (const message of await pendingInbound(trx, tenant, conversation.id)) {
        const reply: OutboundMessage = {
          text: "Sorry, something went wrong on our side. Your message has been saved. Please try again, or ask to talk to a person.",
          suggestions: [{ label: 'Talk to a person', value: 'Talk to a person' }],
        };
        await storeOutbound(trx, {
          tenant,
          conversationId: conversation.id,
          channel: message.channel,
          author: 'system',
          text: reply.text,
          parts: reply,
          replyTo: message.id,
          status: 'fault',
        });
        await markProcessed(trx, tenant, message.id, { action: 'fault' });
      }
    });
  }
}
