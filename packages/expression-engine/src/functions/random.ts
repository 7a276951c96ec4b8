import type { CallExpression } from '../ast.ts';
import { type Scope, fail, toInteger, toText } from '../RuntimeValue.ts';
import { type FunctionDefinition, optional } from './FunctionDefinition.ts';
import { randomBytes, randomIndex } from './randomBytes.ts';

/** Guid(): a new random (version 4) GUID in lower-case 8-4-4-4-12 form; randomness is injectable. */
export const Guid: FunctionDefinition = {
  name: 'Guid',
  description: 'Returns a new random GUID (version 4), e.g. "8b6a4e8c-6f1d-4d3a-9d1e-2f4c5b6a7d8e".',
  parameters: [],
  examples: [{ expression: 'Guid()', note: 'a new GUID on every evaluation' }],
  pure: false,
  compile: () => (scope) => {
    const bytes = Uint8Array.from(randomBytes(scope, 16));
    bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
    bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  },
};

const DIGITS = '0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
/** Special characters of the Windows password-complexity rules. */
export const SPECIAL_CHARACTERS = '~!@#$%^&*_-+=`|\\(){}[]:;"\'<>,.?/';

function count(scope: Scope, call: CallExpression, name: string, value: ReturnType<typeof optional>): number {
  const n = toInteger(scope, call, name, value);
  if (n < 0) fail(call, 'invalid-argument', `${name} must not be negative, got ${n}`);
  return n;
}

/**
 * RandomString(Length, MinimumNumbers, MinimumSpecialCharacters, MinimumCapital, MinimumLowerCase,
 * CharactersToAvoid?): a random password-like string from a CSPRNG (injectable). Length is 1–256 and at
 * least the sum of the minima; the minima are met exactly or exceeded, the remaining characters come from all
 * classes, then the result is shuffled. Special characters are the Windows password-complexity set.
 */
export const RandomString: FunctionDefinition = {
  name: 'RandomString',
  description:
    'Returns a random string of Length characters with at least the given numbers of digits, special characters, capitals and lower-case letters, avoiding CharactersToAvoid.',
  parameters: [
    { name: 'Length', description: 'Total length, 1 to 256.' },
    { name: 'MinimumNumbers', description: 'At least this many digits.' },
    {
      name: 'MinimumSpecialCharacters',
      description: 'At least this many special characters (~!@#$%^&*_-+=`|\\(){}[]:;"\'<>,.?/).',
    },
    { name: 'MinimumCapital', description: 'At least this many upper-case letters.' },
    { name: 'MinimumLowerCase', description: 'At least this many lower-case letters.' },
    { name: 'CharactersToAvoid', description: 'Characters that must not appear.', optional: true },
  ],
  examples: [
    {
      expression: 'RandomString(6,3,0,0,3)',
      note: '6 characters: 3 digits and 3 lower-case letters, e.g. "1a73qt"',
    },
    {
      expression: 'RandomString(10,2,2,2,1,"?,")',
      note: '10 characters, ≥2 digits, ≥2 special, ≥2 capitals, ≥1 lower-case, no "?" or ","',
    },
  ],
  pure: false,
  compile:
    ([length, numbers, specials, capitals, lowers, avoid], call) =>
    (scope) => {
      const total = count(scope, call, 'Length', optional(length, scope));
      const minima = [
        count(scope, call, 'MinimumNumbers', optional(numbers, scope)),
        count(scope, call, 'MinimumSpecialCharacters', optional(specials, scope)),
        count(scope, call, 'MinimumCapital', optional(capitals, scope)),
        count(scope, call, 'MinimumLowerCase', optional(lowers, scope)),
      ];
      if (total < 1 || total > 256)
        fail(call, 'invalid-argument', `Length must be between 1 and 256, got ${total}`);
      const sum = minima.reduce((a, b) => a + b, 0);
      if (sum > total)
        fail(call, 'invalid-argument', `Length ${total} is shorter than the sum of the minimums (${sum})`);
      const excluded = toText(optional(avoid, scope)) ?? '';
      const classes = [DIGITS, SPECIAL_CHARACTERS, UPPER, LOWER].map((set) =>
        [...set].filter((ch) => !excluded.includes(ch)).join(''),
      );
      const names = ['digits', 'special characters', 'capitals', 'lower-case letters'];
      classes.forEach((set, i) => {
        if (set === '' && minima[i]! > 0)
          fail(
            call,
            'invalid-argument',
            `CharactersToAvoid removes every one of the ${names[i]} that are required`,
          );
      });
      const all = classes.join('');
      if (all === '') fail(call, 'invalid-argument', 'CharactersToAvoid removes every character');
      const chars: string[] = [];
      classes.forEach((set, i) => {
        for (let k = 0; k < minima[i]!; k++) chars.push(set[randomIndex(scope, set.length)]!);
      });
      while (chars.length < total) chars.push(all[randomIndex(scope, all.length)]!);
      for (let i = chars.length - 1; i > 0; i--) {
        const j = randomIndex(scope, i + 1);
        [chars[i], chars[j]] = [chars[j]!, chars[i]!];
      }
      return chars.join('');
    },
};
