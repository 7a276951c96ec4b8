import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AnchorStore, createSqliteStore, type EntryInput } from '@scim2ldap/anchor-store';
import { afterEach, describe, expect, it } from 'vitest';
import { createCacheWriter } from './createCacheWriter.ts';

const entry = (n: number, mail = `u${n}@example.org`): EntryInput => ({
  anchor: `anchor-${n}`,
  dn: `uid=u${n},ou=people,dc=example,dc=org`,
  objectClasses: ['inetOrgPerson'],
  attributes: { uid: [`u${n}`], mail: [mail] },
});

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A real SQLite store, counting the transactions the writer asks for. */
function countingStore(): { store: AnchorStore; calls: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'cache-writer-'));
  dirs.push(dir);
  const real = createSqliteStore({ path: join(dir, 'c.sqlite'), indexes: [{ attribute: 'mail' }] });
  const calls: string[] = [];
  const store: AnchorStore = {
    ...real,
    upsert: (e, o) => {
      calls.push('upsert');
      return real.upsert(e, o);
    },
    bulkUpsert: (es, o) => {
      calls.push(`bulkUpsert:${(es as EntryInput[]).length}`);
      return real.bulkUpsert(es, o);
    },
    delete: (a) => {
      calls.push('delete');
      return real.delete(a);
    },
  };
  return { store, calls };
}

describe('createCacheWriter', () => {
  it('commits the writes of one event-loop turn in one transaction, each caller waiting for its own', async () => {
    const { store, calls } = countingStore();
    await store.upsert(entry(0)); // not empty: the normal (indexed) write path
    calls.length = 0;
    const cache = createCacheWriter(store);
    await Promise.all([1, 2, 3, 4].map((n) => cache.upsert(entry(n))));
    expect(calls).toEqual(['bulkUpsert:4']);
    expect((await store.findByAttribute('mail', 'u3@example.org')).map((e) => e.anchor)).toEqual([
      'anchor-3',
    ]);
    await cache.upsert(entry(5));
    expect(calls).toEqual(['bulkUpsert:4', 'upsert']);
    expect(await store.count()).toBe(6);
  });

  it('keeps the order of upserts and deletes queued together', async () => {
    const { store } = countingStore();
    const cache = createCacheWriter(store);
    await cache.upsert(entry(1));
    await Promise.all([cache.upsert(entry(1, 'changed@example.org')), cache.delete('anchor-1')]);
    expect(await store.get('anchor-1')).toBeUndefined();
    await Promise.all([cache.delete('anchor-2'), cache.upsert(entry(2)), cache.upsert(entry(3))]);
    expect((await store.get('anchor-2'))?.attributes.mail).toEqual(['u2@example.org']);
    expect(await store.count()).toBe(2);
  });

  it('lets writes nobody waits for linger and share one transaction; a waited write takes them along', async () => {
    const { store, calls } = countingStore();
    await store.upsert(entry(0));
    calls.length = 0;
    const cache = createCacheWriter(store, { lingerMs: 30 });
    const first = cache.upsertLater(entry(1));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = cache.upsertLater(entry(2));
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual([]); // still lingering, across event-loop turns
    await Promise.all([first, second]);
    expect(calls).toEqual(['bulkUpsert:2']);
    expect(await store.count()).toBe(3);

    const later = cache.upsertLater(entry(3));
    await cache.upsert(entry(4)); // does not wait for the linger time, and writes entry 3 first
    await later;
    expect(calls).toEqual(['bulkUpsert:2', 'bulkUpsert:2']);
    expect(await store.get('anchor-3')).toBeDefined();
  });

  it('settle() writes lingering entries now and resolves once they are committed', async () => {
    const { store, calls } = countingStore();
    await store.upsert(entry(0));
    calls.length = 0;
    const cache = createCacheWriter(store, { lingerMs: 60_000 });
    void cache.upsertLater(entry(1));
    void cache.upsertLater(entry(2));
    await cache.settle();
    expect(calls).toEqual(['bulkUpsert:2']);
    expect(await store.count()).toBe(3);
    await cache.settle(); // nothing queued: resolves at once
    expect(calls).toEqual(['bulkUpsert:2']);

    // Only writes that could change the read are forced out.
    void cache.upsertLater(entry(3));
    await cache.settle((write) => write.kind === 'upsert' && write.entry.anchor === 'anchor-9');
    expect(calls).toEqual(['bulkUpsert:2']);
    await cache.settle((write) => write.kind === 'upsert' && write.entry.anchor === 'anchor-3');
    expect(calls).toEqual(['bulkUpsert:2', 'upsert']);
  });

  it('writes lingering entries at once when maxBatch are queued', async () => {
    const { store, calls } = countingStore();
    await store.upsert(entry(0));
    calls.length = 0;
    const cache = createCacheWriter(store, { lingerMs: 60_000, maxBatch: 3 });
    await Promise.all([1, 2, 3].map((n) => cache.upsertLater(entry(n))));
    expect(calls).toEqual(['bulkUpsert:3']);
  });

  it('rejects only the caller whose entry is invalid; the others are written', async () => {
    const { store } = countingStore();
    await store.upsert(entry(0));
    const cache = createCacheWriter(store);
    const results = await Promise.allSettled([
      cache.upsert(entry(1)),
      cache.upsert({ ...entry(2), dn: 'not a dn' }),
      cache.upsert(entry(3)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/dn/);
    expect(await store.get('anchor-3')).toBeDefined();
    expect(await store.get('anchor-2')).toBeUndefined();
  });

  it('rejects every caller of a batch the store could not write, and keeps working after', async () => {
    const { store } = countingStore();
    const cache = createCacheWriter(store);
    await store.close();
    const results = await Promise.allSettled([cache.upsert(entry(1)), cache.upsert(entry(2))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    await expect(cache.delete('anchor-1')).rejects.toThrow(/closed/);
  });
});
