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
  reason: string;
  patterns: string[];
  /** Tested on the text around a match (about 50 characters each side): a hit cancels it. */
  guards?: string[];
  /** Tested on the few words just before a match: "i am not suicidal", "would never kill myself". */
  negated?: boolean;
}

/** Up to n more words, e.g. "kids" + GAP(3) + " left". */
const GAP = (n: number) => `(?: [a-z0-9]+){0,${n}}`;
const any = (...alts: string[]) => `(?:${alts.join('|')})`;

// People, as subjects and objects.
const RELATIVE = any('partner', 'husband', 'wife', 'boyfriend', 'girlfriend', 'ex', 'ex partner', 'ex husband', 'ex wife',
  'fiance', 'fiancee', 'dad', 'father', 'stepdad', 'stepfather', 'step dad', 'mum', 'mother', 'stepmum', 'mam', 'son', 'daughter',
  'brother', 'sister', 'uncle', 'carer', 'grandad', 'nan', 'gran', 'grandma', 'lodger');
const CHILD = any('child', 'children', 'kid', 'kids', 'baby', 'babies', 'toddler', 'toddlers', 'little one', 'little ones',
  'infant', '[0-9]+ year old', '(?:little|youngest|eldest|oldest) (?:one|boy|girl|son|daughter)', 'son', 'daughter', 'stepson', 'stepdaughter', 'boy', 'girl', 'boys', 'girls', 'teenager', 'grandchildren', 'grandson', 'granddaughter');
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
  'hammer', 'baseball bat', 'cricket bat', 'pistol', 'rifle', 'meat cleaver', 'cleaver', 'screwdriver');
const MORE = any('any more', 'no more', 'like this', 'living', 'with life', 'with my life', 'with this', 'much longer');
// Council topics: frustration about these is not a cry for help.
const SERVICE_FRUSTRATION = String.raw`\b(?:bins?|collections?|collected|emptied|bin men|binmen|council tax|parking|tickets?|website|app|online form|phone line|on hold|queue|waiting list|potholes?|planning|permit|repairs? team)\b`;
const PAST_AND_OVER = String.raw`\b(?:last (?:night|week|month|year)|yesterday|ago|the other (?:day|night)|earlier this (?:week|month))\b`;

const RISK = 'safety.risk_to_life' as const;
const SAFEGUARDING = 'safety.safeguarding_concern' as const;

