export type {
  AnchorStore,
  AnchorStoreOptions,
  BulkUpsertOptions,
  BulkUpsertResult,
  EntryInput,
  FinishRunInput,
  IndexSpec,
  IterateOptions,
  RunCounts,
  RunRecord,
  RunStatus,
  StoredEntry,
  SweepOptions,
  UpsertOptions,
  UpsertOutcome,
  WatermarkMethod,
} from './AnchorStore.ts';
export { AnchorStoreError, type AnchorStoreErrorCode } from './AnchorStoreError.ts';
export { createMemoryStore } from './createMemoryStore.ts';
export { createSqliteStore, type SqliteStoreOptions } from './createSqliteStore.ts';
export { hashEntry } from './hashEntry.ts';
export { normalizeDn } from './normalizeDn.ts';
