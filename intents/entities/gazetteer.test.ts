import { Gazetteer } from './gazetteer.js';
import { SAMPLE_ADDRESSES } from './test-gazetteer.fixture.js';

const g = new Gazetteer(SAMPLE_ADDRESSES);
const best = (text: string) => {
  const [m] = g.matchAddress(text);
  return m ? { label: g.label(m.address), confidence: m.confidence } : null;
};

describe('Gazetteer look-ups', () => {
  it('by postcode, normalised', () => {
    expect(g.byPostcode('mb24eg').map((a) => a.number)).toEqual(['10', '12', '12A']);
    expect(g.byPostcode('MB2 4EG')).toHaveLength(3);
    expect(g.byPostcode('ZZ9 9ZZ')).toEqual([]);
    expect(g.byPostcode('not a postcode')).toEqual([]);
  });

  it('by UPRN', () => {
    expect(g.byUprn('100012340012')?.street).toBe('Elm Grove');
    expect(g.byUprn('999')).toBeUndefined();
  });

  it('lists street names once each', () => {
    expect(g.streetNames()).toEqual(['Broadway', 'Church Avenue', 'Elm Grove', 'High Street', "King's Road", 'Mill Lane', 'Park Lane', 'Park Road', "St Mary's Road"]);
  });

  it('labels addresses as a resident would write them', () => {
    expect(g.label(g.byUprn('100012340012')!)).toBe('12 Elm Grove, Merebrook, MB2 4EG');
    expect(g.label(g.byUprn('100012341002')!)).toBe("Flat 2, 14 King's Road, Merebrook, MB1 2AB");
    expect(g.label(g.byUprn('100012343001')!)).toBe('Rose Cottage, Mill Lane, Oldtown, Merebrook, MB3 1AB');
    expect(g.label(g.byUprn('100012343004')!)).toBe('The Old Forge, 4 Mill Lane, Oldtown, Merebrook, MB3 1AB');
  });
});

describe('findStreets', () => {
  it.each([
    ['elm grove', 'Elm Grove'], ['Elm Grve', 'Elm Grove'], ['elm grov', 'Elm Grove'], ['kings rd', "King's Road"],
    ["King's Road", "King's Road"], ['kings raod', "King's Road"], ['St Marys Road', "St Mary's Road"],
    ['st marys rd', "St Mary's Road"], ['saint marys road', "St Mary's Road"], ['St. Mary’s Rd.', "St Mary's Road"],
    ['church ave', 'Church Avenue'], ['chruch avenue', 'Church Avenue'], ['high st', 'High Street'], ['high stret', 'High Street'],
    ['mill ln', 'Mill Lane'], ['broadway', 'Broadway'], ['park lane', 'Park Lane'], ['Park Rd', 'Park Road'],
  ])('%s → %s', (text, street) => {
    const [m] = g.findStreets(text);
    expect(m?.street).toBe(street);
    expect(m?.confidence).toBeGreaterThanOrEqual(0.7);
  });

  it('exact names are certain, slips less so', () => {
    expect(g.findStreets('elm grove')[0].confidence).toBe(1);
    expect(g.findStreets('elm grve')[0].confidence).toBeLessThan(1);
    expect(g.findStreets('elm grve')[0].confidence).toBeGreaterThan(0.8);
  });

  it('finds a street inside a sentence', () => {
    const [m] = g.findStreetMentions('hi, the bins on kings rd were missed again');
    expect(m).toMatchObject({ street: "King's Road", text: 'kings rd', usrn: '40002' });
  });

  it('does not confuse a different street type', () => {
    expect(g.findStreets('7 park street')).toEqual([]);
    expect(g.findStreets('elm road')).toEqual([]);
  });

  it('returns both streets where two share a name', () => {
    expect(g.findStreets('high street').map((s) => s.usrn).sort()).toEqual(['40005', '40006']);
  });

  it('accepts a name without its type after a house number, or as a whole answer', () => {
    expect(g.findStreets('12 elm')[0]).toMatchObject({ street: 'Elm Grove' });
    expect(g.findStreets('12 elm')[0].confidence).toBeLessThan(1);
    expect(g.findStreets('elm')[0].street).toBe('Elm Grove');
    // ...but not a bare word in a sentence: "the mill" is not Mill Lane.
    expect(g.findStreets('the mill by the river is on fire')).toEqual([]);
  });

  it('finds nothing in text without streets', () => {
    expect(g.findStreets('my bin was not collected on monday')).toEqual([]);
  });
});

