// Text functions: Append/Prepend, Join, Split, Word, Left/Mid, StripSpaces, ToLower/ToUpper — reference
// vectors from entra-ecma-facts.md §6.3 first, then edge cases.
import { describe, expect, it } from 'vitest';
import { compileExpression, type SourceObject } from '../index.ts';

const value = (expression: string, input: SourceObject = {}): unknown => {
  const result = compileExpression(expression).evaluateSync(input);
  if (result.kind !== 'value') throw new Error(`expected a value from ${expression}`);
  return result.value;
};

describe('reference vectors', () => {
  it.each([
    [
      'Append([userPrincipalName], ".test")',
      { userPrincipalName: 'John.Doe@contoso.com' },
      'John.Doe@contoso.com.test',
    ],
    ['Append(Mid([givenName], 1, 3), Mid([surname], 1, 5))', { givenName: 'John', surname: 'Doe' }, 'JohDoe'],
    ['Join(", ", "", [surname], [givenName])', { surname: 'Doe', givenName: 'John' }, 'Doe, John'],
    [
      'Join("", "CN=", Word([userPrincipalName], 1, "@"), ",DC=Contoso,DC=lab")',
      { userPrincipalName: 'bsimon@contoso.com' },
      'CN=bsimon,DC=Contoso,DC=lab',
    ],
    ['ToLower(Word([userPrincipalName], 1, "@"), )', { userPrincipalName: 'BSimon@contoso.com' }, 'bsimon'],
    [
      'Join("/", "/home", ToLower(Word([userPrincipalName], 1, "@"), ))',
      { userPrincipalName: 'BSimon@contoso.com' },
      '/home/bsimon',
    ],
    [
      'Split("inetOrgPerson,posixAccount,shadowAccount",",")',
      {},
      ['inetOrgPerson', 'posixAccount', 'shadowAccount'],
    ],
    [
      'Split([extensionAttribute5], ",")',
      { extensionAttribute5: 'PermissionSetOne, PermissionSetTwo' },
      ['PermissionSetOne', 'PermissionSetTwo'],
    ],
    ['Word("The quick brown fox",3," ")', {}, 'brown'],
    ['Word("This,string!has&many separators",3,",!&#")', {}, 'has'],
    ['Left("John Doe", 3)', {}, 'Joh'],
    [
      'ToLower(Join("@", NormalizeDiacritics(StripSpaces(Join(".",[PreferredFirstName],[PreferredLastName]))), "contoso.com"))',
      { PreferredFirstName: 'John', PreferredLastName: 'Smith' },
      'john.smith@contoso.com',
    ],
  ] as const)('%s → %j', (expression, input, output) => {
    expect(value(expression, input)).toEqual(output);
  });
});

describe('Append and Prepend', () => {
  it('treat a null source as "" and leave the value alone for a null suffix', () => {
    expect(value('Append([mail], ".test")')).toBe('.test');
    expect(value('Append([mail], [nothing])', { mail: 'a' })).toBe('a');
    expect(value('Prepend("x-", [mail])')).toBe('x-');
  });
  it('work value by value on multi-valued sources', () => {
    expect(value('Append([p], "!")', { p: ['a', 'b'] })).toEqual(['a!', 'b!']);
    expect(value('Prepend("smtp:", [p])', { p: ['a', 'b'] })).toEqual(['smtp:a', 'smtp:b']);
  });
});

describe('Join', () => {
  it('spreads multi-valued sources and skips null and empty values', () => {
    expect(value('Join(";", [a], [b], "c")', { a: ['1', '', '2'], b: null })).toBe('1;2;c');
  });
  it('returns null only when every source is null, and "" when all are empty', () => {
    expect(value('Join(",", [a], [b])')).toBeNull();
    expect(value('Join(",", [a], [b])', { a: '' })).toBe('');
  });
  it('accepts a computed separator and numbers', () => {
    expect(value('Join([sep], 1000, -5)', { sep: '|' })).toBe('1000|-5');
  });
});

describe('Split', () => {
  it('matches the delimiter as a whole string and defaults to ","', () => {
    expect(value('Split("a::b:c", "::")')).toEqual(['a', 'b:c']);
    expect(value('Split("a,b")')).toEqual(['a', 'b']);
  });
  it('keeps empty parts, splits each value of a multi-valued source, and gives null for null', () => {
    expect(value('Split("a,,b", ",")')).toEqual(['a', '', 'b']);
    expect(value('Split([x], ",")', { x: ['a,b', 'c'] })).toEqual(['a', 'b', 'c']);
    expect(value('Split([x], ",")')).toBeNull();
  });
});

describe('Word', () => {
  it('gives "" for null, word numbers below 1 and missing words', () => {
    expect(value('Word([x], 1, " ")')).toBe('');
    expect(value('Word("a b", 0, " ")')).toBe('');
    expect(value('Word("a b", -1, " ")')).toBe('');
    expect(value('Word("a b", 3, " ")')).toBe('');
    expect(value('Word("", 1, " ")')).toBe('');
  });
  it('does not count empty words between repeated delimiters', () => {
    expect(value('Word("a  b", 2, " ")')).toBe('b');
    expect(value('Word("@@a@b", 2, "@")')).toBe('b');
    expect(value('Word(",,x,,y", 2, ",;")')).toBe('y');
  });
  it('returns the whole string when no delimiter occurs, and reads a computed word number', () => {
    expect(value('Word("abc", 1, "@")')).toBe('abc');
    expect(value('Word("a b c", [n], " ")', { n: 2 })).toBe('b');
  });
  it('rejects a word number that is not a whole number, naming the parameter', () => {
    expect(() => value('Word("a b", "x", " ")')).toThrow(
      /Word \(at offset 0\): wordNumber must be a whole number, got "x"/,
    );
  });
});

describe('Left and Mid', () => {
  it('follow the documented Left rules', () => {
    expect(value('Left("John", 0)')).toBe('');
    expect(value('Left("John", -1)')).toBe('John');
    expect(value('Left("John", 10)')).toBe('John');
    expect(value('Left([x], 2)')).toBe('');
  });
  it('cut Mid from a 1-based start and stop at the end', () => {
    expect(value('Mid("John", 2, 2)')).toBe('oh');
    expect(value('Mid("John", 3, 10)')).toBe('hn');
    expect(value('Mid("John", 0, 2)')).toBe('Jo');
    expect(value('Mid("John", 9, 2)')).toBe('');
    expect(value('Mid("John", 1, -1)')).toBe('');
    expect(value('Mid([x], 1, 1)')).toBe('');
  });
});

describe('StripSpaces, ToLower and ToUpper', () => {
  it('strip only U+0020 spaces', () => {
    expect(value('StripSpaces(" a b\tc ")')).toBe('ab\tc');
  });
  it('use invariant casing by default and the culture when given', () => {
    expect(value('ToUpper("istanbul")')).toBe('ISTANBUL');
    expect(value('ToUpper("istanbul", "tr-TR")')).toBe('İSTANBUL');
    expect(value('ToLower("I", "tr-TR")')).toBe('ı');
    expect(value('ToLower([x])')).toBeNull();
    expect(value('ToLower([x])', { x: ['A', 'B'] })).toEqual(['a', 'b']);
  });
  it('reject an invalid culture name', () => {
    expect(() => value('ToLower("A", "not a culture!")')).toThrow(
      /culture "not a culture!" is not an RFC 4646 tag/,
    );
  });
});
