import { loadConfig } from '../../config/loadConfig.ts';
import { startHost } from '../../runtime/startHost.ts';
import { type Command, ExitCode, UsageError } from '../Command.ts';

/** `scim2ldap serve --config <file>`: runs the host until SIGINT/SIGTERM. */
export const serveCommand: Command = {
  name: 'serve',
  summary: 'run the SCIM host (HTTPS on 8585 by default) for every configured connector',
  help: `Usage: scim2ldap serve --config <file>

Starts the host: generates (or reuses) the self-signed HTTPS certificate, connects to each connector's
directory, opens its cache, runs the initial import (full when the cache is empty, else delta), then
serves https://<host>:8585/ecma2host_<connector>/scim plus /healthz, /readyz and /metrics. The
provisioning log (one JSON line per request) goes to stdout or server.log.file. Stops on SIGINT/SIGTERM.

Options:
  -c, --config <file>   the configuration file (default: $SCIM2LDAP_CONFIG)
  -h, --help            show this help

Exit codes: 0 stopped cleanly, 1 failed to start, 3 invalid config.`,
  options: { config: { type: 'string', short: 'c' } },
  async run(values, _positionals, io) {
    const file = (values.config as string | undefined) ?? io.env.SCIM2LDAP_CONFIG;
    if (!file) throw new UsageError('--config <file> is required');
    const config = loadConfig(file, io.env);
    const host = await startHost(config);
    await new Promise<void>((resolve) => {
      const stop = (): void => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await host.close();
    return ExitCode.ok;
  },
};
