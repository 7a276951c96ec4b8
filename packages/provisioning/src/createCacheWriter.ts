import type { AnchorStore, EntryInput } from '@scim2ldap/anchor-store';

/** Writes to the cache from concurrent requests, committing what arrives in the same event-loop turn together. */
export interface CacheWriter {
  /** Adds or refreshes an entry; resolves once it is committed. */
  upsert(entry: EntryInput): Promise<void>;
  /** Removes an entry, after every write queued before it; resolves once it is done. */
  delete(anchor: string): Promise<void>;
}

type Operation =
  | { readonly kind: 'upsert'; readonly entry: EntryInput }
  | { readonly kind: 'delete'; readonly anchor: string };
type Queued = Operation & { readonly resolve: () => void; readonly reject: (error: unknown) => void };

/**
 * Group commit for the cache: the upserts of concurrent requests (creates, read-backs of changed entries) are
 * written in one `bulkUpsert` transaction per event-loop turn instead of one transaction each, in the order
 * they were queued; deletes keep their place in that order. Each caller still waits for its own write, so
 * a request answers only once the cache holds what it wrote, and a failure reaches only the callers it hit.
 * @param store the anchor store
 * @example
 * const cache = createCacheWriter(store);
 * await Promise.all([cache.upsert(a), cache.upsert(b)]); // one transaction
 */
export function createCacheWriter(store: AnchorStore): CacheWriter {
  let queue: Queued[] = [];
  let scheduled = false;
  let writing: Promise<void> = Promise.resolve();

  const writeUpserts = async (run: Queued[]): Promise<void> => {
    const entries = run
      .map((q) => (q.kind === 'upsert' ? q.entry : undefined))
      .filter((e) => e !== undefined);
    if (run.length === 1) {
      await store.upsert(entries[0]!).then(run[0]!.resolve, run[0]!.reject);
      return;
    }
    const invalid = new Map<EntryInput, Error>();
    try {
      await store.bulkUpsert(entries, { onInvalidEntry: (error, entry) => invalid.set(entry, error) });
    } catch (error) {
      for (const q of run) q.reject(error);
      return;
    }
    for (const q of run) {
      const error = q.kind === 'upsert' ? invalid.get(q.entry) : undefined;
      if (error === undefined) q.resolve();
      else q.reject(error);
    }
  };

  const flush = async (): Promise<void> => {
    scheduled = false;
    const batch = queue;
    queue = [];
    let run: Queued[] = [];
    for (const q of batch) {
      if (q.kind === 'upsert') {
        run.push(q);
        continue;
      }
      if (run.length > 0) await writeUpserts(run);
      run = [];
      await store.delete(q.anchor).then(() => q.resolve(), q.reject);
    }
    if (run.length > 0) await writeUpserts(run);
  };

  const enqueue = (item: Operation): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      queue.push({ ...item, resolve, reject });
      if (scheduled) return;
      scheduled = true;
      setImmediate(() => {
        writing = writing.then(flush).catch(() => undefined);
      });
    });

  return {
    upsert: (entry) => enqueue({ kind: 'upsert', entry }),
    delete: (anchor) => enqueue({ kind: 'delete', anchor }),
  };
}
