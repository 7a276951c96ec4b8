// PCase and NormalizeDiacritics: reference vectors and edge cases.
import { describe, expect, it } from 'vitest';
import { compileExpression, type SourceObject } from '../index.ts';

const value = (expression: string, input: SourceObject = {}): unknown => {
  const result = compileExpression(expression).evaluateSync(input);
  if (result.kind !== 'value') throw new Error(`expected a value from ${expression}`);
  return result.value;
};

describe('PCase', () => {
  it.each([
    ['PCase([firstName])', { firstName: 'PABLO GONSALVES (SECOND)' }, 'Pablo Gonsalves (Second)'],
    ['PCase([lastName]," \'-")', { lastName: "PINTO-DE'SILVA" }, "Pinto-De'Silva"],
    ['PCase(Join(" ",[firstName],[lastName]))', { firstName: 'GREGORY', lastName: 'JAMES' }, 'Gregory James'],
  ] as const)('reference vector %s → %j', (expression, input, output) => {
    expect(value(expression, input)).toBe(output);
  });

  it('splits words at punctuation and symbols but not at an apostrophe inside a word', () => {
    expect(value('PCase("o\'neil-SMITH/jones")')).toBe("O'neil-Smith/Jones");
    expect(value('PCase("don\'t stop")')).toBe("Don't Stop");
    expect(value('PCase("élodie ÉCOLE")')).toBe('Élodie École');
  });

  it('with separators splits only at those characters', () => {
    expect(value('PCase("anne-marie smith", " ")')).toBe('Anne-marie Smith');
    expect(value('PCase("anne-marie smith", "-")')).toBe('Anne-Marie smith');
  });

  it('keeps null as null', () => {
    expect(value('PCase([x])')).toBeNull();
  });
});

describe('NormalizeDiacritics', () => {
  it('reference vector: Zoë → Zoe', () => {
    expect(value('NormalizeDiacritics([givenName])', { givenName: 'Zoë' })).toBe('Zoe');
  });

  it.each([
    ['äàâãåáąă', 'aaaaaaaa'],
    ['ÄÀÂÃÅÁĄĂ', 'AAAAAAAA'],
    ['æÆ', 'aeAE'],
    ['çčćÇČĆ', 'cccCCC'],
    ['ďĎđĐ', 'dDdD'],
    ['ëèéêęěė', 'eeeeeee'],
    ['ğĞ', 'gG'],
    ['ïîìíı', 'iiiii'],
    ['İÏÎÌÍ', 'IIIII'],
    ['ľłĽŁ', 'llLL'],
    ['ñńňÑ', 'nnnN'],
    ['öòőõôó', 'oooooo'],
    ['øØœ', 'oeOEoe'],
    ['ř', 'r'],
    ['ß', 'ss'],
    ['šśșş', 'ssss'],
    ['ťț', 'tt'],
    ['üùûúůű', 'uuuuuu'],
    ['ÿý', 'yy'],
    ['žźż', 'zzz'],
  ])('maps %s to %s', (input, output) => {
    expect(value('NormalizeDiacritics([x])', { x: input })).toBe(output);
  });

  it('leaves ASCII and non-Latin letters alone and maps every value of a multi-valued source', () => {
    expect(value('NormalizeDiacritics("John O\'Neil-Smith 42")')).toBe("John O'Neil-Smith 42");
    expect(value('NormalizeDiacritics("Дмитрий")')).toBe('Дмитрий');
    expect(value('NormalizeDiacritics([x])', { x: ['Zoë', 'Jørgen'] })).toEqual(['Zoe', 'Joergen']);
  });
});
