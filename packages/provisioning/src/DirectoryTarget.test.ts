import { type ConnectionPool, createLdapTarget, type LdapTarget } from '@scim2ldap/run-profiles';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { DirectoryEntry, DirectoryTarget, NewDirectoryEntry } from './index.ts';

// run-profiles implements DirectoryTarget by shape, without importing this package (architecture.md).
describe('run-profiles createLdapTarget fits DirectoryTarget', () => {
  it('is assignable at the type level, entry types included', () => {
    expectTypeOf<LdapTarget>().toExtend<DirectoryTarget>();
    expectTypeOf<Awaited<ReturnType<LdapTarget['add']>>>().toExtend<DirectoryEntry>();
    expectTypeOf<NewDirectoryEntry>().toExtend<Parameters<LdapTarget['add']>[0]>();
  });

  it('has every method of the contract at run time', () => {
    const pool = { size: 1, url: 'ldap://127.0.0.1:1' } as unknown as ConnectionPool; // never used: nothing connects
    const target: DirectoryTarget = createLdapTarget({ pool, bases: ['ou=people,dc=example,dc=org'] });
    const methods: (keyof DirectoryTarget)[] = [
      'add',
      'modify',
      'rename',
      'delete',
      'setPassword',
      'setDisabled',
      'readByDn',
      'readByAnchor',
      'search',
    ];
    for (const method of methods) expect(typeof target[method], method).toBe('function');
  });
});
