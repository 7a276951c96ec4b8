import { isNullOrEmpty } from '../RuntimeValue.ts';
import type { FunctionDefinition } from './FunctionDefinition.ts';

/**
 * IgnoreFlowIfNullOrEmpty(expression): the value, or — when it is null or "" — the outcome "do not send this
 * attribute": the evaluation result becomes `{ kind: 'ignore' }`, wherever in the expression the function
 * sits, so the target attribute is left untouched instead of cleared.
 */
export const IgnoreFlowIfNullOrEmpty: FunctionDefinition = {
  name: 'IgnoreFlowIfNullOrEmpty',
  description:
    'Passes the value through; when it is null or empty the attribute is not sent at all (result kind "ignore").',
  parameters: [{ name: 'expression', description: 'The value to send when present.' }],
  examples: [
    { expression: 'IgnoreFlowIfNullOrEmpty([department])', input: { department: 'Sales' }, output: 'Sales' },
    {
      expression: 'IgnoreFlowIfNullOrEmpty([department])',
      input: { department: '' },
      note: 'result { kind: "ignore" }: department is not sent',
    },
  ],
  pure: false,
  compile: ([source]) => {
    const read = source!.evaluate;
    return (scope) => {
      const value = read(scope);
      if (isNullOrEmpty(value)) scope.ignore = true;
      return value;
    };
  },
};

/**
 * Redact(value): the value flows unchanged, but the expression becomes secret: every result is marked
 * `secret: true`, `formatForLog` prints `[Redact]`, and error messages never show its values.
 */
export const Redact: FunctionDefinition = {
  name: 'Redact',
  description:
    'Passes the value through but marks the result secret, so logs and errors print [Redact] instead of it.',
  parameters: [{ name: 'value', description: 'The secret value or [attribute].' }],
  examples: [
    {
      expression: 'Redact([passwordProfile.password])',
      input: { 'passwordProfile.password': 'S3cret!' },
      output: 'S3cret!',
    },
  ],
  compile: ([source]) => source!.evaluate,
};
