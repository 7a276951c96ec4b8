// CDate, DateAdd, DateDiff, DateFromNum, NumFromDate, FormatDateTime and Now: reference vectors and edges.
import { describe, expect, it } from 'vitest';
import { compileExpression, type EvaluationContext, type SourceObject } from '../index.ts';

const value = (expression: string, input: SourceObject = {}, context?: EvaluationContext): unknown => {
  const result = compileExpression(expression).evaluateSync(input, context);
  if (result.kind !== 'value') throw new Error(`expected a value from ${expression}`);
  return result.value;
};

const hire = { StatusHireDate: '2012-03-16-07:00' };

describe('CDate', () => {
  it.each([
    ['CDate([StatusHireDate])', { StatusHireDate: '2020-03-16-07:00' }, '3/16/2020 7:00:00 AM'],
    ['CDate("2021-06-30+08:00")', {}, '6/29/2021 4:00:00 PM'],
    ['CDate("2009-06-15T01:45:30-07:00")', {}, '6/15/2009 8:45:30 AM'],
  ] as const)('reference vector %s → %s', (expression, input, output) => {
    expect(value(expression, input)).toBe(output);
  });
  it('reads UTC, Entra renderings, generalized time and Date inputs', () => {
    expect(value('CDate("2021-08-25")')).toBe('8/25/2021 12:00:00 AM');
    expect(value('CDate("2021-08-25T17:41:18.123Z")')).toBe('8/25/2021 5:41:18 PM');
    expect(value('CDate("8/25/2021 5:41:18 PM")')).toBe('8/25/2021 5:41:18 PM');
    expect(value('CDate("8/25/2021 12:05:00 AM")')).toBe('8/25/2021 12:05:00 AM');
    expect(value('CDate("20150123105347.1Z")')).toBe('1/23/2015 10:53:47 AM');
    expect(value('CDate([d])', { d: new Date(Date.UTC(2020, 0, 2, 13)) })).toBe('1/2/2020 1:00:00 PM');
    expect(value('CDate([d])')).toBeNull();
  });
  it('rejects impossible or unknown dates with invalid-date, naming the value and the accepted forms', () => {
    for (const bad of [
      '2021-02-30',
      '2021-13-01',
      'tomorrow',
      '13/1/2021 1:00:00 PM',
      '8/25/2021 13:00:00 PM',
    ]) {
      expect(() => value(`CDate("${bad}")`), bad).toThrow(expect.objectContaining({ code: 'invalid-date' }));
    }
    expect(() => value('CDate("tomorrow")')).toThrow(
      /CDate \(at offset 0\): expression "tomorrow" is not a date; use ISO 8601/,
    );
  });
});

describe('DateAdd', () => {
  it.each([
    ['d', 7, '3/23/2012 7:00:00 AM'],
    ['d', -10, '3/6/2012 7:00:00 AM'],
    ['ww', 2, '3/30/2012 7:00:00 AM'],
    ['m', 10, '1/16/2013 7:00:00 AM'],
    ['yyyy', 2, '3/16/2014 7:00:00 AM'],
  ] as const)('reference vector DateAdd("%s", %d, CDate([StatusHireDate])) → %s', (interval, n, output) => {
    expect(value(`DateAdd("${interval}", ${n}, CDate([StatusHireDate]))`, hire)).toBe(output);
  });
  it('clamps to the end of shorter months, handles quarters, hours, minutes and seconds, and reads text dates', () => {
    expect(value('DateAdd("m", 1, "2021-01-31")')).toBe('2/28/2021 12:00:00 AM');
    expect(value('DateAdd("yyyy", 1, "2020-02-29")')).toBe('2/28/2021 12:00:00 AM');
    expect(value('DateAdd("q", -1, "2021-05-31")')).toBe('2/28/2021 12:00:00 AM');
    expect(value('DateAdd("h", 25, "2021-01-01T00:00:00Z")')).toBe('1/2/2021 1:00:00 AM');
    expect(value('DateAdd("n", -1, "2021-01-01T00:00:00Z")')).toBe('12/31/2020 11:59:00 PM');
    expect(value('DateAdd("s", 30, "2021-01-01T00:00:00Z")')).toBe('1/1/2021 12:00:30 AM');
    expect(value('DateAdd("d", 1, [x])')).toBeNull();
  });
  it('rejects unknown intervals and non-numeric amounts', () => {
    expect(() => value('DateAdd("days", 1, "2021-01-01")')).toThrow(
      /interval must be one of yyyy, q, m, y, d, w, ww, h, n, s, got "days"/,
    );
    expect(() => value('DateAdd("d", "x", "2021-01-01")')).toThrow(
      expect.objectContaining({ code: 'invalid-number' }),
    );
  });
});

