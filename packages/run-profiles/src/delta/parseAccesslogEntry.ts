import type { LdapEntry } from '../connection/types.ts';
import { formatDn, parentDn } from '../dn/formatDn.ts';
import { parseDn } from '../dn/parseDn.ts';
import { LdapOperationError } from '../errors/LdapOperationError.ts';
import type { AttributeChange, ChangeRecord } from './ChangeRecord.ts';

const operations: Readonly<Record<string, AttributeChange['operation']>> = {
  '+': 'add',
  '-': 'delete',
  '=': 'replace',
  '#': 'increment',
};

function first(entry: LdapEntry, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [key, values] of Object.entries(entry.attributes))
    if (key.toLowerCase() === lower) return values[0];
  return undefined;
}

function all(entry: LdapEntry, name: string): readonly string[] {
  const lower = name.toLowerCase();
  for (const [key, values] of Object.entries(entry.attributes))
    if (key.toLowerCase() === lower) return values;
  return [];
}

/**
 * Parses slapo-accesslog `reqMod` values (`attr:+ value`, `attr:- value`, `attr:=`, `attr:-`) into attribute
 * changes, merging consecutive values of the same attribute and operation. The value is everything after
 * the single separating space, leading and trailing whitespace included (the Generic LDAP connector once
 * trimmed it).
 * @param reqMods the reqMod values in log order
 */
export function parseReqMods(reqMods: readonly string[]): AttributeChange[] {
  const changes: { operation: AttributeChange['operation']; attribute: string; values: string[] }[] = [];
  for (const mod of reqMods) {
    const match = /^([^:]+):([-+=#^*])( ?)/.exec(mod);
    if (match === null) continue;
    const [, attribute = '', symbol = '', space = ''] = match;
    const operation = operations[symbol === '^' ? '+' : symbol === '*' ? '-' : symbol];
    if (operation === undefined) continue;
    const rest = mod.slice(match[0].length);
    const hasValue = space === ' ';
    const last = changes.at(-1);
    if (last !== undefined && last.attribute === attribute && last.operation === operation && hasValue) {
      last.values.push(rest);
    } else {
      changes.push({ operation, attribute, values: hasValue ? [rest] : [] });
    }
  }
  return changes;
}

/**
 * Turns one slapo-accesslog entry (auditAdd, auditModify, auditModRDN, auditDelete) into a change record;
 * `undefined` for other request types (binds, searches, extended operations without a target entry).
 * @param entry an entry under the accesslog suffix
 */
export function parseAccesslogEntry(entry: LdapEntry): ChangeRecord | undefined {
  const position = first(entry, 'reqStart');
  const type = first(entry, 'reqType')?.toLowerCase();
  const dn = first(entry, 'reqDN');
  if (position === undefined || type === undefined || dn === undefined) {
    throw new LdapOperationError(
      `accesslog entry ${entry.dn} lacks reqStart, reqType or reqDN; is the accesslog readable in full by the bind DN?`,
      { code: 'other', kind: 'other', operation: 'deltaImport', dn: entry.dn },
    );
  }
  const uuid = first(entry, 'reqEntryUUID');
  const anchor = uuid === undefined ? {} : { anchor: uuid };
  switch (type) {
    case 'add':
    case 'modify':
      return { kind: type, position, dn, ...anchor, changes: parseReqMods(all(entry, 'reqMod')) };
    case 'delete':
      return { kind: 'delete', position, dn, ...anchor };
    case 'modrdn': {
      const newRdn = first(entry, 'reqNewRDN') ?? '';
      const superior = first(entry, 'reqNewSuperior') ?? parentDn(dn) ?? '';
      const newDn = formatDn([...parseDn(newRdn).slice(0, 1), ...parseDn(superior)]);
      return {
        kind: 'modrdn',
        position,
        dn,
        newDn,
        deleteOldRdn: (first(entry, 'reqDeleteOldRDN') ?? 'TRUE').toUpperCase() === 'TRUE',
        ...anchor,
      };
    }
    default:
      return undefined;
  }
}
