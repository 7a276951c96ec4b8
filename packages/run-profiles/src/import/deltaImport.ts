import type { AnchorStore } from '@scim2ldap/anchor-store';
import type { ConnectionPool } from '../connection/createConnectionPool.ts';
import type { Logger } from '../connection/types.ts';
import { applyChanges } from '../delta/applyChanges.ts';
import type { ChangeRecord } from '../delta/ChangeRecord.ts';
import { captureWatermark, type DeltaMethod, defaultChangelogDn } from './captureWatermark.ts';
import { contentSyncImport } from './contentSyncImport.ts';
import { fullImport, type FullImportResult, type ImportProgress } from './fullImport.ts';
import type { ImportScope } from './importScope.ts';
import {
  ChangelogTrimmedError,
  readAccesslog,
  readChangelog,
  readModifiedSince,
  readUsnChanges,
} from './readChanges.ts';

/** Options of {@link deltaImport}. */
export interface DeltaImportOptions extends ImportScope {
  readonly pool: ConnectionPool;
  readonly store: AnchorStore;
  /** How changes are found; `none` runs a full import (servers without a change log, e.g. ApacheDS). */
  readonly method: DeltaMethod;
  /** Where the change log lives; default `cn=accesslog` / `cn=changelog`. */
  readonly changelogDn?: string;
  /** accesslog: seconds re-read before the watermark (slow operations are logged late); default 5. */
  readonly overlapSeconds?: number;
  /** usn: where tombstones are searched (partition roots); default the scope's bases. */
  readonly deletedObjectsBases?: readonly string[];
  /** Passed to the full import a delta import falls back to. */
  readonly maxDeletes?: number;
  readonly onProgress?: (progress: ImportProgress) => void;
  readonly logger?: Logger;
}

/** What a delta import did; `mode: 'full'` when it had to run a full import instead, with the reason. */
export interface DeltaImportResult {
  readonly mode: 'delta' | 'full';
  readonly reason?: string;
  readonly runId: number;
  /** Change records read from the log (or changed entries found). */
  readonly changes: number;
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly deleted: number;
  readonly watermark: string | undefined;
}

/**
 * Delta Import: applies the changes made since the stored watermark to the store and advances the
 * watermark — from OpenLDAP's accesslog, a cn=changelog (389 DS retro changelog, OpenDJ, DSEE, …), AD LDS
 * uSNChanged, or modifyTimestamp (which cannot see deletes: run a full import now and then). Without a
 * watermark, with method `none`, or when the changelog was trimmed past the watermark, it runs a full import.
 * @param options scope, pool, store and method
 * @example
 * const result = await deltaImport({ pool, store, method: 'accesslog', bases: [usersDn], anchor: 'entryUUID' });
 * if (result.mode === 'full') console.log('full import instead:', result.reason);
 */
export async function deltaImport(options: DeltaImportOptions): Promise<DeltaImportResult> {
  const { store, pool, method } = options;
  if (method === 'none') return asFull(await full(options), 'the directory offers no delta method');
  if (method === 'syncrepl') return contentSyncImport(options);
  const since = await store.getWatermark(method);
  if (since === undefined) return asFull(await full(options), `no ${method} watermark yet`);
  const runId = await store.beginRun('delta-import');
  try {
    // Take the next watermark before reading, from the directory itself, so nothing falls between runs.
    const next =
      method === 'modifyTimestamp' ? undefined : await captureWatermark(pool, method, options.changelogDn);
    const records = await pool.use((connection): Promise<ChangeRecord[]> => {
      switch (method) {
        case 'accesslog':
          return readAccesslog(
            connection,
            options.changelogDn ?? defaultChangelogDn.accesslog,
            since,
            options.overlapSeconds ?? 5,
          );
        case 'changelog':
          return readChangelog(connection, options.changelogDn ?? defaultChangelogDn.changelog, since);
        case 'modifyTimestamp':
          return readModifiedSince(connection, options, since);
        case 'usn':
          return readUsnChanges(connection, options, since, options.deletedObjectsBases ?? options.bases);
      }
    });
    const drop = method === 'modifyTimestamp' ? ['modifyTimestamp'] : method === 'usn' ? ['uSNChanged'] : [];
    const counts = await applyChanges(records, { store, pool, scope: options, runId, drop });
    const watermark = newWatermark(method, since, next, records);
    await store.setWatermark(method, watermark);
    await store.finishRun(runId, {
      counts: { added: counts.added, updated: counts.updated, deleted: counts.deleted },
    });
    return { mode: 'delta', runId, changes: records.length, ...counts, watermark };
  } catch (error) {
    await store
      .finishRun(runId, { error: error instanceof Error ? error.message : String(error) })
      .catch(() => undefined);
    if (error instanceof ChangelogTrimmedError) {
      options.logger?.warn(`delta import: ${error.message}; running a full import`, { method });
      return asFull(await full(options), error.message);
    }
    throw error;
  }
}

function newWatermark(
  method: DeltaMethod,
  since: string,
  captured: string | undefined,
  records: readonly ChangeRecord[],
): string {
  if (method === 'modifyTimestamp') {
    return records.reduce((max, r) => later(max, r.position), since);
  }
  if (method === 'changelog') {
    const seen = records.reduce((max, r) => Math.max(max, Number(r.position)), Number(since));
    return String(Math.max(seen, Number(captured ?? since)));
  }
  if (method === 'usn') return captured ?? since;
  const seen = records.reduce((max, r) => later(max, r.position), since);
  return captured !== undefined && captured > seen ? captured : seen;
}

function full(options: DeltaImportOptions): Promise<FullImportResult> {
  return fullImport({
    ...options,
    deltaMethod: options.method,
    ...(options.maxDeletes === undefined ? {} : { maxDeletes: options.maxDeletes }),
  });
}

function asFull(result: FullImportResult, reason: string): DeltaImportResult {
  return {
    mode: 'full',
    reason,
    runId: result.runId,
    changes: result.entries,
    added: result.added,
    updated: result.updated,
    unchanged: result.unchanged,
    deleted: result.deleted,
    watermark: result.watermark,
  };
}

/** The later of two same-format timestamps (GeneralizedTime compares as text). */
function later(a: string, b: string): string {
  if (b > a) return b;
  return a;
}
