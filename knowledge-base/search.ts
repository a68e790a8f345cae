import { terms } from './text.js';

export interface KbArticle {
  id: string;
  service: string;
  title: string;
  url: string;
  summary: string;
  body: string;
  keywords: string[];
  questions: string[];
}

export interface ArticleHit {
  article: KbArticle;
  score: number;
}

export interface FeedbackCounts {
  useful: number;
  notUseful: number;
}

// Field weights: a word in a title or a resident-phrased question says more than one in the body.
const FIELD_WEIGHTS = { title: 3, questions: 2.5, keywords: 2.5, summary: 1.5, body: 0.6 } as const;
const K1 = 1.2;
const B = 0.6;

interface Doc {
  article: KbArticle;
  tf: Map<string, number>;
  length: number;
}

/**
 * BM25 over weighted fields, plus two priors: the service the recogniser believes in, and
 * residents' "Was this useful?" answers (a smoothed usefulness ratio per article).
 */
export class ArticleIndex {
  private docs: Doc[] = [];
  private df = new Map<string, number>();
  private avgLength = 1;
  private feedback = new Map<string, FeedbackCounts>();

  constructor(articles: KbArticle[]) {
    for (const article of articles) {
      const tf = new Map<string, number>();
      let length = 0;
      for (const [field, weight] of Object.entries(FIELD_WEIGHTS)) {
        const value = article[field as keyof typeof FIELD_WEIGHTS];
        const text = Array.isArray(value) ? value.join(' . ') : value;
        for (const t of terms(text)) {
          tf.set(t, (tf.get(t) ?? 0) + weight);
          length += weight;
        }
      }
      this.docs.push({ article, tf, length });
      for (const t of tf.keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    }
    this.avgLength = this.docs.reduce((s, d) => s + d.length, 0) / Math.max(1, this.docs.length);
  }

  get size(): number {
    return this.docs.length;
  }

  articles(): KbArticle[] {
    return this.docs.map((d) => d.article);
  }

  byId(id: string): KbArticle | undefined {
    return this.docs.find((d) => d.article.id === id)?.article;
  }

  setFeedback(feedback: Map<string, FeedbackCounts>): void {
    this.feedback = feedback;
  }

  recordFeedback(articleId: string, useful: boolean): void {
    const f = this.feedback.get(articleId) ?? { useful: 0, notUseful: 0 };
    if (useful) f.useful++;
    else f.notUseful++;
    this.feedback.set(articleId, f);
  }

  /** A multiplier in about 0.75..1.25: articles residents found useful rank a little higher. */
  private feedbackPrior(id: string): number {
    const f = this.feedback.get(id);
    if (!f) return 1;
    const ratio = (f.useful + 2) / (f.useful + f.notUseful + 4); // Laplace-smoothed, 0.5 with no votes
    return 0.75 + ratio * 0.5;
  }

  search(query: string, options: { limit?: number; services?: Map<string, number> } = {}): ArticleHit[] {
    const q = [...new Set(terms(query))];
    const n = this.docs.length;
    const hits: ArticleHit[] = [];
    for (const doc of this.docs) {
      let score = 0;
      for (const t of q) {
        const f = doc.tf.get(t);
        if (!f) continue;
        const df = this.df.get(t) ?? 0;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        score += (idf * f * (K1 + 1)) / (f + K1 * (1 - B + (B * doc.length) / this.avgLength));
      }
      const serviceBelief = options.services?.get(doc.article.service) ?? 0;
      // The recogniser's belief in a service lifts its articles even when wording differs.
      score = (score + 6 * serviceBelief) * this.feedbackPrior(doc.article.id);
      if (score > 0) hits.push({ article: doc.article, score });
    }
    hits.sort((a, b) => b.score - a.score || a.article.id.localeCompare(b.article.id));
    return hits.slice(0, options.limit ?? 5);
  }
}
