import type { ParseArgsConfig } from 'node:util';
import type { CliIo } from './CliIo.ts';

/** Exit codes every command uses, so scripts can tell failures apart. */
export const ExitCode = {
  ok: 0,
  /** The operation ran and failed (test-connection found no host, an import failed, …). */
  failure: 1,
  /** Wrong command line. */
  usage: 2,
  /** The configuration file is invalid. */
  config: 3,
  /** The directory could not be reached or refused the bind. */
  directory: 4,
  /** Something to look at: e.g. test-connection reached the host but its cache is empty. */
  attention: 5,
} as const;

/** Parsed option values (node:util parseArgs). */
export type OptionValues = Record<string, string | boolean | string[] | boolean[] | undefined>;

/**
 * One CLI command. Each lives in its own file under `src/cli/commands/` and is listed in `commands.ts`, so
 * adding one (`users export`, `provision`) touches nothing else.
 */
export interface Command {
  /** Words typed after `scim2ldap`, for example `config check`. */
  readonly name: string;
  readonly summary: string;
  /** Usage lines and option descriptions shown by `--help`. */
  readonly help: string;
  readonly options: NonNullable<ParseArgsConfig['options']>;
  /** Whether positional arguments are allowed. */
  readonly positionals?: boolean;
  run(values: OptionValues, positionals: readonly string[], io: CliIo): Promise<number>;
}

/** A problem with the command line, shown with the command's usage. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
