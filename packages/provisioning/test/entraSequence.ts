import { randomUUID } from 'node:crypto';
import { type DirectoryKind, type RunningDirectory, startDirectory } from '@scim2ldap/ldap-testkit';
import type { ConnectionPool, LockProfile } from '@scim2ldap/run-profiles';
import { ScimError } from '@scim2ldap/scim-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminPool,
  canBind,
  detectSchema,
  ldapmodify,
  ldapsearch,
  type LiveProvisioner,
  liveProvisioner,
} from './support/liveDirectory.ts';

const EXT = 'urn:ietf:params:scim:schemas:extension:ECMA2Host:2.0:User';

/** What differs between servers in the Entra sequence. */
export interface EntraSequenceOptions {
  readonly kind: DirectoryKind;
  readonly anchor: string;
  /** The target's lock profile for the `lock` disable flow; without one, the flow sets `lockAttribute` instead. */
  readonly lockProfile?: LockProfile;
  /** The attribute the lock profile sets, checked with ldapsearch. */
  readonly lockAttribute: string;
}
const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

// The seed's OpenLDAP POSIX selection (Select Attributes page) and matching on mail.
const selected = [
  { name: '-dn-' },
  { name: 'export_password' },
  { name: 'cn', treatAsSingleValue: true },
  { name: 'gidNumber' },
  { name: 'homeDirectory' },
  { name: 'mail', treatAsSingleValue: true },
  { name: 'objectClass' },
  { name: 'sn', treatAsSingleValue: true },
  { name: 'uid', treatAsSingleValue: true },
  { name: 'uidNumber' },
  { name: 'userPassword', treatAsSingleValue: true },
];

/** An attribute's values in an ldapsearch result, names compared case-insensitively. */
function valuesOf(entry: Record<string, unknown> | undefined, name: string): unknown[] {
  const found = Object.entries(entry ?? {}).find(([key]) => key.toLowerCase() === name.toLowerCase());
  return Array.isArray(found?.[1]) ? found[1] : [];
}

/**
 * The Entra sequence (probe, match miss, create, match hit, update, rename, disable, re-enable, delete), outside
 * changes and error mapping, against one server started by the testkit.
 * @param options the server and its anchor and lock profile
 */
