import { toDate } from './toDate.ts';
import type { FunctionDefinition } from './FunctionDefinition.ts';

/**
 * CDate(expression): text parsed into a UTC date, rendered `M/d/yyyy h:mm:ss tt` when it leaves the
 * expression. Accepts ISO 8601 (offset optional, also right after a date), Entra's own rendering and LDAP
 * generalized time; text without an offset is taken as UTC. Null gives null; other text is `invalid-date`.
 */
export const CDate: FunctionDefinition = {
  name: 'CDate',
  description:
    'Parses a date string (ISO 8601 with optional offset, M/d/yyyy h:mm:ss tt, generalized time) into a UTC date.',
  parameters: [{ name: 'expression', description: 'The date text.' }],
  examples: [
    {
      expression: 'CDate([StatusHireDate])',
      input: { StatusHireDate: '2020-03-16-07:00' },
      output: '3/16/2020 7:00:00 AM',
    },
    { expression: 'CDate("2021-06-30+08:00")', output: '6/29/2021 4:00:00 PM' },
    { expression: 'CDate("2009-06-15T01:45:30-07:00")', output: '6/15/2009 8:45:30 AM' },
  ],
  compile: ([source], call) => {
    const read = source!.evaluate;
    return (scope) => toDate(scope, call, 'expression', read(scope));
  },
};
