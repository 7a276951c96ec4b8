import type { RunningDirectory } from '@scim2ldap/ldap-testkit';
import {
  type ConnectionPool,
  createConnectionPool,
  createLdapTarget,
  type LdapConnection,
  type LdapTarget,
  type LdapTargetOptions,
  type Modification,
} from '../src/index.ts';

/** Admin pool to a test directory, over StartTLS with the testkit's CA. */
export function adminPool(dir: RunningDirectory, size = 2): ConnectionPool {
  return createConnectionPool({
    url: dir.ldapUrl,
    startTls: true,
    tls: { ca: dir.caCert },
    bind: { method: 'simple', dn: dir.adminDn, password: dir.adminPassword },
    size,
    healthCheckIntervalMs: 0,
  });
}

/** The anchor attribute each test server offers. */
export function anchorOf(dir: RunningDirectory): string {
  return dir.kind === '389ds' ? 'nsUniqueId' : 'entryUUID';
}

/** A target over the given pool, scoped to the users OU, with a modify counter for "sends nothing" checks. */
export function targetFor(
  dir: RunningDirectory,
  pool: ConnectionPool,
  overrides: Partial<LdapTargetOptions> = {},
): { target: LdapTarget; writes: { count: number; modifications: Modification[][] } } {
  const writes = { count: 0, modifications: [] as Modification[][] };
  const counted = (connection: LdapConnection): LdapConnection =>
    new Proxy(connection, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver) as unknown;
        if (typeof value !== 'function') return value;
        if (key === 'modify' || key === 'add' || key === 'modifyDn' || key === 'delete') {
          return (...args: unknown[]) => {
            writes.count++;
            if (key === 'modify') writes.modifications.push(args[1] as Modification[]);
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        return (value as (...a: unknown[]) => unknown).bind(target);
      },
    }) as LdapConnection;
  const counting: ConnectionPool = {
    ...pool,
    size: pool.size,
    url: pool.url,
    use: (fn) => pool.use((connection) => fn(counted(connection))),
    share: (fn) => (pool.share ?? pool.use)((connection) => fn(counted(connection))),
  };
  const target = createLdapTarget({
    pool: counting,
    bases: [dir.usersDn],
    anchor: anchorOf(dir),
    singleValued: [
      'displayName',
      'uidNumber',
      'gidNumber',
      'homeDirectory',
      'employeeNumber',
      'preferredLanguage',
    ],
    ...overrides,
  });
  return { target, writes };
}

/** Can `dn` bind with `password` (a fresh connection each time)? */
export async function canBind(dir: RunningDirectory, dn: string, password: string): Promise<boolean> {
  const { createLdapConnection } = await import('../src/index.ts');
  const connection = createLdapConnection({ url: dir.ldapUrl, bind: { method: 'simple', dn, password } });
  try {
    await connection.connect();
    return true;
  } catch (error) {
    if ((error as { kind?: string }).kind === 'bind') return false;
    throw error;
  } finally {
    await connection.close();
  }
}

let counter = 0;
/** A fresh inetOrgPerson for a test. */
export function newUser(
  dir: RunningDirectory,
  name = `t${Date.now().toString(36)}${counter++}`,
  extra: Record<string, string[]> = {},
): { dn: string; objectClasses: string[]; attributes: Record<string, string[]> } {
  return {
    dn: `uid=${name},${dir.usersDn}`,
    objectClasses: ['top', 'person', 'organizationalPerson', 'inetOrgPerson'],
    attributes: { uid: [name], cn: [`Test ${name}`], sn: ['Tester'], ...extra },
  };
}
