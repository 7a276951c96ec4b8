import { randomInt } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createDirectoryIndex,
  defaultBulkCreateMap,
  fieldOf,
  formatBulkCreateCsv,
  formatCsvRow,
  MATCH_CATEGORIES,
  type MatchCategory,
  type MatchReport,
  matchUsers,
  readSource,
  recordsToCsv,
  type SourceRow,
  sourceFormatOf,
} from '@scim2ldap/existing-users';
import { paint } from '../CliIo.ts';
import { type Command, ExitCode, UsageError } from '../Command.ts';
import { connectivityHelp, connectivityOptions } from '../connectorFromArgs.ts';
import { createProgressBar } from '../progressBar.ts';
import { forEachPage, openUsersDirectory, readScope } from './usersExport.ts';

/** Summary labels and per-category file names. */
const categories: Record<MatchCategory, { label: string; file: string }> = {
  noValue: { label: 'rows without a value in the column', file: 'no-value.csv' },
  duplicate: { label: 'rows with a duplicate value', file: 'duplicate.csv' },
  notMatched: { label: 'not matched (no directory entry)', file: 'not-matched.csv' },
  ambiguous: { label: 'ambiguous (several directory entries)', file: 'ambiguous.csv' },
  matchedDisabled: { label: 'matched but disabled in the source', file: 'matched-disabled.csv' },
  matched: { label: 'matched', file: 'matched.csv' },
};

const passwordAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!#%+-=?';

function generatePassword(): string {
  let out = '';
  for (let i = 0; i < 20; i++) out += passwordAlphabet[randomInt(passwordAlphabet.length)];
  return out;
}

async function* checkedRows(
  rows: AsyncIterable<SourceRow>,
  column: string,
  file: string,
): AsyncGenerator<SourceRow> {
  let first = true;
  for await (const row of rows) {
    if (first && fieldOf(row.fields, column) === undefined) {
      throw new UsageError(
        `${file} has no column "${column}"; its columns are: ${Object.keys(row.fields).join(', ') || '(none)'}`,
      );
    }
    first = false;
    yield row;
  }
}

function writeCategoryFiles(dir: string, report: MatchReport, attribute: string): void {
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  for (const category of MATCH_CATEGORIES) {
    const outcomes = report.outcomes[category];
    const records = outcomes.map((o) => ({
      ...o.row.fields,
      sourceRow: String(o.row.position),
      ...(o.entries.length > 0 ? { dn: o.entries.map((e) => e.dn).join('; ') } : {}),
    }));
    writeFileSync(join(dir, categories[category].file), recordsToCsv(records, ['sourceRow', 'dn']));
  }
  let directoryOnly = formatCsvRow(['dn', attribute]);
  for (const e of report.directoryOnly) {
    const values = Object.entries(e.attributes).find(
      ([k]) => k.toLowerCase() === attribute.toLowerCase(),
    )?.[1];
    directoryOnly += formatCsvRow([e.dn, (values ?? []).join(';')]);
  }
  writeFileSync(join(dir, 'directory-only.csv'), directoryOnly);
}

