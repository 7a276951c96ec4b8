import { LdapOperationError } from '../errors/LdapOperationError.ts';
import { mustReadBack, type TargetContext, toDirectoryEntry } from '../target/targetContext.ts';
import type { DirectoryEntry } from '../target/types.ts';
import { lockModification } from './lockProfile.ts';

/**
 * Disables or enables an entry per the configured lock profile (nothing is sent when it is already in that
 * state) and returns it read back with `disabled` set.
 * @param context the target context
 * @param dn the entry
 * @param disabled the wanted state
 */
export async function setDisabled(
  context: TargetContext,
  dn: string,
  disabled: boolean,
): Promise<DirectoryEntry> {
  const profile = context.lockProfile;
  if (profile === undefined) {
    throw new LdapOperationError(
      `setDisabled ${dn}: no lock profile is configured; set lockProfile (ppolicy, nsAccountLock, msDS-UserAccountDisabled or an attribute).`,
      { code: 'unwillingToPerform', kind: 'invalid', operation: 'setDisabled', dn },
    );
  }
  return context.pool.use(async (connection) => {
    const current = await connection.read(dn, context.readAttributes);
    if (current === undefined) {
      throw new LdapOperationError(`setDisabled ${dn} failed: the entry does not exist (noSuchObject).`, {
        code: 'noSuchObject',
        kind: 'noSuchObject',
        operation: 'setDisabled',
        dn,
      });
    }
    const changes = lockModification(profile, current, disabled);
    if (changes.length === 0) return toDirectoryEntry(context, current);
    await connection.modify(dn, changes);
    return mustReadBack(context, connection, dn);
  });
}
