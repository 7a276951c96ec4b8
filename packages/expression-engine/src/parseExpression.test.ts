import { describe, expect, it } from 'vitest';
import {
  ExpressionSyntaxError,
  MAX_EXPRESSION_LENGTH,
  parseExpression,
  safeParseExpression,
} from './index.ts';

describe('parseExpression', () => {
  it('parses the seed DN expression into calls, attributes, strings and numbers with offsets', () => {
    const source = 'Join("", "CN=", Word([userPrincipalName], 1, "@"), ",DC=Contoso,DC=lab")';
    const ast = parseExpression(source);
    expect(ast).toMatchObject({ kind: 'call', name: 'Join', start: 0, end: source.length });
    if (ast.kind !== 'call') throw new Error('expected a call');
    expect(ast.args.map((a) => a.kind)).toEqual(['string', 'string', 'call', 'string']);
    const word = ast.args[2]!;
    expect(source.slice(word.start, word.end)).toBe('Word([userPrincipalName], 1, "@")');
    expect(word).toMatchObject({
      args: [
        { kind: 'attribute', name: 'userPrincipalName' },
        { kind: 'number', value: '1' },
        { kind: 'string', value: '@' },
      ],
    });
  });

  it('unescapes \\" and \\\\ and keeps other backslashes for regex text', () => {
    expect(parseExpression('"Company name: \\"Contoso\\""')).toMatchObject({
      value: 'Company name: "Contoso"',
    });
    expect(parseExpression('"\\\\+(?<isdCode>\\\\d* )"')).toMatchObject({ value: '\\+(?<isdCode>\\d* )' });
    expect(parseExpression('"a\\d"')).toMatchObject({ value: 'a\\d' });
  });

  it('reads hex, negative and decimal numbers as decimal text', () => {
    expect(parseExpression('BitAnd(&HF, &hF7)')).toMatchObject({
      args: [
        { kind: 'number', value: '15', raw: '&HF' },
        { kind: 'number', value: '247', raw: '&hF7' },
      ],
    });
    expect(parseExpression('-10')).toMatchObject({ kind: 'number', value: '-10' });
    expect(parseExpression('1.5')).toMatchObject({ kind: 'number', value: '1.5' });
  });

  it('keeps empty positional arguments, including trailing ones', () => {
    const ast = parseExpression('Replace([x], , "re", , "", , )');
    if (ast.kind !== 'call') throw new Error('expected a call');
    expect(ast.args.map((a) => a.kind)).toEqual([
      'attribute',
      'omitted',
      'string',
      'omitted',
      'string',
      'omitted',
      'omitted',
    ]);
    expect(parseExpression('ToLower(Word([upn],1,"@"), )')).toMatchObject({
      args: [{ kind: 'call' }, { kind: 'omitted' }],
    });
    expect(parseExpression('Guid()')).toMatchObject({ args: [] });
    expect(parseExpression('F(,)')).toMatchObject({ args: [{ kind: 'omitted' }, { kind: 'omitted' }] });
  });

  it('parses bare enum tokens and every comparison operator', () => {
    expect(parseExpression('InStr("a","b",3,vbBinaryCompare)')).toMatchObject({
      args: [{}, {}, {}, { kind: 'identifier', name: 'vbBinaryCompare' }],
    });
    for (const op of ['=', '<>', '<', '<=', '>', '>=']) {
      expect(parseExpression(`IIF([a]${op}"x", "y", "z")`)).toMatchObject({
        args: [{ kind: 'comparison', operator: op, left: { name: 'a' }, right: { value: 'x' } }, {}, {}],
      });
    }
  });

  it('accepts attribute names with dots, colons and spaces (SCIM paths)', () => {
    expect(
      parseExpression('[urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department]'),
    ).toMatchObject({
      name: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department',
    });
    expect(parseExpression('[ name.givenName ]')).toMatchObject({ name: 'name.givenName' });
  });

  it('reports line, column, a caret line and what was expected', () => {
    const error = (() => {
      try {
        parseExpression('Join(",",\n  [a] [b])');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ExpressionSyntaxError);
    const e = error as ExpressionSyntaxError;
    expect(e).toMatchObject({
      code: 'syntax',
      line: 2,
      column: 7,
      offset: 16,
      expected: ['","', '")"'],
      found: '"[b]"',
    });
    expect(e.caret).toBe('  [a] [b])\n      ^');
    expect(e.message).toContain('Expected "," or ")" but found "[b]" at line 2, column 7');
  });

  it.each([
    ['Join(",", [a]', 'end of input'],
    ['"abc', 'Unterminated string'],
    ['[abc', 'Attribute reference is not closed with "]" at line 1, column 5'],
    ['Join([a [b])', 'Attribute reference is not closed with "]" at line 1, column 9'],
    ['[a\n]', 'Attribute reference is not closed with "]" at line 1, column 3'],
    ['[]', 'Empty attribute'],
    ['F(()', 'found "("'],
    ['a = b = c', 'Expected end of input'],
    ['Join("", [a]) x', 'comparison operator'],
    ['&H', 'Hex literal'],
    ['F(a;b)', 'Unexpected character ";"'],
    ['', 'found end of input'],
    ['F(a))', 'Expected end of input but found ")"'],
  ])('rejects %j with a syntax issue mentioning %j', (source, text) => {
    const result = safeParseExpression(source);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues[0]?.code).toBe('syntax');
    expect(result.issues[0]?.message).toContain(text);
  });

  it('rejects expressions over 10,000 characters and accepts exactly 10,000', () => {
    const ok = `"${'x'.repeat(MAX_EXPRESSION_LENGTH - 2)}"`;
    expect(safeParseExpression(ok).success).toBe(true);
    const result = safeParseExpression(`${ok} `);
    expect(result).toMatchObject({ success: false, issues: [{ code: 'too-long' }] });
    expect(() => parseExpression(`${ok} `)).toThrow(/limit is 10000/);
  });

  it('rejects nesting deeper than 256 calls instead of overflowing the stack', () => {
    const deep = `${'F('.repeat(300)}1${')'.repeat(300)}`;
    expect(safeParseExpression(deep)).toMatchObject({
      success: false,
      issues: [{ message: expect.stringContaining('too deeply') }],
    });
  });
});
