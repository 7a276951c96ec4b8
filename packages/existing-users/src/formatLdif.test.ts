import { describe, expect, it } from 'vitest';
import { ExistingUsersError, formatLdifChange, formatLdifEntry, formatLdifLine } from './index.ts';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

describe('formatLdifLine', () => {
  it('writes SAFE-STRINGs as they are and everything else base64 (RFC 2849)', () => {
    expect(formatLdifLine('cn', 'Jane Doe')).toBe('cn: Jane Doe\n');
    expect(formatLdifLine('cn', '')).toBe('cn:\n');
    for (const unsafe of [' lead', ':colon', '<less', 'trail ', 'Zoë', 'two\nlines', 'cr\r', 'nul\u0000']) {
      expect(formatLdifLine('cn', unsafe)).toBe(`cn:: ${b64(unsafe)}\n`);
    }
    expect(formatLdifLine('jpegPhoto', 'AAEC', { binary: true })).toBe('jpegPhoto:: AAEC\n');
  });

  it('folds lines longer than 76 characters with one leading space, and unfolding gives the line back', () => {
    const value = 'x'.repeat(200);
    const out = formatLdifLine('description', value);
    const lines = out.trimEnd().split('\n');
    expect(lines.every((l) => l.length <= 76)).toBe(true);
    expect(lines.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(out.trimEnd().replaceAll('\n ', '')).toBe(`description: ${value}`);
  });

  it('refuses a name LDIF cannot carry', () => {
    expect(() => formatLdifLine('bad name', 'v')).toThrow(ExistingUsersError);
  });
});

describe('formatLdifEntry / formatLdifChange', () => {
  it('writes an entry with a base64 DN when the DN is not safe', () => {
    expect(
      formatLdifEntry({ dn: 'uid=zoë,dc=example,dc=org', attributes: { uid: ['zoë'], sn: ['Z'] } }),
    ).toBe(`dn:: ${b64('uid=zoë,dc=example,dc=org')}\nuid:: ${b64('zoë')}\nsn: Z\n\n`);
  });

  it('writes add, modify, modrdn and delete records as ldapmodify reads them', () => {
    expect(
      formatLdifChange({ type: 'add', dn: 'uid=a,dc=x', attributes: { objectClass: ['top', 'person'] } }),
    ).toBe('dn: uid=a,dc=x\nchangetype: add\nobjectClass: top\nobjectClass: person\n\n');
    expect(
      formatLdifChange({
        type: 'modify',
        dn: 'uid=a,dc=x',
        modifications: [
          { operation: 'replace', attribute: 'mail', values: ['a@x.org'] },
          { operation: 'delete', attribute: 'title', values: [] },
        ],
      }),
    ).toBe('dn: uid=a,dc=x\nchangetype: modify\nreplace: mail\nmail: a@x.org\n-\ndelete: title\n-\n\n');
    expect(
      formatLdifChange({
        type: 'modrdn',
        dn: 'uid=a,dc=x',
        newRdn: 'uid=b',
        deleteOldRdn: true,
        newSuperior: 'ou=y,dc=x',
      }),
    ).toBe('dn: uid=a,dc=x\nchangetype: modrdn\nnewrdn: uid=b\ndeleteoldrdn: 1\nnewsuperior: ou=y,dc=x\n\n');
    expect(formatLdifChange({ type: 'delete', dn: 'uid=a,dc=x' })).toBe(
      'dn: uid=a,dc=x\nchangetype: delete\n\n',
    );
  });
});
