import { describe, expect, it } from 'vitest';
import {
  compileExpression,
  ExpressionError,
  ExpressionSyntaxError,
  ExpressionValidationError,
  formatForLog,
  parseExpression,
} from './index.ts';

describe('compileExpression', () => {
  it('compiles text or an AST and evaluates the seed DN expression', () => {
    const source = 'Join("", "CN=", Word([userPrincipalName], 1, "@"), ",DC=Contoso,DC=lab")';
    for (const input of [source, parseExpression(source)]) {
      const compiled = compileExpression(input);
      expect(compiled.evaluateSync({ userPrincipalName: 'bsimon@contoso.com' })).toEqual({
        kind: 'value',
        value: 'CN=bsimon,DC=Contoso,DC=lab',
        secret: false,
      });
      expect(compiled.attributes).toEqual(['userPrincipalName']);
      expect(compiled.async).toBe(false);
    }
  });

  it('lets callers destructure evaluate and evaluateSync', async () => {
    const { evaluate, evaluateSync } = compileExpression('ToUpper([a])');
    expect(evaluateSync({ a: 'x' })).toMatchObject({ value: 'X' });
    expect(await evaluate({ a: 'y' })).toMatchObject({ value: 'Y' });
  });

  it('throws syntax errors for bad text and validation errors listing every issue', () => {
    expect(() => compileExpression('Join(')).toThrow(ExpressionSyntaxError);
    let error: unknown;
    try {
      compileExpression('Jion(",", [a])\n & ToLower()', {});
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExpressionSyntaxError);
    try {
      compileExpression('Jion(",", ToLower())');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExpressionValidationError);
    expect((error as ExpressionValidationError).issues.map((i) => i.code)).toEqual([
      'unknown-function',
      'arity',
    ]);
    expect((error as ExpressionValidationError).code).toBe('invalid-expression');
  });

  it('checks attributes when given a list', () => {
    expect(() => compileExpression('[mial]', { attributes: ['mail'] })).toThrow(
      /Unknown attribute \[mial\]; did you mean \[mail\]\?/,
    );
    expect(compileExpression('[MAIL]', { attributes: ['mail'] }).evaluateSync({ mail: 'a' })).toMatchObject({
      value: 'a',
    });
  });
});

describe('value model', () => {
  const identity = compileExpression('[x]');
  it.each([
    [undefined, null],
    [null, null],
    ['', ''],
    ['text', 'text'],
    [42, '42'],
    [true, 'True'],
    [false, 'False'],
    [new Date(Date.UTC(2020, 2, 16, 7)), '3/16/2020 7:00:00 AM'],
    [new Date(Number.NaN), null],
    [[], null],
    [
      ['a', 'b'],
      ['a', 'b'],
    ],
  ] as const)('reads %j as %j', (input, output) => {
    expect(identity.evaluateSync({ x: input as never })).toEqual({
      kind: 'value',
      value: output,
      secret: false,
    });
  });

  it('reads bigint values as decimal text', () => {
    expect(identity.evaluateSync({ x: 12345678901234567890n })).toMatchObject({
      value: '12345678901234567890',
    });
  });

  it('keeps null (absent) and "" apart for IsNull, Coalesce and Switch', () => {
    const probe = compileExpression(
      'Join("|", IsNull([x]), Coalesce([x], "default"), Switch([x], "other", "", "empty-key"))',
    );
    expect(probe.evaluateSync({})).toMatchObject({ value: 'True|default|empty-key' });
    expect(probe.evaluateSync({ x: '' })).toMatchObject({ value: 'False|default|empty-key' });
    expect(probe.evaluateSync({ x: 'v' })).toMatchObject({ value: 'False|v|other' });
  });

  it('finds attributes case-insensitively and never reads inherited object properties', () => {
    expect(compileExpression('[userprincipalname]').evaluateSync({ userPrincipalName: 'a@b' })).toMatchObject(
      { value: 'a@b' },
    );
    expect(compileExpression('[constructor]').evaluateSync({})).toMatchObject({ value: null });
    expect(compileExpression('[toString]').evaluateSync({})).toMatchObject({ value: null });
    expect(compileExpression('[__proto__]').evaluateSync({})).toMatchObject({ value: null });
  });

  it('treats numbers and enum words as text constants', () => {
    expect(compileExpression('Join("", 1000, -5, 1.5, &HFF, vbTextCompare)').evaluateSync({})).toMatchObject({
      value: '1000-51.5255vbTextCompare',
    });
  });
});

describe('evaluation errors', () => {
  it('are always ExpressionError, with code and offset of the failing call', () => {
    const compiled = compileExpression('Join(",", [a], CDate([b]))');
    let error: unknown;
    try {
      compiled.evaluateSync({ a: 'x', b: 'not a date' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExpressionError);
    expect(error).toMatchObject({
      code: 'invalid-date',
      message: expect.stringContaining('CDate (at offset 15)'),
    });
  });

  it('wrap foreign exceptions from injected services with their cause', () => {
    const cause = new Error('clock broke');
    const compiled = compileExpression('Now()');
    expect(() =>
      compiled.evaluateSync(
        {},
        {
          clock: () => {
            throw cause;
          },
        },
      ),
    ).toThrow(expect.objectContaining({ code: 'evaluation-failed', cause }));
  });

  it('reject a source that is not an object', () => {
    expect(() => compileExpression('[a]').evaluateSync(null as never)).toThrow(
      /The source must be an object of attribute values, got null/,
    );
  });

  it('report a failing constant sub-expression only when its branch runs', () => {
    const compiled = compileExpression('IIF([a]="x", "ok", CDate("nope"))');
    expect(compiled.evaluateSync({ a: 'x' })).toMatchObject({ value: 'ok' });
    expect(() => compiled.evaluateSync({ a: 'y' })).toThrow(
      expect.objectContaining({ code: 'invalid-date' }),
    );
  });
});

describe('formatForLog', () => {
  it('prints values as JSON, "not sent" for ignore results and [Redact] for secrets', () => {
    expect(formatForLog({ kind: 'value', value: 'a"b', secret: false })).toBe('"a\\"b"');
    expect(formatForLog({ kind: 'value', value: null, secret: false })).toBe('null');
    expect(formatForLog({ kind: 'value', value: ['a', 'b'], secret: false })).toBe('["a","b"]');
    expect(formatForLog({ kind: 'ignore', secret: false })).toBe('(not sent: IgnoreFlowIfNullOrEmpty)');
    expect(formatForLog({ kind: 'ignore', secret: true })).toBe('[Redact]');
    expect(formatForLog(compileExpression('Join("", "pw:", Redact([p]))').evaluateSync({ p: 'x' }))).toBe(
      '[Redact]',
    );
    expect(formatForLog({ kind: 'value', value: 'x'.repeat(1000), secret: false })).toHaveLength(501);
  });
});
