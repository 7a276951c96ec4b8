import type { Client } from 'ldapts';
import type { AccesslogInfo, ChangelogInfo, ChangeTracking } from '../DirectoryProfile.ts';
import type { Partition } from '../rootDse/classifyNamingContexts.ts';

const canon = (dn: string): string =>
  dn
    .replace(/\s*([,=+])\s*/g, '$1')
    .trim()
    .toLowerCase();
const first = (v: unknown): string | null => {
  const x = Array.isArray(v) ? v[0] : v;
  return x === undefined || x === null ? null : Buffer.isBuffer(x) ? x.toString('utf8') : String(x);
};

/** Base-reads a DN; true if the entry came back, false on noSuchObject/insufficientAccess/empty result. */
async function canRead(client: Client, dn: string): Promise<boolean> {
  try {
    const { searchEntries } = await client.search(dn, {
      scope: 'base',
      filter: '(objectClass=*)',
      attributes: ['1.1'],
    });
    return searchEntries.length > 0;
  } catch {
    return false;
  }
}

async function accesslogSuffixes(
  client: Client,
  info: AccesslogInfo,
  users: readonly Partition[],
): Promise<Pick<AccesslogInfo, 'suffixes' | 'suffixSource' | 'hasEntries'>> {
  let hasEntries: boolean | null = null;
  let fromReqDn: string[] = [];
  try {
    const { searchEntries } = await client.search(info.dn, {
      scope: 'one',
      filter: '(objectClass=auditWriteObject)',
      attributes: ['reqDN'],
      sizeLimit: 200,
    });
    hasEntries = searchEntries.length > 0;
    const seen = new Set(searchEntries.map((e) => canon(first(e.reqDN) ?? '')));
    fromReqDn = users
      .filter((u) => [...seen].some((dn) => dn === canon(u.dn) || dn.endsWith(`,${canon(u.dn)}`)))
      .map((u) => u.dn);
  } catch (error) {
    // sizeLimitExceeded still proves entries exist; anything else leaves hasEntries unknown
    if ((error as { code?: number }).code === 4) hasEntries = true;
  }
  try {
    const { searchEntries } = await client.search('cn=config', {
      scope: 'sub',
      filter: '(olcAccessLogDB=*)',
      attributes: ['olcAccessLogDB'],
    });
    const suffixes: string[] = [];
    for (const overlay of searchEntries) {
      if (canon(first(overlay.olcAccessLogDB) ?? '') !== canon(info.dn)) continue;
      const dbDn = overlay.dn.slice(overlay.dn.indexOf(',') + 1);
      const { searchEntries: dbs } = await client.search(dbDn, {
        scope: 'base',
        filter: '(objectClass=*)',
        attributes: ['olcSuffix'],
      });
      const suffix = first(dbs[0]?.olcSuffix);
      if (suffix !== null) suffixes.push(suffix);
    }
    if (suffixes.length > 0) return { suffixes, suffixSource: 'olcAccessLogDB', hasEntries };
  } catch {
    // cn=config not readable by this bind DN: infer instead
  }
  if (fromReqDn.length > 0) return { suffixes: fromReqDn, suffixSource: 'reqDN', hasEntries };
  return { suffixes: info.suffixes, suffixSource: info.suffixSource, hasEntries };
}

async function changelogNumbers(
  client: Client,
  info: ChangelogInfo,
  maxEntries: number,
): Promise<ChangelogInfo> {
  if (info.numbersSource === 'rootDse') return info;
  let min: number | null = null;
  let max: number | null = null;
  let seen = 0;
  try {
    for await (const page of client.searchPaginated(info.dn, {
      scope: 'one',
      filter: '(changeNumber=*)',
      attributes: ['changeNumber'],
      paged: { pageSize: 500 },
    })) {
      for (const e of page.searchEntries) {
        const n = Number(first(e.changeNumber) ?? first(e.changenumber));
        if (Number.isSafeInteger(n)) {
          min = min === null ? n : Math.min(min, n);
          max = max === null ? n : Math.max(max, n);
        }
      }
      seen += page.searchEntries.length;
      if (seen >= maxEntries) break;
    }
  } catch {
    return info;
  }
  if (min === null) return info;
  return { ...info, firstChangeNumber: min, lastChangeNumber: max, numbersSource: 'search' };
}

/**
 * Checks change tracking against the live server with the current bind: whether the accesslog and change log
 * can be read, which suffix the accesslog covers (cn=config's olcAccessLogDB if readable, else the reqDN of
 * logged entries, else the only user partition), and the change numbers if the Root DSE did not announce them.
 * @param client a bound ldapts client
 * @param inferred what {@link inferChangeTracking} found in the Root DSE
 * @param partitions classified naming contexts
 * @param options `maxChangelogScan`: most changelog entries read to find first/last numbers (default 100 000)
 */
export async function discoverChangeTracking(
  client: Client,
  inferred: ChangeTracking,
  partitions: readonly Partition[],
  options: { maxChangelogScan?: number } = {},
): Promise<ChangeTracking> {
  const users = partitions.filter((p) => p.role === 'user');
  let accesslog = inferred.accesslog;
  if (accesslog) {
    const readable = await canRead(client, accesslog.dn);
    accesslog = readable
      ? { ...accesslog, readable, ...(await accesslogSuffixes(client, accesslog, users)) }
      : { ...accesslog, readable, hasEntries: null };
  }
  let changelog = inferred.changelog;
  if (changelog) {
    const readable = await canRead(client, changelog.dn);
    changelog = { ...changelog, readable };
    if (readable) changelog = await changelogNumbers(client, changelog, options.maxChangelogScan ?? 100_000);
  }
  return { ...inferred, accesslog, changelog };
}
