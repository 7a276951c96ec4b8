import { toInteger, toText } from '../RuntimeValue.ts';
import type { FunctionDefinition } from './FunctionDefinition.ts';

/**
 * Word(string, wordNumber, delimiters): the wordNumber-th (1-based) word of string, where any character of
 * delimiters separates words. Runs of delimiters do not make empty words (Entra: "if string does not contain
 * any words identified by delimiters, an empty string is returned"). Null string, wordNumber < 1 or too few
 * words give "".
 */
export const Word: FunctionDefinition = {
  name: 'Word',
  description:
    'Returns the wordNumber-th word (1-based) of string, splitting at any of the delimiter characters; "" if there is no such word.',
  parameters: [
    { name: 'string', description: 'The text to take a word from.' },
    { name: 'wordNumber', description: 'Which word, counting from 1.' },
    { name: 'delimiters', description: 'Every character of this text separates words.' },
  ],
  examples: [
    { expression: 'Word("The quick brown fox",3," ")', output: 'brown' },
    { expression: 'Word("This,string!has&many separators",3,",!&#")', output: 'has' },
    {
      expression: 'Word([userPrincipalName], 1, "@")',
      input: { userPrincipalName: 'bsimon@contoso.com' },
      output: 'bsimon',
    },
  ],
  compile: ([source, number, delimiters], call) => {
    const readSource = source!.evaluate;
    const readNumber = number!.evaluate;
    const readDelimiters = delimiters!.evaluate;
    const fixedDelimiters = delimiters!.constant ? (toText(delimiters!.value) ?? '') : undefined;
    return (scope) => {
      const text = toText(readSource(scope));
      const n = toInteger(scope, call, 'wordNumber', readNumber(scope));
      if (text === null || n < 1) return '';
      return nthWord(text, n, fixedDelimiters ?? toText(readDelimiters(scope)) ?? '');
    };
  },
};

function nthWord(text: string, n: number, delimiters: string): string {
  if (delimiters.length === 1) {
    // Fast path for the common Word([upn], 1, "@").
    let start = 0;
    let count = 0;
    while (start <= text.length) {
      let end = text.indexOf(delimiters, start);
      if (end < 0) end = text.length;
      if (end > start && ++count === n) return text.slice(start, end);
      start = end + 1;
    }
    return '';
  }
  let count = 0;
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const isDelimiter = i === text.length || delimiters.includes(text[i]!);
    if (!isDelimiter && start < 0) start = i;
    if (isDelimiter && start >= 0) {
      if (++count === n) return text.slice(start, i);
      start = -1;
    }
  }
  return '';
}
