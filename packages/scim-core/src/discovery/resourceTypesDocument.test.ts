import { describe, expect, it } from 'vitest';
import { ECMA2HOST_USER_SCHEMA, resourceTypesListResponse, USER_SCHEMA } from '../index.ts';

describe('resourceTypesListResponse', () => {
  it('renders the User resource type with its extensions', () => {
    const body = resourceTypesListResponse(
      [
        {
          id: 'User',
          name: 'User',
          endpoint: '/Users',
          description: 'User Account',
          schema: USER_SCHEMA,
          schemaExtensions: [{ schema: ECMA2HOST_USER_SCHEMA, required: false }],
        },
      ],
      'https://h/scim',
    );
    expect(body.totalResults).toBe(1);
    expect(body.Resources[0]).toEqual({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
      id: 'User',
      name: 'User',
      endpoint: '/Users',
      description: 'User Account',
      schema: USER_SCHEMA,
      schemaExtensions: [{ schema: ECMA2HOST_USER_SCHEMA, required: false }],
      meta: { resourceType: 'ResourceType', location: 'https://h/scim/ResourceTypes/User' },
    });
  });
});
