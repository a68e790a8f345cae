/**
 * `compileFamilySearch` may only make the screen cheaper, never change its answer: the runs' merged
 * search gives the single alternation's first accepted match, on made-up patterns cut into runs of
 * one (random texts, random refusals) and on the screen's own families cut small, over a sample of
 * the development items. And no family compiles a run past V8's limit.
 */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { compileFamilySearch, MAX_RUN_SOURCE, splitIntoRuns, type AcceptMatch } from './family-search.js';
import { lookForFirstToken } from './first-token.js';
import { FAMILIES } from './patterns.js';
import { developmentSample, FIXTURE_WORDS, LOOKAROUND_PATTERNS } from './regex-fixtures.js';

/** The screen's search before runs: one alternation, a refused match searched again one character on. */
const asOne = new Map<string[], RegExp>();
function firstAsOne(patterns: string[], text: string, accept: AcceptMatch): [number, string] | null {
  let re = asOne.get(patterns);
  if (!re) asOne.set(patterns, (re = new RegExp(`(?<= )(?:${patterns.map(lookForFirstToken).join('|')})(?= )`, 'g')));
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (accept(m.index, m.index + m[0].length)) return [m.index, m[0]];
    re.lastIndex = m.index + 1;
  }
  return null;
}

function firstInRuns(patterns: string[], text: string, accept: AcceptMatch, maxSource?: number): [number, string] | null {
  const m = compileFamilySearch(patterns, maxSource).first(text, accept);
  return m ? [m.index, m[0]] : null;
}

/** Refuses the matches whose (start, end) hash into `refused` of 4 buckets: the same refusals for both searches. */
const refusing = (refused: number): AcceptMatch => (start, end) => (start * 7 + end * 13) % 4 >= refused;

describe('compileFamilySearch', () => {
  test('cuts a family into runs of consecutive patterns under the limit; a longer pattern stands alone', () => {
    // The wrapper "(?<= )(?:...)(?= )" is 15 characters.
    expect(splitIntoRuns(['aaaa', 'bbbb', 'cccc'], 20)).toEqual([['aaaa'], ['bbbb'], ['cccc']]);
    expect(splitIntoRuns(['aaaa', 'bbbb', 'cccc'], 25)).toEqual([['aaaa', 'bbbb'], ['cccc']]);
    expect(splitIntoRuns(['a'.repeat(50), 'b'], 25)).toEqual([['a'.repeat(50)], ['b']]);
    expect(splitIntoRuns(['aaaa', 'bbbb', 'cccc'])).toEqual([['aaaa', 'bbbb', 'cccc']]);
  });

  test('at one position the earlier pattern wins, across runs as within one', () => {
    // "a b" and "a" both match at the same place: the alternation takes "a b", the first pattern.
    expect(firstInRuns(['a b', 'a'], ' x a b ', () => true, 1)).toEqual([3, 'a b']);
    expect(firstInRuns(['a', 'a b'], ' x a b ', () => true, 1)).toEqual([3, 'a']);
    // Refused there, the search goes on from the next position, where only "b" matches.
    expect(firstInRuns(['a b', 'a', 'b'], ' x a b ', (s) => s !== 3, 1)).toEqual([5, 'b']);
  });

  const WORDS = FIXTURE_WORDS;
  const PATTERNS = [...LOOKAROUND_PATTERNS, 'knife', 'he(?: [a-z]+){0,3} shot'];
  test('the same first accepted match as one alternation, on any text, patterns and refusals', () => {
    const text = fc.array(fc.constantFrom(...WORDS), { maxLength: 14 }).map((ws) => ` ${ws.join(' ')} `);
    const patterns = fc.shuffledSubarray(PATTERNS, { minLength: 1 });
    fc.assert(
      fc.property(text, patterns, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 120 }), (t, ps, refused, maxSource) => {
        expect(firstInRuns(ps, t, refusing(refused), maxSource)).toEqual(firstAsOne(ps, t, refusing(refused)));
      }),
      { numRuns: 3000 },
    );
  });

  test("the screen's families, cut into small runs, answer the development items as one alternation", () => {
    const texts = developmentSample(120);
    expect(texts.length).toBeGreaterThan(350);
    let found = 0;
    for (const f of FAMILIES) {
      const search = compileFamilySearch(f.patterns, 2_000);
      for (const t of texts) {
        for (const refused of [0, 2]) {
          const expected = firstAsOne(f.patterns, t, refusing(refused));
          const m = search.first(t, refusing(refused));
          expect(m ? [m.index, m[0]] : null).toEqual(expected);
          if (expected) found++;
        }
      }
    }
    // The comparison means something: the texts hit the families.
    expect(found).toBeGreaterThan(100);
  });

  test('no run of any family passes the limit, unless it is one pattern', () => {
    let runs = 0;
    for (const f of FAMILIES) {
      const compiled = compileFamilySearch(f.patterns).runs;
      const split = splitIntoRuns(f.patterns.map(lookForFirstToken));
      expect(compiled.map((re) => re.source)).toEqual(split.map((r) => new RegExp(`(?<= )(?:${r.join('|')})(?= )`).source));
      for (const [i, re] of compiled.entries()) expect(re.source.length <= MAX_RUN_SOURCE || split[i]!.length === 1).toBe(true);
      runs += compiled.length;
    }
    // Some family has grown past the limit (so this split is what keeps it fast).
    expect(runs).toBeGreaterThan(FAMILIES.length);
  });
});
