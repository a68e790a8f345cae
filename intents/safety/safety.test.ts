import { screenForSafety, explainSafety, normaliseForSafety, inferKind } from './index.js';

const RISK = 'safety.risk_to_life';
const SAFEGUARDING = 'safety.safeguarding_concern';

// Risk to life: suicide and self-harm, direct and indirect, typos, SMS, voice transcripts.
const RISK_CASES: string[] = [
  'I want to kill myself',
  'I have been thinking about suicide',
  "I'm feeling suicidal and I don't know who to talk to",
  "I can't go on",
  'i cant go on anymore',
  'cant go on anymore',
  "There's no point any more",
  'theres no point anymore',
  'I want to end it all',
  'Everyone would be better off without me',
  'my kids would be better off without me',
  "I've taken all my tablets",
  'i took a whole packet of paracetamol',
  "I'm going to jump",
  "im gonna jump off the bridge",
  'want 2 die',
  'i just want to die',
  'kms',
  'i really wanna kms tonight',
  "I don't want to live anymore",
  "i dont want to be alive any more",
  'no reason to live',
  'I have nothing to live for',
  "what's the point in living",
  'life isnt worth living',
  'I wish I was dead',
  'i wish i had never been born',
  "I've been self harming again",
  "I keep cutting myself",
  'i want to hurt myself',
  "I've written a note for my family",
  'this is goodbye',
  'nobody would miss me if i was gone',
  "I can't take it any more i just want it all to stop",
  'i cant cope any more',
  'i overdosed on my meds',
  'i have od on my pills',
  "my son says he wants to kill himself",
  'my daughter is cutting herself',
  'my friend is threatening suicide',
  'i am standing on the edge of the multi storey car park',
  'thinking of throwing myself in front of a train',
  'i cant carry on like this',
  'i keep thinking about sucide',
  'so done with everything i want to end my life',
  'i want to take my own life',
  'council tax arrears and honestly i want to die',
  'hello i need help with my rent i dont want to be here any more',
  'going to end it tonight',
  // Someone in immediate danger.
  "he's outside with a knife",
  "He's threatening to kill me",
  'my ex said he would kill me',
  'he is going to kill me please help',
  "Someone's collapsed in the street",
  'my neighbour has collapsed and is not breathing',
  'an old man has fallen and cant get up',
  'my dad is having a heart attack',
  'call an ambulance',
  'I can smell gas in my flat',
  'gas leak on the estate',
  "there's a fire in the flat below",
  'my house is on fire',
  'the kitchen caught fire',
  'smoke is pouring out of the flat next door',
  'child locked in a hot car in the car park',
  'there is a baby left in a car on its own',
  'my son is missing',
  'my 5 year old has gone missing on the beach',
  'a man is in the sea and shouting for help',
  'someone fell into the harbour',
  'people cut off by the tide near the cliffs',
  'he is hitting me right now',
  'i can hear my neighbour beating his wife',
  'I can hear the man next door hitting his kids',
  'someone is trying to break in right now',
  'im scared for my life',
  'the carbon monoxide alarm is going off',
  'he has got a gun',
  'a man waving a machete outside the shop',
  'my partner hits me and now hes outside with a knife',
  'my neighbours kid is hanging out of the window',
  'i think my neighbour might be dead havent seen him in a week',
  // Voice transcripts: no punctuation, run-on.
  'yeah hi im calling because i dont really want to be alive anymore',
  'hello theres a man with a knife outside my door what do i do',
  'um my husband said hes going to kill me when he gets back',
  'i think im going to take all my tablets tonight',
  'i might as well be dead',
  'its all too much i want it to stop',
  'my wife has locked herself in the bathroom with pills',
  'im sat on the cliff edge',
  'please help me he is going to hurt me',
  'thinking of killing myself',
  'i feel like ending it',
  "I've had enough of life",
  'i have a rope ready',
  'my flat is full of smoke',
  'i took 30 paracetamol',
  // Indirect intent: finality, goodbyes, affairs in order, things given away, a plan, means ready.
  "had enough of all this, tonight's the night",
  'tonites the nite dont try n stop me',
  "I've sorted my affairs, just need to know who to tell about the flat afterwards",
  "won't be a problem for anyone much longer",
  "yeah i'll not be a problem after tonight",
  "I'm not going to be around to see the new year",
  "my family will be fine once I'm gone",
  "theyd all be happier if i wasnt around",
  "I've given away most of my things, I won't need them where I'm going",
  'my son texted me goodbye and his phone is off',
  "I've put my affairs in order and said my goodbyes",
  'whoever reads this please feed my cat',
  'been saving my pills for weeks now',
  "mum's been stockpiling her morphine",
  'Ive got all my tablets lined up on the table',
  "I've got the rope, just need the courage",
  'been looking up how many paracetamol it takes',
  "I know how I'm going to do it now",
  'I just want it all to go away for good',
  'all I think about is dying',
  "he's going to end it and I can hear him crying",
  'Ive had enough. Im going to walk into the sea',
  'ive took the lot',
  'cnt do it nemore. bye',
  'burnt my arm again with a lighter',
  'scratching my arms till they bleed',
  // Someone in danger now, heard or seen.
  "he's laying into her next door, I can hear her screaming",
  "my ex is at the door saying he'll do me in",
  "stepdad is drunk and smashing the house up, we're hiding upstairs from him",
  'a woman is being dragged into a car on Station Road',
  "someone's been slashed outside the pub",
  'old man on the beach, his lips look blue',
  // Welsh, Polish, romanised Urdu.
  'Dw i eisiau marw',
  "Dw i'n mynd i ladd fy hun heno",
  'Chcę się zabić',
  'nie chce juz zyc',
  'on ma nóż i grozi że mnie zabije',
  'main marna chahta hoon',
  'wo mujhe maar dega, uske paas chaku hai',
];

// Safeguarding: abuse, neglect, exploitation without an immediate threat.
const SAFEGUARDING_CASES: string[] = [
  "he said he'd hurt the kids",
  "my neighbour's kids are left alone all night",
  'my partner hits me',
  "I'm scared of my husband",
  "elderly man next door isn't being fed",
  "I think my mum's carer is taking her money",
  'a kid is being groomed',
  'county lines',
  'i think kids on our estate are being used for county lines',
  'my boyfriend is controlling and wont let me see my friends',
  'domestic abuse',
  'I am in an abusive relationship',
  'my husband has been hitting me for years',
  'she slapped me again last night',
  'my ex threatened to take the kids',
  'he takes all my money and my bank card',
  "i don't feel safe at home",
  'the children next door are always hungry and never washed',
  'my neighbour leaves her toddler home alone',
  'the kids next door have bruises all the time',
  'the old lady upstairs is not being looked after by anyone',
  "haven't seen my elderly neighbour for days",
  'the carers keep shouting at my dad',
  'someone is stealing my nans pension',
  'older men picking up young girls from the school',
  'a child is being sexually abused',
  'my daughter was touched inappropriately by a neighbour',
  'drug dealers have taken over his flat',
  'my mum is being financially abused',
  'he beats her',
  'she is being abused by her partner',
  'my stepdad hits me and my brother',
  'im frightened of what he will do if i leave',
  'my neighbour is neglecting her children',
  'i think my friend is being trafficked',
  'teenagers selling drugs for older lads',
  "my gran's carer is stealing from her",
  'im being forced to marry',
  'young girls are going into the flat with older men',
  'my 14 year old is going out with a 25 year old man',
  'my partner is very controlling',
  'im 15 and my step dad touches me',
  'my mum doesnt feed us',
  'they make my brother sell drugs',
  'i think the lady next door is being hit by her husband',
  'old man across the road has no heating and no food',
  // Exploitation, coercive control, neglect in everyday words.
  "my mate's little brother is running parcels for some older lads",
  'I think my son is being made to carry stuff for a gang',
  'my 14yo keeps going missing overnight and coming back with cash',
  'lads with cars keep giving the year 9 girls vodka',
  'my friend is 15 and she is seeing a 30 year old',
  'some man online keeps asking my daughter for pictures',
  "people have taken over my brother's flat to deal from",
  'a new bloke has moved in with the old fella at number 12 and he looks terrified',
  'he checks my phone and tells me what to wear',
  "my sister's husband won't let her leave the house",
  'my dad is drinking again and pushing mum about',
  'she always has bruises and a black eye',
  'nabour hits his mrs evry wknd cn hear it thru the wall',
  'the kids next door never have any food, they come round asking for bread',
  "the little boy says his dad locks him in his room without food",
  'my neighbours kids been left again',
  'my uncle has dementia and his carer has started taking his bank card',
  'the care workers leave my dad in soiled clothes',
  'a vulnerable man being used as a cash point by local lads',
  'a man got my nan to send him thousands',
  'Mój mąż mnie bije',
  'Mae fy ngŵr yn fy mwrw i',
  'mera shohar mujhe roz maarta hai',
  "I'm 16 and my parents are taking me to Pakistan in the summer to get married",
];

