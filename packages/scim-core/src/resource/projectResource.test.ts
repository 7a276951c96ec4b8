import { describe, expect, it } from 'vitest';
import { schemas, user } from '../../test/fixtures/entra.ts';
import { buildExtensionSchema, projectResource } from '../index.ts';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const ECMA = 'urn:ietf:params:scim:schemas:extension:ECMA2Host:2.0:User';
const withSecrets = {
  ...user,
  password: 'p',
  [ECMA]: { ...user[ECMA], userPassword: 'x', export_password: 'y' },
};

describe('projectResource', () => {
  it('never returns writeOnly/never attributes and returns the rest by default', () => {
    const out = projectResource(withSecrets, {}, schemas);
    expect(out['password']).toBeUndefined();
    expect(out[ECMA]).not.toHaveProperty('userPassword');
    expect(out[ECMA]).not.toHaveProperty('export_password');
    expect(out).toMatchObject({ id: user.id, userName: user.userName, emails: user.emails, meta: user.meta });
  });

  it('returns only the requested attributes plus id and schemas, sub-attributes narrowed', () => {
    const out = projectResource(
      withSecrets,
      { attributes: ['USERNAME', 'name.familyName', `${ENTERPRISE}:employeeNumber`, 'password'] },
      schemas,
    );
    expect(out).toEqual({
      schemas: user.schemas,
      id: user.id,
      userName: user.userName,
      name: { familyName: 'Simon' },
      [ENTERPRISE]: { employeeNumber: '701984' },
    });
  });

  it('excludes attributes and sub-attributes, but never id', () => {
    const out = projectResource(
      user,
      { excludedAttributes: ['emails', 'name.formatted', 'id', ENTERPRISE] },
      schemas,
    );
    expect(out).not.toHaveProperty('emails');
    expect(out['name']).toEqual({ familyName: 'Simon', givenName: 'Brian' });
    expect(out['id']).toBe(user.id);
    expect(out).not.toHaveProperty(ENTERPRISE);
    expect(out['schemas']).toEqual(['urn:ietf:params:scim:schemas:core:2.0:User', ECMA]);
  });

  it('selects a whole extension by its URN and adds present extensions to schemas', () => {
    const out = projectResource(user, { attributes: [ECMA] }, schemas);
    expect(Object.keys(out).sort()).toEqual(['id', 'schemas', ECMA].sort());
    expect(out['schemas']).toEqual(['urn:ietf:params:scim:schemas:core:2.0:User', ECMA]);
  });

  it('returns "request" attributes only when asked for', () => {
    const special = {
      ...schemas,
      extensions: [
        ...schemas.extensions,
        buildExtensionSchema({
          id: 'urn:example:params:scim:schemas:extension:Audit:2.0:User',
          name: 'Audit',
          attributes: [{ name: 'lastLogon', returned: 'request' }, { name: 'site' }],
        }),
      ],
    };
    const audited = {
      ...user,
      'urn:example:params:scim:schemas:extension:Audit:2.0:User': { lastLogon: 'yesterday', site: 'HQ' },
    };
    expect(
      projectResource(audited, {}, special)['urn:example:params:scim:schemas:extension:Audit:2.0:User'],
    ).toEqual({ site: 'HQ' });
    expect(
      projectResource(
        audited,
        { attributes: ['urn:example:params:scim:schemas:extension:Audit:2.0:User:lastLogon'] },
        special,
      )['urn:example:params:scim:schemas:extension:Audit:2.0:User'],
    ).toEqual({ lastLogon: 'yesterday' });
  });

  it('leaves out null values', () => {
    expect(projectResource({ ...user, title: null }, {}, schemas)).not.toHaveProperty('title');
  });
});
