// The whole host started in-process (what `scim2ldap serve` does), as an application team embeds it: a
// configuration object, `startHost`, SCIM over HTTP, `close`; against a real OpenLDAP from the testkit.
import { type RunningDirectory, startDirectory } from '@scim2ldap/ldap-testkit';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseConfig, type RunningHost, startHost } from '../src/index.ts';
import { connectorFor } from './support/connectorConfig.ts';
import { CORE_USER } from './support/entraClient.ts';
import { ldapsearchLdif } from './support/ldapsearch.ts';

const token = 'embedded-token-0123456789';
let dir: RunningDirectory;
let host: RunningHost;
const stateDir = mkdtempSync(join(tmpdir(), 'scim2ldap-embedded-'));

beforeAll(async () => {
  dir = await startDirectory({ kind: 'openldap' });
  const config = parseConfig(
    {
      server: { tls: { mode: 'off' }, port: 0, listen: '127.0.0.1', stateDir, log: { file: '/dev/null' } },
      connectors: [connectorFor(dir, { partitions: [{ dn: dir.baseDn, containers: [dir.usersDn] }] })],
    },
    { env: { TEST_TOKEN: token, TEST_BIND_PASSWORD: dir.adminPassword } },
  );
  host = await startHost(config);
}, 60_000);

afterAll(async () => {
  await host?.close();
  await dir?.stop();
  rmSync(stateDir, { recursive: true, force: true });
});

it('serves SCIM from a host started in-process, into the real directory, and closes cleanly', async () => {
  expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  const users = `${host.url}/ecma2host_LDAP/scim/Users`;
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' };
  for (let i = 0; i < 100; i++) {
    if ((await fetch(`${host.url}/readyz`)).status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect((await fetch(`${host.url}/readyz`)).status).toBe(200);

  const created = await fetch(users, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      schemas: [CORE_USER],
      userName: 'embedded.user@contoso.com',
      name: { givenName: 'Embedded', familyName: 'User' },
      emails: [{ value: 'embedded.user@contoso.com', type: 'work', primary: true }],
      active: true,
    }),
  });
  expect(created.status).toBe(201);
  const body = (await created.json()) as { id: string };

  const found = await fetch(
    `${users}?filter=${encodeURIComponent('userName eq "embedded.user@contoso.com"')}`,
    {
      headers,
    },
  );
  expect(((await found.json()) as { totalResults: number }).totalResults).toBe(1);
  expect(ldapsearchLdif(dir, '(mail=embedded.user@contoso.com)', ['entryUUID'])).toContain(
    `entryUUID: ${body.id}`,
  );

  await host.close();
  await expect(fetch(`${users}/${body.id}`, { headers })).rejects.toThrow();
});
