// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${env:NAME} is the config file's secret syntax
// SCIM POST /Users at concurrency 8 through a real `scim2ldap serve` process, against 4 parallel `ldapadd`
// processes adding entries of the same shape to the same server configuration, measured in the same run.
// OpenLDAP with olcDbNoSync on (so the host's own cost shows) and with default durability. Every measurement
// gets a fresh server holding the same number of entries; the load generator is `wrk` (C, ~0.04 ms CPU per
// request — a Node client took 0.2–0.6 ms, which on 2 cores came out of the host's and slapd's share), with
// HOST_BENCH_CLIENT=fetch|http the Node clients. Each run checks that every 201 created exactly one entry.
// Env: HOST_BENCH_USERS (2000), HOST_BENCH_DURABILITY (both|nosync|default), HOST_BENCH_ROUNDS (2),
// HOST_BENCH_VARIANTS (NoMatch,CacheCheck,LDAP), HOST_BENCH_LOG, HOST_BENCH_PROFILE, HOST_BENCH_SOURCE.
// The host runs built (bundled by esbuild from the current sources, as tsup builds dist: see buildHost.ts);
// HOST_BENCH_SOURCE=tsx runs the TypeScript sources through tsx instead, as the workspace launcher does.
// Target: host rate ≥ 0.9× the ldapadd rate (noSync).
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { type RunningDirectory, startDirectory } from '@scim2ldap/ldap-testkit';
import { connectorFor } from '../test/support/connectorConfig.ts';
import { ECMA } from '../test/support/entraClient.ts';
import { ldapsearchLdif } from '../test/support/ldapsearch.ts';
import { type HostProcess, startHostProcess } from '../test/support/startHostProcess.ts';
import { benchClient, send } from './benchClient.ts';
import { buildHost } from './buildHost.ts';
import { ownCpuSeconds, processTreeCpuSeconds } from './processCpu.ts';
import { requireWrk, wrkPost } from './wrkPost.ts';

const users = Number(process.env.HOST_BENCH_USERS ?? 2000);
// `both` (default), `nosync` or `default`: which OpenLDAP durability settings to run.
const durability = process.env.HOST_BENCH_DURABILITY ?? 'both';
// `wrk` (default: the C load generator, ~0.02 ms CPU per request) or the Node clients `fetch` / `http`.
const client = process.env.HOST_BENCH_CLIENT === undefined ? 'wrk' : benchClient;
if (client === 'wrk') requireWrk();
const fromSource = process.env.HOST_BENCH_SOURCE === 'tsx';
// HOST_BENCH_CLI=<file>: a CLI built elsewhere (e.g. from an older commit, to compare builds on one machine).
const cli = fromSource ? undefined : (process.env.HOST_BENCH_CLI ?? (await buildHost()));
const token = 'bench-token-0123456789';
const token2 = 'bench-token-2-0123456789';
const token3 = 'bench-token-3-0123456789';

function entry(prefix: string, n: number, baseDn: string) {
  const id = `${prefix}${String(n).padStart(6, '0')}`;
  return {
    dn: `cn=${id},${baseDn}`,
    attributes: {
      objectClass: ['inetOrgPerson', 'posixAccount', 'shadowAccount'],
      cn: [id],
      sn: ['Bench'],
      mail: [`${id}@contoso.com`],
      uid: [id],
      uidNumber: [String(100_000 + n)],
      gidNumber: ['10000'],
      homeDirectory: [`/home/${id}`],
    },
  };
}

interface Measured {
  rate: number;
  /** Answers other than 201 (wrk runs; the Node clients throw on the first). */
  failures?: string;
  p50?: number;
  p99?: number;
  /** CPU ms per entry: the writer (host or the ldapadd processes), slapd, the HTTP client. */
  cpu: { writer: number; slapd: number; client: number };
}

