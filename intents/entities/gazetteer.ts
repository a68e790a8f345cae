/**
 * The council's address list (a local copy of its LLPG extract): lookups by postcode and UPRN,
 * and fuzzy matching of what residents type ("12 elm grve", "flat 2 14 kings rd",
 * "rose cottage mill lane") to addresses. Indexes are built once in the constructor so a match
 * costs a few dozen word comparisons, not a scan of every address.
 */
import type { GazetteerAddress } from '../types.js';
import { wordSimilarity } from './fuzzy.js';
import { normalisePostcode, extractPostcodes } from './postcode.js';
import { STREET_ABBREVIATIONS, STREET_TYPES, normaliseWords, streetTokens } from './street-words.js';

export interface StreetMatch {
  street: string;
  usrn: string;
  confidence: number;
}

/** A street found in a text, with where it was found. */
export interface StreetMention extends StreetMatch {
  text: string;
  start: number;
  end: number;
}

export interface AddressMatch {
  address: GazetteerAddress;
  confidence: number;
}

/** An address found in a text: the span covers the number or building name and the street. */
export interface AddressMention extends AddressMatch {
  start: number;
  end: number;
  /** The house number as written, where one was given ("12", "flat 2 14"). */
  number?: { text: string; value: string; start: number; end: number };
  street?: StreetMention;
}

interface Token {
  /** Canonical word: lower case, no apostrophes, abbreviations expanded (except "st"). */
  word: string;
  start: number;
  end: number;
}

interface StreetEntry {
  usrn: string;
  street: string;
  tokens: string[];
  /** True when the last token is a street type ("Road"), which residents may leave off. */
  hasType: boolean;
  addresses: GazetteerAddress[];
  /** House number ("12", "12a") → addresses with it (several for flats). */
  byHouse: Map<string, GazetteerAddress[]>;
  buildings: Array<{ tokens: string[]; address: GazetteerAddress }>;
}

interface ParsedNumber {
  flat?: string;
  house?: string;
}

