import { type RunningDirectory, startDirectory } from '@scim2ldap/ldap-testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectDirectory, discoverChangeTracking, getAttributeType, getObjectClass } from '../src/index.ts';
import { connect } from './live.ts';

let dir: RunningDirectory;

beforeAll(async () => {
  dir = await startDirectory({ kind: '389ds', seed: { users: 3 } });
  const client = await connect(dir);
  try {
    // an add and a delete, so the Retro Changelog has entries
    await client.add(`uid=detect1,ou=people,${dir.baseDn}`, {
      objectClass: ['inetOrgPerson'],
      uid: 'detect1',
      cn: 'Detect One',
      sn: 'One',
    });
    await client.del(`uid=detect1,ou=people,${dir.baseDn}`);
  } finally {
    await client.unbind();
  }
});

afterAll(async () => {
  await dir?.stop();
});

describe('detectDirectory against 389 DS (testkit)', () => {
  it('identifies 389 DS with its version, capabilities and partitions', async () => {
    const client = await connect(dir);
    try {
      const p = await detectDirectory(client);
      expect(p.vendor).toMatchObject({ id: '389ds', name: '389 Directory Server' });
      expect(p.vendor.version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(p.capabilities).toMatchObject({
        pagedResults: true,
        vlv: true,
        serverSideSort: true,
        persistentSearch: true,
        preRead: true,
        postRead: true,
        passwordModify: true,
        contentSync: false,
        absoluteTrueFalseFilters: false,
      });
      expect(p.supportedLdapVersions).toEqual([2, 3]);
      expect(Object.fromEntries(p.namingContexts.map((n) => [n.dn, n.role]))).toEqual({
        [dir.baseDn]: 'user',
        'cn=changelog': 'changelog',
      });
      expect(p.defaultNamingContext.dn).toBe(dir.baseDn);
      expect(p.subschemaSubentry).toBe('cn=schema');
    } finally {
      await client.unbind();
    }
  });

  it('finds the Retro Changelog readable by Directory Manager, with first/last numbers, and nsUniqueId on entries', async () => {
    const client = await connect(dir);
    try {
      const p = await detectDirectory(client);
      const cl = p.changeTracking.changelog;
      expect(cl).toMatchObject({ dn: 'cn=changelog', readable: true, numbersSource: 'rootDse' });
      expect(cl?.lastChangeNumber).toBeGreaterThanOrEqual(2);
      expect(cl?.firstChangeNumber).toBeGreaterThanOrEqual(1);
      expect(p.recommendations).toMatchObject({
        deltaMethod: 'changelog',
        changelogDn: 'cn=changelog',
        anchor: 'nsUniqueId',
        userClass: 'inetOrgPerson',
      });
      // the same numbers when read from the changelog entries instead of the Root DSE
      const scanned = await discoverChangeTracking(
        client,
        {
          ...p.changeTracking,
          changelog: {
            dn: 'cn=changelog',
            readable: null,
            firstChangeNumber: null,
            lastChangeNumber: null,
            numbersSource: null,
          },
        },
        p.namingContexts,
      );
      expect(scanned.changelog).toMatchObject({
        readable: true,
        numbersSource: 'search',
        firstChangeNumber: cl?.firstChangeNumber,
        lastChangeNumber: cl?.lastChangeNumber,
      });
    } finally {
      await client.unbind();
    }
  });

  it('anonymously: change log not readable, so it is not recommended and the admin is told why', async () => {
    const client = await connect(dir, { anonymous: true });
    try {
      const p = await detectDirectory(client);
      expect(p.changeTracking.changelog?.readable).toBe(false);
      expect(p.recommendations.deltaMethod).not.toBe('changelog');
      expect(p.warnings.join('\n')).toContain('cn=changelog exists but the bind DN cannot read it');
    } finally {
      await client.unbind();
    }
  });

  it('resolves the live schema: inetOrgPerson MUST, posixAccount AUXILIARY, uidNumber SINGLE-VALUE, nsUniqueId operational', async () => {
    const client = await connect(dir);
    try {
      const { schema } = await detectDirectory(client, { probe: false });
      if (!schema) throw new Error('schema missing');
      expect(new Set(getObjectClass(schema, 'inetOrgPerson')?.effectiveMust)).toEqual(
        new Set(['objectClass', 'cn', 'sn']),
      );
      expect(getObjectClass(schema, 'posixAccount')?.kind).toBe('auxiliary');
      expect(getAttributeType(schema, 'uidNumber')?.singleValue).toBe(true);
      expect(getAttributeType(schema, 'nsUniqueId')).toMatchObject({ operational: true, singleValue: true });
    } finally {
      await client.unbind();
    }
  });
});
