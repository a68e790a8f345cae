/**
 * The "other body" cue: a message that names a body or service the council does not run (DVLA,
 * DWP, HMRC, Royal Mail, the NHS, the police, utilities, supermarkets and private car parks,
 * motorways...) is most likely for that body, unless it also names the council or one of its own
 * services. Near misses share the council's words (bins, potholes, fines, benefits); the body named
 * is what tells them apart, and a named body the training phrases never mention still counts.
 * Matched on normalised tokens (accents, case and punctuation gone), English and Welsh (with the
 * common mutations). Naming the council or one of its own services (noise, pavements, fly-tipping,
 * homelessness...) beside the other body cancels the cue, except for the strong bodies (road owners
 * and private parking operators), which only the council itself cancels. A word of danger always does.
 */
import { normaliseTokens } from './normalise.js';

/** Names of other bodies and their services, as normalised phrases of one to three words. */
const OTHER_BODIES = [
  // central government and its agencies
  'dvla', 'dwp', 'hmrc', 'hmcts', 'cthef', 'jobcentre', 'job centre', 'canolfan waith', 'ganolfan waith',
  'universal credit', 'credyd cynhwysol', 'gredyd cynhwysol', 'nghredyd cynhwysol', 'pip', 'esa', 'jsa',
  'state pension', 'pension', 'pensions', 'pensiwn', 'bensiwn', 'mhensiwn', 'child benefit', 'budd dal plant',
  'carers allowance', 'carer allowance', 'pension credit', 'credyd pensiwn', 'attendance allowance', 'tax code', 'tax refund', 'self assessment', 'national insurance',
  'car tax', 'vehicle tax', 'treth car', 'driving licence', 'trwydded yrru', 'drwydded yrru', 'nhrwydded yrru',
  'passport', 'passports', 'pasbort', 'companies house', 'magistrates', 'llywodraeth cymru',
  // health and emergency services
  'nhs', 'gig', 'gp', 'gps', 'doctor', 'doctors', 'dentist', 'hospital', 'hospitals', 'ysbyty', 'pharmacy',
  'chemist', 'fferyllfa', 'meddyg', 'feddyg', 'meddygfa', 'feddygfa', 'deintydd', 'ddeintydd', 'bwrdd iechyd',
  'minor injuries', 'man anafiadau', 'operation', 'llawdriniaeth', 'walk in centre', 'ambulance', 'police', 'heddlu', 'rspca',
  // post, transport, utilities, telecoms
  'royal mail', 'post office', 'sorting office', 'postbox', 'post box', 'postman', 'postie', 'stamp', 'stamps',
  'parcel', 'evri', 'dpd', 'post brenhinol', 'swyddfar post', 'swyddfa bost', 'national highways', 'motorway',
  'traffordd', 'draffordd', 'network rail', 'train station', 'orsaf drenau', 'railway', 'rheilffordd', 'rail replacement', 'lost property', 'eiddo coll', 'dart charge', 'trafnidiaeth cymru',
  'drafnidiaeth cymru', 'transport for wales', 'water company', 'dwr cymru', 'welsh water', 'south west water',
  'british gas', 'energy supplier', 'electricity supplier', 'openreach', 'broadband', 'band eang', 'tv licence',
  'tv licensing', 'trwydded deledu', 'drwydded deledu',
  // private landlords of land and businesses
  'housing association', 'cymdeithas dai', 'gymdeithas dai', 'letting agent', 'supermarket', 'archfarchnad',
  'tesco', 'asda', 'morrisons', 'sainsbury', 'sainsburys', 'aldi', 'lidl', 'waitrose', 'retail park', 'parkingeye',
  'parking charge notice', 'private car park', 'private company', 'private firm', 'cwmni preifat', 'maes parcio preifat', 'skip hire', 'biffa', 'national trust',
  'ymddiriedolaeth genedlaethol', 'management company', 'managing agent', 'freeholder', 'estate agent', 'developer',
  'housing trust', 'builder', 'plumber', 'solicitor', 'amazon', 'ebay', 'airbnb', 'gym', 'vet', 'milfeddyg',
  'dogs trust', 'building society', 'credit card', 'insurance company', 'insurer', 'yswiriant', 'bank account',
  // more of government, health, transport and utilities
  'government', 'home office', 'visa', 'immigration', 'citizens advice', 'environment agency', 'land registry',
  'probate', 'tribunal', 'jury service', 'ofsted', 'ofcom', 'ofgem', 'ofwat', 'mp', 'aelod o senedd', 'nurse',
  'midwife', 'health visitor', 'optician', 'prescription', 'presgripsiwn', 'vaccine', 'vaccination', 'jab',
  'brechlyn', 'mot', 'number plate', 'logbook', 'v5c', 'sorn', 'speeding', 'speed camera', 'penalty points',
  'goryrru', 'driving test', 'congestion charge', 'ulez', 'toll', 'tolls', 'tollau', 'dla', 'pip form',
  'winter fuel', 'tax credits', 'statutory sick pay', 'student finance', 'ucas', 'university', 'prifysgol',
  'academy trust', 'teacher', 'headteacher', 'head teacher', 'athro', 'athrawes', 'inset day', 'inset days', 'school uniform',
  'bus company', 'bus driver', 'stagecoach', 'first bus', 'train', 'trains', 'tren', 'trenau', 'gwr', 'airport',
  'maes awyr', 'ferry', 'bt', 'sky', 'virgin media', 'mobile phone', 'phone bill', 'water bill', 'gas bill',
  'electric bill', 'electricity bill', 'energy bill', 'energy company', 'electricity company', 'national grid',
  'electricity pole', 'telephone pole', 'bil trydan', 'bil nwy', 'bil dwr', 'cwmni nwy', 'cwmni trydan',
  'cwmni dwr', 'cwmni ffon',
  // round three (issue 17): roads, immigration, schools' own business, banks, utilities, health, landlords, shops
  'trunk road', 'trunk roads', 'highways england', 'mhasbort', 'basbort', 'phasbort', 'evisa', 'brp',
  'biometric residence permit', 'residence permit', 'life in the uk', 'ukvi', 'settled status', 'share code', 'fisa',
  'mewnfudo', 'swyddfa gartref', 'dbs', 'disclosure and barring', 'gcse', 'gcses', 'a level', 'a levels',
  'exam board', 'exam results', 'exams', 'tgau', 'arholiad', 'arholiadau', 'cbac', 'wjec', 'school trip',
  'parents evening', 'school app', 'school report', 'detention', 'parentpay', 'gwisg ysgol', 'wisg ysgol', 'athrawon',
  'prifathro', 'brifathro', 'prifathrawes', 'brifathrawes', 'uni', 'bank acct', 'bank card', 'bank cards',
  'cash machine', 'cashpoint', 'atm', 'facebook marketplace', 'fb marketplace', 'gumtree', 'action fraud',
  'energy price cap', 'price cap', 'water main', 'water mains', 'burst main', 'mains water', 'prif bibell',
  'brif bibell', 'power cut', 'power cuts', 'power outage', 'power lines', 'power line', 'overhead wires',
  'overhead cables', 'electricity cable', 'electricity cables', 'electricity wires', 'toriad trydan', 'toriad pwer',
  'gwifrau trydan', 'polyn trydan', 'polyn telegraff', 'band llydan', 'nhs 111', 'one one one', 'fit note',
  'sick note', 'nodyn ffitrwydd', 'gp surgery', 'meddyg teulu', 'feddyg teulu', 'betsi cadwaladr', 'hywel dda',
  'aneurin bevan', 'ambiwlans', 'landlord insurance', 'letting agents', 'letting agency', 'asiant gosod',
  'asiantaeth gosod', 'tenancy deposit', 'deposit back', 'deposit protection', 'euro car parks', 'popla', 'ukpc',
  'excel parking', 'odeon', 'po box', 'natural resources wales', 'cyfoeth naturiol cymru', 'canal and river trust',
  'towpath', 'unadopted', 'private road', 'child maintenance', 'cynhaliaeth plant', 'benefit fraud', 'benefits fraud',
];

