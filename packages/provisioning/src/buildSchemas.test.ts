import type { DirectoryProfile } from '@scim2ldap/ldap-schema-detect';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { buildSchemas, type DirectorySchemaView } from './index.ts';

const INTEGER = '1.3.6.1.4.1.1466.115.121.1.27';
const directorySchema = {
  attributeTypes: [
    { names: ['uidNumber'], syntax: INTEGER, singleValue: true },
    { names: ['mail', 'rfc822Mailbox'], syntax: '1.3.6.1.4.1.1466.115.121.1.26' },
    { names: ['entryUUID'], syntax: '1.3.6.1.1.16.1', singleValue: true, noUserModification: true },
    { names: ['jpegPhoto'], syntax: '1.3.6.1.4.1.1466.115.121.1.28' },
  ],
};

describe('buildSchemas', () => {
  it("takes ldap-schema-detect's resolved schema as it is", () => {
    expectTypeOf<NonNullable<DirectoryProfile['schema']>>().toExtend<DirectorySchemaView>();
  });

  const { resourceSchemas, attributes } = buildSchemas(
    [
      { name: '-dn-' },
      { name: 'objectClass' },
      { name: 'export_password' },
      { name: 'userPassword', treatAsSingleValue: true },
      { name: 'uidNumber' },
      { name: 'mail' },
      { name: 'cn', treatAsSingleValue: true },
      { name: 'entryUUID' },
      { name: 'jpegPhoto' },
    ],
    directorySchema,
  );
  const extension = resourceSchemas.extensions.find((s) => s.id.includes('ECMA2Host'));
  const attribute = (name: string) => extension?.attributes.find((a) => a.name === name);

  it('publishes the ECMA2Host extension with LDAP types and cardinality', () => {
    expect(extension?.id).toBe('urn:ietf:params:scim:schemas:extension:ECMA2Host:2.0:User');
    expect(attribute('uidNumber')).toMatchObject({ type: 'integer', multiValued: false });
    expect(attribute('mail')).toMatchObject({ type: 'string', multiValued: true });
    expect(attribute('cn')).toMatchObject({ type: 'string', multiValued: false });
    expect(attribute('objectClass')).toMatchObject({ multiValued: true });
    expect(attribute('-dn-')).toMatchObject({ multiValued: false, mutability: 'readWrite' });
    expect(attribute('jpegPhoto')).toMatchObject({ type: 'binary' });
    expect(attribute('entryUUID')).toMatchObject({ mutability: 'readOnly' });
  });

  it('marks passwords write-only and never returned', () => {
    for (const name of ['export_password', 'userPassword']) {
      expect(attribute(name)).toMatchObject({
        mutability: 'writeOnly',
        returned: 'never',
        multiValued: false,
      });
    }
    expect(attributes.find((a) => a.name === 'export_password')?.writeOnly).toBe(true);
  });

  it('marks core attributes that only feed expression rules as write-only', () => {
    const schemas = buildSchemas([], undefined, {
      mapping: {
        rules: [
          { type: 'expression', target: 'description', expression: 'Join(" ", [nickName], [title])' },
          { type: 'direct', source: 'title', target: 'title' },
        ],
      },
    });
    const core = schemas.resourceSchemas.core.attributes;
    expect(core.find((a) => a.name === 'nickName')).toMatchObject({
      mutability: 'writeOnly',
      returned: 'never',
    });
    expect(core.find((a) => a.name === 'title')).toMatchObject({ mutability: 'readWrite' });
  });
});
