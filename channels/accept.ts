/**
 * One way in for every channel: resolve the resident's conversation, store the message once, and
 * (after the caller has answered its provider, if it must answer fast) run the turn and return a
 * structured outcome, so no channel reads the result back from the database.
 *
 * Race-safe: resolving and storing run under the identity's advisory lock, so two identical first
 * messages delivered at once make one conversation and one stored message (the second is a
 * duplicate of the first, answered with the same replies).
 */
import type { Assistant, InboundMessage, ReceiveResult } from '../bot/index.js';
import { normaliseInboundText } from '../bot/index.js';
import {
  findConversation,
  inboundByProviderId,
  resolveConversation,
  storeInbound,
  withIdentityLock,
  type ConversationRow,
  type Db,
  type StoredInbound,
} from '../store/index.js';
import type { ChannelDeps } from './adapter.js';

export interface AcceptInput extends InboundMessage {
  /** Whether the resident's latest conversation on this channel carries on (else a new one starts). */
  reuse: (latest: ConversationRow, trx: Db) => boolean | Promise<boolean>;
  /** Channel details kept with the message (a number's `To`, segments...), given what `interpret` made of the text. */
  details?: (interpreted: string | undefined) => Record<string, unknown>;
  /**
   * Reads the text in the conversation's context before it is stored (SMS: "2" picks the second
   * option it was last sent); returns the text to store, or undefined to keep what was sent.
   */
  interpret?: (trx: Db, conversation: ConversationRow) => Promise<string | undefined>;
}

export interface Accepted {
  conversation: ConversationRow;
  stored: StoredInbound;
  /** Runs the turn (a duplicate already answered returns the replies it was given) and sends the replies. */
  answer(): Promise<TurnOutcome>;
}

export interface TurnOutcome extends ReceiveResult {
  conversationId: string;
}

export interface AcceptDeps extends Pick<ChannelDeps, 'db' | 'dispatch'> {
  assistant: Pick<Assistant, 'receive'>;
}

/** A provider message id already stored for another resident on the channel: refused, never merged. */
export class ProviderIdReused extends Error {
  constructor(channel: string, id: string) {
    super(`message id "${id}" on ${channel} already belongs to another resident`);
  }
}

/** Stores the message (once) in the resident's conversation; `answer()` runs the turn. */
export async function acceptInbound(deps: AcceptDeps, input: AcceptInput): Promise<Accepted> {
  const { tenant, channel, channelUserId, providerMessageId } = input;
  const { conversation, stored } = await withIdentityLock(deps.db, { tenant, channel, channelUserId }, async (trx) => {
    // Delivered before (a provider's retry, or the same message twice at once): it stays where it was stored.
    const earlier = await inboundByProviderId(trx, tenant, channel, providerMessageId);
    const earlierConversation = earlier && (await findConversation(trx, tenant, earlier.conversation_id));
    // A provider id belongs to one resident: never answer with another's conversation.
    if (earlierConversation && earlierConversation.channel_user_id !== channelUserId) throw new ProviderIdReused(channel, providerMessageId);
    if (earlier && earlierConversation) return { conversation: earlierConversation, stored: { message: earlier, duplicate: true } as StoredInbound };
    const { conversation } = await resolveConversation(trx, { tenant, channel, channelUserId, reuse: input.reuse });
    const interpreted = input.interpret ? await input.interpret(trx, conversation) : undefined;
    const stored = await storeInbound(trx, {
      tenant,
      conversationId: conversation.id,
      channel,
      providerMessageId,
      text: normaliseInboundText(interpreted ?? input.text),
      parts: input.attachments?.length || input.details ? { ...(input.attachments?.length ? { attachments: input.attachments } : {}), ...input.details?.(interpreted) } : undefined,
      receivedAt: input.receivedAt,
    });
    return { conversation, stored };
  });
  return {
    conversation,
    stored,
    async answer() {
      // Unprocessed (new, or a repeat of one whose turn is still running or was lost): the turn
      // answers every pending message under the conversation's row lock, so it is answered once.
      const { reuse: _reuse, interpret: _interpret, details: _details, ...inbound } = input;
      const result = await deps.assistant.receive(conversation, { ...inbound, text: stored.message.text }, stored);
      // A crash between a turn and its sends is mended on a repeat too: dispatch is idempotent.
      await deps.dispatch(tenant, conversation.id);
      return { ...result, conversationId: conversation.id };
    },
  };
}
