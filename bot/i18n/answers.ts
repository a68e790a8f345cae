/**
 * Welsh short answers and commands read as the assistant's English ones (issue 17): the matchers
 * (bot/matching.ts: yes/no, "go back", "cancel", "end chat") and the policy read English, so a
 * whole message that is one of these Welsh answers ("Ydw", "Nac oes", "Mynd yn ôl", "Gorffen
 * sgwrs", the Welsh buttons' values) is handed to them as its English equivalent. Longer Welsh
 * messages go to the recogniser as written (it is trained on Welsh phrases too).
 */
import { plainWords, WELSH_YES_NO } from '../matching.js';

// No prototype: a message such as "constructor" must not find Object's own members.
const ANSWERS: Record<string, string> = Object.create(null) as Record<string, string>;
function add(english: string, ...welsh: string[]): void {
  for (const w of welsh) ANSWERS[w] = english;
}

// Yes and no: the one table of them is bot/matching.ts's. "Na" is what the Welsh voice prompts ask
// callers to say ("Dywedwch ie neu na").
add('yes', ...WELSH_YES_NO.yes.lead, ...WELSH_YES_NO.yes.alone);
add('no', ...WELSH_YES_NO.no.lead, ...WELSH_YES_NO.no.alone);
// Below, "iawn" and "dim" on their own are read as "ok" and "skip" (they lead a yes and a no).
add('ok', 'iawn', 'iawn diolch', 'popeth yn iawn');
add('Yes, it helped', 'oedd diolch', 'oedd roedd yn ddefnyddiol', 'do fe helpodd', 'fe helpodd');
add("No, it didn't help", 'naddo wnaeth e ddim helpu', 'wnaeth e ddim helpu', 'doedd e ddim yn ddefnyddiol');
add('cancel', 'canslo', 'canslwch', 'canslo fe', 'canslo hwn', 'canslwch e', 'anghofiwch e', 'stopio hwn');
add('cancel report', 'canslo adroddiad', "canslo'r adroddiad", 'canslo yr adroddiad');
add('start again', 'dechrau eto', 'ailddechrau', 'dechrau o r dechrau', 'dechrau o’r dechrau');
add('go back', 'yn ol', 'nol', 'mynd yn ol', 'mynd nol', 'newid yr ateb olaf', 'camgymeriad');
add('skip', 'hepgor', 'sgipio', 'dim byd', 'dim', 'dim byd arall', 'dwi ddim yn gwybod', 'dim syniad');
add('no comment', 'dim sylw', 'dim sylwadau');
add('talk to a person', 'siarad a pherson', 'siarad gyda pherson', 'siarad efo person', 'siarad a rhywun', 'siarad gyda rhywun', 'siarad efo rhywun', 'person go iawn', 'siarad ag ymgynghorydd', 'siarad ag aelod o staff');
add('end chat', 'gorffen sgwrs', 'gorffen y sgwrs', 'gorffen', "cau'r sgwrs", 'cau r sgwrs', 'diwedd', 'diwedd y sgwrs', 'hwyl', 'hwyl fawr', 'ta ta');
add('please call me back', 'ffoniwch fi yn ol', 'ffoniwch fi yn ol plis', 'ffoniwch fi nol', 'galwad yn ol', 'gofyn am alwad yn ol');
add("that's fine, i'll wait", 'mae hynny n iawn fe wna i aros', "mae hynny'n iawn fe wna i aros", 'fe wna i aros', 'mi wna i aros');
add('stop updates', 'stopio diweddariadau', 'dim diweddariadau', 'dim mwy o ddiweddariadau');
add("no, i'll rephrase", 'na fe wna i drio eto', 'fe wna i drio eto');
add('something else', 'rhywbeth arall');
add('none of these', "dim un o'r rhain", 'dim un', 'dim un or rhain');

// Read with the matchers' own normalising (matching.ts: "Mynd yn ôl!" → "mynd yn ol"), which drops
// an apostrophe ("canslor"): each answer is also kept as written with a space for it ("canslo r").
for (const key of Object.keys(ANSWERS)) {
  for (const plain of [plainWords(key), plainWords(key.replace(/[’']/g, ' '))]) if (plain !== key) ANSWERS[plain] = ANSWERS[key];
}

/** The English the assistant reads for a whole-message Welsh short answer; null for anything else. */
export function welshShortAnswer(text: string): string | null {
  return ANSWERS[plainWords(text)] ?? null;
}
