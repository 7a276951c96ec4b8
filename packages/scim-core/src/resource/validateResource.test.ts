import { describe, expect, it } from 'vitest';
import { entraCreate, schemas, user } from '../../test/fixtures/entra.ts';
import { ScimError, validateResource } from '../index.ts';

const ECMA = 'urn:ietf:params:scim:schemas:extension:ECMA2Host:2.0:User';
const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User';

function fails(body: unknown, options: Parameters<typeof validateResource>[2] = {}): ScimError {
  try {
    validateResource(body, schemas, options);
  } catch (error) {
    if (error instanceof ScimError) return error;
    throw error;
  }
  throw new Error('expected a ScimError');
}

describe('validateResource', () => {
  it("accepts Entra's create, drops readOnly meta, types ECMA2Host numbers and lists the extension", () => {
    const out = validateResource(entraCreate, schemas, { mode: 'create' });
    expect(out).not.toHaveProperty('meta');
    expect(out['schemas']).toEqual([CORE, ECMA]);
    expect(out[ECMA]).toMatchObject({
      uidNumber: 10011,
      gidNumber: 10000,
      '-dn-': 'CN=bsimon,DC=Contoso,DC=lab',
    });
    expect(out['emails']).toEqual(entraCreate.emails);
    expect(out).not.toHaveProperty('roles');
  });

  it('canonicalises attribute names, accepts "True" for booleans and URN-qualified top-level keys', () => {
    const out = validateResource(
      { schemas: [CORE], USERNAME: 'u', Active: 'True', NAME: { GIVENNAME: 'G' }, [`${ECMA}:mail`]: 'm@x' },
      schemas,
    );
    expect(out).toEqual({
      schemas: [CORE, ECMA],
      userName: 'u',
      active: true,
      name: { givenName: 'G' },
      [ECMA]: { mail: 'm@x' },
    });
  });

  it('ignores the readOnly id and groups a client sends', () => {
    const out = validateResource(
      { schemas: [CORE], id: 'mine', userName: 'u', groups: [{ value: 'g' }] },
      schemas,
    );
    expect(out).toEqual({ schemas: [CORE], userName: 'u' });
  });

  it('names an unknown attribute and the fix, or drops it when asked', () => {
    const error = fails({ schemas: [CORE], userName: 'u', favouriteColour: 'blue' });
    expect(error.scimType).toBe('invalidSyntax');
    expect(error.detail).toMatch(/Unknown attribute "favouriteColour".*add it to the connector's attributes/);
    const inExtension = fails({ schemas: [CORE], userName: 'u', [ECMA]: { shoeSize: '44' } });
    expect(inExtension.detail).toContain(`Unknown attribute "${ECMA}:shoeSize"`);
    expect(
      validateResource({ schemas: [CORE], userName: 'u', favouriteColour: 'blue' }, schemas, {
        unknownAttributes: 'ignore',
      }),
    ).toEqual({
      schemas: [CORE],
      userName: 'u',
    });
  });

  it('rejects a missing required attribute, wrong types and a body without the core schema', () => {
    expect(fails({ schemas: [CORE], displayName: 'x' }).detail).toBe('Attribute "userName" is required');
    expect(fails({ schemas: [CORE], userName: 'u', active: 'yes' }).detail).toMatch(
      /"active" must be a boolean/,
    );
    expect(fails({ schemas: [CORE], userName: 'u', [ECMA]: { uidNumber: 'ten' } }).detail).toMatch(
      /uidNumber" must be a number/,
    );
    expect(fails({ userName: 'u' }).scimType).toBe('invalidSyntax');
    expect(fails([]).detail).toMatch(/JSON object/);
    expect(fails({ schemas: [CORE], userName: 'u', [ECMA]: 'not an object' }).detail).toMatch(
      /must be an object/,
    );
  });

  it('refuses to change an immutable attribute on replace', () => {
    const immutableSchemas = {
      ...schemas,
      core: {
        ...schemas.core,
        attributes: schemas.core.attributes.map((a) =>
          a.name === 'userName' ? { ...a, mutability: 'immutable' as const } : a,
        ),
      },
    };
    expect(() =>
      validateResource({ schemas: [CORE], userName: 'other' }, immutableSchemas, {
        mode: 'replace',
        existing: user,
      }),
    ).toThrow(/"userName" is immutable/);
    expect(
      validateResource({ schemas: [CORE], userName: user.userName }, immutableSchemas, {
        mode: 'replace',
        existing: user,
      }),
    ).toMatchObject({
      userName: user.userName,
    });
  });
});
