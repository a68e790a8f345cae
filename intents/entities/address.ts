/** Entities found with the gazetteer: streets, house numbers and whole addresses. */
import type { Entity } from '../types.js';
import type { Gazetteer } from './gazetteer.js';

/** Below this an address is a guess the bot should confirm, not an entity. */
const MIN_ADDRESS_CONFIDENCE = 0.7;
/** The best address must beat the next by this much to count as "identified". */
const CLEAR_LEAD = 0.05;

// A number written just before a street: "12 ", "12a ", "flat 2, 14 ", "2/14 ".
const NUMBER_BEFORE_RE = /(?:(?:flat|apartment|apt|unit)\s+([a-z0-9]{1,4})[\s,]+|(\d{1,4}[a-z]?)\s*\/\s*)?\b(\d{1,4}\s?[a-z]?)[\s,]+$/i;

export function extractAddressEntities(text: string, gazetteer: Gazetteer): Entity[] {
  const out: Entity[] = [];
  const streets = gazetteer.findStreetMentions(text);

  // One street entity per span: where several streets share the span, the first (best) speaks.
  const spans = new Set<string>();
  for (const s of streets) {
    const key = `${s.start}:${s.end}`;
    if (spans.has(key)) continue;
    spans.add(key);
    const sameSpan = streets.filter((o) => o.start === s.start && o.end === s.end);
    out.push({
      type: 'street', value: s.street, text: s.text, start: s.start, end: s.end, confidence: s.confidence,
      detail: sameSpan.length > 1 ? { usrn: s.usrn, alternatives: sameSpan.length - 1 } : { usrn: s.usrn },
    });

    const before = NUMBER_BEFORE_RE.exec(text.slice(0, s.start));
    if (before) {
      const house = before[3].replace(/\s+/g, '').toUpperCase();
      const flat = (before[1] ?? before[2])?.toUpperCase();
      const known = sameSpan.some((o) => gazetteer.matchAddress(`${house} ${o.street}`).length > 0);
      const start = before.index;
      const end = before.index + before[0].replace(/[\s,]+$/, '').length;
      out.push({
        type: 'house_number', value: flat ? `Flat ${flat}, ${house}` : house, text: text.slice(start, end),
        start, end, confidence: known ? 1 : 0.5, detail: { street: s.street, known: known ? 1 : 0 },
      });
    }
  }

  const addresses = gazetteer.findAddressMentions(text);
  const [best, next] = addresses;
  if (best && best.confidence >= MIN_ADDRESS_CONFIDENCE && (!next || best.confidence - next.confidence >= CLEAR_LEAD)) {
    const a = best.address;
    out.push({
      type: 'address', value: a.uprn, text: text.slice(best.start, best.end), start: best.start, end: best.end,
      confidence: best.confidence,
      detail: { uprn: a.uprn, usrn: a.usrn, street: a.street, postcode: a.postcode, label: gazetteer.label(a) },
    });
  }
  return out;
}
