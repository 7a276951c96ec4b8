// Export adds through a pool of 4 connections (each add is read back, as every export is) against 4 parallel
// `ldapadd` processes adding the same entries, each on a fresh OpenLDAP with the same configuration (testkit
// defaults: accesslog, syncprov, ppolicy). Target: ≥ 0.9× the ldapadd rate with olcDbNoSync; the default
// (fsync) durability figure is reported too.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedUser, startDirectory, toLdif } from '@scim2ldap/ldap-testkit';
import { createConnectionPool, createLdapTarget } from '../src/index.ts';

const parallel = 4;

async function ldapaddBaseline(noSync: boolean, count: number): Promise<number> {
  const dir = await startDirectory({ kind: 'openldap', noSync });
  const work = mkdtempSync(join(tmpdir(), 'rp-ldapadd-'));
  try {
    const files = Array.from({ length: parallel }, (_, i) => {
      let ldif = '';
      for (let n = i + 1; n <= count; n += parallel) ldif += `${toLdif(seedUser(n))}\n`;
      const file = join(work, `part-${i}.ldif`);
      writeFileSync(file, ldif);
      return file;
    });
    const t0 = performance.now();
    await Promise.all(
      files.map(
        (file) =>
          new Promise<void>((resolve, reject) => {
            const child = spawn(
              'ldapadd',
              ['-x', '-H', dir.ldapUrl, '-D', dir.adminDn, '-w', dir.adminPassword, '-f', file],
              {
                stdio: ['ignore', 'ignore', 'inherit'],
              },
            );
            child.on('exit', (code) =>
              code === 0 ? resolve() : reject(new Error(`ldapadd exited with ${code}`)),
            );
          }),
      ),
    );
    return performance.now() - t0;
  } finally {
    await dir.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

async function poolAdds(noSync: boolean, count: number): Promise<number> {
  const dir = await startDirectory({ kind: 'openldap', noSync });
  const pool = createConnectionPool({
    url: dir.ldapUrl,
    bind: { method: 'simple', dn: dir.adminDn, password: dir.adminPassword },
    size: parallel,
    healthCheckIntervalMs: 0,
  });
  try {
    const target = createLdapTarget({
      pool,
      bases: [dir.usersDn],
      anchor: 'entryUUID',
      attributes: ['uid', 'cn', 'mail'],
    });
    let next = 1;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: parallel }, async () => {
        while (next <= count) {
          const { dn, attributes } = seedUser(next++);
          const { objectClass = [], ...rest } = attributes;
          const entry = await target.add({ dn, objectClasses: objectClass, attributes: rest });
          if (entry.anchor === '') throw new Error(`no anchor read back for ${dn}`);
        }
      }),
    );
    return performance.now() - t0;
  } finally {
    await pool.close();
    await dir.stop();
  }
}

const rows: string[] = [];
for (const [noSync, count, rounds] of [
  [true, Number(process.env['RP_BENCH_ADDS'] ?? 4000), 2],
  [false, Number(process.env['RP_BENCH_ADDS_SYNC'] ?? 1000), 1],
] as const) {
  const baseline: number[] = [];
  const ours: number[] = [];
  for (let round = 0; round < rounds; round++) {
    baseline.push(await ldapaddBaseline(noSync, count));
    ours.push(await poolAdds(noSync, count));
  }
  const rate = (ms: number): number => count / (ms / 1000);
  const b = Math.max(...baseline.map(rate));
  const o = Math.max(...ours.map(rate));
  const label = noSync ? 'olcDbNoSync' : 'default durability (fsync)';
  rows.push(
    `| ${label} | ${count.toLocaleString('en')} | ${Math.round(b).toLocaleString('en')}/s | ${Math.round(o).toLocaleString('en')}/s | ${(o / b).toFixed(2)}× |`,
  );
  console.error(
    `${label}: ldapadd ${baseline.map((m) => Math.round(rate(m))).join(', ')}/s; pool ${ours.map((m) => Math.round(rate(m))).join(', ')}/s`,
  );
}
console.log(
  `| server config | adds | 4 × \`ldapadd\` (baseline) | pool of ${parallel}, add + read-back | ratio |`,
);
console.log('|---|---|---|---|---|');
for (const row of rows) console.log(row);
console.log('');
console.log(
  'target: ≥ 0.9× with olcDbNoSync (best round of each side, same-run baseline, fresh server per measurement)',
);
