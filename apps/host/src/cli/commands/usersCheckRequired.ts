import { createReadStream, existsSync, writeFileSync } from 'node:fs';
import {
  checkRequired,
  expressionInputs,
  formatCsvRow,
  type MissingValue,
  type RequiredAttribute,
  readSource,
  requiredAttributes,
  sourceFormatOf,
  textOf,
  toScimUser,
} from '@scim2ldap/existing-users';
import {
  buildSchemas,
  type CompiledMapping,
  compileMapping,
  type EntryPlan,
  type MappingConfig,
  mapUserToEntry,
  type UserSchemas,
} from '@scim2ldap/provisioning';
import { buildMapping } from '../../runtime/buildMapping.ts';
import { paint } from '../CliIo.ts';
import { type Command, ExitCode, UsageError } from '../Command.ts';
import { connectivityHelp, connectivityOptions } from '../connectorFromArgs.ts';
import { openUsersDirectory, type UsersDirectory } from './usersExport.ts';

/** The connector's mapping as the host runs it: config + preset, compiled, with the User resource model. */
export interface ConnectorMapping {
  readonly mapping: MappingConfig;
  readonly compiled: CompiledMapping;
  readonly schemas: UserSchemas;
}

/**
 * Builds the connector's mapping exactly as `serve` does (preset, configured rules, DN rule, schema).
 * @param opened the opened directory
 */
export function connectorMapping(opened: UsersDirectory): ConnectorMapping {
  const mapping = buildMapping(opened.connector, opened.settings);
  const schemas = buildSchemas(opened.settings.selected, opened.profile.schema ?? undefined, {
    mapping,
    passwordAttribute: opened.connector.password.attribute,
  });
  return { mapping, compiled: compileMapping(mapping), schemas };
}

/** A new user as the connector's mapping plans it; `dnError` when the DN rule could not build its DN. */
export interface NewUserPlan {
  readonly plan: EntryPlan;
  /** Why the DN rule failed (an input it reads is missing, its result is no DN); the attributes are planned anyway. */
  readonly dnError?: string;
}

/**
 * Maps a source user as a create would, but keeps a failing DN rule apart from the other rules: provisioning
 * refuses the whole user then (400 naming the DN), while these commands still need the attributes — to
 * match by them, and to report the DN next to every other missing value. Another mapping failure throws.
 * @param resource the SCIM User
 * @param cm the connector's mapping
 */
export async function planNewUser(
  resource: Readonly<Record<string, unknown>>,
  cm: ConnectorMapping,
): Promise<NewUserPlan> {
  try {
    return { plan: await mapUserToEntry(resource, cm.compiled, cm.schemas, { kind: 'create' }) };
  } catch (error) {
    if (!cm.compiled.dnRule) throw error;
    // Mapped again without the DN rule: if that succeeds, the DN rule was what failed.
    const withoutDnRule = { ...cm.compiled, dnRule: undefined };
    const plan = await mapUserToEntry(resource, withoutDnRule, cm.schemas, { kind: 'create' });
    return { plan, dnError: (error as Error).message };
  }
}

/** `scim2ldap users check-required`: which source users lack what the directory requires. */
export const usersCheckRequiredCommand: Command = {
  name: 'users check-required',
  summary: 'list source users that lack a value the directory requires after the mapping',
  help: `Usage: scim2ldap users check-required --source <file> --config <file> [--connector <name>]
                                      [--out <file.csv>]

Runs every source user (the Entra admin center's user download, a Graph JSON response, JSON Lines, or
SCIM Users) through the connector's mapping — Entra users are first turned into the SCIM User Entra would
send, by its default attribute mappings — and reports, per user and attribute, each value the directory
would refuse the new entry without: the MUST attributes of the structural and auxiliary object classes,
and the DN the DN rule builds (naming the attributes it reads).

Options:
      --source <file>        the users to check (.csv, or .json / .jsonl / .ndjson)
      --out <file>           also write the findings as CSV (user, sourceRow, attribute, reason)
${connectivityHelp}
  -h, --help                 show this help

Exit codes: 0 every user has every required value, 5 some do not, 1 failed, 4 cannot reach the
directory, 2 usage, 3 invalid config.`,
  options: {
    ...connectivityOptions,
    source: { type: 'string', short: 's' },
    out: { type: 'string', short: 'o' },
  },
  async run(values, _positionals, io) {
    const source = values.source as string | undefined;
    if (!source) throw new UsageError('give --source <file>');
    if (!existsSync(source)) throw new UsageError(`--source ${source}: no such file`);
    const opened = await openUsersDirectory(values, io);
    if (typeof opened === 'number') return opened;
    const p = paint(io);
    try {
      const schema = opened.profile.schema;
      if (!schema) {
        io.err(
          `${p.red('error:')} the directory did not publish its schema; required attributes are unknown\n`,
        );
        return ExitCode.failure;
      }
      const cm = connectorMapping(opened);
      const { mapping } = cm;
      const dnRule = mapping.dnRule ?? mapping.rules.find((r) => r.target === '-dn-')?.expression;
      const dnInputs = dnRule ? expressionInputs(dnRule) : [];
      const requiredByClasses = new Map<string, readonly RequiredAttribute[]>();
      const requiredFor = (classes: readonly string[]): readonly RequiredAttribute[] => {
        const key = classes.map((c) => c.toLowerCase()).join(',');
        let found = requiredByClasses.get(key);
        if (!found) {
          const r = requiredAttributes(classes, schema);
          for (const cls of r.unknownClasses)
            io.err(`${p.yellow('note:')} object class ${cls} is not in the directory schema\n`);
          found = r.required;
          requiredByClasses.set(key, found);
        }
        return found;
      };
      const missing: MissingValue[] = [];
      const usersLacking = new Set<number>();
      let users = 0;
      for await (const row of readSource(createReadStream(source), sourceFormatOf(source), source)) {
        users++;
        const resource = toScimUser(row.fields);
        const user = textOf(resource.userName) ?? `row ${row.position}`;
        let found: MissingValue[];
        try {
          const { plan, dnError } = await planNewUser(resource, cm);
          const classes = plan.objectClasses ?? mapping.objectClasses ?? [opened.settings.objectClass];
          found = checkRequired(
            {
              user,
              position: row.position,
              dn: plan.dn,
              ...(dnError === undefined ? {} : { dnError }),
              attributes: plan.attributes,
            },
            requiredFor(classes),
            dnInputs,
          );
        } catch (error) {
          found = checkRequired(
            { user, position: row.position, dn: undefined, attributes: {}, error: (error as Error).message },
            [],
          );
        }
        if (found.length > 0) usersLacking.add(row.position);
        missing.push(...found);
      }
      for (const m of missing) io.out(`${m.user}\t${m.attribute}\t${m.reason}\n`);
      if (values.out) {
        let csv = formatCsvRow(['user', 'sourceRow', 'attribute', 'reason']);
        for (const m of missing) csv += formatCsvRow([m.user, String(m.position), m.attribute, m.reason]);
        writeFileSync(values.out as string, csv);
      }
      const classes = mapping.objectClasses ?? [opened.settings.objectClass];
      const required = requiredFor(classes).map((r) => r.name);
      if (missing.length === 0) {
        io.out(
          `${p.green('ok')} all ${users} users have every value ${classes.join(' + ')} requires (${required.join(', ')}) and a DN\n`,
        );
        return ExitCode.ok;
      }
      io.out(
        `${usersLacking.size} of ${users} users lack ${missing.length} required values (${classes.join(' + ')} requires ${required.join(', ')}; plus a DN)\n`,
      );
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
