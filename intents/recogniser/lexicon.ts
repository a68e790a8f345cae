/**
 * The words seen in training, with a one-edit fuzzy lookup (insert, delete, substitute,
 * transpose: SymSpell-style deletion index). A message in which no word is even one typo away
 * from a known word ("asdkjh qwpeoiru") is out of scope whatever the classifier says; a
 * typo-ridden one ("bnis not colected") still gets through.
 */
import { normaliseTokens } from './normalise.js';

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Tokens this short match too easily by one edit, so they only count when known exactly. */
const MIN_FUZZY_LENGTH = 4;

export class Lexicon {
  private readonly words: Set<string>;
  private readonly deleted = new Set<string>();

  constructor(words: Iterable<string>) {
    this.words = new Set(words);
    for (const w of this.words) if (w.length >= MIN_FUZZY_LENGTH) for (const d of deletions(w)) this.deleted.add(d);
  }

  static fromTexts(texts: string[]): Lexicon {
    const words = new Set<string>();
    for (const t of texts) for (const w of normaliseTokens(t)) words.add(w);
    return new Lexicon(words);
  }

  list(): string[] {
    return [...this.words].sort();
  }

  /** True when the word is known, or one edit away from a known word of 4+ letters. */
  matches(word: string): boolean {
    if (this.words.has(word)) return true;
    if (word.length < MIN_FUZZY_LENGTH - 1) return false;
    if (this.deleted.has(word)) return true; // a letter missing
    for (const d of deletions(word)) if (this.words.has(d) || this.deleted.has(d)) return true; // extra, wrong or swapped letter
    return false;
  }

  /** True when at least one word of the text matches. */
  recognisesAnyWord(text: string): boolean {
    return normaliseTokens(text).some((w) => this.matches(w));
  }
}
