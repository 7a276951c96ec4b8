// Guid, RandomString, IgnoreFlowIfNullOrEmpty, Redact, DefaultDomain.
import { describe, expect, it } from 'vitest';
import { compileExpression, type EvaluationContext, formatForLog, type SourceObject } from '../index.ts';

const value = (expression: string, input: SourceObject = {}, context?: EvaluationContext): unknown => {
  const result = compileExpression(expression).evaluateSync(input, context);
  if (result.kind !== 'value') throw new Error(`expected a value from ${expression}`);
  return result.value;
};

/** A deterministic byte source: a counter, so tests can repeat. */
const counter = (): ((size: number) => Uint8Array) => {
  let n = 0;
  const next = (): number => {
    n = (n * 73 + 41) & 0xff;
    return n;
  };
  return (size) => Uint8Array.from({ length: size }, next);
};

const classes = (text: string) => ({
  digits: (text.match(/\d/g) ?? []).length,
  upper: (text.match(/[A-Z]/g) ?? []).length,
  lower: (text.match(/[a-z]/g) ?? []).length,
  special: (text.match(/[^A-Za-z0-9]/g) ?? []).length,
});

describe('RandomString', () => {
  it('reference vector RandomString(6,3,0,0,3): 6 characters, 3 digits and 3 lower-case letters', () => {
    for (let i = 0; i < 50; i++) {
      const text = value('RandomString(6,3,0,0,3)') as string;
      expect(text).toHaveLength(6);
      // The minima add up to the length, so there is no filler: exactly 3 and 3.
      expect(classes(text)).toEqual({ digits: 3, upper: 0, lower: 3, special: 0 });
    }
  });
  it('reference vector RandomString(10,2,2,2,1,"?,"): minima met and the avoided characters absent', () => {
    for (let i = 0; i < 50; i++) {
      const text = value('RandomString(10,2,2,2,1,"?,")') as string;
      const c = classes(text);
      expect(text).toHaveLength(10);
      expect(c.digits).toBeGreaterThanOrEqual(2);
      expect(c.special).toBeGreaterThanOrEqual(2);
      expect(c.upper).toBeGreaterThanOrEqual(2);
      expect(c.lower).toBeGreaterThanOrEqual(1);
      expect(text).not.toMatch(/[?,]/);
    }
  });
  it('is repeatable with injected randomness and differs between evaluations by default', () => {
    expect(value('RandomString(12,1,1,1,1)', {}, { random: counter() })).toBe(
      value('RandomString(12,1,1,1,1)', {}, { random: counter() }),
    );
    const compiled = compileExpression('RandomString(32,0,0,0,0)');
    expect(compiled.evaluateSync({})).not.toEqual(compiled.evaluateSync({}));
  });
  it('rejects impossible requests with invalid-argument', () => {
    expect(() => value('RandomString(3,2,2,0,0)')).toThrow(
      /Length 3 is shorter than the sum of the minimums \(4\)/,
    );
    expect(() => value('RandomString(257,0,0,0,0)')).toThrow(/Length must be between 1 and 256/);
    expect(() => value('RandomString(4,1,0,0,0,"0123456789")')).toThrow(/removes every one of the digits/);
    expect(() => value('RandomString(4,-1,0,0,0)')).toThrow(/MinimumNumbers must not be negative/);
  });
});

describe('Guid', () => {
  it('produces version-4 GUIDs, new on every evaluation, from the injected randomness when given', () => {
    const compiled = compileExpression('Guid()');
    const a = compiled.evaluateSync({});
    const b = compiled.evaluateSync({});
    expect(a).toMatchObject({
      value: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
    });
    expect(a).not.toEqual(b);
    const zeros = (size: number): Uint8Array => new Uint8Array(size);
    expect(value('Guid()', {}, { random: zeros })).toBe('00000000-0000-4000-8000-000000000000');
  });
});

describe('IgnoreFlowIfNullOrEmpty', () => {
  it('passes present values and turns null or "" into "do not send"', () => {
    const compiled = compileExpression('IgnoreFlowIfNullOrEmpty([department])');
    expect(compiled.evaluateSync({ department: 'Sales' })).toEqual({
      kind: 'value',
      value: 'Sales',
      secret: false,
    });
    expect(compiled.evaluateSync({ department: '' })).toEqual({ kind: 'ignore', secret: false });
    expect(compiled.evaluateSync({})).toEqual({ kind: 'ignore', secret: false });
  });
  it('drops the whole attribute even when nested, and is not folded away for constants', () => {
    expect(compileExpression('Join(",", "a", IgnoreFlowIfNullOrEmpty([x]))').evaluateSync({})).toMatchObject({
      kind: 'ignore',
    });
    expect(compileExpression('IgnoreFlowIfNullOrEmpty("")').evaluateSync({})).toMatchObject({
      kind: 'ignore',
    });
    expect(
      compileExpression('IIF([c]="a", IgnoreFlowIfNullOrEmpty([x]), "b")').evaluateSync({ c: 'z' }),
    ).toMatchObject({ kind: 'value', value: 'b' });
  });
});

describe('Redact', () => {
  it('lets the value flow but marks the result secret so logs print [Redact]', () => {
    const result = compileExpression('Redact([passwordProfile.password])').evaluateSync({
      'passwordProfile.password': 'S3cret!',
    });
    expect(result).toEqual({ kind: 'value', value: 'S3cret!', secret: true });
    expect(formatForLog(result)).toBe('[Redact]');
  });
  it('keeps values of a Redact expression out of error messages', () => {
    const compiled = compileExpression('IIF([a]="x", Redact([p]), CDate([p]))');
    expect(compiled.secret).toBe(true);
    let message = '';
    try {
      compiled.evaluateSync({ a: 'y', p: 'hunter2' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('[Redact]');
    expect(message).not.toContain('hunter2');
  });
});

describe('DefaultDomain', () => {
  it('reads the tenant domain from the context and fails clearly without it', () => {
    expect(
      value(
        'Join("@", [mailNickname], DefaultDomain())',
        { mailNickname: 'jdoe' },
        { defaultDomain: 'contoso.com' },
      ),
    ).toBe('jdoe@contoso.com');
    expect(() => value('DefaultDomain()')).toThrow(expect.objectContaining({ code: 'missing-context' }));
  });
});
