import { type AnchorStore, createMemoryStore } from '@scim2ldap/anchor-store';
import { type RunningDirectory, seedUid, startDirectory } from '@scim2ldap/ldap-testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConnectionPool, deltaImport, LdapOperationError } from '../src/index.ts';
import { b64, ldapCli } from './cli.ts';
import { adminPool } from './helpers.ts';

describe('delta import by RFC 4533 content sync on OpenLDAP (syncprov)', () => {
  let dir: RunningDirectory;
  let pool: ConnectionPool;
  let store: AnchorStore;
  const scope = (): { bases: string[]; anchor: string; attributes: string[] } => ({
    bases: [dir.usersDn],
    anchor: 'entryUUID',
    attributes: ['uid', 'cn', 'description'],
  });

  beforeAll(async () => {
    dir = await startDirectory({ kind: 'openldap', seed: { users: 200 }, noSync: true, accesslog: false });
    pool = adminPool(dir);
    store = createMemoryStore({ indexes: [{ attribute: 'uid' }] });
  });
  afterAll(async () => {
    await pool?.close();
    await dir?.stop();
  });

  it('loads everything on the first refresh, then applies adds, modifies, renames and deletes', async () => {
    await store.upsert({
      anchor: 'stale-anchor',
      dn: `uid=stale,${dir.usersDn}`,
      objectClasses: ['inetOrgPerson'],
      attributes: {},
    });
    const first = await deltaImport({ ...scope(), pool, store, method: 'syncrepl' });
    expect(first.mode).toBe('full');
    expect(first.added).toBe(200);
    expect(await store.count()).toBe(200);
    expect(await store.get('stale-anchor')).toBeUndefined();
    expect(first.watermark).toContain(dir.usersDn);

    const renamedAnchor = (await store.findByAttribute('uid', seedUid(2)))[0]?.anchor;
    ldapCli(
      dir,
      'ldapadd',
      [
        `dn: uid=sync.new,${dir.usersDn}`,
        'objectClass: inetOrgPerson',
        'uid: sync.new',
        'cn: S',
        'sn: N',
        '',
      ].join('\n'),
    );
    ldapCli(
      dir,
      'ldapmodify',
      [
        `dn: uid=${seedUid(1)},${dir.usersDn}`,
        'changetype: modify',
        'replace: description',
        b64('description', ' spaced '),
        '-',
        '',
      ].join('\n'),
    );
    ldapCli(
      dir,
      'ldapmodify',
      [
        `dn: uid=${seedUid(2)},${dir.usersDn}`,
        'changetype: modrdn',
        'newrdn: uid=sync.renamed',
        'deleteoldrdn: 1',
        '',
      ].join('\n'),
    );
    ldapCli(dir, 'ldapdelete', `uid=${seedUid(3)},${dir.usersDn}\n`);

    const delta = await deltaImport({ ...scope(), pool, store, method: 'syncrepl' });
    expect(delta.mode).toBe('delta');
    expect(delta.changes).toBeLessThan(10);
    expect(await store.count()).toBe(200);
    expect(await store.findByAttribute('uid', 'sync.new')).toHaveLength(1);
    expect((await store.findByAttribute('uid', seedUid(1)))[0]?.attributes['description']).toEqual([
      ' spaced ',
    ]);
    const renamed = (await store.findByAttribute('uid', 'sync.renamed'))[0];
    expect(renamed?.anchor).toBe(renamedAnchor);
    expect(renamed?.dn.toLowerCase()).toBe(`uid=sync.renamed,${dir.usersDn}`.toLowerCase());
    expect(await store.findByAttribute('uid', seedUid(3))).toHaveLength(0);

    const quiet = await deltaImport({ ...scope(), pool, store, method: 'syncrepl' });
    expect(quiet.mode).toBe('delta');
    expect([quiet.added, quiet.deleted]).toEqual([0, 0]);
    expect(await store.count()).toBe(200);
  });

  it('refuses an anchor other than entryUUID, saying why', async () => {
    const error = await deltaImport({
      ...scope(),
      anchor: 'dn',
      pool,
      store: createMemoryStore(),
      method: 'syncrepl',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LdapOperationError);
    expect((error as LdapOperationError).message).toContain('use anchor entryUUID');
  });
});
