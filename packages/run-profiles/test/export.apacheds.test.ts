import { createMemoryStore } from '@scim2ldap/anchor-store';
import { expect, it } from 'vitest';
import { deltaImport } from '../src/index.ts';
import { exportSuite } from './exportSuite.ts';
import { newUser, targetFor } from './helpers.ts';

// ApacheDS ships with access control off and no account-lock attribute in its default schema, so the access
// and lock-profile cases run on OpenLDAP and 389 DS only. It has no change log: delta import falls back to a
// full import, tested here against the same server.
exportSuite({
  kind: 'apacheds',
  lockProfiles: [],
  accessControl: false,
  subtreeDelete: 'tree-delete control refused, so recursive',
  posix: true,
  namesSyntaxFault: false,
  more: (running) => {
    it('delta import without a change log (method none) runs a full import and says so', async () => {
      const { dir, pool } = running();
      const { target } = targetFor(dir, pool);
      const added = await target.add(newUser(dir, 'delta.none'));
      const store = createMemoryStore();
      const scope = { bases: [dir.usersDn], anchor: 'entryUUID', attributes: ['uid', 'cn'] };
      const first = await deltaImport({ ...scope, pool, store, method: 'none' });
      expect(first.mode).toBe('full');
      expect(first.reason).toContain('no delta method');
      expect((await store.get(added.anchor))?.attributes['uid']).toEqual(['delta.none']);
      await target.delete(added.dn);
      const second = await deltaImport({ ...scope, pool, store, method: 'none' });
      expect(second.mode).toBe('full');
      expect(second.deleted).toBe(1);
      expect(await store.get(added.anchor)).toBeUndefined();
    });
  },
});
