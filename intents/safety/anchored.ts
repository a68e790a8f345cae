/**
 * Lists of phrases matched between the spaces of normalised text, compiled cheaper (issue 11).
 * `(?<= )a(?= )|(?<= )b(?= )` has V8 try a lookbehind first in every alternative, so it can skip no
 * position of the text; `(?<= )(?:a|b)(?= )` tries the same things in the same order (the anchors
 * take no characters) and V8 can look ahead for the characters a match starts with. The two are the
 * same expression only when no phrase has an alternation of its own outside a group ("a|b" would bind
 * to the anchors differently), so such a list is compiled as it was.
 */
import { literalEnd } from './first-token.js';

/** Whether `pattern` has a "|" outside every group and character class (escapes and classes skipped as first-token.ts does). */
export function hasTopLevelAlternation(pattern: string): boolean {
  let depth = 0;
  for (let i = 0; i < pattern.length; i = literalEnd(pattern, i) + 1) {
    const c = pattern[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}

/**
 * The phrases as one expression, each between the spaces of normalised text: a space before it
 * (`(?<= )`) and, unless `openEnd`, a space after it (`(?= )`). The same matches as anchoring each
 * phrase on its own and joining them.
 */
export function anchoredPhrases(phrases: string[], flags?: string, openEnd = false): RegExp {
  const after = openEnd ? '' : '(?= )';
  if (phrases.some(hasTopLevelAlternation)) return new RegExp(phrases.map((x) => `(?<= )${x}${after}`).join('|'), flags);
  return new RegExp(`(?<= )(?:${phrases.join('|')})${after}`, flags);
}
