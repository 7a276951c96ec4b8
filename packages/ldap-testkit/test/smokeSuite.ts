import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client, InvalidCredentialsError } from 'ldapts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DirectoryKind, type RunningDirectory, seedUid, startDirectory } from '../src/index.ts';

const run = promisify(execFile);

/** Seed users every smoke suite starts with. */
export const SEEDED = 25;

/** Whether something listens on 127.0.0.1:`port` (a TCP connect succeeds). */
export async function listening(port: number): Promise<boolean> {
  const { connect } = await import('node:net');
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Whether `pid` has exited (a zombie nobody reaped yet counts as exited). */
export function processGone(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}

/** The port of an ldap:// or ldaps:// URL. */
export function portOf(url: string): number {
  return Number(new URL(url).port);
}

/** A client bound as the directory's admin over `url`. */
export async function adminClient(dir: RunningDirectory, url = dir.ldapUrl): Promise<Client> {
  const client = new Client({ url, tlsOptions: url.startsWith('ldaps:') ? { ca: dir.caCert } : {} });
  await client.bind(dir.adminDn, dir.adminPassword);
  return client;
}

/** Runs the OpenLDAP `ldapsearch` CLI as the admin, password from a file, CA from the testkit. */
export async function ldapsearchCli(
  dir: RunningDirectory,
  url: string,
  args: readonly string[],
): Promise<string> {
  const pwFile = join(dir.workdir, 'cli-password');
  writeFileSync(pwFile, dir.adminPassword, { mode: 0o600 });
  const { stdout } = await run(
    'ldapsearch',
    ['-LLL', '-x', '-H', url, '-D', dir.adminDn, '-y', pwFile, ...args],
    {
      env: { ...process.env, LDAPTLS_CACERT: dir.caCertPath, LDAPTLS_REQCERT: 'demand' },
    },
  );
  return stdout;
}

/** Context the kind-specific tests of a smoke suite receive. */
export interface SmokeContext {
  dir(): RunningDirectory;
  /** DN of the entry the common part added (present after the "adds" test). */
  readonly addedDn: string;
}

/**
 * The checks every server must pass, in one describe block with one server started in beforeAll:
 * binds over LDAP, LDAPS and StartTLS with CA verification, Root DSE, add + read back, the seed,
 * the ldapsearch CLI, then (last) stop with the ports freed. `extra` adds kind-specific tests, which run
 * after the add and before the stop.
 */
export function describeSmoke(kind: DirectoryKind, extra: (ctx: SmokeContext) => void): void {
  describe(`${kind} through startDirectory()`, () => {
    let dir: RunningDirectory | undefined;
    const get = (): RunningDirectory => {
      if (!dir) throw new Error(`${kind} did not start`);
      return dir;
    };
    const addedDn = 'uid=smoke.test,ou=people,dc=example,dc=org';

    beforeAll(async () => {
      dir = await startDirectory({ kind, seed: { users: SEEDED } });
    });
    afterAll(async () => {
      await dir?.stop();
    });

    it('reports 127.0.0.1 URLs, the suffix, the admin and a PEM CA certificate', () => {
      const d = get();
      expect(d.kind).toBe(kind);
      expect(d.ldapUrl).toMatch(/^ldap:\/\/127\.0\.0\.1:\d+$/);
      expect(d.ldapsUrl).toMatch(/^ldaps:\/\/127\.0\.0\.1:\d+$/);
      expect(d.baseDn).toBe('dc=example,dc=org');
      expect(d.caCert).toMatch(/^-----BEGIN CERTIFICATE-----/);
      expect(existsSync(d.caCertPath)).toBe(true);
      expect(d.startupMs).toBeGreaterThan(0);
    });

    it('binds as the admin over plain LDAP and rejects a wrong password', async () => {
      const d = get();
      const client = await adminClient(d);
      await client.unbind();
      const bad = new Client({ url: d.ldapUrl });
      await expect(bad.bind(d.adminDn, `${d.adminPassword}-wrong`)).rejects.toBeInstanceOf(
        InvalidCredentialsError,
      );
      await bad.unbind();
    });

    it('binds over LDAPS, verifying the server certificate against the testkit CA', async () => {
      const d = get();
      const client = await adminClient(d, d.ldapsUrl);
      await client.unbind();
      // without the CA, the certificate must not verify
      const untrusted = new Client({ url: d.ldapsUrl, tlsOptions: { ca: [] } });
      await expect(untrusted.bind(d.adminDn, d.adminPassword)).rejects.toThrow(/certificate/i);
      await untrusted.unbind().catch(() => undefined);
    });

    it('binds after StartTLS with CA verification', async () => {
      const d = get();
      const client = new Client({ url: d.ldapUrl });
      await client.startTLS({ ca: d.caCert, servername: 'localhost' });
      await client.bind(d.adminDn, d.adminPassword);
      await client.unbind();
      const untrusted = new Client({ url: d.ldapUrl });
      await expect(untrusted.startTLS({ ca: [], servername: 'localhost' })).rejects.toThrow(/certificate/i);
      await untrusted.unbind().catch(() => undefined);
    });

    it('serves a Root DSE naming dc=example,dc=org', async () => {
      const d = get();
      const client = await adminClient(d);
      const { searchEntries } = await client.search('', {
        scope: 'base',
        attributes: ['namingContexts', '+'],
      });
      await client.unbind();
      const contexts = [searchEntries[0]?.['namingContexts'] ?? []].flat().map(String);
      expect(contexts.map((c) => c.toLowerCase())).toContain('dc=example,dc=org');
    });

    it(`holds the ${SEEDED} seed users (inetOrgPerson + posixAccount) below ${'ou=people'}`, async () => {
      const d = get();
      const client = await adminClient(d);
      const { searchEntries } = await client.search(d.usersDn, {
        scope: 'one',
        filter: '(&(objectClass=inetOrgPerson)(objectClass=posixAccount))',
        attributes: ['uid', 'uidNumber', 'mail'],
      });
      await client.unbind();
      const uids = searchEntries.map((e) => String(e['uid'])).sort();
      expect(uids).toHaveLength(SEEDED);
      expect(uids[0]).toBe(seedUid(1));
      expect(uids.at(-1)).toBe(seedUid(SEEDED));
      const first = searchEntries.find((e) => e['uid'] === seedUid(1));
      expect(first?.['uidNumber']).toBe('10001');
      expect(first?.['mail']).toBe('user00001@example.org');
    });

    it('adds an entry and reads it back', async () => {
      const d = get();
      const client = await adminClient(d);
      await client.add(addedDn, {
        objectClass: ['inetOrgPerson', 'posixAccount'],
        uid: 'smoke.test',
        cn: 'Smoke Test',
        sn: 'Test',
        uidNumber: '20001',
        gidNumber: '10000',
        homeDirectory: '/home/smoke.test',
        mail: 'smoke.test@example.org',
      });
      const { searchEntries } = await client.search(addedDn, { scope: 'base', attributes: ['mail', 'cn'] });
      await client.unbind();
      expect(searchEntries).toHaveLength(1);
      expect(searchEntries[0]?.['mail']).toBe('smoke.test@example.org');
      expect(searchEntries[0]?.['cn']).toBe('Smoke Test');
    });

    it('answers the ldapsearch CLI over LDAPS with the CA file (certificate checked)', async () => {
      const d = get();
      const out = await ldapsearchCli(d, d.ldapsUrl, ['-b', addedDn, '-s', 'base', 'uid', 'mail']);
      expect(out).toContain('uid: smoke.test');
      expect(out).toContain('mail: smoke.test@example.org');
    });

    extra({ dir: get, addedDn });

    it('stops: the process is gone, both ports are free and the workdir is removed', async () => {
      const d = get();
      await d.stop();
      expect(processGone(d.pid)).toBe(true);
      expect(await listening(portOf(d.ldapUrl))).toBe(false);
      expect(await listening(portOf(d.ldapsUrl))).toBe(false);
      expect(existsSync(d.workdir)).toBe(false);
      await d.stop(); // a second stop is a no-op
    });
  });
}