/** `scim2ldap users match`: which Entra users match which directory entries, the walkthrough's script as a command. */
export const usersMatchCommand: Command = {
  name: 'users match',
  summary: 'match an Entra user export against the directory by a column and an LDAP attribute',
  help: `Usage: scim2ldap users match --source <file> --column <name> --attribute <ldap attribute>
                             (--config <file> [--connector <name>] | --host <name> [options])
                             [--out <dir>] [--missing-csv <file> [--generate-passwords]]

Matches every row of the source — the Entra admin center's user download (CSV), a Graph JSON response
({ "value": [...] }), JSON Lines, or any CSV/JSON — against the directory's in-scope entries by the
source's <column> and the directory's <attribute>, and sorts the rows as the walkthrough's script does:
rows without a value, duplicate values, not matched, ambiguous (several entries), matched but disabled
in the source (accountEnabled false), matched. Directory entries no source row names are counted too.
Matching ignores case when the attribute's equality rule does (from the directory's schema).

Options:
      --source <file>        the users to match (.csv, or .json / .jsonl / .ndjson)
      --column <name>        the source column or property to match, e.g. userPrincipalName
      --attribute <name>     the LDAP attribute to match it with, e.g. mail
      --enabled-column <n>   the column saying the user may sign in (default accountEnabled, else active)
      --out <dir>            write one CSV per category there (no-value.csv, duplicate.csv,
                             not-matched.csv, ambiguous.csv, matched-disabled.csv, matched.csv,
                             directory-only.csv)
      --missing-csv <file>   write the directory entries without a source row in the Entra admin center's
                             bulk-create format (blocked from sign-in, no password)
      --upn-attribute <a>    directory attribute for their userPrincipalName (default: --attribute when
                             --column is userPrincipalName, else mail)
      --generate-passwords   put a random initial password in the bulk-create file (file mode 0600)
      --base <dn>            search under this DN instead of the connector's containers (repeatable)
      --filter <filter>      LDAP filter instead of (objectClass=<connector's class>)
${connectivityHelp}
  -h, --help                 show this help

Exit codes: 0 every row matched one entry and every entry has a row, 5 something needs attention (see the
summary), 1 failed, 4 cannot reach the directory, 2 usage, 3 invalid config.`,
  options: {
    ...connectivityOptions,
    source: { type: 'string', short: 's' },
    column: { type: 'string' },
    attribute: { type: 'string', short: 'a' },
    'enabled-column': { type: 'string' },
    out: { type: 'string', short: 'o' },
    'missing-csv': { type: 'string' },
    'upn-attribute': { type: 'string' },
    'generate-passwords': { type: 'boolean' },
    base: { type: 'string', multiple: true },
    filter: { type: 'string' },
  },
  async run(values, _positionals, io) {
    const source = values.source as string | undefined;
    const column = values.column as string | undefined;
    const attribute = values.attribute as string | undefined;
    if (!source || !column || !attribute)
      throw new UsageError('give --source <file>, --column <name> and --attribute <ldap attribute>');
    if (!existsSync(source)) throw new UsageError(`--source ${source}: no such file`);
    if (values['generate-passwords'] && !values['missing-csv'])
      throw new UsageError('--generate-passwords only applies with --missing-csv <file>');
    const upnAttribute =
      (values['upn-attribute'] as string | undefined) ??
      (column.toLowerCase() === 'userprincipalname' ? attribute : 'mail');
    const bulkMap = defaultBulkCreateMap(upnAttribute);

    const opened = await openUsersDirectory(values, io);
    if (typeof opened === 'number') return opened;
    const p = paint(io);
    try {
      const schema = opened.profile.schema;
      const key = schema?.index.attributeTypes[attribute.toLowerCase()];
      const type = key === undefined ? undefined : schema?.attributeTypes[key];
      if (schema && !type)
        throw new UsageError(`--attribute ${attribute} is not an attribute type of the directory's schema`);
      const caseInsensitive = type ? !type.caseSensitive : true;
      const read = values['missing-csv']
        ? [attribute, ...new Set(Object.values(bulkMap).flat())]
        : [attribute];
      const scope = readScope(values, opened.settings, read);

      const index = createDirectoryIndex(attribute, caseInsensitive);
      const bar = createProgressBar(io);
      const started = performance.now();
      await forEachPage(opened.pool, scope, (page) => {
        for (const entry of page) index.add(entry);
        const n = index.entries().length;
        bar.update(n, n / Math.max(0.001, (performance.now() - started) / 1000), 'reading the directory');
      });
      if (io.isTTY) io.err('\r\u001b[K');
      const rows = readSource(createReadStream(source), sourceFormatOf(source), source);
      const report = await matchUsers(checkedRows(rows, column, source), index, {
        column,
        ...(values['enabled-column'] ? { enabledColumn: values['enabled-column'] as string } : {}),
      });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);

      const width = Math.max(...Object.values(categories).map((c) => c.label.length), 40);
      const lines = [
        `Source:    ${source} — ${report.sourceRows.toLocaleString('en-US')} rows, column ${column}`,
        `Directory: ${report.directoryEntries.toLocaleString('en-US')} entries under ${scope.bases.join('; ')} ${scope.filter}, attribute ${attribute} (${type?.equality ?? 'equality rule unknown'}: ${caseInsensitive ? 'case-insensitive' : 'case-sensitive'})`,
        '',
        ...MATCH_CATEGORIES.map((c) => {
          const n = report.outcomes[c].length;
          const text = `  ${categories[c].label.padEnd(width)} ${String(n).padStart(8)}`;
          return c === 'matched' || n === 0 ? text : p.yellow(text);
        }),
        (report.directoryOnly.length === 0 ? (s: string) => s : p.yellow)(
          `  ${'directory entries without a source row'.padEnd(width)} ${String(report.directoryOnly.length).padStart(8)}`,
        ),
        '',
      ];
      io.out(`${lines.join('\n')}\n`);

      if (values.out) {
        writeCategoryFiles(values.out as string, report, attribute);
        io.out(`One CSV per category written to ${values.out as string}\n`);
      }
      if (values['missing-csv']) {
        const file = values['missing-csv'] as string;
        const bulk = formatBulkCreateCsv(report.directoryOnly, {
          attributeMap: bulkMap,
          ...(values['generate-passwords'] ? { password: generatePassword } : {}),
        });
        writeFileSync(file, bulk.csv, { mode: values['generate-passwords'] ? 0o600 : 0o644 });
        io.out(
          `Bulk-create file ${file}: ${bulk.written} users, blocked from sign-in, ${values['generate-passwords'] ? 'with generated initial passwords (keep the file safe)' : 'initial passwords left empty (fill them in before uploading)'}\n`,
        );
        for (const s of bulk.skipped)
          io.err(`${p.yellow('note:')} ${s.dn} left out of ${file}: no ${s.missing.join(', no ')}\n`);
      }
      if (report.clean) {
        io.out(
          `${p.green('ok')} every row matched one directory entry and every entry has a row (${seconds} s)\n`,
        );
        return ExitCode.ok;
      }
      io.out(`Resolve those before provisioning is switched on (${seconds} s).\n`);
      return ExitCode.attention;
    } catch (error) {
      if (error instanceof UsageError) throw error;
      io.err(`${p.red('error:')} ${(error as Error).message}\n`);
      return ExitCode.failure;
    } finally {
      await opened.close();
    }
  },
};
