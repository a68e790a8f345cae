import { normalise } from './text.js';
import type { KbArticle } from './search.js';

export interface TypeaheadSuggestion {
  /** What the resident would send. */
  text: string;
  kind: 'question' | 'article';
  articleId?: string;
  url?: string;
}

interface Entry {
  suggestion: TypeaheadSuggestion;
  words: string[];
  weight: number;
}

/**
 * Predictive suggestions while the resident types: questions residents ask and article titles
 * whose words start with what has been typed so far, in any order. Brute force over a few
 * thousand entries with precomputed word lists stays well under a millisecond.
 */
export class Typeahead {
  private entries: Entry[] = [];

  constructor(articles: KbArticle[], popularQuestions: string[] = []) {
    const seen = new Set<string>();
    const add = (s: TypeaheadSuggestion, weight: number) => {
      const key = normalise(s.text);
      if (!key || seen.has(key)) return;
      seen.add(key);
      this.entries.push({ suggestion: s, words: key.split(' '), weight });
    };
    popularQuestions.forEach((q, i) => add({ text: q, kind: 'question' }, 3 - i / Math.max(1, popularQuestions.length)));
    for (const a of articles) {
      add({ text: a.title, kind: 'article', articleId: a.id, url: a.url }, 2);
      for (const q of a.questions) add({ text: capitalise(q), kind: 'question', articleId: a.id }, 1);
    }
  }

  suggest(typed: string, limit = 6): TypeaheadSuggestion[] {
    const words = normalise(typed).split(' ').filter(Boolean);
    if (words.length === 0 || (words.length === 1 && words[0].length < 2)) return [];
    const last = words[words.length - 1];
    const complete = words.slice(0, -1);
    const scored: { e: Entry; score: number }[] = [];
    for (const e of this.entries) {
      let score = 0;
      let ok = true;
      for (const w of complete) {
        if (e.words.includes(w)) score += 2;
        else if (w.length > 3 && e.words.some((x) => x.startsWith(w.slice(0, -1)))) score += 1;
        else if (STOP.has(w)) continue;
        else {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      const prefixAt = e.words.findIndex((x) => x.startsWith(last));
      if (prefixAt < 0) continue;
      score += 1.5 + (prefixAt === 0 ? 0.5 : 0) + e.weight * 0.3 - e.words.length * 0.02;
      scored.push({ e, score });
    }
    scored.sort((a, b) => b.score - a.score || a.e.suggestion.text.localeCompare(b.e.suggestion.text));
    return scored.slice(0, limit).map((s) => s.e.suggestion);
  }
}

const STOP = new Set(['a', 'an', 'the', 'my', 'i', 'to', 'do', 'is', 'of', 'for', 'in', 'on', 'can', 'how', 'what', 'when', 'where']);

function capitalise(s: string): string {
  const t = s.trim();
  return t.charAt(0).toUpperCase() + t.slice(1);
}
