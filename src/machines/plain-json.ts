/** A `Date` as a persisted machine context keeps it: its ISO string; anything else as it is. */
type IsoOf<V> = V extends Date ? string : V;

/**
 * A domain view as plain JSON for a machine context: the same fields, every
 * `Date` among them an ISO string (the view layer converts with `toISOString()`).
 */
export type WithIsoDates<T> = { [K in keyof T]: IsoOf<T[K]> };