// Everyday council messages, including the near misses: none may trigger.
const NEGATIVES: string[] = [
  'my bin is dead',
  "I'm dying to know my bin day",
  'can you kill the noise from next door',
  'the council tax is killing me',
  'I want to report verbal abuse from a bin crew',
  'fire safety in my flat',
  'what day is my bin collection',
  'my bins were not collected on Monday',
  'I want to book a bulky waste collection for an old sofa',
  'there is a dead fox in the road outside my house',
  'can you remove a dead seagull from the beach',
  'I hurt myself tripping on a pothole on Mill Lane',
  'I cut myself on broken glass in the park',
  'how do I get a gas safety certificate',
  'my gas fire is not working',
  'the fire door in the stairwell is broken',
  'my neighbour has a bonfire every weekend and the smoke comes into my house',
  "I can't go on the website, it keeps crashing",
  "I can't carry on paying this much council tax",
  "I won't be here tomorrow so can the bin men leave the bin by the gate",
  "my wife will kill me if the bins aren't collected again",
  "I'm going to jump in the car and come down to the office",
  'how do I get a licence for my dog grooming business',
  'can I have a dead tree removed from the verge',
  'the street lights are dead on my road',
  'the park is neglected and overgrown',
  'the play area is dangerous and kids could get hurt',
  'kids keep getting hurt on the broken swings',
  'my neighbours dog keeps barking all night',
  'the kids next door are always screaming in the garden',
  'how do I report abuse of a disabled parking bay',
  'I nearly had a heart attack when I saw my council tax bill',
  'drowning in paperwork for my housing benefit claim',
  'my husband died and I need to change the council tax',
  'how do I register a death',
  'I need to end my garden waste subscription',
  'this heat is going to kill me',
  'the smell from the bins is killing me',
  'I am sick to death of the fly tipping',
  'my mum is elderly and cannot get her bins out, can she have an assisted collection',
  'the old man next door is not getting his bins emptied',
  'my kids are scared of the dog next door',
  'I was attacked by a seagull on the pier',
  'the bin lorry hit my car',
  'my son is missing school because of bullying, who do I talk to about transport',
  'can I burn garden waste in my garden',
  "I can't take it any more, third week my bins haven't been collected",
  "I can't cope with the bills, can I get help with council tax",
  'the car park pay machine is dead',
  'our street has been neglected by the council for years',
  'is there a fire hazard in leaving bags in the communal hallway',
  'who do I talk to about a shooting star festival on the beach',
  'where is the nearest knife amnesty bin',
  'my landlord is harassing me about the rent',
  'there is a fight outside the pub every Friday',
  'who do I contact about drugs being sold in the park',
  'can my carer collect my blue badge',
  'how do I apply for a school place for my daughter',
  'I left my bins out on Sunday night',
  'the smoke from the chimney next door is awful',
  'I was abused by a parking warden this morning',
  'there are rats in the garden and the kids play there',
  'can I report a badger that has been hit by a car',
  'I need to report someone who is not moving their car from my drive',
  'my phone is dead so please email me',
  'the broken play equipment is a danger to kids',
  'the hedge is killing the light in my garden',
  'my elderly dad needs a care assessment',
  'can you help me pay my rent, I am at the end of my tether with the landlord',
  'my neighbour keeps hitting my car with his bike',
  'our recycling got abused by foxes overnight',
  'the seafront is on fire today, lovely weather',
  "my bins have been missed for 3 weeks I'm so done with this",
  'I have had enough of the neighbours parking',
  "my dad hasn't been home since he went into hospital, can we stop the bins",
  'older kids are messaging my son about football',
  'giving my kids money for school dinners',
  'the landlord is taking money from my deposit',
  'there is smoke everywhere from the barbecue next door',
  'the school is not safe with all the traffic',
  "my neighbour's cat keeps killing birds",
  'the kids use the street as a playground and could get hit by a car',
  "I can't do this online, can I call someone",
  "i'm dying for a cuppa",
  'i could kill for a coffee',
  // Hard negatives for the indirect families: finality words about bins, moving, wills, pests.
  "tonight's the night the bins go out, right?",
  "tonight's the night for the fireworks display on the beach",
  "I won't be here next week so can you collect the bulky stuff on the 14th",
  "my affairs are in order, I just need a copy of my birth certificate for the solicitor",
  "I'm giving away an old sofa, can I put it out for collection",
  "I'll be gone for a month travelling, can you stop my bin collections",
  "I won't be around on Thursday for the bulky collection",
  "I'm moving out at the end of the month, who do I tell about council tax",
  'goodbye and thanks for your help',
  'the rats in the loft are driving me mad, I can\'t take it any more',
  'what do you use to kill the wasps nest in the loft',
  'how do I get rid of mice, the poison isn\'t killing them',
  'my dad has dementia, can I get a carers permit to park outside his house',
  'how much are care home fees',
  'the abuse I got from the warden was disgusting, I want to complain',
  'the stairs are killing me, can I go on the list for a ground floor flat',
  "someone's set fire to the bins behind the shops again, it's out now but it's a mess",
  'someone set fire to my bin last night, it is melted',
  'my parents are kicking me out next month',
  "I've got nowhere to sleep tonight, my mum kicked me out",
  'Dostałem mandat za parkowanie od rady, jak się odwołać?',
  'Dw i eisiau talu fy nhreth cyngor',
  'mujhe council tax bharna hai',
  "I can't do it online any more, can I phone",
  'I slipped on ice and cut my leg, it will not stop bleeding',
  'she had a black eye after she tripped on the pavement',
  'is the fence high enough to need planning permission',
  'older kids are messaging my son about football',
  'we are getting married in June, can we book the registry office',
];

describe('screenForSafety: risk to life', () => {
  it.each(RISK_CASES)('%s', (text) => {
    const hit = screenForSafety(text);
    expect(hit).not.toBeNull();
    expect(hit?.category).toBe(RISK);
  });
});

describe('screenForSafety: safeguarding', () => {
  it.each(SAFEGUARDING_CASES)('%s', (text) => {
    const hit = screenForSafety(text);
    expect(hit).not.toBeNull();
    expect(hit?.category).toBe(SAFEGUARDING);
  });
});

describe('screenForSafety: everyday council messages pass', () => {
  it.each(NEGATIVES)('%s', (text) => {
    expect(explainSafety(text)).toBeNull();
  });
});

describe('screenForSafety: shape and normalisation', () => {
  it('returns a short reason and the matched words', () => {
    const hit = screenForSafety('Please help, he has a knife');
    expect(hit).toEqual({ category: RISK, kind: 'crime_violence', reason: expect.any(String), matched: expect.stringContaining('knife') });
  });

  it('immediate threat wins over a safeguarding disclosure in the same message', () => {
    expect(screenForSafety('my husband hits me and he said he will kill me tonight')?.category).toBe(RISK);
  });

  it('finds the concern even inside a council request', () => {
    expect(screenForSafety('I need to pay my council tax but honestly I want to end it all')?.category).toBe(RISK);
  });

  it('ignores empty input', () => {
    expect(screenForSafety('')).toBeNull();
    expect(screenForSafety('   ')).toBeNull();
  });

  it('normalises contractions, SMS spellings and punctuation', () => {
    expect(normaliseForSafety("I can't GO ON!!")).toBe(' i cannot go on ');
    expect(normaliseForSafety('want 2 die')).toBe(' want to die ');
    expect(normaliseForSafety("he's outside")).toBe(' he is outside ');
    expect(normaliseForSafety('kms')).toBe(' kill myself ');
    expect(normaliseForSafety('Chcę się zabić, nóż')).toBe(' chce sie zabic noz ');
    expect(normaliseForSafety('fy ngŵr, łódź')).toBe(' fy ngwr lodz ');
    expect(normaliseForSafety('i have od on my pills')).toBe(' i have overdose on my pills ');
    expect(normaliseForSafety('mandat od rady')).toBe(' mandat od rady ');
  });

  it('respects a plain denial but not a cry for help around it', () => {
    expect(screenForSafety("I'm not suicidal, I just need help with my rent")).toBeNull();
    expect(screenForSafety("I'm not suicidal but I can't go on like this")?.category).toBe(RISK);
  });

  it('has the case counts the brief asks for', () => {
    expect(RISK_CASES.length + SAFEGUARDING_CASES.length).toBeGreaterThanOrEqual(80);
    expect(NEGATIVES.length).toBeGreaterThanOrEqual(60);
  });
});

// Issue 8: each disclosure carries the kind of risk that chooses its signposting.
describe('screenForSafety: the kind of risk, for signposting', () => {
  it.each([
    ['I want to kill myself', 'suicide_self_harm'],
    ["I've taken all my tablets", 'suicide_self_harm'],
    ["I'm going to jump off the bridge", 'suicide_self_harm'],
    ['Chcę się zabić', 'suicide_self_harm'],
    ['there is a gas leak in my street', 'fire_gas_co'],
    ['the flat upstairs is on fire', 'fire_gas_co'],
    ['our carbon monoxide alarm is going off', 'fire_gas_co'],
    ['a man has fallen in the river', 'danger_now'],
    ['someone has collapsed outside the library and is not breathing', 'danger_now'],
    ["he's outside with a knife", 'crime_violence'],
    ['there are gunshots on Quay Street', 'crime_violence'],
    ['my ex is outside with a knife', 'domestic_abuse'],
    ['my husband is threatening to kill me', 'domestic_abuse'],
    ['my partner hits me', 'domestic_abuse'],
    ['Mąż mnie bije', 'domestic_abuse'],
    ['my neighbour is hitting his kids', 'child_at_risk'],
    ['the kids next door are left alone all night', 'child_at_risk'],
    ['a toddler is locked in a hot car', 'child_at_risk'],
    ['Dzieci sąsiadów są same w domu', 'child_at_risk'],
    ['my nan\'s carer is stealing her pension', 'adult_at_risk'],
    ["my elderly neighbour isn't being fed", 'adult_at_risk'],
    ['he neglects his elderly mum', 'adult_at_risk'],
  ] as const)('%s -> %s', (text, kind) => {
    expect(screenForSafety(text)?.kind).toBe(kind);
  });

  it('signposts by who is at risk when one family covers several kinds', () => {
    // "hits his wife" is domestic abuse even when children are mentioned too.
    expect(screenForSafety('he hits his wife in front of the kids')?.kind).toBe('domestic_abuse');
    expect(screenForSafety('he hits his son with a belt')?.kind).toBe('child_at_risk');
  });
});

// Issue 8: ways of ending a chat, idioms and service questions are not disclosures for the screen.
describe('screenForSafety: issue 8 false alarms', () => {
  it.each([
    'I want to end this chat',
    'end chat',
    'end',
    'bye',
    'stop',
    'talk to somebody',
    'what care homes are there in the area',
    'which hospital has an A&E',
    "I'm homeless, where can I get help",
    'can I get a fire safety check',
    'who does gas safety checks for council flats',
    'what number do I call if I smell gas',
    'this council tax is killing me',
    "I'm dead on my feet",
    'my back is killing me',
  ])('%s', (text) => {
    expect(explainSafety(text)).toBeNull();
  });
});

// Round 2 (issue 8): the screen's new families and guards, on examples written for these tests.
describe('screen, round 2: emergencies without alarm words', () => {
  it.each([
    ['the lift lobby is filling with smoke and the family on the fourth floor are still inside', 'fire_or_gas', 'fire_gas_co'],
    ['fire in the bin store under the maisonettes', 'fire_or_gas', 'fire_gas_co'],
    ['since the log burner went in my husband gets headaches and feels sick every evening', 'co_symptoms', 'fire_gas_co'],
    ['the shop awning came down in the wind and a woman is trapped underneath', 'water_or_cliff', 'danger_now'],
    ['a jogger has slipped off the sea wall into the water', 'water_or_cliff', 'danger_now'],
    ['my granddaughter drank some bleach from under the sink', 'medical_emergency', 'danger_now'],
    ['the man next door is clutching his chest and can barely talk', 'medical_emergency', 'danger_now'],
    ['two men are dragging a woman into a van by the station', 'attack_now', 'crime_violence'],
    ['someone is hurling bricks at the community centre and the youth club are inside', 'attack_on_occupied', 'crime_violence'],
    ['a gang have just barged their way into the house opposite', 'break_in_now', 'crime_violence'],
    ['a man keeps kicking a bloke on the floor by the taxi rank', 'assault_person', 'crime_violence'],
    ["don't worry about my rent, I won't be here next month anyway", 'suicide_indirect', 'suicide_self_harm'],
    ['my ex found out where I live and keeps waiting outside the flat', 'domestic_abuse', 'domestic_abuse'],
    ['our neighbour in his 70s sends every carer away and has pressure sores', 'adult_at_risk', 'adult_at_risk'],
    ['Copilul a căzut de pe balcon și nu se mișcă', 'multilingual_danger', 'danger_now'],
    ['Kendimi öldürmek istiyorum', 'multilingual_risk', 'suicide_self_harm'],
    ['Gas ki boo aa rahi hai seedhiyon mein', 'multilingual_fire', 'fire_gas_co'],
    ['Mis hijos de 4 y 7 años están solos desde anoche', 'multilingual_safeguarding', 'child_at_risk'],
    ['رجال يضربون رجلا في الشارع وهو ينزف', 'arabic_violence', 'crime_violence'],
  ] as const)('%s -> %s (%s)', (text, family, kind) => {
    const e = explainSafety(text);
    expect(e?.family).toBe(family);
    expect(e?.hit.kind).toBe(kind);
  });

  it.each([
    "I'm drowning in ivy cuttings, when is the next garden waste round",
    'the CO alarm chirps every minute, think it needs replacing',
    'there is no smell of gas but the hob will not light',
    'I honestly thought I was going to die after that takeaway, please inspect it',
    'goodbye forever chatbot',
    'my phone fell into the canal by the lock',
    'someone forced their way into my shed last week',
    'my ex keeps turning up late to collect the kids',
    'my nan refuses help with the garden, can you cut the hedge',
    'the film about the abducted girl was on at the library',
    'the boiler is broken, no heating, and the kids feel sick and have headaches from the cold',
    'gaz kokusu yok, sadece fatura sorusu',
    'kids keep throwing stones at the empty flats, nobody inside them',
  ])('%s: not a hit', (text) => {
    expect(explainSafety(text)).toBeNull();
  });
});

