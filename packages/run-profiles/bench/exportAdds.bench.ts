// Export adds through a pool of connections (each add returns the entry as the directory holds it, via the
// Post-Read control, as every export does) against 4 parallel `ldapadd` processes adding the same entries,
// each on a fresh OpenLDAP with the same configuration (testkit defaults: accesslog, syncprov, ppolicy).
// Target: ≥ 0.9× the ldapadd rate with olcDbNoSync; the default (fsync) durability figure is reported too.
// Besides the rate, every row gives slapd's CPU per add and the client's CPU per add (this process for ours,
// the ldapadd processes for the baseline), which move much less than wall time on a shared machine.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedUser, startDirectory, toLdif } from '@scim2ldap/ldap-testkit';
import { createConnectionPool, createLdapTarget } from '@scim2ldap/run-profiles';
import { ownCpuMs, parseTimes, processCpuMs, timedCommand } from './cpuTime.ts';

/**
 * One way of adding the entries: 4 × ldapadd, or our pool of `size` connections driven by `workers` concurrent
 * callers (adds with Post-Read share connections, so 8 workers on 4 connections keep 2 adds in flight on each).
 */
type Side =
  | { readonly kind: 'ldapadd'; readonly postRead: boolean }
  | { readonly kind: 'pool'; readonly size: number; readonly workers: number; readonly readBack: boolean };

interface Measurement {
  readonly ms: number;
  readonly slapdCpuMs: number;
  readonly clientCpuMs: number;
}

const parallel = 4;
/**
 * RP_BENCH_ACCESSLOG=0 measures every side on a server without the accesslog overlay (the testkit's default
 * has it, as delta import needs it): it shows what the read-back costs back-mdb alone.
 */
const accesslog = process.env['RP_BENCH_ACCESSLOG'] !== '0';

/** The attributes every add reads back: the target's list below plus objectClass and the anchor. */
const readBackAttributes = ['uid', 'cn', 'mail', 'objectClass', 'entryUUID'];

async function ldapaddBaseline(noSync: boolean, count: number, postRead: boolean): Promise<Measurement> {
  const dir = await startDirectory({ kind: 'openldap', noSync, accesslog });
  const work = mkdtempSync(join(tmpdir(), 'rp-ldapadd-'));
  try {
    const files = Array.from({ length: parallel }, (_, i) => {
      let ldif = '';
      for (let n = i + 1; n <= count; n += parallel) ldif += `${toLdif(seedUser(n))}\n`;
      const file = join(work, `part-${i}.ldif`);
      writeFileSync(file, ldif);
      return file;
    });
    const s0 = processCpuMs(dir.pid);
    const t0 = performance.now();
    const cpu = await Promise.all(
      files.map(
        (file) =>
          new Promise<number>((resolve, reject) => {
            const args = ['-x', '-H', dir.ldapUrl, '-D', dir.adminDn, '-w', dir.adminPassword, '-f', file];
            if (postRead) args.push('-e', `postread=${readBackAttributes.join(',')}`);
            const child = spawn('bash', ['-c', timedCommand, 'bash', 'ldapadd', ...args], {
              stdio: ['ignore', 'pipe', 'inherit'],
            });
            let out = '';
            child.stdout.on('data', (data: Buffer) => {
              out += data.toString();
            });
            child.on('exit', (code) =>
              code === 0 ? resolve(parseTimes(out)) : reject(new Error(`ldapadd exited with ${code}`)),
            );
          }),
      ),
    );
    return {
      ms: performance.now() - t0,
      slapdCpuMs: processCpuMs(dir.pid) - s0,
      clientCpuMs: cpu.reduce((a, b) => a + b, 0),
    };
  } finally {
    await dir.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

async function poolAdds(
  noSync: boolean,
  count: number,
  size: number,
  workers: number,
  readBack: boolean,
): Promise<Measurement> {
  const dir = await startDirectory({ kind: 'openldap', noSync, accesslog });
  const pool = createConnectionPool({
    url: dir.ldapUrl,
    bind: { method: 'simple', dn: dir.adminDn, password: dir.adminPassword },
    size,
    healthCheckIntervalMs: 0,
  });
  try {
    const target = createLdapTarget({
      pool,
      bases: [dir.usersDn],
      anchor: 'entryUUID',
      attributes: ['uid', 'cn', 'mail'],
    });
    // Open the connections first, as ldapadd's connect is not timed either (a bind per process is).
    await Promise.all(Array.from({ length: size }, () => pool.use((connection) => connection.connect())));
    // The entries are built before the clock starts, as the baseline's LDIF files are written before it.
    const users = Array.from({ length: count }, (_, i) => seedUser(i + 1));
    let next = 0;
    const s0 = processCpuMs(dir.pid);
    const c0 = ownCpuMs();
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: workers }, async () => {
        while (next < count) {
          const { dn, attributes } = users[next++]!;
          if (!readBack) {
            await pool.use((connection) => connection.add(dn, attributes));
            continue;
          }
          const { objectClass = [], ...rest } = attributes;
          const entry = await target.add({ dn, objectClasses: objectClass, attributes: rest });
          if (entry.anchor === '') throw new Error(`no anchor read back for ${dn}`);
        }
      }),
    );
    return {
      ms: performance.now() - t0,
      slapdCpuMs: processCpuMs(dir.pid) - s0,
      clientCpuMs: ownCpuMs() - c0,
    };
  } finally {
    await pool.close();
    await dir.stop();
  }
}

