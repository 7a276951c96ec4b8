// CPU time (user + system) of a process and its descendants, from /proc (Linux), so a benchmark can report
// what each request cost the host and the directory server, not only wall-clock rates on a shared machine.
import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function ownTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
  } catch {
    return 0;
  }
}

function children(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/**
 * CPU seconds used so far by `pid` and every process below it (the host launcher and the host it spawns).
 * @param pid the root process
 */
export function processTreeCpuSeconds(pid: number): number {
  let ticks = 0;
  const pending = [pid];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    ticks += ownTicks(next);
    pending.push(...children(next));
  }
  return ticks / TICKS_PER_SECOND;
}

/** CPU seconds used by this benchmark process itself (the HTTP client). */
export function ownCpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}
