import type Database from 'better-sqlite3';
import { _parseBody } from '../internal/canonicalEntry.ts';
import { _indexKeys, type ResolvedIndexes } from '../internal/indexes.ts';

/**
 * Makes `attribute_index` match the configured indexes: drops rows of attributes no longer indexed and
 * (re)builds attributes that are new or whose case-exactness changed, in one transaction. The configuration
 * the rows were built with is kept in `meta`.
 * @internal
 */
export function _syncIndexes(db: Database.Database, indexes: ResolvedIndexes): void {
  const row = db.prepare(`SELECT value FROM meta WHERE key = 'indexes'`).get() as
    | { value: string }
    | undefined;
  const built = new Map<string, boolean>(row ? (JSON.parse(row.value) as [string, boolean][]) : []);
  const stale = [...built].filter(([name, exact]) => indexes.get(name) !== exact).map(([name]) => name);
  const missing = new Map([...indexes].filter(([name, exact]) => built.get(name) !== exact));
  if (stale.length === 0 && missing.size === 0) return;
  db.transaction(() => {
    const drop = db.prepare('DELETE FROM attribute_index WHERE attribute = ?');
    for (const name of stale) drop.run(name);
    if (missing.size > 0) {
      const insert = db.prepare('INSERT INTO attribute_index (attribute, value, entry_id) VALUES (?, ?, ?)');
      // Pages, not .iterate(): better-sqlite3 allows no other statement while an iterator is open.
      const page = db.prepare('SELECT id, body FROM entries WHERE id > ? ORDER BY id LIMIT 1000');
      let rows = page.all(0) as { id: number; body: string }[];
      while (rows.length > 0) {
        for (const { id, body } of rows) {
          const [objectClasses, attributes] = _parseBody(body);
          for (const [name, value] of _indexKeys(objectClasses, attributes, missing))
            insert.run(name, value, id);
        }
        rows = page.all(rows.at(-1)!.id) as { id: number; body: string }[];
      }
    }
    db.prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES ('indexes', ?)`).run(
      JSON.stringify([...indexes]),
    );
  }).immediate();
}
