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

const w = (...alts: string[]) => new RegExp(`(?<= )(?:${alts.join('|')})(?= )`);

/** Cue words per kind; Welsh, Polish and romanised Urdu cues written without accents. */
export const KIND_CUES: Record<RiskKind, RegExp> = {
  suicide_self_harm: w(
    'suicid[a-z]*', 'kill(?:ing)? (?:myself|himself|herself|themselves)', 'end(?:ing)? (?:my|his|her|their)(?: own)? life', 'take (?:my|his|her|their)(?: own)? life',
    'self harm[a-z]*', '(?:harm|harming|hurt|hurting|cut|cutting|burn|burning) (?:myself|himself|herself|themselves)', 'overdos[a-z]*',
    '(?:want|wants|wanted|going|ready|about) to die', 'wish i (?:was|were) dead', 'end it(?: all)?', 'end things', 'better off without me',
    'no point (?:in )?(?:living|going on|any more)', 'nothing to live for', 'do not want to (?:be here|live|be alive|wake up)', 'jump(?:ing)? (?:off|from|in front)',
    'pills', 'tablets', 'noose', 'goodbye', 'not be here', 'cannot go on', 'cannot cope', 'engine running', 'how i would do it', 'how to do it',
    'picked a date', 'looking down at', 'standing on the (?:bridge|edge)', 'khatam', 'quitar(?:me|se)? la vida', 'matar(?:me|se)', 'sinucid[a-z]*', 'vreau sa mor',
    'hunanladdiad', 'marw', 'zabic sie', 'samobojst[a-z]*', 'umrzec', 'khud ?kushi', 'jaan (?:le|lena|leni)', 'zindagi khatam',
  ),
  fire_gas_co: w(
    'fire', 'fires', 'on fire', 'alight', 'ablaze', 'flames?', 'smoke', 'smoking (?:from|out)', 'smoky', 'burning', 'burnt (?:smell|out)', 'scorch[a-z]*',
    'gas(?! (?:and electric|and electricity|bill|bills|meter reading|supplier|company|cut off|has been cut|have been cut|been cut|top up|card))', 'hissing', 'gassy', 'rotten eggs?',
    'paraffin', 'heater', 'windows taped', 'set light', 'caught light', 'has caught', 'spreading', 'barbecue', 'bbq', 'candle', 'chip pan',
    'humo', 'fuego', 'incendi[a-z]*', 'foc', 'fum', 'miros de gaz', 'carbon monoxide', 'co alarm', 'co detector', 'fumes', 'exhaust', 'explosion', 'exploded', 'blew up', 'boiler', 'sparks', 'sparking',
    'electrical (?:fire|smell)', 'smell of burning', 'fire brigade', 'firefighters?',
    'nwy', 'mwg', 'pozar', 'ogien', 'gaz', 'dym', 'pali sie', 'aag', 'dhuan', 'dhuwan',
  ),
  child_at_risk: w(
    'child', 'children', 'childs', 'kid', 'kids', 'baby', 'babies', 'toddler', 'toddlers', 'infant', 'newborn', 'little ones?', 'young (?:boy|girl|lad|one|ones)',
    'boy', 'girl', 'lad', 'son', 'daughter', 'stepson', 'stepdaughter', 'teenager', 'teenagers', 'teen', 'teens', 'pupil', 'pupils', 'schoolgirls?', 'schoolboys?',
    'grandchild(?:ren)?', '(?:[0-9]|1[0-7]) (?:year old|yr old|yo)', '(?:[0-9]|1[0-7])yo',
    '(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen) year old', 'under ?age', 'minor', 'school', 'nursery',
    'ninos', 'nino', 'nina', 'hijos', 'hijo', 'hija', 'copii', 'copiii', 'copil', 'copilul', 'fachgen', 'merch fach', 'plentyn bach',
    'plant', 'plentyn', 'babi', 'dzieci', 'dziecko', 'syn', 'corka', 'bachay', 'bachche', 'bache', 'bachchay', 'bacche', 'bachcha', 'beta', 'beti',
  ),
  domestic_abuse: w(
    'partner', 'husband', 'wife', 'boyfriend', 'girlfriend', 'ex', 'ex partner', 'ex husband', 'ex wife', 'ex boyfriend', 'fiance', 'fiancee', 'hubby', 'missus',
    'domestic', 'coercive', 'controlling', 'controls (?:me|my|her|his)', 'stalk[a-z]*', 'relationship', 'my (?:sister|friend|daughter|mum|mam) and (?:her|his) (?:partner|husband|boyfriend)',
    'he (?:hits|hit|beats|punched|slapped|strangled|choked|pushed) me', 'she (?:hits|hit|beats|punched|slapped) me',
    '(?:hitting|hits|beating|beats|hurting|hurts|punching|kicking|strangling) (?:my|his|her) (?:mum|mam|mother|wife|missus|mrs|partner|girlfriend)',
    'marido', 'esposo', 'pareja', 'novio', 'ex pareja', 'sotul', 'sotia', 'partener', 'partenerul', 'iubitul', 'fostul',
    'son in law', 'daughter in law', 'refuge', 'controls all', 'if i leave', 'when i leave', 'my ex', 'by (?:my|her|the) throat',
    'gwr', 'ngwr', 'mhartner', 'nghariad', 'maz', 'meza', 'mezem', 'chlopak', 'zona', 'przemoc', 'shohar', 'shauhar', 'khawind', 'miyan', 'pati', 'saas', 'sasur', 'domestig',
  ),
  crime_violence: w(
    'knife', 'knives', 'gun', 'guns', 'machete', 'blade', 'weapon', 'weapons', 'axe', 'bat', 'baseball bat', 'hammer', 'crossbow', 'firearm',
    'stab[a-z]*', 'shot', 'shooting', 'shots', 'fight', 'fighting', 'brawl', 'punch up', 'scrap', 'mugged', 'mugging', 'robbed', 'robbery', 'robbing', 'burglar[a-z]*',
    'break(?:ing)? in', 'broke in', 'breaking into', 'kicking (?:the |my |our )?door', 'smashing (?:the |my |our )?(?:door|windows?)', 'intruder', 'attack[a-z]*', 'assault[a-z]*',
    'beating (?:him|her|them|someone|somebody|a man|a woman) up', 'beating up', 'kicking (?:a|the|him|her|someone|somebody|them)', 'snatch[a-z]*',
    'trying the (?:back |front )?door', 'kick (?:my|the|our) (?:front |back )?door', 'hiding', '(?:smashed|broken) (?:a |the )?bottle', 'going for', 'gone for', 'driven (?:his |her |a |the )?car at', 'balaclavas?',
    'cuchillo', 'navaja', 'pistola', 'amenaz[a-z]*', 'cutit', 'ameninta[a-z]*', 'a intrat in casa', 'ascuns[a-z]*', 'gang', 'gangs', 'threaten[a-z]*', 'armed', 'kidnap[a-z]*', 'dragged into',
    'cyllell', 'gyllell', 'chyllell', 'gwn', 'noz', 'nozem', 'bron', 'chaku', 'chaaku', 'churi', 'chhuri', 'bandook', 'bandooq', 'ymladd', 'bojka', 'bija sie', 'ladai',
  ),
  danger_now: w(
    'sea', 'river', 'water', 'waters', 'harbour', 'canal', 'lake', 'pond', 'reservoir', 'tide', 'waves', 'drown[a-z]*', 'ice', 'icy', 'frozen', 'fell through',
    'trapped', 'stuck (?:in|on|under|inside)', 'pinned (?:under|beneath)', 'under the (?:rubble|plasterboard|debris|ceiling)', 'come down on', 'crushed', 'collapsed', 'collapse', 'collapsing', 'caved in', '(?:fallen|fell) (?:in|into|off|from|through|down)', 'cliff', 'cliffs', 'ledge', 'on the roof', 'scaffold[a-z]*',
    '(?:in|into|across|middle of) the (?:road|street)', 'traffic', 'carriageway', 'motorway', 'lying in the', 'hit by', 'knocked (?:down|over)', 'crash', 'crashed', 'injured', 'bleeding', 'blood',
    'unconscious', 'unresponsive', 'not breathing', 'not moving', 'not responding', 'passed out', 'having a fit', 'seizure', 'ambulance', 'paramedics?', '999',
    'balcony', 'railings', 'window ledge', 'pool', 'pwll', 'cwympo', 'diabetic', 'hypo', 'floppy', 'not making sense', 'slurring', 'drowsy', 'not getting up',
    'not seen (?:him|her|them)? ?(?:since|for)', 'post (?:is )?piling up', 'has not been seen', 'ahog[a-z]*', 'no respira', 'se ineaca', 'a cazut', 'inoate',
    'heart attack', 'stroke', 'choking', 'hypothermi[a-z]*', 'freezing', 'electrocut[a-z]*', 'live wire', 'landslide', 'rockfall', 'flood(?:ing|ed)?',
    'woda', 'wodzie', 'rzeka', 'rzece', 'morze', 'morzu', 'lod', 'lodzie', 'afon', 'dwr', 'paani', 'darya', 'sadak', 'zakleszczon[a-z]*', 'wypadek', 'karetk[a-z]*', 'ambiwlans',
  ),
  adult_at_risk: w(
    'elderly', 'old (?:man|woman|lady|gentleman|chap|fella|boy|girl|couple|neighbour)', 'older (?:man|woman|lady|person|people|adult|neighbour|gentleman)', 'pensioner',
    'vulnerable', 'frail', 'housebound', 'bedbound', 'bed bound', 'dementia', 'alzheimers', 'disabled', 'disability', 'learning disabilit[a-z]*', 'blind', 'deaf',
    'carer', 'carers', 'care worker', 'care home', 'nursing home', 'care package', 'my (?:nan|gran|grandad|grandma|grandfather|grandmother|granny)',
    'my (?:mum|dad|mam|mother|father)', '(?:his|her) (?:pension|benefits|savings|bank card)', 'pension', 'financial[a-z]*', 'self neglect', 'neglect[a-z]*',
    'not answered', 'not answering', 'curtains', 'milk bottles', 'for days', 'not looking after (?:herself|himself)', 'losing weight', 'schizophreni[a-z]*',
    'scam[a-z]*', 'conned', 'cuckoo[a-z]*', 'exploit[a-z]*', 'taking advantage',
    'anciano', 'anciana', 'abuel[ao]', 'in varsta', 'batran[a-z]*', 'pensia', 'bunic[a-z]*', 'buzurg', 'learning (?:disabilit[a-z]*|difficult[a-z]*)',
    '(?:he is|she is|aged|age) (?:[6-9][0-9]|1[0-9][0-9])', 'in (?:his|her) (?:sixties|seventies|eighties|nineties)', 'care home',
    'oedrannus', 'starsz[a-z]*', 'babcia', 'dziadek', 'buzurg', 'nani', 'dadi', 'nana', 'dada',
  ),
};

