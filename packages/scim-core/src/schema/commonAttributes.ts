import { defineAttribute } from './defineAttribute.ts';
import type { AttributeDefinition } from './types.ts';

/**
 * The attributes every resource has regardless of schema (RFC 7643 §3.1): `id`, `externalId`, `meta`. They are
 * resolved like core attributes but not listed in `/Schemas`, as in the RFC's own schema representation.
 */
export const commonAttributes: readonly AttributeDefinition[] = [
  {
    name: 'id',
    caseExact: true,
    mutability: 'readOnly' as const,
    returned: 'always' as const,
    uniqueness: 'server' as const,
  },
  { name: 'externalId', caseExact: true },
  {
    name: 'meta',
    mutability: 'readOnly' as const,
    subAttributes: [
      { name: 'resourceType', caseExact: true, mutability: 'readOnly' as const },
      { name: 'created', type: 'dateTime' as const, mutability: 'readOnly' as const },
      { name: 'lastModified', type: 'dateTime' as const, mutability: 'readOnly' as const },
      { name: 'location', type: 'reference' as const, caseExact: true, mutability: 'readOnly' as const },
      { name: 'version', caseExact: true, mutability: 'readOnly' as const },
    ],
  },
].map(defineAttribute);
