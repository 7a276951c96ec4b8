import { mapText } from '../RuntimeValue.ts';
import type { FunctionDefinition } from './FunctionDefinition.ts';

/**
 * Letters that do not decompose into a base letter plus marks, mapped as Entra's NormalizeDiacritics table
 * does (æ→ae, ø→oe, ß→ss, ł→l, ı→i, İ→I, …). Everything else with a diacritic is handled by Unicode
 * canonical decomposition: "ä" = "a" + U+0308, and the mark on the Latin letter is dropped.
 */
export const DIACRITIC_TABLE: Readonly<Record<string, string>> = {
  æ: 'ae',
  Æ: 'AE',
  ø: 'oe',
  Ø: 'OE',
  œ: 'oe',
  Œ: 'OE',
  ß: 'ss',
  ẞ: 'SS',
  ł: 'l',
  Ł: 'L',
  ı: 'i',
  İ: 'I',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'TH',
  ħ: 'h',
  Ħ: 'H',
  ŀ: 'l',
  Ŀ: 'L',
  ŧ: 't',
  Ŧ: 'T',
};

const SPECIAL = new RegExp(`[${Object.keys(DIACRITIC_TABLE).join('')}]`, 'gu');
// Only marks on Latin letters: Cyrillic й (и + breve) and other scripts keep their marks.
const LATIN_MARKS = /(\p{Script=Latin})\p{M}+/gu;
// Only text outside ASCII can change; most names are ASCII, so skip the work for them.
const NON_ASCII = /[^\x00-\x7f]/;

/** Replaces accented letters with their plain ASCII form (see `DIACRITIC_TABLE`). */
export function normalizeDiacritics(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  return text
    .replace(SPECIAL, (ch) => DIACRITIC_TABLE[ch] ?? ch)
    .normalize('NFD')
    .replace(LATIN_MARKS, '$1')
    .normalize('NFC');
}

/**
 * NormalizeDiacritics(source): accented letters replaced by plain letters (Zoë → Zoe, Łukasz → Lukasz,
 * Jørgen → Joergen, Strauß → Strauss), for building user names and email addresses.
 */
export const NormalizeDiacritics: FunctionDefinition = {
  name: 'NormalizeDiacritics',
  description: 'Replaces accented characters with plain ones (ä→a, æ→ae, ø→oe, ß→ss, ł→l, ı→i, İ→I, …).',
  parameters: [{ name: 'source', description: 'The text to normalise.' }],
  examples: [
    { expression: 'NormalizeDiacritics([givenName])', input: { givenName: 'Zoë' }, output: 'Zoe' },
    { expression: 'NormalizeDiacritics("Łukasz Strauß-Jørgensen")', output: 'Lukasz Strauss-Joergensen' },
  ],
  compile: ([source]) => {
    const read = source!.evaluate;
    return (scope) => mapText(read(scope), normalizeDiacritics);
  },
};
