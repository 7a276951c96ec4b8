import { createLogger } from '../../log/createLogger.ts';
import { createHostMetrics } from '../../metrics/hostMetrics.ts';
import { createLdapConnector } from '../../runtime/createLdapConnector.ts';
import { tokenDigest } from '../../http/verifyBearer.ts';
import { paint } from '../CliIo.ts';
import { type Command, ExitCode, UsageError } from '../Command.ts';
import { connectorFromArgs } from '../connectorFromArgs.ts';
import { createProgressBar } from '../progressBar.ts';

/** `scim2ldap import --full|--delta --config <file>`: runs an import into the connector's cache now. */
export const importCommand: Command = {
  name: 'import',
  summary: "run a full or delta import into a connector's cache now (progress bar on a terminal)",
  help: `Usage: scim2ldap import (--full | --delta) --config <file> [--connector <name>]

Runs the connector's Full Import (every in-scope entry; entries no longer in the directory are removed
from the cache) or Delta Import (changes since the last import, from the directory's change log; falls
back to a full import without a watermark) into its SQLite cache — the same cache \`serve\` uses. Safe
while \`serve\` runs (SQLite WAL), though the host's own autosync timer usually does this for you.

Options:
      --full                 full import
      --delta                delta import
  -c, --config <file>        the configuration file (default: $SCIM2LDAP_CONFIG)
  -n, --connector <name>     the connector (default: the only one)
  -h, --help                 show this help

Exit codes: 0 imported, 1 the import failed, 4 cannot reach the directory, 2 usage, 3 invalid config.`,
  options: {
    full: { type: 'boolean' },
    delta: { type: 'boolean' },
    config: { type: 'string', short: 'c' },
    connector: { type: 'string', short: 'n' },
  },
  async run(values, _positionals, io) {
    if (Boolean(values.full) === Boolean(values.delta))
      throw new UsageError('choose one of --full or --delta');
    if (!values.config && !io.env.SCIM2LDAP_CONFIG) throw new UsageError('--config <file> is required');
    const { connector, config } = connectorFromArgs(values, io);
    const p = paint(io);
    const logger = createLogger({ level: 'warn', write: (line) => io.err(line) });
    let running: Awaited<ReturnType<typeof createLdapConnector>>;
    try {
      running = await createLdapConnector(connector, {
        logger,
        metrics: createHostMetrics(),
        stateDir: config.server.stateDir,
        tokenDigest: tokenDigest(connector.secretToken),
      });
    } catch (error) {
      io.err(`${p.red('error:')} ${(error as Error).message}\n`);
      return ExitCode.directory;
    }
    try {
      const before = await running.hosted.cache(1, 0);
      const bar = createProgressBar(io, before.totalResults || undefined);
      const imports = running.imports;
      if (!imports) throw new Error('this connector has no import run profiles');
      const onProgress = (e: { entries: number; ratePerSecond: number; phase: string }) =>
        bar.update(e.entries, e.ratePerSecond, e.phase);
      const started = performance.now();
      const run = values.full ? imports.full : imports.delta;
      if (!run) {
        io.err(`${p.yellow('note:')} the directory offers no delta method; running a full import\n`);
      }
      const result = await (run ?? imports.full)(onProgress);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      bar.finish(
        `${p.green('ok')} ${values.full || !run ? 'full' : 'delta'} import of "${connector.name}": ${result.entries} entries in the cache ` +
          `(${result.added ?? 0} added, ${result.modified ?? 0} updated, ${result.deleted ?? 0} removed) in ${seconds} s`,
      );
      return ExitCode.ok;
    } catch (error) {
      io.err(`\n${p.red('error:')} import failed: ${(error as Error).message}\n`);
      return ExitCode.failure;
    } finally {
      await running.close();
    }
  },
};
