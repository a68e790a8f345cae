/**
 * jsonb values are written as JSON text so the same SQL works on pg and PGlite. PostgreSQL
 * cannot hold a NUL character in text or jsonb, so one that slipped past the edge is replaced
 * here rather than failing the write and losing the message.
 */
export function toJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) => (typeof v === 'string' ? storableText(v) : v));
}

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
