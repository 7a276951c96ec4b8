// pnpm bench existing-users — the matcher on 100,000 source rows against 100,000 directory entries (the
// issue's target: "in seconds"), the CSV reader on a 100,000-row admin-center download, and the LDIF writer.
// Baseline in the same run: the nested-loop match the walkthrough's PowerShell does (one query per row),
// measured on 2,000 × 2,000 and extrapolated (quadratic), since 100,000 × 100,000 would take hours.
import {
  createDirectoryIndex,
  type DirectoryCandidate,
  formatLdifEntry,
  matchUsers,
  normalizeMatchValue,
  readCsv,
  type SourceRow,
} from '@scim2ldap/existing-users';

const N = 100_000;
const entries: DirectoryCandidate[] = [];
for (let i = 0; i < N; i++) {
  const uid = `user${String(i).padStart(6, '0')}`;
  entries.push({
    dn: `uid=${uid},ou=people,dc=example,dc=org`,
    attributes: { mail: [`${uid}@Example.org`], cn: [`User ${i}`], sn: [`Family${i % 977}`] },
  });
}
const rows: SourceRow[] = [];
for (let i = 0; i < N; i++) {
  // 95% match, 2% not, 1% duplicate, 1% empty, 1% disabled
  const n = i % 100;
  const upn =
    n === 0
      ? ''
      : n === 1
        ? `nobody${i}@example.org`
        : n === 2
          ? 'user000005@example.org'
          : `user${String(i).padStart(6, '0')}@example.org`;
  rows.push({
    position: i + 2,
    fields: { userPrincipalName: upn, accountEnabled: n === 3 ? 'False' : 'True' },
  });
}

function time<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const r = fn();
  return [r, performance.now() - t];
}
async function timeAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}

const results: string[][] = [];
const best = async <T>(label: string, fn: () => Promise<T>, per: number, unit: string) => {
  let min = Number.POSITIVE_INFINITY;
  for (let k = 0; k < 3; k++) min = Math.min(min, (await timeAsync(fn))[1]);
  results.push([
    label,
    `${(min / 1000).toFixed(3)} s`,
    `${Math.round(per / (min / 1000)).toLocaleString('en-US')} ${unit}/s`,
  ]);
};

await best(
  'index 100,000 entries + match 100,000 rows (case-insensitive)',
  async () => {
    const index = createDirectoryIndex('mail', true);
    for (const e of entries) index.add(e);
    const report = await matchUsers(rows, index, { column: 'userPrincipalName' });
    if (report.outcomes.matched.length < 90_000) throw new Error('bench data wrong');
    return report;
  },
  N,
  'rows',
);

const csvText = `userPrincipalName,displayName,surname,mail,givenName,objectId,userType,jobTitle,department,accountEnabled\r\n${rows
  .map(
    (r, i) =>
      `${r.fields.userPrincipalName},"User, ${i}",Family,${r.fields.userPrincipalName},User,id-${i},Member,,,${r.fields.accountEnabled}`,
  )
  .join('\r\n')}\r\n`;
const csvBytes = Buffer.from(csvText);
const chunks: Buffer[] = [];
for (let o = 0; o < csvBytes.length; o += 65_536) chunks.push(csvBytes.subarray(o, o + 65_536));
await best(
  `readCsv: 100,000-row admin-center download (${(csvBytes.length / 1e6).toFixed(1)} MB, 64 KiB chunks)`,
  async () => {
    let n = 0;
    for await (const _ of readCsv(chunks)) n++;
    return n;
  },
  N,
  'rows',
);
await best(
  'formatLdifEntry: 100,000 entries',
  async () => {
    let bytes = 0;
    for (const e of entries) bytes += formatLdifEntry(e).length;
    return bytes;
  },
  N,
  'entries',
);

// Baseline: the walkthrough's approach, one lookup per row scanning every entry.
const M = 2_000;
const [, nested] = time(() => {
  let found = 0;
  for (let i = 0; i < M; i++) {
    const key = normalizeMatchValue(String(rows[i]?.fields.userPrincipalName ?? ''), true);
    for (let j = 0; j < M; j++) {
      const mail = entries[j]?.attributes.mail?.[0] ?? '';
      if (normalizeMatchValue(mail, true) === key) found++;
    }
  }
  return found;
});
results.push([
  `baseline: nested loop ${M.toLocaleString('en-US')} × ${M.toLocaleString('en-US')}`,
  `${(nested / 1000).toFixed(3)} s`,
  `≈ ${(((nested / 1000) * (N / M) ** 2) / 3600).toFixed(1)} h extrapolated to 100,000 × 100,000`,
]);

console.log('| task | best of 3 | rate |\n|---|---:|---:|');
for (const r of results) console.log(`| ${r.join(' | ')} |`);
