// IIF, Switch, Coalesce, Not, CBool, the Is* predicates and comparisons.
import { describe, expect, it } from 'vitest';
import { compileExpression, type EvaluationContext, type SourceObject } from '../index.ts';

const value = (expression: string, input: SourceObject = {}, context?: EvaluationContext): unknown => {
  const result = compileExpression(expression).evaluateSync(input, context);
  if (result.kind !== 'value') throw new Error(`expected a value from ${expression}`);
  return result.value;
};

describe('reference vectors', () => {
  it('IIF([country]="USA",[country],[department])', () => {
    const expression = 'IIF([country]="USA",[country],[department])';
    expect(value(expression, { country: 'USA', department: 'Sales' })).toBe('USA');
    expect(value(expression, { country: 'NL', department: 'Sales' })).toBe('Sales');
  });
  it('Coalesce([mail],[userPrincipalName]) with mail NULL', () => {
    expect(
      value('Coalesce([mail],[userPrincipalName])', {
        mail: null,
        userPrincipalName: 'John.Doe@contoso.com',
      }),
    ).toBe('John.Doe@contoso.com');
  });
  it('Switch over states, with "" as a key, and the accountEnabled rule with DateDiff and Now', () => {
    expect(
      value(
        'Switch([state], "Australia/Sydney", "NSW", "Australia/Sydney","QLD", "Australia/Brisbane", "SA", "Australia/Adelaide")',
        { state: 'QLD' },
      ),
    ).toBe('Australia/Brisbane');
    expect(value('Switch([country],[country],"","Other")', { country: '' })).toBe('Other');
    const rule =
      'Switch([Active], , "1", IIF(DateDiff("d", Now(), CDate([StatusHireDate])) > 5, "False", "True"), "0", "False")';
    const clock = (): Date => new Date('2021-08-01T00:00:00Z');
    expect(value(rule, { Active: '1', StatusHireDate: '2021-08-20-07:00' }, { clock })).toBe('False');
    expect(value(rule, { Active: '1', StatusHireDate: '2021-08-03-07:00' }, { clock })).toBe('True');
    expect(value(rule, { Active: '0', StatusHireDate: '2021-08-03-07:00' }, { clock })).toBe('False');
    expect(value(rule, { Active: '2' }, { clock })).toBeNull();
  });
});

describe('IIF and comparisons', () => {
  it('compares numbers numerically and text ordinally, case-sensitively', () => {
    expect(value('IIF([n] > 9, "big", "small")', { n: '10' })).toBe('big');
    expect(value('IIF([s] > "9", "after", "before")', { s: 'a' })).toBe('after');
    expect(value('IIF([s] = "usa", "y", "n")', { s: 'USA' })).toBe('n');
    expect(value('IIF([s] <> "usa", "y", "n")', { s: 'USA' })).toBe('y');
    expect(value('IIF(1 <= 1, "y", "n")')).toBe('y');
    expect(value('IIF(2 >= 3, "y", "n")')).toBe('n');
    expect(value('IIF(2 < 10, "y", "n")')).toBe('y');
  });
  it('compares dates by time, not by their M/d/yyyy text', () => {
    expect(value('IIF(CDate("2021-12-01") > CDate("2021-02-01"), "later", "earlier")')).toBe('later');
    expect(
      value('IIF(CDate([a]) = CDate([b]), "same", "different")', {
        a: '2021-06-30+08:00',
        b: '2021-06-29T16:00:00Z',
      }),
    ).toBe('same');
  });
  it('treats a condition on a null or empty value as false (the documented "fails"), for every operator', () => {
    expect(value('IIF([c]="", "empty", "other")', { c: '' })).toBe('other');
    expect(value('IIF([c]<>"USA", "not USA", "other")')).toBe('other');
  });
  it('accepts a "True"/"False" condition and evaluates only the chosen branch', () => {
    expect(value('IIF(IsPresent([c]), "yes", "no")', { c: 'x' })).toBe('yes');
    expect(value('IIF([flag], "yes", CDate("not a date"))', { flag: true })).toBe('yes');
  });
  it('yields "True"/"False" for a bare comparison', () => {
    expect(value('[a] = [b]', { a: 'x', b: 'x' })).toBe('True');
    expect(value('CBool([a] = [b])', { a: 'x', b: 'y' })).toBe('False');
  });
});

describe('Switch', () => {
  it('lets a null source match the "" key, takes the first matching key, and omits the default as null', () => {
    expect(value('Switch([c], "default", "", "absent")')).toBe('absent');
    expect(value('Switch("a", , "a", "first", "a", "second")')).toBe('first');
    expect(value('Switch("z", , "a", "1")')).toBeNull();
  });
  it('maps the IsSoftDeleted default mapping to active', () => {
    const expression = 'Switch([IsSoftDeleted], , "False", "True", "True", "False")';
    expect(value(expression, { IsSoftDeleted: false })).toBe('True');
    expect(value(expression, { IsSoftDeleted: 'True' })).toBe('False');
  });
  it('works with computed keys', () => {
    expect(value('Switch([c], "none", [k1], "one", [k2], "two")', { c: 'b', k1: 'a', k2: 'b' })).toBe('two');
  });
});

describe('Coalesce', () => {
  it('skips null and empty values and falls back to the last argument as it is', () => {
    expect(value('Coalesce([a], [b], "fallback")', { a: '', b: null })).toBe('fallback');
    expect(value('Coalesce([a], "")')).toBe('');
    expect(value('Coalesce([a], [b])')).toBeNull();
    expect(value('Coalesce([a])', { a: ['x', 'y'] })).toEqual(['x', 'y']);
  });
});

describe('Not, CBool and the predicates', () => {
  it('Not flips "True" and turns everything else into "True"', () => {
    expect(value('Not("True")')).toBe('False');
    expect(value('Not("true")')).toBe('False');
    expect(value('Not("False")')).toBe('True');
    expect(value('Not([x])')).toBe('True');
    expect(value('Not("yes")')).toBe('True');
  });
  it('CBool reads numbers and booleans and refuses other text', () => {
    expect(value('CBool("2")')).toBe('True');
    expect(value('CBool("-1")')).toBe('True');
    expect(value('CBool("0")')).toBe('False');
    expect(value('CBool("FALSE")')).toBe('False');
    expect(value('CBool([x])')).toBe('False');
    expect(() => value('CBool("maybe")')).toThrow(
      /CBool \(at offset 0\): "maybe" is neither a number nor "True"\/"False"/,
    );
  });
  it.each([
    ['IsNull', {}, 'True'],
    ['IsNull', { x: '' }, 'False'],
    ['IsNothing', {}, 'True'],
    ['IsNullOrEmpty', { x: '' }, 'True'],
    ['IsNullOrEmpty', { x: [] }, 'True'],
    ['IsNullOrEmpty', { x: 'a' }, 'False'],
    ['IsPresent', { x: 'a' }, 'True'],
    ['IsPresent', { x: '' }, 'False'],
    ['IsPresent', {}, 'False'],
    ['IsString', { x: 'a' }, 'True'],
    ['IsString', { x: 42 }, 'True'],
    ['IsString', {}, 'False'],
    ['IsString', { x: ['a', 'b'] }, 'False'],
  ] as const)('%s([x]) with %j → %s', (name, input, output) => {
    expect(value(`${name}([x])`, input)).toBe(output);
  });
});
