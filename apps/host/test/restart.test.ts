import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningDirectory, startDirectory } from '@scim2ldap/ldap-testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestHost } from '../src/cli/requestHost.ts';
import { connectorFor } from './support/connectorConfig.ts';
import { ECMA, entraClient } from './support/entraClient.ts';
import { type HostProcess, startHostProcess } from './support/startHostProcess.ts';

const token = 'restart-test-token-0123456789';

describe('start-up: full import into an empty cache, delta import into a persisted one', () => {
  let dir: RunningDirectory;
  let work: string;
  let host: HostProcess | undefined;
  const config = () => ({
    server: { tls: { mode: 'off' } },
    connectors: [connectorFor(dir, { partitions: [{ dn: dir.baseDn, containers: [dir.usersDn] }] })],
  });
  const env = () => ({ TEST_TOKEN: token, TEST_BIND_PASSWORD: dir.adminPassword });
  const ready = async (h: HostProcess) => JSON.parse((await requestHost(`${h.baseUrl}/readyz`)).text);

  beforeAll(async () => {
    dir = await startDirectory({ kind: 'openldap', seed: { users: 300 } });
    work = mkdtempSync(join(tmpdir(), 'scim2ldap-restart-'));
  });

  afterAll(async () => {
    await host?.stop();
    await dir?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('imports everything on the first start, then only the changes after a restart', async () => {
    host = await startHostProcess(config(), { env: env(), workdir: work });
    let status = await ready(host);
    expect(status.connectors[0]).toMatchObject({ phase: 'ready', entries: 300, initialImportDone: true });
    expect(status.connectors[0].lastRuns[0]).toMatchObject({ profile: 'full', outcome: 'success' });
    await host.stop();

    // A change made in the directory while the host was down.
    execFileSync('ldapadd', ['-x', '-H', dir.ldapUrl, '-D', dir.adminDn, '-w', dir.adminPassword], {
      input: `dn: uid=newcomer,${dir.usersDn}\nobjectClass: inetOrgPerson\nuid: newcomer\ncn: New Comer\nsn: Comer\nmail: newcomer@example.org\n`,
    });
    host = await startHostProcess(
      { ...config(), server: { tls: { mode: 'off' } } },
      { env: env(), workdir: work },
    );
    status = await ready(host);
    expect(status.connectors[0].lastRuns[0]).toMatchObject({ profile: 'delta', outcome: 'success' });
    expect(status.connectors[0].entries).toBe(301);
    const match = await entraClient(host.baseUrl, 'LDAP', token).match(
      `${ECMA}:mail`,
      'newcomer@example.org',
    );
    expect(match.body.totalResults).toBe(1);
  });

  it('answers 503 with Retry-After when the directory goes down, never a false success', async () => {
    if (!host) throw new Error('no host');
    const entra = entraClient(host.baseUrl, 'LDAP', token);
    const found = await entra.match(`${ECMA}:mail`, 'newcomer@example.org');
    const id = String(found.body.Resources?.[0]?.id);
    await dir.stop();
    const read = await entra.get(id);
    expect(read.status, JSON.stringify(read.body)).toBe(503);
    expect(read.headers['retry-after']).toBeDefined();
    const create = await entra.create({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      [ECMA]: {
        '-dn-': `uid=down,${dir.usersDn}`,
        objectClass: ['inetOrgPerson'],
        cn: 'down',
        sn: 'Down',
        mail: 'down@example.org',
      },
    });
    expect(create.status, JSON.stringify(create.body)).toBe(503);
    await new Promise((r) => setTimeout(r, 5500));
    const ready = JSON.parse((await requestHost(`${host.baseUrl}/readyz`)).text);
    expect(ready).toMatchObject({ status: 'not ready', connectors: [{ directoryReachable: false }] });
  });
});
