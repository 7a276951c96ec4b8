// Start-up and stop times of the three testkit directories, and offline/online seeding rates.
// Run: pnpm bench ldap-testkit   (about 2 minutes on 2 cores). Prints Markdown.
import { loadavg } from 'node:os';
import { Client } from 'ldapts';
import { type DirectoryKind, type StartDirectoryOptions, startDirectory } from '@scim2ldap/ldap-testkit';

interface Sample {
  readonly startMs: number;
  readonly stopMs: number;
}

async function once(options: StartDirectoryOptions): Promise<Sample & { count?: number }> {
  const t0 = performance.now();
  const dir = await startDirectory(options);
  const startMs = performance.now() - t0;
  let count: number | undefined;
  if (options.seed) {
    const client = new Client({ url: dir.ldapUrl });
    await client.bind(dir.adminDn, dir.adminPassword);
    const { searchEntries } = await client.search(dir.usersDn, {
      scope: 'one',
      attributes: ['1.1'],
      paged: { pageSize: 1000 },
    });
    await client.unbind();
    count = searchEntries.length;
  }
  const t1 = performance.now();
  await dir.stop();
  return { startMs, stopMs: performance.now() - t1, ...(count === undefined ? {} : { count }) };
}

const fmt = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

console.log(
  `load average at start: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}\n`,
);
const runs: Record<DirectoryKind, number> = { openldap: 5, '389ds': 3, apacheds: 3 };
console.log('| server | runs | start (min / median / max) | stop (median) |');
console.log('|---|---|---|---|');
for (const kind of Object.keys(runs) as DirectoryKind[]) {
  const samples: Sample[] = [];
  for (let i = 0; i < runs[kind]; i++) samples.push(await once({ kind }));
  const starts = samples.map((s) => s.startMs);
  console.log(
    `| ${kind} | ${samples.length} | ${fmt(Math.min(...starts))} / ${fmt(median(starts))} / ${fmt(Math.max(...starts))} | ${fmt(median(samples.map((s) => s.stopMs)))} |`,
  );
}

const seeds: StartDirectoryOptions[] = [
  { kind: 'openldap', seed: { users: 100_000 } },
  { kind: '389ds', seed: { users: 10_000 } },
  { kind: 'apacheds', seed: { users: 1_000 } },
];
console.log('\n| server | seed users | start incl. seed | users found | stop |');
console.log('|---|---|---|---|---|');
for (const options of seeds) {
  const s = await once(options);
  console.log(
    `| ${options.kind} | ${options.seed?.users.toLocaleString('en')} | ${fmt(s.startMs)} | ${s.count?.toLocaleString('en')} | ${fmt(s.stopMs)} |`,
  );
}
