/**
 * `anchoredPhrases` may only make the decision's phrase lists cheaper, never change a match: the
 * hoisted anchors find the same matches as each phrase anchored on its own, on random phrases and texts.
 */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { anchoredPhrases, hasTopLevelAlternation } from './anchored.js';
import { matchesInOrder as all } from './regex-fixtures.js';

describe('anchoredPhrases', () => {
  test('finds top-level alternations only outside groups and classes', () => {
    expect(hasTopLevelAlternation('a|b')).toBe(true);
    expect(hasTopLevelAlternation('(?:a|b) c')).toBe(false);
    expect(hasTopLevelAlternation('[|] a')).toBe(false);
    expect(hasTopLevelAlternation(String.raw`a\|b`)).toBe(false);
    expect(hasTopLevelAlternation('(?<!x|y)a(?:b|c)|d')).toBe(true);
  });

  test('hoists the anchors when no phrase alternates at its top; keeps each phrase anchored otherwise', () => {
    expect(anchoredPhrases(['not breathing', '(?:is|are) bleeding']).source).toBe('(?<= )(?:not breathing|(?:is|are) bleeding)(?= )');
    expect(anchoredPhrases(['a|b', 'c']).source).toBe('(?<= )a|b(?= )|(?<= )c(?= )');
    expect(anchoredPhrases(['a', 'b c'], undefined, true).source).toBe('(?<= )(?:a|b c)');
  });

  const WORDS = ['a', 'b', 'c', 'not', 'is', 'bleeding', 'now'];
  const PHRASES = ['a', 'a b', 'b(?: [a-z]+){0,2} c', '(?:is|not) bleeding', 'not(?! now)', '(?<!a )b', 'c(?= now)', 'a(?: b)?', 'bleeding(?: now)*'];
  test('the same matches as each phrase anchored on its own, on any text', () => {
    const text = fc.array(fc.constantFrom(...WORDS), { maxLength: 12 }).map((ws) => ` ${ws.join(' ')} `);
    fc.assert(
      fc.property(text, fc.shuffledSubarray(PHRASES, { minLength: 1 }), fc.boolean(), (t, ps, openEnd) => {
        const after = openEnd ? '' : '(?= )';
        const separate = new RegExp(ps.map((x) => `(?<= )${x}${after}`).join('|'));
        expect(all(anchoredPhrases(ps, undefined, openEnd), t)).toEqual(all(separate, t));
      }),
      { numRuns: 3000 },
    );
  });
});
