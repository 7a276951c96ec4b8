import { getRandomValues } from 'node:crypto';

/** Returns `size` random bytes; injectable so tests are deterministic. Default: a CSPRNG. */
export type RandomSource = (size: number) => Uint8Array;

// The seed's generator draws from ASCII 48–90 and 96–122 (digits, some punctuation, letters).
const ALPHABET = Array.from({ length: 123 }, (_, code) => code)
  .filter((code) => (code >= 48 && code <= 90) || (code >= 96 && code <= 122))
  .map((code) => String.fromCharCode(code))
  .join('');

/**
 * An initial random password (the seed's "initial random password" step), drawn without modulo bias from a
 * CSPRNG; never logged.
 * @param length number of characters (default 16)
 * @param random the random source
 */
export function randomPassword(
  length = 16,
  random: RandomSource = (size) => getRandomValues(new Uint8Array(size)),
): string {
  let out = '';
  // Reject bytes past the largest multiple of the alphabet size, so every character is equally likely.
  const limit = 256 - (256 % ALPHABET.length);
  while (out.length < length) {
    for (const byte of random(length * 2)) {
      if (byte < limit && out.length < length) out += ALPHABET[byte % ALPHABET.length];
    }
  }
  return out;
}
