/**
 * Personal data out of anything sent to a language model: postcodes, phone numbers, e-mail
 * addresses, case references, house numbers with their street, and names after "my name is".
 * Replaced by a bracketed label, so the model still sees that something was said.
 */

const STREET_WORDS =
  'street|st|road|rd|lane|ln|avenue|ave|close|cl|drive|dr|way|crescent|cres|court|ct|place|pl|grove|gardens|gdns|terrace|terr|hill|row|walk|mews|square|sq|parade|park|rise|view|green|wharf|quay|esplanade|promenade';

const RULES: [RegExp, string][] = [
  [/[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/gi, '[email]'],
  // UK phone numbers: +44 or 0, then 9-10 more digits with spaces, dashes or brackets.
  [/(?:\+44\s?\(?0?\)?|\(?0)\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}\b/g, '[phone]'],
  // Case references such as MBC-123456 or MBC123456.
  [/\b[A-Z]{2,5}-?\d{4,10}\b/gi, '[reference]'],
  // Full postcodes.
  [/\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/gi, '[postcode]'],
  // "flat 3, 14 Mill Lane", "14a High Street", "22 Harbour Rd".
  [new RegExp(String.raw`\b(?:(?:flat|apartment|apt|unit)\s*\d+[a-z]?,?\s*)?\d{1,4}[a-z]?,?\s+(?:[A-Z][a-z'’-]+\s+){1,3}(?:${STREET_WORDS})\b\.?`, 'gi'), '[address]'],
];

/** A name given: "my name is Jo Bloggs", "i'm called jo", "name: Jo". Residents often type names in lower case. */
const NAME = /\b(my name is|my names|my name's|i am called|i'm called|im called|name:)\s+([\p{L}'’-]+)(?:\s+([\p{L}'’-]+))?/giu;
/** Words that end a name rather than continue it ("my name is Jo and I live..."). */
const NOT_A_SURNAME = new Set(['and', 'i', 'im', "i'm", 'my', 'from', 'at', 'in', 'on', 'of', 'the', 'a', 'to', 'please', 'thanks', 'but', 'so', 'who', 'here', 'living', 'live']);

/** The text with personal data replaced ("my name is [name]", "[postcode]"). */
export function redactPersonal(text: string): string {
  let out = text.replace(NAME, (_m, lead: string, _first: string, second: string | undefined) =>
    second && NOT_A_SURNAME.has(second.toLowerCase()) ? `${lead} [name] ${second}` : `${lead} [name]`,
  );
  for (const [re, label] of RULES) out = out.replace(re, label);
  return out;
}
