import { isAlive, isOurServer } from './stopProcess.ts';

const running = new Map<number, string>();
let hooked = false;

/**
 * Remembers a started server so that, if the Node process exits without calling `stop()`, the server is
 * sent SIGTERM. (Each start script also leaves a detached watchdog that stops the server and removes its
 * workdir once this process is gone, which covers SIGKILL and crashes too.)
 * @param pid the server process
 * @param workdir its workdir
 */
export function trackServer(pid: number, workdir: string): void {
  running.set(pid, workdir);
  if (hooked) return;
  hooked = true;
  process.once('exit', () => {
    for (const [p, dir] of running) {
      if (isAlive(p) && isOurServer(p, dir)) process.kill(p, 'SIGTERM');
    }
  });
}

/**
 * Forgets a server that was stopped normally.
 * @param pid the server process
 */
export function untrackServer(pid: number): void {
  running.delete(pid);
}
