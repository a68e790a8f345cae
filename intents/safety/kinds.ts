/**
 * Which kind of risk a disclosure is about, from cue words: it chooses the signposting (which
 * service the reply names first). Used for classifier-only decisions (the catalogue's two safety
 * intents say nothing about gas or children) and to refine screen families whose words fit
 * several kinds ("he has a knife": crime, or domestic abuse when he is her partner).
 *
 * Written against `normaliseForSafety` output. A cue only picks a kind; it never decides whether
 * the message is a disclosure at all (the screen and the classifier do that).
 */
import type { RiskKind, SafetyHit } from '../types.js';
import { normaliseForSafety } from './normalise.js';
import { DIE_AT_A_PLACE } from './patterns.js';

const w = (...alts: string[]) => new RegExp(`(?<= )(?:${alts.join('|')})(?= )`);

/** Cue words per kind; Welsh, Polish and romanised Urdu cues written without accents. */
export const KIND_CUES: Record<RiskKind, RegExp> = {
  suicide_self_harm: w(
    'suicid[a-z]*', 'kill(?:ing)? (?:myself|himself|herself|themselves)', 'end(?:ing)? (?:my|his|her|their)(?: own)? life', 'take (?:my|his|her|their)(?: own)? life',
    'self harm[a-z]*', '(?:harm|harming|hurt|hurting|cut|cutting|burn|burning) (?:myself|himself|herself|themselves)', 'overdos[a-z]*',
    `(?:want|wants|wanted|going|ready|about) to die${DIE_AT_A_PLACE}`, 'wish i (?:was|were) dead', 'end it(?: all)?', 'end things', 'better off without me',
    'no point (?:in )?(?:living|going on|any more)', 'nothing to live for', 'do not want to (?:be here|live|be alive|wake up)', 'jump(?:ing)? (?:off|from|in front)',
    'pills', 'tablets', 'noose', 'goodbye', 'not be here',
    // Round 6: leaving life said as not being around, often inside a service request ("cancel my subscription ... not planning on being around much longer").
    'not (?:planning on|planning to be|going to be|gonna be|expecting to be) (?:being )?(?:around|here)(?= (?:much longer|for long|long|next|by|after|anymore|any more|$))', '(?:will not|wont|not) be around (?:much longer|for long|long|anymore|any more)', '(?:after|when|once) i am gone', 'cannot go on', 'cannot cope', 'engine running', 'how i would do it', 'how to do it',
    'picked a date', 'looking down at', 'standing on the (?:bridge|edge)',
    // Round 25: a footbridge or a flyover stood on for a long while, and having decided not to carry on ("I've decided I'm not carrying on").
    '(?:standing|stood|been standing|sat|sitting) on (?:the|a) (?:foot ?bridge|flyover|overpass|viaduct|railway bridge)(?: [a-z]+){0,4} (?:for|since) (?:about |nearly |over |almost )?(?:an|a|half an|[0-9]+|two|three|forty|thirty|twenty)', 'decided (?:that )?i am not (?:carrying|going) on', 'over the edge', '(?:outside|wrong side) of the (?:railings|barrier|fence)', 'legs dangling',
    'on the (?:edge|ledge) of', 'top (?:floor|level|deck) of the (?:multi storey|car park)', 'multi storey', 'khatam', 'quitar(?:me|se)? la vida', 'matar(?:me|se)', 'sinucid[a-z]*', 'vreau sa mor',
    // Round 6: despair and method words the kind check missed in dev sets (English, Polish, Spanish, Portuguese, Romanian, Welsh).
    'been cutting', 'cutting again', '(?:i|i have|i had) cut (?:again|deeper|deep)', 'deeper than (?:usual|before|last time|ever)', 'hosepipe', 'sorry for everything', 'not (?:going to )?make it through (?:tonight|the night)', 'tried (?:it )?before', 'closer to the edge',
    'nie mam (?:juz )?sily', 'sie zabic', 'no aguanto mas', 'tirarme', 'acabar con mi vida', 'nao aguento mais', 'acabar com a minha vida', 'nu mai pot', 'termin cu totul', 'tabledi', 'dabledi',
    // Round 7: stopping a life-saving medicine on purpose ("decided to stop taking her insulin"), and being done with it all.
    '(?:stop|stopped|stopping|decided to stop|not taking|refusing to take|refuses to take) (?:taking )?(?:my|her|his|their) (?:insulin|heart (?:pills|tablets|medication)|medication|medicine|meds)', 'done with (?:it all|everything|life)',
    'planning (?:on|to) do(?:ing)? it (?:this|tonight|tomorrow|next|on|before)',
    // Round 9: a plan or a farewell said plainly ("stockpiling her medication", "I'll be gone by morning", "thinking about jumping",
    // "not exist anymore", "I don't think I'll be here much longer"), and Polish "skończę ze sobą", "nie chcę dłużej żyć".
    'stockpil[a-z]*', 'take all of (?:it|them) (?:tonight|this|at once)', '(?:i will|i am going to) be gone (?:by|before|in the)', '(?:thinking|thought|think) (?:about|of) (?:jumping|ending it|killing)',
    // Round 10: "what's the point anymore ... thinking about just stepping off", Polish "ze sobą skończyć".
    'what is the point(?: of)?(?: it| living| anything)? any ?more', 'whats the point(?: any ?more)?', 'stepping off', 'ze soba skonczyc',
    // Round 11: "I'd rather be dead than ...", "looking up ways all night", a home "empty after tonight", "I've decided ... sorry".
    '(?:rather|sooner) be dead', 'looking up ways', 'empty after tonight', 'i have decided(?= (?:tell|sorry|goodbye|bye))', 'will not be needing (?:it|this|them) after (?:this|tonight|today|tomorrow)',
    'not (?:want to )?exist(?: any ?more)?', 'be here (?:much |for much )?longer', 'ligature', 'made my mind up', 'skoncz[a-z]* ze soba', 'nie chce (?:dluzej )?zyc', 'tabletki',
    // Round 16: "ending things", going up a cliff "and not come back down", a box of tablets taken, "nie daję już rady" (Polish: I cannot go on).
    // Round 20: a note written, affairs in order, things not needed after a day ("won't be needing any of it after Friday").
    '(?:written|wrote|left|writing) (?:the|a|my) (?:note|notes|suicide note)', '(?:sorted|put|putting|getting|got) (?:all )?(?:my )?affairs in order', 'affairs (?:are )?in order',
    '(?:will not|wont|not) be needing (?:any of )?(?:it|this|them|anything|any of it)(?: [a-z]+){0,2} after',
    // Round 23: going through with it, everyone better off if I were not here, not around to hand the keys back, "decided I'm done".
    'go(?:ing)? through with it', 'better off (?:if|when) i (?:was not|were not|am not|wasnt|werent|am gone|was gone)(?: here| around)?', '(?:will not|wont|not going to) be around to', 'decided i am done', 'if (?:something|anything) (?:happens|happened) to me',
    'ending things', 'not come back (?:down|up|home|from)', '(?:whole |full )?(?:box|boxes|packet|packets|strip|strips) of (?:paracetamol|pills|tablets|painkillers)', 'nie daje (?:juz )?rady',
    // Welsh (normalised): wanting to die (not "wedi marw", has died: a registration), killing or cutting oneself, an overdose, a jump.
    'hunanladd[a-z]*', '(?:eisiau|moyn|am) marw', '(?:lladd|ladd|nladd) fy hun', '(?:torri|dorri|brifo|niweidio) fy (?:hun|mreichiau|mraich|arddyrnau)', 'hunan ?niweid[a-z]*', 'gorddos[a-z]*',
    // Round 21: the only way out is not waking up; pills taken from the cabinet; a burn or a cut done to oneself; the highest point sought.
    '(?:only|one) way out(?! of (?:the|this|that|here|there|my|our|his|her))', '(?:way out|answer|option|hope|wish)(?: [a-z]+){0,6} (?:is |would be )?not (?:waking|wake) up', '(?:taken|took|swallowed) everything (?:in|from) the (?:medicine |bathroom )?(?:cabinet|cupboard|drawer|box)',
    '(?:swallowed|took|taken|has taken) all (?:the|his|her|my|of (?:the|his|her|my)) (?:pills|tablets|meds|medication|painkillers|paracetamol)', '(?:burnt|burned|cut|scratched) myself(?! (?:on|with the (?:iron|kettle|oven|pan)|cooking|shaving))',
    'which (?:bit|part|point|spot|floor|one) is (?:the )?(?:highest|tallest|deepest)', 'want to do worse',
    // Round 22: the last month or week "I'll be around", nothing needed after a day, letters written, telling someone "before I go in".
    '(?:last|final) (?:month|week|day|time|christmas|birthday|bill)(?: [a-z]+){0,2} i will be (?:around|here|alive)', '(?:will not|wont|do not|not) need (?:it|this|them|anything|any of it)(?: [a-z]+){0,2} after (?:this|tonight|today|tomorrow|the weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)',
    '(?:wrote|written|writing|left) (?:the|my) letters', '(?:tell|telling|told) (?:someone|somebody|you|anyone) before i (?:go|jump|do it)', 'nobody would (?:notice|miss me|care)(?= (?:anyway|if|when)| $)',
    'pwynt (?:i fi |i mi )?(?:byw|fyw|fod yma)', 'neidio', 'well hebdda i', 'nhabledi', 'dabledi', 'rhaff', 'sori am bopeth', 'zabic sie', 'samobojst[a-z]*', 'umrzec', 'khud ?kushi', 'jaan (?:le|lena|leni)', 'zindagi khatam',
  ),
  fire_gas_co: w(
    'fire', 'fires', 'on fire', 'alight', 'ablaze', 'flames?', 'smokes?', 'smoking (?:from|out)', 'smoky', 'burning', 'burnt (?:smell|out)', 'scorch[a-z]*',
    'gas(?! (?:and electric|and electricity|bill|bills|meter reading|supplier|company|cut off|has been cut|have been cut|been cut|top up|card))', 'hissing', 'gassy', 'rotten eggs?',
    'paraffin', 'heater', '(?:camping |gas |oil )?stove', 'generator', '(?:log|wood) burner', 'windows taped', 'set light', 'caught light', 'has caught', 'spreading', 'barbecue', 'bbq', 'candle', 'chip pan',
    'humo', 'fuego', 'incendi[a-z]*', 'foc', 'fum', 'miros de gaz', 'carbon monoxide', 'co alarm', 'co detector', 'fumes', 'exhaust', 'explosion', 'exploded', 'blew up', 'boiler', 'sparks', 'sparking',
    'electrical (?:fire|smell)', 'smell of burning', 'fire brigade', 'firefighters?',
    // Round 9: a boiler said in the plural possessive ("the boilers been"), gas heard in text-speak, a glow of fire, Portuguese and Turkish.
    'boilers', 'hob', 'hissin', '(?:orange|red) glow', 'monoxido', 'yangin', 'duman[a-z]*', 'alev[a-z]*',
    // Round 22: Romanian "arde" (is burning), "flăcările" (the flames).
    'arde', 'ard', 'flacar[a-z]*',
    'nwy', 'mwg', 'ar dan', '(?:dan|tan) yn (?:y|yr)', 'fflamau', 'llosgi', 'losgi', 'carbon monocsid', 'gwreichion[a-z]*', 'soced', 'huddygl', 'pozar', 'ogien', 'gaz', 'dym', 'pali sie', 'aag', 'dhuan', 'dhuwan',
  ),
  child_at_risk: w(
    'child', 'children', 'childs', 'kid', 'kids', 'baby', 'babies', 'toddler', 'toddlers', 'infant', 'newborn', 'little ones?', 'young (?:boy|girl|lad|one|ones)',
    'boy', 'girl', '(?:little|young|wee|small|school) lad', 'lad (?:about|aged|of|who is)', 'son', 'daughter', 'stepson', 'stepdaughter', 'teenager', 'teenagers', 'teen', 'teens', 'pupil', 'pupils', 'schoolgirls?', 'schoolboys?',
    'grandchild(?:ren)?', '(?:[0-9]|1[0-7]) (?:year old|yr old|yo)', '(?:[0-9]|1[0-7])yo',
    // Round 9: a school year or an age group said alone ("one of the year twos", "the under twelves"), Somali and Portuguese words.
    'year (?:ones|twos|threes|fours|fives|sixes|sevens|eights|nines|tens|elevens)', 'under (?:sevens|eights|nines|tens|elevens|twelves|thirteens|fourteens|fifteens|sixteens)',
    'primary', 'teenage', 'wiil', 'gabar', 'carruur[a-z]*', 'ilmo', 'menin[ao]', 'filha', 'miudos?',
    '(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen) year old', 'under ?age', 'minor', 'school', 'nursery',
    'nephew', 'niece', 'grandson', 'granddaughter', 'stepchild(?:ren)?', 'blentyn', 'phlentyn', 'mhlentyn', 'criancas?', 'filhos?', 'cocuk[a-z]*', 'vaik[a-z]*',
    'ninos', 'nino', 'nina', 'hijos', 'hijo', 'hija', 'copii', 'copiii', 'copil', 'copilul', 'fachgen', 'merch fach', 'plentyn bach',
    'plant', 'plentyn', 'babi', 'bachgen', 'fachgen', 'hogyn', 'hogan', 'merch', 'ferch', 'disgybl', 'ysgol', 'llysfab', 'llysferch', 'wyres', 'merched', 'bechgyn', 'dzieci', 'dziecko', 'syn', 'corka', 'bachay', 'bachche', 'bache', 'bachchay', 'bacche', 'bachcha', 'beta', 'beti',
  ),
  domestic_abuse: w(
    'partner', 'husband', 'wife', 'boyfriend', 'girlfriend', 'ex', 'ex partner', 'ex husband', 'ex wife', 'ex boyfriend', 'fiance', 'fiancee', 'hubby', 'missus',
    'domestic', 'coercive', 'controlling', 'controls (?:me|my|her|his)', 'stalk[a-z]*', 'relationship', 'my (?:sister|friend|daughter|mum|mam) and (?:her|his) (?:partner|husband|boyfriend)',
    'he (?:hits|hit|beats|punched|slapped|strangled|choked|pushed) me', 'she (?:hits|hit|beats|punched|slapped) me',
    '(?:hitting|hits|beating|beats|hurting|hurts|punching|kicking|strangling) (?:my|his|her) (?:mum|mam|mother|wife|missus|mrs|partner|girlfriend)',
    'marido', 'esposo', 'pareja', 'novio', 'companheiro', 'companeiro', 'companero', 'ex pareja', 'sotul', 'sotia', 'partener', 'partenerul', 'iubitul', 'fostul',
    // Round 60: a he or a she taking the writer's purse, keys, phone or the buggy so the writer cannot leave or call ("hes took the buggy
    // and my purse so i cant leave the house with the kids"): control of the writer, not of the children.
    '(?:he|she) (?:has |s |is |keeps |always )?(?:took|taken|takes|taking|hides|hid|hidden|hiding|keeps|kept|locks|locked) (?:the |my )?(?:[a-z]+ and )?(?:the |my )?(?:purse|keys|house keys|car keys|phone|bank cards?|money|passport|buggy|pram|pushchair)(?: [a-z]+){0,3} so (?:i|me and the kids|we) (?:can not|cannot|could not|do not|will not) (?:leave|go out|get out|call|ring|go anywhere)',
    // Round 15: a partner's control told without the word ("since we moved in together he decides what I wear").
    'moved in together', '(?:decides|chooses|tells me) what i (?:wear|eat|spend)', '(?:decides|chooses) who i (?:see|talk to|speak to)',
    'son in law', 'daughter in law', 'refuge', 'controls all', 'if i leave', 'when i leave', 'my ex', 'by (?:my|her|the) throat',
    'gwr', 'ngwr', 'mhartner', 'nghariad', 'maz', 'meza', 'mezem', 'chlopak', 'zona', 'przemoc', 'shohar', 'shauhar', 'khawind', 'miyan', 'pati', 'saas', 'sasur', 'domestig',
    'cariad', 'gwraig', 'ngwraig', 'byw (?:efo|gyda|hefo) (?:dyn|dynes|fo|fe|e|o)', 'cyn wr', 'nghyn wr', 'cyn bartner', 'nghyn bartner', 'cyn gariad', 'trais', 'fechniaeth',
  ),
  crime_violence: w(
    'knife', 'knives', 'gun', 'guns', 'machete', 'blade', 'weapon', 'weapons', 'axe', 'bat', 'baseball bat', 'hammer', 'crossbow', 'firearm',
    'stab[a-z]*', 'shot', 'shooting', 'shots', 'fight', 'fighting', 'brawl', 'punch up', 'scrap', 'mugged', 'mugging', 'robbed', '(?<!daylight )robbery', 'robbing', 'burglar[a-z]*',
    'break(?:ing)? in', 'broke in', 'climbed (?:in|into|through)', 'smashed (?:through|in)', 'wlam[a-z]* sie', 'forced into', '(?:forced|barged|kicked|smashed) (?:their|his|her|a) way', 'dragging', 'abduct[a-z]*', 'throwing (?:bricks|stones|rocks|bottles)', 'breaking into', 'kicking (?:the |my |our )?door', 'smashing (?:the |my |our )?(?:door|windows?)', 'intruder', 'attack[a-z]*', 'assault[a-z]*',
    'beating (?:him|her|them|someone|somebody|a man|a woman) up', 'beating up', 'kicking (?:a|the|him|her|someone|somebody|them)', 'snatch[a-z]*',
    'trying the (?:back |front )?door', 'kick (?:my|the|our) (?:front |back )?door', 'hiding', '(?:smashed|broken) (?:a |the )?bottle', 'going for', 'gone for', 'driven (?:his |her |a |the )?car at', 'balaclavas?',
    // Round 9: a break-in or a theft told by what is seen ("trying all the car doors", "torches moving about inside", "stripping the lead
    // off the roof", "a crowbar"), a blow to a stranger ("punched the driver", "laying into him"), a cry of "get off me", an iron bar.
    'trying to get in', 'trying (?:all )?the (?:car )?doors', 'torches', 'stripping', 'steal(?:ing)?', 'nicking', 'crowbar', 'screwdriver', '(?:back |front )?window is smashed',
    'punched', 'laying into', 'get off me', 'barra de hierro',
    // Round 22: acid thrown, a driver or staff hit, a door broken in Somali ("albaabka ... jebinaya").
    'acid', '(?:hitting|punching|attacking|assaulting|headbutting) (?:the|a|our) (?:driver|bus driver|conductor|guard|staff|shopkeeper|security guard|cashier)', 'jebin[a-z]*',
    // Round 21: climbing in now, a threat to kill someone there, a beating, someone grabbed into a vehicle.
    'climbing (?:in|into|through)', '(?:going to|gonna|will) (?:kill|stab|shoot) (?:the|him|her|them|someone|somebody|everyone|you|us)(?! (?:if|when))', 'batter(?:ing|ed|s)? (?:a|the|him|her|them|someone|somebody)',
    '(?:grabbed|pulled|bundled) (?:a|the|her|him|them|someone|somebody)(?: [a-z]+){0,2} (?:into|in) (?:the|a|his|her|their) (?:back|car|van|boot)',
    'cuchillo', 'navaja', 'pistola', 'amenaz[a-z]*', 'cutit', 'ameninta[a-z]*', 'a intrat in casa', 'ascuns[a-z]*', 'gang', 'gangs', 'threaten[a-z]*', 'armed', 'kidnap[a-z]*', 'dragged into',
    // Round 8: violence told by the blow or the missile ("hit him with a bar", "a brick through the window", "pouring petrol"), and a
    // few words of Spanish, Polish, Lithuanian, Italian, Turkish and Somali (kind only: they say how, not whether).
    '(?:hit|hitting|hits|beat|beating|battering|set on) (?:him|her|them|me|us|someone|somebody|people)(?: [a-z]+){0,2} with', '(?:set|setting) on (?:my|his|her|him|them)',
    '(?:thrown?|threw|throwing|chucked|lobbed|put)(?: [a-z]+){0,2} (?:a |the )?(?:brick|bricks|stone|stones|rock|rocks|bottle) (?:through|at)', '(?:my|the|our|a) (?:front |back )?window through',
    '(?:pouring|poured|with a|got a) petrol(?: can)?', 'petrol bombs?', 'burn (?:the|our|my|his|her) (?:house|flat|place|home) down', '(?:drove|driven|driving) into (?:a group of )?people',
    'smash (?:my|his|her|your) head in', 'pegando', 'golpeando', 'palo', 'rissa', 'coltell[a-z]*', 'peil[a-z]*', 'grasin[a-z]*', 'bicak[a-z]*', 'zorla girdi', 'mindi', 'kopia', 'bije (?:sie|mojego|moja|go|ja)',
    'cyllell', 'gyllell', 'chyllell', 'gwn', 'trywan[a-z]*', 'drywan[a-z]*', 'nhrywan[a-z]*', 'thrywan[a-z]*', 'ymosod[a-z]*', 'torri i mewn', 'lladron', 'lleidr',
    'morthwyl', 'brics', 'cuddio', 'yn (?:curo|churo|cicio) (?:dyn|bachgen|rhywun|hogyn|ddyn|fachgen)', 'noz', 'nozem', 'bron', 'chaku', 'chaaku', 'churi', 'chhuri', 'bandook', 'bandooq', 'ymladd', 'bojka', 'bija sie', 'ladai',
  ),
  danger_now: w(
    'sea', 'river', 'water', 'waters', 'harbour', 'canal', 'lake', 'pond', 'reservoir', 'tide', 'waves', 'drown[a-z]*', 'ice', 'icy', 'frozen', 'fell through',
    'trapped', 'stuck (?:in|on|under|inside)', 'pinned (?:under|beneath)', 'under the (?:rubble|plasterboard|debris|ceiling)', 'come down on', 'crushed', 'collapsed', 'collapse', 'collapsing', 'caved in', '(?:fallen|fell) (?:in|into|off|from|through|down)', 'cliff', 'cliffs', 'ledge', 'on the roof', 'scaffold[a-z]*',
    '(?:in|into|across|middle of) the (?:road|street)', 'traffic', 'carriageway', 'motorway', 'lying in the', 'hit by', 'knocked (?:down|over)', 'crash', 'crashed', 'injured', 'bleeding', 'blood',
    'unconscious', 'unresponsive', 'not breathing', 'not moving', 'not responding', 'passed out', 'having a fit', 'seizure', 'ambulance', 'paramedics?', '999',
    'balcony', 'railings', 'window ledge', 'pool', 'pwll', 'cwympo', 'diabetic', 'hypo', 'floppy', 'not making sense', 'slurring', 'drowsy', 'not getting up',
    'not seen (?:him|her|them)? ?(?:since|for)', 'post (?:is )?piling up', 'has not been seen', 'ahog[a-z]*', 'no respira', 'se ineaca', 'a cazut', 'inoate',
    'heart attack', 'stroke', 'choking', 'chest pains?', 'numb', 'sweating', 'clutching', 'slumped', 'grey', 'drooping', 'swallowed', 'poison[a-z]*', 'underneath', 'buried',
    // Round 8: breathing failing or an airway swelling ("his lips and throat are swelling up and he's struggling to breathe").
    '(?:struggling|fighting|gasping) (?:to breathe|for breath|for air)', '(?:lips|throat|tongue|face) (?:is |are )?(?:swelling|swollen|closing)(?: up)?',
    'shouting for help', 'calling for help', 'screaming for help', 'cannot get up', 'hypothermi[a-z]*', 'freezing', 'electrocut[a-z]*', 'live wire', 'landslide', 'rockfall', 'flood(?:ing|ed)?',
    'woda', 'wodzie', 'rzeka', 'rzece', 'morze', 'morzu', 'lod', 'lodzie', 'afon', 'dwr', 'paani', 'darya', 'sadak', 'zakleszczon[a-z]*', 'wypadek', 'karetk[a-z]*', 'ambiwlans',
    'llyn', 'mor', 'harbwr', 'tonnau', 'boddi', 'rhew', 'sownd', 'anadlu', 'anymwybodol', 'gwaedu', 'waedu', 'gwaed', 'trawiad', 'llewygu', 'syrthio', 'disgyn', 'gorwedd', 'tagu ar',
  ),
  adult_at_risk: w(
    'elderly', 'old (?:man|woman|lady|gentleman|chap|fella|boy|girl|couple|neighbour)', 'older (?:man|woman|lady|person|people|adult|neighbour|gentleman)', 'pensioner',
    'vulnerable', 'frail', 'housebound', 'bedbound', 'bed bound', 'dementia', 'alzheimers', 'disabled', 'disability', 'learning disabilit[a-z]*', 'blind', 'deaf',
    'carer', 'carers', 'care worker', 'care home', 'nursing home', 'care package', 'my (?:nan|gran|grandad|grandma|grandfather|grandmother|granny)',
    'my (?:mum|dad|mam|mother|father)', '(?:his|her) (?:pension|benefits|savings|bank card)', 'pension', 'financial[a-z]*', 'self neglect', 'neglect[a-z]*',
    'not answered', 'not answering', 'curtains', 'milk bottles', 'for days', 'not looking after (?:herself|himself)', 'losing weight', 'schizophreni[a-z]*',
    'scam[a-z]*', 'conned', 'cuckoo[a-z]*', 'exploit[a-z]*', 'taking advantage', 'hoard[a-z]*', 'refus[a-z]* (?:all |any )?(?:help|care|support)', 'not washing',
    'parkinsons', 'pressure sores', 'bed ?sores', 'ulcers', 'met (?:him|her|someone|a man|a woman)? ?online',
    // Round 13: self-neglect seen from outside ("house full to the ceiling with rubbish", "thin as anything", "out in wet clothes in the frost").
    '(?:house|flat|home|place|garden|rooms?) (?:is )?(?:full|piled|packed|stacked|crammed) (?:up )?(?:to the (?:ceiling|rafters|roof) )?(?:of|with) (?:rubbish|junk|bags|stuff|newspapers)', 'thin as (?:anything|a rake|a stick)', 'skin and bones?', 'wasting away',
    '(?:in|wearing) (?:wet|soaked|soaking|dirty|filthy) clothes', '(?:out|outside|sitting|stood|standing|wandering)(?: [a-z]+){0,4} in the (?:frost|snow|freezing cold|cold|rain) (?:in|with|without|wearing)',
    'anciano', 'anciana', 'abuel[ao]', 'in varsta', 'batran[a-z]*', 'pensia', 'bunic[a-z]*', 'buzurg', 'learning (?:disabilit[a-z]*|difficult[a-z]*)',
    '(?:he is|she is|aged|age) (?:[6-9][0-9]|1[0-9][0-9])', 'in (?:his|her) (?:sixties|seventies|eighties|nineties)', 'care home',
    'oedrannus', 'hen (?:wraig|ddyn|wr)', '(?:fy |ei )?(?:nain|nhaid|taid|mamgu|tadcu)', 'anabl', 'anawsterau dysgu', 'gofalwr', 'ofalwr', 'gofalwyr', 'ofalwyr', 'gofalwraig',
    'cartref (?:gofal|nyrsio)', 'pensiwn', 'bensiwn', 'briwiau', 'budreddi', 'twyllo', 'dwyllo', 'thwyllo', 'esgeulus[a-z]*', 'starsz[a-z]*', 'babcia', 'dziadek', 'buzurg', 'nani', 'dadi', 'nana', 'dada',
  ),
};

