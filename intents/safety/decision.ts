/**
 * The pipeline's safety rule in one place (the policy and `eval:safety` both call it): escalate
 * when the screen fires or the classifier's top intent is a confident safety one; ask once
 * "Is anyone in danger right now?" when the classifier is unsure and the screen is silent.
 * Every decision carries a kind of risk (for signposting): the screen family's, or one inferred
 * from cue words for a classifier-only decision.
 *
 * Thresholds were tuned on content/demo/eval/safety-dev.json and safety-kinds-dev.json only
 * (never on a held-out set): see scripts/eval-safety.ts.
 */
import type { IntentPrediction, SafetyDecision, SafetyHit } from '../types.js';
import { inferKind } from './kinds.js';
import { normaliseForSafety } from './normalise.js';

/**
 * The classifier escalates on its own at or above this confidence for a top safety intent. Tuned
 * on the two dev sets (safety-dev.json, safety-kinds-dev.json; 268 disclosures, 496 ordinary):
 * at 0.5 four ordinary messages escalated (0.8%), at 0.6 two, at 0.7 none, while every
 * disclosure the classifier alone caught between 0.5 and 0.7 is still asked the danger question.
 */
export const SAFETY_CLASSIFIER_THRESHOLD = 0.7;
/**
 * Between this and the threshold (top intent safety, no screen hit) the assistant asks "Is anyone
 * in danger right now?" instead. On the dev sets 0.3 keeps recall (escalate or ask) at 100% with
 * 10 of 496 ordinary messages asked; 0.4 loses a disclosure; 0.25 asks 12.
 */
export const SAFETY_ASK_THRESHOLD = 0.3;

/** The classifier's part of the escalation: its top intent is a safety one, this confident. */
export function topSafety(p: IntentPrediction): SafetyHit['category'] | null {
  const top = p.ranked[0];
  if (!p.outOfScope && top && top.intent.startsWith('safety.') && top.confidence >= SAFETY_CLASSIFIER_THRESHOLD) {
    return top.intent as SafetyHit['category'];
  }
  return null;
}

// Ways of ending or leaving a conversation ("I want to end this chat", "end", "stop", "bye"):
// the classifier confuses "end" with "end it all", so such a message alone is never a disclosure
// unless the screen fires. "I want to end it" / "end it all" are not matched (no chat word), nor is a
// bare "I'm done" (it can be despair): "I'm done now, thanks" is.
const POLITE = String.raw`(?:(?:please|pls|ok|okay|yes|yeah|no|thanks|thank you|cheers|right|so|just|hi|hello|um|erm|can i|could i|can you|could you|how do i|how can i|i want to|i would like to|i wanna|i need to|let me|lets|let us|i am going to|going to|time to|you can|now) )*`;
const ENDING = String.raw`(?:end|ending|stop|stopping|close|closing|finish|finishing|quit|quitting|exit|leave|leaving|cancel|disconnect|log off|log out|sign off|hang up|unsubscribe|opt out)`;
const CHAT = String.raw`(?:the |this |my |our |your )?(?:chat|chats|conversation|session|chatting|talking|messages|messaging|texts|texting|call|web chat|live chat|bot)`;
const AFTER = String.raw`(?: (?:now|please|pls|thanks|thank you|cheers|here|for now|for today|bye|goodbye|ta))*`;
const CHAT_CONTROL = new RegExp(
  `^ ${POLITE}(?:${ENDING}(?: ${CHAT})?|${ENDING} (?:texting|messaging|contacting|sending) (?:me|us)|(?:good)?bye(?: bye)?|see you|see ya|ta ta|that is all|that is it|i am (?:all )?(?:done|finished) (?:now|here|thanks|thank you|with (?:the|this) chat)|all done|done|no more|nothing else|over and out|that will do)${AFTER} $`,
);

/** True when the message only ends or leaves the conversation ("end chat", "stop", "bye"). */
export function isConversationControl(text: string): boolean {
  return CHAT_CONTROL.test(normaliseForSafety(text));
}

export function decideSafety(hit: SafetyHit | null, prediction: IntentPrediction, text: string): SafetyDecision {
  const classifier = topSafety(prediction);
  if (hit) return { action: 'escalate', category: hit.category, kind: hit.kind, source: classifier ? 'both' : 'screen', reason: hit.reason };
  if (isConversationControl(text)) return null;
  if (classifier) return { action: 'escalate', category: classifier, kind: inferKind(text, classifier), source: 'classifier', reason: 'classifier' };
  const top = prediction.ranked[0];
  if (!prediction.outOfScope && top && top.intent.startsWith('safety.') && top.confidence >= SAFETY_ASK_THRESHOLD) {
    const category = top.intent as SafetyHit['category'];
    return { action: 'ask', category, kind: inferKind(text, category), reason: 'classifier unsure' };
  }
  return null;
}