describe('round 25: carbon monoxide told by its symptoms, similes explained, negated gas abroad', () => {
  it.each([
    "We all feel sick and dizzy when the heating's on and the dog's wobbly. Feels better when we go outside.",
    "the whole family keeps getting headaches and feeling sick but only when we're at home, fine at work and school",
    'we are all dizzy and have headaches every evening when the heating comes on',
    'flu like symptoms for the whole household but only at home, and the dog is lethargic and wobbly',
    "her whole family have flu-like symptoms only at home, the cat's lethargic, and the alarm keeps beeping so she took the battery out",
    'me and my partner both feel sick and dizzy in the flat and the alarm keeps beeping',
  ])('%s -> co_symptoms', (text) => {
    expect(explainSafety(text)?.family).toBe('co_symptoms');
    expect(explainSafety(text)?.hit.kind).toBe('fire_gas_co');
  });

  it.each([
    'Dzień dobry, od rana boli nas głowa i mamy mdłości, a czujnik przy piecu piszczy.',
    'Mamy zawroty głowy i mdłości odkąd włączamy piec gazowy.',
    'Boli mnie głowa i mam mdłości, czujnik czadu piszczy.',
    'Merhaba, kombi çalışırken hepimizin başı dönüyor ve midemiz bulanıyor, alarm da ötüyor.',
    'Kombi açıkken çocuklarımın başı ağrıyor ve kusuyorlar.',
    'Tenemos dolor de cabeza y mareos desde que encendimos la estufa.',
    'Centrala merge și avem amețeli și greață toată familia.',
  ])('%s -> multilingual_fire (carbon monoxide felt)', (text) => {
    expect(explainSafety(text)?.family).toBe('multilingual_fire');
  });

  it.each([
    'Bună ziua, centrala face un zgomot puternic ca niște bătăi când pornește. Nu miroase a gaz, doar zgomotul.',
    'Caldera hace un ruido fuerte, no huele a gas, solo el ruido.',
    'Nie czuć gazu, piec po prostu hałasuje.',
    'Boli mnie głowa, a piec nie działa od wczoraj.',
    'Czujnik czadu piszczy co minutę, bateria się wyczerpała.',
    "there's screaming every night, sounds like a woman being attacked but it's foxes, I've seen them",
    "screaming like a child is being killed out the back every night, turns out it's cats fighting",
    'pigeon scarer at the quay goes off like a gunshot every ten minutes from dawn',
    'the bird scarer on the farm bangs like gunshots all day long, is that allowed',
    'car keeps backfiring like gunshots at 3am outside flat 4',
    'does the library lend out carbon monoxide detectors? heard some do',
    'do you loan out co detectors to tenants',
    "I've had a headache all week, the boiler's broken and I'm sick of waiting for the repair",
    'he is being attacked by seagulls every time he eats chips on the prom',
    "man next door shouts at his telly every night like he's being attacked, football. so loud",
  ])('%s: not a hit', (text) => {
    expect(explainSafety(text)).toBeNull();
  });

  it.each([
    ['Miroase a gaz în bucătărie și ne doare capul.', 'multilingual_fire'],
    ['I can hear a woman being attacked next door, she is screaming for help', 'attack_now'],
    ['my neighbour is being attacked outside the flats, please send someone', 'attack_now'],
    ['heard what sounded like gunshots by the park, people are running', 'weapon_or_threat_to_kill'],
    ['I can smell gas in the street outside the school', 'fire_or_gas'],
  ] as const)('%s -> %s (still a hit)', (text, family) => {
    expect(explainSafety(text)?.family).toBe(family);
  });
});

describe('round 25 kinds: an appliance named only as a repair for later', () => {
  it('a seizure beside "the boiler looked at next week" is danger now; a collapse beside a boiler making a noise is still fire, gas or CO', () => {
    expect(explainSafety('A customer has had a seizure in the reading room, it has gone on for five minutes and his lips are turning blue. Also we still need the boiler looked at next week.')?.hit.kind).toBe('danger_now');
    expect(explainSafety("my dad has collapsed and isn't breathing, the boiler is making a funny noise")?.hit.kind).toBe('fire_gas_co');
  });
});

describe('round 25 kinds: a footbridge stood on for a while, deciding not to carry on', () => {
  it('names suicide or self-harm as the kind', () => {
    expect(inferKind("not being dramatic but I've been standing on the footbridge over the bypass for about 40 mins. just wanted someone to know", 'safety.risk_to_life')).toBe('suicide_self_harm');
    expect(inferKind("I won't need the payment plan after this week because I've decided I'm not carrying on. I'm calm about it.", 'safety.risk_to_life')).toBe('suicide_self_harm');
    expect(inferKind('my dad has collapsed on the footbridge and is not breathing', 'safety.risk_to_life')).toBe('danger_now');
  });
});

describe('round 26: similes of a gunshot, money as the strangler, the bot quoted, hyperbole in Arabic', () => {
  it.each([
    'banging from next door like gunshots every night, its his nail gun, hes doing diy at midnight',
    "Every time the streetlight outside comes on it makes a noise like a gunshot, a loud crack. It's the starter, I think.",
    'the boiler makes a bang like a gunshot when it fires up',
    "the roofers' nail guns going like gunshots since 7am on Sunday",
    'the bin lorry drops the lids and it sounds like a gunshot at 6am every day',
    'small business rate relief am i eligible these rates are strangling us',
    'the energy bills are strangling us, any help for small businesses',
    'council tax is strangling us this year can I spread it over 12 months',
    'these charges are really crippling us, can I pay monthly',
    'why does your assistant keep telling me to dial 999, I only asked about bins',
    'هذا الروبوت سيقتلني من الغضب، أريد التحدث مع موظف حقيقي',
    'هذا الموقع سيقتلني، أريد التحدث مع شخص',
  ])('%s: not a hit', (text) => {
    expect(explainSafety(text)).toBeNull();
  });

  it.each([
    ['Just heard what sounded like gunshots near the flats on Heron Drive and someone screaming', 'weapon_or_threat_to_kill'],
    ['Heard what sounded like two gunshots and screaming from the flats about a minute ago.', 'weapon_or_threat_to_kill'],
    ['bangs like gunshots and then lads running off, someone is on the ground', 'weapon_or_threat_to_kill'],
    ['heard gunshots outside the pub', 'weapon_or_threat_to_kill'],
    ['he is strangling me help', 'attack_now'],
    ['my husband is strangling me and the bills are a mess', 'attack_now'],
    ['my dad has collapsed, call 999', 'medical_emergency'],
    ['I rang 111 and it told me to call 999, my son is not breathing', 'medical_emergency'],
    ['زوجي سيقتلني ومعه سكين', 'arabic_violence'],
    ['هذا الروبوت سيقتلني من الغضب، وزوجي يهددني بسكين الآن', 'arabic_violence'],
  ] as const)('%s -> %s (still a hit)', (text, family) => {
    expect(explainSafety(text)?.family).toBe(family);
  });
});

describe('round 26: Urdu, Bengali, Punjabi and Chinese script families', () => {
  it.each([
    ['আমাদের রান্নাঘরে আগুন লেগেছে, পুরো বাড়ি ধোঁয়ায় ভরে গেছে', 'script_fire', 'fire_gas_co'],
    ['ਰਸੋਈ ਨੂੰ ਅੱਗ ਲੱਗੀ ਹੈ ਅਤੇ ਮੇਰੀ ਮਾਂ ਉੱਪਰ ਫਸੀ ਹੋਈ ਹੈ', 'script_fire', 'fire_gas_co'],
    ['有人拿着刀在店里威胁员工', 'script_violence', 'crime_violence'],
    ['کوئی کہہ رہا ہے کہ ہمیں مار دے گا', 'script_violence', 'crime_violence'],
    ['میرا شوہر مجھے مارتا ہے', 'script_abuse', 'domestic_abuse'],
    ['我邻居是一位坐轮椅的老人，他儿子拿走了他的养老金', 'script_abuse', 'adult_at_risk'],
    ['میرا بیٹا نہر میں گر گیا ہے', 'script_danger', 'danger_now'],
    ['ابن جاري يأتي إلى المدرسة بكدمات ويقول إن أباه يضربه', 'arabic_abuse', 'child_at_risk'],
  ] as const)('%s -> %s as %s', (text, family, kind) => {
    expect(explainSafety(text)).toMatchObject({ family, hit: { kind } });
  });
  it.each([
    'پچھلے سال کچن میں آگ لگ گئی تھی، اب دیوار کی مرمت چاہیے',
    '去年厨房着火了，现在墙需要修理',
    '邻居每天晚上大喊大叫，太吵了',
    '我想打他电话，请给我号码',
    'আমি কোথায় ধোঁয়া সনাক্তকারী কিনতে পারি?',
  ])('%s: not a hit', (text) => {
    expect(explainSafety(text)).toBeNull();
  });
});

describe('a bang likened to a gunshot: a report unless it is explained (engineer, 6 December, after round 26)', () => {
  // Round 26 made a simile no hit unless someone shooting, hurt, screaming or running was told beside it; a frightened
  // resident who only heard the bangs then got nothing. The simile hits again; what makes the noise, named, guards it.
  it.each([
    "sounds like gunshots coming from the flat upstairs, I'm terrified",
    "loud bangs like gunshots on the estate, I'm scared to go out",
    'I just heard what sounded like gunshots in the street outside my flat',
    'two bangs like a gun going off behind the shops just now',
    'what sounded like gunfire near the school gates',
  ])('%s: a hit', (text) => {
    expect(explainSafety(text)?.family).toBe('weapon_or_threat_to_kill');
  });
  it.each([
    'banging from next door like gunshots every night, its his nail gun, hes doing diy at midnight',
    "Every time the streetlight outside comes on it makes a noise like a gunshot, a loud crack. It's the starter, I think.",
    'the pigeon scarer at the quay goes off like a gunshot every ten minutes',
    'the van outside keeps backfiring like gunshots at 5am',
    'a crack like a gunshot, turned out it was a branch coming down in the wind',
  ])('%s: explained, no hit', (text) => {
    expect(explainSafety(text)).toBeNull();
  });
  it.each([
    ['someone is shooting outside', 'weapon_or_threat_to_kill'],
    ['there are lads shooting at cars on the estate', 'weapon_or_threat_to_kill'],
  ] as const)('%s -> %s', (text, family) => {
    expect(explainSafety(text)?.family).toBe(family);
  });
  it.each(['someone is shooting a film outside the library, can they park there', 'my neighbour is shooting rabbits in his field, is that allowed'])('%s: no hit', (text) => {
    expect(explainSafety(text)).toBeNull();
  });
});

