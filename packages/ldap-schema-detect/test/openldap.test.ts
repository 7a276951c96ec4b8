import { type RunningDirectory, startDirectory } from '@scim2ldap/ldap-testkit';
import { Attribute, Change, Client } from 'ldapts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  describeCertificate,
  describeProfile,
  detectDirectory,
  getAttributeType,
  getObjectClass,
  readRootDse,
  readServerCertificate,
  rootDseValues,
} from '../src/index.ts';
import { connect, portOf } from './live.ts';

let dir: RunningDirectory;

beforeAll(async () => {
  dir = await startDirectory({ kind: 'openldap', seed: { users: 3 }, noSync: true });
});

afterAll(async () => {
  await dir?.stop();
});

describe('detectDirectory against OpenLDAP (testkit)', () => {
  it('identifies OpenLDAP, its capabilities and partitions', async () => {
    const client = await connect(dir);
    try {
      const p = await detectDirectory(client, { port: portOf(dir.ldapUrl) });
      expect(p.vendor.id).toBe('openldap');
      expect(p.vendor.evidence).toContain('Root DSE objectClass: OpenLDAProotDSE');
      expect(p.capabilities).toMatchObject({
        pagedResults: true,
        contentSync: true,
        passwordModify: true,
        whoAmI: true,
        startTls: true,
        assertion: true,
        vlv: false,
        persistentSearch: false,
      });
      expect(p.namingContexts.map((n) => [n.dn, n.role])).toEqual([
        ['cn=accesslog', 'accesslog'],
        [dir.baseDn, 'user'],
      ]);
      expect(p.defaultNamingContext.dn).toBe(dir.baseDn);
      expect(p.subschemaSubentry).toBe('cn=Subschema');
      expect(p.tls).toBeUndefined();
    } finally {
      await client.unbind();
    }
  });

  it('finds the accesslog readable by the admin, logging the base suffix, and recommends it', async () => {
    const client = await connect(dir);
    try {
      const p = await detectDirectory(client);
      expect(p.changeTracking.accesslog).toMatchObject({
        dn: 'cn=accesslog',
        readable: true,
        suffixes: [dir.baseDn],
        suffixSource: 'olcAccessLogDB',
      });
      expect(p.recommendations).toMatchObject({
        deltaMethod: 'accesslog',
        changelogDn: 'cn=accesslog',
        anchor: 'entryUUID',
        userClass: 'inetOrgPerson',
      });
      expect(p.recommendations.mandatoryFeatures.allFound).toBe(true);
      expect(describeProfile(p)).toContain(
        'Accesslog cn=accesslog: readable yes, logs dc=example,dc=org (from olcAccessLogDB)',
      );
    } finally {
      await client.unbind();
    }
  });

  it('sees logged writes: hasEntries turns true after an add', async () => {
    const client = await connect(dir);
    try {
      await client.add(`uid=detect1,ou=people,${dir.baseDn}`, {
        objectClass: ['inetOrgPerson'],
        uid: 'detect1',
        cn: 'Detect One',
        sn: 'One',
      });
      const p = await detectDirectory(client);
      expect(p.changeTracking.accesslog?.hasEntries).toBe(true);
    } finally {
      await client.unbind();
    }
  });

  it('without cn=config access, infers the accesslog suffix from the reqDN of logged writes', async () => {
    const admin = await connect(dir);
    const readerDn = `cn=log-reader,${dir.baseDn}`;
    try {
      await admin.add(readerDn, {
        objectClass: ['person'],
        cn: 'log-reader',
        sn: 'Reader',
        userPassword: 'reader-secret-1',
      });
      // let the reader (not the admin) read the accesslog database; cn=config stays admin-only
      await admin.modify('olcDatabase={1}mdb,cn=config', [
        new Change({
          operation: 'replace',
          modification: new Attribute({
            type: 'olcAccess',
            values: [`{0}to * by dn.exact="${dir.adminDn}" read by dn.exact="${readerDn}" read by * none`],
          }),
        }),
      ]);
    } finally {
      await admin.unbind();
    }
    const reader = new Client({ url: dir.ldapUrl });
    await reader.bind(readerDn, 'reader-secret-1');
    try {
      const p = await detectDirectory(reader);
      expect(p.changeTracking.accesslog).toMatchObject({
        readable: true,
        hasEntries: true,
        suffixes: [dir.baseDn],
        suffixSource: 'reqDN',
      });
      expect(p.recommendations.deltaMethod).toBe('accesslog');
    } finally {
      await reader.unbind();
    }
  });

  it('anonymously: Root DSE and schema readable, accesslog not — no accesslog recommendation, a warning instead', async () => {
    const client = await connect(dir, { anonymous: true });
    try {
      const p = await detectDirectory(client);
      expect(p.vendor.id).toBe('openldap');
      expect(p.schema).not.toBeNull();
      expect(p.changeTracking.accesslog?.readable).toBe(false);
      expect(p.recommendations.deltaMethod).toBe('syncrepl');
      expect(p.warnings.join('\n')).toContain('cn=accesslog exists but the bind DN cannot read it');
    } finally {
      await client.unbind();
    }
  });

  it('resolves the live schema: inetOrgPerson MUST, posixAccount AUXILIARY, uidNumber SINGLE-VALUE', async () => {
    const client = await connect(dir);
    try {
      const { schema } = await detectDirectory(client, { probe: false });
      if (!schema) throw new Error('schema missing');
      expect(new Set(getObjectClass(schema, 'inetOrgPerson')?.effectiveMust)).toEqual(
        new Set(['objectClass', 'cn', 'sn']),
      );
      expect(getObjectClass(schema, 'posixAccount')?.kind).toBe('auxiliary');
      expect(getAttributeType(schema, 'uidNumber')).toMatchObject({
        singleValue: true,
        valueKind: 'integer',
      });
      expect(getAttributeType(schema, 'entryUUID')).toMatchObject({
        operational: true,
        noUserModification: true,
      });
    } finally {
      await client.unbind();
    }
  });

  it('reads the Root DSE as the captured fixture shows it', async () => {
    const client = await connect(dir);
    try {
      const rd = await readRootDse(client);
      expect(rootDseValues(rd, 'objectClass')).toContain('OpenLDAProotDSE');
      expect(rootDseValues(rd, 'supportedFeatures')).toContain('1.3.6.1.4.1.4203.1.5.3');
    } finally {
      await client.unbind();
    }
  });

  it('describes the server certificate over LDAPS and StartTLS, issued by the testkit CA', async () => {
    const ca = describeCertificate(dir.caCert);
    for (const transport of ['ldaps', 'starttls'] as const) {
      const client = await connect(dir, { transport });
      try {
        const p = await detectDirectory(client, { probe: false });
        expect(p.tls?.issuer).toBe(ca.subject);
        expect(p.tls?.subjectAltNames).toContain('IP Address:127.0.0.1');
        expect(p.tls?.sha256Thumbprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
      } finally {
        await client.unbind();
      }
    }
    const read = await readServerCertificate(dir.ldapsUrl, { tls: { ca: dir.caCert } });
    expect(read.authorized).toBe(true);
    expect(read.certificate.issuer).toBe(ca.subject);
    const untrusted = await readServerCertificate(dir.ldapsUrl);
    expect(untrusted.authorized).toBe(false);
    expect(untrusted.certificate.sha256Thumbprint).toBe(read.certificate.sha256Thumbprint);
  });
});
