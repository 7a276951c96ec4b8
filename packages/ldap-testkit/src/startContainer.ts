import { readFileSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE_DN, baseEntries } from './baseEntries.ts';
import { escapeDnValue } from './ldif.ts';
import { loadEntriesOnline } from './loadEntriesOnline.ts';
import { runScript } from './runScript.ts';
import { seedUsers } from './seedUsers.ts';
import { TestkitError } from './TestkitError.ts';
import type { RunningDirectory, StartDirectoryOptions } from './types.ts';

/** The OpenLDAP image used where a container engine is available. */
export const OPENLDAP_IMAGE = 'osixia/openldap:1.5.0';

/**
 * Starts OpenLDAP through testcontainers (`SCIM2LDAP_TESTKIT=containers`). Same returned shape as the
 * native path, with the testkit's own CA and server certificate mounted into the image; seed users are
 * added over LDAP. No accesslog, ldapi or client-certificate mapping in this mode. Not exercised on the
 * machine this was written on (it has no container engine).
 * @param options start options (kind must be `openldap`)
 * @param adminPassword the admin password
 */
export async function startContainer(
  options: StartDirectoryOptions,
  adminPassword: string,
): Promise<RunningDirectory> {
  if (options.kind !== 'openldap') {
    throw new TestkitError(
      'INVALID_OPTION',
      `the containers runtime starts 'openldap' only, not '${options.kind}'`,
    );
  }
  const started = Date.now();
  const workdir = await mkdtemp(join(tmpdir(), 'scim2ldap-container-'));
  let testcontainers: typeof import('testcontainers');
  try {
    testcontainers = await import('testcontainers');
  } catch (cause) {
    throw new TestkitError(
      'MISSING_PREREQUISITE',
      'the containers runtime needs the testcontainers package',
      {
        cause,
      },
    );
  }
  try {
    await runScript('make-certs.sh', [join(workdir, 'tls')], {});
    const certs = '/container/service/slapd/assets/certs';
    const container = await new testcontainers.GenericContainer(OPENLDAP_IMAGE)
      .withEnvironment({
        LDAP_ORGANISATION: 'Example Org',
        LDAP_DOMAIN: 'example.org',
        LDAP_ADMIN_PASSWORD: adminPassword,
        LDAP_TLS_CRT_FILENAME: 'server.crt',
        LDAP_TLS_KEY_FILENAME: 'server.key',
        LDAP_TLS_CA_CRT_FILENAME: 'ca.crt',
        LDAP_TLS_VERIFY_CLIENT: 'try',
      })
      .withCopyFilesToContainer(
        ['ca.crt', 'server.crt', 'server.key'].map((f) => ({
          source: join(workdir, 'tls', f),
          target: `${certs}/${f}`,
        })),
      )
      .withExposedPorts(389, 636)
      .withWaitStrategy(testcontainers.Wait.forLogMessage(/slapd starting/))
      .start();
    const host = container.getHost();
    const caCertPath = join(workdir, 'tls', 'ca.crt');
    const usersOu = options.seed?.ou ?? 'people';
    let stopped: Promise<void> | undefined;
    const directory: RunningDirectory = {
      kind: 'openldap',
      ldapUrl: `ldap://${host}:${container.getMappedPort(389)}`,
      ldapsUrl: `ldaps://${host}:${container.getMappedPort(636)}`,
      baseDn: BASE_DN,
      usersDn: `ou=${escapeDnValue(usersOu)},${BASE_DN}`,
      adminDn: `cn=admin,${BASE_DN}`,
      adminPassword,
      caCertPath,
      caCert: readFileSync(caCertPath, 'utf8'),
      clientCertPath: join(workdir, 'tls', 'client.crt'),
      clientKeyPath: join(workdir, 'tls', 'client.key'),
      workdir,
      pid: 0,
      startupMs: 0,
      stop: () => {
        stopped ??= container
          .stop()
          .then(() => undefined)
          .finally(() => rmSync(workdir, { recursive: true, force: true }));
        return stopped;
      },
    };
    // the image creates the suffix entry itself
    const entries = baseEntries({ kind: 'openldap', usersOu, ppolicy: false }).filter(
      (e) => e.dn !== BASE_DN,
    );
    const seed =
      options.seed && options.seed.users > 0 ? seedUsers({ users: options.seed.users, ou: usersOu }) : [];
    await loadEntriesOnline(directory, [...entries, ...seed]);
    return { ...directory, startupMs: Date.now() - started };
  } catch (error) {
    rmSync(workdir, { recursive: true, force: true });
    if (error instanceof TestkitError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    if (/container runtime/i.test(reason)) {
      throw new TestkitError(
        'MISSING_PREREQUISITE',
        `SCIM2LDAP_TESTKIT=containers needs a container engine (Docker or Podman) and none was found (${reason}); ` +
          'unset SCIM2LDAP_TESTKIT to run the directories as native processes',
        { cause: error },
      );
    }
    throw new TestkitError(
      'START_FAILED',
      `could not start ${OPENLDAP_IMAGE} through testcontainers: ${reason}`,
      {
        cause: error,
      },
    );
  }
}
