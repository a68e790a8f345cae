/**
 * Messenger's standard messaging window, decided for each outbound message as it leaves: within
 * 24 hours of the resident's last message anything may be sent (`messaging_type: RESPONSE`);
 * after it only a human agent's reply, tagged HUMAN_AGENT (`messaging_type: MESSAGE_TAG`), within
 * 7 days and only where the council's Page has Meta's Human Agent permission
 * (`channels.messengerHumanAgentTag`). Anything else is refused here, for good, with the reason
 * recorded on the message, rather than sent for Meta to refuse (code 10, subcode 2018278).
 * Instagram follows the same rules.
 */
import { findConversation, partsOf, transcript, type Db } from '../../store/index.js';
import { DeliveryError } from '../adapter.js';
import type { MessagingType } from './messenger-send.js';

export const STANDARD_WINDOW_MS = 24 * 3600 * 1000;
export const HUMAN_AGENT_WINDOW_MS = 7 * 24 * 3600 * 1000;
/** Messages read to find the resident's last one (store's transcript reads oldest first). */
const TRANSCRIPT_LIMIT = 2000;

/**
 * When the resident last wrote in the conversation: its latest inbound message's time. (One
 * indexed query in store/ would read it directly; this reads the conversation's messages.) A
 * conversation longer than the transcript read falls back to its last activity (an upper bound:
 * Meta's own check then has the last word).
 */
export async function residentLastWrote(db: Db, tenant: string, conversationId: string): Promise<Date | undefined> {
  const messages = await transcript(db, tenant, conversationId, TRANSCRIPT_LIMIT);
  if (messages.length >= TRANSCRIPT_LIMIT) {
    const conversation = await findConversation(db, tenant, conversationId);
    return conversation?.last_message_at ?? undefined;
  }
  const last = messages.filter((m) => m.direction === 'in').pop();
  if (!last) return undefined;
  // The earlier of when it was stored and Meta's own timestamp: a delivery Meta retried late does not stretch the window.
  const stored = new Date(last.created_at).getTime();
  const parts = partsOf<Record<string, { timestamp?: unknown } | undefined>>(last);
  const stamped = Object.values(parts ?? {}).find((p) => typeof p?.timestamp === 'number')?.timestamp as number | undefined;
  return new Date(stamped !== undefined && stamped < stored ? stamped : stored);
}

const hours = (ms: number) => (ms < 48 * 3600 * 1000 ? `${Math.floor(ms / 3600_000)} hours` : `${Math.floor(ms / (24 * 3600_000))} days`);

export interface WindowInput {
  platform: string;
  author: string;
  lastWrote: Date | undefined;
  now: Date;
  humanAgentTag: boolean;
}

/** The messaging type to send with, or a DeliveryError (not retryable) saying why it may not be sent. */
export function messagingTypeFor(input: WindowInput): MessagingType {
  const { platform, author, lastWrote, now, humanAgentTag } = input;
  const since = lastWrote ? now.getTime() - lastWrote.getTime() : Infinity;
  if (since <= STANDARD_WINDOW_MS) return { messaging_type: 'RESPONSE' };
  const ago = lastWrote ? `the resident last wrote ${hours(since)} ago` : 'the resident has not written';
  const until = 'it can be sent once the resident writes again';
  if (author !== 'agent') throw new DeliveryError(`Not sent: outside ${platform}'s 24-hour messaging window (${ago}); only an agent's reply may follow it, with the HUMAN_AGENT tag; ${until}`, false);
  if (!humanAgentTag) {
    throw new DeliveryError(
      `Not sent: outside ${platform}'s 24-hour messaging window (${ago}) and the council's Page has no Human Agent permission (channels.messengerHumanAgentTag); ${until}`,
      false,
    );
  }
  if (since > HUMAN_AGENT_WINDOW_MS) throw new DeliveryError(`Not sent: ${ago}, beyond the 7 days the HUMAN_AGENT tag allows; ${until}`, false);
  return { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' };
}