/** Cues that settle who is at risk whatever else is said: an age under 18, an older or vulnerable adult. */
const CHILD_STRONG = w(
  // Round 33: a young child in a childminder's or a nursery's care with fingertip bruises or a hand over the mouth: a child at risk.
  '(?:childminder|child minder|nursery|little ones?|toddler|preschool|pre school)(?: [a-z]+){0,20} (?:fingertip bruis[a-z]*|hand over (?:my|her|his) mouth)',
  '(?:[0-9]|1[0-7]) ?(?:year old|yr old|yo|years old|yrs old|month old|months old)', '(?:he is|she is|aged|only) (?:[0-9]|1[0-7])(?! [0-9])',
  '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen) (?:year|month) old', 'under ?age', 'minor',
  // Round 8: ages told other ways ("my son's 11", "my mate is 14", "13 year olds", "under-12s", "a six-week-old", "a Year 9 girl",
  // Romanian "de 12 ani", Polish "5 lat").
  // Round 21: not a house number after the child word ("upstairs with the kids. 12 Fern Close").
  '(?:sons|daughters|boys|girls|kids|childs|friend|mate|pal|cousin|niece|nephew|grandson|granddaughter|stepson|stepdaughter|friends|mates|brothers|sisters) (?:is )?(?:only |just )?(?:[0-9]|1[0-7])(?! [0-9]| (?:minutes|mins|hours|days|weeks|months|pounds|quid|miles|floors|am|pm|percent|times|years|yrs)| [a-z]+ (?:close|road|street|lane|avenue|drive|way|walk|court|crescent|place|terrace|grove|gardens|hill|row|square|view|house|flats?))',
  '(?:[0-9]|1[0-7]) yasinda[a-z]*',
  '(?:[0-9]|1[0-7]) (?:year|yr) olds', 'under (?:[0-9]|1[0-8])s?',
  // Welsh: "13 oed", "dwi'n 15" (normalised "dwi yn 15"), "mae fy merch yn 15".
  '(?:[0-9]|1[0-7]) oed', '(?:dwi|dw i|rwy|rydw i|fi|merch|ferch|mab|bachgen|hogyn|hogan|plentyn|disgybl) yn (?:[0-9]|1[0-7])(?! [0-9]| munud| awr| diwrnod| punt)', '(?:[0-9]+|one|two|three|four|five|six|seven|eight|nine|ten) (?:day|week|weeks|days) old',
  'year (?:[1-9]|1[01]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twos|threes|fours|fives|sixes) (?:girl|boy|pupil|student|child|kid)s?', '(?:de )?(?:[0-9]|1[0-7]) ani', '(?:[0-9]|1[0-7]) lat',
  // "her brother is 12": an age given for the person at risk.
  '(?:brother|sister|son|daughter|boy|girl|kid|child|nephew|niece|he|she|grandson|granddaughter) is (?:only |just )?(?:[0-9]|1[0-7])(?! [0-9]| (?:minutes|mins|hours|days|weeks|months|pounds|quid|miles|floors|am|pm|percent|times))',
  // A named child who was hurt ("my nephew ... her partner burned him"); "my daughter's boyfriend hit her" is not (a possessive).
  '(?:nephew|niece|son|daughter|grandson|granddaughter|stepson|stepdaughter|child|kid|boy|girl|baby|toddler)(?: [a-z]+){0,12} (?:burned|burnt|hit|beat|beaten|punched|kicked|slapped|bruised|shook|shaken|scalded|locked) (?:him|her|them)',
  // A child telling of being hurt themselves: "I'm 14 and he hits me".
  'i am (?:[0-9]|1[0-7])(?: [a-z]+){0,10} (?:hits|hit|beats|beat|hurts|hurt|touches|touched|kicks|kicked|slaps|slapped|punches|punched|burns|burned|locks|locked) me',
  '(?:hits|hit|beats|beat|hurts|hurt|touches|touched|kicks|kicked|slaps|slapped|punches|punched|burns|burned|locks|locked) me(?: [a-z]+){0,10} i am (?:[0-9]|1[0-7])(?! [0-9])',
  '(?:burned|burnt|hit|beat|beaten|punched|kicked|slapped|bruised|shook|shaken|scalded) (?:my|our|his|her|their|the) (?:nephew|niece|grandson|granddaughter|stepson|stepdaughter|child|kid|baby|toddler|little (?:boy|girl|one))',
  // A young child on their own, or taken by a parent: the child is the one at risk.
  '(?:toddlers?|babies|baby|child|children|kids?|little ones?)(?: [a-z]+){0,2} (?:on (?:his|her|their) own|alone|by (?:himself|herself|themselves)|unattended|home alone)',
  '(?:taken|took|snatched|grabbed) (?:our|my|the|their) (?:son|daughter|kids|children|baby|child|boy|girl)',
  // Round 9: a parent's partner hurting the child ("his mum's boyfriend broke his arm"), Portuguese ages ("de 7 anos"), "looked about 13".
  '(?:mums|dads|mams) (?:boyfriend|girlfriend|partner|fella)(?: [a-z]+){0,2} (?:broke|hit|beat|burned|burnt|punched|kicked|hurt|hits|beats|burns)', '(?:de )?(?:[0-9]|1[0-7]) anos',
  '(?:looked|looks|looking|aged|age) (?:about |around |like )?(?:[0-9]|1[0-7])(?! [0-9]| (?:minutes|mins|hours|days|weeks|months|pounds|quid|miles|percent|times|years))',
  '(?:[0-9]+|one|two|three|four|five|six|seven|eight|nine|ten|eleven) (?:month|months) old', '(?:get|be|being|getting) taken (?:away|into care)',
  // Round 20: an age in words ("he's sixteen"), a children's home or a looked-after child: exploitation of them is a child at risk.
  '(?:he is|she is|hes|shes|aged|only|who is) (?:eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)(?! (?:minutes|hours|days|weeks|months|pounds|quid|miles|years|times))',
  'childrens homes?', 'children s homes?', 'looked after (?:child|children|kids)',
);
const ADULT_STRONG = w(
  'elderly', 'old (?:man|woman|lady|gentleman|couple|neighbour)', 'older (?:man|woman|lady|person|adult|neighbour|gentleman)', 'pensioner', 'frail', 'dementia', 'alzheimers',
  'learning (?:disabilit[a-z]*|difficult[a-z]*)', 'care home', 'adult (?:safeguarding|social care)', 'nursing home', 'vulnerable adult', 'schizophreni[a-z]*', '(?:he is|she is|aged|age|hes|shes) (?:[6-9][0-9]|1[0-9][0-9])',
  'in (?:his|her|their) (?:sixties|seventies|eighties|nineties)', 'in (?:his|her|their) (?:late |early |mid )?[6-9]0s',
  // Welsh: an older person, learning disabilities, a care home, an age of 60 or more ("mae o yn 85", "92 oed").
  'oedrannus', 'hen (?:wraig|ddyn|wr)', 'anawsterau dysgu', 'cartref (?:gofal|nyrsio)', '(?:[6-9][0-9]|1[0-9][0-9]) oed', '(?:nain|nhaid|taid|mam|dad|tad|fam|mamgu|tadcu|hi|o|e|fo|fe) yn (?:[6-9][0-9])(?! [0-9])', '(?:[6-9][0-9]|1[0-9][0-9]) (?:year old|years old|yr old)',
  // Round 9: the writer's own older age, a pension taken, a day centre or respite care, a long-term condition.
  // Round 20: a parent's age given ("my mam is 90").
  '(?:my|our|his|her) (?:mum|mam|mother|dad|father|nan|gran|grandad|grandma|granny|nana) is (?:[6-9][0-9]|1[0-9][0-9])(?! [0-9])',
  'i am (?:[6-9][0-9])(?! [0-9]| (?:minutes|mins|hours|days|weeks|months|pounds|quid|miles|percent|times))', '(?:takes|took|taking|has taken|keeps|had) (?:my|her|his) pension', 'day centre', 'respite', 'multiple sclerosis', 'has ms', 'with ms',
  // Round 21: "the old boy on the corner", autism, and an older or disabled neighbour in Polish and Lithuanian (a pension, "starsza").
  '(?:the|an|this|that) old (?:boy|girl|chap|fella|dear)', 'autistic', 'autism', 'emerytur[a-z]*', 'jest starsz[a-z]*', 'vyresnio amziaus', 'neigal[a-z]*',
  // Round 22: Portuguese "idosa" (an older woman).
  'idos[ao]s?', 'parkinsons', 'housebound', 'bed ?bound', 'pressure sores', 'refus[a-z]* (?:all |any )?(?:help|care|support)', 'hoard[a-z]*', 'met (?:him|her|someone|a man|a woman)? ?online',
  '(?:had|taken|took|got|conned|scammed)(?: [0-9]+)+ (?:off|out of|from) (?:her|him|them)', '(?:[6-9][0-9]) (?:metu|ani|lat|anos|anos de idade|yasinda|evesen|anni)', 'buzurg', 'in varsta', 'batran[a-z]*', 'anciano', 'anciana', 'oedrannus',
);
/** Round 21: a learning disability or autism (the adult at risk is not an older person hurt by a partner). */
const LEARNING_DISABILITY = w('learning (?:disabilit[a-z]*|difficult[a-z]*)', 'autistic', 'autism', 'anawsterau dysgu');
/** A child writing about themselves ("I'm 15"): the child is at risk, unless what they describe is a partner's abuse of a parent. */
const CHILD_SELF = w('i am (?:only |just )?(?:[0-9]|1[0-7])(?! [0-9]| (?:minutes|mins|hours|days|weeks|months|pounds|quid|miles|floors|am|pm|percent|times))');
const PARTNER_ABUSER = w('(?:my|her|his) (?:husband|wife|partner|boyfriend|girlfriend|hubby|other half)');
/** Setting fire to a person or what they are in: an attack (crime), not a fire to put out. */
const ARSON_ATTACK = w('(?:set|setting|lit|lighting|put) (?:light|fire|a match) to (?:a |the |his |her |their |some )?(?:man|woman|person|someone|somebody|homeless [a-z]+|him|her|them|mans|womans|persons)');
/** Partner words count first only beside violence, fear or control ("my husband is diabetic" is not abuse). */
const DOMESTIC_HARM = w(
  'hit[a-z]*', 'beat[a-z]*', 'punch[a-z]*', 'kick[a-z]*', 'slap[a-z]*', 'strangl[a-z]*', 'chok[a-z]*', 'throat', 'pinned', 'push[a-z]*', 'shov[a-z]*', 'threat[a-z]*',
  // Round 15: smothering ("held a pillow over my face").
  'smother[a-z]*', 'suffocat[a-z]*', '(?:pillow|cushion) over my (?:face|mouth)',
  'kill', 'hurt[a-z]*', 'bruis[a-z]*', 'control[a-z]*', 'money', 'wages', 'scared', 'afraid', 'frightened', 'terrified', 'take the kids', 'knife', 'weapon', 'key', 'locks',
  'abus[a-z]*', 'violent', 'pega', 'golpea', 'bate', 'amenin[a-z]*', 'bije', 'maar[a-z]*', 'grozi', 'noz[a-z]*', 'amenaz[a-z]*', 'ameac[a-z]*',
  // Welsh: hits, pushes, strangles, threatens, controls, afraid, my wages.
  'taro', 'nharo', 'daro', 'mwrw', 'bwrw', 'curo', 'nghuro', 'gwthio', 'ngwthio', 'tagu', 'nhagu', 'ngwddf', 'bygwth', 'mygwth', 'fygwth', 'ofn', 'rheoli', 'reoli',
  'cham drin', 'ngham drin', 'gam drin', 'nghyflog', 'lladd', 'ladd', 'nladd',
);
const STRONG = {
  domestic: w('domestic', 'coercive', 'controlling', 'refuge', 'stalk[a-z]*', 'przemoc', 'domestig', 'locked me (?:in|up)', 'me locked (?:in|up)',
    '(?:taken|took|takes|smashed|broke|broken) my phone', 'knows where i live', 'keeps turning up(?! (?:late|early|on time|to))', 'if i (?:ever )?(?:leave|left)',
    'trais (?:domestig|yn y cartref)', 'cam drin domestig', 'fechniaeth', '(?:rheoli|reoli) fy', 'fy nilyn', 'ofn ei adael',
    // Round 9: hiding from him at home ("he's back and smashing the place up ... he'll hear me").
    '(?:smashing|smashed|smashes|trashing|trashed|wrecking) (?:the|our|my) (?:place|house|flat|home) up', '(?:he|she) (?:will|would) hear me', 'if i (?:ever )?go back', '(?:i have|i) left (?:him|her)(?= (?:and|i am|we are|im|with|tonight|last))',
    // Round 13: control told by its shape, no partner word needed ("track your car with an app and go mad if you're 10 mins late").
    '(?:track|tracks|tracking|tracked|follows|following) (?:my|your|her|his) (?:car|phone|location|every move|movements)(?: [a-z]+){0,4}', '(?:go|goes|going|gone|went) (?:mad|mental|crazy|ballistic|off on one|nuts) (?:at (?:me|you|her|him) )?(?:if|when|whenever) (?:i am|you are|she is|he is|i get|you get|i come|you come|i was|you were)(?: [a-z0-9]+){0,3} (?:late|back late)',
    '(?:checks|checked|reads|read|goes through|went through|go through|opens|opened) (?:all )?(?:my|your|her) (?:phone|messages|texts|post|mail|letters|emails?|bank statements?)',
    // Round 27: rage foretold if he finds out ("he'd go mental if he found out im even asking"), a black eye after ("i had a black eye for a week after").
    '(?:go|goes|going|gone|went|would go|will go|d go) (?:mad|mental|crazy|ballistic|nuts|spare) (?:if|when) (?:he|she) (?:ever )?(?:found|finds|find|knew|knows) out',
    '(?:i had|i have|i got|gave me|left me with|left me) (?:a )?black eyes?', '(?:not|never) allowed to (?:see|go out|have|leave)',
    // Round 21: control told of a grown daughter or son ("she's with a man who won't let her see any of us, he takes her phone off her").
    '(?:takes|took|taken|keeps|kept|hides|hid) (?:her|his) phone (?:off|from|away)', '(?:will not|wont|does not|doesnt|never) let (?:her|him) (?:see|talk to|speak to|go out|leave|contact)(?= (?:any of us|us|her family|his family|family|friends|anyone|her friends|his friends|her mum|his mum))'),
};
/**
 * A threat to "me" from an unintroduced "he" or "she" ("He's outside with a knife saying he'll kill me"): someone the resident
 * knows, most often a partner or an ex, so domestic abuse signposting (999 first) rather than crime.
 */
