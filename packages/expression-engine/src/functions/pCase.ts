import { mapText, toText } from '../RuntimeValue.ts';
import type { FunctionDefinition } from './FunctionDefinition.ts';

const LETTER = /\p{L}/u;
const WORD_PART = /[\p{L}\p{M}\p{N}]/u;

/**
 * PCase(source, wordSeparators?): the first letter of each word in upper case, the rest in lower case.
 * Without separators words are split as .NET's TextInfo.ToTitleCase does: any character that is not a letter,
 * mark or digit separates words, except an apostrophe inside a word ("don't" → "Don't"); unlike ToTitleCase,
 * all-capital words are not kept as acronyms (the documented "PABLO GONSALVES (SECOND)" → "Pablo Gonsalves
 * (Second)"). With separators only those characters separate words.
 */
export const PCase: FunctionDefinition = {
  name: 'PCase',
  description:
    'Capitalises the first letter of each word and lower-cases the rest; words split at punctuation, spaces and symbols, or only at the given separator characters.',
  parameters: [
    { name: 'source', description: 'The text to convert.' },
    {
      name: 'wordSeparators',
      description: 'Characters that separate words; default: white space, punctuation and symbols.',
      optional: true,
    },
  ],
  examples: [
    {
      expression: 'PCase([firstName])',
      input: { firstName: 'PABLO GONSALVES (SECOND)' },
      output: 'Pablo Gonsalves (Second)',
    },
    {
      expression: 'PCase([lastName]," \'-")',
      input: { lastName: "PINTO-DE'SILVA" },
      output: "Pinto-De'Silva",
    },
    {
      expression: 'PCase(Join(" ",[firstName],[lastName]))',
      input: { firstName: 'GREGORY', lastName: 'JAMES' },
      output: 'Gregory James',
    },
  ],
  compile: ([source, separators]) => {
    const read = source!.evaluate;
    const readSeparators = separators?.evaluate;
    return (scope) => {
      const chars = readSeparators ? toText(readSeparators(scope)) : null;
      return mapText(read(scope), (text) =>
        titleCase(text, chars === null || chars === '' ? undefined : chars),
      );
    };
  },
};

function titleCase(text: string, separators: string | undefined): string {
  let out = '';
  let inWord = false;
  const chars = Array.from(text.toLowerCase());
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const separates =
      separators !== undefined
        ? separators.includes(ch)
        : !WORD_PART.test(ch) && !(ch === "'" && inWord && WORD_PART.test(chars[i + 1] ?? ''));
    if (separates) {
      inWord = false;
      out += ch;
    } else if (!inWord && LETTER.test(ch)) {
      inWord = true;
      out += ch.toUpperCase();
    } else {
      inWord = true;
      out += ch;
    }
  }
  return out;
}
