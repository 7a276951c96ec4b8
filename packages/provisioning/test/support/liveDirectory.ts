import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createMemoryStore } from '@scim2ldap/anchor-store';
import { detectDirectory } from '@scim2ldap/ldap-schema-detect';
import type { RunningDirectory } from '@scim2ldap/ldap-testkit';
import {
  type ConnectionPool,
  createConnectionPool,
  createLdapTarget,
  type LdapTarget,
  type LdapTargetOptions,
} from '@scim2ldap/run-profiles';
import {
  buildSchemas,
  createProvisioner,
  type MappingConfig,
  type Provisioner,
  type ProvisionerOptions,
  type ProvisioningLogRecord,
  type SelectedAttribute,
} from '../../src/index.ts';

import { Client } from 'ldapts';
import type { DirectorySchemaView } from '../../src/index.ts';

const run = promisify(execFile);

/** The directory's schema as ldap-schema-detect resolves it (what the host passes to buildSchemas). */
export async function detectSchema(dir: RunningDirectory): Promise<DirectorySchemaView | undefined> {
  const client = new Client({ url: dir.ldapUrl });
  try {
    await client.startTLS({ ca: dir.caCert });
    await client.bind(dir.adminDn, dir.adminPassword);
    const profile = await detectDirectory(client);
    return profile.schema ?? undefined;
  } finally {
    await client.unbind();
  }
}

/** An admin connection pool to a test directory over StartTLS with the testkit's CA. */
export function adminPool(dir: RunningDirectory): ConnectionPool {
  return createConnectionPool({
    url: dir.ldapUrl,
    startTls: true,
    tls: { ca: dir.caCert },
    bind: { method: 'simple', dn: dir.adminDn, password: dir.adminPassword },
    size: 2,
    healthCheckIntervalMs: 0,
    // Fail fast once the server is gone (the 503 test); the default waits 30 s for it to return.
    reconnect: { maxElapsedMs: 1500 },
  });
}

/** Everything a live provisioning test needs: the real LDAP target, a memory store, the provisioner, its log. */
export interface LiveProvisioner {
  readonly provisioner: Provisioner;
  readonly target: LdapTarget;
  readonly logs: ProvisioningLogRecord[];
  readonly store: ReturnType<typeof createMemoryStore>;
}

/** Builds a provisioner over the real LDAP target of `run-profiles` for a test directory. */
export function liveProvisioner(
  dir: RunningDirectory,
  pool: ConnectionPool,
  setup: {
    readonly selected: readonly SelectedAttribute[];
    readonly mapping: MappingConfig;
    readonly target?: Partial<LdapTargetOptions>;
    readonly directorySchema?: DirectorySchemaView | undefined;
  } & Partial<Pick<ProvisionerOptions, 'policy' | 'random'>>,
): LiveProvisioner {
  const target = createLdapTarget({
    pool,
    bases: [dir.usersDn],
    anchor: 'entryUUID',
    singleValued: [
      'uidNumber',
      'gidNumber',
      'homeDirectory',
      'displayName',
      'employeeNumber',
      'preferredLanguage',
    ],
    ...setup.target,
  });
  const store = createMemoryStore({ indexes: [{ attribute: 'mail' }, { attribute: 'uid' }] });
  const logs: ProvisioningLogRecord[] = [];
  const provisioner = createProvisioner({
    connector: 'LDAP',
    target,
    store,
    mapping: setup.mapping,
    schema: buildSchemas(setup.selected, setup.directorySchema, { mapping: setup.mapping }),
    logger: (record) => logs.push(record),
    ...(setup.policy === undefined ? {} : { policy: setup.policy }),
    ...(setup.random === undefined ? {} : { random: setup.random }),
  });
  return { provisioner, target, logs, store };
}

function passwordFile(dir: RunningDirectory, name: string, password: string): string {
  const path = join(dir.workdir, `${name}.pw`);
  writeFileSync(path, password, { mode: 0o600 });
  return path;
}

/**
 * What `ldapsearch` (the OpenLDAP client, independent of our code) sees: entries as `{ dn, attr: values }`.
 * @param dir the directory
 * @param filter an LDAP filter
 * @param attributes attributes to return (default all user attributes)
 */
export async function ldapsearch(
  dir: RunningDirectory,
  filter: string,
  attributes: readonly string[] = ['*'],
): Promise<({ dn: string } & Record<string, string[]>)[]> {
  const { stdout } = await run('ldapsearch', [
    '-x',
    '-LLL',
    '-o',
    'ldif-wrap=no',
    '-H',
    dir.ldapUrl,
    '-D',
    dir.adminDn,
    '-y',
    passwordFile(dir, 'admin', dir.adminPassword),
    '-b',
    dir.baseDn,
    filter,
    ...attributes,
  ]);
  const entries: ({ dn: string } & Record<string, string[]>)[] = [];
  for (const block of stdout.split(/\n\n+/)) {
    const entry: Record<string, string[]> = {};
    for (const line of block.split('\n')) {
      const match = /^([^:]+)(::?) ?(.*)$/.exec(line);
      if (!match) continue;
      const [, name, sep, raw] = match as unknown as [string, string, string, string];
      const value = sep === '::' ? Buffer.from(raw, 'base64').toString('utf8') : raw;
      entry[name] = [...(entry[name] ?? []), value];
    }
    const dn = entry.dn?.[0];
    if (dn !== undefined) entries.push({ ...entry, dn } as { dn: string } & Record<string, string[]>);
  }
  return entries;
}

/** Whether `dn` can bind with `password` (checked with `ldapwhoami`). */
export async function canBind(dir: RunningDirectory, dn: string, password: string): Promise<boolean> {
  try {
    await run('ldapwhoami', ['-x', '-H', dir.ldapUrl, '-D', dn, '-y', passwordFile(dir, 'user', password)]);
    return true;
  } catch {
    return false;
  }
}

/** Runs an LDIF change with `ldapmodify` as the admin: a change made outside the host. */
export async function ldapmodify(dir: RunningDirectory, ldif: string): Promise<void> {
  const path = join(dir.workdir, 'change.ldif');
  writeFileSync(path, ldif);
  await run('ldapmodify', [
    '-x',
    '-H',
    dir.ldapUrl,
    '-D',
    dir.adminDn,
    '-y',
    passwordFile(dir, 'admin', dir.adminPassword),
    '-f',
    path,
  ]);
}
