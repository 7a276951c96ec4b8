import { type RunningDirectory, startDirectory } from '@scim2ldap/ldap-testkit';
import { detectDirectory } from '@scim2ldap/ldap-schema-detect';
import { Client } from 'ldapts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ConnectionPool,
  createConnectionPool,
  createLdapTarget,
  dnEquals,
  LdapOperationError,
  type LockProfile,
  lockProfiles,
} from '../src/index.ts';
import { adminPool, canBind, newUser, targetFor } from './helpers.ts';

/** What a server under test can do, so the suite skips what it lacks. */
export interface ExportFeatures {
  readonly kind: 'openldap' | '389ds' | 'apacheds';
  /** Lock profiles to exercise, each checked by a user bind failing while disabled. */
  readonly lockProfiles: readonly { readonly name: string; readonly profile: LockProfile }[];
  /** The server enforces access controls for ordinary users. */
  readonly accessControl: boolean;
  /** How `delete(subtree)` gets there (ApacheDS lists tree delete but refuses it: auto falls back). */
  readonly subtreeDelete: string;
  /** The server rejects a value like "abc" for uidNumber (posixAccount). */
  readonly posix: boolean;
  /** The server's syntax diagnostic names the attribute (ApacheDS' does not: then none may be guessed). */
  readonly namesSyntaxFault: boolean;
  /** More tests against the same server (one server per test file). */
  readonly more?: (running: () => { readonly dir: RunningDirectory; readonly pool: ConnectionPool }) => void;
}

async function rejection(promise: Promise<unknown>): Promise<LdapOperationError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(LdapOperationError);
    if (process.env['RP_DEBUG']) console.log((error as LdapOperationError).code, (error as Error).message);
    return error as LdapOperationError;
  }
  throw new Error('expected the operation to fail');
}

