import type { AnchorStore, AnchorStoreOptions, StoredEntry } from './AnchorStore.ts';
import { AnchorStoreError } from './AnchorStoreError.ts';
import { _bulkUpsert, _checkBatchSize, DEFAULT_BATCH_SIZE } from './internal/bulkUpsert.ts';
import { _indexValue, _notIndexed, _resolveIndexes } from './internal/indexes.ts';
import { _prepareEntry } from './internal/prepareEntry.ts';
import {
  _checkLimit,
  _checkProfile,
  _checkSweep,
  _closed,
  _errorSummary,
  _finishCounts,
  _runFinished,
  _unknownRun,
} from './internal/runs.ts';
import { normalizeDn } from './normalizeDn.ts';
import {
  _dropLoadIndexes,
  _ensureLoadIndexes,
  LOAD_INDEX_SETTINGS,
  LOAD_INDEXES,
} from './sqlite/migrations.ts';
import { _connectionPragmas, _openDatabase } from './sqlite/openDatabase.ts';
import { _toRunRecord, _toStoredEntry } from './sqlite/rows.ts';
import { _createEntryWriter } from './sqlite/createEntryWriter.ts';
import { _startLoadWriter } from './sqlite/startLoadWriter.ts';
import { _prepareStatements } from './sqlite/statements.ts';

/** Options of `createSqliteStore`. */
export interface SqliteStoreOptions extends AnchorStoreOptions {
  /** The database file (created if missing; its folder must exist). One file per connector. */
  readonly path: string;
  /**
   * `normal` (default): a commit survives a killed process, not necessarily a power loss. `full`: fsync on
   * every commit, for power-loss durability at lower bulk-load speed.
   */
  readonly synchronous?: 'normal' | 'full';
  /** SQLite page cache per handle, in MiB (default 64). */
  readonly cacheSizeMiB?: number;
  /** How long a write waits for another process's write lock, in ms (default 5000). */
  readonly busyTimeoutMs?: number;
}

/**
 * The embedded default anchor store: one SQLite file (better-sqlite3, WAL) holding entries, the DN and
 * attribute indexes, run history and watermarks, migrated to the current schema on open. Opens only the
 * `path` it is given and reads no environment or clock of its own (`now` is injectable).
 * @param options file path, indexed attributes, clock and durability level
 * @returns an open store; `close()` it when done
 * @example
 * const store = createSqliteStore({ path: '/var/lib/scim2ldap/ldap1.sqlite', indexes: [{ attribute: 'mail' }] });
 * const runId = await store.beginRun('full-import');
 * await store.bulkUpsert(entriesFromLdap, { runId });
 * const gone = await store.sweepUnseen(runId, { maxDeletes: 500 });
 * await store.finishRun(runId, { counts: { deleted: gone.length } });
 */
