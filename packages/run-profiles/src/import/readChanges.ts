import { Control } from 'ldapts';
import type { LdapConnection } from '../connection/createLdapConnection.ts';
import type { LdapEntry } from '../connection/types.ts';
import type { ChangeRecord } from '../delta/ChangeRecord.ts';
import { parseAccesslogEntry } from '../delta/parseAccesslogEntry.ts';
import { parseChangelogEntry } from '../delta/parseChangelogEntry.ts';
import { escapeFilterValue } from '../filter/escapeFilterValue.ts';
import { type ImportScope, inScope, scopeAttributes, scopeFilter, valuesOf } from './importScope.ts';

/**
 * Moves a GeneralizedTime back by some seconds (accesslog entries are written when an operation ends but
 * keyed by when it started, so a slow operation can land behind the watermark; re-reading a few seconds is
 * harmless because changes are applied by re-reading the entries).
 * @param time `YYYYMMDDHHMMSS[.ffffff]Z`
 * @param seconds how far back
 */
export function generalizedTimeMinus(time: string, seconds: number): string {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:[.,](\d+))?Z$/.exec(time);
  if (m === null) return time;
  const [, y, mo, d, h, mi, s, frac = ''] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
  if (date.getUTCFullYear() < 1970) return time;
  date.setUTCSeconds(date.getUTCSeconds() - seconds);
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  const base = `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}`;
  return `${base}${frac === '' ? '' : `.${frac}`}Z`;
}

/**
 * Reads the accesslog records after a watermark (successful writes only), oldest first.
 * @param connection a connection
 * @param logDn the accesslog suffix
 * @param since the watermark (a reqStart)
 * @param overlapSeconds how far before the watermark to re-read
 */
export async function readAccesslog(
  connection: LdapConnection,
  logDn: string,
  since: string,
  overlapSeconds: number,
): Promise<ChangeRecord[]> {
  const from = generalizedTimeMinus(since, overlapSeconds);
  const records: ChangeRecord[] = [];
  for await (const page of connection.searchPages(logDn, {
    scope: 'one',
    filter: `(&(objectClass=auditWriteObject)(reqResult=0)(reqStart>=${escapeFilterValue(from)}))`,
    attributes: [
      'reqStart',
      'reqType',
      'reqDN',
      'reqEntryUUID',
      'reqMod',
      'reqNewRDN',
      'reqDeleteOldRDN',
      'reqNewSuperior',
    ],
    pageSize: 1000,
  })) {
    for (const entry of page) {
      const record = parseAccesslogEntry(entry);
      if (record !== undefined) records.push(record);
    }
  }
  return records.sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
}

/** Raised inside delta import when the changelog no longer holds the changes after the watermark. */
export class ChangelogTrimmedError extends Error {
  override readonly name = 'ChangelogTrimmedError';
}

/**
 * Reads changelog records after a change number, oldest first; throws {@link ChangelogTrimmedError} when the
 * log was trimmed past the watermark (first change number beyond it) or reset (last change number below it).
 * @param connection a connection
 * @param logDn the changelog suffix
 * @param since the last applied change number
 */
export async function readChangelog(
  connection: LdapConnection,
  logDn: string,
  since: string,
): Promise<ChangeRecord[]> {
  const last = Number(since);
  const root = await connection.read('', ['firstChangeNumber', 'lastChangeNumber']);
  const firstNumber = Number(
    root === undefined ? Number.NaN : (valuesOf(root, 'firstChangeNumber')[0] ?? Number.NaN),
  );
  const lastNumber = Number(
    root === undefined ? Number.NaN : (valuesOf(root, 'lastChangeNumber')[0] ?? Number.NaN),
  );
  if (!Number.isNaN(lastNumber) && lastNumber < last) {
    throw new ChangelogTrimmedError(
      `the changelog restarted (last change number ${lastNumber} < watermark ${last})`,
    );
  }
  if (!Number.isNaN(firstNumber) && firstNumber > last + 1 && lastNumber > last) {
    throw new ChangelogTrimmedError(
      `the changelog was trimmed: it starts at ${firstNumber}, after the watermark ${last}`,
    );
  }
  const records: ChangeRecord[] = [];
  for await (const page of connection.searchPages(logDn, {
    scope: 'one',
    filter: `(changeNumber>=${last + 1})`,
    attributes: [
      'changeNumber',
      'targetDN',
      'changeType',
      'changes',
      'newRDN',
      'deleteOldRDN',
      'newSuperior',
      'targetUniqueId',
    ],
    pageSize: 1000,
  })) {
    for (const entry of page) {
      const record = parseChangelogEntry(entry);
      if (record !== undefined) records.push(record);
    }
  }
  records.sort((a, b) => Number(a.position) - Number(b.position));
  const lowest = records[0];
  // Change numbers are contiguous (draft-good-ldap-changelog §3), so a gap right after the watermark means
  // the entries in between were trimmed, whatever the Root DSE says.
  if (lowest !== undefined && Number(lowest.position) > last + 1) {
    throw new ChangelogTrimmedError(
      `the changelog was trimmed: it has no change ${last + 1}; the oldest after the watermark is ${lowest.position}`,
    );
  }
  return records;
}

