import { describe, expect, it } from 'vitest';
import { AnchorStoreError, normalizeDn } from './index.ts';

describe('normalizeDn', () => {
  it('lower-cases types and values and drops spaces around separators', () => {
    expect(normalizeDn('CN=John Smith , OU=People ,DC=Example, DC=org')).toBe(
      'cn=john smith,ou=people,dc=example,dc=org',
    );
    expect(normalizeDn('uid=jo;ou=People;dc=example')).toBe('uid=jo,ou=people,dc=example');
  });

  it('treats escaped and unescaped forms of the same value as equal (RFC 4514 §2.4, §3)', () => {
    const plain = normalizeDn('cn=Jürgen Smith,dc=example');
    expect(normalizeDn('cn=J\\C3\\BCrgen\\20Smith,dc=example')).toBe(plain);
    expect(normalizeDn('cn=j\\c3\\bcrgen smith,dc=example')).toBe(plain);
    expect(normalizeDn('cn=Smith\\, John,dc=example')).toBe(normalizeDn('cn=Smith\\2C John,dc=example'));
  });

  it('keeps escaped specials escaped so the result is still a DN', () => {
    expect(normalizeDn('cn=Smith\\, John+uid=js,dc=example')).toBe('cn=smith\\, john+uid=js,dc=example');
    expect(normalizeDn('cn=\\#1 \\"fan\\"\\3B,dc=x')).toBe('cn=\\#1 \\"fan\\"\\;,dc=x');
  });

  it('collapses insignificant spaces inside values (RFC 4518)', () => {
    expect(normalizeDn('cn=  John    Smith\\20 ,dc=x')).toBe('cn=john smith,dc=x');
  });

  it('sorts the AVAs of a multi-valued RDN', () => {
    expect(normalizeDn('uid=js+cn=John,dc=x')).toBe(normalizeDn('CN=john + UID=JS,dc=x'));
  });

  it('names common numeric OIDs and keeps others', () => {
    expect(normalizeDn('2.5.4.3=John,OID.0.9.2342.19200300.100.1.25=example')).toBe('cn=john,dc=example');
    expect(normalizeDn('1.3.6.1.4.1.1466.0=#04024869,dc=x')).toBe('1.3.6.1.4.1.1466.0=#04024869,dc=x');
  });

  it('accepts the empty DN', () => {
    expect(normalizeDn('')).toBe('');
    expect(normalizeDn('  ')).toBe('');
  });

  it('rejects malformed DNs with the offset and a caret under it', () => {
    const cases: [string, RegExp][] = [
      ['cn=a,,dc=x', /expected an attribute type .* at offset 5/],
      ['cn', /expected "=" after the attribute type at offset 2, found the end/],
      ['cn=a\\zz', /expected a special character or two hex digits after "\\" at offset 4/],
      ['cn=\\ff\\fe,dc=x', /hex escapes that form UTF-8/],
      ['=x', /offset 0/],
      ['cn=#zz', /hex pairs after "#"/],
    ];
    for (const [dn, message] of cases) {
      let error: unknown;
      try {
        normalizeDn(dn);
      } catch (e) {
        error = e;
      }
      expect(error, dn).toBeInstanceOf(AnchorStoreError);
      expect((error as AnchorStoreError).code).toBe('invalid-dn');
      expect((error as Error).message, dn).toMatch(message);
    }
    expect(() => normalizeDn('cn=a,,dc=x')).toThrow(/\n {2}cn=a,,dc=x\n {7}\^/);
  });

  it('caps the input length', () => {
    expect(() => normalizeDn(`cn=${'a'.repeat(20_000)}`)).toThrow(/at most 16384/);
  });
});
