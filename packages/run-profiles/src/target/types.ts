import type { ResolvedSchema } from '@scim2ldap/ldap-schema-detect';
import type { ConnectionPool } from '../connection/createConnectionPool.ts';
import type { Logger } from '../connection/types.ts';
import type { SingleValuedLookup } from '../export/diffAttributes.ts';
import type { PasswordScheme } from '../export/hashPassword.ts';
import type { LockProfile } from '../export/lockProfile.ts';

/** An entry to add: DN, object classes and attribute values (empty strings are dropped). */
export interface NewDirectoryEntry {
  readonly dn: string;
  readonly objectClasses: readonly string[];
  readonly attributes: Readonly<Record<string, readonly string[]>>;
}

/** An entry as the directory holds it, read back after every write. */
export interface DirectoryEntry {
  readonly dn: string;
  /** The anchor value (entryUUID, nsUniqueId, base64 objectGUID, or the DN when the anchor is `dn`). */
  readonly anchor: string;
  readonly objectClasses: readonly string[];
  /** Attribute values (objectClass excluded; binary values base64-encoded). */
  readonly attributes: Readonly<Record<string, readonly string[]>>;
  /** State per the lock profile; absent when no lock profile is configured. */
  readonly disabled?: boolean;
}

/**
 * What provisioning needs of a directory — structurally identical to `DirectoryTarget` of
 * `@scim2ldap/provisioning`, declared here so run-profiles does not depend on provisioning.
 */
export interface LdapDirectoryTarget {
  add(entry: NewDirectoryEntry, options?: { readonly password?: string }): Promise<DirectoryEntry>;
  modify(dn: string, attributes: Readonly<Record<string, readonly string[] | null>>): Promise<DirectoryEntry>;
  rename(dn: string, newDn: string): Promise<DirectoryEntry>;
  delete(dn: string, options?: { readonly subtree?: boolean }): Promise<void>;
  setPassword(dn: string, password: string): Promise<void>;
  setDisabled(dn: string, disabled: boolean): Promise<DirectoryEntry>;
  readByDn(dn: string): Promise<DirectoryEntry | undefined>;
  readByAnchor(anchor: string): Promise<DirectoryEntry | undefined>;
  search(attribute: string, value: string): Promise<DirectoryEntry[]>;
}

/** How passwords are set. */
export interface PasswordPolicy {
  /**
   * `passwordModify` = RFC 3062 extended operation (the server hashes); `attribute` = write the password
   * attribute; `auto` (default) = Password Modify when the Root DSE lists it, else the attribute.
   */
  readonly method?: 'auto' | 'passwordModify' | 'attribute';
  /** Default `userPassword`; AD LDS uses `unicodePwd` (then the scheme is `unicodePwd`). */
  readonly attribute?: string;
  /** How to encode the value written to the attribute; default `cleartext` (the server hashes). */
  readonly scheme?: PasswordScheme | 'unicodePwd';
}

/** Options of `createLdapTarget`. */
export interface LdapTargetOptions {
  readonly pool: ConnectionPool;
  /** Containers in scope (search bases of `search`, `readByAnchor` and imports). */
  readonly bases: readonly string[];
  /** Structural object class of users, used to scope searches; default `inetOrgPerson`. */
  readonly userObjectClass?: string;
  /** Anchor attribute: `entryUUID`, `nsUniqueId`, `objectGUID`, … or `dn`. Default `entryUUID`. */
  readonly anchor?: string;
  /** Attributes read back (default all user attributes, `*`). */
  readonly attributes?: readonly string[];
  /** Single-valued attributes from configuration ("treat as single value"): a list or a lookup. */
  readonly singleValued?: Iterable<string> | SingleValuedLookup;
  /**
   * The directory's schema (`DirectoryProfile.schema` of ldap-schema-detect): attributes declared
   * SINGLE-VALUE are replaced, others edited value by value. `singleValued` entries win over it.
   */
  readonly schema?: ResolvedSchema | null;
  readonly lockProfile?: LockProfile;
  readonly passwordPolicy?: PasswordPolicy;
  /** How `delete(dn, { subtree: true })` works; `auto` = tree-delete control when advertised, else recursive. */
  readonly subtreeDelete?: 'auto' | 'treeDeleteControl' | 'recursive';
  readonly logger?: Logger;
}
