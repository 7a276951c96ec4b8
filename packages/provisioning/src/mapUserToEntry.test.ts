import { ScimError } from '@scim2ldap/scim-core';
import { describe, expect, it } from 'vitest';
import {
  buildSchemas,
  compileMapping,
  inetOrgPersonPreset,
  type MappingConfig,
  mapUserToEntry,
  parseDn,
  posixAccountPreset,
} from './index.ts';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const schemas = buildSchemas([], undefined);

// Entra's default SCIM create body (entra-ecma-facts §4.3) plus the enterprise extension.
const entraUser = {
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE],
  externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
  userName: 'Test_User_1@testuser.com',
  active: true,
  displayName: 'Ada Lovelace',
  title: 'Engineer',
  emails: [{ primary: true, type: 'work', value: 'Test_User_1@testuser.com' }],
  name: { formatted: 'Ada Lovelace', familyName: 'Lovelace', givenName: 'Ada' },
  [ENTERPRISE]: { employeeNumber: '701', department: 'R&D', manager: { value: 'boss-id' } },
};

describe('mapUserToEntry with the inetOrgPerson preset', () => {
  const mapping = compileMapping(inetOrgPersonPreset({ parentDn: 'ou=people,dc=example,dc=org' }));

  it('maps a core-only SCIM user to a sensible inetOrgPerson entry', async () => {
    const plan = await mapUserToEntry(entraUser, mapping, schemas, { kind: 'create' });
    expect(plan.dn).toBe('uid=Test_User_1@testuser.com,ou=people,dc=example,dc=org');
    expect(plan.objectClasses).toEqual(['inetOrgPerson']);
    expect(plan.attributes).toEqual({
      uid: ['Test_User_1@testuser.com'],
      givenName: ['Ada'],
      sn: ['Lovelace'],
      displayName: ['Ada Lovelace'],
      cn: ['Ada Lovelace'],
      mail: ['Test_User_1@testuser.com'],
      title: ['Engineer'],
      employeeNumber: ['701'],
      departmentNumber: ['R&D'],
      manager: ['boss-id'],
    });
    expect(plan.password).toBeUndefined();
  });

  it('fills the mandatory cn and sn from the user name when the client sends no names', async () => {
    const plan = await mapUserToEntry({ userName: 'bob' }, mapping, schemas, { kind: 'create' });
    expect(plan.attributes).toEqual({ uid: ['bob'], cn: ['bob'], sn: ['bob'] });
  });

  it('escapes values inside the DN rule (RFC 4514), so a comma cannot change the DN structure', async () => {
    const plan = await mapUserToEntry({ userName: 'Smith, J+r' }, mapping, schemas, { kind: 'create' });
    expect(plan.dn).toBe('uid=Smith\\, J\\+r,ou=people,dc=example,dc=org');
    expect(parseDn(plan.dn ?? '')[0]).toEqual([{ type: 'uid', value: 'Smith, J+r' }]);
    expect(plan.attributes.uid).toEqual(['Smith, J+r']);
  });

  it('sends the SCIM password as a password, never as an attribute', async () => {
    const plan = await mapUserToEntry({ userName: 'bob', password: 'S3cret!' }, mapping, schemas, {
      kind: 'create',
    });
    expect(plan.password).toBe('S3cret!');
    expect(JSON.stringify(plan.attributes)).not.toContain('S3cret!');
  });

  it('on update computes only the rules that read a changed path; a removed source removes the attribute', async () => {
    const changed = new Set(['name.familyname', 'title']);
    const plan = await mapUserToEntry(
      { ...entraUser, title: undefined, name: { givenName: 'Ada', familyName: 'King' } },
      mapping,
      schemas,
      {
        kind: 'update',
        changed,
      },
    );
    expect(plan.attributes).toEqual({ sn: ['King'], title: null });
    expect(plan.dn).toBeUndefined();
  });
});

