import type { CallExpression } from '../ast.ts';
import { type Evaluator, fail, mapText, show, toText } from '../RuntimeValue.ts';
import type { CompiledArguments, FunctionDefinition } from './FunctionDefinition.ts';

/**
 * Compiles ToLower/ToUpper: invariant casing by default, or the casing rules of an RFC 4646 culture
 * (`tr-TR` maps "I" to "ı"). An unknown culture is an `invalid-argument` error.
 */
function compileCase(upper: boolean) {
  return ([source, culture]: CompiledArguments, call: CallExpression): Evaluator => {
    const read = source!.evaluate;
    const readCulture = culture?.evaluate;
    const invariant = upper ? (text: string) => text.toUpperCase() : (text: string) => text.toLowerCase();
    if (!readCulture) return (scope) => mapText(read(scope), invariant);
    return (scope) => {
      const tag = toText(readCulture(scope));
      if (tag === null || tag === '') return mapText(read(scope), invariant);
      let locale: string;
      try {
        locale = Intl.getCanonicalLocales(tag)[0]!;
      } catch (error) {
        return fail(
          call,
          'invalid-argument',
          `culture ${show(scope, tag)} is not an RFC 4646 tag such as "en-US"`,
          error,
        );
      }
      return mapText(
        read(scope),
        upper ? (text) => text.toLocaleUpperCase(locale) : (text) => text.toLocaleLowerCase(locale),
      );
    };
  };
}

/** ToLower(source, culture?): source in lower case, invariant unless a culture such as "tr-TR" is given. */
export const ToLower: FunctionDefinition = {
  name: 'ToLower',
  description:
    'Converts source to lower case, using the invariant culture or the given RFC 4646 culture (e.g. "en-US").',
  parameters: [
    { name: 'source', description: 'The text to convert.' },
    { name: 'culture', description: 'RFC 4646 culture name; default invariant.', optional: true },
  ],
  examples: [
    {
      expression: 'ToLower(Word([userPrincipalName], 1, "@"), )',
      input: { userPrincipalName: 'BSimon@contoso.com' },
      output: 'bsimon',
    },
    {
      expression:
        'ToLower(Join("@", NormalizeDiacritics(StripSpaces(Join(".",[PreferredFirstName],[PreferredLastName]))), "contoso.com"))',
      input: { PreferredFirstName: 'John', PreferredLastName: 'Smith' },
      output: 'john.smith@contoso.com',
    },
  ],
  compile: compileCase(false),
};

/** ToUpper(source, culture?): source in upper case, invariant unless a culture such as "tr-TR" is given. */
export const ToUpper: FunctionDefinition = {
  name: 'ToUpper',
  description:
    'Converts source to upper case, using the invariant culture or the given RFC 4646 culture (e.g. "en-US").',
  parameters: [
    { name: 'source', description: 'The text to convert.' },
    { name: 'culture', description: 'RFC 4646 culture name; default invariant.', optional: true },
  ],
  examples: [
    { expression: 'ToUpper([givenName])', input: { givenName: 'John' }, output: 'JOHN' },
    { expression: 'ToUpper("i", "tr-TR")', output: 'İ' },
  ],
  compile: compileCase(true),
};
