import { loadConfig } from '../../config/loadConfig.ts';
import { paint } from '../CliIo.ts';
import { type Command, ExitCode, UsageError } from '../Command.ts';

/** `scim2ldap config check --config <file>`: validates the file without connecting anywhere. */
export const configCheck: Command = {
  name: 'config check',
  summary: 'validate a configuration file (no connection is made)',
  help: `Usage: scim2ldap config check --config <file>

Validates the YAML configuration: every key, the values, and that \${env:NAME} / \${file:PATH} secrets
resolve. Each problem names the key path, the value found (secrets are never shown) and the fix.

Options:
  -c, --config <file>   the configuration file (default: $SCIM2LDAP_CONFIG)
  -h, --help            show this help

Exit codes: 0 valid, 3 invalid, 2 usage.`,
  options: { config: { type: 'string', short: 'c' } },
  async run(values, _positionals, io) {
    const file = (values.config as string | undefined) ?? io.env.SCIM2LDAP_CONFIG;
    if (!file) throw new UsageError('--config <file> is required');
    const config = loadConfig(file, io.env);
    const p = paint(io);
    io.out(`${p.green('ok')} ${file}: ${config.connectors.length} connector(s)\n`);
    for (const c of config.connectors) {
      const tls = config.server.tls.mode === 'off' ? 'http' : 'https';
      io.out(
        `  ${p.bold(c.name)}  ${tls}://<host>:${config.server.port}/ecma2host_${c.name}/scim  →  ldap${c.connectivity.security === 'ldaps' ? 's' : ''}://${c.connectivity.host}${c.connectivity.port ? `:${c.connectivity.port}` : ''} (${c.objectClass})\n`,
      );
    }
    return ExitCode.ok;
  },
};
