import { type ListResponse, listResponse } from '../query/listResponse.ts';
import type { AttributeDefinition, SchemaDefinition } from '../schema/types.ts';

/** URN of a schema resource in `/Schemas` (RFC 7643 §7). */
export const SCHEMA_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Schema';

function renderAttribute(attribute: AttributeDefinition): Record<string, unknown> {
  // Entra wants null values omitted and camelCase values (entra-ecma-facts §4.7); empty lists say nothing.
  return {
    name: attribute.name,
    type: attribute.type,
    multiValued: attribute.multiValued,
    ...(attribute.description === undefined ? {} : { description: attribute.description }),
    required: attribute.required,
    caseExact: attribute.caseExact,
    mutability: attribute.mutability,
    returned: attribute.returned,
    uniqueness: attribute.uniqueness,
    ...(attribute.canonicalValues?.length ? { canonicalValues: attribute.canonicalValues } : {}),
    ...(attribute.referenceTypes?.length ? { referenceTypes: attribute.referenceTypes } : {}),
    ...(attribute.subAttributes?.length
      ? { subAttributes: attribute.subAttributes.map(renderAttribute) }
      : {}),
  };
}

/** Joins a base URL (trailing slashes dropped) and path segments. */
export function joinUrl(baseUrl: string, ...parts: string[]): string {
  return [baseUrl.replace(/\/+$/, ''), ...parts].join('/');
}

/**
 * Renders one schema as served at `/Schemas/{id}` (RFC 7643 §7), with `meta.location` when a base URL is given.
 *
 * @param schema the schema definition
 * @param baseUrl the SCIM base URL, e.g. `https://host:8585/ecma2host_LDAP/scim`
 */
export function schemaResource(schema: SchemaDefinition, baseUrl?: string): Record<string, unknown> {
  return {
    schemas: [SCHEMA_SCHEMA],
    id: schema.id,
    name: schema.name,
    ...(schema.description === undefined ? {} : { description: schema.description }),
    attributes: schema.attributes.map(renderAttribute),
    meta: {
      resourceType: 'Schema',
      ...(baseUrl === undefined ? {} : { location: joinUrl(baseUrl, 'Schemas', schema.id) }),
    },
  };
}

/**
 * The `/Schemas` answer: a ListResponse of every schema (Entra requires a ListResponse with nulls omitted).
 *
 * @param schemas core and extension schemas to publish
 * @param baseUrl the SCIM base URL for `meta.location`
 * @example
 * schemasListResponse([userSchema, enterpriseUserSchema, ecma2hostSchema], 'https://host:8585/ecma2host_LDAP/scim');
 */
export function schemasListResponse(
  schemas: readonly SchemaDefinition[],
  baseUrl?: string,
): ListResponse<Record<string, unknown>> {
  return listResponse(schemas.map((schema) => schemaResource(schema, baseUrl)));
}