const KNOWN_ATTACKER = /^ (?:he|she) (?:is|has|was|will|says|said|keeps|just|got)(?: [a-z0-9]+)*? (?:kill|hurt|stab|get|strangle|batter|do) me /;
/** A blade or pills with someone shut away alone: self-harm, whatever weapon word is used. */
const SELF_HARM_SCENE = w('(?:locked|shut|barricaded) (?:herself|himself|themselves|myself) in(?: [a-z]+){0,10} (?:blade|knife|razors?|pills|tablets|rope)',
  '(?:blade|knife|razor) (?:to|against|on) (?:her|his|their|my) (?:own )?(?:wrists?|arms?|throat|neck)',
  // Round 33: someone at a cliff or a bridge now who does not want to be here (texted to a relative far away): suicide, not danger.
  '(?:on|at|near|by|from|standing on|stood on|sat on|sitting on) (?:the |a )?(?:cliff path|cliff edge|cliff top|clifftop|cliffs?|edge of the cliffs?|bridge|multi storey)(?: [a-z]+){0,10} (?:does not|doesnt|do not|dont|not) (?:want|wanna) to (?:be here|live|be alive|go on)');
/** A small child who swallowed something household: poisoning (999), not an overdose. */
const POISONING = w('(?:swallowed|chewed|eaten|ate|drunk|drank|got into|licked|sucking|sucked)(?: [a-z]+){0,4} (?:dishwasher|washing|laundry|bleach|detergent|cleaning|button|batter(?:y|ies)|liquitabs?|capsules?|pods?|weed killer|antifreeze|white spirit)',
  // Round 33: batteries or bleach swallowed, in Portuguese and Spanish ("a minha filha engoliu pilhas").
  '(?:engoliu|engoli|tragou|se trago|trago|comeu)(?: [a-z]+){0,4} (?:pilhas?|pilas?|baterias?|lixivia|lejia|detergente)',
  '(?:llyncu|lyncu|llyncodd)(?: [a-z]+){0,4} (?:tabled peiriant|peiriant golchi|hylif golchi|cannydd|batri|batris|capsiwl|capsiwlau)');
