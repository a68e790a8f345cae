/**
 * The pipeline's safety rule in one place (the policy and `eval:safety` both call it): escalate
 * when the screen fires or the classifier's top intent is a confident safety one; ask once
 * "Is anyone in danger right now?" when the classifier is unsure and the screen is silent.
 * Every decision carries a kind of risk (for signposting): the screen family's, or one inferred
 * from cue words for a classifier-only decision.
 *
 * A classifier-only decision yields to everyday context (`everydayContext`): a reassurance ("not an
 * emergency", "she's fine now"), a job or training in care, hyperbole about a service with nothing
 * saying who is at risk or how. A screen hit never yields.
 *
 * Thresholds and context rules were tuned on the three development sets only (safety-dev.json,
 * safety-kinds-dev.json, safety-kinds-dev-2.json), never on a held-out set: see scripts/eval-safety.ts.
 */
import type { IntentPrediction, SafetyDecision, SafetyHit } from '../types.js';
import { inferKind, kindCues, riskCues } from './kinds.js';
import { normaliseForSafety } from './normalise.js';
import type { SafetyScore } from './model.js';

/**
 * The classifier escalates on its own at or above this confidence for a top safety intent. Round 2,
 * on the three dev sets together (373 disclosures, 896 ordinary), with the context rules below:
 * 0.5 or 0.6 escalates one ordinary message, 0.7 none, 0.8 none but asks more disclosures instead of
 * escalating them. Every disclosure the classifier alone catches below 0.7 is still asked.
 */
export const SAFETY_CLASSIFIER_THRESHOLD = 0.7;
/**
 * Between this and the threshold (top intent safety, no screen hit) the assistant asks "Is anyone
 * in danger right now?" instead. Round 2, three dev sets together: 0.3 keeps recall (escalate or
 * ask) at 100% with 11 of 896 ordinary messages asked (1.2%); 0.35 asks 9, 0.4 loses a disclosure,
 * 0.25 asks 15. Kept at 0.3 for margin on unseen messages.
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
  const n = normaliseForSafety(text);
  return CHAT_CONTROL.test(n) || WE_END.test(n);
}
// "can we just end this", "shall we stop here": a request to stop talking (a "we" and a question), not despair.
const WE_END = /^ (?:(?:ok|okay|so|right|please) )*(?:can|could|shall) we (?:just |please )?(?:end|stop|finish|leave) (?:this|it|here|there|now)(?: (?:here|now|please|then|thanks|for now))* $/;

/**
 * The resident says outright that nobody is in danger, or writes about a job, training or volunteering in care:
 * "not an emergency, just a nuisance", "everyone's fine", "she's OK now", "safeguarding level 3 training".
 * Only a classifier-only decision yields to it: a screen hit always stands.
 */
const REASSURED = new RegExp(
  [
    String.raw`not an? (?:emergency|urgent)`, String.raw`(?:just|only) a nuisance`, String.raw`no one (?:is |was |got )?(?:hurt|injured|in danger|ill)`,
    String.raw`nobody (?:is |was |got )?(?:hurt|injured|in danger|ill)`, String.raw`(?:everyone|everybody|we are all|all) (?:is |are )?(?:fine|ok|okay|safe|alright|all right)`,
    String.raw`(?:she|he|they|i|we) (?:is|are|am|was|were) (?:ok|okay|fine|alright|all right|safe) now`, String.raw`no (?:smell of gas|gas smell)`,
    // Hyperbole about something survived: "thought I was going to die" after a bad meal.
    String.raw`(?:thought|felt like|felt as if|swear|swore) (?:i|we|he|she) (?:was|were) going to die`, String.raw`(?:cannot|can not|do not|could not) smell (?:any )?gas`,
    // Idioms of dying and killing that are about laughter, curiosity or embarrassment.
    String.raw`(?:only |just )?(?:joking|kidding)`, String.raw`jk`,
    // Questions about safety services, not reports: "is there a knife amnesty bin", "free smoke alarm".
    String.raw`knife amnesty`, String.raw`fire safety (?:check|visit|advice|inspection)`, String.raw`free (?:smoke|fire|co|carbon monoxide) alarms?`,
    String.raw`gas safety (?:check|certificate|record|inspection)`,
    String.raw`(?:die|died|dying|would die|could have died|nearly died) (?:of |from |with )?(?:laughing|laughter|embarrassment|shame|boredom)`, String.raw`dying (?:to|for) (?:know|see|try|get|hear|find out|a)`,
  ].map((x) => `(?<= )${x}(?= )`).join('|'),
);
const CAREER = /(?<= )(?:(?:jobs?|vacanc[a-z]+|careers?|roles?|posts?) (?:as|in|for|with)|apply(?:ing)? for (?:a |the )?(?:job|role|post|vacancy)|volunteer(?:ing)? (?:with|for|at|in)|dbs(?: check)?|safeguarding (?:training|course|level [0-9])|level [0-9] (?:safeguarding|training|certificate)|work experience)(?= )/;
/** A request for a person, alone: "is anyone there? I need someone", "can I talk to somebody". */
const ASKING_FOR_PERSON = /^ (?:(?:hello|hi|hey|please|ok|um) )*(?:is (?:there )?(?:anyone|anybody|someone|somebody) there|(?:i need|can i (?:talk|speak) to|i want to (?:talk|speak) to|let me (?:talk|speak) to) (?:someone|somebody|a person|a human|a real person|an agent))(?: (?:is (?:there )?(?:anyone|anybody) there|i need (?:someone|somebody|a person)|please|now|thanks))* $/;
/**
 * Talking about a service, with feeling: complaints, the bot, a department, a bill. Hyperbole lives here ("I'm going to
 * explode", "at breaking point with planning", "worst service ever"); when nothing in the message says who is at risk or
 * how, the classifier's safety guess is demoted (escalate to ask, ask to nothing).
 */
