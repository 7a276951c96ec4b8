import { isNullOrEmpty, evaluateNull } from '../RuntimeValue.ts';
import type { FunctionDefinition } from './FunctionDefinition.ts';

/**
 * Coalesce(source1, …, sourceN, defaultValue?): the first source that is neither null nor "", else the last
 * argument as it is (so a trailing "" default gives "", a trailing absent attribute gives null). Treating ""
 * like null is a choice (the docs say "first non-NULL"): it is what admins mean by
 * `Coalesce([mail], [userPrincipalName])` when mail is present but empty.
 */
export const Coalesce: FunctionDefinition = {
  name: 'Coalesce',
  description:
    'Returns the first source that is neither null nor empty; otherwise the last argument (a default such as "").',
  parameters: [
    {
      name: 'sources',
      description: 'Values tried in order; the last may be a default value.',
      variadic: true,
    },
  ],
  examples: [
    {
      expression: 'Coalesce([mail],[userPrincipalName])',
      input: { userPrincipalName: 'John.Doe@contoso.com' },
      output: 'John.Doe@contoso.com',
    },
    { expression: 'Coalesce([mail],[otherMail],"")', input: {}, output: '' },
    { expression: 'Coalesce([mail],[otherMail])', input: {}, output: null },
  ],
  compile: (sources) => {
    const readers = sources.map((source) => source?.evaluate ?? evaluateNull);
    return (scope) => {
      let last = null;
      for (let i = 0; i < readers.length; i++) {
        last = readers[i]!(scope);
        if (!isNullOrEmpty(last)) return last;
      }
      return last;
    };
  },
};
