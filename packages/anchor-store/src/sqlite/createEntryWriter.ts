import type Database from 'better-sqlite3';
import type { UpsertOutcome } from '../AnchorStore.ts';
import { _parseBody } from '../internal/canonicalEntry.ts';
import { _indexKeys, type ResolvedIndexes } from '../internal/indexes.ts';
import type { PreparedEntry } from '../internal/prepareEntry.ts';
import type { Statements } from './statements.ts';

/** The SQLite driver's write transactions. @internal */
export interface EntryWriter {
  /** Writes a batch in one transaction (call `.immediate`). */
  readonly writeBatch: Database.Transaction<(batch: PreparedEntry[], seen: number | null) => UpsertOutcome[]>;
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
  const writeBatch = db.transaction((batch: PreparedEntry[], seen: number | null) =>
    batch.map((entry) => write(entry, seen)),
  );
  const removeRows = db.transaction((rows: { id: number; body: string }[]) => {
    for (const row of rows) {
      dropKeys(row.id, row.body);
      sql.remove.run(row.id);
    }
  });
  return { writeBatch, removeRows };
}
