import type {
  AnchorStore,
  AnchorStoreOptions,
  RunRecord,
  StoredEntry,
  UpsertOptions,
  UpsertOutcome,
} from './AnchorStore.ts';
import { _parseBody } from './internal/canonicalEntry.ts';
import { AnchorStoreError } from './AnchorStoreError.ts';
import { _bulkUpsert, _checkBatchSize } from './internal/bulkUpsert.ts';
import { _indexValue, _notIndexed, _resolveIndexes } from './internal/indexes.ts';
import { _prepareEntry, type PreparedEntry } from './internal/prepareEntry.ts';
import {
  _checkLimit,
  _checkProfile,
  _checkSweep,
  _closed,
  _errorSummary,
  _finishCounts,
  _runFinished,
  _unknownRun,
} from './internal/runs.ts';
import { normalizeDn } from './normalizeDn.ts';

interface Row {
  entry: PreparedEntry;
  lastSeenRun: number | undefined;
}

/**
 * An anchor store held in memory: for tests, dry runs and short-lived tools. Nothing survives the process;
 * use `createSqliteStore` to keep the connector space across restarts.
 * @param options indexed attributes and the clock
 * @returns an open store
 * @example
 * const store = createMemoryStore({ indexes: [{ attribute: 'mail' }] });
 * await store.upsert({ anchor: 'a1', dn: 'uid=jo,ou=people,dc=example,dc=org', objectClasses: ['inetOrgPerson'], attributes: { mail: ['jo@example.org'] } });
 * (await store.findByAttribute('MAIL', 'Jo@Example.org'))[0]?.anchor; // 'a1'
 */
