/** Type helpers for what a JSON body may be on the server before it is serialised. */

/**
 * What the server may hand to `res.json` for a wire type `T`: a Date wherever `T` has a string
 * (JSON.stringify writes its ISO form, as the wire types expect). Checked with `satisfies`.
 */
export type Sendable<T> = T extends string
  ? T | Date
  : T extends readonly (infer U)[]
    ? readonly Sendable<U>[]
    : T extends object
      ? { [K in keyof T]: Sendable<T[K]> }
      : T;