const MIN_STREET_CONFIDENCE = 0.7;
/** Leaving the "Road" off is usual, but "Elm" alone says less than "Elm Grove". */
const TYPE_OMITTED_FACTOR = 0.85;
const FLAT_WORDS = new Set(['flat', 'apartment', 'apt', 'unit', 'room', 'maisonette']);
// Common words not worth a fuzzy look-up against street names (they still match exactly).
const NO_FUZZY = new Set([
  'been', 'were', 'with', 'have', 'this', 'that', 'from', 'they', 'when', 'what', 'there', 'their',
  'your', 'about', 'would', 'could', 'should', 'collected', 'collection', 'please', 'today',
  'outside', 'house', 'still', 'again', 'thanks', 'hello', 'missed', 'live', 'lives', 'near',
]);
const TOKEN_RE = /[A-Za-z0-9]+(?:['’][A-Za-z]+)*/g;
const HOUSE_RE = /^\d{1,4}[a-z]?$/;

function tokenise(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const w = normaliseWords(m[0]);
    out.push({ word: STREET_ABBREVIATIONS[w] ?? w, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** "Flat 3, 14" → {flat: "3", house: "14"}; "12A" → {house: "12a"}. */
function parseNumber(number: string): ParsedNumber {
  const m = /^(?:(?:flat|apartment|apt|unit|room)\s*([a-z0-9]+)\s*[,/]?\s*)?(\d+\s*[a-z]?)?$/i.exec(number.trim());
  if (!m) return {};
  return {
    flat: m[1]?.toLowerCase(),
    house: m[2]?.toLowerCase().replace(/\s+/g, ''),
  };
}

function isStreetTypeWord(word: string): boolean {
  return word === 'st' || STREET_TYPES.has(word);
}

/** Similarity of a resident's word to a gazetteer word; "st" stands for both Saint and Street. */
function tokenSimilarity(query: string, target: string): number {
  if (query === target) return 1;
  if (query === 'st' && (target === 'saint' || target === 'street')) return 1;
  if (/\d/.test(query) || /\d/.test(target)) return 0;
  return wordSimilarity(query, target);
}

export class Gazetteer {
  private readonly all: GazetteerAddress[];
  private readonly uprnIndex = new Map<string, GazetteerAddress>();
  private readonly postcodeIndex = new Map<string, GazetteerAddress[]>();
  private readonly streets: StreetEntry[] = [];
  /** Word of a street name → indexes into `streets`. */
  private readonly wordIndex = new Map<string, number[]>();
  /** Words of street names bucketed by length, for fuzzy look-ups. */
  private readonly wordsByLength = new Map<number, string[]>();
  private readonly fuzzyCache = new Map<string, string[]>();

  constructor(addresses: GazetteerAddress[]) {
    this.all = addresses.slice();
    const streetIndex = new Map<string, StreetEntry>();
    for (const a of this.all) {
      this.uprnIndex.set(a.uprn, a);
      const pc = normalisePostcode(a.postcode) ?? a.postcode.toUpperCase();
      const list = this.postcodeIndex.get(pc);
      if (list) list.push(a);
      else this.postcodeIndex.set(pc, [a]);

      const key = `${a.usrn}|${a.street}`;
      let entry = streetIndex.get(key);
      if (!entry) {
        const tokens = streetTokens(a.street);
        entry = {
          usrn: a.usrn, street: a.street, tokens,
          hasType: tokens.length > 1 && STREET_TYPES.has(tokens[tokens.length - 1]),
          addresses: [], byHouse: new Map(), buildings: [],
        };
        streetIndex.set(key, entry);
        this.streets.push(entry);
      }
      entry.addresses.push(a);
      const house = parseNumber(a.number).house;
      if (house) {
        const same = entry.byHouse.get(house);
        if (same) same.push(a);
        else entry.byHouse.set(house, [a]);
      }
      if (a.buildingName) entry.buildings.push({ tokens: normaliseWords(a.buildingName).split(' '), address: a });
    }
    this.streets.forEach((s, i) => {
      for (const w of new Set(s.tokens)) {
        const list = this.wordIndex.get(w);
        if (list) list.push(i);
        else this.wordIndex.set(w, [i]);
      }
    });
    for (const w of this.wordIndex.keys()) {
      const bucket = this.wordsByLength.get(w.length);
      if (bucket) bucket.push(w);
      else this.wordsByLength.set(w.length, [w]);
    }
  }

  get size(): number {
    return this.all.length;
  }

  byPostcode(postcode: string): GazetteerAddress[] {
    const pc = normalisePostcode(postcode);
    return pc ? (this.postcodeIndex.get(pc) ?? []).slice() : [];
  }

  byUprn(uprn: string): GazetteerAddress | undefined {
    return this.uprnIndex.get(uprn.trim().replace(/^0+(?=\d)/, '')) ?? this.uprnIndex.get(uprn.trim());
  }

  streetNames(): string[] {
    return [...new Set(this.streets.map((s) => s.street))].sort((a, b) => a.localeCompare(b));
  }

  /** "12 Elm Grove, Merebrook, MB2 4EG"; "Rose Cottage, Mill Lane, Oldtown, Merebrook, MB3 1AB". */
  label(address: GazetteerAddress): string {
    const parts: string[] = [];
    if (address.buildingName) parts.push(address.buildingName);
    parts.push(address.number ? `${address.number} ${address.street}` : address.street);
    if (address.locality && address.locality !== address.town) parts.push(address.locality);
    parts.push(address.town, normalisePostcode(address.postcode) ?? address.postcode);
    return parts.join(', ');
  }

  /** Streets named in `text`, best first, one entry per street (USRN). */
  findStreets(text: string): StreetMatch[] {
    const best = new Map<string, StreetMatch>();
    for (const m of this.findStreetMentions(text)) {
      const prev = best.get(m.usrn);
      if (!prev || prev.confidence < m.confidence) best.set(m.usrn, { street: m.street, usrn: m.usrn, confidence: m.confidence });
    }
    return [...best.values()].sort((a, b) => b.confidence - a.confidence);
  }

  /** Streets named in `text` with their spans; where two streets share a span (two High Streets) both are kept. */
  findStreetMentions(text: string): StreetMention[] {
    return this.scanStreets(tokenise(text), text).map(({ street, usrn, confidence, text: t, start, end }) => ({ street, usrn, confidence, text: t, start, end }));
  }

  /** Addresses that `text` names, best first. */
  matchAddress(text: string): AddressMatch[] {
    return this.findAddressMentions(text).map(({ address, confidence }) => ({ address, confidence }));
  }

  /** Addresses that `text` names, best first, with spans. */
  findAddressMentions(text: string): AddressMention[] {
    const tokens = tokenise(text);
    const postcodes = new Set(extractPostcodes(text).map((p) => p.value));
    const found = new Map<string, AddressMention>();
    const add = (m: AddressMention) => {
      const pc = normalisePostcode(m.address.postcode);
      // A postcode in the text confirms or contradicts the address.
      let confidence = m.confidence;
      if (postcodes.size > 0) confidence = pc && postcodes.has(pc) ? Math.min(1, confidence + 0.05) : confidence * 0.5;
      const prev = found.get(m.address.uprn);
      if (!prev || prev.confidence < confidence) found.set(m.address.uprn, { ...m, confidence: round(confidence) });
    };

    const mentions = this.scanStreets(tokens, text);
    for (const mention of mentions) {
      const street = this.streets[mention.index];
      const streetMention: StreetMention = {
        street: mention.street, usrn: mention.usrn, confidence: mention.confidence,
        text: mention.text, start: mention.start, end: mention.end,
      };
      const num = this.numberBefore(tokens, mention.tokenStart, text);
      if (num) {
        for (const { address, factor } of this.onStreetByNumber(street, num.parsed)) {
          add({
            address, confidence: mention.confidence * factor, start: num.start, end: mention.end,
            number: { text: num.text, value: num.value, start: num.start, end: num.end }, street: streetMention,
          });
        }
      }
      // "Rose Cottage Mill Lane" / "Rose Cottage, 3 Mill Lane"
      const buildingEnd = num ? num.tokenStart : mention.tokenStart;
      for (const b of street.buildings) {
        const sim = this.phraseSimilarity(tokens, buildingEnd - b.tokens.length, b.tokens);
        if (sim >= 0.8) {
          add({
            address: b.address, confidence: mention.confidence * sim,
            start: tokens[buildingEnd - b.tokens.length].start, end: mention.end, street: streetMention,
          });
        }
      }
    }

    // "12, MB2 4EG": a house number with a postcode identifies an address without a street.
    if (found.size === 0 && postcodes.size > 0) {
      for (const pc of postcodes) {
        const here = this.postcodeIndex.get(pc) ?? [];
        for (let i = 0; i < tokens.length; i++) {
          if (!HOUSE_RE.test(tokens[i].word) || isInsidePostcode(tokens[i], text)) continue;
          for (const a of here) {
            const parsed = parseNumber(a.number);
            if (parsed.house === tokens[i].word) {
              add({
                address: a, confidence: parsed.flat ? 0.7 : 0.9, start: tokens[i].start, end: tokens[i].end,
                number: { text: tokens[i].word, value: tokens[i].word.toUpperCase(), start: tokens[i].start, end: tokens[i].end },
              });
            }
          }
        }
        for (const a of here) {
          if (!a.buildingName) continue;
          const bt = normaliseWords(a.buildingName).split(' ');
          for (let i = 0; i + bt.length <= tokens.length; i++) {
            const sim = this.phraseSimilarity(tokens, i, bt);
            if (sim >= 0.85) add({ address: a, confidence: 0.9 * sim, start: tokens[i].start, end: tokens[i + bt.length - 1].end });
          }
        }
      }
    }
    // "1 High Street, Saltmarsh": a locality named in the text settles which High Street.
    const words = ` ${normaliseWords(text)} `;
    const named = (a: GazetteerAddress) => !!a.locality && words.includes(` ${normaliseWords(a.locality)} `);
    const results = [...found.values()];
    if (results.some((m) => named(m.address))) {
      for (const m of results) if (!named(m.address)) m.confidence = round(m.confidence * 0.9);
    }
    return results.sort((a, b) => b.confidence - a.confidence);
  }

  // --- internals ----------------------------------------------------------------------------

  /** Mean similarity of tokens[from..] to `words`, or 0 when out of range. */
  private phraseSimilarity(tokens: Token[], from: number, words: string[]): number {
    if (from < 0 || from + words.length > tokens.length) return 0;
    let total = 0;
    for (let k = 0; k < words.length; k++) {
      const s = tokenSimilarity(tokens[from + k].word, words[k]);
      if (s < 0.6) return 0;
      total += s;
    }
    return total / words.length;
  }

  /** The house number (and flat) written just before token `at`: "12", "12a", "12 a", "flat 2, 14", "2/14". */
  private numberBefore(tokens: Token[], at: number, text: string) {
    const i = at - 1;
    if (i < 0) return null;
    let house: string;
    let first = i;
    if (HOUSE_RE.test(tokens[i].word)) {
      house = tokens[i].word;
    } else if (/^[a-z]$/.test(tokens[i].word) && i > 0 && /^\d{1,4}$/.test(tokens[i - 1].word) && tokens[i].start - tokens[i - 1].end <= 1) {
      house = tokens[i - 1].word + tokens[i].word;
      first = i - 1;
    } else {
      return null;
    }
    let flat: string | undefined;
    const prev = tokens[first - 1];
    if (prev && /^[a-z0-9]{1,4}$/.test(prev.word) && first - 2 >= 0 && FLAT_WORDS.has(tokens[first - 2].word)) {
      flat = prev.word;
      first -= 2;
    } else if (prev && /^\d{1,4}[a-z]?$/.test(prev.word) && text.slice(prev.end, tokens[first].start).trim() === '/') {
      flat = prev.word; // "2/14 Kings Road"
      first -= 1;
    }
    const start = tokens[first].start;
    const end = tokens[at - 1].end;
    const value = flat ? `Flat ${flat.toUpperCase()}, ${house.toUpperCase()}` : house.toUpperCase();
    return { parsed: { flat, house }, text: text.slice(start, end), value, start, end, tokenStart: first };
  }

  /** Addresses on `street` with the given number; a missing or unknown flat lowers confidence. */
  private onStreetByNumber(street: StreetEntry, n: ParsedNumber): Array<{ address: GazetteerAddress; factor: number }> {
    const atHouse = n.house ? street.byHouse.get(n.house) ?? [] : [];
    if (atHouse.length === 0) return [];
    if (n.flat) {
      const exact = atHouse.filter((a) => parseNumber(a.number).flat === n.flat);
      if (exact.length > 0) return exact.map((address) => ({ address, factor: 1 }));
      return atHouse.map((address) => ({ address, factor: 0.6 }));
    }
    if (atHouse.length === 1) return [{ address: atHouse[0], factor: 1 }];
    // Several flats at this number: each is possible, none is certain. The whole house first.
    return atHouse.map((address) => ({ address, factor: parseNumber(address.number).flat ? 0.75 : 0.9 }));
  }

  /** Street names in the token list: each candidate street is aligned with each window of tokens. */
  private scanStreets(tokens: Token[], text: string) {
    const candidates = new Set<number>();
    for (const t of tokens) {
      if (t.word.length < 2 || /^\d/.test(t.word)) continue;
      const words = t.word === 'st' ? ['saint', 'street'] : [t.word, ...this.fuzzyWords(t.word)];
      for (const w of words) {
        // Street-type words alone ("road") would make every street a candidate.
        if (STREET_TYPES.has(w) && w !== t.word) continue;
        for (const i of this.wordIndex.get(w) ?? []) {
          if (!this.streets[i].hasType || this.streets[i].tokens[this.streets[i].tokens.length - 1] !== w) candidates.add(i);
        }
      }
    }

    type Hit = { index: number; usrn: string; street: string; confidence: number; tokenStart: number; tokenEnd: number; start: number; end: number; text: string };
    const hits: Hit[] = [];
    for (const index of candidates) {
      const s = this.streets[index];
      const n = s.tokens.length;
      for (let i = 0; i < tokens.length; i++) {
        // Full name: "elm grove", "st marys rd".
        let score = this.alignStreet(tokens, i, s.tokens, s.hasType ? n - 1 : n);
        let len = n;
        // Type left off ("12 elm", or just "elm" as an answer), unless another type word follows.
        if (score < MIN_STREET_CONFIDENCE && s.hasType) {
          const next = tokens[i + n - 1];
          const numbered = i > 0 && HOUSE_RE.test(tokens[i - 1].word);
          const whole = i === 0 && tokens.length === n - 1;
          if ((!next || !isStreetTypeWord(next.word)) && (numbered || whole)) {
            score = this.alignStreet(tokens, i, s.tokens.slice(0, n - 1), n - 1) * TYPE_OMITTED_FACTOR;
            len = n - 1;
          }
        }
        if (score >= MIN_STREET_CONFIDENCE) {
          const start = tokens[i].start;
          const end = tokens[i + len - 1].end;
          hits.push({ index, usrn: s.usrn, street: s.street, confidence: round(score), tokenStart: i, tokenEnd: i + len, start, end, text: text.slice(start, end) });
        }
      }
    }
    // Best first; a weaker hit overlapping a stronger one is dropped, an equal one on the same span kept.
    hits.sort((a, b) => b.confidence - a.confidence || (b.end - b.start) - (a.end - a.start));
    const kept: Hit[] = [];
    for (const h of hits) {
      const clash = kept.find((k) => h.start < k.end && k.start < h.end);
      if (!clash || (clash.start === h.start && clash.end === h.end && clash.confidence === h.confidence)) kept.push(h);
    }
    return kept.sort((a, b) => a.start - b.start || b.confidence - a.confidence);
  }

  /**
   * Weighted similarity of tokens[from..from+words.length) to a street's words: name words
   * count double the type word, and every word must be recognisably the same.
   */
  private alignStreet(tokens: Token[], from: number, words: string[], nameCount: number): number {
    if (words.length === 0 || from + words.length > tokens.length) return 0;
    let total = 0;
    let weights = 0;
    for (let k = 0; k < words.length; k++) {
      const s = tokenSimilarity(tokens[from + k].word, words[k]);
      if (s < 0.6) return 0;
      const w = k < nameCount ? 2 : 1;
      total += s * w;
      weights += w;
    }
    return total / weights;
  }

  /** Street-name words within a spelling slip of `word` (cached: residents repeat themselves). */
  private fuzzyWords(word: string): string[] {
    if (word.length < 4 || NO_FUZZY.has(word)) return [];
    const cached = this.fuzzyCache.get(word);
    if (cached) return cached;
    const out: string[] = [];
    for (let len = word.length - 2; len <= word.length + 2; len++) {
      for (const w of this.wordsByLength.get(len) ?? []) {
        if (w !== word && wordSimilarity(word, w) >= 0.6) out.push(w);
      }
    }
    if (this.fuzzyCache.size > 10_000) this.fuzzyCache.clear();
    this.fuzzyCache.set(word, out);
    return out;
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function isInsidePostcode(token: Token, text: string): boolean {
  return extractPostcodes(text).some((p) => token.start >= p.start && token.end <= p.end);
}
