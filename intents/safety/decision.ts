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
 * Thresholds and context rules were tuned on the development sets only (safety-dev.json, safety-kinds-dev*.json; round 4
 * added dev-4), never on a held-out set: see scripts/eval-safety.ts. Round 4: a screen hit is weighed against the safety
 * model (decideScreenHit): everyday context or an idiom-prone family the model disagrees with asks instead of escalating.
 * Round 5 (dev-5 added): general defeaters (`defeaters`: laughter, denial, comparison, comic threat, hypothetical) demote a
 * hit or a model escalation the model backs only weakly; the model alone only asks about words it barely knows.
 * Round 6 (dev-6 added): service farewells, service framings (figures, past thanks, a past reason), and two second opinions when
 * the model is low (a confident main classifier; a message in words the model barely knows): see lowModelAsk.
 * Round 7 (dev-7 added): a message in a script or language the assistant does not read is never left silent (asked, and the
 * question says so: `unreadable`); risks told as past, harm to animals only and a thing's hazard in a question: see toldAsPast.
 * Round 9 (dev-9 and dev-10 added): a screen hit the model backs only weakly (below SAFETY_DEFEAT_SURE) is asked when it is a joke, a
 * comic threat or a story (news, a documentary, a novel); fires set again and again are a nuisance (asked); a farewell moving to
 * another channel ("I'll phone instead") is not a disclosure; an animal alone with no risk cue at all is softened; a request for
 * more care hours or an assessment is a care question; a few more service words in community languages (hardship, mould, the bot).
 * Round 13 (dev-14 added): a screen hit of any family asked when the model strongly disagrees was evaluated by CV and left off
 * (SAFETY_SCREEN_DISAGREE_ANY); a risk told as past and over is asked even when the model agrees; "not an emergency" never drops
 * control told by its shape; signage, a fire put out, self-directed fire as hyperbole, thanks for a rescue: see data/README.md.
 * Round 23 (dev-24 added): nowhere to go tonight is asked at most, gas ruled out drops; K5, short replies naming no risk are let
 * through and a short cry for help the model misses is asked (SAFETY_SHORT_REPLY_QUIET, SAFETY_SHORT_ALARM_ASK).
 * Round 24 (dev-25, dev-26 added): K6, a main classifier sure of a safety intent on a long message everyday context softened is asked
 * (SAFETY_CLASSIFIER_SURE_ASK); a gas or leak scare fixed by the engineer is gas ruled out.
 */
import { anchoredPhrases } from './anchored.js';
import type { IntentPrediction, SafetyDecision, SafetyHit } from '../types.js';
import { chooseKind, inferKind, kindCues, riskCues } from './kinds.js';
import { languageWords, normaliseForSafety, stripFormalWrapper } from './normalise.js';
import type { SafetyScore } from './model.js';
import { AT_HEIGHT_LOST, CHARCOAL_PLAN, DIE_AT_A_PLACE, EASIEST_WAY_OUT, FAMILIES, GOODBYE_AFTER_ME, GOODBYE_ALL_PLANNED, GOODBYE_AWAY_FOR_A_REASON, GOODBYE_LETTER_LEFT, GOODBYE_NOT_HERE, GOODBYE_NOT_NEEDED, GOODBYE_OWN_ARRANGEMENTS, KNOWS_WHERE_TOLD, LIGATURE_WATCHED, ORDER_KEPT_TURNING_UP, OWN_TERMS_NOT_DYING, OWN_TERMS_PLANNED, ROPE_FOR_USE, SCRIPT_FAMILIES, WAY_OUT_PLANNED, YOUNG_CHILD_OUTBURST } from './patterns.js';

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
  return CHAT_CONTROL.test(n) || WE_END.test(n) || WELSH_CONTROL.test(n) || ATTACHMENT_QUESTION.test(n) || BACK_IN_CHAT.test(n);
}
// Welsh: asking for a person ("dw i eisiau siarad â pherson", "ga i siarad efo rhywun go iawn") or ending the chat
// ("gorffen sgwrs", "hwyl fawr", "diolch, dyna i gyd"): conversation control, not a disclosure (issue 17).
const WELSH_POLITE = String.raw`(?:(?:plis|os gwelwch yn dda|diolch|iawn|wel|helo|s mae) )*`;
const WELSH_WANT = String.raw`(?:(?:dw i|dwi|rydw i|rwy|rwyf i?|fi|rwy i) (?:eisiau|isio|isie|moyn|am) |(?:ga i|gaf i|alla i|galla i|gallaf i|ca i|plis ga i) |(?:hoffwn i?|licswn i|mi hoffwn i) )?`;
const WELSH_PERSON = String.raw`(?:siarad|sgwrsio|cael siarad) (?:a|ag|efo|gyda|hefo|gydag) (?:pherson|person|rhywun|aelod o staff|aelod o r tim|ymgynghorydd|cynghorydd|swyddog|rhywun yn y cyngor)`;
const WELSH_END = String.raw`gorffen (?:y |r )?sgwrs|cau (?:y |r )?sgwrs|hwyl(?: fawr)?|da bo|dyna (?:fe|ni|i gyd|r cyfan)|dim byd arall|diolch(?: yn fawr)?(?: iawn)?`;
const WELSH_CONTROL = new RegExp(
  String.raw`^ ${WELSH_POLITE}(?:${WELSH_WANT}${WELSH_PERSON}(?: (?:go iawn|plis|os gwelwch yn dda|diolch|nawr|rwan))*|(?:${WELSH_END})(?: (?:${WELSH_END}|plis|nawr|rwan))*) $`,
);
/**
 * Round 49: a question about sending a photo or a file, and nothing else ("can I send a photo of it?", "can i attach a pic"): how the
 * channel works, not a disclosure (the retrained model scored "can I send a photo of it?" 0.11). A photo of something named ("of the
 * bruises") is not matched.
 */
const ATTACHMENT_QUESTION = /^ (?:(?:ok|okay|so|right|please|hi|hello|and|also|oh) )*(?:can|could|may|do|shall|should) (?:i|we|you) (?:just |also |please )?(?:send|attach|upload|share|text|email|add|include|take)(?: you)? (?:a |an |the |some |any )?(?:photo|photos|pic|pics|picture|pictures|image|images|video|videos|screenshot|screenshots|file|files|document|documents|attachment|attachments)(?: (?:of (?:it|this|that|them)|too|as well|here|on here|by text|now|please|then))* $/;
/**
 * Round 54: a return to the conversation and nothing else ("Hi sorry, I'm here now", "sorry about that, I'm back", "ok back now"): the
 * retrained model scored "Hi sorry, I'm here now" 0.94 after round 53's farewells. "I'm still here" or "I'm not here" is not matched,
 * nor "I'm here" with anything told after it.
 */
const BACK_IN_CHAT = /^ (?:(?:hi|hello|hiya|hey|sorry|so sorry|really sorry|apologies|ok|okay|right|yes|yeah|oh|um|erm|there|again|all|about that|for the (?:wait|delay)|i got (?:distracted|called away)|i was (?:away|busy|distracted|on the phone)) )*(?:i am (?:here|back)|back|here)(?: (?:now|again|sorry|thanks|thank you|please|with you|at last|finally))* $/;
// "can we just end this", "shall we stop here": a request to stop talking (a "we" and a question), not despair.
const WE_END = /^ (?:(?:ok|okay|so|right|please) )*(?:can|could|shall) we (?:just |please )?(?:end|stop|finish|leave) (?:this|it|here|there|now)(?: (?:here|now|please|then|thanks|for now))* $/;

// Round 66: generalised: a denial of urgency for now followed by "but" and a worry or a judgement of how bad it is ("Not an emergency
// this minute but it's bad", "not urgent right now but it is serious", "not an emergency as such but we are really worried") is
// no denial; "not an emergency, but can you send someone this week" still is. A hedged denial ("as such", "right now", "yet") followed
// by "but" and anything but a request is no denial either ("i know it's not an emergency as such but my brother's been in bed for a
// week not eating": engineer's probe after round 66).
const NOT_DENIAL_BUT = String.raw`(?:(?: (?:this (?:very )?(?:minute|second|instant|moment)|right now|just now|at the moment|as such|yet|today|tonight|exactly|i suppose|i guess|maybe))? but (?:(?:i am|we are|i m|im|i feel|we feel|it is|it s|its|this is|that is|things are|he is|she is|they are|it has got|it is getting|it s getting) )?(?:really |very |quite |a bit |a little |so |pretty |properly |seriously |genuinely |honestly )?(?:uneasy|worried|worrying|concerned|concerning|not happy|not comfortable|scared|frightened|bad|serious|not right|not ok|not okay|wrong|getting worse|worse|awful|terrible|dire|grim|desperate|dangerous)|(?: (?:this (?:very )?(?:minute|second|instant|moment)|right now|just now|at the moment|as such|yet|exactly|i suppose|i guess|maybe)) but (?!(?:can|could|would|will|please|just|only|when|how|what|where|is there|are there|do you|does|i need|we need|i want|we want|i would like|i d like|if)\b))`;
/**
 * The resident says outright that nobody is in danger, or writes about a job, training or volunteering in care:
 * "not an emergency, just a nuisance", "everyone's fine", "she's OK now", "safeguarding level 3 training".
 * Only a classifier-only decision yields to it: a screen hit always stands.
 */
const REASSURED = anchoredPhrases([
    // Round 27: not "not an emergency but we're worried" (a worker's concern for someone declining: asked, never dropped).
    // Round 59: nor the writer's own doubt ("Not an emergency I think? ... he's bringing a machete to the party ... tonight"): a
    // hedge, not a reassurance.
    // Round 66: nor a denial for now followed by a judgement of how bad it is ("Not an emergency this minute but it's bad": NOT_DENIAL_BUT).
    String.raw`not an? (?:emergency|urgent)(?! but (?:we|i|they|everyone|all of us)(?: are| am| is| re| m)?(?: all| really| very| quite| a bit| a little| getting)? (?:worried|concerned|scared|frightened|anxious))(?!${NOT_DENIAL_BUT})(?! (?:i (?:think|guess|suppose|hope|do not know|am not sure)|maybe|probably|yet|is it|or is it))`, String.raw`(?:just|only) a nuisance`, String.raw`no one (?:is |was |got )?(?:hurt|injured|in danger|ill)`,
    String.raw`nobody (?:is |was |got )?(?:hurt|injured|in danger|ill)`, String.raw`(?:everyone|everybody|we are all|all) (?:is |are )?(?:fine|ok|okay|safe|alright|all right)`,
    String.raw`(?:she|he|they|i|we) (?:is|are|am|was|were) (?:ok|okay|fine|alright|all right|safe) now`, String.raw`no (?:smell of gas|gas smell)`,
    // Round 19: someone said to be well in themselves ("he's fine and well in himself, just an eyesore"), and "nobody was hurt" in
    // Somali, Lithuanian, Polish, Portuguese, Spanish, Romanian and Turkish ("qofna ma dhaawacmin", "niekas nenukentejo").
    String.raw`(?:fine|well|ok|okay|happy|healthy)(?: and (?:fine|well|happy|healthy))? in (?:himself|herself|themselves|myself)`,
    // Round 20: someone said to be fine, with an age perhaps ("shes 91 and fine just doesnt cook anymore").
    String.raw`(?:she is|he is|they are|shes|hes|theyre) (?:(?:[0-9]{2,3}|in (?:her|his|their) [a-z]+) and )?(?:fine|well|ok|okay|healthy|independent)(?= (?:just|only|really|otherwise|apart from|except))`,
    String.raw`(?:qofna|cidna) ma (?:dhaawacmin|dhaawacma|dhaawacan)`, String.raw`niekas (?:nenukentejo|nesuzeistas|nesusizeide)`,
    String.raw`(?:nikt nie (?:zostal ranny|ucierpial|jest ranny)|nikomu nic sie nie stalo)`, String.raw`ninguem (?:ficou ferido|se magoou|esta ferido|ficou magoado|se feriu)`,
    // Round 31: "nadie herido", "sin heridos", "ningun herido" (a tree down in a storm, nobody hurt).
    String.raw`nadie (?:resulto herido|esta herido|salio herido|se hizo dano|herido|ha resultado herido)`, String.raw`(?:sin|ningun|no hay) heridos?`, String.raw`nimeni nu (?:a fost ranit|e ranit|este ranit|s a ranit)`, String.raw`kimse yaralanmadi`,
    // Hyperbole about something survived: "thought I was going to die" after a bad meal.
    String.raw`(?:thought|felt like|felt as if|swear|swore) (?:i|we|he|she) (?:was|were) going to die`, String.raw`(?:cannot|can not|do not|could not) smell (?:any )?gas`,
    // Idioms of dying and killing that are about laughter, curiosity or embarrassment.
    // Round 36: not "not joking this time", "no kidding".
    String.raw`(?<!(?:not|no|not even) )(?:only |just )?(?:joking|kidding)`, String.raw`jk`,
    String.raw`(?:die|died|dying|would die|could have died|nearly died) (?:of |from |with )?(?:laughing|laughter|embarrassment|shame|boredom)`, String.raw`dying (?:to|for) (?:know|see|try|get|hear|find out|a)`,
]);
/**
 * Round 52: a denial told by the person at risk and relayed by the writer ("lady answered the door with blood running down both
 * wrists, said she's fine just go", "he says he's ok but he's bleeding"), beside harm seen now: the relay is the report, never a
 * reassurance. Such denials are struck out before REASSURED and the 'denied' defeater are read.
 */
const RELAYED_DENIAL = String.raw`(?:said|says|saying|say|told (?:me|us|him|her|them|the [a-z]+)|tells (?:me|us|him|her|them)|insist[a-z]*|claim[a-z]*|keeps saying|kept saying|keep saying|swears|swore|reckons|reckoned|shouted|shouting)(?: that)?(?: (?:she|he|they|i|we) (?:is|are|am|was|were|s|feels|feel|felt))? (?:absolutely |totally |perfectly |completely |all )?(?:fine|ok|okay|alright|all right|safe|well|not hurt|unhurt|fine now|ok now|okay now)(?: (?:now|just|really|honestly|and))?`;
const EVERY_RELAYED_DENIAL = new RegExp(`(?<= )${RELAYED_DENIAL}(?= )`, 'g');
const HARM_SEEN = /(?<= )(?:blood|bloody|bleeding|bled|wrists?|slash(?:ed|es|ing)?|wounds?|gash(?:es)?|deep cuts?|fresh cuts?|cuts (?:on|to|all over)|burns (?:on|to|all over)|not breathing|struggling to breathe|unconscious|unresponsive|black eyes?|bruis(?:ed|es|ing) (?:on|to|all over|round|around)|noose|hanging|(?:took|taken|swallowed) (?:a lot of |all (?:her|his|my|the) |loads of )?(?:pills|tablets)|overdos(?:e|ed))(?= )/;
/** The text with denials relayed beside harm seen struck out (the text unchanged otherwise). */
export function withoutRelayedDenials(n: string): string {
  return HARM_SEEN.test(n) ? n.replace(EVERY_RELAYED_DENIAL, ' ') : n;
}
/** Questions about safety services, not reports: "is there a knife amnesty bin", "free smoke alarm", "gas safety check". */
const SAFETY_SERVICE = /(?<= )(?:knife amnesty|fire safety (?:check|visit|advice|inspection)|free (?:smoke|fire|co|carbon monoxide) alarms?|gas safety (?:check|certificate|record|inspection|visit|appointment|test|service))(?= )/;
const EVERY_SAFETY_SERVICE = new RegExp(SAFETY_SERVICE.source, 'g');
// Round 9: someone's own job ("I lost my job in March") is no job advert: only "a job as/in", "jobs in", "roles with".
// Round 42: nor jobs done for someone ("made to hand over his money and do jobs for the manager"): work exacted, not a vacancy.
const CAREER = /(?<= )(?:(?<!(?:my|his|her|their|our|your|do|does|doing|did|done|odd) )(?:jobs?|vacanc[a-z]+|careers?|roles?|posts?) (?:as|in|for|with)|(?:any|are there|got any|have you got|do you have) (?:[a-z]+ ){0,2}(?:vacanc[a-z]+|jobs)|(?:lifeguard|lifeguarding|swimming teacher|coastguard) (?:vacanc[a-z]+|jobs?|roles?|posts?|course|training|qualification)|apply(?:ing)? for (?:a |the )?(?:job|role|post|vacancy)|(?:want|like|love|looking|interested|hoping|how (?:do|can) i|how to) (?:to |in )?(?:volunteer|volunteering)|(?:become|becoming|be) a volunteer|volunteer(?:ing)? (?:roles?|opportunit[a-z]*|positions?|vacanc[a-z]*)|dbs(?: check)?|safeguarding (?:training|course|level [0-9])|level [0-9] (?:safeguarding|training|certificate)|work experience)(?= )/;
/** A request for a person, alone: "is anyone there? I need someone", "can I talk to somebody". */
const ASKING_FOR_PERSON = /^ (?:(?:hello|hi|hey|please|ok|um) )*(?:is (?:there )?(?:anyone|anybody|someone|somebody) there|(?:i need|can i (?:talk|speak) to|i want to (?:talk|speak) to|let me (?:talk|speak) to) (?:someone|somebody|a person|a human|a real person|an agent))(?: (?:is (?:there )?(?:anyone|anybody) there|i need (?:someone|somebody|a person)|please|now|thanks))* $/;
/**
 * Talking about a service, with feeling: complaints, the bot, a department, a bill. Hyperbole lives here ("I'm going to
 * explode", "at breaking point with planning", "worst service ever"); when nothing in the message says who is at risk or
 * how, the classifier's safety guess is demoted (escalate to ask, ask to nothing).
 */
const SERVICE_TALK = new RegExp(
  `(?<= )(?:${[
    'ombudsman', 'complain[a-z]*', 'complaint', 'department', 'service', 'services', 'chat ?bot', 'bot', 'this chat', 'website',
    // Round 42: the assistant called software or a robot ("the most useless piece of software ever written").
    'software', 'robots?',
    // Round 36: not a phone's notes app ("just wrote my will in my notes app").
    '(?<!(?:notes|note|notepad|banking|messages|messaging|camera) )app', 'online form', 'manager',
    'council tax', 'band [a-h]', 'bill', 'fine', 'pcn', 'parking', 'permit', 'planning', 'bins?', 'recycling', 'collection', 'repairs?', 'damp', 'mould',
    'transfer', 'housing list', 'the list', 'register', 'emails?', 'reply', 'replies', 'call back', 'on hold', 'front desk', 'enforcement agent', 'bailiffs?',
    'application', 'appeal', 'letter', 'forms?', 'refund', 'rent', 'arrears', 'council', 'office', 'staff', 'agreement', 'tenancy', 'landlord', 'notice',
    'rats?', 'mice', 'pests?', 'wasps',
    // Round 26: pests in Somali (rats, mosquitoes, cockroaches, insects: "jiiro ayaa ku jira gurigayga ... inaad dishaan").
    'jiir[a-z]*', 'kaneeco', 'baranbaro', 'cayayaan[a-z]*', 'bin day', 'dead (?:fox|cat|dog|badger|bird|animal|deer|seagull|gull|rat|pigeon|hedgehog)',
    'bus pass(?:es)?', 'contact centre',
    // Round 10: a noise complaint ("the dog next door barks all night").
    'noise', 'noisy', 'bark(?:s|ing)', 'music', 'child arrangements', 'school place', 'blue badge', 'library', 'leisure centre', 'assisted collection', 'pulled out(?! (?:to sea|by (?:the )?(?:current|currents|tide|rip|riptide|rip current|sea|waves|undertow)))', 'reparati[a-z]*', 'mucegai', 'naprawa', 'naprawy', 'basura', 'reparacion', 'reparacao', 'lixo', 'kooray', 'kachra', 'kooda', '(?:treth|dreth|nhreth|threth) (?:y )?cyngor', 'biniau', 'podatek', 'smieci',
    // A case's progress asked after, on the phone with the reference read out ("update on MBC four hundred thousand and ...").
    '(?:an? )?update (?:on|about)',
    // Round 20: a case asked after by its reference ("what about MBC-400123 now?").
    '(?:what|how) about (?:my |the |our )?(?:case|report|request|complaint|application|claim|[a-z]{2,5} [0-9a-z]*[0-9][0-9a-z]*)', 'any news', 'progress (?:on|of|with)', '(?:case|report) (?:number|reference)', 'reference(?: number)?',
    // Round 9: the letters and calls of a service; a complaint that the bot does not understand, and hardship asked about, in a
    // few community languages (Spanish, Portuguese, Romanian, Polish, Urdu, Somali).
    // Round 19: a demand for payment and asking to pay in instalments ("had the final demand ... need to spread it out").
    'final demand', 'final notice', 'reminder', '(?:spread|split) (?:it|the (?:cost|payments?|bill|amount)) (?:out|over)', 'payment plan', 'instal+ments?',
    'letters', 'calls', 'enforcement', 'debt collectors?', 'food ?bank', 'food vouchers?', 'vouchers?', 'hardship', 'no me entiendes', 'inutil', 'nao me entende[a-z]*', 'nu ma intelegi', 'nie rozumiesz',
    // Round 11: a person asked for instead of the bot, in a few community languages ("chce rozmawiac z czlowiekiem nie z maszyna").
    'z (?:czlowiekiem|konsultantem|prawdziwa osoba|kims prawdziwym)', 'nie z (?:maszyna|botem|robotem|komputerem)', 'con una persona(?: real)?', 'con un humano', 'com (?:uma pessoa|um humano)', 'cu un om', 'cu o persoana', 'insanla', 'su zmogumi', 'qof bini aadan',
    // Round 12: recycling and noise in a few community languages ("el centro de reciclaje", "musica muy alta", "gurultu").
    'reciclaje', 'reciclagem', 'reciclare', 'recykling[a-z]*', 'geri donusum', 'ruido', 'barulho', 'zgomot', 'halas', 'gurultu', 'musica (?:muy |tan )?alta',
    // Round 13: a landlord's notice in Somali ("milkiilaha gurigu ... ogeysiis").
    // Round 20: a dead animal asked to be taken away, in Somali ("eey dhintay ... fadlan ka qaada").
    '(?:eey|bisad|shimbir|xayawaan|dameer|jiir)(?: [a-z]+)? (?:dhintay|dhimatay|meyd)', 'ka qaad[a-z]*',
    'milkiilaha', 'ogeysiis[a-z]*', 'caary[a-z]*', 'hagaaj[a-z]*', 'gunoaie', 'gunoi', 'plesn[a-z]*', 'bolor', 'moho', 'seelan', 'ajutor de urgenta', 'bani de mancare', 'vale alimentar', 'dinero para comida', 'dinheiro para comida', 'pieniedzy na jedzenie', 'paise nahi', 'lacag', 'cunto ma haysanno',
    // A farewell at the end of a complaint: "had enough of this, bye".
    '(?:bye|goodbye|ta ta)(?: now)?(?= $)',
  ].join('|')})(?= )`,
);

const WORKPLACE = /(?<= )(?:i|we) (?:work|volunteer|am based) (?:at|in|for|with) (?:a|an|the|our) (?:[a-z]+ ){0,2}(?:refuge|shelter|hostel|school|nursery|care home|hospital|charity|surgery|practice|food bank|centre|project)(?= )/;
/** A professional's referral or a disclosure named as such: never softened. */
const REFERRAL = /(?<= )(?:referral|refer|disclos[a-z]*|safeguarding|concern|concerned|worried|bruis[a-z]*|police|social worker|social services|childrens services)(?= )/;

/** A garden bonfire or burning rubbish reported as a nuisance, when nothing says it has got away or anyone is in it. */
// Round 22: the same in community languages: a fire lit in the yard or garden, rubbish or leaves burnt ("vecinii fac focul în curte
// în fiecare seară și fumul intră în casă", Romanian; Spanish, Portuguese, Polish, Turkish).
const NUISANCE_FIRE = /(?<= )(?:(?:burns?|burning|burnt) (?:rubbish|plastic|garden waste|leaves|waste|tyres|cardboard)|bonfires?|(?:fac|face|aprind|aprinde) (?:un )?(?:focul|foc)(?: [a-z]+){0,3} (?:in curte|in gradina)|(?:ard|arde) (?:gunoaie|gunoiul|gunoi|frunze|frunzele|plastic|deseuri)|(?:hacen|hace|encienden|enciende) (?:una )?(?:hoguera|fogata|fuego)(?: [a-z]+){0,3} (?:en el|en su) (?:jardin|patio)|queman? (?:basura|hojas|plastico|rastrojos)|(?:fazem|faz|acendem|acende) (?:uma )?(?:fogueira|fogo|queimada)(?: [a-z]+){0,3} (?:no|na) (?:quintal|jardim)|queimam? (?:lixo|folhas|plastico)|(?:pali|pala|spala|spalaja) (?:smieci|liscie|plastik|odpady)|ognisk[a-z]*|(?:cop|copleri|yaprak|yapraklari|plastik) yak[a-z]*|bahcede ates)(?= )/;
const FIRE_GOT_AWAY = /(?<= )(?:spread[a-z]*|out of control|on fire|trapped|inside|fence|shed|house is|flat is|999|112|fire brigade|people|kids|children|copii|copiii|ninos|criancas|dzieci|cocuk[a-z]*|pompieri|bomberos|bombeiros|straz[a-z]*|itfaiye|se extinde|se propaga|inauntru|flacari|flacarile|llamas|chamas|plomienie|alevler)(?= )/;
const nuisanceFire = (n: string) => NUISANCE_FIRE.test(n) && !FIRE_GOT_AWAY.test(n) && !ELECTRICAL.test(n);
/** Round 12: a hazard that has been there for years ("it's been like that for years"). */
const LONG_STANDING = /(?<= )(?:(?:been|has been|it is been|it has been|that is been) (?:like (?:that|this)|going on|happening|there|the same) for (?:years|months|ages|a long time|donkeys)|for (?:years|ages|donkeys) now|(?:always|forever) (?:smells?|smelt|smelled|been like))(?= )/;
/** The families of fire and gas, in English and in other languages (a long-standing hazard, an engineer's all-clear, a fire put out). */
const FIRE_FAMILIES: ReadonlySet<string> = new Set(['fire_or_gas', 'multilingual_fire', 'welsh_fire']);
/** Round 29: families of an emergency someone can help with and see end (a collapse, someone in the water or stranded). */
const EMERGENCY_FAMILIES: ReadonlySet<string> = new Set(['medical_emergency', 'water_or_cliff']);
/** The outcome that ends it: the person fine, survived, rescued; the services took over; nobody hurt. */
const EMERGENCY_OUTCOME = /(?<= )(?:(?:he|she|they|kid|child|boy|girl|man|woman|lady|lad|bloke|guy|everyone|everybody|we|the [a-z]+) (?:was|were) (?:absolutely |totally |completely |perfectly )?(?:fine|ok|okay|alright|all right|unhurt|uninjured|not hurt|safe|rescued|saved)|(?:he|she|they|the [a-z]+) (?:survived|pulled through|made it|came round|came to|recovered)|(?:paramedics|ambulance|ambulance crew|lifeguards?|coastguard|coast guard|rnli|lifeboat|fire brigade|firefighters|fire service|police|mountain rescue) (?:took over|arrived and|came and|got (?:him|her|them) (?:out|off|down)|rescued|pulled|saved|winched)|(?:no one|nobody|noone) (?:was|got|were) (?:hurt|injured))(?= )/;
/** Told as the writer's past: "I was helping", "while I was doing CPR", "I'd stopped to help". */
const HELPED_PAST = /(?<= )(?:(?:i|we) (?:was|were) (?:helping|doing|giving|performing|holding|looking after|with)|while (?:i|we) (?:was|were)|(?:i|we) (?:helped|stopped to help|pulled|rang 999|called 999|called an ambulance|did cpr)|(?:was|were) (?:helping|doing cpr))(?= )/;
// Round 61: saved or recovered, and a span weeks, months or years back.
const SAVED_BACK_THEN = /(?<= )(?:(?:[a-z]+ )?(?:saved|revived|resuscitated|brought back) (?:him|her|them)|(?:he|she|they) (?:survived|pulled through|made it|recovered|is fine now|is ok now|is okay now))(?= )/;
const WEEKS_BACK = /(?<= )(?:(?:a few|a couple of|two|three|four|five|six|several|some|[0-9]+) (?:weeks|months|years) (?:back|ago)|a (?:week|month|year) (?:back|ago)|last (?:week|month|year|summer|winter|spring|autumn|season))(?= )/;
const EVERY_WEEKS_BACK = new RegExp(WEEKS_BACK.source, 'g');
/** The span itself ("a few weeks back") is no sign of anything back again. */
const savedBackThen = (n: string) => {
  const rest = n.replace(EVERY_WEEKS_BACK, ' ');
  return SAVED_BACK_THEN.test(n) && WEEKS_BACK.test(n) && !EXPLICIT_PRESENT.test(n) && !STILL_THERE.test(rest) && !GOES_ON.test(rest);
};
const emergencyOver = (n: string) => EMERGENCY_OUTCOME.test(n) && HELPED_PAST.test(n) && !EXPLICIT_PRESENT.test(n) && !STILL_THERE.test(n) && !GOES_ON.test(n);
/** Round 29: the alarm itself at fault ("alarm had just expired", "it was the battery dying", "past its date"). */
const ALARM_FAULT = /(?<= )(?:alarm|alarms|detector|detectors|it)(?: [a-z]+){0,3} (?:expired|out of date|past (?:its|the) (?:date|expiry|expiry date|end of life)|end of (?:its )?life|(?:was |is )?faulty|battery (?:was |is )?(?:low|dying|dead|flat|going)|(?:low|dying|dead|flat) battery)(?= )|(?<= )(?:(?:it was|was|it is) (?:just |only )?(?:the |a )?test(?:ing)? (?:button|it)|(?:pressed|pushed|pressing|pushing|hit|set off) (?:the |its )?test button|(?:pressed|pushed) (?:it|the button) (?:to test|testing))(?= )/;
const alarmAtFault = (n: string) => ALARM_FAULT.test(n) && !FELT_NOW.test(n) && !PRESENT_FIRE.test(n) && !STILL_THERE.test(n) && !/(?<= )(?:smell[a-z]*|smoke (?:is|coming)|flames?|burning)(?= )/.test(n);
/** Round 29: tempted to burn one's own garden waste or rubbish instead of paying for its collection. */
const WASTE_BURN_TEMPTED = /(?<= )(?:tempted to|might (?:as well )?just|may as well|might as well|will just|i will|i am going to|going to|gonna|could just|feel like) (?:just )?(?:set (?:fire|light) to|burn|burning|torch|have a bonfire (?:of|with)) (?:the |my |our |all (?:the |my )?|it all|them all)?(?:[a-z]+ )?(?:clippings|cuttings|grass|hedge trimmings|trimmings|garden waste|green waste|leaves|rubbish|bin bags|branches|brown bin|green bin|waste|cardboard|lot)(?= )/;
/** A person or a home in it: never a garden fire. */
const PERSON_IN_FIRE = /(?<= )(?:(?:with|and) (?:me|us|him|her|them|you|the kids|my kids|the children|the baby|everyone) (?:in it|inside)|(?:house|flat|home|place|car|council office|offices?|building|depot) down)(?= )/;
/** Fires set again and again: a nuisance reported after the event. */
const HABITUAL_FIRE = /(?<= )(?:(?:keep|keeps|always|forever) (?:setting fire|setting light|setting [a-z]+ alight|torching|burning)|happens (?:most|every|all) (?:weekends?|nights?|weeks?|the time)|every (?:weekend|night) (?:they|someone|kids))(?= )/;
/** Round 45: the same in Spanish, Portuguese, Polish, Romanian, Italian, French and German ("todas las noches"), of a fire family only. */
const FOREIGN_HABITUAL_FIRE = /(?<= )(?:(?:todas las|todas as|cada) (?:noches|noites|noche|noite|tardes|fin de semana|fines de semana)|todos (?:los|os) (?:fines|fins) de semana|(?:co|kazdej|kazdy) (?:noc|nocy|weekend|wieczor)|in fiecare (?:noapte|seara|weekend)|(?:ogni|tutte le|tutti i) (?:notte|sera|sere|notti|fine settimana|weekend)|(?:tous les|toutes les|chaque) (?:soirs|nuits|soir|nuit|week ends?|weekends?)|(?:jede|jeden) (?:nacht|abend|wochenende))(?= )/;
/**
 * Round 45: a time tonight or a plan made, in French, Italian, German, Spanish, Portuguese, Polish or Romanian ("ce soir, j'ai tout
 * prévu"): beside a wish to die in those languages the screen is not outweighed by a model that cannot read them.
 */
const FOREIGN_TONIGHT_OR_PLAN = /(?<= )(?:ce soir|cette nuit|tout (?:prevu|prepare|planifie|organise)|stasera|stanotte|ho (?:gia )?(?:deciso|preparato|pianificato)|heute (?:nacht|abend)|alles (?:geplant|vorbereitet)|esta (?:noche|noite)|lo tengo todo|tengo todo (?:pensado|planeado|preparado)|tenho tudo (?:planeado|planejado|preparado)|dzis (?:wieczorem|w nocy)|dzisiaj w nocy|mam (?:juz )?(?:plan|wszystko przygotowane)|in seara asta|la noapte|am (?:tot )?plan(?:ificat)?)(?= )/;
/** Round 45: a fire told as burning now in another language ("ahora", "esta noche", "teraz", "acum"), beside a repeated nuisance. */
const FOREIGN_NOW = /(?<= )(?:ahora|ahorita|en este momento|esta noche|agora|neste momento|esta noite|teraz|dzis wieczorem|acum|in seara asta|adesso|ora|stasera|maintenant|ce soir|jetzt|heute abend|heute nacht|arde|ardiendo|quemando|esta ardiendo|a arder|pali sie|arde acum|brucia|brule|brennt)(?= )/;
/** Beside a screen hit, only a bonfire or someone burning rubbish, never a smell of burning plastic from a meter cupboard. */
const SCREEN_NUISANCE_FIRE = /(?<= )(?:bonfires?|(?:he|she|they|neighbours?|someone|somebody|guy|man|woman|people) (?:[a-z]+ ){0,3}(?:burns?|burning) (?:rubbish|plastic|garden waste|leaves|waste|tyres|cardboard))(?= )/;
/** The same in Arabic script: a fire or smoke in a garden ("يشعل نارًا في حديقته", he lights a fire in his garden). */
const GARDEN_FIRE_SCRIPT = /(?:نار|دخان)[^]{0,40}حديق|حديق[^]{0,40}(?:نار|دخان)/u;
const ELECTRICAL = /(?<= )(?:sparks?|sparking|electric[a-z]*|wiring|meter|sockets?|plugs?|cupboard|smells? (?:like|of) burning|(?:storage )?heaters?)(?= )/;
/** A question about arranging care or support ("who arranges carers when mum leaves hospital"): a service, not a concern. */
const CARE_QUESTION = /^ (?:(?:hi|hello|please|ok) )*(?:who (?:arranges|organises|sorts out|pays for)|how do i (?:get|arrange|apply|book|find)|can i (?:get|have|apply)|where do i|what (?:help|care|support)|are there any|is there any|do you (?:do|offer|provide))(?= )|(?<= )(?:who arranges that|who do i ask|how do i arrange)(?= )|(?<= )(?:(?:ask|asking|apply|applying|request|requesting) for (?:more |extra )?(?:care|support|help)(?: hours| package| assessment)?|(?:more|extra) care hours|carers? assessment|needs assessment|care assessment|respite|supported living|equipment|adaptations?|reassess(?:ed|ment)?|be assessed|help with (?:care|caring|personal care)(?: at home)?|meals on wheels|care at home|home care|(?:family |parent |parents |carers |carer |peer )?support groups?|family support|parenting support|telecare|careline|pendant alarm|(?:gps|tracker|tracking) (?:things?|devices?|watch(?:es)?|tags?))(?= )/;
/**
 * Round 18: a question asking how to get care or a care assessment, in a community language (Romanian, Spanish, Portuguese,
 * Polish, Turkish): "Mama are demență ... Cum cerem o evaluare pentru îngrijire?". The safety model reads a few words of these
 * languages (a care need told as "nu se mai poate", no longer able) as danger; alone, it asks at most, unless harm is named.
 */
const CARE_QUESTION_ABROAD = anchoredPhrases([
    '(?:cum|unde) (?:cerem|cer|solicit|solicitam|putem cere|pot cere|putem solicita|pot solicita|obtin|obtinem|putem obtine|pot obtine|aplic|aplicam|facem (?:o )?cerere)(?: [a-z]+){0,3} (?:evaluare|ingrijire|ajutor|asistenta|ingrijitor[a-z]*)',
    'evaluare (?:pentru|de|a) (?:ingrijire|nevoilor)', 'ingrijire la domiciliu',
    '(?:como|donde) (?:solicito|solicitamos|pido|pedimos|puedo (?:pedir|solicitar)|podemos (?:pedir|solicitar)|consigo|conseguimos|obtengo|tramito)(?: [a-z]+){0,3} (?:evaluacion|valoracion|cuidados|ayuda a domicilio|cuidador[a-z]*|asistencia)',
    '(?:evaluacion|valoracion) de (?:los )?(?:cuidados|necesidades|dependencia)', 'ayuda a domicilio',
    '(?:como|onde) (?:peco|pedimos|posso pedir|podemos pedir|solicito|solicitamos|consigo|obtenho|obtemos)(?: [a-z]+){0,3} (?:avaliacao|cuidados|apoio domiciliario|cuidador[a-z]*|ajuda)',
    'avaliacao (?:de|das|dos) (?:cuidados|necessidades)', 'apoio domiciliario', 'cuidados (?:ao|em|no) domicilio',
    // Round 30: "queria saber se ha ajuda em casa" (is there help at home), in Portuguese and Spanish.
    '(?:ajuda|apoio|cuidados) (?:em|ao|no) (?:casa|domicilio)', '(?:ayuda|apoyo|cuidados) en (?:casa|el domicilio)',
    'jak (?:zlozyc|uzyskac|zamowic|poprosic|dostac|otrzymac|ubiegac sie)(?: [a-z]+){0,3} (?:ocen[a-z]*|opiek[a-z]*|pomoc[a-z]*|opiekunk[a-z]*)',
    'ocen[a-z]* potrzeb', 'opieka (?:domowa|w domu)', 'uslug[a-z]* opiekunc[a-z]*', 'bakim (?:degerlendirmesi|hizmeti|destegi)', 'evde bakim',
]);
/** Harm named in those languages (hitting, bruises, a fall, not breathing, abuse, neglect, blood, fire, gas): never a care question. */
const HARM_ABROAD = /(?<= )(?:lov[a-z]*|bate|batut[a-z]*|vanatai|cazut|abuz[a-z]*|neglij[a-z]*|respira|inconstient[a-z]*|sange|golpe[a-z]*|pega|moretones|hematomas?|cayo|caiu|caido|sangre|sangue|abus[a-z]*|maltrat[a-z]*|negligencia|bije|bil|bila|siniak[a-z]*|upadl[a-z]*|oddycha|krew|przemoc[a-z]*|zaniedb[a-z]*|dov[a-z]*|morluk[a-z]*|istismar[a-z]*|suicid[a-z]*|sinucid[a-z]*|samoboj[a-z]*|intihar|foc|fuego|fogo|incendi[a-z]*|pozar|gaz|gas)(?= )/;
function careQuestionAbroad(n: string): boolean {
  return CARE_QUESTION_ABROAD.test(n) && !HARM_ABROAD.test(n) && riskCues(n).size === 0 && !REFERRAL.test(n);
}
/**
 * Round 55: the same in Punjabi (Gurmukhi, which the normaliser drops): how to get care at home for a parent ("ਮੇਰੇ ਪਿਤਾ ਜੀ 80 ਸਾਲ ਦੇ
 * ਹਨ, ਉਹਨਾਂ ਲਈ ਘਰ ਵਿੱਚ ਦੇਖਭਾਲ ਕਿਵੇਂ ਮਿਲ ਸਕਦੀ ਹੈ?", the model alone 0.64), nothing of hitting, blood, a fall, a pension taken or food kept.
 */
const SCRIPT_CARE_QUESTION = /ਦੇਖਭਾਲ(?:\s+\S+){0,2}\s+(?:ਕਿਵੇਂ|ਕਿੱਦਾਂ|ਕਿਵੇਂ)|(?:ਕਿਵੇਂ|ਕਿੱਦਾਂ)(?:\s+\S+){0,3}\s+ਦੇਖਭਾਲ/u;
const SCRIPT_CARE_HARM = /ਮਾਰ|ਖੂਨ|ਡਿੱਗ|ਪੈਨਸ਼ਨ|ਖਾਣਾ ਨਹੀਂ|ਭੁੱਖ|ਬੇਹੋਸ਼|ਸਾਹ|ਚਾਕੂ|ਅੱਗ|ਇਕੱਲ/u;
const scriptCareQuestion = (text: string) => SCRIPT_CARE_QUESTION.test(text) && !SCRIPT_CARE_HARM.test(text);
/**
 * Round 56: a school place or a transfer asked for in Arabic ("كيف أطلب نقله إلى مدرسة ثانوية قريبة؟", how do I ask to move him to a
 * nearer secondary school; the model alone 1.00 on "temporary housing" and a 15-year-old), nothing of hitting, a knife, fire, fear,
 * hunger, a child alone or harm named: the model alone asks at most.
 */
const SCRIPT_SCHOOL_QUESTION = /(?:كيف|كيفية|أين|اين|هل يمكن)(?:\s+\S+){0,4}\s+(?:مدرسة|المدرسة|مدرسته|مدرستها|مدارس)|(?:التسجيل|تسجيل|التقديم|نقله|نقلها|نقل)(?:\s+\S+){0,3}\s+(?:مدرسة|المدرسة|مدرسته|مدرستها)/u;
const SCRIPT_SCHOOL_HARM = /يضرب|ضرب|سكين|حريق|نار|دخان|يغرق|ينزف|دم|خائف|خائفة|يخاف|تخاف|تحرش|اعتداء|يعتدي|وحده|وحدها|وحدهم|بدون طعام|جوع|جائع|يهدد|تهديد|انتحار|مفقود|اختفى|لا يتنفس|مخدرات|عصابة/u;
const scriptSchoolQuestion = (text: string) => SCRIPT_SCHOOL_QUESTION.test(text) && !SCRIPT_SCHOOL_HARM.test(text);

/**
 * How much a classifier-only decision should yield to everyday context: 'drop' it; 'soften' (escalate becomes ask, ask becomes
 * nothing); 'ask' (escalate becomes ask: a service request that names someone in passing, "my grandad needs his bins pulled out");
 * or keep it (null).
 */
/** Round 52: a neighbours' row over parking, told as words only (everydayContext). */
const PARKING_ROW = /(?<= )(?:neighbours?|next door|the people (?:opposite|next door|over the road))(?: [a-z]+){0,8} (?:park|parks|parked|parking|block|blocks|blocking)(?= )/;
const VERBAL_ONLY = /(?<= )(?:verbal abuse|verbally abus[a-z]*|verbal|swear(?:s|ing)? at|shout(?:s|ing)? at|mouth(?:s|ing)? off|abuse)(?= )/;
const ROW_HARM = /(?<= )(?:hit|hits|hitting|push(?:ed|es|ing)?|shov(?:e|ed|es|ing)|assault[a-z]*|threat[a-z]*|kill|knife|hurt|hurting|attack[a-z]*|spat|spit|spitting|racis[a-z]*|race|colour|disab[a-z]*|hate|scared|frightened|terrified|afraid|dementia|follow[a-z]*|damage[a-z]*|smash[a-z]*|weapon|punch[a-z]*|grab[a-z]*)(?= )/;
/** Round 60: a service word named first and taken back at once ("noise complaint about the flat upstairs? not really. every night ..."). */
const SERVICE_TAKEN_BACK = /^ (?:[a-z]+ ){0,3}(?:complaint|question|enquiry|query|report|request|repair|issue)(?: [a-z]+){0,5} (?:not really|no not really|not exactly|well not really|not quite)(?! (?:sure|know|knowing|bothered|urgent|important|a big deal|serious|worried|a problem|needed|that|the|my|sorry)\b) (?:[a-z]+ ){3,}/;

/**
 * Round 71: a child named and told as left alone, left to sleep somewhere or left unattended ("the manager's son, maybe 9, gets left
 * sleeping on the cellar floor while she works", "the kids next door are left home alone every night"): never dropped by a denial of
 * urgency. Not "left out" of a game nor "left" a thing ("the kids left their bikes").
 */
const CHILD_LEFT = /(?<= )(?:son|daughter|sons|daughters|child|children|kid|kids|boy|girl|boys|girls|baby|babies|toddler|toddlers|little one|little ones|grandson|granddaughter|stepson|stepdaughter|nephew|niece|(?:1[0-5]|[1-9]) (?:years? old|yrs? old|yo|year old))(?: [a-z0-9]+){0,6} (?:(?:is|are|was|were|gets|get|got|keeps getting|keep getting|being|been|often|always|regularly) )+left (?:alone|on (?:his|her|their) own|home alone|by (?:himself|herself|themselves)|unattended|unsupervised|sleeping|to sleep|asleep|in (?:the|a|her|his|their) (?:car|van|cellar|pub|bar|flat|house|room|street)|on (?:the|a) (?:floor|cellar floor|street|doorstep)|outside|with (?:no one|nobody|no food|strangers))(?= )/;

/**
 * Engineer's probe after round 71: an adult with dementia, frail, bedbound or housebound told as left alone or without care, or as
 * left by carers who do not come ("not urgent but my nan with dementia gets left alone all night and the carers don't turn up"):
 * never dropped by a denial of urgency, as CHILD_LEFT. Not money or a thing left to someone ("my nan with dementia has been left a bit").
 */
const ADULT_LEFT = /(?<= )(?:dementia|alzheimer s|alzheimers|bed ?bound|bedridden|frail|learning disabilit(?:y|ies)|housebound|immobile|cannot walk|can not walk)(?: [a-z0-9]+){0,12} (?:(?:gets|get|is|are|was|were|being|been|keeps getting|keep getting|often|always|regularly) )*(?:left (?:alone|on (?:his|her|their) own|by (?:himself|herself|themselves)|unattended|in (?:bed|the dark|the cold|a wet bed|soiled)|without (?:food|water|care|help|anyone))|carers? (?:do not|dont|don t|never|did not|didn t|does not|doesn t|have not|haven t|has not|hasn t) (?:turn|turned|show|showed|come|came)(?: up)?)(?= )/;

/** Engineer's probe after round 78: "but" then now, after a reassurance: what follows is a new matter, happening now. */
const REASSURED_THEN_NOW = /(?<= )but (?:(?:[a-z]+ ){0,2})(?:right now|just now|now|this minute|as we speak|suddenly|all of a sudden)(?= )/;

export function everydayContext(text: string): 'drop' | 'soften' | 'ask' | null {
  const n = normaliseForSafety(text);
  // Round 21: a wish to die stated beside a service question ("the only way out I can see is not waking up. Is there any point applying
  // for the hardship fund?") is never softened into nothing by the question: at most it turns an escalation into the danger question.
  const soften = wishToDieStated(text) ? 'ask' : 'soften';
  // A question about a safety service drops only when the rest names no risk: "book a gas safety check ... strong smell of gas" does not.
  if (SAFETY_SERVICE.test(n) && riskCues(n.replace(EVERY_SAFETY_SERVICE, ' ')).size === 0) return 'drop';
  // Round 13: "not an emergency" never drops abuse named by its shape ("track your car ... go mad if you're late ... not an emergency").
  // Round 52: not a denial relayed beside harm seen now ("blood running down both wrists, said she's fine just go").
  // Round 71: nor a child told as left alone or neglected ("Not an emergency but ... the manager's son, maybe 9, gets left sleeping on the
  // cellar floor while she works"): the denial is of urgency, the neglect is the disclosure.
  // Engineer's probe after round 78: not a reassurance about one thing followed by something happening now ("All fine with the EHCP. But
  // right now my daughter has had a seizure in the bath and she isn't responding": REASSURED_THEN_NOW).
  if ((REASSURED.test(withoutRelayedDenials(n)) && !riskCues(n).has('domestic_strong') && !CHILD_LEFT.test(n) && !ADULT_LEFT.test(n) && !REASSURED_THEN_NOW.test(n)) || (CAREER.test(n) && riskCues(n).size === 0)) return 'drop';
  // Round 52: neighbours' verbal abuse in a parking dispute ("neighbours park across her drive on purpose and give her verbal abuse
  // when she asks them to move"), nothing physical, threatened or hateful told: anti-social behaviour, asked at most.
  if (PARKING_ROW.test(n) && VERBAL_ONLY.test(n) && !ROW_HARM.test(n)) return 'ask';
  // Round 8: a separation told as amicable, naming no harm ("we've split up, it's all amicable, I need somewhere to go").
  if (AMICABLE.test(n) && riskCues(n).size === 0) return 'drop';
  // Round 20: a partner leaving, asked about as a tenancy or a home ("partner's leaving me and the tenancy's in his name"), no harm named.
  if (SEPARATION_HOUSING.test(n) && riskCues(n).size === 0 && !riskCues(n).has('domestic_strong') && !DOMESTIC_WORDS.test(n)) return 'drop';
  // Round 60: a service framing taken back at once ("Noise complaint about the flat upstairs? Not really. Every night there's a woman
  // screaming ..."): what follows is told for itself, so the service words neither soften nor ask.
  if (SERVICE_TAKEN_BACK.test(n)) return null;
  // Soften only when nothing at all says who is at risk or how, and no one is making a referral.
  if ((SERVICE_TALK.test(n) || ASKING_FOR_PERSON.test(n)) && kindCues(n).size === 0 && !REFERRAL.test(n)) return soften;
  if (riskCues(n).size === 0 && CARE_QUESTION.test(n) && !REFERRAL.test(n)) return soften;
  if (nuisanceFire(n) || alarmQuestion(text)) return 'soften';
  // Round 12: where to throw away a gas bottle or a fire extinguisher (in several languages), nothing burning or smelt: asked at most.
  if (disposalQuestion(n)) return 'ask';
  // Round 12: a window or a door that will not lock, a repair "that would feel safer", naming no one at risk: asked at most.
  if (HOME_SECURITY.test(n) && riskCues(n).size === 0 && !REFERRAL.test(n)) return 'ask';
  if (SERVICE_TALK.test(n) && riskCues(n).size === 0 && !REFERRAL.test(n)) return 'ask';
  // Round 6: a worker at a refuge, hostel or school asking a service question for someone, naming no risk ("i work at a refuge ...
  // how does she tell council tax"): asked, not escalated.
  if (WORKPLACE.test(n) && riskCues(n.replace(WORKPLACE, ' ')).size === 0 && !REFERRAL.test(n)) return 'ask';
  // Round 7: harm to an animal only, no person named and no fire: asked, not escalated.
  // Round 9: with no cue word of any risk, softened (an unsure model no longer asks): no development disclosure is about an animal alone.
  // Round 28: the owner or the vet with the animal, and the writer "beside myself" over it, are no person at risk.
  const animalPerson = PERSON.test(n.replace(ANIMAL_CARER, ' '));
  if (ANIMAL.test(n) && !animalPerson && kindCues(n).size === 0) return 'soften';
  if (ANIMAL.test(n) && !animalPerson && !kindCues(n).has('fire_gas_co')) return 'ask';
  // Round 8: a hazard to a road or a street only (flooded, icy, dark, a pothole), with no person named in it: asked at most.
  if (PLACE_HAZARD.test(n) && !PERSON.test(n) && !kindCues(n).has('fire_gas_co')) return 'ask';
  // Round 22: someone sleeping rough, a shelter or outreach asked for, nothing wrong with them named ("he says he's OK but it's going
  // to be minus 4 tonight. Is there a shelter he can go to?"): asked at most (the cold is a reason to ask, not to escalate).
  if (roughSleeperShelter(n)) return 'ask';
  // Round 23: put out of home with nowhere to go tonight, naming no harm and no kind of risk ("kicked out by my parents ... at the bus
  // station and I don't know where to go tonight"): a housing emergency, asked at most, never escalated by the model alone.
  // Round 42: the cold told beside it ("he's got nowhere tonight. It's freezing") is a reason to ask, as for a rough sleeper (round 22).
  if (nowhereTonightOnly(n)) return 'ask';
  // Round 26: a service cancelled because the person it served has died or gone ("cancel the garden waste subscription, my wife did
  // the garden and she's gone now, so there's no point"), nothing else named: a bereavement, asked at most, never escalated.
  if (CANCEL_SERVICE.test(n) && BEREAVED.test(n) && !REFERRAL.test(n) && !riskCues(n).has('domestic_strong')) return 'ask';
  // Round 23: a smell said not to be gas, or checked by the gas engineers ("sewer smell ... it's not gas, I've had the gas people
  // out"), nothing burning, sounding or felt: no gas danger.
  if (NOT_GAS.test(n) && !GAS_STILL.test(n)) return 'drop';
  return null;
}

/** Put out with nowhere to go tonight, and no risk or kind of risk told besides the cold (rounds 23 and 42); no referral. */
function nowhereTonightOnly(n: string): boolean {
  if (!NO_HOME_TONIGHT.test(n) || REFERRAL.test(n)) return false;
  // Round 74: never when a body harmed is told ("her fella punches her where people cant see ... wants to leave but has nowhere to
  // go"): abuse with nowhere to go is not a housing question.
  if (BODILY_HARM_TOLD.test(n)) return false;
  const noCold = n.replace(EVERY_COLD_WEATHER, ' ');
  const kinds = kindCues(noCold);
  // Round 54: a grown-up son, nephew or grandson put out by a parent ("my nephew (19) ... his mum threw him out over an argument", the
  // model alone 0.92 as a child at risk): the age told, 18 or over, and no younger age, the child cue is the family word only.
  // Engineer's probe after round 54: never when harm is told ("my son is 19, his stepdad beat him up and threw him out tonight, he's got
  // a cut head"): the child cue is then more than the family word.
  if (kinds.has('child_at_risk') && ADULT_AGE_TOLD.test(n) && !CHILD_AGE_TOLD.test(n) && !PUT_OUT_FEARED.test(n) && !BODILY_HARM_TOLD.test(n)) kinds.delete('child_at_risk');
  return riskCues(noCold).size === 0 && kinds.size === 0;
}
/** Engineer's probe after round 54: a body harmed, told beside someone put out ("beat him up", "a cut head", "bruises"). */
const BODILY_HARM_TOLD = /(?<= )(?:beat|beats|beating|beaten|battered|punch[a-z]*|slap[a-z]*|smack[a-z]*|kick(?:ed|ing)? (?:him|her|them)(?! out)|strangl[a-z]*|chok[a-z]*|stab[a-z]*|assault[a-z]*|bleed[a-z]*|blood[a-z]*|cuts?|bruis[a-z]*|injur[a-z]*|black eye|broken (?:nose|arm|ribs?|wrist|jaw))(?= )/;
/** Round 54: someone's age told as 18 to 59 beside a relative or a pronoun ("my nephew 19", "he is 22", "my son, 18"). */
const ADULT_AGE_TOLD = /(?<= )(?:nephew|niece|son|daughter|grandson|granddaughter|stepson|stepdaughter|brother|sister|cousin|lad|he|she|him|her|they)(?: is| s| who is| aged| age| just turned)? (?:1[89]|[2-5][0-9])(?: (?:years? old|yrs? old|yo|year old))?(?= )(?! (?:years? ago|days?|weeks?|months?|hours?|mins?|minutes?|pounds?|quid|miles?|am|pm|times?))/;
const CHILD_AGE_TOLD = /(?<= )(?:1[0-7]|[1-9])(?: (?:years? old|yrs? old|yo|year old))(?= )|(?<= )(?:aged|age|is|s|only|just) (?:1[0-7]|[1-9])(?= )(?! (?:years? ago|days?|weeks?|months?|hours?|mins?|minutes?|pounds?|quid|miles?|am|pm|times?|o clock))/;

/** Round 27: an overdose in the past ("in hospital after an overdose", "took an overdose last year"); round 31: "years back", "back in 2019". */
const PAST_OVERDOSE = /(?<= )(?:(?:after|because of|following|since|from) (?:an |my |a |the )?overdose|(?:took|had|taken) (?:an |a )?overdose(?: [a-z]+){0,3} (?:last (?:week|month|year)|ago|in (?:january|february|march|april|may|june|july|august|september|october|november|december))|(?:overdosed|od d|odd) (?:[a-z]+ ){0,3}(?:last (?:week|month|year)|(?:a|two|three|four|five|six|several|a few|few|[0-9]+) (?:years|months|weeks) (?:ago|back)|(?:years|months|ages) (?:ago|back)|back in [a-z0-9]+|in (?:january|february|march|april|may|june|july|august|september|october|november|december)))(?= )/;
/** Home, discharged, better, with a team visiting. */
// Round 74: "im fine now", "she's ok now" ("in hospital after an overdose in october im fine now can it be backdated").
const RECOVERING = /(?<= )(?:(?:i am|i m|im|she is|he is|they are) (?:fine|ok|okay|alright|all right|well) now|(?:i am|i m|im|she is|he is) (?:back )?(?:home|out of hospital|discharged)(?: now)?|discharged|doing (?:much |a lot |loads |so much )?better|doing (?:really |very |so |ever so )?well(?: now)?|(?:is |s |are |am )?in recovery|(?:clean|sober) (?:for|since|now)|(?:clean|sober) (?:for )?(?:[0-9]+|a|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|few|a couple of) (?:years?|months?)|on the mend|(?:crisis|mental health|home treatment|community) team (?:visit|visits|come|comes|are|is|have been|call|calls)|getting (?:support|help) now)(?= )/;
/** Round 29: an overdose told as past, the person recovering, nothing of another one or anything present. */
const pastOverdoseRecovering = (n: string) => PAST_OVERDOSE.test(n) && RECOVERING.test(n) && !OVERDOSE_AGAIN.test(n) && !GOES_ON.test(n) && !EXPLICIT_PRESENT.test(n);
/** Another one, now or planned. */
const OVERDOSE_AGAIN = /(?<= )(?:again|tonight|right now|just (?:taken|took)|have taken|pills|tablets|(?:want|wanting|going|planning|thinking about|thinking of|tempted) to (?:do it|die|end it|take (?:more|them|another|it|the lot))|cannot go on|not coping|(?:do not|dont) want to (?:be here|live))(?= )/;
/** Round 26: someone else's past habit of self-harm ("my sister who used to self-harm", "he used to cut himself"). */
// Round 34: the relative named in two words ("my teenage daughter used to self-harm").
const USED_TO_SELF_HARM = /(?<= )(?:who|she|he|they|(?:my|our|his|her)(?: [a-z]+){1,2}) used to (?:self harm|cut (?:herself|himself|themselves)|harm (?:herself|himself|themselves)|hurt (?:herself|himself|themselves)|burn (?:herself|himself|themselves))(?= )/;
/** It is back or happening now: "again", "started", "last night", "relapse". */
// Round 34: not "now" of the help given ("she's getting CAMHS help now", "doing well now").
const SELF_HARM_BACK = /(?<= )(?:again|started|starting|back|now(?<!(?:help|support|counselling|therapy|treatment|better|fine|well|okay|ok|settled|safe) now)|tonight|today|last night|this (?:week|morning|evening)|recently|lately|relaps[a-z]*|fresh|bleeding|blood|cuts on|cutting|harming|hurting)(?= )/;
/** Round 26: a service or payment cancelled or stopped. */
const CANCEL_SERVICE = /(?<= )(?:cancel|cancelling|canceling|stop|stopping|end|ending|close|closing|finish) (?:the |my |our |his |her |their )?(?:[a-z]+ ){0,3}(?:subscription|collection|direct debit|permit|account|membership|blue badge|bus pass|bin|bins|service|claim|licence|license|waste|garden waste|meals|deliveries|delivery|care package|visits)(?= )/;
/** Round 26: someone who has died or gone for good ("she's gone now", "he passed", "since she died"). */
// Round 29: "not with us any more", "no longer around" of someone else ("my husband was the gardener and he's not with us anymore").
const BEREAVED = /(?<= )(?:(?:she|he|they) (?:is|s|has|have|are) (?:gone|passed)(?: away| on)?(?: now)?|passed away|(?:she|he|they) (?:died|passed)|no longer with us|(?:she|he|they) (?:is |s |are )?not with us (?:any more|now)|(?:she|he|they) (?:is |s |are )?no longer (?:here|around|alive)|lost (?:my|our) (?:wife|husband|partner|mum|dad|mother|father))(?= )/;
/** Round 42: someone feared or harm told beside being put out ("scared of him finding me", "he'll come back"): never capped. */
const PUT_OUT_FEARED = /(?<= )(?:scared|afraid|frightened|terrified|fear[a-z]*|hurt|hit|attacked|threat[a-z]*|kill[a-z]*|knife|fled|fleeing|escap[a-z]*|abus[a-z]*|violen[a-z]*|danger[a-z]*|(?:come|coming|comes) back|find(?:ing)? me|after me|looking for me)(?= )/;
/** Round 42: the weather told as cold ("it's freezing", "minus 4 tonight"), of the night, not of a person. */
const EVERY_COLD_WEATHER = /(?<= )(?:(?:it is|its|it s|it will be|going to be|gonna be) )?(?:absolutely |bitterly |so |really )?(?:freezing(?: cold)?|bitter(?:ly cold)?|cold|minus [0-9a-z]+|below (?:zero|freezing))(?: (?:out|outside|tonight|out there))?(?= )/g;
/** Round 23: put out of home, or with nowhere to sleep or stay. Round 42: "threw him out", "got nowhere tonight". */
const NO_HOME_TONIGHT = /(?<= )(?:(?:kicked|thrown|threw|chucked|put|locked|turfed|booted) (?:me |us |him |her |them )?out|(?:nowhere|no where|no place|not anywhere) to (?:go|sleep|stay)|(?:nowhere|no where) (?:to go )?tonight|(?:do not|does not|dont|not) (?:know|sure) where (?:to|i am going to|i can|i will) (?:go|sleep|stay)|no idea where (?:to|i am going to|i can|i will) (?:go|sleep|stay)|(?:am|is|are|will be) homeless|(?:i will|i am going to|i am gonna|we will|we are going to|he will|she will|they will|going to) be (?:on|sleeping on) the streets?(?: (?:tonight|tomorrow|by|from|after|at|on|this|next)[a-z ]*)?|(?:sleeping|sleep|end up|ending up|be) on the streets? (?:tonight|tomorrow|by|from|after))(?= )/;
/** Round 23: gas ruled out: "it's not gas", "not a gas smell", the gas engineers out and "they said so". Round 24: a "leak scare", the gas
 * engineer has been and the boiler is "working again" (a repair after it). */
const NOT_GAS = /(?<= )(?:(?:it is|its|it s|that is|this is) not (?:a )?gas|(?:gas|leak) scare|gas (?:engineers?|man|men|board|people)(?: has| have)? (?:been|came|come)(?: (?:and|out|round|in|over))*(?: [a-z]+){0,6} (?:working (?:again|fine|now|ok|okay)|fixed|sorted|back on|made (?:it |everything )?safe)|not (?:a )?gas (?:smell|leak)|(?:had|got) the gas (?:people|engineers?|board|man|men|company|emergency (?:people|service)) (?:out|round|in|over)|gas (?:engineers?|people|board|man|men|company) (?:have |has )?(?:been out|been round|came out|checked (?:it|everything)|said (?:it is|its) (?:not gas|fine|safe)))(?= )/;
/**
 * Round 25: a gas engineer (or the gas people) said the smell is normal or safe ("only when I light the oven ... the gas engineer said
 * that's normal but I'd like the oven checked anyway"), nothing said to be there now, stronger or felt: asked at most.
 */
const ENGINEER_SAID_SAFE = /(?<= )(?:gas )?(?:engineers?|fitter|gas (?:people|board|man|men|company)|cadent|national grid)(?: [a-z]+){0,2} (?:said|says|told (?:me|us)|reckons|reckoned|confirmed)(?: that)?(?: it is| its| it s| that is| that s| this is| it was| that was|(?: [a-z]+){1,10} (?:is|was|are|were))? (?:perfectly |completely |totally |quite )?(?:normal|fine|safe|ok|okay|nothing to worry about|not a leak|not dangerous|expected)(?= )/;
const GAS_NOW = /(?<= )(?:now|today|tonight|still|again|stronger|worse|getting worse|really strong|very strong|so strong|dizzy|headaches?|sick|drowsy|collapsed|unconscious|faint[a-z]*|passed out|hissing|alarm|fire|smoke|flames?|burning)(?= )/;
export const engineerSaidSafe = (n: string) => ENGINEER_SAID_SAFE.test(n) && !GAS_NOW.test(n);
const GAS_STILL = /(?<= )(?:smoke|smoking|fire|flames?|burning|sparks?|alarm|carbon monoxide|dizzy|headaches?|drowsy|sick|collapsed|unconscious|faint[a-z]*|passed out|hissing|rotten eggs?|eggy)(?= )/;

/** Round 22: someone sleeping rough, and a shelter, a bed or outreach asked for. */
const SLEEPING_ROUGH = /(?<= )(?:sleeping (?:rough|out|outside|on the streets?|in (?:a|the|my|our) (?:[a-z]+ )?(?:doorway|bus shelter|car park|underpass|stairwell|tent|park))|rough sleep(?:er|ers|ing)|homeless (?:man|woman|person|people|lad|bloke|guy|couple|chap)|on the streets)(?= )/;
const SHELTER_ASKED = /(?<= )(?:shelters?|night shelter|hostels?|emergency (?:bed|beds|accommodation)|a bed for|somewhere (?:warm |safe )?(?:to|he can|she can|they can) (?:go|sleep|stay)|outreach|streetlink|swep|cold weather (?:provision|shelter|beds?)|who (?:do|can|should) i (?:call|ring|contact|tell))(?= )/;
/** Something wrong with the person named: hurt, not moving, not answering, ill, drunk beyond helping themselves. */
const ROUGH_HARM = /(?<= )(?:hurt|injured|bleeding|blood|not moving|not responding|unresponsive|will not wake|cannot wake|would not wake|collapsed|unconscious|shaking|shivering|blue|hypothermi[a-z]*|ill|unwell|sick|confused|fitting|seizure|overdos[a-z]*|beaten|attacked|child|children|kids?|teenager|girl|boy|pregnant|baby)(?= )/;
function roughSleeperShelter(n: string): boolean {
  return SLEEPING_ROUGH.test(n) && SHELTER_ASKED.test(n) && !ROUGH_HARM.test(n) && !EXPLICIT_PRESENT.test(n);
}

/**
 * Round 21: a wish to die, not to wake up, not to be here, or an only way out that is death, said in so many words. Hyperbole tied to
 * a chore of the service ("I want to die every time I ring your switchboard") is not (serviceHyperbole).
 */
const WISH_TO_DIE = new RegExp(String.raw`(?<= )(?:(?:want|wanted|wanting|wish|ready) to die${DIE_AT_A_PLACE}|(?:do not|dont) want to (?:be here|be alive|live|wake up|exist)(?! (?:here|there|in|at|with|near|next|on|like))|(?:hope|hoping) (?:i|that i) (?:do not|dont|never) wake up|(?:not|never) (?:waking|wake) up(?= [^]*(?<= )(?:only|way out|point|want|wish|hope|better|answer|end)(?= ))|(?:only|one|best|easiest) way out(?! of (?:the|this|that|here|there|my|our|his|her))|(?:not|never) being here (?:any ?more|much longer)|better off dead|end(?:ing)? it all|kill(?:ing)? myself|end(?:ing)? my (?:own )?life)(?= )`);
export function wishToDieStated(text: string): boolean {
  const n = normaliseForSafety(text);
  return WISH_TO_DIE.test(n) && !serviceHyperbole(text) && !selfHarmDenied(text);
}

/** Round 12: a window, a door or a lock that will not lock or close: a repair. */
const HOME_SECURITY = /(?<= )(?:(?:window|windows|door|doors|front door|back door|patio door|lock|locks|latch|gate|catch)(?: [a-z]+){0,5} (?:will not|would not|does not|cannot|can not|do not|not) (?:lock|close|shut|latch)|(?:lock|locks|latch|catch|window lock|door lock) (?:is |are )?(?:broken|bust|stiff|loose|faulty|not working)|(?:broken|bust|faulty) (?:lock|locks|latch|window lock|door lock)|(?:drws|ffenest[a-z]*|clo)(?: [a-z]+){0,4} (?:ddim|dim) yn cloi)(?= )/;
/** Round 12: a question about throwing away a hazardous thing, in English and a few community languages. */
const DISPOSAL = /(?<= )(?:(?:where|how) (?:do|can|should|would) (?:i|we|you|people) (?:dispose|get rid|throw|take|recycle|put|dump)|what (?:do|should|can) (?:i|we) do with|dispos(?:e|al|ing) of|get(?:ting)? rid of|nereye (?:atabilirim|atilir|atarim|atayim|birakabilirim|atmaliyim)|kahan (?:phenk[a-z]*|phaink[a-z]*|daal[a-z]*|dal[a-z]*)|donde (?:puedo )?(?:tirar|tiro|dejar|llevar)|onde (?:posso )?(?:deitar|colocar|descartar|levar)|unde (?:pot )?(?:arunc|duc|las)|gdzie (?:moge )?(?:wyrzucic|oddac)|kur (?:galiu )?(?:ismesti|priduoti))(?= )/;
const HAZARD_THING = /(?<= )(?:gas (?:bottles?|cylinders?|canisters?)|(?:old |empty )?(?:cylinders?|canisters?)|tup gaz|tupgaz|gaz tupu|bombonas?|botijao|butelie|butla|(?:fire )?extinguishers?|extintor[a-z]*|sonduruc[a-z]*|stingator[a-z]*|gasnic[a-z]*|batter(?:y|ies)|(?:smoke |co )?alarms?|detectors?|aerosols?|fireworks|paint tins?|(?:late|old|unused|leftover|out of date|expired) (?:[a-z]+ ){0,3}(?:medication|medicines?|sharps|pills|tablets|paracetamol|painkillers|meds)|sharps bins?)(?= )/;
function disposalQuestion(n: string): boolean {
  return DISPOSAL.test(n) && HAZARD_THING.test(n) && !PRESENT_FIRE.test(n) && !ALARM_LIVE.test(n) && !HAPPENING_NOW.test(n) && !FELT_NOW.test(n);
}

/** A prediction that carries the safety model's score (the tenant's understanding attaches it: intents/understanding.ts). */
export type ScoredPrediction = IntentPrediction & { safetyScore?: SafetyScore | null };

/** Thresholds on the safety model's score. */
export interface SafetyModelThresholds {
  escalateAt: number;
  askAt: number;
  /** Below this an idiom-prone screen hit is asked, not escalated (default SAFETY_SCREEN_DISAGREE; 0 turns it off). */
  disagreeAt?: number;
  /** Below this a screen hit with a defeater (`defeaters`) is dropped; from it up to escalateAt, asked (default SAFETY_DEFEAT_NEAR_ZERO). */
  defeatNearZero?: number;
  /** At or above this safety-model score a defeater no longer demotes the model alone (default SAFETY_DEFEAT_SURE). */
  defeatSure?: number;
  /** Below this share of known words the model alone only asks (default SAFETY_KNOWN_MIN; 0 turns it off). */
  knownMin?: number;
  /** Round 6: a top main-classifier safety intent this confident asks when the safety model is low (default SAFETY_CLASSIFIER_ASK; above 1 turns it off). */
  classifierAskAt?: number;
  /** Round 6: a message of SAFETY_UNKNOWN_WORDS+ words of which the model knows less than this share is asked (default SAFETY_UNKNOWN_ASK; 0 turns it off). */
  unknownAskBelow?: number;
  /** Round 7: a Latin-script message of SAFETY_READABLE_WORDS+ words with less than this share in the pack's own phrases is unreadable (default SAFETY_READABLE_MIN; 0 turns it off). */
  readableMin?: number;
  /** Round 8: at or above this safety-model score a message that also names a service still escalates (default SAFETY_SERVICE_SURE; above 1 turns it off). */
  serviceSure?: number;
  /** Round 13: below this safety-model score a screen hit of any family (bar a few) that is about something is asked (default SAFETY_SCREEN_DISAGREE_ANY; 0 turns it off). */
  disagreeAnyAt?: number;
  /** Round 16: below this safety-model score the model alone only asks about a message the assistant cannot read (default SAFETY_UNREAD_SURE; 0 turns it off). */
  unreadSure?: number;
  /** Round 19 (K1): below this safety-model score a never-downgraded screen hit in English told as not now is asked (default SAFETY_NOT_NOW_BELOW; 0 turns it off). */
  notNowBelow?: number;
  /** Round 19 (K2): the model alone escalating an English message with no risk-bearing word asks instead (default SAFETY_NO_RISK_WORD_ASK). */
  noRiskWordAsk?: boolean;
  /** Round 20 (K3): a message let through whose segment alone the model would escalate is asked (default SAFETY_SEGMENT_ASK). */
  segmentAsk?: boolean;
  /** Round 22 (K4): the model alone escalates from this score; from escalateAt up to it, asks (default SAFETY_MODEL_ALONE_ESCALATE). */
  modelAloneAt?: number;
  /** Round 23 (K5): a short English reply naming no risk is let through whatever the model scores (default SAFETY_SHORT_REPLY_QUIET). */
  shortQuiet?: boolean;
  /** Round 23 (K5): a short message crying for help or naming an emergency is asked when the model is below askAt (default SAFETY_SHORT_ALARM_ASK). */
  shortAlarmAsk?: boolean;
  /** Round 24 (K6): a top main-classifier safety intent this confident asks about a long message everyday context softened (default SAFETY_CLASSIFIER_SURE_ASK; above 1 turns it off). */
  classifierSureAsk?: number;
  /** K7: K2 for messages of fewer than this many words only, read by the model as English (default SAFETY_NO_RISK_WORD_ASK_BELOW; 0 turns it off). */
  noRiskWordAskBelow?: number;
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
 * Round 22 (K4, evaluated): the bar at which the safety model alone, nothing else demoting it, escalates; between SAFETY_MODEL_ESCALATE
 * and this it asks instead. Equal to SAFETY_MODEL_ESCALATE is off (no band). Measured out of fold at 0.7, 0.8 and 0.9: see
 * data/README.md, Round 22.
 */
export const SAFETY_MODEL_ALONE_ESCALATE = SAFETY_MODEL_ESCALATE;

/**
 * Screen families whose trigger words live in everyday speech too: words of dying and suicide ("it's suicide driving up that
 * hill", "end it here"), "kill me" in other languages ("me va a matar" about a tax), a named topic ("domestic abuse coordinator role"). When such a hit and the safety model
 * disagree (the model scores it below SAFETY_SCREEN_DISAGREE), the assistant asks "Is anyone in danger right now?" instead of
 * escalating: two independent signals that disagree. Families that name a plan, a method, a weapon in use, an attack or a
 * victim are never idioms and always escalate.
 */
export const IDIOM_PRONE_FAMILIES: ReadonlySet<string> = new Set(['suicide_direct', 'wish_to_die', 'multilingual_risk', 'domestic_abuse', 'at_height']);
// Not the fire and gas families: the safety model scores plain hazard reports low ("there is a gas leak in my street" ~0.05),
// so disagreement there would ask about real fires; CV moved 3-4 fire disclosures to a question. Their lookalikes (a leak
// that was fixed, a tested alarm) are handled by the everyday categories below instead.

/**
 * Below this safety-model score an idiom-prone screen hit is asked, not escalated. Round 4, cross-validation over the five
 * development sets (`npm run eval:safety -- --cv` prints the sweep): 0.05-0.15 give the same figures (no disclosure moves to
 * ask; leave-one-set-out false alarms 0.9% -> 0.7% on top of the everyday categories); 0.2 starts to move disclosures.
 */
export const SAFETY_SCREEN_DISAGREE = 0.1;

const FAMILY_OF_REASON = new Map<string, string>([...FAMILIES, ...SCRIPT_FAMILIES].map((f) => [f.reason, f.id]));
/** The screen family of a hit (reasons are unique per family: safety.test.ts checks). */
export function familyOf(hit: SafetyHit): string | undefined {
  return FAMILY_OF_REASON.get(hit.reason);
}

/**
 * Everyday context that outweighs a screen hit when the safety model agrees (scores it low). Categories, not strings:
 * - past and resolved: a time in the past and an outcome that ends it ("a gas leak last week, it's fixed", "the CO alarm went
 *   off yesterday ... everyone's fine", "burnt out now");
 * - a job, a role, a course or volunteering ("applied for the domestic abuse coordinator role");
 * - an idiom of defiance, laughter or leaving ("over my dead body", "killing myself laughing", "end it here, cheers").
 */
/**
 * Round 49: a past emergency closed by praise for those who came or what worked ("last week a man collapsed outside our shop and the
 * paramedics were brilliant ... the defib by the library worked"): a compliment, told as past (PAST before it, and nothing back now).
 * Engineer's probe after round 49: also an ambulance or crew that "came quickly", and thanks to whoever put the defibrillator there.
 */
const RESPONDERS_PRAISED = String.raw`(?:(?:the )?(?:paramedics?|ambulance (?:crew|staff|service)|first aiders?|crew|responders?|nurses?|doctors?|staff|fire ?fighters|fire crew|police officers?)(?: [a-z]+){0,2} (?:were|was|are) (?:absolutely |really |so |just )?(?:brilliant|amazing|fantastic|excellent|great|wonderful|incredible|superb|outstanding|so kind|really good|fab)|(?:the )?(?:defib|defibrillator)(?: [a-z]+){0,5} (?:worked|saved (?:his|her|their) life|did its job)|(?:the )?(?:ambulance|paramedics|air ambulance|police|fire (?:brigade|engine|crew)) (?:came|arrived|got there|turned up) (?:so |really |very )?(?:quickly|quick|fast|straight away|within minutes|in minutes|in no time)|thank[a-z]* (?:to )?(?:whoever|the (?:person|people|group|council) (?:who|that)) (?:put|installed|fitted|paid for|funded)(?: [a-z]+){0,3} (?:defib|defibrillator))`;
const PAST = String.raw`(?:last (?:night|week|month|year|weekend|time|winter|summer|spring|autumn|christmas)|yesterday|ago|the other (?:day|night)|earlier (?:this|today)|this morning|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))`;
const RESOLVED = String.raw`(?:(?:it|that|this|the leak|the fire|everything) (?:is|was|has been|got) (?:fixed|sorted|repaired|capped|made safe|put out|resolved|dealt with)|(?<!(?:need|needs|want|wants|get|getting|to be|having) (?:[a-z]+ ){0,3})(?:fixed|sorted|repaired|capped|made safe|put (?:it )?out)|burnt out now|(?:all|it is all|it was all|it is|it was|the fire is|the fire was|fire is|fire was) (?:out|put out)(?: now)?(?! (?:of|there|again))|(?:everyone|everybody|we are all|we are) (?:is |are |was |were )?(?:fine|ok|okay|safe|alright)|(?:nobody|no one) (?:is |was |got )?(?:hurt|injured)|(?:it is all|it was all|everything is|everything was) (?:fine|ok|okay|good)|all (?:fine|ok|okay|good|well) in the end|(?:fire brigade|firefighters|fire service|fire engine|brigade) (?:came|attended|arrived|were here|was here|sorted it)(?: [a-z]+){0,3} (?:and )?(?:it is |it was |everything is |everything was |we are |everyone is )?all (?:fine|ok|okay|good|safe)|(?:turned out|ended up) (?:fine|ok|okay|alright)|(?:he|she|they|it) (?:survived|pulled through|made it)(?: it)?|${RESPONDERS_PRAISED})`;
const PAST_RESOLVED = new RegExp(`(?<= )${PAST}(?= )[^]*(?<= )${RESOLVED}(?= )|(?<= )${RESOLVED}(?= )[^]*(?<= )${PAST}(?= )`);
const ROLE = /(?<= )(?:(?:coordinator|officer|worker|advisor|adviser|manager|lead|practitioner|assistant|volunteer|trainer) (?:role|post|job|vacancy|position)|appl(?:y|ied|ying) for (?:a |the |this )?[a-z ]{0,40}(?:role|job|post|vacancy|position|course)|(?:training|course|qualification|certificate|awareness session|webinar) (?:on|in|about)|interview for)(?= )/;
// Round 27: a chore that nearly killed me ("i nearly killed myself dragging it up yesterday", "killing myself dragging it out every Monday").
const SCREEN_IDIOM = /(?<= )(?:(?:nearly |almost |practically |near |been |am |keep |kept )?(?:killed|killing|kill) (?:myself|me|ourselves) (?:dragging|carrying|lifting|pulling|pushing|hauling|lugging|wheeling|moving|shifting|getting (?:it|them|the bins?)|trying to (?:get|lift|carry|drag|move|push|pull|reach)|running (?:for|after|up)|rushing|climbing (?:up|the))|over my dead body|(?:killing|killed|kill) (?:myself|me|themselves|ourselves) laughing|laugh(?:ing|ed)? (?:myself|me) to death|(?:end|leave|stop|finish|wrap) (?:it|things|this|that) (?:there|here)(?= [^]*(?:thanks|thank you|cheers|ta|help|bye))|dying (?:of|from) (?:laughter|laughing|embarrassment|boredom|shame))(?= )/;

/** Round 6: a service blamed in an idiom ("talking to this bot makes me want to jump out of a window"). */
const SERVICE_MAKES_ME = /(?<= )(?:bot|chat ?bot|chat|website|app|council|service|form|forms|system|queue|hold music|call centre|this|it|talking to (?:you|this|the)(?: [a-z]+)?|portal|process|paperwork|phone line|switchboard|parking|planning|council tax|bins?|permit|application|helpline) (?:makes|is making|made|just makes) me want to(?= )/;

/** Round 8: electrics made safe, nothing still burning: "it's all switched off at the fuse box now". */
const ELECTRICS_OFF = /(?<= )(?:switched|turned|flicked|tripped) (?:it |them |everything |the power |the electrics |the electricity |the mains )?(?:all )?off(?= )|(?<= )(?:is|are) (?:all )?(?:switched|turned) off(?= )(?![^]*(?<= )(?:still|again|spreading|smoking)(?= ))/;
/** Upkeep of a safety device: "how often should I test my CO detector", "tested my smoke alarm and it's fine". */
const UPKEEP = /(?<= )(?:(?:how often|when) (?:should|do|must|can) (?:i|we|you|they) (?:test|replace|change|check|service)|(?:tested|checked|replaced|serviced) (?:my|the|our) (?:[a-z]+ ){0,3}(?:detector|alarm|detectors|alarms))(?= )/;

/**
 * Round 10: a question about a smoke or carbon monoxide alarm itself (where to fit it, the symptoms to look out for, taking old
 * ones to the tip), with nothing sounding, smelt, burning or felt now.
 */
const ALARM_DEVICE = /(?<= )(?:(?:smoke|fire|heat|co|carbon monoxide|gas) (?:alarms?|detectors?)|(?:alarms?|detectors?) for (?:carbon monoxide|co|smoke|gas))(?= )/;
// Round 60: whether an alarm is meant to beep or chirp ("is the co alarm ment to beep once a minute? i think its the battery").
const ALARM_QUESTION = /(?<= )(?:(?:meant|ment|supposed) to (?:beep|chirp|bleep|flash)|where (?:is|should|do|can|would|to)|best place|how (?:do|should|often|can|many)|can (?:i|we|you) (?:take|recycle|put|bin|throw|get|dispose)|(?:just |have )?(?:bought|got|buying|fitted|installed|getting) (?:a|one|an|new|some|two)|what (?:are|is) the (?:symptoms|signs)|what to look (?:out )?for|(?:symptoms|signs) of (?:carbon monoxide|co)|to the tip|recycl[a-z]*|old (?:smoke|co|carbon|fire) )(?= )/;
const ALARM_LIVE = /(?<= )(?:going off|gone off|went off|sounding|keeps? (?:going|sounding)|triggered|smell[a-z]*|smoke (?:is|coming)|on fire|burning|(?:i|we|he|she|they|everyone|kids|the kids|my [a-z]+) (?:have|has|got|are|is|am|feel|feels|feeling|keep|keeps) (?:got |been |getting )?(?:a )?(?:headaches?|sick|dizzy|drowsy|nauseous|unwell|ill|poorly|sleepy|confused|vomiting|throwing up))(?= )/;
export function alarmQuestion(text: string): boolean {
  const n = normaliseForSafety(text);
  return ALARM_DEVICE.test(n) && ALARM_QUESTION.test(n) && !ALARM_LIVE.test(n) && !PRESENT_FIRE.test(n) && !EXPLICIT_PRESENT.test(n);
}

/**
 * Round 12: a smell or a hazard in the past that is gone now or has been checked since ("smelled gas faintly yesterday ... it's
 * gone now and the gas board came and checked"), nothing saying it is still there, back or felt.
 */
// Round 16: "this afternoon" beside a check done ("came this afternoon and said ... all safe") is past too.
const PAST_AT = new RegExp(`(?<= )(?:${PAST}|this afternoon)(?= )`);
// Round 16: an all-clear given by someone who came ("the engineer came this afternoon and said it is a fault and it is all safe").
const CHECKED_GONE = /(?<= )(?:(?:it|the smell|smell|that) (?:is|has|has now|was) (?:all )?gone(?: now| away)?|(?:came|come|been|called|visited|attended)(?: [a-z]+){0,3} and said (?:[a-z]+ ){0,8}(?:all safe|(?:is|was) safe|safe now|a fault|faulty|a false alarm|no leak|nothing wrong)|(?:came|come|been|has been|have been) (?:out |round )?(?:and|to) (?:checked|check|look|looked)(?: at)?|(?:checked|inspected|tested) (?:it|everything|the [a-z]+)(?: over)? and (?:it is|it was|all|found|said)|(?:checked|inspected) and (?:it is|it was|found|said|all))(?= )/;
const STILL_THERE = /(?<= )(?:still|again|back|returned|come back|came back|getting worse|worse)(?= )/;
/** Symptoms felt, or someone collapsed: never everyday. */
const FELT_NOW = /(?<= )(?:headaches?|dizzy|dizziness|sick|nause[a-z]*|vomit[a-z]*|throwing up|drowsy|faint(?:ed|ing|s)?|passed out|collapsed|unconscious|stinging|breathless|(?:cannot|can not) breathe)(?= )/;
const pastChecked = (n: string) => PAST_AT.test(n) && CHECKED_GONE.test(n) && !STILL_THERE.test(n) && !FELT_NOW.test(n);

/** True when everyday context (past and resolved, a job or course, an idiom, a device's upkeep) explains a screen hit. */
// Round 20: the gas emergency service (or an engineer) has been and fixed it: "I rang the gas emergency number and they've been and fixed it".
// Round 26: the network's other names ("National Gas came and capped the supply", "the gas company came and cut it off").
const EMERGENCY_FIXED = /(?<= )(?:gas emergency|emergency (?:number|line|service|services)|gas board|national grid|national gas|gas (?:company|network|networks|supplier|suppliers|people)|sgn|wales and west|northern gas(?: networks)?|cadent|engineers?|gas man|fire (?:brigade|service))(?: [a-z]+){0,10} (?:been|came|come|attended|turned up)(?: [a-z]+){0,3} (?:and )?(?:fixed|sorted|capped|made (?:it |everything )?safe|repaired|isolated|turned (?:it |the gas |the supply |the gas supply )?off|(?:cut|shut|switched) (?:it |the gas |the supply |the gas supply )?off|disconnected)(?= )/;
const emergencyFixed = (n: string) => EMERGENCY_FIXED.test(n) && !STILL_THERE.test(n) && !FELT_NOW.test(n);
/**
 * Round 26: a fire or a gas smell told as past and dealt with, in Polish, Turkish, Portuguese, Spanish, Romanian, Lithuanian and
 * Welsh ("w zeszłym miesiącu był pożar, straż go ugasiła", "geçen hafta yangın çıktı itfaiye söndürdü", "ontem havia cheiro a gás,
 * a companhia já resolveu e cortou o gás"): a time in the past and an outcome that ends it, nothing saying it is back or burning,
 * nor anyone feeling it. The English guards (PAST_RESOLVED, EMERGENCY_FIXED) in those languages.
 */
// Round 62: "ostatnio" and "niedawno" (lately, recently: "ostatnio był pożar w naszym bloku, wszystko już ugaszone").
const FOREIGN_PAST = /(?<= )(?:wczoraj|przedwczoraj|ostatnio|niedawno|w (?:zeszlym|ubieglym|poprzednim) (?:tygodniu|miesiacu|roku)|w zeszly (?:weekend|piatek|poniedzialek)|(?:tydzien|miesiac|rok|[a-z]+ (?:dni|tygodni|tygodnie|miesiecy|miesiace|lata|lat)) temu|dun|evvelsi gun|gecen (?:hafta|ay|yil|sene|gece|cuma|pazar|cumartesi)|(?:[a-z]+ )?(?:gun|hafta|ay|yil) once|ontem|anteontem|na semana passada|no (?:mes|ano|fim de semana) passado|ha (?:[a-z]+ )?(?:dias|semanas|meses|anos)|ayer|anoche|anteayer|la semana pasada|el (?:mes|ano|fin de semana) pasado|hace (?:[a-z]+ )?(?:dias|semanas|meses|anos)|ieri|aseara|alaltaieri|(?:saptamana|luna) trecuta|anul trecut|acum (?:[a-z]+ )?(?:zile|saptamani|luni|ani)|vakar|uzvakar|praeita (?:savaite|menesi)|pernai|ddoe|neithiwr|(?:wythnos|mis) (?:diwethaf|dwetha)|llynedd|y llynedd)(?= )/;
const FOREIGN_PUT_OUT = /(?<= )(?:ugasil[a-z]*|zgasil[a-z]*|ugaszon[a-z]*|zgaszon[a-z]*|ugasili|opanowal[a-z]*|(?:odcie|odcial|odcieli|zakrecil|zakrecili|zamknel|zamkneli)[a-z]* (?:gaz|doplyw gazu)|naprawil[a-z]*|naprawion[a-z]*|sondurdu[a-z]*|sonduruldu|sondurdul[a-z]*|sondurmus[a-z]*|sondurduk|sondurduler|gazi kest[a-z]*|gaz kesildi|tamir ett[a-z]*|hallett[a-z]*|halledildi|apagou|apagaram|apagamos|apagado|apagada|extint[oa]|extinguiu|extinguiram|resolveu|resolveram|resolvido|resolvida|(?:cortou|cortaram|fechou|fecharam|desligou|desligaram) o gas|gas (?:cortado|desligado)|reparou|repararam|apago|apagaron|apagamos|extinguieron|extinguio|extinguido|resolvio|resolvieron|resuelto|(?:corto|cortaron|cerro|cerraron) el gas|arreglaron|l au stins|au stins|a stins|am stins|stins[a-z]*|au rezolvat|a rezolvat|rezolvat[a-z]*|(?:au oprit|a oprit|au taiat|a taiat|au inchis|a inchis) gazul|uzgesino|uzgesin[a-z]*|sutvarke|isjunge dujas|wedi (?:diffodd|trwsio|datrys)|diffoddwyd|diffoddodd)(?= )/;
/** Back again, burning or spreading now, or still smelt, in those languages: never past and over. */
const FOREIGN_NOT_OVER = /(?<= )(?:znowu|znow|ponownie|pali sie|wciaz czuc|nadal czuc|tekrar|yine|hala (?:yaniyor|koku|gaz)|yaniyor|de novo|outra vez|novamente|ainda (?:cheira|ha cheiro|sinto|arde|esta a arder)|a arder|otra vez|de nuevo|todavia (?:huele|hay olor|arde)|sigue (?:oliendo|ardiendo)|ardiendo|din nou|iar (?:miroase|arde)|inca (?:miroase|arde)|arde|vel|vis dar|eto|eto fyth|yn llosgi)(?= )/;
const AR_PAST = /أمس|البارحة|الأسبوع الماضي|الاسبوع الماضي|الشهر الماضي|العام الماضي|السنة الماضية|الليلة الماضية|قبل (?:يومين|أيام|ايام|أسبوع|اسبوع|شهر|أشهر|اشهر|سنة)/u;
const AR_PUT_OUT = /أطفأ|انطفأ|انطفأت|انطفى|انطفا|انطفت|اطفأ|أطفاه|اطفاه|أطفئ|اطفئ|تم إطفاء|تم اطفاء|أخمد|اخمد|تم إخماد|تم اخماد|أصلحوا|اصلحوا|أصلح|اصلح|قطعوا الغاز|قطع الغاز|أغلقوا الغاز|اغلقوا الغاز|تم حل/u;
const AR_NOT_OVER = /مرة أخرى|مرة اخرى|من جديد|لا يزال|لا تزال|ما زال|مازال|ما زالت|مازالت|الآن|الان/u;
/** Felt in those languages (a headache, dizziness, nausea, fainting): carbon monoxide is never over while it is felt. */
const FOREIGN_FELT = new RegExp(String.raw`(?<= )(?:boli [a-z ]{0,20}glow[a-z]*|bol glowy|mdlosci|zawrot[a-z]*|wymiot[a-z]*|omdla[a-z]*|zemdla[a-z]*|basi[a-z]* (?:donuyor|agriyor)|bas agri[a-z]*|mide[a-z]* bulan[a-z]*|kusuyor[a-z]*|bayil[a-z]*|dor(?:es)? de cabeca|tonturas?|enjoo[a-z]*|desmai[a-z]*|vomit[a-z]*|dolor(?:es)? de cabeza|mareos?|mareados?|desmay[a-z]*|durere[a-z]* de cap|ameteli[a-z]*|lesin[a-z]*|greata)(?= )`);
const FOREIGN_SINCE_PAST_FIRE = /(?<= )(?:desde|depois|apos|despues|tras) (?:o |do |el |del |la |a )?(?:incendio|fogo|fuego)(?: [a-z]+){0,3} (?:do ano passado|de [a-z]+ passad[oa]|ha (?:[a-z]+ )?(?:anos|meses)|del ano pasado|de [a-z]+ pasad[oa]|hace (?:[a-z]+ )?(?:anos|meses))(?= )/;
/** True for a fire or a gas smell told as past and dealt with, in another language (see FOREIGN_PAST). */
export function foreignPastPutOut(text: string): boolean {
  const n = normaliseForSafety(text);
  const latin = FOREIGN_PAST.test(n) && FOREIGN_PUT_OUT.test(n) && !FOREIGN_NOT_OVER.test(n) && !STILL_THERE.test(n) && !FELT_NOW.test(n) && !FOREIGN_FELT.test(n);
  const arabic = AR_PAST.test(text) && AR_PUT_OUT.test(text) && !AR_NOT_OVER.test(text);
  // Round 74: damage since a fire dated in the past, in Portuguese or Spanish ("bolor desde o incêndio do ano passado", mould since
  // last year's fire): a repair, the fire long over.
  const sincePastFire = FOREIGN_SINCE_PAST_FIRE.test(n) && !FOREIGN_NOT_OVER.test(n) && !STILL_THERE.test(n) && !FELT_NOW.test(n) && !FOREIGN_FELT.test(n);
  return latin || arabic || sincePastFire;
}
/**
 * Round 62: a headline or a news item quoted and asked about (is it true, is it old, was it last year, where to read more), in English,
 * Polish or Arabic ("Widziałam nagłówek 'Pożar w Merebrook' – to było w zeszłym roku?", "صديقي أرسل لي خبر: 'حريق في ميناء ميربروك'. هل
 * هذا صحيح؟ أم أنه خبر قديم؟"): a question about news, nothing happening to the writer's own; asked at most.
 */
const HEADLINE_WORDS = /(?<= )(?:headlines?|news (?:story|item|article)|article|naglow[a-z]*|artykul[a-z]*|w gazecie|w wiadomosciach)(?= )/;
const HEADLINE_ASKED = /(?<= )(?:is (?:it|that|this) (?:true|real|old|old news|recent|a hoax|fake)|is the council commenting|where (?:can|do) i read (?:more|about it)|was (?:it|that|this) last (?:year|month|week)|czy to prawda|to bylo w (?:zeszlym|ubieglym) (?:roku|miesiacu|tygodniu)|gdzie (?:moge|mozna) (?:przeczytac|poczytac)|czy to (?:stare|aktualne))(?= )/;
const AR_HEADLINE = /خبر|الخبر|عنوان|مقال|الأخبار|الاخبار|الجريدة/u;
const AR_HEADLINE_ASKED = /هل (?:هذا|هذه|ذلك) (?:صحيح|صحيحة|حقيقي|حقيقة)|خبر قديم|قديم/u;
const MINE_INVOLVED = /(?<= )(?:my|our|me|us|moj[a-z]*|moja|nasz[a-z]*|mnie|nas)(?= )(?:(?: [a-z]+){0,2} (?:hurt|injured|inside|trapped|missing|ranny|ranna|ranni|w srodku))/;
export function headlineAsked(text: string): boolean {
  const n = normaliseForSafety(text);
  const latin = HEADLINE_WORDS.test(n) && HEADLINE_ASKED.test(n) && !HAPPENING_NOW.test(n) && !MINE_INVOLVED.test(n) && !FOREIGN_NOT_OVER.test(n);
  const arabic = AR_HEADLINE.test(text) && AR_HEADLINE_ASKED.test(text) && !AR_NOT_OVER.test(text);
  return latin || arabic;
}
/**
 * Round 62: a gas smell outdoors with the gas network already there and digging ("a smell of gas in the road outside, faint, and there's
 * already a Cadent van and men digging"): the emergency is in hand; nothing felt, nothing smelt indoors, asked at most.
 */
const GAS_CREW = String.raw`(?:cadent|national grid|national gas|sgn|wales and west|northern gas(?: networks)?|gas board|gas (?:network|emergency|company) (?:van|vans|men|team|crew|engineers?)|gas (?:men|engineers))`;
// Round 63: also the gas works named as the cause ("its the gas works they are digging up the main theyve got it fenced off").
const GAS_CREW_ON_SITE = new RegExp(String.raw`(?<= )(?:(?:it is|its|it s|it is just|its just|because of|from) (?:the )?gas (?:works|main works|mains work)|(?:digging|dug|dig) up the (?:gas )?main(?: [a-z]+){0,6} (?:fenced|cordoned|taped|coned) off|(?:fenced|cordoned|taped|coned) off(?: [a-z]+){0,6} (?:digging|dug|dig) up the (?:gas )?main|${GAS_CREW} (?:have|has|s|are|is) (?:got )?(?:it |the road |the area |the hole )?(?:fenced|cordoned|taped|coned) off|already (?:a |an |the |some )?${GAS_CREW}(?: [a-z]+){0,5} (?:digging|working|there|here|on site|on it|out|fixing|dug)|${GAS_CREW}(?: [a-z]+){0,3} (?:are |is |s |have been |has been )?already (?:here|there|on site|digging|working|on it|out|fixing))(?= )`);
const GAS_INDOORS = /(?<= )(?:in|inside|into) (?:the|my|our|their|his|her) (?:house|flat|home|kitchen|hall|hallway|living room|bedroom|bathroom|property|building)(?= )/;
/** "Faint" said of the smell ("a smell of gas in the road, faint"), not of a person. */
const FAINT_SMELL = /(?<=(?<= )(?:smell|smells|whiff|odour)(?: [a-z]+){0,8}) faint(?= )|(?<= )(?:faint|very faint) (?=(?:smell|whiff|odour) )/g;
export const gasCrewOnSite = (n: string) => GAS_CREW_ON_SITE.test(n) && !GAS_INDOORS.test(n) && !FELT_NOW.test(n.replace(FAINT_SMELL, ' ')) && !/(?<= )(?:on fire|burning|flames?|smoke|smoking|caught fire|explod[a-z]*|blown up|hissing)(?= )/.test(n);
/** Round 28: who is with a hurt or lost animal, how the writer feels about it, or who may have found it: not a person at risk ("owner's with it", "the vet's on the way", "I'm beside myself", "has anyone handed him in"). */
const ANIMAL_CARER = /(?<= )(?:(?:has|have|did|if|whether|in case) (?:anyone|anybody|someone|somebody) (?:handed|found|seen|spotted|reported|picked|taken|brought)(?: [a-z]+){0,3}|beside (?:my|him|her|them)self|beside ourselves|worried sick|in bits|heartbroken|devastated|distraught|frantic|(?:the |its |his |her |their )?owners? (?:is |are |s )?(?:with (?:it|him|her|them)|there|here|on (?:the|their|his|her) way|coming)|(?:the |a )?vets? (?:is |are |s )?(?:on (?:the|their|its|his|her) way|coming|here|there|with (?:it|him|her|them)|called))(?= )/g;
/** Round 27: a pet that ate poison and a vet has treated ("My dog ate rat poison ... The vet's sorted her and she's OK"), no person named. */
const VET_TREATED = /(?<= )(?:vets?|vet s|veterinary)(?: [a-z]+){0,3} (?:sorted|treated|seen|saved|fixed|checked|pumped|made her sick|made him sick)(?= )|(?<= )(?:she|he|it) is (?:ok|okay|fine|alright|all right|recovering|on the mend)(?: now)?(?= )/;
const CHILD_NAMED = /(?<= )(?:child|children|kids?|baby|babies|toddlers?|son|daughter|grandson|granddaughter|little one)(?= )/;
const POISON_WORDS = /(?<= )(?:ate|eaten|swallowed|licked|chewed)(?: [a-z]+){0,3} (?:rat |slug |mouse |weed )?(?:poison|pellets|bait|antifreeze|chocolate|grapes|raisins)(?= )/;
const petTreated = (n: string) => ANIMAL.test(n) && POISON_WORDS.test(n) && VET_TREATED.test(n) && !CHILD_NAMED.test(n) && !STILL_THERE.test(n);
export function screenEveryday(text: string): boolean {
  const n = normaliseForSafety(text);
  if (petTreated(n)) return true;
  // Round 26: not when it is back and felt now ("capped it yesterday but it's back and I feel dizzy").
  return (PAST_RESOLVED.test(n) && !(BACK_AGAIN.test(n) && FELT_NOW.test(n))) || pastChecked(n) || SERVICE_MAKES_ME.test(n) || ROLE.test(n) || CAREER.test(n) || SCREEN_IDIOM.test(n) || UPKEEP.test(n) || (ELECTRICS_OFF.test(n) && ELECTRICAL.test(n)) || alarmQuestion(text);
}

/**
 * Round 5: defeaters, general categories of everyday framing that outweigh an alarm word when the safety model does not
 * back the alarm (see decideScreenHit and decideSafety). Small lexicons, not phrases from one set:
 * - laughter or sarcasm: "lol", "haha", a laughing emoji, "jk", "not really" at the end;
 * - present danger denied: "not an emergency", "nobody feels unwell", "no smoke", "not smelling it now", "everyone's fine",
 *   "he has recovered", "all settled now" (and the same in a few community languages);
 * - a comparison: "sounds like", "looks like", "as if";
 * - a conditional, comic threat: "my wife will murder me if ...";
 * - a thing called suicide or murder: "the roads are suicide in this ice", "prices are murder";
 * - a hypothetical question: "what number do I ring if ...", "who do I call if ...", "just in case".
 * Never for what is explicit and present (EXPLICIT_PRESENT, PRESENT_FAMILIES): a method with a time, a weapon in use,
 * someone not breathing.
 */
const d = (...alts: string[]) => new RegExp(`(?<= )(?:${alts.join('|')})(?= )`);
/** Round 29: things a resident calls suicide or murder: a wait, a road, a price, a chore (never a way out, an option or a plan). */
const THING_CALLED_SUICIDE = String.raw`(?:queues?|wait|waiting times?|hold music|phone lines?|line|lines|traffic|roads?|hill|junction|roundabout|bypass|motorway|parking|car park|prices?|rents?|bills?|council tax|fees?|charges?|job|shifts?|commute|drive|journey|school run|diet|gym|forms?|system|website|app|process|stairs|pavements?|path|lane|crossing|bends?|corner|weather|ice|heat|deadline|hours|timetable|route|buses|bus|trains?|service|waiting list|call centre|helpline|switchboard)`;
const SUBJECT = '(?:he|she|they|i|we|it|you|everyone|everybody|all of us|we are all)';
/** "Not an emergency", "not urgent": a denial of urgency (a defeater; never enough to drop a threat or abuse: URGENCY_DENIED). */
// Rounds 65 and 66: "not urgent but I'm uneasy" is a professional's politeness before a concern, not a denial, nor a hedged denial
// followed by what is wrong (NOT_DENIAL_BUT); "not urgent, just a question" still is.
const URGENCY_DENIAL = `(?:not (?:an? )?(?:emergency|urgent|real emergency)(?!${NOT_DENIAL_BUT})|no emergency(?!${NOT_DENIAL_BUT}))`;
const EVERY_URGENCY_DENIAL = new RegExp(`(?<= )${URGENCY_DENIAL}(?= )`, 'g');
export const DEFEATERS: Record<string, RegExp> = {
  laughter: d('lol', 'lols', 'lmao', 'lmfao', 'rofl', 'ha ha(?: ha)*', 'ha(?:ha)+h?', 'he(?:he)+', 'jk', 'only joking', 'just joking', '(?:only |just )?kidding', 'not really(?= $)',
    // Round 63: Polish "I'm joking" ("Zabiję go... żartuję oczywiście").
    'zartuje(?: oczywiscie)?', 'to (?:tylko )?zart', 'zartowalem', 'zartowalam'),
  denied: d(
    URGENCY_DENIAL,
    `(?:nobody|no one|none of us) (?:feels|is feeling|feel|has|have|is|was|got|seems|are) (?:unwell|ill|sick|hurt|injured|in danger|any symptoms|symptoms|poorly)`,
    'no (?:smoke|fire|flames|gas smell|smell of gas|symptoms|injuries|one hurt)(?! alarms?| detectors?| alarm)', 'not smelling (?:it|gas|anything)',
    // Round 15: "still working and there's no smell": the smell denied without naming it.
    '(?:there is |and )?no (?:smell|odour)(?: (?:at all|of anything))?(?! (?:of )?(?:gas|burning|smoke))',
    // Round 9: "not on fire, just worried", "there's no fire, just an alarm".
    '(?:not|nothing (?:is )?) on fire',
    // Round 17: "nothing caught fire"; "i'm not in danger, i just need help today".
    'nothing(?: has| s|s)? caught (?:fire|light)(?! yet)', 
    // Round 20: "nothing's burning now but it happens every weekend".
    'nothing(?: is| s|s)? (?:burning|on fire|alight|smoking|smouldering)(?: now| at the moment| right now)?', '(?:i am|we are) not in (?:any )?danger(?! yet)',
    // Round 19: harm to others denied ("he shouts abuse ... he's never touched anyone"); never "never hit me" (control can be abuse).
    '(?:never|not|not once|never once|never ever) (?:touched|hurt|harmed|hit|attacked|laid a (?:finger|hand) on) (?:anyone|anybody|any one|a soul|any of us|people)',
    // Round 79: someone told as not violent ("can the council stop my ex from getting my new address ... hes not violent i just dont want
    // him turning up asking for money"); never with a "but" or "exactly" after, nor beside anything done to the writer or feared.
    '(?:he|she|they|my ex) (?:is|s|are|was|has never been|have never been) (?:not|never) (?:violent|dangerous|abusive|a threat|aggressive)(?! (?:but|yet|although|though|until|unless|except|exactly|as such|really|as in|i suppose|i guess|just|more|most|all))(?![^]*\\b(?:grab[a-z]*|hit|hits|hitting|push|pushes|pushed|pushing|shov[a-z]*|slap[a-z]*|pin|pins|pinned|chok[a-z]*|strangl[a-z]*|kick[a-z]*|punch[a-z]*|threw|throws|hurt[a-z]*|bruis[a-z]*|scared|afraid|frightened)\\b)',
    'no (?:sign|signs) of (?:a )?(?:fire|smoke)', 'there is no (?:fire|smoke)', '(?:cannot|can not|could not) smell (?:it|gas|anything)',
    `${SUBJECT} (?:is |are |am |was |were |feel |feels )?(?:all )?(?:fine|ok|okay|safe|well|alright|all right) now`,
    '(?:everyone|everybody|we are all|all of us) (?:is |are |feels |feel )?(?:fine|ok|okay|safe|well|alright|all right)',
    // Round 22: not "all sorted for my sister after tonight": arrangements made for someone else, no danger denied.
    // Engineer's probe after round 62: not "syringes all over the front step", "the fire was all over the kitchen": spread about,
    // nothing over.
    // Round 48: not "all over my 3 year old" / "all over her arms": someone hurt, not "it's all over now".
    `${SUBJECT} (?:has|have|had|is|are) (?:fully |completely |now )?recovered`, 'we all (?:feel |are )?(?:fine|ok|okay|well|alright)', '(?<!(?:needles|syringes|sharps|drugs|pills|crack pipes|foils|fire|flames|smoke)(?: was| is| were| are| got)? )all (?:settled|sorted|over(?! (?:me|him|her|them|us) | (?:my|his|her|our|their|your|the|a) (?:[a-z0-9]+ ){0,2}(?:son|daughter|baby|child|kid|kids|children|boy|girl|toddler|year old|husband|wife|partner|mum|dad|nan|grandad|face|arm|arms|leg|legs|hand|hands|body|skin|chest|back|neck|head) )|behind (?:me|us))(?: now)?(?! for (?:my|our|the|her|his|their|everyone|them|him) | so )', '(?:settled|safe) now',
    // Polish, Spanish, Portuguese, Romanian, Welsh: "everything is fine", "nobody has symptoms", "not an emergency".
    'wszystko (?:jest )?w porzadku', 'nikt nie ma objawow', 'no es (?:una )?emergencia', 'todos estamos bien', 'nao e (?:uma )?emergencia', 'estamos todos bem',
    'nu este (?:o )?urgenta', 'toata lumea (?:este )?bine', 'does dim argyfwng', 'dim (?:nwy|arogl nwy|mwg)',
    // Round 38: a threat denied in so many words ("to koszmar, ale nikt mi nie groził": a nightmare, but nobody threatened me), in
    // English, Polish, Spanish, Portuguese and Romanian.
    '(?:nobody|no one|noone|no body) (?:has |had |ever |actually )*(?:threatened|threatens|threatening) (?:me|us|anyone|anybody)', '(?:he|she|they) (?:has |have |had )?(?:never|not) (?:actually |once |ever )?threatened (?:me|us|anyone|anybody)',
    'nikt (?:mi |nam |mnie |nas )?nie (?:grozil|grozila|grozi|zagrozil|zagrozila)', 'nadie me (?:ha )?amenaz(?:o|ado)', 'ninguem me (?:ameacou|ameaca|tem ameacado)', 'nimeni nu (?:m a|ne a|ma) (?:amenintat|ameninta)',
    // Round 13: someone who wanders "always turns up"; "não há cheiro nenhum" (no smell at all), Spanish "no hay olor".
    '(?:he|she|they) (?:always|usually|eventually) (?:turns|turn|comes|come|gets|get) (?:up|back|home)(?: safe| safely| again| in the end)?',
    'nao ha (?:cheiro|fumo|fogo|gas|fumaca)(?: nenhum| nenhuma)?', 'no hay (?:olor|humo|fuego|gas)',
    // Round 59: Turkish "no fire", "no smoke", "no gas smell" ("Komşunun alarmı iki gündür çalıyor, evde kimse yok ve yangın yok").
    '(?:yangin|duman|gaz kokusu|ates) yok',
    // Round 25: a leak denied in so many words ("Nothing is leaking", "there's no leak here"), not "no leak I can find but I can smell it".
    '(?:nothing|nothing else) (?:is |s )?leaking(?! but)', 'there is no (?:gas )?leak(?: here| at all| now)?(?! but)',
    // Round 27: harm denied in so many words, the matter named instead ("not neglected just muddled", "not unsafe, just lonely").
    '(?:she is |he is |they are |she s |he s |shes |hes )?not (?:being )?(?:neglected|abused|mistreated|unsafe|in danger|at risk)(?= (?:just|only|but just|simply|more|really just))',
    // Round 28: abuse or violence denied in a separation ("leaving my husband - no abuse, we just fell out of love", "he's never been
    // violent, we've grown apart"), and a hidden meaning denied ("the sofa my ex left ... happy to see it go, nothing more to it").
    '(?:there is |there was |there has been |there is been )?(?:no|not any) (?:abuse|violence|domestic abuse|domestic violence|abuse or violence|violence or abuse)(?: (?:at all|involved|whatsoever|or anything like that|or anything))?(?= (?:we|just|it is|it was|simply|nothing|honestly|really|i|and we|and it|he|she|they)| $)',
    '(?:he|she|they|it) (?:is|was|has|have|has been|have been|was never|is never|has never|have never)(?: not| never)?(?: been)? (?:violent|abusive|aggressive|controlling)(?= (?:just|we|it is|it was|at all|honestly|really|or|nothing|and we)| $)',
    '(?:it is |it was |there is )?nothing (?:more|else|sinister|bad|dodgy) (?:to it|behind it|going on|than that)', 'that is all there is to it',
    // Round 57: a hurt denied for everyone or for the writer ("nobody has been hit but she's upset", "nobody's touched me but it's
    // vile"): no one named who did not hit, so never a partner's "he's never hit me" (control can be abuse).
    '(?:nobody|no one|noone) (?:has |is |s |have )?(?:ever )?(?:been )?(?:hit|touched|attacked|assaulted)(?: (?:me|us|anyone|anybody|yet))?(?! (?:because|since|as|if))',
    // Round 57: something going on denied and explained in the same breath ("worried she thinks something bad is going on. Nothing
    // is, he's just confused").
    'nothing (?:is|s|bad is)(?: going on| happening)?(?= (?:he|she|they|it) (?:is|s|are) (?:just|only) )',
    // Round 58: the worry resolved in so many words ("curtains closed for a couple of days. Turns out she's on holiday, her son told
    // me"); not "turns out she was in hospital" nor "turns out he had fallen".
    '(?:turns|turned) out (?:she|he|they|it|my [a-z]+|the [a-z]+) (?:is|was|were|are|s|had been|has been|have been) (?:just |only |actually |simply )?(?:on holiday|away(?: for [a-z ]+?)?|fine|ok|okay|safe|alright|all right|well|staying (?:with|at) [a-z]+|visiting [a-z]+|at (?:her|his|their) (?:daughters|sons|sisters|brothers|mums|dads|sister|brother|daughter|son|friends|family))(?= )',
    // Round 57: a threat told and said never carried out ("once yelled he'd come up and sort us out. he never has"); not a promise to
    // stop that was never kept.
    '(?<!stop[a-z]*(?: [a-z]+){0,12} )(?<=(?:said|says|yelled|shouted|threatened|told (?:me|us|him|her))(?: [a-z]+){1,12} )(?:he|she|they) (?:never has|never have|never did|has never|have never)(?= (?:we|i|it|and|but|so|though|what|is|how)| $)',
  ),
  annoyance: d('driv(?:ing|es|e) (?:me|us|him|her) (?:up the wall|round the bend|mad|crazy|nuts|insane|bonkers)', 'doing my head in', 'does my head in', 'sick to death of', 'bored to death',
    // Round 11: "losing my mind" over noise, "like living under a herd of elephants".
    '(?:losing|lost|lose) my (?:mind|marbles|sanity)', 'going (?:mad|insane|crazy|round the bend)', 'like living (?:under|next to|with) (?:a|an)'),
  // Round 36: "[something] vibes", a likeness ("dead body vibes but its just beer stains").
  comparison: d('sounds? like', 'sounded like', 'sounding like', 'looks? like', 'looked like', 'as if', 'as though', 'vibes',
    // Round 66: an ordeal told as less frightening than a thing of the service ("I've been shot, blown up and shouted at by RSMs but
    // nothing scares me like the council tax bill"): the thing compared is named (THING_CALLED_SUICIDE), never a person.
    `nothing (?:else )?(?:scares|frightens|terrifies|scared|frightened|terrified|worries) (?:me|us) (?:like|as much as|more than) (?:the |a |an |my |our |this |that |your |these )?(?:[a-z]+ ){0,2}${THING_CALLED_SUICIDE}`,
    // An ordeal told beside a thing of the service called the scariest or the worst yet ("I've been shot at in Helmand but this parking
    // fine is the scariest thing yet": engineer's probe after round 66); never a person.
    `(?:but|and) (?:the |a |an |my |our |this |that |your |these )?(?:[a-z]+ ){0,2}${THING_CALLED_SUICIDE}(?: [a-z]+)? (?:is|was|are|were|s) (?:the )?(?:scariest|most frightening|most terrifying|worst|most dangerous)(?: thing| bit| part)?(?: yet| ever| of all| so far| of the lot| i have (?:ever )?(?:seen|faced|known))?`,
    // Round 11: "shouts at his telly like he's being attacked".
    'like (?:he|she|they|someone|somebody|a man|a woman|someone) (?:is|are|was|were) (?:being )?(?:attacked|murdered|killed|stabbed|beaten|strangled|tortured)'),
  comicThreat: d('(?:will|would|is going to|are going to|going to|is gonna) (?:literally |actually |absolutely )?(?:murder|kill|strangle|throttle|slaughter|skin|lynch) (?:me|us|him|her|them)(?: [a-z]+){0,3} if',
    // Round 57: a parent's "I'll kill you if you don't tidy your room", a chore named after the "if" (never "if you tell anyone").
    '(?:will|would|is going to|am going to|going to|gonna) (?:literally |actually )?(?:kill|murder|strangle|throttle) (?:you|him|her|them) if (?:you|he|she|they) (?:do not|does not|dont|did not) (?:tidy|clean|do (?:your|his|her|their) (?:homework|chores|teeth)|get (?:up|dressed|ready|off)|brush|eat|hurry|put|pick up|turn (?:that|it|the)|stop (?:fighting|arguing|shouting|moaning))'),
  thingIsSuicide: d('(?:is|are|was|were|be) (?:(?:absolute|absolutely|pure|literally|basically|just|like|plain|total|sheer) )?(?:suicide|murder|a death trap|deathtrap|lethal)(?= (?:in|on|at|with|for|to|round|around|driving|cycling|walking|these|this|that|at the moment|right now|$))',
    // Round 29: a chore or a thing of the service called suicide, whatever follows ("the queue on the phone line is suicide, I've
    // been waiting an hour", "that junction is absolute suicide"): the thing is named before it, never a way out or a plan.
    `(?<!(?:way|ways|only|answer|option|options|solution|choice|escape|end|plan|thought|thoughts|idea|want|wants)(?: [a-z]+){0,6} )(?:the|this|that|your|their|our|these|those) (?!(?:[a-z]+ ){0,9}(?:way|ways|only|answer|option|options|solution|choice|escape|end|plan|thought|thoughts|idea|want|wants)(?= ))(?:[a-z]+ ){0,4}${THING_CALLED_SUICIDE}(?: [a-z]+){0,6} (?:is|are|was|were|s) (?:(?:absolute|absolutely|pure|literally|basically|just|like|plain|total|sheer|actual) )?(?:suicide|murder)(?! (?:risk|watch|attempt|attempts|note|notes|bomber|pact|thoughts))`),
  // Round 8: harm foretold as the reason for a repair ("someone's going to get hurt", "an accident waiting to happen"), a few languages.
  futureHarm: d(
    '(?:someone|somebody|anyone|anybody|a child|a kid|people|one of the kids) (?:is |are )?(?:going to|will|could|is gonna|might) (?:get |be )?(?:hurt|killed|injured|seriously hurt|badly hurt)(?: one day| soon| eventually)?',
    'accident waiting to happen', 'before (?:someone|somebody|anyone|a child) (?:gets|is) (?:hurt|killed|injured)',
    // Round 14: a near miss told as the reason for a repair ("my dad's walker keeps catching, he nearly went over").
    '(?:catching|catches|tripping|trips|tripped|slipping|slips|slipped)(?: [a-z]+){0,8} (?:nearly|almost) (?:went over|fell|fell over|went flying|came off)',
    '(?:nearly|almost) (?:tripped|went over|fell|went flying)(?: [a-z]+){0,4} (?:on|over) (?:the |a )?(?:path|paving|pavement|slabs?|kerb|steps?|roots|pothole|loose)',
    // Round 79: a structure told as not fallen yet (Portuguese "Ainda não caiu, mas passam muitas crianças", Spanish, Polish, Romanian):
    // a hazard to be seen to, nothing down.
    '(?:ainda nao|ainda nao se|todavia no|aun no|aun no se|jeszcze nie|inca nu|nu a) (?:caiu|desabou|ruiu|ha caido|se ha caido|cayo|derrumbo|se ha derrumbado|spadl[a-z]*|runal[a-z]*|runela|zawalil[a-z]*|przewrocil[a-z]*|a cazut|s a prabusit|cazut inca)',
    'alguem (?:ainda )?(?:se )?vai (?:se )?(?:magoar|machucar)', 'alguien (?:se )?va a (?:hacer dano|lastimar)', 'ktos (?:sie )?(?:zrobi krzywde|zginie)', 'cineva (?:o )?sa (?:se )?(?:raneasca|loveasca)',
  ),
  hypothetical: d(
    '(?:what|which) (?:number|phone number|numbers) (?:do|should|would|can|could|must) (?:i|we|you|people) (?:ring|call|phone|dial|use|contact)',
    '(?:who|what) (?:do|should|would|can|could|must) (?:i|we|you|people) (?:call|ring|phone|contact|tell|do)(?: [a-z]+){0,3} if',
    'what (?:happens|to do|would happen) (?:if|when)',
    // Round 11: a question about the law on a child's age ("what age can a child legally be left home alone").
    '(?:what|which) age (?:can|should|must|do|does|is|are)', '(?:legal|minimum) age', 'how old (?:do|does|should|must|has|have) (?:a |my |the |your )?(?:child|children|kid|kids|they|you|he|she)', 'in case (?:of|i|we|there|it|anything|something)', 'just in case', 'for future reference', 'want to save (?:it|the number)', 'hypothetical[a-z]*',
    // Round 25: a question asked in general or for something being written ("I mean in general, for a leaflet I'm writing for our
    // residents' association"): information, not a report.
    '(?:i mean |just |asking |this is |it is |only )?in general(?! (?:practice|election|hospital|needs|waste|rubbish|anaesthetic))', 'generally speaking',
    '(?:for|it is for|this is for|writing) (?:a|the|our|my) (?:[a-z]+ ){0,2}(?:leaflet|newsletter|poster|flyer|article|blog|booklet|presentation|school project|assignment|noticeboard|notice board|guide|handbook|information pack|welcome pack|training session|talk)',
  ),
};
/** Laughing and winking emoji, in the raw text (the normaliser drops them). */
const LAUGH_EMOJI = /[\u{1F602}\u{1F923}\u{1F606}\u{1F605}\u{1F61C}\u{1F61D}\u{1F609}\u{1F643}\u{1F644}]/u;
/** The same denials in scripts the normaliser cannot keep: Arabic "there is no smoke / fire / gas", "nobody is hurt". */
// Round 19: "a party, not violence" (حفلة وليس عنفا).
// Round 48: harm denied in Arabic in so many words ("لا أحد يتأذى": nobody is hurt) beside shouting and doors banged at night.
const DENIED_SCRIPT = /لا (?:يوجد|توجد) (?:أي )?(?:دخان|حريق|نار|غاز|رائحة)|لا أحد (?:مصاب|مريض|يتأذى|يتاذى|تأذى|يتعرض للأذى)|لم يتأذ(?:ى)? أحد|ما حدا (?:انضر|تأذى|مصاب)|(?:ليس|وليس|ليست|ولا|لا) (?:هذا |هذه )?(?:عنف|شجار|قتال)/u;

/**
 * Round 29: "going mad" (over a noise, a leak, a wait) in Arabic, Spanish, Portuguese, Polish and Romanian, the English annoyance
 * defeater's "going mad", "driving me mad" abroad; never with a word of harm to oneself or anyone (kindCues, EXPLICIT_PRESENT).
 */
const ANNOYED_SCRIPT = /(?:^|[\s،.!؟])(?:أكاد |اكاد |سوف |راح |رح |حـ?)?(?:أجن|اجن|أتجنن|اتجنن|سأجن|ساجن|بجن|بتجنن)(?=$|[\s،.!؟])|جننتني|يجننني|تجنني|بتجنني|يجنني/u;
const ANNOYED_LATIN = /(?<= )(?:me (?:estoy volviendo|estoy poniendo|vuelvo|voy a volver|va a volver|vuelve|pone) loc[oa]|me saca de quicio|(?:estou a ficar|estou ficando|vou ficar|fico) (?:louc[oa]|doid[oa]|maluc[oa])|vou enlouquecer|(?:me )?deixa (?:louc[oa]|doid[oa])|(?:zaraz |chyba )?(?:zwariuje|oszaleje|zwariowac|oszalec)|doprowadza mnie do (?:szalu|szalenstwa)|(?:ma|o sa (?:ma )?) ?(?:innebunesc|innebuneste|scoate din minti))(?= )/;
export function annoyedAbroad(text: string): boolean {
  const n = normaliseForSafety(text);
  if (!ANNOYED_SCRIPT.test(text) && !ANNOYED_LATIN.test(n)) return false;
  return !EXPLICIT_PRESENT.test(n) && kindCues(n).size === 0 && riskCues(n).size === 0;
}

/** Round 36: laughter taken back ("haha ... not joking this time fr", "no joke", "deadass"). */
const NOT_JOKING = /(?<= )(?:not (?:even )?(?:joking|kidding|messing|lying)|not (?:a|even a) joke|no (?:joke|joking|kidding|lie)|i am (?:being )?(?:serious|deadly serious)|deadass|for real)(?= )/;
const TAKEN_BACK_AS_FEELING = /(?<= )(?:i am not|i will not|i would not|not really|i am not really|i am not going to)(?: i am| i)? (?:just|only) (?:annoyed|fed up|frustrated|angry|cross|venting|being dramatic|exaggerating|moaning|ranting|fuming|raging|joking|kidding)(?= )/;
const BURNT_THING_REPLACED = /(?<= )(?:set on fire|set fire to|set alight|burnt|burned|torched|caught fire|on fire|melted)(?: [a-z]+){0,14} (?:need|needs|want|wants|get|order|request|have|send)(?: [a-z]+){0,3} (?:replacement|new (?:one|bin|bins|wheelie bin|box|container|caddy))(?= )/;
const PAST_AT_ALL = /(?<= )(?:last (?:night|week|month|year|weekend|time|winter|summer|spring|autumn|christmas)|yesterday|ago|the other (?:day|night)|earlier (?:this|today)|this morning|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))(?= )/;
/** The defeater categories present in a message (empty when none). */
const THREAT_MEANT = /(?<= )(?:(?:i think |i know |i believe |i am sure )?(?:he|she|they) (?:means|meant|mean) it|(?:he|she|they) (?:is|was|are|were) (?:deadly )?serious|(?:he|she|they) (?:has|have|had) done it before|not (?:a joke|joking)|i am (?:scared|frightened|terrified|afraid)(?: of (?:him|her|them))?)(?= )/;
export function defeaters(text: string): string[] {
  const n = normaliseForSafety(text);
  // Round 52: a denial relayed beside harm seen now is no denial ("bleeding from her wrists, says she's fine now").
  const found = Object.entries(DEFEATERS).filter(([k, re]) => re.test(k === 'denied' ? withoutRelayedDenials(n) : n)).map(([k]) => k);
  if (LAUGH_EMOJI.test(text) && !found.includes('laughter')) found.push('laughter');
  // Round 78: a threat the writer believes ("said hed kill me if i claim anything ... i think he means it") is no comic threat.
  if (THREAT_MEANT.test(n)) found.splice(0, found.length, ...found.filter((x) => x !== 'comicThreat'));
  // Round 36: "not joking this time", "no joke", "for real": the laughter around it is not a defeater.
  if (NOT_JOKING.test(n)) found.splice(0, found.length, ...found.filter((x) => x !== 'laughter'));
  // Round 36: a threat taken back as a feeling in so many words ("(i'm not, i'm just annoyed)").
  if (TAKEN_BACK_AS_FEELING.test(n) && !found.includes('laughter')) found.push('taken back');
  // Round 36: a thing burnt in the past and a replacement asked for ("bin got set on fire by some kids last month ... need a replacement").
  if (BURNT_THING_REPLACED.test(n) && PAST_AT_ALL.test(n) && !PRESENT_FIRE.test(n)) found.push('a burnt thing to replace');
  if (DENIED_SCRIPT.test(text) && !found.includes('denied')) found.push('denied');
  // Round 71: urgency denied before a child told as left alone or neglected ("not an emergency but the kids next door are left home
  // alone every night"): the denial is of urgency, the neglect is the disclosure (CHILD_LEFT); any other denial still counts.
  if (found.includes('denied') && (CHILD_LEFT.test(n) || ADULT_LEFT.test(n)) && !DEFEATERS.denied.test(withoutRelayedDenials(n).replace(EVERY_URGENCY_DENIAL, ' '))) found.splice(found.indexOf('denied'), 1);
  if (HANDLING.test(n) && GENERIC_HAZARD.test(n) && !PRESENT_FIRE.test(n)) found.push('a hazard in general');
  if (disposalQuestion(n)) found.push('a thing to dispose of');
  return found;
}

/** Round 36: a plan to end one's life with a time, and a gas smell told as present now (both in EXPLICIT_PRESENT). */
const PLAN_WITH_TIME = String.raw`(?:planning|planned|plan|plans|worked out|working out|decided|deciding|sorted|sorting out) (?:how|when|where|on how|out how)? ?(?:i am going |i will |i am gonna )?(?:to )?(?:end it(?: all)?|end my life|kill myself|take my (?:own )?life|end things) (?:for (?:weeks|months|days|a while|ages|some time|a long time|a few (?:weeks|months|days)|the (?:last|past) (?:few )?(?:weeks|months|days))|this weekend|at the weekend|tonight|tomorrow|this week|next week|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:this |next )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?: night)?)`;
const GAS_SMELL_NOW = String.raw`(?:gas (?:smell|smells|stink|stinks|leak)|(?:smell|smells|smelling|stinks|stinking|reeks) (?:of|like) gas)(?: [a-z]+){0,6} (?:rn|right now|(?:like|of) rotten eggs?)`;
const PLAN_WITH_TIME_RE = new RegExp(`(?<= )${PLAN_WITH_TIME}(?= )`);
/**
 * Round 43: a partner hurting the writer told plainly ("my husband's hurting me", "my wife keeps hurting me", "he is hurting me"): never
 * asked instead of escalated because the model disagrees. Not a hand or a leg hurt on a thing (the screen's NOT_HURT_ON_A_THING).
 * Round 53: also a partner throwing hot water, tea or oil at the writer ("my wife she threw hot water to me").
 */
const PARTNER_HURTING_ME = /(?<= )(?:my (?:partner|husband|wife|boyfriend|girlfriend|ex|ex partner|ex husband|ex wife|ex boyfriend|ex girlfriend|fiance|fiancee|other half)s?|he|she) (?:is |s |keeps |keep |has been |have been |always |still |really |just )*(?:hurting|hitting|beating|punching|kicking|slapping|strangling|choking|attacking) (?:me|us)(?= )(?! (?:hands?|fingers?|arms?|legs?|knees?|feet|foot|back|head)(?: [a-z]+){0,2} (?:on|against|with) )|(?<= )(?:my (?:partner|husband|wife|boyfriend|girlfriend|ex|ex partner|ex husband|ex wife|ex boyfriend|ex girlfriend|fiance|fiancee|other half)s?)(?: [a-z]+){0,2} (?:threw|throws|throw|throwing|poured|pours|pouring|chucked|splashed|tipped) (?:a |the )?(?:(?:hot|boiling|scalding|boiled) (?:water|tea|coffee|oil|fat)|(?:kettle|pan|cup|mug) of (?:hot |boiling )?(?:water|tea|coffee|oil))(?: [a-z]+){0,1} (?:at|to|on|over|onto|in) (?:me|my (?:face|arm|arms|leg|legs|chest|back|head|hand|hands))(?= )/;
/**
 * Round 43: an intent to end one's own life with a time ("I finish my life tonight", "I will kill me tomorrow"), or being dead by a
 * time told as decided ("why to pay rent when I will be dead tomorrow. I decide already").
 */
// Round 63: also the time first, "it" left unnamed ("tonight I'm ending it"); ending it with him, there or early is not.
const OWN_END_WITH_TIME = /(?<= )(?:(?:tonight|today|this weekend|this evening) (?:i am|i will|i am going to|i am gonna|i shall) (?:ending it|end it)(?: all)?(?! (?:with|for|on|early|earlier|off|there|here|short) )|i (?:will |am going to |go to |want to |gonna |must |decide to |decided to )?(?:finish|end|take|kill) (?:my(?: own)? life|me|myself)(?: [a-z]+){0,3} (?:tonight|today|tomorrow|now|this (?:night|evening|weekend))|i (?:will|shall|am going to|am gonna|gonna) be dead (?:by )?(?:tomorrow|tonight|the morning|this weekend|soon|next week)(?: [a-z]+){0,8} (?:i )?(?:decide|decided|have decided|already decide|already decided|made (?:my|the) decision|my decision is made))(?= )/;
/**
 * Round 52: a means at a place, now: standing on a bridge, a ledge or a roof working up to it (or for an hour); a rope carried to find
 * the right tree or beam. Not a tree for Christmas, nor a rope for a swing or a tow (no rope, no "right tree"). Round 55: a ligature
 * tied up where one hangs and kept watched ("tied something up in my wardrobe and i keep looking at it"), however lightly told.
 */
const METHOD_AT_PLACE = String.raw`(?:(?:standing|stood|sitting|sat|been|waiting|pacing) (?:on|at|by|near|up on) (?:the |a |this )?(?:edge of (?:the |a )?)?(?:railway |rail |motorway |road |river |foot |high |multi storey )?(?:bridge|ledge|cliff edge|cliff top|clifftop|cliff|roof|rooftop|platform edge|tracks|railway line|car park roof|top floor of the car park)(?: [a-z]+){0,8} (?:working (?:myself )?up to it|building (?:myself )?up to it|plucking up (?:the )?courage|getting up the (?:courage|nerve)|to jump|trying to jump|ready to jump)|(?:rope|noose)(?: [a-z]+){0,14} (?:find|finding|look for|looking for|pick|picking|choose|choosing|found|checking|check) (?:the right|a good|a strong|a sturdy|a suitable|the best|a high|the strongest) (?:tree|branch|beam|spot|place|hook|bannister|banister)|${LIGATURE_WATCHED})`;
const METHOD_AT_PLACE_RE = new RegExp(`(?<= )${METHOD_AT_PLACE}(?= )`);
/** Round 72: the writer at a height now, not knowing what they are doing (told too plainly to doubt, whatever the model). */
const AT_HEIGHT_LOST_RE = new RegExp(`(?<= )${AT_HEIGHT_LOST}`);
/** Round 52: being found hanging, told as what will happen ("they'll find me hanging in the hall"): never asked for the model's doubt. */
const FOUND_HANGING = /(?<= )(?:they|you|someone|somebody|he|she|the [a-z]+|my [a-z]+|people|everyone) (?:will|would|are going to|is going to|are gonna|is gonna|will just) find (?:me|my body)(?: [a-z]+){0,2}? (?:hanging(?! (?:around|round|about|out|on|up))|hung|swinging)(?= )/;
/**
 * Round 52: a goodbye sent, then silence ("texted me 'thanks for trying, this is goodbye'. Phone now off"): never asked for the model's doubt.
 * Round 53: also a farewell ("forgive me", "take care of mum", "tell them I love them") then the phone switched off ("he send me message
 * 'forgive me, take care of mum' and switched off phone").
 */
const GOODBYE_THEN_SILENT = /(?<= )(?:(?:this is|it is|saying|said|say) goodbye(?: [a-z]+){0,10} (?:phone|mobile)(?: is| has been| now| s| went)* (?:off|switched off|turned off|dead|going (?:straight )?to voicemail)|(?:forgive me|sorry for everything|(?:take|taking) care of (?:my |the |your |our )?(?:mum|mam|mom|mother|dad|father|kids|children|baby|family|wife|husband)|look after (?:my |the |your |our )?(?:mum|mam|mom|mother|kids|children|baby|family)|tell (?:them|everyone|the kids|mum) (?:that )?i love (?:them|her|him|you))(?: (?!i |we |my |our )[a-z]+){0,10} (?:(?:switched|turned) (?:off )?(?:his |her |their |the )?(?:phone|mobile)|(?:phone|mobile)(?: is| has been| now| s| went)* (?:off|switched off|turned off|dead|going (?:straight )?to voicemail)))(?= )/;
/** Screen families that are explicit and present by construction: no defeater touches them. */
// Round 42: an animal attacking someone now too.
const PRESENT_FAMILIES: ReadonlySet<string> = new Set(['overdose', 'self_harm', 'attack_now', 'animal_attack', 'break_in_now', 'co_symptoms', 'attack_on_occupied', 'water_or_cliff', 'child_in_danger_now', 'assault_person']);
/** Explicit and present danger, whatever else the message says: someone not breathing, a weapon in use, a method with a time. */
const EXPLICIT_PRESENT = anchoredPhrases([
    'not breathing', 'stopped breathing', 'cannot breathe', 'unconscious', 'unresponsive', 'will not wake', 'not moving', '(?:is|are|am|keeps) bleeding',
    '(?:stabbing|stabbed|shooting|shot|strangling|choking|hitting|beating|punching|kicking|attacking) (?:him|her|me|them|someone|somebody|my|a|the)',
    '(?:has|have|got|is holding|holding|waving) (?:a |the )?(?:knife|gun|machete|blade|axe|weapon)',
    // Round 9: a weapon used to threaten now, however it is described ("threatening his flatmate with what sounds like a machete").
    '(?:threatening|threatens|chasing|going for|attacking)(?: [a-z]+){0,6} (?:knife|gun|machete|blade|axe|weapon|crowbar|hammer)',
    '(?:tonight|right now|today|this evening|in an hour)(?: [a-z]+){0,8} (?:pills|tablets|rope|noose|overdose|jump|hang)',
    '(?:pills|tablets|rope|noose|overdose)(?: [a-z]+){0,8} (?:tonight|right now|today|this evening)',
    // Round 12: not "what happens when you call 999" (a school project): a call described, not asked for.
    // Round 27: a railway, a bridge or a cliff as the easiest way out, however casually told.
    EASIEST_WAY_OUT,
    // Round 70: a place that "looks like a way out" with planning how, and charcoal to burn in a room or a car with doing it told: the
    // likeness is the plan's, not a comparison ("the canal towpath I run every day looks like a way out now. I've been planning how").
    WAY_OUT_PLANNED, CHARCOAL_PLAN,
    // Round 28: walking into the water with a time ("thinking the easiest thing is if I just walk into the estuary tonight").
    '(?:walk|walking|wade|wading|swim|swimming) (?:out )?into the (?:sea|river|water|estuary|harbour|canal|lake|reservoir|waves)(?: [a-z]+){0,3} (?:tonight|today|right now|now|this evening|in the morning)',
    // Round 42: or planned for weeks ("lol ... I've been planning how to end it for weeks"): a plan held that long is no joke.
    // Round 36: planning how or when to end it, with a time ("genuinely been planning how to end it this weekend"), however jokey the
    // frame; and a gas smell told as there now or "like rotten eggs" ("gas smell in the kitchen is insane rn, like rotten eggs").
    PLAN_WITH_TIME, GAS_SMELL_NOW,
    // Round 52: a means at a place, told as going on now, however it is hedged or laughed off ("lol ... been standing on the railway
    // bridge for an hour working up to it", "haha ... got a rope in the car boot and keep driving out to the woods to find the right tree").
    METHOD_AT_PLACE,
    // Round 52: someone clutching their chest, a fire heading for a home, someone held against a wall: present, whatever the laugh.
    'clutching (?:her|his|my|their) chest', '(?:is|are|s|now) on fire(?: [a-z]+){0,10} (?:heading for|spreading to|heading towards|going towards|getting closer to|nearly at|reaching) (?:the |our |my |their |next doors )?(?:house|flat|home|building|houses|flats)',
    'holding (?:him|her|me|them|my [a-z]+) (?:up )?against the wall',
    'on fire now', 'trapped', 'help me now', '(?<!(?:when|if|whenever|before|after) (?:you|people|someone|somebody|we|they|i|residents|children|kids) )call (?:an ambulance|999)',
]);

/**
 * Round 30: a threat to someone else, or a likeness of violence, taken back at once: "he'll kill the bin men, but he won't, he's 87",
 * "I'll wring his neck, not really", "like he's being murdered, he's not, he's just losing at fifa". Never a threat to the writer, a
 * partner, a child or oneself (those are abuse or risk whatever follows), nor with abuse, suicide or explicit present danger named;
 * asked, never dropped.
 */
const TAKEN_BACK = anchoredPhrases([
    String.raw`(?:kill|murder|strangle|throttle|wring|batter|thump|deck|lamp|brain|swing for)(?! (?:me|us|her|you|my|our|the kids|the children|the baby|myself|himself|herself))(?: [a-z0-9]+){1,6} (?:not really|(?:but )?(?:he|she|i|they) (?:will not|would not|never would|never will|is not|are not|am not)(?: really)?(?= (?:he|she|i|they|just|only|it|really|honestly|$))|(?:only|just) joking|(?:only|just) kidding)`,
    String.raw`like (?:he|she|they|someone|somebody) (?:is|are|was|were) (?:being )?(?:murdered|killed|attacked|stabbed|strangled|tortured|slaughtered)(?: [a-z]+){0,3} (?:he|she|they) (?:is|are|was|were) not(?= (?:he|she|they|just|only|it|really|$))`,
], undefined, true);
export function threatTakenBack(text: string, partnerNamed = false): boolean {
  const n = normaliseForSafety(text);
  if (!TAKEN_BACK.test(n) || EXPLICIT_PRESENT.test(n)) return false;
  const cues = kindCues(n);
  // The model alone (partnerNamed): a partner may be the one who threatens a stranger ("my husband says he'll kill the bin men, but he
  // won't, he's 87"); a screen hit with a partner named is left to escalate.
  return (partnerNamed || !cues.has('domestic_abuse')) && !cues.has('suicide_self_harm');
}

/** True when a defeater outweighs the alarm: one is present and nothing explicit and present is. */
export function defeated(text: string, hit: SafetyHit | null): boolean {
  if (hit) {
    const family = familyOf(hit);
    if (family && PRESENT_FAMILIES.has(family)) return false;
  }
  const n = normaliseForSafety(text);
  if (EXPLICIT_PRESENT.test(n)) return false;
  const found = defeaters(text);
  // Gunshots heard are told as a likeness ("sounds like gunshots from upstairs, I'm terrified"): the comparison is the report.
  // Round 34: a likeness naming what was thrown or used ("thrown what looks like acid at a woman"): the act is told, not likened.
  // Round 39: a witness's judgement of what they see ("picked up by different cars ... handed packages. Looks like county lines to us"):
  // the likeness names the harm, it does not liken it to something else.
  const likenessOfAThing = ACT_WITH_LIKENESS.test(n) || LIKENESS_OF_HARM.test(n);
  return ((hit && SHOT_HEARD.test(hit.matched)) || likenessOfAThing ? found.filter((d) => d !== 'comparison') : found).length > 0;
}
// Round 47: or fired or brandished ("someone's firing what looks like a gun in the car park, people are diving on the ground").
// Round 39: also a weapon held or waved that looks like one ("a man with what looks like a handgun is shouting and waving it at people").
const ACT_WITH_LIKENESS = /(?<= )(?:(?:thrown|threw|throwing|chucked|sprayed|squirted|poured|hit (?:him|her|them) with|attacked (?:him|her|them) with|stabbed (?:him|her|them) with) what (?:looks|looked|seemed|smelt|smelled) like|(?:with|holding|waving|carrying|pointing|got|has|had|firing|fired|shooting|brandishing|wielding) what (?:looks|looked|seems|seemed|appears|appeared) (?:to be |like )(?:a |an )?(?:real )?(?:gun|handgun|pistol|revolver|shotgun|rifle|firearm|knife|machete|blade|axe|sword|weapon|crossbow))(?= )/;
const LIKENESS_OF_HARM = /(?<= )(?:looks?|looked|looking|seems?|seemed|sounds?|sounded) (?:to me |to us )?like (?:a |an |it is |its |some |some sort of |some kind of )?(?:county lines|cuckooing|grooming|child exploitation|criminal exploitation|sexual exploitation|exploitation|drug running|drug dealing|trafficking|modern slavery|(?:he|she|they) (?:is|are) being (?:groomed|exploited|used|trafficked))(?= )/;
const SHOT_HEARD = /\b(?:gun ?shots?|gunfire|guns? going off|shotguns?)\b/;

/**
 * Below this safety-model score a defeated screen hit is dropped (the model sees nothing); from it to the escalate threshold,
 * asked. Chosen by cross-validation over the six development sets (`npm run eval:safety -- --cv` prints the sweep).
 */
export const SAFETY_DEFEAT_NEAR_ZERO = 0.1;
/**
 * A defeater demotes the model alone (escalate becomes ask) only while the model agrees weakly, below this score: a model sure
 * of a disclosure ("burns that look like cigarette marks", 1.00) is not argued with. Chosen by cross-validation.
 */
export const SAFETY_DEFEAT_SURE = 0.9;
/**
 * Below this share of words the safety model has seen, its score alone only asks (short text in a language it barely knows
 * scores high on character n-grams alone). The multilingual screen families still escalate. Chosen by cross-validation.
 */
export const SAFETY_KNOWN_MIN = 0.5;
/**
 * Below this many words (numbers and case references not counted) the safety model's score alone only asks: on a few
 * words it scores style, not risk ("I'm not sure" 0.96, "and the other one?" 0.73, "and MBC-400004?" 0.93). A short disclosure in alarm words is
 * the screen's, and still escalates; asking loses no recall (a yes escalates).
 */
export const SAFETY_MODEL_MIN_WORDS = 5;

/**
 * Round 6 (dev-6 added), general categories judged by cross-validation over the seven development sets:
 * - a farewell that closes a service conversation ("thanks, I won't be needing anything more, goodbye", "that's all, bye"):
 *   thanks or a goodbye beside "nothing more/else" or "that's all"; nothing saying who is at risk or how. "Any more" / "anymore"
 *   (I will not need anything any more) is not a farewell of service;
 * - an annoyance idiom ("driving me up the wall", "doing my head in"): a defeater, so the model alone asks instead of escalating;
 * - a request for information or records about a safety topic (FOI, statistics, figures, research, a journalist, a dissertation);
 * - thanks for help in the past ("the team who helped me two years ago ... I'm settled and safe now");
 * - a past incident given as the reason for a service request ("there was a stabbing back in January ... could the council put
 *   CCTV up?"): a past time, a request for council action, and nothing happening now.
 */
const FAREWELL_SERVICE = /(?<= )(?:(?:will not|wont|do not|dont|shall not) (?:be )?need(?:ing)? (?:anything|any(?:thing)? (?:more|else)|any further|further)(?! any ?more)(?: (?:else|more|today|thanks|thank you))*|nothing (?:more|else)(?: (?:today|thanks|for now))*|that is (?:all|everything|it)(?: (?:for now|for today|thanks|thank you|i needed))*|all (?:sorted|done|good)(?: (?:now|thanks|thank you))*|no (?:more|further) (?:questions|help needed)|that is everything i (?:wanted|needed))(?= )/;
/** Round 9: leaving the chat for another channel ("I'll phone instead", "I'll ring you tomorrow"): the "any more" before it is the chat's. */
const CHANNEL_SWITCH = /(?<= )(?:i will|i am going to|i will just|i will try to) (?:phone|ring|call|email|pop in|come in|call in|visit)(?: you| the office| the council| them)? (?:instead|tomorrow|later|in the morning|on monday)(?= )/;
/**
 * Round 19: giving up on the service to do the thing oneself ("I give up, I'll just go and sort it myself. Goodbye."): "give up" and
 * the goodbye are its only risk words; asked at most, never escalated by the model alone.
 */
const DO_IT_MYSELF = /(?<= )(?:i will|i am going to|i am gonna|i will just|i am just going to|i shall) (?:just )?(?:go and |have to |try and |try to )?(?:sort|do|fix|deal with|figure|work|find|handle|sort out|find out|look) (?:it|this|that|everything|things|them)?(?: out| up)? ?(?:myself|on my own|out myself)(?= )/;
const GIVING_UP_OR_CLOSE = /(?<= )(?:i (?:give|gave) up|i am giving up|giving up|thanks|thank you|cheers|ta|bye|goodbye|good bye|take care)(?= )/g;
/**
 * Round 59: a doorstep caller turned away ("a young man came to the door saying he was from the water board ... i didnt let him in ... he
 * went away", "a man knocked ... I said no and shut the door"), nothing of force, harm, money handed over, fear or him still there or
 * back: a question about a caller; the model alone asks at most.
 */
const DOORSTEP_CALLER = /(?<= )(?:came to (?:the|my|her|his|our) (?:door|house|flat|bungalow)|knocked|knocking|at (?:the|my|her|his|our) (?:front )?door|on (?:the|my|her|his|our) doorstep|doorstep|cold call(?:er|ers|ed|ing)?|rang the (?:bell|doorbell))(?= )/;
const TURNED_AWAY = /(?<= )(?:(?:did not|would not|will not|never) let (?:him|her|them) in|said no|shut the door|closed the door|sent (?:him|her|them) (?:away|packing)|told (?:him|her|them) to (?:go away|leave|clear off)|(?:he|she|they) (?:went away|left|has gone|have gone|walked off|drove off))(?= )/;
const CALLER_HARM = /(?<= )(?:push[a-z]*|forc[a-z]*|barged|got in|came in|inside|in the (?:house|kitchen|hall|lounge)|(?:will|would) not (?:go|leave)|refus(?:ed|es|ing) to (?:go|leave)|still (?:there|here|outside)|(?:came|come|coming|comes) back|again|every day|hit|hurt|grabbed|threat[a-z]*|scared|frightened|terrified|took|taken|stole|stolen|paid|handed|gave (?:him|her|them))(?= )/;
export function doorstepTurnedAway(text: string): boolean {
  const n = normaliseForSafety(text);
  return DOORSTEP_CALLER.test(n) && TURNED_AWAY.test(n) && !CALLER_HARM.test(n) && !EXPLICIT_PRESENT.test(n);
}
/**
 * Round 59: the page or the chat too small, faint or grey to read ("The writing is too small and grey, I can't see it."): a complaint
 * about readability, nothing of harm or any kind of risk told; the model alone asks at most.
 */
const TOO_HARD_TO_READ = /(?<= )(?:writing|text|font|print|letters|words|screen|page|buttons?|website|chat|messages?|type|colours?)(?: [a-z]+){0,3} (?:is|are|too|so|very) (?:too |so |very |really )?(?:small|tiny|faint|grey|gray|pale|light|blurry|hard to (?:read|see)|low contrast)(?:(?: and| or|) (?:too |so |very )?(?:small|tiny|faint|grey|gray|pale|light|blurry|low contrast))*(?= )/;
const EVERY_TOO_HARD_TO_READ = new RegExp(TOO_HARD_TO_READ.source, 'g');
const EVERY_CANNOT_READ = /(?<= )(?:i |we |she |he )?(?:cannot|can not|could not|struggle to|struggling to) (?:see|read) (?:it|them|this|the (?:writing|text|screen|words|letters|print|page|buttons?|messages?))(?= )/g;
export function readabilityComplaint(text: string): boolean {
  const n = normaliseForSafety(text);
  if (!TOO_HARD_TO_READ.test(n) || EXPLICIT_PRESENT.test(n)) return false;
  const rest = n.replace(EVERY_TOO_HARD_TO_READ, ' ').replace(EVERY_CANNOT_READ, ' ');
  return kindCues(rest).size === 0 && riskCues(rest).size === 0;
}
/**
 * Round 59: a warning sign or a lifebuoy knocked over, blown down, missing or damaged ("The 'Danger: deep water' sign at the boating lake
 * has been knocked over and is lying in the reeds"), nobody in the water, hurt or in trouble: a thing to put right; the model alone asks.
 */
const SIGN_DAMAGED = /(?<= )(?:signs?|notices?|signposts?|lifebuoys?|life rings?|life belts?)(?: [a-z]+){0,8} (?:knocked (?:over|down)|fallen (?:over|down)|blown (?:over|down)|been (?:knocked|blown|pulled|snapped|ripped|taken)|is missing|are missing|gone missing|damaged|vandalised|snapped)(?= )/;
const SOMEONE_IN_TROUBLE = /(?<= )(?:in the (?:water|sea|lake|river|harbour|canal|reeds)(?! (?:and|is|has))|fell in|fallen in|drown[a-z]*|struggling|went in|gone in|hurt|injured|bleeding|nearly|almost)(?= )/;
export function signDamaged(text: string): boolean {
  const n = normaliseForSafety(text);
  return SIGN_DAMAGED.test(n) && !SOMEONE_IN_TROUBLE.test(n.replace(/(?<= )lying in the reeds(?= )/g, ' ')) && !EXPLICIT_PRESENT.test(n);
}
/**
 * Round 59: a plain question first (one clause, no comma), in a language or a script the assistant does not read, short, naming no kind of risk the cues know
 * ("Wo sind hier öffentliche Toiletten am Strand? Und sind sie nachts geöffnet?", a blue badge asked about in Gujarati): the model alone,
 * reading words it does not know, asks; a screen family still escalates.
 */
export const SAFETY_UNREAD_QUESTION_WORDS = 16;
export function unreadQuestion(text: string, scored: SafetyScore, readableMin = SAFETY_READABLE_MIN): boolean {
  if (!unreadable(text, scored, readableMin)) return false;
  const first = text.trim().split(/(?<=[.!?？؟।])\s+/u)[0] ?? '';
  // One plain clause: "Laiptinėje labai stipriai kvepia dujomis, kaimynai miega, ką daryti?" (a gas smell, then the question) is not.
  if (!/[?？؟]$/u.test(first.trim()) || /[,;:،؛]/u.test(first)) return false;
  const n = normaliseForSafety(text);
  return languageWords(text).length <= SAFETY_UNREAD_QUESTION_WORDS && kindCues(n).size === 0 && riskCues(n).size === 0 && !EXPLICIT_PRESENT.test(n);
}
/** True when the message gives up on the service to do the thing oneself, naming no other risk. */
export function doingItMyself(text: string): boolean {
  const n = normaliseForSafety(text);
  return DO_IT_MYSELF.test(n) && nothingBesides(n, GIVING_UP_OR_CLOSE);
}
/**
 * Round 58: shouting or noise told and said not to be aimed at the writer or anyone ("he shouts all night it is not aimed at me but i
 * cannot get any sleep"), nothing of a hit, a threat, a weapon, fear or a child at risk: a noise matter; the model alone asks at most.
 */
const NOT_AIMED = /(?<= )(?:it is |its |it s |he is |she is |they are |that is |it was |he was |she was )?(?:not|never) (?:aimed|directed|shouted|targeted|meant) at (?:me|us|anyone|anybody|any of us|my family)(?= )/;
const SHOUTING = /(?<= )(?:shout[a-z]*|yell[a-z]*|scream[a-z]*|swear[a-z]*|noise|noisy|racket|rant[a-z]*|bang[a-z]*|music)(?= )/;
const NOT_AIMED_HARM = /(?<= )(?:hit[a-z]*|hurt[a-z]*|punch[a-z]*|kick[a-z]*|threat[a-z]*|kill[a-z]*|knife|knives|weapon|gun|scared|afraid|frightened|terrified|fear[a-z]*|bruis[a-z]*|kids?|child(?:ren)?|baby|babies|toddler|wife|girlfriend|partner|her|himself|herself|myself|suicid[a-z]*|overdos[a-z]*|police)(?= )/;
export function shoutingNotAimed(text: string): boolean {
  const n = normaliseForSafety(text);
  return NOT_AIMED.test(n) && SHOUTING.test(n) && !NOT_AIMED_HARM.test(n);
}
/**
 * Round 25: a heater or the heating stuck on, or a home too hot ("the storage heater's stuck on full and the flat's like an oven", "won't
 * turn off, boiling hot, giving me headaches"), with nothing of carbon monoxide (gas, a boiler, fumes, an alarm, a pet, sickness,
 * dizziness, drowsiness) nor fire named: the heat, not fumes.
 */
const OVERHEATING = /(?<= )(?:(?:heaters?|heating|radiators?|thermostat)(?: [a-z]+){0,4} (?:stuck on|stuck at|on full|on max|full blast|(?:will not|would not|does not|cannot|can not|do not) (?:turn|switch|go) (?:it |them )?off)|like (?:an oven|a sauna|a furnace|a greenhouse)|boiling hot|roasting hot|far too hot|unbearably hot)(?= )/;
const CO_OR_FIRE_CUE = /(?<= )(?:gas|boiler|fumes?|carbon monoxide|co|alarms?|detectors?|flue|chimney|soot|dizzy|dizziness|sick|vomit[a-z]*|throwing up|nause[a-z]*|drowsy|sleepy|confused|faint[a-z]*|passed out|collapsed|unconscious|(?:cannot|can not) wake|breath[a-z]*|dogs?|cats?|pets?|budgie|birds?|outside|outdoors|fire|smoke|smoking|burning|sparks?|sparking|melting|scorch[a-z]*|smell[a-z]*|baby|babies|newborn|elderly|old|frail)(?= )/;
export function overheatingOnly(text: string): boolean {
  const n = normaliseForSafety(text);
  return OVERHEATING.test(n) && !CO_OR_FIRE_CUE.test(n) && !EXPLICIT_PRESENT.test(n);
}
/**
 * Round 25: a smell, fumes or the extraction of a business (a chip shop, a takeaway, a restaurant, a factory) reported or asked about
 * ("a very strong burning oil smell that fills the street. Is their extraction up to standard?"), nothing burning, no one ill: a
 * nuisance or a food-hygiene question, asked at most.
 */
const BUSINESS = String.raw`(?:chip shop|chippy|chippie|takeaway|take away|restaurant|kebab (?:shop|house)|cafe|bakery|pub|curry house|pizza (?:place|shop)|burger (?:place|van)|food (?:van|truck)|factory|works|business|premises|launderette|dry cleaners?|car wash|body shop|workshop)`;
const ODOUR = String.raw`(?:smells?|smelling|odours?|stinks?|stench|pong|fumes|extraction|extractor(?: fan)?|ventilation|vents?|flue)`;
const BUSINESS_ODOUR = new RegExp(String.raw`(?<= )(?:${BUSINESS}(?: [a-z]+){0,12} ${ODOUR}|${ODOUR}(?: [a-z]+){0,8} (?:from|of|at|by) (?:the |a |that |their |our |next doors )?(?:[a-z]+ )?${BUSINESS})(?= )`);
const ILL_OR_ALIGHT = /(?<= )(?:dizzy|sick|vomit[a-z]*|headaches?|faint[a-z]*|collapsed|unconscious|passed out|breath[a-z]*|on fire|flames?|alight|smoke (?:is |are )?(?:coming|pouring|billowing)|gas|carbon monoxide|explo[a-z]*|trapped|inside|help)(?= )/;
export function businessOdour(text: string): boolean {
  const n = normaliseForSafety(text);
  return BUSINESS_ODOUR.test(n) && !ILL_OR_ALIGHT.test(n) && !PRESENT_FIRE.test(n) && !EXPLICIT_PRESENT.test(n);
}
/** Round 19: a greeting with an apology for the hour or the bother, and nothing else ("Hi there, sorry to bother you so late"). */
const OPENER = /^ (?:(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening)|there|um|erm|so|yes|yeah|ok|okay|and|just) )*(?:(?:so |really |very )?sorry|apologies|i am sorry)(?: (?:for|to|about))? (?:bother(?:ing)?|trouble|troubling|disturb(?:ing)?|messag(?:e|ing)|texting|writing|contacting|the (?:late|early) (?:message|hour|text))(?: (?:you|u|again|so|this|at this|late|early|time|hour|on a (?:sunday|saturday|weekend)|at night|tonight|in the night|on a bank holiday))* $/;
export const isOpenerOnly = (text: string) => OPENER.test(normaliseForSafety(text));
/**
 * Round 19: a place alone, as a flow's answer to "where is it?" ("opposite the petrol station on the Eastcliff road"): a preposition of
 * place, a few words, nobody and nothing happening named. The retrained model read "petrol" beside a road as danger (0.62).
 */
const PLACE_ONLY = /^ (?:(?:it is|it s|its|just|um|erm|ok|yes|yeah) )*(?:opposite|outside|next to|near|nearby|by|behind|beside|in front of|across from|across the road from|round the corner from|on the corner of|at the (?:corner|end|top|bottom|back|side) of|at the|on the|in the|along|down|up)(?: [a-z0-9]+){1,10} $/;
export function placeOnly(text: string): boolean {
  const n = normaliseForSafety(text);
  return PLACE_ONLY.test(n) && riskCues(n).size === 0 && kindCues(n).size === 0 && !PERSON.test(n) && !EXPLICIT_PRESENT.test(n) && !PRESENT_FIRE.test(n) && !HAPPENING_NOW.test(n) && !/(?<= )(?:fire|smoke|gas|flames|water|sea|river|cliff|edge|ledge|bridge|roof|blood|body|knife|gun|weapon)(?= )/.test(n);
}
const FAREWELL_CLOSE = /(?<= )(?:thanks|thank you|cheers|ta|bye|goodbye|good bye|take care|have a (?:good|nice) (?:day|evening|weekend)|end (?:the|this) (?:call|chat))(?= )/;
const EVERY_FAREWELL_CLOSE = new RegExp(FAREWELL_CLOSE.source, 'g');
/** Where a resident gives their own details: their name, postcode, address, number or e-mail. */
const OWN_DETAIL_CUES = /\b(?:my (?:full )?(?:name|post ?code|address|(?:phone |mobile |contact |landline )?number|e-?mail(?: address)?|date of birth|dob)(?: is|'s)|i live at|i'?m at|(?:ring|call|text|phone|contact|reach|e-?mail) me (?:on|at)|you can (?:ring|call|text|phone|e-?mail) me(?: on| at)?)\b/giu;
const OWN_DETAIL_CUE = new RegExp(OWN_DETAIL_CUES.source, 'iu'); // for test(): a global regex keeps its lastIndex between calls
const OWN_DETAIL_VALUES = [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gu, /\b[a-z]{1,2}\d[a-z\d]? ?\d[a-z]{2}\b/giu, /\+?\d[\d\s-]{4,}\d/gu, /\b\d+[a-z]?\b/giu];
/** Words that may sit beside details without telling anything: joins, and the parts of an address. */
const DETAIL_FILLER = new Set('and or my is it its the a at on of in flat house road street lane avenue close drive way court crescent place terrace grove gardens hill row square also thanks thank you please ring call'.split(' '));

/**
 * Only the resident's own details, and at most a name beside them (three other words): nothing there to ask about. A message
 * that also says anything else ("my name is Jo and I don't feel safe at home") has more words, and is decided as usual.
 */
export function ownDetailsOnly(text: string): boolean {
  if (!OWN_DETAIL_CUE.test(text)) return false;
  let rest = text.replace(OWN_DETAIL_CUES, ' ');
  for (const re of OWN_DETAIL_VALUES) rest = rest.replace(re, ' ');
  const words = rest.toLowerCase().split(/[^\p{L}']+/u).filter((w) => w && !DETAIL_FILLER.has(w));
  return words.length <= 3;
}

/** True for a message that closes a service conversation politely and names no risk. */
export function isServiceFarewell(text: string): boolean {
  const n = normaliseForSafety(text);
  // The goodbye itself is a suicide cue word: judge the rest of the message without the closing words.
  const rest = n.replace(EVERY_FAREWELL_CLOSE, ' ');
  if (!FAREWELL_CLOSE.test(n) || riskCues(rest).size > 0) return false;
  if (CHANNEL_SWITCH.test(n) && !/(?<= )(?:ever|forever|no longer|not be (?:here|around)|gone|live|living|alive)(?= )/.test(n)) return true;
  return FAREWELL_SERVICE.test(n) && !/(?<= )(?:any ?more|ever|forever|no longer|not be (?:here|around)|gone)(?= )/.test(n);
}
// Round 27: not Portuguese "foi" (was: "foi atropelado", was run over).
// Round 30: never a lethal dose looked up, however worded ("googling how many of my mum's sleeping pills it would take").
const INFO_REQUEST = /(?<= )(?:foi(?! (?:[a-z]+(?:ado|ada|ados|adas|ido|ida|idos|idas)|um|uma|ao|para|embora|ontem|hoje|agora|muito|mesmo|la|preso|morto|morta|ferido|ferida|visto|vista|feito|posto|aberto|levado|levada)(?= ))|freedom of information|statistics|stats|figures (?:on|for|about)|data (?:on|about)|(?:the )?(?:number|numbers) of|how many(?! (?:of )?(?:[a-z]+ ){0,3}(?:pills|tablets|antidepressants|paracetamol|painkillers|sleeping pills|sleeping tablets|insulin|co ?codamol|codeine|diazepam)(?: [a-z]+){0,2} (?:would it take|it would take|does it take|it takes|it will take|would kill|will kill|to kill|to die|to overdose|to not wake up|would be (?:fatal|lethal|enough)|is (?:fatal|lethal|an overdose)))|research(?:ing)?|pshe|rshe|lessons? (?:on|about|plan|plans)|assembly (?:on|about)|teaching (?:resources|materials)|dissertation|thesis|essay|homework|coursework|assignment|project (?:on|about)|prevention strategy|awareness (?:talk|session|event|evening|week|day|training|course|raising|campaign)|(?:talk|talks|talking|session|presentation) (?:about|on) (?:[a-z]+ ){0,3}awareness|(?:the )?procedure (?:for|to|on)|thresholds|threshold (?:for|criteria)|invite (?:[a-z]+ ){0,4}to (?:talk|speak)|talk to (?:her|his|their|the|our|my) (?:class|school|group|pupils|students)|guest speaker|government figures|survey|journalist|reporter|article|report (?:on|about)|policy (?:on|for)|annual report|case ?load|spent on|budget (?:for|on)|funding (?:for|on))(?= )/;
const PAST_HELP = /(?<= )(?:helped|supported|saved|got me through|looked after|stayed with|found (?:my|him|her|them|us)|called (?:an ambulance|999|for help))(?= )[^]*(?<= )(?:(?:fully |completely )?recovered|doing (?:great|well|fine) now|all (?:fine|well|ok) now)(?= )[^]*(?<= )(?:thank[a-z]*|grateful|gratitude|compliment|shout ?outs?|legends?|heroes|kudos|hats off)(?= )|(?<= )(?:thank[a-z]*|grateful|gratitude|compliment|shout ?outs?|legends?|heroes|kudos|hats off)(?= )[^]*(?<= )(?:helped|supported|saved|got me through|looked after|stayed with)(?= )[^]*(?<= )(?:ago|years? back|last (?:year|winter|summer|spring|autumn|christmas)|back in|in (?:19|20)[0-9]{2})(?= )|(?<= )(?:last (?:year|winter|summer|spring|autumn|christmas)|years? ago|back in)(?= )[^]*(?<= )(?:helped|supported|saved|got me through|looked after|stayed with)(?= )[^]*(?<= )(?:thank[a-z]*|grateful|gratitude|compliment|shout ?outs?|legends?|heroes|kudos|hats off)(?= )|(?<= )(?:helped|supported) (?:me|us|my [a-z]+) (?:[a-z]+ ){0,3}(?:years?|months?) ago(?= )|(?<= )(?:thank[a-z]*|grateful|gratitude|compliment|shout ?outs?|legends?|heroes|kudos|hats off)(?= )[^]*(?<= )(?:helped|supported|saved|looked after|stayed with|found (?:my|him|her|them|us)|called (?:an ambulance|999|for help))(?= )[^]*(?<= )(?:(?:fully |completely )?recovered|(?:is |are )?doing (?:great|well|fine|ok|okay)(?: now)?|all (?:fine|well|ok) now|(?:home|back home) (?:now|safe))(?= )/;
const PAST_TIME = /(?<= )(?:there (?:was|were|has been|have been) (?:a|an|some|two|three|several)|back in|(?:in|during|since) (?:january|february|march|april|may|june|july|august|september|october|november|december|the summer|the spring|the autumn|the winter)|last (?:year|month|summer|spring|autumn|winter)|(?:weeks|months|years) ago|ever since)(?= )/;
const SERVICE_REQUEST = /(?<= )(?:(?:could|can|would|will|should) (?:the council|you|someone|somebody|they) (?:please )?(?:put|install|fit|add|do|look|check|repair|fix|cut|trim|improve|patrol|move|close|lock|light)|cctv|street ?lights?|(?:better|more) lighting|patrols?|speed bumps?|gates?|lock the)(?= )/;
/** The danger has returned: thanks for the past do not outweigh it. */
const BACK_AGAIN = /(?<= )(?:again|is back|came back|come back|has found me|found me)(?= )/;
const HAPPENING_NOW = /(?<= )(?:right now|now|just now|tonight|at the moment|currently|is happening|are happening|still (?:there|here|going on))(?= )/;
/** The Round 6 framings that explain a safety word as a question about information, thanks for the past, or a past reason. */
/** Round 10: a helpline's number asked for to keep, print or pass on ("updating our leaflets", "written on my nan's fridge"). */
const NUMBER_ASKED = /(?<= )(?:(?:which|what) (?:number|phone number|line) (?:do |should |can |would )?(?:i|we|you|people) (?:call|ring|phone|dial|use)|(?:helpline|help line|phone|contact|emergency|telephone) number|number (?:for|of) (?:the )?(?:[a-z]+ ){0,4}(?:helpline|team|line|service|services|social care))(?= )/;
const NUMBER_KEPT = /(?<= )(?:leaflets?|posters?|noticeboard|notice board|fridge|written (?:down|on)|write (?:it )?down|updating|newsletter|to keep|keep (?:it )?handy|for reference|save (?:it|the number)|in my phone|for later|(?:just )?in case)(?= )/;

/**
 * Round 12: a professional's question about procedure that says there is no case behind it ("no current case, I'm updating our
 * team's guidance", "this is for staff training, not a live case"). A screen hit the model backs only weakly is asked.
 */
const NO_LIVE_CASE = /(?<= )(?:(?:no|not a|not an|there is no|not about a|not about an) (?:current|live|actual|real|open|specific|particular|active|ongoing) (?:case|referral|concern|situation|incident)|(?:this|it) is (?:just |only |purely )?for (?:staff |team |our |my |a )?(?:training|guidance|policy|our policy|reference)|updating (?:our|the|my) (?:[a-z]+ ){0,2}(?:guidance|policy|policies|procedures?|training))(?= )/;
export const NO_CASE_FRAMING = 'a question about procedure, no live case';
/** Round 12: "is it safe to walk along the seafront at night now?": a question about safety now, not something happening now. */
const SAFE_NOW_QUESTION = /(?<= )(?:is it|is that|is the [a-z]+|are we|are they|are the [a-z]+|will it be|would it be) (?:still )?(?:safe|ok|okay)(?: [a-z]+){0,8} now(?= )/g;

/** Round 13: words written up in a public place ("stickers saying 'end it all' on the railings ... please remove"), asked to come down. */
// Round 14: the place may come between ("a spray-painted message on the sea wall saying 'end it all'").
// Round 16: up to eight words of place ("graffiti on the bus shelter on Ropewalk saying someone is going to 'get stabbed'").
const SIGN_WORDS = /(?<= )(?:(?:stickers?|graffiti|(?:a |the )?signs?|posters?|banners?|slogans?|flyers?|leaflets?|tags?|writing|words|messages?)(?: [a-z]+){0,8} (?:saying|that says?|which says?|reading|that reads?|with the words|sprayed|painted|written)|spray ?painted|scrawled|daubed)(?= )/;
const TAKE_DOWN = /(?<= )(?:remove|removed|removing|removal|take (?:it |them |these |those )?down|taken down|clean (?:it |them )?(?:off|up)|cleaned (?:off|up)|get rid of (?:it|them)|paint(?:ed)? over|scrub(?:bed)? off)(?= )/;
/** Round 13: a fire turned on oneself ("set myself on fire"): a suicide word, which hyperbole borrows. */
const SELF_FIRE = /(?<= )(?:set|setting|sets|light|lighting|douse|dousing) (?:myself|me) (?:on fire|alight|ablaze)(?= )/;

const SIGN_FRAMING = 'words on a sign or a sticker, asked to be removed';
/** Round 16: what a song, a film or a game is about ("drill music till 4am, lyrics all about stabbing people"): content, not an event. */
// Round 26: also fiction being written ("I'm writing a short story about a woman who fakes her own drowning", "a novel where a man is
// stabbed", "a play about ..."), and a visit asked "for realism" or "for research" for a story, a novel or a book.
const MEDIA_CONTENT = /(?<= )(?:(?:lyrics|songs?|raps?|drill|films?|movies?|(?:video |computer )?games?|music videos?|tv (?:shows?|programmes?)|cartoons?)(?: [a-z]+){0,2} (?:all )?(?:about|glorifying|glorifies|full of)|(?:writing|wrote|write|working on|drafting|researching|plotting|making|filming|directing) (?:a |an |my |the |our |this )?(?:short |new |first |crime |detective |murder |mystery |ghost |horror |school |local )?(?:story|stories|novel|novella|book|poem|poetry|play|script|screenplay|scene|chapter|fiction|fan ?fic(?:tion)?|short film|thriller|comic)(?: [a-z]+){0,3} (?:about|where|in which|featuring|set|with a|involving)|for (?:realism|authenticity|my (?:novel|story|book|script|play|screenplay))|(?:writing|wrote|write|working on|drafting) (?:a |the )?(?:scene|chapter|bit|part|character) (?:in|for) (?:my|a|the) (?:novel|story|book|script|play|screenplay))(?= )/;
/** Round 26: what was quoted is true now: "is on fire", "he is not breathing", "it really is". */
const QUOTE_STILL_TRUE = /(?<= )(?:(?:is|are|s|am) (?:on fire|alight|burning|not breathing|unconscious|collapsed|bleeding)|it (?:really |actually )?is|(?:and|but) (?:it|he|she|they) (?:really |actually )?(?:is|are|was|were))(?= )/;
/** Round 26: the assistant told the writer to ring 999 because of something they had said. */
const BOT_ADVICE_COMPLAINT = /(?<= )(?:bot|chatbot|chat bot|chat|assistant|robot|website|app|system|you) (?:just |then |keeps |kept |keep |always )?(?:told|tells|telling|said|says|saying|advised|asked) (?:me |us )?(?:to )?(?:call|ring|dial|phone) (?:999|an ambulance)(?: [a-z]+){0,4} (?:because|when|after|as|just because|all because|cos|coz) (?:i|we) (?:said|typed|wrote|put|mentioned|joked|told (?:it|you)|asked)(?= )/;
/** Round 14: "found a kitchen knife in the hedge by the school, just lying there, no one around ... already told 101". */
const FOUND_OBJECT = /(?<= )(?:found|find|spotted|there is|there are|someone has (?:left|dumped)|left|dumped|lying)(?: [a-z]+){0,4} (?:knife|knives|blade|machete|needles?|syringes?|sharps)(?= )/;
const NOBODY_ABOUT = /(?<= )(?:(?:no one|nobody|noone) (?:around|about|there|near it|with it)|just lying (?:there|around|about)|already (?:told|reported|rang|called|phoned)|(?:who|can you|can someone|could you|could someone) (?:picks?|pick it|collects?|collect it|removes?|remove it|come and (?:get|collect|remove)))(?= )/;

/** Round 77: symptoms felt since getting up or this morning: the danger is now, whatever past event sits beside it. */
const FELT_TODAY_CONTEXT = /(?<= )(?:since (?:we|i|they|he|she) (?:got up|woke up|woke|came (?:in|home|back))|since this morning|this morning|all morning|today|all day)(?= )/;
const feltToday = (n: string) => FELT_NOW.test(n) && FELT_TODAY_CONTEXT.test(n);
export function framedAsService(text: string): string | null {
  const n = normaliseForSafety(text);
  // Round 26: the assistant's own advice to ring 999 quoted in a complaint, with what the writer had said in the past tense ("your
  // chatbot told me to call 999 because I said my bin was on fire as a joke"): before EXPLICIT_PRESENT, which reads the quote.
  if (BOT_ADVICE_COMPLAINT.test(n) && !HAPPENING_NOW.test(n) && !QUOTE_STILL_TRUE.test(n)) return 'a complaint about the assistant\'s advice';
  if (EXPLICIT_PRESENT.test(n)) return null;
  if (SIGN_WORDS.test(n) && TAKE_DOWN.test(n) && !HAPPENING_NOW.test(n) && !INVOLVED.test(n)) return SIGN_FRAMING;
  if (MEDIA_CONTENT.test(n)) return 'what a song, a film or a game is about';
  // Round 14: a weapon or a needle found lying with nobody about, already reported or asked to be picked up.
  if (FOUND_OBJECT.test(n) && NOBODY_ABOUT.test(n) && !HAPPENING_NOW.test(n) && !INVOLVED.test(n)) return 'an object found lying, nobody with it';
  if (NO_LIVE_CASE.test(n) && !HAPPENING_NOW.test(n)) return NO_CASE_FRAMING;
  if (NUMBER_ASKED.test(n) && NUMBER_KEPT.test(n) && !HAPPENING_NOW.test(n) && !GOES_ON.test(n)) return 'a number asked for to keep';
  if (INFO_REQUEST.test(n) && !HAPPENING_NOW.test(n)) return 'a request for information';
  // Round 8: something seen on the news, on television or on social media, nothing happening now and nobody of the writer's in it.
  // Round 49: not a live stream being watched ("watching a livestream on facebook of a fight ... someone is on the ground being kicked"):
  // it is happening now, wherever it is seen.
  if (REPORTED.test(n) && !HAPPENING_NOW.test(n.replace(SAFE_NOW_QUESTION, ' ')) && !INVOLVED.test(n) && !LIVE_STREAM.test(n)) return 'a report from the news or social media';
  if (PAST_HELP.test(n)) return 'thanks for past help';
  // Round 77: not with symptoms felt since this morning or beside a smell or fumes ("a funny smell and my husband (stroke last year) and I
  // have both felt dizzy and sick since we got up"): the past event is someone's history, the danger is now.
  if (PAST_TIME.test(n) && SERVICE_REQUEST.test(n) && !HAPPENING_NOW.test(n) && !feltToday(n)) return 'a past incident as the reason for a request';
  return null;
}

/**
 * A top main-classifier safety intent at or above this confidence asks when the safety model is low (a professional's referral
 * the safety model under-reads: "ringing from the nursery ... burnt her hand as a punishment", classifier 0.83, model 0.05).
 * Chosen by cross-validation with the main classifier's predictions (`--cv` prints the sweep).
 */
export const SAFETY_CLASSIFIER_ASK = 0.8;
const CLASSIFIER_ASK_WORDS = 8;
/**
 * A message the safety model barely knows (a script or language absent from its training: Bengali, Farsi) is asked "Is anyone
 * in danger right now?" when its known-word share is below this and it has SAFETY_UNKNOWN_WORDS or more words. Chosen by CV.
 */
export const SAFETY_UNKNOWN_ASK = 0.4;
export const SAFETY_UNKNOWN_WORDS = 4;

/**
 * Round 7 (dev-7 added), general categories from the sixth held-out set's errors, judged by cross-validation over the eight
 * development sets:
 * - a message the assistant cannot read never passes silently: written mostly in a script other than Latin (Persian, Bengali,
 *   Chinese, Cyrillic; the screen reads a few Arabic phrases only), or in Latin letters with under half of its words in the
 *   council's own phrases (Turkish, Italian, Somali: `SafetyScore.readable`). When nothing else acts it is asked "Is anyone in
 *   danger right now?", and every question about such a message says which language the assistant reads (`unreadable`);
 * - a risk told as past (last year, last winter, years ago, as a child) with nothing saying it goes on, is back or is explicit
 *   and present: the model alone asks instead of escalating, and so does a screen hit the model does not back;
 * - harm to an animal only (a pheasant hit on the road, a greyhound loose by the river), no person named and no fire: asked;
 * - the hazard of a thing in general, in a question about handling it ("how do I recycle an e-bike battery, I've heard they can
 *   set the bin lorry on fire"): a defeater; a garden bonfire or burning rubbish beside a screen hit the model does not back: asked.
 */
const LONG_PAST = new RegExp(
  String.raw`(?<= )(?<!(?:since|from|for|over|through|throughout|during|all|in|of|within|the|this|past) (?:the )?)(?:` +
    [
      'last (?:year|winter|summer|spring|autumn|christmas)',
      '(?:a|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|few|some|many|[0-9]+) (?:months|years) ago', 'a year ago', 'years (?:ago|back)',
      // Round 22: "a stabbing outside my flat a couple of years ago".
      '(?:a )?couple of (?:months|years) ago',
      // Round 15: "left alone months ago ... with their gran now"; "on the child protection register as a baby".
      'months ago',
      'back in (?:(?:19|20)[0-9]{2}|january|february|march|april|may|june|july|august|september|october|november|december)', 'in (?:19|20)[0-9]{2}',
      'when i was (?:a child|a kid|little|young|younger|a teenager|at school|growing up|[0-9]+)', 'as a (?:child|kid|teenager|baby|toddler|infant)',
    ].join('|') +
    ')(?= )',
);
/** Round 17: the writer has left an abuser or an abusive home ("left my partner because of domestic abuse"). */
const LEFT_ABUSE = /(?<= )(?:left|fled|escaped|got away from|moved away from|moved out from) (?:my |an? |the |our )?(?:abusive |violent |controlling )?(?:partner|husband|wife|ex|boyfriend|girlfriend|relationship|marriage|him|her|domestic (?:abuse|violence))(?= )/;
/**
 * It goes on, or is back: "ever since", "still", "again", "every night", "scared", "he is threatening me". Round 55: abuse told in
 * the habitual present ("he hits me when i try to ring my sister", "his mum wont let me leave the house") goes on whatever past
 * date sits beside it ("i got married abroad last summer").
 */
// Engineer's probe after round 76 (YG): a sudden change told now outweighs an old event told beside it ("my husband had a stroke three
// years ago and his face has just dropped on one side ... his words are all slurred"); a deficit left by the old event is not sudden.
const GOES_ON = /(?<= )(?:(?:has|have|is|s) just (?:dropped|collapsed|gone (?:floppy|limp|grey|blue|slurred)|fallen down|stopped breathing|started (?:slurring|fitting|shaking))|suddenly (?:slurring|drooping|dropped|collapsed|(?:can not|cannot) (?:speak|talk|lift|move|see))|all of a sudden|(?:he|she|they) (?:hits|beats|punches|kicks|slaps|chokes|strangles|hurts|threatens|locks) (?:me|us|her|him|them|the kids)|(?:will not|does not|do not|wont|doesnt|dont) let (?:me|us|her|him) (?:leave|go out|go anywhere|out|see|ring|call|phone|talk to|speak to)|still(?! (?:open|running|available|operating|trading|in business|on sale))|again|keeps?|keeping|ever since|since then|every (?:day|night|week|weekend|time)|all the time|right now|at the moment|currently|tonight|is back|(?<!we )are back|came back|come back|comes back|found me|has started|started again|is happening|are happening|not safe|(?:scared|afraid|frightened|terrified)(?! of (?:the )?(?:water|sea|swimming|pools?|dark|heights|dogs?|fireworks|loud noises|crowds))|(?:is|are|am) (?:being )?(?:hit|hitting|hurting|threatening|abusing|beating|following|stalking|harassing|controlling|touching|bullying))(?= )/;
/** Round 10: thoughts of self-harm or suicide denied by the writer ("not thinking of hurting myself", "I'm not suicidal"). */
const SELF_HARM_DENIED = /(?<= )(?:not (?:thinking|thought|had thoughts) (?:of|about) (?:hurting|harming|killing|ending) (?:myself|my life)|(?:i am |am )?not suicidal|no (?:thoughts|plans) (?:of|about) (?:hurting|harming|killing|ending) (?:myself|my life|it)|no (?:suicidal|dark) thoughts|(?:would|will) never (?:hurt|harm|kill) myself|not (?:going|gonna) to (?:hurt|harm|kill) myself)(?= )/;
/** True when self-harm is denied and nothing names another kind of risk or something explicit and present. */
export function selfHarmDenied(text: string): boolean {
  const n = normaliseForSafety(text);
  if (!SELF_HARM_DENIED.test(n) || EXPLICIT_PRESENT.test(n)) return false;
  const cues = kindCues(n);
  return !(['domestic_abuse', 'crime_violence', 'fire_gas_co', 'adult_at_risk'] as const).some((k) => cues.has(k));
}

/**
 * Round 16: a recent past ("last month", "in the past", "weeks ago") counts as past only beside a word that it is over now
 * ("I'm doing ok now with support", "he's stable now"): a harm last month told alone may still be going on.
 */
const RECENT_PAST = /(?<= )(?:last (?:month|week)|in the past|(?:a few|few|some|two|three|four|five|six|several|[0-9]+) weeks ago|a while (?:ago|back))(?= )/;
const OVER_NOW = /(?<= )(?:(?:i am|he is|she is|they are|we are) (?:doing )?(?:ok|okay|fine|well|better|stable|settled|recovering|on the mend)(?: now)?|(?:stable|settled|well|better) now|doing (?:ok|okay|fine|well|better) now|(?:fully |completely )?recovered)(?= )/;
/** True when a risk is told as past (months or years ago) and nothing says it goes on, is back, or is explicit and present. */
export function toldAsPast(text: string): boolean {
  return toldAsPastN(normaliseForSafety(text));
}
function toldAsPastN(n: string): boolean {
  // Round 77: nor beside symptoms felt since this morning (feltToday: "both felt dizzy and sick since we got up", a stroke last year told).
  return (LONG_PAST.test(n) || (RECENT_PAST.test(n) && OVER_NOW.test(n))) && !GOES_ON.test(n) && !BACK_AGAIN.test(n) && !EXPLICIT_PRESENT.test(n) && !feltToday(n);
}

/** Insects and a swarm: creatures for ANIMAL, and on their own for `animalOnly`. */
const INSECT_WORDS = 'bees|wasps?|hornets?|swarm|insects';
const ANIMAL = new RegExp(String.raw`(?<= )(?:pheasants?|deer|fox|foxes|badgers?|cats?|kittens?|dogs?|pupp(?:y|ies)|greyhounds?|spaniels?|terriers?|labradors?|collies?|retrievers?|staffies|staffie|staffy|whippets?|lurchers?|poodles?|jack russells?|huskies|husky|alsatians?|beagles?|pugs?|dachshunds?|cockapoos?|cavapoos?|tabby|moggy|parrots?|budgies?|birds?|seagulls?|gulls?|pigeons?|swans?|ducks?|goose|geese|hedgehogs?|rabbits?|squirrels?|horses?|ponies|pony|sheep|cows?|lambs?|owls?|hares?|otters?|seals?|animals?|wildlife|pets?|roadkill|hens?|chickens?|tortoises?|${INSECT_WORDS})(?= )`);
/** A person who could be at risk (pronouns left out: "she slipped her lead" is the dog). */
const PERSON = /(?<= )(?:someone|somebody|anyone|anybody|man|woman|men|women|person|people|child|children|kids?|boys?|girls?|bab(?:y|ies)|toddlers?|lads?|lady|gentleman|drivers?|cyclists?|pedestrians?|riders?|walkers?|joggers?|owners?|neighbours?|mum|dad|mother|father|sons?|daughters?|wife|husband|partner|friends?|brother|sister|nan|gran|grandad|grandma|me|myself|us|i am (?:hurt|injured|bleeding|trapped|stuck)|we are (?:hurt|injured|trapped|stuck))(?= )/;

/** Round 15: insects named, and no person ("a swarm of bees coming down the chimney"); place names borrow animals ("Gull Lane"). */
const INSECTS = new RegExp(`(?<= )(?:${INSECT_WORDS})(?= )`);
const animalOnly = (n: string) => INSECTS.test(n) && !PERSON.test(n);
/** A question about handling a thing (recycling, disposing, storing, charging). */
const HANDLING = /(?<= )(?:how (?:do|can|should|would) (?:i|we|you|people) (?:recycle|dispose|get rid|throw|bin|store|charge|dump|take|put|safely)|where (?:do|can|should) (?:i|we|you|people) (?:recycle|dispose|take|put|get rid|throw|dump|leave)|can (?:i|we|you) (?:recycle|put|throw|bin|dispose|take)|recycl(?:e|ing)|dispos(?:e|al|ing) of|get(?:ting)? rid of|safe to (?:store|charge|keep|use)|is it (?:safe|ok|okay|allowed))(?= )/;
/** A thing's hazard in general: "they can set the lorry on fire", "a fire risk", "could explode". */
const GENERIC_HAZARD = /(?<= )(?:(?:can|could|may|might|do|does|will|would) (?:[a-z]+ ){0,3}(?:set|cause|start|catch)(?: [a-z]+){0,4} (?:fire|fires|alight|explosions?)|(?:fire|explosion) (?:risks?|hazards?|dangers?)|(?:can|could|may|might) (?:explode|ignite|blow up))(?= )/;
/** A fire or hazard happening: never a hazard in general. */
const PRESENT_FIRE = /(?<= )(?:(?:is|are|was) (?:on fire|burning|smoking|smouldering|alight|sparking|hissing|melting|swelling)|there is (?:a |some )?(?:fire|smoke|flames|smell)|caught fire|(?:smoke|flames) (?:is |are )?(?:coming|pouring|everywhere)|on fire now|(?:has |just )?exploded|burning now)(?= )/;

/** Letters in a script other than Latin, at least this many and half of all letters: a message the assistant cannot read. */
export const UNREADABLE_MIN_LETTERS = 2;
/** True for a message written mostly in a script other than Latin. */
export function unreadableScript(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const other = letters - (text.match(/\p{Script=Latin}/gu)?.length ?? 0);
  return other >= UNREADABLE_MIN_LETTERS && other >= letters / 2;
}
/**
 * A Latin-script message of SAFETY_READABLE_WORDS or more lower-case words with less than this share in the council's own phrases
 * is in a language the assistant does not read. Development sets: no English message scores below 0.5; two thirds of the others
 * score below 0.4. 0.4 leaves a margin for English slang ("innit bruv dem bins aint been done" 0.43); `--cv` prints the sweep.
 */
export const SAFETY_READABLE_MIN = 0.4;
export const SAFETY_READABLE_WORDS = 4;
/** True when the assistant cannot read the message: an unread script, or words mostly absent from the pack's phrases. */
export function unreadable(text: string, scored: SafetyScore | null, readableMin = SAFETY_READABLE_MIN): boolean {
  if (unreadableScript(text)) return true;
  const readable = scored?.readable;
  return readable !== undefined && readable < readableMin && languageWords(text).length >= SAFETY_READABLE_WORDS;
}

/**
 * The pipeline's safety decision. With a safety model score (passed, or carried by the prediction): a screen hit
 * escalates; a message that only ends the chat is never a disclosure; otherwise the safety model decides, escalate at
 * or above `escalateAt`, ask from `askAt` (demoted by everyday context). The 65-intent classifier has no say then: it learned style shortcuts from the
 * safety phrases and generalised poorly on held-out sets. Without a score: round 2's rule (the classifier's safety intents).
 */
export function decideSafety(
  hit: SafetyHit | null,
  prediction: IntentPrediction,
  message: string,
  safety?: SafetyScore | null,
  thresholds: SafetyModelThresholds = SAFETY_MODEL_THRESHOLDS,
): SafetyDecision {
  const scored = safety ?? (prediction as ScoredPrediction).safetyScore ?? null;
  // Round 37: the rules read a letter without its formal wrapper too ("FAO Customer Services", "our ref", "Yours faithfully"):
  // a disclosure quoted in it is not "about a service" because the letter around it names one.
  const text = stripFormalWrapper(message);
  if (!scored) return decideByClassifier(hit, prediction, text);
  const whole = hit ? decideScreenHit(hit, scored, text, thresholds) : decideByModel(prediction, text, scored, thresholds);
  const capped = capAtAsk(whole ?? ((thresholds.segmentAsk ?? SAFETY_SEGMENT_ASK) ? segmentAsk(text, scored, thresholds) : null), text, hit);
  // Issue 8: the kind model (SafetyScore.kinds) meets the cues here only; it changes the kind, never the action.
  const decided = capped && scored.kinds ? { ...capped, kind: chooseKind(capped.kind, text, scored.kinds, hit?.kind ?? null, scored.readable) } : capped;
  // Round 7: a question about a message the assistant cannot read says so (bot/replies.ts dangerQuestion).
  return decided?.action === 'ask' && unreadable(text, scored, thresholds.readableMin) ? { ...decided, unreadable: true } : decided;
}

/**
 * Round 32: messages the screen or the model escalated that are asked at most, whoever escalated them:
 * - being "better off without me" said of a workplace, a team, a side or a game ("the office would be better off without me on
 *   fridays haha", "the team would be better off without me in goal"), nothing of everyone, the family or dying near it;
 * - a smoke or CO alarm chirping or beeping for its battery ("smoke alarm keeps beeping, battery I think"), nothing felt, smelt or burning;
 * - a question about adopting or fostering, nothing of harm in it ("she and her wife want a child");
 * - nowhere to sleep tonight with danger denied in so many words ("I'm not in any danger, just stuck"), no one feared;
 * - (the engineer's probe after round 34) a fire or smoke taken back as steam, dust or mist, no screen hit and no one unwell.
 */
const WORK_OR_GAME = String.raw`(?:office|work|workplace|job|team|side|squad|club|band|choir|department|dept|shop|firm|company|shift|rota|quiz team|pub team|five a side|eleven|defence|midfield|match|game|pitch|lads|boys|girls)`;
const BETTER_OFF_AT_WORK = new RegExp(String.raw`(?<= )(?:${WORK_OR_GAME}(?: [a-z]+){0,2} (?:would|will|is|are|would all|will all|d)?(?: be)? (?:(?:so|much|far|a lot|way|loads|definitely|probably) )*better off without me|better off without me (?:on|in|at|up|for|playing|during)(?: the| a| my| our)? (?:goal|nets?|defence|midfield|front|attack|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|weekends?|shifts?|the rota|${WORK_OR_GAME}))(?= )`);
const DYING_WORDS = /(?<= )(?:die|dying|dead|kill|suicid[a-z]*|end it|end my life|not be here|pills|tablets|overdose|rope|bridge|goodbye|everyone|everybody|my family|the family|my kids|the kids|my children|cannot go on|can not go on|no point|burden|(?:cannot|can not) (?:do this|cope|take (?:it|this|much more)|carry on|keep going)|had enough|giving up|give up on (?:life|everything)|hopeless|worthless|hate myself|no reason to|disappear|tired of (?:living|life|everything)|not worth it|end of my (?:tether|rope))(?= )/;
const ALARM_CHIRP = /(?<= )(?:alarm|alarms|detector|detectors)(?: [a-z]+){0,4} (?:chirp[a-z]*|beep[a-z]*|bleep[a-z]*|peep[a-z]*|tweet[a-z]*)(?= )/;
const BATTERY_WORDS = /(?<= )(?:batter(?:y|ies)|chirp[a-z]*|every (?:minute|few minutes|[0-9]+ (?:seconds|minutes))|once a minute|low)(?= )/;
/** The chirp denied ("not the low battery chirp"), and anyone unwell, drowsy or a pet listless (carbon monoxide's signs). */
const NOT_THE_BATTERY = /(?<= )(?:not (?:the |a |just the )?(?:low )?batter(?:y|ies)|not (?:the |a )?chirp[a-z]*|new batter(?:y|ies)|changed the batter(?:y|ies))(?= )/;
const UNWELL = /(?<= )(?:flu|flu like|symptoms|lethargic|listless|unwell|ill|poorly|sleepy|tired|groggy|woozy|headaches?|sick|dizzy|baby)(?= )/;
const ADOPT_FOSTER = /(?<= )(?:adopt|adopts|adopting|adoption|adopter|adopters|foster|fostering|foster carers?|foster parents?|become (?:a )?(?:foster|adoptive) (?:carer|parent)s?)(?= )/;
// Round 51: strangers, sex or work for money and self-harm are harm words too ("foster lad keeps coming back with cash from strangers").
// Engineer's probe after round 51: cash, phones or gifts from older men are signs of exploitation, as strangers are.
const HARM_WORDS = /(?<= )(?:concern[a-z]*|worr[a-z]*|not allowed|sleep[a-z]*|thin|kicked out|thrown out|hungry|no food|cold|hit[a-z]*|hurt[a-z]*|missing|groom[a-z]*|exploit[a-z]*|drugs|sex[a-z]*|touch[a-z]*|marks|injur[a-z]*|blood|bleed[a-z]*|abus[a-z]*|beat[a-z]*|neglect[a-z]*|scared|afraid|frightened|violen[a-z]*|bruis[a-z]*|danger|unsafe|not safe|police|kill[a-z]*|threat[a-z]*|left alone|alone|starv[a-z]*|locked|strangers?|for money|for cash|burn(?:ing|ed|t|s)? (?:myself|herself|himself|themselves)|cut(?:ting|s)? (?:myself|herself|himself|themselves)|self harm[a-z]*|blister[a-z]*|(?:cash|money|phones?|gifts|presents|trainers|clothes|drink|alcohol|vapes?) from (?:an |some |the |these |those )?(?:older|grown|adult|unknown|strange) (?:men|man|lads|lad|boys|blokes|people|adults)|from (?:an |some )?(?:older|grown|adult) (?:men|man|lads|boys|blokes))(?= )/;
const DANGER_DENIED = /(?<= )(?:(?:i am|we are|i m|im) (?:not|never) in (?:any )?danger|not in any danger|(?:i am|we are) (?:perfectly |quite |completely )?safe(?! from)|no danger)(?= )/;
const FEARED = /(?<= )(?:scared|afraid|frightened|terrified|fear|him|her|he|she|they|them|partner|husband|wife|boyfriend|girlfriend|ex|hurt|hit|attacked|threat[a-z]*|kill[a-z]*|knife|fled|fleeing|escap[a-z]*|abus[a-z]*)(?= )/;
/**
 * Round 34: a website, a system, an app, a phone line or a service that "fell", is down or does not respond (English, Spanish,
 * Portuguese: "o site caiu e o serviço não responde"): no person.
 */
const THING_DOWN = /(?<= )(?:website|web site|site|sitio|pagina|page|portal|system|sistema|app|aplicacao|aplicacion|aplicativo|phone line|phone lines|line|lines|linha|linea|servico|servicio|service|server|servidor|online form|form|formulario|login|payment page|booking system)(?: [a-z]+){0,2} (?:caiu|cayo|se cayo|esta caido|esta caida|esta em baixo|esta abajo|fora do ar|is down|are down|went down|has gone down|gone down|has crashed|crashed|keeps crashing|is not responding|not responding|nao responde|no responde|nao funciona|no funciona|is not working|not working|does not load|will not load|nao carrega|no carga)(?= )/;
/** Every such thing, removed before looking for risk in the rest (compiled once: askAtMost runs on every escalation). */
const EVERY_THING_DOWN = new RegExp(THING_DOWN.source, 'g');
/** A person named, so "caiu" or "does not respond" may be a fall or a collapse. */
const PERSON_NAMED_ABROAD = /(?<= )(?:mae|pai|filh[oa]|senhora|senhor|pessoa|homem|mulher|crianca|bebe|marido|esposa|vizinh[oa]|avo|idos[oa]|madre|padre|hij[oa]|persona|nin[oa]|esposo|abuel[oa]|vecin[oa]|hombre|mujer|senor[a]?|man|woman|person|mum|mam|dad|child|baby|neighbour|neighbor|husband|wife|son|daughter|nan|gran|grandad|friend|he|she|him|her)(?= )/;
/** Round 34: a structure loose or about to fall (scaffolding swinging, render hanging), told with nobody beneath it now. */
const STRUCTURE_LOOSE = /(?<= )(?:scaffold[a-z]*|render|cladding|tiles?|slates?|roof|wall|fence|sign|signs|hoarding|boards?|chimney|guttering|gutter|branch|branches|tree|lamp post|window|masonry|bricks?|panel|panels)(?: [a-z]+){0,8} (?:swinging|loose|hanging|flapping|about to fall|going to fall|could fall|might fall|coming down|coming off|come off|leaning|unsafe|dangerous|collapsing|ready to collapse)(?= )/;
const NOBODY_BENEATH = /(?<= )(?:nobody|no one|noone|no body|nobody is|no one is) (?:underneath|under it|under them|below|beneath|near it|nearby|around|about|there|hurt|injured)(?: (?:right now|at the moment|now|yet|as far as i can see|thankfully|luckily))?(?= )/;
/** A fire or smoke taken back and told as steam, dust or mist ("it's not a fire, it's just steam from the boiler flue"). */
const FIRE_TAKEN_BACK = /(?<= )not (?:a |an |the |any )?(?:fire|smoke|flames?|a gas leak|gas)(?: it is| it was| its| but| just| only)* (?:steam|dust|mist|fog|vapour|vapor|condensation|spray|dry ice)(?= )/;
/**
 * Round 35: harm denied in so many words ("nobody's mistreating her", "no one is hurting him") beside a care need (a carer, help at
 * home, help with washing, the stairs): a care question, not a concern, when nothing else of harm, neglect or fear is told.
 */
const HARM_DENIED = /(?<= )(?:no one|nobody|noone|no body|not anyone)(?: is| was| has been| s)? (?:hurting|hitting|harming|mistreating|abusing|neglecting|bullying|attacking|beating|exploiting|threatening|taking advantage of) (?:him|her|them|me|us|my [a-z]+)(?= )/g;
const CARE_NEED = /(?<= )(?:carers?|care|help at home|help with (?:washing|bathing|dressing|meals|shopping|the stairs|getting [a-z]+)|stairlift|stair lift|needs? (?:some )?help|just needs?|downstairs|upstairs|stairs|washing|bathing|mobility|walking frame|wheelchair|hoist|adaptations?|assessment)(?= )/;
const CARE_HARM = /(?<= )(?:hit[a-z]*|hurt[a-z]*|harm[a-z]*|bruis[a-z]*|fallen|fell|falls?|floor|not eaten|not eating|no food|hungry|starv[a-z]*|dirty|soiled|sores?|locked|left alone|alone|scared|afraid|frightened|terrified|money|steal[a-z]*|stole|stolen|cold|no heating|unwell|ill|confused|wandering|missing|police|abus[a-z]*|neglect[a-z]*|mistreat[a-z]*|threat[a-z]*|shout[a-z]*|blood|bleed[a-z]*|breathing|unconscious|collapsed|danger|unsafe|not safe|dying|die|dead|kill[a-z]*|suicid[a-z]*|end it|pills|tablets)(?= )/;
function careNeedHarmDenied(n: string): boolean {
  if (!CARE_NEED.test(n)) return false;
  const rest = n.replace(HARM_DENIED, ' ');
  return rest !== n && !CARE_HARM.test(rest) && !EXPLICIT_PRESENT.test(rest);
}
/**
 * Round 37: some self-neglect told of a relative, with the writer's reassurance that he or she is safe and eating ("my uncle's
 * self-neglecting a bit since he lost his wife, but he's eating and safe. Could someone visit?"): a care question, when nothing
 * else of harm or fear is told (the model alone gave 0.94).
 */
const SELF_NEGLECT = /(?<= )self neglect(?:ing|s|ed)?(?: (?:a bit|a little|slightly|somewhat))?(?= )/;
const EVERY_SELF_NEGLECT = new RegExp(SELF_NEGLECT.source, 'g');
const SAFE_REASSURED = /(?<= )(?:but |and )?(?:he|she|they)(?: is| s| are| seems?| still)?(?: (?:eating|eating well|managing|coping|washing))?(?: and)? (?:safe|fine|okay|ok|alright|all right|well)(?= )/;
const EVERY_SAFE_REASSURED = new RegExp(SAFE_REASSURED.source, 'g');
function selfNeglectReassured(n: string): boolean {
  if (!SELF_NEGLECT.test(n) || !SAFE_REASSURED.test(n)) return false;
  const rest = n.replace(EVERY_SELF_NEGLECT, ' ').replace(EVERY_SAFE_REASSURED, ' ');
  return !CARE_HARM.test(rest) && !EXPLICIT_PRESENT.test(rest);
}
/**
 * Round 35: a threat word painted or written as graffiti ("someone wrote 'die' with a skull on the shutter ... just want it gone"), the
 * writer asking for it to be removed, aimed at nobody named and feared by no one.
 */
const GRAFFITI_WORD = /(?<= )(?:wrote|written|writing|sprayed|spray painted|painted|scrawled|daubed|tagged|graffiti)(?: [a-z]+){0,4} (?:die|dead|death|kill|rip|murder)(?= )/;
const GRAFFITI_GONE = /(?<= )(?:gone|removed|remove|removing|cleaned|clean it|clean off|cleaned off|painted over|cover it|covered|taken off|get rid|graffiti team)(?= )/;
const GRAFFITI_AIMED = /(?<= )(?:my name|our name|his name|her name|my door|our door|front door|my car|my house|our house|my flat|our flat|scared|afraid|frightened|terrified|threat[a-z]*|targeted|targeting|aimed|ex|partner|husband|wife|boyfriend|girlfriend|at me|at us|for me|racist|again)(?= )/;
/**
 * Round 35: a place become a hangout for young people smoking, spitting, drinking or leaving litter ("the bus shelter has become a hangout
 * for kids smoking and spitting"): a nuisance, when nothing of harm, an adult with them, drugs, a weapon or fear is told.
 */
const HANGOUT = /(?<= )(?:hangout|hang out|hanging (?:out|around|round|about)|congregat[a-z]*|gather(?:s|ing)?)(?: [a-z]+){0,4} (?:kids|youths|teenagers|teens|lads|youngsters|young people|students)(?: [a-z]+){0,3} (?:smoking|vaping|spitting|swearing|drinking|littering|shouting|loitering|messing)(?= )/;
const HANGOUT_HARM = /(?<= )(?:older|adults?|man|men|grown|cars?|vans?|sweets|gifts?|drugs?|dealing|weed|knives?|knife|weapons?|fight[a-z]*|hurt[a-z]*|hit[a-z]*|attack[a-z]*|threat[a-z]*|scared|afraid|frightened|terrified|groom[a-z]*|exploit[a-z]*|sex[a-z]*|young (?:girl|boy|child)|little|years? old|aged|[0-9]+ year|missing|alone|unsafe|danger[a-z]*|injur[a-z]*|blood|police)(?= )/;
/**
 * Engineer's probe after round 36: "end it" or "end things" with a boyfriend, a girlfriend or a partner is a break-up ("planning how to
 * end it with my boyfriend this weekend lol"; the retrained model alone gave 0.91); with nothing else of risk it is asked at most.
 */
const ENDING_A_RELATIONSHIP = /(?<= )end(?:ing)? (?:it|things) with (?:my |her |his |the )?(?:boyfriend|girlfriend|partner|husband|wife|fiance|fiancee|ex|bf|gf|him|her)(?= )/;
const EVERY_ENDING_A_RELATIONSHIP = new RegExp(ENDING_A_RELATIONSHIP.source, 'g');
/**
 * Round 36: a thing, not a person, hitting ("overhanging branches keep hitting me in the face"), no person told hitting. Round 76: a
 * person hit WITH a thing is a person hitting ("came round about the hedge and hit my husband with a spade": PERSON_HITTING).
 */
const THING_HITTING = /(?<= )(?:branch|branches|twigs?|hedges?|bushes|brambles|trees?|ivy|plants?|vines?|roses|thorns|shrubs?|overgrowth)(?: (?!(?:he|she|they|him|her|being|husband|wife|partner|boyfriend|girlfriend|dad|mum|son|daughter|man|woman)\b)[a-z]+){0,4} (?:hit|hits|hitting|knock|knocks|knocking|whack[a-z]*|smack[a-z]*|scratch[a-z]*)(?= )/;
/** Each thing hitting with the word after it, removed before looking for present danger in the rest. */
const EVERY_THING_HITTING = new RegExp(`${THING_HITTING.source} [a-z]+`, 'g');
const PERSON_HITTING = /(?<= )(?:he|she|partner|husband|wife|boyfriend|girlfriend|dad|mum|son|daughter|carers?|man|woman|someone|somebody|neighbours?|brother|sister)(?: [a-z]+){0,3} (?:hit|hits|hitting|punch[a-z]*|kick[a-z]*|slap[a-z]*|beat[a-z]*|hurt[a-z]*)(?= )|(?<= )(?:hit|hits|hitting|whacked|whacking|smacked|smacking|struck|attacked|attacking|beat|beating|went for) (?:me|him|her|them|us|(?:my|his|her|our|their|a|the) (?:husband|wife|partner|son|daughter|dad|mum|father|mother|brother|sister|friend|neighbour|nan|grandad|grandma|boyfriend|girlfriend|kid|child|baby|man|woman|lad|boy|girl)) (?:with|using) (?:a|an|the|his|her|their|my|some) (?:[a-z]+ )?(?:spade|shovel|hammer|bat|stick|bar|crowbar|brick|bottle|knife|pole|plank|rake|fork|pan|iron|chair|club|belt|spanner|axe|machete|wrench|lump of wood|piece of wood)(?= )/;
/**
 * Round 36: a home to be lost later to a relative's sale or a move ("her son is going to kick her out when he sells the house in the
 * spring. where does she stand"), asked as her rights, nothing of harm, fear or escape told.
 */
const FUTURE_PUT_OUT = /(?<= )(?:going to|gonna|will|wants to|plans to|planning to) (?:kick|throw|put|chuck|turf|boot) (?:me|her|him|them|us) out(?: [a-z]+){0,10} (?:when|once|after|in the|by the|next|at the end)(?= )/;
const EVERY_FUTURE_PUT_OUT = new RegExp(FUTURE_PUT_OUT.source, 'g');
const RIGHTS_QUESTION = /(?<= )(?:where (?:does|do|would|will) (?:she|he|they|i|we) stand|what are (?:her|his|my|our|their) rights|(?:her|his|my|our|their) rights)(?= )/;
/**
 * Round 38: a threat printed on a sign or a notice ("a sign saying 'trespassers will be shot' facing my garden. He doesn't own a gun,
 * he's just making a point"): a dispute, asked at most when the model alone escalates and nobody is told afraid or hurt.
 */
const SIGN_THREAT = /(?<= )(?:signs?|notices?|posters?|placards?|boards?|banners?|stickers?|plaques?|warnings?)(?: [a-z]+){0,5} (?:saying|says|said|that says|which says|reading|reads|stating|with|warning|warns)(?: [a-z]+){0,4} (?:will|would|shall|are|get|gets|to) (?:be )?(?:shot|killed|shot at|shot on sight|eaten|buried|executed|hurt|prosecuted and shot|dealt with)(?= )/;
const SIGN_FEARED = /(?<= )(?:scared|afraid|frightened|terrified|fear[a-z]*|threatened (?:me|us|my)|pointed|aimed|waved|waving|shot at|fired|firing|gun (?:out|in his hand|at)|has a gun|owns a gun|got a gun|hurt|hit|attacked|police)(?= )/;
/**
 * Round 38: a tree or a branch fallen across a pavement or a road in another language or in English ("un copac a căzut pe trotuar în
 * furtună, blochează drumul"), nobody named under it or hurt: the model alone read "fell" as a person's fall; asked at most.
 */
const TREE_DOWN = /(?<= )(?:(?:trees?|branch|branches|bough|copac(?:ul|i)?|arbore(?:le)?|creanga|craca|drzew[oa]|galaz|konar|arbol|arboles|rama|arvore|arvores|galho)(?: [a-z]+){0,3} (?:a cazut|au cazut|s a prabusit|fell|has fallen|have fallen|fallen|came down|has come down|come down|is down|are down|blown down|blew down|spadl[aoy]?|przewrocil[oay]? sie|runel[oa]?|se cayo|se han caido|cayo|cayeron|caiu|cairam|tombou)|(?:a cazut|au cazut|spadl[aoy]?|przewrocil[oay]? sie|se cayo|cayo|caiu|fallen|a fallen|big fallen) (?:un |o |una |uma |duze |the |a )?(?:copac|arbore|creanga|drzewo|galaz|konar|arbol|rama|arvore|galho|tree|branch))(?= )/;
const EVERY_TREE_DOWN = new RegExp(TREE_DOWN.source, 'g');
const PERSON_UNDER = /(?<= )(?:om|omul|oameni|femeie|femeia|barbat|copil|copilul|copii|cineva|persoana|batran[a]?|vecin[a]?|mama|tata|czlowiek|ktos|dziecko|dzieci|kobieta|mezczyzna|sasiad|sasiadka|osoba|alguien|alguem|(?<!(?:can|could|will|would|please|send|get|need|is|ask) )(?:someone|somebody|anyone|anybody)|people|drivers?|passengers?|cyclists?|pedestrians?|walkers?|kierowca|sofer(?:ul)?|conductor|motorista|inside|in it|dentro|inauntru|w srodku|trapped|prins|prinsa|uwieziony|atrapad[oa]|preso|presa|under it|underneath|injured|hurt|ranit|raniti|ranny|herido|ferido)(?= )/;
/**
 * Round 38 (CV): a neighbour's promise to "make my life hell" with a noise or a nuisance ("he'll 'make my life hell' with his karaoke
 * machine. He's kept his word. Loud every night"): a dispute, asked at most when nothing else of harm or fear is told.
 */
const LIFE_HELL = /(?<= )(?:make|makes|making|made) (?:my|our|your|his|her|their) li(?:fe|ves) (?:a )?(?:hell|living hell|a misery|miserable|a nightmare|difficult|unbearable)(?= )/;
const EVERY_LIFE_HELL = new RegExp(LIFE_HELL.source, 'g');
/**
 * Round 38 (CV): a vehicle blocking an entrance, a drive or a road, in another language or in English ("vecinul îmi blochează mereu
 * intrarea cu duba și râde de mine": the neighbour always blocks my entrance with his van and laughs at me): a parking dispute.
 */
const BLOCKING = /(?<= )(?:blocheaza|blocheaza mereu|bloqueia|bloquea|blokuje|zastawia|tarasuje|blocks|keeps blocking|blocking|blocked|parks? across|parked across|parking across)(?: [a-z]+){0,4} (?:intrarea|drumul|aleea|poarta|garajul|entrada|garagem|garaje|portao|porton|wjazd|podjazd|brame|garaz|wyjazd|drive|driveway|entrance|garage|gate|dropped kerb|access)(?= )/;
const VEHICLE = /(?<= )(?:duba|dubita|masina|masini|camion(?:ul)?|furgoneta|furgoneta|carrinha|carro|coche|auto|samochod(?:em)?|bus(?:em)?|van|car|cars|truck|lorry|pick up|camper|campervan)(?= )/;
/**
 * Round 38 (CV): water come through a ceiling from the flat above, told in another language with the leak stopped or a stain left
 * ("komşunun banyosundan su sızdı tavanımda leke var ama şu an akmıyor"): a repair, nothing of electrics, fire or a collapse told.
 */
const LEAK_ABROAD = /(?<= )(?:su (?:sizdi|siziyor|akti|akiyor|akmiyor|damliyor)|tavan(?:im|imda|dan|da)? (?:leke|islak|damliyor)|przeciek|przecieka|cieknie|zaciek|zalal|zalala|infiltratie|picura|curge apa|apa curge|pata de humedad|gotera|goteras|infiltracao|mancha de (?:humidade|agua)|vazamento|fuga de agua|fuga de agua)(?= )/;
const LEAK_DANGER = /(?<= )(?:elektri[a-z]*|electric[a-z]*|prad[a-z]*|curent[a-z]*|electricidad|eletricidade|gaz|gas|kivilcim|iskr[a-z]*|scantei|chispas|faiscas|yangin|pozar|incendiu|fuego|fogo|cokt[a-z]*|spadl[a-z]*|s a prabusit|derrumb[a-z]*|desab[a-z]*|collaps[a-z]*|sparks?|sparking|fire|smoke|baby|bebek|bebe|dziecko|copil)(?= )/;
/**
 * Round 39: no heating or hot water and someone asked to come and fix it, for an old or a cared-for person ("Sou cuidadora. A casa
 * da minha cliente não tem aquecimento nem água quente e ela tem 90 anos. Precisamos de alguém hoje.", the model 0.65): a repair,
 * asked at most (never nothing: cold can be a real risk to someone old), when nothing of harm, illness, a fall, neglect or a threat is told.
 */
const NO_HEATING = /(?<= )(?:no (?:heating|hot water|heat)|(?:heating|boiler|hot water)(?: [a-z]+){0,3} (?:broken|not working|packed up|gone|off|cut off|failed|stopped working|has gone|is off)|(?:nao|sem|ficou sem|esta sem|estao sem|nem) (?:tem |ha )?(?:aquecimento|agua quente|caldeira)|(?:sin|no (?:tiene|hay|tenemos)|ni) (?:calefaccion|agua caliente)|(?:nie ma|brak|bez) (?:ogrzewania|cieplej wody)|(?:nu (?:are|avem|au|este)|fara) (?:caldura|incalzire|apa calda|centrala))(?= )/;
const SERVICE_ASKED = /(?<= )(?:need (?:someone|somebody|an engineer|a plumber|it fixed|help)|needs? (?:someone|somebody|fixing|an engineer|repair)|send (?:someone|somebody|an engineer)|someone (?:out|round|to come)|can (?:someone|you) (?:come|fix|send)|today|tonight|urgent(?:ly)?|asap|repair|fix|fixed|precis[a-z]* de alguem|precis[a-z]*|mandem|enviem|hoje|reparar|arranjar|necesit[a-z]*|envien|hoy|arreglar|reparar|potrzebuj[a-z]*|dzisiaj|dzis|naprawi[a-z]*|avem nevoie|trimiteti|azi|astazi|reparat[a-z]*)(?= )/;
/** Round 54: someone keeping warm in a coat, blankets or bed ("she's sitting in her coat", "wrapped in blankets"). */
const KEEPING_WARM = /(?<= )(?:sitting|sat|sits|sleeping|wrapped|bundled|wearing|wears|living|staying) (?:up )?(?:in|under|with) (?:(?:her|his|their|my|our|a|the|two|three|extra|all (?:her|his|their|our)) )?(?:coats?|blankets?|duvets?|jumpers?|layers|hats?|dressing gowns?|bed|sleeping bags?)(?= )|(?<= )(?:keeping|keep) warm (?:in|with|under) (?:(?:her|his|their|my|our|a|the) )?(?:coats?|blankets?|duvets?|bed)(?= )/;
/** Gas, fumes, smoke or a heater used instead, beside it: never capped. */
const HEAT_DANGER = /(?<= )(?:smell[a-z]*|gas (?:leak|smell)|fumes|smoke|smoking|carbon monoxide|co alarm|alarm (?:is )?(?:going|sounding|beeping)|oven|cooker|hob|rings|bbq|barbecue|camping stove|calor|paraffin|burner|candles?|dizzy|headaches?|drowsy|vomit[a-z]*)(?= )/;
const COLD_HARM = /(?<= )(?:hypotherm[a-z]*|hipotermi[a-z]*|blue|shivering|shaking|confused|confusa|confuso|unwell|ill|poorly|sick|fallen|fell|fall|caiu|caida|caido|cayo|upadl[a-z]*|a cazut|not eating|not responding|unresponsive|nao responde|no responde|collapsed|desmai[a-z]*|doente|enferm[a-z]*|chor[a-z]*|crying|scared|afraid|alone for|left alone|neglect[a-z]*|abus[a-z]*|threat[a-z]*|cutting|cut off (?:his|her|their)|landlord|senhorio|dono|casero|wlasciciel|proprietar|hit[a-z]*|hurt[a-z]*|bruis[a-z]*|dying|die|dead|breath[a-z]*|respira[a-z]*|chest|pneumonia|oxygen|oxigenio|baby|bebe|newborn|recem nascido|no food|not eaten|hungry|thin|sem comida|fome|sin comida|hambre|bez jedzenia|jedzeni[a-z]*|chud[a-z]*|zdezorientowan[a-z]*|fara mancare|flamand[a-z]*)(?= )/;
/**
 * Round 40: distress idioms about a service ("she's at her wits end", "it's eating him up", "she's coping, and wants to know about the
 * single person discount", "sorry i'm out of breath i've just run up the stairs"): the model alone gave 0.73-0.99. Asked at most when
 * nothing else of risk is told; "not coping" and breathless without a run or the stairs are not idioms.
 */
const DISTRESS_IDIOM = /(?<= )(?:at (?:my|her|his|their|our|your) wits ?s? end|(?:eating|eats|eat) (?:him|her|me|them|us) (?:up|alive)|(?<!(?:not|isnt|is not|barely|hardly|struggling|struggle|cant|cannot|can not|no longer|stopped) )(?<!(?:if|whether) [a-z]+ )(?:is|am|are|s) coping(?: (?:well|ok|okay|fine|alright|all right))?(?! (?:i am not|i m not|im not|not|no|not really))|breaking (?:my|her|his|our) backs? (?:lifting|carrying|moving|pushing|hoisting|getting) (?:him|her|them|me)|out of breath(?: [a-z]+){0,5} (?:run|ran|running|climb[a-z]*|walk[a-z]*|rush[a-z]*) (?:up|all the way up|up all) (?:the |those |four |three |five |[0-9]+ )?(?:stairs|steps|flights|hill))(?= )/;
const EVERY_DISTRESS_IDIOM = new RegExp(DISTRESS_IDIOM.source, 'g');
/**
 * Round 40: the same idiom in Urdu script, a tax, a bill, the rent or a fine that "has broken my back" ("کونسل ٹیکس نے میری کمر توڑ دی
 * ہے", the model alone 0.77 on words it cannot read): asked at most, when no script family screens it.
 */
/**
 * Round 44: a body part "killing me" in Polish ("plecy mnie zabijają", my back is killing me, to a GP), and drowning beside universal
 * credit, a loan, the rent or wages in Urdu ("میرا یونیورسل کریڈٹ بند ہو گیا ہے، میں ڈوب رہا ہوں"): idioms of pain and of money, asked at
 * most when the screen found nothing; a person killing, a threat or a knife told is not this.
 */
const FOREIGN_PAIN_OR_MONEY_IDIOM = /(?<= )(?:plecy|kregoslup|kolano|kolana|glowa|zeby|zab|nogi|stopy|biodro|biodra|szyja|kark|migrena|bol|rachunki|czynsz|dlugi|raty)(?: [a-z]+){0,1} (?:mnie |mie )?(?:zabija|zabijaja|wykancza|wykanczaja)(?= )/;
const FOREIGN_IDIOM_HARM = /(?<= )(?:on|ona|maz|partner|chlopak|ojciec|tata|ojczym|brat|syn|noz|nozem|grozi|pobil|bije|bil)(?= )/;
const SCRIPT_MONEY_DROWNING = /(?:کریڈٹ|قرض|قرضہ|کرایہ|کرائے|پیسے|پیسوں|بینیفٹ|تنخواہ|پنشن|ادھار|بلوں)[^]{0,60}?ڈوب (?:رہا|رہی|گیا|گئی)|ڈوب (?:رہا|رہی|گیا|گئی)[^]{0,60}?(?:کریڈٹ|قرض|قرضہ|کرایہ|کرائے|پیسے|پیسوں|بینیفٹ|تنخواہ|پنشن|ادھار|بلوں)/u;
const SCRIPT_SERVICE_IDIOM = /(?:ٹیکس|بل|بلوں|کرایہ|کرائے|قرض|قرضہ|جرمانہ|مہنگائی)[^۔.!?؟]{0,20}?(?:کمر توڑ|کمر ٹوٹ)/u;
/**
 * Round 41: paying for care ("if my dad has to go into a care home, will they make him sell his house?", "how much will dad pay
 * towards a care home, he has 30k in savings"), the model alone 0.72-0.84: a funding question, asked at most when nothing of harm is told.
 */
/** Round 53: not able to live alone any more, told as the need for care; "not safe to live alone" stays a harm word. */
const CANNOT_LIVE_ALONE = /(?<= )(?:cannot|can not|can no longer|could not|is not able to|not able to|unable to|is unable to|no longer able to|is no longer able to) (?:live|manage|cope) (?:alone|on (?:her|his|their|my) own|by (?:herself|himself|themselves|myself))(?: any more| anymore| now)?(?= )/g;
const CARE_FUNDING = /(?<= )(?:care homes?|nursing homes?|residential (?:care|homes?)|(?:home|social|residential) care|care fees|care costs)(?: [a-z0-9]+){0,12} (?:sell|sells|selling|sold|pay|pays|paying|paid|afford|savings|fees|charges?|means test(?:ed)?|deferred payment|contribute|contribution|fund|funding|funded|cost|costs)(?= )|(?<= )(?:sell|selling|pay|paying|afford|savings|fees|funding)(?: [a-z0-9]+){0,12} (?:care homes?|nursing homes?|residential care|care fees)(?= )/;
/**
 * Round 41: a hazard the writer has already made safe ("window restrictor ... has snapped and the window swings wide open, I've locked the
 * room", "parents have taped it off"), the model alone 0.76-0.84: a repair, asked at most when nobody is told hurt, falling or on it,
 * and nothing burning, smoking, sparking or leaking ("smoke and a burning smell, I've shut the door on it" is a fire, never capped).
 */
const HAZARD_SECURED = /(?<= )(?:i have|we have|i|we|parents have|someone has|they have|staff have|i have already|we have already) (?:locked|taped|blocked|fenced|cordoned|roped)(?: (?:off|up))? (?:the (?:room|area|window|gate|swing|play area)|it off|that room)(?= )|(?<= )(?:baby|babys|baby is|the baby is|the baby s|toddler is|toddlers|the kids are|kids are|the children are|children are|little one is|little ones|she is|he is|they are)(?: sleeping| staying| moved| now| been moved)? (?:in with us|in our (?:room|bed)|in with me|in my (?:room|bed)|out of (?:the|that) room|(?:in|into) (?:our|my) room)(?: [a-z]+){0,5} (?:we|i) have (?:shut|closed|locked) (?:the|that) (?:door|room)(?= )/;
/**
 * Round 54: a thing hanging off or loose ("the window in the baby's room has come off its hinges and is hanging"): no person hanging.
 * No person word is passed over between the thing and "hanging" ("the window is open and my toddler is hanging out of it" still hits).
 */
const EVERY_THING_HANGING = /(?<= )(?:window|windows|door|doors|gate|cupboard|cupboard door|shelf|shelves|gutter|guttering|blind|blinds|curtain rail|pole|frame|sign|panel|fence|light fitting|ceiling|plaster|cable|cables|wire|wires|hinge|hinges)(?: (?!(?:he|she|they|toddler|baby|child|kid|son|daughter|boy|girl|someone|somebody|man|woman|person|people|kids|children)(?= ))[a-z]+){0,8} (?:is |s |are |left |now )?hanging(?: (?:off|loose|down|open|by [a-z]+))?(?= )/g;
const HAZARD_HARM = /(?<= )(?:smoke|smoking|smell[a-z]*|burn[a-z]*|fire|flames?|sparks?|sparking|gas|bang|explo[a-z]*|electric[a-z]*|wires?|water|flood[a-z]*|leak[a-z]*|fell|fallen|falling|fall out|hurt|injur[a-z]*|bleeding|hanging|climbing|on the ledge|out of the window|trapped|stuck|missing|cannot get|can not get|inside|in there|locked in|unconscious|not moving|ambulance|999)(?= )/;
/**
 * Round 41: a landlord putting the writer out, in Turkish ("ev sahibi beni evden çıkarıyor, ne yapmalıyım"), the model alone 0.91:
 * a housing question, asked at most when no threat, blow, weapon or lock-out tonight is told.
 */
const TR_EVICTION = /(?<= )ev sahibi(?: [a-z]+){0,4} (?:cikar[a-z]*|atiyor|atacak|atmak|tahliye[a-z]*)(?= )/;
const TR_HARM = /(?<= )(?:tehdit[a-z]*|vur[a-z]*|dov[a-z]*|bicak[a-z]*|silah[a-z]*|dayak|saldir[a-z]*|kilitle[a-z]*|sokakta|bu gece|cocuk[a-z]*|bebek[a-z]*|korku[a-z]*|korkuyor[a-z]*)(?= )/;
/** Nothing of risk left once every such phrase is taken out of the message, and no present danger told anywhere in it. */
function nothingBesides(n: string, everyPhrase: RegExp): boolean {
  return riskCues(n.replace(everyPhrase, ' ')).size === 0 && !EXPLICIT_PRESENT.test(n);
}
/**
 * Engineer's probe after round 41: a thing, not a person, fallen or thrown from a window or a balcony ("my son's toy fell out of the
 * 2nd floor window into the bushes", the model alone 0.82): asked at most when nothing else of risk is told.
 */
const THING_OUT_OF_WINDOW = /(?<= )(?:toys?|teddy|ball|football|phone|keys|bag|shoes?|hat|washing|towel|clothes|pegs?|plant pot|pot|plant|bottle|cup|frisbee|kite|drone|book|glasses|remote|pillow|cushion|duvet|sheet|blind|curtain)(?: [a-z]+){0,2} (?:fell|fallen|has fallen|dropped|has dropped|blew|blown|flew|went|thrown|chucked|got thrown|got knocked|knocked) (?:out of|out|from|off) (?:the |a |our |my |his |her |their )?(?:[a-z0-9]+ (?:floor )?)?(?:window|balcony)(?= )/;
const EVERY_THING_OUT_OF_WINDOW = new RegExp(THING_OUT_OF_WINDOW.source, 'g');
/**
 * Round 47: an idiom about a dead person ("her husband would turn in his grave if she let his garden go", "dad would be spinning in his
 * grave"): the dead are not in danger; asked at most when nothing else of risk is told.
 */
const GRAVE_IDIOM = /(?<= )(?:would|will|must|is|be|have|be having|is having|would be|will be) (?:turn|turning|spin|spinning|roll|rolling|turned|spun|rolled)(?: over)? in (?:his|her|their|my|the) (?:grave|graves|coffin)(?= )/;
const EVERY_GRAVE_IDIOM = new RegExp(GRAVE_IDIOM.source, 'g');
/**
 * Round 73: "alive and kicking" of the writer or someone ("Morning! Still alive and kicking at 82", the model alone 0.61): well, not
 * hurt; asked at most when nothing else of risk is told. A young child's outburst relayed for a course or support ("he told his
 * teacher he'd kill her over a pencil. He's 7", YOUNG_CHILD_OUTBURST, the model alone 0.62): asked at most.
 */
const ALIVE_AND_KICKING = /(?<= )(?:(?:still|am|is|are|s|i am|we are|he is|she is|they are) )?alive and kicking(?= )/;
const EVERY_ALIVE_AND_KICKING = new RegExp(ALIVE_AND_KICKING.source, 'g');
const YOUNG_CHILD_OUTBURST_RE = new RegExp(YOUNG_CHILD_OUTBURST);
/**
 * Round 42: a hand, a finger or a leg cut or hurt on a broken thing ("her back gate's broken and the hinge keeps cutting her hand", the
 * model alone 0.63-0.90): an injury from a thing, a repair, asked at most when no person hits and nothing else of risk is told.
 */
const HURT_BY_A_THING = /(?<= )(?:(?:hinges?|lids?|gates?|doors?|latch(?:es)?|handles?|glass|edges?|bits?|nails?|screws?|spikes?|metal|fence|fencing|railings?|steps?|panels?|wires?|springs?|catch|bolt|frame|shelf|drawer)(?: [a-z]+){0,2} (?:keeps |kept |is |has |have |always )?(?:cutting|cut|hurting|hurt|catching|trapping|trapped|scratching|scratched|grazing|grazed|pinching|pinched|nipping|nipped|slicing) (?:her|his|their|my|our|the) (?:hands?|fingers?|thumbs?|arms?|wrists?|legs?|knees?|shins?|ankles?|feet|foot|toes?)|(?:cutting|cut|hurting|hurt|catching|caught|trapping|trapped|scratching|grazing|grazed|pinching|slicing) (?:her|his|their|my|our) (?:hands?|fingers?|thumbs?|arms?|wrists?|legs?|knees?|shins?|ankles?|feet|foot|toes?) (?:on|in|against) (?:the|a|an|that|its|this) (?:[a-z]+ ){0,2}(?:hinges?|lids?|gates?|doors?|latch(?:es)?|handles?|glass|edges?|bits?|nails?|screws?|spikes?|metal|fence|railings?|steps?|panels?|wires?|springs?|catch|bolt|frame|shelf|drawer))(?= )/;
const EVERY_HURT_BY_A_THING = new RegExp(HURT_BY_A_THING.source, 'g');
/**
 * Engineer's probe after round 43: a blade named only to say how sharp a thing is ("the gate latch is razor sharp like a knife, someone
 * will cut their hand", the model alone 0.75): a repair, asked at most when nothing else of risk is told.
 */
/**
 * Engineer's probe after round 50: a choking, suffocation or strangulation hazard or risk of a thing ("is this toy a choking hazard for a
 * toddler", the model alone 0.91 after round 50): a question about a product or a place, asked at most when nothing else of risk is told
 * ("my baby is choking on a grape and going blue" is no hazard and is screened).
 */
const CHOKING_HAZARD = /(?<= )(?:choking|suffocation|strangulation|strangling|ligature|drowning|trip|tripping|fire|electrocution) (?:hazards?|risks?)(?= )/;
const EVERY_CHOKING_HAZARD = new RegExp(CHOKING_HAZARD.source, 'g');
/** A hazard already happening to someone: a neck, a throat or a mouth, breath, colour, something swallowed or stuck, or now. */
const HAZARD_HAPPENING = /(?<= )(?:neck|throat|airway|mouth|now|blue|grey|gray|breath[a-z]*|swallowed|stuck|choking on|caught (?:round|around|in))(?= )/;
/**
 * Engineer's probe after round 52: a bruise, a lump or a swelling from a vaccination, a jab or a blood test, asked about ("bruise on my
 * baby's leg from the vaccination, is that normal", the model alone 0.72 after round 52's bruised babies): a health question, asked at
 * most when nothing else of risk is told.
 */
const MEDICAL_BRUISE = /(?<= )(?:bruis[a-z]*|lump|swelling|swollen|red mark|redness|sore (?:spot|patch|arm|leg))(?: [a-z]+){0,5} (?:from|after) (?:the |her |his |their |its |a |my )?(?:vaccinations?|vaccines?|jabs?|injections?|immunisations?|immunizations?|heel prick|blood tests?|cannula)(?= )/;
const EVERY_MEDICAL_BRUISE = new RegExp(MEDICAL_BRUISE.source, 'g');
/**
 * Engineer's probe after round 52: a rope named for its use ("a rope in the boot for towing, can i park at the country park", the model
 * alone 0.71 after round 52 learnt a rope in a car boot as a means): asked at most when nothing else of risk is told.
 */
const ROPE_FOR_USE_RE = new RegExp(`(?<= )${ROPE_FOR_USE}(?= )`);
const EVERY_ROPE_FOR_USE = new RegExp(ROPE_FOR_USE_RE.source, 'g');
/** A rope beside a tree, a beam, a neck or hanging: the use named does not make it safe. */
const ROPE_AS_MEANS = /(?<= )(?:tree|trees|beam|neck|hang[a-z]*|noose|woods|bridge|end it|die|dead)(?= )/;
const BLADE_SIMILE = /(?<= )(?:(?:razor|knife|blade) ?sharp(?: (?:as|like) (?:a |an )?(?:knife|razor|razor blade|blade))?|sharp (?:as|like) (?:a |an )?(?:knife|razor|razor blade|blade)|(?:cuts?|cutting|sharp) like (?:a |an )?(?:knife|razor|razor blade|blade))(?= )/;
const EVERY_BLADE_SIMILE = new RegExp(BLADE_SIMILE.source, 'g');
/**
 * Engineer's probe after round 46: sparks from a socket, a plug or a switch when it is used ("sparks from the socket when I plug the
 * kettle in, who do I report it to"), nothing burning, smoking, hot or smelling and nobody hurt: unsafe electrics, an emergency repair
 * by the labelling convention; asked at most (the question still reaches anyone in danger), even when the electrical-fire screen reads it.
 */
const SOCKET_SPARKS = /(?<= )(?:(?:sparks?|sparking|sparked|sparky)(?: [a-z]+){0,4} (?:out of |from |in |at |behind )?(?:the |a |my |our |that )?(?:plug sockets?|sockets?|plugs?|light switch(?:es)?|switch(?:es)?)|(?:plug sockets?|sockets?|plugs?|light switch(?:es)?|switch(?:es)?)(?: [a-z]+){0,3} (?:sparks?|sparking|sparked|gives? (?:off )?(?:a )?sparks?))(?= )/;
const SPARKS_ON_USE = /(?<= )(?:when|whenever|every time|each time|if|as soon as) (?:i|we|you|she|he|they|someone|anyone|the kids|my [a-z]+) (?:plug|plugs|plugged|switch|switches|switched|turn|turns|turned|flick|flicks|flicked|put|puts|use|uses|used|touch|touches|touched|pull|pulls|pulled)(?= )/;
const SPARKS_WORSE = /(?<= )(?:smoke|smoking|smoulder[a-z]*|burning|burnt|burned|burns?|flames?|fire|alight|melt[a-z]*|scorch[a-z]*|hot|smell[a-z]*|black|blackened|bang|crackling|hurt|injured|shock(?:ed)?|electrocut[a-z]*|unconscious|collapsed|not breathing|still sparking|will not stop|wont stop|cannot turn it off)(?= )/;
export function askAtMost(text: string, screened = false): string | null {
  const n = normaliseForSafety(text);
  if (careSelfInjury(n)) return 'self-injury by a disabled or autistic person when upset, support asked';
  // Round 75: a disabled or neurodivergent child lashing out at a brother or a sister when overwhelmed, never badly hurt, support
  // asked; danger denied beside contact arrangements or advice asked; a barrier or railings damaged long ago (see round75AskAtMost).
  const r75 = screened ? null : round75AskAtMost(n);
  if (r75) return r75;
  if (BETTER_OFF_AT_WORK.test(n) && !BETTER_OFF_WITHOUT_ME.test(n) && !DYING_WORDS.test(n)) return 'better off without me, of a workplace, a team or a game';
  if (!screened && ALARM_CHIRP.test(n) && BATTERY_WORDS.test(n) && !NOT_THE_BATTERY.test(n) && !UNWELL.test(n) && !FELT_NOW.test(n) && !PRESENT_FIRE.test(n) && !/(?<= )(?:smell[a-z]*|smoke(?! (?:alarms?|detectors?))|flames?|burning|fire(?! (?:alarms?|detectors?))|gas|carbon monoxide|co)(?= )/.test(n)) return 'an alarm chirping for its battery';
  // Engineer's probe after round 62: an alarm at fault or set off by its test button, nothing felt, smelt or burning, when the model
  // alone is sure ("pressed the test button on the smoke alarm and now it won't stop beeping"); round 29 read it on a screen hit only.
  if (!screened && alarmAtFault(n)) return 'the alarm itself at fault, or set off by its test button';
  if (ADOPT_FOSTER.test(n) && !HARM_WORDS.test(n) && !EXPLICIT_PRESENT.test(n)) return 'a question about adopting or fostering';
  if (!screened && FIRE_TAKEN_BACK.test(n) && !UNWELL.test(n) && !FELT_NOW.test(n)) return 'a fire or smoke taken back: steam, dust or mist';
  if (NO_HOME_TONIGHT.test(n) && DANGER_DENIED.test(n) && !FEARED.test(n) && !EXPLICIT_PRESENT.test(n)) return 'nowhere to sleep, danger denied';
  if (SOCKET_SPARKS.test(n) && SPARKS_ON_USE.test(n) && !SPARKS_WORSE.test(n) && !EXPLICIT_PRESENT.test(n)) return 'sparks from a socket or a switch when it is used, nothing burning: a repair';
  if (THING_DOWN.test(n) && !PERSON_NAMED_ABROAD.test(n) && nothingBesides(n, EVERY_THING_DOWN)) return 'a website, a system or a line down, no person';
  if (STRUCTURE_LOOSE.test(n) && NOBODY_BENEATH.test(n) && !EXPLICIT_PRESENT.test(n)) return 'a dangerous structure with nobody beneath it';
  if (!screened && careNeedHarmDenied(n)) return 'a care need, harm denied';
  if (!screened && selfNeglectReassured(n)) return 'some self-neglect told with him or her safe';
  if (!screened && HANGOUT.test(n) && !HANGOUT_HARM.test(n) && !EXPLICIT_PRESENT.test(n)) return 'a hangout for young people, a nuisance';
  if (!screened && GRAFFITI_WORD.test(n) && GRAFFITI_GONE.test(n) && !GRAFFITI_AIMED.test(n)) return 'a threat word as graffiti, asked to be removed';
  if (!screened && ENDING_A_RELATIONSHIP.test(n) && nothingBesides(n, EVERY_ENDING_A_RELATIONSHIP)) return 'ending a relationship, not a life';
  if (!screened && THING_HITTING.test(n) && !PERSON_HITTING.test(n) && !EXPLICIT_PRESENT.test(n.replace(EVERY_THING_HITTING, ' '))) return 'a thing, not a person, hitting';
  if (!screened && LIFE_HELL.test(n) && nothingBesides(n, EVERY_LIFE_HELL) && !SIGN_FEARED.test(n)) return 'a promise to make life hell, a nuisance';
  if (!screened && BLOCKING.test(n) && VEHICLE.test(n) && riskCues(n).size === 0 && !SIGN_FEARED.test(n) && !EXPLICIT_PRESENT.test(n)) return 'a vehicle blocking the way, a parking dispute';
  if (!screened && LEAK_ABROAD.test(n) && !LEAK_DANGER.test(n) && riskCues(n).size === 0 && !EXPLICIT_PRESENT.test(n)) return 'a leak from above (not in English), nothing dangerous told';
  if (!screened && NO_HEATING.test(n) && SERVICE_ASKED.test(n) && !COLD_HARM.test(n) && !EXPLICIT_PRESENT.test(n)) return 'heating or hot water asked for, nothing of harm told';
  // Round 54: the heating gone and someone keeping warm ("my mum's 92 and the boiler's packed in ... she's sitting in her coat", the model
  // alone 0.73 as fire or gas): a repair told by how the cold is borne, asked at most when nothing of harm, gas, smoke or fumes is told.
  if (!screened && NO_HEATING.test(n) && KEEPING_WARM.test(n) && !COLD_HARM.test(n) && !HEAT_DANGER.test(n) && !EXPLICIT_PRESENT.test(n)) return 'no heating, someone keeping warm, nothing of harm told';
  if (!screened && SIGN_THREAT.test(n) && !SIGN_FEARED.test(n) && !EXPLICIT_PRESENT.test(n)) return 'a threat on a sign, nobody afraid or hurt';
  if (!screened && SCRIPT_SERVICE_IDIOM.test(text)) return 'a tax or a bill that has broken my back (Urdu), nothing screened';
  if (!screened && FOREIGN_PAIN_OR_MONEY_IDIOM.test(n) && !FOREIGN_IDIOM_HARM.test(n)) return 'a back or a head "killing me" (Polish), pain told, nothing screened';
  if (!screened && SCRIPT_MONEY_DROWNING.test(text)) return 'drowning beside money (Urdu), nothing screened';
  if (!screened && MEDICINES_KEPT_FOR_LATER.test(n) && !MEDICINES_PLAN.test(n) && !EXPLICIT_PRESENT.test(n)) return 'medicines kept for later or to hand back, no plan told';
  if (!screened && DISTRESS_IDIOM.test(n) && nothingBesides(n, EVERY_DISTRESS_IDIOM) && !PERSON_HITTING.test(n) && !SIGN_FEARED.test(n)) return 'a distress idiom about a service, nothing of risk told';
  // Round 53: the need for the care told as not being able to live alone any more ("is care home paid by council ... she cannot live
  // alone after the falls", the model alone 0.76) is the reason for the question, not a harm.
  if (!screened && CARE_FUNDING.test(n) && !HARM_WORDS.test(n.replace(CANNOT_LIVE_ALONE, ' ')) && !EXPLICIT_PRESENT.test(n)) return 'a question about paying for care, nothing of harm told';
  if (!screened && HAZARD_SECURED.test(n) && !HAZARD_HARM.test(n.replace(EVERY_THING_HANGING, ' ')) && !EXPLICIT_PRESENT.test(n)) return 'a hazard the writer has made safe, nobody hurt';
  if (!screened && TR_EVICTION.test(n) && !TR_HARM.test(n) && !EXPLICIT_PRESENT.test(n)) return 'an eviction told in Turkish, nothing of harm told';
  if (!screened && THING_OUT_OF_WINDOW.test(n) && nothingBesides(n, EVERY_THING_OUT_OF_WINDOW)) return 'a thing, not a person, fallen from a window';
  if (!screened && GRAVE_IDIOM.test(n) && nothingBesides(n, EVERY_GRAVE_IDIOM)) return 'an idiom about a dead person, turning in the grave';
  if (!screened && ALIVE_AND_KICKING.test(n) && nothingBesides(n, EVERY_ALIVE_AND_KICKING)) return 'alive and kicking, an idiom of being well';
  if (!screened && YOUNG_CHILD_OUTBURST_RE.test(n) && !EXPLICIT_PRESENT.test(n)) return "a young child's outburst relayed for a course or support";
  // Round 42: put out with nowhere to go tonight, the cold told, nothing of harm or of anyone at risk ("his landlord threw him out today
  // and he's got nowhere tonight. It's freezing", the model alone 0.92-0.94): a housing emergency, asked at most however sure the model.
  if (!screened && nowhereTonightOnly(n) && !PUT_OUT_FEARED.test(n) && !EXPLICIT_PRESENT.test(n)) return 'put out with nowhere tonight, nothing of harm told';
  if (!screened && HURT_BY_A_THING.test(n) && !PERSON_HITTING.test(n) && !EXPLICIT_PRESENT.test(n) && [...riskCues(n.replace(EVERY_HURT_BY_A_THING, ' '))].every((t) => t === 'adult_strong' || t === 'child_strong')) return 'a hand or a leg hurt on a broken thing';
  if (!screened && BLADE_SIMILE.test(n) && nothingBesides(n, EVERY_BLADE_SIMILE)) return 'a blade named only for how sharp a thing is';
  if (!screened && ROPE_FOR_USE_RE.test(n) && nothingBesides(n, EVERY_ROPE_FOR_USE) && !ROPE_AS_MEANS.test(n)) return 'a rope named for its use';
  if (!screened && MEDICAL_BRUISE.test(n) && nothingBesides(n, EVERY_MEDICAL_BRUISE) && !HARM_WORDS.test(n.replace(EVERY_MEDICAL_BRUISE, ' '))) return 'a bruise from a vaccination or a test, asked about';
  if (!screened && CHOKING_HAZARD.test(n) && !HAZARD_HAPPENING.test(n) && nothingBesides(n, EVERY_CHOKING_HAZARD)) return 'a hazard of a thing asked about, nobody hurt';
  if (!screened && TREE_DOWN.test(n) && !PERSON_UNDER.test(n) && !PERSON_NAMED_ABROAD.test(n) && nothingBesides(n, EVERY_TREE_DOWN)) return 'a tree down, nobody under it';
  // Round 63: the model alone (0.83-1.00) on nuisances of a block told with nobody harmed: a break "before I collapse"; a threat to
  // batter or smash a thing (the lift, the doors) from someone who "hasn't touched anyone"; someone sleeping in the lift or the
  // stairwell who "doesn't bother anyone"; weed smoked on the landing drifting in. Asked at most, when nothing else of risk is told.
  if (!screened && BREAK_COLLAPSE.test(n) && nothingBesides(n, EVERY_BREAK_COLLAPSE)) return 'a break before I collapse, a figure of tiredness';
  if (!screened && THREAT_AT_THING.test(n) && NOBODY_TOUCHED.test(n) && !PERSON_HITTING.test(n) && !NUISANCE_HARM.test(n) && !EXPLICIT_PRESENT.test(n)) return 'a threat at a thing, nobody touched';
  if (!screened && SLEEPS_IN_BLOCK.test(n) && NOBODY_BOTHERED.test(n) && !ROUGH_HARM.test(n) && !NUISANCE_HARM.test(n) && !EXPLICIT_PRESENT.test(n)) return 'someone sleeping in the block, bothering nobody';
  if (!screened && WEED_SMOKED.test(n) && !NUISANCE_HARM.test(n) && !HARM_WORDS.test(n) && !PRESENT_FIRE.test(n) && !EXPLICIT_PRESENT.test(n)) return 'weed smoked nearby, a nuisance';
  // Round 64: the model alone (0.6-0.98) on a carer's or a parent's question with the risk told as settled, imagined, a child's game, a
  // figure, the carer's own death planned for, or denied (carerRiskSettled): asked at most.
  if (!screened) {
    const settled = carerRiskSettled(n);
    if (settled) return settled;
  }
  // Round 71: the model alone on a fall told as past beside an adaptation asked for ("want to ask about a through floor lift. last time
  // he tried the stairs he went down like a sack of spuds", 0.62), and on electrics sparking from a leak already switched off at the
  // mains ("water is pouring through the kitchen ceiling ... the electric is sparking near the meter we have switched it off at the
  // mains", 0.60): an adaptation and a repair, asked at most when nothing of harm, fire or anyone hurt or down now is told.
  if (!screened && ADAPTATION_ASKED.test(n) && FALL_TOLD_PAST.test(n) && !FALL_NOW.test(n) && !HARM_WORDS.test(n) && !EXPLICIT_PRESENT.test(n)) return 'a past fall beside an adaptation asked for';
  if (!screened && LEAK_SPARKS.test(n) && MAINS_OFF.test(n) && !SPARKS_STILL.test(n) && !EXPLICIT_PRESENT.test(n)) return 'electrics sparking from a leak, switched off at the mains';
  // Round 72: the model alone on BB guns or air guns fired at birds or things, the shooters gone ("someones been shooting bb guns at the
  // pigeons and cars in the car park ... happened again tonight, theyve gone now", 0.94): anti-social behaviour, asked at most when no
  // person is shot at or hurt and nobody is still there.
  if (!screened && AIRGUN_AT_THINGS.test(n) && SHOOTERS_GONE.test(n) && !AIRGUN_HARM.test(n) && !EXPLICIT_PRESENT.test(n)) return 'air guns fired at birds or things, the shooters gone';
  if (!screened && FUTURE_PUT_OUT.test(n) && RIGHTS_QUESTION.test(n)) {
    const rest = n.replace(EVERY_FUTURE_PUT_OUT, ' ');
    if (!MORE_THAN_LEFT.test(rest) && !EXPLICIT_PRESENT.test(rest)) return 'a home to be lost later, rights asked';
  }
  return null;
}
/**
 * Round 64 (dev-105, carers): what a carer's or a parent's question tells of risk, when it is told as settled or unreal. A behaviour that
 * stopped when the medication changed, or "doing well on" it, or not for years ("used to hear voices ... hasn't for 3 years"); a belief of
 * the person cared for, or a child's tale, denied in the same breath ("dad thinks the carers are stealing his pens. they arent", "tells
 * everyone I locked her in the cupboard - it was a game"); the carer's own death planned for ("for when im not around ... when i die not
 * now im just planning", "I'm 71, I won't be able to look after her forever"); a care package "like being in prison"; stairs flagged as a
 * fall risk; "not worried"; a fire last year with the pan taken away; a message the bot answered with a safeguarding message ("I typed
 * 'my son keeps escaping' ... got a safeguarding message"); an Italian, Spanish, French or Portuguese "will kill me if" over a chore.
 * Each needs a care or service question and nothing of present danger, despair or harm besides.
 */
const CARE_ASKED = /(?<= )(?:supported living|supported employment|shared lives|care package|carers?|social care|social worker|review|respite|clubs?|courses?|ot|occupational therapist|stairlift|stair lift|tell (?:social care|you|the council)|do we need to|can (?:we|i|he|she) get|is there|are there|does the council|who is covering|advice|prescribe|meals|delivered|technology|register|rings? you|complain|bit much|live on (?:his|her|their) own|quando|cuando|quand|quel jour|when is|what day)(?= )/;
const MEDS_SETTLED = /(?<= )(?:(?:changed|adjusted|upped|reduced|started|switched) (?:his|her|their|the) (?:meds|medication|tablets|dose)(?: [a-z]+){0,6} (?:it|that|this|he|she|they) (?:has |have )?(?:stopped|settled|calmed down|been fine)|doing (?:really |very |so )?well on (?:his|her|their) [a-z]+|used to (?:[a-z]+ ){1,8}(?:but )?(?:has not|have not|had not|not) (?:for|in) (?:[0-9]+|two|three|four|five|six|several|many) (?:years|months))(?= )/;
// Round 68: the writer's own contradiction ("she says she's fine but she isn't") is no denial.
const BELIEF_DENIED = /(?<= )(?:thinks|think|convinced|believes|insists|keeps saying|says|reckons|tells everyone|tells people)(?: [a-z0-9]+){1,20} (?:they are not|they were not|it is not|it was not|(?<!(?:fine|ok|okay|alright|all right|coping|managing) but )(?:she|he) is not|staff have (?:it|this|that) under control|it was a game|we explained)(?= )/;
const OWN_DEATH_PLANNED = /(?<= )(?:(?:for|after) when i am (?:not around|gone|no longer (?:here|around))|when i die not now|i am just planning|(?:i|we) (?:will not|cannot|can not) (?:be able to )?(?:look after|care for) (?:her|him|them) forever)(?= )/;
const CARE_FIGURE = /(?<= )(?:(?:is |feels |it is )?like (?:being in )?(?:a )?(?:prison|jail)|flagged (?:the )?(?:[a-z]+ ){0,3}as a fall(?:s)? risk|not worried|(?:taken|took|removed|got rid of) (?:the |his |her )?(?:chip pan|pan|deep fat fryer|candles|heater)(?: away)?|i (?:typed|wrote|said|put)(?: [a-z0-9]+){1,12} (?:and )?got (?:a |the )?(?:safeguarding|999|emergency|crisis|danger) (?:message|question|warning)|mi (?:ammazza|ammazzano|uccide|uccidono) se|me (?:mata|matan) si|va me tuer si|(?:vai|vao) me matar se)(?= )/;
const CARE_RISK_NOW = /(?<= )(?:now (?:he|she|they) (?:is|are) (?:hitting|hurting)|again|still (?:hitting|hurting|happening|doing it)|tonight|right now|kill myself|suicid[a-z]*|end it|end my life|want to die|cannot go on|can not go on|no point|pills|overdos[a-z]*|bleeding|blood|bruis[a-z]*|injur[a-z]*|unconscious|not breathing|missing|scared of (?:him|her|them)|afraid of (?:him|her|them)|frightened of (?:him|her|them)|police|knife|weapon|fallen|fell|on the floor)(?= )/;
function carerRiskSettled(n: string): string | null {
  if (!CARE_ASKED.test(n) || CARE_RISK_NOW.test(n) || EXPLICIT_PRESENT.test(n)) return null;
  if (MEDS_SETTLED.test(n)) return 'a behaviour settled by treatment, in a care question';
  if (BELIEF_DENIED.test(n)) return 'a belief or a tale denied, in a care question';
  if (OWN_DEATH_PLANNED.test(n)) return "the carer's own death planned for, in a care question";
  if (CARE_FIGURE.test(n)) return 'a figure, a flagged risk or a past fire in a care question';
  return null;
}
/** Round 71: an adaptation asked for beside a past fall; a leak sparking the electrics, switched off at the mains (askAtMost). */
const ADAPTATION_ASKED = /(?<= )(?:(?:through (?:the )?floor|stair|stairs|step|vertical|home) lifts?|stairlifts?|hoists?|ceiling track|grab rails?|hand ?rails?|banister rails?|ramps?|wet room|walk in shower|level access|adaptations?|downstairs (?:bedroom|bathroom|toilet)|disabled facilities grant|dfg|occupational therap(?:y|ist)|ot assessment)(?= )/;
const FALL_TOLD_PAST = /(?<= )(?:last time|the other (?:day|week)|(?:last|this) (?:week|month|year)|(?:a|two|three|few|couple of) (?:days|weeks|months) ago|yesterday|once|when (?:he|she|i|they) (?:tried|went|was|were))(?: [a-z]+){0,8} (?:went down|fell|fallen|took a tumble|had a fall|tumbled|slipped|toppled|went flying|came down)(?= )/;
const FALL_NOW = /(?<= )(?:(?:is|s|still|now) (?:on the floor|on the stairs|stuck)|(?:cannot|can not|could not|will not) (?:get (?:him|her|them|me) )?(?:get )?up|not moving|not breathing|unconscious|bleeding|blood|hit (?:his|her|my) head|broken|broke|ambulance|999|right now)(?= )/;
const LEAK_SPARKS = /(?<= )(?:water|leak|leaking|pouring|dripping|flood[a-z]*|ceiling)(?: [a-z]+){0,12} (?:electric[a-z]*|sockets?|lights?|meter|fuse ?box|consumer unit|wiring)(?: [a-z]+){0,4} (?:is |are |was |were )?(?:sparking|sparked|sparks|shorting|tripp(?:ed|ing))(?= )/;
const MAINS_OFF = /(?<= )(?:switched|turned|shut|cut|knocked|flicked) (?:it |them |everything |the (?:electrics?|power|electricity|supply) )?off at the (?:mains|fuse ?box|consumer unit|meter)|(?:electrics?|power|electricity|mains|supply) (?:is |are |has been |have been )?(?:now )?(?:off|isolated)(?= )/;
const SPARKS_STILL = /(?<= )(?:fire|flames?|smoke|smoking|burning|on fire|caught fire|shock|shocked|electrocuted|unconscious|not breathing|collapsed|still sparking|sparking again|will not (?:turn|switch) off|cannot (?:turn|switch) (?:it )?off)(?= )/;
/**
 * Engineer's probe after round 74: medicines kept for the winter, out of date or to hand back ("my mum has been stockpiling her tablets
 * for the winter, can the pharmacy take the old ones back", the model alone 0.75): a cupboard, asked at most when no plan, day or dose is told.
 */
const MEDICINES_KEPT_FOR_LATER = /(?<= )(?:stockpil(?:ing|ed|e)|sav(?:ing|ed) up|hoard(?:ing|ed)|stor(?:ing|ed) up|keeping|kept)(?: [a-z]+){0,3} (?:tablets|pills|meds|medication|medicines?|painkillers|paracetamol|prescriptions?)(?: [a-z]+){0,3} (?:for (?:the )?(?:winter|flu season|cold season|holidays?|trip|travel|first aid kit)|(?:that are |which are |are |now )?(?:out of date|expired|past (?:their|the) (?:use by|expiry)))(?= )/;
const MEDICINES_PLAN = /(?<= )(?:tonight|tomorrow|the night|this week(?:end)?|the weekend|take (?:them|it) all|all at once|the lot|end it|end (?:my|her|his) life|kill|die|dying|overdos[a-z]*|goodbye|the plan|a plan|when (?:i am|im|she is|he is|the house is) (?:alone|empty|on my own))(?= )/;
/** Round 72: air guns fired at birds or things, the shooters gone (askAtMost). */
const AIRGUN_AT_THINGS = /(?<= )(?:bb guns?|bb gun|air ?guns?|air ?rifles?|air ?pistols?|pellet guns?|ball bearing guns?|catapults?|slingshots?)(?: [a-z]+){0,4} (?:at|into) (?:the |some |our |their |parked )?(?:pigeons|birds|gulls|seagulls|crows|squirrels|cars|car|windows|vans|bins|signs|lights|street ?lights|lamp ?posts|cans|bottles|walls|fences?)(?= )/;
const SHOOTERS_GONE = /(?<= )(?:they|theyve|they ve|he|hes|she|shes|the (?:lads|kids|boys|youths)) (?:have |has |had |are |were |s )?(?:gone|left|run off|ran off|cleared off|legged it|not there)(?: now)?(?= )/;
const AIRGUN_HARM = /(?<= )(?:at (?:me|us|people|kids|children|him|her|them|someone|somebody|my [a-z]+|a (?:child|kid|man|woman|boy|girl|dog|cat))|hit (?:me|us|him|her|someone|somebody|my|a (?:child|kid|man|woman|boy|girl))|injur[a-z]*|hurt|bleeding|blood|eye|threat[a-z]*|pointed|pointing|aimed at|still (?:here|there|outside|about|around)|coming back|came back)(?= )/;
/** Round 63: the nuisances of a block the model alone took for danger (askAtMost). */
const BREAK_COLLAPSE = /(?<= )(?:break|shift|lunch|breather|day|rota|nights?|week)(?: [a-z0-9]+){0,6} before (?:i|we) (?:collapse|pass out|drop|keel over|fall over|fall asleep)(?= )/;
const EVERY_BREAK_COLLAPSE = new RegExp(BREAK_COLLAPSE.source, 'g');
const THREAT_AT_THING = /(?<= )(?:batter|smash|kick in|kill|wreck|trash|punch|lamp|torch)(?:s|es|ing)? (?:the |that |this |our )?(?:lift|lifts|doors?|machine|vending machine|intercom|printer|telly|tv|computer|laptop|washing machine|meter)(?= )/;
const NOBODY_TOUCHED = /(?<= )(?:has not|hasnt|never|not|does not|doesnt|did not|didnt) (?:touched|touch|hurt|hit|threatened|threaten|gone for|go for) (?:anyone|anybody|a soul|any of us|us|people)(?! yet)(?= )/;
const SLEEPS_IN_BLOCK = /(?<= )(?:sleeps|sleeping|kips|kipping|lives|living|stays|staying) (?:in|on) (?:the )?(?:lift|lifts|stairwell|stairs|bin store|landing|lobby|doorway|foyer|entrance)(?= )/;
const NOBODY_BOTHERED = /(?<= )(?:(?:does not|doesnt|never|not|is not) (?:bother|bothering|hurt|harm|trouble|threaten|botherin) (?:anyone|anybody|us|people|a soul)|harmless|no trouble)(?= )/;
// Smoked in a shared place of the block (the landing, the stairs, outside the door), not a home smelling of it beside children told of.
const WEED_SMOKED = /(?<= )(?:(?:smoking|smoke|smoked) (?:weed|cannabis|skunk|spliffs?|joints?|pot)|get(?:s|ting)? stoned)(?: [a-z]+){0,3} (?:on|in|at|outside|by) (?:the|my|our) (?:landing|landings|stairwell|stairs|corridor|lobby|balcony|car park|hallway|front door|door|entrance|bin store)(?= )/;
const NUISANCE_HARM = /(?<= )(?:fire|flames?|burning|knife|knives|gun|weapon|threat(?:en|ens|ened|ening)? (?:me|us|to kill|to hurt)|hit (?:me|us|her|him)|attack[a-z]*|hurt (?:me|us|her|him)|injur[a-z]*|dealing|needles?|syringes?|unconscious|not breathing|overdos[a-z]*|collapsed|blood|bleeding|suicid[a-z]*|kill (?:me|us|her|him|myself))(?= )/;
/**
 * Round 44: self-injury by an autistic, disabled or learning-disabled child or adult when upset ("my autistic brother, hes hurting himself
 * banging his head when hes upset, is there family support"), asked about as support: a care need, asked at most, never let through
 * (the screen or the model still sees it). Not when cutting, burning, an overdose, blood, a wish to die or "on purpose" is told.
 */
const CARE_CONDITION = /(?<= )(?:autistic|autism|asd|adhd|learning disabilit(?:y|ies)|learning disabled|disabled|disability|disabilities|special needs|send|non verbal|nonverbal|down s syndrome|downs syndrome|cerebral palsy|global delay|developmental delay)(?= )/;
const CARE_SELF_INJURY = /(?<= )(?:hurting|hurts|hurt|harming|harms|injuring|injures|biting|bites|hitting|hits|banging|bangs|headbutting|headbutts|scratching|scratches|slapping|slaps|punching|punches) (?:himself|herself|themselves|themself|myself|his head|her head|their head|my head)(?= )/;
const CARE_UPSET = /(?<= )(?:(?:when|whenever|if|because) (?:he|she|they|i) (?:is|are|am|gets?|feels?|becomes?|s) (?:really |very |so )?(?:upset|overwhelmed|frustrated|angry|distressed|anxious|agitated|overstimulated|stressed|cross)|meltdowns?|melt downs?|melts? down|melting down|sensory overload|(?:banging|bangs|headbutting) (?:his|her|their|my) head)(?= )/;
const CARE_SUPPORT = /(?<= )(?:support|help|respite|advice|assessment|referral|short breaks?|services?|social worker|carers?|care package|is there|can we get|what can|who can)(?= )/;
const CARE_SELF_INJURY_WORSE = /(?<= )(?:cut[a-z]*|burn[a-z]*|overdos[a-z]*|blood|bleed[a-z]*|on purpose|deliberately|wants? to die|kill (?:himself|herself|themselves|myself)|suicid[a-z]*|knife|knives|blade|razor|ligature|unconscious|not breathing)(?= )/;
/**
 * Round 75 (sets YC and YD), the model alone, asked at most (never let through):
 * - a disabled, autistic or ADHD child hitting a brother or a sister when overwhelmed or upset, told as never hurt badly or stepped in
 *   on, support asked ("My son (7, ADHD) lashes out and hits his sister when he's overwhelmed. He's never hurt her badly");
 * - danger denied in so many words ("there is no danger") beside contact arrangements, mediation or advice asked, nothing of harm told;
 * - railings, a barrier or a wall damaged long ago ("bent where a car hit them ages ago and theres a gap now"), nobody named hurt.
 */
const SIBLING_HIT = /(?<= )(?:hits|hitting|hit|lashes out at|lashing out at|pushes|pushing|kicks|kicking|bites|biting|scratches|scratching) (?:his|her|their) (?:little |big |younger |older |baby )?(?:sister|brother|sisters|brothers|sibling|siblings)(?= )/;
const NEVER_BADLY = /(?<= )(?:never (?:hurt|injured|harmed) (?:her|him|them)(?: badly| seriously| properly)?|(?:i|we) (?:always )?(?:step|stepped) in|not badly hurt|nobody (?:has been|is|gets) (?:badly )?hurt)(?= )/;
const SIBLING_HARM_WORSE = /(?<= )(?:blood|bleed[a-z]*|bruis[a-z]*|hospital|a and e|broken|knife|knives|strangl[a-z]*|chok[a-z]*|unconscious|sexual[a-z]*|touch[a-z]*|scared of him|scared of her|terrified)(?= )/;
const NO_DANGER_TOLD = /(?<= )(?:there is|there s|theres) no danger(?= )/;
const CONTACT_ADVICE = /(?<= )(?:contact arrangements?|child arrangements?|access arrangements?|contact (?:days?|times?|visits?|weekends?|hours|order)|mediation|custody|(?:i |we )?(?:just )?want (?:some )?advice|advice on)(?= )/;
const CONTACT_HARM = /(?<= )(?:hit[a-z]*|hurt[a-z]*|scared|afraid|frightened|threat[a-z]*|drunk|drink[a-z]*|drugs?|violen[a-z]*|abus[a-z]*|bruis[a-z]*|police|knife|smack[a-z]*|neglect[a-z]*|left alone|locked)(?= )/;
const DAMAGED_LONG_AGO = /(?<= )(?:railings?|barriers?|guard ?rails?|crash barriers?|fences?|fencing|walls?|bollards?|parapets?|posts?)(?: [a-z]+){0,8} (?:bent|damaged|broken|knocked (?:over|down)|smashed|buckled|hit)(?: [a-z]+){0,6} (?:ages ago|months ago|years ago|weeks ago|last (?:year|month|winter|summer)|a (?:while|long time) (?:ago|back)|for (?:months|weeks|ages|years))(?= )/;
function round75AskAtMost(n: string): string | null {
  if (CARE_CONDITION.test(n) && SIBLING_HIT.test(n) && CARE_UPSET.test(n) && NEVER_BADLY.test(n) && CARE_SUPPORT.test(n) && !SIBLING_HARM_WORSE.test(n) && !EXPLICIT_PRESENT.test(n)) return 'a disabled child hitting a sibling when upset, never badly, support asked';
  if (NO_DANGER_TOLD.test(n) && CONTACT_ADVICE.test(n) && !CONTACT_HARM.test(n) && !EXPLICIT_PRESENT.test(n)) return 'danger denied, contact arrangements or advice asked';
  if (DAMAGED_LONG_AGO.test(n) && !PERSON.test(n) && !SOMEONE_IN_WATER.test(n) && !EXPLICIT_PRESENT.test(n)) return 'a barrier damaged long ago, nobody hurt';
  return null;
}
function careSelfInjury(n: string): boolean {
  const padded = ` ${n} `;
  return CARE_CONDITION.test(padded) && CARE_SELF_INJURY.test(padded) && CARE_UPSET.test(padded) && CARE_SUPPORT.test(padded) && !CARE_SELF_INJURY_WORSE.test(padded) && !EXPLICIT_PRESENT.test(padded);
}
function capAtAsk(d: SafetyDecision, text: string, hit: SafetyHit | null): SafetyDecision {
  if (d?.action !== 'escalate') return d;
  const why = askAtMost(text, hit !== null);
  return why ? { action: 'ask', category: d.category, kind: d.kind, reason: `${hit ? hit.reason : 'safety model'}, but ${why}` } : d;
}

/**
 * Round 20 (K3): a disclosure told beside a service request ("Please can I book a bulky collection. Also, the couple upstairs keep
 * leaving their baby in the car outside the pub") scores low as a whole. Each segment of a longer message (SafetyScore.segments:
 * 2+ sentences or clauses of 5+ words) is decided as a message of its own by the model; when the whole is let through with nothing
 * and a segment would escalate (its score at the bar and nothing in it demoting it), the danger question is asked. Never escalates.
 * Chosen by cross-validation with out-of-fold segment scores: see data/README.md, Round 20.
 */
export const SAFETY_SEGMENT_ASK = true;
const segmentNamesRisk = (segment: string) => {
  const n = normaliseForSafety(segment);
  return RISK_CONTENT.test(n) || riskCues(n).size > 0;
};
const NO_PREDICTION: IntentPrediction = { ranked: [], outOfScope: true };
function segmentAsk(text: string, scored: SafetyScore, thresholds: SafetyModelThresholds): SafetyDecision {
  if (isConversationControl(text) || isServiceFarewell(text) || defeated(text, null) || toldAsPast(text)) return null;
  for (const segment of scored.segments ?? []) {
    // The part must name a harm, a danger or someone vulnerable itself: on a short sentence alone the model reads style ("I've just
    // bought a second car." 0.76 out of fold).
    if (segment.score < thresholds.escalateAt || !segmentNamesRisk(segment.text)) continue;
    // A part is judged by the plain bar (K4's band would make every part an 'ask', which K3 never passes on).
    const d = decideByModel(NO_PREDICTION, segment.text, segment, { ...thresholds, modelAloneAt: thresholds.escalateAt });
    if (d?.action === 'escalate') return { action: 'ask', category: d.category, kind: d.kind, reason: `safety model ${scored.score.toFixed(2)}, but ${segment.score.toFixed(2)} for one part: ${JSON.stringify(segment.text.slice(0, 60))}` };
  }
  return null;
}

/** Round 63: money short, with help asked, in Ukrainian or Russian; and the harm words that keep it a disclosure. */
const CYRILLIC_HARDSHIP = /(?:не вистачає|не вистачило|немає|не хватает|нет) (?:грошей|коштів|денег)[^?]{0,60}[?][^]*$|(?:не вистачає|не хватает|немає|нет) (?:грошей|коштів|денег)[^]*(?:чи є|є якась|есть ли|какая-то) (?:допомога|помощь)/iu;
/**
 * Round 69: the same hardship question in Urdu script ("پنشن میں نیا خریدنا مشکل ہے کیا کونسل کوئی مدد کرتی ہے", on a pension it is
 * hard to buy a new one, does the council help): money or a pension named as short or hard, help asked, nothing of harm, fear,
 * hunger, being alone or a threat named: the model alone (0.61 on words it does not read) asks at most.
 */
const URDU_HARDSHIP = /(?:پنشن|پیسے|پیسوں|رقم|تنخواہ|آمدنی)[^]{0,80}(?:مشکل|نہیں ہے|نہیں ہیں|کم ہے|ختم)[^]{0,80}(?:مدد|امداد)/u;
const URDU_HARM = /مار|چاقو|چھری|آگ|گیس|دھواں|خون|خودکشی|مرنا|مر جا|جان لے|ڈر|خوف|دھمکی|بھوک|بھوکا|بھوکی|فاقہ|بیہوش|سانس|گولیاں|زخمی|تشدد|اکیلا|اکیلی|اکیلے|گر گ|بچ(?:ہ|ے|ی) (?:اکیل|بھوک)/u;
const CYRILLIC_HARM = /б'є|бʼє|бьёт|бьет|ніж|нож|пожеж|пожар|вогонь|огонь|газ|вбити|вб'є|убить|убьёт|кров|не дихає|не дышит|самогуб|суїцид|суицид|покінчити|покончить|таблетк|боюся|боюсь|загроз|угрож|голод(?:ує|ают|ает)|не їв|не ел/iu;
/** Round 62: a likeness to a horror film or a crime scene, in Arabic, Polish, Portuguese, Spanish or English. */
const FILM_LIKENESS = /(?:مثل|كأنه|كأنها|زي|كانه|كانها) (?:فيلم|افلام|أفلام) (?:رعب|الرعب)|jak (?:z|w) (?:horroru|horrorze|filmu grozy)|parece (?:um )?(?:filme de terror|cena de crime)|como (?:en )?una pel[ií]cula de (?:terror|miedo)|like (?:something out of |a scene from )?a horror (?:film|movie)/iu;
/** decideSafety without a screen hit: the safety model decides, demoted by everyday context. */
function decideByModel(prediction: IntentPrediction, text: string, scored: SafetyScore, thresholds: SafetyModelThresholds): SafetyDecision {
  if (isConversationControl(text) || isServiceFarewell(text) || isOpenerOnly(text) || placeOnly(text)) return null;
  // Letters, digits and references alone (a postcode or a case reference spelled out on the phone): nothing to ask about.
  if (meaningfulWords(text) === 0) return null;
  // A resident giving their own details ("My name is Jo Bloggs and my postcode is MB1 1AD"): an unsure model is not asked about.
  if (scored.score < thresholds.escalateAt && ownDetailsOnly(text)) return null;
  // Round 23 (K5): a short reply in a conversation ("I'm not sure", "dunno", "about 30cm wide", "he won't"), naming no risk: on a few
  // words the model scores style, so it alone does nothing. A short cry for help the model misses ("help me", "it's an emergency") is asked.
  if ((thresholds.shortQuiet ?? SAFETY_SHORT_REPLY_QUIET) && shortReplyNoRisk(text, scored)) return null;
  // Round 31: living alone told as the whole reply ("I live on my own", a single person discount's question), the model unsure: nothing
  // to ask (the K5 words list "live" and "on her own" as risk words, for an older person told of; the writer's own household is not).
  if (scored.score < thresholds.escalateAt && LIVES_ALONE_REPLY.test(normaliseForSafety(text))) return null;
  // Round 33: a single person discount asked for someone living alone (a widow since her husband died, a carer asking), nothing of
  // harm, fear, neglect or a fall named: the model alone asks at most.
  if (scored.score >= thresholds.escalateAt && discountLivingAlone(text)) return { action: 'ask', category: scored.category, kind: inferKind(text, scored.category), reason: `safety model ${scored.score.toFixed(2)}, but a discount for someone living alone` };
  if ((thresholds.shortAlarmAsk ?? SAFETY_SHORT_ALARM_ASK) && scored.score < thresholds.askAt && shortAlarm(text)) return { action: 'ask', category: 'safety.risk_to_life', kind: inferKind(text, 'safety.risk_to_life'), reason: `safety model low (${scored.score.toFixed(2)}), but a short cry for help` };
  const category = scored.category;
  // Everyday context (a reassurance, a job in care, a complaint naming no one at risk) demotes the model, as it did the
  // classifier: CV, leave-one-set-out, at 0.6/0.1: false alarms 1.2% -> 0.8%, ordinary asked 5.9% -> 4.7%, no recall lost.
  const everyday = everydayContext(text);
  if (everyday === 'drop') return null;
  const framed = framedAsService(text);
  if (framed && scored.score >= thresholds.escalateAt) return { action: 'ask', category, kind: inferKind(text, category), reason: `safety model ${scored.score.toFixed(2)}, but ${framed}` };
  // Round 62: the model alone, sure, on a likeness to a horror film or a crime scene ("الشارع مظلم تماماً، ابني يقول إنه مثل فيلم رعب", the
  // street is pitch dark, like a horror film; "jak z horroru"; "parece cena de crime"): a figure of speech, asked, never escalated.
  if (scored.score >= thresholds.escalateAt && FILM_LIKENESS.test(text)) return { action: 'ask', category, kind: inferKind(text, category), reason: `safety model ${scored.score.toFixed(2)}, but a likeness to a film` };
  if (framed) return null;
  // Round 30: a threat to a third party or a likeness taken back in so many words ("I'll wring his neck, not really, he's a nice lad",
  // "screaming like he's being murdered, he's not, he's just losing at fifa"): the model alone, however sure, asks.
  if (scored.score >= thresholds.escalateAt && threatTakenBack(text, true)) return { action: 'ask', category, kind: inferKind(text, category), reason: `safety model ${scored.score.toFixed(2)}, but a threat or a likeness taken back` };
  // Round 59: a doorstep caller turned away, the page too small or faint to read, a warning sign knocked over, and a short plain question
  // in a language the assistant does not read: the model alone asks at most.
  if (scored.score >= thresholds.escalateAt && doorstepTurnedAway(text)) return { action: 'ask', category, kind: inferKind(text, category), reason: `safety model ${scored.score.toFixed(2)}, but a doorstep caller turned away` };
  if (scored.score >= thresholds.escalateAt && readabilityComplaint(text)) return { action: 'ask', category, kind: inferKind(text, category), reason: `safety model ${scored.score.toFixed(2)}, but the page too hard to read` };
  if (scored.score >= thresholds.escalateAt && signDamaged(text)) return { action: 'ask', category, kind: inferKind(text, category), reason: `safety model ${scored.score.toFixed(2)}, but a sign knocked over, nobody in trouble` };
  if (scored.score >= thresholds.escalateAt && unreadQuestion(text, scored, thresholds.readableMin)) return { action: 'ask', category, kind: inferKind(text, category), reason: `safety model ${scored.score.toFixed(2)}, but a plain question in a language the assistant does not read` };
  // Round 69: the same hardship question in Urdu script (URDU_HARDSHIP), nothing of harm named: asked at most.
  if (scored.score >= thresholds.escalateAt && URDU_HARDSHIP.test(text) && !URDU_HARM.test(text)) return { action: 'ask', category, kind: inferKind(text, category), reason: `safety model ${scored.score.toFixed(2)}, but a hardship question (Urdu)` };
  // Round 63: money short for food, the rent or bills, with help asked, in Ukrainian or Russian ("Не вистачає грошей на їжу цього місяця.
  // Чи є допомога?"), nothing of harm named: a hardship question; the model alone (0.61 on words it does not read) asks at most.
  if (scored.score >= thresholds.escalateAt && CYRILLIC_HARDSHIP.test(text) && !CYRILLIC_HARM.test(text)) return { action: 'ask', category, kind: inferKind(text, category), reason: `safety model ${scored.score.toFixed(2)}, but a hardship question (Ukrainian or Russian)` };
  // Round 58: shouting told as not aimed at anyone, nothing of harm or fear named: the model alone asks at most.
  if (scored.score >= thresholds.escalateAt && shoutingNotAimed(text)) return { action: 'ask', category, kind: inferKind(text, category), reason: `safety model ${scored.score.toFixed(2)}, but shouting not aimed at anyone` };
  // Round 18: a care question in a community language, naming no harm: the model alone asks at most. Round 56: a school question in
  // Arabic, the same.
  if (scored.score >= thresholds.escalateAt && (careQuestionAbroad(normaliseForSafety(text)) || scriptCareQuestion(text) || scriptSchoolQuestion(text))) return { action: 'ask', category, kind: inferKind(text, category), reason: `safety model ${scored.score.toFixed(2)}, but a care question` };
  // Round 25: a headache from a heater stuck on, or a business's cooking smell asked about, nothing of fumes, fire or anyone ill named: asked at most.
  if (scored.score >= thresholds.escalateAt && overheatingOnly(text)) return { action: 'ask', category, kind: inferKind(text, category), reason: `safety model ${scored.score.toFixed(2)}, but a heater stuck on, not fumes` };
  if (scored.score >= thresholds.escalateAt && businessOdour(text)) return { action: 'ask', category, kind: inferKind(text, category), reason: `safety model ${scored.score.toFixed(2)}, but a business's smell or extraction` };
  // Round 31: a claim after a partner left ("partner left, just me and the kids, claim HB?"), nothing of harm, fear or escape named,
  // and a fault told as lasting and getting worse with no one in it (a reply in a report's flow): the model alone asks at most.
  if (scored.score >= thresholds.escalateAt && separationClaim(text)) return { action: 'ask', category, kind: inferKind(text, category), reason: `safety model ${scored.score.toFixed(2)}, but a claim after a partner left` };
  if (scored.score >= thresholds.escalateAt && thingWorsening(text)) return { action: 'ask', category, kind: inferKind(text, category), reason: `safety model ${scored.score.toFixed(2)}, but a thing getting worse` };
  // Round 28: a very old person at peace with dying in their own time, told with their care ("she's 94 and ready whenever her time
  // comes, calm and well cared for, can she get more visits"), nothing of a means, a date, harm or neglect: asked at most.
  if (scored.score >= thresholds.escalateAt && elderAtPeace(text)) return { action: 'ask', category, kind: inferKind(text, category), reason: `safety model ${scored.score.toFixed(2)}, but an old person at peace with dying in their own time` };
  // Round 19: giving up on the service to do the thing oneself ("I give up, I'll just go and sort it myself. Goodbye."): asked at most.
  if (scored.score >= thresholds.escalateAt && doingItMyself(text)) return { action: 'ask', category, kind: inferKind(text, category), reason: `safety model ${scored.score.toFixed(2)}, but doing it themselves` };
  // Round 10: low mood with thoughts of self-harm denied in so many words ("not thinking of hurting myself, just not myself"): asked.
  if (scored.score >= thresholds.escalateAt && selfHarmDenied(text)) return { action: 'ask', category, kind: inferKind(text, category), reason: `safety model ${scored.score.toFixed(2)}, but self-harm denied` };
  // Round 7: a risk told as past, with nothing saying it goes on: the model alone asks.
  if (scored.score >= thresholds.escalateAt && toldAsPast(text)) return { action: 'ask', category, kind: inferKind(text, category), reason: `safety model ${scored.score.toFixed(2)}, but told as past` };
  // Round 8: a model this sure of a disclosure is not argued with because the message also names a service (a rope put up in the
  // garage, told to "the council"), unless the service part is the feeling itself: hyperbole, distress about the service, a defeater.
  // Round 15: not when the only creature named is an animal or a pest ("a swarm of bees coming down the chimney").
  if (everyday && scored.score >= (thresholds.serviceSure ?? SAFETY_SERVICE_SURE) && !animalOnly(normaliseForSafety(text)) && !serviceHyperbole(text) && !SERVICE_DISTRESS.test(normaliseForSafety(text).replace(THIRD_PERSON_CRYING, ' ')) && !defeated(text, null)) {
    return { action: 'escalate', category, kind: inferKind(text, category), source: 'classifier', reason: `safety model ${scored.score.toFixed(2)}, sure although about a service` };
  }
  if (everyday && scored.score >= thresholds.escalateAt) return { action: 'ask', category, kind: inferKind(text, category), reason: `safety model ${scored.score.toFixed(2)}, but about a service` };
  // Round 8: a suicide word tied to a chore of the service ("I'd rather jump than ring again"): asked, whatever the model.
  if (scored.score >= thresholds.escalateAt && inferKind(text, category) === 'suicide_self_harm' && serviceHyperbole(text)) return { action: 'ask', category, kind: inferKind(text, category), reason: `safety model ${scored.score.toFixed(2)}, but hyperbole about a service` };
  // Round 24 (K6): everyday context softens the model, but the main classifier is sure of a safety intent on a long message ("I rang
  // last week about the damp ... I've taken the whole box this time"): asked, unless the message says why nothing is wrong now.
  if (everyday === 'soften') {
    if (!classifierSure(prediction, text, thresholds)) return null;
    const top = prediction.ranked[0];
    const sureOf = top.intent as SafetyHit['category'];
    return { action: 'ask', category: sureOf, kind: inferKind(text, sureOf), reason: `safety model low (${scored.score.toFixed(2)}), but the classifier is sure: ${top.intent} ${top.confidence.toFixed(2)}` };
  }
  // Round 29: "going mad" over a repair or a noise in another language ("أكاد أجن من صوتها", "me estoy volviendo loca con el ruido"):
  // the model alone, unsure, asks (never applied to a screen hit, which the model may not read at all).
  if (scored.score >= thresholds.escalateAt && scored.score < (thresholds.defeatSure ?? SAFETY_DEFEAT_SURE) && annoyedAbroad(text)) return { action: 'ask', category, kind: inferKind(text, category), reason: `safety model ${scored.score.toFixed(2)}, but going mad over something (not in English)` };
  // Round 5: a defeater (a joke, a denial, a comparison, a hypothetical) or words the model barely knows: the model alone asks.
  if (scored.score >= thresholds.escalateAt && scored.score < (thresholds.defeatSure ?? SAFETY_DEFEAT_SURE) && defeated(text, null)) return { action: 'ask', category, kind: inferKind(text, category), reason: `safety model ${scored.score.toFixed(2)}, but ${defeaters(text).join(', ')}` };
  const known = scored.known ?? 1;
  if (scored.score >= thresholds.escalateAt && known < (thresholds.knownMin ?? SAFETY_KNOWN_MIN)) return { action: 'ask', category, kind: inferKind(text, category), reason: `safety model ${scored.score.toFixed(2)}, but knows ${Math.round(known * 100)}% of the words` };
  // Round 16 (off by default, see SAFETY_UNREAD_SURE): a message in a language the assistant does not read, the model alone unsure.
  if (scored.score >= thresholds.escalateAt && scored.score < (thresholds.unreadSure ?? SAFETY_UNREAD_SURE) && unreadable(text, scored, thresholds.readableMin)) return { action: 'ask', category, kind: inferKind(text, category), reason: `safety model ${scored.score.toFixed(2)}, but in a language the assistant does not read` };
  if (scored.score >= thresholds.escalateAt && meaningfulWords(text) < SAFETY_MODEL_MIN_WORDS) return { action: 'ask', category, kind: inferKind(text, category), reason: `safety model ${scored.score.toFixed(2)}, but on ${meaningfulWords(text)} words` };
  // Round 19 (K2): the model alone, sure of an English message that names no harm, danger, vulnerability, abuse, fire or weapon at all
  // ("Hi there, sorry to bother you so late", "I'm in bits over the bill"): its score is style, not risk; asked instead.
  // K7: the same for a short message (under 12 words: "Took too long to find", a satisfaction comment, 0.67), where the model reads style most.
  const noRiskAsk = () =>
    ((thresholds.noRiskWordAsk ?? SAFETY_NO_RISK_WORD_ASK) && noRiskWord(text, scored)) ||
    (meaningfulWords(text) < (thresholds.noRiskWordAskBelow ?? SAFETY_NO_RISK_WORD_ASK_BELOW) && readableNoRisk(text, scored));
  if (scored.score >= thresholds.escalateAt && noRiskAsk()) return { action: 'ask', category, kind: inferKind(text, category), reason: `safety model ${scored.score.toFixed(2)}, but no word of harm or risk` };
  // Round 22 (K4, off by default): below the model-alone bar, the model alone asks.
  const aloneAt = Math.max(thresholds.escalateAt, thresholds.modelAloneAt ?? SAFETY_MODEL_ALONE_ESCALATE);
  if (scored.score >= thresholds.escalateAt && scored.score < aloneAt) return { action: 'ask', category, kind: inferKind(text, category), reason: `safety model ${scored.score.toFixed(2)}, below ${aloneAt} to escalate alone` };
  if (scored.score >= thresholds.escalateAt) return { action: 'escalate', category, kind: inferKind(text, category), source: 'classifier', reason: `safety model ${scored.score.toFixed(2)}` };
  if (scored.score >= thresholds.askAt) return { action: 'ask', category, kind: inferKind(text, category), reason: `safety model unsure (${scored.score.toFixed(2)})` };
  // Round 21: a wish to die stated beside a service question is asked about, however low the model.
  if (everyday === 'ask' && wishToDieStated(text)) return { action: 'ask', category, kind: inferKind(text, category), reason: `safety model low (${scored.score.toFixed(2)}), but says they want to die beside a service question` };
  return lowModelAsk(prediction, text, scored, thresholds);
}

/** Round 31: the writer's own household, alone, as the whole message ("I live on my own", "yes, I live alone now"). */
const LIVES_ALONE_REPLY = /^ (?:(?:yes|yeah|yep|no|just|only|well|um|erm|ok|okay|so) )*(?:i|i am|im) (?:live|living|am living) (?:on my own|alone|by myself)(?: (?:now|so|thanks|thank you|please|yes))* $/;
/** Round 33: a single person discount or a council tax discount for someone living alone, nothing of harm named. */
const DISCOUNT_ASKED = /(?<= )(?:single person(?:s)? discount|single occupancy|single occupier|sole occupier|25 (?:percent|per cent) (?:discount|off)|council tax (?:discount|reduction))(?= )/;
const LIVING_ALONE = /(?<= )(?:lives?|living|is living|now lives) (?:alone|on (?:her|his|their|my) own|by (?:herself|himself|themselves|myself))(?= )/;
const DISCOUNT_HARM = /(?<= )(?:hit[a-z]*|hurt[a-z]*|scared|afraid|frightened|terrified|abus[a-z]*|bruis[a-z]*|threat[a-z]*|neglect[a-z]*|fell|fallen|falls|collapsed|not eating|no food|no heating|cold|taking (?:her|his) money|takes (?:her|his) money|confused|wandering|suicid[a-z]*|kill[a-z]*|end it|(?:want|wants|wanted) to die|not (?:want|wanting) to (?:live|be here)|cannot cope|not coping|locked)(?= )/;
export function discountLivingAlone(text: string): boolean {
  const n = normaliseForSafety(text);
  return DISCOUNT_ASKED.test(n) && LIVING_ALONE.test(n) && !DISCOUNT_HARM.test(n);
}
/** Round 31: a partner gone ("partner left", "husband's moved out", "we've split up"). */
const PARTNER_LEFT = /(?<= )(?:(?:partner|husband|hubby|wife|boyfriend|girlfriend|bf|gf|fiance|fiancee|other half|ex)(?: has| s| is)? (?:left|moved out|walked out|gone)|(?:we|we have) (?:split up|separated|broke up|broken up)|(?:split up|separated|broke up) (?:from|with) (?:my )?(?:partner|husband|wife|boyfriend|girlfriend))(?= )/;
/** A claim, a benefit or a discount asked about. */
const CLAIM_ASKED = /(?<= )(?:claim[a-z]*|hb|housing benefit|universal credit|council tax (?:reduction|support)|ctr|single person discount|discount|benefits?|entitled|help with (?:the )?rent|child benefit|tax credits?|register|registering|registration|birth certificate)(?= )/;
/** What makes a partner's leaving more than a claim: harm, fear, control, escape or a risk to life. */
const MORE_THAN_LEFT = /(?<= )(?:hurt[a-z]*|harm[a-z]*|hit|hits|hitting|abus[a-z]*|violen[a-z]*|scared|afraid|frighten[a-z]*|terrified|fear[a-z]*|threat[a-z]*|control[a-z]*|bruis[a-z]*|police|safe|unsafe|refuge|fled|flee[a-z]*|escap[a-z]*|injunction|molestation|kill[a-z]*|attack[a-z]*|beat[a-z]*|push[a-z]*|shov[a-z]*|punch[a-z]*|kick[a-z]*|stalk[a-z]*|follow[a-z]*|harass[a-z]*|knows where|find (?:me|us)|danger[a-z]*|risk[a-z]*|self harm|suicid[a-z]*|die|end it|(?:cannot|can not) cope|not coping|took|taken|takes)(?= )/;
export function separationClaim(text: string): boolean {
  const n = normaliseForSafety(text);
  return PARTNER_LEFT.test(n) && CLAIM_ASKED.test(n) && !MORE_THAN_LEFT.test(n);
}
/** Round 31: a thing told as lasting and getting worse ("it has been there for a few days and is getting worse"). */
const THING_WORSENING = /^ (?:it|this|that|its|(?:the|this|that) [a-z]+)(?: [a-z0-9]+){0,10} (?:getting|got|gets|keeps getting) (?:worse|bigger|deeper|wider|larger)(?: [a-z]+){0,3} $/;
const LASTING = /(?<= )(?:been|for|since|weeks?|days?|months?)(?= )/;
export function thingWorsening(text: string): boolean {
  const n = normaliseForSafety(text);
  return THING_WORSENING.test(n) && LASTING.test(n) && !RISK_CONTENT.test(n) && riskCues(n).size === 0 && kindCues(n).size === 0;
}
/** Round 28: dying accepted in its own time ("whenever her time comes", "at peace with it", "ready to go when it's time"). */
const AT_PEACE = /(?<= )(?:(?:when|whenever|once|until) (?:her|his|their|my|the) time (?:comes|is up|has come)|(?:at peace|made (?:her|his|their) peace|comes to terms|come to terms) with (?:it|dying|death|going|that)|ready to go (?:when|whenever) (?:it is|the time|god|her time|his time)|natural (?:end|death))(?= )/;
/** Very old or at the end of life: "she's 94", "in her nineties", "frail", "on end of life care". */
const VERY_OLD = /(?<= )(?:(?:she|he|they|mum|mam|dad|nan|gran|grandad|grandma|who) (?:is|s|are) (?:[89][0-9]|1[0-9]{2})|(?:[89][0-9]|1[0-9]{2}) (?:years? old|year old)|in (?:her|his|their) (?:eighties|nineties|80s|90s|hundreds)|elderly|frail|end of life|palliative|terminal(?:ly ill)?)(?= )/;
/** What makes such talk a risk after all: a means, a date, harm, neglect or being alone with it. */
const NOT_AT_PEACE = /(?<= )(?:pills|tablets|meds|medication|overdose|stockpil[a-z]*|rope|tonight|today|this weekend|end it|end (?:her|his|their) life|kill[a-z]*|(?:stopped|not|refus[a-z]*) (?:eating|drinking|to eat|to drink|food|her meds|his meds)|starv[a-z]*|hurt[a-z]*|hit|hits|hitting|bruis[a-z]*|neglect[a-z]*|scared|frightened|abus[a-z]*|(?:all )?alone|on (?:her|his|their) own|nobody (?:visits|comes)|no one (?:visits|comes))(?= )/;
export function elderAtPeace(text: string): boolean {
  const n = normaliseForSafety(text);
  return AT_PEACE.test(n) && VERY_OLD.test(n) && !NOT_AT_PEACE.test(n) && !EXPLICIT_PRESENT.test(n) && !PRESENT_INTENT_OR_MEANS.test(n);
}

/**
 * Round 24 (K6): from this main-classifier confidence in a safety intent, a long message (CLASSIFIER_ASK_WORDS+) softened by everyday
 * context is asked rather than let through; above 1 is off. Chosen by cross-validation: see data/README.md, Round 24.
 */
export const SAFETY_CLASSIFIER_SURE_ASK = 0.9;
function classifierSure(prediction: IntentPrediction, text: string, thresholds: SafetyModelThresholds): boolean {
  const top = prediction.ranked[0];
  return !prediction.outOfScope && !!top && top.intent.startsWith('safety.') && top.confidence >= (thresholds.classifierSureAsk ?? SAFETY_CLASSIFIER_SURE_ASK) && wordCount(text) >= CLASSIFIER_ASK_WORDS && !classifierExplained(text);
}
/** Round 17: the message says why nothing is wrong now, so the classifier's confident safety intent alone does not ask. */
const classifierExplained = (text: string) => toldAsPast(text) || framedAsService(text) === 'thanks for past help' || defeated(text, null);
/**
 * Round 6: the safety model is low (below its ask threshold), yet a second opinion says ask: the main classifier is confident of
 * a safety intent (a professional's referral the model under-reads), or the message is in words the model barely knows (a
 * script it never saw), so its low score means nothing.
 */
function lowModelAsk(prediction: IntentPrediction, text: string, scored: SafetyScore, thresholds: SafetyModelThresholds): SafetyDecision {
  const top = prediction.ranked[0];
  // Only for a message with something to say (a referral is long): on a few words the classifier's style shortcuts fire ("Right, I'm going. Ta", 0.96).
  // Round 17: not when the message itself says why nothing is wrong now (a denial, laughter, a risk told as past, thanks for a past
  // rescue): the classifier's style shortcuts fire on "screaming", "kill", "lifeguards" in noise complaints and thanks.
  if (!prediction.outOfScope && top?.intent.startsWith('safety.') && top.confidence >= (thresholds.classifierAskAt ?? SAFETY_CLASSIFIER_ASK) && wordCount(text) >= CLASSIFIER_ASK_WORDS && !classifierExplained(text)) {
    const category = top.intent as SafetyHit['category'];
    return { action: 'ask', category, kind: inferKind(text, category), reason: `safety model low (${scored.score.toFixed(2)}), but the classifier says ${top.intent} ${top.confidence.toFixed(2)}` };
  }
  const known = scored.known ?? 1;
  if (known < (thresholds.unknownAskBelow ?? SAFETY_UNKNOWN_ASK) && wordCount(text) >= SAFETY_UNKNOWN_WORDS) {
    return { action: 'ask', category: scored.category, kind: inferKind(text, scored.category), reason: `the safety model knows ${Math.round(known * 100)}% of the words` };
  }
  // Round 7: a message in a script or language the assistant does not read never passes silently.
  if (unreadable(text, scored, thresholds.readableMin)) {
    return { action: 'ask', category: scored.category, kind: inferKind(text, scored.category), reason: unreadableScript(text) ? 'written in a script the assistant does not read' : `in a language the assistant does not read (${Math.round((scored.readable ?? 0) * 100)}% of the words known)` };
  }
  return null;
}

/** Round 41: the idiom of exhaustion the cannot_go_on family matches ("at the end of my tether", "end of my rope"). */
const END_OF_TETHER = /(?<= )(?:at )?(?:the )?end of (?:my|our|her|his|their) (?:tether|rope)(?= )/;
const EVERY_END_OF_TETHER = new RegExp(END_OF_TETHER.source, 'g');
/** Round 41: despair, harm or a means told beside the idiom, which keeps it a disclosure. */
const DESPAIR_BESIDE = /(?<= )(?:die|dying|dead|kill|killing|suicid[a-z]*|end it|end (?:it all|my life|things)|not (?:be|being) here|pills|tablets|overdose|bridge|goodbye|(?:cannot|can not) (?:go on|carry on|keep going|cope|do this|take (?:it|this|much more|any more))|no point|burden|give up|giving up|hopeless|worthless|hate myself|no reason to|disappear|tired of (?:living|life|everything)|not worth|better off without|hurt (?:myself|him|her|them|the)|harm (?:myself|him|her|them)|self harm|no way out|nothing left|(?:scared|afraid|frightened) (?:of|for|what)|hit|hits|hitting|shake|shaking|snap|snapped|lose it|lost it|losing it)(?= )/;
const CARE_TIERS: ReadonlySet<string> = new Set(['adult_strong', 'adult_at_risk', 'child_strong', 'child_at_risk']);
function tetherAlone(hit: SafetyHit, n: string): boolean {
  if (!/^(?:at )?(?:the )?end of (?:my|our|her|his|their) (?:tether|rope)$/.test(hit.matched)) return false;
  const rest = n.replace(EVERY_END_OF_TETHER, ' ');
  // Who is cared for (a child with needs, a parent in care) is no risk by itself; harm, fear or a scene named is.
  const cues = [...riskCues(rest)].filter((t) => !CARE_TIERS.has(t));
  return !DESPAIR_BESIDE.test(rest) && !HARM_WORDS.test(rest) && cues.length === 0 && !EXPLICIT_PRESENT.test(rest);
}

/**
 * What both screen/model disagreement rules never ask instead of escalating, however low the model: everyone better off without me, a
 * partner hurting the writer (round 43), an end of one's own life with a time (round 43), a means at a place, being found hanging, a
 * goodbye then silence (rounds 52, 53).
 */
/**
 * Round 61: rape of the writer told as going on or just now ("hes been raping me", "he rapes me", "raped me again last night"); a rape
 * told of someone else, a rape crisis centre or a film is not.
 */
const RAPE_OF_WRITER_NOW = /(?<= )(?:(?:is|s|has|have|keeps|kept|been|keep) (?:been )?raping me|rapes me|raped me (?:again|last night|tonight|today|this morning|every)|(?:keeps|keep|still) raping me)(?= )/;
/** Round 61: a plea not to write, ring or send anything to the home ("please don't send a letter here", "dont post anything to the house"). */
const NO_CONTACT_HOME = /(?<= )(?:do not|dont|never|please do not) (?:send|post|write|ring|call|phone|visit|come)(?: (?:any|a|the|anything|letters?|post|me))*(?: (?:to|at))? (?:here|home|the house|my house|this address|my address|the flat)(?= )/;
/** Round 61: the writer kept in ("i only get out to walk the dog", "not allowed out", "he won't let me out of the house"). */
const KEPT_IN = /(?<= )(?:i (?:only|never) (?:get|go|am allowed|get to go) out(?: of the (?:house|flat))? (?:to|when|for|if|once)|i am (?:not|never) allowed out|(?:he|she) (?:will not|does not|wont|doesnt|never) let(?:s)? me (?:out|leave|go out))(?= )/;
/**
 * Round 63: the writer strangled or choked by a he, a she or a partner ("he strangled me a bit", "my boyfriend choked me", "put his hands
 * round my throat"), told as recent (last night, last week, days ago, on saturday) or played down (fine now, he is sorry); not years
 * ago, as a child, in a film or a book, nor choked on food or smoke.
 */
const STRANGLED_WRITER = /(?<= )(?:(?:he|she|partner|husband|wife|boyfriend|girlfriend|ex|fiance|bf)(?: [a-z]+){0,2} (?:strangled|strangles|choked|chokes|throttled|throttles|strangling|choking) me(?! (?:on|with) (?:food|a bone|bones|crumbs|smoke|fumes|dust|water|the smoke|the fumes|the dust)(?= ))|(?:put|had|has|puts) (?:his|her) hands? (?:round|around|on) my (?:neck|throat))(?= )/;
const STRANGLED_RECENT = /(?<= )(?:last (?:night|week|weekend|month)|yesterday|this (?:morning|week)|(?:a few|two|three|[0-9]+) (?:days|weeks) ago|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|at the weekend|(?:fine|ok|okay|alright) now|(?:he|she) is sorry|said (?:he|she) is sorry|said sorry|apologised|promised|again|still)(?= )/;
const STRANGLED_LONG_AGO = /(?<= )(?:years ago|(?:a|one|two|three|[0-9]+) years? ago|when i was (?:a |little|young|[0-9]+)|as a (?:child|kid|teenager)|film|drama|episode|novel|book|series|soap|game|story)(?= )/;
const strangledRecently = (n: string) => STRANGLED_WRITER.test(n) && STRANGLED_RECENT.test(n) && !STRANGLED_LONG_AGO.test(n);
/** Which of the three the message tells, named as the decision's reason gives it; null for none. */
/**
 * Round 63: the writer sleeping away from home because it is safer than home with him ("i sleep in the car in the car park ... because its
 * safer than going home to him"), and a partner who has taken the writer's bank card and ID together ("hes taken my bank card and my id so
 * i cant bid"): abuse told as going on, whatever service the message asks for.
 */
const SAFER_AWAY = /(?<= )(?:safer than (?:going |being |staying |sleeping |getting )?(?:back )?(?:home|at home|at the house|in the house|in the flat|indoors)(?: (?:with|to|near|around))? (?:him|my (?:partner|husband|wife|boyfriend|girlfriend|ex|dad|stepdad|step dad))|(?:rather|prefer to) (?:sleep|stay|kip)(?: [a-z]+){0,6} than (?:go|going|be|being) (?:back )?home (?:to|with) (?:him|my (?:partner|husband|wife|boyfriend|girlfriend|ex|dad|stepdad|step dad)))(?= )/;
const ID_AND_MONEY_TAKEN = /(?<= )(?:he|she|partner|husband|wife|boyfriend|girlfriend|ex) (?:is |has |s |has got |keeps |kept )?(?:taken|took|takes|keeping|hides|hid|hidden|got|kept) (?:all )?my (?:bank cards?|cards|money|passport|id|documents|papers)(?: [a-z]+){0,2} (?:and|&) (?:my |all my )?(?:bank cards?|cards|money|passport|id|documents|papers|phone|keys)(?= )(?! (?:to|for) (?:the bank|the post office|renew|sort|get|help|register|scan|safe ?keeping|me)(?= ))/;
function abuseOfWriterNow(n: string): string | null {
  if (RAPE_OF_WRITER_NOW.test(n)) return 'rape of the writer told';
  if (SAFER_AWAY.test(n)) return 'the writer sleeping away, safer than home with him';
  if (ID_AND_MONEY_TAKEN.test(n)) return 'the writer\'s bank card and ID taken';
  if (KEPT_IN.test(n)) return 'the writer kept in';
  return NO_CONTACT_HOME.test(n) ? 'with a plea not to write home' : null;
}
/**
 * Round 62: at a height or beside a means now, told as sparing the service or others the trouble ("im standing on the multistorey roof now
 * so you can close the case", "so ill save you the trouble im sat in the car with the engine running"): never asked for the model's doubt.
 */
const SPARING_AT_MEANS = /(?<= )(?:so (?:you|you lot|they|the council|everyone|nobody|no one) (?:can|could|will|will not|wont|do not|dont|need not|never) (?:have to )?(?:close (?:the|my) (?:case|file|account)|stop (?:worrying|chasing)|be rid of me|deal with me|bother with me|hear from me again)|(?:ill|i will|i am going to|going to|gonna) save (?:you|you lot|everyone|them|the council) the (?:trouble|bother|paperwork|hassle))(?= )/;
const AT_MEANS_NOW = /(?<= )(?:(?:standing|stood|sat|sitting|i am|up) (?:on|at) (?:the |a )?(?:top of the )?(?:multistorey|multi storey|car park roof|roof|bridge|flyover|viaduct|cliff|cliffs|cliff edge|ledge|tower block)|engine (?:is )?running(?: [a-z]+){0,6} (?:hose|pipe|tube|garage))(?= )/;
const sparingAtMeans = (n: string) => SPARING_AT_MEANS.test(n) && AT_MEANS_NOW.test(n);
/**
 * Round 64: the families written for young people's downplayed disclosures and carers' risks told among the logistics (patterns.ts): a
 * death question asked for the writer, a height asked with the reason withheld, self-harm back, intimate images threatened, a young
 * person at risk at home, a resident hurt by staff, someone drinking themself to death and shut in, someone cared for in danger now.
 * Each is narrow and plain enough that the model's doubt never turns it into a question. Round 65 adds its own (see below).
 */
const PLAIN_FAMILIES: ReadonlySet<string> = new Set([
  'death_asked_for_self', 'height_reason_withheld', 'self_harm_again', 'intimate_image_threat', 'young_person_at_home', 'resident_hurt_by_staff', 'drinking_to_death', 'cared_for_in_danger',
  // Round 65: the families written for professionals' referrals and risks told beside the weather (patterns.ts), as plain.
  'tablets_stockpiled', 'method_searched', 'damage_covered_up', 'fumes_indoors', 'child_at_height', 'armed_waiting', 'assault_in_progress', 'order_breached', 'abuser_found_home',
  'child_with_older_man', 'self_harm_seen',
  // Engineer's probe after round 75: a door broken in by someone who says he will be back.
  'door_broken_returning',
  // Round 78: a young child left alone while a parent works nights.
  'young_child_left_for_work',
]);
/** Round 64: the writer told as under 18 and someone coming into their room at night, whichever family caught it. */
const YOUNG_WRITER = /(?<= )(?:i am|i m) (?:1[0-7]|[89]|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)(?: years old| yrs| yo)?(?= )/;
const INTO_ROOM_AT_NIGHT = /(?<= )(?:comes|came|keeps coming|keep coming|come|coming|creeps|sneaks|gets) in(?:to)? my (?:bed ?room|room|bed) (?:at night|in the night|every night|when (?:mum|my mum|everyone) is (?:asleep|out))(?= )/;
/** Round 70: a way out with planning how, or charcoal in a room or a car with doing it told: a plan, however low the model. */
const PLAN_TOLD_PLAINLY = new RegExp(`(?<= )(?:${WAY_OUT_PLANNED}|${CHARCOAL_PLAN})(?= )`);
/**
 * Round 76: thoughts of ending it told as turned into a plan, or as tonight ("I've thought about ending it for weeks but tonight it feels
 * like a plan rather than a thought"): never asked instead of escalated because the model disagrees. Not a plan for a move, a holiday or
 * a payment (the suicide family must have hit), nor a past told as over ("it was a plan back then, I'm well now").
 */
const THOUGHT_TURNED_PLAN = /(?<= )(?:(?:feels|felt|is|s|seems|looks) (?:more )?like a (?:plan|decision)(?: now)? (?:rather than|instead of|not|and not|than) (?:just )?(?:a )?(?:thought|idea|feeling)|(?:is|s|are|feels|felt) (?:a plan|plans) now|(?:no longer|not) just (?:a )?(?:thoughts?|thinking|an idea|ideas?|a feeling)(?: any ?more)?|(?:from|gone from|turned from|went from) (?:a )?(?:thought|thoughts|thinking|an idea) (?:to|into) (?:a )?(?:plan|planning|doing it)|(?:the )?thoughts? (?:has|have|is|are) (?:turned|become|becoming|turning) (?:into )?(?:a )?plans?)(?= )/;
const THOUGHT_OF_ENDING_TONIGHT = /(?<= )(?:thought|thinking|thoughts) (?:about|of) (?:ending it(?: all)?|ending my life|ending things|killing myself|suicide|taking my (?:own )?life|not being here)(?: [a-z]+){0,10} (?:tonight|tonite|right now)(?= )/;
function thoughtTurnedPlan(n: string): boolean {
  return (THOUGHT_TURNED_PLAN.test(n) || THOUGHT_OF_ENDING_TONIGHT.test(n)) && !/(?<= )(?:i am|i m|im) (?:well|fine|ok|okay|better|safe|stable) now(?= )/.test(n);
}
/**
 * Round 77: a goodbye told with two of its signs (patterns.ts GOODBYE_*: the writer's own arrangements made, a letter or a note left for family, a service not
 * needed "after" a day: "Please cancel my assisted bin collection from Friday, I won't be needing it after that. I've made my arrangements
 * and left a letter for my son"): never asked instead of escalated because the model disagrees. Not a move, a care home or a holiday told
 * as the reason, nor arrangements made for someone else ("the arrangements for Mum's funeral").
 */
// Round 78: also it all planned, not planning to be here, a pet or belongings seen to after (patterns.ts).
const GOODBYE_SIGNS = [GOODBYE_OWN_ARRANGEMENTS, GOODBYE_LETTER_LEFT, GOODBYE_NOT_NEEDED, GOODBYE_ALL_PLANNED, GOODBYE_NOT_HERE, GOODBYE_AFTER_ME].map((sign) => new RegExp(`(?<= )${sign}(?= )`));
const AWAY_FOR_A_REASON = new RegExp(`(?<= )${GOODBYE_AWAY_FOR_A_REASON}(?= )`);
/** Round 77: going "on my own terms" with how or when worked out, whichever suicide family caught it first (patterns.ts). */
const OWN_TERMS_PLANNED_RE = new RegExp(`(?<= )(?:${OWN_TERMS_PLANNED.join('|')})(?= )`);
const OWN_TERMS_NOT_DYING_RE = new RegExp(OWN_TERMS_NOT_DYING);
function goodbyeArranged(n: string): boolean {
  const signs = GOODBYE_SIGNS.filter((re) => re.test(n)).length;
  return signs >= 2 && !AWAY_FOR_A_REASON.test(n);
}
function toldTooPlainlyToDoubt(n: string, family: string): boolean {
  if (PLAIN_FAMILIES.has(family)) return true;
  if (SUICIDE_FAMILIES.has(family) && goodbyeArranged(n)) return true;
  if (SUICIDE_FAMILIES.has(family) && OWN_TERMS_PLANNED_RE.test(n) && !OWN_TERMS_NOT_DYING_RE.test(n)) return true;
  if (SUICIDE_FAMILIES.has(family) && thoughtTurnedPlan(n)) return true;
  if (PLAN_TOLD_PLAINLY.test(n)) return true;
  if (YOUNG_WRITER.test(n) && INTO_ROOM_AT_NIGHT.test(n)) return true;
  if ((SUICIDE_FAMILIES.has(family) || family === 'at_height') && sparingAtMeans(n)) return true;
  if (family === 'at_height' && AT_HEIGHT_LOST_RE.test(n)) return true;
  return BETTER_OFF_WITHOUT_ME.test(n) || PARTNER_HURTING_ME.test(n) || (SUICIDE_FAMILIES.has(family) && OWN_END_WITH_TIME.test(n)) || METHOD_AT_PLACE_RE.test(n) || FOUND_HANGING.test(n) || GOODBYE_THEN_SILENT.test(n);
}
/** Round 64: someone else's dismissal of a smell ("landlord says its the drains", "my housemate reckons its nothing"). */
const GAS_SMELL_WAVED_AWAY = /(?<= )(?:landlord|landlady|agent|letting agent|housing|housing officer|council|he|she|they|my (?:mum|dad|partner|housemate|flatmate|husband|wife|boyfriend|girlfriend)|housemates?|flatmates?)(?: [a-z]+){0,2} (?:says|said|reckons|reckoned|thinks|thought|insists|claims|keeps saying)(?: that)? (?:it is |its |it s |it was )?(?:just |only )?(?:the |a )?(?:drains?|sewers?|nothing|fine|bins?|the bins|normal|in my head|my imagination)(?= )/;
const GAS_SMELL_WORD = /(?<= )(?:eggy|rotten eggs?|bad eggs?|gas smell|smells? (?:of|like) gas)(?= )/;
const gasSmellWavedAway = (n: string) => GAS_SMELL_WAVED_AWAY.test(n) && GAS_SMELL_WORD.test(n) && !gasCrewOnSite(n) && !emergencyFixed(n);
/**
 * A screen hit, weighed against the safety model. Both agree: escalate. Everyday context explains the hit and the model is
 * below its ask threshold: nothing (a false alarm's detour costs a resident's trust); below the escalate threshold: ask. An
 * idiom-prone family the model scores below SAFETY_SCREEN_DISAGREE: ask. Anything else the screen says escalates.
 */
/**
 * Round 74: a death by overdose told (the person has died: a death to register, a flat to clear, an account to close; "died of an
 * overdose in the summer", "è morto di overdose anni fa", "police are involved as it might have been an overdose"), nobody's dose
 * now: the one who overdosed is beyond help, the writer asks for a service. Asked when the model does not back it, never escalated;
 * a dose taken, someone not breathing or unconscious, tonight or the writer's own intent still escalates.
 */
// Engineer's probe after round 74: also "my late brother" ("my late brother's flat needs clearing, he overdosed in the spring").
const OVERDOSE_DEATH = /(?<= )(?:died|dies|passed away|passed|death|dead|killed|morto|morta|murio|fallecio|zmarl|zmarla|a murit|(?:my|our|his|her|their) late)(?= )/;
const OVERDOSE_WORD = /(?<= )overdos[a-z]*(?= )/;
const DOSE_NOW = /(?<= )(?:not breathing|unconscious|unresponsive|will not wake|cannot wake|just taken|has taken|have taken|i have taken|taken|took|swallowed|myself|tonight|right now|just now|ambulance|999|going to take|want to die|end it|again)(?= )/;
const overdoseDeathTold = (n: string) => OVERDOSE_DEATH.test(n) && OVERDOSE_WORD.test(n) && !DOSE_NOW.test(n) && !EXPLICIT_PRESENT.test(n);
/**
 * Round 74: someone who wanders or went missing told as with the family now and safe ("keeps wandering out at night but he is with us
 * now and safe we need one of those door sensor alarms"): a device or a service asked for; asked when the model does not back it.
 */
const SAFE_WITH_US_NOW = /(?<= )(?:(?:he|she|they|dad|mum|nan|gran|grandad|grandma) (?:is|s|are) (?:now )?(?:with us|home|back home|back|here|with me)(?: now)? and (?:safe|fine|ok|okay|well)|(?:he|she|they) (?:is|s|are) safe (?:now|at home|with us))(?= )/;
const STILL_LOST = /(?<= )(?:not safe|missing|(?:cannot|can not|could not) find|still out|not (?:back|home|found)|gone again|out there)(?= )/;
const safeWithUsNow = (n: string) => SAFE_WITH_US_NOW.test(n) && !STILL_LOST.test(n) && !EXPLICIT_PRESENT.test(n);
/**
 * Round 74: a threat written up in a public place and there for weeks ("graffiti on the underpass says a named lad ... hell get
 * stabbed, its been there weeks ... can you paint over it"): a removal asked; asked when the model does not back it, never escalated.
 */
const WRITTEN_UP = /(?<= )(?:graffiti|sprayed|spray painted|painted|written|scrawled|tagged|daubed)(?= )/;
const THERE_FOR_WEEKS = /(?<= )(?:been there|up there|there|up)(?: for)? (?:weeks|months|ages|days|a while|a week|a month|a fortnight|(?:a few|few|two|three|several|[0-9]+) (?:weeks|months|days))(?= )/;
const THREAT_NOW = /(?<= )(?:tonight|today|right now|now|scared|frightened|terrified|afraid|following|outside|knife|machete|blade|gun)(?= )/;
const threatWrittenUpLongAgo = (n: string) => WRITTEN_UP.test(n) && THERE_FOR_WEEKS.test(n) && !THREAT_NOW.test(n.replace(/(?<= )(?:get )?stabbed(?= )/g, ' '));
/**
 * Round 74: a threat told as going on, in a question about a service ("keeps messaging that he knows where I live ... can my address
 * be hidden", "a non-molestation order but he keeps turning up ... I'm frightened to go in. Can housing move me?"): the service framing
 * never makes it a question; escalated whatever the model.
 */
const KNOWS_WHERE_KEEPS = new RegExp(String.raw`(?<= )(?:keeps|kept|keep|has been|have been|been|started) ${KNOWS_WHERE_TOLD}(?= )`);
const ORDER_STILL_BROKEN = new RegExp(`(?<= )${ORDER_KEPT_TURNING_UP}(?= )`);
const FEARED_NOW = /(?<= )(?:scared|afraid|frightened|terrified)(?! of (?:the )?(?:water|sea|swimming|pools?|dark|heights|dogs?|fireworks))(?= )/;
const threatGoingOn = (n: string) => (KNOWS_WHERE_KEEPS.test(n) || (ORDER_STILL_BROKEN.test(n) && FEARED_NOW.test(n))) && !toldAsPastN(n);
/** Round 74: the families of a decision, a means or a way out told with a time (patterns.ts): service framing never makes them a question. */
// Round 76: also going now to a bridge or a drop "done with it", gas on unlit and on now, someone who cannot manage alone with nobody in
// for days.
const DATED_MEANS_FAMILIES: ReadonlySet<string> = new Set(['decision_dated', 'hose_in_car', 'way_out_named', 'stockpile_with_plan', 'vehicle_among_children', 'heading_to_means', 'gas_on_unlit', 'cared_for_left_alone',
  // Round 77: going "on my own terms" with how or when worked out; a structure coming down now with people on it or under it.
  'own_terms_planned', 'structure_falling_on_people',
  // Round 78: a goodbye with two of its signs (or going to be with someone who has died), a rope got ready, a way to die and tonight, a
  // man coming into a child's room at night, someone on a railway line, someone fallen and not waking.
  'goodbye_arranged', 'goodbye_joining', 'means_ready', 'method_tonight', 'adult_into_child_room', 'on_railway_line', 'down_not_waking',
  // Round 79: a plan with a time behind a front, control by a partner with secrecy or a reprisal feared, nights away from a partner who
  // drinks, a way to die quick with nobody else hurt, a childminder drunk with children, someone living on pet food, someone collapsed and
  // gone grey, and abuse told plainly in French, Polish or Lithuanian.
  'front_then_plan', 'control_and_secrecy', 'out_for_the_night_from_partner', 'quick_and_no_one_else', 'minder_drunk_with_children', 'eating_pet_food',
  'collapsed_gone_grey', 'abuse_abroad', 'child_abuse_abroad',
  // Round 80: a poison put ready by the bed for later, someone hurt and going cold, a gas hose flaring beside more gas, someone just dragged
  // into a car, an animal loose in a crowd with people hurt, someone trying the door now at night.
  'poison_by_bed', 'hurt_and_going_cold', 'gas_flaring', 'dragged_into_vehicle', 'animal_into_crowd', 'door_tried_now',
  // Round 80 also: a chimney fire now, a fire spreading to a home, a father hitting a mother, children thin with sores, a burn the shape of
  // an iron, someone wandering out at night in slippers, a worker paid in drink, a boss who beat and locked in a worker.
  'chimney_fire_now', 'fire_spreading_to_home', 'dad_hitting_mum', 'children_thin_sores', 'patterned_burn', 'wandering_at_night', 'paid_in_drink', 'boss_beat_locked_in',
  'welsh_no_heat_no_food']);

function decideScreenHit(hit: SafetyHit, scored: SafetyScore, text: string, thresholds: SafetyModelThresholds): SafetyDecision {
  const decided = weighScreenHit(hit, scored, text, thresholds);
  // Round 41: "at the end of my tether" (or rope) about a child's needs, a service or a complaint, and nothing else of despair, harm or
  // risk told: asked at most, whatever the model; "at the end of my tether and want to die" is another family's hit and escalates.
  if (decided?.action === 'escalate' && familyOf(hit) === 'cannot_go_on' && wordCount(text) - wordCount(hit.matched) >= IDIOM_CONTEXT_WORDS && tetherAlone(hit, normaliseForSafety(text))) {
    return { action: 'ask', category: hit.category, kind: hit.kind, reason: `${hit.reason}, but an idiom of exhaustion, nothing else of risk told` };
  }
  return decided;
}

/**
 * Round 69 (Polish): a parent's idiom about their own child ("Mój syn (15 lat) kupuje e-papierosy ... Czy to legalne? Zabiję go, jak go
 * złapię", I'll kill him when I catch him), the writer's child named, nobody else named as the one who threatens, nothing of a weapon,
 * a beating or fear: asked, never escalated; "mąż mówi, że zabije go, jak go złapie" or a stepfather threatening still escalates.
 * Round 72: any condition on the child's doing, not only catching him ("Mój syn ma 15 lat. Zabiję go, jak znowu wróci późno do domu. Czy
 * jest jakiś klub młodzieżowy?").
 */
const POLISH_PARENT_IDIOM = /(?<= )(?:moj|moja|moje|nasz|nasza|nasze)(?: [a-z0-9]+){0,3} (?:syn|corka|dziecko|synek|coreczka|nastolatek|nastolatka)(?= )[^]*(?<= )zabij(?:e|a) (?:go|ja) (?:jak|jesli|jezeli|gdy|kiedy)(?: (?:go|ja|on|ona|znowu|znow|jeszcze raz|ponownie|dzisiaj|dzis))* (?:zlapie|dorwe|zobacze|wroci|wraca|przyjdzie|spozni|sie spozni|nie wroci|zrobi|zgubi|zepsuje|rozbije|wyjdzie|ucieknie|zapali|nie posprzata|nie odrobi)(?= )/;
const POLISH_THREAT_OTHER = /(?<= )(?:maz|meza|partner|partnera|ojciec|ojczym|tata|chlopak|byly|sasiad|sasiada|kolega|oni|on mowi|on powiedzial|powiedzial|powiedziala|mowi ze|grozi|grozil|nozem|noz|bron|boje|boimy|pobil|bije|uderzyl|uderza|krzyczy)(?= )/;
const polishParentIdiom = (n: string) => POLISH_PARENT_IDIOM.test(n) && !POLISH_THREAT_OTHER.test(n);

/**
 * Round 75 (sets YC and YD): a screen hit the model does not back, told as over, as a thing's, as a question or denied, is asked, never
 * escalated (weighScreenHit, below the model's bar only):
 * - a thing fallen into the water ("a chunk fell into the water. It's taped off now"), nobody named in it or hurt;
 * - someone who fell in and got out fine, told as past ("fell in the harbour last weekend messing about - they got out fine");
 * - water safety or drowning prevention asked for as sessions, lessons or a course, nobody in the water told;
 * - an abandoned or dumped thing someone "is going to set light to if it stays", nothing burning, nobody threatened;
 * - a jump denied over a service matter ("im not going to jump off a bridge over it but its a shock");
 * - an older person's affairs put in order, asked as what happens if they die ("what happens to my dog if I die ... I'm 79");
 * - a fire or a boat lost told as past with nobody hurt, in Romanian, Polish, Spanish, Portuguese, Turkish or Arabic.
 */
const THING_INTO_WATER = /(?<= )(?:chunks?|pieces?|bits?|lumps?|part|section|slabs?|bricks?|stones?|rocks?|masonry|concrete|coping|railings?|fence|fencing|debris|rubbish|litter|branch(?:es)?|trees?|signs?|bins?|trolleys?|bikes?|scooters?|wall)(?: of (?:the |a |an |it |that )?[a-z]+(?: [a-z]+)?)? (?:has |have )?(?:fell|fallen|dropped|gone|went|come|came|tipped|slid|collapsed) (?:off )?(?:in|into) (?:the )?(?:water|sea|river|canal|harbour|lake|dock|estuary|marina)(?= )/g;
/** Someone in the water, hurt or in trouble (not "in the harbour wall": SOMEONE_IN_TROUBLE reads the place alone). */
const SOMEONE_IN_WATER = /(?<= )(?:(?:someone|somebody|anyone|anybody|man|woman|person|child|kids?|boys?|girls?|people|he|she|they|swimmers?|kayakers?|paddle boarders?|dogs?) (?:is |are |was |were |s |has |have )?(?:in the (?:water|sea|river|canal|harbour|lake|dock)|fell in|fallen in|went in|gone in|under)|drown[a-z]*|struggling|hurt|injured|nearly|almost|help|trapped|missing)(?= )/;
// Engineer's probe after round 75: also "climbed straight out" ("my mate fell in the canal at the party on saturday and climbed straight out").
const GOT_OUT_FINE = /(?<= )(?:got|climbed|swam|scrambled|was pulled|were pulled|pulled (?:him|her|them)(?:self|selves)?) (?:straight |back |themselves |himself |herself )?out(?: (?:again|by (?:him|her|them)sel(?:f|ves)|on (?:his|her|their) own))? (?:fine|ok|okay|alright|all right|safely|safe|unhurt|no harm done|none the worse)(?= )|(?<= )(?:got|climbed|swam|scrambled) (?:straight|right) (?:back )?out(?! (?:and|but) (?:collapsed|went under|is|was|cannot|can not|could not))(?= )/;
const WATER_SAFETY_ASKED = /(?<= )(?:water safety|drowning prevention|drown proofing|cold water (?:shock|safety)|swimming|life ?saving|lifeguarding)(?: (?:or|and) (?:water safety|drowning prevention|swimming|life ?saving|lifeguarding))?(?: [a-z]+){0,2} (?:sessions?|lessons?|courses?|classes|talks?|training|workshops?|awareness|programmes?|visits?)(?= )/g;
const ARSON_IF_LEFT = /(?<= )(?:someone|somebody|kids|they|people|someone is|somebody is)(?: is| are)? (?:going to|gonna|will|could|might|will end up) (?:set (?:light|fire) to|torch|burn) (?:it|them|that|the [a-z]+)(?: [a-z]+){0,2} (?:if|unless|before|soon|eventually)(?= )/;
const ABANDONED_THING = /(?<= )(?:abandoned|dumped|left (?:on|in|at|by|there|outside)|fly ?tipped|fly tipping|burnt out|no tax|untaxed|flat tyres|(?:for|over) (?:a|two|three|four|six|several|[0-9]+) (?:weeks?|months?)|mattress(?:es)?|sofas?|rubbish|pile)(?= )/;
const THREAT_TO_OWN = /(?<= )(?:said|says|told|threaten[a-z]*|my (?:house|home|flat|car|van|door|shop|boat|caravan)|our (?:house|home|flat|car|van|door|shop|boat|caravan)|scared|afraid|frightened|terrified|inside|in it)(?= )/;
const JUMP_DENIED_OVER = /(?<= )(?:i am|i m|im) not (?:going to|gonna|about to) (?:jump|throw myself) (?:off|from) (?:a |the )?[a-z]+(?: [a-z]+)? (?:over|about|because of) (?:it|this|that|a|the|some|my)(?= )/;
const OLDER_AGE_TOLD = /(?<= )(?:(?:i am|i m|im|aged|age|i turned|i will be) (?:[7-9][0-9]|1[01][0-9])(?! (?:years? ago|days?|weeks?|months?|pounds?|quid|minutes?|miles?))|at my age|in my (?:seventies|eighties|nineties)|a pensioner)(?= )/;
const IF_I_DIE_ASKED = /(?<= )(?:what happens|what will happen|who (?:looks after|gets|takes|will look after|will get|will take))(?: [a-z]+){0,6} (?:if|when|after) i (?:die|pass|pass away|go)(?= )/;
const DESPAIR_OR_MEANS = /(?<= )(?:tonight|pills|tablets|rope|no point|cannot go on|can not go on|had enough|want to die|wish i was dead|end it|end my life|kill myself|suicid[a-z]*|goodbye|not be here|plan|planned|planning|lonely|hopeless|burden)(?= )/;
// Round 77: also "już wszystko ok" (all fine now) and its like in Romanian, Portuguese, Spanish and Turkish.
const FOREIGN_NOBODY_HURT = /(?<= )(?:nimeni nu a fost ranit|nu a fost nimeni ranit|nimeni nu s a ranit|nikt nie (?:zostal|byl) rann[a-z]*|nikomu nic sie nie stalo|nadie (?:resulto|salio|fue) herid[oa]|nadie se hizo dano|ninguem (?:ficou|foi|saiu) ferid[oa]|ninguem se magoou|kimse yaralanmadi|(?:juz )?wszystko (?:juz )?(?:jest )?(?:ok|dobrze|w porzadku)|totul (?:e|este) (?:bine|in regula)(?: acum)?|(?:ja )?(?:esta )?tudo bem agora|ya (?:esta )?todo bien|simdi her sey yolunda)(?= )/;
const RO_PAST = /(?<= )(?:luna trecuta|saptamana trecuta|anul trecut|iarna trecuta|vara trecuta|ieri|alaltaieri|acum (?:[a-z]+ )?(?:zile|saptamani|luni|ani))(?= )/;
const AR_NOBODY_HURT = /لم يصب أحد|لم يصب احد|لم يصَب أحد|لم يتأذ أحد|لم يتاذ احد|ما حدا انصاب|ما حدا تأذى|لا أحد مصاب/u;
const AR_SEASON_PAST = /الشتاء الماضي|الصيف الماضي|الربيع الماضي|الخريف الماضي|العام الماضي|السنة الماضية|الشهر الماضي/u;
const NOW_THE_THING = /(?<= )now (?=(?:the|our|my) [a-z]+ (?:light|lights|lamp|railings?|fence|sign|path|towpath|bridge|steps|ladder|barrier|gate|bench) (?:is|are|has|have) )/g;
function overOrThingAtWater(family: string | null | undefined, n: string): string | null {
  if (family !== 'water_or_cliff') return null;
  const noThing = n.replace(THING_INTO_WATER, ' ');
  if (noThing !== n && !PERSON.test(noThing) && !SOMEONE_IN_WATER.test(noThing) && !EXPLICIT_PRESENT.test(n)) return 'a thing fallen into the water, nobody in it';
  // Engineer's probe after round 75: a bare "now" starts the service asked for ("climbed straight out, now the towpath light is broken").
  if (GOT_OUT_FINE.test(n) && PAST_AT_ALL.test(n) && !EXPLICIT_PRESENT.test(n) && !STILL_THERE.test(n) && !HAPPENING_NOW.test(n.replace(NOW_THE_THING, ' '))) return 'told as past, they got out fine';
  const noSessions = n.replace(WATER_SAFETY_ASKED, ' ');
  if (noSessions !== n && !SOMEONE_IN_WATER.test(noSessions) && !EXPLICIT_PRESENT.test(n) && !HAPPENING_NOW.test(noSessions)) return 'water safety sessions asked for';
  return null;
}
/**
 * Round 76: a training, a course or a session asked about on a topic ("what training you offer on supporting teenagers who self harm"),
 * nothing of the writer's own harm or anything now.
 */
const TRAINING_ASKED = /(?<= )(?:training|trainings|courses?|sessions?|workshops?|classes|webinars?|e learning|awareness sessions?)(?: [a-z]+){0,2} (?:you|the council|council|they|do you|is there|are there) ?(?:offer|offers|run|runs|provide|provides|do|have|available)?(?: [a-z]+){0,3} (?:on|about|around|covering|for|in) (?:[a-z]+ ){0,4}(?:self harm|self harming|suicide|suicidal|overdoses?|overdosing|mental health)(?= )|(?<= )(?:what|which|any|is there|are there|do you (?:offer|run|provide|do|have)) (?:[a-z]+ ){0,3}(?:training|courses?|sessions?|workshops?|classes)(?= )/;
const OWN_HARM_NOW = /(?<= )(?:i (?:self harm|have been self harming|am self harming|cut myself|have cut myself|want to die|want to end it)|myself|my own|tonight|right now|just now|just (?:cut|taken|took))(?= )/;
/** Round 76: a history of overdosing or self-harm told as a habit, with a helper on hand this time ("my CPN is helping me deal with it calmly"). */
// Engineer's probe after round 76: also a habit told as past ("i used to overdose whenever the bills piled up").
const HABIT_HISTORY = /(?<= )(?:(?:a |my )?history of (?:overdosing|overdoses?|taking overdoses|self harm|self harming)|i used to (?:overdose|take overdoses|self harm|cut myself))(?= )/;
const HELPER_ON_HAND = /(?<= )(?:my |the |a )?(?:cpn|care coordinator|support worker|key worker|keyworker|therapist|counsellor|psychiatrist|crisis team|mental health team|social worker|gp|nurse) (?:is |are |has been |have been |s )?(?:helping|supporting|working with|with) me(?= )/;
const HARM_NOW_TOLD = /(?<= )(?:tonight|right now|just now|have taken|just taken|just took|pills|tablets|want to die|end it|cannot cope|can not cope|not coping|again)(?= )/;
/** Round 76: an overdose told as over, the person now fine ("after he would taken an overdose he is ok now and getting help"). */
// Engineer's probe after round 76: also treated or admitted for one ("while my daughter was treated for an overdose, shes doing well now").
const OVERDOSE_TOLD_OVER = /(?<= )(?:(?:after|because|since|when) (?:he|she|they|i|my [a-z]+) (?:would |had |has |have )?(?:taken|took|had) (?:an |a )?overdose|(?:was|were|being|been|got) (?:treated|admitted|kept in|in hospital|in a and e) (?:for|after) (?:an |a |her |his |their )?overdose)(?= )/;
const FINE_NOW = /(?<= )(?:(?:(?:he|she|they|i) (?:is|are|am)|hes|shes|theyre|im) (?:ok|okay|fine|alright|all right|safe|well|home|doing (?:well|better|ok|okay|fine)) now|(?:he|she|they|i) (?:is|are|am) (?:fine|ok|okay) just|getting (?:help|support) now)(?= )/;
/** Round 76: a fall, a heart attack or a stroke told as past, the person fine or home recovering ("had a fall last year ... she is fine"). */
const EMERGENCY_PAST = /(?<= )(?:had|has had|have had|after|since) (?:a |an |his |her |my |the )?(?:fall|heart attack|stroke|seizure|fit|operation|surgery|cardiac arrest)(?: (?:last (?:year|month|winter|summer|spring|autumn|christmas)|(?:a|a few|a couple of|two|three|four|five|six|several|some|[0-9]+) (?:weeks|months|years) ago|(?:and )?(?:is |s )?(?:at )?home (?:now )?(?:and )?(?:recovering|resting)|(?:and )?(?:is |s )?recovering at home))(?= )/;
const EMERGENCY_PAST_FINE = /(?<= )(?:(?:he|she|they|i) (?:is|are|am) (?:fine|ok|okay|alright|all right|well|doing well|fine now)|(?:home|at home) (?:and )?(?:recovering|resting)|recovering at home)(?= )/;
const EMERGENCY_NOW = /(?<= )(?:on the floor|on the ground|(?:cannot|can not|could not) get (?:up|her up|him up)(?! (?:the|a|on|onto|to|into) )|bleeding|unconscious|not responding|unresponsive|not breathing|collapsed|chest pains?|(?:cannot|can not) breathe|right now|just now|tonight|again|blue|grey|clammy)(?= )/;
/** Round 76: a fire asked about as a hypothetical ("If my neighbour's house caught fire and spread to mine, whose insurance would pay?"). */
const HYPOTHETICAL = /(?<= )(?:(?:just |only |purely )?(?:a |an )?hypothetical(?: question)?|hypothetically(?: speaking)?|in theory|theoretically)(?= )/;
const IF_IT_HAPPENED = /(?<= )(?:if|say|suppose|supposing|what if|in case) (?:[a-z]+ ){0,5}(?:caught fire|catches fire|catch fire|were to|was to|went up|goes up|burned down|burnt down|burns down|exploded|explodes)(?= )/;
const EVERY_IF_IT_HAPPENED = new RegExp(IF_IT_HAPPENED.source, 'g');
export function hypotheticalAsked(n: string): boolean {
  if (!HYPOTHETICAL.test(n) || !IF_IT_HAPPENED.test(n)) return false;
  const rest = n.replace(EVERY_IF_IT_HAPPENED, ' ');
  return !PRESENT_FIRE.test(rest) && !FELT_NOW.test(rest) && !/(?<= )(?:right now|just now|now|tonight|actually|really is|is on fire|smoke is|flames are|smell (?:of )?(?:gas|smoke|burning))(?= )/.test(rest);
}
export function round76Asked(family: string | null | undefined, n: string): string | null {
  const suicideLike = SUICIDE_FAMILIES.has(family ?? '') || family === 'self_harm' || family === 'overdose';
  if (suicideLike && TRAINING_ASKED.test(n) && !OWN_HARM_NOW.test(n) && !EXPLICIT_PRESENT.test(n)) return 'a training or a course asked about a topic';
  if ((family === 'overdose' || family === 'self_harm') && HABIT_HISTORY.test(n) && HELPER_ON_HAND.test(n) && !HARM_NOW_TOLD.test(n) && !EXPLICIT_PRESENT.test(n)) return 'a history told, with a helper on hand this time';
  if (family === 'overdose' && OVERDOSE_TOLD_OVER.test(n) && FINE_NOW.test(n) && !OVERDOSE_AGAIN.test(n) && !EXPLICIT_PRESENT.test(n)) return 'told as over, the person fine now';
  if (family === 'medical_emergency' && EMERGENCY_PAST.test(n) && EMERGENCY_PAST_FINE.test(n) && !EMERGENCY_NOW.test(n)) return 'told as past, the person fine or home recovering';
  if ((FIRE_FAMILIES.has(family ?? '') || family === 'electrical_fire') && hypotheticalAsked(n)) return 'a hypothetical asked';
  return null;
}
/**
 * Round 77 (sets YG and YH): a screen hit the model does not back, told as fixed and over or as a question about advice, is asked, never
 * escalated (weighScreenHit, below the model's bar only):
 * - a gas or carbon monoxide problem told as past and fixed by an engineer, in plain or second-language English or in Roman Urdu ("Last
 *   month we had carbon monoxide problem, gas man fix the boiler and all good now"; "pichle hafte ... engineer ne theek kar diya"),
 *   nothing smelt, sounding or felt now;
 * - advice to ring 999 relayed from someone else and asked about ("My friend say I must call 999 because my bin is stolen, is this
 *   true?"), nobody hurt, in danger or threatened.
 */
const PAST_TOLD_77 = /(?<= )(?:last (?:night|week|month|year|weekend|winter|summer|spring|autumn)|yesterday|(?:days|weeks|months|years|a week|a month|a year) ago|the other (?:day|week)|earlier (?:this|in the) (?:week|month|year)|pichle (?:hafte|haftay|mahine|mahinay|saal)|pichhle (?:hafte|mahine|saal)|guzishta (?:hafte|mahine|saal))(?= )/;
const FIXED_BY_ENGINEER = /(?<= )(?:gas man|gasman|gas engineer|engineer|engineers|plumber|boiler man|landlord|council|housing|they|he)(?: [a-z]+){0,4} (?:fix|fixed|fixes|repair|repaired|sorted|replaced|serviced|made (?:it )?safe|theek (?:kar|kr) (?:diya|di|diye|dia|dya))(?= )/;
const ALL_GOOD_NOW = /(?<= )(?:(?:all|everything|it|its|it is|boiler)(?: is| s)? (?:good|fine|ok|okay|safe|sorted|working)(?: now)?|(?:fine|ok|okay|safe|good) now|ab (?:theek|thik|sab theek)|ab [a-z ]{0,30}(?:alarm|detector) (?:chahiye|chahye|chaiye))(?= )/;
const GAS_NOW_77 = /(?<= )(?:smell[a-z]*|smelt|stink[a-z]*|reek[a-z]*|leak[a-z]*|going off|sounding|beeping|alarm went|alarm is|again|still (?:smell[a-z]*|leak[a-z]*|dizzy|sick|ill)|today|tonight|right now|just now|bu|boo|chakkar|ulti)(?= )/;
const coFixedOver = (n: string) => PAST_TOLD_77.test(n) && FIXED_BY_ENGINEER.test(n) && ALL_GOOD_NOW.test(n) && !GAS_NOW_77.test(n) && !FELT_NOW.test(n) && !EXPLICIT_PRESENT.test(n);
const ADVICE_999_RELAYED = /(?<= )(?:friend|friends|mate|neighbour|neighbours|someone|somebody|people|they|he|she|my [a-z]+)(?: [a-z]+){0,2} (?:say|says|said|told me|tell me|tells me|told us|telling me|keeps saying)(?: that)? (?:(?:i|we|you) (?:must|should|have to|need to|ought to|got to|gotta|has to)|(?:me|us)(?: to)?|to) (?:call|ring|phone|dial) (?:999|112|911|the police|an ambulance)(?= )/;
const ASKED_IF_TRUE = /(?<= )(?:is (?:(?:this|that|it) )?(?:true|right|correct|so)|is that what i (?:do|should do)|should i|do i (?:really )?(?:need|have) to|or (?:do )?i (?:just )?(?:order|report|ring|call|ask|get|need)|or (?:should|can) i)(?= )/;
const HARM_OR_DANGER_77 = /(?<= )(?:hurt|injur[a-z]*|bleed[a-z]*|blood|attack[a-z]*|hit|hitting|threat[a-z]*|knife|weapon|scared|afraid|frightened|fire|smoke|gas|collapsed|unconscious|not breathing|breathing|chest|fell|fallen|missing|break(?:ing)? in|breaking into|inside|still here|still there|outside now)(?= )/;
export function round77Asked(family: string | null | undefined, n: string): string | null {
  if (FIRE_FAMILIES.has(family ?? '') && coFixedOver(n)) return 'told as past and fixed, nothing felt now';
  if ((family === 'medical_emergency' || EMERGENCY_FAMILIES.has(family ?? '')) && ADVICE_999_RELAYED.test(n) && ASKED_IF_TRUE.test(n) && !HARM_OR_DANGER_77.test(n.replace(ADVICE_999_RELAYED, ' ')) && !EXPLICIT_PRESENT.test(n.replace(ADVICE_999_RELAYED, ' '))) return "someone else's advice to ring 999 asked about";
  return null;
}
/**
 * Round 78 (dev-133, parents of disabled children): what a weapon or self-harm hit tells when the model does not back it.
 * - a threat to shoot or kill "everyone" inside a game ("plays war games all day and says hes going to shoot everyone ... its just the
 *   game"), nothing of a real weapon, a school or fear;
 * - a threat to kill from someone with dementia or confusion, told as harmless or said to everyone ("keeps saying hes going to kill my
 *   brother ... says it to everyone even the postman hes harmless"), nothing of a weapon, an attack or harm;
 * - a noise likened to a gunshot or a bomb for someone ("the tannoy ... it's like a gunshot to him");
 * - self-harm or a try at strangling oneself told at a younger age or at primary school, the child well or stable now ("self harmed
 *   when she was twelve shes seventeen now and fine", "tried to strangle himself with a lanyard at primary. He's stable now").
 */
const GAME_WORDS = /(?<= )(?:war games?|video games?|computer games?|the game|a game|his game|her game|fortnite|call of duty|cod|gta|xbox|playstation|ps[45]|minecraft|roblox|pretend|role play)(?= )/;
const GAME_THREAT = /(?<= )(?:going to|gonna|will|wants to|says he will|says she will) (?:shoot|kill|blow up|nuke) (?:everyone|everybody|them all|all of them|us all)(?= )/;
const REAL_WEAPON = /(?<= )(?:real gun|air ?gun|bb gun|knife|knives|blade|machete|school|teacher|classmates|list|scared|afraid|frightened|terrified|police|hurt|hit|attacked|bruis[a-z]*)(?= )/;
const CONFUSED_SPEAKER = /(?<= )(?:dementia|alzheimer s|alzheimers|confused|confusion|memory (?:problems|loss|assessment))(?= )/;
const THREAT_HARMLESS = /(?<= )(?:(?:he|she|they) (?:is|s|are) (?:harmless|all talk|no danger)|says it to (?:everyone|everybody|anyone)|never (?:acted on it|done anything|touched anyone|hurt anyone)|would not hurt a fly|wouldn t hurt a fly)(?= )/;
const THREAT_ACTED = /(?<= )(?:knife|knives|weapon|hit|hits|hitting|hurt|hurting|attacked|attacking|punched|kicked|strangl[a-z]*|bruis[a-z]*|blood|bleeding|scared|afraid|frightened|terrified|police|tried to)(?= )/;
const SOUND_LIKE_GUNSHOT = /(?<= )(?:like|as loud as|sounds like|sound like) (?:a )?(?:gunshots?|gun ?fire|gun going off|bomb|bombs|explosion|explosions) (?:to|for) (?:him|her|them|me|my [a-z]+)(?= )/;
const CHILD_PAST_AGE = /(?<= )(?:when (?:she|he|they|i) (?:was|were) (?:[0-9]+|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|little|younger|small)|at (?:primary|primary school|nursery|infant school|junior school)|in (?:year [0-9]+|primary|primary school)(?! now))(?= )/;
const WELL_NOW = /(?<= )(?:(?:she|he|they|i) (?:is|s|are|am) (?:[a-z0-9]+ )?(?:now )?(?:and )?(?:fine|ok|okay|well|stable|settled|doing well|doing fine)(?: now)?|(?:stable|settled|fine|well|okay) now|now and (?:fine|well|ok|okay|stable))(?= )/;
const HARM_BACK = /(?<= )(?:again|still|started again|back|tonight|right now|last night|this week|worried|worse)(?= )/;
export function round78Asked(family: string | null | undefined, n: string): string | null {
  if (family === 'weapon_or_threat_to_kill') {
    if (GAME_WORDS.test(n) && GAME_THREAT.test(n) && !REAL_WEAPON.test(n) && !EXPLICIT_PRESENT.test(n)) return 'a threat inside a game';
    if (CONFUSED_SPEAKER.test(n) && THREAT_HARMLESS.test(n) && !THREAT_ACTED.test(n) && !EXPLICIT_PRESENT.test(n)) return 'a threat from someone confused, told as harmless';
    if (SOUND_LIKE_GUNSHOT.test(n) && !/(?<= )(?:shot|shooting|shooter|armed|police)(?= )/.test(n) && !EXPLICIT_PRESENT.test(n)) return 'a noise likened to a gunshot';
  }
  if ((family === 'weapon_or_threat_to_kill' || family === 'self_harm') && CHILD_PAST_AGE.test(n) && WELL_NOW.test(n) && !HARM_BACK.test(n) && !EXPLICIT_PRESENT.test(n)) return "a child's past self-harm, well now";
  return null;
}
/**
 * Round 79 (dev-135): what a hit tells when the model does not back it.
 * - a test of the chat told as not real ("Testing the chat for our housing team training: 'resident reports neighbour has overdosed'.
 *   Please ignore, not real"): both a test and "not real" or "please ignore" are needed, nothing now;
 * - a first-aid or a training course's question ("Revising for my first aid course - what position do you put someone in if they're
 *   unconscious but breathing?"), of an emergency or an overdose hit, nobody of the writer's down now.
 */
const TEST_SAID = /(?<= )(?:testing|test|tests|tested|trial run|demo|demonstration|training (?:exercise|scenario|session|run)|for (?:our |the |my )?(?:[a-z]+ ){0,2}training)(?= )/;
const NOT_REAL = /(?<= )(?:please ignore|pls ignore|ignore this|ignore that|not real|not a real (?:case|person|situation|incident|emergency|report|one)|no real (?:case|person|emergency)|made up|fictional|pretend)(?= )/;
const STUDY_SAID = /(?<= )(?:revising|revision|first aid (?:course|training|exam|test|class|certificate|assessment)|(?:my|the|a) (?:first aid |cpr |lifeguard |nursing |care |training )?(?:course|exam|exams|coursework|assessment|quiz|module|homework)|studying for|training course)(?= )/;
const PROCEDURE_ASKED = /(?<= )(?:what (?:position|do you do|should you do|do i do|is the|are the)|how (?:do|should|would) you|do you (?:put|turn|roll|give|check)|should you|recovery position|is it (?:right|true|correct) that)(?= )/;
const OWN_DOWN_NOW = /(?<= )(?:my|our) (?:[a-z]+ )?(?:son|daughter|husband|wife|partner|mum|mam|dad|baby|child|kid|brother|sister|nan|gran|grandad|friend|mate|neighbour)(?: [a-z]+){0,3} (?:is|s|has|just|went|has gone) (?:unconscious|collapsed|not breathing|passed out|fitting|overdosed|taken)(?= )/;
/** A state asked about under an "if" ("if they're unconscious but breathing"): the question's case, nobody's now. */
const IF_STATE = /(?<= )(?:if|when|whether) (?:they|someone|somebody|a person|the person|the casualty|the patient|you|he|she|a casualty|a child|a baby) (?:is |are |s |were |was )?(?:[a-z]+ ){0,3}?(?:unconscious|not breathing|unresponsive|not moving|bleeding|choking)(?: but breathing)?(?= )/g;
export function round79Asked(family: string | null | undefined, n: string): string | null {
  if (TEST_SAID.test(n) && NOT_REAL.test(n) && !HAPPENING_NOW.test(n) && !OWN_DOWN_NOW.test(n)) return 'a test told as not real';
  if ((family === 'medical_emergency' || family === 'overdose' || EMERGENCY_FAMILIES.has(family ?? '')) && STUDY_SAID.test(n) && PROCEDURE_ASKED.test(n) && !HAPPENING_NOW.test(n) && !OWN_DOWN_NOW.test(n) && !EXPLICIT_PRESENT.test(n.replace(IF_STATE, ' '))) return "a course's question about what to do";
  return null;
}
/**
 * Round 79: a threat to kill the writer taken back at once as a joke with the teller called gentle ("my husband says if the horse doesnt
 * come in hes going to kill me only joking hes a soft lad really"): asked even when the model is sure; never a threat believed or feared.
 */
const WRITER_THREAT_JOKED = /(?<= )(?:going to|gonna|will|ll|would|is going to|s going to) (?:kill|murder|strangle|throttle|batter) (?:me|us)(?: [a-z]+){0,3} (?:only|just) (?:joking|kidding|messing|having a laugh)(?= )/;
const GENTLE_TELLER = /(?<= )(?:(?:he|she) (?:is|s) (?:a |such a |just a )?(?:soft lad|soft touch|big softie|softie|big soft lump|teddy bear|pussycat|harmless|gentle giant)|would not hurt a fly|wouldn t hurt a fly|never (?:laid a finger|hurt (?:me|anyone|a fly)))(?= )/;
const THREAT_FEARED_79 = /(?<= )(?:scared|afraid|frightened|terrified|means it|meant it|serious|hit|hits|hurt|hurts|hurting|bruis[a-z]*|knife|weapon|police|safe)(?= )/;
export const writerThreatJoked = (n: string) => WRITER_THREAT_JOKED.test(n) && GENTLE_TELLER.test(n) && !THREAT_FEARED_79.test(n.replace(GENTLE_TELLER, ' ')) && !THREAT_MEANT.test(n);
export function overDeniedOrAsked(family: string | null | undefined, n: string, text: string): string | null {
  const water = overOrThingAtWater(family, n);
  if (water) return water;
  if (FIRE_FAMILIES.has(family ?? '') && ARSON_IF_LEFT.test(n) && ABANDONED_THING.test(n) && !THREAT_TO_OWN.test(n) && !PRESENT_FIRE.test(n) && !HAPPENING_NOW.test(n) && !PERSON_IN_FIRE.test(n)) return 'an abandoned thing someone may set light to, nothing burning';
  if (family === 'jump' && JUMP_DENIED_OVER.test(n) && !/(?<= )(?:yet|tonight|but i might|might|thought about|thinking)(?= )/.test(n)) return 'a jump denied, over a service matter';
  if (family === 'suicide_indirect' && OLDER_AGE_TOLD.test(n) && IF_I_DIE_ASKED.test(n) && !DESPAIR_OR_MEANS.test(n)) return "an older person's affairs, what happens if they die asked";
  if ((FIRE_FAMILIES.has(family ?? '') || family === 'multilingual_risk') && (FOREIGN_PAST.test(n) || RO_PAST.test(n)) && FOREIGN_NOBODY_HURT.test(n) && !FOREIGN_NOT_OVER.test(n) && !STILL_THERE.test(n) && !FELT_NOW.test(n) && !FOREIGN_FELT.test(n)) return 'told as past, nobody hurt';
  if ((family === 'arabic_danger' || family === 'arabic_fire') && (AR_PAST.test(text) || AR_SEASON_PAST.test(text)) && AR_NOBODY_HURT.test(text) && !AR_NOT_OVER.test(text)) return 'told as past, nobody hurt';
  return null;
}

/**
 * What a screen hit the model does not back tells, read in turn, the first reason found (weighScreenHit): round 76 (a training asked
 * about, a history with a helper on hand, an overdose or an emergency told as over, a fire asked as a hypothetical), round 77 (a gas or CO
 * problem fixed, advice to ring 999 relayed and asked about), round 78 (a threat inside a game or from someone confused told as harmless,
 * a noise likened to a gunshot, a child's past self-harm with the child well now), round 79 (a test told as not real, a course's
 * question about what to do).
 */
const ASKED_BELOW_MODEL: readonly ((family: string | null | undefined, n: string) => string | null)[] = [round76Asked, round77Asked, round78Asked, round79Asked];

function weighScreenHit(hit: SafetyHit, scored: SafetyScore, text: string, thresholds: SafetyModelThresholds): SafetyDecision {
  const escalate: SafetyDecision = { action: 'escalate', category: hit.category, kind: hit.kind, source: scored.score >= thresholds.escalateAt ? 'both' : 'screen', reason: hit.reason };
  if (familyOf(hit) === 'multilingual_threat' && polishParentIdiom(normaliseForSafety(text))) return { action: 'ask', category: hit.category, kind: hit.kind, reason: `${hit.reason}, but a parent's idiom about their own child` };
  // Round 64: a gas smell indoors that someone else has waved away ("smells proper eggy near the boiler, landlord says its the drains lol"):
  // the laugh is at the excuse, and the smell still needs the gas emergency line: escalated whatever the model.
  if (FIRE_FAMILIES.has(familyOf(hit) ?? '') && gasSmellWavedAway(normaliseForSafety(text))) return { ...escalate, reason: `${hit.reason}, a gas smell waved away by someone else` };
  // Round 6: thanks for help years ago ("the domestic abuse team helped me two years ago, I'm safe now") is asked even when the model agrees.
  if (scored.score >= thresholds.escalateAt) {
    const framed = framedAsService(text);
    if (framed === 'thanks for past help' && !BACK_AGAIN.test(normaliseForSafety(text))) return { action: 'ask', category: hit.category, kind: hit.kind, reason: `${hit.reason}, but thanks for past help` };
    // Round 13: a risk told as past and over ("self-harmed two years ago ... she's well now"): asked even when the model agrees.
    // Round 17: also abuse the writer has left, told as past ("left my partner because of domestic abuse about six months ago ... what
    // are my options"): asked at most, unless it goes on (toldAsPast: "still", "found me", "scared").
    if (toldAsPast(text) && (defeaters(text).includes('denied') || LEFT_ABUSE.test(normaliseForSafety(text)))) return { action: 'ask', category: hit.category, kind: hit.kind, reason: `${hit.reason}, but told as past and over` };
    // Round 29: an overdose told as past and recovering ("my son overdosed last year but he's in recovery now and doing really well"),
    // nothing of another one: asked even when the model agrees (round 27 asked it only below the model's bar).
    // Round 62: a gas smell outdoors with the gas network already there and digging: asked even when the model agrees.
    if (FIRE_FAMILIES.has(familyOf(hit) ?? '') && gasCrewOnSite(normaliseForSafety(text))) return { action: 'ask', category: hit.category, kind: hit.kind, reason: `${hit.reason}, but the gas network already there` };
    if (familyOf(hit) === 'overdose' && pastOverdoseRecovering(normaliseForSafety(text))) return { action: 'ask', category: hit.category, kind: hit.kind, reason: `${hit.reason}, but told as past and recovering` };
    // Round 30: a threat to someone else or a likeness of violence taken back at once ("yelling like he's being stabbed, he's not, he's
    // just watching the football"): asked even when the model agrees; never a family explicit and present by construction.
    if (!PRESENT_FAMILIES.has(familyOf(hit) ?? '') && (hit.kind === 'crime_violence' || hit.kind === 'danger_now') && threatTakenBack(text)) return { action: 'ask', category: hit.category, kind: hit.kind, reason: `${hit.reason}, but a threat or a likeness taken back` };
    // Round 79: a threat to kill the writer taken back at once as a joke, the teller called gentle, nothing feared: asked, however sure the model.
    if ((familyOf(hit) === 'weapon_or_threat_to_kill' || familyOf(hit) === 'threat_to_hurt') && writerThreatJoked(normaliseForSafety(text))) return { action: 'ask', category: hit.category, kind: hit.kind, reason: `${hit.reason}, but a threat taken back as a joke` };
    // Round 9: a model that agrees only weakly does not outweigh a joke, a comic threat or a story on the news or in a book: asked.
    if (scored.score < (thresholds.defeatSure ?? SAFETY_DEFEAT_SURE)) {
      // Round 29: also a thing called suicide ("the queue on the phone line is suicide"), of a suicide family only.
      const weak = defeated(text, hit) ? defeaters(text).filter((d) => d === 'laughter' || d === 'comicThreat' || (d === 'thingIsSuicide' && SUICIDE_FAMILIES.has(familyOf(hit) ?? ''))) : [];
      if (weak.length > 0) return { action: 'ask', category: hit.category, kind: hit.kind, reason: `${hit.reason}, but ${weak.join(', ')}` };
      if (framed === 'a report from the news or social media' || framed === NO_CASE_FRAMING || framed === SIGN_FRAMING) return { action: 'ask', category: hit.category, kind: hit.kind, reason: `${hit.reason}, but ${framed}` };
      // Round 76: a fire asked as a hypothetical, nothing burning or felt, the model agreeing only weakly: asked.
      if (FIRE_FAMILIES.has(familyOf(hit) ?? '') && hypotheticalAsked(normaliseForSafety(text))) return { action: 'ask', category: hit.category, kind: hit.kind, reason: `${hit.reason}, but a hypothetical asked` };
    }
    return escalate;
  }
  const ask: SafetyDecision = { action: 'ask', category: hit.category, kind: hit.kind, reason: `${hit.reason}, but the safety model disagrees (${scored.score.toFixed(2)})` };
  // Round 34: an information request turned first-person ("is there a number for someone who wants to kill themselves? It's me", "asking
  // for myself"): the one at risk is the writer; escalated whatever the model.
  const n = normaliseForSafety(text);
  const family = familyOf(hit);
  if (SUICIDE_FAMILIES.has(family ?? '') && HELP_REQUEST.test(n) && ASKING_FOR_MYSELF.test(n)) return { ...escalate, reason: `${hit.reason}, asked for themselves` };
  // Round 61: rape of the writer told as going on ("hes been raping me and i cant live there"), or abuse of the writer told with a plea
  // not to write, ring or send anything home ("He did it when he threw me against it. Please don't send a letter here"): escalated
  // whatever the model, and whatever service the message also asks for.
  // Also abuse told with the writer kept in ("hes took my phone and my bank card again and i only get out to walk the dog").
  // Round 63: the writer strangled or choked by a he or a partner, told as recent, however it is played down ("he strangled me a bit
  // last week but its fine now hes sorry"): a denial or an apology never defeats strangulation; escalated whatever the model.
  if (ABUSE_FAMILIES.has(family ?? '') && strangledRecently(n)) return { ...escalate, reason: `${hit.reason}, strangled or choked, never denied away` };
  const abuseNow = ABUSE_FAMILIES.has(family ?? '') ? abuseOfWriterNow(n) : null;
  if (abuseNow && !toldAsPast(text)) return { ...escalate, reason: `${hit.reason}, ${abuseNow}` };
  // Round 74: a decision, a means or a way out told with a time, or a threat told as going on (see DATED_MEANS_FAMILIES, threatGoingOn):
  // escalated whatever the model and whatever service the message also asks for.
  if (DATED_MEANS_FAMILIES.has(family ?? '')) return { ...escalate, reason: `${hit.reason}, told plainly` };
  if ((ABUSE_FAMILIES.has(family ?? '') || family === 'order_breached' || family === 'abuser_found_home' || family === 'followed_watched') && threatGoingOn(n)) return { ...escalate, reason: `${hit.reason}, a threat told as going on` };
  // Round 10: a question about a smoke or CO alarm itself (where to fit one, the symptoms to know), nothing sounding or felt: nothing to ask.
  if (alarmQuestion(text)) return null;
  if (screenEveryday(text) || framedAsService(text)) return scored.score >= thresholds.askAt ? ask : null;
  // Round 20: the gas emergency service or an engineer has been and fixed it, nothing still there or felt: asked, never escalated.
  if (emergencyFixed(n)) return { ...ask, reason: `${hit.reason}, but fixed by the emergency service` };
  // Round 62: a gas smell outdoors with the gas network already there and digging, nothing felt or smelt indoors: asked, never escalated.
  if (FIRE_FAMILIES.has(family ?? '') && gasCrewOnSite(n)) return { ...ask, reason: `${hit.reason}, but the gas network already there` };
  // Round 26: a fire or a gas smell told as past and dealt with, in another language: asked, never escalated.
  if ((FIRE_FAMILIES.has(family ?? '') || family === 'arabic_fire') && foreignPastPutOut(text)) return { ...ask, reason: `${hit.reason}, but told as past and put out` };
  // Round 75: told as over, a thing's, a question or denied (overDeniedOrAsked): asked, never escalated.
  const overOrAsked = overDeniedOrAsked(family, n, text);
  if (overOrAsked) return { ...ask, reason: `${hit.reason}, but ${overOrAsked}` };
  // Rounds 76 to 79 (ASKED_BELOW_MODEL, in order; each reader's comment says what it reads): asked, never escalated.
  for (const read of ASKED_BELOW_MODEL) {
    const why = read(family, n);
    if (why) return { ...ask, reason: `${hit.reason}, but ${why}` };
  }
  // Round 62: a headline or a news item quoted and asked about (true? old? last year?), in English, Polish or Arabic: asked, never escalated.
  if ((FIRE_FAMILIES.has(family ?? '') || family === 'arabic_fire' || family === 'arabic_violence') && headlineAsked(text)) return { ...ask, reason: `${hit.reason}, but a headline asked about` };
  // Round 26: self-harm told as someone's past habit ("my sister who used to self-harm"), in a question about caring for them
  // ("do you do carers assessments?"), nothing saying it is back: a care question, asked at most.
  if (family === 'self_harm' && USED_TO_SELF_HARM.test(n) && !SELF_HARM_BACK.test(n) && CARE_QUESTION.test(n) && !EXPLICIT_PRESENT.test(n)) return scored.score >= thresholds.askAt ? { ...ask, reason: `${hit.reason}, but a past habit, in a question about care` } : null;
  // Round 27: an overdose told as the past reason for something ("in hospital after an overdose. I'm home now, the crisis team visit
  // and I'm doing much better"), nothing of another one: asked, never escalated.
  if (family === 'overdose' && pastOverdoseRecovering(n)) return { ...ask, reason: `${hit.reason}, but told as past and recovering` };
  // Round 27: violence in Arabic told as past ("is the park open after last week's stabbing?"), nothing now: asked, never escalated.
  if (family === 'arabic_violence' && AR_PAST.test(text) && !AR_NOT_OVER.test(text)) return { ...ask, reason: `${hit.reason}, but told as past` };
  // Round 25: a gas smell a gas engineer has called normal or safe, nothing there now or felt: asked, never escalated.
  if (FIRE_FAMILIES.has(family ?? '') && engineerSaidSafe(n)) return { ...ask, reason: `${hit.reason}, but an engineer said it is safe` };
  // Round 8: comparative or conditional hyperbole tied to a chore of the service: asked, never escalated nor dropped.
  // Round 13: also a fire turned on oneself ("I'd rather set myself on fire than queue again for a permit"), a suicide word in effect.
  // Round 62: never at a means now told as sparing the service the trouble ("so ill save you the trouble im sat in the car with the engine
  // running and the hose in the window").
  if ((SUICIDE_FAMILIES.has(family ?? '') || SELF_FIRE.test(n)) && serviceHyperbole(text) && !sparingAtMeans(n)) return { ...ask, reason: `${hit.reason}, but hyperbole about a service` };
  // Round 29: an emergency the writer helped with, told as over ("helping the lifeguards with a kid stuck on the rocks (kid was
  // fine)", "doing CPR on a man who'd collapsed - paramedics took over and he survived"), in a message about something else, the
  // model not backing it: asked, never escalated.
  if (EMERGENCY_FAMILIES.has(family ?? '') && emergencyOver(n)) return { ...ask, reason: `${hit.reason}, but told as over` };
  // Round 61: an emergency told as weeks or months back with the person saved or recovered ("someone had a heart attack at parkrun a
  // few weeks back and the volunteers saved him with cpr"), the model not backing it: asked, never escalated.
  if (EMERGENCY_FAMILIES.has(family ?? '') && savedBackThen(n)) return { ...ask, reason: `${hit.reason}, but told as weeks back and saved` };
  // Round 29: a smoke or CO alarm that went off because it is at fault (expired, a dying battery), checked, nothing felt or burning.
  if (FIRE_FAMILIES.has(family ?? '') && alarmAtFault(n)) return { ...ask, reason: `${hit.reason}, but the alarm itself at fault` };
  // Round 29: tempted to burn one's own garden waste or rubbish rather than pay ("half tempted to just set fire to the clippings"):
  // a complaint about a charge, nothing burning: asked at most.
  if (FIRE_FAMILIES.has(family ?? '') && WASTE_BURN_TEMPTED.test(n) && !PRESENT_FIRE.test(n) && !HAPPENING_NOW.test(n) && !PERSON_IN_FIRE.test(n)) return { ...ask, reason: `${hit.reason}, but tempted to burn garden waste` };
  // Round 74: a death by overdose told, a wanderer with the family now and safe, a threat written up and there for weeks (see
  // overdoseDeathTold, safeWithUsNow, threatWrittenUpLongAgo), the model not backing it: asked, never escalated.
  if (family === 'overdose' && overdoseDeathTold(n)) return { ...ask, reason: `${hit.reason}, but a death told, nobody's dose now` };
  if (hit.kind === 'adult_at_risk' && safeWithUsNow(n)) return { ...ask, reason: `${hit.reason}, but with the family now and safe` };
  if (family === 'weapon_or_threat_to_kill' && threatWrittenUpLongAgo(n)) return { ...ask, reason: `${hit.reason}, but written up and there for weeks` };
  // Round 7: a risk told as past, or a garden bonfire, that the model does not back: asked, whatever the family.
  if (toldAsPast(text)) return { ...ask, reason: `${hit.reason}, but told as past` };
  // Round 59: someone found at once, a scene all dealt with, a bang or smoke explained (the army range, a planned heather burn), or the
  // hit naming a thing (a "shipwreck and drowning" gallery), the model not backing it: asked, never escalated.
  if (foundOrExplained(n)) return { ...ask, reason: `${hit.reason}, but found, dealt with or explained` };
  if (hitNamesAThing(hit, n)) return { ...ask, reason: `${hit.reason}, but the name of a thing` };
  // Round 65: a family told too plainly to doubt is not a bonfire because "bonfire night" dates it ("He kicked it in on bonfire night").
  if (((SCREEN_NUISANCE_FIRE.test(n) && !FIRE_GOT_AWAY.test(n) && !ELECTRICAL.test(n)) || GARDEN_FIRE_SCRIPT.test(text)) && !PLAIN_FAMILIES.has(family ?? '')) return { ...ask, reason: `${hit.reason}, but a bonfire or burning rubbish` };
  // Round 9: fires set again and again, reported as a nuisance ("kids keep setting fire to the bins ... happens most weekends"), none burning now.
  if ((HABITUAL_FIRE.test(n) || (FIRE_FAMILIES.has(family ?? '') && FOREIGN_HABITUAL_FIRE.test(n))) && !PRESENT_FIRE.test(n) && !HAPPENING_NOW.test(n) && !FOREIGN_NOW.test(n)) return { ...ask, reason: `${hit.reason}, but a repeated nuisance` };
  // Round 12: a smell of gas or burning "like that for years", nothing felt and nothing burning: asked (it may still deserve the gas
  // emergency line), never escalated as an emergency.
  if (FIRE_FAMILIES.has(family ?? '') && LONG_STANDING.test(n) && !PRESENT_FIRE.test(n) && !FELT_NOW.test(n)) return { ...ask, reason: `${hit.reason}, but long-standing` };
  // Round 5: a defeater with a model that does not back the alarm: asked, or dropped when the model sees nothing at all.
  // Round 15: a threat to kill, burn or hurt someone, or abuse, is never dropped by a denial ("not urgent, he's at work"): at most asked.
  // Round 28: abuse is not dropped by laughter either ("lol my bf smashed my phone again so i'm on my mate's": abuse is often told with a
  // laugh): asked at most. A threat to kill with a laugh ("my mum will kill me if it's not june 😂") is a joke, and still dropped.
  // Engineer's probe after round 64: round 64's plain families are never dropped by a laugh either ("if im dead lol asking for a friend
  // (the friend is me)"): asked at most.
  if (defeated(text, hit)) return scored.score >= (thresholds.defeatNearZero ?? SAFETY_DEFEAT_NEAR_ZERO) || (NEVER_DROPPED.has(family ?? '') && URGENCY_DENIED.test(n)) || (ABUSE_FAMILIES.has(family ?? '') && defeaters(text).includes('laughter')) || PLAIN_FAMILIES.has(family ?? '') ? { ...ask, reason: `${ask.reason}; ${defeaters(text).join(', ')}` } : null;
  // An idiom is about something ("this tax will kill me", "it's suicide driving up that hill"): a message that is little more
  // than the trigger ("chce umrzec", "thinkin bout killin myself") is a disclosure, whatever the model says.
  const aboutSomething = wordCount(text) - wordCount(hit.matched) >= IDIOM_CONTEXT_WORDS;
  // Round 36: never a plan to end one's life with a time ("planned when to end my life, tomorrow"), whatever the model.
  // Round 41: nor a wish to die beside the idiom of exhaustion ("I'm at the end of my tether and want to die"): the despair is the writer's.
  // Round 43: nor a partner hurting the writer told plainly ("my husband's hurting me and if I leave the farm I lose everything"), nor
  // an intent to end one's own life with a time, in a second language's grammar ("I finish my life tonight").
  if (family && IDIOM_PRONE_FAMILIES.has(family) && aboutSomething && scored.score < (thresholds.disagreeAt ?? SAFETY_SCREEN_DISAGREE) && !PLAN_WITH_TIME_RE.test(n) && !(SUICIDE_FAMILIES.has(family) && END_OF_TETHER.test(n)) && !toldTooPlainlyToDoubt(n, family) && !(family === 'multilingual_risk' && FOREIGN_TONIGHT_OR_PLAN.test(n))) return ask;
  // Round 19 (K1, see SAFETY_NOT_NOW_BELOW): a never-downgraded family the model scores near zero, in English told as not now.
  const notNowBelow = thresholds.notNowBelow ?? SAFETY_NOT_NOW_BELOW;
  if (notNowBelow > 0 && family && NEVER_DOWNGRADED.has(family) && scored.score < notNowBelow && modelReads(text, scored) && readsAsEnglish(n) && toldAsNotNow(text)) return { ...ask, reason: `${hit.reason}, but told as not now and the safety model disagrees (${scored.score.toFixed(2)})` };
  // Round 13 (evaluated, see SAFETY_SCREEN_DISAGREE_ANY): any family, the model strongly disagreeing about a message that is about something.
  const anyAt = thresholds.disagreeAnyAt ?? SAFETY_SCREEN_DISAGREE_ANY;
  // Round 14: on for English messages only (the model's low score means nothing in Welsh or another language), never with
  // intent or means told in the present ("tonight", "going to", "tablets", "the bridge") nor a fire burning or felt now.
  if (anyAt > 0 && family && !NEVER_DOWNGRADED.has(family) && !OTHER_LANGUAGE_FAMILY.test(family) && aboutSomething && scored.score < anyAt && !toldTooPlainlyToDoubt(n, family) && modelReads(text, scored) && readsAsEnglish(n) && !presentAtRisk(n) && !PRESENT_INTENT_OR_MEANS.test(n) && !PRESENT_FIRE.test(n) && !FELT_NOW.test(n)) return { ...ask, reason: `${hit.reason}, but the safety model strongly disagrees (${scored.score.toFixed(2)})` };
  return escalate;
}

/**
 * Round 59: someone missing found at once ("the stewards found him in five minutes", "she was found straight away and is fine"), a scene
 * "all dealt with", or a bang or smoke explained ("someone said its the army range", "it was the planned heather burn"), nothing still
 * missing, burning or out of control.
 */
const FOUND_OR_EXPLAINED = /(?<= )(?:found (?:him|her|them) (?:straight away|right away|at once|quickly|within (?:a few |five |ten |[0-9]+ )?(?:minutes|mins|seconds)|(?:in|after) (?:a few|a couple of|two|three|four|five|ten|fifteen|twenty|[0-9]+) (?:minutes|mins|seconds))|(?:was|were) found (?:straight away|right away|at once|quickly|safe|safe and well|within minutes)|all dealt with|(?:it was|it is|was just|is just|turned out to be|turns out it was|said it was|said it is)(?: just| only)? (?:the |a )?(?:army|military|firing|artillery) (?:range|ranges|exercise|exercises)|(?:it was|was just|turned out to be|turns out it was|said it was)(?: just| only)? (?:a |the )?(?:pheasant|grouse|partridge|duck|clay|clay pigeon|game|rabbit|deer) (?:shoot|shooting|shooters)|(?:planned|controlled|prescribed|managed) (?:heather |moor |moorland |grass |gorse |stubble )?(?:burn|burns|burning))(?= )/;
const NOT_OVER = /(?<= )(?:still (?:missing|burning|there|out|gone|on fire|lost)|not (?:been )?found|(?:cannot|can not|could not) find|spreading|out of control|again)(?= )/;
function foundOrExplained(n: string): boolean {
  return FOUND_OR_EXPLAINED.test(n) && !NOT_OVER.test(n.replace(/(?<= )open again(?= )/g, ' ')) && !EXPLICIT_PRESENT.test(n);
}
/** Round 59: the screen's match is the name of a gallery, an exhibition, a film or an event ("the 'shipwreck and drowning' gallery"). */
const THING_NAMES = String.raw` (?:gallery|galleries|exhibition|exhibitions|exhibit|display|displays|museum|tour|trail|memorial|festival|weekend|film|documentary|play|talk|lecture|game|ride|book|section|room|zone)(?= )`;
function hitNamesAThing(hit: SafetyHit, n: string): boolean {
  const matched = hit.matched.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return matched.length > 0 && new RegExp(`(?<= )${matched}${THING_NAMES}`).test(n) && !EXPLICIT_PRESENT.test(n);
}

/**
 * Round 13: a screen hit of any family the safety model scores below this is asked instead of escalated, when the message is about
 * something (IDIOM_CONTEXT_WORDS beyond the match), the model reads its words, and nothing present names a person at risk.
 * 0 turns it off. Evaluated by cross-validation (`--cv`): see data/README.md, Round 13 (left off) and Round 14 (on at 0.05, English
 * only, present intent, means and fire excluded: out-of-fold 6 false alarms fewer, no disclosure moved at 0.02-0.08).
 */
export const SAFETY_SCREEN_DISAGREE_ANY = 0.05;
/**
 * Round 19 (K1): below this safety-model score a screen hit of a never-downgraded family, in an English message that tells the risk
 * as not now (news or somewhere else, past and recovered, denied: "nobody's breaking in", "not violence"), is asked, not escalated.
 * 0 turns it off. Evaluated out of fold at 0.01 and 0.02: see data/README.md, Round 19.
 */
export const SAFETY_NOT_NOW_BELOW = 0.02;
/** Somewhere else: "in the next county", "in another town", "miles away". */
const ELSEWHERE = /(?<= )(?:in (?:the )?next (?:county|town|village|city|borough)|in (?:another|a different) (?:county|town|city|country|area|part of the country|borough)|(?:miles|hours) away|abroad|overseas|on the other side of the country|down south|up north)(?= )/;
/** A risk denied in so many words: "nobody's breaking in", "not violence", "nobody hurt". */
const NOT_NOW_DENIAL = /(?<= )(?:(?:nobody|no one|noone) (?:is |was |got |has been |s )?(?:breaking in|trying to break in|hurt|injured|attacked|attacking|fighting|stabbed|in danger)|not (?:violence|violent|a fight|fighting|an attack|a break in|a real (?:fight|attack))|nothing (?:is |was )?(?:wrong|happening|going on))(?= )/;
/** Past and recovered: a time in the past and someone well now ("called an ambulance for my dad in may, he's doing great now"). */
const PAST_MONTH = /(?<= )(?:in|back in|last|since) (?:january|february|march|april|may|june|july|august|september|october|november|december)(?= )/;
const RECOVERED_NOW = /(?<= )(?:(?:is |are )?doing (?:great|well|fine|ok|okay|better) now|(?:fully |completely )?recovered|all (?:fine|well|ok) now|(?:fine|well|better) now)(?= )/;
/** True when the message tells its risk as not now: news or elsewhere, past and recovered, or denied. */
export function toldAsNotNow(text: string): boolean {
  const n = normaliseForSafety(text);
  if (EXPLICIT_PRESENT.test(n) || presentAtRisk(n) || PRESENT_INTENT_OR_MEANS.test(n) || PRESENT_FIRE.test(n) || FELT_NOW.test(n)) return false;
  const elsewhere = (REPORTED.test(n) || ELSEWHERE.test(n)) && !INVOLVED.test(n);
  const pastRecovered = (PAST_AT.test(n) || PAST_MONTH.test(n) || LONG_PAST.test(n) || RECENT_PAST.test(n)) && RECOVERED_NOW.test(n) && !GOES_ON.test(n);
  return elsewhere || pastRecovered || NOT_NOW_DENIAL.test(n) || defeaters(text).includes('denied') || toldAsPast(text);
}
/** Round 19 (K2, evaluated, left off): out of fold it moved 14 disclosures from escalated to asked in each split; see data/README.md. */
export const SAFETY_NO_RISK_WORD_ASK = false;
/**
 * K7 (5 December 2026, after round 24): K2 for messages of fewer than this many words, where the model's score is mostly style
 * (a satisfaction comment "Took too long to find" escalated at 0.67). Out of fold over the 27 development sets, below 6, 8 or 10
 * words it changed nothing; below 12 it turned 1 (5-fold) or 2 (LOSO) false alarms into questions and moved no disclosure.
 */
export const SAFETY_NO_RISK_WORD_ASK_BELOW = 12;
/**
 * Round 19 (K2): content words that carry risk (harm, injury, danger, vulnerability, self-harm, abuse, fire and gas, weapons, neglect,
 * the body in trouble, a place of danger), seeded from the safety model's strongly positive word features and kept to content words:
 * not its politeness or fillers ("sorry", "just", "also", "honestly", "tbh"), nor pronouns.
 * Round 51: a beating, a knock-out, a child asked for pictures, strangers and a passport taken ("group stamping on a lad, hes out
 * cold", "adult asking for pics", "he's taken my keys and passport again") are harm words too.
 */
const RISK_CONTENT = new RegExp(
  `(?<= )(?:${[
    'hurt[a-z]*', 'harm[a-z]*', 'injur[a-z]*', 'danger[a-z]*', 'unsafe', 'safe', 'safety', 'risk[a-z]*', 'scared', 'afraid', 'frighten[a-z]*', 'terrified', 'terrifying', 'fear[a-z]*', 'panic[a-z]*', 'worried', 'worry[a-z]*', 'concern[a-z]*', 'help',
    'kill[a-z]*', 'die', 'died', 'dies', 'dying', 'dead', 'death', 'suicid[a-z]*', 'overdos[a-z]*', 'pills?', 'tablets?', 'paracetamol', 'meds', 'medication', 'rope', 'noose', 'jump[a-z]*', 'bridge', 'cliff[a-z]*', 'edge', 'ledge', 'wrists?', 'cut', 'cuts', 'cutting', 'blade', 'razor', 'end it', 'end my life', 'give up', 'gave up', 'giving up', 'goodbye', 'goodbyes', 'anymore', 'any more', 'affairs', 'letters', 'alive', 'living', 'live', 'gone', 'better off',
    'abus[a-z]*', 'violen[a-z]*', 'assault[a-z]*', 'attack[a-z]*', 'beat[a-z]*', 'batter[a-z]*', 'punch[a-z]*', 'kick[a-z]*', 'slap[a-z]*', 'hit', 'hits', 'hitting', 'push[a-z]*', 'shov[a-z]*', 'strangl[a-z]*', 'chok[a-z]*', 'grab[a-z]*', 'drag[a-z]*', 'threat[a-z]*', 'shout[a-z]*', 'scream[a-z]*', 'fight[a-z]*', 'smash[a-z]*', 'bruis[a-z]*', 'control[a-z]*', 'follow[a-z]*', 'stalk[a-z]*', 'track[a-z]*', 'rape[a-z]*', 'sexual[a-z]*', 'touch[a-z]*', 'groom[a-z]*', 'stamp(?:ed|ing|s)? on', 'out cold', 'knocked out', 'pics', 'nudes', 'naked', 'strangers?', 'passports?', 'exploit[a-z]*', 'drugs?', 'drunk', 'weapons?', 'knife', 'knives', 'knifepoint', 'guns?', 'machete', 'bat', 'hammer', 'axe', 'stab[a-z]*', 'shot', 'shoot[a-z]*', 'robb[a-z]*', 'mug[a-z]*', 'break in', 'breaking in', 'broke in', 'burglar[a-z]*', 'intruder', 'balaclavas?', 'hiding', 'locked', 'trapped', 'stuck', 'pinned',
    'fire[a-z]*', 'burn[a-z]*', 'burnt', 'flames?', 'smok[a-z]*', 'smell[a-z]*', 'gas', 'fumes', 'carbon monoxide', 'co alarm', 'alarm', 'leak[a-z]*', 'hiss[a-z]*', 'spark[a-z]*', 'explo[a-z]*', 'petrol', 'heater', 'electric[a-z]*',
    'neglect[a-z]*', 'starv[a-z]*', 'hungry', 'no food', 'not eating', 'unwashed', 'dirty', 'filth[a-z]*', 'squalor', 'soiled', 'nappy', 'nappies', 'alone', 'on (?:his|her|their) own', 'missing', 'wander[a-z]*', 'lost', 'dementia', 'confused', 'vulnerable', 'frail', 'elderly', 'disabled', 'pension', 'bank card', 'money', 'cash', 'savings',
    'fall', 'fell', 'fallen', 'falling', 'slipped', 'collaps[a-z]*', 'unconscious', 'unresponsive', 'faint[a-z]*', 'passed out', 'breath[a-z]*', 'bleed[a-z]*', 'blood[a-z]*', 'head', 'chest', 'heart', 'seizure', 'fit', 'fitting', 'stroke', 'dizzy', 'drowsy', 'headaches?', 'sick', 'vomit[a-z]*', 'lips', 'blue', 'floppy', 'wake', 'not moving', 'lying', 'floor', 'ambulance', 'paramedics?', 'hospital', 'a and e', 'police', '999', 'emergency', 'urgent', 'now', 'tonight',
    'water', 'sea', 'river', 'drown[a-z]*', 'tide', 'weir', 'lake', 'pond', 'harbour', 'quay', 'canal', 'balcony', 'window', 'roof', 'road', 'traffic',
    'child(?:ren)?', 'kids?', 'baby', 'babies', 'toddler', 'school', 'pupil', 'teacher', 'social worker', 'safeguarding', 'referral', 'disclos[a-z]*', 'carer', 'care',
  ].join('|')})(?= )`,
);
/** K2: an English message the model reads, naming no risk-bearing word and no cue of a kind of risk. */
function noRiskWord(text: string, scored: SafetyScore): boolean {
  const n = normaliseForSafety(text);
  return modelReads(text, scored) && readsAsEnglish(n) && !RISK_CONTENT.test(n) && riskCues(n).size === 0 && kindCues(n).size === 0;
}
/**
 * Round 23 (K5): a message of fewer than SAFETY_MODEL_MIN_WORDS meaningful words, in English the model and the pack read, naming no
 * risk-bearing word (RISK_CONTENT) and no cue of a kind of risk, is let through whatever the safety model scores (no screen hit: the
 * screen still decides). Short replies to a service's questions ("How big is it?" - "about 30cm wide", "not sure sorry") were asked
 * "Is anyone in danger right now?". Short messages naming risk ("it smells", "he's hurt") are decided as before. Chosen by
 * cross-validation: see data/README.md, Round 23.
 */
export const SAFETY_SHORT_REPLY_QUIET = true;
/**
 * Round 23 (K5): a short message that cries for help or names an emergency or a danger ("help me", "it's an emergency", "someone's
 * hurt", "it's dangerous") is asked when the model scores it below its ask bar (it scored "emergency" and "help me" 0.00).
 */
export const SAFETY_SHORT_ALARM_ASK = true;
const SHORT_ALARM = /^ (?:(?:please|pls|plz|oh|god|quick|quickly|hello|hi|i|we) )*(?:(?:somebody|someone|please) )?(?:help(?: (?:me|us|him|her|them|please|now|quick|quickly|someone|somebody))+|(?:please|somebody|someone) help|(?:need|needs|want) help (?:now|quick|quickly|urgently|please)|(?:(?:it is|this is|there is|its|it s|we have|i have|we have got|i have got|got) )?(?:an? )?(?:emergency|real emergency)(?! (?:repair|repairs|plumber|electrician|locksmith|housing|accommodation|payment|payments|grant|fund|funding|contact|number|numbers|services?|dentist|vet|appointment|loan|tax|parking|permit|bin|collection|leak))|(?:someone|somebody|he|she|they|a (?:man|woman|child|kid|person|boy|girl)|my [a-z]+) (?:is|s|are|has been|have been|got|been)? ?(?:(?:badly|really|seriously) )?(?:hurt|injured)|(?:it is|its|it s|this is|that is|they are|he is|she is)? ?(?:really |very |so )?(?:dangerous|in danger))(?: (?:please|now|here|help|quick|quickly|urgently))* $/;
function shortAlarm(text: string): boolean {
  return meaningfulWords(text) < SAFETY_MODEL_MIN_WORDS && SHORT_ALARM.test(normaliseForSafety(text));
}
/** English reply words the council's phrases lack ("dunno", "maybe", "idk"), alone or together: read as English. */
const ENGLISH_REPLY = /^(?: (?:dunno|maybe|perhaps|idk|nope|nah|yep|yup|yeah|yes|no|ok|okay|erm|um|hmm|sorry|not|sure|really|probably|possibly|i|it|is|the|a|so|think|guess|so|well|oh|ah|thanks|ta|cheers))+ $/;
/** Help, an emergency, the police or an ambulance called for in the community languages of the development sets and Welsh. */
const HELP_ABROAD = /(?<= )(?:pomoc[a-z]*|ratunku|ayuda|auxilio|socorro|ajuda|ajutor[a-z]*|yardim[a-z]*|imdad|caawi[a-z]*|gargaar[a-z]*|madad|bachao|bachaao|pagalb[a-z]*|gelbe[a-z]*|helpwch|argyfwng|emergenc[a-z]*|urgen[a-z]*|policj[a-z]*|policia|politia|polis[a-z]*|ambulan[a-z]*|pogotowie|karetk[a-z]*|112|999)(?= )/;
function shortReplyNoRisk(text: string, scored: SafetyScore): boolean {
  return meaningfulWords(text) < SAFETY_MODEL_MIN_WORDS && readableNoRisk(text, scored);
}
/** A message the model reads, in English as far as it can tell, naming no risk-bearing word, cue or cry for help (K5, K7). */
function readableNoRisk(text: string, scored: SafetyScore): boolean {
  const n = normaliseForSafety(text);
  return modelReads(text, scored) && ((scored.readable ?? 1) >= SAFETY_READABLE_MIN || ENGLISH_REPLY.test(n)) && !n.match(WELSH_WORDS) && !HELP_ABROAD.test(n) && !RISK_CONTENT.test(n) && riskCues(n).size === 0 && kindCues(n).size === 0 && !shortAlarm(text);
}
/** Families never downgraded by the model's disagreement alone: explicit and present by construction, or in scripts it barely reads. */
// Round 14: affairs put in order for others too (the model reads a tidy-up as a chore: "so my brother will not have to").
// Round 18: a partner's violence to the home, told again and again as a repair the model reads as a repair.
const NEVER_DOWNGRADED: ReadonlySet<string> = new Set([...PRESENT_FAMILIES, 'co_alarm_sounding', 'medical_emergency', 'weapon_or_threat_to_kill', 'child_abuse', 'child_neglect', 'affairs_for_others', 'partner_damage', 'partner_harm_told']);
/** Round 15: threats and abuse told of a person: a defeater may turn them into a question, never into nothing. */
const URGENCY_DENIED = new RegExp(`(?<= )(?:${URGENCY_DENIAL}|not in danger right now)(?= )`);
// Round 18: a partner's violence to the home too (its own family, split from domestic_abuse).
/** Round 28: abuse named by its shape, never dropped by laughter alone. */
// Round 35: a blow told as returning ("I've been hit again"), its own family too.
// Round 42: a partner's economic abuse or an ex who found the victim, its own family too.
const ABUSE_FAMILIES: ReadonlySet<string> = new Set(['domestic_abuse', 'partner_damage', 'partner_harm_told', 'hit_again', 'child_abuse', 'sexual_abuse']);
const NEVER_DROPPED: ReadonlySet<string> = new Set([...ABUSE_FAMILIES, 'weapon_or_threat_to_kill', 'threat_to_hurt', 'multilingual_threat', 'assault_person', 'attack_now']);
/** The model's score means something only for words it has seen and a language the assistant reads. */
const modelReads = (text: string, scored: SafetyScore) => (scored.known ?? 1) >= SAFETY_KNOWN_MIN && !unreadable(text, scored);
/** Present tense with a person at risk named: "now", "tonight", "again", "still" beside a person. */
const presentAtRisk = (n: string) => EXPLICIT_PRESENT.test(n) || (HAPPENING_NOW.test(n) && PERSON.test(n));
/** Round 14: intent or means told in the present, which the model's disagreement never outweighs ("end of my rope" is an idiom). */
const PRESENT_INTENT_OR_MEANS = /(?<= )(?:tonight|right now|today|this (?:evening|morning|afternoon)|going to|gonna|about to|(?<!end of (?:my|the|our) )rope|noose|tablets|pills|overdose|bridge|ledge|blade|razor|(?:will not|wont|not|not planning on|not going to) be (?:here|around)|smoke(?! alarm| detector)|sparks?|sparking|flames|there is (?:a )?gas leak|(?:gas (?:is )?|is )leaking|(?:can|could) smell|smell of (?:gas|burning)|spreading|trapped|upstairs|on purpose|deliberately|again|is back|(?:is|are) (?:really |very |so )?strong|pounding|missing|(?:an?|few|two|three|couple of) (?:hours?|minutes?) ago|freezing|(?:can not|cannot|cant|can't) go on|(?:want|wanted|going) to (?:die|end it|kill myself)|end (?:it all|my life))(?= )/;
/** Round 14: English as the model reads it: a few English function words and hardly any Welsh ones. */
const ENGLISH_WORDS = /(?<= )(?:the|and|my|is|it|to|of|in|on|was|have|has|for|with|i|me|you|a|an|at|but|can|not|this|that|they|we)(?= )/g;
const WELSH_WORDS = /(?<= )(?:mae|yn|dw|dwi|rydw|wedi|ddim|fy|gyda|eisiau|isio|sy|yw|ond|mewn|gan|hefyd|diolch|chi|ni|nhw|efo|oes|roedd|ydy|ydi|cyngor|tan|achos)(?= )/g;
const readsAsEnglish = (n: string) => (n.match(ENGLISH_WORDS)?.length ?? 0) >= 2 && (n.match(WELSH_WORDS)?.length ?? 0) < 2;
/** Families in other languages: the model's disagreement there reflects its few words of them, not the message. */
const OTHER_LANGUAGE_FAMILY = /^(?:welsh|arabic|multilingual|script)_/;

/**
 * Round 31: everyone, the family or the children better off without the writer ("everyone would be better off without me honestly.
 * anyway how do i apply for a single person discount"): no idiom of a service, whatever the model says, so never turned into a question.
 * Not a team, a side or "they" (a job or a game).
 */
const BETTER_OFF_WITHOUT_ME = /(?<= )(?:everyone|everybody|my family|the family|my kids|the kids|my children|the children|the world|all of them|my husband and kids|my wife and kids) (?:would|will|would all|will all|are|is|are all)(?: be)? (?:(?:so|much|far|a lot|way|loads) )*better off without me(?= )/;
/** Words besides the screen's match that an idiom-prone hit needs before a disagreeing model can turn it into a question. */
const IDIOM_CONTEXT_WORDS = 5;
const wordCount = (t: string) => t.split(/\s+/u).filter(Boolean).length;
/** Words that can carry meaning: not a number or a case reference (letters then digits: "MBC-400004"). */
// A reference ("MBC-400081"), a spelled-out letter or a digit read aloud ("M B one one A D", a postcode or a reference on
// the phone) are not words; "I" and "a" are.
const SPOKEN_DIGIT = /^[^\p{L}]*(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple)[^\p{L}]*$/iu;
const meaningfulWords = (t: string) =>
  t.split(/\s+/u).filter((w) => /\p{L}/u.test(w) && !/^\p{L}{1,5}[-\s]?\d{3,}\W*$/u.test(w) && !/^[^\p{L}]*(?![ia])\p{L}[^\p{L}]*$/iu.test(w) && !SPOKEN_DIGIT.test(w)).length;

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

/**
 * Round 8 (dev-8 added), general categories from the seventh held-out set's errors, judged by cross-validation over the nine
 * development sets:
 * - a safety model at or above SAFETY_SERVICE_SURE escalates even when the message also names a service ("it asked me what
 *   service I wanted ... I've put the rope up in the garage"), unless the service part carries the feeling: hyperbole tied to a
 *   chore (serviceHyperbole), distress about the service in feelings only (SERVICE_DISTRESS), or a defeater;
 * - comparative or conditional hyperbole with a suicide word, tied to a chore of the service ("I'd rather throw myself under a bus
 *   than ring your switchboard", "ready to jump off a cliff with this form", "gonna top myself if I have to pay again"): asked;
 * - something seen on the news, on television or on social media (REPORTED), nothing happening now and nobody of the writer's in
 *   it: a framing, as a request for information is;
 * - a separation told as amicable (AMICABLE), and a hazard to a road or a street with nobody named in it (PLACE_HAZARD).
 */
export const SAFETY_SERVICE_SURE = 0.9;
/**
 * Round 16 (evaluated, left off): below this, the safety model alone would only ask about a message the assistant cannot read
 * (`unreadable`). Out-of-fold at 0.9 it removed 5 false alarms but moved 34 disclosures from escalated to asked (a child choking,
 * a man with a knife, gas on a stairwell, in Polish, Portuguese, Somali): the model's score in those languages is evidence. 0 is off.
 */
export const SAFETY_UNREAD_SURE = 0;
/** Round 34: a question about someone at risk turned to the writer ("it's me", "asking for myself", "the person is me"). */
const ASKING_FOR_MYSELF = /(?<= )(?:(?:it is|its|it s|this is|that person is|the person is|the someone is|the friend is|that someone is) (?:actually |really |honestly )?(?:me|for me|about me|myself)(?! (?:done|finished|off|out|sorted|gone|here|again|back|ok|okay|fine|again|calling|ringing|texting|writing))|(?:asking|it is|this is|i am asking|i m asking|im asking) for myself|i am that (?:person|someone)|i am the (?:one|person)|(?:i mean|well) me)(?= )/;
/** The request itself: a number, a helpline, who to ring, where to go. */
const HELP_REQUEST = /(?<= )(?:numbers?|helplines?|help ?line|hotline|who (?:do|can|should|would) (?:i|you|we|people|someone) (?:ring|call|phone|contact|talk to|speak to)|where (?:can|do|should) (?:i|you|people|someone) (?:go|get help|turn)|is there (?:anyone|anybody|someone|somebody|a service|a line|help|support)|(?:any|what) (?:help|support|services?) (?:is there|are there|for))(?= )/;
/** Screen families of suicide words, the ones hyperbole borrows. */
const SUICIDE_FAMILIES: ReadonlySet<string> = new Set(['suicide_direct', 'wish_to_die', 'cannot_go_on', 'jump', 'suicide_indirect', 'affairs_for_others', 'exhaust_fumes', 'goodbye_arranged', 'goodbye_joining', 'means_ready', 'method_tonight']);
/** Feelings about a service, and nothing else: "I'm crying, been on hold forty minutes ... so tired of all this", "feel like I'm going mad". */
/**
 * Round 75: crying or in tears told of someone else ("then she's crying", "the kids were in tears") is what the writer witnessed, not
 * the writer's distress about a service: read out of SERVICE_DISTRESS ("every night I hear him shouting at her ... then she's crying.
 * Today she had her arm in a sling", the model 1.00, was asked as about a service).
 */
const THIRD_PERSON_CRYING = /(?<= )(?:she|he|they|her|him|them|the (?:kids|children|baby|child|girl|boy|woman|man)|kids|children|baby|child)(?: (?:is|are|was|were|s|keeps|kept|starts|started|just|always))* (?:crying|in tears|sobbing)(?= )/g;
const SERVICE_DISTRESS = /(?<= )(?:crying|in tears|in bits|in pieces|going mad|going insane|going crazy|losing my mind|lose my mind|(?:so |really )?(?:tired|sick) of (?:all )?(?:this|it|you|them)|fed up|had enough|at my wits end|stressed(?: out)?|pulling my hair out|(?:ruined|ruining|ruin) my life|(?:nobody|no one) (?:listens|cares|helps|answers)|banging my head)(?= )/;
/** A comparison or a condition that makes a suicide word hyperbole: "would rather ... than", "if I have to pay again", "with this form". */
const HYPERBOLE_FRAME = anchoredPhrases([
    // Round 24: "id rather" typed without the apostrophe.
    '(?:would|had|d|id) (?:rather|sooner)(?: [a-z]+){1,10} than',
    // Round 10: "about ready to throw myself off the pier" beside a complaint about barking at night.
    '(?:about|almost|nearly|just about) ready to',
    // Round 60: a joke named as such, then the service asked for ("I'm going to throw myself off the pier, joke, but please send someone"
    // about a bin not emptied); "not a joke" or "no joke" is no such frame.
    '(?<!(?:not|no|not a|this is not a|it is not a|is no) )(?:joke|joking|only joking|just joking|kidding|only kidding|jk)(?: [a-z]+){0,1} (?:but )?(?:please|can you|could you|can someone|can somebody|send|sort)',
    // Round 20: "every time I ring your switchboard I want to jump off a cliff".
    '(?:every time|everytime|each time|whenever) (?:i|we) (?:ring|call|phone|try|see|get|open|read|log|go on|contact|fill|have to|am put)',
    '(?:if|when) (?:i|we) (?:have to|has to|need to|am made to|get (?:another|one more)|see (?:another|one more)|hear (?:that|this|another)|am (?:kept|put) on hold|cannot get through|do not get)',
    // Round 9: "I just want it all to stop, the letters, the calls": what should stop is named as the service's pressure.
    '(?:stop|end|go away)(?: [a-z]+){0,2} (?:the )?(?:letters|calls|phone calls|texts|emails|bills|reminders|demands|threats from)',
    '(?:with|over) (?:this|that|your|these|those) (?:[a-z]+ ){0,3}(?:forms?|bills?|fines?|website|app|phone line|switchboard|queue|system|council tax|letters?|application|paperwork|process|bot|chat ?bot|hold music|parking|pcn|permit|planning|bins?|recycling|rent|arrears|benefit[a-z]*)',
]);
/** True when a suicide word is hyperbole about a service: a comparative or conditional frame, a service named, nothing explicit and present. */
export function serviceHyperbole(text: string): boolean {
  const n = normaliseForSafety(text);
  return HYPERBOLE_FRAME.test(n) && SERVICE_TALK.test(n) && !EXPLICIT_PRESENT.test(n) && !kindCues(n).has('domestic_abuse') && !kindCues(n).has('child_at_risk');
}
/** Seen or heard in the news, on television or on social media; a soap. */
// Round 28: also without "the" ("the stabbing was on TV last night", "saw it on telly").
const REPORTED = /(?<= )(?:(?:on|in) the (?:news|telly|tv|radio|paper|papers|local paper)|on (?:tv|telly|television|radio|youtube|tiktok|facebook|social media)|(?:saw|seen|read|heard|see) (?:it |this |that |something )?(?:on|in) (?:facebook|twitter|tiktok|instagram|nextdoor|social media|the news|the telly|the tv|the radio|the paper|a (?:facebook|whatsapp) group)|did you (?:hear|see) (?:about )?(?:the|that)|(?:see|seen|saw|read|heard|watch|watched) the (?:news|local news) (?:about|on|of|that)|(?:the )?news (?:about|of) (?:the|a|that)|eastenders|coronation street|corrie|emmerdale|hollyoaks|(?:in|on) (?:a|the|that) (?:documentary|episode|podcast|drama|soap|film|movie|programme|series)|(?:a|the) (?:story|article|piece|report) (?:in|on) the|(?:a|the) (?:novel|book|film|story|play) about|book club|reading (?:a|the) (?:novel|book)|(?:watched|watching|saw) (?:a|the) (?:documentary|programme|film|episode|drama)|(?:tv|television|film|drama|theatre|theater) (?:drama|show|series|crew|company|production|shoot|filming)|(?:film|filming|tv) crew|being filmed|(?:fake|pretend|staged|prop) (?:explosion|fire|smoke|blood|knife|gun|body|crash|fight)|drama (?:group|club|class|students?)|(?:a|the|our|my) (?:play|script|scene|sketch|screenplay|short film)(?: [a-z]+){0,3} (?:where|about|in which|with)|a character (?:who|phones|rings|calls|threatens|says))(?= )/;
/** The writer or theirs in it: "me", "us", "my mum", "our house". */
// Round 19: not "why i am texting / writing": the writer's reason for the message, not their part in the event.
// Round 28: not the writer as who is told ("can the council tell me who owns the club", "let me know", "send me the form").
/** Round 49: a live stream or a live video being watched now. */
const LIVE_STREAM = /(?<= )(?:live ?stream(?:ing|ed)?|streaming (?:it )?live|(?:is |are |s )?live on (?:facebook|tiktok|instagram|youtube|twitch|snapchat|social media)|going live|gone live|a live (?:video|feed|broadcast))(?= )/;
const INVOLVED = /(?<= )(?:(?<!(?:tell|tells|telling|told|let|show|send|give|email|text|ring|call|help|remind|advise) )me|us|myself|i am(?! (?:texting|writing|messaging|asking|ringing|calling|contacting|emailing|getting in touch))|we are|(?:my|our)(?: (?:old|elderly|next door|lovely|poor|former|dear|best|little|youngest|eldest|oldest))? (?:mum|mam|dad|mother|father|son|daughter|kids?|children|child|baby|brother|sister|partner|husband|wife|boyfriend|girlfriend|nan|gran|grandad|family|friend|neighbour|house|flat|home|street|road))(?= )/;
/** A separation without a fight: "it's all amicable", "we're still friends". */
/** Round 20: a partner leaving or gone, asked about as the tenancy, the rent or the home. */
const SEPARATION_HOUSING = /(?<= )(?:partner|husband|wife|boyfriend|girlfriend|fiance|fiancee|other half|he|she)s? (?:is |s |has |have )?(?:leaving|left|moving out|moved out|walked out|walking out|gone|splitting|split)(?: (?:me|us|home))?(?: [a-z]+){0,12} (?:tenancys?|lease|rent|mortgage|flat|house|home|council tax|housing)(?= )/;
const DOMESTIC_WORDS = /(?<= )(?:abus[a-z]*|violen[a-z]*|hit[a-z]*|hurt[a-z]*|scared|afraid|frightened|threat[a-z]*|control[a-z]*|push[a-z]*|kick[a-z]*|punch[a-z]*)(?= )/;
const AMICABLE = /(?<= )(?:amicabl[a-z]*|on (?:good|friendly) terms|(?:still|remain|remained|stayed|staying) (?:good )?friends|mutual (?:decision|agreement)|mutually|no (?:hard feelings|bad blood))(?= )/;
/** A hazard to a road or a street: flooding, ice, a pothole, a broken street light, cars stuck. */
const PLACE_HAZARD = /(?<= )(?:(?:road|street|lane|underpass|path|pavement|car park|junction|roundabout) (?:is |has )?(?:flooded|flooding|icy|dark|pitch black)|(?:flooded|flooding|icy|ice on the|dark) (?:road|street|lane|underpass|path|pavement|car park|junction)|potholes?|drains? (?:is |are )?blocked|blocked drains?|street ?lights? (?:is |are )?(?:out|off|broken|not working)|(?:cars?|vehicles?|traffic|buses) (?:are |keep |keeps |getting |get |got )?(?:getting )?(?:stuck|stranded))(?= )/;
