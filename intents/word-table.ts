/**
 * Word tables without a prototype: a resident's word is a key here, and "constructor",
 * "toString" or "__proto__" must find nothing rather than Object.prototype's members.
 */
export function wordTable<T>(entries: Record<string, T>): Record<string, T> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
