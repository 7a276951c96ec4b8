import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RunningDirectory, startDirectory } from '@scim2ldap/ldap-testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectorFor } from './support/connectorConfig.ts';
import { type HostProcess, startHostProcess } from './support/startHostProcess.ts';

/*
 * Microsoft's SCIM test collection (AzureAD/SCIMReferenceCode, PostmanCollection.json), run with newman
 * against the host with the inetOrgPerson preset (a generic SCIM client sending the core User schema). The
 * collection is read from a local mirror of that repository at test time (never copied into this repo);
 * set SCIM_REFERENCE_REPO to its git directory. Group folders are not run (groups come later); the other
 * deviations are listed in `expectedFailures` with the reason, and in apps/host/docs/scim-conformance.md.
 */
const mirror = process.env.SCIM_REFERENCE_REPO ?? '/work/.mirror/AzureAD+SCIMReferenceCode/repo';
const here = dirname(fileURLToPath(import.meta.url));
const newman = join(here, '..', 'node_modules', '.bin', 'newman');
const folders = ['Endpoint tests', 'User tests', 'ComplexAttribute tests', 'User tests with garbage'];

/** `<request name> / <assertion>` → why the host answers differently. Keep in step with the docs. */
const groups = 'groups are not provisioned yet (ECMA2Host does not either); /Groups answers 404';
const manager =
  'the enterprise manager "SuzzyQ" is not a DN; it maps to LDAP manager (DN syntax), so the directory rejects it: 400 naming the attribute, and the later steps on that user find no user';
const rdnChange =
  'userName maps to uid, the naming attribute of uid=…; replacing it needs a modDN, which provisioning does not do yet (namingViolation → 400)';
const attributesFilter =
  'attributes=emails[type eq "work"] is not an attribute path (RFC 7644 §3.9 allows names only); scim-core answers 400 invalidValue';
const unquoted =
  'the filter value is not quoted (RFC 7644 §3.4.2.2 requires a JSON string); scim-core answers 400 invalidFilter';
const expectedFailures: Readonly<Record<string, string>> = {
  'Get empty Groups / Status code is 200': groups,
  'Post EnterpriseUser / Status code is 201': manager,
  'Get user2 / Status code is 200': manager,
  'Get user2 / Id is requsted': manager,
  'User 2 replace test / Status code is 200': manager,
  'Get user2 Check replace / Status code is 200': manager,
  'Get user2 Check replace / Name is updated': manager,
  'Delete user2 / Status code is 204': manager,
  'Get User1 Check Patch / Username is changed': rdnChange,
  'Patch user omalley new username / Status code is 204': rdnChange,
  'get user1 / Username changed': rdnChange,
  'Get user attributes / Status code is 200': attributesFilter,
  'Get user attributes / Body contians User1 email': attributesFilter,
  'Get user via attributes filter / Status code is 200': attributesFilter,
  'patch user omalley active with boolean / Status code is 204':
    'a successful PATCH answers 200 with the resource read back (RFC 7644 §3.5.2 allows 200 or 204; Entra expects 200)',
  'Put a user OMalley / Body contians Germany':
    'addresses[].country has no inetOrgPerson attribute in the default preset, so it is not stored or returned',
  'filter eq and (val or val) / Total results': unquoted,
  'filter starts with / Total results': unquoted,
  'filter greater than / Total results': unquoted,
};

const token = 'conformance-token-0123456789';

describe.skipIf(!existsSync(mirror))("Microsoft's SCIM reference Postman collection (newman)", () => {
  let dir: RunningDirectory;
  let host: HostProcess;
  let work: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'scim2ldap-newman-'));
    writeFileSync(
      join(work, 'collection.json'),
      execFileSync('git', ['--git-dir', mirror, 'show', 'HEAD:PostmanCollection.json']),
    );
    dir = await startDirectory({ kind: 'openldap' });
    host = await startHostProcess(
      {
        server: { tls: { mode: 'off' } },
        connectors: [
          connectorFor(dir, {
            mapping: { preset: 'inetOrgPerson' },
            // A generic client matches on userName; several of the collection's users share one email address.
            matching: [{ attribute: 'uid', precedence: 1 }],
            deprovisioning: { disableFlow: { type: 'lock' }, deleteFlow: 'delete' },
          }),
        ],
      },
      { env: { TEST_TOKEN: token, TEST_BIND_PASSWORD: dir.adminPassword } },
    );
  });

  afterAll(async () => {
    await host?.stop();
    await dir?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('passes every user and endpoint test, except the listed deviations', () => {
    const url = new URL(host.baseUrl);
    const report = join(work, 'report.json');
    const run = spawnSync(
      newman,
      [
        'run',
        join(work, 'collection.json'),
        ...folders.flatMap((f) => ['--folder', f]),
        '--env-var',
        `Protocol=${url.protocol.replace(':', '')}`,
        '--env-var',
        `Server=${url.hostname}`,
        '--env-var',
        `Port=:${url.port}`,
        '--env-var',
        'Api=ecma2host_LDAP/scim',
        '--env-var',
        `token=${token}`,
        '--reporters',
        'cli,json',
        '--reporter-json-export',
        report,
        '--color',
        'off',
      ],
      { encoding: 'utf8' },
    );
    if (!existsSync(report))
      throw new Error(`newman wrote no report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
    const result = JSON.parse(readFileSync(report, 'utf8')) as {
      run: { failures: Array<{ source: { name: string }; error: { test?: string; message: string } }> };
    };
    const failures = result.run.failures.map((f) => `${f.source.name} / ${f.error.test ?? f.error.message}`);
    const unexpected = failures.filter((f) => !(f in expectedFailures));
    const details = result.run.failures
      .map((f) => `${f.source.name} / ${f.error.test ?? ''}: ${f.error.message}`)
      .join('\n');
    expect(unexpected, `${details}\n---\n${host.output().slice(-20000)}`).toEqual([]);
  });
});
