import type Database from 'better-sqlite3';
import type { UpsertOutcome } from '../AnchorStore.ts';
import { _parseBody } from '../internal/canonicalEntry.ts';
import { _indexKeys, type ResolvedIndexes } from '../internal/indexes.ts';
import type { PreparedEntry } from '../internal/prepareEntry.ts';
import { _createRowAppender } from './createRowAppender.ts';
import type { Statements } from './statements.ts';

/** The SQLite driver's write transactions. @internal */
export interface EntryWriter {
  /**
   * Writes a batch in one transaction (call `.immediate`). `appendOnly`: a load into an empty store, whose
   * anchor index is built at the end (duplicates resolved then), so no lookup per entry.
   */
  readonly writeBatch: Database.Transaction<
    (batch: PreparedEntry[], seen: number | null, appendOnly: boolean) => UpsertOutcome[]
  >;
  /** Deletes rows and their index keys in one transaction. */
  readonly removeRows: Database.Transaction<(rows: { id: number; body: string }[]) => void>;
}

/**
 * Builds the write transactions: add, update (index keys replaced), unchanged (only the run stamp moves).
 * @internal
 */
export function _createEntryWriter(
  db: Database.Database,
  sql: Statements,
  indexes: ResolvedIndexes,
): EntryWriter {
  const appendRows = _createRowAppender(db);
  const dropKeys = (id: number, body: string): void => {
    const [objectClasses, attributes] = _parseBody(body);
    for (const [a, v] of _indexKeys(objectClasses, attributes, indexes)) sql.dropKey.run(a, v, id);
  };
  const write = (entry: PreparedEntry, seen: number | null): UpsertOutcome => {
    const old = sql.current.get(entry.anchor);
    if (old?.hash === entry.hash) {
      sql.touch.run(seen, old.id);
      return 'unchanged';
    }
    let id: number;
    if (old) {
      dropKeys(old.id, old.body);
      sql.update.run(entry.dn, entry.dnNorm, entry.hash, seen, entry.body, old.id);
      id = old.id;
    } else {
      id = Number(
        sql.insert.run(entry.anchor, entry.dn, entry.dnNorm, entry.hash, seen, entry.body).lastInsertRowid,
      );
    }
    for (const [a, v] of entry.indexKeys) sql.addKey.run(a, v, id);
    return old ? 'updated' : 'added';
  };
  const writeBatch = db.transaction((batch: PreparedEntry[], seen: number | null, appendOnly: boolean) => {
    if (!appendOnly) return batch.map((entry) => write(entry, seen));
    // Rows get the ids SQLite would give them (max + 1, …), read inside the write transaction, so the
    // entries and their index keys go in with multi-row statements.
    appendRows(batch, sql.maxId.get()?.id ?? 0, seen);
    return new Array<UpsertOutcome>(batch.length).fill('added');
  });
  const removeRows = db.transaction((rows: { id: number; body: string }[]) => {
    for (const row of rows) {
      dropKeys(row.id, row.body);
      sql.remove.run(row.id);
    }
  });
  return { writeBatch, removeRows };
}
