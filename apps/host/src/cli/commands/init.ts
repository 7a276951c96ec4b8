import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { describeProfile } from '@scim2ldap/ldap-schema-detect';
import { stringify } from 'yaml';
import { connectionOptions } from '../../runtime/connectionOptions.ts';
import { detectConnector } from '../../runtime/detectConnector.ts';
import { paint } from '../CliIo.ts';
import { type Command, ExitCode, type OptionValues, UsageError } from '../Command.ts';
import { connectivityHelp, connectivityOptions, connectorFromArgs } from '../connectorFromArgs.ts';

async function ask(
  values: OptionValues,
  key: string,
  question: string,
  io: Parameters<Command['run']>[2],
): Promise<void> {
  if (values[key] !== undefined || !io.prompt) return;
  const answer = await io.prompt(question);
  if (answer) values[key] = answer;
}

/** `scim2ldap init`: asks for host, bind and base, detects the directory, writes a starting config. */
export const initCommand: Command = {
  name: 'init',
  summary: 'connect, detect the directory and write a starting configuration file',
  help: `Usage: scim2ldap init [--host <name>] [--bind-dn <dn>] [--base <dn>] [options] [--out <file>]

What the wizard's first pages do: asks (on a terminal) for whatever the flags do not give — host, bind
DN and password, base DN — connects, detects the directory, and writes a configuration with the
detected defaults spelled out (anchor, delta method, user object class, partitions). The connector's
secret token is generated into <name>.token next to the file (mode 0600) and referenced as
\${file:<name>.token}; the bind password is referenced as \${env:<NAME>}, never written.

Options:
${connectivityHelp.split('\n').slice(2).join('\n')}
      --base <dn>            the partition (naming context) to provision into (default: detected)
      --object-class <name>  the structural user class (default: detected, e.g. inetOrgPerson)
      --name <connector>     connector name, part of the tenant URL (default LDAP)
  -o, --out <file>           where to write (default scim2ldap.yaml)
      --force                overwrite an existing file
  -h, --help                 show this help

Exit codes: 0 written, 4 cannot connect or bind, 2 usage (or the file exists), 3 invalid values.`,
  options: {
    ...connectivityOptions,
    base: { type: 'string' },
    'object-class': { type: 'string' },
    name: { type: 'string' },
    out: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
  },
  async run(values, _positionals, io) {
    const p = paint(io);
    const out = resolve(io.cwd, (values.out as string | undefined) ?? 'scim2ldap.yaml');
    if (existsSync(out) && !values.force) throw new UsageError(`${out} exists; pass --force to overwrite it`);
    await ask(values, 'host', 'Directory host: ', io);
    await ask(values, 'bind-dn', 'Bind DN (empty for anonymous): ', io);
    const env = { ...io.env };
    let passwordEnv = values['password-env'] as string | undefined;
    if (
      values['bind-dn'] !== undefined &&
      passwordEnv === undefined &&
      values['password-file'] === undefined
    ) {
      if (!io.prompt) throw new UsageError('--bind-dn needs --password-env NAME or --password-file FILE');
      passwordEnv = 'SCIM2LDAP_BIND_PASSWORD';
      env[passwordEnv] = await io.prompt('Bind password: ', { secret: true });
      values['password-env'] = passwordEnv;
    }
    await ask(values, 'base', 'Base DN (empty to use the detected naming context): ', io);
    const name = (values.name as string | undefined) ?? 'LDAP';
    const { connector } = connectorFromArgs(values, { ...io, env }, { name });
    let profile: Awaited<ReturnType<typeof detectConnector>>;
    try {
      profile = await detectConnector(connectionOptions(connector));
    } catch (error) {
      io.err(`${p.red('error:')} ${(error as Error).message}\n`);
      return ExitCode.directory;
    }
    const base = (values.base as string | undefined) ?? profile.defaultNamingContext.dn ?? undefined;
    if (!base) throw new UsageError('the directory names no default naming context; give --base <dn>');
    const objectClass =
      (values['object-class'] as string | undefined) ?? profile.recommendations.userClass ?? 'inetOrgPerson';
    const tokenFile = join(dirname(out), `${name}.token`);
    if (!existsSync(tokenFile))
      writeFileSync(tokenFile, `${randomBytes(18).toString('base64url')}\n`, { mode: 0o600 });
    const c = connector.connectivity;
    const bind =
      c.bind.type === 'simple'
        ? {
            type: 'simple',
            dn: c.bind.dn,
            password:
              values['password-file'] !== undefined
                ? `\${file:${values['password-file'] as string}}`
                : `\${env:${passwordEnv}}`,
          }
        : c.bind;
    const document = {
      server: { port: 8585, tls: { mode: 'self-signed' }, stateDir: './scim2ldap-state' },
      connectors: [
        {
          name,
          secretToken: `\${file:${basename(tokenFile)}}`,
          autosyncMinutes: 120,
          connectivity: {
            host: c.host,
            ...(c.port === undefined ? {} : { port: c.port }),
            security: c.security,
            timeoutSeconds: c.timeoutSeconds,
            bind,
            ...(Object.keys(c.tls).some((k) => k !== 'insecureSkipVerify') || c.tls.insecureSkipVerify
              ? { tls: c.tls }
              : {}),
          },
          partitions: [{ dn: base }],
          objectClass,
          anchor: profile.recommendations.anchor,
          mapping: { preset: 'inetOrgPerson' },
          deprovisioning: { disableFlow: { type: 'none' }, deleteFlow: 'delete' },
          runProfiles: {
            pageSize: 1000,
            deltaMethod:
              profile.recommendations.deltaMethod === 'syncrepl'
                ? 'none'
                : profile.recommendations.deltaMethod,
            ...(profile.recommendations.changelogDn
              ? { changeLogDn: profile.recommendations.changelogDn }
              : {}),
          },
        },
      ],
    };
    const header = [
      `# scim2ldap configuration written by \`scim2ldap init\` for ${profile.vendor.name} ${profile.vendor.version ?? ''}`.trimEnd(),
      `# Tenant URL for Entra: https://<this host>:8585/ecma2host_${name}/scim   secret token: ${basename(tokenFile)}`,
      `# Anchor: ${profile.recommendations.reasons.anchor}`,
      `# Delta import: ${profile.recommendations.reasons.deltaMethod}`,
      ...(profile.recommendations.userAuxiliaryClasses.length > 0
        ? [
            `# Auxiliary classes the schema offers: ${profile.recommendations.userAuxiliaryClasses.join(', ')}`,
          ]
        : []),
      ...(passwordEnv ? [`# Set ${passwordEnv} to the bind password before running scim2ldap serve.`] : []),
      '',
    ].join('\n');
    writeFileSync(out, `${header}${stringify(document)}`, { mode: 0o600 });
    io.out(
      `${describeProfile(profile)}\n${p.green('wrote')} ${out} and ${tokenFile}\nnext: scim2ldap config check --config ${out}\n`,
    );
    return ExitCode.ok;
  },
};