/** The live Export suite, run once per server kind (one server per test file). */
export function exportSuite(features: ExportFeatures): void {
  describe(`export on ${features.kind}`, () => {
    let dir: RunningDirectory;
    let pool: ConnectionPool;

    beforeAll(async () => {
      dir = await startDirectory({
        kind: features.kind,
        ...(features.kind === 'openldap' ? { noSync: true } : {}),
      });
      pool = adminPool(dir);
      if (features.kind === 'openldap') {
        // ppolicy honours pwdAccountLockedTime only when the policy has pwdLockout TRUE (the testkit's is FALSE).
        await pool.use((c) =>
          c.modify(`cn=default,ou=policies,${dir.baseDn}`, [
            { operation: 'replace', attribute: 'pwdLockout', values: ['TRUE'] },
          ]),
        );
      }
    });
    afterAll(async () => {
      await pool?.close();
      await dir?.stop();
    });

    it('adds an entry and returns it as read back, with its anchor, dropping empty values', async () => {
      const { target } = targetFor(dir, pool);
      const user = newUser(dir, 'add.one', {
        mail: ['a@example.org', '', 'a@example.org'],
        description: [''],
      });
      const entry = await target.add(user);
      expect(entry.dn.toLowerCase()).toBe(user.dn.toLowerCase());
      expect(entry.anchor).toMatch(/^[0-9a-f-]{20,}$/i);
      expect(entry.objectClasses.map((c) => c.toLowerCase())).toContain('inetorgperson');
      expect(entry.attributes['mail']).toEqual(['a@example.org']);
      expect(Object.keys(entry.attributes).map((k) => k.toLowerCase())).not.toContain('description');
      expect((await target.readByAnchor(entry.anchor))?.dn.toLowerCase()).toBe(user.dn.toLowerCase());
    });

    it('adds concurrently over one shared connection, each add getting back its own entry', async () => {
      const onePool = adminPool(dir, 1);
      try {
        const { target } = targetFor(dir, onePool);
        const users = Array.from({ length: 12 }, (_, i) =>
          newUser(dir, `shared.${i}`, { description: [`n${i}`] }),
        );
        const entries = await Promise.all(users.map((user) => target.add(user)));
        for (const [i, entry] of entries.entries()) {
          expect(entry.dn.toLowerCase()).toBe(users[i]?.dn.toLowerCase());
          expect(entry.attributes['description']).toEqual([`n${i}`]);
        }
        expect(new Set(entries.map((e) => e.anchor)).size).toBe(users.length);
      } finally {
        await onePool.close();
      }
    });

    it('fails only the conflicting add among adds in flight together on one connection', async () => {
      const onePool = adminPool(dir, 1);
      try {
        const { target } = targetFor(dir, onePool);
        const taken = newUser(dir);
        await target.add(taken);
        const users = [newUser(dir), taken, newUser(dir), newUser(dir)];
        const results = await Promise.allSettled(users.map((user) => target.add(user)));
        expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
        const error = (results[1] as PromiseRejectedResult).reason as LdapOperationError;
        expect(error.code).toBe('entryAlreadyExists');
        expect(error.message).toContain(taken.dn);
        for (const i of [0, 2, 3]) {
          const entry = (results[i] as PromiseFulfilledResult<{ dn: string }>).value;
          expect(entry.dn.toLowerCase()).toBe(users[i]?.dn.toLowerCase());
        }
      } finally {
        await onePool.close();
      }
    });

    it('reports a missing parent by its DN', async () => {
      const { target } = targetFor(dir, pool);
      const user = newUser(dir, 'orphan');
      const error = await rejection(target.add({ ...user, dn: `uid=orphan,ou=nowhere,${dir.baseDn}` }));
      expect(error.kind).toBe('noSuchObject');
      expect(error.code).toBe('noSuchObject');
      expect(error.message).toContain(`parent entry "ou=nowhere,${dir.baseDn}" does not exist`);
    });

    it('reports an existing DN as a conflict', async () => {
      const { target } = targetFor(dir, pool);
      const user = newUser(dir);
      await target.add(user);
      const error = await rejection(target.add(user));
      expect(error.kind).toBe('conflict');
      expect(error.code).toBe('entryAlreadyExists');
      expect(error.message).toContain('already exists');
      expect(error.message).toContain(user.dn);
    });

    it('names an unknown objectClass value (the "invalid per syntax" case)', async () => {
      const { target } = targetFor(dir, pool);
      const user = newUser(dir);
      const error = await rejection(
        target.add({ ...user, objectClasses: ['top', 'person', 'organizationalPerson', 'inetOrgPersn'] }),
      );
      expect(error.kind).toBe('schema');
      expect(error.attribute).toBe('objectClass');
      expect(error.message).toContain('"inetOrgPersn"');
    });

    it('names an attribute the schema does not know or allow', async () => {
      const { target } = targetFor(dir, pool);
      const error = await rejection(target.add(newUser(dir, undefined, { favouriteColour: ['blue'] })));
      expect(error.kind).toBe('schema');
      expect(error.attribute).toBe('favouriteColour');
      expect(error.message).toContain('attribute "favouriteColour"');
    });

    it('names a required attribute that is missing', async () => {
      const { target } = targetFor(dir, pool);
      const user = newUser(dir);
      const { sn: _sn, ...withoutSn } = user.attributes;
      const error = await rejection(target.add({ ...user, attributes: withoutSn }));
      expect(error.kind).toBe('schema');
      expect(error.attribute?.toLowerCase()).toBe('sn');
      expect(error.message).toMatch(/The required attribute "sn" is missing/i);
    });

    it.runIf(features.posix)('names an attribute whose value has the wrong syntax', async () => {
      const { target } = targetFor(dir, pool);
      const user = newUser(dir, undefined, {
        uidNumber: ['not-a-number'],
        gidNumber: ['100'],
        homeDirectory: ['/home/x'],
      });
      const error = await rejection(
        target.add({ ...user, objectClasses: [...user.objectClasses, 'posixAccount'] }),
      );
      expect(error.kind).toBe('schema');
      if (features.namesSyntaxFault) {
        expect(error.attribute).toBe('uidNumber');
        expect(error.message).toContain('The schema rejected the attribute "uidNumber"');
      } else {
        expect(error.attribute).toBeUndefined();
        expect(error.message).toContain('value syntax');
      }
    });

    it('modifies with the minimal change: multi-valued edits, single-valued replace, attribute removal', async () => {
      const { target, writes } = targetFor(dir, pool);
      const user = newUser(dir, undefined, {
        mail: ['one@example.org', 'two@example.org'],
        displayName: ['Old Name'],
        title: ['Engineer'],
      });
      const added = await target.add(user);
      const before = writes.count;
      const entry = await target.modify(user.dn, {
        mail: ['two@example.org', 'three@example.org'],
        displayName: ['New Name'],
        title: null,
        telephoneNumber: ['+1 555 0100', ''],
      });
      expect(writes.count - before).toBe(1);
      expect([...(entry.attributes['mail'] ?? [])].sort()).toEqual(['three@example.org', 'two@example.org']);
      expect(entry.attributes['displayName']).toEqual(['New Name']);
      expect(entry.attributes['title']).toBeUndefined();
      expect(entry.attributes['telephoneNumber']).toEqual(['+1 555 0100']);
      expect(entry.anchor).toBe(added.anchor);
    });

    it('takes single-valuedness from the detected schema (replace vs value edits)', async () => {
      const client = new Client({ url: dir.ldapUrl });
      await client.bind(dir.adminDn, dir.adminPassword);
      const profile = await detectDirectory(client, { probe: false });
      await client.unbind();
      expect(profile.schema).not.toBeNull();
      const { target, writes } = targetFor(dir, pool, { singleValued: [], schema: profile.schema });
      const user = newUser(dir, undefined, { displayName: ['Before'], mail: ['m1@example.org'] });
      await target.add(user);
      writes.modifications.length = 0;
      await target.modify(user.dn, { displayName: ['After'], mail: ['m2@example.org'] });
      const sent = writes.modifications.flat().map((m) => `${m.operation}:${m.attribute}`);
      // displayName is SINGLE-VALUE in inetOrgPerson: one replace; mail is multi-valued: delete + add.
      expect(sent.sort()).toEqual(['add:mail', 'delete:mail', 'replace:displayName']);
    });

    it('sends nothing for a no-op change and still returns the entry', async () => {
      const { target, writes } = targetFor(dir, pool);
      const user = newUser(dir, undefined, { mail: ['x@example.org', 'y@example.org'] });
      await target.add(user);
      const before = writes.count;
      const entry = await target.modify(user.dn, {
        mail: ['y@example.org', 'x@example.org'],
        title: null,
        sn: ['Tester'],
      });
      expect(writes.count).toBe(before);
      expect(entry.attributes['sn']).toEqual(['Tester']);
    });

    it('renames, moves, and renames + moves in one modDN, keeping the anchor', async () => {
      const { target } = targetFor(dir, pool, { bases: [dir.baseDn] });
      const user = newUser(dir, 'mover');
      const added = await target.add(user);
      const renamed = await target.rename(user.dn, `uid=mover2,${dir.usersDn}`);
      expect(renamed.dn.toLowerCase()).toBe(`uid=mover2,${dir.usersDn}`.toLowerCase());
      expect(renamed.attributes['uid']).toEqual(['mover2']);
      const groupsDn = `ou=groups,${dir.baseDn}`;
      const moved = await target.rename(renamed.dn, `uid=mover2,${groupsDn}`);
      expect(moved.dn.toLowerCase()).toBe(`uid=mover2,${groupsDn}`.toLowerCase());
      const both = await target.rename(moved.dn, `uid=Mover\\, Three,${dir.usersDn}`);
      expect(dnEquals(both.dn, `uid=Mover\\, Three,${dir.usersDn}`)).toBe(true);
      expect(both.attributes['uid']).toEqual(['Mover, Three']);
      expect(both.anchor).toBe(added.anchor);
      expect(await target.readByDn(user.dn)).toBeUndefined();
      expect(await target.readByDn(`uid=mover2,${groupsDn}`)).toBeUndefined();
    });

    it(`deletes an entry, refuses a non-leaf, and deletes a subtree (${features.subtreeDelete})`, async () => {
      const { target } = targetFor(dir, pool);
      const user = newUser(dir);
      await target.add(user);
      await target.delete(user.dn);
      expect(await target.readByDn(user.dn)).toBeUndefined();
      const missing = await rejection(target.delete(user.dn));
      expect(missing.kind).toBe('noSuchObject');

      const ou = `ou=tree${Date.now().toString(36)},${dir.usersDn}`;
      await pool.use((c) =>
        c.add(ou, { objectClass: ['top', 'organizationalUnit'], ou: [ou.slice(3, ou.indexOf(','))] }),
      );
      const child = newUser(dir, 'child');
      await target.add({ ...child, dn: `uid=child,${ou}` });
      await target.add({ ...newUser(dir, 'child2'), dn: `uid=child2,${ou}` });
      const nonLeaf = await rejection(target.delete(ou));
      expect(nonLeaf.kind).toBe('conflict');
      expect(nonLeaf.code).toBe('notAllowedOnNonLeaf');
      expect(nonLeaf.message).toContain('subtree');
      await target.delete(ou, { subtree: true });
      expect(await target.readByDn(ou)).toBeUndefined();
      expect(await target.readByDn(`uid=child,${ou}`)).toBeUndefined();
    });

    it('sets a password with Password Modify; the user can bind with it', async () => {
      const { target } = targetFor(dir, pool);
      const user = newUser(dir);
      await target.add(user, { password: 'First-pass-1' });
      expect(await canBind(dir, user.dn, 'First-pass-1')).toBe(true);
      await target.setPassword(user.dn, 'Second-pass-2');
      expect(await canBind(dir, user.dn, 'Second-pass-2')).toBe(true);
      expect(await canBind(dir, user.dn, 'First-pass-1')).toBe(false);
    });

    it.runIf(features.kind === 'openldap')(
      'sets an {SSHA}-hashed userPassword where configured',
      async () => {
        const { target } = targetFor(dir, pool, {
          passwordPolicy: { method: 'attribute', attribute: 'userPassword', scheme: '{SSHA}' },
        });
        const user = newUser(dir);
        await target.add(user, { password: 'Hashed-pass-3' });
        const stored = await pool.use((c) => c.read(user.dn, ['userPassword']));
        expect(Buffer.from(stored?.attributes['userPassword']?.[0] ?? '').toString()).toMatch(/^\{SSHA\}/);
        expect(await canBind(dir, user.dn, 'Hashed-pass-3')).toBe(true);
      },
    );

    it('removes the half-created entry when the password step fails, saying so', async () => {
      const { target } = targetFor(dir, pool, {
        passwordPolicy: { method: 'attribute', attribute: 'noSuchPasswordAttr' },
      });
      const user = newUser(dir);
      const error = await rejection(target.add(user, { password: 'Never-Shown-9' }));
      expect(error.message).toContain('was removed again');
      expect(error.message).not.toContain('Never-Shown-9');
      expect(await target.readByDn(user.dn)).toBeUndefined();
    });

    for (const { name, profile } of features.lockProfiles) {
      it(`disables and enables per the ${name} lock profile, reporting the state on read`, async () => {
        const { target } = targetFor(dir, pool, { lockProfile: profile });
        const user = newUser(dir);
        const added = await target.add(user, { password: 'Lock-pass-4' });
        expect(added.disabled).toBe(false);
        const disabled = await target.setDisabled(user.dn, true);
        expect(disabled.disabled).toBe(true);
        expect((await target.readByDn(user.dn))?.disabled).toBe(true);
        expect(await canBind(dir, user.dn, 'Lock-pass-4')).toBe(false);
        const enabled = await target.setDisabled(user.dn, false);
        expect(enabled.disabled).toBe(false);
        expect(await canBind(dir, user.dn, 'Lock-pass-4')).toBe(true);
      });
    }

    it.runIf(features.accessControl)(
      'reports insufficient access for a bind DN without write rights',
      async () => {
        const { target: admin } = targetFor(dir, pool);
        const user = newUser(dir);
        await admin.add(user, { password: 'Weak-rights-5' });
        const userPool = createConnectionPool({
          url: dir.ldapUrl,
          bind: { method: 'simple', dn: user.dn, password: 'Weak-rights-5' },
          size: 1,
          healthCheckIntervalMs: 0,
        });
        try {
          const target = createLdapTarget({ pool: userPool, bases: [dir.usersDn], anchor: 'dn' });
          const error = await rejection(target.add(newUser(dir)));
          expect(error.kind).toBe('access');
          expect(error.code).toBe('insufficientAccessRights');
          expect(error.message).toContain('lacks the rights');
        } finally {
          await userPool.close();
        }
      },
    );

    it('searches with the value escaped (RFC 4515), matching only the exact value', async () => {
      const { target } = targetFor(dir, pool);
      await target.add(newUser(dir, 'star', { description: ['a*(b)\\c'] }));
      await target.add(newUser(dir, 'star2', { description: ['a-other'] }));
      const found = await target.search('description', 'a*(b)\\c');
      expect(found.map((e) => e.attributes['uid']?.[0])).toEqual(['star']);
      expect(await target.search('description', 'a*')).toEqual([]);
    });

    features.more?.(() => ({ dir, pool }));
  });
}

export { lockProfiles };
