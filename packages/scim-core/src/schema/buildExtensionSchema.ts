import { badRequest } from '../ScimError.ts';
import { defineAttribute } from './defineAttribute.ts';
import type { AttributeInput, SchemaDefinition } from './types.ts';

/** URN of the extension under which the ECMA Connector Host exposes every selected LDAP attribute. */
export const ECMA2HOST_USER_SCHEMA = 'urn:ietf:params:scim:schemas:extension:ECMA2Host:2.0:User';

/** Input of {@link buildExtensionSchema}. */
export interface ExtensionSchemaInput {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly attributes: readonly AttributeInput[];
}

// Attribute names as LDAP and ECMA2Host spell them: `-dn-`, `objectClass`, `export_password`, `msDS-…`.
const NAME = /^[A-Za-z0-9_$-][A-Za-z0-9_$-]*$/;

/**
 * Builds an extension schema at run time from a list of attributes (e.g. the LDAP attributes an admin
 * selected), filling RFC defaults and rejecting names a SCIM path could not address.
 *
 * @param input the schema URN, its name and the attribute list
 * @example
 * const ecma = buildExtensionSchema({
 *   id: ECMA2HOST_USER_SCHEMA,
 *   name: 'ECMA2Host User',
 *   attributes: [{ name: '-dn-', required: true }, { name: 'objectClass', multiValued: true },
 *     { name: 'export_password', mutability: 'writeOnly', returned: 'never' }],
 * });
 */
export function buildExtensionSchema(input: ExtensionSchemaInput): SchemaDefinition {
  if (!/^urn:[a-z0-9][a-z0-9-]{0,31}:\S+$/i.test(input.id)) {
    throw badRequest(
      'invalidValue',
      `Extension schema id "${input.id}" is not a URN (expected urn:<nid>:<nss>)`,
    );
  }
  const seen = new Set<string>();
  for (const attribute of input.attributes) {
    if (!NAME.test(attribute.name)) {
      throw badRequest(
        'invalidValue',
        `Attribute name "${attribute.name}" in ${input.id} may only contain letters, digits, "-", "_" and "$"`,
      );
    }
    const key = attribute.name.toLowerCase();
    if (seen.has(key)) {
      throw badRequest(
        'invalidValue',
        `Attribute "${attribute.name}" is listed twice in ${input.id} (names are case-insensitive)`,
      );
    }
    seen.add(key);
  }
  return {
    id: input.id,
    name: input.name,
    ...(input.description === undefined ? {} : { description: input.description }),
    attributes: input.attributes.map(defineAttribute),
  };
}
