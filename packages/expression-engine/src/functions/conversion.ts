import { fail, mapText, show, toText } from '../RuntimeValue.ts';
import type { FunctionDefinition } from './FunctionDefinition.ts';

/**
 * CStr(value): the value as text — numbers, booleans ("True"/"False"), dates (`M/d/yyyy h:mm:ss tt`) and
 * references (a DN) are already text in this engine, so CStr keeps the value; null stays null (an absent
 * attribute is not turned into "").
 */
export const CStr: FunctionDefinition = {
  name: 'CStr',
  description: 'Converts a number, boolean, date or reference to text; null stays null.',
  parameters: [{ name: 'value', description: 'The value to convert.' }],
  examples: [
    {
      expression: 'CStr([dn])',
      input: { dn: 'cn=Joe,dc=contoso,dc=com' },
      output: 'cn=Joe,dc=contoso,dc=com',
    },
    { expression: 'CStr([employeeNumber])', input: { employeeNumber: 42 }, output: '42' },
  ],
  compile: ([source]) => {
    const read = source!.evaluate;
    return (scope) => mapText(read(scope), (text) => text);
  },
};

/**
 * BitAnd(value1, value2): the bitwise AND of two integers (decimal text or `&H` hex literals), computed on
 * 64-bit values so AD flags such as userAccountControl work. A null operand gives null.
 */
export const BitAnd: FunctionDefinition = {
  name: 'BitAnd',
  description:
    'Returns the bitwise AND of two integers, e.g. BitAnd([userAccountControl], 2) to test the disabled flag.',
  parameters: [
    { name: 'value1', description: 'An integer (decimal or &H hex).' },
    { name: 'value2', description: 'An integer (decimal or &H hex).' },
  ],
  examples: [
    { expression: 'BitAnd(&HF, &HF7)', output: '7' },
    { expression: 'BitAnd([userAccountControl], 2)', input: { userAccountControl: '514' }, output: '2' },
  ],
  compile: ([left, right], call) => {
    const readLeft = left!.evaluate;
    const readRight = right!.evaluate;
    return (scope) => {
      const a = readLeft(scope);
      const b = readRight(scope);
      if (a === null || b === null) return null;
      const parse = (value: typeof a, name: string): bigint => {
        const text = toText(value)?.trim() ?? '';
        if (!/^-?\d{1,20}$/.test(text))
          fail(call, 'invalid-number', `${name} must be an integer, got ${show(scope, value)}`);
        return BigInt(text);
      };
      return BigInt.asIntN(64, parse(a, 'value1') & parse(b, 'value2')).toString();
    };
  },
};
