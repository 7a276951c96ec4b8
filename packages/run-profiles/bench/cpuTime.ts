// CPU-time helpers shared by the run-profiles benchmarks: on a shared 2-core machine wall time swings with
// other load, CPU time per operation much less.
import { readFileSync } from 'node:fs';

/**
 * CPU time (user + system) a process has used so far, in ms, from /proc (Linux; clock ticks of 10 ms).
 * @param pid the process, e.g. the testkit's slapd
 */
export function processCpuMs(pid: number): number {
  const fields = (readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1] ?? '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** CPU time (user + system, all threads) of this process so far, in ms. */
export function ownCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/**
 * A bash script that runs a command with its arguments ("$@"), discards its output, and prints the CPU time
 * the command used (bash `times`, children line) as the last line of stdout.
 */
export const timedCommand = '"$@" > /dev/null; status=$?; times; exit $status';

/**
 * Parses the CPU time in ms printed by {@link timedCommand}.
 * @param stdout the script's stdout
 */
export function parseTimes(stdout: string): number {
  const line = stdout.trim().split('\n').at(-1) ?? '';
  let ms = 0;
  for (const match of line.matchAll(/(\d+)m([\d.]+)s/g))
    ms += Number(match[1]) * 60_000 + Number(match[2]) * 1000;
  return ms;
}
