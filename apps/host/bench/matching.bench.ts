// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${env:NAME} is the config file's secret syntax
// Matching queries (GET /Users?filter=<ECMA2Host>:mail eq "<value>") against a real `scim2ldap serve` with
// 100,000 users in OpenLDAP, then start-to-ready with the persisted cache of those 100,000 entries.
// Targets: p99 < 5 ms, ≥ 2,000 requests/s; start to ready < 3 s (no full re-import).
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedUid, startDirectory } from '@scim2ldap/ldap-testkit';
import { ECMA } from '../test/support/entraClient.ts';
import { type HostProcess, startHostProcess } from '../test/support/startHostProcess.ts';
import { benchClient as client, send } from './benchClient.ts';
import { ownCpuSeconds, processTreeCpuSeconds } from './processCpu.ts';

const users = Number(process.env.HOST_BENCH_USERS ?? 100_000);
const queries = Number(process.env.HOST_BENCH_QUERIES ?? 20_000);
// Comma-separated: each concurrency is measured in turn on the same host.
const concurrencies = (process.env.HOST_BENCH_CONCURRENCY ?? '4,16').split(',').map(Number);
const token = 'bench-token-0123456789';
const dir = await startDirectory({ kind: 'openldap', seed: { users } });
const work = mkdtempSync(join(tmpdir(), 'scim2ldap-bench-'));
let host: HostProcess | undefined;
const config = {
  server: { tls: { mode: 'off' }, log: { file: '/dev/null' } },
  connectors: [
    {
      name: 'LDAP',
      secretToken: '${env:BENCH_TOKEN}',
      autosyncMinutes: 0,
      connectivity: {
        host: '127.0.0.1',
        port: Number(new URL(dir.ldapUrl).port),
        bind: { type: 'simple', dn: dir.adminDn, password: '${env:BENCH_BIND}' },
      },
      partitions: [{ dn: dir.baseDn, containers: [dir.usersDn] }],
      objectClass: 'inetOrgPerson',
      attributes: [
        '-dn-',
        'objectClass',
        'cn',
        'sn',
        'mail',
        'uid',
        'uidNumber',
        'gidNumber',
        'homeDirectory',
        'employeeNumber',
      ],
      mapping: { preset: 'none' },
      matching: [{ attribute: 'mail', precedence: 1 }],
    },
  ],
};
const env = { BENCH_TOKEN: token, BENCH_BIND: dir.adminPassword };
try {
  let t0 = performance.now();
  host = await startHostProcess(config, { env, workdir: work, timeoutMs: 600_000 });
  const firstStart = (performance.now() - t0) / 1000;

  const url = `${host.baseUrl}/ecma2host_LDAP/scim/Users?filter=`;
  const run = async (count: number, concurrency: number) => {
    let next = 0;
    const latencies: number[] = [];
    let misses = 0;
    const worker = async () => {
      for (;;) {
        const i = next++;
        if (i >= count) return;
        const n = 1 + ((i * 7919) % users);
        const filter = encodeURIComponent(`${ECMA}:mail eq "${seedUid(n)}@example.org"`);
        const t = performance.now();
        const res = await send('GET', `${url}${filter}`, { authorization: `Bearer ${token}` });
        latencies.push(performance.now() - t);
        if (res.status !== 200) throw new Error(`GET answered ${res.status}`);
        if ((JSON.parse(res.text) as { totalResults?: number }).totalResults !== 1) misses++;
      }
    };
    const hostPid = host?.process.pid ?? 0;
    const cpu0 = [processTreeCpuSeconds(hostPid), processTreeCpuSeconds(dir.pid), ownCpuSeconds()];
    const start = performance.now();
    await Promise.all(Array.from({ length: concurrency }, worker));
    const seconds = (performance.now() - start) / 1000;
    const cpu1 = [processTreeCpuSeconds(hostPid), processTreeCpuSeconds(dir.pid), ownCpuSeconds()];
    const perRequestMs = (i: number) => ((cpu1[i]! - cpu0[i]!) * 1000) / count;
    latencies.sort((a, b) => a - b);
    const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
    return {
      rate: count / seconds,
      p50: q(0.5),
      p99: q(0.99),
      misses,
      cpu: { host: perRequestMs(0), slapd: perRequestMs(1), client: perRequestMs(2) },
      load: loadavg()[0] ?? 0,
    };
  };
  await run(Math.min(2000, queries), 4); // warm-up
  const measured: Array<{ concurrency: number } & Awaited<ReturnType<typeof run>>> = [];
  for (const concurrency of concurrencies)
    measured.push({ concurrency, ...(await run(queries, concurrency)) });

  await host.stop();
  t0 = performance.now();
  host = await startHostProcess(config, { env, workdir: work, timeoutMs: 600_000 });
  const restart = (performance.now() - t0) / 1000;

  const cells = (f: (m: (typeof measured)[number]) => string) => measured.map(f).join(' | ');
  console.log(
    `\n${users.toLocaleString('en-US')} users in OpenLDAP (testkit seed), ${queries.toLocaleString('en-US')} matching GETs per concurrency over plain HTTP keep-alive (client: ${client}), client in a separate process on the same ${cpus().length} cores\n`,
  );
  console.log(`| measure | ${cells((m) => `concurrency ${m.concurrency}`)} | target |`);
  console.log(`|---|${measured.map(() => '---:|').join('')}---|`);
  console.log(`| matching GET rate (req/s) | ${cells((m) => m.rate.toFixed(0))} | ≥ 2,000 |`);
  console.log(
    `| matching GET p50 / p99 (ms) | ${cells((m) => `${m.p50.toFixed(2)} / ${m.p99.toFixed(2)}`)} | p99 < 5 |`,
  );
  console.log(`| queries not finding exactly one user | ${cells((m) => String(m.misses))} | 0 |`);
  console.log(
    `| CPU ms per GET: host / slapd / client | ${cells((m) => `${m.cpu.host.toFixed(3)} / ${m.cpu.slapd.toFixed(3)} / ${m.cpu.client.toFixed(3)}`)} | – |`,
  );
  console.log(`| load average at the end | ${cells((m) => m.load.toFixed(1))} | – |`);
  console.log(
    `\n| start | to ready | target |\n|---|---:|---|\n| first start (empty cache, full import of ${users.toLocaleString('en-US')}) | ${firstStart.toFixed(1)} s | – |\n| restart with the persisted cache (delta import) | ${restart.toFixed(2)} s | < 3 s |`,
  );
} finally {
  await host?.stop();
  await dir.stop();
  rmSync(work, { recursive: true, force: true });
}
