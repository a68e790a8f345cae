/** jsonb values are written as JSON text so the same SQL works on pg and PGlite. */
export function toJson(value: unknown): string {
  return JSON.stringify(value ?? null);
}

/** pg returns jsonb parsed; be tolerant of a driver that hands back text. */
export function fromJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