describe('matchAddress', () => {
  it.each([
    ['12 elm grove', '12 Elm Grove, Merebrook, MB2 4EG'],
    ['12 Elm Grve', '12 Elm Grove, Merebrook, MB2 4EG'],
    ['12a elm grove', '12A Elm Grove, Merebrook, MB2 4EG'],
    ['12 a elm grove', '12A Elm Grove, Merebrook, MB2 4EG'],
    ['flat 2 14 kings road', "Flat 2, 14 King's Road, Merebrook, MB1 2AB"],
    ['Flat 2, 14 Kings Rd', "Flat 2, 14 King's Road, Merebrook, MB1 2AB"],
    ['2/14 kings road', "Flat 2, 14 King's Road, Merebrook, MB1 2AB"],
    ['rose cottage mill lane', 'Rose Cottage, Mill Lane, Oldtown, Merebrook, MB3 1AB'],
    ['Rose Cotage, Mill Ln', 'Rose Cottage, Mill Lane, Oldtown, Merebrook, MB3 1AB'],
    ['the old forge mill lane', 'The Old Forge, 4 Mill Lane, Oldtown, Merebrook, MB3 1AB'],
    ['3 St Marys Road', "3 St Mary's Road, Merebrook, MB12 3CD"],
    ['5 st marys rd', "5 St Mary's Road, Merebrook, MB12 3CD"],
    ['8 chruch ave', '8 Church Avenue, Merebrook, MB4 7JQ'],
    ['40 broadway', '40 Broadway, Merebrook, MB6 1BW'],
    ['my bin at 12 elm wasnt emptied', '12 Elm Grove, Merebrook, MB2 4EG'],
    ['12, MB2 4EG', '12 Elm Grove, Merebrook, MB2 4EG'],
  ])('%s → %s', (text, label) => {
    expect(best(text)?.label).toBe(label);
  });

  it('a flat number not given leaves each flat possible', () => {
    const matches = g.matchAddress('14 kings road');
    expect(matches).toHaveLength(3);
    expect(matches.every((m) => m.confidence < 0.9)).toBe(true);
  });

  it('a locality or postcode settles which High Street', () => {
    expect(g.matchAddress('1 high street')).toHaveLength(2);
    expect(best('1 high street, saltmarsh')?.label).toBe('1 High Street, Saltmarsh, Merebrook, MB5 6XY');
    expect(best('1 high street MB1 1AA')?.label).toBe('1 High Street, Merebrook, MB1 1AA');
  });

  it('a postcode that contradicts the street lowers confidence', () => {
    expect(best('12 elm grove MB9 9ZZ')!.confidence).toBeLessThan(0.7);
  });

  it('an unknown number, or no number, is not an address', () => {
    expect(g.matchAddress('99 elm grove')).toEqual([]);
    expect(g.matchAddress('elm grove')).toEqual([]);
  });

  it('still finds the right address among a few thousand', () => {
    const many = [];
    for (let s = 0; s < 200; s++) {
      for (let n = 1; n <= 20; n++) {
        many.push({ ...SAMPLE_ADDRESSES[0], uprn: `2${s}${n}`, usrn: `9${s}`, number: String(n), street: `Street${String.fromCharCode(97 + (s % 26))}${s} Road` });
      }
    }
    const big = new Gazetteer([...many, ...SAMPLE_ADDRESSES]);
    expect(big.size).toBe(4000 + SAMPLE_ADDRESSES.length);
    expect(big.matchAddress('flat 2 14 kings rd')[0].address.uprn).toBe('100012341002');
  });
});
