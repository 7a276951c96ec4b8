import { createReadStream, existsSync } from 'node:fs';
import { createMemoryStore } from '@scim2ldap/anchor-store';
import {
  type AttributeChange,
  formatLdifChange,
  LDIF_VERSION,
  type LdifChange,
  type ObservedWrite,
  observeTarget,
  readSource,
  type SourceRow,
  sourceFormatOf,
  textOf,
  toScimUser,
} from '@scim2ldap/existing-users';
import { createProvisioner, type DirectoryTarget } from '@scim2ldap/provisioning';
import { createLdapTarget, type LockProfile, lockProfiles } from '@scim2ldap/run-profiles';
import type { ConnectorConfig } from '../../config/configSchema.ts';
import { type CliIo, paint } from '../CliIo.ts';
import { type Command, ExitCode, UsageError } from '../Command.ts';
import { connectivityHelp, connectivityOptions } from '../connectorFromArgs.ts';
import { connectorMapping, planNewUser } from './usersCheckRequired.ts';
import { BINARY_ATTRIBUTES, type UsersDirectory } from './usersExport.ts';
import { openUsersDirectory } from './usersExport.ts';

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

function lockProfileOf(vendor: string, config: ConnectorConfig): LockProfile | undefined {
  if (config.deprovisioning.disableFlow.type !== 'lock') return undefined;
  if (vendor === 'openldap' || vendor === 'apacheds') return lockProfiles.openldapPpolicy;
  if (vendor === '389ds') return lockProfiles.ds389;
  if (vendor === 'ad-lds') return lockProfiles.adLds;
  return undefined;
}

/** The connector's target, built as `serve` builds it. */
function connectorTarget(opened: UsersDirectory): DirectoryTarget {
  const { connector, settings, profile } = opened;
  const singleValued = new Set<string>();
  for (const s of settings.selected) if (s.treatAsSingleValue) singleValued.add(s.name);
  for (const t of Object.values(profile.schema?.attributeTypes ?? {}))
    if (t.singleValue) for (const n of t.names) singleValued.add(n);
  const lockProfile = lockProfileOf(profile.vendor.id, connector);
  return createLdapTarget({
    pool: opened.pool,
    bases: settings.bases,
    userObjectClass: settings.objectClass,
    anchor: settings.anchor,
    singleValued,
    passwordPolicy: { method: connector.password.method, attribute: connector.password.attribute },
    ...(lockProfile ? { lockProfile } : {}),
  });
}

async function readOneUser(file: string): Promise<SourceRow> {
  const rows: SourceRow[] = [];
  for await (const row of readSource(createReadStream(file), sourceFormatOf(file), file)) {
    rows.push(row);
    if (rows.length > 1)
      throw new UsageError(`${file} holds more than one user; provision on demand takes one user at a time`);
  }
  const first = rows[0];
  if (!first) throw new UsageError(`${file} holds no user`);
  return first;
}

function lookup(
  attributes: Readonly<Record<string, readonly string[] | null>>,
  name: string,
): readonly string[] {
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(attributes)) if (k.toLowerCase() === lower) return v ?? [];
  return [];
}

/** A change record without the password attribute (it is never printed). */
function withoutPassword(change: LdifChange | undefined, password: string): LdifChange | undefined {
  const secret = (name: string): boolean => name.toLowerCase() === password.toLowerCase();
  if (change?.type === 'add') {
    const attributes = Object.fromEntries(Object.entries(change.attributes).filter(([k]) => !secret(k)));
    return { ...change, attributes };
  }
  if (change?.type === 'modify')
    return { ...change, modifications: change.modifications.filter((m) => !secret(m.attribute)) };
  return change;
}

const shown = (values: readonly string[]): string => (values.length === 0 ? '(none)' : values.join(' | '));

