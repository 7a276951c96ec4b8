import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/loadConfig.ts';
import { createLogger } from '../log/createLogger.ts';
import { createImportScheduler } from './createImportScheduler.ts';
import type { ConnectorFactory } from './startHost.ts';
import { startHost } from './startHost.ts';

const config = (stateDir: string) =>
  parseConfig({
    server: { tls: { mode: 'off' }, port: 0, listen: '127.0.0.1', stateDir },
    connectors: [
      {
        name: 'LDAP',
        secretToken: 'start-host-token-123',
        connectivity: { host: '127.0.0.1' },
        objectClass: 'inetOrgPerson',
        autosyncMinutes: 0,
      },
    ],
  });

describe('startHost', () => {
  it('starts when a directory is down, reports it on /readyz, and connects once it comes up', async () => {
    const lines: string[] = [];
    let attempts = 0;
    const factory: ConnectorFactory = async (c, deps) => {
      attempts++;
      if (attempts === 1) throw new Error('connect ECONNREFUSED 127.0.0.1:389');
      const scheduler = createImportScheduler({
        connector: c.name,
        full: async () => ({ entries: 3 }),
        count: async () => 3,
        autosyncMinutes: 0,
        logger: deps.logger,
        metrics: deps.metrics,
      });
      return {
        scheduler,
        hosted: {
          name: c.name,
          tokenDigest: deps.tokenDigest,
          status: () => scheduler.status(),
          checkDirectory: async () => true,
          cache: async (startIndex) => ({ totalResults: 3, startIndex, itemsPerPage: 0, entries: [] }),
          users: {} as never,
        },
        close: async () => {},
      };
    };
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const host = await startHost(config(mkdtempSync(join(tmpdir(), 'scim2ldap-start-'))), {
      createConnector: factory,
      logger: createLogger({ write: (l) => lines.push(l) }),
      retryMs: 400,
    });
    try {
      const first = await fetch(`${host.url}/readyz`);
      expect(first.status).toBe(503);
      expect(await first.json()).toMatchObject({
        connectors: [{ name: 'LDAP', phase: 'failed', message: expect.stringContaining('ECONNREFUSED') }],
      });
      const probe = await fetch(`${host.url}/ecma2host_LDAP/scim/Users?filter=x`, {
        headers: { authorization: 'Bearer start-host-token-123' },
      });
      expect(probe.status).toBe(503);
      expect(probe.headers.get('retry-after')).not.toBeNull();
      expect((await fetch(`${host.url}/healthz`)).status).toBe(200);
      let ready = 503;
      for (let i = 0; i < 100 && ready !== 200; i++) {
        await new Promise((r) => setTimeout(r, 20));
        ready = (await fetch(`${host.url}/readyz`)).status;
      }
      expect(ready).toBe(200);
      expect(attempts).toBe(2);
      expect(lines.join('')).toContain('connector connected after a failed start');
    } finally {
      await host.close();
    }
  });

  it('serves HTTPS with the configured certificate files and shows them on /readyz', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { ensureCertificate } = await import('../tls/ensureCertificate.ts');
    const { requestHost } = await import('../cli/requestHost.ts');
    const dir = mkdtempSync(join(tmpdir(), 'scim2ldap-files-'));
    const made = ensureCertificate(join(dir, 'ca'), { hostnames: ['app3.contoso.lab'], validityDays: 10 });
    const cfg = parseConfig(
      {
        server: {
          tls: { mode: 'files', certFile: 'ca/cert.pem', keyFile: 'ca/key.pem' },
          port: 0,
          listen: '127.0.0.1',
          stateDir: join(dir, 'state'),
        },
        connectors: [
          {
            name: 'LDAP',
            secretToken: 'start-host-token-123',
            connectivity: { host: '127.0.0.1' },
            objectClass: 'inetOrgPerson',
          },
        ],
      },
      { baseDir: dir },
    );
    const factory: ConnectorFactory = async () => {
      throw new Error('no directory in this test');
    };
    const host = await startHost(cfg, {
      createConnector: factory,
      logger: createLogger({ write: () => {} }),
      retryMs: 60_000,
    });
    try {
      expect(host.url).toMatch(/^https:/);
      const res = await requestHost(`${host.url.replace('localhost', '127.0.0.1')}/readyz`, {
        ca: made.cert,
      });
      const body = JSON.parse(res.text);
      expect(body.certificate).toMatchObject({ origin: 'configured', fingerprint256: made.fingerprint256 });
      expect(body.certificate.daysLeft).toBeLessThanOrEqual(10);
    } finally {
      await host.close();
    }
  });
});

describe('createImportScheduler', () => {
  const deps = async () => {
    const { createHostMetrics } = await import('../metrics/hostMetrics.ts');
    return { logger: createLogger({ write: () => {} }), metrics: createHostMetrics() };
  };

  it('runs a full import into an empty cache and a delta import into a filled one, never two at once', async () => {
    const calls: string[] = [];
    let running = 0;
    let overlapped = false;
    const work = (name: string) => async () => {
      running++;
      if (running > 1) overlapped = true;
      calls.push(name);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      return { entries: 1 };
    };
    const d = await deps();
    const empty = createImportScheduler({
      connector: 'A',
      full: work('full'),
      delta: work('delta'),
      count: async () => 0,
      autosyncMinutes: 0,
      ...d,
    });
    empty.start();
    await empty.initialImport();
    expect(calls).toEqual(['full']);
    expect(empty.status()).toMatchObject({ phase: 'ready', initialImportDone: true });
    await Promise.all([empty.run('delta'), empty.run('full'), empty.run('delta')]);
    expect(overlapped).toBe(false);
    expect(calls).toEqual(['full', 'delta', 'full', 'delta']);

    calls.length = 0;
    const filled = createImportScheduler({
      connector: 'B',
      full: work('full'),
      delta: work('delta'),
      count: async () => 10,
      autosyncMinutes: 0,
      ...d,
    });
    filled.start();
    await filled.initialImport();
    expect(calls).toEqual(['delta']);
  });

  it('reports a failed initial import and is not ready', async () => {
    const d = await deps();
    const s = createImportScheduler({
      connector: 'C',
      full: async () => {
        throw new Error('sizeLimitExceeded');
      },
      count: async () => 0,
      autosyncMinutes: 0,
      retryMs: 60_000,
      ...d,
    });
    s.start();
    await s.initialImport();
    expect(s.status()).toMatchObject({
      phase: 'failed',
      initialImportDone: false,
      error: 'sizeLimitExceeded',
    });
    expect(s.status().lastRuns[0]).toMatchObject({ profile: 'full', outcome: 'failed' });
    s.stop();
  });
});