export function entraSequence(options: EntraSequenceOptions): void {
  let dir: RunningDirectory;
  let pool: ConnectionPool;
  let live: LiveProvisioner;

  beforeAll(async () => {
    dir = await startDirectory({ kind: options.kind, seed: { users: 3 } });
    pool = adminPool(dir);
    live = liveProvisioner(dir, pool, {
      selected,
      mapping: {
        rules: [],
        objectClasses: ['inetOrgPerson'],
        matching: [{ attribute: 'mail', precedence: 1 }],
      },
      policy: {
        disableFlow: options.lockProfile
          ? { type: 'lock' }
          : {
              type: 'setAttribute',
              attribute: options.lockAttribute,
              disabledValue: 'disabled',
              enabledValue: null,
            },
        deleteFlow: 'delete',
      },
      target: {
        anchor: options.anchor,
        ...(options.lockProfile ? { lockProfile: options.lockProfile } : {}),
      },
      directorySchema: await detectSchema(dir),
    });
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

  const password = `Init-${randomUUID()}`;
  const body = () => ({
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    [EXT]: {
      '-dn-': `CN=bsimon,${dir.usersDn}`,
      objectClass: ['inetOrgPerson', 'posixAccount', 'shadowAccount'],
      cn: 'bsimon',
      sn: 'simon',
      mail: 'bsimon@contoso.com',
      uid: 'bsimon',
      uidNumber: '10011',
      gidNumber: '10000',
      homeDirectory: '/home/bsimon',
      userPassword: password,
    },
  });

  describe(`the Entra sequence against ${options.kind} (ECMA2Host extension, seed POSIX schema)`, () => {
    let id: string;

    it('test connection: a probe on a random GUID answers an empty list', async () => {
      const probe = await live.provisioner.queryUsers({ filter: `PLACEHOLDER eq "${randomUUID()}"` });
      expect(probe).toMatchObject({ totalResults: 0, Resources: [] });
      const byMail = await live.provisioner.queryUsers({ filter: `${EXT}:mail eq "${randomUUID()}"` });
      expect(byMail.totalResults).toBe(0);
    });

    it('match miss, then create: one LDAP add with the POSIX classes and the password set', async () => {
      expect(
        (await live.provisioner.queryUsers({ filter: `${EXT}:mail eq "bsimon@contoso.com"` })).totalResults,
      ).toBe(0);
      const user = await live.provisioner.createUser(body());
      id = String(user.id);
      const [entry] = await ldapsearch(dir, '(mail=bsimon@contoso.com)', ['*', options.anchor]);
      expect(entry?.dn.toLowerCase()).toBe(`cn=bsimon,${dir.usersDn}`);
      expect(entry?.objectClass).toEqual(
        expect.arrayContaining(['inetOrgPerson', 'posixAccount', 'shadowAccount']),
      );
      expect(entry).toMatchObject({
        uidNumber: ['10011'],
        gidNumber: ['10000'],
        homeDirectory: ['/home/bsimon'],
        uid: ['bsimon'],
      });
      expect(entry?.[options.anchor]).toEqual([id]);
      expect(await canBind(dir, `cn=bsimon,${dir.usersDn}`, password)).toBe(true);
      expect((user[EXT] as Record<string, unknown>).uidNumber).toBe(10011); // INTEGER syntax, SINGLE-VALUE
      expect(user[EXT]).not.toHaveProperty('userPassword');
      expect(JSON.stringify(live.logs)).not.toContain(password);
    });

    it('match hit: the filter on mail (and on -dn-) finds the user with id = the anchor', async () => {
      const hit = await live.provisioner.queryUsers({ filter: `${EXT}:mail eq "BSimon@Contoso.com"` });
      expect(hit.Resources.map((r) => r.id)).toEqual([id]);
      const byDn = await live.provisioner.queryUsers({ filter: `${EXT}:-dn- eq "cn=BSIMON,${dir.usersDn}"` });
      expect(byDn.Resources.map((r) => r.id)).toEqual([id]);
      // The container is an entry too, but not a user.
      expect(
        (await live.provisioner.queryUsers({ filter: `${EXT}:-dn- eq "${dir.usersDn}"` })).totalResults,
      ).toBe(0);
    });

    it('update: a PATCH in Entra shape changes only the named attribute', async () => {
      const user = await live.provisioner.patchUser(id, {
        schemas: [PATCH],
        Operations: [
          { op: 'Replace', path: `${EXT}:sn`, value: 'Simon-Jones' },
          { op: 'Replace', path: `${EXT}:mail`, value: 'bsimon@contoso.com' },
        ],
      });
      expect((user[EXT] as Record<string, unknown>).sn).toBe('Simon-Jones');
      const modifies = live.logs.at(-1)?.directoryOperations.filter((op) => op.operation === 'modify');
      expect(modifies?.map((op) => ({ ...op, dn: op.dn?.toLowerCase() }))).toEqual([
        { operation: 'modify', dn: `cn=bsimon,${dir.usersDn}`, attributes: ['sn'], result: 'success' },
      ]);
      const [entry] = await ldapsearch(dir, '(uid=bsimon)', ['sn']);
      expect(entry?.sn).toEqual(['Simon-Jones']);
    });

    it('rename: a new -dn- moves the entry; the id stays and GET /Users/{id} follows it', async () => {
      await live.provisioner.patchUser(id, {
        schemas: [PATCH],
        Operations: [{ op: 'Replace', path: `${EXT}:-dn-`, value: `CN=brian,${dir.usersDn}` }],
      });
      expect(await ldapsearch(dir, `(cn=bsimon)`, ['dn'])).toEqual([]);
      const [entry] = await ldapsearch(dir, '(uid=bsimon)', ['dn']);
      expect(entry?.dn.toLowerCase()).toBe(`cn=brian,${dir.usersDn}`);
      const user = await live.provisioner.getUser(id);
      expect(user.id).toBe(id);
      expect(String((user[EXT] as Record<string, unknown>)['-dn-']).toLowerCase()).toBe(
        `cn=brian,${dir.usersDn}`,
      );
    });

    it('disable and re-enable: active drives the lock profile, GET shows the directory state', async () => {
      const disabled = await live.provisioner.patchUser(id, {
        schemas: [PATCH],
        Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
      });
      expect(disabled.active).toBe(false);
      const lock = options.lockAttribute;
      expect(valuesOf((await ldapsearch(dir, '(uid=bsimon)', [lock]))[0], lock)).toHaveLength(1);
      expect((await live.provisioner.getUser(id)).active).toBe(false);
      const enabled = await live.provisioner.patchUser(id, {
        schemas: [PATCH],
        Operations: [{ op: 'replace', path: 'active', value: true }],
      });
      expect(enabled.active).toBe(true);
      expect(valuesOf((await ldapsearch(dir, '(uid=bsimon)', [lock]))[0], lock)).toEqual([]);
    });

    it('delete: the entry is gone, GET answers 404 and the match misses', async () => {
      await live.provisioner.deleteUser(id);
      expect(await ldapsearch(dir, '(uid=bsimon)', ['dn'])).toEqual([]);
      expect((await rejection(live.provisioner.getUser(id))).status).toBe(404);
      expect(
        (await live.provisioner.queryUsers({ filter: `${EXT}:mail eq "bsimon@contoso.com"` })).totalResults,
      ).toBe(0);
      expect(await live.store.get(id)).toBeUndefined();
    });
  });

  describe('matching stays correct for changes made outside the host', () => {
    it('an existing directory user is matched by mail and updated, not duplicated', async () => {
      const mail = 'user00001@example.org';
      const found = await live.provisioner.queryUsers({ filter: `${EXT}:mail eq "${mail}"` });
      expect(found.totalResults).toBe(1);
      const existingId = String(found.Resources[0]?.id);
      await live.provisioner.patchUser(existingId, {
        schemas: [PATCH],
        Operations: [{ op: 'Replace', path: `${EXT}:sn`, value: 'Matched' }],
      });
      const duplicate = { [EXT]: { ...body()[EXT], '-dn-': `CN=dup,${dir.usersDn}`, mail } };
      const conflict = await rejection(live.provisioner.createUser(duplicate));
      expect(conflict.status).toBe(409);
      expect(conflict.scimType).toBe('uniqueness');
      const entries = await ldapsearch(dir, `(mail=${mail})`, ['sn']);
      expect(entries).toHaveLength(1);
      expect(entries[0]?.sn).toEqual(['Matched']);
    });

    it('a cached user deleted outside is not returned; one added outside is found live', async () => {
      const mail = 'outside@example.org';
      const created = await live.provisioner.createUser({
        [EXT]: { ...body()[EXT], '-dn-': `CN=outside,${dir.usersDn}`, mail, uid: 'outside' },
      });
      expect((await live.provisioner.queryUsers({ filter: `${EXT}:mail eq "${mail}"` })).totalResults).toBe(
        1,
      );
      await ldapmodify(dir, `dn: cn=outside,${dir.usersDn}\nchangetype: delete\n`);
      expect((await live.provisioner.queryUsers({ filter: `${EXT}:mail eq "${mail}"` })).totalResults).toBe(
        0,
      );
      expect(await live.store.get(String(created.id))).toBeUndefined();

      await ldapmodify(
        dir,
        `dn: uid=later,${dir.usersDn}\nchangetype: add\nobjectClass: inetOrgPerson\nuid: later\ncn: Later\nsn: Later\nmail: later@example.org\n`,
      );
      const later = await live.provisioner.queryUsers({ filter: `${EXT}:mail eq "later@example.org"` });
      expect(later.totalResults).toBe(1);
      expect(await live.store.get(String(later.Resources[0]?.id))).toMatchObject({
        dn: `uid=later,${dir.usersDn}`,
      });
    });
  });

  describe('directory errors reach the client as SCIM errors', () => {
    it('a missing parent is a 400 naming the parent DN; nothing is created', async () => {
      const error = await rejection(
        live.provisioner.createUser({
          [EXT]: { ...body()[EXT], '-dn-': `CN=x,ou=missing,${dir.baseDn}`, mail: 'x@example.org' },
        }),
      );
      expect(error.status).toBe(400);
      expect(error.detail).toContain(`ou=missing,${dir.baseDn}`);
    });

    it('an unknown objectClass is a 400 naming it (the seed\'s "invalid per syntax" case)', async () => {
      const error = await rejection(
        live.provisioner.createUser({
          [EXT]: {
            ...body()[EXT],
            '-dn-': `CN=y,${dir.usersDn}`,
            mail: 'y@example.org',
            objectClass: ['inetOrgPerson', 'posixAcount'],
          },
        }),
      );
      expect(error.status).toBe(400);
      expect(error.detail).toMatch(/posixAcount|objectClass/);
      expect(await ldapsearch(dir, '(mail=y@example.org)', ['dn'])).toEqual([]);
    });

    it('a stopped directory is a 503, never a false success', async () => {
      const [existing] = (
        await live.provisioner.queryUsers({ filter: `${EXT}:mail eq "user00002@example.org"` })
      ).Resources;
      await dir.stop();
      const error = await rejection(live.provisioner.getUser(String(existing?.id)));
      expect(error.status).toBe(503);
      const write = await rejection(
        live.provisioner.createUser({
          [EXT]: { ...body()[EXT], '-dn-': `CN=z,${dir.usersDn}`, mail: 'z@example.org' },
        }),
      );
      expect(write.status).toBe(503);
      expect(live.logs.at(-1)).toMatchObject({ outcome: 'failure', status: 503 });
    });
  });
}
