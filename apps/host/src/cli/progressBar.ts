import type { CliIo } from './CliIo.ts';

/** A one-line progress display: a bar when the total is known, a counter otherwise; silent off a TTY. */
export interface ProgressBar {
  update(done: number, ratePerSecond: number, phase?: string): void;
  finish(message: string): void;
}

/**
 * Creates a progress bar on stderr-like output. Off a terminal it prints nothing until `finish`, so logs
 * and pipes stay clean.
 * @param io the terminal
 * @param expected the total, when known (e.g. the cache's size before a full import)
 */
export function createProgressBar(io: CliIo, expected?: number): ProgressBar {
  const width = 30;
  let last = 0;
  return {
    update(done, rate, phase = 'reading') {
      if (!io.isTTY) return;
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      const count = `${done.toLocaleString('en-US')} entries  ${Math.round(rate).toLocaleString('en-US')}/s  ${phase}`;
      if (expected && expected > 0) {
        const ratio = Math.min(1, done / expected);
        const filled = Math.round(ratio * width);
        io.err(
          `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(ratio * 100)).padStart(3)}%  ${count}\u001b[K`,
        );
      } else {
        io.err(`\r${count}\u001b[K`);
      }
    },
    finish(message) {
      if (io.isTTY) io.err('\r\u001b[K');
      io.out(`${message}\n`);
    },
  };
}
