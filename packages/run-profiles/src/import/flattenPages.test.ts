import { describe, expect, it } from 'vitest';
import { flattenPages } from './flattenPages.ts';

async function* pages<T>(...list: T[][]): AsyncGenerator<T[]> {
  for (const page of list) yield page;
}

describe('flattenPages', () => {
  it('yields every item of every page in order, skipping empty pages', async () => {
    const out: number[] = [];
    for await (const item of flattenPages(pages([1, 2], [], [3], [4, 5, 6]))) out.push(item);
    expect(out).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('pulls the next page only when the current one is used up', async () => {
    const pulled: number[] = [];
    async function* source(): AsyncGenerator<number[]> {
      for (const page of [[1, 2], [3]]) {
        pulled.push(page[0] as number);
        yield page;
      }
    }
    const iterator = flattenPages(source())[Symbol.asyncIterator]();
    await iterator.next();
    await iterator.next();
    expect(pulled).toEqual([1]);
    await iterator.next();
    expect(pulled).toEqual([1, 3]);
  });

  it('closes the source when the consumer stops early (break), and passes errors through', async () => {
    let closed = false;
    async function* source(): AsyncGenerator<number[]> {
      try {
        yield [1, 2, 3];
        yield [4];
      } finally {
        closed = true;
      }
    }
    for await (const item of flattenPages(source())) if (item === 2) break;
    expect(closed).toBe(true);
    async function* failing(): AsyncGenerator<number[]> {
      yield [1];
      throw new Error('page 2 failed');
    }
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const item of flattenPages(failing())) seen.push(item);
      })(),
    ).rejects.toThrow('page 2 failed');
    expect(seen).toEqual([1]);
  });
});
