/**
 * UPRNs (Unique Property Reference Numbers, 1-12 digits). A bare number is only a UPRN when the
 * resident says so ("UPRN 100012345678") or when it is 12 digits and the gazetteer knows it:
 * otherwise every number in a message would look like one.
 */
import type { Entity } from '../types.js';
import type { Gazetteer } from './gazetteer.js';

const INTRODUCED_RE = /\b(?:uprn|unique\s+property\s+reference(?:\s+number)?|property\s+reference(?:\s+number)?)\b[\s:#.,-]*(?:(?:is|no\.?|number|=)\s*)?(\d{1,12})(?!\d)/gi;
const TWELVE_DIGITS_RE = /(?<![\d+])\d{12}(?!\d)/g;

export function extractUprns(text: string, gazetteer?: Gazetteer): Entity[] {
  const out: Entity[] = [];
  for (const m of text.matchAll(INTRODUCED_RE)) {
    const digits = m[1];
    const start = m.index + m[0].length - digits.length;
    out.push({
      type: 'uprn', value: digits.replace(/^0+(?=\d)/, ''), text: digits, start, end: start + digits.length,
      confidence: !gazetteer || gazetteer.byUprn(digits) ? 1 : 0.8,
    });
  }
  if (gazetteer) {
    for (const m of text.matchAll(TWELVE_DIGITS_RE)) {
      if (out.some((e) => e.start === m.index) || !gazetteer.byUprn(m[0])) continue;
      out.push({ type: 'uprn', value: m[0], text: m[0], start: m.index, end: m.index + 12, confidence: 1 });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