export function createSqliteStore(options: SqliteStoreOptions): AnchorStore {
  if (typeof options?.path !== 'string' || options.path.length === 0) {
    throw new AnchorStoreError('invalid-option', 'createSqliteStore: path must name the database file');
  }
  const indexes = _resolveIndexes(options.indexes);
  const now = options.now ?? (() => new Date());
  const connection = {
    path: options.path,
    synchronous: options.synchronous ?? 'normal',
    cacheSizeMiB: options.cacheSizeMiB ?? 64,
    busyTimeoutMs: options.busyTimeoutMs ?? 5000,
  } as const;
  const db = _openDatabase(connection, indexes);
  const sql = _prepareStatements(db);
  let closed = false;
  let appendLoading = false;
  // A load that failed could not always build its indexes again (another connection held the write lock):
  // the next write retries, and the next open always does. Lookups stay correct meanwhile (by scan).
  let indexesMissing = false;
  const restoreIndexes = (): void => {
    if (!indexesMissing) return;
    _ensureLoadIndexes(db);
    indexesMissing = false;
  };

  // Every call goes through here: closed check, and SQLite failures become AnchorStoreError naming the file.
  const run = <T>(operation: string, fn: () => T): T => {
    if (closed) throw _closed(operation);
    try {
      return fn();
    } catch (cause) {
      if (cause instanceof AnchorStoreError) throw cause;
      throw new AnchorStoreError(
        'storage',
        `${operation} on ${options.path} failed: ${(cause as Error).message}`,
        {
          cause,
        },
      );
    }
  };
  const seenBy = (operation: string, runId: number | undefined): number | null => {
    if (runId === undefined) return sql.latestRun.get()?.id ?? null;
    if (!sql.getRun.get(runId)) throw _unknownRun(operation, runId);
    return runId;
  };
  const { writeBatch, removeRows } = _createEntryWriter(db, sql, indexes);

  return {
    driver: 'sqlite',
    async get(anchor) {
      return run('get', () => {
        const row = sql.byAnchor.get(anchor);
        return row && _toStoredEntry(row);
      });
    },
    async getByDn(dn) {
      const dnNorm = normalizeDn(dn);
      return run('getByDn', () => {
        const row = sql.byDn.get(dnNorm);
        return row && _toStoredEntry(row);
      });
    },
    async findByAttribute(name, value) {
      return run('findByAttribute', () => {
        const attribute = name.toLowerCase();
        const caseExact = indexes.get(attribute);
        if (caseExact === undefined) throw _notIndexed(name, indexes);
        return sql.byValue.all(attribute, _indexValue(value, caseExact)).map(_toStoredEntry);
      });
    },
    async upsert(entry, upsertOptions) {
      return run('upsert', () => {
        restoreIndexes();
        const prepared = _prepareEntry(entry, indexes);
        return writeBatch.immediate([prepared], seenBy('upsert', upsertOptions?.runId))[0]!;
      });
    },
    async delete(anchor) {
      return run('delete', () => {
        restoreIndexes();
        const old = sql.current.get(anchor);
        if (old) removeRows.immediate([old]);
        return old !== undefined;
      });
    },
    async bulkUpsert(entries, bulkOptions) {
      const seen = run('bulkUpsert', () => seenBy('bulkUpsert', bulkOptions?.runId));
      // Loading an empty store (the first full import): drop the anchor, DN and attribute-value indexes, let
      // a writer thread append the rows while this thread prepares the next batch, and build the indexes
      // sorted at the end. Lookups meanwhile stay correct (by scan). One such load at a time: a second load
      // meanwhile takes the normal path (slower, still correct); so does an in-memory database, which a
      // second connection cannot open, and a list shorter than one batch (a group commit of a few new
      // entries is not worth a thread and an index rebuild).
      const small = Array.isArray(entries) && entries.length < (bulkOptions?.batchSize ?? DEFAULT_BATCH_SIZE);
      const appendOnly = run('bulkUpsert', () => {
        restoreIndexes();
        if (small || appendLoading || options.path === ':memory:' || sql.anyEntry.get() !== undefined)
          return false;
        _dropLoadIndexes(db);
        return true;
      });
      if (!appendOnly) {
        return _bulkUpsert(entries, bulkOptions, indexes, (batch) =>
          run('bulkUpsert', () => writeBatch.immediate(batch, seen)),
        );
      }
      appendLoading = true;
      let indexed = false;
      const writer = _startLoadWriter(options.path, _connectionPragmas(connection));
      try {
        const result = await _bulkUpsert(entries, bulkOptions, indexes, writer.batches(seen));
        // The indexes are built on the writer thread, so lookups on this thread's event loop go on meanwhile.
        // An anchor met twice in the load fails the unique index; _ensureLoadIndexes then keeps the later row.
        // With a helper thread and a smaller working memory SQLite's sorter sorts parts of each index on the
        // core the load no longer uses (≈ 3.0 → 2.3–2.6 s for a million entries; docs/benchmarks.md).
        await writer.exec(LOAD_INDEX_SETTINGS);
        for (const definition of Object.values(LOAD_INDEXES)) {
          const built = await writer.exec(`CREATE ${definition}`).then(
            () => true,
            (error: { code?: string }) => {
              if (error.code === 'SQLITE_CONSTRAINT_UNIQUE') return false;
              throw error;
            },
          );
          if (!built) break;
        }
        await writer.close();
        const duplicates = run('bulkUpsert', () => _ensureLoadIndexes(db));
        indexed = true;
        result.added -= duplicates;
        result.updated += duplicates;
        return result;
      } finally {
        appendLoading = false;
        await writer.close();
        if (!indexed && !closed) {
          indexesMissing = true;
          // The load's own error is the one to report; a failure here leaves the indexes to the next write.
          try {
            run('bulkUpsert', restoreIndexes);
          } catch {}
        }
      }
    },
    async beginRun(profile) {
      _checkProfile(profile);
      return run('beginRun', () => Number(sql.beginRun.run(profile, now().getTime()).lastInsertRowid));
    },
    async finishRun(runId, result) {
      const counts = _finishCounts(result);
      const error = _errorSummary(result);
      return run('finishRun', () => {
        const row = sql.getRun.get(runId);
        if (!row) throw _unknownRun('finishRun', runId);
        if (row.status !== 'unfinished') throw _runFinished(runId);
        const status = error === undefined ? 'succeeded' : 'failed';
        const { added, updated, deleted, failed } = counts;
        sql.finishRun.run(now().getTime(), status, added, updated, deleted, failed, error ?? null, runId);
        return _toRunRecord(sql.getRun.get(runId)!);
      });
    },
    async getRun(runId) {
      return run('getRun', () => {
        const row = sql.getRun.get(runId);
        return row && _toRunRecord(row);
      });
    },
    async listRuns(listOptions) {
      const limit = _checkLimit(listOptions?.limit);
      return run('listRuns', () => sql.listRuns.all(Number.isFinite(limit) ? limit : -1).map(_toRunRecord));
    },
    async sweepUnseen(runId, sweepOptions) {
      run('sweepUnseen', restoreIndexes);
      return run('sweepUnseen', () =>
        db
          .transaction((): StoredEntry[] => {
            if (!sql.getRun.get(runId)) throw _unknownRun('sweepUnseen', runId);
            _checkSweep(runId, sql.unseenCount.get(runId)!.n, sweepOptions?.maxDeletes);
            const rows = sql.unseen.all(runId);
            removeRows(rows);
            return rows.map(_toStoredEntry);
          })
          .immediate(),
      );
    },
    async getWatermark(method) {
      return run('getWatermark', () => sql.getWatermark.get(method)?.value);
    },
    async setWatermark(method, value) {
      if (typeof value !== 'string') {
        throw new AnchorStoreError(
          'invalid-option',
          `setWatermark(${JSON.stringify(method)}): value must be a string`,
        );
      }
      run('setWatermark', () => sql.setWatermark.run(method, value));
    },
    async count() {
      return run('count', () => sql.count.get()!.n);
    },
    async *iterate(iterateOptions) {
      const batchSize = _checkBatchSize('iterate', iterateOptions?.batchSize) ?? 500;
      let after = 0;
      for (;;) {
        // Keyset pages: no cursor stays open between pages, so writes may run while a caller iterates.
        const rows = run('iterate', () => sql.page.all(after, batchSize));
        for (const row of rows) yield _toStoredEntry(row);
        if (rows.length < batchSize) return;
        after = rows.at(-1)!.id;
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}
