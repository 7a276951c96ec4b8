import { dnEquals, formatDn, formatRdn } from '../dn/formatDn.ts';
import { parseDn } from '../dn/parseDn.ts';
import { mustReadBack, type TargetContext } from '../target/targetContext.ts';
import type { DirectoryEntry } from '../target/types.ts';

/**
 * Renames and/or moves an entry with one modDN: a new RDN, a new superior, or both together (the eDirectory
 * "move and rename" case). Returns the entry read back under its new DN.
 * @param context the target context
 * @param dn the current DN
 * @param newDn the wanted DN
 */
export async function renameEntry(
  context: TargetContext,
  dn: string,
  newDn: string,
): Promise<DirectoryEntry> {
  const from = parseDn(dn);
  const to = parseDn(newDn);
  const [toRdn, ...toParent] = to;
  const fromParent = from.slice(1);
  return context.pool.use(async (connection) => {
    if (toRdn !== undefined && dn !== newDn) {
      const parentChanged =
        !dnEquals(formatDn(fromParent), formatDn(toParent)) || fromParent.length !== toParent.length;
      const newRdn = formatRdn(toRdn);
      if (parentChanged) await connection.modifyDn(dn, newRdn, formatDn(toParent));
      else if (newRdn !== formatRdn(from[0] ?? [])) await connection.modifyDn(dn, newRdn);
    }
    return mustReadBack(context, connection, formatDn(to));
  });
}