/** Families that mean risk to life come first: rule 1 and 2 of the catalogue (immediate threat wins). */
export const FAMILIES: PatternFamily[] = [
  // --- risk to life: suicide and self-harm ----------------------------------------------------
  {
    // Naming suicide or killing oneself directly, for oneself or someone else.
    id: 'suicide_direct', category: RISK, reason: 'mentions suicide', negated: true,
    patterns: [
      'suicide', 'suicidal', 'take my(?: own)? life', 'taking my(?: own)? life', 'end(?:ing)? my(?: own)? life', 'kill(?:ing)? myself',
      'killed myself', 'top(?:ping)? myself', 'off myself', 'end(?:ing)? it all', 'end(?:ing)? everything', 'hang(?:ing)? myself', 'gas myself',
      'wish i (?:was|were|would be) dead', 'wish i (?:was|were|had) never (?:born|been born)', 'wish i (?:was|were) not (?:alive|here|born)',
      'better off dead', 'might as well be dead', 'may as well be dead', 'want(?:ed|s)? to be dead', 'kill(?:ing|ed)? (?:himself|herself|themselves|themself)',
      'end(?:ing)? (?:his|her|their)(?: own)? life', 'take (?:his|her|their)(?: own)? life', 'hang(?:ing)? (?:himself|herself|themselves)',
      'do not (?:really |even |just )?want to be (?:here|around) any more(?! (?:in|at|on|near|with|round) )',
      'do not (?:really |even |just )?want to (?:be alive|exist|live)(?: any more)?(?! (?:here|there|in|at|with|near|next|on|round|around|opposite|by|beside|like))',
      'no longer want to (?:be alive|live|exist)(?! (?:here|there|in|at|with|near|next|on))',
    ],
    guards: ['suicide (?:prevention|awareness) (?:training|week|day|course|event)', 'suicide squad'],
  },
  {
    // Wanting to die, in many words: the indirect ways people say it.
    id: 'wish_to_die', category: RISK, reason: 'says they want to die or cannot go on', negated: true,
    patterns: [
      `(?:want|wants|wanted|wanting|wish|going|ready|deserve|deserves|need|trying|tried|planning|plan|about|like) to die`,
      'i(?: just| really| honestly)? (?:want|wanna) die', 'i am going to die(?: tonight| today| soon)',
      `(?:going|want|ready|plan|planning|about|decided|time) to end it(?= (?:all|now|tonight|today|here|soon) | $)`,
      'end it tonight', 'ending it tonight',
      '(?:feel like|feeling like|thinking of|thinking about|thought about|think about|considering|keep thinking about) (?:ending it|ending things|ending everything|not being here|not being alive|disappearing for good)',
      '(?:had enough of|tired of|sick of|done with|finished with) (?:life|living|being alive|this life)', 'i am done with (?:it all|everything)',
      `(?:do not|cannot|can not) see (?:the|any) point (?:in|of) (?:anything|living|life|going on|carrying on|being here|being alive|me being here)`,
      'see no point (?:in|to) (?:anything|living|life|going on|carrying on|being here|being alive)',
      '(?:want|wanted|wish i could|going) to disappear (?:forever|for good|and never come back)',
      // Preparing a method.
      '(?:stockpiling|saving up|hoarding|collecting) (?:my |the |all my )?(?:pills|tablets|meds|medication|painkillers)',
      '(?:bought|got|have|found|tied) (?:a )?(?:rope|noose)(?: ready| to| for myself)?', 'noose', 'rope (?:ready|round my neck|around my neck)',
      '(?:locked|shut|barricaded) (?:herself|himself|themselves|myself) in(?: [a-z]+){0,4} (?:with|and has|and took|and taken) (?:pills|tablets|a knife|knives|a rope|razors?|blades|his meds|her meds)',
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
  },
  {
    // "I can't go on", "can't take it any more": despair. When the same sentence is about a
    // service ("can't take it any more, third missed bin") it is frustration, not risk.
    id: 'cannot_go_on', category: RISK, reason: 'says they cannot go on', negated: true,
    patterns: [
      `i${GAP(2)} (?:cannot|can not) (?:go on|carry on|keep going)(?! (?:the|a|an|your|their|my|to|at|in|with the|paying|holiday|line|online|monday|tuesday|wednesday|thursday|friday|saturday|sunday|that|this|it|there|waiting|like this with))`,
      `(?<=^ )(?:cannot|can not) (?:go on|carry on|keep going)(?= ${MORE}| $)`,
      `(?:cannot|can not) (?:go on|carry on|keep going|keep living)(?= ${MORE})`,
      `(?:cannot|can not) (?:do this|take it|take this|cope|handle it|handle this|live like this|live with this|bear it|bear this)(?: [a-z]+){0,2} (?:any more|no more)`,
      '(?:cannot|can not) cope with (?:life|living|anything|everything) any more', 'at the end of my (?:tether|rope)(?! with)',
      'it is all (?:too much|getting too much)', '(?:want|need|wish|just want) (?:it all|everything|all of it|the pain|the thoughts|the voices) to (?:stop|end|go away)',
    ],
    guards: [SERVICE_FRUSTRATION],
  },
  {
    // Self-harm, for oneself or someone else; accidents ("hurt myself on a pothole") are guarded.
    id: 'self_harm', category: RISK, reason: 'self-harm', negated: true,
    patterns: [
      'self harm(?:ing|ed|er)?', 'harm(?:ing)? myself',
      `(?:cut|cutting|burn|burning|hurt|hurting|harm|harming|starve|starving|punish|punishing|scratch|scratching) (?:myself|himself|herself|themselves)`,
      '(?:slit|slitting|cut|cutting|slash|slashing) (?:my|his|her|their) (?:wrists?|arms|legs|thighs)',
    ],
    guards: [
      String.raw`(?:myself|himself|herself|themselves) (?:on|when|while|whilst|with the|tripping|falling|slipping|at work|at the|in the|getting|lifting|moving|carrying|trying|doing|opening|shaving|cooking|gardening|cutting the|walking|climbing|from)\b`,
      String.raw`\b(?:tripped|fell|slipped|accident|pothole|pavement|paving|kerb|broken glass|glass)\b`,
    ],
  },
  {
    // Overdose: "taken all my tablets"; ordinary medication talk ("taken my tablets") is not.
    id: 'overdose', category: RISK, reason: 'possible overdose',
    patterns: [
      'overdose(?:d|s)?', 'overdosing',
      `(?:taken|took|swallowed|take|taking|going to take|had|necked|downed) (?:all|a whole|the whole|a load of|loads of|lots of|too many|a packet of|a bottle of|a box of|a handful of|handfuls of|all of|a lot of|two packets of|packets of|boxes of)(?: (?:packet|packets|bottle|bottles|box|boxes|strip|strips|tub|load))?(?: of)?(?: my| the| his| her| their| me)? (?:tablets|pills|meds|medication|medicine|paracetamol|painkillers|sleeping (?:pills|tablets)|antidepressants|insulin|co codamol|codeine|ibuprofen|aspirin)`,
      `(?:taken|took|swallowed) (?:[0-9]+|twenty|thirty|forty|fifty|loads|lots|dozens)(?: of)?(?: my| the)? (?:tablets|pills|paracetamol|painkillers)`,
    ],
    guards: ['overdose awareness'],
  },
  {
    // Jumping from a height or in front of traffic; "jump in the car" is guarded by the lookahead.
    id: 'jump', category: RISK, reason: 'talks of jumping',
    patterns: [
      `(?:going|about|want|wanted|ready|plan|planning|thinking of|thinking about|try|trying|gonna|decided) (?:to )?jump(?! (?:in|into|on|onto|at|the queue|through|ship|straight|back|ahead|up|over|around|out of bed))`,
      '(?:jump|jumping|throw myself|throwing myself) (?:off|from) (?:a |the |this |that )?(?:bridge|cliff|cliffs|roof|building|balcony|pier|car park|multi storey|flyover|tower|window|top)',
      '(?:jump|jumping|step|stepping|throw myself|throwing myself|lie|lying|walk|walking) (?:in front of|under) (?:a |the )?(?:train|bus|lorry|car|traffic|truck)',
      `(?:standing|stood|sitting|sat|i am) on (?:the |a )?(?:edge|ledge) of (?:the |a )?(?:bridge|cliff|roof|building|car park|multi storey)`,
      `(?:i am|standing|stood|sitting|sat) on (?:the |a )?(?:bridge|roof)(?: now| right now)`,
      `(?:standing|stood|sitting|sat|i am|on|at) (?:on )?(?:the |a )?(?:cliff edge|edge of the cliff|edge of the bridge|railway line|train tracks|railway tracks|roof edge|edge of the roof)`,
    ],
  },
  // --- risk to life: someone in danger now ------------------------------------------------------
  {
    // A weapon, or a threat to kill: immediate danger (rule 2: domestic abuse with an immediate threat).
    id: 'weapon_or_threat_to_kill', category: RISK, reason: 'weapon or threat to kill',
    patterns: [
      `(?:with|has|got|holding|waving|carrying|pulled|pulling|brandishing|pointing|wielding|threatening me with|came at me with) (?:a |an |his |her |their |the )?${WEAPON}`,
      `${WEAPON} (?:to|at|against) (?:my|his|her|our|their|me|him|her|us)`,
      `(?:threaten|threatens|threatening|threatened|trying to|tried to|try to) (?:to )?(?:kill|murder|stab|shoot|strangle|burn) ${VICTIM}`,
      `(?:he|she|they|someone|somebody|${RELATIVE}|the man|a man|my neighbour|he is|she is|they are)(?: really| actually| definitely)? (?:going to|will|would|wants to|want to|is going to|are going to) (?:kill|murder|stab|shoot|strangle) ${VICTIM}`,
      `(?:said|says|keeps saying|swears|swore|told me|threatened)(?: that)? (?:he|she|they)(?: is| are)? (?:would|will|is going to|was going to|going to) (?:kill|murder|stab|shoot|strangle) ${VICTIM}`,
      `(?:stabbed|been shot|got shot|was shot|has been shot|is shot|shot at|stabbing|shots fired|gunshots?|gun shots?)`,
      `(?:kill|killed|killing|murdered|strangled) (?:her|him|me|someone|somebody)(?= (?:now|right now|in there|next door|help|please))`,
    ],
    guards: [
      // "my wife will kill me if the bins are missed again": an idiom, not a threat.
      String.raw`kill (?:me|us|him|her) if(?: [a-z0-9]+){0,6} (?:bins?|collected|emptied|late|forget|forgot|miss|missed|parking|ticket|fine|council|tax|bill|garden|mess|lawn|car|paint|scratch|see|finds? out about the)`,
      String.raw`kill (?:my|his|her|the) (?:dog|cat|pet|plants?|grass|lawn|hedge|trees?|flowers?|weeds?)`,
      String.raw`stabbing pains?|shooting (?:range|club|star|video|film|photos?|pains?)|clay pigeon|knife (?:crime|amnesty|bin|sharpening)`,
      String.raw`(?:hammer|screwdriver|axe) (?:to fix|to repair|and nails|drill)|(?:with|has|got) (?:a |the |his |her )?(?:hammer|screwdriver) (?:fixing|mending|working|doing)`,
    ],
  },
  {
    // An assault or break-in happening now, or fear for life.
    id: 'attack_now', category: RISK, reason: 'someone being attacked now',
    patterns: [
      `(?:is|are|started|starting) (?:attacking|beating|battering|stabbing|strangling|choking|hitting|punching|kicking|hurting|beating up|strangling) ${VICTIM}`,
      `(?:is|are) (?:trying to )?(?:break|breaking|kick|kicking|smash|smashing|bash|bashing|batter|battering) (?:in|into|down|(?:my|the|our|her|his) (?:door|front door|back door)(?: in| down)?)(?! (?:cars|the cars|vans|sheds|garages|the garages|the bus shelter))`,
      `(?:someone|somebody|a man|a woman|he|she|they|people) (?:is |are )?(?:trying to )?(?:break|breaking|get|getting|force|forcing) (?:in|into (?:my|the|our) (?:house|flat|home))(?: right)? now`,
      `(?:hear|hearing|heard|can hear) (?:him|her|them|someone|somebody|a woman|a man|a child|my neighbour|the neighbours?|next door|the man|the woman)${GAP(2)} (?:screaming for help|being (?:beaten|attacked|hit|stabbed|strangled|murdered|killed)|beating|attacking|strangling|hitting|killing|stabbing)`,
      `(?:scared|afraid|fear|fearing|frightened|terrified) for (?:my|her|his|our|their) (?:life|lives|safety)`,
      `(?:my|her|his|our|their) (?:life|lives) (?:is|are) in danger`, 'in (?:immediate |real )?danger(?: right)? now',
      `(?:he|she|they) (?:is|are) (?:outside|here|at the door|coming|in the house|on his way|on her way)${GAP(3)} (?:kill|hurt|get me|attack|knife|gun|weapon|threatening)`,
      `(?:he|she|they) (?:is|are) (?:going to|gonna) (?:kill|murder) (?:me|us|her|him|them|the kids)`,
      // "He is going to hurt me" is imminent (rule 2); "he said he'd hurt the kids" is safeguarding.
      `(?:he|she|they|someone|somebody|${RELATIVE}) (?:is|are) (?:going to|about to|coming to) (?:hurt|attack|beat|hit|batter|get) (?:me|us|her|him|them|the kids|the children|my ${CHILD})(?! if| when| one day)`,
      `(?:trying to|tried to|tries to) (?:kill|strangle|choke|drown|suffocate|smother) ${VICTIM}`,
    ],
    guards: [
      String.raw`(?:hitting|kicking|beating|battering|bashing|smashing) (?:my|the|our|his|her) (?:car|cars|van|bins?|fence|wall|door for fun|ball|football)`,
      String.raw`(?:smash|smashing|kick|kicking) (?:in|down) (?:the )?(?:bus shelter|fence|phone box)`,
    ],
  },
  {
    // Medical emergency: collapse, not breathing, an ambulance needed.
    id: 'medical_emergency', category: RISK, reason: 'medical emergency',
    patterns: [
      `${PERSON}(?: is| has| have| just| was| s| keeps| seems| looks| appears){0,2}(?: to be)? (?:collapsed|fainted|passed out|unconscious|unresponsive|not breathing|stopped breathing|turning blue|fitting|having (?:a |an )?(?:heart attack|seizure|fit|stroke|asthma attack|allergic reaction)|choking|bleeding (?:heavily|badly|a lot|everywhere|out|to death)|been hit by a (?:car|bus|van|lorry|train)|hit by a (?:car|bus|van|lorry|train)|knocked (?:down|over) by a (?:car|bus|van|lorry))`,
      'not breathing', 'stopped breathing', 'cannot breathe', 'can not breathe', 'heart attack', 'cardiac arrest', 'anaphylactic', 'anaphylaxis',
      'unconscious', 'having (?:a )?(?:seizure|fit|stroke)', 'bleeding (?:heavily|badly|to death|everywhere)',
      `(?:call|ring|phone|get|need|needs|send|called|calling) (?:an |a |for an? )?(?:ambulance|paramedics?)`, '(?:dial|ring|call|calling|phone) 999',
      `(?:had a fall|has fallen|fallen|fell|on the floor) and (?:cannot|can not|is not able to|unable to|not able to) get up`,
      `${PERSON}(?: might be| may be| could be| looks| seems| appears to be| is lying| lying) dead`,
      `found (?:my |the |a |an )?(?:neighbour|man|woman|person|him|her|old man|old lady|elderly man|elderly woman)(?: [a-z]+){0,2} dead`,
      '(?:dead|lifeless) body', 'found a body', '(?:i think|think|worried|scared|afraid) (?:that )?(?:he|she|they|my neighbour|the neighbour) (?:is|are|might be|may be) dead',
    ],
    guards: [
      String.raw`unconscious bias|seizure of|cannot breathe (?:because of|with|for) (?:the )?(?:smell|stench|damp|mould|mold|dust|fumes|pollution)`,
      String.raw`(?:nearly|almost|near enough|going to|will|gonna|would|could) (?:have |had |give (?:me |him |her )?)?(?:a )?heart attack|(?:gave|give|giving) (?:me|him|her|them) a heart attack|heart attack (?:when|at the price|at the bill)`,
      String.raw`\b(?:battery|phone|car|bin|light|lights|lamp|street light|streetlight|plant|plants|tree|trees|grass|hedge|fox|cat|dog|rat|bird|seagull|gull|pigeon|badger|deer|animal|squirrel|hedgehog|line|phone line|battery is|bus stop) (?:is |are |was |has |looks )?(?:dead|unconscious)\b`,
      String.raw`\bdead (?:fox|cat|dog|rat|bird|seagull|gull|pigeon|badger|deer|animal|squirrel|hedgehog|rabbit|tree|plant|leaves|end)\b`,
      String.raw`register(?:ing)? (?:a |the )?death|death certificate|passed away|died (?:last|on|in|at)|funeral|bereavement|has died|have died`,
      String.raw`call (?:999|an ambulance) (?:for a|for the)? ?(?:fox|dog|cat|bird|seagull|badger|deer|animal)`,
    ],
  },
  {
    // Fire, gas, carbon monoxide, explosions. Bonfires and fire-safety questions are guarded.
    id: 'fire_or_gas', category: RISK, reason: 'fire or gas danger',
    patterns: [
      '(?:smell|smells|smelling|smelt|smelled|stink|stinks|stinking|reek|reeks|whiff) (?:of )?gas', 'gas (?:leak|leaking|escape|is leaking|smell)', 'leaking gas',
      'carbon monoxide', '(?:co|carbon monoxide) alarm (?:is )?(?:going off|beeping|sounding|went off)',
      'there is (?:a )?fire(?! (?:hazard|risk|door|doors|exit|alarm|safety|extinguisher|hydrant|escape|blanket|station|pit|place|grate|engine))',
      `(?:house|flat|home|building|kitchen|car|bin|bins|room|block|shed|garage|van|bus|shop|school|stairwell|it|everything|upstairs|downstairs|next door|my neighbours|the neighbours|loft|roof|hallway|bedroom) (?:is |are |s )?(?:on fire|alight|ablaze|in flames|burning down|going up in flames)`,
      'on fire', 'caught fire', 'catching fire', '(?:set|setting|lit|lighting) fire to', 'set (?:it |the [a-z]+ )?alight',
      '(?:smoke|flames|fire) (?:is |are )?(?:coming|pouring|billowing|coming out) (?:out|from|under|through)',
      `fire in (?:the|my|our|a|their|his|her|next doors) (?:house|flat|kitchen|building|block|stairwell|stairs|hallway|bedroom|room|loft|home|property|corridor|communal area)`,
      '(?:full of|filling (?:up )?with|filled with|thick with|thick black) smoke', 'smoke everywhere',
      'house fire', 'flat fire', 'gas explosion', '(?:an |big |loud )?explosion',
    ],
    guards: [
      // Garden bonfires are a nuisance report, unless the fire has got away.
      String.raw`(?:bonfire|fire ?pit|chiminea|barbecue|bbq|burning (?:rubbish|garden|leaves|waste|wood)|garden fire|chimney|incinerator|log burner|wood burner|(?:a |the )?fire in (?:[a-z]+ ){0,2}garden)(?!(?: [a-z]+){0,6} (?:spread|spreading|out of control|fence is|shed is|house is|on fire|help|999|fire brigade))`,
      String.raw`(?:explosion|explosions|bang|bangs)(?: [a-z]+){0,5} fireworks?|fireworks?(?: [a-z]+){0,5} (?:explosion|explosions)`,
      String.raw`fire (?:safety|door|doors|alarm test|risk assessment|extinguishers?|escape|exit|brigade visit|certificate|hazard)|gas (?:safety|bill|meter|supplier|certificate|check)`,
      String.raw`(?:population|explosion of|explosion in (?:the )?(?:number|rats|mice|pigeons|seagulls|weeds))`,
      String.raw`on fire (?:today|at the moment|this season)|you are on fire`,
    ],
  },
  {
    // A person in the sea, river or harbour, or cut off by the tide: the borough is on the coast.
    id: 'water_or_cliff', category: RISK, reason: 'person in water or stranded',
    patterns: [
      '(?:fallen|fell|gone|went|jumped) (?:in|into|off) (?:the |a )?(?:sea|water|river|harbour|canal|lake|cliff|cliffs|pier|quay|marina|reservoir)',
      'drowning(?! in (?:debt|paperwork|bills|work|rubbish|leaves|bin bags|letters|emails|admin|forms))',
      '(?:in difficulty|struggling|in trouble) in the (?:sea|water|river|harbour)', 'swept (?:out|away)(?: to sea| by the (?:tide|current|waves))?',
      'cut off by the tide', 'stuck on the (?:cliff|cliffs|rocks|mud|sandbank|mudflats)', `${PERSON} (?:is |are )?in the (?:sea|water|river|harbour) (?:and|shouting|screaming|waving|not)`,
    ],
  },
  {
    // A child in immediate danger: locked in a hot car, missing, on a ledge.
    id: 'child_in_danger_now', category: RISK, reason: 'child in immediate danger',
    patterns: [
      `${CHILD}${GAP(2)} (?:is |are |has been |have been |been |got )?(?:locked|left|trapped|stuck|shut) (?:alone |on (?:his|her|their) own )?in (?:a |the |their |his |her )?(?:hot |boiling )?car`,
      `(?:my|our|a|the) ${CHILD} (?:is |has |has gone |have gone |went |gone |is gone |are )?missing(?! (?:school|lessons|class|classes|out|the bus|his|her|their|a |the |my |meals|appointments|from school))`,
      `${CHILD} (?:has |have )?(?:gone missing|went missing|disappeared|not come home|not came home)`,
      `${CHILD} (?:is |are )?(?:on|hanging out of|hanging from|climbing out of|climbing on|sitting on|standing on) (?:a |the )?(?:window ?ledge|window sill|windowsill|window|roof|balcony(?: railing)?|railway line|railway|motorway|ledge)`,
      `${CHILD} (?:is |are )?(?:wandering|walking|playing|alone|on (?:his|her|their) own) (?:on|in|along) the (?:road|railway line|motorway|dual carriageway) (?:alone|on (?:his|her|their) own|by (?:himself|herself|themselves))`,
    ],
  },
  // --- safeguarding: abuse, neglect, exploitation without an immediate threat --------------------
  {
    // Domestic abuse disclosed: hitting, controlling, fear of a partner or relative.
    id: 'domestic_abuse', category: SAFEGUARDING, reason: 'domestic abuse',
    patterns: [
      'domestic (?:abuse|violence)', 'coercive(?: and)? control(?:ling)?', 'controlling (?:partner|husband|wife|boyfriend|girlfriend|relationship|behaviour|ex)',
      `abusive (?:partner|husband|wife|boyfriend|girlfriend|relationship|ex|father|mother|dad|mum|parent|carer|household|home|family|son|daughter)`,
      `(?:${RELATIVE}|he|she)${GAP(2)} (?:hits|beats|punches|kicks|slaps|chokes|strangles|rapes|batters|pushes|shoves|abuses|hurts|bullies|threatens|controls|attacks|assaults|headbutts|bites|spits at) ${DV_OBJECT}`,
      `(?:has|have|had|keeps|keep|was|is|always|still) (?:been )?(?:hitting|beating|abusing|hurting|raping|strangling|attacking|controlling|threatening|punching|slapping|kicking|choking|assaulting) ${DV_OBJECT}`,
      `(?:${RELATIVE}|he|she)${GAP(2)} (?:hit|beat|punched|kicked|slapped|choked|strangled|raped|battered|assaulted|attacked|abused|pushed|shoved|headbutted|threw [a-z]+ at) me`,
      `(?:scared|afraid|frightened|terrified|petrified|scared stiff) of (?:my |our )?(?:${RELATIVE}|him|her)`,
      '(?:scared|afraid|frightened|terrified) to (?:go home|go back home|be at home|leave (?:him|her|the house|home)|tell (?:him|her|anyone))',
      '(?:scared|afraid|frightened|terrified) (?:of )?what (?:he|she|they) (?:will|would|might|is going to|are going to) do',
      `(?:do not|never|no longer) feel safe (?:at home|in my(?: own)? (?:home|house|flat)|with (?:him|her|my${GAP(1)} ${RELATIVE})|around (?:him|her))`,
      'not safe (?:at home|in my(?: own)? (?:home|house|flat)|with (?:him|her))',
      `(?:will not|does not|do not|never|wont) let me (?:leave|go out|out|see (?:my )?(?:friends|family|mum|mam|dad)|have (?:any )?money|use the phone|have a phone|go anywhere)`,
      '(?:locks|locked|keeps) me (?:in|inside|locked)',
      `(?:${RELATIVE}|he|she) (?:controls|takes|took|keeps|has taken)(?: all)? (?:my|our) (?:money|bank card|cards|phone|passport|benefits|wages)`,
      '(?:ran|run|running|fled|fleeing|escaped|escaping) (?:away )?from (?:my|an abusive|a violent) (?:partner|husband|boyfriend|wife|girlfriend|ex)',
      'violent (?:partner|husband|boyfriend|wife|girlfriend|ex|relationship)',
      `(?:${RELATIVE}|he|she) (?:is|can be|has been|gets|has become)(?: very| really| so| quite| extremely)? (?:controlling|violent|abusive|aggressive towards me|aggressive to me)`,
      `(?:hands?|arm|rope|belt|cord) (?:round|around) (?:my|her|his) (?:neck|throat)`,
      `(?:${RELATIVE}|he|she|a man|the man)(?: [a-z]+){0,2} (?:touches|touched|keeps touching|has been touching) me`,
      '(?:makes|made|forces|forced|force|make|making) me (?:do (?:things|stuff|sexual)|have sex|sleep with|watch (?:porn|things))',
      `(?:being|been|is being|gets|getting|was being) (?:hit|beaten|hurt|slapped|punched|kicked|strangled|raped|assaulted|mistreated|ill treated|bullied|abused) (?:by (?:her|his|their|my) (?:${RELATIVE})|at home)`,
    ],
    guards: [
      String.raw`(?:the|a|an|their|his|her|its|my) (?:bin )?(?:lorry|van|car|bus|truck|bike|cyclist|ball|branch|door|bin|gate|barrier|wing mirror|scooter|seagull|gull|dog|bird|fox|cat|wasps?|bees?|horse)s?(?: [a-z]+){0,2} (?:hit|hits|knocked|pushed|attacked|bit|bites)`,
      String.raw`(?:scared|afraid|frightened|terrified) of (?:him|her) (?:dog|dogs)`,
      String.raw`(?:hit|beat|hits) me (?:with (?:a|the) (?:bill|fine|charge|ticket|penalty))|(?:hit|beat) me to it|(?:hit|hits) me (?:that|how|when i)`,
    ],
  },
  {
    // A threat to hurt (not to kill): safeguarding; a threat to kill is risk to life above.
    id: 'threat_to_hurt', category: SAFEGUARDING, reason: 'threat to hurt someone',
    patterns: [
      `(?:said|says|threatened|threatens|threatening|told me|swears|swore|keeps saying|keeps threatening)${GAP(3)} (?:hurt|harm|beat|batter|hit|take away|take|smash) (?:me|us|the kids|the children|the baby|my (?:kids|children|son|daughter|baby|mum|dad|family)|her|him|them|our (?:kids|children|baby))`,
    ],
  },
  {
    // Children left alone, not fed, neglected.
    id: 'child_neglect', category: SAFEGUARDING, reason: 'child neglect',
    patterns: [
      `${CHILD}${GAP(3)} (?:left|leaving) (?:[a-z]+ ){0,2}?(?:alone|on (?:their|his|her) own|home alone|unattended|by (?:themselves|himself|herself)|unsupervised|to fend for themselves)`,
      `(?:leaves|left|leaving|leave) (?:the |his |her |their |my |those )?${CHILD} (?:[a-z]+ ){0,2}?(?:alone|on (?:their|his|her) own|home alone|unattended|by (?:themselves|himself|herself)|unsupervised)`,
      `neglect(?:ed|ing|s)?(?: (?:the|his|her|their|my|a|those))? (?:${CHILD}|mum|dad|mother|father|parent|parents|elderly|him|her|them)`,
      `${CHILD}(?: [a-z]+){0,3} (?:is not|are not|not|never|is never|are never|rarely)(?: being| getting| properly)? (?:fed|looked after|cared for|washed|clothed|supervised)(?! up)`,
      `${CHILD}(?: [a-z]+){0,3} (?:is|are|look|looks|seem|seems|being|always)(?: so| really| very)? (?:neglected|starving|hungry all the time|always hungry|malnourished|underfed|filthy|dirty and hungry)`,
      `${CHILD}(?: [a-z]+){0,3} (?:no food|nothing to eat|no heating and|sleeping on the floor|wearing the same clothes|out (?:at|until|till) (?:midnight|all hours|2am|3am|1am))`,
      `(?:child|children|kids) (?:at risk|in danger|not safe)(?: at home| with| from| in that (?:house|flat))`,
      `(?:does not|do not|never|will not|not|cannot|can not) (?:feed|feeding|look after|care for|wash|clothe) (?:us|me|the kids|the children|the baby|her (?:kids|children|baby)|his (?:kids|children|baby)|their (?:kids|children|baby))`,
      `(?:mum|dad|mam|parents|mother|father|mummy|daddy)(?: [a-z]+){0,2} (?:has not|have not|not|never|is never) (?:been |come |came )?(?:home|back) (?:for (?:[0-9]+|two|three|four|a few|several|a couple of) (?:days|nights)|all night|since (?:yesterday|last night))`,
    ],
    guards: [
      String.raw`(?:leave|left) (?:my|the|our) (?:car|bins?|garden|fence|property) alone|kids? alone in the park (?:is|are) (?:fine|ok)`,
      String.raw`\b(?:swings?|play ?(?:area|ground|equipment)|playground|slide|speeding|traffic|road safety|school crossing)\b`,
      String.raw`\bnot fed up\b|\bfed up\b`,
      String.raw`\b(?:hospital|holiday|care home|nursing home|hospice|prison|working away|away with work)\b`,
    ],
  },
  {
    // Adults at risk: not fed, not cared for, not seen, carers who hurt or steal.
    id: 'adult_at_risk', category: SAFEGUARDING, reason: 'adult at risk of neglect or abuse',
    patterns: [
      `(?:elderly|old|vulnerable|disabled|frail|housebound|bedbound|bed bound|dementia|blind|confused)(?: [a-z]+){0,5} (?:is not|not|never|has not been|have not been|is never|isnt|aint) (?:being )?(?:fed|eating|washed|cleaned|looked after|cared for|checked on|given (?:food|meals|medication|his|her)|getting (?:food|care|help|meals|his (?:meds|medication)|her (?:meds|medication)))`,
      `(?:no one|nobody) (?:is )?(?:looking after|checking on|feeding|caring for|visiting|helping) (?:him|her|them|my (?:mum|dad|nan|grandad|gran|mam))`,
      `carers?(?: [a-z]+){0,3} (?:not turning up|never turn up|never turns up|not coming|does not come|do not come|leaves? (?:him|her|them) (?:alone|in|without)|shouting at|shout at|shouts at|rough with|hitting|hits|slaps|slapping|pushing|pushes|hurting|hurts|abusing|bullying|bullies|neglecting|neglects|ignoring|locking)`,
      `(?:not|have not|has not|nobody has|no one has|not been) (?:been )?seen (?:my |the |our )?(?:[a-z]+ ){0,2}?(?:neighbour|him|her|them|old man|old lady|elderly)(?: [a-z]+){0,3} (?:for|in) (?:days|a week|weeks|ages|a few days|[0-9]+ days|a couple of days)`,
      'self neglect',
      `(?:elderly|old|vulnerable|disabled|frail|housebound)(?: [a-z]+){0,8} (?:no food|nothing to eat|not eaten|not eating|no one to look after)`, '(?:sitting|lying|left) in (?:his|her|their) own (?:urine|mess|faeces|poo|wee)',
      '(?:mum|dad|nan|grandad|gran|grandma|mam|elderly|old)(?: [a-z]+){0,4} (?:being|been) (?:mistreated|abused|bullied|hit|neglected|exploited|taken advantage of)',
      'taking advantage of (?:my|an|a|the|her|his)(?: [a-z]+)? (?:elderly|old|vulnerable|disabled|mum|dad|nan|grandad|neighbour)',
    ],
    guards: [String.raw`\b(?:bins?|collection|collected|assisted collection|grass|garden|hedge|parking|blue badge)\b(?: [a-z]+){0,3} (?:not|never)\b`],
  },
  {
    // Money taken from someone who cannot protect it: a carer or relative using a pension.
    id: 'financial_abuse', category: SAFEGUARDING, reason: 'financial abuse',
    patterns: [
      `(?:carer|carers|son|daughter|nephew|niece|grandson|granddaughter|family member|relative|brother|sister|lodger|boyfriend|girlfriend|husband|wife|partner|neighbour|someone|somebody|he|she)(?: is| are| has been| keeps| been| has)? (?:taking|stealing|took|stole|stolen|using|spending|draining|emptying|withdrawing|helping (?:himself|herself) to|taken) (?:all )?(?:of )?(?:her|his|their|my (?:mums|dads|nans|grandads|mothers|fathers|grans|mams)|my (?:mum|dad|nan|grandad)s) (?:[a-z]+ )?(?:money|pension|benefits|savings|bank card|cash|cards|bank account)`,
      'financial(?:ly)? abus(?:e|ed|ing)',
      `carers?(?: [a-z]+){0,2} (?:is |are |has been |keeps |been )?(?:stealing|taking money|taking things|stole|took money|steals) from (?:her|him|them|my)`,
      '(?:stealing|taking money|stolen|stole|steals|took money) from (?:my |his |her |their |an |the )?(?:mum|dad|nan|grandad|gran|grandma|mam|elderly|old|vulnerable|mother|father|parents|granny)',
      `(?:scamming|scammed|conning|conned|exploiting|exploited|ripping off)(?: [a-z]+){0,2} (?:elderly|old|vulnerable|my (?:mum|dad|nan|grandad|gran|grandma|grandmother|grandfather|mam))`,
      `(?:elderly|old|vulnerable)(?: [a-z]+){0,3} (?:being |been |is being |was )?(?:scammed|conned|exploited|ripped off)`,
    ],
    guards: [String.raw`to pay (?:for )?(?:the |my |her |his )?(?:council tax|bill|rent|permit|parking)`],
  },
  {
    // Grooming, county lines, trafficking, sexual and criminal exploitation.
    id: 'exploitation', category: SAFEGUARDING, reason: 'exploitation or grooming',
    patterns: [
      'groom(?:ed|ing)', 'county lines', 'cuckoo(?:ing|ed)', '(?:child|sexual|criminal) exploitation', 'cse',
      `exploit(?:ed|ing)(?: [a-z]+){0,2} (?:${CHILD}|young|vulnerable|him|her|them|teenagers|teens)`,
      'traffick(?:ed|ing)', 'modern slavery', 'forced (?:to work|to marry|to get married|labour|labor|marriage|into)', '(?:made|making|make|forcing|force) (?:me|her|him|them) (?:to )?(?:marry|get married)', 'slave labour',
      `(?:kids|children|teenagers|young people|youngsters|teens|lads|school kids|boys|girls|${CHILD})(?: [a-z]+){0,3} (?:selling|dealing|running|carrying|holding|delivering) (?:drugs|weed|crack|gear|packages for)`,
      `(?:older|adult|grown) (?:men|man|guys|blokes)(?: [a-z]+){0,4} (?:picking up|giving|buying|taking|hanging around with|messaging|grooming|with|plying) (?:[a-z]+ )?(?:young |teenage |school |under ?age )?(?:girls|boys|kids|children|teenagers|schoolgirls|school girls)`,
      `(?:young|teenage|school|underage) (?:girls|boys|kids)(?: [a-z]+){0,6} (?:older|adult|grown) (?:men|man|guys|blokes)`,
      `(?:[0-9]|1[0-5]|ten|eleven|twelve|thirteen|fourteen|fifteen) year old(?: [a-z]+){0,6} (?:[2-9][0-9]|twenty|thirty|forty|fifty)(?: [a-z]+)? year old`,
      `(?:man|men|adult|adults|guy|guys|bloke|blokes|stranger|strangers)(?: [a-z]+){0,3} (?:following|messaging|texting|filming|photographing|approaching|picking up) (?:my |our |the |young |local |school )?(?:${CHILD}|schoolgirls)`,
      `(?:he|she|they|a man|the man|men|someone|somebody|strangers?|older (?:men|man|guys|lads|boys)|adults?)(?: is| are| keeps| keep| has been| have been| been)? giving (?:my |our |the |young |local )?(?:${CHILD}|her|him) (?:gifts|presents|money|lifts|alcohol|drugs|vapes|cigarettes|phones)`,
      '(?:make|makes|made|forcing|force|forces|using|use|uses|used) (?:my |our |the |his |her |their )?(?:[a-z]+ )?(?:to )?(?:sell|deal|carry|run|hold|deliver|selling|dealing|carrying|running) (?:drugs|weed|crack|gear)',
      'fgm', 'female genital mutilation', 'honou?r based (?:abuse|violence)', 'drug dealers? (?:have )?(?:taken over|moved into|using) (?:his|her|their|the) (?:flat|house|home)',
    ],
    guards: [String.raw`(?:dog|pet|horse|cat|dogs|pets)s? groom|grooming (?:salon|parlour|parlor|business|van|service|appointment|licence|license)|groomer|well groomed|groomed (?:path|verge|lawn|grass|beach|slope|slopes|trail)`],
  },
  {
    // Sexual abuse, indecency towards children.
    id: 'sexual_abuse', category: SAFEGUARDING, reason: 'sexual abuse',
    patterns: [
      'sexual(?:ly)? (?:abuse|abused|abusing|assault|assaulted|assaulting|harassed|harassment)', 'rape', 'raped', 'raping', 'rapist',
      'molest(?:ed|ing|er|s)?', 'paedophile', 'pedophile', 'paedo', 'pedo', 'nonce',
      'indecent(?:ly)? (?:exposure|exposing|images|photos|pictures|assault)',
      'touched (?:inappropriately|in a sexual way)', 'inappropriately touched',
      `touch(?:ed|es|ing) (?:me|her|him|my (?:${CHILD})|the (?:kids|children)) (?:inappropriately|in a sexual way|down there|in private places|where (?:he|she) should not)`,
      `inappropriate(?:ly)? (?:touching|touched|photos|pictures|messages|images) (?:of |to |with |from )?(?:a |my |the )?(?:${CHILD}|under ?age)`,
      `(?:sending|sent|sends|asking for|asked for|asks for)(?: [a-z]+){0,2} (?:nudes|naked (?:photos|pictures)|explicit (?:photos|pictures|messages|images))`,
    ],
    guards: [String.raw`rape ?seed|oilseed rape|grape`],
  },
  {
    // Children hurt, beaten or at risk at home; adults hitting their children or partners.
    id: 'child_abuse', category: SAFEGUARDING, reason: 'child at risk of abuse',
    patterns: [
      `${CHILD}(?: [a-z]+){0,2} (?:is |are |being |been |gets |getting |keeps getting |keep getting |was |were )+(?:hit|beaten|hurt|abused|smacked|slapped|punched|kicked|locked (?:in|out)|burnt|burned|shaken|starved|bullied at home|shouted at and hit|thrown out)`,
      `(?:hits|beats|hurts|abuses|slaps|smacks|punches|kicks|batters|shakes|hitting|beating|hurting|abusing|slapping|smacking|punching|kicking|battering|shaking) (?:his|her|their|the|my|your|those|them|that|a)(?: [a-z]+)? (?:${CHILD}|wife|partner|girlfriend|boyfriend|husband|mum|dad)`,
      `(?:bruises|bruising|burns|injuries|black eye)(?: [a-z]+){0,3} (?:${CHILD})`, `${CHILD}(?: [a-z]+){0,3} (?:bruises|bruising|black eyes?|burns|injuries)`,
      'child abuse', 'child protection', 'child cruelty', 'cruel to (?:the |his |her |their )?(?:kids|children|child|baby)',
      `(?:child|children|kids|baby|toddler|teenager|boy|girl)(?: [a-z]+){0,2} (?:sleeping rough|living on the streets|kicked out|thrown out)(?! (?:of the park|of the shop|of school))`,
      `(?:child|children|kids|baby) (?:is |are )?(?:at risk|in danger|not safe|unsafe) (?:at home|with (?:him|her|them|their|his)|from (?:him|her|them|their|his)|in (?:that|the) (?:house|flat))`,
    ],
    guards: [
      String.raw`by (?:a |the )?(?:speeding )?(?:cars?|vans?|traffic|lorr(?:y|ies)|bikes?|balls?|cyclists?|scooters?)|on the (?:broken |rusty )?(?:swings?|slide|play equipment|roundabout)|play ?(?:area|ground|equipment)|playground`,
      String.raw`bus (?:hit|hits)|hit (?:the|a) (?:ball|kerb|pothole)`,
    ],
  },
  {
    // Abuse in general words, for anyone at risk: "she is being abused". Complaints about staff are guarded.
    id: 'abuse_generic', category: SAFEGUARDING, reason: 'abuse disclosed',
    patterns: [
      '(?:being|been|is being|are being|getting|got|was being|were being) abused',
      `abus(?:ing|es) (?:me|her|him|them|us|my|the kids|the children|a child|children|kids|his|their)`,
      '(?:child|elder|elderly|sexual|emotional|physical|psychological|financial|domestic) (?:abuse|violence)',
      '(?:being|been|is being) (?:mistreated|ill treated|beaten|hurt) (?:by|at home)',
      'safeguarding (?:concern|issue|referral|matter|problem)', '(?:a |an )?(?:adult|child) at risk',
    ],
    guards: [
      String.raw`abuse(?:d)?(?: [a-z]+){0,2} (?:from|by) (?:the |a |your |one of (?:the|your) )?(?:[a-z]+ )?(?:bin|crew|staff|council|driver|officer|warden|worker|workers|binmen|bin men|operative|refuse|collector|collectors|parking|member of staff|employee|contractor|inspector|agent|call handler|receptionist|man|men)`,
      String.raw`verbal(?:ly)? abus`, String.raw`abuse of (?:a |the )?(?:disabled|blue badge|parking|bay|system|power|process)`,
      String.raw`(?:bins?|lids?|recycling|rubbish|bags?|boxes|furniture|equipment|property|play equipment|phone line) (?:[a-z]+ )?(?:being|been|getting|got) abused`,
      String.raw`abused by (?:the )?(?:foxes|seagulls|gulls|animals|cats|rats|crows|birds)`,
    ],
  },
];
