/**
 * Spelling-tolerant text normalisation for typed chat, SMS and voice transcripts.
 * Goal: make "yeah hi um my bins werent collected 2day pls" and
 * "My bins weren't collected today, please" produce the same tokens.
 */
import { wordTable } from '../word-table.js';

/** Contractions, written with or without the apostrophe (SMS drops them). */
const CONTRACTIONS: Record<string, string[]> = wordTable({
  dont: ['do', 'not'], doesnt: ['does', 'not'], didnt: ['did', 'not'],
  cant: ['can', 'not'], cannot: ['can', 'not'], couldnt: ['could', 'not'],
  wont: ['will', 'not'], wouldnt: ['would', 'not'], shouldnt: ['should', 'not'],
  isnt: ['is', 'not'], arent: ['are', 'not'], wasnt: ['was', 'not'], werent: ['were', 'not'],
  havent: ['have', 'not'], hasnt: ['has', 'not'], hadnt: ['had', 'not'], aint: ['is', 'not'],
  im: ['i', 'am'], ive: ['i', 'have'], youre: ['you', 'are'], youve: ['you', 'have'],
  theyre: ['they', 'are'], weve: ['we', 'have'], whats: ['what', 'is'], thats: ['that', 'is'],
  wheres: ['where', 'is'], whos: ['who', 'is'], hows: ['how', 'is'], theres: ['there', 'is'],
  itll: ['it', 'will'], youll: ['you', 'will'], whens: ['when', 'is'],
});

/** Common SMS / chat abbreviations and voice fillers. An empty list drops the token. */
const SHORTHAND: Record<string, string[]> = wordTable({
  pls: ['please'], plz: ['please'], plse: ['please'], pleez: ['please'],
  u: ['you'], ya: ['you'], yu: ['you'], ur: ['your'], urs: ['yours'], r: ['are'],
  thx: ['thanks'], thnx: ['thanks'], thanx: ['thanks'], tnx: ['thanks'], ty: ['thanks'], cheers: ['thanks'],
  '2day': ['today'], tdy: ['today'], '2moro': ['tomorrow'], '2morrow': ['tomorrow'], tmrw: ['tomorrow'],
  tmr: ['tomorrow'], tomoz: ['tomorrow'], '2nite': ['tonight'], tonite: ['tonight'], yday: ['yesterday'],
  b4: ['before'], gr8: ['great'], l8r: ['later'], msg: ['message'], txt: ['text'], ppl: ['people'],
  wk: ['week'], wks: ['weeks'], hr: ['hour'], hrs: ['hours'], mins: ['minutes'],
  abt: ['about'], bc: ['because'], cos: ['because'], coz: ['because'], cuz: ['because'], becuz: ['because'],
  wot: ['what'], wat: ['what'], wen: ['when'], hw: ['how'], sth: ['something'], smth: ['something'],
  ok: ['okay'], k: ['okay'], kk: ['okay'], np: ['no', 'problem'], idk: ['i', 'do', 'not', 'know'],
  asap: ['as', 'soon', 'as', 'possible'], wanna: ['want', 'to'], gonna: ['going', 'to'], gotta: ['got', 'to'],
  dunno: ['do', 'not', 'know'], wud: ['would'], cud: ['could'], shud: ['should'], nd: ['and'], n: ['and'],
  um: [], umm: [], erm: [], uh: [], uhm: [], uhh: [], er: [], hmm: [], mm: [], ah: [],
});

/** Lowercase, unify quotes, strip accents and punctuation, collapse letter runs of 3+ to 2. */
export function cleanText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/([a-z])\1{2,}/g, '$1$1')
    .replace(/'(s|d|ll|re|ve|m)\b/g, (_m, s: string) => (s === 's' ? '' : s === 'm' ? ' am' : s === 're' ? ' are' : s === 've' ? ' have' : s === 'll' ? ' will' : ' would'))
    .replace(/n't\b/g, 'nt')
    .replace(/'/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Normalised word tokens (contractions expanded, shorthand resolved, fillers dropped). */
export function normaliseTokens(text: string): string[] {
  const out: string[] = [];
  for (const raw of cleanText(text).split(' ')) {
    if (!raw) continue;
    const mapped = CONTRACTIONS[raw] ?? SHORTHAND[raw];
    if (mapped) out.push(...mapped);
    else out.push(raw);
  }
  return out;
}

/**
 * Light suffix stripping (not a full Porter stemmer): enough to merge
 * collect/collected/collecting/collection-ish variants without over-merging short words.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && w.length > 4) w = undouble(w.slice(0, -2));
  else if (w.endsWith('ly') && w.length > 4) w = w.slice(0, -2);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

function undouble(w: string): string {
  const n = w.length;
  if (n >= 3 && w[n - 1] === w[n - 2] && !'lsz'.includes(w[n - 1])) return w.slice(0, -1);
  return w;
}
