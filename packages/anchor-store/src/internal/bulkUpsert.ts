import type { BulkUpsertOptions, BulkUpsertResult, EntryInput, UpsertOutcome } from '../AnchorStore.ts';
import { AnchorStoreError } from '../AnchorStoreError.ts';
import type { ResolvedIndexes } from './indexes.ts';
import { _prepareEntry, type PreparedEntry } from './prepareEntry.ts';

/** Default entries per transaction of `bulkUpsert`. @internal */
export const DEFAULT_BATCH_SIZE = 1000;

/**
 * The driver-independent half of `bulkUpsert`: streams the input, validates each entry, and hands batches
 * to `writeBatch`, which must write a batch atomically. A validation error before a batch is written
 * leaves that batch unwritten. Yields to the event loop between batches.
 * @internal
 */
export async function _bulkUpsert(
  entries: Iterable<EntryInput> | AsyncIterable<EntryInput>,
  options: BulkUpsertOptions | undefined,
  indexes: ResolvedIndexes,
  writeBatch: (batch: PreparedEntry[]) => UpsertOutcome[],
): Promise<BulkUpsertResult> {
  const batchSize = _checkBatchSize('bulkUpsert', options?.batchSize) ?? DEFAULT_BATCH_SIZE;
  const result: BulkUpsertResult = { added: 0, updated: 0, unchanged: 0, failed: 0, batches: 0 };
  let batch: PreparedEntry[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    let outcomes: UpsertOutcome[];
    try {
      outcomes = writeBatch(batch);
    } catch (cause) {
      throw new AnchorStoreError(
        cause instanceof AnchorStoreError ? cause.code : 'storage',
        `bulkUpsert: batch ${result.batches + 1} (${batch.length} entries, from anchor ` +
          `${JSON.stringify(batch[0]?.anchor)}) was not written; ${result.batches} earlier batches are committed: ` +
          (cause as Error).message,
        { cause },
      );
    }
    for (const outcome of outcomes) result[outcome]++;
    result.batches++;
    batch = [];
    // Let other requests (SCIM lookups) run between batches of a long import.
    await new Promise<void>((resolve) => setImmediate(resolve));
  };
  const add = (entry: EntryInput): void => {
    try {
      batch.push(_prepareEntry(entry, indexes));
    } catch (error) {
      if (!options?.onInvalidEntry || !(error instanceof AnchorStoreError)) {
        throw new AnchorStoreError(
          'invalid-entry',
          `bulkUpsert stopped; ${result.batches} earlier batches are committed, the current one is not: ${(error as Error).message}`,
          { cause: error },
        );
      }
      result.failed++;
      options.onInvalidEntry(error, entry);
    }
  };
  if (Symbol.asyncIterator in entries) {
    for await (const entry of entries) {
      add(entry);
      if (batch.length >= batchSize) await flush();
    }
  } else {
    // A plain iterable: no await per entry, only between batches.
    for (const entry of entries) {
      add(entry);
      if (batch.length >= batchSize) await flush();
    }
  }
  await flush();
  return result;
}

/** Checks a `batchSize` option. @internal */
export function _checkBatchSize(operation: string, batchSize: number | undefined): number | undefined {
  if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1)) {
    throw new AnchorStoreError(
      'invalid-option',
      `${operation}: batchSize must be a positive integer; got ${batchSize}`,
    );
  }
  return batchSize;
}