/** Someone inside and not answering or calling for help: a welfare check now, whoever they are. */
const WELFARE_NOW = w('does not answer', 'not answering', 'no answer', '(?:nobody|no one|noone) (?:is )?(?:answering|answers|answered)', 'smell (?:is )?(?:coming )?(?:from|through|out of) (?:the|her|his|their) letterbox', '(?:telly|tv|television|radio|lights?) (?:is |are )?(?:on|still on)', 'shouting for help',
  'calling for help', 'crying for help', 'screaming for help', 'cannot get up', 'chest pains?');
/** Someone not seen for days, post piling up: a welfare check now, before whether they are old. */
const WELFARE = w('not seen (?:him|her|them)? ?(?:since|for)', 'not been seen (?:since|for)', 'post (?:is )?piling up', 'letters piling up', 'milk (?:is )?(?:still )?on the (?:step|doorstep)',
  'ddim wedi (?:agor|ateb) y drws', 'post yn pentyrru', 'llaeth (?:yn dal )?ar y (?:stepen|trothwy)');

/** Round 20: a person in the water now, going under or gone in after someone: danger now, before any word of despair. */
const IN_WATER = w('(?:in|into) the (?:river|sea|water|canal|lake|harbour|weir|reservoir|quarry)(?: [a-z]+){0,12} (?:going under|gone under|went under|keeps going under|cannot swim|can not swim|not come back up|struggling)',
  '(?:went|gone|jumped) in after (?:his|her|their|the|a|my) (?:dog|child|kid|son|daughter|friend|ball|mate)');
