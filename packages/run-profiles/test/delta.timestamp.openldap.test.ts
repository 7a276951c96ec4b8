import { setTimeout as sleep } from 'node:timers/promises';
import { type AnchorStore, createMemoryStore } from '@scim2ldap/anchor-store';
import { type RunningDirectory, seedUid, startDirectory } from '@scim2ldap/ldap-testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConnectionPool, deltaImport, fullImport } from '../src/index.ts';
import { ldapCli } from './cli.ts';
import { adminPool } from './helpers.ts';

describe('delta import by modifyTimestamp on OpenLDAP', () => {
  let dir: RunningDirectory;
  let pool: ConnectionPool;
  let store: AnchorStore;
  const scope = (): { bases: string[]; anchor: string; attributes: string[] } => ({
    bases: [dir.usersDn],
    anchor: 'entryUUID',
    attributes: ['uid', 'cn', 'title'],
  });

  beforeAll(async () => {
    dir = await startDirectory({ kind: 'openldap', seed: { users: 50 }, noSync: true, accesslog: false });
    pool = adminPool(dir);
    store = createMemoryStore({ indexes: [{ attribute: 'uid' }] });
  });
  afterAll(async () => {
    await pool?.close();
    await dir?.stop();
  });

  it('takes the watermark from the entries themselves and picks up adds, modifies and renames, not deletes', async () => {
    const full = await fullImport({ ...scope(), pool, store, deltaMethod: 'modifyTimestamp' });
    expect(full.entries).toBe(50);
    expect(full.watermark).toMatch(/^\d{14}Z$/);
    // modifyTimestamp has one-second resolution: make the changes land in a later second.
    await sleep(1100);
    ldapCli(
      dir,
      'ldapmodify',
      [
        `dn: uid=${seedUid(1)},${dir.usersDn}`,
        'changetype: modify',
        'replace: title',
        'title: Boss',
        '-',
        '',
      ].join('\n'),
    );
    ldapCli(
      dir,
      'ldapadd',
      [
        `dn: uid=ts.new,${dir.usersDn}`,
        'objectClass: inetOrgPerson',
        'uid: ts.new',
        'cn: T',
        'sn: N',
        '',
      ].join('\n'),
    );
    ldapCli(
      dir,
      'ldapmodify',
      [
        `dn: uid=${seedUid(2)},${dir.usersDn}`,
        'changetype: modrdn',
        'newrdn: uid=ts.renamed',
        'deleteoldrdn: 1',
        '',
      ].join('\n'),
    );
    ldapCli(dir, 'ldapdelete', `uid=${seedUid(3)},${dir.usersDn}\n`);

    const delta = await deltaImport({ ...scope(), pool, store, method: 'modifyTimestamp' });
    expect(delta.mode).toBe('delta');
    expect((await store.findByAttribute('uid', seedUid(1)))[0]?.attributes['title']).toEqual(['Boss']);
    expect(await store.findByAttribute('uid', 'ts.new')).toHaveLength(1);
    expect((await store.findByAttribute('uid', 'ts.renamed'))[0]?.dn.toLowerCase()).toBe(
      `uid=ts.renamed,${dir.usersDn}`.toLowerCase(),
    );
    // The documented limit of this method: a delete leaves no entry to find; only a full import removes it.
    expect(await store.findByAttribute('uid', seedUid(3))).toHaveLength(1);
    expect((await store.getWatermark('modifyTimestamp')) ?? '').toBe(delta.watermark);
    expect((delta.watermark ?? '') > (full.watermark ?? '')).toBe(true);
    const again = await fullImport({ ...scope(), pool, store, deltaMethod: 'modifyTimestamp' });
    expect(again.deleted).toBe(1);
    expect(await store.findByAttribute('uid', seedUid(3))).toHaveLength(0);
  });
});
