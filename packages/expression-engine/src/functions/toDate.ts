import type { CallExpression } from '../ast.ts';
import { type RuntimeValue, type Scope, fail, show, toText } from '../RuntimeValue.ts';
import { parseDateText } from './parseDateText.ts';

/**
 * Reads a date argument: a date value passes through, text is parsed as CDate parses it, null stays null;
 * anything else is an `invalid-date` error naming the function and the accepted forms.
 * @param scope the evaluation scope
 * @param call the call node, for the message
 * @param parameter the parameter name, for the message
 * @param value the argument value
 */
export function toDate(
  scope: Scope,
  call: CallExpression,
  parameter: string,
  value: RuntimeValue,
): Date | null {
  if (value === null) return null;
  if (value instanceof Date) return value;
  const text = toText(value);
  if (text === null || text === '') return null;
  const date = parseDateText(text);
  if (date === null) {
    fail(
      call,
      'invalid-date',
      `${parameter} ${show(scope, value)} is not a date; use ISO 8601 (2021-08-31T08:00:00Z, 2020-03-16-07:00), M/d/yyyy h:mm:ss tt, or FormatDateTime for other layouts`,
    );
  }
  return date;
}
