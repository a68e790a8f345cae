/** Text normalisation shared by retrieval and typeahead. */
import { wordTable } from '../intents/index.js';

const STOPWORDS = new Set(
  ('a an and are as at be been but by can could do does did for from get got had has have how i if in into is it its ' +
    'just me my of on or our please pls so that the their them then there this to u ur was we were what when where which ' +
    'who why will with would you your hi hello im ive id dont want need know tell about any some')
    .split(' '),
);

/** Resident words → the words articles use. Applied before stemming. */
const SYNONYMS: Record<string, string> = wordTable({
  ctax: 'council tax',
  'c tax': 'council tax',
  tip: 'recycling centre',
  dump: 'recycling centre',
  binmen: 'bin crew',
  rubbish: 'waste',
  refuse: 'waste',
  telly: 'television',
  tv: 'television',
  hb: 'housing benefit',
  ctr: 'council tax reduction',
  pcn: 'penalty charge notice',
  ticket: 'penalty charge notice',
  fine: 'penalty charge notice',
  dumped: 'fly tipping',
  flytipping: 'fly tipping',
  flytip: 'fly tipping',
  streetlight: 'street light',
  lamppost: 'street light',
  lamp: 'street light',
  dbs: 'disclosure',
  wedding: 'marriage',
  married: 'marriage',
  rat: 'pest',
  rats: 'pest',
  mice: 'pest',
  wasps: 'pest',
  cockroaches: 'pest',
  bedbugs: 'pest',
});

export function normalise(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9£]+/g, ' ')
    .trim();
}

/** The synonyms as word lists, split once; a Map, so a word like "constructor" is never an inherited key. */
const SYNONYM_WORDS = new Map(Object.entries(SYNONYMS).map(([k, v]) => [k, v.split(' ')]));

function expandSynonyms(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const pair = i + 1 < words.length ? SYNONYM_WORDS.get(`${words[i]} ${words[i + 1]}`) : undefined;
    const single = pair ? undefined : SYNONYM_WORDS.get(words[i]);
    if (pair) {
      out.push(...pair);
      i++;
    } else if (single) {
      out.push(words[i], ...single);
    } else out.push(words[i]);
  }
  return out;
}

/** Suffix rules, first match wins (built once: a new array of regexes per word showed at start-up and in turns). */
const STEM_RULES: [RegExp, string][] = [
  [/ies$/, 'y'],
  [/sses$/, 'ss'],
  [/([^s])s$/, '$1'],
  [/eed$/, 'ee'],
  [/(..)ing$/, '$1'],
  [/(..)ed$/, '$1'],
  [/(..)ly$/, '$1'],
  [/(..)ment$/, '$1'],
  [/(..)ation$/, '$1'],
  [/(..)ion$/, '$1'],
  [/(..)er$/, '$1'],
  [/(..)e$/, '$1'],
];

/** Stems already worked out: articles and residents use the same few thousand words. Bounded. */
const stems = new Map<string, string>();
const STEM_CACHE_MAX = 50_000;

/** A light suffix-stripping stemmer: enough to match "collections"/"collected"/"collecting". */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  let out = stems.get(word);
  if (out === undefined) {
    out = stemUncached(word);
    if (stems.size >= STEM_CACHE_MAX) stems.clear();
    stems.set(word, out);
  }
  return out;
}

function stemUncached(word: string): string {
  for (const [re, rep] of STEM_RULES) {
    if (re.test(word)) {
      word = word.replace(re, rep);
      break;
    }
  }
  // "stopp(ed)" → "stop", "bigg(er)" → "big"
  return word.replace(/([bdfgmnprt])\1$/, '$1');
}

/** Tokens for retrieval: normalised, synonyms expanded, stopwords dropped, stemmed. */
export function terms(text: string): string[] {
  const words = normalise(text).split(' ').filter(Boolean);
  return expandSynonyms(words)
    .filter((w) => !STOPWORDS.has(w))
    .map(stem);
}

/** Plain text from Markdown, for channels that cannot show formatting. */
export function markdownToPlain(md: string): string {
  return md
    .replace(/```[\s\S]*?```/g, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 ($2)')
    .replace(/^#{1,6}\s*/gm, '')
    .replace(/^\s*[-*+]\s+/gm, '- ')
    .replace(/[*_`]/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
