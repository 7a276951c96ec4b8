import { type RunningDirectory, startDirectory } from '@scim2ldap/ldap-testkit';
import type { ConnectionPool } from '@scim2ldap/run-profiles';
import { ScimError } from '@scim2ldap/scim-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inetOrgPersonPreset, posixAccountPreset, randomPassword } from '../src/index.ts';
import {
  adminPool,
  canBind,
  detectSchema,
  ldapmodify,
  ldapsearch,
  liveProvisioner,
} from './support/liveDirectory.ts';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

let dir: RunningDirectory;
let pool: ConnectionPool;

beforeAll(async () => {
  dir = await startDirectory({ kind: 'openldap' });
  pool = adminPool(dir);
});

afterAll(async () => {
  await pool?.close();
  await dir?.stop();
});

async function rejection(promise: Promise<unknown>): Promise<ScimError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ScimError);
  return error as ScimError;
}

describe('a generic SCIM client with the inetOrgPerson preset (seed schema 1)', () => {
  it('creates, reads back, patches, replaces, matches and deletes through core attributes only', async () => {
    const mapping = inetOrgPersonPreset({ parentDn: dir.usersDn });
    const { provisioner } = liveProvisioner(dir, pool, {
      selected: [{ name: '-dn-' }],
      mapping,
      directorySchema: await detectSchema(dir),
    });
    const created = await provisioner.createUser({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE],
      userName: 'ada',
      name: { givenName: 'Ada', familyName: 'Lovelace' },
      displayName: 'Ada Lovelace',
      title: 'Analyst',
      emails: [{ type: 'work', value: 'ada@example.org', primary: true }],
      password: 'Engine-1843',
      [ENTERPRISE]: { employeeNumber: '1815' },
    });
    const dn = `uid=ada,${dir.usersDn}`;
    const [entry] = await ldapsearch(dir, '(uid=ada)');
    expect(entry).toMatchObject({
      dn,
      objectClass: ['inetOrgPerson'],
      cn: ['Ada Lovelace'],
      sn: ['Lovelace'],
      givenName: ['Ada'],
      mail: ['ada@example.org'],
      title: ['Analyst'],
      employeeNumber: ['1815'],
    });
    expect(await canBind(dir, dn, 'Engine-1843')).toBe(true);
    expect(created).toMatchObject({
      userName: 'ada',
      name: { givenName: 'Ada', familyName: 'Lovelace' },
      active: true,
    });

    // GET shows the directory, not an echo: a change made outside is visible.
    await ldapmodify(dir, `dn: ${dn}\nchangetype: modify\nreplace: mail\nmail: ada.king@example.org\n`);
    const read = await provisioner.getUser(String(created.id));
    expect(read.emails).toEqual([{ type: 'work', value: 'ada.king@example.org', primary: true }]);
    expect(read[ENTERPRISE]).toEqual({ employeeNumber: '1815' });

    // Entra's default PATCH shape: one Replace per attribute, a value-path filter for the work email.
    await provisioner.patchUser(String(created.id), {
      schemas: [PATCH],
      Operations: [
        { op: 'Replace', path: 'emails[type eq "work"].value', value: 'countess@example.org' },
        { op: 'Replace', path: 'name.familyName', value: 'King' },
      ],
    });
    expect((await ldapsearch(dir, '(uid=ada)', ['mail', 'sn', 'cn']))[0]).toMatchObject({
      mail: ['countess@example.org'],
      sn: ['King'],
      cn: ['Ada Lovelace'],
    });

    // PUT replaces the mapped attributes: title is no longer sent, so it is removed.
    const replaced = await provisioner.replaceUser(String(created.id), {
      userName: 'ada',
      name: { givenName: 'Ada', familyName: 'King' },
      displayName: 'Ada King',
      emails: [{ type: 'work', value: 'countess@example.org' }],
    });
    expect(replaced.title).toBeUndefined();
    const [after] = await ldapsearch(dir, '(uid=ada)', ['title', 'displayName', 'cn']);
    expect(after?.title).toBeUndefined();
    expect(after).toMatchObject({ displayName: ['Ada King'], cn: ['Ada King'] });

    // A new user name renames uid=ada to uid=ada.king (the preset's DN rule applies always).
    await provisioner.patchUser(String(created.id), {
      schemas: [PATCH],
      Operations: [{ op: 'Replace', path: 'userName', value: 'ada.king' }],
    });
    const [renamed] = await ldapsearch(dir, '(uid=ada.king)', ['uid']);
    expect(renamed).toEqual({ dn: `uid=ada.king,${dir.usersDn}`, uid: ['ada.king'] });
    await provisioner.patchUser(String(created.id), {
      schemas: [PATCH],
      Operations: [{ op: 'Replace', path: 'userName', value: 'ada' }],
    });

    const byUserName = await provisioner.queryUsers({ filter: 'userName eq "ADA"' });
    expect(byUserName.Resources.map((r) => r.id)).toEqual([created.id]);
    const byEmail = await provisioner.queryUsers({
      filter: 'emails[type eq "work"].value eq "countess@example.org"',
    });
    expect(byEmail.totalResults).toBe(1);

    await provisioner.deleteUser(String(created.id));
    expect(await ldapsearch(dir, '(uid=ada)', ['dn'])).toEqual([]);
  });
});