/**
 * Bodies that win even beside a council service's words: owners of roads the council does not run
 * ("street lights out on the motorway slip road", "litter along the trunk road") and private parking
 * operators ("a PCN from ParkingEye"). Only the council itself or a word of danger cancels them.
 */
const STRONG_BODIES = [
  'motorway', 'motorways', 'trunk road', 'trunk roads', 'national highways', 'highways england', 'traffordd',
  'draffordd', 'cefnffordd', 'gefnffordd', 'chefnffordd', 'cefnffyrdd', 'gefnffyrdd', 'nmwtra', 'swtra',
  'parkingeye', 'parking eye', 'euro car parks', 'smart parking', 'horizon parking', 'ukpc', 'excel parking', 'apcoa',
  'popla', 'private parking', 'private car park', 'maes parcio preifat', 'cwmni parcio preifat',
];

/**
 * Phrases whose words are not the council's, nor danger, though one of them alone would be: an
 * "emergency tax" code is HMRC's, a "university library" is the university's, a landlord
 * "evicting a tenant" asks about their own tenant (a tenant being evicted names no tenant).
 */
const MASKED = [
  'emergency tax', 'university library', 'uni library', 'college library', 'evicting a tenant', 'evicting my tenant',
  'evicting my tenants', 'evicting tenants', 'eviction of my tenant', 'eviction of a tenant',
];

