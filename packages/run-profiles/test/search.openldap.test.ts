import { type RunningDirectory, startDirectory } from '@scim2ldap/ldap-testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnectionPool, createLdapTarget, type LdapOperationError } from '../src/index.ts';

// Scoped equality searches go unpaged over the multiplexed connection and fall back to paged results when
// the server's size limit cuts them short: the answers must be those of the paged search either way.
describe('scoped searches on OpenLDAP (600 seeded users, gidNumber 10000 for all)', () => {
  let dir: RunningDirectory;
  const reader = 'cn=reader,dc=example,dc=org';
  const readerPassword = 'reader-secret-1';

  beforeAll(async () => {
    dir = await startDirectory({ kind: 'openldap', noSync: true, seed: { users: 600 } });
    const pool = adminPool();
    await pool.use((c) =>
      c.add(reader, {
        objectClass: ['inetOrgPerson'],
        cn: ['reader'],
        sn: ['Reader'],
        userPassword: [readerPassword],
      }),
    );
    await pool.close();
  });
  afterAll(async () => {
    await dir?.stop();
  });

  const adminPool = () =>
    createConnectionPool({
      url: dir.ldapUrl,
      bind: { method: 'simple', dn: dir.adminDn, password: dir.adminPassword },
      size: 2,
      healthCheckIntervalMs: 0,
    });

  /**
   * A search as the given user, sorted DNs or the error code: unpaged on the multiplexed connection, or
   * through the paged path when `paged` (a pool without `share`).
   */
  async function searchAs(
    how: 'paged' | 'unpaged',
    dn: string,
    password: string,
    attribute: string,
    value: string,
  ) {
    const pool = createConnectionPool({
      url: dir.ldapUrl,
      bind: { method: 'simple', dn, password },
      size: 1,
      healthCheckIntervalMs: 0,
    });
    const { share: _unused, ...withoutShare } = pool;
    try {
      const target = createLdapTarget({
        pool: how === 'paged' ? withoutShare : pool,
        bases: [dir.usersDn],
        anchor: 'entryUUID',
      });
      return await target.search(attribute, value).then(
        (entries) => entries.map((e) => e.dn).sort(),
        (error: unknown) => (error as LdapOperationError).code,
      );
    } finally {
      await pool.close();
    }
  }
  const paged = (dn: string, password: string, attribute: string, value: string) =>
    searchAs('paged', dn, password, attribute, value);
  const unpaged = (dn: string, password: string, attribute: string, value: string) =>
    searchAs('unpaged', dn, password, attribute, value);

  it('finds the one entry of an equality lookup, with its anchor and attributes', async () => {
    const pool = adminPool();
    try {
      const target = createLdapTarget({ pool, bases: [dir.usersDn], anchor: 'entryUUID' });
      const [entry, ...rest] = await target.search('mail', 'USER00042@example.org');
      expect(rest).toEqual([]);
      expect(entry?.dn).toBe(`uid=user00042,${dir.usersDn}`);
      expect(entry?.anchor).toMatch(/^[0-9a-f-]{36}$/);
      expect(entry?.attributes['uidNumber']).toEqual(['10042']);
      expect((await target.readByAnchor(entry?.anchor ?? ''))?.dn).toBe(entry?.dn);
      expect(await target.search('mail', 'nobody@example.org')).toEqual([]);
    } finally {
      await pool.close();
    }
  });

  it('answers as the paged search does for 600 matches, as admin (no limit) and as a user (size limit 500)', async () => {
    const asAdmin = await unpaged(dir.adminDn, dir.adminPassword, 'gidNumber', '10000');
    expect(asAdmin).toHaveLength(600);
    expect(asAdmin).toEqual(await paged(dir.adminDn, dir.adminPassword, 'gidNumber', '10000'));
    const asUser = await unpaged(reader, readerPassword, 'gidNumber', '10000');
    // The unpaged search stops at the limit, falls back to paged results, which stop there too (slapd's
    // size.prtotal defaults to the hard limit): the same typed error as before.
    expect(asUser).toBe('sizeLimitExceeded');
    expect(asUser).toEqual(await paged(reader, readerPassword, 'gidNumber', '10000'));
  });
});
