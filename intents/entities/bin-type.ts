/**
 * Bin types as residents name them. Merebrook's colours: general rubbish goes in the green or
 * black bin, recycling in the blue bin, garden waste in the brown bin, glass in a box, food in a
 * caddy. A tenant with other colours would need its own table; this one is the demo council's.
 */
import type { Entity } from '../types.js';

export type BinType = 'general' | 'recycling' | 'food' | 'garden' | 'glass';

interface BinPattern {
  type: BinType;
  re: RegExp;
  /** Bare words ("rubbish", "paper", "garden") say less than "blue bin". */
  confidence: number;
}

const BIN = String.raw`(?:wheelie\s+)?(?:bins?|wheelie\s?bins?|containers?|sacks?|bags?)`;
const P = (type: BinType, source: string, confidence = 1): BinPattern => ({
  type, re: new RegExp(String.raw`\b(?:${source})\b`, 'gi'), confidence,
});

const PATTERNS: BinPattern[] = [
  P('general', String.raw`general\s+(?:waste|rubbish|refuse)(?:\s+${BIN})?|(?:green|black|grey|gray)\s+${BIN}|(?:rubbish|refuse|landfill|household\s+waste|residual(?:\s+waste)?|non[-\s]?recycl(?:able|ing))(?:\s+${BIN})?|general\s+${BIN}`),
  P('general', String.raw`rubbish|landfill|black\s+sacks?`, 0.7),
  P('recycling', String.raw`recycling(?:\s+${BIN}|\s+box(?:es)?)?|recyclables|(?:blue)\s+${BIN}|mixed\s+recycling`),
  P('recycling', String.raw`plastics?(?:\s+bottles)?|tins|cans|paper|cardboard`, 0.7),
  P('food', String.raw`food\s+(?:waste(?:\s+${BIN})?|caddy|caddies|${BIN})|(?:kitchen\s+)?caddy|caddies`),
  P('garden', String.raw`garden\s+(?:waste|${BIN})(?:\s+${BIN})?|brown\s+${BIN}|green\s+waste`),
  P('garden', String.raw`garden`, 0.6),
  P('glass', String.raw`glass(?:\s+(?:box(?:es)?|${BIN}|recycling|bottles|caddy|crate))?|bottle\s+bank`),
];

export function extractBinTypes(text: string): Entity[] {
  const found: Entity[] = [];
  for (const p of PATTERNS) {
    for (const m of text.matchAll(p.re)) {
      found.push({
        type: 'bin_type', value: p.type, text: m[0], start: m.index, end: m.index + m[0].length,
        confidence: p.confidence,
      });
    }
  }
  // Longest match wins where patterns overlap ("garden waste bin" over "garden").
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || b.confidence - a.confidence);
  const kept: Entity[] = [];
  for (const e of found) {
    if (!kept.some((k) => e.start < k.end && k.start < e.end)) kept.push(e);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** The bin type a short answer names ("the blue one" → recycling), or null. */
export function parseBinType(text: string): BinType | null {
  const e = extractBinTypes(text)[0];
  if (e) return e.value as BinType;
  const colour = /\b(green|black|grey|blue|brown)\b/i.exec(text)?.[1]?.toLowerCase();
  if (colour === 'blue') return 'recycling';
  if (colour === 'brown') return 'garden';
  if (colour) return 'general';
  return null;
}
