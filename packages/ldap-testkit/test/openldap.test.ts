import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { promisify } from 'node:util';
import { Client } from 'ldapts';
import { expect, it } from 'vitest';
import { startDirectory } from '../src/index.ts';
import { adminClient, describeSmoke, listening, portOf } from './smokeSuite.ts';

const run = promisify(execFile);
const WHOAMI = '1.3.6.1.4.1.4203.1.11.3';

describeSmoke('openldap', ({ dir, addedDn }) => {
  it('records the add in cn=accesslog', async () => {
    const d = dir();
    expect(d.changelogDn).toBe('cn=accesslog');
    const client = await adminClient(d);
    const { searchEntries } = await client.search('cn=accesslog', {
      filter: `(&(objectClass=auditAdd)(reqDN=${addedDn}))`,
      attributes: ['reqType', 'reqResult'],
    });
    await client.unbind();
    expect(searchEntries).toHaveLength(1);
    expect(searchEntries[0]?.['reqType']).toBe('add');
    expect(searchEntries[0]?.['reqResult']).toBe('0');
  });

  it('binds with SASL EXTERNAL over LDAPS using the client certificate, as the admin', async () => {
    const d = dir();
    const client = new Client({
      url: d.ldapsUrl,
      tlsOptions: {
        ca: d.caCert,
        cert: readFileSync(d.clientCertPath ?? ''),
        key: readFileSync(d.clientKeyPath ?? ''),
      },
    });
    await client.bind('EXTERNAL');
    const who = await client.exop(WHOAMI);
    // admin rights: cn=accesslog is readable by the admin only
    const { searchEntries } = await client.search('cn=accesslog', { scope: 'base' });
    await client.unbind();
    expect(who.value).toBe(`dn:${d.adminDn}`);
    expect(searchEntries).toHaveLength(1);
  });

  it('binds with SASL EXTERNAL after StartTLS with the client certificate', async () => {
    const d = dir();
    const client = new Client({ url: d.ldapUrl });
    await client.startTLS({
      ca: d.caCert,
      servername: 'localhost',
      cert: readFileSync(d.clientCertPath ?? ''),
      key: readFileSync(d.clientKeyPath ?? ''),
    });
    await client.bind('EXTERNAL');
    const who = await client.exop(WHOAMI);
    await client.unbind();
    expect(who.value).toBe(`dn:${d.adminDn}`);
  });

  it('refuses SASL EXTERNAL over LDAPS without a client certificate', async () => {
    const d = dir();
    const client = new Client({ url: d.ldapsUrl, tlsOptions: { ca: d.caCert } });
    await expect(client.bind('EXTERNAL')).rejects.toThrow();
    await client.unbind().catch(() => undefined);
  });

  it('binds with SASL EXTERNAL over ldapi (peer credentials), in ldapts and in the ldapwhoami CLI', async () => {
    const d = dir();
    const socketPath = d.ldapiSocketPath ?? '';
    const client = new Client({ url: 'ldap://localhost', createConnection: () => connect(socketPath) });
    await client.bind('EXTERNAL');
    const who = await client.exop(WHOAMI);
    await client.unbind();
    expect(who.value).toBe(`dn:${d.adminDn}`);
    const { stdout } = await run('ldapwhoami', ['-Y', 'EXTERNAL', '-H', d.ldapiUrl ?? '']);
    expect(stdout.trim()).toBe(`dn:${d.adminDn}`);
  });

  it('runs a second OpenLDAP at the same time on other ports and in another workdir', async () => {
    const d = dir();
    const other = await startDirectory({ kind: 'openldap', accesslog: false, ppolicy: false, noSync: true });
    try {
      expect(other.ldapUrl).not.toBe(d.ldapUrl);
      expect(other.workdir).not.toBe(d.workdir);
      expect(other.changelogDn).toBeUndefined();
      const client = await adminClient(other);
      const { searchEntries } = await client.search(other.baseDn, { scope: 'one', attributes: ['ou'] });
      await client.unbind();
      expect(searchEntries.map((e) => String(e['ou'])).sort()).toEqual(['groups', 'people']);
    } finally {
      await other.stop();
    }
    expect(await listening(portOf(other.ldapUrl))).toBe(false);
    // the first one is untouched
    const client = await adminClient(d);
    await client.unbind();
  });
});
