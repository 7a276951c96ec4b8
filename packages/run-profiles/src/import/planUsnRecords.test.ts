import { createMemoryStore } from '@scim2ldap/anchor-store';
import { describe, expect, it } from 'vitest';
import { applyChanges, type ConnectionPool, planUsnRecords } from '../index.ts';

// Shaped like AD LDS answers (ldp.exe / ldapsearch against an AD LDS instance): objectGUID base64, uSNChanged
// as a decimal string, tombstones renamed under CN=Deleted Objects with isDeleted TRUE and a mangled RDN.
const live = [
  {
    dn: 'CN=Ann Lee,OU=People,O=Contoso',
    attributes: {
      objectClass: ['top', 'person', 'organizationalPerson', 'user'],
      cn: ['Ann Lee'],
      objectGUID: ['kq1Zb3n5Ska0PBi4gS9D0w=='],
      uSNChanged: ['13021'],
      'msDS-UserAccountDisabled': ['FALSE'],
    },
  },
  {
    dn: 'CN=Printer,OU=Devices,O=Contoso',
    attributes: {
      objectClass: ['top', 'device'],
      cn: ['Printer'],
      objectGUID: ['AAAAAAAAAAAAAAAAAAAAAA=='],
      uSNChanged: ['13022'],
    },
  },
];
const tombstones = [
  {
    dn: 'CN=Bob Ray\\0ADEL:3f1e2d4c-5b6a-4978-8a9b-0c1d2e3f4a5b,CN=Deleted Objects,O=Contoso',
    attributes: { objectGUID: ['TB4fPmpbeEmKmwwdLj9KWw=='], isDeleted: ['TRUE'], uSNChanged: ['13023'] },
  },
];

const noPool: ConnectionPool = {
  size: 1,
  url: 'ldap://unused',
  connectionOptions: { url: 'ldap://unused' },
  use: () => Promise.reject(new Error('entry records must not need the directory')),
  rootDse: () => Promise.reject(new Error('unused')),
  checkHealth: () => Promise.reject(new Error('unused')),
  close: () => Promise.resolve(),
};

describe('AD LDS uSNChanged delta on recorded data', () => {
  it('plans entry records for live changes and deletes for tombstones', () => {
    const scope = { bases: ['OU=People,O=Contoso'], anchor: 'objectGUID', objectClass: 'user' };
    const records = planUsnRecords(live, tombstones, scope);
    expect(records.map((r) => [r.kind, r.position])).toEqual([
      ['entry', '13021'],
      ['entry', '13022'],
      ['deleted', '13023'],
    ]);
  });

  it('applies them: in-scope users upserted by objectGUID, tombstones removed, out-of-scope ignored', async () => {
    const store = createMemoryStore();
    await store.upsert({
      anchor: 'TB4fPmpbeEmKmwwdLj9KWw==',
      dn: 'CN=Bob Ray,OU=People,O=Contoso',
      objectClasses: ['user'],
      attributes: { cn: ['Bob Ray'] },
    });
    const scope = { bases: ['OU=People,O=Contoso'], anchor: 'objectGUID', objectClass: 'user' };
    const runId = await store.beginRun('delta-import');
    const counts = await applyChanges(planUsnRecords(live, tombstones, scope), {
      store,
      pool: noPool,
      scope,
      runId,
      drop: ['uSNChanged'],
    });
    expect(counts).toEqual({ added: 1, updated: 0, unchanged: 0, deleted: 1 });
    const ann = await store.get('kq1Zb3n5Ska0PBi4gS9D0w==');
    expect(ann?.dn).toBe('CN=Ann Lee,OU=People,O=Contoso');
    expect(ann?.attributes['msDS-UserAccountDisabled']).toEqual(['FALSE']);
    expect(ann?.attributes['uSNChanged']).toBeUndefined();
    expect(await store.get('AAAAAAAAAAAAAAAAAAAAAA==')).toBeUndefined();
    expect(await store.get('TB4fPmpbeEmKmwwdLj9KWw==')).toBeUndefined();
  });
});
