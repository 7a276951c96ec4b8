import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import { AnchorStoreError } from '../AnchorStoreError.ts';

/** The better-sqlite3 module this Node runs: its path (for the load writer thread) and its constructor. */
export interface SqliteDriver {
  readonly path: string;
  readonly Database: typeof BetterSqlite3;
}

const require = createRequire(import.meta.url);
let loaded: SqliteDriver | undefined;

/**
 * Loads the SQLite driver for the running Node, once. better-sqlite3 12 is built on `node::ObjectWrap`, whose
 * Node 24 version asserts in a finalizer and aborts the process (a statement freed by the garbage
 * collector); 13 is built on Node-API and needs Node-API 10, which Node 20 lacks (it crashes there). So Node
 * 20 and 22 load 12 (`better-sqlite3`), Node 24 and later 13 (the optional dependency `better-sqlite3-napi`,
 * installed only where its engines allow).
 * @internal
 */
export function _sqliteDriver(): SqliteDriver {
  if (loaded !== undefined) return loaded;
  const name = _driverModule(process.versions.node);
  let path: string;
  try {
    path = require.resolve(name);
  } catch (cause) {
    throw new AnchorStoreError(
      'storage',
      `The SQLite driver for Node ${process.versions.node} is not installed (${name}, an optional dependency ` +
        'of @scim2ldap/anchor-store on Node 24 and later). Reinstall without --no-optional / --omit=optional.',
      { cause },
    );
  }
  loaded = { path, Database: require(path) as typeof BetterSqlite3 };
  return loaded;
}

/**
 * The driver package for a Node version: `better-sqlite3` (12) before Node 24, `better-sqlite3-napi` (13) from
 * Node 24 on.
 * @param nodeVersion e.g. `20.20.2`
 * @internal
 */
export function _driverModule(nodeVersion: string): 'better-sqlite3' | 'better-sqlite3-napi' {
  return Number(nodeVersion.split('.')[0]) >= 24 ? 'better-sqlite3-napi' : 'better-sqlite3';
}
