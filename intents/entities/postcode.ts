/**
 * UK postcodes. Validated by format only (outward A9, A99, AA9, AA99, A9A, AA9A plus inward 9AA,
 * and GIR 0AA), not by a list of real areas: the demo council lives in the fictional area MB.
 */
import { wordTable } from '../word-table.js';
import type { Entity } from '../types.js';

const OUTWARD = '(?:[A-Z]{1,2}[0-9][A-Z0-9]?)';
const INWARD = '(?:[0-9][A-Z]{2})';
const FULL_RE = new RegExp(`^(?:(${OUTWARD})\\s*(${INWARD})|(GIR)\\s*(0AA))$`, 'i');
const FIND_RE = new RegExp(`(?<![A-Za-z0-9])(?:(${OUTWARD})[ \\t]*(${INWARD})|(GIR)[ \\t]*(0AA))(?![A-Za-z0-9])`, 'gi');

/** "mb12ab" / " mb1  2ab " → "MB1 2AB"; null when it is not a UK postcode. */
export function normalisePostcode(input: string): string | null {
  const m = FULL_RE.exec(input.trim());
  if (!m) return null;
  const outward = (m[1] ?? m[3]).toUpperCase();
  const inward = (m[2] ?? m[4]).toUpperCase();
  return `${outward} ${inward}`;
}

export function isPostcode(input: string): boolean {
  return normalisePostcode(input) !== null;
}

/** The outward code ("MB1") of a postcode, or null. */
export function outwardCode(input: string): string | null {
  const p = normalisePostcode(input);
  return p ? p.split(' ')[0] : null;
}

// Spoken form, as a voice transcript gives it: "m b one two a b", "mb1 2 a b".
const DIGIT_WORDS: Record<string, string> = wordTable({
  zero: '0', oh: '0', one: '1', two: '2', three: '3', four: '4', five: '5',
  six: '6', seven: '7', eight: '8', nine: '9', ten: '10', eleven: '11', twelve: '12',
});
// A token that can be part of a spelled-out postcode.
const SPOKEN_TOKEN_RE = /[a-z0-9]+/gi;

function spokenPiece(token: string): string | null {
  const t = token.toLowerCase();
  if (DIGIT_WORDS[t]) return DIGIT_WORDS[t];
  if (/^[a-z0-9]{1,4}$/.test(t)) return t.toUpperCase();
  return null;
}

function findSpokenPostcodes(text: string, taken: Array<[number, number]>): Entity[] {
  const tokens: Array<{ piece: string | null; start: number; end: number; spelled: boolean }> = [];
  for (const m of text.matchAll(SPOKEN_TOKEN_RE)) {
    const piece = spokenPiece(m[0]);
    const spelled = piece !== null && (m[0].length === 1 || DIGIT_WORDS[m[0].toLowerCase()] !== undefined);
    tokens.push({ piece, start: m.index, end: m.index + m[0].length, spelled });
  }
  const out: Entity[] = [];
  let i = 0;
  while (i < tokens.length) {
    let found: Entity | null = null;
    // Longest run first: a postcode is at most 7 characters, so at most 7 tokens.
    for (let len = Math.min(7, tokens.length - i); len >= 3 && !found; len--) {
      const run = tokens.slice(i, i + len);
      if (run.some((t) => t.piece === null)) continue;
      // Only runs that really are spelled out: at least three single letters/number words.
      if (run.filter((t) => t.spelled).length < 3) continue;
      const joined = run.map((t) => t.piece).join('');
      if (joined.length < 5 || joined.length > 7) continue;
      const value = normalisePostcode(joined);
      if (!value) continue;
      const start = run[0].start;
      const end = run[run.length - 1].end;
      // Only gaps of spaces between the pieces.
      if (!/^[\s,]*$/.test(text.slice(start, end).replace(/[a-z0-9]+/gi, ''))) continue;
      if (taken.some(([s, e]) => start < e && s < end)) continue;
      found = { type: 'postcode', value, text: text.slice(start, end), start, end, confidence: 0.8, detail: { spoken: 1 } };
      i += len;
    }
    if (found) out.push(found);
    else i++;
  }
  return out;
}

export function extractPostcodes(text: string): Entity[] {
  const out: Entity[] = [];
  for (const m of text.matchAll(FIND_RE)) {
    const value = normalisePostcode(m[0]);
    if (!value) continue;
    out.push({ type: 'postcode', value, text: m[0], start: m.index, end: m.index + m[0].length, confidence: 1 });
  }
  out.push(...findSpokenPostcodes(text, out.map((e) => [e.start, e.end])));
  return out.sort((a, b) => a.start - b.start);
}
