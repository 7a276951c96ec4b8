import { once } from 'node:events';
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { entryCsvFormatter, formatLdifEntry, LDIF_VERSION } from '@scim2ldap/existing-users';
import type { DirectoryProfile } from '@scim2ldap/ldap-schema-detect';
import {
  type ConnectionPool,
  createConnectionPool,
  equalityFilter,
  type LdapEntry,
} from '@scim2ldap/run-profiles';
import type { ConnectorConfig, HostConfig } from '../../config/configSchema.ts';
import { connectionOptions } from '../../runtime/connectionOptions.ts';
import { detectConnector } from '../../runtime/detectConnector.ts';
import { type ConnectorSettings, resolveConnectorSettings } from '../../runtime/resolveConnectorSettings.ts';
import { type CliIo, paint } from '../CliIo.ts';
import { type Command, ExitCode, type OptionValues, UsageError } from '../Command.ts';
import { connectivityHelp, connectivityOptions, connectorFromArgs } from '../connectorFromArgs.ts';
import { createProgressBar } from '../progressBar.ts';

/** Attributes read as binary (values arrive base64-encoded and go to LDIF as `::`). */
export const BINARY_ATTRIBUTES = [
  'objectGUID',
  'objectSid',
  'jpegPhoto',
  'userCertificate',
  'photo',
  'userSMIMECertificate',
  'cACertificate',
  'audio',
];

