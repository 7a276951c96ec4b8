import { connect } from 'node:net';
import { Client } from 'ldapts';
import { expect, it } from 'vitest';
import { adminClient, describeSmoke } from './smokeSuite.ts';

describeSmoke('389ds', ({ dir, addedDn }) => {
  it('records the add in cn=changelog (Retro Changelog)', async () => {
    const d = dir();
    expect(d.changelogDn).toBe('cn=changelog');
    const client = await adminClient(d);
    const { searchEntries } = await client.search('cn=changelog', {
      scope: 'one',
      filter: `(targetDn=${addedDn})`,
      attributes: ['changeType', 'changeNumber', 'targetUniqueId'],
    });
    await client.unbind();
    expect(searchEntries).toHaveLength(1);
    expect(searchEntries[0]?.['changeType']).toBe('add');
    expect(Number(searchEntries[0]?.['changeNumber'])).toBeGreaterThan(0);
    expect(searchEntries[0]?.['targetUniqueId']).toBeTruthy();
  });

  it('autobinds the local root user over ldapi with SASL EXTERNAL as cn=Directory Manager', async () => {
    const d = dir();
    const socketPath = d.ldapiSocketPath ?? '';
    const client = new Client({ url: 'ldap://localhost', createConnection: () => connect(socketPath) });
    await client.bind('EXTERNAL');
    const who = await client.exop('1.3.6.1.4.1.4203.1.11.3');
    await client.unbind();
    // 389 DS answers "dn: cn=directory manager" (with a space after the colon, unlike OpenLDAP)
    expect(who.value).toMatch(/^dn:\s*cn=directory manager$/i);
  });
});
