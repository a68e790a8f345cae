/**
 * Satisfaction on every channel (issue 16, item 4): "How did we do?" (good, okay, poor) with an
 * optional comment, asked once per conversation at its end, never after a safety disclosure.
 *
 * - The policy (policy.ts) asks when the resident ends the chat or says goodbye (`askAtEnd`) and
 *   reads the answer (`answerSatisfaction`) before anything else is made of the message: a "1"
 *   after the question is the rating, not a menu choice. Both only read; what changes is a
 *   `satisfaction` effect (effects.ts) the pipeline applies.
 * - An adviser closing a conversation asks through `askAfterAgentClose` (the console's close).
 * - A phone call asks for a key before it ends (`mayAskByPhone`, `recordPhoneAsk`, `recordKey`,
 *   used by channels/twilio/voice/satisfaction-call.ts); a caller who hangs up is not chased.
 * The question's state lives in the store (store/satisfaction.ts), not the dialogue: a chat
 * reopened after a close starts a fresh dialogue, and a text after a close opens a new conversation.
 */
import { randomUUID } from 'node:crypto';
import {
  closeSatisfaction,
  conversationSafetyFlag,
  SUPPRESSION_FLAGS,
  findConversation,
  fromJson,
  pendingSatisfaction,
  recordSatisfactionAskedAbout,
  recordSatisfactionComment,
  recordSatisfactionScore,
  satisfactionAskable,
  storeOutbound,
  type ConversationRow,
  type Db,
  type SatisfactionScore,
} from '../store/index.js';
import { clean, isPersonRequest } from './matching.js';
import type { Language, OutboundMessage, Suggestion } from './messages.js';
import { messagesIn } from './i18n/index.js';

/** A question not answered within this time has lapsed: a "1" next week is a new message. */
export const SATISFACTION_ANSWER_WITHIN_MS = 24 * 3600_000;

export const SATISFACTION_SUGGESTIONS: Suggestion[] = messagesIn('en').satisfaction.ratings;

/** The question: buttons where the channel has them, a numbered list by SMS ("Reply with a number: 1) Good…"). */
export function satisfactionQuestion(lang?: Language | null): OutboundMessage {
  const m = messagesIn(lang).satisfaction;
  return { text: m.question, suggestions: m.ratings, askFor: 'choice', ...(lang ? { language: lang } : {}) };
}

/** Spoken on a call, answered with one key. */
export const PHONE_QUESTION = messagesIn('en').satisfaction.phoneQuestion;

/** The call's question in the call's language (issue 17). */
export function phoneQuestion(lang?: Language | null): string {
  return messagesIn(lang).satisfaction.phoneQuestion;
}

/** A rating in a reply: the number of the list, the word of a button, or a plain word. Null: not a rating. */
export function ratingIn(text: string): SatisfactionScore | null {
  const t = clean(text).replace(/[.]+$/, '').trim();
  if (/^(1|one|good|very good|great|excellent|brilliant|fine thanks|good thanks|good thank you)$/.test(t)) return 'good';
  if (/^(2|two|okay|ok|alright|all right|average|so so|not bad|fair)$/.test(t)) return 'okay';
  if (/^(3|three|poor|bad|very poor|very bad|terrible|awful|rubbish|not good)$/.test(t)) return 'poor';
  const e = text.trim();
  // Welsh ratings: the buttons' words and what people say ("da iawn", "gweddol", "gwael").
  const w = e.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[.!]+$/, '').trim();
  if (/^(da|da iawn|gwych|ardderchog|arbennig)$/.test(w)) return 'good';
  if (/^(iawn|gweddol|ddim yn ddrwg|eitha da|go lew)$/.test(w)) return 'okay';
  if (/^(gwael|drwg|ofnadwy|sal|gwael iawn)$/.test(w)) return 'poor';
  if (/^(👍|🙂|😀|😊)$/u.test(e)) return 'good';
  if (/^(😐)$/u.test(e)) return 'okay';
  if (/^(👎|🙁|😞|😠)$/u.test(e)) return 'poor';
  return null;
}

/** The dialogue's note that the question (or its comment) may be waiting, so other turns need not look it up. */
export interface SatisfactionDialogue {
  satisfaction?: 'asked' | 'comment';
}

/**
 * Whether this message may answer a question, without a query: the conversation was closed (asked
 * at its end or by the adviser's close), the dialogue notes a question, or this is a rating as the
 * conversation's first turn (a text after a close opens a new conversation). Any other turn
 * costs nothing more.
 */