function printWrites(io: CliIo, writes: readonly ObservedWrite[], password: string): void {
  for (const w of writes) {
    io.out(`    ${w.operation} ${w.dn}${w.note ? ` — ${w.note}` : ''}\n`);
    for (const c of w.changes as readonly AttributeChange[]) {
      if (c.attribute.toLowerCase() === password.toLowerCase()) continue;
      io.out(`      ${c.attribute}: ${shown(c.before)} → ${shown(c.after)}\n`);
    }
  }
}

/** `scim2ldap provision --user <file>`: the portal's "Provision on demand" for one user, from the command line. */
export const provisionCommand: Command = {
  name: 'provision',
  summary: 'provision one user on demand (the portal\'s "Provision on demand"); --dry-run shows the LDIF',
  help: `Usage: scim2ldap provision --user <file> --config <file> [--connector <name>] [--dry-run]

Does for one user what the portal's "Provision on demand" does, through the same provisioning code
\`serve\` runs, and prints each step: connect, import the user (an Entra user as the admin center or Graph
gives it — turned into the SCIM User Entra would send by its default mappings — or a SCIM User), determine
scope (active in the source), match it by the connector's matching attributes in precedence order, then
create, update or skip, listing the modified attributes. With --dry-run nothing is written: the LDIF that
would be sent is printed instead (passwords are never shown).

Options:
      --user <file>          the user: .json (one object, or a one-item array / Graph response) or a
                             one-row .csv
      --dry-run              change nothing; print the LDIF change records instead
${connectivityHelp}
  -h, --help                 show this help

Exit codes: 0 created, updated, or nothing to change; 5 skipped (no matching value, or disabled and not in
the directory); 1 the directory refused or the match was ambiguous; 4 cannot reach the directory; 2 usage;
3 invalid config.`,
  options: {
    ...connectivityOptions,
    user: { type: 'string', short: 'u' },
    'dry-run': { type: 'boolean' },
  },
  async run(values, _positionals, io) {
    const file = values.user as string | undefined;
    if (!file) throw new UsageError('give --user <file>');
    if (!existsSync(file)) throw new UsageError(`--user ${file}: no such file`);
    const dryRun = values['dry-run'] === true;
    const row = await readOneUser(file);
    const p = paint(io);
    const step = (n: number, title: string): void => io.out(`${p.bold(`${n}. ${title}`)}\n`);

    const opened = await openUsersDirectory(values, io);
    if (typeof opened === 'number') return opened;
    try {
      step(1, 'Test connection');
      io.out(
        `    ${opened.url}: ${opened.profile.vendor.name} ${opened.profile.vendor.version ?? ''}\n`.replace(
          / +\n$/,
          '\n',
        ),
      );

      step(2, 'Import user');
      const resource = toScimUser(row.fields);
      delete resource.id;
      delete resource.meta;
      const userName = textOf(resource.userName) ?? '(no userName)';
      const cm = connectorMapping(opened);
      const { mapping, schemas } = cm;
      // A DN rule that cannot build the DN does not stop the steps: matching needs only the attributes, and
      // a create without a DN fails in step 5 with provisioning's own message.
      const { plan, dnError } = await planNewUser(resource, cm);
      io.out(`    ${userName} from ${file}; the mapping gives:\n`);
      io.out(`      dn: ${plan.dn ?? `(none: ${dnError ?? 'the DN rule yields nothing'})`}\n`);
      for (const [name, v] of Object.entries(plan.attributes)) io.out(`      ${name}: ${shown(v ?? [])}\n`);
      const matching = [...(mapping.matching ?? [])].sort((a, b) => a.precedence - b.precedence);
      const matchValues = matching
        .map((m) => ({ attribute: m.attribute, value: lookup(plan.attributes, m.attribute)[0] }))
        .filter((m): m is { attribute: string; value: string } => m.value !== undefined && m.value !== '');
      if (matching.length > 0 && matchValues.length === 0) {
        io.out(
          `    ${p.yellow('skipped')} (ImportSkipped): the user has no value for the matching attribute${matching.length > 1 ? 's' : ''} ${matching.map((m) => m.attribute).join(', ')}\n`,
        );
        return ExitCode.attention;
      }

      step(3, 'Determine scope');
      const active = resource.active !== false;
      io.out(`    active in the source: ${active ? 'yes' : 'no'}\n`);

      step(4, 'Match user');
      const target = connectorTarget(opened);
      let matched: { anchor: string; dn: string } | undefined;
      for (const m of matchValues) {
        const found = await target.search(m.attribute, m.value);
        io.out(
          `    ${m.attribute} = ${m.value}: ${found.length === 0 ? 'no entry' : found.map((e) => e.dn).join('; ')}\n`,
        );
        if (found.length > 1) {
          io.out(
            `    ${p.red('failed')} (DuplicateTargetEntries): ${found.length} entries have this value; make it unique\n`,
          );
          return ExitCode.failure;
        }
        if (found[0]) {
          matched = { anchor: found[0].anchor, dn: found[0].dn };
          break;
        }
      }

      step(5, `Perform action${dryRun ? ' (dry run: nothing is written)' : ''}`);
      if (!matched && !active) {
        io.out(
          `    ${p.yellow('skipped')} (EntrySynchronizationSkipped): the user is disabled in the source and has no entry; disabled users are not created\n`,
        );
        return ExitCode.attention;
      }
      const observed = observeTarget(target, { dryRun });
      const provisioner = createProvisioner({
        connector: opened.connector.name,
        target: observed.target as DirectoryTarget,
        store: createMemoryStore(),
        mapping,
        schema: schemas,
        policy: {
          disableFlow:
            opened.connector.deprovisioning.disableFlow.type === 'setAttribute'
              ? {
                  type: 'setAttribute',
                  attribute: opened.connector.deprovisioning.disableFlow.attribute,
                  disabledValue: opened.connector.deprovisioning.disableFlow.disabledValue,
                  enabledValue: opened.connector.deprovisioning.disableFlow.enabledValue,
                }
              : { type: opened.connector.deprovisioning.disableFlow.type },
          deleteFlow: opened.connector.deprovisioning.deleteFlow,
          password: {
            attribute: opened.connector.password.attribute,
            initialRandom: opened.connector.password.initialRandom,
          },
        },
      });
      const { schemas: _schemas, ...value } = resource;
      try {
        if (matched) {
          await provisioner.patchUser(matched.anchor, {
            schemas: [PATCH_OP],
            Operations: [{ op: 'replace', value }],
          });
        } else {
          await provisioner.createUser(resource);
        }
      } catch (error) {
        const status = (error as { status?: number }).status;
        io.out(`    ${p.red('failed')}${status ? ` (${status})` : ''}: ${(error as Error).message}\n`);
        return ExitCode.failure;
      }
      const writes = observed.writes;
      if (writes.length === 0) {
        io.out(`    ${p.green('skipped')} (no change): ${matched?.dn} already holds these values\n`);
        return ExitCode.ok;
      }
      const verb = matched ? 'update' : 'create';
      io.out(`    ${dryRun ? `would ${verb}` : p.green(`${verb}d`)}: modified attributes\n`);
      printWrites(io, writes, opened.connector.password.attribute);
      if (dryRun) {
        io.out(`\n${LDIF_VERSION}\n`);
        for (const w of writes) {
          if (w.note) io.out(`# ${w.dn}: ${w.note}\n`);
          const change = withoutPassword(w.change, opened.connector.password.attribute);
          if (change) io.out(formatLdifChange(change, { binaryAttributes: BINARY_ATTRIBUTES }));
        }
      }
      return ExitCode.ok;
    } catch (error) {
      if (error instanceof UsageError) throw error;
      io.err(`${p.red('error:')} ${(error as Error).message}\n`);
      return ExitCode.failure;
    } finally {
      await opened.close();
    }
  },
};
