// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${env:NAME} is the config file's secret syntax
// SCIM POST /Users at concurrency 8 through a real `scim2ldap serve` process, against 4 parallel `ldapadd`
// processes adding entries of the same shape to the same server, measured in the same run. OpenLDAP with
// olcDbNoSync on (so the host's own cost shows) and with default durability.
// Target: host rate ≥ 0.9× the ldapadd rate (noSync).
import { spawn } from 'node:child_process';
import { type RunningDirectory, startDirectory } from '@scim2ldap/ldap-testkit';
import { ECMA } from '../test/support/entraClient.ts';
import { type HostProcess, startHostProcess } from '../test/support/startHostProcess.ts';

const users = Number(process.env.HOST_BENCH_USERS ?? 2000);
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

async function ldapaddRate(dir: RunningDirectory): Promise<number> {
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
  const t0 = performance.now();
  await Promise.all(
    chunks.map(
      (ldif) =>
        new Promise<void>((resolve, reject) => {
          const p = spawn('ldapadd', ['-x', '-H', dir.ldapUrl, '-D', dir.adminDn, '-w', dir.adminPassword], {
            stdio: ['pipe', 'ignore', 'inherit'],
          });
          p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`ldapadd exited ${code}`))));
          p.stdin.end(ldif);
        }),
    ),
  );
  return users / ((performance.now() - t0) / 1000);
}

type Variant = 'LDAP' | 'CacheCheck' | 'NoMatch';
const tokens: Record<Variant, string> = { LDAP: token, CacheCheck: token3, NoMatch: token2 };

async function hostRate(
  dir: RunningDirectory,
  host: HostProcess,
  variant: Variant,
): Promise<{ rate: number; p50: number; p99: number }> {
  const url = `${host.baseUrl}/ecma2host_${variant}/scim/Users`;
  const prefix = variant.toLowerCase();
  let next = 0;
  const latencies: number[] = [];
  const worker = async () => {
    for (;;) {
      const n = next++;
      if (n >= users) return;
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
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${tokens[variant]}`,
          'content-type': 'application/scim+json',
        },
        body: JSON.stringify(body),
      });
      await res.arrayBuffer();
      latencies.push(performance.now() - t);
      if (res.status !== 201) throw new Error(`POST answered ${res.status}`);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: 8 }, worker));
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  return { rate: users / seconds, p50: q(0.5), p99: q(0.99) };
}

const rows: string[] = [];
for (const noSync of [true, false]) {
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
    const base = await ldapaddRate(dir);
    const withMatch = await hostRate(dir, host, 'LDAP');
    const cacheCheck = await hostRate(dir, host, 'CacheCheck');
    const noMatch = await hostRate(dir, host, 'NoMatch');
    const label = noSync ? 'olcDbNoSync on' : 'default durability';
    rows.push(`| ${label} | 4× ldapadd | ${base.toFixed(0)} | 1.00× | – | – |`);
    rows.push(
      `| ${label} | POST /Users ×8, matching on mail | ${withMatch.rate.toFixed(0)} | ${(withMatch.rate / base).toFixed(2)}× | ${withMatch.p50.toFixed(1)} | ${withMatch.p99.toFixed(1)} |`,
    );
    rows.push(
      `| ${label} | POST /Users ×8, matching on mail, duplicateCheck: cache | ${cacheCheck.rate.toFixed(0)} | ${(cacheCheck.rate / base).toFixed(2)}× | ${cacheCheck.p50.toFixed(1)} | ${cacheCheck.p99.toFixed(1)} |`,
    );
    rows.push(
      `| ${label} | POST /Users ×8, no matching attribute | ${noMatch.rate.toFixed(0)} | ${(noMatch.rate / base).toFixed(2)}× | ${noMatch.p50.toFixed(1)} | ${noMatch.p99.toFixed(1)} |`,
    );
  } finally {
    await host?.stop();
    await dir.stop();
  }
}
console.log(
  `\n${users} entries each (inetOrgPerson + posixAccount + shadowAccount, 8 attributes), OpenLDAP (testkit), host over plain HTTP\n`,
);
console.log('| OpenLDAP | writer | entries/s | vs ldapadd | p50 ms | p99 ms |');
console.log('|---|---|---:|---:|---:|---:|');
console.log(rows.join('\n'));
