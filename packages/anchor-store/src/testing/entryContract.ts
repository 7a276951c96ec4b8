import { expect, it } from 'vitest';
import type { EntryInput, StoredEntry } from '../AnchorStore.ts';
import { AnchorStoreError } from '../AnchorStoreError.ts';
import { _person } from './fixtures.ts';
import type { ContractContext } from './testAnchorStore.ts';

/** Contract tests for writing, reading, hashing, bulk loading and iterating entries. @internal */
export function entryContract({ open }: ContractContext): void {
  it('starts empty', async () => {
    const store = await open();
    expect(await store.count()).toBe(0);
    expect(await store.get(_person(1).anchor)).toBeUndefined();
    expect(await store.getByDn(_person(1).dn)).toBeUndefined();
    const seen: StoredEntry[] = [];
    for await (const entry of store.iterate()) seen.push(entry);
    expect(seen).toEqual([]);
    expect(await store.listRuns()).toEqual([]);
  });

  it('adds an entry and returns what was written, with a hash', async () => {
    const store = await open();
    const entry = _person(1);
    expect(await store.upsert(entry)).toBe('added');
    const stored = await store.get(entry.anchor);
    expect(stored).toMatchObject({ ...entry, hash: expect.stringMatching(/^[\w-]{16,}$/) });
    expect(stored?.lastSeenRun).toBeUndefined();
    expect(await store.count()).toBe(1);
  });

  it('tells added, unchanged and updated apart by content', async () => {
    const store = await open();
    const entry = _person(1);
    await store.upsert(entry);
    const before = await store.get(entry.anchor);
    expect(await store.upsert(_person(1))).toBe('unchanged');
    const reordered: EntryInput = {
      ...entry,
      objectClasses: ['INETORGPERSON', 'organizationalPerson', 'person', 'top'],
      attributes: {
        MAIL: ['User1@Example.org'],
        employeeNumber: ['E1'],
        sn: ['Number1'],
        cn: ['User 1'],
        uid: ['user1'],
        description: [],
      },
    };
    expect(await store.upsert(reordered)).toBe('unchanged');
    expect(await store.upsert({ ...entry, attributes: { ...entry.attributes, cn: ['user 1'] } })).toBe(
      'updated',
    );
    const after = await store.get(entry.anchor);
    expect(after?.attributes['cn']).toEqual(['user 1']);
    expect(after?.hash).not.toBe(before?.hash);
    expect(await store.upsert({ ...entry, dn: 'uid=user1,ou=Staff,dc=example,dc=org' })).toBe('updated');
    expect(await store.count()).toBe(1);
  });

  it('keeps its own copies: changing a returned or written object changes nothing stored', async () => {
    const store = await open();
    const entry = { ..._person(1), attributes: { cn: ['A'] }, objectClasses: ['person'] };
    await store.upsert(entry);
    entry.attributes.cn.push('B');
    entry.objectClasses.push('x');
    const read = await store.get(entry.anchor);
    read?.attributes['cn']?.push('C');
    expect((await store.get(entry.anchor))?.attributes).toEqual({ cn: ['A'] });
    expect((await store.get(entry.anchor))?.objectClasses).toEqual(['person']);
  });

  it('drops attributes with no values', async () => {
    const store = await open();
    await store.upsert({ ..._person(1), attributes: { cn: ['A'], description: [] } });
    expect((await store.get(_person(1).anchor))?.attributes).toEqual({ cn: ['A'] });
  });

  it('deletes by anchor and says whether there was an entry', async () => {
    const store = await open();
    await store.upsert(_person(1));
    await store.upsert(_person(2));
    expect(await store.delete(_person(1).anchor)).toBe(true);
    expect(await store.delete(_person(1).anchor)).toBe(false);
    expect(await store.get(_person(1).anchor)).toBeUndefined();
    expect(await store.getByDn(_person(1).dn)).toBeUndefined();
    expect(await store.count()).toBe(1);
  });

  it('rejects invalid entries with an error naming the anchor and the field', async () => {
    const store = await open();
    const bad: [Partial<EntryInput>, RegExp][] = [
      [{ anchor: '' }, /anchor must be a non-empty string/],
      [{ dn: 'uid=x,,dc=org' }, /dc=org.*dn is not a valid DN.*offset 6/s],
      [
        { attributes: { mail: 'a@b' as unknown as string[] } },
        /attribute "mail" must be an array of strings/,
      ],
      [{ attributes: { mail: ['a'], Mail: ['b'] } }, /attribute "Mail" is given twice/],
    ];
    for (const [override, message] of bad) {
      const error = await store.upsert(_person(7, override)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AnchorStoreError);
      expect(error).toMatchObject({ code: 'invalid-entry', message: expect.stringMatching(message) });
    }
    expect(await store.count()).toBe(0);
  });

  it('bulk-loads in batches from a sync or async iterable and counts outcomes', async () => {
    const store = await open();
    await store.upsert(_person(0));
    const changed = { ..._person(1), attributes: { cn: ['changed'] } };
    await store.upsert(changed);
    async function* source(): AsyncGenerator<EntryInput> {
      for (let n = 0; n < 25; n++) yield _person(n);
    }
    const result = await store.bulkUpsert(source(), { batchSize: 10 });
    expect(result).toEqual({ added: 23, updated: 1, unchanged: 1, failed: 0, batches: 3 });
    expect(await store.count()).toBe(25);
    const again = await store.bulkUpsert([_person(3), _person(30)], { batchSize: 1 });
    expect(again).toEqual({ added: 1, updated: 0, unchanged: 1, failed: 0, batches: 2 });
  });

  it('keeps the later of two entries with the same anchor in one load into an empty store', async () => {
    const store = await open({ indexes: [{ attribute: 'mail' }] });
    const changed = { ..._person(1), attributes: { ..._person(1).attributes, mail: ['later@example.org'] } };
    const result = await store.bulkUpsert([_person(1), _person(2), changed], { batchSize: 2 });
    expect(result).toMatchObject({ added: 2, updated: 1, unchanged: 0 });
    expect(await store.count()).toBe(2);
    expect((await store.get(_person(1).anchor))?.attributes['mail']).toEqual(['later@example.org']);
    expect(await store.findByAttribute('mail', 'user1@example.org')).toEqual([]);
    expect(await store.findByAttribute('mail', 'later@example.org')).toHaveLength(1);
    await expect(store.upsert(_person(3))).resolves.toBe('added');
  });

  it('answers lookups correctly while a bulk load is under way', async () => {
    const store = await open({ indexes: [{ attribute: 'mail' }] });
    const seen: unknown[] = [];
    async function* source(): AsyncGenerator<EntryInput> {
      for (let n = 1; n <= 12; n++) yield _person(n);
      // Six batches are handed over, so batch 1 is committed by now (a driver writing asynchronously has at
      // most six outstanding and may still be writing the others); the load is not finished.
      seen.push(
        (await store.get(_person(1).anchor))?.dn,
        (await store.getByDn(_person(2).dn))?.anchor,
        (await store.findByAttribute('mail', 'user1@example.org')).length,
        await store.upsert(_person(20)),
      );
      yield _person(13);
    }
    await store.bulkUpsert(source(), { batchSize: 2 });
    expect(seen).toEqual([_person(1).dn, _person(2).anchor, 1, 'added']);
    expect(await store.count()).toBe(14);
    expect((await store.findByAttribute('mail', 'user20@example.org'))[0]?.anchor).toBe(_person(20).anchor);
  });

  it('runs two bulk loads into an empty store at once without losing or doubling entries', async () => {
    const store = await open({ indexes: [{ attribute: 'mail' }] });
    async function* slow(numbers: number[]): AsyncGenerator<EntryInput> {
      for (const n of numbers) {
        await new Promise((resolve) => setImmediate(resolve));
        yield _person(n);
      }
    }
    const range = (from: number, to: number): number[] =>
      Array.from({ length: to - from }, (_, i) => from + i);
    // The second load starts while the first runs, and meets entries 0..7 again after the first finished.
    const first = store.bulkUpsert(slow(range(0, 8)), { batchSize: 4 });
    async function* second(): AsyncGenerator<EntryInput> {
      yield* slow(range(30, 46));
      await first;
      yield* slow(range(0, 8));
    }
    const [a, b] = await Promise.all([first, store.bulkUpsert(second(), { batchSize: 4 })]);
    expect(a).toMatchObject({ added: 8, failed: 0 });
    expect(b).toMatchObject({ added: 16, unchanged: 8, failed: 0 });
    expect(await store.count()).toBe(24);
    expect(await store.findByAttribute('mail', 'user3@example.org')).toHaveLength(1);
  });

  it('writes no part of a batch holding an invalid entry, and keeps the batches before it', async () => {
    const store = await open();
    const entries = [_person(1), _person(2), _person(3), { ..._person(4), dn: 'not a dn' }, _person(5)];
    const error = await store.bulkUpsert(entries, { batchSize: 2 }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'invalid-entry',
      message: expect.stringMatching(/1 earlier batches.*not a dn/s),
    });
    expect(await store.count()).toBe(2);
    expect(await store.get(_person(3).anchor)).toBeUndefined();
  });

  it('skips and counts invalid entries when onInvalidEntry is given', async () => {
    const store = await open();
    const rejected: string[] = [];
    const result = await store.bulkUpsert([_person(1), { ..._person(2), anchor: '' }, _person(3)], {
      onInvalidEntry: (error, entry) => rejected.push(`${entry.dn}: ${(error as AnchorStoreError).code}`),
    });
    expect(result).toMatchObject({ added: 2, failed: 1 });
    expect(rejected).toEqual([`${_person(2).dn}: invalid-entry`]);
  });

  it('iterates every entry once, a page at a time, with writes between pages', async () => {
    const store = await open();
    await store.bulkUpsert(Array.from({ length: 7 }, (_, n) => _person(n)));
    const anchors: string[] = [];
    for await (const entry of store.iterate({ batchSize: 2 })) {
      anchors.push(entry.anchor);
      await store.upsert({ ...entry, attributes: { ...entry.attributes, description: ['seen'] } });
    }
    expect(anchors.sort()).toEqual(Array.from({ length: 7 }, (_, n) => _person(n).anchor).sort());
    expect((await store.get(_person(6).anchor))?.attributes['description']).toEqual(['seen']);
    await expect(store.iterate({ batchSize: 0 }).next()).rejects.toMatchObject({ code: 'invalid-option' });
  });

  it('refuses every call after close', async () => {
    const store = await open();
    await store.close();
    await expect(store.get('x')).rejects.toMatchObject({ code: 'closed' });
    await expect(store.upsert(_person(1))).rejects.toMatchObject({ code: 'closed' });
    await expect(store.count()).rejects.toMatchObject({ code: 'closed' });
  });
}