/** Cues that settle who is at risk whatever else is said: an age under 18, an older or vulnerable adult. */
const CHILD_STRONG = w(
  '(?:[0-9]|1[0-7]) ?(?:year old|yr old|yo|years old|yrs old|month old|months old)', '(?:he is|she is|aged|only) (?:[0-9]|1[0-7])(?! [0-9])',
  '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen) (?:year|month) old', 'under ?age', 'minor',
);
const ADULT_STRONG = w(
  'elderly', 'old (?:man|woman|lady|gentleman|couple|neighbour)', 'older (?:man|woman|lady|person|adult|neighbour|gentleman)', 'pensioner', 'frail', 'dementia', 'alzheimers',
  'learning (?:disabilit[a-z]*|difficult[a-z]*)', 'care home', 'adult (?:safeguarding|social care)', 'nursing home', 'vulnerable adult', 'schizophreni[a-z]*', '(?:he is|she is|aged|age|hes|shes) (?:[6-9][0-9]|1[0-9][0-9])',
  'in (?:his|her|their) (?:sixties|seventies|eighties|nineties)', 'buzurg', 'in varsta', 'batran[a-z]*', 'anciano', 'anciana', 'oedrannus',
);
/** Partner words count first only beside violence, fear or control ("my husband is diabetic" is not abuse). */
const DOMESTIC_HARM = w(
  'hit[a-z]*', 'beat[a-z]*', 'punch[a-z]*', 'kick[a-z]*', 'slap[a-z]*', 'strangl[a-z]*', 'chok[a-z]*', 'throat', 'pinned', 'push[a-z]*', 'shov[a-z]*', 'threat[a-z]*',
  'kill', 'hurt[a-z]*', 'bruis[a-z]*', 'control[a-z]*', 'money', 'wages', 'scared', 'afraid', 'frightened', 'terrified', 'take the kids', 'knife', 'weapon', 'key', 'locks',
  'abus[a-z]*', 'violent', 'pega', 'golpea', 'bate', 'amenin[a-z]*', 'bije', 'maar[a-z]*',
);
const STRONG = { domestic: w('domestic', 'coercive', 'controlling', 'refuge', 'stalk[a-z]*', 'przemoc', 'domestig') };
/** Someone not seen for days, post piling up: a welfare check now, before whether they are old. */
const WELFARE = w('not seen (?:him|her|them)? ?(?:since|for)', 'not been seen (?:since|for)', 'post (?:is )?piling up', 'letters piling up', 'milk (?:is )?(?:still )?on the (?:step|doorstep)');

