/**
 * Entity extraction: everything a flow may need from one message. Pure functions, no I/O.
 * Extractors run independently; where their spans overlap the more specific type wins
 * (an e-mail address beats the postcode-like text inside it).
 */
import type { Entity, EntityType } from '../types.js';
import { extractAddressEntities } from './address.js';
import { extractBinTypes } from './bin-type.js';
import { extractCaseReferences } from './case-reference.js';
import { extractDates, type DateContext } from './dates.js';
import { extractEmails } from './email.js';
import type { Gazetteer } from './gazetteer.js';
import { extractPhones } from './phone.js';
import { extractPostcodes } from './postcode.js';
import { extractUprns } from './uprn.js';

export { Gazetteer } from './gazetteer.js';
export type { StreetMatch, StreetMention, AddressMatch, AddressMention } from './gazetteer.js';
export { normalisePostcode, isPostcode, outwardCode, extractPostcodes } from './postcode.js';
export { normalisePhone, isMobile, extractPhones } from './phone.js';
export { normaliseEmail, extractEmails } from './email.js';
export { extractDates, parseDate, localToday, type DateContext } from './dates.js';
export { normaliseCaseReference, extractCaseReferences } from './case-reference.js';
export { parseSpokenReference, numberWordsToDigits, type SpokenReference } from './spoken-reference.js';
export { extractBinTypes, parseBinType, type BinType } from './bin-type.js';
export { extractUprns } from './uprn.js';
export { extractAddressEntities } from './address.js';
export { damerauLevenshtein, wordSimilarity, tokenSetSimilarity } from './fuzzy.js';

export interface ExtractContext extends DateContext {
  gazetteer?: Gazetteer;
  /** The tenant's case reference prefixes (["MBC"]): lets "mbc 123456" count with full confidence. */
  casePrefixes?: string[];
}

/** Overlap priority, most specific first. Address, street and house number may overlap each other. */
const GROUPS: EntityType[][] = [
  ['email'], ['case_reference'], ['phone'], ['uprn'], ['postcode'],
  ['address', 'street', 'house_number'], ['date'], ['bin_type'],
];

export function extractEntities(text: string, ctx: ExtractContext = {}): Entity[] {
  const all: Entity[] = [
    ...extractEmails(text),
    ...extractCaseReferences(text, ctx.casePrefixes),
    ...extractPhones(text),
    ...extractUprns(text, ctx.gazetteer),
    ...extractPostcodes(text),
    ...(ctx.gazetteer ? extractAddressEntities(text, ctx.gazetteer) : []),
    ...extractDates(text, ctx),
    ...extractBinTypes(text),
  ];
  const kept: Entity[] = [];
  for (const group of GROUPS) {
    const earlier = kept.slice();
    for (const e of all) {
      if (!group.includes(e.type)) continue;
      if (earlier.some((k) => e.start < k.end && k.start < e.end)) continue;
      kept.push(e);
    }
  }
  return kept.sort((a, b) => a.start - b.start || a.type.localeCompare(b.type));
}
