import { toInteger, toList } from '../RuntimeValue.ts';
import type { FunctionDefinition } from './FunctionDefinition.ts';

/** Count(attribute): how many values a (multi-valued) attribute has, as text; null gives "0", a scalar "1". */
export const Count: FunctionDefinition = {
  name: 'Count',
  description:
    'Returns the number of values of a multi-valued attribute ("0" for null, "1" for a single value).',
  parameters: [{ name: 'attribute', description: 'A multi-valued [attribute] or expression.' }],
  examples: [
    {
      expression: 'Count([proxyAddresses])',
      input: { proxyAddresses: ['SMTP:a@x.com', 'smtp:b@x.com'] },
      output: '2',
    },
    { expression: 'Count(Split("a,b,c", ","))', output: '3' },
  ],
  compile: ([source]) => {
    const read = source!.evaluate;
    return (scope) => String(toList(read(scope)).length);
  },
};

/**
 * Item(attribute, index): the index-th value (1-based) of a multi-valued attribute. Index 0 "must not be
 * used" per Entra's docs; an index below 1 or past the last value gives null (nothing to send).
 */
export const Item: FunctionDefinition = {
  name: 'Item',
  description:
    'Returns the index-th value (counting from 1) of a multi-valued attribute; null when there is no such value.',
  parameters: [
    { name: 'attribute', description: 'A multi-valued [attribute] or expression.' },
    { name: 'index', description: 'Which value, counting from 1.' },
  ],
  examples: [
    {
      expression: 'Item([proxyAddresses], 1)',
      input: { proxyAddresses: ['SMTP:a@x.com', 'smtp:b@x.com'] },
      output: 'SMTP:a@x.com',
    },
    { expression: 'Item(Split("a,b", ","), 3)', output: null },
  ],
  compile: ([source, index], call) => {
    const read = source!.evaluate;
    const readIndex = index!.evaluate;
    return (scope) => {
      const n = toInteger(scope, call, 'index', readIndex(scope));
      return n < 1 ? null : (toList(read(scope))[n - 1] ?? null);
    };
  },
};

/**
 * RemoveDuplicates(attribute): the values of a multi-valued attribute with exact (case-sensitive) duplicates
 * removed, first occurrence kept, order preserved.
 */
export const RemoveDuplicates: FunctionDefinition = {
  name: 'RemoveDuplicates',
  description:
    'Removes duplicate values (case-sensitive) from a multi-valued attribute, keeping the first of each.',
  parameters: [{ name: 'attribute', description: 'A multi-valued [attribute] or expression.' }],
  examples: [
    {
      expression: 'RemoveDuplicates([otherMails])',
      input: { otherMails: ['a@x.com', 'b@x.com', 'a@x.com'] },
      output: ['a@x.com', 'b@x.com'],
    },
  ],
  compile: ([source]) => {
    const read = source!.evaluate;
    return (scope) => {
      const value = read(scope);
      return value === null ? null : [...new Set(toList(value))];
    };
  },
};
