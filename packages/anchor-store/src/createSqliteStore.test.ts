import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteStore, type EntryInput, hashEntry } from './index.ts';
import { testAnchorStore } from './testing/index.ts';
import { _sqliteDriver } from './sqlite/driver.ts';

// The driver this Node runs (better-sqlite3 12, or 13 on Node 24 and later).
const { Database } = _sqliteDriver();

const dir = mkdtempSync(join(tmpdir(), 'anchor-store-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const freshPath = (): string => join(dir, `store-${++n}.sqlite`);

testAnchorStore({
  name: 'sqlite driver',
  create: (options) => createSqliteStore({ ...options, path: freshPath() }),
});

const person = (i: number, mail: string): EntryInput => ({
  anchor: `a${i}`,
  dn: `uid=u${i},dc=example,dc=org`,
  objectClasses: ['inetOrgPerson'],
  attributes: { uid: [`u${i}`], mail: [mail], employeeNumber: [`E${i}`] },
});

describe('sqlite driver on disk', () => {
  it('stops a load into an empty store at a batch its writer thread cannot commit, keeping the earlier ones', async () => {
    const path = freshPath();
    const store = createSqliteStore({ path, indexes: [{ attribute: 'mail' }], busyTimeoutMs: 50 });
    const blocker = new Database(path);
    async function* source(): AsyncGenerator<EntryInput> {
      for (let i = 0; i < 12; i++) {
        // After batches 1 and 2 (4 entries each) are handed over, wait for them, then hold the write lock.
        if (i === 8) {
          while ((await store.count()) < 8) await new Promise((resolve) => setTimeout(resolve, 5));
          blocker.exec('BEGIN IMMEDIATE');
        }
        yield person(i, `user${i}@example.org`);
      }
    }
    const error = await store.bulkUpsert(source(), { batchSize: 4 }).catch((e: unknown) => e);
    blocker.exec('ROLLBACK');
    blocker.close();
    expect(error).toMatchObject({ code: 'storage' });
    expect((error as Error).message).toMatch(
      /^bulkUpsert: batch 3 \(4 entries, from anchor "a8"\) was not written; 2 earlier batches are committed: .*locked/,
    );
    expect(await store.count()).toBe(8);
    // The indexes dropped for the load are back: lookups and a later load work.
    expect((await store.findByAttribute('mail', 'user7@example.org'))[0]?.anchor).toBe('a7');
    expect(await store.bulkUpsert([person(8, 'user8@example.org')])).toMatchObject({ added: 1 });
    await store.close();
  });

  it('keeps entries, runs, watermarks and indexes across close and reopen', async () => {
    const path = freshPath();
    const first = createSqliteStore({ path, indexes: [{ attribute: 'mail' }] });
    const runId = await first.beginRun('full-import');
    await first.bulkUpsert([person(1, 'One@example.org'), person(2, 'two@example.org')], { runId });
    await first.finishRun(runId, { counts: { added: 2 } });
    await first.setWatermark('syncrepl', 'cookie-1');
    await first.close();

    const again = createSqliteStore({ path, indexes: [{ attribute: 'mail' }] });
    expect(await again.count()).toBe(2);
    expect((await again.findByAttribute('mail', 'one@EXAMPLE.org'))[0]?.anchor).toBe('a1');
    expect((await again.getByDn('UID=u2,DC=example,DC=org'))?.lastSeenRun).toBe(runId);
    expect(await again.getWatermark('syncrepl')).toBe('cookie-1');
    expect((await again.listRuns())[0]).toMatchObject({
      id: runId,
      status: 'succeeded',
      counts: { added: 2 },
    });
    expect(await again.beginRun('delta-import')).toBeGreaterThan(runId);
    await again.close();
  });

  it('builds, rebuilds and drops attribute indexes when the configuration changes', async () => {
    const path = freshPath();
    const first = createSqliteStore({ path, indexes: [{ attribute: 'mail' }] });
    await first.bulkUpsert([person(1, 'one@example.org'), person(2, 'two@example.org')]);
    await first.close();

    const exact = createSqliteStore({ path, indexes: [{ attribute: 'employeeNumber', caseExact: true }] });
    expect((await exact.findByAttribute('employeenumber', 'E2'))[0]?.anchor).toBe('a2');
    expect(await exact.findByAttribute('employeeNumber', 'e2')).toEqual([]);
    await expect(exact.findByAttribute('mail', 'one@example.org')).rejects.toMatchObject({
      code: 'not-indexed',
    });
    await exact.close();

    const folded = createSqliteStore({
      path,
      indexes: [{ attribute: 'employeeNumber' }, { attribute: 'mail' }],
    });
    expect((await folded.findByAttribute('employeeNumber', 'e2'))[0]?.anchor).toBe('a2');
    expect((await folded.findByAttribute('mail', 'ONE@example.org'))[0]?.anchor).toBe('a1');
    await folded.close();
    const db = new Database(path, { readonly: true });
    const rows = db.prepare('SELECT attribute, count(*) AS n FROM attribute_index GROUP BY attribute').all();
    db.close();
    expect(rows).toEqual([
      { attribute: 'employeenumber', n: 2 },
      { attribute: 'mail', n: 2 },
    ]);
  });

  it('loads an empty store in multi-row statements: every row, id and index key where it belongs', async () => {
    const store = createSqliteStore({
      path: freshPath(),
      indexes: [{ attribute: 'mail' }, { attribute: 'uid' }],
    });
    const many = (i: number): EntryInput => ({
      ...person(i, `u${i}@example.org`),
      // 1 to 3 mail values, so index keys do not line up with the statement size.
      attributes: {
        uid: [`u${i}`],
        mail: Array.from({ length: (i % 3) + 1 }, (_, k) => `m${k}.${i}@example.org`),
      },
    });
    const total = 1237;
    const result = await store.bulkUpsert(
      Array.from({ length: total }, (_, i) => many(i + 1)),
      { batchSize: 517 },
    );
    expect(result).toMatchObject({ added: total, batches: 3 });
    for (const i of [1, 100, 101, 517, 518, 999, 1237]) {
      expect(
        (await store.findByAttribute('mail', `M${i % 3}.${i}@example.org`)).map((e) => e.anchor),
      ).toEqual([`a${i}`]);
      expect((await store.findByAttribute('uid', `U${i}`))[0]?.attributes.mail).toHaveLength((i % 3) + 1);
    }
    const anchors: string[] = [];
    for await (const entry of store.iterate()) anchors.push(entry.anchor);
    expect(anchors).toEqual(Array.from({ length: total }, (_, i) => `a${i + 1}`));
    await store.close();
  });

  it('stores the hash hashEntry gives, whether the load writer thread or the caller computed it', async () => {
    const path = freshPath();
    const store = createSqliteStore({ path, indexes: [{ attribute: 'mail' }] });
    // Pairs of one attribute list (the thread's "same prefix again" slot), values in order (hashed on the
    // thread), multi-valued out of order and values holding a separator (both hashed by the caller).
    const shaped = (i: number): EntryInput => {
      const base = person(i, `u${i}@example.org`);
      switch (Math.floor(i / 2) % 4) {
        case 0:
          return base;
        case 1:
          // Non-ASCII: the batch travels to the thread as UTF-8, cut into strings by UTF-16 lengths.
          return { ...base, attributes: { ...base.attributes, cn: [`Jürgen ${i} 漢字 😀`] } };
        case 2:
          return { ...base, attributes: { ...base.attributes, mail: [`z${i}@x`, `a${i}@x`] } };
        default:
          return { ...base, attributes: { ...base.attributes, cn: [`C\u001f${i}`, `\u001e`] } };
      }
    };
    const total = 40;
    function* entries(): Generator<EntryInput> {
      for (let i = 0; i < total; i++) yield shaped(i);
    }
    expect(await store.bulkUpsert(entries(), { batchSize: 7 })).toMatchObject({ added: total });
    for (let i = 0; i < total; i++) {
      const stored = await store.get(`a${i}`);
      expect(stored?.hash, `entry ${i}`).toBe(hashEntry(shaped(i)));
      expect(stored?.attributes).toEqual(shaped(i).attributes);
    }
    expect(await store.bulkUpsert(entries(), { batchSize: 7 })).toMatchObject({ unchanged: total });
    await store.close();
  });

  it('reads entries stored in the earlier [objectClasses, attributes] body form', async () => {
    const path = freshPath();
    const store = createSqliteStore({ path, indexes: [{ attribute: 'mail' }] });
    await store.upsert(person(1, 'one@example.org'));
    await store.close();
    const db = new Database(path);
    db.prepare(`UPDATE entries SET body = ? WHERE anchor = 'a1'`).run(
      JSON.stringify([['inetOrgPerson'], { uid: ['u1'], mail: ['one@example.org'], employeeNumber: ['E1'] }]),
    );
    db.close();
    const reopened = createSqliteStore({ path, indexes: [{ attribute: 'mail' }] });
    expect(await reopened.get('a1')).toMatchObject({
      objectClasses: ['inetOrgPerson'],
      attributes: { uid: ['u1'], mail: ['one@example.org'], employeeNumber: ['E1'] },
    });
    // Deleting drops the index keys computed from the earlier form too.
    expect(await reopened.delete('a1')).toBe(true);
    expect(await reopened.findByAttribute('mail', 'one@example.org')).toEqual([]);
    await reopened.close();
  });

  it('rebuilds indexes dropped by an interrupted first load, keeping the later row of a doubled anchor', async () => {
    const path = freshPath();
    const store = createSqliteStore({ path, indexes: [{ attribute: 'mail' }] });
    await store.bulkUpsert([person(1, 'one@example.org'), person(2, 'two@example.org')]);
    await store.close();
    // What a load killed midway leaves: no indexes, and possibly an anchor written twice.
    const db = new Database(path);
    db.exec('DROP INDEX entries_by_anchor; DROP INDEX entries_by_dn; DROP INDEX attribute_index_by_value');
    const id = db
      .prepare(
        `INSERT INTO entries (anchor, dn, dn_norm, hash, body) SELECT anchor, dn, dn_norm, 'x', body FROM entries WHERE anchor = 'a1'`,
      )
      .run().lastInsertRowid;
    db.prepare(`INSERT INTO attribute_index VALUES ('mail', 'one@example.org', ?)`).run(id);
    db.close();

    const reopened = createSqliteStore({ path, indexes: [{ attribute: 'mail' }] });
    expect(await reopened.count()).toBe(2);
    expect((await reopened.get('a1'))?.hash).toBe('x');
    expect(await reopened.findByAttribute('mail', 'one@example.org')).toHaveLength(1);
    await reopened.close();
    const check = new Database(path, { readonly: true });
    const names = check
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name`)
      .pluck()
      .all();
    check.close();
    expect(names).toEqual(
      expect.arrayContaining(['attribute_index_by_value', 'entries_by_anchor', 'entries_by_dn']),
    );
  });

  it('refuses a store written by a newer schema version, naming the file', async () => {
    const path = freshPath();
    await createSqliteStore({ path }).close();
    const db = new Database(path);
    db.pragma('user_version = 99');
    db.close();
    expect(() => createSqliteStore({ path })).toThrow(
      expect.objectContaining({ code: 'schema-too-new', message: expect.stringContaining(path) }),
    );
  });

  it('says which file it cannot open and why', () => {
    const missing = join(dir, 'no-such-folder', 'store.sqlite');
    expect(() => createSqliteStore({ path: missing })).toThrow(
      expect.objectContaining({ code: 'storage', message: expect.stringContaining(missing) }),
    );
    const notADatabase = join(dir, 'notes.txt');
    writeFileSync(
      notADatabase,
      'this is not a database, just some text that is long enough to matter'.repeat(20),
    );
    expect(() => createSqliteStore({ path: notADatabase })).toThrow(
      expect.objectContaining({
        code: 'storage',
        message: expect.stringMatching(/notes\.txt.*not a database/),
      }),
    );
    expect(() => createSqliteStore({ path: '' })).toThrow(
      expect.objectContaining({ code: 'invalid-option' }),
    );
  });

  it('switches the file to WAL journaling', async () => {
    const path = freshPath();
    await createSqliteStore({ path, synchronous: 'full' }).close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });
});