type Tier = RiskKind | 'child_strong' | 'adult_strong' | 'domestic_strong' | 'welfare';

/**
 * The order in which cues decide. Suicide and self-harm first (their signposting is the one that
 * saves that life), then a named hazard (fire, gas), then who is at risk when that is explicit
 * (a child's age, an older or vulnerable adult, a partner beside violence), then violence, then
 * other dangers, then weaker hints of who (a partner, a child, an adult).
 */
const TIERS: Tier[] = ['suicide_self_harm', 'fire_gas_co', 'welfare', 'child_strong', 'adult_strong', 'domestic_strong', 'crime_violence', 'danger_now', 'domestic_abuse', 'child_at_risk', 'adult_at_risk'];
const KIND_OF: Record<Tier, RiskKind> = {
  suicide_self_harm: 'suicide_self_harm', fire_gas_co: 'fire_gas_co', welfare: 'danger_now', child_strong: 'child_at_risk', adult_strong: 'adult_at_risk',
  domestic_strong: 'domestic_abuse', crime_violence: 'crime_violence', danger_now: 'danger_now', domestic_abuse: 'domestic_abuse',
  child_at_risk: 'child_at_risk', adult_at_risk: 'adult_at_risk',
};

function tierCues(normalised: string): Set<Tier> {
  const found = new Set<Tier>();
  for (const kind of Object.keys(KIND_CUES) as RiskKind[]) if (KIND_CUES[kind].test(normalised)) found.add(kind);
  if (CHILD_STRONG.test(normalised)) found.add('child_strong');
  if (ADULT_STRONG.test(normalised)) found.add('adult_strong');
  if (WELFARE.test(normalised)) found.add('welfare');
  if (STRONG.domestic.test(normalised) || (found.has('domestic_abuse') && DOMESTIC_HARM.test(normalised))) found.add('domestic_strong');
  return found;
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
  const cues = tierCues(normaliseForSafety(text));
  for (const t of TIERS) if (cues.has(t)) return KIND_OF[t];
  return defaultKind(category);
}

