import { fail, show, toText } from '../RuntimeValue.ts';
import type { FunctionDefinition } from './FunctionDefinition.ts';
import { toDate } from './toDate.ts';

// 100-ns intervals between 1601-01-01 (the Windows FILETIME epoch) and 1970-01-01.
const EPOCH_DIFFERENCE = 116_444_736_000_000_000n;
const NEVER = 9_223_372_036_854_775_807n;

/**
 * DateFromNum(value): an AD integer date (FILETIME: 100-ns intervals since 1601-01-01 UTC, as in
 * accountExpires or pwdLastSet) as a date. 0 and 9223372036854775807 mean "never" in AD and give null.
 */
export const DateFromNum: FunctionDefinition = {
  name: 'DateFromNum',
  description:
    'Converts an AD integer date (100-ns intervals since 1601, e.g. accountExpires) to a date; 0 and the maximum ("never") give null.',
  parameters: [{ name: 'value', description: 'The AD integer date.' }],
  examples: [
    { expression: 'DateFromNum(129699324000000000)', output: '1/1/2012 11:00:00 PM' },
    {
      expression: 'DateFromNum([accountExpires])',
      input: { accountExpires: '9223372036854775807' },
      output: null,
    },
  ],
  compile: ([source], call) => {
    const read = source!.evaluate;
    return (scope) => {
      const value = read(scope);
      const text = toText(value)?.trim() ?? '';
      if (text === '') return null;
      if (!/^\d{1,19}$/.test(text))
        fail(call, 'invalid-number', `value must be a non-negative integer, got ${show(scope, value)}`);
      const ticks = BigInt(text);
      if (ticks === 0n || ticks >= NEVER) return null;
      const date = new Date(Number((ticks - EPOCH_DIFFERENCE) / 10_000n));
      if (Number.isNaN(date.getTime()))
        fail(call, 'invalid-number', `value ${show(scope, value)} is outside the range of dates`);
      return date;
    };
  },
};

/**
 * NumFromDate(value): a date (ISO 8601 text or a date value) as an AD integer date (FILETIME), for
 * attributes such as accountExpires. Null gives null; dates before 1601 are `invalid-date`.
 */
export const NumFromDate: FunctionDefinition = {
  name: 'NumFromDate',
  description:
    'Converts a date (ISO 8601) to an AD integer date (100-ns intervals since 1601), e.g. for accountExpires.',
  parameters: [{ name: 'value', description: 'The date, e.g. "2012-01-01T23:00:00Z".' }],
  examples: [
    { expression: 'NumFromDate("2012-01-01T23:00:00Z")', output: '129699324000000000' },
    {
      expression:
        'NumFromDate(Join("", FormatDateTime([ContractEndDate], , "yyyy-MM-ddzzz", "yyyy-MM-dd"), "T23:59:59-08:00"))',
      input: { ContractEndDate: '2022-12-31-08:00' },
      output: '133170335990000000',
    },
  ],
  compile: ([source], call) => {
    const read = source!.evaluate;
    return (scope) => {
      const date = toDate(scope, call, 'value', read(scope));
      if (date === null) return null;
      const ticks = BigInt(date.getTime()) * 10_000n + EPOCH_DIFFERENCE;
      if (ticks < 0n) fail(call, 'invalid-date', 'dates before 1601-01-01 have no AD integer form');
      return ticks.toString();
    };
  },
};
