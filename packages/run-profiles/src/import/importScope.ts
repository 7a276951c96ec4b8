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
 * Builds the converter from entries as read to what anchor-store keeps: anchor, DN, object classes and
 * attributes (objectClass and bookkeeping attributes left out). The converter returns `undefined` when the
 * anchor is missing (not readable). Built once per import: it runs for every entry.
 * @param scope the import scope
 * @param drop attributes read only for bookkeeping (modifyTimestamp, uSNChanged), not stored
 */
export function entryConverter(
  scope: ImportScope,
  drop: readonly string[] = [],
): (entry: LdapEntry) => EntryInput | undefined {
  const keep = new Set((scope.attributes ?? ['*']).map((a) => a.toLowerCase()));
  const skip = new Set(
    ['objectclass', ...drop.map((d) => d.toLowerCase())].filter((name) => !keep.has(name)),
  );
  skip.add('objectclass');
  const anchorIsDn = scope.anchor.toLowerCase() === 'dn';
  const anchorLower = scope.anchor.toLowerCase();
  const lowerOf = new Map<string, string>();
  return (entry) => {
    let anchor: string | undefined = anchorIsDn ? entry.dn : undefined;
    let objectClasses: readonly string[] = [];
    const attributes: Record<string, readonly string[]> = {};
    for (const name in entry.attributes) {
      const values = entry.attributes[name] as readonly string[];
      let lower = lowerOf.get(name);
      if (lower === undefined) {
        lower = name.toLowerCase();
        lowerOf.set(name, lower);
      }
      if (lower === 'objectclass') objectClasses = values;
      if (lower === anchorLower && anchor === undefined) anchor = values[0];
      if (skip.has(lower) || values.length === 0) continue;
      attributes[name] = values;
    }
    if (anchor === undefined || anchor === '') return undefined;
    return { anchor, dn: entry.dn, objectClasses, attributes };
  };
}

/**
 * Converts one entry (see {@link entryConverter}; use that for many entries).
 * @param scope the import scope
 * @param entry the entry as read
 * @param drop bookkeeping attributes not stored
 */
export function toEntryInput(
  scope: ImportScope,
  entry: LdapEntry,
  drop: readonly string[] = [],
): EntryInput | undefined {
  return entryConverter(scope, drop)(entry);
}

export { valuesOf };
