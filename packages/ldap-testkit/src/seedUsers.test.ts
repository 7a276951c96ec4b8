import { describe, expect, it } from 'vitest';
import { seedLdif, seedUid, seedUser, seedUsers, TestkitError } from './index.ts';

describe('seed users', () => {
  it('numbers uids with at least five digits', () => {
    expect(seedUid(1)).toBe('user00001');
    expect(seedUid(99_999)).toBe('user99999');
    expect(seedUid(100_000)).toBe('user100000');
  });

  it('builds an inetOrgPerson + posixAccount entry with every advertised attribute', () => {
    const user = seedUser(42, { ou: 'staff' });
    expect(user.dn).toBe('uid=user00042,ou=staff,dc=example,dc=org');
    expect(user.attributes['objectClass']).toEqual(expect.arrayContaining(['inetOrgPerson', 'posixAccount']));
    for (const name of ['uid', 'cn', 'sn', 'givenName', 'mail', 'uidNumber', 'gidNumber', 'homeDirectory']) {
      expect(user.attributes[name]?.length, name).toBe(1);
    }
    expect(user.attributes['uidNumber']).toEqual(['10042']);
    expect(user.attributes['mail']).toEqual(['user00042@example.org']);
    expect(user.attributes['homeDirectory']).toEqual(['/home/user00042']);
  });

  it('is deterministic and gives every user a distinct cn and uidNumber', () => {
    const a = [...seedUsers({ users: 500 })];
    const b = [...seedUsers({ users: 500 })];
    expect(a).toEqual(b);
    expect(new Set(a.map((u) => u.attributes['cn']?.[0])).size).toBe(500);
    expect(new Set(a.map((u) => u.attributes['uidNumber']?.[0])).size).toBe(500);
  });

  it('writes one LDIF record per user', () => {
    const records = [...seedLdif({ users: 2 })];
    expect(records).toHaveLength(2);
    expect(records[0]).toMatch(/^dn: uid=user00001,ou=people,dc=example,dc=org\n/);
    expect(records[0]).toContain('\nuidNumber: 10001\n');
    expect(records[0]?.endsWith('\n\n')).toBe(true);
  });

  it('rejects a negative or fractional count with INVALID_OPTION', () => {
    expect(() => [...seedUsers({ users: -1 })]).toThrow(TestkitError);
    expect(() => [...seedUsers({ users: 1.5 })]).toThrow(/seed.users must be an integer/);
  });
});
