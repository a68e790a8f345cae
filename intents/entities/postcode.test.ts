import { extractPostcodes, normalisePostcode, isPostcode, outwardCode } from './postcode.js';

describe('normalisePostcode', () => {
  it.each([
    ['MB1 2AB', 'MB1 2AB'], ['mb12ab', 'MB1 2AB'], ['MB12 3CD', 'MB12 3CD'], ['mb123cd', 'MB12 3CD'],
    [' mb1   2ab ', 'MB1 2AB'], ['GIR 0AA', 'GIR 0AA'], ['gir0aa', 'GIR 0AA'], ['M1 1AE', 'M1 1AE'],
    ['B33 8TH', 'B33 8TH'], ['CR2 6XH', 'CR2 6XH'], ['DN55 1PT', 'DN55 1PT'], ['W1A 0AX', 'W1A 0AX'],
    ['EC1A 1BB', 'EC1A 1BB'], ['ec1a1bb', 'EC1A 1BB'],
  ])('%s → %s', (input, expected) => {
    expect(normalisePostcode(input)).toBe(expected);
  });

  it.each(['MB1', '12345', 'MB1 2A', 'MBB1 2AB', '1MB 2AB', 'MB1 AAB', 'hello'])('rejects %s', (input) => {
    expect(normalisePostcode(input)).toBeNull();
    expect(isPostcode(input)).toBe(false);
  });

  it('gives the outward code', () => {
    expect(outwardCode('mb12 3cd')).toBe('MB12');
  });
});

describe('extractPostcodes', () => {
  it('finds postcodes in a sentence with offsets', () => {
    const text = 'my address is 12 Elm Grove, mb2 4eg and my mum lives at MB12 3CD.';
    const found = extractPostcodes(text);
    expect(found.map((e) => e.value)).toEqual(['MB2 4EG', 'MB12 3CD']);
    expect(text.slice(found[0].start, found[0].end)).toBe('mb2 4eg');
    expect(found[0]).toMatchObject({ type: 'postcode', text: 'mb2 4eg', confidence: 1 });
  });

  it('tolerates a missing space', () => {
    expect(extractPostcodes('postcode MB12AB please').map((e) => e.value)).toEqual(['MB1 2AB']);
  });

  it('does not take postcode-like text inside longer words', () => {
    expect(extractPostcodes('ABMB1 2ABC')).toEqual([]);
  });

  it('reads a spelled-out postcode from a voice transcript', () => {
    const [p] = extractPostcodes('it is m b one two a b thanks');
    expect(p.value).toBe('MB1 2AB');
    expect(p.confidence).toBeLessThan(1);
    expect(extractPostcodes('my postcode is mb1 2 a b')[0].value).toBe('MB1 2AB');
  });

  it('finds nothing in ordinary text', () => {
    expect(extractPostcodes('a b c my bin was not emptied on 12 november')).toEqual([]);
  });
});
