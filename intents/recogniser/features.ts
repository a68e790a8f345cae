/**
 * Sparse text features: stemmed word unigrams + bigrams and character n-grams inside word
 * boundaries, hashed to 32-bit ids, weighted by sublinear TF-IDF and L2-normalised per block.
 * Character n-grams make the model tolerant of typos ("colected", "bnis") and unseen inflections.
 */
import { normaliseTokens, stem } from './normalise.js';
import { namesOtherBody } from './other-body.js';

export interface FeatureConfig {
  charMin: number;
  charMax: number;
  /** Relative weight of the word block vs the character block (each block is L2-normalised). */
  wordWeight: number;
  charWeight: number;
  /** Features seen in fewer training texts than this are dropped (keeps the model small; large datasets only). */
  minDf: number;
}

export const DEFAULT_FEATURES: FeatureConfig = { charMin: 2, charMax: 5, wordWeight: 1, charWeight: 1, minDf: 2 };

/**
 * Ensemble members (logits averaged). One for now: on CLINC150 val, adding a words-only member
 * cost 0.5 points of accuracy.
 */
export const DEFAULT_MEMBERS: FeatureConfig[] = [DEFAULT_FEATURES];

export interface SparseVector {
  idx: Int32Array;
  val: Float32Array;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const WORD_SEED = 0x9e3779b1;
const CHAR_SEED = 0x85ebca6b;

function hashString(s: string, seed: number): number {
  let h = (FNV_OFFSET ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** Word ids have the low bit 0, character ids the low bit 1, so the block is recoverable from the id. */
const wordId = (s: string) => (hashString(s, WORD_SEED) & ~1) >>> 0;

/** A word id no normalised text can produce (underscores never survive normalisation). */
const OTHER_BODY_ID = wordId('__other_body__');

/** Raw term counts of one text, keyed by feature id. */
export function countFeatures(text: string, cfg: FeatureConfig): Map<number, number> {
  const counts = new Map<number, number>();
  const add = (id: number) => counts.set(id, (counts.get(id) ?? 0) + 1);
  const tokens = normaliseTokens(text);
  const stems = tokens.map(stem);
  for (let i = 0; i < stems.length; i++) {
    add(wordId(stems[i]));
    if (i + 1 < stems.length) add(wordId(stems[i] + ' ' + stems[i + 1]));
  }
  // One shared feature for every named other body, so one the training phrases never name still counts.
  if (namesOtherBody(tokens)) add(OTHER_BODY_ID);
  for (const tok of tokens) {
    const padded = ' ' + tok + ' ';
    const n = padded.length;
    for (let start = 0; start < n; start++) {
      // Hash incrementally so no substring is allocated.
      let h = (FNV_OFFSET ^ CHAR_SEED) >>> 0;
      for (let end = start; end < n && end - start < cfg.charMax; end++) {
        h ^= padded.charCodeAt(end);
        h = Math.imul(h, FNV_PRIME);
        const len = end - start + 1;
        if (len >= cfg.charMin && !(len === 1 && padded[end] === ' ')) add(((h >>> 0) | 1) >>> 0);
      }
    }
  }
  return counts;
}

/**
 * A text's term counts as flat arrays, in first-seen order (the order `vectorise` sums in, so the
 * vector is the same to the bit). Training counts each text once and keeps these, a tenth of a Map's size.
 */
export interface FeatureCounts {
  ids: Uint32Array;
  counts: Uint32Array;
}

export function featureCounts(text: string, cfg: FeatureConfig): FeatureCounts {
  const map = countFeatures(text, cfg);
  const out: FeatureCounts = { ids: new Uint32Array(map.size), counts: new Uint32Array(map.size) };
  let i = 0;
  for (const [id, c] of map) {
    out.ids[i] = id;
    out.counts[i++] = c;
  }
  return out;
}

/** Feature ids -> dense column index, with their inverse document frequencies. */
export class Vocabulary {
  constructor(
    readonly cfg: FeatureConfig,
    /** Sorted feature ids; column i of the model belongs to ids[i]. */
    readonly ids: Uint32Array,
    readonly idf: Float32Array,
  ) {
    for (let i = 0; i < ids.length; i++) this.index.set(ids[i], i);
  }

  private readonly index = new Map<number, number>();

  get size(): number {
    return this.ids.length;
  }

  static fit(texts: string[], cfg: FeatureConfig): Vocabulary {
    return Vocabulary.fitCounts(texts.map((t) => featureCounts(t, cfg)), cfg);
  }

  /** As `fit`, from texts already counted (with the same character n-gram range). */
  static fitCounts(texts: FeatureCounts[], cfg: FeatureConfig): Vocabulary {
    const df = new Map<number, number>();
    for (const t of texts) for (const id of t.ids) df.set(id, (df.get(id) ?? 0) + 1);
    const kept = [...df.entries()].filter(([, d]) => d >= cfg.minDf).sort((a, b) => a[0] - b[0]);
    const ids = new Uint32Array(kept.length);
    const idf = new Float32Array(kept.length);
    const n = texts.length;
    kept.forEach(([id, d], i) => {
      ids[i] = id;
      idf[i] = Math.log((1 + n) / (1 + d)) + 1; // smoothed idf, as in scikit-learn
    });
    return new Vocabulary(cfg, ids, idf);
  }

  /** Sublinear TF-IDF vector, each block L2-normalised then scaled by its weight. Unknown features are dropped. */
  vectorise(text: string): SparseVector {
    return this.vectoriseCounts(featureCounts(text, this.cfg));
  }

  /** As `vectorise`, from a text already counted. */
  vectoriseCounts(counted: FeatureCounts): SparseVector {
    const idx: number[] = [];
    const val: number[] = [];
    let wordNorm = 0;
    let charNorm = 0;
    for (let k = 0; k < counted.ids.length; k++) {
      const id = counted.ids[k];
      const c = counted.counts[k];
      const col = this.index.get(id);
      if (col === undefined) continue;
      const v = (1 + Math.log(c)) * this.idf[col];
      idx.push(col);
      val.push(v);
      if (id & 1) charNorm += v * v;
      else wordNorm += v * v;
    }
    const ws = wordNorm > 0 ? this.cfg.wordWeight / Math.sqrt(wordNorm) : 0;
    const cs = charNorm > 0 ? this.cfg.charWeight / Math.sqrt(charNorm) : 0;
    const out: SparseVector = { idx: new Int32Array(idx.length), val: new Float32Array(idx.length) };
    for (let i = 0; i < idx.length; i++) {
      out.idx[i] = idx[i];
      out.val[i] = val[i] * (this.ids[idx[i]] & 1 ? cs : ws);
    }
    return out;
  }

  /** Number of known word (not character) features in the text: 0 means nothing we have ever seen. */
  knownWordCount(text: string): number {
    let n = 0;
    for (const id of countFeatures(text, this.cfg).keys()) if (!(id & 1) && this.index.has(id)) n++;
    return n;
  }
}
