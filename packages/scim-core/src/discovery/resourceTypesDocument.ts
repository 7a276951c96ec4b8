import { type ListResponse, listResponse } from '../query/listResponse.ts';
import type { ResourceTypeDefinition } from '../schema/types.ts';
import { joinUrl } from './schemasDocument.ts';

/** URN of a resource type resource (RFC 7643 §6). */
export const RESOURCE_TYPE_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:ResourceType';

/**
 * Renders one resource type as served at `/ResourceTypes/{id}` (RFC 7643 §6).
 *
 * @param resourceType the definition (id, name, endpoint, schema, extensions)
 * @param baseUrl the SCIM base URL for `meta.location`
 */
export function resourceTypeResource(
  resourceType: ResourceTypeDefinition,
  baseUrl?: string,
): Record<string, unknown> {
  return {
    schemas: [RESOURCE_TYPE_SCHEMA],
    id: resourceType.id,
    name: resourceType.name,
    endpoint: resourceType.endpoint,
    ...(resourceType.description === undefined ? {} : { description: resourceType.description }),
    schema: resourceType.schema,
    schemaExtensions: resourceType.schemaExtensions.map(({ schema, required }) => ({ schema, required })),
    meta: {
      resourceType: 'ResourceType',
      ...(baseUrl === undefined ? {} : { location: joinUrl(baseUrl, 'ResourceTypes', resourceType.id) }),
    },
  };
}

/**
 * The `/ResourceTypes` answer as a ListResponse.
 *
 * @param resourceTypes the resource types served (for scim2ldap: User)
 * @param baseUrl the SCIM base URL for `meta.location`
 * @example
 * resourceTypesListResponse([{ id: 'User', name: 'User', endpoint: '/Users', schema: USER_SCHEMA,
 *   schemaExtensions: [{ schema: ECMA2HOST_USER_SCHEMA, required: false }] }]);
 */
export function resourceTypesListResponse(
  resourceTypes: readonly ResourceTypeDefinition[],
  baseUrl?: string,
): ListResponse<Record<string, unknown>> {
  return listResponse(resourceTypes.map((resourceType) => resourceTypeResource(resourceType, baseUrl)));
}
