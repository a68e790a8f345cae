/**
 * Finding the passages for a question: BM25 over passages (the knowledge base's search) with the
 * resident's recent messages for context, plus embeddings where the endpoint offers them (vectors
 * cached in memory per pack, keyed by passage hash).
 */
import type { Passage, PassageIndex } from './passages.js';

/** Turns texts into vectors (the endpoint's embeddings API); the texts are already redacted. */
export type Embed = (texts: string[], signal?: AbortSignal) => Promise<number[][]>;

export interface RetrieveInput {
  question: string;
  /** The resident's recent messages before this one, oldest first. */
  history?: string[];
  limit: number;
  /** The recogniser's belief in services (lifts their articles). */
  services?: Map<string, number>;
  /** Articles the conversation was just about (a follow-up): their passages are lifted. */
  focusArticleIds?: string[];
  /** Only these articles' passages. */
  onlyArticleIds?: string[];
}

export interface Retrieved {
  passage: Passage;
  score: number;
}

/** Per pack (PassageIndex) and passage hash: a passage's vector is asked for once. */
const vectors = new WeakMap<PassageIndex, Map<string, number[]>>();

function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** The passages' vectors, embedding those not cached yet (in batches). */
async function passageVectors(index: PassageIndex, embed: Embed, signal?: AbortSignal): Promise<Map<string, number[]>> {
  let cached = vectors.get(index);
  if (!cached) {
    cached = new Map();
    vectors.set(index, cached);
  }
  const missing = [...new Map(index.passages.filter((p) => !cached!.has(p.hash)).map((p) => [p.hash, p])).values()];
  for (let i = 0; i < missing.length; i += 256) {
    const batch = missing.slice(i, i + 256);
    const got = await embed(batch.map((p) => `${p.articleTitle}: ${p.heading}\n${p.text}`), signal);
    batch.forEach((p, j) => got[j] && cached!.set(p.hash, got[j]));
  }
  return cached;
}

function normalised(hits: { passage: Passage; score: number }[]): Map<string, number> {
  const max = Math.max(0, ...hits.map((h) => h.score));
  return new Map(hits.map((h) => [h.passage.id, max > 0 ? h.score / max : 0]));
}

/** Lexical retrieval only (no endpoint): what the policy uses for follow-ups without an LLM. */
export function retrieveLexical(index: PassageIndex, input: RetrieveInput): Retrieved[] {
  const only = input.onlyArticleIds ? new Set(input.onlyArticleIds) : undefined;
  const wide = Math.max(input.limit * 4, 20);
  const own = index.search(input.question, { limit: wide, services: input.services, articleIds: only });
  const history = (input.history ?? []).slice(-2).join(' ');
  const withContext = history ? index.search(`${history} ${input.question}`, { limit: wide, services: input.services, articleIds: only }) : [];
  const a = normalised(own);
  const b = normalised(withContext);
  const focus = new Set(input.focusArticleIds ?? []);
  const scores = new Map<string, number>();
  // The question itself counts most; the earlier messages say what it is about.
  for (const id of new Set([...a.keys(), ...b.keys()])) scores.set(id, (a.get(id) ?? 0) + 0.6 * (b.get(id) ?? 0));
  return [...scores]
    .map(([id, score]) => {
      const passage = index.get(id)!;
      return { passage, score: focus.has(passage.articleId) ? score * 1.5 : score };
    })
    .filter((r) => r.score > 0)
    .sort((x, y) => y.score - x.score || x.passage.id.localeCompare(y.passage.id))
    .slice(0, input.limit);
}

/**
 * Lexical retrieval, re-ranked with embeddings when `embed` is given: the lexical candidates and
 * the nearest passages by vector are merged. `embedText` is the (redacted) text sent to the endpoint.
 */
export async function retrieve(index: PassageIndex, input: RetrieveInput, embed?: { fn: Embed; text: string; signal?: AbortSignal }): Promise<Retrieved[]> {
  const lexical = retrieveLexical(index, { ...input, limit: Math.max(input.limit * 3, 15) });
  if (!embed) return lexical.slice(0, input.limit);
  const all = await passageVectors(index, embed.fn, embed.signal);
  const [query] = await embed.fn([embed.text], embed.signal);
  if (!query) return lexical.slice(0, input.limit);
  const only = input.onlyArticleIds ? new Set(input.onlyArticleIds) : undefined;
  const focus = new Set(input.focusArticleIds ?? []);
  const lexicalScore = normalised(lexical);
  const merged: Retrieved[] = [];
  for (const passage of index.passages) {
    if (only && !only.has(passage.articleId)) continue;
    const v = all.get(passage.hash);
    const semantic = v ? Math.max(0, cosine(query, v)) : 0;
    let score = (lexicalScore.get(passage.id) ?? 0) + semantic;
    if (focus.has(passage.articleId)) score *= 1.5;
    if (score > 0) merged.push({ passage, score });
  }
  return merged.sort((x, y) => y.score - x.score || x.passage.id.localeCompare(y.passage.id)).slice(0, input.limit);
}
