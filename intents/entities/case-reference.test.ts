import { extractCaseReferences, normaliseCaseReference } from './case-reference.js';

describe('case references', () => {
  it.each([
    ['MBC-123456', 'MBC-123456'], ['mbc-123456', 'MBC-123456'], ['MBC123456', 'MBC-123456'],
    ['mbc 123456', 'MBC-123456'], ['AB-000001', 'AB-000001'], ['ABCD 654321', 'ABCD-654321'], ['MBC – 123456', 'MBC-123456'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseCaseReference(input)).toBe(expected);
    expect(extractCaseReferences(`my reference is ${input} thanks`).map((e) => e.value)).toEqual([expected]);
  });

  it.each(['MBC-12345', 'MBC-1234567', 'M-123456', 'ABCDE-123456'])('rejects %s', (input) => {
    expect(normaliseCaseReference(input)).toBeNull();
    expect(extractCaseReferences(input)).toEqual([]);
  });

  it('does not take an ordinary word before six digits as a prefix', () => {
    expect(extractCaseReferences('my ref 123456 and tel 654321')).toEqual([]);
  });

  it('with the tenant prefixes, only those count in lower case, at full confidence', () => {
    expect(extractCaseReferences('mbc 123456', ['MBC'])[0]).toMatchObject({ value: 'MBC-123456', confidence: 1 });
    expect(extractCaseReferences('xyz 123456', ['MBC'])).toEqual([]);
    expect(extractCaseReferences('XYZ-123456', ['MBC'])[0].value).toBe('XYZ-123456');
  });
});
