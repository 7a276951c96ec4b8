import { mapText } from '../RuntimeValue.ts';
import type { FunctionDefinition } from './FunctionDefinition.ts';

/** StripSpaces(source): source without any space character (U+0020); other white space is kept. */
export const StripSpaces: FunctionDefinition = {
  name: 'StripSpaces',
  description: 'Removes every space character (" ") from source.',
  parameters: [{ name: 'source', description: 'The text to strip.' }],
  examples: [
    {
      expression: 'StripSpaces([displayName])',
      input: { displayName: 'Mary Ann  Lee' },
      output: 'MaryAnnLee',
    },
  ],
  compile: ([source]) => {
    const read = source!.evaluate;
    return (scope) => mapText(read(scope), (text) => text.replaceAll(' ', ''));
  },
};
