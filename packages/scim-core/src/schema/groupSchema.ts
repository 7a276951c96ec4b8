import { defineAttribute } from './defineAttribute.ts';
import type { SchemaDefinition } from './types.ts';

/** URN of the core Group schema (RFC 7643 §4.2). */
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';

/**
 * The core Group schema of RFC 7643 §4.2 (definitions only: the host serves no /Groups yet, but PATCH and
 * filter code is exercised against it, e.g. Entra's member removal shapes).
 */
export const groupSchema: SchemaDefinition = {
  id: GROUP_SCHEMA,
  name: 'Group',
  description: 'Group',
  attributes: [
    { name: 'displayName', required: true, uniqueness: 'server' as const },
    {
      name: 'members',
      multiValued: true,
      subAttributes: [
        { name: 'value', mutability: 'immutable' as const },
        {
          name: '$ref',
          type: 'reference' as const,
          referenceTypes: ['User', 'Group'],
          mutability: 'immutable' as const,
        },
        { name: 'display', mutability: 'immutable' as const },
        { name: 'type', canonicalValues: ['User', 'Group'], mutability: 'immutable' as const },
      ],
    },
  ].map(defineAttribute),
};