describe('round 28: general forms from sets AE and AF (paraphrases, not the sets\' wording)', () => {
  it.each([
    ["my boyfriend broke my phone again so I'm on my sister's, can you ring me on this number", 'partner_damage'],
    ["my husband snapped my sim card so I can't ring anyone, please post the letter", 'partner_damage'],
    ['the ex threw my phone in the canal again, use my work email for the repair', 'partner_damage'],
    ['after friday no one will have to chase me about anything ever again', 'suicide_indirect'],
    ["sorted who's having my dog and paid the rent, sorry for all the bother", 'suicide_indirect'],
    ["nobody will need to contact me about the arrears again after this weekend", 'suicide_indirect'],
    ["I'm up on the roof of the flats and I'm not coming back down", 'at_height'],
    ['sat on top of the multistorey by the station, not going back down', 'at_height'],
    ["I think I saw a man fall into the harbour and he hasn't come up", 'water_or_cliff'],
    ['just watched a kid go into the river off the weir', 'water_or_cliff'],
    ['a boy in my class said someone at home touches him where they shouldn\'t', 'sexual_abuse'],
    ['I keep starving myself to lose weight and I feel faint', 'self_harm'],
    ['he will kill me one day, he said so last night', 'weapon_or_threat_to_kill'],
    ["I've sent my goodbyes to everyone, sorry", 'suicide_indirect'],
  ] as const)('%s -> %s', (text, family) => {
    expect(explainSafety(text)?.family).toBe(family);
  });
  it.each([
    'my son dropped my phone and broke the screen, can you text me instead',
    'my partner broke my phone screen by accident again, can I claim on the insurance',
    'the boy racers on the bypass will kill somebody one of these days, can we have a camera',
    "the speed he drives down our street he'll kill a kid at this rate",
    'we said our goodbyes to gran at the hospice before she died, can I cancel her blue badge',
    'got a ticket at the hospital while saying goodbye to my husband, he was dying, can I appeal',
    'skipping meals and starving myself so the kids can eat, is there a food bank',
    "we're starving ourselves to pay the rent, can we get help with council tax",
    "once it's paid off nobody will need to chase me again thank god",
    'sorted who gets the dog in the divorce, now the council tax needs changing',
    'the water has not come back on since the repair on River Street',
  ])('%s: no hit', (text) => {
    expect(explainSafety(text)).toBeNull();
  });
});

describe('round 29: a threat to kill told as "next time" and finishing (paraphrases)', () => {
  it.each([
    ['my ex told me next time he will finish me off, can i get the locks changed', 'weapon_or_threat_to_kill'],
    ["she keeps saying next time she'll finish the job, I need to move", 'weapon_or_threat_to_kill'],
    ['he warned me that next time hes going to finish what he started. i need emergency housing', 'weapon_or_threat_to_kill'],
    ['my husband texted me next time he will end it, am I priority for a transfer', 'weapon_or_threat_to_kill'],
  ] as const)('%s -> %s', (text, family) => {
    expect(explainSafety(text)?.family).toBe(family);
  });
  it.each([
    "the decorator said next time he'll finish the job properly, can I claim for the mess",
    'next time I will finish the form online, thanks',
    'the plumber told me next time he will finish it, he ran out of parts',
    'my tutor says next time she will finish the lesson early',
  ])('%s: no hit', (text) => {
    expect(explainSafety(text)).toBeNull();
  });
});

describe('round 29: a child given gifts or lifts by a grown man; jumping from a height in Spanish or Portuguese (paraphrases)', () => {
  it.each([
    ['our 13 year old has been getting lifts and money from a 30 year old man she met online', 'exploitation'],
    ['my niece is 15 and keeps getting presents off an older man from the takeaway', 'exploitation'],
    ['mi hermano dice que se va a tirar del puente, por favor ayuda', 'multilingual_risk'],
    ['o meu filho disse que vai se atirar da janela', 'multilingual_risk'],
  ] as const)('%s -> %s', (text, family) => {
    expect(explainSafety(text)?.family).toBe(family);
  });
  it.each([
    'my son gets lifts from a 40 year old neighbour to football, is there a school bus instead',
    'my mum is getting lifts from an older man at church, can she get a bus pass',
    '¿Cuándo recogen la basura? Voy a tirar el sofá viejo',
    'voy a tirar la basura al contenedor de la calle',
  ])('%s: no hit', (text) => {
    expect(explainSafety(text)).toBeNull();
  });
});

describe('round 29: someone in the water told apart from their struggle (paraphrases)', () => {
  it.each([
    "there's a man in the river near the old bridge and he's going under",
    'a kid in the sea off the end of the pier, they look like they are struggling',
  ])('%s -> water_or_cliff', (text) => {
    expect(explainSafety(text)?.family).toBe('water_or_cliff');
  });
  it.each([
    'my dog was in the river by the park and struggling to get out, the vet says he is fine',
    'the swimmers in the lake at the open water session were all fine, is it on next week',
  ])('%s: no hit', (text) => {
    expect(explainSafety(text)).toBeNull();
  });
});

describe('round 29: control by the post and by punishment, locked out by a partner (paraphrases)', () => {
  it.each([
    'please send the rent letters to my sister, my husband goes through all my post and I get punished if I buy anything',
    'my boyfriend locked me out all night in the rain again, can I get emergency housing',
    'she reads all my letters and i get punished for every penny i spend',
  ])('%s -> domestic_abuse', (text) => {
    expect(explainSafety(text)?.family).toBe('domestic_abuse');
  });
  it.each([
    'my son opens my post for me because my eyesight is bad, can you send large print',
    'locked myself out all night, the key broke in the door, can a repair come',
    'my son gets punished at school for being late because the bus never comes',
  ])('%s: no hit', (text) => {
    expect(explainSafety(text)).toBeNull();
  });
});

describe('round 29: an older person\'s home put in someone else\'s name (paraphrases)', () => {
  it.each([
    "my grandad's carer has got his bungalow signed over and he can't remember signing anything, who do I tell",
    'the lodger took her flat into his name last month, mum has dementia, can you help',
    'o vizinho convenceu o meu avô a passar a casa para o nome dele, ele está muito confuso',
  ])('%s -> financial_abuse', (text) => {
    expect(explainSafety(text)?.family).toBe('financial_abuse');
  });
  it.each([
    'we put the house in my name years ago, how do I get the single person discount',
    'after the divorce he signed the house over to me, who do I tell about council tax',
  ])('%s: no hit', (text) => {
    expect(explainSafety(text)).toBeNull();
  });
});

describe('round 29: an injury to a baby no one explains (paraphrases)', () => {
  it.each([
    'health visitor here, a 4 month old on my list has suspicious bruising on both legs and mum says she does not know how',
    'my neighbours toddler was in A&E with an unexplained broken arm, second time this year',
  ])('%s -> child_abuse', (text) => {
    expect(explainSafety(text)?.family).toBe('child_abuse');
  });
  it.each([
    'my baby has an unexplained rash, is the clinic open saturday',
    'unexplained charges on my council tax for my child care, can you check',
  ])('%s: no hit', (text) => {
    expect(explainSafety(text)).toBeNull();
  });
});

describe('round 29: threats to break bones, scouting a height, someone tied into a chair (paraphrases)', () => {
  it.each([
    ["the bailiffs' heavies are at my door now saying they're going to break my arms", 'threat_to_hurt'],
    ['he keeps saying he will snap my neck if I tell anyone', 'threat_to_hurt'],
    ["I've been up the multistorey twice today working out which floor is highest", 'at_height'],
    ['walked the bridge again tonight checking which bit is the biggest drop', 'at_height'],
    ['visited mum at the home and she was tied to her chair with a sheet, is that allowed', 'adult_at_risk'],
    ['the night staff keep residents strapped into the bed with belts', 'adult_at_risk'],
  ] as const)('%s -> %s', (text, family) => {
    expect(explainSafety(text)?.family).toBe(family);
  });
  it.each([
    'the kids keep breaking my fence panels, can I report it',
    'working out which bit of the park is highest for the kite festival, do you have a map',
    'we tied balloons to the chair for her 90th at the day centre, lovely afternoon',
    'dad is strapped into his wheelchair on the community bus, is that the rule',
  ])('%s: no hit', (text) => {
    expect(explainSafety(text)).toBeNull();
  });
});

describe('round 30: despair and intent in passing, control and threats in passing, neglect told as a complaint (paraphrases)', () => {
  it.each([
    ['please email not text, my husband reads my texts and i get punished for it later', 'domestic_abuse'],
    ["if he finds out i rang you i'll suffer for it when he gets home", 'domestic_abuse'],
    ["don't call the house phone, she listens on the other line and then I pay for it", 'domestic_abuse'],
    ['my ex says he will track me down anywhere you rehouse me', 'domestic_abuse'],
    ["he's tracked us down before, every refuge", 'domestic_abuse'],
    ['some nights i think about stepping in front of the last train home', 'jump'],
    ['keep wanting to walk in front of the 7:15 bus', 'jump'],
    ["renewal is in march, doubt I'll still be here for it tbh", 'not_around_passing'],
    ["bill's due on the 28th. don't reckon i'll be around by then anyway", 'not_around_passing'],
    ["looked up how many of dad's painkillers would kill you. anyway can I get a council tax reduction", 'suicide_indirect'],
    ['been searching how much paracetamol to not wake up. do you have hardship grants', 'suicide_indirect'],
    ["my dad's carers stopped coming last month, he's been on the floor twice and isn't eating", 'adult_at_risk'],
    ["nobody visits my gran since the cuts, she keeps falling and can't get to the toilet on her own", 'adult_at_risk'],
    ['the woman next door was shaking her baby really roughly to make it stop crying', 'child_abuse'],
    ['there is a toddler upstairs, every night I hear him crying and I saw his mum shake him hard on the balcony', 'child_abuse'],
  ] as const)('%s -> %s', (text, family) => {
    expect(explainSafety(text)?.family).toBe(family);
  });
  it.each([
    'my son books the taxi and i pay for it after',
    "don't think I'll be around by then, I'm moving to Leeds in May",
    "I don't think I'll be around for the delivery on Tuesday, can you leave it with a neighbour",
    'you shake the bottle hard before feeding the baby right',
    'how many of the tablets does it take to descale the kettle',
    'careful on that ladder, I do not want to kill myself accidentally',
    "I'm into wild mushrooms and I'd like a guide so I don't kill myself by mistake",
    'The slide in the rec has a sharp edge. No kids were hurt yet but please fix it',
    'that bill almost gave me a heart attack, can I pay monthly',
    'your parking letter nearly gave my dad a stroke, he is fine, just cross',
    'someone has abducted our recycling box',
    'my wheelie bin has been kidnapped again, can I get a replacement',
  ])('%s: no hit', (text) => {
    expect(explainSafety(text)).toBeNull();
  });
  it.each([
    'میں بجلی کے بل سے پریشان ہوں، یہ بل مجھے مار دے گا',
  ])('%s: hyperbole about a bill is no threat (Urdu)', (text) => {
    expect(explainSafety(text)).toBeNull();
  });
  it.each([
    ['my daughter has been kidnapped by her father', 'attack_now'],
    ['میرا شوہر کہتا ہے وہ مجھے مار ڈالے گا', 'script_violence'],
  ] as const)('%s -> %s (still hits)', (text, family) => {
    expect(explainSafety(text)?.family).toBe(family);
  });
});

