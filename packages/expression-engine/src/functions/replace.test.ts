// Replace (all five modes, .NET regex features) and InStr: reference vectors and edge cases.
import { describe, expect, it } from 'vitest';
import { compileExpression, ExpressionError, type SourceObject } from '../index.ts';

const value = (expression: string, input: SourceObject = {}): unknown => {
  const result = compileExpression(expression).evaluateSync(input);
  if (result.kind !== 'value') throw new Error(`expected a value from ${expression}`);
  return result.value;
};

describe('Replace reference vectors', () => {
  it.each([
    [
      'Replace([BusinessTitle],"Product Developer", , , "Software Engineer", , )',
      { BusinessTitle: 'Product Developer' },
      'Software Engineer',
    ],
    [
      'Replace([UserID],"<username>", , , , , "<username>@contoso.com")',
      { UserID: 'jsmith' },
      'jsmith@contoso.com',
    ],
    [
      `Replace([telephoneNumber], , "\\\\+(?<isdCode>\\\\d* )(?<phoneNumber>\\\\d{10})", , "\${phoneNumber}", , )`,
      { telephoneNumber: '+91 9998887777' },
      '9998887777',
    ],
    // Entra's page prints "19998887777"; the pattern [()\s-]+ cannot remove the "+", so the computed value keeps it.
    ['Replace([mobile], , "[()\\\\s-]+", , "", , )', { mobile: '+1 (999) 888-7777' }, '+19998887777'],
    [
      'Replace([AddressLineData], ,"(?<streetNumber>^\\\\d*)","streetNumber", "888", , )',
      { AddressLineData: '545 Tremont Street' },
      '888 Tremont Street',
    ],
    [
      'Replace([userPrincipalName], , "(?<Suffix>@(.)*)", "Suffix", "", , )',
      { userPrincipalName: 'jsmith@contoso.com' },
      'jsmith',
    ],
    [
      'Replace([telephoneNumber], , "\\\\+(?<isdCode>\\\\d* )(?<phoneNumber>\\\\d{10})", "phoneNumber" , , [mobile], )',
      { telephoneNumber: '', mobile: '+91 8887779999' },
      '8887779999',
    ],
    ['Replace([mailNickname], , "[a-zA-Z_]*", , "", , )', { mailNickname: 'john_doe72' }, '72'],
    ['Replace([preferredLanguage], "-", , , "_", , )', { preferredLanguage: 'EN-US' }, 'EN_US'],
    ['Replace([mail], "@contoso.com", , ,"", ,)', { mail: 'john.doe@contoso.com' }, 'john.doe'],
    [
      'Join("", 1000, Replace(ConvertToUTF8Hex([objectId]), , "[a-zA-Z_]*", , "", , ))',
      { objectId: '00aa00aa-bb11-cc22-dd33-44ee44ee44ee' },
      '100030306161303061612626231312636332322646433332343465653434656534346565',
    ],
  ] as const)('%s → %j', (expression, input, output) => {
    expect(value(expression, input)).toBe(output);
  });
});

describe('Replace modes and edge cases', () => {
  it('is case-sensitive and replaces every occurrence of oldValue', () => {
    expect(value('Replace("a-A-a", "a", , , "x", , )')).toBe('x-A-x');
  });
  it('mode 4 returns the source when it has a value, and null when the fallback does not match', () => {
    const expression = 'Replace([tel], , "(?<n>\\\\d+)", "n", , [mobile], )';
    expect(value(expression, { tel: '555', mobile: 'x 123' })).toBe('555');
    expect(value(expression, { mobile: 'x 123' })).toBe('123');
    expect(value(expression, { mobile: 'none' })).toBeNull();
    expect(value(expression, {})).toBeNull();
  });
  it(`supports .NET substitutions: numbered groups, \${name}, $$, $& and unknown $ kept literally`, () => {
    expect(
      value(`Replace("John Smith", , "(\\\\w+) (?<last>\\\\w+)", , "\${last}, $1 ($$) [$&] $x", , )`),
    ).toBe('Smith, John ($) [John Smith] $x');
  });
  it('translates .NET inline options and anchors', () => {
    expect(value('Replace("ABC abc", , "(?i)abc", , "x", , )')).toBe('x x');
    expect(value('Replace("abc", , "\\\\Aa", , "", , )')).toBe('bc');
    expect(value('Replace("abc", , "c\\\\z", , "", , )')).toBe('ab');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: .NET substitution syntax, not a template
    expect(value('Replace("ab", , "(?\'first\'a)", , "${first}${first}", , )')).toBe('aab');
  });
  it('keeps a null source null, returns the source without a find argument, and maps multi-valued sources', () => {
    expect(value('Replace([x], "a", , , "b", , )')).toBeNull();
    expect(value('Replace("abc", , , , "z", , )')).toBe('abc');
    expect(value('Replace([x], "a", , , "b", , )', { x: ['a1', 'a2'] })).toEqual(['b1', 'b2']);
  });
  it('reports an invalid constant regex when compiling, with the function and the pattern', () => {
    expect(() => compileExpression('Replace([x], , "([a-", , "", , )')).toThrow(ExpressionError);
    expect(() => compileExpression('Replace([x], , "([a-", , "", , )')).toThrow(
      /Replace \(at offset 0\): regexPattern "\(\[a-" is not a valid regular expression/,
    );
  });
  it('reports an invalid computed regex when evaluating, with code invalid-regex', () => {
    const compiled = compileExpression('Replace([x], , [re], , "", , )');
    expect(() => compiled.evaluateSync({ x: 'a', re: '(' })).toThrow(
      expect.objectContaining({ code: 'invalid-regex' }),
    );
    expect(compiled.evaluateSync({ x: 'aXa', re: 'X' })).toMatchObject({ value: 'aa' });
  });
});

describe('InStr', () => {
  it.each([
    ['InStr("The quick brown fox","quick")', '5'],
    ['InStr("repEated","e",3,vbBinaryCompare)', '7'],
  ])('reference vector %s → %s', (expression, output) => {
    expect(value(expression)).toBe(output);
  });
  it('returns 0 when not found or for null text, and start for an empty needle', () => {
    expect(value('InStr("abc","z")')).toBe('0');
    expect(value('InStr([x],"z")')).toBe('0');
    expect(value('InStr("abc","", 2)')).toBe('2');
    expect(value('InStr("abc","a", 9)')).toBe('0');
  });
  it('compares case-insensitively with vbTextCompare or 1', () => {
    expect(value('InStr("repEated","e",3,vbTextCompare)')).toBe('4');
    expect(value('InStr("ABC","b", ,1)')).toBe('2');
  });
  it('rejects an unknown compare type and a start below 1', () => {
    expect(() => value('InStr("a","b",1,vbFuzzy)')).toThrow(
      /compareType must be vbBinaryCompare or vbTextCompare/,
    );
    expect(() => value('InStr("a","b",0)')).toThrow(/start must be 1 or more/);
  });
});