async function ldapaddRate(dir: RunningDirectory, count: number, prefix: string): Promise<Measured> {
  let ldapaddCpu = 0;
  const chunks = [0, 1, 2, 3].map((w) => {
    const lines: string[] = [];
    for (let n = w; n < count; n += 4) {
      const e = entry(prefix, n, dir.baseDn);
      lines.push(`dn: ${e.dn}`);
      for (const [k, vs] of Object.entries(e.attributes)) for (const v of vs) lines.push(`${k}: ${v}`);
      lines.push('');
    }
    return lines.join('\n');
  });
  const slapd0 = processTreeCpuSeconds(dir.pid);
  const t0 = performance.now();
  await Promise.all(
    chunks.map(
      (ldif) =>
        new Promise<void>((resolve, reject) => {
          const p = spawn('ldapadd', ['-x', '-H', dir.ldapUrl, '-D', dir.adminDn, '-w', dir.adminPassword], {
            stdio: ['pipe', 'ignore', 'inherit'],
          });
          const pid = p.pid ?? 0;
          let last = 0;
          const poll = setInterval(() => {
            last = processTreeCpuSeconds(pid) || last;
          }, 20);
          p.on('exit', (code) => {
            clearInterval(poll);
            ldapaddCpu += last; // sampled every 20 ms until exit: a slight under-count
            code === 0 ? resolve() : reject(new Error(`ldapadd exited ${code}`));
          });
          p.stdin.end(ldif);
        }),
    ),
  );
  const seconds = (performance.now() - t0) / 1000;
  const slapd = processTreeCpuSeconds(dir.pid) - slapd0;
  return {
    rate: count / seconds,
    cpu: { writer: (ldapaddCpu * 1000) / count, slapd: (slapd * 1000) / count, client: 0 },
  };
}

type Variant = 'LDAP' | 'CacheCheck' | 'NoMatch';
const tokens: Record<Variant, string> = { LDAP: token, CacheCheck: token3, NoMatch: token2 };

async function hostRate(
  dir: RunningDirectory,
  host: HostProcess,
  variant: Variant,
  count = users,
  prefix = `post${variant.toLowerCase()}`,
): Promise<Measured> {
  const url = `${host.baseUrl}/ecma2host_${variant}/scim/Users`;
  if (client === 'wrk') return hostRateWrk(dir, host, url, variant, count, prefix);
  let next = 0;
  const latencies: number[] = [];
  const worker = async () => {
    for (;;) {
      const n = next++;
      if (n >= count) return;
      const e = entry(prefix, n, dir.baseDn);
      const body = {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        [ECMA]: {
          '-dn-': e.dn,
          ...Object.fromEntries(
            Object.entries(e.attributes).map(([k, v]) => [k, k === 'objectClass' ? v : v[0]]),
          ),
        },
      };
      const t = performance.now();
      const res = await send(
        'POST',
        url,
        { authorization: `Bearer ${tokens[variant]}`, 'content-type': 'application/scim+json' },
        JSON.stringify(body),
      );
      latencies.push(performance.now() - t);
      if (res.status !== 201) throw new Error(`POST answered ${res.status}`);
    }
  };
  const cpu0 = [
    processTreeCpuSeconds(host.process.pid ?? 0),
    processTreeCpuSeconds(dir.pid),
    ownCpuSeconds(),
  ];
  const t0 = performance.now();
  await Promise.all(Array.from({ length: 8 }, worker));
  const seconds = (performance.now() - t0) / 1000;
  const cpu1 = [
    processTreeCpuSeconds(host.process.pid ?? 0),
    processTreeCpuSeconds(dir.pid),
    ownCpuSeconds(),
  ];
  const per = (i: number) => ((cpu1[i]! - cpu0[i]!) * 1000) / count;
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  return {
    rate: count / seconds,
    p50: q(0.5),
    p99: q(0.99),
    cpu: { writer: per(0), slapd: per(1), client: per(2) },
  };
}

/** How many entries under the base DN have a cn starting with `prefix`, as ldapsearch sees them. */
function countEntries(dir: RunningDirectory, prefix: string): number {
  return ldapsearchLdif(dir, `(cn=${prefix}*)`, ['1.1'])
    .split('\n')
    .filter((l) => l.startsWith('dn:')).length;
}

