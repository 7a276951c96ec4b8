import type { AnchorStore, EntryInput } from '@scim2ldap/anchor-store';

/** Writes to the cache from concurrent requests, committing what arrives in the same event-loop turn together. */
export interface CacheWriter {
  /** Adds or refreshes an entry; resolves once it is committed. */
  upsert(entry: EntryInput): Promise<void>;
  /**
   * Queues an upsert that nobody waits for (a new entry whose response is already built from the directory's
   * answer): it is committed with the next group commit, at the latest `lingerMs` later, so the writes of
   * many requests share one transaction. Resolves once committed; the caller reports a failure.
   */
  upsertLater(entry: EntryInput): Promise<void>;
  /** Removes an entry, after every write queued before it; resolves once it is done. */
  delete(anchor: string): Promise<void>;
  /**
   * Resolves once every write queued so far is committed (lingering ones are written now): a read of the
   * cache waits for it, so a request sees what earlier requests wrote. With `affects`, lingering writes are
   * forced out only when one of them could change the read's answer (else only a commit under way is awaited).
   */
  settle(affects?: (write: CacheWrite) => boolean): Promise<void>;
}

/** A queued write, as `settle`'s `affects` sees it. */
export type CacheWrite =
  | { readonly kind: 'upsert'; readonly entry: EntryInput }
  | { readonly kind: 'delete'; readonly anchor: string };

type Operation =
  | { readonly kind: 'upsert'; readonly entry: EntryInput }
  | { readonly kind: 'delete'; readonly anchor: string }
  | { readonly kind: 'barrier' };
type Queued = Operation & { readonly resolve: () => void; readonly reject: (error: unknown) => void };

/**
 * Group commit for the cache: the upserts of concurrent requests (creates, read-backs of changed entries) are
 * written in one `bulkUpsert` transaction per event-loop turn instead of one transaction each, in the order
 * they were queued; deletes keep their place in that order. A caller of `upsert` / `delete` waits for its own
 * write, so the request answers only once the cache holds what it wrote; `upsertLater` writes linger up to
 * `lingerMs` (or until `maxBatch` are queued, or a waited-for write flushes them) so that creates under load
 * share transactions. A failure reaches only the callers it hit.
 * @param store the anchor store
 * @param options `lingerMs` (default 50) and `maxBatch` (default 256) for `upsertLater`
 * @example
 * const cache = createCacheWriter(store);
 * await Promise.all([cache.upsert(a), cache.upsert(b)]); // one transaction
 */
export function createCacheWriter(
  store: AnchorStore,
  options: { readonly lingerMs?: number; readonly maxBatch?: number } = {},
): CacheWriter {
  const lingerMs = options.lingerMs ?? 50;
  const maxBatch = options.maxBatch ?? 256;
  let queue: Queued[] = [];
  let scheduled = false;
  let lingering: NodeJS.Timeout | undefined;
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
    if (lingering !== undefined) clearTimeout(lingering);
    lingering = undefined;
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
      if (q.kind === 'barrier') q.resolve();
      else await store.delete(q.anchor).then(() => q.resolve(), q.reject);
    }
    if (run.length > 0) await writeUpserts(run);
  };

  const start = (): void => {
    writing = writing.then(flush).catch(() => undefined);
  };
  const enqueue = (item: Operation, waited: boolean): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      queue.push({ ...item, resolve, reject });
      if (scheduled) return;
      if (waited || queue.length >= maxBatch) {
        scheduled = true;
        setImmediate(start);
      } else if (lingering === undefined) {
        lingering = setTimeout(start, lingerMs);
      }
    });

  return {
    upsert: (entry) => enqueue({ kind: 'upsert', entry }, true),
    upsertLater: (entry) => enqueue({ kind: 'upsert', entry }, false),
    delete: (anchor) => enqueue({ kind: 'delete', anchor }, true),
    // With nothing queued, a flush may still be committing what it took from the queue: wait for it.
    settle: (affects) =>
      queue.length === 0 || (affects !== undefined && !queue.some((q) => q.kind !== 'barrier' && affects(q)))
        ? writing
        : enqueue({ kind: 'barrier' }, true),
  };
}
