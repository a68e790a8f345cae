/**
 * Words of UK street names: the abbreviations residents type ("Rd", "Ave", "Gdns") and the
 * street-type words, so "Kings Rd" meets "King's Road" and "St Marys" meets "St Mary's".
 */
import { wordTable } from '../word-table.js';

/** Abbreviation → full word. "st" is absent on purpose: it is Saint before a name, Street after. */
export const STREET_ABBREVIATIONS: Record<string, string> = wordTable({
  rd: 'road', ave: 'avenue', av: 'avenue', avn: 'avenue', ln: 'lane', cl: 'close', dr: 'drive',
  drv: 'drive', gr: 'grove', grv: 'grove', gro: 'grove', cres: 'crescent', cresc: 'crescent', cr: 'crescent',
  gdns: 'gardens', gdn: 'gardens', pl: 'place', sq: 'square', ct: 'court', crt: 'court',
  terr: 'terrace', tce: 'terrace', ter: 'terrace', wy: 'way', pk: 'park', mt: 'mount', pde: 'parade',
  esp: 'esplanade', prom: 'promenade', blvd: 'boulevard', hl: 'hill', grn: 'green', wk: 'walk',
  mws: 'mews', ri: 'rise', vw: 'view', hts: 'heights', str: 'street',
});

/** Words that end a street name ("Road", "Grove"): these may be left off or abbreviated. */
export const STREET_TYPES = new Set([
  'road', 'street', 'avenue', 'lane', 'close', 'drive', 'grove', 'crescent', 'gardens', 'place',
  'square', 'court', 'terrace', 'way', 'walk', 'hill', 'park', 'row', 'mews', 'green', 'parade',
  'rise', 'view', 'vale', 'wharf', 'quay', 'gate', 'yard', 'path', 'esplanade', 'promenade',
  'boulevard', 'mount', 'approach', 'heights', 'end', 'meadow', 'meadows', 'chase', 'croft',
  'field', 'fields', 'hollow', 'wynd', 'causeway', 'embankment',
]);

/** Lower case, apostrophes dropped ("St Mary's" → "st marys"), other punctuation as spaces. */
export function normaliseWords(text: string): string {
  return text.toLowerCase().replace(/['’`]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
}

/**
 * Canonical tokens of a gazetteer street name: abbreviations expanded, "St" read as Saint
 * when a name follows it and as Street when it ends the name.
 */
export function streetTokens(street: string): string[] {
  const words = normaliseWords(street).split(' ').filter(Boolean);
  return words.map((w, i) => {
    if (w === 'st') return i === words.length - 1 ? 'street' : 'saint';
    return STREET_ABBREVIATIONS[w] ?? w;
  });
}
