import { defineAttribute } from './defineAttribute.ts';
import type { SchemaDefinition } from './types.ts';

/** URN of the enterprise User extension (RFC 7643 §4.3). */
export const ENTERPRISE_USER_SCHEMA = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/** The enterprise User extension of RFC 7643 §4.3, as attribute definitions. */
export const enterpriseUserSchema: SchemaDefinition = {
  id: ENTERPRISE_USER_SCHEMA,
  name: 'EnterpriseUser',
  description: 'Enterprise User',
  attributes: [
    { name: 'employeeNumber' },
    { name: 'costCenter' },
    { name: 'organization' },
    { name: 'division' },
    { name: 'department' },
    {
      name: 'manager',
      subAttributes: [
        { name: 'value' },
        { name: '$ref', type: 'reference' as const, referenceTypes: ['User'] },
        { name: 'displayName', mutability: 'readOnly' as const },
      ],
    },
  ].map(defineAttribute),
};
