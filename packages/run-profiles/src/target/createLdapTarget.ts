import { AndFilter, EqualityFilter, type Filter, FilterParser } from 'ldapts';
import { parseDn } from '../dn/parseDn.ts';
import { addEntry } from '../export/addEntry.ts';
import { deleteEntry } from '../export/deleteEntry.ts';
import { modifyEntry } from '../export/modifyEntry.ts';
import { renameEntry } from '../export/renameEntry.ts';
import { setDisabled } from '../export/setDisabled.ts';
import { writePassword } from '../export/setPassword.ts';
import { equalityFilter } from '../filter/escapeFilterValue.ts';
import { readBack, resolveTargetContext, type TargetContext, toDirectoryEntry } from './targetContext.ts';
import type { DirectoryEntry, LdapDirectoryTarget, LdapTargetOptions } from './types.ts';

/** The LDAP directory target: provisioning's `DirectoryTarget` plus the options it was built with. */
export interface LdapTarget extends LdapDirectoryTarget {
  /** The resolved options (anchor, read attributes, scope). */
  readonly context: TargetContext;
}

const binaryAnchors = new Set(['objectguid', 'objectsid']);

/**
 * Creates the LDAP implementation of provisioning's `DirectoryTarget`: every write is the minimal LDAP
 * operation, reads the entry back on the same connection and throws `LdapOperationError` on failure.
 * @param options pool, containers in scope, user object class, anchor, selected attributes, single-valued
 *   attributes, lock profile, password policy
 * @example
 * const target = createLdapTarget({ pool, bases: ['ou=people,dc=example,dc=org'], anchor: 'entryUUID',
 *   lockProfile: lockProfiles.openldapPpolicy });
 * const entry = await target.add({ dn, objectClasses: ['inetOrgPerson'], attributes: { cn: ['J'], sn: ['D'] } });
 */
export function createLdapTarget(options: LdapTargetOptions): LdapTarget {
  const context = resolveTargetContext(options);
  for (const base of context.bases) parseDn(base);

  // Parsed once: every scoped search ANDs the user object class with its assertion.
  const userClass = FilterParser.parseString(equalityFilter('objectClass', context.userObjectClass));
  const searchScoped = async (assertion: Filter): Promise<DirectoryEntry[]> => {
    const filter = new AndFilter({ filters: [userClass, assertion] });
    // Equality lookups find a few entries: one unpaged search per base on the shared, multiplexed
    // connection; paged (below) when the server's size limit cuts one short.
    if (context.pool.share !== undefined) {
      const found = await context.pool.share(async (connection) => {
        if (connection.searchFew === undefined) return undefined;
        const entries: DirectoryEntry[] = [];
        for (const base of context.bases) {
          const page = await connection.searchFew(base, filter, context.readAttributes);
          if (page === undefined) return undefined;
          for (const entry of page) entries.push(toDirectoryEntry(context, entry));
        }
        return entries;
      });
      if (found !== undefined) return found;
    }
    return context.pool.use(async (connection) => {
      const found: DirectoryEntry[] = [];
      for (const base of context.bases) {
        for await (const page of connection.searchPages(base, {
          scope: 'sub',
          filter,
          attributes: context.readAttributes,
          pageSize: 500,
        })) {
          for (const entry of page) found.push(toDirectoryEntry(context, entry));
        }
      }
      return found;
    });
  };

  return {
    context,
    add: (entry, addOptions) => addEntry(context, entry, addOptions?.password),
    modify: (dn, attributes) => modifyEntry(context, dn, attributes),
    rename: (dn, newDn) => renameEntry(context, dn, newDn),
    delete: (dn, deleteOptions) => deleteEntry(context, dn, deleteOptions?.subtree === true),
    setPassword: (dn, password) =>
      context.pool.use((connection) => writePassword(context, connection, dn, password)),
    setDisabled: (dn, disabled) => setDisabled(context, dn, disabled),
    readByDn: (dn) => context.pool.use((connection) => readBack(context, connection, dn)),
    async readByAnchor(anchor) {
      if (context.anchor.toLowerCase() === 'dn') {
        return context.pool.use((connection) => readBack(context, connection, anchor));
      }
      const value = binaryAnchors.has(context.anchor.toLowerCase()) ? Buffer.from(anchor, 'base64') : anchor;
      const found = await searchScoped(new EqualityFilter({ attribute: context.anchor, value }));
      return found[0];
    },
    search: (attribute, value) => {
      equalityFilter(attribute, value); // throws the clear error for an invalid attribute description
      // The assertion carries the raw value (RFC 4511 §4.5.1): built directly, not escaped and re-parsed.
      return searchScoped(new EqualityFilter({ attribute, value }));
    },
  };
}
