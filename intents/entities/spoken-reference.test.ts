import { extractEntities } from './index.js';
import { numberWordsToDigits, parseSpokenReference } from './spoken-reference.js';

const said = (text: string) => parseSpokenReference(text, { prefixes: ['MBC'] })?.value ?? null;
const asked = (text: string) => parseSpokenReference(text, { prefixes: ['MBC'], impliedPrefix: 'MBC' })?.value ?? null;

describe('case references as said on the phone, with the prefix', () => {
  it.each([
    'MBC 400081',
    'MBC400081',
    'mbc-400081',
    'm b c four zero zero zero eight one',
    'M B C 4 0 0 0 8 1',
    'M.B.C. 400 081',
    'MBC four zero zero, zero eight one',
    'm b c four oh oh oh eight one',
    'MBC four double zero zero eight one',
    'MBC four triple oh eight one',
    'em bee see four zero zero zero eight one',
    'M for Mike, B for Bravo, C for Charlie, 4 0 0 0 8 1',
    'M for mother B for boy C for cat four zero zero zero eight one',
    'Mike Bravo Charlie four zero zero zero eight one',
    'M as in Mike B C 400081',
    'M4 Mike B4 Bravo C4 Charlie 400081',
    'MBC forty double oh eighty one',
    'MBC four hundred thousand and eighty one',
    'MBC four hundred zero eighty one',
    'MBC dash 400081',
    'my reference is m b c four zero zero zero eight one thanks',
    "it's MBC 4000 81",
    'MBC four zero zero zero eight one',
    'mbc four oh oh oh ate one',
  ])('%s → MBC-400081', (text) => {
    expect(said(text)).toBe('MBC-400081');
  });

  it.each([
    ['MBC one two three four five six', 'MBC-123456'],
    ['MBC twelve thirty four fifty six', 'MBC-123456'],
    ['MBC one hundred and twenty three thousand four hundred and fifty six', 'MBC-123456'],
    ['m b c nine nine nine nine nine nine', 'MBC-999999'],
    ['MBC triple nine triple nine', 'MBC-999999'],
    ['MBC one hundred thousand and one', 'MBC-100001'],
  ])('%s → %s', (text, expected) => {
    expect(said(text)).toBe(expected);
  });

  it.each([
    'MBC four zero zero zero eight',
    'MBC four zero zero zero eight one two',
    'ABC four zero zero zero eight one',
    'can you see 400081',
    'four zero zero zero eight one',
    'my bin was not collected',
    'MBC',
  ])('no reference with the prefix in "%s"', (text) => {
    expect(said(text)).toBeNull();
  });
});

describe('the digits alone, where a reference was asked for (the prefix implied)', () => {
  it.each([
    ['400081', 'MBC-400081'],
    ['400 081', 'MBC-400081'],
    ['400,081', 'MBC-400081'],
    ['4 0 0 0 8 1', 'MBC-400081'],
    ['four zero zero zero eight one', 'MBC-400081'],
    ['four hundred thousand and eighty one', 'MBC-400081'],
    ['forty double oh eighty one', 'MBC-400081'],
    ["it's four oh oh oh eight one", 'MBC-400081'],
    ['er, the number is 400081 I think', 'MBC-400081'],
    ['MBC 123456', 'MBC-123456'],
  ])('%s → %s', (text, expected) => {
    expect(asked(text)).toBe(expected);
  });

  it.each(['12345', '1234567', '07700 900123', 'four hundred and eighty one', 'no idea', 'one two three four five'])('not a reference: %s', (text) => {
    expect(asked(text)).toBeNull();
  });
});

describe('entities', () => {
  it('a spoken reference with the council prefix is a case_reference entity, once', () => {
    const found = extractEntities('any news on m b c four zero zero zero eight one please', { casePrefixes: ['MBC'] });
    expect(found.filter((e) => e.type === 'case_reference').map((e) => e.value)).toEqual(['MBC-400081']);
    const written = extractEntities('any news on MBC-400081', { casePrefixes: ['MBC'] });
    expect(written.filter((e) => e.type === 'case_reference')).toHaveLength(1);
  });

  it('without the council prefixes, only written references count', () => {
    expect(extractEntities('m b c four zero zero zero eight one').filter((e) => e.type === 'case_reference')).toEqual([]);
  });
});

describe('number words to digits (spoken phone numbers)', () => {
  it.each([
    ['oh seven seven double oh nine double oh one two three', '07700900123'],
    ['my number is oh seven seven oh oh nine oh oh one two three', 'my number is 07700900123'],
    ['zero seven seven zero zero, nine zero zero, one two three', '07700900123'],
    ['plus four four seven seven double oh nine double oh one two three', '+447700900123'],
    ['07700 900123', '07700900123'],
    ['oh, I am not sure', 'oh, I am not sure'],
  ])('%s → %s', (text, expected) => {
    expect(numberWordsToDigits(text).replace(/(\d)[ ,]+(?=\d)/g, '$1')).toBe(expected);
  });
});
