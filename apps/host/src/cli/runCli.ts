import { parseArgs } from 'node:util';
import { ConfigError } from '../config/ConfigError.ts';
import type { CliIo } from './CliIo.ts';
import { paint } from './CliIo.ts';
import { type Command, ExitCode, UsageError } from './Command.ts';
import { commands } from './commands.ts';

function overview(io: CliIo): string {
  const p = paint(io);
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `${p.bold('scim2ldap')} — the SCIM host Entra ID (or any SCIM client) provisions LDAP directories through`,
    '',
    'Usage: scim2ldap <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run scim2ldap <command> --help for its options. NO_COLOR=1 turns colours off.',
    '',
  ].join('\n');
}

function findCommand(argv: readonly string[]): { command: Command; rest: string[] } | undefined {
  // Longest match first, so `config check` wins over a hypothetical `config`.
  const sorted = [...commands].sort((a, b) => b.name.split(' ').length - a.name.split(' ').length);
  for (const command of sorted) {
    const words = command.name.split(' ');
    if (words.every((w, i) => argv[i] === w)) return { command, rest: argv.slice(words.length) };
  }
  return undefined;
}

/**
 * Runs the `scim2ldap` command line and returns the exit code (0 ok, 1 failure, 2 usage, 3 config,
 * 4 directory, 5 needs attention).
 * @param argv arguments after the program name
 * @param io terminal and environment
 * @example
 * process.exitCode = await runCli(process.argv.slice(2), processIo());
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const p = paint(io);
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.out(overview(io));
    return argv.length === 0 ? ExitCode.usage : ExitCode.ok;
  }
  if (argv[0] === '--version') {
    io.out('scim2ldap 0.1.0\n');
    return ExitCode.ok;
  }
  const found = findCommand(argv);
  if (!found) {
    io.err(`${p.red('error:')} unknown command "${argv.join(' ')}"\n\n${overview(io)}`);
    return ExitCode.usage;
  }
  const { command, rest } = found;
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.help.trimEnd()}\n`);
    return ExitCode.ok;
  }
  let values: Record<string, unknown>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: rest,
      options: command.options,
      allowPositionals: command.positionals ?? false,
      strict: true,
    }));
  } catch (error) {
    io.err(`${p.red('error:')} ${(error as Error).message}\n\n${command.help.trimEnd()}\n`);
    return ExitCode.usage;
  }
  try {
    return await command.run(values as never, positionals, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${p.red('error:')} ${error.message}\n\n${command.help.trimEnd()}\n`);
      return ExitCode.usage;
    }
    if (error instanceof ConfigError) {
      io.err(`${p.red('error:')} ${error.message}\n`);
      return ExitCode.config;
    }
    io.err(`${p.red('error:')} ${(error as Error).message ?? String(error)}\n`);
    return ExitCode.failure;
  }
}
