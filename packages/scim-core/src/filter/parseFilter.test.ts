import { describe, expect, it } from 'vitest';
import { showFilter } from '../../test/fixtures/showFilter.ts';
import { parseFilter, safeParseFilter, ScimError } from '../index.ts';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const ECMA = 'urn:ietf:params:scim:schemas:extension:ECMA2Host:2.0:User';

describe('parseFilter: RFC 7644 §3.4.2.2 examples', () => {
  const cases: [string, string][] = [
    ['userName eq "bjensen"', 'userName eq "bjensen"'],
    [`name.familyName co "O'Malley"`, `name.familyName co "O'Malley"`],
    ['userName sw "J"', 'userName sw "J"'],
    [
      'urn:ietf:params:scim:schemas:core:2.0:User:userName sw "J"',
      'urn:ietf:params:scim:schemas:core:2.0:User:userName sw "J"',
    ],
    ['title pr', 'title pr'],
    ['meta.lastModified gt "2011-05-13T04:42:34Z"', 'meta.lastModified gt "2011-05-13T04:42:34Z"'],
    ['meta.lastModified ge "2011-05-13T04:42:34Z"', 'meta.lastModified ge "2011-05-13T04:42:34Z"'],
    ['meta.lastModified lt "2011-05-13T04:42:34Z"', 'meta.lastModified lt "2011-05-13T04:42:34Z"'],
    ['meta.lastModified le "2011-05-13T04:42:34Z"', 'meta.lastModified le "2011-05-13T04:42:34Z"'],
    ['title pr and userType eq "Employee"', '(title pr and userType eq "Employee")'],
    ['title pr or userType eq "Intern"', '(title pr or userType eq "Intern")'],
    [`schemas eq "${ENTERPRISE}"`, `schemas eq "${ENTERPRISE}"`],
    [
      'userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")',
      '(userType eq "Employee" and (emails co "example.com" or emails.value co "example.org"))',
    ],
    [
      'userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")',
      '(userType ne "Employee" and not((emails co "example.com" or emails.value co "example.org")))',
    ],
    [
      'userType eq "Employee" and (emails.type eq "work")',
      '(userType eq "Employee" and emails.type eq "work")',
    ],
    [
      'userType eq "Employee" and emails[type eq "work" and value co "@example.com"]',
      '(userType eq "Employee" and emails[(type eq "work" and value co "@example.com")])',
    ],
    [
      'emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]',
      '(emails[(type eq "work" and value co "@example.com")] or ims[(type eq "xmpp" and value co "@foo.com")])',
    ],
  ];
  it.each(cases)('%s', (source, expected) => {
    expect(showFilter(parseFilter(source))).toBe(expected);
  });
});

