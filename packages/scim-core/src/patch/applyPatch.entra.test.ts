/**
 * Every PATCH shape Microsoft Entra ID sends (entra-ecma-facts §4.3 and §4.4), in both the default form and
 * the `aadOptscim062020` form, against the user of the shared fixtures.
 */
import { describe, expect, it } from 'vitest';
import {
  entraDefaultPatch,
  entraFiveOpPatch,
  entraFlagPatch,
  PATCH_OP,
  schemas,
  user,
} from '../../test/fixtures/entra.ts';
import { applyPatch, groupSchema, USER_SCHEMA } from '../index.ts';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const ECMA = 'urn:ietf:params:scim:schemas:extension:ECMA2Host:2.0:User';
const patch = (...Operations: unknown[]) => applyPatch(user, { schemas: [PATCH_OP], Operations }, schemas);

describe('Entra PATCH shapes', () => {
  it('updates a multi-valued and single-valued attribute (§4.3 sample)', () => {
    const { resource } = patch(
      { op: 'Replace', path: 'emails[type eq "work"].value', value: 'updatedEmail@microsoft.com' },
      { op: 'Replace', path: 'name.familyName', value: 'updatedFamilyName' },
    );
    expect(resource['emails']).toEqual([
      { primary: true, type: 'work', value: 'updatedEmail@microsoft.com' },
      { type: 'home', value: 'brian@example.net' },
    ]);
    expect(resource['name']).toEqual({
      formatted: 'Brian Simon',
      familyName: 'updatedFamilyName',
      givenName: 'Brian',
    });
  });

  it('disables with the string "False" (default) and the boolean false (aadOptscim062020) alike', () => {
    const byString = patch({ op: 'Replace', path: 'active', value: 'False' });
    const byBoolean = patch({ op: 'replace', path: 'active', value: false });
    expect(byString.resource['active']).toBe(false);
    expect(byString).toEqual(byBoolean);
    expect(byString.changes).toEqual([
      {
        path: `${USER_SCHEMA}:active`,
        schema: USER_SCHEMA,
        attribute: 'active',
        op: 'replace',
        values: [false],
        oldValues: [true],
      },
    ]);
    expect(patch({ op: 'Replace', path: 'active', value: 'True' }).changes).toEqual([]);
  });

  it('adds a single-valued string with "Add" and "add"', () => {
    const upper = patch({ op: 'Add', path: 'nickName', value: 'Babs' });
    const lower = patch({ op: 'add', path: 'nickName', value: 'Babs' });
    expect(upper.resource['nickName']).toBe('Babs');
    expect(upper).toEqual(lower);
    expect(upper.changes[0]).toMatchObject({ op: 'add', values: ['Babs'], oldValues: [] });
  });

  it('gives the same resource and changes for the default and the aadOptscim062020 multi-attribute replace', () => {
    const plain = applyPatch(user, entraDefaultPatch, schemas);
    const flagged = applyPatch(user, entraFlagPatch, schemas);
    expect(flagged.resource).toEqual(plain.resource);
    expect(new Set(flagged.changes.map((c) => JSON.stringify(c)))).toEqual(
      new Set(plain.changes.map((c) => JSON.stringify(c))),
    );
    expect(plain.resource['externalId']).toBe('ext-2');
    expect((plain.resource[ENTERPRISE] as Record<string, unknown>)['employeeNumber']).toBe('900001');
    expect(plain.changes.map((c) => c.path).sort()).toEqual(
      [
        `${ENTERPRISE}:employeeNumber`,
        `${USER_SCHEMA}:emails`,
        `${USER_SCHEMA}:externalId`,
        `${USER_SCHEMA}:name.familyName`,
        `${USER_SCHEMA}:name.givenName`,
      ].sort(),
    );
  });

  it('accepts a no-path replace with displayName, dotted and URN-qualified keys (§4.4 example)', () => {
    const { resource } = patch({
      op: 'replace',
      value: {
        displayName: 'Brian S.',
        'name.givenName': 'Bri',
        'name.familyName': 'Simons',
        [`${ENTERPRISE}:employeeNumber`]: '42',
        [`${ECMA}:mail`]: 'bri@contoso.com',
      },
    });
    expect(resource).toMatchObject({
      displayName: 'Brian S.',
      name: { givenName: 'Bri', familyName: 'Simons' },
      [ENTERPRISE]: { employeeNumber: '42', department: 'Tour Operations' },
      [ECMA]: { mail: 'bri@contoso.com', uid: 'bsimon' },
    });
  });

  it('accepts a no-path add whose value nests extension attributes under the schema URN', () => {
    const { resource } = patch({
      op: 'add',
      value: { [ENTERPRISE]: { costCenter: '4130' }, schemas: [USER_SCHEMA] },
    });
    expect(resource[ENTERPRISE]).toEqual({
      employeeNumber: '701984',
      department: 'Tour Operations',
      costCenter: '4130',
    });
  });

  it('adds the manager reference sent as a one-element array (§4.3)', () => {
    const { resource, changes } = patch({
      op: 'Add',
      path: 'manager',
      value: [
        {
          $ref: 'http://host/scim/Users/26118915-6090-4610-87a4-49d0f2ce8c72',
          value: '26118915-6090-4610-87a4-49d0f2ce8c72',
        },
      ],
    });
    expect((resource[ENTERPRISE] as Record<string, unknown>)['manager']).toEqual({
      $ref: 'http://host/scim/Users/26118915-6090-4610-87a4-49d0f2ce8c72',
      value: '26118915-6090-4610-87a4-49d0f2ce8c72',
    });
    expect(changes.map((c) => c.path)).toEqual([`${ENTERPRISE}:manager.value`, `${ENTERPRISE}:manager.$ref`]);
  });

  it('accepts the manager as a bare id', () => {
    const { resource } = patch({ op: 'Replace', path: `${ENTERPRISE}:manager`, value: 'm-42' });
    expect((resource[ENTERPRISE] as Record<string, unknown>)['manager']).toEqual({ value: 'm-42' });
  });

  it('replaces roles with the full objects AssertiveAppRoleAssignmentsComplex sends, displayName included', () => {
    const roles = [
      {
        primary: 'True',
        type: 'WindowsAzureActiveDirectoryRole',
        value: 'Admin',
        displayName: 'Administrator',
      },
    ];
    const { resource } = patch({ op: 'replace', path: 'roles', value: roles });
    expect(resource['roles']).toEqual([
      {
        primary: true,
        type: 'WindowsAzureActiveDirectoryRole',
        value: 'Admin',
        displayName: 'Administrator',
      },
    ]);
  });

  it('adds a role whose value is JSON in a string, as Entra sends without the flag (§4.3)', () => {
    const role = { value: '{"id":"7","value":"25","displayName":"Role1234"}' };
    const { resource } = patch({ op: 'Add', path: 'roles', value: [role] });
    expect(resource['roles']).toEqual([role]);
  });

  it('creates the work email when Entra replaces emails[type eq "work"].value on a user without one', () => {
    const bare = { schemas: [USER_SCHEMA], id: '1', userName: 'u' };
    const replaced = applyPatch(
      bare,
      {
        schemas: [PATCH_OP],
        Operations: [{ op: 'Replace', path: 'emails[type eq "work"].value', value: 'u@x.org' }],
      },
      schemas,
    );
    const added = applyPatch(
      bare,
      {
        schemas: [PATCH_OP],
        Operations: [{ op: 'Add', path: 'emails[type eq "work"].value', value: 'u@x.org' }],
      },
      schemas,
    );
    expect(replaced.resource['emails']).toEqual([{ type: 'work', value: 'u@x.org' }]);
    expect(added.resource).toEqual(replaced.resource);
  });

  it('writes ECMA2Host extension attributes addressed by URN, including -dn-', () => {
    const { resource, changes } = patch(
      { op: 'Replace', path: `${ECMA}:-dn-`, value: 'cn=Brian Simon,ou=people,dc=example,dc=org' },
      { op: 'Add', path: `${ECMA}:export_password`, value: 'S3cret!pass' },
    );
    expect(resource[ECMA]).toMatchObject({
      '-dn-': 'cn=Brian Simon,ou=people,dc=example,dc=org',
      export_password: 'S3cret!pass',
    });
    expect(changes.map((c) => `${c.op} ${c.attribute}`)).toEqual(['replace -dn-', 'add export_password']);
    expect(changes.map((c) => c.sensitive)).toEqual([undefined, true]);
  });

  it('applies the five-operation benchmark PATCH', () => {
    const { resource, changes } = applyPatch(user, entraFiveOpPatch, schemas);
    expect(resource['active']).toBe(false);
    expect(changes).toHaveLength(6);
  });
});