/** A connector's directory opened for the `users` commands: settings, schema, a small pool. */
export interface UsersDirectory {
  readonly connector: ConnectorConfig;
  readonly config: HostConfig;
  readonly profile: DirectoryProfile;
  readonly settings: ConnectorSettings;
  readonly pool: ConnectionPool;
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Detects the connector's directory and opens a two-connection pool, for `users export|match|check-required`
 * and `provision`. Returns an exit code (and prints why) when the directory cannot be reached.
 * @param values parsed options (`--config`/`--connector` or the connectivity flags)
 * @param io terminal
 */
export async function openUsersDirectory(values: OptionValues, io: CliIo): Promise<UsersDirectory | number> {
  const { connector, config } = connectorFromArgs(values, io);
  const options = connectionOptions(connector);
  let profile: DirectoryProfile;
  try {
    profile = await detectConnector(options);
  } catch (error) {
    io.err(`${paint(io).red('error:')} ${options.url}: ${(error as Error).message}\n`);
    return ExitCode.directory;
  }
  const settings = resolveConnectorSettings(connector, profile);
  const pool = createConnectionPool({ ...options, size: 2, binaryAttributes: BINARY_ATTRIBUTES });
  return {
    connector,
    config,
    profile,
    settings,
    pool,
    url: options.url,
    close: () => pool.close().catch(() => undefined),
  };
}

/** What to read: bases, filter, attributes; from `--base`/`--filter` or the connector's scope. */
export interface ReadScope {
  readonly bases: readonly string[];
  readonly filter: string;
  readonly attributes: readonly string[];
}

/**
 * The connector's in-scope entries (its containers and user object class) unless `--base` / `--filter` say
 * otherwise.
 * @param values parsed options
 * @param settings the connector's resolved settings
 * @param attributes attributes to read
 */
export function readScope(
  values: OptionValues,
  settings: ConnectorSettings,
  attributes: readonly string[],
): ReadScope {
  const bases = (values.base as string[] | undefined) ?? settings.bases;
  const filter = (values.filter as string | undefined) ?? equalityFilter('objectClass', settings.objectClass);
  if (!/^\(.*\)$/s.test(filter.trim()))
    throw new UsageError(
      `--filter "${filter}" is not an LDAP filter; write it in parentheses, e.g. (objectClass=person)`,
    );
  return { bases, filter: filter.trim(), attributes };
}

/**
 * Reads every entry of a scope page by page (paged-results control), handing each page to `onPage` before the
 * next is stored, so memory stays bounded however large the directory.
 * @param pool the connection pool
 * @param scope bases, filter, attributes
 * @param onPage called per page, awaited
 * @param pageSize entries per page
 */
export async function forEachPage(
  pool: ConnectionPool,
  scope: ReadScope,
  onPage: (entries: readonly LdapEntry[]) => Promise<void> | void,
  pageSize = 500,
): Promise<void> {
  for (const base of scope.bases) {
    await pool.use(async (connection) => {
      for await (const page of connection.searchPages(base, {
        scope: 'sub',
        filter: scope.filter,
        attributes: scope.attributes,
        pageSize,
      })) {
        await onPage(page);
      }
    });
  }
}

const formats = new Set(['csv', 'jsonl', 'ldif']);

function formatOf(values: OptionValues): 'csv' | 'jsonl' | 'ldif' {
  const given = values.format as string | undefined;
  const out = values.out as string | undefined;
  const fromName = out ? /\.(csv|jsonl|ldif)$/i.exec(out)?.[1]?.toLowerCase() : undefined;
  const format = given ?? fromName ?? 'ldif';
  if (!formats.has(format)) throw new UsageError(`--format must be csv, jsonl or ldif (not "${format}")`);
  return format as 'csv' | 'jsonl' | 'ldif';
}

/** `scim2ldap users export`: the directory's users to CSV, JSON Lines or LDIF, streamed. */
export const usersExportCommand: Command = {
  name: 'users export',
  summary: "export a connector's in-scope entries to CSV, JSON Lines or LDIF (streamed; progress on stderr)",
  help: `Usage: scim2ldap users export (--config <file> [--connector <name>] | --host <name> [options])
                              [--attributes a,b,c] [--format csv|jsonl|ldif] [--out <file>]
                              [--base <dn>]... [--filter <ldap filter>]

Exports the directory's existing users — what the walkthrough does with csvde or ldapsearch before
provisioning is switched on. By default the connector's scope: its containers (or partitions) and user
object class; --base and --filter choose other entries. The search is paged, so a million entries stream
through in bounded memory. LDIF is RFC 2849 (base64 where required, long lines folded) and ldapadd reads it
back; CSV has a dn column, then one column per attribute, multiple values joined with ";".

Options:
${connectivityHelp}
      --attributes <list>    attributes to export, comma-separated (default all user attributes;
                             required for CSV)
      --format <f>           csv | jsonl | ldif (default from the --out extension, else ldif)
      --out <file>           write here (written to <file>.partial, renamed when complete); default stdout
      --base <dn>            search under this DN instead of the connector's containers (repeatable)
      --filter <filter>      LDAP filter instead of (objectClass=<connector's class>)
      --page-size <n>        entries per page (default 500)
      --include-passwords    also export password hashes (userPassword, authPassword, unicodePwd, the
                             connector's password attribute); left out by default
  -h, --help                 show this help

Exit codes: 0 exported, 1 the export failed, 4 cannot reach the directory, 2 usage, 3 invalid config.`,
  options: {
    ...connectivityOptions,
    attributes: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string', short: 'o' },
    base: { type: 'string', multiple: true },
    filter: { type: 'string' },
    'page-size': { type: 'string' },
    'include-passwords': { type: 'boolean' },
  },
  async run(values, _positionals, io) {
    const format = formatOf(values);
    const attributes = ((values.attributes as string | undefined) ?? '')
      .split(',')
      .map((a) => a.trim())
      .filter((a) => a !== '');
    if (format === 'csv' && attributes.length === 0)
      throw new UsageError('CSV needs its columns: give --attributes, e.g. --attributes uid,cn,mail');
    const pageSize = Number((values['page-size'] as string | undefined) ?? 500);
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100_000)
      throw new UsageError('--page-size must be a whole number from 1 to 100000');
    const opened = await openUsersDirectory(values, io);
    if (typeof opened === 'number') return opened;
    const p = paint(io);
    const out = values.out as string | undefined;
    const partial = out ? `${out}.partial` : undefined;
    const stream = partial ? createWriteStream(partial, { encoding: 'utf8' }) : undefined;
    const write = async (text: string): Promise<void> => {
      if (stream) {
        if (!stream.write(text)) await once(stream, 'drain');
        return;
      }
      io.out(text);
      // Piped to a slow reader: wait until stdout has drained, so pages do not pile up in memory.
      if (process.stdout.writableNeedDrain) await once(process.stdout, 'drain');
    };
    try {
      const secret = new Set(
        ['userPassword', 'authPassword', 'unicodePwd', opened.connector.password.attribute].map((a) =>
          a.toLowerCase(),
        ),
      );
      const keepPasswords = values['include-passwords'] === true;
      const asked = attributes.find((a) => secret.has(a.toLowerCase()));
      if (asked && !keepPasswords)
        throw new UsageError(
          `--attributes names ${asked}; password hashes are exported only with --include-passwords`,
        );
      const scope = readScope(values, opened.settings, attributes.length > 0 ? attributes : ['*']);
      const withoutSecrets = (entry: LdapEntry): LdapEntry => {
        if (keepPasswords) return entry;
        let clean: Record<string, readonly string[]> | undefined;
        for (const name of Object.keys(entry.attributes)) {
          if (!secret.has(name.toLowerCase())) continue;
          clean ??= { ...entry.attributes };
          delete clean[name];
        }
        return clean ? { dn: entry.dn, attributes: clean } : entry;
      };
      const csv = format === 'csv' ? entryCsvFormatter(attributes) : undefined;
      const binaryAttributes = [
        ...BINARY_ATTRIBUTES,
        ...Object.values(opened.profile.schema?.attributeTypes ?? {})
          .filter((t) => t.binaryTransfer)
          .flatMap((t) => t.names),
      ];
      if (csv) await write(csv.header);
      if (format === 'ldif') await write(`${LDIF_VERSION}\n`);
      const bar = createProgressBar(io);
      const started = performance.now();
      let count = 0;
      await forEachPage(
        opened.pool,
        scope,
        async (page) => {
          let chunk = '';
          for (const read of page) {
            const entry = withoutSecrets(read);
            chunk +=
              format === 'csv'
                ? (csv?.format(entry) ?? '')
                : format === 'jsonl'
                  ? `${JSON.stringify({ dn: entry.dn, ...entry.attributes })}\n`
                  : formatLdifEntry(entry, { binaryAttributes });
          }
          await write(chunk);
          count += page.length;
          bar.update(count, count / Math.max(0.001, (performance.now() - started) / 1000), 'exporting');
        },
        pageSize,
      );
      if (stream && partial && out) {
        stream.end();
        await once(stream, 'finish');
        renameSync(partial, out);
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      if (io.isTTY) io.err('\r\u001b[K');
      io.err(
        `${p.green('ok')} exported ${count.toLocaleString('en-US')} entries (${format}) from ${scope.bases.join('; ')} in ${seconds} s${out ? ` to ${out}` : ''}\n`,
      );
      return ExitCode.ok;
    } catch (error) {
      if (stream && partial) {
        stream.destroy();
        rmSync(partial, { force: true });
      }
      if (error instanceof UsageError) throw error;
      io.err(`\n${p.red('error:')} export failed: ${(error as Error).message}\n`);
      return ExitCode.failure;
    } finally {
      await opened.close();
    }
  },
};
