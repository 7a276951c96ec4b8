/** An attribute path `[URN ":"] name ["." subAttribute]`, as written, with its offset in the source text. */
export interface AttributePath {
  /** Schema URN prefix when the path was qualified (e.g. the enterprise or ECMA2Host extension URN). */
  readonly uri?: string;
  readonly name: string;
  readonly subAttribute?: string;
  /** The path as written. */
  readonly text: string;
  readonly offset: number;
}

/** Comparison operators of RFC 7644 §3.4.2.2 (always lower-case in the AST). */
export type CompareOperator = 'eq' | 'ne' | 'co' | 'sw' | 'ew' | 'gt' | 'ge' | 'lt' | 'le';

/** A literal on the right of a comparison. Dates stay strings; the attribute's type decides how they compare. */
export type FilterValue = string | number | boolean | null;

/** `attrPath op value`. */
export interface CompareFilter {
  readonly kind: 'compare';
  readonly op: CompareOperator;
  readonly attribute: AttributePath;
  readonly value: FilterValue;
  /** True when the value was written without quotes (the older Entra form `externalId eq jyoung`). */
  readonly unquoted?: true;
  readonly offset: number;
}

/** `attrPath pr`. */
export interface PresentFilter {
  readonly kind: 'present';
  readonly attribute: AttributePath;
  readonly offset: number;
}

/** `left and right` / `left or right`. */
export interface LogicalFilter {
  readonly kind: 'and' | 'or';
  readonly left: Filter;
  readonly right: Filter;
  readonly offset: number;
}

/** `not (filter)`. */
export interface NotFilter {
  readonly kind: 'not';
  readonly filter: Filter;
  readonly offset: number;
}

/**
 * `attrPath[filter]`: some value of a multi-valued complex attribute matches `filter`, whose attribute paths
 * are relative to the element (`emails[type eq "work"]`). Entra's form `emails[type eq "work"].value eq "x"`
 * parses to the same node with `filter` = `type eq "work" and value eq "x"`, which means the same thing.
 */
export interface ValuePathFilter {
  readonly kind: 'valuePath';
  readonly attribute: AttributePath;
  readonly filter: Filter;
  readonly offset: number;
}

/** A parsed SCIM filter (RFC 7644 §3.4.2.2). */
export type Filter = CompareFilter | PresentFilter | LogicalFilter | NotFilter | ValuePathFilter;

/** A parsed PATCH path (RFC 7644 §3.5.2): `attrPath`, or `valuePath` with an optional sub-attribute. */
export interface PatchPath {
  /** The attribute (without sub-attribute when a value filter is present). */
  readonly attribute: AttributePath;
  /** Element filter from `attr[filter]`, paths relative to the element. */
  readonly filter?: Filter;
  /** Sub-attribute from `attr.sub` or `attr[filter].sub`. */
  readonly subAttribute?: string;
  readonly text: string;
}

/** One problem found by a safe parser: message, offset and, where known, what was expected and found. */
export interface ParseIssue {
  readonly message: string;
  readonly offset: number;
  readonly expected?: string;
  readonly found?: string;
}

/** Result of the `safeParse*` functions. */
export type SafeParseResult<T> =
  | { readonly success: true; readonly output: T }
  | { readonly success: false; readonly issues: readonly ParseIssue[] };
