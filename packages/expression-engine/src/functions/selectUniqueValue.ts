import { ExpressionError } from '../ExpressionError.ts';
import { fail, toText, evaluateNull } from '../RuntimeValue.ts';
import type { FunctionDefinition } from './FunctionDefinition.ts';

/**
 * SelectUniqueValue(rule1, rule2, …): the first candidate (rules evaluated in order, null and "" skipped)
 * for which `context.exists(candidate)` answers false. It must be the whole expression and needs
 * `evaluate()` (the check is asynchronous). When every candidate exists the evaluation fails with
 * `unique-value-exhausted` (Entra escrows the object); a failing callback gives `callback-failed`. Entra
 * also allows it only on object creation and not on matching attributes; the caller enforces those rules.
 */
export const SelectUniqueValue: FunctionDefinition = {
  name: 'SelectUniqueValue',
  description:
    'Returns the first candidate that does not yet exist in the target (checked with the exists callback); must be the whole expression.',
  parameters: [
    { name: 'rule1', description: 'The preferred candidate.' },
    { name: 'rules', description: 'Further candidates, tried in order.', variadic: true },
  ],
  examples: [
    {
      expression:
        'SelectUniqueValue(Join("@", NormalizeDiacritics(StripSpaces(Join(".", [PreferredFirstName], [PreferredLastName]))), "contoso.com"), Join("@", NormalizeDiacritics(StripSpaces(Join(".", Mid([PreferredFirstName], 1, 1), [PreferredLastName]))), "contoso.com"))',
      input: { PreferredFirstName: 'John', PreferredLastName: 'Smith' },
      note: '"John.Smith@contoso.com" unless it exists, then "J.Smith@contoso.com"',
    },
  ],
  topLevelOnly: true,
  async: true,
  compile: (_args, call) => () =>
    fail(call, 'async-required', 'awaits the exists callback; call evaluate(), not evaluateSync()'),
  compileAsync: (rules, call) => {
    const readers = rules.map((rule) => rule?.evaluate ?? evaluateNull);
    return async (scope) => {
      const exists = scope.context.exists;
      if (!exists)
        return fail(
          call,
          'missing-context',
          'needs context.exists(value) to check which candidates are taken',
        );
      for (const read of readers) {
        const candidate = toText(read(scope));
        if (candidate === null || candidate === '') continue;
        let taken: boolean;
        try {
          taken = await exists(candidate);
        } catch (error) {
          if (error instanceof ExpressionError) throw error;
          return fail(call, 'callback-failed', 'the exists callback failed', error);
        }
        if (!taken) return candidate;
      }
      return fail(
        call,
        'unique-value-exhausted',
        `all ${readers.length} candidates already exist; add another rule`,
      );
    };
  },
};
