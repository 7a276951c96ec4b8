/** `X-` extensions and unrecognised keywords of a definition, keyed by keyword as written. */
export type SchemaExtensions = Readonly<Record<string, readonly string[]>>;

/** RFC 4512 §4.1.1 kind of an object class; `null` when the definition omits it (STRUCTURAL by default). */
export type ObjectClassKind = 'STRUCTURAL' | 'AUXILIARY' | 'ABSTRACT';

/** RFC 4512 §4.1.2 attribute usage. */
export type AttributeUsage =
  | 'userApplications'
  | 'directoryOperation'
  | 'distributedOperation'
  | 'dSAOperation';

/** A parsed ObjectClassDescription (RFC 4512 §4.1.1). */
export interface ObjectClassDefinition {
  readonly kind: 'objectClass';
  readonly oid: string;
  readonly names: readonly string[];
  readonly description: string | null;
  readonly obsolete: boolean;
  readonly sup: readonly string[];
  readonly classKind: ObjectClassKind | null;
  readonly must: readonly string[];
  readonly may: readonly string[];
  readonly extensions: SchemaExtensions;
}

/** A parsed AttributeTypeDescription (RFC 4512 §4.1.2). */
export interface AttributeTypeDefinition {
  readonly kind: 'attributeType';
  readonly oid: string;
  readonly names: readonly string[];
  readonly description: string | null;
  readonly obsolete: boolean;
  readonly sup: string | null;
  readonly equality: string | null;
  readonly ordering: string | null;
  readonly substr: string | null;
  readonly syntax: string | null;
  /** The `{len}` suffix of SYNTAX, if any. */
  readonly syntaxLength: number | null;
  readonly singleValue: boolean;
  readonly collective: boolean;
  readonly noUserModification: boolean;
  readonly usage: AttributeUsage;
  readonly extensions: SchemaExtensions;
}

/** A parsed SyntaxDescription (RFC 4512 §4.1.5). */
export interface LdapSyntaxDefinition {
  readonly kind: 'ldapSyntax';
  readonly oid: string;
  readonly description: string | null;
  readonly extensions: SchemaExtensions;
}

/** A parsed MatchingRuleDescription (RFC 4512 §4.1.3). */
export interface MatchingRuleDefinition {
  readonly kind: 'matchingRule';
  readonly oid: string;
  readonly names: readonly string[];
  readonly description: string | null;
  readonly obsolete: boolean;
  readonly syntax: string | null;
  readonly extensions: SchemaExtensions;
}

/** Any parsed schema definition, discriminated by `kind`. */
export type SchemaDefinition =
  | ObjectClassDefinition
  | AttributeTypeDefinition
  | LdapSyntaxDefinition
  | MatchingRuleDefinition;

/** One located problem found while parsing a definition. */
export interface SchemaIssue {
  /** `schema-syntax` for malformed text, `input-too-large` past the size cap. */
  readonly code: 'schema-syntax' | 'input-too-large';
  readonly message: string;
  /** 0-based offset into the definition text. */
  readonly offset: number;
  readonly expected: string;
  readonly found: string;
  /** The definition (shortened around the offset) with a `^` under the offset. */
  readonly caret: string;
}

/** Result of the `safeParse*` functions. */
export type SafeParseResult<T> =
  | { readonly success: true; readonly output: T }
  | { readonly success: false; readonly issues: readonly SchemaIssue[] };