describe('round 31: intent in few words beside a request, control and stalking with no word of harm, fumes, Spanish (paraphrases)', () => {
  it.each([
    ["I've been watching the train times and it's not to catch one, if you know what I mean. what time does the library shut", 'jump'],
    ['been checking when the fast trains come through the station, not to get on one, you know', 'jump'],
    ['staring at the bus timetable again tonight and not to catch a bus if you get me', 'jump'],
    ['is there a way to go on the housing register without my husband knowing', 'domestic_abuse'],
    ['how do I move out without him finding out', 'domestic_abuse'],
    ['can I get a new flat without my partner knowing where it is', 'domestic_abuse'],
    ['please clear these messages after, my partner checks my phone every night', 'domestic_abuse'],
    ['can you delete the conversation when we are done, he goes through everything', 'domestic_abuse'],
    ['could you wipe this chat, she reads all of it when she gets in', 'domestic_abuse'],
    ['a white van has followed me back from work twice this week and now it is parked across the road', 'followed_watched'],
    ['the same man keeps following me home every night', 'followed_watched'],
    ['he followed us home from the shops and he is stood outside now', 'followed_watched'],
    ['sat in the car in my garage with the engine on, just wanted to ask about my bin', 'exhaust_fumes'],
    ["the engine's been running in the garage for a while now with the door down, i'm still in the car", 'exhaust_fumes'],
    ['got a hose from the exhaust into the car window, sorry to bother you', 'exhaust_fumes'],
    ['the gas heater has black marks round it and we keep dozing off in the afternoon, feeling groggy', 'co_symptoms'],
    ['since the stove went in the kids keep nodding off and feel rough', 'co_symptoms'],
    ['Ya no quiero seguir viviendo así, hoy lo termino', 'multilingual_risk'],
    ['no quiero continuar viviendo, perdón', 'multilingual_risk'],
    ['ya no quiero seguir, ya lo tengo todo planeado', 'multilingual_risk'],
    ['voy a acabar con mi vida esta noche', 'multilingual_risk'],
  ] as const)('%s -> %s', (text, family) => {
    expect(explainSafety(text)?.family).toBe(family);
  });
  it.each([
    'best not to catch one during the strike, when are the train times back to normal',
    'I look at the train times not to catch one but to avoid the level crossing queues',
    'can I book the hall for a surprise party without him knowing',
    'can I buy a birthday present voucher for my wife without her knowing',
    'can you delete this chat, she can see my screen at work',
    'a cat followed me home 3 times this week, can I keep it',
    'the smell from the tip followed me home again',
    'left the engine running in the garage to warm it up with the door open',
    'the mechanic at the garage had the engine running while he did the MOT',
    'no quiero seguir viviendo en este piso con humedad, quiero un traslado',
    'ya no quiero seguir esperando, llamo mañana',
    'stop telling me to call 999, my phone died, not me',
    'stop telling me to ring 999 the bin is not alive',
  ])('%s: no hit', (text) => {
    expect(explainSafety(text)).toBeNull();
  });
  it.each([
    ["call 999 he's not breathing", 'medical_emergency'],
    ['stop messing about and call an ambulance, she has collapsed', 'medical_emergency'],
  ] as const)('%s -> %s (still hits)', (text, family) => {
    expect(explainSafety(text)?.family).toBe(family);
  });
});

describe('round 31: the rest of the detail files, in general forms (paraphrases)', () => {
  it.each([
    ['how many co-codamol is too many, asking for myself', 'suicide_indirect'],
    ['quick one, how much paracetamol counts as a lethal dose? for me', 'suicide_indirect'],
    ['how many sleeping tablets is too many. not asking for a friend', 'suicide_indirect'],
    ['I can hear someone inside next door and they are away in Spain', 'break_in_now'],
    ['there are torches moving in number 14, the family is on holiday', 'break_in_now'],
    ['can see people in the flat opposite and nobody lives there', 'break_in_now'],
    ['my friend took something, he is twitching and his eyes are rolling back', 'medical_emergency'],
    ['she is fitting and her eyes rolled back, we are at the bus station', 'medical_emergency'],
    ['convulsing, eyes rolling, what do i do', 'medical_emergency'],
    ['rip current at the main beach, a girl still out there waving', 'water_or_cliff'],
    ['undertow has got a swimmer by the groyne, he is being dragged out', 'water_or_cliff'],
    ['kid caught in a rip, struggling, no lifeguard', 'water_or_cliff'],
    ['man at the door with a can of petrol shouting he will burn us out', 'weapon_or_threat_to_kill'],
    ['my ex keeps threatening she is going to torch the house', 'weapon_or_threat_to_kill'],
    ['lads outside saying theyll burn the flat down with us in it', 'weapon_or_threat_to_kill'],
    ['I care for my dad and I pushed him today, I am scared I will hurt him', 'adult_at_risk'],
    ['i grabbed my nan too hard this morning, frightened i might do worse', 'adult_at_risk'],
    ['I slapped my husband, he has dementia, I am afraid of what I might do', 'adult_at_risk'],
    ['drug dealers have moved into my brothers flat and he sleeps on the floor', 'exploitation'],
    ['a gang has taken over her flat and she sleeps in the stairwell', 'exploitation'],
    ['dealers are using his flat, he has learning difficulties', 'exploitation'],
    ['my bruises have nearly gone but I do not want police, I just want to leave', 'domestic_abuse'],
    ['black eye is healing. dont want the police involved', 'domestic_abuse'],
    ['please dont ring after 5, my husband goes through my phone', 'domestic_abuse'],
    ['dont message me back tonight he gets angry if i am on my phone', 'domestic_abuse'],
    ['never call this number, my boyfriend checks who rings', 'domestic_abuse'],
    ['Ktoś dźgnął chłopaka nożem pod sklepem, on krwawi', 'multilingual_threat'],
    ['Mąż ją pobił, leży nieprzytomna na podłodze', 'multilingual_threat'],
    ['they are running a generator inside the flat, found two of them passed out', 'co_symptoms'],
    ['a disposable bbq in the tent and my son will not wake', 'co_symptoms'],
  ] as const)('%s -> %s', (text, family) => {
    expect(explainSafety(text)?.family).toBe(family);
  });
  it.each([
    'how many paracetamol is too many for a 6 year old',
    'can hear people next door having a party, she is away tomorrow',
    'the riptide warning sign at north beach has fallen over',
    'I pushed my nan round the park in her chair, scared I will get a ticket for the car',
    'rolling my eyes at the council again',
    'the dealers in my dad\'s old record shop took over the lease',
    'do not text me, my husband gets the letters anyway',
    'we are running the generator outside the marquee, is that allowed',
  ])('%s: no hit', (text) => {
    expect(explainSafety(text)).toBeNull();
  });
});

describe('round 32: despair and abuse told politely and sideways, exploitation of an adult, a child groomed (paraphrases)', () => {
  it.each([
    ["what's the form for when you've had enough of everything, I mean", 'wish_to_die'],
    ['I have had enough of it all, if you follow me, who do I tell about the flat', 'wish_to_die'],
    ['done with everything really, you know what I mean', 'wish_to_die'],
    ["doubt I'll still be around to pay the rent next month", 'not_around_passing'],
    ["don't reckon I'll be around to pay next month's water bill", 'not_around_passing'],
    ['not sure I will be around to pay the next council tax instalment', 'not_around_passing'],
    ['a girl with learning difficulties downstairs has different men taken in to her every night', 'adult_at_risk'],
    ['different blokes go up to the woman above every evening, she has a learning disability', 'adult_at_risk'],
    ['someone is pimping her out, she is vulnerable', 'adult_at_risk'],
    ["my husband has a short fuse, I've learnt to wear long sleeves", 'domestic_abuse'],
    ['he gets angry and I cover my arms with long sleeves even in summer', 'domestic_abuse'],
    ['I always wear polo necks because of his temper', 'domestic_abuse'],
    ["I've walked into a few doors lately, if you know what I mean", 'domestic_abuse'],
    ['keep bumping into doors, you know how it is', 'domestic_abuse'],
    ['told the nurse I walked into a door again', 'domestic_abuse'],
    ['need the broken chairs taken, they got smashed when my partner lost his temper with me', 'partner_damage'],
    ['my husband broke the table when he lost it with me again, can you collect it', 'partner_damage'],
    ['the wardrobe door is bust after he flew into a rage at me', 'partner_damage'],
    ['I think the kids over the road are being hit, I hear it through the wall', 'child_abuse'],
    ['the children at number 9 are getting smacked most nights, I hear it', 'child_abuse'],
    ['the little ones next door keep getting hit, I hear them through the ceiling', 'child_abuse'],
    ['old man next door gives his whole pension to a fellow who comes round every week', 'financial_abuse'],
    ['my elderly neighbour hands her pension over to a man who visits every Friday', 'financial_abuse'],
    ['the lady opposite gives all her savings to this young man who calls', 'financial_abuse'],
    ['my son is being groomed online by an older man', 'child_groomed'],
    ['my 14 year old daughter is being groomed by a man she met on a game', 'child_groomed'],
    ['I think a teenager on our street is being exploited by older lads', 'child_groomed'],
  ] as const)('%s -> %s', (text, family) => {
    expect(explainSafety(text)?.family).toBe(family);
  });
  it.each([
    "I've had enough of the bins being missed, who do I complain to",
    "I won't be around to pay in person next month, I'm away, can I pay online",
    "I won't be around next month to pay at the office, working away, can I set up a direct debit",
    'different men come to the flat every night to fix the boiler and it is still broken',
    'I wear long sleeves when I cut the hedge, can I get a garden bin',
    'my husband wears long sleeves for work, can he get a parking permit',
    'I keep walking into the door frame in the dark, can the hallway light be fixed',
    'need a broken sofa collected, the kids jumped on it and it snapped',
    'I collect my pension at the post office every week, can I get a bus pass',
    'she gives her pension to her daughter to do the shopping',
  ])('%s: no hit', (text) => {
    expect(explainSafety(text)).toBeNull();
  });
  it('my brother with learning disabilities groomed by a gang: an adult, not a child', () => {
    expect(explainSafety('my brother has learning disabilities and is being groomed by a gang')?.hit.kind).not.toBe('child_at_risk');
  });
  it('a child groomed is a child at risk', () => {
    expect(explainSafety('my son is being groomed online by an older man')?.hit.kind).toBe('child_at_risk');
  });
});

