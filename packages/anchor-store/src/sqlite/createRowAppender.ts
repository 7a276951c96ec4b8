import type Database from 'better-sqlite3';
import type { PreparedEntry } from '../internal/prepareEntry.ts';

/** Entries per multi-row `INSERT INTO entries` (7 parameters each). @internal */
export const ENTRIES_PER_STATEMENT = 100;
/** Index keys per multi-row `INSERT INTO attribute_index` (3 parameters each). @internal */
export const KEYS_PER_STATEMENT = 300;

/**
 * Builds the append path of a load into an empty store: entries and their index keys are inserted with
 * multi-row statements (one statement per 100 entries and per 300 keys instead of one per row, prepared once
 * per row count), which halves the per-row cost of crossing from JavaScript into SQLite. The caller runs it
 * inside its write transaction and passes the current largest id; rows get the ids after it in order.
 * @internal
 */
export function _createRowAppender(
  db: Database.Database,
): (batch: readonly PreparedEntry[], lastId: number, seen: number | null) => void {
  const entryStatements = new Map<number, Database.Statement<unknown[]>>();
  const keyStatements = new Map<number, Database.Statement<unknown[]>>();
  const statement = (
    cache: Map<number, Database.Statement<unknown[]>>,
    head: string,
    row: string,
    rows: number,
  ): Database.Statement<unknown[]> => {
    let prepared = cache.get(rows);
    if (prepared === undefined) {
      prepared = db.prepare<unknown[]>(`${head} VALUES ${new Array(rows).fill(row).join(',')}`);
      cache.set(rows, prepared);
    }
    return prepared;
  };
  const insertEntries = (params: unknown[]): void => {
    if (params.length === 0) return;
    const head = 'INSERT INTO entries (id, anchor, dn, dn_norm, hash, last_seen_run, body)';
    statement(entryStatements, head, '(?,?,?,?,?,?,?)', params.length / 7).run(params);
  };
  const insertKeys = (params: unknown[]): void => {
    if (params.length === 0) return;
    const head = 'INSERT INTO attribute_index (attribute, value, entry_id)';
    statement(keyStatements, head, '(?,?,?)', params.length / 3).run(params);
  };
  return (batch, lastId, seen) => {
    let id = lastId;
    let entries: unknown[] = [];
    let keys: unknown[] = [];
    for (const entry of batch) {
      id++;
      entries.push(id, entry.anchor, entry.dn, entry.dnNorm, entry.hash, seen, entry.body);
      if (entries.length === ENTRIES_PER_STATEMENT * 7) {
        insertEntries(entries);
        entries = [];
      }
      for (const [attribute, value] of entry.indexKeys) {
        keys.push(attribute, value, id);
        if (keys.length === KEYS_PER_STATEMENT * 3) {
          insertKeys(keys);
          keys = [];
        }
      }
    }
    insertEntries(entries);
    insertKeys(keys);
  };
}
