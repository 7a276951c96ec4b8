import type { Provisioner } from '@scim2ldap/provisioning';
import {
  parseListQuery,
  projectResource,
  resourceTypesListResponse,
  schemasListResponse,
  serviceProviderConfig,
} from '@scim2ldap/scim-core';
import type { ScimJson, ScimUsersService } from './HostedConnector.ts';

const MAX_RESULTS = 200;

/**
 * Adapts a provisioner to the HTTP layer: parses list queries and `attributes` / `excludedAttributes` with
 * scim-core, passes the request id, and serves the discovery documents.
 * @param provisioner the connector's provisioner
 */
export function createUsersService(provisioner: Provisioner): ScimUsersService {
  const schemas = provisioner.schema.resourceSchemas;
  const project = (resource: Record<string, unknown>, query: URLSearchParams): ScimJson => {
    const attributes = query.get('attributes');
    const excluded = query.get('excludedAttributes');
    if (!attributes && !excluded) return resource;
    const split = (s: string | null) =>
      s
        ? s
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean)
        : [];
    return projectResource(
      resource as never,
      { attributes: split(attributes), excludedAttributes: split(excluded) },
      schemas,
    );
  };
  const discovery = {
    schemas: schemasListResponse([schemas.core, ...schemas.extensions]),
    resourceTypes: resourceTypesListResponse([
      {
        id: 'User',
        name: 'User',
        endpoint: '/Users',
        description: 'User Account',
        schema: schemas.core.id,
        schemaExtensions: schemas.extensions.map((e) => ({ schema: e.id, required: false })),
      },
    ]),
    serviceProviderConfig: serviceProviderConfig({
      maxResults: MAX_RESULTS,
      patch: true,
      sort: false,
      etag: false,
    }),
  };
  return {
    createUser: (body, request) => provisioner.createUser(body, request),
    getUser: async (id, query, request) => project(await provisioner.getUser(id, request), query),
    async queryUsers(query, request) {
      const parsed = parseListQuery(query, { maxResults: MAX_RESULTS });
      const list = await provisioner.queryUsers(
        {
          ...(parsed.filter === undefined ? {} : { filter: parsed.filter }),
          startIndex: parsed.startIndex,
          count: parsed.count,
        },
        request,
      );
      if (parsed.attributes.length === 0 && parsed.excludedAttributes.length === 0)
        return list as unknown as ScimJson;
      return {
        ...list,
        Resources: list.Resources.map((r) =>
          projectResource(
            r,
            { attributes: parsed.attributes, excludedAttributes: parsed.excludedAttributes },
            schemas,
          ),
        ),
      };
    },
    patchUser: async (id, body, request) => provisioner.patchUser(id, body, request),
    replaceUser: async (id, body, request) => provisioner.replaceUser(id, body, request),
    deleteUser: async (id, request) => provisioner.deleteUser(id, request),
    schemas: () => discovery.schemas as unknown as ScimJson,
    resourceTypes: () => discovery.resourceTypes as unknown as ScimJson,
    serviceProviderConfig: () => discovery.serviceProviderConfig,
  };
}
