import { loadConfig, parseConfig } from '../config/loadConfig.ts';
import type { ConnectorConfig, HostConfig } from '../config/configSchema.ts';
import type { OptionValues } from './Command.ts';
import { UsageError } from './Command.ts';
import type { CliIo } from './CliIo.ts';

/** Connectivity options shared by `detect` and `init`. */
export const connectivityOptions = {
  config: { type: 'string', short: 'c' },
  connector: { type: 'string', short: 'n' },
  host: { type: 'string' },
  port: { type: 'string', short: 'p' },
  security: { type: 'string' },
  'bind-dn': { type: 'string', short: 'D' },
  'password-env': { type: 'string' },
  'password-file': { type: 'string' },
  ca: { type: 'string' },
  'client-cert': { type: 'string' },
  'client-key': { type: 'string' },
  insecure: { type: 'boolean' },
  timeout: { type: 'string' },
} as const;

/** Help text for {@link connectivityOptions}. */
export const connectivityHelp = `  -c, --config <file>        take the connection from this configuration …
  -n, --connector <name>     … and this connector (default: the only one)
      --host <name>          or give it here: directory host
  -p, --port <n>             port (default 389, or 636 with --security ldaps)
      --security <mode>      none | ldaps | starttls (default none)
  -D, --bind-dn <dn>         simple bind as this DN (default anonymous; SASL EXTERNAL with --client-cert)
      --password-env <NAME>  the bind password is in this environment variable
      --password-file <f>    … or in this file
      --ca <file>            CA certificate (PEM) that signed the directory's certificate
      --client-cert <file>   client certificate (PEM) for SASL EXTERNAL, with --client-key <file>
      --insecure             do not verify the directory's certificate (never in production)
      --timeout <seconds>    connection timeout (default 180)`;

/**
 * The connector a `detect`/`import`/`init` command works on: from `--config` (and `--connector`), or built
 * from flags and validated by the same schema as the file (so flag mistakes read like config mistakes).
 * @param values parsed options
 * @param io terminal and environment
 * @param extra connector keys to add when built from flags (name, objectClass, partitions)
 */
export function connectorFromArgs(
  values: OptionValues,
  io: CliIo,
  extra: Record<string, unknown> = {},
): { connector: ConnectorConfig; config: HostConfig } {
  const file =
    (values.config as string | undefined) ??
    (values.host === undefined ? io.env.SCIM2LDAP_CONFIG : undefined);
  if (file) {
    const config = loadConfig(file, io.env);
    const name = values.connector as string | undefined;
    const connector = name
      ? config.connectors.find((c) => c.name === name)
      : config.connectors.length === 1
        ? config.connectors[0]
        : undefined;
    if (!connector) {
      throw new UsageError(
        name
          ? `no connector named "${name}" in ${file} (names are case-sensitive)`
          : `${file} has ${config.connectors.length} connectors; choose one with --connector <name>`,
      );
    }
    return { connector, config };
  }
  if (values.host === undefined)
    throw new UsageError('give --config <file>, or --host <name> with the connection options');
  const passwordRef =
    values['password-env'] !== undefined
      ? `\${env:${values['password-env'] as string}}`
      : values['password-file'] !== undefined
        ? `\${file:${values['password-file'] as string}}`
        : undefined;
  const bind =
    values['bind-dn'] !== undefined
      ? { type: 'simple', dn: values['bind-dn'], password: passwordRef ?? '' }
      : values['client-cert'] !== undefined
        ? { type: 'sasl-external' }
        : { type: 'anonymous' };
  if (bind.type === 'simple' && passwordRef === undefined) {
    throw new UsageError(
      '--bind-dn needs the password: --password-env NAME or --password-file FILE (never on the command line)',
    );
  }
  const tree = {
    server: { tls: { mode: 'off' } },
    connectors: [
      {
        name: 'cli',
        secretToken: 'not-used-by-this-command',
        objectClass: 'inetOrgPerson',
        ...extra,
        connectivity: {
          host: values.host,
          ...(values.port === undefined ? {} : { port: Number(values.port) }),
          ...(values.security === undefined ? {} : { security: values.security }),
          ...(values.timeout === undefined ? {} : { timeoutSeconds: Number(values.timeout) }),
          bind,
          tls: {
            ...(values.ca === undefined ? {} : { caFile: values.ca }),
            ...(values['client-cert'] === undefined ? {} : { clientCertFile: values['client-cert'] }),
            ...(values['client-key'] === undefined ? {} : { clientKeyFile: values['client-key'] }),
            ...(values.insecure ? { insecureSkipVerify: true } : {}),
          },
        },
      },
    ],
  };
  const config = parseConfig(tree, { file: '(command line)', env: io.env, baseDir: io.cwd });
  return { connector: config.connectors[0] as ConnectorConfig, config };
}
