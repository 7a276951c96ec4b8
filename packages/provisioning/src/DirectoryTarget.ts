/**
 * What provisioning needs of a directory. `@scim2ldap/run-profiles` implements it for LDAP
 * (`createLdapTarget`) by shape, without importing this package; a SQL or REST connector can implement it too.
 *
 * Attribute names are the directory's names (LDAP attribute descriptions, compared case-insensitively);
 * values are strings (binary values base64-encoded). Every write returns the entry as the directory now holds
 * it (read back), never an echo of the request.
 */
export interface DirectoryTarget {
  /** Adds an entry; with `password`, sets it right after (a failed password step leaves no half-created entry). */
  add(entry: NewDirectoryEntry, options?: { readonly password?: string }): Promise<DirectoryEntry>;
  /**
   * Brings the named attributes to the given values (`null` or `[]` removes the attribute) with the minimal
   * modification against the current entry; attributes not named are left alone. No change sends nothing.
   */
  modify(dn: string, attributes: Readonly<Record<string, readonly string[] | null>>): Promise<DirectoryEntry>;
  /** Renames and/or moves an entry to `newDn` (modDN); returns the entry under its new DN. */
  rename(dn: string, newDn: string): Promise<DirectoryEntry>;
  /** Deletes an entry (with `subtree`, its children too: tree-delete control or a recursive delete). */
  delete(dn: string, options?: { readonly subtree?: boolean }): Promise<void>;
  /** Sets a password (RFC 3062 Password Modify where supported, else the configured password attribute). */
  setPassword(dn: string, password: string): Promise<void>;
  /** Disables or enables the entry per the configured lock profile; returns the entry read back. */
  setDisabled(dn: string, disabled: boolean): Promise<DirectoryEntry>;
  /** Reads one entry by DN; `undefined` when it does not exist. */
  readByDn(dn: string): Promise<DirectoryEntry | undefined>;
  /** Reads one entry by anchor value; `undefined` when it does not exist. */
  readByAnchor(anchor: string): Promise<DirectoryEntry | undefined>;
  /** Live search of the in-scope entries whose `attribute` equals `value` (matching rule of the directory). */
  search(attribute: string, value: string): Promise<DirectoryEntry[]>;
  /**
   * Optional: live search of the in-scope entries where ANY of the equalities holds (one OR filter, one
   * round trip), so a duplicate check over several matching attributes costs one search. Without it,
   * provisioning calls `search` once per attribute.
   */
  searchAny?(assertions: readonly AttributeAssertion[]): Promise<DirectoryEntry[]>;
}

/** `attribute` equals `value`, by the directory's equality matching rule. */
export interface AttributeAssertion {
  readonly attribute: string;
  readonly value: string;
}

/** An entry to add: DN, object classes and attribute values (no empty strings). */
export interface NewDirectoryEntry {
  readonly dn: string;
  readonly objectClasses: readonly string[];
  readonly attributes: Readonly<Record<string, readonly string[]>>;
}

/** An entry as the directory holds it. */
export interface DirectoryEntry {
  readonly dn: string;
  /** The anchor value (entryUUID, nsUniqueId, objectGUID, … or the DN when the anchor is the DN). */
  readonly anchor: string;
  readonly objectClasses: readonly string[];
  readonly attributes: Readonly<Record<string, readonly string[]>>;
  /** Current state per the lock profile; `undefined` when no lock profile is configured. */
  readonly disabled?: boolean;
}
