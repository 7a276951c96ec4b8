import { describe, expect, it } from 'vitest';
import { DnSyntaxError, escapeDnValue, formatDn, normalizeDn, parentDn, parseDn } from './index.ts';

describe('parseDn', () => {
  it('splits RDNs and unescapes values', () => {
    expect(parseDn('cn=Smith\\, John,ou=people,dc=example,dc=org')).toEqual([
      [{ type: 'cn', value: 'Smith, John' }],
      [{ type: 'ou', value: 'people' }],
      [{ type: 'dc', value: 'example' }],
      [{ type: 'dc', value: 'org' }],
    ]);
  });

  it('reads multi-valued RDNs, hex escapes and spaces around separators', () => {
    expect(parseDn('uid=a+cn=J\\C3\\BCrgen , dc=org')).toEqual([
      [
        { type: 'uid', value: 'a' },
        { type: 'cn', value: 'Jürgen' },
      ],
      [{ type: 'dc', value: 'org' }],
    ]);
  });

  it('keeps escaped trailing spaces, drops unescaped ones, and decodes escapes next to plain text', () => {
    expect(parseDn('cn=a\\ ,dc=org')[0]).toEqual([{ type: 'cn', value: 'a ' }]);
    expect(parseDn('cn=a\\  ,dc=org')[0]).toEqual([{ type: 'cn', value: 'a ' }]);
    expect(parseDn('cn=a b  \\2C c   ,dc=org')[0]).toEqual([{ type: 'cn', value: 'a b  , c' }]);
    expect(parseDn('cn=J\\C3\\BCrgen\\,x\\E2\\82\\AC')[0]).toEqual([{ type: 'cn', value: 'Jürgen,x€' }]);
    expect(parseDn('cn=Ünïcödé 名前')[0]).toEqual([{ type: 'cn', value: 'Ünïcödé 名前' }]);
    expect(parseDn('cn=x\uD800y')[0]).toEqual([{ type: 'cn', value: 'x\uFFFDy' }]);
  });

  it('rejects an RDN without "=" and says where', () => {
    const error = (() => {
      try {
        parseDn('CN=bsimon,Contoso,DC=lab');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DnSyntaxError);
    expect((error as DnSyntaxError).offset).toBe(17);
    expect((error as Error).message).toContain('expected "="');
    expect((error as Error).message).toContain('^');
  });

  it('rejects unescaped specials and dangling escapes', () => {
    expect(() => parseDn('cn=a"b,dc=org')).toThrow(/escape " as \\"/);
    expect(() => parseDn('cn=ab\\')).toThrow(DnSyntaxError);
    expect(() => parseDn('=x')).toThrow(/attribute type/);
  });
});

describe('escapeDnValue / formatDn', () => {
  it('escapes RFC 4514 specials, leading "#"/space and trailing space', () => {
    expect(escapeDnValue('Smith, J+r <x>;"q"\\')).toBe('Smith\\, J\\+r \\<x\\>\\;\\"q\\"\\\\');
    expect(escapeDnValue('#tag')).toBe('\\#tag');
    expect(escapeDnValue(' lead')).toBe('\\ lead');
    expect(escapeDnValue('trail ')).toBe('trail\\ ');
  });

  it('round-trips any value through a DN', () => {
    for (const value of ['a,b', ' x ', '#1', 'é=ü', 'back\\slash', 'plus+semi;']) {
      const dn = `cn=${escapeDnValue(value)},dc=org`;
      expect(parseDn(dn)[0]).toEqual([{ type: 'cn', value }]);
      expect(parseDn(formatDn(parseDn(dn)))).toEqual(parseDn(dn));
    }
  });
});

describe('normalizeDn / parentDn', () => {
  it('compares DNs regardless of case, spacing and escaping style', () => {
    expect(normalizeDn('CN=Bob\\2C Jr, DC=Example,DC=org')).toBe(
      normalizeDn('cn=bob\\, jr,dc=example,dc=org'),
    );
    expect(normalizeDn('cn=a+uid=b,dc=org')).toBe(normalizeDn('uid=b+cn=a,dc=org'));
    expect(normalizeDn('cn=a,dc=org')).not.toBe(normalizeDn('cn=b,dc=org'));
  });

  it('gives the parent DN', () => {
    expect(parentDn('CN=bsimon,DC=Contoso,DC=lab')).toBe('DC=Contoso,DC=lab');
    expect(parentDn('dc=org')).toBe('');
  });
});