export function createMemoryStore(options: AnchorStoreOptions = {}): AnchorStore {
  const indexes = _resolveIndexes(options.indexes);
  const now = options.now ?? (() => new Date());
  const rows = new Map<string, Row>();
  const byDn = new Map<string, Set<string>>();
  const byValue = new Map<string, Set<string>>();
  const runs: RunRecord[] = [];
  const watermarks = new Map<string, string>();
  let closed = false;

  const open = (operation: string): void => {
    if (closed) throw _closed(operation);
  };
  const link = (map: Map<string, Set<string>>, key: string, anchor: string): void => {
    const set = map.get(key);
    if (set) set.add(anchor);
    else map.set(key, new Set([anchor]));
  };
  const unlink = (map: Map<string, Set<string>>, key: string, anchor: string): void => {
    const set = map.get(key);
    set?.delete(anchor);
    if (set?.size === 0) map.delete(key);
  };
  const valueKey = (attribute: string, value: string): string => `${attribute}\u0000${value}`;
  const toStored = (row: Row): StoredEntry => {
    const { anchor, dn, body, hash } = row.entry;
    // The JSON body is the snapshot taken at write time; parsing it gives the caller a fresh copy.
    const [objectClasses, attributes] = _parseBody(body);
    const stored: StoredEntry = { anchor, dn, objectClasses, attributes, hash };
    if (row.lastSeenRun !== undefined) stored.lastSeenRun = row.lastSeenRun;
    return stored;
  };
  const unindex = (entry: PreparedEntry): void => {
    unlink(byDn, entry.dnNorm, entry.anchor);
    for (const [a, v] of entry.indexKeys) unlink(byValue, valueKey(a, v), entry.anchor);
  };
  const remove = (row: Row): void => {
    rows.delete(row.entry.anchor);
    unindex(row.entry);
  };
  const seenBy = (runId: number | undefined): number | undefined => {
    if (runId === undefined) return runs.at(-1)?.id;
    if (!runs.some((r) => r.id === runId)) throw _unknownRun('upsert', runId);
    return runId;
  };
  const write = (entry: PreparedEntry, lastSeenRun: number | undefined): UpsertOutcome => {
    const old = rows.get(entry.anchor);
    // Read the hash now: a prepared entry keeps its hash input (about the size of the body) until then.
    const hash = entry.hash;
    if (old && old.entry.hash === hash) {
      old.lastSeenRun = lastSeenRun;
      return 'unchanged';
    }
    if (old) unindex(old.entry);
    // Update the row in place so a running iterate() does not meet it again at the end of the Map.
    if (old) Object.assign(old, { entry, lastSeenRun });
    else rows.set(entry.anchor, { entry, lastSeenRun });
    link(byDn, entry.dnNorm, entry.anchor);
    for (const [a, v] of entry.indexKeys) link(byValue, valueKey(a, v), entry.anchor);
    return old ? 'updated' : 'added';
  };
  const findRun = (operation: string, runId: number): RunRecord => {
    const run = runs.find((r) => r.id === runId);
    if (!run) throw _unknownRun(operation, runId);
    return run;
  };
  const copyRun = (run: RunRecord): RunRecord => ({
    ...run,
    counts: { ...run.counts },
    startedAt: new Date(run.startedAt),
    ...(run.finishedAt ? { finishedAt: new Date(run.finishedAt) } : {}),
  });

  return {
    driver: 'memory',
    async get(anchor) {
      open('get');
      const row = rows.get(anchor);
      return row && toStored(row);
    },
    async getByDn(dn) {
      open('getByDn');
      const anchors = byDn.get(normalizeDn(dn));
      const row = anchors && rows.get([...anchors].at(-1)!);
      return row && toStored(row);
    },
    async findByAttribute(name, value) {
      open('findByAttribute');
      const attribute = name.toLowerCase();
      const caseExact = indexes.get(attribute);
      if (caseExact === undefined) throw _notIndexed(name, indexes);
      const anchors = byValue.get(valueKey(attribute, _indexValue(value, caseExact))) ?? [];
      return [...anchors].map((anchor) => toStored(rows.get(anchor)!));
    },
    async upsert(entry, upsertOptions?: UpsertOptions) {
      open('upsert');
      return write(_prepareEntry(entry, indexes), seenBy(upsertOptions?.runId));
    },
    async delete(anchor) {
      open('delete');
      const row = rows.get(anchor);
      if (row) remove(row);
      return row !== undefined;
    },
    async bulkUpsert(entries, bulkOptions) {
      open('bulkUpsert');
      const lastSeenRun = seenBy(bulkOptions?.runId);
      return _bulkUpsert(entries, bulkOptions, indexes, (batch) => {
        open('bulkUpsert');
        return batch.map((entry) => write(entry, lastSeenRun));
      });
    },
    async beginRun(profile) {
      open('beginRun');
      const id = (runs.at(-1)?.id ?? 0) + 1;
      const counts = { added: 0, updated: 0, deleted: 0, failed: 0 };
      runs.push({ id, profile: _checkProfile(profile), startedAt: now(), status: 'unfinished', counts });
      return id;
    },
    async finishRun(runId, result) {
      open('finishRun');
      const run = findRun('finishRun', runId);
      if (run.status !== 'unfinished') throw _runFinished(runId);
      const counts = _finishCounts(result);
      const error = _errorSummary(result);
      Object.assign(run, { counts, finishedAt: now(), status: error === undefined ? 'succeeded' : 'failed' });
      if (error !== undefined) run.error = error;
      return copyRun(run);
    },
    async getRun(runId) {
      open('getRun');
      const run = runs.find((r) => r.id === runId);
      return run && copyRun(run);
    },
    async listRuns(listOptions) {
      open('listRuns');
      return [...runs].reverse().slice(0, _checkLimit(listOptions?.limit)).map(copyRun);
    },
    async sweepUnseen(runId, sweepOptions) {
      open('sweepUnseen');
      findRun('sweepUnseen', runId);
      const unseen = [...rows.values()].filter((r) => r.lastSeenRun === undefined || r.lastSeenRun < runId);
      _checkSweep(runId, unseen.length, sweepOptions?.maxDeletes);
      for (const row of unseen) remove(row);
      return unseen.map(toStored);
    },
    async getWatermark(method) {
      open('getWatermark');
      return watermarks.get(method);
    },
    async setWatermark(method, value) {
      open('setWatermark');
      if (typeof value !== 'string') {
        throw new AnchorStoreError(
          'invalid-option',
          `setWatermark(${JSON.stringify(method)}): value must be a string`,
        );
      }
      watermarks.set(method, value);
    },
    async count() {
      open('count');
      return rows.size;
    },
    async *iterate(iterateOptions) {
      open('iterate');
      _checkBatchSize('iterate', iterateOptions?.batchSize);
      // Map iteration sees entries added during the loop and skips deleted ones, like the SQLite driver's pages.
      for (const row of rows.values()) {
        yield toStored(row);
        open('iterate');
      }
    },
    async close() {
      closed = true;
    },
  };
}
