import { bool, fail, isTrue, show, toText } from '../RuntimeValue.ts';
import type { FunctionDefinition } from './FunctionDefinition.ts';

/** Not(source): "False" when source is "True" (case-insensitive), otherwise "True" — null included. */
export const Not: FunctionDefinition = {
  name: 'Not',
  description: 'Flips a boolean: "True" becomes "False"; anything else (including null) becomes "True".',
  parameters: [{ name: 'source', description: 'A "True"/"False" value.' }],
  examples: [
    { expression: 'Not([accountEnabled])', input: { accountEnabled: true }, output: 'False' },
    { expression: 'Not([IsSoftDeleted])', input: { IsSoftDeleted: 'False' }, output: 'True' },
  ],
  compile: ([source]) => {
    const read = source!.evaluate;
    return (scope) => bool(!isTrue(read(scope)));
  },
};

/**
 * CBool(expression): "True" for a non-zero number or "True", "False" for zero, "False", null or "". Other
 * text is an `invalid-argument` error naming the value, as .NET's CBool refuses it.
 */
export const CBool: FunctionDefinition = {
  name: 'CBool',
  description:
    'Converts to "True"/"False": non-zero numbers and "True" are true; zero, "False", null and "" are false.',
  parameters: [{ name: 'expression', description: 'A number, a boolean or a comparison such as [a] = [b].' }],
  examples: [
    { expression: 'CBool([a] = [b])', input: { a: 'x', b: 'x' }, output: 'True' },
    { expression: 'CBool("0")', output: 'False' },
    {
      expression: 'CBool(BitAnd([userAccountControl], 2))',
      input: { userAccountControl: '514' },
      output: 'True',
    },
  ],
  compile: ([source], call) => {
    const read = source!.evaluate;
    return (scope) => {
      const value = read(scope);
      const text = toText(value)?.trim() ?? '';
      if (text === '') return 'False';
      const lower = text.toLowerCase();
      if (lower === 'true' || lower === 'false') return lower === 'true' ? 'True' : 'False';
      const number = Number(text);
      if (Number.isNaN(number))
        return fail(call, 'invalid-argument', `${show(scope, value)} is neither a number nor "True"/"False"`);
      return bool(number !== 0);
    };
  },
};
