/**
 * Articles split into passages (a paragraph or a list under its heading), each with its article,
 * heading anchor and URL, indexed with the knowledge base's own BM25 search (search.ts).
 */
import { createHash } from 'node:crypto';
import { ArticleIndex, type KbArticle } from '../search.js';
import { markdownToPlain, terms } from '../text.js';

export interface Passage {
  /** `<article id>#<anchor>` plus a counter when a section has several passages. */
  id: string;
  articleId: string;
  articleTitle: string;
  service: string;
  /** The section's heading; the article's title for the summary passage. */
  heading: string;
  /** The heading's anchor as GitHub-style Markdown renders it ("" for the summary). */
  anchor: string;
  /** The article's URL with the anchor. */
  url: string;
  /** Plain text (no Markdown), lists kept one item a line. */
  text: string;
  /** Of the heading and text: the key of cached embeddings. */
  hash: string;
}

export interface PassageHit {
  passage: Passage;
  score: number;
}

/** A lead-in ending with ":" stays with its list; a section longer than this is split by paragraph. */
const SECTION_MAX_CHARS = 700;

export function anchorOf(heading: string): string {
  return heading
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9 -]/g, '')
    .trim()
    .replace(/\s+/g, '-');
}

/** The passages of one article: its summary, then each section (split by paragraph when long). */
export function splitArticle(article: KbArticle): Passage[] {
  const out: Passage[] = [];
  const add = (heading: string, anchor: string, text: string) => {
    const plain = markdownToPlain(text).trim();
    if (plain.length < 10) return;
    const base = `${article.id}#${anchor}`;
    const n = out.filter((p) => p.id === base || p.id.startsWith(`${base}~`)).length;
    out.push({
      id: n ? `${base}~${n + 1}` : base,
      articleId: article.id,
      articleTitle: article.title,
      service: article.service,
      heading,
      anchor,
      url: anchor ? `${article.url}#${anchor}` : article.url,
      text: plain,
      hash: createHash('sha256').update(`${heading}\n${plain}`).digest('hex').slice(0, 32),
    });
  };
  add(article.title, '', article.summary);
  let heading = article.title;
  let anchor = '';
  let section: string[] = [];
  const flush = () => {
    const body = section.join('\n').trim();
    section = [];
    if (!body) return;
    if (body.length <= SECTION_MAX_CHARS) return add(heading, anchor, body);
    // Paragraphs; a lead-in ("You can still get it if:") is kept with the list after it.
    const blocks = body.split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
    let pending = '';
    for (const block of blocks) {
      const joined = pending ? `${pending}\n${block}` : block;
      if (/:\s*$/.test(block)) {
        pending = joined;
        continue;
      }
      pending = '';
      add(heading, anchor, joined);
    }
    if (pending) add(heading, anchor, pending);
  };
  for (const line of article.body.split('\n')) {
    const h = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (h) {
      flush();
      heading = h[1].replace(/[*_`]/g, '');
      anchor = anchorOf(heading);
    } else section.push(line);
  }
  flush();
  return out;
}

/**
 * What residents say, in the words the pages use: only for finding passages (the article search's
 * own synonyms, text.ts, stay as the intent evaluation measured them).
 */
const RESIDENT_PHRASES: [RegExp, string][] = [
  [/\b(on my own|by myself|live alone|living alone|just me|only one (?:living|here)|single occupancy)\b/i, 'single person discount only adult'],
  [/\b(my partner (?:has )?(?:moved|left)|split up|separated)\b/i, 'only adult single person'],
  [/\b(how much|cost|price|charge)\b/i, 'cost price £'],
  [/\b(phone|ring|call|number)\b/i, 'phone'],
];

export function expandQuery(text: string): string {
  const extra = RESIDENT_PHRASES.filter(([re]) => re.test(text)).map(([, add]) => add);
  return extra.length ? `${text} ${extra.join(' ')}` : text;
}

/** A pack's passages and their BM25 index (the article search over passages as documents). */
export class PassageIndex {
  readonly passages: Passage[];
  private readonly byId: Map<string, Passage>;
  private readonly index: ArticleIndex;

  /** With `same`, an index of the same articles: its passages and search are shared (they are never changed). */
  constructor(articles: KbArticle[], same?: PassageIndex) {
    if (same) {
      this.passages = same.passages;
      this.byId = same.byId;
      this.index = same.index;
      return;
    }
    this.passages = articles.flatMap(splitArticle);
    this.byId = new Map(this.passages.map((p) => [p.id, p]));
    this.index = new ArticleIndex(
      this.passages.map((p) => {
        const article = articles.find((a) => a.id === p.articleId)!;
        // The summary passage carries the article's keywords and residents' questions: it is the article's front door.
        const summary = p.anchor === '';
        return {
          id: p.id,
          service: p.service,
          title: summary ? p.articleTitle : `${p.heading} (${p.articleTitle})`,
          url: p.url,
          summary: '',
          body: p.text,
          keywords: summary ? article.keywords : [],
          questions: summary ? article.questions : [],
        };
      }),
    );
  }

  get(id: string): Passage | undefined {
    return this.byId.get(id);
  }

  /** BM25 over passages; `services` lifts the services the recogniser believes in; `articleIds` keeps only those articles' passages. */
  search(query: string, options: { limit?: number; services?: Map<string, number>; articleIds?: Set<string> } = {}): PassageHit[] {
    const limit = options.limit ?? 5;
    const hits = this.index.search(expandQuery(query), { services: options.services, limit: options.articleIds ? this.passages.length : limit });
    return hits
      .map((h) => ({ passage: this.byId.get(h.article.id)!, score: h.score }))
      .filter((h) => !options.articleIds || options.articleIds.has(h.passage.articleId))
      .slice(0, limit);
  }
}

const cache = new WeakMap<ArticleIndex, PassageIndex>();

/**
 * Indexes already built, by their articles' content: another runtime of the same pages (a second
 * council with the same pack, a reload, each test server of a test file) shares the work (a few
 * hundred ms a language). A few packs' worth; each article index still gets an index object of its
 * own, so what is cached per index (retrieve.ts: embeddings) stays with its runtime.
 */
const byContent = new Map<string, PassageIndex>();
const BY_CONTENT_MAX = 8;

/** The passages of an article index, built on first need, once per index and once per content. */
export function passagesOf(articles: ArticleIndex): PassageIndex {
  let index = cache.get(articles);
  if (!index) {
    const list = articles.articles();
    const key = createHash('sha256').update(JSON.stringify(list)).digest('hex');
    const same = byContent.get(key);
    index = new PassageIndex(list, same);
    if (!same) {
      if (byContent.size >= BY_CONTENT_MAX) byContent.delete(byContent.keys().next().value!);
      byContent.set(key, index);
    }
    cache.set(articles, index);
  }
  return index;
}

/** Content terms shared by two texts, as a share of `of`'s terms (0 when it has none). */
export function overlap(of: string, within: string): number {
  const a = new Set(terms(of));
  if (a.size === 0) return 0;
  const b = new Set(terms(within));
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / a.size;
}
