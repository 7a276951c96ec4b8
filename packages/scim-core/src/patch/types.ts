/** One attribute-level change made by a PATCH, as the LDAP side needs it for a minimal modify. */
export interface AttributeChange {
  /**
   * Schema-qualified path: `urn:ietf:params:scim:schemas:core:2.0:User:emails`,
   * `urn:ietf:params:scim:schemas:core:2.0:User:name.givenName`, `urn:…:ECMA2Host:2.0:User:mail`.
   */
  readonly path: string;
  /** Schema URN the attribute belongs to. */
  readonly schema: string;
  /** Attribute name as the schema spells it. */
  readonly attribute: string;
  /** Set for changes to one sub-attribute of a single-valued complex attribute (`name.givenName`). */
  readonly subAttribute?: string;
  /**
   * `add`: `values` were added (new attribute, or new values of a simple multi-valued attribute);
   * `remove`: `values` were removed (all of them when the attribute is gone);
   * `replace`: the attribute now holds exactly `values`.
   */
  readonly op: 'add' | 'replace' | 'remove';
  readonly values: readonly unknown[];
  /** All values before the PATCH (empty when the attribute was unassigned). */
  readonly oldValues: readonly unknown[];
  /** Present for writeOnly / never-returned attributes (passwords): keep these values out of logs. */
  readonly sensitive?: true;
}

/** Result of {@link applyPatch}: the new resource (the input is not modified) and what changed. */
export interface PatchResult {
  readonly resource: { readonly [key: string]: unknown };
  readonly changes: readonly AttributeChange[];
}

/** Options of {@link applyPatch}. */
export interface ApplyPatchOptions {
  /**
   * What to do with attributes no schema defines: `error` (default) fails with 400 invalidPath naming the
   * attribute; `ignore` skips the operation (for clients that send more than the connector exposes).
   */
  readonly unknownAttributes?: 'error' | 'ignore';
  /** Most operations accepted in one request (default 1000). */
  readonly maxOperations?: number;
}