/** Round 20: someone vulnerable gone out into the cold or the dark now, searched for: danger now, before who they are. */
const MISSING_NOW = w('(?:walked|wandered|gone|went|got) (?:out|off)(?: [a-z]+){0,8} (?:nightie|nightdress|pyjamas|dressing gown|slippers|in the dark|in the cold|freezing)',
  '(?:been|we have been|we are) (?:out )?(?:looking|searching)(?: for (?:her|him|them))? (?:for )?(?:an|a|two|three|four|[0-9]+|half an) (?:hours?|while)', 'minus (?:[0-9]+|one|two|three|four|five|six|seven|eight|ten)',
  // A young child alone by water or a road: in danger now (a nappy, no adult about).
  '(?:toddler|toddlers|baby|little (?:boy|girl|one)|tot|kiddie)(?: [a-z]+){0,10} (?:on (?:his|her|their) own|alone|by (?:himself|herself|themselves)|no adult)(?: [a-z]+){0,10} (?:quay|harbour|water|river|sea|canal|road|edge)');
/** Round 21: someone in the road among the traffic, or stuck in a lift with the oxygen running out: danger now, before who they are. */
const DANGER_SCENE = w('(?:lying|walking|wandering|standing|stood|sitting|sat)(?: [a-z]+){0,4} (?:in|along|on|across|down|into) (?:the )?(?:middle of the )?(?:a road|road|dual carriageway|carriageway|motorway|bypass|main road)(?: [a-z]+){0,10} (?:cars?|lorries|lorry|traffic|swerving|beeping|lane|vehicles|buses)',
  // Round 24: a relative who will not wake (told by a child of 8 or 9: danger now, before the child's age), and a baby or a child
  // shut in a car in the heat.
  '(?:mum|mam|mom|mummy|mother|dad|daddy|father|nan|nana|nanna|gran|granny|grandma|grandad|grandpa)(?: [a-z]+){0,2} (?:will not|wont|cannot|can not|does not|is not) (?:wake|waking)(?: up)?',
  '(?:baby|babies|toddler|child|kid|little (?:boy|girl|one))(?: [a-z]+){0,3} (?:in|inside|left in|locked in|shut in) (?:a |the |their |her |his )?(?:locked |hot |parked )?car(?: [a-z]+){0,14} (?:degrees|hot|heat|windows up|windows shut|windows closed|stopped crying|not moving|sweating|boiling|red faced)',
  '(?:lift|elevator)(?: [a-z]+){0,4} (?:stopped|stuck|broken down|jammed) between floors(?: [a-z]+){0,12} (?:oxygen|inside|in it|trapped)',
  // Round 33: stuck in a lift with a medical crisis, and someone lying or collapsed who is not moving or not breathing (seen through a
  // letterbox by a delivery driver): danger now, before who they are.
  '(?:lift|elevator)(?: [a-z]+){0,6} (?:stuck|stopped|broken down|jammed)(?: [a-z]+){0,14} (?:asthma|seizure|having a fit|not breathing|cannot breathe|can not breathe|heart attack|chest pains?|collapsed|unconscious|hypo)',
  '(?:lying|collapsed|slumped|fallen|face down)(?: [a-z0-9]+){0,20} (?:not moving(?! (?:it|them|the|that|this|anything))|unresponsive|not breathing|unconscious)', '(?:oxygen|cylinder)(?: [a-z]+){0,4} (?:is )?(?:nearly|almost|running) (?:empty|out)');
