import { fail, show, toInteger, toText } from '../RuntimeValue.ts';
import { type FunctionDefinition, optional } from './FunctionDefinition.ts';

/**
 * InStr(value1, value2, start?, compareType?): the 1-based position of value2 in value1, searching from
 * start (default 1). compareType is vbBinaryCompare (default, case-sensitive, also 0) or vbTextCompare
 * (case-insensitive, also 1). Not found gives "0", as VBA's InStr (UNCONFIRMED for Entra); so does a null
 * value1. An empty value2 gives start.
 */
export const InStr: FunctionDefinition = {
  name: 'InStr',
  description:
    'Finds value2 in value1 and returns its 1-based position, or "0" when absent; optional start position and vbTextCompare for case-insensitive search.',
  parameters: [
    { name: 'value1', description: 'The text to search.' },
    { name: 'value2', description: 'The text to find.' },
    { name: 'start', description: 'Position to start at, counting from 1.', optional: true },
    {
      name: 'compareType',
      description: 'vbBinaryCompare (case-sensitive, default) or vbTextCompare.',
      optional: true,
    },
  ],
  examples: [
    { expression: 'InStr("The quick brown fox","quick")', output: '5' },
    { expression: 'InStr("repEated","e",3,vbBinaryCompare)', output: '7' },
    { expression: 'InStr("repEated","e",3,vbTextCompare)', output: '4' },
    { expression: 'InStr("abc","z")', output: '0' },
  ],
  compile: ([haystack, needle, start, compareType], call) => {
    const readHaystack = haystack!.evaluate;
    const readNeedle = needle!.evaluate;
    return (scope) => {
      const text = toText(readHaystack(scope));
      const find = toText(readNeedle(scope)) ?? '';
      const startValue = optional(start, scope);
      const from = startValue === null || startValue === '' ? 1 : toInteger(scope, call, 'start', startValue);
      if (from < 1) fail(call, 'invalid-argument', `start must be 1 or more, got ${from}`);
      const mode = toText(optional(compareType, scope)) ?? '';
      let ignoreCase: boolean;
      if (mode === '' || mode === 'vbBinaryCompare' || mode === '0') ignoreCase = false;
      else if (mode === 'vbTextCompare' || mode === '1') ignoreCase = true;
      else
        return fail(
          call,
          'invalid-argument',
          `compareType must be vbBinaryCompare or vbTextCompare, got ${show(scope, mode)}`,
        );
      if (text === null) return '0';
      if (from > text.length + 1) return '0';
      const index = ignoreCase
        ? text.toLowerCase().indexOf(find.toLowerCase(), from - 1)
        : text.indexOf(find, from - 1);
      return String(index + 1);
    };
  },
};
