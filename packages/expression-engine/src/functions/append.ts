import { mapText, toText } from '../RuntimeValue.ts';
import type { FunctionDefinition } from './FunctionDefinition.ts';

/**
 * Append(source, suffix): source followed by suffix. A null source counts as "" (Entra concatenates like
 * C#, where null + "x" is "x"); a multi-valued source gets the suffix on every value.
 */
export const Append: FunctionDefinition = {
  name: 'Append',
  description:
    'Adds suffix to the end of source. A null source counts as "", so the result is the suffix alone.',
  parameters: [
    { name: 'source', description: 'The value to extend, usually an [attribute].' },
    { name: 'suffix', description: 'The text added to the end.' },
  ],
  examples: [
    {
      expression: 'Append([userPrincipalName], ".test")',
      input: { userPrincipalName: 'John.Doe@contoso.com' },
      output: 'John.Doe@contoso.com.test',
    },
    {
      expression: 'Append(Mid([givenName], 1, 3), Mid([surname], 1, 5))',
      input: { givenName: 'John', surname: 'Doe' },
      output: 'JohDoe',
    },
  ],
  compile: ([source, suffix]) => {
    const readSource = source!.evaluate;
    const readSuffix = suffix!.evaluate;
    return (scope) => {
      const end = toText(readSuffix(scope)) ?? '';
      const value = readSource(scope);
      return value === null
        ? end
        : typeof value === 'string'
          ? value + end
          : mapText(value, (text) => text + end);
    };
  },
};

/**
 * Prepend(prefix, source): prefix followed by source. Listed by Graph's function schema but not documented
 * (UNCONFIRMED); implemented as the mirror of Append, with the same null handling.
 */
export const Prepend: FunctionDefinition = {
  name: 'Prepend',
  description:
    'Adds prefix to the start of source (the mirror of Append; undocumented in Entra, listed by Graph).',
  parameters: [
    { name: 'prefix', description: 'The text added to the start.' },
    { name: 'source', description: 'The value to extend.' },
  ],
  examples: [
    { expression: 'Prepend("ext-", [mailNickname])', input: { mailNickname: 'jdoe' }, output: 'ext-jdoe' },
  ],
  compile: ([prefix, source]) => {
    const readPrefix = prefix!.evaluate;
    const readSource = source!.evaluate;
    return (scope) => {
      const start = toText(readPrefix(scope)) ?? '';
      const value = readSource(scope);
      return value === null ? start : mapText(value, (text) => start + text);
    };
  },
};
