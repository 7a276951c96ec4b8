import {
  type AttributeInput,
  buildExtensionSchema,
  enterpriseUserSchema,
  type ResourceSchemas,
  type SchemaDefinition,
  userSchema,
} from '@scim2ldap/scim-core';
import {
  type DirectorySchemaView,
  type ExposedType,
  findAttributeType,
  typeOfSyntax,
} from './DirectorySchemaView.ts';
import { compileMapping } from './compileMapping.ts';
import { canonicalPath } from './flattenResource.ts';
import type { MappingConfig } from './MappingConfig.ts';
import { DN_ATTRIBUTE, ECMA2HOST_USER_SCHEMA, EXPORT_PASSWORD_ATTRIBUTE } from './schemaUrns.ts';

/** An attribute the admin selected (the wizard's Select Attributes page). */
export interface SelectedAttribute {
  readonly name: string;
  /** Expose a multi-valued LDAP attribute as single-valued (the wizard's "Treat as single value"). */
  readonly treatAsSingleValue?: boolean;
}

/** How one selected directory attribute appears in the ECMA2Host extension. */
export interface ExposedAttribute {
  /** The name as selected (`cn`, `-dn-`, `objectClass`, `export_password`). */
  readonly name: string;
  readonly type: ExposedType;
  readonly multiValued: boolean;
  /** Sent by clients but never returned (`export_password`, the password attribute). */
  readonly writeOnly: boolean;
  /** Returned but never written (`_distinguishedName`, NO-USER-MODIFICATION attributes). */
  readonly readOnly: boolean;
}

/** The User resource model of a connector: `/Schemas` documents plus the exposed attributes. */
export interface UserSchemas {
  /** Core User (expression-mapped attributes without a reverse rule marked write-only), enterprise, ECMA2Host. */
  readonly resourceSchemas: ResourceSchemas;
  /** The ECMA2Host extension attributes, in selection order. */
  readonly attributes: readonly ExposedAttribute[];
  /** The directory attribute that holds passwords (write-only, set through `setPassword`). */
  readonly passwordAttribute: string;
}

/** Options of {@link buildSchemas}. */
export interface BuildSchemasOptions {
  /** The mapping, so core attributes that only feed expression rules are published as write-only. */
  readonly mapping?: MappingConfig;
  /** The password attribute; default `userPassword`. */
  readonly passwordAttribute?: string;
}

/**
 * Builds the SCIM User resource model ECMA2Host exposes: the core User and enterprise schemas, and the
 * `urn:ietf:params:scim:schemas:extension:ECMA2Host:2.0:User` extension with every selected directory
 * attribute, typed from its LDAP syntax and multi-valued unless SINGLE-VALUE or "treat as single value".
 * @param selected the selected attributes (`-dn-`, `objectClass`, `export_password`, `cn`, `mail`, …)
 * @param directorySchema the detected schema (unknown attributes are exposed as multi-valued strings)
 * @param options the mapping and password attribute
 * @example
 * const schemas = buildSchemas([{ name: '-dn-' }, { name: 'objectClass' }, { name: 'mail', treatAsSingleValue: true }], profile.schema);
 */
export function buildSchemas(
  selected: readonly SelectedAttribute[],
  directorySchema: DirectorySchemaView | undefined,
  options: BuildSchemasOptions = {},
): UserSchemas {
  const passwordAttribute = options.passwordAttribute ?? 'userPassword';
  const attributes = selected.map((attribute) => expose(attribute, directorySchema, passwordAttribute));
  const extension = buildExtensionSchema({
    id: ECMA2HOST_USER_SCHEMA,
    name: 'ECMA2Host User',
    description: 'Directory attributes selected for this connector',
    attributes: attributes.map(toAttributeInput),
  });
  const writeOnly = writeOnlyCorePaths(options.mapping);
  return {
    resourceSchemas: {
      core: markWriteOnly(userSchema, writeOnly),
      extensions: [markWriteOnly(enterpriseUserSchema, writeOnly), extension],
    },
    attributes,
    passwordAttribute,
  };
}

function expose(
  { name, treatAsSingleValue }: SelectedAttribute,
  schema: DirectorySchemaView | undefined,
  passwordAttribute: string,
): ExposedAttribute {
  const lower = name.toLowerCase();
  if (name === DN_ATTRIBUTE || lower === '_distinguishedname') {
    return { name, type: 'string', multiValued: false, writeOnly: false, readOnly: name !== DN_ATTRIBUTE };
  }
  if (lower === EXPORT_PASSWORD_ATTRIBUTE || lower === passwordAttribute.toLowerCase()) {
    return { name, type: 'string', multiValued: false, writeOnly: true, readOnly: false };
  }
  if (lower === 'objectclass')
    return { name, type: 'string', multiValued: true, writeOnly: false, readOnly: false };
  const type = findAttributeType(schema, name);
  return {
    name,
    type: typeOfSyntax(type?.syntax),
    multiValued: !(treatAsSingleValue === true || type?.singleValue === true),
    writeOnly: false,
    readOnly: type?.noUserModification === true,
  };
}

function toAttributeInput(attribute: ExposedAttribute): AttributeInput {
  return {
    name: attribute.name,
    type: attribute.type,
    multiValued: attribute.multiValued,
    ...(attribute.name === DN_ATTRIBUTE ? { description: 'Distinguished name of the entry' } : {}),
    ...(attribute.writeOnly ? { mutability: 'writeOnly' as const, returned: 'never' as const } : {}),
    ...(attribute.readOnly ? { mutability: 'readOnly' as const } : {}),
  };
}

/** SCIM paths that feed expression rules but that no Direct rule or reverse rule gives back. */
function writeOnlyCorePaths(mapping: MappingConfig | undefined): Set<string> {
  if (!mapping) return new Set();
  const compiled = compileMapping(mapping);
  const readable = new Set(compiled.reverses.map((reverse) => canonicalPath(reverse.target)));
  const fed = compiled.rules
    .filter((rule) => rule.rule.type === 'expression')
    .flatMap((rule) => rule.sources);
  return new Set(fed.filter((path) => !readable.has(path)));
}

function markWriteOnly(schema: SchemaDefinition, paths: Set<string>): SchemaDefinition {
  if (paths.size === 0) return schema;
  const prefix = schema.id.toLowerCase();
  const hit = (name: string): boolean =>
    paths.has(name.toLowerCase()) || paths.has(`${prefix}:${name.toLowerCase()}`);
  return {
    ...schema,
    attributes: schema.attributes.map((attribute) =>
      hit(attribute.name) && attribute.name !== 'userName'
        ? { ...attribute, mutability: 'writeOnly', returned: 'never' }
        : attribute,
    ),
  };
}
