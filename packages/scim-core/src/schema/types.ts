/** SCIM attribute data types (RFC 7643 §2.3). */
export type AttributeType =
  | 'string'
  | 'boolean'
  | 'decimal'
  | 'integer'
  | 'dateTime'
  | 'binary'
  | 'reference'
  | 'complex';

/** When an attribute may be written (RFC 7643 §7). */
export type Mutability = 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';

/** When an attribute is returned (RFC 7643 §7). */
export type Returned = 'always' | 'never' | 'default' | 'request';

/** How the service provider enforces uniqueness (RFC 7643 §7). */
export type Uniqueness = 'none' | 'server' | 'global';

/** One attribute definition, as published in `/Schemas` (RFC 7643 §7). */
export interface AttributeDefinition {
  readonly name: string;
  readonly type: AttributeType;
  readonly multiValued: boolean;
  readonly description?: string;
  readonly required: boolean;
  readonly caseExact: boolean;
  readonly mutability: Mutability;
  readonly returned: Returned;
  readonly uniqueness: Uniqueness;
  readonly canonicalValues?: readonly string[];
  readonly referenceTypes?: readonly string[];
  readonly subAttributes?: readonly AttributeDefinition[];
}

/** A schema (core or extension): its URN id, name and attributes (RFC 7643 §7). */
export interface SchemaDefinition {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly attributes: readonly AttributeDefinition[];
}

/** An attribute definition where everything but name and type has a default. */
export type AttributeInput = Pick<AttributeDefinition, 'name'> &
  Partial<Omit<AttributeDefinition, 'name' | 'subAttributes'>> & {
    readonly subAttributes?: readonly AttributeInput[];
  };

/**
 * The schemas of one resource type: its core schema and the extensions it may carry. Every function that
 * reads or writes resources takes one of these.
 */
export interface ResourceSchemas {
  readonly core: SchemaDefinition;
  readonly extensions: readonly SchemaDefinition[];
}

/** A resource type as served by `/ResourceTypes` (RFC 7643 §6). */
export interface ResourceTypeDefinition {
  readonly id: string;
  readonly name: string;
  readonly endpoint: string;
  readonly description?: string;
  readonly schema: string;
  readonly schemaExtensions: readonly { readonly schema: string; readonly required: boolean }[];
}

/** A SCIM resource as JSON: core attributes at the top, extension attributes under their schema URN. */
export type ScimResource = { readonly [key: string]: unknown };
