import { describe, expect, it } from 'vitest';
import { DetectError, parseLdif, profileFromLdif } from '../index.ts';

describe('parseLdif', () => {
  it('reads comments, folded lines, base64 values and several records', () => {
    const text =
      '# header\nversion: 1\ndn:\nnamingContexts: dc=exa\n mple,dc=org\ndescription:: w6lsw6h2ZQ==\n\ndn: cn=schema\ncn: schema\n';
    expect(parseLdif(text)).toEqual([
      { dn: '', attributes: { namingContexts: ['dc=example,dc=org'], description: ['élève'] } },
      { dn: 'cn=schema', attributes: { cn: ['schema'] } },
    ]);
  });

  it('names the line of a malformed record', () => {
    expect(() => parseLdif('dn:\nthis is not ldif\n')).toThrow(/LDIF line 2/);
    expect(() => parseLdif('cn: x\n')).toThrow(/must start with 'dn:'/);
    expect(() => parseLdif('dn: cn=x\nchangetype: add\n')).toThrow(DetectError);
    expect(() => parseLdif('dn: cn=x\njpegPhoto:< file:///etc/passwd\n')).toThrow(/URL values/);
  });

  it('profileFromLdif needs a Root DSE record and works without a subschema', () => {
    expect(() => profileFromLdif('dn: cn=x\ncn: x\n')).toThrow(/no Root DSE record/);
    const p = profileFromLdif(
      'dn:\nvendorName: 389 Project\nvendorVersion: 389-Directory/3.0.0\nnamingContexts: dc=a\n',
    );
    expect(p.vendor.id).toBe('389ds');
    expect(p.schema).toBeNull();
  });
});
