/**
 * A pattern family's first unguarded match (issue 11). V8 compiles a regular expression whose source
 * passes 20 KB (`kRegExpTooLargeToOptimize` in V8's regexp.h) without its optimisations, among them
 * the look ahead for the characters a match must start with: the two families that had grown past it
 * took ten times as long as the rest of the screen together. So a family is compiled as runs of
 * consecutive patterns, each run one alternation under the limit, and the runs' matches are merged
 * to give exactly the single alternation's answer: the leftmost position where any pattern matches,
 * the earliest pattern at that position, and, when the caller refuses that match (a guard), the
 * search again from the next position.
 */
import { lookForFirstToken } from './first-token.js';

/** The largest source one run may have: under V8's 20 KB (20,480 characters), with a margin. */
export const MAX_RUN_SOURCE = 20_000;

/** Whether a match at [start, end) counts (the family's guards); a refused match resumes the search at start + 1. */
export type AcceptMatch = (start: number, end: number) => boolean;

export interface FamilySearch {
  /** The alternations, in pattern order (tests, measurements). */
  readonly runs: readonly RegExp[];
  /** The first accepted match in `text` (normalised: a space at each end and between words), or null. */
  first(text: string, accept: AcceptMatch): RegExpExecArray | null;
}

/** One alternation of `patterns`, anchored on the spaces around words, as the screen has always compiled a family. */
function alternation(patterns: string[]): RegExp {
  return new RegExp(`(?<= )(?:${patterns.join('|')})(?= )`, 'g');
}

/** Consecutive patterns grouped so each group's alternation stays within `maxSource` (a longer pattern stands alone). */
export function splitIntoRuns(patterns: string[], maxSource = MAX_RUN_SOURCE): string[][] {
  const wrapper = alternation([]).source.length;
  const runs: string[][] = [];
  let run: string[] = [];
  let size = wrapper;
  for (const p of patterns) {
    // A pattern after the first in a run adds its "|" too.
    if (run.length && size + 1 + p.length > maxSource) {
      runs.push(run);
      run = [];
      size = wrapper;
    }
    size += (run.length ? 1 : 0) + p.length;
    run.push(p);
  }
  if (run.length) runs.push(run);
  return runs;
}

/** A family's search: its patterns (each looking for its first word first) in runs, merged leftmost first. */
export function compileFamilySearch(patterns: string[], maxSource = MAX_RUN_SOURCE): FamilySearch {
  const runs = splitIntoRuns(patterns.map(lookForFirstToken), maxSource).map(alternation);
  return { runs, first: runs.length === 1 ? firstInOne(runs[0]!) : firstInRuns(runs) };
}

function firstInOne(re: RegExp): FamilySearch['first'] {
  return (text, accept) => {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      if (accept(m.index, m.index + m[0].length)) return m;
      re.lastIndex = m.index + 1;
    }
    return null;
  };
}

function firstInRuns(runs: RegExp[]): FamilySearch['first'] {
  return (text, accept) => {
    // Each run's first match from the current position; one still ahead of the position stays its first as the position moves on.
    const found = runs.map((re) => {
      re.lastIndex = 0;
      return re.exec(text);
    });
    for (;;) {
      // The leftmost match; at the same position the earlier run, as its patterns come first in the alternation.
      let best: RegExpExecArray | null = null;
      for (const m of found) if (m && (!best || m.index < best.index)) best = m;
      if (!best) return null;
      if (accept(best.index, best.index + best[0].length)) return best;
      const from = best.index + 1;
      for (let i = 0; i < runs.length; i++) {
        if (found[i] && found[i]!.index < from) {
          runs[i]!.lastIndex = from;
          found[i] = runs[i]!.exec(text);
        }
      }
    }
  };
}
