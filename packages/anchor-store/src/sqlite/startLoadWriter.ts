import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { PreparedEntry } from '../internal/prepareEntry.ts';
import { WRITER_THREAD_SOURCE } from './writerThreadSource.ts';

/** The load writer thread, seen from the store. @internal */
export interface LoadWriter {
  /** Appends one batch in one transaction on the thread; resolves once it is committed. */
  append(batch: readonly PreparedEntry[], seen: number | null): Promise<void>;
  /** Closes the thread's connection and ends the thread. */
  close(): Promise<void>;
}

interface Reply {
  readonly id: number;
  readonly error?: { readonly message: string; readonly code?: string };
}

const driver = createRequire(import.meta.url).resolve('better-sqlite3');

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
    workerData: { driver, path, pragmas },
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
    append(batch, seen) {
      return send(toMessage(batch, seen));
    },
    async close() {
      if (ended) return;
      await send({ op: 'close' }).catch(() => undefined);
      await worker.terminate();
    },
  };
}

/** A batch as the thread reads it: its strings end to end, their lengths, index keys per entry. */
function toMessage(batch: readonly PreparedEntry[], seen: number | null): Record<string, unknown> {
  const parts: string[] = [];
  const keyCounts = new Uint32Array(batch.length);
  for (let i = 0; i < batch.length; i++) {
    const entry = batch[i]!;
    parts.push(entry.anchor, entry.dn, entry.dnNorm, entry.hash, entry.body);
    for (const [attribute, value] of entry.indexKeys) parts.push(attribute, value);
    keyCounts[i] = entry.indexKeys.length;
  }
  const lengths = new Uint32Array(parts.length);
  for (let i = 0; i < parts.length; i++) lengths[i] = parts[i]!.length;
  return { op: 'append', text: parts.join(''), lengths, keyCounts, seen };
}
