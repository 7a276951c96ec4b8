import { Control } from 'ldapts';
import type { LdapConnection } from '../connection/createLdapConnection.ts';
import { parseDn } from '../dn/parseDn.ts';
import type { LdapOperationError } from '../errors/LdapOperationError.ts';
import { serverSupports, type TargetContext } from '../target/targetContext.ts';

/** OID of the tree-delete control (draft-armijo-ldap-treedelete; AD, ApacheDS, OpenDJ). */
export const treeDeleteOid = '1.2.840.113556.1.4.805';

/**
 * Deletes an entry; with `subtree`, its children too — in one request with the tree-delete control when the
 * server offers it (or the policy demands it), else leaves first, one entry at a time.
 * @param context the target context
 * @param dn the entry
 * @param subtree whether children go too
 */
export async function deleteEntry(context: TargetContext, dn: string, subtree: boolean): Promise<void> {
  await context.pool.use(async (connection) => {
    if (!subtree) return connection.delete(dn);
    const useControl =
      context.subtreeDelete === 'treeDeleteControl' ||
      (context.subtreeDelete === 'auto' &&
        (await serverSupports(context, connection, 'supportedControl', treeDeleteOid)));
    if (useControl) {
      try {
        return await connection.delete(dn, [new Control(treeDeleteOid, { critical: true })]);
      } catch (error) {
        // ApacheDS lists the control but still answers notAllowedOnNonLeaf; then delete leaf by leaf.
        if (context.subtreeDelete !== 'auto' || (error as LdapOperationError).code !== 'notAllowedOnNonLeaf')
          throw error;
      }
    }
    return deleteRecursively(connection, dn);
  });
}

async function deleteRecursively(connection: LdapConnection, dn: string): Promise<void> {
  const dns: string[] = [];
  for await (const page of connection.searchPages(dn, { scope: 'sub', attributes: ['1.1'], pageSize: 500 })) {
    for (const entry of page) dns.push(entry.dn);
  }
  // Deepest first, so every entry is a leaf when its turn comes.
  const depth = new Map(dns.map((d) => [d, parseDn(d).length]));
  dns.sort((a, b) => (depth.get(b) ?? 0) - (depth.get(a) ?? 0));
  for (const entryDn of dns) await connection.delete(entryDn);
}
