import { defineAttribute } from './defineAttribute.ts';
import type { AttributeInput, SchemaDefinition } from './types.ts';

/** URN of the core User schema (RFC 7643 §4.1). */
export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';

// The value/display/type/primary shape shared by emails, phoneNumbers, ims, photos, … (RFC 7643 §2.4).
function multiValued(
  name: string,
  types: readonly string[],
  value: AttributeInput = { name: 'value' },
): AttributeInput {
  return {
    name,
    multiValued: true,
    subAttributes: [
      value,
      { name: 'display' },
      { name: 'type', canonicalValues: types },
      { name: 'primary', type: 'boolean' },
    ],
  };
}

/** The core User schema of RFC 7643 §4.1 / §8.7.1, as attribute definitions. */
export const userSchema: SchemaDefinition = {
  id: USER_SCHEMA,
  name: 'User',
  description: 'User Account',
  attributes: (
    [
      { name: 'userName', required: true, uniqueness: 'server' },
      {
        name: 'name',
        subAttributes: [
          { name: 'formatted' },
          { name: 'familyName' },
          { name: 'givenName' },
          { name: 'middleName' },
          { name: 'honorificPrefix' },
          { name: 'honorificSuffix' },
        ],
      },
      { name: 'displayName' },
      { name: 'nickName' },
      { name: 'profileUrl', type: 'reference', referenceTypes: ['external'] },
      { name: 'title' },
      { name: 'userType' },
      { name: 'preferredLanguage' },
      { name: 'locale' },
      { name: 'timezone' },
      { name: 'active', type: 'boolean' },
      { name: 'password', mutability: 'writeOnly', returned: 'never' },
      multiValued('emails', ['work', 'home', 'other']),
      multiValued('phoneNumbers', ['work', 'home', 'mobile', 'fax', 'pager', 'other']),
      multiValued('ims', ['aim', 'gtalk', 'icq', 'xmpp', 'msn', 'skype', 'qq', 'yahoo']),
      multiValued('photos', ['photo', 'thumbnail'], {
        name: 'value',
        type: 'reference',
        referenceTypes: ['external'],
      }),
      {
        name: 'addresses',
        multiValued: true,
        subAttributes: [
          { name: 'formatted' },
          { name: 'streetAddress' },
          { name: 'locality' },
          { name: 'region' },
          { name: 'postalCode' },
          { name: 'country' },
          { name: 'type', canonicalValues: ['work', 'home', 'other'] },
          { name: 'primary', type: 'boolean' },
        ],
      },
      {
        name: 'groups',
        multiValued: true,
        mutability: 'readOnly',
        subAttributes: [
          { name: 'value', mutability: 'readOnly' },
          { name: '$ref', type: 'reference', referenceTypes: ['User', 'Group'], mutability: 'readOnly' },
          { name: 'display', mutability: 'readOnly' },
          { name: 'type', canonicalValues: ['direct', 'indirect'], mutability: 'readOnly' },
        ],
      },
      multiValued('entitlements', []),
      // Entra sends role objects with "displayName" as well as RFC "display" (entra-ecma-facts §4.3).
      {
        name: 'roles',
        multiValued: true,
        subAttributes: [
          { name: 'value' },
          { name: 'display' },
          { name: 'displayName' },
          { name: 'type' },
          { name: 'primary', type: 'boolean' },
        ],
      },
      multiValued('x509Certificates', [], { name: 'value', type: 'binary' }),
    ] satisfies AttributeInput[]
  ).map(defineAttribute),
};