export function mayBeAnswering(conversation: ConversationRow, dialogue: SatisfactionDialogue, text: string): boolean {
  if (conversation.state === 'closed' || dialogue.satisfaction) return true;
  if (ratingIn(text) === null) return false;
  const stored = fromJson<Record<string, unknown> | null>(conversation.dialogue);
  return !stored || Object.keys(stored).length === 0;
}

/** What a turn changes about the question: applied by the pipeline (effects.ts). */
export type SatisfactionChange =
  | { kind: 'ask'; id: string; tenant: string; conversationId: string; contactId: string | null; channel: string }
  | { kind: 'score'; id: string; score: SatisfactionScore }
  | { kind: 'comment'; id: string; comment: string }
  | { kind: 'close'; id: string };

/** Applies a change in the turn's transaction (effects.ts). */
export async function applySatisfaction(db: Db, tenant: string, now: Date, change: SatisfactionChange): Promise<void> {
  switch (change.kind) {
    case 'ask':
      // Its service and adviser read by the insert itself.
      await recordSatisfactionAskedAbout(db, { ...change, now });
      break;
    case 'score':
      await recordSatisfactionScore(db, tenant, change.id, change.score, now);
      break;
    case 'comment':
      await recordSatisfactionComment(db, tenant, change.id, change.comment);
      break;
    case 'close':
      await closeSatisfaction(db, tenant, change.id);
      break;
  }
}

/**
 * Whether the conversation may be asked now: not before, no safety flag on it (nor on this turn),
 * and something happened in it (a first "end chat" is not a service to rate).
 */
async function mayAsk(db: Db, conversation: Pick<ConversationRow, 'id' | 'tenant_id' | 'contact_id'>, minInbound: number): Promise<boolean> {
  // One statement for all of it (store/satisfaction.ts `satisfactionAskable`).
  const a = await satisfactionAskable(db, conversation.tenant_id, conversation.id, conversation.contact_id, 200);
  if (a.asked) return false;
  // A resident who opted out of texts (STOP) is sent nothing more.
  if (conversation.contact_id && a.contactFlags.some((f) => (SUPPRESSION_FLAGS as readonly string[]).includes(f))) return false;
  if (a.safetyFlag) return false;
  // An urgent handoff still waiting (kept for the team after the resident left): not the moment.
  if (a.openHandoff && a.openHandoff.priority === 'urgent' && !a.openHandoff.agentId) return false;
  return a.inbound >= minInbound;
}

/** What the policy lends: its reads, the conversation, the channel, and whether this turn raised a risk. */
export interface SatisfactionTurn {
  db: Db;
  tenant: string;
  conversation: ConversationRow;
  channel: string;
  /** This turn's message was a disclosure, or is kept for the team as one. */
  risk: boolean;
  /** The turn's language (English when not given). */
  language?: Language;
}

/**
 * At the end of a chat (ended by the resident, or a goodbye): the question to add to the replies,
 * and its effect; null when it is not to be asked. A phone call asks by key instead (voice channel).
 */
export async function askAtEnd(t: SatisfactionTurn): Promise<{ reply: OutboundMessage; change: SatisfactionChange } | null> {
  if (t.risk || t.channel === 'voice') return null;
  // This message is stored already: one before it means the resident did something to rate.
  if (!(await mayAsk(t.db, t.conversation, 2))) return null;
  return {
    reply: satisfactionQuestion(t.language),
    change: { kind: 'ask', id: randomUUID(), tenant: t.tenant, conversationId: t.conversation.id, contactId: t.conversation.contact_id, channel: t.channel },
  };
}

const NO_COMMENT = /^(no|nope|no thanks|no thank you|no comment|nothing|nothing else|none|skip|thats all|thats it|all good|no ta)$/;

/**
 * The resident's message read against a question waiting for them: a rating, then a comment.
 * Null when no question waits or the message is something else (the question then lapses, and
 * the message is decided as usual). `newRequest`: the policy's reading that the message is a
 * new, confident request (so it is not taken as a comment).
 */
