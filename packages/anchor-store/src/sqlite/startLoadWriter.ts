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

  const send = (message: Record<string, unknown>): Promise<void> => {
    if (ended) return Promise.reject(ended);
    const id = nextId++;
    const done = new Promise<void>((resolve, reject) => pending.set(id, { resolve, reject }));
    if (pending.size === 1) worker.ref();
    worker.postMessage({ ...message, id });
    return done;
  };
  return {
    batches(seen) {
      return {
        begin: newBatch,
        add: addToBatch,
        async write(batch, size) {
          await send(toMessage(batch, seen));
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
 * A batch being built: each entry's strings are appended as it is added, and every few entries joined into
 * one flat string, so what a batch keeps alive is a few strings rather than a thousand entry objects (which
 * the garbage collector would otherwise copy at every young-generation collection).
 * @internal
 */
export interface LoadBatch {
  parts: string[];
  /** The hash prefix of the last entry added whose hash the thread computes, if any. */
  prefix: string | undefined;
  readonly texts: string[];
  readonly lengths: number[];
  readonly keyCounts: number[];
}

/** Entries whose strings are joined into one text at a time. */
const ENTRIES_PER_TEXT = 32;

function newBatch(): LoadBatch {
  return { parts: [], prefix: undefined, texts: [], lengths: [], keyCounts: [] };
}

function addToBatch(batch: LoadBatch, entry: PreparedEntry): void {
  const { parts, lengths } = batch;
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
  parts.push(entry.anchor, entry.dn, entry.dnNorm, hashSlot, entry.body);
  lengths.push(entry.anchor.length, entry.dn.length, entry.dnNorm.length, hashSlot.length, entry.body.length);
  for (const [attribute, value] of entry.indexKeys) {
    parts.push(attribute, value);
    lengths.push(attribute.length, value.length);
  }
  batch.keyCounts.push(entry.indexKeys.length);
  if (batch.keyCounts.length % ENTRIES_PER_TEXT === 0) {
    batch.texts.push(parts.join(''));
    batch.parts = [];
  }
}

/** A batch as the thread reads it: its strings end to end, their lengths, index keys per entry. */
function toMessage(batch: LoadBatch, seen: number | null): Record<string, unknown> {
  if (batch.parts.length > 0) batch.texts.push(batch.parts.join(''));
  const lengths = Uint32Array.from(batch.lengths);
  const keyCounts = Uint32Array.from(batch.keyCounts);
  return { op: 'append', text: batch.texts.join(''), lengths, keyCounts, seen };
}