describe('round 32: gunshots from films, music and games, a camera, a chore and a worker hurting himself (paraphrases)', () => {
  it.each([
    'neighbours play war films loud every night, gunshots and explosions, cannot sleep',
    'the music next door sounds like gunshots every night',
    'the lad upstairs plays shooting games till 3am, gunshots going off all night',
    'fireworks every night sound like gunfire, who do I report it to',
    'car backfiring like gunshots every morning outside',
    'I was shot by the speed camera on the bypass, how do I appeal',
    'got shot by the bus lane camera, want to appeal the fine',
    'when is bin day, I always forget, my wife going to kill me',
    'missed the bins again, my husband will kill me',
    "some syringes left from my late mum's insulin, where do they go so the bin men don't hurt themselves",
    "disposing of my late husband's needles, I don't want the collectors to cut themselves",
    'sharps from my dad, I would hate a binman hurting himself',
  ])('%s: no hit', (text) => {
    expect(explainSafety(text)).toBeNull();
  });
  it.each([
    ['I heard gunshots outside just now', 'weapon_or_threat_to_kill'],
    ['watching a film and heard gunshots outside, someone is screaming', 'weapon_or_threat_to_kill'],
    ['I was shot in the leg outside the shop', 'weapon_or_threat_to_kill'],
    ['I forgot the bins and he said he is going to kill me, he hit me last week', 'weapon_or_threat_to_kill'],
    ['been cutting myself again, it is deep', 'self_harm'],
  ] as const)('%s -> %s (still hits)', (text, family) => {
    expect(explainSafety(text)?.family).toBe(family);
  });
});

describe('round 32: a worker reporting that someone may hurt themselves still hits', () => {
  it.each([
    ['her support worker says he could harm himself tonight', 'self_harm'],
    ['the staff think she will hurt herself', 'self_harm'],
  ] as const)('%s -> %s', (text, family) => {
    expect(explainSafety(text)?.family).toBe(family);
  });
});

describe('round 45: a first-person wish to die in French, Italian, German and Polish, and its figures of speech', () => {
  it.each([
    "je veux mourir ce soir, j'ai tout prévu",
    "j'ai envie d'en finir, je n'en peux plus",
    'je vais me tuer ce soir',
    'je ne veux plus vivre',
    'voglio morire stasera',
    'voglio farla finita',
    'ho deciso di togliermi la vita',
    'ich will sterben',
    'ich möchte mich heute Nacht umbringen',
    'ich will nicht mehr leben',
    'Myślę o tym, żeby się zabić',
    'quiero morirme',
    'vreau să mor',
  ])('%s -> multilingual_risk', (text) => {
    expect(explainSafety(text)?.family).toBe('multilingual_risk');
    expect(explainSafety(text)?.hit.kind).toBe('suicide_self_harm');
  });
  it.each([
    'je meurs de faim, où est la cantine',
    'je veux mourir de rire avec ce formulaire',
    "j'ai envie d'en finir avec ce dossier de permis",
    'voglio farla finita con questa pratica',
    'voglio morire dal caldo in biblioteca',
    'sto morendo dal caldo',
    'ich sterbe vor Hunger, wann öffnet das Café',
    'ich will endlich mit dem Antrag fertig werden',
    'je ne veux plus vivre dans ce logement humide',
    'szczury pod podloga, chce je wszystkie zabic',
  ])('%s: no hit', (text) => {
    expect(explainSafety(text)).toBeNull();
  });
});

describe('round 45: a relative who "will murder me" over a chore, pests to kill, lifting after an operation, a worry about drowning', () => {
  it.each([
    'my bin day was thursday but now its wednesday and if i get it wrong one more time my wife will murder me can you just tell me',
    'rats under the decking the size of cats my wife wants to kill them all',
    'my husband wants to kill them all, the wasps in the loft',
    "c-section last week, can't lift anything or I'll hurt myself, can the bin men take it from by the house",
    'Are there lifeguards at the paddling pool in the park? Worried about the little ones drowning',
    "Oes achubwr bywyd yn y pwll padlo? Dw i'n poeni am y plant bach yn boddi",
  ])('%s: no hit', (text) => {
    expect(explainSafety(text)).toBeNull();
  });
  it.each([
    ['he said he will murder me', 'weapon_or_threat_to_kill'],
    ['if i leave him he will kill me', 'weapon_or_threat_to_kill'],
    ['if i forget the bins he said he will kill me', 'weapon_or_threat_to_kill'],
    ['he wants to kill them all, the kids and me', 'weapon_or_threat_to_kill'],
    ["I'll hurt myself if nobody helps me tonight", 'self_harm'],
    ['i want to hurt myself', 'self_harm'],
    ['my child is drowning in the pond right now', 'water_or_cliff'],
    ['worried about my son he is drowning in the canal', 'water_or_cliff'],
    ["mae'r plentyn yn boddi yn yr afon", 'welsh_danger'],
    ["dw i'n poeni, mae'r plentyn yn boddi", 'welsh_danger'],
    ['the bins are on fire next to the house', 'fire_or_gas'],
  ] as const)('%s -> %s (still hits)', (text, family) => {
    expect(explainSafety(text)?.family).toBe(family);
  });
});

describe('round 45: a stroke in Spanish, a diabetic low, someone on a room floor barely awake, a crash with a seat stuck, a carer mistreating', () => {
  it.each([
    ['mi padre tiene dolor en el pecho y no puede hablar bien, tiene la cara caída de un lado', 'multilingual_danger'],
    ["i'm diabetic and on my own and my sugars crashed i can barely type hands shaking vision going", 'medical_emergency'],
    ['my neighbour is 90 and ive found her on the kitchen floor freezing cold barely awake', 'medical_emergency'],
    ["I'm 30 weeks, we've crashed on the coast road, my baby's car seat is stuck and the engine is smoking", 'water_or_cliff'],
    ['A minha avó está a ser maltratada pelo cuidador, tem nódoas negras nos braços', 'multilingual_safeguarding'],
  ] as const)('%s -> %s', (text, family) => {
    expect(explainSafety(text)?.family).toBe(family);
  });
  it.each([
    'the website crashed and now my form is stuck, can you help',
    'we crashed the car on the coast road last month, who do I claim from for the pothole',
    'my blood sugar levels are really low this week, can I get help with food costs',
    'the kitchen floor is freezing cold in the mornings, can you check the insulation',
    'a cuidadora da minha avó é muito simpática, como pago a fatura',
  ])('%s: no hit', (text) => {
    expect(explainSafety(text)).toBeNull();
  });
});

describe('round 46: a fall on to rocks and not moving, a seizure seen now, a limb trapped in a moving lift, sparks and flame from a ceiling rose', () => {
  it.each([
    ['a young lad has fallen through the gap on to the rocks below and is not moving', 'medical_emergency'],
    ['my son fell off the wall onto the concrete and hasnt moved', 'medical_emergency'],
    ['the customers fitting on the floor of the shop and foaming at the mouth', 'medical_emergency'],
    ['my husband is having a seizure and it wont stop', 'medical_emergency'],
    ['her hand is trapped in the lift door and the lift is moving, she is screaming', 'medical_emergency'],
    ['his arm got caught in the machine at the depot and he is bleeding, cant get it out', 'medical_emergency'],
    ['sparks and a bit of flame coming from the ceiling rose, water coming through', 'electrical_fire'],
    ['smoke from the light fitting in the hall now', 'electrical_fire'],
    ['the fuse box is sparking and there is a burning smell, I have left it alone', 'electrical_fire'],
  ] as const)('%s -> %s', (text, family) => {
    expect(explainSafety(text)?.family).toBe(family);
  });
  it.each([
    'a rock has fallen on to the road, it is not moving and blocking the lane, please clear it',
    'a sheep has fallen on to the rocks below the cliff and is not moving',
    'my dad fell on to the pavement last week and is not moving about much, can we get a blue badge',
    'the tap fitting wont stop dripping in the bathroom',
    'my dog is fitting and wont stop, is there an emergency vet open',
    'my hand got trapped in the lift door last week and it was crushed, can I claim compensation',
    'the lift door keeps trapping people and kids are screaming with fright, please fix it',
    'water is dripping from the ceiling rose, no sparks, can someone come',
    'the fuse box keeps tripping and it is sparking a bit when i touch it, ive left it alone and got my torch',
    'no power, the consumer unit sparked once and keeps tripping, I am not touching it, when can an electrician come',
  ])('%s: no hit', (text) => {
    expect(explainSafety(text)).toBeNull();
  });
});

describe('round 46: a Welsh plan with the tablets and a time, a partner who beats (Italian), a client unfed and wounded (Romanian), harm on purpose, a partner throwing things or throwing her out after hitting', () => {
  it.each([
    ["Mae gen i'r tabledi i gyd yn barod ar y bwrdd a dw i'n bwriadu eu cymryd nhw heno", 'welsh_suicide'],
    ['Mio marito mi picchia quando beve', 'multilingual_safeguarding'],
    ['Il suo compagno la picchia e le prende la pensione', 'multilingual_safeguarding'],
    ['Bunicul nu primește mâncare de la fiul lui și are vânătăi pe brațe', 'multilingual_safeguarding'],
    ['ive been burning my hands on the cooker ring on purpose to feel something', 'self_harm_deliberate'],
    ['burnt my arm with the iron on purpose to punish myself', 'self_harm_deliberate'],
    ['partner put a tracker on my car. threw a plate at my head when i got in late', 'partner_harm_told'],
    ['my husband got in from the pub and threw a bowl at my face', 'partner_harm_told'],
    ['husband threw me out again after hitting me, in the car with the kids', 'partner_harm_told'],
  ] as const)('%s -> %s', (text, family) => {
    expect(explainSafety(text)?.family).toBe(family);
  });
  it.each([
    "Mae tabledi mam i gyd yn barod yn y fferyllfa, ga i eu casglu heno?",
    'il sole picchia forte sul mio balcone, posso mettere una tenda?',
    'Nu primesc mâncare de la cantina școlii, copilul meu are alergii.',
    'I burnt my hand on the cooker ring, not on purpose, the knob is broken, can you fix it',
    'my husband threw a plate at the wall when the bin was missed lol',
    'my toddler threw his cup at me again, any parenting classes?',
    'my landlord threw me out after I missed the rent, where can I stay',
  ])('%s: no hit', (text) => {
    expect(explainSafety(text)).toBeNull();
  });
});

