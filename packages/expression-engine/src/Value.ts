/**
 * One app role assignment as the source object carries it (`[appRoleAssignments]`): Entra's role `value`
 * and `displayName`; plain strings in the list are read as role values.
 */
export interface AppRoleAssignment {
  readonly value?: string | null;
  readonly displayName?: string | null;
  readonly id?: string | null;
  readonly appRoleId?: string | null;
}

/** A SCIM `roles` entry as AppRoleAssignmentsComplex produces it. */
export interface ScimRole {
  readonly primary: boolean;
  readonly type: string;
  readonly display: string;
  readonly value: string;
}

/**
 * A value an expression produces:
 * - `null` — absent (NULL in Entra's docs); Entra does not provision null values.
 * - `""` — present but empty; distinct from null for IsNull, Coalesce and Switch.
 * - a string — every scalar is text: numbers ("42"), booleans ("True"/"False"), dates ("3/16/2020 7:00:00 AM").
 * - `string[]` — a multi-valued attribute (Split, proxyAddresses, RemoveDuplicates).
 * - `ScimRole[]` — only from AppRoleAssignmentsComplex.
 */
export type Value = null | string | readonly string[] | readonly ScimRole[];

/** One scalar a source attribute may hold; numbers become decimal text, booleans "True"/"False". */
export type InputScalar = string | number | bigint | boolean | Date;

/**
 * What a source object may hold per attribute: `undefined`/`null` (absent), a scalar, a list of scalars
 * (multi-valued; an empty list is absent) or, for `appRoleAssignments`, a list of assignments.
 */
export type InputValue =
  | InputScalar
  | null
  | undefined
  | readonly (InputScalar | null)[]
  | readonly AppRoleAssignment[];

/** The attribute values an expression is evaluated against, keyed by attribute name. */
export type SourceObject = Readonly<Record<string, InputValue>>;

/** Outcome of one evaluation. */
export type EvaluationResult =
  /** Send `value` (null = absent). `secret` is true when the expression uses Redact: never log the value. */
  | { readonly kind: 'value'; readonly value: Value; readonly secret: boolean }
  /** IgnoreFlowIfNullOrEmpty saw null or "": do not send this attribute at all (leave the target untouched). */
  | { readonly kind: 'ignore'; readonly secret: boolean };