describe('Entra group member removal', () => {
  const group = {
    schemas: [groupSchema.id],
    id: 'g1',
    displayName: 'Group One',
    members: [{ value: 'u1091' }, { value: 'u2000' }, { value: '7f4b0000' }],
  };
  const groups = { core: groupSchema, extensions: [] };

  it('removes only the listed member for the default shape {path: "members", value: [{value}]}', () => {
    const { resource } = applyPatch(
      group,
      { schemas: [PATCH_OP], Operations: [{ op: 'Remove', path: 'members', value: [{ value: 'u1091' }] }] },
      groups,
    );
    expect(resource['members']).toEqual([{ value: 'u2000' }, { value: '7f4b0000' }]);
  });

  it('removes the member named by the aadOptscim062020 path filter', () => {
    const { resource } = applyPatch(
      group,
      { schemas: [PATCH_OP], Operations: [{ op: 'remove', path: 'members[value eq "7f4b0000"]' }] },
      groups,
    );
    expect(resource['members']).toEqual([{ value: 'u1091' }, { value: 'u2000' }]);
  });

  it('adds several members in one PATCH (gallery checklist)', () => {
    const { resource } = applyPatch(
      group,
      {
        schemas: [PATCH_OP],
        Operations: [
          { op: 'Add', path: 'members', value: [{ value: 'a' }, { value: 'b' }] },
          { op: 'Add', path: 'members', value: [{ value: 'u1091' }] },
        ],
      },
      groups,
    );
    expect((resource['members'] as { value: string }[]).map((m) => m.value)).toEqual([
      'u1091',
      'u2000',
      '7f4b0000',
      'a',
      'b',
    ]);
  });
});
