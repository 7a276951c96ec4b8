import { describe, expect, it } from 'vitest';
import { functionRegistry, parseExpression, validateExpression } from './index.ts';

const check = (source: string, options: Parameters<typeof validateExpression>[1] = {}) =>
  validateExpression(parseExpression(source), { source, ...options });

describe('validateExpression', () => {
  it('accepts every reference pattern: omitted arguments, enums, comparisons, variadic calls', () => {
    for (const source of [
      'Replace([x], , "re", , "", , )',
      'FormatDateTime([x], , "yyyyMMddHHmmss.fZ", "yyyy-MM-dd")',
      'ToLower(Word([upn],1,"@"), )',
      'InStr("repEated","e",3,vbBinaryCompare)',
      'IIF([country]="USA",[country],[department])',
      'Switch([s], , "k", "v")',
      'Join("", "a", "b", "c", "d", "e")',
      'Guid()',
    ]) {
      expect(check(source), source).toEqual([]);
    }
  });

  it('reports unknown functions with a did-you-mean, including case mistakes', () => {
    expect(check('ToLowr([mail])')).toEqual([
      expect.objectContaining({
        code: 'unknown-function',
        message: 'Unknown function "ToLowr"; did you mean "ToLower"? (line 1, column 1)',
        suggestion: 'ToLower',
        start: 0,
        end: 14,
        line: 1,
        column: 1,
      }),
    ]);
    expect(check('join(",", [a])')[0]?.message).toContain(
      'did you mean "Join"? (function names are case-sensitive)',
    );
    expect(check('Frobnicate()')[0]).toMatchObject({
      code: 'unknown-function',
      message: 'Unknown function "Frobnicate" (line 1, column 1)',
    });
  });

  it('reports wrong argument counts with the signature', () => {
    expect(check('Word([a], 1)')[0]?.message).toBe(
      'Word(string, wordNumber, delimiters) takes 3 arguments, got 2 (line 1, column 1)',
    );
    expect(check('Join(",")')[0]?.message).toContain(
      'Join(separator, sources, …) takes at least 2 arguments, got 1',
    );
    expect(check('ToLower([a], "en", "x")')[0]?.message).toContain('takes 1 to 2 arguments, got 3');
    expect(check('Guid(1)')[0]?.message).toContain('Guid() takes 0 arguments, got 1');
    expect(check('Switch([s], "d", "k", "v", "k2")')[0]?.message).toBe(
      'Switch(source, defaultValue?, key, value, …) takes at least 4 arguments, got 5: key and value must come in pairs (line 1, column 1)',
    );
    expect(check('SelectUniqueValue([a])')[0]?.code).toBe('arity');
  });

  it('reports required arguments left empty', () => {
    expect(check('Word([a], , "@")')).toEqual([
      expect.objectContaining({
        code: 'missing-argument',
        message: expect.stringContaining('Word: argument 2 (wordNumber) is required'),
      }),
    ]);
    expect(check('Join(",", [a], )')[0]).toMatchObject({ code: 'missing-argument' });
  });

  it('reports unknown attributes against a list, case-insensitively, with a suggestion', () => {
    const attributes = ['userPrincipalName', 'mail', 'givenName'];
    expect(check('Join(" ", [GivenName], [userPrincipleName])', { attributes })).toEqual([
      expect.objectContaining({
        code: 'unknown-attribute',
        suggestion: 'userPrincipalName',
        line: 1,
        column: 24,
      }),
    ]);
    expect(check('[zzz]', { attributes })[0]?.message).toBe('Unknown attribute [zzz] (line 1, column 1)');
  });

  it('reports SelectUniqueValue below the top level', () => {
    expect(check('ToLower(SelectUniqueValue([a], [b]))')[0]).toMatchObject({
      code: 'misplaced-function',
      column: 9,
    });
  });

  it('validates against a restricted function list, and lists issues in source order across lines', () => {
    const functions = functionRegistry.filter((f) => f.name !== 'Guid');
    expect(check('Guid()', { functions })[0]?.code).toBe('unknown-function');
    const issues = check('Join(",",\n  Wrod([a], 1, "@"),\n  Left([b]))');
    expect(issues.map((i) => [i.code, i.line])).toEqual([
      ['unknown-function', 2],
      ['arity', 3],
    ]);
  });
});
