import type { AnchorStore, EntryInput } from '@scim2ldap/anchor-store';
import type { ConnectionPool } from '../connection/createConnectionPool.ts';
import { streamSearch } from '../connection/streamSearch.ts';
import type { Logger } from '../connection/types.ts';
import { captureWatermark, type DeltaMethod } from './captureWatermark.ts';
import { flattenPages } from './flattenPages.ts';
import { entryConverter, type ImportScope, scopeAttributes, scopeFilter, valuesOf } from './importScope.ts';

/** Entries converted and handed to the store at a time. */
const CHUNK = 100;

/** Progress of an import, reported after every page. */
export interface ImportProgress {
  readonly phase: 'reading' | 'sweeping' | 'done';
  /** Entries read so far. */
  readonly entries: number;
  readonly elapsedMs: number;
  /** Entries per second so far. */
  readonly ratePerSecond: number;
}

/** Options of {@link fullImport}. */
export interface FullImportOptions extends ImportScope {
  readonly pool: ConnectionPool;
  readonly store: AnchorStore;
  /** Entries per paged-results page; default 1000. */
  readonly pageSize?: number;
  /** Entries per store transaction; default 1000. */
  readonly batchSize?: number;
  /** Delta method whose watermark is taken before reading, so the next delta import starts from here. */
  readonly deltaMethod?: DeltaMethod;
  /** Where the change log lives (`cn=accesslog`, `cn=changelog`); default per method. */
  readonly changelogDn?: string;
  /** Refuse to delete more than this many unseen entries (a wrong base or lost ACL looks like mass deletion). */
  readonly maxDeletes?: number;
  readonly onProgress?: (progress: ImportProgress) => void;
  /** Monotonic clock in ms for rates; default `performance.now`. */
  readonly clock?: () => number;
  readonly logger?: Logger;
}

/** What a full import did. */
export interface FullImportResult {
  readonly runId: number;
  readonly entries: number;
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly deleted: number;
  /** Entries skipped because their anchor could not be read. */
  readonly failed: number;
  readonly watermark: string | undefined;
  readonly elapsedMs: number;
}

/**
 * Full Import: reads every in-scope entry (selected bases, object class, selected attributes + anchor) with
 * paged results, streams them into the store in transactions, removes entries not seen, and records the
 * delta watermark taken before reading. Memory stays bounded by two pages and a batch.
 * @param options scope, pool, store, paging and progress callback
 * @example
 * const result = await fullImport({ pool, store, bases: ['ou=people,dc=example,dc=org'], anchor: 'entryUUID',
 *   deltaMethod: 'accesslog', onProgress: (p) => console.log(p.entries, p.ratePerSecond) });
 */
export async function fullImport(options: FullImportOptions): Promise<FullImportResult> {
  const clock = options.clock ?? (() => performance.now());
  const started = clock();
  const { store, pool } = options;
  const watermark =
    options.deltaMethod === undefined || options.deltaMethod === 'none'
      ? undefined
      : await captureWatermark(pool, options.deltaMethod, options.changelogDn);
  const runId = await store.beginRun('full-import');
  let entries = 0;
  let failed = 0;
  const progress = (phase: ImportProgress['phase']): void => {
    const elapsedMs = clock() - started;
    options.onProgress?.({
      phase,
      entries,
      elapsedMs,
      ratePerSecond: elapsedMs > 0 ? (entries * 1000) / elapsedMs : 0,
    });
  };
  const extra = options.deltaMethod === 'modifyTimestamp' ? ['modifyTimestamp'] : [];
  let newestTimestamp = '';
  const convert = entryConverter(options, extra);
  // Chunks of converted entries; the store reads them entry by entry (flattenPages: no generator per entry).
  async function* read(): AsyncIterable<EntryInput[]> {
    for (const base of options.bases) {
      // A dedicated streaming connection per base (the paged-results cookie belongs to it).
      const pages = streamSearch(pool.connectionOptions, {
        base,
        scope: 'sub',
        filter: scopeFilter(options),
        attributes: scopeAttributes(options, extra),
        pageSize: options.pageSize ?? 1000,
      });
      for await (const page of pages) {
        // Handed on in small chunks, each entry decoded and converted just before the store reads it: the
        // decoded objects die young instead of a page of them being copied by every garbage collection.
        let inputs: EntryInput[] = [];
        for (const entry of page) {
          if (extra.length > 0) {
            const stamp = valuesOf(entry, 'modifyTimestamp')[0];
            if (stamp !== undefined && stamp > newestTimestamp) newestTimestamp = stamp;
          }
          const input = convert(entry);
          if (input === undefined) {
            failed++;
            options.logger?.warn(`full import: ${entry.dn} has no readable ${options.anchor}; skipped`, {
              dn: entry.dn,
            });
            continue;
          }
          inputs.push(input);
          if (inputs.length === CHUNK) {
            entries += CHUNK;
            yield inputs;
            inputs = [];
          }
        }
        entries += inputs.length;
        progress('reading');
        yield inputs;
        // Let pending socket reads run between pages: the server keeps streaming the next page into a
        // drained socket instead of stalling on a full one while the (synchronous) store works.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }
  try {
    // One bulk load for the whole import: into an empty store it takes the store's fast append path.
    const totals = await store.bulkUpsert(flattenPages(read()), {
      runId,
      batchSize: options.batchSize ?? 1000,
    });
    progress('sweeping');
    const swept = await store.sweepUnseen(
      runId,
      options.maxDeletes === undefined ? {} : { maxDeletes: options.maxDeletes },
    );
    const mark = options.deltaMethod === 'modifyTimestamp' ? newestTimestamp || watermark : watermark;
    if (mark !== undefined && options.deltaMethod !== undefined && options.deltaMethod !== 'none') {
      await store.setWatermark(options.deltaMethod, mark);
    }
    const counts = {
      added: totals.added,
      updated: totals.updated,
      deleted: swept.length,
      failed: failed + totals.failed,
    };
    await store.finishRun(runId, { counts });
    progress('done');
    return {
      runId,
      entries,
      added: totals.added,
      updated: totals.updated,
      unchanged: totals.unchanged,
      deleted: swept.length,
      failed: counts.failed,
      watermark: mark,
      elapsedMs: clock() - started,
    };
  } catch (error) {
    await store
      .finishRun(runId, { error: error instanceof Error ? error.message : String(error) })
      .catch(() => undefined);
    throw error;
  }
}
