import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** Kills a server process we started (by PID) and waits until it is gone; returns its command line. */
export async function killServer(pid: number): Promise<string[]> {
  const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
    .split('\0')
    .filter((a) => a !== '');
  process.kill(pid, 'SIGKILL');
  while (alive(pid)) await sleep(20);
  return argv;
}

/** Starts a server again with the same command line (same workdir and ports); returns the new PID. */
export function startServer(argv: readonly string[]): number {
  const [command, ...args] = argv;
  const child = spawn(command ?? 'slapd', args, { detached: true, stdio: 'ignore' });
  child.unref();
  if (child.pid === undefined) throw new Error('could not restart the server');
  return child.pid;
}

/** Stops a server we restarted (SIGTERM, then SIGKILL), by PID. */
export async function stopServer(pid: number): Promise<void> {
  if (!alive(pid)) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 10_000;
  while (alive(pid) && Date.now() < deadline) await sleep(25);
  if (alive(pid)) process.kill(pid, 'SIGKILL');
  while (alive(pid)) await sleep(25);
}