type Tier = RiskKind | 'danger_scene' | 'in_water' | 'missing_now' | 'partner_older' | 'child_strong' | 'adult_strong' | 'domestic_strong' | 'welfare' | 'welfare_now' | 'known_attacker' | 'self_scene' | 'poisoning' | 'child_self' | 'arson_attack';

/**
 * The order in which cues decide, most specific first. A blade or pills with someone shut away, or a
 * small child who swallowed something household, settle the kind outright; then suicide and
 * self-harm (their signposting is the one that saves that life); fire set to a person (an attack);
 * a named hazard (fire, gas, CO); someone inside calling for help or not answering (danger now,
 * whoever they are); who is at risk when that is explicit (a child's age or a hurt child, an older
 * or vulnerable adult, then an older person not seen for days, a partner beside violence, an
 * unintroduced "he" threatening "me"); then violence, other dangers, and the weaker hints of who (a
 * partner, a child writing "I'm 15", a child, an adult).
 */
const TIERS: Tier[] = [
  // Round 20: a person in the water, someone vulnerable gone out into the cold, a welfare check (not seen for days) before who is at
  // risk; an older person hurt by a partner is domestic abuse.
  'self_scene', 'poisoning', 'in_water', 'suicide_self_harm', 'arson_attack', 'fire_gas_co', 'welfare_now', 'danger_scene', 'missing_now', 'welfare', 'partner_older', 'child_strong', 'adult_strong', 'domestic_strong',
  'known_attacker', 'crime_violence', 'danger_now', 'domestic_abuse', 'child_self', 'child_at_risk', 'adult_at_risk',
];
const KIND_OF: Record<Tier, RiskKind> = {
  suicide_self_harm: 'suicide_self_harm', fire_gas_co: 'fire_gas_co', welfare: 'danger_now', child_strong: 'child_at_risk', adult_strong: 'adult_at_risk',
  domestic_strong: 'domestic_abuse', crime_violence: 'crime_violence', danger_now: 'danger_now', domestic_abuse: 'domestic_abuse',
  child_at_risk: 'child_at_risk', adult_at_risk: 'adult_at_risk', welfare_now: 'danger_now', known_attacker: 'domestic_abuse',
  self_scene: 'suicide_self_harm', poisoning: 'danger_now', in_water: 'danger_now', danger_scene: 'danger_now', missing_now: 'danger_now', partner_older: 'domestic_abuse', child_self: 'child_at_risk', arson_attack: 'crime_violence',
};

function tierCues(normalised: string): Set<Tier> {
  const found = new Set<Tier>();
  for (const kind of Object.keys(KIND_CUES) as RiskKind[]) if (KIND_CUES[kind].test(normalised)) found.add(kind);
  if (CHILD_STRONG.test(normalised)) found.add('child_strong');
  if (ADULT_STRONG.test(normalised)) found.add('adult_strong');
  if (WELFARE.test(normalised)) found.add('welfare');
  if (WELFARE_NOW.test(normalised)) found.add('welfare_now');
  if (KNOWN_ATTACKER.test(normalised)) found.add('known_attacker');
  if (SELF_HARM_SCENE.test(normalised)) found.add('self_scene');
  if (POISONING.test(normalised)) found.add('poisoning');
  if (CHILD_SELF.test(normalised)) found.add('child_self');
  if (ARSON_ATTACK.test(normalised)) found.add('arson_attack');
  if (STRONG.domestic.test(normalised) || (found.has('domestic_abuse') && DOMESTIC_HARM.test(normalised))) found.add('domestic_strong');
  if (IN_WATER.test(normalised)) found.add('in_water');
  if (MISSING_NOW.test(normalised)) found.add('missing_now');
  if (DANGER_SCENE.test(normalised)) found.add('danger_scene');
  // Round 20: an older person hurt by a partner (husband, wife, partner: not a son or a carer) is domestic abuse.
  // Round 21: not an adult with a learning disability or autism controlled by a "boyfriend": exploitation of an adult at risk.
  if (found.has('adult_strong') && found.has('domestic_strong') && PARTNER_ABUSER.test(normalised) && !LEARNING_DISABILITY.test(normalised)) found.add('partner_older');
  return found;
}

/**
 * Cues that say how someone is at risk, or who is plainly at risk: every kind's cue words except the weak hints of who (a
 * partner, a child, an adult named in passing). Empty for "worst service I've had, I'm going to explode".
 */
export function riskCues(normalised: string): Set<Tier> {
  const weak = new Set<Tier>(['domestic_abuse', 'child_at_risk', 'adult_at_risk', 'child_self']);
  return new Set([...tierCues(normalised)].filter((t) => !weak.has(t)));
}

/** The kinds whose cue words appear in `normalised` text (output of `normaliseForSafety`). */
export function kindCues(normalised: string): Set<RiskKind> {
  return new Set([...tierCues(normalised)].map((t) => KIND_OF[t]));
}

/** A fallback per catalogue intent, when no cue word names a kind. */
export function defaultKind(category: SafetyHit['category']): RiskKind {
  return category === 'safety.risk_to_life' ? 'danger_now' : 'adult_at_risk';
}

/**
 * The kind of a disclosure the classifier caught without the screen: the first tier whose cues
 * appear; else the catalogue intent's default.
 */
export function inferKind(text: string, category: SafetyHit['category']): RiskKind {
  const normalised = normaliseForSafety(text);
  const cues = tierCues(normalised);
  // Round 59: an older or vulnerable person in an emergency happening now (just pushed over, a man in the kitchen who will not leave,
  // locked out in the snow, fallen and unable to get up) takes the 999 kind, not adult social care's; neglect, exploitation and abuse
  // that is not an emergency in progress stay an adult at risk. Kind only: the action is decided elsewhere.
  const now = emergencyNowKind(normalised);
  // Round 60: a medical emergency told now (a stroke's signs, a fit going on for minutes, not breathing or not responding) is the 999
  // kind even when a child is there or is the one ill ("Nan's babysitting ... slurring and can't move her right arm", "my son is fitting
  // and it won't stop, 5 minutes"): a child named beside it does not make it child protection. Abuse, a weapon, fire or self-harm
  // named still decide by their own tiers. Kind only.
  if (MEDICAL_NOW.test(normalised) && !EMERGENCY_TOLD_PAST.test(normalised) && [...cues].every((t) => MEDICAL_BYSTANDER_TIERS.has(t))) return 'danger_now';
  // Round 77: a crime against an older or vulnerable person happening now (CRIME_AGAINST_NOW) is crime beside the words that only say who
  // she is or that it is now ("a builder ... driving her to the bank right now she had a stroke"). Kind only.
  if (CRIME_AGAINST_NOW.test(normalised) && !EMERGENCY_TOLD_PAST.test(normalised) && [...cues].every((t) => CRIME_BYSTANDER_TIERS.has(t))) return 'crime_violence';
  if (now && (cues.has('adult_strong') || cues.has('adult_at_risk')) && !TIERS.slice(0, TIERS.indexOf('adult_strong')).some((t) => cues.has(t) && t !== 'child_strong' && KIND_OF[t] !== 'adult_at_risk')) return now;
  for (const t of TIERS) if (cues.has(t)) return KIND_OF[t];
  // Round 8: a message in a script the normaliser drops still names who or what in a few words (my husband, a child, an old
  // neighbour, a knife, fire): better signposting than the default. Kind only; whether to act is decided elsewhere.
  for (const [re, kind] of SCRIPT_KIND_CUES) if (re.test(text)) return kind;
  return defaultKind(category);
}

