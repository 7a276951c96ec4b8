import { type RuntimeValue, toList, toText, evaluateNull } from '../RuntimeValue.ts';
import type { FunctionDefinition } from './FunctionDefinition.ts';

/**
 * Join(separator, source1, …, sourceN): every value of every source, separated by separator. Multi-valued
 * sources contribute all their values. Null and "" values are skipped, so no doubled separators appear —
 * the documented `Join(", ", "", [surname], [givenName])` → "Doe, John" (the reference marks empty-string
 * handling UNCONFIRMED; skipping is what that example shows). The result is null only when every source is
 * null; otherwise it is a string (possibly "").
 */
export const Join: FunctionDefinition = {
  name: 'Join',
  description:
    'Joins the values of all sources with separator; multi-valued sources contribute every value, null and empty values are skipped. Null only if every source is null.',
  parameters: [
    { name: 'separator', description: 'Text placed between values; may be "".' },
    { name: 'sources', description: 'Values or [attributes] to join.', variadic: true },
  ],
  examples: [
    {
      expression: 'Join("", "CN=", Word([userPrincipalName], 1, "@"), ",DC=Contoso,DC=lab")',
      input: { userPrincipalName: 'bsimon@contoso.com' },
      output: 'CN=bsimon,DC=Contoso,DC=lab',
    },
    {
      expression: 'Join(", ", "", [surname], [givenName])',
      input: { surname: 'Doe', givenName: 'John' },
      output: 'Doe, John',
    },
    {
      expression: 'Join(";", [proxyAddresses])',
      input: { proxyAddresses: ['SMTP:a@x.com', 'smtp:b@x.com'] },
      output: 'SMTP:a@x.com;smtp:b@x.com',
    },
  ],
  compile: ([separator, ...sources]) => {
    const readSeparator = separator?.evaluate;
    const constantSeparator =
      separator === undefined ? '' : separator.constant ? (toText(separator.value) ?? '') : undefined;
    const readers = sources.map((source) => source?.evaluate ?? evaluateNull);
    return (scope) => {
      const sep = constantSeparator ?? toText(readSeparator!(scope)) ?? '';
      let out = '';
      let started = false;
      let sawValue = false;
      for (let i = 0; i < readers.length; i++) {
        const value: RuntimeValue = readers[i]!(scope);
        if (value === null) continue;
        sawValue = true;
        if (typeof value === 'string') {
          if (value === '') continue;
          out = started ? out + sep + value : value;
          started = true;
          continue;
        }
        for (const item of toList(value)) {
          if (item === '') continue;
          out = started ? out + sep + item : item;
          started = true;
        }
      }
      return sawValue ? out : null;
    };
  },
};
