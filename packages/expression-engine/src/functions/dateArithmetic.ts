import type { CallExpression } from '../ast.ts';
import { type Scope, fail, show, toText } from '../RuntimeValue.ts';
import type { FunctionDefinition } from './FunctionDefinition.ts';
import { toDate } from './toDate.ts';

const DAY = 86_400_000;
const INTERVALS = 'yyyy, q, m, y, d, w, ww, h, n, s';

function interval(scope: Scope, call: CallExpression, value: ReturnType<typeof toText>): string {
  const name = value ?? '';
  if (!['yyyy', 'q', 'm', 'y', 'd', 'w', 'ww', 'h', 'n', 's'].includes(name)) {
    fail(call, 'invalid-argument', `interval must be one of ${INTERVALS}, got ${show(scope, name)}`);
  }
  return name;
}

/** Adds months as .NET's AddMonths does: the day is clamped to the end of a shorter month. */
function addMonths(date: Date, months: number): Date {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const result = new Date(date.getTime());
  result.setUTCFullYear(year, month, Math.min(date.getUTCDate(), lastDay));
  return result;
}

/**
 * DateAdd(interval, value, dateTime): dateTime moved by value intervals (negative moves back). Intervals:
 * yyyy years, q quarters, m months (day clamped to month end), y/d/w days, ww weeks, h hours, n minutes,
 * s seconds. dateTime may be text (parsed like CDate) or a date; null gives null.
 */
export const DateAdd: FunctionDefinition = {
  name: 'DateAdd',
  description: `Adds value intervals (${INTERVALS}) to dateTime; value may be negative. Returns a date (M/d/yyyy h:mm:ss tt).`,
  parameters: [
    { name: 'interval', description: `One of ${INTERVALS}.` },
    { name: 'value', description: 'How many intervals to add; negative subtracts.' },
    { name: 'dateTime', description: 'The date, e.g. CDate([StatusHireDate]).' },
  ],
  examples: [
    {
      expression: 'DateAdd("d", 7, CDate([StatusHireDate]))',
      input: { StatusHireDate: '2012-03-16-07:00' },
      output: '3/23/2012 7:00:00 AM',
    },
    {
      expression: 'DateAdd("m", 10, CDate([StatusHireDate]))',
      input: { StatusHireDate: '2012-03-16-07:00' },
      output: '1/16/2013 7:00:00 AM',
    },
  ],
  compile: ([unit, amount, date], call) => {
    const readUnit = unit!.evaluate;
    const readAmount = amount!.evaluate;
    const readDate = date!.evaluate;
    return (scope) => {
      const name = interval(scope, call, toText(readUnit(scope)));
      const raw = readAmount(scope);
      const n = Number(toText(raw)?.trim() || Number.NaN);
      if (!Number.isFinite(n))
        fail(call, 'invalid-number', `value must be a number, got ${show(scope, raw)}`);
      const start = toDate(scope, call, 'dateTime', readDate(scope));
      if (start === null) return null;
      const whole = Math.trunc(n);
      const t = start.getTime();
      const result =
        name === 'yyyy'
          ? addMonths(start, whole * 12)
          : name === 'q'
            ? addMonths(start, whole * 3)
            : name === 'm'
              ? addMonths(start, whole)
              : new Date(
                  t +
                    n *
                      { y: DAY, d: DAY, w: DAY, ww: 7 * DAY, h: 3_600_000, n: 60_000, s: 1000 }[name as 'd'],
                );
      if (Number.isNaN(result.getTime()))
        fail(call, 'invalid-date', 'the result is outside the range of dates');
      return result;
    };
  },
};

/**
 * DateDiff(interval, date1, date2): date2 − date1 in whole intervals, positive when date2 is later, with
 * VB.NET's DateDiff semantics: yyyy/q/m count calendar boundaries (8/25/2021 → 3/16/2012 is −9 years,
 * −113 months), ww counts Sunday-started calendar weeks, and d/y/w/h/n/s count elapsed time truncated
 * toward zero. Returns the number as text; null when a date is null.
 */
export const DateDiff: FunctionDefinition = {
  name: 'DateDiff',
  description: `Returns date2 − date1 in whole intervals (${INTERVALS}); positive when date2 is later.`,
  parameters: [
    { name: 'interval', description: `One of ${INTERVALS}.` },
    { name: 'date1', description: 'The start date.' },
    { name: 'date2', description: 'The end date.' },
  ],
  examples: [
    { expression: 'DateDiff("d", CDate("2021-08-18+08:00"), CDate("2021-08-31+08:00"))', output: '13' },
    {
      expression: 'DateDiff("yyyy", "8/25/2021 5:41:18 PM", CDate([StatusHireDate]))',
      input: { StatusHireDate: '2012-03-16-07:00' },
      output: '-9',
    },
    { expression: 'DateDiff("h", "2021-08-24", "2021-08-25")', output: '24' },
  ],
  compile: ([unit, first, second], call) => {
    const readUnit = unit!.evaluate;
    const readFirst = first!.evaluate;
    const readSecond = second!.evaluate;
    return (scope) => {
      const name = interval(scope, call, toText(readUnit(scope)));
      const a = toDate(scope, call, 'date1', readFirst(scope));
      const b = toDate(scope, call, 'date2', readSecond(scope));
      if (a === null || b === null) return null;
      return String(diff(name, a, b) || 0);
    };
  },
};

function diff(name: string, a: Date, b: Date): number {
  const elapsed = b.getTime() - a.getTime();
  const months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
  switch (name) {
    case 'yyyy':
      return b.getUTCFullYear() - a.getUTCFullYear();
    case 'q':
      return (
        (b.getUTCFullYear() - a.getUTCFullYear()) * 4 +
        (Math.floor(b.getUTCMonth() / 3) - Math.floor(a.getUTCMonth() / 3))
      );
    case 'm':
      return months;
    case 'ww': {
      const weekStart = (d: Date): number => Math.floor(d.getTime() / DAY) - d.getUTCDay();
      return (weekStart(b) - weekStart(a)) / 7;
    }
    case 'w':
      return Math.trunc(elapsed / (7 * DAY));
    case 'h':
      return Math.trunc(elapsed / 3_600_000);
    case 'n':
      return Math.trunc(elapsed / 60_000);
    case 's':
      return Math.trunc(elapsed / 1000);
    default:
      return Math.trunc(elapsed / DAY);
  }
}
