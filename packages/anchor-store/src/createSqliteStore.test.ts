import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { createSqliteStore } from './index.ts';
import { testAnchorStore } from './testing/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'anchor-store-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

testAnchorStore({
  name: 'sqlite driver',
  create: (options) => createSqliteStore({ ...options, path: join(dir, `store-${++n}.sqlite`) }),
});
