import type Database from 'better-sqlite3';

/** An `entries` row as read back. @internal */
export interface EntryRow {
  id: number;
  anchor: string;
  dn: string;
  hash: string;
  last_seen_run: number | null;
  body: string;
}

/** A `runs` row. @internal */
export interface RunRow {
  id: number;
  profile: string;
  started_at: number;
  finished_at: number | null;
  status: string;
  added: number;
  updated: number;
  deleted: number;
  failed: number;
  error: string | null;
}

type Statement<P extends unknown[], R> = Database.Statement<P, R>;

const ENTRY = 'e.id, e.anchor, e.dn, e.hash, e.last_seen_run, e.body';

/**
 * Every statement the SQLite driver runs, prepared once per handle.
 * @internal
 */
export function _prepareStatements(db: Database.Database): Statements {
  return {
    current: db.prepare<[string], Pick<EntryRow, 'id' | 'hash' | 'body'>>(
      'SELECT id, hash, body FROM entries WHERE anchor = ?',
    ),
    insert: db.prepare<[string, string, string, string, number | null, string]>(
      'INSERT INTO entries (anchor, dn, dn_norm, hash, last_seen_run, body) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    touch: db.prepare<[number | null, number]>('UPDATE entries SET last_seen_run = ? WHERE id = ?'),
    update: db.prepare<[string, string, string, number | null, string, number]>(
      'UPDATE entries SET dn = ?, dn_norm = ?, hash = ?, last_seen_run = ?, body = ? WHERE id = ?',
    ),
    remove: db.prepare<[number]>('DELETE FROM entries WHERE id = ?'),
    addKey: db.prepare<[string, string, number]>(
      'INSERT INTO attribute_index (attribute, value, entry_id) VALUES (?, ?, ?)',
    ),
    dropKey: db.prepare<[string, string, number]>(
      'DELETE FROM attribute_index WHERE attribute = ? AND value = ? AND entry_id = ?',
    ),
    byAnchor: db.prepare<[string], EntryRow>(`SELECT ${ENTRY} FROM entries e WHERE e.anchor = ?`),
    byDn: db.prepare<[string], EntryRow>(
      `SELECT ${ENTRY} FROM entries e WHERE e.dn_norm = ? ORDER BY e.id DESC LIMIT 1`,
    ),
    byValue: db.prepare<[string, string], EntryRow>(
      `SELECT ${ENTRY} FROM attribute_index i JOIN entries e ON e.id = i.entry_id
       WHERE i.attribute = ? AND i.value = ? ORDER BY e.id`,
    ),
    page: db.prepare<[number, number], EntryRow>(
      `SELECT ${ENTRY} FROM entries e WHERE e.id > ? ORDER BY e.id LIMIT ?`,
    ),
    count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM entries'),
    anyEntry: db.prepare<[], { id: number }>('SELECT id FROM entries LIMIT 1'),
    unseenCount: db.prepare<[number], { n: number }>(
      'SELECT count(*) AS n FROM entries WHERE last_seen_run IS NULL OR last_seen_run < ?',
    ),
    unseen: db.prepare<[number], EntryRow>(
      `SELECT ${ENTRY} FROM entries e WHERE e.last_seen_run IS NULL OR e.last_seen_run < ? ORDER BY e.id`,
    ),
    latestRun: db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM runs'),
    beginRun: db.prepare<[string, number]>(
      `INSERT INTO runs (profile, started_at, status) VALUES (?, ?, 'unfinished')`,
    ),
    getRun: db.prepare<[number], RunRow>('SELECT * FROM runs WHERE id = ?'),
    finishRun: db.prepare<[number, string, number, number, number, number, string | null, number]>(
      `UPDATE runs SET finished_at = ?, status = ?, added = ?, updated = ?, deleted = ?, failed = ?, error = ?
       WHERE id = ?`,
    ),
    listRuns: db.prepare<[number], RunRow>('SELECT * FROM runs ORDER BY id DESC LIMIT ?'),
    getWatermark: db.prepare<[string], { value: string }>('SELECT value FROM watermarks WHERE method = ?'),
    setWatermark: db.prepare<[string, string]>(
      'INSERT OR REPLACE INTO watermarks (method, value) VALUES (?, ?)',
    ),
  };
}

/** The prepared statements of one handle. @internal */
export interface Statements {
  current: Statement<[string], Pick<EntryRow, 'id' | 'hash' | 'body'>>;
  insert: Statement<[string, string, string, string, number | null, string], unknown>;
  touch: Statement<[number | null, number], unknown>;
  update: Statement<[string, string, string, number | null, string, number], unknown>;
  remove: Statement<[number], unknown>;
  addKey: Statement<[string, string, number], unknown>;
  dropKey: Statement<[string, string, number], unknown>;
  byAnchor: Statement<[string], EntryRow>;
  byDn: Statement<[string], EntryRow>;
  byValue: Statement<[string, string], EntryRow>;
  page: Statement<[number, number], EntryRow>;
  count: Statement<[], { n: number }>;
  anyEntry: Statement<[], { id: number }>;
  unseenCount: Statement<[number], { n: number }>;
  unseen: Statement<[number], EntryRow>;
  latestRun: Statement<[], { id: number | null }>;
  beginRun: Statement<[string, number], unknown>;
  getRun: Statement<[number], RunRow>;
  finishRun: Statement<[number, string, number, number, number, number, string | null, number], unknown>;
  listRuns: Statement<[number], RunRow>;
  getWatermark: Statement<[string], { value: string }>;
  setWatermark: Statement<[string, string], unknown>;
}
