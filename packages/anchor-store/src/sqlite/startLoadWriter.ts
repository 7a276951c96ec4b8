import { Worker } from 'node:worker_threads';
import type { UpsertOutcome } from '../AnchorStore.ts';
import type { BatchWriter } from '../internal/bulkUpsert.ts';
import type { PreparedEntry } from '../internal/prepareEntry.ts';
import { _sqliteDriver } from './driver.ts';
import { WRITER_THREAD_SOURCE } from './writerThreadSource.ts';

/** The load writer thread, seen from the store. @internal */
export interface LoadWriter {
  /**
   * Batches for `_bulkUpsert`, each appended in one transaction on the thread (the promise resolves once it
   * is committed), the entries stamped as seen by run `seen`.
   */
  batches(seen: number | null): BatchWriter<LoadBatch>;
  /** Runs SQL on the thread's connection; rejects with SQLite's error (its `code` kept). */
  exec(sql: string): Promise<void>;
  /** Closes the thread's connection and ends the thread. */
  close(): Promise<void>;
}

interface Reply {
  readonly id: number;
  readonly error?: { readonly message: string; readonly code?: string };
}

/**
 * Starts the thread that writes a load into an empty store (`WRITER_THREAD_SOURCE`), so preparing entries
 * (validation, canonical JSON, hash — on the caller's thread) and SQLite's inserts and commits run on two
 * cores at once. Batches are committed in the order `append` is called; the thread only holds the event
 * loop open while a batch is outstanding.
 * @param path the store file (a file, not `:memory:`: the thread opens its own connection)
 * @param pragmas connection settings for the thread's connection (`busy_timeout = …`, `synchronous = …`)
 * @internal
 */
export function _startLoadWriter(path: string, pragmas: readonly string[]): LoadWriter {
  const worker = new Worker(WRITER_THREAD_SOURCE, {
    eval: true,
    workerData: { driver: _sqliteDriver().path, path, pragmas },
  });
  worker.unref();
  const pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let ended: Error | undefined;
  const failAll = (error: Error): void => {
    ended ??= error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
    worker.unref();
  };
  worker.on('message', (reply: Reply) => {
    const waiter = pending.get(reply.id);
    if (waiter === undefined) return;
    pending.delete(reply.id);
    if (pending.size === 0) worker.unref();
    if (reply.error === undefined) waiter.resolve();
    else waiter.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code }));
  });
  worker.on('error', (error) => failAll(new Error(`the load writer thread failed: ${error.message}`)));
  worker.on('exit', () => failAll(new Error('the load writer thread has ended')));

  const send = (message: Record<string, unknown>, transfer: ArrayBuffer[] = []): Promise<void> => {
    if (ended) return Promise.reject(ended);
    const id = nextId++;
    const done = new Promise<void>((resolve, reject) => pending.set(id, { resolve, reject }));
    if (pending.size === 1) worker.ref();
    worker.postMessage({ ...message, id }, transfer);
    return done;
  };
  return {
    batches(seen) {
      return {
        begin: newBatch,
        add: addToBatch,
        async write(batch, size) {
          await send(...toMessage(batch, seen));
          return new Array<UpsertOutcome>(size).fill('added');
        },
      };
    },
    exec(sql) {
      return send({ op: 'exec', sql });
    },
    async close() {
      if (ended) return;
      await send({ op: 'close' }).catch(() => undefined);
      await worker.terminate();
    },
  };
}

/**
 * A batch being built: each entry's strings are concatenated and written as UTF-8 into one off-heap buffer
 * as it is added, so what a batch keeps on the JavaScript heap is a few typed arrays — not a thousand
 * entries' strings, which every young-generation collection would copy until the batch is sent — and the
 * buffer goes to the thread without a copy (transferred). The thread decodes one entry at a time and cuts
 * it into its strings by their lengths.
 * @internal
 */
export interface LoadBatch {
  bytes: Buffer;
  /** Bytes of `bytes` written. */
  used: number;
  /** Per entry: its bytes, its index keys. */
  entries: Uint32Array;
  /** Per string, in order: its length (UTF-16 code units). */
  lengths: Uint32Array;
  count: number;
  strings: number;
  /** The hash prefix of the last entry added whose hash the thread computes, if any. */
  prefix: string | undefined;
}

function newBatch(): LoadBatch {
  return {
    bytes: Buffer.allocUnsafeSlow(1 << 21),
    used: 0,
    entries: new Uint32Array(2048),
    lengths: new Uint32Array(16_384),
    count: 0,
    strings: 0,
    prefix: undefined,
  };
}

function grown(array: Uint32Array, needed: number): Uint32Array {
  if (needed <= array.length) return array;
  const bigger = new Uint32Array(Math.max(needed, array.length * 2));
  bigger.set(array);
  return bigger;
}

function addToBatch(batch: LoadBatch, entry: PreparedEntry): void {
  // The hash slot: the hash, or the hash prefix for the thread to hash the entry itself ('' when it is the
  // previous entry's prefix again, as it mostly is: one prefix per attribute list).
  const prefix = entry.hashPrefix;
  let hashSlot: string;
  if (prefix === undefined) hashSlot = entry.hash;
  else if (prefix === batch.prefix) hashSlot = '';
  else {
    hashSlot = prefix;
    batch.prefix = prefix;
  }
  const keys = entry.indexKeys;
  batch.lengths = grown(batch.lengths, batch.strings + 5 + 2 * keys.length);
  const { lengths } = batch;
  let at = batch.strings;
  let record = entry.anchor + entry.dn + entry.dnNorm + hashSlot + entry.body;
  lengths[at++] = entry.anchor.length;
  lengths[at++] = entry.dn.length;
  lengths[at++] = entry.dnNorm.length;
  lengths[at++] = hashSlot.length;
  lengths[at++] = entry.body.length;
  for (const [attribute, value] of keys) {
    record += attribute + value;
    lengths[at++] = attribute.length;
    lengths[at++] = value.length;
  }
  batch.strings = at;
  // UTF-8 takes at most 3 bytes per UTF-16 code unit.
  if (batch.bytes.length - batch.used < record.length * 3) {
    const bigger = Buffer.allocUnsafeSlow(Math.max(batch.bytes.length * 2, batch.used + record.length * 3));
    batch.bytes.copy(bigger, 0, 0, batch.used);
    batch.bytes = bigger;
  }
  const written = batch.bytes.write(record, batch.used, 'utf8');
  batch.used += written;
  batch.entries = grown(batch.entries, 2 * batch.count + 2);
  batch.entries[2 * batch.count] = written;
  batch.entries[2 * batch.count + 1] = keys.length;
  batch.count++;
}

/** A batch as the thread reads it (its buffer and arrays are transferred, not copied). */
function toMessage(batch: LoadBatch, seen: number | null): [Record<string, unknown>, ArrayBuffer[]] {
  const { bytes } = batch;
  const message = {
    op: 'append',
    bytes: bytes.buffer,
    offset: bytes.byteOffset,
    used: batch.used,
    entries: batch.entries.subarray(0, 2 * batch.count),
    lengths: batch.lengths.subarray(0, batch.strings),
    seen,
  };
  return [message, [bytes.buffer, batch.entries.buffer, batch.lengths.buffer] as ArrayBuffer[]];
}
