// Count, Item, RemoveDuplicates, and how multi-valued values flow through Join and Split.
import { describe, expect, it } from 'vitest';
import { compileExpression, type SourceObject } from '../index.ts';

const value = (expression: string, input: SourceObject = {}): unknown => {
  const result = compileExpression(expression).evaluateSync(input);
  if (result.kind !== 'value') throw new Error(`expected a value from ${expression}`);
  return result.value;
};

const proxyAddresses = [
  'SMTP:john@contoso.com',
  'smtp:jd@contoso.com',
  'smtp:john@contoso.com',
  'smtp:jd@contoso.com',
];

describe('multi-valued attributes', () => {
  it('Count counts values: null 0, a scalar 1, a list its length', () => {
    expect(value('Count([x])')).toBe('0');
    expect(value('Count([x])', { x: 'a' })).toBe('1');
    expect(value('Count([proxyAddresses])', { proxyAddresses })).toBe('4');
    expect(value('Count(Split("a,b,c", ","))')).toBe('3');
  });
  it('Item is 1-based and gives null outside the list (including the forbidden index 0)', () => {
    expect(value('Item([proxyAddresses], 1)', { proxyAddresses })).toBe('SMTP:john@contoso.com');
    expect(value('Item([proxyAddresses], 4)', { proxyAddresses })).toBe('smtp:jd@contoso.com');
    expect(value('Item([proxyAddresses], 5)', { proxyAddresses })).toBeNull();
    expect(value('Item([proxyAddresses], 0)', { proxyAddresses })).toBeNull();
    expect(value('Item([x], 1)', { x: 'only' })).toBe('only');
  });
  it('RemoveDuplicates keeps the first of each value, case-sensitively', () => {
    expect(value('RemoveDuplicates([proxyAddresses])', { proxyAddresses })).toEqual([
      'SMTP:john@contoso.com',
      'smtp:jd@contoso.com',
      'smtp:john@contoso.com',
    ]);
    expect(value('RemoveDuplicates([x])')).toBeNull();
    expect(value('RemoveDuplicates(Split("a,A,a", ","))')).toEqual(['a', 'A']);
  });
  it('flow through Split → RemoveDuplicates → Join', () => {
    expect(value('Join("+", RemoveDuplicates(Split([x], ";")))', { x: 'b;a;b;c' })).toBe('b+a+c');
  });
  it('read numbers, booleans and dates inside input lists as text and drop null items', () => {
    expect(value('Join(",", [x])', { x: [1, true, null, new Date(Date.UTC(2020, 2, 16, 7))] })).toBe(
      '1,True,3/16/2020 7:00:00 AM',
    );
  });
});
