/**
 * How a directory attribute gets its value from a SCIM User, in Entra's attribute-mapping model: Direct (copy a
 * SCIM attribute), Constant, or Expression (Entra's expression language over the SCIM attributes).
 *
 * `target` is the LDAP attribute, or one of the ECMA2Host virtual attributes `-dn-` (the DN rule),
 * `objectClass`, `export_password` (the password). `source` and `[references]` in expressions are SCIM
 * attribute paths: `userName`, `name.givenName`, `emails[type eq "work"].value`,
 * `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department`. Inside expressions a path that
 * itself contains brackets is written with dots instead: `[emails.work.value]`.
 */
export interface MappingRule {
  readonly target: string;
  readonly type: 'direct' | 'constant' | 'expression';
  /** The SCIM attribute path a Direct rule copies. */
  readonly source?: string;
  /** The value(s) of a Constant rule. */
  readonly value?: string | readonly string[];
  /** The expression of an Expression rule. */
  readonly expression?: string;
  /** `always` (default) or `create`: only when the entry is created. */
  readonly apply?: 'always' | 'create';
  /** Used when the rule yields nothing; applied only at creation, as in Entra. */
  readonly defaultIfNull?: string;
  /** How GET rebuilds a SCIM attribute from this directory attribute; Direct rules invert by themselves. */
  readonly reverse?: ReverseRule;
}

/**
 * The inverse of an expression mapping: the SCIM attribute `target` gets the value of `expression`, evaluated
 * over the entry's directory attributes (`[uid]`, `[cn]`), or of the directory attribute `source`.
 */
export interface ReverseRule {
  readonly target: string;
  readonly source?: string;
  readonly expression?: string;
}

/** A matching attribute: clients' lookups and the duplicate check on create try them in ascending precedence. */
export interface MatchingAttribute {
  /** The LDAP attribute compared (case-insensitively unless the directory says otherwise). */
  readonly attribute: string;
  readonly precedence: number;
}

/** The whole mapping of a connector's User resource to directory entries. */
export interface MappingConfig {
  readonly rules: readonly MappingRule[];
  /**
   * The DN rule: an expression building the DN of a new entry when the request carries no `-dn-`, e.g.
   * `Join("", "CN=", Word([userName], 1, "@"), ",ou=people,dc=example,dc=org")`. Values it references are
   * RFC 4514-escaped before the expression sees them. Same as a create-only rule targeting `-dn-`.
   */
  readonly dnRule?: string;
  /** Object classes for new entries when no rule targets `objectClass` (the wizard's "Target object"). */
  readonly objectClasses?: readonly string[];
  /** Matching attributes with precedence. */
  readonly matching?: readonly MatchingAttribute[];
  /** The directory attribute shown as `userName` when no rule inverts to it; default: the DN. */
  readonly userNameAttribute?: string;
  /** The directory attribute shown as `externalId` when no rule inverts to it; default: none. */
  readonly externalIdAttribute?: string;
}
