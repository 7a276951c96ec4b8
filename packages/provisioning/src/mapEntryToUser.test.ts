import { describe, expect, it } from 'vitest';
import {
  buildSchemas,
  compileMapping,
  type DirectoryEntry,
  inetOrgPersonPreset,
  mapEntryToUser,
} from './index.ts';

const EXT = 'urn:ietf:params:scim:schemas:extension:ECMA2Host:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

const entry: DirectoryEntry = {
  dn: 'uid=ada,ou=people,dc=example,dc=org',
  anchor: '0b6c7a5e-7c2e-103f-8f9a-4b1d2c3e4f50',
  objectClasses: ['inetOrgPerson'],
  attributes: {
    uid: ['ada'],
    givenName: ['Ada'],
    sn: ['Lovelace'],
    cn: ['Ada Lovelace'],
    displayName: ['Ada Lovelace'],
    mail: ['ada@example.org'],
    employeeNumber: ['701'],
    userPassword: ['{SSHA}secret-hash'],
    createTimestamp: ['20240131120000Z'],
    uidNumber: ['10001'],
  },
  disabled: true,
};

const mapping = compileMapping(inetOrgPersonPreset({ parentDn: 'ou=people,dc=example,dc=org' }));
const schemas = buildSchemas(
  [
    { name: '-dn-' },
    { name: 'objectClass' },
    { name: 'mail', treatAsSingleValue: true },
    { name: 'uidNumber' },
    { name: 'userPassword' },
  ],
  { attributeTypes: [{ names: ['uidNumber'], syntax: '1.3.6.1.4.1.1466.115.121.1.27', singleValue: true }] },
);

describe('mapEntryToUser', () => {
  it('rebuilds core attributes through the inverse of the mapping, id = anchor', async () => {
    const user = await mapEntryToUser(entry, { mapping, schemas, disableFlow: { type: 'none' } });
    expect(user).toMatchObject({
      id: entry.anchor,
      userName: 'ada',
      displayName: 'Ada Lovelace',
      name: { givenName: 'Ada', familyName: 'Lovelace' },
      emails: [{ type: 'work', value: 'ada@example.org', primary: true }],
      [ENTERPRISE]: { employeeNumber: '701' },
      active: true,
      meta: { resourceType: 'User', created: '2024-01-31T12:00:00Z' },
    });
    expect(user.schemas).toEqual(['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE, EXT]);
  });

  it('exposes selected attributes in the ECMA2Host extension, typed, never the password', async () => {
    const user = await mapEntryToUser(entry, { mapping, schemas, disableFlow: { type: 'none' } });
    expect(user[EXT]).toEqual({
      '-dn-': 'uid=ada,ou=people,dc=example,dc=org',
      objectClass: ['inetOrgPerson'],
      mail: 'ada@example.org',
      uidNumber: 10001,
    });
    expect(JSON.stringify(user)).not.toContain('secret-hash');
  });

  it('shows active from the directory per the disable flow', async () => {
    const lock = await mapEntryToUser(entry, { mapping, schemas, disableFlow: { type: 'lock' } });
    expect(lock.active).toBe(false);
    const flag = {
      type: 'setAttribute',
      attribute: 'employeeType',
      disabledValue: 'disabled',
      enabledValue: 'active',
    } as const;
    expect((await mapEntryToUser(entry, { mapping, schemas, disableFlow: flag })).active).toBe(true);
    const flagged = { ...entry, attributes: { ...entry.attributes, employeeType: ['Disabled'] } };
    expect((await mapEntryToUser(flagged, { mapping, schemas, disableFlow: flag })).active).toBe(false);
  });

  it('falls back to the DN for userName when nothing maps to it', async () => {
    const bare = compileMapping({ rules: [] });
    expect(
      (await mapEntryToUser(entry, { mapping: bare, schemas, disableFlow: { type: 'none' } })).userName,
    ).toBe(entry.dn);
  });
});
