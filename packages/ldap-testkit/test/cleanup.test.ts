import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { listening, portOf, processGone } from './smokeSuite.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = fileURLToPath(new URL('./fixtures/startAndWait.ts', import.meta.url));

interface Started {
  readonly pid: number;
  readonly workdir: string;
  readonly ldapUrl: string;
}

function startFixture(mode: 'hang' | 'exit'): { child: ChildProcess; started: Promise<Started> } {
  // node itself (not the tsx wrapper, which would leave its node child alive when killed)
  const child = spawn(
    process.execPath,
    ['--conditions=@scim2ldap/source', '--import', 'tsx', fixture, mode],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const started = new Promise<Started>((resolve, reject) => {
    let out = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) resolve(JSON.parse(line) as Started);
    });
    child.once('exit', (code) => {
      if (!out.includes('\n')) reject(new Error(`fixture exited with ${code} before starting`));
    });
  });
  return { child, started };
}

async function cleanedUp(s: Started, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (processGone(s.pid) && !existsSync(s.workdir) && !(await listening(portOf(s.ldapUrl)))) return true;
    await sleep(100);
  }
  return false;
}

describe('a test process that dies without calling stop() leaves no server behind', () => {
  it('after SIGKILL of the process that started it', async () => {
    const { child, started } = startFixture('hang');
    const s = await started;
    expect(processGone(s.pid)).toBe(false);
    expect(await listening(portOf(s.ldapUrl))).toBe(true);
    child.kill('SIGKILL');
    expect(await cleanedUp(s, 10_000)).toBe(true);
  });

  it('after a plain process.exit()', async () => {
    const { started } = startFixture('exit');
    const s = await started;
    expect(await cleanedUp(s, 10_000)).toBe(true);
  });
});