describe('parseFilter: grammar details', () => {
  it('binds and tighter than or, left to right', () => {
    expect(showFilter(parseFilter('a pr or b pr and c pr or d pr'))).toBe(
      '((a pr or (b pr and c pr)) or d pr)',
    );
    expect(showFilter(parseFilter('(a pr or b pr) and c pr'))).toBe('((a pr or b pr) and c pr)');
  });

  it('accepts operators, keywords and literals in any case and lower-cases them in the AST', () => {
    expect(showFilter(parseFilter('userName EQ "x" AND active Eq TRUE Or not (title PR)'))).toBe(
      '((userName eq "x" and active eq true) or not(title pr))',
    );
  });

  it('reads true, false, null, integers, decimals and exponents as typed literals', () => {
    const values = ['true', 'false', 'null', '42', '-3.5', '1e3'].map((literal) => {
      const filter = parseFilter(`x eq ${literal}`);
      return filter.kind === 'compare' ? filter.value : undefined;
    });
    expect(values).toEqual([true, false, null, 42, -3.5, 1000]);
  });

  it('decodes JSON string escapes', () => {
    const filter = parseFilter('displayName eq "a \\"quoted\\" \\\\ name \\u00e9\\n"');
    expect(filter.kind === 'compare' && filter.value).toBe('a "quoted" \\ name é\n');
  });

  it('splits URN-qualified paths at the last colon, keeping dots of the version and "-dn-" names', () => {
    const filter = parseFilter(`${ENTERPRISE}:manager.value eq "m1" and ${ECMA}:-dn- eq "cn=a,dc=b"`);
    expect(filter.kind).toBe('and');
    if (filter.kind !== 'and' || filter.left.kind !== 'compare' || filter.right.kind !== 'compare')
      throw new Error('shape');
    expect(filter.left.attribute).toMatchObject({ uri: ENTERPRISE, name: 'manager', subAttribute: 'value' });
    expect(filter.right.attribute).toMatchObject({ uri: ECMA, name: '-dn-' });
    expect(filter.right.attribute.subAttribute).toBeUndefined();
  });

  it('reads Entra\'s emails[type eq "work"].value eq form as a value filter with both conditions', () => {
    const filter = parseFilter('emails[type eq "work"].value eq "a@b.c"');
    expect(showFilter(filter)).toBe('emails[(type eq "work" and value eq "a@b.c")]');
  });

  it("accepts the unquoted value of Entra's older sample only after eq", () => {
    const filter = parseFilter('externalId eq jyoung');
    expect(filter).toMatchObject({ kind: 'compare', op: 'eq', value: 'jyoung', unquoted: true });
    expect(safeParseFilter('externalId co jyoung').success).toBe(false);
  });

  it('records offsets of nodes and attribute paths', () => {
    const filter = parseFilter('title pr and  userType eq "E"');
    if (filter.kind !== 'and') throw new Error('shape');
    expect(filter.offset).toBe(9);
    expect(filter.right.offset).toBe(14);
  });

  it('keeps the AST free of parser state (plain JSON)', () => {
    const filter = parseFilter('emails[type eq "work"] and not (active eq false)');
    expect(JSON.parse(JSON.stringify(filter))).toEqual(filter);
  });
});

describe('parseFilter: errors', () => {
  const bad: [string, number, RegExp][] = [
    ['userName equals "x"', 9, /Expected an operator .* but found "equals"/],
    ['userName eq "x" and', 19, /Expected an attribute path.*end of input/],
    ['userName eq "x" and (title pr', 29, /Expected "\)"/],
    ['userName eq "unterminated', 12, /Unterminated string/],
    ['userName eq "bad \\q escape"', 17, /Invalid escape/],
    ['emails[type eq "work"', 21, /"\]"/],
    ['emails[type[value eq "x"] eq "y"]', 11, /cannot be nested/],
    ['userName eq "x" extra', 16, /"and", "or" or end of filter/],
    ['userName gt', 11, /Expected a value/],
    ['not title pr', 4, /Expected an operator/],
    ['us$er..name eq "x"', 6, /Invalid sub-attribute/],
    ['', 0, /Expected an attribute path/],
  ];
  it.each(bad)('%j fails at offset %i', (source, offset, message) => {
    const result = safeParseFilter(source);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues[0]?.offset).toBe(offset);
    expect(result.issues[0]?.message).toMatch(message);
  });

  it('throws a 400 invalidFilter ScimError with a caret under the problem', () => {
    let caught: unknown;
    try {
      parseFilter('userName eq "x" and (title pr');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ScimError);
    const error = caught as ScimError;
    expect(error.status).toBe(400);
    expect(error.scimType).toBe('invalidFilter');
    expect(error.offset).toBe(29);
    expect(error.detail.split('\n').slice(1)).toEqual([
      'userName eq "x" and (title pr',
      `${' '.repeat(29)}^`,
    ]);
  });

  it('rejects filters longer than the cap before scanning them', () => {
    const long = `userName eq "${'a'.repeat(5000)}"`;
    expect(safeParseFilter(long).success).toBe(false);
    expect(safeParseFilter(long, { maxLength: 10_000 }).success).toBe(true);
  });

  it('rejects deep nesting instead of overflowing the stack', () => {
    const deep = `${'('.repeat(5000)}a pr${')'.repeat(5000)}`;
    const result = safeParseFilter(deep, { maxLength: 20_000 });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.issues[0]?.message).toMatch(/nests deeper/);
  });

  it('reports non-string input as an issue', () => {
    expect(safeParseFilter(42)).toMatchObject({
      success: false,
      issues: [{ expected: 'a string', found: 'number' }],
    });
  });
});
