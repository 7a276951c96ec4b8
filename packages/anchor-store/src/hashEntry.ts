import { hash } from 'node:crypto';
import type { EntryInput } from './AnchorStore.ts';

/**
 * Content hash of an entry — DN, object classes and attribute values — so an import can tell an updated
 * entry from an unchanged one without comparing every value. Stable over attribute order, attribute-name
 * case, object-class case and the order of values (LDAP values are sets); any change of a value or of the
 * DN changes it. Attributes with no values count as absent.
 * @param entry the entry (its anchor is not part of the hash)
 * @returns 22 characters of base64url (128 bits of SHA-256)
 * @example
 * hashEntry({ dn: 'uid=jo,dc=example,dc=org', objectClasses: ['inetOrgPerson'], attributes: { mail: ['jo@example.org'] } });
 */
export function hashEntry(entry: Omit<EntryInput, 'anchor'>): string {
  const byName = new Map<string, readonly string[]>();
  for (const name in entry.attributes) {
    const values = entry.attributes[name]!;
    if (values.length > 0) byName.set(name.toLowerCase(), values);
  }
  return _hashCanonical(entry.dn, entry.objectClasses, byName);
}

/**
 * The hash over values already keyed by lower-case attribute name (no empty lists).
 * @internal
 */
export function _hashCanonical(
  dn: string,
  objectClasses: readonly string[],
  byName: ReadonlyMap<string, readonly string[]>,
): string {
  // Length-prefixed fields with a distinct marker per field kind: an injective encoding with no escaping.
  let canonical = `${dn.length}:${dn}`;
  for (const c of objectClasses.map((c) => c.toLowerCase()).sort()) canonical += `\u0001${c.length}:${c}`;
  for (const name of [...byName.keys()].sort()) {
    const values = byName.get(name)!;
    canonical += `\u0002${name.length}:${name}`;
    for (const v of values.length === 1 ? values : [...values].sort()) canonical += `\u0003${v.length}:${v}`;
  }
  return hash('sha256', canonical, 'base64url').slice(0, 22);
}
