import { describeProfile } from '@scim2ldap/ldap-schema-detect';
import { connectionOptions } from '../../runtime/connectionOptions.ts';
import { detectConnector } from '../../runtime/detectConnector.ts';
import { paint } from '../CliIo.ts';
import { type Command, ExitCode } from '../Command.ts';
import { connectivityHelp, connectivityOptions, connectorFromArgs } from '../connectorFromArgs.ts';

/** `scim2ldap detect`: the wizard's Global page as a readable report. */
export const detectCommand: Command = {
  name: 'detect',
  summary: "connect to a directory and show what it is (the wizard's Global page)",
  help: `Usage: scim2ldap detect (--config <file> [--connector <name>] | --host <name> [options]) [--json]

Connects and binds like the wizard's Connectivity page, then reports what the Global page shows: server
vendor and version, SASL mechanisms, the server certificate, mandatory features found or missing,
supported controls, partitions, change tracking (accesslog / changelog / USN), and the recommended anchor,
delta method and user object class.

Options:
${connectivityHelp}
      --json                 print the DirectoryProfile as JSON instead
  -h, --help                 show this help

Exit codes: 0 detected, 4 could not connect or bind, 2 usage, 3 invalid config.`,
  options: { ...connectivityOptions, json: { type: 'boolean' } },
  async run(values, _positionals, io) {
    const { connector } = connectorFromArgs(values, io);
    const options = connectionOptions(connector);
    let profile: Awaited<ReturnType<typeof detectConnector>>;
    try {
      profile = await detectConnector(options);
    } catch (error) {
      io.err(`${paint(io).red('error:')} ${options.url}: ${(error as Error).message}\n`);
      return ExitCode.directory;
    }
    io.out(values.json ? `${JSON.stringify(profile, null, 2)}\n` : `${describeProfile(profile)}\n`);
    return ExitCode.ok;
  },
};
