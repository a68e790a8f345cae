import { createConversation, findOrCreateContact, type ConversationRow, type Db } from '../store/index.js';

/**
 * The conversation a message from a channel identity (a phone number, a PSID) belongs to: the
 * latest one on that channel if it is recent and open, otherwise a new one for the same contact,
 * so the resident's history stays visible to agents.
 */
export async function conversationForIdentity(
  db: Db,
  input: { tenant: string; channel: string; channelUserId: string; resumeWithinMs: number; now: Date },
): Promise<{ conversation: ConversationRow; created: boolean }> {
  const contactId = await findOrCreateContact(db, input.tenant, input.channel, input.channelUserId);
  const latest = await db
    .selectFrom('conversations')
    .selectAll()
    .where('tenant_id', '=', input.tenant)
    .where('channel', '=', input.channel)
    .where('channel_user_id', '=', input.channelUserId)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const lastActive = latest ? (latest.last_message_at ?? latest.created_at) : null;
  if (latest && latest.state !== 'closed' && lastActive && input.now.getTime() - new Date(lastActive).getTime() <= input.resumeWithinMs) {
    return { conversation: latest, created: false };
  }
  // A person may still hold an older conversation: it stays theirs; the resident starts afresh.
  const conversation = await createConversation(db, {
    tenant: input.tenant,
    channel: input.channel,
    channelUserId: input.channelUserId,
    contactId,
  });
  return { conversation, created: true };
}
