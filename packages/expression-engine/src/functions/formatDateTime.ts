import type { CallExpression } from '../ast.ts';
import { type Scope, fail, mapText, show, toText } from '../RuntimeValue.ts';
import { formatDotNetDate } from './formatDotNetDate.ts';
import { parseDotNetDate } from './parseDotNetDate.ts';
import { type FunctionDefinition, optional } from './FunctionDefinition.ts';

const STYLES = new Set([
  'none',
  'allowleadingwhite',
  'allowtrailingwhite',
  'allowinnerwhite',
  'allowwhitespaces',
  'nocurrentdatedefault',
  'adjusttouniversal',
  'assumelocal',
  'assumeuniversal',
  'roundtripkind',
]);

/** Whether the styles allow white space around the date; unknown style names are `invalid-argument`. */
function allowsWhite(scope: Scope, call: CallExpression, styles: string | null): boolean {
  if (styles === null || styles.trim() === '') return true; // default: RoundtripKind, AllowLeadingWhite, AllowTrailingWhite
  const names = styles.split(/[,|]/).map((name) => name.trim().replace(/^DateTimeStyles\./, ''));
  for (const name of names) {
    if (!STYLES.has(name.toLowerCase())) {
      fail(call, 'invalid-argument', `dateTimeStyles ${show(scope, name)} is not a .NET DateTimeStyles name`);
    }
  }
  return names.some((name) => /^(allowleadingwhite|allowtrailingwhite|allowwhitespaces)$/i.test(name));
}

/**
 * FormatDateTime(source, dateTimeStyles?, inputFormat, outputFormat): a date string rewritten from one .NET
 * date format to another (invariant culture; `yyyyMMddHHmmss.fZ` → `yyyy-MM-dd`). Text with an offset is
 * converted to UTC; text without one is UTC (Entra's service runs in UTC, so AssumeLocal equals
 * AssumeUniversal). A date value (e.g. from CDate) is formatted directly. Text that does not match
 * inputFormat is `invalid-date`.
 */
export const FormatDateTime: FunctionDefinition = {
  name: 'FormatDateTime',
  description:
    'Reads source with the .NET date format inputFormat and writes it with outputFormat (both invariant culture, UTC).',
  parameters: [
    { name: 'source', description: 'The date text (or a date).' },
    {
      name: 'dateTimeStyles',
      description:
        'DateTimeStyles names, comma-separated; default RoundtripKind, AllowLeadingWhite, AllowTrailingWhite.',
      optional: true,
    },
    { name: 'inputFormat', description: '.NET format of source, e.g. yyyyMMddHHmmss.fZ.' },
    { name: 'outputFormat', description: '.NET format of the result, e.g. yyyy-MM-dd.' },
  ],
  examples: [
    {
      expression: 'FormatDateTime([extensionAttribute1], , "yyyyMMddHHmmss.fZ", "yyyy-MM-dd")',
      input: { extensionAttribute1: '20150123105347.1Z' },
      output: '2015-01-23',
    },
    {
      expression:
        'FormatDateTime("2021-08-31T18:30:00+02:00", , "yyyy-MM-ddTHH:mm:sszzz", "M/d/yyyy h:mm tt")',
      output: '8/31/2021 4:30 PM',
    },
  ],
  compile: ([source, styles, inputFormat, outputFormat], call) => {
    const read = source!.evaluate;
    const readInput = inputFormat!.evaluate;
    const readOutput = outputFormat!.evaluate;
    return (scope) => {
      const value = read(scope);
      const output = toText(readOutput(scope)) ?? '';
      if (value instanceof Date) return formatDotNetDate(value, output);
      const input = toText(readInput(scope)) ?? '';
      const white = allowsWhite(scope, call, toText(optional(styles, scope)));
      return mapText(value, (text) => {
        const date = parseDotNetDate(text, input, white);
        if (date === null)
          return fail(
            call,
            'invalid-date',
            `${show(scope, text)} does not match the input format "${input}"`,
          );
        return formatDotNetDate(date, output);
      });
    };
  },
};
