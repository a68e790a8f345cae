/**
 * `lookForFirstToken` may only make patterns cheaper, never change a match: pinned on made-up
 * patterns (random texts, every match in order) and on the screen's own families over a sample of
 * the development items.
 */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { splitIntoRuns } from './family-search.js';
import { lookForFirstToken } from './first-token.js';
import { FAMILIES } from './patterns.js';
import { developmentSample, FIXTURE_WORDS, LOOKAROUND_PATTERNS, matchesInOrder as walk } from './regex-fixtures.js';

describe('lookForFirstToken', () => {
  test('puts the first required element before the opening lookarounds', () => {
    expect(lookForFirstToken('(?<!not )(?:knife|gun) (?:out|drawn)')).toBe('(?=(?:knife|gun))(?<!not )(?:knife|gun) (?:out|drawn)');
    expect(lookForFirstToken('(?<!(?:a|b) )(?![^]*calm)said he would')).toBe('(?=said he would)(?<!(?:a|b) )(?![^]*calm)said he would');
    // A group of lookarounds only is itself a lookaround.
    expect(lookForFirstToken('(?:(?<=now )|(?=[^]* now))(?:stabbed|shot)')).toBe('(?=(?:stabbed|shot))(?:(?<=now )|(?=[^]* now))(?:stabbed|shot)');
    // A last letter made optional is left out.
    expect(lookForFirstToken('(?<!the )knives?')).toBe('(?=knive)(?<!the )knives?');
  });

  test('leaves a pattern alone when nothing after the lookarounds is required or plain', () => {
    for (const p of ['(?:knife|gun) out', '(?<!not )(?:a )?knife', '(?<!not )(?:knife|gun)* x', '(?<!not )\\bknife', '(?<!not )[a-z]+ knife', '(?<!x)a']) {
      expect(lookForFirstToken(p)).toBe(p);
    }
  });

  const WORDS = FIXTURE_WORDS;
  const PATTERNS = LOOKAROUND_PATTERNS;
  test('the same matches, in the same order, on any text', () => {
    const text = fc.array(fc.constantFrom(...WORDS), { maxLength: 14 }).map((ws) => ` ${ws.join(' ')} `);
    fc.assert(
      fc.property(text, fc.constantFrom(...PATTERNS), (t, p) => {
        expect(lookForFirstToken(p)).not.toBe(p);
        expect(walk(`(?<= )(?:${lookForFirstToken(p)})(?= )`, t)).toEqual(walk(`(?<= )(?:${p})(?= )`, t));
      }),
      { numRuns: 3000 },
    );
  });

  test("the screen's families match the development items as before, family by family", () => {
    const texts = developmentSample(80);
    expect(texts.length).toBeGreaterThan(600);
    let changed = 0;
    let matched = 0;
    // Family by family in runs V8 still optimises (family-search.ts): the rewrite is pattern by pattern, so a run shows it as well.
    for (const f of FAMILIES) {
      for (const run of splitIntoRuns(f.patterns, 15_000)) {
        const joined = new RegExp(`(?<= )(?:${run.join('|')})(?= )`, 'g');
        const cheaper = new RegExp(`(?<= )(?:${run.map(lookForFirstToken).join('|')})(?= )`, 'g');
        if (cheaper.source !== joined.source) changed++;
        for (const t of texts) {
          const before = walk(joined, t);
          matched += before.length;
          expect(walk(cheaper, t)).toEqual(before);
        }
      }
    }
    // The comparison means something: patterns were rewritten, and the texts hit them.
    expect(changed).toBeGreaterThan(5);
    expect(matched).toBeGreaterThan(80);
  });
});
