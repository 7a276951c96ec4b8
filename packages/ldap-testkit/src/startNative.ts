import { readFileSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE_DN, baseEntries } from './baseEntries.ts';
import { trackServer, untrackServer } from './cleanupOnExit.ts';
import { freePort } from './freePort.ts';
import { escapeDnValue, type LdifEntry, toLdif } from './ldif.ts';
import { loadEntriesOnline } from './loadEntriesOnline.ts';
import { checkPrerequisites } from './prerequisites.ts';
import { required, runScript, type ScriptOutput } from './runScript.ts';
import { seedUsers } from './seedUsers.ts';
import { stopProcess } from './stopProcess.ts';
import { TestkitError } from './TestkitError.ts';
import type { DirectoryKind, RunningDirectory, StartDirectoryOptions } from './types.ts';
import { writeLdifFile } from './writeLdifFile.ts';

const ADMIN_DN: Record<DirectoryKind, string> = {
  openldap: `cn=admin,${BASE_DN}`,
  '389ds': 'cn=Directory Manager',
  apacheds: 'uid=admin,ou=system',
};

// A unix socket path must stay under 108 bytes; a long TMPDIR would break ldapi.
function tempRoot(): string {
  const dir = tmpdir();
  return dir.length <= 40 ? dir : '/tmp';
}

/**
 * Starts a directory as a native process on 127.0.0.1 through `scripts/start-<kind>.sh`: fresh workdir,
 * free ports (retried on a clash), base entries and seed users loaded (offline where the server allows).
 * @param options validated start options
 * @param adminPassword the admin password to set
 */
export async function startNative(
  options: StartDirectoryOptions,
  adminPassword: string,
): Promise<RunningDirectory> {
  const { kind } = options;
  checkPrerequisites(kind);
  const started = Date.now();
  const usersOu = options.seed?.ou ?? 'people';
  const entries = baseEntries({ kind, usersOu, ppolicy: options.ppolicy !== false });
  const seed =
    options.seed && options.seed.users > 0 ? { users: options.seed.users, ou: usersOu } : undefined;
  const offlineLoad = kind !== 'apacheds';

  let lastError: unknown;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const workdir = await mkdtemp(join(tempRoot(), `scim2ldap-${kind}-`));
    try {
      if (offlineLoad) {
        await writeLdifFile(join(workdir, 'base.ldif'), ldifOf(entries, seed ? seedUsers(seed) : []));
      }
      const ldapPort = await freePort();
      let ldapsPort = await freePort();
      while (ldapsPort === ldapPort) ldapsPort = await freePort();
      const env: Record<string, string> = {
        TESTKIT_LDAP_PORT: String(ldapPort),
        TESTKIT_LDAPS_PORT: String(ldapsPort),
        TESTKIT_ADMIN_PW: adminPassword,
        TESTKIT_OWNER_PID: String(process.pid),
        TESTKIT_ACCESSLOG: options.accesslog === false ? '0' : '1',
        TESTKIT_PPOLICY: options.ppolicy === false ? '0' : '1',
        TESTKIT_NOSYNC: options.noSync ? '1' : '0',
      };
      if (options.timeoutSeconds !== undefined) env['TESTKIT_TIMEOUT'] = String(options.timeoutSeconds);
      const out = await runScript(`start-${kind}.sh`, [workdir], env);
      const directory = toRunningDirectory(kind, out, adminPassword, usersOu, started);
      trackServer(directory.pid, workdir);
      if (!offlineLoad) {
        await loadOrStop(directory, [...entries, ...(seed ? seedUsers(seed) : [])]);
      }
      return { ...directory, startupMs: Date.now() - started };
    } catch (error) {
      await stopLeftover(workdir);
      rmSync(workdir, { recursive: true, force: true });
      lastError = error;
      const portClash = error instanceof TestkitError && /PORT_IN_USE/.test(error.message);
      if (!portClash) throw error;
    }
  }
  throw lastError;
}

/** A start script that failed after launching the server leaves its PID in server.pid: stop it. */
async function stopLeftover(workdir: string): Promise<void> {
  try {
    const pid = Number(readFileSync(join(workdir, 'server.pid'), 'utf8').trim());
    if (pid > 0) await stopProcess(pid, workdir, 10_000);
  } catch {
    // no pid file: the server never started
  }
}

function* ldifOf(entries: readonly LdifEntry[], users: Iterable<LdifEntry>): Generator<string> {
  for (const entry of entries) yield toLdif(entry);
  for (const user of users) yield toLdif(user);
}

async function loadOrStop(directory: RunningDirectory, entries: Iterable<LdifEntry>): Promise<void> {
  try {
    await loadEntriesOnline(directory, entries);
  } catch (cause) {
    await directory.stop();
    throw new TestkitError(
      'SEED_FAILED',
      `loading the base entries and seed users failed: ${String(cause)}`,
      {
        cause,
      },
    );
  }
}

function toRunningDirectory(
  kind: DirectoryKind,
  out: ScriptOutput,
  adminPassword: string,
  usersOu: string,
  started: number,
): RunningDirectory {
  const workdir = required(out, 'WORKDIR');
  const pid = Number(required(out, 'PID'));
  const caCertPath = required(out, 'CA_CERT');
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      try {
        await stopProcess(pid, workdir);
      } catch (cause) {
        throw new TestkitError('STOP_FAILED', `could not stop ${kind} (pid ${pid})`, { cause });
      } finally {
        untrackServer(pid);
      }
      const semaphore = out.get('SEMAPHORE');
      if (semaphore) rmSync(semaphore, { force: true });
      rmSync(workdir, { recursive: true, force: true });
    })();
    return stopped;
  };
  const optional = (key: string): Record<string, string> => {
    const value = out.get(key);
    return value ? { [key]: value } : {};
  };
  const o = { ...optional('LDAPI_URL'), ...optional('LDAPI_SOCKET'), ...optional('CHANGELOG_DN') };
  const client = { ...optional('CLIENT_CERT'), ...optional('CLIENT_KEY') };
  return {
    kind,
    ldapUrl: required(out, 'LDAP_URL'),
    ldapsUrl: required(out, 'LDAPS_URL'),
    ...(o['LDAPI_URL'] ? { ldapiUrl: o['LDAPI_URL'] } : {}),
    ...(o['LDAPI_SOCKET'] ? { ldapiSocketPath: o['LDAPI_SOCKET'] } : {}),
    baseDn: BASE_DN,
    usersDn: `ou=${escapeDnValue(usersOu)},${BASE_DN}`,
    adminDn: ADMIN_DN[kind],
    adminPassword,
    caCertPath,
    caCert: readFileSync(caCertPath, 'utf8'),
    ...(client['CLIENT_CERT'] ? { clientCertPath: client['CLIENT_CERT'] } : {}),
    ...(client['CLIENT_KEY'] ? { clientKeyPath: client['CLIENT_KEY'] } : {}),
    ...(o['CHANGELOG_DN'] ? { changelogDn: o['CHANGELOG_DN'] } : {}),
    workdir,
    pid,
    startupMs: Date.now() - started,
    stop,
  };
}
