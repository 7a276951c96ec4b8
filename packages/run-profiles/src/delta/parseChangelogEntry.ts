import type { LdapEntry } from '../connection/types.ts';
import { formatDn, parentDn } from '../dn/formatDn.ts';
import { parseDn } from '../dn/parseDn.ts';
import { LdapOperationError } from '../errors/LdapOperationError.ts';
import type { ChangeRecord } from './ChangeRecord.ts';
import { parseLdifChanges } from './parseLdifChanges.ts';

function first(entry: LdapEntry, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [key, values] of Object.entries(entry.attributes))
    if (key.toLowerCase() === lower) return values[0];
  return undefined;
}

/**
 * Turns one draft-good-ldap-changelog entry (`changeNumber`, `targetDN`, `changeType`, `changes`, `newRDN`,
 * `deleteOldRDN`, `newSuperior`; 389 DS adds `targetUniqueId`) into a change record.
 * @param entry an entry under cn=changelog
 */
export function parseChangelogEntry(entry: LdapEntry): ChangeRecord | undefined {
  const position = first(entry, 'changeNumber');
  const dn = first(entry, 'targetDN');
  const type = first(entry, 'changeType')?.toLowerCase();
  if (position === undefined || dn === undefined || type === undefined) {
    throw new LdapOperationError(
      `changelog entry ${entry.dn} lacks changeNumber, targetDN or changeType; is cn=changelog readable in full by the bind DN?`,
      { code: 'other', kind: 'other', operation: 'deltaImport', dn: entry.dn },
    );
  }
  const uniqueId = first(entry, 'targetUniqueId');
  const anchor = uniqueId === undefined ? {} : { anchor: uniqueId };
  switch (type) {
    case 'add':
    case 'modify':
      return {
        kind: type,
        position,
        dn,
        ...anchor,
        changes: parseLdifChanges(first(entry, 'changes') ?? '', type),
      };
    case 'delete':
      return { kind: 'delete', position, dn, ...anchor };
    case 'modrdn':
    case 'moddn': {
      const newRdn = first(entry, 'newRDN') ?? '';
      const superior = first(entry, 'newSuperior') ?? parentDn(dn) ?? '';
      return {
        kind: 'modrdn',
        position,
        dn,
        newDn: formatDn([...parseDn(newRdn).slice(0, 1), ...parseDn(superior)]),
        deleteOldRdn: ['TRUE', '1'].includes((first(entry, 'deleteOldRDN') ?? 'TRUE').toUpperCase()),
        ...anchor,
      };
    }
    default:
      return undefined;
  }
}
