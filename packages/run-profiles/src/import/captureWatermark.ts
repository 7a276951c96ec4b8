import type { ConnectionPool } from '../connection/createConnectionPool.ts';
import type { LdapConnection } from '../connection/createLdapConnection.ts';
import { LdapOperationError } from '../errors/LdapOperationError.ts';
import { valuesOf } from './importScope.ts';

/**
 * How changes are found since the last import: OpenLDAP `accesslog`, the `changelog` of 389 DS and the
 * draft-good-ldap-changelog servers, AD LDS `usn` (uSNChanged), `modifyTimestamp` (cannot see deletes),
 * `syncrepl` (RFC 4533 content sync, refreshOnly; the anchor must be entryUUID), or `none` (every delta
 * import is a full import, e.g. ApacheDS).
 */
export type DeltaMethod = 'accesslog' | 'changelog' | 'usn' | 'modifyTimestamp' | 'syncrepl' | 'none';

/** Default log locations per method. */
export const defaultChangelogDn: Readonly<Record<'accesslog' | 'changelog', string>> = {
  accesslog: 'cn=accesslog',
  changelog: 'cn=changelog',
};

/**
 * Reads the directory's current position for a delta method, from the directory's own clock or counters
 * (never the local clock): the accesslog's contextCSN / newest reqStart, the changelog's lastChangeNumber,
 * AD LDS highestCommittedUSN. `undefined` for `modifyTimestamp` (taken from the entries while importing).
 * @param pool the connection pool
 * @param method the delta method
 * @param changelogDn where the log lives, when not the default
 */
export async function captureWatermark(
  pool: ConnectionPool,
  method: DeltaMethod,
  changelogDn?: string,
): Promise<string | undefined> {
  // syncrepl: the cookie comes from the first content-sync refresh, not from a full import.
  if (method === 'none' || method === 'modifyTimestamp' || method === 'syncrepl') return undefined;
  return pool.use(async (connection) => {
    switch (method) {
      case 'accesslog':
        return accesslogPosition(connection, changelogDn ?? defaultChangelogDn.accesslog);
      case 'changelog':
        return changelogPosition(connection, changelogDn ?? defaultChangelogDn.changelog);
      case 'usn': {
        const root = await connection.read('', ['highestCommittedUSN']);
        const usn = root === undefined ? undefined : valuesOf(root, 'highestCommittedUSN')[0];
        if (usn === undefined)
          throw missingLog('usn', 'the Root DSE has no highestCommittedUSN (not AD LDS?)');
        return usn;
      }
    }
  });
}

/**
 * The newest reqStart in the accesslog: the timestamp of the log database's contextCSN when present (one
 * read), else the largest reqStart found by scanning the log's reqStart values.
 * @param connection a connection
 * @param logDn the accesslog suffix
 */
export async function accesslogPosition(connection: LdapConnection, logDn: string): Promise<string> {
  const root = await connection.read(logDn, ['contextCSN']).catch((error: unknown) => {
    throw missingLog('accesslog', `${logDn} is not readable (${(error as Error).message})`);
  });
  if (root === undefined)
    throw missingLog('accesslog', `${logDn} does not exist or is not readable by the bind DN`);
  const csns = valuesOf(root, 'contextCSN');
  let newest = '';
  for (const csn of csns) {
    const stamp = csn.split('#')[0] ?? '';
    if (stamp > newest) newest = stamp;
  }
  if (newest !== '') return newest;
  for await (const page of connection.searchPages(logDn, {
    scope: 'one',
    filter: '(objectClass=auditWriteObject)',
    attributes: ['reqStart'],
    pageSize: 1000,
  })) {
    for (const entry of page) {
      const stamp = valuesOf(entry, 'reqStart')[0] ?? '';
      if (stamp > newest) newest = stamp;
    }
  }
  // An empty log: everything from now on is new; 00000101000000Z sorts before any real reqStart.
  return newest === '' ? '00000101000000.000000Z' : newest;
}

/**
 * The last change number of a draft-good-ldap-changelog log: Root DSE `lastChangeNumber` (389 DS, OpenDJ),
 * else the largest changeNumber under the log.
 * @param connection a connection
 * @param logDn the changelog suffix
 */
export async function changelogPosition(connection: LdapConnection, logDn: string): Promise<string> {
  const root = await connection.read('', ['lastChangeNumber', 'firstChangeNumber', 'changelog']);
  const last = root === undefined ? undefined : valuesOf(root, 'lastChangeNumber')[0];
  if (last !== undefined) return last;
  let newest = 0;
  try {
    for await (const page of connection.searchPages(logDn, {
      scope: 'one',
      filter: '(changeNumber=*)',
      attributes: ['changeNumber'],
      pageSize: 1000,
    })) {
      for (const entry of page) newest = Math.max(newest, Number(valuesOf(entry, 'changeNumber')[0] ?? 0));
    }
  } catch (error) {
    throw missingLog('changelog', `${logDn} is not readable (${(error as Error).message})`);
  }
  return String(newest);
}

function missingLog(method: string, detail: string): LdapOperationError {
  return new LdapOperationError(
    `delta method "${method}" is not available: ${detail}. Check the change log DN and that the bind DN may read it, or use another delta method.`,
    { code: 'noSuchObject', kind: 'unsupported', operation: 'deltaImport' },
  );
}
