/**
 * Shared by the tests that pin the screen's cheaper regular expressions to the plain ones (first-token,
 * family-search, anchored): a small vocabulary, patterns with the lookarounds the screen uses, and
 * every match of an expression in the order the screen walks them, and a sample of the development items.
 */
import { loadSafetyData } from './model.js';
import { normaliseForSafety } from './normalise.js';

/** Words the random texts are made of. */
export const FIXTURE_WORDS = ['a', 'not', 'knife', 'knives', 'gun', 'out', 'now', 'calm', 'said', 'he', 'would', 'the', 'stabbed', 'shot'];

/** Patterns that open with lookarounds, in the screen's ways (each one `lookForFirstToken` rewrites). */
export const LOOKAROUND_PATTERNS = [
  '(?<!not )(?:knife|gun)(?: [a-z]+){0,2} out',
  '(?<!(?:the|a) )knives?',
  '(?<![^]*calm[^]*)(?![^]*calm)(?:said|he) (?:would|now)',
  '(?:(?<=now [^]*)|(?=[^]* now))(?:stabbed|shot)',
  '(?<!not )gun|knife out',
  '(?<=he )(?:said|would)+',
];

/** Every match of `source` in `text` as the screen walks them (each next search one character on); a global RegExp is reused. */
export function matchesInOrder(source: string | RegExp, text: string): [number, string][] {
  const re = source instanceof RegExp && source.global ? source : new RegExp(typeof source === 'string' ? source : source.source, 'g');
  re.lastIndex = 0;
  const seen: [number, string][] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    seen.push([m.index, m[0]]);
    re.lastIndex = m.index + 1;
  }
  return seen;
}

/** Every `every`-th development item's text, normalised as the screen reads it. */
export function developmentSample(every: number): string[] {
  return loadSafetyData()
    .filter((_, i) => i % every === 0)
    .map((item) => normaliseForSafety(item.text));
}
