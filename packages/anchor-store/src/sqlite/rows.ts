import type { RunRecord, RunStatus, StoredEntry } from '../AnchorStore.ts';
import { _parseBody } from '../internal/canonicalEntry.ts';
import type { EntryRow, RunRow } from './statements.ts';

/** Turns an `entries` row into the entry the API returns. @internal */
export function _toStoredEntry(row: EntryRow): StoredEntry {
  const [objectClasses, attributes] = _parseBody(row.body);
  const entry: StoredEntry = { anchor: row.anchor, dn: row.dn, objectClasses, attributes, hash: row.hash };
  if (row.last_seen_run !== null) entry.lastSeenRun = row.last_seen_run;
  return entry;
}

/** Turns a `runs` row into a run record. @internal */
export function _toRunRecord(row: RunRow): RunRecord {
  const run: RunRecord = {
    id: row.id,
    profile: row.profile,
    startedAt: new Date(row.started_at),
    status: row.status as RunStatus,
    counts: { added: row.added, updated: row.updated, deleted: row.deleted, failed: row.failed },
  };
  if (row.finished_at !== null) run.finishedAt = new Date(row.finished_at);
  if (row.error !== null) run.error = row.error;
  return run;
}
