/**
 * Case references as people say or key them, mostly on the phone: "m b c four zero zero zero eight
 * one", "MBC 400081", "M for Mike, B for Bravo, C for Charlie, 4 0 0 0 8 1", "em bee see forty
 * double oh eighty one", "four hundred thousand and eighty one", or the digits alone where the
 * council's prefix is implied (a keypad, or the answer to "What is your reference?"). Number words
 * also turn spoken phone numbers into digits ("oh seven seven double oh nine…"). Pure functions.
 */
import type { Entity } from '../types.js';

interface Token {
  word: string;
  start: number;
  end: number;
}

const UNITS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };
const ZERO = new Set(['zero', 'nought', 'nil', 'oh', 'o']);
const TEENS: Record<string, number> = {
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
/** Words a recogniser writes for a digit said between other digits ("four oh for eight"). */
const HOMOPHONES: Record<string, string> = { for: '4', to: '2', too: '2', ate: '8', won: '1' };
const REPEAT: Record<string, number> = { double: 2, triple: 3 };

/** What each letter is called, spelled out, and its NATO word: "em", "bee", "see"; "Mike". */
const LETTER_WORDS: Record<string, string> = {
  ay: 'A', alpha: 'A', alfa: 'A',
  bee: 'B', be: 'B', bravo: 'B',
  see: 'C', sea: 'C', cee: 'C', charlie: 'C',
  dee: 'D', delta: 'D',
  echo: 'E',
  ef: 'F', eff: 'F', foxtrot: 'F',
  gee: 'G', golf: 'G',
  aitch: 'H', haitch: 'H', hotel: 'H',
  eye: 'I', india: 'I',
  jay: 'J', juliet: 'J', juliett: 'J',
  kay: 'K', kilo: 'K',
  el: 'L', ell: 'L', elle: 'L', lima: 'L',
  em: 'M', mike: 'M',
  en: 'N', november: 'N',
  oscar: 'O',
  pee: 'P', pea: 'P', papa: 'P',
  cue: 'Q', queue: 'Q', quebec: 'Q',
  ar: 'R', are: 'R', romeo: 'R',
  es: 'S', ess: 'S', sierra: 'S',
  tee: 'T', tea: 'T', tango: 'T',
  you: 'U', uniform: 'U',
  vee: 'V', victor: 'V',
  whiskey: 'W', whisky: 'W',
  ex: 'X', xray: 'X',
  why: 'Y', wye: 'Y', yankee: 'Y',
  zed: 'Z', zee: 'Z', zulu: 'Z',
};
/** Words that may sit between the prefix and the digits: "MBC dash 400081", "MBC number 400081". */
const BETWEEN = new Set(['dash', 'hyphen', 'minus', 'number', 'no', 'then']);

function tokenise(text: string): Token[] {
  return [...text.matchAll(/[A-Za-z]+|\d+/g)].map((m) => ({ word: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));
}

function isNumberWord(w: string | undefined): boolean {
  return w !== undefined && (/^\d+$/.test(w) || w in UNITS || ZERO.has(w) || w in TEENS || w in TENS || w in REPEAT);
}

/** A value below a hundred after "hundred" or on its own: "eighty one", "twelve", "seven". */
function readTensOrUnit(t: Token[], i: number): { value: number; next: number } | null {
  const w = t[i]?.word;
  if (w === undefined) return null;
  if (w in TENS) {
    const unit = t[i + 1]?.word;
    return unit !== undefined && unit in UNITS ? { value: TENS[w] + UNITS[unit], next: i + 2 } : { value: TENS[w], next: i + 1 };
  }
  if (w in TEENS) return { value: TEENS[w], next: i + 1 };
  if (w in UNITS) return { value: UNITS[w], next: i + 1 };
  return null;
}

/**
 * One chunk of a spoken number, as the digits it stands for: "four" → 4, "eighty one" → 81,
 * "double oh" → 00, "four hundred thousand and eighty one" → 400081, "400" → 400. Adjacent unit
 * words never combine ("four zero" is 4 then 0): a cardinal needs "hundred" or "thousand".
 */
function readChunk(t: Token[], i: number): { digits: string; next: number } | null {
  const w = t[i]?.word;
  if (w === undefined) return null;
  if (w in REPEAT) {
    const next = t[i + 1]?.word;
    const d = next === undefined ? null : next in UNITS ? String(UNITS[next]) : ZERO.has(next) ? '0' : /^\d$/.test(next) ? next : null;
    return d === null ? null : { digits: d.repeat(REPEAT[w]), next: i + 2 };
  }
  if (ZERO.has(w)) return { digits: '0', next: i + 1 };
  // Below a thousand, then perhaps "thousand" and another part below a thousand.
  let below: { value: number; next: number; cardinal: boolean; digits: string } | null = null;
  if (/^\d+$/.test(w)) {
    below = { value: Number(w), next: i + 1, cardinal: false, digits: w };
  } else if (w in UNITS && (t[i + 1]?.word === 'hundred')) {
    let value = UNITS[w] * 100;
    let next = i + 2;
    const rest = t[next]?.word === 'and' ? readTensOrUnit(t, next + 1) : readTensOrUnit(t, next);
    if (rest) {
      value += rest.value;
      next = rest.next;
    }
    below = { value, next, cardinal: true, digits: String(value) };
  } else if (w in UNITS) {
    below = { value: UNITS[w], next: i + 1, cardinal: false, digits: String(UNITS[w]) };
  } else {
    const r = readTensOrUnit(t, i);
    if (r) below = { value: r.value, next: r.next, cardinal: false, digits: String(r.value) };
  }
  if (!below) return null;
  if (t[below.next]?.word === 'thousand' && below.value > 0 && below.value < 1000) {
    let value = below.value * 1000;
    let next = below.next + 1;
    const afterAnd = t[next]?.word === 'and' ? next + 1 : next;
    const w2 = t[afterAnd]?.word;
    if (w2 !== undefined && w2 in UNITS && t[afterAnd + 1]?.word === 'hundred') {
      const h = readChunk(t, afterAnd);
      if (h) {
        value += Number(h.digits);
        next = h.next;
      }
    } else {
      const rest = readTensOrUnit(t, afterAnd);
      if (rest) {
        value += rest.value;
        next = rest.next;
      } else if (w2 !== undefined && /^\d{1,3}$/.test(w2)) {
        value += Number(w2);
        next = afterAnd + 1;
      }
    }
    return { digits: String(value), next };
  }
  return { digits: below.digits, next: below.next };
}

/**
 * The digits of the run of number words and digits starting at token `i`: chunks one after another
 * ("forty", "double oh", "eighty one" → 400081), and words a recogniser writes for a digit ("for",
 * "to") only between two numbers.
 */
function readRun(t: Token[], i: number): { digits: string; next: number } | null {
  let digits = '';
  let j = i;
  for (;;) {
    const chunk = readChunk(t, j);
    if (chunk) {
      digits += chunk.digits;
      j = chunk.next;
      continue;
    }
    const w = t[j]?.word;
    if (digits && w !== undefined && w in HOMOPHONES && isNumberWord(t[j + 1]?.word)) {
      digits += HOMOPHONES[w];
      j++;
      continue;
    }
    break;
  }
  return digits ? { digits, next: j } : null;
}

/** The letters a token stands for: itself when all letters ("mbc", "m"), or the letter a name spells ("em", "Mike"). */
function lettersOf(word: string): string[] {
  const out: string[] = [];
  if (/^[a-z]+$/.test(word)) out.push(word.toUpperCase());
  const named = LETTER_WORDS[word];
  if (named) out.push(named);
  if (word === 'oh') out.push('O');
  return out;
}

/**
 * Where the tokens from `i` spell `prefix` ("MBC"), the token after it; else -1. A letter may be
 * followed by "for", "as in" or "like" and a word starting with it ("M for Mike"), which a
 * recogniser sometimes writes "M4 Mike".
 */
function matchPrefix(t: Token[], i: number, prefix: string): number {
  let rest = prefix;
  let j = i;
  while (rest && j < t.length) {
    const word = t[j].word;
    const fits = lettersOf(word).find((l) => rest.startsWith(l));
    if (!fits) return -1;
    rest = rest.slice(fits.length);
    j++;
    if (fits.length === 1) {
      const skip = t[j]?.word === 'as' && t[j + 1]?.word === 'in' ? 2 : t[j]?.word === 'for' || t[j]?.word === 'like' || t[j]?.word === '4' ? 1 : 0;
      const example = t[j + skip]?.word;
      if (skip && example && example.length > 1 && /^[a-z]+$/.test(example) && example[0] === fits.toLowerCase()) j += skip + 1;
    }
  }
  return rest ? -1 : j;
}

export interface SpokenReference {
  /** "MBC-400081" */
  value: string;
  text: string;
  start: number;
  end: number;
  /** True when the prefix was said or written; false when it was implied. */
  prefixGiven: boolean;
}

/**
 * The first case reference in `text` with one of `prefixes` said or written before exactly six
 * digits (in any of the forms above). With `impliedPrefix`, six digits alone count too, as that
 * council's reference: only where a reference was asked for.
 */
export function parseSpokenReference(text: string, options: { prefixes: string[]; impliedPrefix?: string }): SpokenReference | null {
  const t = tokenise(text);
  const prefixes = options.prefixes.map((p) => p.toUpperCase()).filter((p) => /^[A-Z]{2,4}$/.test(p));
  const found = (prefix: string, from: number, digitsAt: number, prefixGiven: boolean): SpokenReference | null => {
    let k = digitsAt;
    while (prefixGiven && k < t.length && BETWEEN.has(t[k].word) && !isNumberWord(t[k].word)) k++;
    // A run already under way (a digit before it) is part of a longer number, not a reference.
    if (!prefixGiven && from > 0 && isNumberWord(t[from - 1].word)) return null;
    const run = readRun(t, k);
    if (!run || run.digits.length !== 6) return null;
    const start = t[from].start;
    const end = t[run.next - 1].end;
    return { value: `${prefix}-${run.digits}`, text: text.slice(start, end), start, end, prefixGiven };
  };
  for (let i = 0; i < t.length; i++) {
    for (const prefix of prefixes) {
      const after = matchPrefix(t, i, prefix);
      if (after < 0) continue;
      const hit = found(prefix, i, after, true);
      if (hit) return hit;
    }
  }
  const implied = options.impliedPrefix?.toUpperCase();
  if (implied && /^[A-Z]{2,4}$/.test(implied)) {
    for (let i = 0; i < t.length; i++) {
      if (!isNumberWord(t[i].word) || t[i].word === 'o') continue;
      const hit = found(implied, i, i, false);
      if (hit) return hit;
    }
  }
  return null;
}

/** Spoken references with the council's prefixes, as entities (written ones are case-reference.ts's). */
export function extractSpokenCaseReferences(text: string, prefixes: string[]): Entity[] {
  const hit = parseSpokenReference(text, { prefixes });
  return hit ? [{ type: 'case_reference', value: hit.value, text: hit.text, start: hit.start, end: hit.end, confidence: 0.9 }] : [];
}

/**
 * The text with each run of number words as digits: "my number is oh seven seven double oh nine
 * double oh one two three" → "my number is 07700900123"; "plus four four" → "+44". Other words
 * stay; a lone "o" or "oh" stays a word unless a number is next to it.
 */
export function numberWordsToDigits(text: string): string {
  const t = tokenise(text);
  let out = '';
  let at = 0;
  for (let i = 0; i < t.length; ) {
    const w = t[i].word;
    const alone = (w === 'o' || w === 'oh') && !isNumberWord(t[i + 1]?.word) && !isNumberWord(t[i - 1]?.word);
    const run = alone || w === 'for' || w === 'to' ? null : readRun(t, i);
    if (!run) {
      i++;
      continue;
    }
    let start = t[i].start;
    const plus = i > 0 && t[i - 1].word === 'plus' ? t[i - 1].start : null;
    if (plus !== null) start = plus;
    out += text.slice(at, start) + (plus !== null ? '+' : '') + run.digits;
    at = t[run.next - 1].end;
    i = run.next;
  }
  return out + text.slice(at);
}
