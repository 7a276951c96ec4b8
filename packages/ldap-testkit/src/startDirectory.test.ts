import { describe, expect, it } from 'vitest';
import { type DirectoryKind, startDirectory, TestkitError } from './index.ts';

async function failure(promise: Promise<unknown>): Promise<TestkitError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TestkitError) return error;
    throw error;
  }
  throw new Error('expected startDirectory to fail');
}

describe('startDirectory option checks (before anything starts)', () => {
  it('rejects an unknown kind', async () => {
    const error = await failure(startDirectory({ kind: 'oracle' as DirectoryKind }));
    expect(error.code).toBe('INVALID_OPTION');
    expect(error.message).toContain('openldap, 389ds, apacheds');
  });

  it('rejects a short admin password without echoing it', async () => {
    const error = await failure(startDirectory({ kind: 'openldap', adminPassword: 'Qz7!x' }));
    expect(error.code).toBe('INVALID_OPTION');
    expect(error.message).toContain('at least 8 characters');
    expect(error.message).not.toContain('Qz7!x');
  });

  it('rejects OpenLDAP-only toggles for other servers', async () => {
    const error = await failure(startDirectory({ kind: '389ds', noSync: true }));
    expect(error.message).toBe("noSync applies to kind 'openldap' only, not '389ds'");
  });

  it('rejects an OU name that would need DN escaping tricks', async () => {
    const error = await failure(startDirectory({ kind: 'openldap', seed: { users: 1, ou: 'a,b' } }));
    expect(error.code).toBe('INVALID_OPTION');
    expect(error.message).toContain('seed.ou');
  });

  it('rejects a seed count out of range', async () => {
    const error = await failure(startDirectory({ kind: 'openldap', seed: { users: -5 } }));
    expect(error.code).toBe('INVALID_OPTION');
  });

  it('refuses an ApacheDS seed that would take longer than a few minutes over LDAP', async () => {
    const error = await failure(startDirectory({ kind: 'apacheds', seed: { users: 100_000 } }));
    expect(error.code).toBe('INVALID_OPTION');
    expect(error.message).toContain('limited to 20000');
  });
});
