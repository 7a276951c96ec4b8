import { getRandomValues } from 'node:crypto';
import type { Scope } from '../RuntimeValue.ts';

/** `size` random bytes from `context.random`, or from the operating system's CSPRNG by default. */
export function randomBytes(scope: Scope, size: number): Uint8Array {
  if (scope.context.random) return scope.context.random(size);
  return getRandomValues(new Uint8Array(size));
}

/**
 * A uniform random integer in [0, bound) from random bytes, by rejection sampling (no modulo bias).
 * @param scope the evaluation scope (for the injected randomness)
 * @param bound exclusive upper bound, at most 65536
 */
export function randomIndex(scope: Scope, bound: number): number {
  const limit = 65536 - (65536 % bound);
  for (let attempt = 0; attempt < 64; attempt++) {
    const bytes = randomBytes(scope, 2);
    const value = ((bytes[0] ?? 0) << 8) | (bytes[1] ?? 0);
    if (value < limit) return value % bound;
  }
  // Only an injected source that keeps returning the same high bytes gets here; fall back to modulo.
  const bytes = randomBytes(scope, 2);
  return (((bytes[0] ?? 0) << 8) | (bytes[1] ?? 0)) % bound;
}