export async function answerSatisfaction(
  t: SatisfactionTurn,
  text: string,
  now: Date,
  newRequest: boolean,
): Promise<{ replies: OutboundMessage[]; changes: SatisfactionChange[]; action: string } | null> {
  const pending = await pendingSatisfaction(t.db, t.tenant, {
    conversationId: t.conversation.id,
    contactId: t.conversation.contact_id,
    channel: t.channel,
    since: new Date(now.getTime() - SATISFACTION_ANSWER_WITHIN_MS),
  });
  if (!pending) return null;
  const close = { kind: 'close' as const, id: pending.id };
  // A disclosure since it was asked: the question is withdrawn, never answered.
  if (t.risk || (await conversationSafetyFlag(t.db, t.tenant, t.conversation.id))) return { replies: [], changes: [close], action: 'satisfaction_withdrawn' };
  const m = messagesIn(t.language).satisfaction;
  if (pending.stage === 'rating') {
    const score = ratingIn(text);
    if (!score) return { replies: [], changes: [close], action: 'satisfaction_lapsed' };
    return {
      replies: [{ text: m.askComment, suggestions: [m.noComment] }],
      changes: [{ kind: 'score', id: pending.id, score }],
      action: 'satisfaction_score',
    };
  }
  // Waiting for the optional comment.
  if (NO_COMMENT.test(clean(text).replace(/[.]+$/, ''))) return { replies: [{ text: m.done }], changes: [close], action: 'satisfaction_done' };
  if (newRequest || isPersonRequest(text)) return { replies: [], changes: [close], action: 'satisfaction_lapsed' };
  return {
    replies: [{ text: m.commented }],
    changes: [{ kind: 'comment', id: pending.id, comment: text.trim() }],
    action: 'satisfaction_comment',
  };
}

/**
 * An adviser closed the conversation (the console's close, after it committed): the question is
 * stored as a system message for the channel to deliver (web chat, SMS, WhatsApp, Messenger...),
 * and recorded as asked, in one transaction. False when not asked (a call, a disclosure, asked before).
 */
export async function askAfterAgentClose(db: Db, tenant: string, conversationId: string, now: Date): Promise<boolean> {
  const conversation = await findConversation(db, tenant, conversationId);
  if (!conversation || conversation.channel === 'voice' || conversation.state !== 'closed') return false;
  return db.transaction().execute(async (trx) => {
    if (!(await mayAsk(trx, conversation, 1))) return false;
    const asked = await recordSatisfactionAskedAbout(trx, {
      id: randomUUID(),
      tenant: conversation.tenant_id,
      conversationId: conversation.id,
      contactId: conversation.contact_id,
      channel: conversation.channel,
      now,
    });
    if (!asked) return false;
    // In the conversation's language (migration 032), as the assistant spoke.
    const question = satisfactionQuestion(conversation.language === 'cy' ? 'cy' : conversation.language === 'en' ? 'en' : null);
    await storeOutbound(trx, { tenant: conversation.tenant_id, conversationId: conversation.id, channel: conversation.channel, author: 'system', text: question.text, parts: question, replyTo: null });
    return true;
  });
}

/**
 * A call may be asked for a key at its end: not asked before, no disclosure, the caller asked something
 * before saying goodbye (`minInbound` 1 after an adviser's call: they spoke with the adviser).
 */
export function mayAskByPhone(db: Db, conversation: Pick<ConversationRow, 'id' | 'tenant_id' | 'contact_id'>, minInbound = 2): Promise<boolean> {
  return mayAsk(db, conversation, minInbound);
}

/** The call's question, recorded as asked (false: asked before, say goodbye instead). */
export async function recordPhoneAsk(db: Db, conversation: Pick<ConversationRow, 'id' | 'tenant_id' | 'contact_id'>, now: Date): Promise<boolean> {
  return recordSatisfactionAskedAbout(db, { id: randomUUID(), tenant: conversation.tenant_id, conversationId: conversation.id, contactId: conversation.contact_id, channel: 'voice', now });
}

/** The caller's key: 1 good, 2 okay, 3 poor; any other key, or a second press, records nothing. No comment by phone. */
export async function recordKey(db: Db, tenant: string, conversationId: string, digits: string, now: Date): Promise<SatisfactionScore | null> {
  const score = ({ '1': 'good', '2': 'okay', '3': 'poor' } as const)[digits.trim() as '1' | '2' | '3'] ?? null;
  return db.transaction().execute(async (trx) => {
    const pending = await pendingSatisfaction(trx, tenant, { conversationId, contactId: null, channel: 'voice', since: new Date(now.getTime() - SATISFACTION_ANSWER_WITHIN_MS) });
    if (!pending || pending.stage !== 'rating') return null;
    if (!score) {
      await closeSatisfaction(trx, tenant, pending.id);
      return null;
    }
    await recordSatisfactionScore(trx, tenant, pending.id, score, now);
    await closeSatisfaction(trx, tenant, pending.id);
    return score;
  });
}