const SERVICE_TALK = new RegExp(
  `(?<= )(?:${[
    'ombudsman', 'complain[a-z]*', 'complaint', 'department', 'service', 'services', 'chat ?bot', 'bot', 'this chat', 'website', 'app', 'online form', 'manager',
    'council tax', 'band [a-h]', 'bill', 'fine', 'pcn', 'parking', 'permit', 'planning', 'bins?', 'recycling', 'collection', 'repairs?', 'damp', 'mould',
    'transfer', 'housing list', 'the list', 'register', 'emails?', 'reply', 'replies', 'call back', 'on hold', 'front desk', 'enforcement agent', 'bailiffs?',
    'application', 'appeal', 'letter', 'form', 'refund', 'rent', 'arrears', 'council', 'office', 'staff', 'agreement', 'tenancy', 'landlord', 'notice',
    'rats?', 'mice', 'pests?', 'wasps', 'bin day', 'dead (?:fox|cat|dog|badger|bird|animal|deer|seagull|gull|rat|pigeon|hedgehog)',
    'bus pass(?:es)?', 'contact centre', 'child arrangements', 'school place', 'blue badge', 'library', 'leisure centre', 'assisted collection', 'pulled out', 'reparati[a-z]*', 'mucegai', 'naprawa', 'naprawy', 'basura', 'reparacion', 'reparacao', 'lixo', 'kooray', 'kachra', 'kooda', '(?:treth|dreth|nhreth|threth) (?:y )?cyngor', 'biniau', 'podatek', 'smieci',
    // A farewell at the end of a complaint: "had enough of this, bye".
    '(?:bye|goodbye|ta ta)(?: now)?(?= $)',
  ].join('|')})(?= )`,
);

/** A professional's referral or a disclosure named as such: never softened. */
const REFERRAL = /(?<= )(?:referral|refer|disclos[a-z]*|safeguarding|concern|concerned|worried|bruis[a-z]*|police|social worker|social services|childrens services)(?= )/;

/** A garden bonfire or burning rubbish reported as a nuisance, when nothing says it has got away or anyone is in it. */
const NUISANCE_FIRE = /(?<= )(?:(?:burns?|burning|burnt) (?:rubbish|plastic|garden waste|leaves|waste|tyres|cardboard)|bonfires?)(?= )/;
const FIRE_GOT_AWAY = /(?<= )(?:spread[a-z]*|out of control|on fire|trapped|inside|fence|shed|house is|flat is|999|fire brigade|people|kids|children)(?= )/;
/** A question about arranging care or support ("who arranges carers when mum leaves hospital"): a service, not a concern. */
const CARE_QUESTION = /^ (?:(?:hi|hello|please|ok) )*(?:who (?:arranges|organises|sorts out|pays for)|how do i (?:get|arrange|apply|book|find)|can i (?:get|have|apply)|where do i|what (?:help|care|support)|are there any|is there any|do you (?:do|offer|provide))(?= )|(?<= )(?:who arranges that|who do i ask|how do i arrange)(?= )/;

/**
 * How much a classifier-only decision should yield to everyday context: 'drop' it; 'soften' (escalate becomes ask, ask becomes
 * nothing); 'ask' (escalate becomes ask: a service request that names someone in passing, "my grandad needs his bins pulled out");
 * or keep it (null).
 */
export function everydayContext(text: string): 'drop' | 'soften' | 'ask' | null {
  const n = normaliseForSafety(text);
  if (REASSURED.test(n) || (CAREER.test(n) && riskCues(n).size === 0)) return 'drop';
  // Soften only when nothing at all says who is at risk or how, and no one is making a referral.
  if ((SERVICE_TALK.test(n) || ASKING_FOR_PERSON.test(n)) && kindCues(n).size === 0 && !REFERRAL.test(n)) return 'soften';
  if (riskCues(n).size === 0 && CARE_QUESTION.test(n) && !REFERRAL.test(n)) return 'soften';
  if (NUISANCE_FIRE.test(n) && !FIRE_GOT_AWAY.test(n)) return 'soften';
  if (SERVICE_TALK.test(n) && riskCues(n).size === 0 && !REFERRAL.test(n)) return 'ask';
  return null;
}

