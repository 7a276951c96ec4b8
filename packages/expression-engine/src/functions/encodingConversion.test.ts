// ConvertToBase64, ConvertToUTF8Hex, CStr and BitAnd.
import { describe, expect, it } from 'vitest';
import { compileExpression, type SourceObject } from '../index.ts';

const value = (expression: string, input: SourceObject = {}): unknown => {
  const result = compileExpression(expression).evaluateSync(input);
  if (result.kind !== 'value') throw new Error(`expected a value from ${expression}`);
  return result.value;
};

describe('encodings', () => {
  it('reference vectors: Base64 of UTF-16LE and upper-case UTF-8 hex of "Hello world!"', () => {
    expect(value('ConvertToBase64("Hello world!")')).toBe('SABlAGwAbABvACAAdwBvAHIAbABkACEA');
    expect(value('ConvertToUTF8Hex("Hello world!")')).toBe('48656C6C6F20776F726C6421');
  });
  it('encode non-ASCII text as UTF-16LE and multi-byte UTF-8, and keep null null', () => {
    expect(value('ConvertToBase64("é")')).toBe('6QA=');
    expect(value('ConvertToUTF8Hex("é€")')).toBe('C3A9E282AC');
    expect(value('ConvertToBase64("")')).toBe('');
    expect(value('ConvertToUTF8Hex([x])')).toBeNull();
  });
});

describe('CStr', () => {
  it('turns numbers, booleans and dates into text and keeps null null', () => {
    expect(value('CStr([dn])', { dn: 'cn=Joe,dc=contoso,dc=com' })).toBe('cn=Joe,dc=contoso,dc=com');
    expect(value('CStr([n])', { n: 42 })).toBe('42');
    expect(value('CStr([b])', { b: false })).toBe('False');
    expect(value('CStr(CDate("2020-03-16-07:00"))')).toBe('3/16/2020 7:00:00 AM');
    expect(value('CStr([x])')).toBeNull();
  });
});

describe('BitAnd', () => {
  it('reference vector: BitAnd(&HF, &HF7) = 7', () => {
    expect(value('BitAnd(&HF, &HF7)')).toBe('7');
  });
  it('tests AD userAccountControl flags, handles 64-bit values and null', () => {
    expect(value('BitAnd([uac], 2)', { uac: '514' })).toBe('2');
    expect(value('BitAnd([uac], 2)', { uac: 512 })).toBe('0');
    expect(value('BitAnd(9223372036854775807, &HFF)')).toBe('255');
    expect(value('BitAnd([x], 2)')).toBeNull();
  });
  it('rejects non-integers, naming the parameter', () => {
    expect(() => value('BitAnd("1.5", 1)')).toThrow(
      /BitAnd \(at offset 0\): value1 must be an integer, got "1.5"/,
    );
  });
});
