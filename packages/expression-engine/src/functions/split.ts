import { toList, toText } from '../RuntimeValue.ts';
import type { FunctionDefinition } from './FunctionDefinition.ts';

/**
 * Split(source, delimiter?): a multi-valued value of the parts of source between delimiters. The delimiter
 * is matched as a whole string (default ","). Each part is trimmed of surrounding white space: the reference
 * shows "PermissionSetOne, PermissionSetTwo" splitting into "PermissionSetTwo" without its leading space
 * (UNCONFIRMED in Entra; trimming is what its example shows and what an admin expects). Empty parts are kept
 * in place (as .NET String.Split keeps them) except that a null source gives null.
 */
export const Split: FunctionDefinition = {
  name: 'Split',
  description:
    'Splits source at every occurrence of delimiter into a multi-valued value; parts are trimmed of surrounding white space.',
  parameters: [
    { name: 'source', description: 'The text to split; each value of a multi-valued source is split.' },
    { name: 'delimiter', description: 'The separator text (default ",").', optional: true },
  ],
  examples: [
    {
      expression: 'Split([extensionAttribute5], ",")',
      input: { extensionAttribute5: 'PermissionSetOne, PermissionSetTwo' },
      output: ['PermissionSetOne', 'PermissionSetTwo'],
    },
    {
      expression: 'Split("inetOrgPerson,posixAccount,shadowAccount",",")',
      output: ['inetOrgPerson', 'posixAccount', 'shadowAccount'],
    },
  ],
  compile: ([source, delimiter]) => {
    const readSource = source!.evaluate;
    const readDelimiter = delimiter?.evaluate;
    return (scope) => {
      const value = readSource(scope);
      if (value === null) return null;
      const sep = readDelimiter ? (toText(readDelimiter(scope)) ?? ',') : ',';
      const parts: string[] = [];
      for (const text of toList(value)) {
        for (const part of sep === '' ? [text] : text.split(sep)) parts.push(part.trim());
      }
      return parts;
    };
  },
};