describe('mapUserToEntry with the seed POSIX preset', () => {
  const mapping = compileMapping(posixAccountPreset({ parentDn: 'DC=Contoso,DC=lab' }));

  it('builds the seed example entry from a user principal name', async () => {
    const plan = await mapUserToEntry(
      {
        userName: 'BSimon@contoso.com',
        name: { familyName: 'Simon' },
        displayName: 'Brian Simon',
        [ENTERPRISE]: { employeeNumber: '10011' },
      },
      mapping,
      schemas,
      { kind: 'create' },
    );
    expect(plan.dn).toBe('CN=BSimon,DC=Contoso,DC=lab');
    expect(plan.objectClasses).toEqual(['inetOrgPerson', 'posixAccount', 'shadowAccount']);
    expect(plan.attributes).toMatchObject({
      uid: ['bsimon'],
      homeDirectory: ['/home/bsimon'],
      gidNumber: ['10000'],
      uidNumber: ['10011'],
      mail: ['BSimon@contoso.com'],
      cn: ['Brian Simon'],
      sn: ['Simon'],
      loginShell: ['/bin/bash'],
    });
  });

  it('leaves create-only rules (DN, objectClass, loginShell) out of a full replace', async () => {
    const plan = await mapUserToEntry({ userName: 'BSimon@contoso.com' }, mapping, schemas, {
      kind: 'replace',
    });
    expect(plan.dn).toBeUndefined();
    expect(plan.objectClasses).toBeUndefined();
    expect(plan.attributes).not.toHaveProperty('loginShell');
    expect(plan.attributes.uidNumber).toBeNull();
    expect(plan.attributes.uid).toEqual(['bsimon']);
  });
});

describe('mapping rules', () => {
  it('applies "default if null" only on create', async () => {
    const config: MappingConfig = {
      rules: [{ type: 'direct', source: 'title', target: 'title', defaultIfNull: 'Staff' }],
    };
    const mapping = compileMapping(config);
    expect((await mapUserToEntry({}, mapping, schemas, { kind: 'create' })).attributes).toEqual({
      title: ['Staff'],
    });
    expect((await mapUserToEntry({}, mapping, schemas, { kind: 'replace' })).attributes).toEqual({
      title: null,
    });
  });

  it('IgnoreFlowIfNullOrEmpty leaves the attribute alone', async () => {
    const mapping = compileMapping({
      rules: [{ type: 'expression', target: 'title', expression: 'IgnoreFlowIfNullOrEmpty([title])' }],
    });
    expect((await mapUserToEntry({}, mapping, schemas, { kind: 'replace' })).attributes).toEqual({});
  });

  it('reports a bad expression when the mapping is compiled, naming the rule', () => {
    expect(() =>
      compileMapping({ rules: [{ type: 'expression', target: 'cn', expression: 'Join("", [a]' }] }),
    ).toThrow(/mapping\.rules\[0\] \(target cn\)/);
    expect(() => compileMapping({ rules: [{ type: 'direct', target: 'cn' }] })).toThrow(/needs "source"/);
  });

  it('rejects a DN rule whose input is missing (empty RDN value), naming the DN', async () => {
    const mapping = compileMapping({
      rules: [],
      dnRule: 'Join("", "CN=", Word([userName], 1, "@"), ",DC=Contoso,DC=lab")',
    });
    const error = await mapUserToEntry({ displayName: 'x' }, mapping, schemas, { kind: 'create' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ScimError);
    expect((error as ScimError).detail).toContain('"CN=,DC=Contoso,DC=lab" has an empty name');
  });

  it('rejects a DN rule result that is not a DN with 400 invalidValue', async () => {
    const mapping = compileMapping({ rules: [], dnRule: 'Join("", [userName], ",dc=org")' });
    const error = await mapUserToEntry({ userName: 'no-equals-sign' }, mapping, schemas, {
      kind: 'create',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScimError);
    expect((error as ScimError).status).toBe(400);
    expect((error as ScimError).detail).toContain('not a valid DN');
  });
});
