/**
 * Evaluates language detectors for Welsh against English on short residents' messages (issue 17):
 *   npm run eval:language [-- --file <tsv>]
 * Each file is `lang<TAB>text`, lang cy, en or und (neither: "ok", a postcode; a detector must give
 * nothing, so the conversation keeps its language). By default the sample the word lists were
 * written beside (scripts/data/language-sample.tsv) and a held-out set written after them
 * (scripts/data/language-heldout.tsv), reported apart.
 * eld, tinyld and franc have no Welsh model: each is read as "English, or not English" (not
 * English counted as Welsh), nothing when it gives no language. Prints accuracy per detector and
 * length band, then one JSON line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eld } from 'eld/large';
import { detect as tinyDetect } from 'tinyld';
import { franc } from 'franc';
import { detectByWords, words } from '../bot/i18n/detect.js';

type Label = 'cy' | 'en' | 'und';
type Guess = 'cy' | 'en' | null;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fileArg = process.argv.indexOf('--file');
const files = fileArg > 0 ? [path.resolve(process.argv[fileArg + 1])] : ['language-sample.tsv', 'language-heldout.tsv'].map((f) => path.join(repoRoot, 'scripts/data', f));

function readSample(file: string): { lang: Label; text: string }[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => {
      const [lang, ...rest] = l.split('\t');
      return { lang: lang as Label, text: rest.join('\t') };
    });
}

const notEnglish = (code: string, english: string, none: string[]): Guess => (none.includes(code) ? null : code === english ? 'en' : 'cy');

const detectors: Record<string, (text: string) => Guess> = {
  eld: (t) => {
    const r = eld.detect(t);
    return r.isReliable() ? notEnglish(r.language, 'en', ['']) : null;
  },
  tinyld: (t) => notEnglish(tinyDetect(t), 'en', ['']),
  franc: (t) => notEnglish(franc(t, { minLength: 3 }), 'eng', ['und']),
  words: (t) => detectByWords(t)?.language ?? null,
};

const band = (text: string): string => {
  const n = words(text).length;
  return n <= 2 ? '1-2 words' : n <= 5 ? '3-5 words' : '6+ words';
};

interface Tally {
  right: number;
  total: number;
}
type Result = { accuracy: number; byBand: Record<string, number>; undKept: number; wrongSwitches: number };

function evaluate(sample: { lang: Label; text: string }[]): Record<string, Result> {
const results: Record<string, Result> = {};
for (const [name, detect] of Object.entries(detectors)) {
  const bands = new Map<string, Tally>();
  let right = 0;
  let total = 0;
  let undKept = 0;
  let undTotal = 0;
  let wrongSwitches = 0;
  for (const { lang, text } of sample) {
    const guess = detect(text);
    if (lang === 'und') {
      undTotal++;
      if (guess === null) undKept++;
      continue;
    }
    total++;
    const ok = guess === lang;
    if (ok) right++;
    // A wrong confident guess switches a conversation into the wrong language; none keeps it.
    if (guess !== null && guess !== lang) wrongSwitches++;
    const b = bands.get(band(text)) ?? { right: 0, total: 0 };
    b.total++;
    if (ok) b.right++;
    bands.set(band(text), b);
  }
  const byBand = Object.fromEntries([...bands.entries()].sort().map(([k, v]) => [k, +(v.right / v.total).toFixed(3)]));
  results[name] = { accuracy: +(right / total).toFixed(3), byBand, undKept: +(undKept / undTotal).toFixed(3), wrongSwitches };
}
return results;
}

const report: Record<string, { sample: Record<Label, number>; detectors: Record<string, Result> }> = {};
for (const file of files) {
const sample = readSample(file);
const results = evaluate(sample);

const counts = { cy: sample.filter((s) => s.lang === 'cy').length, en: sample.filter((s) => s.lang === 'en').length, und: sample.filter((s) => s.lang === 'und').length };
console.log(`Language detection, Welsh vs English: ${counts.cy} Welsh, ${counts.en} English, ${counts.und} neither (${path.relative(repoRoot, file)})`);
console.log('accuracy = right language; wrong = a confident wrong language (switches the conversation); kept = "neither" texts given no language\n');
const bandNames = ['1-2 words', '3-5 words', '6+ words'];
console.log(['detector', 'accuracy', ...bandNames, 'wrong', 'kept'].map((h) => h.padEnd(11)).join(''));
for (const [name, r] of Object.entries(results)) {
  console.log([name, r.accuracy, ...bandNames.map((b) => r.byBand[b] ?? '-'), r.wrongSwitches, r.undKept].map((v) => String(v).padEnd(11)).join(''));
}
console.log('');
report[path.basename(file, '.tsv')] = { sample: counts, detectors: results };
}
console.log(JSON.stringify({ chosen: 'words', files: report }));
