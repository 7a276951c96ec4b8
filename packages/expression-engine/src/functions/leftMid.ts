import { mapText, toInteger } from '../RuntimeValue.ts';
import type { FunctionDefinition } from './FunctionDefinition.ts';

/**
 * Left(string, numChars): the first numChars characters. numChars 0 → ""; negative → the whole string;
 * longer than the string → the whole string; null string → "" (all as documented).
 */
export const Left: FunctionDefinition = {
  name: 'Left',
  description:
    'Returns the first numChars characters of string; 0 gives "", a negative count the whole string, null gives "".',
  parameters: [
    { name: 'string', description: 'The text to cut.' },
    { name: 'numChars', description: 'How many characters to keep from the left.' },
  ],
  examples: [
    { expression: 'Left("John Doe", 3)', output: 'Joh' },
    { expression: 'Left([givenName], 0)', input: { givenName: 'John' }, output: '' },
  ],
  compile: ([source, count], call) => {
    const readSource = source!.evaluate;
    const readCount = count!.evaluate;
    return (scope) => {
      const n = toInteger(scope, call, 'numChars', readCount(scope));
      const value = readSource(scope);
      if (value === null) return '';
      return mapText(value, (text) => (n < 0 ? text : text.slice(0, n)));
    };
  },
};

/**
 * Mid(source, start, length): length characters from the 1-based position start. A length running past the
 * end gives the rest of the string. Choices where the reference is silent (UNCONFIRMED): start < 1 counts as
 * 1, a negative length gives "", and a null source gives "" (like Left).
 */
export const Mid: FunctionDefinition = {
  name: 'Mid',
  description:
    'Returns length characters of source starting at the 1-based position start; past the end gives the rest.',
  parameters: [
    { name: 'source', description: 'The text to cut.' },
    { name: 'start', description: 'First character to keep, counting from 1.' },
    { name: 'length', description: 'How many characters to keep.' },
  ],
  examples: [
    {
      expression: 'Mid([userPrincipalName], 1, 8)',
      input: { userPrincipalName: 'bsimon@contoso.com' },
      output: 'bsimon@c',
    },
    { expression: 'Mid("John", 2, 10)', output: 'ohn' },
  ],
  compile: ([source, start, length], call) => {
    const readSource = source!.evaluate;
    const readStart = start!.evaluate;
    const readLength = length!.evaluate;
    return (scope) => {
      const from = Math.max(1, toInteger(scope, call, 'start', readStart(scope))) - 1;
      const n = toInteger(scope, call, 'length', readLength(scope));
      const value = readSource(scope);
      if (value === null) return '';
      return mapText(value, (text) => (n < 0 ? '' : text.slice(from, from + n)));
    };
  },
};
