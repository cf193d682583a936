// Narrowing in tests without a `!`: a fixture or a result the test goes on to use fails the test, with what it
// was, where it is missing, instead of a TypeError further on.
import { assert } from 'vitest';

/** `value`, failing the test when it is undefined or null. */
export function expectDefined<T>(value: T, what?: string): NonNullable<T> {
  assert.exists(value, what);
  return value;
}