async function hostRateWrk(
  dir: RunningDirectory,
  host: HostProcess,
  url: string,
  variant: Variant,
  count: number,
  prefix: string,
): Promise<Measured> {
  const cpu0 = [processTreeCpuSeconds(host.process.pid ?? 0), processTreeCpuSeconds(dir.pid)];
  const run = await wrkPost({
    url,
    token: tokens[variant],
    count,
    connections: 8,
    prefix,
    baseDn: dir.baseDn,
    ecma: ECMA,
  });
  const cpu1 = [processTreeCpuSeconds(host.process.pid ?? 0), processTreeCpuSeconds(dir.pid)];
  const per = (i: number) => ((cpu1[i]! - cpu0[i]!) * 1000) / count;
  // Every 201 must stand for exactly one new entry, and nothing may be created without one.
  const entries = countEntries(dir, prefix);
  if (entries !== run.created)
    throw new Error(
      `${variant}: ${run.created} POSTs answered 201 but the directory holds ${entries} entries`,
    );
  const failed = Object.entries(run.failures);
  return {
    rate: run.rate,
    ...(failed.length === 0 ? {} : { failures: failed.map(([s, n]) => `${n}× ${s}`).join(', ') }),
    p50: run.p50Ms,
    p99: run.p99Ms,
    cpu: { writer: per(0), slapd: per(1), client: (run.cpuSeconds * 1000) / count },
  };
}

const rows: string[] = [];
const settings = durability === 'nosync' ? [true] : durability === 'default' ? [false] : [true, false];
const fmt = (m: Measured) =>
  `${m.cpu.writer.toFixed(2)} / ${m.cpu.slapd.toFixed(2)} / ${m.cpu.client.toFixed(2)}`;
// Entries every measured server already holds: the host's warm-up creates (JIT, modules tsx compiles on
// first use, SQLite page cache, pool connections), or as many entries added by ldapadd for the baseline, so
// both sides add to a directory of the same size (slapd's cost per add grows with its database).
const warmup = 1500;
const rounds = Number(process.env.HOST_BENCH_ROUNDS ?? 2);
// HOST_BENCH_VARIANTS=LDAP,NoMatch measures only those (names as in `tokens`).
const wanted = process.env.HOST_BENCH_VARIANTS?.split(',');
const variants = (['NoMatch', 'CacheCheck', 'LDAP'] as const).filter((v) => !wanted || wanted.includes(v));
const names: Record<Variant, string> = {
  LDAP: 'POST /Users ×8, matching on mail',
  CacheCheck: 'POST /Users ×8, matching on mail, duplicateCheck: cache',
  NoMatch: 'POST /Users ×8, no matching attribute',
};

/** Starts the host with one connector of this variant against `dir`. */
function startBenchHost(dir: RunningDirectory, name: Variant): Promise<HostProcess> {
  const connector = connectorFor(dir, {
    name,
    secretToken: ['${env:BENCH_TOKEN_', name.toUpperCase(), '}'].join(''),
    auxiliaryClasses: ['posixAccount', 'shadowAccount'],
    attributes: ['-dn-', 'objectClass', 'cn', 'sn', 'mail', 'uid', 'uidNumber', 'gidNumber', 'homeDirectory'],
    mapping: { preset: 'none' },
    matching: name === 'NoMatch' ? [] : [{ attribute: 'mail', precedence: 1 }],
    duplicateCheck: name === 'CacheCheck' ? 'cache' : 'directory',
  });
  return startHostProcess(
    {
      // HOST_BENCH_LOG=<file> keeps the provisioning log (which LDAP operations each POST sent).
      server: { tls: { mode: 'off' }, log: { file: process.env.HOST_BENCH_LOG ?? '/dev/null' } },
      connectors: [connector],
    },
    {
      env: { [`BENCH_TOKEN_${name.toUpperCase()}`]: tokens[name], TEST_BIND_PASSWORD: dir.adminPassword },
      ...(cli === undefined ? {} : { cli }),
      // HOST_BENCH_PROFILE=<dir>: a V8 CPU profile of the host process (open it in Chrome DevTools);
      // HOST_BENCH_PROFILE=perf: JS frames named for `perf record -p <host pid>` (/tmp/perf-<pid>.map).
      ...(process.env.HOST_BENCH_PROFILE === undefined
        ? {}
        : {
            nodeArgs:
              process.env.HOST_BENCH_PROFILE === 'perf'
                ? ['--perf-basic-prof']
                : [
                    '--cpu-prof',
                    '--cpu-prof-interval=250',
                    `--cpu-prof-dir=${process.env.HOST_BENCH_PROFILE}`,
                  ],
          }),
    },
  );
}

