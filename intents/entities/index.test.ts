import { extractEntities, Gazetteer, type ExtractContext } from './index.js';
import { SAMPLE_ADDRESSES } from './test-gazetteer.fixture.js';

const gazetteer = new Gazetteer(SAMPLE_ADDRESSES);
const now = new Date('2026-11-18T10:00:00Z');
const pick = (text: string, ctx: ExtractContext = { now, gazetteer }) =>
  extractEntities(text, ctx).map((e) => [e.type, e.value] as const);

describe('extractEntities', () => {
  it('pulls everything a missed-bin report needs from one message', () => {
    const text = "Hi my black bin at 12 Elm Grve MB2 4EG wasn't emptied on Monday, call 07700 900123 or a.b@Example.com";
    expect(pick(text)).toEqual([
      ['bin_type', 'general'],
      ['address', '100012340012'],
      ['house_number', '12'],
      ['street', 'Elm Grove'],
      ['postcode', 'MB2 4EG'],
      ['date', '2026-11-16'],
      ['phone', '+447700900123'],
      ['email', 'a.b@example.com'],
    ]);
  });

  it('gives the address detail flows need', () => {
    const address = extractEntities('flat 2 14 kings rd', { gazetteer }).find((e) => e.type === 'address');
    expect(address).toMatchObject({
      value: '100012341002', text: 'flat 2 14 kings rd', start: 0,
      detail: { uprn: '100012341002', usrn: '40002', street: "King's Road", postcode: 'MB1 2AB', label: "Flat 2, 14 King's Road, Merebrook, MB1 2AB" },
    });
  });

  it('offers no address when the number fits several flats, but keeps the street and number', () => {
    const types = pick('14 kings road').map(([t]) => t);
    expect(types).toEqual(['house_number', 'street']);
  });

  it('marks a house number the gazetteer does not know', () => {
    const n = extractEntities('99 elm grove', { gazetteer }).find((e) => e.type === 'house_number');
    expect(n).toMatchObject({ value: '99', confidence: 0.5, detail: { street: 'Elm Grove', known: 0 } });
  });

  it('street entities carry their confidence', () => {
    const street = extractEntities('bins on Elm Grve', { gazetteer }).find((e) => e.type === 'street');
    expect(street?.confidence).toBeGreaterThan(0.8);
    expect(street?.confidence).toBeLessThan(1);
  });

  it('UPRNs: introduced, or twelve digits the gazetteer knows', () => {
    expect(pick('my UPRN is 123456')).toEqual([['uprn', '123456']]);
    expect(pick('uprn: 100012340012')).toEqual([['uprn', '100012340012']]);
    expect(pick('property 100012343002 please')).toEqual([['uprn', '100012343002']]);
    expect(pick('number 555555555555')).toEqual([]);
  });

  it('case references', () => {
    expect(pick('any update on mbc 123456?')).toEqual([['case_reference', 'MBC-123456']]);
    expect(extractEntities('update on mbc 123456', { casePrefixes: ['MBC'] })[0].confidence).toBe(1);
  });

  it('the more specific entity wins an overlap', () => {
    // The postcode-like "mb12ab" inside the e-mail address is not a postcode.
    expect(pick('mail mb12ab@example.com')).toEqual([['email', 'mb12ab@example.com']]);
  });

  it('works without a gazetteer (no streets or addresses)', () => {
    expect(pick('12 elm grove MB2 4EG tomorrow', { now })).toEqual([
      ['postcode', 'MB2 4EG'], ['date', '2026-11-19'],
    ]);
  });

  it('returns entities in text order with offsets into the original text', () => {
    const text = 'Ref MBC-000042: garden bin missed yesterday at 3 St Marys Rd';
    const found = extractEntities(text, { now, gazetteer });
    for (const e of found) expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(found.map((e) => e.start)).toEqual([...found.map((e) => e.start)].sort((a, b) => a - b));
    expect(found.map((e) => e.type)).toEqual(['case_reference', 'bin_type', 'date', 'address', 'house_number', 'street']);
  });

  it('finds nothing in small talk', () => {
    expect(pick('hello, thanks for your help')).toEqual([]);
  });
});
