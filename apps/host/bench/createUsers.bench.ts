// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${env:NAME} is the config file's secret syntax
// SCIM POST /Users at concurrency 8 through a real `scim2ldap serve` process, against 4 parallel `ldapadd`
// processes adding entries of the same shape to the same server, measured in the same run. OpenLDAP with
// olcDbNoSync on (so the host's own cost shows) and with default durability.
// Target: host rate ≥ 0.9× the ldapadd rate (noSync).
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { type RunningDirectory, startDirectory } from '@scim2ldap/ldap-testkit';
import { ECMA } from '../test/support/entraClient.ts';
import { type HostProcess, startHostProcess } from '../test/support/startHostProcess.ts';
import { benchClient, send } from './benchClient.ts';
import { ownCpuSeconds, processTreeCpuSeconds } from './processCpu.ts';

const users = Number(process.env.HOST_BENCH_USERS ?? 2000);
// `both` (default), `nosync` or `default`: which OpenLDAP durability settings to run.
const durability = process.env.HOST_BENCH_DURABILITY ?? 'both';
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
  p50?: number;
  p99?: number;
  /** CPU ms per entry: the writer (host or the ldapadd processes), slapd, the HTTP client. */
  cpu: { writer: number; slapd: number; client: number };
}

async function ldapaddRate(dir: RunningDirectory): Promise<Measured> {
  let ldapaddCpu = 0;
  const chunks = [0, 1, 2, 3].map((w) => {
    const lines: string[] = [];
    for (let n = w; n < users; n += 4) {
      const e = entry('ldapadd', n, dir.baseDn);
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
    rate: users / seconds,
    cpu: { writer: (ldapaddCpu * 1000) / users, slapd: (slapd * 1000) / users, client: 0 },
  };
}

type Variant = 'LDAP' | 'CacheCheck' | 'NoMatch';
const tokens: Record<Variant, string> = { LDAP: token, CacheCheck: token3, NoMatch: token2 };

async function hostRate(
  dir: RunningDirectory,
  host: HostProcess,
  variant: Variant,
  count = users,
  prefix = variant.toLowerCase(),
): Promise<Measured> {
  const url = `${host.baseUrl}/ecma2host_${variant}/scim/Users`;
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

const rows: string[] = [];
const settings = durability === 'nosync' ? [true] : durability === 'default' ? [false] : [true, false];
const fmt = (m: Measured) =>
  `${m.cpu.writer.toFixed(2)} / ${m.cpu.slapd.toFixed(2)} / ${m.cpu.client.toFixed(2)}`;
for (const noSync of settings) {
  const dir = await startDirectory({ kind: 'openldap', noSync });
  let host: HostProcess | undefined;
  try {
    const connector = (name: Variant) => ({
      name,
      secretToken: ['${env:BENCH_TOKEN_', name.toUpperCase(), '}'].join(''),
      autosyncMinutes: 0,
      connectivity: {
        host: '127.0.0.1',
        port: Number(new URL(dir.ldapUrl).port),
        bind: { type: 'simple', dn: dir.adminDn, password: '${env:BENCH_BIND}' },
      },
      partitions: [{ dn: dir.baseDn }],
      objectClass: 'inetOrgPerson',
      auxiliaryClasses: ['posixAccount', 'shadowAccount'],
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
      ],
      mapping: { preset: 'none' },
      matching: name === 'NoMatch' ? [] : [{ attribute: 'mail', precedence: 1 }],
      duplicateCheck: name === 'CacheCheck' ? 'cache' : 'directory',
    });
    host = await startHostProcess(
      {
        server: { tls: { mode: 'off' }, log: { file: '/dev/null' } },
        connectors: [connector('LDAP'), connector('CacheCheck'), connector('NoMatch')],
      },
      {
        env: {
          BENCH_TOKEN_LDAP: token,
          BENCH_TOKEN_NOMATCH: token2,
          BENCH_TOKEN_CACHECHECK: token3,
          BENCH_BIND: dir.adminPassword,
        },
      },
    );
    // Warm-up of every connector (JIT, modules tsx compiles on first use, SQLite page cache, pool
    // connections): without it the first variant measured costs ~0.4 ms more host CPU per create.
    for (const variant of ['LDAP', 'CacheCheck', 'NoMatch'] as const)
      await hostRate(dir, host, variant, 500, `warmup${variant.toLowerCase()}`);
    const base = await ldapaddRate(dir);
    // HOST_BENCH_ORDER=reverse runs the variants the other way round (to tell order effects from costs).
    const order: Variant[] = ['LDAP', 'CacheCheck', 'NoMatch'];
    if (process.env.HOST_BENCH_ORDER === 'reverse') order.reverse();
    const measured = new Map<Variant, Measured>();
    for (const variant of order) measured.set(variant, await hostRate(dir, host, variant));
    const withMatch = measured.get('LDAP')!;
    const cacheCheck = measured.get('CacheCheck')!;
    const noMatch = measured.get('NoMatch')!;
    const label = noSync ? 'olcDbNoSync on' : 'default durability';
    rows.push(`| ${label} | 4× ldapadd | ${base.rate.toFixed(0)} | 1.00× | – | – | ${fmt(base)} |`);
    const row = (name: string, m: Measured) =>
      rows.push(
        `| ${label} | ${name} | ${m.rate.toFixed(0)} | ${(m.rate / base.rate).toFixed(2)}× | ${m.p50?.toFixed(1)} | ${m.p99?.toFixed(1)} | ${fmt(m)} |`,
      );
    row('POST /Users ×8, matching on mail', withMatch);
    row('POST /Users ×8, matching on mail, duplicateCheck: cache', cacheCheck);
    row('POST /Users ×8, no matching attribute', noMatch);
    rows.push(`| ${label} | (load average at the end) | ${loadavg()[0]?.toFixed(1)} | | | | |`);
  } finally {
    await host?.stop();
    await dir.stop();
  }
}
console.log(
  `\n${users} entries each (inetOrgPerson + posixAccount + shadowAccount, 8 attributes), OpenLDAP (testkit), host over plain HTTP (client: ${benchClient}, 500 warm-up creates per connector first)\n`,
);
console.log(
  '| OpenLDAP | writer | entries/s | vs ldapadd | p50 ms | p99 ms | CPU ms per entry: writer / slapd / client |',
);
console.log('|---|---|---:|---:|---:|---:|---:|');
console.log(rows.join('\n'));
