import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../config/loadConfig.ts';
import { paint } from '../CliIo.ts';
import { type Command, ExitCode, UsageError } from '../Command.ts';
import { requestHost } from '../requestHost.ts';

/**
 * `scim2ldap test-connection`: what Microsoft's TestECMA2HostConnection.ps1 does — calls a running host with
 * the connector's token, sends Entra's test-connection probe, then reads `/cache` and says whether the host
 * has imported any entries.
 */
export const testConnection: Command = {
  name: 'test-connection',
  summary: "call a running host like Entra's Test Connection and report whether its cache holds entries",
  help: `Usage: scim2ldap test-connection --connector <name> [--config <file>] [options]

Does what TestECMA2HostConnection.ps1 does: sends Entra's test-connection probe
(GET /Users?filter=… eq "<random GUID>", expecting 200 and an empty list), then GETs /cache
(-ObjectTypePath cache) and prints whether the cache holds entries (the docs' "$cout.length -gt 9").

Options:
  -n, --connector <name>   connector name (case-sensitive); default: the only one in --config
  -c, --config <file>      read port, TLS mode and the token from this configuration
      --token-env <NAME>   read the secret token from this environment variable (default SCIM2LDAP_TOKEN);
                           otherwise it is asked for on the terminal (as the script does)
      --host <name>        host to call (default localhost)
  -p, --port <n>           port (default 8585, or server.port from --config)
      --path <path>        object type path to read (default cache)
      --ca <file>          CA certificate to trust (default: the host's generated certificate from --config)
      --insecure           do not verify the host certificate
      --http               plain HTTP (a host started with server.tls.mode: off)
  -h, --help               show this help

Exit codes: 0 connected and the cache holds entries, 5 connected but the cache is empty (expected for a new
directory), 1 the host did not answer or refused the token, 2 usage, 3 invalid config.`,
  options: {
    connector: { type: 'string', short: 'n' },
    config: { type: 'string', short: 'c' },
    'token-env': { type: 'string' },
    host: { type: 'string' },
    port: { type: 'string', short: 'p' },
    path: { type: 'string' },
    ca: { type: 'string' },
    insecure: { type: 'boolean' },
    http: { type: 'boolean' },
  },
  async run(values, _positionals, io) {
    const p = paint(io);
    const configFile = (values.config as string | undefined) ?? io.env.SCIM2LDAP_CONFIG;
    const config = configFile ? loadConfig(configFile, io.env) : undefined;
    const name =
      (values.connector as string | undefined) ??
      (config?.connectors.length === 1 ? config.connectors[0]?.name : undefined);
    if (!name)
      throw new UsageError('--connector <name> is required (or a --config with exactly one connector)');
    const fromConfig = config?.connectors.find((c) => c.name === name);
    if (config && !fromConfig)
      throw new UsageError(`no connector named "${name}" in ${configFile} (names are case-sensitive)`);
    let token =
      io.env[(values['token-env'] as string | undefined) ?? 'SCIM2LDAP_TOKEN'] ?? fromConfig?.secretToken;
    if (!token && io.prompt) token = await io.prompt('SecretToken: ', { secret: true });
    if (!token)
      throw new UsageError('no token: set SCIM2LDAP_TOKEN, pass --token-env NAME, or run on a terminal');
    const plain = Boolean(values.http) || config?.server.tls.mode === 'off';
    const port = Number(values.port ?? config?.server.port ?? 8585);
    const base = `${plain ? 'http' : 'https'}://${(values.host as string | undefined) ?? 'localhost'}:${port}/ecma2host_${name}/scim`;
    let ca: string | undefined;
    const caFile =
      (values.ca as string | undefined) ??
      (config?.server.tls.mode === 'self-signed'
        ? join(config.server.tls.dir ?? join(config.server.stateDir, 'tls'), 'cert.pem')
        : undefined) ??
      (config?.server.tls.mode === 'files' ? config.server.tls.certFile : undefined);
    if (caFile && existsSync(caFile)) ca = readFileSync(caFile, 'utf8');
    const opts = { token, insecure: Boolean(values.insecure), ...(ca === undefined ? {} : { ca }) };

    const guid = randomUUID();
    let probe: Awaited<ReturnType<typeof requestHost>>;
    try {
      probe = await requestHost(`${base}/Users?filter=${encodeURIComponent(`userName eq "${guid}"`)}`, opts);
    } catch (error) {
      io.err(
        `${p.red('error:')} cannot reach ${base}: ${(error as Error).message}\n  check that scim2ldap serve is running and the port and certificate are right\n`,
      );
      return ExitCode.failure;
    }
    const detail = (text: string): string => {
      try {
        return (JSON.parse(text) as { detail?: string }).detail ?? text;
      } catch {
        return text;
      }
    };
    if (probe.status === 401) {
      io.err(
        `${p.red('error:')} the host refused the token for connector "${name}" (401); check the secret token\n`,
      );
      return ExitCode.failure;
    }
    if (probe.status !== 200) {
      io.err(
        `${p.yellow('warning:')} test-connection probe answered ${probe.status}: ${detail(probe.text)}\n`,
      );
      if (probe.status !== 503) return ExitCode.failure;
    } else {
      io.out(`${p.green('ok')} test-connection probe: 200, empty ListResponse (${base})\n`);
    }
    const path = (values.path as string | undefined) ?? 'cache';
    const res = await requestHost(`${base}/${path}`, opts);
    if (res.status !== 200) {
      io.err(`${p.red('error:')} GET ${path} answered ${res.status}: ${detail(res.text)}\n`);
      return ExitCode.failure;
    }
    if (path !== 'cache') {
      io.out(`${res.text}\n`);
      return ExitCode.ok;
    }
    const cache = JSON.parse(res.text) as {
      totalResults?: number;
      initialImportDone?: boolean;
      phase?: string;
    };
    const n = cache.totalResults ?? 0;
    if (n > 0) {
      io.out(`${p.green('True')}  the cache holds ${n} entries (phase: ${cache.phase ?? 'unknown'})\n`);
      return ExitCode.ok;
    }
    io.out(
      `${p.yellow('False')}  the cache holds no entries (phase: ${cache.phase ?? 'unknown'}). Expected for an empty directory;\n` +
        "  otherwise wait for the initial import, then check the connector settings and the bind account's read rights.\n",
    );
    return ExitCode.attention;
  },
};
