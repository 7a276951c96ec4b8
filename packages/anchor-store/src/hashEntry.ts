import type { EntryInput } from './AnchorStore.ts';
import { _canonicalEntry } from './internal/canonicalEntry.ts';

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
  return _canonicalEntry(entry.dn, entry.objectClasses, entry.attributes).hash;
}
