/**
 * Turns an async source of pages into an async iterable of their items. Each item costs one resolved
 * promise, where an async generator yielding item by item costs several promises and microtask hops (which
 * showed at 100,000 entries). Pages are pulled one at a time, so memory stays at one page.
 * @param pages the pages, e.g. converted search results
 * @example
 * await store.bulkUpsert(flattenPages(readPages()), { runId });
 */
export function flattenPages<T>(pages: AsyncIterable<readonly T[]>): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<T> {
      const source = pages[Symbol.asyncIterator]();
      let page: readonly T[] = [];
      let index = 0;
      return {
        async next(): Promise<IteratorResult<T>> {
          while (index >= page.length) {
            const result = await source.next();
            if (result.done === true) return { done: true, value: undefined };
            page = result.value;
            index = 0;
          }
          return { done: false, value: page[index++] as T };
        },
        async return(): Promise<IteratorResult<T>> {
          await source.return?.();
          return { done: true, value: undefined };
        },
      };
    },
  };
}