describe('DateDiff', () => {
  it('reference vector: 2021-08-18+08:00 → 2021-08-31+08:00 is 13 days, and 0 for the same date', () => {
    expect(value('DateDiff("d", CDate("2021-08-18+08:00"), CDate("2021-08-31+08:00"))')).toBe('13');
    expect(value('DateDiff("d", CDate("2021-08-31+08:00"), CDate("2021-08-31+08:00"))')).toBe('0');
  });
  it.each([
    ['d', '-3449'],
    ['ww', '-493'],
    ['m', '-113'],
    ['yyyy', '-9'],
  ])(
    'reference vector (VB semantics) %s from 8/25/2021 5:41:18 PM to 2012-03-16-07:00 → %s',
    (interval, output) => {
      expect(value(`DateDiff("${interval}", "8/25/2021 5:41:18 PM", CDate([StatusHireDate]))`, hire)).toBe(
        output,
      );
    },
  );
  it.each([
    ['h', '24'],
    ['n', '1440'],
    ['s', '86400'],
  ])('reference vector %s from 2021-08-24 to 2021-08-25 → %s', (interval, output) => {
    expect(value(`DateDiff("${interval}", "2021-08-24", "2021-08-25")`)).toBe(output);
  });
  it('counts calendar boundaries for years, quarters and months, and truncates elapsed units', () => {
    expect(value('DateDiff("yyyy", "2021-12-31T23:59:59Z", "2022-01-01")')).toBe('1');
    expect(value('DateDiff("q", "2021-03-31", "2021-04-01")')).toBe('1');
    expect(value('DateDiff("m", "2021-01-31", "2021-02-01")')).toBe('1');
    expect(value('DateDiff("d", "2021-01-01T12:00:00Z", "2021-01-02T11:59:59Z")')).toBe('0');
    expect(value('DateDiff("w", "2021-01-01", "2021-01-15")')).toBe('2');
    expect(value('DateDiff("d", [a], "2021-01-15")')).toBeNull();
  });
});

describe('DateFromNum and NumFromDate (AD integer dates)', () => {
  it('reference vector: DateFromNum(129699324000000000) is 1 Jan 2012 11:00 PM', () => {
    expect(value('DateFromNum(129699324000000000)')).toBe('1/1/2012 11:00:00 PM');
  });
  it('round-trips through NumFromDate and treats 0 and the maximum as "never" (null)', () => {
    expect(value('NumFromDate("2012-01-01T23:00:00Z")')).toBe('129699324000000000');
    expect(value('NumFromDate(DateFromNum(129699324000000000))')).toBe('129699324000000000');
    expect(value('NumFromDate("2012-01-02T07:00:00+08:00")')).toBe('129699324000000000');
    expect(value('DateFromNum(0)')).toBeNull();
    expect(value('DateFromNum(9223372036854775807)')).toBeNull();
    expect(value('DateFromNum([x])')).toBeNull();
  });
  it('rejects non-integers and dates before 1601', () => {
    expect(() => value('DateFromNum("12abc")')).toThrow(expect.objectContaining({ code: 'invalid-number' }));
    expect(() => value('NumFromDate("1500-01-01")')).toThrow(
      /dates before 1601-01-01 have no AD integer form/,
    );
  });
});

