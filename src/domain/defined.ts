// Narrows a value the code knows is there (an index inside its array, a key it just set) without a `!` assertion:
// if the invariant ever breaks, the throw names what was missing instead of a later `undefined` somewhere else.

/** `value`, or a thrown Error naming `what` when it is undefined or null. */
export function defined<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`internal error: ${what} is missing`);
  return value;
}
