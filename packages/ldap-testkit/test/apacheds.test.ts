import { expect, it } from 'vitest';
import { adminClient, describeSmoke } from './smokeSuite.ts';

describeSmoke('apacheds', ({ dir }) => {
  it('serves posixAccount (the nis schema is enabled) and reports no change log', async () => {
    const d = dir();
    expect(d.changelogDn).toBeUndefined();
    expect(d.ldapiUrl).toBeUndefined();
    const client = await adminClient(d);
    const { searchEntries } = await client.search('cn=nis,ou=schema', {
      scope: 'base',
      attributes: ['m-disabled'],
    });
    await client.unbind();
    expect(String(searchEntries[0]?.['m-disabled']).toUpperCase()).toBe('FALSE');
  });
});
