import { describe, expect, it } from 'vitest';
import { equalityFilter, escapeFilterValue, LdapOperationError } from '../index.ts';

describe('escapeFilterValue (RFC 4515)', () => {
  it('escapes *, (, ), \\ and NUL and leaves everything else', () => {
    expect(escapeFilterValue('a*(b)\\c\u0000é')).toBe('a\\2a\\28b\\29\\5cc\\00é');
  });
  it('escapes binary values byte by byte', () => {
    expect(escapeFilterValue(Uint8Array.from([0, 0xff, 0x2a]))).toBe('\\00\\ff\\2a');
  });
  it('builds equality filters and refuses an attribute name that could inject a filter', () => {
    expect(equalityFilter('mail', 'x)(uid=*')).toBe('(mail=x\\29\\28uid=\\2a)');
    expect(() => equalityFilter('mail)(uid', 'x')).toThrow(LdapOperationError);
  });
});
