import { closeSync, openSync, writeSync } from 'node:fs';
import { redactedJson } from './redact.ts';

/** Levels, most severe first. */
export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

/** Writes JSON lines: the provisioning log (one line per request) and host events. */
export interface Logger {
  /** One line per SCIM request (always written, whatever the level). */
  request(fields: Record<string, unknown>): void;
  event(level: LogLevel, msg: string, fields?: Record<string, unknown>): void;
  /** Adds literal secrets (tokens, bind passwords) that are scrubbed from every line. */
  addSecrets(secrets: readonly string[]): void;
}

const order: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };

/**
 * Creates the JSON-lines logger; every line goes through the redaction (`redactedJson`), so a password or
 * token cannot reach the log even when a lower layer puts one in an error message. Lines for a file are
 * gathered and appended with one synchronous write per event-loop turn (and at exit): no thread-pool round
 * trip per line.
 * @param options where to write (a file, else stdout), the level, and a clock
 */
export function createLogger(
  options: { file?: string; level?: LogLevel; write?: (line: string) => void; now?: () => Date } = {},
): Logger {
  const secrets: string[] = [];
  const level = order[options.level ?? 'info'];
  const now = options.now ?? (() => new Date());
  const write =
    options.write ??
    (options.file === undefined
      ? (line: string) => void process.stdout.write(line)
      : appendToFile(options.file));
  // Each line is one object literal (one copy of the caller's fields), serialised with the redaction.
  return {
    request(fields) {
      const line = { time: now().toISOString(), level: 'info', kind: 'request', ...fields };
      write(`${redactedJson(line, secrets)}\n`);
    },
    event(lvl, msg, fields = {}) {
      if (order[lvl] > level) return;
      const line = { time: now().toISOString(), level: lvl, kind: 'event', msg, ...fields };
      write(`${redactedJson(line, secrets)}\n`);
    },
    addSecrets(more) {
      secrets.push(...more.filter((s) => s.length > 0));
    },
  };
}

/** Appends lines to a file, batched per event-loop turn; pending lines are written at process exit. */
function appendToFile(file: string): (line: string) => void {
  const fd = openSync(file, 'a');
  let pending: string[] = [];
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    if (pending.length === 0) return;
    const bytes = Buffer.from(pending.join(''));
    pending = [];
    try {
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
    } catch (error) {
      process.stderr.write(`scim2ldap: cannot write the log file ${file}: ${(error as Error).message}\n`);
    }
  };
  process.once('exit', () => {
    flush();
    closeSync(fd);
  });
  return (line) => {
    pending.push(line);
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  };
}
