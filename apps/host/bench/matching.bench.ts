// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${env:NAME} is the config file's secret syntax
// Matching queries (GET /Users?filter=<ECMA2Host>:mail eq "<value>") against a real `scim2ldap serve` with
// 100,000 users in OpenLDAP, then start-to-ready with the persisted cache of those 100,000 entries.
// Targets: p99 < 5 ms, ≥ 2,000 requests/s; start to ready < 3 s (no full re-import).
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedUid, startDirectory } from '@scim2ldap/ldap-testkit';
import { ECMA } from '../test/support/entraClient.ts';
import { type HostProcess, startHostProcess } from '../test/support/startHostProcess.ts';
import { ownCpuSeconds, processTreeCpuSeconds } from './processCpu.ts';

const users = Number(process.env.HOST_BENCH_USERS ?? 100_000);
const queries = Number(process.env.HOST_BENCH_QUERIES ?? 20_000);
const concurrency = Number(process.env.HOST_BENCH_CONCURRENCY ?? 16);
const token = 'bench-token-0123456789';
// `fetch` (undici) or `http` (node:http with a keep-alive agent: a lighter client, so less of the 2 shared
// cores goes to the load generator).
const client = process.env.HOST_BENCH_CLIENT === 'http' ? 'http' : 'fetch';
const agent = new Agent({ keepAlive: true, maxSockets: concurrency });

/** One GET; answers the status and the parsed JSON body. */
async function get(url: string, headers: Record<string, string>): Promise<{ status: number; body: unknown }> {
  if (client === 'fetch') {
    const res = await fetch(url, { headers });
    return { status: res.status, body: await res.json() };
  }
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

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
  const run = async (count: number) => {
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
        const res = await get(`${url}${filter}`, { authorization: `Bearer ${token}` });
        latencies.push(performance.now() - t);
        if (res.status !== 200) throw new Error(`GET answered ${res.status}`);
        if ((res.body as { totalResults?: number }).totalResults !== 1) misses++;
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
  await run(Math.min(2000, queries)); // warm-up
  const m = await run(queries);

  await host.stop();
  t0 = performance.now();
  host = await startHostProcess(config, { env, workdir: work, timeoutMs: 600_000 });
  const restart = (performance.now() - t0) / 1000;

  console.log(
    `\n${users.toLocaleString('en-US')} users in OpenLDAP (testkit seed), ${queries.toLocaleString('en-US')} matching GETs at concurrency ${concurrency} over plain HTTP keep-alive (client: ${client}), client in a separate process on the same ${cpus().length} cores, load average ${m.load.toFixed(1)} at the end of the run\n`,
  );
  console.log('| measure | result | target |');
  console.log('|---|---:|---|');
  console.log(`| matching GET rate | ${m.rate.toFixed(0)} req/s | ≥ 2,000 req/s |`);
  console.log(`| matching GET p50 / p99 | ${m.p50.toFixed(2)} / ${m.p99.toFixed(2)} ms | p99 < 5 ms |`);
  console.log(`| queries that did not find exactly one user | ${m.misses} | 0 |`);
  console.log(
    `| CPU per GET: host / slapd / client | ${m.cpu.host.toFixed(3)} / ${m.cpu.slapd.toFixed(3)} / ${m.cpu.client.toFixed(3)} ms | – |`,
  );
  console.log(
    `| first start (empty cache, full import of ${users.toLocaleString('en-US')}) to ready | ${firstStart.toFixed(1)} s | – |`,
  );
  console.log(
    `| restart with the persisted cache (delta import) to ready | ${restart.toFixed(2)} s | < 3 s |`,
  );
} finally {
  await host?.stop();
  await dir.stop();
  rmSync(work, { recursive: true, force: true });
}