/** The middle value (the mean of the two middle ones for an even count). */
function middle(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const half = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[half]! : (sorted[half - 1]! + sorted[half]!) / 2;
}

const label = (side: Side): string =>
  side.kind === 'ldapadd'
    ? side.postRead
      ? `${parallel} × \`ldapadd -e postread\` (reference: the C client reading back as we do)`
      : `${parallel} × \`ldapadd\` (baseline)`
    : `pool of ${side.size}, ${side.workers} workers, ${side.readBack ? 'add + read-back (Post-Read)' : 'plain add, no read-back (reference)'}`;

const rows: string[] = [];
const noSyncCount = Number(process.env['RP_BENCH_ADDS'] ?? 4000);
const syncCount = Number(process.env['RP_BENCH_ADDS_SYNC'] ?? 1000);
const ldapadd: Side = { kind: 'ldapadd', postRead: false };
const ldapaddPostRead: Side = { kind: 'ldapadd', postRead: true };
// Rounds per side with olcDbNoSync: sides alternate within a round, so a busy spell hits both.
const noSyncRounds = Number(process.env['RP_BENCH_ROUNDS'] ?? 5);
const pool = (size: number, workers = size, readBack = true): Side => ({
  kind: 'pool',
  size,
  workers,
  readBack,
});
// The pool shapes measured with olcDbNoSync; RP_BENCH_SHAPES="2x4,3x6" (connections x workers) to explore others.
const noSyncShapes: Side[] =
  process.env['RP_BENCH_SHAPES'] === undefined
    ? [pool(4), pool(4, 8), pool(2, 4), pool(4, 4, false)]
    : process.env['RP_BENCH_SHAPES'].split(',').map((shape) => {
        const [size, workers] = shape.split('x').map(Number);
        return pool(size ?? 4, workers ?? size ?? 4);
      });
for (const [noSync, count, rounds, sides] of [
  [true, noSyncCount, noSyncRounds, [ldapadd, ldapaddPostRead, ...noSyncShapes]],
  [false, syncCount, 1, [ldapadd, pool(4), pool(4, 8)]],
] as const) {
  const results = new Map<Side, Measurement[]>(sides.map((side) => [side, []]));
  for (let round = 0; round < rounds; round++) {
    for (const side of sides) {
      results
        .get(side)
        ?.push(
          side.kind === 'ldapadd'
            ? await ldapaddBaseline(noSync, count, side.postRead)
            : await poolAdds(noSync, count, side.size, side.workers, side.readBack),
        );
    }
  }
  const rate = (m: Measurement): number => count / (m.ms / 1000);
  const best = (side: Side): Measurement =>
    (results.get(side) ?? []).reduce((a, b) => (rate(b) > rate(a) ? b : a));
  const median = (side: Side): number => middle((results.get(side) ?? []).map(rate));
  const baseline = rate(best(ldapadd));
  const baselineMedian = median(ldapadd);
  // Each round's rate over the baseline's rate in the same round (measured minutes apart at most, so a
  // busy or quiet spell of the machine weighs on both), then the middle one of those ratios.
  const pairedMedian = (side: Side, against: Side = ldapadd): number => {
    const own = results.get(side) ?? [];
    const base = results.get(against) ?? [];
    return middle(own.map((m, round) => rate(m) / rate(base[round]!)));
  };
  // Like for like: against the C client doing the same read-back (measured with olcDbNoSync only).
  const likeForLike = (side: Side): string =>
    side.kind === 'pool' && side.readBack && results.has(ldapaddPostRead)
      ? `${pairedMedian(side, ldapaddPostRead).toFixed(2)}×`
      : '–';
  for (const side of sides) {
    const m = best(side);
    const all = (results.get(side) ?? []).map((r) => Math.round(rate(r)).toLocaleString('en')).join(', ');
    rows.push(
      `| ${noSync ? 'olcDbNoSync' : 'default durability (fsync)'} | ${label(side)} | ${Math.round(rate(m)).toLocaleString('en')}/s (${all}) | ${(rate(m) / baseline).toFixed(2)}× | ${(median(side) / baselineMedian).toFixed(2)}× | ${pairedMedian(side).toFixed(2)}× | ${likeForLike(side)} | ${Math.round((m.slapdCpuMs * 1000) / count)} µs | ${Math.round((m.clientCpuMs * 1000) / count)} µs |`,
    );
  }
}
console.log(
  `${noSyncCount.toLocaleString('en')} adds with olcDbNoSync, ${syncCount.toLocaleString('en')} with fsync${accesslog ? '' : '; no accesslog overlay (RP_BENCH_ACCESSLOG=0)'}`,
);
console.log('');
console.log(
  '| server config | writer | entries/s, best (all rounds) | vs ldapadd (best) | vs ldapadd (median) | vs ldapadd (median of rounds) | vs `ldapadd -e postread` (median of rounds) | slapd CPU/add | client CPU/add |',
);
console.log('|---|---|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
console.log('');
console.log(
  "target: ≥ 0.9× with olcDbNoSync (best round and median round of each side against the baseline's, and the median of the per-round ratios; same-run baseline, fresh server per measurement; CPU columns from the best round). The like-for-like column sets each round of ours against the C client's round with the same read-back.",
);
