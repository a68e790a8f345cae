/**
 * Case references: 2-4 capital letters, a dash, 6 digits ("MBC-123456"). Residents type them
 * lower case, without the dash or with a space ("mbc 123456"); all normalise to "MBC-123456".
 */
import type { Entity } from '../types.js';
import { extractSpokenCaseReferences } from './spoken-reference.js';

const CASE_RE = /(?<![A-Za-z0-9])([A-Za-z]{2,4})[ \t]?[-–]?[ \t]?(\d{6})(?![0-9])/g;

// Short words that precede a 6-digit number without being a reference prefix ("ref 123456"
// is a reference *number* but not its prefix; "tel 123456" is not a reference at all).
const NOT_PREFIX = new Set([
  'the', 'my', 'is', 'it', 'its', 'no', 'on', 'at', 'of', 'to', 'in', 'and', 'or', 'for', 'was',
  'ref', 'refs', 'num', 'nos', 'case', 'flat', 'tel', 'call', 'uprn', 'code', 'pin', 'acc', 'acct',
  'a', 'an', 'be', 'by', 'me', 'we', 'us', 'so', 'as', 'id', 'are', 'has', 'had', 'got', 'from',
  'with', 'this', 'that', 'about', 'just', 'also', 'than', 'then', 'have', 'pay', 'paid', 'owe',
  'mob', 'tele', 'fax', 'nr', 'post', 'box',
]);

/** "mbc 123456" → "MBC-123456"; null when it is not in the reference format. */
export function normaliseCaseReference(input: string): string | null {
  const m = /^([A-Za-z]{2,4})[ \t]?[-–]?[ \t]?(\d{6})$/.exec(input.trim());
  return m ? `${m[1].toUpperCase()}-${m[2]}` : null;
}

/**
 * @param prefixes the tenant's reference prefixes (e.g. ["MBC"]); when given, a prefix in any
 * case matches only those. The canonical written form ("ABC-123456") is always accepted.
 */
export function extractCaseReferences(text: string, prefixes?: string[]): Entity[] {
  const known = prefixes?.map((p) => p.toUpperCase());
  const out: Entity[] = [];
  for (const m of text.matchAll(CASE_RE)) {
    const prefix = m[1];
    const canonical = /^[A-Z]{2,4}-\d{6}$/.test(m[0]);
    const upper = prefix.toUpperCase();
    if (!canonical) {
      if (known ? !known.includes(upper) : NOT_PREFIX.has(prefix.toLowerCase())) continue;
    }
    const isKnown = known?.includes(upper) ?? false;
    out.push({
      type: 'case_reference', value: `${upper}-${m[2]}`, text: m[0],
      start: m.index, end: m.index + m[0].length,
      confidence: canonical || isKnown ? 1 : 0.8,
    });
  }
  // Said rather than written ("m b c four zero zero…"): only with the council's own prefixes.
  if (known?.length) {
    for (const e of extractSpokenCaseReferences(text, known)) if (!out.some((o) => e.start < o.end && o.start < e.end)) out.push(e);
  }
  return out;
}
