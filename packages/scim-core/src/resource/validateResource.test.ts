import { describe, expect, it } from 'vitest';
import { entraCreate, schemas, user } from '../../test/fixtures/entra.ts';
import { projectResource, ScimError, validateResource } from '../index.ts';

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

// The full User of RFC 7643 §8.2 with the enterprise extension of §8.3 (certificate value shortened).
const rfcUser = {
  schemas: [CORE, 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
  id: '2819c223-7f76-453a-919d-413861904646',
  externalId: '701984',
  userName: 'bjensen@example.com',
  name: {
    formatted: 'Ms. Barbara J Jensen, III',
    familyName: 'Jensen',
    givenName: 'Barbara',
    middleName: 'Jane',
    honorificPrefix: 'Ms.',
    honorificSuffix: 'III',
  },
  displayName: 'Babs Jensen',
  nickName: 'Babs',
  profileUrl: 'https://login.example.com/bjensen',
  emails: [
    { value: 'bjensen@example.com', type: 'work', primary: true },
    { value: 'babs@jensen.org', type: 'home' },
  ],
  addresses: [
    {
      type: 'work',
      streetAddress: '100 Universal City Plaza',
      locality: 'Hollywood',
      region: 'CA',
      postalCode: '91608',
      country: 'USA',
      formatted: '100 Universal City Plaza\nHollywood, CA 91608 USA',
      primary: true,
    },
  ],
  phoneNumbers: [
    { value: '555-555-5555', type: 'work' },
    { value: '555-555-4444', type: 'mobile' },
  ],
  ims: [{ value: 'someaimhandle', type: 'aim' }],
  photos: [{ value: 'https://photos.example.com/profilephoto/72930000000Ccne/F', type: 'photo' }],
  userType: 'Employee',
  title: 'Tour Guide',
  preferredLanguage: 'en-US',
  locale: 'en-US',
  timezone: 'America/Los_Angeles',
  active: true,
  password: 't1meMa$heen',
  groups: [
    {
      value: 'e9e30dba-f08f-4109-8486-d5c6a331660a',
      $ref: 'https://example.com/v2/Groups/e9e30dba',
      display: 'Tour Guides',
    },
  ],
  x509Certificates: [{ value: 'MIIDQzCCAqygAwIBAgICEAAwDQYJKoZIhvcNAQEFBQAw' }],
  'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': {
    employeeNumber: '701984',
    costCenter: '4130',
    organization: 'Universal Studios',
    division: 'Theme Park',
    department: 'Tour Operations',
    manager: {
      value: '26118915-6090-4610-87a4-49d0f2ce8c72',
      $ref: '../Users/26118915',
      displayName: 'John Smith',
    },
  },
  meta: {
    resourceType: 'User',
    created: '2010-01-23T04:56:22Z',
    lastModified: '2011-05-13T04:42:34Z',
    version: 'W/"3694e05e9dff591"',
    location: 'https://example.com/v2/Users/2819c223-7f76-453a-919d-413861904646',
  },
};

describe('validateResource: RFC 7643 §8.2/§8.3 full user', () => {
  it('accepts every attribute, keeps writable ones as sent and drops the readOnly id, groups, meta and manager.displayName', () => {
    const out = validateResource(rfcUser, schemas);
    const { id: _id, groups: _groups, meta: _meta, ...writable } = rfcUser;
    const enterprise = rfcUser['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'];
    expect(out).toEqual({
      ...writable,
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': {
        ...enterprise,
        manager: { value: enterprise.manager.value, $ref: enterprise.manager.$ref },
      },
    });
  });

  it('renders it back without the password', () => {
    const stored = { ...validateResource(rfcUser, schemas), id: rfcUser.id, meta: rfcUser.meta };
    const shown = projectResource(stored, {}, schemas);
    expect(shown).not.toHaveProperty('password');
    expect(shown['id']).toBe(rfcUser.id);
    expect(shown['x509Certificates']).toEqual(rfcUser.x509Certificates);
  });
});

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
