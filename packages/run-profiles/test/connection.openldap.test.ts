import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { type RunningDirectory, startDirectory } from '@scim2ldap/ldap-testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStore } from '@scim2ldap/anchor-store';
import {
  createConnectionPool,
  createLdapConnection,
  createLdapTarget,
  fullImport,
  LdapOperationError,
} from '../src/index.ts';
import { killServer, startServer, stopServer } from './restartServer.ts';

async function failure(promise: Promise<unknown>): Promise<LdapOperationError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(LdapOperationError);
    return error as LdapOperationError;
  }
  throw new Error('expected a failure');
}

describe('connections to OpenLDAP', () => {
  let dir: RunningDirectory;
  let restartedPid: number | undefined;

  beforeAll(async () => {
    dir = await startDirectory({ kind: 'openldap', noSync: true });
  });
  afterAll(async () => {
    if (restartedPid !== undefined) await stopServer(restartedPid);
    await dir?.stop();
  });

  const admin = (): { method: 'simple'; dn: string; password: string } => ({
    method: 'simple',
    dn: dir.adminDn,
    password: dir.adminPassword,
  });

  it('binds over LDAPS and StartTLS with the CA verified', async () => {
    for (const options of [
      { url: dir.ldapsUrl, tls: { ca: dir.caCert }, bind: admin() },
      { url: dir.ldapUrl, startTls: true, tls: { ca: dir.caCert }, bind: admin() },
    ]) {
      const connection = createLdapConnection(options);
      expect(await connection.whoAmI()).toBe(`dn:${dir.adminDn}`);
      await connection.close();
    }
  });

  it('fails with a TLS error naming the CA when the CA is wrong (LDAPS and StartTLS)', async () => {
    const wrong = readFileSync('/etc/ssl/certs/ca-certificates.crt', 'utf8');
    for (const options of [
      { url: dir.ldapsUrl, tls: { ca: wrong }, bind: admin() },
      { url: dir.ldapUrl, startTls: true, tls: { ca: wrong }, bind: admin() },
    ]) {
      const error = await failure(createLdapConnection(options).connect());
      expect(error.kind).toBe('tls');
      expect(error.message).toContain('Check that the CA certificate (tls.ca)');
      expect(error.message).not.toContain(dir.adminPassword);
    }
  });

  it('connects with insecureSkipVerify only with a warning through the logger', async () => {
    const warnings: string[] = [];
    const connection = createLdapConnection({
      url: dir.ldapsUrl,
      tls: { insecureSkipVerify: true },
      bind: admin(),
      logger: { warn: (message) => warnings.push(message) },
    });
    expect(await connection.whoAmI()).toBe(`dn:${dir.adminDn}`);
    expect(warnings.join('\n')).toContain('TLS certificate verification is OFF');
    await connection.close();
  });

  it('binds with SASL EXTERNAL using the client certificate', async () => {
    const connection = createLdapConnection({
      url: dir.ldapsUrl,
      tls: {
        ca: dir.caCert,
        cert: readFileSync(dir.clientCertPath ?? '', 'utf8'),
        key: readFileSync(dir.clientKeyPath ?? '', 'utf8'),
      },
      bind: { method: 'saslExternal' },
    });
    expect(await connection.whoAmI()).toBe(`dn:${dir.adminDn}`);
    await connection.close();
  });

  it('binds with SASL EXTERNAL over ldapi (peer credentials)', async () => {
    const connection = createLdapConnection({ url: dir.ldapiUrl ?? '', bind: { method: 'saslExternal' } });
    expect(await connection.whoAmI()).toBe(`dn:${dir.adminDn}`);
    await connection.close();
  });

  it('runs a full import over LDAPS with a client certificate, and names a missing base', async () => {
    const pool = createConnectionPool({
      url: dir.ldapsUrl,
      tls: {
        ca: dir.caCert,
        cert: readFileSync(dir.clientCertPath ?? '', 'utf8'),
        key: readFileSync(dir.clientKeyPath ?? '', 'utf8'),
      },
      bind: { method: 'saslExternal' },
      size: 1,
      healthCheckIntervalMs: 0,
    });
    try {
      for (const uid of ['tls.a', 'tls.b']) {
        await pool.use((c) =>
          c.add(`uid=${uid},${dir.usersDn}`, {
            objectClass: ['inetOrgPerson'],
            uid: [uid],
            cn: [uid],
            sn: ['S'],
          }),
        );
      }
      const store = createMemoryStore();
      const result = await fullImport({ pool, store, bases: [dir.usersDn], anchor: 'entryUUID' });
      expect(result.entries).toBe(2);
      const missing = await failure(
        fullImport({ pool, store, bases: [`ou=missing,${dir.baseDn}`], anchor: 'entryUUID' }),
      );
      expect(missing.kind).toBe('noSuchObject');
      expect(missing.message).toContain(`ou=missing,${dir.baseDn}`);
      expect((await store.listRuns({ limit: 1 }))[0]?.status).toBe('failed');
      expect(await store.count()).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it('binds anonymously', async () => {
    const connection = createLdapConnection({ url: dir.ldapUrl });
    expect(await connection.whoAmI()).toBe('');
    await connection.close();
  });

  it('tells a refused bind from an unreachable server and a timeout, never showing the password', async () => {
    const refused = await failure(
      createLdapConnection({
        url: dir.ldapUrl,
        bind: { method: 'simple', dn: dir.adminDn, password: 'Wrong-Secret-77' },
      }).connect(),
    );
    expect(refused.kind).toBe('bind');
    expect(refused.code).toBe('invalidCredentials');
    expect(refused.message).toContain(`refused the bind as "${dir.adminDn}"`);
    expect(refused.message).not.toContain('Wrong-Secret-77');

    const port = Number(new URL(dir.ldapUrl).port);
    const unreachable = await failure(
      createLdapConnection({ url: `ldap://127.0.0.1:${port === 1 ? 2 : 1}` }).connect(),
    );
    expect(unreachable.kind).toBe('network');
    expect(unreachable.message).toContain('Check the host name and port');

    // A TCP server that accepts but never answers: the operation times out.
    const net = await import('node:net');
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address() as import('node:net').AddressInfo;
    try {
      const slow = await failure(
        createLdapConnection({
          url: `ldap://127.0.0.1:${address.port}`,
          bind: admin(),
          operationTimeoutMs: 300,
        }).connect(),
      );
      expect(slow.kind).toBe('timeout');
      expect(slow.message).toContain('timed out');
    } finally {
      silent.close();
    }
  });

  it('reconnects after the server is killed and restarted; the next operation succeeds', async () => {
    const pool = createConnectionPool({
      url: dir.ldapUrl,
      startTls: true,
      tls: { ca: dir.caCert },
      bind: admin(),
      size: 2,
      healthCheckIntervalMs: 0,
      reconnect: { initialDelayMs: 50, maxDelayMs: 400, maxElapsedMs: 20_000 },
    });
    try {
      expect(await pool.use((c) => c.whoAmI())).toBe(`dn:${dir.adminDn}`);
      const argv = await killServer(dir.pid);
      // While it is down, an operation keeps retrying; bring the server back shortly after.
      const pending = pool.use((c) => c.read(dir.baseDn, ['dc']));
      await sleep(700);
      restartedPid = startServer(argv);
      const entry = await pending;
      expect(entry?.attributes['dc']).toEqual(['example']);
      expect(await pool.use((c) => c.whoAmI())).toBe(`dn:${dir.adminDn}`);
      const health = await pool.checkHealth();
      expect(health.healthy).toBeGreaterThanOrEqual(1);
    } finally {
      await pool.close();
    }
  });

  it('adds with a read-back over StartTLS and LDAPS (the multiplexed add connection is encrypted too)', async () => {
    for (const [url, startTls] of [
      [dir.ldapUrl, true],
      [dir.ldapsUrl, false],
    ] as const) {
      const pool = createConnectionPool({
        url,
        startTls,
        tls: { ca: dir.caCert },
        bind: admin(),
        size: 1,
        healthCheckIntervalMs: 0,
      });
      try {
        const target = createLdapTarget({ pool, bases: [dir.baseDn], anchor: 'entryUUID' });
        const name = `tls.add.${startTls ? 'starttls' : 'ldaps'}`;
        const entries = await Promise.all(
          [1, 2, 3].map((n) =>
            target.add({
              dn: `cn=${name}.${n},${dir.baseDn}`,
              objectClasses: ['inetOrgPerson'],
              attributes: { cn: [`${name}.${n}`], sn: [`S${n}`] },
            }),
          ),
        );
        expect(entries.map((e) => e.attributes['sn'])).toEqual([['S1'], ['S2'], ['S3']]);
      } finally {
        await pool.close();
      }
    }
  });

  /** A target over a pool of one admin connection, and a user entry with the given cn and sn. */
  const addingTarget = (options: Partial<Parameters<typeof createConnectionPool>[0]>, sn: string) => {
    const pool = createConnectionPool({
      url: dir.ldapUrl,
      bind: admin(),
      size: 1,
      healthCheckIntervalMs: 0,
      ...options,
    });
    const target = createLdapTarget({ pool, bases: [dir.baseDn], anchor: 'entryUUID' });
    const user = (name: string) => ({
      dn: `cn=${name},${dir.baseDn}`,
      objectClasses: ['inetOrgPerson'],
      attributes: { cn: [name], sn: [sn] },
    });
    return { pool, target, user };
  };

  it('adds with a read-back again after a restart: the multiplexed add connection reopens with backoff', async () => {
    const { pool, target, user } = addingTarget(
      { reconnect: { initialDelayMs: 50, maxDelayMs: 400, maxElapsedMs: 20_000 } },
      'Restart',
    );
    try {
      expect((await target.add(user('before.restart'))).anchor).not.toBe('');
      const argv = await killServer(restartedPid ?? dir.pid);
      restartedPid = undefined;
      await sleep(100); // the add connection has seen the close
      const pending = target.add(user('after.restart'));
      await sleep(700);
      restartedPid = startServer(argv);
      const entry = await pending;
      expect(entry.dn.toLowerCase()).toBe(`cn=after.restart,${dir.baseDn}`.toLowerCase());
      expect(entry.attributes['sn']).toEqual(['Restart']);
      expect(entry.anchor).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await pool.close();
    }
  });

  it('times out an add when the server stops answering (one deadline timer for all in flight), then adds again', async () => {
    const { pool, target, user } = addingTarget({ operationTimeoutMs: 500 }, 'Pause');
    const pid = restartedPid ?? dir.pid;
    try {
      expect((await target.add(user('before.pause'))).anchor).not.toBe('');
      process.kill(pid, 'SIGSTOP');
      const started = performance.now();
      const stalled = await Promise.all([
        failure(target.add(user('during.pause.1'))),
        failure(target.add(user('during.pause.2'))),
      ]);
      const waited = performance.now() - started;
      for (const error of stalled) expect(error.message).toContain('timed out');
      expect(waited).toBeGreaterThanOrEqual(450);
      process.kill(pid, 'SIGCONT');
      const entry = await target.add(user('after.pause'));
      expect(entry.attributes['sn']).toEqual(['Pause']);
    } finally {
      process.kill(pid, 'SIGCONT');
      await pool.close();
    }
  });
});
