import type Database from 'better-sqlite3';
import { AnchorStoreError } from '../AnchorStoreError.ts';
import { _sqliteDriver } from './driver.ts';
import type { ResolvedIndexes } from '../internal/indexes.ts';
import { _ensureLoadIndexes, _migrate } from './migrations.ts';
import { _syncIndexes } from './syncIndexes.ts';

/** Page size of a new store file. @internal */
export const PAGE_SIZE = 16_384;

/** Connection settings of `_openDatabase`. @internal */
export interface OpenDatabaseOptions {
  readonly path: string;
  readonly synchronous: 'normal' | 'full';
  readonly cacheSizeMiB: number;
  readonly busyTimeoutMs: number;
}

/**
 * Opens (creating if needed) the store file, switches it to WAL, migrates the schema and syncs the attribute
 * indexes. WAL with `synchronous=NORMAL` commits by appending to the WAL file without an fsync: a committed
 * transaction survives a killed process (the OS holds the written pages), and the database is never
 * corrupted; only a power loss or OS crash can drop the newest commits. `synchronous: 'full'` fsyncs every
 * commit for that case too, at a cost in bulk-load speed.
 * @internal
 */
export function _openDatabase(options: OpenDatabaseOptions, indexes: ResolvedIndexes): Database.Database {
  let db: Database.Database | undefined;
  try {
    db = new (_sqliteDriver().Database)(options.path);
    db.pragma(`busy_timeout = ${options.busyTimeoutMs}`);
    // Only takes effect on a new, empty file (before WAL is switched on). 16 KiB pages: fewer system calls
    // and B-tree levels than 4 KiB when loading (about 1.2x the rate), while a lookup that misses the page
    // cache still copies little (64 KiB pages tripled lookup p99 at a million entries; docs/benchmarks.md).
    db.pragma(`page_size = ${PAGE_SIZE}`);
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal' && options.path !== ':memory:') {
      throw new Error(`journal_mode is ${String(mode)}, not wal`);
    }
    for (const pragma of _connectionPragmas(options)) db.pragma(pragma);
    _migrate(db, options.path);
    _ensureLoadIndexes(db);
    _syncIndexes(db, indexes);
    return db;
  } catch (cause) {
    db?.close();
    if (cause instanceof AnchorStoreError) throw cause;
    throw new AnchorStoreError(
      'storage',
      `Cannot open the anchor store at ${options.path}: ${(cause as Error).message}. Check that the folder ` +
        'exists and is writable, and that the file is an anchor-store SQLite database.',
      { cause },
    );
  }
}

/**
 * The per-connection settings (not stored in the file) every connection to a store gets: the handle's own
 * and the load writer thread's.
 * @internal
 */
export function _connectionPragmas(options: Omit<OpenDatabaseOptions, 'path'>): string[] {
  return [
    `busy_timeout = ${options.busyTimeoutMs}`,
    `synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`,
    `cache_size = ${-Math.round(options.cacheSizeMiB * 1024)}`,
  ];
}
