/**
 * String similarity for matching what residents type against gazetteer names.
 * Optimal-string-alignment Damerau-Levenshtein: a transposition ("Mlil") counts as one slip,
 * which is how people mistype on phones.
 */

/** Edit distance with adjacent transpositions; stops early (returns maxDistance + 1) once over `maxDistance`. */
export function damerauLevenshtein(a: string, b: string, maxDistance = Infinity): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > maxDistance) return maxDistance + 1;
  if (n === 0) return m;
  if (m === 0) return n;
  // Three rolling rows are enough for the transposition lookback.
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = new Array<number>(m + 1);
  let cur = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        v = Math.min(v, prev2[j - 2] + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > maxDistance) return maxDistance + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[m];
}

/**
 * Similarity of two words, 0..1 (1 - distance / longer length). Short words need to be closer:
 * "elm" vs "elf" is a different word, "grove" vs "grve" is a slip.
 */
export function wordSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  const allowed = longer <= 3 ? 0 : longer <= 5 ? 1 : 2;
  const d = damerauLevenshtein(a, b, allowed);
  if (d > allowed) return 0;
  return 1 - d / longer;
}

/** Mean best-match similarity of the tokens of `a` against the tokens of `b` (order-free). */
export function tokenSetSimilarity(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let total = 0;
  for (const x of a) {
    let best = 0;
    for (const y of b) best = Math.max(best, wordSimilarity(x, y));
    total += best;
  }
  return total / Math.max(a.length, b.length);
}
