import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { _driverModule, _sqliteDriver } from './driver.ts';

describe('the SQLite driver per Node version', () => {
  it('takes better-sqlite3 12 before Node 24 and the Node-API build (13) from Node 24 on', () => {
    expect(_driverModule('20.20.2')).toBe('better-sqlite3');
    expect(_driverModule('22.23.3')).toBe('better-sqlite3');
    expect(_driverModule('24.0.0')).toBe('better-sqlite3-napi');
    expect(_driverModule('26.1.0')).toBe('better-sqlite3-napi');
  });

  it('loads the one for the running Node, and it opens a database', () => {
    const driver = _sqliteDriver();
    // pnpm resolves the alias to the real package folder: tell 12 from 13 by its package.json.
    const manifest = JSON.parse(readFileSync(join(dirname(driver.path), '..', 'package.json'), 'utf8'));
    expect(manifest.name).toBe('better-sqlite3');
    expect(manifest.version.split('.')[0]).toBe(
      _driverModule(process.versions.node) === 'better-sqlite3' ? '12' : '13',
    );
    const db = new driver.Database(':memory:');
    expect(db.prepare('SELECT 1 + 1 AS two').get()).toEqual({ two: 2 });
    db.close();
  });
});
