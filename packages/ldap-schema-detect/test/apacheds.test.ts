import { type RunningDirectory, startDirectory } from '@scim2ldap/ldap-testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectDirectory, getAttributeType, getObjectClass } from '../src/index.ts';
import { connect } from './live.ts';

let dir: RunningDirectory;

beforeAll(async () => {
  dir = await startDirectory({ kind: 'apacheds' });
});

afterAll(async () => {
  await dir?.stop();
});

describe('detectDirectory against ApacheDS (testkit)', () => {
  it('identifies ApacheDS and keeps its system partitions away from users', async () => {
    const client = await connect(dir);
    try {
      const p = await detectDirectory(client);
      expect(p.vendor).toMatchObject({ id: 'apacheds', name: 'Apache Directory Server' });
      expect(p.vendor.version).toMatch(/^2\.0\.0/);
      expect(Object.fromEntries(p.namingContexts.map((n) => [n.dn, n.role]))).toEqual({
        'ou=system': 'system',
        [dir.baseDn]: 'user',
        'ou=schema': 'schema',
        'ou=config': 'config',
      });
      expect(p.defaultNamingContext.dn).toBe(dir.baseDn);
      expect(p.capabilities).toMatchObject({
        treeDelete: true,
        showDeleted: true,
        permissiveModify: true,
        vlv: true,
        serverSideSort: true,
        persistentSearch: true,
        contentSync: true,
        preRead: false,
      });
      expect(p.saslMechanisms).toContain('DIGEST-MD5');
    } finally {
      await client.unbind();
    }
  });

  it('has no change log: timestamp deltas, entryUUID anchor present on the base entry', async () => {
    const client = await connect(dir);
    try {
      const p = await detectDirectory(client);
      expect(p.changeTracking).toMatchObject({
        accesslog: null,
        changelog: null,
        usn: null,
        syncrepl: true,
        timestamps: true,
      });
      expect(p.recommendations).toMatchObject({
        deltaMethod: 'timestamp',
        anchor: 'entryUUID',
        userClass: 'inetOrgPerson',
      });
      expect(p.recommendations.reasons.anchor).toContain('present on the base entry');
      expect(p.recommendations.reasons.deltaMethod).toContain('ApacheDS keeps no persistent change log');
    } finally {
      await client.unbind();
    }
  });

  it('resolves the live schema with the nis schema enabled', async () => {
    const client = await connect(dir);
    try {
      const { schema } = await detectDirectory(client, { probe: false });
      if (!schema) throw new Error('schema missing');
      expect(new Set(getObjectClass(schema, 'inetOrgPerson')?.effectiveMust)).toEqual(
        new Set(['objectClass', 'cn', 'sn']),
      );
      expect(getObjectClass(schema, 'posixAccount')?.kind).toBe('auxiliary');
      expect(getAttributeType(schema, 'uidNumber')).toMatchObject({ singleValue: true, origin: 'nis' });
      expect(getAttributeType(schema, 'entryUUID')?.syntaxName).toBe('UUID');
    } finally {
      await client.unbind();
    }
  });
});