/** The council, or one of its own services that another body's name may appear beside. */
const COUNCIL_NAMED = [
  'council', 'councils', 'cyngor', 'gyngor', 'nghyngor', 'blue badge', 'bathodyn glas', 'housing benefit',
  'budd dal tai', 'discretionary housing payment', 'penalty charge', 'pcn', 'bus gate', 'dog warden',
  'register office', 'registry office',
  // council services that a message may place beside another body ("noise from the housing association flat")
  'noise', 'noisy', 'pavement', 'fly tipping', 'flytipping', 'fly tipped', 'dumped', 'dumping', 'dog fouling', 'street light',
  'street lights', 'streetlight', 'graffiti', 'bin collection', 'missed bin', 'bin day', 'pest control',
  'food hygiene', 'abandoned vehicle', 'abandoned car', 'planning permission', 'planning application',
  'school place', 'school admission', 'school admissions', 'school transport', 'free school meals', 'library',
  'homeless', 'homelessness', 'evicted', 'eviction', 'evicting', 'notice to leave', 'section 21',
  'nowhere to sleep', 'nowhere to live', 'nowhere to go', 'digartref', 'swn', 'palmant', 'tipio anghyfreithlon',
  'golau stryd', 'goleuadau stryd', 'llyfrgell',
  'councillor', 'councillors', 'cynghorydd', 'lamp post', 'lamp posts', 'lamppost', 'dump', 'paving slab',
  'paving slabs', 'flyposting', 'posters', 'birth certificate', 'death certificate', 'register a death',
  'register the death', 'register a birth', 'register the birth', 'tystysgrif geni', 'dystysgrif geni',
  'tystysgrif marwolaeth', 'dystysgrif marwolaeth', 'care package', 'home care', 'social care', 'social worker',
  'care assessment', 'carers coming', 'need carers', 'tystysgrif genir', 'dystysgrif genir', 'bins out', 'bin out',
  'bin men', 'bin crew', 'register to vote', 'vote', 'voting', 'polling station', 'pleidleisio', 'bleidleisio',
  'street lamp', 'street lamps', 'traffic warden', 'parking warden', 'single person discount', 'student exemption',
  'completion certificate', 'building regulations', 'building regs', 'building control',
];

/**
 * Words of danger or harm: a message with one is never moved out of scope by the cue, whatever body
 * it names ("I can smell gas, British Gas won't answer", "should I call the police, he's hitting
 * her"): the safety screen and model must see it as the resident wrote it, and a miss there costs
 * far more than a near miss answered as a council service.
 */
const DANGER = [
  'fire', 'fires', 'smoke', 'smoking', 'flames', 'burning', 'spark', 'sparks', 'sparking', 'smell', 'smelling', 'fumes',
  'gas leak', 'leaking gas', 'gas leaking', 'gas is leaking', 'leak of gas', 'electrics', 'live wire', 'live wires',
  'exposed wires', 'electric shock', 'monoxide', 'co alarm', 'explosion', 'hurt', 'hurting', 'injured', 'injury', 'bleeding', 'blood',
  'unconscious', 'collapsed', 'not breathing', 'overdose', 'attack', 'attacked', 'attacking', 'hitting', 'hit me',
  'beating', 'knife', 'gun', 'weapon', 'threat', 'threatening', 'threatened', 'danger', 'dangerous', 'scared', 'afraid',
  'frightened', 'abuse', 'abused', 'abusing', 'kill', 'killing', 'die', 'dying', 'suicide', 'suicidal', 'harm', 'missing',
  'emergency', 'urgent', 'help me', 'tan', 'mwg', 'arogl', 'perygl', 'mherygl', 'anaf', 'anafu', 'gwaedu', 'ymosod',
  'cyllell', 'ofn', 'marw', 'lladd', 'argyfwng', 'brifo',
];

const MOTORWAY = /^m\d{1,2}$/;

function phraseSet(phrases: string[]): Set<string> {
  return new Set(phrases.map((p) => normaliseTokens(p).join(' ')));
}
const otherBodies = phraseSet(OTHER_BODIES);
const strongBodies = phraseSet(STRONG_BODIES);
const councilNamed = phraseSet(COUNCIL_NAMED);
const danger = phraseSet(DANGER);
const masked = [...phraseSet(MASKED)].map((p) => p.split(' '));
/** The council itself, as opposed to one of its services (these cancel even a strong body). */
const councilItself = phraseSet(['council', 'councils', 'cyngor', 'gyngor', 'nghyngor', 'councillor', 'councillors', 'cynghorydd']);

function hasPhrase(tokens: string[], set: Set<string>): boolean {
  for (let i = 0; i < tokens.length; i++) {
    if (set.has(tokens[i])) return true;
    if (i + 1 < tokens.length && set.has(tokens[i] + ' ' + tokens[i + 1])) return true;
    if (i + 2 < tokens.length && set.has(tokens[i] + ' ' + tokens[i + 1] + ' ' + tokens[i + 2])) return true;
  }
  return false;
}

/** The tokens with every MASKED phrase blanked out, so its words neither cancel nor count as danger. */
function unmasked(tokens: string[]): string[] {
  const out = tokens.slice();
  for (let i = 0; i < tokens.length; i++) {
    for (const phrase of masked) {
      if (phrase.every((w, k) => tokens[i + k] === w)) for (let k = 0; k < phrase.length; k++) out[i + k] = '';
    }
  }
  return out;
}

/** True when the normalised tokens name another body and not the council or one of its services. */
export function namesOtherBody(tokens: string[]): boolean {
  const strong = tokens.some((t) => MOTORWAY.test(t)) || hasPhrase(tokens, strongBodies);
  if (!strong && !hasPhrase(tokens, otherBodies)) return false;
  const rest = unmasked(tokens);
  if (hasPhrase(rest, danger)) return false;
  return !hasPhrase(rest, strong ? councilItself : councilNamed);
}