/** Round 60: a medical emergency now: a stroke's signs, a fit or a seizure going on for minutes or not stopping, not breathing, not responding. */
const MEDICAL_NOW = /(?<= )(?:slurring|slurred (?:speech|words)|(?:can not|cannot|could not) (?:move|lift|feel) (?:her|his|my|their) (?:right |left )?(?:arm|leg|side)|(?:her|his) face (?:is )?(?:drooping|dropped|droopy)|(?:seizure|fit|fitting|convulsing|convulsion|convulsions|convulsionar|convulsionando|convulsiona|convulsiones)(?: [a-z0-9]+){0,8} (?:[0-9]+|five|ten|cinco|dez|diez) (?:minutes|minutos|mins)|(?:seizure|fitting|convulsing|convulsionar|convulsionando)(?: [a-z]+){0,3} (?:and )?(?:will not stop|not stopping|won t stop|nao para|no para)|not breathing|stopped breathing|unresponsive)(?= )/;
/** Round 60: the tiers that say only who is there (a child, an older person) or that it is an emergency: a medical emergency keeps the 999 kind beside them. */
const MEDICAL_BYSTANDER_TIERS: ReadonlySet<Tier> = new Set<Tier>(['child_strong', 'child_at_risk', 'child_self', 'adult_strong', 'adult_at_risk', 'danger_now', 'welfare', 'welfare_now', 'danger_scene']);
/** Round 77: the tiers that say only who is there (an older or vulnerable person) or that it is now: a crime now keeps its kind beside them. */
const CRIME_BYSTANDER_TIERS: ReadonlySet<Tier> = new Set<Tier>(['adult_strong', 'adult_at_risk', 'danger_now', 'welfare', 'welfare_now', 'danger_scene']);
/** Round 59: violence to a person or an intruder who will not leave, now ("one has just pushed her over", "a man is in his kitchen ... won't leave"). */
const ASSAULT_OR_INTRUDER_NOW = /(?<= )(?:(?:has |have )?just (?:pushed|shoved|hit|punched|knocked|attacked|assaulted|thrown) (?:her|him|them|me)(?: over| down| to the (?:floor|ground))?|(?:man|men|woman|someone|somebody|stranger|strangers|he|they|bloke|lad|lads)(?: [a-z]+){0,8} (?:is|are|s) (?:in|inside) (?:his|her|their|my|the|our) (?:kitchen|house|flat|hall|hallway|bedroom|lounge|home|bungalow|living room)(?: [a-z]+){0,10} (?:will not|would not|refus[a-z]*(?: to)?) (?:leave|go)|forced (?:their|his|her|the|a) way in(?: [a-z]+){0,8} (?:now|still|shouting|threaten[a-z]*|demanding))(?= )/;
/** Round 59: exposure, a fall or an injury now ("locked out in her nightie in the snow and can't feel her feet", "has fallen and can't get up"). */
const EXPOSURE_OR_FALL_NOW = /(?<= )(?:locked out(?: [a-z]+){0,8} (?:snow|freezing|frost|ice|icy|rain|nightie|nightdress|pyjamas|night clothes)|(?:cannot|can not) feel (?:her|his|my|their) (?:feet|hands|legs|fingers|toes)|(?:has|has just|just) (?:had a fall|fallen|fell)(?: [a-z]+){0,12} (?:broken (?:her|his|their) (?:hip|leg|arm|wrist)|(?:cannot|can not) get up(?! (?:the )?stairs)|on the floor|bleeding|(?:shouting|screaming|crying) (?:out )?in pain)|(?:is|s|lying) on the floor(?: [a-z]+){0,6} (?:cannot|can not) get up)(?= )/;
/**
 * Round 77: a crime against an older or vulnerable person happening now (a bogus caller or a rogue trader at the door or on the drive
 * wanting cash or to come in, someone on the phone claiming to be the bank or the police, a stranger driving them to the bank or the post
 * office for their money, things being taken or a wallet gone through while watched on a camera, a resident being hit this minute): the
 * 999 kind, crime, not adult social care's. Kind only.
 */
const CRIME_AGAINST_NOW = /(?<= )(?:(?:man|men|someone|somebody|stranger|strangers|bloke|builder|builders|trader|traders|rogue traders?|they|he|lads|two (?:men|lads)|a van)(?: [a-z]+){0,6} (?:(?:at|on|outside) (?:(?:my|her|his|their|the|mums|dads|nans|grandads|aunties|uncles) ){0,2}(?:door|doorstep|front door|drive|driveway)|at (?:my |her |his |their )?(?:mums|dads|nans|grandads|aunties|aunts|uncles|neighbours))(?: [a-z0-9]+){0,14} (?:saying|says|claiming|claims|wanting|wants|demanding|asking for|needs to come in|telling (?:her|him|them))|(?:on the phone|phone) (?:to|with) (?:someone|somebody|a man|a woman|a stranger)(?: [a-z]+){0,6} (?:saying|says|claiming|claims|pretending) (?:they are|they re|he is|she is|it is|its|to be) (?:her|his|their|the|from the) (?:bank|police|council)|(?:says|said|saying|claiming|claims|pretending) (?:he is|she is|they are|to be) (?:a |an |the |from the )?(?:police officer|policeman|policewoman|police|detective|bank|council|gas board|water board)(?: [a-z]+){0,6} (?:needs?|wants?|wanted|asking for|demanding|to take) (?:his|her|their) (?:savings|money|cash|card|bank card|cards|pin|jewellery)|(?:driving|taking|took|drove|driven|taken) (?:her|him|them) (?:to|down to|into town to) the (?:bank|post office|cash machine|cashpoint|atm|building society)(?: [a-z]+){0,3} (?:right now|now|this minute)|(?:taking|stealing|going through|emptying|nicking|helping (?:himself|herself|themselves) to) (?:his|her|their|my [a-z]+s) (?:things|stuff|wallet|purse|handbag|money|jewellery|cash|bank cards?|cards|savings)(?: [a-z]+){0,8} (?:as i type|right now|this minute|on the camera|on camera|i can see|i am watching)|(?:in|inside) (?:his|her|their|my [a-z]+s) (?:house|flat|bungalow|home) now (?:taking|stealing|going through)|(?:is|are) being (?:hit|punched|kicked|attacked|beaten|assaulted)(?: [a-z]+){0,6} (?:this minute|right now|as we speak))(?= )/;
/** Round 77: someone cared for in the water or out in the dark or the rain now ("in the water at the slipway up to her waist"). */
const OUT_IN_DANGER_NOW = /(?<= )(?:in the (?:water|sea|river|canal|lake|harbour|estuary|pond)(?: [a-z]+){0,4} up to (?:her|his|their) (?:waist|neck|chest|knees|shoulders)|(?:wandered|gone|went|walked|missing|a plecat|plecat|disparut[a-z]*)(?: [a-z0-9]+){0,10} (?:in the (?:rain|snow)|at night|e noapte|este noapte|ploua|it is dark|its dark|raining|pouring))(?= )/;
const JUST_ASSAULTED = /(?<= )(?:has |have )?just (?:pushed|shoved|hit|punched|knocked|attacked|assaulted|thrown) (?:her|him|them|me)(?: over| down| to the (?:floor|ground))?(?= )/;
// Round 77: not minutes or an hour ago ("they left 10 mins ago for the post office"): that is now.
const EMERGENCY_TOLD_PAST = /(?<= )(?:last (?:week|month|year|winter|night)|yesterday|(?<!(?:[0-9]+|a few|few|ten|five|twenty|thirty) (?:mins?|minutes?) |(?:an|half an|one) hours? |(?:half an|an) hour )ago|in (?:19|20)[0-9]{2}|back in|used to|twice|again and again|every (?:day|night|week))(?= )/;
/** The 999 kind of an emergency happening now to anyone, or null (told as past or habitual, or none). */
function emergencyNowKind(normalised: string): RiskKind | null {
  // "Just" pushed over is now, whatever past the message also tells ("the builders she paid last week ... one has just pushed her over").
  if (JUST_ASSAULTED.test(normalised)) return 'crime_violence';
  if (EMERGENCY_TOLD_PAST.test(normalised)) return null;
  if (ASSAULT_OR_INTRUDER_NOW.test(normalised) || CRIME_AGAINST_NOW.test(normalised)) return 'crime_violence';
  if (EXPOSURE_OR_FALL_NOW.test(normalised) || OUT_IN_DANGER_NOW.test(normalised)) return 'danger_now';
  return null;
}

/**
 * Round 8: kind cues in Arabic, Persian and Urdu (Arabic script), Bengali, Gurmukhi, Devanagari, Cyrillic, Chinese and Ge'ez (Tigrinya),
 * most specific first: fire, a weapon, a husband or wife, a child, an older person.
 */
