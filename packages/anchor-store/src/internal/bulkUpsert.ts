import type { BulkUpsertOptions, BulkUpsertResult, EntryInput, UpsertOutcome } from '../AnchorStore.ts';
import { AnchorStoreError } from '../AnchorStoreError.ts';
import type { ResolvedIndexes } from './indexes.ts';
import { _prepareEntry, type PreparedEntry } from './prepareEntry.ts';

/** Default entries per transaction of `bulkUpsert`. @internal */
export const DEFAULT_BATCH_SIZE = 1000;

/**
 * Batches handed to an asynchronous writer and not yet committed, at most: one writing and five queued. The
 * writer's commits are uneven (a WAL checkpoint's fsync stalls one now and then); with one batch queued the
 * caller waited out each stall, with five it keeps preparing through them (1,000,000 entries: ≈ 63,000/s →
 * ≈ 74,000/s; docs/benchmarks.md). A queued batch is one string of about 1 KB per entry.
 */
const MAX_IN_FLIGHT = 6;

/**
 * How `_bulkUpsert` builds batches in a driver's own shape and writes them. A driver that encodes each entry
 * as it is added (the SQLite load writer) keeps no prepared-entry objects alive for the length of a batch.
 * @internal
 */
export interface BatchWriter<B> {
  /** A new, empty batch. */
  begin(): B;
  /** Adds a validated entry to the batch. */
  add(batch: B, entry: PreparedEntry): void;
  /** Writes the batch (of `size` entries) atomically; the outcome of each entry, in order. */
  write(batch: B, size: number): UpsertOutcome[] | Promise<UpsertOutcome[]>;
}

/**
 * The driver-independent half of `bulkUpsert`: streams the input, validates each entry, and hands batches
 * to `writer` (a function taking an array of prepared entries, or a {@link BatchWriter}), which must write
 * a batch atomically — synchronously, or asynchronously (a writer thread:
 * it must commit batches in the order given and refuse every batch after a failed one). An asynchronous
 * writer gets the next batch while it commits the previous one, so preparing and writing overlap; at most
 * six batches are outstanding. A validation error before a batch is handed over leaves that batch unwritten;
 * either error is thrown only after the outstanding batches have settled, with the count of committed ones.
 * Yields to the event loop between batches.
 * @internal
 */
export async function _bulkUpsert<B = PreparedEntry[]>(
  entries: Iterable<EntryInput> | AsyncIterable<EntryInput>,
  options: BulkUpsertOptions | undefined,
  indexes: ResolvedIndexes,
  writer: BatchWriter<B> | ((batch: PreparedEntry[]) => UpsertOutcome[] | Promise<UpsertOutcome[]>),
): Promise<BulkUpsertResult> {
  const batchSize = _checkBatchSize('bulkUpsert', options?.batchSize) ?? DEFAULT_BATCH_SIZE;
  const result: BulkUpsertResult = { added: 0, updated: 0, unchanged: 0, failed: 0, batches: 0 };
  const {
    begin,
    add: addTo,
    write,
  } = typeof writer === 'function' ? (arrayWriter(writer) as unknown as BatchWriter<B>) : writer;
  let batch = begin();
  let size = 0;
  let first: string | undefined;
  let handedOver = 0;
  let failure: AnchorStoreError | undefined;
  const inFlight: Promise<void>[] = [];
  const record = (outcomes: UpsertOutcome[]): void => {
    for (const outcome of outcomes) result[outcome]++;
    result.batches++;
  };
  // Names a batch by its size and first anchor only, so a batch in flight is not kept alive for its message.
  const notWritten = (number: number, size: number, first: string | undefined, cause: unknown) =>
    new AnchorStoreError(
      cause instanceof AnchorStoreError ? cause.code : 'storage',
      `bulkUpsert: batch ${number} (${size} entries, from anchor ${JSON.stringify(first)}) was not written; ` +
        `${result.batches} earlier batches are committed: ${(cause as Error).message}`,
      { cause },
    );
  const flush = async (): Promise<void> => {
    if (size === 0) return;
    const number = ++handedOver;
    const written = { size, first };
    let outcomes: UpsertOutcome[] | Promise<UpsertOutcome[]>;
    try {
      outcomes = write(batch, size);
    } catch (cause) {
      throw notWritten(number, written.size, written.first, cause);
    } finally {
      batch = begin();
      size = 0;
    }
    if (Array.isArray(outcomes)) record(outcomes);
    else {
      inFlight.push(
        outcomes.then(record, (cause: unknown) => {
          failure ??= notWritten(number, written.size, written.first, cause);
        }),
      );
      if (inFlight.length >= MAX_IN_FLIGHT) await inFlight.shift();
      if (failure) throw failure;
    }
    // Let other requests (SCIM lookups) run between batches of a long import.
    await new Promise<void>((resolve) => setImmediate(resolve));
  };
  let invalid: unknown;
  const add = (entry: EntryInput): void => {
    try {
      const prepared = _prepareEntry(entry, indexes);
      if (size++ === 0) first = prepared.anchor;
      addTo(batch, prepared);
    } catch (error) {
      if (!options?.onInvalidEntry || !(error instanceof AnchorStoreError)) {
        invalid = error;
        throw error;
      }
      result.failed++;
      options.onInvalidEntry(error, entry);
    }
  };
  try {
    if (Symbol.asyncIterator in entries) {
      for await (const entry of entries) {
        add(entry);
        if (size >= batchSize) await flush();
      }
    } else {
      // A plain iterable: no await per entry, only between batches.
      for (const entry of entries) {
        add(entry);
        if (size >= batchSize) await flush();
      }
    }
    await flush();
  } catch (error) {
    // Errors of the input, of validation or of a batch: reported once the outstanding batches have settled.
    await Promise.all(inFlight);
    if (failure) throw failure;
    if (error !== invalid) throw error;
    throw new AnchorStoreError(
      'invalid-entry',
      `bulkUpsert stopped; ${result.batches} earlier batches are committed, the current one is not: ${(error as Error).message}`,
      { cause: error },
    );
  }
  await Promise.all(inFlight);
  if (failure) throw failure;
  return result;
}

function arrayWriter(
  write: (batch: PreparedEntry[]) => UpsertOutcome[] | Promise<UpsertOutcome[]>,
): BatchWriter<PreparedEntry[]> {
  return { begin: () => [], add: (batch, entry) => batch.push(entry), write };
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
