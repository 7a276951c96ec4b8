import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Whether `pid` is a live process (a zombie, left when nobody reaps it, counts as gone).
 * @param pid the process id
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/**
 * Whether `pid` is still the server started in `workdir` (its command line mentions the workdir), so a
 * recycled PID is never signalled.
 * @param pid the process id
 * @param workdir the server's workdir
 */
export function isOurServer(pid: number, workdir: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(workdir);
  } catch {
    return false;
  }
}

/**
 * Sends SIGTERM (a clean shutdown for all three servers), waits up to `graceMs` for the exit, then
 * SIGKILL. Resolves once the process is gone.
 * @param pid the server process
 * @param workdir its workdir (identity check)
 * @param graceMs how long a clean shutdown may take
 */
export async function stopProcess(pid: number, workdir: string, graceMs = 30_000): Promise<void> {
  if (!isAlive(pid) || !isOurServer(pid, workdir)) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(25);
  if (isAlive(pid)) {
    process.kill(pid, 'SIGKILL');
    while (isAlive(pid)) await sleep(25);
  }
}
