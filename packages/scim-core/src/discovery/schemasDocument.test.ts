import { describe, expect, it } from 'vitest';
import { ecma2hostSchema } from '../../test/fixtures/entra.ts';
import { enterpriseUserSchema, schemaResource, schemasListResponse, userSchema } from '../index.ts';

function hasNull(value: unknown): boolean {
  if (value === null) return true;
  if (Array.isArray(value)) return value.some(hasNull);
  if (typeof value === 'object') return Object.values(value as object).some(hasNull);
  return false;
}

describe('schemasListResponse', () => {
  const body = schemasListResponse(
    [userSchema, enterpriseUserSchema, ecma2hostSchema],
    'https://h:8585/ecma2host_LDAP/scim/',
  );

  it('is a ListResponse of Schema resources with locations, and no null anywhere (Entra §4.7)', () => {
    expect(body.schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:ListResponse']);
    expect(body.totalResults).toBe(3);
    expect(body.Resources.map((r) => r['id'])).toEqual([
      userSchema.id,
      enterpriseUserSchema.id,
      ecma2hostSchema.id,
    ]);
    expect(body.Resources[2]?.['meta']).toEqual({
      resourceType: 'Schema',
      location:
        'https://h:8585/ecma2host_LDAP/scim/Schemas/urn:ietf:params:scim:schemas:extension:ECMA2Host:2.0:User',
    });
    expect(hasNull(body)).toBe(false);
  });

  it('renders attributes with camelCase values and sub-attributes, as RFC 7643 §8.7.1 shows them', () => {
    const user = schemaResource(userSchema);
    const attributes = user['attributes'] as Record<string, unknown>[];
    expect(attributes.find((a) => a['name'] === 'userName')).toEqual({
      name: 'userName',
      type: 'string',
      multiValued: false,
      required: true,
      caseExact: false,
      mutability: 'readWrite',
      returned: 'default',
      uniqueness: 'server',
    });
    const emails = attributes.find((a) => a['name'] === 'emails') ?? {};
    expect(emails['multiValued']).toBe(true);
    const subAttributes = (emails['subAttributes'] ?? []) as Record<string, unknown>[];
    expect(subAttributes.find((s) => s['name'] === 'type')?.['canonicalValues']).toEqual([
      'work',
      'home',
      'other',
    ]);
    expect(attributes.find((a) => a['name'] === 'password')).toMatchObject({
      mutability: 'writeOnly',
      returned: 'never',
    });
    expect(attributes.some((a) => a['name'] === 'id')).toBe(false);
  });

  it('publishes the dynamic ECMA2Host attributes as given', () => {
    const attributes = schemaResource(ecma2hostSchema)['attributes'] as Record<string, unknown>[];
    expect(attributes.map((a) => a['name'])).toContain('-dn-');
    expect(attributes.find((a) => a['name'] === 'objectClass')).toMatchObject({
      multiValued: true,
      type: 'string',
    });
    expect(attributes.find((a) => a['name'] === 'export_password')).toMatchObject({
      mutability: 'writeOnly',
      returned: 'never',
    });
  });
});
