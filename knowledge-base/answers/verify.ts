/**
 * The check after generation: every sentence must cite a passage it was given, and each cited
 * passage must carry the sentence's key content (numbers, amounts, named things, and enough of its
 * words). What fails is dropped; the caller falls back to the article when too little is left.
 */
import { normalise, stem, terms } from '../text.js';
import type { Passage } from './passages.js';

export interface CheckedSentence {
  /** The sentence without its citation markers. */
  text: string;
  /** Passage numbers (1-based, as the prompt numbered them) that support it. */
  cites: number[];
  supported: boolean;
  /** Why it was dropped, when it was. */
  reason?: 'no_citation' | 'unknown_passage' | 'missing_key_content' | 'too_little_overlap';
}

export interface CheckResult {
  sentences: CheckedSentence[];
  kept: CheckedSentence[];
  dropped: CheckedSentence[];
}

/** Share of a sentence's content words its cited passages must contain (numbers and names must all be there). */
const MIN_WORD_SUPPORT = 0.5;

const CITE = /\[(\d+(?:\s*[,;]\s*\d+)*)\]/g;

/** Sentences, each with the citation markers that follow or end it ("… off [1]." and "… off. [1][2]"). */
export function splitSentences(answer: string): { text: string; cites: number[] }[] {
  const flat = answer
    .replace(/\r/g, '')
    .replace(/^\s*[-*•]\s+/gm, '')
    .replace(/\n+/g, ' ')
    .trim();
  // A boundary: end punctuation, then any citation markers, then space and the next sentence.
  const parts = flat.split(/(?<=[.!?](?:\s*\[\d+(?:\s*[,;]\s*\d+)*\])*)\s+(?=[A-Z0-9£"“(])/);
  return parts
    .map((raw) => {
      const cites = [...raw.matchAll(CITE)].flatMap((m) => m[1].split(/[,;]/).map((n) => Number(n.trim())));
      const text = raw.replace(CITE, '').replace(/\s+([.,!?;:])/g, '$1').replace(/\s{2,}/g, ' ').trim();
      return { text, cites: [...new Set(cites)] };
    })
    .filter((s) => /[\p{L}\d]/u.test(s.text));
}

/** Numbers as written in either text: "01632 960 100" and "01632960100" alike, "8:30am" as 8:30, "£70" as 70. */
export function numbersIn(text: string): string[] {
  const joined = text.replace(/(\d)[ -](?=\d{3}\b)/g, '$1');
  return [...joined.matchAll(/\d+(?:[.:]\d+)?/g)].map((m) => m[0].replace(/\.0+$/, ''));
}

const NOT_NAMES = new Set(['i', 'you', 'your', 'we', 'our', 'it', 'if', 'the', 'a', 'an', 'this', 'that', 'they', 'yes', 'no', 'please', 'for', 'from', 'to', 'in', 'on', 'at', 'or', 'and']);

/** Named things: capitalised words not at the start of the sentence ("Merebrook", "Valuation Tribunal", "Friday"). */
export function namesIn(sentence: string): string[] {
  const words = sentence.split(/\s+/);
  const out: string[] = [];
  words.forEach((w, i) => {
    const clean = w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
    if (i === 0 || !/^\p{Lu}/u.test(clean)) return;
    const lower = clean.toLowerCase();
    if (!NOT_NAMES.has(lower) && clean.length > 1) out.push(lower);
  });
  return out;
}

function containsName(passageText: string, name: string): boolean {
  const words = new Set(normalise(passageText).split(' ').map(stem));
  return words.has(stem(normalise(name)));
}

/** Checks each sentence against the passages it cites (`passages[n - 1]` is passage [n]). */
export function checkAnswer(answer: string, passages: Passage[]): CheckResult {
  const sentences: CheckedSentence[] = splitSentences(answer).map(({ text, cites }) => {
    if (cites.length === 0) return { text, cites, supported: false, reason: 'no_citation' };
    if (cites.some((n) => !Number.isInteger(n) || n < 1 || n > passages.length)) return { text, cites, supported: false, reason: 'unknown_passage' };
    const cited = cites.map((n) => passages[n - 1]);
    // Each cited passage must share something of the sentence: a citation for show is not support.
    const sentenceTerms = new Set(terms(text));
    const sharing = cites.filter((_, i) => {
      const pt = new Set(terms(`${cited[i].heading} ${cited[i].text}`));
      return [...sentenceTerms].some((t) => pt.has(t)) || numbersIn(text).some((n) => numbersIn(cited[i].text).includes(n));
    });
    if (sharing.length === 0) return { text, cites, supported: false, reason: 'too_little_overlap' };
    const support = sharing.map((n) => `${passages[n - 1].articleTitle}. ${passages[n - 1].heading}. ${passages[n - 1].text}`).join('\n');
    // Every number, amount and named thing must be in what it cites.
    const supportNumbers = new Set(numbersIn(support));
    if (numbersIn(text).some((n) => !supportNumbers.has(n))) return { text, cites: sharing, supported: false, reason: 'missing_key_content' };
    if (namesIn(text).some((n) => !containsName(support, n))) return { text, cites: sharing, supported: false, reason: 'missing_key_content' };
    const supportTerms = new Set(terms(support));
    const shared = [...sentenceTerms].filter((t) => supportTerms.has(t)).length;
    if (sentenceTerms.size > 0 && shared / sentenceTerms.size < MIN_WORD_SUPPORT) return { text, cites: sharing, supported: false, reason: 'too_little_overlap' };
    return { text, cites: sharing, supported: true };
  });
  return { sentences, kept: sentences.filter((s) => s.supported), dropped: sentences.filter((s) => !s.supported) };
}
