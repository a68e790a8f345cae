/**
 * Pattern families of the safety screen, written against `normaliseForSafety` output (lower
 * case, contractions expanded, single spaces). A family is one reason to escalate; its guards
 * cancel a match whose surroundings show an everyday meaning ("hurt myself on a pothole",
 * "bonfire smoke", "abuse from a bin crew").
 *
 * Conventions: words are separated by one literal space; `GAP(n)` allows up to n extra words.
 * Recall matters more than precision: a false alarm costs a short detour, a miss can cost a life.
 */
import type { SafetyHit } from '../types.js';

export interface PatternFamily {
  id: string;
  category: SafetyHit['category'];
  /** The kind of risk, for signposting. */
  kind: SafetyHit['kind'];
  reason: string;
  patterns: string[];
  /** Tested on the text around a match (about 50 characters each side): a hit cancels it. */
  guards?: string[];
  /** Round 70: tested on the whole normalised message (a subject told further back than the guard's window); a hit cancels every match. */
  textGuards?: string[];
  /** Tested on the few words just before a match: "i am not suicidal", "would never kill myself". */
  negated?: boolean;
  /**
   * Kinds the message's cue words may move this family to, in order (kinds.ts): "he has a knife"
   * is crime, but domestic abuse when "he" is a partner, a child at risk when he is hitting his kids.
   */
  refine?: SafetyHit['kind'][];
}

/** Round 49: an order that keeps an abuser away ("non-mol", "restraining order"), as the normaliser writes it. */
const PROTECTION_ORDER = '(?:non mol|non molestation(?: order)?|nonmolestation order|restraining order|injunction|occupation order|protection order|protective order|bail conditions)';
/** Up to n more words, e.g. "kids" + GAP(3) + " left". */
const GAP = (n: number) => `(?: [a-z0-9]+){0,${n}}`;
const any = (...alts: string[]) => `(?:${alts.join('|')})`;
/**
 * Round 51: a professional naming their role at the start of the message (issue 8 point 7, professionals' referrals in clipped,
 * service-like words: "school nurse, need to refer a 6yo with burns", "idva here client needs urgent housing assessment re da").
 */
// Round 52: also a few words in ("hi its a midwife calling", "morning all, this is the health visitor").
const PRO_ROLE = String.raw`(?<=^ )(?:(?:hi|hello|hiya|morning|afternoon) )?(?:(?:[a-z]+ ){0,3}(?:i am|this is|it is|im) )?(?:i am |this is |it is |im )?(?:a |an |the )?(?:midwife|community midwife|health visitor|school nurse|practice nurse|district nurse|nurse|teacher|class teacher|head teacher|headteacher|dsl|designated safeguarding lead|safeguarding lead|idva|isva|social worker|gp|paramedic|support worker|key worker|keyworker|outreach worker|family support worker|youth worker|police officer|pcso|housing officer|probation officer)(?: here| speaking| calling)?(?= )`;
/** A referral, an alert or an urgent request made in the same message. */
const PRO_ASK = String.raw`(?=(?: [a-z0-9]+)* (?:refer|referral|referring|alert|alerted|alerting|urgent|urgently|raise a concern|raising a concern|safeguarding concern|flag|flagging|notify|notified|strategy (?:discussion|meeting)|section 47|s47|child protection) )`;
/** Not when a job, a course or training named ("teacher training on child burns awareness, urgent"). */
const PRO_NOT_CAREER = String.raw`(?![^]*\b(?:vacanc[a-z]*|jobs?|roles?|posts?|apply|applying|application|course|training|qualification|interview|dbs|placement student)\b)`;

// People, as subjects and objects.
const RELATIVE = any('partner', 'husband', 'wife', 'boyfriend', 'girlfriend', 'ex', 'ex partner', 'ex husband', 'ex wife',
  'fiance', 'fiancee', 'dad', 'father', 'stepdad', 'stepfather', 'step dad', 'mum', 'mother', 'stepmum', 'mam', 'son', 'daughter',
  'brother', 'sister', 'uncle', 'carer', 'grandad', 'nan', 'gran', 'grandma', 'lodger');
const CHILD = any('child', 'children', 'kid', 'kids', 'baby', 'babies', 'toddler', 'toddlers', 'little one', 'little ones',
  'infant', '[0-9]+ year old', '(?:little|youngest|eldest|oldest) (?:one|boy|girl|son|daughter)', 'son', 'daughter', 'stepson', 'stepdaughter', 'boy', 'girl', 'boys', 'girls', 'teenager', 'grandchildren', 'grandson', 'granddaughter',
  // Round 11: colloquial words for a small child ("a kiddie maybe four").
  'kiddie', 'kiddies', 'kiddy', 'tot', 'tots', 'nipper', 'nippers', 'bairn', 'bairns');
const PERSON = any('he', 'she', 'they', 'someone', 'somebody', 'a man', 'a woman', 'a guy', 'a bloke', 'a lad', 'a person', 'a lady',
  'a girl', 'a boy', 'a kid', 'a child', 'an old man', 'an old woman', 'an old lady', 'an elderly man', 'an elderly woman',
  'an elderly lady', 'an elderly person', 'the man', 'the woman', 'the lady', 'the old man', 'the old lady', 'the neighbour',
  'my neighbour', 'the baby', 'the child', 'the kid', 'my baby', `my${GAP(1)} ${RELATIVE}`, 'my friend', 'my mate', 'old man', 'old lady',
  'man', 'woman', 'baby', 'child', 'kid', 'person', 'neighbour');
const VICTIM = any('me', 'us', 'her', 'him', 'them', 'you', 'everyone', 'the kids', 'the children', 'the baby', `my${GAP(1)} ${RELATIVE}`,
  `my ${CHILD}`, `our ${CHILD}`, `his ${CHILD}`, `her ${CHILD}`, 'my family', 'himself', 'herself', 'themselves', 'someone', 'somebody', 'my mum', 'my dad');
/** Who is hit or threatened in domestic abuse: people, never "my car". */
const DV_OBJECT = any('me', 'us', 'her', 'him', 'them', 'the kids', 'the children', 'the baby', `my ${CHILD}`, `my${GAP(1)} ${RELATIVE}`, `our ${CHILD}`);
const WEAPON = any('knife', 'knives', 'gun', 'guns', 'machete', 'blade', 'axe', 'sword', 'shotgun', 'firearm', 'weapon', 'crossbow',
  'hammer', 'baseball bat', 'cricket bat', 'bat', 'pistol', 'rifle', 'meat cleaver', 'cleaver', 'screwdriver', 'broken bottle', 'bottle',
  'iron bar', 'metal bar', 'crowbar', 'car jack', 'wheel brace');
const MORE = any('any more', 'no more', 'like this', 'living', 'with life', 'with my life', 'with this', 'much longer');
// Council topics: frustration about these is not a cry for help.
const SERVICE_FRUSTRATION = String.raw`\b(?:emergency essentials|essentials|food bank|crisis (?:fund|grant|payment|support)|hardship (?:fund|grant|payment)|bins?|collections?|collected|emptied|bin men|binmen|council tax|parking|tickets?|website|app|online form|phone line|on hold|queue|waiting list|potholes?|planning|permit|repairs? team|rats|mice|pests|wasps|mould|damp|noise|barking|part(?:y|ies)|music|bass|drilling|fireworks|nuisance)\b`;
/** Round 22: breathing made hard by a repair ("can't breathe in my flat for the damp and mould"), a place between or not. */
const NOT_REPAIR_BREATH = String.raw`(?!(?: (?:in|at|inside) (?:my|the|our|this|his|her) (?:flat|house|home|room|bedroom|place|kitchen|bathroom))? (?:because of|with|for|from) (?:all )?(?:the )?(?:smell|stench|damp|mould|mold|dust|fumes|pollution|condensation))`;
/**
 * Round 23: dying somewhere, said as a wish for end-of-life care ("wants to die at home not in hospital", "in her own bed",
 * "peacefully"): not a wish to die, unless told for now ("at home tonight").
 */
/** Round 29: who finishes a job next time (a tradesperson, a teacher, a tattooist), named before a "next time ... finish": no threat. */
const NOT_A_TRADE_BEFORE = String.raw`(?<!(?:plumber|builder|builders|engineer|workman|workmen|contractor|contractors|decorator|painter|electrician|gardener|roofer|fitter|joiner|carpenter|tiler|plasterer|mechanic|landscaper|cleaner|teacher|tutor|coach|hairdresser|barber|tattooist|dentist)(?: [a-z]+){0,10} )`;
/** Round 29: "next time he'll finish" (it, me, the job): the next time of a harm already done. */
const NEXT_TIME_FINISH = `next time (?:he|she|they|hell|shell|theyll|${RELATIVE}) (?:will |would |is going to |is gonna |are going to |are gonna |s going to |going to |gonna )?(?:finish|end) `;
/** Round 30: wanting to step or jump in front of a vehicle named by its time or its run (the train or bus follows). */
const WANT_TO_STEP_IN_FRONT_OF = String.raw`(?:want|wanting|wanted|tempted|urge|thinking|think about|thought about)(?: [a-z]+){0,3} (?:jump|jumping|step|stepping|throw myself|throwing myself|walk|walking) (?:in front of|under) (?:a |the )?`;
/** Round 27: a railway, a bridge, a cliff or a motorway as the easiest, quickest or only way out (not "the quickest way to town"). */
/** Round 55: a ligature prepared where one hangs and kept watched (at_height; explicit and present in decision.ts). */
export const LIGATURE_WATCHED = String.raw`(?:tied|tying|hung|hanging|rigged|put|set) (?:something|a rope|a belt|a cord|a scarf|a noose|a tie|a cable|a lead|a dressing gown cord|a ligature|it)(?: up)? (?:in|on|to|from|inside|over) (?:my|the) (?:wardrobe|door|bedroom door|door frame|banisters?|bannisters?|loft|loft hatch|beam|rail|clothes rail|curtain rail|hook|ceiling|stairs|garage beam)(?: [a-z]+){0,6} (?:keep|keeps|kept|been|cannot stop|can not stop|sit|sat|sitting) (?:looking at|staring at|thinking about|checking|next to|under|beside) it`;
export const EASIEST_WAY_OUT = String.raw`(?:train line|railway line|railway|rail line|train tracks|railway tracks|the tracks|level crossing|bridge|flyover|viaduct|cliffs?|cliff path|motorway|multi storey|quarry|reservoir|weir)(?: [a-z]+){0,6} (?:the )?(?:easiest|quickest|simplest|cleanest|fastest|only|best) (?:option|way out|way to go|way to do it|exit|answer|solution)(?! (?:to|for|from|into|if|of|when|because|on|at) )`;
/** Round 70: a place or a thing that "looks like a way out", the writer planning how (at_height; explicit and present in decision.ts). */
export const WAY_OUT_PLANNED = String.raw`(?:looks|looked|looking|seems|seemed|feels|felt|starting to look|is starting to look) like (?:a|the|my|the only|an easy|the easy) way out(?! of)(?: [a-z0-9]+){0,8} (?:i have been|i ve been|i am|im|i m|i|been|and i am|and i have been|started) (?:planning|planned|working out|worked out|thinking about|thought about) (?:how|when|where)(?= $| (?:and when|and where|to do it|i would|i will|i d|i ll|it would|it will|already|now|tonight|properly))`;
/** Round 70: charcoal or a disposable barbecue to burn in a room, a car or a tent, doing it told (suicide_indirect; explicit and present). */
export const CHARCOAL_PLAN = String.raw`(?:charcoal|disposable (?:bbq|bbqs|barbecue|barbecues)|(?:bbq|barbecue) coals)(?=(?: [a-z0-9]+){0,20} (?:in|inside) (?:my|the|our|a|his|her|their|this|that) (?:room|bedroom|car|tent|bathroom|van|garage|flat|caravan)(?= ))(?=(?: [a-z0-9]+){0,20} (?:do it|end it|end it all|end things|end my life|not wake up|never wake up|not waking up|sleep forever|for good|goodbye|seal|sealed|sealing|tape|taped|taping|last night)(?= ))`;
export const DIE_AT_A_PLACE = String.raw`(?! (?:at home|in (?:a |the )?(?:hospital|hospice|care home|nursing home)|in (?:her|his|their|my|our) own (?:home|bed|house)|peacefully|with dignity)(?! (?:tonight|today|now|soon|alone)))`;
/**
 * A rope named for its use ("a rope in the boot for towing", "a tow rope"): no means. A guard of the wish-to-die family here, and in
 * decision.ts what a sure model alone may not escalate (engineer's probe after round 52).
 */
/** Round 72: the writer up on a roof, a car park or a bridge now, not knowing what they are doing or unable to go on (at_height; decision.ts
 * reads it as told too plainly to doubt). */
export const AT_HEIGHT_LOST = String.raw`(?:i am|im|i m|i have been|been|i ve been|i was)(?: (?:up|stood|sat|standing|sitting|out))?(?: up)? (?:on|at) (?:the |a )?(?:top of the |top floor of the |edge of the |roof of the )?(?:car park roof|car park|multi storey|multistorey|roof|rooftop|bridge|flyover|viaduct|cliff|cliffs|cliff edge|ledge|tower block roof|top floor|top deck)(?: [a-z0-9]+){0,12} (?:i |and i )?(?:do not|dont|cannot|can not) (?:know what i am doing(?! (?:with|about|on|here with|up here with|wrong))|do this any ?more|take (?:it|this) any ?more|go on(?! with)|cope any ?more)`;
export const ROPE_FOR_USE = String.raw`(?:tow ?rope|towing rope|climbing rope|skipping rope|rope (?:in the boot |in the car |in the van )?(?:for|to) (?:towing|tow|the (?:boat|tent|trailer|mooring|swing|washing|horse|horses|dog|load|climbing|gym)|climbing|tie (?:down|up) (?:the|a|my) (?:load|boat|trailer|tent|horse)|pull (?:the|a|my) (?:car|van|boat|trailer)))`;
/** Fees, bills or debts "drowning us" (engineer's probe after round 52): a figure, guarded in the attack and the water families. */
const MONEY_DROWNING_US = String.raw`(?:fees|charges|paperwork|debts?|bills|costs|fines|admin|emails|letters|rent|arrears|interest|prices|increases|red tape) (?:are |is |s |keep |keeps |just )?(?:drowning|drown) (?:us|me|them|people|residents|everyone|tenants|owners|businesses)`;
/** A plan told: how, where or when (someone is going) to do it, end it, die or go. */
const PLAN_HOW = String.raw`(?:worked out|know|knows|planned|planning|decided|figured out|made a plan for) (?:how|where|when) (?:i am going to|i would|i will|i could|i am gonna|to|he is going to|she is going to)`;
/** Round 49: "overdosed on" food, drink or a pastime ("mince pies at christmas", "chocolate", "box sets"): a figure, not a drug. */
/**
 * Engineer's probe after round 74: medicines kept for later or to hand back ("my mum has been stockpiling her tablets for the winter, can
 * the pharmacy take the old ones back"): a cupboard, not a plan. A day or a plan named after it still hits ("saving up my tablets for the
 * weekend, taking them all" is not "for the winter").
 */
const NOT_KEPT_FOR_LATER = String.raw`(?!(?: [a-z]+){0,3} (?:for (?:the )?(?:winter|flu season|cold season|first aid kit|holidays?|trip|travel)|(?:in|past) (?:their|the) (?:use by|sell by|expiry)|out of date|expired|(?:to |and )?(?:take|hand|give) (?:them|the old ones|it) back|to return|to dispose)(?= ))`;
const OVERDOSE_FIGURE = String.raw`(?:festive (?:spirit|cheer|fun|food)|mince pies|pies|chocolates?|choc|sweets|sugar|cakes?|biscuits|crisps|pizzas?|turkey|sprouts|cheese|ice cream|christmas (?:dinner|food|pudding|telly|tv|films|songs|music|cheer|spirit)|food|junk food|takeaways?|kebabs?|chips|carbs|treats|snacks|quality street|selection boxes|roses|celebrations|mince|pudding|trifle|stuffing|gravy|pasta|bread|cheese ?cake|doughnuts|donuts|netflix|telly|tv|box ?sets?|films|movies|soaps|reality tv|tiktok|social media|sunshine|sun|christmas|the festive [a-z]+|festive [a-z]+|holiday [a-z]+|glass|cardboard|rubbish|bottles|recycling|leaflets|junk mail|paper|plastic|packaging|boxes)`;
// Round 74: also "an overdose of" a figure ("took an overdose of festive spirit at the Christmas market").
const NOT_OVERDOSE_FIGURE = String.raw`(?! (?:on|with|of) (?:the |some |all (?:the |those |of the )?|too (?:many|much) |far too (?:many|much) |loads of |lots of |a load of |a lot of |way too (?:many|much) |christmas |festive |my |our |your )*${OVERDOSE_FIGURE}(?= ))`;
/** Round 49: a bin, a box or a skip "overdosed with" something (overfilled): a thing, not a person. */
const NOT_OVERFILLED = String.raw`(?<!(?:bins?|wheelie bins?|boxes|box|caddy|caddies|skips?|containers?|sacks?|bags?|recycling|bank|banks|it|they) (?:were|was|is|are|been|got|get|gets|have been|has been|had been|being) )`;
/**
 * Round 49: self-harm named only by its old scars, told as healed or over ("self harm scars on my arms ... i'm fine now", "scars from
 * self harming years ago"), nothing current anywhere (fresh, again, cutting, urges, tonight): a question about the scars, not a disclosure.
 */
const SCARS_CURRENT = String.raw`\b(?:fresh|new|again|still (?:cutting|harming|self harming|doing it)|recent(?:ly)?|bleeding|bleeds|last night|tonight|this week|this morning|urges?|want to|wanting to|cutting|cut myself|burning myself|relapse[a-z]*|started|help me|not ok|not okay|not fine|struggling|suicidal)\b`;
const SCARS_HEALED = String.raw`\b(?:fine now|ok now|okay now|alright now|all right now|better now|well now|good now|doing well|doing fine|doing ok|doing okay|years ago|long time ago|long ago|in recovery|recovered|healed|old scars|from years|when i was (?:younger|a teenager|a teen|at school|at uni|little)|used to|stopped|clean for|not done it|do not do it|no longer)\b`;
const NOT_OLD_SCARS = String.raw`(?!(?<!${SCARS_CURRENT}[^]*)(?![^]*${SCARS_CURRENT})(?:(?= scars?\b)|(?<=\bscars? (?:from|of) (?:my |old |past |previous |years of |the )?self harm(?:ing)?))(?:(?<=${SCARS_HEALED}[^]*)|(?=[^]*${SCARS_HEALED})))`;
/** Round 22: an event owned and dated by what followed it ("after my heart attack", "since his"): told as past. */
const OWNED_EVENT = String.raw`(?<!(?:after|since|following|because of|due to) (?:my|his|her|their|mums|dads|(?:my|our) (?:mum|dad|husband|wife|partner|son|daughter)s?) )`;
/** Carbon monoxide: symptoms that cluster, and the appliances that make it. */
const CO_SYMPTOM = any('headaches?', 'splitting headaches?', 'dizzy', 'dizziness', '(?:feel|feels|feeling|felt|being|been|is|are|gets|get) sick', 'vomiting', 'throwing up', 'nause(?:a|ous)',
  'drowsy', 'sleepy', 'confused', 'faint(?:ing)?', '(?:will not|cannot|can not) wake(?: up)?(?: properly)?', 'passing out', 'passed out', 'falling asleep',
  // Round 31: dozing without meaning to ("keep nodding off") and feeling rough or groggy, beside an appliance and another sign.
  '(?:nodding|nodded|nod|dozing|dozed|drifting) off', '(?:feel|feels|feeling|felt) (?:really |so |very |a bit )?(?:rough|groggy|woozy|drunk|spaced out|out of it)', 'barely (?:stand|walk|keep [a-z]+ eyes open)', 'breathless', 'short of breath',
  // Round 20: pets dying or falling ill (a budgie, the dog), and symptoms that lift outdoors ("a headache that goes when I go out").
  '(?:budgie|canary|bird|birds|cat|dog|hamster|pet|pets|fish)(?: [a-z]+){0,2} (?:died|has died|have died|dying|is dying|are dying|dead|poorly|ill|keeled over)',
  // Round 25: a pet unsteady or listless ("the dog's wobbly", "the cat's lethargic"; the normaliser leaves "dogs", "cats"), and
  // flu without a fever, told of a household.
  '(?:budgie|canary|bird|cat|dog|hamster|pet|rabbit|guinea pig)s?(?: [a-z]+){0,2} (?:wobbly|lethargic|listless|unsteady|staggering|stumbling|keeps falling over|falling over|really sleepy|so sleepy|sleeping all (?:day|the time))',
  'flu like (?:symptoms|illness)',
  '(?:goes|go|went|clears?|cleared|lifts?|disappears?|stops?|better)(?: away| up)? (?:when|once|as soon as) (?:i|we|he|she|they) (?:go|goes|went|get|gets|am|are|is) (?:out|outside|outdoors)');
const CO_APPLIANCE = any('boiler', 'gas (?:fire|heater|cooker|hob|appliance|stove)', 'heater', 'paraffin', 'stove', 'generator', 'log burner', 'wood burner',
  'barbecue', 'bbq', 'soot', 'sooty', 'black marks', 'fumes', 'flue', 'chimney',
  // Round 25: carbon monoxide told only by where and when the symptoms come ("sick and dizzy when the heating's on", "only at home,
  // fine at work", "better when we go outside") or by an alarm that keeps sounding or lost its battery ("keeps beeping so she took
  // the battery out"). Two symptoms are still needed beside it.
  'heating(?: is| s|s)? (?:on|comes on|goes on|came on|went on|kicks in|is running)', 'when (?:the |we put the |i put the |we turn the |i turn the )?(?:heating|radiators?)(?: is| are)? (?:on|running)',
  'only (?:when (?:we are|i am|they are|she is|he is|we get|i get) )?(?:at home|in the (?:house|flat))', '(?:fine|better|ok|okay|alright) (?:at|when (?:we are|i am|they are|she is|he is) (?:at|out|away))(?: [a-z]+){0,2}',
  '(?:goes|go|went|clears?|cleared|lifts?|disappears?|stops?|better|feels? better|felt better)(?: away| up)? (?:when|once|as soon as) (?:i|we|he|she|they) (?:go|goes|went|get|gets|am|are|is) (?:out|outside|outdoors)',
  '(?:alarm|detector)s?(?: [a-z]+){0,3} (?:keeps |kept |is |was |has been |been |started |keep )?(?:beeping|bleeping|going off|sounding|screeching)',
  '(?:took|taken|take|pulled|removed|ripped) (?:the |its |out the )?batter(?:y|ies)(?: out)?');
/** Round 18: a partner, as the one who damaged the home ("it was my partner"), and the damage told as happening before. */
const PARTNER = any('partner', 'husband', 'wife', 'boyfriend', 'girlfriend', 'ex', 'ex partner', 'ex husband', 'ex wife', 'ex boyfriend',
  'ex girlfriend', 'fiance', 'fiancee', 'other half');
const REPEATED = any('again', '(?:it is |that is |this is |it was )?not (?:for )?the first time', '(?:second|third|fourth|fifth|[0-9]+(?:st|nd|rd|th)?) time',
  'every time', '(?:has |had )?(?:happened|done (?:it|this|that)) before', 'keeps (?:doing|happening)');
/** Round 18: carbon monoxide felt, or gas smelt, in Portuguese, Spanish, Romanian and Polish: never a detector's chirp. */
const FOREIGN_CO_FELT = String.raw`boli (?:nas |mnie )?glow[a-z]*|mdlosci|zemdla[a-z]*|(?:basi|basimiz) (?:donuyor|agriyor)|(?:mide|midemiz) bulan[a-z]*|kusuyor[a-z]*|bayil[a-z]*|desmai[a-z]*|tontur[a-z]*|dor de cabeca|enjo[a-z]*|vomit[a-z]*|mareo|mareados?|dolor de cabeza|desmay[a-z]*|amete[a-z]*|durere de cap|lesin[a-z]*|zawrot[a-z]*|bol glowy|omdla[a-z]*|cheiro a gas|cheiro de gas|olor a gas|huele a gas|miros de gaz|czuc gaz`;
/** Round 18: a gas leak, a smell of gas, smoke or fire named in those languages and Turkish: never a detector's end of life. */
/**
 * Round 25: carbon monoxide felt, in Polish, Turkish, Romanian, Spanish and Portuguese: a headache, dizziness, nausea, vomiting or
 * fainting ("boli nas głowa", "mdłości", "başı dönüyor", "midemiz bulanıyor", "ameţeli", "mareos", "tonturas").
 */
const FOREIGN_CO_SYMPTOM = String.raw`boli (?:nas |mnie |ja |go |je |ich |wszystkich )?glow[a-z]*|bol(?:e|u)? glowy|mdlosci|mdli (?:nas|mnie|ja|go|je)|zawrot[a-z]* glowy|wymiot[a-z]*|zemdla[a-z]*|omdla[a-z]*|(?:basi|basim|basimiz|baslari|baslarimiz|basi da) (?:donuyor|agriyor|donuyo|agriyo)|bas (?:agri[a-z]*|donme[a-z]*)|(?:mide|midem|midemiz|midesi|mideleri)(?: de)? bulan[a-z]*|kusuyor[a-z]*|kusma[a-z]*|bayil[a-z]*|bayg[a-z]*|durere[a-z]* de cap|dor(?:es)? de cap|ameteli[a-z]*|ameteal[a-z]*|greata|greturi|varsaturi|voma|vomitos|vomitando|vomita|vomitam|vomitat|vomit[a-z]*(?<!vomit|vomiting|vomited|vomits)|(?:ne |ma |il |o |le )?doare capul|lesin[a-z]*|dolor(?:es)? de cabeza|mareos?|mareados?|mareadas?|nauseas|desmay[a-z]*|dor(?:es)? de cabeca|tonturas?|tontos?|tontas?|enjoo[a-z]*|enjoad[a-z]*|desmai[a-z]*`;
/** Round 25: what makes carbon monoxide, or the alarm that warns of it, in those languages ("piec", "kombi", "centrala", "caldera"). */
const FOREIGN_CO_SOURCE = String.raw`piec[a-z]*|kociol|kotl[a-z]*|junkers[a-z]*|terma|termy|termie|czujnik[a-z]*|czad[a-z]*|kuchenk[a-z]* gazow[a-z]*|kombi[a-z]*|soba[a-z]*|sobay[a-z]*|sofben[a-z]*|alarm[a-z]*|dedektor[a-z]*|karbon monoksit|centrala|centralei|centrale|aragaz[a-z]*|senzor[a-z]*|detector[a-z]*|caldera|calentador|estufa|brasero|caldeira|esquentador|aquecedor|salamandra|fogareiro[a-z]*|churrasqueira|carvao|hornillo|barbacoa|detetor|alarme|monoxido de carbono|monoxid de carbon|gaz|gas`;
/**
 * Round 42: carbon monoxide signs in German, Dutch, French and Italian ("der CO-Melder piept die ganze Zeit und ihm ist schwindelig und
 * übel", "duizelig en misselijk", "vertiges et nausées", "capogiri e nausea"), with what makes it or warns of it.
 */
const WEST_CO_SYMPTOM = String.raw`schwindel(?:ig)?|ubel|ubelkeit|kopfschmerz(?:en)?|erbrech[a-z]*|(?:muss|musste|mussen) sich ubergeben|ohnmacht[a-z]*|bewusstlos|benommen|duizel[a-z]*|misselijk[a-z]*|hoofdpijn|overgeven|flauw(?:gevallen)?|vertiges?|nausee?s?|mal (?:a|de) (?:la )?tete|evanoui[a-z]*|(?:il |elle |ils |elles |je |on )vomi(?:t|ssent|s)?|vomissements?|capogir[a-z]*|vertigin[ei]|nausea|mal di testa|svenut[oa]|svenimento`;
const WEST_CO_SOURCE = String.raw`(?:co |kohlenmonoxid |kohlenmonoxyd |rauch )?(?:melder|warnmelder)|kohlenmonoxid[a-z]*|kohlenmonoxyd[a-z]*|co ?melder|heizung|therme|gastherme|heizkessel|gasofen|ofen|kamin|koolmonoxide[a-z]*|cv ketel|ketel|kachel|geiser|monoxyde de carbone|detecteur(?: de co| de monoxyde)?|chaudiere|poele|monossido(?: di carbonio)?|rilevatore|caldaia|stufa|boiler`;
const WEST_CO = `(?:${WEST_CO_SOURCE})(?: [a-z]+){0,14} (?:${WEST_CO_SYMPTOM})(?: [a-z]+){0,8} (?:${WEST_CO_SYMPTOM})|(?:${WEST_CO_SYMPTOM})(?: [a-z]+){0,8} (?:${WEST_CO_SYMPTOM})(?: [a-z]+){0,14} (?:${WEST_CO_SOURCE})`;
const FOREIGN_CO_FELT_TWICE = `(?:${FOREIGN_CO_SYMPTOM})(?: [a-z]+){0,12} (?:${FOREIGN_CO_SYMPTOM})`;
const FOREIGN_GAS_OR_FIRE = String.raw`fuga de gas|vazamento de gas|scurgere de gaz|wyciek gazu|gaz kacagi|gaz kokusu(?! yok)|cheiro a queimado|olor a quemado|miros de ars|czuc spalenizne|fumo|fumaca|humo|fum|dym|duman|fogo|fuego|foc|incendio|incendiu|pozar|pali sie|yangin|chamas|llamas|flacari|plomienie`;
/**
 * Round 26: a noise likened to a gunshot ("a noise like a gunshot", "sounds like gunshots", "bangs like two gunshots"), and what
 * makes such a simile a report after all: someone shooting or armed, someone hurt, screaming or running off.
 */
/**
 * Round 45: what follows a French, Italian or German word of dying or ending it when it is a figure of speech ("mourir de rire",
 * "morire dal caldo", "sterben vor Hunger") or ends a chore ("en finir avec ce dossier", "farla finita con questa pratica").
 */
const FIGURE_AFTER_DYING = String.raw`(?! (?:de|d|dal|dalla|dalle|dai|di|vor) (?:rire|faim|chaud|froid|ennui|honte|soif|fatigue|peur|envie|impatience|caldo|freddo|fame|sete|noia|ridere|risate|vergogna|paura|stanchezza|sonno|hunger|lachen|langeweile|hitze|kalte|durst|scham|angst|neugier)| (?:avec|con|mit) (?!la vie|la vita|tout|tutto|moi|me|allem|mir))`;
/**
 * Round 45: a worry about a possible drowning, in English or Welsh ("worried about the little ones drowning", "poeni am y plant bach
 * yn boddi"): only a few words naming who may drown sit between the worry and the word, so "worried about my son, he is drowning" is
 * still read.
 */
const WORRY_BEFORE_DROWNING = String.raw`(?<!(?:worried|worry|worrying|worries|concerned|scared|afraid|nervous|anxious|fear|fears|frightened|terrified|risk|chance|poeni|pryderu|pryder|ofn|ofni|becso) (?:about|of|that|am|y|bod|rhag)(?: (?:the|my|our|your|little|young|small|all|kids|children|child|ones|one|toddlers|toddler|babies|baby|people|swimmers|anyone|someone|somebody|them|him|her|y|yr|plant|plentyn|bach|babi|rhai|fy|ein|yn))* )`;
const SIMILE_LEAD = String.raw`(?:like|than|as|similar to|resembling|sounded|sounds|sounding)(?: (?:a|an|two|three|four|several|some|multiple|loud|few|a few|couple of|a couple of|series of|a series of|what|were|was))*`;
const NOT_A_SIMILE = String.raw`(?<!${SIMILE_LEAD} )`;
const SHOT_SIMILE = String.raw`(?:like|than|similar to|sounded like|sounds like|sounding like|as loud as)(?: (?:a|an|two|three|four|several|some|multiple|loud|few|a few|couple of|a couple of|series of|a series of))* (?:gun ?shots?|gunfire|shotguns?|shotgun blasts?|a gun going off|guns going off)`;
const SHOT_SIMILE_PERSON = String.raw`(?:scream[a-z]*|shout[a-z]*|yell[a-z]*|cry(?:ing)? for help|someone (?:is |s )?(?:hurt|shot|down|injured|on the ground|bleeding)|(?:man|men|lad|lads|guy|guys|bloke|someone|somebody|he|they) (?:is |are |was |were )?(?:shooting|firing|armed|with a gun|waving a gun|holding a gun)|(?:people|everyone|everybody|kids|children|they|we) (?:are |were |all )?(?:running|scattering|fleeing|ducking|screaming|hiding)|shooting|gunman|gunmen|armed|injured|bleeding|blood|on the ground|ran off|running off|running away|sped off|speeding off|drove off|police)`;
/** What makes a noise like a gunshot, named before the simile ("the nail gun next door goes off like a gunshot"). */
/** Round 32: what plays gunshots and explosions as sound: a film, a game, music, the telly, fireworks, a car backfiring. */
const SHOT_MEDIA = String.raw`(?:(?:action |war |horror |gangster )?(?:films?|movies?)|(?:shoot(?:ing|er|em up)? |war |computer |video )?games?|gaming|xbox|playstation|ps[45]|fortnite|call of duty|cod|fifa|music|songs?|drill|bass|speakers?|sound ?system|telly|tv|television|fireworks?|bangers?|backfir[a-z]*)`;
// Round 66: also every car or lorry that goes over a thing ("every car that goes over it sounds like a gunshot").
const SHOT_SOURCE = String.raw`(?:boilers?|(?:gym )?weights|gyms?|dumbbells?|barbells?|kettlebells?|deadlifts?|bin lorr(?:y|ies)|bin men|lids?|pipes? (?:bang|knock)[a-z]*|water hammer|scarers?|bird scarers?|gas guns?|nail guns?|staple guns?|bangers?|backfir[a-z]*|exhausts?|fireworks?|motorbikes?|mopeds?|bin lids?|doors? slamm[a-z]*|slamm[a-z]* doors?|scaffold[a-z]*|builders?|roadworks|diy|street ?lights?|starters?|transformers?|balloons?|tyres? (?:burst|bursting|popping|popped|blew|blow[a-z]*|explod[a-z]*)|punctures?|manholes?|manhole covers?|drain covers?|(?:when|as) (?:cars|lorries|buses|vans|traffic) (?:go|goes|drive|drives|run|runs) over|(?:when|as|whenever|every time) (?:cars|lorries|buses|vans|traffic|a car|a bus|a lorry|a van|anything) (?:hit|hits|hitting|go on|goes on|drive on|drives on|run on|runs on) (?:it|them|the [a-z]+)|(?:every|each|any|the) (?:car|lorry|bus|van|vehicle|truck|bike|motorbike|cars|lorries|buses|vans|vehicles) (?:that |which )?(?:goes|go|drives|drive|runs|run|rolls|roll) (?:over|across|onto|on) (?:it|them)|thunder|hailstones?|the telly|the tv|a film|video games?|car engines?|engines? backfir[a-z]*|${SHOT_MEDIA})`;
/** Round 26's sources, and the noise put down to something after the simile ("it's his nail gun", "it's the starter", "turned out it was a branch"). */
const SHOT_EXPLAINED = String.raw`(?:${SHOT_SOURCE}|(?:it is|it was|its|turns out|turned out|must be|probably|i think it is)(?: it was| it is| to be)? (?:the|his|her|their|a|an|my|our|just|only|some) [a-z]+)`;
/** Round 26: money, as the subject of a strangling or a killing in hyperbole ("these rates are strangling us"). */
// Round 58: the cost or the price of something named as the subject ("the cost of everything is strangling us").
const MONEY_SUBJECT = String.raw`(?:(?:the )?(?:cost|costs|price|prices) of (?:everything|it all|[a-z]+)|rates|business rates|rate|bills?|energy bills?|rent|rents|prices?|charges?|costs?|fees?|council tax|tax|taxes|interest|interest rates|debts?|mortgage|repayments?|overheads|fines?|inflation|cost of living|service charges?|red tape|paperwork)`;
const NOT_MONEY = String.raw`(?<!(?:^| )${MONEY_SUBJECT}(?: (?:really|just|literally|slowly|absolutely|totally|actually|all))? )`;
/** Round 26: the assistant (or a website) quoted as telling the writer to ring 999 ("your chatbot told me to call 999"). */
// Round 31: also advice the writer wants stopped ("stop telling me to call 999, I said my phone died not me").
// Round 48: and the bot as "it" repeating advice ("this bot is useless, it keeps telling me to call 999").
const NOT_BOT_ADVICE = String.raw`(?<!(?:(?:bot|chatbot|chat bot|chat|assistant|robot|website|site|app|system|computer|machine|thing|you) (?:just |then |keeps |kept |keep |always |still )?(?:told|tells|telling|said|says|saying|advised|advises|asked|asks|wants|wanted)|(?:stop|quit|enough of|no more) (?:telling|saying|asking|advising)|it (?:just |then |keeps |kept |keep |always |still )(?:told|tells|telling|said|says|saying|advised|advises)) (?:me |us |them |him |her )?(?:to )?)`;
const PAST_AND_OVER = String.raw`\b(?:last (?:night|week|month|year)|yesterday|ago|the other (?:day|night)|earlier this (?:week|month))\b`;

/**
 * Round 35: "it is trying to kill me" said of a thing named earlier in the sentence (a smoke alarm going off, the boiler, the stairs):
 * exasperation, not a threat ("my smoke alarm keeps going off when I make toast, I swear it's trying to kill me"). A person between
 * the thing and "it" is never skipped over ("the alarm went off and he is trying to kill me" still hits).
 */
/**
 * Things said to be trying to kill the writer in exasperation (round 35's appliances; round 42: exercise machines, bikes, ladders,
 * gates and other broken things: "got a broken treadmill that's tried to kill me twice").
 */
const TRYING_THINGS = String.raw`alarms?|detectors?|boiler|heating|radiators?|oven|cooker|toaster|kettle|hob|microwave|washing machine|dryer|fridge|freezer|shower|printer|computer|laptop|website|app|bot|chatbot|stairs|hill|heat|weather|damp|mould|lift|treadmills?|exercise bikes?|cross trainers?|rowing machines?|bikes?|bicycles?|scooters?|ladders?|lawn ?mowers?|mowers?|trampolines?|gates?|doors?|garage doors?|wardrobes?|shelv(?:es|ing)|shelf|furniture|sofa bed|recliners?|chairs?|hoover|vacuum|strimmer|hedge trimmer|car|van|motor|printer|machine|thing`;
const NOT_A_THING_TRYING = String.raw`(?<!(?:${TRYING_THINGS})(?: (?!(?:he|she|they|him|her|them|someone|somebody|man|woman|neighbour|partner|husband|wife|boyfriend|girlfriend|ex)\b)[a-z]+){0,14} (?:it is|it s|its|it keeps|it) (?:honestly |literally |actually |really |just )?|(?:${TRYING_THINGS}) (?:that |which )?(?:is |s |are |has |have |keeps |keep |really |literally |honestly |actually |just |actively |twice |nearly |almost |once )*)`;

/** Round 42: insults or control beside a partner taking the money. */
/**
 * Round 59: insects or animals as the subject of "going to kill me" ("theres a wasps nest under the eaves and theyre going to kill me
 * every time i go out"): a pest, no threat; a guard of the weapon and the attack families. A person named as the subject ("he is going
 * to kill me") is not guarded.
 */
const PESTS_GOING_TO_KILL = String.raw`\b(?:wasps?|bees?|hornets?|insects|midges|mosquitoes|flies|ants|rats|mice|seagulls?|gulls|pigeons|geese|swans?|cows|bulls?|nest|swarm)\b(?: [a-z]+){0,10} (?:they are|they will|it is|it will|they|these|those|them) (?:are |will )?(?:going to|trying to|out to|about to) kill me\b`;
/**
 * Round 73: stinging insects as the attackers, however the attack is told ("they went for me last week", "chased", "stung") and however
 * far back they are named: a pest report. Never beside an allergy, swelling or trouble breathing, nor beside a person, a dog or a weapon.
 */
const INSECTS_ATTACKING = String.raw`^(?![^]*\b(?:allergic|allergy|anaphyla[a-z]*|epipen|epi pen|swell[a-z]*|swollen|breath[a-z]*|collapsed|unconscious|fainted|man|men|woman|guy|bloke|lads?|boys?|gang|someone|somebody|neighbour|partner|husband|boyfriend|dogs?|knife|knives|gun|weapon|bat|hit|hitting|punch[a-z]*|kick[a-z]*)\b)[^]*\b(?:wasps?|hornets?|bees|bee|a swarm|swarm of [a-z]+|insects|midges|mosquitos|mosquitoes|horseflies|horse flies|ants)\b(?: [a-z]+){0,16} (?:is |are |s |keep |keeps |have been |has been |started |starting |just |they are |they re |they keep |they have |they |it )?(?:attacking|attacked|going for|went for|gone for|go for|goes for|came for|come for|swarming|swarmed|stinging|stung|chasing|chased)\b`;
/**
 * Round 74: an order in place and the man still turning up or waiting (`order_breached`), and being told he knows where the writer
 * lives (after "keeps messaging", `abuser_found_home`); decision.ts reads both again as a threat going on beside a service question.
 */
export const ORDER_KEPT_TURNING_UP = String.raw`(?:non molestation|restraining|protection|occupation|court) (?:order|orders|injunction)(?: [a-z]+){0,6} (?:but|and|yet) (?:he|she|they|my ex|her ex|his ex)(?: still)? (?:keeps|kept|keep|is still|still|has been|been) (?:turning up|coming round|coming to|showing up|waiting|hanging around|following|parking|sitting)`;
export const KNOWS_WHERE_TOLD = String.raw`(?:messaging|texting|telling me|saying|writing|posting|emailing|sending (?:me )?(?:messages|texts))(?: [a-z]+){0,3} (?:that )?(?:he|she|they) (?:knows|know|found out|has found out) where (?:i|we|she|the kids) (?:live|lives|am|are|is|sleep|stay)`;
/** Round 73: a young child's outburst relayed for a course or support (weapon_or_threat_to_kill; decision.ts asks at most). */
export const YOUNG_CHILD_OUTBURST = String.raw`^(?![^]*\b(?:knife|knives|gun|weapon|scissors|hurt|hurting|hit|hitting|bleeding|blood|tonight|right now|strangl[a-z]*|choke[a-z]*|pushed)\b)(?=[^]*\b(?:(?:he|she) (?:is|s) (?:[2-9]|two|three|four|five|six|seven|eight|nine)|aged (?:[2-9]|two|three|four|five|six|seven|eight|nine)|(?:[2-9]|two|three|four|five|six|seven|eight|nine) (?:year|yr) olds?)\b)(?=[^]*\b(?:parenting|course|courses|class|classes|support|help|behaviour|early help|group|camhs|assessment|adhd|autism|asd|been through)\b)[^]*\b(?:told|tells|said to|says to|shouted at|screamed at|threatened|yelled at) (?:his|her|the|a) (?:teacher|classmate|mum|mam|dad|nan|nanna|nana|grandad|granddad|gran|grandma|sister|brother|friend|ta|teaching assistant) (?:he|she) (?:would|will|is going to|was going to|d|wants to|wanted to) kill (?:her|him|them|me|us)\b`;
/**
 * Round 73: a fire told as over in Polish, Portuguese, Lithuanian, Romanian or Spanish ("W marcu mieliśmy pożar na zapleczu", "a minha
 * carrinha pegou fogo na semana passada", "gaisras buvo seniai"): a fire told in the past with when it was, nothing burning or now.
 */
const FOREIGN_FIRE_OVER = String.raw`^(?![^]*\b(?:teraz|nadal|wciaz sie pali|pali sie|dym|dymu|agora|ainda|a arder|fumo|fumaca|dabar|vis dar|dega|rukst[a-z]*|acum|arde|ahora|sigue|humo|llamas|chamas|plomienie|flacari|uwiezion[a-z]*|presos?|atrapad[a-z]*|uwiezieni|ratunku|socorro|ajutor|gelbekit[a-z]*|pomocy)\b)(?=[^]*\b(?:w (?:styczniu|lutym|marcu|kwietniu|maju|czerwcu|lipcu|sierpniu|wrzesniu|pazdzierniku|listopadzie|grudniu)|w zeszlym (?:tygodniu|miesiacu|roku)|(?:tydzien|miesiac|rok|dwa tygodnie|dwa lata|dawno) temu|dawno|na semana passada|no mes passado|no ano passado|ha (?:uma semana|um mes|um ano|muito tempo)|em (?:janeiro|fevereiro|marco|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro)|seniai|pernai|praejusi[a-z]* (?:savaite|menesi)|saptamana trecuta|luna trecuta|anul trecut|acum (?:o saptamana|o luna|un an)|la semana pasada|el mes pasado|el ano pasado|hace (?:una semana|un mes|un ano|mucho))\b)[^]*\b(?:mielismy pozar|mieli pozar|byl pozar|pozar byl|wybuchl pozar|spalil[a-z]*|splon[a-z]*|pegou fogo|pegaram fogo|houve um incendio|tivemos um incendio|teve um incendio|ardeu|sudeg[a-z]*|gaisras buvo|buvo gaisras|kilo gaisras|a luat foc|a ars|am avut un incendiu|hubo un incendio|tuvimos un incendio|se quemo)\b`;
// Round 60: a hedge, weeds or brambles "trying to kill us" ("Our hedge is out of control, its trying to kill us"): a garden, no threat;
// a person as the subject ("he is trying to kill us") is not guarded, nor a tree that will fall (no "trying to").
// Engineer's probe after round 60: the plant as the subject too ("this hedge is trying to kill me").
const PLANTS_TRYING_TO_KILL = String.raw`\b(?:hedges?|weeds|ivy|brambles|bindweed|knotweed|nettles|leylandii|conifers|garden)\b(?:(?: [a-z]+){0,10} (?:it is|they are|it|they|these|those)|(?: [a-z]+){0,3} (?:is|are|s)(?: [a-z]+){0,2})? (?:trying to|out to) kill (?:me|us)\b`;
// Round 61: an exercise class's instructor, trainer or coach "trying to kill us all" ("That spin class instructor is trying to kill us
// all. Can I switch to yoga"): a hard workout, no threat; a man at the gym, or an instructor with a weapon, is not guarded.
const CLASS_TRYING_TO_KILL = String.raw`\b(?:spin|gym|fitness|exercise|aerobics|zumba|pilates|yoga|circuits|bootcamp|boot camp|hiit|crossfit|aqua|aqua aerobics|swim|swimming)(?: class)? (?:instructors?|teachers?|trainers?|coach|coaches|class|session|workout)(?: is| are| s| was)(?: really| literally| actually| definitely| honestly)? (?:trying to|out to) kill (?:me|us)\b(?![^]*\b(?:knife|knives|gun|weapon|hit|hits|punch[a-z]*|attack[a-z]*|threat[a-z]*)\b)`;
const PARTNER_CONTROL = String.raw`(?:(?:calls|calling|called) (?:me|us) (?:a |an )?(?:useless|stupid|thick|worthless|fat|ugly|pathetic|cripple|idiot|burden|waste|bitch|slag)|(?:useless|stupid|worthless|pathetic) (?:cripple|cow|bitch|idiot|lump|waste)|cripple|(?:will not|does not|never) let me (?:have|touch|see|spend|get|keep|go)|(?:cannot|can not) touch|(?:have|has) to (?:ask|beg) (?:him|her) for|gives me (?:nothing|pocket money|an allowance)|leaves me (?:with nothing|nothing|skint)|checks (?:my|every)|controls (?:everything|all)|(?:scared|frightened|afraid) of (?:him|her))`;

/** Round 42: dogs or another animal as the attacker; a person as the one attacked. */
const ANIMAL_ATTACKER = String.raw`(?:dogs?|pit ?bulls?|xl bull(?:y|ies)|bull(?:y|ies)|rottweilers?|staff(?:y|ies)|alsatians?|german shepherds?|mastiffs?|husk(?:y|ies)|animals?|the pack)`;
const ATTACKED_PERSON = String.raw`(?:a |an |the |this |that |my |our |his |her |their |some |one of the |two |three )?(?:little |young |small |old |poor |elderly |wee )?(?:${CHILD}|man|woman|lady|person|pensioner|postman|postwoman|jogger|runner|cyclist|someone|somebody|people|neighbour|him|her|them|me|us)(?! (?:dog|dogs|cat|cats|puppy|pet|s dog|s cat))`;

/** Round 42: adults who are strangers to the child, trying to get children into a vehicle. */
const LURER = String.raw`(?:men|man|a bloke|blokes|bloke|guys|a guy|strangers?|adults|some people|a couple|a woman|women|someone|somebody)`;
const LURE_INTO = String.raw`(?:trying|tried|tries|try|attempting|attempted|keep trying|keeps trying|kept trying) to (?:get|lure|entice|coax|pull|drag|bundle|grab|take|talk|persuade|put|push|bribe)`;
const INTO_VEHICLE = String.raw`(?:into|in|in to|inside) (?:a |the |his |their |an |that |this |a white |the white |a black |an old )?(?:van|car|vehicle|motor|truck|lorry|people carrier|minibus)`;

/** Round 42: a hand, a foot or a knee hurt or cut on a thing ("keeps hurting her hand on the broken bit", "cutting her hand on the hinge"). */
const NOT_HURT_ON_A_THING = String.raw`(?! (?:hands?|fingers?|thumbs?|arms?|wrists?|legs?|knees?|feet|foot|toes?|ankles?|shins?|back|head|elbows?|hips?|shoulders?)(?: [a-z]+){0,2} (?:on|against|with|when|opening|closing|lifting|pulling|pushing|moving|carrying|using) (?:the|a|an|that|this|those|its|it|them|her|his|their)\b)`;

/** Round 35: harm denied in so many words ("no one is hurting him", "nobody's mistreating her"): never the harm itself. */
const NOT_DENIED = String.raw`(?<!(?:no one|nobody|noone|no body|not anyone|no one at all|nobody at all) )`;
/**
 * Round 44: a thing, a feeling or a body part as the one "hurting" someone ("the stress is hurting him", "the fine has gone up ... it
 * is hurting me badly", "my back is hurting me", "the cold in this flat is hurting him"): a situation, not an attack; "he is hurting me" is untouched.
 * Only "hurting".
 */
const NOT_A_THING_HURTING = String.raw`(?:(?<!(?:^| )(?:it|this|that|stress|worry|anxiety|pain|cold|heat|damp|mould|noise|waiting|wait|situation|delay|delays|uncertainty|back|neck|knee|knees|hip|hips|leg|legs|shoulder|shoulders|feet|foot|head|chest|tooth|teeth|wrist|wrists|stomach|ankle|ankles|joints|arthritis|fine|bill|bills)(?: (?:in|of|from|at|on) (?:this|the|my|our|his|her|their) [a-z]+)? )|(?!(?:is|are|s|keeps|has been|was) (?:been )?(?:really |badly |so |just |still )?hurting ))`;

/** Round 35: a stabbing or a shooting dated by a month or a season, with nothing present told anywhere in the message. */
const MONTH_OR_SEASON = String.raw`(?:january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|autumn|winter|new year)`;
const HARM_PRESENT = String.raw`\b(?:just now|right now|tonight|today|this (?:morning|afternoon|evening)|bleeding|ambulance|999|still (?:there|here|outside|around))\b`;
const NOT_DATED_HARM = String.raw`(?:(?<=${HARM_PRESENT}[^]*)|(?=[^]*${HARM_PRESENT})|(?<!\bin (?:the )?${MONTH_OR_SEASON}(?: [a-z]+){0,6} )(?![a-z]+(?: [a-z]+){0,7} in (?:the )?${MONTH_OR_SEASON}\b))`;

/**
 * Round 65: a plant, a thing or the weather "trying to kill me" ("the christmas tree its trying to kill me with needles"; "murder" after
 * the engineer's probe): hyperbole. Guards both the weapons family and the attack family.
 */
const THING_TRYING_TO_KILL = String.raw`\b(?:christmas tree|tree|pine|holly|cactus|hedge|brambles?|heat|cold|weather|stairs|hill|ice|snow|wind|seagulls?|gulls?|wasps?|cat)(?: [a-z]+){0,2} (?:is |s |are |keeps )?(?:trying to|out to|wants to|going to) (?:kill|murder) (?:me|us)\b`;
/** Round 65: a partner doing damage (`damage_covered_up`: the story that covered it follows). */
const PARTNER_DAMAGE = String.raw`(?:he|she|partner|husband|boyfriend|ex|wife|girlfriend)(?: [a-z]+){0,2} (?:kicked|punched|smashed|broke|booted|put (?:his|her) (?:fist|foot|head) through)`;
/** Round 68: the staff of a care setting (`resident_hurt_by_staff`: confining, restraining or sedating, denying food or the toilet). */
const CARE_STAFF = String.raw`(?:seniors?|staff|carers?|nurses?|care workers?|support workers?|night staff|managers?|care assistants?|agency (?:staff|workers?))`;
/**
 * Round 66: a thing that "didn't try to kill me" (rations, food, a meal compared with a bad takeaway), the attempt denied of a thing:
 * never beside a weapon, a blow or a threat. Guards both the weapons family and the attack family ("never tried to kill me like that
 * takeaway did" reached the attack family: engineer's probe after round 66).
 */
const THING_DID_NOT_TRY_TO_KILL = String.raw`\b(?:that|which|and|they|it|these|those|ones?|food|meals?|rations?|ratpacks?|rat packs?|kebabs?)(?: [a-z]+){0,2} (?:did not|never|does not|do not|would not) (?:try|tried) to (?:kill|poison|murder) (?:me|us)\b(?![^]*\b(?:knife|knives|gun|weapon|hit|hits|hitting|punch[a-z]*|threat[a-z]*|strangl[a-z]*|scared|afraid|terrified)\b)`;

/** Round 41: a photographer or a film crew coming "to shoot" the pupils or the staff (their portraits): no threat. */
const NOT_A_SHOOT_CREW = String.raw`(?<!(?:photographers?|photo|photos|camera|film|filming|video|tv|television|portrait|school photo|picture)(?: [a-z0-9]+){0,10} )`;
/**
 * Round 52: not wanting to harm the crews, anyone or animals, said as the reason for asking how to throw something away safely ("don't
 * want to poison the binmen", "don't fancy stabbing a bin man", "i dont want anyone cutting themselves and bleeding"): care, not a
 * threat. Never oneself ("i don't want to hurt myself").
 */
const CARE_NOT_TO_HARM = String.raw`(?:do not|dont|would not|wouldnt|did not) (?:want|fancy|like)(?: (?:to|anyone|anybody|someone|somebody|people|kids|children|the kids|them|the (?:bin|refuse) (?:men|crew|crews|collectors?)))?(?: to)? (?:poison|poisoning|stab|stabbing|jab|jabbing|spike|spiking|cut|cutting|hurt|hurting|injure|injuring|harm|harming|burn|burning)(?: (?:the|a|any|one of the|our|your))? (?:bin ?m[ae]n|binmen|bin crews?|bin workers?|bin lorry|crews?|collectors?|refuse (?:workers?|collectors?|crews?|team)|workers?|staff|postman|postie|recycling (?:team|crew|staff)|wildlife|animals|pets|birds|hedgehogs|foxes|dogs?|cats?|themselves)`;

/**
 * Round 54: the same care told of the crews being hurt ("he doesn't want the bin men getting stabbed" by insulin needles in a sharps
 * question): the crews named, then "getting", "to get" or "being" and the harm. "he wants the bin men stabbed" is no care.
 */
const CARE_NOT_HURT_CREWS = String.raw`(?:do not|does not|did not|would not|dont|doesnt|didnt|wouldnt) (?:want|like|fancy)(?: (?:the|any|a|one of the|our|your))? (?:bin ?m[ae]n|binmen|bin crews?|bin workers?|crews?|collectors?|refuse (?:workers?|collectors?|crews?|team)|workers?|staff|postman|postie|recycling (?:team|crew|staff)) (?:getting|to get|being|to be|ending up) (?:stabbed|jabbed|pricked|spiked|cut|hurt|injured|harmed|poisoned|burnt|burned)`;

/**
 * Round 45: pests someone wants killed ("rats under the decking ... my wife wants to kill them all"). Round 54: shared with attack_now,
 * a bird or a pest singular too ("it's a pigeon problem on the balcony, not trying to kill them, just get them to go").
 */
const PESTS_KILLED = String.raw`\b(?:rats?|mice|mouse|pests?|vermin|wasps?|hornets?|slugs?|snails?|moles?|pigeons?|seagulls?|gulls?|magpies?|crows?|squirrels?|cockroach(?:es)?|roaches|ants|bed ?bugs|fleas|moths|maggots|flies|fox(?:es)?|rabbits?|badgers?|weeds|nest)\b(?: [a-z0-9]+){0,12} (?:kill|murder|poison|exterminate|get rid of) (?:them|it|the lot)(?: all| off)?\b|\b(?:kill|murder|poison|exterminate|get rid of) (?:them|it|the lot)(?: all| off)?(?: [a-z0-9]+){0,3} (?:rats?|mice|pests?|vermin|wasps?|hornets?|slugs?|snails?|moles?|pigeons?|seagulls?|gulls?|magpies?|crows?|squirrels?|cockroach(?:es)?|roaches|ants|bed ?bugs|fleas|moths|maggots|flies|fox(?:es)?|rabbits?|badgers?|weeds|nest)\b`;

/**
 * Round 54: not a "lad" or a "teen" of no age told, for whom an adults' rough sleeping service is asked ("a young lad sleeping in the bus
 * shelter ... not hurt, but he needs somewhere. Can outreach go?"): a homeless young adult. An age of 5 to 15 after it still hits.
 */
/**
 * Engineer's probe after round 54: signs of exploitation beside a young person out at night ("a teen sleeping in the stairwell, a man
 * keeps bringing her drink and taking her to his car, can outreach go"): never a homeless young adult only.
 */
const EXPLOITATION_SIGNS = String.raw`(?:a man|men|older (?:man|men|guy|guys|lads?|boys?)|(?:his|their) car|in (?:a|his|their) (?:car|van)|drink|drinks|alcohol|vodka|drugs?|weed|sex|sexual|touch[a-z]*|groom[a-z]*|money|cash|gifts?|takes? (?:her|him)|taking (?:her|him)|picks? (?:her|him) up|picking (?:her|him) up)`;
const NOT_A_YOUNG_ADULT_OUT = String.raw`(?!(?:lad|lads|teen|teens|teenager|teenagers) (?![^]*\b(?:1[0-5]|[5-9])\b)(?![^]*\b(?:${EXPLOITATION_SIGNS})\b)[^]*\b(?:outreach|streetlink|street link|rough sleepers? (?:team|service)|night shelter|homeless (?:shelter|team)|hostel|(?:get|find|give) (?:him|her|them) a bed|a bed for (?:him|her|them))\b)`;

const RISK = 'safety.risk_to_life' as const;
const SAFEGUARDING = 'safety.safeguarding_concern' as const;

/** Round 77: going "on my own terms" with how or when worked out (family own_terms_planned; decision.ts reads it beside other suicide hits). */
export const OWN_TERMS_PLANNED: readonly string[] = [
  String.raw`(?:go|going|leave|leaving|die|dying|end (?:it|things|my life)|ending (?:it|things|my life)|check out|checking out|bow out|bowing out|exit|pass|slip away)(?: now| then| soon)? (?:on|at) (?:my|our) own terms(?: [a-z0-9]+){0,10} (?:worked out|working out|work out|planned|planning|decided|figured out|sorted out|know|i know) (?:how|when|where|the date|a date|the day)`,
  String.raw`(?:worked out|planned|decided|figured out|sorted out) (?:how|when|where|the date|a date|the day)(?: [a-z0-9]+){0,10} (?:go|going|leave|leaving|die|dying|end (?:it|things|my life)|ending (?:it|things|my life)|check out|bow out|exit|pass|slip away) (?:on|at) (?:my|our) own terms`,
  // Engineer's probe after round 77: ending things "my way" with a day set ("before the dementia takes me completely im going to end
  // things my way, its planned for next week").
  String.raw`(?:end|ending) (?:it|it all|things|everything|my life) (?:(?:on|at) (?:my|our) own terms|my (?:own )?way|in my own way|while i still can)(?: [a-z0-9]+){0,10} (?:planned|set|arranged|decided|sorted|booked|happening|going to be|will be|ll be) (?:for |on )?(?:next|this|tomorrow|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend|the [0-9]+[a-z]*)`,
];
/**
 * Engineer's probe after round 77: the signs of a goodbye told with a service stopped (family goodbye_arranged when two are told; decision.ts
 * reads them beside other suicide hits): the writer's own arrangements or affairs put in order; a letter or a note left for family, or
 * written to them; a service not needed after a day or any more ("Please stop my meals on wheels after Sunday, I won't need them any
 * more. Everything is arranged and I've written to my daughter").
 */
export const GOODBYE_OWN_ARRANGEMENTS = String.raw`(?:(?:made|sorted|sorted out|put in place|finalised|got) (?:all )?my (?:final )?arrangements|(?:put|got|sorted|sorted out) (?:all )?my affairs (?:in order|sorted)|my affairs (?:are|are all) (?:in order|sorted)|everything (?:is|s) (?:arranged|in order))(?! (?:for|with|to) )`;
export const GOODBYE_LETTER_LEFT = String.raw`(?:(?:left|written|wrote|leaving|writing) (?:a|the|my) (?:letter|letters|note|notes) (?:for|to)|(?:written|wrote) to) (?:my|our) (?:son|sons|daughter|daughters|kids|children|family|wife|husband|partner|mum|mam|dad|mother|father|sister|brother|grandchildren|boys|girls|loved ones)(?! about| regarding| asking| to ask)`;
export const GOODBYE_NOT_NEEDED = String.raw`(?:will not|won t|wont|shall not|not) (?:be )?(?:needing|need) (?:(?:it|them|this|that|the [a-z]+|any more|anymore)(?: [a-z]+){0,3} (?:after|from|beyond)|(?:it|them|this|that|the [a-z]+) (?:any more|anymore|again))`;
/** A goodbye's signs told for a reason other than dying: a move, a care home, a holiday, someone else's death or funeral. */
export const GOODBYE_AWAY_FOR_A_REASON = String.raw`(?:moving|move|moved|care home|nursing home|hospital|holiday|abroad|emigrat[a-z]*|relocat[a-z]*|new (?:flat|house|home|address)|going to live|living with|funeral for|[a-z]+ s funeral|passed away|has died|had died|died (?:last|on|in)|bereave[a-z]*|late (?:husband|wife|mum|dad|mother|father|son|daughter|partner|brother|sister))`;
/**
 * Round 78 (dev-132, bereaved people): more signs of a goodbye. It all planned or worked out (a party, a holiday, a move or a funeral
 * planned is not); not planning or expecting to be here or around; a pet, belongings or children seen to "after" or "when I'm gone"
 * ("how do i make sure my cat goes to the rspca after. not planning on being here by the weekend"); and, read only beside another sign
 * (family goodbye_joining), going to be with a husband, a wife or a child who has died ("wont be needing it. going to be with my wife,
 * ive got it all planned"). Two signs are needed, as before.
 */
export const GOODBYE_ALL_PLANNED = String.raw`(?:(?:i have|i|we have) (?:got )?(?:it|everything|it all) (?:all )?(?:planned|planned out|worked out)|(?:it is|everything is) all (?:planned|planned out|worked out))(?! (?:for|with|to|and booked) )`;
export const GOODBYE_NOT_HERE = String.raw`(?:not|no longer) (?:planning|going|intending|expecting|meaning) (?:on|to) (?:be|being) (?:here|around|alive)(?! (?:for|at|in|on) (?:the|a|my|it|that|this) (?:party|wedding|holiday|meeting|appointment|visit|delivery|inspection|collection))`;
export const GOODBYE_AFTER_ME = String.raw`(?:cat|cats|dog|dogs|pets?|budgie|rabbits?|birds?|hamster|tortoise|belongings|things|stuff)(?: [a-z]+){0,8} (?:after(?= (?:not|i|it|so|and|please|when|if|cos|because|thanks|thank)(?= ))|afterwards|once i am gone|when i am gone|after i am gone|after i go|when i go)`;
export const GOODBYE_JOINING_DEAD = String.raw`(?:(?:going to be|gonna be|want to be|will be|soon be|be) with|(?:joining|going to join|gonna join|want to join|will join|be joining|to join)) (?:my |our )?(?:late )?(?:wife|husband|partner|mum|mam|mom|dad|son|daughter|boy|girl|baby|nan|gran|grandad|twin|him|her)(?: (?:again|soon|in heaven|up there|where (?:she|he) is))?(?! (?:at|in|for|on|while|whilst|when|this|next|tomorrow|today|as|who|from|after|before|and|every|during|over|until|till) )`;
/** A goodbye's signs told for a move, a care home, a holiday or a stay away (not a death): joining the dead's own guard. */
export const GOODBYE_AWAY_NOT_DEATH = String.raw`(?:moving|move|moved|care home|nursing home|hospital|holiday|abroad|emigrat[a-z]*|relocat[a-z]*|new (?:flat|house|home|address)|going to live|living with|staying with|visit[a-z]*)`;
const GOODBYE_GAP = '(?: [a-z0-9]+){0,25} ';
const GOODBYE_SIGN_LIST: readonly string[] = [GOODBYE_OWN_ARRANGEMENTS, GOODBYE_LETTER_LEFT, GOODBYE_NOT_NEEDED, GOODBYE_ALL_PLANNED, GOODBYE_NOT_HERE, GOODBYE_AFTER_ME];
/**
 * Round 79: control by a partner (the car keys kept, the mileage, the phone or the post checked, everything opened) and secrecy needed
 * from them ("without him knowing", "don't send letters to the house"), or a reprisal feared if they find out ("if he sees i applied ...
 * i'll pay for it"). Paying for a thing oneself ("i'll pay for it myself", "by card") is not a reprisal.
 */
const R79_PARTNER = String.raw`(?:he|she|husband|wife|partner|boyfriend|girlfriend|fiance|fiancee|other half)`;
const R79_CONTROL = String.raw`(?:${R79_PARTNER}(?: [a-z]+){0,2} (?:keeps|takes|hides|took|hid|holds on to|has got|locks away|locks up) (?:the|my|all the) (?:car |van )?keys|${R79_PARTNER}(?: [a-z]+){0,3} (?:checks|check|checking|counts|monitors|tracks|tracking|goes through|reads|opens) (?:(?:the|my|all my|all the|all of my) (?:mileage|milometer|odometer|phone|messages|texts|bank|bank statements|receipts|post|letters|mail|location|purse|emails|statements)|everything|every (?:letter|bit of post|text|message))|${R79_PARTNER}(?: [a-z]+){0,2} (?:does not|doesnt|will not|wont|never) (?:let|lets|allow|allows) me (?:drive|go out|see (?:my|anyone)|have (?:my own|a phone|money|a bank)|work|leave|out))`;
const R79_SECRECY = String.raw`(?:without (?:him|her|them|my (?:partner|husband|wife|boyfriend|girlfriend)) (?:knowing|finding out|seeing|noticing|being told)|(?:do not|dont|please do not|please dont|pls dont|pls do not|never) (?:send|post|write|leave)(?: [a-z]+){0,3} (?:letters?|anything|post|mail|voicemails?|messages?)(?: [a-z]+){0,2} (?:to|at) (?:the|my|our) (?:house|home|address|flat))`;
const R79_REPRISAL = String.raw`(?:if|when|once) (?:he|she|my (?:partner|husband|wife|boyfriend|girlfriend|fiance|fiancee)) (?:sees|finds out|knows|reads|catches|hears|opens|gets hold of|found out|saw)(?: [a-z0-9]+){0,14} (?:i will|i ll|i am going to|i am gonna|i d|i would) (?:pay for it|be in for it|get hurt|get a beating|get a hiding|get battered|suffer for it|be dead)(?! (?:myself|with|by|on|out|in|online|upfront|monthly|cash|card|direct|separately|privately))`;
const GOODBYE_PAIRS: readonly string[] = GOODBYE_SIGN_LIST.flatMap((a, i) => GOODBYE_SIGN_LIST.slice(i + 1).map((b) => [a, b]))
  .flatMap(([a, b]) => [`${a}${GOODBYE_GAP}${b}`, `${b}${GOODBYE_GAP}${a}`]);
const GOODBYE_JOINING_PAIRS: readonly string[] = GOODBYE_SIGN_LIST.flatMap((a) => [`${a}${GOODBYE_GAP}${GOODBYE_JOINING_DEAD}`, `${GOODBYE_JOINING_DEAD}${GOODBYE_GAP}${a}`]);
/** Round 77: a job, a move, a care home or a club left "on my own terms": not a death. */
export const OWN_TERMS_NOT_DYING = String.raw`\b(?:retire|retiring|retirement|resign|resigning|resignation|notice|my job|the job|work|redundan[a-z]*|care home|nursing home|sheltered|downsiz[a-z]*|move|moving|holiday|trip|party|meeting|club|team|choir)\b`;

/** Families that mean risk to life come first: rule 1 and 2 of the catalogue (immediate threat wins). */
export const FAMILIES: PatternFamily[] = [
  // --- risk to life: suicide and self-harm ----------------------------------------------------
  {
    // Naming suicide or killing oneself directly, for oneself or someone else.
    id: 'suicide_direct', kind: 'suicide_self_harm', category: RISK, reason: 'mentions suicide', negated: true,
    patterns: [
      'suicide', 'suicidal', 'take my(?: own)? life', 'taking my(?: own)? life', 'end(?:ing)? my(?: own)? life', 'kill(?:ing)? myself',
      'killed myself', 'top(?:ping)? myself', 'off myself', 'end(?:ing)? it all', 'end(?:ing)? everything', 'hang(?:ing)? myself', 'gas myself',
      'wish i (?:was|were|would be) dead', 'wish i (?:was|were|had) never (?:born|been born)', 'wish i (?:was|were) not (?:alive|here|born)',
      'better off dead', 'might as well be dead', 'may as well be dead', 'want(?:ed|s)? to be dead', 'kill(?:ing|ed)? (?:himself|herself|themselves|themself)',
      'end(?:ing)? (?:his|her|their)(?: own)? life', 'take (?:his|her|their)(?: own)? life', 'hang(?:ing)? (?:himself|herself|themselves)',
      'do not (?:really |even |just )?want to be (?:here|around) any more(?! (?:in|at|on|near|with|round) )',
      'do not (?:really |even |just )?want to (?:be alive|exist|live)(?: any more)?(?! (?:here|there|in|at|with|near|next|on|round|around|opposite|by|beside|like))',
      'no longer want to (?:be alive|live|exist)(?! (?:here|there|in|at|with|near|next|on))',
      // Round 15: a method sought ("what's the quickest painless way, asking for me"): painless or least painful, the way unnamed or to die.
      '(?:quickest|fastest|easiest|surest|simplest|best|most)(?: and)? (?:most )?painless way(?! to (?:pay|apply|renew|register|claim|book|get|sort|move|change|learn|remove|lose|train|clean|do (?:the|my|this|it online)))',
      '(?:painless|least painful) way(?:s)? to (?:die|go|do it|end it|end things|kill myself|end my life|check out|not wake up)',
      // Round 43: suicidal intent in the grammar of a second language ("I finish my life", "I will kill me, I cannot more", "why to pay
      // rent when I will be dead tomorrow. I decide already"): the same intent as "end my life" and "kill myself". Life admin, a life
      // story or life insurance is no life ended; "I will kill me if ..." of a chore is not read; being dead tomorrow needs the decision.
      'finish(?:ing)? my(?: own)? life(?! (?:admin|story|stories|insurance|policy|savings|in|at|on|here|there|work|course|plan|paperwork|goals?|list))',
      '(?<=(?:^| )i )(?:will|want to|want|am going to|go to|must|gonna|wanna|decide to|decided to|try to|am trying to|think to|plan to|going to) kill me(?! if| when)',
      'i (?:will|shall|am going to|am gonna|gonna) be dead (?:by )?(?:tomorrow|tonight|the morning|this weekend|soon|next week)(?: [a-z]+){0,8} (?:i )?(?:decide|decided|have decided|already decide|already decided|made (?:my|the) decision|my decision is made)',
      '(?:i )?(?:decide|decided|have decided|already decide|already decided)(?: already| it| this)?(?: [a-z]+){0,4} i (?:will|shall|am going to|am gonna|gonna) (?:be dead|die|not be (?:here|alive))(?: [a-z]+){0,2} (?:tomorrow|tonight|soon|this weekend|next week)',
    ],
    // Round 35: a thing closed or cut off by the writer ("roped it off myself", "taped the area off myself"): no self-harm.
    guards: ['(?:roped|cordoned|taped|fenced|blocked|sealed|closed|switched|turned|shut|cut|sawed|sawn|cleared|marked|coned|barriered) (?:it |them |that |this |the [a-z]+ |the [a-z]+ [a-z]+ )?off myself',
      'suicide (?:prevention|awareness) (?:training|week|day|course|event)', 'suicide squad',
      // Round 9: an accident nearly happened ("I nearly killed myself walking down it this morning" on an icy hill).
      // Round 30: killing oneself by accident feared ("taken up foraging and I'd rather not kill myself by mistake", "don't want to
      // poison and kill myself accidentally with the wrong mushroom").
      '(?:kill|killing|killed) (?:myself|himself|herself|ourselves|themselves|yourself) (?:by (?:mistake|accident)|accidentally)|accidentally (?:kill|killing|killed) (?:myself|himself|herself|ourselves|themselves|yourself)',
      '(?:nearly|almost|near enough) (?:killed|kill) (?:myself|himself|herself|ourselves)(?: [a-z]+){0,3} (?:walking|slipping|slipped|falling|fell|tripping|tripped|driving|cycling|skidding|going down|coming down)'],
  },
  {
    // Wanting to die, in many words: the indirect ways people say it.
    id: 'wish_to_die', kind: 'suicide_self_harm', category: RISK, reason: 'says they want to die or cannot go on', negated: true,
    patterns: [
      // Round 23: where someone wants to die, said of end-of-life care ("says she wants to die at home not in hospital"), is no wish to die.
      `(?:want|wants|wanted|wanting|wish|going|ready|deserve|deserves|need|trying|tried|planning|plan|about|like) to die${DIE_AT_A_PLACE}`,
      'i(?: just| really| honestly)? (?:want|wanna) die', 'i am going to die(?: tonight| today| soon)',
      // Death named as one of two wishes ("honestly I'd rather be back inside or dead": engineer's probe after round 67); "rather be dead
      // than ..." of a chore is another matter (a comparison), left to the rules that read it.
      String.raw`(?:rather|sooner) be (?:[a-z]+ ){0,3}or dead\b(?! than)`,
      `(?:going|want|ready|plan|planning|about|decided|time) to end it(?= (?:all|now|tonight|today|here|soon) | $)`,
      'end it tonight', 'ending it tonight', '(?:before|once|when|after) i end it(?: all)?(?= $)',
      // Round 51: a threat to end one's life on a condition ("if they evict me im ending it, simple", "if he takes the kids i will kill
      // myself"): the catalogue's safety-first rule reads it as a disclosure; "ending it" of a tenancy, a contract or a relationship is not.
      `(?<= )if (?!(?:[a-z0-9]+ ){0,10}(?:tenancy|contract|lease|agreement|membership|subscription|account|direct debit|relationship|engagement|marriage|call|chat|complaint|claim|booking|arrangement|deal|it does not|it is not|this is not|you do not|you cannot|nobody|no one) )(?:[a-z0-9]+ ){1,10}(?:then )?(?:i am|i will|i am going to|i am gonna|i will just|i am just) (?:ending it|end it|ending it all|end it all|ending my life|end my life|killing myself|kill myself|topping myself|top myself|going to end it|going to kill myself)(?! (?:with|for|on|at|early|earlier|sooner|short|off) )(?: [a-z]+){0,3}(?= $| simple | seriously | i mean it | i swear | no joke )`,
      // Round 7: not being here, said as a plan (asked when the model disagrees: it may be a move).
      'not (?:planning on|planning to be|expecting to be) (?:being )?(?:here|around|alive) (?:next (?:week|month|year)|much longer|for (?:much )?longer|for long)(?!(?: [a-z]+){0,8} (?:moving|move|moved|leaving|abroad|holiday|away|emigrat[a-z]*))',
      '(?:feel like|feeling like|thinking of|thinking about|thought about|think about|considering|keep thinking about) (?:(?:ending it|ending things)(?! with (?:my |her |his |the )?(?:boyfriend|girlfriend|partner|husband|wife|fiance|fiancee|ex|bf|gf|him|her)(?= ))|ending everything|not being here|not being alive|disappearing for good)',
      '(?:had enough of|tired of|sick of|done with|finished with) (?:life|living|being alive|this life)',
      // Round 32: having had enough of everything, said with a knowing aside ("is there a form for when you've had enough of everything
      // I mean", "had enough of it all, if you follow me"): the aside says it is not a complaint.
      '(?:had enough|had it|done) (?:of|with) (?:everything|it all|all of it|all this|the lot)(?: [a-z]+){0,2} (?:i mean|if you (?:follow|follow me|know what i mean|get me|get my (?:meaning|drift)|catch my drift|understand|see what i mean)|you know what i mean|know what i mean)(?= |$)', '(?:i am|she is|he is|they are|she was|he was|she said she is|he said he is) done with (?:it all|everything)',
      `(?:do not|cannot|can not) see (?:the|any) point (?:in|of) (?:anything|living|life|going on|carrying on|being here|being alive|me being here)`,
      'see no point (?:in|to) (?:anything|living|life|going on|carrying on|being here|being alive)',
      '(?:want|wanted|wish i could|going) to disappear (?:forever|for good|and never come back)',
      // Round 12: no future after a date ("not going anywhere after Friday", beside refusing the hostel), and a last word that
      // one tried ("just want the landlord to know I tried"); a delivery or a visit waited in for is guarded.
      'not going (?:anywhere|to be anywhere) (?:after|past|beyond) (?:tonight|today|tomorrow|this week|this weekend|the weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?!(?: [a-z]+){0,6} (?:deliver[a-z]*|parcel|engineer|appointment|visit|in all day|at home|available|book|come round|holiday))',
      '(?:just )?(?:want|wanted|need) (?:[a-z]+ ){1,3}to know (?:that )?i (?:tried|really tried|did try|tried my best|did my best)(?= $)',
      // Preparing a method.
      `(?:stockpiling|saving up|hoarding|collecting) (?:my |the |all my )?(?:pills|tablets|meds|medication|painkillers)${NOT_KEPT_FOR_LATER}`,
      '(?:bought|got|have|found|tied) (?:a )?(?:rope|noose)(?: ready| to| for myself)?', 'noose', 'rope (?:ready|round my neck|around my neck)',
      '(?:locked|shut|barricaded) (?:herself|himself|themselves|myself) in(?: [a-z]+){0,4} (?:with|and has|and took|and taken) (?:pills|tablets|a knife|knives|a rope|razors?|blades|his meds|her meds)',
      // Round 52: being found hanging or dead, told as what will happen, quoted or relayed ("if bailiffs come Thurs 'they'll find me
      // hanging in the hall'", "you'll find me dead"); not "hanging around", "dead on my feet" or "dead tired".
      String.raw`(?:they|you|someone|somebody|he|she|the [a-z]+|my [a-z]+|people|everyone) (?:will|would|are going to|is going to|are gonna|is gonna|can|will just) find (?:me|my body)(?: [a-z]+){0,2}? (?:hanging(?! (?:around|round|about|out|on|up|washing|pictures|baskets?))|hung|swinging|dead(?! (?:tired|on my feet|beat|bored|to the world|chuffed|excited|keen|pleased|happy|good|easy|right|set|serious|lucky|cheap|funny|lazy|busy|drunk)))`,
      'do not want to wake up', '(?:go to|going to) sleep and (?:never|not) wake up', 'hope i do not wake up',
      `no (?:reason|point) (?:to|in|of) (?:live|living|life|being alive|going on|carrying on|being here|me being here)`,
      'nothing(?: left)? to live for', 'nothing left for me', 'no point(?: in)? any more', 'there is no point any more',
      `(?:what is|whats) the point (?:of|in) (?:living|life|anything|going on|carrying on|being alive|me)`,
      'life (?:is not|is no longer|not) worth (?:living|it)', 'life is pointless', 'my life is over',
      '(?:given|giving|give) up on (?:life|living|everything)',
      `(?:everyone|everybody|they|my family|my kids|the kids|my children|people|the world|you|all) (?:would|will|would all|will all|are|is|be)?(?: be)? better off without me`,
      'better off without me', '(?:no one|nobody) would (?:miss|notice|care)(?: me| if i)', '(?:no one|nobody) (?:will|would) miss me',
      'i am (?:such )?a burden', 'this is (?:my last (?:message|text|goodbye)|goodbye)', 'goodbye (?:everyone|cruel world|forever)',
      '(?:say|saying|said) (?:my )?goodbyes? to (?:everyone|my (?:kids|children|family))',
      'will not be (?:here|around|alive) (?:much longer|for much longer|by (?:tomorrow|the morning)|in the morning)',
      '(?:written|wrote|writing|left) (?:a |my )?(?:suicide )?note',
      `(?:he|she|they|my${GAP(1)} ${RELATIVE}|my ${CHILD}) (?:is|are|keeps|has been|was|keep)(?: talking about| saying| threatening)? (?:he|she|they)? ?(?:wants?|is going|will) to (?:die|end it)`,
    ],
    // Round 73: someone sleeping rough feared for by the writer ("theres a man sleeping rough in the doorway ... its freezing i worry hes
    // going to die out there"): an outreach referral, not a wish to die; a wish of his own, a means or a plan still hits.
    textGuards: [String.raw`^(?=[^]*\b(?:sleeping rough|sleeps rough|slept rough|rough sleepers?|sleeping out|homeless|doorway|on the streets?|in a tent|on a bench|underpass)\b)(?![^]*\b(?:myself|i want to die|wants to die|want to die|kill (?:himself|herself|themselves)|end it|end his life|end her life|overdos[a-z]*|tablets|pills|bridge|jump|said (?:he|she) (?:will|would|is going to)|says (?:he|she) (?:will|is going to))\b)[^]*\b(?:worry|worried|worrying|afraid|scared|frightened|fear|terrified|concerned|think|i reckon|feel like)(?: that)? (?:he|she|they|the man|the woman|the lady|the lad|the guy|the bloke) (?:is |are |s |will |might |could )?(?:going to |gonna )?die (?:out there|on the streets?|in the cold|in (?:the|this|that) (?:doorway|street|snow|weather|tent)|of (?:the )?cold|of hypothermia|from the cold)\b`],
    guards: [
      // Round 65: dying "of the smell" or "of boredom" ("It's stinking, I'm going to die of the smell"): hyperbole.
      String.raw`\bdie (?:of|from) (?:the )?(?:smell|stink|stench|pong|boredom|embarrassment|shame|laughing|laughter|excitement|cuteness)\b`,
      // Round 56: a tenant's note on leaving ("left a note saying 'I'm out of here, keep the deposit' — he's fine, he's moved in with his
      // girlfriend"): a moving-out note, not a goodbye.
      String.raw`\bleft (?:a |me a |us a )?note (?:saying|that said|to say)(?: [a-z]+){0,8} (?:keep the deposit|deposit|keys|forwarding address|moved out|moving out|moved in with|rent)\b`,
      // Engineer's probe after round 52: a rope named for its use ("a rope in the boot for towing", "a tow rope", "rope for the boat").
      `${ROPE_FOR_USE}|washing line`,
      // Hyperbole about something already over ("thought I was going to die, sick all weekend") or a jokey farewell to the bot.
      String.raw`(?:thought|felt like|felt as if|swear|swore|honestly thought|genuinely thought) (?:i|we|he|she) (?:was|were) going to die`,
      String.raw`going to die (?:of|from) (?:boredom|embarrassment|shame|laughing|laughter|the heat|the cold|hunger)|die (?:of|from) (?:boredom|embarrassment|laughing)`,
      String.raw`goodbye (?:forever|cruel world)(?: [a-z]+){0,2} (?:chat ?bot|bot|robot|computer|machine|app|council|chat)`,
      // Round 9: a device running out ("phone's about to die, can you text me the link").
      String.raw`\b(?:phones?|my phone|battery|batterys|laptops?|tablets? is|charger|signal)(?: is)? (?:about|going|gonna|likely) to die\b`,
      // Round 38: an appliance, a car, a plant or a garden "going to die" ("do you know when the power will be back my freezer's going to
      // die", "the tomatoes are going to die in this heat", "the plants in the planters on the high street are going to die"): a thing, not a
      // person; only words of where the thing is between (a person named between is not guarded).
      String.raw`\b(?:freezers?|fridges?|fridge freezers?|chest freezers?|boilers?|cars?|car batter(?:y|ies)|vans?|engines?|washing machines?|dishwashers?|tumble dryers?|tv|telly|laptops?|computers?|router|wifi|ipad|kindle|torch|torches|plants?|flowers?|tomatoes|veg|vegetables|seedlings|crops|lawn|grass|hedges?|trees?|garden|allotment|hanging baskets?|pond|fish tank)(?: (?:in|on|at|of|the|my|our|a|by|outside|along|out|front|back|high|street|road|garden|gardens|planters?|pots?|tubs?|window|windowsill|box|boxes|beds?|borders?|park|this|that|these|those|here|there|kitchen|shed|garage|greenhouse|yard|balcony|porch|drive|driveway)){0,8}(?: (?:is|are|s|will|all|probably|definitely|surely|literally))* (?:about|going|gonna|likely|set) to die\b`,
      // Round 27: a chat signed off ("That's everything, I'm signing off now. This is my last message, goodbye."): the last message of
      // the conversation, after the business is done, nothing of dying, ending it or sorry for everything near it.
      String.raw`^(?![^]*\b(?:die|dying|dead|end it|ending it|kill|pills|tablets|forever|sorry for everything|love you|not be here|anymore|any more|cannot go on|tonight)\b)[^]*\b(?:signing off|sign off|logging off|that is (?:everything|all)(?: (?:i need|i needed|for now|for today|thanks))?|all (?:done|sorted) (?:now|then|thanks)|thanks for (?:your|the|all the) help|for (?:now|today))\b`,
    ],
  },
  {
    // "I can't go on", "can't take it any more": despair. When the same sentence is about a
    // service ("can't take it any more, third missed bin") it is frustration, not risk.
    id: 'cannot_go_on', kind: 'suicide_self_harm', category: RISK, reason: 'says they cannot go on', negated: true,
    patterns: [
      `i${GAP(2)} (?:cannot|can not) (?:go on|carry on|keep going)(?! (?:the|a|an|your|their|my|to|at|in|with the|paying|holiday|line|online|monday|tuesday|wednesday|thursday|friday|saturday|sunday|that|this|it|there|waiting|like this with))`,
      `(?<=^ )(?:cannot|can not) (?:go on|carry on|keep going)(?= ${MORE}| $)`,
      `(?:cannot|can not) (?:go on|carry on|keep going|keep living)(?= ${MORE})`,
      `(?:cannot|can not) (?:do this|take it|take this|cope|handle it|handle this|live like this|live with this|bear it|bear this)(?: [a-z]+){0,2} (?:any more|no more)`,
      '(?:cannot|can not) cope with (?:life|living|anything|everything) any more', 'at the end of my (?:tether|rope)(?! with)',
      'it is all (?:too much|getting too much)', '(?:cannot|can not) do it (?:any more|no more|much longer)(?! (?:online|by phone|on the))', '(?:want|need|wish|just want) (?:it all|everything|all of it|the pain|the thoughts|the voices) to (?:stop|end|go away)',
    ],
    guards: [
      // Round 60: the figure named as such just after ("its killing me (not literally, were all healthy, but the mould ...)"): a complaint.
      String.raw`\bnot (?:literally|really literally|in a literal way)\b|\bfiguratively\b|\b(?:just|only) a figure of speech\b`,
      // Round 56: "can't go on like this" said about a broken appliance or a repair ("keeps saying 'I can't go on like this' about the
      // washing machine being broken for three weeks").
      String.raw`(?:cannot|can not) go on like this (?:about|over|because of|with) (?:the |his |her |my |our |their )?(?:[a-z]+ )?(?:washing machine|washer|dryer|fridge|freezer|cooker|oven|boiler|heating|hot water|shower|toilet|lift|repair|repairs|damp|mould|bins?|leak|roof|windows?|door|noise)\b`,
      SERVICE_FRUSTRATION,
      // Round 22: giving up on the chat for another channel ("can't do this anymore, I'll just phone tomorrow"): the chat is what stops.
      String.raw`(?:cannot|can not) (?:do this|do it|take this|take it)(?: any more| no more)?(?: [a-z]+){0,2} (?:i will|i am going to|i will just|i will try to|i will have to) (?:just )?(?:phone|ring|call|email|pop in|come in|call in|visit|try again)(?: you| the office| the council| them)? (?:instead|tomorrow|later|in the morning|on monday)`,
      // Round 18: frustration at the assistant itself ("I can't do this anymore with a robot, put me through to someone").
      String.raw`(?:any more|no more|(?:cannot|can not) (?:do this|do it|take this|take it|cope|handle this|deal with this)) (?:with|talking to|speaking to|chatting to|typing to) (?:a |an |the |this |that |you |your )?(?:[a-z]+ )?(?:robots?|bots?|chat ?bots?|chat|machines?|computers?|systems?|automated (?:system|service|line|menu|thing)|ai|menu|website|app)`,
      // Round 15: someone else who cannot cope living alone ("care homes for my nan, she cant cope alone anymore"): care, not despair.
      String.raw`(?:she|he|they|nan|nana|gran|granny|grandad|grandma|mum|mam|dad|mother|father|aunt|uncle) (?:cannot|can not) cope (?:alone|on (?:her|his|their) own|by (?:herself|himself|themselves)|at home|living (?:alone|on (?:her|his|their) own))`,
    ],
  },
  {
    // Self-harm, for oneself or someone else; accidents ("hurt myself on a pothole") are guarded.
    id: 'self_harm', kind: 'suicide_self_harm', category: RISK, reason: 'self-harm', negated: true,
    patterns: [
      `self harm(?:ing|ed|er)?${NOT_OLD_SCARS}`, 'harm(?:ing)? myself',
      `(?:cut|cutting|burn|burning|hurt|hurting|harm|harming|starve|starving|punish|punishing|scratch|scratching) (?:myself|himself|herself|themselves)`,
      '(?:slit|slitting|cut|cutting|slash|slashing) (?:my|his|her|their) (?:wrists?|arms|legs|thighs)',
      // "burnt my arm again with a lighter", "scratching my arms till they bleed", "cut deep this time".
      `(?:burnt|burned|burning|burn|cut|cutting|scratched|scratching|scratch|carved|carving) (?:my|his|her|their) (?:arms?|wrists?|legs?|thighs?|skin|stomach|hands?)(?= (?:again|till|until|with (?:a |the |my )?(?:lighter|razor|blade|knife|cigarette|compass|scissors)) )`,
      '(?:till|until) (?:it|they|i|my [a-z]+) (?:bleeds?|bled)(?! (?:the radiator|the brakes|the system))',
      '(?:cut|cuts|cutting) (?:too |really |so |very )?deep(?:er)? (?:this time|again|tonight)', '(?:will not|would not|does not|cannot|can not) stop (?:the )?bleeding',
      // Round 13: cutting told without an object, in the present ("I cut again last night, deeper than usual", "been cutting again").
      '(?:i|i have|i had|i am|i was|been|started) (?:cut|cutting) again(?! (?:the|my|our|your|his|her|it|them|some|a|an|back|down|costs?|prices?|hours|hair|grass|hedge|lawn|tree|trees|bushes|wood|keys?)(?= |$))',
    ],
    // Round 56's guard, read on the whole message since the engineer's probe after round 71: "been doing really well with CAMHS for a
    // year now" put the recovery beyond the 50 characters a guard reads around the match.
    textGuards: [
      // Round 56: the round-55 guard generalised: self-harm told as "used to", over, with the writer or the person now well, older or
      // planning ahead ("I used to self-harm when I was a teenager in care. I'm 22 now and doing well"; "he used to self-harm and now
      // wants to volunteer"), nothing current told. Round 69: "has been self-harming in the past and is now doing better with CAMHS"
      // (a parent asking about early help); "in the past few weeks" is recent and not guarded.
      String.raw`^(?![^]*${SCARS_CURRENT})[^]*\b(?:used to self harm|self harmed in the past|self harmed years ago|(?:been )?self harming in the past(?! (?:few|couple|two|three|four|five|[0-9]+|week|weeks|day|days|month|months|fortnight|hour|hours|night|nights|year)\b))\b[^]*\b(?:[0-9]+ now|now (?:and )?(?:i am |he is |she is |they are )?(?:doing (?:well|ok|okay|great|better)|fine|well|better|settled|wants? to|want to|working|at college|at uni)|(?:doing (?:well|ok|okay|great|better)|fine) now|(?:been|is|s|has been) doing (?:really |so |very |much )?(?:well|great|better)(?: with(?: [a-z]+){1,7}?)? for (?:a year|years|months|[a-z0-9]+ (?:months|years)|ages|a long time)(?: now)?)\b`,
    ],
    guards: [
      // Round 72: someone else hurt by a fall told as not or barely hurt ("my nan keeps having little falls she hasnt hurt herself badly
      // but can she get one of those alarm pendants"): an accident and an alarm asked for; hurting herself on purpose, or by a fall
      // with cutting, bleeding on purpose or a wish to die, still hits.
      String.raw`\b(?:falls?|fell|falling|fallen|tripped|trips|tripping|slipped|slips|slipping|stumbled|stumbles|tumbles?|tumbled)\b(?: [a-z]+){0,8} (?:has not|have not|had not|did not|does not|never|not|luckily not|thankfully not|nearly|almost|could have|might|may|could) (?:really |badly |seriously |yet )?(?:hurt|hurting|injured|injuring) (?:herself|himself|themselves)(?: (?:badly|seriously|yet|too much|much))?\b(?![^]*\b(?:on purpose|deliberately|cut|cutting|cuts|blade|razor|want(?:s)? to die|kill)\b)`,
      // Round 64: a history of self-harm told as months or years clean ("a teenager with a history of self harm ... 18 months clean").
      String.raw`\b(?:[0-9]+|a|one|two|three|six|eighteen|twelve|nine) (?:months?|years?|weeks?) clean\b|\bhistory of self harm\b(?=[^]*\b(?:doing (?:brilliantly|really well|well|great)|clean|recovered)\b)`,
      // Round 52: care for others as the reason for asking how to throw something away ("i dont want anyone cutting themselves and bleeding").
      CARE_NOT_TO_HARM,
      // Round 63: a cut got breaking in, climbing or smashing something ("blood on the seat from when the lad cut himself breaking in").
      String.raw`\bcut (?:himself|herself|themselves|his hand|her hand|their hands?) (?:on the (?:glass|window|windscreen|fence|wire)|breaking in|breaking into|climbing|smashing|getting in|on broken glass)\b`,
      // Round 55: self-harm told in the past tense, placed in a school year or a stage of life, and said to be over ("I self-harmed a lot
      // in Year 11 but I've been clean for 2 years and doing well at college"), nothing current told: a question about support.
      String.raw`^(?![^]*${SCARS_CURRENT})[^]*\b(?:self harmed|used to self harm)\b(?: [a-z]+){0,3} (?:in year (?:[0-9]+|seven|eight|nine|ten|eleven|twelve|thirteen)|at (?:school|college|uni|university)|in my teens|as a teenager|when i was (?:younger|a teenager|at school|[0-9]+))\b[^]*\b(?:clean for|not done it for|not self harmed (?:for|since)|stopped (?:for|since)|doing (?:well|much better|better|great)|in recovery|recovered)\b`,
      String.raw`(?:myself|himself|herself|themselves) (?:on|when|while|whilst|with the|tripping|falling|slipping|at work|at the|in the|getting|lifting|moving|carrying|trying|doing|opening|shaving|cooking|gardening|cutting the|walking|climbing|from)\b`,
      String.raw`\b(?:tripped|fell|slipped|accident|pothole|pavement|paving|kerb|broken glass|glass|oven|hob|kettle|iron|barbecue|bbq|nosebleed|nose bleed|dog bit|bitten|operation|surgery)\b`,
      // Round 45: hurting oneself by lifting or carrying after a birth or an operation ("c-section last week, can't lift anything or
      // I'll hurt myself"): an injury to avoid, never self-harm.
      String.raw`\b(?:lift|lifting|carry|carrying|bend|bending|push|pushing|pull|pulling|move|moving|reach|reaching)(?: [a-z]+){0,4} (?:or|otherwise|in case|because) (?:i will|i might|i could|i would|i may|i am going to|i am gonna) (?:hurt|injure|strain|do) myself\b`,
      // Engineer's probe after round 45: the same told as a condition first ("if I lift the bin I'll hurt myself", "when i push the
      // wheelie bin up the drive i'm going to hurt myself"), never a person pushed ("if you push me i will hurt myself").
      String.raw`\b(?:lift|lifting|carry|carrying|push|pushing|pull|pulling|drag|dragging|wheel|wheeling|bend|bending|reach|reaching|pick up|picking up)(?! (?:me|us|him|her|them)\b)(?: [a-z]+){0,6} (?:i will|i might|i could|i would|i may|i am going to|i am gonna) (?:hurt|injure|strain|do) myself\b`,
      // Round 43: hurt by falls, a care need ("mum keeps having falls and hurting herself, need a care package", "keeps falling over and
      // hurting himself"); "she keeps hurting herself on purpose" (self_harm_deliberate) and cutting are not guarded.
      String.raw`\b(?:having|has|had|have|keeps having|kept having|more|several|lots of|a lot of|frequent|regular) falls (?:and|then|now)(?: [a-z]+){0,2} (?:hurting|hurts|hurt|injuring|injures|injured) (?:herself|himself|themselves|myself)\b|(?<!\b(?:on purpose|deliberately|cutting|cuts|cut|burning|burns|overdos[a-z]*|wants? to die)\b[^]*)\b(?:falling|falls|tripping|trips|slipping)(?: (?:over|down))?(?: (?!apart\b)[a-z]+){0,2} (?:and|then) (?:hurting|hurts|hurt|injuring|injures|injured) (?:herself|himself|themselves|myself)\b(?![^]*\b(?:on purpose|deliberately|cutting|cuts|burning|burns|overdos[a-z]*|wants? to die)\b)`,
      // Round 18: a hazard that could hurt anyone who comes by ("broken glass ... toddlers could cut themselves", "needles by the
      // swings, kids might hurt themselves"): a report, not self-harm; not someone's own child ("my son might hurt himself").
      String.raw`(?<!(?:my|our|his|her|their) )(?:kids|children|toddlers|tots|kiddies|little ones|young ones|youngsters|babies|people|someone|somebody|anyone|anybody|pedestrians|residents|walkers|cyclists|dogs|a child|a kid|a toddler|a baby) (?:could|might|may|will|would|are going to|is going to|are bound to|is bound to|are likely to|is likely to)(?: easily| really| badly| seriously)?(?: (?:fall|trip|slip|fall over|trip over|slip over|go flying)(?: on it| over it)? and)? (?:cut|hurt|burn|harm|injure)`,
      // Round 39: the same said of someone unnamed and older, frail or passing ("someone older could really hurt themselves" on a loose
      // paving slab; "an older person might fall and hurt themselves" on a broken kerb, the engineer's probe after round 39): a hazard
      // report, not self-harm; "my mum could hurt herself" is not guarded.
      String.raw`(?<!(?:my|our|his|her|their) )(?:someone|somebody|anyone|anybody|people|a person|an? (?:old|older|elderly|frail|disabled|blind)(?: [a-z]+)? (?:person|people|man|woman|lady|gent|resident)|(?:old|older|elderly|frail|disabled|blind) (?:people|folk|residents|neighbours|ones)|the elderly)(?: (?:older|elderly|old|frail|else|passing|walking past))? (?:could|might|may|will|would|is going to|are going to|is gonna|could easily|could really|might really|will really|could seriously|could badly)(?: (?:really|easily|seriously|badly|end up))?(?: (?:fall|trip|slip|fall over|trip over|slip over|go flying|come off)(?: on it| over it)? and)? (?:hurt|injure|cut|harm) (?:themselves|himself|herself|themself)\b`,
      // Round 14: the idiom as a simile ("talking to you is like banging my head against a wall until it bleeds").
      String.raw`\blike (?:bang|banging) (?:my|your|our) head (?:against|off|on) (?:a |the )?(?:brick )?walls?\b`,
      // Round 32: a worker who handles what is thrown out ("syringes ... I don't want a binman hurting himself"): a disposal question.
      String.raw`\b(?:binm[ae]n|bin m[ae]n|bin crews?|(?:the )?crews?|collectors?|refuse (?:workers?|collectors?)|workers?|staff|postm[ae]n|posties?|cleaners?|recycling (?:workers?|staff))(?: (?:do not|does not|did not|dont|not|to|might|could|may|would|will|getting|get|going to|end up))* (?:hurting|hurt|cutting|cut|injuring|injure|harming|harm|jabbing|jab|pricking|prick|stabbing|stab) (?:himself|herself|themselves)\b`,
      // Round 28: going without food so others can eat or the bills be paid ("starving myself to keep the kids fed", "starving
      // ourselves so the kids can eat"): hardship, not self-harm; "starving myself to lose weight" or "to punish myself" is not guarded.
      String.raw`\b(?:starve|starving|starved) (?:myself|ourselves|herself|himself)(?: [a-z]+){0,2} (?:to|so|so that|just to|in order to|for) (?:keep|feed|make sure|give|pay|afford|cover|put food|the kids|my kids|the children|my children|the baby|the family|my family|they|he|she|we|rent|bills)\b`,
      // Round 73: whoever is fed named before what they can do ("im starving myself so the grandchildren can eat"): hardship.
      String.raw`\b(?:starve|starving|starved) (?:myself|ourselves|herself|himself)(?: [a-z]+){0,2} (?:so|so that|for|in order that) (?:the |my |our |his |her |their )?(?:[a-z]+ ){0,2}(?:can|could|will|would|have|get|gets|are|is) (?:eat|eaten|fed|food|feed|enough|something|a meal|meals|dinner|tea|breakfast|lunch|a proper|clothes|shoes)\b`,
      // Round 9: someone else cut or burned the writer ("she cut my hand with a knife"): an assault, left to the abuse families.
      String.raw`\b(?:he|she|they|my (?:wife|husband|partner|boyfriend|girlfriend|ex|dad|mum|mam|stepdad|brother|sister|son|daughter)) (?:cut|cuts|burned|burnt|burns|slashed|scratched|stabbed) (?:my|me)\b`,
    ],
  },
  {
    // Overdose: "taken all my tablets"; ordinary medication talk ("taken my tablets") is not.
    id: 'overdose', kind: 'suicide_self_harm', category: RISK, reason: 'possible overdose',
    patterns: [
      // Round 56 (an overdose told as a farewell): the tablets or pills said to be gone with sleep or a goodbye just after ("Not need bin anymore. Tablets gone. Sleep
      // now"); tablets gone missing or run out and needing a repeat are not.
      String.raw`(?:tablets|pills|meds|medication|painkillers|sleeping pills) (?:are |all |have |have all |are all )?gone (?:now )?(?:sleep|sleeping|going to sleep|goodbye|bye|night night|forever)\b`,
      // Round 49: not "overdosed on mince pies" (food or a pastime, a figure) nor a bin "overdosed with glass" (a thing overfilled).
      `${NOT_OVERFILLED}overdose(?:d|s)?${NOT_OVERDOSE_FIGURE}`, `overdosing${NOT_OVERDOSE_FIGURE}`,
      `(?:taken|took|swallowed|take|taking|going to take|had|necked|downed) (?:all|a whole|a hole|the whole|a load of|loads of|lots of|too many|a packet of|a bottle of|a box of|a handful of|handfuls of|all of|a lot of|two packets of|packets of|boxes of)(?: (?:packet|packets|bottle|bottles|box|boxes|strip|strips|tub|load))?(?: of)?(?: my| the| his| her| their| me)?(?: (?:nans|mums|mams|dads|grans|grandads|partners|husbands|wifes|sisters|brothers|flatmates))?(?: old| leftover| spare)? (?:tablets|pills|meds|medication|medicine|paracetamol|painkillers|sleeping (?:pills|tablets)|antidepressants|insulin|co codamol|codeine|ibuprofen|aspirin)`,
      `(?:taken|took|swallowed) (?:[0-9]+|twenty|thirty|forty|fifty|loads|lots|dozens)(?: of)?(?: my| the)? (?:tablets|pills|paracetamol|painkillers)`,
      // Round 37: everything in a cupboard or a cabinet swallowed by the writer ("about an hour ago I swallowed everything that was in
      // the cupboard"): not the dog, not food named.
      String.raw`\bi (?:have |had |just |have just |ve )?(?:taken|took|swallowed|necked|downed) (?:everything|all|whatever|all the stuff|the lot)(?: (?:that|which) (?:was|is|were))?(?: left)? (?:in|from|out of) (?:the|my|our|mums?|dads?|the bathroom|the kitchen) (?:medicine )?(?:cupboards?|cabinets?|drawers?|first aid (?:box|kit)|medicine box)`,
      `(?:taken|took|swallowed|necked) (?:the lot|them all|all of them)(?= $| (?:an hour|about|i feel|now|and i|half an hour|earlier|tonight) )`,
      // Round 24: the writer's own whole box, packet or lot taken, no drug named ("I've taken the whole box this time and I'm starting
      // to feel really sleepy"); a box or a lot taken somewhere or of something else ("took the whole lot to the tip") is not.
      String.raw`(?:i|i have|i had|i just|i have just|just) (?:taken|took|swallowed|necked|downed) (?:the|a|my) (?:whole|entire|full) (?:box|packet|pack|bottle|strip|tub|lot|blister pack)(?! of)(?! (?:to|out|back|down|up|round|over|in|into|off|away|apart|home|with|for|from|at|on|because|so|of) )`,
    ],
    // Round 52: "an overdose" of charges on a bill ("who do i contact about an overdose... on my phone bill lol").
    // Round 71: an overdose feared of someone else, a child or a pet, by medicines to be got rid of ("the house is full of tablets and
    // liquid morphine. Chemist or tip? Don't want some kid overdosing on what's in our bin"): a disposal question; the writer's own
    // taking, a plan or an overdose told as done still hits.
    // Round 73: a death from an overdose, or a relative's overdoses told as past ("after her overdoses"), beside a service the writer
    // asks for (a guardianship order, a certificate, an allowance, a benefit form): family history told for a service; again, now,
    // taken or not breathing still hits.
    textGuards: [String.raw`^(?![^]*\b(?:again|tonight|today|right now|just now|not breathing|unconscious|unresponsive|taken|took|swallowed|myself|ambulance|999)\b)(?=[^]*\b(?:special guardianship|guardianship|kinship|sgo|death certificate|certificate|allowance|benefits?|housing benefit|universal credit|child benefit|council tax|form|forms|register|registering|pension|claim|apply|application|non dependants?|discount|grant)\b)[^]*\b(?:(?:died|passed away|death|lost (?:him|her|them))(?: [a-z]+){0,2} (?:of|from|after|following) (?:an |a |his |her |their )?(?:[a-z]+ )?overdose|(?:after|since|following|between|with) (?:[a-z]+ ){0,6}?(?:his|her|their|my [a-z]+s?) overdoses)\b`,
      String.raw`^(?![^]*\b(?:i have taken|i took|i ve taken|i just took|i am going to take|going to take (?:them|all|the lot)|myself|end it|end my life|kill myself|want to die|has taken|have taken|took (?:all|the lot|loads)|swallowed|overdosed|unconscious|not breathing|will not wake)\b)[^]*\b(?:do not|dont|would not|wouldnt|would hate|(?:in case|so that no|so no) )(?: want)? ?(?:some|a|any|the|another|other|little|local|next door s|the neighbours?|the bin) ?(?:kid|kids|child|children|toddler|toddlers|dog|dogs|cat|one|body|person|people|bin man|bin men|youngsters?|teenagers?)(?: [a-z]+){0,2} (?:overdosing|to overdose|overdoses|overdose|getting hold of (?:them|it)|taking them|swallowing them)\b`],
    guards: [
      // Round 56: medicines taken to a pharmacy or a chemist to be got rid of ("took a load of my dad's old painkillers to the chemist
      // for disposal"): a clear-out, never a dose.
      String.raw`\b(?:to|into|back to|down to) (?:the |a |our |my )?(?:pharmacy|chemist|chemists|pharmacist|surgery|gp)(?: [a-z]+){0,3} (?:to (?:get rid of|dispose of|be disposed of|destroy|be destroyed|hand in)|for (?:safe )?(?:disposal|destruction))\b`,String.raw`overdos(?:e|ed|ing)(?: [a-z]+){0,2} on (?:my |the |our |his |her |their )?(?:[a-z]+ )?(?:bill|bills|charges|tariff|roaming|data|statement|invoice|account)`, 'overdose awareness',
      // Round 77: an overdose of something no one takes ("Overdose of paperwork for this housing benefit claim haha").
      String.raw`overdos(?:e|es|ed|ing) (?:of|on) (?:the |all (?:the |this |that )?|this |that |too much |so much )?(?:paperwork|forms?|admin|bureaucracy|red tape|emails?|meetings?|homework|information|info|jargon|questions|letters|small print|screen time|christmas|sunshine|sugar|cuteness|nostalgia)\b`,
      // Round 51: a book, a leaflet or a course on first aid and overdose, asked for ("book on first aid and overdose, got it?"), not
      // beside an overdose taken ("he took an overdose after reading a book on overdose").
      String.raw`(?<!\b(?:took|taken|take|takes|taking|swallowed|had|has had|done|did|doing) (?:an |a |another |the )?overdos[a-z]*\b[^]*)\b(?:books?|leaflets?|guides?|courses?|training|class(?:es)?|sessions?|talks?|posters?|dvds?|videos?)(?: [a-z]+){0,1} (?:on|about) (?:[a-z]+ ){0,4}overdos(?:e|es|ing)\b(?!(?: [a-z]+){0,8} (?:again|tonight|today|now|just|taken|took|swallowed))`,
      // Round 39: "Overdose" as a name: a club night, an event, a band, a song or a product ("flyposters for a club night called
      // 'Overdose'"), never a person's.
      String.raw`\b(?:called|named|titled|entitled|branded|brand|labelled|label) (?:the )?overdose\b|\boverdose (?:club night|night|nights|party|parties|event|events|festival|gig|gigs|tour|album|ep|single|band|records|clothing|brand|energy drink|drink|drinks|bar|nightclub|club|posters?|flyers?|flyposters?)\b|\b(?:club night|night|party|event|gig|band|album|song|film|game|drink|bar|club|nightclub|poster|posters|flyer|flyers|flyposters|advert|adverts|brand)(?: [a-z]+){0,2} (?:called|named|titled) (?:the )?overdose\b`,
      // Round 23: an overdose owned and dated in the past ("looking after my brother since his overdose last yr", "after her overdose
      // two years ago"), nothing saying it is again or now.
      String.raw`(?:since|after|following|because of|due to) (?:my|his|her|their|the|(?:my|our) [a-z]+s?) overdose(?!(?: [a-z]+){0,8} (?:again|tonight|today|now|just))`,
      // Round 67: a death from an overdose already being registered, reported to a coroner or buried ("my brother died of an overdose 3
      // days after he got out. the coroner's released him. how do i register it"): a death told as past; nothing of another dose.
      String.raw`\b(?:died|passed away|death|lost (?:him|her))(?: [a-z]+){0,2} (?:of|from|after|following) (?:an |a |his |her |their )?(?:[a-z]+ )?overdose\b(?=(?: [a-z0-9]+){0,14} (?:coroners?|register(?:ed|ing)?|inquest|funeral|death certificate|cremation|burial|probate)\b)(?![^]*\b(?:again|tonight|not breathing|unconscious|unresponsive|taken|took|swallowed)\b)`,
      String.raw`\b(?:coroners?|register(?:ed|ing)?|inquest|funeral|death certificate|cremation|burial|probate)\b(?: [a-z0-9]+){0,14} (?:died|passed away|death)(?: [a-z]+){0,2} (?:of|from|after|following) (?:an |a |his |her |their )?(?:[a-z]+ )?overdose\b(?![^]*\b(?:again|tonight|not breathing|unconscious|unresponsive|taken|took|swallowed)\b)`,
      // Round 58: up to five words between ("overdosed in my council flat last year and the carpet is still stained").
      String.raw`overdos(?:e|ed|es)(?: [a-z]+){0,5} (?:last (?:year|yr|month|summer|winter|spring|autumn|christmas)|(?:a|one|two|three|four|five|[0-9]+|a couple of|a few) (?:years?|yrs?|months?) ago|back in [a-z0-9]+)(?!(?: [a-z]+){0,8} (?:again|tonight|today|now|just))`],
  },
  {
    // Jumping from a height or in front of traffic; "jump in the car" is guarded by the lookahead.
    id: 'jump', kind: 'suicide_self_harm', category: RISK, reason: 'talks of jumping',
    patterns: [
      `(?:going|about|want|wanted|ready|plan|planning|thinking of|thinking about|try|trying|gonna|decided) (?:to )?jump(?! (?:in|into|on|onto|at|the queue|through|ship|straight|back|ahead|up|over|around|out of bed))`,
      '(?:jump|jumping|throw myself|throwing myself) (?:off|from) (?:a |the |this |that )?(?:bridge|cliff|cliffs|roof|building|balcony|pier|car park|multi storey|flyover|tower|window|top)',
      '(?:jump|jumping|step|stepping|throw myself|throwing myself|lie|lying|walk|walking) (?:in front of|under) (?:a |the )?(?:train|bus|lorry|car|traffic|truck)',
      // Round 30: the train or the bus named by its time or its run ("step in front of the 23:40 train", "the last bus").
      `${WANT_TO_STEP_IN_FRONT_OF}(?:[0-9]+ ){1,3}(?:train|bus|lorry|express)`,
      `${WANT_TO_STEP_IN_FRONT_OF}(?:last|late|night|next|fast|express|oncoming|early|first|morning|evening) (?:train|bus|lorry|express)`,
      // Round 31: the trains or their times watched "not to catch one" ("looking at the train times not to catch one if you get me",
      // "checking when the fast trains come through, not to get on one"): not "best not to catch one" (advice), nor "not to catch it
      // but to avoid the crowds" (another reason given).
      String.raw`(?:trains?|buses|bus|timetables?|train times|bus times)(?: [a-z0-9]+){0,6} (?<!(?:best|better|told me|told|advised|decided|try|trying|remember|careful|chose|choose|tend|prefer|rather|reminded|how) )not (?:to|for) (?:catch|catching|get on|getting on|board|boarding|ride|take|travel on)(?: (?:one|it|them|any|a train|the train|a bus|the bus))?(?!(?: [a-z]+){0,4} (?:but|just|only|because) (?:to|for|because|so|i|we|cos|as))`,
      `(?:standing|stood|sitting|sat|i am) on (?:the |a )?(?:edge|ledge) of (?:the |a )?(?:bridge|cliff|roof|building|car park|multi storey)`,
      `(?:i am|standing|stood|sitting|sat) on (?:the |a )?(?:bridge|roof)(?: now| right now)`,
      `(?:standing|stood|sitting|sat|i am|on|at) (?:on )?(?:the |a )?(?:cliff edge|edge of the cliff|edge of the bridge|railway line|train tracks|railway tracks|roof edge|edge of the roof)`,
      // Round 20: stepping off an edge, and drawing closer to it ("thinking about just stepping off ... closer to the edge than before").
      `(?:thinking (?:about|of)|thought (?:about|of)|want(?:ed)? to|going to|gonna|about to|urge to|could (?:just )?|tempted to) (?:just )?(?:step|stepping|walk|walking) (?:off|over)(?! (?:the (?:bus|train|plane|kerb|curb|boat|ferry|pavement)|a (?:bus|train|plane)))`,
      `(?:got|get|getting|went|go|going|stood|standing|walked|walking) (?:a bit |a little |much |even )?closer to the edge`,
    ],
    // Round 37: jumping said "metaphorically" or "figuratively", or "every time I read your letters" (a feeling about the service's
    // post): not "not metaphorically".
    guards: [
      // Round 70: a group leaping from a bridge, a pier or a wall into water ("Youths jumping off the bridge into the river by the rowing
      // club and swearing at rowers every evening"): tombstoning, a nuisance or a hazard report; never the writer, one named person, or
      // anyone not come up, missing or in trouble in the water.
      String.raw`\b(?:youths|kids|children|teenagers|teens|lads|boys|girls|young people|youngsters|people|swimmers|students)(?: [a-z]+){0,2} (?:keep |are |were |have been |always |still |been )?(?:jumping|jump|jumped|diving|dive|leaping|tombstoning) (?:off|from) (?:the |a )?(?:bridge|pier|cliffs?|harbour wall|sea wall|quay|jetty|rocks|weir|lock gates?|railings)(?: [a-z]+){0,4} (?:into|in) (?:the )?(?:river|water|sea|canal|lake|harbour|reservoir|quarry|lock)\b(?![^]*\b(?:not come up|not came up|not surfaced|has not come|have not come|did not come|missing|disappeared|struggling|drowning|in trouble|shouting for help|pulled out|unconscious|not moving)\b)`,String.raw`(?<!not )(?<!not being )(?:metaphorically|figuratively)(?: speaking)?`,
      // Round 55: a dare going round others, the writer's child said not to be taking it, a school letter or signs asked for ("kids at
      // school have been dared to jump off the pier ... She's not doing it and school already sent a letter home"): a hazard report.
      String.raw`^(?![^]*\b(?:jumped|is jumping|are jumping|about to jump|going to jump now|in the water|on the edge)\b)[^]*\b(?:dared|dare|dares|daring|challenge|trend)\b(?: [a-z]+){0,3} (?:to )?jump[^]*\b(?:(?:he|she|they|i|we) (?:is|are|am) not (?:doing|going to do|gonna do|going to) it|(?:he|she|they) (?:will not|would not|wont|never) do it|not taking part)\b`,
      String.raw`(?:every time|everytime|whenever|each time) (?:i|we) (?:read|open|get|see|receive|look at) (?:your|the|a|one of your|another of your|any of your) (?:letters?|e ?mails?|bills?|messages?|replies|reminders?|demands?|notices?|statements?|texts?)`],
  },
  {
    // Round 8: the writer placed now at a height or beside a means ("sat on the wall of the bridge over the bypass while I type
    // this"). Idiom-prone (decision.ts): a lunch on a bridge wall the model does not back is asked, never escalated.
    id: 'at_height', kind: 'suicide_self_harm', category: RISK, reason: 'at a height or beside a means now',
    patterns: [
      // Round 29: scouting a height ("looking at the cliff path every night this week and working out which bit is highest").
      // A height is named before it (a cliff, a bridge, a multistorey): "which bit of the park is highest for the kite festival" is not.
      `(?:cliffs?|bridge|viaduct|flyover|multistorey|multi storey|car park|tower|tower block|block of flats|flats|roof|rooftop|quarry|pier|railway|tracks|dam|gorge)(?: [a-z0-9]+){0,15} (?:working out|worked out|figuring out|figured out|checking|looking for|seeing|measuring) (?:which|where|the) (?:bit|part|spot|floor|point|place|bridge|one|ledge|drop|edge|cliff|car park|storey|level)(?: of (?:it|the [a-z]+))? is (?:the )?(?:highest|tallest|steepest|biggest drop|furthest drop|longest drop|most sheer)`,
      // Round 35: stood at a height "working out where" (or which spot, when), the sentence left there or going on to doing it ("been stood
      // on the cliff path at night twice this week working out where"); "working out where the footpath goes" is not.
      `(?:stood|standing|been|sat|sitting|walking|walked|going|gone|went|go|up|out) (?:up )?(?:on|at|to|along|onto) (?:the |a )?(?:cliff path|cliffs?|cliff top|cliff edge|bridge|viaduct|flyover|multi storey|multistorey|car park roof|roof|quarry|pier)(?: [a-z0-9]+){0,10} (?:working out|figuring out|deciding|choosing|picking) (?:where|when|which (?:bit|spot|part|point|edge|side|floor|level|one)|the (?:spot|place|point|bit))(?= $| (?:to (?:do it|jump|go off|go over|step off|end it)|and|but|i|tonight|again|now|so) )`,
      `(?:i am |i have been |been )?(?:sat|sitting|stood|standing|perched|climbed|climbing) (?:up )?(?:on|onto|over) (?:the |a )?(?:top of the |wall of the |edge of the |side of the |railings? (?:of|on) the |parapet of the |ledge of the )?(?:bridge|flyover|viaduct|overpass|multi storey|multistorey|car park roof|roof|cliff|cliffs|parapet|railway bridge|tower block roof|balcony railing)(?: [a-z]+){0,8} (?:while i|as i|right now|now|looking down|typing|type this|for (?:about )?(?:an|a|[0-9]+|half an) (?:hour|while|minutes))`,
      `(?:wrong|other) side of the (?:railings|barrier|fence|parapet)`,
      // Round 72: the writer up on a roof, a car park or a bridge now and not knowing what they are doing, or unable to go on ("i have not
      // slept for days i am up on the car park roof at the hospital where i clean i dont know what i am doing"), lower case and unpunctuated
      // as a voice transcript; what to do about a repair or a job up there ("with the tiles", "about the gutter") is not.
      AT_HEIGHT_LOST,
      // Round 28: on a height told by not coming back down ("on the top deck of the multistorey and I don't think I'm going back down
      // the stairs", "up on the roof, not coming down"): "multistorey" as one word too.
      `(?:sat|sitting|stood|standing|perched|i am|i have been|been|up)(?: up)? (?:on|at) (?:the |a )?(?:top (?:of|deck of|floor of|level of) (?:the |a )?)?(?:multistorey|multi storey|car park roof|roof|bridge|flyover|viaduct|cliff|cliffs|tower block)(?: [a-z]+){0,10} (?:(?:do not|not|never) (?:think i am |think i will be |going |gonna |planning (?:on|to) )?(?:going|coming|walking|getting|climbing|be going|be coming) (?:back )?down|(?:not|never) (?:going|coming) back)`,
      // Round 61: the same told further on, the message ending on it ("im at the cliff path by the lifeboat station with my dog on the lead
      // ive let her go now so someone can find her im not coming back up"); "not going back there, the cafe was rude" goes on and is not.
      `(?:sat|sitting|stood|standing|perched|i am|i have been|been|up)(?: up)? (?:on|at) (?:the |a )?(?:top (?:of|deck of|floor of|level of) (?:the |a )?)?(?:multistorey|multi storey|car park roof|roof|bridge|flyover|viaduct|cliff|cliffs|cliff path|cliff edge|cliff top|clifftop|tower block)(?: [a-z]+){11,24} (?:i am |im |i m )?(?:not|never) (?:going|coming) back(?: up| down| home| again)?(?= $)`,
      // Round 27: a railway, a bridge or a cliff as the easiest way out ("thinking the train line behind the estate looks like the easiest
      // option tonight"), however casually told (EASIEST_WAY_OUT is explicit and present: no joke or comparison defeats it).
      EASIEST_WAY_OUT,
      // Round 70: a place or a thing that "looks like a way out", the writer planning how ("the canal towpath I run every day looks like a
      // way out now. I've been planning how"); a way out of somewhere, or planning how to move, pay or afford something, is not.
      WAY_OUT_PLANNED,
      // Round 59: sat or standing on a sea wall, an edge or a bridge, thinking it easier or better to let go, jump or fall ("new here ...
      // sat on the sea wall thinking its easier to just let go. anyway what time do the toilets shut"); letting go of a thing is not.
      `(?:sat|sitting|stood|standing|perched) (?:up )?(?:on|at|by) (?:the |a |this )?(?:edge of the |top of the )?(?:sea wall|harbour wall|quay wall|wall|cliff edge|cliff top|clifftop|cliffs?|edge|bridge|pier|ledge|roof|railings|breakwater|jetty)(?: [a-z]+){0,8} (?:easier|easiest|better|best) (?:to |if i )?(?:just )?(?:let go|jump|fall|step off|go over|slip in|roll off)(?! of)`,
      `(?:put|tied|hung|set|fixed|got) (?:up )?(?:the |a )?(?:rope|noose)(?: [a-z]+){0,2} (?:up|ready|over the (?:beam|banister|bannister|door|rafter|loft hatch))(?! (?:for|on) (?:the |my )?(?:washing|swing|boat|tent|line))`,
      // Round 55: a ligature prepared where one hangs, and kept watched, however lightly told ("bin day question lol but also i've tied
      // something up in my wardrobe and i keep looking at it"); a thing tied to be kept or fixed is not watched.
      LIGATURE_WATCHED,
      // Round 63: stood on a roof, a bridge or an edge and nearly went ("i was stood on the roof of the car park last night and i nearly
      // went"); nearly went over on an ankle, or in after a hat, is not.
      `(?:stood|standing|was|been|sat|sitting|went up|got up|climbed) (?:up )?(?:on|onto|at|to) (?:the )?(?:edge of the |top of the |roof of the )?(?:roof|car park|multistorey|multi storey|bridge|ledge|cliff|cliffs|cliff edge|balcony|tower block|flyover|viaduct)(?: [a-z0-9]+){0,8} (?:and )?(?:i )?(?:nearly|almost|very nearly) (?:went|jumped|did it|went over|let go|stepped off)(?= $| (?:over|off|and|but|i|so|tonight|again)(?! (?:on|my) ))`,
    ],
    guards: [String.raw`\b(?:washing|swing|tent|boat|mooring|climbing wall|abseil|fishing|picnic|sunbathing|painting)\b`],
  },
  {
    // Round 31: a car's engine running inside a closed garage with someone in it, or a hose to the exhaust ("sitting in the car in
    // the garage with the engine running for a bit"), however casually told. Not a garage door open, a car warmed up or mended.
    id: 'exhaust_fumes', kind: 'suicide_self_harm', category: RISK, reason: 'a car engine running in a closed garage', negated: true,
    patterns: [
      `(?:in|inside) (?:the|my|our|a|his|her|their) (?:closed |shut |locked )?garage(?: [a-z]+){0,8} (?:engine|motor)s?(?: is| was| has been| been| had been)? (?:running|on|going|ticking over)`,
      `(?:engine|motor)s?(?: is| was| has been| been| had been)? (?:running|on|going|ticking over)(?: [a-z]+){0,6} (?:in|inside) (?:the|my|our|a|his|her|their) (?:closed |shut |locked )?garage`,
      `(?:hose|hosepipe|tube|pipe)(?: [a-z]+){0,3} (?:from|to|into|onto|attached to|taped to|through) (?:the |my |a )?(?:exhaust|car window|window of the car)`,
      // Round 61: the engine told as run, started or left on in the garage ("ive run the car engine in the garage with the door shut").
      `(?:run|ran|started|start|left|put) (?:the |my |our |his |her |their )?(?:car |cars |van |vans )?(?:engine|motor)(?: running| on| going)? (?:in|inside) (?:the|my|our|a|his|her|their) (?:closed |shut |locked )?garage`,
      // Round 62: a hose or a pipe in or through the car window, the engine told as running ("im sat in the car with the engine running
      // and the hose in the window"); a hose in a window box, or the car washed with the engine off, is not.
      `(?:engine|motor)(?: is| was| has been| been| s)? (?:running|on|going|ticking over)(?: [a-z]+){0,6} (?:hose|hosepipe|tube|pipe)(?: [a-z]+){0,3} (?:in|into|through|out of|in through) (?:the |my |a |his |her )?(?:car |cars |back |rear |side |drivers |passenger )?window(?! box)`,
      `(?:hose|hosepipe|tube|pipe)(?: [a-z]+){0,3} (?:in|into|through|in through) (?:the |my |a |his |her )?(?:car |cars |back |rear |side |drivers |passenger )?window(?! box)(?: [a-z]+){0,6} (?:engine|motor)(?: is| was| has been| s)? (?:running|on|going|ticking over)`,
      // Round 40: the exhaust told as someone's car's ("a hose rigged to his car exhaust in the garage").
      `(?:hose|hosepipe|tube|pipe)(?: [a-z]+){0,3} (?:from|to|into|onto|attached to|taped to|through) (?:his |her |their |our |the |my |a )(?:car |cars |van |vans )?exhaust(?: pipe)?`,
      // Round 63: a hose or a pipe kept in the car, with doing it told ("I've got the hosepipe in the boot. Just want someone to know
      // before I do it"); a hosepipe in the boot for the allotment is not.
      `(?:hose|hosepipe|tube|pipe)(?: [a-z]+){0,2} (?:in|into) (?:the|my) (?:boot|car|van)(?: [a-z0-9]+){0,14} (?:before i do it|going to do it|gonna do it|do it tonight|when i do it|end it|ending it)(?= )`,
    ],
    guards: [String.raw`\b(?:garage doors? (?:open|up|wide open)|door (?:open|wide open|up)|(?:warm|warming|warmed) (?:it|the car|the engine|her|him|up)|mechanic|mot|servic(?:e|ing)|fix(?:ing|ed)?|repair[a-z]*|jump start[a-z]*|charg(?:e|ing)|electric car|ev|test(?:ing)? (?:the )?engine)\b`],
  },
  {
    // Round 8: self-harm said to be on purpose, whatever the tool ("burned myself with the iron again on purpose"): the accident guards do not apply.
    id: 'self_harm_deliberate', kind: 'suicide_self_harm', category: RISK, reason: 'self-harm on purpose', negated: true,
    patterns: [
      `(?:burn|burnt|burned|burning|cut|cutting|hurt|hurting|harm|harming|scald|scalded|scalding|hit|hitting|punch|punching|starve|starving) (?:myself|himself|herself|themselves)(?: [a-z]+){0,6} (?:on purpose|deliberately|to punish (?:myself|himself|herself))`,
      `(?:on purpose|deliberately) (?:burn|burnt|burned|burning|cut|cutting|hurt|hurting|harm|harming|scald|scalded)(?: [a-z]+)? (?:myself|himself|herself|themselves)`,
      // Round 46: a part of one's own body burnt or cut on purpose or to feel something ("burning my hands on the cooker ring on purpose to
      // feel something"); "not on purpose" is an accident.
      `(?:burn|burnt|burned|burning|cut|cutting|scald|scalded|scalding|hurt|hurting) my (?:own )?(?:hands?|arms?|wrists?|legs?|skin|fingers?|thighs?|stomach|face|feet|foot)(?: [a-z]+){0,6}(?<! not| never| wasnt| was not) (?:on purpose|deliberately|to feel something|to feel anything|to punish myself)`,
    ],
  },
  {
    // Indirect suicidal intent: finality, goodbyes, affairs put in order, things given away, a
    // method prepared, "not be here much longer". Residents rarely name suicide to a council; they
    // tie up loose ends ("close my rent account, I won't need the flat after this weekend").
    // Guards: the same words about bins, holidays, moving house and subscriptions.
    id: 'suicide_indirect', kind: 'suicide_self_harm', category: RISK, reason: 'signs of suicidal intent (finality, goodbyes, a plan)', negated: true,
    patterns: [
      // Round 70: charcoal (or a disposable barbecue) to be burnt in a room, a car or a tent, with doing it told ("i bought the charcoal
      // i am going to do it in my room tonight"): a known method and a plan. A barbecue for the garden, or charcoal for warmth in a tent
      // with nothing of doing it, is not (the fumes family reads fuel burnt indoors with someone drowsy).
      CHARCOAL_PLAN,
      // Round 72: an online idiom of ending with the writer as its subject ("thinking about logging off for good. not the game, me";
      // "uninstalling myself"; "rage quit life"; "log off irl"): logging off a game, a server or a platform for good is not.
      String.raw`(?:log|logs|logging|logged|sign|signing|signed) (?:off|out) (?:for good|permanently|forever|for ever)(?: [a-z]+){0,2} (?:not|and not|but not) (?:just )?(?:from )?(?:the |this |a )?(?:game|games|server|stream|streaming|discord|twitch|internet|online|socials?|app|chat)(?: [a-z]+){0,2} (?:me|myself|from life|life|irl|for real|like me|from everything|everything|from it all|from the world)\b`,
      String.raw`(?:log|logs|logging|logged|sign|signing|signed) (?:off|out) (?:of |from )?(?:life|irl|real life|this life|existence|the world)\b(?! (?:admin|insurance|cover|policy|story|skills?|lessons?|coach|hack))`,
      String.raw`(?:uninstall|uninstalls|uninstalling|uninstalled|alt f4|alt f4ing|alt f4 ing) (?:myself|my life|life|irl)\b`,
      String.raw`(?:rage quit|rage quitting|rage quits|ragequit|ragequitting|ragequits|rage quitted) (?:life|irl|real life|my life|existence|on life)\b`,
      String.raw`(?:do it|end it|end it all|end things|end my life)(?: [a-z0-9]+){0,8} (?:with|using|by burning|burning|burn|light|lighting|lit) (?:the |some |a |my )?(?:charcoal|disposable (?:bbq|barbecue))(?= )`,
      // Round 62: today or tonight named as the day the writer stops being a burden, in a quote or not ("Quote from my own diary this
      // morning: 'Today is the day I stop being a burden'"); stopping being a burden on a parent by moving out or getting a job is not.
      String.raw`(?:(?:today|tonight|tomorrow|this|it) is the (?:day|night|week|weekend) (?:i|that i) (?:will |am going to )?|(?:today|tonight|tomorrow|this (?:morning|evening|weekend)) (?:i will |i ll |ill |i am going to |im going to |i )?)(?:stop|finally stop) (?:being|bein) (?:a|such a|the) (?:burden|problem|waste of space)(?! (?:on|to) (?:the taxpayer|the system|my parents for rent))(?![^]*\b(?:job|rent|move out|moving out|own place|own flat|keys|pay (?:my|the) way|paying my way)\b)`,
      // Round 61: letters or notes written after despair told ("ive got nothing left ... ive written my letters"); letters written to the
      // council, to an MP or for a job are not.
      String.raw`(?<=\b(?:nothing left|no point|(?:cannot|can not) go on|last straw|had enough|no way out|done with (?:it all|everything|life)|nothing to live for)\b[^]*)(?:i have|i ve|i|have) (?:written|wrote|finished|done) (?:my|the) (?:letters|notes|goodbye letters|goodbyes|last letters)(?! (?:to|for|of|about|asking|complaining|off)\b)`,
      // Round 58: voices telling the writer to end their life or to jump, drown or hurt themselves ("Voices are back telling me to jump
      // off the harbour wall"); a sat nav, a game or a coach's voice is guarded below.
      String.raw`(?<!(?:sat ?nav|satnav|gps|game|film|song|app|alexa|siri|instructor|instructors|coach|coaches|teacher|teachers|trainer|trainers|driving) )(?:voices|voice|the voices|a voice|voice in my head|voices in my head)(?: (?:are|is|keep|keeps|have been|has been|back|again|started|starting|all))* (?:telling|tell|told|tells|saying|say|says|ordering|order|orders|shouting at) me to (?:jump|kill myself|end it|end my life|hurt myself|harm myself|cut myself|die|drown myself|hang myself|throw myself|step in front|walk into|take all|take the)\b`,
      // Round 37 (CV, a model drift under the bar): the last time anyone is bothered, and tablets saved up for a time ("sorry for
      // everything. this is the last time ill bother anyone"; "saving up my sleeping tablets and i think this weekend would be").
      String.raw`the last time (?:i ll|ill|i will|i shall|i am going to|im going to|i m going to) (?:ever )?(?:bother|trouble|contact|message|text|burden) (?:anyone|anybody|everyone|everybody)\b`,
      String.raw`(?:saving|saved|stockpiling|stockpiled|hoarding|hoarded) (?:up )?(?:all )?(?:my|of my) (?:sleeping )?(?:tablets|pills|meds|medication|painkillers|paracetamol)(?: [a-z]+){0,12} (?:tonight|this weekend|at the weekend|to take (?:them|it)|take them all|all at once|enough to|end it|end things)\b`,
      // Round 37: the last message sent to anyone, and debts settled so nobody is left with them ("i ve rehomed my dog and paid off
      // what i could so nobody s left with my debts this is the last message i m sending anyone").
      String.raw`(?:this is|this will be|this ll be|it is|its|that is|that s|thats) (?:the |my )?(?:last|final) (?:message|text|msg|thing)(?: i (?:am|m|ll|will|shall) (?:ever )?(?:send|sending|write|writing|say|saying))?(?: to)? (?:anyone|anybody|everyone|everybody|ever)\b`,
      String.raw`so (?:nobody|no one|noone|none of you|my family|my kids|my children|my mum|my sister|my brother)(?: is| s| will be| ll be| gets| get| has to be| have to be| are| is not| isnt)? (?:left|stuck|lumbered|saddled|burdened) with (?:my|the|any of my) (?:debts?|bills|mess|arrears|loans?)`,
      // Round 7: researching a method's dose.
      'how many (?:of )?(?:my |the |your )?(?:[a-z]+ )?(?:pills|tablets|antidepressants|paracetamol|painkillers|sleeping pills|sleeping tablets|insulin) would it take',
      // Round 30: the same dose asked in other words ("how many of my mum's sleeping pills it would take", "how many co-codamol to not wake up").
      '(?:how many|how much) (?:of )?(?![a-z ]{0,30}(?:dishwasher|chlorine|cleaning|toilet|sterilis|steriliz|purification|worming|flea|slug|pool|washing|descal))(?:[a-z]+ ){0,3}(?:pills|tablets|antidepressants|paracetamol|painkillers|sleeping pills|sleeping tablets|insulin|co ?codamol|codeine|diazepam)(?: [a-z]+){0,2} (?:(?:it would take|does it take|it takes)(?! to (?!(?:die|kill (?:me|myself|you|someone)|overdose|not wake|end it)))|would kill|will kill|to kill (?:me|myself|you|someone|a person)|to die|to overdose|to not wake up|would be (?:fatal|lethal))',
      // Round 31: how many is too many, asked for oneself ("how many paracetamol is too many? asking for me"): not for a child's dose.
      '(?:how many|how much) (?:of )?(?:[a-z]+ ){0,3}(?:pills|tablets|antidepressants|paracetamol|painkillers|sleeping pills|sleeping tablets|insulin|co ?codamol|codeine|diazepam) (?:is|are|would be|counts as) (?:too many|too much|an overdose|a lethal dose|lethal|fatal)(?: [a-z]+){0,3} (?:asking for (?:me|myself)|for me|for myself|not for a friend|not asking for a friend)(?= $| )',
      // Finality and a date.
      'tonight is the night(?! (?:for|of|the|we|when|that|to|i put) )', `i have (?:decided|made (?:up )?my mind(?: up)?|made my decision)(?: it is| it will be| to do it)? (?:tonight|today|this weekend|now)`,
      // Engineer's probe after round 75: also with everyone, everybody, it all, my family ("ive made my peace with everyone, thank you all at
      // the council, i wont need the flat after sunday"); not "with the fact that" a service failed.
      'made (?:my )?peace with (?:it|everything|dying|the world|god|everyone|everybody|it all|my family|my life)',
      `will not be (?:a problem|a burden|a bother|bothering (?:anyone|anybody|you|everyone)|here|around|alive)(?: (?:for|to) (?:anyone|anybody|you|everyone|you all|any of you))? (?:much longer|for much longer|for long|after (?:tonight|today|this weekend)|by the time)`,
      `(?:not going to|will not|may not|might not) be (?:here|around|alive) (?:to see|for|at|by) (?:the new year|new year|christmas|my birthday|next year|the summer|the spring|the morning|tomorrow|the weekend)`,
      `will not be (?:here|around) to (?:sort|see|deal with|pay|worry|finish|do)`,
      `(?:will not|not going to|may not|might not|probably will not) be (?:here|around|alive) (?:next (?:week|month|year)|anyway|by then|much longer anyway)`,
      // Round 16: a home, a place or a thing given up to "someone who's gonna be alive next week": the writer does not expect to be.
      `(?:someone|somebody|people|a person|a family|anyone) (?:who|that) (?:is|are|will|will actually|is actually) (?:gonna |going to |actually )?(?:be )?(?:still )?alive (?:next|in a|to use|to need|by|to enjoy|after)`,
      `(?:cannot|can not|do not) see (?:me|myself) (?:still )?(?:being |be )?(?:here|around|alive)`,
      `(?:will not|not going to|would not) (?:have to |need to )?(?:worry|bother) about (?:me|him|her) (?:much|for much|for) longer`,
      `(?:when|once|after) i am gone(?! (?:on|for|away|to|from|out|abroad|travelling|shopping))`,
      `(?:need|needing|use|using|take|taking)(?: (?:them|it|anything|those|these|any of (?:it|this|them)))? where i am going`,
      `(?:would|will|would all|will all|be|are) (?:all )?(?:be )?(?:better|happier|fine|ok|okay|easier|better off)(?: off)? (?:if|when|once) i (?:was|were|am|had) (?:not (?:here|around|alive)|gone|dead)`,
      `(?:would|will|would all|will all|be|are) (?:all )?(?:be )?(?:better|happier|fine) without me`,
      `(?:checking|check) out (?:permanently|for good)`, 'whoever (?:reads|finds|sees) this',
      `(?:i am|he is|she is|they are|feel like|feels like|i feel|she feels|he feels|feel|feels)(?: such| just| only)? a (?:burden|waste of space)(?! on the (?:taxpayer|system|council|nhs))`,
      // Goodbyes, apologies, letters, affairs.
      `(?:sent|sending|texted|text|posted|posting|left|wrote|written|said|saying) (?:me |us |her |him |everyone |them )?(?:a |his |her |my )?goodbyes?(?: (?:message|text|note|letter|post|video))?(?! (?:to the|and thanks|thank you))`,
      'goodbye (?:message|text|note|letter|post|video)', `(?:said|saying|say) (?:my|his|her|their) goodbyes`,
      // Round 47: love to everyone or sorry for everything posted with a photo or a location of a railway, a bridge or a cliff, and then
      // nobody can reach the one who posted ("just posted that he's sorry and he loves us all, with a photo of the railway line. Nobody can
      // reach him"). A photo of a bridge with no word of love, sorrow or silence is not.
      `(?:loves? (?:us|you|them|everyone|everybody)(?: all)?|love you all|sorry for everything|goodbye|sorry and (?:he|she|they) loves?(?: [a-z]+){0,2})(?: [a-z0-9]+){0,8} (?:photo|picture|pic|selfie|video|location|pin)(?: [a-z]+){0,2} (?:of|at|from|on|by) (?:the |a |that )?(?:railway|railway line|rail line|train line|tracks|train tracks|railway tracks|level crossing|bridge|viaduct|flyover|cliffs?|cliff edge|cliff top|river|harbour wall|pier|multi storey|car park roof|roof|quarry|reservoir|weir|motorway)(?: [a-z0-9]+){0,12} (?:(?:nobody|no one|noone|none of us)(?: [a-z]+)? (?:can|could|has|have|is able to|are able to)(?: been able to)? (?:reach|get hold of|contact|get through to|find)|(?:cannot|can not|could not) (?:reach|get hold of|contact|get through to|find) (?:him|her|them)|(?:is not|not|has not been|have not been) (?:answering|picking up|replying|responding)|phone (?:is |s )?(?:off|switched off|dead|going to voicemail))`,
      `(?:written|wrote|writing|left) (?:letters|a letter|goodbye letters|notes|a note) (?:to|for) (?:my |the |his |her )?(?:kids|children|family|mum|mam|dad|wife|husband|partner|everyone|sons?|daughters?|sisters?|brothers?|parents|grandchildren|grandkids)(?! about (?:the|a|his|her|their|our|my|mums|dads) (?:will|estate|funeral|probate|house|inheritance|money|sale|move|care|death|grave|flat|ashes|headstone))`,
      `this is the last time (?:i will|i am going to|i would) (?:bother|trouble|annoy|speak to|contact) (?:anyone|you|anybody|everyone)`,
      `tell (?:my (?:mum|mam|dad|kids|children|family|wife|husband|partner|son|daughter|sister|brother|mother|father)|them|everyone) (?:that )?(?:i am sorry|sorry|i love (?:them|her|him|you))(?= $| for everything| and| goodbye| i )`,
      // Round 53: a farewell sent ("forgive me", "take care of mum / the kids", "tell them I love them", "look after the children"),
      // then the phone switched off or no answer, in plain or non-native English ("he send me message 'forgive me, take care of mum'
      // and switched off phone"). A farewell with no silence, or a phone off with no farewell, is not this.
      String.raw`(?:forgive me|please forgive me|i am sorry for everything|sorry for everything|(?:take|taking) care of (?:my |the |your |our )?(?:mum|mam|mom|mother|dad|father|kids|children|baby|babies|family|wife|husband|girls|boys|little ones|sister|brother)|look after (?:my |the |your |our )?(?:mum|mam|mom|mother|kids|children|baby|family|wife|husband|girls|boys|little ones)|tell (?:them|everyone|the kids|the children|mum|my mum|my kids|my children) (?:that )?i love (?:them|her|him|you|you all|everyone))(?: (?!i |we |my |our )[a-z]+){0,6}? (?:and |then |after that |now )?(?:has |have |he |she |they |then )?(?:switched|turned) (?:off )?(?:his |her |their |the )?(?:phone|mobile)(?: off)?|(?:forgive me|sorry for everything|(?:take|taking) care of (?:my |the |your |our )?(?:mum|mam|mom|mother|dad|father|kids|children|baby|family|wife|husband)|look after (?:my |the |your |our )?(?:mum|mam|mom|mother|kids|children|baby|family)|tell (?:them|everyone|the kids|mum) (?:that )?i love (?:them|her|him|you))(?: (?!i |we |my |our )[a-z]+){0,8}? (?:(?:his|her|their) )?(?:phone|mobile) (?:is |s |has been |now |went |goes )*(?:off|switched off|turned off|dead|going (?:straight )?to voicemail)|(?:forgive me|sorry for everything|(?:take|taking) care of (?:my |the |your |our )?(?:mum|mam|mom|mother|dad|kids|children|baby|family|wife|husband)|tell (?:them|everyone|the kids|mum) (?:that )?i love (?:them|her|him|you))(?: (?!i |we |my |our )[a-z]+){0,8}? (?:(?:he|she|they) )?(?:is not|not|has not been|does not|do not|no longer|stopped) (?:answering|answer|picking up|replying|responding)`,
      `(?:sorted|sorting|put|putting|got|getting) (?:out )?(?:all )?my affairs(?: (?:in order|sorted|straight))?`,
      `(?:given|giving|give|gave) (?:away )?(?:all |most of |some of )?(?:my|his|her|their) (?:things|stuff|belongings|possessions)(?: away)?`,
      `(?:given|gave|giving) (?:away )?(?:my|the) (?:dog|cat|pets?) (?:to|away)(?: [a-z]+){0,6} (?:letters|goodbye|note|sorry|gone|not be)`,
      `(?:will not|would not|does not|do not|will not be) need(?:ing)? (?:it|them|anything|any of (?:it|this|them)|my things|her things|his things|the flat|the house|my flat|my house|the room)(?: [a-z]+){0,2} (?:soon|much longer|where (?:i|he|she) (?:am|is) going|after (?:tonight|today|this weekend|tomorrow))`,
      // Round 22: one's own death asked about as a service ("do I need to register a death if it's my own"), and things sorted for
      // family "after tonight" / "after Friday": a date for a death. A funeral planned "for when the time comes" has no date.
      `(?:(?:register|registering|registration of|report|reporting|certificate for|arrange|arranging|pay for|paying for) (?:a |the )?(?:death|funeral|cremation|burial)(?: [a-z]+){0,3} (?:is|was|were) (?:my own|mine)|my own (?:death|funeral|cremation|burial|body)(?: [a-z]+){0,14} (?:after|before|by) (?:tonight|today|this weekend|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday))`,
      `(?:all |everything |it )?(?:sorted|sorted out|in order|taken care of|tidied up|dealt with|paid off|paid up)(?: [a-z]+){0,2} for (?:my |our |the )?(?:sister|brother|mum|mam|dad|mother|father|son|daughter|kids|children|family|wife|husband|partner|nan|gran|niece|nephew) after (?:tonight|today|this weekend|(?:this )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))`,
      // Round 28: nobody will need to chase, contact or worry about the writer again after a date ("after this weekend nobody will need
      // to chase me for anything again", "no one will have to bother about me after Friday"); a debt cleared has no date ("once it's
      // paid nobody needs to chase me") and is not this.
      `(?:after|from|beyond|past) (?:tonight|today|tomorrow|this weekend|the weekend|(?:this )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))(?: [a-z]+){0,2} (?:nobody|no one|noone|you|the council|anyone|they)(?: [a-z]+){0,1} (?:will|would|is going to|are going to|will ever|will never)(?: not| ever)? (?:need|have|has) to (?:chase|contact|ring|call|write to|worry about|bother about|bother|remind|pester|hear from|deal with|look for) me(?: [a-z]+){0,4} (?:again|any more|ever again)`,
      `(?:nobody|no one|noone|you|the council|anyone)(?: [a-z]+){0,1} (?:will|would|is going to|are going to) (?:ever |never )?(?:need|have) to (?:chase|contact|ring|call|write to|worry about|bother about|bother|remind|pester|hear from|deal with|look for) me(?: [a-z]+){0,4} (?:again|any more|ever again)(?: [a-z]+){0,2} (?:after|from|beyond|past) (?:tonight|today|tomorrow|this weekend|the weekend|(?:this )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))`,
      // Round 28: who will have one's pet or things decided, beside a bill cleared or a goodbye ("paid off what I can and sorted who gets
      // the cat"): the cues of a separation or a move are this family's guards.
      `(?:sorted|decided|arranged|worked out|sorting out|sorted out|organised) (?:out )?who (?:gets|is getting|will get|will have|is having|takes|will take|will look after|is taking) (?:the|my) (?:cat|cats|dog|dogs|pets?|budgie|rabbit|things|stuff|belongings|jewellery|ring)(?: [a-z]+){0,12} (?:paid|cleared|settled|council tax|rent|debts?|bills?|goodbye|sorry|letters?|note|after (?:tonight|today|this weekend|tomorrow)|again)`,
      `(?:paid|cleared|settled) (?:off |up )?(?:what i can|everything|all|the|my)(?: [a-z]+){0,6} (?:and|then) (?:sorted|decided|arranged|worked out|organised) (?:out )?who (?:gets|is getting|will get|will have|is having|takes|will take|will look after) (?:the|my) (?:cat|cats|dog|dogs|pets?|budgie|rabbit|things|stuff|belongings)`,
      `(?:leaving|left) everything to (?:my|the kids|the children)(?: [a-z]+){0,8} (?:will not be|not be around|gone|goodbye|sorry)`,
      // A plan, a method, the means ready.
      `${PLAN_HOW} (?:do it|end it|kill|die)`,
      // Round 23: not knowing where to go (tonight) is having nowhere to stay ("kicked out ... I don't know where to go tonight"), not a plan.
      `(?<!(?:do not|does not|did not|not|never|no idea|not sure) )${PLAN_HOW} go`,
      `(?:got|have|made|making) a plan(?: [a-z]+){0,3} (?:to end|to die|to kill|to make it all go away|for tonight)`,
      `(?:looking up|looked up|googling|googled|searching|searched|researching|reading up on|read up on) (?:how (?:many|much)|what dose|lethal|fatal|the quickest way|ways to)`,
      `how (?:many|much) (?:paracetamol|tablets|pills|painkillers|insulin|sleeping pills) (?:it takes|would it take|does it take|to kill|would kill)`,
      `(?:stockpiling|stockpiled|saving|saved up|saving up|hoarding|storing up|keeping back) (?:up )?(?:my |the |all my |her |his |their )?(?:pills|tablets|meds|medication|painkillers|morphine|insulin|sleeping pills|paracetamol|antidepressants)${NOT_KEPT_FOR_LATER}`,
      `(?:tablets|pills|meds|medication|painkillers|paracetamol) (?:all )?(?:lined up|counted out|laid out|in front of me)`,
      `(?:got|have|bought|found) the (?:rope|noose)(?! (?:for|on) (?:the |my )?(?:boat|mooring|washing|swing|tent))`,
      `(?:just )?need (?:to find )?the (?:courage|guts|nerve|bottle)(?: to (?:do it|end it|go through with it|jump))?(?= $| to | now)`,
      `(?:walk|walking|swim|swimming|drive|driving|wade|wading) (?:out )?into the (?:sea|river|water|harbour|estuary)(?! (?:for a|to cool|with the kids|on holiday))`,
      `(?:i am|im) (?:at|on) (?:the )?top of (?:the )?(?:car park|multi storey|multistorey|building|tower block|flats|cliffs?|bridge|viaduct)`,
      `(?:it is|that is|should be) high enough(?= $| to jump| for me)`,
      // Round 38: the depth or the height of water or a drop asked, beside something the writer will not need or a way back not wanted
      // ("how deep the harbour is off the end of the pier at high tide? I won't be needing a mooring").
      String.raw`how (?:deep|high|far down|far a drop|big a drop|long a drop|cold)(?= [^]*(?:harbour|pier|bridge|cliffs?|quarry|reservoir|river|docks?|canal|lake|viaduct|multi storey|car park|tower block|weir|lock|sea wall|breakwater|estuary|gorge))(?= [^]*(?:(?:will not|would not|shall not|will no longer) (?:be needing|be coming back|be back|be here|be around|need (?:a |the |my |any )?(?:return|way back|lift back|ride back|mooring|ticket back|return ticket))|one way ticket|no need for a return|not coming back))`,
      `(?:bridge|cliffs?|viaduct|railway line|tracks|multi storey|roof)(?: [a-z]+){0,2} and that is it`,
      `(?:going|want|ready|plan|planning|about|decided|time) to (?:end it|finish it|end things|finish things|finish myself)(?= (?:all|now|tonight|today|here|soon|for good|and|before|i|this) | $)`,
      // Wanting it over for good; thoughts of dying.
      `(?:make|making|want|need|wish|just want)(?: [a-z]+)? (?:it all|everything|it|this|the pain|myself|me|all of this) (?:to )?(?:go away|disappear|end|stop|be over)(?: [a-z]+)? (?:for good|forever|permanently|once and for all)`,
      `(?:the pain|it all|all of this|all this|my pain|the suffering|everything) will (?:all )?be over (?:soon|tonight|tomorrow|by)`,
      `(?:all i (?:can |ever )?think (?:about|of) is|keep thinking about|cannot stop thinking about|think about|thinking about) (?:dying|death|being dead|not being here|not waking up|(?:ending it|ending things)(?! with (?:my |her |his |the )?(?:boyfriend|girlfriend|partner|husband|wife|fiance|fiancee|ex|bf|gf|him|her)(?= ))|my (?:own )?funeral)`,
      `(?:picture|picturing|imagine|imagining) my (?:own )?(?:funeral|death)`,
      `no reason (?:for me )?to (?:be here|be alive|live|carry on|go on|stay alive)`,
      `(?:do not|cannot|can not) see (?:a|any) way out(?! of (?:the|this|that) (?:car park|building|contract|tenancy|lease|agreement|estate|road|close|cul de sac))`,
      '(?:see|there is) no way out(?! of (?:the|this|that) (?:car park|building|contract|tenancy|lease|agreement|estate|road|close|cul de sac))',
      // Round 21: the only way out (or the answer, the only option) is not waking up, not being here, ending it ("the only way out I
      // can see is not waking up", beside asking about the hardship fund).
      `(?:only|one|best|easiest) (?:way out(?! of)|answer|option|solution|escape)(?: [a-z]+){0,6} (?:is |would be |will be |seems to be |is just |left is )?(?:not (?:waking up|wake up|being here|be here|being around|being alive)|ending it(?: all)?|ending things|ending my life|to end it(?: all)?|dying|death|to die|for me to (?:die|go|not be here|disappear))`,
      // Round 63: tonight (today, this weekend) named as when the writer is ending it, "it" left unnamed ("I'm done. Tonight I'm ending it,
      // I just want the complaint logged"); what ends named after it (with him, there, early) is not, nor a tenancy or a contract ended.
      `(?:tonight|today|this weekend|tomorrow|this evening) (?:i am|i will|i am going to|i am gonna|i shall) (?:ending it|end it)(?: all)?(?! (?:with|for|on|early|earlier|off|there|here|now thanks|short) )`,
      // Round 63: someone told to know before the writer does it, the message ending on it ("just want someone to know before I do it").
      `(?:want|wanted|need|needed) (?:someone|somebody|you|people|anyone|my [a-z]+) to know(?: why)? before i (?:do it|go through with it|end it)(?= $| tonight| now)`,
      // Round 63: looking over a balcony or an edge, and not knowing how much longer the writer can keep going ("been looking over the
      // balcony a lot more than I should. Not sure how much longer i can keep going"); fireworks watched and a noise going on are not.
      `(?:looking|look|looked|staring|stare|stared|leaning|lean|leaned) (?:over|down from|down off|off|out over) (?:the |my |our |a )?(?:balcony|edge|ledge|railings?|bridge|roof)(?: [a-z0-9]+){0,14} (?:how (?:much )?longer (?:i|we) can (?:keep going|go on|carry on|cope|do this|take (?:it|this))|(?:cannot|can not) (?:keep going|go on|carry on|do this any ?more))`,
    ],
    guards: [
      String.raw`\b(?:bins?|bin day|bin men|collections?|collected|bulky|recycling|garden waste|subscription|direct debit|membership|holiday|travelling|abroad|moving (?:out|house|home|in|to)|new (?:flat|house|home|tenancy|job)|noise|music|barking|parking|fly tipping|rats|smell|solicitor|probate|power of attorney|executor|charity shop|freecycle|sofa|furniture)\b`,
      // Round 32: not around to pay in person, at the office, because of work away ("won't be around next month to pay at the office").
      String.raw`\b(?:in person|at the (?:office|counter|desk|civic centre|council offices?)|working away|work away|away (?:working|for work|with work|on business|on a course))\b`,
      // Round 28: a goodbye said to someone dying or who has died ("outside the hospice saying goodbye to my dad, he's passed now",
      // "said our goodbyes to mum at the hospital before she died"): a bereavement, not the writer's own goodbye.
      String.raw`\b(?:saying|said|say|to say|sayin) (?:my |our |a last |a final |the last |our last |my last )?goodbyes? to (?:my |our |his |her |their )?(?:[a-z]+ ){0,2}(?:dad|father|mum|mam|mother|husband|wife|partner|nan|nana|gran|granny|grandad|grandma|grandpa|grandfather|grandmother|brother|sister|son|daughter|uncle|aunt|auntie|friend|dog|cat)(?: [a-z]+){0,10} (?:passed|passed away|died|dying|gone|hospice|hospital|funeral|end of life|last days|last hours|palliative|chapel of rest|bedside)\b|\b(?:hospice|hospital|funeral|deathbed|death bed|bedside|chapel of rest|crematorium)(?: [a-z]+){0,8} (?:saying|said|say|to say) (?:my |our |a last |a final |the last |our last |my last )?goodbyes?\b`,
      // Round 28: a divorce, a separation or a move deciding who has the pet ("sorted who gets the dog in the divorce").
      String.raw`\b(?:divorce|divorcing|split|splitting|separat[a-z]*|break up|broke up|custody|emigrat[a-z]*|moving|relocat[a-z]*)\b`,
    ],
  },
  {
    // Round 12: affairs put in order so that a relative will not have to ("I'm sorting everything out so my sister doesn't have
    // to", beside cancelling the bins and the library card): a goodbye told as tidying up. Kept apart from suicide_indirect, whose
    // bin and subscription guards would cancel it; guarded instead by the ordinary reasons to tidy up for one's family (a funeral
    // plan, a will, a power of attorney, a death, downsizing or a move).
    id: 'affairs_for_others', kind: 'suicide_self_harm', category: RISK, reason: 'affairs put in order for family', negated: true,
    patterns: [
      `(?:sorting|sorted|sort|getting|got|putting|put|tidying|tidied|organising|organised|arranging|arranged|clearing|cleared|paying|paid) (?:out |off |up )?(?:everything|it all|all of it|all my (?:stuff|things|affairs|bills|accounts|debts)|my (?:stuff|things|affairs|accounts|bills|debts))(?: out| off| up)?(?: [a-z]+){0,2} so (?:that )?(?:my|the|our|nobody|no one)(?: [a-z]+)? (?:does not|do not|will not|would not|will never|never|is not|are not) (?:have|has|need|needs|left|stuck) (?:to|with)`,
    ],
    guards: [String.raw`\b(?:funeral|funerals|(?:my|a|the|her|his|their) will|wills|power of attorney|probate|solicitor|executor|estate|insurance|life cover|pre ?paid|downsiz[a-z]*|declutter[a-z]*|moving|move|care home|passed away|died|death|bereavement|when i (?:die|pass)|retir[a-z]*|holiday|travelling|abroad)\b`],
  },
  {
    // Round 30: not expecting to be alive, told in passing beside a bill or a date ("honestly dont think ill be around by then so
    // whatever, cancel the direct debit", "doubt I'll still be here for it"). Kept apart from suicide_indirect, whose direct debit and
    // subscription guards would cancel it; guarded by the ordinary reasons to be away (a move, a holiday, work, hospital).
    id: 'not_around_passing', kind: 'suicide_self_harm', category: RISK, reason: 'does not expect to be alive', negated: true,
    patterns: [
      `(?:do not|dont|not sure|doubt|really do not|honestly do not) (?:think |reckon )?(?:i will|ill|i ll|i am going to|i am gonna|i will still|i am still going to) (?:still )?be (?:here|around|alive) (?:by then|by the (?:1st|first|[0-9]+(?:st|nd|rd|th)|end of (?:the |this )?(?:month|week)|weekend|time (?:it|the|that))|for (?:it|that|much longer|long)|to see (?:it|that|them|the)|much longer|anyway|next (?:week|month)|after (?:tonight|this week|the weekend)|tomorrow|to pay (?:it|that|them|(?:next|the next|this|the|my|next months|the next months)(?: [a-z]+){0,3} (?:council tax|rent|bill|bills|instalment|instalments|payment|tax|water|gas|electric|tv licence)))`,
      // Round 75: thanks, then not being here soon told with someone else left to do the writer's chores ("thank you to the bin men
      // theyve always been nice to me and i wont be here next week so someone else will need to cancel the garden bin"): a goodbye; a
      // holiday, a move or a stay away is guarded below.
      String.raw`(?:thank you|thanks|thank them|(?:nice|good|kind|lovely) to me)(?: [a-z]+){0,8} (?:i will not|i wont|i won t|i am not going to|i am not gonna) be (?:here|around) (?:next (?:week|month)|after (?:this week|this month|today|tomorrow|friday|the weekend)|much longer|for (?:much )?longer|by then)(?: [a-z]+){0,3} (?:so |and )?(?:(?:someone|somebody|you|the council|my [a-z]+) (?:else )?(?:will )?(?:need|have|has) to |(?:please |can you |could you )?(?:just )?)(?:cancel|sort|deal with|look after|take over|pay|do|close|stop)`,
    ],
    guards: [String.raw`\b(?:moving|move|moved|removal|relocat[a-z]*|leaving the (?:area|country|flat|house)|abroad|holiday|away|emigrat[a-z]*|work|working|shift|shifts|hospital|operation|surgery|travelling|visiting|staying with|out of (?:town|the country)|new (?:flat|house|home|job|tenancy)|deliver[a-z]*|parcel|engineer|appointment|meeting|visit|in (?:spain|france|india|pakistan|poland|romania)|in person|at the (?:office|counter|desk|post office|bank))\b`],
  },
  {
    // The clearest phrases in Welsh, Polish and romanised Urdu/Hindi, written without accents
    // (normalisation drops them): suicide here, threats and emergencies below, safeguarding further down.
    id: 'multilingual_risk', kind: 'suicide_self_harm', category: RISK, reason: 'risk to life (Welsh, Polish or Urdu)',
    patterns: [
      // Welsh: want to die, kill myself, suicide, no point living.
      'eisiau marw', 'isio marw', 'moyn marw', '(?:lladd|ladd|nladd) fy hun', 'hunanladd[a-z]*', '(?:dim|ddim) (?:pwynt|eisiau) byw',
      'ddim eisiau bod yma',
      // Round 36: Romanian, hanging oneself ("a spus ca se spanzura in seara asta").
      '(?:se|ma|sa se|sa ma) (?:va )?spanzur[a-z]*',
      // Round 53: Italian, wrists cut ("mi sono tagliata i polsi, c'è tanto sangue"), and Spanish and Portuguese the same.
      '(?:mi sono|mi sono appena|si e|si è|ho) tagliat[oaie] (?:i |le )?(?:polsi|vene|braccia)', 'tagliat[oaie] (?:i )?polsi', '(?:me )?(?:he )?cortado (?:las |os )?(?:venas|munecas|pulsos)', 'cortei (?:os )?pulsos',
      // Welsh (normalised: "isio" → "eisiau", "sai'n" → "sai yn"): not wanting to live or be here, no point living, fed up of
      // life, everyone better off without me. "ddim eisiau byw yn y fflat" (a place) is not.
      '(?:ddim|dim|sai|sai yn|sa i|so fi) (?:eisiau|moyn|mo[iy]n|isie) (?:byw|bod yma|bod ma|bod yn fyw|deffro|bod o gwmpas)(?! (?:yn|mewn|efo|gyda|ger|drws|ar|wrth|nesa|yma yn|ma yn))',
      '(?:dim|ddim yn gweld|ddim yn gweld unrhyw|does dim|sdim) pwynt (?:byw|i fyw|mewn byw|bod yma|bod ma|cario mlaen|cario ymlaen|mewn cario)',
      '(?:llond bol|digon|laru) ar (?:fywyd|fyw|bywyd|fy mywyd)', '(?:pawb|nhw|y plant|fy nheulu|teulu)(?: [a-z]+){0,2} (?:yn )?well (?:eu byd |ei byd |ein byd )?(?:hebdda i|hebddo i|heb fi|hebddof)',
      'rhoi diwedd ar (?:fy mywyd|y cyfan|bopeth|y cwbl|fy hun|bethau)', '(?:cymryd|gymryd) fy mywyd',
      // Polish: I want to die / kill myself / end it, suicidal thoughts.
      'chce (?:umrzec|sie zabic|skonczyc ze soba|odebrac sobie zycie|zniknac na zawsze)', 
      // Round 54: Polish, the same wish in the other word order ("mowi, ze chce ze soba skonczyc"); Portuguese, new or deep cuts on
      // the arms or wrists ("tem cortes novos nos bracos").
      '(?:chce|chcial|chciala|chcialby|chcialaby|zamierza|planuje) ze soba skonczyc', 'cortes (?:novos|frescos|recentes|fundos|profundos) n(?:os|as) (?:bracos|pulsos|pernas|coxas)', 'nie chce (?:juz )?zyc', 'mysli samobojcze',
      'samobojstw[a-z]*', 'zabic sie',
      // Probe after round 70: charcoal lit in a room, a car or a tent, in Romanian, Polish, French, Spanish and Portuguese ("am cumpărat
      // cărbuni, o să-i aprind în cameră la noapte"): the method, told with the lighting; charcoal bought for a barbecue is not.
      String.raw`(?:carbuni|carbune|mangal)(?: [a-z]+){0,8} (?:aprind|aprinde|aprinda|ard|arde)(?: [a-z]+){0,3} (?:in|din) (?:camera|cameră|masina|cort|baie|dormitor)`,
      String.raw`(?:wegiel drzewny|wegla drzewnego|wegiel)(?: [a-z]+){0,8} (?:rozpale|rozpalic|zapale|zapalic|spale|spalic)(?: [a-z]+){0,3} (?:w|we) (?:pokoju|samochodzie|namiocie|lazience|sypialni|aucie)`,
      String.raw`charbon(?: de bois)?(?: [a-z]+){0,8} (?:l)?(?:allumer|allume|bruler|brule)(?: [a-z]+){0,3} dans (?:ma|la|mon|le) (?:chambre|voiture|tente|salle de bain)`,
      String.raw`(?:carbon|carvao)(?: vegetal)?(?: [a-z]+){0,8} (?:encender|encenderlo|prender|quemar|acender|queimar)(?: [a-z]+){0,3} (?:en|dentro de|no|na) (?:mi |la |el |meu |minha |o |a )?(?:habitacion|cuarto|coche|carro|tienda|quarto|carro|tenda)`,
      // Romanised Urdu / Hindi: want to die, suicide, end my life.
      '(?:marna|mar jana|mar jaana|marne) (?:chahta|chahti|chahtay|chahte)', 'khud ?kushi', 'apni (?:jaan|zindagi) (?:le|lena|leni|khatam)',
      'zindagi khatam (?:karna|karni|kar)', '(?:jeena|jina) nahi?n? (?:chahta|chahti)', 'jeene ka (?:koi )?(?:fayda|faida|matlab|maqsad) nahi',
      'khud ko khatam', '(?:jeena|jina) nahi(?:n)? hai',
      // Spanish: take my/his life, kill myself, want to die, suicide.
      'quitar(?:me|se|le)? la vida', 'matar(?:me|se)',
      // Round 29: Spanish and Portuguese, throwing oneself from a height ("se va a tirar del balcón esta noche", "vou me atirar da ponte").
      '(?:me|se|te) (?:voy|va|vas|van|vamos) a (?:tirar|lanzar|arrojar|aventar) (?:del|de la|desde el|desde la|por el|por la|al|a la|a las|a los) (?:balcon|ventana|puente|tejado|azotea|edificio|terraza|tren|vias|rio|acantilado|precipicio)',
      '(?:tirar|lanzar|arrojar)(?:me|se|te) (?:del|de la|desde el|desde la|por el|por la|al|a la|a las|a los) (?:balcon|ventana|puente|tejado|azotea|edificio|terraza|tren|vias|rio|acantilado|precipicio)',
      // Round 35: Spanish, a floor named and the wish to throw oneself ("Estoy en el piso 12 y quiero tirarme"), or the wish told beside
      // not coping ("quiero tirarme, ya no aguanto más"); Romanian, to jump off the block, a bridge or a balcony ("să sar de pe bloc").
      '(?:piso|planta) [0-9a-z]+(?: [a-z]+){0,4} (?:quiero|voy a|me voy a|pienso|estoy pensando en) (?:tirarme|saltar|lanzarme|arrojarme)',
      '(?:quiero|voy a|pienso) (?:tirarme|lanzarme|arrojarme)(?: [a-z]+){0,8} (?:no aguanto|no puedo mas|nadie me (?:va a )?(?:echar|echara) de menos|no quiero vivir)',
      '(?:sa|ca) sar de pe (?:bloc|blocul|pod|podul|balcon|acoperis|cladire|cladirea|geam|fereastra|stanca)',
      '(?:me|se|te) (?:atirar|jogar|lancar) (?:da|do|pela|pelo|de uma|de um|para o|para a|na frente do) (?:varanda|janela|ponte|predio|telhado|terraco|comboio|trem|linha|rio|falesia|penhasco)', '(?:me|se) (?:voy|va) a matar', 'quiero morir(?:me)?', 'no quiero vivir', 'suicid(?:arse|arme|arte|io|ar)',
      // Round 31: Spanish and Portuguese, not wanting to go on living (not "living here", a place), going on no more with a plan
      // for tonight, and ending one's life ("ya no quiero seguir viviendo", "ya no quiero seguir, lo tengo todo pensado para esta noche").
      '(?:ya )?no quiero (?:seguir|continuar) (?:viviendo|con vida|existiendo)(?! (?:en|aqui|alli|ahi|asi en|con|cerca|al lado|junto|debajo|encima|de alquiler|de okupa))',
      'ya no quiero seguir(?: [a-z]+){0,4} (?:lo )?tengo todo (?:pensado|planeado|preparado|decidido)',
      '(?:acabar|terminar) con mi (?:propia )?vida', '(?:voy a|quiero|pienso) (?:acabar|terminar) con todo(?= $| (?:esta noche|hoy|ya|de una vez) )',
      'nao quero (?:mais )?(?:continuar|seguir) (?:a )?(?:viver|vivendo)(?! (?:em|aqui|ali|nesta|neste|com|perto))', 'nao quero mais viver(?! (?:em|aqui|ali|nesta|neste|com|perto))', '(?:acabar|terminar) com a minha (?:propria )?vida',
      // Romanian: I want to die, kill myself, take my life.
      // Portuguese, Turkish, Lithuanian, Bengali and Punjabi (romanised): I want to die, kill myself, suicide.
      'quero morrer', '(?:me|se) matar', 'suicidar', 'kendimi oldur[a-z]*', 'intihar', 'olmek istiyorum', 'noriu mirti', 'nusizudyt[a-z]*', 'savizudyb[a-z]*',
      'ami morte chai', 'atmohot+a', 'marna (?:chahunda|chahundi|chaunda|chaundi)',
      'vreau sa mor', 'sa ma (?:sinucid|omor)',
      // Round 61: Romanian "I can't go on" and then standing on the edge of a bridge, a cliff or a roof ("Nu mai pot ... acum stau pe
      // marginea podului"); the edge of a road, or a bridge without the despair, is not.
      String.raw`(?<=\bnu mai pot\b[^]*)(?:stau|sunt|ma aflu|am urcat|stau in picioare) (?:pe|la|in) marginea (?:podului|stancii|falezei|acoperisului|blocului|prapastiei|digului)`, 'sinucid(?:ere|a|e|ul)', '(?:imi|isi) (?:iau|ia) viata', 'nu mai vreau sa traiesc',
      // Round 45: French, Italian and German first-person wish to die or to kill oneself ("je veux mourir ce soir, j'ai tout prévu",
      // "voglio farla finita", "ich will mich umbringen"), and Polish thinking of killing oneself ("myślę o tym, żeby się zabić").
      // Accents are dropped by normalisation; figures of speech are left out by what follows ("mourir de rire", "morire dal caldo",
      // "sterben vor Hunger", "en finir avec ce dossier", "farla finita con questa pratica").
      `(?:je (?:veux|voudrais|vais|pense a)|jai envie de|envie de) (?:juste |seulement |vraiment )?(?:mourir|me suicider|me tuer|en finir|mettre fin a (?:mes jours|ma vie))${FIGURE_AFTER_DYING}`, `envie den finir${FIGURE_AFTER_DYING}`,
      '(?:je )?(?:ne veux plus|veux plus|ne peux plus) vivre(?! (?:ici|la|dans|avec|a cote|pres|comme ca dans|sans (?:chauffage|eau|electricite)))', 'mettre fin a mes jours', '(?:me|je vais me) suicider',
      `(?:voglio|vorrei|sto pensando di|penso di|ho deciso di|devo) (?:solo |davvero )?(?:morire|uccidermi|ammazzarmi|suicidarmi|togliermi la vita|farla finita)${FIGURE_AFTER_DYING}`,
      '(?:uccidermi|ammazzarmi|suicidarmi|togliermi la vita)', 'non voglio piu vivere(?! (?:qui|li|in|con|vicino))',
      `ich (?:will|mochte|moechte|werde|wurde|wuerde) (?:nur noch |einfach |jetzt |heute (?:nacht |abend )?)?(?:sterben|mich umbringen|mich toten|mir das leben nehmen|nicht mehr leben)${FIGURE_AFTER_DYING}`,
      'mich(?: [a-z]+){0,3} (?:umbringen|umzubringen|toten|zu toten)', 'mir das leben (?:nehmen|zu nehmen)', 'will nicht mehr leben(?! (?:hier|in|im|mit|neben|bei))',
      '(?:zeby|aby|chce|chcialbym|chcialabym|pragne) sie zabic', 'mysle o (?:tym )?(?:zeby|aby) sie zabic',
    ],
    // Welsh suicide prevention as a topic (a course, a statistic), not a disclosure.
    guards: [String.raw`(?:atal|ymwybyddiaeth|hyfforddiant|cwrs|ystadegau|cyfraddau|polisi|ffilm|rhaglen|llyfr|drama|ar y teledu|ar y newyddion) (?:[a-z]+ ){0,4}hunanladd[a-z]*`],
  },
  {
    // A weapon or a threat to kill, in Welsh, Polish or romanised Urdu: crime, or domestic abuse
    // when a partner is named, a child at risk when a child is.
    id: 'multilingual_threat', kind: 'crime_violence', refine: ['domestic_abuse', 'child_at_risk'], category: RISK, reason: 'weapon or threat to kill (Welsh, Polish or Urdu)',
    patterns: [
      // Round 37: Turkish, men with knives or sticks at the door trying to break it ("ellerinde bıçak var ... kapıyı kırmaya çalışıyorlar").
      String.raw`(?:bicak[a-z]*|sopa[a-z]*|satir[a-z]*|silah[a-z]*)(?: [a-z]+){0,8} (?:kapi[a-z]* (?:kir[a-z]*|zorl[a-z]*|tekmel[a-z]*)|iceri (?:girmeye|giriyor)[a-z]*)`,
      String.raw`kapi[a-z]* (?:kir[a-z]*|zorl[a-z]*|tekmel[a-z]*)(?: [a-z]+){0,8} (?:bicak[a-z]*|sopa[a-z]*|satir[a-z]*|silah[a-z]*)`,
      // Welsh: with a knife / gun, threatening to kill me.
      '(?:gyda|efo|hefo) (?:chyllell|cyllell|gyllell|gwn|bat(?: pel fas)?|morthwyl|bwyell|machete|cleddyf)', 'a chyllell', '(?:bygwth|fygwth|mygwth) (?:fy |ein |yn )?(?:lladd|ladd|nladd)',
      // Welsh: going to kill me ("mynd i fy lladd i", "mynd i'n lladd i"), stabbed or shot, fighting with bottles or knives.
      '(?:o|e|fo|fe|hi|nhw|dyn|gwr|ngwr|partner|mhartner|cariad|nghariad|tad|llysdad|cymydog|cyn wr) (?:yn )?(?:mynd|bwriadu|am|eisiau) (?:i )?(?:fy |ein |yn |yn fy )(?:lladd|ladd|nladd)(?! (?:i |ni )?os )',
      'bydd (?:o|e|fo|fe|hi|nhw) yn (?:fy |ein )(?:lladd|ladd|nladd)(?! (?:i |ni )?os )',
      '(?:wedi|di|cael ei|cael eu|newydd gael ei) (?:drywanu|trywanu|thrywanu|saethu)', 'ymladd(?: [a-z]+){0,3} (?:poteli|potel|photel|cyllyll|cyllell|gyllell)',
      // Polish: he will kill me, has a knife, threatens to kill, help he is (hurting) me.
      'zabije (?:mnie|nas|ja|go|dzieci|cie)', '(?:ma|trzyma|z) (?:noz|nozem|bron|pistolet)',
      'grozi(?: [a-z]+){0,2} (?:zabic|zabiciem|ze mnie zabije)', 'pomocy (?:on|ona) (?:mnie|nas)',
      // Round 31: someone just beaten or stabbed and bleeding ("Ktoś właśnie pobił kobietę na przystanku i ucieka, ona krwawi").
      '(?:pobil[a-z]*|dzgn[a-z]*|zadzgal[a-z]*|napadl[a-z]*|skatowal[a-z]*)(?: [a-z]+){0,10} (?:krwawi|krwawia|krwawil[a-z]*|lezy nieprzytomn[a-z]*|nie rusza sie)',
      // Round 9: threatening with a knife (Polish "grozi mi nożem"; Spanish and Portuguese "amenaza/ameaça com uma faca").
      // Round 35: Polish, threatening or saying they will set the home alight ("Sąsiad grozi, że podpali mieszkanie", "mówi, że jak go
      // zostawię, to spali mieszkanie").
      '(?:grozi[a-z]*|mowi|powiedzial[a-z]*|krzyczy|krzyczal[a-z]*)(?: [a-z]+){0,6} (?:podpali|podpalic|podpaleniem|spali|spalic) (?:mieszkanie|dom|nas|mnie|nasz|moje|moj|cale)',
      'grozi (?:mi|nam|jej|mu) (?:nozem|siekiera|bronia)', '(?:ameacou|ameaca|ameacar|amenazo|amenaza|amenazado) (?:de |con |com )?matar', '(?:me |nos )?(?:amenaza|amenazo|ameaca|ameacou) con (?:un |una )?(?:cuchillo|navaja|pistola)', '(?:me |nos )?(?:ameaca|ameacou|ameacar) com (?:uma )?(?:faca|arma)',
      // Romanised Urdu / Hindi: he will kill me, has a knife.
      '(?:maar|mar) (?:dega|degi|denge|dalega|daalega|dalegi|daalegi)', 'jaan se (?:maar|mar)',
      '(?:paas|pas) (?:chaku|chaaku|chhuri|churi|bandook|bandooq|pistol) hai',
      // Spanish: with a knife or gun, threatening, going to kill me.
      'con (?:un |una )?(?:cuchillo|navaja|pistola|arma|machete)', 'amenaz(?:a|ando|o)(?: [a-z]+){0,2} (?:con|a la gente|de muerte|con matar)', '(?:me|nos|la|lo) (?:va|quiere) a matar',
      // Round 39: pushed against a wall or to the ground, or attacked, by someone following ("un uomo mi segue ... adesso mi ha spinto
      // contro un muro"): Italian, Spanish, Portuguese, French.
      'mi (?:ha|hanno) (?:spint[oa]|sbattut[oa]|schiacciat[oa]|buttat[oa]) (?:contro|a|per) (?:un |il |la |l )?(?:muro|parete|macchina|porta|terra)',
      '(?:mi (?:segue|seguono|sta seguendo|stanno seguendo|ha seguit[oa]|hanno seguit[oa])|mi seguiva)(?: [a-z]+){0,14} (?:mi )?(?:ha|hanno) (?:spint[oa]|afferrat[oa]|aggredit[oa]|picchiat[oa]|colpit[oa]|toccat[oa])',
      'me (?:ha |han )?(?:empujado|empujo|empujaron|estampado|estampo|acorralado|acorralo) contra (?:la |una |el |un )?(?:pared|muro|coche|puerta|suelo)',
      '(?:me )?(?:empurrou|empurraram|encostou|encostaram|prensou|atirou) (?:me )?contra (?:a |uma |o |um )?(?:parede|muro|carro|porta|chao)',
      '(?:m a|m ont|il m a|ils m ont) (?:pousse|poussee|plaque|plaquee|bouscule|bousculee|cogne|cognee) contre (?:un |le |la |l )?(?:mur|voiture|porte|sol)',
      // Round 47: someone dragged or forced into a van or a car now (Portuguese, Spanish, Italian, French: "estão a arrastar uma mulher para
      // dentro de uma carrinha ... agora mesmo"); and people being beaten now, a person named after the verb (French "des hommes sont en
      // train de frapper un vendeur ... l'un a un couteau"), never a knock at the door ("frapper à la porte").
      '(?:esta|estao|estava|estavam) a (?:arrastar|meter|empurrar|forcar|puxar) (?:uma|um|a|o) (?:mulher|homem|rapariga|rapaz|crianca|menina|menino|senhora|senhor|pessoa|miuda|miudo|jovem)(?: [a-z]+){0,3} (?:para dentro d[aeo]|para|na|no|dentro d[aeo]) (?:uma |um |a |o )?(?:carrinha|carro|furgao|viatura|mala)',
      '(?:esta|estan|estaban) (?:arrastrando|metiendo|empujando|forzando|subiendo) a (?:una|un|la|el) (?:mujer|hombre|chica|chico|nina|nino|senora|senor|persona|joven)(?: [a-z]+){0,3} (?:a|en|dentro de) (?:una |un |la |el )?(?:furgoneta|coche|carro|auto|maletero)',
      '(?:sta|stanno) (?:trascinando|spingendo|caricando|costringendo) (?:una|un|la|il) (?:donna|uomo|ragazza|ragazzo|bambin[oa]|signora|signore|persona)(?: [a-z]+){0,3} (?:in|dentro) (?:un |una |il |la )?(?:furgone|macchina|auto|bagagliaio)',
      '(?:est|sont) en train de (?:trainer|pousser|forcer|faire monter) (?:une|un|la|le) (?:femme|homme|fille|garcon|enfant|dame|monsieur|personne|jeune)(?: [a-z]+){0,3} (?:dans|a l interieur d) (?:une |un |la |le )?(?:camionnette|voiture|fourgon|coffre)',
      '(?:est|sont) en train de (?:frapper|battre|tabasser|agresser|poignarder|lyncher|rouer de coups) (?:un|une|le|la|les|des|mon|ma|mes|notre|nos|son|sa|ses) (?:[a-z]+ )?(?:homme|femme|vendeur|vendeuse|garcon|fille|enfant|personne|jeune|voisin|voisine|monsieur|dame|mari|fils|client|chauffeur|livreur|commercant|passant|vieil homme|vieille dame|ado)',
      // Round 61: French, people beating someone who no longer moves or breathes ("des jeunes frappent un homme a terre avec des
      // batons, il ne bouge plus"); a knock at the door is not.
      '(?:frappent|frappe|tabassent|tabasse|battent|bat|cognent|cogne) (?:un|une|le|la|mon|ma|notre|son|sa) (?:[a-z]+ )?(?:homme|femme|garcon|fille|jeune|vieux|vieil homme|monsieur|dame|personne|gars|type|mec)(?: [a-z]+){0,10} (?:il|elle) ne (?:bouge|respire|reagit|repond) plus',
      // Romanian: broke in through the window, I am hiding, a knife, threatens me.
      // Round 39: Lithuanian, a man with a knife attacking people ("vyras su peiliu puola žmones").
      '(?:su peiliu|su ginklu|su pistoletu)(?: [a-z]+){0,4} (?:puola|pjauna|grasina|musa)', '(?:puola|grasina) (?:zmones|mane|mus)(?: [a-z]+){0,4} su (?:peiliu|ginklu)',
      'a intrat in casa', '(?:sunt|suntem) ascuns[a-z]*', '(?:ktos |on |oni )?wlam(?:uje|uja|al|ali) sie', 
      // Round 56 (Polish): breaking in now with "sie" before the verb ("ktos sie teraz wlamuje do naszego pokoju"), a door being forced
      // ("wywazaja drzwi"); a break-in told in the past ("ktos sie wlamal do piwnicy w zeszlym roku") is not.
      '(?:ktos|on|oni|ktos|jacys ludzie) sie (?:teraz |wlasnie )?wlam(?:uje|uja)', '(?:wywaza|wywazaja|wywazaja nam|wywaza nam|wywazaja mi|wywaza mi) (?:teraz )?drzwi', 'birisi (?:eve )?girdi', 'bicakl[a-z]*', '(?:cu )?(?:un )?cutit', 'cu (?:doua |trei |niste )?cutite', '(?:mi|ne) au spart (?:usa|geamul|geamurile|cabina|masina|rulota|casa)', '(?<!nu )(?:ma|ne) ameninta(?! nimeni| nimenea)', '(?<!nu sunt |fara |nicio |nici o )amenintari',
    ],
    // Welsh: told as long past ("years ago"), on the news, or a joke ("she'll kill me if I forget the bin").
    guards: [String.raw`flynyddoedd yn ol|blynyddoedd yn ol|y llynedd|llynedd|ar y newyddion|(?:lladd|ladd|nladd) (?:i |ni )?os`,
      // Round 62 (romanised Urdu): a tax, a bill or the rent as the subject of "maar dalega" ("yeh council tax hamein maar dalega", this
      // council tax will kill us): hyperbole; a person named as the one who will kill is not guarded.
      String.raw`(?:council tax|tax|taxes|bill|bills|bil|kiraya|kirayah|rent|mehngai|mahangai|bijli|gas ka bil|fine|jurmana|qarz|karza)(?: (?:hamein|humein|mujhe|muje|hume|humko|hamko|sab ko|sabko))? (?:maar|mar) (?:dalega|daalega|dalegi|daalegi|dega|degi|denge|dalenge)`,
      // Round 60 (Polish): a thing named after "zabije mnie" ("Zabije mnie ten smród", the smell will kill me; the noise, the heat,
      // the bin): hyperbole; a person named ("zabije mnie ten facet") is not guarded.
      String.raw`zabij(?:e|a) (?:mnie|nas) (?:ten|ta|to|te|tych|tego) (?:smrod[a-z]*|halas[a-z]*|upal[a-z]*|zapach[a-z]*|nud[a-z]*|stres[a-z]*|prac[a-z]*|kosz[a-z]*|smietnik[a-z]*|kubel[a-z]*|kork[a-z]*|remont[a-z]*|wiatr[a-z]*|zimn[a-z]*|bol[a-z]*|dzwiek[a-z]*|muzyk[a-z]*|szczekani[a-z]*|balagan[a-z]*|urzad[a-z]*|formularz[a-z]*|czekani[a-z]*|kolejk[a-z]*|rachun[a-z]*)`,
      // Round 79 (Polish): fines, bills or charges as the means after "zabije mnie" ("policja ... zabije mnie mandatami", will kill me with
      // fines): hyperbole; a person with a knife or hands is not guarded.
      String.raw`zabij(?:e|a) (?:mnie|nas)(?: [a-z]+)? (?:mandat[a-z]*|kar(?:a|y|ami|ach)?|grzywn[a-z]*|rachunk[a-z]*|podatk[a-z]*|czynsz[a-z]*|oplat[a-z]*|koszt[a-z]*|odsetk[a-z]*|biurokracj[a-z]*|papierolog[a-z]*)`],
  },
  {
    // Fire, smoke and gas in Spanish, Romanian and romanised Urdu (Welsh and Polish cues in kinds.ts).
    id: 'multilingual_fire', kind: 'fire_gas_co', category: RISK, reason: 'fire or gas danger (not in English)',
    patterns: [
      // Round 56 (Somali): a fire broken out ("jikada dab ayaa ka kacay", a fire started in the kitchen), not one told for last year or
      // last month ("sanadkii hore", "bishii hore").
      String.raw`dab (?:ayaa |baa )?(?:ka )?(?:kacay|qabsaday|qabtay)(?!(?: [a-z]+){0,6} (?:sanadkii hore|bishii hore|toddobaadkii hore|shalay))`,
      // Round 53: Polish, gas smelt and people who cannot be woken ("czuje gaz w calym domku ... dwie osoby spia i nie moge ich obudzic").
      'czuj(?:e|emy|esz)? (?:zapach )?gaz[a-z]*(?: [a-z]+){0,14} (?:nie (?:moge|mozemy|mozna|da sie) (?:ich |go |jej )?(?:obudzic|dobudzic)|nieprzytomn[a-z]*|zemdlal[a-z]*)',
      // Round 25: a smell of gas denied just before it ("nu miroase a gaz", "no huele a gas", "sin olor a gas") is no smell.
      'sale humo', 'humo (?:negro )?(?:sale|saliendo|por todas partes)', 'incendio', 'fuego',
      // Engineer's probe after round 45: burning now told without "fuego" ("los contenedores están ardiendo pegados a la casa y hay
      // humo dentro", "está a arder", "stanno bruciando"), never a throat, eyes or skin that burn.
      '(?:esta|estan|sigue|siguen) ardiendo(?! (?:la|las|los|el|me|mi|mis|le|les) (?:garganta|ojos|estomago|pies|piel|cabeza|boca|cara|manos|pecho|oidos))', 'en llamas',
      'hay humo (?:dentro|en (?:la |mi |nuestra |toda la )?(?:casa|piso|cocina|habitacion|escalera|edificio))',
      '(?:esta|estao) a arder', 'em chamas', '(?:sta|stanno) (?:bruciando|andando a fuoco)(?! (?:gli|la|lo|il|i|le|mi|ti) (?:occhi|gola|stomaco|piedi|pelle|mani))', 'in fiamme', '(?<!(?:^| )(?:no|sin|ningun|no hay|no se|no hay ningun) )(?:huele|olor)(?: [a-z]+){0,2} a gas', 'fuga de gas',
      'foc', 'incendiu', 'fum(?: negru)?(?: [a-z]+){0,2} (?:iese|vine|peste tot)', '(?<!(?:^| )(?:nu|nu mai|fara|niciun|nici un|nu simt|nu se simte|nu am simtit|nu e) )(?:miros|miroase)(?: [a-z]+){0,2} (?:de|a) gaz',
      'aag (?:lagi|lag gayi|lag gai)', 'dhuan', 'gas(?: [a-z]+){0,4} (?:boo|bu|badboo|smell) (?:aa|a) (?:rahi|raha)', 'agg lag(?:i|gayi)?', 'aagun (?:legeche|lagse|legese)',
      // Round 35: Romanian, a caravan, a house or a flat burning with people inside ("arde rulota vecinului ... înăuntru sunt doi oameni").
      '(?:arde|ard|ia foc|a luat foc)(?: [a-z]+){0,10} (?:inauntru|inuntru|in ea|in el) (?:sunt|este|e|mai sunt|mai e)',
      'arde (?:rulota|caravana|casa|blocul|apartamentul|cladirea|acoperisul|masina cu)',
      // Portuguese, Turkish, Lithuanian: fire, smell of gas.
      '(?<!(?:^| )(?:sem|nenhum|nao ha|nao tem|nao sinto|nao ha nenhum) )cheiro (?:a|de) gas',
      // Round 40: a strong gas smell with its adjectives between ("um cheiro muito forte a gás"); French, Dutch and German gas smells
      // ("une forte odeur de gaz", "ça sent le gaz", "het ruikt naar gas", "es riecht nach Gas"), never one denied just before.
      '(?<!(?:^| )(?:sem|nenhum|nao ha|nao tem|nao sinto|nao ha nenhum) )cheiro (?:muito |mesmo |tao |bastante )?(?:forte|intenso) (?:a|de) gas',
      '(?<!(?:^| )(?:pas d|pas de|aucune|sans|plus d|plus de|ni) )odeur (?:forte |tres forte |persistante )?de gaz', '(?<!(?:^| )(?:ne|n|pas|plus) )(?:ca |il |on )sent (?:fort |vraiment |tres fort )?le gaz(?! (?:du|de))', 'fuite de gaz',
      '(?<!(?:^| )(?:niet|geen) )(?:ruik[a-z]*|stinkt|stinken) (?:[a-z]+ ){0,2}naar gas', 'gaslucht(?! (?:weg|verdwenen))', 'gaslek',
      '(?<!(?:^| )(?:nicht|kein|keinen) )(?:riecht|riechen|stinkt|stinken) (?:[a-z]+ ){0,2}nach gas', 'gasgeruch', 'gasleck', 'fogo', 'yangin(?! yok| tatbikat[a-z]*)', 'gaz kokusu(?! yok)', 'gaisras', 'duju kvapas',
      // Round 9: carbon monoxide in Spanish, Portuguese and Romanian.
      'monoxido de carbono', 'monoxid de carbon',
      'pali sie', 'pozar', '(?<!(?:^| )nie )czuc gaz', 'wyciek gazu',
      // Round 25: carbon monoxide told by two symptoms beside a boiler, a stove or the alarm, in Polish, Turkish, Romanian, Spanish and
      // Portuguese ("boli nas głowa i mamy mdłości, a czujnik przy piecu piszczy", "kombi çalışırken başımız dönüyor ve midemiz bulanıyor").
      `(?:${FOREIGN_CO_SOURCE})(?: [a-z]+){0,14} ${FOREIGN_CO_FELT_TWICE}`,
      `${FOREIGN_CO_FELT_TWICE}(?: [a-z]+){0,14} (?:${FOREIGN_CO_SOURCE})`,
      `(?:${FOREIGN_CO_SYMPTOM})(?: [a-z]+){0,10} (?:${FOREIGN_CO_SOURCE})(?: [a-z]+){0,10} (?:${FOREIGN_CO_SYMPTOM})`,
      // Round 42: the same in German, Dutch, French and Italian.
      WEST_CO,
    ],
    // Round 12: fireworks and bonfire night ("fogo de artificio", "fuegos artificiales", "foc de artificii"), and a fire
    // extinguisher ("yangin sondurucu", "extintor") named as a thing to dispose of or buy, are no fire.
    textGuards: [
      // Round 73: a fire told as over, with when it was (FOREIGN_FIRE_OVER).
      FOREIGN_FIRE_OVER,
      // Round 72: a smoke alarm beeping with smoke and fire both denied ("Alarma de fum a vecinului sună de 2 zile ... nu e fum, nu e foc,
      // doar piuie", no smoke, no fire, it only chirps): a noise complaint; smoke or a fire told as there still hits.
      // Engineer's probe after round 72: the alarm told as sounding with fire denied and the battery named as the cause ("Alarma de fum
      // sună de o săptămână, nu e foc, doar bateria"), in Romanian, Spanish, Polish and Portuguese; smoke or burning named is not guarded.
      String.raw`^(?=[^]*\b(?:alarma|alarm|alarme|detector|detectorul|czujnik|senzor|sensor)\b)(?![^]*\b(?:miroase a fum|huele a humo|czuc dym|cheira a fumo|arde|se quema|pali sie|esta a arder|flacari|llamas|plomienie|chamas)\b)[^]*\b(?:nu e|nu este|nu i|no hay|no es|nie ma|to nie|nao ha|nao e) (?:foc|fuego|ognia|pozaru|pozar|fogo|incendio)\b(?: [a-z]+){0,3} (?:doar|numai|solo|es la|tylko|so|apenas|e a) (?:bateria|baterie|bateriile|pila|pilas|bateria|baterii|bateriia)\b`,
      String.raw`^(?=[^]*\b(?:alarma|alarm|alarme|detector|detectorul|czujnik|senzor|sensor)\b)[^]*\b(?:nu e|nu este|nu i|nu avem|nu are|nici|no hay|ni|sin|nie ma|ani|nao ha|nao e|sem|nem) (?:fum|humo|dym|dymu|fumo|fumaca)\b[ ,]*(?:si |y |i |e )?(?:nu e|nu este|nu i|nici|no hay|ni|nie ma|ani|nao ha|nao e|nem|sem) (?:foc|fuego|ognia|ogien|pozaru|pozar|fogo|incendio)\b`,
    ],
    guards: [
      // Round 65: a question about the rules for a fire or a barbecue ("¿Se puede hacer barbacoa en la playa? ¿Hay normas sobre el fuego?").
      String.raw`\b(?:normas|reglas|permiso|permitido|prohibido|regras|proibido|autorizacao|przepisy|zasady|pozwolenie|reguli|regulile|permis|regole|permesso|vietato|consentito|reglement|autorise|interdit|vorschriften|erlaubt|verboten)\b`,
      // Round 60: a fire heard of and asked about, told for yesterday (Polish "Czy to prawda, że wczoraj był pożar w porcie?",
      // "Słyszałam, że wczoraj był pożar na plaży"; Portuguese "ouvi dizer que houve um incêndio no porto ontem"): news, nothing now.
      // Both are needed, the hearsay and the day gone; a fire burning now told with "I heard" alone still hits.
      String.raw`(?=[^]*\b(?:wczoraj|przedwczoraj|ontem|anteontem|ayer|anteayer|ieri|dun)\b)[^]*?\b(?:czy to prawda|czy prawda|slyszal[a-z]*|slyszel[a-z]*|podobno|ouvi dizer|ouvi que|dizem que|e verdade que|he oido|oi que|dicen que|es verdad que|am auzit|se spune)\b`,
      // Round 43: a bin set on fire and melted, a new one asked for ("cineva a dat foc la pubela mea de Halloween, e topită, am nevoie de una
      // nouă"), nothing burning now ("acum", "arde").
      String.raw`^(?![^]*\b(?:acum|arde|ard|inauntru|ahora|agora|teraz)\b)[^]*\b(?:pubel[a-z]*|tomberon[a-z]*|cos(?:ul)? de gunoi|contener[a-z]*|cubo de basura|lixeira|kosz[a-z]*)\b(?: [a-z]+){0,10} (?:topit[a-z]*|ars[a-z]*|derretid[a-z]*|stopion[a-z]*|una noua|unul nou|alta noua|nowy|nowego|nueva|nova)\b`,
      String.raw`(?:fogo|fogos|fuego|fuegos|foc|focuri) (?:de )?artifici[a-z]*|artificii|fogueiras?|hogueras?|yangin sonduruc[a-z]*|sonduruc[a-z]*|extintor[a-z]*|stingator[a-z]*|gasnic[a-z]*`,
      // Round 44: a fire risk asked about or to be avoided in Italian and Spanish ("si possono fare barbecue nel parco o c'è pericolo di
      // incendio", "donde tiro las pilas muertas? no quiero provocar un incendio"): a question about a risk, not a fire.
      String.raw`(?:c e|ce|c è|esiste|ci sono|c e un|ce un|ci e) (?:un |il |qualche |dei |alcun )?(?:rischio|pericolo|rischi|pericoli) (?:di |d )?(?:incendio|incendi|fuoco)(?! (?:adesso|ora|gia|subito))|(?:no quiero|no queremos|para no|para evitar|evitar|sin|nao quero|para nao|non voglio|per non|per evitare|evitare) (?:provocar|causar|iniciar|empezar|crear|provocare|causare|fare|evitar|evitare)? ?(?:un |una |um |uno )?(?:incendio|incendios|fuego|fogo|incendi)\b`,
      // Round 34: a question whether a thing is a fire risk ("¿las baterías de litio pueden ir al reciclaje o hay riesgo de incendio?",
      // "há risco de incêndio?"): a question about risk, not a fire.
      String.raw`(?:hay|habria|existe|supone|suponen|representa|representan|tiene|tienen|ha|havera|existe|corre|correm) (?:algun |algum |un |um |mucho |muito |)(?:riesgo|peligro|risco|perigo) de (?:incendio|fuego|fogo)(?! (?:ahora|ya|agora|ja))`,
      // Round 22: a fire alarm tested or faulty, "no fire" ("yangın alarmı ... test ediliyor ... yangın yok, arıza var").
      String.raw`yangin alarm[a-z]*(?: [a-z]+){0,8} (?:test[a-z]*|ariza[a-z]*|bozuk)|yangin yok|ariza var`,
      // Round 13: a detector's weak battery or chirp (Portuguese, Spanish, Romanian, Polish), nothing smelt or felt: "o alarme de
      // monóxido de carbono está a apitar porque a bateria está fraca, não há cheiro nenhum".
      String.raw`(?!.*\b(?:${FOREIGN_CO_FELT})\b).*\b(?:baterias?|pilhas?|pilas?|baterie|bateria|baterii|bateryjk[a-z]*)(?: [a-z]+){0,2} (?:fracas?|baixas?|descarregadas?|gastas?|bajas?|agotadas?|descargadas?|slab[a-z]*|descarcat[a-z]*|rozladowan[a-z]*|wyczerpan[a-z]*|sie wyczerpala)\b`,
      // Round 18: a detector that says it has reached its end of life ("o alarme de monóxido de carbono diz 'fim de vida'", "fin de
      // vida", "sfârșit de viață"), nothing felt or smelt anywhere around it.
      String.raw`^(?!.*\b(?:${FOREIGN_CO_FELT}|${FOREIGN_GAS_OR_FIRE})\b).*\b(?:fim de vida|fin de (?:su )?vida|final de (?:su )?vida|(?:sfarsit|sfarsitul|sfirsit|sfirsitul) (?:de |duratei de )?viata|koniec (?:zywotnosci|okresu zywotnosci|okresu eksploatacji)|end of life|omrunu (?:doldurdu|tamamladi)|omur sonu|kullanim omru (?:doldu|bitti))\b`,
    ],
  },
  {
    // Someone in water, unconscious or not breathing, in Spanish, Romanian and Polish.
    id: 'multilingual_danger', kind: 'danger_now', category: RISK, reason: 'someone in danger now (not in English)',
    patterns: [
      // Round 53: Romanian, bleeding heavily ("prins de mana in masina de balotat sangereaza foarte tare"); Somali, a small child locked
      // in a car ("ilmo yar ayaa ku xiran gaari gudihiisa, kulayl aad u badan").
      'sangereaz[a-z]* (?:foarte (?:tare|mult|rau)|abundent|puternic|tare|mult)', 'ilmo(?: [a-z]+){0,3} (?:ku )?xiran (?:gaari|gaariga|baabuur|baabuurka)',
      'se (?:esta )?ahogando', 'cayo al (?:agua|rio|mar|canal)', 'no respira', 'inconsciente',
      // Round 45: a stroke told by its signs, a face or mouth fallen to one side ("tiene la cara caída de un lado", "boca torta").
      '(?:cara|boca|rostro|cara toda|faccia|bocca|visage|bouche) (?:caida|caido|torcida|torcido|ladeada|descolgada|torta|descaida|storta|cadente|paralizzata|tombante|deformee|de travers)(?: (?:de|hacia|para|a|da|d|sur))? (?:un|um|uno|el|o|un solo|one|le|un cote|lato)',
      // Round 36: a baby or a person choking and turning blue (Portuguese: "engasgado e ficando roxo").
      '(?:engasgad[oa]|engasgando|se engasgou)(?: [a-z]+){0,4} (?:roxo|roxa|azul|nao respira|sem respirar)',
      'a cazut in (?:apa|rau|canal|lac|mare)', 'nu stie sa inoate', 'se ineaca', 'nu (?:mai )?respira', 'inconstient',
      'wpadl(?:a)? (?:do wody|do rzeki|pod lod)', 'topi sie', 'nie oddycha', 'nieprzytomn[a-z]+',
      // Fallen and not moving, not breathing: Romanian, Spanish, Portuguese, Polish, Welsh, Urdu, Turkish, Lithuanian.
      'a cazut de pe', 'nu se (?:mai )?misca', 'no se mueve', 'se cayo de', 'nao (?:se mexe|respira)', 'caiu d[aeo]', 'nie rusza sie', 'spadl(?:a)? z',
      '(?:hil|hill) nahi?n? (?:raha|rahi)', 'behosh', 'saans nahi?n? (?:le|aa) (?:raha|rahi)', 'nefes almiyor', 'kipirdamiyor', 'bilincsiz',
      // Round 13: "niekas neatsako" (nobody answers: the council's phone) and an unanswered call or letter are a complaint, not a collapse.
      // Round 79: nor an office that does not answer ("DVLA neatsako jau mėnesį", the DVLA has not answered for a month), nor one silent for weeks.
      // Round 27: someone run over ("foi atropelado", "lo atropellaron", "potrącony przez samochód", "a fost lovit de o mașină").
      'atropelad[oa]s?', 'atropel(?:aram|ou|laron|lo|lado|lada)', 'potracon[a-z]*', 'potracil[a-z]*', '(?:a fost |e |este )?lovit[a-z]* de (?:o |un )?(?:masina|masini|autobuz|tir|camion|duba)',
      // Round 33: Somali unconscious, fainted or not breathing ("miyir la'aan ah", "suuxay", "ma neefsanayo"); Portuguese someone fallen
      // who does not answer or move ("uma senhora idosa caída no jardim, não responde"): a person named before the fall.
      'miyir (?:laaan|la aan|beelay|beeshay|lumay|tagay)', 'miyirkii? (?:ka )?(?:tagay|lumay|beelay)', 'suuxd?ay', 'suuxsan', 'ma neefsan(?:ayo|ayso|eyso|eyo)',
      '(?:senhora|senhor|idos[oa]|vizinh[oa]|mae|pai|avo|homem|mulher|crianca|pessoa|rapaz|menin[oa]|marido|esposa)(?: [a-z]+){0,3} (?:caid[oa]|caiu)(?: [a-z]+){0,10} nao (?:responde|reage|se mexe|acorda)',
      // Round 39: a child or a person fallen into a canal, a river or the sea, a person named before the fall ("uma criança caiu no canal
      // perto da marina e já não a consigo ver"): Portuguese, Spanish, Italian, French; a phone, keys or a dog fallen in is not a person.
      '(?:crianca|menino|menina|miudo|miuda|bebe|homem|mulher|pessoa|rapaz|rapariga|senhor|senhora|idos[oa]|alguem|filh[oa]|nin[oa]|hombre|mujer|persona|chic[oa]|senor[a]?|alguien|hij[oa]|bambin[oa]|ragazz[oa]|uomo|donna|qualcuno|enfant|garcon|fille|homme|femme|quelqu un|personne agee)(?: [a-z]+){0,3} (?:caiu|cairam|escorregou|se cayo|cayo|ha caido|e caduto|e caduta|caduto|caduta|e cascato|e cascata|est tombee?|tombe|tombee|a glisse)(?: [a-z]+){0,2} (?:no|na|ao|dentro do|dentro da|para o|para a|al|en el|en la|a la|nel|nella|nell|in|dans le|dans la|dans l) (?:canal|canale|rio|fiume|riviere|fleuve|mar|mare|mer|agua|acqua|eau|lago|lac|doca|porto|puerto|port|marina|represa|lagoa|pozo|poco|pozzo|estuario|darsena)',
      // Round 34: drowning in Portuguese ("há uma criança a afogar-se na piscina", "está se afogando").
      '(?:esta |estao |a )afogar se', '(?:esta |estao )?(?:se )?afogando(?: se)?',
      // Round 40: Dutch and German: a person fallen from a cliff or a roof, not responding, not breathing, unconscious, gone under in the
      // sea ("Onze zoon is van de klif gevallen, hij reageert niet meer"; "Mein Mann ist beim Schwimmen im Meer untergegangen und kommt
      // nicht mehr hoch"). Not the council "reageert niet op" a letter, the sun gone down ("die Sonne ist untergegangen").
      '(?:klif|rots|rotsen|dak|balkon|steiger|pier) (?:af )?gevallen', '(?:hij|zij|ze) (?:reageert|ademt) niet(?: meer)?(?! (?:op|naar) )', 'bewusteloos', 'verdrinkt',
      '(?:ins |in das |in den )?(?:wasser|meer|see|fluss|hafen|kanal)(?: [a-z]+){0,2} gefallen', '(?:er|sie) (?:reagiert|atmet) nicht(?: mehr)?(?! (?:auf|an) )', 'bewusstlos', 'ertrinkt',
      '(?:mann|frau|sohn|tochter|kind|junge|madchen|vater|mutter|freund|freundin|bruder|schwester)(?: [a-z]+){0,6} untergegangen', 'kommt nicht mehr (?:hoch|nach oben|an die oberflache)',
      'nekvepuoja', 'nejuda',
      // Round 47: chest pain with breathing that fails (French, Spanish, Portuguese, Italian, German: "son mari a une forte douleur à la
      // poitrine et n'arrive plus à respirer"), either order; and a small child lost on a beach or in the sea with the tide coming in
      // (Spanish, Portuguese, French, Italian: "su hijo de 4 años se ha perdido en la playa ... la marea está subiendo").
      '(?:douleur|dolor|dor|dolore|schmerzen?)(?: [a-z]+){0,3} (?:a la|dans la|en el|no|na|al|nel|in der) (?:poitrine|pecho|peito|petto|brust)(?: [a-z]+){0,10} (?:(?:(?:n|and|ne|n y) )?n?(?:arrive|peut|parvient) (?:plus|pas) a respirer|ne respire (?:plus|pas|presque plus)|no puede respirar|le cuesta respirar|no respira bien|nao consegue respirar|nao respira|non riesce a respirare|non respira|bekommt keine luft|kann nicht (?:mehr )?atmen)',
      '(?:(?:(?:n|and|ne|n y) )?n?(?:arrive|peut|parvient) (?:plus|pas) a respirer|no puede respirar|nao consegue respirar|non riesce a respirare|bekommt keine luft)(?: [a-z]+){0,10} (?:douleur|dolor|dor|dolore|schmerzen?)(?: [a-z]+){0,3} (?:a la|dans la|en el|no|na|al|nel|in der) (?:poitrine|pecho|peito|petto|brust)',
      '(?:perdid[oa]s?|desaparecid[oa]s?|no (?:lo|la|los|las) encuentr[a-z]+|nao (?:o|a|os|as) (?:encontr|ach)[a-z]+|perdu|perdue|disparu|disparue|scompars[oa]|smarrit[oa]|pers[oa])(?: [a-z0-9]+){0,14} (?:la marea (?:esta |sigue )?(?:subiendo|sube|entrando)|sube la marea|a mare (?:esta a subir|sobe|esta subindo)|la maree (?:monte|remonte)|la marea (?:sale|sta salendo))',
      '(?:la marea (?:esta |sigue )?(?:subiendo|sube|entrando)|sube la marea|a mare (?:esta a subir|sobe|esta subindo)|la maree (?:monte|remonte)|la marea (?:sale|sta salendo))(?: [a-z0-9]+){0,14} (?:perdid[oa]s?|desaparecid[oa]s?|no (?:lo|la|los|las) encuentr[a-z]+|nao (?:o|a|os|as) (?:encontr|ach)[a-z]+|perdu|perdue|disparu|disparue|scompars[oa]|smarrit[oa])', '(?<!niekas )(?<!niekas man )(?<!(?:dvla|dvsa|taryba|savivaldybe|tarnyba|bankas|banka|ambasada|konsulatas|policija|mokykla|imone|darbdavys|agentura|biuras|ofisas|council|nhs|hmrc) )neatsako(?! (?:i|a) (?:skambuc|laisk|zinut|el)[a-z]*)(?! (?:jau )?(?:(?:visa |kelis |kelias |dvi |tris |du |pora )?(?:menesi|menesius|menesiu|savaite|savaites|savaiciu|dienas|dienu|metus)|ilgai|nuo))',
    ],
  },
  {
    // Welsh (normalised: accents dropped, "mae'r" → "mae yr"): suicide or self-harm told by a method, a place or a plan. Not
    // idiom-prone: an overdose taken, a bridge stood on now, arms cut again.
    id: 'welsh_suicide', kind: 'suicide_self_harm', category: RISK, reason: 'suicide or self-harm (Welsh)',
    patterns: [
      '(?:llyncu|llyncais|lyncu|cymryd|cymerais|gymryd|cymeryd)(?: [a-z]+){0,4} (?:tabledi|dabledi|nhabledi|pils|bils|parasetamol|barasetamol|paracetamol|pills|tablets)(?: [a-z]+){0,3} (?:i gyd|gyd|cyfan|heno|awr yn ol|hanner awr|gynnau)',
      '(?:llyncu|llyncais|lyncu|cymryd|cymerais|gymryd)(?: [a-z]+){0,2} (?:pacedi|paced|pecyn|pecynnau|bocs|bocsys|potel|poteli|llond llaw|llwyth)(?: cyfan)?(?: [a-z]+)? o (?:dabledi|tabledi|barasetamol|parasetamol|bils|pils)',
      '(?:llyncu|llyncais|lyncu|cymryd|cymerais|gymryd)(?: [a-z]+){0,2} (?:holl|yr holl|y cyfan o|pob un o|bob un o) (?:dabledi|tabledi|nhabledi|bils|pils|barasetamol|parasetamol|meddyginiaeth|moddion|feddyginiaeth)',
      // Round 46: all the tablets ready and a plan to take them tonight, in the first person ("mae gen i'r tabledi i gyd yn barod ar y
      // bwrdd a dw i'n bwriadu eu cymryd nhw heno"); a prescription ready to collect is not.
      '(?:tabledi|dabledi|nhabledi|pils|bils|parasetamol|barasetamol)(?: [a-z]+){0,2} (?:i gyd|gyd) (?:yn barod|wedi eu cyfri|wedi cyfri|wedi eu casglu|wedi casglu)(?: [a-z]+){0,12} (?:bwriadu|mynd i|am|yn mynd i|ar fin) (?:eu |ei |y )?(?:cymryd|gymryd|llyncu|lyncu)(?: [a-z]+){0,3} (?:heno|nawr|rwan|heddiw)',
      'gorddos[a-z]*', '(?:casglu|hel|cadw|stocio|cuddio) (?:fy |y |yr )?(?:tabledi|nhabledi|dabledi|pils|bils)(?: [a-z]+){0,2} ers',
      '(?:rhaff|raff|dolen)(?: [a-z]+){0,2} (?:yn barod|rownd fy ngwddf|am fy ngwddf|wedi ei chlymu|wedi clymu)', 'sori am (?:bopeth|bob dim|bob peth)(?! (?:y|yr) )',
      '(?:dwi|dw i|rwy|rydw i|fi) (?:ar|ar ben|ar ymyl) (?:y |yr )?(?:bont|clogwyn|dibyn)(?: [a-z]+){0,12} (?:neidio|dod nol|dod yn ol|dod adre|ffarwel|hwyl fawr i bawb)',
      '(?:dim|does dim|sdim) pwynt i (?:fi|mi) (?:fod yma|fyw|fod o gwmpas|fod ma|gario mlaen)',
      '(?:torri|dorri|nhorri|llosgi|losgi|brifo|frifo|niweidio|anafu) fy hun', 'hunan ?niweid[a-z]*',
      '(?:torri|dorri|nhorri|llosgi|losgi) fy (?:mreichiau|mraich|arddyrnau|ngarddwrn|nghoesau|nghoes|nghroen)(?: [a-z]+){0,6} (?:eto|gwaedu|waedu|rasel|llafn|ar bwrpas|yn fwriadol)',
      '(?:sefyll|eistedd|ar ben|ar ymyl|dringo) (?:ar )?(?:y |yr )?(?:bont|ben y bont|dibyn|clogwyn|ymyl y clogwyn|ben y to|to|ben y maes parcio|maes parcio aml lawr|reilffordd|rheilffordd)(?: [a-z]+){0,8} (?:neidio|rwan|nawr|ar hyn o bryd|heno)',
      '(?:meddwl am|am|mynd i|eisiau|ar fin) neidio (?:oddi ar|off|o ben|o|o yr) (?:y |yr )?(?:bont|to|clogwyn|dibyn|adeilad|maes parcio|ffenest|tren)',
      '(?:ysgrifennu|sgwennu|sgrifennu|ysgrifennais|sgwennais|gadael) (?:llythyrau|llythyr|nodyn|nodiadau)(?: [a-z]+){0,3} (?:i yr plant|i fy|ffarwel|hwyl fawr|i bawb|i mam|i yr teulu)',
      'gorffen (?:y cyfan|y cwbl|popeth|fy mywyd|pethau|hyn i gyd)(?: [a-z]+){0,2} (?:heno|nawr|rwan|heddiw|fory|yfory)',
      'fydda i ddim (?:yma|angen|o gwmpas)(?: [a-z]+){0,5} (?:ar ol|erbyn) (?:y penwythnos|heno|yfory|fory|nos)',
    ],
    guards: [String.raw`gwyliau|symud (?:ty|tŷ|allan|i)|sbaen|tramor|ar fy ngwyliau|bin|biniau|damwain|baglu|baglais|syrthio|ar y pafin|ar y palmant|yn y gwaith|popty|tegell|smwddio|coginio|llosg haul|trwsio|paentio|aros am|bws|golygfa|tynnu llun|cinio|picnic|pysgota`],
  },
  {
    // Welsh despair ("methu ymdopi rhagor", "methu cario mlaen"); frustration with a service is not (as cannot_go_on).
    id: 'welsh_despair', kind: 'suicide_self_harm', category: RISK, reason: 'says they cannot go on (Welsh)',
    patterns: [
      '(?:methu|ffaelu|sai yn gallu|ddim yn gallu|dw i ddim yn gallu) (?:ymdopi|cario mlaen|cario ymlaen|mynd ymlaen|dal ati|byw fel hyn)(?: [a-z]+){0,1} (?:rhagor|ddim mwy|mwyach|mwy)',
      'meddyliau (?:tywyll|hunanladd[a-z]*|am farw|am ladd fy hun)',
    ],
    guards: [String.raw`\b(?:bin|biniau|treth|dreth|cyngor|parcio|llwydni|tamp|damp|ffurflen|ffurflenni|ciw|gwefan|swn|cymdogion|atgyweir[a-z]*|landlord|rhent|bot)\b`],
  },
  {
    // Welsh: someone in danger now: not breathing, unconscious, in the water, trapped, hit by a car, not seen for days, a child
    // who swallowed something household.
    id: 'welsh_danger', kind: 'danger_now', category: RISK, reason: 'someone in danger now (Welsh)',
    patterns: [
      '(?:ddim|dim) yn anadlu', '(?:wedi|di) stopio anadlu', '(?:ddim|dim) yn symud', 'anymwybodol', '(?:wedi|di) llewygu', '(?:ddim|dim) yn ymateb',
      'ffoniwch (?:ambiwlans|999)', 'angen ambiwlans', 'trawiad (?:ar y galon|ar ei galon|ar ei chalon)', 'cael trawiad', 'tagu ar',
      '(?:syrthio|cwympo|disgyn|wedi mynd|mynd) (?:i mewn )?(?:i yr|ir|i|drwy yr|drwy) (?:afon|llyn|mor|harbwr|gamlas|camlas|pwll|dwr|rhew|gronfa|cronfa)',
      '(?:mae|ma) (?:o|e|hi|nhw|dyn|plentyn|bachgen|merch|rhywun|hogyn|hogan|dynes|fo|fe)(?: [a-z]+){0,3} yn y (?:dwr|mor|afon|llyn|harbwr)', `${WORRY_BEFORE_DROWNING}boddi`, 'methu nofio', 'mynd o dan y dwr',
      '(?:plentyn|dyn|dynes|bachgen|merch|rhywun|hogyn|hogan|babi|person|rhywun) yn y (?:dwr|mor|afon|llyn|harbwr)(?! (?:yn )?(?:cael|caniatau|ganiatau|iawn|bob))', '(?:tynnu|dynnu|gario|cario|chario) (?:allan )?gan y (?:llanw|tonnau|cerrynt|lli)',
      '(?:sownd|yn gaeth|gaeth) (?:o dan|dan|tu mewn)', 'o dan y (?:wal|rwbel|to|nenfwd|car)(?: [a-z]+){0,3} (?:sownd|methu|gaeth)',
      '(?:car|fan|lori|bws|beic)(?: [a-z]+){0,2} (?:wedi |di )?(?:taro|daro) (?:dyn|dynes|plentyn|rhywun|hen|merch|bachgen|hogyn|person|beiciwr|cerddwr|ddyn|ddynes|blentyn|rywun)',
      'gorwedd (?:yn y ffordd|ar y ffordd|ar y stryd|yn y stryd|ar y llawr|ar lawr)(?: [a-z]+){0,6} (?:gwaedu|waedu|oer|ddim|anadlu|symud|synnwyr|ateb)', 'gwaedu (?:yn ddrwg|lot|llawer|ym mhobman|yn ofnadwy|yn drwm)',
      'ddim wedi (?:agor|ateb) y drws ers (?:dyddiau|tridiau|wythnos|[a-z]+ diwrnod|[0-9]+ diwrnod|[a-z]+ niwrnod)', 'post yn pentyrru', 'llaeth (?:yn dal )?ar y (?:stepen|trothwy)',
      '(?:llyncu|lyncu|llyncodd)(?: [a-z]+){0,4} (?:tabled peiriant|peiriant golchi|hylif golchi|cannydd|batri|batris|capsiwl|capsiwlau|bleach)',
    ],
    // Round 70: drowning in fines, debt or bills, the Welsh idiom ("boddi mewn dirwyon", "boddi mewn dyled treth gyngor"): money, never water.
    guards: [String.raw`boddi (?:mewn|yn|dan|o dan) (?:[a-z]+ )?(?:dyled|dyledion|ddyled|dirwy|dirwyon|ddirwyon|biliau|filiau|bil|gwaith|waith|papurau|ffurflenni|ebyst|e byst|negeseuon|treth|rhent|costau|gostau|ffioedd)`,
      String.raw`\b(?:car|ceir|lori|traffig|ciw|bws|ffenest|drws ffrynt|olwyn|bin|biniau|cloc|gwefan|ap|pwll nofio|ar gau|llwybr|ar y newyddion)\b (?:[a-z]+ ){0,2}(?:ddim|dim) yn (?:symud|ymateb)|pwll nofio|ar y newyddion|flynyddoedd yn ol|well gen i|wythnos diwethaf(?: [a-z]+){0,6} (?:iawn nawr|iawn rwan)`],
  },
  {
    // Welsh: fire, smoke, gas, carbon monoxide, sparking electrics. A garden bonfire, fireworks, the news, a tested or faulty
    // alarm, buying a detector or a gas safety check are not.
    id: 'welsh_fire', kind: 'fire_gas_co', category: RISK, reason: 'fire or gas danger (Welsh)',
    patterns: [
      'ar dan', '(?:mae|ma) (?:yna |na )?(?:dan|tan) yn (?:y|yr)', '(?<!larwm )tan yn y (?:ty|gegin|fflat|fflatiau|bloc|sied|garej|adeilad|stafell|lolfa|ystafell|siop|to|atig)(?! (?:yn canu|ddim))', 'fflamau',
      'mwg (?:du |trwchus |gwyn |llwyd )?(?:yn dod|yn llenwi|ym mhobman|yn arllwys|yn codi|yn chwythu)', 'llawn mwg', '(?:arogl|ogla|oglau|hogla|gwynt|drewi o|drewi|ogleuo|arogleuo) (?:cryf )?(?:o )?nwy',
      'nwy yn (?:gollwng|dianc|hisian|dod)', 'gollyngiad nwy', 'drewdod (?:o )?nwy', '(?:boeler|mesurydd nwy|pibell nwy|popty nwy|tan nwy) yn hisian', 'nwy(?: [a-z]+){0,4} hisian|hisian(?: [a-z]+){0,4} nwy', 'carbon monocsid', 'larwm (?:co|carbon monocsid|nwy) yn canu',
      'gwreichion[a-z]*', 'soced yn (?:toddi|llosgi|mygu|boeth)', '(?:llosgi|losgi|tan)(?: [a-z]+){0,6} (?:lledu|ledu)', 'wedi mynd ar dan', 'methu ei ddiffodd|methu ei diffodd',
      // Carbon monoxide: an appliance beside the symptoms that cluster (headache, dizzy, drowsy, sick), or soot marks.
      '(?:boeler|tan nwy|gwresogydd|stof|llosgwr|generadur|simne|popty nwy)(?: [a-z]+){0,14} (?:cur pen|pen tost|benysgafn|pendro|cysglyd|gysglyd|chwydu|yn sal)',
      // Round 12: the same told symptoms first ("cur pen a chwydu ers i ni roi'r tân nwy ymlaen").
      '(?:cur pen|pen tost|benysgafn|pendro|cysglyd|gysglyd|chwydu)(?: [a-z]+){0,14} (?:boeler|tan nwy|gwresogydd|stof|llosgwr|generadur|popty nwy)', '(?:marciau du|huddygl)(?: [a-z]+){0,4} (?:boeler|tan nwy|gwresogydd|stof)|(?:boeler|tan nwy|gwresogydd|stof)(?: [a-z]+){0,4} (?:marciau du|huddygl)',
    ],
    guards: [
      // Round 72: a fire not wanted ("Dw i ddim eisiau rhoi'r glaswellt ar dân", I do not want to set the grass on fire, asking if a
      // barbecue is allowed): a rules question; "mae'r glaswellt ar dân" (the grass is on fire) still hits.
      String.raw`\b(?:ddim|dim|heb) (?:eisiau|isio|moyn|am|angen) (?:[a-z]+ ){0,4}(?:ar dan|roi tan|rhoi tan|cynnau tan)\b(?![^]*\b(?:mwg|fflamau|yn lledu|help|helpwch)\b)`,
      String.raw`llosgi (?:sbwriel|dail|gwastraff|plastig|teiars|pren)|coelcerth|barbeciw|tan gwyllt|ar y newyddion|ar facebook|am ddim rheswm|profi|brofi|prawf|(?:does |nid oes |sdim )?dim tan|prynu|brynu|phrynu|cael (?:larwm|synhwyrydd)|batri|diogelwch nwy|rhag ofn|dim nwy|dim arogl|popeth yn iawn|pawb yn iawn|wedi (?:ei |i )?drwsio|bil (?:nwy|trydan)|cyflenwr|mesurydd|tan (?:hanner nos|y bore|yn hwyr|[0-9])|wythnos diwethaf|llynedd|yn normal`],
  },
  {
    // Welsh: violence happening now: a break-in under way, someone hiding, a beating, bricks through the windows.
    id: 'welsh_violence', kind: 'crime_violence', refine: ['domestic_abuse', 'child_at_risk'], category: RISK, reason: 'violence happening now (Welsh)',
    patterns: [
      '(?:rhywun|rhywrai|dyn|dynion|nhw|lleidr|lladron|criw) yn (?:torri|trio torri|ceisio torri) i mewn', 'torri i mewn(?: [a-z]+){0,6} (?:rwan|nawr|ar hyn o bryd)',
      'rhywun yn y (?:ty|fflat|stafell)(?: [a-z]+){0,6} (?:cuddio|guddio)', '(?:dw i|dwi|rydyn ni|dan ni|ni|rwy|rydw i) yn cuddio',
      'yn (?:curo|churo|cicio|gicio|ymosod ar|stampio ar|pwnio|dyrnu) (?:dyn|dynes|bachgen|hogyn|merch|rhywun|person|hen ddyn|boi|plentyn|ddyn|fachgen|rywun)',
      '(?:wedi|di) ymosod ar (?:ddyn|dyn|fenyw|ddynes|rywun|rhywun|fachgen|ferch|hen ddyn)', '(?:taflu|daflu) (?:brics|bricsen|cerrig|poteli|carreg)(?: [a-z]+){0,3} (?:drwy|at) (?:y |yr )?(?:ffenest|ffenestri|drws|ty|car|pobl)',
    ],
    guards: [String.raw`flynyddoedd yn ol|blynyddoedd yn ol|y llynedd|wythnos diwethaf|ar y newyddion|rhif trosedd`],
  },
  // --- risk to life: someone in danger now ------------------------------------------------------
  {
    // A weapon, or a threat to kill: immediate danger (rule 2: domestic abuse with an immediate threat).
    id: 'weapon_or_threat_to_kill', kind: 'crime_violence', refine: ['suicide_self_harm', 'domestic_abuse', 'child_at_risk'], category: RISK, reason: 'weapon or threat to kill',
    patterns: [
      `(?:with|has|got|holding|waving|carrying|pulled|pulling|brandishing|pointing|wielding|threatening me with|came at me with) (?:a |an |his |her |their |the )?${WEAPON}`,
      `${WEAPON} (?:to|at|against) (?:my|his|her|our|their|me|him|her|us)`,
      // Round 47: a weapon fired, waved or held that "looks like" one ("someone's firing what looks like a gun in the car park, people are
      // diving on the ground"): the likeness names what is used, the act is told. A toy, a replica or a knife mark is not.
      `(?:firing|fired|shooting|waving|waved|pointing|pointed|brandishing|wielding|holding|carrying|pulled out|pulling out|pulled|got|has) what (?:looks|looked|seems|seemed|appears|appeared) (?:to be |like )(?:a |an )?(?:real )?${WEAPON}(?! (?:mark|marks|wound|wounds|cut|cuts|sharpener|block|set|shaped|edge|handle|tattoo))(?!(?: [a-z]+){0,8} (?:toy|toys|water pistol|nerf|replica|fake|prop|props|costume|airsoft|paintball|cap gun|bb gun|lighter))`,
      `${NOT_A_THING_TRYING}(?:threaten|threatens|threatening|threatened|trying to|tried to|try to) (?:to )?(?:kill|murder|stab|shoot|strangle|burn) ${VICTIM}`,
      `(?:he|she|they|someone|somebody|${RELATIVE}|the man|a man|my neighbour|he is|she is|they are)(?: really| actually| definitely)? (?:going to|will|would|wants to|want to|is going to|are going to) (?:kill|murder|stab|shoot|strangle) ${VICTIM}`,
      // Round 31: a threat to burn people out, with petrol or a lighter ("neighbours son outside with petrol saying hell burn us out").
      `(?:saying|says|said|threatening|threatened|threatens|shouting|screaming)(?: that)? (?:(?:he|she|they)(?: is| are)? (?:will|would|is going to|are going to|was going to|going to|gonna|is gonna)|hell|shell|theyll|hed|shed) (?:burn|torch|petrol bomb|firebomb) (?:us|me|them|you|the house|our house|my house|the flat|our flat|my flat|the place|her|him)(?: out| down)?`,
      `(?:said|says|keeps saying|swears|swore|told me|threatened)(?: that)? (?:he|she|they)(?: is| are)? (?:would|will|is going to|was going to|going to) (?:kill|murder|stab|shoot|strangle) ${VICTIM}`,
      // Round 26: a noise likened to a gunshot ("a bang like a gunshot", "sounds like gunshots") is no gunshot, unless someone
      // shooting, hurt, screaming or running off is told within a few words of it (SHOT_SIMILE_PERSON, below).
      // Round 35: a stabbing or a shooting dated by a month or a season ("a stabbing on the estate back in March, it's calmer now",
      // "someone was stabbed outside the chippy in the spring") is told as past, unless something present is told ("just now", "tonight",
      // "bleeding"). Only this match is dated: a knife named now beside it still hits on its own.
      `${NOT_DATED_HARM}(?:stabbed|been shot|got shot|was shot|has been shot|is shot|shot at|stabbing|shots fired|${NOT_A_SIMILE}(?:gunshots?|gun shots?)|been slashed|got slashed|was slashed)`,
      // Round 53: a gun fired at the writer or those with them ("shooting at deer and theyve just fired at me on the footpath").
      `${NOT_DATED_HARM}(?:fired|firing|fires|fire|shooting|shoots|shot) (?:a gun |a shotgun |a rifle |an air rifle |a shot |shots |a round |rounds |pellets )?(?:at|towards|toward) (?:me|us|my (?:son|daughter|dog|wife|husband|partner|kids|children|mate|friend))(?= )(?!(?: [a-z]+){0,3} (?:water pistols?|water guns?|water|nerf|nerf guns?|snowballs?|paintballs?|paint balls?|questions|emails|looks|glares|fireworks|rockets|bangers|peas|pea shooters?|bubbles|cameras?|photos|insults|abuse|words))`,
      `${SHOT_SIMILE}(?: [a-z]+){0,14} ${SHOT_SIMILE_PERSON}`, `${SHOT_SIMILE_PERSON}(?: [a-z]+){0,14} ${SHOT_SIMILE}`,
      // A simile nobody explains ("sounds like gunshots from the flat upstairs, I'm terrified") is still a report: round 26 let it
      // through with nothing. What makes the noise, named before or after it, guards it (SHOT_EXPLAINED).
      `(?<!${SHOT_SOURCE}(?: [a-z0-9]+){0,12} )${SHOT_SIMILE}(?!(?: [a-z0-9]+){0,12} ${SHOT_EXPLAINED})`,
      // Someone shooting now ("someone is shooting outside", "lads shooting at cars"): not a film, a photo, hoops or game.
      String.raw`(?:someone|somebody|a man|a guy|a lad|men|lads|people|they|he|she)(?: is| are| s)? (?:shooting|firing)(?: a gun| guns| shots)?(?= (?:at (?:people|us|me|him|her|them|cars|houses|the house|windows|each other)|outside|in the street|on the estate|near|right now|now)\b)(?! [a-z ]{0,20}(?:film|video|photo|hoops|rabbits|pigeons|clay|range|scene))`,
      `(?:he|she|they|${RELATIVE}) (?:will|would|is going to|are going to|is gonna|going to|wants to|threatened to|threatening to) (?:finish|do) (?:me|us|her|him|them) (?:off|in)`,
      // Round 41: a threat to shoot, stab or kill the staff, the pupils or the people of a place ("a call saying someone is coming to the
      // school today to shoot staff", "threatened to come in and stab the teachers"); not a photographer or a film crew coming to shoot
      // the pupils' portraits, nor an email shot to the staff.
      `${NOT_A_SHOOT_CREW}(?:coming|come|comes|going|goes|turn up|turning up|on (?:his|her|their|the) way|threat(?:en|ens|ened|ening)?(?: to)?|saying|said|says|warned|vowed|promised)(?: [a-z0-9]+){0,7} (?:to )?(?:shoot|stab|kill|murder|attack|bomb|blow up) (?:the |our |all the |all |some |any |every |those |its |his |her |their )?(?:staff|pupils|students|teachers|children|kids|everyone|everybody|people|workers|colleagues|customers|residents|class|classes|worshippers)(?! (?:for|portraits?|photos?|pictures?|headshots?|an? (?:email|message|text|reminder)|a quick)\b)`,
      // Round 41: a school or a workplace in lockdown now, told with what locked it down ("lockdown in place, police called", "the school
      // is in lockdown, a man with a knife at the gate"); a lockdown drill, a policy or the pandemic's lockdowns are not.
      `(?:school|college|academy|nursery|site|building|office|we|pupils|staff)(?: [a-z]+){0,2} (?:is|are|s|have gone|has gone|has been put|have been put|is now|are now|now|currently) (?:in|into|on) (?:full |a |total |emergency )?lockdown(?! (?:drill|practice|test|rehearsal|policy|procedures?|training|exercise))(?=(?: [a-z0-9]+){0,14} (?:police|armed|intruder|threat|gun|knife|weapon|shoot[a-z]*|stab[a-z]*|attacker|gunman))`,
      `lockdown (?:is |now |has been |was just )?(?:in place|called|activated|initiated|triggered)(?=(?: [a-z0-9]+){0,14} (?:police|armed|intruder|threat|gun|knife|weapon|shoot[a-z]*|stab[a-z]*|attacker|gunman))`,
      // Round 29: a threat to kill told as "next time" and finishing ("he said next time hell finish it", "next time she'll finish
      // the job", "told me next time he will finish me"): the next time of a harm already done. "next time I'll finish the painting",
      // a job or a form, is no threat: "it" needs a saying or threatening verb before, and a person finishes; a tradesperson, a teacher
      // or a tattooist finishing next time is a job.
      `${NOT_A_TRADE_BEFORE}(?:said|says|saying|told me|tells me|telling me|threatened|threatens|warned me|warns me|swore|swears|texted|messaged|screamed|shouted)(?: that| me)?(?: [a-z]+){0,2} ${NEXT_TIME_FINISH}(?:it|me|me off|us|the job|what (?:he|she|they) started|(?:her|him|them) off)(?! (?:off )?(?:for|by|before|after|on|at|in|tomorrow|later|first|properly|quicker|faster|sooner) )`,
      `${NOT_A_TRADE_BEFORE}${NEXT_TIME_FINISH}(?:me|me off|us|us off|the job|what (?:he|she|they) started)(?! (?:for|by|before|after|on|at|in|tomorrow|later|first|properly|quicker|faster|sooner) )`,
      // Round 15: smothering or strangling told as done ("he held a pillow over my face as a 'joke'"): an attempt on a life, never a joke.
      `(?:held|holds|holding|put|puts|pushed|pushes|pressed|presses|pressing) (?:a |the |his |her )?(?:pillow|cushion|plastic bag|bag|hand|hands) (?:over|on|against) (?:my|her|his) (?:face|mouth|nose|head)`,
      `(?:hands?|fingers|arm) (?:round|around|on) (?:my|her) (?:neck|throat)(?! (?:is|are|hurts?|aches?|pain))`,
      // Round 15: a threat to burn a home with people in it ("he'll burn the place with me in it"), whatever the reason given.
      `(?:burn|burns|burnt|burning|torch|torches|torching|set fire to|set light to|petrol bomb) (?:the|my|our|this|your|her|his|their) (?:place|house|flat|home|room|caravan)(?: down)? (?:with|and) (?:me|us|you|her|him|them|the kids|my kids|the children|the baby|everyone)(?: and (?:the |my |our )?(?:kids|children|baby|family|dog))?(?: still)? (?:in it|inside|in there|in bed)`,
      `(?<!^ )(?:kill|killed|killing|murdered|strangled) (?:her|him|me|someone|somebody)(?= (?:now|right now|in there|next door|help|please))`,
      // Going for someone with whatever is to hand: "smashed a bottle and is going for a woman with it".
      `(?:is|are|has|have|just|now|he|she|they|someone|somebody|one of them)(?: just)? (?:going for|gone for|went for|lunging at|swinging at|coming at) (?:a |the |my |our |his |her )?(?:${PERSON}|neighbour|people|someone|somebody|me|us|him|her|them)`,
    ],
    // Round 71: a thing, not a person, shot out or likened to gunshots ("light ... I reckon someone's shot it out with an air rifle. can
    // you replace it"; "manhole cover ... bang bang all night, sounds like gunshots"): a repair; a person shot at or hit, a threat, or
    // someone screaming or hurt still hits. Round 72: any verb of noise likened to a gunshot ("fire door ... slams like a gunshot every
    // time someone goes out"; bangs, cracks, booms or goes like a gun going off), not only "sounds like".
    textGuards: [
      // Round 73: stinging insects that "went for" the writer (INSECTS_ATTACKING): a pest report.
      INSECTS_ATTACKING,
      // Round 80: the writer's own hyperbole with a gun, taken back as a joke ("I'm this close to sitting up all night with the shotgun.
      // Joking. Mostly."); "not joking", anyone named as a target, or anyone hurt still hits.
      String.raw`^(?![^]*\b(?:not joking|no joke|not a joke|serious|seriously|at (?:him|her|them|someone|people)|hurt|shot (?:him|her|them|someone)|police)\b)[^]*\b(?:this close to|so close to|tempted to|half tempted to|about ready to|nearly)(?: [a-z]+){0,8} with (?:the|my|a) (?:shotgun|gun|rifle|air rifle|pitchfork|axe)\b[^]*\b(?:joking|joke|kidding)\b`,
      // Round 80: a threat to murder told beside a request for parking permits ("Visitor permits for the village please ... the landlord's
      // threatening to murder us"), no weapon, no harm and no fear told: a dispute, not a threat to life.
      String.raw`^(?![^]*\b(?:knife|knives|gun|shotgun|weapon|hit|hits|punch[a-z]*|attack[a-z]*|assault[a-z]*|scared|afraid|frightened|terrified|hurt|police|999|really|means it|serious)\b)(?=[^]*\b(?:visitor|resident|parking) permits?\b)[^]*\b(?:threatening|threatened|threatens) to (?:murder|kill) (?:us|them|everyone|the lot of us)\b`,
      // Round 73: a young child's outburst relayed for a course or support ("he told his teacher he'd kill her over a pencil. He's 7"):
      // a child of nine or under, a threat said to a teacher or family, and help with behaviour asked; a weapon, anyone hurt or now hits.
      YOUNG_CHILD_OUTBURST,
      // Round 73: a thing "shot to bits" or "to pieces" (a bus pass, a photo, nerves, a back): worn out, nothing fired; a person shot,
      // a gun, blood or the police still hits.
      String.raw`^(?![^]*\b(?:guns?|shooting|shooter|gunman|armed|bleeding|blood|injur[a-z]*|police|ambulance|999|(?:he|she|they|someone|somebody|man|woman|lad|boy|girl|him|her|them) (?:was |were |is |are |got |has been |have been |been )?shot(?! to))\b)[^]*\b(?:it|its|this|that|pass|card|photo|picture|nerves|back|knees?|hips?|memory|phone|screen|sign|fence|door|window|brakes|suspension|clutch|gearbox|tyres?|roof|car|van|boiler|shed|bin|lid|confidence|plans?|budget|finances|eyesight|eyes|road|pavement)(?: is| are| s| was| were| got| has been| have been| been| all)? (?:all |completely |totally |absolutely |a bit |well |properly )?shot to (?:bits|pieces)\b`,
      String.raw`^(?![^]*\b(?:at (?:me|us|people|kids|children|him|her|them|someone|somebody|my [a-z]+|the (?:kids|children|dog|cat|house|window)|cars)|hit (?:me|him|her|someone|somebody|my)|injur[a-z]*|hurt|bleeding|blood|threat[a-z]*|pointing|pointed|aimed|screaming|scream|shouting)\b)[^]*\b(?:light|lights|lamp|lamps|bulb|bulbs|street ?light|street ?lights|lamp ?post|sign|signs|camera|cctv)\b[^]*\b(?:shot|shooting|shoot|shoots|shooting out) (?:it |them |the [a-z]+ |the [a-z]+ [a-z]+ )?out\b(?! of)`,
      String.raw`^(?![^]*\b(?:screaming|scream|screams|shouting|hurt|injur[a-z]*|bleeding|blood|someone (?:down|shot|hit)|police|armed|gun (?:at|in)|man with|men with|on the ground|lying|looks like a gun|pointing|aimed)\b)[^]*\b(?:manhole|cover|covers|drain|grate|grid|exhaust|car|cars|van|lorry|lorries|bus|buses|fireworks?|bins?|door|doors|pipes?|boiler|scaffold[a-z]*|road|bridge|shutter|shutters|skip|skips|bangers?)\b[^]*\b(?:(?:sounds?|sounded|sounding|slams?|slammed|slamming|bangs?|banged|banging|goes|went|going|cracks?|cracked|cracking|booms?|boomed|booming|pops?|popped|popping|echoes|echoed|backfires?|backfired|backfiring|shuts?|clangs?|clanged|clanging|claps?|clapped) (?:just |exactly |literally )?like|as loud as) (?:an? )?(?:gun ?shots?|gunfire|a gun going off|gun going off|shots being fired|a shotgun going off|shotgun going off|shotgun|gun)\b`,
    ],
    guards: [
      // Round 74: "the bottle" as drink ("because of my history with the bottle", "he's back on the bottle"): drinking, never a weapon.
      String.raw`\b(?:history|problems?|battles?|struggles?|issues?|trouble|fight|relationship|past|years|done) with (?:the )?bottle\b|\b(?:on|off|hit|hitting|hits|back on|came off|come off) the bottle\b`,
      // Round 70: a wound from a war told as the past beside an ordinary request ("my husband was shot in the leg in the war and walks with
      // crutches ... we cannot pull the bins to the road"): history, never a gun now; not beside a threat, "now", "today" or a weapon seen.
      String.raw`\b(?:was|were|got|been|had been|has been|is)(?: [a-z]+)? (?:shot|stabbed|wounded|injured|hit by (?:a )?(?:bullet|shrapnel|shell|bomb|mine))(?: [a-z]+){0,5} (?:in|during|from) the (?:war|civil war|fighting|bombing|shelling|conflict|army|invasion)\b(?![^]*\b(?:now|today|tonight|just now|again|threat[a-z]*|says (?:he|she|they) will|outside|has a (?:gun|knife))\b)`,
      String.raw`\b(?:in|during) the (?:war|civil war|fighting|bombing|shelling|conflict|invasion)(?: [a-z]+){0,3} (?:he|she|i|my [a-z]+) (?:was|were|got) (?:shot|stabbed|wounded)\b(?![^]*\b(?:now|today|tonight|just now|again|threat[a-z]*|outside)\b)`,
      // Round 69: a parent relaying a claim that many carry knives "for protection" ("son 15 says everyone at school has a knife for
      // protection, is that true?? where do i get advice"), nothing drawn, threatened or happening now in reach: a worry about talk at
      // school; "says everyone has a knife and a boy pulled one on him today" and "my son has a knife for protection" still hit.
      String.raw`\b(?:says|said|reckons|told me|tells me|claims|thinks|heard)(?: that)? (?:everyone|everybody|all the (?:kids|lads|boys|girls)|loads of (?:kids|lads|boys|people)|half the (?:kids|lads|boys|school|year|class))(?: [a-z]+){0,3} (?:has|have|carries|carry|carrying|has got|have got|got) (?:a )?(?:knife|knives|blades?)(?: [a-z]+){0,2} (?:for protection|to protect (?:themselves|himself|herself|yourself)|for safety)\b(?![^]*\b(?:now|right now|outside|threaten[a-z]*|stab[a-z]*|attack[a-z]*|chas[a-z]*|pulled|waving|bleeding|hurt)\b)`,
      // The same report without "for protection", the parent asking whom to talk to ("my kids say loads of kids carry knives at their
      // school, who can I talk to about it": engineer's probe after round 69).
      String.raw`\b(?:say|says|said|reckons|told me|tell me|tells me|claim|claims)(?: that)? (?:everyone|everybody|all the (?:kids|lads|boys|girls)|loads of (?:kids|lads|boys|people)|lots of (?:kids|lads|boys)|half the (?:kids|lads|boys|school|year|class))(?: [a-z]+){0,3} (?:carry|carries|have|has got|have got|bring|brings) (?:a )?(?:knife|knives|blades?)(?: [a-z]+){0,4} (?:who (?:can|should|do) i (?:talk|speak) to|where (?:can|do) i (?:get|find) (?:advice|help|support)|any advice|what (?:can|should) i do)\b(?![^]*\b(?:now|right now|outside|threaten[a-z]*|stab[a-z]*|attack[a-z]*|chas[a-z]*|pulled|waving|bleeding|hurt)\b)`,
      // Round 69: a teenager caught with a knife and already arrested or cautioned ("my son got caught with a knife in his bag at school,
      // hes been arrested and released, what happens next with the youth offending"): the police have dealt with it, nothing drawn,
      // threatened or happening now in reach; "caught with a knife, arrested, and now the gang is threatening him" still hits.
      String.raw`\b(?:caught|found|stopped) with (?:a |the )?(?:knife|blade|penknife)(?: [a-z]+){0,8} (?:(?:been|was|got|has been|is) (?:arrested|cautioned|charged)|the police (?:dealt with it|sorted it|were involved|have dealt with it|handled it))\b(?![^]*\b(?:now|again|threaten[a-z]*|stab[a-z]*|attack[a-z]*|chas[a-z]*|pulled|waving|scared|afraid|bleeding|hurt)\b)`,
      // Round 72: a thing, not a person, as the stabber ("my old gaming chair ... a spring stabbed me in the back last week lol"; a nail,
      // a wire or a splinter that stabbed me): furniture or a repair; a person or a knife, a threat, or stabbed now with blood still hits.
      String.raw`\b(?:springs?|nails?|screws?|wires?|staples?|bolts?|splinters?|thorns?|brambles?|pins?|spikes?|shards?|glass|bits? of (?:metal|wood|plastic|glass)|the (?:chair|sofa|mattress|bed|seat|frame))(?: [a-z]+){0,4} (?:stabbed|stabbing|stabs|stab|stuck|poked|jabbed) (?:me|him|her|us|my [a-z]+)\b(?![^]*\b(?:knife|knives|blade|threat[a-z]*|bleeding (?:heavily|a lot)|he|she|they|man|men)\b)`,
      // Round 68: "shot down" for refused, an idea, a loan, a plan or the writer turned down ("feel like I've been shot down in flames",
      // "my licence application got shot down again"): a refusal, never a gun; "shot down the road" or "shot by" someone still hits.
      String.raw`\bshot down in flames\b|\b(?:idea|ideas|plan|plans|application|applications|proposal|proposals|bid|bids|request|requests|loan|loans|appeal|appeals|suggestion|suggestions|pitch|offer|objection|objections)(?: [a-z]+){0,2} (?:was|were|got|gets|get|been|has been|have been|keeps getting|kept getting|just got) shot down\b(?! (?:the|a|by|outside|near|on|at|in)\b)`,
      // Round 66: forces humour, a punishment named by its idiom ("the neighbours will have me shot at dawn", "she'd have me court
      // martialled"): a firing squad for a wrong bin, never a gun pointed; someone shot at now is not "shot at dawn".
      String.raw`\b(?:shot at dawn|(?:have|had|get|got|want) (?:me|us|him|her|them|you) (?:court martialled|court martialed|put in the glasshouse|hung drawn and quartered))\b`,
      // Round 66: a thing that "didn't try to kill me" (rations, food, a meal compared with a bad takeaway), the attempt denied of a thing:
      // never beside a weapon, a blow or a threat.
      THING_DID_NOT_TRY_TO_KILL,
      // Round 67: violence a sentence was served for, named as the offence ("he served eleven years for a stabbing when he was young",
      // "did time for a shooting", "convicted of a stabbing"): a conviction told, never a knife now; nothing present beside it.
      String.raw`\b(?:served|serving|did|done|doing|sentenced|jailed|convicted|imprisoned|locked up|sent down|went down|got|given|inside|time)(?: (?:[0-9]+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|life|years?|months?|time|bird|sentence|stretch|his|her|their|in prison|in jail|inside|down))* (?:for|of) (?:a |an |the |that )?(?:stabbing|shooting|stabbing someone|shooting someone)\b(?![^]*\b(?:just now|right now|tonight|today|bleeding|ambulance|999|again|outside|threaten[a-z]*|knife|knives|gun)\b)`,
      // Round 67: someone visited after a stabbing or a shooting, the visit the subject ("fined me when I was visiting my dad after he got
      // stabbed"): the harm told as past, the hospital or the visit the matter. "I was visiting my dad and he got stabbed" still hits.
      String.raw`\b(?:visiting|visited|visit|went to see|going to see|seeing) (?:my |his |her |our |their |a )?[a-z]+ (?:in hospital |at the hospital |on the ward )?(?:after|since) (?:he|she|they) (?:got|was|were|had been|had got) (?:stabbed|shot)\b(?![^]*\b(?:just now|right now|tonight|today|bleeding|again)\b)`,
      // Round 67: music, a film, a game or a video that is "about" stabbing or shooting people ("drill music full blast every night all
      // about stabbing people"; "filming a drama on our street all about a stabbing": engineer's probe after round 67): what the noise or
      // the content is about, never an act.
      String.raw`\b(?:music|songs?|tracks?|lyrics|rap|raps|drill|films?|movies?|videos?|games?|programmes?|shows?|books?|posts?|tiktoks?|dramas?|series|episodes?|plays?|documentar(?:y|ies)|podcasts?|scenes?)(?: [a-z]+){0,6} (?:all |just |always |only )?about (?:a |the )?(?:stabbing|shooting|killing|murdering|knifing|murder)s?\b`,
      // Round 67: hyperbole that prefers a harm to a thing of the service ("I'd rather be stabbed in the eye than use it again"): a
      // comparison, never a threat; never beside a saying, a threat, a blow or a weapon ("he says he will kill me tonight" still hits).
      String.raw`(?<!\b(?:says|said|saying|told me|threat[a-z]*|knife|knives|gun|hit|hits|hitting)\b[^]*)\brather (?:be|get|have been|been|have) (?:stabbed|shot|killed|murdered|strangled|set on fire)(?: [a-z]+){0,6} than\b(?![^]*\b(?:says|said|saying|told me|threat[a-z]*|knife|knives|gun|hit|hits|hitting)\b)`,
      // Round 67: a relative who "is going to kill me" over a deadline, a form or an application not done ("the school admissions
      // deadline is tomorrow and i haven't done it my wife is going to kill me"): the idiom; never beside a saying, threat, blow or fear.
      String.raw`^(?![^]*\b(?:said|says|saying|told me|threat[a-z]*|swore|swears|hit|hits|hitting|knife|knives|weapon|scared|afraid|frightened|terrified|hurt[a-z]*|beat[a-z]*|punch[a-z]*|strangl[a-z]*)\b)[^]*\b(?:deadlines?|forms?|applications?|paperwork|admissions|assignments?|essays?|homework|tax returns?|renewals?|enrolment|enrollment)\b(?: [a-z0-9]+){0,12} (?:my |the )?(?:wife|husband|missus|partner|mum|dad|mam|mom|nan|other half|boss|tutor|supervisor|she|he|they) (?:is |s |will |would )?(?:going to|gonna|will|is going to|is gonna) (?:kill|murder) (?:me|us)\b`,
      // Round 66: a relative who "will kill me" if a chore is not done, the chore told after "if" ("Missus says if I don't sort it she'll kill
      // me", "if we don't book the bulky collection he'll murder us"): the idiom; never a debt, money or a person (pay him, give her).
      String.raw`\bif (?:i|we) (?:do not|did not|never|cannot|can not) (?:sort|book|renew|order|fix|mow|cut|empty|put out|remember|tidy|clean|register|apply|get (?:it|the [a-z]+) (?:sorted|done|fixed|booked|renewed|emptied)|get round to)(?: (?!him|her|them|money|debt|cash|drugs)[a-z0-9]+){0,6} (?:she|he|they|the missus|missus|my (?:wife|husband|missus|partner|mum|dad|mam|nan|other half)) (?:will|would|is going to|is gonna|are going to) (?:kill|murder|strangle|throttle) (?:me|us)\b(?![^]*\b(?:knife|knives|gun|weapon|hit|hits|hitting|punch[a-z]*|threat[a-z]*|strangl[a-z]*|scared|afraid|frightened|terrified|hurt[a-z]*|beat[a-z]*)\b)`,
      // Round 65: a plant, a thing or the weather "trying to kill me" ("the christmas tree its trying to kill me with needles"): hyperbole.
      THING_TRYING_TO_KILL,
      // Round 64: someone cared for who believes the carers or staff are trying to kill them, denied beside the cause ("mum says the carers are
      // trying to kill her. they arent, shes got uti again").
      String.raw`\b(?:says|said|thinks|convinced|believes|insists|keeps saying|reckons)(?: that)? (?:the )?(?:carers?|staff|nurses?|doctors?|neighbours?|they|people|everyone) (?:are|is) (?:trying to|going to|out to) (?:kill|poison|murder)(?: (?:her|him|them))?(?: [a-z]+){0,2} (?:they are not|they were not|no they are not|(?:she|he) (?:has|is) got (?:a )?(?:uti|infection|dementia|delirium)|uti|delirium|dementia|confused|paranoid)\b`,
      // Round 52: care for the crews as the reason for asking how to throw something away ("don't fancy stabbing a bin man").
      CARE_NOT_TO_HARM, CARE_NOT_HURT_CREWS,
      // Round 59: insects or animals as the subject of "going to kill me" ("theres a wasps nest under the eaves and theyre going to kill me
      // every time i go out"): a pest, no threat; a person named as the subject ("he is going to kill me") is not guarded.
      PESTS_GOING_TO_KILL, PLANTS_TRYING_TO_KILL, CLASS_TRYING_TO_KILL,
      // Round 54: a knife block, a knife set or a rack is a kitchen thing ("what do I do with a knife block and old kitchen knives?"),
      // never a knife held; kitchen knives asked about for the bin or the tip are a disposal question.
      String.raw`\b(?:with|has|got|holding|carrying) (?:a |an |the |his |her |their |my |our |old )?(?:knife|knives) (?:blocks?|sets?|racks?|holders?|stands?|sharpeners?|drawers?|magnets?)\b`,
      // Round 57: the writer tempted to smash a thing with a hammer or a bat in exasperation ("i was ready to smash it myself with a
      // hammer" at a shop alarm ringing for hours); a hammer taken to a person, or a door broken in by someone else, still hits.
      String.raw`\b(?:i|we) (?:was|were|am|are|could|felt like|feel like|nearly|almost)(?: (?:ready|tempted|about|going))?(?: to)? (?:smash|break|bash|whack|take) (?:it|that|the (?!(?:man|woman|guy|bloke|lad|lads|kid|kids|boy|girl|neighbours?|baby|dog|cat|door|window)\b)[a-z]+)(?: (?:myself|ourselves|up|to bits|to pieces|in))? with a (?:hammer|bat|baseball bat|mallet|sledgehammer|sledge hammer|crowbar)\b`,
      // Round 57: a neighbour's licensed gun, seen kept or cleaned ("has a gun licence and i saw him cleaning a shotgun ... hes never
      // threatened anyone"), with no gun pointed, fired or threatened with and nobody afraid: a question about the law. A licence told
      // beside a gun aimed or a threat still hits.
      String.raw`(?<!\b(?:point(?:ed|ing|s)?|aim(?:ed|ing|s)?|wav(?:ed|ing|es)|threaten(?:ed|ing|s)? (?:me|us|him|her|them|to)|shot|shoot(?:ing|s)?|fir(?:ed|ing)|kill|scared|terrified|drunk)\b[^]*)\b(?:gun|shotgun|firearms?|rifle) (?:licen[cs]e|certificate)\b(?![^]*\b(?:point(?:ed|ing|s)?|aim(?:ed|ing|s)?|wav(?:ed|ing|es)|threaten(?:ed|ing|s)? (?:me|us|him|her|them|to)|shot|shoot(?:ing|s)?|fir(?:ed|ing)|kill|scared|terrified|drunk)\b)`,
      String.raw`\b(?:old |blunt |broken |spare |unwanted )?(?:kitchen )?knives(?: [a-z]+){0,8} (?:go|going|put|goes) (?:in|into) (?:the |a |my )?(?:general |black |household |recycling |grey )?(?:bin|waste|rubbish|recycling)\b`,
      // Round 48: a gunshot asked and denied by the writer in the same breath ("gunshots? no, it was fireworks again"): a noise complaint.
      String.raw`\b(?:gun ?shots?|gunfire|shots|shooting|explosions?|a gun|bombs?)(?: [a-z]+){0,2} (?:no|nope|nah|not really|of course not)(?: [a-z]+)? (?:it was|it is|it s|they were|they are|just|only|turned out to be|turns out it was)(?: just| only| actually| probably)? (?:fireworks?|bangers?|a firework|a banger|a car|cars|backfir[a-z]*|an exhaust|a motorbike|the telly|a film|a game|a bin lorry|bin lids?|doors?|kids)\b`,
      // Round 44: someone unnamed who "will kill us" for a nuisance of ours (blocking them in, parking, noise), nobody said to have
      // threatened it ("its a nightmare to park and someone will kill us for blocking them"): a worry, not a threat.
      String.raw`(?<!\b(?:said|says|told|tells|threatened|threatening|threatens|shouted|shouting|shouts|screamed|screaming|saying|text(?:ed)?|messaged|warned)\b[^]*)\b(?:someone|somebody|people|everyone|everybody|the neighbours|they) (?:will|would|is going to|are going to|is gonna|are gonna|going to|gonna|might|could) kill (?:us|me|him|her|them) for (?:blocking|parking|double parking|taking (?:their|the|his|her) (?:space|spot)|the noise|making noise|being late|being noisy)\b`,
      // "my wife will kill me if the bins are missed again": an idiom, not a threat.
      String.raw`kill (?:me|us|him|her) if(?: [a-z0-9]+){0,6} (?:bins?|collected|emptied|late|forget|forgot|miss|missed|parking|ticket|fine|council|tax|bill|garden|mess|lawn|car|paint|scratch|see|finds? out about the)`,
      String.raw`kill (?:my|his|her|the) (?:dog|cat|pet|plants?|grass|lawn|hedge|trees?|flowers?|weeds?)`,
      // Engineer's probe after round 47: someone who "will kill me for" a small thing done ("my daughter says she'll kill me for posting
      // this"), never for leaving or telling, and never beside a weapon, a blow, a threat or fear.
      String.raw`kill (?:me|us) for (?:posting|sharing|asking|forgetting|missing|being late|spending|buying|parking|losing|breaking|scratching|booking|wasting|eating|burning the)\b(?![^]*\b(?:knife|knives|gun|weapon|hits?|hitting|punch[a-z]*|strangl[a-z]*|threaten[a-z]*|scared|afraid|terrified)\b)`,
      // Round 45: pests a relative wants killed ("rats under the decking ... my wife wants to kill them all"), and a relative who "will
      // murder me" if the writer gets a chore wrong ("if i get it wrong one more time my wife will murder me"); not "if i leave".
      PESTS_KILLED,
      String.raw`\bif (?:i|we) (?:get (?:it|this|that|them|the [a-z]+(?: [a-z]+)?) wrong|forget|forgot|miss|mess (?:it|this|that|up)|muck (?:it|this|that|up)|put (?:out )?the wrong|lose|break|scratch|burn the|ruin)(?: (?!said|says|told|tells|threatened|threatens|threatening|swore|swears|warned|hit|hits|hurt|hurts)[a-z0-9]+){0,8} (?:will|would|is going to|are going to|is gonna|are gonna|gonna) (?:murder|kill|strangle|throttle) (?:me|us)\b`,
      // Round 12: "kill me now" said of oneself in exasperation ("i said MISSED bin. kill me now"): no one named to do it.
      // Round 15: whole words only before it ("this chatbot is a nightmare. kill me now": "are" ends "nightmare").
      String.raw`(?<!(?:^|[^a-z])(?:to|will|would|gonna|is|are|he|she|they|could|might|may|shall|and|then|going|wants|want|trying|about|gun|knife) )kill me now`,
      String.raw`(?:finish|do) (?:me|us|him|her) (?:off|in) if|(?:stairs|hill|walk|heat|cold|job|shift|bill|bills|council tax|rent|kids|gym|garden) (?:will|would|is going to) (?:finish|do) (?:me|us|him|her)`,
      String.raw`stabbing pains?|shooting (?:range|club|star|video|film|photos?|pains?)|clay pigeon|knife (?:crime|amnesty|bin|sharpening)`,
      // Round 43: a weapon word as an adjective or a simile ("a knife-sharp bit of hull damage", "the wind is sharp as a knife").
      String.raw`\b(?:knife|razor|blade) sharp (?:bits?|edges?|pieces?|corners?|shards?|metal|rocks?|wind|frost|creases?|damage|points?|lip|ridges?|ends?|splinters?|glass|fins?|tooth|teeth|claws?|spikes?|wire|barbs?|thorns?|shells?|stones?)\b|\bsharp (?:as|like) (?:a |any )?(?:knife|razor|blade)\b`,
      // Round 43: a situation "killing me" ("sleeping in my car tonight with my two kids, it is killing me, please help"): no one kills.
      String.raw`\b(?:it|this|that|all this|all of this|this (?:situation|place|car|room|life|wait|waiting|stress|cold|damp|mould|noise|pain|debt)|the (?:situation|waiting|wait|stress|worry|cold|heat|damp|mould|noise|pain|debt|bills|rent|car|room|smell|uncertainty)) (?:is|s|was|are|has been|keeps|really is) (?:really |literally |slowly |just |honestly |actually )?killing (?:me|us)\b`,
      // Round 43: harm foretold of reckless driving or riding, the prediction before the verb ("boys on motorbikes racing on the field,
      // one day they will kill somebody"): not a threat to anyone named. "One day he will kill me" is not guarded.
      String.raw`\b(?:motorbikes?|motor bikes?|bikes?|scramblers?|quad ?bikes?|quads?|mopeds?|scooters?|cars?|vans?|lorr(?:y|ies)|tractors?|boy racers?|racing|speeding|driv(?:e|es|ing|er|ers)|rid(?:e|es|ing|er|ers))(?: [a-z0-9]+){0,10} (?:one day|one of these days|at this rate|sooner or later|eventually|before long)(?: [a-z]+){0,2} (?:they|he|she|someone|somebody|one of them)(?: will| ll| are going to| is going to| are gonna| is gonna| going to| gonna) (?:kill|run over|knock down|hit) (?:someone|somebody|anyone|anybody|a kid|a child|a pedestrian|a cyclist|people|one of the kids|themselves)\b`,
      String.raw`(?:fly ?tipped|flytipped|dumped|discarded|abandoned|sticking out of|found (?:a|an|some))(?: [a-z]+){0,6} (?:knife|knives|machete|blade|sword|axe|bottles?|bats?)|(?:knife|knives|machete|blade|sword|axe|bottles?|bats?) (?:sticking out|dumped|left lying|lying (?:in|on|around))`,
      String.raw`(?:bottle|bottles) (?:bank|banks|recycling|of (?:milk|wine|water|pop))|(?:with|has|got) (?:a |the )?bat (?:and ball|box|boxes|colony|colonies|survey|roost)|bats? (?:in|living|roosting)`,
      // Round 28: harm foretold of nobody in particular, as the reason to act ("motorbikes tearing round ... they'll kill someone one
      // day", "he'll kill somebody at this rate the way he drives"): not a threat to anyone named.
      String.raw`\b(?:kill|killing|run over|knock down|murder) (?:someone|somebody|anyone|anybody|a kid|a child|a pedestrian|a cyclist|people|one of the kids)(?: [a-z]+){0,4} (?:one day|one of these days|at this rate|sooner or later|eventually|before long|if (?:this|it|nothing|they|someone|somebody) )`,
      // Round 27: "shot" for worn out ("my memory is shot since the stroke", "my knees are shot", "the brakes are shot").
      String.raw`\b(?:immune system|immunity|health|lungs|liver|kidneys|stomach|mental health|memory|nerves|back|knees?|hips?|eyes|eyesight|hearing|concentration|confidence|battery|batteries|brakes|clutch|suspension|patience|voice|sleep|body|legs|joints|shoulder|bladder|head)(?: is| are| s| has been| have been| was| were| got| gets| went)? (?:completely |totally |absolutely |well |pretty |just |all |a bit |proper )?shot(?: to (?:bits|pieces))?\b(?! (?:at|by|him|her|them|me|us|dead))`,
      // Round 27: a book, a film or a series asked about ("the Scandi crime thriller ... the one with the axe murderer on the cover").
      String.raw`\b(?:on the (?:front |back )?cover|book cover|(?:crime |scandi |psychological |new )?thrillers?|novels?|whodunn?its?|murder myster(?:y|ies)|true crime|audiobooks?|paperbacks?|box sets?)\b`,
      String.raw`(?:hammer|screwdriver|axe) (?:to fix|to repair|and nails|drill)|(?:with|has|got) (?:a |the |his |her )?(?:hammer|screwdriver) (?:fixing|mending|working|doing)`,
      // Round 25: a bang likened to a gunshot and put down to what makes it ("the pigeon scarer goes off like a gunshot", "car
      // backfiring like gunshots", "bangers like shotgun blasts"): a noise complaint. "What sounded like gunshots" alone still hits.
      String.raw`(?:scarers?|bird scarers?|gas guns?|bangers?|backfir[a-z]*|exhausts?|fireworks?|motorbikes?|skips?|bin lids?|doors? slamm[a-z]*|scaffold[a-z]*)(?: [a-z]+){0,8} (?:like|as loud as|louder than) (?:a |an )?(?:gun ?shots?|gunfire|shotguns?|shotgun blasts?|a gun going off|guns going off)|(?:like|as loud as|louder than) (?:a |an )?(?:gun ?shots?|gunfire|shotguns?|shotgun blasts?)(?: [a-z]+){0,8} (?:scarers?|bird scarers?|gas guns?|bangers?|backfir[a-z]*|exhausts?|fireworks?)`,
      // Round 32: gunshots and explosions as the sound of a film, a game, music, fireworks or a car backfiring ("watching action films
      // full volume, gunshots n explosions"), nobody outside, screaming or hurt named after them: a noise complaint. "I heard gunshots
      // outside just now" still hits.
      String.raw`${SHOT_MEDIA}(?: [a-z0-9]+){0,10} (?:gun ?shots?|gunfire|shooting|explosions?)(?!(?: [a-z]+){0,8} (?:outside|in the street|on the street|out the front|screaming|scream|hurt|injured|bleeding|police|real|for real|someone|somebody))|(?:gun ?shots?|gunfire|explosions?)(?: [a-z]+){0,6} (?:from|on|in|of) (?:the |their |his |her |a |some |those )?${SHOT_MEDIA}`,
      // Round 32: "shot" by a camera ("got shot by the bus lane camera", "flashed and shot by a speed camera"): a fine, not a gun.
      String.raw`\bshot (?:by|on) (?:a |the |that |this |one of the |some )?(?:[a-z]+ ){0,3}(?:cameras?|cctv|photographers?|paparazzi)\b`,
      // Round 34: a stabbing or a shooting dated by a season, a year or weeks ago ("last summer there was a stabbing near the skate park
      // ... can you put patrols on"): told as past. "Last night" and "just now" are not guarded.
      // Round 47: also "years ago", "long ago" after it ("there was a stabbing in the park years ago and now the teenagers drink there").
      String.raw`\b(?:last (?:summer|winter|spring|autumn|year|month|christmas|easter)|(?:a few|a couple of|two|three|four|five|six|several|[0-9]+) (?:weeks|months|years) ago|years ago)(?: [a-z]+){0,5} (?:a |the )?(?:stabbing|shooting)\b|\b(?:stabbing|shooting)(?: [a-z]+){0,6} (?:last (?:summer|winter|spring|autumn|year|month|christmas|easter)|(?:a few|a couple of|two|three|four|five|six|several|[0-9]+) (?:weeks|months|years) ago|(?:many )?years ago|decades ago|long ago|ages ago)\b`,
      // Round 33: cuts "slashed" (hours, pay, a budget, prices, a service: "on a zero hours contract, my hours got slashed"): no blade.
      String.raw`\b(?:hours|shifts?|pay|wages?|salary|salaries|income|benefits?|budgets?|funding|grants?|prices?|costs?|fares?|rents?|rates?|services?|staff|staffing|jobs?|posts?|spending|council tax|allowance|overtime|pension|universal credit|uc|tax credits?|support)(?: (?:have|has|had|got|get|gets|been|was|were|are|is|just|being|all|badly|massively|drastically|completely|in half))* slashed\b|\bslash(?:ed|ing|es)? (?:my |our |his |her |their |the |all |staff |)?(?:hours|shifts?|pay|wages?|budgets?|funding|prices?|costs?|rents?|services?|jobs?|spending|benefits?)\b`,
      // Round 50: the same cut told with a few words between the thing and the verb ("my hours at the chapel nursery have been slashed",
      // "our grant from the council has been slashed"): things, never a person named in between ("my pay and the man who was slashed").
      String.raw`\b(?:hours|shifts?|pay|wages?|salary|salaries|income|budgets?|funding|grants?|prices?|fares?|rents?|spending|allowance|overtime|benefits?|pension)(?: (?!(?:slashed|man|men|woman|women|he|she|they|him|her|them|someone|somebody|boy|girl|lad|lads|guy|bloke|son|daughter|friend|neighbour|person|people|kid|kids|child|brother|sister|partner|husband|wife|dad|mum|who)\b)[a-z0-9]+){1,5} (?:have|has|had|got|get|gets|been|was|were|are|is)(?: (?:been|just|all|badly|massively|drastically|completely|in half))* slashed\b`,
      // Round 33: things handled roughly likened to killing them ("they throw the bins like they want to kill them"): a comparison, the
      // victim a thing named before it.
      String.raw`\b(?:bins?|wheelie bins?|lids?|boxes|recycling|crates?|parcels?|packages?|bags?|doors?|cars?|furniture|cases?|luggage)(?: [a-z]+){0,4} (?:around |about |down |over )?like (?:they|he|she|you|it) (?:want|wants|wanted|re trying|are trying|is trying|s trying|have|has) (?:to |got to |a grudge and want to )?(?:kill|murder|destroy|hurt) (?:them|it)\b`,
      // Round 32: a partner who "is going to kill me" over a chore (the bin day missed or forgotten, a parking ticket), no saying, threat,
      // blow, weapon or fear near it ("which day bin i always miss it my husband going to kill me"): the idiom without "if".
      String.raw`^(?![^]*\b(?:said|says|saying|told me|threat[a-z]*|swore|swears|hit|hits|hitting|knife|knives|weapon|scared|afraid|frightened|terrified|hurt[a-z]*|beat[a-z]*|punch[a-z]*|strangl[a-z]*)\b)[^]*\b(?:bins?|bin day|collection|recycling|forget|forgot|forgotten|forgetting|miss|missed|missing|late|ticket|fine|parking)\b(?: [a-z0-9]+){0,8} (?:is |s |will |would )?(?:going to|gonna|will|is going to|is gonna) (?:kill|murder) (?:me|us)\b`,
      // Round 35: a thing "trying to kill me" (a smoke alarm going off, the boiler, the stairs), said of it and not of a person ("my smoke
      // alarm keeps going off when I make toast, I swear it's trying to kill me"): exasperation. "My neighbour is trying to kill me" hits.
      String.raw`\b(?:alarms?|smoke alarm|detectors?|boiler|heating|radiators?|oven|cooker|toaster|kettle|hob|microwave|washing machine|tumble dryer|dryer|fridge|freezer|shower|printer|computer|laptop|website|app|bot|chatbot|form|stairs|hill|heat|weather|cold|damp|mould|lift|door|gate|bins?)(?: (?:is|s|are|keeps|just|really|honestly|literally|i swear|i think|it is|it s|its|it keeps|it|going off|goes off|every time|all the time|again)){0,6} (?:trying|tries|tried|wants|out) to (?:kill|murder) (?:me|us)\b`,
    ],
  },
  {
    // Round 42: an animal attacking a person now is a danger to life first (an ambulance, the police), whoever the person is.
    id: 'animal_attack', kind: 'danger_now', category: RISK, reason: 'an animal attacking someone now',
    patterns: [
      // Dogs or an animal attacking or biting a person now ("the loose dogs, well they're attacking a little girl in the park
      // right this second and she's covered in blood"), or one that did with blood or injury told; a dog attacking a cat or a bin bag,
      // or a bite last week asked about as a claim, is not.
      `${ANIMAL_ATTACKER}(?: [a-z0-9]+){0,6} (?:is |are |s |keeps |keep |has |have |just )?(?:attacking|mauling|savaging|biting|ripping into|tearing into|going for|dragging) ${ATTACKED_PERSON}`,
      `${ANIMAL_ATTACKER}(?: [a-z0-9]+){0,6} (?:has |have |just )?(?:attacked|mauled|savaged|bitten|bit|gone for|went for|torn into|ripped into) ${ATTACKED_PERSON}(?: [a-z0-9]+){0,12} (?:covered in blood|blood everywhere|bleeding|pouring with blood|ambulance|999|screaming|right now|just now|this second)`,
    ],
    guards: [
      // Round 48: a bite feared, not had ("keeps going for the kids on the green, it's not bitten anyone yet but it will"): a stray
      // dog's report; not when blood, screaming or now is told beside it.
      String.raw`(?:not|never|has not|have not|hasnt|havent|did not|didnt)(?: yet)? (?:bitten|bit|attacked|hurt|injured|got|caught) (?:anyone|anybody|any ?one|someone|any of (?:them|the kids|the children)|a child|a kid|them|him|her)(?: yet)?\b(?![^]*\b(?:right now|this second|bleeding|blood|screaming|ambulance|999)\b)`,
    ],
  },
  {
    // An assault or break-in happening now, or fear for life.
    id: 'attack_now', kind: 'crime_violence', refine: ['domestic_abuse', 'child_at_risk'], category: RISK, reason: 'someone being attacked now',
    patterns: [
      // Round 34: a corrosive thrown at a person ("thrown what looks like acid at a woman"): the likeness names the substance, not the act.
      '(?:thrown|threw|throwing|throws|chucked|chucking|sprayed|spraying|squirted|poured) (?:what (?:looks|looked|seemed|smelt|smelled) like |some |some kind of |a |)(?:acid|ammonia|bleach|corrosive|caustic|drain cleaner)(?: [a-z]+){0,2} (?:at|on|over|in|into) (?:a |the |my |his |her |some |this |that )?(?:[a-z]+ )?(?:woman|man|girl|boy|lad|person|kid|child|lady|bloke|someone|somebody|face|eyes|him|her|them|me|us|people)s?',
      // Round 34: a dog set on a person, or mauling one now ("someone's set their dog on a kid in the park and it's mauling him").
      '(?:set|setting|sets|setted) (?:their|his|her|a|the|its|them|that) (?:[a-z]+ )?dogs? on (?:a |the |my |our |this |that |some )?(?:little |young |small |old |poor )?(?:kid|kids|child|children|boy|girl|lad|man|woman|person|someone|somebody|me|us|him|her|them|people|baby|toddler|pensioner|old man|old lady)',
      '(?:is|are|s|it is|dog is|dogs are) (?:mauling|savaging) (?:a |the |my |our |this |that )?(?:little |young |small |old |poor )?(?:him|her|them|me|us|kid|child|boy|girl|lad|man|woman|person|someone|somebody|baby|toddler|pensioner|old man|old lady)',
      // Round 26: not money as the one doing it ("these rates are strangling us", "the bills are crippling us"): hyperbole about a cost.
      `${NOT_MONEY}${NOT_DENIED}${NOT_A_THING_HURTING}(?:is|are|started|starting) (?:attacking|beating|battering|stabbing|strangling|choking|hitting|punching|kicking|hurting|beating up|strangling) ${VICTIM}`,
      // Round 39: a vehicle driven at people, the vehicle told first ("a car has driven at people on the festival walk"); into a wall,
      // a bollard or a tree is not a person.
      `(?:car|van|vehicle|lorry|truck|motorbike|driver)(?: [a-z]+){0,2} (?:has |have |had |just |is |s |has just )?(?:driven|drove|driving|ploughed|ploughing|plowed|accelerated|swerved|mounted the pavement and drove)(?: [a-z]+){0,1} (?:at|into|towards|through) (?:the |a |some )?(?:people|crowd|crowds|pedestrians|children|kids|someone|somebody|a man|a woman|a group|group of [a-z]+|families|shoppers|marchers|runners)`,
      // Round 19: someone at work or a friend attacked now ("a driver has got out and is punching my colleague").
      `(?:is|are|started|starting) (?:attacking|beating|battering|stabbing|strangling|choking|hitting|punching|kicking|headbutting|beating up) (?:my|our|a|the|his|her) (?:colleague|colleagues|workmate|co worker|coworker|mate|friend|pal|flatmate|housemate|manager|boss|member of staff|staff member|customer|teacher|carer|nurse|security guard|neighbour)`,

      `(?:is|are) (?:trying to )?(?:break|breaking|kick|kicking|smash|smashing|bash|bashing|batter|battering) (?:in|into|down|(?:my|the|our|her|his) (?:door|front door|back door)(?: in| down)?)(?! (?:cars|the cars|vans|sheds|garages|the garages|the bus shelter))`,
      `(?:someone|somebody|a man|a woman|he|she|they|people) (?:is |are )?(?:trying to )?(?:break|breaking|get|getting|force|forcing) (?:in|into (?:my|the|our) (?:house|flat|home))(?: right)? now`,
      `(?:hear|hearing|heard|can hear) (?:him|her|them|someone|somebody|a woman|a man|a child|my neighbour|the neighbours?|next door|the man|the woman)${GAP(2)} (?:screaming for help|being (?:beaten|attacked|hit|stabbed|strangled|murdered|killed)|beating|attacking|strangling|hitting|killing|stabbing)`,
      `(?:scared|afraid|fear|fearing|frightened|terrified) for (?:my|her|his|our|their) (?:life|lives|safety)`,
      `(?:my|her|his|our|their) (?:life|lives) (?:is|are) in danger`, 'in (?:immediate |real )?danger(?: right)? now',
      `(?:he|she|they) (?:is|are) (?:outside|here|at the door|coming|in the house|on his way|on her way)${GAP(3)} (?:kill|hurt|get me|attack|knife|gun|weapon|threatening)`,
      `(?:he|she|they) (?:is|are) (?:going to|gonna) (?:kill|murder) (?:me|us|her|him|them|the kids)`,
      // "He is going to hurt me" is imminent (rule 2); "he said he'd hurt the kids" is safeguarding.
      `(?:he|she|they|someone|somebody|${RELATIVE}) (?:is|are) (?:going to|about to|coming to) (?:hurt|attack|beat|hit|batter|get) (?:me|us|her|him|them|the kids|the children|my ${CHILD})(?! if| when| one day)`,
      `${NOT_A_THING_TRYING}(?:trying to|tried to|tries to) (?:kill|strangle|choke|drown|suffocate|smother) ${VICTIM}`,
      `(?:driven|drove|driving|reversed|swerved) (?:his |her |their |a |the )?(?:car|van|motorbike) (?:at|into|towards) (?:him|her|them|me|us|someone|somebody|people|the other|a man|a woman|a kid|the kids)`,
      `(?:is|are|was|has been|keeps) (?:laying into|laying in to|lamping|leathering|knocking seven bells out of|kicking the (?:hell|shit|crap) out of|battering|beating up|beating seven bells out of) ${VICTIM}`,
      `(?:are|am|is|we are|i am|we|i) (?:hiding|hid|locked ourselves|locked myself|barricaded ourselves|barricaded myself) (?:upstairs|in (?:the|my|our|a) (?:bathroom|bedroom|toilet|room|wardrobe|cupboard|loft|kitchen))(?: [a-z]+){0,4} (?:from (?:him|her|them)|he is|she is|they are|because (?:he|she|they))`,
      `(?:drunk|off his head|off her head|raging|going mental|kicking off)(?: [a-z]+){0,4} (?:smashing|smashed|trashing|wrecking) (?:the (?:house|flat|place|home)|everything)(?: up)?(?: [a-z]+){0,8} (?:hiding|scared|locked|help|kids)`,
      `(?:woman|man|girl|boy|child|kid|lady|someone|somebody|person|teenager|she|he|her|him|them)(?: is| was| being| been| getting| got| has been){1,2} (?:dragged|bundled|forced|pulled|thrown|shoved) into (?:a |the |his |their )?(?:[a-z]+ )?(?:car|van|back of)`,
      // Abduction told actively: "two men are bundling a girl into a car".
      `(?:dragging|dragged|bundling|bundled|forcing|forced|pulling|pushing|shoving|throwing|carrying) (?:a |the |this |some |an )?(?:young |little |teenage )?(?:someone|somebody|person|man|woman|girl|boy|kid|child|lad|lady|her|him|them|teenager)(?: [a-z]+){0,2} into (?:a |the |an |their |his |her )?(?:[a-z]+ )?(?:car|van|boot|back of)`,
      // Round 10: a stranger beaten as it happens, told in text-speak ("shopkeeper getting battered", "lads robbin the shop rn").
      `(?:shopkeeper|shop keeper|man|woman|lad|guy|bloke|lady|girl|boy|kid|someone|somebody|old man|old lady|bouncer|driver|security guard|cashier|pensioner|delivery driver)(?: is| are)? (?:getting|being) (?:battered|beaten(?: up)?|kicked in|jumped|stabbed|glassed|mugged|attacked|leathered|lamped|bottled)`,
      // Round 25: a neighbour, a friend or someone named by a pronoun being attacked now ("my neighbour is being murdered, it sounds
      // like she's being attacked, please help"). Similes explained by foxes or the telly are guarded.
      `(?<!(?:like|as if|as though|pretending|pretends|acting like|acts like|screams like|shouts like) )(?:neighbour|neighbours|mate|friend|pal|colleague|flatmate|housemate|she|he|they|my mum|my dad|my son|my daughter|my brother|my sister) (?:is|are) (?:getting|being) (?:battered|beaten(?: up)?|kicked in|stabbed|glassed|mugged|attacked|assaulted|strangled|murdered|leathered|lamped|bottled)(?! (?:by|with) (?:the )?(?:council|bills?|letters?|emails?|calls?|texts?|messages?|questions?|forms?|fines?|midges|mosquitoes|gnats|wasps|seagulls|gulls|magpies|birds|flies|ants|foxes))`,
      `(?:robbin|robbing|mugging|raiding|holding up|smashing up) (?:the|a) (?:[a-z]+ )?(?:shop|post office|petrol station|garage|bank|offy|off licence|bookies|chippy|takeaway|pub)(?: [a-z]+){0,6} (?:rn|right now|as we speak|now)`,
      '(?:being|been|just been|has been|have been|was|is being) (?:abducted|kidnapped)', 'abducting (?:a|the|her|him|them|someone|somebody)', 'kidnapping (?:a|the|him|her|them|someone)',
      `(?:hear|hearing|heard|can hear) (?:a woman|her|a man|him|someone|somebody|a girl|a lady|a child|my neighbour)(?: [a-z]+){0,3} screaming(?: [a-z]+){0,6} (?:smashing|being hit|he is hitting|he is hurting|laying into|help me|for help|stop hitting)`,
      // Round 35: someone screaming or shouting for help now, however it is heard ("the noise isn't a party, it's someone screaming for
      // help and banging"); not in a game, a film or play (guarded below).
      `(?:someone|somebody|a woman|a man|a girl|a boy|a child|a kid|a lady|a person|a baby|he|she|they|people|my neighbour|an old (?:man|woman|lady))(?: is| are| s| was| were)? (?:screaming|shouting|yelling|crying|calling|begging) (?:out )?for help`,
    ],
    // Round 70: stinging insects as the attackers ("Wasps nest in the roof above the kids window. They are attacking us when we open it.
    // How much to remove?"), however far back they are named: a pest report. Never beside an allergy, swelling or trouble breathing, nor
    // beside a person, a dog or a weapon as the attacker.
    // Round 73: generalised (INSECTS_ATTACKING): "went for", "chased", "stung".
    textGuards: [INSECTS_ATTACKING],
    guards: [
      THING_DID_NOT_TRY_TO_KILL,
      // Round 65: a plant, a thing or the weather "trying to kill me" (as weapon_or_threat_to_kill).
      THING_TRYING_TO_KILL,
      // Round 64: someone cared for who believes the carers or staff are trying to kill them, denied beside the cause.
      String.raw`\b(?:says|said|thinks|convinced|believes|insists|keeps saying|reckons)(?: that)? (?:the )?(?:carers?|staff|nurses?|doctors?|neighbours?|they|people|everyone) (?:are|is) (?:trying to|going to|out to) (?:kill|poison|murder)(?: (?:her|him|them))?(?: [a-z]+){0,2} (?:they are not|they were not|no they are not|(?:she|he) (?:has|is) got (?:a )?(?:uti|infection|dementia|delirium)|uti|delirium|dementia|confused|paranoid)\b`,
      // Round 59: insects or animals as the subject of "going to kill me" (PESTS_GOING_TO_KILL).
      PESTS_GOING_TO_KILL, PLANTS_TRYING_TO_KILL, CLASS_TRYING_TO_KILL,
      // Round 62: the writer's own dog threatened on callers on a condition ("I told the bailiffs I'd set the dog on them if they came
      // back"): a threat told, nobody attacked; a dog set on someone now, or someone's dog set on a child, still hits.
      String.raw`\b(?:i would|i d|i will|i ll|ill|we would|we will|we ll|i am going to|going to|gonna|threatened to|said i would) set (?:the|my|our) dogs? on (?:them|him|her|you|the [a-z]+)(?: [a-z]+){0,3} (?:if|unless|next time)\b`,
      // Round 57: a neighbour who will "get me" for reporting her car or complaining about a dispute, with nobody here, no weapon and
      // no harm told: a vague threat over a neighbourhood matter, never an attack now (the model still decides).
      String.raw`(?<!\b(?:outside|at (?:my|the) door|right now|knife|weapon|hurt|hit|hitting|kill|coming round|on (?:his|her|their) way)\b[^]*)(?![^]*\b(?:outside|at (?:my|the) door|right now|knife|weapon|hurt|hit|hitting|kill|coming round|on (?:his|her|their) way)\b)\b(?:going to|gonna) get (?:me|us) for (?:reporting|complaining about|grassing on|calling [a-z]+ about) (?:her|his|their|the|my) (?:[a-z]+ )?(?:car|van|dog|dogs|parking|noise|bins?|party|music|hedge|fence|tree|extension|rubbish|cat|cats)\b`,
      PESTS_KILLED,
      // Round 58: birds attacking or diving at people ("the gulls are attacking everyone on the seafront, he's ok but needed a tetanus
      // jab"): a pest or nuisance report; a dog, a person or anyone with a weapon is not guarded.
      String.raw`\b(?:gulls|seagulls|gull|seagull|pigeons|pigeon|crows|crow|magpies|magpie|geese|goose|swans|swan|birds|bird|jackdaws|rooks)(?: [a-z]+){0,2} (?:is |are |s |keep |keeps |have been |has been |started |starting |just )?(?:attacking|dive bombing|divebombing|swooping (?:on|at)|going for|pecking at|pecking)\b`,
      // Round 52: fees, charges or paperwork that "drown" the writer ("is the harbour office trying to drown us in fees?").
      String.raw`drown(?:ing|s|ed)? (?:us|me|them|people|residents|everyone|tenants|owners|businesses) (?:in|with) (?:[a-z]+ )?(?:fees|charges|paperwork|debts?|bills|red tape|forms|costs|fines|admin|emails|letters|rules|increases)`,
      // Engineer's probe after round 52: the same told the other way round ("the fees are drowning us, can I pay monthly").
      MONEY_DROWNING_US,
      // Engineer's probe after round 48: someone carried off by water ("a kid is being dragged out by the rip current, he's shouting for
      // help") is not being attacked: the water families read it (danger now), so the right service is named.
      String.raw`(?:pulled|dragged|swept|carried|taken|sucked) (?:out|away|under|along)(?: to sea)? by (?:the |a )?(?:current|currents|tide|rip|riptide|rip tide|rip current|waves|undertow)`,
      String.raw`\b(?:game|games|gaming|film|movie|telly|tv|playing|pretend(?:ing)?|drama|rehearsal|play fighting|video)(?: [a-z]+){0,6} (?:screaming|shouting|yelling) (?:out )?for help|(?:screaming|shouting|yelling) (?:out )?for help(?: [a-z]+){0,6} (?:in (?:a|the|their|his|her) (?:game|film|movie|play|video)|on (?:the )?(?:telly|tv|xbox|playstation))`,
      String.raw`(?:hitting|kicking|beating|battering|bashing|smashing) (?:my|the|our|his|her) (?:car|cars|van|bins?|fence|wall|door for fun|ball|football)`,
      // Round 30: a thing said to be kidnapped ("my bin's been kidnapped, no ransom note", "someone's abducted our recycling box").
      String.raw`\b(?:bins?|wheelie bins?|recycling(?: box| bin)?|caddy|caddies|box|boxes|parcels?|bikes?|cars?|gnomes?|cones?|signs?|trolleys?|lids?|plants?|pots?|planters?|decorations?|bench|benches|sofa|mattress)(?: [a-z]+){0,2} (?:has |have |had |s )?(?:been |got |was |were )?(?:kidnapped|abducted|taken hostage)|(?:kidnapped|kidnapping|abducted|abducting) (?:my|our|the|his|her|their) (?:[a-z]+ )?(?:bins?|wheelie bins?|recycling|caddy|box|parcels?|bikes?|car|gnomes?|cones?|signs?|trolleys?|lids?|plants?|pots?)\b|ransom note`,
      String.raw`(?:smash|smashing|kick|kicking) (?:in|down) (?:the )?(?:bus shelter|fence|phone box)`,
      String.raw`kicking (?:me|us|him|her|them) out`,
      // Round 19: a break-in denied ("car alarm going off ... I checked, nobody's breaking in, it's just faulty").
      String.raw`(?:nobody|no one|noone|nobody s|no one s) (?:is |are |was )?(?:trying to )?(?:break|breaking|get|getting) (?:in|into)`,
      // Round 25: an attack told as a simile and explained by an animal or a screen ("sounds like a woman being attacked but it's
      // foxes", "like someone being murdered, turns out it's cats"): a noise complaint.
      String.raw`(?:sounds?|sounded|sounding|like|as if|as though)(?: [a-z]+){0,6} (?:being )?(?:attacked|murdered|killed|strangled|stabbed|beaten|tortured)(?: [a-z]+){0,8} (?:foxes|fox|vixens?|cats|cat|tomcats|animals?|birds?|gulls|seagulls|owls?|badgers?|peacocks?|the telly|the tv|a film|a video game|video games)\b|\b(?:foxes|fox|vixens?|cats|tomcats|animals|gulls|seagulls|owls|badgers|peacocks)(?: [a-z]+){0,8} (?:sounds?|sounded|sounding|like|as if|as though)(?: [a-z]+){0,6} (?:being )?(?:attacked|murdered|killed|strangled|stabbed|beaten|tortured)`,
    ],
  },
  {
    // Forcing a way into a home now: "two men just barged their way into the flat opposite". A shed broken into last month is a crime report.
    id: 'break_in_now', kind: 'crime_violence', refine: ['domestic_abuse', 'child_at_risk'], category: RISK, reason: 'someone forcing their way in',
    patterns: [
      // Round 58: a home just broken into with someone in it now, in bed, asleep or heard inside ("Someone has just broken into my mum's
      // bungalow while she's in bed after her hip operation. I can hear them on the baby monitor"); a break-in found after work is not.
      String.raw`(?:someone|somebody|a man|men|two men|people|they|burglars?|intruders?)(?: [a-z]+){0,2} (?:has|have|s|is|are) (?:just )?(?:broken|breaking|got|getting) (?:in|into) (?:my|our|her|his|their|the)(?: [a-z]+){0,2} (?:house|flat|home|bungalow|cottage|room|place)(?: [a-z0-9]+){0,12} (?:(?:she|he|they|i|we) (?:is|are|am|s) (?:still )?(?:in bed|asleep|upstairs|inside|in there|home alone)|while (?:she|he|they|i|we) (?:is|are|am|s) (?:in bed|asleep|upstairs|inside|at home|home)|(?:can|could) (?:still )?hear (?:them|him|someone|somebody|people|voices))\b`,
      `(?:forced|forcing|kicked|kicking|barged|barging|smashed|smashing|pushed|pushing) (?:their|his|her|a) way (?:in|into)`,
      // Round 9: a break-in under way told by what is seen ("trying to get in the back window ... they've got a crowbar",
      // "torches moving about inside and the back window is smashed", "stripping the lead off the roof as we speak").
      `(?:someone|somebody|somebodys|someones|a man|men|two men|lads|blokes|people|they|he|she)(?: [a-z]+){0,6} trying to (?:get|break) (?:in|into)(?: [a-z]+){0,3} (?:window|door|back|front|house|flat)`,
      `torches (?:moving|flashing|going) (?:about |around )?(?:inside|in there|in the [a-z]+)`,
      // Round 31: people heard or seen inside a home whose owner is away ("can hear people inside next door, shes away on holiday").
      `(?:hear|heard|hearing|can hear|see|seen|saw|can see|there are|there is|there s)(?: [a-z]+){0,2} (?:people|someone|somebody|men|lads|voices|torches|a torch|movement)(?: [a-z]+){0,2} (?:inside|in) (?:next door|next doors|the house|her house|his house|their house|the flat|her flat|his flat|their flat|number [0-9]+|no [0-9]+)(?: [a-z]+){0,6} (?:away|on holiday|abroad|in hospital|empty|nobody should be|no one should be|nobody lives)(?! (?:tomorrow|next|from|at the weekend))`,
      `(?:stripping|nicking|stealing|taking) (?:the )?(?:lead|copper|cables?)(?: [a-z]+){0,4} (?:as we speak|right now|now)`,
    ],
    guards: [PAST_AND_OVER, String.raw`\b(?:shed|garage|allotment|car|van|lock ?up|storage unit|bike store)\b`],
  },
  {
    // Medical emergency: collapse, not breathing, an ambulance needed.
    id: 'medical_emergency', kind: 'danger_now', refine: ['fire_gas_co'], category: RISK, reason: 'medical emergency',
    patterns: [
      // Round 62: a pendant, a careline or a falls alarm pressed or activated and no one answering it, an older person named ("Pendant
      // activation, no response to voice call ... she's 91"); an alarm pressed by accident and answered, or a question about one, is not.
      String.raw`(?:pendant|careline|lifeline|telecare|personal alarm|falls? alarm|falls? (?:detector|sensor)|care alarm|panic button|alarm pendant)(?: [a-z]+){0,3} (?:activation|activated|pressed|went off|has gone off|going off|triggered)(?: [a-z]+){0,8} (?:no response|not responding|no answer|not answering|not picking up|(?:cannot|can not|could not) (?:get|reach|raise) (?:her|him|them)|(?:she|he) (?:is not|isnt) answering|(?:nobody|no one|noone) (?:is |s )?(?:answering|picking up|responding|replying))\b`,
      // Round 61: unable to feel or move the legs or arms after a blow, a fall or a dive on the neck, the head or the spine ("a player took
      // a hit to the neck and can't feel his legs"); legs numb from a workout or after sleeping on an arm is not.
      String.raw`(?<=\b(?:hit|knock|knocked|blow|bang|banged|landed|tackle|tackled|fell|fallen|dived|dove|injured|hurt|broke|broken|twisted)\b(?: [a-z]+){0,4} (?:neck|spine|head|back)\b[^]*)(?<!\basleep\b[^]*)(?:cannot|can not) (?:feel|move) (?:his|her|my|their) (?:legs|arms|feet|hands|body|arms or legs|legs or arms)(?![^]*\b(?:last (?:week|month|year)|ago|yesterday|gym|workout|leg day|squats)\b)`,
      // Round 60: a person who has had a fall and is now not responding, unconscious or not breathing ("my dad had a fall doing the school
      // run, hes on the pavement outside st marys not responding"); a phone or a screen is no person, "not responding to" a letter or to
      // treatment is no collapse, and a fall told as past (last week, yesterday, ago) or over (in hospital, fine now) is not.
      String.raw`(?:he|she|they|dad|mum|nan|gran|grandad|grandma|grandpa|husband|wife|partner|son|daughter|neighbour|man|woman|lady|gentleman|boy|girl|child|kid|baby|toddler|someone|somebody|friend|brother|sister|father|mother|grandfather|grandmother|uncle|aunt|auntie)(?: has| had| just| is)* (?:had a fall|fallen|fell|fallen over|fell over|fell down|fallen down)(?: (?!(?:last|ago|yesterday|earlier|week|month|year|in hospital|home)\b)[a-z0-9]+){0,14} (?:not responding|unresponsive|not breathing|unconscious|(?:will not|can not|cannot|is not) wak(?:e|ing) (?:up|him|her))(?! to\b)(?![^]*\b(?:last (?:week|month|year|winter|summer)|ago|in hospital|home now|discharged|recovering|fine now|better now)\b)`,
      // Round 60: a pram, a buggy or a pushchair rolled or pushed into a road, water or a railway with the baby or child still in it ("a
      // buggy has rolled into the road with the baby still in it and a car hit it"); an empty one, or one that nearly did, is not.
      String.raw`(?<!\b(?:nearly|almost)(?: [a-z]+){0,3} )(?:buggy|pram|pushchair|push chair|stroller)(?: has| had| just| is)* (?:rolled|rolling|gone|went|run|ran|been pushed|pushed|fallen|fell|tipped) (?:off |out )?(?:into|in|onto|under|down) (?:the |a )?(?:road|water|river|canal|harbour|lake|sea|traffic|track|tracks|railway|railway line|dock|pond|quarry|path of)(?: [a-z]+){0,4} with (?:the |a |my |her |his |their )?(?:baby|toddler|child|kid|little one|infant|newborn)(?: still)? (?:in it|inside|strapped in)(?![^]*\b(?:last (?:week|month|year|summer)|ago|in (?:19|20)[0-9]{2})\b)`,
      // Round 59: a fall or going over an edge told now, with a broken hip, leg, neck or back, unable to move or get up, or shouting in
      // pain ("My father, aged 90, has had a fall and I think he has broken his hip. He is shouting in pain"; "Another rider has gone over
      // the edge, about 10 metres down, he's answering but can't move"). A fall told as past, or unable to manage the stairs or to move a
      // thing, is not.
      String.raw`(?<!\b(?:last (?:week|month|year|winter|summer)|ago|in (?:19|20)[0-9]{2})\b[^]*)(?:has had a fall|had a fall|has fallen|has just fallen|just fell|has fallen over|gone over the edge|went over the edge|gone over the side|has fallen off|fallen down the stairs|fell down the stairs)(?: [a-z0-9]+){0,14} (?:broken (?:his|her|my|their) (?:hip|leg|neck|back|pelvis)|(?:can not|cannot|could not) move(?! (?:the|it|them|his|her|my|house|home|out|in|flat|anything))|(?:can not|cannot) get up(?! (?:the )?(?:stairs|steps))|(?:shouting|screaming|crying out|howling|groaning) (?:out )?in pain)(?![^]*\b(?:last (?:week|month|year|winter|summer)|ago|in hospital|home now|discharged|recovering|fine now|better now|in (?:19|20)[0-9]{2})\b)`,
      // Round 58: anaphylaxis told by its signs (throat tight or closing, tongue, lips or face swelling, cannot swallow or breathe)
      // with a reaction, a food, a sting, a medicine or an adrenaline pen named in the message ("Reaction to the new antibiotics ... my throat
      // is getting tight and my tongue feels huge. My EpiPen is out of date"); numbing at the dentist, hay fever and an allergy test asked for are guarded. Round 61: also the
      // possessive the normaliser leaves ("his throat's swelling" -> "throats swelling").
      String.raw`(?:(?<=\b(?:reaction|reacting|allergic|allergy|anaphyla[a-z]*|epipen|epipens|epi pen|epi pens|adrenaline pen|adrenaline|stung|sting|nuts?|peanuts?|sesame|shellfish|penicillin|antibiotics?|amoxicillin|new (?:tablets|medication|medicine|meds))\b[^]*)(?:(?:throats?|airway|airways)(?: is| s| feels| feel)?(?: getting| going| starting to| starting| really| so)* (?:tight|tighter|tightening|closing(?: up)?|close up|swelling(?: up)?|swollen|swelled)|(?:tongues?|lips|lip|faces?|mouths?)(?: is| are| s| feels| feel| has| have)?(?: getting| going| starting to| started| really| so| all)* (?:swelling(?: up)?|swollen|swelled(?: up)?|blown up|ballooning|huge|massive|twice (?:the|its) size)|(?:cannot|can not|struggling to|hard to) (?:swallow|breathe))|(?:(?:throats?|airway|airways)(?: is| s| feels| feel)?(?: getting| going| starting to| starting| really| so)* (?:tight|tighter|tightening|closing(?: up)?|close up|swelling(?: up)?|swollen|swelled)|(?:tongues?|lips|lip|faces?|mouths?)(?: is| are| s| feels| feel| has| have)?(?: getting| going| starting to| started| really| so| all)* (?:swelling(?: up)?|swollen|swelled(?: up)?|blown up|ballooning|huge|massive|twice (?:the|its) size)|(?:cannot|can not|struggling to|hard to) (?:swallow|breathe))(?=[^]*\b(?:reaction|reacting|allergic|allergy|anaphyla[a-z]*|epipen|epipens|epi pen|epi pens|adrenaline pen|adrenaline|stung|sting|nuts?|peanuts?|sesame|shellfish|penicillin|antibiotics?|amoxicillin|new (?:tablets|medication|medicine|meds))\b))`,
      // Round 56: a hoist, sling or harness holding someone with its strap across or round the throat or neck ("my hoist has broken with
      // me hanging in it and the strap is across my throat"); not a sling that rubs or a strap to be replaced.
      String.raw`(?:hoist|sling|harness|stand aid|bed rail|bedrail)(?: [a-z0-9]+){0,14} (?:strap|straps|sling|belt|harness|rail) (?:is |are |s |has )?(?:now |gone |slipped |caught |stuck |pulled )?(?:across|around|round|against|pressing on|pressing into|digging into|tight (?:on|round|around|across)) (?:my|his|her|their|your) (?:throat|neck|windpipe)`,
      // Round 55: a machine someone breathes or lives by stopped or run out, in a power cut or not, with a sign of them failing now ("my
      // husband's oxygen concentrator has stopped. The backup cylinder is nearly empty and he's going grey"); the machine off with the
      // backup full and the person fine is a priority-register question.
      String.raw`(?:oxygen|concentrator|ventilator|cpap|bipap|suction machine|feeding pump|home dialysis|dialysis machine)(?: [a-z0-9]+){0,20} (?:going|gone|turning|turned|is|s) (?:grey|gray|blue|purple|pale and clammy)|(?:oxygen|concentrator|ventilator|cpap|bipap)(?: [a-z0-9]+){0,20} (?:struggling to breathe|cannot breathe|can not breathe|gasping|fighting for breath|not breathing|going floppy|will not wake|unresponsive|not responding)`,
      // Round 52: a baby floppy or very hard to wake ("5wk baby floppy and very hard to wake").
      `(?:bab(?:y|ies)|infant|newborn|new born|[0-9]+ ?(?:wk|week|month|mth)s? old)(?: [a-z0-9]+){0,6} (?:floppy|limp|(?:very |really |so )?hard to wake|(?:will not|cannot|can not|wont|would not) wake(?: up)?|not waking(?: up)?)(?= )`,
      // Round 50: choking told with the colour going or no way to clear it ("an elderly lady at our lunch club is choking on her food
      // going grey nobody can clear it"); a choking hazard or a choking smell is neither.
      String.raw`choking(?: [a-z]+){0,6} (?:going|turning|gone|turned|is going|is turning) (?:grey|gray|blue|purple)|(?:going|turning|gone|turned) (?:grey|gray|blue|purple)(?: [a-z]+){0,4} (?:choking|cannot breathe)|choking(?: [a-z]+){0,8} (?:nobody|no one|we) (?:can not|cannot|could not|can t) (?:clear it|get it out|dislodge it|shift it)`,
      `${PERSON}(?: is| has| have| just| was| s| keeps| seems| looks| appears){0,2}(?: to be)? (?:collapsed|fainted|passed out|unconscious|unresponsive|not breathing|stopped breathing|turning blue|fitting|having (?:a |an )?(?:heart attack|seizure|fit|stroke|asthma attack|allergic reaction)|choking|bleeding (?:heavily|badly|a lot|everywhere|out|to death)|been hit by a (?:car|bus|van|lorry|train)|hit by a (?:car|bus|van|lorry|train)|knocked (?:down|over) by a (?:car|bus|van|lorry))`,
      // Round 22: not "can't breathe in my flat for the damp and mould" (the cause a repair), nor a heart attack owned as an event
      // ("a blue badge after my heart attack", "since his stroke"): told as past. Lookarounds on the match, so a present emergency
      // beside it still hits.
      'not breathing', 'stopped breathing', `(?:cannot|can not) breathe${NOT_REPAIR_BREATH}`, `${OWNED_EVENT}heart attack`, `${OWNED_EVENT}cardiac arrest`, 'anaphylactic', 'anaphylaxis',
      'unconscious', 'having (?:a )?(?:seizure|fit|stroke)', 'bleeding (?:heavily|badly|to death|everywhere)',
      // Round 19: chest pains told as happening now ("stuck in the lift with my mum who is having chest pains"); not "been having".
      '(?:is|are|am|s) having (?:bad |severe |really bad |terrible |awful |sharp )?chest pains?',
      // A heart attack or stroke told by what is seen: grey, clutching the chest, slumped, one side drooping.
      `(?:clutching|holding|gripping) (?:his|her|their|my) (?:chest|heart)`, `(?:gone|went|turned|going|turning) (?:grey|gray|blue) and`, `(?:slumped|collapsed) (?:in|on|over|against|at) (?:his|her|their|the) (?:chair|seat|desk|wheel|steering wheel|table|sofa)`,
      // Round 7: resuscitation under way, or someone found on the floor cold or confused (a carer's or a passer-by's report).
      '(?:doing|giving|started|start|performing|do|give) (?:them |him |her )?(?:cpr|chest compressions|mouth to mouth)',
      // Round 45: also on a room's floor, and barely awake ("found her on the kitchen floor freezing cold barely awake").
      '(?:is|been|lying|laying|found (?:him|her|them)) on the (?:kitchen |bathroom |bedroom |living room |lounge |hall |landing |hallway )?floor(?: [a-z]+){0,10} (?:very cold|freezing|confused|barely (?:awake|conscious|breathing|responding|responsive)|cannot (?:tell|get up|move)|not making sense|how long)',
      // Round 45: a diabetic low told by its signs now ("my sugars crashed i can barely type hands shaking vision going").
      '(?:sugars?|blood sugars?|blood sugar levels?|glucose|levels) (?:has |have |is |are )?(?:just )?(?:crashed|plummeted|dropped right down|gone right down|really low|very low|dangerously low)(?: [a-z]+){0,10} (?:shaking|shaky|vision|cannot (?:see|think|type|stand|get up)|barely|confused|passing out|going to pass out|faint|fainting)',
      'having a (?:bad )?hypo(?: [a-z]+){0,8} (?:shaking|shaky|vision|cannot (?:see|think|type|stand|get up)|barely|confused|passing out|faint|fainting|on my own|alone)',
      // Round 68: a hypo told by its reading falling with a sign or nothing to treat it ("Hypo. On my own ... Sugar 1.9 and dropping ...
      // no glucose left"), or a message opening on the hypo and its signs; a reading told as past or asked about is not.
      String.raw`(?:sugars?|blood sugars?|glucose|bms?|levels?|reading) (?:is |are |s |at |of |on |down to |dropped to |gone to )?(?:[0-2] [0-9]|[0-2])(?: mmol)?(?: [a-z]+){0,2} (?:and |still )?(?:dropping|falling|going down|crashing)(?: [a-z0-9]+){0,10} (?:shaking|shaky|cannot (?:see|think|type|stand|get up)|can not (?:see|think|type|stand|get up)|barely|confused|on my own|alone|no (?:glucose|sugar|dextrose|lucozade|sweets|jelly babies)(?: tablets| gel)?(?: left)?)\b`,
      String.raw`^ (?:hypo|having a hypo|in a hypo) (?:on my own|alone|cannot think|can not think|shaking|help)\b`,
      `(?:face|mouth) (?:is )?(?:drooping|dropped|gone funny) (?:on one side)?`,
      // Round 31: fitting told by what is seen ("swallowed something at the party, shaking, eyes rolling").
      `(?:shaking|fitting|twitching|convulsing|jerking|foaming at the mouth)(?: and)? (?:his |her |their )?eyes (?:are )?(?:rolling|rolled|rolling back|rolled back)`,
      // A child or anyone who swallowed something poisonous.
      `(?:swallowed|chewed|eaten|ate|drunk|drank|got into)(?: [a-z]+){0,4} (?:dishwasher|washing|laundry|bleach|detergent|button batter(?:y|ies)|batter(?:y|ies)|liquitabs?|capsules?|pods?|weed ?killer|antifreeze|white spirit|rat poison|poison|magnets?)`,
      // Round 26: not the assistant's own advice quoted in a complaint ("your chatbot told me to call 999 because I said my bin was on
      // fire as a joke", "why does the bot keep telling me to dial 999"): advice given, not an emergency told.
      `${NOT_BOT_ADVICE}(?:call|ring|phone|get|need|needs|send|called|calling) (?:an |a |for an? )?(?:ambulance|paramedics?)`, `${NOT_BOT_ADVICE}(?:dial|ring|call|calling|phone) 999`,
      `(?:had a fall|has fallen|fallen|fell|on the floor) and (?:cannot|can not|is not able to|unable to|not able to) get up`,
      // Round 46: someone fallen from a height on to rocks, the ground or a road below and not moving now ("a young lad has fallen through
      // the gap on to the rocks below and isn't moving"); a fall asked about as past or as a claim is not.
      String.raw`(?![^]*\b(?:last (?:week|month|year|night)|yesterday|years ago|weeks ago|months ago|compensation|claim|liable)\b)(?:lad|boy|girl|man|woman|child|kid|someone|somebody|he|she|person|toddler|son|daughter|husband|wife|dad|mum|friend|mate|walker|climber|cyclist|teenager|lady|bloke|guy|fella|nan|grandad|brother|sister|student|pupil)(?: (?:has|have|had|just|s))* (?:fallen|fell|slipped|tumbled|gone over|went over)(?: [a-z]+){0,8} (?:on ?to|onto|down on ?to|down onto|down to|down on) (?:the )?(?:rocks|beach|ground|concrete|pavement|road|floor|steps|platform|tracks|slipway|sand)(?: (?:below|beneath|underneath|under))?(?: [a-z]+){0,6} (?:and )?(?:is not|isnt|not|is no longer|has not|hasnt) (?:moving|responding|breathing|getting up|got up|moved)\b`,
      // Round 46: a seizure going on now, told by what is seen with it ("my passengers fitting in the back seat foaming at the mouth wont
      // stop"); "fitting" as a part (a tap fitting, a light fitting) is not a person fitting.
      String.raw`(?<!\b(?:dog|dogs|cat|cats|puppy|kitten|rabbit|horse|pet|hamster)(?: [a-z]+){0,3} )(?![^]*\bvet\b)(?:(?:is|s|are|keeps|kept|started|been|still) (?:fitting|seizing|convulsing)|(?:passengers|customers|clients|patients|husbands|wifes|sons|daughters|babys|friends|mates|dads|mums|mans|womans|lads|kids|childs|partners) (?:fitting|seizing|convulsing)|having (?:a |another )?(?:fit|seizure))(?: [a-z]+){0,8} (?:foaming at the mouth|(?:will not|wont|does not|doesnt|is not|isnt|not) stop(?:ping)?|turning blue|not breathing)`,
      // Round 46: a hand, an arm or a foot trapped in a lift, a door or a machine now, with screaming, bleeding, crushing or the thing
      // moving ("her hand trapped in the lift door ... the lift is moving she is screaming"); a trap told as past or as a claim is not.
      String.raw`(?<!\b(?:keeps|could|might|will|would) (?:trap|catch|crush)(?: [a-z]+){0,3} )(?![^]*\b(?:last (?:week|month|year|night)|yesterday|years ago|weeks ago|months ago|compensation|claim|liable|insurance)\b)(?:hand|hands|arm|arms|leg|legs|foot|feet|fingers?|finger|head|coat|scarf) (?:is |are |has been |have been |got |s |gets |getting |has got )?(?:trapped|stuck|caught|crushed|jammed) (?:in|between) (?:the |a |an )?(?:lift|lifts|elevator|escalator|machine|machinery|barrier|gates?|doors?|lift doors?|shutters?|roller|conveyor|press|train doors?|bus doors?)(?: [a-z]+){0,10} (?:screaming|bleeding|crushed|crushing|is moving|still moving|started moving|cannot get|can not get|cant get|will not come out|wont come out|cannot free|can not free|cant free)`,
      `${PERSON}(?: might be| may be| could be| looks| seems| appears to be| is lying| lying) dead`,
      `found (?:my |the |a |an )?(?:neighbour|man|woman|person|him|her|old man|old lady|elderly man|elderly woman)(?: [a-z]+){0,2} dead`,
      // Round 48: a scald or a burn to a person now, told with what happened to the skin ("the pipe sprayed scalding water all over my 3
      // year old, his skin is peeling off"); a burn told as past or as a claim is not.
      String.raw`(?![^]*\b(?:last (?:week|month|year|night)|yesterday|years ago|weeks ago|months ago|compensation|claim|sunburn|sunburnt|sunburned)\b)(?:scald|scalds|scalded|scalding|boiling|boiled|kettle|hot water|steam|burnt|burned|burn|burns)(?: [a-z0-9]+){0,14} (?:skin|face|arm|arms|hand|hands|leg|legs|chest|back|feet|foot|neck|tummy|belly) (?:is |are |s |has |have |keeps |started |already )?(?:peeling|blistering|blistered|coming off|bubbling|falling off|hanging off|gone white|come off|came off)`,
      // Round 48: not a smell of bins or rubbish likened to a body ("bins not emptied, the smell is like a dead body"), however far apart.
      String.raw`(?<!\b(?:bins?|rubbish|waste|bin bags?|drains?|fridge|freezer|compost|nappies|collection|maggots)\b[^]*\b(?:like|as if|as though) (?:there is )?(?:a )?)(?:dead|lifeless) body`, 'found a body', '(?:lips|face|skin) (?:is |are |look |looks |going |turning |gone |have gone )+(?:blue|grey)',
      '(?:there is )?blood (?:everywhere|all over (?:the|him|her|me))', `(?:lying|laying|slumped|collapsed)(?: [a-z]+){0,7} (?:not moving|not responding|unresponsive)`, '(?:i think|think|worried|scared|afraid) (?:that )?(?:he|she|they|my neighbour|the neighbour) (?:is|are|might be|may be) dead',
    ],
    // Round 71: a medical emergency told with when it was, weeks or months back, beside a service question ("got a parking ticket ... when
    // i was rushed into a and e with a heart attack last month can i challenge it"): history, not an emergency now; "now", "again",
    // an ambulance or 999, not breathing or chest pains still hit.
    // Round 73: a heart attack or a stroke owned as a past event ("since the heart attack in spring", "in hospital after the heart
    // attack. im home now") beside a service asked for (a blue badge, an assisted collection, a form): the reason for the request;
    // again, chest pains, collapsed or an ambulance still hits.
    textGuards: [String.raw`^(?![^]*\b(?:again(?<!(?:start|started|restart|begin|back up|running) again)|another|right now|just now|ambulance|999|paramedics?|not breathing|unconscious|unresponsive|chest pains?|collapsed|collapsing|cpr|cannot breathe|can not breathe|on the floor|having (?:a |an )?(?:heart attack|stroke))\b)(?=[^]*\b(?:blue badge|badge|assisted (?:collection|bin)|collections?|bins?|evidence|apply|applying|application|form|forms|allowance|benefits?|pip|adaptations?|grab rails?|stairlift|bus pass|parking|permit|council tax|discount|start again|restart|home now)\b)[^]*\b(?:since|after|following|because of) (?:the|a|an|his|her|my|their|our) (?:heart attack|stroke|mini stroke|cardiac arrest)\b`,
      String.raw`^(?![^]*\b(?:now|right now|again|still|tonight|today|ambulance|999|not breathing|unconscious|unresponsive|chest pains?|cannot breathe|can not breathe|collapsed on|help me|cpr)\b)[^]*\b(?:rushed|taken|went|admitted|blue lighted|ended up|was|were|had|suffered|survived)(?: [a-z]+){0,6} (?:heart attack|cardiac arrest|stroke|seizure|fit|asthma attack|anaphylactic shock)(?: [a-z]+){0,2} (?:last (?:week|month|year|winter|summer|spring|autumn|christmas)|(?:a|two|three|four|five|six|few|couple of|several|[0-9]+) (?:weeks|months|years) (?:ago|back)|a (?:week|month|year) (?:ago|back)|in (?:january|february|march|april|may|june|july|august|september|october|november|december))\b`],
    guards: [
      // Round 72: first aid or CPR to be learnt after a heart attack or a stroke told as past ("does the library have books on first aid
      // and cpr i want to learn after my friend had a heart attack at work"): a course or a book asked; someone collapsing now still hits.
      String.raw`\b(?:learn|learning|learnt|learned|train|training|course|courses|class|classes|books?|lessons?)\b(?: [a-z]+){0,4} (?:after|since|because) (?:my|a|our|his|her|their|the) [a-z]+(?: [a-z]+)? (?:had|has had|suffered|survived|died of|died from) (?:a |an )?(?:heart attack|stroke|cardiac arrest|seizure|fit)\b(?! (?:now|just now|right now|again))`,
      // Round 65: a heart attack or a stroke told with the discharge home ("discharged home after a heart attack, he's stable"), and a heart attack
      // as the writer's fright ("the pine swaying in this wind gives me a heart attack every time").
      String.raw`\b(?:discharged|sent home|home from hospital|out of hospital)(?: home)?(?: from hospital)? after (?:a |his |her |their |the )?(?:heart attack|stroke|seizure|fit|cardiac arrest)\b`,
      String.raw`\b(?:gives|give|giving|will give|would give|going to give) (?:me|us) (?:a )?(?:heart attack|coronary|stroke)\b`,
      // Round 64: a breath stopped at birth, told as perfect or fine now ("my baby stopped breathing for a sec at birth, shes perfect now"), and a
      // fit in the bath worried about ahead ("i worry about him having a fit in the bath, is there technology").
      String.raw`\b(?:at|after|during) (?:birth|the birth|delivery|labour)\b(?: [a-z]+){0,4} (?:perfect|fine|ok|okay|healthy|thriving|well|absolutely fine) now\b`,
      String.raw`\b(?:worry|worried|worries|worrying|scared|afraid|anxious) (?:about )?(?:him|her|them|my [a-z]+)? ?(?:having|has|have) a (?:fit|seizure)\b(?! (?:now|right now))`,
      // Round 60: the event laughed about since ("My partner fainted at the birth, everyone's laughing about it now"): over, and a story.
      String.raw`\b(?:everyone is|everybody is|we are|we were|we all|all|now|they are|we can|we) (?:laughing|laughed|laugh|joking|joked|joke) about it\b`,
      // Round 58: the swelling or tightness explained by numbing at the dentist, hay fever or an allergy test ("tongue feels huge after the
      // dentist numbed it", "throat gets tight with hay fever, can I get an allergy test").
      String.raw`\b(?:dentist|dental|numbed|numbing|anaesthetic|injection at the dentist|hay fever|hayfever|allergy test|allergy tests|allergy testing|allergy clinic)\b`,
      // Round 56: an ambulance called in the past, told in a complaint or with no danger now ("Last month your staff called an ambulance
      // on me during a meltdown ... I was not in danger"), nothing again or now.
      String.raw`\b(?:last (?:month|week|year|summer|winter|spring|autumn)|(?:a few|two|three|several|[0-9]+) (?:weeks|months|years) ago)(?: [a-z]+){0,3} (?:called|rang|phoned|got) (?:an |the )?ambulance\b(?![^]*\b(?:again|now|tonight|today|not breathing|unconscious)\b)`,
      // Round 52: care for the crews ("fatal if swallowed ... don't want to poison the binmen"), and a heart attack at a bill's amount.
      CARE_NOT_TO_HARM,
      String.raw`(?:without|before|nearly|almost) (?:having|getting|giving (?:me|myself|him|her)|had|got) (?:a )?heart attack (?:at|over|from|when i (?:saw|see|read|opened))(?: the| my| that| this)? (?:amount|bill|price|cost|total|figure|figures|sum|charges?|rise|increase|letter|statement)`,
      // Round 50: a heart attack, a stroke or a cardiac arrest survived, told as past ("now my husband has survived his heart attack",
      // "she survived a stroke last year"): nothing happening now; collapsing again, another attack or an ambulance beside it still hits.
      String.raw`^(?![^]*\b(?:again|another|collapsed|collapsing|not breathing|unconscious|unresponsive|999|ambulance|chest pains?|right now|having (?:a |an )?(?:heart attack|stroke|seizure))\b)[^]*\b(?:survived|pulled through|got through|came through|come through|recovered from|survivor of) (?:a |an |his |her |my |their |the |your )?(?:massive |major |big |serious |bad )?(?:heart attack|stroke|cardiac arrest|seizure)\b`,
      // Round 34: resuscitation told as done and the person alive ("giving cpr to a stranger who collapsed, he lived"): past, resolved.
      String.raw`\b(?:cpr|chest compressions|mouth to mouth)(?: [a-z]+){0,10} (?:he|she|they|who)(?: thankfully| luckily| thank god| thank goodness)? (?:lived|survived|pulled through|made it|came round|came to|is fine|is ok|is okay|was fine|is alive|is doing well|is recovering)\b`,
      // Round 30: a fright called a heart attack ("your letter nearly gave my nan a heart attack", "almost gave me a stroke").
      String.raw`\b(?:nearly|almost|near enough|practically|half|about to|going to|gonna|will|would|could have|you will) (?:gave|give|giving|given) (?:me|us|him|her|them|(?:my|our|his|her|the) [a-z]+)(?: [a-z]+)? (?:a |an )?(?:heart attack|stroke|coronary|cardiac arrest)`,
      // Round 21: a heart attack or a stroke told as past and recovering ("just out of hospital after a heart attack, not allowed to lift").
      String.raw`(?:out of|home from|discharged from|back from|left|came out of|come out of) (?:the )?hospital(?: [a-z]+){0,3} (?:after|following|from|with) (?:a |my |his |her |the )?(?:heart attack|stroke|seizure|cardiac arrest)`,
      String.raw`(?:recovering|recovery|recovered|recuperating) (?:from|after) (?:a |my |his |her |the )?(?:heart attack|stroke|seizure|cardiac arrest)`,
      // Round 43: a heart attack or a stroke had, as the reason for a service ("I've had a heart attack and the doctor says no lifting, can
      // the bin men collect"): the perfect tense and a doctor's advice, a limit or a request after it; never with an ambulance or a
      // collapse told ("my dad has had a stroke, can you call an ambulance" hits).
      String.raw`^(?![^]*\b(?:ambulance|999|paramedics?|just now|right now|now|collapsed|not breathing|unconscious|on the floor|(?:cannot|can not) (?:move|speak|breathe|talk))\b)[^]*\b(?:i|he|she|we|they|my [a-z]+|mum|dad) (?:have|has) (?:had|suffered) (?:a |an |my |his |her )?(?:heart attack|stroke|mini stroke|tia)(?: [a-z]+){0,8} (?:doctor|doctors|gp|consultant|nurse|not allowed|no lifting|cannot lift|can not lift|told (?:not|no)|blue badge|assisted|help with|can the|can you|can i|can we|could you|could the|do you|is there)\b`,
      String.raw`(?:had|have had|having had) (?:a |my |his |her )?(?:heart attack|stroke) (?:last (?:week|month|year)|in (?:january|february|march|april|may|june|july|august|september|october|november|december)|(?:a few|two|three|four|five|six|several|[0-9]+) (?:weeks|months|years) ago)`,
      // Round 24: a medical emergency told as the past reason for a service matter ("a parking ticket outside A&E while my son was
      // having a seizure inside, can I appeal"): the ticket, fine or charge named before it, the event in the past tense.
      String.raw`(?:ticket|pcn|fine|penalty(?: charge)?|parking charge|charge|clamped|towed|missed (?:my |the |our )?(?:collection|appointment|bin))(?: [a-z]+){0,8} (?:while|whilst|when|as|because) (?:i|my|our|his|her|the|a) (?:[a-z]+ )?(?:was|were|had been) (?:having|in (?:a e|hospital|resus))`,
      // Round 68: the same past reason for a benefit sanction, a docked wage, a warning or an appointment, a meeting or a shift missed
      // ("universal credit sanctioned me for missing an appointment when I was having a seizure"); never beside "now", "again", an
      // ambulance or 999 ("I was having a seizure and now I can't wake up properly, call an ambulance" still hits).
      String.raw`^(?![^]*\b(?:now|right now|again|still|ambulance|999|paramedics?|not breathing|unconscious|will not stop|wont stop)\b)[^]*\b(?:sanctioned|sanction|sanctions|docked|penalised|penalized|disciplined|sacked|warning|strike|marked absent|missing|missed|miss|late for|failed to attend|did not attend|not attending|not turning up to)(?: [a-z]+){0,8} (?:while|whilst|when|as|because) (?:i|my|our|his|her|the|a|he|she|we|they) (?:[a-z]+ )?(?:was|were|had been) (?:having|in (?:a e|hospital|resus))`,
      // Round 41: the same emergency told in the past progressive as the reason for a request to challenge or appeal something ("a parking
      // ticket outside the hospital while my dad was having a heart attack can i challenge it"); "my dad is having a heart attack" hits.
      String.raw`\b(?:was|were|had been) having (?:a |an )?(?:heart attack|seizure|stroke|fit|asthma attack|cardiac arrest)(?: [a-z0-9]+){0,10} (?:can|could|how do|how can|do|should|may|will you let) (?:i|we|you|they) (?:challenge|appeal|contest|dispute|cancel|waive|refund|get (?:it|this|the [a-z]+) (?:cancelled|waived|refunded|overturned)|claim)\b`,
      // Round 49: a heart attack the writer (or someone) thought they were having, from a bill, a letter or a price, nothing now
      // ("Council tax bill gave me palpitations, thought I was having a heart attack. Can I spread it"): hyperbole; "I think I'm
      // having a heart attack" and chest pains or an ambulance now still hit.
      String.raw`^(?=[^]*\b(?:bills?|letters?|council tax|rent|fines?|tickets?|pcn|statements?|arrears|invoices?|prices?|charges?|increase|quote|demand|reminder|amount|total|overpayment|spread|instalments?|pay|payments?|debt|costs?)\b)(?![^]*\b(?:now|still|right now|ambulance|999|chest pains?|numb|cannot breathe|can not breathe|collapsed|help me)\b)[^]*\b(?:thought|honestly thought|genuinely thought|really thought|was sure|was convinced|felt like) (?:i|he|she|we|mum|dad|my [a-z]+) (?:was|were) (?:having|going to have|about to have) (?:a |an )?(?:heart attack|stroke|coronary|cardiac arrest)\b`,
      // Round 49: someone alive who believes others think they are dead ("she's convinced the neighbours think she's dead because the
      // bin's been out all week", "people will think I'm dead"): a worry about appearances, not a body. "The neighbours think she's dead,
      // nobody has seen her" is not guarded (nobody is convinced of it alive).
      String.raw`\b(?:people|neighbours?|everyone|everybody|the street|folk|they)(?: [a-z]+){0,2} (?:will |would |must |might |probably |may )?(?:think|thinks|assume|assumes) (?:that )?(?:i am|i m|im) dead\b|(?:\b(?:she|he|my [a-z]+) (?:is|s) (?:convinced|worried|paranoid|sure|certain|embarrassed|upset|mortified|fretting|scared|afraid|anxious)|\b(?<!(?:i|we) (?:am|are) )(?:convinced|paranoid|embarrassed|mortified)) (?:that )?(?:the )?(?:neighbours?|people|everyone|everybody|the street|folk|they)(?: [a-z]+){0,2} (?:think|thinks|will think|must think|might think|would think|believe|believes) (?:that )?(?:she|he) (?:is|s|has) (?:dead|died)\b`,
      String.raw`unconscious bias|seizure of|cannot breathe (?:because of|with|for) (?:the )?(?:smell|stench|damp|mould|mold|dust|fumes|pollution)`,
      String.raw`(?:nearly|almost|near enough|going to|will|gonna|would|could) (?:have |had |give (?:me |him |her )?)?(?:a )?heart attack|(?:gave|give|giving) (?:me|him|her|them) a heart attack|heart attack (?:when|at the price|at the bill)`,
      // Round 34: a letter, a bill or a fine that "has given me a heart attack" (hyperbole, the thing named as the subject).
      String.raw`\b(?:letter|bill|bills|fine|ticket|pcn|statement|demand|reminder|invoice|charge|amount|total|price|quote|email|text|notice|overpayment|arrears|increase)s?(?: [a-z]+){0,3} (?:has |have |had |s |just |nearly |almost )*(?:given|gave|give|giving) (?:me|us|him|her|them|my [a-z]+) (?:a |an )?(?:heart attack|stroke|coronary)`,
      String.raw`\b(?:battery|phone|car|bin|light|lights|lamp|street light|streetlight|plant|plants|tree|trees|grass|hedge|fox|cat|dog|rat|bird|seagull|gull|pigeon|badger|deer|animal|squirrel|hedgehog|line|phone line|battery is|bus stop) (?:is |are |was |has |looks )?(?:dead|unconscious)\b`,
      // Round 34: an animal lying still ("a fox lying in the road not moving"): no person.
      String.raw`\b(?:fox|cat|dog|rat|bird|seagull|gull|pigeon|badger|deer|animal|squirrel|hedgehog|rabbit|swan|duck|sheep|cow|horse)(?: [a-z]+){0,3} (?:lying|laying)\b`,
      String.raw`\bdead (?:fox|cat|dog|rat|bird|seagull|gull|pigeon|badger|deer|animal|squirrel|hedgehog|rabbit|tree|plant|leaves|end)\b`,
      // Round 70: also a death named by whose it was ("register my grandads death"), and someone lost to a heart attack or a stroke ("Lost
      // a running club mate to a heart attack at the track last week"): a death told, registered or mourned, not an emergency now.
      String.raw`(?:register(?:ing)? (?:a |the |his |her |their |my |our )?(?:[a-z]+ ){0,2}death|lost (?:a|my|our|his|her|their) (?:[a-z]+ ){0,3}to (?:a |an )?(?:heart attack|cardiac arrest|stroke|aneurysm|seizure))(?![^]*\b(?:not breathing|unconscious|unresponsive|ambulance|999|right now|cpr)\b)`,
      // Probe after round 70: a collapse or a heart attack told with when it was and that the person died ("my uncle collapsed at the
      // golf club on sunday and died, how do i register his death"): a death told, not an emergency; "not breathing" or 999 still hit.
      String.raw`\b(?:collapsed|keeled over|had (?:a |an )?(?:massive )?(?:heart attack|stroke|cardiac arrest|seizure))(?: [a-z0-9]+){0,6} (?:yesterday|last (?:week|month|night|year|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:a|two|three|four|five|few|couple of) (?:days|weeks|months|years) ago)(?: [a-z]+){0,2} and (?:died|passed away|passed|did not make it|never recovered|never woke up)\b(?![^]*\b(?:not breathing|unconscious|unresponsive|ambulance|999|right now|cpr|what do i do)\b)`,
      String.raw`death certificate|passed away|died (?:last|on|in|at)|funeral|bereavement|has died|have died`,
      String.raw`call (?:999|an ambulance) (?:for a|for the)? ?(?:fox|dog|cat|bird|seagull|badger|deer|animal)`,
      // Round 17: a smell likened to a body, told of bins or rubbish ("garden bin missed ... stinks like a dead body"), is a simile.
      String.raw`\b(?:bins?|rubbish|waste|bin bags?|bags|fridge|freezer|drains?|compost|nappies|food|collection)(?: [a-z]+){0,10} (?:like|as if|as though) (?:there is )?(?:a )?(?:dead|lifeless) body`,
      // Round 47: an insult about someone's skill ("my GP could not diagnose a dead body", "would not notice a dead body in his own
      // surgery"): nobody has died. "I could not wake him, I think it is a dead body" has no such verb before it.
      String.raw`\b(?:could not|cannot|can not|would not|could never|would never|could not even|would not even|unable to) (?:diagnose|spot|notice|recognise|recognize|identify|find|treat|see) (?:a )?(?:dead|lifeless) body\b`,
    ],
  },
  {
    // Round 23: a carbon monoxide alarm sounding its alarm (a number of long or loud beeps, "not the low battery chirp"), even when
    // silenced or its battery taken out: the fire family's chirp guard read "chirp" and let it through. A chirp alone stays guarded.
    // Before the fire family, so that its own guards and the model's disagreement do not turn it into a question.
    id: 'co_alarm_sounding', kind: 'fire_gas_co', category: RISK, reason: 'carbon monoxide alarm sounding',
    patterns: [
      `(?:co|carbon monoxide) (?:alarm|detector)s?(?: [a-z0-9]+){0,12} (?:[0-9]+|two|three|four|five|six) (?:long |loud |quick |short )?beeps`,
      `(?:co|carbon monoxide) (?:alarm|detector)s?(?: [a-z0-9]+){0,12} not (?:the |a |just (?:the |a )?)?(?:low battery |battery |usual )?(?:chirp|chirping|chirps|beep)`,
      `(?:co|carbon monoxide) (?:alarm|detector)s? (?:is |keeps |kept |has been |was |started |starts )?(?:going off|sounding|alarming|screaming|beeping (?:loudly|constantly|continuously|non stop|all (?:night|day)))`,
    ],
    guards: [String.raw`test(?:ed|ing)? (?:button|it)|pressed (?:the )?test|in (?:the |a )?(?:shop|box|packet)|(?:last|yesterday|ago)(?![^]*\b(?:again|now|still|tonight)\b)`],
  },
  {
    // Fire, gas, carbon monoxide, explosions. Bonfires and fire-safety questions are guarded.
    id: 'fire_or_gas', kind: 'fire_gas_co', refine: ['crime_violence'], category: RISK, reason: 'fire or gas danger',
    patterns: [
      '(?:smell|smells|smelling|smelt|smelled|stink|stinks|stinking|reek|reeks|whiff) (?:of |like )?gas', 'gas (?:leak|leaking|escape|is leaking|smell)', 'leaking gas',
      // Round 54: a vehicle, a tanker or a trailer starting to burn ("a tanker on its side by the school and it's leaking and starting to burn").
      `(?:tanker|lorry|truck|van|car|vehicle|bus|coach|motorbike|caravan|trailer|engine|wagon)(?: (?!(?:not|never|nearly|almost)\\b)[a-z0-9]+){0,14} (?:is |s |are )?(?:starting|started|beginning|begun|about) to (?:burn|catch fire|catch light|go up in flames)(?!(?: [a-z]+){0,6} (?:last|yesterday|ago))`,
      // Engineer's probe after round 62: a fire told in the past tense and then as still burning ("the fire was all over the kitchen, we
      // got out, it's still burning"); a fire put out, or "still burning" of a throat or a bonfire in a garden, is not read.
      String.raw`fire (?:was|is|has|had|went|got|spread|took)(?: [a-z]+){0,12} (?:it is|it s|its|is|are|they are) still (?:burning|alight|on fire|spreading|raging)`,
      // Round 7: gas heard or seen escaping.
      'gas (?:is )?(?:hissing|escaping|pouring|rushing|coming out|blowing out)', 'hissing (?:out of|from) (?:a |the )?(?:gas )?(?:pipe|main|meter)',
      'carbon monoxide', '(?:co|carbon monoxide) alarm (?:is )?(?:going off|beeping|sounding|went off)',
      'there is (?:a )?fire(?! (?:hazard|risk|door|doors|exit|alarm|safety|extinguisher|hydrant|escape|blanket|station|pit|place|grate|engine))',
      `(?:house|flat|home|building|kitchen|car|bin|bins|room|block|shed|garage|van|bus|shop|school|stairwell|it|everything|upstairs|downstairs|next door|my neighbours|the neighbours|loft|roof|hallway|bedroom|landing|stairs|staircase|hall|lounge|living room|sofa|settee|curtains|mattress|bed|porch|extension lead|socket|plug|wall|ceiling) (?:is |are |s )?(?:on fire|alight|ablaze|in flames|burning down|going up in flames)`,
      // Round 50: flames reaching the ceiling now ("the fryer has gone up, the flames are reaching the ceiling tiles").
      String.raw`(?:flames?|fire)(?: (?:are|is|now|already))* (?:reaching|touching|licking|hitting|up to) (?:the )?(?:ceiling|ceilings|ceiling tiles|roof|extractor(?: fan| hood)?)`,
      'on fire', 'caught fire', 'catching fire', '(?:set|setting|lit|lighting) fire to', 'set (?:it |the [a-z]+ )?alight',
      '(?:smokes?|flames|fire) (?:is |are )?(?:coming|pouring|billowing|coming out) (?:out|from|under|through)',
      `fire in (?:the|my|our|a|their|his|her|next doors) (?:[a-z]+ )?(?:house|flat|kitchen|building|block|stairwell|stairs|hallway|bedroom|room|loft|home|property|corridor|communal area|cupboard|store|bin store|basement|cellar|landing|lift|lobby|garage|shed|attic|car park|shop|school|office|workshop|van|car)`,
      // A fire or smoke with people still inside: "smoke on the landing, the family upstairs are still in".
      `(?:fire|smoke|smokes|flames|burning|alight)(?: [a-z0-9]+){0,12} (?:people|someone|somebody|family|families|kids|children|residents|neighbours|tenants|a child|a baby|an? (?:old|elderly) [a-z]+|person) (?:are |is )?(?:still )?(?:in there|inside|trapped|in (?:their|the|his|her) (?:flats?|houses?|homes?|rooms?))`,
      `(?:people|someone|somebody|family|families|kids|children|residents|a child|a baby|person) (?:are |is )?(?:still )?(?:in there|inside|trapped)(?: [a-z0-9]+){0,12} (?:fire|smoke|flames|burning|alight)`,
      '(?:full of|filling (?:up )?with|filled with|thick with|thick black) smoke', 'smoke everywhere',
      '(?:smell|smells|smelling|smelt|smelled|stink|stinks|stunk|stench|whiff) (?:like|of) (?:rotten eggs|bad eggs)', 'rotten egg smell',
      // Round 12: an "eggy" smell (the gas additive) beside a gas appliance, a pipe or indoors ("the boiler was capped ... now a strong
      // eggy smell again in the kitchen"); an eggy smell in the street from the water works or a drain is not.
      '(?:boiler|cooker|hob|gas meter|meter|gas pipe|pipe|hissing|gas fire)(?: [a-z]+){0,14} eggy (?:smell|whiff|stink|pong)', // Round 64: smelling "proper eggy" by a boiler, a cooker or indoors, the adjective told without a noun ("our house share smells proper
      // eggy near the boiler since yesterday"); a drain or the street smelling eggy is not (guarded, and no appliance named).
      '(?:smells?|smelling|smelt|smelled|stinks?|stinking|reeks?|reeking) (?:proper |really |well |dead |so |very |a bit |a little |quite |right |bare |mad |kinda |kind of |like )*eggy(?: [a-z]+){0,4} (?:in|from|by|near|round|around|behind|under|next to) (?:the |my |our )?(?:kitchen|boiler|cooker|hob|meter|gas meter|meter cupboard|gas fire|fire|oven)', '(?:boiler|cooker|hob|gas meter|gas fire|oven)(?: [a-z]+){0,6} (?:smells?|smelling|smelt|stinks?|reeks?) (?:proper |really |well |dead |so |very |a bit |a little |quite |right |kinda |like )*eggy',
      'eggy (?:smell|whiff|stink|pong)(?: [a-z]+){0,4} (?:in|from|by|near|round|around|behind|under) (?:the |my |our )?(?:kitchen|flat|house|hall|hallway|home|living room|lounge|bedroom|boiler|cooker|hob|meter cupboard|stairwell|landing)',
      'sparks (?:are )?(?:coming|flying|shooting) (?:out|from)',
      // Round 33: sparks or embers landing on a thatch or a roof ("chimney fire ... sparks landing on the thatch and an old couple live there").
      '(?:sparks|embers|burning bits)(?: [a-z]+){0,5} (?:landing|falling|dropping|raining|blowing) (?:on|onto) (?:the |a |their |its |his |her )?(?:thatch|thatched roof|roof)', '(?:caught|catching|flames|fire|burning|alight)(?: [a-z]+){0,6} (?:spreading|spread to|getting bigger|out of control)',
      // Round 61: a bonfire or a blaze told as spread, "bonfire's" read as "bonfires" by the normaliser ("Bonfire's spread to the pavilion
      // ... heading for the houses"); a bonfire told as last year's is not.
      '(?:bonfires?|blaze|blazes|flames)(?: has| have| is| s)? (?:spread|spreading|jumped) (?:to|into|onto|across) (?:the |a |our |their |next doors )?(?:[a-z]+ )?(?:pavilion|house|houses|flats?|sheds?|fence|fences|garage|garages|clubhouse|building|hall|school|barn|stables|trees|woods|hedge|roof|cars?)(?!(?: [a-z]+){0,6} (?:last|ago|yesterday|in (?:19|20)[0-9]{2})\\b)', '(?:caught|catching|set) light(?! (?:bulb|fitting|switch|bill))', 'getting smoky', 'smoke is coming (?:in|under|through)',
      'house fire', 'flat fire', 'gas explosion', '(?:an |big |loud )?explosion',
      // Round 9: a kitchen fire flaring up now ("chip pan fire ... the cupboards above the cooker are smoking now").
      // Round 38: fireworks, sparks or a lantern come down on a thatch, a roof, a hedge or a barn, smouldering or burning now ("fireworks from
      // the festival landed on the thatched roof across the road, it's smouldering"); a thatch or a roof told smouldering or smoking.
      String.raw`(?:fireworks?|rockets?|sparks|embers|sky lanterns?|chinese lanterns?|lanterns?|flares?|burning bits)(?: [a-z]+){0,8} (?:landed|landing|lands|fell|fallen|falling|came down|come down|coming down|dropped|dropping|went|gone|hit) (?:on|onto|into|in) (?:the |a |their |its |his |her |my |our |next doors |that )?(?:[a-z]+ )?(?:thatch|thatched roof|thatched cottage|roof|roofs|hedge|hedges|trees?|barn|hay|haystack|hay bales?|bales?|shed|garage|loft|gutter|guttering)(?: [a-z]+){0,8} (?<!not |no longer |stopped |never )(?:smoulder[a-z]*|smoking|burning|alight|on fire|in flames|glowing|caught|catching)(?! out)`,
      String.raw`(?:thatch|thatched roof|thatched cottage|roof)(?: [a-z]+){0,4} (?:is|are|s|has started|started|keeps|kept|was|now|still)(?: (?:now|still|actually|definitely|properly))? (?:smouldering|smoldering|smoking|glowing|alight|burning)(?! (?:hot|out|down the road|oil|wood|logs?|rubbish|leaves))`,
      // Round 75: a flue, a stove pipe or a chimney glowing red or red hot where it goes through a roof, a wall or a ceiling, or the
      // insulation, the timber or the lining round it started smoking ("Flue pipe off our wood burner is glowing red where it goes
      // through the caravan roof and the insulation round it has started smoking"); a stove glowing red inside the stove is not read.
      String.raw`(?:flue|flue pipe|stove pipe|stovepipe|chimney pipe|chimney|twin wall|flue liner)(?: [a-z]+){0,6} (?:is |are |s |has gone |went |gone |now )?(?:glowing (?:red|orange|bright)|red hot)(?: [a-z]+){0,4} (?:through|in|into|against|at) (?:the |our |my |a )?(?:[a-z]+ )?(?:roof|ceiling|wall|walls|timber|timbers|cladding|insulation|panelling|lining|deck|cabin top)`,
      String.raw`(?:insulation|timbers?|joists?|rafters?|roof lining|lining|panelling|cladding)(?: (?:round|around|by|next to|near|behind|above) (?:it|the flue|the pipe|the chimney|the stove|the burner))? (?:has |have |is |are |s )?(?:started|starting|begun|beginning) (?:to )?(?:smok(?:e|ing)|smould(?:er|ering)|smold(?:er|ering)|char(?:ring)?|scorch(?:ing)?)`,
      'chip pan (?:fire|is on fire|caught|has caught|flames)', '(?:cupboards?|walls?|ceiling|curtains?|cooker|oven|pan|worktop|sofa|mattress|bed)(?: [a-z]+){0,2} (?:is |are )(?:smoking|smouldering|burning) now',
      // Round 63: smoke filling a block's stairs, landing or corridor now ("fire in the bin chute room, smoke filling the stairs");
      // weed, cigarettes or a vape on the landing are not (guarded).
      `(?<!(?:weed|cannabis|skunk|cigarette|fag|vape|spliff|joint|shisha|bbq|barbecue) )smoke (?:is |now )?(?:filling|pouring (?:into|up|down|out of)|billowing (?:into|up|down)) (?:up )?(?:the |our |my )?(?:stairs|stairwell|staircase|landing|landings|corridor|corridors|hallway|hall|lobby|block|building|flats?)(?= )(?![^]*\\b(?:weed|cannabis|skunk|cigarettes?|fags?|vap(?:e|es|ing)|spliffs?|joints?|shisha)\\b)`,
    ],
    // Round 71: a fear that a boiler or a cooker will blow up, told of a belief ("heard a gas explosion on a radio play now hes convinced
    // our boiler will blow up can someone do the safety check"): nothing smelt, heard, burning or faulty told; a smell, a hiss, smoke,
    // an alarm or someone unwell still hits.
    // Round 73: carbon monoxide detectors or alarms asked about for building regulations or an installation ("the installer mentioned
    // smoke and carbon monoxide detectors for building regs"): a compliance question; an alarm going off, a smell or symptoms still hit.
    textGuards: [String.raw`^(?![^]*\b(?:going off|gone off|went off|goes off|beep[a-z]*|sounding|alarming|headaches?|dizzy|sick|nause[a-z]*|drowsy|smell[a-z]*|fumes|leak[a-z]*|fire|flames|burning|unconscious|collapsed)\b)(?=[^]*\b(?:building reg[a-z]*|regs|regulations|installer|installing|install|fitting|fitted|apply|application|sign off|signed off|certificate|hetas|compliance|compliant|required|requirement)\b)[^]*\b(?:carbon monoxide|co) (?:and smoke |or smoke )?(?:detectors?|alarms?)\b`,
      String.raw`^(?![^]*\b(?:smell[a-z]*|smelt|stinks?|reeks?|hiss[a-z]*|leak[a-z]*|smok[a-z]*|flames?|burning|fire|sparks?|sparking|alarm|beep[a-z]*|dizzy|headaches?|sick|drowsy|rotten eggs?|eggy|banging|bang|rattl[a-z]*|fault[a-z]*|broken|black marks?|soot|yellow flame)\b)[^]*\b(?:convinced|worried|scared|afraid|frightened|terrified|paranoid|thinks|keeps saying|fears?|anxious|sure)(?: that)? (?:the |our |my |his |her |their |a )?(?:boiler|cooker|oven|gas|meter|heater|fridge|microwave|hob|pipes?|tank|house|flat)(?: [a-z]+){0,2} (?:will|is going to|going to|might|could|would|is gonna|gonna) (?:blow up|explode|go up|blow)\b`],
    guards: [
      // Round 72: a thing likened to being on fire ("My streaming PC keeps overheating and shutting down like its on fire"): a simile for
      // heat; smoke, flames, a smell of burning or sparks told with it still hit.
      String.raw`\b(?:like|as if|as though) (?:it is|it was|it s|they are|they were|i am|you are|the [a-z]+ is) (?:literally )?on fire\b(?![^]*\b(?:smoke|smoking|smoulder[a-z]*|flames?|smell[a-z]*|sparks?|sparking|melting|melted|burning smell)\b)(?<!\b(?:smoke|smoking|smoulder[a-z]*|flames?|smell[a-z]*|sparks?|sparking|melting|melted)\b[^]*)`,
      // Round 72: a thing set alight once before and left ("Moped left in our car park for weeks, somebody already set it alight once and
      // kids sit on it"): an abandoned vehicle with a past fire; burning, smoke or "again" now still hit.
      String.raw`\b(?:set (?:it |them |the [a-z]+ )?(?:alight|on fire)|set fire to (?:it|them|the [a-z]+)|torched (?:it|them)) (?:once|before|already|previously|one time)\b(?![^]*\b(?:again|now|still|smoke|smoking|smoulder[a-z]*|burning|flames|spreading|trapped)\b)`,
      // Round 72: a fire the writer does not want to start, English or Welsh beside it ("Dw i ddim eisiau rhoi'r glaswellt ar dân", I do not
      // want to set the grass on fire; "don't want to set the hedge alight"): a rules question; a fire started, smoke or flames still hit.
      String.raw`\b(?:do not|dont|does not|would not|wouldnt) (?:want|wanna|wish) (?:to )?(?:set|start|cause)(?: [a-z]+){0,3} (?:on fire|alight|a fire|fire to [a-z ]{1,20})\b(?![^]*\b(?:smoke|smoking|flames|burning now|spreading|caught)\b)`,
      // Round 64: "on fire" glossed as praise ("my bin is on fire... as in lit, as in it looks amazing"), a threat to set a housemate on fire over a
      // chore ("if he leaves his pizza boxes in the hall one more time"), a fire imagined by someone with dementia and denied ("convinced the
      // house is on fire every evening (it isn't!)"), and a kitchen nearly set alight last year, the pan taken away.
      String.raw`\bon fire\b(?: [a-z]+){0,2} (?:as in|i mean|meaning|like) (?:lit|amazing|great|brilliant|banging|sick|class|clean|spotless|gleaming|fire)\b`,
      String.raw`\bset (?:my|the|our|him|her) (?:[a-z]+ )?(?:on fire|alight) if (?:he|she|they|you|it)\b(?: [a-z]+){0,3} (?:leaves?|leaving|does not|do not|did not|forgets?|puts?|keeps?|eats?)\b`,
      String.raw`\b(?:convinced|thinks|believes|keeps saying|insists|imagines|hallucinat[a-z]*)(?: that)? (?:the |his |her |our )?(?:house|flat|home|kitchen|building|place|room) is on fire\b(?: [a-z0-9]+){0,6} (?:it is not|it was not|which it is not|but it is not|sundown[a-z]*)\b`,
      String.raw`\b(?:nearly|almost) set (?:his|her|their|my|the|our) [a-z]+ (?:alight|on fire|ablaze)(?: [a-z]+){0,3} (?:last (?:year|month|week|summer|winter)|(?:a few|two|three|several|some|[0-9]+) (?:weeks|months|years) ago|years ago)\b(?![^]*\b(?:again|now|still|smoke|smoking|burning|flames)\b)`,
      // Round 60: someone who nearly set fire to themself or a thing, told for last year or years ago ("my husband nearly set fire to
      // himself last year so im asking before he tries again", asking if barbecues are allowed): an accident past, nothing burning.
      String.raw`\b(?:nearly|almost) (?:set fire to|set light to|set alight|burnt|burned) (?:himself|herself|myself|themselves|ourselves|the [a-z]+|his [a-z]+|her [a-z]+)(?: [a-z]+){0,3} (?:last (?:year|summer|week|month|time|bonfire night)|(?:a few|two|three|several|some|[0-9]+) (?:weeks|months|years) ago|years ago)\b`,
      // Round 58: a gas leak had in the past, with who to call next time asked in advance ("We had a gas leak at the flats last year ...
      // who do I call if it happens again? Asking in advance"); gas smelt now or again still hits.
      String.raw`\b(?:had|was|were|there was) (?:a |the )?gas (?:leak|escape)(?: [a-z]+){0,5} (?:last (?:year|month|week|winter|summer|spring|autumn|christmas)|(?:a few|two|three|several|some|[0-9]+) (?:weeks|months|years) ago|a while (?:ago|back)|back in [a-z0-9]+)\b(?![^]*\b(?:again now|can smell|smell gas|smelling|smells of gas|right now|today|tonight|hissing)\b)`,
      // Round 56: a fire told as over and in the past, a while or a month ago, nobody hurt or it just sits there ("a burnt out car ... it
      // was set on fire by kids a while ago"; "Boat's engine caught fire in August, put out quickly, nobody hurt"), nothing burning again.
      String.raw`\b(?:on fire|caught fire|set alight|went up|burnt out|burned out)(?: [a-z]+){0,3} (?:a while ago|a while back|ages ago|(?:a few|two|three|several|some|[0-9]+) (?:weeks|months|years) ago|last (?:year|month|summer|winter|spring|autumn)|in (?:january|february|march|april|may|june|july|august|september|october|november|december)|back in [a-z0-9]+)\b(?![^]*\b(?:again|still (?:burning|alight|smoking)|spreading|right now|trapped)\b)`,
      // Round 52: a place open again after a past fire ("is the play area open again after someone set fire to the slide").
      String.raw`(?:open|opened|reopen[a-z]*|re open[a-z]*|back open|closed|shut|repaired|fixed|replaced|rebuilt)(?: again| yet)? (?:after|since|following)(?: [a-z]+){0,5} (?:set fire to|set alight|set on fire|fire|arson|burnt|burned|torched)`,
      // Round 49: a gas or electric fire (the appliance) capped off, condemned or disconnected by an engineer ("the gas man capped off the
      // fire in my flat as it failed its safety check"): a repair, unless a smell, smoke, flames or symptoms are told beside it.
      String.raw`^(?![^]*\b(?:smell[a-z]*|smoke|smoking|smoulder[a-z]*|flames|burning|alight|on fire|caught|hissing|leak|leaking|dizzy|headaches?|explosion|trapped|spreading)\b)[^]*(?:\b(?:capped|capped off|condemned|disconnected|decommissioned|isolated|switched off|turned off|shut off|ripped out|taken out|removed|took out)(?: off)? (?:the |my |our |his |her |their |a |that |mums |dads )?(?:old )?(?:gas |electric )?fire\b|\b(?:gas |electric )fire (?:was |has been |had been |got |is |been )?(?:capped|condemned|disconnected|decommissioned|isolated)\b)`,
      // Round 48: a near miss told as past, an object nearly set alight ("a heater that nearly set fire to the curtains? not risking it
      // again"): nothing burning, smoking or alight now told beside it.
      String.raw`\b(?:nearly|almost|near enough) (?:set fire to|set light to|set alight|caught|ignited) (?:the |my |our |a |her |his )?(?:curtains?|sofa|settee|carpet|rug|blankets?|bedding|duvet|tea towels?|clothes|washing|towels?|cupboards?|wall|plug|socket|chair|table|bin)\b(?![^]*\b(?:now|still|smoke|smoking|smouldering|burning|flames|alight|on fire|spreading)\b)`,
      // Round 44: a mouth, a tongue or lips "on fire" (a chilli, spicy food): a figure; a throat, a face or a body burning still hits.
      String.raw`\b(?:mouth|tongue|lips) (?:is|are|was|were|s|feels|feel|felt|has been|still) (?:literally |totally |completely |absolutely |actually |still |like it is )?on fire\b`,
      // Round 11: a drain or sewer smelling of rotten eggs is sewer gas (a blocked drain), not a gas leak.
      String.raw`(?:drains?|sewers?|sewage|gull(?:y|ies)|manholes?|septic tank|plughole|soakaway)(?: [a-z]+){0,4} (?:smell|smells|smelling|smelt|stink|stinks|reeks?) (?:like|of) (?:rotten|bad) eggs|(?:rotten|bad) eggs?(?: smell)? (?:from|coming (?:from|up|out of)|in) (?:the |our |my )?(?:drains?|sewers?|gull(?:y|ies)|manholes?|plughole)`,
      // Round 11: a detector's low-battery chirp asked about, nothing sounding, smelt or felt ("a chirp not the alarm and we all feel fine").
      String.raw`(?!.*\b(?:going off|sounding|went off|dizzy|headaches?|sick|drowsy|passed out|collapsed|unconscious|faint|smell[a-z]*)\b).*\b(?:chirp|chirps|chirping|chirped|low battery)\b`,
      // Garden bonfires are a nuisance report, unless the fire has got away. Engineer's probe after round 75: not a stove or its chimney
      // pipe glowing ("the chimney pipe from the log burner is glowing orange where it goes through the roof of the van").
      String.raw`(?:bonfire|fire ?pit|chiminea|barbecue|bbq|burning (?:rubbish|garden|leaves|waste|wood)|garden fire|chimney|incinerator|log burner|wood burner|(?:a |the )?fire in (?:[a-z]+ ){0,2}garden)(?!(?: [a-z]+){0,6} (?:spread|spreading|out of control|fence is|shed is|house is|on fire|help|999|fire brigade|sparks|embers|thatch|thatched|glowing|red hot))`,
      String.raw`(?:explosion|explosions|bang|bangs)(?: [a-z]+){0,5} fireworks?|fireworks?(?: [a-z]+){0,5} (?:explosion|explosions)`,
      // Round 63: not when smoke is filling or pouring in beside it ("fire in the bin chute room, smoke filling the stairs and the fire door
      // is propped open again").
      String.raw`^(?![^]*\bsmoke (?:is |now )?(?:filling|pouring|billowing)\b)[^]*\bfire (?:safety|door|doors|alarm test|risk assessment|extinguishers?|escape|exit|brigade visit|certificate|hazard)|gas (?:safety|bill|meter|supplier|certificate|check)`,
      String.raw`(?:population|explosion of|explosion in (?:the )?(?:number|rats|mice|pigeons|seagulls|weeds))`,
      String.raw`on fire (?:today|at the moment|this season)|you are on fire`,
      // Round 50: a bin set alight in the past (overnight, at the weekend) or now melted or burnt out, told even with "now" ("set fire
      // to our blue bin overnight, it's just a puddle of melted plastic now"); burning, smoking, flames, spreading or anyone inside
      // still hits.
      String.raw`^(?![^]*\b(?:right now|still (?:burning|smoking|smoulder[a-z]*|alight|on fire)|(?:is|are|s) (?:burning|alight|on fire|smoking|smouldering)|spreading|flames?|trapped|inside|smoke)\b)[^]*\b(?:(?:set fire to|set light to|set (?:it |them )?alight|burnt|burned|torched)(?: [a-z]+){0,6} (?:bins?|wheelie bins?)|(?:bins?|wheelie bins?) (?:got|was|were|has been|have been|had been|been) (?:set (?:on fire|alight)|burnt|burned|torched))\b(?: [a-z0-9]+){0,8} (?:melted|puddle|burnt out|burned out|burnt to|burned to|overnight|last night|over the (?:weekend|wknd)|at the weekend|yesterday)\b`,
      // Round 50: a planned gas safety or leak check, test or visit ("energy company says there's a gas leak check coming tues"): no
      // smell, hissing or symptoms told beside it.
      String.raw`^(?![^]*\b(?:smell[a-z]*|smelt|hissing|dizzy|headaches?|leaking|explosion|evacuat[a-z]*|alarm (?:is )?(?:going|beeping|sounding))\b)[^]*\bgas (?:leak |safety |leak safety )?(?:check|checks|test|tests|inspection|inspections|survey|visit)\b(?: [a-z]+){0,3} (?:coming|booked|due|planned|scheduled|arranged|next|tomorrow|this week|next week|mon|monday|tue|tues|tuesday|wed|weds|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|sun|sunday)\b`,
      // Round 50: a fire setting told as a habit and denied now ("setting bins alight on the green every friday, not now, just every week").
      String.raw`\b(?:every|each) (?:day|night|evening|week|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?: [a-z]+){0,3} not (?:happening )?(?:right )?now\b|\bnot (?:happening )?(?:right )?now(?: [a-z]+){0,3} (?:every|each) (?:day|night|evening|week|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b`,
      // Engineer's probe after round 50: the same habit denied as "not happening", which the guard's window may cut before "now"
      // ("set the bins alight on the field every saturday night, not happening now, can you put cctv up").
      String.raw`\b(?:every|each) (?:day|night|evening|week|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?: [a-z]+){0,3} not happening\b`,
      // Round 43: a fire denied now ("burned out car ... it is not on fire now, just dead shell"), and a bin set on fire at a past
      // festival, melted ("someone set fire to my bin at Halloween, it is melted, I need a new one").
      String.raw`\b(?:is|are|was|s|it) not (?:on fire|burning|alight)(?: (?:now|any ?more|still|at all))?\b|\bno longer (?:on fire|burning|alight)\b`,
      String.raw`^(?![^]*\b(?:right now|now|still (?:burning|smoking|smoulder[a-z]*|alight)|spreading|trapped|inside)\b)[^]*\b(?:set fire to|set alight|burnt|burned|torched)(?: [a-z]+){0,3} (?:bins?|wheelie bins?|recycling bins?|bin)\b(?: [a-z]+){0,10} (?:melted|burnt out|burned out|need a new|new one|replacement|replace)\b`,
      String.raw`(?:set fire to|set alight|caught fire)(?: [a-z]+){0,4} (?:last night|yesterday|last week|the other (?:night|day)|at the weekend|(?:a|two|three|a few|a couple of) (?:nights|days|weeks) ago)`,
      // Round 54: the same dated by weeks or months with no count ("someone set fire to the inside weeks ago, it's just a wreck now"),
      // nothing burning, smoking or alight now told after it.
      String.raw`(?:set fire to|set light to|set alight|set on fire|caught fire|torched|burnt|burned)(?: [a-z]+){0,4} (?:(?:some|several|many|a few|a couple of) )?(?:weeks|months|years) ago\b(?!(?: [a-z]+){0,8} (?:still (?:burning|smoking|smoulder[a-z]*|alight)|(?:is|are|s) (?:burning|alight|on fire|smoking|smouldering)|again|flames|spreading|trapped))`,
      // Round 33: a fire in the home told as past by the week or month, the need now housing ("fire in my flat last week, been in a hotel
      // the insurance paid, runs out tonight, nowhere to go"): nothing burning, smoking or smelt now.
      String.raw`^(?![^]*\b(?:again|still (?:burning|smoking|smoulder[a-z]*|alight)|smoke (?:is|coming)|smell[a-z]* (?:of )?(?:smoke|burning|gas)|on fire now|trapped|inside now)\b)[^]*\bfire (?:in|at) (?:my|our|the|his|her|their) [a-z ]{0,20}(?:last (?:week|month|year)|(?:a|two|three|four|a few|a couple of|few) (?:weeks|months) ago|in (?:january|february|march|april|may|june|july|august|september|october|november|december))\b[^]*\b(?:hotel|b and b|b b|bnb|temporary|insurance|insurer|nowhere to (?:go|stay|sleep)|rehous[a-z]*|emergency housing|housing|homeless)\b`,
      // Round 41: a house or a flat fire dated in the past as the reason for a request ("lost everything in a house fire last week, staying
      // with my sister now, is there a grant"): nothing burning, smoking or smelt now; "the house is on fire" is no dated fire.
      String.raw`^(?![^]*\b(?:again|still (?:burning|smoking|smoulder[a-z]*|alight)|smoke (?:is|coming)|smell[a-z]* (?:of )?(?:smoke|burning|gas)|on fire now|trapped|inside now|right now|spreading)\b)[^]*\b(?:house|flat|home|kitchen|chip pan|electrical|caravan|bedroom) fire (?:[a-z]+ ){0,2}(?:last (?:week|month|year)|the other (?:week|month)|(?:a|one|two|three|four|five|six|a few|a couple of|few|several|[0-9]+) (?:weeks|months|years) ago|in (?:january|february|march|april|may|june|july|august|september|october|november|december))\b`,
      // Round 9: the wreck of a past fire left behind ("a burnt-out car on the verge").
      String.raw`(?:burnt|burned) out (?:car|cars|van|vans|vehicle|motorbike|moped|scooter|bike|caravan|shell)`,
      // A question about what to do, not a report: "what number do I call if I smell gas".
      String.raw`\b(?:if|in case|whenever) (?:i|you|we|someone|somebody|anyone|people|residents|tenants) (?:ever )?(?:smell|smells|can smell|suspect|suspects|think there is|think there is a) (?:a )?(?:gas|gas leak|carbon monoxide|fire|smoke)\b`,
      String.raw`(?!.*\b(?:going off|sounding|went off|dizzy|headaches?|sick|drowsy|passed out|collapsed|unconscious|faint)\b)(?:carbon monoxide|co) (?:alarm|detector)s?(?: [a-z]+){0,10} (?:chirp|chirps|chirping|expired|out of date|battery|batteries|replace|replaced|replacing|replacement|new one|dated|test|tested|testing|once a minute|every minute|end of life)|(?:sell|buy|get|fit|fitted|install|installed|supply|approved|free|lend|lends|lending|lent|borrow|borrowing|loan|loans|hire|hires|stock|stocks|give out|hand out|provide|provides|offer|offers) (?:a |an |any |one |me |us )?(?:[a-z]+ )?(?:carbon monoxide|co) (?:alarms?|detectors?)`,
      // Already over: "someone set fire to the bins again, it's out now" is a clean-up report.
      String.raw`(?:it is|it was|fire is|fire was|fires? (?:are|were)|it has been|been|they were) (?:already |now )?(?:out now|put out|out already|out but)`,
      // Round 17: a fire denied ("one went through my letterbox last month. Nothing caught fire").
      String.raw`(?:nothing|nothing else) (?:has |had )?caught (?:fire|light)(?! yet)|(?:did not|has not|had not|never) (?:catch|caught) (?:fire|light)(?! yet)`,
      // Round 21: a fire told as past by its month or as the damage it left ("the fire in the flat below in March smoke-damaged our
      // kitchen ceiling ... it's safe"): a repair.
      String.raw`fire (?:in|at|next door|below|above|upstairs|downstairs)(?: [a-z]+){0,4} (?:in|back in|last|since) (?:january|february|march|april|may|june|july|august|september|october|november|december|year|month|summer|winter|spring|autumn)`,
      String.raw`(?:smoke|fire|soot) damag(?:e|ed|ing)(?!(?: [a-z]+){0,6} (?:now|still|spreading|again))`,
      // A smell denied: "no smell of gas", "I can't smell gas".
      String.raw`(?:no|not a|without any) (?:smell of gas|gas smell|smell|gas leak)|(?:cannot|can not|do not|does not|could not) smell (?:any )?gas`,
    ],
  },
  {
    // Round 8: an electrical fire starting: sparks or smoke from a socket or the wiring, a socket or the wall around it hot or
    // melting. Switched off at the fuse box, and nothing still burning: a repair (guarded).
    id: 'electrical_fire', kind: 'fire_gas_co', category: RISK, reason: 'electrical fire danger',
    patterns: [
      // Round 68: also a fuse board ("an electrical fire in the fuse board in the cellar").
      '(?:sparks?|sparking|smoke|smoking|flames?|fire)(?: [a-z]+){0,4} (?:out of|out|from|behind|in) (?:the |a |my |our |his |her )?(?:plug sockets?|plug|plugs|sockets?|fuse ?box|fuse ?boards?|consumer unit|light switch|switch|wiring|extension (?:lead|cable)|charger|ceiling rose|light fittings?|ceiling lights?)',
      '(?:plug sockets?|plug|sockets?|fuse ?box|consumer unit|light switch|wiring|extension (?:lead|cable)|charger)(?: [a-z]+){0,6} (?:is |are |s |has |have )?(?:gone |going |got )?(?:melting|melted|scorched|smoking|sparking|burning|red hot|hot to (?:the )?touch|blackened)',
      // Round 50: electrics giving two signs of a fire starting, in either order ("burning plastic smell from the fuse board ... the
      // cover is hot to touch and crackling", "socket crackling and smells of burning"): one sign alone is a repair.
      String.raw`(?:fuse ?boards?|fuse ?box|consumer unit|plug sockets?|sockets?|plugs?|wiring|light switch|extension (?:lead|cable))(?: [a-z0-9]+){0,10} (?:hot to (?:the )?touch|crackling|crackles|fizzing|buzzing and hot|(?:burning|melting) (?:plastic )?smell|smells? (?:of|like) (?:burning|melting)(?: plastic)?)(?: [a-z0-9]+){0,6} (?:hot to (?:the )?touch|crackling|crackles|fizzing|sparking|smoking|(?:burning|melting) (?:plastic )?smell|smells? (?:of|like) (?:burning|melting))`,
      String.raw`(?:burning|melting) (?:plastic )?smell(?: [a-z0-9]+){0,3} (?:from|coming from|out of|in|at|round|around) (?:the |a |our |my |his |her )?(?:fuse ?boards?|fuse ?box|consumer unit|plug sockets?|sockets?|plugs?|wiring|light switch)(?: [a-z0-9]+){0,16} (?:hot to (?:the )?touch|crackling|crackles|fizzing|sparking|smoking)`,
      // Round 9: a heater or another appliance sparking or smoking now, beside a smell of burning or a scorch mark.
      '(?:heater|storage heater|radiator|fridge|freezer|tumble dryer|dryer|washing machine|dishwasher|microwave|toaster|kettle|tv|television|lamp|light fitting|fan|cooker|oven)(?: [a-z]+){0,5} (?:is |are |keeps |has been |been )(?:sparking|smoking)(?: [a-z]+){0,10} (?:burning|smell|black|scorch[a-z]*|smoke|melt[a-z]*|caught|curtains?|flames?)',
    ],
    // Round 73: sparks that stopped with the power off and a burning smell told as gone ("Sparks came out of the socket ... now half the
    // house has no power. Burning smell's gone now"): a repair; fire, flames, smoke or sparks still there still hit.
    textGuards: [String.raw`^(?![^]*\b(?:fire|flames?|on fire|smoke is|smoking|still (?:burning|sparking|smoking|smell[a-z]*|hot)|sparking again|melting|melted|hot to (?:the )?touch|crackling|shock|shocked|electrocuted|unconscious|collapsed)\b)(?=[^]*\b(?:no power|no electric[a-z]*|power (?:is |has )?(?:off|out|gone|went)|tripped|trip switch|switched (?:it |everything |the power )?off|turned (?:it |everything |the power )?off|fuse (?:went|blew|blown|has gone))\b)[^]*\b(?:(?:burning )?smells?(?: is| has| s)? (?:gone|cleared|stopped)|no (?:burning )?(?:smell|smoke)|nothing (?:burning|smoking))\b`],
    guards: [
      String.raw`(?:switched|turned|flicked|tripped) (?:it |them |everything |the power |the electrics |the electricity |the mains )?(?:all )?off(?![^]*(?:still|again|spreading|smoke is|smoking))|(?:is|are) (?:all )?(?:switched|turned) off(?![^]*(?:still|again|spreading|smoke is|smoking))`,
      // Round 55: the sockets or the appliance no longer used or unplugged ("kitchen sockets scorched and smell of burning plastic when the
      // kettle was on. stopped using them"): made safe, a repair, when nothing is burning, smoking or sparking still.
      String.raw`(?:stopped|stop|not|no longer|am not|are not|have not been|not been) using (?:it|them|the (?:sockets?|plugs?|kettle|heater|cooker|oven|charger|light|switch|extension(?: lead)?))(?![^]*(?:still|again|spreading|smoke is|smoking|sparking|flames?|on fire))|unplugged (?:it|them|everything|the [a-z]+)(?![^]*(?:still|again|spreading|smoke is|smoking|sparking|flames?|on fire))`,
      // Round 46: sparks at a fuse box or a consumer unit that keeps tripping or that the writer has left alone, with nothing burning, hot,
      // melting or smoking and no smell ("the fuse box keeps tripping and its sparking a bit when i touch it ive left it alone"): an
      // emergency repair, not a fire.
      String.raw`^(?![^]*\b(?:smoke|smoking|smoulder[a-z]*|burning|burnt|burned|burn|flames?|fire|alight|melt[a-z]*|scorch[a-z]*|hot|smell[a-z]*|black|blackened|bang|crackling|kids?|children|baby|water)\b)[^]*\b(?:fuse ?box|consumer unit|trip switch)\b[^]*\b(?:keeps? tripping|kept tripping|tripping|left it alone|leaving it alone|not touching it|not touched it|will not touch it|wont touch it|stopped touching it)\b`,
    ],
  },
  {
    // Round 34: a power line or cable down and sparking or live (children poking it with sticks): danger now, whatever the cause.
    id: 'live_wire_down', kind: 'danger_now', category: RISK, reason: 'a live power line down',
    patterns: [
      '(?:power|electric|electricity|electrical|overhead|pylon|live|mains) (?:lines?|cables?|wires?)(?: [a-z]+){0,6} (?:down|fallen|fallen down|come down|snapped|hanging down|on the ground|in the road)(?: [a-z]+){0,8} (?:sparking|sparks|arcing|fizzing|buzzing|live|smoking)',
      '(?:sparking|arcing|live) (?:power|electric|electricity|electrical|overhead|mains) (?:lines?|cables?|wires?)(?: [a-z]+){0,4} (?:down|on the ground|in the road|across)',
    ],
    guards: [String.raw`(?:made safe|switched off|turned off|cut off|isolated|repaired|fixed|engineers? (?:has|have|are|is) (?:been|there|on site|fixing))|(?:phone|broadband|internet|telephone) (?:lines?|cables?|wires?)`],
  },
  {
    // Carbon monoxide without the words: two symptoms beside a fuel-burning appliance ("headaches and dizzy since the
    // boiler went on"). A broken boiler with a cold family is a repair.
    id: 'co_symptoms', kind: 'fire_gas_co', category: RISK, reason: 'signs of carbon monoxide poisoning',
    patterns: [
      // Round 52: a CO alarm that sounded or was silenced, with sickness now ("CO alarm was flashing red ... took the batteries out ...
      // Both kids vomiting this morning"), never with the symptoms denied ("no headaches or anything"); a disposable barbecue or charcoal burned indoors, people in the room.
      `(?:co|carbon monoxide) (?:alarm|detector)s?(?! [a-z0-9 ]*(?:no|not|without|never|any) (?:headaches?|symptoms|dizz[a-z]*|sickness|vomiting|nausea))(?: [a-z0-9]+){0,26} (?<!(?:no|not|without|never|any|nobody|no one) )${CO_SYMPTOM}`,
      `(?:disposable )?(?:bbq|bbqs|barbecue|barbecues|barbeque|charcoal)(?: [a-z]+){0,2} (?:indoors|inside|in the (?:flat|house|bedroom|room|living room|lounge|kitchen|tent|caravan))(?: [a-z0-9]+){0,10} (?:for (?:warmth|heat|heating)|to keep warm|asleep|sleeping|baby|kids|children|windows (?:taped|shut|closed|sealed))`,
      // Round 20: up to 14 words between the two symptoms ("a headache every evening that goes when I go out, my husband's been passing out").
      `${CO_APPLIANCE}(?: [a-z0-9]+){0,22} ${CO_SYMPTOM}(?: [a-z0-9]+){0,14} ${CO_SYMPTOM}`,
      `${CO_SYMPTOM}(?: [a-z0-9]+){0,14} ${CO_SYMPTOM}(?: [a-z0-9]+){0,22} ${CO_APPLIANCE}`,
      // Round 25: the appliance or the sign between the two ("flu-like symptoms only at home, the cat's lethargic").
      `${CO_SYMPTOM}(?: [a-z0-9]+){0,10} ${CO_APPLIANCE}(?: [a-z0-9]+){0,10} ${CO_SYMPTOM}`,
      // Round 31: an engine or a barbecue run indoors and someone collapsed ("the generator the tenants are running indoors in the
      // basement, one of them passed out"): one sign is enough beside it. Round 61: a room named with a word before it ("petrol generator
      // running in the clubhouse kitchen for the match tea two of the volunteers have fainted"), and a garage, a hall or a clubhouse.
      `(?:generator|barbecue|bbq|disposable bbq|petrol engine|engine|patio heater|camping stove|brazier)s?(?: [a-z]+){0,8} (?:indoors|inside|in the (?:[a-z]+ )?(?:basement|cellar|house|flat|room|bedroom|tent|caravan|kitchen|living room|garage|clubhouse|hall|pavilion|changing rooms?|cabin|shed))(?: [a-z]+){0,10} (?:passed out|passing out|collapsed|unconscious|will not wake|cannot wake|can not wake|fainted|not responding|unresponsive)`,
      // Round 53: a gas oven, a cooker or the rings used for heat, with a sign of poisoning or a confused, flushed person now ("she use the
      // gas oven with door open for warm the room because heating is broken. Now she talk nonsense and very red face"): the broken heating
      // is the reason, so the repair guards do not apply to it (below).
      `(?:gas )?(?:oven|cooker|hob|rings?)(?: [a-z]+){0,6} (?:for (?:warm|warmth|heat|heating)|to (?:warm|heat) (?:the|her|his|their|our|my) (?:room|rooms|flat|house|kitchen|home)|to keep (?:warm|her warm|him warm|them warm|us warm))(?: [a-z0-9]+){0,16} (?:${CO_SYMPTOM}|(?:talk|talks|talking) nonsense|not making sense|(?:very |bright |really )?red (?:in the )?face|(?:face|cheeks) (?:very |bright |really )?red|(?:cherry|bright) red)`,
    ],
    // Round 53: the repair words are no guard where a gas oven or cooker is used for heat (the broken heating is why).
    guards: [String.raw`^(?![\s\S]*(?:gas )?(?:oven|cooker|hob|rings?)(?: [a-z]+){0,6} (?:for (?:warm|warmth|heat|heating)|to (?:warm|heat) (?:the|her|his|their|our|my) (?:room|rooms|flat|house|kitchen|home)|to keep (?:warm|her warm|him warm|them warm|us warm)))[\s\S]*?\b(?:not working|broken|broke down|no heating|no hot water|freezing|repair|what are the symptoms|signs of)\b`, String.raw`\b(?:what are the symptoms|signs of)\b`],
  },
  {
    // Bricks, stones or petrol bombs thrown at a place with people inside: an attack now.
    id: 'attack_on_occupied', kind: 'crime_violence', category: RISK, reason: 'attack on a building with people inside',
    patterns: [
      `(?:throwing|thrown|threw|chucking|lobbing|hurling) (?:bricks|stones|rocks|bottles|petrol bombs?|fireworks|things|paving slabs)(?: [a-z0-9]+){0,10} (?:are |is |were )?(?:still )?(?:inside|in there|praying|in it|indoors)`,
      // Round 35: petrol bombs or firebombs thrown at homes, caravans or people now ("people in the lane throwing petrol bombs at the
      // travellers site"): a firebomb is never thrown at an empty target by chance. Told as long past, guarded.
      '(?:throwing|thrown|threw|chucking|chucked|lobbing|lobbed|hurling|hurled|thrown|throw) (?:a |some )?(?:petrol bombs?|molotovs?|molotov cocktails?|fire ?bombs?)(?: [a-z]+){0,3} (?:at|into|onto|on|through|over)',
      // Round 22: someone making threats and trying to get in where people are (a school, a nursery, a home), or a lockdown under way.
      `(?:making threats|threatening (?:staff|people|us|everyone|the staff|teachers|children|the kids|me))(?: [a-z]+){0,8} (?:trying to|tried to|attempting to|starting to) (?:climb|get|force|break|push)(?: (?:his|her|their) way)? (?:over|in|into|through|past)`,
      `(?:trying to|attempting to) (?:climb|get|force|break|push)(?: (?:his|her|their) way)? (?:over|in|into|through|past)(?: [a-z]+){0,8} (?:making threats|threatening (?:staff|people|us|everyone|the staff|teachers|children|the kids|me))`,
      `(?:we are|we have|school is|school has|nursery is|nursery has|the school is|the school has) (?:now |just )?(?:locking down|in lockdown|gone into lockdown|going into lockdown|on lockdown|locked down)`,
    ],
    guards: [
      String.raw`\b(?:nobody|no one|noone|empty|unoccupied|derelict|boarded up)\b`,
      String.raw`\b(?:years ago|(?:months|weeks) ago|last (?:year|month|summer|winter|spring|autumn)|back in [a-z0-9]+|in the (?:seventies|eighties|nineties|riots|war))\b`,
    ],
  },
  {
    // A person in the sea, river or harbour, or cut off by the tide: the borough is on the coast.
    id: 'water_or_cliff', kind: 'danger_now', category: RISK, reason: 'person in water or stranded',
    patterns: [
      // Engineer's probe after round 74: someone gone under in named water ("on the school trip a child has gone under in the lake and we
      // cant see him"); a business or a firm "gone under" names no water.
      String.raw`(?:nan|gran|grandad|mum|dad|husband|wife|partner|son|daughter|he|she|man|woman|lady|boy|girl|kid|child|pupil|toddler|baby|friend|mate|brother|sister|someone|somebody|swimmer|one of (?:the|our) (?:kids|children|pupils|boys|girls))(?: has| have| is| s| just)* (?:gone|went|slipped|sunk|sank|disappeared) under(?: the (?:water|surface|ice))?(?: [a-z]+){0,2} (?:in|into|at|on) (?:the )?(?:lake|river|sea|canal|pond|reservoir|quarry|harbour|lido|pool|swimming pool|water|weir|dock|marina|estuary|ice)`,
      // Round 61: a person gone or fallen into water and unable to get out ("my nan went in the pond after her dog and she cant get out,
      // its freezing"); a dog that cannot get out, or a fall in the water told as last summer's, is not.
      String.raw`(?:nan|nana|nanna|gran|granny|grandad|grandma|grandpa|mum|mam|dad|husband|wife|partner|son|daughter|he|she|man|woman|lady|boy|girl|kid|child|friend|mate|brother|sister|neighbour|someone|somebody)(?: has| is| s| just)? (?:went|gone|jumped|slipped|waded|fell|fallen|got) (?:in|into) (?:the |a )?(?:pond|river|canal|lake|reservoir|quarry|sea|water|dock|harbour|ditch|slurry pit|slurry)(?: [a-z]+){0,8} (?:cannot|can not) (?:get out|climb out|get back out|get herself out|get himself out)(?![^]*\b(?:last (?:week|month|year|summer|winter)|ago|yesterday|in (?:19|20)[0-9]{2})\b)`,
      // Round 56: stuck (in a wheelchair, in mud, on a slipway) with the tide coming in or the water rising to them, in either order
      // ("I'm in my wheelchair on the slipway and the tide is coming in, my wheel is stuck in the mud"); not a tide time asked.
      String.raw`(?:tide|water|sea) (?:is |s )?(?:coming in|rising|coming up|getting higher)(?: [a-z0-9]+){0,8} (?:i am |im |he is |she is |we are |they are |my (?:[a-z]+ )?(?:is |are )?)?(?:stuck|trapped|cut off|cannot move|cannot get out|sinking)\b|\b(?:i am|im|he is|she is|we are|they are|wheel is|wheels are|chair is) (?:stuck|trapped|cut off|sinking)(?: [a-z0-9]+){0,10} (?:tide|water|sea) (?:is |s )?(?:coming in|rising|coming up|getting higher)\b`,
      // Round 54: ice cracked or given way and someone in the water ("the ice has cracked, he's in the water").
      `(?:ice (?:has |is |just |had )?(?:cracked|broken|broke|gave way|given way|giving way|cracking)|(?:fell|fallen|gone|went) through the ice)(?: [a-z0-9]+){0,8} (?:he|she|they|${CHILD}|the (?:kid|child|boy|girl|man|woman|lad)|someone|somebody)(?: is| s| are| has| have)? (?:in the (?:water|pond|lake|river|canal)|under (?:the )?(?:ice|water)|gone under|fallen in|fell in)`,
      // Round 52: someone out on ice that is cracking or giving way ("theres a kid out on the ice at the boating lake and its cracking
      // round him"), however it is laughed off.
      `(?:${CHILD}|someone|somebody|a man|a woman|a person|people|a lad|a dog walker)(?: [a-z]+){0,3} (?:out |stood |standing |walking |playing )?on the (?:frozen |thin )?(?:ice|frozen (?:lake|pond|river|canal))(?: [a-z0-9]+){0,12} (?:(?:is |it is |its |s )?cracking(?: (?:round|around|under|beneath|up))?|giving way|gave way|fell through|falling through|gone through|went through)(?= )`,
      // Round 50: someone hanging off a height by their hands or losing their grip now ("mans hanging off the scaffold on the high st
      // by his hands, the plank snapped"); a banner or a sign hanging off scaffolding is no person.
      String.raw`(?:hanging|dangling|holding on) (?:off|from|onto|on to|to) (?:the |a |an |that |this )?(?:scaffold[a-z]*|ledge|window ledge|roof|balcony|edge|cliff|bridge|gutter|railings?|crane)(?: [a-z]+){0,6} (?:by (?:his|her|their|my) (?:hands|fingertips|fingers|arms)|(?:losing|lost) (?:his|her|their|my) grip|(?:cannot|can not|can t) hold on)`,
      '(?:fallen|fell|gone|went|jumped) (?:in|into|off) (?:the |a )?(?:sea|water|river|harbour|canal|lake|cliff|cliffs|pier|quay|marina|reservoir)',
      // "drowning in debt / hedge clippings / paperwork" is a figure of speech: only water counts after "in".
      // Round 45: not a worry about a possible drowning ("worried about the little ones drowning" at a paddling pool), asked of a service.
      // Round 53: water "drowning" a thing (a porch, a road, a garden, a lawn, a path, a doorstep) is a figure ("the leaking gutter, it's
      // drowning the porch", "when it rains the road is drowning"); someone drowning beside it still hits.
      `${WORRY_BEFORE_DROWNING}(?<!(?:the|our|my|their|his|her|this|that|whole|front|back) (?:porch|road|roads|street|lane|garden|gardens|back garden|front garden|lawn|grass|path|paths|pathway|doorstep|step|steps|drive|driveway|patio|yard|pavement|footpath|field|fields|crops|veg patch|allotment|plants|car park|cellar|basement|shed|garage)(?: is| are| s| gets| get| keeps| keep| just| always| was| were| completely| totally| literally| basically){0,3} )drowning(?! (?:the |our |my |their |his |her |next doors |the whole |everything in the )?(?:porch|road|roads|street|lane|garden|gardens|back garden|front garden|lawn|grass|path|paths|pathway|doorstep|step|steps|drive|driveway|patio|yard|pavement|footpath|field|fields|crops|veg patch|allotment|plants|car park|cellar|basement|shed|garage)(?= ))(?! in (?!(?:the |a |our |my |that )?(?:sea|water|river|canal|lake|pond|pool|harbour|bath|reservoir|quarry|flood|weir|estuary|marina)))`,
      '(?:in difficulty|struggling|in trouble) in the (?:sea|water|river|harbour)', 'swept (?:out|away)(?: to sea| by the (?:tide|current|waves))?',
      'cut off by the tide', 'stuck on the (?:cliff|cliffs|rocks|mud|sandbank|mudflats)',
      // Round 68: someone stuck, fallen or broken down on a level crossing or the tracks, the barriers or a train coming now ("Man on a
      // mobility scooter stuck on the level crossing ... barriers coming down NOW"); a crossing complained of, nobody on it now, is not.
      String.raw`(?:stuck|stranded|trapped|broken down|broke down|fallen|fell|collapsed|lying|frozen|sat|sitting|standing|wandered|wandering)(?: [a-z]+){0,2} (?:on|onto|across|in the middle of) (?:the |a )?(?:level crossing|railway line|railway tracks|train tracks|tracks|rail line|railway crossing)(?: [a-z0-9]+){0,10} (?:(?:barriers?|train|trains|alarms?|warning lights?)(?: [a-z]+){0,3} (?:now|right now)|(?:a |the )?train (?:is |s )?(?:coming|due|on its way))\b`,
      // Round 48: water up to someone's knees, waist or chest and rising, or them unable to get out ("the water is up to her knees and
      // rising, we can't get her out"); wading through a flooded road knee deep is no one trapped.
      '(?:water|flood water|floodwater|flood|sewage)(?: [a-z]+){0,2} (?:is |s |now |already |has come |has got |has risen |came |got )*(?:up to|over|past|above|around|round) (?:her|his|my|their|our|the (?:kids|childrens|childs|babys)) (?:knees|waist|chest|neck|shoulders|hips)(?: [a-z]+){0,10} (?:rising|still rising|keeps rising|coming up|coming in|(?:cannot|can not|cant|could not|unable to) (?:get|lift|move|carry) (?:her|him|them|me|us|out)|trapped|stuck)',
      // Round 48: a swimmer or someone in the water in difficulty, or someone being pulled out by a current, a rip or the tide ("swimmer
      // in difficulty beyond the groynes, being pulled out by the current"); a boat, a ball or a board pulled out is no person.
      '(?:swimmers?|bathers?|paddle ?boarders?|kayakers?|surfers?|bodyboarders?|body boarders?|windsurfers?|wild swimmers?)(?: [a-z0-9]+){0,3} (?:is |are |s |looks |seems |appears |got |getting )?(?:to be )?(?:in difficulty|in difficulties|in trouble|struggling|going under|waving for help|shouting for help|calling for help)',
      '(?<!(?:boat|boats|dinghy|kayak|canoe|paddleboard|board|ball|inflatable|lilo|buoy|bin|bins|rubbish|litter|seaweed|debris|sand|pier|groyne|groynes)(?: is| are| s| keeps| kept)? )(?:being|getting|been|keeps getting|kept getting) (?:pulled|dragged|swept|carried|taken|sucked) (?:out|away|under|along)(?: to sea)? by (?:the |a )?(?:current|currents|tide|rip|riptide|rip tide|rip current|waves|undertow)',
      // Round 36: someone face down in water; someone over the railings of a bridge or a car park ("hanging off the railing of the
      // footbridge ... on the wrong side of it").
      'face down in (?:the |a )?(?:river|water|canal|sea|lake|pond|harbour|stream|pool|reservoir)',
      '(?:hanging|climbed|climbing|standing|stood|sat|sitting|leaning) (?:off|over|on|outside) (?:the |a )?(?:railings?|parapet|barrier)(?: [a-z]+){0,4} (?:bridge|footbridge|flyover|overpass|viaduct|car park|multi ?storey)',
      // Round 31: a rip current with someone still out in it ("riptide at north beach, lad still out there"); not a sign about it.
      '(?:riptide|rip tide|rip current|rip|undertow)(?: [a-z]+){0,10} (?:still out|still in the water|out there now|being dragged|being pulled|dragged out|pulled out|cannot get back|can not get back|struggling)',
      // Round 11: people out on a sandbank or rocks as the tide comes in ("2 kids on the sandbank ... the tide is coming in fast").
      '(?:on|out on|stranded on) (?:the |a )?(?:sandbank|sand bank|rocks|mudflats|mud flats|causeway)(?: [a-z0-9]+){0,8} (?:tide (?:is )?(?:coming in|rising|turning)|(?:cannot|can not|could not) get (?:back|off)|cut off)',
      '(?:come|came|fallen|fell|falling) (?:off|from|through) (?:the |a |his |her )?(?:scaffold|scaffolding|ladder|roof|balcony|ice|window)(?: [a-z]+){0,10} (?:not getting up|not moving|not breathing|cannot get up|not responding|bleeding|unconscious|in the water)',
      '(?:went|gone|fallen|fell|falling) through (?:the )?ice',
      // Round 28: seen someone fall or go in ("just seen someone fall into the canal lock and they haven't come up"), and someone in
      // the water not come up again.
      '(?:seen|saw|see|watched|just seen) (?:someone|somebody|a man|a woman|a kid|a child|a person|a lad|a girl|a boy|a teenager|an old man|an old woman)(?: [a-z]+){0,2} (?:fall|go|jump|slip|get pushed|be pushed) (?:in|into|off) (?:the |a )?(?:sea|water|river|harbour|canal|canal lock|lock|lake|pond|reservoir|quarry|estuary|weir|dock|marina)',
      '(?:sea|water|river|harbour|canal|lock|lake|pond|reservoir|quarry|estuary|weir|dock|marina)(?: [a-z]+){0,10} (?:they|he|she|the (?:man|woman|kid|child|lad|girl|boy|person))(?: still)? (?:has not|have not|had not|did not|not|never|is not|are not) (?:come|came|coming|surfaced|resurfaced|popped)(?: back)? up',
      // Slipped or pushed off a wall, a bank or a boat into the water.
      '(?<!(?:dog|dogs|puppy|phone|keys|bag|ball|wallet|bike|scooter|hat|toy|football|glasses|shopping|trolley|bin|bins|car) )(?:slipped|fallen|fell|tumbled|gone|went|jumped|pushed|knocked|dropped|washed)(?: [a-z]+){0,5} into (?:the |a )?(?:water|sea|river|harbour|canal|lake|reservoir|pond|quarry|estuary|weir)',
      '(?:in|into) the (?:river|sea|water|canal|lake|harbour|weir|reservoir|quarry)(?: [a-z]+){0,8} (?:going under|gone under|went under|keeps going under|cannot swim|can not swim|being pulled)',
      // Round 45: a crash just had, with a seat or a door stuck or the engine smoking ("we've crashed on the coast road, my baby's car
      // seat is stuck and the engine is smoking").
      '(?:we have|we|i have|i|just|have|has|she has|he has|they have) crashed(?: [a-z0-9]+){0,12} (?:(?:engine|bonnet|car|van) (?:is )?(?:smoking|on fire|in flames|catching fire)|(?:car seat|seat belt|seatbelt|door|doors) (?:is |are )?(?:stuck|jammed|will not (?:open|undo)))',
      '(?:car|van|vehicle|lorry|motorbike)(?: [a-z]+){0,2} (?:gone|went|crashed|come off|upside down|overturned|rolled|on its roof|on it is roof)(?: [a-z]+){0,10} (?:still inside|trapped|not moving|unconscious|stuck inside|not responding|still in it|still in there|(?:cannot|can not) get (?:the doors?|them|him|her) (?:open|out))',
      '(?:ceiling|roof|wall|floor|building|balcony|house|shed|chimney|structure)(?: [a-z]+){0,2} (?:has |have )?(?:come down|fallen|fell|collapsed|caved in|given way)(?: [a-z]+){0,2} on (?:top of )?(?:her|him|them|me|us|someone|somebody|a man|a woman|a child|my [a-z]+)',
      // Round 39: a tree or a branch come down on a person ("the tree has fallen on my neighbour and he's not moving"); on a car, a
      // fence or a roof is a repair (a person named only).
      '(?:tree|branch|bough|limb)(?: [a-z]+){0,2} (?:has |have |had |just )?(?:come down|came down|fallen|fell|landed|crashed|toppled|dropped|snapped off)(?: [a-z]+){0,2} on (?:top of )?(?:her|him|them|me|us|someone|somebody|a man|a woman|a child|a kid|a person|a boy|a girl|a lad|my (?:neighbour|husband|wife|son|daughter|dad|mum|mam|partner|friend|brother|sister|grandad|nan|colleague)|our neighbour|the (?:neighbour|man|woman|lad|boy|girl|child|kid|old (?:man|woman|lady)|gardener|worker|driver))',
      // A bike, a ball or a bag caught under a bus is not a person ("my bike got trapped under the bus wheel, can i claim": engineer's
      // probe after round 41); "my son and his bike are trapped" is.
      '(?<!(?<!(?:and|with|plus) (?:his|her|their|my|our|the|a) )(?:bikes?|bicycles?|scooters?|balls?|football|toys?|bags?|phones?|keys|trolley|suitcase|shopping|kite|frisbee|drone|cones?|signs?|bins?|wheelie bin)(?: (?:is|are|was|were|got|has been|have been|s|been|still|now|just|all))* )(?:trapped|stuck|pinned|buried) (?:under|beneath|in) (?:the |a )?(?:rubble|debris|plasterboard|ceiling|wall|car|lorry|van|digger|machine|collapsed|tractor|trailer|forklift|bus|vehicle|machinery|fallen tree|tree|wardrobe|furniture)',
      '(?:is|are) under (?:the |a )?(?:rubble|debris|plasterboard|collapsed)',
      // Round 41: a child or a person pinned, trapped or crushed under a vehicle or its wheel ("a lorry has mounted the pavement and a
      // child is pinned under the wheel"); a ball, a toy or a cat stuck under the car is not a person.
      `(?:(?:a|the|my|our|his|her|their|one|that) )?(?:${CHILD}|man|woman|person|cyclist|pedestrian|lady|pensioner|someone|somebody|he|she|they|${PERSON})(?: is| are| s| has been| have been| got| was| still| now| been)* (?:pinned|trapped|stuck|crushed|caught) (?:under|beneath|underneath) (?:the |a |its |his |her |their )?(?:front |back |rear )?(?:wheels?|tyres?|lorry|truck|bus|car|van|tram|train|tractor|vehicle|trailer|forklift)`,
      // Round 62: a person told as under a vehicle's wheel now, without "trapped" ("Bin lorry just reversed into my mum on the pavement.
      // She's under the wheel"); a wheel arch, a ball or a cat under the wheel, or someone under the car mending it, is not.
      `(?:(?:a|the|my|our|his|her|their|one|that) )?(?:${CHILD}|man|woman|person|cyclist|pedestrian|lady|pensioner|someone|somebody|he|she|they|${PERSON})(?: is| are| s| was| still| now| lying| stuck| right)* (?:under|beneath|underneath) (?:the |a |its |his |her |their )?(?:front |back |rear )?(?:(?:lorry|lorrys|truck|trucks|bus|buses|car|cars|van|vans|tram|tractor|trailer) )?(?:wheels?|tyres?)(?! arch| arches| nut| nuts| trim| clamp| rim)`,
      // Round 27: something has come down onto a pavement or a road where someone was passing ("the wall of the old garage has fallen
      // over onto the pavement i think there was someone walking past"): a person may be under it.
      '(?:wall|roof|building|scaffolding|ceiling|chimney|structure|balcony|tree|hoarding|canopy|garage|shed|fence)(?: [a-z]+){0,6} (?:has |have |had )?(?:come down|came down|fallen|fell|collapsed|caved in|given way|gave way|toppled)(?: [a-z]+){0,4} (?:onto|on to|into|across|over) (?:the |a )?(?:pavement|path|footpath|road|street|pathway|people|bus stop|playground)(?: [a-z]+){0,8} (?:someone|somebody|a man|a woman|a child|a kid|people|kids|children|a person|person) (?:was |were |is |are )?(?:walking (?:past|by|under)|passing(?! (?:it|by it|round))|going past|standing (?:under|underneath|next to|by)|under (?:it|there|the)|underneath|beneath)',
      // Something has come down and a person is under it: "the wall fell and a builder is underneath".
      '(?:come down|came down|collapsed|fallen|fell|caved in|given way|gave way|toppled|tipped over)(?: [a-z0-9]+){0,14} (?:is |are |got |been |still )*(?:trapped |stuck |pinned |buried )?(?:underneath|beneath|under (?:it|them|there))',
      `(?:someone|somebody|a man|a woman|a worker|workers|a builder|builders|a child|a kid|people|person|one of (?:the|them|our)(?: [a-z]+)?|he|she|they|${PERSON})(?: is| are| got| has been| have been)? (?:trapped |stuck |pinned |buried )?(?:underneath|under) (?:it|them|the (?:rubble|wall|debris|bricks|roof|car|van|lorry|tree|scaffolding|collapsed [a-z]+))`,
      '(?:not|cannot|can not|does not|doesnt) (?:know|knows) where (?:she|he|they) (?:is|are)(?: [a-z]+){0,6} (?:bleeding|fall|fallen|head)|bleeding from (?:the |her |his )?(?:back of (?:her|his|the) )?head', `${PERSON} (?:is |are )?in the (?:sea|water|river|harbour) (?:and|shouting|screaming|waving|not)`,
      // Round 35: a boat sinking, taking on water or drifting onto rocks with people aboard ("boat's taking water off the point, two of us
      // on board, engine dead, we're drifting toward the rocks", "we're being pushed onto the harbour wall"); a boat on its mooring with
      // nobody aboard is guarded.
      '(?:boat|boats|dinghy|dinghys|yacht|yachts|vessel|canoe|kayak|rib|trawler|cruiser|narrowboat|narrow boat|lifeboat)(?: [a-z]+){0,2} (?:is |s |has |keeps |started |starting )?(?:taking (?:on )?water|sinking|going down|holed|swamped|capsiz(?:ed|ing)|flooding)(?: [a-z0-9]+){0,12} (?:on board|aboard|of us|still on (?:it|her|board)|still in it|we are|i am|we have|with us)',
      '(?:we are|i am|of us are|of us|we|he is|she is|they are|people are|my [a-z]+ (?:is|are))(?: still)? (?:on board|aboard|in (?:a|the|our|my) (?:boat|dinghy|yacht|canoe|kayak|rib))(?: [a-z0-9]+){0,12} (?:taking (?:on )?water|sinking|going down|capsiz(?:ed|ing)|swamped)',
      '(?:we are|we|i am|i|they are|he is|she is|boat is|boats|boat s|dinghy is|yacht is)(?: still| now| being| getting)* (?:drifting|pushed|blown|swept|driven|carried|washed)(?: [a-z]+){0,2} (?:onto|on to|toward|towards|into|at) (?:the |some )?(?:rocks|harbour wall|sea wall|cliffs?|pier|breakwater|jetty|reef|groyne)',
      // Round 35: a walkway, a balcony or scaffolding come away with someone hanging on to it ("the walkway has come away and a man is
      // hanging onto the railing").
      `(?:walkway|balcony|bridge|railings?|scaffold(?:ing)?|ledge|roof|floor|stairs|staircase|landing|platform|gantry)(?: [a-z0-9]+){0,6} (?:has |have |had )?(?:come away|came away|collapsed|given way|gave way|fallen|fell|come down|came down|broken off|snapped)(?: [a-z0-9]+){0,10} (?:someone|somebody|a man|a woman|a worker|a builder|a child|a kid|a person|a lad|a girl|a boy|he|she|they|people|${PERSON})(?: is| are| s| was)? (?:hanging|clinging|holding) (?:on|onto|off|from|to)`,
      // Round 35: a vehicle rolled or overturned with someone trapped under it ("tractor's rolled on the bank and Dad's trapped under it").
      '(?:rolled|overturned|flipped|tipped|gone over|went over|turned over|come over|toppled)(?: [a-z0-9]+){0,10} (?:trapped|pinned|stuck|crushed) (?:under|underneath|beneath) (?:it|them|the [a-z]+)',
      // Round 29: someone in the water told apart from their struggle ("a person in the water by the slipway, they were struggling
      // and now I can't see them", "a man in the river near the bridge and he's going under").
      `${PERSON}(?: is| are| was| were)? in the (?:sea|water|river|harbour|canal|lake|estuary|reservoir|weir)(?: [a-z0-9]+){1,12} (?:struggling|in difficulty|in trouble|going under|gone under|went under|waving for help|shouting for help|screaming for help|getting weaker|getting tired|tiring|weakening|losing (?:strength|grip)|(?:cannot|can not) hold on)`,
      // Round 43: someone clinging to an upturned or capsized boat ("someone clinging to an upturned dinghy out past the moorings, no
      // lifejacket, getting weaker"), or hanging on to any boat or buoy and getting weaker; a boat on its mooring with nobody aboard is guarded.
      '(?:clinging|clung|holding on|hanging on|hanging|holding|gripping)(?: on)? (?:to|onto|on to) (?:an? |the |their |his |her |a small )?(?:upturned|capsized|overturned|upside down|swamped|sinking|flipped)(?: [a-z]+)? (?:dinghy|boat|kayak|canoe|yacht|rib|hull|vessel|tender|skiff|sailing boat|rowing boat|pedalo|paddle ?board)',
      '(?:clinging|clung|holding on|hanging on)(?: on)? (?:to|onto|on to)(?: [a-z0-9]+){1,10} (?:getting weaker|getting tired|tiring|weakening|losing (?:strength|grip)|(?:cannot|can not) hold on|no (?:life ?jacket|life ?vest|buoyancy))',
    ],
    // Things and pets that fall in the water: "my phone fell into the canal" is not a person in danger.
    // Round 71: drowning named as what the writer would rather not risk ("im in a wheelchair now and i dont fancy drowning getting
    // aboard"): access asked, nobody in the water; someone in the water, fallen in or going under still hits.
    textGuards: [String.raw`^(?![^]*\b(?:help|in the water|fell in|fallen in|gone in|went in|gone under|went under|under the water|struggling|sinking|cannot swim|can not swim|right now|swept|drifting|cut off|stuck|kill myself|end it|want to die)\b)[^]*\b(?:do not|dont|would not|wouldnt|not|never) (?:fancy|want to risk|fancy risking|like the idea of) (?:drowning|falling in|going in|ending up in the (?:water|drink|sea|harbour))\b`,
      // Round 74: drowning named as a risk on paper, in planning a trip ("the risk assessment asks about drowning", "consent form mentions
      // 'drowning risk'"): nobody in the water; someone in it, fallen in or going under now still hits.
      String.raw`^(?![^]*\b(?:help|in the water|fell in|fallen in|gone in|went in|gone under|went under|under the water|struggling|sinking|cannot swim|can not swim|right now|swept|drifting|cut off|stuck|now|today|missing)\b)(?=[^]*\b(?:risk assessments?|consent forms?|trip|residential|planning|kayaking|lifeguards?)\b)[^]*\b(?:drowning risks?|risks? of drowning|(?:risk assessments?|consent forms?|forms?)(?: [a-z]+){0,8} drowning|drowning(?: [a-z]+){0,3} (?:risk assessments?|consent forms?))\b`],
    guards: [
      // Round 66: a thing fallen in the water ("a library book that fell in the canal. It drowned", "my phone went in the river"), nobody
      // going in after it nor in difficulty; "my son's ball went in the river and he went in after it" still hits.
      String.raw`\b(?:book|books|library book|phone|mobile|keys?|bag|ball|football|wallet|purse|bike|scooter|hat|cap|toy|toys|glasses|sunglasses|shoes?|boots?|trolley|bins?|laptop|kindle|tablet|remote|umbrella|windlass|mooring pins?|fenders?|cushions?|paddle|oar|bucket|mop)(?: (?:that|which|just|has|had|got|was|s|all|somehow))* (?:fell|fallen|dropped|went|gone|blew|blown|rolled|slid) (?:in|into|overboard into) (?:the |a )?(?:canal|river|sea|water|lake|pond|harbour|marina|lock|dock|reservoir|cut)\b(?![^]*\b(?:after (?:it|them)|went in|gone in|jumped in|fell in after|he|she|they|my (?:son|daughter|boy|girl|kid|child)|not come up|cannot see|can not see|struggling|help|999)\b)`,
      // Round 65: a drowning on a stage ("i play a lifeguard in the panto ... the scene has a drowning ... the prop water tank").
      String.raw`\b(?:panto|pantomime|props?|rehearsals?|rehearsing|on stage|stage show|nativity|school play|drama club|film set)\b`,
      // Round 64: a jump off a pier or a harbour wall told as a stunt for a video or a dare and over ("my mate jumped off the pier for a tiktok
      // and got told off by the harbour master lol"); not when he has not come up or is struggling.
      String.raw`\bfor (?:a|an|the) (?:tiktok|tik tok|dare|laugh|bet|video|vid|reel|insta|snapchat|snap)\b(?![^]*\b(?:not come up|not came up|has not surfaced|cannot see (?:him|her)|can not see (?:him|her)|missing|struggling|drowning|in difficulty|help|999|coastguard|still in)\b)`,
      // Round 64: the writer "just drowning" beside arrears, a summons, bills or caring, no water anywhere near ("got a summons ... been caring
      // for dad ... not dodging, just drowning"); someone drowning in water still hits.
      String.raw`(?<!\b(?:water|river|sea|canal|pool|lake|pond|bath|harbour|tide|waves|current|swimming|quarry|reservoir|beach)\b[^]*)(?![^]*\b(?:water|river|sea|canal|pool|lake|pond|bath|harbour|tide|waves|current|swimming|quarry|reservoir|beach)\b)(?<=\b(?:summons|arrears|council tax|bills?|debts?|rent|payments?|pay|paying|behind|caring|carer|money|skint|broke)\b[^]*)\b(?:just |simply |honestly |properly |totally )?drowning\b`,
      // Round 56: nearly going in the water elsewhere, a near miss told to ask for something safer ("at another harbour i nearly went in
      // the water transferring i want to rent a mooring").
      String.raw`\bat (?:another|a different|the other|my old|my last|a previous) [a-z]+ (?:i|he|she|we|they) (?:nearly|almost) (?:went|fell|slipped|ended up) (?:in|into) the (?:water|sea|river|canal|harbour)\b`,
      // Round 57: a carer or a parent "drowning", told as worn out in the same breath ("she's drowning. She's a brilliant mum, just
      // exhausted"), with no water anywhere in the message; someone drowning in water still hits.
      String.raw`(?<!\b(?:water|river|sea|canal|pool|lake|pond|bath|harbour|tide|waves|current|swimming|quarry|reservoir)\b[^]*)(?![^]*\b(?:water|river|sea|canal|pool|lake|pond|bath|harbour|tide|waves|current|swimming|quarry|reservoir)\b)\b(?:she|he|i|we|they|mum|dad) (?:is|s|am|are|was|were) (?:honestly |just |totally |absolutely |completely |really )?drowning(?: [a-z]+){0,8} (?:just|only|so|really|totally|absolutely) (?:exhausted|tired|overwhelmed|stressed|worn out|knackered|shattered|swamped|burnt out|burned out)\b`,
      // Round 63: the writer "drowning" beside a need for support (help, respite, family support), no water anywhere near it ("My son's
      // ADHD is a nightmare with my shifts, he's lovely but I'm drowning. Any family support?"); someone drowning in water still hits.
      // Round 68: also early help, family or parenting help asked for ("we love her to bits but we're drowning. Is there early help?").
      String.raw`(?<!\b(?:water|river|sea|canal|pool|lake|pond|bath|harbour|tide|waves|current|swimming|quarry|reservoir|beach)\b[^]*)(?![^]*\b(?:water|river|sea|canal|pool|lake|pond|bath|harbour|tide|waves|current|swimming|quarry|reservoir|beach)\b)\b(?:i am|we are|i m|im) (?:honestly |just |totally |absolutely |completely |really |literally )?drowning\b(?=[^]*\b(?:support|respite|short breaks|help with|any help|advice|assessment|early help|family help|parenting help|some help|get help|getting help|help available)\b)`,
      // Round 54: drowning denied ("cars are driving through it like rivers, nobody's drowning but it's bad"); someone in the water beside
      // it still hits on its own.
      String.raw`\b(?:nobody|no one|noone|nobodys|no ones|not that anyone|not that anybody)(?: is| s| was| has been| got| actually| really| literally)* (?:drowning|drowned|going to drown|in the water)\b(?! (?:yet|so far|for now|at the moment|right now)\b)`,
      // Round 11: a collapse with nobody under it or hurt ("bricks on pavement, nobody under it, just needs barriers").
      // Round 24: typed as one word with the verb ("no ones under it", "nobodys under it").
      String.raw`\b(?:nobody|no one|noone|none of us|nobody was|no one was)(?:s| s)? (?:is |was |were |got |has been |been )?(?:under|underneath|beneath|trapped|hurt|injured|caught)\b`,
      // Round 58: a thing fallen into the water with nobody near it ("a section of the cliff path fencing has fallen away into the sea.
      // No one near it, I've walked round it"); "no one near to help" is not guarded.
      String.raw`\b(?:nobody|no one|noone|nobodys|no ones)(?: is| was| s| were)? (?:near|nearby|close to|next to|around|on) (?:it|there|them|the (?:edge|gap|hole|path|fence|fencing|section|railings?))\b(?! to help)`,
      // Round 58: a bin, a box or "the one we have" said to be drowning, no water nor a person in danger near it ("can i get a second
      // black bin ... the one we have is drowning"): an overfull container, a figure.
      String.raw`^(?![^]*\b(?:sea|water|river|canal|lake|pond|pool|harbour|bath|reservoir|quarry|weir|tide|waves|flood|flooded|help|cannot breathe|can not breathe|baby|child|kid|son|daughter|dog)\b)[^]*\b(?:(?:the|our|my) (?:[a-z]+ )?(?:bins?|box|boxes|caddy|skip)|the one (?:we|i) (?:have|have got|ve got|got))(?: is| s| are)(?: just| literally| completely| totally| absolutely| basically)? drowning\b`,
      // Round 35: a boat with nobody aboard ("the boat on our mooring is taking on water, nobody aboard").
      String.raw`\b(?:nobody|no one|noone|no body|nobody s|no one s)(?: is| was| s)? (?:on board|aboard|on it|in it)\b`,
      // Round 55: the writer "drowning" beside money trouble, with no water, weather or place of water anywhere in the message ("I'm
      // drowning since my hours got cut", "missed 2 council tax payments ... I'm drowning. can we do a plan?"): a figure.
      String.raw`^(?![^]*\b(?:sea|seas|water|waters|river|rivers|canal|lake|pond|pool|pools|bath|bathtub|harbour|flood|floods|flooded|flooding|tide|tides|waves?|current|currents|beach|pier|quay|reservoir|quarry|weir|swim|swimming|swimmer|under|sinking|help me|cannot breathe|can not breathe)\b)(?=[^]*\b(?:hours|pay|paid|payments?|wages?|money|council tax|tax|arrears|bills?|debts?|rent|claim|reduction|benefits?|universal credit|overdraft|loans?|costs?|afford|plan|instalments?|behind)\b)[^]*\b(?:i am|we are|i feel|i have been|we have been)(?: (?:just|literally|honestly|completely|totally|absolutely|really|basically|slowly))? drowning\b`,
      // Engineer's probe after round 52: fees, bills or debts "drowning us" ("the fees are drowning us, can I pay monthly").
      String.raw`\b${MONEY_DROWNING_US}\b(?![^]*\b(?:drowning|drowned|drown|drowns) (?:in|at|under|off|near|by) (?:the|a|our|my)\b)`,
      // Round 44: drowning as a figure beside a drain, rain, puddles or a flooded pavement ("people are practically drowning walking past",
      // "after rain its like drowning just walking to the bus stop"); "someone is drowning in the flood water" still hits.
      String.raw`\b(?:drains?|rain|rains|raining|rained|rainfall|puddles?|potholes?|pavements?|floods? the|flooded (?:road|pavement|path|street)|flooding (?:the )?(?:road|pavement|path|street))\b[^]*\b(?:like|practically|basically|virtually|literally|near enough|almost|as if|as though) (?:we are |you are |i am |they are |people are |everyone is )?drowning\b|\b(?:like|practically|basically|virtually|literally|near enough|almost) drowning\b[^]*\b(?:drains?|rain|rains|raining|rained|puddles?|potholes?|pavements?)\b|drowning in (?:the )?(?:puddles?|potholes?)`,
      // Engineer's probe after round 50: a pothole, a puddle or a drain "drowning" the road's users or things ("that pothole is so full
      // of water it's drowning the cyclists, fix it"), with no hedge word: a figure; "a cyclist is drowning in the flood" still hits.
      String.raw`\b(?:potholes?|puddles?|drains?|gullies|gully|gutters?)\b(?: [a-z]+){0,8} (?:is |are |s |it is |they are |keeps |keep )?drowning (?:the |all the |every |passing |any )?(?:cyclists?|bikes?|bikers|cars?|drivers?|motorists|pedestrians?|walkers?|people walking|shoes|feet|tyres|wheels|pavement|road|street|path)\b`,
      // Round 44: drowning as a skill, a job or a qualification ("good at saving ppl from drowning", "my bronze medallion for drowning
      // rescue", "lifeguard ... drowning prevention training").
      String.raw`\b(?:good at|great at|skilled (?:at|in)|experienced (?:at|in)|trained (?:in|at|to)|qualified (?:in|at|to)|experience (?:of|in)) (?:saving|rescuing|rescue|save|pulling)(?: [a-z]+){0,2} (?:from|out of) drowning\b|\b(?:medallion|qualification|qualifications|certificate|certified|award|course|training|badge|lifesaving|life saving|lifeguard(?:ing)?)(?: [a-z]+){0,2} (?:for|in|on) (?:drowning|water) (?:rescue|prevention|awareness)\b|\bdrowning (?:rescue|prevention|awareness) (?:course|award|qualification|training|certificate|medallion|skills?|badge)\b`,
      // Round 27: drowning pictured or trained for ("the mural of a drowning sailor", "I can save a drowning man (certificate says so)").
      String.raw`\b(?:murals?|paintings?|pictures?|statues?|sculptures?|artwork|posters?|photos?|photographs?|carvings?|drawings?|prints?|memorials?|plaques?|stained glass|tapestr(?:y|ies)|figures?|scenes?)(?: [a-z]+){0,4} (?:of|showing|depicting) (?:a |an |the )?(?:[a-z]+ ){0,2}drown(?:ing|ed|s)?`,
      String.raw`\b(?:i can|i could|able to|how to|learn(?:ing|t|ed)? (?:how )?to|trained to|qualified to|taught (?:me |us |them )?(?:how )?to) (?:save|rescue) (?:a )?drowning (?:man|woman|person|swimmer|casualty|child|people)\b`,
      // Round 51: drowning told of a debt, a letter or a bill a few words before (the enforcement agent letter came ... we're drowning,
      // with "were" for "we're"), or a feeling drowned ("slowly drowning my patience"): a figure, no water named after it.
      String.raw`\b(?:enforcement|bailiffs?|debts?|arrears|bills|letters?|overdraft|council tax|paperwork|emails|forms)\b(?: [a-z0-9]+){0,10} (?:were|we are|i am|we re|just|literally|slowly|totally) drowning(?! in (?:the )?(?:sea|water|river|canal|lake|pond|pool|harbour|bath|flood|weir))|\bdrowning (?:my|our|his|her|your|their|all my) (?:patience|sorrows?|sanity|thoughts|ears|brain|mood)\b`,
      // Round 9: drowning as a feeling ("bailiff letter came today, feel like I'm drowning").
      String.raw`(?:feel|feels|feeling|felt) (?:like|as if|as though) (?:i am|we are|i was|we were|i have been) drowning`,
      // Round 15: drowning told beside money worries ("money is tight and I'm drowning"), no water named.
      String.raw`(?:money|debts?|bills|arrears|rent|council tax|skint|broke|payments?|overdraft|instalments|universal credit|uc|benefits?|dwp|pip|esa|jsa|tax credits?|wages?|pension|income)(?: [a-z0-9]+){0,6} (?:i am|we are|i feel|i am just|we are just) (?:literally |absolutely |totally |slowly )?drowning(?! in (?:the )?(?:sea|water|river|canal|lake|harbour))`,
      // Round 37: the same with a fine or a charge, "pay" or "afford" before it, and "i m" as typed ("pcn has doubled because i
      // couldn t pay on time i m drowning already can i get more time").
      String.raw`(?:pcn|pcns|fines?|penalt(?:y|ies)|parking tickets?|tickets?|charges?|fees?|pay|paid|afford|owe|owed|overdue|late payment)(?: [a-z0-9]+){0,8} (?:i am|i m|im|we are|we re|i feel|i am just|i m just) (?:literally |absolutely |totally |slowly |already |just )?drowning(?! in (?:the )?(?:sea|water|river|canal|lake|harbour|pool|bath))`,
      String.raw`\b(?:my|the|a|his|her|our) (?:dog|dogs|puppy|phone|keys|bag|ball|wallet|bike|scooter|hat|toy|football|glasses|shopping|trolley|bin|bins|car keys|sunglasses|drone)(?: [a-z]+){0,2} (?:fell|fallen|slipped|went|gone|dropped|washed|jumped)\b`,
      // Round 43: a thing put, knocked or blown into the water, or the children's ball gone in ("cows knocked my bin into the river and it
      // floated off", "kids ball went in the canal"): a thing, not a person. "Knocked my son into the river" is not guarded.
      String.raw`\b(?:knocked|kicked|blown|blew|pushed|thrown|threw|rolled|dropped|tipped|dumped|chucked) (?:my|the|a|an|our|their|his|her|some) (?:[a-z]+ )?(?:bins?|wheelie bins?|recycling (?:box|boxes|bins?)|boxes|ball|football|bike|scooter|trolley|shopping trolley|bags?|rubbish|kayak|canoe|paddle ?board|phone|keys|cones?|signs?|fence panels?|chairs?|furniture)(?: [a-z]+){0,2} (?:in|into|in to) (?:the |a )?(?:water|sea|river|harbour|canal|lake|reservoir|pond|quarry|estuary|weir|stream|brook)\b|\b(?:kids|childrens|children s|sons|daughters|boys|girls|grandsons|granddaughters) (?:ball|football|toy|toys|kite|drone|scooter|bike|boat)(?: [a-z]+){0,2} (?:fell|fallen|went|gone|rolled|blew|blown|dropped)\b`,
      // Round 21: drowning as a money figure told the other way round ("we're drowning a bit this month, the car died ... a household
      // support fund"): a measure of it, or money named after it, no water named between.
      String.raw`drowning (?:a bit|a little|slightly|financially|this (?:month|week|year)|under (?:bills|debts?|paperwork))`,
      // Round 42: a sign, a warning or a risk of drowning asked about ("is there a drowning risk sign for a reason?"), and drowning told
      // as a figure where no water is named around it: a habit ("drowning every time it rains"), at school, at work, in a place
      // ("sofa surfing ... drowning here"), in forms or paperwork. "Someone is drowning" with nothing else still hits.
      String.raw`drowning (?:risk|hazard|danger|warning|prevention|safety)(?: [a-z]+){0,2} (?:signs?|notices?|boards?|warnings?|posters?|assessments?)|(?:signs?|notices?|warnings?) (?:about|for|of|warning of) (?:the )?(?:risk of )?drowning`,
      String.raw`^(?![^]*\b(?:sea|water|river|canal|lake|pond|pool|harbour|bath|reservoir|quarry|weir|estuary|marina|tide|waves|beach|swim[a-z]*|boat|pier|current|slipway|shore|dock|jetty|lock|bay|cove|sands?|surf|stream|brook|flood(?:ed|ing)?)\b)[^]*\bdrowning (?:every time|whenever|all the time|constantly|at (?:(?:mainstream|secondary|primary|high|junior|infant|grammar|big|new|the|his|her|their|my|our) ){0,3}(?:school|college|work|uni|academy|nursery)|here|over here|in (?:forms?|paperwork|emails?|homework|work|debts?|bills|letters)|with (?:work|homework|forms?|paperwork|bills|debts?))\b`,
      String.raw`drowning(?:(?! (?:sea|water|river|canal|lake|pond|pool|harbour|bath|reservoir|quarry|weir|estuary|marina|tide|waves|swim[a-z]*))(?: [a-z0-9]+)){0,12} (?:money|debts?|bills|arrears|rent|council tax|skint|broke|overdraft|hardship|support fund|payments?|wages|universal credit|benefits?|dwp|pip|esa|jsa|tax credits?)`,
    ],
  },
  {
    // A child in immediate danger: locked in a hot car, missing, on a ledge.
    id: 'child_in_danger_now', kind: 'child_at_risk', category: RISK, reason: 'child in immediate danger',
    patterns: [
      `${CHILD}${GAP(2)} (?:is |are |has been |have been |been |got )?(?:locked|left|trapped|stuck|shut) (?:alone |on (?:his|her|their) own )?in (?:a |the |their |his |her )?(?:hot |boiling )?car`,
      // Round 20: the adult told first ("they keep leaving their baby in the car outside the pub for hours").
      `(?:leave|leaves|leaving|left|locked|locking|locks|lock) (?:their|his|her|the|a|my|our|your|them|that) (?:little |young |two |three |four |five )?${CHILD} (?:alone |on (?:his|her|their) own )?(?:in|inside) (?:a |the |their |his |her |that )?(?:hot |boiling |locked )?car(?! seat| park)`,
      `(?:my|our|a|the) ${CHILD} (?:is |has |has gone |have gone |went |gone |is gone |are )?missing(?! (?:school|lessons|class|classes|out|the bus|his|her|their|a |the |my |meals|appointments|from school))`,
      `${CHILD} (?:has |have )?(?:gone missing|went missing|disappeared|not come home|not came home)`,
      `${CHILD} (?:is |are )?(?:on|hanging out of|hanging from|climbing out of|climbing on|sitting on|standing on) (?:a |the )?(?:window ?ledge|window sill|windowsill|window|roof|balcony(?: railing)?|railway line|railway|motorway|ledge)`,
      // Round 41: a floor or a height named before the window ("child hanging out of 3rd floor window quay st"); "on the 3rd floor" is not
      // in the pattern's way, and a child only looking out of a window is not a hit.
      `${CHILD} (?:is |are )?(?:hanging out of|hanging from|climbing out of|dangling out of|leaning right out of|half out of) (?:a |the |an? )?(?:(?:open |upstairs |top |top floor |bedroom )|(?:[0-9]+(?:st|nd|rd|th)?|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|top|high) (?:floor|storey|story) )(?:flat )?(?:window|balcony)`,
      `${CHILD} (?:is |are )?(?:wandering|walking|playing|alone|on (?:his|her|their) own) (?:on|in|along) the (?:road|railway line|motorway|dual carriageway) (?:alone|on (?:his|her|their) own|by (?:himself|herself|themselves))`,
      // Round 42: adults luring, filming or trying to get children into a vehicle ("men hanging round the play area filming kids and
      // trying to get them into a van"); a parent getting the kids into the car, or men loading a sofa into a van, is not.
      `${LURER}(?: [a-z0-9]+){0,14} ${CHILD}(?: [a-z0-9]+){0,6} ${LURE_INTO} (?:them|him|her)(?: [a-z]+)? ${INTO_VEHICLE}`,
      `${LURER}(?: [a-z0-9]+){0,8} ${LURE_INTO} (?:a |the |some |my |our |local |young |little |those |these )?${CHILD}(?: [a-z]+)? ${INTO_VEHICLE}`,
      `(?:lure|lures|luring|lured|entice|entices|enticing|enticed|coax|coaxing|coaxed)(?: [a-z]+){0,2} (?:a |the |some |my |our |local |young |little |those |these )?${CHILD}(?: [a-z]+){0,2} (?:into|in|to|towards) (?:a |the |his |their |an |that |this )?(?:van|car|vehicle|motor|truck|lorry|house|flat)`,
    ],
    // Round 80: a child missing for a while yesterday or last week and found ("went missing at the fair for ten minutes yesterday ... your
    // stewards found her"): told as past and over; still missing, missing again, or found hurt still hits.
    textGuards: [String.raw`\b(?:yesterday|last (?:night|week|weekend|month|year|summer))\b(?: [a-z]+){0,14} (?:found|find) (?:her|him|them)\b(?! (?:dead|unconscious|injured|hurt|bleeding|in the (?:river|water|canal|sea)))(?![^]*\b(?:still missing|missing again|gone again|not found|now (?:she|he|they) (?:is|are|s) (?:missing|gone))\b)`],
  },
  // --- safeguarding: abuse, neglect, exploitation without an immediate threat --------------------
  {
    // Round 35: "I've been hit again" told by the writer ("I wanted to ask about council tax but really I've been hit again"): abuse named by
    // its return, its own family so the model's disagreement on a service question never lowers it to a question. Hit again by a car, a
    // ball, a bill or a rise (anything but a person after "by", "with" or "from") is not.
    id: 'hit_again', kind: 'domestic_abuse', refine: ['adult_at_risk', 'child_at_risk'], category: SAFEGUARDING, reason: 'hit again',
    patterns: [
      `(?:i have|i|we have|i am|i keep|i got|i was) (?:been |being |getting |just been |got )?(?:hit|punched|beaten|slapped|kicked|strangled|choked|beaten up|battered) again(?! (?:by|with|from) (?!(?:him|her|them|my (?:partner|husband|wife|boyfriend|girlfriend|ex|dad|father|mum|mother|son|daughter|brother|sister|stepdad|carer)|he|she)(?![a-z])))`,
    ],
  },
  {
    // Round 18: a partner's violence to the home, told as a repair: the damage again, or not the first time, or a repair raced
    // against his return. Its own family (not idiom-prone): the safety model reads such a message as a repair and scores it low,
    // yet no idiom says a partner kicked the door in again.
    id: 'partner_damage', kind: 'domestic_abuse', refine: ['adult_at_risk', 'child_at_risk'], category: SAFEGUARDING, reason: "a partner's violence to the home",
    patterns: [
      // Round 32: furniture or things broken when a partner lost his temper with the writer, told as the reason for a collection or a
      // repair ("a wardrobe and a table ... got broken when my boyfriend lost his temper with me"); not a temper with the furniture.
      `(?:broke|broken|smashed|snapped|wrecked|damaged|bust|busted|kicked in|punched|thrown|threw)(?: [a-z]+){0,8} (?:when|after|because|as|once) (?:my |our )?(?:${PARTNER}|he|she) (?:lost|loses|losing|lose|flew|flies|kicked|went|goes|got|gets) (?:(?:his|her|their) (?:temper|rag|head)|it|off|mad|nasty|angry|into (?:a|one of (?:his|her)) (?:rage|temper|rages|tempers))(?: [a-z]+){0,2} (?:with|at) me`,
      `(?:${PARTNER})(?: [a-z]+){0,2} (?:broke|smashed|snapped|wrecked|damaged|threw|kicked|punched)(?: [a-z]+){0,6} (?:when|after|because|as) (?:he|she) (?:lost|loses|flew|kicked|went|got) (?:(?:his|her) (?:temper|rag|head)|it|off|mad|nasty|angry)(?: [a-z]+){0,2} (?:with|at) me`,
      // Round 13: a partner's violence to the home, buried in a repair ("the lock's broken because my partner kicked it in again and i
      // need it fixed before he's back on friday"): the damage again, or a repair raced against his return.
      `(?:${RELATIVE}|he|she)(?: [a-z]+){0,2} (?:kicked|kicks|smashed|smashes|punched|punches|booted|boots|put (?:his|her) (?:fist|foot|head) through) (?:it|the door|my door|our door|the [a-z]+ door|the walls?|the windows?|a hole in (?:the|my|our) (?:wall|door))(?:(?: in| down| through| off)? again|(?: [a-z]+){0,12} before (?:he|she) (?:is|gets|comes) (?:back|home|out))`,
      // Round 18: the same damage told as a repair, the partner named as who did it and the damage as not the first time ("the
      // bedroom door ... it has been kicked in er it was my partner yeah it is not the first time", "my husband kicked the back door in
      // last night, not the first time"); burglars, the police or kids are not partners.
      `(?:${PARTNER}|he|she)(?: [a-z]+){0,2} (?:kicked|kicks|smashed|smashes|punched|punches|booted|boots|put (?:his|her) (?:fist|foot|head) through) (?:it|the door|my door|our door|the [a-z]+ door|the walls?|the windows?|a hole in (?:the|my|our) (?:wall|door))(?: in| down| through| off)?(?: [a-z]+){0,10} ${REPEATED}`,
      `(?:doors?|windows?|walls?|locks?|door frame|frame)(?: [a-z]+){0,3} (?:has been|have been|had been|been|was|were|got|gets|is|keeps getting) (?:kicked|smashed|punched|booted|bashed|put) (?:in|down|through|off)?(?: [a-z]+){0,2} (?:by|it was|that was|was) (?:my |our )?${PARTNER}(?: [a-z]+){0,10} ${REPEATED}`,
      // Round 28: a partner breaking the writer's phone, again or so they have none ("my bf smashed my phone again so I'm on my mate's",
      // "my husband snapped my sim so I can't ring anyone"): cutting off contact, told in passing.
      `(?:${PARTNER}|fella|man)(?: [a-z]+){0,2} (?:smashed|smashes|broke|breaks|has broken|snapped|snaps|stamped on|stamps on|threw|throws|chucked|lobbed|destroyed|took|takes|has taken|hid|hides|keeps taking|keeps smashing|keeps breaking) (?:my|her) (?:phone|mobile|sim|sim card|iphone|laptop|ipad)(?: [a-z]+){0,8} (?:${REPEATED}|so (?:i|she) (?:cannot|can not|have no|has no|do not have|does not have|am using|am on|is on|am texting|am messaging|had to)|(?:my|her) (?:mates|friends|sisters|mums|neighbours) (?:phone|mobile)?)`,
    ],
    // A ball, a game or an accident broke it ("smashed the window with his football again").
    guards: [String.raw`\b(?:balls?|football|footie|cricket|frisbee|by accident|accidentally|by mistake|dropped|screen protector|insurance)\b`],
  },
  {
    // Round 31: being followed again and again, or followed home and watched now ("same car followed me home 3 times, its parked
    // outside now"), with no word of harm: crime, or domestic abuse when an ex or a partner is named. Not a cat, a dog, a smell or
    // followers online.
    id: 'followed_watched', kind: 'crime_violence', refine: ['domestic_abuse', 'child_at_risk'], category: RISK, reason: 'followed and watched',
    patterns: [
      `(?:car|van|man|men|bloke|guy|lad|lads|he|someone|somebody|same [a-z]+|a [a-z]+|they|my ex|ex) (?:has |have |keeps |kept |had |has been |have been |been |is |keeps on )?(?:followed|following|follows|tailed|tailing|trailing|trailed) (?:me|us|my ${CHILD}|my (?:daughter|son|wife|partner|mum|mam|sister|girlfriend))(?: home| back| to (?:the |my |our )?[a-z]+)?(?: [a-z0-9]+){0,3} (?:again|(?:[0-9]+|two|three|four|five|several|a few|a couple of|few|couple of) times|twice|every (?:day|night|morning|evening|week|time)|all week|for days|for weeks|this week|most days|most nights)`,
      // Round 39: followed and then pushed, grabbed or pinned ("a man followed me from the party and pushed me against a wall").
      `(?:followed|following|follows|tailed|chased|chasing)(?: [a-z0-9]+){1,14} (?:pushed|shoved|grabbed|pinned|slammed|threw|forced|dragged) (?:me|us|her|my (?:daughter|son|friend|wife|partner|girlfriend|sister|mum)) (?:up )?(?:against|into|onto|to|on to) (?:a |the )?(?:wall|ground|floor|fence|car|van|door|railings|hedge|alley)`,
      `(?:followed|following|follows|tailed) (?:me|us|my ${CHILD}|my (?:daughter|son))(?: [a-z]+){0,2} (?:home|back|to (?:the |my |our )?(?:house|flat|door|school|work))(?: [a-z0-9]+){0,8} (?:parked|waiting|sat|sitting|standing|stood|hanging about|hanging around|watching)(?: [a-z]+){0,3} (?:outside|across the road|opposite|over the road|at the end of (?:the|our) (?:road|street)|now|right now)`,
    ],
    guards: [String.raw`\b(?:cats?|kittens?|dogs?|pupp(?:y|ies)|stray|strays|fox|seagulls?|gulls?|pigeons?|ducks?|geese|goose|smell|song|instagram|twitter|facebook|tiktok|online|social media|followers?|bad luck|rain|sat ?nav|google maps|directions|signs|diversion|tour|guide|procession|parade|ambulance|police car)\b`],
  },
  {
    // Domestic abuse disclosed: hitting, controlling, fear of a partner or relative.
    id: 'domestic_abuse', kind: 'domestic_abuse', refine: ['adult_at_risk', 'child_at_risk'], category: SAFEGUARDING, reason: 'domestic abuse',
    patterns: [
      // Round 61: thrown or slammed against something by a he or a partner ("ours is smashed. He did it when he threw me against it"); a
      // throw into a pool or a wave throwing someone is not.
      `(?:${PARTNER}|he|she)(?: has| had| just)? (?:threw|throws|thrown|pushed|pushes|shoved|shoves|slammed|slams) me (?:against|into|across|onto|down) (?!(?:the |a )?(?:pool|water|sea|lake|river|snow|sand|leaves|bed|sofa)\\b)(?:it|them|the [a-z]+|a [a-z]+|my [a-z]+|our [a-z]+)(?![^]*\\b(?:lol|haha|judo|wrestling|rugby|training|game)\\b)`,
      // Round 61: a woman heard begging him to stop, with things smashing or screaming ("i hear a woman begging him to stop and things
      // smashing its every day now"); begging him to stop the car or the music is not.
      `(?:woman|girl|lady|wife|mum|mother|she|her|someone)(?: [a-z]+){0,2} (?:begging|pleading with|screaming at|crying at|pleading) (?:him|them) to stop(?! (?:the|it|that|this|his|playing|singing|talking|the music|the car)\\b)(?: [a-z0-9]+){0,8} (?:smash[a-z]*|crash[a-z]*|bang[a-z]*|thud[a-z]*|screaming|hitting|slap[a-z]*|breaking)`,
      // Round 62: a he, a she or a partner telling the writer to do what they say or regret it ("He moved back in without asking. He said
      // 'you'll do what I say or you'll regret it' and smashed my phone"); a bailiff's or a boss's "pay up or you'll regret it" is not.
      String.raw`(?:${PARTNER}|he|she)(?: [a-z]+){0,5} (?:said|says|told me|tells me|threatened|threatens|keeps saying|screamed|shouted|yelled)(?: that| to me)? (?:you will|you ll|youll|i will|i ll|ill|i would|i d) do (?:what|as|everything) (?:i say|i tell you|he says|she says|he tells me|she tells me|i am told|you are told|i m told|youre told)(?: [a-z]+){0,2} or (?:you will|you ll|youll|i will|i ll|ill|i would|else)\b`,
      // Round 62: strangled or choked by a partner or a he, and still living with him ("A mum on my caseload has disclosed her partner
      // strangled her last weekend; she's still living with him"): a high-risk sign told by anyone; a film's plot, or a cat or a dog
      // choking on a toy, is not.
      String.raw`(?:${PARTNER}|he|she)(?: has| had| just| nearly| tried to)? (?:strangled|strangles|strangling|choked|chokes|choking|throttled|throttles) (?:her|me|him|them)\b(?: [a-z0-9]+){0,10} (?:still|is still|is|are|and|but) (?:living with|lives with|live with|with|back with|under the same roof as) (?:him|her|them)\b(?![^]*\b(?:film|drama|episode|novel|book|series|soap)\b)`,
      // Round 62: someone heard or seen being thrown about or around, screaming or begging "stop" or for help ("i keep hearing my
      // neighbour being thrown about the flat every night screaming please stop then it goes quiet"); furniture thrown about, or kids
      // thrown about on a trampoline screaming with laughter, is not.
      `(?:hear|heard|hearing|hears|see|saw|seen|seeing|listen to|listening to)(?: [a-z]+){0,4} (?:being|getting|get|got) (?:thrown|flung|chucked|knocked|slammed|shoved|dragged|battered) (?:about|around|across|round)(?: [a-z]+){0,10} (?:screaming|shouting|crying|begging|pleading|yelling|sobbing)(?: [a-z]+){0,3} (?:stop|help|no|get off|leave me)(?! laughing)`,
      // Round 51: a professional's urgent request or referral for a client "re da" or "dv" ("idva here client needs urgent housing
      // assessment re da"): domestic abuse in a worker's shorthand.
      `${PRO_ROLE}${PRO_NOT_CAREER}${PRO_ASK}(?: [a-z0-9]+)*? (?:re|regarding|due to|because of|fleeing|following|after|for|with|from|experiencing|victim of|survivor of) (?:da|dv|domestic abuse|domestic violence|coercive control)(?= )`,
      // Round 53: a partner throwing hot or boiling water, tea or oil at the writer, told as the reason for a service request and in
      // non-native English ("I moved out because my wife she threw hot water to me and threaten me all the time").
      `(?:${PARTNER})(?: [a-z]+){0,2} (?:threw|throws|thrown|throw|throwing|poured|pours|pouring|chucked|chucks|splashed|tipped) (?:a |the )?(?:(?:hot|boiling|scalding|boiled) (?:water|tea|coffee|oil|fat)|(?:kettle|pan|cup|mug) of (?:hot |boiling )?(?:water|tea|coffee|oil))(?: [a-z]+){0,1} (?:at|to|on|over|onto|in) (?:me|my (?:face|arm|arms|leg|legs|chest|back|head|hand|hands))(?= )`,
      // Round 39: staying with family or a friend to get away from a partner or "him" ("staying with my parents to get away from him").
      `(?:staying|stay|stayed|moved back|moved in|gone|went|living|sleeping|hiding|sofa surfing)(?: [a-z]+){0,1} (?:with|at|in with|round) (?:my |a |our )?(?:parents|mum|mums|mam|mams|dad|dads|sister|sisters|brother|brothers|friend|friends|mate|mates|nan|nans|gran|grans|family|auntie|aunt|cousin|in laws)(?: (?:house|place|flat))?(?: [a-z]+){0,3} (?:to get away from|to escape|to hide from|away from|because i am scared of|because i am afraid of) (?:him|her|them|my (?:${PARTNER})|the (?:${PARTNER}))(?! (?:snoring|noise|mess|smoking|drinking (?:all|too)))`,
      // Round 32: injuries hidden from others, told sideways: long sleeves learnt to wear, arms or marks covered, beside a partner's
      // temper or anger ("my partner has a temper, I've learned to wear long sleeves"); not sleeves for work or the garden.
      `(?:${PARTNER}|he|she)(?: [a-z]+){0,4} (?:temper|moods?|short fuse|angry|anger|rages?|fists?|lose[sd]? it|loses (?:his|her) (?:temper|rag)|gets? (?:nasty|handy|angry|rough))(?: [a-z]+){0,10} i (?:[a-z]+ ){0,3}(?:wear|wearing|wore|cover|covering|hide|hiding)(?: [a-z]+){0,3} (?:long sleeves|polo necks?|roll necks?|turtle necks?|scarf|scarves|my arms|my neck|the bruises|the marks|bruises|marks)`,
      `i (?:[a-z]+ ){0,3}(?:wear|wearing|wore|cover|covering|hide|hiding)(?: [a-z]+){0,3} (?:long sleeves|polo necks?|roll necks?|turtle necks?|scarf|scarves|my arms|my neck|the bruises|the marks|bruises|marks)(?: [a-z]+){0,8} (?:${PARTNER}s?|his|her|he|she)(?: [a-z]+){0,3} (?:temper|moods?|short fuse|angry|anger|rages?|fists?|hands)`,
      // Round 32: walking into doors, or falling, told with a knowing aside or as what one tells people ("I keep walking into doors, if
      // you know what I mean", "told the nurse I walked into a door again"): the euphemism for being hit.
      `(?:walk|walks|walking|walked|bump|bumped|bumping|run|ran|running) into (?:a |the |some |a few |another |more )?doors?(?: [a-z]+){0,4} (?:if you (?:know what i mean|get my (?:meaning|drift)|catch my drift|follow|follow me|see what i mean|get me)|you know what i mean|know what i mean|you know how it is|wink|nudge nudge|(?:or )?so i (?:tell|told|say|said)|is what i (?:tell|told|say|said))`,
      `(?:told|tell|telling) (?:the |my |a )?(?:nurse|doctor|gp|hospital|a and e|people|everyone|everybody|work|them|her|him|my mum|the school|friends)(?: [a-z]+){0,2} (?:i|that i) (?:walked|walk|walking|bumped|ran|keep walking) into (?:a |the )?doors?`,
      // Round 41: a perpetrator breaching an order or a zone that keeps him from a victim ("has breached his exclusion zone", "broke
      // the non-molestation order"), and someone on licence, bail or probation seen at the victim's address; a drone's or a clean air
      // zone's exclusion zone is not.
      `(?:breached|breaching|breaches|breach of|broken|broke|breaking|ignored|ignoring|ignores|violated|violating)(?: [a-z]+){0,2} (?:his|her|their|the|a|an|my) (?:exclusion zone|restraining order|non molestation order|nonmolestation order|occupation order|bail conditions|domestic (?:abuse|violence) protection (?:order|notice))(?! (?:for|at|around|near) (?:the )?(?:airport|drone|drones|runway|event|site|works|roadworks|clean air|ulez|low emission))`,
      `(?:on licence|on license|on bail|on probation|person on probation|released from prison|out of prison|the offender|the perpetrator)(?: [a-z0-9]+){0,16} (?:at|to|near|outside|round|around|by) (?:the )?victims? (?:address|house|home|flat|door|street|road|work|workplace|school)`,
      'domestic (?:abuse|violence)', 'coercive(?: and)? control(?:ling)?', 'controlling (?:partner|husband|wife|boyfriend|girlfriend|relationship|behaviour|ex)',
      `abusive (?:partner|husband|wife|boyfriend|girlfriend|relationship|ex|father|mother|dad|mum|parent|carer|household|home|family|son|daughter)`,
      `(?:${RELATIVE}|he|she)${GAP(2)} (?:hits|beats|punches|kicks|slaps|chokes|strangles|rapes|batters|pushes|shoves|abuses|hurts|bullies|threatens|controls|attacks|assaults|headbutts|bites|spits at) ${DV_OBJECT}`,
      // Round 26: not money doing it ("council tax is strangling us").
      // Round 42: not a body part hurt on a thing ("the bin lid snapped and she keeps hurting her hand on the broken bit").
      `${NOT_MONEY}${NOT_DENIED}${NOT_A_THING_HURTING}(?:has|have|had|keeps|keep|was|is|always|still) (?:been )?(?:hitting|beating|abusing|hurting|raping|strangling|attacking|controlling|threatening|punching|slapping|kicking|choking|assaulting) ${DV_OBJECT}${NOT_HURT_ON_A_THING}`,
      // Round 43: a partner's "is" run into the noun ("My husband's hurting me and if I leave the farm I lose everything" reads "my
      // husbands hurting me"): the partner hurting the writer told plainly.
      `my (?:${PARTNER})s (?:been |always |still |really |just )?(?:hitting|beating|abusing|hurting|raping|strangling|attacking|punching|slapping|kicking|choking|assaulting) (?:me|us)${NOT_HURT_ON_A_THING}`,
      `(?:${RELATIVE}|he|she)${GAP(2)} (?:hit|beat|punched|kicked|slapped|choked|strangled|raped|battered|assaulted|attacked|abused|pushed|shoved|headbutted|(?:threw|throws|thrown|throwing) (?:a |an |the |his |her |my )?[a-z]+ at) me`,
      // Round 35: a thing thrown at the head or the face by a partner ("my partner threw a mug at my head"), and the threat that "next
      // time it'll be worse" said by one ("he said next time it'll be worse"); a ball thrown at a window, or a fence, is not.
      `(?:${RELATIVE}|he|she)${GAP(2)} (?:threw|throws|thrown|throwing|chucked|chucks|hurled|lobbed|launched|smashed) (?:a |an |the |his |her |my |some )?(?:[a-z]+ ){0,2}(?:at|into|over) (?:my|her) (?:head|face)`,
      `(?:${RELATIVE}|he|she)(?: [a-z0-9]+){0,16} (?:said|says|saying|told me|tells me|telling me|warned me|threatened|texted|swore|screamed|shouted)(?: me)?(?: that)? next time (?:it|he|she|they)(?: will| would| is going to| is gonna| is)? be (?:even )?(?:worse|the last)`,
      `(?:scared|afraid|frightened|terrified|petrified|scared stiff) of (?:my |our )?(?:${RELATIVE}|him|her)`,
      // Round 7: a partner beside bruises on the writer ("my girlfriend gets a bit rough ... bruises on my arms").
      '(?:girlfriend|boyfriend|partner|husband|wife)(?: [a-z]+){0,12} (?:bruises|bruising|marks) (?:on|all over) (?:my|me)',
      '(?:scared|afraid|frightened|terrified) to (?:go home|go back home|be at home|leave (?:him|her|the house|home)|tell (?:him|her|anyone))',
      '(?:scared|afraid|frightened|terrified) (?:of )?what (?:he|she|they) (?:will|would|might|is going to|are going to) do',
      `(?:do not|never|no longer) feel safe (?:at home|in my(?: own)? (?:home|house|flat)|with (?:him|her|my${GAP(1)} ${RELATIVE})|around (?:him|her))`,
      'not safe (?:at home|in my(?: own)? (?:home|house|flat)|with (?:him|her))',
      `(?:will not|does not|do not|never|wont) let (?:me|her|him|my (?:sister|mum|mam|daughter|friend|son|brother|dad)) (?:leave(?: the house| home)?|go out|out|see (?:my |her |his |their )?(?:us|friends|family|mum|mam|dad|anyone|mates)|have (?:any |her own |my own |his own )?money|use the phone|have a phone|go anywhere|eat)(?= $| )`,
      // Coercive control in everyday words.
      `(?:checks|goes through|reads|tracks|monitors|checking|tracking|going through) (?:all )?(?:my|her|his) (?:phone|messages|texts|emails|location|bank)`,
      `tells (?:me|her|him) what (?:to wear|i can wear|she can wear|to eat|i can do|she can do|i can say)`,
      `(?:i am|she is|he is|we are) not allowed (?:my own money|my own (?:bank card|card|bank account|account|phone)|any money|to see (?:my |her |his )?(?:friends|family|mates)|to go out|out of the house|to leave the house|a phone|to work)`,
      `(?:cut|cuts|cutting|cutting me|cut me|cut her|cut him) (?:me |her |him )?off from (?:all )?(?:my|her|his|their) (?:friends|family|mates|mum|mam)`,
      `(?:throws|threw|throwing|smashes|smashing|smashed|breaks|punches|punching) (?:things|stuff|plates|furniture|objects|walls|doors|the house up|the place up)(?: at me| at us| at her| around)?(?: [a-z]+){0,6} (?:drinking|drunk|scared|frightened|kids|angry|temper|rage|terrified)`,
      `(?:pushing|pushes|pushed|shoving|shoves|shoved|knocking|knocks|throwing|throws|slapping) (?:me|her|him|mum|mam|my mum|us|them|my [a-z]+) (?:about|around)(?! (?:from|between|the system|department|pillar))`,
      `(?:stalking|stalks|stalked|following) (?:me|her)(?! (?:on (?:twitter|instagram|facebook|tiktok)))`, 'being stalked', 'stalker',
      `(?:i will|you will|she will|i would|she would) regret (?:leaving|it if (?:i|she) (?:leave|leaves|tell|tells))`,
      `(?:she|he|the woman|the lady|his wife|his partner|his girlfriend|her husband|my (?:sister|mum|mam|daughter|friend|neighbour))(?: [a-z]+){0,3} (?:has|had|has got|got|always has|keeps getting|turned up with|turns up with|with) (?:a )?(?:black eyes?|bruises|bruising|a split lip|marks on (?:her|his) (?:neck|arms|face))`,
      '(?:locks|locked|keeps) me (?:in|inside|locked)',
      // Round 31: bruises beside not wanting the police ("bruises are fading. dont want police. just want out"), and contact limited
      // for fear of a partner's reaction ("dont text back after 6 he gets funny if i have my phone").
      '(?:my )?(?:bruises|bruising|black eye|split lip) (?:are|is|have|has)(?: [a-z]+){0,8} (?:do not|dont|not) want (?:the )?police',
      `(?:do not|dont|never|please do not) (?:text|call|ring|phone|message|email|write to)(?: me)?(?: back)?(?: [a-z0-9]+){0,4} (?:he|she|my (?:partner|husband|wife|boyfriend|girlfriend|bf|gf)) (?:gets (?:funny|nasty|angry|mad|jealous|arsey|moody|violent)|goes mad|kicks off|will kick off|goes through|checks)`,
      // Round 31: leaving or a home of one's own sought in secret from a partner ("can i go on the housing list without him knowing",
      // "move out without my husband finding out"): not a surprise, a present or a party.
      `(?<!(?:surprise|birthday|present|gift|party|christmas|proposal|anniversary)(?: [a-z]+){0,8} )(?:housing (?:list|register)|rehoused|rehousing|refuge|move|moving|move out|leave|leaving|new (?:address|flat|place|house|home|tenancy)|(?:own|new|separate) bank account|tenancy|change the locks|(?:change|take) (?:my|his|her|the) name)(?: [a-z]+){0,6} without (?:him|her|my (?:partner|husband|wife|boyfriend|girlfriend|ex)|my ex) (?:knowing|finding out|seeing|noticing|being told|getting told|getting to know|hearing)(?!(?: [a-z]+){0,6} (?:surprise|birthday|present|gift|party|christmas|proposal|anniversary))`,
      // Round 31: this chat to be hidden from a partner who reads or checks everything ("can you delete this chat after he reads
      // everything", "clear the messages, she goes through my phone"): not a colleague at a screen.
      `(?:delete|clear|erase|wipe|hide|remove) (?:this|the|our|my|these) (?:chat|conversation|messages?|chat history|history|texts?|search history)(?: [a-z]+){0,6} (?:he|she|my (?:partner|husband|wife|boyfriend|girlfriend|bf|gf)) (?:reads|checks|goes through|looks through|monitors|sees|will see|will read|will check|finds|might see|could see|can see|looks at|is reading|always reads|always checks)(?!(?: [a-z]+){0,4} (?:screen|at work|in the office|over my shoulder at work))`,
      // Round 29: control by the post and by punishment ("he opens all my post and i get punished for anything i spend"), and being
      // locked out by a partner ("my partner locked me out all night again").
      `(?:opens|opened|opening|reads|reading|goes through|going through|hides|hiding|takes|keeps) (?:all )?(?:my|her) (?:post|letters|mail|bank statements)(?: [a-z]+){0,12} (?:punished|punishes|punish|pay for it|in trouble|goes mad|go mad|kicks off|gets angry|not allowed)`,
      `(?:he|she|${RELATIVE})(?: [a-z]+){0,10} (?:i|she) (?:get|gets|got|will get|am|is|was|would get) punished (?:for|if|when|every)`,
      // Round 30: control told in passing: being overheard or found out, then punished ("he listens in and i pay for it after if u know
      // what i mean", "if she hears about it i suffer for it later"), and a threat to find the writer wherever they are rehoused
      // ("he'll find me wherever you put me", "says he'd track us down anywhere"), or having been tracked down before.
      `(?:he|she|${RELATIVE}) (?:listens in|listens to (?:all )?(?:my|her) (?:calls|phone calls|conversations)|listens on the (?:other )?(?:line|phone|extension)|reads (?:all )?(?:my|her) (?:texts|messages|post|letters)|checks (?:my|her) phone|finds out|hears about it|hears|sees (?:the|my|her) (?:letter|post|bill|texts|messages))(?: [a-z]+){0,8} (?:i|she|we) (?:pay|pays|will pay|have to pay|suffer|suffers|will suffer|get punished|gets punished|will get punished) for it`,
      `(?:i|she|we) (?:pay|pays|will pay|paid|suffer|suffers|will suffer) for it (?:after|later|afterwards|when (?:he|she) gets (?:home|back))(?: [a-z]+){0,3} (?:if you know what i mean|you know what i mean|know what i mean)`,
      `(?:he|she|${RELATIVE}|they)(?: [a-z]+){0,3} (?:will|would|is going to|is gonna|are going to|always|can|could|will always) (?:find|track|hunt|get to) (?:me|us|her|the kids)(?: down)?(?: [a-z]+){0,2} (?:wherever|anywhere|no matter where)`,
      `(?:he|she|${RELATIVE}) (?:has|had|have|is|s) (?:found|tracked|hunted) (?:me|us|her) down (?:before|last time|every time|again)`,
      `(?:${RELATIVE}|he|she)(?: [a-z]+){0,8} locked me out(?: of the (?:house|flat|home))?(?: [a-z]+){0,2} (?:all night|overnight|in the cold|in the rain|for hours|with the kids|in my (?:pyjamas|pajamas|pjs|jammies|nightie|nightdress|dressing gown|slippers|socks))`,
      // Round 9: an injury done to the writer's body by a partner or a relative ("he broke my wrist"), and the cover story told to a
      // hospital or a doctor ("I told the hospital I fell"); burning as violence ("burns her with his cigarette").
      `(?:${RELATIVE}|he|she)(?: [a-z]+){0,2} (?:broke|has broken|fractured|cracked|dislocated|burned|burnt|scalded|split) (?:my|her) (?:wrist|arm|nose|jaw|ribs?|leg|fingers?|hand|collarbone|cheekbone|eye socket|lip|skull|tooth|teeth)`,
      `(?:told|tell|telling) (?:the )?(?:hospital|doctors?|gp|nurses?|a and e|a e|paramedics|police|school|teachers?|work|everyone|people|them) (?:that )?(?:i|she|he) (?:fell|had a fall|tripped|slipped|walked into)`,
      `(?:${RELATIVE}|he|she)${GAP(2)} (?:burns|burned|burnt|scalds|scalded) (?:me|her|him|them|my [a-z]+) with`,
      // Round 8: violence told by what was done to the writer's head or body, and an abuser free again and near.
      `(?:${RELATIVE}|he|she)(?: [a-z]+){0,2} (?:put|smashed|slammed|banged|pushed|shoved|threw|knocked) my head (?:through|into|against|off|on)`,
      `(?:he|she|my ex|${RELATIVE})(?: [a-z]+){0,2} (?:is |has been |got |was )?(?:out on bail|released on bail|on bail|out of prison|released from prison|let out)(?: [a-z]+){0,6} (?:living|lives|staying|round the corner|near|nearby|streets? away|down the road|knows where|looking for me)`,
      // Round 49: an abuser on bail or under an order who has found the victim's new address, or keeps contacting her despite the order
      // ("he's out on bail ... he's found my new address", "I've got a non-mol but he's texting constantly"); an order asked about alone is not.
      `(?:he|she|my ex|${RELATIVE})(?: [a-z]+){0,2} (?:is |has been |got |was )?(?:out on bail|released on bail|on bail|out of prison|released from prison|let out)(?: [a-z0-9]+){0,12} (?:has |is |s |already |now )*(?:found|tracked down|got hold of|worked out|found out|knows|got) (?:my|our) (?:new )?(?:address|flat|house|home|place|number|phone number|mobile number)`,
      `(?:got|have|has|had|took out|taken out|there is|under|with) (?:a |an |the )?${PROTECTION_ORDER}(?: [a-z]+){0,6} (?:but|and|yet|still)(?: [a-z]+){0,3} (?:he|she|they|my ex|${RELATIVE}) (?:is |s |keeps |has been |still |constantly |keeps on |will not stop )*(?:texting|messaging|calling|ringing|phoning|contacting|emailing|turning up|coming round|following|watching|texts|messages|calls|rings|contacts)(?: (?:me|us))?(?: (?:constantly|all the time|non stop|every day|again|still))?`,
      `(?:he|she|my ex|${RELATIVE}) (?:is |s |keeps |has been |still |constantly |keeps on )*(?:texting|messaging|calling|ringing|phoning|contacting|turning up|following|watching)(?: [a-z]+){0,8} (?:even though|despite|although|but) (?:i (?:have|have got|got|took out)|there is|we have) (?:a |an |the )?${PROTECTION_ORDER}`,
      // An ex who will not let go: turning up, watching, smashing windows; needing to get away from a partner.
      `(?:my |an? )?ex(?: partner| husband| boyfriend| wife| girlfriend)?(?: [a-z]+){0,8} (?:(?:keeps (?:turning|showing|coming) up|turns up)(?! (?:late|early|on time|drunk to collect|to (?:collect|pick up|see|drop))| for (?:contact|the kids|his|her))|knows where i live|found out where i live|smashed|smashes|smashing|keeps threatening|following me|follows me|watching (?:me|the house|my house)|waiting outside)`,
      `(?:need|needs|have|has|want|wants) to (?:move|get|run|flee) (?:away )?from (?:my|an?|her|his) (?:ex|partner|husband|boyfriend|wife|girlfriend)(?: [a-z]+){0,6} (?:he|she|hurt|hit|threat|scared|afraid|knows|violent|smash|follow)`,
      `(?:${RELATIVE}|he|she) (?:is took|s took|has took|controls|takes|took|keeps|has taken|has controlled|controlled|has always controlled|has been controlling)(?: all)? (?:of )?(?:my|our) (?:whole |entire |full |)(?:wage|pay|salary|pay packet|money|bank card|cards|phone|passport|benefits|wages|finances)`,
      // Round 37: every receipt shown to him, or an allowance doled out of her own wage ("gives me ten pounds a week, I have to show him
      // every receipt"): financial control.
      String.raw`(?:${RELATIVE}|partner|husband|wife|boyfriend|girlfriend)(?: [a-z0-9]+){0,16} (?:i have to|i ve got to|i have got to|i must|i am made to|made to|he makes me|she makes me|makes me) (?:show|give|hand|bring) (?:him|her) (?:every|each|all (?:my|the)) (?:receipts?|bank statements?|statements?|penny|pound)`,
      String.raw`(?:partner|husband|wife|boyfriend|girlfriend) (?:only |just )?(?:gives|allows|lets) me (?:only |just )?(?:[0-9]+|ten|five|twenty|fifteen|a few) (?:pounds|quid|pound) (?:a|per|each) (?:week|month)(?! (?:pocket|spending|for (?:sweets|pocket)))`,
      '(?:ran|run|running|fled|fleeing|escaped|escaping) (?:away )?from (?:my|an abusive|a violent) (?:partner|husband|boyfriend|wife|girlfriend|ex)',
      // Engineer's probe after round 51: fleeing told with the shorthand ("client fleeing dv needs emergency accommodation today").
      '(?:fled|fleeing|flee|escaped|escaping|running from|ran from) (?:dv|da|d v|d a)',
      'violent (?:partner|husband|boyfriend|wife|girlfriend|ex|relationship)',
      `(?:${RELATIVE}|he|she) (?:is|can be|has been|gets|has become)(?: very| really| so| quite| extremely)? (?:controlling|violent|abusive|aggressive towards me|aggressive to me)`,
      `(?:hands?|arm|rope|belt|cord) (?:round|around) (?:my|her|his) (?:neck|throat)`,
      `(?:pinned|held|grabbed|pushed|slammed|shoved) (?:me|her) (?:up )?(?:against|to|into) (?:the |a )?(?:wall|door|floor)`, `(?:by|round) (?:my|her) throat`,
      `(?:${RELATIVE}|he|she|a man|the man)(?: [a-z]+){0,2} (?:touches|touched|keeps touching|has been touching) me`,
      '(?:makes|made|forces|forced|force|make|making) me (?:do (?:things|stuff|sexual)|have sex|sleep with|watch (?:porn|things))',
      `(?:being|been|is being|gets|getting|was being) (?:hit|beaten|hurt|slapped|punched|kicked|strangled|raped|assaulted|mistreated|ill treated|bullied|abused) (?:by (?:her|his|their|my) (?:${RELATIVE})|at home)`,
      // Round 57: food controlled by a partner, coercive control told as a need ("He locks the food in the car and I have to ask
      // permission to eat"): the writer made to ask leave to eat, or the food locked or hidden from them. Not a diet, a fridge lock
      // for a child or a pet, nor food hidden from the children by a parent who feeds them.
      String.raw`\bi (?:have to|has to|got to|must|need to|am made to|am forced to) ask (?:him |her |them )?(?:for )?(?:his |her |their )?permission (?:to eat|before i (?:can )?eat|to have (?:food|something to eat|a meal))\b`,
      // Engineer's probe after round 57: the same told of the partner ("he makes me ask permission before I eat").
      String.raw`\b(?:he|she|they|my (?:husband|wife|partner|boyfriend|girlfriend|ex)) (?:makes|make|made|forces|force|forced) me ask (?:him |her |them )?(?:for )?(?:his |her |their )?permission (?:to eat|before i (?:can )?eat|to have (?:food|something to eat|a meal))\b`,
      String.raw`\b(?:he|she|my (?:partner|husband|wife|boyfriend|girlfriend|ex))(?: [a-z]+){0,2} (?:locks|locked|hides|hid|keeps) (?:the |all the |my |our )?food (?:locked (?:up |away )?|hidden )?(?:in (?:the |his |her )?(?:car|van|room|bedroom|shed|cupboard|safe)|away from me|from me)\b`,
      // Round 63: somewhere else slept in because it is safer than home with him ("i sleep in the car in the car park before because its
      // safer than going home to him"); safer than going home on the night bus, or to an empty flat, names nobody and is not.
      `safer than (?:going |being |staying |sleeping |getting )?(?:back )?(?:home|at home|at the house|in the house|in the flat|indoors)(?: (?:with|to|near|around))? (?:him|my ${RELATIVE}|my ex|her partner|his partner)(?= )`,
      `(?:would )?(?:rather|prefer to) (?:sleep|stay|kip)(?: [a-z]+){0,6} than (?:go|going|be|being) (?:back )?home (?:to|with) (?:him|my ${RELATIVE})(?= )`,
      // Round 63: a he or a partner who has taken the writer's bank card and ID (or passport, papers) together ("hes taken my bank card
      // and my id so i cant bid"); one taken to the bank or the post office for the writer is not (guarded).
      `(?:he|she|my ${RELATIVE}) (?:is |has |s |has got |keeps |kept )?(?:taken|took|takes|keeping|hides|hid|hidden|got|kept) (?:all )?my (?:bank cards?|cards|money|passport|id|documents|papers|benefits card)(?: [a-z]+){0,2} (?:and|&) (?:my |all my )?(?:bank cards?|cards|money|passport|id|documents|papers|phone|keys|benefits)(?= )(?! (?:to|for) (?:the bank|the post office|renew|sort|get|help|register|scan|safe ?keeping|me)\\b)`,
    ],
    guards: [
      // Round 65: a word in a note or a flag on someone's file, reported and disputed ("a note on her housing file saying she's 'violent'
      // from 2019 which she disputes"): a records question.
      String.raw`\b(?:note|notes|marker|markers|flag|flags|label|warning|alert) (?:on|in) (?:her|his|my|their|the|our) (?:[a-z]+ )?(?:file|files|record|records|account|notes|system)(?: [a-z0-9]+){0,4} (?:saying|that says|says|calling|describing|labelling|labeling|marking)\b`,
      // Round 64: a young child's hitting out told with the child's age and a condition ("My son hits me sometimes when he's overwhelmed - he's
      // 6, autistic"): a parenting question, not abuse.
      String.raw`\b(?:he is|she is|he s|she s|aged|age) (?:[2-9]|10|two|three|four|five|six|seven|eight|nine|ten)(?: years old| yrs| yo)?(?: and)? (?:autistic|has autism|has adhd|adhd|asd|non verbal|nonverbal|has send|send)\b`,
      // Round 56: fear denied by the writer ("I'm not scared of him, I just want a parenting course"), unless it is gone only now.
      String.raw`\b(?:i am|we are|she is|he is|i was|we were) not (?:scared|frightened|afraid|terrified) (?:of|by) (?:him|her|them)\b(?! (?:any more|anymore|now))`,
      // Round 57: the same without a subject, anger named instead ("hiding credit card bills ... not scared of him, just livid").
      String.raw`\bnot (?:scared|frightened|afraid|terrified) (?:of|by) (?:him|her|them) (?:just|only|i am just|i am only|more|really just) (?:livid|angry|furious|fuming|cross|annoyed|fed up|frustrated|upset|worried about (?:money|the money|the debt|the bills))\b`,
      String.raw`(?:the|a|an|their|his|her|its|my) (?:bin )?(?:lorry|van|car|bus|truck|bike|cyclist|ball|branch|door|bin|gate|barrier|wing mirror|scooter|seagull|gull|dog|bird|fox|cat|wasps?|bees?|horse)s?(?: [a-z]+){0,2} (?:hit|hits|knocked|pushed|attacked|bit|bites)`,
      String.raw`(?:scared|afraid|frightened|terrified) of (?:him|her) (?:dog|dogs)`,
      // Engineer's probe after round 59: a pet or a baby pulling at something worn round the neck ("the puppy grabbed my scarf round
      // my throat, so funny"); a person doing it still hits.
      String.raw`(?:puppy|puppies|dog|dogs|kitten|kittens|cat|cats|parrot|baby|toddler)(?: [a-z]+){0,2} (?:grabbed|grabs|grabbing|pulled|pulls|pulling|tugged|tugs|tugging|caught|yanked) (?:my|her|his|the) (?:scarf|necklace|chain|lanyard|collar|hood|tie|lead|strap)(?: [a-z]+){0,3} (?:round|around) (?:my|her|his) (?:throat|neck)`,
      // Round 36: a thing, not a person, hitting ("overhanging branches keep hitting me in the face").
      String.raw`(?:branch|branches|twigs?|hedges?|bushes|brambles|trees?|ivy|plants?|vines?|roses|thorns|shrubs?|overgrowth)(?: (?!(?:he|she|they|him|her|being|husband|wife|partner|boyfriend|girlfriend|dad|mum|son|daughter|man|woman)\b)[a-z]+){0,4} (?:hit|hits|hitting|knock|knocks|knocking|whack[a-z]*|smack[a-z]*|scratch[a-z]*)`,
      String.raw`(?:black eye|bruis[a-z]+)(?: [a-z]+){0,4} (?:fell|fall|tripp?ed|slipped|pothole|pavement|kerb|football|rugby|accident)|(?:fell|tripped|slipped)(?: [a-z]+){0,4} (?:black eye|bruis)`,
      String.raw`kicked (?:me|us|him|her) out`,
      String.raw`(?:hit|beat|hits) me (?:with (?:a|the) (?:bill|fine|charge|ticket|penalty))|(?:hit|beat) me to it|(?:hit|hits) me (?:that|how|when i)`,
    ],
  },
  {
    // Round 42: abuse told by what a partner takes or did, which the model reads as a benefits or a register question: a partner
    // taking the writer's benefits or wages with insults or control ("my husband takes my pip and my carers allowance and calls me a
    // useless cripple"), and an ex who found the writer and beat them, or could find them again ("my ex found me last time through it
    // and beat me so badly I ended up in hospital"). Its own family, not idiom-prone: a disagreeing model does not lower it.
    id: 'partner_harm_told', kind: 'domestic_abuse', refine: ['adult_at_risk', 'child_at_risk'], category: SAFEGUARDING, reason: 'abuse by a partner or an ex',
    patterns: [
      `(?:${PARTNER}|he|she)(?: [a-z]+){0,2} (?:takes|took|has taken|keeps taking|keeps|kept|steals|stole|has stolen|spends|spent|controls|has control of|pockets|drinks|gambles|gambled|blows|had|has had|will not give me|does not give me|never gives me) (?:all |most |half )?(?:of )?my (?:pip|dla|esa|benefits?|carers allowance|universal credit|uc|wages|pay|salary|pension|money|bank card|card|child benefit|attendance allowance|disability (?:money|benefits?|allowance))(?: [a-z0-9]+){0,16} ${PARTNER_CONTROL}`,
      `${PARTNER_CONTROL}(?: [a-z0-9]+){0,16} (?:${PARTNER}|he|she)(?: [a-z]+){0,2} (?:takes|took|has taken|keeps taking|keeps|steals|stole|spends|controls|pockets) (?:all |most |half )?(?:of )?my (?:pip|dla|esa|benefits?|carers allowance|universal credit|uc|wages|pay|salary|pension|money|bank card|child benefit|attendance allowance)`,
      `(?:${PARTNER}|he|she)(?: [a-z]+){0,3} (?:found|tracked|traced|tracked down|hunted) (?:me|us|where i (?:live|lived|was)|my (?:new |last |old )?(?:address|flat|house|place|home|refuge))(?: [a-z0-9]+){0,8} (?:and |then |and then )?(?:beat|battered|attacked|stabbed|strangled|hurt|assaulted|hospitalised|put me in hospital|broke my)`,
      `(?:${PARTNER})(?: [a-z]+){0,3} (?:could|might|may|would|will|is trying to|keeps trying to) (?:find|track|trace|track down) (?:me|us|where i live|my address)(?: [a-z0-9]+){0,14} (?:beat|battered|attacked|stabbed|strangled|nearly killed|tried to kill|hospital|broke my|violent)`,
      `(?:beat|battered|attacked|stabbed|strangled|nearly killed|tried to kill|put me in hospital)(?: [a-z0-9]+){0,14} (?:${PARTNER})(?: [a-z]+){0,3} (?:could|might|may|would|will|is trying to|keeps trying to) (?:find|track|trace|track down) (?:me|us|where i live|my address)`,
      // Round 59: a partner's hands at the writer's throat or neck ("she keeps grabbing my throat when we argue, not bad enough for police i
      // guess"): strangling told plainly, a high-risk sign however the writer plays it down; a he or she only in a row or a temper
      // (a toddler grabbing my neck for a cuddle, a sore throat, are not).
      `(?:${PARTNER})(?: [a-z]+){0,3} (?:keeps |kept |always |has |had |has been |will )?(?:grab|grabs|grabbing|grabbed|squeez(?:e|es|ed|ing)|(?:puts?|putting|put) (?:his|her|their|both) hands? (?:round|around|on)) (?:me (?:by|round|around) )?(?:the |my )(?:throat|neck)`,
      `(?:he|she)(?: [a-z]+){0,2} (?:keeps |kept |always |has |had |has been )?(?:grab|grabs|grabbing|grabbed|squeez(?:e|es|ed|ing)|(?:puts?|putting) (?:his|her|both) hands? (?:round|around|on)) (?:me (?:by|round|around) )?(?:the |my )(?:throat|neck)(?: [a-z]+){0,3} (?:when|whenever|if|every time) (?:we|he|she) (?:argue|argues|argued|row|rows|fight|fights|is angry|gets angry|is drunk|gets drunk|has had a drink|loses (?:his|her) temper)`,
      // Round 46 (its own family, not idiom-prone): a partner throwing something at the writer's head or face ("threw a plate at my head"), and a partner who threw the writer
      // out after hitting her ("husband threw me out again after hitting me"); a ball, or a thing thrown at a wall, is not.
      `(?:${PARTNER})(?: [a-z]+){0,16} (?:threw|throws|thrown|chucked|chucks|lobbed|hurled|flung|launched) (?:a |the |his |her |my |some )?(?:[a-z]+ )?(?:plates?|cups?|mugs?|glass|glasses|bottles?|knife|knives|chairs?|kettle|iron|remote|ashtray|shoes?|pans?|bowls?|vase|boiling [a-z]+|hot [a-z]+|brick|hammer) at (?:me|my (?:head|face)|the kids|us)`,
      `(?:${PARTNER})(?: [a-z]+){0,2} (?:threw|thrown|chucked|slung|kicked|put) me out(?: (?:again|of the house|of the flat|of the house again|tonight|last night))?(?: [a-z]+){0,2} (?:after|for|when|and) (?:hitting|beating|punching|slapping|attacking|battering|strangling|he hit|she hit|he had hit|he beat|he punched|hit|beat|punched)(?: me)?`,
    ],
  },
  {
    // A threat to hurt (not to kill): safeguarding; a threat to kill is risk to life above.
    id: 'threat_to_hurt', kind: 'crime_violence', refine: ['domestic_abuse', 'child_at_risk'], category: SAFEGUARDING, reason: 'threat to hurt someone',
    patterns: [
      // Round 34: the writer's own threat to hurt a named worker, with a time or a place to wait for them ("i'm going to hurt the housing
      // officer next time i see her, i'll wait for her outside the office tomorrow"): a threat to a person, not a complaint.
      `(?:i am|i m|im|i will|ill|i ll|i|am) (?:going to|gonna|will|am going to) (?:hurt|batter|hit|punch|smash|stab|kill|get|sort out|deal with|do) (?:the|that|my|your|this|her|his) (?:[a-z]+ )?(?:officer|worker|social worker|caseworker|case worker|manager|receptionist|warden|inspector|bailiff|enforcement officer|landlord|agent|assessor|nurse|teacher|man|woman|bloke|lady)(?: [a-z]+){0,14} (?:wait|waiting|be waiting|lie in wait) for (?:her|him|them)(?: [a-z]+){0,4} (?:outside|after|tomorrow|tonight|when|at)`,
      // Round 29: a threat to break bones ("saying they will break my legs", "he said he'd snap my arm"); not a thing broken.
      `(?:saying|said|says|threatening|threatened|threatens|told me|tells me|swore|swears|keeps saying)(?: that)? (?:they|he|she|him|them)?(?: will| would| are going to| is going to| re going to| are gonna| is gonna| going to| gonna)? (?:break|smash|snap) (?:my|his|her|your|our) (?:legs?|arms?|neck|jaw|face|fingers|kneecaps|knees|ribs|nose|skull|teeth)`,
      `(?:said|says|threatened|threatens|threatening|told me|swears|swore|keeps saying|keeps threatening)${GAP(3)} (?:hurt|harm|beat|batter|hit|take away|take|smash) (?:me|us|the kids|the children|the baby|my (?:kids|children|son|daughter|baby|mum|dad|family)|her|him|them|our (?:kids|children|baby))`,
    ],
    // Round 9: a legal or administrative threat ("they said they would take me to court") is no threat of harm.
    guards: [String.raw`take (?:me|us|him|her|them) (?:to (?:court|a tribunal|tribunal|small claims|the ombudsman)|off (?:the|their) (?:list|register|books))`],
  },
  {
    // Safeguarding in Welsh, Polish and romanised Urdu: hit by a partner, children left alone.
    id: 'multilingual_safeguarding', kind: 'domestic_abuse', refine: ['adult_at_risk', 'child_at_risk', 'domestic_abuse'], category: SAFEGUARDING, reason: 'abuse or neglect (Welsh, Polish or Urdu)',
    patterns: [
      // Round 56 (Spanish): a man going into a girl's or a boy's room at night or when the mother is out, the child afraid ("hay un
      // hombre que entra en la habitacion de una nina de 9 anos cuando su madre trabaja de noche"); not a child going in to tidy.
      String.raw`(?:un hombre|un senor|un tipo|el novio de su madre|su padrastro|un vecino) (?:que )?(?:entra|se mete|se cuela) en (?:la )?(?:habitacion|cuarto|cama) de (?:una |un |la |el |mi |su )?(?:nina|nino|hija|hijo|chica|chico|menor)`,
      // Round 56 (Polish): an ex-partner who knows where she is, sent photos of the refuge or the house, and she is afraid ("byly partner
      // wysyla mi wiadomosci ze wie gdzie jestem i zdjecia budynku boje sie wychodzic"); a courier who "knows where I live" is not.
      String.raw`(?:byly|moj|mój) (?:partner|maz|chlopak|narzeczony)(?: [a-z]+){0,10} wie gdzie (?:jestem|mieszkam|mieszkamy|sa dzieci)(?: [a-z]+){0,10} (?:boje sie|boimy sie|jestem przerazona|strach)`,
      // Round 53: Polish, an employer or a farmer holding a worker's passport ("szef zabral mu paszport i spi w stodole"): modern slavery.
      // Round 54: French, people taking a relative's money or using his flat ("des gens du quartier prennent son argent et utilisent son
      // appartement"): financial abuse or cuckooing. The bank, the council or a landlord taking money is not named here.
      '(?:gens|personnes|hommes|jeunes|types|gars|inconnus|voisins|dealers|trafiquants|quelqu un)(?: [a-z]+){0,4} (?:lui )?(?:prennent|prend|volent|vole|gardent|garde|prenaient|volaient) (?:tout )?(?:son|sa|ses|leur) (?:argent|pension|allocations?|carte(?: bancaire)?|salaire|retraite|economies)',
      '(?:gens|personnes|hommes|jeunes|types|gars|inconnus|dealers|trafiquants|ils)(?: [a-z]+){0,10} (?:utilisent|occupent|squattent|envahissent|dealent dans|trafiquent dans) (?:son|sa|leur) (?:appartement|logement|maison|studio|chambre)',
      '(?:szef|pracodawca|wlasciciel|brygadzista|rolnik|gospodarz|agencja)(?: [a-z]+){0,3} (?:zabral|zabrala|zabrali|trzyma|zabiera|schowal|ma) (?:mu |jej |im |mi |nam )?paszport[a-z]*',
      // Welsh: hits me, domestic abuse, children on their own.
      'fy (?:mwrw|nharo|nghuro|ngham drin)', '(?:cam drin|camdrin) (?:domestig|plant)', '(?:trais|drais) (?:domestig|yn y cartref)',
      'plant(?: [a-z]+){0,6} ar eu pennau eu hunain', 'ofn (?:arna i|fy ngwr|fy mhartner|fy nghariad)',
      // More Welsh (normalised): hitting or pushing me, controlling my money or phone, a hand at my throat, afraid to go home;
      // children hit, bruised, hungry or alone; older or disabled adults robbed, neglected, locked in, conned.
      'fy (?:ngwthio|nhagu|nilyn|mygwth|mhwnio|nghicio|nghloi|nhreisio)', '(?:rheoli|reoli) fy (?:arian|ffon|mywyd|nghyflog)', '(?:cymryd|gymryd) fy (?:nghyflog|ngherdyn)',
      '(?:gafael|afael|gydio) yn fy (?:ngwddf|ngwallt)', 'ofn (?:mynd adre|mynd adref|mynd nol adre|arno fo|arno fe|ohono|ohono fo|ohono fe|fy nhad|fy llysdad|ei adael|ei gadael)',
      '(?:taro|daro|churo|curo|cicio|gicio|bwrw|mwrw|cham drin|gam drin|tagu|brifo|ysgwyd) (?:yr |y )?(?:plant|plentyn|babi|bachgen|hogyn|hogan|ei blant|ei phlant|eu plant)',
      'yn (?:ei|eu) (?:churo|guro|daro|tharo|mwrw|cham drin|gam drin|cicio|chicio|tagu|thagu) (?:hi|o|e|nhw|fe|fo)',
      '(?:cleisiau|gleisiau|clais|llosgiadau|losgiadau|marciau sigaret)(?: [a-z]+){0,8} (?:plentyn|bachgen|merch fach|ferch fach|babi|hogyn|ei gefn|ei chefn|ei freichiau|ei breichiau|arno fe|arno fo|arni hi)',
      '(?:plentyn|bachgen|merch fach|ferch fach|babi|hogyn)(?: [a-z]+){0,8} (?:cleisiau|gleisiau|llosgiadau|losgiadau|marciau sigaret)',
      '(?:plant|plentyn|babi|bachgen|merch fach|hogyn|hogan)(?: [a-z]+){0,6} (?:cloi|gloi|chloi) (?:allan|tu allan|i mewn)',
      '(?:gadael|adael) (?:mam|dad|nain|taid|ei fam|ei dad|ei mam|hi|o|fo|e)(?: [a-z]+){0,3} heb (?:fwyd|ei newid|ddiod|ofal|wres)',
      'rhoi (?:ei |ei holl )?(?:gerdyn banc|cherdyn banc|rif pin|arian|miloedd|gynilion|chynilion)(?: [a-z]+){0,2} i (?:ddyn|dyn|rywun|rhywun|ddieithryn|ddynion)',
      '(?:staff|gofalwyr|ofalwyr|gofalwr|ofalwr|gofalwraig)(?: [a-z]+){0,6} (?:taro|daro|cam drin|gam drin|cham drin|brifo|frifo|gweiddi ar) (?:nain|taid|mam|dad|fy|ei|y preswylwyr|yr hen|hen)',
      '(?:plant|plentyn|babi|bachgen|merch fach|hogyn|hogan)(?: [a-z]+){0,8} (?:heb fwyd|llwgu|newynu|neb yn y ty|neb adre)',
      '(?:plentyn|plant|babi|bachgen|merch fach|hogyn|hogan)(?: [a-z]+){0,4} ar (?:ei |eu )?(?:ben|phen|pennau) (?:ei |eu )?(?:hun|hunain)(?! yn byw)',
      '(?:dynion|dyn) (?:hyn|hynach|mewn oed)(?: [a-z]+){0,8} (?:merch|merched|plant|bechgyn|hogia|genod|disgyblion|ysgol)', '(?:merch|merched|plant|bechgyn|disgybl)(?: [a-z0-9]+){0,8} (?:ceir dynion|geir dynion|dynion hyn)',
      'gofyn (?:i )?(?:yr |y )?(?:plant|plentyn|merched|merch) am (?:luniau|lluniau)', '(?:plant|plentyn|bechgyn|merched)(?: [a-z]+){0,4} (?:gwerthu|delio|cario) cyffuriau',
      // Round 51: her or his money named with a mutation or as "pres" (northern Welsh for money: "gofalwr nain yn dwyn ei phres hi").
      '(?:gofalwr|ofalwr|gofalwyr|ofalwyr|gofalwraig|mab|ei mab|ei fab|nai|cymydog|wyr)(?: [a-z]+){0,3} (?:yn )?(?:dwyn|cymryd|gymryd) (?:ei |eu |fy )?(?:arian|harian|pres|bres|phres|mhres|pensiwn|bensiwn|phensiwn|mhensiwn|cynilion|gynilion|chynilion|nghynilion)',
      'briwiau (?:gwely|pwyso)', 'byw mewn budreddi', 'gwrthod pob help', 'esgeulus[a-z]*', 'cael (?:ei|eu) (?:dwyllo|thwyllo|twyllo|cam drin|gam drin|cham drin)',
      '(?:cloi|gloi|chloi) yn (?:ei|eu) (?:stafell|ystafell)', '(?:gweiddi ar|taro|daro)(?: [a-z]+){0,3} (?:dad|mam|nain|taid|tad|fam)(?: [a-z]+){0,8} (?:cleisiau|gleisiau|dementia)',
      'rhoi miloedd i (?:ddyn|dyn|rywun|rhywun)', 'symud i mewn at(?: [a-z]+){0,12} (?:gwerthu|delio) cyffuriau', '(?:hen ddyn|hen wraig|hen wr|oedrannus|nain|taid)(?: [a-z]+){0,6} heb (?:wres|fwyd|fwyta|ddim bwyd)', 'allan ar fechniaeth',
      // Polish: hits me, beats the children, domestic violence, children alone.
      '(?:maz|partner|chlopak|ojciec|ojczym|on|ona|zona|byly|tata|mama) (?:mnie|nas|ja|dzieci) (?:bije|bil|uderza|uderzyl|kopie|dusi|szarpie|zgwalcil)',
      'bij(?:e|a) (?:swoje |swoja |swojego |swoich )?(?:mnie|dzieci|dziecko|ja|zone|nas|syna|corke)',
      // Round 11: a child's bruises told in Polish ("chlopiec ma siniaki na twarzy").
      '(?:dziecko|dzieci|chlopiec|chlopak|dziewczynka|corka|syn|maly|mala)(?: [a-z]+){0,3} (?:ma|maja|mial|miala) (?:siniaki|sinca|slady bicia|rany)', 'przemoc(?:y)? (?:domowa|domowej|w rodzinie)', 'dzieci(?: [a-z]+){0,3} (?:same|sama|bez opieki)',
      // Probe after round 71: a child named and told as left alone or sleeping alone somewhere not a bedroom ("syn szefowej, ma może 8
      // lat, śpi sam na zapleczu baru do 3 w nocy"); a son who lives alone, or sleeps alone in his own room, is not read.
      String.raw`(?:syn|synek|corka|coreczka|dziecko|chlopiec|chlopczyk|dziewczynka|maluch)(?: [a-z0-9]+){0,6} (?:zostaje|zostawiany|zostawiana|zostawiony|zostawiona|siedzi|jest) (?:caly dzien |cala noc |w nocy |calkiem |zupelnie )?(?:sam|sama|samo|bez opieki)(?! w stanie| w swoim pokoju)`,
      String.raw`(?:syn|synek|corka|coreczka|dziecko|chlopiec|chlopczyk|dziewczynka|maluch)(?: [a-z0-9]+){0,6} spi (?:sam|sama|samo) (?:na (?:zapleczu|podlodze|ulicy|klatce)|w (?:samochodzie|aucie|barze|pubie|piwnicy|restauracji|magazynie)|do (?:[0-9]+|rana|polnocy))`,
      '(?:boje|boimy) sie (?:meza|partnera|jego|go|ojca)',
      // Romanised Urdu: beats me, takes my money, afraid at home, children alone.
      'mujhe (?:roz |har roz |bahut |bohat |bohot )?(?:maar|mar)(?:ta|ti|te) (?:hai|hain|he|tha|thi)',
      '(?:shohar|shauhar|khawind|miyan|pati|saas|sasur|gharwala|gharwale)(?: [a-z]+){0,3} (?:(?:maar|mar)(?:ta|ti|te)|maar(?:da|di|de))',
      // Round 12: Punjabi (romanised), "hits me" ("mainu maarda hai").
      '(?:mainu|menu|mennu|sanu) (?:(?:roz|har roz|bahut|bohat|bohot) )?maar(?:da|di|de)', '(?:ghar|shohar|khawind|usse|us se|unse|un se)(?: [a-z]+){0,4} dar lagta',
      '(?:bachay|bachche|bache|bachchay|bacche)(?: [a-z]+){0,3} akel(?:e|ay|ey)',
      '(?:unka|uska|unki|uski) (?:beta|beti|bahu)(?: [a-z]+){0,3} pension (?:le|chheen)', 'khana (?:bhi )?nahi (?:deta|deti|dete)',
      // Spanish: he hits me / them, children always hungry or alone.
      '(?:me|les|le|nos) pega', '(?:me|les|le|nos) golpea',
      // Round 45: Portuguese and Spanish, someone mistreated or hit by their carer ("a minha avó está a ser maltratada pelo cuidador").
      '(?:maltratad[oa]s?|agredid[oa]s?|golpead[oa]s?|abusad[oa]s?|espancad[oa]s?) (?:pel[oa]|por (?:el|la|su|sus|o|a|seu|sua)) (?:cuidador(?:a|es|as)?|enfermeir[oa]|enfermer[oa]|auxiliar|empregad[oa])',
      // Round 33: Spanish, a relative or an adult who touches a child or the writer, told with fear or with the body ("su tío la toca y le da
      // miedo volver a casa"); "me toca pagar" (my turn) and "toca la guitarra" have no relative and no fear.
      '(?:tio|padre|padrastro|abuelo|primo|hermano|vecino|novio de (?:su|mi) (?:madre|mama)|entrenador|profesor) (?:la|le|lo|me|nos|les) toca(?:ba)?(?: [a-z]+){0,10} (?:miedo|no quiere volver|asustad[oa]|no se lo digas?)',
      '(?:la|le|lo|me|les) toca(?:ba)? (?:sus|mis|las|los) (?:partes|pechos|genitales)', 'tienen hambre', '(?:ninos|hijos|hijas|ninas|bebes?)(?: [a-z0-9]+){0,6} sol[oa]s', '(?:criancas|filhos|bebe)(?: [a-z0-9]+){0,6} sozinh[oa]s',
      // Round 35: Turkish, a husband, a partner or a father who beats the writer or the children ("Kocam sürekli beni tehdit ediyor ve
      // dövüyor", my husband keeps threatening and beating me).
      '(?:kocam|esim|sevgilim|erkek arkadasim|babam|uvey babam|eski kocam|eski esim)(?: [a-z]+){0,6} (?:dovuyor|dovdu|dover|dovmus|vuruyor|tokatliyor|tokatladi)',
      '(?:beni|bizi|annemi|cocuklari|cocuklarimi|cocugu|cocugumu) (?:[a-z]+ ){0,3}(?:dovuyor|dovdu|dover|dovmus)',
      // Romanian: beats me, takes his whole pension, no longer eats, lives in squalor.
      // Round 46: Italian, a partner or a relative who beats the writer or her ("il suo compagno la picchia"); the sun beating down has
      // no person; and Romanian, someone cared for not fed by the family and with wounds ("nu primește mâncare ... are răni pe spate").
      '(?:compagno|marito|figlio|fidanzato|padre|patrigno|convivente|ex|nipote|genero|lui|badante) (?:la|lo|mi|ci|li|le) (?:picchia|picchiava|picchiano|ha picchiata|ha picchiato|prende a schiaffi|prende a pugni)',
      'nu (?:primeste|primesc|primea|i se da|ii da|ii dau|ii dadeau)(?: [a-z]+){0,1} mancare(?: [a-z]+){0,10} (?:rani|vanatai|escare|lovituri|urme de lovituri)', '(?:rani|vanatai|escare|urme de lovituri)(?: [a-z]+){0,10} nu (?:primeste|primea|i se da|ii da|ii dau) (?:de )?mancare',
      '(?:ma|ne|ii) bate', '(?:ii|i) ia (?:toata )?pensia',
      // Round 47: German, someone who hits the writer or the one written for, and takes their pension or money ("dass sein Mitbewohner ihn
      // schlägt und ihm die Rente abnimmt"); "schlägt ... vor" (suggests) is not a blow.
      '(?:mitbewohner|mitbewohnerin|sohn|tochter|mann|ehemann|frau|ehefrau|partner|partnerin|freund|freundin|pfleger|pflegerin|betreuer|betreuerin|neffe|nichte|enkel|enkelin|nachbar|nachbarin|vater|stiefvater|mutter|stiefmutter|bruder|schwester|untermieter) (?:ihn|sie|mich|uns|die kinder|das kind|meine mutter|meinen vater) (?:schlagt|schlaegt|schlug|verprugelt|verpruegelt|tritt|wurgt|wuergt|misshandelt)(?! (?:vor|zu|nach|auf)\b)',
      '(?:ihm|ihr|mir|ihnen) (?:die|seine|ihre|meine|das|sein|ihr|mein) (?:rente|pension|geld|ersparnisse|bankkarte|karte|sozialhilfe|lohn) (?:abnimmt|abnehmen|wegnimmt|wegnehmen|stiehlt|klaut|nimmt|abgenommen|weggenommen|gestohlen)', 'nu mai mananca', 'traieste in mizerie', 'copiii(?: [a-z]+){0,3} singuri', 'lasat[a-z]* singur[a-z]*',
      // Round 40: a child left alone, the child named between ("lasă copilul de doi ani singur în rulotă toată ziua").
      '(?:lasa|lasau|au lasat|a lasat|isi lasa|isi lasau) (?:copilul|copiii|copila|fetita|baietelul|baiatul|bebelusul|pe copil|pe cei mici)(?: [a-z0-9]+){0,4} singur[a-z]*', 'fara (?:mancare|medicamente)',
      'sin comida ni', 'bez jedzenia', 'sama bez',
    ],
    // Welsh topics, not disclosures: a request for figures, training, a job, a policy, the news, working in a refuge.
    // Round 52: a letter, a bill or arrears that frightened the writer ("llythyr am ôl-ddyledion ... wedi codi ofn arna i"): no abuse.
    // Round 69 (Polish): hitting denied ("Sąsiad ciągle wyzywa nas ... Nie bije nas, ale to nie do wytrzymania", he doesn't hit us),
    // nothing else of harm in reach (kicking, choking, shoving, threats, fear of him): name-calling is asked about by the model, never
    // read as a beating; "mąż mnie bije" and "nie bije dzieci, ale dusi mnie" are not guarded.
    guards: [String.raw`^(?![^]*\b(?:dusi|dusil|kopie|kopal|szarpie|szarpal|uderza|uderzyl|zgwalcil|grozi|boje sie|boimy sie|siniaki)\b)[^]*(?<= )nie bij(?:e|a) (?:nas|mnie|ja|go|dzieci)\b`,
      String.raw`(?:llythyr|llythyrau|bil|biliau|treth (?:y )?(?:gyngor|cyngor)|ol ddyledion|dyledion|dyled|rhent|ffurflen)(?: [a-z]+){0,8} (?:wedi |yn )?(?:codi ofn arna|dychryn)`, String.raw`rhyddid gwybodaeth|ystadegau|nifer (?:yr )?achosion|hyfforddiant|cwrs|swydd[a-z]*|polisi|ymchwil|traethawd|gweithio mewn|ar y newyddion|yn byw ar (?:ei|eu) (?:ben|phen|pennau)|poster[a-z]*|taflen[a-z]*|yn y gwaith|rhif y tim|tim trais`],
  },
  {
    // Children left alone, not fed, neglected.
    id: 'child_neglect', kind: 'child_at_risk', refine: ['child_at_risk', 'adult_at_risk'], category: SAFEGUARDING, reason: 'child neglect',
    patterns: [
      // Round 62: a baby or a child living or kept among needles or drugs, or in a crack or drug den ("SICK of reporting the crack den
      // next door. There's a baby living in there now with needles all over the floor"); needles in the park where the kids play, or a
      // drug den with no children there, are not.
      String.raw`(?<!\b(?:no|not any|any|never (?:any|a)) )(?:baby|babies|newborn|toddlers?|child|children|kids?|little ones?)(?: [a-z]+){0,1} (?:is |are |s )?(?:living|lives|live|staying|being (?:raised|brought up)|crawling|sleeping)(?: in)?(?: (?:there|that (?:flat|house|place)|the (?:flat|house)|(?:a|the|that) (?:crack|drug|drugs) (?:den|house)))?(?: now)? (?:with|among|amongst|around|surrounded by|next to|in)(?: [a-z]+){0,3} (?:used )?(?:needles|syringes|crack pipes|drugs|heroin|crack|smack|spice|(?:crack|drug|drugs) (?:den|house))\b(?! (?:years|before|once|when))`,
      String.raw`(?:crack|drug|drugs|smack|heroin) (?:den|house)(?: [a-z]+){0,12} (?<!\b(?:no|not any|any|never (?:any|a)) )(?:a )?(?:baby|babies|newborn|toddlers?|child|children|kids|little ones?) (?:is |are |s )?(?:living|lives|live|staying|being (?:raised|brought up)) (?:in )?(?:there|in it|with them)\b(?! before| years| once)`,
      // Round 55: put out or locked out of home with a younger child, the child's age under 13 or told as little, dark or nowhere to go
      // ("im 16 in foster care, my carers have locked me out again and i've got my lil bro with me he's 9. it's getting dark and we've got
      // nowhere"): a child out at night, whoever the writer is; locked out by accident and safe at a relative's is not read.
      String.raw`(?:locked|kicked|thrown|threw|chucked|put|turfed) (?:me|us) out(?: [a-z0-9]+){0,14} (?:(?:he is|she is|they are|aged|who is) (?:[1-9]|1[0-2])(?: years? old)?|(?:my|our) (?:lil|little|baby|younger|wee) (?:bro|brother|sis|sister|siblings?|brothers|sisters))\b(?: [a-z0-9]+){0,14} (?:(?:got|have|had|has) nowhere|nowhere to (?:go|sleep|stay)|no where to (?:go|sleep|stay)|getting dark|in the dark|on the streets?|outside all night)`,
      // Round 44: a child (an age under 16 told: "i am 15", "my 14 year old") put out of home, sofa surfing or sleeping rough, the age
      // told before or after it ("im 15 and my mum kicked me out 3 days ago and i have been sofa surfing"). At 16 and 17 the labelling
      // convention (somewhere to stay tonight is housing.homeless_tonight: dev-50's "I'm 17 and I've got nowhere to go") leaves it to
      // the model and the nowhere-tonight rules, which ask (engineer's decision after round 44).
      String.raw`\b(?:i am|am|aged|age|only|he is|she is|they are|my son is|my daughter is) (?:1[0-5]|[5-9])(?! (?:years? ago|days?|weeks?|months?|hours?|mins?|minutes?|pounds?|quid|miles?|stone|kg|cm|am|pm|o clock|of))\b(?: [a-z0-9]+){0,14} (?:kicked (?:me |him |her |us )?out|kicking (?:me |him |her )?out|thrown (?:me |him |her )?out|threw (?:me |him |her )?out|chucked (?:me |him |her )?out|put (?:me |him |her )?out|turfed (?:me |him |her )?out|told (?:me|him|her) to (?:leave|get out|go)|(?:says|said|told (?:me|him|her)|tells (?:me|him|her)) (?:not to|do not|dont|to not|never) come (?:back|home)|sofa surfing|sofa surf|couch surfing|sleeping rough|slept rough|sleeping on the streets?|sleeping (?:outside|in a park|in the park|on a bench|in a car)|nowhere to (?:sleep|stay|live)|homeless)\b`,
      String.raw`\bmy (?:1[0-5]|[5-9]) (?:year old|yr old|yo)(?: (?:son|daughter|boy|girl|child|kid|lad))?(?: [a-z0-9]+){0,12} (?:kicked (?:me |him |her |us )?out|kicking (?:me |him |her )?out|thrown (?:me |him |her )?out|threw (?:me |him |her )?out|chucked (?:me |him |her )?out|put (?:me |him |her )?out|turfed (?:me |him |her )?out|told (?:me|him|her) to (?:leave|get out|go)|(?:says|said|told (?:me|him|her)|tells (?:me|him|her)) (?:not to|do not|dont|to not|never) come (?:back|home)|sofa surfing|sofa surf|couch surfing|sleeping rough|slept rough|sleeping on the streets?|sleeping (?:outside|in a park|in the park|on a bench|in a car)|nowhere to (?:sleep|stay|live)|homeless)\b`,
      String.raw`\b(?:kicked (?:me |him |her |us )?out|kicking (?:me |him |her )?out|thrown (?:me |him |her )?out|threw (?:me |him |her )?out|chucked (?:me |him |her )?out|put (?:me |him |her )?out|turfed (?:me |him |her )?out|told (?:me|him|her) to (?:leave|get out|go)|(?:says|said|told (?:me|him|her)|tells (?:me|him|her)) (?:not to|do not|dont|to not|never) come (?:back|home)|sofa surfing|sofa surf|couch surfing|sleeping rough|slept rough|sleeping on the streets?|sleeping (?:outside|in a park|in the park|on a bench|in a car)|nowhere to (?:sleep|stay|live)|homeless)\b(?: [a-z0-9]+){0,12} (?:i am|and i am|he is|she is|and only|only|aged|age) (?:1[0-5]|[5-9])(?: years? old| yrs? old| yo)?(?! (?:years? ago|days?|weeks?|months?|hours?|pounds?|quid|miles?|am|pm|of|times?))\b`,
      // Round 50: a child caring for younger ones while a parent drinks or uses all day, or with no food in ("my mum drinks all day and i
      // am looking after my 2 little brothers, we do not have tea most nights"), said even inside a service request. A parent who "used
      // to drink" is not read.
      String.raw`\b(?:my|our) (?:mum|mam|mom|mother|dad|father|step ?dad|step ?mum|parents)(?: and (?:my |our )?[a-z]+)? (?!used to)(?:[a-z]+ ){0,2}(?:drinks|drinking|is drunk|are drunk|gets drunk|get drunk|on drugs|takes drugs|using|on the drink|on the gear|high)(?: [a-z]+){0,2} (?:all day|all the time|every day|constantly|day and night|24 7)(?: [a-z0-9]+){0,14} (?:looking after|look after|caring for|care for|feeding|feed|have to feed|have to look after|bringing up) (?:my |our |the )?(?:[0-9]+ |two |three |four |five )?(?:little |younger |baby |small )?(?:brothers?|sisters?|siblings|bros|sis)\b`,
      String.raw`\b(?:my|our) (?:mum|mam|mom|mother|dad|father|step ?dad|step ?mum|parents)(?: and (?:my |our )?[a-z]+)? (?!used to)(?:[a-z]+ ){0,2}(?:drinks|drinking|is drunk|are drunk|gets drunk|get drunk|on drugs|takes drugs|using|on the drink|on the gear|high)(?: [a-z]+){0,2} (?:all day|all the time|every day|constantly|day and night|24 7)(?: [a-z0-9]+){0,20} (?:(?:do not|never|hardly ever|rarely) (?:have|get|got|eat) (?:any )?(?:tea|dinner|food|meals?|breakfast|anything to eat)|no food in|nothing to eat|(?:go|going|went) hungry|(?:are|am|is) (?:always )?starving)\b`,
      // Round 37: children thin and out late in the cold, fed only at school, through the bins for food, a baby losing weight with help
      // kept from them, a child who says home is not safe.
      String.raw`${CHILD}(?: [a-z0-9]+){0,16} (?:freezing|cold|midnight|all hours|till late|until late|on the street|on the streets|alone|on their own|hungry|dirty|filthy|no coats?|no shoes|no food)(?: [a-z0-9]+){0,8} (?:look|looks|looking|are|is|seem|seems|getting|got) (?:really |very |so |painfully |dangerously |quite |a bit )?(?:thin|skinny|underweight|malnourished|gaunt|skin and bone)(?! skinned)`,
      String.raw`${CHILD}(?: [a-z0-9]+){0,3} (?:only|just) (?:eat|eats|get fed|gets fed|get a (?:hot )?meal|gets a (?:hot )?meal|have a (?:hot )?meal|get food) (?:at|in) (?:school|nursery|breakfast club)(?! (?:dinners?|lunch(?:es)?|meals?|canteen|on (?:monday|tuesday|wednesday|thursday|friday)s?))`,
      String.raw`${CHILD}(?: [a-z0-9]+){0,8} (?:going|go|goes|went|rooting|rummaging|searching|looking) (?:through|in) (?:the |our |their )?bins(?: [a-z]+){0,3} (?:for food|for something to eat|hungry|at weekends|every)`,
      String.raw`(?:baby|babies|toddler|newborn)(?: is| s)? (?:losing weight|not putting on weight|not gaining weight|underweight)(?: [a-z0-9]+){0,20} (?:no money for (?:formula|milk|food|nappies)|(?:won t|wont|will not|does not|doesnt|doesn t) let (?:her|him|them|mum|the mum) (?:get|ask for|seek|see) (?:help|a doctor|the gp|the health visitor))`,
      String.raw`(?:${CHILD}|lad|boy|girl|teenager|teen|[0-9]+ year old|year old)(?: [a-z0-9]+){0,24} (?:says|said|told me|tells me|told us|tells us|saying)(?: that)? (?:home|it at home|going home|his home|her home|their home|being at home|his house|her house)(?: is| isnt| was| s)? (?:not|isnt|no longer|never) safe`,
      // Round 38: children sent, put, kept or left out (or outside) in a heatwave or the sun with no water, shade or sun cream ("the children
      // next door are sent out to the park all day in the heatwave with no water or sun cream, they're tiny").
      String.raw`${CHILD}(?: [a-z0-9]+){0,4} (?:are |is |been |being |get |gets |got |keep being |always )?(?:sent|put|kept|left|locked|shut|turfed|thrown|pushed|made to (?:stay|play|sit|wait)) (?:out|outside|out of the house)(?= [^]*(?:heatwave|heat wave|the heat|this heat|scorching|boiling|baking|roasting|blazing|hot sun|full sun|midday sun|[0-9]+ degrees))(?= [^]*(?:(?:no|without|with no|not even|never any|without any) (?:water|drinks?|a drink|anything to drink|sun ?cream|suncream|sunscreen|shade|hats?|sun hats?)|nothing to drink))`,
      `${CHILD}${GAP(5)} (?:left|leaving) (?:[a-z]+ ){0,2}?(?:alone|on (?:their|his|her) own|home alone|unattended|by (?:themselves|himself|herself)|unsupervised|to fend for themselves)`,
      // Round 67: the young children's ages told between ("the family downstairs leave their kids (about 4 and 6) on their own overnight");
      // not the writer asking whether they may ("can I leave my kids aged 9 and 10 on their own for an hour?").
      `(?<!(?:can|could|should|may|do) (?:i|we) |(?:is it|it is|would it be) (?:ok|okay|legal|alright|all right|safe|fine) to |(?:old|age) (?:can|should|do) (?:i|we|you) )(?:leaves|left|leaving|leave) (?:the |his |her |their |my |those )?${CHILD} (?:(?:aged|about|around|roughly|maybe|both|who are|only) )?(?:[0-9]|10|one|two|three|four|five|six|seven|eight|nine|ten)(?: (?:and|or|to) (?:[0-9]|10|one|two|three|four|five|six|seven|eight|nine|ten))?(?: years? old| yrs?| yo)? (?:alone|on (?:their|his|her) own|home alone|unattended|by (?:themselves|himself|herself)|unsupervised)`,
      `(?:leaves|left|leaving|leave) (?:the |his |her |their |my |those )?${CHILD} (?:[a-z]+ ){0,2}?(?:alone|on (?:their|his|her) own|home alone|unattended|by (?:themselves|himself|herself)|unsupervised)`,
      `neglect(?:ed|ing|s)?(?: (?:the|his|her|their|my|a|those))? (?:${CHILD}|mum|dad|mother|father|parent|parents|elderly|him|her|them)`,
      `${CHILD}(?: [a-z]+){0,3} (?:is not|are not|not|never|is never|are never|rarely)(?: being| getting| properly)? (?:fed|looked after|cared for|washed|clothed|supervised)(?! up)`,
      `${CHILD}(?: [a-z]+){0,3} (?:is|are|look|looks|seem|seems|being|always)(?: so| really| very)? (?:neglected|starving|hungry all the time|always hungry|malnourished|underfed|filthy|dirty and hungry)`,
      // Round 48: children told as always dirty and thin together ("kids in the house by the cycle path are always filthy and thin"),
      // however far the place sits between; not mud from play or football told beside it.
      String.raw`(?<!\b(?:football|rugby|mud|muddy|playing out|paddling|beach|training|after school|match)\b[^]*)(?![^]*\b(?:football|rugby|mud|muddy|playing out|paddling|beach|training|after school|match)\b)${CHILD}(?: [a-z0-9]+){0,8} (?:are|is|look|looks|seem|seems|always)(?: always| so| really| very| constantly| often)? (?:filthy|dirty|unwashed|scruffy|smelly) and (?:thin|skinny|underweight|hungry|starving|half starved)`,
      String.raw`(?<!\b(?:football|rugby|mud|muddy|playing out|paddling|beach|training|after school|match)\b[^]*)(?![^]*\b(?:football|rugby|mud|muddy|playing out|paddling|beach|training|after school|match)\b)${CHILD}(?: [a-z0-9]+){0,8} (?:are|is|look|looks|seem|seems|always)(?: always| so| really| very| constantly| often)? (?:thin|skinny|underweight|hungry|starving) and (?:filthy|dirty|unwashed|smelly)`,
      `${CHILD}(?: [a-z]+){0,3} (?:no food|nothing to eat|no heating and|sleeping on the floor|wearing the same clothes|out (?:at|until|till) (?:midnight|all hours|2am|3am|1am))`,
      // Round 34: a baby left outside or alone in a pram, a buggy or a car for hours ("a baby in a pram that's been left outside that
      // house for hours and nobody's answering").
      `(?:baby|babies|toddler|infant|newborn)(?: [a-z]+){0,3} (?:pram|buggy|pushchair|car seat|car)(?: [a-z]+){0,4} (?:left|been left|abandoned|sat|sitting)(?: [a-z]+){0,3} (?:outside|out|alone|on (?:its|his|her) own|there)(?: [a-z]+){0,6} (?:for hours|hours|all day|all night|for ages|since this morning|for over an hour|nobody|no one)`,
      // Round 10: a visitor's referral of children in squalor: two signs, one of them beyond hardship ("no heating, dog mess on the floors ... the parent intoxicated").
      `(?:child|children|kids|toddlers?|babies|baby)(?: [a-z0-9]+){0,10} (?:no heating|no food|nothing to eat|dog mess|faeces|exposed wiring|squalor|filthy)(?= [^]*(?:intoxicated|drunk|under the influence|dog mess|faeces|exposed wiring|squalor|filthy|needles))`,
      // Round 12: young children seen alone again and again beside a second sign of neglect, in a worker's report ("three young
      // children who are always alone when we come at 7am, in nappies in the front garden, house is filthy").
      `(?:children|kids|toddlers?|babies|little ones|tots|nippers|bairns)(?: [a-z0-9]+){0,4} (?:is|are) (?:always|often|usually|regularly|constantly|frequently|nearly always|mostly)(?: [a-z]+)? (?:alone|on (?:their|his|her) own|by (?:themselves|himself|herself)|unsupervised)(?= [^]*(?:nappy|nappies|filthy|squalor|dog mess|faeces|no food|hungry|starving|no adults?|no grown ups?|no one (?:with|watching)|nobody (?:with|watching)|in the (?:road|street)|[0-9]+ ?am|midnight|late at night|in the dark))`,
      `(?:child|children|kids) (?:at risk|in danger|not safe)(?: at home| with| from| in that (?:house|flat))`,
      `(?:does not|do not|never|will not|not|cannot|can not) (?:feed|feeding|look after|care for|wash|clothe) (?:us|me|the kids|the children|the baby|her (?:kids|children|baby)|his (?:kids|children|baby)|their (?:kids|children|baby))`,
      `${CHILD}(?: been| are| were| being| is| was| get| gets| getting| keep getting| have been| has been) left (?:again|overnight|all night|for hours|alone|all day|on their own)`,
      `${CHILD}(?: [a-z]+){0,3} (?:never|do not|does not|did not|never seem to|do not seem to) (?:have|get|got|seem to have|seem to get) (?:any |enough )?(?:food|dinner|breakfast|meals|anything to eat|clean clothes|a coat|coats)`,
      `(?:asking|begging|ask|beg|asks|begs|asked|begged) (?:us |me |neighbours |people )?for (?:food|bread|something to eat|money for food)`,
      `(?:locks|locked|locking|shuts|shut) (?:him|her|them|the kids|the children|the baby|my [a-z]+|his [a-z]+|her [a-z]+) (?:in|out)(?: [a-z]+){0,4} (?:without (?:food|dinner|anything to eat)|with no food|for hours|all day|all night|as (?:a )?punishment)`,
      // Round 8: a parent shutting a child in or out ("is it normal for ur dad to lock u in the shed").
      `(?:dad|mum|mam|father|mother|stepdad|step dad|stepmum|step mum|parents?|mums boyfriend|mums partner)(?: [a-z]+){0,3} (?:to )?(?:lock|locks|locked|locking|shut|shuts) (?:me|you|us|him|her|them) (?:in|out|inside)(?: [a-z]+){0,3} (?:shed|cupboard|room|bedroom|garage|cellar|basement|loft|bathroom|garden|outside|car|dark)`,
      `(?:not allowed to eat|not allowed food|not given food|not given any food|withholds? (?:food|meals)|withholding (?:food|meals))(?! (?:in|on|at) (?:the )?(?:library|bus|park|building|shop|car))`,
      // Round 27: a small child in just a nappy or a vest with nobody else there ("the door was opened by a kid about five in just a
      // nappy the house was freezing and nobody else was there"); children sleeping on one bare mattress with no heating or no food.
      `(?:${CHILD}|boy|girl|little boy|little girl|lad|lass)(?: [a-z0-9]+){0,6} in (?:just |only )?(?:a |his |her |their )?(?:nappy|nappies|vest|pants)(?: [a-z]+){0,14} (?:nobody|no one|no adult|no adults|no grown ups?|no parent|no parents)(?: else)?(?: was| is| were| are)? (?:there|in|home|around|about|in sight|with (?:him|her|them))`,
      `(?:children|kids|${CHILD})(?: [a-z0-9]+){0,10} (?:sleeping|sleep|sleeps|sharing|share) (?:on )?(?:one|a single|the same|a bare|one bare|a dirty|one dirty) (?:bare )?mattress(?= [^]*(?:no heating|no food|nothing to eat|mould|filthy|squalor|no beds?|freezing))`,
      // Round 11: a small child out alone in a wet or dirty nappy ("always on the doorstep in a wet nappy on his own").
      `(?:in (?:a |an |his |her |their )?(?:wet|dirty|soiled|soaking|soaked|full|heavy|filthy|unchanged) (?:nappy|nappies)|(?:nappy|nappies) (?:is |are )?(?:soaking|soaked|never changed|not changed|filthy|hanging off))(?: [a-z]+){0,6} (?:on (?:his|her|their) own|alone|by (?:himself|herself|themselves)|no one (?:with|watching|answers)|nobody (?:with|watching|answers)|outside|in the street|on the (?:doorstep|step|pavement|road))`,
      `(?:on (?:his|her|their) own|alone|by (?:himself|herself|themselves)|outside|on the (?:doorstep|step|pavement|road|street))(?: [a-z]+){0,6} in (?:a |an |his |her |their )?(?:wet|dirty|soiled|soaking|soaked|full|heavy|filthy) (?:nappy|nappies)`,
      `${CHILD}(?: [a-z]+){0,8} (?:in (?:their|his|her) (?:pyjamas|nappies|nappy|pjs)|barefoot|no shoes)(?: [a-z]+){0,4} (?:at (?:midnight|night|[0-9]+ ?am)|in the (?:cold|rain|snow|dark)|late at night)`,
      // Round 77: not "off his head on the new medication" (a prescription's effect on an adult cared for, told with a laugh).
      `(?:mums?|dads?|mams?|mother|father|parents?|she|he)(?: is| are| has| was| s| always| keeps)? (?:passed out|out of it|off (?:her|his|their) (?:face|head|heads)(?! on (?:the |his |her |their |some |all (?:the |his |her |their )?)?(?:new |prescribed |hospital |strong )?(?:medication|medicine|meds|tablets|painkillers|morphine|steroids|antibiotics|anaesthetic))|paralytic|too drunk to|drunk all day|high all the time|drunk all the time|always drunk|always high)`,
      `(?:mum|dad|mam|parents|mother|father|mummy|daddy)(?: [a-z]+){0,2} (?:has not|have not|not|never|is never) (?:been |come |came )?(?:home|back) (?:for (?:[0-9]+|two|three|four|a few|several|a couple of) (?:days|nights)|all night|since (?:yesterday|last night))`,
      // Round 63: a young person under 18 put out by a parent and sleeping rough or in a stairwell ("im sixteen and my stepdad kicked me out
      // im sleeping in the stairwell"); "I was 16 when ..." told of the past, or staying at a nan's, is not.
      `(?:i am|im) (?:1[2-7]|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)(?: years old)?(?: [a-z0-9]+){0,10} (?:kicked|threw|thrown|chucked|put|turfed|booted) (?:me )?out(?: [a-z0-9]+){0,8} (?:sleeping|slept|sleep|kipping|staying|living) (?:in|on|at|under|rough|outside)(?: (?:the|a))? ?(?:stairwell|stairs|streets?|park|bus station|doorway|tent|car|garages?|bin store|underpass|rough|outside|bench)`,
      `(?:kicked|threw|thrown|chucked|turfed|booted) (?:me )?out(?: [a-z0-9]+){0,6} (?:i am|im) (?:1[2-7]|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)(?: years old)?(?: [a-z0-9]+){0,4} (?:sleeping|slept|kipping|staying|living) (?:in|on|at|under|rough|outside)(?: (?:the|a))? ?(?:stairwell|stairs|streets?|park|bus station|doorway|tent|car|garages?|bin store|underpass|rough|outside|bench)`,
    ],
    guards: [
      // Round 78: not being able to leave a child alone is the opposite of neglect ("I can't leave my son alone to wheel the bins out, he'll
      // bolt the second the door's open").
      String.raw`(?:cannot|can not|could not|do not|dont|never|would not|will not) (?:ever )?leave (?:him|her|them|my (?:[a-z]+ )?(?:son|daughter|boy|girl|child|kids|children)) (?:alone|on (?:his|her|their) own)`,
      // Round 62: children quoted as "starving" and told as fed and all right for now ("the kids said 'we're starving mum' - they've had
      // cereal, we're ok tonight but nothing left for tomorrow"): money short, no neglect told; "they have not eaten for two days" still hits.
      String.raw`(?:they have had|they had|they ve had|theyve had|they would had|they d had|theyd had|they ate|they have eaten|they ve eaten|had some|had a bit of|we have had|we had|i gave them|gave them) (?:cereal|toast|breakfast|dinner|tea|their tea|lunch|something|something to eat|a snack|snacks|crisps|fruit|a meal|a sandwich|sandwiches|beans|pasta|soup|noodles)(?:(?: [a-z]+){0,3} (?:we are|they are|we re|they re|theyre|were|everyone is|all) (?:ok|okay|fine|alright|all right|sorted) (?:tonight|for tonight|today|for today|for now)|(?: (?!(?:days?|ago|since|yesterday|nothing|last|weeks?)\b)[a-z]+){0,3} (?:just|only) (?:asking|wondering|checking))`,
      // Round 56: parents too old or ill to go on caring for their grown-up disabled child ("My parents are elderly and can't care for
      // me anymore (I have cerebral palsy)"): a housing or care question, not neglect.
      String.raw`\b(?:parents|mum|mam|dad|mother|father|carers?) (?:are |is )?(?:elderly|getting (?:old|older|on)|too old|old now|older now|ill now|unwell now|poorly now)(?: and)? (?:cannot|can not|are unable to|is unable to|no longer) (?:care for|look after) me\b`,
      // Engineer's probe after round 56: the age told before them ("my elderly parents can't care for me anymore").
      String.raw`\b(?:elderly|older|ageing|aging|old|frail|poorly|ill) (?:parents|mum|mam|dad|mother|father|carers?) (?:cannot|can not|are unable to|is unable to|no longer|can no longer) (?:care for|look after) me\b`,
      String.raw`(?:leave|left) (?:my|the|our) (?:car|bins?|garden|fence|property) alone|kids? alone in the park (?:is|are) (?:fine|ok)`,
      String.raw`\b(?:swings?|play ?(?:area|ground|equipment)|playground|slide|speeding|traffic|road safety|school crossing)\b`,
      String.raw`\bnot fed up\b|\bfed up\b`,
      String.raw`\b(?:hospital|holiday|care home|nursing home|hospice|prison|working away|away with work)\b`,
      // Round 17: a family's hardship told as hunger, asking for food help ("nothing in the cupboards till payday and the kids are
      // starving. Is there any emergency food help?"), is a service request; not when a carer, a neighbour's home or children left
      // alone or unfed are named (real neglect stays).
      String.raw`^(?![^]*\b(?:neighbou?rs?|next door|mum|mam|dad|mother|father|parents?|carer|never|not (?:been )?fed|not eaten|nobody|no one|left|alone|on their own|for days)\b)[^]*\b(?:food ?banks?|emergency food|food (?:help|parcels?|vouchers?|support)|help with food|till payday|until payday|nothing in the (?:cupboards?|fridge)|(?:no|any) money for food)\b`,
    ],
  },
  {
    // Adults at risk: not fed, not cared for, not seen, carers who hurt or steal.
    id: 'adult_at_risk', kind: 'adult_at_risk', category: SAFEGUARDING, reason: 'adult at risk of neglect or abuse',
    patterns: [
      // Round 77: an adult made to work for nothing (Romanian, Polish, Portuguese, Spanish; in English with somewhere unfit to sleep told:
      // "un bărbat cu dizabilități ... este pus să muncească la spălătoria auto fără bani și doarme în garaj"); unpaid overtime is not.
      String.raw`(?:pus|pusa|pusi|puse|obligat|obligata|obligati|fortat|fortata|fortati|facut|facuta) sa (?:munceasca|lucreze)(?: [a-z]+){0,8} (?:fara (?:bani|plata|salariu|sa fie platit[a-z]*)|gratis|pe gratis|pe nimic)`,
      String.raw`(?:zmuszan[a-z]*|zmuszon[a-z]*|zmusza(?:ja)? (?:go|ja|ich)) (?:do )?(?:pracy|pracowac)(?: [a-z]+){0,8} (?:bez (?:pieniedzy|zaplaty|wynagrodzenia|placy)|za darmo|za nic)`,
      String.raw`(?:obrigad[oa]s?|forcad[oa]s?|obligad[oa]s?|forzad[oa]s?) a (?:trabalhar|trabajar)(?: [a-z]+){0,8} (?:sem (?:pagamento|salario|receber|dinheiro)|sin (?:pago|cobrar|salario|dinero)|de graca|gratis|por nada)`,
      String.raw`(?:made|forced|being made|is made|are made|put|getting made) to work(?: [a-z]+){0,8} (?:for (?:no money|nothing|free)|without (?:pay|being paid|money|wages)|unpaid|no pay|no wages)(?: [a-z]+){0,10} (?:sleep|sleeps|sleeping|slept|living|lives|kept|staying) (?:in|on) (?:the |a |their |his |her )?(?:garage|shed|van|car|outhouse|container|cellar|basement|caravan|floor)`,
      // Round 62: someone told as off their medication (a psychosis, schizophrenia) and not eating, sitting in the dark or not leaving
      // a room for days ("He's schizophrenic, stopped his meds, not eating, electric cut off, sitting in the dark for a week"); meds
      // stopped for side effects and a review asked, nothing else, is not.
      String.raw`(?:stopped|stopped taking|come off|came off|off|not taking|refusing|refuses|will not take) (?:his|her|their) (?:meds|medication|medicine|tablets|injections?|depot)(?: [a-z]+){0,8} (?:not eating|stopped eating|will not eat|refusing (?:food|to eat)|sitting in the dark|in the dark for|not left (?:his|her|their|the) (?:room|flat|house|bed)|not washing|talking to (?:himself|herself|the walls))\b`,
      String.raw`(?:not eating|stopped eating|will not eat|refusing (?:food|to eat)|sitting in the dark)(?: [a-z]+){0,8} (?:stopped|stopped taking|come off|came off|off|not taking|refusing) (?:his|her|their) (?:meds|medication|medicine|tablets|injections?|depot)\b`,
      // Round 58: a member of staff seen hitting or hurting someone they care for ("the other staff member on with me keeps slapping one
      // of the residents and laughing"); hitting the residents' cars or doors is not a person.
      String.raw`(?:staff|staff member|member of staff|carer|carers|care worker|care workers|colleague|colleagues|nurse|nurses|support worker|support workers|manager|worker|workers|agency worker|night staff|other staff member)(?: [a-z]+){0,4} (?:keeps |keep |is |are |has been |have been |was |were |kept |been )?(?:slapping|hitting|punching|kicking|pinching|shoving|smacking|striking|manhandling|rough handling|roughing up|hurting|dragging|slapped|hit|punched|kicked|pinched|smacked) (?:one of )?(?:the |a |our |my |an |some of the )?(?:elderly |old |vulnerable |disabled |frail )?(?:residents?|patients?|clients?|service users?|people (?:we|i|they) (?:care for|support|look after)|gentleman|old man|old lady|old woman)\b(?! (?:cars?|doors?|bins?|parking|bays?|rooms? (?:door|doors)|balls?|post|mail|complaints?|bills?|fees?))`,
      // Round 56: a dealer or a gang moved into a vulnerable person's own room or flat, "cuckooing" ("a resident with a brain injury and
      // a dealer has moved into his room and is selling from it"); not a dealer moved in next door (a flat "taken over" is exploitation).
      String.raw`(?:dealers?|drug dealers?|a gang|gang members?|some lads|men)(?: [a-z]+){0,2} (?:has |have |had )?(?:moved into|moved in to|moved themselves into) (?:his|her|their) (?:own )?(?:room|flat|bedsit|home|place|house)(?! next door)`,
      // Round 37 (CV): a carer who has started locking the person cared for in ("I've started locking her in the bedroom when I go out").
      String.raw`\bi (?:have |ve |had )?(?:started |been |begun |keep |sometimes |now )*(?:locking|locked|lock) (?:her|him|my wife|my husband|my mum|my dad|my mother|my father|mum|dad|my son|my daughter) in (?:the |her |his |their )?(?:bedroom|room|house|flat|home|bathroom)\b`,
      // Round 35: a landlord, a man or a carer making someone "pay" the rent or a debt in other ways, or in ways they do not understand
      // ("the landlord's making her 'pay' rent in ways she doesn't understand"): exploitation of an adult at risk.
      '(?:making|makes|made|getting|gets|got|forcing|forces|forced) (?:her|him|them|my [a-z]+|a [a-z]+) (?:to )?pay (?:for )?(?:the |her |his |their )?(?:rent|debt|debts|room|keep|way|board)(?: [a-z]+){0,2} (?:in (?:other )?ways|in kind|with (?:sex|favours|her body|his body)|by (?:sleeping|having sex|doing things))',
      // Engineer's probe after round 36: the same offer told as what she may do ("the landlord told my neighbour with learning
      // difficulties she can pay the rent in other ways"); ways of paying named after it (by card, cash) are a payment question.
      '(?:landlord|landlady|agent|he|man|bloke|guy|fella)(?: [a-z]+){0,10} (?:she|he|they) (?:can|could|should|would|will|may|might|has to|have to) pay (?:for )?(?:the |her |his |their )?(?:rent|debt|debts|room|keep|board)(?: [a-z]+){0,2} (?:in (?:other )?ways|in kind|with (?:sex|favours|her body|his body)|by (?:sleeping|having sex|doing things))(?! (?:like|such as|by|through|via|including|online|with (?:a )?card|in cash|cash|cheque|direct debit|standing order|bank|instalments))',
      // Round 32: a woman with a learning disability, a mental age of a child or otherwise vulnerable, brought to or visited by different
      // men night after night ("a young woman with learning disabilities is brought to the flat opposite by different men every night"):
      // sexual exploitation of an adult. Workmen at a boiler are not "different men" beside a disability.
      `(?:learning (?:disabilit(?:y|ies)|difficult(?:y|ies))|mental age|special needs|vulnerable|disabled|autistic|autism)(?: [a-z0-9]+){0,20} (?:different|various|strange|older|lots of|loads of|new) (?:men|blokes|lads|guys|man|fellas)(?: [a-z]+){0,6} (?:every|each|all|most) (?:night|evening|day|weekend)`,
      `(?:different|various|strange|older|lots of|loads of|new) (?:men|blokes|lads|guys|fellas)(?: [a-z]+){0,8} (?:every|each|all|most) (?:night|evening|day|weekend)(?: [a-z0-9]+){0,14} (?:learning (?:disabilit(?:y|ies)|difficult(?:y|ies))|mental age|special needs|vulnerable|disabled|autistic)`,
      `(?:pimping|pimp|pimped|prostituting|prostituted|selling) (?:her|him|them|my [a-z]+|the [a-z]+) out`,
      // Round 29: a person tied or strapped into a chair or a bed ("a pic of my gran tied into her chair with a bedsheet"): restraint.
      `(?:him|her|them|gran|nan|grandad|grandma|granny|mum|mam|dad|resident|residents|patient|patients|client|clients|he|she|they)(?: (?:is|was|has been|being|been|got|gets|keeps being|are|were|have been))? (?:tied|tethered|restrained|strapped|locked)(?: [a-z]+){0,2} (?:into|to|in|onto) (?:her|his|their|a|the) (?:chair|armchair|bed|cot|radiator|bed frame)(?: with (?:a |the )?(?:bed ?sheet|sheet|rope|belt|tape|scarf|tights|ties|cable ties))?`,
      `(?:elderly|old|vulnerable|disabled|frail|housebound|bedbound|bed bound|dementia|blind|confused)(?: [a-z]+){0,5} (?:is not|not|never|has not been|have not been|is never|isnt|aint) (?:being )?(?:fed|eating|washed|cleaned|looked after|cared for|checked on|given (?:food|meals|medication|his|her)|getting (?:food|care|help|meals|his (?:meds|medication)|her (?:meds|medication)))`,
      `(?:no one|nobody) (?:is )?(?:looking after|checking on|feeding|caring for|visiting|helping) (?:him|her|them|my (?:mum|dad|nan|grandad|gran|mam))`,
      // Round 34: a paid carer seen hurting the person cared for ("I saw one of their carers slap the lady he looks after").
      `(?:carers?|care workers?|care staff|support workers?|home carers?|care assistants?|nurses?|staff)(?: [a-z]+){0,4} (?:slap|slaps|slapped|slapping|hit|hits|hitting|punch|punched|punching|kick|kicked|kicking|shove|shoved|shoving|pinch|pinched|pinching|smack|smacked|smacking|drag|dragged|dragging|manhandl[a-z]*|rough ?handl[a-z]*) (?:the |a |an |my |her |his |their |this |that )?(?:lady|man|woman|gentleman|resident|residents|patient|patients|client|clients|old|elderly|person|mum|mam|dad|nan|gran|grandad|grandma|her|him|them)`,
      // Round 31: a carer who has hurt the person they care for and fears doing worse ("carer. i shoved mum today. scared ill do worse").
      `i (?:shoved|pushed|hit|slapped|grabbed|shook|smacked|hurt|lashed out at|snapped and hit) (?:my )?(?:mum|mam|dad|nan|gran|grandad|grandma|husband|wife|him|her)(?: [a-z]+){0,8} (?:scared|afraid|worried|frightened|terrified) (?:that )?(?:(?:i will|ill|i might|i am going to|i could|i would) (?:do (?:worse|something worse|it again|something)|hurt|lose it|snap|really hurt)|of what i (?:will|might|could|would) do)`,
      `(?:leave|leaves|left|leaving) (?:him|her|them|my (?:dad|mum|nan|grandad|gran|mam|husband|wife|father|mother|uncle|aunt|auntie)) (?:in|sitting in|lying in) (?:soiled|dirty|wet|soaking|his own|her own)`,
      `(?:carers?|care workers?|home care|care staff)(?: [a-z]+){0,3} (?:(?:has not|have not|had not|did not|never) (?:turned|showed|shown) up|not turning up|never turn up|never turns up|not coming|does not come|do not come|leaves? (?:him|her|them) (?:alone|in|without)|shouting at|shout at|shouts at|rough with|hitting|hits|slaps|slapping|pushing|pushes|hurting|hurts|abusing|bullying|bullies|neglecting|neglects|ignoring|locking)`,
      `(?:not|have not|has not|nobody has|no one has|not been) (?:been )?seen (?:my |the |our )?(?:[a-z]+ ){0,2}?(?:neighbour|him|her|them|old man|old lady|elderly)(?: [a-z]+){0,3} (?:for|in) (?:days|a week|weeks|ages|a few days|[0-9]+ days|a couple of days)`,
      // Self-neglect: refusing every help, sores, living in one chair.
      '(?:refus(?:es|ing|ed)|turns? away|turning away|will not accept|does not accept) (?:all |any )?(?:help|care|support|carers|treatment|visitors)(?! (?:with|for|from|to) (?:the |her |his |my |a )?(?:garden|bins?|hedge|grass|lawn|forms?|paperwork|shopping|move|moving|decorating|clearing|car))',
      // Round 30: neglect told as a complaint: care cut or stopped and nobody coming, beside harm to the person ("care package got
      // cut and now nobody comes in. she's fallen twice, living on biscuits", "carers stopped coming, he's been on the floor twice").
      `(?:care package|care visits?|home care|carers?|care workers?|support worker|package of care|care)(?: [a-z]+){0,3} (?:cut|stopped|withdrawn|reduced|cancelled|ended|taken away|stopped coming|stop coming)(?: [a-z]+){0,16} (?:fallen|fell|falls|keeps falling|on the floor|living on|no food|not eating|nothing to eat|(?:cannot|can not|unable to|struggling to) get to the (?:loo|toilet|bathroom|commode)|soiled|wet (?:herself|himself|the bed))`,
      `(?:nobody|no one) (?:comes?|is coming|goes|visits?|checks on (?:her|him|them))(?: in| round| over)?(?: [a-z]+){0,12} (?:fallen|fell|falls|keeps falling|on the floor|living on|not eating|no food|nothing to eat|(?:cannot|can not|unable to) get to the (?:loo|toilet|bathroom|commode)|soiled|wet (?:herself|himself))`,
      `(?:she|he|my (?:aunt|auntie|uncle|mum|mam|dad|nan|gran|grandad|grandma|neighbour)) (?:is|has|s)(?: had)? (?:fallen|fell|had (?:a few |two |three |several )?falls)(?: over)? (?:twice|again|three times|several times|[0-9]+ times|a few times)(?: [a-z]+){0,8} (?:living on|no food|not eating|nothing to eat|(?:cannot|can not|unable to) get to the (?:loo|toilet|bathroom|commode)|nobody (?:comes|visits|helps)|no one (?:comes|visits|helps))`,
      '(?:pressure|bed) sores', '(?:leg )?ulcers(?: [a-z]+){0,6} (?:no one|nobody|not|refus|alone|on (?:his|her) own)', 'living in (?:one|a) chair',
      'self neglect', '(?:has not|have not|not|hasnt) (?:washed|bathed|eaten properly) (?:in|for) (?:weeks|months|ages)', '(?:stopped|has stopped|is not|not) eating(?: properly)?(?: [a-z]+){0,4} (?:he is|she is|aged) (?:[6-9][0-9]|elderly)',
      '(?:only|just) (?:comes?|came|visits|turns up)(?: round| over)? to (?:collect|take|get|pick up) (?:his|her|their) (?:bank card|pension|money|benefits|cash)',
      `(?:elderly|old|vulnerable|disabled|frail|housebound)(?: [a-z]+){0,8} (?:no food|nothing to eat|not eaten|not eating|no one to look after)`,
      // Round 47: someone with severe mental illness, dementia or a learning disability left in the dark or the cold and not eating ("the
      // woman at 12b has severe mental health problems, the flat has no electricity since weeks, she is sitting in the dark and not eating").
      `(?:mental health (?:problems|issues|difficulties|condition)|mentally ill|mental illness|psychosis|psychotic|schizophreni[a-z]*|bipolar|dementia|alzheimers|learning (?:disabilit(?:y|ies)|difficult(?:y|ies)))(?: [a-z0-9]+){0,24} (?:no (?:electric|electricity|power|heating|heat|gas|lights|money for (?:food|the meter))|(?:sitting|living|sat|lying) in the (?:dark|cold))(?: [a-z0-9]+){0,14} (?:not eating|not been eating|has not eaten|have not eaten|no food|nothing to eat|not eaten|starving)`, '(?:sitting|lying|left) in (?:his|her|their) own (?:urine|mess|faeces|poo|wee)',
      '(?:mum|dad|nan|grandad|gran|grandma|mam|elderly|old)(?: [a-z]+){0,4} (?:being|been) (?:mistreated|abused|bullied|hit|neglected|exploited|taken advantage of)',
      'taking advantage of (?:my|an|a|the|her|his)(?: [a-z]+)? (?:elderly|old|vulnerable|disabled|mum|dad|nan|grandad|neighbour)',
      // Round 10: someone with dementia or a learning disability gone missing ("wandered off ... 2 hrs ago ... cannot find him").
      '(?:dementia|alzheimers|learning disabilit[a-z]*|learning difficult[a-z]*|vulnerable|confused)(?: [a-z0-9]+){0,8} (?:wandered off|wandered out|has wandered|gone missing|went missing|is missing|walked out and|got out and|has not come back|not come back|not been seen|keeps? wandering (?:out|off)|kept wandering (?:out|off)|wanders (?:out|off)|(?:found|finds) (?:him|her|them) wandering)',
      // Round 63: someone living or sleeping in a block's bin store, stairwell or cupboard, told as thin, confused or not eating ("an older
      // woman living in the bin store room of our block ... very thin, talks to herself"); one sleeping in the lift, nothing of frailty, is not.
      `(?:living|sleeping|been sleeping|staying|lives|sleeps|kipping) (?:in|on) (?:the |our |a )?(?:bin store|bin store room|bin room|bin chute room|refuse room|stairwell|stairs|cupboard|meter cupboard|lift|shed|garages?|doorway|car park|laundry room)(?: [a-z0-9]+){0,16} (?:very thin|so thin|really thin|skin and bone|not eating|confused|talks to (?:herself|himself)|talking to (?:herself|himself)|frail|will not eat|not making sense)(?= )`,
    ],
    guards: [
      String.raw`\b(?:bins?|collection|collected|assisted collection|grass|garden|hedge|parking|blue badge)\b(?: [a-z]+){0,3} (?:not|never)\b`,
      // Round 19: wandering told as a condition ("wanders off if we park far away") or with the person safe at home now.
      String.raw`(?:wanders?|wandering) (?:off|out) (?:if|when|whenever)|(?:here|home|back) with (?:me|us) now|(?:he|she|they) (?:is|are) (?:fine|safe|ok|okay) (?:now|here|at home|with (?:me|us))|(?:always|usually|eventually) (?:comes?|turns?|gets?) (?:back|up|home)`,
    ],
  },
  {
    // Money taken from someone who cannot protect it: a carer or relative using a pension.
    id: 'financial_abuse', kind: 'adult_at_risk', category: SAFEGUARDING, reason: 'financial abuse',
    patterns: [
      // Round 59: a caller telling someone to move their savings or money to a "safe account" now ("A lady on the phone says I must move
      // my savings to a safe account today because my bank is under attack"): a scam under way. Hung up on, refused, reported or told
      // of as a warning or the past, it is not.
      String.raw`(?<!\b(?:hung up|put the phone down|warn[a-z]*|leaflet|news|heard about|ago|last (?:week|month|year))\b[^]*)(?:move|moving|transfer|transferring|put|putting|send|sending)(?: [a-z]+){0,3} (?:savings|money|pension|funds|life savings)(?: [a-z]+){0,3} (?:to|into|in) (?:a |another |the )?(?:safe|secure|safety|holding) account(?![^]*\b(?:hung up|put the phone down|did not|refused|reported|ignored|warn[a-z]*|leaflet|ago|last (?:week|month|year))\b)`,
      // Round 32: an older person's whole pension, savings or money handed each week to a man or a "friend" who calls ("elderly lady up
      // the road hands her whole pension to a man who calls round every week"); not to a named relative, a shop or a bill.
      `(?:hands?|handing|handed|gives?|giving|gave|passes|passing|signs?|signing) (?:over )?(?:all (?:of )?|the whole of |most of )?(?:her|his|their) (?:whole |entire |weekly |full )?(?:pension|savings|benefits|money|bank card|pin)(?: over)? (?:to|over to) (?:a|this|some|that|the|her new|his new) (?:man|woman|bloke|fella|fellow|chap|guy|lad|stranger|young (?:man|woman|lad)|friend|boyfriend|girlfriend|visitor)`,
      `(?:carer|carers|son|daughter|nephew|niece|grandson|granddaughter|family member|relative|brother|sister|lodger|boyfriend|girlfriend|husband|wife|partner|neighbour|someone|somebody|he|she)(?: is| are| has been| keeps| been| has| seems to be| seem to be| appears to be| might be| may be| could be)? (?:taking|stealing|took|stole|stolen|using|spending|draining|emptying|withdrawing|helping (?:himself|herself) to|taken) (?:all )?(?:of )?(?:her|his|their|my (?:mums|dads|nans|grandads|mothers|fathers|grans|mams)|my (?:mum|dad|nan|grandad)s|mums|dads|nans|grandads|grans|mams) (?:[a-z]+ )?(?:money|pension|benefits|savings|bank card|cash|cards|bank account)(?! (?:to pay|for (?:the|her|his|their) (?:shopping|bills)))`,
      'financial(?:ly)? abus(?:e|ed|ing)',
      `(?:carer|carers|care worker|son|daughter|nephew|niece|grandson|granddaughter|lodger|boyfriend|girlfriend|neighbour|someone|somebody)(?: [a-z]+){0,3} (?:taking|took|stealing|using|keeps taking|started taking) (?:his|her|their) (?:bank card|cards|pin|pension|money|savings|benefits)(?! (?:to pay|for (?:the|her|his) (?:shopping|bills)))`,
      `(?:using|used|uses|use) (?:him|her|them|my [a-z]+|the old [a-z]+)? ?as (?:a |their |his |her )?(?:cash ?point|cash machine|cashpoint|bank|atm|meal ticket|piggy bank)`,
      `(?:got|getting|gets|made|making|persuaded|convinced|tricked|talked|pressured|pressuring) (?:her|him|them|my (?:nan|mum|mam|dad|grandad|gran|grandma|granny|uncle|aunt|auntie)) (?:into )?(?:to )?(?:send|sending|transfer|transferring|give|giving|hand|handing|sign|signing)(?: [a-z]+){0,3} (?:thousands|money|cash|savings|pension|the house|her house|his house|over|bank details)`,
      `carers?(?: [a-z]+){0,4} (?:is |are |has been |have been |keeps |keep |been )?(?:stealing|taking money|taking things|stole|took money|steals) from (?:her|him|them|my|his|their)`,
      // Round 36: a carer or a support worker making the person hand over their money ("my support worker makes me give him my money").
      `(?:carers?|care workers?|support workers?|key ?workers?|personal assistants?|helpers?)(?: [a-z]+){0,3} (?:makes?|made|making|forces?|forced|tells?|told) (?:me|her|him|them) (?:to )?(?:give|hand|pay|transfer)(?: over)? (?:(?:him|her|them) )?(?:all )?(?:my|her|his|their) (?:money|cash|pension|benefits|savings|bank card|card|cards|pin|wages)`,
      '(?:stealing|taking money|stolen|stole|steals|took money) from (?:my |his |her |their |an |the )?(?:mum|dad|nan|grandad|gran|grandma|mam|elderly|old|vulnerable|mother|father|parents|granny)',
      `(?:scamming|scammed|conning|conned|exploiting|exploited|ripping off)(?: [a-z]+){0,2} (?:elderly|old|vulnerable|my (?:mum|dad|nan|grandad|gran|grandma|grandmother|grandfather|mam))`,
      `(?:elderly|old|vulnerable)(?: [a-z]+){0,3} (?:being |been |is being |was )?(?:scammed|conned|exploited|ripped off)`,
      // Round 29: an older person's home now someone else's, and they cannot remember or understand signing ("her neighbour has been
      // 'helping' and now owns her house on paper. She doesn't remember signing anything"; "convenceu-a a passar a casa para o nome
      // dele. Ela tem demência").
      `(?:owns|owning|got|took|taken|transferred|signed over|put|has)(?: [a-z]+){0,2} (?:her|his|their) (?:house|home|flat|bungalow|property|savings)(?: [a-z]+){0,10} (?:(?:does not|did not|do not|cannot|can not|could not|never) (?:remember|recall|understand|know)(?: [a-z]+){0,2} sign[a-z]*|dementia|alzheimers|on paper)`,
      `(?:house|home|flat|bungalow|property|savings) (?:into|in|over to|to) (?:his|her|their|the neighbours?|the carers?|the lodgers?) names?(?: [a-z]+){0,10} (?:dementia|alzheimers|(?:does not|did not|cannot) (?:remember|understand|know))`,
      `(?:passar|transferir|por|pôr) (?:a |o )?(?:casa|apartamento|dinheiro|conta|poupancas|reforma)(?: [a-z]+){0,3} (?:para o nome|em nome|no nome|a nombre) (?:dele|dela|deles|de el|de ella|del vecino|do vizinho)`,
      `(?:poner|pasar|transferir) (?:la |el )?(?:casa|piso|dinero|cuenta|ahorros|pension)(?: [a-z]+){0,3} a (?:su )?nombre (?:de el|de ella|del vecino|de ellos)?`,
      // Round 47: someone with dementia made to sign over a house or savings (Italian, Spanish, Portuguese, French: "sua zia che ha una
      // demenza iniziale ... le fa firmare la cessione della casa"), either order; a notary's contract with no dementia named is not.
      `(?:demenza|alzheimer|alzheimers|demencia|demence)(?: [a-z]+){0,20} (?:le|gli|la|lo|lhe|a|o|lui|leur) (?:fa|fanno|ha fatto|hanno fatto|sta facendo|hace|hizo|esta haciendo|hacen|faz|fez|fazem|fait|a fait|font) (?:firmare|firmar|assinar|signer)`,
      `(?:le|gli|la|lo|lhe|a|o|lui|leur) (?:fa|fanno|ha fatto|hanno fatto|sta facendo|hace|hizo|esta haciendo|hacen|faz|fez|fazem|fait|a fait|font) (?:firmare|firmar|assinar|signer)(?: [a-z]+){0,14} (?:demenza|alzheimer|alzheimers|demencia|demence)`,
      // Round 68: someone's money taken beside their food locked away or withheld ("the family of the man i support keep taking his money
      // and locking the fridge he has learning disabilities"); either order; a fridge locked on a dietitian's or a care plan's advice,
      // with no money taken, is not.
      String.raw`(?:taking|took|takes|take|keeping|kept|spending|spend|spends|spent|having) (?:all )?(?:his|her|their) (?:money|benefits?|pension|pip|wages|bank card|cards?|savings)(?: [a-z]+){0,6} (?:locking|locked|locks|lock|hiding|hide|hid) (?:the |his |her |their |all the )?(?:fridge|food|cupboards?|kitchen|snacks)|(?:locking|locked|locks|lock) (?:the |his |her |their )?(?:fridge|food|cupboards?|kitchen)(?: [a-z]+){0,6} (?:taking|took|takes|take|keeping|spending|spend|spends|spent) (?:all )?(?:his|her|their) (?:money|benefits?|pension|pip|wages|bank card|cards?|savings)`,
      // Round 68: someone vulnerable (mental health, a learning disability, sleeping rough, old) made or paid to do things and filmed
      // ("has mental health problems, some people keep making him do things for money and film it"); a film with no one vulnerable named
      // is not.
      String.raw`(?<=\b(?:mental health|learning (?:disability|disabilities|difficulties|difficulty)|disabled|autistic|autism|vulnerable|homeless|sleeps (?:in|on|rough)|sleeping rough|dementia|elderly|brain injury)\b[^]*)\b(?:making|make|makes|made|getting|get|gets|got|paying|pay|pays|paid) (?:him|her|them) (?:to )?do (?:things|stuff|stunts|dares|fights?|tricks|humiliating things)(?: [a-z]+){0,4} (?:and|then|while|whilst) (?:they )?(?:film|films|filming|filmed|record|records|recording|recorded|video|videos|post|posting|put it online)\b`,
      // Round 42: a person made to hand over their money or to work for someone who houses or cares for them ("a resident with a brain
      // injury is being made to hand over his money and do jobs for the manager or he gets chucked out"); not a phone handed in at school.
      `(?:made|forced|being made|been made|is made|are made|pressured|pressed|bullied|threatened|makes (?:him|her|them|me)|make (?:him|her|them|me)|forces (?:him|her|them|me)) (?:in)?to (?:hand|give|sign|pay) (?:over )?(?:all )?(?:of )?(?:his|her|their|my) (?:money|benefits?|pension|wages|cards?|bank card|pin|savings|pip|universal credit)`,
      `(?:made|forced|being made|been made|is made|are made|pressured|bullied|threatened|makes (?:him|her|them|me)|make (?:him|her|them|me)) (?:in)?to (?:do|work|run) (?:[a-z]+ )?(?:jobs|chores|errands|work|shifts|cleaning|labour)(?: [a-z]+){0,2} for (?:the |his |her |their |my )?(?:manager|landlord|owner|staff|warden|boss|carers?|dealers?|lodger|people who run|man who runs)`,
      // Round 63: someone disabled, old or vulnerable charged extra by whoever houses them, and scared to complain ("disabled guy in room 4
      // is being charged 50 a week extra by the owner for care and he is scared to complain"); charged extra and complaining is not.
      `(?:disabled|elderly|old|older|vulnerable|blind|deaf|frail)(?: [a-z0-9]+){0,10} (?:charged|charging|made to pay|paying|pays|fleeced)(?: [a-z0-9]+){0,10} (?:extra|more|on top)(?: [a-z0-9]+){0,10} (?:scared|afraid|frightened|too scared|terrified|too frightened) to (?:complain|say anything|tell|report|speak up)(?= )`,
      // Round 63: staff or carers taking or using residents' bank cards, money or pensions ("staff are taking residents bank cards and going
      // shopping with them"); kept in the office safe for the residents is not (guarded).
      `(?:staff|carers?|care workers?|support workers?|managers?|workers)(?: [a-z]+){0,5} (?:are |is |keep |have been |has been |been )?(?:taking|using|keeping|stealing|took|used|helping themselves to) (?:the )?(?:residents|clients|service users|patients|tenants|old peoples?)(?: s)? (?:bank cards?|cards|money|cash|pensions?|benefits|pin numbers?)(?= )(?! (?:for|in) (?:safe ?keeping|the (?:office )?safe|them to)\\b)`,
    ],
    guards: [String.raw`to pay (?:for )?(?:the |my |her |his )?(?:council tax|bill|rent|permit|parking)`,
      // Round 47: a news story or a rumour being checked ("a screenshot going round, council worker caught stealing from old ladies, from a
      // paper in another county, 2015 ... fake news"): a headline from another year or place, or called fake, is no case told.
      String.raw`\bfake news\b|\bhoax\b|\b(?:news ?paper|paper|article|headline|news story)(?: [a-z]+){0,5} (?:(?:19|20)[0-9]{2}|another (?:county|town|city|area|country|part of the country))\b`],
  },
  {
    // Round 32: a child (a son, a daughter, a kid, a teenager, an age under 18) groomed or exploited is a child at risk, whoever
    // grooms them ("my son is being groomed online by an older man": the older man is not the one at risk).
    id: 'child_groomed', kind: 'child_at_risk', category: SAFEGUARDING, reason: 'a child groomed or exploited',
    patterns: [
      `(?:${CHILD}|teen|teens|(?:[0-9]|1[0-7]) ?(?:yo|yr old|yrs old|year old|years old))(?: [a-z0-9]+){0,4} (?:is |are |was |were |has been |have been |being |been |getting |got |gets )+(?:groomed|exploited|trafficked|sexually exploited|criminally exploited)`,
      // Round 40: a child getting in and out of strangers' vehicles or lorry cabs ("a kid, maybe 12, hanging round the truck stop every
      // night getting in and out of different cabs"); not a child getting into the family car or a taxi home.
      `(?:${CHILD}|teen|teens|(?:[0-9]|1[0-7]) ?(?:yo|yr old|yrs old|year old|years old))(?: [a-z0-9]+){0,14} (?:getting|gets|got|going|goes|climbing|climbs) (?:in and out of|into|in) (?:different|strangers|strange|various|several|lots of|other mens|mens|mens lorry|older mens|mens) (?:cars|cabs|lorries|lorry cabs|vans|trucks|truck cabs)`,
    ],
  },
  {
    // Grooming, county lines, trafficking, sexual and criminal exploitation.
    id: 'exploitation', kind: 'child_at_risk', refine: ['child_at_risk', 'adult_at_risk', 'domestic_abuse'], category: SAFEGUARDING, reason: 'exploitation or grooming',
    patterns: [
      // Round 37: dealers or a gang waiting outside a child's school asking for him by name.
      String.raw`(?:dealers?|a gang|gang members?|gangs?|older (?:lads|men|boys)|men|drug dealers?)(?: [a-z]+){0,14} (?:outside|at|near|round|by) (?:my |his |her |the |our )?(?:sons |daughters |childs |kids |grandsons |granddaughters )?(?:school|college|school gates?)(?: [a-z]+){0,6} (?:asking|looking|waiting|calling) (?:for|after) (?:him|her|them|my (?:son|daughter|boy|girl|grandson))`,
      // Round 67: workers' passports held with the signs of forced labour beside them (unpaid or paid almost nothing, all night, not
      // allowed to leave, a debt, crammed ten to a house): "housed 10 to a house by the agency, passports taken, working all night for
      // almost nothing". A passport taken to be copied or checked for the right to work is not.
      String.raw`passports? (?:are |were |have been |has been |got |being |all )?(?:taken|held|kept|confiscated|taken away|taken off (?:them|us|me))(?! (?:to|for) (?:copy|photocopy|scan|scanning|check|checks|checking|id|verification|renewal|right to work))(?: [a-z0-9]+){0,12} (?:for (?:almost |next to )?nothing|no pay|not paid|unpaid|no wages|never paid|all night|cannot leave|can not leave|not allowed (?:out|to leave)|locked in|owe|owes|debt)\b`,
      // The passport taken told in the active voice, the work demanded for it ("my landlord took my passport and says i have to work for him
      // to get it back": engineer's probe after round 67); taken to copy or check it is not.
      String.raw`(?:took|has taken|have taken|kept|keeps|is keeping|is holding|holds|confiscated|will not give (?:me |us |her |him |them )?back)(?: [a-z]+){0,2}? (?:my|our|her|his|their) passports?(?! (?:to|for) (?:copy|photocopy|scan|scanning|check|checks|checking|id|verification|renewal|right to (?:work|rent)))(?: [a-z0-9]+){0,12} (?:work for (?:him|her|them)|work it off|working for (?:him|her|them) for nothing|for (?:almost |next to )?nothing|no pay|not paid|unpaid|no wages|cannot leave|can not leave|not allowed (?:out|to leave)|owe|owes|debt)\b`,
      'groom(?:ed|ing)', 'county lines', 'cuckoo(?:ing|ed)',
      // Round 31: cuckooing in other words ("dealers have taken over his flat").
      '(?:dealers|drug dealers|a gang|gangs|gang members) (?:have |has |had )?(?:taken over|took over|moved into|are using|using|running drugs from) (?:his|her|their|my [a-z]+s|the old [a-z]+s) (?:flat|house|home|place|bedsit)', '(?:child|sexual|criminal) exploitation', 'cse',
      `exploit(?:ed|ing)(?: [a-z]+){0,2} (?:${CHILD}|young|vulnerable|him|her|them|teenagers|teens)`,
      'traffick(?:ed|ing)', 'modern slavery', 'forced (?:to work|to marry|to get married|labour|labor|marriage|into(?! (?:a |the |an |his |their )?(?:[a-z]+ )?(?:car|van|boot)))', '(?:made|making|make|forcing|force) (?:me|her|him|them) (?:to )?(?:marry|get married)',
      // Round 53: a named young relative to be forced to marry ("my wifes family want to force my daughter to marry a man back home").
      '(?:made|making|make|forcing|force|forced|pressuring|pressure|pushing) (?:my |our |his |her |their )?(?:daughter|son|sister|niece|granddaughter|cousin|stepdaughter|girl|boy) (?:to )?(?:marry|get married|into (?:a )?marriage)', 'slave labour',
      `(?:kids|children|teenagers|young people|youngsters|teens|lads|school kids|boys|girls|${CHILD})(?: [a-z]+){0,3} (?:selling|dealing|running|carrying|holding|delivering) (?:drugs|weed|crack|gear|packages for)`,
      `(?:older|adult|grown) (?:men|man|guys|blokes)(?: [a-z]+){0,4} (?:picking up|giving|buying|taking|hanging around with|messaging|grooming|with|plying) (?:[a-z]+ )?(?:young |teenage |school |under ?age )?(?:girls|boys|kids|children|teenagers|schoolgirls|school girls)`,
      `(?:young|teenage|school|underage) (?:girls|boys|kids)(?: [a-z]+){0,10} (?:older|adult|grown) (?:men|man|guys|blokes)`,
      `(?:[0-9]|1[0-5]|ten|eleven|twelve|thirteen|fourteen|fifteen) year old(?: [a-z]+){0,6} (?:[2-9][0-9]|twenty|thirty|forty|fifty)(?: [a-z]+)? year old`,
      `(?:man|men|adult|adults|guy|guys|bloke|blokes|stranger|strangers)(?: [a-z]+){0,3} (?:following|messaging|texting|filming|photographing|approaching|picking up) (?:my |our |the |young |local |school )?(?:${CHILD}|schoolgirls)`,
      `(?:he|she|they|a man|the man|men|someone|somebody|strangers?|older (?:men|man|guys|lads|boys)|adults?)(?: is| are| keeps| keep| has been| have been| been)? giving (?:my |our |the |young |local )?(?:${CHILD}|her|him) (?:gifts|presents|money|lifts|alcohol|drugs|vapes|cigarettes|phones)`,
      '(?:make|makes|made|forcing|force|forces|using|use|uses|used) (?:my |our |the |his |her |their )?(?:[a-z]+ )?(?:to )?(?:sell|deal|carry|run|hold|deliver|selling|dealing|carrying|running) (?:drugs|weed|crack|gear)',
      `(?:running|run|runs|carrying|carry|holding|hold|dropping|delivering|doing) (?:parcels|packages|bags|stuff|drops|runs|deliveries|shots|gear|nitty|things)(?: [a-z]+){0,2} for (?:some |the |these |a |local )?(?:older |local |big )?(?:lads|boys|men|guys|blokes|gang|gangs|dealers?)`,
      `(?:involved (?:with|in)|mixed up (?:with|in)|working for|recruited (?:by|into)|groomed (?:by|into)|running for|caught up in|pulled into|dragged into|joined) (?:a |the |some )?(?:local )?gangs?`,
      `(?:going|goes|went|gone|keeps going|keep going) missing(?: [a-z]+){0,6} (?:coming back|comes back|came back|turning up|turns up|turned up) with (?:cash|money|new (?:trainers|phone|phones|clothes)|phones|drugs|gifts|injuries|bruises|wads)`,
      `${CHILD}(?: [a-z]+){0,8} (?:picked up|collected|getting into|gets into|getting in|gets in) (?:in |by )?(?:flash|fancy|different|expensive|strange|unknown|random|older) (?:cars|men|blokes|guys|lads)`,
      `giving (?:the |young |local |school |underage )?(?:year [0-9]+ )?(?:girls|boys|kids|children|teenagers|teens|schoolgirls) (?:vodka|alcohol|booze|drink|drinks|drugs|weed|vapes|cigarettes|spice|pills)`,
      // Round 21: an adult giving children drugs, vapes, alcohol, gifts, money or lifts, the things named first ("giving vapes and weed
      // to year 7s and getting them to send pics"), and a grown man getting them to send pictures or to meet.
      `(?:giving|gives|gave|handing out|hands out|handed out|offering|offers|offered|passing|passes)(?: [a-z]+)? (?:vodka|alcohol|booze|drugs|weed|vapes?|cigarettes|fags|spice|pills|cannabis|nos|balloons)(?: (?:and|or) (?:[a-z]+ )?[a-z]+)? to (?:the |some |young |local |school |underage |little |my |our )?(?:year (?:[0-9]+|seven|eight|nine|ten)s?|girls|boys|kids|children|teenagers|teens|schoolgirls|schoolboys|school kids|${CHILD})`,
      `(?:giving|gives|gave|buying|buys|bought|offering|offers|offered)(?: [a-z]+)? (?:gifts|presents|money|cash|phones|lifts|trainers|clothes|vodka|alcohol|booze|drugs|weed|vapes?|cigarettes)(?: (?:and|or) (?:[a-z]+ )?[a-z]+)? (?:to|for) (?:the |some |young |local |school |underage |little |my |our )?(?:year (?:[0-9]+|seven|eight|nine|ten)s?|girls|boys|kids|children|teenagers|teens|schoolgirls|schoolboys|${CHILD})(?: [a-z0-9]+){0,20} (?:asking|asks|asked|getting|gets|got|making|makes|pressuring|telling|tells) (?:them|her|him|the [a-z]+) (?:for (?:pics|pictures|photos|images|videos|selfies|nudes)|to (?:send|share|meet|come (?:round|back|over|to)|get in))`,
      `(?:grown|older|adult) (?:man|men|bloke|blokes|guy|guys)(?: [a-z0-9]+){0,30} (?:getting|got|gets|making|asking|asks|persuading|pressuring) (?:them|the kids|kids|girls|boys|her|him) to (?:send|share|meet)`,
      // Round 29: a child getting gifts, money or lifts off a grown man ("my 14yo daughter is getting gifts and lifts off a 25 year old
      // man"), the child named or aged before it, the man grown or aged: grooming, told from the child's side.
      `(?:${CHILD}|daughter|son|niece|nephew|granddaughter|grandson|stepdaughter|stepson|(?:[0-9]|1[0-7]) ?(?:yo|year old|yr old|years old)|(?:thirteen|fourteen|fifteen|twelve) year old)(?: [a-z0-9]+){0,8} (?:is |s |has been |have been |been |keeps |kept )?(?:getting|gets|got|receiving|accepting|taking) (?:gifts|presents|money|cash|lifts|phones|a phone|trainers|clothes|vapes|alcohol|drink|weed)(?:(?: and| or)(?: [a-z]+){1,2})? (?:off|from|by) (?:a |an |this |some |the )?(?:[a-z0-9]+ ){0,3}(?:(?:grown|older|adult) (?:man|men|bloke|blokes|guy|guys|lad|lads)|(?:[2-9][0-9]|twenty|thirty|forty|fifty)(?: [a-z]+)? (?:year old|yo|yr old) (?:man|bloke|guy|lad|men|fella))`,
      `(?:i am|is|she is|he is|they are|aged|age) (?:[0-9]|1[0-5]|ten|eleven|twelve|thirteen|fourteen|fifteen)(?: [a-z]+){0,6} (?:seeing|dating|going out with|sleeping with|staying with|living with|met) (?:a |an )?(?:[2-9][0-9]|twenty|thirty|forty|fifty)(?: [a-z]+)? year old`,
      `(?:man|men|stranger|someone|somebody|adult|bloke|guy|he)(?: [a-z]+){0,3} (?:asking|asks|asked|keeps asking|pressuring|pressures)(?: [a-z]+)? (?:my |our |the |a |her |his )?${CHILD} (?:for|to send) (?:pictures|photos|pics|picture|photo|images|videos|selfies|nudes)`,
      `(?:taken over|took over|taking over|moved into|using) (?:my |his |her |their |the |a )?(?:[a-z]+ )?(?:flat|house|home|place)(?: [a-z]+){0,3} (?:to deal|to sell drugs|for drugs|to sell from|to deal from|as a base)`,
      `(?:living|sleeping|live|sleep|kept|locked)(?: [a-z]+){0,6} (?:and|but) (?:they )?(?:never|do not|does not|never seem to|do not seem to|are not|not)(?: get| getting| being| seem to get)? paid`,
      // A child being married: "I'm 16 and my parents are taking me to Pakistan to get married".
      `(?:i am|she is|he is|aged|only) (?:[0-9]|1[0-7]|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)(?: [a-z]+){0,12} (?:get|be|getting|being) married`,
      // Cuckooing in plain words: someone moved in with a vulnerable person, who is now afraid.
      `(?:moved in|moving in|staying|taken over|took over|living)(?: [a-z]+){0,2} (?:with )?(?:the |an |a |my |our )?(?:old|elderly|vulnerable|disabled|frail)(?: [a-z0-9]+){0,12} (?:terrified|scared|frightened|afraid|in and out all)`,
      'fgm', 'female genital mutilation', 'honou?r based (?:abuse|violence)', 'drug dealers? (?:have )?(?:taken over|moved into|using) (?:his|her|their|the) (?:flat|house|home)',
    ],
    guards: [
      // Round 57: an empty house used by people for drugs ("using the empty house on the corner for drugs ... needles in the front
      // garden nobody lives there"): no one taken over and no child or vulnerable person named; anti-social behaviour. A child or
      // someone living there named anywhere still hits.
      String.raw`(?<!\b(?:child|children|kids?|girls?|boys?|teenagers?|teens?|young|youngsters|vulnerable|school|year olds?|aged|(?<!(?:nobody|no one|noone) )lives there|(?<!(?:nobody|no one|noone) )living there|his flat|her flat|their flat)\b[^]*)(?![^]*\b(?:child|children|kids?|girls?|boys?|teenagers?|teens?|young|youngsters|vulnerable|school|year olds?|aged|(?<!(?:nobody|no one|noone) )lives there|(?<!(?:nobody|no one|noone) )living there|his flat|her flat|their flat)\b)\b(?:using|use|used|uses) (?:the |an |that |this |a )?(?:empty|derelict|abandoned|boarded up|vacant|disused) (?:[a-z]+ )?(?:house|flat|property|building|shop|pub|bungalow|garage)(?: [a-z]+){0,4} (?:for drugs|to (?:take|do|deal|sell) drugs|as a drugs? den)\b`,
      // Round 67: a child's time with a gang told as left behind by a move ("we had to leave our area because my son got mixed up with a
      // gang he wasn't hurt but we moved for a fresh start now he needs a school"): the move is the matter. Never beside the gang still
      // after him, a threat, a weapon or a hurt now.
      String.raw`\b(?:had to (?:leave|move)|moved (?:away|house|areas?|out)|left (?:the|our|that) (?:area|estate|town|city)|fresh start|new start)\b(?: [a-z0-9]+){0,10} (?:mixed up|involved|caught up) (?:with|in) (?:a |the |some )?(?:local )?gangs?\b(?![^]*\b(?:still|again|found (?:us|him|her)|threaten[a-z]*|looking for|coming after|after him|after her|knife|knives|gun|hurt (?:him|her)|beat[a-z]*|stabbed|missing|owes?)\b)|\b(?:mixed up|involved|caught up) (?:with|in) (?:a |the |some )?(?:local )?gangs?(?: [a-z0-9]+){0,10} (?:we|so we|and we|but we) (?:moved|left|had to move|had to leave|relocated)\b(?![^]*\b(?:still|again|found (?:us|him|her)|threaten[a-z]*|looking for|coming after|after him|after her|knife|knives|gun|hurt (?:him|her)|beat[a-z]*|stabbed|missing|owes?)\b)`,
      String.raw`(?:dog|pet|horse|cat|dogs|pets)s? groom|grooming (?:salon|parlour|parlor|business|van|service|appointment|licence|license)|groomer|well groomed|groomed (?:path|verge|lawn|grass|beach|slope|slopes|trail)`],
  },
  {
    // Sexual abuse, indecency towards children.
    id: 'sexual_abuse', kind: 'crime_violence', refine: ['child_at_risk', 'domestic_abuse', 'adult_at_risk'], category: SAFEGUARDING, reason: 'sexual abuse',
    patterns: [
      'sexual(?:ly)? (?:abuse|abused|abusing|assault|assaulted|assaulting|harassed|harassment)', 'rape', 'raped', 'raping', 'rapist',
      // Someone coming into a child's room at night.
      `(?:stepdad|step dad|dad|father|uncle|mums (?:boyfriend|partner)|lodger|brother|cousin|grandad|he)(?: [a-z]+){0,2} (?:comes|came|keeps coming|creeps|crept|gets|got) into my (?:room|bed|bedroom)(?: [a-z]+){0,2} (?:at night|when|and i)`,
      'molest(?:ed|ing|er|s)?', 'paedophile', 'pedophile', 'paedo', 'pedo', 'nonce',
      'indecent(?:ly)? (?:exposure|exposing|images|photos|pictures|assault)',
      'touched (?:inappropriately|in a sexual way)', 'inappropriately touched',
      `touch(?:ed|es|ing) (?:me|her|him|my (?:${CHILD})|the (?:kids|children)) (?:inappropriately|in a sexual way|down there|in private places|where (?:he|she|they|someone|somebody|nobody|no one|people|grown ups|adults) (?:should not|should never|is not supposed to|are not supposed to|must not)|on (?:her|his|my) (?:private parts|privates|bits))`,
      `inappropriate(?:ly)? (?:touching|touched|photos|pictures|messages|images) (?:of |to |with |from )?(?:a |my |the )?(?:${CHILD}|under ?age)`,
      `(?:sending|sent|sends|asking for|asked for|asks for)(?: [a-z]+){0,2} (?:nudes|naked (?:photos|pictures)|explicit (?:photos|pictures|messages|images))`,
    ],
    guards: [String.raw`rape ?seed|oilseed rape|grape`],
  },
  {
    // Children hurt, beaten or at risk at home; adults hitting their children or partners.
    id: 'child_abuse', kind: 'child_at_risk', refine: ['child_at_risk', 'domestic_abuse'], category: SAFEGUARDING, reason: 'child at risk of abuse',
    patterns: [
      // Round 67: a man in the household making a child sleep in his bed ("an 11 year old told me her stepdad makes her sleep in his
      // bed"): a safeguarding concern told plainly. A child who makes a parent sleep in hers, or her own bed, is not.
      String.raw`(?:stepdad|step dad|stepfather|step father|uncle|mums boyfriend|mums partner|boyfriend|lodger|grandad|granddad|a man|the man|an older man|older man)(?: [a-z]+){0,2} (?:makes|made|is making|keeps making|forces|forced|has been making|tells|told) (?:her|him|them|me) (?:to )?(?:sleep|get) in (?:his bed|bed with him|the same bed as him)`,
      // Round 51: a professional's referral of a child or a newborn with an injury or a history of violence ("school nurse, need to
      // refer a 6yo with burns", "Midwife. Mother discharged with her newborn to a father with a history of violence ... alerted?").
      // Round 52: a child's age only (not "the same 91yo for non-injury falls"), no harm word negated by "non", and harm done before
      // ("dad has previous for harming a child").
      `${PRO_ROLE}${PRO_NOT_CAREER}${PRO_ASK}(?: [a-z0-9]+)*? (?:(?:1[0-7]|[0-9]) ?(?:yo|y o|year old|yr old)|[0-9]+ ?(?:month old|week old)|newborn|new born|baby|infant|toddler|${CHILD}|pupil|student|boy|girl)(?: [a-z0-9]+){0,14} (?<!non )(?:burns?|burnt|burned|bruis[a-z]*|injur(?:y|ies|ed)|fractures?|marks|violen[a-z]*|abus[a-z]*|assault[a-z]*|neglect[a-z]*|hit|hits|beaten|harm|harmed|harming|hurting)(?= )`,
      // Round 52: a bruise on a baby who cannot yet move about (a safeguarding red flag whatever the account): "bruise on a 3 month old",
      // "non-mobile baby with a bruise", Welsh "babi 3 mis oed gyda chlais ar ei glust".
      `(?:(?:[0-9]|1[01]) ?(?:month|mth|mo)s? old|[0-9]+ ?(?:week|wk)s? old|non mobile (?:baby|infant|child)|newborn|new born)(?:(?: [a-z0-9]+){0,6} (?:with|has|had|got|found|noticed|showing|presented with|seen with)(?: (?:a|an|some|small|little|large|big|new|fresh|unexplained|several|two|three|multiple|her|his))* bruis[a-z]*| (?:is |was |has been )?bruised)(?= )`,
      `(?:bruis[a-z]*)(?: [a-z]+){0,3} (?:on |to )?(?:a |the |her |his |their )?(?:(?:[0-9]|1[01]) ?(?:month|mth|mo)s? old|[0-9]+ ?(?:week|wk)s? old|non mobile|newborn|new born)(?= )`,
      `(?:babi|baban|plentyn)(?: [a-z0-9]+){0,4} (?:[0-9]+ (?:mis|wythnos) oed|newydd ei eni)(?: [a-z0-9]+){0,4} (?:gyda |efo |a |ag )?(?:clais|chlais|gleisiau|cleisiau|nghlais)(?= )`,
      // Round 29: an injury to a baby or a child no one explains ("7-month-old seen today with an unexplained spiral fracture",
      // "toddler with suspicious bruising, the accounts don't match"): a possible non-accidental injury.
      `(?:[0-9]+ ?(?:month|week|mth|wk)s? old|[0-9]+ ?(?:mo|m) old|bab(?:y|ies)|infant|toddler|newborn|${CHILD})(?: [a-z0-9]+){0,12} (?:unexplained|non accidental|suspicious|suspected non accidental)(?: [a-z]+){0,3} (?:fractures?|broken (?:arm|leg|ribs?|bones?)|bruis[a-z]*|burns?|injur(?:y|ies)|head injur(?:y|ies)|bleed[a-z]*|marks)`,
      // Round 32: up to four words between the children and the blow ("the children over the road are being hit").
      `${CHILD}(?: [a-z0-9]+){0,4} (?:is |are |being |been |gets |get |getting |keeps getting |keep getting |was |were )+(?:screamed at and |yelled at and |shouted at and )?(?:hit|beaten|hurt|abused|smacked|slapped|punched|kicked|locked (?:in|out)|burnt|burned|shaken|starved|bullied at home|shouted at and hit|thrown out)`,
      // Round 61: a baby screamed or shouted at and shaken, "it" as often said of a baby ("check on the baby at no 17 theyve been
      // screaming at it and shaking it"); a rattle, a toy or a monitor shaken is not.
      String.raw`(?<=\b(?:bab(?:y|ies)|infant|newborn)\b[^]*)(?<!\b(?:rattle|rattles|toy|toys|monitor|bottle|snow globe|tambourine|shaker)\b[^]*)(?:screaming|screamed|shouting|shouted|yelling|yelled|swearing|sworn) at (?:it|him|her) and (?:shaking|shook|shakes|shake) (?:it|him|her)\b(?! (?:off|out|up|dry)\b)(?![^]*\b(?:rattle|rattles|toy|toys|monitor|bottle|snow globe|tambourine|shaker)\b)`,
      // Round 30: a baby or a child seen shaken hard, told plainly or in a second language ("I see through window the father shake
      // him hard", "she was shaking the baby really roughly to stop it crying").
      `(?:bab(?:y|ies)|infant|newborn|toddler|${CHILD})(?: [a-z0-9]+){0,20} (?:shake|shakes|shaking|shook|shaked) (?:him|her|them|(?:the|his|her|their|that|a) (?:baby|child|kid|toddler|little one|boy|girl))(?: (?:really|very|so|too|quite))? (?:hard|violently|roughly|like a (?:rag )?doll|about|around|until (?:he|she|it|they))`,
      `(?:shake|shakes|shaking|shook|shaked) (?:the|his|her|their|that|a) (?:baby|newborn|infant|toddler)(?: (?:really|very|so|too|quite))? (?:hard|violently|roughly|like a (?:rag )?doll|about|around|to (?:stop|shut|make|keep))`,
      `(?:hits|beats|hurts|abuses|slaps|smacks|punches|kicks|batters|shakes|hitting|beating|hurting|abusing|slapping|smacking|punching|kicking|battering|shaking) (?:his|her|their|the|my|your|those|them|that|a)(?: [a-z]+)? (?:${CHILD}|wife|partner|girlfriend|boyfriend|husband|mum|dad|mrs|missus|missis|fella|bird)`,
      `(?:dragged|dragging|drag|drags|grabbed|grabbing|grabs|yanked|yanking|pulled|pulling)(?: [a-z]+){1,4} by (?:the|his|her|their) (?:arm|arms|hair|neck|throat|ear|collar)(?! (?:of the|off the))`,
      `(?:bruises|bruising|burns|injuries|black eye)(?: [a-z]+){0,3} (?:${CHILD})`, `${CHILD}(?: [a-z]+){0,3} (?:bruises|bruising|black eyes?|burns|injuries)`,
      '(?:explanation|story|account)(?: [a-z]+){0,3} (?:does not|did not|do not|doesnt) (?:fit|add up|match)', 'non accidental injur[a-z]*',
      // Round 61: French, a young child left alone in a car ("Le voisin laisse son fils de 5 ans seul dans la voiture ... pendant des
      // heures"); a dog left in a car, or a child alone in a bedroom, is not.
      '(?:laisse|laissent|a laisse|ont laisse|laissait|laissaient) (?:son|sa|ses|leur|leurs|un|une|le|la|les|mon|ma|mes) (?:fils|fille|filles|enfants?|bebes?|petits?|petites?|garcons?)(?: de [0-9]+ (?:ans|mois))? seul(?:e|s|es)? dans (?:la|sa|leur|une|sa propre) voiture',
      // Round 39: a child hit with a belt or a stick, or hit by a parent or a step-parent, in French, Spanish, Portuguese and Italian
      // ("la fille de mes voisins m'a dit que son beau-père la frappe avec une ceinture"); the English is the Round 9 shape below.
      '(?:la|le|les|l|me|nous) (?:frappe|frappent|a frappee?|ont frappee?|bat|battent) (?:avec (?:une |un |sa |son |la |le )?(?:ceinture|baton|cable|fil|chaussure|martinet|cuillere)|tous les jours|souvent|fort)',
      '(?:beau pere|belle mere|pere|mere|papa|maman|parents|oncle)(?: [a-z]+){0,3} (?:la|le|les|l) (?:frappe|frappent|bat|battent|a frappee?)',
      '(?:le|la|les|me|nos) (?:pega|pegan|golpea|golpean|pego|pegaron) con (?:el |la |un |una |su )?(?:cinturon|cinto|correa|palo|cable|zapatilla|chancla)',
      '(?:bate|batem|bateu|bateram|agride|agrediu) (?:nela|nele|neles|nelas|na crianca|no menino|na menina|em mim|nos miudos)(?: [a-z]+){0,2} (?:com (?:o |um |a |uma )?(?:cinto|pau|cabo|chinelo)|todos os dias|muitas vezes)',
      // Round 40: the pronoun before the verb ("o padrasto lhe bate com um cinto", "a mãe bate-lhe com o cinto").
      '(?:lhe|lhes|o|a|os|as|me|nos) (?:bate|batem|bateu|bateram) com (?:o |um |a |uma )?(?:cinto|pau|cabo|chinelo|vara)', '(?:bate|batem|bateu|bateram) lhe com (?:o |um |a |uma )?(?:cinto|pau|cabo|chinelo|vara)',
      '(?:la|lo|li|le|mi) (?:picchia|picchiano|ha picchiat[oa]|colpisce) (?:con (?:la |una |il |un )?(?:cintura|cinghia|bastone|cavo|ciabatta)|tutti i giorni|spesso)',
      // An adult hitting a child with a belt, a stick or a cable, in English ("her stepdad hits her with a belt").
      '(?:hits|hit|hitting|beats|beat|beating|whips|whipped|whipping|thrashes|thrashed|leathers|leathered) (?:her|him|them|the kids|the children|my (?:son|daughter)) with (?:a |his |her |the |their )?(?:belt|stick|cane|cable|wooden spoon|slipper|shoe|wire|hose|buckle)',
      // Round 9: an injury given as a punishment ("daddy burnt her hand on the cooker as a punishment").
      '(?:burnt|burned|burns|scalded|hit|hits|beat|beats|cut|whipped|belted)(?: [a-z]+){0,6} (?:as|for) (?:a )?punishment',
      'child abuse', 'child protection', 'child cruelty', 'cruel to (?:the |his |her |their )?(?:kids|children|child|baby)',
      // Round 47: a parent or an adult heard threatening a crying baby or child ("the baby screaming every night and the mum shouting shut
      // up or I'll shut you up"); said to a dog, or a film, names no child.
      `(?:${CHILD}|crying|screaming|wailing)(?: [a-z0-9]+){0,14} (?:shout|shouts|shouting|shouted|yell|yells|yelling|yelled|scream|screams|screaming|screamed|saying|says|said|telling (?:it|him|her|them))(?: at (?:it|him|her|them|the baby|the child|the kids?))? (?:shut up|be quiet|stop crying|shut it) or (?:i will|i am going to|i am gonna|i shall) (?:shut you up|make you|kill you|hurt you|smack you|shake you|throw you|give you something to cry about|strangle you|batter you)`,
      // Round 47: children who ran away from a foster placement, a care home or a home where someone hurts them ("two kids sleeping in the
      // shed, they say they ran from their foster placement because someone there hurts them"); a teenager who left care at 18 is not.
      `(?:ran|run|running|have run|has run|run away|ran away|running away|fled|escaped|got away) (?:away )?from (?:their|his|her|the|a|my|our) (?:foster (?:placement|home|carers?|family|parents?|mum|dad)|placement|care home|childrens home|children s home|kids home|group home|home|house|family|dads|mums|stepdads)(?: [a-z]+){0,8} (?:someone|somebody|he|she|they|the (?:man|woman|carer|foster carer|dad|mum|stepdad)|(?:her|his|their) (?:dad|mum|stepdad|stepmum|foster (?:dad|mum|carer))) (?:there |in there |at home )?(?:hurts|hurt|hits|hit|beats|beat|abuses|abused|touches|touched|burns|kicks)(?: them| him| her| me)?`,
      `(?:child|children|kids|baby|toddler|teenager|boy|girl)(?: [a-z]+){0,2} (?:sleeping rough|living on the streets|kicked out|thrown out)(?! (?:of the park|of the shop|of school))`,
      // Round 68: children sleeping out in a public place, their ages told, beside being put out of home ("Kids aged about 10 and 11
      // sleeping in the bus shelter outside my shop, they say they've been kicked out"); a camp-out or a sleepover in a tent is not.
      String.raw`(?:child|children|kids|boys|girls|teenagers|lads|[0-9]+ year olds?)(?: [a-z0-9]+){0,6} (?:sleeping|slept|sleep|sleeps|living|staying) (?:in|on|under|at|behind) (?:the |a |my |our )?(?:bus shelter|bus stop|street|streets|park|doorways?|shop doorway|stairwell|car park|underpass|bench|garages|alley|alleyway)(?: [a-z0-9]+){0,12} (?:kicked out|thrown out|chucked out|put out|nowhere to go|not allowed (?:home|back)|cannot go home|can not go home|locked out)\b`,
      `(?:child|children|kids|baby) (?:is |are )?(?:at risk|in danger|not safe|unsafe) (?:at home|with (?:him|her|them|their|his)|from (?:him|her|them|their|his)|in (?:that|the) (?:house|flat))`,
      // Round 9: someone else's child sleeping out ("a boy about 10 been sleeping in the bus shelter 3 nights"); not "my kids".
      // Round 54: not a lad or a teen of no age asked about for outreach (NOT_A_YOUNG_ADULT_OUT).
      `${NOT_A_YOUNG_ADULT_OUT}(?<!(?:my|our|me and my|with my|and my) )(?:child|kid|boy|girl|lad|toddler|teenager|teen)(?: [a-z0-9]+){0,4} (?:been |is |has been )?(?:sleeping|slept|living) (?:rough|outside|in (?:a|the) (?:bus shelter|shelter|doorway|park|tent|stairwell|car park|underpass)|on the streets?)`,
      // Round 47: two or more children, or one in a shed, a garage or an empty building ("two kids have been sleeping in the shed on an
      // empty plot this week"); not "my two kids", and not the writer's own family sleeping in a car.
      `${NOT_A_YOUNG_ADULT_OUT}(?<!(?:my|our|me and my|with my|and my|me and the|with the|and the)(?: [a-z0-9]+)? )(?:child|children|kid|kids|boy|boys|girl|girls|lad|lads|toddler|teenager|teenagers|teen|teens)(?: [a-z0-9]+){0,4} (?:been |is |are |has been |have been )?(?:sleeping|slept|living) (?:rough|outside|in (?:a|the|an) (?:(?:empty |old |garden |allotment |derelict |abandoned )?(?:shed|garage|outbuilding|garages|lock up|lockup)|(?:empty|derelict|abandoned|boarded up) (?:building|house|flat|pub|shop|factory)|bus shelter|shelter|doorway|park|tent|stairwell|car park|underpass)|on the streets?)(?! (?:for (?:a |the )?(?:camp|camping|sleepover|adventure|night out)|camping|as a (?:treat|dare|game)|for fun))`,
      // Round 9: an injury to a baby or a child nobody explains (a professional's referral: "a healing rib fracture with no explanation").
      '(?:fracture|fractures|fractured|broken bones?|broken (?:arm|leg|ribs?)|injur(?:y|ies)|bruis(?:e|es|ing)|burns?|marks)(?: [a-z]+){0,6} (?:no explanation|not explained|unexplained|nobody can explain|no one can explain|cannot explain|could not explain)',
      '(?:unexplained|unexplainable) (?:fracture|fractures|injur(?:y|ies)|bruis(?:e|es|ing)|burns?|marks)',
      // Round 22: a child staying, living or left with someone on the sex offenders register (either order).
      `(?:${CHILD}|[0-9]+ ?(?:yo|yr old|year old)s?)(?: [a-z0-9]+){0,6} (?:stay|stays|staying|stayed|sleep|sleeps|sleeping|sleepover|sleepovers|left|leaves|live|lives|living|babysat|babysits?|babysitting|looked after|alone|unsupervised|visits?|visiting|goes|go)(?: [a-z0-9]+){0,10} (?:on the sex offenders? register|(?:a )?registered sex offender|(?:a )?convicted (?:sex offender|paedophile)|(?:a )?sex offender)`,
      `(?:on the sex offenders? register|registered sex offender|convicted (?:sex offender|paedophile)|is a sex offender)(?: [a-z0-9]+){0,10} (?:moved in|living|lives|staying|stays|babysit[a-z]*|looks? after|looking after|alone with|unsupervised with|has|have|sees|seeing) (?:my |our |the |her |his |their )?(?:${CHILD}|[0-9]+ ?(?:yo|yr old|year old)s?)`,
    ],
    guards: [
      // Round 73: a child protection file or record asked for or read (a subject access request: "a copy of what the council wrote about
      // me in my grandson's child protection file"): records, not a child at risk now.
      String.raw`\b(?:copy|copies|see|read|access|request|wrote|written|recorded|said about me|says about me|wrote about me)(?: [a-z]+){0,10} child protection (?:file|files|records?|notes|reports?|minutes|paperwork)\b|\bchild protection (?:file|files|records?|notes|reports?|minutes|paperwork)(?: [a-z]+){0,6} (?:copy|subject access|request|wrote|written|says|said|recorded|inaccurate|wrong)\b`,
      // Round 73: hurt denied beside abuse shouted ("teenagers on bikes doing wheelies at the kids and shouting abuse. Nobody's been hurt"):
      // anti-social behaviour; anyone hit, kicked or beaten nearby still hits.
      String.raw`(?<!\b(?:hit|hits|hitting|punch[a-z]*|kick[a-z]*|slap[a-z]*|smack[a-z]*|beat[a-z]*|batter[a-z]*|grabb[a-z]*|touch[a-z]*)\b[^]*)\b(?:nobody|no one|noone|nobodys|no ones|none of (?:them|the kids|us)) (?:is |has |s |have )?(?:been )?(?:hurt|injured|harmed)\b(?![^]*\b(?:hit|hits|hitting|punch[a-z]*|kick[a-z]*|slap[a-z]*|smack[a-z]*|beat[a-z]*|batter[a-z]*|yet)\b)`,
      String.raw`by (?:a |the )?(?:speeding )?(?:cars?|vans?|traffic|lorr(?:y|ies)|bikes?|balls?|cyclists?|scooters?)|on the (?:broken |rusty )?(?:swings?|slide|play equipment|roundabout)|play ?(?:area|ground|equipment)|playground`,
      String.raw`bus (?:hit|hits)|hit (?:the|a) (?:ball|kerb|pothole)`,
      // Round 41: a hazard that could hurt the children or anyone who comes by ("swing has a broken chain, kids could get hurt",
      // "someone could get hurt on it"): a report, not abuse; not someone's own child, nor a threat said of them ("he said the kids
      // could get hurt if i leave").
      // Round 68: also someone's kid, some kid ("broken swings and glass everywhere someones kid will get hurt"); never my or our kid.
      String.raw`(?<!(?:my|our|his|her|their) |(?:said|says|saying|threatened|threatens|told (?:me|us|her|him)|warned|warns|or|else|if)(?: that)?(?: the)? )(?:kids|children|child|a child|a kid|toddlers|little ones|youngsters|people|someone|somebody|anyone|anybody|a toddler|a baby|(?:someone is|somebody is|someones|somebodys|some|some poor|somebody s|someone s) (?:kid|child|little one|toddler|baby)) (?:could|might|may|will|would|are going to|is going to|are bound to|is bound to|are likely to|is likely to)(?: easily| really| badly| seriously| end up)? (?:get|be|getting) (?:hurt|injured|harmed|killed)(?! (?:by|at home|by (?:him|her|them)))`,
      // Round 30: harm denied in so many words beside a repair ("broken chain on the swings, no child was hurt").
      String.raw`\bno (?:child|children|kids?|one|body|toddlers?|bab(?:y|ies))(?: [a-z]+)? (?:was|were|got|has been|have been|is|are)(?: (?:actually|seriously|badly))? (?:hurt|injured|harmed)`,
      // Round 42: put out at a date ahead ("grandson who lives with her is getting thrown out in a fortnight"): an eviction, a housing
      // question, not a child thrown out of home now.
      String.raw`(?:thrown|kicked|chucked|put|turfed|evicted) out(?: of [a-z]+(?: [a-z]+)?)? (?:in|within|by|at the end of|next|from) (?:a |the |two |three |four |six |a few |[0-9]+ )?(?:fortnight|weeks?|months?|days|week s time|weeks time|end of the month|friday|monday|tuesday|wednesday|thursday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)`,
      // Round 62: a child protection plan or register told as years back and closed or ended ("My daughter's on the child protection
      // register from years ago, it's closed now. Does that affect her getting a school place"); a plan open now, or harm told, is not.
      String.raw`child protection (?:register|plan|case)(?: [a-z]+){0,4} (?:years ago|from years ago|when (?:she|he|they) (?:was|were) (?:little|a baby|younger|small))(?: [a-z]+){0,3} (?:it is|its|it was|that is|which is|now|all) (?:closed|ended|finished|over|done)|(?:came off|come off|taken off|removed from) (?:the |a )?child protection (?:register|plan)(?: [a-z]+){0,3} (?:years ago|ages ago|long ago|in [0-9]+)`,
      // Round 60: child protection read or heard about as a topic ("ive read about child protection cases in the news and im scared to ask
      // for help"): news, no harm told; harm told elsewhere still hits by its own words.
      String.raw`(?:read|reading|heard|hearing|seen|seeing|watched|watching) (?:about|of) (?:[a-z]+ ){0,2}child protection|child protection (?:cases?|stories|story|scandals?|failings) (?:in|on) the (?:news|papers?|telly|tv)`,
      String.raw`child protection (?:team|training|course|policy|policies|officer|lead|social workers?|conference|procedures?|vacanc[a-z]+|jobs?|role|service|services)|(?:vacancies|jobs?|training|course|work|working) (?:for |in |as )?(?:[a-z]+ ){0,4}child protection`,
      // Round 47: child protection as a career asked about ("interested in becoming a social worker in child protection, does the council
      // have trainee posts"): a profession named, no child. "Child protection took my kids and he still hits them" is not guarded.
      String.raw`\b(?:becoming|become|train(?:ing)? (?:as|to be|to become)|qualif(?:y|ying|ied) as|career|careers|trainee|apprentice(?:ship)?s?|graduate|degree|studying|study|retrain(?:ing)?)(?: [a-z]+){0,5} child protection\b|\bchild protection(?: [a-z]+){0,6} (?:trainee|traineeships?|posts|careers?|apprenticeships?|degree|qualifications?|graduate scheme|placements for students)\b`,
    ],
  },
  {
    // Someone hitting a stranger ("a man is punching a woman outside the pub"): crime, unless the words name a partner or a child.
    id: 'assault_person', kind: 'crime_violence', refine: ['domestic_abuse', 'child_at_risk'], category: RISK, reason: 'someone being assaulted',
    patterns: [
      `(?:is|are|keeps|started|starting) (?:hitting|beating|punching|kicking|slapping|headbutting|stamping on|battering) (?:a|an|the|that|this|some) (?:[a-z]+ )?(?:woman|man|girl|boy|lad|lady|person|guy|bloke|kid|child|teenager|pensioner)`,
      // Round 39: someone kicked, stamped on or beaten on the ground, told without "is" or "are" ("three men kicking an international
      // student on the ground by the bike racks"); a ball, a car or a door kicked is not a person.
      `(?:kicking|kickin|stamping on|stomping on|stamping|punching|beating|battering|laying into|booting) (?:a|an|the|this|that|some|my|our|his|her|one) (?:[a-z]+ ){0,2}(?:student|lad|man|woman|girl|boy|kid|child|teenager|teen|bloke|guy|person|someone|lady|pensioner|driver|neighbour|friend|mate|colleague|homeless (?:man|woman|person)|old (?:man|woman|lady)|young (?:man|woman|lad))(?: [a-z]+){0,3} (?:on|to) the (?:ground|floor|pavement|road|deck|tarmac)`,
      `(?:kicking|kickin|stamping on|stomping on|punching|beating) (?:him|her|them|someone|somebody)(?: while (?:he is|she is|they are|he s|she s))? (?:on|to) the (?:ground|floor|pavement|road|deck|tarmac)`,
    ],
    guards: [String.raw`(?:hitting|kicking|punching) (?:a|the) (?:ball|bag|punch ?bag|football)`],
  },
  {
    // Abuse in general words, for anyone at risk: "she is being abused". Complaints about staff are guarded.
    id: 'abuse_generic', kind: 'adult_at_risk', refine: ['domestic_abuse', 'child_at_risk'], category: SAFEGUARDING, reason: 'abuse disclosed',
    patterns: [
      '(?:being|been|is being|are being|getting|got|was being|were being) abused',
      `abus(?:ing|es) (?:me|her|him|them|us|my|the kids|the children|a child|children|kids|his|their)`,
      '(?:child|elder|elderly|sexual|emotional|physical|psychological|financial|domestic) (?:abuse|violence)',
      '(?:being|been|is being) (?:mistreated|ill treated|beaten|hurt) (?:by|at home)',
      'safeguarding (?:concern|issue|referral|matter|problem)', '(?:a |an )?(?:adult|child) at risk',
    ],
    guards: [
      // Round 65: a complaint about how a safeguarding referral was handled ("I wish to complain about the council's handling of a safeguarding
      // referral ... The child is now safe and the case closed"), unless harm is told beside it.
      String.raw`\b(?:complain|complaint|complaining) about (?:(?:[a-z]+ ){0,3}(?:handling of|response to|delay (?:in|with|on)) (?:a|the|our|my) safeguarding (?:referral|concern|case|report)|how (?:a|the|our|my) safeguarding (?:referral|concern|case|report) was (?:handled|dealt with|managed))\b(?![^]*\b(?:still|again|being hit|hits|hitting|hurt|hurting|bruis[a-z]*|beat[a-z]*|abus[a-z]*|scared)\b)`,
      // Round 58: a form, a policy or a process asked for by someone who says there is nothing to report now ("How do I get a
      // safeguarding referral form for work? ... Nothing to report right now").
      String.raw`\bsafeguarding (?:referral |concern |concerns )?(?:forms?|policy|policies|procedures?|training|templates?|paperwork|leaflets?|guidance|course)\b(?! (?:for|about|on|re) (?:my|a|an|the|this|her|his|our) (?:[a-z]+ )?(?:neighbour|neighbours|child|children|kids|son|daughter|mum|mam|dad|resident|client|patient|man|woman|girl|boy|lady|person|pupil))`,
      String.raw`\bnothing (?:to report|to refer|has happened|going on)(?: (?:right now|at the moment|currently|as yet|yet|now|at present))?\b(?! (?:but|except|apart))`,
      // Round 56: how to report a safeguarding concern, asked in general by someone starting a job ("How do I report a safeguarding
      // concern about a vulnerable adult? Asking because I'm starting as a support worker").
      // Round 57: the round-56 guard generalised: the number, the way or the place to report a safeguarding concern asked for, the
      // writer saying it is about nobody now ("whats the number for reporting a safeguarding concern? not about anyone right now, im
      // doing a volunteer course ... want it to hand"); a concern about someone told with it still hits.
      String.raw`\b(?:what is the (?:number|phone number|email|email address|contact|line)|how (?:do|would|can|should) (?:i|you|we|staff|people)|where (?:do|would|can|should) (?:i|you|we|staff|people)|who (?:do|would|can|should) (?:i|you|we|staff|people)) (?:[a-z]+ ){0,3}(?:report|reporting|raise|raising|make|making|log|logging) (?:a )?safeguarding concern(?: [a-z]+){0,3} (?:not about (?:anyone|anybody|a particular person|someone in particular)|(?:nobody|no one|noone) in particular)(?: (?:right now|now|at the moment|yet|at all))?\b(?![^]*\b(?:hit|hits|hitting|hurt|hurting|beat|beats|beaten|bruis[a-z]*|abus[a-z]*|neglect[a-z]*|touch[a-z]*|scared|afraid|frightened)\b)`,
      String.raw`\bhow (?:do|would|can|should) (?:i|you|we|staff|people) (?:report|raise|make|log) (?:a )?safeguarding concern(?: about (?:a |an )?(?:vulnerable )?(?:adult|person|child|someone|resident|client))? (?:asking because|just asking|in general|generally|for future reference|for my (?:job|work|training|course|new job))\b`,
      String.raw`abuse(?:d)?(?: [a-z]+){0,2} (?:from|by) (?:the |a |your |one of (?:the|your) )?(?:[a-z]+ )?(?:bin|crew|staff|council|driver|officer|warden|worker|workers|binmen|bin men|operative|refuse|collector|collectors|parking|member of staff|employee|contractor|inspector|agent|call handler|receptionist|man|men)`,
      String.raw`verbal(?:ly)? abus`, String.raw`abuse of (?:a |the )?(?:disabled|blue badge|parking|bay|system|power|process)`,
      String.raw`(?:bins?|lids?|recycling|rubbish|bags?|boxes|furniture|equipment|property|play equipment|phone line) (?:[a-z]+ )?(?:being|been|getting|got) abused`,
      String.raw`abused by (?:the )?(?:foxes|seagulls|gulls|animals|cats|rats|crows|birds)`,
      // Round 12: the safeguarding words denied ("this isn't a safeguarding issue, just plain rudeness").
      String.raw`(?:is not|are not|was not|not|no|nothing|never) (?:really |actually )?(?:a |an )?(?:safeguarding (?:concern|issue|matter|problem)|(?:adult|child) at risk)`,
    ],
    textGuards: [
      // Round 77 (read on the whole message): what counts as a safeguarding concern asked in general, with the person told as happy, well or fine and nothing of
      // harm, fear or neglect told ("What counts as a safeguarding concern? ... she seems happy and well. I don't want to overreact").
      String.raw`\b(?:what|which things|what sort of things|what kind of things|what exactly) (?:counts|count|would count|is classed|are classed|is classified|qualifies|would qualify|is|are) (?:as )?(?:a )?safeguarding (?:concern|concerns|issue|issues|matter|problem)\b(?=[^]*\b(?:seems?|seemed|looks?|is|s|are) (?:perfectly |really |very |quite )?(?:happy|well|fine|ok|okay|content|cheerful|settled)\b)(?![^]*\b(?:hit[a-z]*|hurt[a-z]*|bruis[a-z]*|beat[a-z]*|scared|afraid|frightened|terrified|not eating|no food|hungry|neglect[a-z]*|abus[a-z]*|money|bank|locked|shout[a-z]*|threat[a-z]*|marks|injur[a-z]*|cold|dirty|soiled)\b)`,
    ],
  },
  // Round 64 (dev-104, dev-105): young people's downplayed disclosures and carers' risks told among the logistics.
  {
    // A death question asked "for a mate" who is the writer, or not as a joke ("does council tax stop if ur dead. asking for a mate (the
    // mate is me) (not joking tbh)"); a question about a dead relative's bill is not (no mate who is the writer).
    id: 'death_asked_for_self', kind: 'suicide_self_harm', category: RISK, reason: 'asks about being dead, for themself',
    patterns: [
      String.raw`if (?:you are|your|you re|i am|i was|i were|i m|someone is|someone s|a person is|you were) dead(?: [a-z0-9]+){0,12} (?:(?:the|my) (?:mate|friend|pal) (?:is|being|=) me|asking for (?:myself|me)|(?:i am |i m )?not (?:even )?joking|(?:it is|its) (?:for )?me)`,
      String.raw`(?:(?:the|my) (?:mate|friend|pal) (?:is|being) me|asking for (?:myself|me))(?: [a-z0-9]+){0,12} if (?:you are|your|you re|i am|i was|i were|i m|you were) dead`,
    ],
  },
  {
    // A height asked about with the reason withheld ("which car park in town is the tallest, i dont really want to say why"); the
    // tallest car park for a view, a photo or a van's clearance says why.
    id: 'height_reason_withheld', kind: 'suicide_self_harm', category: RISK, reason: 'asks for a height, reason withheld',
    patterns: [
      String.raw`(?:tallest|highest)(?: [a-z0-9]+){0,10} (?:i |and i |but i )?(?:do not|would rather not|rather not|will not|do not really|cannot|not) (?:really )?(?:want to |wanna |going to )?(?:say|tell you|tell|explain|go into|saying) why`,
      // Engineer's probe after round 64: the reason withheld as "dont ask why" or "never mind why".
      String.raw`(?:tallest|highest)(?: [a-z0-9]+){0,10} (?:and |but |just )?(?:do not|please do not|never) (?:ask(?: me)?|mind) why`,
    ],
    guards: [String.raw`\b(?:views?|photos?|photograph[a-z]*|pictures?|fireworks|sunset|sunrise|drone|clearance|height restriction|headroom|van|lorry|motorhome|campervan|fun|quiz|trivia|homework|project)\b`],
  },
  {
    // Self-harm told as back again ("been cutting again, its fine"), a hedge, hair or a budget cut named is not.
    id: 'self_harm_again', kind: 'suicide_self_harm', category: RISK, reason: 'self-harm told as back',
    patterns: [
      String.raw`(?:i have been|i ve been|been|started|start|i am|i m|back to|gone back to|went back to|going back to) cutting (?:myself )?again`,
      // Sat in the bath or the bathroom with a blade ("last night I sat in the bath with a razor for an hour").
      String.raw`(?:sat|sitting|sit|lay|lying|laid|was|been) (?:in the bath|in the bathroom|on the bathroom floor|in the tub)(?: [a-z]+){0,3} with (?:a |the |my |his |dads |an old )?(?:razor|razor blade|razors|blade|blades|knife|kitchen knife|all my pills|my pills|my tablets)`,
    ],
    guards: [String.raw`\b(?:hedges?|hair|grass|lawn|trees?|budgets?|funding|services|council|costs|corners|teeth|fabric|wood|vegetables|veg|onions?|shav[a-z]*|legs? shav[a-z]*)\b`],
  },
  {
    // Intimate images threatened to coerce ("said hed post my nudes if i didnt"): sextortion, by a partner or anyone.
    id: 'intimate_image_threat', kind: 'domestic_abuse', refine: ['domestic_abuse', 'child_at_risk'], category: SAFEGUARDING, reason: 'intimate images threatened',
    patterns: [
      String.raw`(?:post|share|send|leak|put up|put|upload|show|spread|release) (?:all |round |around |out )?(?:my|our|me) (?:nudes|nude (?:pics|photos|pictures|images|videos?)|naked (?:pics|photos|pictures|images|videos?)|intimate (?:pics|photos|pictures|images|videos?)|sex tape|private (?:pics|photos|pictures|images|videos?)|pics|photos|pictures)(?: [a-z]+){0,4} (?:if i (?:do not|did not|dont|didnt|will not|wont|refuse|say no|leave|tell)|unless)`,
      String.raw`(?:threaten[a-z]*|said|says|saying|going to|gonna|will|would|he d|she d)(?: [a-z]+){0,3} (?:post|share|send|leak|upload|spread|release) (?:my|our) (?:nudes|nude (?:pics|photos|pictures|images|videos?)|naked (?:pics|photos|pictures|images|videos?)|intimate (?:pics|photos|pictures|images|videos?)|sex tape)`,
    ],
  },
  {
    // A young person told by age with an adult of the household who comes into their room at night ("im 15 and my mums new partner
    // comes into my room at night so i lock the door now"), or given the belt ("im 16 and i get the belt when i get bad grades").
    id: 'young_person_at_home', kind: 'child_at_risk', category: SAFEGUARDING, reason: 'a young person at risk at home',
    patterns: [
      String.raw`(?:partner|boyfriend|stepdad|step dad|stepfather|uncle|lodger|man|cousin|brother|dad|he)(?: [a-z]+){0,2} (?:comes|came|keeps coming|keep coming|come|has been coming|been coming|gets|creeps|sneaks) in(?:to)? (?:my|our) (?:bed ?room|room|bed)(?: [a-z]+){0,2} (?:at night|in the night|when (?:mum|my mum|everyone) is (?:asleep|out|at work)|every night)`,
      String.raw`(?<!(?:can|could|where do|how do|where can|how can) )i (?:get|got|still get|always get|will get|am getting|get given) (?:the|his|her|a) (?:belt|slipper|cane|strap|stick|wooden spoon)(?= (?:when|if|whenever|every|again|off (?:my|him|her|me|mum|dad)|from (?:my|him|her|mum|dad)|for (?:bad|being|talking|answering|not|coming|getting|failing|nothing|the smallest|any)))`,
    ],
    guards: [String.raw`\b(?:goodnight|good night|say night|check on me|tuck|read (?:me )?a story|dog|cat|baby monitor|to charge|to borrow)\b`],
  },
  {
    // A carer or staff member seen hurting a resident or a patient ("one of the seniors slapped a resident"), however the witness
    // fears for their own job ("if i grass i lose my apprenticeship").
    id: 'resident_hurt_by_staff', kind: 'adult_at_risk', category: SAFEGUARDING, reason: 'a resident hurt by staff',
    patterns: [
      // Confinement told with the setting named and "they" for the staff ("at the supported living place they lock my brother in his
      // room at night"), and sedation by carers ("the carers give my dad extra sleeping tablets to keep him quiet"): engineer's probe
      // after round 68. Medication given as prescribed, or to help someone sleep at their own wish, is not told "to keep him quiet".
      String.raw`(?:supported living|care home|nursing home|residential (?:home|unit|placement|school)|placement|group home|respite|day centre|hostel|ward|unit)(?: [a-z]+){0,6} (?:they|staff) (?:lock|locks|are locking|have been locking|locked|keep locking|shut|shuts) (?:him|her|them|my [a-z]+|residents?|the residents|people)(?: [a-z]+){0,2}? in (?:his|her|their|the) (?:room|rooms|bedroom|bedrooms)\b`,
      String.raw`(?:carers?|staff|nurses?|care workers?|support workers?|night staff|the home)(?: [a-z]+){0,4} (?:give|gives|giving|gave|are giving|have been giving|keep giving|keeps giving) (?:him|her|them|my [a-z]+|residents?|the residents)(?: extra| more| loads of| too many| double)? (?:sleeping (?:tablets|pills)|sedatives?|tablets|pills|medication|meds|lorazepam|diazepam|zopiclone)(?: [a-z]+){0,3} (?:to keep (?:him|her|them) (?:quiet|asleep|down|in bed)|so (?:he|she|they) (?:stays? quiet|stays? in bed|is quiet|are quiet|does not bother))\b`,
      String.raw`(?:seniors?|staff|carers?|nurses?|care workers?|support workers?|night staff|managers?|care assistants?|healthcare assistants?|agency workers?)(?: [a-z]+){0,10} (?:slapped|slaps|hit|hits|punched|kicked|pushed|shoved|pinched|hurt|hurting|abused|abusing|rough handled|manhandled|dragged|smacked|shaking|shook) (?:a|the|one of the|an elderly|an old|one|our|my) (?:resident|residents|patient|patients|service user|service users|client|clients|old lady|old man)(?! (?:back|first))`,
      // Round 68: residents confined or restrained by staff, told as a practice: locked in their rooms, tied or strapped in, drugged or
      // sedated to keep them quiet, denied food, drink or the toilet ("staff are locking residents in their rooms overnight to save on
      // staffing"); not a door or a room locked for safety or at the resident's own request, nor a room locked while they are out.
      String.raw`${CARE_STAFF}(?: [a-z]+){0,6} (?:are |is |have been |has been |keep |keeps |kept |been )?(?:locking|locked|locks|lock|shutting|shuts|shut|tying|tied|ties|strapping|strapped|straps|restraining|restrained|drugging|drugged|sedating|sedated) (?:(?:the |a |one of the |some of the |some |all the |all of the |my |our |his |her )?(?:residents?|patients?|service users?|tenants|people they (?:support|look after|care for)|clients|son|daughter|mum|dad|mother|father|brother|sister|nan|gran|grandad|grandma)|him|her|them)(?: [a-z]+){0,4} (?:in (?:their|his|her|the) (?:rooms?|bedrooms?|beds?|chairs?|wheelchairs?)|in at night|in overnight|in every night|in all night|up at night|up overnight|(?:in|into|to) (?:their|his|her|the) (?:beds?|chairs?|wheelchairs?)|down|overnight|every night|all night|to keep (?:them|him|her) quiet|to save)`,
      String.raw`${CARE_STAFF}(?: [a-z]+){0,6} (?:(?:are |is |keep |keeps )?(?:not letting|refusing to let|refuse to let|will not let|wont let|do not let|dont let|stop|stops|stopping) (?:the )?(?:residents?|patients?|service users?|them|him|her|my (?:son|daughter|mum|dad|brother|sister)) (?:eat|have (?:food|a drink|dinner|meals?)|drink|go to the (?:toilet|loo|bathroom)|use the (?:toilet|loo|bathroom))|(?:withholding|withhold|withheld|denying|deny|denied) (?:the )?(?:residents?|patients?|service users?|them) (?:food|meals|water|drinks|the toilet|the loo))`,
    ],
    guards: [String.raw`\b(?:film|drama|tv|programme|training video|role play|game|fire drill)\b|\b(?:when|while|whilst) (?:they|she|he) (?:are|is|go|goes) out\b|\b(?:at|on) (?:their|her|his) (?:own )?request\b|\b(?:their|her|his) own (?:request|choice|safety)\b`],
  },
  {
    // Someone drinking themself to death, not eating or not opening the door ("my dads drinking himself to death basically, not eating,
    // wont open the door to anyone").
    id: 'drinking_to_death', kind: 'adult_at_risk', category: SAFEGUARDING, reason: 'someone drinking themself to death, shut in',
    patterns: [
      String.raw`drinking (?:himself|herself|themselves|themself) to death(?: [a-z0-9]+){0,14} (?:not eating|stopped eating|will not (?:open|answer|let)|wont (?:open|answer)|does not (?:open|answer)|not answering|cannot get in|can not get in|not (?:left|been out of) the (?:house|flat|bed)|house is a tip|in a state)`,
    ],
  },
  {
    // Someone cared for in danger now: gone out in nightclothes or in the cold for hours with dementia, on a frozen lake or pond, or
    // a week's or a box's worth of tablets swallowed ("swallowed a load of her dosette box ... shes drowsy").
    id: 'cared_for_in_danger', kind: 'danger_now', category: RISK, reason: 'someone cared for in danger now',
    patterns: [
      String.raw`(?:gone|went|wandered|walked|got) out (?:of the (?:house|home|flat) )?in (?:her|his|their) (?:nightie|nightdress|nightgown|pyjamas|pjs|dressing gown|slippers|underwear|socks)`,
      String.raw`(?:dementia|alzheimers|confused)(?: [a-z0-9]+){0,14} (?:gone|been gone|out|missing|left)(?: [a-z0-9]+){0,8} (?:minus [0-9a-z]+|freezing|below zero|sub zero|in the snow|in the dark)`,
      String.raw`(?:out|walked|gone|went|going|walking|wandered|ran|run|stepped) (?:out )?(?:on|onto|on to|across) (?:the |a )?(?:frozen|iced over|icy)(?: [a-z]+){0,2} (?:lake|pond|river|canal|reservoir|boating lake|mere|water)`,
      String.raw`(?:swallowed|taken|took|eaten|ate|had)(?: [a-z]+){0,4} (?:dosette box|dosette|blister packs?|pill organiser|pill box|tablet box|nomad pack|(?:whole |all the |all her |all his |all of (?:her|his|the) )?weeks? (?:of |worth of )?(?:tablets|pills|meds|medication))`,
      // Round 77: what someone cared for went out on or with found without them ("went out on his mobility scooter at 5am and we've just
      // found it tipped in the ditch ... but no sign of him. He has dementia and it's freezing"): someone frail, confused or out in the cold
      // told beside it. A scooter found with him, or found and he is home, is not.
      String.raw`(?:mobility scooter|scooter|wheelchair|walker|walking frame|zimmer(?: frame)?|walking stick|stick|bike|car|coat|handbag|shoes|slippers)(?: [a-z0-9]+){0,14} (?:(?:found|find|spotted|seen) (?:it|them|his|her|their|the)|(?:was|were|has been|have been|been|is) (?:found|spotted|left|abandoned))(?: [a-z0-9]+){0,12} (?:but )?(?:no sign of (?:him|her|them)|(?:he|she|they) (?:is|s|are) (?:not|nowhere) (?:there|to be seen|to be found|near|around))(?:(?=[^]*\b(?:dementia|alzheimers|alzheimer s|confused|stroke|brain injury|frail|freezing|below zero|minus [0-9a-z]+|frost[a-z]*|icy|cold|dark|raining|snow[a-z]*|night|hours)\b)|(?<=\b(?:dementia|alzheimers|alzheimer s|confused|stroke|brain injury|frail|freezing|below zero|minus [0-9a-z]+|frost[a-z]*|icy|cold|dark|raining|snow[a-z]*|night|hours)\b[^]*))`,
      // Engineer's probe after round 77: the frailty or the cold told before it too, and the thing found named after "found" ("found grandads
      // scooter overturned in the lane no sign of him he has dementia").
      String.raw`(?:found|find|spotted|seen)(?: [a-z]+){0,3} (?:mobility scooter|scooter|wheelchair|walker|walking frame|zimmer(?: frame)?|walking stick|coat|handbag|shoes|slippers)(?: [a-z0-9]+){0,12} (?:but )?(?:no sign of (?:him|her|them)|(?:he|she|they) (?:is|s|are) (?:not|nowhere) (?:there|to be seen|to be found|near|around))(?:(?=[^]*\b(?:dementia|alzheimers|alzheimer s|confused|stroke|brain injury|frail|freezing|below zero|minus [0-9a-z]+|frost[a-z]*|icy|cold|dark|raining|snow[a-z]*|night|hours)\b)|(?<=\b(?:dementia|alzheimers|alzheimer s|confused|stroke|brain injury|frail|freezing|below zero|minus [0-9a-z]+|frost[a-z]*|icy|cold|dark|raining|snow[a-z]*|night|hours)\b[^]*))`,
    ],
    guards: [String.raw`\b(?:last (?:year|winter|month|week)|years ago|months ago|found her|found him|she is back|he is back|home safe|back home|fine now|(?:he|she) is (?:fine|ok|okay|back)|(?:to|for) (?:get|fetch|bring) (?:in )?the (?:milk|bins?|post|paper|washing)|photos?|skating rink)\b`],
  },
  // Round 77 (dev-130, dev-131): people living with dementia, a brain injury or a stroke and those caring for them; people writing in a
  // second language. Each family is a class, pinned both ways in decision.test.ts ("round 77").
  {
    // Going "on my own terms" with how or when already worked out ("Before I forget who my children are I want to go on my own terms and
    // I've worked out how, probably next week"); leaving a job, a tenancy or a home for a care home on one's own terms is not.
    id: 'own_terms_planned', kind: 'suicide_self_harm', category: RISK, reason: 'a plan to die on their own terms',
    patterns: [...OWN_TERMS_PLANNED],
    guards: [OWN_TERMS_NOT_DYING],
  },
  {
    // Engineer's probe after round 77: two signs of a goodbye told together, with or without a suicide word (GOODBYE_* above); told of a
    // move, a care home or someone else's death, they are not.
    id: 'goodbye_arranged', kind: 'suicide_self_harm', category: RISK, reason: 'a goodbye with arrangements made',
    patterns: [...GOODBYE_PAIRS],
    textGuards: [GOODBYE_AWAY_FOR_A_REASON],
  },
  {
    // Round 78: going to be with a husband, a wife or a child who has died, beside another sign of a goodbye (GOODBYE_* above); a death
    // told is no guard here (it is the reason), a move, a care home, a hospital or a visit is.
    id: 'goodbye_joining', kind: 'suicide_self_harm', category: RISK, reason: 'a goodbye, going to be with someone who has died',
    patterns: [...GOODBYE_JOINING_PAIRS],
    textGuards: [GOODBYE_AWAY_NOT_DEATH],
  },
  // Round 78 (dev-132, bereaved people; dev-133, parents of disabled children): each family a class, pinned both ways in
  // decision.test.ts ("round 78").
  {
    // A rope or a noose bought or got and put ready, with when or where ("Bought the rope this afternoon and it's in the garage"); a rope
    // named for its use (towing, a boat, a swing, the washing) is not.
    id: 'means_ready', kind: 'suicide_self_harm', category: RISK, reason: 'a rope or a noose got ready',
    patterns: [
      String.raw`(?:bought|got|have got|got hold of|ordered|picked up) (?:the|a|some) (?:rope|noose)(?: [a-z]+){0,2} (?:this (?:afternoon|morning|evening)|today|tonight|yesterday|ready|and it is (?:in|under|up)|it is (?:in|under|up)|in the (?:garage|shed|loft|attic|boot|car|wardrobe))`,
      // Engineer's probe after round 78: a hose for the car's exhaust got ready ("I'm not. I got a hosepipe for the car today and it's in the
      // boot"); washing the car is guarded.
      String.raw`(?:bought|got|have got|got hold of|ordered|picked up) (?:the|a|some) (?:hose ?pipe|hose|tube|tubing)(?: [a-z]+){0,3} (?:for|to fit|that fits|to go on) (?:the|my) (?:car|exhaust)(?: [a-z]+){0,3} (?:this (?:afternoon|morning|evening)|today|tonight|yesterday|ready|and it is (?:in|under)|it is (?:in|under)|in the (?:garage|boot|car))`,
    ],
    guards: [ROPE_FOR_USE, String.raw`\b(?:tow(?:ing)?|boat|mooring|tent|swing|washing|wash|clean(?:ing)?|valet[a-z]*|garden|watering|climbing|abseil[a-z]*|gym|skipping|horse|dog lead|trailer|load|knots?|scouts?|tug of war|hammock|bell)\b`],
  },
  {
    // Thinking of or nearly driving off a cliff or a bridge, jumping or walking in front of a train, then doing it today or tonight ("keep
    // thinking about driving off the cliff road like i nearly did last night and i think i will tonight"); a bungee jump or an abseil for
    // charity is not.
    id: 'method_tonight', kind: 'suicide_self_harm', category: RISK, reason: 'a way to die thought of, and tonight',
    patterns: [
      String.raw`(?:thinking (?:about|of)|thought (?:about|of)|think (?:about|of)|tempted|urge|want|wanted|nearly|almost)(?: [a-z]+){0,3} (?:driving|drive|drove|jumping|jump|jumped|throwing myself|throw myself|walking|walk|walked|stepping|step|stepped|crashing|crash) (?:off|over|into|in front of|under)(?: [a-z]+){0,3} (?:cliff|cliffs|cliff edge|bridge|viaduct|train|trains|railway|tracks|lorry|bus|multi storey|car park|quarry|sea|river|wall|tree)(?: [a-z]+){0,16} (?:i think i will|i think i ll|i will|i ll|i am going to|going to|gonna)(?: do it| try| actually do it)? (?:tonight|today|this evening|tomorrow)`,
    ],
    guards: [String.raw`\b(?:bungee|abseil[a-z]*|charity|sponsored|skydiv[a-z]*|parachut[a-z]*|tombstoning|zip ?wire)\b`],
  },
  {
    // An uncle, a stepfather, a mother's boyfriend or a lodger coming into a child's room at night, told by a parent, a teacher or anyone
    // ("one of our pupils ... says the uncle whos moved in comes into her room at night"); a parent or a carer settling a child is not.
    id: 'adult_into_child_room', kind: 'child_at_risk', category: SAFEGUARDING, reason: 'a man coming into a child\'s room at night',
    patterns: [
      String.raw`(?:uncle|step ?dad|stepfather|step father|(?:mum|mam|mom|mother) ?s (?:new )?(?:boyfriend|partner|fella|man)|lodger|cousin|family friend|older (?:man|boy|lad|cousin))(?: [a-z]+){0,6} (?:comes|came|keeps coming|has been coming|goes|went|keeps going|creeps|crept|sneaks|sneaked|snuck|gets) in(?:to)? (?:her|his|their|my) (?:bed ?room|room|bed) (?:at night|in the night|every night|most nights|when (?:everyone|mum|her mum|his mum|my mum) (?:is|s) (?:asleep|out|at work))`,
    ],
  },
  {
    // A child or a person wandered, run or gone onto a railway line or the tracks now ("she's wandered onto the railway line by the crossing,
    // she has no sense of danger"); a model railway, a heritage line or a time long ago is not.
    id: 'on_railway_line', kind: 'danger_now', category: RISK, reason: 'someone on a railway line',
    patterns: [
      String.raw`(?:wandered|walked|run|ran|gone|got|climbed|jumped|strayed|is|s|are|been|playing|standing|sitting|lying) (?:out )?(?:on ?to|onto|on|along|down) (?:the )?(?:railway|train|rail) (?:line|lines|track|tracks)`,
    ],
    guards: [String.raw`\b(?:model|toy|heritage|steam|museum|volunteer[a-z]*|used to|years ago|when (?:he|she|i|they) (?:was|were) (?:little|young|small)|last (?:year|month|summer)|fence|fencing|closed|engineering works|bridge over|footbridge)\b`],
  },
  {
    // Someone fallen or hit their head and not waking or responding now ("right now my son's fallen down the stairs in his walking frame
    // and isn't waking up"); told as long ago or as sleep is not.
    id: 'down_not_waking', kind: 'danger_now', category: RISK, reason: 'fallen and not waking',
    patterns: [
      String.raw`(?:sons?|daughters?|boy|girl|baby|child|kid|toddler|he|she|husband|wife|partner|mum|mam|dad|nan|gran|grandad|grandma|brother|sister|man|woman|someone|somebody)(?: (?:is|has|s|just|had))? (?:fallen|fell|had a fall|collapsed|hit (?:his|her|their) head|banged (?:his|her|their) head)(?: [a-z]+){0,10} (?:and )?(?:is not|isnt|will not|wont|cannot|can not|not) (?:waking up|wake up|waking|responding|breathing|moving|coming round)`,
    ],
    guards: [String.raw`\b(?:last (?:year|month|week|winter)|years ago|months ago|weeks ago|used to|asleep|sleeping|lie in|teenager)\b`],
  },
  {
    // A young child (under 13) left alone at home while the parent works nights or shifts ("since my wife died ive been leaving my 7 yr old
    // on her own while i do night shifts"); a teenager left for an hour, or a child with a sitter, is not.
    id: 'young_child_left_for_work', kind: 'child_at_risk', category: SAFEGUARDING, reason: 'a young child left alone while a parent works',
    patterns: [
      String.raw`(?:leaving|leave|left|been leaving|have to leave) (?:my|our|the|her|his|their) (?:[1-9]|1[0-2]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) ?(?:yr|yrs|year|years)?(?: old)?(?: (?:son|daughter|boy|girl|kid|child|twins))? (?:on (?:her|his|their) own|alone|by (?:herself|himself|themselves)|home alone|in the house alone)(?: [a-z]+){0,3} (?:while|whilst|when) (?:i|we) (?:do|work|am at work|go to work|am on|go out to work)(?: [a-z]+){0,2} (?:nights|night shifts?|shifts?|work|lates|nightshifts?)`,
      // Engineer's probe after round 78: a young child told as home alone until morning or all night, whoever works ("i work nights now, my
      // 6 year old is home alone till morning most nights").
      String.raw`(?:my|our|the|her|his|their) (?:[1-9]|1[0-2]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) ?(?:yr|yrs|year|years)?(?: old)?(?: (?:son|daughter|boy|girl|kid|child|twins))? (?:is |s |are |stays |stay |gets left |is left |are left )?(?:home alone|alone|on (?:her|his|their) own|by (?:herself|himself|themselves)) (?:till|until|til|all) (?:the )?(?:morning|midnight|night)`,
    ],
    guards: [String.raw`\b(?:sitter|babysitter|childminder|neighbour (?:watches|checks|pops)|nan (?:is|comes)|with (?:her|his|their) (?:nan|gran|grandparents|dad|mum))\b`],
  },
  // Round 79 (dev-134, people on the roads; dev-135, families living with gambling, debt and addiction): each family a class, pinned
  // both ways in decision.test.ts ("round 79").
  {
    // A plan with a time told beside keeping up a front ("cant keep doing the school run pretending im fine. i've planned it for after i
    // drop them off tomorrow"); a party, a trip or a surprise planned is not.
    id: 'front_then_plan', kind: 'suicide_self_harm', category: RISK, reason: 'a plan with a time, behind a front',
    patterns: [
      String.raw`(?:pretending|pretend|pretended|acting like|act like|making out|putting on a (?:brave )?face|smiling (?:and|through))(?: [a-z]+){0,4} (?:i am |i m |im |everything is |it is |all is )?(?:fine|ok|okay|alright|all right|happy|normal|coping)(?: [a-z]+){0,12} (?:i have|i ve|ive|i|it is|its|got it|have it) (?:all )?(?:planned|sorted|arranged)(?: it)?(?: all)? (?:for|after) (?:after|tomorrow|tonight|when|once|this|next|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend)`,
      String.raw`(?:i have|i ve|ive|i|got it|have it) (?:all )?planned(?: it)?(?: all)? (?:for|after) (?:after|tomorrow|tonight|when|once|this|next|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend)(?: [a-z]+){0,12} (?:pretending|pretend|acting like|act like|putting on a (?:brave )?face)(?: [a-z]+){0,4} (?:fine|ok|okay|alright|all right|happy|normal|coping)`,
    ],
    guards: [String.raw`\b(?:party|parties|surprise|birthday|wedding|anniversary|holiday|trip|day out|meal|picnic|route|journey|move|removal|works|appointment|meeting|lesson|treat|present|presents|proposal|hen do|stag do)\b`],
  },
  {
    // Control by a partner with secrecy or a reprisal feared ("my husband keeps the car keys and checks the mileage every night ... without
    // him knowing", "my partner opens everything & if he sees i applied ... i'll pay for it"); a bill paid for or a surprise kept is not.
    id: 'control_and_secrecy', kind: 'domestic_abuse', category: SAFEGUARDING, reason: 'control by a partner, with secrecy or a reprisal feared',
    patterns: [
      `${R79_CONTROL}(?: [a-z0-9]+){0,30} ${R79_SECRECY}`,
      `${R79_SECRECY}(?: [a-z0-9]+){0,30} ${R79_CONTROL}`,
      R79_REPRISAL,
    ],
    guards: [String.raw`\b(?:surprise|birthday|christmas present|present for (?:him|her)|not a safety thing|only joking|just joking)\b`],
  },
  {
    // Nights spent in a car or out of the home because of how a partner gets when drinking or using ("Some nights I sleep in my car ...
    // because of how he gets when he's been drinking"); sleeping in a car for a festival or a long drive is not.
    id: 'out_for_the_night_from_partner', kind: 'domestic_abuse', category: SAFEGUARDING, reason: 'nights away from a partner who drinks or uses',
    patterns: [
      String.raw`(?:sleep|sleeps|sleeping|slept|stay|stays|staying|stayed|spend the night|spent the night|spending the night|spend nights|spent nights|sit|sitting|sat)(?: [a-z]+){0,6} (?:in (?:my|the|our) (?:car|van|motor)|in (?:a|the) car park|in the (?:garden|shed|park|street)|outside|on (?:a|the|my) (?:[a-z]+s? )?(?:sofa|floor|couch))(?: [a-z]+){0,10} (?:because of|cos of|coz of|cause of|to get away from|away from) (?:how|what|the way) (?:he|she|my (?:partner|husband|wife|boyfriend|girlfriend|fiance)) (?:gets|is like|is|goes|can be|turns|acts)(?: [a-z]+){0,3} (?:when|after|once|if) (?:he|she) (?:is |s |has |have |had |gets |starts )?(?:been )?(?:drinking|drunk|on the drink|had a drink|had a few|using|high|off (?:his|her) (?:head|face)|on something)`,
    ],
    guards: [String.raw`\b(?:festival|camping|road trip|long drive|ferry|airport|holiday)\b`],
  },
  {
    // A way to die asked about with it quick and nobody else hurt ("which level crossing ... has no barriers? ... I want it to be quick and
    // I don't want anyone else hurt"); a quick job with nobody hurt (a repair, a removal) is not.
    id: 'quick_and_no_one_else', kind: 'suicide_self_harm', category: RISK, reason: 'a way to die asked about, quick and nobody else hurt',
    patterns: [
      String.raw`(?:want|need|like) it to be (?:quick|fast|over quickly|painless|instant|certain|sure)(?: [a-z]+){0,6} (?:do not|dont|don t|without|not) (?:want )?(?:(?:to )?(?:hurt|harm|injure) (?:anyone|anybody|someone|any (?:drivers?|people|passengers|kids|children|walkers)|the (?:drivers?|passengers))|(?:anyone|anybody|someone|nobody|no one) (?:else )?(?:to )?(?:get )?(?:hurt|harmed|injured|involved|to find me|finding me))`,
      // Engineer's probe after round 79: "i dont want to hurt any drivers" after wanting it quick, with a way named first ("which railway
      // bridge has the lowest fence, i want it to be quick").
      String.raw`(?:do not|dont|don t) want (?:anyone|anybody|someone) else (?:to )?(?:get )?(?:hurt|harmed|injured)(?: [a-z]+){0,6} (?:want|need) it (?:to be )?(?:quick|fast|over quickly|painless|instant)`,
    ],
    guards: [String.raw`\b(?:repair|repairs|job|removal|clearance|survey|inspection|works|roadworks|road works|closure|demolition|felling|pruning|tree surgeon|contractor)\b`],
  },
  {
    // A childminder, a babysitter or a nanny drunk or using while minding children ("the childminder on my road is drinking while she has
    // kids in ... stumbling along with a double pushchair"); drinking tea or coffee is not.
    id: 'minder_drunk_with_children', kind: 'child_at_risk', category: SAFEGUARDING, reason: 'a childminder drunk or using with children',
    patterns: [
      String.raw`(?:childminder|child minder|babysitter|baby sitter|nanny|au pair|foster carer|nursery worker)(?: [a-z]+){0,6} (?:is |s |was |has been |been |keeps )?(?:drinking(?! (?:tea|coffee|water|juice|squash|milk|a brew|pop))|drunk|on the drink|smelling of (?:drink|alcohol|booze)|smells of (?:drink|alcohol|booze)|using|high|off (?:her|his) (?:face|head)|stoned)(?: [a-z]+){0,10} (?:kids|children|babies|baby|toddlers?|pushchair|buggy|pram|little ones|minded|minding)`,
    ],
    guards: [String.raw`\b(?:used to|years ago|last year|when i was (?:little|young|a kid))\b`],
  },
  {
    // Someone eating pet food ("The old gentleman ... has no heating ... he's eating cat food. He's got nobody"): self-neglect or no money
    // for food; a pet eating another pet's food is not.
    id: 'eating_pet_food', kind: 'adult_at_risk', category: SAFEGUARDING, reason: 'someone living on pet food',
    patterns: [
      String.raw`(?:he|she|they|man|woman|lady|gentleman|gent|fella|bloke|neighbour|nan|gran|grandad|grandma|mum|mam|dad|uncle|aunt|auntie|brother|sister) (?:is |s |are |has been |have been |been |was |were |keeps |is now |s now )?(?:eating|living on|lives on|surviving on|survives on) (?:tinned )?(?:cat|dog|pet) food`,
    ],
    guards: [String.raw`\b(?:(?:my|our|the|his|her|their) (?:dog|dogs|puppy|pup|kitten|cat|cats|pets?|ferret|rabbit|hamster|tortoise)|joke|joking|lol|haha)\b`],
  },
  {
    // Someone collapsed or slumped and gone grey or blue ("found a man slumped in the bookies doorway ... needle next to him, he's gone
    // grey"); hair gone grey, or told as past, is not.
    id: 'collapsed_gone_grey', kind: 'danger_now', category: RISK, reason: 'someone collapsed and gone grey or blue',
    patterns: [
      String.raw`(?:slumped|collapsed|passed out|unconscious|unresponsive|lying|laid|keeled over|flat out)(?: [a-z0-9]+){0,16} (?:he|she|they|lips|face|skin) (?:is |s |are |has |have |is going |s going |are going |has gone |s gone |have gone )?(?:gone|turned|going|turning) (?:grey|gray|blue|purple|white)`,
      String.raw`(?:he|she|they|lips|face|skin) (?:is |s |are |has |have )?(?:gone|turned|going|turning) (?:grey|gray|blue|purple)(?: [a-z0-9]+){0,10} (?:slumped|collapsed|passed out|unconscious|unresponsive|not breathing|will not wake|wont wake|cannot wake|can not wake|not waking)`,
    ],
    guards: [String.raw`\b(?:hair|beard|last (?:year|month|week)|years ago|months ago|with worry|overnight|paint|painted|walls?|sky|screen|photo|picture)\b`],
  },
  {
    // Round 79: abroad, the clearest words of abuse: a partner who hits the writer (French "mon conjoint boit et me frappe"), a stepfather or
    // a man who touches a girl (Polish "ojczym ją dotyka"), children left hungry by parents who drink (Lithuanian "vaikai dažnai alkani, tėvai
    // geria"). Not a knock at the door, nor "ce qui me frappe" (what strikes me).
    id: 'abuse_abroad', kind: 'domestic_abuse', category: SAFEGUARDING, reason: 'a partner who hits (not in English)',
    patterns: [
      String.raw`(?:mon (?:conjoint|mari|copain|compagnon|partenaire|ex|petit ami|concubin)|ma (?:conjointe|femme|copine|compagne|partenaire))(?: [a-z]+){0,6} (?:me frappe|me bat|me tape|me cogne|me gifle|me frappait|me battait|m a frappee?|m a battue?|m a giflee?|me tabasse)`,
    ],
    guards: [String.raw`\b(?:la porte|a la porte|ce qui me frappe|ca me frappe)\b`],
  },
  {
    id: 'child_abuse_abroad', kind: 'child_at_risk', category: SAFEGUARDING, reason: 'a child abused or neglected (not in English)',
    patterns: [
      String.raw`(?:ojczym|wujek|tata|ojciec|chlopak mamy|partner mamy|konkubent|dziadek|kuzyn)(?: [a-z]+){0,2} (?:ja|go|je|mnie) (?:dotyka|dotykal|molestuje|molestowal|maca|macal|obmacuje)`,
      String.raw`vaikai(?: [a-z]+){0,3} (?:alkani|alkanas|badauja|nevalge|neturi ko valgyti)(?: [a-z]+){0,8} (?:geria|girtauja|girti|vartoja)`,
      String.raw`(?:geria|girtauja|girti)(?: [a-z]+){0,8} vaikai(?: [a-z]+){0,3} (?:alkani|alkanas|badauja|nevalge)`,
    ],
    guards: [String.raw`\b(?:kiedys|dawno temu|lata temu|w dziecinstwie|seniai|pries metus)\b`],
  },
  {
    // Round 80: a poison put ready by the bed "for later" ("I've put the old weedkiller from the shed by the bed for later"); weedkiller
    // put by a flower bed for the weeds, or taken to the tip, is not.
    id: 'poison_by_bed', kind: 'suicide_self_harm', category: RISK, reason: 'a poison put ready by the bed for later',
    patterns: [
      String.raw`(?:put|got|left|kept|keeping|saved|saving|hid|hidden|placed) (?:the |some |my |that |a bottle of |a tub of )?(?:old )?(?:[a-z]+ )?(?:weedkiller|weed killer|rat poison|poison|paraquat|pesticide|slug pellets|antifreeze|anti freeze|sheep dip)(?: [a-z]+){0,4} (?:by|beside|next to|under|on) (?:the|my) (?:bed|pillow|bedside(?: table| cabinet)?|nightstand)(?: [a-z]+){0,2} (?:for later|for tonight|ready)`,
      // Engineer's probe after round 80: on the bedside table too ("I've left the rat poison on the bedside table for tonight").
    ],
    guards: [String.raw`\b(?:flower ?beds?|raised beds?|veg(?:etable)? beds?|rose beds?|weeds|nettles|patio|spray(?:er|ing)?|tip|recycling centre|hazardous|dispos[a-z]*|rats|mice)\b`],
  },
  {
    // Round 80: someone hurt far from help, told plainly ("fell down the gully, head injury, confused and going cold"); a fall last week
    // told as over is not.
    id: 'hurt_and_going_cold', kind: 'danger_now', category: RISK, reason: 'someone hurt, confused or going cold',
    patterns: [
      String.raw`(?:head injury|hit (?:his|her|their|my) head|banged (?:his|her|their|my) head|fell|fallen|broken (?:leg|ankle|hip|arm))(?: [a-z0-9]+){0,6} (?:confused and (?:going|getting) cold|(?:going|getting) cold and confused|(?:is |s )?(?:confused|drowsy|slurring)(?: [a-z]+){0,2} (?:going|getting) (?:cold|blue|grey))`,
    ],
    guards: [String.raw`\b(?:last (?:week|month|year)|years ago|months ago|weeks ago|was fine|is fine now|recovered)\b`],
  },
  {
    // Round 80: a gas hose or bottle split, leaking or flaring beside more gas ("gas hose has split and it's flaring up ... next to the cage
    // of propane bottles"); a hose to be replaced at a safety check is not.
    id: 'gas_flaring', kind: 'fire_gas_co', category: RISK, reason: 'a gas hose or bottle flaring or leaking beside more gas',
    patterns: [
      String.raw`(?:gas )?(?:hose|pipe|regulator|bottle|cylinder)(?: [a-z]+){0,3} (?:split|burst|cracked|leaking|flaring|caught|on fire|alight)(?: [a-z]+){0,10} (?:propane|butane|calor|gas bottles?|gas cylinders?|lpg)`,
      String.raw`(?:gas )?(?:hose|pipe|regulator) (?:has |s |is )?(?:split|burst)(?: [a-z]+){0,3} (?:flaring|on fire|alight|flames?)`,
    ],
    guards: [String.raw`\b(?:last (?:week|month|year)|ago|safety check|inspection|replace[a-z]*|buy|order|price)\b`],
  },
  {
    // Round 80: a child just dragged or bundled into a car or a van ("My daughter has just been dragged into a car outside the youth club");
    // dragged into the car to go to school is not (a time told plainly: "just", "now").
    id: 'dragged_into_vehicle', kind: 'crime_violence', category: RISK, reason: 'someone just dragged or bundled into a vehicle',
    patterns: [
      String.raw`(?:has |have |s )?just (?:been )?(?:dragged|bundled|pulled|forced|grabbed|snatched)(?: [a-z]+){0,2} (?:into|in) (?:a|an|the|some|his|their) (?:[a-z]+ )?(?:car|van|vehicle|motor|truck|lorry|4x4)`,
    ],
    guards: [String.raw`\b(?:school|shops|dentist|doctors|kicking and screaming to|tantrum|joke|joking|lol|film|tv|game)\b`],
  },
  {
    // Round 80: a horse or an animal bolted or loose in a crowd with people hurt ("A horse has bolted ... into the crowd, people are hurt
    // on the ground"); a horse that bolted in a field with nobody hurt is not.
    id: 'animal_into_crowd', kind: 'danger_now', category: RISK, reason: 'an animal loose in a crowd with people hurt',
    patterns: [
      String.raw`(?:horse|bull|cow|cattle|bullock|stallion|pony)(?: [a-z]+){0,3} (?:bolted|charged|stampeded|loose|running)(?: [a-z]+){0,14} (?:crowd|spectators|people)(?: [a-z]+){0,4} (?:hurt|injured|trampled|on the ground|down)`,
    ],
    guards: [String.raw`\b(?:nobody|no one|noone|not) (?:was |is |got )?(?:hurt|injured)\b`, String.raw`\b(?:last (?:year|week|month)|years ago)\b`],
  },
  {
    // Round 80: someone trying the door or the handle now, at night ("someone trying the back door handle now its two in the morning");
    // a door tried last night and told as past, or someone trying the door key for a delivery, is not.
    id: 'door_tried_now', kind: 'crime_violence', category: RISK, reason: 'someone trying the door now at night',
    patterns: [
      String.raw`(?:someone|somebody|someones|somebodys|a man|a bloke|people|they|there s someone|theres someone) (?:is |are |s )?(?:trying|rattling|trying to open|trying to force|forcing) (?:the |our |my )?(?:back |front |kitchen |patio )?(?:door|doors|window|door handle)(?: handle)?(?: [a-z]+){0,2} (?:right )?now`,
    ],
    guards: [String.raw`\b(?:last night|yesterday|delivery|courier|parcel|key|keys|locksmith)\b`],
  },
  {
    // Round 80: a chimney fire now, told with its noise, sparks or flames ("Chimney fire in the farmhouse, roaring noise and sparks landing
    // on the roof"), whatever service request follows it; a chimney sweep or a fire last winter is not.
    id: 'chimney_fire_now', kind: 'fire_gas_co', category: RISK, reason: 'a chimney fire now',
    patterns: [
      String.raw`chimney (?:is )?(?:fire|on fire|alight)(?: [a-z0-9]+){0,6} (?:roaring|sparks?|flames?|smoke pouring|brigade|fire engine|999)`,
    ],
    guards: [String.raw`\b(?:sweep|swept|sweeping|last (?:year|winter|week|month)|years ago|months ago|prevent[a-z]*|advice|leaflet|insurance)\b`],
  },
  {
    // Round 80: a fire told as spreading to a home or a roof ("flames are up past the hedge and it's spreading to the thatch on the
    // cottage"); a fire that spread last summer is not.
    id: 'fire_spreading_to_home', kind: 'fire_gas_co', category: RISK, reason: 'a fire spreading to a home or a roof',
    patterns: [
      String.raw`(?:fire|flames?|burning|blaze|alight)(?: [a-z0-9]+){0,12} (?:spreading|spread|caught|catching|reaching|getting) (?:to|onto|into) (?:the |our |my |a |their )?(?:[a-z]+ )?(?:thatch|roof|house|cottage|barn|home|flats?|caravan|farmhouse)`,
    ],
    guards: [String.raw`\b(?:last (?:year|summer|winter|week|month)|years ago|months ago|in case|could spread|might spread|would spread|worried it will|risk of)\b`],
  },
  {
    // Round 80: a father hitting a mother for years ("Dad's been hitting mum for years on the farm"); hitting a ball, or told as long ago
    // and over, is not.
    id: 'dad_hitting_mum', kind: 'domestic_abuse', category: SAFEGUARDING, reason: 'a father hitting a mother',
    patterns: [
      String.raw`(?:dad|father|stepdad|step dad|grandad|husband)s? (?:s |is |has |has been |s been |been |keeps |still )*(?:hitting|beating|battering|punching|slapping|knocking) (?:my )?(?:mum|mam|mom|mother|nan|gran|wife)(?: about| around)?`,
    ],
    guards: [String.raw`\b(?:used to|before (?:he|she) died|passed away|ball|golf|pillow|tennis)\b`],
  },
  {
    // Round 80: children told as thin with sores, or fed worse than the dogs ("the kids at the farm ... are thin and covered in sores and
    // the dogs get fed better than they do"); a child with chickenpox sores is not.
    id: 'children_thin_sores', kind: 'child_at_risk', category: SAFEGUARDING, reason: 'children thin, with sores, fed worse than the animals',
    patterns: [
      String.raw`(?:kids|children|child|boy|girl|boys|girls|baby|toddler|son|daughter)(?: [a-z]+){0,8} (?:thin|skinny|starving|filthy|dirty)(?: [a-z]+){0,2} (?:covered in|full of|with) (?:sores|lice|bruises|nits and sores)`,
      String.raw`(?:dogs?|animals|pigs|cats?) (?:get|gets|are|is) (?:fed|treated|looked after) better than (?:they|them|the (?:kids|children|child|boy|girl))(?: do| are)?`,
    ],
    guards: [String.raw`\b(?:chicken ?pox|eczema|hand foot and mouth|impetigo|cold sores?)\b`],
  },
  {
    // Round 80: a burn on a child the shape of an iron or a cigarette ("a burn on his hand the shape of an iron"); a burn on a shirt or a
    // carpet is not.
    id: 'patterned_burn', kind: 'child_at_risk', category: SAFEGUARDING, reason: 'a burn the shape of an iron or a cigarette',
    patterns: [
      String.raw`burns? (?:on|to) (?:his|her|their|the child s|the boy s|the girl s) (?:[a-z]+ ){0,2}(?:the )?shape of (?:an? )?(?:iron|cigarette|lighter|hob ring|poker)`,
      String.raw`(?:iron|cigarette) (?:shaped )?burns? (?:on|to) (?:his|her|their) (?:hand|arm|arms|back|leg|legs|face|chest|neck|feet|foot)`,
    ],
    guards: [String.raw`\b(?:shirt|carpet|table|ironing board|sofa|clothes|dress|trousers|(?:i|we) burnt? (?:myself|my))\b`],
  },
  {
    // Round 80: an old or lonely man or woman wandering out at night in slippers or night clothes ("keeps wandering out on the fell in his
    // slippers at night"); a walk to the shop in slippers is not.
    id: 'wandering_at_night', kind: 'adult_at_risk', category: SAFEGUARDING, reason: 'someone wandering out at night in slippers or night clothes',
    patterns: [
      String.raw`(?:wander|wanders|wandering|wandered|found)(?: [a-z]+){0,6} in (?:his|her|their) (?:slippers|pyjamas|nightie|nightdress|night clothes|dressing gown)(?: [a-z]+){0,2} (?:at night|in the night|in the dark|at [0-9]+ ?am)`,
      String.raw`(?:wander|wanders|wandering|wandered)(?: [a-z]+){0,6} (?:at night|in the night|in the dark)(?: [a-z]+){0,2} in (?:his|her|their) (?:slippers|pyjamas|nightie|nightdress|night clothes|dressing gown)`,
    ],
    guards: [String.raw`\b(?:dog|cat|last (?:year|month)|years ago|care home now|moved into)\b`],
  },
  {
    // Round 80: a worker paid in drink or drugs, living without water or a toilet ("living in a horsebox ... no water, no toilet, being
    // paid in cider"); a volunteer paid in beer tokens is not.
    id: 'paid_in_drink', kind: 'adult_at_risk', category: SAFEGUARDING, reason: 'a worker paid in drink or drugs',
    patterns: [
      String.raw`(?:being |been |is |are |gets |get )?paid (?:him |her |them |me |us )?in (?:cider|beer|booze|drink|cans|vodka|drugs|weed)(?! tokens)`,
    ],
    guards: [String.raw`\b(?:tokens?|volunteer[a-z]*|joke|joking|lol|haha|ha ha)\b`],
  },
  {
    // Round 80: a boss or a gangmaster who beat a worker and locked them in, or took their passport (Polish "szef farmy mnie pobił i
    // zamknął w kontenerze, zabrał mi paszport"); English "took my passport" with a beating or locking in.
    id: 'boss_beat_locked_in', kind: 'crime_violence', category: RISK, reason: 'a boss who beat or locked in a worker',
    patterns: [
      String.raw`(?:szef|szefowa|pracodawca|brygadzista|wlasciciel)(?: [a-z]+){0,2} (?:mnie|nas) (?:pobil|pobila|bil|uderzyl|zamknal|zamknela)`,
      String.raw`(?:boss|gangmaster|employer|foreman|farmer)(?: [a-z]+){0,2} (?:beat|battered|hit|punched|locked) (?:me|us|him|her|them)(?: [a-z]+){0,6} (?:locked|passport|container|caravan|shed)`,
    ],
    guards: [String.raw`\b(?:at cards|at chess|at darts|at pool|at golf|in the race|locked (?:me|us) out of the (?:system|account|app))\b`],
  },
  {
    // Round 80: in Welsh, someone living with no heat and no food ("dim gwres, dim bwyd yn y tŷ, ac mae'n edrych yn sâl iawn"); a power
    // cut asked about is not.
    id: 'welsh_no_heat_no_food', kind: 'adult_at_risk', category: SAFEGUARDING, reason: 'someone with no heat and no food (Welsh)',
    patterns: [
      String.raw`dim gwres(?: [a-z]+){0,2} dim bwyd|dim bwyd(?: [a-z]+){0,4} dim gwres`,
    ],
    guards: [String.raw`\b(?:toriad pwer|toriad trydan|power cut|y llynedd|flynyddoedd yn ol)\b`],
  },
  {
    // A structure coming down now with people on it or under it ("scaffold on the building near market is falling down now, workers still
    // on top and people walking under it"); one loose with nobody near, or come down in the night, is not.
    id: 'structure_falling_on_people', kind: 'danger_now', category: RISK, reason: 'a structure falling on people now',
    patterns: [
      String.raw`(?:scaffold|scaffolding|crane|wall|roof|balcony|ceiling|building|hoarding|chimney|tree|lamp post)(?: [a-z]+){0,8} (?:is |are |s )?(?:falling down|falling over|falling|collapsing|coming down|giving way|toppling|tipping over|swaying and) (?:right )?now(?: [a-z]+){0,8} (?:workers|people|men|builders|kids|children|someone|somebody|pedestrians|family|a man|a woman|scaffolders)(?: [a-z]+){0,3} (?:on (?:top|it|them)|up (?:there|top|it)|under(?:neath)?|below|beneath|inside|walking (?:under|past|below))`,
    ],
    guards: [String.raw`\b(?:nobody|no one|noone|nobody is|no one is) (?:on|under|underneath|below|near|about|around|there|hurt)\b`],
  },
  // Round 65 (dev-106, dev-107): referrals written by professionals and volunteers on someone else's behalf, and risks told beside the
  // weather and the seasons. Each family is a class, pinned both ways in decision.test.ts ("round 65").
  {
    // Tablets gathered in a way that only makes sense as a stockpile: bought in many shops, or "saving them up" ("a customer has been buying
    // paracetamol in lots of shops ... she's saving them up"); a first-aid kit, a winter supply or old tablets for disposal are not.
    id: 'tablets_stockpiled', kind: 'suicide_self_harm', category: RISK, reason: 'tablets stockpiled',
    patterns: [
      String.raw`(?:buying|bought|buys|buy|collecting|collected|getting|got) (?:[a-z]+ ){0,3}(?:paracetamol|tablets|pills|painkillers|co codamol|codeine|aspirin|ibuprofen|sleeping (?:pills|tablets)|meds|medication) (?:in|from|at|round|around) (?:lots of|loads of|different|several|all the|lots|many|a few|multiple|various|every|each) (?:shops|chemists|pharmacies|places|supermarkets|shop|chemist|pharmacy)`,
      String.raw`(?:paracetamol|tablets|pills|painkillers|co codamol|codeine|sleeping (?:pills|tablets)|meds|medication)(?: [a-z0-9]+){0,20} (?:saving|stockpiling|hoarding|stashing|collecting|keeping) (?:them|it|all of them) (?:up|all up)`,
      String.raw`(?:stockpiling|hoarding|stashing) (?:her |his |my |their )?(?:paracetamol|tablets|pills|painkillers|co codamol|codeine|sleeping (?:pills|tablets)|meds|medication)`,
    ],
    guards: [String.raw`\b(?:for (?:the )?(?:winter|flu season|christmas|holidays|cold season|first aid kit)|first aid kits?|out of date|expired|dispos[a-z]*|take them back|return them|donat[a-z]*)\b`],
  },
  {
    // Ways to die looked up ("has been searching methods of hanging on our PCs", "looking up how many tablets it takes"); a history essay,
    // a novel or hanging a picture or a basket is not.
    id: 'method_searched', kind: 'suicide_self_harm', category: RISK, reason: 'ways to die looked up',
    patterns: [
      String.raw`(?:searching|searched|searches|search|looking up|looked up|looks up|look up|googling|googled|googles|researching|researched|reading up on|browsing)(?: for)? (?:methods? of|ways? (?:of|to)|how to) (?:hanging|hang (?:yourself|himself|herself|themselves|myself)|kill(?:ing)? (?:yourself|himself|herself|themselves|myself)|suicide|end(?:ing)? (?:it|your life|his life|her life|their life|my life)|overdos[a-z]*|die|dying)(?! (?:baskets?|pictures?|wallpaper|curtains?|shelves|shelf|blinds?|mirrors?|doors?|lights?|decorations?|bunting|frames?|washing|art|tvs?|gates?|plants?))`,
      String.raw`(?:searching|searched|searches|looking up|looked up|looks up|googling|googled|googles|researching|researched)(?: for)? (?:suicide|hanging|overdose) methods`,
      String.raw`(?:searching|searched|searches|looking up|looked up|looks up|googling|googled|googles|researching|researched|asking|asked) (?:how many|how much) (?:[a-z]+ ){0,2}(?:tablets|pills|paracetamol|painkillers|co codamol|insulin) (?:it )?(?:takes|would take|it would take|would kill|to die|to kill|is (?:fatal|lethal|an overdose))`,
    ],
    guards: [String.raw`\b(?:history|historical|executions?|essays?|coursework|novel|book|crime fiction|murder mystery|podcast|true crime|documentary|for (?:a|my|our|his|her) (?:project|course|assignment|dissertation|thesis|degree|class))\b`],
  },
  {
    // Damage a partner did, covered by a story told to the repairs team and taken back ("He kicked it in on bonfire night and I told the
    // repairs man it was the wind. It wasn't."); a ball kicked through a window by accident is not.
    id: 'damage_covered_up', kind: 'domestic_abuse', category: SAFEGUARDING, reason: 'damage by a partner covered up',
    patterns: [
      String.raw`${PARTNER_DAMAGE}(?: [a-z0-9]+){0,14} (?:told|said to|telling|tell)(?: [a-z]+){0,4} (?:it was|that it was|it is|that it is)(?: [a-z]+){0,4} (?:it was not|but it was not|it is not true|that is not true|it was (?:him|her)|not the wind)`,
      // The writer's own cover story without the take-back ("he smashed the door in on new years eve and I told the council it was the storm"):
      // a partner's damage hidden behind the weather, burglars or an accident (engineer's probe after round 65).
      String.raw`${PARTNER_DAMAGE}(?: [a-z0-9]+){0,14} i (?:told|said to)(?: [a-z]+){0,4} (?:it was|that it was) (?:the )?(?:wind|storm|weather|gales?|kids|burglars?|a burglar|a break in|an accident|me)\b`,
    ],
    // Not bare "kids" or "dog": the story told to cover the damage is often "it was kids" (engineer's probe after round 65).
    guards: [String.raw`\b(?:balls?|football|by accident|accidentally|playing (?:football|ball|a game)|game of)\b`],
  },
  {
    // Something that burns fuel used indoors with someone drowsy or dizzy ("using a disposable barbecue indoors to heat the flat ... he
    // seemed drowsy"): carbon monoxide now. A safety question or a warning leaflet is not.
    id: 'fumes_indoors', kind: 'fire_gas_co', category: RISK, reason: 'fuel burnt indoors, someone drowsy',
    patterns: [
      String.raw`(?:barbecue|barbecues|bbq|bbqs|charcoal(?: grill| burner)?|generator|camping stove|gas stove|patio heater|brazier|fire pit|calor gas heater|gas heater) (?:[a-z]+ ){0,2}(?:indoors|inside|in (?:the|his|her|their|my|our) (?:flat|house|living room|lounge|bedroom|kitchen|tent|caravan|home|room))(?: [a-z0-9]+){0,20} (?:drowsy|dizzy|headaches?|sleepy|confused|being sick|vomiting|collapsed|passed out|faint[a-z]*|unconscious|not making sense|cannot wake|can not wake)`,
    ],
    guards: [String.raw`\b(?:is it safe|would it be safe|can i|could i|should i|never use|do not use|dont use|warning|leaflets?|posters?|last (?:year|winter|week))\b`],
  },
  {
    // A young child climbing or standing on a balcony, a rail or an open window ledge ("a toddler on the 3rd floor balcony ... climbing on a
    // chair by the rail. No adult visible"); a worry about one day, window restrictors or a climbing frame is not.
    id: 'child_at_height', kind: 'danger_now', category: RISK, reason: 'a young child at a height',
    patterns: [
      String.raw`(?:toddler|baby|little one|little boy|little girl|small child|young child|child|kid|tot)(?: [a-z0-9]+){0,16} (?:climbing|climbed|standing|stood|leaning|hanging|balancing|sat|sitting) (?:on|over|out of|up on|onto)(?: [a-z]+){0,5} (?:balcony|balcony rail|rail|railing|railings|window ledge|window sill|windowsill|open window|roof|ledge)`,
    ],
    guards: [String.raw`\b(?:could|might|in case|what if|worried (?:he|she|they) (?:will|would|could|might)|restrictors?|safety (?:catch|catches|lock|locks|gate|gates)|climbing frame|climbing wall|play area|playground|last (?:year|summer|month))\b`],
  },
  {
    // People said to be waiting for someone with blades or weapons ("a group have said they'll be waiting for him at the bus station after
    // school today with blades").
    id: 'armed_waiting', kind: 'crime_violence', category: RISK, reason: 'someone waited for with weapons',
    patterns: [
      String.raw`(?:waiting for|wait for|coming for|come for|coming after|going to get|jump|after) (?:him|her|me|them|us|my son|my daughter|the lad|the boy|the girl|our client)(?: [a-z0-9]+){0,10} with (?:blades|knives|knifes|a knife|a blade|machetes?|a machete|a gun|guns|weapons|bats|a bat|baseball bats|hammers|a hammer)`,
    ],
    guards: [String.raw`\b(?:game|film|play|fortnite|paintball|nerf)\b`],
  },
  {
    // An assault happening now, told the way police and witnesses tell it ("assault in progress ... male on the floor being kicked in the
    // head"); a match, a film or a training video is not.
    id: 'assault_in_progress', kind: 'crime_violence', category: RISK, reason: 'an assault in progress',
    patterns: [
      String.raw`(?:being|getting|is being|are being) (?:kicked|stamped on|stamped|punched|beaten|booted|hit|glassed) (?:in|on|about) (?:the|his|her|their) (?:head|face)`,
      String.raw`(?:assault|attack|stabbing|fight) in progress`,
    ],
    guards: [String.raw`\b(?:film|films|match|game|training|rugby|football|boxing|martial arts|videos?|on tv|movie|drama|scene)\b`],
  },
  {
    // A protective order broken ("he keeps turning up at night despite a non-molestation order"); how to apply for one, or one broken long
    // ago by someone now in prison, is not.
    id: 'order_breached', kind: 'domestic_abuse', category: SAFEGUARDING, reason: 'a protective order broken',
    patterns: [
      String.raw`(?:despite|breaking|breaks|broke|broken|breached|breaches|breaching|ignoring|ignores|ignored|in breach of|against) (?:a|the|her|his|my|our|their) (?:non molestation|restraining|protection|occupation|injunction|court) (?:order|orders|injunction)`,
      // Round 74: an order in place and the man still turning up or waiting ("There's a non-molestation order but he keeps turning up
      // outside the recovery cafe ... and just waits").
      ORDER_KEPT_TURNING_UP,
      // Engineer's probe after round 74: the same with the order named after ("he keeps parking outside my work even though the court
      // order says he cant, im scared").
      String.raw`(?:he|she|they|my ex|her ex|his ex)(?: still)? (?:keeps|kept|keep|is still|still|has been|been) (?:turning up|coming round|coming to|showing up|waiting|hanging around|following|parking|sitting)(?: [a-z]+){0,6} (?:even though|despite|although|when|while) (?:the |a |there is a |there s a |he has a |he s got a |she has a |i have a |i ve got a |we have a )?(?:non molestation|restraining|protection|occupation|court) (?:order|orders|injunction)`,
    ],
    guards: [String.raw`\b(?:how (?:do|can|would) (?:i|we|she|he|they) (?:apply|get)|how to (?:apply|get)|years ago|in prison|in jail|convicted)\b`],
  },
  {
    // Engineer's probe after round 75: a door broken in by a partner or an ex who says he will be back ("my boyfriend smashed the back door
    // in on saturday and says hes coming back tonight, can you fix the lock"): a repair asked for beside a threat still going on. A door
    // forced by a locksmith, the fire brigade or the police, or a joiner coming back to fix it, is not.
    id: 'door_broken_returning', kind: 'domestic_abuse', category: SAFEGUARDING, reason: 'a door broken in by someone who says he will be back',
    patterns: [
      String.raw`(?:he|she|partner|boyfriend|husband|ex|ex partner|ex husband|ex boyfriend|girlfriend|wife|ex wife|ex girlfriend)(?: [a-z]+)? (?:kicked|smashed|broke|booted|forced|put his foot through|put her foot through) (?:the |my |our )?(?:front |back |bedroom |bathroom )?(?:door|it) (?:in|down|open|through)(?: [a-z0-9]+){0,12} (?:says|said|saying|keeps saying|threatening|threatened|texted|messaged|told me|swears|swore)(?: that)? (?:hes|shes|he is|she is|he will|she will|hell|shell|he would|she would|hed|shed|he|she)(?: be)? (?:coming back|come back|back)`,
    ],
    guards: [String.raw`\b(?:locksmith|locked out|fire brigade|firefighters|paramedics|police (?:forced|broke|kicked|had to)|joiner|carpenter|to (?:fix|repair|board|measure)|years ago|in prison|in jail|locked up)\b`],
  },
  {
    // An abuser who has found where someone lives ("she had to leave ... because he found the last place").
    id: 'abuser_found_home', kind: 'domestic_abuse', category: SAFEGUARDING, reason: 'an abuser has found where someone lives',
    patterns: [
      String.raw`(?:he|she|ex|partner|husband|boyfriend|abuser)(?: [a-z]+){0,2} (?:found|tracked down|traced|turned up at|worked out) (?:the last place|(?:her|our|my|their) (?:last|new|old) (?:address|place|flat|house|home)|where (?:she|we|i|they) (?:lived|live|was living|were living|am living|is living|are living|moved to))`,
      // Round 74: an ex who keeps messaging that he knows where the writer lives ("He's out of prison next month and keeps messaging that
      // he knows where I live"): a threat told as going on.
      String.raw`(?:keeps|kept|keep|has been|have been|been|is|started) ${KNOWS_WHERE_TOLD}`,
    ],
    guards: [String.raw`\b(?:parcel|post|letters?|delivery|courier|postman|removal|sat nav|google maps)\b`],
  },
  {
    // A child under 16 with a man told as an adult ("15 yr old girl in for morning after pill ... the man waiting for her outside is 30 at
    // least"); her father or a teacher is not.
    id: 'child_with_older_man', kind: 'child_at_risk', category: SAFEGUARDING, reason: 'a child with an adult man',
    patterns: [
      String.raw`(?:1[0-5]|eleven|twelve|thirteen|fourteen|fifteen) (?:yr|yrs|year|years) old(?: [a-z0-9]+){0,20} (?:man|bloke|guy|boyfriend|fella|bf)(?: [a-z]+){0,6} (?:is |s |who is |aged |must be )?(?:(?:at least|about|around|over|in his) )?(?:[2-6][0-9](?! (?:minutes|mins|seconds|yards|metres|meters|feet|miles|quid|pounds|times))|twenty|thirty|forty|twenties|thirties|forties|much older|twice her age)`,
    ],
    guards: [String.raw`\b(?:dad|father|stepdad|step dad|uncle|grandad|grandfather|brother|teacher|coach|social worker|taxi|driver|youth worker)\b`],
  },
  {
    // Cuts seen on someone's body that are fresh or many ("i saw fresh cuts on her thighs"); brambles, a fall or shaving are not.
    id: 'self_harm_seen', kind: 'suicide_self_harm', category: RISK, reason: 'self-harm seen',
    patterns: [
      String.raw`(?:fresh|new|deep|lots of|loads of|rows of|lines of) cuts (?:on|all over|up|down|across) (?:her|his|their|my) (?:arms?|forearms?|thighs?|legs?|wrists?|stomach|tummy|body|hips?)`,
    ],
    guards: [String.raw`\b(?:shav[a-z]*|fell|fall|falling|brambles?|thorns?|cat|kitten|dog|glass|accident|bike|bmx|skate[a-z]*|climbing|rugby|football|surgery|operation)\b`],
  },
  // Round 74 (dev-124, people in recovery, and dev-125, school staff): a decision, a means or a way out told with a time, inside a
  // service question or a sober count; each family a class, pinned both ways in decision.test.ts ("round 74").
  {
    // A decision to end it already made and dated, beside not being able to go on ("I can't keep doing this, I've decided it's this
    // week"); a decision about a holiday, a move or a job named after it is not (the match must end the sentence or the message).
    id: 'decision_dated', kind: 'suicide_self_harm', category: RISK, reason: 'a decision to end it, dated',
    patterns: [
      String.raw`(?:cannot|can not|could not) (?:keep doing this|do this any ?more|go on(?: like this)?|carry on(?: like this)?|keep going|take (?:it|this|any more))(?: [a-z0-9]+){0,8} (?:i have|i|i had) (?:decided|made (?:my|the|a) decision|made up my mind)(?: (?:that|and))? (?:it is|it will be|it s|to do it|i am doing it|i will do it) (?:tonight|today|tomorrow|this week|this weekend|sunday|monday|tuesday|wednesday|thursday|friday|saturday|on [a-z]+day|next week)(?= $)`,
    ],
  },
  {
    // A means with the writer in a car, a hose or a pipe named, somewhere to be alone ("I'm in the car at the top of Beacon Hill car
    // park with a hosepipe"); a hose bought for the garden, a car wash or an allotment is not.
    id: 'hose_in_car', kind: 'suicide_self_harm', category: RISK, reason: 'in a car with a hose',
    patterns: [
      String.raw`\bi (?:am|m|have been|ve been) (?:sat |sitting |parked )?(?:in|inside) (?:the|my|a) (?:car|van)(?: [a-z0-9]+){0,10} with (?:a|the|my) (?:hose ?pipe|hose|tube|pipe)\b`,
    ],
    guards: [String.raw`\b(?:garden|gardening|allotment|wash(?:ing)? (?:the|my) car|car wash|jet ?wash|watering|plumber|plumbing|b and q|homebase|bought|buy|shop|shopping)\b`],
  },
  {
    // A railway, a bridge or the sea named as "the answer" or the way out ("the train line looks like the answer tonight"); a line or a
    // bridge as the answer to traffic or a commute is not.
    id: 'way_out_named', kind: 'suicide_self_harm', category: RISK, reason: 'a means named as the way out',
    patterns: [
      String.raw`(?:train line|train tracks?|railway(?: line| tracks?)?|the tracks|bridge|motorway|cliffs?|the sea|river|tablets|pills) (?:looks|seems|is looking|feels|is starting to look|is) like (?:the|my) (?:answer|only answer|only way out|way out|best option|only option|easy way out)(?! (?:to|for) )`,
      // Engineer's probe after round 74: a railway, a bridge or a drop that "keeps calling me" ("gambled the rent again. the bridge on the
      // ring road keeps calling me tonight"); the sea or a river calling on holiday is not read, nor calling the writer names.
      String.raw`(?:train line|train tracks?|railway(?: line| bridge| tracks?)?|the tracks|bridge|viaduct|cliffs?|cliff edge|multi storey|car park roof)(?: [a-z]+){0,4} (?:keeps|kept|keep|is|are|has been|have been|been|started|starts) calling (?:me|to me|my name)(?! names)`,
    ],
    guards: [String.raw`\b(?:traffic|congestion|commute|commuting|parking|bus|buses|timetable|fares?|tickets?|holidays?|hiking|climbing|photos?|photographs?|painting)\b`],
  },
  {
    // A named medicine stockpiled with a plan or a day ("stockpiling my pregabalin and the plan is Sunday"); a stockpile for the winter,
    // for a trip or to hand back is guarded by tablets_stockpiled's guard.
    id: 'stockpile_with_plan', kind: 'suicide_self_harm', category: RISK, reason: 'medication stockpiled, with a plan',
    patterns: [
      // Round 78: a dead person's or anyone's medicine saved up, then "before I take it" ("Saved up all of his morphine ... Just need the
      // address to send his blue badge back before I take it"); taking it back to the pharmacy is guarded.
      String.raw`(?:stockpiling|stockpiled|hoarding|hoarded|stashing|stashed|saving up|saved up|been saving|kept|keeping|collected) (?:all )?(?:of )?(?:my |her |his |their |the |mum s |dad s )?(?:[a-z]+ ){0,3}(?:pregabalin|gabapentin|methadone|diazepam|tramadol|morphine|oramorph|oxycodone|fentanyl|zopiclone|insulin|paracetamol|tablets|pills|painkillers|meds|medication|co codamol|codeine|sleeping (?:pills|tablets))(?: [a-z0-9]+){0,25} (?:before|then|and then|once|when) (?:i|i will|i ll|ill|i am going to|im going to|i m going to) (?:take|swallow|have) (?:it|them|it all|them all|the lot|all of (?:it|them))(?! (?:back|to|in|round|down|out|off|with|for)\b)`,
      String.raw`(?:stockpiling|stockpiled|hoarding|hoarded|stashing|stashed|saving up|saved up|been saving) (?:my |her |his |their |all my |all the )?(?:[a-z]+ )?(?:pregabalin|gabapentin|methadone|diazepam|sertraline|amitriptyline|tramadol|morphine|zopiclone|mirtazapine|quetiapine|insulin|paracetamol|tablets|pills|painkillers|meds|medication|co codamol|codeine|sleeping (?:pills|tablets))(?: [a-z0-9]+){0,8} (?:the plan is|plan is|planning to|going to take|for (?:sunday|monday|tuesday|wednesday|thursday|friday|saturday|tonight|the weekend)|on (?:sunday|monday|tuesday|wednesday|thursday|friday|saturday)|once|when)\b`,
    ],
    guards: [String.raw`\b(?:for (?:the )?(?:winter|flu season|christmas|holidays?|trip|travel|first aid kit)|first aid kits?|out of date|expired|dispos[a-z]*|take them back|hand them back|return them|donat[a-z]*|pharmacy (?:take|collect))\b`],
  },
  {
    // A car or a bike driven on a school field or a playground among children, the children scattering ("a car is doing doughnuts on the
    // school field at lunch, kids scattering everywhere"); tyre marks found afterwards are not.
    id: 'vehicle_among_children', kind: 'crime_violence', category: RISK, reason: 'a vehicle driven among children',
    patterns: [
      String.raw`(?:car|van|motorbike|moped|quad|quad bike|vehicle|driver|bike|scrambler)s?(?: [a-z]+){0,2} (?:is |are |s )?(?:doing doughnuts|doing donuts|doughnutting|driving|racing|speeding|skidding|wheel ?spinning|revving)(?: [a-z]+){0,2} (?:on|across|around|round|through|onto|into) (?:the |our )?(?:school |nursery |playing )?(?:field|playground|yard|playing field|pitch|grass)(?: [a-z0-9]+){0,8} (?:kids|children|pupils|toddlers|people)(?: are)? (?:scattering|running|screaming|diving|jumping|fleeing)`,
    ],
  },
  {
    // Round 76: a bridge, a railway, a cliff or a car park roof named, then the writer going there now and "done with it" ("The bridge
    // over the bypass is 5 min walk. Heading there now, done with it"); going there to take a photo or to report it is not (no "done").
    id: 'heading_to_means', kind: 'suicide_self_harm', category: RISK, reason: 'going now to a bridge or a drop, done with it',
    patterns: [
      String.raw`(?:bridge|flyover|viaduct|cliffs?|cliff edge|cliff top|railway(?: line| bridge| tracks?)?|train line|train tracks?|the tracks|level crossing|multi storey|car park roof|top of the car park|quarry|reservoir|weir)(?: [a-z0-9]+){0,14} (?:heading|going|walking|driving|off|on my way|setting off|getting the bus) (?:up |down |over |out )?(?:there|to it|to the [a-z]+)(?: [a-z]+){0,2} (?:now|right now|tonight)(?: [a-z]+){0,3} (?:done|finished|had enough|i am done|i m done|im done)(?: with (?:it|this|everything|it all|all of it|all this|life|the lot))?(?= $| (?:now|goodbye|bye|for good|x+|sorry))`,
    ],
    guards: [String.raw`\b(?:photos?|pictures?|a look|check|inspect|report|survey|walk the dog|dog walk|shopping|work|fishing|running|run|jog|training)\b`],
  },
  {
    // Round 76: gas turned on and not lit, and on now ("my mum keeps turning the gas on without lighting it since her memory went its on
    // now and the kitchen reeks"); a hob capped or turned off at the meter since, or told as past, is not.
    id: 'gas_on_unlit', kind: 'fire_gas_co', category: RISK, reason: 'gas turned on unlit, on now',
    patterns: [
      String.raw`(?:turn|turns|turned|turning|leave|leaves|left|leaving|put|puts|putting|switch|switches|switched|switching) (?:the )?(?:gas|hob|cooker|oven|rings?|burners?|gas fire|fire)(?: [a-z]+){0,2} on (?:without (?:lighting|igniting|a flame)|unlit|and not (?:lit|lighting)|but not (?:lit|lighting)|and (?:does not|doesnt|did not|forgets? to|forgot to) (?:light|ignite) it)(?: [a-z0-9]+){0,14} (?:it is on now|it s on now|its on now|on now|right now|reeks|stinks|smells|smell of gas|smelling of gas|full of gas)`,
    ],
    guards: [String.raw`\b(?:capped|isolated|(?:turned|switched) off at the (?:meter|mains|valve)|cut off|disconnected|safety valve|gas stop|used to|last (?:year|month|week)|years ago|months ago)\b`],
  },
  {
    // Round 76: someone who cannot manage alone (the toilet, getting up, eating) and nobody in for days ("She can't get to the toilet by
    // herself and nobody has been in since Tuesday"); nobody in to fit or fix something is not.
    id: 'cared_for_left_alone', kind: 'adult_at_risk', category: SAFEGUARDING, reason: 'someone who cannot manage alone, nobody in for days',
    patterns: [
      String.raw`(?:cannot|can not|could not|unable to|is not able to|isnt able to) (?:get to the (?:toilet|loo|bathroom)|go to the (?:toilet|loo)|get (?:up|out of bed|out of (?:her|his|the) (?:chair|bed))|get (?:herself|himself) up|feed (?:herself|himself)|eat (?:by|on) (?:her|his) own|wash (?:herself|himself)|take (?:her|his) (?:tablets|medication|meds) (?:by|on) (?:her|his) own|walk|stand)(?: (?:by (?:herself|himself)|on (?:her|his) own|alone|unaided))?(?: [a-z0-9]+){0,6} (?:nobody|no one|noone|no carers?|no carer|the carers? (?:has|have) not|the carers? (?:hasnt|havent)) (?:has |have |s )?(?:been in|been round|been to see (?:her|him)|come in|came in|come round|came round|visited|been)(?: to (?:see|check on|help) (?:her|him))? (?:since (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|last [a-z]+|the weekend)|for (?:two|three|four|five|six|several|a few|a couple of|[0-9]+) days|in days)`,
    ],
    guards: [String.raw`\bto (?:fix|fit|repair|assess|quote|measure|install|deliver|service)\b`],
  },
];

/**
 * Families for text in Arabic script, which `normaliseForSafety` (a-z only) cannot keep: tested
 * on the raw text, unanchored (Arabic joins "and", "the" and pronouns to the word). Kept short:
 * the clearest words for each kind; refined by `who` (husband → domestic abuse, children → child).
 */
export interface ScriptFamily {
  id: string;
  category: SafetyHit['category'];
  kind: SafetyHit['kind'];
  reason: string;
  re: RegExp;
  who?: Array<[RegExp, SafetyHit['kind']]>;
  /** Round 26: spans removed before `re` is tried (hyperbole: "this robot will kill me with anger"). */
  unless?: RegExp;
}

const AR_HUSBAND: [RegExp, SafetyHit['kind']] = [/زوجي|طليقي|خطيبي|زوجها/u, 'domestic_abuse'];
// Round 26: a neighbour's son ("ابن جاري") and school ("المدرسة").
const AR_CHILD: [RegExp, SafetyHit['kind']] = [/أطفال|اطفال|الطفل|طفل|ابني|ابنتي|الأولاد|الاولاد|ابن |المدرسة/u, 'child_at_risk'];
const AR_OLDER: [RegExp, SafetyHit['kind']] = [/مسن|كبير في السن|كبيرة في السن|عجوز|والدتي|والدي|جدتي|جدي/u, 'adult_at_risk'];

export const SCRIPT_FAMILIES: ScriptFamily[] = [
  {
    id: 'arabic_suicide', category: RISK, kind: 'suicide_self_harm', reason: 'risk to life (Arabic)',
    // Round 55: no reason left to live ("ما عاد عندي سبب أعيش").
    // Round 56 (Urdu, the same script): he will jump from the bridge or the roof ("وہ آج رات پل سے چھلانگ لگا دے گا"); not children jumping
    // from a bridge to swim ("چھلانگ لگا کر تیرتے ہیں").
    re: /(?:پل|چھت|عمارت|بلڈنگ) سے چھلانگ (?:لگا دے گا|لگا دے گی|لگا دوں گا|لگا دوں گی|لگانے والا|لگانے والی)|انتحار|أنتحر|انتحر|أقتل نفسي|اقتل نفسي|أنهي حياتي|انهي حياتي|لا أريد أن أعيش|لا اريد ان اعيش|أريد أن أموت|اريد ان اموت|(?:ما عاد عندي|ما عندي|ليس لدي|ماعندي|لم يعد لدي) (?:أي )?سبب (?:أعيش|اعيش|للعيش|لأعيش|للحياة)(?! (?:هنا|هناك|في|بهذه|بهذا|بهالمدينة|بالمدينة|بالبلد))/u,
  },
  {
    id: 'arabic_fire', category: RISK, kind: 'fire_gas_co', reason: 'fire or gas danger (Arabic)',
    // Round 14: "smoke" in the name of a smoke alarm (إنذار الدخان) is no smoke; an alarm sounding alone is left to the unreadable-script question.
    // Round 23: a gas smell denied ("ليست رائحة غاز", it is not a gas smell; "لا توجد رائحة غاز") is no gas.
    re: /(?<!(?:ليست|ليس|لا توجد|لا يوجد|مش|بدون|ما في) )(?:رائحة غاز|ريحة غاز|رائحة الغاز)|تسرب غاز|تسرب الغاز|حريق|النار في|(?<!إنذار ال|انذار ال|كاشف ال)دخان|تشتعل|مشتعل/u,
    // Round 65: a leak told for last week and fixed ("كان هناك تسرب غاز ... الأسبوع الماضي وقد أصلحته شركة الغاز"), removed first; a leak now still hits.
    unless: /(?:تسرب غاز|تسرب الغاز)[^.!?؟]{0,60}(?:الأسبوع الماضي|الاسبوع الماضي|الشهر الماضي|أمس|امس)[^.!?؟]{0,40}(?:أصلح|اصلح|تم إصلاح|تم اصلاح)[\u0600-\u06FF]*/gu,
  },
  {
    id: 'arabic_danger', category: RISK, kind: 'danger_now', reason: 'someone in danger now (Arabic)',
    re: /يغرق|(?<!يست|تست|است|ست)غرق|سقط في الماء|سقط في النهر|لا يتنفس|لا تتنفس|فاقد الوعي|فاقدة الوعي|لم أره منذ|لم اره منذ|لم أرها منذ|لم ارها منذ|لا يتحرك|لا تتحرك/u,
  },
  {
    id: 'arabic_violence', category: RISK, kind: 'crime_violence', reason: 'weapon or threat (Arabic)',
    // Round 56: stones thrown at my window and they are trying to open the door ("يرمون حجارة على نافذتي الآن ويحاولون فتح الباب").
    re: /يرمون (?:ال)?حجارة على (?:نافذتي|بيتي|الباب|بابي|شباكي|نوافذنا|بيتنا)|يحاولون (?:فتح|كسر|خلع) (?:الباب|بابي|النافذة|بابنا)|سكين|مسدس|سلاح|يهددني|يهددنا|سيقتلني|يريد قتلي|يضربون|يطعن|طعن|ينزف|تنزف|يخطف|خطف/u,
    who: [AR_HUSBAND, AR_CHILD],
    // Round 26: a thing or a feeling that "will kill me" (the robot, the website, the bills; "from anger", "from waiting"): hyperbole.
    unless: /(?:البرنامج|برنامج|الروبوت|روبوت|البوت|بوت|الموقع|موقع|النظام|التطبيق|الخدمة|الانتظار|الفواتير|الفاتورة|الضرائب|الضريبة|الإيجار|الايجار|الشات|المحادثة|هذا الشيء|الكمبيوتر|الإزعاج|الازعاج|إزعاج|ازعاج|الضجيج|ضجيج|الضوضاء|ضوضاء|الغرامة|غرامة|المخالفة|مخالفة|الديون|قائمة الانتظار|الألم|الالم|الوجع|الحر|البرد)(?:\s+\S+){0,2}\s+(?:سيقتلني|سيقتلنا|يقتلني|يقتلنا)|(?:سيقتلني|سيقتلنا|يقتلني|يقتلنا)\s+(?:من\s+)?(?:ال)?(?:غضب|ضحك|قهر|ملل|انتظار|تعب|زهق|غيظ|جوع|حر|برد|إزعاج|ازعاج|الإزعاج|الازعاج|ضجيج|الضجيج|صوت|الصوت)(?=[^.!?؟]{0,3}[،,]?\s*(?:طبعا|طبعاً|أكيد|اكيد)?\s*(?:كان\s+)?(?:يمزح|تمزح|يمزحون|بيمزح|مزح|مزحة|بالمزاح))/gu,
  },
  {
    id: 'arabic_abuse', category: SAFEGUARDING, kind: 'domestic_abuse', reason: 'abuse or neglect (Arabic)',
    // Round 26: a boy beaten ("يضربه بالحزام", his father hits him with the belt) and bruises (كدمات).
    // Round 55: a named child or wife beaten ("جاري يضرب ابنه الصغير", my neighbour hits his little son).
    re: /يضرب (?:ابنه|ابنها|ابنته|بنته|بنتها|أولاده|اولاده|أطفاله|اطفاله|زوجته|الطفل|الولد)|يضربني|يضربها|يضربهم|يضربه|تضربه|يضرب الأطفال|تضربني|كدمات|وحدهم في|بمفردهم|يصرخ عليها|يصرخ عليه|بدون طعام|بلا طعام|يأخذ كل راتبي|يأخذ راتبي|يأخذ معاشها|يأخذ معاشه/u,
    who: [AR_OLDER, AR_HUSBAND, AR_CHILD],
  },
  // Round 26: the clearest words of a fire burning now, a knife or a threat to kill, beating, and someone fallen in water, in Urdu
  // (Arabic script), Bengali, Punjabi (Gurmukhi) and Chinese: asked before as unreadable, whatever they said.
  {
    id: 'script_fire', category: RISK, kind: 'fire_gas_co', reason: 'fire or gas danger (Urdu, Bengali, Punjabi or Chinese)',
    // A fire told in the past ("去年着火了", it caught fire last year).
    unless: /(?:去年|前年|上个月|上周|上星期|昨天|以前|几年前)[^。，,！!？?]*?(?:着火了|失火了|起火了)/gu,
    // Round 56 (Punjabi): a strong smell of gas ("ਗੈਸ ਦੀ ਬਹੁਤ ਤੇਜ਼ ਬੋ ਆ ਰਹੀ ਹੈ"); not a gas bill ("ਗੈਸ ਦਾ ਬਿੱਲ").
    re: /ਗੈਸ ਦੀ (?:ਬਹੁਤ )?(?:ਤੇਜ਼ )?(?:ਬੋ|ਬਦਬੂ|ਗੰਧ|ਮਹਿਕ)|آگ لگ (?:گئی|گیا|رہی)(?! تھی| تھا)|دھواں بھر|گیس کی بو(?![\u0600-\u06FF])|آগুন লেগেছে|আগুন লেগে গেছে|ধোঁয়ায় ভরে|গ্যাসের গন্ধ|ਅੱਗ ਲੱਗੀ|ਅੱਗ ਲੱਗ ਗਈ|ਧੂੰਆਂ ਭਰ|着火了|失火了|起火了|浓烟|煤气味|燃气泄漏|煤气泄漏/u,
  },
  {
    id: 'script_violence', category: RISK, kind: 'crime_violence', reason: 'weapon or threat (Urdu, Bengali, Punjabi or Chinese)',
    // Round 30: a debt, a tax, a bill, the rent or the work that "will kill me" (یہ قرض تو مجھے مار ڈالے گا): hyperbole, removed first.
    // Round 70: also "one day they'll kill someone" (کسی دن کسی کو مار دیں گے, একদিন কাউকে মেরে ফেলবে) of a nuisance: a fear of an accident,
    // nobody named or threatened.
    unless: /(?:کسی دن|ایک دن|একদিন|ਕਿਸੇ ਦਿਨ)[^۔.!?؟।]{0,20}?(?:کسی کو|কাউকে|ਕਿਸੇ ਨੂੰ) (?:مار دے گا|مار دیں گے|مار ڈالے گا|مار ڈالیں گے|মেরে ফেলবে|ਮਾਰ ਦੇਵੇਗਾ|ਮਾਰ ਦੇਣਗੇ)|(?:قرض|قرضہ|ٹیکس|بل|بلوں|کرایہ|کرائے|مہنگائی|کام|گرمی|سردی|انتظار|ঋণ|ট্যাক্স|বিল|ভাড়া|ਕਰਜ਼ਾ|ਟੈਕਸ|ਬਿੱਲ|ਕਿਰਾਇਆ|جرمانہ|جرمانے|چالان|ٹکٹ|شور|জরিমানা|টিকিট|আওয়াজ|ਜੁਰਮਾਨਾ|ਜੁਰਮਾਨੇ|ਚਲਾਨ|ਟਿਕਟ|ਰੌਲਾ|ਸ਼ੋਰ|ਕੰਮ|ਉਡੀਕ)[^۔.!?؟।]{0,20}?(?:مار ڈالے گا|مار دے گا|مار دیں گے|মেরে ফেলবে|ਮਾਰ ਦੇਵੇਗਾ)/gu,
    // Round 55: a knife in their hands ("ਉਹਨਾਂ ਕੋਲ ਚਾਕੂ ਹੈ"), a brother or a son being beaten now ("ਮੇਰੇ ਭਰਾ ਨੂੰ ਮਾਰ ਰਹੇ ਹਨ"), a window broken to get in
    // ("کھڑکی توڑ کر ... گھس آیا"); not "I have a knife sharpener" nor mosquitoes "killing me".
    // A knife or a gun held or used ("ছুরি দিয়ে", with a knife; "چھری لے کر", carrying a knife), never one found lying ("পুরনো ছুরি ... ফেলে গেছে").
    re: /(?:چھری|چاقو|بندوق|پستول) (?:سے|لے|لیے|لئے|دکھا|نکال|تان)|ہاتھ میں (?:چھری|چاقو|بندوق|پستول)|مار دے گا|مار دیں گے|مار ڈالے گا|جان سے مار|(?:ছুরি|বন্দুক|চাকু) (?:দিয়ে|নিয়ে|হাতে|দেখিয়ে|ধরে)|হাতে (?:ছুরি|বন্দুক|চাকু)|মেরে ফেলবে|ਚਾਕੂ (?:ਨਾਲ|ਲੈ|ਫੜ)|(?:ਉਹਨਾਂ|ਓਹਨਾਂ|ਉਸ|ਉਹਦੇ|ਉਸਦੇ|ਉਸ ਦੇ) ਕੋਲ ਚਾਕੂ|(?:ਭਰਾ|ਪੁੱਤ|ਪੁੱਤਰ|ਬੇਟੇ|ਪਿਤਾ|ਪਿਓ|ਪਤੀ|ਭੈਣ|ਦੋਸਤ|ਮੁੰਡੇ|ਕੁੜੀ|ਬੱਚੇ) ਨੂੰ ਮਾਰ ਰਹੇ|ਮਾਰ ਦੇਵੇਗਾ|توڑ کر(?: \S+){0,4} (?:گھس آیا|گھس آئے|گھس گیا|گھس گئے)|拿着刀|拿刀|持刀|持枪|拿着枪|要杀|砍人/u,
    who: [[/شوہر|স্বামী|ਪਤੀ|丈夫|老公/u, 'domestic_abuse']],
  },
  {
    id: 'script_abuse', category: SAFEGUARDING, kind: 'domestic_abuse', reason: 'abuse or neglect (Urdu, Bengali, Punjabi or Chinese)',
    // Round 55: they hit me, told of more than one ("ਮੈਨੂੰ ਮਾਰਦੇ ਨੇ", my husband and mother-in-law hit me).
    // Round 56: a father who beats her every day (Bengali "ওর বাবা প্রতিদিন মারে"; not "বাবা মশা মারে", killing mosquitoes), a child not
    // fed and kept locked in a room (Urdu "کھانا نہیں دیتے اور کمرے میں بند رکھتے ہیں").
    re: /(?:বাবা|মা|সৎবাবা|সৎমা) (?:প্রতিদিন |রোজ |সবসময় )?মারে|کھانا نہیں (?:دیتے|دیتی|دیتا)[^۔]{0,30}(?:بند رکھتے|بند رکھتی|بند رکھتا|بند کر)|مجھے مارتا|مجھے مارتی|مارتا ہے|مارپیٹ|মারধর|আমাকে মারে|তালা দিয়ে রাখে|ਮੈਨੂੰ ਮਾਰਦਾ|ਮੈਨੂੰ ਮਾਰਦੇ|ਮੈਨੂੰ ਮਾਰਦੀ|殴打|家暴|虐待|拿走了他的养老金|拿走了她的养老金/u,
    // Round 60: a husband who hits the writer ("میرا شوہر مجھے مارتا ہے ... میرے بچوں کے سامنے", in front of my children) is domestic
    // abuse first: the children are there, the harm told is to the writer. Kind only.
    who: [[/(?:شوہر|ਪਤੀ|ਘਰਵਾਲਾ|স্বামী|丈夫|老公)[^۔.!?]{0,12}(?:مجھے|ਮੈਨੂੰ|আমাকে|我)/u, 'domestic_abuse'], [/بزرگ|دادی|نانی|দাদি|নানি|খালা|ডিমেনশিয়া|老人|奶奶|爷爷|轮椅|养老金/u, 'adult_at_risk'], [/بچوں|بچے|بچی|বাচ্চা|মেয়ে|ছেলে|শিশু|স্কুল|ਬੱਚ|孩子|儿子|女儿/u, 'child_at_risk']],
  },
  // Round 40: Cyrillic (Bulgarian, Russian, Ukrainian), which the normaliser drops: a caravan, a home or a car burning, people inside a
  // fire; passports taken by an employer or a foreman. Not a light that "горит" (is on), streetlights that "не горят", a fire alarm
  // ("пожарната аларма") or a fire denied ("няма пожар").
  {
    id: 'cyrillic_fire', category: RISK, kind: 'fire_gas_co', reason: 'fire or gas danger (Bulgarian, Russian or Ukrainian)',
    // Round 56 (Ukrainian): a fire with smoke coming to us ("У квартирі сусіда пожежа, дим іде до нас"); not a fire that was
    // ("пожежа була"), nor a fire alarm ("пожежна").
    re: /дим (?:іде|йде|валить|заходить|повзе) (?:до нас|до мене|в квартиру|у квартиру|в кімнату|під двері)|пожежа(?! (?:була|сталася|трапилася))[^.!?]{0,40}дим|(?:фургон|каравана|караван|къща|къщата|апартамент|апартаментът|блок|блокът|сграда|сградата|дом|домът|квартира|будинок|хата|машина|колата|кола|кухня|кухнята)\S*[\s,]+(?:гори|горит|горить|е в пламъци|в огне|в огні|пылает|палає)(?![а-яёіїєґ])|(?<!(?:няма|нет|немає|без|не е|не было|не було|никакого|ніякої) )(?<![а-яёіїєґ])пожар(?![а-яёіїєґ])|(?<![а-яёіїєґ])(?:гори|горит|горить)[^.!?]{0,30}(?:вътре|внутри|всередині)|(?:мирише|пахне|пахнет) на газ|(?:запах|мирис|миризма) (?:на )?газ|(?:изтичане|утечка|витік) (?:на )?газ/iu,
  },
  {
    id: 'cyrillic_exploitation', category: SAFEGUARDING, kind: 'adult_at_risk', reason: 'passports or wages taken (Bulgarian, Russian or Ukrainian)',
    re: /(?:взе|взеха|прибра|прибраха|забра|забраха|отне|отнеха|забрал|забрали|отобрал|отобрали|отнял|отняли|забрав|забрали|відібрав|відібрали)(?:\s+\S+){0,3}\s+(?:паспорт|паспорти|паспортите|паспорта|паспорты|документи|документите|документы)/iu,
  },
  {
    id: 'script_danger', category: RISK, kind: 'danger_now', reason: 'someone in danger now (Urdu, Bengali, Punjabi or Chinese)',
    // Round 55: bleeding from the head, not breathing, unconscious (Punjabi).
    re: /نہر میں گر|دریا میں گر|(?<!(?:کریڈٹ|قرض|کرایہ|پیسے|پیسوں|بینیفٹ|تنخواہ|پنشن|ادھار|بلوں)[^]*)(?:ڈوب رہا|ڈوب رہی)(?![^]*(?:کریڈٹ|قرض|کرایہ|پیسے|پیسوں|بینیفٹ|تنخواہ|پنشن|ادھار|بلوں))|سانس نہیں لے|নদীতে পড়ে|ডুবে যাচ্ছে|শ্বাস নিচ্ছে না|ਡੁੱਬ ਰਿਹਾ|ਸਿਰ (?:ਵਿੱਚੋਂ|ਚੋਂ|ਤੋਂ|ਵਿਚੋਂ) ਖੂਨ|ਸਾਹ ਨਹੀਂ ਲੈ|ਬੇਹੋਸ਼|掉进河|掉进水|溺水|没有呼吸|昏迷/u,
  },  // Round 55: the clearest words of someone down and not responding or not breathing, and of a person being beaten now, in Ukrainian
  // and Russian: a person lying on the floor and not answering, unconscious; a man beating a girl, a woman or a child. Not a thing that
  // "lies on the floor", nor a council that "does not answer".
  {
    id: 'cyrillic_danger', category: RISK, kind: 'danger_now', reason: 'someone in danger now (Russian or Ukrainian)',
    // Engineer's probe after round 55: unconscious in the past ("був без свідомості минулого року") and not breathing through the
    // nose ("не дихає через ніс", a note for school) are no danger now.
    // Round 56 (Ukrainian): someone fallen, bleeding from the head and not answering ("Сусід впав зі сходів, у нього кров з голови і він
    // не відповідає"); not a website that is down ("сайт впав").
    re: /(?:він|вона|сусід|сусідка|чоловік|дружина|дитина|син|донька)[^.!?]{0,20}впа(?:в|ла)[^]{0,80}(?:не (?:відповідає|рухається|дихає)|кров з голови)|(?:лежить|лежит) на (?:підлозі|полу|землі|земле)[^.!?]{0,40}не (?:відповідає|відповідає|отвечает|рухається|двигается|дихає|дышит)|не (?:дихає|дышит)(?![а-яёіїєґ])(?! (?:через (?:ніс|нос|рот)|носом|ротом))|(?<!(?:був|була|було|был|была|было|буває|бывает) )без (?:свідомості|сознания)(?![^.!?]{0,40}(?:минулого|прошлого|торік|тому|назад|в прошлом|у минулому))/iu,
  },
  {
    id: 'cyrillic_violence', category: RISK, kind: 'crime_violence', reason: 'someone being beaten (Russian or Ukrainian)',
    re: /(?<![а-яёіїєґ])(?:б['’ʼ]є|бʼє|бьёт|бьет)(?: \S+){0,1} (?:дівчину|жінку|дитину|її|мене|нас|його|хлопця|сина|доньку|дочку|девушку|женщину|ребёнка|ребенка|её|ее|меня|его)(?![а-яёіїєґ])/iu,
    who: [[/(?:чоловік|муж)(?! якийсь| какой)(?:[^а-яёіїєґ]|$)[^.!?]{0,20}(?:мене|меня)/iu, 'domestic_abuse'], [/дитину|ребёнка|ребенка|сина|доньку|дочку/iu, 'child_at_risk']],
  },
];