const SCRIPT_KIND_CUES: Array<[RegExp, RiskKind]> = [
  // Round 16: gas too (Bengali, Arabic, Urdu and Persian, Hindi, Russian, Chinese).
  [/حريق|آتش|آگ|دھواں|دود|دخان|আগুন|ধোঁয়া|ਅੱਗ|ਧੂੰਆਂ|आग|धुआं|пожар|дым|горит|着火|火灾|烟|গ্যাস|غاز|گیس|گاز|गैस|газ|煤气|燃气/u, 'fire_gas_co'],
  [/سكين|سکین|چاقو|چاکو|ਚਾਕੂ|चाकू|ছুরি|চাকু|нож|刀|枪|مسدس|بندوق/u, 'crime_violence'],
  [/شوہر|شوهر|همسر|زوجي|زوجها|স্বামী|ਪਤੀ|ਘਰਵਾਲਾ|पति|муж|丈夫|老公|ሰብኣየይ|ሰብኣይ/u, 'domestic_abuse'],
  // Round 21: dementia named settles an adult at risk before a son or a daughter named beside it (Bengali "her son doesn't feed her").
  [/ডিমেনশিয়া|خرف|ڈیمنشیا|डिमेंशिया|деменц|痴呆/u, 'adult_at_risk'],
  [/بچ|کودک|طفل|أطفال|اطفال|ابني|ابنتي|শিশু|বাচ্চা|ছেলে|মেয়ে|ਬੱਚ|बच्च|дет|ребён|ребен|孩子|儿童|ህጻን|ቆልዑ/u, 'child_at_risk'],
  // Round 20: not seen for days, post piling up, nobody answering (Arabic): a welfare check now.
  [/ما شفت(?:ه|ها)|لم أر(?:ه|ها)|البريد (?:متكوم|متراكم)|ما (?:حد|أحد) يرد|لا أحد يرد/u, 'danger_now'],
  // Round 16: dementia (Bengali, Arabic, Urdu, Hindi, Russian, Chinese) names an adult at risk.
  [/سالمند|مسن|بوڑھ|عجوز|বৃদ্ধ|ਬਜ਼ੁਰਗ|बुज़ुर्ग|बुजुर्ग|баба|бабушк|дед|пенсион|老人|护工|ኣረጋዊ|ডিমেনশিয়া|خرف|ڈیمنشیا|डिमेंशिया|деменц|痴呆/u, 'adult_at_risk'],
];

/** Round 10: an adult in a professional's care: "my client", "an elderly patient", "home carer with ...". */
const ADULT_CARE = w('(?:my|a|the|our|this|an) (?:elderly |older |vulnerable |adult )?(?:client|patient|service user)(?! (?:s|child|children|son|daughter|baby|kids))', 'home ?carers?', 'homecare', 'care (?:worker|agency|company) (?:with|from|at)');

/** Round 25: an appliance named for a repair or a service later ("the boiler looked at next week", "the cooker serviced on Monday"). */
const APPLIANCE_ASIDE = new RegExp(String.raw`(?<= )(?:the |our |my |a |his |her |their )?(?:boiler|boilers|heater|cooker|hob|stove|fire alarm|smoke alarm)(?: [a-z]+){0,3} (?:looked at|serviced|service|repaired|fixed|checked|replaced|seen to)(?: [a-z]+){0,2} (?:next (?:week|month)|tomorrow|later|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|when (?:you|someone) can|at some point|soon)(?= )`, 'g');
/** What may move a risk-to-life family's kind from the whole message: an age, a partner beside violence, a hazard. */
// Round 9: suicide cues too ("want to not exist anymore ... got the blade in my pencil case": the blade is for the writer).
const IMMEDIATE_MOVES = new Set<Tier>(['child_strong', 'adult_strong', 'domestic_strong', 'known_attacker', 'self_scene', 'arson_attack', 'fire_gas_co', 'suicide_self_harm']);

/**
 * A screen family's kind, refined by the words when the family allows it ("hitting his kids" is a
 * child at risk; "my husband has a knife" is domestic abuse). The matched words speak first
 * ("hits his wife" in "he hits his wife in front of the kids"), then the whole message. In the
 * whole message a risk-to-life family (a weapon, an attack) only moves for an explicit age or a
 * partner beside violence or a named hazard: children nearby ("a gun in the park, kids everywhere") are bystanders.
 */
/**
 * Round 72: "tonight is the night" said by someone who threatens to burn, kill or attack ("he keeps threatening to burn my shop down, he
 * said tonight's the night"): the night is his threat's, a crime against the writer, not the writer's own end. Only the kind moves.
 */
const NIGHT_OF_A_THREAT = /(?<= )(?:he|she|they|him|her|them|man|landlord|neighbour|ex)(?: [a-z]+){0,2} (?:threaten[a-z]*|threat|swore|swears|warned|says (?:he|she|they) will|said (?:he|she|they) would|going to|gonna) (?:to )?(?:burn|torch|petrol bomb|set fire to|kill|stab|shoot|smash|attack|do)(?: [a-z]+){0,6} (?:he|she|they) (?:said|says|told me|texted|messaged|shouted)(?: that)? tonight is the night(?= )/;
export function refineKind(normalised: string, matched: string, kind: RiskKind, allowed: readonly RiskKind[] | undefined, immediate = false): RiskKind {
  if (kind === 'suicide_self_harm' && /^tonight is the night$/.test(matched.trim()) && NIGHT_OF_A_THREAT.test(normalised)) return 'crime_violence';
  if (!allowed?.length) return kind;
  // Round 10: a carer or a surgery reporting harm to an adult client or patient ("her son is taking her money", "an elderly patient
  // with unexplained injuries"): an adult at risk, unless a child's age or a partner is named.
  if (kind !== 'suicide_self_harm' && (allowed.includes('adult_at_risk') || kind === 'child_at_risk') && ADULT_CARE.test(normalised) && !CHILD_STRONG.test(normalised) && !KIND_CUES.domestic_abuse.test(normalised)) return 'adult_at_risk';
  // The matched words alone: a fragment starting "he is ..." is not a whole message from someone who knows him.
  const matchTiers = tierCues(` ${matched.trim()} `);
  // Round 9: "stepdad hits my mum": the mother named beside a partner's violence is its victim, not an adult at risk of neglect.
  const partnerViolence = matchTiers.has('domestic_strong') && !matchTiers.has('adult_strong');
  const inMatch = new Set([...matchTiers].filter((t) => t !== 'known_attacker' && !(partnerViolence && t === 'adult_at_risk')).map((t) => KIND_OF[t]));
  for (const k of allowed) if (inMatch.has(k)) return k;
  // In the whole message the family's own kind competes too: the first tier present wins.
  const whole = tierCues(normalised);
  for (const t of TIERS) {
    const k = KIND_OF[t];
    if (!whole.has(t) || (k !== kind && !allowed.includes(k))) continue;
    if (immediate && k !== kind && !IMMEDIATE_MOVES.has(t)) continue;
    // Round 25: an appliance named only as a repair for later ("a seizure ... lips turning blue. Also we still need the boiler looked at
    // next week") names no hazard: the emergency keeps its kind.
    if (t === 'fire_gas_co' && k !== kind && !KIND_CUES.fire_gas_co.test(normalised.replace(APPLIANCE_ASIDE, ' '))) continue;
    return k;
  }
  return kind;
}

/**
 * Issue 8, the kind model (kind-model.ts): when its probabilities may replace the cues' kind. Chosen by cross-validation
 * (`npx tsx scripts/eval-safety.ts --cv`, data/README.md "Kind model"); each is the kind model's top probability needed.
 */
export interface KindModelRule {
  /** No cue of any kind (the kind is the catalogue intent's default). */
  absentAt: number;
  /** Cues of several kinds, or of a kind other than the one chosen. */
  conflictAt: number;
  /** The cues name exactly the chosen kind, and nothing else. */
  sureAt: number;
  /** Moving a cued message away from a 999 kind (danger now, fire / gas / CO, crime and violence) needs at least this. */
  leave999At: number;
  /** The model is not used on a message with less than this share of its words in a language the assistant reads. */
  readableMin: number;
}
export const KIND_MODEL_RULE: KindModelRule = { absentAt: 0.5, conflictAt: 0.8, sureAt: 0.9, leave999At: 0.95, readableMin: 0 };
const NINE_NINE_NINE: ReadonlySet<RiskKind> = new Set(['danger_now', 'fire_gas_co', 'crime_violence']);

/** Every kind named in the text by cue words (English and Latin-script cues, then other scripts'). */
export function cuedKinds(text: string): Set<RiskKind> {
  const kinds = kindCues(normaliseForSafety(text));
  for (const [re, kind] of SCRIPT_KIND_CUES) if (re.test(text)) kinds.add(kind);
  return kinds;
}

/**
 * The one place the kind model meets the cues: the decision's kind (`cueKind`, from the screen family or `inferKind`) is replaced by
 * the model's likeliest kind when the model is confident enough for the evidence the cues give (KindModelRule); a screen hit's own
 * kind counts as a cue. Without probabilities (no kind model) the cues' kind stands.
 */
export function chooseKind(
  cueKind: RiskKind,
  text: string,
  probabilities: Readonly<Record<RiskKind, number>> | undefined,
  screenKind: RiskKind | null = null,
  readable = 1,
  rule: KindModelRule = KIND_MODEL_RULE,
): RiskKind {
  if (!probabilities || readable < rule.readableMin) return cueKind;
  let top = cueKind;
  for (const k of Object.keys(probabilities) as RiskKind[]) if (probabilities[k] > probabilities[top]) top = k;
  if (top === cueKind) return cueKind;
  const cued = cuedKinds(text);
  if (screenKind) cued.add(screenKind);
  const need = cued.size === 0 ? rule.absentAt : Math.max(cued.size === 1 && cued.has(cueKind) ? rule.sureAt : rule.conflictAt, NINE_NINE_NINE.has(cueKind) ? rule.leave999At : 0);
  return probabilities[top] >= need ? top : cueKind;
}
