import { parentDn } from '../dn/formatDn.ts';
import { assertDn } from '../dn/parseDn.ts';
import { LdapOperationError } from '../errors/LdapOperationError.ts';
import {
  mustReadBack,
  serverSupports,
  type TargetContext,
  toDirectoryEntry,
} from '../target/targetContext.ts';
import type { DirectoryEntry, NewDirectoryEntry } from '../target/types.ts';
import { cleanValues } from './diffAttributes.ts';
import { PostReadControl, postReadOid } from './PostReadControl.ts';
import { writePassword } from './setPassword.ts';

/**
 * Adds an entry (object classes + attributes, empty values dropped), sets its password when given, and
 * returns it as read back. A missing parent is reported by DN. If the password step fails, the new entry is
 * deleted again; if even that fails, the error says exactly what was left behind.
 * @param context the target context
 * @param entry DN, object classes and attributes
 * @param password optional initial password (never logged)
 */
export async function addEntry(
  context: TargetContext,
  entry: NewDirectoryEntry,
  password?: string,
): Promise<DirectoryEntry> {
  assertDn(entry.dn);
  const attributes: Record<string, string[]> = { objectClass: cleanValues(entry.objectClasses) };
  if (attributes['objectClass']?.length === 0) {
    throw new LdapOperationError(
      `add ${entry.dn}: no objectClass given; name the user's structural object class.`,
      {
        code: 'objectClassViolation',
        kind: 'invalid',
        operation: 'add',
        dn: entry.dn,
        attribute: 'objectClass',
      },
    );
  }
  for (const name in entry.attributes) {
    if (name.length === 11 && name.toLowerCase() === 'objectclass') continue;
    const clean = cleanValues(entry.attributes[name]!);
    if (clean.length > 0) attributes[name] = clean;
  }
  if (password === undefined && context.pool.share !== undefined) {
    // Post-Read (RFC 4527) returns the entry with the add response, so the add needs no exclusive connection:
    // adds share connections (several in flight on each), which keeps the directory busy.
    const added = await context.pool.share(async (connection) => {
      if (!(await serverSupports(context, connection, 'supportedControl', postReadOid))) return undefined;
      const postRead = new PostReadControl(context.readAttributes);
      try {
        await connection.add(entry.dn, attributes, [postRead]);
      } catch (error) {
        throw missingParent(error, entry.dn);
      }
      // Our own read, sent after the add's response, sees the add whatever else shares the connection.
      if (postRead.entry === undefined) return mustReadBack(context, connection, entry.dn);
      return toDirectoryEntry(context, postRead.entry);
    });
    if (added !== undefined) return added;
  }
  return context.pool.use(async (connection) => {
    // Post-Read (RFC 4527) returns the entry with the add response: a read-back without a second request.
    const postRead =
      password === undefined && (await serverSupports(context, connection, 'supportedControl', postReadOid))
        ? new PostReadControl(context.readAttributes)
        : undefined;
    try {
      await connection.add(entry.dn, attributes, postRead === undefined ? undefined : [postRead]);
    } catch (error) {
      throw missingParent(error, entry.dn);
    }
    if (postRead?.entry !== undefined) return toDirectoryEntry(context, postRead.entry);
    if (password !== undefined) {
      try {
        await writePassword(context, connection, entry.dn, password);
      } catch (error) {
        throw await undoAdd(error, entry.dn, () => connection.delete(entry.dn));
      }
    }
    return mustReadBack(context, connection, entry.dn);
  });
}

function missingParent(error: unknown, dn: string): unknown {
  if (!(error instanceof LdapOperationError) || error.kind !== 'noSuchObject') return error;
  const parent = parentDn(dn) ?? '(root)';
  return new LdapOperationError(
    `add ${dn} failed: the parent entry "${parent}" does not exist (noSuchObject). Create the container first, or fix the DN rule; intermediate entries are not created automatically.`,
    { code: error.code, kind: 'noSuchObject', operation: 'add', dn: parent, cause: error },
  );
}

async function undoAdd(error: unknown, dn: string, remove: () => Promise<void>): Promise<LdapOperationError> {
  const cause =
    error instanceof LdapOperationError
      ? error
      : new LdapOperationError(String(error), { code: 'other', kind: 'other', cause: error });
  try {
    await remove();
  } catch (cleanup) {
    return new LdapOperationError(
      `${cause.message} The entry ${dn} WAS created but has no password, and removing it failed (${(cleanup as Error).message}); delete it or set its password before retrying.`,
      { code: cause.code, kind: cause.kind, operation: 'setPassword', dn, cause },
    );
  }
  return new LdapOperationError(
    `${cause.message} The entry ${dn} was removed again, so nothing was left half-created.`,
    { code: cause.code, kind: cause.kind, operation: 'setPassword', dn, cause },
  );
}
