/**
 * Cheaper screen patterns, same matches (issue 11). A pattern that opens with lookarounds
 * (`(?<!(?:builder|plumber)(?: [a-z]+){0,10} )(?:said|told me) ...`) has them tried at every
 * position of the text, and a lookbehind over up to ten words, or to the start, costs a scan back
 * each time: a few such patterns had become most of the screen's time on every message. Looking
 * first for the word the pattern must match there (`(?=(?:said|told me))`) skips the lookarounds
 * wherever it is absent. The lookahead asks only what the pattern itself requires at that position,
 * so the matches are exactly the same.
 */

/** The last index of the escape (a backslash and what follows) or the class ("[...]") at `i`, or `i` for any other character. */
export function literalEnd(pattern: string, i: number): number {
  if (pattern[i] === '\\') return i + 1;
  if (pattern[i] !== '[') return i;
  let j = i + 1;
  while (j < pattern.length && pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1;
  return j;
}

/** Where the group opening at `start` (a "(") ends: the index after its ")". Escapes and classes skipped. */
function groupEnd(pattern: string, start: number): number {
  let depth = 0;
  for (let i = start; i < pattern.length; i = literalEnd(pattern, i) + 1) {
    if (pattern[i] === '(') depth++;
    else if (pattern[i] === ')' && --depth === 0) return i + 1;
  }
  return -1;
}

const LOOKAROUND = /^\(\?(?:<=|<!|=|!)/;
const QUANTIFIER = /^[?*{]/;

/** The top-level alternatives of the group `pattern.slice(start, end)` (a "(?:...)"). */
function alternatives(pattern: string, start: number, end: number): string[] {
  const inner = pattern.slice(start + 3, end - 1);
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < inner.length; i = literalEnd(inner, i) + 1) {
    const c = inner[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      parts.push(inner.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(inner.slice(from));
  return parts;
}

/** Whether `part` is nothing but lookarounds (it matches no character). */
function onlyLookarounds(part: string): boolean {
  let i = 0;
  while (i < part.length) {
    if (!LOOKAROUND.test(part.slice(i, i + 4))) return false;
    const end = groupEnd(part, i);
    if (end < 0) return false;
    i = end;
  }
  return part.length > 0;
}

/** The index after the lookarounds opening `pattern` at `start`, a "(?:" group of lookarounds only among them. */
function afterLookarounds(pattern: string, start: number): number {
  let i = start;
  for (;;) {
    const head = pattern.slice(i, i + 4);
    if (LOOKAROUND.test(head)) {
      const end = groupEnd(pattern, i);
      if (end < 0) return -1;
      i = end;
    } else if (head.startsWith('(?:')) {
      const end = groupEnd(pattern, i);
      if (end < 0 || QUANTIFIER.test(pattern.slice(end)) || !alternatives(pattern, i, end).every(onlyLookarounds)) return i;
      i = end;
    } else {
      return i;
    }
  }
}

/**
 * `pattern` with its first required element looked for before its opening lookarounds, or as it
 * is when it opens with none, or what follows them is optional or not a group or plain words.
 */
export function lookForFirstToken(pattern: string): string {
  const i = afterLookarounds(pattern, 0);
  if (i <= 0) return pattern;
  let first: string;
  if (pattern.startsWith('(?:', i)) {
    const end = groupEnd(pattern, i);
    if (end < 0 || QUANTIFIER.test(pattern.slice(end))) return pattern;
    first = pattern.slice(i, end);
  } else {
    // Plain words: up to the first character with a meaning, less one letter if a quantifier makes it optional.
    const words = /^[a-z0-9 ]+/.exec(pattern.slice(i))?.[0] ?? '';
    const rest = pattern.slice(i + words.length);
    first = QUANTIFIER.test(rest) ? words.slice(0, -1) : words;
    if (first.trim().length < 2) return pattern;
  }
  return `(?=${first})${pattern}`;
}
