import { describe, expect, it } from 'vitest';
import { escapeDnValue, toLdif } from './index.ts';

describe('toLdif', () => {
  it('writes safe values as text and unsafe ones as base64', () => {
    const text = toLdif({
      dn: 'cn=Zoë,dc=example,dc=org',
      attributes: { cn: ['Zoë'], description: [' leading space', 'plain', 'trailing '] },
    });
    expect(text).toBe(
      [
        `dn:: ${Buffer.from('cn=Zoë,dc=example,dc=org').toString('base64')}`,
        `cn:: ${Buffer.from('Zoë').toString('base64')}`,
        `description:: ${Buffer.from(' leading space').toString('base64')}`,
        'description: plain',
        `description:: ${Buffer.from('trailing ').toString('base64')}`,
        '',
        '',
      ].join('\n'),
    );
  });
});

describe('escapeDnValue', () => {
  it('escapes RFC 4514 special characters, a leading # or space and a trailing space', () => {
    expect(escapeDnValue('Smith, John')).toBe('Smith\\, John');
    expect(escapeDnValue('a+b=c;d<e>"f"\\')).toBe('a\\+b\\=c\\;d\\<e\\>\\"f\\"\\\\');
    expect(escapeDnValue('#tag')).toBe('\\#tag');
    expect(escapeDnValue(' x ')).toBe('\\ x\\ ');
    expect(escapeDnValue('people')).toBe('people');
  });
});
