import { type RunningDirectory, seedUid, startDirectory } from '@scim2ldap/ldap-testkit';
import { type AnchorStore, createMemoryStore } from '@scim2ldap/anchor-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ConnectionPool,
  type DeltaMethod,
  deltaImport,
  fullImport,
  type ImportProgress,
} from '../src/index.ts';
import { b64, ldapCli } from './cli.ts';
import { adminPool, anchorOf } from './helpers.ts';

/** Full import of 10,000 seeded entries, then changes made with the real CLI picked up by delta import. */
export function importSuite(kind: 'openldap' | '389ds', method: DeltaMethod): void {
  describe(`full and delta import on ${kind} (${method})`, () => {
    let dir: RunningDirectory;
    let pool: ConnectionPool;
    let store: AnchorStore;
    const users = 10_000;

    beforeAll(async () => {
      dir = await startDirectory({ kind, seed: { users }, ...(kind === 'openldap' ? { noSync: true } : {}) });
      pool = adminPool(dir, 3);
      store = createMemoryStore({ indexes: [{ attribute: 'uid' }] });
    });
    afterAll(async () => {
      await pool?.close();
      await dir?.stop();
    });

    const scope = (): { bases: string[]; anchor: string; attributes: string[] } => ({
      bases: [dir.usersDn],
      anchor: anchorOf(dir),
      attributes: ['uid', 'cn', 'sn', 'mail', 'description', 'title'],
    });

    it('imports every in-scope entry through paged results, with progress events', async () => {
      const events: ImportProgress[] = [];
      const result = await fullImport({
        ...scope(),
        pool,
        store,
        pageSize: 500,
        deltaMethod: method,
        onProgress: (p) => events.push(p),
      });
      expect(result.entries).toBe(users);
      expect(result.added).toBe(users);
      expect(await store.count()).toBe(users);
      expect(result.watermark).toBeDefined();
      expect(await store.getWatermark(method)).toBe(result.watermark);
      const reading = events.filter((e) => e.phase === 'reading');
      expect(reading.length).toBeGreaterThanOrEqual(users / 500);
      expect(reading.at(-1)?.entries).toBe(users);
      expect(events.at(-1)?.phase).toBe('done');
      const one = (await store.findByAttribute('uid', seedUid(1)))[0];
      expect(one?.dn.toLowerCase()).toBe(`uid=${seedUid(1)},${dir.usersDn}`.toLowerCase());
      expect(one?.anchor).toMatch(/^[0-9a-f-]{20,}$/i);
    });

    it('a second full import changes nothing and sweeps what the directory no longer has', async () => {
      await store.upsert({
        anchor: 'ghost-anchor',
        dn: `uid=ghost,${dir.usersDn}`,
        objectClasses: ['inetOrgPerson'],
        attributes: { uid: ['ghost'] },
      });
      const result = await fullImport({ ...scope(), pool, store, deltaMethod: method });
      expect(result.unchanged).toBe(users);
      expect(result.deleted).toBe(1);
      expect(await store.get('ghost-anchor')).toBeUndefined();
    });

    it('picks up add, modify (whitespace kept), rename, move out of scope and delete made with the CLI', async () => {
      const u2 = seedUid(2);
      const u3 = seedUid(3);
      const u4 = seedUid(4);
      const u5 = seedUid(5);
      const anchorOf3 = (await store.findByAttribute('uid', u3))[0]?.anchor;
      ldapCli(
        dir,
        'ldapadd',
        [
          `dn: uid=cli.new,${dir.usersDn}`,
          'objectClass: inetOrgPerson',
          'uid: cli.new',
          'cn: Cli New',
          'sn: New',
          '',
        ].join('\n'),
      );
      ldapCli(
        dir,
        'ldapmodify',
        [
          `dn: uid=${u2},${dir.usersDn}`,
          'changetype: modify',
          'replace: description',
          b64('description', '  padded value  '),
          '-',
          'replace: title',
          'title: Director',
          '-',
          '',
        ].join('\n'),
      );
      ldapCli(
        dir,
        'ldapmodify',
        [
          `dn: uid=${u3},${dir.usersDn}`,
          'changetype: modrdn',
          'newrdn: uid=renamed.three',
          'deleteoldrdn: 1',
          '',
          `dn: uid=${u4},${dir.usersDn}`,
          'changetype: modrdn',
          'newrdn: uid=' + u4,
          'deleteoldrdn: 1',
          `newsuperior: ou=groups,${dir.baseDn}`,
          '',
        ].join('\n'),
      );
      ldapCli(dir, 'ldapdelete', `uid=${u5},${dir.usersDn}\n`);

      const result = await deltaImport({ ...scope(), pool, store, method });
      expect(result.mode).toBe('delta');
      expect(result.changes).toBeGreaterThanOrEqual(5);
      expect(await store.count()).toBe(users + 1 - 1 - 1);
      expect((await store.findByAttribute('uid', 'cli.new'))[0]?.attributes['cn']).toEqual(['Cli New']);
      const two = (await store.findByAttribute('uid', u2))[0];
      expect(two?.attributes['description']).toEqual(['  padded value  ']);
      expect(two?.attributes['title']).toEqual(['Director']);
      const three = (await store.findByAttribute('uid', 'renamed.three'))[0];
      expect(three?.dn.toLowerCase()).toBe(`uid=renamed.three,${dir.usersDn}`.toLowerCase());
      expect(three?.anchor).toBe(anchorOf3);
      expect(await store.findByAttribute('uid', u3)).toEqual([]);
      expect(await store.findByAttribute('uid', u4)).toEqual([]);
      expect(await store.findByAttribute('uid', u5)).toEqual([]);
      expect(await store.getWatermark(method)).toBe(result.watermark);
    });

    it('a delta import with no new changes leaves the store as it is', async () => {
      const before = await store.count();
      const result = await deltaImport({ ...scope(), pool, store, method });
      expect(result.mode).toBe('delta');
      expect(result.added).toBe(0);
      expect(result.deleted).toBe(0);
      expect(await store.count()).toBe(before);
    });

    it.runIf(method === 'changelog')(
      'detects a trimmed changelog and runs a full import instead',
      async () => {
        const watermark = Number(await store.getWatermark(method));
        ldapCli(
          dir,
          'ldapmodify',
          [
            `dn: uid=${seedUid(6)},${dir.usersDn}`,
            'changetype: modify',
            'replace: title',
            'title: One',
            '-',
            '',
          ].join('\n'),
        );
        ldapCli(
          dir,
          'ldapmodify',
          [
            `dn: uid=${seedUid(6)},${dir.usersDn}`,
            'changetype: modify',
            'replace: title',
            'title: Two',
            '-',
            '',
          ].join('\n'),
        );
        // Trim the log as the server's max-age purge would: the first change after the watermark is gone.
        ldapCli(dir, 'ldapdelete', `changenumber=${watermark + 1},cn=changelog\n`);
        const result = await deltaImport({ ...scope(), pool, store, method });
        expect(result.mode).toBe('full');
        expect(result.reason).toContain('trimmed');
        expect((await store.findByAttribute('uid', seedUid(6)))[0]?.attributes['title']).toEqual(['Two']);
        expect(Number(await store.getWatermark(method))).toBeGreaterThanOrEqual(watermark + 2);
      },
    );
  });
}
