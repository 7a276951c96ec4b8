#!/usr/bin/env node
// scim2ldap CLI launcher: runs the built CLI (dist/cli.js) when present; in the workspace, runs the
// TypeScript source through tsx with the `@scim2ldap/source` condition so workspace packages resolve to
// their src/ without a build.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist', 'cli.js');
const source = join(root, 'src', 'cli', 'main.ts');

if (existsSync(source) && !process.env.SCIM2LDAP_USE_DIST) {
  const tsx = createRequire(join(root, 'package.json')).resolve('tsx');
  const child = spawn(
    process.execPath,
    ['--conditions=@scim2ldap/source', '--import', tsx, source, ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
} else {
  await import(dist);
}
