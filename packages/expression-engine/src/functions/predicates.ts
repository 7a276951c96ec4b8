import type { Evaluator, RuntimeValue } from '../RuntimeValue.ts';
import { AppRoleList, ScimRoleList, bool, isNullOrEmpty } from '../RuntimeValue.ts';
import type { CompiledArguments, FunctionDefinition } from './FunctionDefinition.ts';

const predicate =
  (test: (value: RuntimeValue) => boolean) =>
  ([source]: CompiledArguments): Evaluator => {
    const read = source!.evaluate;
    return (scope) => bool(test(read(scope)));
  };

const expression = [{ name: 'expression', description: 'The value to test.' }];

/** IsNull(expression): "True" when the value is null (the attribute is absent); "" is not null. */
export const IsNull: FunctionDefinition = {
  name: 'IsNull',
  description: 'Returns "True" when the value is null (absent); an empty string is not null.',
  parameters: expression,
  examples: [
    { expression: 'IsNull([mail])', input: {}, output: 'True' },
    { expression: 'IsNull([mail])', input: { mail: '' }, output: 'False' },
  ],
  compile: predicate((value) => value === null),
};

/** IsNothing(expression): Graph lists it without documentation (UNCONFIRMED); the same as IsNull here. */
export const IsNothing: FunctionDefinition = {
  name: 'IsNothing',
  description: 'Same as IsNull (undocumented in Entra, listed by Graph).',
  parameters: expression,
  examples: [{ expression: 'IsNothing([mail])', input: {}, output: 'True' }],
  compile: predicate((value) => value === null),
};

/** IsNullOrEmpty(expression): "True" when the value is null or "" (or a multi-valued value with no values). */
export const IsNullOrEmpty: FunctionDefinition = {
  name: 'IsNullOrEmpty',
  description: 'Returns "True" when the value is null or empty; the inverse of IsPresent.',
  parameters: expression,
  examples: [
    { expression: 'IsNullOrEmpty([mail])', input: { mail: '' }, output: 'True' },
    { expression: 'IsNullOrEmpty([mail])', input: { mail: 'a@x.com' }, output: 'False' },
  ],
  compile: predicate(isNullOrEmpty),
};

/** IsPresent(expression): "True" when the value is neither null nor "". */
export const IsPresent: FunctionDefinition = {
  name: 'IsPresent',
  description: 'Returns "True" when the value is neither null nor empty; the inverse of IsNullOrEmpty.',
  parameters: expression,
  examples: [
    { expression: 'IsPresent([employeeId])', input: { employeeId: '1234' }, output: 'True' },
    { expression: 'IsPresent([employeeId])', input: {}, output: 'False' },
  ],
  compile: predicate((value) => !isNullOrEmpty(value)),
};

/**
 * IsString(expression): "True" when the value can be evaluated to a single string (text, number, boolean or
 * date); "False" for null and for multi-valued values.
 */
export const IsString: FunctionDefinition = {
  name: 'IsString',
  description:
    'Returns "True" when the value evaluates to a single string; "False" for null and multi-valued values.',
  parameters: expression,
  examples: [
    { expression: 'IsString([displayName])', input: { displayName: 'John' }, output: 'True' },
    { expression: 'IsString([proxyAddresses])', input: { proxyAddresses: ['a', 'b'] }, output: 'False' },
  ],
  compile: predicate(
    (value) =>
      value !== null &&
      !Array.isArray(value) &&
      !(value instanceof AppRoleList) &&
      !(value instanceof ScimRoleList),
  ),
};