describe('FormatDateTime', () => {
  it('reference vector: "20150123105347.1Z" with yyyyMMddHHmmss.fZ → yyyy-MM-dd', () => {
    expect(
      value('FormatDateTime([extensionAttribute1], , "yyyyMMddHHmmss.fZ", "yyyy-MM-dd")', {
        extensionAttribute1: '20150123105347.1Z',
      }),
    ).toBe('2015-01-23');
  });
  it('converts offsets to UTC and writes .NET custom and standard formats (invariant culture)', () => {
    expect(
      value('FormatDateTime("2021-08-31T18:30:00+02:00", , "yyyy-MM-ddTHH:mm:sszzz", "M/d/yyyy h:mm tt")'),
    ).toBe('8/31/2021 4:30 PM');
    expect(value('FormatDateTime("31.08.2021", , "dd.MM.yyyy", "dddd, MMMM d, yyyy")')).toBe(
      'Tuesday, August 31, 2021',
    );
    expect(value('FormatDateTime("Aug 31 21", , "MMM dd yy", "o")')).toBe('2021-08-31T00:00:00.0000000Z');
    expect(value('FormatDateTime("2021-08-31 07:05:09", , "yyyy-MM-dd HH:mm:ss", "s")')).toBe(
      '2021-08-31T07:05:09',
    );
    expect(value('FormatDateTime("2021-08-31", , "yyyy-MM-dd", "yyyyMMddHHmmss\'.0Z\'")')).toBe(
      '20210831000000.0Z',
    );
    expect(value('FormatDateTime(CDate("2021-08-31"), , "ignored", "yyyy/MM/dd")')).toBe('2021/08/31');
  });
  it.each([
    ['u', '2021-08-31 07:05:09Z'],
    ['r', 'Tue, 31 Aug 2021 07:05:09 GMT'],
    ['yyyyMMddHHmmss\\Z', '20210831070509Z'],
    ['%d', '31'],
    ['h:mm t', '7:05 A'],
    ['hh:mm:ss.FFF tt', '07:05:09 AM'],
    ['yy-M-d H:m:s zzz', '21-8-31 7:5:9 +00:00'],
    ['ddd MMM', 'Tue Aug'],
  ])('writes the .NET format %s as %s', (format, output) => {
    expect(value(`FormatDateTime("2021-08-31T07:05:09Z", , "yyyy-MM-ddTHH:mm:ssK", "${format}")`)).toBe(
      output,
    );
  });
  it('trims surrounding white space by default but not when styles say None', () => {
    expect(value('FormatDateTime(" 2021-08-31 ", , "yyyy-MM-dd", "d")')).toBe('08/31/2021');
    expect(() => value('FormatDateTime(" 2021-08-31 ", "None", "yyyy-MM-dd", "d")')).toThrow(
      expect.objectContaining({ code: 'invalid-date' }),
    );
    expect(
      value('FormatDateTime(" 2021-08-31", "AllowLeadingWhite, AdjustToUniversal", "yyyy-MM-dd", "d")'),
    ).toBe('08/31/2021');
  });
  it('rejects text that does not match the input format and unknown styles', () => {
    expect(() => value('FormatDateTime("2021/08/31", , "yyyy-MM-dd", "d")')).toThrow(
      /"2021\/08\/31" does not match the input format "yyyy-MM-dd"/,
    );
    expect(() => value('FormatDateTime("2021-08-31", "Sloppy", "yyyy-MM-dd", "d")')).toThrow(
      /dateTimeStyles "Sloppy" is not a .NET DateTimeStyles name/,
    );
    expect(value('FormatDateTime([x], , "yyyy-MM-dd", "d")')).toBeNull();
  });
});

describe('Now', () => {
  it('reads the injected clock and renders M/d/yyyy h:mm:ss tt in UTC', () => {
    const clock = (): Date => new Date('2021-07-02T15:33:38Z');
    expect(value('Now()', {}, { clock })).toBe('7/2/2021 3:33:38 PM');
  });
  it('is re-evaluated on every call, never folded at compile time', () => {
    const compiled = compileExpression('Now()');
    let t = Date.UTC(2021, 0, 1);
    const clock = (): Date => {
      t += 1000;
      return new Date(t);
    };
    expect(compiled.evaluateSync({}, { clock })).toMatchObject({ value: '1/1/2021 12:00:01 AM' });
    expect(compiled.evaluateSync({}, { clock })).toMatchObject({ value: '1/1/2021 12:00:02 AM' });
  });
  it('uses the system clock by default', () => {
    const before = Date.now();
    const result = compileExpression('DateDiff("s", Now(), [t])').evaluateSync({ t: new Date(before) });
    expect(Math.abs(Number(result.kind === 'value' ? result.value : Number.NaN))).toBeLessThan(5);
  });
});