/**
 * Reads the in-scope entries whose modifyTimestamp is at or after the watermark (deletes are invisible to
 * this method), as entry records.
 * @param connection a connection
 * @param scope the import scope
 * @param since the watermark (a modifyTimestamp)
 */
export async function readModifiedSince(
  connection: LdapConnection,
  scope: ImportScope,
  since: string,
): Promise<ChangeRecord[]> {
  return readEntriesWith(
    connection,
    scope,
    'modifyTimestamp',
    `(modifyTimestamp>=${escapeFilterValue(since)})`,
  );
}

/**
 * Reads AD LDS entries changed after a USN, plus tombstones (Show Deleted control) to see deletes.
 * @param connection a connection
 * @param scope the import scope
 * @param since the last highestCommittedUSN applied
 * @param deletedObjectsBases where tombstones live (the partition roots)
 */
export async function readUsnChanges(
  connection: LdapConnection,
  scope: ImportScope,
  since: string,
  deletedObjectsBases: readonly string[],
): Promise<ChangeRecord[]> {
  const from = String(BigInt(since) + 1n);
  const records = await readEntriesWith(connection, scope, 'uSNChanged', `(uSNChanged>=${from})`);
  const showDeleted = new Control('1.2.840.113556.1.4.417', { critical: true });
  for (const base of deletedObjectsBases) {
    for await (const page of connection.searchPages(base, {
      scope: 'sub',
      filter: `(&(isDeleted=TRUE)(uSNChanged>=${from}))`,
      attributes: [scope.anchor, 'uSNChanged', 'isDeleted'],
      pageSize: 1000,
      controls: [showDeleted],
    })) {
      for (const entry of page) records.push(...planUsnRecords([], [entry], scope));
    }
  }
  return records.sort((a, b) => (BigInt(a.position) < BigInt(b.position) ? -1 : 1));
}

/**
 * Turns AD LDS search results into change records: live entries become `entry` records, tombstones
 * (`isDeleted: TRUE`) `deleted` records keyed by the anchor (objectGUID). Pure, so recorded data can drive it.
 * @param live entries found by `(uSNChanged>=n)`
 * @param tombstones entries found with the Show Deleted control
 * @param scope the import scope
 */
export function planUsnRecords(
  live: readonly LdapEntry[],
  tombstones: readonly LdapEntry[],
  scope: ImportScope,
): ChangeRecord[] {
  const records: ChangeRecord[] = [];
  for (const entry of live) {
    if ((valuesOf(entry, 'isDeleted')[0] ?? '').toUpperCase() === 'TRUE') continue;
    records.push({ kind: 'entry', position: valuesOf(entry, 'uSNChanged')[0] ?? '0', entry });
  }
  for (const entry of tombstones) {
    const anchor = valuesOf(entry, scope.anchor)[0];
    if (anchor === undefined) continue;
    records.push({ kind: 'deleted', position: valuesOf(entry, 'uSNChanged')[0] ?? '0', anchor });
  }
  return records;
}

async function readEntriesWith(
  connection: LdapConnection,
  scope: ImportScope,
  positionAttribute: string,
  condition: string,
): Promise<ChangeRecord[]> {
  const records: ChangeRecord[] = [];
  for (const base of scope.bases) {
    for await (const page of connection.searchPages(base, {
      scope: 'sub',
      filter: `(&${scopeFilter(scope)}${condition})`,
      attributes: scopeAttributes(scope, [positionAttribute]),
      pageSize: 1000,
    })) {
      for (const entry of page) {
        if (!inScope(scope, entry.dn)) continue;
        records.push({ kind: 'entry', position: valuesOf(entry, positionAttribute)[0] ?? '', entry });
      }
    }
  }
  return records;
}
