import { createWriteStream } from 'node:fs';
import { redact } from './redact.ts';

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
 * Creates the JSON-lines logger; every line goes through {@link redact}, so a password or token cannot reach
 * the log even when a lower layer puts one in an error message.
 * @param options where to write (a file, else stdout), the level, and a clock
 */
export function createLogger(
  options: { file?: string; level?: LogLevel; write?: (line: string) => void; now?: () => Date } = {},
): Logger {
  const secrets: string[] = [];
  const level = order[options.level ?? 'info'];
  const now = options.now ?? (() => new Date());
  const stream =
    options.file === undefined ? process.stdout : createWriteStream(options.file, { flags: 'a' });
  const write = options.write ?? ((line: string) => void stream.write(line));
  const emit = (fields: Record<string, unknown>): void => {
    write(`${JSON.stringify(redact({ time: now().toISOString(), ...fields }, secrets))}\n`);
  };
  return {
    request(fields) {
      emit({ level: 'info', kind: 'request', ...fields });
    },
    event(lvl, msg, fields = {}) {
      if (order[lvl] <= level) emit({ level: lvl, kind: 'event', msg, ...fields });
    },
    addSecrets(more) {
      secrets.push(...more.filter((s) => s.length > 0));
    },
  };
}
