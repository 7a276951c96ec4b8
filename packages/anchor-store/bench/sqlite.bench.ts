// SQLite anchor store at a million entries: bulk load rate, indexed lookup latency, size on disk, RSS, and
// memory while iterating everything. `pnpm bench anchor-store` (optional entry count: argv[2]).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore, type EntryInput } from '@scim2ldap/anchor-store';

const TOTAL = Number(process.argv[2] ?? 1_000_000);
const LOOKUPS = 100_000;
const MiB = 1024 * 1024;

// A cheap integer mix so anchors look like random UUIDs (random insert order into the anchor index).
function mix(x: number): number {
  let h = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return (h ^ (h >>> 16)) >>> 0;
}
const hex = (x: number): string => x.toString(16).padStart(8, '0');
const anchorOf = (i: number): string => {
  const a = hex(mix(i));
  const b = hex(mix(i + 0x9e3779b9));
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-8${hex(mix(i * 3 + 1)).slice(1, 4)}-${hex(mix(i * 7 + 5))}${hex(i).slice(4)}`;
};
const mailOf = (i: number): string => `user${i}@example.org`;

/** Entry `i`: an inetOrgPerson with 17 attributes, about 700 bytes as JSON. */
function entry(i: number): EntryInput {
  const dept = i % 97;
  return {
    anchor: anchorOf(i),
    dn: `uid=user${i},ou=People,dc=example,dc=org`,
    objectClasses: ['top', 'person', 'organizationalPerson', 'inetOrgPerson'],
    attributes: {
      uid: [`user${i}`],
      cn: [`Given${i % 5000} Family${i}`],
      sn: [`Family${i}`],
      givenName: [`Given${i % 5000}`],
      displayName: [`Given${i % 5000} Family${i}`],
      mail: [mailOf(i)],
      employeeNumber: [`E${String(i).padStart(8, '0')}`],
      employeeType: [i % 10 === 0 ? 'Contractor' : 'Employee'],
      telephoneNumber: [`+1 555 ${String(i % 10_000_000).padStart(7, '0')}`],
      mobile: [`+1 555 ${String((i * 7) % 10_000_000).padStart(7, '0')}`],
      title: [`Engineer ${i % 7}`],
      departmentNumber: [`D${dept}`],
      ou: [`Department ${dept}`],
      l: ['Springfield'],
      postalCode: [String(10000 + (i % 89999))],
      manager: [`uid=user${Math.floor(i / 10)},ou=People,dc=example,dc=org`],
      description: [`Seeded account ${i} for the anchor-store benchmark`],
    },
  };
}
function* entries(from: number, to: number): Generator<EntryInput> {
  for (let i = from; i < to; i++) yield entry(i);
}

const percentile = (sorted: Float64Array, p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const rss = (): string => `${(process.memoryUsage().rss / MiB).toFixed(0)} MiB`;
const fileSize = (path: string): number => {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
};
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

async function timeLookups(label: string, lookup: (i: number) => Promise<unknown>): Promise<string> {
  const times = new Float64Array(LOOKUPS);
  for (let k = 0; k < LOOKUPS; k++) {
    const i = mix(k + 12345) % TOTAL;
    const start = performance.now();
    const found = await lookup(i);
    times[k] = performance.now() - start;
    if (found === undefined || (Array.isArray(found) && found.length !== 1))
      throw new Error(`${label}: lookup ${i} missed`);
  }
  times.sort();
  return `| ${label} | ${fmt(LOOKUPS)} | ${percentile(times, 50).toFixed(4)} | ${percentile(times, 99).toFixed(4)} | ${times[LOOKUPS - 1]!.toFixed(3)} |`;
}

const dir = mkdtempSync(join(tmpdir(), 'anchor-store-bench-'));
const path = join(dir, 'bench.sqlite');
try {
  // Baseline, same run: only producing the entries (what a loader costs before the store does anything).
  let t = performance.now();
  let bytes = 0;
  for (const e of entries(0, TOTAL)) bytes += e.dn.length;
  const generateMs = performance.now() - t;

  const store = createSqliteStore({
    path,
    indexes: [{ attribute: 'mail' }, { attribute: 'uid' }, { attribute: 'employeeNumber', caseExact: true }],
  });
  const runId = await store.beginRun('full-import');
  const load1 = loadavg()[0]!;
  t = performance.now();
  const cpu = process.cpuUsage();
  const loaded = await store.bulkUpsert(entries(0, TOTAL), { runId });
  const loadCpu = process.cpuUsage(cpu);
  const loadMs = performance.now() - t;
  const loadCpuS = (loadCpu.user + loadCpu.system) / 1e6;
  await store.finishRun(runId, { counts: { added: loaded.added } });
  const rssAfterLoad = rss();
  const dbSize = fileSize(path);
  const walSize = fileSize(`${path}-wal`);

  console.log(
    `#### Bulk load (${fmt(TOTAL)} entries, 17 attributes each, 3 indexed attributes, batches of 1000)\n`,
  );
  console.log(
    `Load average (1 min) at start / end of the load: ${load1.toFixed(1)} / ${loadavg()[0]!.toFixed(1)}.\n`,
  );
  console.log('| step | wall time | entries/s (wall) | CPU time | entries per CPU-second |');
  console.log('|---|---|---|---|---|');
  console.log(
    `| baseline: generate entries only | ${(generateMs / 1000).toFixed(2)} s | ${fmt(TOTAL / (generateMs / 1000))} | | |`,
  );
  console.log(
    `| bulkUpsert into empty store (incl. generation) | ${(loadMs / 1000).toFixed(2)} s | ` +
      `**${fmt(TOTAL / (loadMs / 1000))}** | ${loadCpuS.toFixed(2)} s | ${fmt(TOTAL / loadCpuS)} |`,
  );
  void bytes;

  const lines = [
    await timeLookups('findByAttribute(mail), other case', (i) =>
      store.findByAttribute('MAIL', mailOf(i).toUpperCase()),
    ),
    await timeLookups('findByAttribute(employeeNumber), exact', (i) =>
      store.findByAttribute('employeeNumber', `E${String(i).padStart(8, '0')}`),
    ),
    await timeLookups('get(anchor)', (i) => store.get(anchorOf(i))),
    await timeLookups('getByDn(dn), other case', (i) =>
      store.getByDn(`UID=user${i}, OU=people, DC=example, DC=org`),
    ),
  ];
  console.log(`\n#### Lookups (random entries of ${fmt(TOTAL)}; ms per awaited call)\n`);
  console.log('| lookup | calls | p50 ms | p99 ms | max ms |');
  console.log('|---|---|---|---|---|');
  for (const line of lines) console.log(line);

  console.log(`\n#### Memory while iterating every entry (iterate({ batchSize: 500 }))\n`);
  console.log('| entries iterated | RSS | heap used |');
  console.log('|---|---|---|');
  let seen = 0;
  const step = Math.max(1, Math.floor(TOTAL / 5));
  t = performance.now();
  for await (const e of store.iterate({ batchSize: 500 })) {
    if (e.anchor.length === 0) throw new Error('empty anchor');
    if (++seen % step === 0) {
      const m = process.memoryUsage();
      console.log(
        `| ${fmt(seen)} | ${(m.rss / MiB).toFixed(0)} MiB | ${(m.heapUsed / MiB).toFixed(0)} MiB |`,
      );
    }
  }
  const iterateMs = performance.now() - t;
  if (seen !== TOTAL) throw new Error(`iterated ${seen} of ${TOTAL}`);

  // Steady-state full import: everything unchanged except 0.1% gone, then the sweep.
  const run2 = await store.beginRun('full-import');
  const keep = TOTAL - Math.floor(TOTAL / 1000);
  t = performance.now();
  const again = await store.bulkUpsert(entries(0, keep), { runId: run2 });
  const reimportMs = performance.now() - t;
  t = performance.now();
  const swept = await store.sweepUnseen(run2);
  const sweepMs = performance.now() - t;
  if (again.unchanged !== keep || swept.length !== TOTAL - keep)
    throw new Error('steady-state import miscounted');
  await store.finishRun(run2, { counts: { deleted: swept.length } });
  await store.close();

  console.log('\n#### Other figures\n');
  console.log('| figure | value |');
  console.log('|---|---|');
  console.log(
    `| iterate all ${fmt(TOTAL)} | ${(iterateMs / 1000).toFixed(2)} s (${fmt(TOTAL / (iterateMs / 1000))} entries/s) |`,
  );
  console.log(
    `| re-import ${fmt(keep)} unchanged (full import, steady state) | ${(reimportMs / 1000).toFixed(2)} s (${fmt(keep / (reimportMs / 1000))} entries/s) |`,
  );
  console.log(`| sweepUnseen (${fmt(swept.length)} deleted) | ${sweepMs.toFixed(0)} ms |`);
  console.log(
    `| size on disk after load (db + wal) | ${(dbSize / MiB).toFixed(0)} MiB + ${(walSize / MiB).toFixed(0)} MiB (${fmt(dbSize / TOTAL)} bytes/entry) |`,
  );
  console.log(`| size on disk after close (checkpointed) | ${(fileSize(path) / MiB).toFixed(0)} MiB |`);
  console.log(`| process RSS after load | ${rssAfterLoad} |`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
