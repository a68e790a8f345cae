/**
 * The messaging window an agent sees beside a conversation on Meta's channels (the console's
 * `messagingWindow`): WhatsApp's 24-hour customer-service window (whatsapp-window.ts: outside it a
 * reply waits for the resident and a template asks them to write), and Messenger's and Instagram's
 * standard 24-hour window, after which only an agent's reply may go, tagged HUMAN_AGENT, for up to
 * 7 days from the resident's last message, and only where the council's Page has that permission
 * (messenger-window.ts decides each send by the same rules). Other channels have none.
 */
import type { Assistant } from '../../bot/index.js';
import { conversationAddress, type Db } from '../../store/index.js';
import { humanAgentTagAllowed } from './messenger-ids.js';
import { HUMAN_AGENT_WINDOW_MS, residentLastWrote, STANDARD_WINDOW_MS } from './messenger-window.js';
import { conversationWindow } from './whatsapp-window.js';

export interface MessagingWindow {
  channel: string;
  /** Free-form messages allowed now. */
  open: boolean;
  /** When the standard window closes (null: the resident has not written). */
  closesAt: Date | null;
  /** Messenger and Instagram: until when an agent's reply may still go (7 days with the HUMAN_AGENT tag, else `closesAt`). */
  agentClosesAt?: Date | null;
  /** Messenger and Instagram: whether the council's Page may use the HUMAN_AGENT tag. */
  humanAgentTag?: boolean;
}

const MESSAGING = new Set(['messenger', 'instagram']);

export async function messagingWindowOf(deps: { db: Db; assistant: Pick<Assistant, 'runtime'> }, tenant: string, conversationId: string, now: Date): Promise<MessagingWindow | undefined> {
  const address = await conversationAddress(deps.db, tenant, conversationId);
  if (!address) return undefined;
  if (address.channel === 'whatsapp') return conversationWindow(deps.db, tenant, conversationId, now);
  if (!MESSAGING.has(address.channel)) return undefined;
  const humanAgentTag = humanAgentTagAllowed({ assistant: deps.assistant, tenantIds: () => [tenant] }, tenant);
  const lastWrote = await residentLastWrote(deps.db, tenant, conversationId);
  if (!lastWrote) return { channel: address.channel, open: false, closesAt: null, agentClosesAt: null, humanAgentTag };
  const closesAt = new Date(lastWrote.getTime() + STANDARD_WINDOW_MS);
  const agentClosesAt = humanAgentTag ? new Date(lastWrote.getTime() + HUMAN_AGENT_WINDOW_MS) : closesAt;
  return { channel: address.channel, open: now.getTime() <= closesAt.getTime(), closesAt, agentClosesAt, humanAgentTag };
}
