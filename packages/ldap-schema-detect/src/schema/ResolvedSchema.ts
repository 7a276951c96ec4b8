import type { AttributeUsage } from './SchemaDefinition.ts';
import type { ValueKind } from './valueKinds.ts';

/** The schema text as read from the subschema subentry: one string per definition. */
export interface RawSubschema {
  readonly objectClasses?: readonly string[];
  readonly attributeTypes?: readonly string[];
  readonly ldapSyntaxes?: readonly string[];
  readonly matchingRules?: readonly string[];
}

/** An attribute type with everything inherited from its SUP chain already applied. */
export interface ResolvedAttributeType {
  readonly oid: string;
  /** Primary name (first NAME, or the OID when it has none). */
  readonly name: string;
  /** All NAMEs; lookups accept any of them, case-insensitively, and the OID. */
  readonly names: readonly string[];
  readonly description: string | null;
  /** Primary name of the superior attribute type. */
  readonly sup: string | null;
  /** Effective syntax OID (own or inherited). */
  readonly syntax: string | null;
  readonly syntaxName: string | null;
  readonly valueKind: ValueKind;
  /** Effective EQUALITY rule (own or inherited). */
  readonly equality: string | null;
  /** True when values differing only in case are different (caseExact*); false for caseIgnore*. */
  readonly caseSensitive: boolean;
  readonly singleValue: boolean;
  readonly noUserModification: boolean;
  readonly usage: AttributeUsage;
  /** True for every usage except userApplications (RFC 4512 §3.4 operational attributes). */
  readonly operational: boolean;
  /** Values travel as `name;binary` (RFC 4522): certificate syntaxes, or named by the admin as an alias. */
  readonly binaryTransfer: boolean;
  readonly obsolete: boolean;
  /** X-ORIGIN / X-SCHEMA, when the server says where the definition comes from. */
  readonly origin: string | null;
}

/** Kind of an object class, lower-cased. */
export type ResolvedClassKind = 'structural' | 'auxiliary' | 'abstract';

/** An object class with its whole superclass chain folded in. */
export interface ResolvedObjectClass {
  readonly oid: string;
  readonly name: string;
  readonly names: readonly string[];
  readonly description: string | null;
  readonly kind: ResolvedClassKind;
  /** Direct superclasses (primary names). */
  readonly sup: readonly string[];
  /** Every ancestor, nearest first, without duplicates. */
  readonly superclasses: readonly string[];
  /** Own MUST (primary attribute names). */
  readonly must: readonly string[];
  /** Own MAY (primary attribute names). */
  readonly may: readonly string[];
  /** MUST of the class and all its superclasses. */
  readonly effectiveMust: readonly string[];
  /** MAY of the class and all its superclasses, minus anything already in effectiveMust. */
  readonly effectiveMay: readonly string[];
  readonly obsolete: boolean;
  readonly origin: string | null;
}

/** A problem found while resolving (the schema is still usable). */
export interface SchemaProblem {
  readonly code:
    | 'unparsable'
    | 'unknown-superclass'
    | 'unknown-attribute'
    | 'cycle'
    | 'duplicate'
    | 'unknown-alias';
  readonly message: string;
}

/** Options of {@link resolveSchema}; they mirror the wizard's Connectivity page. */
export interface ResolveSchemaOptions {
  /** Offer server-maintained (operational) attributes such as createTimestamp on every class. */
  readonly includeOperational?: boolean;
  /** Offer every user attribute on every class, as extensibleObject (RFC 4512 §4.3) allows. */
  readonly includeExtensible?: boolean;
  /** Attribute aliases from the admin, e.g. `userCertificate;binary`, to treat as binary (RFC 4522). */
  readonly binaryAttributes?: readonly string[];
}

/** The resolved schema: JSON-serialisable, keyed by lower-cased primary name. */
export interface ResolvedSchema {
  readonly objectClasses: Readonly<Record<string, ResolvedObjectClass>>;
  readonly attributeTypes: Readonly<Record<string, ResolvedAttributeType>>;
  /** Lower-cased name or OID → key in `objectClasses` / `attributeTypes`. */
  readonly index: {
    readonly objectClasses: Readonly<Record<string, string>>;
    readonly attributeTypes: Readonly<Record<string, string>>;
  };
  /** The server defines extensibleObject. */
  readonly extensibleObject: boolean;
  readonly options: { readonly includeOperational: boolean; readonly includeExtensible: boolean };
  readonly problems: readonly SchemaProblem[];
}