describe('the seed POSIX example (seed schema 2)', () => {
  it('creates inetOrgPerson + posixAccount + shadowAccount with an initial random password', async () => {
    let counter = 0;
    const random = (size: number): Uint8Array =>
      Uint8Array.from({ length: size }, () => (counter++ * 37) % 256);
    const mapping = posixAccountPreset({ parentDn: dir.usersDn });
    const selected = [
      '-dn-',
      'objectClass',
      'cn',
      'sn',
      'mail',
      'uid',
      'uidNumber',
      'gidNumber',
      'homeDirectory',
    ].map((name) => ({ name }));
    const { provisioner, logs } = liveProvisioner(dir, pool, {
      selected,
      mapping,
      policy: { password: { initialRandom: { length: 16 } } },
      random,
      directorySchema: await detectSchema(dir),
    });
    const created = await provisioner.createUser({
      userName: 'BSimon@contoso.com',
      displayName: 'Brian Simon',
      name: { familyName: 'simon' },
      [ENTERPRISE]: { employeeNumber: '10011' },
    });
    const dn = `cn=BSimon,${dir.usersDn}`;
    const [entry] = await ldapsearch(dir, '(uid=bsimon)', ['*']);
    expect(entry?.dn.toLowerCase()).toBe(dn.toLowerCase());
    expect(entry).toMatchObject({
      objectClass: ['inetOrgPerson', 'posixAccount', 'shadowAccount'],
      cn: ['Brian Simon', 'BSimon'], // the display name, and the RDN value LDAP requires
      sn: ['simon'],
      uid: ['bsimon'],
      uidNumber: ['10011'],
      gidNumber: ['10000'],
      homeDirectory: ['/home/bsimon'],
      mail: ['BSimon@contoso.com'],
    });
    expect(entry?.userPassword).toHaveLength(1);

    // The same random bytes give the same password: it was really set, and it never reached the log.
    counter = 0;
    const expected = randomPassword(16, random);
    expect(await canBind(dir, entry?.dn ?? dn, expected)).toBe(true);
    expect(JSON.stringify(logs)).not.toContain(expected);
    expect(JSON.stringify(created)).not.toContain(expected);
    expect(
      (created['urn:ietf:params:scim:schemas:extension:ECMA2Host:2.0:User'] as Record<string, unknown>)
        .uidNumber,
    ).toBe(10011);

    // A new display name changes cn but keeps the RDN value (replacing it would be notAllowedOnRDN).
    await provisioner.patchUser(String(created.id), {
      schemas: [PATCH],
      Operations: [{ op: 'Replace', path: 'displayName', value: 'Brian Simon-Jones' }],
    });
    expect((await ldapsearch(dir, '(uid=bsimon)', ['cn']))[0]?.cn).toEqual(['BSimon', 'Brian Simon-Jones']);
  });

  it('a user without the required uidNumber is refused with 400 naming the attribute', async () => {
    const { provisioner } = liveProvisioner(dir, pool, {
      selected: [{ name: '-dn-' }],
      mapping: posixAccountPreset({ parentDn: dir.usersDn }),
    });
    const error = await rejection(
      provisioner.createUser({ userName: 'nonum@contoso.com', name: { familyName: 'x' } }),
    );
    expect(error.status).toBe(400);
    expect(error.detail).toContain('uidNumber');
    expect(await ldapsearch(dir, '(uid=nonum)', ['dn'])).toEqual([]);
  });
});
