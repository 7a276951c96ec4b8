// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${env:NAME} is the config file's secret syntax
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type RunningDirectory, startDirectory } from '@scim2ldap/ldap-testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectorFor, inetOrgPersonAttributes, posixConnectorSettings } from './support/connectorConfig.ts';
import { ECMA, entraClient } from './support/entraClient.ts';
import { walkEntraSequence } from './support/entraSequence.ts';
import { ldapsearch } from './support/ldapsearch.ts';
import { type HostProcess, startHostProcess } from './support/startHostProcess.ts';

const token = 'openldap-test-token-0123456789';
const inetToken = 'inet-connector-token-987654';
const dnToken = 'dn-anchor-connector-token-5555';

describe('scim2ldap serve against OpenLDAP (HTTPS, POSIX schema)', () => {
  let dir: RunningDirectory;
  let host: HostProcess;
  let ca: string;

  beforeAll(async () => {
    dir = await startDirectory({ kind: 'openldap' });
    // An existing directory user, there before the host's first import.
    const { execFileSync } = await import('node:child_process');
    execFileSync('ldapadd', ['-x', '-H', dir.ldapUrl, '-D', dir.adminDn, '-w', dir.adminPassword], {
      input: `dn: cn=jdoe,${dir.baseDn}\nobjectClass: inetOrgPerson\ncn: jdoe\nsn: Doe\nmail: jdoe@contoso.com\n`,
    });
    host = await startHostProcess(
      {
        server: { tls: { mode: 'self-signed', hostnames: ['localhost'] } },
        connectors: [
          connectorFor(dir, posixConnectorSettings),
          // ECMA2Host's anchor for OpenLDAP in the walkthrough: the DN, so SCIM ids are DNs in URLs.
          connectorFor(dir, {
            name: 'DnAnchor',
            secretToken: '${env:TEST_TOKEN_DN}',
            anchor: '-dn-',
            ...posixConnectorSettings,
          }),
          // The seed's other schema, as a second connector in the same host: inetOrgPerson only.
          connectorFor(dir, {
            name: 'Inet',
            secretToken: '${env:TEST_TOKEN_INET}',
            attributes: inetOrgPersonAttributes,
            mapping: { preset: 'none' },
            matching: [{ attribute: 'mail', precedence: 1 }],
          }),
        ],
      },
      {
        env: {
          TEST_TOKEN: token,
          TEST_TOKEN_INET: inetToken,
          TEST_TOKEN_DN: dnToken,
          TEST_BIND_PASSWORD: dir.adminPassword,
        },
      },
    );
    ca = readFileSync(join(host.workdir, 'state', 'tls', 'cert.pem'), 'utf8');
  });

  afterAll(async () => {
    await host?.stop();
    await dir?.stop();
  });

  it('walks the whole Entra sequence over HTTPS, trusting the generated certificate', async () => {
    const entra = entraClient(host.baseUrl.replace('127.0.0.1', 'localhost'), 'LDAP', token, { ca });
    await walkEntraSequence(dir, entra, 'pwdAccountLockedTime');
  });

  it('walks the sequence again with the DN as anchor (ids are DNs, URL-encoded)', async () => {
    const entra = entraClient(host.baseUrl, 'DnAnchor', dnToken);
    const created = await entra.create({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      [ECMA]: {
        '-dn-': `CN=dn.user,${dir.baseDn}`,
        objectClass: ['inetOrgPerson'],
        cn: 'dn.user',
        sn: 'User',
        mail: 'dn.user@contoso.com',
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(String(created.body.id).toLowerCase()).toBe(`cn=dn.user,${dir.baseDn}`.toLowerCase());
    await walkEntraSequence(dir, entra, 'pwdAccountLockedTime');
    expect((await entra.remove(String(created.body.id))).status).toBe(204);
  });

  it("serves a second connector with the seed's inetOrgPerson schema, with its own token", async () => {
    const inet = entraClient(host.baseUrl, 'Inet', inetToken);
    expect((await entraClient(host.baseUrl, 'Inet', token).probe()).status).toBe(401);
    const schemas = await inet.schemas();
    const ext = schemas.body.Resources?.find((s) => s.id === ECMA) as { attributes: Array<{ name: string }> };
    expect(ext.attributes.map((a) => a.name)).toEqual([
      '-dn-',
      'cn',
      'mail',
      'objectClass',
      'sn',
      'userPassword',
    ]);
    const created = await inet.create({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      [ECMA]: {
        '-dn-': `CN=alice,${dir.baseDn}`,
        objectClass: ['inetOrgPerson'],
        cn: 'Alice Smith',
        sn: 'Smith',
        mail: 'alice@contoso.com',
        userPassword: 'Alice-Initial-1',
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const entry = ldapsearch(dir, '(mail=alice@contoso.com)', ['objectClass', 'cn', 'userPassword']);
    expect(entry[0]?.attributes.objectclass).toEqual(['inetOrgPerson']);
    expect(entry[0]?.attributes.userpassword?.[0]).toBeDefined();
  });

  it('matches an existing directory user by mail and updates it instead of creating a duplicate', async () => {
    const entra = entraClient(host.baseUrl, 'LDAP', token);
    const match = await entra.match(`${ECMA}:mail`, 'jdoe@contoso.com');
    expect(match.body.totalResults).toBe(1);
    const id = String(match.body.Resources?.[0]?.id);
    const r = await entra.replace(id, { [`${ECMA}:sn`]: 'Doe-Smith' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const entries = ldapsearch(dir, '(mail=jdoe@contoso.com)');
    expect(entries).toHaveLength(1);
    expect(entries[0]?.attributes.sn).toEqual(['Doe-Smith']);
    const dup = await entra.create({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      [ECMA]: {
        '-dn-': `CN=jdoe2,${dir.baseDn}`,
        objectClass: ['inetOrgPerson'],
        cn: 'jdoe2',
        sn: 'Doe',
        mail: 'jdoe@contoso.com',
      },
    });
    expect(dup.status).toBe(409);
    expect(ldapsearch(dir, '(mail=jdoe@contoso.com)')).toHaveLength(1);
  });

  it('finds an entry created outside the host since the last import', async () => {
    const { execFileSync } = await import('node:child_process');
    execFileSync('ldapadd', ['-x', '-H', dir.ldapUrl, '-D', dir.adminDn, '-w', dir.adminPassword], {
      input: `dn: cn=outside,${dir.baseDn}\nobjectClass: inetOrgPerson\ncn: outside\nsn: Side\nmail: outside@contoso.com\n`,
    });
    const entra = entraClient(host.baseUrl, 'LDAP', token);
    const match = await entra.match(`${ECMA}:mail`, 'outside@contoso.com');
    expect(match.body.totalResults).toBe(1);
  });

  it('keeps the token and passwords out of the provisioning log, one JSON line per request', async () => {
    const log = readFileSync(host.logFile, 'utf8');
    expect(log).not.toContain(token);
    expect(log).not.toContain(dir.adminPassword);
    expect(log).not.toContain('Initial-Pa55word!');
    const requests = log
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.kind === 'request');
    const create = requests.find((l) => l.operation === 'createUser' && l.status === 201);
    expect(create).toMatchObject({ connector: 'LDAP', outcome: 'success' });
    expect(create?.ldapOps).toEqual(
      expect.arrayContaining([expect.objectContaining({ operation: 'add', result: 'success' })]),
    );
    expect(typeof create?.durationMs).toBe('number');
    expect(create?.requestId).toBeTypeOf('string');
  });

  it('shows the imported entries on /cache and counts requests on /metrics', async () => {
    const entra = entraClient(host.baseUrl, 'LDAP', token);
    const cache = await entra.cache();
    expect(cache.status).toBe(200);
    expect(cache.body.totalResults).toBeGreaterThanOrEqual(1);
    const { requestHost } = await import('../src/cli/requestHost.ts');
    const metrics = await requestHost(`${host.baseUrl}/metrics`, { insecure: true });
    expect(metrics.text).toMatch(
      /scim2ldap_scim_requests_total\{connector="LDAP",operation="createUser",status="201"\} \d+/,
    );
    expect(metrics.text).toMatch(
      /scim2ldap_ldap_operations_total\{connector="LDAP",op="add",result="success"\} \d+/,
    );
    expect(metrics.text).toMatch(/scim2ldap_tls_certificate_not_after_timestamp_seconds \d+/);
    expect(metrics.text).toContain(
      'scim2ldap_import_runs_total{connector="LDAP",outcome="success",profile="full"} 1',
    );
    expect(metrics.text).toMatch(/scim2ldap_connector_ready\{connector="LDAP"\} 1/);
    const ready = await requestHost(`${host.baseUrl}/readyz`, { insecure: true });
    expect(JSON.parse(ready.text)).toMatchObject({ status: 'ready', certificate: { origin: 'generated' } });
  });
});
