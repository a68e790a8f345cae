/**
 * The safety screen in Welsh (issue 17): disclosures of every kind of risk are caught with the kind that chooses the
 * signposting, as Welsh speakers write them (web, SMS without accents or apostrophes, voice transcripts), and Welsh service
 * requests that share their words ("mae'r bin wedi marw", "dw i'n marw isio paned", care questions) are not.
 */
import { explainSafety, normaliseForSafety, inferKind } from './index.js';
import type { RiskKind } from '../types.js';

describe('Welsh normalisation', () => {
  test.each([
    ["dwi'n isio marw", ' dwi yn eisiau marw '],
    ["Mae'r bin wedi marw", ' mae yr bin wedi marw '],
    ["taro'r plant", ' taro yr plant '],
    ['dwin isho lladd fy hun', ' dwi yn eisiau lladd fy hun '],
    ['fy ngŵr', ' fy ngwr '],
    // English contractions are untouched by the Welsh clitic rule.
    ["I can't, don't, I'm", ' i cannot do not i am '],
  ])('%s', (text, normalised) => {
    expect(normaliseForSafety(text)).toBe(normalised);
  });
});

const DISCLOSURES: Array<[string, RiskKind]> = [
  // suicide or self-harm
  ["dwi isio lladd fy hun heno", 'suicide_self_harm'],
  ["sai'n moyn byw rhagor", 'suicide_self_harm'],
  ['dw i wedi llyncu pacedi cyfan o barasetamol hanner awr yn ol', 'suicide_self_harm'],
  ["dwi di bod yn torri fy mreichiau eto, ma'n gwaedu", 'suicide_self_harm'],
  ["dwi'n sefyll ar y bont rwan", 'suicide_self_harm'],
  ["mae'r rhaff yn barod yn y sied", 'suicide_self_harm'],
  ['bydd pawb yn well hebdda i', 'suicide_self_harm'],
  // someone injured or in danger now
  ["mae dyn wedi syrthio i'r harbwr a dydy o ddim yn gallu nofio", 'danger_now'],
  ["mae hi'n gorwedd ar y llawr a dydy hi ddim yn anadlu", 'danger_now'],
  ["Dydy Mr Roberts ddim wedi ateb y drws ers tridiau, mae'r post yn pentyrru", 'danger_now'],
  ["car di taro plentyn tu allan i'r ysgol", 'danger_now'],
  // fire, gas, carbon monoxide
  ["mae'r tŷ drws nesa ar dân", 'fire_gas_co'],
  ['ogla nwy cryf ar y landin', 'fire_gas_co'],
  ["mae'r larwm carbon monocsid yn canu a dwi'n benysgafn", 'fire_gas_co'],
  ["mae mwg du yn dod o'r fflat uwchben", 'fire_gas_co'],
  // crime or violence in progress
  ['mae dyn efo cyllell tu allan i siop y gornel', 'crime_violence'],
  ["mae rhywun yn torri i mewn i'r tŷ, dw i'n cuddio yn y llofft", 'crime_violence'],
  ['mae rhywun wedi cael ei drywanu ar y sgwâr', 'crime_violence'],
  // domestic abuse
  ["mae fy ngŵr yn fy nharo i pan mae o wedi meddwi", 'domestic_abuse'],
  ["mae'r cariad yn rheoli fy arian i gyd", 'domestic_abuse'],
  ['trais yn y cartref, dwi angen help', 'domestic_abuse'],
  // a child at risk
  ["mae'r plant drws nesa ar eu pennau eu hunain ers ddoe", 'child_at_risk'],
  ["dwi'n 14 a mae llysdad yn fy nharo i", 'child_at_risk'],
  ['mae cleisiau ar gefn y bachgen bach drws nesa eto', 'child_at_risk'],
  // an adult at risk
  ["mae'r gofalwr yn dwyn arian o gyfrif banc nain", 'adult_at_risk'],
  ["mae'r hen wraig drws nesa'n byw mewn budreddi ac yn gwrthod pob help", 'adult_at_risk'],
  ["mae dad yn y cartref gofal efo briwiau gwely", 'adult_at_risk'],
];

describe('Welsh disclosures are caught by the screen, with the right kind', () => {
  test.each(DISCLOSURES)('%s', (text, kind) => {
    const explained = explainSafety(text);
    expect(explained).not.toBeNull();
    expect(explained?.hit.kind).toBe(kind);
  });
});

const ORDINARY: string[] = [
  "Mae'r bin wedi marw, mae'r olwyn wedi dod i ffwrdd",
  "dw i'n marw isio paned",
  "dwi bron â marw eisiau gwybod pryd mae'r llyfrgell ar agor",
  "mae'r dreth gyngor yn fy lladd i",
  "mae'r ffurflen yn mynd i fy lladd i",
  "bydd fy ngwraig yn fy lladd i os dwi'n anghofio'r bin eto",
  "mae fy mam wedi marw, sut dwi'n cofrestru'r farwolaeth",
  "mochyn daear wedi marw ar ochr y ffordd",
  'dwi isio gorffen y sgwrs',
  "sut mae cael gofalwyr i mam pan mae hi'n dod adre o'r ysbyty",
  'faint mae cartref gofal yn ei gostio',
  "mae fy nain yn byw ar ei phen ei hun ac angen larwm gofal",
  'lle alla i brynu larwm carbon monocsid',
  "mae'r cymydog yn llosgi sbwriel yn yr ardd, mae'r mwg yn dod i'r tŷ",
  'gwelais i ar y newyddion bod tân yn y ffatri',
  "mae'r larwm tân yn y fflatiau'n canu bob dydd am ddim rheswm",
  'dwi isio cais rhyddid gwybodaeth am nifer yr achosion o drais domestig',
  "mae'n well gen i neidio i'r môr na llenwi'r ffurflen yma eto",
  "ges i fy nhrywanu flynyddoedd yn ôl ger y parc, allwch chi roi golau yno",
  "mae twll mawr yn y ffordd, mae'n mynd i ladd rhywun ar feic un diwrnod",
  "dwi ar y bont yn aros am y bws rwan",
  "baglais i ar y pafin a brifo fy hun",
  'cerddoriaeth uchel tan y bore bob nos',
  "mae'r car ddim yn symud, mae'r batri wedi marw",
];

describe('Welsh service requests and idioms are not screened as disclosures', () => {
  test.each(ORDINARY)('%s', (text) => {
    expect(explainSafety(text)).toBeNull();
  });
});

describe('Welsh kind cues for a disclosure the model caught without the screen', () => {
  test.each([
    ['mae plentyn bach wedi cwympo i mewn i bwll yr ardd', 'danger_now'],
    ['mae fy nhaid yn 88 ac mae rhywun yn ei dwyllo allan o filoedd', 'adult_at_risk'],
    ['mae fy merch yn 13 ac mae dyn hŷn yn anfon negeseuon ati bob nos', 'child_at_risk'],
    ['mae fflamau yn dod o’r to', 'fire_gas_co'],
  ] as Array<[string, RiskKind]>)('%s', (text, kind) => {
    expect(inferKind(text, 'safety.risk_to_life')).toBe(kind);
  });
});