describe('round 47: a baby threatened, children run from a placement where someone hurts them, a weapon that looks like one fired, a goodbye with a railway photo and nobody reaching him, a mentally ill woman in the dark not eating', () => {
  it.each([
    ['hear the baby at number 3 screaming every night and the mum shouting shut up or I\'ll shut you up. It\'s been weeks', 'child_abuse'],
    ['the toddler next door cries all night and her dad yells stop crying or I\'ll give you something to cry about', 'child_abuse'],
    ['Two kids have been sleeping in the shed on an empty plot this week.', 'child_abuse'],
    ['they say they ran from their foster placement because someone there hurts them', 'child_abuse'],
    ["Someone's firing what looks like a gun in the festival car park. People are diving on the ground.", 'weapon_or_threat_to_kill'],
    ['a man outside the school gates waving what looks like a gun at the parents', 'weapon_or_threat_to_kill'],
    ["Our keeper just posted that he's sorry and he loves us all, with a photo of the railway line. Nobody can reach him.", 'suicide_indirect'],
    ['she posted love you all with a picture of the bridge and her phone is off', 'suicide_indirect'],
    ["the woman at 12b has severe mental health problems, the flat has no electricity since weeks, she's sitting in the dark and not eating", 'adult_at_risk'],
  ] as const)('%s -> %s', (text, family) => {
    expect(explainSafety(text)?.family).toBe(family);
  });
  it.each([
    'my neighbour shouts shut up or I\'ll call the police at the dog every night',
    'the kids next door are sleeping in the garden shed for a camp out',
    'me and my two kids have been sleeping in the car park',
    'the children living in the flat upstairs are so noisy, can you send someone about the noise',
    'One of my apprentices is 18 and has just left foster care, is there support',
    'the kids are waving what looks like a toy gun in the park',
    'the bark has what looks like a knife mark on it',
    'The choir posted love you all with a photo of the bridge at sunset, lovely concert',
    'my dad has dementia and the power went off in the storm last night, it is back on now, can you check his meter',
  ])('%s: no hit', (text) => {
    expect(explainSafety(text)).toBeNull();
  });
});

describe('round 47: relayed words told as past, an insult, a career or a news story; and other languages', () => {
  it.each([
    ['A lady in the group says there was a stabbing in the park "years ago" and now the teenagers drinking there every night make her nervous.'],
    ['she wants to change her GP, she says the current one "couldn\'t diagnose a dead body"'],
    ['Someone in our group is interested in becoming a social worker in child protection. Does the council have trainee posts?'],
    ['Sharing a screenshot: "council worker caught stealing from old ladies". It\'s from a paper in another county, 2015. I think it\'s fake news'],
  ])('%s: no hit', (text) => {
    expect(explainSafety(text)).toBeNull();
  });
  it.each([
    ['there was a stabbing outside the pub last night and he still has the knife', 'weapon_or_threat_to_kill'],
    ['I came home and found a dead body in the flat', 'medical_emergency'],
    ['my carer is stealing from my mum, it was in the paper', 'financial_abuse'],
    ['Reencaminhado do grupo: estão a arrastar uma mulher para dentro de uma carrinha na Mill Lane, agora mesmo', 'multilingual_threat'],
    ["Des hommes sont en train de frapper un vendeur devant mon stand au marché, l'un a un couteau", 'multilingual_threat'],
    ["son mari a une forte douleur à la poitrine et n'arrive plus à respirer", 'multilingual_danger'],
    ['su hijo de 4 años se ha perdido en la playa hace 20 minutos y la marea está subiendo', 'multilingual_danger'],
    ['Ein älterer Stammgast erzählt, dass sein Mitbewohner ihn schlägt und ihm die Rente abnimmt.', 'multilingual_safeguarding'],
    ['il nuovo fidanzato di sua zia che ha una demenza iniziale le fa firmare la cessione della casa', 'financial_abuse'],
  ] as const)('%s -> %s', (text, family) => {
    expect(explainSafety(text)?.family).toBe(family);
  });
  it.each([
    'Je demande pour une voisine, quelqu\'un est en train de frapper à la porte tous les soirs pour vendre des calendriers',
    'Mi hijo perdió su mochila en la playa, ¿hay objetos perdidos?',
    'Der Nachbar schlägt vor, dass wir die Tonne teilen',
    'Il notaio le fa firmare il contratto della casa domani',
  ])('%s: no hit', (text) => {
    expect(explainSafety(text)).toBeNull();
  });
});

describe('round 48: a scald with the skin damaged, a swimmer in difficulty or pulled out by a current, water up to someone\'s knees and rising, children always filthy and thin', () => {
  it.each([
    ['Hot water pipe on the boiler burst and sprayed scalding water all over my 3 year old, his skin is peeling off', 'medical_emergency'],
    ["kettle boiled over onto my daughter's arm and the skin is blistering", 'medical_emergency'],
    ['Swimmer in difficulty beyond the groynes at North Beach, being pulled out by the current, no lifeguard on today', 'water_or_cliff'],
    'my son is being pulled out by the rip at the beach help',
    'a paddleboarder looks to be in trouble past the pier',
    ["flat flooding from upstairs, my nan's in a wheelchair and the water is up to her knees and rising, we can't get her out", 'water_or_cliff'],
    ['kids in the house by the cycle path are always filthy and thin i see them going through the bins behind the chip shop', 'child_neglect'],
    ['the kids next door are always filthy and hungry, they knock asking for food', 'child_neglect'],
    ["there's a dead body by the bins", 'medical_emergency'],
    ['the heater nearly set fire to the curtains and now the carpet is smoking', 'fire_or_gas'],
    ['gunshots outside just now, a man is bleeding', 'weapon_or_threat_to_kill'],
    ["the dog is going for a child right now she's bleeding, it's not bitten anyone else", undefined],
  ].map((x) => (Array.isArray(x) ? x : [x, 'water_or_cliff'])) as [string, string | undefined][])('%s -> %s', (text, family) => {
    if (family) expect(explainSafety(text)?.family).toBe(family);
    else expect(explainSafety(text)).not.toBeNull();
  });
  it.each([
    'my son got scalded last year and his skin peeled, can I claim',
    'the boat is being pulled out by the tide, whose mooring is it',
    'swimming lessons for my son, he is struggling with the breaststroke',
    'Drain on Quay Street is blocked and the road floods every time it rains, waded through it to the bus stop this morning, knee deep',
    'my boys come home from football always filthy and hungry',
    'sunburnt on the beach yesterday and my skin is peeling, is the first aid hut open',
  ])('%s: no hit', (text) => {
    expect(explainSafety(text)).toBeNull();
  });
});

describe('round 48: a near miss told as past, a gunshot denied, a bite feared, the bot quoted, a smell of bins likened to a body', () => {
  it.each([
    'Where can I take a broken electric heater that nearly set fire to the curtains? Not risking it again',
    'Gunshots? No, it was fireworks at 2am again from the flats. Every weekend. Who do I complain to',
    'gun shots? nope, just a car backfiring outside again',
    'loose dog from the flats keeps going for the kids on the green it s not bitten anyone yet but it will',
    "This bot is useless, it keeps telling me to call 999 when I said the damp is making me ill. I'm not dying, I just want a repair",
    'Bins not emptied again on our road, the smell is like a dead body, maggots everywhere',
  ])('%s: no hit', (text) => {
    expect(explainSafety(text)).toBeNull();
  });
  it.each([
    ['the heater nearly set fire to the curtains and the curtains are still smouldering', 'fire_or_gas'],
    ['I heard gunshots outside, people are screaming', 'weapon_or_threat_to_kill'],
    ['the dog next door is attacking my son right now, he is bleeding', 'animal_attack'],
    ['my dad has collapsed, call 999 now', 'medical_emergency'],
    ['يضربونه بسكين في الشارع', 'arabic_violence'],
  ] as const)('%s -> %s (still screened)', (text, family) => {
    expect(explainSafety(text)?.family).toBe(family);
  });
});

describe('round 50: text-speak typed fast on a phone', () => {
  it('reads "whos", "bc" and "hlp" as ordinary words', () => {
    expect(normaliseForSafety('my brother whos on heroin')).toBe(' my brother who is on heroin ');
    expect(normaliseForSafety('scared bc he hits her, pls hlp')).toBe(' scared because he hits her please help ');
    expect(normaliseForSafety('dont n im u ur ppl cos')).toBe(' do not and i am you your people because ');
  });
  it('leaves Welsh and other words alone', () => {
    expect(normaliseForSafety('mae yr plant')).toBe(' mae yr plant ');
    expect(normaliseForSafety('whose bin is this')).toBe(' whose bin is this ');
  });
});

describe('round 57: screen guards for neighbours and money (dev-90, dev-91)', () => {
  it.each([
    "whats the number for reporting a safeguarding concern? not about anyone right now, im doing a volunteer course at the food bank and want it to hand",
    "where do I report a safeguarding concern? nobody in particular, just want to know for my new job",
    "My neighbour is a single mum with twins and honestly she's drowning. She's a brilliant mum, just exhausted. Nothing's wrong with the kids.",
    'theres people using the empty house on the corner for drugs i see them going in and out at night and theres needles in the front garden nobody lives there',
    'the alarm at the shop under my flat went off at two this morning and rang for four hours i was ready to smash it myself with a hammer its a regular thing',
    'my neighbour has a gun licence and i saw him cleaning a shotgun in his garden it made me a bit nervous hes never threatened anyone is that allowed',
  ])('%s: no hit', (text) => {
    expect(explainSafety(text)).toBeNull();
  });
  it.each([
    ["whats the number for reporting a safeguarding concern? not about anyone in particular but he hits his kids", 'child_abuse'],
    ["whats the number for reporting a safeguarding concern? its about the old lady next door", 'abuse_generic'],
    ["she's drowning in the river, she's just exhausted, help", 'water_or_cliff'],
    ["a gang are using the empty flat for drugs and they've got a 14 year old girl in there", 'exploitation'],
    ["he was ready to smash it with a hammer, he's outside my door now", 'weapon_or_threat_to_kill'],
    ['i was ready to smash the man with a hammer', 'weapon_or_threat_to_kill'],
    ['my neighbour has a gun licence and he pointed his shotgun at me over the fence', 'weapon_or_threat_to_kill'],
    ["he's got a shotgun certificate and he's drunk and waving it about", 'weapon_or_threat_to_kill'],
  ] as const)('%s -> %s (still screened)', (text, family) => {
    expect(explainSafety(text)?.family).toBe(family);
  });
});

describe('round 57: fear denied without a subject, and a neighbour who will "get me"', () => {
  it.each([
    'my partner has been hiding credit card bills. found 6 today. not scared of him, just livid. where do couples get debt advice?',
    'neighbour says she\'s going to "get me" for reporting her car. it\'s parked at the retail park which has a private parking company. who deals with that',
  ])('%s: no hit', (text) => {
    expect(explainSafety(text)).toBeNull();
  });
  it.each([
    ['he hits me and I am so scared of him, just want out', 'domestic_abuse'],
    ["she's going to get me for reporting her car, she's outside now with a knife", 'weapon_or_threat_to_kill'],
    ['he is going to get me for reporting his dog and he is on his way', 'attack_now'],
  ] as const)('%s -> %s (still screened)', (text, family) => {
    expect(explainSafety(text)?.family).toBe(family);
  });
});

describe('round 57: food controlled by a partner (coercive control)', () => {
  it.each([
    ['Can I get a food bank voucher without him knowing? He locks the food in the car and I have to ask permission to eat', 'domestic_abuse'],
    ['i have to ask his permission to eat in my own house', 'domestic_abuse'],
    ['my husband hides the food from me when he goes to work', 'domestic_abuse'],
  ] as const)('%s -> %s', (text, family) => {
    expect(explainSafety(text)?.family).toBe(family);
  });
  it.each([
    'the kids have to ask permission to eat snacks between meals, is that normal',
    'i lock the food cupboard because my dog keeps getting in, is there a cheaper bin',
    'can I get a food bank voucher? we have nothing in the cupboards until payday',
  ])('%s: no hit', (text) => {
    expect(explainSafety(text)).toBeNull();
  });
});

