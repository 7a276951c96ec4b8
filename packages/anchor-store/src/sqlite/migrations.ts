import type Database from 'better-sqlite3';
import { AnchorStoreError } from '../AnchorStoreError.ts';

/**
 * Schema migrations in order; migration `i` takes the schema from version `i` to `i + 1`, and the version is
 * kept in SQLite's `user_version`. Append new migrations; never edit a released one.
 * @internal
 */
export const MIGRATIONS: readonly ((db: Database.Database) => void)[] = [
  (db) => {
    db.exec(`
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
      -- body = JSON [objectClasses, attributes]; dn_norm = normalizeDn(dn), not unique: a stale entry may
      -- hold a DN until the next import sweeps it. The anchor is unique through entries_by_anchor.
      CREATE TABLE entries (
        id INTEGER PRIMARY KEY,
        anchor TEXT NOT NULL,
        dn TEXT NOT NULL,
        dn_norm TEXT NOT NULL,
        hash TEXT NOT NULL,
        last_seen_run INTEGER,
        body TEXT NOT NULL
      );
      -- A rowid table, so a bulk load into an empty store appends rows in order; its lookup index
      -- (attribute_index_by_value) and entries_by_dn are the secondary indexes ensureSecondaryIndexes creates.
      CREATE TABLE attribute_index (attribute TEXT NOT NULL, value TEXT NOT NULL, entry_id INTEGER NOT NULL);
      -- AUTOINCREMENT: run ids never repeat, even after the newest run is deleted; sweeps rely on order.
      CREATE TABLE runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        profile TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        finished_at INTEGER,
        status TEXT NOT NULL,
        added INTEGER NOT NULL DEFAULT 0,
        updated INTEGER NOT NULL DEFAULT 0,
        deleted INTEGER NOT NULL DEFAULT 0,
        failed INTEGER NOT NULL DEFAULT 0,
        error TEXT
      );
      CREATE TABLE watermarks (method TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
    `);
  },
];

/**
 * Brings a database to the newest schema, each migration in its own transaction; refuses a database written
 * by a newer version of this package.
 * @internal
 */
export function _migrate(db: Database.Database, path: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    throw new AnchorStoreError(
      'schema-too-new',
      `The anchor store at ${path} has schema version ${version}; this version of @scim2ldap/anchor-store reads ` +
        `up to ${MIGRATIONS.length}. Upgrade the package, or point it at another file.`,
    );
  }
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      MIGRATIONS[v]!(db);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
}

/**
 * The indexes `bulkUpsert` drops while it loads an empty store and builds again, sorted, when it ends —
 * random inserts into them are what makes a large load slow and write-heavy. Created at every open too, so
 * a load killed midway leaves a store that is whole again on the next open.
 * @internal
 */
export const LOAD_INDEXES: Readonly<Record<string, string>> = {
  entries_by_anchor: 'UNIQUE INDEX IF NOT EXISTS entries_by_anchor ON entries (anchor)',
  entries_by_dn: 'INDEX IF NOT EXISTS entries_by_dn ON entries (dn_norm)',
  attribute_index_by_value:
    'INDEX IF NOT EXISTS attribute_index_by_value ON attribute_index (attribute, value, entry_id)',
};

/**
 * Settings of the load writer's connection for building `LOAD_INDEXES` (it closes right after): one helper
 * thread for SQLite's sorter, and 16 MiB of page cache, which also bounds the sorter's in-memory runs — so
 * the sort is split into runs the two threads sort at once, on the core the load no longer uses.
 * @internal
 */
export const LOAD_INDEX_SETTINGS = 'PRAGMA threads = 2; PRAGMA cache_size = -16384';

/**
 * Creates any missing load index. When the anchor is not unique (a load without its index stored an anchor
 * twice), keeps the row written last for each anchor and returns how many rows it removed.
 * @internal
 */
export function _ensureLoadIndexes(db: Database.Database): number {
  let removed = 0;
  for (const definition of Object.values(LOAD_INDEXES)) {
    try {
      db.exec(`CREATE ${definition}`);
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw error;
      removed = dropDuplicateAnchors(db);
      db.exec(`CREATE ${definition}`);
    }
  }
  return removed;
}

/** Drops the load indexes before a bulk load into an empty store. @internal */
export function _dropLoadIndexes(db: Database.Database): void {
  for (const name of Object.keys(LOAD_INDEXES)) db.exec(`DROP INDEX IF EXISTS ${name}`);
}

function dropDuplicateAnchors(db: Database.Database): number {
  return db
    .transaction(() => {
      db.exec(`
        CREATE TEMP TABLE IF NOT EXISTS stale_rows (id INTEGER PRIMARY KEY);
        DELETE FROM temp.stale_rows;
        INSERT INTO temp.stale_rows
          SELECT id FROM entries WHERE id NOT IN (SELECT max(id) FROM entries GROUP BY anchor);
        DELETE FROM attribute_index WHERE entry_id IN (SELECT id FROM temp.stale_rows);
        DELETE FROM entries WHERE id IN (SELECT id FROM temp.stale_rows);
      `);
      return (db.prepare('SELECT count(*) AS n FROM temp.stale_rows').get() as { n: number }).n;
    })
    .immediate();
}
