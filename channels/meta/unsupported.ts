/**
 * A message the assistant cannot read yet (a photo, a voice note...) is still the resident's:
 * stored once (its wamid de-duplicates Meta's retries), already answered, with a polite reply
 * stored beside it, in one transaction under the resident's lock. Written answered in the same
 * transaction, it is never seen unanswered, so no turn (nor the recovery sweep) ever runs on it;
 * the reply leaves through the outbox like any other.
 */
import { normaliseInboundText } from '../../bot/index.js';
import {
  inboundByProviderId,
  markProcessed,
  resolveConversation,
  storeInbound,
  storeOutbound,
  withIdentityLock,
  type ConversationRow,
  type Db,
} from '../../store/index.js';

export interface Unanswerable {
  tenant: string;
  channel: string;
  channelUserId: string;
  providerMessageId: string;
  text: string;
  details: Record<string, unknown>;
  reply: string;
  receivedAt: Date;
  reuse: (latest: ConversationRow, trx: Db) => boolean | Promise<boolean>;
}

/** Returns the conversation, or null when the message was stored before (a retry: nothing more to do). */
export async function storeAnsweredPolitely(db: Db, input: Unanswerable): Promise<string | null> {
  return (await storeAnswered(db, input))?.conversationId ?? null;
}

/**
 * As storeAnsweredPolitely, with the reply chosen in the conversation's light (is a report under
 * way?) and parts of its own (WhatsApp's STOP confirmation); returns the stored message's id too.
 */
export async function storeAnswered(
  db: Db,
  input: Omit<Unanswerable, 'reply'> & { reply: string | ((conversation: ConversationRow) => string); replyParts?: Record<string, unknown> },
): Promise<{ conversationId: string; messageId: string; conversation: ConversationRow } | null> {
  const { tenant, channel, channelUserId, providerMessageId } = input;
  return withIdentityLock(db, { tenant, channel, channelUserId }, async (trx) => {
    if (await inboundByProviderId(trx, tenant, channel, providerMessageId)) return null;
    const { conversation } = await resolveConversation(trx, { tenant, channel, channelUserId, reuse: input.reuse });
    const stored = await storeInbound(trx, {
      tenant,
      conversationId: conversation.id,
      channel,
      providerMessageId,
      text: normaliseInboundText(input.text),
      parts: input.details,
      receivedAt: input.receivedAt,
    });
    if (stored.duplicate) return null;
    await markProcessed(trx, tenant, stored.message.id, undefined);
    const reply = typeof input.reply === 'function' ? input.reply(conversation) : input.reply;
    await storeOutbound(trx, { tenant, conversationId: conversation.id, channel, author: 'bot', text: reply, parts: { ...input.replyParts, text: reply }, replyTo: stored.message.id });
    return { conversationId: conversation.id, messageId: String(stored.message.id), conversation };
  });
}
