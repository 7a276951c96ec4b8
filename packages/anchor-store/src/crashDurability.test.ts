import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { DURABILITY_INDEXES, durabilityEntry } from '../test/fixtures/durabilityEntry.ts';
import { createSqliteStore, hashEntry } from './index.ts';
import { _sqliteDriver } from './sqlite/driver.ts';

// The driver this Node runs (better-sqlite3 12, or 13 on Node 24 and later).
const { Database } = _sqliteDriver();

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'anchor-store-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BATCH = 1000;

/**
 * Starts the loader child, waits until it has produced `signalAfter` entries, lets it load on for
 * `delayMs` (so the kill lands at an arbitrary point, usually inside a transaction), then SIGKILLs it.
 */
async function loadAndKill(
  path: string,
  signalAfter: number,
  delayMs: number,
): Promise<NodeJS.Signals | null> {
  const child = spawn(
    process.execPath,
    [
      '--conditions=@scim2ldap/source',
      '--import',
      'tsx',
      'test/fixtures/bulkLoadUntilKilled.ts',
      path,
      String(BATCH),
      String(signalAfter),
    ],
    { cwd: packageRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, signal) => resolve(signal)),
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('loading')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`loader exited early (code ${code}): ${stderr}`)));
  });
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  child.kill('SIGKILL');
  return exited;
}

// Three kills at different moments; each must leave whole batches only.
it.each([120, 310, 570])(
  'keeps every committed batch and no half batch when the loader is killed (+%i ms)',
  async (delayMs) => {
    const path = join(dir, `killed-${delayMs}.sqlite`);
    expect(await loadAndKill(path, 5_500, delayMs)).toBe('SIGKILL');

    const db = new Database(path);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();

    const store = createSqliteStore({ path, indexes: DURABILITY_INDEXES });
    try {
      const count = await store.count();
      // Entries 0..5,499 had been produced before the wait, so at least 5 batches were committed.
      expect(count).toBeGreaterThanOrEqual(5 * BATCH);
      expect(count % BATCH).toBe(0);
      let n = 0;
      for await (const entry of store.iterate({ batchSize: 2000 })) {
        const expected = durabilityEntry(n++);
        expect(entry.anchor).toBe(expected.anchor);
        expect(entry.hash).toBe(hashEntry(expected));
      }
      expect(n).toBe(count);
      // The attribute index holds exactly the committed entries.
      expect(await store.findByAttribute('mail', `u${count - 1}@example.org`)).toHaveLength(1);
      expect(await store.findByAttribute('mail', `u${count}@example.org`)).toEqual([]);
      const indexRows = new Database(path, { readonly: true });
      const rows = indexRows.prepare('SELECT count(*) AS n FROM attribute_index').get() as { n: number };
      indexRows.close();
      expect(rows.n).toBe(count * 2);

      const runs = await store.listRuns();
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({ profile: 'full-import', status: 'unfinished' });
      expect(runs[0]?.finishedAt).toBeUndefined();
    } finally {
      await store.close();
    }
  },
);
