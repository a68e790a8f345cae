/**
 * How long an e-mail conversation waits for the resident, for the console (`messagingWindow`,
 * channel "email"): residents answer mail in days, not minutes, so a new mail from them carries the
 * conversation on for the council's `channels.email.resumeWithinDays` after it was last active (the
 * same rule inbound.ts applies). An agent's reply can go at any time; the window says until when
 * the resident's answer lands in this conversation rather than starting a new one.
 */
import type { Assistant } from '../../bot/index.js';
import { conversationAddress, findConversation, type Db } from '../../store/index.js';
import { emailSettingsOf } from './config.js';
import { EMAIL } from './inbound.js';

export const DEFAULT_RESUME_DAYS = 14;

export async function emailWindowOf(
  deps: { db: Db; assistant: Pick<Assistant, 'runtime'> },
  tenant: string,
  conversationId: string,
  now: Date,
): Promise<{ channel: string; open: boolean; closesAt: Date | null; agentClosesAt?: Date | null; humanAgentTag?: boolean } | undefined> {
  const address = await conversationAddress(deps.db, tenant, conversationId);
  if (address?.channel !== EMAIL) return undefined;
  const conversation = await findConversation(deps.db, tenant, conversationId);
  if (!conversation) return undefined;
  const days = emailSettingsOf({ assistant: deps.assistant, tenantIds: () => [tenant] }, tenant)?.resumeWithinDays ?? DEFAULT_RESUME_DAYS;
  const last = conversation.last_message_at ?? conversation.created_at;
  const closesAt = new Date(new Date(last).getTime() + days * 24 * 3600 * 1000);
  return { channel: EMAIL, open: conversation.state !== 'closed' && now.getTime() <= closesAt.getTime(), closesAt };
}
