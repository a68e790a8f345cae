import { damerauLevenshtein, wordSimilarity, tokenSetSimilarity } from './fuzzy.js';

describe('fuzzy matching', () => {
  it.each([
    ['grove', 'grove', 0], ['grove', 'grve', 1], ['road', 'raod', 1], ['kings', 'king', 1],
    ['street', 'stret', 1], ['', 'abc', 3], ['ca', 'abc', 3], ['mill', 'mlil', 1],
  ])('distance(%s, %s) = %d', (a, b, d) => {
    expect(damerauLevenshtein(a, b)).toBe(d);
  });

  it('stops early past the limit', () => {
    expect(damerauLevenshtein('abcdefgh', 'zyxwvuts', 2)).toBe(3);
  });

  it('short words must match exactly, longer ones may slip', () => {
    expect(wordSimilarity('elm', 'elf')).toBe(0);
    expect(wordSimilarity('grve', 'grove')).toBeCloseTo(0.8);
    expect(wordSimilarity('missed', 'mill')).toBe(0);
  });

  it('token sets ignore order', () => {
    expect(tokenSetSimilarity(['grove', 'elm'], ['elm', 'grove'])).toBe(1);
  });
});
