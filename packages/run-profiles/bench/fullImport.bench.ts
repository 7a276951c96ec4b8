// Full import of 100,000 entries from OpenLDAP into the SQLite store, against `ldapsearch -E pr=1000/noprompt`
// dumping the same entries (same attributes) to /dev/null, measured in the same run on the same server.
// Targets: ≤ 2× the ldapsearch wall time; peak RSS of this process ≤ 300 MB.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '@scim2ldap/anchor-store';
import { startDirectory } from '@scim2ldap/ldap-testkit';
import { createConnectionPool, fullImport } from '@scim2ldap/run-profiles';
import { ownCpuMs, parseTimes, processCpuMs, timedCommand } from './cpuTime.ts';

const users = Number(process.env['RP_BENCH_USERS'] ?? 100_000);
const rounds = Number(process.env['RP_BENCH_ROUNDS'] ?? 3);
const dir = await startDirectory({ kind: 'openldap', seed: { users } });
const work = mkdtempSync(join(tmpdir(), 'rp-bench-'));
const attributes = ['*', 'entryUUID'];
// Our page and batch sizes (RP_BENCH_PAGE / RP_BENCH_BATCH); the baseline always pages by 1000.
const pageSize = Number(process.env['RP_BENCH_PAGE'] ?? 1000);
const batchSize = Number(process.env['RP_BENCH_BATCH'] ?? 1000);
const ldapsearchMs: number[] = [];
const importMs: number[] = [];
/** CPU ms per round: the ldapsearch process, slapd while it ran, this process during fullImport, slapd then. */
const cpu: { ldapsearch: number; slapdSearch: number; ours: number; slapdImport: number }[] = [];
let imported = 0;
try {
  for (let round = 0; round < rounds; round++) {
    const s0 = processCpuMs(dir.pid);
    const t0 = performance.now();
    const dump = spawnSync(
      'bash',
      [
        '-c',
        timedCommand,
        'bash',
        'ldapsearch',
        '-x',
        '-LLL',
        '-H',
        dir.ldapUrl,
        '-D',
        dir.adminDn,
        '-w',
        dir.adminPassword,
        '-b',
        dir.usersDn,
        '-E',
        'pr=1000/noprompt',
        '(objectClass=inetOrgPerson)',
        ...attributes,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    ldapsearchMs.push(performance.now() - t0);
    const slapdSearch = processCpuMs(dir.pid) - s0;
    if (dump.status !== 0) throw new Error(`ldapsearch failed: ${dump.stderr.toString()}`);

    const store = createSqliteStore({ path: join(work, `store-${round}.db`) });
    const pool = createConnectionPool({
      url: dir.ldapUrl,
      bind: { method: 'simple', dn: dir.adminDn, password: dir.adminPassword },
      size: 1,
      healthCheckIntervalMs: 0,
    });
    const s1 = processCpuMs(dir.pid);
    const c1 = ownCpuMs();
    const t1 = performance.now();
    const result = await fullImport({
      pool,
      store,
      bases: [dir.usersDn],
      anchor: 'entryUUID',
      pageSize,
      batchSize,
    });
    importMs.push(performance.now() - t1);
    cpu.push({
      ldapsearch: parseTimes(dump.stdout.toString()),
      slapdSearch,
      ours: ownCpuMs() - c1,
      slapdImport: processCpuMs(dir.pid) - s1,
    });
    imported = result.entries;
    if (result.entries !== users || (await store.count()) !== users)
      throw new Error(`imported ${result.entries} of ${users}`);
    await pool.close();
    await store.close();
  }
} finally {
  await dir.stop();
  rmSync(work, { recursive: true, force: true });
}

const best = (xs: number[]): number => Math.min(...xs);
const peakRssMb = process.resourceUsage().maxRSS / 1024;
const ratio = best(importMs) / best(ldapsearchMs);
console.log(
  `| full import, ${imported.toLocaleString('en')} entries (OpenLDAP → SQLite store) | wall time (best of ${rounds}) | entries/s |`,
);
console.log('|---|---|---|');
console.log(
  `| \`ldapsearch -E pr=1000/noprompt\` > /dev/null (baseline) | ${(best(ldapsearchMs) / 1000).toFixed(2)} s | ${Math.round(users / (best(ldapsearchMs) / 1000)).toLocaleString('en')} |`,
);
console.log(
  `| \`fullImport\` (paged ${pageSize}, batches of ${batchSize}) | ${(best(importMs) / 1000).toFixed(2)} s | ${Math.round(users / (best(importMs) / 1000)).toLocaleString('en')} |`,
);
console.log('');
console.log(
  `ratio ${ratio.toFixed(2)}× ldapsearch (target ≤ 2×) — ${ratio <= 2 ? 'met' : 'NOT met'}; peak RSS of the benchmark process ${peakRssMb.toFixed(0)} MB (target ≤ 300 MB) — ${peakRssMb <= 300 ? 'met' : 'NOT met'}`,
);
const secs = (ms: number): string => (ms / 1000).toFixed(2);
console.log(
  `CPU per round (s): ldapsearch ${cpu.map((c) => secs(c.ldapsearch)).join(', ')} (slapd meanwhile ${cpu.map((c) => secs(c.slapdSearch)).join(', ')}); fullImport ${cpu.map((c) => secs(c.ours)).join(', ')} (slapd meanwhile ${cpu.map((c) => secs(c.slapdImport)).join(', ')})`,
);
console.log(
  `all rounds: ldapsearch ${ldapsearchMs.map((m) => (m / 1000).toFixed(2)).join(', ')} s; fullImport ${importMs.map((m) => (m / 1000).toFixed(2)).join(', ')} s`,
);
