import { LdapOperationError } from '../errors/LdapOperationError.ts';
import {
  mustReadBack,
  serverSupports,
  type TargetContext,
  toDirectoryEntry,
} from '../target/targetContext.ts';
import type { DirectoryEntry } from '../target/types.ts';
import { diffAttributes } from './diffAttributes.ts';
import { PostReadControl, postReadOid } from './PostReadControl.ts';

/**
 * Brings the named attributes to the given values with the minimal modification against the entry as it is
 * now (read on the same connection first), sends nothing when nothing differs, and returns the entry read
 * back.
 * @param context the target context
 * @param dn the entry
 * @param attributes target values; `null` or `[]` removes an attribute
 */
export async function modifyEntry(
  context: TargetContext,
  dn: string,
  attributes: Readonly<Record<string, readonly string[] | null>>,
): Promise<DirectoryEntry> {
  return context.pool.use(async (connection) => {
    const names = [...new Set([...context.readAttributes, ...Object.keys(attributes)])];
    const current = await connection.read(dn, names);
    if (current === undefined) {
      throw new LdapOperationError(`modify ${dn} failed: the entry does not exist (noSuchObject).`, {
        code: 'noSuchObject',
        kind: 'noSuchObject',
        operation: 'modify',
        dn,
      });
    }
    const changes = diffAttributes(current.attributes, attributes, context.singleValued);
    if (changes.length === 0) return toDirectoryEntry(context, current);
    const postRead = (await serverSupports(context, connection, 'supportedControl', postReadOid))
      ? new PostReadControl(context.readAttributes)
      : undefined;
    await connection.modify(dn, changes, postRead === undefined ? undefined : [postRead]);
    if (postRead?.entry !== undefined) return toDirectoryEntry(context, postRead.entry);
    return mustReadBack(context, connection, dn);
  });
}
