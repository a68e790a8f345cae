import { extractBinTypes, parseBinType } from './bin-type.js';

describe('bin types', () => {
  it.each([
    ['my general rubbish was not collected', 'general'], ['the black bin', 'general'], ['green bin missed', 'general'],
    ['landfill bin', 'general'], ['recycling not emptied', 'recycling'], ['blue bin', 'recycling'],
    ['they left the plastics', 'recycling'], ['cans and paper', 'recycling'], ['food caddy', 'food'], ['food waste bin', 'food'],
    ['garden waste', 'garden'], ['brown bin', 'garden'], ['glass box', 'glass'], ['the glass recycling', 'glass'],
    ['Green Bin', 'general'], ['green waste', 'garden'], ['wheelie bin for rubbish', 'general'],
  ])('%s → %s', (text, type) => {
    expect(extractBinTypes(text)[0]?.value).toBe(type);
  });

  it('prefers the longest phrase where they overlap', () => {
    const found = extractBinTypes('my garden waste bin and the food caddy');
    expect(found.map((e) => [e.value, e.text])).toEqual([['garden', 'garden waste bin'], ['food', 'food caddy']]);
  });

  it('bare words are less certain than named bins', () => {
    expect(extractBinTypes('blue bin')[0].confidence).toBe(1);
    expect(extractBinTypes('paper')[0].confidence).toBeLessThan(1);
  });

  it('parses short answers by colour', () => {
    expect(parseBinType('the blue one')).toBe('recycling');
    expect(parseBinType('brown')).toBe('garden');
    expect(parseBinType('black')).toBe('general');
    expect(parseBinType('no idea')).toBeNull();
  });

  it('finds nothing in unrelated text', () => {
    expect(extractBinTypes('my council tax bill is wrong')).toEqual([]);
  });
});
