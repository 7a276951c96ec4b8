import { startContainer } from './startContainer.ts';
import { startNative } from './startNative.ts';
import { checkSeedCount } from './seedUsers.ts';
import { TestkitError } from './TestkitError.ts';
import type { DirectoryKind, RunningDirectory, StartDirectoryOptions } from './types.ts';

const KINDS: readonly DirectoryKind[] = ['openldap', '389ds', 'apacheds'];

/** The most seed users ApacheDS is given (they are added over LDAP; about 3 minutes at this size). */
export const MAX_APACHEDS_SEED = 20_000;

/** The default admin password (389 DS requires at least 8 characters). */
export const DEFAULT_ADMIN_PASSWORD = 'admin-secret';

/**
 * Starts a real, throw-away directory server on 127.0.0.1 (random free ports, its own temp directory,
 * suffix `dc=example,dc=org`, LDAPS and StartTLS with a certificate from a fresh CA) and resolves once it
 * answers. Several may run at once. Call `stop()` when done; if the test process dies first, the server
 * is stopped and its directory removed anyway.
 * @param options which server, seed users and toggles
 * @example
 * const dir = await startDirectory({ kind: 'openldap', seed: { users: 1000 } });
 * try {
 *   const client = new Client({ url: dir.ldapUrl });
 *   await client.bind(dir.adminDn, dir.adminPassword);
 * } finally {
 *   await dir.stop();
 * }
 */
export async function startDirectory(options: StartDirectoryOptions): Promise<RunningDirectory> {
  if (!KINDS.includes(options.kind)) {
    throw new TestkitError(
      'INVALID_OPTION',
      `kind must be one of ${KINDS.join(', ')}, got '${options.kind}'`,
    );
  }
  const adminPassword = options.adminPassword ?? DEFAULT_ADMIN_PASSWORD;
  if (adminPassword.length < 8 || /[\r\n\0]/.test(adminPassword)) {
    throw new TestkitError(
      'INVALID_OPTION',
      'adminPassword must have at least 8 characters (389 DS refuses shorter ones) and no line breaks',
    );
  }
  if (options.seed) {
    checkSeedCount(options.seed.users);
    if (options.seed.ou !== undefined && !/^[A-Za-z0-9][A-Za-z0-9 ._-]*$/.test(options.seed.ou)) {
      throw new TestkitError(
        'INVALID_OPTION',
        `seed.ou must be a plain OU name like 'people', got '${options.seed.ou}'`,
      );
    }
  }
  if (options.kind === 'apacheds' && (options.seed?.users ?? 0) > MAX_APACHEDS_SEED) {
    throw new TestkitError(
      'INVALID_OPTION',
      `seed.users for apacheds is limited to ${MAX_APACHEDS_SEED}: ApacheDS has no offline loader and takes ` +
        'users over LDAP at roughly 100 per second; seed large sets into openldap or 389ds',
    );
  }
  if (options.kind !== 'openldap') {
    for (const key of ['noSync', 'accesslog', 'ppolicy'] as const) {
      if (options[key] !== undefined) {
        throw new TestkitError(
          'INVALID_OPTION',
          `${key} applies to kind 'openldap' only, not '${options.kind}'`,
        );
      }
    }
  }
  const runtime =
    options.runtime ?? (process.env['SCIM2LDAP_TESTKIT'] === 'containers' ? 'containers' : 'native');
  if (runtime === 'containers') return startContainer(options, adminPassword);
  return startNative(options, adminPassword);
}
