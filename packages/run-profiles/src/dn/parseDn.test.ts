import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildDn,
  DnSyntaxError,
  dnEquals,
  escapeDnValue,
  formatDn,
  isWithinDn,
  normalizeDn,
  parentDn,
  parseDn,
  rdnOf,
  safeParseDn,
} from '../index.ts';
import { assertDn } from './parseDn.ts';

describe('parseDn (RFC 4514)', () => {
  it('parses RDNs, multi-valued RDNs and escapes', () => {
    expect(parseDn('cn=Doe\\, John+uid=jd,ou=people,dc=example,dc=org')).toEqual([
      [
        { type: 'cn', value: 'Doe, John' },
        { type: 'uid', value: 'jd' },
      ],
      [{ type: 'ou', value: 'people' }],
      [{ type: 'dc', value: 'example' }],
      [{ type: 'dc', value: 'org' }],
    ]);
  });

  it('decodes hex pairs as UTF-8 and #hexstrings', () => {
    expect(parseDn('cn=J\\C3\\BCrgen')[0]).toEqual([{ type: 'cn', value: 'Jürgen' }]);
    expect(parseDn('cn=#4a6f')[0]).toEqual([{ type: 'cn', value: 'Jo' }]);
    expect(parseDn('cn=Jürgen,dc=x')[0]).toEqual([{ type: 'cn', value: 'Jürgen' }]);
  });

  it('keeps escaped leading/trailing spaces and drops unescaped ones around separators', () => {
    expect(parseDn('cn=\\ a b\\ , dc = x')).toEqual([
      [{ type: 'cn', value: ' a b ' }],
      [{ type: 'dc', value: 'x' }],
    ]);
  });

  it('accepts OIDs as types and the empty DN', () => {
    expect(parseDn('2.5.4.3=x')).toEqual([[{ type: '2.5.4.3', value: 'x' }]]);
    expect(parseDn('')).toEqual([]);
  });

  it('reports what was expected, what was found and where, with a caret line', () => {
    const result = safeParseDn('cn=a,=b');
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.issues[0]).toMatchObject({
        offset: 5,
        found: '"="',
        expected: 'an attribute type (name or OID)',
      });
    }
    expect(() => parseDn('cn=a"b')).toThrow(DnSyntaxError);
    expect(() => parseDn('cn=a,dc=x\\')).toThrow(DnSyntaxError);
    try {
      parseDn('cn=a,dc=x\\');
    } catch (error) {
      expect((error as DnSyntaxError).message).toContain('offset 10');
      expect((error as DnSyntaxError).message).toMatch(/\n {2}cn=a,dc=x\\\n {12}\^$/);
      expect((error as DnSyntaxError).code).toBe('invalidDNSyntax');
      expect((error as DnSyntaxError).kind).toBe('invalid');
    }
  });

  it('refuses oversized input', () => {
    expect(() => parseDn(`cn=${'a'.repeat(9000)}`)).toThrow(/at most 8192/);
  });
});

describe('assertDn, the export path check', () => {
  it('accepts exactly the DNs parseDn accepts, and throws the same error', () => {
    const piece = fc.constantFrom(
      'uid',
      'cn',
      'ou',
      'dc',
      '=',
      ',',
      '+',
      ' ',
      '\\',
      '#',
      '"',
      ';',
      'a',
      'Z9',
      '-',
      'é',
      '<',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (parts) => {
        const dn = parts.join('');
        const parsed = safeParseDn(dn);
        if (parsed.success) expect(() => assertDn(dn)).not.toThrow();
        else expect(() => assertDn(dn)).toThrow(parsed.issues[0]!.message);
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses a plain-looking DN that is too long', () => {
    expect(() => assertDn(`cn=${'a'.repeat(9000)}`)).toThrow(DnSyntaxError);
  });
});

describe('formatting, building and comparing DNs', () => {
  it('escapes specials, leading #/space and trailing space; backslash as \\5C', () => {
    expect(escapeDnValue('Doe, John <j+d>;"x"=')).toBe('Doe\\, John \\<j\\+d\\>\\;\\"x\\"\\=');
    expect(escapeDnValue('#1 ')).toBe('\\#1\\ ');
    expect(escapeDnValue('a\\b')).toBe('a\\5Cb');
  });

  it('round-trips any value through buildDn and parseDn', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (value) => {
        const dn = buildDn({ type: 'cn', value }, 'ou=people,dc=example,dc=org');
        expect(parseDn(dn)[0]).toEqual([{ type: 'cn', value }]);
        expect(parentDn(dn)).toBe('ou=people,dc=example,dc=org');
      }),
    );
  });

  it('compares DNs case- and space-insensitively, escapes normalised', () => {
    expect(
      dnEquals('CN=Doe\\2C John, OU=People,dc=Example,dc=org', 'cn=doe\\, john,ou=people,dc=example,dc=org'),
    ).toBe(true);
    expect(dnEquals('cn=a+uid=b,dc=x', 'uid=B+cn=A,dc=x')).toBe(true);
    expect(dnEquals('cn=a,dc=x', 'cn=b,dc=x')).toBe(false);
    expect(normalizeDn('UID=Jo  Doe,DC=X')).toBe('uid=jo doe,dc=x');
  });

  it('knows parents, first RDNs and containment', () => {
    expect(parentDn('dc=org')).toBeUndefined();
    expect(rdnOf('uid=a\\,b,dc=x')).toBe('uid=a\\,b');
    expect(isWithinDn('uid=a,ou=People,dc=x', 'ou=people,dc=x')).toBe(true);
    expect(isWithinDn('ou=people,dc=x', 'ou=people,dc=x')).toBe(true);
    expect(isWithinDn('uid=a,ou=groups,dc=x', 'ou=people,dc=x')).toBe(false);
    expect(isWithinDn('uid=a,ou=people\\,x,dc=x', 'ou=people,dc=x')).toBe(false);
    expect(formatDn(parseDn('cn=a\\2Cb , dc=x'))).toBe('cn=a\\,b,dc=x');
  });
});
