import type { EntryInput } from '@scim2ldap/anchor-store';
import type { LdapEntry } from '../connection/types.ts';
import { isWithinDn } from '../dn/formatDn.ts';
import { equalityFilter } from '../filter/escapeFilterValue.ts';

/** What an import reads: containers, object class, attributes and the anchor. */
export interface ImportScope {
  /** Containers (partitions or OUs) to import, searched with subtree scope. */
  readonly bases: readonly string[];
  /** Object class of the imported entries; default `inetOrgPerson`. */
  readonly objectClass?: string;
  /** Selected attributes (default all user attributes, `*`); objectClass and the anchor are always read. */
  readonly attributes?: readonly string[];
  /** Anchor attribute (`entryUUID`, `nsUniqueId`, `objectGUID`, …) or `dn`. */
  readonly anchor: string;
}

/**
 * The search filter of a scope: `(objectClass=<class>)`, value escaped.
 * @param scope the import scope
 */
export function scopeFilter(scope: ImportScope): string {
  return equalityFilter('objectClass', scope.objectClass ?? 'inetOrgPerson');
}

/**
 * Attributes to request for a scope (selected + objectClass + anchor, plus extras such as modifyTimestamp).
 * @param scope the import scope
 * @param extra further attributes a delta method needs
 */
export function scopeAttributes(scope: ImportScope, extra: readonly string[] = []): string[] {
  const anchor = scope.anchor.toLowerCase() === 'dn' ? [] : [scope.anchor];
  return [...new Set([...(scope.attributes ?? ['*']), 'objectClass', ...anchor, ...extra])];
}

/**
 * True when a DN is under one of the scope's bases.
 * @param scope the import scope
 * @param dn the entry's DN
 */
export function inScope(scope: ImportScope, dn: string): boolean {
  return scope.bases.some((base) => isWithinDn(dn, base));
}

/**
 * True when an entry read from the directory carries the scope's object class.
 * @param scope the import scope
 * @param entry the entry
 */
export function hasScopeClass(scope: ImportScope, entry: LdapEntry): boolean {
  const wanted = (scope.objectClass ?? 'inetOrgPerson').toLowerCase();
  return valuesOf(entry, 'objectClass').some((v) => v.toLowerCase() === wanted);
}

function valuesOf(entry: LdapEntry, name: string): readonly string[] {
  const lower = name.toLowerCase();
  for (const [key, values] of Object.entries(entry.attributes))
    if (key.toLowerCase() === lower) return values;
  return [];
}

/**
 * Turns an entry as read into what anchor-store keeps: anchor, DN, object classes, attributes (objectClass
 * and the bookkeeping attributes left out). `undefined` when the anchor is missing (not readable).
 * @param scope the import scope
 * @param entry the entry as read
 * @param drop attributes read only for bookkeeping (modifyTimestamp, uSNChanged), not stored
 */
export function toEntryInput(
  scope: ImportScope,
  entry: LdapEntry,
  drop: readonly string[] = [],
): EntryInput | undefined {
  const anchor = scope.anchor.toLowerCase() === 'dn' ? entry.dn : valuesOf(entry, scope.anchor)[0];
  if (anchor === undefined || anchor === '') return undefined;
  const skip = new Set(['objectclass', ...drop.map((d) => d.toLowerCase())]);
  const keep = new Set((scope.attributes ?? ['*']).map((a) => a.toLowerCase()));
  const attributes: Record<string, readonly string[]> = {};
  for (const [name, values] of Object.entries(entry.attributes)) {
    const lower = name.toLowerCase();
    if (skip.has(lower) && !keep.has(lower)) continue;
    if (values.length > 0) attributes[name] = values;
  }
  return { anchor, dn: entry.dn, objectClasses: [...valuesOf(entry, 'objectClass')], attributes };
}

export { valuesOf };
