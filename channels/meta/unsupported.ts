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
    await storeOutbound(trx, { tenant, conversationId: conversation.id, channel, author: 'bot', text: input.reply, parts: { text: input.reply }, replyTo: stored.message.id });
    return conversation.id;
  });
}