describe('round 58: anaphylaxis told by its signs', () => {
  it.each([
    'Reaction to the new antibiotics from the GP. My throat is getting tight and my tongue feels huge. My EpiPen is out of date.',
    'he got stung by a wasp and his lips are swelling up and he says his throat is closing',
    'ate something with nuts at the cafe and now her throat is getting tight, no epipen',
    'his throat is closing up and he cannot breathe after eating peanuts',
  ])('%s -> medical_emergency', (text) => {
    expect(explainSafety(text)?.family).toBe('medical_emergency');
  });
  it.each([
    'my tongue feels huge after the dentist numbed it, is that normal',
    'my throat gets tight with hay fever, can I get an allergy test on the nhs',
    'is there a nut allergy policy at the school canteen',
    'my throat is sore and tight from shouting at the match, is the walk in centre open',
  ])('%s: no hit', (text) => {
    expect(explainSafety(text)).toBeNull();
  });
});

describe('round 58: figures, things and the past told in alarm words', () => {
  it.each([
    'The cost of everything is strangling us. Two jobs between us and still can\'t cover the gas. Is there a hardship grant?',
    'the price of food is killing us and strangling us slowly, any help with school meals',
    'can i get a second black bin we are a family of seven and the one we have is drowning',
    'our recycling box is drowning in cardboard every week',
    'We had a gas leak at the flats last year and it was a nightmare getting anyone to answer. Who do I actually call at night if it happens again? Asking in advance.',
    'there was a gas leak in our street two years ago, who would we ring out of hours next time',
    'How do I get a safeguarding referral form for work? I\'m a new manager at a care agency and want it on file. Nothing to report right now.',
    'where can i find your safeguarding policy for our volunteers handbook',
    'Who looks after the cliff path fencing? A section has fallen away into the sea after the storm. No one near it, I\'ve walked round it.',
    'a bit of the harbour railing has fallen into the water, nobody near it, who fixes it',
    'the gulls are attacking everyone on the seafront. one went for my grandsons face, hes ok but needed a tetanus jab. what can you do',
    'magpies keep swooping on people walking to school, can the council do anything',
    'My ex overdosed in my council flat last year and the carpet is still stained. I\'ve been asking for the flooring to be replaced ever since.',
    'my brother overdosed at his flat in town two years ago, he is clean these days, can he get on the housing list',
  ])('%s: no hit', (text) => {
    expect(explainSafety(text)).toBeNull();
  });
  it.each([
    ['he is strangling her in the street', 'attack_now'],
    ['the baby is drowning in the bath', 'water_or_cliff'],
    ['someone is drowning in the canal by the bins', 'water_or_cliff'],
    ['we had a gas leak last year and now i can smell gas again in the hallway', 'fire_or_gas'],
    ['safeguarding referral for my neighbour, she is being abused by her son', 'domestic_abuse'],
    ['my son has fallen into the sea off the rocks and no one near to help', 'water_or_cliff'],
    ['my dog is attacking everyone', 'attack_now'],
    ['my ex overdosed in my flat last night and he is not waking up', 'overdose'],
  ] as const)('%s -> %s (still screened)', (text, family) => {
    expect(explainSafety(text)?.family).toBe(family);
  });
});

describe('round 58: voices telling the writer to die, staff hitting the people they care for', () => {
  it.each([
    ['Sectioned twice before. Voices are back telling me to jump off the harbour wall. Im walking down there now', 'suicide_self_harm'],
    ['the voices have been telling me to drown myself in the canal all day', 'suicide_self_harm'],
    ['night shift at supported living. the other staff member on with me keeps slapping one of the residents and laughing, manager wont pick up', 'adult_at_risk'],
    ['a carer at mums home keeps pinching the residents when she thinks nobody is looking', 'adult_at_risk'],
  ] as const)('%s -> %s', (text, kind) => {
    expect(screenForSafety(text)?.kind).toBe(kind);
  });
  it.each([
    'my sat nav voice keeps telling me to turn into a closed road on the high street',
    'the instructors voice telling me to jump higher still rings in my ears, any trampoline parks',
    'the council worker kicked the residents ball back over the fence, very kind, can I say thanks',
    'the bin workers keep hitting the residents cars with the lorry',
    'our staff member was hit by a resident last night, what is the policy',
  ])('%s: no hit', (text) => {
    expect(explainSafety(text)).toBeNull();
  });
});

describe('round 58: a home broken into with someone in it now', () => {
  it.each([
    "Someone has just broken into my mum's bungalow while she's in bed after her hip operation. I can hear them on the baby monitor I left there.",
    "two men have just got into my nan's flat and she is upstairs on her own",
  ])('%s -> break_in_now', (text) => {
    expect(explainSafety(text)?.family).toBe('break_in_now');
  });
  it.each([
    'someone has broken into my flat while i was at work, the door is hanging off, can the council fix it',
    'someone broke into my house last year while we were asleep, can I get better locks through the council',
    'kids have broken into the empty house next door, can the council board it up',
  ])('%s: no hit', (text) => {
    expect(explainSafety(text)).toBeNull();
  });
});

describe('round 59: a fall now with a serious injury, a sea wall, hands at the throat, a safe account, pests (dev-94, dev-95)', () => {
  it.each([
    ['Good evening. My father, aged 90, has had a fall and I think he has broken his hip. He is shouting in pain. The carer has not arrived.', 'medical_emergency'],
    ["Hi, cyclist on the coast path near Crab Bay. Another rider has gone over the edge, about 10 metres down, he's answering but can't move.", 'medical_emergency'],
    ['my nan has just fallen in the kitchen and she cannot get up, she is crying out in pain', 'medical_emergency'],
    ['new here, no job no friends, sat on the sea wall thinking its easier to just let go. anyway what time do the toilets shut', 'at_height'],
    ['sitting on the harbour wall tonight, honestly think it would be better to just let go', 'at_height'],
    ['she keeps grabbing my throat when we argue, not bad enough for police i guess. new to the area. is there anywhere', 'partner_harm_told'],
    ['my girlfriend grabbed me by the throat in the kitchen and i do not know what to do', 'partner_harm_told'],
    ['Dear council. I am 81. A lady on the phone says I must move my savings to a safe account today because my bank is under attack.', 'financial_abuse'],
    ['a man from the bank keeps ringing mum telling her to transfer her money into a safe account today', 'financial_abuse'],
  ])('%s -> %s', (text, family) => {
    expect(explainSafety(text)?.family).toBe(family);
  });
  it.each([
    'mum had a fall last month and has broken her hip, she is home now, can she get a carer',
    'dad has had a fall and now cannot get up the stairs, can we get a stairlift',
    'sat on the sea wall thinking its easier to just let go of the kite in this wind',
    'my toddler keeps grabbing my neck when she wants a cuddle',
    'someone rang saying I must move my money to a safe account but I hung up and rang the bank',
    'got a leaflet warning about calls asking you to move your savings to a safe account, is it from the council',
    'theres a wasps nest under the eaves and theyre going to kill me every time i go out to the washing line can you send somebody',
    'the seagulls on the prom are going to kill me, they keep taking my chips',
  ])('%s: no hit', (text) => {
    expect(explainSafety(text)).toBeNull();
  });
  it.each([
    'there are wasps in the loft and my neighbour says he is going to kill me',
    'the bees are back and my ex is going to kill me when he finds me',
  ])('%s: a person the subject, still a threat to kill', (text) => {
    expect(explainSafety(text)).not.toBeNull();
  });
});

describe('round 60: a fall and not responding, a buggy in the road; guards for figures, news and jokes (dev-96, dev-97)', () => {
  it.each([
    ['my dad had a fall doing the school run, hes on the pavement outside st marys not responding. kids r with me', 'medical_emergency'],
    ['my neighbour has fallen in her garden and she is unresponsive, please help', 'medical_emergency'],
    ['hello im at the bus stop on station road a buggy has rolled into the road with the baby still in it and a car hit it please send someone', 'medical_emergency'],
    ['a pram has just rolled into the canal with a baby inside, by the lock', 'medical_emergency'],
  ])('%s -> %s', (text, family) => {
    expect(explainSafety(text)?.family).toBe(family);
  });
  it.each([
    'dad had a fall last week and is not responding to the physio, can he get more visits',
    'my phone fell in the bath and is not responding, can I still use the council app',
    'the buggy rolled into the road but thankfully it was empty, can the kerb be fixed',
    'the pram nearly rolled into the road with the baby in it last week, the pavement slopes, can it be fixed',
    // Guards: a figure named as such, an event laughed about since, a past accident, child protection in the news.
    "Im at the end of my tether, its killing me (not literally, were all healthy, but the mould on the kids bedroom wall is back). I want to make a formal complaint",
    "My partner fainted at the birth, everyone's laughing about it now. Anyway, how do we add him to the birth certificate?",
    'are barbecues allowed on the green by the playground my husband nearly set fire to himself last year so im asking before he tries again',
    'ive read about child protection cases in the news and im scared to ask for help in case they take my kids but im just exhausted is there parent support',
    'How much is the garden waste bin? Our hedge is out of control, its trying to kill us',
    'the brambles by the back gate are out to kill me, can you cut them',
    'Śmieciarka znowu mnie olała, kosz stoi pełny od tygodnia. Zabije mnie ten smród',
    'Czy to prawda, że wczoraj był pożar w porcie? Wszyscy są cali?',
    'ouvi dizer que houve um incêndio no porto ontem, alguém se machucou?',
    'جاري اشتكى من بكاء طفلتي الرضيعة وقال إنه سيقتلني من الإزعاج، طبعا يمزح. هل يمكنهم تقديم شكوى رسمية؟',
  ])('%s: no hit', (text) => {
    expect(explainSafety(text)).toBeNull();
  });
  it.each([
    'i am at the end of my tether and i cannot go on, i want to end it',
    'my partner fainted and is not breathing, everyone is screaming',
    'my husband set fire to the curtains and says he will burn the house with us in it',
    'he hit my son and now child protection are involved, he is back tonight',
    'our neighbour is trying to kill us, he has a knife at the door',
    'Zabije mnie ten facet, ma nóż',
    'Słyszałam krzyki, pali się mieszkanie obok, teraz!',
    'جاري قال إنه سيقتلني وعنده سكين',
    'my dad had a fall and he is on the floor not responding',
  ])('%s: still a hit', (text) => {
    expect(explainSafety(text)).not.toBeNull();
  });
});

describe('round 60: a husband who hits the writer, children there, is domestic abuse (Urdu, dev-97)', () => {
  it.each([
    ['میرا شوہر مجھے مارتا ہے اور میرے بچوں کے سامنے گالیاں دیتا ہے، میں کیا کروں', 'domestic_abuse'],
    ['میرا شوہر مجھے مارتا ہے', 'domestic_abuse'],
    ['میرے بچوں کا باپ ان کو مارتا ہے', 'child_at_risk'],
  ])('%s -> %s', (text, kind) => {
    expect(explainSafety(text)?.hit.kind).toBe(kind);
  });
});
