import { describe, expect, it } from 'vitest';
import { buildExtensionSchema, defineAttribute, ECMA2HOST_USER_SCHEMA } from '../index.ts';

describe('buildExtensionSchema', () => {
  it('fills RFC 7643 defaults and keeps LDAP-style names', () => {
    const schema = buildExtensionSchema({
      id: ECMA2HOST_USER_SCHEMA,
      name: 'ECMA2Host User',
      attributes: [
        { name: '-dn-' },
        { name: 'objectClass', multiValued: true },
        { name: 'msDS-cloudExtensionAttribute1' },
      ],
    });
    expect(schema.attributes[0]).toEqual({
      name: '-dn-',
      type: 'string',
      multiValued: false,
      required: false,
      caseExact: false,
      mutability: 'readWrite',
      returned: 'default',
      uniqueness: 'none',
    });
    expect(schema.attributes[1]?.multiValued).toBe(true);
  });

  it('rejects names a path cannot address, duplicates, and ids that are not URNs', () => {
    expect(() =>
      buildExtensionSchema({ id: ECMA2HOST_USER_SCHEMA, name: 'x', attributes: [{ name: 'has space' }] }),
    ).toThrow(/"has space" .* may only contain letters, digits/);
    expect(() =>
      buildExtensionSchema({
        id: ECMA2HOST_USER_SCHEMA,
        name: 'x',
        attributes: [{ name: 'cn' }, { name: 'CN' }],
      }),
    ).toThrow(/listed twice/);
    expect(() => buildExtensionSchema({ id: 'ECMA2Host', name: 'x', attributes: [] })).toThrow(
      /is not a URN/,
    );
  });

  it('infers complex from sub-attributes', () => {
    expect(defineAttribute({ name: 'address', subAttributes: [{ name: 'street' }] }).type).toBe('complex');
  });
});
