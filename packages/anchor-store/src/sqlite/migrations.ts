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
      -- hold a DN until the next import sweeps it.
      CREATE TABLE entries (
        id INTEGER PRIMARY KEY,
        anchor TEXT NOT NULL UNIQUE,
        dn TEXT NOT NULL,
        dn_norm TEXT NOT NULL,
        hash TEXT NOT NULL,
        last_seen_run INTEGER,
        body TEXT NOT NULL
      );
      CREATE INDEX entries_by_dn ON entries (dn_norm);
      CREATE TABLE attribute_index (
        attribute TEXT NOT NULL,
        value TEXT NOT NULL,
        entry_id INTEGER NOT NULL,
        PRIMARY KEY (attribute, value, entry_id)
      ) WITHOUT ROWID;
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