/** A prediction that carries the safety model's score (the tenant's understanding attaches it: intents/understanding.ts). */
export type ScoredPrediction = IntentPrediction & { safetyScore?: SafetyScore | null };

/** Thresholds on the safety model's score. */
export interface SafetyModelThresholds {
  escalateAt: number;
  askAt: number;
}

/**
 * The safety model escalates on its own at or above this score, and asks "Is anyone in danger right now?" from
 * SAFETY_MODEL_ASK. Chosen by cross-validation over the four development sets (`npm run eval:safety -- --cv`, which
 * prints a sweep). Leave-one-set-out: escalating at 0.5 raises false alarms to 0.9%, 0.7 escalates 1.4 points fewer
 * disclosures directly for 0.1 point fewer false alarms; asking from 0.15 or 0.2 loses 1-3 disclosures.
 */
export const SAFETY_MODEL_ESCALATE = 0.6;
export const SAFETY_MODEL_ASK = 0.1;
export const SAFETY_MODEL_THRESHOLDS: SafetyModelThresholds = { escalateAt: SAFETY_MODEL_ESCALATE, askAt: SAFETY_MODEL_ASK };

/**
 * The pipeline's safety decision. With a safety model score (passed, or carried by the prediction): a screen hit
 * escalates; a message that only ends the chat is never a disclosure; otherwise the safety model decides, escalate at
 * or above `escalateAt`, ask from `askAt` (demoted by everyday context). The 65-intent classifier has no say then: it learned style shortcuts from the
 * safety phrases and generalised poorly on held-out sets. Without a score: round 2's rule (the classifier's safety intents).
 */
export function decideSafety(
  hit: SafetyHit | null,
  prediction: IntentPrediction,
  text: string,
  safety?: SafetyScore | null,
  thresholds: SafetyModelThresholds = SAFETY_MODEL_THRESHOLDS,
): SafetyDecision {
  const scored = safety ?? (prediction as ScoredPrediction).safetyScore ?? null;
  if (!scored) return decideByClassifier(hit, prediction, text);
  if (hit) return { action: 'escalate', category: hit.category, kind: hit.kind, source: scored.score >= thresholds.escalateAt ? 'both' : 'screen', reason: hit.reason };
  if (isConversationControl(text)) return null;
  const category = scored.category;
  // Everyday context (a reassurance, a job in care, a complaint naming no one at risk) demotes the model, as it did the
  // classifier: CV, leave-one-set-out, at 0.6/0.1: false alarms 1.2% -> 0.8%, ordinary asked 5.9% -> 4.7%, no recall lost.
  const everyday = everydayContext(text);
  if (everyday === 'drop') return null;
  if (everyday && scored.score >= thresholds.escalateAt) return { action: 'ask', category, kind: inferKind(text, category), reason: `safety model ${scored.score.toFixed(2)}, but about a service` };
  if (everyday === 'soften') return null;
  if (scored.score >= thresholds.escalateAt) return { action: 'escalate', category, kind: inferKind(text, category), source: 'classifier', reason: `safety model ${scored.score.toFixed(2)}` };
  if (scored.score >= thresholds.askAt) return { action: 'ask', category, kind: inferKind(text, category), reason: `safety model unsure (${scored.score.toFixed(2)})` };
  return null;
}

/** Round 2's rule, for callers without a safety model (unit tests with a hand-made prediction). */
function decideByClassifier(hit: SafetyHit | null, prediction: IntentPrediction, text: string): SafetyDecision {
  const classifier = topSafety(prediction);
  if (hit) return { action: 'escalate', category: hit.category, kind: hit.kind, source: classifier ? 'both' : 'screen', reason: hit.reason };
  if (isConversationControl(text)) return null;
  // Classifier only from here: everyday context (a reassurance, a job, a complaint with no one named at risk) yields.
  const everyday = everydayContext(text);
  if (everyday === 'drop') return null;
  const top = prediction.ranked[0];
  if (classifier && !everyday) return { action: 'escalate', category: classifier, kind: inferKind(text, classifier), source: 'classifier', reason: 'classifier' };
  if (classifier && (everyday === 'soften' || everyday === 'ask')) return { action: 'ask', category: classifier, kind: inferKind(text, classifier), reason: 'classifier sure, but about a service' };
  if (everyday === 'soften') return null;
  if (!prediction.outOfScope && top && top.intent.startsWith('safety.') && top.confidence >= SAFETY_ASK_THRESHOLD) {
    const category = top.intent as SafetyHit['category'];
    return { action: 'ask', category, kind: inferKind(text, category), reason: 'classifier unsure' };
  }
  return null;
}
