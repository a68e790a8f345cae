/**
 * Which language a resident's message is in, Welsh or English, for choosing the turn's language
 * (choose.ts). Chosen by scripts/eval-language.ts on short and SMS-style messages: none of the
 * three detectors installed has Welsh in its model (eld's 60 languages, tinyld's 62 and franc's
 * 187 leave it out), so at best they tell English from "something else", and on one- to
 * three-word messages they guess. Welsh and English function words (and Welsh spellings) decide
 * short messages far better, so they are the detector. A message with no clear sign (`ok`, a
 * postcode, a reference) gives null: the conversation keeps its language.
 */
import type { Language } from '../messages.js';

/** Words that are (almost) only Welsh: function words, common verbs' forms, greetings and SMS spellings. */
const WELSH = new Set(
  (
    'mae ma maen ydw ydy ydi ydyn ydych ydan dydy dydw dydi dyw dw dwi dwin rydw rwy rwyn ryn roedd oedd oeddwn fydd bydd byddai ' +
    'yn yr fy eich ein chi nhw hwn hon hyn yma yna acw sydd sy wedi di heb ddim dim does oes nag nac naddo nage neu ond nid ' +
    'pryd sut beth ble lle pam faint pwy pa diolch helo shwmae bore prynhawn noswaith isio eisiau angen arna arnon arnoch ' +
    'alla allwch galla gallwch ga gaf gael cael hoffwn hoffen fe mi fod bod iawn os gwelwch dda efo gyda gydag drwy trwy ' +
    'tu allan mewn gan wrth dros rhwng gyntaf hefyd eto nawr rwan rŵan heddiw ddoe yfory wythnos mis blwyddyn eleni ' +
    'tŷ ty nhŷ min fin niwrnod diwrnod treth dreth nhreth gyngor cyngor ffordd lôn lon twll dwll tyllau sbwriel ailgylchu ' +
    'casglu gasglu chasglu wagio gwagio golau goleuadau stryd palmant gardd gwastraff biniau bagiau cais gwneud gneud ' +
    'siarad rhywun neb pawb person pherson helpu cymorth deall meddwl talu dalu ffonio ffoniwch tecstiwch rhoi gwybod ' +
    'newydd hen mawr bach drws nesa nesaf cymydog nghymydog plentyn mhlentyn ysgol llyfrgell canolfan hamdden swyddfa agor cau ' +
    'gorffen sgwrs dechrau canslo cwyno cwyn statws adroddiad nghais ngheir newid nghyfeiriad sori camgymeriad teimlo diogel gartref ' +
    'byw mhen pen fy hun sengl gostyngiad rhent digartref heno budd dal tai llygod coeden draen dŵr ym mhobman sŵn nos ' +
    'gwyrdd glas du llawn torri wedii wedi\'i ei eu yw\'r mae\'r ac ar am o i a y'
  ).split(/\s+/),
);

/** Words shared by the two languages, too short to count on their own, or English that Welsh speakers use too ("ok", "thanks"). */
const WEAK = new Set(['yes', 'no', 'ok', 'okay', 'thanks', 'thank', 'hello', 'hi', 'hiya', 'yeah', 'pls', 'please', 'a', 'i', 'am', 'o', 'y', 'ar', 'ac', 'hi', 'na', 'ie', 'ok', 'bin', 'help', 'plis', 'pen', 'person', 'lle', 'di', 'mi', 'fe', 'min', 'hen', 'hun', 'dal', 'pa', 'tu', 'mis', 'ty', 'nos']);

/** Words that are (almost) only English. */
const ENGLISH = new Set(
  (
    'the is my to of and in it was for can how when what where why who do does did not have has had been you your please pls ' +
    'thanks thank with on at this that there are be will want need get pay report hasnt wasnt isnt didnt dont doesnt cant im ive ' +
    'theres anyone someone some1 somebody anybody nobody u r hello hiya morning afternoon evening yes no yeah nope alright fine ' +
    'bins bin day collected collection emptied rubbish recycling street light road pavement house home tax council bill rent ' +
    'talk speak person help new old big broken out full waiting ages call back text me mine our we they he she them us an ' +
    'about from just again still really very much so too also or but if then than more all any some every one two ' +
    'would could should like apply register vote make change address moved sorry mistake meant understand cancel start end chat ' +
    'office open close time today yesterday tonight next door neighbour noise garden waste bulky item sofa library school ' +
    'meals free child eligible benefit housing homeless safe feel discount single own live lane tip nearest drain blocked water ' +
    'everywhere tree fallen across licence skip gritted slippery rats car abandoned weeks monthly paying bus turn up graffiti ' +
    'wall stink box another where\'s wheres w lost green blue hole potholes pothole lamp post flickering night fly tipping tipped dog mess'
  ).split(/\s+/),
);

export interface Detection {
  language: Language;
  /** Only confident readings are returned today; kept so a detector with a score can say less. */
  confident: boolean;
  by: 'words';
}

/**
 * Lower-case words: Welsh elisions read as their words ("mae'r" → "mae yr", "biniau'n" → "biniau yn",
 * "wedi'i" → "wedi ei"), other apostrophes split words, and anything with a digit (a postcode, a
 * reference, a number) left out.
 */
export function words(text: string): string[] {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/(\p{L})'(r|n|i|w)(?![\p{L}])/gu, (_, before: string, short: string) => `${before} ${{ r: 'yr', n: 'yn', i: 'ei', w: 'ei' }[short]}`)
    .split(/\s+/)
    .filter((token) => !/\d/.test(token))
    .flatMap((token) => token.split(/[^a-zàáâäèéêëìíîïòóôöùúûüŵŷẁẃẅỳý]+/u))
    .filter(Boolean);
}

/** Welsh and English function-word counts (weak words half), and Welsh letters (ŵ ŷ, dd, ll, wy) as a tie-breaker. */
export function wordScores(text: string): { cy: number; en: number } {
  let cy = 0;
  let en = 0;
  for (const w of words(text)) {
    const weak = WEAK.has(w) ? 0.25 : 1;
    if (WELSH.has(w)) cy += weak;
    if (ENGLISH.has(w)) en += weak;
    if (!WELSH.has(w) && !ENGLISH.has(w) && w.length >= 4) {
      if (/[ŵŷâêîôû]/u.test(w) || /(dd|ll|wy|ngh|mh|nh|ch)/.test(w) && !/(ough|tch|sh|th)/.test(w)) cy += 0.25;
    }
  }
  return { cy, en };
}

/** The function-word reading alone: a language only when one side clearly leads. */
export function detectByWords(text: string): Detection | null {
  const { cy, en } = wordScores(text);
  if (cy >= 1 && cy >= 2 * en + 0.5) return { language: 'cy', confident: true, by: 'words' };
  if (en >= 1 && en >= 2 * cy + 0.5) return { language: 'en', confident: true, by: 'words' };
  return null;
}

/** The chosen detector (scripts/eval-language.ts): Welsh and English function words. */
export function detectLanguage(text: string): Detection | null {
  return detectByWords(text);
}
