/**
 * jsonb values are written as JSON text so the same SQL works on pg and PGlite. PostgreSQL
 * cannot hold a NUL character in text or jsonb, so one that slipped past the edge is replaced
 * here rather than failing the write and losing the message.
 */
export function toJson(value: unknown): string {
  // Plain stringify first (a replacer called on every value showed in a turn's profile): JSON text
  // holds a NUL or a lone surrogate only as an escape (\u0000, \udXXX), so only then the slow way.
  const json = JSON.stringify(value ?? null);
  if (json !== undefined && !ESCAPED_UNSTORABLE.test(json)) return json;
  return JSON.stringify(value ?? null, (_key, v: unknown) => (typeof v === 'string' ? storableText(v) : v));
}

/** How JSON.stringify writes what PostgreSQL refuses (it escapes lone surrogates); a false alarm only costs the slow way. */
const ESCAPED_UNSTORABLE = /\\u(?:0000|d[89a-f])/i;

/** pg returns jsonb parsed; be tolerant of a driver that hands back text. */
export function fromJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

// NUL, and a surrogate without its pair (PostgreSQL refuses both: in text, and as a jsonb escape).
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text PostgreSQL can store: NUL and lone surrogates become U+FFFD (the replacement character), nothing is dropped. */
export function storableText(text: string): string {
  return text.replace(UNSTORABLE, '\uFFFD');
}
