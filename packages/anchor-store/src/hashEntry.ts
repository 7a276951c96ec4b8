import { createHash } from 'node:crypto';
import type { EntryInput } from './AnchorStore.ts';

/**
 * Content hash of an entry — DN, object classes and attribute values — so an import can tell an updated
 * entry from an unchanged one without comparing every value. Stable over attribute order, attribute-name
 * case, object-class case and the order of values (LDAP values are sets); any change of a value or of the
 * DN changes it. Attributes with no values count as absent.
 * @param entry the entry (its anchor is not part of the hash)
 * @returns 22 characters of base64url (128 bits of SHA-256)
 * @example
 * hashEntry({ anchor: 'a', dn: 'uid=jo,dc=example,dc=org', objectClasses: ['inetOrgPerson'], attributes: { mail: ['jo@example.org'] } });
 */
export function hashEntry(entry: Omit<EntryInput, 'anchor'>): string {
  const attributes: [string, string[]][] = [];
  for (const [name, values] of Object.entries(entry.attributes)) {
    if (values.length > 0) attributes.push([name.toLowerCase(), [...values].sort()]);
  }
  attributes.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const objectClasses = entry.objectClasses.map((c) => c.toLowerCase()).sort();
  const canonical = JSON.stringify([entry.dn, objectClasses, attributes]);
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 22);
}