/** One measurement on a fresh server: the baseline or one host variant. */
async function measure(noSync: boolean, side: 'ldapadd' | Variant, round: number): Promise<Measured> {
  const dir = await startDirectory({ kind: 'openldap', noSync });
  let host: HostProcess | undefined;
  try {
    if (side === 'ldapadd') {
      await ldapaddRate(dir, warmup, 'prefill');
      return await ldapaddRate(dir, users, `ldapadd${round}x`);
    }
    host = await startBenchHost(dir, side);
    await hostRate(dir, host, side, warmup, `warmup${side.toLowerCase()}`);
    return await hostRate(dir, host, side, users, `post${side.toLowerCase()}${round}x`);
  } finally {
    await host?.stop();
    await dir.stop();
  }
}

const rate = (m: Measured) => m.rate;
for (const noSync of settings) {
  const label = noSync ? 'olcDbNoSync on' : 'default durability';
  const sides = ['ldapadd', ...variants] as const;
  const results = new Map<string, Measured[]>(sides.map((side) => [side, []]));
  for (let round = 0; round < (noSync ? rounds : 1); round++)
    for (const side of sides) results.get(side)?.push(await measure(noSync, side, round));
  const best = (side: string): Measured => results.get(side)!.reduce((a, b) => (rate(b) > rate(a) ? b : a));
  const all = (side: string) =>
    results.get(side)!.length < 2
      ? ''
      : ` (${results
          .get(side)!
          .map((m) => m.rate.toFixed(0))
          .join(', ')})`;
  const base = best('ldapadd');
  rows.push(
    `| ${label} | 4× ldapadd | ${base.rate.toFixed(0)}${all('ldapadd')} | 1.00× | – | – | ${fmt(base)} | – |`,
  );
  for (const variant of variants) {
    const m = best(variant);
    rows.push(
      `| ${label} | ${names[variant]} | ${m.rate.toFixed(0)}${all(variant)} | ${(m.rate / base.rate).toFixed(2)}× | ${m.p50?.toFixed(1)} | ${m.p99?.toFixed(1)} | ${fmt(m)} | ${m.failures ?? 0} |`,
    );
  }
  rows.push(`| ${label} | (load average at the end) | ${loadavg()[0]?.toFixed(1)} | | | | | |`);
}
console.log(
  `\n${users} entries per measurement (inetOrgPerson + posixAccount + shadowAccount, 8 attributes), each on a fresh OpenLDAP (testkit) already holding ${warmup} entries (the host's warm-up creates, or as many added by ldapadd); host ${cli === undefined ? 'from the TypeScript sources through tsx' : 'built (esbuild bundle of the sources)'} over plain HTTP (client: ${client}, 8 connections); best of ${rounds} rounds with noSync (all rounds in brackets), CPU from that round\n`,
);
console.log(
  '| OpenLDAP | writer | entries/s | vs ldapadd | p50 ms | p99 ms | CPU ms per entry: writer / slapd / client | non-201 |',
);
console.log('|---|---|---:|---:|---:|---:|---:|---:|');
console.log(rows.join('\n'));
