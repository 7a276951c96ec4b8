import { isTrue, toText, evaluateNull } from '../RuntimeValue.ts';
import type { FunctionDefinition } from './FunctionDefinition.ts';

/**
 * IIF(condition, valueIfTrue, valueIfFalse): one of two values. The condition is usually a comparison
 * (`=`, `<>`, `<`, `<=`, `>`, `>=`; numeric when both sides are numbers, otherwise case-sensitive); any other
 * condition is true when it evaluates to "True" (case-insensitive). Entra's docs say a condition on a null or
 * empty attribute "fails"; here such a comparison is false, so valueIfFalse is returned — use Switch with a
 * "" key to branch on empty values. Only the chosen branch is evaluated.
 */
export const IIF: FunctionDefinition = {
  name: 'IIF',
  description:
    'Returns valueIfTrue when condition holds, else valueIfFalse. Conditions compare with = <> < <= > >=; a comparison with a null or empty side is false.',
  parameters: [
    {
      name: 'condition',
      description: 'A comparison such as [country]="USA", or a value that is "True"/"False".',
    },
    { name: 'valueIfTrue', description: 'Returned when the condition holds.' },
    { name: 'valueIfFalse', description: 'Returned otherwise.' },
  ],
  examples: [
    {
      expression: 'IIF([country]="USA",[country],[department])',
      input: { country: 'USA', department: 'Sales' },
      output: 'USA',
    },
    {
      expression: 'IIF([country]="USA",[country],[department])',
      input: { country: 'NL', department: 'Sales' },
      output: 'Sales',
    },
    {
      expression: 'IIF(DateDiff("d", "2021-08-18+08:00", "2021-08-31+08:00") > 5, "False", "True")',
      output: 'False',
    },
  ],
  compile: ([condition, whenTrue, whenFalse]) => {
    const test = condition!.evaluate;
    const readTrue = whenTrue?.evaluate ?? evaluateNull;
    const readFalse = whenFalse?.evaluate ?? evaluateNull;
    return (scope) => (isTrue(test(scope)) ? readTrue(scope) : readFalse(scope));
  },
};

/**
 * Switch(source, defaultValue, key1, value1, …): the value paired with the first key equal to source
 * (case-sensitive), else defaultValue (which may be omitted → null, or ""). A null source matches a "" key,
 * which is how Entra's docs tell admins to branch on absent values. Only the chosen value is evaluated.
 */
export const Switch: FunctionDefinition = {
  name: 'Switch',
  description:
    'Returns the value paired with the first key equal to source (case-sensitive), else defaultValue; a null source matches the key "".',
  parameters: [
    { name: 'source', description: 'The value to look up.' },
    {
      name: 'defaultValue',
      description: 'Returned when no key matches; may be left empty (null) or "".',
      optional: true,
    },
    { name: 'key', description: 'A value to compare source with.', variadic: true },
    { name: 'value', description: 'Returned when source equals the key before it.', variadic: true },
  ],
  examples: [
    {
      expression:
        'Switch([state], "Australia/Sydney", "NSW", "Australia/Sydney","QLD", "Australia/Brisbane", "SA", "Australia/Adelaide")',
      input: { state: 'QLD' },
      output: 'Australia/Brisbane',
    },
    { expression: 'Switch([country],[country],"","Other")', input: { country: '' }, output: 'Other' },
    {
      expression: 'Switch([IsSoftDeleted], , "False", "True", "True", "False")',
      input: { IsSoftDeleted: false },
      output: 'True',
    },
  ],
  compile: ([source, fallback, ...pairs]) => {
    const read = source!.evaluate;
    const readDefault = fallback?.evaluate ?? evaluateNull;
    const keys = pairs.filter((_, i) => i % 2 === 0);
    const values = pairs.filter((_, i) => i % 2 === 1).map((value) => value?.evaluate ?? evaluateNull);
    const constantKeys = keys.every((key) => key === undefined || key.constant)
      ? new Map(
          keys.map((key, i) => [key === undefined ? '' : (toText(key.value) ?? ''), i] as const).reverse(),
        )
      : undefined;
    return (scope) => {
      const text = toText(read(scope)) ?? '';
      if (constantKeys) {
        const index = constantKeys.get(text);
        return index === undefined ? readDefault(scope) : values[index]!(scope);
      }
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        if ((key === undefined ? '' : (toText(key.evaluate(scope)) ?? '')) === text) return values[i]!(scope);
      }
      return readDefault(scope);
    };
  },
};