/** What may move a risk-to-life family's kind from the whole message: an age, a partner beside violence, a hazard. */
const IMMEDIATE_MOVES = new Set<Tier>(['child_strong', 'adult_strong', 'domestic_strong', 'fire_gas_co']);

/**
 * A screen family's kind, refined by the words when the family allows it ("hitting his kids" is a
 * child at risk; "my husband has a knife" is domestic abuse). The matched words speak first
 * ("hits his wife" in "he hits his wife in front of the kids"), then the whole message. In the
 * whole message a risk-to-life family (a weapon, an attack) only moves for an explicit age or a
 * partner beside violence or a named hazard: children nearby ("a gun in the park, kids everywhere") are bystanders.
 */
export function refineKind(normalised: string, matched: string, kind: RiskKind, allowed: readonly RiskKind[] | undefined, immediate = false): RiskKind {
  if (!allowed?.length) return kind;
  const inMatch = kindCues(` ${matched.trim()} `);
  for (const k of allowed) if (inMatch.has(k)) return k;
  // In the whole message the family's own kind competes too: the first tier present wins.
  const whole = tierCues(normalised);
  for (const t of TIERS) {
    const k = KIND_OF[t];
    if (!whole.has(t) || (k !== kind && !allowed.includes(k))) continue;
    if (immediate && k !== kind && !IMMEDIATE_MOVES.has(t)) continue;
    return k;
  }
  return kind;
}
